"""Answer -> embed and buttons: escaping, freshness, Discord's limits (on answers larger than any
real one), and the small rules of what counts as a question."""

from __future__ import annotations

import re

import discord
import pytest

from bot.answer import REFUSAL, Answer, Citation, Quote
from bot.discord.render import (
    CONTINUED_MESSAGES,
    EMBED_TOTAL_CHARS,
    answer_embed,
    clip,
    continued_embeds,
    escape,
    handoff_mentions,
    handoff_text,
    safe_url,
)
from bot.discord.views import answer_view


def citation(n: int, text: str, title: str = "Title", url: str | None = None) -> Citation:
    return Citation(n, "doc", title, url, "Section", text, 0.5)


def huge_answer(citations: int = 30, size: int = 5000) -> Answer:
    cites = tuple(citation(n, "word " * (size // 5), "T" * 400) for n in range(1, citations + 1))
    return Answer(
        id="a" * 32,
        question="why? " * 200,
        answer="x",
        refused=False,
        citations=cites,
        quotes=(Quote("long sentence " * 500, 1),),
    )


def test_every_limit_holds_on_a_huge_answer():
    embed = answer_embed(huge_answer())
    assert len(embed.title or "") <= 256 and (embed.title or "").endswith("…")
    assert len(embed.description or "") <= 4096
    assert len(embed.fields) <= 25
    assert all(len(f.name or "") <= 256 and 0 < len(f.value or "") <= 1024 for f in embed.fields)
    assert len(embed) <= EMBED_TOTAL_CHARS
    assert any((f.value or "").endswith("…") for f in embed.fields)


# A whole `[label](url)`: escaped label characters, then an http(s) URL with no space or ")".
LINK = re.compile(r"\[((?:\\.|[^\\\[\]])*)\]\((https?://[^\s()]+)\)")


def test_trimming_a_long_embed_never_cuts_a_link():
    cites = tuple(
        Citation(
            n, "doc", f"[{n}] A very long title about batteries " * 12,
            f"https://example.com/{n}/" + "path/" * 80,
            "Section " * 40, "Quoted passage with many words. " * 60, 0.5, f"p{n}",
            "2026-03-12", f"https://example.com/{n}/" + "path/" * 80 + "#:~:text=" + "w%20" * 150,
        )
        for n in range(1, 11)
    )  # fmt: skip
    answer = Answer("a" * 32, "Who?", "x", False, cites, (Quote("Quoted passage. " * 20, 1),))
    embed = answer_embed(answer)
    assert len(embed) <= EMBED_TOTAL_CHARS
    assert len(embed.fields) >= 5  # quotes were trimmed before any citation was dropped
    for field, cited in zip(embed.fields, cites, strict=False):
        name, value = field.name or "", field.value or ""
        assert len(name) <= 256 and 0 < len(value) <= 1024
        source, _, quote = value.partition("\n")
        found = LINK.match(source)
        assert found, source  # the link is whole: label and URL closed
        assert found[2] in (safe_url(cited.link), safe_url(cited.url))  # the URL, uncut
        assert source[found.end() :] in ("", " · 12 Mar 2026")
        assert quote.startswith("> ") and "](" not in quote


def test_a_short_answer_is_not_trimmed():
    answer = Answer("b" * 32, "Who?", "Panasonic.", False, (citation(1, "Panasonic."),),
                    (Quote("Panasonic.", 1),))  # fmt: skip
    embed = answer_embed(answer)
    assert "…" not in (embed.description or "") + "".join(f.value or "" for f in embed.fields)
    assert embed.fields[0].value == "> Panasonic."


def test_clip_never_leaves_a_dangling_escape():
    assert clip("abc", 3) == "abc"
    assert clip("abcdef", 4) == "abc…"
    cut = clip(escape("a*b*c*d*e*f*g"), 6)  # "a\\*b\\*c…": the cut falls after a backslash
    assert len(cut) <= 6 and cut.endswith("…")
    assert (len(cut[:-1]) - len(cut[:-1].rstrip("\\"))) % 2 == 0


def test_escape_neutralises_mentions_markdown_and_links():
    text = escape("@everyone @here **b** [x](http://e)\n# h\n> q")
    assert "@everyone" not in text and "@here" not in text
    assert "\\*\\*b\\*\\*" in text and " \\[x\\](" in text
    assert "\\# h" in text and "\\> q" in text


DISCORD_MARKUP = [
    "<@&456>", "<@!123>", "<@123>", "<@&1234567890123456789>", "<t:1700000000:F>", "<t:1700000000>",
    "<:name:123>", "<a:name:123>", "<id:customize>", "</cmd:123>", "<#123>", "@everyone", "@here",
    "[x](https://evil.test)", "||spoiler||", "# heading", "## h2", "-# subtext", "> quote",
    ">>> block", "**bold** __under__ ~~gone~~ `code` *it*", "1. item", "- item", "<https://e.test>",
]  # fmt: skip


def shown(escaped: str) -> str:
    """What a reader sees and copies: backslash escapes consumed, zero-width spaces invisible."""
    return re.sub(r"\\(.)", r"\1", escaped).replace("\u200b", "")


@pytest.mark.parametrize("form", DISCORD_MARKUP)
def test_escape_shows_every_discord_markup_form_literally(form: str):
    for text in (form, f"words {form} words", f"first line\n{form}"):
        out = escape(text)
        assert not re.search(r"<(?!\u200b)\S", out), out  # no <...> markup can open
        assert not re.search(r"@(everyone|here)", out), out
        assert not re.search(r"(?<!\\)[\[\]|*_~`]", out), out  # every markdown character escaped
        assert not re.search(r"^\s*(?:[#>*+-]|\d+\.)", out, re.MULTILINE), (
            out
        )  # nothing leads a line
        assert shown(out) == text  # and the words are the same


def test_only_web_urls_are_linked_and_cannot_break_the_link():
    assert safe_url("javascript:alert(1)") is None
    assert safe_url(None) is None
    assert safe_url("https://e.com/a b)") == "https://e.com/a%20b%29"
    answer = Answer("c" * 32, "q", "t", False, (citation(1, "t", "T", "ftp://x"),),
                    (Quote("t", 1),))  # fmt: skip
    assert "](" not in (answer_embed(answer).fields[0].value or "")


def ids_of(view: discord.ui.View) -> list[str]:
    return [c["custom_id"] for row in view.to_components() for c in row["components"]]


def test_refusal_has_votes_and_a_human_but_no_more_sources():
    refusal = Answer("d" * 32, "banana bread?", REFUSAL, True)
    embed = answer_embed(refusal)
    assert REFUSAL in (embed.description or "") and not embed.fields
    d = "d" * 32
    assert ids_of(answer_view(refusal, 3)) == [
        f"evbot:vote:1:{d}",
        f"evbot:vote:0:{d}",
        f"evbot:human:{d}",
    ]
    assert ids_of(answer_view(refusal, 3, private=True))[-1] == f"evbot:share:0:{d}"


def test_small_talk_shows_its_reply_inertly_with_no_buttons_or_answer_id():
    text = "Hello! I answer questions about the article “@everyone [x](https://evil.test)”."
    hello = Answer("f" * 32, "hi", text, True, outcome="refused", reply="greeting")
    embed = answer_embed(hello)
    description = embed.description or ""
    assert description.startswith("Hello!") and "@everyone" not in description
    assert "[x](" not in description and "\\[x\\]" in description and not embed.fields
    assert REFUSAL not in description and "f" * 32 not in (embed.footer.text or "")
    assert ids_of(answer_view(hello, 3)) == []


def test_more_sources_steps_by_the_setting_and_keeps_the_original_context():
    answer = Answer("e" * 32, "q", "t", False, tuple(citation(n, "t") for n in (1, 2, 3)),
                    (Quote("t", 1),))  # fmt: skip
    ids = ids_of(answer_view(answer, 2, context_id="f" * 32, private=True))
    assert ids == [
        f"evbot:vote:1:{'e' * 32}",  # votes judge this answer's citations
        f"evbot:vote:0:{'e' * 32}",
        f"evbot:more:5:{'f' * 32}",  # re-asks re-use the original question and conversation
        f"evbot:human:{'e' * 32}",
        f"evbot:share:3:{'f' * 32}",
    ]


def test_answer_shows_its_freshness_and_links_to_the_quoted_sentence():
    link = "https://e.com/a#:~:text=Panasonic%20supplies"
    cites = (
        Citation(1, "d", "Deal", "https://e.com/a", None, "Panasonic supplies.", 0.5, "p1",
                 "2026-03-12", link),
        Citation(2, "d", "Old", "https://e.com/b", None, "Text.", 0.4, "p2", None, None),
        Citation(3, "d", "Notes", None, None, "Text.", 0.3, "p3", "2026-01-05T08:00:00Z", None),
    )  # fmt: skip
    quotes = (Quote("Panasonic supplies.", 1),)
    built = "2026-11-24T10:00:00+00:00"
    answer = Answer("a" * 32, "Who?", quotes[0].text, False, cites, quotes, index_built_at=built)
    embed = answer_embed(answer)
    assert embed.footer.text == f"Sources as of 24 Nov 2026 · answer {'a' * 32}"
    first, second, third = (f.value or "" for f in embed.fields)
    assert first.startswith(f"[Deal]({link}) · 12 Mar 2026\n> ")
    assert second.startswith("[Old](https://e.com/b)\n> ")  # no fragment: the article itself
    assert third.startswith("published 5 Jan 2026\n> ")  # no URL: no link, the date still shown


def test_handoff_tags_only_the_role_and_quotes_the_question_inertly():
    text = handoff_text("Who pays? @everyone <@1234567890123456789>", "<@42>", 777)
    assert text.startswith("<@&777> <@42> would like a person to answer")
    assert "@everyone" not in text and "<@1234567890123456789>" not in text
    mentions = handoff_mentions(777).to_dict()
    assert mentions == {"parse": [], "roles": [777]}  # replied_user False is left out


def test_a_long_quote_goes_on_in_the_next_message_and_every_citation_stays():
    """The description holds 4,096 characters: a longer quote goes on in the next message's, cut
    between words, rather than being cut short (session 27; it was shortened with an ellipsis),
    so it still closes with its citation, the label stays above it and the next quote follows."""
    answer = Answer(
        id="c" * 32,
        question="Who makes the vans?",
        answer="x",
        refused=False,
        citations=(citation(1, "vans"), citation(2, "cells")),
        quotes=(Quote("Rivian builds **vans** for Amazon. " * 200, 1), Quote("Panasonic.", 2)),
        outcome="partial",
        missing="when",
    )
    first = answer_embed(answer)
    descriptions = [first.description or ""] + [
        e.description or "" for e in continued_embeds(answer)
    ]
    assert len(descriptions) == 2 and all(len(d) <= 4096 for d in descriptions)
    assert len(first) <= EMBED_TOTAL_CHARS and len(first.fields) == 2  # the sources stay first
    label, opening = descriptions[0].split("\n\n")
    assert label == "*The sources don't say when; the closest passage:*"
    assert opening.startswith("“Rivian builds \\*\\*vans\\*\\*") and "**[1]**" not in opening
    rest, second = descriptions[1].split("\n\n")
    assert not rest.startswith("“") and rest.endswith("Amazon.” **[1]**")
    assert second == "“Panasonic.” **[2]**"
    whole = " ".join(descriptions).replace(" \n\n", "\n\n")
    assert whole.count("Rivian builds") == 200 and "…" not in whole


def test_an_answer_longer_than_every_message_allowed_is_cut_in_the_last():
    answer = Answer(
        id="d" * 32,
        question="Everything?",
        answer="x",
        refused=False,
        citations=(citation(1, "all"),),
        quotes=(Quote("word " * 10_000, 1),),
    )
    descriptions = [answer_embed(answer).description] + [
        e.description for e in continued_embeds(answer)
    ]
    assert len(descriptions) == 1 + CONTINUED_MESSAGES
    assert all(d and len(d) <= 4096 for d in descriptions) and descriptions[-1].endswith("…")


def test_a_short_answer_has_no_continuation():
    answer = Answer(
        id="e" * 32,
        question="Who?",
        answer="x",
        refused=False,
        citations=(citation(1, "vans"),),
        quotes=(Quote("Rivian builds vans.", 1),),
    )
    assert continued_embeds(answer) == []
    assert answer_embed(answer).description == "“Rivian builds vans.” **[1]**"
