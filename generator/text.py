"""Text helpers shared by readers, classifiers and pages: decoding, normalisation,
headlines derived from ledes, summaries, stable ids and slugs. All pure."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator

from slugify import slugify

from .errors import BriefingsError

MAX_HEADLINE = 90
MAX_SUMMARY = 300
MAX_SLUG = 80

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_WORD_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789")
_KEEP_ASCII = bytes(c if c in _WORD_BYTES else 32 for c in range(256))
"""Byte table: a-z and 0-9 kept, every other byte a space."""
_FOLD_ASCII = _KEEP_ASCII[:65] + b"abcdefghijklmnopqrstuvwxyz" + _KEEP_ASCII[91:]
"""The same with A-Z lower-cased."""
_BINARY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20)])
"""The same characters as UTF-8 bytes (no other character's encoding holds them)."""
_WS = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_NOT_SPLIT_SPACE = "\u200b"  # the one character of _WS that str.split() keeps
_SENTENCE_END = re.compile(r"[.!?][\"'\u2019\u201d)]?\s+(?=[\"'\u2018\u201c(]?[A-Z0-9])")
"""A full stop (or ! or ?) ending a sentence, and what follows it up to the next one."""
_ABBREV = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|St|Inc|Ltd|Co|Corp|No|vs|U\.S|U\.K|e\.g|i\.e|Jan|Feb|Mar|Apr|Jun|Jul"
    r"|Aug|Sep|Sept|Oct|Nov|Dec)\.$"
)
_ABBREV_TAIL = 8  # longer than any abbreviation above: only a sentence's tail is searched
_WEAK_ENDINGS = {
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "as",
    "that",
    "which",
    "who",
    "whose",
    "its",
    "their",
    "his",
    "her",
    "our",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "be",
    "been",
    "into",
    "over",
    "under",
    "than",
    "after",
    "before",
    "while",
    "amid",
    "about",
    "across",
    "against",
    "between",
    "this",
    "these",
    "those",
    "it",
    "they",
    "we",
    "not",
    "no",
    "so",
    "if",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "also",
    "more",
    "most",
    "such",
    "up",
    "out",
    "per",
    "via",
}


_CHAOS_MARGIN = 0.02


def decode_bytes(data: bytes, name: str = "<input>") -> str:
    """Decode a raw file: UTF-8 (with or without BOM) first, else the charset-normalizer
    best guess (cp1252, Latin-1, ...). Binary data is refused with a clear error."""
    if not data.strip():
        raise BriefingsError(f"{name}: file is empty")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BriefingsError(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is None:
        raise BriefingsError(f"{name}: looks like a binary file, not text")
    # Single-byte code pages often tie on chaos (cp1252 smart quotes read as cp775 box
    # letters score as clean); among near-ties, the reading whose words fit a language wins.
    near = [m for m in results if m.chaos <= best.chaos + _CHAOS_MARGIN]
    text = str(max(near, key=lambda m: m.coherence))
    if len(_BINARY_CONTROL.findall(text[:8192])) > 8:
        raise BriefingsError(f"{name}: looks like a binary file, not text")
    return text


def _has_control(text: str) -> bool:
    """`text` holds a character `_BINARY_CONTROL` removes (a byte scan: much quicker)."""
    data = text.encode("utf-8", "surrogatepass")
    return len(data.translate(None, _CONTROL_BYTES)) < len(data)


def normalise_text(text: str) -> str:
    """BOM stripped, line endings LF, NFC, trailing whitespace per line removed."""
    text = text.lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    if _has_control(text):
        text = _BINARY_CONTROL.sub("", text)
    return "\n".join(line.rstrip() for line in text.split("\n"))


def collapse(text: str) -> str:
    """One line, single spaces."""
    flat = " ".join(text.split())
    return _WS.sub(" ", flat).strip() if _NOT_SPLIT_SPACE in flat else flat


def sentences(text: str) -> list[str]:
    """Split prose into sentences, keeping abbreviations such as 'Dr.' and 'U.S.' intact."""
    return list(_sentences(text))


def _sentences(text: str) -> Iterator[str]:
    """`sentences` one at a time: a headline or summary reads only as far as it needs."""
    pending = ""
    for part in _sentence_parts(collapse(text)):
        if pending.endswith(".") and _ABBREV.search(pending, len(pending) - _ABBREV_TAIL):
            pending = f"{pending} {part}"
            continue
        if pending:
            yield pending
        pending = part
    if pending:
        yield pending


def _sentence_parts(flat: str) -> Iterator[str]:
    last = 0
    for end in _SENTENCE_END.finditer(flat):
        yield flat[last : end.start() + 1]
        last = end.end()
    yield flat[last:]


def _trim_words(words: list[str]) -> list[str]:
    while len(words) > 3 and words[-1].lower().strip(",;:-\u2013\u2014") in _WEAK_ENDINGS:
        words = words[:-1]
    return words


_BREAK_BEFORE = {
    "as",
    "to",
    "with",
    "for",
    "by",
    "after",
    "amid",
    "over",
    "under",
    "while",
    "following",
    "including",
    "which",
    "who",
    "that",
    "and",
    "but",
    "despite",
    "via",
    "across",
    "against",
    "through",
    "from",
    "on",
    "in",
    "at",
    "into",
    "than",
    "because",
    "since",
    "before",
    "where",
    "when",
    "whose",
    "according",
    "of",
    "—",
    "–",
    "-",
}
_MIN_HEADLINE = 35
_ADJECTIVE_ENDS = (
    "al",
    "ar",
    "ive",
    "ous",
    "ful",
    "ic",
    "able",
    "ible",
    "less",
    "ent",
    "ant",
    "ary",
    "ory",
    "new",
    "big",
    "top",
    "fast",
    "key",
    "own",
    "ed",
    "est",
    "er",
)
_NO_END = {
    "accused",
    "suspected",
    "charged",
    "aimed",
    "designed",
    "intended",
    "set",
    "able",
    "used",
    "known",
    "called",
    "based",
    "likely",
    "expected",
    "due",
    "poised",
    "ready",
    "seeking",
    "trying",
    "linked",
    "related",
    "according",
    "thanks",
    "owing",
    "prior",
    "such",
    "said",
}
_NEEDS_OF = {
    "part",
    "one",
    "some",
    "many",
    "most",
    "all",
    "none",
    "number",
    "lot",
    "series",
    "range",
    "set",
    "kind",
    "type",
    "lack",
    "use",
    "rest",
    "end",
    "start",
    "head",
    "member",
    "members",
    "each",
    "both",
    "any",
    "out",
    "because",
    "instead",
    "ahead",
    "regardless",
    "capable",
}


def _cut_score(words: list[str], i: int, length: int, balanced: bool) -> float | None:
    """Score cutting the sentence before words[i]; None when the cut is not acceptable.
    `length`: the length of the words before, trailing ",;:" left out; `balanced`:
    their brackets and double quotes are closed."""
    last = words[i - 1].lower().strip(",;:")
    if last in _WEAK_ENDINGS or last in _NO_END or last.endswith(("'s", "\u2019s")):
        return None
    if not balanced:
        return None
    following = words[i].lower().strip("\"'\u2018\u201c(")
    if following in ("and", "or") and last.endswith("ing"):
        return None
    if following == "of" and last in _NEEDS_OF:
        return None
    if words[i - 1].endswith(","):
        return length - 10.0
    if following in _BREAK_BEFORE:
        return length + 15.0
    participle = following.endswith(("ing", "ed")) and len(following) > 5 and "-" not in following
    if participle and not last.endswith(_ADJECTIVE_ENDS):
        return length + 5.0
    return None


def headline_from_lede(body: str, limit: int = MAX_HEADLINE) -> str:
    """A readable headline under `limit` characters derived from the first sentence.

    A sentence that fits is used whole. A longer one is cut at the phrase boundary
    (before a preposition, conjunction or participle, or at a comma) that keeps the
    most words without ending on a function word; never an ellipsis mid-phrase.
    """
    first = next(_sentences(body)) if body.strip() else ""
    first = first.rstrip(" .!?;:")
    if not first:
        return "Untitled briefing"
    if len(first) <= limit:
        return _capitalise(first)
    words = first.split(" ")
    best: tuple[float, int] | None = None
    joined, opened, closed, quotes = -1, 0, 0, 0
    for i in range(1, len(words)):
        word = words[i - 1]
        joined += len(word) + 1
        if joined - len(word) > limit:
            break
        opened += word.count("(")
        closed += word.count(")")
        quotes += word.count('"')
        length = joined - (len(word) - len(word.rstrip(",;:")))
        if not _MIN_HEADLINE <= length <= limit:
            continue
        score = _cut_score(words, i, length, opened == closed and not quotes % 2)
        if score is not None and (best is None or (score, i) > best):
            best = (score, i)
    if best is not None:
        return _capitalise(" ".join(words[: best[1]]).rstrip(" ,;:-\u2013\u2014"))
    kept: list[str] = []
    for word in words:
        if len(" ".join([*kept, word])) > limit:
            break
        kept.append(word)
    return _capitalise(" ".join(_trim_words(kept)).rstrip(" ,;:-\u2013\u2014"))


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def summarise(body: str, limit: int = MAX_SUMMARY) -> str:
    """First sentences of the body, whole sentences only, within `limit` characters."""
    out = ""
    for sentence in _sentences(body):
        candidate = f"{out} {sentence}".strip()
        if len(candidate) > limit:
            break
        out = candidate
    if not out:
        words = collapse(body)[:limit].split(" ")
        out = (
            " ".join(_trim_words(words[:-1] if len(words) > 1 else words)).rstrip(",;:") + "\u2026"
        )
    return out


def fingerprint_text(text: str) -> str:
    """Text reduced for identity: case, punctuation, quotes and spacing folded."""
    return _fingerprint(text).decode("ascii")


def _fingerprint(text: str) -> bytes:
    """`fingerprint_text` as ASCII bytes."""
    if text.isascii():
        data = text.encode("ascii").translate(_FOLD_ASCII)
    else:
        text = unicodedata.normalize("NFKD", text.lower())
        marks = [ord(ch) for ch in set(_NON_ASCII.findall(text)) if unicodedata.combining(ch)]
        if marks:
            text = text.translate(dict.fromkeys(marks))
        data = text.encode("ascii", "replace").translate(_KEEP_ASCII)
    return b" ".join(data.split())


def make_id(body: str) -> str:
    """Stable 12-hex-digit id of an article's normalised text."""
    return hashlib.sha1(_fingerprint(body)).hexdigest()[:12]


def make_slug(title: str) -> str:
    slug = slugify(title, max_length=MAX_SLUG, word_boundary=True, save_order=True)
    return slug or "briefing"
