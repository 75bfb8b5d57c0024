"""`briefings review`: every page that needs a curator, one line each, with the reasons."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from archive_helpers import ROOT, briefing, cli, make_archive, write_briefing

PAIRS = ROOT / "tests" / "data" / "duplicates"


def text(case: str, name: str) -> str:
    return (PAIRS / case / name).read_text(encoding="utf-8")


def build(content: Path) -> dict[str, Path]:
    """An archive with one page of each kind a curator must look at, and one clean page."""
    osaka = "same/osaka-deepfake-arrest-two-outlets"
    return {
        "clean": write_briefing(
            content,
            briefing(
                id="0a0a0a0a0a0a",
                slug="eu-countries-back-ai-act-delay",
                title="EU countries back AI Act delay",
                region="EU",
                regions=["EU"],
                topic="ai-governance-regulation",
            ),
            text("distinct/ai-act-guidance-and-ai-act-delay", "b.txt"),
        ),
        "off-topic": write_briefing(
            content,
            briefing(
                id="1b1b1b1b1b1b",
                slug="nanovaccine-suppresses-cancer-recurrence",
                title="Nanovaccine suppresses cancer recurrence",
                region="SG",
                regions=["SG", "CN"],
                topic="other-off-topic",
                status="off-topic",
                review_reasons=["off-topic: cancer, vaccine, tumours"],
            ),
            "A joint China-Singapore team reports a nanovaccine that suppresses tumours in mice.",
        ),
        "review": write_briefing(
            content,
            briefing(
                id="2c2c2c2c2c2c",
                slug="banks-form-qivalis",
                title="Banks form Qivalis",
                region="NL",
                regions=["NL", "EU"],
                topic="digital-finance",
                status="review",
                review_reasons=["low-confidence region (NL, 0.20)"],
            ),
            text("same/stablecoin-item-pasted-twice-with-edits", "a.txt"),
        ),
        "guessed": write_briefing(
            content,
            briefing(
                id="3d3d3d3d3d3d",
                slug="osaka-man-arrested",
                title="Osaka man arrested",
                date=dt.date(2026, 1, 23),
                date_guessed=True,
            ),
            text(osaka, "a.txt"),
        ),
        "duplicate": write_briefing(
            content,
            briefing(
                id="4e4e4e4e4e4e",
                slug="police-in-japan-arrest-man",
                title="Police in Japan arrest man",
                source="The Japan Times",
                raw="raw/other-digest.txt",
            ),
            text(osaka, "b.txt"),
        ),
    }


def test_every_page_needing_a_curator_is_listed_with_its_reasons(tmp_path, capsys) -> None:
    content = make_archive(tmp_path)
    pages = build(content)
    status, out, err = cli(capsys, "review", "--content", str(content))
    assert (status, err) == (0, "")
    assert out.splitlines() == sorted(
        [
            f"{pages['off-topic']}  off-topic  off-topic: cancer, vaccine, tumours",
            f"{pages['review']}  review  low-confidence region (NL, 0.20)",
            f"{pages['guessed']}  published  date guessed (no dateline; the capture date "
            f"2026-01-23 applies); suspected duplicate of {pages['duplicate']} (0.80)",
            f"{pages['duplicate']}  published  suspected duplicate of {pages['guessed']} (0.80)",
        ]
    ) + ["4 of 5 briefings need a curator"]


def test_a_guessed_date_does_not_unpublish_a_page(tmp_path, capsys) -> None:
    content = make_archive(tmp_path)
    page = build(content)["guessed"]
    assert "status: published" in page.read_text(encoding="utf-8")
    _, out, _ = cli(capsys, "review", "--content", str(content))
    assert f"{page}  published  date guessed" in out


def test_an_unreadable_page_is_listed_rather_than_hidden(tmp_path, capsys) -> None:
    content = make_archive(tmp_path)
    page = build(content)["clean"]
    page.write_text(
        page.read_text(encoding="utf-8").replace("topic:", "topic: [", 1), encoding="utf-8"
    )
    status, out, _ = cli(capsys, "review", "--content", str(content))
    assert status == 0
    line = next(x for x in out.splitlines() if x.startswith(str(page)))
    assert line.startswith(f"{page}  unreadable  line ")
    assert "front-matter is not valid YAML" in line


def test_an_archive_with_nothing_to_review_says_so(tmp_path, capsys) -> None:
    content = make_archive(tmp_path)
    write_briefing(content, briefing())
    status, out, _ = cli(capsys, "review", "--content", str(content))
    assert (status, out) == (0, "no briefing needs a curator (1 checked)\n")
