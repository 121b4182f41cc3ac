"""Answerability-gate candidates: evidence for the refusal rule (docs/retrieval-quality.md).

    .venv/bin/python benchmarks/refusal.py [--sets shipped holdout xquad-en] [--no-tokens]

Asks every question as `evbot ask` does (a fresh index of corpus/ for the project's question sets;
the `evbot eval` cache for XQuAD-en), records per-question signals, and prints, for each candidate
gate and threshold, the refusal trade-off on top of the cosine gate (EVBOT_MIN_SCORE):
in-domain answered (keyword / paraphrase), near-domain refused, off-topic refused; on XQuAD-en
(every question answerable) the false refusals and the answer-span hit.

Signals (each per question, over the cited passages):
  cos       cosine of the best passage (the current gate)
  sent      cosine of the best sentence
  quoted    the quoted sentence's score (cosine + 0.3 x IDF term overlap, + its MaxSim and lifts
            with late interaction: `Hit.sentence_scores`)
  coverage  IDF-weighted share of the question's content terms found in the cited passages
            (question words dropped; a term the corpus lacks gets the highest IDF)
  z, gap    the best passage's cosine as a z-score over all passages; its lead over the second
  masked    cosine of the question without the corpus's subject words (stems in a quarter or more
            of the passages: Bezos, Musk, Tesla, ...) to the best cited passage
  numeric   a how-many/much/old/... or when/what-year question whose top passage has no digit
  tokens    late interaction (ColBERT-style MaxSim): each content word-piece of the question, its
            best cosine with any token of the cited passages, the lowest of those; needs a
            second encoder pass over the cited passages (--no-tokens skips it)
Choose on the shipped set only (train); the holdout set and XQuAD-en are checks.
Prints figures; asserts nothing. On 2 cores: ~1.5 min for the two question sets, ~8 min for
XQuAD-en (~4 min with --no-tokens).
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.answer import compose_answer  # noqa: E402
from bot.embedding import Embedder, get_embedder  # noqa: E402
from bot.evaluation.datasets import load_beir, load_questions  # noqa: E402
from bot.evaluation.metrics import contains_any  # noqa: E402
from bot.evaluation.runner import default_cache_dir, pipeline_index  # noqa: E402
from bot.index import SearchIndex, build_index, load_index  # noqa: E402
from bot.lexical import terms  # noqa: E402
from bot.ranking import zscores  # noqa: E402
from bot.retrieval import Hit, Retriever  # noqa: E402
from bot.service import late_interaction_for  # noqa: E402
from bot.settings import Settings, load_settings  # noqa: E402
from bot.source_terms import best_similarity  # noqa: E402

SHARED = ROOT.parent / "shared" / "benchmarks"
SETS = {
    "shipped": ROOT / "tests" / "data" / "shipped-questions.jsonl",
    "holdout": ROOT / "tests" / "data" / "shipped-questions-holdout.jsonl",
}
QUESTION_WORDS = (
    "who whom whose what which when where why how do does did can could would should shall may "
    "might must has have had i me my you your we our us much many get tell know"
)
NUMERIC_QUESTION = re.compile(
    r"\b(how (many|much|old|tall|fast|far|long|heavy)|when|what year|which year)\b", re.I
)
STOPWORDS = (  # bm25s's English list, which `terms` drops, and the possessive
    "a an and are as at be but by for if in into is it no not of on or such that the their then "
    "there these they this to was will with 's s"
)
_WORD_PIECE_STOP = {*QUESTION_WORDS.split(), *STOPWORDS.split()}


@dataclass
class Asked:
    kind: str  # keyword, paraphrase, near-domain, off-topic, xquad
    refused: bool  # by the current cosine gate
    signals: dict[str, float]
    span_hit: bool = False  # XQuAD: the quoted answer holds a gold span


class Signals:
    def __init__(self, index: SearchIndex, embedder: Embedder, tokens: bool) -> None:
        self.index, self.embedder, self.tokens = index, embedder, tokens
        bm25 = index.lexical._bm25
        self.vocab, self.indptr = bm25.vocab_dict, bm25.scores["indptr"]
        self.n = int(bm25.scores["num_docs"])
        self.question_terms = set(terms([QUESTION_WORDS])[0])
        self.row = {p.id: i for i, p in enumerate(index.passages)}
        self._passage_tokens: dict[int, np.ndarray] = {}
        self._passage_terms: dict[int, set[str]] = {}

    def df(self, term: str) -> int:
        row = self.vocab.get(term)
        return 0 if row is None else int(self.indptr[row + 1] - self.indptr[row])

    def idf(self, term: str) -> float:
        df = self.df(term)
        return math.log1p((self.n - df + 0.5) / (df + 0.5))

    def passage_terms(self, row: int) -> set[str]:
        if row not in self._passage_terms:
            self._passage_terms[row] = set(terms([self.index.passages[row].text])[0])
        return self._passage_terms[row]

    def coverage(self, question: str, rows: list[int]) -> float:
        wanted = {t for t in terms([question])[0] if t not in self.question_terms}
        weights = {t: self.idf(t) for t in wanted}  # a term the corpus lacks: df 0
        total = sum(weights.values())
        found = set().union(*(self.passage_terms(r) for r in rows))
        return sum(w for t, w in weights.items() if t in found) / total if total else 1.0

    def masked(self, question: str) -> str:
        """The question without the words of the corpus's own subject (the whole question if
        nothing else is left)."""
        kept = [
            word
            for word in question.split()
            if not any(t in self.vocab and self.df(t) >= 0.25 * self.n for t in terms([word])[0])
        ]
        return " ".join(kept) or question

    def _token_vectors(self, texts: list[str]) -> list[tuple[list[str], np.ndarray]]:
        model = self.embedder.model
        outputs = model.encode(texts, output_value=None, convert_to_numpy=False)
        encoded = model.tokenizer(texts, truncation=True, max_length=model.max_seq_length)
        result = []
        for ids, output in zip(encoded["input_ids"], outputs, strict=True):
            vectors = output["token_embeddings"][: len(ids)].float().numpy()
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
            result.append((model.tokenizer.convert_ids_to_tokens(ids), vectors))
        return result

    def token_support(self, question: str, rows: list[int]) -> float:
        missing = [r for r in rows if r not in self._passage_tokens]
        if missing:
            texts = [self.index.passages[r].text for r in missing]
            for r, (_, vectors) in zip(missing, self._token_vectors(texts), strict=True):
                self._passage_tokens[r] = vectors[1:-1]  # without [CLS] and [SEP]
        pieces, vectors = self._token_vectors([question])[0]
        content = [
            i
            for i, piece in enumerate(pieces)
            if piece.lower() not in _WORD_PIECE_STOP
            and not piece.startswith("##")
            and re.match(r"\w", piece)
        ]
        if not content:
            return 1.0
        passage = np.concatenate([self._passage_tokens[r] for r in rows])
        return float((vectors[content] @ passage.T).max(axis=1).min())

    def of(self, question: str, vector: np.ndarray, hits: list[Hit]) -> dict[str, float]:
        rows = [self.row[h.passage.id] for h in hits]
        sentence_cos = [
            float(
                (
                    self.index.sentence_vectors[
                        int(self.index.sentence_offsets[r]) : int(self.index.sentence_offsets[r])
                        + len(h.passage.sentences)
                    ]
                    @ vector
                ).max()
            )
            for r, h in zip(rows, hits, strict=True)
        ]
        numeric = bool(NUMERIC_QUESTION.search(question)) and not re.search(
            r"\d", hits[0].passage.text
        )
        cosine = np.sort(self.index.passage_vectors @ vector)[::-1]
        masked_vector = self.embedder.encode_query(self.masked(question))
        signals = {
            "cos": max(h.dense for h in hits),
            "sent": max(sentence_cos),
            "quoted": max(s for h in hits for s in h.sentence_scores),
            "coverage": self.coverage(question, rows),
            "z": float(zscores(cosine)[0]),
            "gap": float(cosine[0] - cosine[1]) if len(cosine) > 1 else 1.0,
            "masked": float((self.index.passage_vectors[rows] @ masked_vector).max()),
            "numeric": float(numeric),
        }
        if self.tokens:
            signals["tokens"] = self.token_support(question, rows)
        return signals


def ask_all(
    index: SearchIndex,
    embedder: Embedder,
    questions: list[tuple[str, str, list[str]]],
    tokens: bool,
    settings: Settings,
) -> list[Asked]:
    """questions: (text, kind, gold answer spans) -> what the bot does with each and its signals.

    Asked as `evbot eval` asks the project's question sets (bot/evaluation/runner.py), as
    `evbot ask` would: late interaction as the settings have it, the answer's own search, the
    best cosine over every passage for the gate, asked alone."""
    retriever = Retriever(
        index, embedder, late_interaction=late_interaction_for(settings, len(index.passages))
    )
    signals = Signals(index, embedder, tokens)
    articles = index.manifest["articles"]
    asked = []
    for text, kind, spans in questions:
        vector = embedder.encode_query(text)
        hits = retriever.search_vector(text, vector, 3)
        answer = compose_answer(
            text,
            hits,
            articles,
            min_score=settings.min_score,
            best_similarity=best_similarity(retriever, vector),
            alone=True,
        )
        asked.append(
            Asked(
                kind=kind,
                refused=answer.refused,
                signals=signals.of(text, vector, hits) if hits else {},
                span_hit=bool(spans) and not answer.refused and contains_any(answer.answer, spans),
            )
        )
    return asked


Gate = Callable[[dict[str, float]], bool]  # signals -> refuse (on top of the cosine gate)


def candidates(tokens: bool) -> list[tuple[str, Gate]]:
    grid: list[tuple[str, Gate]] = []
    for t in (0.25, 0.3, 0.35, 0.4, 0.45, 0.5):
        grid.append((f"cos < {t}", lambda s, t=t: s["cos"] < t))
    for t in (0.3, 0.35, 0.4, 0.45, 0.5):
        grid.append((f"best sentence cosine < {t}", lambda s, t=t: s["sent"] < t))
    for t in (0.35, 0.45, 0.55):
        grid.append((f"quoted sentence score < {t}", lambda s, t=t: s["quoted"] < t))
    for t in (1.5, 1.7):
        grid.append((f"z-score of the best cosine < {t}", lambda s, t=t: s["z"] < t))
    for t in (0.01, 0.02):
        grid.append((f"lead over the second passage < {t}", lambda s, t=t: s["gap"] < t))
    for t in (0.15, 0.2):
        grid.append((f"cosine with subject words masked < {t}", lambda s, t=t: s["masked"] < t))
    for t in (0.1, 0.2, 0.3):
        grid.append((f"coverage < {t}", lambda s, t=t: s["coverage"] < t))
    for x, y in ((0.4, 0.3), (0.5, 0.2), (0.5, 0.3)):
        grid.append(
            (
                f"cos < {x} and coverage < {y}",
                lambda s, x=x, y=y: s["cos"] < x and s["coverage"] < y,
            )
        )
    grid.append(("numeric question, no digit in top passage", lambda s: bool(s["numeric"])))
    if tokens:
        for t in (0.2, 0.25, 0.28, 0.3, 0.32):
            grid.append((f"token support < {t}", lambda s, t=t: s["tokens"] < t))
        for x, y in ((0.42, 0.3), (0.48, 0.3), (0.48, 0.31), (0.51, 0.3)):
            grid.append(
                (
                    f"cos < {x} and token support < {y}",
                    lambda s, x=x, y=y: s["cos"] < x and s["tokens"] < y,
                )
            )
    return grid


def report(name: str, asked: list[Asked], gates: list[tuple[str, Gate]]) -> None:
    def refused(a: Asked, gate: Gate | None) -> bool:
        return a.refused or (gate is not None and bool(a.signals) and gate(a.signals))

    kinds = sorted({a.kind for a in asked})
    print(f"\n{name}: " + ", ".join(f"{k} {sum(a.kind == k for a in asked)}" for k in kinds))
    for label, gate in [("cosine gate alone (now)", None), *gates]:
        if name == "xquad-en":
            false = sum(refused(a, gate) for a in asked)
            span = sum(a.span_hit and not refused(a, gate) for a in asked) / len(asked)
            share = f"{false / len(asked):.1%}"
            print(f"  {label:44s} false refusals {false:4d} ({share}) span {span:.4f}")
            continue
        cells = []
        for kind in kinds:
            group = [a for a in asked if a.kind == kind]
            if kind in ("keyword", "paraphrase"):
                cells.append(f"{kind} {sum(not refused(a, gate) for a in group)}/{len(group)}")
            else:
                cells.append(f"{kind} refused {sum(refused(a, gate) for a in group)}/{len(group)}")
        print(f"  {label:44s} " + "  ".join(cells))


def question_set(path: Path) -> list[tuple[str, str, list[str]]]:
    return [
        (q.question, (q.kind or "off-topic") if q.refuse else q.kind or "keyword", [])
        for q in load_questions(path)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sets", nargs="+", default=["shipped", "holdout", "xquad-en"])
    parser.add_argument("--no-tokens", dest="tokens", action="store_false")
    args = parser.parse_args()
    settings = load_settings()
    embedder = get_embedder(settings.model, settings.batch_size)
    gates = candidates(args.tokens)
    with tempfile.TemporaryDirectory() as tmp:
        shipped = None
        for name in args.sets:
            if name in SETS:
                if shipped is None:
                    index_settings = settings.model_copy(
                        update={"corpus_dir": ROOT / "corpus", "index_dir": Path(tmp)}
                    )
                    build_index(index_settings, embedder)
                    shipped = load_index(Path(tmp), settings.model)
                asked = ask_all(shipped, embedder, question_set(SETS[name]), args.tokens, settings)
            else:
                beir = load_beir(SHARED / name)
                index_dir, _, _ = pipeline_index(
                    beir, settings, embedder, default_cache_dir(), titles=True, progress=True
                )
                questions = [
                    (text, "xquad", beir.answers.get(qid, [])) for qid, text in beir.queries.items()
                ]
                asked = ask_all(
                    load_index(index_dir, settings.model),
                    embedder,
                    questions,
                    args.tokens,
                    settings,
                )
            report(name, asked, gates)


if __name__ == "__main__":
    main()
