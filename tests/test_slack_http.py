"""The Slack adapter over HTTP: signed requests into the real Bolt app, answers to a fake Slack."""

from __future__ import annotations

import concurrent.futures
import json
import logging
import sqlite3
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator

import pytest

from bot.service import AnswerService
from bot.slack.app import MAX_BODY_BYTES
from bot.slack.render import ASK_HUMAN, HELPFUL, MORE_SOURCES, NOT_HELPFUL, SECTION_LIMIT
from tests.fake_slack import (
    BOT_TOKEN,
    WAIT,
    FakeSlack,
    Reply,
    SlackHarness,
    blocks_of,
    button_values,
    signed_headers,
    texts,
)


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    fake = FakeSlack()
    yield fake
    fake.close()


@pytest.fixture
def slack(service: AnswerService, fake: FakeSlack) -> Iterator[SlackHarness]:
    harness = SlackHarness(service, fake)
    yield harness
    harness.close()


def _sections(payload: dict) -> list[str]:
    return [b["text"]["text"] for b in blocks_of(payload) if b["type"] == "section"]


def test_url_verification_is_answered(slack: SlackHarness) -> None:
    body = json.dumps({"type": "url_verification", "token": "t", "challenge": "ch4llenge"})
    reply = slack.post(body, "application/json")
    assert reply.status == 200
    assert "ch4llenge" in reply.body


def test_health_endpoint(slack: SlackHarness) -> None:
    reply = slack.get("/health")
    assert reply.status == 200
    # the build it serves: after a new one is published, each worker says when it has it
    assert json.loads(reply.body) == {"ok": True, "build": slack.bot.answers.service.serving_build}
    assert json.loads(reply.body)["build"]


def test_bad_signature_or_stale_timestamp_is_401_and_nothing_answered(
    slack: SlackHarness, fake: FakeSlack
) -> None:
    event = {"type": "app_mention", "user": "U1", "text": "<@UBOT> batteries?", "channel": "C1"}
    forged = slack.event_body({**event, "ts": "1.000001"})
    bad = slack.post(forged, "application/json", headers=signed_headers(forged, secret="wrong"))
    stale_body = slack.event_body({**event, "ts": "1.000002"})
    stale_headers = signed_headers(stale_body, timestamp=int(time.time()) - 600)
    stale = slack.post(stale_body, "application/json", headers=stale_headers)
    unsigned = slack.post(forged, "application/json", headers={"X-Other": "1"})
    assert (bad.status, stale.status, unsigned.status) == (401, 401, 401)
    slack.drain()
    assert fake.of("chat.postMessage") == []


def _post_bytes(
    slack: SlackHarness, body: bytes | Iterator[bytes], headers: dict[str, str]
) -> Reply:
    """A raw POST (any bytes, any headers) to the events endpoint, as a stranger could send."""
    request = urllib.request.Request(
        slack.url + "/slack/events", data=body, headers=headers, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=WAIT) as response:
            return Reply(response.status, response.read().decode())
    except urllib.error.HTTPError as err:
        return Reply(err.code, err.read().decode())


FORM = "application/x-www-form-urlencoded"
BAD_PAYLOAD = "payload=%7Bnot+json"  # payload={not json
NOW = "now"  # replaced by the current time when sent: only the malformation is wrong
MALFORMED = {
    "no signature headers": (BAD_PAYLOAD.encode(), {"Content-Type": FORM}),
    "bad json in payload": (
        BAD_PAYLOAD.encode(),
        {"Content-Type": FORM, "X-Slack-Request-Timestamp": NOW, "X-Slack-Signature": "v0=00"},
    ),
    "bad json body": (b"{not json", {"Content-Type": "application/json"}),
    "non-numeric timestamp": (
        b"token=x",
        {"Content-Type": FORM, "X-Slack-Request-Timestamp": "soon", "X-Slack-Signature": "v0=1"},
    ),
    "garbage signature": (
        b"token=x",
        {"Content-Type": FORM, "X-Slack-Request-Timestamp": NOW,
         "X-Slack-Signature": "v0=\xe9\xff"},
    ),
    "binary body": (
        bytes(range(256)) * 4,
        {"Content-Type": "application/octet-stream", "X-Slack-Request-Timestamp": NOW,
         "X-Slack-Signature": "v0=" + "ab" * 32},
    ),
}  # fmt: skip


def _the_one_line(caplog: pytest.LogCaptureFixture) -> list[str]:
    """The rejection's log: exactly one record, no traceback attached or printed."""
    assert len(caplog.records) == 1, [r.getMessage() for r in caplog.records]
    [record] = caplog.records
    assert record.exc_info is None and "Traceback" not in caplog.text
    assert "\n" not in record.getMessage()
    return [record.getMessage()]


@pytest.mark.parametrize("case", MALFORMED, ids=list(MALFORMED))
def test_malformed_requests_are_401_with_one_log_line(
    slack: SlackHarness, fake: FakeSlack, caplog: pytest.LogCaptureFixture, case: str
) -> None:
    body, headers = MALFORMED[case]
    headers = {k: str(int(time.time())) if v == NOW else v for k, v in headers.items()}
    caplog.set_level(logging.DEBUG)
    caplog.clear()
    reply = _post_bytes(slack, body, headers)
    assert reply.status == 401
    [line] = _the_one_line(caplog)
    assert "signature" in line
    slack.drain()
    assert fake.of("chat.postMessage") == []


@pytest.mark.parametrize(
    ("body", "content_type"),
    [(BAD_PAYLOAD, FORM), ("{not json", "application/json"), ("[1, 2]", "application/json")],
    ids=["bad payload", "bad json", "not an object"],
)
def test_signed_request_bolt_cannot_parse_is_400_with_one_log_line(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture, body: str, content_type: str
) -> None:
    caplog.set_level(logging.DEBUG)
    caplog.clear()
    assert slack.post(body, content_type).status == 400  # signed with the right secret
    [line] = _the_one_line(caplog)
    assert "could not be parsed" in line


@pytest.mark.parametrize(
    "body",
    [
        {"type": "event_callback", "team_id": "T000", "event": "not an object"},
        {"type": "event_callback", "team_id": "T000", "event": {"type": "app_mention",
         "text": 5, "channel": ["C1"], "ts": {"a": 1}, "user": None}},
        {"type": "block_actions", "team": "T000", "actions": "not a list"},
    ],
    ids=["event not an object", "event fields of the wrong type", "actions not a list"],
)  # fmt: skip
def test_signed_request_bolt_accepts_then_fails_on_is_400_with_one_log_line(
    slack: SlackHarness, fake: FakeSlack, caplog: pytest.LogCaptureFixture, body: dict
) -> None:
    caplog.set_level(logging.WARNING)
    caplog.clear()
    reply = slack.post(json.dumps(body), "application/json")
    assert 400 <= reply.status < 500, reply
    slack.drain()
    assert len(caplog.records) == 1, [r.getMessage() for r in caplog.records]
    assert "could not be handled" in caplog.records[0].getMessage()
    assert fake.of("chat.postMessage") == []


@pytest.mark.parametrize("chunked", [False, True], ids=["declared length", "chunked"])
def test_huge_body_is_refused_with_one_log_line(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture, chunked: bool
) -> None:
    caplog.set_level(logging.DEBUG)
    caplog.clear()
    huge = b"token=" + b"x" * MAX_BODY_BYTES
    data = iter([huge[i : i + 65536] for i in range(0, len(huge), 65536)]) if chunked else huge
    reply = _post_bytes(slack, data, {"Content-Type": FORM, **signed_headers(huge.decode())})
    assert reply.status == 413
    [line] = _the_one_line(caplog)
    assert "too large" in line


def test_mention_is_answered_in_a_thread_with_quotes_citations_and_buttons(
    slack: SlackHarness, fake: FakeSlack, shipped_settings
) -> None:
    reply = slack.mention("Who is Amazon partnering with on batteries?", ts="1700000000.000100")
    assert reply.status == 200
    [post] = fake.wait_for("chat.postMessage")
    params = post.params
    assert params["channel"] == "C1"
    assert params["thread_ts"] == "1700000000.000100"  # under the question
    assert post.headers["Authorization"] == f"Bearer {BOT_TOKEN}"
    sections = _sections(params)
    assert "Panasonic" in sections[0] and "*[1]*" in sections[0]
    assert sections[1].startswith("*[1]* Bezos vs. Musk")  # numbered citation with its title
    assert "_Strategic Partnerships and Investments_" in "".join(sections[1:])  # the section
    assert any(line.startswith(">") for line in sections[1].splitlines())  # the quoted passage
    assert "Panasonic" in params["text"]  # plain-text fallback
    assert "<@" not in texts(params)  # an answer in a thread addresses nobody
    buttons = button_values(params)
    assert set(buttons) == {HELPFUL, NOT_HELPFUL, MORE_SOURCES, ASK_HUMAN}
    with sqlite3.connect(shipped_settings.query_log_path) as db:
        row = db.execute(
            "SELECT source, user, question FROM answers WHERE id = ?", (buttons[HELPFUL],)
        ).fetchone()
    assert row == ("slack", "U1", "Who is Amazon partnering with on batteries?")


def test_direct_message_is_answered_in_the_dm(slack: SlackHarness, fake: FakeSlack) -> None:
    slack.message(
        "Where will the production lines be built?",
        channel="D1",
        ts="1700000000.000200",
        channel_type="im",
    )
    [post] = fake.wait_for("chat.postMessage")
    assert post.params["channel"] == "D1"
    assert "thread_ts" not in post.params  # a DM is answered in the conversation itself
    assert "Texas and Michigan" in _sections(post.params)[0]


def test_slash_command_acks_at_once_and_answers_in_channel_or_privately(
    slack: SlackHarness, fake: FakeSlack
) -> None:
    public = slack.command("Where will the production lines be built?", name="public")
    private = slack.command("--private Who is Amazon partnering with on batteries?", name="mine")
    assert (public.status, public.body) == (200, "")
    assert (private.status, private.body) == (200, "")
    [shown] = fake.wait_for("respond/public")
    [hidden] = fake.wait_for("respond/mine")
    assert shown.params["response_type"] == "in_channel"
    assert "Texas and Michigan" in texts(shown.params)
    assert "Question: Where will the production lines be built?" in texts(shown.params)
    assert "<@" not in texts(shown.params)  # the asker is not pinged
    assert hidden.params["response_type"] == "ephemeral"
    assert "Panasonic" in texts(hidden.params)
    assert "--private" not in texts(hidden.params)
    empty = slack.command("   ", name="empty")
    assert empty.status == 200 and "Ask a question" in empty.body


def test_follow_up_in_the_bots_thread_uses_the_threads_question(
    slack: SlackHarness, fake: FakeSlack, service: AnswerService
) -> None:
    root = "1700000000.000300"
    slack.mention("What did Amazon pledge about carbon?", ts=root)
    fake.wait_for("chat.postMessage")
    slack.message("by when?", channel="C1", ts="1700000000.000400", thread_ts=root)
    posts = fake.wait_for("chat.postMessage", 2)
    assert posts[1].params["thread_ts"] == root
    assert "carbon-neutral by 2040" in _sections(posts[1].params)[0]
    assert "2040" not in service.ask("by when?").answer  # it is the thread that made the answer
    assert service.query_log.conversation_questions(f"slack:C1:{root}") == [
        "What did Amazon pledge about carbon?",
        "by when?",
    ]
    assert fake.of("conversations.replies") == []  # context comes from the query log


def test_messages_in_threads_without_the_bot_are_left_alone(
    slack: SlackHarness, fake: FakeSlack
) -> None:
    slack.message("by when?", channel="C1", ts="1700000000.000600", thread_ts="1700000000.000500")
    slack.message("plain channel chatter", channel="C1", ts="1700000000.000700")
    slack.drain()
    assert fake.of("chat.postMessage") == []


def test_feedback_buttons_reach_the_query_log(
    slack: SlackHarness, fake: FakeSlack, shipped_settings
) -> None:
    slack.mention("Who is Amazon partnering with on batteries?", ts="1700000000.000800")
    [post] = fake.wait_for("chat.postMessage")
    answer_id = button_values(post.params)[NOT_HELPFUL]
    assert slack.click(NOT_HELPFUL, answer_id, name="vote", user="U9").status == 200
    [thanks] = fake.wait_for("respond/vote")
    assert thanks.params["response_type"] == "ephemeral"
    assert thanks.params["replace_original"] is False
    assert "Thanks" in thanks.params["text"]
    with sqlite3.connect(shipped_settings.query_log_path) as db:
        votes = db.execute(
            "SELECT user, helpful FROM feedback WHERE answer_id = ?", (answer_id,)
        ).fetchall()
    assert votes == [("U9", 0)]
    slack.click(HELPFUL, "no-such-answer", name="unknown")
    [sorry] = fake.wait_for("respond/unknown")
    assert "not counted" in sorry.params["text"]


def test_more_sources_replaces_the_answer_with_more_citations(
    slack: SlackHarness, fake: FakeSlack
) -> None:
    slack.mention("Who is Amazon partnering with on batteries?", ts="1700000000.000900")
    [post] = fake.wait_for("chat.postMessage")
    before = [s for s in _sections(post.params) if s.startswith("*[")]
    slack.click(MORE_SOURCES, button_values(post.params)[MORE_SOURCES], name="more")
    [more] = fake.wait_for("respond/more")
    after = [s for s in _sections(more.params) if s.startswith("*[")]
    assert more.params["replace_original"] is True
    assert len(after) == len(before) + 3
    assert "Panasonic" in _sections(more.params)[0]


def test_retried_and_twin_events_are_answered_once(slack: SlackHarness, fake: FakeSlack) -> None:
    ts = "1700000000.001000"
    text = "<@UBOT> Who is Amazon partnering with on batteries?"
    mention = {"type": "app_mention", "user": "U1", "text": text, "ts": ts, "channel": "C1"}
    twin = {**mention, "type": "message", "channel_type": "channel"}  # Slack sends both
    replies = [
        slack.send_event(mention, event_id="EvA"),
        slack.send_event(mention, event_id="EvA", retry=1),
        slack.send_event(mention, event_id="EvA", retry=2),
        slack.send_event(twin, event_id="EvB"),
    ]
    assert [r.status for r in replies] == [200, 200, 200, 200]
    slack.drain()
    assert len(fake.of("chat.postMessage")) == 1


@pytest.mark.parametrize(
    ("status", "headers"), [(429, {"Retry-After": "1"}), (503, {})], ids=["429", "503"]
)
def test_rate_limit_and_server_error_are_retried_then_posted(
    slack: SlackHarness, fake: FakeSlack, status: int, headers: dict[str, str]
) -> None:
    fake.fail("chat.postMessage", status, {"ok": False, "error": "ratelimited"}, headers)
    slack.mention("Where will the production lines be built?", ts="1700000000.001100")
    calls = fake.wait_for("chat.postMessage", 2)
    slack.drain()
    assert len(fake.of("chat.postMessage")) == 2  # the failed attempt and its one retry
    assert calls[0].params == calls[1].params
    assert fake.of("chat.postEphemeral") == []  # nothing went wrong from the user's side


def test_permanent_error_is_logged_without_the_token_and_the_user_told(
    slack: SlackHarness, fake: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    fake.fail("chat.postMessage", 200, {"ok": False, "error": "channel_not_found"})
    slack.mention("Where will the production lines be built?", ts="1700000000.001200")
    [told] = fake.wait_for("chat.postEphemeral")
    slack.drain()
    assert told.params["user"] == "U1"
    assert told.params["thread_ts"] == "1700000000.001200"
    assert "channel_not_found" in told.params["text"]
    assert any("channel_not_found" in r.getMessage() for r in caplog.records)
    assert all(BOT_TOKEN not in r.getMessage() for r in caplog.records)


def test_user_text_cannot_ping_or_mention_anyone(slack: SlackHarness, fake: FakeSlack) -> None:
    # Markup is taken out of the question; what was typed literally (escaped by Slack) stays
    # text, and is escaped again when shown.
    typed = "&lt;!channel&gt; &amp; &lt;@U0EVIL&gt;"
    slack.command(f"{typed} <!here|here> batteries? <https://x.test|y>", name="esc")
    [reply] = fake.wait_for("respond/esc")
    rendered = texts(reply.params)
    for bad in ("<!channel>", "<!here", "<@U0EVIL>", "<https://x.test"):
        assert bad not in rendered
    assert "&lt;!channel&gt; &amp; &lt;@U0EVIL&gt;" in rendered


def test_fifty_concurrent_questions_are_all_answered_exactly_once(
    slack: SlackHarness, fake: FakeSlack
) -> None:
    questions = [
        "Who is Amazon partnering with on batteries?",
        "Where will the production lines be built?",
        "What did Amazon pledge about carbon?",
    ]

    def ask(i: int) -> int:
        ts = f"1700000100.{i:06d}"
        return slack.mention(questions[i % 3], channel=f"C{i % 5}", ts=ts).status

    with concurrent.futures.ThreadPoolExecutor(max_workers=50) as pool:
        statuses = list(pool.map(ask, range(50)))
    assert statuses == [200] * 50
    posts = fake.wait_for("chat.postMessage", 50)
    slack.drain()
    answered = Counter(
        (p.params["channel"], p.params["thread_ts"]) for p in fake.of("chat.postMessage")
    )
    assert len(answered) == 50 and set(answered.values()) == {1}
    assert all(len(s) <= SECTION_LIMIT for p in posts for s in _sections(p.params))
