"""Which regions a story concerns, and the one it is about (the primary region).

Every place mention found by the gazetteer scores for its region: a name counts
more than a city, a city more than an adjective ("Japanese"), an adjective more than
an organisation's home country. Mentions in the headline and the first sentence
count several times over; words around a mention that make the place the subject
("police in Japan", "Japan's government", "Amsterdam-based", "China could")
add the curators' cue weights from regions.yaml; a negative cue weight marks an
outside actor or a venue ("pressure from Washington", "Russian-linked", "meeting in
Geneva"), which counts less and never takes the first-place bonus. A place inside the
grammatical subject of the first sentence ("The Czech agency has warned ...") weighs
strongly. A worldwide body named once, outside the subject and the headline's lead
place, is a passing mention and counts like an organisation. Countries named in a list
("Estonia, Greece, Italy and Jordan") count less each, and a long list speaks for
the bloc they all belong to, or for GLOBAL. The primary region is the best score,
not the first mention; the confidence is its margin over the runner-up.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from operator import mul
from typing import NamedTuple

from ..vocab import Vocabulary
from .base import Evidence, new_evidence
from .gazetteer import CITY, DEMONYM, IGNORE, NAME, ORG, Entry, gazetteer
from .matcher import Match, Tokens, per_vocab

KIND_WEIGHT = {NAME: 1.0, CITY: 0.8, DEMONYM: 0.6, ORG: 0.25}
AFTER_GAP = 2
TITLE_FACTOR = 3.0
FIRST_IN_TITLE = 5.0
LEAD_FACTOR = 2.0
FIRST_IN_LEAD = 1.5
LIST_FACTOR = 0.5
LIST_MIN = 3
LIST_BLOC_MIN = 4
LIST_BONUS = 1.5
REPEAT_DECAY = 0.8
MIN_SECONDARY = 0.9
CONFIDENT_SCORE = 2.0
SUBJECT_BONUS = 2.5
FALLBACK = "GLOBAL"

_CURRENCY = ("$", "\u20ac", "\u00a3", "\u00a5")
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and|or)?|and|or|&|/)\s*(?:the\s+)?$")


class Mention(NamedTuple):
    code: str
    cue: str
    score: float
    in_title: bool
    subject: bool = False


_new_mention: Callable[[tuple[str, str, float, bool, bool]], Mention] = partial(
    tuple.__new__, Mention
)
"""``Mention(*fields)`` without the named tuple's Python-level ``__new__``."""


@dataclass(frozen=True)
class RegionResult:
    regions: list[str]
    confidence: float
    scores: dict[str, float]
    evidence: list[Evidence]


@dataclass(frozen=True)
class _Cues:
    before: re.Pattern[str]
    after: re.Pattern[str]
    before_w: dict[str, float]
    after_w: dict[str, float]
    longest_before: int


_Trie = dict[str, "_Trie"]


def _alternation(words: list[str]) -> str:
    """One regex alternative per word, the longest tried first where several fit (as in
    ``long|lo``), written as a prefix tree so that the engine reads each letter once."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branch(node: _Trie) -> str:
        arms = [re.escape(ch) + branch(child) for ch, child in sorted(node.items()) if ch]
        if not arms:
            return ""
        body = arms[0] if len(arms) == 1 else f"(?:{'|'.join(arms)})"
        return f"(?:{body})?" if "" in node else body

    return branch(trie) if any(words) or len(words) > 1 else "(?!x)x"


@per_vocab
def _cues(vocab: Vocabulary) -> _Cues:
    before = {k.lower(): v for k, v in vocab.regions.cues.before.items()}
    after = {k.lower(): v for k, v in vocab.regions.cues.after.items()}
    return _Cues(
        re.compile(rf"(?:^|\W)({_alternation(list(before))})\s+(?:the\s+)?$"),
        re.compile(
            rf"^(?:'s\b)?(?:\s+[a-z][\w-]*(?![\w-])){{0,{AFTER_GAP}}}?\s*"
            rf"({_alternation(list(after))})(?![\w])"
        ),
        before,
        after,
        max(map(len, before), default=0),
    )


def _cue_bonus(
    text: str, lowered: str | None, m: Match[Entry], cues: _Cues
) -> tuple[float, str, str, bool]:
    """Cue weight around a mention, the cue words before and after it, and whether a
    cue marks the place as an outside actor or a venue (a negative weight). `lowered`
    is `text` in lower case when that keeps every offset (ASCII text), else None."""
    if lowered is not None:
        window_before = lowered[max(0, m.start - 40) : m.start]
        window_after = lowered[m.end : m.end + 40]
    else:
        window_before = text[max(0, m.start - 40) : m.start].lower()
        window_after = text[m.end : m.end + 40].lower().replace("\u2019", "'")
    bonus, before, after, outside = 0.0, "", "", False
    hit = cues.before.search(window_before, _earliest_cue(window_before, cues.longest_before))
    if hit:
        bonus += cues.before_w[hit.group(1)]
        before = hit.group(1)
        outside = cues.before_w[before] < 0
    hit = cues.after.match(window_after)
    if hit:
        bonus += cues.after_w[hit.group(1)]
        after = hit.group(1)
        outside = outside or cues.after_w[after] < 0
    return bonus, before, after, outside


def _earliest_cue(window: str, longest: int) -> int:
    """Where a cue before a mention can start at the earliest: it ends before the
    window's closing spaces (and a closing "the"), and is at most `longest` long."""
    core = window.rstrip()
    if core.endswith("the"):
        core = core[:-3].rstrip()
    return max(0, len(core) - longest - 1)


def _person_name(tokens: Tokens, m: Match[Entry]) -> bool:
    """A place word glued to another capitalised word: "Jordan Peterson", "Michael Jordan".

    A capitalised word that opens a sentence ("In Jordan") does not count."""
    text, words, starts = tokens.text, tokens.words, tokens.starts
    after = m.last < len(words) and text[m.end : starts[m.last]] == " "
    if after and words[m.last][:1].isupper():
        return True
    if m.first == 0 or text[tokens.ends[m.first - 1] : m.start] != " ":
        return False
    prev_start = starts[m.first - 1]
    opens_sentence = prev_start == 0 or text[:prev_start].rstrip().endswith((".", "!", "?", ":"))
    opens_sentence = opens_sentence or "\n" in text[max(0, prev_start - 2) : prev_start]
    return words[m.first - 1][:1].isupper() and not opens_sentence


def _listed(tokens: Tokens, matches: list[Match[Entry]]) -> list[list[int]]:
    """Runs of country mentions that form a list ("A, B and C"), as indices into matches."""
    runs: list[list[int]] = []
    current: list[int] = []
    for idx, m in enumerate(matches):
        is_country = m.label.kind in (NAME, DEMONYM) and m.label.code and len(m.label.code) == 2
        if not is_country:
            if len(current) >= 2:
                runs.append(current)
            current = []
            continue
        if current:
            prev = matches[current[-1]]
            if _LIST_GAP.match(tokens.text[prev.end : m.start]):
                current.append(idx)
                continue
            if len(current) >= 2:
                runs.append(current)
        current = [idx]
    if len(current) >= 2:
        runs.append(current)
    return runs


def _resolve(tokens: Tokens, m: Match[Entry], in_list: bool, cue: bool) -> str | None:
    """The region a mention stands for, settling ambiguous words from their context.

    A word that is a place either way (Georgia: the country or the US state) needs one
    of its cue words or a list of countries; "in Georgia" fits both. A word that may be
    a person (Jordan, Chad) is also confirmed by a place cue ("in Jordan")."""
    entry = m.label
    if entry.kind == IGNORE or entry.code is None and entry.ambiguous is None:
        return None
    spec = entry.ambiguous
    if spec is None:
        return entry.code
    if spec.otherwise is not None:
        cue = False
    confirmed = in_list or cue or any(c in tokens.text for c in spec.cues)
    if confirmed and not _person_name(tokens, m):
        return entry.code
    if _person_name(tokens, m):
        return None
    return spec.otherwise


def _within(start: int, span: tuple[int, int] | None) -> bool:
    return span is not None and span[0] <= start < span[1]


def mentions(
    tokens: Tokens,
    matches: list[Match[Entry]],
    vocab: Vocabulary,
    lead_end: int,
    title: bool,
    subject: tuple[int, int] | None = None,
) -> list[Mention]:
    """Scored place mentions of one text (the headline when `title`, else the body).

    `subject`: character span of the first sentence's grammatical subject, if known."""
    cues = _cues(vocab)
    lowered = tokens.text.lower() if tokens.text.isascii() and matches else None
    runs = _listed(tokens, matches)
    listed = {i for run in runs if len(run) >= LIST_MIN for i in run}
    paired = {i for run in runs for i in run}
    out: list[Mention] = []
    seen_orgs: set[str] = set()
    first = True
    text = tokens.text
    for idx, m in enumerate(matches):
        if text[m.end : m.end + 1] in _CURRENCY:
            continue
        entry = m.label
        kind = entry.kind
        if kind == ORG:
            bonus, before, after, outside = 0.0, "", "", False
        elif entry.ambiguous is None and (kind == IGNORE or entry.code is None):
            continue
        else:
            bonus, before, after, outside = _cue_bonus(text, lowered, m, cues)
        if entry.ambiguous is None:
            code = None if kind == IGNORE else entry.code
        else:
            code = _resolve(tokens, m, idx in paired, bool(before or after))
        if code is None:
            continue
        if kind == ORG:
            if entry.org in seen_orgs:
                continue
            seen_orgs.add(entry.org or "")
        kind_weight = KIND_WEIGHT[kind]
        if idx in listed:
            weight, before, after = kind_weight * LIST_FACTOR, "", ""
        else:
            weight = max(kind_weight + bonus, kind_weight * LIST_FACTOR / 2)
        first_place = first and kind != ORG and not outside
        in_subject = (
            subject is not None
            and subject[0] <= m.start < subject[1]
            and kind != ORG
            and not outside
            and idx not in listed
        )
        if title:
            weight = weight * TITLE_FACTOR + (FIRST_IN_TITLE if first_place else 0.0)
        elif m.start < lead_end:
            weight = weight * LEAD_FACTOR + (FIRST_IN_LEAD if first_place else 0.0)
        if in_subject:
            weight += SUBJECT_BONUS
        first = first and (kind == ORG or outside)
        label = m.phrase
        if before:
            label = f"{before} {label}"
        if after:
            label = f"{label} {after}"
        strong = in_subject or (title and first_place)
        out.append(_new_mention((code, label, weight, title, strong)))
    blocs = gazetteer(vocab).bloc_members
    for run in runs:
        if len(run) < LIST_BLOC_MIN:
            continue
        codes = {matches[i].label.code for i in run}
        bloc = next((b for b, members in blocs.items() if codes <= members), FALLBACK)
        names = ", ".join(matches[i].phrase for i in run)
        start = matches[run[0]].start
        factor = TITLE_FACTOR if title else LEAD_FACTOR if start < lead_end else 1.0
        cue = f"list of {len(run)} countries: {names}"
        bonus = SUBJECT_BONUS if _within(start, subject) else 0.0
        out.append(Mention(bloc, cue, LIST_BONUS * factor + bonus, title, subject=True))
    return out


def _related(a: str, b: str, blocs: dict[str, frozenset[str]]) -> bool:
    return a in blocs.get(b, frozenset()) or b in blocs.get(a, frozenset())


_DECAYS = tuple(REPEAT_DECAY**k for k in range(64))


def _decayed_sum(values: list[float]) -> float:
    """The scores, highest first, each worth `REPEAT_DECAY` times the one before."""
    ranked = sorted(values, reverse=True)
    if len(ranked) <= len(_DECAYS):
        return sum(map(mul, ranked, _DECAYS))
    return sum(s * REPEAT_DECAY**k for k, s in enumerate(ranked))


def decide(all_mentions: list[Mention], vocab: Vocabulary) -> RegionResult:
    """Primary region first, then the others by score; GLOBAL when nothing is named.

    The confidence is the primary's margin over the best rival (a bloc and one of its
    members do not rival each other: "EU" vs "NL" is agreement, not doubt), damped when
    the primary itself rests on little evidence.
    """
    per_code: dict[str, list[float]] = defaultdict(list)
    for mention in all_mentions:
        per_code[mention.code].append(mention.score)
    lone = per_code.get(FALLBACK, [])
    if len(lone) == 1 and not any(m.subject for m in all_mentions if m.code == FALLBACK):
        per_code[FALLBACK] = [lone[0] * KIND_WEIGHT[ORG]]
    scores = {code: _decayed_sum(values) for code, values in per_code.items()}
    if not scores:
        return RegionResult([FALLBACK], 0.0, {}, [])
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    blocs = gazetteer(vocab).bloc_members
    primary, top = ranked[0]
    second = next((s for code, s in ranked[1:] if not _related(primary, code, blocs)), 0.0)
    confidence = round((1.0 - second / top) * min(1.0, top / CONFIDENT_SCORE), 3)
    regions = [ranked[0][0]] + [code for code, s in ranked[1:] if s >= MIN_SECONDARY]
    evidence = [new_evidence((m.code, m.cue, round(m.score, 2))) for m in all_mentions]
    rounded = {code: round(s, 2) for code, s in ranked}
    return RegionResult(regions, confidence, rounded, evidence)
