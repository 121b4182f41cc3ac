"""The real discord.py client, driven through a local fake Discord (tests/fake_discord.py)."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import discord
import pytest

from bot.embedding import Embedder
from bot.index import build_index
from bot.service import AnswerService
from bot.settings import Settings
from tests.fake_discord import (
    ASKER,
    CHANNEL_ID,
    DM_CHANNEL_ID,
    GUILD_ID,
    MENTION,
    MISSING_PERMISSIONS,
    THREAD_ID,
    TOKEN,
    FakeDiscord,
    custom_ids,
    discord_settings,
    embed_of,
    no_pings,
    running_bot,
    started_fake,
    user,
)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeDiscord]:
    with started_fake(monkeypatch) as server:
        yield server


def service_for(settings: Settings, embedder: Embedder, db: Path) -> AnswerService:
    service = AnswerService(settings.model_copy(update={"db_path": db}), embedder)
    service.warm_up()
    return service


@pytest.fixture
def bot_service(shipped_settings: Settings, embedder: Embedder, tmp_path: Path) -> AnswerService:
    """The shipped index with a query log of this test's own."""
    return service_for(shipped_settings, embedder, tmp_path / "log.sqlite3")


def test_slash_command_defers_then_follows_up(fake: FakeDiscord, bot_service: AnswerService):
    question = "Who is Amazon partnering with on batteries?"

    async def scenario() -> None:
        async with running_bot(bot_service, discord_settings(fake)):
            fake.slash_ask(question, ASKER)
            await fake.wait_for(lambda: fake.posts("webhooks/"))

    asyncio.run(scenario())
    # Commands went to the test server (instant), and the intents include message content.
    assert any(c.method == "PUT" and f"guilds/{GUILD_ID}/commands" in c.path for c in fake.calls)
    assert fake.identified[0]["intents"] & discord.Intents(message_content=True).value
    callbacks = [i for i, c in enumerate(fake.calls) if c.path.startswith("interactions/")]
    followups = [i for i, c in enumerate(fake.calls) if c.path.startswith("webhooks/")]
    assert len(callbacks) == 1 and len(followups) == 1
    assert callbacks[0] < followups[0], "the interaction is deferred before the answer follows"
    defer = fake.calls[callbacks[0]]
    assert defer.body["type"] == 5  # deferred channel message: "evbot is thinking…"
    assert not defer.body.get("data", {}).get("flags", 0) & 64
    answer = fake.calls[followups[0]]
    no_pings(answer)
    embed = embed_of(answer)
    expected = bot_service.ask(question)
    assert embed["title"] == question
    for quote in expected.quotes:
        assert quote.text[:40] in embed["description"].replace("\\", "")
    assert [f["name"].split("]")[0] for f in embed["fields"]] == ["[1", "[2", "[3"]
    assert expected.citations[0].title in embed["fields"][0]["name"].replace("\\", "")
    assert embed["fields"][0]["value"].startswith("> ")
    ids = custom_ids(answer)
    answer_id = ids[0].rsplit(":", 1)[1]
    assert ids == [
        f"evbot:vote:1:{answer_id}",
        f"evbot:vote:0:{answer_id}",
        f"evbot:more:6:{answer_id}",
        f"evbot:human:{answer_id}",
    ]  # no "Share in channel": the answer is public already
    row = sqlite3.connect(bot_service.settings.query_log_path).execute(
        "SELECT source, user, question FROM answers WHERE id = ?", (answer_id,)
    )
    assert row.fetchone() == ("discord", f"discord:{ASKER['id']}", question)


def test_slash_command_ephemeral_answers_privately(fake: FakeDiscord, bot_service: AnswerService):
    async def scenario() -> None:
        async with running_bot(bot_service, discord_settings(fake)):
            fake.slash_ask("Where will the production lines be built?", ASKER, ephemeral=True)
            await fake.wait_for(lambda: fake.posts("webhooks/"))

    asyncio.run(scenario())
    (defer,) = fake.posts("interactions/")
    assert defer.body["data"]["flags"] & 64
    (answer,) = fake.posts("webhooks/")
    assert answer.response["flags"] & 64
    assert embed_of(answer)["fields"]
    assert custom_ids(answer)[-1].startswith("evbot:share:3:")


def test_replies_after_thinking_edit_it_and_a_shared_answer_is_a_new_message(
    fake: FakeDiscord, bot_service: AnswerService
):
    """Discord's Edit Original Interaction Response, not a first follow-up: that one edits the
    loading message only for backwards compatibility (deprecated), and with an embed alone it
    once left "thinking…" showing. Share, acknowledged without "thinking…", posts anew: an edit
    there would change the private answer its button is on."""

    async def scenario() -> None:
        async with running_bot(bot_service, discord_settings(fake)):
            fake.slash_ask("Who is Amazon partnering with on batteries?", ASKER)
            (public,) = await fake.wait_for(fake.messages)
            fake.click(public.response, custom_ids(public)[2], ASKER)  # More sources
            await fake.wait_for(lambda: len(fake.messages()) == 2)
            fake.click(public.response, custom_ids(public)[0], ASKER)  # Helpful
            await fake.wait_for(lambda: len(fake.messages()) == 3)
            fake.slash_ask("Where will the production lines be built?", ASKER, ephemeral=True)
            await fake.wait_for(lambda: len(fake.messages()) == 4)
            private = fake.messages()[3]
            fake.click(private.response, custom_ids(private)[-1], ASKER)  # Share in channel
            await fake.wait_for(lambda: len(fake.messages()) == 5)

    asyncio.run(scenario())
    public, more, thanks, private, shared = fake.messages()
    for edited in (public, more, thanks, private):
        assert edited.method == "PATCH" and edited.path.endswith("/messages/@original")
    assert embed_of(public)["fields"] and len(embed_of(more)["fields"]) == 6
    assert not public.response["flags"] & 64 and not more.response["flags"] & 64
    assert thanks.response["flags"] & 64 and private.response["flags"] & 64
    assert shared.method == "POST" and not shared.response["flags"] & 64
    assert embed_of(shared)["title"] == embed_of(private)["title"]


def test_an_answer_discord_refuses_after_thinking_reaches_the_asker_privately(
    fake: FakeDiscord, bot_service: AnswerService
):
    """The edit of "thinking…" refused, the answer still reaches the asker: a private follow-up
    says why and carries it (it was a note alone, the answer lost)."""
    fake.fail("webhooks/*/messages/@original", 403, MISSING_PERMISSIONS, method="PATCH")

    async def scenario() -> None:
        async with running_bot(bot_service, discord_settings(fake)):
            fake.slash_ask("Who is Amazon partnering with on batteries?", ASKER)
            await fake.wait_for(lambda: [c for c in fake.posts("webhooks/") if c.method == "POST"])

    asyncio.run(scenario())
    refused, told = fake.posts("webhooks/")
    assert refused.method == "PATCH" and refused.status == 403
    assert told.status == 200 and told.body["flags"] & 64
    assert told.body["content"].startswith("Sorry, I couldn't post that")
    assert told.body["content"].endswith("Here is my answer:")
    assert embed_of(told) == refused.body["embeds"][0]


def test_an_answer_discord_refuses_twice_after_thinking_ends_in_a_note(
    fake: FakeDiscord, bot_service: AnswerService
):
    """The answer refused as an edit and as a follow-up (say, an embed Discord won't take):
    the asker still reads why."""
    fake.fail("webhooks/*/messages/@original", 403, MISSING_PERMISSIONS, method="PATCH")
    invalid = {"message": "Invalid Form Body", "code": 50035}
    fake.fail("webhooks/*", 400, invalid, when=lambda body: bool(body and body.get("embeds")))

    async def scenario() -> None:
        async with running_bot(bot_service, discord_settings(fake)):
            fake.slash_ask("Who is Amazon partnering with on batteries?", ASKER)
            await fake.wait_for(lambda: len(fake.posts("webhooks/")) == 3)

    asyncio.run(scenario())
    refused, attached, told = fake.posts("webhooks/")
    assert refused.status == 403 and attached.status == 400
    assert told.status == 200 and told.body["flags"] & 64 and not told.body.get("embeds")
    assert told.body["content"] == (
        "Sorry, I couldn't post that: I'm not in that channel or I'm missing a permission there "
        "(invite me, or ask me in a direct message)."
    )


def test_mention_is_answered_in_a_thread_and_bots_are_ignored(
    fake: FakeDiscord, bot_service: AnswerService
):
    async def scenario() -> dict[str, Any]:
        async with running_bot(bot_service, discord_settings(fake)):
            fake.message_create("Who is Amazon partnering with?", ASKER)  # not addressed to us
            robot = user(700000000000000009, "other-bot", bot=True)
            fake.message_create(f"{MENTION} Is Amazon making cars?", robot, mentions_bot=True)
            asked = fake.message_create(
                f"{MENTION} Where will the production lines be built?", ASKER, mentions_bot=True
            )
            await fake.wait_for(fake.messages)
            return asked

    asked = asyncio.run(scenario())  # closing drains in-flight answers: the count is final
    (started,) = [c for c in fake.posts() if c.path.endswith("/threads")]
    assert started.path == f"channels/{CHANNEL_ID}/messages/{asked['id']}/threads"
    assert started.body["name"] == "Where will the production lines be built?"
    (reply,) = fake.messages()
    assert reply.path == f"channels/{asked['id']}/messages"  # the thread has the message's id
    no_pings(reply)
    embed = embed_of(reply)
    assert embed["title"] == "Where will the production lines be built?"
    assert "<@" not in embed["title"]
    assert embed["fields"]


def test_direct_message_is_answered(fake: FakeDiscord, bot_service: AnswerService):
    async def scenario() -> None:
        async with running_bot(bot_service, discord_settings(fake)):
            fake.message_create(
                "Who is Amazon partnering with on batteries?",
                ASKER,
                channel_id=DM_CHANNEL_ID,
                dm=True,
            )
            await fake.wait_for(fake.messages)

    asyncio.run(scenario())
    (reply,) = fake.messages()
    assert reply.path == f"channels/{DM_CHANNEL_ID}/messages"
    no_pings(reply)
    assert embed_of(reply)["fields"]


def test_refusal_says_the_sources_do_not_cover_it(fake: FakeDiscord, bot_service: AnswerService):
    async def scenario() -> None:
        async with running_bot(bot_service, discord_settings(fake)):
            fake.message_create(
                "What is a good recipe for banana bread?", ASKER, channel_id=DM_CHANNEL_ID, dm=True
            )
            await fake.wait_for(fake.messages)

    asyncio.run(scenario())
    (reply,) = fake.messages()
    embed = embed_of(reply)
    assert "don't cover" in embed["description"]
    assert not embed.get("fields")
    kinds = [i.split(":")[1] for i in custom_ids(reply)]
    assert kinds == ["vote", "vote", "human"]  # no More sources; a person can still be asked


def test_thread_follow_up_uses_the_earlier_question(fake: FakeDiscord, bot_service: AnswerService):
    # Alone, "and by when?" matches nothing: a follow-up keeps its context only where it helps.
    first, follow_up = "Is Amazon making electric cars?", "and by when?"

    async def scenario() -> None:
        async with running_bot(bot_service, discord_settings(fake)):
            fake.message_create("chatter before the bot was asked", ASKER, channel_id=THREAD_ID)
            fake.message_create(
                f"{MENTION} {first}", ASKER, channel_id=THREAD_ID, mentions_bot=True
            )
            await fake.wait_for(fake.messages)
            fake.message_create(follow_up, ASKER, channel_id=THREAD_ID)  # no mention needed now
            await fake.wait_for(lambda: len(fake.messages()) == 2)

    asyncio.run(scenario())
    replies = fake.messages()
    assert len(replies) == 2, "chatter in a thread the bot never answered in is left alone"
    assert all(r.path == f"channels/{THREAD_ID}/messages" for r in replies)
    # Asked in a conversation of its own, as the thread asked it: the answer before is read too.
    bot_service.ask(first, conversation="expected")
    in_context = bot_service.ask(follow_up, [first], conversation="expected")
    alone = bot_service.ask(follow_up)
    embed = embed_of(replies[1])
    cited = [f["value"].replace("\\", "") for f in embed["fields"]]
    assert len(cited) == len(in_context.citations)
    for expected, shown in zip(in_context.citations, cited, strict=True):
        assert expected.text[:30] in shown
    assert [c.text for c in in_context.citations] != [c.text for c in alone.citations]
    rows = sqlite3.connect(bot_service.settings.query_log_path).execute(
        "SELECT question, conversation FROM answers WHERE source = 'discord' ORDER BY asked_at"
    )
    assert rows.fetchall() == [(first, f"discord:{THREAD_ID}"), (follow_up, f"discord:{THREAD_ID}")]


def test_buttons_store_feedback_and_give_more_sources_after_a_restart(
    fake: FakeDiscord, bot_service: AnswerService
):
    async def scenario() -> None:
        config = discord_settings(fake)
        async with running_bot(bot_service, config):
            fake.slash_ask("Who is Amazon partnering with on batteries?", ASKER)
            await fake.wait_for(lambda: fake.posts("webhooks/"))
        (answer,) = fake.posts("webhooks/")
        message = answer.response
        vote_down, more = custom_ids(answer)[1], custom_ids(answer)[2]
        # A new process: the buttons on the old message still work.
        async with running_bot(bot_service, config):
            fake.click(message, vote_down, ASKER)
            await fake.wait_for(lambda: len(fake.posts("webhooks/")) == 2)
            fake.click(message, more, ASKER)
            await fake.wait_for(lambda: len(fake.posts("webhooks/")) == 3)

    asyncio.run(scenario())
    answer, thanks, more_sources = fake.posts("webhooks/")
    answer_id = custom_ids(answer)[0].rsplit(":", 1)[1]
    assert "not helpful" in thanks.body["content"]
    assert thanks.response["flags"] & 64  # only the voter sees the thanks
    db = sqlite3.connect(bot_service.settings.query_log_path)
    votes = db.execute("SELECT answer_id, user, helpful FROM feedback").fetchall()
    assert votes == [(answer_id, f"discord:{ASKER['id']}", 0)]
    assert len(embed_of(more_sources)["fields"]) == 6
    assert custom_ids(more_sources)[2].startswith("evbot:more:9:")
    no_pings(more_sources)
    clicks = [c for c in fake.posts("interactions/")][1:]
    assert [c.body["type"] for c in clicks] == [5, 5]  # each click acknowledged first


def test_vote_for_an_answer_no_longer_on_record_is_told(
    fake: FakeDiscord,
    bot_service: AnswerService,
    shipped_settings: Settings,
    embedder: Embedder,
    tmp_path: Path,
):
    fresh = service_for(shipped_settings, embedder, tmp_path / "new-log.sqlite3")

    async def scenario() -> None:
        async with running_bot(bot_service, discord_settings(fake)):
            fake.slash_ask("Who is Amazon partnering with on batteries?", ASKER)
            await fake.wait_for(lambda: fake.posts("webhooks/"))
        (answer,) = fake.posts("webhooks/")
        # Restarted with an empty query log: the old answer's id is unknown to it.
        async with running_bot(fresh, discord_settings(fake)):
            fake.click(answer.response, custom_ids(answer)[0], ASKER)
            await fake.wait_for(lambda: len(fake.posts("webhooks/")) == 2)

    asyncio.run(scenario())
    reply = fake.posts("webhooks/")[1]
    assert "no longer have that answer" in reply.body["content"]
    assert reply.response["flags"] & 64


def passage_corpus(tmp_path: Path, text: str) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "article.md").write_text(text)
    return corpus


def test_corpus_text_cannot_ping_or_break_markdown(
    fake: FakeDiscord, shipped_settings: Settings, embedder: Embedder, tmp_path: Path
):
    corpus = passage_corpus(
        tmp_path,
        "---\ntitle: Fan *war* [notes]\nurl: https://example.com/a (b)\n---\n# Reactions\n\n"
        "Tesla fans flooded the forum and pinged @everyone and @here about the Amazon car. "
        # Backslash-escaped: the loader reads Markdown to plain text, and these must survive it.
        "Moderators wrote \\*\\*stop\\*\\* and \\`ping\\` spam with a "
        "\\[fake link\\](https://evil.example) "
        "when the Amazon car rumour spread. One fan tagged <@123456789012345678> and "
        "<@&123456789012345679> about the Amazon car.\n",
    )
    settings = shipped_settings.model_copy(
        update={"corpus_dir": corpus, "index_dir": tmp_path / "index"}
    )
    build_index(settings, embedder)
    service = service_for(settings, embedder, tmp_path / "log.sqlite3")

    async def scenario() -> None:
        async with running_bot(service, discord_settings(fake)):
            fake.slash_ask("Did Tesla fans ping @everyone about the Amazon car?", ASKER)
            await fake.wait_for(lambda: fake.posts("webhooks/"))

    asyncio.run(scenario())
    (answer,) = fake.posts("webhooks/")
    no_pings(answer)
    embed = embed_of(answer)
    shown = (
        embed["title"]
        + embed["description"]
        + "".join(f["name"] + f["value"] for f in embed["fields"])
    )
    assert "@everyone" not in shown and "@here" not in shown
    assert "@\u200beveryone" in shown
    assert "<@123456789012345678>" not in shown and "<@&123456789012345679>" not in shown
    assert "**stop**" not in shown and "\\*\\*stop\\*\\*" in shown
    assert "\\[fake link\\](" in shown and "\\\\[" not in shown  # escaped once: no link
    # The title is linked (to the quoted sentence), and neither it nor its URL can end the link
    # early: the brackets in the title are escaped, the URL's parentheses percent-encoded.
    link = "[Fan \\*war\\* \\[notes\\]](https://example.com/a%20%28b%29#:~:text=Tesla%20fans"
    assert embed["fields"][0]["value"].startswith(link)
    assert embed["fields"][0]["value"].split("\n")[0].count(")") == 1


def test_over_long_answer_is_trimmed_not_rejected(
    fake: FakeDiscord, shipped_settings: Settings, embedder: Embedder, tmp_path: Path
):
    sentence = "Amazon battery plant {n} " + "expands its electric vehicle production " * 12 + "."
    paragraphs = [" ".join(sentence.format(n=f"{p}-{i}") for i in range(4)) for p in range(10)]
    corpus = passage_corpus(
        tmp_path,
        "---\ntitle: " + "A very long title " * 30 + "\n---\n"
        + "".join(f"# Section {p} " + "with a long heading " * 20 + f"\n\n{t}\n\n"
                  for p, t in enumerate(paragraphs)),
    )  # fmt: skip
    settings = shipped_settings.model_copy(
        update={
            "corpus_dir": corpus,
            "index_dir": tmp_path / "index",
            "chunk_tokens": 254,
            "citations": 10,
        }
    )
    build_index(settings, embedder)
    service = service_for(settings, embedder, tmp_path / "log.sqlite3")
    question = "Where does Amazon expand electric vehicle production? " * 30

    async def scenario() -> None:
        async with running_bot(service, discord_settings(fake)):
            fake.slash_ask(question, ASKER)
            await fake.wait_for(lambda: fake.posts("webhooks/"))

    asyncio.run(scenario())
    assert all(c.status == 200 for c in fake.calls), [c.response for c in fake.calls]
    (answer,) = fake.posts("webhooks/")
    embed = embed_of(answer)
    assert embed["title"].endswith("…") and len(embed["title"]) <= 256
    # Seven or more full 1,024-character passages exceed the 6,000 total: trimming had to act.
    assert len(embed["fields"]) >= 7
    assert sum(len(f["name"]) + len(f["value"]) for f in embed["fields"]) <= 6000
    assert all(len(f["name"]) <= 256 and len(f["value"]) <= 1024 for f in embed["fields"])
    assert any(f["value"].endswith("…") for f in embed["fields"])
    assert any(f["name"].endswith("…") for f in embed["fields"])
    # Ten citations is the most: no More sources button.
    assert [i.split(":")[1] for i in custom_ids(answer)] == ["vote", "vote", "human"]
    assert embed["footer"]["text"].startswith("Sources as of ")  # kept through the trimming


def test_fifty_concurrent_questions_each_answered_once(
    fake: FakeDiscord, bot_service: AnswerService, questions: list[dict]
):
    async def scenario() -> list[dict[str, Any]]:
        async with running_bot(bot_service, discord_settings(fake)):
            asked = [
                fake.message_create(
                    f"{MENTION} {questions[i % len(questions)]['question']}",
                    user(710000000000000000 + i, f"user{i}"),
                    mentions_bot=True,
                )
                for i in range(50)
            ]
            await fake.wait_for(lambda: len(fake.messages()) >= 50, timeout=120)
            return asked

    asked = asyncio.run(scenario())  # the client closed: nothing more can arrive
    replies = fake.messages()
    # Each in the thread on its own question (a thread has its message's id).
    assert sorted(r.path for r in replies) == sorted(f"channels/{m['id']}/messages" for m in asked)
    assert all(r.status == 200 and r.body["embeds"] for r in replies)
    assert fake.heartbeats >= 1


def test_cooldown_answers_politely(fake: FakeDiscord, bot_service: AnswerService):
    async def scenario() -> None:
        async with running_bot(bot_service, discord_settings(fake, cooldown_questions=2)):
            for _ in range(3):
                fake.message_create(
                    f"{MENTION} Where will the production lines be built?", ASKER, mentions_bot=True
                )
            await fake.wait_for(lambda: len(fake.messages()) == 3)

    asyncio.run(scenario())
    replies = fake.messages()
    assert sum(bool(r.body.get("embeds")) for r in replies) == 2
    (polite,) = [r for r in replies if not r.body.get("embeds")]
    assert "please wait" in polite.body["content"]
    no_pings(polite)


def test_empty_mention_is_greeted(fake: FakeDiscord, bot_service: AnswerService):
    async def scenario() -> None:
        async with running_bot(bot_service, discord_settings(fake)):
            fake.message_create(MENTION, ASKER, mentions_bot=True)
            await fake.wait_for(fake.messages)

    asyncio.run(scenario())
    (reply,) = fake.messages()  # "@evbot" alone calls the bot as "hi" does (session 29)
    assert embed_of(reply)["description"].startswith("Hello!")


def test_index_failure_is_told_to_the_asker(
    fake: FakeDiscord, bot_service: AnswerService, monkeypatch: pytest.MonkeyPatch, caplog
):
    from bot.errors import IndexUnavailable

    def broken(*args: Any, **kwargs: Any) -> None:
        raise IndexUnavailable("the index is corrupt: run `evbot index build`")

    monkeypatch.setattr(bot_service, "ask", broken)

    async def scenario() -> None:
        async with running_bot(bot_service, discord_settings(fake)):
            fake.slash_ask("Who is Amazon partnering with?", ASKER)
            await fake.wait_for(lambda: fake.posts("webhooks/"))

    asyncio.run(scenario())
    (reply,) = fake.messages()
    assert "can't search my sources" in reply.body["content"]
    assert reply.response["flags"] & 64  # a note to the asker alone, the "thinking…" withdrawn
    assert "index is corrupt" in caplog.text
    assert TOKEN not in caplog.text


def test_shutdown_finishes_answers_in_flight_and_leaks_no_tasks(
    fake: FakeDiscord, bot_service: AnswerService, monkeypatch: pytest.MonkeyPatch
):
    shutting_down = threading.Event()
    real_ask = bot_service.ask

    def ask_once_shutdown_began(*args: Any, **kwargs: Any) -> Any:
        shutting_down.wait(60)  # the answer cannot finish before close() has begun
        return real_ask(*args, **kwargs)

    monkeypatch.setattr(bot_service, "ask", ask_once_shutdown_began)

    async def scenario() -> set[asyncio.Task[Any]]:
        async with running_bot(bot_service, discord_settings(fake)) as client:
            drain = client.runner.drain

            async def drain_and_signal() -> None:
                shutting_down.set()
                await drain()

            monkeypatch.setattr(client.runner, "drain", drain_and_signal)
            fake.slash_ask("Who is Amazon partnering with on batteries?", ASKER)
            await fake.wait_for(lambda: fake.posts("interactions/"))
            await client.close()  # the answer is still in flight: only draining delivers it
        await asyncio.sleep(0)
        return {t for t in asyncio.all_tasks() if t is not asyncio.current_task()}

    leftover = asyncio.run(scenario())
    assert leftover == set()
    (answer,) = fake.posts("webhooks/")  # the answer in flight was delivered before closing
    assert embed_of(answer)["fields"]
