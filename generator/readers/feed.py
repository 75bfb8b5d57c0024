"""Feed: an RSS 2.0, RSS 1.0 or Atom file, one item per entry, read with feedparser.

An entry's title is its headline, its longest content (else its summary) its body, as
plain paragraphs; its link the source URL; its publication date, as the publisher wrote
it, the dateline (ISO, YYYY-MM-DD); its source the entry's own <source> title, else the
feed's title without its tagline. A trailing "Continue reading" or "The post ... appeared
first on ..." line is dropped. An entry with no text is reported, not dropped.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import io
import re
import time
from typing import Any

import feedparser

from .base import RawItem, ReadProblem, ReadResult, TextReader
from .common import READ_MORE
from .markup import html_to_paragraphs

_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_APPEARED = re.compile(r"^The post .{1,300} appeared first on .{1,100}$")
_TAGLINE = re.compile(r"\s[-\u2013\u2014|:]\s|:\s")
_ENTRY = re.compile(r"<(?:item|entry)[\s>]", re.IGNORECASE)


def _text(value: Any) -> str:
    return " ".join(html_to_paragraphs(value)) if isinstance(value, str) else ""


def _body(entry: Any) -> list[str]:
    candidates = [c for c in entry.get("content", []) if isinstance(c.get("value"), str)]
    candidates.sort(key=lambda c: -len(c["value"]))
    for part in [*(c["value"] for c in candidates), entry.get("summary")]:
        if isinstance(part, str) and (paras := _without_trailer(html_to_paragraphs(part))):
            return paras
    return []


def _without_trailer(paras: list[str]) -> list[str]:
    """Paragraphs without the feed's trailer: "Continue reading on X", "Read more", "The
    post ... appeared first on X."."""
    while (
        paras
        and len(paras[-1].split()) <= 30
        and (READ_MORE.match(paras[-1]) or _APPEARED.match(paras[-1]))
    ):
        paras = paras[:-1]
    return paras


def site_name(title: str | None) -> str | None:
    """A feed's title without its tagline: "Al Jazeera – Breaking News, ..." -> "Al Jazeera"."""
    if not title:
        return None
    name = _TAGLINE.split(title, maxsplit=1)[0].strip()
    return name if name and len(name.split()) <= 5 else title


def iso_date(entry: Any) -> str | None:
    """The entry's publication (else update) date as the publisher's own calendar day."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not isinstance(raw, str) or not raw.strip():
            continue
        day = _parse_day(raw.strip())
        if day is not None:
            return day.isoformat()
        parsed = entry.get(f"{key}_parsed")
        if isinstance(parsed, time.struct_time):
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
    return None


def _parse_day(raw: str) -> dt.date | None:
    try:
        return email.utils.parsedate_to_datetime(raw).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    try:
        return dt.datetime.fromisoformat(raw).date()
    except ValueError:
        return None


def _entry_lines(text: str) -> list[int]:
    """1-based line of each <item>/<entry> start tag, in document order."""
    out: list[int] = []
    line, pos = 1, 0
    for match in _ENTRY.finditer(text):
        line += text.count("\n", pos, match.start())
        pos = match.start()
        out.append(line)
    return out


def read(text: str) -> ReadResult:
    """Items of the text read in this format; what cannot be read is in `problems`."""
    parsed = feedparser.parse(
        io.BytesIO(text.encode("utf-8", "replace")),
        response_headers={"content-type": "application/xml; charset=utf-8"},
        resolve_relative_uris=False,
        sanitize_html=True,
    )
    feed_title = site_name(_text(parsed.feed.get("title")))
    lines = _entry_lines(text)
    items: list[RawItem] = []
    problems: list[ReadProblem] = []
    for n, entry in enumerate(parsed.entries):
        line = lines[n] if n < len(lines) else 1
        title = _text(entry.get("title")) or None
        body = _body(entry)
        if not body:
            label = f"feed entry {title!r}" if title else "feed entry"
            problems.append(ReadProblem(line, f"{label} has no text"))
            continue
        source = _text(entry.get("source", {}).get("title")) or feed_title
        link = entry.get("link")
        items.append(
            RawItem(
                body="\n\n".join(body),
                line=line,
                title=title,
                source=source,
                source_url=link if isinstance(link, str) and link.startswith("http") else None,
                dateline=iso_date(entry),
            )
        )
    if not parsed.entries:
        reason = parsed.get("bozo_exception") or "no <item> or <entry> elements"
        problems.append(ReadProblem(1, f"no entries in this feed: {reason}"))
    return ReadResult("feed", items, problems)


CEILING = 0.97
"""The highest confidence `sniff` gives."""


def sniff(text: str) -> float:
    """Confidence in [0, 1] that `text` is in this format."""
    head = text[:4096].lstrip()
    if not head.startswith("<") or "<html" in head.lower():
        return 0.0
    return CEILING if _ROOT.search(head) else 0.0


READER = TextReader("feed", "an RSS or Atom feed file, one item per entry", sniff, read, CEILING)
