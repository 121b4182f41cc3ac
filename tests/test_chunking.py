from pathlib import Path

from bot.chunking import chunk_articles, split_sentences
from bot.corpus import load_corpus
from bot.embedding import Embedder

SHIPPED = Path(__file__).resolve().parent.parent / "corpus"


def test_sentences_split_at_ends_not_abbreviations() -> None:
    text = "Mr. Musk met Dr. Smith in the U.S. on Monday. Prices fell 3.5% overnight! Did it? Yes."
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "Mr. Musk met Dr. Smith in the U.S. on Monday.",
        "Prices fell 3.5% overnight!",
        "Did it?",
        "Yes.",
    ]


def test_passages_fit_the_window_and_keep_boundaries(embedder: Embedder) -> None:
    [article] = load_corpus(SHIPPED).articles
    passages = chunk_articles([article], embedder.count_tokens, 96, embedder.max_tokens)
    assert len(passages) > 5
    counts = embedder.count_tokens([p.text for p in passages])
    assert max(counts) <= embedder.max_tokens
    paragraph_starts = {p.start for p in article.paragraphs}
    paragraph_ends = {p.end for p in article.paragraphs}
    for passage in passages:
        assert article.text[passage.start : passage.end] == passage.text
        assert passage.start in paragraph_starts and passage.end in paragraph_ends
        assert passage.sentences[0][0] == passage.start and passage.sentences[-1][1] == passage.end
        sections = {p.section for p in article.paragraphs if passage.start <= p.start < passage.end}
        assert sections == {passage.section}


def test_long_paragraph_is_split_between_sentences(tmp_path: Path, embedder: Embedder) -> None:
    sentences = [f"Sentence number {i} talks about battery supply in Nevada." for i in range(60)]
    (tmp_path / "long.md").write_text("# Long\n\n" + " ".join(sentences) + "\n")
    [article] = load_corpus(tmp_path).articles
    passages = chunk_articles([article], embedder.count_tokens, 96, embedder.max_tokens)
    assert len(passages) >= 3
    assert max(embedder.count_tokens([p.text for p in passages])) <= embedder.max_tokens
    for passage in passages:
        assert passage.text.startswith("Sentence number") and passage.text.endswith("Nevada.")
    assert " ".join(p.text for p in passages) == " ".join(sentences)


def test_passage_ids_are_stable_content_hashes(tmp_path: Path, embedder: Embedder) -> None:
    path = tmp_path / "a.md"
    path.write_text("# A\n\nTesla cut prices.\n\n# B\n\nAmazon builds cars.\n")

    def ids() -> list[str]:
        [article] = load_corpus(tmp_path).articles
        return [p.id for p in chunk_articles([article], embedder.count_tokens, 96, 254)]

    first = ids()
    assert first == ids()
    path.write_text("# A\n\nTesla cut prices.\n\n# B\n\nAmazon builds trucks.\n")
    second = ids()
    assert second[0] == first[0] and second[1] != first[1]
