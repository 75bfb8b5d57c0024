"""What a user sees from `python -m generator parse` on newsletters that name themselves
only in their own chrome: a browser-pasted post (masthead, "Name #37:" title, button
lines) and a digest split by a "Forward <newsletter> to a friend" call to action. The
newsletter's name becomes the source of items that name no outlet; button lines never
reach a title; prose left between a button line and the next heading is reported."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from archive_helpers import ROOT, cli_process

DATA = ROOT / "tests" / "data" / "readers"
BUTTONS = ("Subscribe", "Share", "Sign in", "Like", "Comment", "Restack")


def parse_json(path: Path, *extra: str) -> list[dict[str, Any]]:
    proc = cli_process("parse", str(path), "--json", *extra)
    assert proc.returncode == 0, proc.stderr
    articles: list[dict[str, Any]] = json.loads(proc.stdout)
    assert articles, proc.stderr
    return articles


def test_pasted_newsletter_post_gives_one_article_per_section_sourced_to_its_masthead() -> None:
    articles = parse_json(DATA / "newsletter_substack_browser_paste.txt")
    assert [a["title"] for a in articles] == [
        "Bogotá pauses police facial recognition",
        "Ghana's new data law reaches parliament",
        "Penang lands another chip packaging plant",
    ]
    assert {a["source"] for a in articles} == {"Signal & Noise"}
    assert {a["format"] for a in articles} == {"newsletter"}


def test_button_lines_never_reach_a_title_or_a_body() -> None:
    for name in ("newsletter_substack_browser_paste.txt", "newsletter_ghost_masthead_no_share.txt"):
        for article in parse_json(DATA / name):
            assert not article["title"].startswith(BUTTONS), article["title"]
            assert "#37" not in article["title"]
            lines = article["body"].split("\n\n")
            assert not any(line.strip() in BUTTONS for line in lines), article["body"]


def test_post_without_issue_number_is_sourced_to_its_masthead_line() -> None:
    articles = parse_json(DATA / "newsletter_ghost_masthead_no_share.txt")
    assert len(articles) == 3
    assert {a["source"] for a in articles} == {"Borderless Bytes"}
    assert "Who gets to hold the keys?" not in [a["title"] for a in articles]


def test_forward_call_to_action_names_the_source_of_every_item() -> None:
    articles = parse_json(DATA / "digest_forward_cta_names_newsletter.txt")
    assert len(articles) == 3
    assert {a["source"] for a in articles} == {"Quiet Wires"}


def test_a_name_after_forward_inside_prose_is_not_taken_for_the_source() -> None:
    articles = parse_json(DATA / "digest_forward_named_in_prose_only.txt")
    assert len(articles) == 3
    assert {a["source"] for a in articles} == {"Unknown source"}


def test_prose_between_a_button_and_the_next_heading_is_reported() -> None:
    raw = DATA / "newsletter_orphan_prose_reported.txt"
    proc = cli_process("parse", str(raw.relative_to(ROOT)))
    assert proc.returncode == 0, proc.stderr
    assert "2 articles (newsletter, captured 2026-05-04)" in proc.stdout
    assert (
        f"{raw.relative_to(ROOT)}:18: warning: not read as an item: 'A reader wrote in"
        in proc.stderr
    )
    assert "Wire Notes #9" not in proc.stdout
