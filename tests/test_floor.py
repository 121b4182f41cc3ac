"""Short questions under the cosine floor: covered when the sources write every word they ask
about, English stop words ("anything", "got") not counted among them."""

import pytest

import bot.source_terms
from bot.service import AnswerService


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ("you got anything on lithium?", "lithium"),
        ("what's rivian got to do with this", "Rivian"),
    ],
)
def test_stop_words_do_not_hide_a_word_the_sources_write(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, question: str, quoted: str
) -> None:
    monkeypatch.setattr(bot.source_terms, "EVERY_WORD_STOPS", True)
    answer = service.ask(question)
    assert answer.outcome == "answered"
    assert quoted in answer.answer
    monkeypatch.setattr(bot.source_terms, "EVERY_WORD_STOPS", False)
    assert service.ask(question).outcome == "refused"


@pytest.mark.parametrize("question", ["is there anything on the weather?", "got any recipes?"])
def test_a_word_they_never_write_stays_refused(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    monkeypatch.setattr(bot.source_terms, "EVERY_WORD_STOPS", True)
    assert service.ask(question).outcome == "refused"
