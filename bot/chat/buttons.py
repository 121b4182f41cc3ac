"""What the answer's buttons do, on either platform: Helpful / Not helpful, More sources, Ask a
human, Share in channel. Each returns a neutral result (a note for the presser, an `Answer`, a
hand-off to post) that the adapter renders and delivers; the query log is written here.

Buttons carry only an answer id (and a citation count): the question and its conversation come
back from the query log, so buttons keep working after a restart.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.answer import Answer
from bot.chat import messages
from bot.chat.runner import AnswerRunner, log_unanswered, logged_user
from bot.errors import UnknownAnswer
from bot.settings import MAX_CITATIONS

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Handoff:
    """Ask a human's outcome: a private `note` for the presser, or the `question` to post with
    the humans tagged."""

    note: str | None = None
    question: str | None = None


class ButtonFlows:
    def __init__(self, runner: AnswerRunner) -> None:
        self.runner = runner
        self.service = runner.service

    def more_than(self, shown: int) -> int:
        """How many citations More sources shows after `shown`: EVBOT_CITATIONS more, up to 10."""
        return min(MAX_CITATIONS, shown + self.runner.step)

    async def vote(self, answer_id: str, author: str, helpful: bool) -> str:
        """Counted for the answer and for each passage it quoted (`evbot stats`)."""
        user = logged_user(self.runner.platform, author)
        try:
            await self.runner.run(self.service.record_feedback, answer_id, user, helpful)
        except UnknownAnswer as err:
            log_unanswered(err, f"vote on answer {answer_id}")
            return messages.VOTE_FORGOTTEN
        except Exception:
            log.exception("storing a vote for answer %s failed", answer_id)
            return messages.VOTE_FAILED
        return messages.thanks_for_vote(helpful)

    async def more_sources(self, answer_id: str, author: str, citations: int) -> Answer | str:
        """The answer again with `citations` sources, or a note saying why not (after
        `may_start`)."""
        return await self._reask(answer_id, author, min(MAX_CITATIONS, citations))

    async def share(self, answer_id: str, author: str, shown: int) -> Answer | str:
        """A private answer again (as many sources as it showed), to be posted for everyone."""
        return await self._reask(answer_id, author, shown or self.runner.step)

    async def may_start(self, author: str) -> str | None:
        """Before a re-ask (More sources, Share): why it cannot start now, or None (counted
        against the cooldown). Apart, so an adapter can refuse before acknowledging."""
        return await self.runner.refusal(author)

    async def _reask(self, answer_id: str, author: str, citations: int) -> Answer | str:
        return await self.runner.reask(answer_id, author, citations)

    async def ask_human(
        self, answer_id: str, author: str, *, in_dm: bool, tag_setting: str | None
    ) -> Handoff:
        """Recorded first (`evbot stats` lists hand-offs; once per user and answer), then the
        humans are to be tagged. `tag_setting` names the setting that configures whom to tag,
        or is None when it is set (the adapter tags them)."""
        user = logged_user(self.runner.platform, author)
        source = str(self.runner.platform)
        try:
            first = await self.runner.run(
                self.service.record_handoff, answer_id, user, source=source
            )
            context = await self.runner.run(self.service.query_log.answer_context, answer_id)
        except UnknownAnswer as err:
            log_unanswered(err, f"hand-off on answer {answer_id}")
            return Handoff(note=messages.FORGOTTEN)
        except Exception:
            log.exception("recording a hand-off on answer %s failed", answer_id)
            return Handoff(note=messages.HANDOFF_FAILED)
        if not first:
            return Handoff(note=messages.ALREADY_ASKED)
        log.info("hand-off: user %s asked for a person on answer %s", user, answer_id)
        if in_dm:  # nobody else can see a DM, whoever is configured
            return Handoff(note=messages.HANDOFF_IN_A_DM)
        if tag_setting is not None:
            log.warning("Ask a human: %s is not set to a valid id; nobody tagged", tag_setting)
            return Handoff(note=messages.no_humans(tag_setting))
        return Handoff(question=context[0] if context else "")
