"""Every module flag the answer layer reads and the quality benchmark sets names the module that
defines it: setting `bot.X.FLAG` on a module that lacks it raises nothing, it only adds an
attribute no code reads, so a variant would measure the bot unchanged."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The label's rules, split by part (docs/quality-log.md): each flag lives in the one module
# reading it.
LABEL_MODULES = ("question_kind", "unsaid", "token_evidence", "lookups")
# Read as `module.FLAG` by the modules importing them: the label's, and the follow-up decision's
# (bot/service.py reads bot/follow_up.py's).
NAMED_MODULES = (*LABEL_MODULES, "follow_up")


def defined(module: str) -> set[str]:
    """The names a bot module assigns or defines at its top level (not those it imports)."""
    names: set[str] = set()
    for node in ast.parse((ROOT / "bot" / f"{module}.py").read_text()).body:
        if isinstance(node, ast.Assign):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.add(node.name)
    return names


def flag_uses(path: Path) -> list[tuple[str, str, int]]:
    """(module, FLAG, line) for each `bot.module.FLAG`, or `module.FLAG` of a NAMED_MODULES one."""
    uses = []
    for node in ast.walk(ast.parse(path.read_text())):
        if not (isinstance(node, ast.Attribute) and node.attr.isupper()):
            continue
        owner = node.value
        if (
            isinstance(owner, ast.Attribute)
            and isinstance(owner.value, ast.Name)
            and owner.value.id == "bot"
            and (ROOT / "bot" / f"{owner.attr}.py").exists()
        ):
            uses.append((owner.attr, node.attr, node.lineno))
        elif isinstance(owner, ast.Name) and owner.id in NAMED_MODULES:
            uses.append((owner.id, node.attr, node.lineno))
    return uses


@pytest.mark.parametrize(
    ("path", "least"), [("benchmarks/quality.py", 6), ("bot/answer.py", 6), ("bot/service.py", 4)]
)
def test_each_flag_set_or_read_is_defined_where_named(path: str, least: int) -> None:
    uses = flag_uses(ROOT / path)
    assert len(uses) >= least  # the scan sees the setters and the reads
    wrong = [(m, flag, line) for m, flag, line in uses if flag not in defined(m)]
    assert not wrong, f"{path}: flags set or read on a module that does not define them: {wrong}"


def test_the_check_sees_a_flag_on_the_wrong_module(tmp_path: Path) -> None:
    setter = tmp_path / "setter.py"
    setter.write_text("import bot.unsaid\nbot.unsaid.DOLLAR_SIGN_ASKS = False\n")
    [(module, flag, _)] = flag_uses(setter)
    assert flag not in defined(module) and flag in defined("question_kind")


def test_each_benchmark_switch_has_its_own_place_in_the_product() -> None:
    # Two switches at one `loop` would nest by table order, silently; each place is one switch's.
    calls = [
        node
        for node in ast.walk(ast.parse((ROOT / "benchmarks" / "quality.py").read_text()))
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Switch"
    ]
    dests = [ast.literal_eval(call.args[0]) for call in calls]
    loops = [ast.literal_eval(call.args[1]) for call in calls]
    assert len(calls) > 30
    assert len(set(dests)) == len(dests)
    assert sorted(loops) == list(range(len(loops)))
