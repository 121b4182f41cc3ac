"""Answer -> embed: escaping and Discord's limits, on answers larger than any real one."""

from __future__ import annotations

from bot.answer import REFUSAL, Answer, Citation, Quote
from bot.discord.cooldown import Cooldown
from bot.discord.render import EMBED_TOTAL_CHARS, answer_embed, clip, escape, safe_url
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
    assert "\\*\\*b\\*\\*" in text and " \\[x](" in text
    assert "\\# h" in text and "\\> q" in text


def test_only_web_urls_are_linked_and_cannot_break_the_link():
    assert safe_url("javascript:alert(1)") is None
    assert safe_url(None) is None
    assert safe_url("https://e.com/a b)") == "https://e.com/a%20b%29"
    answer = Answer("c" * 32, "q", "t", False, (citation(1, "t", "T", "ftp://x"),),
                    (Quote("t", 1),))  # fmt: skip
    assert "](" not in (answer_embed(answer).fields[0].value or "")


def test_refusal_has_votes_but_no_more_sources():
    refusal = Answer("d" * 32, "banana bread?", REFUSAL, True)
    embed = answer_embed(refusal)
    assert REFUSAL in (embed.description or "") and not embed.fields
    ids = [
        c["custom_id"] for row in answer_view(refusal).to_components() for c in row["components"]
    ]
    assert ids == [f"evbot:vote:1:{'d' * 32}", f"evbot:vote:0:{'d' * 32}"]


def test_cooldown_counts_per_user_within_the_window():
    now = [0.0]
    cooldown = Cooldown(2, 10, clock=lambda: now[0])
    assert cooldown.retry_after(1) == 0 and cooldown.retry_after(1) == 0
    assert cooldown.retry_after(1) == 10
    assert cooldown.retry_after(2) == 0  # another user is not held back
    now[0] = 10.0
    assert cooldown.retry_after(1) == 0
