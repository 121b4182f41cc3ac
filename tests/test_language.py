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
