"""Group similar questions: average-linkage agglomerative clustering over cosine similarity.

Written here rather than taken from scikit-learn or SciPy: neither is a dependency, and the
dashboard clusters a few hundred vectors at most, which one numpy matrix and the Lance-Williams
update handle in milliseconds.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

# Mean cosine similarity at which two groups of MiniLM question vectors are one topic. On the
# benchmark's 10 topics x 3 wordings x 4 openings (benchmarks/dashboard.py): 0.6 split them into
# 21 groups, 0.5 into 15 and 0.45 into 14, all pure; 0.4 mixed two topics.
DEFAULT_THRESHOLD = 0.5


def cluster(vectors: ArrayLike, threshold: float = DEFAULT_THRESHOLD) -> list[list[int]]:
    """Row indices grouped so that every merge joined groups whose mean pairwise cosine
    similarity was at least `threshold`; largest group first, each group's indices ascending.

    Rows need not be normalised. Equal-size groups keep the order of their first row, so the
    result is deterministic. No rows give no groups.
    """
    data = np.asarray(vectors, dtype=np.float64)
    n = len(data)
    if n == 0:
        return []
    if data.ndim != 2:
        raise ValueError(f"cluster takes a 2-D array of vectors, not {data.ndim}-D")
    norms = np.linalg.norm(data, axis=1, keepdims=True)
    unit = np.divide(data, norms, out=np.zeros_like(data), where=norms > 0)
    similarity = unit @ unit.T
    np.fill_diagonal(similarity, -np.inf)  # a group never merges with itself
    sizes = np.ones(n)
    members: list[list[int]] = [[i] for i in range(n)]
    alive = np.ones(n, dtype=bool)
    while alive.sum() > 1:
        flat = int(np.argmax(similarity))
        a, b = divmod(flat, n)
        if similarity[a, b] < threshold:
            break
        a, b = min(a, b), max(a, b)
        # Lance-Williams for average linkage: the merged group's mean similarity to each other.
        merged = (sizes[a] * similarity[a] + sizes[b] * similarity[b]) / (sizes[a] + sizes[b])
        similarity[a, :] = merged
        similarity[:, a] = merged
        similarity[a, a] = -np.inf
        similarity[b, :] = -np.inf
        similarity[:, b] = -np.inf
        sizes[a] += sizes[b]
        members[a].extend(members[b])
        members[b] = []
        alive[b] = False
    groups = [sorted(members[i]) for i in np.flatnonzero(alive)]
    return sorted(groups, key=lambda g: (-len(g), g[0]))
