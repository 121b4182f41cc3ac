"""BM25 query expansion by the model's own word vectors (bot/lexical.py, docs/quality-log.md)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from bot.embedding import Embedder
from bot.lexical import WORDS, LexicalIndex, WordNeighbours, input_word_vectors, terms
from bot.retrieval import Retriever
from bot.service import AnswerService

TEXTS = [
    "The companies fight a long battle over electric cars.",
    "A company leader and its companies.",
    "Panasonic supplies the batteries for the cars.",
    "Factories in Texas and Michigan build the vehicles.",
]


def term_id(lexical: LexicalIndex, word: str) -> int:
    return lexical._bm25.vocab_dict[terms([word])[0][0]]


def test_each_term_keeps_the_word_it_was_stemmed_from_most_often(tmp_path: Path) -> None:
    lexical = LexicalIndex.build(TEXTS)
    assert lexical.words is not None
    assert lexical.words[term_id(lexical, "company")] == "companies"  # 3 against 1
    assert lexical.words[term_id(lexical, "battle")] == "battle"
    lexical.save(tmp_path)
    assert LexicalIndex.load(tmp_path).words == lexical.words
    (tmp_path / WORDS).unlink()  # a build from before the words: loads, without them
    assert LexicalIndex.load(tmp_path).words is None


def test_an_added_term_counts_its_scores_times_its_weight() -> None:
    lexical = LexicalIndex.build(TEXTS)
    battle = term_id(lexical, "battle")
    rows, _ = lexical.scored("Who builds the vehicles?")
    every = lexical.scores("Who builds the vehicles?") + 0.3 * lexical.scores("battle")
    expanded_rows, expanded = lexical.scored("Who builds the vehicles?", {battle: 0.3})
    assert expanded_rows.tolist() == np.flatnonzero(every).tolist()
    assert np.allclose(expanded, every[expanded_rows], rtol=1e-5)
    assert set(rows.tolist()) < set(expanded_rows.tolist())  # the battle's passage joins


def test_a_question_word_reaches_the_corpus_words_that_mean_about_the_same(
    embedder: Embedder,
) -> None:
    lexical = LexicalIndex.build(TEXTS)
    vectors = input_word_vectors(embedder.model)
    neighbours = WordNeighbours(lexical, vectors, similarity=0.35, weight=0.3)
    added = neighbours.expand("Who will fight back?")
    assert added[term_id(lexical, "battle")] == 0.3  # fight -> battle (cosine 0.52)
    assert term_id(lexical, "fight") not in added  # a word's own term is searched already
    assert neighbours.expand("Which carmakers?").get(term_id(lexical, "cars")) == 0.3
    strict = WordNeighbours(lexical, vectors, similarity=0.99, weight=0.3)
    assert strict.expand("Who will fight back?") == {}
    assert neighbours.expand("") == {} and neighbours.expand("the of") == {}
    rows = vectors(["fight", "battle", ""])
    assert rows.shape == (3, embedder.dimension) and not rows[2].any()
    assert np.allclose(np.linalg.norm(rows[:2], axis=1), 1.0, atol=1e-5)


def test_a_paraphrase_scores_the_passage_in_other_words(service: AnswerService) -> None:
    """'net zero emissions' is 'carbon-neutral' in the article: the expansion reaches 'carbon'."""
    question = "By what year has Amazon promised net zero emissions?"
    retriever = service.retriever
    vector = service.embedder.encode_query(question)
    row = next(
        i for i, p in enumerate(retriever.index.passages) if "carbon-neutral by 2040" in p.text
    )
    weights = retriever.expansion_weight, retriever.expansion_known_weight
    try:
        retriever.expansion_weight, retriever.expansion_known_weight = 0.5, 0.1  # off in the bot
        expanded = retriever.rank(question, vector)
        retriever.expansion_weight = retriever.expansion_known_weight = 0.0
        plain = retriever.rank(question, vector)
    finally:
        retriever.expansion_weight, retriever.expansion_known_weight = weights
    bm25 = [dict(zip(r.ids.tolist(), r.lexical.tolist(), strict=True)) for r in (expanded, plain)]
    assert bm25[0][row] > bm25[1][row] > 0


def test_a_question_word_adds_only_its_nearest_term(service: AnswerService) -> None:
    """'car' adds 'vehicle', not also 'suv' and 'truck': the Rivian passage holds all three and
    counted the word three times over, which cost Panasonic its citation (docs/quality-log.md)."""
    retriever = Retriever(
        service.retriever.index, service.embedder, expansion_weight=0.5, expansion_known_weight=0.1
    )
    lexical = retriever.index.lexical
    assert lexical.words is not None
    added = retriever._expansion("Who is supplying batteries for the Amazon electric car?")
    words = {lexical.words[term] for term in added}
    assert "vehicle" in words and not words & {"suv", "truck"}
    assert len(added) <= 6  # a term at most for each of the question's six words


class NoModel:
    """An embedder that only ever sees questions as vectors."""


def test_a_retriever_without_a_model_searches_the_question_words_alone(
    service: AnswerService,
) -> None:
    question = "By what year has Amazon promised net zero emissions?"
    vector = service.embedder.encode_query(question)
    index = service.retriever.index
    asked = {"expansion_weight": 0.5, "expansion_known_weight": 0.1}
    without_model = Retriever(index, NoModel(), **asked)  # type: ignore[arg-type]
    plain = Retriever(index, service.embedder)  # off in the bot
    assert without_model._expansion(question) == {}
    ranked, expected = without_model.rank(question, vector), plain.rank(question, vector)
    assert ranked.ids.tolist() == expected.ids.tolist()
