"""The one typed model of a briefing page's front-matter.

`Briefing` is used both to write pages (`pages.render_page`) and to validate them
(`validate`, the MkDocs plugin). Vocabulary checks (known topics and regions) need
the curators' data files, so they run only when a `Vocabulary` is passed in the
pydantic validation context: ``Briefing.model_validate(data, context={"vocab": v})``.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

if TYPE_CHECKING:
    from .vocab import Vocabulary

ID_PATTERN = r"^[0-9a-f]{12}$"
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class Status(StrEnum):
    """Only `published` briefings reach the site, its search index and its feeds."""

    PUBLISHED = "published"
    REVIEW = "review"
    OFF_TOPIC = "off-topic"


class SourceRef(BaseModel):
    """A publisher that reported the story, with the link the raw item gave, if any."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, max_length=120)
    url: str | None = None

    @field_validator("url")
    @classmethod
    def _http_only(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^https?://[^\s<>\"']+$", value):
            raise ValueError(f"source url {value!r} is not an http(s) URL")
        return value


class Briefing(BaseModel):
    """Front-matter of one briefing page. Field order here is the order written."""

    model_config = ConfigDict(extra="forbid", use_enum_values=False)

    id: str = Field(pattern=ID_PATTERN, description="sha1 of the normalised text, 12 hex digits")
    slug: str = Field(pattern=SLUG_PATTERN, max_length=90)
    title: str = Field(min_length=3, max_length=200)
    date: dt.date
    date_guessed: bool = Field(
        default=False, description="true when no dateline was found and the capture date applies"
    )
    captured: dt.date
    source: str = Field(min_length=1, max_length=120)
    source_url: str | None = None
    also_reported_by: list[SourceRef] = Field(default_factory=list)
    region: str
    regions: list[str] = Field(min_length=1)
    topic: str
    topic_runner_up: str | None = None
    tags: list[str] = Field(default_factory=list)
    summary: str = Field(min_length=1, max_length=400)
    status: Status = Status.PUBLISHED
    review_reasons: list[str] = Field(default_factory=list)
    raw: str = Field(description="the raw file it came from, relative to content/")
    fingerprint: str | None = Field(
        default=None,
        description="hash of the fields as ingest wrote them; a mismatch means a curator edited",
    )

    @field_validator("title", "summary", "source")
    @classmethod
    def _single_line(cls, value: str) -> str:
        if "\n" in value or "\r" in value:
            raise ValueError("must be a single line")
        if value != value.strip():
            raise ValueError("must not start or end with whitespace")
        return value

    @field_validator("source_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        return SourceRef._http_only(value)

    @field_validator("tags")
    @classmethod
    def _clean_tags(cls, value: list[str]) -> list[str]:
        for tag in value:
            if not tag.strip() or "\n" in tag or len(tag) > 80:
                raise ValueError(f"tag {tag!r} must be a non-empty single line of at most 80 chars")
        if len(set(value)) != len(value):
            raise ValueError("tags must not repeat")
        return value

    @field_validator("raw")
    @classmethod
    def _raw_path(cls, value: str) -> str:
        if value.startswith("/") or ".." in value.split("/") or "\\" in value:
            raise ValueError(f"raw path {value!r} must be relative to content/ without '..'")
        return value

    @field_validator("region", "regions")
    @classmethod
    def _known_regions(cls, value: str | list[str], info: ValidationInfo) -> str | list[str]:
        """Per field, so that each error carries its key's line and all are reported."""
        vocab: Vocabulary | None = (info.context or {}).get("vocab")
        errors = []
        for code in [value] if isinstance(value, str) else value:
            if vocab is not None and not vocab.is_region(code):
                hint = vocab.suggest_region(code)
                more = f" (did you mean {hint}?)" if hint else ""
                errors.append(f"{code!r} is not a known region{more}")
        if errors:
            raise ValueError("; ".join(errors))
        return value

    @field_validator("topic", "topic_runner_up")
    @classmethod
    def _known_topic(cls, value: str | None, info: ValidationInfo) -> str | None:
        vocab: Vocabulary | None = (info.context or {}).get("vocab")
        if vocab is not None and value is not None and not vocab.is_topic(value):
            hint = vocab.suggest_topic(value)
            more = f" (did you mean {hint}?)" if hint else ""
            raise ValueError(f"{value!r} is not in the taxonomy{more}")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Briefing:
        errors: list[str] = []
        if self.regions and self.region != self.regions[0]:
            errors.append(f"region {self.region!r} must be the first of regions {self.regions}")
        if len(set(self.regions)) != len(self.regions):
            errors.append("regions must not repeat")
        if errors:
            raise ValueError("; ".join(errors))
        return self

    def front_matter(self) -> dict[str, Any]:
        """Plain data in field order, for YAML output (dates as ISO strings, no Nones)."""
        data = self.model_dump(mode="json", exclude_none=True)
        for key in ("also_reported_by", "review_reasons"):
            if not data.get(key):
                data.pop(key, None)
        if not data.get("date_guessed"):
            data.pop("date_guessed", None)
        return data

    @property
    def published(self) -> bool:
        return self.status is Status.PUBLISHED
