"""Session 28's small-talk replies through the real adapters and the fakes: "suggest a question" and
"can you browse the web?" mentioned on Discord and Slack are replied to in place, as a greeting is
(no thread, no buttons, no answer id), and a broadcast typed with them pings nobody."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import bot.about_bot
from bot.embedding import Embedder
from bot.service import AnswerService
from bot.settings import Settings, load_settings
from tests.fake_discord import (
    ASKER,
    MENTION,
    FakeDiscord,
    discord_settings,
    embed_of,
    no_pings,
    running_bot,
    started_fake,
)
from tests.fake_slack import BOT_USER_ID, FakeSlack, SlackHarness, blocks_of


@pytest.fixture
def service(shipped_settings: Settings, embedder: Embedder, tmp_path: Path) -> AnswerService:
    """The shipped index, with a query log of this test's own."""
    settings = load_settings(
        corpus_dir=shipped_settings.corpus_dir,
        index_dir=shipped_settings.index_dir,
        db_path=tmp_path / "log.sqlite3",
    )
    return AnswerService(settings, embedder)


@pytest.fixture
def discord_fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeDiscord]:
    with started_fake(monkeypatch) as server:
        yield server


@pytest.fixture
def slack_fake() -> Iterator[FakeSlack]:
    fake = FakeSlack()
    yield fake
    fake.close()


def _discord_replies(fake: FakeDiscord, service: AnswerService, texts: list[str]) -> list[Any]:
    """What the bot posted in reply to each of `texts` mentioning it, in turn."""

    async def scenario() -> list[dict[str, Any]]:
        async with running_bot(service, discord_settings(fake)):
            sent = []
            for n, text in enumerate(texts, 1):
                sent.append(fake.message_create(f"{MENTION} {text}", ASKER, mentions_bot=True))
                await fake.wait_for(lambda n=n: len(fake.messages()) == n)
            return sent

    sent = asyncio.run(scenario())
    replies = []
    for message in sent:
        (reply,) = [
            c
            for c in fake.messages()
            if str((c.body.get("message_reference") or {}).get("message_id")) == message["id"]
        ]
        replies.append(reply)
    return replies


def test_discord_replies_in_place_to_what_to_ask_and_what_the_bot_cannot_do(
    discord_fake: FakeDiscord, service: AnswerService
) -> None:
    suggested, limits = _discord_replies(
        discord_fake, service, ["suggest a question", "@everyone can you browse the web?"]
    )
    assert not [c for c in discord_fake.posts("channels/") if c.path.endswith("/threads")]
    assert embed_of(suggested)["description"].startswith("I answer questions about")
    assert "For example, ask about" in embed_of(suggested)["description"]
    described = embed_of(limits)["description"]
    assert "browse the web" in described and "don't know who you are" in described
    for reply in (suggested, limits):
        assert "title" not in embed_of(reply) and not reply.body.get("components")
        no_pings(reply)
        assert "@everyone" not in embed_of(reply)["description"]


def test_discord_searches_what_the_bot_cannot_do_with_the_rule_off(
    discord_fake: FakeDiscord, service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.about_bot, "LIMITS_28", False)

    async def scenario() -> None:
        async with running_bot(service, discord_settings(discord_fake)) as client:
            text = f"{MENTION} can you browse the web?"
            discord_fake.message_create(text, ASKER, mentions_bot=True)
            await discord_fake.wait_for(discord_fake.messages)
            await client.runner.settle()

    asyncio.run(scenario())
    posted = [embed_of(c)["description"] for c in discord_fake.messages()]
    assert posted and not any("browse the web" in text for text in posted)


def test_slack_replies_in_the_thread_to_what_to_ask_and_what_the_bot_cannot_do(
    slack_fake: FakeSlack, service: AnswerService
) -> None:
    slack = SlackHarness(service, slack_fake)
    try:
        slack.mention("what questions should i ask?", ts="1700000028.000001")
        slack.mention("<!channel> can i upload a pdf?", ts="1700000028.000002")
        posts = slack_fake.wait_for("chat.postMessage", 2)
        # answered side by side: in either order
        suggested, limits = sorted(posts, key=lambda post: post.params["thread_ts"])
        slack.drain()
    finally:
        slack.close()
    assert suggested.params["thread_ts"] == "1700000028.000001"
    assert limits.params["thread_ts"] == "1700000028.000002"
    for post, words in ((suggested, "For example, ask about"), (limits, "open links or files")):
        sections = [b["text"]["text"] for b in blocks_of(post.params) if b["type"] == "section"]
        assert words in " ".join(sections)
        assert not [b for b in blocks_of(post.params) if b["type"] == "actions"]  # no buttons
        assert "<!channel>" not in str(post.params) and f"<@{BOT_USER_ID}>" not in str(post.params)
