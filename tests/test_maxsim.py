"""Late interaction: MaxSim's arithmetic, and its use in the answer's ranking and quote."""

from __future__ import annotations

import numpy as np
import pytest

from bot.ranking import maxsim
from bot.retrieval import LATE_DEPTH, Ranking, Retriever
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
