"""A port on 127.0.0.1 that nothing listens on, for testing what an unreachable service does."""

import socket


def closed_port() -> int:
    """A port the OS just handed out and took back: connecting to it is refused."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
