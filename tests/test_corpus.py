from pathlib import Path

import pytest

from bot.corpus import load_corpus
from bot.errors import CorpusError

SHIPPED = Path(__file__).resolve().parent.parent / "corpus"


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_shipped_article_has_front_matter_and_sections() -> None:
    load = load_corpus(SHIPPED)
    assert load.problems == []
    [article] = load.articles
    assert article.title == "Bezos vs. Musk: the EV rivalry"
    assert article.source and "bezos-vs-musk-ev-rivalry.txt" in article.source
    sections = {p.section for p in article.paragraphs}
    assert "Strategic Partnerships and Investments" in sections
    assert "Conclusion: A Rivalry That Could Transform the World" in sections
    partnership = next(
        p for p in article.paragraphs if "Panasonic" in article.text[p.start : p.end]
    )
    assert partnership.section == "Strategic Partnerships and Investments"


def test_markdown_front_matter_headings_and_spans(tmp_path: Path) -> None:
    write(
        tmp_path / "a.md",
        "---\ntitle: Rivian deal\nurl: https://example.com/rivian\npublished: 2026-11-01\n"
        "author: Jo Writer\n---\n\nIntro paragraph.\n\n## Money\n\nAmazon invested heavily.\n"
        "Still the same paragraph.\n\n## People\n\nA second section.\n",
    )
    [article] = load_corpus(tmp_path).articles
    assert (article.title, article.url, article.published, article.author) == (
        "Rivian deal",
        "https://example.com/rivian",
        "2026-11-01",
        "Jo Writer",
    )
    texts = [(p.section, article.text[p.start : p.end]) for p in article.paragraphs]
    assert texts == [
        (None, "Intro paragraph."),
        ("Money", "Amazon invested heavily.\nStill the same paragraph."),
        ("People", "A second section."),
    ]


def test_markdown_is_read_into_the_plain_text_a_reader_sees(tmp_path: Path) -> None:
    write(
        tmp_path / "a.md",
        "# Amazon's car\n\n– **Affordable Luxury**: reports suggest *lower* prices.\n\n"
        "> Quoted [words](https://x.y) here.\n\n- one item\n- `two` item\n\n"
        "| Maker | Range |\n|---|---|\n| Tesla | 500 km |\n\n---\n\n"
        "1. First step, 5 * 3 snake_case_name \\*kept\\*.\n\n## **Bold** heading\n\nLast.\n",
    )
    [article] = load_corpus(tmp_path).articles
    assert article.title == "Amazon's car"
    assert [(p.section, article.text[p.start : p.end]) for p in article.paragraphs] == [
        ("Amazon's car", "Affordable Luxury: reports suggest lower prices."),
        ("Amazon's car", "Quoted words here."),
        ("Amazon's car", "one item\ntwo item"),
        ("Amazon's car", "Maker Range\nTesla 500 km"),
        ("Amazon's car", "First step, 5 * 3 snake_case_name *kept*."),
        ("Bold heading", "Last."),
    ]


def test_shipped_article_text_has_no_markdown() -> None:
    [article] = load_corpus(SHIPPED).articles
    assert "**" not in article.text and "###" not in article.text
    paragraphs = [article.text[p.start : p.end] for p in article.paragraphs]
    assert "Affordable Luxury: Early reports suggest" in "\n".join(paragraphs)
    assert not [p for p in paragraphs if p.startswith(("–", "-", ">"))]


def test_plain_text_lines_are_paragraphs_and_title_comes_from_name(tmp_path: Path) -> None:
    write(tmp_path / "tesla-price-cuts.txt", "First line here.\nSecond line here.\n")
    [article] = load_corpus(tmp_path).articles
    assert article.title == "Tesla price cuts"
    assert [article.text[p.start : p.end] for p in article.paragraphs] == [
        "First line here.",
        "Second line here.",
    ]


def test_html_keeps_main_text_and_metadata(tmp_path: Path) -> None:
    body = " ".join(["Lucid Motors announced a new battery plant in Arizona today."] * 6)
    write(
        tmp_path / "lucid.html",
        f"""<html><head><title>Lucid builds a plant</title>
        <meta name="author" content="Sam Reporter"></head><body>
        <nav><a href="/">Home</a> <a href="/ads">Advertise with us</a></nav>
        <article><h1>Lucid builds a plant</h1><p>{body}</p>
        <h2>Why it matters</h2><p>{body.replace("Arizona", "Nevada")}</p></article>
        <footer>Copyright 2026 Subscribe now</footer></body></html>""",
    )
    [article] = load_corpus(tmp_path).articles
    assert article.title == "Lucid builds a plant"
    assert "Arizona" in article.text and "Nevada" in article.text
    assert "Advertise with us" not in article.text
    assert "Subscribe now" not in article.text


def test_broken_files_are_reported_by_name_and_the_rest_loads(tmp_path: Path) -> None:
    write(tmp_path / "good.md", "# Good\n\nTesla cut prices again.\n")
    write(tmp_path / "latin1.txt", "Caf\xe9 racer".encode("latin-1"))
    write(tmp_path / "bad-yaml.md", "---\ntitle: [unclosed\n---\n\nText.\n")
    write(tmp_path / "unclosed.md", "---\ntitle: x\n\nText without a closing fence.\n")
    write(tmp_path / "list.md", "---\n- a\n- b\n---\n\nText.\n")
    write(tmp_path / "empty.md", "---\ntitle: Nothing\n---\n\n   \n")
    load = load_corpus(tmp_path)
    assert [a.doc_id for a in load.articles] == ["good"]
    reasons = {p.path: p.reason for p in load.problems}
    assert set(reasons) == {"latin1.txt", "bad-yaml.md", "unclosed.md", "list.md", "empty.md"}
    assert "UTF-8" in reasons["latin1.txt"]
    assert "front matter" in reasons["bad-yaml.md"]
    assert "never closed" in reasons["unclosed.md"]
    assert "mapping" in reasons["list.md"]
    assert "no article text" in reasons["empty.md"]


def test_missing_corpus_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="does not exist"):
        load_corpus(tmp_path / "nope")
