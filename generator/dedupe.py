"""Near-duplicate stories: exact resemblance of word shingles.

Two texts are the same story when their word 3-shingles overlap enough: the Jaccard
index of the two shingle sets, or, when one text is a trimmed copy of the other (an
outlet printing the first paragraphs of a wire story), the share of the shorter
text's shingles found in the longer one. Looking up one text (ingest) counts shared
shingles through an inverted index, so every match is found and scored exactly;
listing every similar pair of a whole archive (review) lets MinHash LSH propose the
candidates and verifies each on the exact shingle sets. Distinct stories on the same
subject share vocabulary but few word sequences (names, places, numbers and phrasing
differ), so they stay apart.

Pure: texts in, matches out. Keys are whatever the caller uses to name a text.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .text import fingerprint_text

if TYPE_CHECKING:
    from datasketch import MinHash, MinHashLSH

_ASCII_WORD = re.compile(r"[a-z0-9]+")
SHINGLE_WORDS = 3
NUM_PERM = 128
SCHEME = "affine32"
LSH_THRESHOLD = 0.2
DUPLICATE = 0.5
"""Resemblance at or above which two texts are one story (merged at ingest)."""
SUSPECT = 0.25
"""Resemblance at or above which `briefings review` asks a curator to look."""
SCAN_FINDS = 32
"""Lookups made by scanning before `DuplicateIndex` builds its inverted index."""
MIN_CONTAINED = 30
"""A text needs this many shingles before containment alone can make it a duplicate."""


def shingles(text: str, size: int = SHINGLE_WORDS) -> frozenset[int]:
    """Hashes of the overlapping `size`-word sequences of the text, case and punctuation
    folded. A text shorter than `size` words is one shingle."""
    words = _ASCII_WORD.findall(text.lower()) if text.isascii() else fingerprint_text(text).split()
    if not words:
        return frozenset()
    if len(words) <= size:
        grams: Iterable[str] = [" ".join(words)]
    else:
        grams = map(" ".join, zip(*(words[i:] for i in range(size)), strict=False))
    return frozenset(map(zlib.crc32, map(str.encode, grams)))


def resemblance(a: frozenset[int], b: frozenset[int]) -> float:
    """max(Jaccard, containment of the smaller set in the larger), in [0, 1].

    Containment counts only when the smaller text has at least `MIN_CONTAINED`
    shingles, so a shared quotation does not make two short items one story.
    """
    return _resemblance(len(a & b), len(a), len(b)) if a and b else 0.0


def _resemblance(common: int, size_a: int, size_b: int) -> float:
    """`resemblance` of two sets of these sizes sharing `common` shingles."""
    jaccard = common / (size_a + size_b - common)
    smaller = min(size_a, size_b)
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
    """Texts by key, searchable for near-duplicates.

    `find` is exact (no sketch, so nothing alike is missed): the first `SCAN_FINDS`
    compare the text with every indexed one, set against set; later ones build an
    inverted index from shingle to keys once and count, for every text sharing a
    shingle with the query, how many it shares. Both give the same matches; scanning
    is cheaper for the few lookups of a digest, the index for many. `pairs`, which
    compares every text with every other, proposes candidates with MinHash LSH instead
    and verifies them on the exact sets. Each structure, and the datasketch import LSH
    needs, is built on first use, so an ingest (which only finds) never loads
    datasketch or scipy.
    """

    def __init__(self, threshold: float = LSH_THRESHOLD) -> None:
        self._threshold = threshold
        self._shingles: dict[str, frozenset[int]] = {}
        self._postings: dict[int, list[str]] | None = None
        self._finds = 0
        self._lsh: MinHashLSH | None = None

    def __contains__(self, key: str) -> bool:
        return key in self._shingles

    def __len__(self) -> int:
        return len(self._shingles)

    def add(self, key: str, text: str) -> None:
        self.add_shingles(key, shingles(text))

    def add_shingles(self, key: str, hashes: frozenset[int]) -> None:
        """Index a text by its `shingles` (computed earlier, or kept from an earlier run)."""
        if key in self._shingles:
            raise KeyError(f"{key!r} is already indexed")
        self._shingles[key] = hashes
        if self._postings is not None:
            _post(self._postings, key, hashes)
        if self._lsh is not None and hashes:
            self._lsh.insert(key, sketch(hashes))

    def find(
        self, text: str, minimum: float = DUPLICATE, exclude: str | None = None
    ) -> list[Match]:
        """Indexed texts resembling `text` at least `minimum`, most alike first (ties by key)."""
        hashes = shingles(text)
        if not hashes:
            return []
        self._finds += 1
        if self._postings is None and self._finds <= SCAN_FINDS:
            shared = (
                (key, len(hashes & indexed), indexed) for key, indexed in self._shingles.items()
            )
        else:
            postings = self._inverted()
            common = Counter(key for h in hashes for key in postings.get(h, ()))
            shared = ((key, n, self._shingles[key]) for key, n in common.items())
        scores = (
            (key, _resemblance(n, len(hashes), len(indexed)))
            for key, n, indexed in shared
            if n and key != exclude
        )
        return _ranked(scores, minimum)

    def best(
        self, text: str, minimum: float = DUPLICATE, exclude: str | None = None
    ) -> Match | None:
        found = self.find(text, minimum, exclude)
        return found[0] if found else None

    def pairs(self, minimum: float = SUSPECT) -> list[tuple[str, str, float]]:
        """Every unordered pair of indexed texts resembling each other at least `minimum`,
        as (key, other key, similarity) with key < other key, sorted. Candidates come
        from MinHash LSH (`LSH_THRESHOLD` on the Jaccard index)."""
        lsh = self._sketches()
        out: set[tuple[str, str, float]] = set()
        for key, hashes in self._shingles.items():
            if not hashes:
                continue
            scores = (
                (other, resemblance(hashes, self._shingles[other]))
                for other in lsh.query(sketch(hashes))
                if other != key
            )
            for match in _ranked(scores, minimum):
                a, b = sorted((key, match.key))
                out.add((a, b, match.similarity))
        return sorted(out)

    def _inverted(self) -> dict[int, list[str]]:
        if self._postings is None:
            self._postings = {}
            for key, hashes in self._shingles.items():
                _post(self._postings, key, hashes)
        return self._postings

    def _sketches(self) -> MinHashLSH:
        if self._lsh is None:
            from datasketch import MinHashLSH

            self._lsh = MinHashLSH(threshold=self._threshold, num_perm=NUM_PERM)
            for key, hashes in self._shingles.items():
                if hashes:
                    self._lsh.insert(key, sketch(hashes))
        return self._lsh


def _post(postings: dict[int, list[str]], key: str, hashes: frozenset[int]) -> None:
    for h in hashes:
        postings.setdefault(h, []).append(key)


def _ranked(scores: Iterable[tuple[str, float]], minimum: float) -> list[Match]:
    """Matches scoring at least `minimum`, most alike first (ties by key)."""
    matches = [Match(round(score, 3), key) for key, score in scores if score >= minimum]
    return sorted(matches, key=lambda m: (-m.similarity, m.key))


def index_of(texts: Mapping[str, str]) -> DuplicateIndex:
    """A `DuplicateIndex` of all `texts` (key -> text), added in sorted key order."""
    index = DuplicateIndex()
    for key in sorted(texts):
        index.add(key, texts[key])
    return index
