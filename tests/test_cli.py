"""`evbot` as a user runs it: exit codes, one-line errors, JSON schema."""

import json
from pathlib import Path

from bot.settings import Settings

# Blank means unset, so a developer's own tokens cannot turn these tests into live bots.
NO_CHAT_TOKENS = {"SLACK_BOT_TOKEN": "", "DISCORD_TOKEN": ""}


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


def test_ask_json_schema(evbot, shipped_settings: Settings) -> None:
    run = evbot(
        "ask", "--json", "Where", "will", "the", "production lines be built?",
        index_dir=shipped_settings.index_dir, corpus_dir=shipped_settings.corpus_dir,
    )  # fmt: skip
    assert run.code == 0, run.stderr
    data = run.json()
    assert set(data) >= {"id", "question", "answer", "refused", "citations", "timings_ms"}
    assert data["question"] == "Where will the production lines be built?"
    assert data["refused"] is False and isinstance(data["id"], str) and data["id"]
    assert "Texas and Michigan" in " ".join(c["text"] for c in data["citations"])
    for n, citation in enumerate(data["citations"], start=1):
        assert citation["n"] == n
        assert set(citation) >= {"doc_id", "title", "url", "section", "text", "score"}
        assert isinstance(citation["score"], float)
    assert set(data["timings_ms"]) >= {"retrieve", "total"}


def test_ask_refusal_exits_zero(evbot, shipped_settings: Settings) -> None:
    run = evbot(
        "ask", "--json", "What's the capital of France?", index_dir=shipped_settings.index_dir
    )
    assert run.code == 0, run.stderr
    assert run.json()["refused"] is True and run.json()["citations"] == []


def test_empty_and_overlong_questions_exit_2(evbot, tmp_path: Path) -> None:
    for question in ["   ", "y" * 2001]:
        run = evbot("ask", question, index_dir=tmp_path / "no-index")
        assert run.code == 2
        assert "question" in one_line(run.stderr)


def test_missing_index_exits_1_and_names_the_command(evbot, tmp_path: Path) -> None:
    run = evbot("ask", "Who is Amazon partnering with?", index_dir=tmp_path / "none")
    assert run.code == 1
    line = one_line(run.stderr)
    assert "no index" in line and "evbot index build" in line
    assert evbot("index", "info", index_dir=tmp_path / "none").code == 1


def test_bad_setting_is_one_line_exit_2(evbot) -> None:
    run = evbot("index", "info", citations="lots")
    assert run.code == 2
    assert "EVBOT_CITATIONS" in one_line(run.stderr)


def test_build_reports_json_and_broken_articles_by_name(
    evbot, corpus_copy: Path, tmp_path: Path
) -> None:
    (corpus_copy / "broken.md").write_bytes(b"\xff\xfe not utf-8 \x80")
    (corpus_copy / "extra.txt").write_text("Rivian delivered 10,000 vans to Amazon this year.\n")
    index_dir = tmp_path / "index"
    run = evbot("index", "build", "--json", corpus_dir=corpus_copy, index_dir=index_dir)
    assert run.code == 0, run.stderr
    report = run.json()
    assert report["articles"] == 2 and report["passages"] == report["embedded"] > 2
    assert report["seconds"] > 0
    assert [p["path"] for p in report["problems"]] == ["broken.md"]
    assert "broken.md" in run.stderr and "UTF-8" in run.stderr

    info = evbot("index", "info", "--json", index_dir=index_dir)
    assert info.code == 0
    data = info.json()
    assert (data["articles"], data["passages"]) == (2, report["passages"])
    assert data["model"] == "all-MiniLM-L6-v2" and data["dimension"] == 384 and data["format"] == 4

    ask = evbot("ask", "--json", "How many vans did Rivian deliver?", index_dir=index_dir)
    assert ask.code == 0, ask.stderr
    assert ask.json()["citations"][0]["doc_id"] == "extra"
    assert "10,000 vans" in ask.json()["answer"]


def test_empty_corpus_fails_clearly(evbot, tmp_path: Path) -> None:
    corpus = tmp_path / "empty-corpus"
    corpus.mkdir()
    run = evbot("index", "build", corpus_dir=corpus, index_dir=tmp_path / "index")
    assert run.code == 1
    assert "no article" in one_line(run.stderr)


def test_python_dash_m_and_help(evbot) -> None:
    run = evbot("--help")
    assert run.code == 0 and "index" in run.stdout and "ask" in run.stdout


def test_run_without_tokens_chats_in_the_terminal(evbot, shipped_settings: Settings) -> None:
    run = evbot(
        "run",
        stdin="Where will the production lines be built?\nand where is it headquartered?\n",
        env_extra=NO_CHAT_TOKENS,
        index_dir=shipped_settings.index_dir,
    )
    assert run.code == 0, run.stderr
    assert "Texas and Michigan" in run.stdout
    assert run.stdout.count("Sources as of ") == 2


def test_chat_reads_start_over_and_the_headings_listed_as_part_of_the_conversation(
    evbot, shipped_settings: Settings
) -> None:
    run = evbot(
        "chat", "--json",
        stdin="who makes the batteries?\nstart over\nwhere are they based?\n"
        "what are the sections?\nthe 4th one?\n",
        index_dir=shipped_settings.index_dir,
    )  # fmt: skip
    assert run.code == 0, run.stderr
    answers = [json.loads(line) for line in run.stdout.splitlines()]
    assert "Texas and Michigan" in answers[2]["answer"]  # not the batteries' partners again
    assert {c["section"] for c in answers[4]["citations"]} == {"The Competitive Landscape"}


def test_chat_says_it_is_loading_on_stderr_only(evbot, shipped_settings: Settings) -> None:
    run = evbot(
        "chat", "--json", stdin="Who is Amazon partnering with on batteries?\n",
        index_dir=shipped_settings.index_dir,
    )  # fmt: skip
    assert run.code == 0, run.stderr
    assert "Loading the index and model" in run.stderr
    assert json.loads(run.stdout)["citations"]  # stdout is the one JSON answer, nothing else


def test_run_with_a_token_serves_that_platform(evbot, shipped_settings: Settings) -> None:
    # A malformed token proves `run` handed over to the Discord front end, which rejects it.
    run = evbot(
        "run",
        env_extra={**NO_CHAT_TOKENS, "DISCORD_TOKEN": "not-a-token"},
        index_dir=shipped_settings.index_dir,
    )
    assert run.code == 2
    assert "DISCORD_TOKEN" in one_line(run.stderr)


def test_blank_variables_in_dotenv_mean_defaults(
    evbot, shipped_settings: Settings, tmp_path: Path
) -> None:
    # The evbot fixture runs in tmp_path, so this is the .env the process reads.
    (tmp_path / ".env").write_text(
        (Path(__file__).parent.parent / ".env.example").read_text()
        + f"\nEVBOT_INDEX_DIR={shipped_settings.index_dir}\nEVBOT_CITATIONS=\n"
    )
    info = evbot("index", "info", "--json")
    assert info.code == 0, info.stderr
    assert info.json()["passages"] > 0
    run = evbot("run", env_extra={**NO_CHAT_TOKENS, "DISCORD_TOKEN": "not-a-token"})
    assert run.code == 2 and "DISCORD_TOKEN does not look like a bot token" in run.stderr


def test_supervisor_stops_the_other_front_end_when_one_exits() -> None:
    import sys

    from bot.cli import _supervise

    # Were the sleeper waited for, this would hang until pytest-timeout fails it.
    code = _supervise(
        [
            [sys.executable, "-c", "import time; time.sleep(10**6)"],
            [sys.executable, "-c", "raise SystemExit(3)"],
        ]
    )
    assert code == 3


def test_corrupt_query_log_is_one_line(evbot, tmp_path: Path) -> None:
    db = tmp_path / "log.sqlite3"
    db.write_bytes(b"this is not a database" * 100)
    run = evbot("stats", db_path=db)
    assert run.code == 1
    assert "query log" in one_line(run.stderr)
