"""Plan an ingest: parsed raw digests + the archive as it is -> staged writes and a report.

`plan_ingest` decides, for every article, what happens to the archive, and stages
the page and raw-file writes in a `store.Transaction` without touching the disk;
the caller commits it (or not, for a dry run). The rules:

- an article whose id is already in the archive is left as it is, unless ingest
  wrote that page and the regenerated page differs (then it is updated in place);
- a page a curator edited (its fingerprint no longer matches) is never rewritten;
- an article that is a near-duplicate (`dedupe.DUPLICATE`) of a page dated within
  `DUPLICATE_WINDOW` of it adds its source to that page's ``also_reported_by`` instead
  of becoming a page of its own;
- any other article becomes a new page; a slug already used by another id gets the
  first six digits of the article's id appended, so the result does not depend on
  the order of ingests.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import NoReturn

from pydantic import ValidationError

from .catalog import Catalog, PageInfo
from .dedupe import DUPLICATE, DuplicateIndex
from .errors import BriefingsError, Problem
from .model import Briefing, SourceRef, Status
from .pages import PageError, render_page
from .pipeline import Article, ParseResult
from .store import (
    StoredPage,
    Transaction,
    briefing_fingerprint,
    is_edited,
    page_relpath,
    raw_target,
    suffixed_name,
)
from .validate import cross_page_problems
from .vocab import Vocabulary

ID_SUFFIX = 6
DUPLICATE_WINDOW = dt.timedelta(days=92)
"""A retelling is looked for among pages dated this close to the article: the same story
runs within days, and an ingest into a large archive then compares with a few hundred
pages, not all of them. `briefings review` still compares the whole archive."""


class Outcome(StrEnum):
    CREATED = "created"
    REVIEW = "held for review"
    OFF_TOPIC = "off-topic"
    UPDATED = "updated"
    MERGED = "merged"
    UNCHANGED = "unchanged"
    LEFT_ALONE = "left alone"


@dataclass(frozen=True)
class Input:
    """One raw file: where it was read from, its exact bytes, and what parsing found."""

    path: Path
    data: bytes
    result: ParseResult


@dataclass(frozen=True)
class Action:
    """What happened to one article: `rel` is the page concerned, relative to content/."""

    source: str
    line: int
    outcome: Outcome
    rel: str
    title: str
    detail: str = ""


@dataclass(frozen=True)
class RawCopy:
    source: str
    rel: str
    copied: bool


@dataclass
class Plan:
    actions: list[Action]
    raws: list[RawCopy]
    transaction: Transaction


@dataclass
class _Entry:
    rel: str
    briefing: Briefing
    body: str
    edited: bool
    disk_rel: str | None = None


@dataclass
class _State:
    """The archive as this run sees it: `known` is the catalog by id, `entries` the pages
    read whole so far and the pages this run creates."""

    catalog: Catalog
    vocab: Vocabulary
    known: dict[str, PageInfo]
    slugs: dict[str, str]
    entries: dict[str, _Entry] = field(default_factory=dict)
    touched: set[str] = field(default_factory=set)
    raw_staged: dict[str, bytes] = field(default_factory=dict)

    def entry(self, key: str) -> _Entry | None:
        """The page with id `key`, read from disk the first time it is asked for."""
        if key not in self.entries:
            info = self.known.get(key)
            if info is None:
                return None
            page = _read(self.catalog, info.rel)
            if page.briefing.id != key:
                raise BriefingsError(
                    f"{page.page.path}: changed while ingest was reading the archive; "
                    "run the ingest again; nothing was written"
                )
            edited = is_edited(page)
            self.entries[key] = _Entry(page.rel, page.briefing, page.body_text, edited, page.rel)
        return self.entries[key]

    def page(self, key: str) -> _Entry:
        """`entry` for a key the archive or this run is known to have."""
        entry = self.entry(key)
        if entry is None:
            raise KeyError(key)
        return entry


def plan_ingest(catalog: Catalog, inputs: list[Input], vocab: Vocabulary) -> Plan:
    """Decide every article's fate and stage the writes; raises `BriefingsError` (and
    stages nothing usable) if the archive has unreadable pages or two pages with one id
    (which would make "already in the archive" ambiguous), or if an article cannot
    become a valid page. Other archive problems are for `briefings validate`.

    The archive is known from its `catalog`; the few pages an article concerns (its own
    id, or the same story) are read whole from disk, and only they can be rewritten."""
    _refuse_unsafe(catalog)
    known = {p.id: p for p in catalog.pages}
    state = _State(catalog, vocab, known, {p.slug: p.id for p in catalog.pages})
    days = sorted({a.classification.date for inp in inputs for a in inp.result.articles})
    index = DuplicateIndex()
    for info in catalog.pages:
        if _near_any(info.date, days):
            index.add_shingles(info.id, info.shingles)
    tx = Transaction(catalog.content)
    actions: list[Action] = []
    raws: list[RawCopy] = []
    for inp in inputs:
        raw_rel = _place_raw(state, inp, tx)
        raws.append(RawCopy(str(inp.path), raw_rel, raw_rel in tx.writes))
        for article in inp.result.articles:
            briefing = _briefing(article, raw_rel, inp.result.captured, vocab, inp.path)
            action = _known(state, article, briefing, str(inp.path))
            if action is None:
                match = index.best(article.body, DUPLICATE)
                if match is not None:
                    action = _duplicate(state, article, str(inp.path), match.key, match.similarity)
                else:
                    action = _create(state, article, briefing, str(inp.path))
                    index.add(article.id, article.body)
            actions.append(action)
    for key in sorted(state.touched):
        entry = state.entries[key]
        if entry.disk_rel and entry.disk_rel != entry.rel:
            tx.delete(entry.disk_rel)
        tx.write(entry.rel, render_page(entry.briefing, entry.body))
    return Plan(actions, raws, tx)


def _refuse_unsafe(catalog: Catalog) -> None:
    """Raise if a page cannot be read or two pages share an id; shared ids are reported
    as `briefings validate` reports them, from the pages concerned read whole."""
    counts = Counter(p.id for p in catalog.pages)
    shared = [_read(catalog, p.rel) for p in catalog.pages if counts[p.id] > 1]
    problems = catalog.problems + [
        p for p in cross_page_problems(shared) if p.message.startswith("id ")
    ]
    if problems:
        _unsafe(problems)


def _read(catalog: Catalog, rel: str) -> StoredPage:
    try:
        return catalog.read(rel)
    except PageError as exc:
        _unsafe(exc.problems)


def _unsafe(problems: list[Problem]) -> NoReturn:
    raise BriefingsError(
        "\n".join(
            [
                *(str(p) for p in problems),
                "the archive has pages ingest cannot read safely; fix them first "
                "('briefings validate' lists every problem); nothing was written",
            ]
        )
    )


def _near_any(day: dt.date, days: list[dt.date]) -> bool:
    """Whether `day` is within `DUPLICATE_WINDOW` of one of the sorted `days`."""
    at = bisect.bisect_left(days, day)
    return any(abs(d - day) <= DUPLICATE_WINDOW for d in days[max(0, at - 1) : at + 1])


def _stamped(briefing: Briefing, body: str) -> Briefing:
    return briefing.model_copy(update={"fingerprint": briefing_fingerprint(briefing, body)})


def _place_raw(state: _State, inp: Input, tx: Transaction) -> str:
    rel, copy = raw_target(state.catalog.content, inp.path, inp.data)
    staged = state.raw_staged.get(rel)
    if staged is not None and staged != inp.data:
        rel = suffixed_name(rel, inp.data)
    if copy and rel not in state.raw_staged:
        state.raw_staged[rel] = inp.data
        tx.write(rel, inp.data)
    return rel


def _briefing(
    article: Article, raw: str, captured: dt.date, vocab: Vocabulary, path: Path
) -> Briefing:
    try:
        briefing = article.to_briefing(raw, captured)
        Briefing.model_validate(briefing.model_dump(), context={"vocab": vocab})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "front-matter"
        message = first["msg"].removeprefix("Value error, ")
        raise BriefingsError(
            f"{path}:{article.item.line}: this item cannot become a valid page "
            f"({where}: {message}); nothing was written"
        ) from exc
    return briefing


def _known(state: _State, article: Article, briefing: Briefing, source: str) -> Action | None:
    """The action for an article whose id the archive (or this run) already has."""
    entry = state.entry(article.id)
    if entry is None:
        return None
    line, title = article.item.line, entry.briefing.title
    if entry.edited:
        return Action(source, line, Outcome.LEFT_ALONE, entry.rel, title, "edited by a curator")
    if entry.briefing.raw != briefing.raw:
        return _merge(state, article.id, article.source_ref(), source, line, "same text")
    regenerated = briefing.model_copy(
        update={"slug": entry.briefing.slug, "also_reported_by": entry.briefing.also_reported_by}
    )
    regenerated = _stamped(regenerated, article.body)
    if regenerated.fingerprint == entry.briefing.fingerprint:
        return Action(source, line, Outcome.UNCHANGED, entry.rel, title)
    entry.briefing, entry.body = regenerated, article.body
    entry.rel = page_relpath(regenerated)
    state.touched.add(article.id)
    return Action(source, line, Outcome.UPDATED, entry.rel, regenerated.title, "regenerated")


def _duplicate(state: _State, article: Article, source: str, key: str, similarity: float) -> Action:
    entry = state.page(key)
    line = article.item.line
    if entry.edited:
        return Action(
            source,
            line,
            Outcome.LEFT_ALONE,
            entry.rel,
            entry.briefing.title,
            f"same story ({similarity:.2f}) as a page a curator edited; "
            f"{article.classification.source} not added to its also_reported_by",
        )
    return _merge(state, key, article.source_ref(), source, line, f"same story ({similarity:.2f})")


def _merge(state: _State, key: str, ref: SourceRef, source: str, line: int, why: str) -> Action:
    entry = state.entries[key]
    b = entry.briefing
    known = {b.source.casefold(), *(r.name.casefold() for r in b.also_reported_by)}
    if ref.name.casefold() in known:
        return Action(
            source, line, Outcome.UNCHANGED, entry.rel, b.title, f"{why}; {ref.name} already listed"
        )
    merged = b.model_copy(update={"also_reported_by": [*b.also_reported_by, ref]})
    entry.briefing = _stamped(merged, entry.body)
    state.touched.add(key)
    return Action(
        source, line, Outcome.MERGED, entry.rel, b.title, f"{why}; also reported by {ref.name}"
    )


def _create(state: _State, article: Article, briefing: Briefing, source: str) -> Action:
    slug = briefing.slug
    if state.slugs.get(slug, article.id) != article.id:
        base = slug[: 90 - ID_SUFFIX - 1].rstrip("-")
        slug = f"{base}-{article.id[:ID_SUFFIX]}"
    briefing = briefing.model_copy(update={"slug": slug})
    rel = page_relpath(briefing)
    entry = _Entry(rel, _stamped(briefing, article.body), article.body, False)
    state.entries[article.id] = entry
    state.slugs[slug] = article.id
    state.touched.add(article.id)
    outcome = {
        Status.PUBLISHED: Outcome.CREATED,
        Status.REVIEW: Outcome.REVIEW,
        Status.OFF_TOPIC: Outcome.OFF_TOPIC,
    }[briefing.status]
    return Action(
        source, article.item.line, outcome, rel, briefing.title, "; ".join(briefing.review_reasons)
    )
