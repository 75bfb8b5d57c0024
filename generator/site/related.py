"""Related briefings by TF-IDF cosine similarity, in about O(n * k * P) sparse work.

Each briefing becomes a TF-IDF vector over the words of its title (counted twice),
summary and body (sublinear term frequency, smoothed idf), cut to its `TOP_TERMS`
heaviest terms that some other briefing shares (a word found once links nothing) and
L2-normalised. Candidates come from an inverted index that keeps,
for each term, only the `POSTINGS` briefings where that term weighs most; the scores are
one sparse product per block of rows, so the work grows with n, not n squared. All of it
is vectorised (numpy, scipy.sparse): only tokenising is a Python loop, and a `TermIndex`
kept between builds tokenises a briefing once, not on every rebuild of `mkdocs serve`.

Everything after tokenising is recomputed on every call, from the term counts of the
whole archive: idf depends on every briefing (one more briefing changes every weight a
little), so any related list may change when any briefing does, and only a full
recomputation is sure to equal a fresh build's. Columns are ordered by term, not by when
the index first saw a term, so sums run in the same order whatever its history.

Ties are broken by date (newest first) then archive order (id), and scores are rounded
before comparing, so the result is the same on every build.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Sequence

import numpy as np
from scipy import sparse

from .archive import Entry

TOKEN = re.compile(r"[^\W\d_]{3,}")
ASCII_TOKEN = re.compile(r"[a-z]{3,}")
TOP_TERMS = 24
POSTINGS = 64
MIN_SCORE = 0.02
BLOCK = 1024
DENSE_CELLS = 1 << 21


def tokens(entry: Entry) -> list[str]:
    """Casefolded words of three letters or more of the title (twice), summary and body
    (`ASCII_TOKEN` is `TOKEN` for ASCII text, and faster)."""
    b = entry.briefing
    text = f"{b.title} {b.title} {b.summary} {entry.text}".casefold()
    return (ASCII_TOKEN if text.isascii() else TOKEN).findall(text)


class TermIndex:
    """Term ids and each briefing's term counts, reused while a briefing is unchanged."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self._terms: list[str] = []
        self._rank = np.empty(0, np.int64)
        self._counted: dict[str, tuple[Entry, np.ndarray, np.ndarray]] = {}
        self._last: tuple[int, list[tuple[str, np.ndarray]], dict[str, list[str]]] | None = None

    def _id(self, term: str) -> int:
        found = self._ids.get(term)
        if found is None:
            found = self._ids[term] = len(self._terms)
            self._terms.append(term)
        return found

    def counts(self, entry: Entry) -> tuple[np.ndarray, np.ndarray]:
        """(term ids, counts) of `entry`, terms in order of first occurrence."""
        cached = self._counted.get(entry.path)
        if cached is not None and (cached[0] is entry or cached[0] == entry):
            return cached[1], cached[2]
        counted = Counter(tokens(entry))
        ids = np.fromiter(map(self._id, counted), np.int32, len(counted))
        tfs = np.fromiter(counted.values(), np.int32, len(counted))
        if cached is not None and np.array_equal(ids, cached[1]) and np.array_equal(tfs, cached[2]):
            ids, tfs = cached[1], cached[2]
        self._counted[entry.path] = (entry, ids, tfs)
        return ids, tfs

    def unchanged(self, entries: Sequence[Entry], limit: int) -> dict[str, list[str]] | None:
        """The related paths of the last call if its entries, in the same order, had the
        same term counts (the same arrays: `counts` keeps them while they are equal)."""
        last = self._last
        if last is None or last[0] != limit or len(last[1]) != len(entries):
            return None
        for entry, (path, ids) in zip(entries, last[1], strict=True):
            if entry.path != path or self.counts(entry)[0] is not ids:
                return None
        return last[2]

    def remember(self, entries: Sequence[Entry], limit: int, paths: dict[str, list[str]]) -> None:
        self._last = (limit, [(e.path, self.counts(e)[0]) for e in entries], paths)

    def rank(self) -> np.ndarray:
        """Each term id's position among all known terms in string order."""
        if len(self._rank) != len(self._terms):
            order = sorted(range(len(self._terms)), key=self._terms.__getitem__)
            self._rank = np.empty(len(order), np.int64)
            self._rank[order] = np.arange(len(order))
        return self._rank

    def retain(self, paths: Container[str]) -> None:
        """Forget the counts of briefings no longer in the archive."""
        for path in [p for p in self._counted if p not in paths]:
            del self._counted[path]


def _ranges(starts: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(index of each element, offset in its run) over the runs at `starts` of `lengths`."""
    total = int(lengths.sum())
    run = np.repeat(np.arange(len(lengths)), lengths)
    offsets = np.arange(total) - (np.cumsum(lengths) - lengths)[run]
    return starts[run] + offsets, offsets


def top_per_run(
    lengths: np.ndarray, values: np.ndarray, keep: int, tiebreak: np.ndarray | None = None
) -> np.ndarray:
    """Positions of the `keep` largest `values` of each run (consecutive runs of the given
    `lengths`), run by run, largest first; equal values by ascending `tiebreak` (default:
    position). Exact: the keep-th largest value of each run longer than `keep` is found by
    partitioning blocks of runs of similar length padded to a rectangle, and only values
    at least that large are sorted."""
    tiebreak = np.arange(len(values)) if tiebreak is None else tiebreak
    if not len(values):
        return np.empty(0, np.int64)
    run_of = np.repeat(np.arange(len(lengths)), lengths)
    starts = np.cumsum(lengths) - lengths
    width = int(lengths.max())
    if width <= keep:
        threshold = np.full(len(lengths), -np.inf)
    elif width * len(lengths) <= DENSE_CELLS:
        dense = np.full((len(lengths), width), -np.inf)
        dense[run_of, np.arange(len(values)) - starts[run_of]] = values
        threshold = np.partition(dense, width - keep, axis=1)[:, width - keep]
    else:
        threshold = _thresholds(lengths, starts, values, keep)
    candidates = np.flatnonzero(values >= threshold[run_of])
    order = candidates[np.lexsort((tiebreak[candidates], -values[candidates], run_of[candidates]))]
    return order[_ranks(run_of[order]) < keep]


def _ranks(runs: np.ndarray) -> np.ndarray:
    """Each element's place (0, 1, ...) among the elements of its run (runs contiguous)."""
    boundaries = np.r_[0, np.flatnonzero(np.diff(runs)) + 1]
    return np.arange(len(runs)) - np.repeat(boundaries, np.diff(np.r_[boundaries, len(runs)]))


def _thresholds(
    lengths: np.ndarray, starts: np.ndarray, values: np.ndarray, keep: int
) -> np.ndarray:
    """The keep-th largest value of each run (-inf for runs of `keep` or fewer), by runs
    of similar length at a time, each block padded to a rectangle of `DENSE_CELLS`."""
    threshold = np.full(len(lengths), -np.inf)
    long = np.flatnonzero(lengths > keep)
    long = long[np.argsort(lengths[long], kind="stable")]
    first = 0
    while first < len(long):
        last = min(len(long), first + max(1, DENSE_CELLS // int(lengths[long[first]])))
        while last - first > 1 and (last - first) * int(lengths[long[last - 1]]) > DENSE_CELLS:
            last = first + max(1, (last - first) // 2)
        runs = long[first:last]
        width = int(lengths[runs[-1]])
        where, offsets = _ranges(starts[runs], lengths[runs])
        dense = np.full((len(runs), width), -np.inf)
        dense[np.repeat(np.arange(len(runs)), lengths[runs]), offsets] = values[where]
        threshold[runs] = np.partition(dense, width - keep, axis=1)[:, width - keep]
        first = last
    return threshold


def _matrix(entries: Sequence[Entry], index: TermIndex) -> sparse.csr_matrix:
    """Rows: briefings; columns: terms; each row its TOP_TERMS heaviest, L2-normalised."""
    n = len(entries)
    counted = [index.counts(entry) for entry in entries]
    rank = index.rank()
    width = max(len(rank), 1)
    lengths = np.fromiter((len(ids) for ids, _ in counted), np.int64, n)
    cols = rank[np.concatenate([ids for ids, _ in counted])]
    counts = np.concatenate([tfs for _, tfs in counted])
    rows = np.repeat(np.arange(n, dtype=np.int64), lengths)
    df = np.bincount(cols, minlength=width)
    idf = np.log((1 + n) / (1 + df))
    weights = (1 + np.log(counts)) * idf[cols]
    useful = (weights > 0) & (df[cols] > 1)
    rows, cols, weights = rows[useful], cols[useful], weights[useful]
    kept = np.sort(top_per_run(np.bincount(rows, minlength=n), weights, TOP_TERMS))
    rows, cols, weights = rows[kept], cols[kept], weights[kept]
    norms = np.sqrt(np.bincount(rows, weights=weights * weights, minlength=n))
    weights = weights / np.where(norms > 0, norms, 1.0)[rows]
    return sparse.csr_matrix((weights, (rows, cols)), shape=(n, width))


def _postings(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """Terms x briefings, keeping for each term its `POSTINGS` heaviest briefings."""
    by_term = matrix.tocsc()
    docs = by_term.indices.astype(np.int64)
    kept = top_per_run(np.diff(by_term.indptr), by_term.data, POSTINGS, docs)
    terms = np.repeat(np.arange(matrix.shape[1]), np.diff(by_term.indptr))
    return sparse.csr_matrix(
        (by_term.data[kept], (terms[kept], docs[kept])), shape=(matrix.shape[1], matrix.shape[0])
    )


def related(
    entries: Sequence[Entry], limit: int, index: TermIndex | None = None
) -> dict[str, list[Entry]]:
    """For each entry's path, up to `limit` most similar other entries (score > MIN_SCORE).
    `index` may be kept between calls; the result does not depend on what it held (when
    no entry's terms and no entry's place changed since the last call, it is that call's
    result, found again without scoring)."""
    index = index or TermIndex()
    by_path = {e.path: e for e in entries}
    paths = index.unchanged(entries, limit)
    if paths is None:
        paths = _related_paths(entries, limit, index)
        index.remember(entries, limit, paths)
    return {path: [by_path[other] for other in found] for path, found in paths.items()}


def _related_paths(entries: Sequence[Entry], limit: int, index: TermIndex) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {e.path: [] for e in entries}
    if limit == 0 or len(entries) < 2:
        return result
    matrix = _matrix(entries, index)
    postings = _postings(matrix)
    for start in range(0, len(entries), BLOCK):
        product = (matrix[start : start + BLOCK] @ postings).tocsr()
        values = np.round(product.data, 9)
        best = top_per_run(np.diff(product.indptr), values, limit + 1, product.indices)
        rows = np.searchsorted(product.indptr, best, side="right") - 1 + start
        docs = product.indices[best]
        useful = (docs != rows) & (values[best] > MIN_SCORE)
        rows, docs = rows[useful], docs[useful]
        kept = _ranks(rows) < limit
        for row, doc in zip(rows[kept].tolist(), docs[kept].tolist(), strict=True):
            result[entries[row].path].append(entries[doc].path)
    return result
