"""One decision for both platforms: is this message a question for the bot (issue 14, item 2)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from bot.chat.decide import Action, Earlier, decide, thanks_to_the_bot
from bot.chat.message import ChatMessage, Platform
from bot.embedding import Embedder
from bot.service import AnswerService
from bot.settings import DiscordSettings, SlackSettings
from bot.slack.parse import parse_message
from tests.fake_discord import (
    ASKER,
    CHANNEL_ID,
    MENTION,
    FakeDiscord,
    discord_settings,
    running_bot,
    started_fake,
)
from tests.fake_slack import BOT_USER_ID, FakeSlack, SlackHarness

QUESTION = "Who is Amazon partnering with on batteries?"
TOP = ChatMessage(
    platform=Platform.SLACK,
    text=QUESTION,
    author="A1",
    conversation="c",
    channel_ids=("CHAN",),
)
IN_THREAD = replace(TOP, channel_ids=("THREAD", "CHAN"), in_thread=True)
AUTO = replace(TOP, channel_ids=("AUTO",), auto_answer_here=True)

# (case, message, settings overrides, action)
CASES = [
    ("a bot or a system message", replace(TOP, from_person=False), {}, Action.IGNORE),
    ("a DM", replace(TOP, is_dm=True), {}, Action.CONTINUE),
    ("a DM, whatever the allowlist", replace(TOP, is_dm=True), {"allowed": "X"}, Action.CONTINUE),
    ("a mention", replace(TOP, mentions_bot=True), {}, Action.ANSWER),
    (
        "a mention and a broadcast",
        replace(TOP, mentions_bot=True, broadcast=True),
        {},
        Action.ANSWER,
    ),
    (
        "a mention outside the allowlist",
        replace(TOP, mentions_bot=True),
        {"allowed": "X"},
        Action.NOT_ENABLED,
    ),
    ("a mention in a thread", replace(IN_THREAD, mentions_bot=True), {}, Action.CONTINUE),
    (
        "a mention in an allowed channel's thread",
        replace(IN_THREAD, mentions_bot=True),
        {"allowed": "CHAN"},
        Action.CONTINUE,
    ),
    ("a thread reply that asks", IN_THREAD, {}, Action.FOLLOW_UP),
    (
        "a thread reply that asks nothing",
        replace(IN_THREAD, text="ok, interesting"),
        {},
        Action.IGNORE,
    ),
    (
        "a thread reply asking for more",
        replace(IN_THREAD, text="tell me more"),
        {},
        Action.FOLLOW_UP,
    ),
    # The runner replies to it only for the asker the bot answered last there, once.
    ("a thanks in a thread", replace(IN_THREAD, text="thanks, that helps"), {}, Action.THANKS),
    (
        "a thanks as a reply",
        replace(TOP, text="ty!! 🙏", replies_to_answer="a1"),
        {},
        Action.THANKS,
    ),
    ("an acknowledgement in a thread", replace(IN_THREAD, text="lol ok"), {}, Action.IGNORE),
    ("a goodbye in a thread", replace(IN_THREAD, text="bye all"), {}, Action.IGNORE),
    ("a thanks declined in a thread", replace(IN_THREAD, text="no thanks"), {}, Action.IGNORE),
    (
        "a thanks to a colleague in a thread",
        replace(IN_THREAD, text="thanks!", mentions_others=True),
        {},
        Action.IGNORE,
    ),
    ("a thread reply to a colleague", replace(IN_THREAD, mentions_others=True), {}, Action.IGNORE),
    ("a thread reply to everyone (item 2)", replace(IN_THREAD, broadcast=True), {}, Action.IGNORE),
    ("a thread reply outside the allowlist", IN_THREAD, {"allowed": "X"}, Action.IGNORE),
    ("a reply to an answer that asks", replace(TOP, replies_to_answer="a1"), {}, Action.FOLLOW_UP),
    (
        "a reply to an answer, to a colleague",
        replace(TOP, replies_to_answer="a1", mentions_others=True),
        {},
        Action.IGNORE,
    ),
    (
        "a mentioned reply to an answer",
        replace(TOP, replies_to_answer="a1", mentions_bot=True),
        {},
        Action.CONTINUE,
    ),
    # Session 20: a reply to the bot's greeting or note (no answer, tags no one) is to the bot.
    ("a reply to the bot that asks", replace(TOP, replies_to_bot=True), {}, Action.ANSWER),
    (
        "a reply to the bot in a thread that asks",
        replace(IN_THREAD, replies_to_bot=True),
        {},
        Action.CONTINUE,
    ),
    (
        "a reply to the bot that asks nothing",
        replace(TOP, text="ok cool", replies_to_bot=True),
        {},
        Action.IGNORE,
    ),
    (
        "a reply to the bot, to a colleague",
        replace(TOP, replies_to_bot=True, mentions_others=True),
        {},
        Action.IGNORE,
    ),
    (
        "a reply to the bot outside the allowlist",
        replace(TOP, replies_to_bot=True),
        {"allowed": "X"},
        Action.IGNORE,
    ),
    ("a question in an auto-answer channel", AUTO, {}, Action.ANSWER),
    (
        "a broadcast in an auto-answer channel (item 2)",
        replace(AUTO, broadcast=True),
        {},
        Action.IGNORE,
    ),
    (
        "a colleague tagged in an auto-answer channel",
        replace(AUTO, mentions_others=True),
        {},
        Action.IGNORE,
    ),
    ("chatter in an auto-answer channel", replace(AUTO, text="great news"), {}, Action.ANSWER),
    (
        "chatter, questions only",
        replace(AUTO, text="great news"),
        {"questions_only": True},
        Action.IGNORE,
    ),
    ("a question, questions only", AUTO, {"questions_only": True}, Action.ANSWER),
    ("nothing but markup in an auto-answer channel", replace(AUTO, text=" "), {}, Action.IGNORE),
    ("a top-level message nobody addressed to the bot", TOP, {}, Action.IGNORE),
]


def _settings(platform: Platform, allowed: str = "", questions_only: bool = False):
    cls = SlackSettings if platform is Platform.SLACK else DiscordSettings
    values = {"allowed_channels": allowed, "auto_answer_questions_only": questions_only}
    return cls(_env_file=None, **{k: v for k, v in values.items() if v})  # type: ignore[call-arg]


@pytest.mark.parametrize("platform", list(Platform))
@pytest.mark.parametrize(
    ("case", "message", "overrides", "action"), CASES, ids=[c[0] for c in CASES]
)
def test_the_decision_is_the_same_on_both_platforms(
    platform: Platform, case: str, message: ChatMessage, overrides: dict, action: Action
) -> None:
    decision = decide(replace(message, platform=platform), _settings(platform, **overrides))
    assert decision.action is action, decision.why
    assert decision.why


BOT, ASKING, OTHER = Earlier("B", "the pledge …", True), "A1", "C2"
# (case, the thread before a thanks from ASKING, newest first, whether the thanks is the bot's)
THANKED = [
    ("right after the answer", [BOT], True),
    ("after the asker's own words", [Earlier(ASKING, "hmm, let me check", False), BOT], True),
    ("after another's small talk", [Earlier(OTHER, "lol 😂", False), BOT], True),
    ("after another's emoji (Slack's markup)", [Earlier(OTHER, ":+1:", False), BOT], True),
    ("after another's answer", [Earlier(OTHER, "it's in the 2019 report", False), BOT], False),
    ("after another's screenshot", [Earlier(OTHER, "", False), BOT], False),
    ("after another's question", [Earlier(OTHER, "<@A1> which page?", False), BOT], False),
    ("another answered before the bot did", [BOT, Earlier(OTHER, "no idea", False)], True),
    ("nothing read back to the bot", [Earlier(ASKING, "ok", False)], True),
]


@pytest.mark.parametrize(("case", "earlier", "ours"), THANKED, ids=[c[0] for c in THANKED])
def test_a_thanks_is_the_bot_s_unless_someone_else_answered_since(
    case: str, earlier: list[Earlier], ours: bool
) -> None:
    assert thanks_to_the_bot(earlier, ASKING, Platform.SLACK) is ours


def test_slack_parses_broadcasts_and_tags_into_the_record() -> None:
    settings = SlackSettings(_env_file=None, auto_answer_channels="CAUTO")  # type: ignore[call-arg]
    event = {"type": "message", "user": "U1", "ts": "2.0", "channel": "CAUTO"}
    for text in ("<!here> who?", "<!channel|channel> who?", "<!everyone> who?"):
        record = parse_message({**event, "text": text}, BOT_USER_ID, settings)
        assert record.broadcast and not record.mentions_others and record.auto_answer_here
    group = parse_message({**event, "text": "<!subteam^S1|@team> who?"}, BOT_USER_ID, settings)
    assert group.mentions_others and not group.broadcast
    mention = parse_message({**event, "text": f"<@{BOT_USER_ID}> who?"}, BOT_USER_ID, settings)
    assert mention.mentions_bot and not mention.mentions_others
    reply = parse_message({**event, "text": "who?", "thread_ts": "1.0"}, BOT_USER_ID, settings)
    assert (
        reply.in_thread and not reply.auto_answer_here and reply.conversation == "slack:CAUTO:1.0"
    )


@pytest.fixture
def fresh_service(shipped_settings, embedder: Embedder, tmp_path: Path) -> AnswerService:
    return AnswerService(shipped_settings.model_copy(update={"db_path": tmp_path / "q"}), embedder)


@pytest.fixture
def slack_fake() -> Iterator[FakeSlack]:
    fake = FakeSlack()
    yield fake
    fake.close()


def test_slack_leaves_broadcasts_in_threads_and_auto_answer_channels_to_the_people(
    fresh_service: AnswerService, slack_fake: FakeSlack
) -> None:
    slack = SlackHarness(fresh_service, slack_fake, auto_answer_channels="CAUTO")
    try:
        root = "1700000200.000001"
        slack.mention(QUESTION, ts=root)
        slack_fake.wait_for("chat.postMessage")
        for n, ping in enumerate(("<!here>", "<!channel>", "<!everyone>"), start=2):
            slack.message(
                f"{ping} and by when?", channel="C1", ts=f"1700000200.00000{n}", thread_ts=root
            )
            slack.message(f"{ping} {QUESTION}", channel="CAUTO", ts=f"1700000201.00000{n}")
        slack.drain()
        assert len(slack_fake.of("chat.postMessage")) == 1  # only the mention's answer
        slack.message(QUESTION, channel="CAUTO", ts="1700000202.000001")  # no broadcast: answered
        slack.drain()
    finally:
        slack.close()
    assert [p.params["channel"] for p in slack_fake.of("chat.postMessage")] == ["C1", "CAUTO"]


def test_discord_leaves_broadcasts_in_auto_answer_channels_to_the_people(
    monkeypatch: pytest.MonkeyPatch, fresh_service: AnswerService
) -> None:
    async def scenario(fake: FakeDiscord) -> None:
        settings = discord_settings(fake, auto_answer_channels=str(CHANNEL_ID))
        async with running_bot(fresh_service, settings) as client:
            fake.message_create(f"@here {QUESTION}", ASKER, mention_everyone=True)
            fake.message_create(f"@everyone {QUESTION}", ASKER)  # typed without the permission
            fake.message_create(f"{MENTION} @everyone {QUESTION}", ASKER, mentions_bot=True)
            await fake.wait_for(fake.messages)
            await client.runner.settle()

    with started_fake(monkeypatch) as fake:
        asyncio.run(scenario(fake))
        assert len(fake.messages()) == 1  # only the message that mentions the bot
