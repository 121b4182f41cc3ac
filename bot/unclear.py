"""Messages about an answer rather than questions: "huh?", "wdym", "?" after one (the asker did not
follow it), and "that's wrong" with none before it (there is nothing to be wrong).

After an answer, "huh?" was an acknowledgement ("All right! Ask me again any time"), "wdym" and
"?" were searched (refused, or the answer before again unlabelled); as a first message, "that's
wrong" was searched and refused as a question the sources don't cover. The replies are small
talk's (bot/small_talk.py `reply`): "unclear" after an answer, "help" with none before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot import small_talk_forms
from bot.feedback import is_complaint
from bot.oaths import oaths_read_out
from bot.small_talk import SmallTalk, marks_alone

# Session 26 (`benchmarks/quality.py --talk-26 … unclear`): on, the forms below get the "unclear"
# reply after an answer and the "help" reply as a first message (a complaint too); off, searched.
UNCLEAR = True
# Not following: a "?" makes an interjection ask ("huh?", "eh?", "sorry?"), the rest say so whole
# ("wdym", "i don't follow", "lost me"). Not "what?" or "come again?": read as a follow-up, they
# get the answer before again (bot.follow_up); nor "i don't get it", its first sentence alone
# (bot.more.SIMPLER_26).
_UNCLEAR = re.compile(
    r"(?:(?:huh|hm+|eh|sorry|pardon(?: me)?|excuse me|you what|say what)\s*\?+|"
    r"wdym|wym|what do (?:you|u|ya) mean|what(?:'s| is| does) that (?:mean|supposed to mean)|"
    r"i (?:don'?t|do not|dont) follow|"
    r"(?:i'm |im |i am )?(?:confused|lost)|you lost me|lost me|that makes no sense|"
    r"(?:that|this) (?:doesn'?t|does not) make (?:any )?sense)"
    r"[\s?!.]*",
    re.IGNORECASE,
)
# Session 27 (`benchmarks/quality.py --talk-27 … what`): a bare "what?" after an answer (the lead's
# probe: "who is musk? → what?" got the same quote again, as a follow-up of nothing new) asks what
# was unclear, as "huh?" does; as a first message it asks what the bot answers. Off, searched.
# Not "what was that?" or "come again?": asked to hear it again, they get the answer again
# (bot.more's REPEATS), nor "so what?" or "what now?", which ask something of their own.
# With a reaction before it ("wait what?", "sorry, what?", "lol what") or as an oath ("wtf",
# "what the heck"): the same (they too got the answer again, or were refused).
WHAT_27 = True
_WHAT_27 = re.compile(
    r"(?:(?:wait|sorry|eh|huh|lol|lmao|um+|uh+|hm+|oh+|ok|okay|er+m*)[\s,.!]*)?"
    r"(?:wh?a+t+|wh?u+t+|wot|wha+|wtf|wth|what the (?:heck|hell|fuck|f|frick))[\s?!.]*",
    re.IGNORECASE,
)

# Session 28 (`--talk-28 … more`): a hesitation alone ("umm", "erm...") is read as "huh?" is.
_HESITATION_28 = re.compile(small_talk_forms.HESITATION_28, re.IGNORECASE)
# And asked to explain it ("can you explain that?": the lead's probe, refused after an answer).
# And a laugh before a bare "what" ("haha what", "hehe wut"): WHAT_27 reads "lol what" already.
_LAUGHED_WHAT_28 = re.compile(
    r"(?:ha(?:ha)+h?|he(?:he)+h?)[\s,.!]*(?:wh?a+t+|wh?u+t+|wot)[\s?!.]*",
    re.IGNORECASE,
)
_EXPLAIN_THAT_28 = re.compile(small_talk_forms.EXPLAIN_THAT_28 + r"[\s?!.]*", re.IGNORECASE)
# Session 30 (`--talk-30 … more`): asked to say it in other words ("can you rephrase that?"): the
# quote is the sources' words, so the reply says how to get it plainer (was refused).
_REPHRASE_30 = re.compile(small_talk_forms.REPHRASE_30 + r"[\s?!.]*", re.IGNORECASE)


def after_answer(message: str, history: Sequence[str]) -> SmallTalk | None:
    """The reply a message about an answer asks for (UNCLEAR): after one (`history`), "unclear"
    when the asker did not follow it ("huh?", "wdym", "?"); with none before, "help" for that and
    for a complaint ("that's wrong"). None for anything else."""
    if not UNCLEAR:
        return None
    text = " ".join(message.replace("’", "'").split())
    text = oaths_read_out(text)  # "wtf does that mean" (bot/oaths.py)
    lost = (
        _UNCLEAR.fullmatch(text) is not None
        or (bool(text) and marks_alone(text))
        or (WHAT_27 and _WHAT_27.fullmatch(text) is not None)
        or (small_talk_forms.MORE_FORMS_28 and _HESITATION_28.fullmatch(text) is not None)
        or (small_talk_forms.MORE_FORMS_28 and _EXPLAIN_THAT_28.fullmatch(text) is not None)
        or (small_talk_forms.MORE_FORMS_28 and _LAUGHED_WHAT_28.fullmatch(text) is not None)
        or (small_talk_forms.MORE_FORMS_30 and _REPHRASE_30.fullmatch(text) is not None)
    )
    if history:
        return "unclear" if lost else None
    return "help" if lost or is_complaint(text) else None
