"""Evaluation sets on disk -> plain data: a BEIR folder, or the project's question file (JSONL)."""

from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import EvbotError


class EvalDataError(EvbotError):
    """The evaluation set cannot be read (missing file, unknown split, bad line)."""

    exit_code = 2


@dataclass(frozen=True)
class BeirDoc:
    id: str
    title: str
    text: str


@dataclass
class BeirSet:
    """A BEIR folder restricted to one split: only queries with judgements are kept."""

    name: str
    split: str
    docs: list[BeirDoc]
    queries: dict[str, str]  # query id -> text, in file order
    qrels: dict[str, dict[str, int]]  # query id -> {doc id: relevance}
    answers: dict[str, list[str]] = field(default_factory=dict)  # gold answer spans, if any
    fingerprint: str = ""  # hash of the corpus file: keys the cached index

    def limited(self, limit: int | None) -> BeirSet:
        """The first `limit` queries (the whole corpus stays: fewer queries, same difficulty)."""
        if not limit:
            return self
        keep = list(self.queries)[:limit]
        return BeirSet(
            self.name,
            self.split,
            self.docs,
            {q: self.queries[q] for q in keep},
            {q: self.qrels[q] for q in keep},
            {q: self.answers[q] for q in keep if q in self.answers},
            self.fingerprint,
        )


@dataclass(frozen=True)
class Question:
    """One line of the project's question set: a phrase that answers it, or a refusal."""

    question: str
    expect: str | None
    kind: str | None
    refuse: bool


def is_beir_folder(path: Path) -> bool:
    return path.is_dir() and (path / "corpus.jsonl").is_file()


def splits(path: Path) -> list[str]:
    return sorted(p.stem for p in (path / "qrels").glob("*.tsv"))


def load_beir(path: Path, split: str | None = None) -> BeirSet:
    for name in ("corpus.jsonl", "queries.jsonl"):
        if not (path / name).is_file():
            raise EvalDataError(f"{path} is not a BEIR folder: {name} is missing")
    available = splits(path)
    if split is None:  # test when there is one, else the only split there is
        split = "test" if "test" in available or len(available) != 1 else available[0]
    if split not in available:
        raise EvalDataError(
            f"{path} has no qrels/{split}.tsv (splits: {', '.join(available) or 'none'})"
        )
    qrels = _read_qrels(path / "qrels" / f"{split}.tsv")
    queries: dict[str, str] = {}
    answers: dict[str, list[str]] = {}
    for row in _read_jsonl(path / "queries.jsonl"):
        qid = str(row["_id"])
        if qid in qrels:
            queries[qid] = str(row["text"])
            if row.get("answers"):
                answers[qid] = [str(a) for a in row["answers"]]
    docs = [
        BeirDoc(str(row["_id"]), str(row.get("title") or ""), str(row.get("text") or ""))
        for row in _read_jsonl(path / "corpus.jsonl")
    ]
    qrels = {q: qrels[q] for q in queries}  # judged queries that exist, in query-file order
    if not queries:
        raise EvalDataError(f"{path}: no query of split {split!r} has judgements")
    digest = hashlib.sha256((path / "corpus.jsonl").read_bytes()).hexdigest()
    return BeirSet(path.resolve().name, split, docs, queries, qrels, answers, digest)


def _read_jsonl(path: Path) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                if not isinstance(row, dict) or "_id" not in row:
                    raise ValueError("no _id")
            except ValueError as err:
                raise EvalDataError(f"{path}:{number}: bad JSON line ({err})") from None
            rows.append(row)
    return rows


def _read_qrels(path: Path) -> dict[str, dict[str, int]]:
    qrels: dict[str, dict[str, int]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.reader(handle, delimiter="\t"), start=1):
            if not row or (number == 1 and row[0] == "query-id"):
                continue
            try:
                qid, doc_id, score = row[0], row[1], int(row[-1])
            except (IndexError, ValueError):
                raise EvalDataError(
                    f"{path}:{number}: expected query-id, corpus-id, score"
                ) from None
            qrels.setdefault(qid, {})[doc_id] = score
    return qrels


def load_questions(path: Path) -> list[Question]:
    """The project's questions: {"question", "expect", "kind"} or {"question", "refuse": true}."""
    if not path.is_file():
        raise EvalDataError(f"{path} does not exist")
    questions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            text = str(row["question"])
        except (ValueError, KeyError, TypeError):
            raise EvalDataError(
                f"{path}:{number}: expected a JSON object with a question"
            ) from None
        refuse = bool(row.get("refuse"))
        if not refuse and not row.get("expect"):
            raise EvalDataError(f"{path}:{number}: give an expect phrase or refuse: true")
        questions.append(Question(text, row.get("expect"), row.get("kind"), refuse))
    if not questions:
        raise EvalDataError(f"{path} holds no question")
    return questions
