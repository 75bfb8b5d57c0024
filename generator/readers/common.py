"""Line and paragraph helpers shared by the readers. All pure and linear in the input.

Readers see text already normalised (LF line ends, no BOM, no trailing spaces), but
every helper here also tolerates text that is not, so that no reader can raise on
arbitrary input. No pattern here can backtrack catastrophically: each is a sequence of
bounded or possessive pieces applied to one short line at a time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import TypeVar

from .base import RawItem

Numbered = list[tuple[int, str]]
"""Lines with their 1-based line numbers in the raw text."""

SNIFF_LIMIT = 1_000_000
"""Readers sniff the first megabyte: enough to recognise a format, cheap on 50 MB."""

_SENTENCE_END = frozenset(".!?\u2026")
CLOSERS = frozenset("\"'\u2019\u201d)]\u00bb")
OPENERS = "\"'\u2018\u201c(\u00ab["
_BULLET = re.compile(r"[-*\u2022\u25aa\u2013\u2014]\s|\d{1,3}[.)]\s")
_RULE = re.compile(r"[-=*_~#\u2022\u2014\u2013\u00b7. ]{3,}")
WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+(?:['-][A-Za-z0-9]+)*")
"""WORD for ASCII text, where it is quicker."""
READ_MORE = re.compile(
    r"^\W{0,3}(?:read\s(?:more|on|the\s(?:full\s)?(?:story|article|report|piece))|full\sstory"
    r"|continue\sreading|more\s(?:at|on|here)|source|link|via)\b",
    re.IGNORECASE,
)
"""A "Read more" line: it closes an item in a newsletter and trails a feed entry."""
_HEADING_MARK = re.compile(r"^#{1,6}\s+")
_URL = re.compile(r"https?://[^\s<>\"'\u201c\u201d]+")

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:mon|tue(?:s)?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_TIME = r"(?:,?\s(?:at\s)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?(?:\s[A-Z]{2,5})?)?"
DATE = re.compile(
    rf"(?:{_WEEKDAY},?\s)?"
    r"(?:"
    r"\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    rf"|{_DAY}\s{_MONTH},?\s\d{{4}}{_TIME}"
    rf"|{_MONTH}\s{_DAY},?\s\d{{4}}{_TIME}"
    r"|\d{1,2}[./]\d{1,2}[./]\d{4}"
    rf"|{_DAY}\s{_MONTH}(?![a-z])"
    rf"|{_MONTH}\s{_DAY}(?![\d:])"
    r"|(?:\d{1,3}|an?|one)\s(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)"
    r"\sago"
    r"|\d{1,3}\s?[smhdw]\sago"
    r"|yesterday|today|just\snow"
    r")\b",
    re.IGNORECASE,
)
_DATE_HINT = re.compile(r"\d|ago\b|yesterday|today|just\snow", re.IGNORECASE)
_ASCII_DATE_HINT = re.compile(r"\d|ago\b|yesterday|today|just\snow")
"""_DATE_HINT for lower-cased text (see `caseless_as_lower`), where it is quicker."""
ASCII_LOOKALIKES = frozenset("\u0130\u0131\u017f\u212a")
"""The only characters other than ASCII letters that a case-blind ASCII letter matches."""
RELATIVE_TIME = re.compile(
    r"(?:(?:\d{1,3}|an?|one)\s(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)"
    r"|\d{1,3}\s?[smhdw])\sago|yesterday|just\snow",
    re.IGNORECASE,
)
_META_LABEL = re.compile(
    r"^(?:source|sources|outlet|publisher|published(?:\son)?|posted(?:\son)?|updated|date|via"
    r"|from|by)\b\s?:?\s*",
    re.IGNORECASE,
)
_META_GLUE = "|,:;/()[]-\u2013\u2014\u00b7\u2022"
_META_SPLIT = re.compile(r"\s[-\u2013\u2014|/\u00b7\u2022]\s|[|\u00b7\u2022,()\u2013\u2014]")


def _word(text: str) -> re.Pattern[str]:
    return _ASCII_WORD if text.isascii() else WORD


def words(text: str) -> list[str]:
    return _word(text).findall(text)


def count_words(text: str, most: int) -> int:
    """``min(len(words(text)), most)``, reading no further than the `most`-th word."""
    return len(list(islice(_word(text).finditer(text), max(most, 0))))


def word_spans(line: str) -> list[tuple[int, int, str]]:
    """(start, end, folded word) for every word of a line."""
    return [
        (m.start(), m.end(), m.group(0).lower().replace("\u2019", "'"))
        for m in _word(line).finditer(line)
    ]


def fold(text: str) -> str:
    """Lower-case words only: quotes, punctuation and spacing differences folded away."""
    lower = text.lower().replace("\u2019", "'")
    return " ".join(_word(lower).findall(lower))


def word_set(text: str) -> frozenset[str]:
    """The distinct folded words of a text."""
    lower = text.lower().replace("\u2019", "'")
    return frozenset(_word(lower).findall(lower))


def caseless_as_lower(text: str) -> bool:
    """A case-blind regex of ASCII letters matches `text` where the same regex, case
    sensitive, matches ``text.lower()`` (which is quicker): `text` holds none of the four
    other characters a case-blind ASCII letter matches (İ, ı, ſ and the Kelvin sign)."""
    return text.isascii() or ASCII_LOOKALIKES.isdisjoint(text)


def _date_hint(line: str) -> bool:
    if caseless_as_lower(line):
        return _ASCII_DATE_HINT.search(line.lower()) is not None
    return _DATE_HINT.search(line) is not None


T = TypeVar("T")
_FORGET: list[Callable[[], None]] = []


def per_text(analyse: Callable[[str], T]) -> Callable[[str], T]:
    """Memoise a pure analysis of a whole text, so that the readers sniffing a text and
    the one reading it share it; `forget_texts` drops it once the text is read. Callers
    must not change what it returns."""
    cached = lru_cache(maxsize=1)(analyse)
    _FORGET.append(cached.cache_clear)
    return cached


def forget_texts() -> None:
    """Drop every `per_text` memo (`read_text` calls this when it is done)."""
    for forget in _FORGET:
        forget()


def split_lines(text: str) -> list[str]:
    """Lines without their line ends, tolerant of CR and CRLF, trailing spaces removed."""
    return list(_split_lines(text))


@per_text
def _split_lines(text: str) -> tuple[str, ...]:
    return tuple(line.rstrip() for line in text.lstrip("\ufeff").splitlines())


def ends_sentence(line: str) -> bool:
    s = line.rstrip()
    while s and s[-1] in CLOSERS:
        s = s[:-1]
    return bool(s) and s[-1] in _SENTENCE_END


def starts_lower(text: str) -> bool:
    s = text.lstrip().lstrip(OPENERS)
    return bool(s) and s[0].islower()


def is_rule(line: str) -> bool:
    """A separator drawn with punctuation: ---, ***, ===, * * *, ___."""
    s = line.strip()
    return len(s) >= 3 and _RULE.fullmatch(s) is not None and len(set(s) - {" "}) <= 2


def is_bullet(line: str) -> bool:
    return _BULLET.match(line.lstrip()) is not None


def first_url(text: str) -> str | None:
    match = _URL.search(text)
    return match.group(0).rstrip(".,;:!?)]}>") if match else None


def is_prose(line: str) -> bool:
    """A line of running text: a sentence of five words or more, or a long line."""
    n = count_words(line, 12)
    return n >= 12 or (n >= 5 and ends_sentence(line))


def prose_from(lines: Sequence[str], k: int, limit: int = 4) -> bool:
    """Running text starts at line k: the line, or the line with the lines hard-wrapped
    after it (up to a blank line, at most `limit`), reads as prose."""
    parts: list[str] = []
    for line in lines[k : k + limit]:
        if not line.strip():
            break
        parts.append(line)
        if is_prose(" ".join(parts)):
            return True
    return False


def headline_text(line: str) -> str:
    """A headline line without Markdown dress: ``**Title**``, ``## Title``, ``_Title_``."""
    s = _HEADING_MARK.sub("", line.strip())
    for mark in ("**", "__", "*", "_"):
        if len(s) > 2 * len(mark) and s.startswith(mark) and s.endswith(mark):
            return s[len(mark) : -len(mark)].strip()
    return s


def looks_like_headline(line: str, any_case: bool = False) -> bool:
    """Short, capitalised (unless `any_case`: "npm tightens ..."), not a finished
    sentence, not a link or a rule; Markdown emphasis around it is ignored."""
    s = headline_text(line).lstrip(OPENERS)
    n = count_words(s, 26)
    if not (2 <= n <= 25) or len(s) > 220:
        return False
    if not (any_case or s[:1].isupper() or s[:1].isdigit()):
        return False
    if _URL.search(s) or is_rule(s):
        return False
    return not s.endswith((".", ",", ";", ":")) or s.endswith("...")


def _wrap_width(block: Sequence[str]) -> int:
    """The column a hard-wrapped block was wrapped at, or 0 when it is not hard-wrapped."""
    if len(block) < 3:
        return 0
    width = max(len(line) for line in block)
    if not 40 <= width <= 100:
        return 0
    body = block[:-1]
    full = sum(1 for line in body if len(line) >= 0.6 * width)
    open_ended = sum(1 for line in body if not ends_sentence(line))
    return width if full >= 0.8 * len(body) and open_ended * 2 >= len(body) else 0


def _joins(prev: str, nxt: str, width: int) -> bool:
    if is_bullet(nxt) or is_rule(nxt) or is_rule(prev):
        return False
    if width and len(prev) >= 0.6 * width:
        return True
    return not ends_sentence(prev) and starts_lower(nxt)


def _glue(prev: str, nxt: str) -> str:
    """What goes between two re-joined lines: nothing after a hyphen that breaks a word
    ("long-" + "term"), else a space."""
    if prev.endswith("-") and len(prev) > 1 and prev[-2].isalpha() and starts_lower(nxt):
        return ""
    return " "


def numbered_paragraphs(lines: Iterable[tuple[int, str]]) -> list[tuple[int, str]]:
    """Paragraphs of a run of numbered lines, each with the number of its first line.

    Blank lines separate paragraphs; hard-wrapped lines are re-joined (a line that does
    not end a sentence followed by one that starts in lower case; or every line of a
    block wrapped at a fixed width, up to a short line). Words are kept exactly."""
    out: list[tuple[int, str]] = []
    block: list[tuple[int, str]] = []
    for no, raw in [*lines, (0, "")]:
        line = " ".join(raw.split())
        if line:
            block.append((no, line))
            continue
        width = _wrap_width([text for _, text in block])
        parts: list[str] = []
        start = 0
        for k, (no_k, part) in enumerate(block):
            if k and _joins(block[k - 1][1], part, width):
                parts.extend((_glue(block[k - 1][1], part), part))
                continue
            if parts:
                out.append((start, "".join(parts)))
            start, parts = no_k, [part]
        if parts:
            out.append((start, "".join(parts)))
        block = []
    return out


def paragraphs(lines: Iterable[str]) -> list[str]:
    """`numbered_paragraphs` of plain lines, without the numbers."""
    return [text for _, text in numbered_paragraphs(enumerate(lines, 1))]


def body_of(lines: Iterable[str]) -> str:
    return "\n\n".join(paragraphs(lines))


def starts_mid_sentence(body: str, title: str | None = None) -> bool:
    """True when the first sentence was cut: it starts in lower case or with punctuation,
    or (on a scraped page) it starts with words the headline has further along, the
    scraper having dropped the sentence up to that point."""
    s = body.lstrip()
    if not s:
        return False
    if starts_lower(s) or s[0] in ",;:)]\u2026" or s.startswith("..."):
        return True
    if not title:
        return False
    head = fold(title).split()
    lead = fold(s[:200]).split()[:3]
    if len(lead) < 3 or len(head) < 4:
        return False
    return any(head[i : i + 3] == lead for i in range(1, len(head) - 2))


@dataclass(frozen=True)
class Meta:
    """What an outlet/date line says: "Reuters — 12 March 2026", "Source: AP | 2026-03-12"."""

    source: str | None
    dateline: str | None


def parse_meta_line(line: str) -> Meta | None:
    """Read a line naming an outlet and a date, or None when the line is anything else."""
    s = line.strip()
    if not s or len(s) > 140 or not _date_hint(s) or count_words(s, 17) > 16:
        return None
    match = DATE.search(s)
    if match is None:
        return None
    dateline = match.group(0).strip()
    before, after = s[: match.start()].rstrip(), s[match.end() :].lstrip()
    if before and before[-1] not in _META_GLUE and not _META_LABEL.fullmatch(before):
        return None
    if after and after[0] not in _META_GLUE:
        return None
    rest = f"{before} | {after}"
    parts = [p.strip(" .:-") for p in _META_SPLIT.split(rest)]
    names: list[str] = []
    author = False
    for part in parts:
        label = _META_LABEL.match(part)
        if label:
            author = author or label.group(0).strip().lower().startswith("by")
            part = part[label.end() :].strip(" .:-")
        if not part:
            continue
        if not _name_like(part):
            return None
        names.append(part)
    if author and len(names) == 1:
        return Meta(None, dateline)
    return Meta(names[-1] if names else None, dateline)


def _name_like(part: str) -> bool:
    ws = words(part)
    if not 1 <= len(ws) <= 7 or len(part) > 70 or _URL.search(part):
        return False
    if part[-1:] in "!?":
        return False
    return part[:1].isupper() or part[:1].isdigit() or "." in part


def preview(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"


def make_item(
    lines: Sequence[str],
    line: int,
    title: str | None = None,
    source: str | None = None,
    source_url: str | None = None,
    dateline: str | None = None,
    scraped: bool = False,
) -> RawItem:
    """An item from its body lines; `scraped` lets a headline tell a cut first sentence."""
    body = body_of(lines)
    return RawItem(
        body=body,
        line=line,
        title=title,
        source=source,
        source_url=source_url,
        dateline=dateline,
        lede_cut=starts_mid_sentence(body, title if scraped else None),
    )
