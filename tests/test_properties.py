"""Properties that must hold for any input, checked with hypothesis: readers fail only
with a `BriefingsError`, and every page ingest could write reads back to the same
front-matter and the same body text."""

from __future__ import annotations

import datetime as dt
import io
import re
from contextlib import redirect_stderr, redirect_stdout

from archive_helpers import make_archive, tree
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.errors import BriefingsError
from generator.model import Briefing, SourceRef, Status
from generator.pages import parse_page, render_page, unescape_body
from generator.readers import formats, read_text
from generator.store import StoredPage, is_edited, render_fingerprinted
from generator.text import normalise_text

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text as it can come out of a decoded file: any character but lone surrogates, with
# extra weight on the characters that mean something to YAML, Markdown, HTML and Jinja.
SIGNIFICANT = list("#>-+=*_`[](){}<>!|~&;:%@'\"\\.,?1234567890 \t\n") + [
    "---",
    "...",
    "- ",
    ": ",
    " #",
    "{{",
    "}}",
    "{%",
    "%}",
    "<!--",
    "-->",
    "<script>",
    "&amp;",
    "&#124;",
    "\\*",
    "1. ",
    "> ",
    "| a |",
    "\u2028",
    "\x85",
    "\ufeff",
    "é",
    "€",
    "\u201c",
]
chars = st.characters(blacklist_categories=("Cs",))
rich = st.lists(
    st.one_of(st.sampled_from(SIGNIFICANT), st.text(chars, max_size=5)), max_size=60
).map("".join)
digest_like = st.lists(
    st.one_of(
        st.text(chars, max_size=120),
        st.sampled_from(
            [
                "Would you like to learn more about AI, tech and digital diplomacy? If so, ask our "
                "Diplo chatbot!",
                "Related Articles",
                "Reuters — 12 March 2026",
                "Source: Reuters | 2026-03-12",
                "22 minutes ago",
                "---",
                "From: news@example.org",
                "Subject: AI digest",
                "<html><body><p>text</p></body></html>",
                '<?xml version="1.0"?><rss><channel><item><title>x</title></item></channel></rss>',
                "",
                "# heading",
                "- item",
                "1. item",
            ]
        ),
    ),
    max_size=40,
).map("\n".join)


@SETTINGS
@given(
    text=st.one_of(st.text(chars, max_size=2000), digest_like),
    fmt=st.one_of(st.none(), st.sampled_from(formats())),
)
def test_no_reader_raises_anything_but_a_briefings_error(text: str, fmt: str | None) -> None:
    try:
        result = read_text(normalise_text(text), fmt)
    except BriefingsError:
        return
    for item in result.items:
        assert item.line >= 1


def single_line(min_size: int, max_size: int) -> st.SearchStrategy[str]:
    return (
        st.text(chars, min_size=min_size, max_size=max_size)
        .map(lambda s: " ".join(s.split()))
        .filter(lambda s: len(s) >= min_size)
    )


slugs = st.from_regex(r"\A[a-z0-9]{1,12}(-[a-z0-9]{1,12}){0,4}\Z")
dates = st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))
regions = st.lists(
    st.sampled_from(["JP", "KR", "EU", "GLOBAL", "US", "BR", "NL"]),
    min_size=1,
    max_size=4,
    unique=True,
)
urls = st.one_of(
    st.none(), st.from_regex(r"\Ahttps?://[a-z]{1,10}\.[a-z]{2,3}/[a-z0-9/?=&%#.-]{0,20}\Z")
)


@st.composite
def briefings(draw: st.DrawFn) -> Briefing:
    day = draw(dates)
    codes = draw(regions)
    return Briefing(
        id=draw(st.from_regex(r"\A[0-9a-f]{12}\Z")),
        slug=draw(slugs.filter(lambda s: len(s) <= 90)),
        title=draw(single_line(3, 200)),
        date=day,
        date_guessed=draw(st.booleans()),
        captured=day + dt.timedelta(days=draw(st.integers(0, 30))),
        source=draw(single_line(1, 120)),
        source_url=draw(urls),
        also_reported_by=[
            SourceRef(name=n, url=u)
            for n, u in draw(st.lists(st.tuples(single_line(1, 120), urls), max_size=3))
        ],
        region=codes[0],
        regions=codes,
        topic=draw(
            st.sampled_from(["child-safety", "deepfakes-misinformation", "other-off-topic"])
        ),
        topic_runner_up=draw(st.one_of(st.none(), st.just("ai-governance-regulation"))),
        tags=draw(st.lists(single_line(1, 80), max_size=5, unique=True)),
        summary=draw(single_line(1, 400)),
        status=draw(st.sampled_from(list(Status))),
        review_reasons=draw(st.lists(single_line(1, 100), max_size=3)),
        raw=draw(st.from_regex(r"\Araw/[A-Za-z0-9_-]{1,20}\.txt\Z")),
        fingerprint=draw(st.one_of(st.none(), st.from_regex(r"\A[0-9a-f]{16}\Z"))),
    )


bodies = st.lists(
    st.one_of(st.text(chars, min_size=1, max_size=300), rich), min_size=1, max_size=6
).map("\n\n".join)


def plain(body: str) -> str:
    """The body as a page keeps it: paragraphs, each on one line with single spaces."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", body)]
    return "\n\n".join(p for p in paragraphs if p)


@SETTINGS
@given(briefing=briefings(), body=bodies)
def test_every_written_page_reads_back_to_the_same_front_matter_and_body(
    briefing: Briefing, body: str
) -> None:
    text = render_page(briefing, body)
    page = parse_page(text, "briefings/x.md")
    assert page.briefing == briefing
    assert plain(unescape_body(page.body)) == plain(body)


@SETTINGS
@given(briefing=briefings(), body=bodies)
def test_a_page_as_ingest_writes_it_carries_its_own_fingerprint(
    briefing: Briefing, body: str
) -> None:
    text = render_fingerprinted(briefing, body)
    page = parse_page(text, "briefings/x.md")
    assert not is_edited(StoredPage("briefings/x.md", text, page))
    assert page.briefing.model_copy(update={"fingerprint": None}) == briefing.model_copy(
        update={"fingerprint": None}
    )


@SETTINGS
@given(briefing=briefings(), body=bodies, title=single_line(3, 200), extra=single_line(1, 40))
def test_any_edit_to_title_or_body_shows_as_an_edit(
    briefing: Briefing, body: str, title: str, extra: str
) -> None:
    stamp = parse_page(render_fingerprinted(briefing, body), "x.md").briefing.fingerprint
    for edited, new_body in (
        (briefing.model_copy(update={"title": title}), body),
        (briefing, f"{body}\n\n{extra}"),
    ):
        text = render_page(edited.model_copy(update={"fingerprint": stamp}), new_body)
        page = parse_page(text, "x.md")
        changed = (edited.title != briefing.title) or plain(new_body) != plain(body)
        assert is_edited(StoredPage("x.md", text, page)) == changed


WORDS = (
    "the",
    "European",
    "Commission",
    "said",
    "on",
    "Thursday",
    "it",
    "would",
    "fine",
    "platforms",
    "over",
    "AI",
    "deepfakes",
    "and",
    "data",
    "rules",
    "in",
    "Japan",
    "police",
)
sentence = st.lists(
    st.one_of(st.sampled_from(WORDS), st.sampled_from(SIGNIFICANT)), min_size=8, max_size=30
).map(lambda ws: " ".join(ws).capitalize() + ".")
plain_item = st.tuples(
    st.lists(
        st.one_of(st.sampled_from(WORDS), st.sampled_from(SIGNIFICANT)), min_size=4, max_size=12
    ).map(lambda ws: " ".join(ws).strip().capitalize()),
    st.sampled_from(["Reuters", "NHK", "Agência Brasil", "The Record"]),
    st.dates(dt.date(2025, 1, 1), dt.date(2026, 3, 14)),
    st.lists(st.lists(sentence, min_size=2, max_size=4).map(" ".join), min_size=1, max_size=3),
).map(lambda t: f"{t[0]}\n{t[1]} \u2014 {t[2].day} {t[2]:%B %Y}\n\n" + "\n\n".join(t[3]))
plain_digest = st.lists(plain_item, min_size=1, max_size=4).map("\n\n\n".join)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    data=st.one_of(
        st.binary(max_size=3000),
        digest_like.map(str.encode),
        rich.map(str.encode),
        plain_digest.map(str.encode),
        plain_digest.map(lambda t: t.encode("cp1252", "replace")),
    )
)
def test_ingest_of_any_file_succeeds_or_fails_in_one_piece(data: bytes, tmp_path_factory) -> None:
    root = tmp_path_factory.mktemp("any")
    content = make_archive(root)
    raw = root / "pasted.txt"
    raw.write_bytes(data)
    before = tree(content)
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(["ingest", str(raw), "--content", str(content), "--captured", "2026-03-14"])
    event(f"exit {status}")
    assert status in (0, 1)
    if status == 1:
        assert tree(content) == before
        assert err.getvalue().splitlines()[-1].startswith("briefings: error: ")
    else:
        assert main(["validate", "--content", str(content)]) == 0
