"""The chat runner both adapters share: cooldown, drain, de-duplication, never silent."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.chat import messages
from bot.chat.message import Platform
from bot.chat.runner import AnswerRunner
from bot.embedding import Embedder
from bot.service import AnswerService
from bot.settings import SlackSettings
from tests.fake_slack import FakeSlack, SlackHarness, texts

QUESTION = "Who is Amazon partnering with on batteries?"


def _runner(service: AnswerService, **settings: object) -> AnswerRunner:
    chat = SlackSettings(_env_file=None, **settings)  # type: ignore[call-arg]
    return AnswerRunner(service, Platform.SLACK, chat)


def test_the_cooldown_counts_per_user_within_its_window(service: AnswerService) -> None:
    runner = _runner(service, cooldown_questions=2, cooldown_seconds=10)

    def refusal(user: str, now: float) -> str | None:
        return asyncio.run(runner.refusal(user, now=now))

    assert refusal("U1", now=1000.0) is None
    assert refusal("U1", now=1001.0) is None
    wait = refusal("U1", now=1002.0)
    assert wait == messages.please_wait(8)  # the window opened at the first question
    assert refusal("U2", now=1002.0) is None  # another user is not held back
    assert refusal("U1", now=1011.0) is None  # a new window


def test_redeliveries_go_through_the_injected_claim(service: AnswerService) -> None:
    class Claims:
        def __init__(self) -> None:
            self.offered: list[object] = []

        def first_time(self, key: object) -> bool:
            self.offered.append(key)
            return self.offered.count(key) == 1

    claims = Claims()
    runner = AnswerRunner(service, Platform.DISCORD, SlackSettings(_env_file=None), seen=claims)  # type: ignore[call-arg]
    assert asyncio.run(runner.first_time("message 1"))
    assert not asyncio.run(runner.first_time("message 1"))
    assert claims.offered == ["message 1", "message 1"]


def test_drain_finishes_work_in_flight_and_then_refuses_politely(service: AnswerService) -> None:
    runner = _runner(service)
    finished: list[str] = []

    async def slow_answer() -> None:
        await runner.run(lambda: None)
        await asyncio.sleep(0.05)
        finished.append("answered")

    async def scenario() -> str | None:
        runner.spawn(slow_answer())
        await runner.drain()
        return await runner.refusal("U1")

    assert asyncio.run(scenario()) == messages.CLOSING
    assert finished == ["answered"]


def test_never_silent_tells_the_asker_and_logs_once(
    service: AnswerService, caplog: pytest.LogCaptureFixture
) -> None:
    runner = _runner(service)
    told: list[str] = []

    async def tell(text: str) -> None:
        told.append(text)

    async def broken_tell(text: str) -> None:
        raise RuntimeError("the platform is gone too")

    async def scenario() -> None:
        async with runner.never_silent("a question", tell):
            raise ValueError("a malformed response")
        async with runner.never_silent("another question", broken_tell):
            raise KeyError("id")

    with caplog.at_level(logging.INFO, logger="bot.chat.runner"):
        asyncio.run(scenario())  # nothing escapes to the adapter
    assert told == [messages.SORRY]
    failed = [r for r in caplog.records if "failed" in r.getMessage()]
    assert len(failed) == 2 and "malformed response" in failed[0].exc_text
    assert "could not tell the asker either" in caplog.text


@pytest.fixture
def slack_fake() -> Iterator[FakeSlack]:
    fake = FakeSlack()
    yield fake
    fake.close()


def test_a_slack_asker_over_the_cooldown_is_asked_to_wait(
    shipped_settings, embedder: Embedder, tmp_path: Path, slack_fake: FakeSlack
) -> None:
    fresh = AnswerService(shipped_settings.model_copy(update={"db_path": tmp_path / "q"}), embedder)
    slack = SlackHarness(fresh, slack_fake, cooldown_questions=2)
    try:
        for n in range(3):
            slack.mention(QUESTION, ts=f"1700000300.00000{n}")
        slack.drain()
        # /ask counts too: acked at once, told to wait by its response URL (4f2a02c)
        refused = slack.command(QUESTION, name="cmd")
        [waiting] = slack_fake.wait_for("respond/cmd")
    finally:
        slack.close()
    assert len(slack_fake.of("chat.postMessage")) == 2
    [told] = slack_fake.of("chat.postEphemeral")
    assert "please wait" in texts(told.params) and told.params["user"] == "U1"
    assert (refused.status, refused.body) == (200, "")
    assert "please wait" in texts(waiting.params)
