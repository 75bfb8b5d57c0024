"""Fast phrase lookup over tokenised text, shared by every classifier.

A `PhraseMatcher` is compiled once from a phrase -> label table into a token trie
(first token -> candidate phrases, longest first). Matching a text is one pass over
its tokens with a dict lookup each, so thousands of phrases cost no more than ten.
Phrases match on whole tokens only ("US" never matches inside "USB" or "thus"), and
the gap between two tokens of a phrase may only be spacing, a hyphen, a dot, an
apostrophe or an ampersand ("U.S.", "Guinea-Bissau", "Côte d'Ivoire").
"""

from __future__ import annotations

import functools
import re
import unicodedata
import weakref
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from itertools import accumulate, compress, count
from typing import Any, Generic, NamedTuple, TypeVar

L = TypeVar("L")
V = TypeVar("V")

_TOKEN_SPLIT = re.compile(r"([^\W_]+)")
"""Splits a text into gap, token, gap, ..., token, gap (gaps may be empty)."""
_ASCII_TOKEN_SPLIT = re.compile(r"([A-Za-z0-9]+)")
"""The same for ASCII text, where it is quicker."""
_GAP = re.compile(r"[\s.\-\u2010-\u2014'\u2019&]{0,3}")


@dataclass(frozen=True)
class Tokens:
    """A text cut into word tokens: parallel lists of words and their character spans."""

    text: str
    words: list[str]
    starts: list[int]
    ends: list[int]

    def __len__(self) -> int:
        return len(self.words)

    def split(self, index: int) -> tuple[Tokens, Tokens]:
        """The tokens before and from `index`, spans still into the same text."""
        w, s, e = self.words, self.starts, self.ends
        return (
            Tokens(self.text, w[:index], s[:index], e[:index]),
            Tokens(self.text, w[index:], s[index:], e[index:]),
        )


class Match(NamedTuple, Generic[L]):
    """A phrase found in a text: token indices [first, last), character span, label."""

    phrase: str
    label: L
    first: int
    last: int
    start: int
    end: int


_new_match: Callable[[tuple[str, Any, int, int, int, int]], Match[Any]] = partial(
    tuple.__new__, Match
)
"""``Match(*fields)`` without the named tuple's Python-level ``__new__`` (three times
cheaper; `find` makes one per phrase found)."""


def tokenise(text: str) -> Tokens:
    pieces = (_ASCII_TOKEN_SPLIT if text.isascii() else _TOKEN_SPLIT).split(text)
    bounds = list(accumulate(map(len, pieces)))
    return Tokens(text, pieces[1::2], bounds[0:-1:2], bounds[1::2])


def fold(word: str) -> str:
    """Accents removed ("Zürich" -> "Zurich"); used to add ASCII spellings of names."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light English plural stemmer, applied alike to cue phrases and text."""
    w = word.lower()
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith("es") and (w[-3] in "sxz" or w[-4:-2] in ("ch", "sh")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


_BySecond = dict[str, list[tuple[tuple[str, ...], int, str, L]]]
"""Phrases of two tokens or more by their second token: (keys after the second, number
of tokens, phrase, label)."""


_STEMS: dict[str, str] = {}
_MAX_STEMS = 200_000


def stems(words: list[str]) -> list[str]:
    """``[stem(w) for w in words]``, from a plain table of the words already seen."""
    try:
        return list(map(_STEMS.__getitem__, words))
    except KeyError:
        if len(_STEMS) > _MAX_STEMS:
            _STEMS.clear()
        _STEMS.update((word, stem(word)) for word in set(words).difference(_STEMS))
        return list(map(_STEMS.__getitem__, words))


class PhraseMatcher(Generic[L]):
    """Find every listed phrase in a text, longest match first, no overlaps.

    With ``fuzzy=True`` matching ignores case and plural endings (for topic cues);
    otherwise it is exact, so proper names keep their capitals ("Turkey" vs "turkey").
    """

    def __init__(self, phrases: Iterable[tuple[str, L]], *, fuzzy: bool = False) -> None:
        self.fuzzy = fuzzy
        longer: dict[str, _BySecond[L]] = {}
        single: dict[str, tuple[str, L]] = {}
        seen: set[tuple[str, ...]] = set()
        for phrase, label in phrases:
            key = tuple(self._keys(tokenise(phrase)))
            if not key or key in seen:
                continue
            seen.add(key)
            if len(key) == 1:
                single[key[0]] = (phrase, label)
            else:
                entry = (key[2:], len(key), phrase, label)
                longer.setdefault(key[0], {}).setdefault(key[1], []).append(entry)
        for by_second in longer.values():
            for candidates in by_second.values():
                candidates.sort(key=lambda c: -c[1])
        self._size = len(seen)
        self._first: dict[str, tuple[_BySecond[L], tuple[str, L] | None]] = {
            word: (longer.get(word, {}), single.get(word)) for word in {*longer, *single}
        }
        """First token -> (phrases of two tokens or more by their second token, longest
        first; the one-token phrase)."""

    def _keys(self, tokens: Tokens) -> list[str]:
        return stems(tokens.words) if self.fuzzy else tokens.words

    def __len__(self) -> int:
        return self._size

    def find(self, tokens: Tokens) -> list[Match[L]]:
        keys = self._keys(tokens)
        first = self._first
        text, starts, ends = tokens.text, tokens.starts, tokens.ends
        out: list[Match[L]] = []
        n, resume = len(keys), 0
        for i in compress(count(), map(first.__contains__, keys)):
            if i < resume:
                continue
            longer, single = first[keys[i]]
            if longer and i + 1 < n and keys[i + 1] in longer:
                first_gap = text[ends[i] : starts[i + 1]] == " " or _tight(tokens, i, 2)
                for rest, size, phrase, label in longer[keys[i + 1]] if first_gap else ():
                    if (
                        i + size <= n
                        and (size == 2 or tuple(keys[i + 2 : i + size]) == rest)
                        and (size == 2 or _tight(tokens, i + 1, size - 1))
                    ):
                        out.append(
                            _new_match((phrase, label, i, i + size, starts[i], ends[i + size - 1]))
                        )
                        resume = i + size
                        break
            if single is not None and resume <= i:
                out.append(_new_match((single[0], single[1], i, i + 1, starts[i], ends[i])))
                resume = i + 1
        return out


def _tight(tokens: Tokens, first: int, size: int) -> bool:
    text = tokens.text
    for j in range(first, first + size - 1):
        gap = text[tokens.ends[j] : tokens.starts[j + 1]]
        if gap != " " and (len(gap) > 3 or _GAP.fullmatch(gap) is None or "\n\n" in gap):
            return False
    return True


def weighted(table: Mapping[str, float]) -> PhraseMatcher[float]:
    return PhraseMatcher(table.items(), fuzzy=True)


T = TypeVar("T")


def per_vocab(build: Callable[[V], T]) -> Callable[[V], T]:
    """Memoise a compile step on the identity of a (non-hashable) vocabulary object.

    Entries die with their vocabulary, so a reloaded vocabulary is compiled afresh.
    """
    cache: dict[int, tuple[weakref.ref[V], T]] = {}

    @functools.wraps(build)
    def cached(vocab: V) -> T:
        key = id(vocab)
        hit = cache.get(key)
        if hit is not None and hit[0]() is vocab:
            return hit[1]
        value = build(vocab)

        def forget(_ref: weakref.ref[V], k: int = key) -> None:
            cache.pop(k, None)

        cache[key] = (weakref.ref(vocab, forget), value)
        return value

    return cached
