"""The search index a reader's browser downloads in pieces: an inverted index sharded by
the first two characters of each term, and display records in small numbered chunks.

`search_files(archive, groups, cfg)` returns ``{path: bytes}`` under ``search/``:

=========================  ===============================================================
``search/manifest.json``   format, version (a hash of every shard), shard keys, chunk
                           size, result limit and the stop words, so the browser and this
                           module agree on them
``search/terms/KEY.json``  ``{term: postings}`` for every term whose first two characters
                           are KEY (one-character terms: KEY is the term); postings are
                           document numbers in ascending order, delta-encoded, each
                           ``delta * 2 + 1`` for a title match and ``delta * 2`` for a
                           metadata match
``search/docs/N.json``     ``[[url, title, meta line, summary], ...]`` for documents
                           ``N * chunk`` to ``N * chunk + chunk - 1``
=========================  ===============================================================

Documents are the derived pages a reader looks for by name (regions, topics, tags,
sources, months, overviews), largest first, then every published briefing newest first,
so a lower number is the better tie-break. A briefing is found by its title (title
weight) and by the names of its regions, topic, source, tags and other outlets
(metadata weight); a region page also by its code, its curated aliases and demonyms.
Body text is not indexed.

Tokens are `tokens`: lower case, compatibility-decomposed with combining marks dropped
("Türkiye" -> "turkiye"), maximal runs of Unicode letters and digits, stop words
removed. overrides/assets/javascripts/search-worker.js tokenises queries the same way.
Records are plain text; the worker escapes them when it builds result HTML.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from . import urls
from .archive import Archive, Entry
from .config import SiteConfig
from .groups import KINDS, REGION, TOPIC, Group
from .render import human_date

SEARCH_DIR = "search"
MANIFEST = f"{SEARCH_DIR}/manifest.json"
FORMAT = 1
PREFIX = 2
CHUNK = 16
LIMIT = 50
SUMMARY_CHARS = 160
STOPWORDS = frozenset(
    ("a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in")
    + ("into", "is", "it", "its", "of", "on", "or", "that", "the", "their", "this", "to")
    + ("was", "were", "will", "with")
)
KIND_NAMES = {
    "region": "Region",
    "topic": "Topic",
    "tag": "Tag",
    "month": "Archive",
    "source": "Source",
}
_WORD = re.compile(r"[^\W_]+")
_SHARD_NAME = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=65536)
def _fold_word(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))


def fold(text: str) -> str:
    """Lower case, compatibility-decomposed, combining marks removed."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    return " ".join(_fold_word(part) for part in lowered.split(" "))


def words(text: str) -> list[str]:
    """The words of `text`, folded: maximal runs of Unicode letters and digits."""
    return _WORD.findall(fold(text))


def tokens(text: str) -> list[str]:
    """The searchable terms of `text`, in order, stop words dropped."""
    return [t for t in words(text) if t not in STOPWORDS]


@lru_cache(maxsize=65536)
def _name_tokens(name: str) -> tuple[str, ...]:
    """`tokens` of a name that many briefings share (a region, a topic, a tag)."""
    return tuple(tokens(name))


def shard_key(term: str) -> str:
    return term[:PREFIX]


def shard_path(key: str) -> str:
    """``search/terms/ja.json``; a key that is not ASCII letters or digits is spelled by
    its code points (``u436-443``), as the worker does."""
    name = key if _SHARD_NAME.fullmatch(key) else "u" + "-".join(f"{ord(c):x}" for c in key)
    return f"{SEARCH_DIR}/terms/{name}.json"


def doc_path(chunk: int) -> str:
    return f"{SEARCH_DIR}/docs/{chunk}.json"


@dataclass(frozen=True)
class Doc:
    """One search result: where it leads, what it shows, and the terms that find it
    (``(term, 1)`` for a word of the title, ``(term, 0)`` for one of its names only)."""

    url: str
    title: str
    meta_line: str
    summary: str
    terms: tuple[tuple[str, int], ...]


def _shorten(text: str, limit: int = SUMMARY_CHARS) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:.")
    return cut + "…"


def _count(n: int) -> str:
    return f"{n:,} briefing" + ("" if n == 1 else "s")


def make_doc(url: str, title: str, line: str, summary: str, names: Iterable[str]) -> Doc:
    found = dict.fromkeys((t for name in names for t in _name_tokens(name)), 0)
    found.update(dict.fromkeys(tokens(title), 1))
    return Doc(url, title, line, _shorten(summary), tuple(found.items()))


def briefing_doc(entry: Entry, archive: Archive, cfg: SiteConfig) -> Doc:
    b = entry.briefing
    vocab = archive.vocab
    topic = vocab.topic(b.topic).name if vocab.is_topic(b.topic) else b.topic
    regions = [vocab.region_name(code) for code in b.regions]
    line = " · ".join([human_date(b.date), b.source, regions[0], topic])
    names = (*regions, topic, *(name for name, _url in entry.sources), *b.tags)
    return make_doc(urls.url_of(entry.path, cfg.directory_urls), b.title, line, b.summary, names)


def _region_names(code: str, archive: Archive) -> list[str]:
    regions = archive.vocab.regions
    extra = [name for name, to in {**regions.aliases, **regions.demonyms}.items() if to == code]
    if code in regions.blocs:
        extra += regions.blocs[code].aliases
    return [code, archive.vocab.region_group(code), *extra]


def group_doc(grp: Group, archive: Archive, cfg: SiteConfig) -> Doc:
    kind = KIND_NAMES[grp.kind.name]
    names: list[str] = [kind]
    heading = kind
    if grp.kind is REGION:
        code = next(c for c in grp.entries[0].briefing.regions if urls.key_slug(c) == grp.key)
        heading = f"{kind} · {archive.vocab.region_group(code)}"
        names += _region_names(code, archive)
    summary = ""
    if grp.kind is TOPIC and archive.vocab.is_topic(grp.key):
        summary = archive.vocab.topic(grp.key).description
        names.append(summary)
    line = f"{heading} · {_count(grp.count)}"
    return make_doc(urls.url_of(grp.path(), cfg.directory_urls), grp.label, line, summary, names)


def overview_doc(section: str, title: str, count: int, cfg: SiteConfig) -> Doc:
    url = urls.url_of(urls.overview(section), cfg.directory_urls)
    return make_doc(url, title, f"Index of {title.lower()} · {count:,}", "", ())


def derived_docs(
    archive: Archive, groups: Mapping[str, Sequence[Group]], cfg: SiteConfig
) -> list[Doc]:
    """Group pages, largest first, then the overviews."""
    ranked = sorted(
        ((grp, order) for order, kind in enumerate(KINDS) for grp in groups.get(kind.name, ())),
        key=lambda pair: (-pair[0].count, pair[1], pair[0].label.casefold(), pair[0].key),
    )
    docs = [group_doc(grp, archive, cfg) for grp, _order in ranked]
    return docs + [
        overview_doc(kind.section, kind.title, len(groups.get(kind.name, ())), cfg)
        for kind in KINDS
    ]


def postings(docs: Iterable[Doc]) -> dict[str, array[int]]:
    """term -> ascending ``doc * 2 + 1`` (title match) or ``doc * 2`` (names only)."""
    index: dict[str, array[int]] = {}
    for number, doc in enumerate(docs):
        for term, title in doc.terms:
            found = index.get(term)
            if found is None:
                found = index[term] = array("q")
            found.append(number * 2 + title)
    return index


def _encode(entries: array[int]) -> list[int]:
    out, previous = [], 0
    for value in entries:
        number = value >> 1
        out.append((number - previous) * 2 + (value & 1))
        previous = number
    return out


def _json(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def index_files(docs: Sequence[Doc]) -> dict[str, bytes]:
    """The manifest, term shards and record chunks of `docs`, numbered in order."""
    by_shard: dict[str, dict[str, list[int]]] = {}
    for term, entries in sorted(postings(docs).items()):
        by_shard.setdefault(shard_key(term), {})[term] = _encode(entries)
    files = {shard_path(key): _json(terms) for key, terms in by_shard.items()}
    for start in range(0, len(docs), CHUNK):
        chunk = docs[start : start + CHUNK]
        files[doc_path(start // CHUNK)] = _json(
            [[d.url, d.title, d.meta_line, d.summary] for d in chunk]
        )
    version = hashlib.sha1(b"".join(files[path] for path in sorted(files))).hexdigest()[:12]
    files[MANIFEST] = _json(
        {
            "format": FORMAT,
            "version": version,
            "docs": len(docs),
            "chunk": CHUNK,
            "limit": LIMIT,
            "prefix": PREFIX,
            "stopwords": sorted(STOPWORDS),
            "shards": sorted(by_shard),
        }
    )
    return files


class SearchIndex:
    """Makes the search files of successive archives (as `mkdocs serve` rebuilds),
    reusing a briefing's document while the briefing, the vocabulary and the URL style
    are the same as last time."""

    def __init__(self) -> None:
        self._briefings: dict[str, tuple[Entry, Doc]] = {}
        self._context: tuple[object, bool] | None = None

    def _briefing(self, entry: Entry, archive: Archive, cfg: SiteConfig) -> Doc:
        cached = self._briefings.get(entry.path)
        if cached is None or cached[0] != entry:
            cached = self._briefings[entry.path] = (entry, briefing_doc(entry, archive, cfg))
        return cached[1]

    def files(
        self, archive: Archive, groups: Mapping[str, Sequence[Group]], cfg: SiteConfig
    ) -> dict[str, bytes]:
        """Every file of the search index of `archive`, by path under the site root."""
        if (
            self._context is None
            or self._context[0] is not archive.vocab
            or self._context[1] != cfg.directory_urls
        ):
            self._briefings = {}
            self._context = (archive.vocab, cfg.directory_urls)
        for path in [p for p in self._briefings if p not in archive.index]:
            del self._briefings[path]
        docs = derived_docs(archive, groups, cfg)
        docs += [self._briefing(entry, archive, cfg) for entry in archive.entries]
        return index_files(docs)


def search_files(
    archive: Archive, groups: Mapping[str, Sequence[Group]], cfg: SiteConfig
) -> dict[str, bytes]:
    """Every file of the search index of `archive`, by path under the site root."""
    return SearchIndex().files(archive, groups, cfg)
