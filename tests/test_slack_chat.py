"""Slack chat features through the real Bolt app and the fake Slack: auto-answer channels, thread
follow-ups without a mention, the working reaction, no silent failures, Ask a human, Share in
channel, passage votes and freshness."""

from __future__ import annotations

import dataclasses
import logging
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import bot.slack.events
from bot.answer import Answer, Quote
from bot.chat import messages
from bot.embedding import Embedder
from bot.index import build_index
from bot.service import AnswerService
from bot.settings import Settings, load_settings
from bot.slack.render import ASK_HUMAN, HELPFUL, MORE_SOURCES, NOT_HELPFUL, SHARE, day
from tests.fake_slack import (
    BOT_ID,
    BOT_TOKEN,
    BOT_USER_ID,
    FakeSlack,
    SlackHarness,
    block_kit_error,
    blocks_of,
    button_values,
    texts,
)

BATTERIES = "Who is Amazon partnering with on batteries?"
CARBON = "What did Amazon pledge about carbon?"
Start = Callable[..., SlackHarness]


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    fake = FakeSlack()
    yield fake
    fake.close()


def _settings(shipped: Settings, tmp_path: Path, **overrides: object) -> Settings:
    """The shipped index, with a query log of its own: conversations and counts start empty."""
    return load_settings(
        corpus_dir=shipped.corpus_dir,
        index_dir=overrides.pop("index_dir", shipped.index_dir),
        db_path=tmp_path / "log.sqlite3",
        **overrides,
    )


@pytest.fixture
def fresh_service(shipped_settings: Settings, embedder: Embedder, tmp_path: Path) -> AnswerService:
    return AnswerService(_settings(shipped_settings, tmp_path), embedder)


@pytest.fixture
def start(fake: FakeSlack) -> Iterator[Start]:
    """Start the adapter over a service with SLACK_* overrides; every one is closed at the end."""
    started: list[SlackHarness] = []

    def run(service: AnswerService, **slack: object) -> SlackHarness:
        started.append(SlackHarness(service, fake, **slack))
        return started[-1]

    yield run
    for harness in started:
        harness.close()


def _sections(payload: dict) -> list[str]:
    return [b["text"]["text"] for b in blocks_of(payload) if b["type"] == "section"]


def _message_event(text: str, channel: str, ts: str) -> dict:
    return {
        "type": "message",
        "user": "U1",
        "text": text,
        "ts": ts,
        "channel": channel,
        "channel_type": "channel",
    }


# -- where the bot answers ------------------------------------------------------------------------


def test_auto_answer_channel_answers_unmentioned_questions_and_others_stay_quiet(
    fresh_service: AnswerService, fake: FakeSlack, start: Start
) -> None:
    slack = start(fresh_service, auto_answer_channels="CAUTO")
    slack.message(BATTERIES, channel="COTHER", ts="1700000001.000001")  # no mention: not asked
    ts = "1700000001.000002"
    event = _message_event(BATTERIES, "CAUTO", ts)
    assert slack.send_event(event, event_id="EvAuto").status == 200
    assert slack.send_event(event, event_id="EvAuto", retry=1).status == 200  # Slack's retry
    slack.drain()
    posts = fake.of("chat.postMessage")
    assert [(p.params["channel"], p.params["thread_ts"]) for p in posts] == [("CAUTO", ts)]
    assert "Panasonic" in _sections(posts[0].params)[0]


def test_questions_only_mode_skips_what_is_not_a_question(
    fresh_service: AnswerService, fake: FakeSlack, start: Start
) -> None:
    slack = start(fresh_service, auto_answer_channels="CAUTO", auto_answer_questions_only=True)
    slack.message("Amazon signed a battery deal, great news.", channel="CAUTO", ts="1700000002.1")
    slack.message("Who is Amazon partnering with on batteries", channel="CAUTO", ts="1700000002.2")
    slack.drain()
    assert [p.params["thread_ts"] for p in fake.of("chat.postMessage")] == ["1700000002.2"]


def test_allowlist_blocks_other_channels_but_never_dms(
    fresh_service: AnswerService, fake: FakeSlack, start: Start
) -> None:
    slack = start(fresh_service, allowed_channels="COK", auto_answer_channels="COK,CNO")
    slack.mention(BATTERIES, channel="CNO", ts="1700000003.000001")
    slack.message(BATTERIES, channel="CNO", ts="1700000003.000002")  # auto-answer, not allowed
    blocked = slack.command(BATTERIES, channel="CNO", name="blocked")
    slack.mention(BATTERIES, channel="COK", ts="1700000003.000003")
    slack.message(BATTERIES, channel="D1", ts="1700000003.000004", channel_type="im")
    slack.drain()
    assert blocked.status == 200 and "not enabled in this channel" in blocked.body
    assert fake.of("respond/blocked") == []
    answered = {
        (p.params["channel"], p.params.get("thread_ts")) for p in fake.of("chat.postMessage")
    }
    assert answered == {("COK", "1700000003.000003"), ("D1", None)}
    [note] = fake.of("chat.postEphemeral")  # the mention outside the allowlist: told, privately
    assert (note.params["channel"], note.params["user"]) == ("CNO", "U1")
    assert "not enabled in this channel" in note.params["text"]


# -- thread follow-ups ---------------------------------------------------------------------------


def test_thread_reply_after_an_answer_is_a_follow_up_without_a_mention(
    fresh_service: AnswerService, fake: FakeSlack, start: Start
) -> None:
    slack = start(fresh_service, auto_answer_channels="CAUTO")
    root = "1700000004.000001"
    slack.message(CARBON, channel="CAUTO", ts=root)
    fake.wait_for("chat.postMessage")
    slack.message("by when?", channel="CAUTO", ts="1700000004.000002", thread_ts=root)
    posts = fake.wait_for("chat.postMessage", 2)
    assert posts[1].params["thread_ts"] == root
    assert "carbon-neutral by 2040" in _sections(posts[1].params)[0]
    assert "2040" not in fresh_service.ask("by when?").answer  # the thread's context made it
    assert fresh_service.query_log.conversation_questions(f"slack:CAUTO:{root}") == [
        CARBON,
        "by when?",
    ]


def test_a_thread_reply_that_asks_nothing_is_not_answered(
    fresh_service: AnswerService, fake: FakeSlack, start: Start
) -> None:
    slack = start(fresh_service)
    root = "1700000004.000101"
    slack.mention(CARBON, ts=root)
    fake.wait_for("chat.postMessage")
    slack.message("ok, interesting", channel="C1", ts="1700000004.000102", thread_ts=root)
    slack.drain()
    assert len(fake.of("chat.postMessage")) == 1
    slack.message(
        "and where will they build them", channel="C1", ts="1700000004.000103", thread_ts=root
    )
    assert fake.wait_for("chat.postMessage", 2)[1].params["thread_ts"] == root  # this one asks


def test_a_question_in_a_thread_after_the_bots_greeting_is_answered_without_a_mention(
    fresh_service: AnswerService, fake: FakeSlack, start: Start
) -> None:
    slack = start(fresh_service)
    root, elsewhere = "1700000004.000151", "1700000004.000161"
    slack.mention("hi", ts=root)  # "Hello! … ask about …", in a thread: nothing logged
    fake.wait_for("chat.postMessage")
    slack.message(BATTERIES, channel="C1", ts="1700000004.000152", thread_ts=root)  # no mention
    answer = fake.wait_for("chat.postMessage", 2)[1]
    slack.message("anyone read the report?", channel="C1", ts=elsewhere, user="U2")
    slack.message(BATTERIES, channel="C1", ts="1700000004.000162", thread_ts=elsewhere)
    slack.drain()
    assert len(fake.of("chat.postMessage")) == 2  # a thread the bot never spoke in: not its
    assert _sections(fake.of("chat.postMessage")[0].params)[0].startswith("Hello!")
    assert answer.params["thread_ts"] == root and "Panasonic" in texts(answer.params)
    assert fresh_service.query_log.conversation_questions(f"slack:C1:{root}") == [BATTERIES]


def test_a_thanks_in_a_thread_is_replied_to_once_and_only_for_the_asker_answered_last(
    fresh_service: AnswerService, fake: FakeSlack, start: Start
) -> None:
    slack = start(fresh_service)
    root = "1700000004.000201"
    in_thread = {"channel": "C1", "thread_ts": root}
    slack.mention(CARBON, ts=root)  # asked by U1
    fake.wait_for("chat.postMessage")
    slack.message("thanks!", ts="1700000004.000202", user="U2", **in_thread)  # to someone else
    slack.drain()
    assert len(fake.of("chat.postMessage")) == 1
    slack.message("thanks, that helps 🙏", ts="1700000004.000203", **in_thread)
    thanked = fake.wait_for("chat.postMessage", 2)[1]
    slack.message("thank you so much!", ts="1700000004.000204", **in_thread)  # once per answer
    slack.drain()
    assert len(fake.of("chat.postMessage")) == 2
    slack.message("by when?", ts="1700000004.000205", user="U2", **in_thread)  # U2 asks now
    fake.wait_for("chat.postMessage", 3)
    slack.message("ty!", ts="1700000004.000206", **in_thread)  # U1 was not answered last
    slack.message("ty!", ts="1700000004.000207", user="U2", **in_thread)
    last = fake.wait_for("chat.postMessage", 4)[3]
    slack.drain()
    assert len(fake.of("chat.postMessage")) == 4
    assert thanked.params["thread_ts"] == root == last.params["thread_ts"]
    for post in (thanked, last):
        assert _sections(post.params)[0].startswith("You're welcome!")
        assert "<@" not in post.params["text"] and "<@" not in str(blocks_of(post.params))
    assert not fake.of("chat.postEphemeral")  # no cooldown note, nothing private
    assert fresh_service.query_log.conversation_questions(f"slack:C1:{root}") == [
        CARBON,
        "by when?",
    ]


def test_a_thanks_after_a_colleague_answered_in_the_thread_is_left_to_them(
    fresh_service: AnswerService, fake: FakeSlack, start: Start
) -> None:
    slack = start(fresh_service)
    root = "1700000004.000301"
    in_thread = {"channel": "C1", "thread_ts": root}
    slack.mention(CARBON, ts=root)  # asked by U1
    fake.wait_for("chat.postMessage")
    slack.message("lol", ts="1700000004.000302", user="U3", **in_thread)  # answers nothing
    slack.message("hmm ok", ts="1700000004.000303", **in_thread)  # the asker's own words
    slack.message("ty!", ts="1700000004.000304", **in_thread)  # still the bot's: replied to
    fake.wait_for("chat.postMessage", 2)
    slack.message("by when?", ts="1700000004.000305", **in_thread)
    fake.wait_for("chat.postMessage", 3)
    slack.message(
        "the pledge is in the 2019 report too, page 4",
        ts="1700000004.000306",
        user="U2",
        **in_thread,
    )
    slack.message("thanks!", ts="1700000004.000307", **in_thread)  # to U2, who answered
    slack.drain()
    assert len(fake.of("chat.postMessage")) == 3
    assert all(r.params["ts"] == root for r in fake.of("conversations.replies"))
    # Unclaimed: when the thread cannot be read, a thanks is the bot's again, as before.
    fake.fail("conversations.replies", 200, {"ok": False, "error": "missing_scope"})
    slack.message("thank you so much", ts="1700000004.000308", **in_thread)
    welcome = fake.wait_for("chat.postMessage", 4)[3]
    assert _sections(welcome.params)[0].startswith("You're welcome!")


def _long_thread_then_thanks(slack: SlackHarness, fake: FakeSlack) -> None:
    """An answer, 500 messages that thank nobody (more than two pages of 200), a colleague's
    answer, then the asker's thanks."""
    root = "1700000004.000401"
    in_thread = {"channel": "C1", "thread_ts": root}
    slack.mention(CARBON, ts=root)  # asked by U1
    fake.wait_for("chat.postMessage")
    for n in range(250):
        for user, said, second in (("U3", "lol", 5), ("U1", "hmm", 6)):  # nothing to thank for
            heard = {
                "type": "message",
                "user": user,
                "text": said,
                "ts": f"170000000{second}.{n:06d}",
            }
            fake.hear(heard | in_thread)
    slack.message("see page 4 of the report", ts="1700000007.000001", user="U2", **in_thread)
    slack.message("thanks!", ts="1700000007.000002", **in_thread)  # to U2, who answered
    slack.drain()


def test_a_thanks_in_a_thread_past_its_first_page_is_read_to_the_end(
    fresh_service: AnswerService, fake: FakeSlack, start: Start
) -> None:
    _long_thread_then_thanks(start(fresh_service), fake)
    assert len(fake.of("chat.postMessage")) == 1  # left to U2
    pages = fake.of("conversations.replies")
    assert [p.params.get("cursor") for p in pages] == [None, "200", "400"]


def test_a_thanks_past_the_pages_read_is_replied_to_unread(
    fresh_service: AnswerService, fake: FakeSlack, start: Start, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.slack.events, "THREAD_PAGES", 2)  # the thanks is on the third
    _long_thread_then_thanks(start(fresh_service), fake)
    assert len(fake.of("conversations.replies")) == 2
    welcome = fake.of("chat.postMessage")[1]  # as before the thread was read at all
    assert _sections(welcome.params)[0].startswith("You're welcome!")


def test_a_thanks_in_a_long_thread_is_read_from_the_bots_answer_on(
    fresh_service: AnswerService, fake: FakeSlack, start: Start
) -> None:
    """1,100 messages before the asker's question deep in a thread (more than the pages read from
    its root), then the answer, a colleague's answer and the asker's thanks: read from the
    answer's logged time on, the thread shows the colleague, who takes the thanks."""
    slack = start(fresh_service)
    now = time.time()  # Slack's ts are Unix times: the thread read from the answer's time on
    root = f"{now - 7200:.6f}"
    in_thread = {"channel": "C1", "thread_ts": root}
    fake.hear(
        {
            "type": "message",
            "user": "U3",
            "text": "who saw the van news?",
            "ts": root,
            "channel": "C1",
        }
    )
    for n in range(1100):
        said = {"type": "message", "user": "U3", "text": "lol", "ts": f"{now - 7000 + n:.6f}"}
        fake.hear(said | in_thread)
    slack.mention(CARBON, ts=f"{now - 5:.6f}", thread_ts=root)  # asked by U1
    fake.wait_for("chat.postMessage")
    slack.message("see page 4 of the report", ts=f"{now + 1:.6f}", user="U2", **in_thread)
    slack.message("thanks!", ts=f"{now + 2:.6f}", **in_thread)  # to U2, who answered
    slack.drain()
    assert len(fake.of("chat.postMessage")) == 1  # left to U2 (main: replied to, unread)
    (page,) = fake.of("conversations.replies")
    assert now - 7000 + 1100 < float(page.params["oldest"]) < now - 5


def test_replies_to_others_from_bots_and_system_messages_are_not_answered(
    fresh_service: AnswerService, fake: FakeSlack, start: Start
) -> None:
    slack = start(fresh_service, auto_answer_channels="CAUTO")
    root = "1700000005.000001"
    slack.mention(CARBON, ts=root)
    fake.wait_for("chat.postMessage")
    in_thread = {"channel": "C1", "thread_ts": root}
    slack.message("<@U7> by when?", ts="1700000005.000002", **in_thread)  # to a colleague
    slack.message("by when?", ts="1700000005.000003", user="U0BOT", bot_id="B0OTHER", **in_thread)
    slack.message("by when?", ts="1700000005.000004", user=BOT_USER_ID, bot_id=BOT_ID, **in_thread)
    slack.message("by when?", ts="1700000005.000005", subtype="message_changed", **in_thread)
    slack.message(BATTERIES, channel="CAUTO", ts="1700000005.000006", user="U0BOT", bot_id="B0")
    slack.message(BATTERIES, channel="CAUTO", ts="1700000005.000007", subtype="channel_join")
    slack.message(f"<@U7> {BATTERIES}", channel="CAUTO", ts="1700000005.000008")
    bot_mention = {
        "type": "app_mention",
        "user": "U0BOT",
        "bot_id": "B0OTHER",
        "text": f"<@{BOT_USER_ID}> {BATTERIES}",
        "ts": "1700000005.000009",
        "channel": "C1",
    }
    slack.send_event(bot_mention)
    slack.drain()
    assert len(fake.of("chat.postMessage")) == 1  # only the first answer
    slack.message("by when?", ts="1700000005.000010", **in_thread)  # the same words, from a person
    assert fake.wait_for("chat.postMessage", 2)[1].params["thread_ts"] == root


def _edit(channel: str, ts: str, old: str, new: str, **message: object) -> dict:
    """A `message_changed` event, as Slack sends an edit of the message `ts`."""
    before = {"type": "message", "user": "U1", "text": old, "ts": ts, **message}
    edited = {"user": "U1", "ts": "1700000099.000001"}
    return {
        "type": "message",
        "subtype": "message_changed",
        "hidden": True,
        "channel": channel,
        "channel_type": "channel",
        "ts": "1700000099.000001",
        "message": before | {"text": new, "edited": edited},
        "previous_message": before,
    }


def test_an_edit_that_adds_the_mention_is_answered_once_and_other_edits_are_left_alone(
    fresh_service: AnswerService, fake: FakeSlack, start: Start
) -> None:
    slack = start(fresh_service, auto_answer_channels="CAUTO")
    forgot = "1700000006.000001"
    slack.message(BATTERIES, channel="C1", ts=forgot)  # no mention: not asked
    slack.drain()
    assert not fake.of("chat.postMessage")
    tagged = f"<@{BOT_USER_ID}> {BATTERIES}"
    slack.send_event(_edit("C1", forgot, BATTERIES, tagged))  # the asker tags the bot
    [answer] = fake.wait_for("chat.postMessage")
    assert answer.params["thread_ts"] == forgot and "Panasonic" in _sections(answer.params)[0]
    slack.send_event(_edit("C1", forgot, tagged, tagged + " thanks"))  # a further edit
    slack.send_event(_edit("C1", forgot, BATTERIES, tagged))  # the same edit redelivered
    answered = "1700000006.000002"
    slack.message(BATTERIES, channel="CAUTO", ts=answered)  # answered unasked
    fake.wait_for("chat.postMessage", 2)
    slack.send_event(_edit("CAUTO", answered, BATTERIES, f"<@{BOT_USER_ID}> {BATTERIES}"))
    slack.send_event(_edit("CAUTO", answered, BATTERIES, CARBON))  # a question changed
    slack.drain()
    assert len(fake.of("chat.postMessage")) == 2


def test_after_a_restart_an_edit_that_tags_the_bot_on_an_answered_message_is_left_alone(
    fresh_service: AnswerService, fake: FakeSlack, start: Start
) -> None:
    """Without a shared database a restart empties the claims kept in memory: Slack's record
    (the answer's metadata names the message it answers) says the message was answered. A
    message the bot never answered is still taken up when an edit tags it."""
    tagged = f"<@{BOT_USER_ID}> {BATTERIES}"
    answered, forgot = "1700000008.000001", "1700000008.000002"
    before = start(fresh_service, auto_answer_channels="CAUTO")
    before.message(BATTERIES, channel="CAUTO", ts=answered)  # answered unasked
    fake.wait_for("chat.postMessage")
    before.message(BATTERIES, channel="C1", ts=forgot)  # no mention: not asked
    before.drain()
    before.close()
    after = start(fresh_service, auto_answer_channels="CAUTO")  # a restart: claims gone
    after.send_event(_edit("CAUTO", answered, BATTERIES, tagged))
    after.send_event(_edit("C1", forgot, BATTERIES, tagged))
    [_, answer] = fake.wait_for("chat.postMessage", 2)
    after.drain()
    assert len(fake.of("chat.postMessage")) == 2  # main: the answered message's edit answered
    assert answer.params["thread_ts"] == forgot and "Panasonic" in _sections(answer.params)[0]


def test_a_message_with_no_words_gets_a_short_visible_reply(
    fresh_service: AnswerService, fake: FakeSlack, start: Start
) -> None:
    slack = start(fresh_service)
    slack.mention("", ts="1700000007.000001")  # only the mention
    image = {"subtype": "file_share", "files": [{"id": "F1", "name": "chart.png"}]}
    slack.message("", channel="D1", ts="1700000007.000002", channel_type="im", **image)
    notes = fake.wait_for("chat.postMessage", 2)
    slack.mention(":+1:", ts="1700000007.000003")  # only an emoji: read as "👍" is
    emoji = fake.wait_for("chat.postMessage", 3)[2]
    slack.message(":wave:", channel="D1", ts="1700000007.000004", channel_type="im")  # hello
    wave = fake.wait_for("chat.postMessage", 4)[3]
    slack.drain()
    assert len(fake.of("chat.postMessage")) == 4
    assert {p.params.get("thread_ts") for p in notes} == {"1700000007.000001", None}
    greeted, told = sorted(notes, key=lambda p: p.params.get("thread_ts") is None)
    assert _sections(greeted.params)[0].startswith("Hello!")  # the mention alone: a hello
    assert told.params["text"] == messages.NO_WORDS  # the image alone (session 29)
    assert emoji.params["thread_ts"] == "1700000007.000003"
    assert _sections(emoji.params)[0].startswith("All right!")
    assert _sections(wave.params)[0].startswith("Hello!")  # greeted, not acknowledged


def test_dm_follow_ups_and_more_sources_survive_a_restart(
    fresh_service: AnswerService, fake: FakeSlack, start: Start
) -> None:
    first = start(fresh_service)
    first.message(CARBON, channel="D1", ts="1700000006.000001", channel_type="im")
    [answer] = fake.wait_for("chat.postMessage")
    first.close()
    second = start(fresh_service)  # a restart: nothing kept in memory carries over
    second.message("by when?", channel="D1", ts="1700000006.000002", channel_type="im")
    follow_up = fake.wait_for("chat.postMessage", 2)[1]
    assert "carbon-neutral by 2040" in _sections(follow_up.params)[0]
    second.click(MORE_SOURCES, button_values(answer.params)[MORE_SOURCES], channel="D1", name="m")
    [more] = fake.wait_for("respond/m")
    assert more.params["replace_original"] is True
    cited = [s for s in _sections(more.params) if s.startswith("*[")]
    assert len(cited) == 2 * fresh_service.settings.citations
    # More sources repeats the question without making it part of the conversation twice.
    assert fresh_service.query_log.conversation_questions("slack:D1:dm") == [CARBON, "by when?"]
    assert fresh_service.query_log.stats()["reasks"] == 1


def test_each_ask_command_is_a_conversation_of_its_own(
    fresh_service: AnswerService, fake: FakeSlack, start: Start
) -> None:
    slack = start(fresh_service)
    slack.command(CARBON, name="one")
    slack.command("by when?", name="two", user="U2")
    ids = [button_values(fake.wait_for(f"respond/{n}")[0].params)[HELPFUL] for n in ("one", "two")]
    with sqlite3.connect(fresh_service.settings.query_log_path) as db:
        conversations = [
            db.execute("SELECT conversation FROM answers WHERE id = ?", (i,)).fetchone()[0]
            for i in ids
        ]
    assert len(set(conversations)) == 2
    assert all(c.startswith("slack:C1:ask:") for c in conversations)
    assert "2040" not in texts(fake.of("respond/two")[0].params)  # U1's question is not context


# -- the working signal ---------------------------------------------------------------------------


def test_working_reaction_is_added_then_removed_after_the_answer(
    fresh_service: AnswerService, fake: FakeSlack, start: Start
) -> None:
    slack = start(fresh_service, working_reaction=":eyes:")
    ts = "1700000007.000001"
    slack.mention(BATTERIES, ts=ts)
    [removed] = fake.wait_for("reactions.remove")
    [added] = fake.of("reactions.add")
    for call in (added, removed):
        assert (call.params["channel"], call.params["timestamp"]) == ("C1", ts)
        assert call.params["name"] == "eyes"
    order = [
        m for m in fake.methods() if m in ("reactions.add", "reactions.remove", "chat.postMessage")
    ]
    assert order.index("reactions.add") < order.index("reactions.remove")
    assert order.index("chat.postMessage") < order.index("reactions.remove")


def test_a_failing_reaction_never_blocks_the_answer(
    fresh_service: AnswerService,
    fake: FakeSlack,
    start: Start,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING)
    fake.fail("reactions.add", 200, {"ok": False, "error": "missing_scope"})
    slack = start(fresh_service)
    slack.mention(BATTERIES, ts="1700000008.000001")
    [post] = fake.wait_for("chat.postMessage")
    slack.drain()
    assert "Panasonic" in _sections(post.params)[0]
    assert fake.of("reactions.remove") == []  # nothing to take off
    assert any("missing_scope" in r.getMessage() for r in caplog.records)


# -- never silent ---------------------------------------------------------------------------------


class BrokenService(AnswerService):
    def ask(self, *args: object, **kwargs: object) -> Answer:
        raise RuntimeError("the answer layer broke")


class LongService(AnswerService):
    """Answers far past Block Kit's limits: a huge quote and sixty huge citations."""

    def ask(self, *args: object, **kwargs: object) -> Answer:
        answer = super().ask(*args, **kwargs)  # type: ignore[arg-type]
        quote = Quote("Panasonic " + "and a very long sentence " * 400, 1)
        citations = tuple(
            dataclasses.replace(answer.citations[0], n=n, title="T" * 500, text="text " * 1500)
            for n in range(1, 61)
        )
        return dataclasses.replace(answer, answer=quote.text, quotes=(quote,), citations=citations)


def test_an_error_in_the_answer_layer_ends_in_a_visible_message(
    shipped_settings: Settings,
    embedder: Embedder,
    tmp_path: Path,
    fake: FakeSlack,
    start: Start,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.ERROR)
    slack = start(BrokenService(_settings(shipped_settings, tmp_path), embedder))
    ts = "1700000009.000001"
    slack.mention(BATTERIES, ts=ts)
    slack.command(BATTERIES, name="broken")
    [post] = fake.wait_for("chat.postMessage")
    [reply] = fake.wait_for("respond/broken")
    fake.wait_for("reactions.remove")
    assert post.params["thread_ts"] == ts and "went wrong" in texts(post.params)
    assert reply.params["response_type"] == "ephemeral" and "went wrong" in texts(reply.params)
    assert any(
        r.exc_info and "the answer layer broke" in str(r.exc_info[1]) for r in caplog.records
    )
    assert fake.methods().index("chat.postMessage") < fake.methods().index("reactions.remove")


def test_a_missing_index_ends_in_a_visible_message(
    shipped_settings: Settings, embedder: Embedder, tmp_path: Path, fake: FakeSlack, start: Start
) -> None:
    settings = _settings(shipped_settings, tmp_path, index_dir=tmp_path / "no-index")
    slack = start(AnswerService(settings, embedder))
    slack.mention(BATTERIES, ts="1700000010.000001")
    [post] = fake.wait_for("chat.postMessage")
    assert "index is unavailable" in texts(post.params)


def test_an_over_long_answer_is_fitted_to_slacks_limits_not_rejected(
    shipped_settings: Settings, embedder: Embedder, tmp_path: Path, fake: FakeSlack, start: Start
) -> None:
    """The huge quote goes on over several sections, whole and closed with its citation; the
    huge citations are trimmed."""
    slack = start(LongService(_settings(shipped_settings, tmp_path), embedder))
    slack.mention(BATTERIES, ts="1700000011.000001")
    slack.command(BATTERIES, name="long")
    [post] = fake.wait_for("chat.postMessage")
    [reply] = fake.wait_for("respond/long")
    slack.drain()
    assert fake.of("chat.postEphemeral") == []  # Slack took both: nobody needed telling
    quote = "“Panasonic " + "and a very long sentence " * 400
    for payload in (post.params, reply.params):
        assert block_kit_error(payload) is None
        blocks = blocks_of(payload)
        divider = next(i for i, b in enumerate(blocks) if b["type"] == "divider")
        quoted = [b["text"]["text"] for b in blocks[:divider] if b["type"] == "section"]
        assert len(quoted) == 4 and " ".join(quoted) == quote + "” *[1]*"
        assert _sections(payload)[-1].endswith("…")  # a huge citation, trimmed


@pytest.mark.parametrize(
    ("status", "body", "reason"),
    [
        (200, {"ok": False, "error": "not_in_channel"}, "not_in_channel"),
        (200, {"ok": False, "error": "restricted_action"}, "restricted_action"),
        (403, "<html>Forbidden</html>", "HTTP 403"),
    ],
    ids=["not_in_channel", "restricted_action", "http_403"],
)
def test_a_platform_error_ends_in_a_visible_message_and_a_log_line(
    fresh_service: AnswerService,
    fake: FakeSlack,
    start: Start,
    caplog: pytest.LogCaptureFixture,
    status: int,
    body: dict | str,
    reason: str,
) -> None:
    caplog.set_level(logging.DEBUG)
    fake.fail("chat.postMessage", status, body)
    slack = start(fresh_service)
    slack.mention(BATTERIES, ts="1700000012.000001")
    [told] = fake.wait_for("chat.postEphemeral")
    slack.drain()
    assert (told.params["user"], told.params["thread_ts"]) == ("U1", "1700000012.000001")
    assert reason in told.params["text"]
    assert any(reason in r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)
    assert all(BOT_TOKEN not in r.getMessage() for r in caplog.records)


def test_when_the_channel_refuses_even_a_private_note_the_asker_gets_a_dm(
    fresh_service: AnswerService, fake: FakeSlack, start: Start
) -> None:
    fake.fail("chat.postMessage", 200, {"ok": False, "error": "not_in_channel"})
    fake.fail("chat.postEphemeral", 200, {"ok": False, "error": "not_in_channel"})
    slack = start(fresh_service)
    slack.mention(BATTERIES, ts="1700000013.000001")
    posts = fake.wait_for("chat.postMessage", 2)
    assert posts[1].params["channel"] == "U1"  # the app's DM with the asker
    assert "not_in_channel" in posts[1].params["text"]


@pytest.mark.parametrize("ephemeral_fails", [False, True], ids=["ephemeral", "dm"])
def test_an_answer_slack_would_not_post_reaches_the_asker_privately_with_the_note(
    fresh_service: AnswerService, fake: FakeSlack, start: Start, ephemeral_fails: bool
) -> None:
    """A 5xx past the client's retries: the note came alone, and the asker had to ask again."""
    fake.fail("chat.postMessage", 503, {"ok": False, "error": "service_unavailable"}, times=3)
    if ephemeral_fails:
        fake.fail("chat.postEphemeral", 200, {"ok": False, "error": "not_in_channel"})
    slack = start(fresh_service)
    slack.mention(BATTERIES, ts="1700000013.000002")
    if ephemeral_fails:
        told = fake.wait_for("chat.postMessage", 4)[3]  # 1 + 2 retries, then the DM
        assert told.params["channel"] == "U1"
    else:
        [told] = fake.wait_for("chat.postEphemeral")
    refused = fake.of("chat.postMessage")[0]
    note, *answer = blocks_of(told.params)
    assert "Here is my answer:" in note["text"]["text"] and answer == blocks_of(refused.params)
    assert told.params["text"].endswith(refused.params["text"])


def test_an_ask_answer_its_response_url_would_not_take_reaches_the_asker_privately(
    fresh_service: AnswerService, fake: FakeSlack, start: Start
) -> None:
    """A 5xx past the retries on /ask's response_url: "couldn't post the answer here" came alone."""
    fake.fail("respond/down", 503, {"ok": False}, times=3)
    slack = start(fresh_service)
    slack.command(BATTERIES, name="down")
    [told] = fake.wait_for("chat.postEphemeral")
    refused = fake.of("respond/down")[0]
    note, *answer = blocks_of(told.params)
    assert note["text"]["text"].startswith("Sorry, I couldn't post the answer here.")
    assert "Here is my answer:" in note["text"]["text"] and answer == blocks_of(refused.params)


def test_a_rate_limit_that_outlasts_the_retries_ends_in_a_visible_message(
    fresh_service: AnswerService, fake: FakeSlack, start: Start
) -> None:
    limited = {"ok": False, "error": "ratelimited"}
    fake.fail("chat.postMessage", 429, limited, {"Retry-After": "0"}, times=4)  # 1 + 3 retries
    slack = start(fresh_service)
    slack.mention(BATTERIES, ts="1700000014.000001")
    [told] = fake.wait_for("chat.postEphemeral")
    assert len(fake.of("chat.postMessage")) == 4
    assert "ratelimited" in told.params["text"]


# -- the buttons ----------------------------------------------------------------------------------


def test_ask_a_human_tags_the_group_once_and_is_counted(
    fresh_service: AnswerService, fake: FakeSlack, start: Start
) -> None:
    slack = start(fresh_service, human_group="S0HUMANS")
    root = "1700000015.000001"
    # Typed literally (Slack escapes it), so it survives cleaning as text: never as a broadcast.
    slack.mention(f"{BATTERIES} &lt;!here&gt;", ts=root)
    [answer] = fake.wait_for("chat.postMessage")
    answer_id = button_values(answer.params)[ASK_HUMAN]
    slack.click(ASK_HUMAN, answer_id, name="human", thread_ts=root)
    tag = fake.wait_for("chat.postMessage", 2)[1]
    assert (tag.params["channel"], tag.params["thread_ts"]) == ("C1", root)
    tagged = texts(tag.params)
    assert tagged.startswith("<!subteam^S0HUMANS>")
    assert f"{BATTERIES} &lt;!here&gt;" in tagged and "<!here>" not in tagged
    assert "user-u2" in tagged and "<@" not in tagged  # who asked, by name: nobody else pinged
    slack.click(ASK_HUMAN, answer_id, name="again", thread_ts=root)  # the same person, again
    [again] = fake.wait_for("respond/again")
    slack.drain()
    assert "already asked" in texts(again.params)
    assert len(fake.of("chat.postMessage")) == 2  # tagged once
    stats = fresh_service.query_log.stats()
    assert stats["handoffs"] == 1
    assert stats["handoff_questions"][0]["question"] == f"{BATTERIES} <!here>"
    # The thread is the humans' now: an unmentioned follow-up is left to them.
    slack.message(
        "and where will they build them?", channel="C1", ts="1700000015.000002", thread_ts=root
    )
    slack.drain()
    assert len(fake.of("chat.postMessage")) == 2


def test_ask_a_human_on_a_refusal_without_a_group_says_so_and_still_records(
    fresh_service: AnswerService, fake: FakeSlack, start: Start
) -> None:
    slack = start(fresh_service)
    slack.mention("What is the best pizza topping?", ts="1700000016.000001")
    [refusal] = fake.wait_for("chat.postMessage")
    assert "don't cover" in texts(refusal.params)
    slack.click(ASK_HUMAN, button_values(refusal.params)[ASK_HUMAN], name="nogroup")
    [note] = fake.wait_for("respond/nogroup")
    slack.drain()
    assert note.params["response_type"] == "ephemeral"
    assert "SLACK_HUMAN_GROUP" in texts(note.params)
    assert len(fake.of("chat.postMessage")) == 1  # nobody tagged
    assert fresh_service.query_log.stats()["handoffs"] == 1


def test_ask_a_human_from_a_dm_is_recorded_and_says_how_to_reach_a_person(
    fresh_service: AnswerService, fake: FakeSlack, start: Start
) -> None:
    slack = start(fresh_service, human_group="S0HUMANS")
    slack.message(BATTERIES, channel="D1", ts="1700000016.000002", channel_type="im")
    [answer] = fake.wait_for("chat.postMessage")
    slack.click(ASK_HUMAN, button_values(answer.params)[ASK_HUMAN], channel="D1", name="dm")
    [note] = fake.wait_for("respond/dm")
    slack.drain()
    assert "ask in a channel" in texts(note.params)
    assert len(fake.of("chat.postMessage")) == 1  # a tag in a DM would reach nobody
    assert fresh_service.query_log.stats()["handoffs"] == 1


def test_share_in_channel_posts_a_private_answer_publicly(
    fresh_service: AnswerService, fake: FakeSlack, start: Start
) -> None:
    slack = start(fresh_service)
    slack.command(f"--private {BATTERIES}", name="private")
    [private] = fake.wait_for("respond/private")
    assert private.params["response_type"] == "ephemeral"
    share = button_values(private.params)[SHARE]
    slack.click(SHARE, share, name="share", user="U1", ephemeral=True)
    public, cleanup = fake.wait_for("respond/share", 2)
    assert public.params["response_type"] == "in_channel"
    assert public.params["replace_original"] is False
    shown = texts(public.params)
    assert "Panasonic" in shown and f"Question: {BATTERIES}" in shown
    assert "Shared by user-u1" in shown and "<@" not in shown  # credited, not pinged
    assert SHARE not in button_values(public.params)  # the public copy cannot be shared again
    assert cleanup.params == {"delete_original": True, "unfurl_links": False, "unfurl_media": False}


def test_a_vote_counts_against_the_quoted_passages(
    fresh_service: AnswerService, fake: FakeSlack, start: Start
) -> None:
    slack = start(fresh_service)
    slack.mention(BATTERIES, ts="1700000017.000001")
    [answer] = fake.wait_for("chat.postMessage")
    slack.click(NOT_HELPFUL, button_values(answer.params)[NOT_HELPFUL], name="vote", user="U9")
    [thanks] = fake.wait_for("respond/vote")
    assert "Thanks" in thanks.params["text"]
    [voted] = fresh_service.query_log.stats()["passages_voted_down"]
    assert voted["not_helpful"] == 1 and voted["title"].startswith("Bezos vs. Musk")
    assert "Panasonic" in voted["quote"]  # the passage the answer quoted


# -- freshness ------------------------------------------------------------------------------------


@pytest.fixture
def dated_service(tmp_path: Path, embedder: Embedder) -> AnswerService:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "rivian.md").write_text(
        "---\ntitle: Rivian vans for Amazon\nurl: https://example.com/rivian\n"
        "published: '2026-03-03'\n---\n# Deliveries\n\n"
        "Rivian delivered ten thousand electric delivery vans to Amazon this spring. "
        "The vans run routes in more than a hundred cities.\n"
    )
    settings = load_settings(corpus_dir=corpus, index_dir=tmp_path / "index", min_score=0.0)
    build_index(settings, embedder)
    return AnswerService(settings, embedder)


def test_answers_show_when_the_sources_date_from_and_link_the_quoted_sentence(
    dated_service: AnswerService, fake: FakeSlack, start: Start
) -> None:
    slack = start(dated_service)
    slack.mention("How many delivery vans did Rivian deliver to Amazon?", ts="1700000018.000001")
    [post] = fake.wait_for("chat.postMessage")
    built = dated_service.retriever.index.manifest["built_at"]
    shown = texts(post.params)
    assert f"Sources as of {day(built)}" in shown
    citation = next(s for s in _sections(post.params) if s.startswith("*[1]*"))
    head = citation.splitlines()[0]
    assert head.startswith("*[1]* <https://example.com/rivian#:~:text=Rivian%20delivered")
    assert head.endswith("|Rivian vans for Amazon> · _Deliveries_ · published 3 Mar 2026")
