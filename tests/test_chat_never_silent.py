"""Never silent (issue 14, item 6): whatever breaks while a question is handled, on either
platform, the asker reads a short message and the log says why. The fakes break things that are
not the platforms' HTTP errors: responses that do not parse, and code that raises."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.answer import Answer, validate_question
from bot.chat import messages
from bot.chat.runner import AnswerRunner
from bot.embedding import Embedder
from bot.service import AnswerService
from bot.settings import Settings
from bot.terminal import chat
from tests.fake_discord import (
    ASKER,
    CHANNEL_ID,
    DM_CHANNEL_ID,
    HUMAN_ROLE_ID,
    MENTION,
    FakeDiscord,
    custom_ids,
    discord_settings,
    embed_of,
    running_bot,
    started_fake,
    user,
)
from tests.fake_slack import BOT_USER_ID, FakeSlack, SlackHarness, texts

QUESTION = "Who is Amazon partnering with on batteries?"


@pytest.fixture
def fresh_service(shipped_settings: Settings, embedder: Embedder, tmp_path: Path) -> AnswerService:
    return AnswerService(shipped_settings.model_copy(update={"db_path": tmp_path / "q"}), embedder)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeDiscord]:
    with started_fake(monkeypatch) as server:
        yield server


def _ask(fake: FakeDiscord, service: AnswerService, **settings: Any) -> dict[str, Any]:
    async def scenario() -> dict[str, Any]:
        async with running_bot(service, discord_settings(fake, **settings)) as client:
            asked = fake.message_create(f"{MENTION} {QUESTION}", ASKER, mentions_bot=True)
            await fake.wait_for(fake.messages)
            await client.runner.settle()
            return asked

    return asyncio.run(scenario())


def test_typing_that_fails_oddly_never_costs_the_answer(
    fake: FakeDiscord, fresh_service: AnswerService
) -> None:
    fake.malformed("channels/*/typing")
    asked = _ask(fake, fresh_service)
    (answer,) = fake.messages()
    assert answer.path == f"channels/{asked['id']}/messages"  # in the thread on the question
    assert embed_of(answer)["title"] == QUESTION


def test_a_thread_that_starts_with_a_malformed_response_falls_back_to_a_reply(
    fake: FakeDiscord, fresh_service: AnswerService, caplog: pytest.LogCaptureFixture
) -> None:
    fake.malformed(f"channels/{CHANNEL_ID}/messages/*/threads")
    with caplog.at_level(logging.INFO):
        asked = _ask(fake, fresh_service)
    (answer,) = fake.messages()
    assert answer.path == f"channels/{CHANNEL_ID}/messages"
    assert str(answer.body["message_reference"]["message_id"]) == asked["id"]
    assert embed_of(answer)["title"] == QUESTION
    assert f"message {asked['id']}: could not start a thread" in caplog.text


def test_an_answer_post_with_a_malformed_response_reaches_the_asker_by_dm(
    fake: FakeDiscord, fresh_service: AnswerService
) -> None:
    fake.malformed("channels/*/messages/*/threads")
    fake.malformed(f"channels/{CHANNEL_ID}/messages")
    asked = _ask(fake, fresh_service)
    (dm,) = [m for m in fake.messages() if m.path == f"channels/{DM_CHANNEL_ID}/messages"]
    link = f"https://discord.com/channels/{asked['guild_id']}/{CHANNEL_ID}/{asked['id']}"
    assert dm.body["content"].startswith(f"Sorry, I couldn't post my answer to {link} in")
    assert embed_of(dm)["title"] == QUESTION  # the answer itself comes along


def test_an_unreadable_query_log_in_a_dm_still_gets_an_answer(
    fake: FakeDiscord, fresh_service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreadable(conversation: str) -> list[str]:
        raise sqlite3.OperationalError("database disk image is malformed")

    monkeypatch.setattr(fresh_service.query_log, "conversation_questions", unreadable)

    async def scenario() -> None:
        async with running_bot(fresh_service, discord_settings(fake)):
            fake.message_create(QUESTION, ASKER, channel_id=DM_CHANNEL_ID, dm=True)
            await fake.wait_for(fake.messages)

    asyncio.run(scenario())
    (answer,) = fake.messages()
    assert embed_of(answer)["title"] == QUESTION  # answered without its context


def test_a_button_that_breaks_anywhere_tells_the_presser(
    fake: FakeDiscord, fresh_service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> str:
        raise ValueError("a bug while writing the hand-off")

    monkeypatch.setattr("bot.discord.interactions.handoff_text", broken)

    async def scenario() -> None:
        settings = discord_settings(fake, human_role=HUMAN_ROLE_ID)
        async with running_bot(fresh_service, settings) as client:
            fake.message_create(QUESTION, ASKER, channel_id=DM_CHANNEL_ID, dm=True)
            (answer,) = await fake.wait_for(fake.messages)
            message = {**answer.response, "channel_id": str(CHANNEL_ID)}  # clicked in the server
            human = next(i for i in custom_ids(answer) if i.startswith("evbot:human:"))
            fake.click(message, human, ASKER)
            await fake.wait_for(lambda: fake.posts("webhooks/"))
            await client.runner.settle()

    asyncio.run(scenario())
    (told,) = fake.posts("webhooks/")
    assert told.body["content"] == messages.SORRY and told.body["flags"] & 64


def test_a_message_that_breaks_before_its_answer_is_told_to_whoever_addressed_the_bot(
    fake: FakeDiscord,
    fresh_service: AnswerService,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A bug before the answer's own never-silent guard (here the decision) reaches the asker of
    a mention or a DM as one short reply; chatter addressed to nobody stays unanswered."""

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise ValueError("a bug while deciding")

    monkeypatch.setattr("bot.discord.handlers.decide", broken)

    async def scenario() -> dict[str, Any]:
        async with running_bot(fresh_service, discord_settings(fake)) as client:
            fake.message_create("lunch anyone?", ASKER)
            asked = fake.message_create(f"{MENTION} {QUESTION}", ASKER, mentions_bot=True)
            fake.message_create(QUESTION, ASKER, channel_id=DM_CHANNEL_ID, dm=True)
            await fake.wait_for(lambda: len(fake.messages()) == 2)
            await client.runner.settle()
            return asked

    with caplog.at_level(logging.ERROR):
        asked = asyncio.run(scenario())
    in_channel, in_dm = sorted(
        fake.messages(), key=lambda m: m.path != f"channels/{CHANNEL_ID}/messages"
    )
    assert in_channel.path == f"channels/{CHANNEL_ID}/messages"
    assert str(in_channel.body["message_reference"]["message_id"]) == asked["id"]
    assert in_dm.path == f"channels/{DM_CHANNEL_ID}/messages"
    assert in_channel.body["content"] == in_dm.body["content"] == messages.SORRY
    assert len(fake.messages()) == 2  # "lunch anyone?" addressed nobody
    assert caplog.text.count("could not be taken up") == 3  # each logged, the chatter's too


@pytest.fixture
def slack_fake() -> Iterator[FakeSlack]:
    fake = FakeSlack()
    yield fake
    fake.close()


def test_slack_tells_the_asker_whatever_breaks(
    fresh_service: AnswerService, slack_fake: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise KeyError("a malformed response while adding the reaction")

    monkeypatch.setattr("bot.slack.events.working", broken)
    slack = SlackHarness(fresh_service, slack_fake)
    try:
        slack.mention(QUESTION, ts="1700000400.000001")
        slack.drain()
    finally:
        slack.close()
    [told] = slack_fake.of("chat.postEphemeral")
    assert told.params["text"] == messages.SORRY and told.params["user"] == "U1"


def test_slack_tells_the_asker_of_a_mention_that_breaks_before_its_answer_once(
    fresh_service: AnswerService, slack_fake: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise ValueError("a bug while deciding")

    monkeypatch.setattr("bot.slack.events.decide", broken)
    slack = SlackHarness(fresh_service, slack_fake)
    try:
        slack.mention(QUESTION, ts="1700000500.000001")
        # Its `message` twin breaks too, and is left to the mention: one note, not two.
        slack.message(f"<@{BOT_USER_ID}> {QUESTION}", channel="C1", ts="1700000500.000001")
        slack.message("lunch anyone?", channel="C1", ts="1700000500.000002")
        slack.drain()
    finally:
        slack.close()
    [told] = slack_fake.of("chat.postEphemeral")
    assert told.params["text"] == messages.SORRY and told.params["user"] == "U1"
    assert not slack_fake.of("chat.postMessage")


class _BreakingService:
    """Answers every question but one, which raises as a bug would."""

    def __init__(self, breaks_on: str) -> None:
        self.breaks_on = breaks_on
        self.histories: list[list[str]] = []

    def ask(self, question: str, history: list[str], **_: object) -> Answer:
        validate_question(question)  # a question too long is told so, as the service does
        if question == self.breaks_on:
            raise RuntimeError("a bug in one answer")
        self.histories.append(list(history))
        return Answer("c" * 32, question, "an answer", True, outcome="refused")


@pytest.mark.parametrize("as_json", [False, True])
def test_the_terminal_says_so_when_one_answer_breaks_and_goes_on(
    as_json: bool, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    service = _BreakingService("by when?")
    stdin = io.StringIO(f"{QUESTION}\nby when?\n{'x' * 5000}\nand who else?\n")
    with caplog.at_level(logging.ERROR, logger="bot.terminal"):
        assert chat(service, as_json=as_json, stdin=stdin, stdout=sys.stdout) == 0  # type: ignore[arg-type]
    out, err = capsys.readouterr()
    assert service.histories == [[], [QUESTION]]  # both answered, the session's history kept
    assert "a bug in one answer" in caplog.text  # the log says why
    told = [json.loads(line) for line in out.splitlines()] if as_json else err.splitlines()
    if as_json:
        assert [t.get("error") for t in told] == [None, messages.SORRY, told[2]["error"], None]
        assert told[2]["error"] and told[1]["question"] == "by when?"
    else:
        assert told == [f"evbot: {messages.SORRY}", told[1]] and "under 2,000" in told[1]


# -- questions nobody mentioned (auto-answer channels) and /ask before its acknowledgement --------

AUTO_CHANNEL_ID = CHANNEL_ID  # the fake's channel, named an auto-answer channel by the settings


@pytest.mark.parametrize(
    "breaks",
    [
        "bot.discord.handlers.parse_message",  # before anything is read: Discord's own fields
        "bot.discord.handlers.decide",  # the message read, the decision not made
        "bot.chat.runner.AnswerRunner.first_time",  # decided, the claim not taken
    ],
)
def test_a_question_in_an_auto_answer_channel_that_breaks_before_its_answer_is_told(
    breaks: str,
    fake: FakeDiscord,
    fresh_service: AnswerService,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Nobody mentioned the bot, but the channel is one where it answers every question: a bug
    before the answer starts ends in one short reply, not silence; a message tagging someone
    else there stays unanswered, as it would without the bug."""

    async def broken(*args: Any, **kwargs: Any) -> Any:
        raise ValueError("a bug before the answer")

    def broken_now(*args: Any, **kwargs: Any) -> Any:
        raise ValueError("a bug before the answer")

    monkeypatch.setattr(breaks, broken if breaks.endswith("first_time") else broken_now)
    other = user(700000000000000002, "bob")

    async def scenario() -> dict[str, Any]:
        settings = discord_settings(fake, auto_answer_channels=f"{AUTO_CHANNEL_ID}")
        async with running_bot(fresh_service, settings) as client:
            fake.message_create(f"<@{other['id']}> lunch?", ASKER, mentions=[other])
            asked = fake.message_create(QUESTION, ASKER)
            await fake.wait_for(fake.messages)
            await client.runner.settle()
            return asked

    with caplog.at_level(logging.ERROR):
        asked = asyncio.run(scenario())
    (told,) = fake.messages()
    assert told.path == f"channels/{AUTO_CHANNEL_ID}/messages"
    assert str(told.body["message_reference"]["message_id"]) == asked["id"]
    assert told.body["content"] == messages.SORRY
    assert f"message {asked['id']} could not be taken up" in caplog.text
    assert "a bug before the answer" in caplog.text  # the log says why


@pytest.mark.parametrize("breaks", ["bot.slack.events.decide", "bot.chat.runner.AnswerRunner.take"])
def test_slack_tells_the_asker_in_an_auto_answer_channel_whatever_breaks_before_the_answer(
    breaks: str,
    fresh_service: AnswerService,
    slack_fake: FakeSlack,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def broken(*args: Any, **kwargs: Any) -> Any:
        raise ValueError("a bug before the answer")

    def broken_now(*args: Any, **kwargs: Any) -> Any:
        raise ValueError("a bug before the answer")

    monkeypatch.setattr(breaks, broken if breaks.endswith("take") else broken_now)
    slack = SlackHarness(fresh_service, slack_fake, auto_answer_channels="C9")
    try:
        with caplog.at_level(logging.ERROR):
            slack.message(QUESTION, channel="C9", ts="1700000600.000001")
            # A thread's reply there and a message in another channel asked nothing of the bot.
            slack.message(
                "lunch anyone?", channel="C9", ts="1700000600.000003", thread_ts="1700000600.2"
            )
            slack.message(QUESTION, channel="C1", ts="1700000600.000002")
            slack.drain()
    finally:
        slack.close()
    [told] = slack_fake.of("chat.postEphemeral")
    assert told.params["text"] == messages.SORRY
    assert (told.params["channel"], told.params["user"]) == ("C9", "U1")
    assert not slack_fake.of("chat.postMessage")
    assert "event 1700000600.000001 in C9 could not be taken up" in caplog.text
    assert "xoxb" not in caplog.text  # no token in the log


def test_slack_ask_that_breaks_before_its_ack_is_acked_with_a_short_note(
    fresh_service: AnswerService,
    slack_fake: FakeSlack,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Slack shows its own "dispatch failed" to a command nobody acks: a bug before the ack
    ends in the ack's text instead, and one log line."""

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise ValueError("a bug while deciding")

    monkeypatch.setattr("bot.slack.events.decide", broken)
    slack = SlackHarness(fresh_service, slack_fake)
    try:
        with caplog.at_level(logging.ERROR):
            reply = slack.command(QUESTION, name="broken")
            slack.drain()
    finally:
        slack.close()
    assert reply.status == 200 and messages.SORRY in reply.body
    assert caplog.text.count("/ask in C1 could not be taken up") == 1


def test_slack_ask_is_acked_before_the_cooldown_is_counted_and_told_what_breaks_after(
    fresh_service: AnswerService,
    slack_fake: FakeSlack,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The cooldown is a database round trip when workers share one: it is counted after the
    ack, so a slow or broken database never costs the ack, and what it says (or that it broke)
    reaches the asker by the command's response URL."""
    counted: list[str] = []

    async def broken(self: Any, author: str, now: float | None = None) -> str | None:
        counted.append(author)
        raise ConnectionError("the cooldown's database went away")

    monkeypatch.setattr("bot.chat.runner.AnswerRunner.refusal", broken)
    slack = SlackHarness(fresh_service, slack_fake)
    try:
        with caplog.at_level(logging.ERROR):
            reply = slack.command(QUESTION, name="late")
            [told] = slack_fake.wait_for("respond/late")
            slack.drain()
    finally:
        slack.close()
    assert (reply.status, reply.body) == (200, "")
    assert counted == ["U1"]
    assert told.params["response_type"] == "ephemeral" and messages.SORRY in texts(told.params)
    assert "the cooldown's database went away" in caplog.text


def test_slack_ask_over_the_cooldown_is_told_to_wait_after_an_empty_ack(
    fresh_service: AnswerService, slack_fake: FakeSlack
) -> None:
    slack = SlackHarness(fresh_service, slack_fake, cooldown_questions=1, cooldown_seconds=60)
    try:
        first = slack.command(QUESTION, name="first")
        second = slack.command(QUESTION, name="second")
        [waiting] = slack_fake.wait_for("respond/second")
        [answered] = slack_fake.wait_for("respond/first")
        slack.drain()
    finally:
        slack.close()
    assert (first.status, first.body) == (second.status, second.body) == (200, "")
    assert waiting.params["response_type"] == "ephemeral"
    assert "please wait" in texts(waiting.params)
    assert "Panasonic" in texts(answered.params)


def test_slack_ask_while_shutting_down_is_told_in_the_ack(
    fresh_service: AnswerService, slack_fake: FakeSlack
) -> None:
    """Shutting down needs no I/O to know: said as the ack's text, not after it by a task the
    stopping loop may cancel."""
    slack = SlackHarness(fresh_service, slack_fake)
    try:
        slack.bot.answers.runner.closing = True
        reply = slack.command(QUESTION, name="closing")
        slack.drain()
    finally:
        slack.bot.answers.runner.closing = False
        slack.close()
    assert reply.status == 200 and messages.CLOSING in reply.body
    assert not slack_fake.of("respond/closing")


# -- Discord /ask: deferred before the cooldown's database round trip ------------------------------


def _counted_after_defers(
    fake: FakeDiscord, monkeypatch: pytest.MonkeyPatch, broken: bool = False
) -> list[int]:
    """For each cooldown count of the runner, how many interactions Discord had seen
    acknowledged by then; `broken`: the count raises, as a database gone away does."""
    seen: list[int] = []
    count = AnswerRunner.refusal

    async def counting(self: AnswerRunner, author: str, now: float | None = None) -> str | None:
        seen.append(len(fake.posts("interactions/")))
        if broken:
            raise ConnectionError("the cooldown's database went away")
        return await count(self, author, now)

    monkeypatch.setattr(AnswerRunner, "refusal", counting)
    return seen


def test_discord_ask_over_the_cooldown_is_deferred_first_and_told_to_wait_privately(
    fake: FakeDiscord, fresh_service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cooldown is a database round trip when workers share one: it is counted after
    Discord's 3-second acknowledgement ("thinking…"), and its "please wait" reaches the asker
    alone: the public "thinking…" is withdrawn first (Discord's first follow-up would take its
    visibility)."""
    counted = _counted_after_defers(fake, monkeypatch)

    async def scenario() -> None:
        async with running_bot(fresh_service, discord_settings(fake, cooldown_questions=1)):
            fake.slash_ask(QUESTION, ASKER)
            await fake.wait_for(lambda: fake.posts("webhooks/"))
            fake.slash_ask(QUESTION, ASKER)
            await fake.wait_for(lambda: len(fake.messages()) == 2)

    asyncio.run(scenario())
    assert counted == [1, 2]  # each /ask deferred before its cooldown was counted
    answered, waiting = fake.messages()
    assert embed_of(answered)["title"] == QUESTION and not answered.response["flags"] & 64
    assert "please wait" in waiting.body["content"]
    assert waiting.response["flags"] & 64  # seen by the asker alone
    (withdrawn,) = [c for c in fake.posts("webhooks/") if c.method == "DELETE"]
    assert withdrawn.path.endswith("/messages/@original") and withdrawn.status == 204
    assert fake.calls.index(withdrawn) < fake.calls.index(waiting)


def test_discord_ask_whose_cooldown_breaks_after_the_defer_is_told_sorry(
    fake: FakeDiscord,
    fresh_service: AnswerService,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    counted = _counted_after_defers(fake, monkeypatch, broken=True)

    async def scenario() -> None:
        async with running_bot(fresh_service, discord_settings(fake)) as client:
            fake.slash_ask(QUESTION, ASKER, ephemeral=True)
            await fake.wait_for(lambda: fake.posts("webhooks/"))
            await client.runner.settle()

    with caplog.at_level(logging.ERROR):
        asyncio.run(scenario())
    assert counted == [1]
    (defer,) = fake.posts("interactions/")
    assert defer.body["type"] == 5 and defer.body["data"]["flags"] & 64
    (told,) = fake.messages()
    assert told.body["content"] == messages.SORRY and told.response["flags"] & 64
    assert "the cooldown's database went away" in caplog.text


def test_discord_ask_while_shutting_down_is_told_at_once(
    fake: FakeDiscord, fresh_service: AnswerService
) -> None:
    """Shutting down needs no I/O to know: said as the interaction's response, no "thinking…"."""

    async def scenario() -> None:
        async with running_bot(fresh_service, discord_settings(fake)) as client:
            client.runner.closing = True
            try:
                fake.slash_ask(QUESTION, ASKER)
                await fake.wait_for(lambda: fake.posts("interactions/"))
            finally:
                client.runner.closing = False

    asyncio.run(scenario())
    (told,) = fake.posts("interactions/")
    assert told.body["type"] == 4 and told.body["data"]["flags"] & 64
    assert told.body["data"]["content"] == messages.CLOSING


@pytest.mark.parametrize("private", [False, True], ids=["more-sources", "share"])
def test_discord_more_sources_or_share_over_the_cooldown_is_deferred_first_and_told_privately(
    private: bool,
    fake: FakeDiscord,
    fresh_service: AnswerService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A re-ask counts against the cooldown too: counted after the click is acknowledged, and
    its "please wait" seen by the clicker alone (a public "thinking…" withdrawn first)."""
    counted = _counted_after_defers(fake, monkeypatch)

    async def scenario() -> None:
        async with running_bot(fresh_service, discord_settings(fake, cooldown_questions=1)):
            fake.slash_ask(QUESTION, ASKER, ephemeral=private)
            (answer,) = await fake.wait_for(lambda: fake.posts("webhooks/"))
            # More sources on the public answer; Share on the private one.
            fake.click(answer.response, custom_ids(answer)[2 if not private else -1], ASKER)
            await fake.wait_for(lambda: len(fake.messages()) == 2)

    asyncio.run(scenario())
    assert counted == [1, 2]  # the click acknowledged before its cooldown was counted
    _, click = fake.posts("interactions/")
    assert click.body["type"] == (6 if private else 5)  # Share posts anew: no "thinking…"
    _, waiting = fake.messages()
    assert "please wait" in waiting.body["content"] and waiting.response["flags"] & 64
    withdrawn = [c for c in fake.posts("webhooks/") if c.method == "DELETE"]
    assert len(withdrawn) == (0 if private else 1)
