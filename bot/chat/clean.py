"""Chat markup out of a question before it is searched: mentions, broadcasts, channel links,
custom emoji, user-group tags and links become nothing (or their label), so `@evbot @everyone
Who supplies the batteries?` is searched exactly as `Who supplies the batteries?` is.

One function for both platforms; each platform's syntax is a short table of patterns below.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from bot.chat.message import Platform

Rule = tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]

# :emoji: and :skin-tone-2: (Slack writes every emoji, custom or not, as its name); the names
# without a letter are spelled out, as "10:30:45" must keep its ":30:".
_SLACK_EMOJI = re.compile(r":(?:[a-z0-9_+'-]*[a-z][a-z0-9_+'-]*|[+-]1|100|1234):", re.IGNORECASE)
_SLACK: list[Rule] = [
    # <https://x|label> and <mailto:a@b|label> read as their label; a bare <https://x> as the URL.
    (re.compile(r"<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>"), lambda m: m[2] or m[1]),
    # <@U123>, <@U123|name>: people; <#C123|name>: channels; <!here>, <!channel>, <!everyone>,
    # <!subteam^S123|@team>, <!date^…|…>: broadcasts, user groups and the like.
    (re.compile(r"<[@#!][^>]*>"), " "),
    (_SLACK_EMOJI, " "),
]

_DISCORD: list[Rule] = [
    # [label](https://x) and [label](<https://x>): masked links read as their label.
    (re.compile(r"\[([^\]]+)\]\(<?https?://[^)\s]+>?\)"), r"\1"),
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),  # a link with its preview suppressed
    # <@123>, <@!123>: people; <@&123>: roles; <#123>: channels; <:name:123>, <a:name:123>:
    # custom emoji; <t:1700000000:F>: timestamps; </ask:123>: commands; <id:customize>.
    (re.compile(r"<(?:@[!&]?\d+|#\d+|a?:\w+:\d+|t:-?\d+(?::\w)?|/[\w -]+:\d+|id:\w+)>"), " "),
    (re.compile(r"@(?:everyone|here)\b"), " "),
]

_RULES: dict[Platform, list[Rule]] = {Platform.SLACK: _SLACK, Platform.DISCORD: _DISCORD}


def clean_question(text: str, platform: Platform) -> str:
    """The words of the question, with the platform's chat markup taken out."""
    for pattern, replacement in _RULES[platform]:
        text = pattern.sub(replacement, text)
    if platform is Platform.SLACK:
        text = html.unescape(text)  # Slack sends &, < and > as &amp;, &lt; and &gt;
    return " ".join(text.split())


# Emoji written as markup: Slack's names, Discord's custom emoji.
_EMOJI: dict[Platform, re.Pattern[str]] = {
    Platform.SLACK: _SLACK_EMOJI,
    Platform.DISCORD: re.compile(r"<a?:\w+:\d+>"),
}
# What a message of emoji markup alone is read as: the acknowledgement a Unicode emoji alone is.
EMOJI_ALONE = "👍"
# Or the greeting "👋" is, when an emoji's name waves (Slack's ":wave:", a custom ":catwave:").
WAVE_ALONE = "👋"
_WAVE_NAME = re.compile(r"(?<!micro)wave", re.IGNORECASE)
# Session 29 (`benchmarks/quality.py --talk-29 … mention`): a message of mentions alone ("@evbot",
# "@evbot @here") is a hello, read as WAVE_ALONE and greeted with what the bot answers; off, it
# is an empty question and its note ("the question is empty").
MENTION_ALONE_29 = True


def question_or_emoji(text: str, platform: Platform) -> str:
    """`clean_question`'s words, or EMOJI_ALONE for a message of nothing but emoji markup (and
    mentions): ":+1:" is answered as "👍" is, not as an empty question; ":wave:" as "👋" is, and
    so are mentions alone ("@evbot"). A message with no text at all (a file, a sticker) is ""."""
    words = clean_question(text, platform)
    if words:
        return words
    emoji = _EMOJI[platform].findall(text)
    if not emoji:
        # Markup but no words: the bot called by name, as "hi" calls it (a file alone has no text).
        return WAVE_ALONE if MENTION_ALONE_29 and text.strip() else words
    return WAVE_ALONE if any(_WAVE_NAME.search(name) for name in emoji) else EMOJI_ALONE
