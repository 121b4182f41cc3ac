"""ev-rivalry-bot: answers questions about the EV rivalry, quoting and citing its sources."""

__version__ = "0.1.0"
