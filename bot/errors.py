"""Errors a user can act on: each carries one line that says what is wrong and what to run."""

from __future__ import annotations

import logging


class EvbotError(Exception):
    """Base class; `str(err)` is the one line shown to the user."""

    exit_code = 1


class BadQuestion(EvbotError):
    """The question itself is unusable (empty, too long)."""

    exit_code = 2


class ConfigError(EvbotError):
    """A setting has a bad value."""

    exit_code = 2


class IndexUnavailable(EvbotError):
    """The index is missing, corrupt, or was built for another model or format."""

    exit_code = 1


class CorpusError(EvbotError):
    """The corpus cannot be indexed at all (missing folder, no readable article)."""

    exit_code = 1


class BuildInProgress(EvbotError):
    """Another process holds the build lock."""

    exit_code = 1


class UnknownAnswer(EvbotError):
    """Feedback names an answer id the query log has never seen."""

    exit_code = 2


# What a chat asker is told when a question goes unanswered: the same words on every platform.
SORRY = "Sorry, something went wrong while answering that; the error has been logged."
FORGOTTEN = "Sorry, I no longer have that answer on record; please ask the question again."
NO_INDEX = "Sorry, I can't search my sources right now (the index is unavailable); try later."


def asker_message(err: BaseException) -> str:
    """The short visible message for a question the answer layer could not answer."""
    if isinstance(err, BadQuestion):
        return f"I can't answer that: {err}."
    if isinstance(err, IndexUnavailable):
        return NO_INDEX
    if isinstance(err, UnknownAnswer):
        return FORGOTTEN
    return SORRY


def log_unanswered(log: logging.Logger, err: BaseException, what: str) -> None:
    """One log line saying why `what` went unanswered (a traceback only when unexpected)."""
    if isinstance(err, BadQuestion | UnknownAnswer):
        log.info("%s: %s", what, err)
    elif isinstance(err, IndexUnavailable):
        log.error("%s: index unavailable: %s", what, err)
    else:
        log.error("%s: answering failed", what, exc_info=err)
