"""Every sentence a chat user reads, for Slack and Discord alike: a wording changes here, once.

The adapters escape these for their markup when they render them; nothing here is markup.
"""

from __future__ import annotations

from bot.errors import BadQuestion, IndexUnavailable, UnknownAnswer

# -- a question that goes unanswered ----------------------------------------------------------
SORRY = "Sorry, something went wrong while answering that; the error has been logged."
FORGOTTEN = "Sorry, I no longer have that answer on record; please ask the question again."
NO_INDEX = "Sorry, I can't search my sources right now (the index is unavailable); try later."
NOT_ENABLED = (
    "I'm not enabled in this channel: ask me in a direct message, or in a channel where I answer."
)
CLOSING = "I'm restarting right now: please ask again in a minute."
# A message with no words (an image, a file, a sticker alone): what the bot can read instead.
NO_WORDS = "I can only read words, not images, files or stickers: ask your question in words."


def please_wait(seconds: float) -> str:
    """Past the per-user cooldown (`*_COOLDOWN_QUESTIONS` in `*_COOLDOWN_SECONDS`)."""
    return (
        f"You're asking faster than I can keep up with: please wait {max(1, round(seconds))} s "
        "and ask again."
    )


def unanswered(err: BaseException) -> str:
    """The short visible message for a question the answer layer could not answer."""
    if isinstance(err, BadQuestion):
        return f"I can't answer that: {err}."
    if isinstance(err, IndexUnavailable):
        return NO_INDEX
    if isinstance(err, UnknownAnswer):
        return FORGOTTEN
    return SORRY


def ask_usage(command: str) -> str:
    """A slash command sent with no question (Slack; Discord's form requires one)."""
    return f"Ask a question: {command} [--private] …"


# -- the slash command, as the platform's command picker shows it ----------------------------
ASK_COMMAND = "Ask about the EV rivalry; answers quote and cite their sources"
ASK_QUESTION = "Your question"
ASK_PRIVATELY = "Only you see the answer"


# -- how an answer is shown -------------------------------------------------------------------
REFUSAL_HINT = "I only answer from the EV-rivalry articles: try asking about Amazon and Tesla."
HELPFUL = "Helpful"
NOT_HELPFUL = "Not helpful"
MORE_SOURCES = "More sources"
ASK_HUMAN = "Ask a human"
SHARE = "Share in channel"


def sources_as_of(day: str) -> str:
    return f"Sources as of {day}"


def published(day: str) -> str:
    return f"published {day}"


def question_shown(question: str) -> str:
    """Above an answer whose question the channel never saw (a slash command's)."""
    return f"Question: {question}"


def shared_by(name: str) -> str:
    """Above a shared answer: the sharer by name (or a mention that pings nobody)."""
    return f"Shared by {name}"


# -- the buttons ------------------------------------------------------------------------------
VOTE_FORGOTTEN = "Sorry, I no longer have that answer on record, so the vote was not counted."
VOTE_FAILED = "Sorry, I could not store your vote; the error has been logged."
ALREADY_ASKED = "You've already asked for a person on this answer; they were told then."
HANDOFF_IN_A_DM = (
    "Your request is recorded for the team. Nobody else can see this direct message, so to "
    "reach a person now, ask in a channel."
)
HANDOFF_FAILED = "Sorry, I could not pass this on to a person; the error has been logged."
NO_MORE_SOURCES = "Sorry, I couldn't show more sources."
NOT_SHARED = "Sorry, I couldn't share it in this channel."
NOT_POSTED = "Sorry, I couldn't post the answer here."
A_TEAMMATE = "a teammate"  # a sharer whose name the platform did not send
SOMEONE = "Someone"  # a hand-off presser whose name the platform did not send


def thanks_for_vote(helpful: bool) -> str:
    return f"Thanks: recorded as {'helpful' if helpful else 'not helpful'}."


def no_humans(setting: str) -> str:
    """Ask a human with no group (Slack) or role (Discord) configured to tag."""
    return (
        f"Your request is recorded for the team, but nobody is set to be tagged ({setting}), "
        "so I couldn't notify anyone. Ask an admin to set it."
    )


def handoff(tag: str, who: str, question: str) -> str:
    """The public Ask a human message: `tag` pings the humans, nothing else pings."""
    return f"{tag} {who} would like a person to answer: “{question}”"


# -- delivery that failed ---------------------------------------------------------------------
THIS_CHANNEL = "this channel"  # where a channel has no name to show


def could_not_post(
    where: str, why: str, detail: str | None = None, *, replying_to: str | None = None
) -> str:
    """The asker's private note (or DM) when the platform refused the answer's post;
    `replying_to`: a link to the message it answers."""
    answer = f"my answer to {replying_to}" if replying_to else "my answer"
    return f"Sorry, I couldn't post {answer} in {where}: {why}" + (
        f" ({detail})." if detail else "."
    )


def platform_said(platform: str, code: str) -> str:
    return f"{platform} said: {code}"


def answer_attached(note: str) -> str:
    return f"{note} Here is my answer:"


def what_i_meant(note: str, text: str) -> str:
    return f"{note} What I meant to say: {text}"


def answer_cut(why: str) -> str:
    """A long answer whose start was posted and whose rest the platform refused."""
    return f"Sorry, only the start of my answer could be posted: {why}."


def could_not_reply(why: str) -> str:
    """A button's or a slash command's reply the platform refused."""
    return f"Sorry, I couldn't post that: {why}."


NOT_ALLOWED = (
    "I'm not in that channel or I'm missing a permission there "
    "(invite me, or ask me in a direct message)"
)


def rate_limited(platform: str) -> str:
    return f"{platform} is rate-limiting me there right now; please ask again in a minute"


def unreachable(platform: str) -> str:
    return f"I couldn't reach {platform} just then"


def refused(platform: str) -> str:
    return f"{platform} refused the message"
