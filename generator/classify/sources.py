"""Which publisher an item comes from.

Order of precedence: the outlet the item itself names (`RawItem.source`, a credit
line in its text such as "This article first appeared on The Hindu.", or the domain
of its link), then the file's default source (what the reader found, or
what `file_source` recognises in the whole raw text), then "Unknown source".
Outlet names are normalised through sources.yaml aliases and domains, so "SCMP",
"scmp.com" and "https://www.scmp.com/news/..." all become "South China Morning Post".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..readers.masthead import publication_name
from ..text import fingerprint_text
from ..vocab import Vocabulary
from .matcher import per_vocab

UNKNOWN = "Unknown source"

_LINE_PREFIX = re.compile(
    r"^\s*(?:[-\u2013\u2014•|*>]+\s*|(?:source|via|by|from)\s*[:\-]?\s+)", re.I
)
_CREDIT = re.compile(
    r"(?:^|\n)\s*(?:this (?:article|story|report) )?(?:was )?(?:first|originally) "
    r"(?:appeared|published|ran) (?:on|in|by|at) (?P<name>[A-Z][\w&.'\u2019 -]{1,60}?)"
    r"\s*[.!]?\s*(?:\n|$)|(?:^|\n)\s*\(?(?:source|via)\s*:\s*(?P<src>[^\n()]{2,60}?)\)?\s*(?:\n|$)",
    re.I,
)
_DOMAIN = re.compile(r"\b((?:[a-z0-9-]+\.)+[a-z]{2,})\b", re.I)


@dataclass(frozen=True)
class SourceIndex:
    """Lookup tables derived once from sources.yaml."""

    by_key: dict[str, str]
    by_domain: dict[str, str]
    boilerplate: tuple[tuple[str, str], ...]


@per_vocab
def _index(vocab: Vocabulary) -> SourceIndex:
    by_key: dict[str, str] = {}
    by_domain: dict[str, str] = {}
    boilerplate: list[tuple[str, str]] = []
    for name, spec in vocab.sources.sources.items():
        for alias in (name, *spec.aliases):
            by_key.setdefault(fingerprint_text(alias), name)
        for domain in spec.domains:
            by_domain[domain.lower()] = name
        for line in spec.boilerplate:
            boilerplate.append((fingerprint_text(line), name))
    return SourceIndex(by_key, by_domain, tuple(boilerplate))


def source_names(vocab: Vocabulary) -> list[str]:
    """Every name and alias of every known outlet (outlets are never places)."""
    names: list[str] = []
    for name, spec in vocab.sources.sources.items():
        names.extend([name, *spec.aliases])
    return names


def domain_source(url_or_domain: str, vocab: Vocabulary) -> str | None:
    """The known outlet a URL or bare domain belongs to ("www.scmp.com" -> SCMP)."""
    value = url_or_domain.strip().lower()
    host = urlsplit(value).hostname if "://" in value else value.split("/")[0]
    if not host:
        return None
    host = host.removeprefix("www.")
    domains = _index(vocab).by_domain
    parts = host.split(".")
    for i in range(len(parts) - 1):
        hit = domains.get(".".join(parts[i:]))
        if hit:
            return hit
    return None


def normalise_source(name: str, vocab: Vocabulary) -> str:
    """Canonical outlet name for an alias or domain; unknown outlets keep their own name."""
    cleaned = " ".join(_LINE_PREFIX.sub("", name).split()).strip(" -|:")
    if not cleaned:
        return UNKNOWN
    hit = _index(vocab).by_key.get(fingerprint_text(cleaned))
    if hit:
        return hit
    if _DOMAIN.fullmatch(cleaned) or "://" in cleaned:
        return domain_source(cleaned, vocab) or cleaned
    return cleaned


def file_source(text: str, vocab: Vocabulary) -> str | None:
    """The publisher a whole raw file belongs to, when its text says so.

    A publisher's boilerplate line anywhere decides it. Otherwise lines that are
    nothing but a known outlet's name ("South China Morning Post", "- SCMP",
    "Source: Reuters") are counted and the most frequent outlet wins. Outlets only
    mentioned inside sentences do not count. Failing both, the name the file's own
    calls to action give the newsletter ("Forward The Circuit Breaker to ...",
    "Subscribe to X", "X is a weekly newsletter"), normalised like any outlet.
    """
    index = _index(vocab)
    votes: Counter[str] = Counter()
    for raw_line in text.splitlines():
        line = raw_line.strip()
        if not line or len(line) > 300:
            continue
        print_ = fingerprint_text(line)
        for marker, name in index.boilerplate:
            if marker and marker in print_:
                return name
        if len(line) <= 80:
            bare = fingerprint_text(_LINE_PREFIX.sub("", line))
            hit = index.by_key.get(bare)
            if hit is None and _DOMAIN.fullmatch(line.strip(" -|")):
                hit = domain_source(line.strip(" -|"), vocab)
            if hit:
                votes[hit] += 1
    if not votes:
        named = publication_name(text.splitlines())
        return normalise_source(named, vocab) if named else None
    return sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _credit(part: str) -> re.Match[str] | None:
    """``_CREDIT.search(part)``, tried only where the pattern can start: at the start
    of `part` and at its line breaks."""
    at = 0
    while at >= 0:
        hit = _CREDIT.match(part, at)
        if hit:
            return hit
        at = part.find("\n", at + 1)
    return None


def credit_line(body: str) -> str | None:
    """The outlet a credit line at the start or end of an item names, if any."""
    for part in (body[-300:], body[:200]):
        hit = _credit(part)
        if hit:
            return (hit.group("name") or hit.group("src")).strip()
    return None


def item_source(
    source: str | None,
    url: str | None,
    default_source: str | None,
    vocab: Vocabulary,
    body: str = "",
) -> tuple[str, str]:
    """(publisher, why): the item's own outlet or credit line, its link's domain, the
    file default."""
    if source and source.strip():
        return normalise_source(source, vocab), f"item names its outlet: {source.strip()}"
    credit = credit_line(body)
    if credit:
        return normalise_source(credit, vocab), f"credit line names {credit}"
    if url:
        hit = domain_source(url, vocab)
        if hit:
            return hit, f"item link is on {hit}'s domain"
    if default_source and default_source.strip():
        return normalise_source(default_source, vocab), "the file's publisher"
    return UNKNOWN, "no outlet named"
