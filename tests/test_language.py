"""Questions in another script are told the language the bot reads (bot/language.py)."""

from __future__ import annotations

import pytest

import bot.language
from bot.language import ONLY_ENGLISH, in_another_script
from bot.service import AnswerService


@pytest.mark.parametrize(
    "text",
    ["特斯拉和亚马逊谁会赢", "кто победит тесла или амазон", "テスラとアマゾンどっちが勝つ?",
     "من سيفوز تسلا أم أمازون", "Τι είναι η Rivian;"],
)  # fmt: skip
def test_a_question_in_another_script_is_read_as_such(text: str) -> None:
    assert in_another_script(text)


@pytest.mark.parametrize(
    "text",
    ["who is rivian?", "¿quién es jeff bezos?", "what's tesla's plan for 2040? 🚗⚡", "🔥🔥",
     "is the amazon ev named “Zoox”?", "ngl tesla kinda cooked fr"],
)  # fmt: skip
def test_a_question_in_latin_letters_is_not(text: str) -> None:
    assert not in_another_script(text)


def test_the_asker_is_told_the_language_not_that_the_sources_lack_it(
    service: AnswerService,
) -> None:
    answer = service.ask("кто победит тесла или амазон")
    assert answer.answer == ONLY_ENGLISH
    assert (answer.outcome, answer.reply, answer.quotes) == ("refused", "language", ())


def test_without_the_rule_it_is_searched(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.language, "OTHER_SCRIPTS", False)
    answer = service.ask("кто победит тесла или амазон")
    assert answer.answer != ONLY_ENGLISH and answer.reply is None


@pytest.mark.parametrize(
    "text",
    ["¿dónde construirá amazon sus fábricas?", "che cosa fa amazon?", "qui est jeff bezos ?",
     "wer ist musk und wie reich ist er?"],
)  # fmt: skip
def test_a_question_in_another_latin_language_is_read_and_not_without_the_rule(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bot.language.in_another_language(text)
    monkeypatch.setattr(bot.language, "LATIN_LANGUAGES_27", False)
    assert not bot.language.in_another_language(text)


@pytest.mark.parametrize(
    "text",
    ["ngl tesla kinda cooked fr", "who is de la rosa?", "what is el camino", "che guevara?",
     "was tesla first?"],
)  # fmt: skip
def test_english_with_a_foreign_word_is_not_another_language(text: str) -> None:
    assert not bot.language.in_another_language(text)


@pytest.mark.parametrize(
    "text", ["can you answer in french?", "do you speak german?", "spanish please", "speak italian"]
)
def test_asking_for_another_language_is_told_the_bot_reads_english(
    service: AnswerService, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = service.ask(text)
    assert answer.reply == "language" and answer.answer == ONLY_ENGLISH
    monkeypatch.setattr(bot.language, "LATIN_LANGUAGES_27", False)
    assert service.ask(text).reply != "language"


def test_a_foreign_question_is_told_the_language_only_when_refused(
    service: AnswerService,
) -> None:
    refused = service.ask("¿dónde construirá amazon sus fábricas?")
    assert refused.reply == "language" and refused.outcome == "refused"
    assert service.ask("quién es musk?").reply is None  # one word of its language: searched
