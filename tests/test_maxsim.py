"""Late interaction: MaxSim's arithmetic, and its use in the answer's ranking and quote."""

from __future__ import annotations

import numpy as np
import pytest

import bot.retrieval
from bot.chunking import Passage
from bot.ranking import maxsim, window_maxsim
from bot.retrieval import (
    ANSWER_LATE_DEPTH,
    ANSWER_LATE_WEIGHT,
    LATE_DEPTH,
    Hit,
    Ranking,
    Retriever,
    TokenEvidence,
    _passage_lifted,
    sentence_maxsim,
)
from bot.service import AnswerService


def _unit(rows: np.ndarray) -> np.ndarray:
    rows = np.asarray(rows, dtype=np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_maxsim_is_the_weighted_mean_of_each_query_tokens_best_match() -> None:
    rng = np.random.default_rng(7)
    query = _unit(rng.normal(size=(3, 8)))
    docs = _unit(rng.normal(size=(9, 8)))
    lengths = [4, 0, 5]
    weights = np.array([1.0, 2.0, 0.5])
    got = maxsim(query, weights, docs, lengths)
    expected = []
    for start, length in ((0, 4), (4, 0), (4, 5)):
        if not length:
            expected.append(-np.inf)
            continue
        best = (query @ docs[start : start + length].T).max(axis=1)
        expected.append(float(weights @ best / weights.sum()))
    np.testing.assert_allclose(got, expected, rtol=1e-6)


def test_a_document_covering_every_query_token_beats_one_matching_one_token_best() -> None:
    # Two query words; one document has both (each a little off), the other has one exactly.
    query = _unit(np.eye(4)[:2])
    covers_both = _unit(np.array([[0.6, 0.4, 0, 0], [0.4, 0.6, 0, 0]]))
    one_exact = _unit(np.array([[1, 0, 0, 0], [0, 0, 1, 0]]))
    scores = maxsim(query, np.ones(2), np.vstack([covers_both, one_exact]), [2, 2])
    assert scores[0] > scores[1]
    # Weighting the word the second document has exactly far above the other flips it.
    weighted = maxsim(query, np.array([10.0, 0.1]), np.vstack([covers_both, one_exact]), [2, 2])
    assert weighted[1] > weighted[0]


def test_maxsim_with_nothing_to_match_is_minus_infinity() -> None:
    docs = _unit(np.ones((2, 3)))
    assert np.all(maxsim(np.zeros((0, 3)), np.zeros(0), docs, [1, 1]) == -np.inf)
    assert np.all(maxsim(_unit(np.ones((1, 3))), np.ones(1), np.zeros((0, 3)), [0, 0]) == -np.inf)


@pytest.mark.parametrize(
    ("weights", "lengths"),
    [(np.ones(2), [2, 2]), (np.ones(1), [1, 2]), (np.ones(2), [-1, 4])],
)
def test_maxsim_rejects_mismatched_shapes(weights, lengths) -> None:
    with pytest.raises(ValueError):
        maxsim(_unit(np.ones((2, 3))), weights, _unit(np.ones((3, 3))), lengths)


def _windows_one_by_one(best: np.ndarray, weights: np.ndarray, width: int) -> list[float]:
    """Each sentence's best window, every window written out (what `window_maxsim` vectorises)."""
    sentences = best.shape[1]
    span = min(width, sentences)
    out = []
    for s in range(sentences):
        scores = []
        for start in range(max(0, s - span + 1), min(s, sentences - span) + 1):
            token_best = best[:, start : start + span].max(axis=1)
            scores.append(-np.inf if np.isinf(token_best).any() else weights @ token_best)
        out.append(max(scores) / weights.sum())
    return out


@pytest.mark.parametrize("width", [1, 2, 3, 7])
def test_window_maxsim_is_each_sentences_best_window(width: int) -> None:
    rng = np.random.default_rng(width)
    best = rng.uniform(-0.2, 1.0, size=(4, 6))
    weights = rng.uniform(0.5, 3.0, size=4)
    np.testing.assert_allclose(
        window_maxsim(best, weights, width), _windows_one_by_one(best, weights, width), rtol=1e-9
    )
    # One sentence wide, it is each sentence's own MaxSim.
    if width == 1:
        np.testing.assert_allclose(window_maxsim(best, weights, 1), weights @ best / weights.sum())


def test_a_window_rewards_words_matched_in_neighbouring_sentences() -> None:
    # Two question words: sentence 0 matches the first, sentence 1 the second, sentence 3 both
    # half as well. Alone each of the first two scores 0.5; as a window they score 0.9.
    best = np.array([[0.9, 0.0, 0.1, 0.6], [0.0, 0.9, 0.1, 0.6]])
    got = window_maxsim(best, np.ones(2), 2)
    np.testing.assert_allclose(got, [0.9, 0.9, 0.6, 0.6])
    assert window_maxsim(best, np.ones(2), 1)[0] < got[3] < got[0]


def test_window_maxsim_edges() -> None:
    # A sentence with no tokens matches nothing; its neighbour's window still scores.
    best = np.array([[0.5, -np.inf, 0.3]])
    np.testing.assert_allclose(window_maxsim(best, np.ones(1), 1), [0.5, -np.inf, 0.3])
    np.testing.assert_allclose(window_maxsim(best, np.ones(1), 2), [0.5, 0.5, 0.3])
    assert window_maxsim(np.zeros((2, 0)), np.ones(2), 2).shape == (0,)
    assert np.all(window_maxsim(np.ones((2, 3)), np.zeros(2), 2) == -np.inf)
    with pytest.raises(ValueError):
        window_maxsim(np.ones((2, 3)), np.ones(3), 2)
    with pytest.raises(ValueError):
        window_maxsim(np.ones((2, 3)), np.ones(2), 0)


def test_sentence_maxsim_is_each_sentences_weighted_mean_of_best_matches() -> None:
    best = np.array([[0.5, 0.1, -np.inf], [0.3, 0.9, -np.inf]])
    # Weighted means per column; a sentence with no tokens (-inf) scores 0, not -inf.
    np.testing.assert_allclose(sentence_maxsim(best, np.array([1.0, 3.0])), [0.35, 0.7, 0.0])
    assert sentence_maxsim(best, np.zeros(2)).tolist() == [0.0, 0.0, 0.0]
    assert sentence_maxsim(np.zeros((2, 0)), np.ones(2)).shape == (0,)


def test_token_evidence_gives_back_its_sentence_matches_as_tokens_by_sentences() -> None:
    evidence = TokenEvidence(
        ("a", "b"), (1.0, 2.0), (0.9, 0.8), sentences=((0.9, 0.1), (0.2, 0.8), (-np.inf, 0.3))
    )
    within = evidence.within_sentences()
    assert within.shape == (2, 3) and within.flags.c_contiguous
    assert within.tolist() == [[0.9, 0.2, -np.inf], [0.1, 0.8, 0.3]]
    assert TokenEvidence(("a",), (1.0,), (0.5,)).within_sentences().shape == (1, 0)


def test_token_evidence_keeps_each_sentences_maxsim_made_once() -> None:
    evidence = TokenEvidence(
        ("a", "b"), (1.0, 3.0), (0.5, 0.9), sentences=((0.5, 0.3), (0.1, 0.9), (-np.inf, -np.inf))
    )
    # As `sentence_maxsim` of its matches: weighted means, 0 for a sentence with no tokens.
    np.testing.assert_allclose(evidence.sentence_maxsim, (0.35, 0.7, 0.0))
    assert evidence.sentence_maxsim is evidence.sentence_maxsim
    assert TokenEvidence(("a",), (1.0,), (0.5,)).sentence_maxsim == ()


def test_token_evidence_maxsim_is_its_tokens_weighted_best_matches() -> None:
    assert TokenEvidence(("a", "b"), (1.0, 3.0), (0.2, 0.6)).maxsim() == pytest.approx(0.5)
    assert TokenEvidence(("a",), (0.0,), (0.9,)).maxsim() == 0.0
    assert TokenEvidence((), (), ()).maxsim() == 0.0


def _hit(name: str, scores: tuple[float, ...], best: tuple[float, ...] | None, lift=()) -> Hit:
    sentences = tuple((0, 1) for _ in scores)
    passage = Passage(name, "doc", None, 0, 1, "x", sentences)
    evidence = None if best is None else TokenEvidence(("a", "b"), (1.0, 1.0), best)
    return Hit(passage, 1.0, 0.5, 0.0, scores, evidence=evidence, sentence_lift=lift)


def test_the_passage_lift_lowers_each_hit_by_its_maxsim_under_the_best_cited(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(bot.retrieval, "LATE_PASSAGE_LIFT", 0.5)
    hits = [_hit("a", (1.0, 0.5), (0.6, 0.6)), _hit("b", (0.9,), (0.8, 0.6), lift=(0.1,))]
    a, b = _passage_lifted(hits)
    # a's MaxSim 0.6 is 0.1 under b's 0.7: every sentence of a loses 0.05, counted as lift.
    np.testing.assert_allclose(a.sentence_scores, (0.95, 0.45))
    np.testing.assert_allclose(a.sentence_lift, (-0.05, -0.05))
    assert a.passage_lift == pytest.approx(-0.05)
    assert b.sentence_scores == (0.9,) and b.sentence_lift == (0.1,) and b.passage_lift == 0.0
    # One hit, a hit without token evidence, or the lift off: nothing changes.
    assert _passage_lifted(hits[:1]) == hits[:1]
    plain = [hits[0], _hit("c", (0.9,), None)]
    assert _passage_lifted(plain) == plain
    monkeypatch.setattr(bot.retrieval, "LATE_PASSAGE_LIFT", 0.0)
    assert _passage_lifted(hits) == hits


def test_a_hits_sentence_scores_come_from_its_evidence_as_from_its_own_matches(
    service: AnswerService,
) -> None:
    # One token product per hit serves the evidence, the sentence MaxSim and the window: the
    # same values as each made on its own.
    retriever = service.retriever
    rows = {p.id: i for i, p in enumerate(retriever.index.passages)}
    for question in ["What traits describe Bezos?", "In which US states will the factories be?"]:
        vector = service.embedder.encode_query(question)
        for hit in retriever.hits(question, vector, retriever.rank(question, vector), 3):
            best, weights = retriever.late.sentence_matches(question, rows[hit.passage.id])
            assert hit.evidence is not None
            assert np.array_equal(hit.evidence.within_sentences(), best)
            assert np.array_equal(hit.evidence.weights, weights)
            own = retriever.late.sentence_scores(question, rows[hit.passage.id])
            assert np.array_equal(sentence_maxsim(best, weights), own)
            # What the quote choice reads is the value retrieval added to the sentence scores.
            assert hit.evidence.sentence_maxsim == tuple(own.tolist())


def test_the_answer_ranking_reorders_only_the_top_passages(service: AnswerService) -> None:
    retriever = service.retriever
    assert retriever.late is not None  # on in the bot (EVBOT_LATE_INTERACTION)
    question = "Which states will Amazon's cars be built in?"
    vector = service.embedder.encode_query(question)
    plain = retriever.rank(question, vector)
    late = retriever.reranked(question, plain)
    depth = min(LATE_DEPTH, len(plain.ids))
    assert sorted(late.ids[:depth].tolist()) == sorted(plain.ids[:depth].tolist())
    assert late.ids[depth:].tolist() == plain.ids[depth:].tolist()
    assert np.all(np.diff(late.scores[:depth]) <= 0)
    # The passage naming Texas and Michigan is first.
    assert "Texas and Michigan" in retriever.index.passages[int(late.ids[0])].text


def test_the_answer_search_reranks_deeper_than_the_decisions(service: AnswerService) -> None:
    retriever = service.retriever
    question = "where's the R&D base for the amazon car effort"  # tuning-extra-9
    expected = "research facility in California"
    vector = service.embedder.encode_query(question)
    plain = retriever.rank(question, vector)
    deep = retriever.reranked(question, plain, ANSWER_LATE_DEPTH, ANSWER_LATE_WEIGHT)
    depth = min(ANSWER_LATE_DEPTH, len(plain.ids))
    assert depth > LATE_DEPTH
    assert sorted(deep.ids[:depth].tolist()) == sorted(plain.ids[:depth].tolist())
    assert deep.ids[depth:].tolist() == plain.ids[depth:].tolist()
    assert np.all(np.diff(deep.scores[:depth]) <= 0)
    passages = retriever.index.passages
    # Fused 18th: out of reach of the decisions' re-ranking of the top 10, cited by the answer's.
    assert not any(
        expected in passages[int(i)].text for i in retriever.reranked(question, plain).ids[:3]
    )
    hits, before = retriever.answer_search(question, vector, 3)
    assert [h.passage.id for h in hits] == [passages[int(i)].id for i in deep.ids[:3]]
    assert any(expected in h.passage.text for h in hits)
    assert before is not None and not any(expected in h.passage.text for h in before)
    assert retriever.search_vector(question, vector, 3) == hits


def test_the_quote_scores_a_sentence_by_how_it_matches_each_word(service: AnswerService) -> None:
    retriever = service.retriever
    question = "In which US states will the factories be built?"
    vector = service.embedder.encode_query(question)
    hits = retriever.hits(question, vector, retriever.rank(question, vector), 3)
    row = next(i for i, p in enumerate(retriever.index.passages) if "Texas and Michigan" in p.text)
    scores = retriever.late.sentence_scores(question, row)
    sentences = retriever.index.passages[row].sentence_texts()
    assert len(scores) == len(sentences)
    assert "Texas and Michigan" in sentences[int(np.argmax(scores))]
    without = Retriever(retriever.index, service.embedder)  # late interaction off
    plain = without.hits(question, vector, without.rank(question, vector), 3)
    by_passage = {h.passage.id: h.sentence_scores for h in plain}
    for hit in hits:
        if hit.passage.id in by_passage:  # each sentence's score gained its MaxSim
            assert all(
                late > alone
                for late, alone in zip(hit.sentence_scores, by_passage[hit.passage.id], strict=True)
            )


def test_the_window_weight_adds_each_sentences_best_window(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    retriever = service.retriever
    question = "What traits describe Bezos?"
    vector = service.embedder.encode_query(question)
    ranking = retriever.reranked(question, retriever.rank(question, vector))
    assert bot.retrieval.LATE_WINDOW_WEIGHT == 0.5  # on in the bot
    on = retriever.hits(question, vector, ranking, 3)
    monkeypatch.setattr(bot.retrieval, "LATE_WINDOW_WEIGHT", 0.0)
    off = retriever.hits(question, vector, ranking, 3)
    rows = {p.id: i for i, p in enumerate(retriever.index.passages)}
    for before, after in zip(off, on, strict=True):
        window = retriever.late.window_scores(question, rows[before.passage.id], 2)
        own = retriever.late.sentence_scores(question, rows[before.passage.id])
        assert np.all(window >= own - 1e-9)  # a window holds the sentence's own tokens
        np.testing.assert_allclose(
            np.subtract(after.sentence_scores, before.sentence_scores), 0.5 * window, atol=1e-9
        )


def test_off_ranks_as_before(service: AnswerService) -> None:
    without = Retriever(service.retriever.index, service.embedder, late_interaction=False)
    question = "Who makes the batteries?"
    vector = service.embedder.encode_query(question)
    plain = without.rank(question, vector)
    assert without.reranked(question, plain) is plain
    assert isinstance(plain, Ranking)


def test_a_questions_tokens_from_its_vector_pass_are_the_models(service: AnswerService) -> None:
    embedder = service.embedder
    assert getattr(embedder.query_encoder(), "token_states", None) is not None  # ONNX answers
    for question in ["Who is Amazon partnering with on batteries?", "Über-fast chargers?", "?"]:
        embedder.encode_query(question)  # the answer's pass, whose token states are reused
        reused = embedder.question_token_vectors(question)
        (torch_made,) = embedder.token_vectors([question])
        assert reused.ids.tolist() == torch_made.ids.tolist()
        assert reused.spans.tolist() == torch_made.spans.tolist()
        assert reused.words.tolist() == torch_made.words.tolist()
        np.testing.assert_allclose(reused.vectors, torch_made.vectors, atol=1e-4)


def test_a_passages_tokens_by_the_onnx_pass_are_the_models(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    embedder = service.embedder
    index = service.retriever.index
    texts = [bot.retrieval._dense_text(index.passages[row]) for row in (0, 5, 3)]
    texts.append(" ".join(["Gigafactory capacity, cell chemistry."] * 80))  # past the window
    onnx_made = embedder.passage_token_vectors(texts)
    # Without ONNX Runtime, torch's batches, sorted by length and given back in order.
    monkeypatch.setattr(embedder, "query_encoder", lambda: embedder.encode)
    torch_sorted = embedder.passage_token_vectors(texts)
    for text, onnx, by_length, torch_made in zip(
        texts, onnx_made, torch_sorted, embedder.token_vectors(texts), strict=True
    ):
        assert len(onnx.ids) == min(len(torch_made.ids), embedder.max_tokens) > 0
        for made in (onnx, by_length):
            assert made.ids.tolist() == torch_made.ids.tolist()
            assert made.spans.tolist() == torch_made.spans.tolist()
            assert made.words.tolist() == torch_made.words.tolist()
            np.testing.assert_allclose(made.vectors, torch_made.vectors, atol=1e-4)
        assert text[int(onnx.spans[-1][0]) : int(onnx.spans[-1][1])]  # spans index the text


def test_a_large_index_answers_without_late_interaction(
    shipped_settings, embedder, tmp_path
) -> None:
    # Its cold candidates would cost each answer an encoder pass over ten passages.
    def service(most: int) -> AnswerService:
        update = {"late_interaction_max_passages": most, "db_path": tmp_path / f"q{most}"}
        return AnswerService(shipped_settings.model_copy(update=update), embedder)

    passages = len(service(0).retriever.index.passages)
    small, large = service(passages), service(passages - 1)
    assert small.retriever.late is not None and large.retriever.late is None
    question = "What weaknesses does Tesla have?"
    assert large.ask(question).citations and small.ask(question).citations
