"""The shared ranking arithmetic: z-scores, top-k and percentiles, edge cases included."""

import itertools

import numpy as np
import pytest

from bot.ranking import (
    cosine_moments,
    latency_percentiles,
    percentile,
    segment_max,
    sparse_moments,
    top_k,
    vector_moments,
    zscores,
    zscores_from_moments,
)


def test_zscores_have_mean_zero_and_unit_spread() -> None:
    z = zscores([1.0, 2.0, 3.0, 4.0])
    assert z.dtype == np.float64
    assert z.mean() == pytest.approx(0.0) and z.std() == pytest.approx(1.0)
    assert np.all(np.diff(z) > 0)  # order kept


@pytest.mark.parametrize("scores", [[0.1] * 7, [0.3, 0.3, 0.3], [5.0], np.full(1000, 1 / 3)])
def test_equal_scores_give_zeros_not_nan(scores) -> None:
    with np.errstate(all="raise"):  # no division warnings either
        z = zscores(scores)
    assert np.array_equal(z, np.zeros(len(scores)))


def test_zscores_of_nothing_is_empty() -> None:
    assert zscores([]).shape == (0,)
    assert zscores(np.zeros((0, 4)), axis=1).shape == (0, 4)


def test_zscores_per_row() -> None:
    z = zscores(np.array([[1.0, 2.0, 3.0], [7.0, 7.0, 7.0]]), axis=1)
    assert np.allclose(z[0], [-1.224744871, 0.0, 1.224744871])
    assert np.array_equal(z[1], [0.0, 0.0, 0.0])


def test_top_k_is_best_first() -> None:
    assert top_k([0.1, 0.9, 0.5, 0.7], 2).tolist() == [1, 3]
    assert top_k(np.array([3, 1, 2]), 3).tolist() == [0, 2, 1]


def test_top_k_with_k_above_n_or_nothing_to_rank() -> None:
    assert top_k([0.2, 0.8], 10).tolist() == [1, 0]
    assert top_k([], 3).tolist() == []
    assert top_k([1.0, 2.0], 0).tolist() == []


def test_ties_keep_index_order_even_at_the_cut() -> None:
    # argpartition alone picks arbitrary members of a tie straddling the k-th place.
    scores = np.zeros(1000)
    scores[[500, 7]] = 1.0
    assert top_k(scores, 5).tolist() == [7, 500, 0, 1, 2]
    assert top_k([2.0, 1.0, 2.0, 1.0, 1.0], 4).tolist() == [0, 2, 1, 3]
    rng = np.random.default_rng(3)
    values = rng.integers(0, 5, 300).astype(float)
    full = np.argsort(-values, kind="stable")
    for k in (1, 17, 60, 299, 300):
        assert top_k(values, k).tolist() == full[:k].tolist()


def test_top_k_rejects_a_matrix() -> None:
    with pytest.raises(ValueError, match="1-D"):
        top_k(np.zeros((2, 2)), 1)


def test_percentile_is_nearest_rank() -> None:
    latencies = list(range(1, 21))  # 1..20 ms
    assert percentile(latencies, 95) == 19.0  # the 19th of 20, a value that was measured
    assert percentile(latencies, 50) == 10.0
    assert percentile(latencies, 100) == 20.0 and percentile(latencies, 0) == 1.0
    assert percentile([4.0], 95) == 4.0
    assert percentile([3.0, 1.0, 2.0], 50) == 2.0  # order of the input does not matter
    for n in range(1, 60):  # the classic definition: the ceil(n * p)-th smallest
        values = sorted(np.random.default_rng(n).random(n))
        for pct in (50, 90, 95, 99):
            rank = max(1, int(np.ceil(n * pct / 100)))
            assert percentile(values, pct) == values[rank - 1]


def test_percentile_of_nothing_is_none() -> None:
    assert percentile([], 95) is None
    assert latency_percentiles([]) == {"p50": None, "p95": None}


def test_latency_percentiles_round_to_hundredths() -> None:
    assert latency_percentiles([1.234567, 2.0, 9.87654]) == {"p50": 2.0, "p95": 9.88}


def _unit_rows(rng: np.random.Generator, rows: int, dim: int) -> np.ndarray:
    v = rng.standard_normal((rows, dim)).astype(np.float32) + 0.3  # a shared direction, as real
    return v / np.linalg.norm(v, axis=1, keepdims=True)


@pytest.mark.parametrize("rows", [1, 2, 50, 3000])
def test_cosine_zscores_from_moments_equal_brute_force(rows: int) -> None:
    rng = np.random.default_rng(rows)
    vectors = _unit_rows(rng, rows, 24)
    mean_vector, second_moment = vector_moments(vectors, block=7)  # blocks that do not divide
    for query in _unit_rows(rng, 5, 24):
        cosine = vectors @ query
        some = rng.choice(rows, min(rows, 10), replace=False)
        moments = cosine_moments(query, mean_vector, second_moment)
        assert moments[0] == pytest.approx(cosine.astype(np.float64).mean(), abs=1e-6)
        expected = zscores(cosine)[some]
        assert np.allclose(zscores_from_moments(cosine[some], *moments), expected, atol=1e-6)


def test_sparse_zscores_from_the_nonzero_scores_equal_brute_force() -> None:
    rng = np.random.default_rng(1)
    scores = np.zeros(10_000, dtype=np.float32)
    matched = rng.choice(10_000, 300, replace=False)
    scores[matched] = rng.gamma(2.0, 3.0, 300)
    moments = sparse_moments(scores[matched], len(scores))
    rows = np.concatenate([matched[:20], np.flatnonzero(scores == 0)[:20]])
    assert np.allclose(zscores_from_moments(scores[rows], *moments), zscores(scores)[rows])


@pytest.mark.parametrize("value", [0.0, 0.37, 5.0])
def test_moments_of_equal_scores_give_zeros(value: float) -> None:
    vectors = np.tile(_unit_rows(np.random.default_rng(0), 1, 8), (40, 1))
    query = vectors[0] * 0 + vectors[0]
    moments = cosine_moments(query, *vector_moments(vectors))
    assert np.array_equal(zscores_from_moments(vectors[:3] @ query, *moments), np.zeros(3))
    same = np.full(7, value)
    assert np.array_equal(zscores_from_moments(same, *sparse_moments(same, 7)), np.zeros(7))
    assert sparse_moments([], 0) == (0.0, 0.0)


def test_segment_max_is_the_best_of_each_run() -> None:
    rng = np.random.default_rng(5)
    lengths = rng.integers(1, 6, 50)
    values = rng.standard_normal(int(lengths.sum()))
    bounds = np.concatenate([[0], np.cumsum(lengths)])
    expected = [values[a:b].max() for a, b in itertools.pairwise(bounds)]
    assert segment_max(values, lengths).tolist() == expected


def test_segment_max_of_empty_runs_is_minus_infinity() -> None:
    assert segment_max([1.0, 5.0, 2.0], [2, 0, 1]).tolist() == [5.0, -np.inf, 2.0]
    assert segment_max([], [0, 0]).tolist() == [-np.inf, -np.inf]
    assert segment_max([], []).shape == (0,)


def test_segment_max_of_rows_is_each_rows_best_of_each_run() -> None:
    # Query tokens x a passage's tokens: each token's best match in each sentence.
    values = np.array([[1.0, 5.0, 2.0, 0.5], [4.0, 3.0, -1.0, 7.0]])
    got = segment_max(values, [2, 0, 2])
    assert got.tolist() == [[5.0, -np.inf, 2.0], [4.0, -np.inf, 7.0]]
    assert segment_max(np.zeros((3, 0)), [0, 0]).shape == (3, 2)


@pytest.mark.parametrize(("values", "lengths"), [([1.0, 2.0], [1]), ([1.0], [2, -1])])
def test_segment_max_rejects_runs_that_do_not_cover_the_values(values, lengths) -> None:
    with pytest.raises(ValueError):
        segment_max(values, lengths)


def test_a_short_question_reranks_at_its_own_weight_only_when_switched_on(monkeypatch) -> None:
    import bot.retrieval

    monkeypatch.setattr(bot.retrieval, "ANSWER_LATE_WEIGHT", 6.0)
    monkeypatch.setattr(bot.retrieval, "SHORT_ANSWER_LATE_WEIGHT", 0.5)
    monkeypatch.setattr(bot.retrieval, "SHORT_QUESTION_TERMS", 0)
    assert bot.retrieval.answer_late_weight("partners?") == 6.0
    monkeypatch.setattr(bot.retrieval, "SHORT_QUESTION_TERMS", 3)
    assert bot.retrieval.answer_late_weight("partners?") == 0.5
    assert bot.retrieval.answer_late_weight("bezos pricing strategy?") == 0.5
    long_question = "Which companies might Amazon team up with for its electric cars?"
    assert bot.retrieval.answer_late_weight(long_question) == 6.0


def _diverse(scores: list[float], vectors: list[list[float]], k: int, mu: float) -> list[int]:
    """`Retriever._diverse` over a ranking of these scores and passage vectors (rows 0, 1, …)."""
    from types import SimpleNamespace

    import bot.retrieval as retrieval

    unit = np.asarray(vectors, np.float32)
    unit /= np.linalg.norm(unit, axis=1, keepdims=True)
    owner = SimpleNamespace(index=SimpleNamespace(passage_vectors=unit), duplicate_similarity=0.95)
    ranking = retrieval.Ranking(
        np.arange(len(scores)), np.asarray(scores, np.float64), np.zeros(len(scores), np.float32)
    )
    before = retrieval.CITATION_DIVERSITY
    retrieval.CITATION_DIVERSITY = mu
    try:
        return retrieval.Retriever._diverse(owner, ranking, k)  # type: ignore[arg-type]
    finally:
        retrieval.CITATION_DIVERSITY = before


def test_citations_for_diversity_pass_over_a_passage_saying_what_the_first_says() -> None:
    # Passage 1 scores a little over 2 but points the way the first does; 2 says something else.
    scores = [3.0, 2.0, 1.9, 0.0]
    vectors = [[1.0, 0.0, 0.0], [0.9, 0.3, 0.0], [0.1, 0.0, 1.0], [0.0, 1.0, 0.0]]
    assert _diverse(scores, vectors, 3, mu=0.0) == [0, 1, 2]  # no weight: the ranking's order
    assert _diverse(scores, vectors, 2, mu=2.5) == [0, 2]
    # A near-duplicate of a cited passage is never cited, whatever its score.
    twin = [[1.0, 0.0, 0.0], [1.0, 0.01, 0.0], [0.0, 1.0, 0.0]]
    assert _diverse([3.0, 2.9, 0.0], twin, 2, mu=0.0) == [0, 2]
    assert _diverse([1.0], [[1.0, 0.0]], 3, mu=2.5) == [0]


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        (
            "ok so i keep hearing about this whole bezos vs musk thing, what does the article "
            "think will actually decide who comes out on top in the end",
            "what does the article think will actually decide who comes out on top in the end",
        ),
        (
            "now that the fight has moved from rockets to cars, are the consequences bigger?",
            "are the consequences bigger?",
        ),
        # A topic of four words, a question pointing back at what the lead-in names, a lead-in
        # that is itself a question, a short afterthought, no comma: no lead-in.
        ("amazon's delivery machine is huge, does that matter for selling cars", None),
        ("amazon's net zero deadline, what year was set", None),
        ("why would jeff even want to get into cars, whats the reasoning", None),
        ("so if bezos actually pulls this off in the end, any thoughts?", None),
        ("what does the article think will decide who wins", None),
    ],
)
def test_the_question_after_a_lead_in(question: str, asked: str | None) -> None:
    from bot.retrieval import after_lead_in

    assert after_lead_in(question) == asked
