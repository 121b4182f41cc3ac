"""The answer's re-ranking weighs each passage's best sentence encoded alone (session 28)."""

from collections.abc import Sequence

import numpy as np
import pytest

import bot.retrieval
from bot.chunking import Passage, split_sentences
from bot.own_sentences import OwnSentenceVectors
from bot.service import AnswerService


class _WordEmbedder:
    """Each text's vector: one axis per known word it holds, normalised; counts its encodings."""

    WORDS = ("rockets", "cars", "batteries", "factories")

    def __init__(self) -> None:
        self.encoded: list[str] = []

    def encode(self, texts: Sequence[str], *, progress: bool = False) -> np.ndarray:
        self.encoded.extend(texts)
        rows = np.array(
            [[float(w in t.lower()) for w in self.WORDS] + [0.1] for t in texts], np.float32
        )
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)

    def query(self, word: str) -> np.ndarray:
        return self.encode([word])[0]


def _passage(n: int, text: str) -> Passage:
    return Passage(
        id=f"p{n}",
        doc_id="d",
        section=None,
        start=0,
        end=len(text),
        text=text,
        sentences=tuple(split_sentences(text)),
    )


PASSAGES = [
    _passage(0, "They raced rockets. Then they argued."),
    _passage(1, "Cars are next. Cars need batteries."),
    _passage(2, "Nothing here. Nothing there either."),
]


def test_each_passage_scores_its_best_sentence_alone() -> None:
    embedder = _WordEmbedder()
    vectors = OwnSentenceVectors(PASSAGES, embedder, cached=8)  # type: ignore[arg-type]
    query = embedder.query("batteries")
    best = vectors.best_cosines([1, 0, 2], query)
    # "Cars need batteries." is the best of passage 1: its cosine, not the passage's mean.
    sentence = embedder.encode(["Cars need batteries."])[0]
    assert best[0] == pytest.approx(float(sentence @ query))
    assert best[0] > best[1] and best[0] > best[2]


def test_a_small_index_is_encoded_once() -> None:
    embedder = _WordEmbedder()
    vectors = OwnSentenceVectors(PASSAGES, embedder, cached=8)  # type: ignore[arg-type]
    vectors.best_cosines([0], embedder.query("rockets"))
    encoded = len(embedder.encoded)
    vectors.best_cosines([1, 2], embedder.query("cars"))
    # Every passage's sentences (6) at the first use, then only the two queries.
    assert encoded == 6 + 1
    assert len(embedder.encoded) == encoded + 1


def test_a_large_index_keeps_the_latest_passages() -> None:
    embedder = _WordEmbedder()
    vectors = OwnSentenceVectors(PASSAGES, embedder, cached=1)  # type: ignore[arg-type]
    vectors.best_cosines([0], embedder.query("rockets"))
    vectors.best_cosines([1], embedder.query("cars"))
    assert list(vectors._vectors) == [1]
    before = len(embedder.encoded)
    vectors.best_cosines([0], embedder.query("rockets"))  # evicted: encoded again
    assert len(embedder.encoded) == before + 1 + 2


# Off in the bot (docs/quality-log.md, "Sentences on their own (session 28)"): on here at 6.
SENTENCE_WEIGHT = 6.0


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        # tuning-extra-27.jsonl: MaxSim's chat words ("tail end", "or what") quoted the close.
        (
            "are we at the tail end of the electric car boom or what",
            "The electric vehicle revolution is only just beginning.",
        ),
        # tuning-extra-16.jsonl: the growth countries' sentence was quoted for the place.
        (
            "so the cars get physically made where, like which part of the country",
            "The project is rumored to be headquartered",
        ),
    ],
)
def test_the_sentence_alone_decides_the_passage(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, question: str, quoted: str
) -> None:
    assert bot.retrieval.SENTENCE_ALONE_WEIGHT == 0.0  # off in the bot
    without = service.ask(question)
    assert not without.answer.startswith(quoted), without.answer
    monkeypatch.setattr(bot.retrieval, "SENTENCE_ALONE_WEIGHT", SENTENCE_WEIGHT)
    answer = service.ask(question)
    assert answer.answer.startswith(quoted), answer.answer
    assert quoted in answer.citations[0].text
    assert answer.outcome == without.outcome  # the outcome's re-ranking is without it


def test_a_follow_up_searched_with_its_context_is_ranked_as_before(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    history = ["what will amazon's cars be like"]
    question = "and are we at the tail end of the electric car boom?"
    asked = service.ask(question, history=history)
    monkeypatch.setattr(bot.retrieval, "SENTENCE_ALONE_WEIGHT", SENTENCE_WEIGHT)
    again = service.ask(question, history=history)
    assert [c.text for c in asked.citations] == [c.text for c in again.citations]
    # Read with its context too (SENTENCE_ALONE_FOLLOW_UPS), it would be cited otherwise.
    monkeypatch.setattr(bot.retrieval, "SENTENCE_ALONE_FOLLOW_UPS", True)
    context = service.ask(question, history=history)
    assert [c.text for c in context.citations] != [c.text for c in asked.citations]
