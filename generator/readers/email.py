"""E-mail: a newsletter dump, pasted or saved as .eml.

Headers (From:, To:, Subject:, Date:, ...) may follow a "Forwarded message" line; a MIME
message is decoded with the standard library (quoted-printable, base64, the text/plain
part, else the text/html part as paragraphs). The Date header gives the capture date,
the sender's display name the default source.

In the body, items start at a headline line followed by prose, or after a "Read more"
line; each may have an outlet line under its headline and ends with its "Read more"
line and link (kept as source URL). "View in browser", greetings, social links and the
unsubscribe footer are dropped; links in the text, as mail clients render them
("the report <https://...>", "[the report](https://...)"), keep only their words.
"""

from __future__ import annotations

import datetime as dt
import email.errors
import email.header
import email.utils
import re
from dataclasses import dataclass, replace
from email import message_from_string
from email.message import Message

from . import aggregator, digest, newsletter, plainlist
from .base import RawItem, ReadProblem, ReadResult, TextReader
from .common import (
    READ_MORE,
    SNIFF_LIMIT,
    Numbered,
    first_url,
    headline_text,
    is_prose,
    looks_like_headline,
    make_item,
    parse_meta_line,
    preview,
    prose_from,
    split_lines,
    starts_lower,
    words,
)
from .markup import html_to_paragraphs

_HEADER = re.compile(
    r"^(from|to|cc|bcc|subject|date|sent|reply-to|message-id|mime-version|content-type"
    r"|content-transfer-encoding|return-path|received|delivered-to|list-unsubscribe|x-[\w-]{1,40})"
    r"\s?:",
    re.IGNORECASE,
)
_KEY_HEADERS = frozenset({"from", "to", "subject", "date", "sent"})
_URL_ONLY = re.compile(r"^\W{0,3}(?:\[\d{1,3}\]\s?)?<?https?://\S+>?\W{0,3}$")
_MD_LINK = re.compile(r"\[([^\[\]\n]{1,300})\]\(https?://[^\s()]{1,2000}\)")
_ANGLE_URL = re.compile(r"\s?<https?://[^\s<>]{1,2000}>")
_CHROME = re.compile(
    r"view\s(?:this\s(?:e-?mail|newsletter)\s|it\s)?(?:in\s(?:your\s)?browser|online)|web\sversion"
    r"|having\strouble\sviewing|unsubscribe|update\s(?:your\s)?preferences|manage\s(?:your\s)?"
    r"(?:subscription|preferences)|you\s(?:are\s|were\s)?receiv|forward\s(?:this|to\sa\sfriend)"
    r"|all\srights\sreserved|privacy\spolicy|follow\sus|\u00a9|copyright\s\d{4}|our\smailing\saddress"
    r"|^(?:twitter|x|linkedin|facebook|instagram|youtube|mastodon|bluesky|threads)(?:\W+(?:twitter|x"
    r"|linkedin|facebook|instagram|youtube|mastodon|bluesky|threads))*\W*$",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(
    r"^(?:--|thanks\sfor\sreading|that's\sall|see\syou\s(?:next|tomorrow|soon)|until\snext"
    r"|(?:best|kind|warm(?:est)?)\s(?:regards|wishes)|best,|cheers,|regards,)",
    re.IGNORECASE,
)
_GREETING = re.compile(
    r"^(?:hi|hello|hey|dear|greetings|good\s(?:morning|afternoon|evening))\b.{0,40}$", re.IGNORECASE
)
_OUTLET_TAIL = re.compile(r"\s(?:\(([^()]{2,60})\)|\|\s([^|]{2,60}))$")
_OUTLET_PREFIX = re.compile(r"^(?:source|via|from|outlet)\s?:?\s+|^[-\u2013\u2014]\s?", re.I)
_READ_MORE_AT = re.compile(r"\b(?:at|on|from|via)\s([A-Z][^:<>()]{1,50}?)\s?(?::|<|\(|https?:|$)")

MAX_HEADER_LINES = 300
INNER_CONFIDENCE = 0.75
MAX_FORWARDS = 5
FORWARD_WINDOW = 40
INNER_READERS = (digest.READER, newsletter.READER, plainlist.READER, aggregator.READER)


@dataclass(frozen=True)
class Envelope:
    headers: dict[str, str]
    body: Numbered


def find_headers(lines: list[str], limit: int = 80) -> tuple[int, int] | None:
    """(first, end) line indexes of the header block, or None when there is none."""
    start = None
    for i, line in enumerate(lines[:limit]):
        if _HEADER.match(line):
            start = i
            break
    if start is None:
        return None
    end = start
    keys = set()
    while end < min(len(lines), start + MAX_HEADER_LINES) and lines[end].strip():
        match = _HEADER.match(lines[end])
        if match:
            keys.add(match.group(1).lower())
        elif not lines[end][:1].isspace():
            break
        end += 1
    return (start, end) if len(keys & _KEY_HEADERS) >= 2 else None


def _envelope(text: str) -> Envelope | None:
    lines = split_lines(text)
    span = find_headers(lines)
    if span is None:
        return None
    start, end = span
    headers = _parse_headers(lines[start:end])
    ctype = headers.get("content-type", "").lower()
    encoding = headers.get("content-transfer-encoding", "").lower()
    if "multipart" in ctype or "html" in ctype or encoding in ("quoted-printable", "base64"):
        mime = message_from_string("\n".join(lines[start:]))
        body = [(end + 2 + k, line) for k, line in enumerate(_mime_text(mime))]
    else:
        body = [(no, line) for no, line in enumerate(lines[end:], end + 1)]
    return _unwrap_forwards(Envelope(headers, body))


def _parse_headers(block: list[str]) -> dict[str, str]:
    message = message_from_string("\n".join(block) + "\n\n")
    return {k.lower(): _decode_header(v) for k, v in message.items()}


def _unwrap_forwards(envelope: Envelope) -> Envelope:
    """The innermost forwarded message: its headers override the outer ones, and the
    forwarding note and "Original Message" markers above them are dropped."""
    headers, body = envelope.headers, envelope.body
    for _ in range(MAX_FORWARDS):
        lines = [line for _, line in body[:FORWARD_WINDOW]]
        span = find_headers(lines, limit=FORWARD_WINDOW)
        if span is None:
            break
        headers = {**headers, **_parse_headers(lines[span[0] : span[1]])}
        body = body[span[1] :]
    return Envelope(headers, body)


def _decode_header(value: object) -> str:
    try:
        return str(email.header.make_header(email.header.decode_header(str(value))))
    except (ValueError, LookupError, email.errors.HeaderParseError):
        return str(value)


def _mime_text(message: Message) -> list[str]:
    """Lines of the best text part: text/plain, else text/html as paragraphs."""
    parts: dict[str, str] = {}
    for part in message.walk():
        ctype = part.get_content_type()
        if ctype not in ("text/plain", "text/html") or ctype in parts:
            continue
        if part.get_filename():
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        charset = part.get_content_charset() or "utf-8"
        try:
            parts[ctype] = payload.decode(charset, "replace")
        except LookupError:
            parts[ctype] = payload.decode("utf-8", "replace")
    plain = parts.get("text/plain", "")
    if len(words(plain)) >= 20 or "text/html" not in parts:
        return split_lines(plain)
    return "\n\n".join(html_to_paragraphs(parts["text/html"], links=True)).split("\n")


def capture_date(headers: dict[str, str]) -> dt.date | None:
    raw = headers.get("date") or headers.get("sent")
    if not raw:
        return None
    try:
        return email.utils.parsedate_to_datetime(raw).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    import dateparser

    parsed = dateparser.parse(raw.replace(" at ", " "), languages=["en"])
    return parsed.date() if parsed else None


def sender(headers: dict[str, str]) -> str | None:
    name, _ = email.utils.parseaddr(headers.get("from", ""))
    name = name.strip().strip("\"'")
    return name or None


def _is_chrome(line: str) -> bool:
    return line.count(" ") < 30 and _CHROME.search(line) is not None


def _is_read_more(line: str) -> bool:
    return READ_MORE.match(line) is not None or _URL_ONLY.match(line) is not None


def _clean(body: Numbered) -> Numbered:
    """Body without top chrome, the greeting, chrome lines and the footer/sign-off."""
    links = [_is_read_more(line) for _, line in body]
    last_link = max((k for k, link in enumerate(links) if link), default=-1)
    out: Numbered = []
    greeted = False
    for k, (no, line) in enumerate(body):
        if links[k]:
            out.append((no, line))
            greeted = True
            continue
        text = _ANGLE_URL.sub("", line).rstrip() if "<http" in line else line
        text = _MD_LINK.sub(r"\1", text) if "](http" in text else text
        stripped = text.strip()
        if not stripped:
            out.append((no, text))
            continue
        chrome = _is_chrome(stripped)
        if out and k > last_link and (chrome or _SIGN_OFF.match(stripped)):
            break
        if chrome:
            continue
        if not greeted:
            greeted = True
            if _GREETING.match(stripped):
                continue
        out.append((no, text))
    return out


def _next_filled(body: Numbered, k: int, count: int) -> list[str]:
    out: list[str] = []
    while k < len(body) and len(out) < count:
        if body[k][1].strip():
            out.append(body[k][1])
        k += 1
    return out


def _starts_item(body: Numbered, k: int, links: list[bool]) -> bool:
    """A headline line after a blank or a link line, followed (under an optional outlet
    line) by prose. `links[k]` tells whether line k is a link line."""
    after_break = not k or links[k - 1] or not body[k - 1][1].strip()
    if not after_break or not looks_like_headline(body[k][1]):
        return False
    if k + 1 < len(body) and starts_lower(body[k + 1][1]):
        return False
    rest = _next_filled(body, k + 1, 5)
    if len(rest) > 1 and _outlet(rest[0]) is not None:
        rest = rest[1:]
    return bool(rest) and prose_from(rest, 0)


def _outlet(line: str) -> tuple[str | None, str | None] | None:
    """(source, dateline) of an outlet line under a headline, or None."""
    meta = parse_meta_line(line)
    if meta is not None:
        return meta.source, meta.dateline
    s = line.strip()
    if s.startswith("(") and s.endswith(")"):
        s = s[1:-1]
    s = _OUTLET_PREFIX.sub("", s).strip()
    if 1 <= len(words(s)) <= 6 and not is_prose(s) and s[:1].isupper() and s[-1:] not in ".:?!":
        return s, None
    return None


def segments(body: Numbered) -> list[Numbered]:
    """Runs of lines, one per item: a new run at each headline that starts an item (not
    at the outlet line under it) and after each link line."""
    links = [_is_read_more(line) for _, line in body]
    out: list[Numbered] = [[]]
    filled = False
    after_headline = False
    for k, (no, line) in enumerate(body):
        if line.strip():
            under = after_headline and _outlet(line) is not None
            starts = not under and _starts_item(body, k, links)
            if starts and filled:
                out.append([])
            after_headline = starts
            filled = True
        out[-1].append((no, line))
        if links[k] and not (k + 1 < len(body) and _URL_ONLY.match(body[k + 1][1])):
            out.append([])
            filled = False
    return [s for s in out if any(t.strip() for _, t in s)]


def _item(seg: Numbered) -> RawItem | None:
    filled = [k for k, (_, line) in enumerate(seg) if line.strip()]
    if not filled:
        return None
    lines = [line for _, line in seg]
    first = filled[0]
    title = source = dateline = None
    body_from = first
    if _starts_item(seg, first, [False] * len(seg)):
        title = headline_text(lines[first])
        body_from = first + 1
        tail = _OUTLET_TAIL.search(title)
        if tail:
            source, title = (tail.group(1) or tail.group(2)).strip(), title[: tail.start()].strip()
        below = next((k for k in filled if k > first), None)
        outlet = _outlet(lines[below]) if below is not None else None
        if below is not None and outlet is not None and below != filled[-1]:
            source, dateline = outlet[0] or source, outlet[1]
            body_from = below + 1
    links = [line for line in lines[body_from:] if _is_read_more(line)]
    url = next((u for line in links if (u := first_url(line))), None)
    for line in links:
        at = _READ_MORE_AT.search(line)
        if at and not source:
            source = at.group(1).strip()
    text = [line for line in lines[body_from:] if not _is_read_more(line)]
    if not any(is_prose(line) for line in text):
        return None
    return make_item(text, seg[first][0], title, source, url, dateline)


def read(text: str) -> ReadResult:
    """Items of the text read in this format; what cannot be read is in `problems`.

    A forwarded digest, list or scraped page keeps its own structure: when another text
    format reads the body into more items than the newsletter rules do, its items are
    used, with the e-mail's capture date and sender."""
    envelope = _envelope(text)
    if envelope is None:
        body = [(no, line) for no, line in enumerate(split_lines(text), 1)]
        headers: dict[str, str] = {}
    else:
        body, headers = envelope.body, envelope.headers
    items, problems = _newsletter_items(body)
    inner = _inner_format(body)
    if inner is not None and len(inner.items) > len(items):
        offset = body[0][0] - 1 if body else 0
        items = [replace(item, line=item.line + offset) for item in inner.items]
        problems = [ReadProblem(p.line + offset, p.message) for p in inner.problems]
    return ReadResult("email", items, problems, sender(headers), capture_date(headers))


def _newsletter_items(body: Numbered) -> tuple[list[RawItem], list[ReadProblem]]:
    segs = segments(_clean(body))
    items: list[RawItem] = []
    problems: list[ReadProblem] = []
    for n, seg in enumerate(segs):
        item = _item(seg)
        if item is not None and (item.title or n or len(segs) == 1 or _has_link(seg)):
            items.append(item)
        elif item is None and any(is_prose(line) for _, line in seg):
            problems.append(ReadProblem(seg[0][0], f"not read as an item: {preview(seg[0][1])!r}"))
    return items, problems


def _inner_format(body: Numbered) -> ReadResult | None:
    """The body read by the text format that claims it confidently, if one does."""
    text = "\n".join(line for _, line in body)
    score, reader = max(((r.sniff(text), r) for r in INNER_READERS), key=lambda pair: pair[0])
    return reader.read(text) if score >= INNER_CONFIDENCE else None


def _has_link(seg: Numbered) -> bool:
    return any(_is_read_more(line) for _, line in seg)


CEILING = 0.95
"""The highest confidence `sniff` gives."""


def sniff(text: str) -> float:
    """Confidence in [0, 1] that `text` is in this format."""
    lines = split_lines(text[:SNIFF_LIMIT])
    return CEILING if find_headers(lines) is not None else 0.0


READER = TextReader(
    "email",
    "an e-mail newsletter: headers, items with Read more links, footer",
    sniff,
    read,
    CEILING,
)
