"""The query log moved into `bot.store`; this name stays for code that still imports it."""

from bot.store.sqlite import SQLiteStore as QueryLog

__all__ = ["QueryLog"]
