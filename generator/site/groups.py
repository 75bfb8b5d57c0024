"""One way to group briefings into index pages: a table of kinds, not a copy per kind.

A `Kind` says which keys an entry files under (``keys``: key -> label pairs) and the
section its pages live in. `group` walks the archive once per kind, keeping the archive's
order (newest first) inside each group. A group's label is its most frequent spelling, so
"AI Act" and "AI act" are one tag page, named the way most briefings write it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from ..vocab import Vocabulary
from . import urls
from .archive import Archive, Entry

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

KeyFn = Callable[[Entry, Vocabulary], Sequence[tuple[str, str]]]


@dataclass(frozen=True)
class Kind:
    name: str
    section: str
    title: str
    keys: KeyFn
    order: str = "label"


@dataclass
class Group:
    kind: Kind
    key: str
    label: str
    entries: list[Entry] = field(default_factory=list)

    def path(self, page: int = 1) -> str:
        return urls.listing(self.kind.section, self.key, page)

    @property
    def count(self) -> int:
        return len(self.entries)


def month_label(key: str) -> str:
    year, month = key.split("-")
    return f"{MONTHS[int(month) - 1]} {year}"


def _regions(entry: Entry, vocab: Vocabulary) -> list[tuple[str, str]]:
    return [(urls.key_slug(code), vocab.region_name(code)) for code in entry.briefing.regions]


def _topic(entry: Entry, vocab: Vocabulary) -> list[tuple[str, str]]:
    slug = entry.briefing.topic
    return [(slug, vocab.topic(slug).name if vocab.is_topic(slug) else slug)]


def _tags(entry: Entry, vocab: Vocabulary) -> list[tuple[str, str]]:
    return [(urls.key_slug(tag), tag) for tag in entry.briefing.tags]


def _month(entry: Entry, vocab: Vocabulary) -> list[tuple[str, str]]:
    key = entry.briefing.date.strftime("%Y-%m")
    return [(key, month_label(key))]


def _sources(entry: Entry, vocab: Vocabulary) -> list[tuple[str, str]]:
    return [(urls.key_slug(name), name) for name, _url in entry.sources]


REGION = Kind("region", "regions", "Regions", _regions)
TOPIC = Kind("topic", "topics", "Topics", _topic)
TAG = Kind("tag", "tags", "Tags", _tags)
MONTH = Kind("month", "archive", "Archive", _month, order="key-desc")
SOURCE = Kind("source", "sources", "Sources", _sources)
KINDS = (REGION, TOPIC, TAG, MONTH, SOURCE)


def group(
    archive: Archive, kind: Kind, keys: Mapping[str, Sequence[tuple[str, str]]] | None = None
) -> list[Group]:
    """Groups of `kind`, each newest first, sorted by label (months: newest first).
    `keys` (path -> an entry's distinct keys) may stand in for ``kind.keys``: a cache."""
    groups: dict[str, Group] = {}
    spellings: dict[str, Counter[str]] = {}
    for entry in archive.entries:
        pairs = keys[entry.path] if keys is not None else kind.keys(entry, archive.vocab)
        for key, label in dict(pairs).items() if keys is None else pairs:
            grp = groups.get(key)
            if grp is None:
                grp = groups[key] = Group(kind, key, label)
                spellings[key] = Counter()
            grp.entries.append(entry)
            spellings[key][label] += 1
    for key, grp in groups.items():
        if len(spellings[key]) > 1:
            grp.label = min(spellings[key].items(), key=lambda item: (-item[1], item[0]))[0]
    if kind.order == "key-desc":
        return sorted(groups.values(), key=lambda g: g.key, reverse=True)
    return sorted(groups.values(), key=lambda g: (g.label.casefold(), g.key))


def lookup(groups: Sequence[Group]) -> dict[str, Group]:
    return {g.key: g for g in groups}
