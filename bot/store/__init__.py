"""Shared state behind one interface: SQLite by default, PostgreSQL when a URL is configured.

`open_store(settings)` picks the backend: EVBOT_DATABASE_URL (or DATABASE_URL) set to a
PostgreSQL URL selects PostgreSQL; otherwise the SQLite file at EVBOT_DB_PATH, as always.
"""

from __future__ import annotations

from bot.settings import Settings
from bot.store.base import (
    SchemaOutdated,
    SchemaStatus,
    Store,
    StoreError,
    StoreUnavailable,
    outcome_of,
)

__all__ = [
    "SchemaOutdated",
    "SchemaStatus",
    "Store",
    "StoreError",
    "StoreUnavailable",
    "open_store",
    "outcome_of",
]


def open_store(settings: Settings, *, check: bool = True) -> Store:
    """The configured store. With `check`, a PostgreSQL server is reached now and its schema
    compared with this code's, so a worker fails at start, in one line, rather than later;
    SQLite sets itself up (and upgrades in place) on first use."""
    if settings.database_url is None:
        from bot.store.sqlite import SQLiteStore

        return SQLiteStore(settings.query_log_path)
    from bot.store.postgres import PostgresStore

    store = PostgresStore(
        settings.database_url.get_secret_value(),
        variable=settings.database_url_variable,
        timeout_seconds=settings.store_timeout_seconds,
        report_timeout_seconds=settings.report_timeout_seconds,
    )
    if check:
        store.connect_check()
        try:
            store.check_schema()
        except BaseException:
            store.close()
            raise
    return store
