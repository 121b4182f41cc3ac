"""Chat markup is taken out of a question before it is searched (issue 14, item 7)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.chat.clean import clean_question, question_or_emoji
from bot.chat.message import Platform
from bot.embedding import Embedder
from bot.service import AnswerService
from bot.settings import Settings
from tests.fake_discord import (
    ASKER,
    MENTION,
    FakeDiscord,
    discord_settings,
    embed_of,
    running_bot,
    started_fake,
)
from tests.fake_slack import FakeSlack, SlackHarness, blocks_of

QUESTION = "Who is supplying batteries for the Amazon electric car?"

SLACK_CASES = [
    (f"<@UBOT> <!everyone> {QUESTION}", QUESTION),
    (f"<@UBOT|evbot> <!here|here> <!channel> {QUESTION}", QUESTION),
    (f"<!subteam^S0123|@ev-team> {QUESTION} :zap: :thumbsup::skin-tone-2:", QUESTION),
    (f"<#C0123|general> {QUESTION}", QUESTION),
    ("Is <https://example.com/a?b=1|the Amazon van> electric?", "Is the Amazon van electric?"),
    ("Is <https://example.com/a> live?", "Is https://example.com/a live?"),
    ("Tesla &amp; Amazon: who wins &lt;2030&gt;?", "Tesla & Amazon: who wins <2030>?"),
    ("What happened at 10:30:45?", "What happened at 10:30:45?"),
    (f"{QUESTION} :+1: :100: :-1:", QUESTION),  # the emoji whose names have no letter
    ("Did it drop to -1:1 or 100:1?", "Did it drop to -1:1 or 100:1?"),
]
DISCORD_CASES = [
    (f"{MENTION} @everyone {QUESTION}", QUESTION),
    (f"<@!123> <@&456> @here {QUESTION}", QUESTION),
    (f"<#789> {QUESTION} <:rivian:1234567> <a:spin:42>", QUESTION),
    (f"Since <t:1700000000:F>, {QUESTION} </ask:99> <id:customize>", f"Since , {QUESTION}"),
    ("Is [the Amazon van](https://example.com/x) electric?", "Is the Amazon van electric?"),
    ("Is <https://example.com/a> live?", "Is https://example.com/a live?"),
    ("Tesla &amp; Amazon?", "Tesla &amp; Amazon?"),  # Discord does not escape: literal text
]


@pytest.mark.parametrize(("raw", "clean"), SLACK_CASES)
def test_slack_markup_is_taken_out(raw: str, clean: str) -> None:
    assert clean_question(raw, Platform.SLACK) == clean


@pytest.mark.parametrize(("raw", "clean"), DISCORD_CASES)
def test_discord_markup_is_taken_out(raw: str, clean: str) -> None:
    assert clean_question(raw, Platform.DISCORD) == clean


@pytest.mark.parametrize(
    ("raw", "platform", "asked"),
    [
        (":+1:", Platform.SLACK, "👍"),
        ("<@UBOT> :tada: :tada:", Platform.SLACK, "👍"),
        ("<@UBOT>", Platform.SLACK, "👋"),  # a mention alone calls the bot: hello (session 29)
        (f"{QUESTION} :zap:", Platform.SLACK, QUESTION),
        ("<:rivian:1234567>", Platform.DISCORD, "👍"),
        # A waving emoji's name says hello, as "👋" does; "microwave" waves nothing.
        (":wave:", Platform.SLACK, "👋"),
        ("<@UBOT> :wave::skin-tone-3:", Platform.SLACK, "👋"),
        (":microwave:", Platform.SLACK, "👍"),
        ("<a:catwave:1234567>", Platform.DISCORD, "👋"),
        ("<@123>", Platform.DISCORD, "👋"),
        ("", Platform.DISCORD, ""),  # a sticker or an image alone
    ],
)
def test_a_message_of_emoji_markup_alone_is_asked_as_an_emoji(
    raw: str, platform: Platform, asked: str
) -> None:
    assert question_or_emoji(raw, platform) == asked


def _fresh(shipped: Settings, embedder: Embedder, db: Path) -> AnswerService:
    return AnswerService(shipped.model_copy(update={"db_path": db}), embedder)


@pytest.fixture
def fresh_service(shipped_settings: Settings, embedder: Embedder, tmp_path: Path) -> AnswerService:
    return _fresh(shipped_settings, embedder, tmp_path / "log.sqlite3")


@pytest.fixture
def slack_fake() -> Iterator[FakeSlack]:
    fake = FakeSlack()
    yield fake
    fake.close()


def _citation_sections(payload: dict) -> list[str]:
    sections = [b["text"]["text"] for b in blocks_of(payload) if b["type"] == "section"]
    return sections[1:]  # the quote first, then one section per citation


def test_a_slack_broadcast_in_a_question_does_not_change_its_citations(
    fresh_service: AnswerService, slack_fake: FakeSlack
) -> None:
    plain = fresh_service.ask(QUESTION)
    assert any("Panasonic" in c.text for c in plain.citations)  # what must not get lost
    slack = SlackHarness(fresh_service, slack_fake)
    try:
        slack.mention(QUESTION, ts="1700000100.000001")
        slack.mention(f"<!everyone> {QUESTION}", ts="1700000100.000002")
        slack.drain()
    finally:
        slack.close()
    posts = slack_fake.of("chat.postMessage")
    assert len(posts) == 2
    without, with_broadcast = (_citation_sections(p.params) for p in posts)
    assert with_broadcast == without
    assert "Panasonic" in " ".join(with_broadcast)


def test_a_discord_broadcast_in_a_question_does_not_change_its_citations(
    monkeypatch: pytest.MonkeyPatch, fresh_service: AnswerService
) -> None:
    async def scenario(fake: FakeDiscord) -> None:
        async with running_bot(fresh_service, discord_settings(fake)):
            fake.message_create(f"{MENTION} {QUESTION}", ASKER, mentions_bot=True)
            await fake.wait_for(lambda: len(fake.messages()) == 1)
            fake.message_create(
                f"{MENTION} @everyone {QUESTION}",
                ASKER,
                mentions_bot=True,
                mention_everyone=True,
            )
            await fake.wait_for(lambda: len(fake.messages()) == 2)

    with started_fake(monkeypatch) as fake:
        asyncio.run(scenario(fake))
        without, with_broadcast = (embed_of(m) for m in fake.messages())
    assert with_broadcast["title"] == without["title"] == QUESTION
    assert with_broadcast["fields"] == without["fields"]
    assert "Panasonic" in str(with_broadcast["fields"])


def test_a_thread_name_keeps_any_mention_left_inert() -> None:
    from bot.discord.render import thread_name

    name = thread_name("Did fans ping @everyone and <@700000000000000002> about it?")
    assert "@\u200beveryone" in name and "<@\u200b700000000000000002>" in name
