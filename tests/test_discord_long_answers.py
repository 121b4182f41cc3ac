"""A long answer on Discord goes on in the messages after its first rather than being cut at an
embed description's 4,096 characters (session 27): in a channel or thread, after /ask's
"thinking…", and shared; a part Discord refuses ends it with a log line and a note to the asker.
The real discord.py client against the local fake Discord (tests/fake_discord.py)."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.answer import Answer, Quote
from bot.chat import messages
from bot.embedding import Embedder
from bot.service import AnswerService
from bot.settings import Settings
from tests.fake_discord import (
    ASKER,
    DM_CHANNEL_ID,
    MENTION,
    MISSING_PERMISSIONS,
    Call,
    FakeDiscord,
    discord_settings,
    embed_of,
    no_pings,
    running_bot,
    started_fake,
)

QUESTION = "Who is Amazon partnering with on batteries?"
# A quote twice as long as a description holds (an article with long passages quoted whole).
LONG = "Rivian builds electric delivery vans for Amazon. " * 160


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeDiscord]:
    with started_fake(monkeypatch) as server:
        yield server


@pytest.fixture
def long_service(
    shipped_settings: Settings, embedder: Embedder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AnswerService:
    """The shipped index, every answer's quote made LONG (the answer as recorded otherwise)."""
    settings = shipped_settings.model_copy(update={"db_path": tmp_path / "log.sqlite3"})
    service = AnswerService(settings, embedder)
    service.warm_up()
    asked = service.ask

    def long_answer(*args: Any, **kwargs: Any) -> Answer:
        answer = asked(*args, **kwargs)
        if not answer.quotes:
            return answer
        return dataclasses.replace(answer, quotes=(Quote(LONG, answer.quotes[0].citation),))

    monkeypatch.setattr(service, "ask", long_answer)
    return service


def run(scenario: Any) -> Any:
    return asyncio.run(scenario())


def shown_text(calls: list[Call]) -> str:
    """The quote as the reader sees it across the messages (cut between words)."""
    return " ".join(embed_of(c)["description"] for c in calls)


def test_a_long_answer_in_a_channel_goes_on_in_the_next_message(
    fake: FakeDiscord, long_service: AnswerService
) -> None:
    async def scenario() -> None:
        async with running_bot(long_service, discord_settings(fake)):
            fake.message_create(f"{MENTION} {QUESTION}", ASKER, mentions_bot=True)
            await fake.wait_for(lambda: len(fake.messages()) >= 2)

    run(scenario)
    first, rest = fake.messages()
    assert first.path == rest.path  # the same thread (or channel)
    opening, going_on = embed_of(first), embed_of(rest)
    assert opening["title"] == QUESTION and opening["fields"] and opening["footer"]
    assert "title" not in going_on and "fields" not in going_on and not rest.body.get("components")
    assert going_on["description"].endswith("Amazon.” **[1]**")
    assert shown_text([first, rest]).count("Rivian builds") == 160
    assert "…" not in shown_text([first, rest])
    no_pings(first)
    no_pings(rest)


def test_a_long_slash_command_answer_goes_on_in_follow_ups_as_private_as_it(
    fake: FakeDiscord, long_service: AnswerService
) -> None:
    async def scenario() -> None:
        async with running_bot(long_service, discord_settings(fake)):
            fake.slash_ask(QUESTION, ASKER, ephemeral=True)
            await fake.wait_for(lambda: [c for c in fake.posts("webhooks/") if c.method == "POST"])

    run(scenario)
    (edit,) = [c for c in fake.calls if c.method == "PATCH" and "@original" in c.path]
    (rest,) = [c for c in fake.posts("webhooks/") if c.method == "POST"]
    assert embed_of(edit)["title"] == QUESTION
    assert rest.response["flags"] & 64  # private, as the answer it continues
    assert embed_of(rest)["description"].endswith("Amazon.” **[1]**")
    assert shown_text([edit, rest]).count("Rivian builds") == 160
    no_pings(rest)


def test_the_rest_refused_is_logged_and_the_asker_told_the_answer_was_cut(
    fake: FakeDiscord, long_service: AnswerService, caplog: pytest.LogCaptureFixture
) -> None:
    def continuation(body: Any) -> bool:  # a message whose embed has no title: the answer's rest
        embeds = (body or {}).get("embeds") or []
        return bool(embeds) and "title" not in embeds[0]

    fake.fail("channels/*/messages", 403, MISSING_PERMISSIONS, when=continuation)

    async def scenario() -> None:
        async with running_bot(long_service, discord_settings(fake)):
            fake.message_create(f"{MENTION} {QUESTION}", ASKER, mentions_bot=True)
            await fake.wait_for(lambda: fake.posts(f"channels/{DM_CHANNEL_ID}/messages"))

    with caplog.at_level(logging.INFO):
        run(scenario)
    (dm,) = fake.posts(f"channels/{DM_CHANNEL_ID}/messages")
    assert dm.body["content"] == messages.answer_cut(messages.NOT_ALLOWED)
    assert "could not post part 2 of an answer" in caplog.text
    assert any(embed_of(c)["title"] == QUESTION for c in fake.messages() if c.status == 200)
