"""Asking the bot what to ask: "suggest a question", "what questions should i ask?", "i don't know
what to ask". They ask for the help reply (bot/small_talk.py `reply`: what the bot answers and the
first section headings to ask about), as "what else can i ask?" already did.

Before session 28, "suggest a question" was searched and quoted a passage at random, "what
questions should i ask?" was refused as a question the sources don't cover. Each form asks what
*the asker* might ask or asks the bot to propose a question: never a question about the sources
("what questions remain for tesla?", "what would musk ask?"), and never a bare "ideas?" or
"suggestions?", which after an answer ask for more of it (bot.small_talk.BARE_REQUESTS_FIRST).
"""

from __future__ import annotations

# Session 28 (`benchmarks/quality.py --talk-28 … ideas`): on, the forms below, whole (a greeting or
# the bot's name around them), get the help reply; off, searched.
IDEAS_28 = True

# What a question to ask is called: "a question", "some good questions", "something to ask".
_A_QUESTION = (
    r"(?:(?:a|an|one|some|any|another|a few|a couple of|more|other) )?"
    r"(?:(?:good|interesting|great|smart|useful|decent|starter|first|fun) )?"
    r"(?:questions?|things? to ask|something(?: to ask)?|topics?)"
)
# What may follow it: who asks and about what ("… to ask you about this article").
_TO_ASK = (
    r"(?: (?:to ask|i (?:can|could|should|might|may) ask|for me)(?: you)?)?"
    r"(?: (?:about|on) (?:this|it|the article|this article|the articles|the sources))?"
    r"(?: (?:next|now|first|then))?"
)
# The asker: "i", "i should", "do i".
_MAY_I = r"(?:should|could|can|do|might|may|would) i"
IDEAS_REQUEST = (
    r"(?:"
    # The bot asked to propose one: "suggest a question", "can you recommend some questions".
    r"(?:(?:can|could|would|will) you |please |pls |plz )?"
    rf"(?:suggest|recommend|propose|give me|hit me with|throw me)(?: me)? {_A_QUESTION}{_TO_ASK}|"
    r"(?:any|got any|(?:do )?you have any|have you got any) (?:good |interesting )?"
    rf"(?:questions?|suggestions for questions|question ideas){_TO_ASK}|"
    r"(?:any )?(?:good |interesting )?questions|question ideas|"
    r"(?:(?:any|got any|some) )?(?:ideas|suggestions) (?:for|of) (?:a |some |what )?"
    r"(?:questions?|things? to ask|to ask)|"
    # The asker unsure what to ask: "what questions should i ask?", "i don't know what to ask".
    rf"(?:what|which) (?:kinds? of |sorts? of |types? of )?(?:questions|things) {_MAY_I} ask"
    r"(?: you)?(?: (?:about|on))?(?: (?:this|it|the article|this article))?"
    r"(?: (?:next|now|first|then))?|"
    rf"what {_MAY_I} ask(?: you)?(?: (?:about|on))?(?: (?:this|it|the article|this article))?"
    r"(?: (?:next|now|first|then))?|"
    r"what(?:'s| is| would be) (?:a )?(?:good|great|interesting|nice) "
    r"(?:question|thing to ask|first question|place to start)(?: to ask)?(?: (?:you|here))?|"
    r"what(?:'s| is) worth asking(?: about)?|what would you ask(?: (?:if you were me|me))?|"
    r"what do (?:people|others|most people|users|folks) (?:usually |normally |typically |often |"
    r"generally |tend to )?ask(?: you)?(?: about)?|"
    r"(?:i )?(?:don't|do not|dont) know what to ask(?: you)?(?: about)?|"
    r"(?:i'm |i am |im )?(?:not sure|unsure) what to ask(?: you)?(?: about)?|"
    r"help me (?:think of|come up with|find|pick) (?:a |some )?(?:good )?questions?"
    r"(?: to ask)?|"
    r"(?:can|could) you (?:quiz|test) me|quiz me|ask me (?:something|a question|anything)|"
    # What the bot can answer, asked by its questions (the lead's probe).
    r"what (?:kinds? of |sorts? of |types? of )?(?:questions|things) (?:can|do|could|will) you "
    r"answer(?: (?:about|on))?"
    r")"
)
