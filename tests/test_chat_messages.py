"""Every sentence a chat user reads comes from `bot.chat.messages`: the adapters write none."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parent.parent / "bot"
ADAPTERS = sorted([*(BOT / "slack").glob("*.py"), *(BOT / "discord").glob("*.py")])
# Two words in a row: "Sources as of", "Shared by" (an id, a route or a format code is not).
SENTENCE = re.compile(r"[A-Za-z']+ [A-Za-z']+")
# Words for operators, not chat users: CLI errors and help, the Slack manifest's app description.
NOT_FOR_CHAT = {"commands.py", "manifest.py", "app.py"}
LOG_METHODS = {"debug", "info", "warning", "error", "exception", "critical"}
# Strings that read like words but no user reads: a log filter's match, a log description.
NOT_READ = {"voice will NOT be supported", "rate limited for "}


def _skipped(tree: ast.Module) -> set[int]:
    """Ids of the string nodes a user never reads: docstrings, log lines, raised errors."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        first = body[0] if isinstance(body, list) and body else None
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
            skipped.add(id(first.value))
        log_call = (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in LOG_METHODS
        )
        if log_call or isinstance(node, ast.Raise):
            skipped |= {id(n) for n in ast.walk(node)}
    return skipped


def sentences_in(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = _skipped(tree)
    found = []
    for node in ast.walk(tree):
        text = node.value if isinstance(node, ast.Constant) else None
        if id(node) in skipped or not isinstance(text, str) or text in NOT_READ:
            continue
        if SENTENCE.search(text):
            found.append(text)
    return found


@pytest.mark.parametrize("path", ADAPTERS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_adapters_write_no_sentence_of_their_own(path: Path) -> None:
    if path.name in NOT_FOR_CHAT:
        pytest.skip("operator-facing: CLI, manifest, start-up errors")
    assert sentences_in(path) == []


def test_the_check_finds_a_sentence(tmp_path: Path) -> None:
    module = tmp_path / "adapter.py"
    module.write_text(
        '"""Docs."""\nimport logging\nlog = logging.getLogger()\n'
        'log.info("a log line is fine")\nNOTE = "Sorry, it broke"\n'
        'def f(x):\n    """Docs too."""\n    return f"Shared by {x}"\n'
    )
    assert sentences_in(module) == ["Sorry, it broke", "Shared by "]
