"""Block Kit rendering: escaping of corpus and user text, Slack's size limits, freshness."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.answer import REFUSAL, Answer, Citation, Quote
from bot.embedding import Embedder
from bot.index import build_index
from bot.service import AnswerService
from bot.settings import load_settings
from bot.slack.render import (
    ASK_HUMAN,
    MAX_BLOCKS,
    MORE_SOURCES,
    SECTION_LIMIT,
    SHARE,
    View,
    citation_block,
    clip,
    day,
    escape,
    group_mention,
    link,
    render_answer,
    render_handoff,
    split,
)
from tests.fake_slack import FakeSlack, SlackHarness, texts

NASTY = (
    "Tesla <!channel> & Amazon <@U0BADBAD> sign a battery pact <!here|here> <https://evil.test|x>"
)


def _answer(n_citations: int, text: str, url: str | None = "https://example.com/a") -> Answer:
    citations = tuple(
        Citation(n, "doc", f"Title {n}", url, "Section", text, 0.5)
        for n in range(1, n_citations + 1)
    )
    return Answer("id1", "q?", text, False, citations, (Quote(text, 1),))


def test_escape_neutralises_mentions_broadcasts_and_links() -> None:
    out = escape(NASTY)
    assert "<" not in out and ">" not in out
    assert "&lt;!channel&gt; &amp; Amazon &lt;@U0BADBAD&gt;" in out
    assert "@\u2060here" in escape("hi @here")  # even a bare @here can never broadcast


def test_links_cannot_be_broken_by_urls_or_titles() -> None:
    assert link("https://example.com/a?b=1&c=2", "A <b> | c") == (
        "<https://example.com/a?b=1&amp;c=2|A &lt;b&gt; | c>"
    )
    assert link("https://x.test/a>b|<!channel>", "T") == "T"  # not a plain URL: the label only
    assert link("javascript:alert(1)", "T") == "T"
    assert link(None, "T & U") == "T &amp; U"


def test_clip_never_cuts_an_entity_in_half() -> None:
    clipped = clip(escape("a" * 2996 + "<<<<"), SECTION_LIMIT)
    assert len(clipped) <= SECTION_LIMIT
    assert clipped.endswith("&lt;…") or clipped.endswith("a…")


def test_limits_hold_for_huge_answers() -> None:
    text, blocks = render_answer(_answer(80, "word " * 2000), View(private=True))
    assert len(blocks) <= MAX_BLOCKS
    sections = [b["text"]["text"] for b in blocks if b["type"] == "section"]
    assert sections and all(len(s) <= SECTION_LIMIT for s in sections)
    assert all(b["text"]["verbatim"] for b in blocks if b["type"] == "section")
    assert 0 < len(text) <= 3000
    assert blocks[-1]["type"] == "actions"
    assert MORE_SOURCES not in json.dumps(blocks)  # 80 citations: nothing more to show


def test_refusal_says_the_sources_do_not_cover_it() -> None:
    text, blocks = render_answer(Answer("id2", "weather?", REFUSAL, True), View(private=True))
    assert text == REFUSAL
    assert REFUSAL in blocks[0]["text"]["text"]
    assert MORE_SOURCES not in json.dumps(blocks)
    assert SHARE not in json.dumps(blocks)  # nothing worth sharing
    assert ASK_HUMAN in json.dumps(blocks)  # a refusal is where a person helps most


def test_freshness_dates_and_text_fragment_links() -> None:
    fragment = "https://example.com/a#:~:text=Amazon%20signed"
    cited = Citation(
        1, "doc", "A & B", "https://example.com/a", "S", "Amazon signed.", 0.5, "p1",
        published="2026-03-03", link=fragment,
    )  # fmt: skip
    answer = Answer(
        "id3", "q?", "Amazon signed.", False, (cited,), (Quote("Amazon signed.", 1),),
        index_built_at="2026-11-24T19:42:00.123+00:00",
    )  # fmt: skip
    _, blocks = render_answer(answer)
    rendered = json.dumps(blocks)
    assert "Sources as of 24 Nov 2026" in rendered
    citation = next(b for b in blocks if b["type"] == "section" and b["text"]["text"][0] == "*")
    head = citation["text"]["text"].splitlines()[0]
    assert head == f"*[1]* <{fragment}|A &amp; B> · _S_ · published 3 Mar 2026"
    no_fragment = Citation(1, "doc", "T", "https://example.com/b", None, "x", 0.5)
    assert "<https://example.com/b|T>" in citation_block(no_fragment)["text"]["text"]
    assert day("March 2026 <!here>") == "March 2026 &lt;!here&gt;"  # shown as given, escaped
    assert day(None) is None


def test_handoff_tags_only_a_real_group_and_escapes_the_question() -> None:
    assert group_mention("S0123ABC") == "<!subteam^S0123ABC>"
    assert group_mention("here>") is None and group_mention(None) is None
    text, blocks = render_handoff("<!channel> when? <@U0BAD>", "<!subteam^S1>", "ana <!here>")
    rendered = blocks[0]["text"]["text"]
    assert rendered.startswith("<!subteam^S1> ana &lt;!here&gt;")
    assert "&lt;!channel&gt; when? &lt;@U0BAD&gt;" in rendered
    assert "<!channel>" not in rendered and "<@U0BAD>" not in rendered and "<!here>" not in text


@pytest.fixture
def nasty_service(tmp_path: Path, embedder: Embedder) -> AnswerService:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "nasty.md").write_text(
        "---\ntitle: 'Deals & <!everyone> news'\nurl: 'https://example.com/x>y'\n---\n"
        "# Batteries <@U0BADBAD>\n\n"
        "Amazon signed a battery supply pact with Panasonic <!channel> & <@U0BADBAD> last week. "
        "The deal covers <https://evil.test|cells> for the first vans.\n"
    )
    settings = load_settings(corpus_dir=corpus, index_dir=tmp_path / "index", min_score=0.0)
    build_index(settings, embedder)
    return AnswerService(settings, embedder)


@pytest.fixture
def nasty_slack(nasty_service: AnswerService) -> Iterator[tuple[SlackHarness, FakeSlack]]:
    fake = FakeSlack()
    harness = SlackHarness(nasty_service, fake)
    yield harness, fake
    harness.close()
    fake.close()


def test_corpus_text_cannot_ping_mention_or_link_in_slack(
    nasty_slack: tuple[SlackHarness, FakeSlack],
) -> None:
    slack, fake = nasty_slack
    slack.mention("Who signed the battery supply pact with Panasonic?", ts="1700000000.000001")
    [post] = fake.wait_for("chat.postMessage")
    rendered = texts(post.params)
    assert "Panasonic" in rendered
    for bad in ("<!channel>", "<!everyone>", "<@U0BADBAD>", "<https://evil.test", "x>y"):
        assert bad not in rendered
    assert "&lt;!channel&gt; &amp; &lt;@U0BADBAD&gt;" in rendered
    assert "Deals &amp; &lt;!everyone&gt; news" in rendered  # title shown, not linked (bad url)


def test_small_talk_is_the_reply_alone_with_the_titles_inert(
    nasty_slack: tuple[SlackHarness, FakeSlack],
) -> None:
    slack, fake = nasty_slack
    slack.mention("hello there!", ts="1700000000.000002")
    [post] = fake.wait_for("chat.postMessage")
    rendered = texts(post.params)
    assert "Hello!" in rendered and "Deals &amp; &lt;!everyone&gt; news" in rendered
    for bad in ("<!everyone>", "<@U0BADBAD>", "<!channel>"):
        assert bad not in rendered
    blocks = json.dumps(post.params.get("blocks"))
    assert ASK_HUMAN not in blocks and '"actions"' not in blocks  # nothing logged to act on
    assert REFUSAL not in rendered


# Everything Slack's mrkdwn reads as formatting, as article text may contain it.
MARKUP = "> *bold* _italic_ ~strike~ `code` ```pre``` **b** :fire: <x|y> a|b > c*d_e"
INVISIBLE = str.maketrans("", "", "\u200b\u2060")
# A formatting pair as Slack reads one: a marker at a word edge, text, the same marker again.
PAIR = re.compile(r"(?<![^\W_])([*_~`])(?=\S)(?!\u200b).*?(?<=\S)(?<!\u200b)\1(?![^\W_])")


def visible(mrkdwn: str) -> str:
    """What a reader sees, and copies, of escaped text: invisible joiners gone, entities decoded."""
    return html.unescape(mrkdwn.translate(INVISIBLE))


def test_escape_makes_every_mrkdwn_marker_inert_and_keeps_the_words() -> None:
    out = escape(MARKUP)
    assert not PAIR.search(out), out
    assert not out.startswith(("&gt;", ">"))  # a leading > would be a blockquote
    assert ":fire:" not in out  # no emoji shortcode either
    assert visible(out) == MARKUP
    assert escape("SLACK_HUMAN_GROUP and 2*3*4") == "SLACK_HUMAN_GROUP and 2*3*4"  # mid-word: inert


def test_quote_section_and_title_show_literally() -> None:
    quote = f"{MARKUP}\n> second line *x*"
    cited = Citation(1, "doc", f"T {MARKUP}", "https://example.com/a", f"S {MARKUP}", quote, 0.5)
    answer = Answer("id4", "q?", quote, False, (cited,), (Quote(quote, 1),))
    _, blocks = render_answer(answer)
    sections = [b["text"]["text"] for b in blocks if b["type"] == "section"]
    shown = re.fullmatch(r"“(.*)” \*\[1\]\*", sections[0], re.DOTALL)
    assert shown and visible(shown[1]) == quote and not PAIR.search(shown[1])
    head, *quoted = sections[1].split("\n")
    parts = re.fullmatch(r"\*\[1\]\* <https://example\.com/a\|(.*)> · _(.*)_", head)
    assert parts, head
    label, section = parts.groups()
    assert visible(label) == f"T {MARKUP}" and visible(section) == f"S {MARKUP}"
    assert not PAIR.search(label) and not PAIR.search(section)
    assert head.count("<") == head.count(">") == 1  # the link stays one link, label inside
    assert all(line.startswith(">") for line in quoted)  # our blockquote, one per line
    assert [visible(line[1:]) for line in quoted] == quote.split("\n")
    assert not any(PAIR.search(line[1:]) or line[1:].startswith("&gt;") for line in quoted)


def test_a_long_answer_goes_on_in_the_next_section_keeping_each_quote_whole() -> None:
    """Block Kit holds 3,000 characters a section: a longer answer goes on in the next one, cut
    between words, and every quote keeps its closing mark and its citation."""
    long_quote = "Amazon & Rivian <build> vans. " * 200  # 6,000 characters, more escaped
    quotes = (Quote(long_quote.strip(), 1), Quote("Panasonic supplies the cells.", 2))
    citations = tuple(Citation(n, "doc", f"T{n}", None, "", "x", 0.5) for n in (1, 2))
    answer = Answer("id1", "q?", "x", False, citations, quotes)
    _, blocks = render_answer(answer)
    divider = next(i for i, b in enumerate(blocks) if b["type"] == "divider")
    parts = [b["text"]["text"] for b in blocks[:divider] if b["type"] == "section"]
    assert len(parts) == 3 and all(len(p) <= SECTION_LIMIT for p in parts)
    whole = f"“{escape(long_quote.strip())}” *[1]* “Panasonic supplies the cells.” *[2]*"
    assert " ".join(parts) == whole  # nothing lost, nothing added
    assert parts[-1].endswith("” *[1]* “Panasonic supplies the cells.” *[2]*")
    assert not any(re.search(r"&\w*$", p) for p in parts)  # no entity cut in half


def test_split_never_cuts_an_entity_in_a_word_longer_than_a_section() -> None:
    word = escape("<" * 1000)  # one 4,000-character word of "&lt;"
    parts = split(word, SECTION_LIMIT)
    assert "".join(parts) == word
    assert all(len(p) <= SECTION_LIMIT and p.endswith("&lt;") for p in parts)
