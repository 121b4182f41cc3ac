"""The docs stay true to the code: one configuration table, `.env.example`, working links."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic_settings import BaseSettings

from bot.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
CONFIGURATION = ROOT / "docs" / "configuration.md"
ENV_EXAMPLE = ROOT / ".env.example"

TABLE_ROW = re.compile(r"^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|", re.MULTILINE)
ENV_LINE = re.compile(r"^([A-Z][A-Z0-9_]*)=", re.MULTILINE)
# [label](target): the target up to a space (a title) or the closing parenthesis.
MARKDOWN_LINK = re.compile(r"\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


def table_variables() -> list[str]:
    return TABLE_ROW.findall(CONFIGURATION.read_text(encoding="utf-8"))


def env_example_variables() -> list[str]:
    return ENV_LINE.findall(ENV_EXAMPLE.read_text(encoding="utf-8"))


def settings_variables(cls: type[BaseSettings] = Settings) -> list[str]:
    """Every environment variable a settings class reads, nested platform settings included."""
    prefix = str(cls.model_config.get("env_prefix", ""))
    names: list[str] = []
    for field_name, field in cls.model_fields.items():
        kind = field.annotation
        if isinstance(kind, type) and issubclass(kind, BaseSettings):
            names += settings_variables(kind)  # read under its own prefix, not as one variable
            continue
        alias = field.validation_alias or field.alias
        choices = getattr(alias, "choices", None)  # AliasChoices: several variables, one setting
        if choices is not None and all(isinstance(choice, str) for choice in choices):
            names += [n for n in dict.fromkeys(c.upper() for c in choices) if n not in names]
        elif alias is not None:
            if not isinstance(alias, str):
                raise AssertionError(f"{cls.__name__}.{field_name}: extend this test for {alias!r}")
            names.append(alias.upper())
        else:
            names.append((prefix + field_name).upper())
    return names


def test_env_example_lists_the_table_line_for_line() -> None:
    table = table_variables()
    assert len(table) == len(set(table)), "a variable appears twice in the table"
    assert env_example_variables() == table


def test_every_setting_is_in_the_table() -> None:
    read = settings_variables()
    assert len(read) > 20  # the three prefixes were all found
    table = set(table_variables())
    assert [name for name in read if name not in table] == []
    assert sorted(table - set(read)) == []  # nor does the table list a setting that is gone


def doc_files() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def broken_links(path: Path) -> list[str]:
    broken = []
    for target in MARKDOWN_LINK.findall(path.read_text(encoding="utf-8")):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
            continue  # a web address, mailto:, or a place in the same page
        file_part = target.split("#", 1)[0]
        if not (path.parent / file_part).exists():
            broken.append(target)
    return broken


def test_every_relative_link_points_to_a_file() -> None:
    files = doc_files()
    assert len(files) > 5  # README.md and the docs/ pages were found
    found = {str(path.relative_to(ROOT)): broken_links(path) for path in files}
    assert found == {name: [] for name in found}


def test_the_link_check_sees_a_broken_link(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    (tmp_path / "there.md").write_text("x", encoding="utf-8")
    page.write_text(
        "[ok](there.md#a) [web](https://example.com) [gone](missing.md) [here](#top)",
        encoding="utf-8",
    )
    assert broken_links(page) == ["missing.md"]
