"""A long reply quoting nothing (the headings of a long article listed) goes on rather than being
cut at the first block or description (session 27): in Slack's next sections, in Discord's next
messages, every word of it shown once, nothing pinging."""

from __future__ import annotations

from bot.answer import reply_answer
from bot.discord.render import answer_embed, continued_embeds
from bot.slack.render import SECTION_LIMIT, render_answer

HEADINGS = "; ".join(f"Heading number {n} about batteries & <!channel>" for n in range(300))
REPLY = reply_answer(
    "what are the sections?", f"The article has 300 sections: {HEADINGS}.", "sections"
)


def test_slack_shows_a_long_reply_in_sections_of_its_limit() -> None:
    _, blocks = render_answer(REPLY)
    texts = [b["text"]["text"] for b in blocks]
    assert len(texts) > 1 and all(len(t) <= SECTION_LIMIT for t in texts)
    shown = " ".join(texts)
    assert shown.count("Heading number") == 300 and "Heading number 299 about" in shown
    assert "<!channel>" not in shown and "…" not in shown


def test_discord_shows_a_long_reply_in_the_messages_after_its_first() -> None:
    embeds = [answer_embed(REPLY), *continued_embeds(REPLY)]
    descriptions = [e.description or "" for e in embeds]
    assert len(descriptions) > 1 and all(len(d) <= 4096 for d in descriptions)
    shown = " ".join(descriptions)
    assert shown.count("Heading number") == 300 and "Heading number 299 about" in shown
    assert "<!channel>" not in shown and "…" not in shown
    assert all(e.footer.text is None and not e.fields for e in embeds)  # a reply: nothing to vote
