"""Near-duplicate stories: MinHash/LSH over word shingles, verified by exact resemblance.

Two texts are the same story when their word 3-shingles overlap enough: the Jaccard
index of the two shingle sets, or, when one text is a trimmed copy of the other (an
outlet printing the first paragraphs of a wire story), the share of the shorter
text's shingles found in the longer one. MinHash LSH only proposes candidates; every
reported match is verified on the exact shingle sets, so results do not depend on the
randomness of the sketch. Distinct stories on the same subject share vocabulary but
few word sequences (names, places, numbers and phrasing differ), so they stay apart.

Pure: texts in, matches out. Keys are whatever the caller uses to name a text.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .text import fingerprint_text

if TYPE_CHECKING:
    from datasketch import MinHash

_ASCII_WORD = re.compile(r"[a-z0-9]+")
SHINGLE_WORDS = 3
NUM_PERM = 128
SCHEME = "affine32"
LSH_THRESHOLD = 0.2
DUPLICATE = 0.5
"""Resemblance at or above which two texts are one story (merged at ingest)."""
SUSPECT = 0.25
"""Resemblance at or above which `briefings review` asks a curator to look."""
MIN_CONTAINED = 30
"""A text needs this many shingles before containment alone can make it a duplicate."""


def shingles(text: str, size: int = SHINGLE_WORDS) -> frozenset[int]:
    """Hashes of the overlapping `size`-word sequences of the text, case and punctuation
    folded. A text shorter than `size` words is one shingle."""
    words = _ASCII_WORD.findall(text.lower()) if text.isascii() else fingerprint_text(text).split()
    if not words:
        return frozenset()
    grams = (" ".join(words[i : i + size]) for i in range(max(1, len(words) - size + 1)))
    return frozenset(zlib.crc32(g.encode("utf-8")) for g in grams)


def resemblance(a: frozenset[int], b: frozenset[int]) -> float:
    """max(Jaccard, containment of the smaller set in the larger), in [0, 1].

    Containment counts only when the smaller text has at least `MIN_CONTAINED`
    shingles, so a shared quotation does not make two short items one story.
    """
    if not a or not b:
        return 0.0
    common = len(a & b)
    jaccard = common / len(a | b)
    smaller = min(len(a), len(b))
    contained = common / smaller if smaller >= MIN_CONTAINED else 0.0
    return max(jaccard, contained)


@lru_cache(maxsize=1)
def _permutations() -> tuple[object, object]:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations


def _identity(value: int) -> int:
    return value


def sketch(hashes: Iterable[int]) -> MinHash:
    """A MinHash of pre-hashed shingles (fixed seed: the same text, the same sketch).
    datasketch (and the scipy it loads) is imported on first use, not on every CLI start."""
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, hashfunc=_identity, permutations=_permutations(), scheme=SCHEME)
    m.update_batch(list(hashes))
    return m


@dataclass(frozen=True, order=True)
class Match:
    """A verified near-duplicate: the key of the other text and how alike they are."""

    similarity: float
    key: str


class DuplicateIndex:
    """Texts by key, searchable for near-duplicates. Adding and finding are both cheap:
    the LSH narrows the search, exact shingle sets decide."""

    def __init__(self, threshold: float = LSH_THRESHOLD) -> None:
        from datasketch import MinHashLSH

        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._shingles: dict[str, frozenset[int]] = {}

    def __contains__(self, key: str) -> bool:
        return key in self._shingles

    def __len__(self) -> int:
        return len(self._shingles)

    def add(self, key: str, text: str) -> None:
        if key in self._shingles:
            raise KeyError(f"{key!r} is already indexed")
        hashes = shingles(text)
        self._shingles[key] = hashes
        if hashes:
            self._lsh.insert(key, sketch(hashes))

    def find(
        self, text: str, minimum: float = DUPLICATE, exclude: str | None = None
    ) -> list[Match]:
        """Indexed texts resembling `text` at least `minimum`, most alike first (ties by key)."""
        hashes = shingles(text)
        if not hashes:
            return []
        return self._verify(hashes, self._lsh.query(sketch(hashes)), minimum, exclude)

    def best(
        self, text: str, minimum: float = DUPLICATE, exclude: str | None = None
    ) -> Match | None:
        found = self.find(text, minimum, exclude)
        return found[0] if found else None

    def pairs(self, minimum: float = SUSPECT) -> list[tuple[str, str, float]]:
        """Every unordered pair of indexed texts resembling each other at least `minimum`,
        as (key, other key, similarity) with key < other key, sorted."""
        out: set[tuple[str, str, float]] = set()
        for key, hashes in self._shingles.items():
            if not hashes:
                continue
            for match in self._verify(hashes, self._lsh.query(sketch(hashes)), minimum, key):
                a, b = sorted((key, match.key))
                out.add((a, b, match.similarity))
        return sorted(out)

    def _verify(
        self, hashes: frozenset[int], candidates: Iterable[str], minimum: float, exclude: str | None
    ) -> list[Match]:
        matches = []
        for key in candidates:
            if key == exclude:
                continue
            score = resemblance(hashes, self._shingles[key])
            if score >= minimum:
                matches.append(Match(round(score, 3), key))
        return sorted(matches, key=lambda m: (-m.similarity, m.key))


def index_of(texts: Mapping[str, str]) -> DuplicateIndex:
    """A `DuplicateIndex` of all `texts` (key -> text), added in sorted key order."""
    index = DuplicateIndex()
    for key in sorted(texts):
        index.add(key, texts[key])
    return index
