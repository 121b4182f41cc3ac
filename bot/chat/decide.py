"""Is this message a question for the bot? One decision over the neutral `ChatMessage`.

Pure: no network, no query log. Whether a follow-up's thread is really the bot's (it answered
there, and nobody handed it to a human), and whether a thanks there is to the bot (its last answer
there was to the one thanking), is the query log's to say; the runner reads it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.chat.clean import clean_question
from bot.chat.message import ChatMessage, Platform
from bot.conversation import looks_like_question
from bot.more import is_request_for_more
from bot.settings import ChatSettings
from bot.small_talk import small_talk, thanks_given


class Action(StrEnum):
    ANSWER = "answer"  # a new question: no context
    CONTINUE = "continue"  # asked in a conversation (a DM, a thread): its questions are context
    FOLLOW_UP = "follow-up"  # unasked: answered only where the bot answered, unless handed off
    # An unasked thanks in a conversation: replied to once, only for the asker the bot answered
    # last there (the runner reads who from the query log), unless handed off.
    THANKS = "thanks"
    NOT_ENABLED = "not-enabled"  # asked where the bot may not answer: told so, privately
    IGNORE = "ignore"


@dataclass(frozen=True)
class Decision:
    action: Action
    why: str  # for the log

    @property
    def takes_up(self) -> bool:
        return self.action is not Action.IGNORE

    @property
    def asked_of_the_bot(self) -> bool:
        """Whether the message was addressed to the bot (a DM, a mention, an auto-answer
        channel's question), so a failure taking it up is told to its author; an unasked
        follow-up or thanks may be in a human's thread, where a note would be noise."""
        return self.action in _ASKED_OF_THE_BOT


_ASKED_OF_THE_BOT = frozenset({Action.ANSWER, Action.CONTINUE, Action.NOT_ENABLED})


def addressed_to_the_bot(message: ChatMessage, decision: Decision | None) -> bool:
    """Whether a failure while taking `message` up is told to its author: by the decision once
    made, else (the decision itself broke) by how the message reads: a DM, a mention, or a new
    message in an auto-answer channel that tags nobody else."""
    if decision is not None:
        return decision.asked_of_the_bot
    if not message.from_person:
        return False
    unaddressed = message.mentions_others or message.broadcast
    return message.is_dm or message.mentions_bot or (message.auto_answer_here and not unaddressed)


def _ignore(why: str) -> Decision:
    return Decision(Action.IGNORE, why)


def decide(message: ChatMessage, settings: ChatSettings) -> Decision:
    """What the bot does with `message` under the channel settings of its platform."""
    if not message.from_person:
        return _ignore("not a person writing (a bot, an edit, a join)")
    if message.is_dm:
        return Decision(Action.CONTINUE, "a direct message")
    allowed = any(settings.may_answer_in(channel) for channel in message.channel_ids)
    if message.mentions_bot:
        if not allowed:
            return Decision(Action.NOT_ENABLED, "mentioned outside the allowed channels")
        if message.in_thread or message.replies_to_answer:
            return Decision(Action.CONTINUE, "mentioned in a conversation")
        return Decision(Action.ANSWER, "mentioned")
    if not allowed:
        return _ignore("not an allowed channel")
    if message.mentions_others or message.broadcast:
        return _ignore("addressed to someone else")
    question = clean_question(message.text, message.platform)
    if message.replies_to_bot and looks_like_question(question):
        # "Hello! … ask about X", and the asker replies with a question: asked of the bot.
        action = Action.CONTINUE if message.in_thread else Action.ANSWER
        return Decision(action, "a reply to the bot that asks something")
    if message.in_thread or message.replies_to_answer:
        # "tell me more" asks without a question's form: a follow-up there (bot/more.py).
        if not looks_like_question(question) and not is_request_for_more(question):
            if thanks_given(question):
                return Decision(Action.THANKS, "a thanks in a conversation")
            return _ignore("a reply that asks nothing")
        return Decision(Action.FOLLOW_UP, "a reply that asks something")
    if not message.auto_answer_here:
        return _ignore("not addressed to the bot")
    if not question:
        return _ignore("nothing to answer")
    if settings.auto_answer_questions_only and not looks_like_question(question):
        return _ignore("not a question, and only questions are auto-answered")
    return Decision(Action.ANSWER, "in an auto-answer channel")


@dataclass(frozen=True)
class Earlier:
    """A message posted before a thanks in its thread, as the platform's history gives it."""

    author: str  # the platform's user id
    text: str  # raw, markup and all; empty for an image, a file or a sticker alone
    ours: bool  # posted by the bot


def thanks_to_the_bot(earlier: Sequence[Earlier], thanker: str, platform: Platform) -> bool:
    """Whether a thanks follows the bot's words rather than someone else's: `earlier` newest
    first. The thanker's own messages are passed over ("ok, let me check", then "thanks"), as is
    another's small talk ("lol", "thanks!": nothing to thank them for); anything else another
    person posted since the bot spoke (an answer, a link, a screenshot) is what the thanks is for.
    True when nobody else spoke in what could be read: the query log says the bot answered last."""
    for posted in earlier:
        if posted.ours:
            return True
        if posted.author == thanker:
            continue
        said = clean_question(posted.text, platform)
        if posted.text.strip() and (not said or small_talk(said) is not None):
            continue  # words, emoji or markup that answer nothing; no words at all is a file
        return False
    return True
