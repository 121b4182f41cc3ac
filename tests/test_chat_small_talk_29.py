"""Session 29's chat-layer rules: a mention alone ("@evbot") is a hello, greeted with what the bot
answers rather than told "the question is empty"; a message with no words (an image, a file, a
sticker alone) is told the bot reads words only. Each is checked with its rule off too."""

from __future__ import annotations

import asyncio

import pytest

import bot.chat.clean
import bot.chat.runner
from bot.chat import messages
from bot.chat.clean import WAVE_ALONE, question_or_emoji
from bot.chat.message import Platform
from bot.chat.runner import AnswerRunner, Question
from bot.service import AnswerService
from bot.settings import SlackSettings

MENTIONS_ALONE = [
    ("<@UBOT>", Platform.SLACK),
    ("<@UBOT|evbot>  ", Platform.SLACK),
    ("<@UBOT> <!here>", Platform.SLACK),
    ("<@123456>", Platform.DISCORD),
    ("<@!123456> @here", Platform.DISCORD),
]


@pytest.mark.parametrize(("raw", "platform"), MENTIONS_ALONE)
def test_a_mention_alone_is_read_as_a_wave_and_as_nothing_with_the_rule_off(
    raw: str, platform: Platform, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert question_or_emoji(raw, platform) == WAVE_ALONE
    monkeypatch.setattr(bot.chat.clean, "MENTION_ALONE_29", False)
    assert question_or_emoji(raw, platform) == ""


@pytest.mark.parametrize("platform", list(Platform))
def test_no_text_at_all_stays_empty_and_words_stay_words(platform: Platform) -> None:
    assert question_or_emoji("", platform) == ""  # a file or a sticker alone
    mention = "<@UBOT>" if platform is Platform.SLACK else "<@123456>"
    assert question_or_emoji(f"{mention} who is rivian?", platform) == "who is rivian?"


def test_the_service_greets_a_mention_alone(service: AnswerService) -> None:
    answer = service.ask(question_or_emoji("<@UBOT>", Platform.SLACK))
    assert answer.reply == "greeting" and answer.answer.startswith("Hello!")


def _ask(service: AnswerService, text: str) -> object:
    runner = AnswerRunner(service, Platform.SLACK, SlackSettings(_env_file=None))  # type: ignore[call-arg]
    return asyncio.run(runner.ask(Question(text, (), "C1-1700000000.000001"), "U1"))


def test_a_message_with_no_words_is_told_what_the_bot_reads_and_the_empty_note_with_the_rule_off(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _ask(service, "") == messages.NO_WORDS
    monkeypatch.setattr(bot.chat.runner, "WORDLESS_NOTE_29", False)
    note = _ask(service, "")
    assert isinstance(note, str) and "the question is empty" in note


def test_a_question_still_gets_its_answer_through_the_runner(service: AnswerService) -> None:
    answer = _ask(service, "who is rivian?")
    assert not isinstance(answer, str) and answer.quotes
