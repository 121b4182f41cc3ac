"""Discord messages -> questions: mentions, DMs, auto-answer channels and forums, follow-ups in
a thread the bot has answered in, and replies to its answers.

Which messages are questions is decided here (with `policy`); answering is the pool's and
sending is `delivery`'s. No retrieval logic lives here.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

import discord

from bot.chat.clean import clean_question
from bot.chat.message import Platform
from bot.conversation import looks_like_question
from bot.dedup import seen_keys_for
from bot.discord import delivery, policy
from bot.discord.cooldown import polite_wait
from bot.discord.pool import CLOSING, AnswerPool
from bot.discord.render import answer_embed, answer_id_in, text_message, thread_name
from bot.discord.views import answer_view
from bot.errors import asker_message, log_unanswered
from bot.settings import DiscordSettings

log = logging.getLogger(__name__)

CHAT_MESSAGES = (discord.MessageType.default, discord.MessageType.reply)


@dataclass(frozen=True)
class Ask:
    """A question found in a message or forum post, and where its answer goes."""

    question: str
    conversation: str
    history: list[str] | None  # None: read the conversation's earlier questions from the log
    asker_id: int
    asker: discord.abc.User | None  # whom to DM if the channel refuses the answer
    channel: discord.abc.Messageable
    reference: discord.Message | None  # the answer replies to this message
    origin: str  # for log lines: "message 123"
    in_thread: bool = False  # answer in a thread started on `reference` (a reply if that fails)


def forum_question(title: str, body: str) -> str:
    """A forum post asks with its title and its text; a body that repeats the title wins."""
    title, body = title.strip(), body.strip()
    if not body or body.lower().startswith(title.lower()):
        return body or title
    return f"{title}{'' if title[-1:] in '.?!:' else ':'} {body}"


class MessageHandler:
    def __init__(self, pool: AnswerPool, settings: DiscordSettings) -> None:
        self.pool = pool
        self.settings = settings
        # Message and post ids taken up, so a replayed gateway event is answered once.
        self.seen = seen_keys_for(pool.service.query_log, "discord")

    async def on_message(self, client: discord.Client, message: discord.Message) -> None:
        me = client.user
        if me is None or message.author.bot or message.webhook_id is not None:
            return  # never answer ourselves or other bots: no loops, no floods
        if message.type not in CHAT_MESSAGES:
            return  # joins, pins, "started a thread"
        with self.pool.tracked():
            try:
                ask = await self._question_in(message, me.id)
            except Exception as err:  # e.g. the query log is unreadable: nobody asked us yet
                log_unanswered(log, err, f"message {message.id}")
                return
            if ask is not None and self.seen.first_time(message.id):
                await self._answer(ask)

    async def _question_in(self, message: discord.Message, me: int) -> Ask | None:
        dm = message.guild is None
        channel = message.channel
        if not policy.may_answer(self.settings, channel, dm=dm):
            return None
        mentioned = policy.mentions_bot(message, me)
        text = clean_question(message.content, Platform.DISCORD)
        author, origin = message.author, f"message {message.id}"

        def ask(conversation: str, history: list[str] | None, *, thread: bool = False) -> Ask:
            return Ask(
                text, conversation, history, author.id, author, channel, message, origin, thread
            )

        if dm:
            return ask(f"discord:{channel.id}", None)
        if isinstance(channel, discord.Thread):
            if message.id == channel.id and policy.auto_answers_forum(self.settings, channel):
                return None  # a new post in an auto-answer forum: on_thread_create takes it
            conversation = f"discord:{channel.id}"
            if mentioned:
                return ask(conversation, None)
            if not self._may_follow_up(message, me, text):
                return None
            query_log = self.pool.service.query_log
            history = await self.pool.run(query_log.follow_up_context, conversation)
            # None: not a thread we answered in, or one handed to the humans.
            return ask(conversation, history) if history is not None else None
        context = await self._replied_context(message, me)
        if context is not None:  # a reply to one of our answers follows it up, as a reply
            conversation, history = context
            if not mentioned and (
                not self._may_follow_up(message, me, text) or await self._handed_off(conversation)
            ):
                return None
            return ask(conversation, history)
        # A thread started on this message has the message's id: both share one key.
        conversation = f"discord:{message.id}"
        threaded = self.settings.answer_in_threads
        if mentioned:
            return ask(conversation, [], thread=threaded)
        if (
            not text
            or not policy.auto_answers_channel(self.settings, channel)
            or policy.addressed_elsewhere(message, me)
            or (self.settings.auto_answer_questions_only and not looks_like_question(text))
        ):
            return None
        return ask(conversation, [], thread=threaded)

    @staticmethod
    def _may_follow_up(message: discord.Message, me: int, text: str) -> bool:
        """Unmentioned, a reply follows up only if it asks something ("thanks!" does not), of us."""
        return looks_like_question(text) and not policy.addressed_elsewhere(message, me)

    async def _handed_off(self, conversation: str) -> bool:
        return await self.pool.run(self.pool.service.query_log.handed_off, conversation)

    async def _replied_context(
        self, message: discord.Message, me: int
    ) -> tuple[str, list[str]] | None:
        """When the message replies to one of our answers: that answer's conversation, and its
        questions up to and including the answer's own."""
        answer_id = await self._replied_answer(message, me)
        query_log = self.pool.service.query_log
        context = await self.pool.run(query_log.answer_context, answer_id) if answer_id else None
        if context is None:
            return None  # not a reply to an answer on record: an ordinary message
        question, conversation, earlier = context
        # A "More sources" or "Share" answer is kept out of any conversation: start one here.
        return conversation or f"discord:{message.id}", [*earlier, question]

    @staticmethod
    async def _replied_answer(message: discord.Message, me: int) -> str | None:
        """The id of our answer this message replies to, if it replies to one."""
        ref = message.reference
        if message.type is not discord.MessageType.reply or ref is None or ref.message_id is None:
            return None  # not a reply (a forward has a reference too)
        replied = ref.resolved or ref.cached_message
        if replied is None:  # Discord left the replied message out of the event: read it
            try:
                replied = await message.channel.fetch_message(ref.message_id)
            except delivery.SEND_ERRORS as err:
                why = delivery.describe(err)
                log.info("message %s: cannot read the message it replies to (%s)", message.id, why)
                return None
        if not isinstance(replied, discord.Message) or replied.author.id != me:
            return None
        return answer_id_in(replied)

    async def on_thread_create(self, client: discord.Client, thread: discord.Thread) -> None:
        """A new post in an auto-answer forum: its title and first message are the question."""
        me = client.user
        if me is None or thread.owner_id == me.id:
            return
        if not policy.auto_answers_forum(self.settings, thread) or not self.seen.first_time(
            thread.id
        ):
            return
        with self.pool.tracked():
            starter = thread.starter_message or await self._fetch_starter(thread)
            body = ""
            if starter is not None:
                if starter.author.bot or policy.addressed_elsewhere(starter, me.id):
                    return
                body = starter.content
            question = clean_question(forum_question(thread.name, body), Platform.DISCORD)
            if self.settings.auto_answer_questions_only and not looks_like_question(question):
                return
            asker = starter.author if starter is not None else thread.owner
            await self._answer(
                Ask(
                    question,
                    f"discord:{thread.id}",  # its own conversation: follow-ups in the post
                    history=[],
                    asker_id=thread.owner_id or 0,
                    asker=asker,
                    channel=thread,
                    reference=None,  # the answer sits right under the post
                    origin=f"forum post {thread.id}",
                )
            )

    async def _fetch_starter(self, thread: discord.Thread) -> discord.Message | None:
        # The post's first message can arrive after the thread: read it rather than wait for it.
        try:
            return await thread.fetch_message(thread.id)
        except delivery.SEND_ERRORS as err:
            log.warning(
                "forum post %s: could not read its message (%s); answering its title",
                thread.id,
                delivery.describe(err),
            )
            return None

    async def _answer(self, ask: Ask) -> None:
        async def say(text: str) -> None:
            await delivery.post(
                ask.channel, ask.asker, reference=ask.reference, content=text_message(text)
            )

        if self.pool.closing:  # the answer pool is shutting down
            await say(CLOSING)
            return
        wait = self.pool.cooldown.retry_after(ask.asker_id)
        if wait:
            log.info("cooldown: user %s asked too often", ask.asker_id)
            await say(polite_wait(wait))
            return
        if ask.in_thread and ask.question:  # an empty question gets its note as a reply
            ask = await self._into_thread(ask)
        async with delivery.working(ask.channel):
            try:
                user = f"discord:{ask.asker_id}"  # as pool.user_key names a user
                answer = await self.pool.ask(ask.question, user, ask.conversation, ask.history)
                embed, view = answer_embed(answer), answer_view(answer, self.pool.step)
            except Exception as err:  # answering or rendering: either way the asker hears
                log_unanswered(log, err, ask.origin)
                await say(asker_message(err))
                return
            await delivery.post(
                ask.channel, ask.asker, reference=ask.reference, embed=embed, view=view
            )

    async def _into_thread(self, ask: Ask) -> Ask:
        """The ask moved into a new public thread on its message, as on Slack; unchanged (a
        reply) where Discord will not start one, with one log line saying why."""
        message, channel = ask.reference, ask.channel
        if message is None or not policy.threads_in(channel):
            kind = getattr(channel, "type", "unknown")
            log.info("%s: no threads in a %s channel; answering with a reply", ask.origin, kind)
            return ask
        try:
            thread = await message.create_thread(
                name=thread_name(ask.question),
                # The channel's default: archived after a day of quiet unless its admins changed it.
                auto_archive_duration=channel.default_auto_archive_duration,
            )
        except delivery.SEND_ERRORS as err:
            log.warning(
                "%s: could not start a thread (%s); answering with a reply",
                ask.origin,
                delivery.describe(err),
            )
            return ask
        # The thread has the message's id, so `ask.conversation` already names it.
        return replace(ask, channel=thread, reference=None)
