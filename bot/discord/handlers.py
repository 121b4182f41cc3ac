"""Discord messages -> questions: mentions, DMs, auto-answer channels and forums, follow-ups in
a thread the bot has answered in, and replies to its answers.

Each message is parsed into the chat layer's `ChatMessage` (`parse`) and decided there
(`bot.chat.decide`); what is left here is Discord's own: reading the message a reply points at,
the thread started on a question, typing, and the embed.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, replace

import discord

from bot.chat import messages
from bot.chat.decide import Action, Decision, Earlier, addressed_to_the_bot, decide
from bot.chat.message import ChatMessage
from bot.chat.runner import AnswerRunner
from bot.discord import delivery
from bot.discord.parse import (
    CHAT_MESSAGES,
    auto_answers_forum,
    mentions_me,
    parse_forum_post,
    parse_message,
    threads_in,
)
from bot.discord.render import (
    answer_embed,
    answer_id_in,
    continued_embeds,
    text_message,
    thread_name,
)
from bot.discord.views import answer_view
from bot.settings import DiscordSettings
from bot.store.base import CLAIM_TTL_SECONDS

log = logging.getLogger(__name__)
# A thread's messages read before a thanks (one history request): only these decide whether
# someone else answered the thanker since the bot did.
THREAD_READ = 50


@dataclass
class _Progress:
    """How far a message was read before a failure: says whether its author asked the bot."""

    record: ChatMessage | None = None
    decision: Decision | None = None


@dataclass(frozen=True)
class Where:
    """Where the answer to a question goes."""

    channel: discord.abc.Messageable
    asker: discord.abc.User | None  # whom to DM if the channel refuses the answer
    reference: discord.Message | None  # the answer replies to this message
    origin: str  # for log lines: "message 123"


class MessageHandler:
    def __init__(self, runner: AnswerRunner, settings: DiscordSettings) -> None:
        self.runner = runner
        self.settings = settings

    async def on_message(self, client: discord.Client, message: discord.Message) -> None:
        """Take the message up (`_on_message`); whatever breaks before the answer's own
        `never_silent` (reading the message it replies to, the decision, the claim) is logged and
        told to the asker when they addressed the bot (a mention, a DM, a question in an
        auto-answer channel: `addressed_to_the_bot`), never left silent."""
        progress = _Progress()
        try:
            await self._on_message(client, message, progress)
        except Exception:
            log.exception("message %s could not be taken up", message.id)
            me = client.user
            if me is None or message.author.bot:
                return
            if self._addressed(message, me.id, progress):
                sorry = text_message(messages.SORRY)
                await delivery.post(
                    message.channel, message.author, reference=message, content=sorry
                )

    def _addressed(self, message: discord.Message, me: int, progress: _Progress) -> bool:
        """Whether the bot was asked, by what was read before the failure: the decision, the
        parsed message, or (neither) the message as Discord gave it."""
        if progress.record is not None:
            return addressed_to_the_bot(progress.record, progress.decision)
        in_thread = isinstance(message.channel, discord.Thread)
        auto = not in_thread and self.settings.auto_answers_in(str(message.channel.id))
        others = set(message.raw_mentions) - {me} or message.raw_role_mentions
        tags_others = bool(others) or message.mention_everyone
        return message.guild is None or mentions_me(message, me) or (auto and not tags_others)

    async def _on_message(
        self, client: discord.Client, message: discord.Message, progress: _Progress
    ) -> None:
        me = client.user
        if me is None or message.author.bot or message.type not in CHAT_MESSAGES:
            return  # never answer ourselves or other bots; joins, pins, "started a thread"
        channel = message.channel
        if (
            isinstance(channel, discord.Thread)
            and message.id == channel.id
            and auto_answers_forum(self.settings, channel)
        ):
            return  # a new post in an auto-answer forum: on_thread_create takes it
        replied = await self._replied_message(message, me.id)
        answer = answer_id_in(replied) if replied is not None else None
        # A greeting's or a note's reply names nobody; a hand-off tags the humans it calls.
        to_bot = (
            replied is not None
            and answer is None
            and not replied.raw_mentions
            and not replied.raw_role_mentions
        )
        record = progress.record = parse_message(message, me.id, self.settings, answer, to_bot)
        decision = progress.decision = decide(record, self.settings)
        if not decision.takes_up or not await self.runner.first_time(f"message {message.id}"):
            return
        where = Where(channel, message.author, message, f"message {message.id}")
        with self.runner.tracked():
            await self._take_up(record, decision, where, thread_on=message, me=me.id)

    async def on_raw_message_edit(
        self, client: discord.Client, payload: discord.RawMessageUpdateEvent
    ) -> None:
        """An edit that adds the bot's mention ("forgot to tag it") is the message sent to the
        bot: taken up as `on_message` takes it, once (its claim is the message's). Any other edit
        is left alone: a typo fixed in an answered question keeps its answer. A message out of
        the cache (older than its last 1,000, or from before a restart) has no "before" to
        compare: `_unanswered_edit` decides."""
        me = client.user
        after = payload.message
        if me is None or not mentions_me(after, me.id):
            return
        before = payload.cached_message
        if before is not None and mentions_me(before, me.id):
            return
        if before is None and not await self._unanswered_edit(after, me.id):
            return
        await self.on_message(client, after)

    async def _unanswered_edit(self, message: discord.Message, me: int) -> bool:
        """Whether an edit of a message out of the cache, now mentioning the bot, may be taken
        up: a person's edit (a link preview loading is none) outside DMs (each DM was taken up
        when sent), of a message younger than the claims (so one answered when sent still holds
        its claim), that the bot never replied to. A restart empties the claims kept in memory,
        so the query log (answers) and then Discord itself (any reply of the bot's to it: a
        greeting, a follow-up's answer in a thread, a note; or its DM when the channel refused
        the reply) say whether it was."""
        if message.edited_at is None or message.guild is None:
            return False
        age = (discord.utils.utcnow() - message.created_at).total_seconds()
        if age > CLAIM_TTL_SECONDS:
            log.info("message %s: an edit of a message %.0f s old left alone", message.id, age)
            return False
        if not isinstance(message.channel, discord.Thread):
            log_read = self.runner.service.query_log.conversation_questions
            try:
                answered = await self.runner.run(log_read, f"discord:{message.id}")
            except Exception as err:
                log.warning("message %s: cannot tell whether it was answered (%s)", message.id, err)
                return False
            if answered:
                return False
        replied = await self._replied_to(message, me)
        if replied:
            log.info("message %s: edited after the bot replied to it; left alone", message.id)
        return not replied

    @staticmethod
    async def _replied_to(message: discord.Message, me: int) -> bool:
        """Whether a reply of the bot's to `message` follows it in its channel (the THREAD_READ
        messages after it: the bot replies within seconds), or went to its author by DM when the
        channel refused it (`_told_by_dm`). Unreadable: False, so the edit is answered, perhaps
        twice, rather than perhaps never."""
        try:
            async for later in message.channel.history(limit=THREAD_READ, after=message):
                ref = later.reference
                if later.author.id == me and ref is not None and ref.message_id == message.id:
                    return True
        except Exception as err:
            why = delivery.describe(err)
            log.info("message %s: cannot read what followed it (%s)", message.id, why)
        return await MessageHandler._told_by_dm(message, me)

    @staticmethod
    async def _told_by_dm(message: discord.Message, me: int) -> bool:
        """Whether the bot's reply to `message` went to its author by DM: one of the THREAD_READ
        DMs after it links the message (`delivery.post` names it there, as a DM cannot reply
        across channels). Unreadable: False, as for the channel."""
        try:
            dm = message.author.dm_channel or await message.author.create_dm()
            async for later in dm.history(limit=THREAD_READ, after=message):
                if later.author.id == me and message.jump_url in later.content:
                    return True
        except Exception as err:
            why = delivery.describe(err)
            log.info("message %s: cannot read its author's DMs (%s)", message.id, why)
        return False

    async def on_thread_create(self, client: discord.Client, thread: discord.Thread) -> None:
        """A new post in an auto-answer forum: its title and first message are the question
        (`_on_thread_create`); whatever breaks before the answer's `never_silent` is told in it."""
        try:
            await self._on_thread_create(client, thread)
        except Exception:
            log.exception("forum post %s could not be taken up", thread.id)
            me = client.user
            if (
                me is not None
                and thread.owner_id != me.id
                and auto_answers_forum(self.settings, thread)
            ):
                await delivery.post(thread, None, content=text_message(messages.SORRY))

    async def _on_thread_create(self, client: discord.Client, thread: discord.Thread) -> None:
        me = client.user
        if me is None or thread.owner_id == me.id or not auto_answers_forum(self.settings, thread):
            return
        if not await self.runner.first_time(f"forum-post {thread.id}"):
            return
        with self.runner.tracked():
            starter = thread.starter_message or await self._fetch_starter(thread)
            record = parse_forum_post(thread, starter, me.id)
            decision = decide(record, self.settings)
            if not decision.takes_up:
                return
            asker = starter.author if starter is not None else thread.owner
            # The answer sits right under the post.
            where = Where(thread, asker, None, f"forum-post {thread.id}")
            await self._take_up(record, decision, where, thread_on=None)

    async def _take_up(
        self,
        record: ChatMessage,
        decision: Decision,
        where: Where,
        *,
        thread_on: discord.Message | None,
        me: int | None = None,
    ) -> None:
        async def tell(text: str) -> None:
            await delivery.post(
                where.channel, where.asker, reference=where.reference, content=text_message(text)
            )

        async with self.runner.never_silent(where.origin, tell):
            if decision.action is Action.NOT_ENABLED:
                if where.asker is not None:  # a note for the asker alone, not the channel
                    await delivery.tell_privately(where.asker, messages.NOT_ENABLED)
                return
            earlier = None
            if record.in_thread and thread_on is not None:  # a colleague may have answered there
                earlier = functools.partial(self._earlier, thread_on, me)
            question = await self.runner.question(record, decision, earlier)
            if question is None:
                return  # not a thread the bot answered in, or one handed to a human
            # A thanks (once per answer) costs no question of the cooldown: no "please wait" to it.
            thanks = decision.action is Action.THANKS
            if not thanks and (refusal := await self.runner.refusal(record.author)):
                await tell(refusal)
                return
            if (
                decision.action is Action.ANSWER
                and thread_on is not None
                and question.text  # an empty question gets its note as a reply
                # "hi", "thanks for the quick reply" are replied to, not named a thread
                and self.runner.service.small_talk_of(question.text) is None
                and self.settings.answer_in_threads
            ):
                where = await self._into_thread(where, thread_on, question.text)
            async with delivery.working(where.channel):
                result = await self.runner.ask(question, record.author, where.origin)
                if isinstance(result, str):
                    await tell(result)
                    return
                embed, view = answer_embed(result), answer_view(result, self.runner.step)
                await delivery.post(
                    where.channel,
                    where.asker,
                    reference=where.reference,
                    embed=embed,
                    view=view,
                    continued=continued_embeds(result),
                )

    async def _into_thread(self, where: Where, message: discord.Message, name: str) -> Where:
        """The answer moved into a new public thread on its message, as on Slack; unchanged (a
        reply) where Discord will not start one, with one log line saying why."""
        channel = message.channel
        if not threads_in(channel):
            kind = getattr(channel, "type", "unknown")
            log.info("%s: no threads in a %s channel; answering with a reply", where.origin, kind)
            return where
        try:
            thread = await message.create_thread(
                name=thread_name(name),
                # The channel's default: archived after a day of quiet unless its admins changed it.
                auto_archive_duration=channel.default_auto_archive_duration,
            )
        except Exception as err:  # refused, or a response discord.py could not read
            log.warning(
                "%s: could not start a thread (%s); answering with a reply",
                where.origin,
                delivery.describe(err),
            )
            return where
        # The thread has the message's id, so the conversation already names it.
        return replace(where, channel=thread, reference=None)

    @staticmethod
    async def _earlier(
        message: discord.Message, me: int | None, since: float | None = None
    ) -> list[Earlier] | None:
        """The THREAD_READ messages before `message` in its channel, newest first (`me`'s are the
        bot's; `since` is not needed: they are the nearest); None when Discord will not say (no
        permission to read the history, an outage)."""
        try:
            found = [m async for m in message.channel.history(limit=THREAD_READ, before=message)]
        except Exception as err:
            log.info("message %s: cannot read its thread (%s)", message.id, delivery.describe(err))
            return None
        return [Earlier(str(m.author.id), m.content, m.author.id == me) for m in found]

    @staticmethod
    async def _replied_message(message: discord.Message, me: int) -> discord.Message | None:
        """The message of ours this message replies to, if it replies to one."""
        ref = message.reference
        if message.type is not discord.MessageType.reply or ref is None or ref.message_id is None:
            return None  # not a reply (a forward has a reference too)
        replied = ref.resolved or ref.cached_message
        if replied is None:  # Discord left the replied message out of the event: read it
            try:
                replied = await message.channel.fetch_message(ref.message_id)
            except Exception as err:  # not one of ours to answer, then
                why = delivery.describe(err)
                log.info("message %s: cannot read the message it replies to (%s)", message.id, why)
                return None
        if not isinstance(replied, discord.Message) or replied.author.id != me:
            return None
        return replied

    async def _fetch_starter(self, thread: discord.Thread) -> discord.Message | None:
        # The post's first message can arrive after the thread: read it rather than wait for it.
        try:
            return await thread.fetch_message(thread.id)
        except Exception as err:
            log.warning(
                "forum post %s: could not read its message (%s); answering its title",
                thread.id,
                delivery.describe(err),
            )
            return None
