"""Related briefings by TF-IDF cosine similarity, in about O(n * k * P) sparse work.

Each briefing becomes a TF-IDF vector over the words of its title (counted twice),
summary and body (sublinear term frequency, smoothed idf), cut to its `TOP_TERMS`
heaviest terms that some other briefing shares (a word found once links nothing) and
L2-normalised. Candidates come from an inverted index that keeps,
for each term, only the `POSTINGS` briefings where that term weighs most; the scores are
one sparse product per block of rows, so the work grows with n, not n squared. All of it
is vectorised (numpy, scipy.sparse): only tokenising is a Python loop.

Ties are broken by date (newest first) then archive order (id), and scores are rounded
before comparing, so the result is the same on every build.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from .archive import Entry

TOKEN = re.compile(r"[^\W\d_]{3,}")
TOP_TERMS = 24
POSTINGS = 64
MIN_SCORE = 0.02
BLOCK = 1024


def tokens(entry: Entry) -> list[str]:
    b = entry.briefing
    return TOKEN.findall(f"{b.title} {b.title} {b.summary} {entry.text}".casefold())


def _top_per_group(groups: np.ndarray, weights: np.ndarray, keep: int) -> np.ndarray:
    """Positions of the `keep` largest non-negative weights of each group; equal weights
    keep their input order. One stable sort of a composite key, not a lexsort."""
    span = float(weights.max()) * 2 + 1 if len(weights) else 1.0
    order = np.argsort(groups * span - weights, kind="stable")
    sorted_groups = groups[order]
    starts = np.r_[0, np.flatnonzero(np.diff(sorted_groups)) + 1]
    rank = np.arange(len(order)) - np.repeat(starts, np.diff(np.r_[starts, len(order)]))
    return order[rank < keep]


def _matrix(entries: Sequence[Entry]) -> sparse.csr_matrix:
    """Rows: briefings; columns: terms; each row its TOP_TERMS heaviest, L2-normalised."""
    n = len(entries)
    vocabulary: dict[str, int] = {}
    fresh = itertools.count()
    ids: list[np.ndarray] = []
    tfs: list[np.ndarray] = []
    for entry in entries:
        counted = Counter(tokens(entry))
        ids.append(np.fromiter(map(vocabulary.setdefault, counted, fresh), np.int64, len(counted)))
        tfs.append(np.fromiter(counted.values(), np.int64, len(counted)))
    lengths = np.fromiter((len(a) for a in ids), np.int64, n)
    rows = np.repeat(np.arange(n, dtype=np.int64), lengths)
    terms, cols = np.unique(
        np.concatenate(ids) if ids else np.empty(0, np.int64), return_inverse=True
    )
    counts = np.concatenate(tfs) if tfs else np.empty(0, np.int64)
    del ids, tfs
    width = max(len(terms), 1)
    df = np.bincount(cols, minlength=width)
    idf = np.log((1 + n) / (1 + df))
    weights = (1 + np.log(counts)) * idf[cols]
    useful = (weights > 0) & (df[cols] > 1)
    rows, cols, weights = rows[useful], cols[useful], weights[useful]
    kept = np.sort(_top_per_group(rows, weights, TOP_TERMS))
    rows, cols, weights = rows[kept], cols[kept], weights[kept]
    norms = np.sqrt(np.bincount(rows, weights=weights * weights, minlength=n))
    weights = weights / np.where(norms > 0, norms, 1.0)[rows]
    return sparse.csr_matrix((weights, (rows, cols)), shape=(n, width))


def _postings(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """Terms x briefings, keeping for each term its `POSTINGS` heaviest briefings."""
    coo = matrix.tocoo()
    kept = _top_per_group(coo.col.astype(np.int64), coo.data, POSTINGS)
    return sparse.csr_matrix(
        (coo.data[kept], (coo.col[kept], coo.row[kept])), shape=(matrix.shape[1], matrix.shape[0])
    )


def related(entries: Sequence[Entry], limit: int) -> dict[str, list[Entry]]:
    """For each entry's path, up to `limit` most similar other entries (score > MIN_SCORE)."""
    result: dict[str, list[Entry]] = {e.path: [] for e in entries}
    if limit == 0 or len(entries) < 2:
        return result
    matrix = _matrix(entries)
    postings = _postings(matrix)
    for start in range(0, len(entries), BLOCK):
        product = (matrix[start : start + BLOCK] @ postings).tocsr()
        product.sort_indices()
        scores = product.tocoo()
        rows, docs = scores.row.astype(np.int64) + start, scores.col.astype(np.int64)
        values = np.round(scores.data, 9)
        useful = (docs != rows) & (values > MIN_SCORE)
        rows, docs, values = rows[useful], docs[useful], values[useful]
        if not len(rows):
            continue
        best = _top_per_group(rows, values, limit)
        for row, doc in zip(rows[best].tolist(), docs[best].tolist(), strict=True):
            result[entries[row].path].append(entries[doc])
    return result
