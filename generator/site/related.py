"""Related briefings by TF-IDF cosine similarity, in about O(n * k * P) sparse work.

Each briefing becomes a TF-IDF vector over the words of its title (counted twice),
summary and body (sublinear term frequency, smoothed idf), cut to its `TOP_TERMS`
heaviest terms and L2-normalised. Candidates come from an inverted index that keeps,
for each term, only the `POSTINGS` briefings where that term weighs most; the scores are
one sparse product per block of rows, so the work grows with n, not n squared. Ties are
broken by date (newest first) then id, and scores are rounded before comparing, so the
result is the same on every build.
"""

from __future__ import annotations

import math
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
    words = f"{b.title} {b.title} {b.summary} {entry.text}".casefold()
    return TOKEN.findall(words)


def _matrix(entries: Sequence[Entry]) -> sparse.csr_matrix:
    counts = [Counter(tokens(e)) for e in entries]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(entries)
    vocab = {term: i for i, term in enumerate(sorted(df))}
    idf = {term: math.log((1 + n) / (1 + freq)) for term, freq in df.items()}
    rows, cols, vals = [], [], []
    for row, c in enumerate(counts):
        weights = [((1 + math.log(tf)) * idf[t], t) for t, tf in c.items() if idf[t] > 0]
        top = sorted(weights, key=lambda w: (-w[0], w[1]))[:TOP_TERMS]
        norm = math.sqrt(sum(w * w for w, _t in top)) or 1.0
        for weight, term in top:
            rows.append(row)
            cols.append(vocab[term])
            vals.append(weight / norm)
    return sparse.csr_matrix((vals, (rows, cols)), shape=(n, max(len(vocab), 1)))


def _pruned(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """The transpose of `matrix` keeping, per term, its `POSTINGS` heaviest documents."""
    csc = matrix.tocsc()
    rows, cols, vals = [], [], []
    for term in range(csc.shape[1]):
        start, end = csc.indptr[term], csc.indptr[term + 1]
        docs, weights = csc.indices[start:end], csc.data[start:end]
        if len(docs) > POSTINGS:
            keep = np.lexsort((docs, -weights))[:POSTINGS]
            docs, weights = docs[keep], weights[keep]
        rows.extend([term] * len(docs))
        cols.extend(docs.tolist())
        vals.extend(weights.tolist())
    return sparse.csr_matrix((vals, (rows, cols)), shape=(csc.shape[1], csc.shape[0]))


def related(entries: Sequence[Entry], limit: int) -> dict[str, list[Entry]]:
    """For each entry's path, up to `limit` most similar other entries (score > MIN_SCORE)."""
    if limit == 0 or len(entries) < 2:
        return {e.path: [] for e in entries}
    matrix = _matrix(entries)
    postings = _pruned(matrix)
    order = np.array([e.sort_key[0] for e in entries])
    result: dict[str, list[Entry]] = {}
    for start in range(0, len(entries), BLOCK):
        scores = (matrix[start : start + BLOCK] @ postings).tocsr()
        for offset in range(scores.shape[0]):
            row = start + offset
            lo, hi = scores.indptr[offset], scores.indptr[offset + 1]
            docs, values = scores.indices[lo:hi], np.round(scores.data[lo:hi], 9)
            mask = (docs != row) & (values > MIN_SCORE)
            docs, values = docs[mask], values[mask]
            best = np.lexsort((docs, order[docs], -values))[:limit]
            result[entries[row].path] = [entries[int(d)] for d in docs[best]]
    return result
