"""Newsletter post pasted from a browser (Substack, Ghost, Beehiiv and the like).

    Policy Pulse
    Subscribe
    Sign in

    Policy Pulse #48: ...            <- post header: title, subtitle, author, date, counts
    Ana Ruiz
    Mar 3, 2026
    Share

    Intro paragraphs ...             <- the editor's note: not an item

    Kenya drafts rules for ...       <- a section heading: one item per section
    Prose ...
    Share

Button lines ("Subscribe", "Sign in", "Share", "Like", "Comment", "Restack", "12 Likes",
"Discussion about this post", ...) are dropped and close the section above them; they
never join a title or a body. Items are the sections: a heading line standing alone,
followed by prose. The post header, the intro before the first section, and the footer
after a sign-off ("That's it for this week", "Thanks for reading X!") are not items.
Prose between a button line and the next heading is reported as a problem. The
newsletter's own name (the masthead line, the "Name #112:" title, or its calls to
action) is the default source; the header's date line is the capture date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .base import RawItem, ReadProblem, ReadResult, TextReader
from .common import (
    SNIFF_LIMIT,
    Numbered,
    headline_text,
    is_prose,
    looks_like_headline,
    make_item,
    parse_meta_line,
    preview,
    split_lines,
    words,
)
from .masthead import cta_name, issue_name, publication_name

_BUTTONS = (
    r"subscribe(?:\s(?:now|for\sfree))?|sign\s(?:in|up)|log\sin|share(?:\sthis\s(?:post|issue))?"
    r"|likes?|comments?|restacks?|replies|previous|next|upgrade(?:\sto\spaid)?|read\sin\sapp"
    r"|open\sin\sapp|get\sthe\sapp|listen|copy\slink|facebook|email|notes|more|discussion"
    r"|discussion\sabout\sthis\spost|write\sa\scomment|top|latest|no\sposts|ready\sfor\smore"
    r"|start\swriting|home|archive|about|posts|leave\sa\scomment|give\sa\sgift\ssubscription"
)
_BUTTON = re.compile(rf"^\W{{0,3}}(?:\d[\d,.]{{0,8}}[km]?\s?)?(?:{_BUTTONS})\W{{0,3}}$", re.I)
_COUNT = re.compile(r"^\W{0,3}\d[\d,.]{0,8}[km]?\W{0,3}$|^[\W_]{1,5}$", re.I)
_SIGN_OFF = re.compile(
    r"^\W{0,3}(?:that's\s(?:it|all)|that\u2019s\s(?:it|all)|thanks?\s(?:you\s)?for\sreading"
    r"|see\syou\s(?:next|tomorrow|soon|in)|until\snext\s(?:time|week)|that\swraps|-- ?$|\u00a9)",
    re.I,
)
MIN_SECTIONS = 2
MAX_CTA_WORDS = 30


def is_button(line: str) -> bool:
    """A line that is nothing but a page button or a like/comment count."""
    s = line.strip()
    return (
        bool(s) and len(s) <= 60 and (_BUTTON.match(s) is not None or _COUNT.match(s) is not None)
    )


@dataclass(frozen=True)
class Block:
    """A run of filled lines between blank or button lines; `after_button` tells a button
    line came between it and the block before."""

    lines: Numbered
    after_button: bool

    @property
    def text(self) -> str:
        return " ".join(line.strip() for _, line in self.lines)


def blocks(lines: list[str]) -> list[Block]:
    out: list[Block] = []
    run: Numbered = []
    button = False
    for no, line in enumerate([*lines, ""], 1):
        chrome = is_button(line)
        if line.strip() and not chrome:
            run.append((no, line))
            continue
        if run:
            out.append(Block(run, button))
            run, button = [], False
        button = button or chrome
    return out


def _is_heading(block: Block) -> bool:
    if len(block.lines) != 1:
        return False
    line = block.lines[0][1]
    return looks_like_headline(line) and not is_prose(line) and parse_meta_line(line) is None


def _is_sign_off(block: Block) -> bool:
    text = block.text
    if _SIGN_OFF.match(text):
        return True
    named = cta_name(text) if len(words(text)) <= MAX_CTA_WORDS else None
    return named is not None and named[1] >= 2


def _starts_section(blocks_: list[Block], k: int) -> bool:
    return (
        _is_heading(blocks_[k])
        and k + 1 < len(blocks_)
        and not blocks_[k + 1].after_button
        and is_prose(blocks_[k + 1].lines[0][1])
    )


def _header_end(blocks_: list[Block]) -> int:
    """Index of the first block after the post header: the first prose block that is not
    the post's title and byline, or the first section whose heading is not the title."""
    for k, block in enumerate(blocks_):
        if _is_byline(block):
            continue
        if is_prose(block.lines[0][1]):
            return k
        if _starts_section(blocks_, k) and not _is_post_title(blocks_, k):
            return k
    return len(blocks_)


def _is_byline(block: Block) -> bool:
    """The post's title block: a numbered issue title, or lines with a dated byline."""
    return issue_name(block.lines[0][1]) is not None or any(
        parse_meta_line(line) is not None for _, line in block.lines
    )


def _is_post_title(blocks_: list[Block], k: int) -> bool:
    """A heading above all prose that is the post's own title: a dated byline stands
    just above it."""
    return any(_is_byline(b) for b in blocks_[max(0, k - 2) : k])


@dataclass(frozen=True)
class Section:
    heading: tuple[int, str]
    body: list[Block]


def sections(blocks_: list[Block]) -> tuple[list[Section], list[ReadProblem]]:
    """Sections after the header, each closed by the next heading, a button line or a
    sign-off; the text after the last sign-off is the footer."""
    out: list[Section] = []
    problems: list[ReadProblem] = []
    current: Section | None = None
    k = _header_end(blocks_)
    while k < len(blocks_):
        block = blocks_[k]
        if _starts_section(blocks_, k):
            current = Section(block.lines[0], [])
            out.append(current)
        elif _is_sign_off(block) and out:
            break
        elif current is not None and block.after_button:
            current = None
            if is_prose(block.text):
                problems.append(ReadProblem(block.lines[0][0], _orphan(block)))
        elif current is not None:
            current.body.append(block)
        elif out and is_prose(block.text):
            problems.append(ReadProblem(block.lines[0][0], _orphan(block)))
        k += 1
    return out, problems


def _orphan(block: Block) -> str:
    return f"not read as an item: {preview(block.text)!r}"


def _item(section: Section) -> RawItem | None:
    lines = [line for block in section.body for line in [*[t for _, t in block.lines], ""]]
    if not any(is_prose(block.text) for block in section.body):
        return None
    return make_item(lines, section.heading[0], headline_text(section.heading[1]))


def masthead(lines: list[str], header: list[Block]) -> str | None:
    """The newsletter's name: the prefix of a numbered issue title, its calls to action,
    else the first header line when it is a short name above the post title."""
    for block in header:
        for _, line in block.lines:
            name = issue_name(line)
            if name:
                return name
    named = publication_name(lines)
    if named:
        return named
    if len(header) >= 2:
        first = header[0].lines[0][1].strip()
        if 1 <= len(words(first)) <= 6 and first[:1].isupper() and first[-1:] not in ".:?!":
            return first
    return None


def post_date(header: list[Block]) -> dt.date | None:
    """The date on the post's byline, when it gives a year."""
    import dateparser

    for block in header:
        for _, line in block.lines:
            meta = parse_meta_line(line)
            if meta is None or meta.dateline is None or not re.search(r"\d{4}", meta.dateline):
                continue
            parsed = dateparser.parse(meta.dateline, languages=["en"])
            if parsed is not None:
                return parsed.date()
    return None


def read(text: str) -> ReadResult:
    """Items of the text read in this format; what cannot be read is in `problems`."""
    lines = split_lines(text)
    blocks_ = blocks(lines)
    header = blocks_[: _header_end(blocks_)]
    found, problems = sections(blocks_)
    items: list[RawItem] = []
    for section in found:
        item = _item(section)
        if item is not None:
            items.append(item)
    return ReadResult("newsletter", items, problems, masthead(lines, header), post_date(header))


CEILING = 0.85
"""The highest confidence `sniff` gives."""


def sniff(text: str) -> float:
    """Confidence in [0, 1] that `text` is in this format: button lines of two kinds or
    more and at least two sections."""
    lines = split_lines(text[:SNIFF_LIMIT])
    kinds = {" ".join(words(line.lower())) for line in lines if _BUTTON.match(line.strip())}
    if len(kinds) < 2:
        return 0.0
    found, _ = sections(blocks(lines))
    return CEILING if len(found) >= MIN_SECTIONS else 0.0


READER = TextReader(
    "newsletter",
    "a newsletter post pasted from the browser: button lines, header, headed sections",
    sniff,
    read,
    CEILING,
)
