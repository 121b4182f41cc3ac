"""Errors a user can act on: each carries one line that says what is wrong and what to run."""

from __future__ import annotations


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
