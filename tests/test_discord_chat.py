"""In chat: auto-answer channels and forums, answers in threads, follow-ups (in threads and as
replies), the working signal, failures the asker sees, "Ask a human", "Share in channel" and
passage votes. The real discord.py client against the local fake Discord
(tests/fake_discord.py)."""

from __future__ import annotations

import asyncio
import datetime
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import discord
import pytest

from bot.chat import messages
from bot.chat.messages import SORRY
from bot.embedding import Embedder
from bot.service import AnswerService
from bot.settings import Settings
from tests.fake_discord import (
    ASKER,
    BOT_USER,
    CHANNEL_ID,
    DM_CHANNEL_ID,
    FORUM_ID,
    GUILD_ID,
    HUMAN_ROLE_ID,
    MENTION,
    MISSING_PERMISSIONS,
    NEWS_CHANNEL_ID,
    RATE_LIMITED,
    SECOND_CHANNEL_ID,
    THREAD_EXISTS,
    THREAD_ID,
    TOKEN,
    Call,
    FakeDiscord,
    custom_ids,
    discord_settings,
    embed_of,
    no_pings,
    running_bot,
    started_fake,
    user,
)

BOB = user(700000000000000002, "bob")
QUESTION = "Who is Amazon partnering with on batteries?"


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeDiscord]:
    with started_fake(monkeypatch) as server:
        yield server


@pytest.fixture
def bot_service(shipped_settings: Settings, embedder: Embedder, tmp_path: Path) -> AnswerService:
    """The shipped index with a query log of this test's own."""
    settings = shipped_settings.model_copy(update={"db_path": tmp_path / "log.sqlite3"})
    service = AnswerService(settings, embedder)
    service.warm_up()
    return service


def replies_to(fake: FakeDiscord, message: dict[str, Any]) -> list[Call]:
    return [
        c
        for c in fake.messages()
        if str((c.body.get("message_reference") or {}).get("message_id")) == message["id"]
    ]


def threads_started(fake: FakeDiscord) -> list[Call]:
    return [c for c in fake.posts("channels/") if c.path.endswith("/threads")]


def in_thread_on(fake: FakeDiscord, message: dict[str, Any]) -> list[Call]:
    """What the bot posted in the thread started on `message` (the thread has its id)."""
    return [c for c in fake.messages() if c.path == f"channels/{message['id']}/messages"]


def in_channel(fake: FakeDiscord, channel_id: int) -> list[Call]:
    return [c for c in fake.messages() if c.path == f"channels/{channel_id}/messages"]


def run(scenario: Any) -> Any:
    """Run an async scenario; the bot is closed (in-flight answers drained) when it returns."""
    return asyncio.run(scenario())


# --- where the bot answers ---------------------------------------------------------------


def test_auto_answer_channel_answers_in_a_thread_on_the_question_and_other_channels_stay_quiet(
    fake: FakeDiscord, bot_service: AnswerService
):
    settings = discord_settings(fake, auto_answer_channels=f"{CHANNEL_ID}")

    async def scenario() -> dict[str, Any]:
        async with running_bot(bot_service, settings):
            fake.message_create(QUESTION, ASKER, channel_id=SECOND_CHANNEL_ID)  # not auto
            fake.message_create(f"<@{BOB['id']}> {QUESTION}", ASKER, mentions=[BOB])  # to Bob
            fake.message_create(QUESTION, ASKER, kind=7)  # a system message ("joined")
            asked = fake.message_create(QUESTION, ASKER)
            await fake.wait_for(fake.messages)
            return asked

    asked = run(scenario)
    (started,) = threads_started(fake)
    assert started.path == f"channels/{CHANNEL_ID}/messages/{asked['id']}/threads"
    assert started.status == 201
    assert started.body["name"] == QUESTION
    assert started.body["auto_archive_duration"] == 1440  # the channel's default
    (answer,) = fake.messages()
    assert in_thread_on(fake, asked) == [answer]  # in the thread, under the question
    assert "message_reference" not in answer.body
    no_pings(answer)
    assert embed_of(answer)["title"] == QUESTION
    answers = bot_service.query_log.stats()["questions"]
    assert answers == 1


def test_forum_post_in_an_auto_answer_forum_is_answered_in_its_thread(
    fake: FakeDiscord, bot_service: AnswerService
):
    settings = discord_settings(fake, auto_answer_channels=f"{FORUM_ID}")

    async def scenario() -> dict[str, Any]:
        async with running_bot(bot_service, settings):
            post = fake.forum_post("Battery partners?", "Who supplies Amazon's batteries?", ASKER)
            await fake.wait_for(fake.messages)
            return post

    post = run(scenario)
    (reply,) = fake.messages()  # the post's first message is not answered a second time
    assert reply.path == f"channels/{post['id']}/messages"
    no_pings(reply)
    assert embed_of(reply)["title"] == "Battery partners? Who supplies Amazon's batteries?"
    assert embed_of(reply)["fields"]
    conversation = bot_service.query_log.conversation_questions(f"discord:{post['id']}")
    assert conversation == ["Battery partners? Who supplies Amazon's batteries?"]


def test_a_forum_post_whose_message_cannot_be_read_is_answered_by_its_title(
    fake: FakeDiscord, bot_service: AnswerService, caplog: pytest.LogCaptureFixture
):
    """The post's first message can arrive after its thread, or not be readable at all (a
    permission, an outage): the title is asked alone, not the poster left without an answer."""
    fake.fail("channels/*/messages/*", 403, MISSING_PERMISSIONS, method="GET")
    settings = discord_settings(fake, auto_answer_channels=f"{FORUM_ID}")
    thread_id = 900000000000000001

    async def scenario() -> None:
        async with running_bot(bot_service, settings):
            post = fake.thread(thread_id, FORUM_ID, "Who supplies Amazon's batteries?", 700)
            fake.dispatch("THREAD_CREATE", post | {"newly_created": True})  # no message yet
            await fake.wait_for(fake.messages)

    with caplog.at_level(logging.WARNING, logger="bot.discord.handlers"):
        run(scenario)
    (reply,) = fake.messages()
    assert reply.path == f"channels/{thread_id}/messages"
    assert embed_of(reply)["title"] == "Who supplies Amazon's batteries?"
    assert embed_of(reply)["fields"]
    assert f"forum post {thread_id}: could not read its message" in caplog.text


def test_questions_only_mode_skips_chatter(fake: FakeDiscord, bot_service: AnswerService):
    settings = discord_settings(
        fake, auto_answer_channels=f"{CHANNEL_ID}", auto_answer_questions_only=True
    )

    async def scenario() -> dict[str, Any]:
        async with running_bot(bot_service, settings):
            fake.message_create("Great weather for a drive today", ASKER)
            asked = fake.message_create("where will the production lines be built", ASKER)
            await fake.wait_for(fake.messages)
            return asked

    asked = run(scenario)
    assert fake.messages() == in_thread_on(fake, asked) and len(fake.messages()) == 1


def test_allowlist_limits_every_channel_but_dms(fake: FakeDiscord, bot_service: AnswerService):
    settings = discord_settings(fake, allowed_channels=f"{SECOND_CHANNEL_ID}")

    async def scenario() -> dict[str, Any]:
        async with running_bot(bot_service, settings):
            # Blocked: the mentioner is told by DM (as on Slack, privately), the channel not.
            fake.message_create(f"{MENTION} {QUESTION}", ASKER, mentions_bot=True)
            fake.slash_ask(QUESTION, ASKER)  # blocked: told privately
            allowed = fake.message_create(
                f"{MENTION} {QUESTION}", ASKER, channel_id=SECOND_CHANNEL_ID, mentions_bot=True
            )
            fake.message_create(QUESTION, ASKER, channel_id=DM_CHANNEL_ID, dm=True)
            await fake.wait_for(lambda: len(fake.messages()) == 3 and fake.posts("interactions/"))
            return allowed

    allowed = run(scenario)
    assert sorted(c.path for c in fake.messages()) == sorted(
        [
            f"channels/{allowed['id']}/messages",  # the thread on the question in #random
            f"channels/{DM_CHANNEL_ID}/messages",  # the DM's answer
            f"channels/{DM_CHANNEL_ID}/messages",  # the blocked mention's note
        ]
    )
    dm = [c.body for c in fake.messages() if c.path == f"channels/{DM_CHANNEL_ID}/messages"]
    assert sum("not enabled in this channel" in (b.get("content") or "") for b in dm) == 1
    (started,) = threads_started(fake)
    assert started.path.startswith(f"channels/{SECOND_CHANNEL_ID}/")
    (refused,) = fake.posts("interactions/")
    assert refused.body["type"] == 4  # an immediate message, not an answer
    assert refused.body["data"]["flags"] & 64
    assert "not enabled in this channel" in refused.body["data"]["content"]
    assert not fake.posts("webhooks/")


# --- answers in threads, and replies to answers -------------------------------------------


def test_a_follow_up_in_the_thread_started_on_a_question_needs_no_mention(
    fake: FakeDiscord, bot_service: AnswerService
):
    first, follow_up = "Is Amazon making electric cars?", "and where will they build them?"

    async def scenario() -> tuple[dict[str, Any], dict[str, Any]]:
        async with running_bot(bot_service, discord_settings(fake)):
            asked = fake.message_create(f"{MENTION} {first}", ASKER, mentions_bot=True)
            await fake.wait_for(fake.messages)
            in_thread: dict[str, Any] = {"channel_id": int(asked["id"])}  # the thread's id
            fake.message_create("ok, interesting", ASKER, **in_thread)  # asks nothing
            followed = fake.message_create(follow_up, ASKER, **in_thread)
            await fake.wait_for(lambda: len(fake.messages()) == 2)
            return asked, followed

    asked, followed = run(scenario)
    (started,) = threads_started(fake)
    assert started.body["name"] == first  # the mention is not part of the name
    answer, second = fake.messages()
    assert in_thread_on(fake, asked) == [answer, second]
    assert replies_to(fake, followed) == [second]
    conversation = f"discord:{asked['id']}"
    assert bot_service.query_log.conversation_questions(conversation) == [first, follow_up]


def test_a_thanks_in_the_thread_is_replied_to_once_for_the_asker_and_never_for_others(
    fake: FakeDiscord, bot_service: AnswerService
):
    first = "Is Amazon making electric cars?"

    async def scenario() -> dict[str, Any]:
        async with running_bot(bot_service, discord_settings(fake)):
            asked = fake.message_create(f"{MENTION} {first}", ASKER, mentions_bot=True)
            await fake.wait_for(fake.messages)
            in_thread: dict[str, Any] = {"channel_id": int(asked["id"])}  # the thread's id
            fake.message_create("thanks!", BOB, **in_thread)  # Bob was not answered
            thanked = fake.message_create("thanks, that helps", ASKER, **in_thread)
            await fake.wait_for(lambda: len(fake.messages()) == 2)
            fake.message_create("thank you!!", ASKER, **in_thread)  # once per answer
            return thanked

    thanked = run(scenario)  # closing drains what is in flight: the counts are final
    _, reply = fake.messages()
    assert replies_to(fake, thanked) == [reply]
    assert embed_of(reply)["description"].startswith("You're welcome!")
    no_pings(reply)
    assert len(threads_started(fake)) == 1  # the question's; the thanks stays in it
    assert bot_service.query_log.conversation_questions(f"discord:{thanked['channel_id']}") == [
        first
    ]


def test_a_thanks_after_a_colleague_answered_in_the_thread_is_left_to_them(
    fake: FakeDiscord, bot_service: AnswerService
):
    first = "Is Amazon making electric cars?"

    def history_reads() -> list[Call]:
        return [c for c in fake.calls if c.method == "GET" and c.path.endswith("/messages")]

    async def scenario() -> list[dict[str, Any]]:
        async with running_bot(bot_service, discord_settings(fake)):
            asked = fake.message_create(f"{MENTION} {first}", ASKER, mentions_bot=True)
            await fake.wait_for(fake.messages)
            in_thread: dict[str, Any] = {"channel_id": int(asked["id"])}  # the thread's id
            fake.message_create("lol", BOB, **in_thread)  # answers nothing
            fake.message_create("hmm ok", ASKER, **in_thread)  # the asker's own words
            welcomed = fake.message_create("ty!", ASKER, **in_thread)  # still the bot's
            await fake.wait_for(lambda: len(fake.messages()) == 2)
            fake.message_create("and where will they build them?", ASKER, **in_thread)
            await fake.wait_for(lambda: len(fake.messages()) == 3)
            fake.message_create("the 2019 report says so too, page 4", BOB, **in_thread)
            fake.message_create("thanks!", ASKER, **in_thread)  # to Bob, who answered
            await fake.wait_for(lambda: len(history_reads()) == 2)
            # Unclaimed: when the thread cannot be read, a thanks is the bot's again, as before.
            fake.fail("channels/*/messages", 403, MISSING_PERMISSIONS, method="GET")
            again = fake.message_create("thank you so much", ASKER, **in_thread)
            await fake.wait_for(lambda: len(fake.messages()) == 4)
            return [welcomed, again]

    welcomed, again = run(scenario)  # closing drains what is in flight: the counts are final
    replies = fake.messages()
    assert len(replies) == 4
    assert replies_to(fake, welcomed) == [replies[1]] and replies_to(fake, again) == [replies[3]]
    for reply in (replies[1], replies[3]):
        assert embed_of(reply)["description"].startswith("You're welcome!")


def test_an_edit_that_adds_the_mention_is_answered_once_and_other_edits_are_left_alone(
    fake: FakeDiscord, bot_service: AnswerService
):
    settings = discord_settings(fake, auto_answer_channels=f"{SECOND_CHANNEL_ID}")

    async def scenario() -> dict[str, Any]:
        async with running_bot(bot_service, settings):
            forgot = fake.message_create(QUESTION, ASKER)  # no mention: not asked
            await asyncio.sleep(0.5)
            assert not fake.messages()
            tagged = fake.message_update(forgot, f"{MENTION} {QUESTION}", mentions_bot=True)
            await fake.wait_for(fake.messages)
            fake.message_update(tagged, f"{MENTION} {QUESTION} thanks", mentions_bot=True)
            answered = fake.message_create(QUESTION, ASKER, channel_id=SECOND_CHANNEL_ID)
            await fake.wait_for(lambda: len(fake.messages()) == 2)
            fake.message_update(answered, f"{MENTION} {QUESTION}", mentions_bot=True)
            fake.message_update(answered, "What did Amazon pledge about carbon?")
            return forgot

    forgot = run(scenario)  # closing drains what is in flight: the counts are final
    answer, _ = fake.messages()
    assert len(fake.messages()) == 2
    assert in_thread_on(fake, forgot) == [answer]
    assert "Panasonic" in embed_of(answer)["description"]


def test_an_edit_of_a_message_out_of_the_cache_that_adds_the_mention_is_answered_once(
    fake: FakeDiscord, bot_service: AnswerService
):
    """Messages from before the bot connected are in no cache: discord.py calls only
    on_raw_message_edit for their edits, with no "before" to compare."""
    two_hours_ago = discord.utils.utcnow() - datetime.timedelta(hours=2)
    forgot = fake.message_create(QUESTION, ASKER)  # sent while the bot was away
    old = fake.message_create(
        QUESTION, ASKER, message_id=str(discord.utils.time_snowflake(two_hours_ago))
    )
    unfurled = fake.message_create(f"{MENTION} {QUESTION}", ASKER, mentions_bot=True)
    asked = f"{MENTION} {QUESTION}"

    async def scenario() -> None:
        async with running_bot(bot_service, discord_settings(fake)):
            fake.message_update(old, asked, mentions_bot=True)  # older than any claim: left alone
            fake.message_update(unfurled, asked, mentions_bot=True, edited=False)  # no edit
            tagged = fake.message_update(forgot, asked, mentions_bot=True)
            await fake.wait_for(fake.messages)
            fake.message_update(tagged, f"{asked} thanks", mentions_bot=True)  # answered: once
            await asyncio.sleep(0.5)
        async with running_bot(bot_service, discord_settings(fake)):  # a restart: claims gone
            fake.message_update(tagged, f"{asked} ty", mentions_bot=True)  # still answered once
            await asyncio.sleep(0.5)

    run(scenario)  # closing drains what is in flight: the counts are final
    [answer] = fake.messages()
    assert in_thread_on(fake, forgot) == [answer]
    assert "Panasonic" in embed_of(answer)["description"]


def test_after_a_restart_an_edit_of_a_message_the_bot_replied_to_is_left_alone(
    fake: FakeDiscord, bot_service: AnswerService, caplog: pytest.LogCaptureFixture
):
    """Without a shared database a restart empties the claims, and the query log holds neither
    small talk nor a thread's follow-ups by their message: Discord's own record (the bot's reply
    to the message) says what was answered. A message the bot never saw is still taken up."""
    left_alone = "edited after the bot replied to it; left alone"

    async def scenario() -> tuple[dict[str, Any], ...]:
        async with running_bot(bot_service, discord_settings(fake)):
            hello = fake.message_create(f"{MENTION} hi", ASKER, mentions_bot=True)
            asked = fake.message_create(f"{MENTION} {QUESTION}", ASKER, mentions_bot=True)
            await fake.wait_for(lambda: len(fake.messages()) == 2)
            thread = int(asked["id"])
            follow_up = fake.message_create(
                f"{MENTION} and by when?", ASKER, channel_id=thread, mentions_bot=True
            )
            await fake.wait_for(lambda: len(fake.messages()) == 3)
        unseen = fake.message_create("and who else?", ASKER, channel_id=thread)  # bot away
        with caplog.at_level(logging.INFO, logger="bot.discord.handlers"):
            async with running_bot(bot_service, discord_settings(fake)):  # claims gone
                fake.message_update(hello, f"{MENTION} hi!", mentions_bot=True)
                fake.message_update(follow_up, f"{MENTION} and by when??", mentions_bot=True)
                await fake.wait_for(lambda: caplog.text.count(left_alone) == 2)
                fake.message_update(unseen, f"{MENTION} and who else?", mentions_bot=True)
                await fake.wait_for(lambda: len(fake.messages()) == 4)
        return hello, follow_up, unseen

    hello, follow_up, unseen = run(scenario)  # closing drains what is in flight
    assert len(fake.messages()) == 4
    [greeting] = replies_to(fake, hello)
    assert embed_of(greeting)["description"].startswith("Hello!")
    assert len(replies_to(fake, follow_up)) == 1
    [answer] = replies_to(fake, unseen)
    assert embed_of(answer)["fields"]


def test_after_a_restart_an_edit_of_a_message_answered_by_dm_is_left_alone(
    fake: FakeDiscord, bot_service: AnswerService, caplog: pytest.LogCaptureFixture
):
    """A reply the channel refused goes to the asker by DM, which is in no channel's history:
    the DM links the message, and after a restart (claims gone, no shared database) an edit of
    a greeted message or of a thread follow-up is left alone rather than answered by DM again.
    A message the bot never saw is still answered, once."""
    left_alone = "edited after the bot replied to it; left alone"

    def dms() -> list[Call]:
        return fake.posts(f"channels/{DM_CHANNEL_ID}/messages")

    async def scenario() -> tuple[dict[str, Any], ...]:
        async with running_bot(bot_service, discord_settings(fake)):
            asked = fake.message_create(f"{MENTION} {QUESTION}", ASKER, mentions_bot=True)
            await fake.wait_for(fake.messages)  # answered in a thread on it
            for refused in ("messages", "messages/*/threads"):
                fake.fail(f"channels/{CHANNEL_ID}/{refused}", 403, MISSING_PERMISSIONS)
            fake.fail(f"channels/{asked['id']}/messages", 403, MISSING_PERMISSIONS)
            hello = fake.message_create(f"{MENTION} hi", ASKER, mentions_bot=True)
            await fake.wait_for(lambda: len(dms()) == 1)
            follow_up = fake.message_create(
                f"{MENTION} and by when?", ASKER, channel_id=int(asked["id"]), mentions_bot=True
            )
            await fake.wait_for(lambda: len(dms()) == 2)
        unseen = fake.message_create("who leads?", ASKER)  # sent while the bot was away
        with caplog.at_level(logging.INFO, logger="bot.discord.handlers"):
            async with running_bot(bot_service, discord_settings(fake)):  # claims gone
                fake.message_update(hello, f"{MENTION} hi!", mentions_bot=True)
                fake.message_update(follow_up, f"{MENTION} and by when??", mentions_bot=True)
                await fake.wait_for(lambda: caplog.text.count(left_alone) == 2)
                fake.message_update(unseen, f"{MENTION} who leads?", mentions_bot=True)
                await fake.wait_for(lambda: len(dms()) == 3)
        return hello, follow_up, unseen

    hello, follow_up, unseen = run(scenario)  # closing drains what is in flight
    greeted, answered, told = dms()
    assert len(dms()) == 3
    for dm, message in ((greeted, hello), (answered, follow_up), (told, unseen)):
        link = f"https://discord.com/channels/{GUILD_ID}/{message['channel_id']}/{message['id']}"
        where = f"<#{message['channel_id']}>"
        note = messages.could_not_post(where, messages.NOT_ALLOWED, replying_to=link)
        assert dm.body["content"].startswith(note[:-1])
    assert embed_of(greeted)["description"].startswith("Hello!")
    assert embed_of(answered)["fields"] and embed_of(told)["fields"]


def test_a_dm_with_no_words_gets_a_short_visible_reply(
    fake: FakeDiscord, bot_service: AnswerService
):
    dm: dict[str, Any] = {"channel_id": DM_CHANNEL_ID, "dm": True}

    async def scenario() -> list[dict[str, Any]]:
        async with running_bot(bot_service, discord_settings(fake)):
            sent = [fake.message_create("👍", ASKER, **dm)]  # only an emoji
            sent.append(fake.message_create("<:rivian:1234567>", ASKER, **dm))  # a custom one
            sticker = {"id": "800000000000000001", "name": "wave", "format_type": 1}
            sent.append(fake.message_create("", ASKER, sticker_items=[sticker], **dm))
            image = {
                "id": "800000000000000002",
                "filename": "chart.png",
                "size": 1024,
                "url": "https://cdn.example/chart.png",
                "proxy_url": "https://media.example/chart.png",
            }
            sent.append(fake.message_create("", ASKER, attachments=[image], **dm))
            sent.append(fake.message_create("👋", ASKER, **dm))  # a wave: hello
            await fake.wait_for(lambda: len(fake.messages()) == 5)
            return sent

    emoji, custom, sticker, image, wave = run(scenario)
    for message in (emoji, custom):
        [acknowledged] = replies_to(fake, message)
        assert embed_of(acknowledged)["description"].startswith("All right!")
    [greeted] = replies_to(fake, wave)
    assert embed_of(greeted)["description"].startswith("Hello!")
    for message in (sticker, image):  # told what the bot reads (session 29)
        [note] = replies_to(fake, message)
        assert note.body["content"] == messages.NO_WORDS


def test_with_answer_in_threads_off_the_answer_is_a_reply_as_before(
    fake: FakeDiscord, bot_service: AnswerService
):
    settings = discord_settings(fake, auto_answer_channels=f"{CHANNEL_ID}", answer_in_threads=False)

    async def scenario() -> dict[str, Any]:
        async with running_bot(bot_service, settings):
            asked = fake.message_create(QUESTION, ASKER)
            await fake.wait_for(fake.messages)
            return asked

    asked = run(scenario)
    assert not threads_started(fake)
    (reply,) = fake.messages()
    assert replies_to(fake, asked) == [reply]
    assert reply.path == f"channels/{CHANNEL_ID}/messages"
    assert reply.body["message_reference"]["fail_if_not_exists"] is False
    no_pings(reply)
    assert embed_of(reply)["title"] == QUESTION


@pytest.mark.parametrize(
    ("status", "data"),
    [(403, MISSING_PERMISSIONS), (400, THREAD_EXISTS)],
    ids=["no-create-threads-permission", "thread-already-on-the-message"],
)
def test_a_thread_discord_refuses_falls_back_to_a_reply(
    fake: FakeDiscord,
    bot_service: AnswerService,
    caplog: pytest.LogCaptureFixture,
    status: int,
    data: dict[str, Any],
):
    fake.fail(f"channels/{CHANNEL_ID}/messages/*/threads", status, data)
    settings = discord_settings(fake, auto_answer_channels=f"{CHANNEL_ID}")

    async def scenario() -> dict[str, Any]:
        async with running_bot(bot_service, settings):
            asked = fake.message_create(QUESTION, ASKER)
            await fake.wait_for(fake.messages)
            return asked

    with caplog.at_level(logging.INFO):
        asked = run(scenario)
    (started,) = threads_started(fake)
    assert started.status == status
    (reply,) = fake.messages()
    assert replies_to(fake, asked) == [reply]
    assert reply.path == f"channels/{CHANNEL_ID}/messages"
    assert embed_of(reply)["title"] == QUESTION  # the answer itself, not a notice
    paths = [c.path for c in fake.posts()]
    assert paths.index(f"channels/{CHANNEL_ID}/typing") < paths.index(reply.path)
    told = f"message {asked['id']}: could not start a thread ({status} (code {data['code']})"
    assert told in caplog.text
    assert TOKEN not in caplog.text


def test_an_announcement_channel_keeps_the_reply(
    fake: FakeDiscord, bot_service: AnswerService, caplog: pytest.LogCaptureFixture
):
    async def scenario() -> dict[str, Any]:
        async with running_bot(bot_service, discord_settings(fake)):
            asked = fake.message_create(
                f"{MENTION} {QUESTION}", ASKER, channel_id=NEWS_CHANNEL_ID, mentions_bot=True
            )
            await fake.wait_for(fake.messages)
            return asked

    with caplog.at_level(logging.INFO):
        asked = run(scenario)
    assert not threads_started(fake)
    (reply,) = fake.messages()
    assert replies_to(fake, asked) == [reply]
    assert reply.path == f"channels/{NEWS_CHANNEL_ID}/messages"
    assert f"message {asked['id']}: no threads in a news channel" in caplog.text


def test_a_thread_name_is_the_question_without_its_mentions(
    fake: FakeDiscord, bot_service: AnswerService
):
    question = (
        f"Did Tesla fans ping @everyone and <@{BOB['id']}> about the **Amazon** car, "
        "and what did Amazon say about its electric vehicle plans at the time?"
    )

    async def scenario() -> dict[str, Any]:
        async with running_bot(bot_service, discord_settings(fake)):
            asked = fake.message_create(
                f"{MENTION} {question}", ASKER, mentions_bot=True, mentions=[BOB]
            )
            await fake.wait_for(fake.messages)
            return asked

    asked = run(scenario)
    (started,) = threads_started(fake)
    name = started.body["name"]
    assert len(name) == 100 and name.endswith("…")  # Discord's limit for a thread name
    # Mentions are taken out of the question (and `thread_name` makes any left inert).
    assert "@everyone" not in name and f"<@{BOB['id']}>" not in name and BOB["id"] not in name
    assert name.startswith("Did Tesla fans")
    assert len(in_thread_on(fake, asked)) == 1


def test_small_talk_is_replied_to_in_place_and_a_question_still_gets_a_thread(
    fake: FakeDiscord, bot_service: AnswerService
):
    async def scenario() -> tuple[dict[str, Any], dict[str, Any]]:
        async with running_bot(bot_service, discord_settings(fake)):
            greeted = fake.message_create(f"{MENTION} hi there!", ASKER, mentions_bot=True)
            await fake.wait_for(fake.messages)
            asked = fake.message_create(f"{MENTION} {QUESTION}", ASKER, mentions_bot=True)
            await fake.wait_for(lambda: len(fake.messages()) == 2)
            return greeted, asked

    greeted, asked = run(scenario)
    (started,) = threads_started(fake)  # the question's, none named "hi there!"
    assert started.path == f"channels/{CHANNEL_ID}/messages/{asked['id']}/threads"
    (reply,) = replies_to(fake, greeted)
    assert reply.path == f"channels/{CHANNEL_ID}/messages"  # in the channel, under the greeting
    assert embed_of(reply)["description"].startswith("Hello! I answer questions about")
    assert "title" not in embed_of(reply)
    no_pings(reply)
    (answer,) = in_thread_on(fake, asked)
    assert embed_of(answer)["title"] == QUESTION


def test_small_talk_the_channel_refuses_is_sent_by_dm(
    fake: FakeDiscord, bot_service: AnswerService
):
    fake.fail(f"channels/{CHANNEL_ID}/messages", 403, MISSING_PERMISSIONS)

    async def scenario() -> None:
        async with running_bot(bot_service, discord_settings(fake)):
            thanks = fake.message_create(f"{MENTION} thanks!", ASKER, mentions_bot=True)
            await fake.wait_for(lambda: fake.posts(f"channels/{DM_CHANNEL_ID}/messages"))
            return thanks

    thanks = run(scenario)
    assert not threads_started(fake)
    (dm,) = fake.posts(f"channels/{DM_CHANNEL_ID}/messages")
    link = f"https://discord.com/channels/{GUILD_ID}/{CHANNEL_ID}/{thanks['id']}"
    told = messages.could_not_post(f"<#{CHANNEL_ID}>", messages.NOT_ALLOWED, replying_to=link)
    assert dm.body["content"].startswith(told[:-1])
    assert embed_of(dm)["description"].startswith("You're welcome!")


def test_a_reply_to_an_answer_follows_it_up_with_its_context(
    fake: FakeDiscord, bot_service: AnswerService
):
    first, follow_up = "Is Amazon making electric cars?", "and where will they build them?"
    settings = discord_settings(
        fake, auto_answer_channels=f"{CHANNEL_ID}", human_role=HUMAN_ROLE_ID
    )

    async def scenario() -> tuple[dict[str, Any], dict[str, Any]]:
        async with running_bot(bot_service, settings):
            command = fake.slash_ask(first, ASKER)  # /ask answers in the channel itself
            (answer,) = await fake.wait_for(lambda: fake.posts("webhooks/"))
            original = answer.response
            fake.message_create("ok, interesting", ASKER, reply_to=original)  # asks nothing
            fake.message_create(f"<@{BOB['id']}> where will they build them?", ASKER,
                                mentions=[BOB], reply_to=original)  # fmt: skip
            asked = fake.message_create(follow_up, ASKER, reply_to=original)  # no mention
            await fake.wait_for(lambda: in_channel(fake, CHANNEL_ID))
            fake.click(original, custom_ids(answer)[3], ASKER)  # Ask a human
            await fake.wait_for(lambda: len(fake.posts("webhooks/")) == 2)
            fake.message_create("and by when will they build them?", ASKER, reply_to=original)
            return command, asked

    command, asked = run(scenario)  # closing drains what is in flight: the counts are final
    assert not threads_started(fake)  # none was taken for a new question
    (reply,) = in_channel(fake, CHANNEL_ID)  # and after the hand-off, none was answered
    assert replies_to(fake, asked) == [reply]
    assert embed_of(reply)["title"] == follow_up
    no_pings(reply)
    conversation = f"discord:{command['id']}"  # the /ask answer's conversation
    assert bot_service.query_log.conversation_questions(conversation) == [first, follow_up]


def test_a_reply_to_the_bots_greeting_that_asks_is_answered(
    fake: FakeDiscord, bot_service: AnswerService
):
    """ "Hello! … ask about X" invites a question: the asker's reply to it is asked of the bot,
    with no mention needed; a reply that asks nothing is left alone."""

    async def scenario() -> dict[str, Any]:
        async with running_bot(bot_service, discord_settings(fake)):
            fake.message_create(f"{MENTION} hi", ASKER, mentions_bot=True)
            (greeted,) = await fake.wait_for(fake.messages)
            fake.message_create("cool", ASKER, reply_to=greeted.response)  # asks nothing
            asked = fake.message_create(QUESTION, ASKER, reply_to=greeted.response)
            await fake.wait_for(lambda: len(fake.messages()) == 2)
            return asked

    asked = run(scenario)  # closing drains what is in flight: the counts are final
    assert embed_of(fake.messages()[0])["description"].startswith("Hello!")
    assert len(fake.messages()) == 2
    [answer] = in_thread_on(fake, asked)  # asked of the bot, as a mention is: in a thread
    assert "Panasonic" in embed_of(answer)["description"]
    no_pings(answer)


# --- follow-ups in threads ---------------------------------------------------------------


def test_a_question_in_a_thread_after_the_bots_greeting_is_answered_without_a_mention(
    fake: FakeDiscord, bot_service: AnswerService
):
    in_thread: dict[str, Any] = {"channel_id": THREAD_ID}

    async def scenario() -> dict[str, Any]:
        async with running_bot(bot_service, discord_settings(fake)):
            fake.message_create(f"{MENTION} hi", ASKER, mentions_bot=True, **in_thread)
            await fake.wait_for(fake.messages)  # "Hello! … ask about …": nothing logged
            asked = fake.message_create(QUESTION, ASKER, **in_thread)  # no mention
            await fake.wait_for(lambda: len(fake.messages()) == 2)
            return asked

    asked = run(scenario)  # closing drains what is in flight: the counts are final
    greeting, answer = fake.messages()
    assert embed_of(greeting)["description"].startswith("Hello!")
    assert replies_to(fake, asked) == [answer]
    assert "Panasonic" in embed_of(answer)["description"]
    assert bot_service.query_log.conversation_questions(f"discord:{THREAD_ID}") == [QUESTION]


def test_thread_follow_ups_skip_replies_to_others_and_bots(
    fake: FakeDiscord, bot_service: AnswerService
):
    first, follow_up = "Is Amazon making electric cars?", "and where will they build them?"

    async def scenario() -> dict[str, Any]:
        async with running_bot(bot_service, discord_settings(fake)):
            in_thread: dict[str, Any] = {"channel_id": THREAD_ID}
            fake.message_create(f"{MENTION} {first}", ASKER, mentions_bot=True, **in_thread)
            await fake.wait_for(fake.messages)
            fake.message_create(f"<@{BOB['id']}> where will they build?", ASKER, mentions=[BOB],
                                **in_thread)  # fmt: skip
            fake.message_create(f"<@&{HUMAN_ROLE_ID}> where?", ASKER,
                                mention_roles=[HUMAN_ROLE_ID], **in_thread)  # fmt: skip
            robot = user(700000000000000009, "other-bot", bot=True)
            fake.message_create("where will they build them?", robot, **in_thread)
            fake.message_create("where will they build them?", BOT_USER, **in_thread)
            fake.message_create("ok, interesting", ASKER, **in_thread)  # asks nothing
            asked = fake.message_create(follow_up, ASKER, **in_thread)  # no mention needed
            await fake.wait_for(lambda: len(fake.messages()) == 2)
            return asked

    asked = run(scenario)
    _, second_reply = fake.messages()
    assert replies_to(fake, asked) == [second_reply]
    assert second_reply.path == f"channels/{THREAD_ID}/messages"
    assert bot_service.query_log.conversation_questions(f"discord:{THREAD_ID}") == [
        first,
        follow_up,
    ]


def test_more_sources_does_not_repeat_the_question_in_the_thread_history(
    fake: FakeDiscord, bot_service: AnswerService
):
    async def scenario() -> None:
        async with running_bot(bot_service, discord_settings(fake)):
            fake.message_create(
                f"{MENTION} {QUESTION}", ASKER, channel_id=THREAD_ID, mentions_bot=True
            )
            (answer,) = await fake.wait_for(fake.messages)
            fake.click(answer.response, custom_ids(answer)[2], ASKER)
            await fake.wait_for(lambda: fake.posts("webhooks/"))

    run(scenario)
    (more,) = fake.posts("webhooks/")
    assert len(embed_of(more)["fields"]) == 6
    assert bot_service.query_log.conversation_questions(f"discord:{THREAD_ID}") == [QUESTION]


# --- the working signal and failures -----------------------------------------------------


def test_typing_shows_in_the_thread_while_answering(fake: FakeDiscord, bot_service: AnswerService):
    async def scenario() -> dict[str, Any]:
        async with running_bot(bot_service, discord_settings(fake)):
            asked = fake.message_create(f"{MENTION} {QUESTION}", ASKER, mentions_bot=True)
            await fake.wait_for(fake.messages)
            return asked

    asked = run(scenario)
    paths = [c.path for c in fake.posts()]
    started = paths.index(f"channels/{CHANNEL_ID}/messages/{asked['id']}/threads")
    typing = paths.index(f"channels/{asked['id']}/typing")
    assert started < typing < paths.index(f"channels/{asked['id']}/messages")


def test_a_replayed_message_is_answered_once(fake: FakeDiscord, bot_service: AnswerService):
    async def scenario() -> None:
        async with running_bot(bot_service, discord_settings(fake)):
            asked = fake.message_create(f"{MENTION} {QUESTION}", ASKER, mentions_bot=True)
            fake.dispatch("MESSAGE_CREATE", asked)  # as a resumed gateway session may
            await fake.wait_for(fake.messages)

    run(scenario)
    assert len(fake.messages()) == 1


def test_an_answer_layer_error_is_told_and_logged(
    fake: FakeDiscord,
    bot_service: AnswerService,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
):
    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("the answer layer broke")

    monkeypatch.setattr(bot_service, "ask", broken)
    settings = discord_settings(fake, auto_answer_channels=f"{CHANNEL_ID}")

    async def scenario() -> dict[str, Any]:
        async with running_bot(bot_service, settings):
            asked = fake.message_create(QUESTION, ASKER)
            await fake.wait_for(fake.messages)
            return asked

    with caplog.at_level(logging.INFO):
        asked = run(scenario)
    (reply,) = in_thread_on(fake, asked)
    assert reply.body["content"] == SORRY
    no_pings(reply)
    assert "answering failed" in caplog.text and "the answer layer broke" in caplog.text
    assert TOKEN not in caplog.text


@pytest.mark.parametrize(
    ("status", "data", "told"),
    [
        (403, MISSING_PERMISSIONS, messages.NOT_ALLOWED),
        (429, RATE_LIMITED, messages.rate_limited("Discord")),
    ],
)
def test_a_channel_that_refuses_the_answer_is_told_by_dm(
    fake: FakeDiscord,
    bot_service: AnswerService,
    caplog: pytest.LogCaptureFixture,
    status: int,
    data: dict[str, Any],
    told: str,
):
    fake.fail(f"channels/{CHANNEL_ID}/messages/*/threads", status, data)  # no thread either
    fake.fail(f"channels/{CHANNEL_ID}/messages", status, data)
    fake.fail(f"channels/{CHANNEL_ID}/typing", status, data)

    async def scenario() -> None:
        async with running_bot(bot_service, discord_settings(fake)):
            asked = fake.message_create(f"{MENTION} {QUESTION}", ASKER, mentions_bot=True)
            await fake.wait_for(lambda: fake.posts(f"channels/{DM_CHANNEL_ID}/messages"))
            return asked

    with caplog.at_level(logging.INFO):
        asked = run(scenario)
    (opened,) = fake.posts("users/@me/channels")
    assert opened.body == {"recipient_id": int(ASKER["id"])}
    (dm,) = fake.posts(f"channels/{DM_CHANNEL_ID}/messages")
    link = f"https://discord.com/channels/{GUILD_ID}/{CHANNEL_ID}/{asked['id']}"
    note = messages.could_not_post(f"<#{CHANNEL_ID}>", told, replying_to=link)
    assert dm.body["content"].startswith(note[:-1])  # the asker's message linked
    assert embed_of(dm)["title"] == QUESTION  # the answer itself comes along
    no_pings(dm)
    assert "could not start a thread" in caplog.text
    assert f"could not post in channel {CHANNEL_ID}: {status}" in caplog.text
    assert TOKEN not in caplog.text


# --- Ask a human, Share in channel, votes --------------------------------------------------


def test_ask_a_human_tags_the_role_once_and_is_counted(
    fake: FakeDiscord, bot_service: AnswerService
):
    settings = discord_settings(fake, human_role=HUMAN_ROLE_ID)

    async def scenario() -> None:
        async with running_bot(bot_service, settings):
            fake.slash_ask(QUESTION, ASKER)
            (answer,) = await fake.wait_for(lambda: fake.posts("webhooks/"))
            human = custom_ids(answer)[3]
            assert human.startswith("evbot:human:")
            fake.click(answer.response, human, ASKER)
            await fake.wait_for(lambda: len(fake.posts("webhooks/")) == 2)
            fake.click(answer.response, human, ASKER)  # again: not a second tag
            await fake.wait_for(lambda: len(fake.posts("webhooks/")) == 3)

    run(scenario)
    _, tag, again = fake.posts("webhooks/")
    assert tag.body["content"].startswith(f"<@&{HUMAN_ROLE_ID}> <@{ASKER['id']}> would like")
    assert QUESTION in tag.body["content"]
    assert not tag.body.get("flags", 0) & 64  # in the channel, for the humans to see
    assert tag.body["allowed_mentions"] == {"parse": [], "roles": [HUMAN_ROLE_ID]}
    assert "already asked" in again.body["content"] and again.body["flags"] & 64
    clicks = fake.posts("interactions/")[1:]
    assert [c.body["type"] for c in clicks] == [6, 6]  # acknowledged before any work
    stats = bot_service.query_log.stats()
    assert stats["handoffs"] == 1
    assert [h["question"] for h in stats["handoff_questions"]] == [QUESTION]


def test_a_thread_handed_to_a_human_is_left_to_the_humans(
    fake: FakeDiscord, bot_service: AnswerService
):
    in_thread: dict[str, Any] = {"channel_id": THREAD_ID}

    async def scenario() -> dict[str, Any]:
        async with running_bot(bot_service, discord_settings(fake, human_role=HUMAN_ROLE_ID)):
            fake.message_create(f"{MENTION} {QUESTION}", ASKER, mentions_bot=True, **in_thread)
            (answer,) = await fake.wait_for(fake.messages)
            fake.click(answer.response, custom_ids(answer)[3], ASKER)
            await fake.wait_for(lambda: len(fake.messages()) == 2)  # the role is tagged
            fake.message_create("and where will they build them?", ASKER, **in_thread)
            asked = fake.message_create(
                f"{MENTION} where will they build them?", ASKER, mentions_bot=True, **in_thread
            )  # a mention still asks the bot
            await fake.wait_for(lambda: len(fake.messages()) == 3)
            return asked

    asked = run(scenario)
    _, tag, reply = fake.messages()  # the unmentioned follow-up got nothing
    assert tag.body["content"].startswith(f"<@&{HUMAN_ROLE_ID}>")
    assert replies_to(fake, asked) == [reply]
    assert bot_service.query_log.stats()["handoffs"] == 1


def test_ask_a_human_on_a_refusal_without_a_role_still_records_it(
    fake: FakeDiscord, bot_service: AnswerService
):
    async def scenario() -> None:
        async with running_bot(bot_service, discord_settings(fake)):
            fake.message_create(f"{MENTION} Banana bread recipe?", ASKER, mentions_bot=True)
            (refusal,) = await fake.wait_for(fake.messages)
            assert "don't cover" in embed_of(refusal)["description"]
            fake.click(refusal.response, custom_ids(refusal)[-1], ASKER)
            await fake.wait_for(lambda: fake.posts("webhooks/"))

    run(scenario)
    (note,) = fake.posts("webhooks/")
    assert "DISCORD_HUMAN_ROLE" in note.body["content"] and note.body["flags"] & 64  # private
    no_pings(note)
    assert bot_service.query_log.stats()["handoffs"] == 1


def test_share_in_channel_posts_the_private_answer_publicly(
    fake: FakeDiscord, bot_service: AnswerService
):
    async def scenario() -> None:
        async with running_bot(bot_service, discord_settings(fake)):
            fake.slash_ask(QUESTION, ASKER, ephemeral=True)
            (private,) = await fake.wait_for(lambda: fake.posts("webhooks/"))
            share = custom_ids(private)[-1]
            assert share.startswith("evbot:share:3:")
            fake.click(private.response, share, ASKER)
            await fake.wait_for(lambda: len(fake.posts("webhooks/")) == 2)

    run(scenario)
    private, public = fake.posts("webhooks/")
    assert private.response["flags"] & 64 and not public.response["flags"] & 64
    assert public.body["content"] == f"Shared by <@{ASKER['id']}>"
    no_pings(public)
    shown, original = embed_of(public), embed_of(private)
    assert shown["title"] == original["title"] == QUESTION
    assert shown["description"] == original["description"]
    assert [f["name"] for f in shown["fields"]] == [f["name"] for f in original["fields"]]
    assert shown["footer"]["text"].startswith("Sources as of ")
    assert not any(i.startswith("evbot:share:") for i in custom_ids(public))


def test_a_vote_down_counts_against_the_quoted_passages(
    fake: FakeDiscord, bot_service: AnswerService
):
    async def scenario() -> None:
        async with running_bot(bot_service, discord_settings(fake)):
            fake.slash_ask(QUESTION, ASKER)
            (answer,) = await fake.wait_for(lambda: fake.posts("webhooks/"))
            fake.click(answer.response, custom_ids(answer)[1], ASKER)  # Not helpful
            await fake.wait_for(lambda: len(fake.posts("webhooks/")) == 2)

    run(scenario)
    expected = bot_service.ask(QUESTION)
    voted = bot_service.query_log.stats()["passages_voted_down"]
    assert {p["passage_id"] for p in voted} == {c.passage_id for c in expected.quoted_passages}
    assert all(p["not_helpful"] == 1 for p in voted)
