"""Questions about what the bot can't do: "can you browse the web?", "can i upload a pdf?", "can
you add an article?", "do you remember me?", "what's my name?", "what can't you do?".

Before session 28 they were searched and refused as questions the sources don't cover (or, "what
can't you do?", quoted the closing line at random). They get the "limits" reply (bot/small_talk.py
`reply`): what the bot answers from, that it reads no web, link or file and adds no article itself
(the team running it does), that it knows the conversation but not who the asker is, and that
questions are logged. Each form asks about the bot, never about the sources ("can tesla add a
factory?").
"""

from __future__ import annotations

# Session 28 (`benchmarks/quality.py --talk-28 … limits`): on, the forms below, whole (a greeting
# or the bot's name around them), get the "limits" reply; off, searched.
LIMITS_28 = True

_YOU = r"(?:you|u)"
# What an asker might hand the bot to read.
_THING_TO_READ = (
    r"(?:(?:a|an|my|more|new|another|other|some|this|these|your own) )*"
    r"(?:articles?|documents?|docs?|files?|pdfs?|links?|urls?|sources?|websites?|web ?pages?|"
    r"pages?|texts?|papers?|reports?|attachments?|images?|pictures?|photos?)"
)
LIMITS_REQUEST = (
    r"(?:"
    # Reading more than it holds: "can you add an article?", "can i upload a pdf?".
    rf"(?:can|could|will|would|do) {_YOU} (?:add|upload|ingest|import|read|open|take|accept|"
    rf"load|index|learn|check|look at|summari[sz]e|handle) {_THING_TO_READ}|"
    r"(?:can|could|may) i (?:upload|add|send|give|share|attach|paste|link)"
    rf"(?: {_YOU})? {_THING_TO_READ}(?: (?:to|with) {_YOU})?|"
    rf"(?:can|could|do) {_YOU} (?:browse|search|access|use|surf|go on|look (?:things )?up on) "
    r"(?:the )?(?:web|internet|online|google|news)|"
    rf"(?:can|could|do) {_YOU} (?:browse|search online|google(?: things| stuff)?)|"
    rf"(?:are {_YOU}|is this(?: bot)?) (?:connected to|on|online on) the (?:internet|web)|"
    rf"(?:do|have) {_YOU} (?:have|got) (?:internet|web|online) access|"
    # Knowing the asker: "do you remember me?", "what's my name?".
    rf"do {_YOU} (?:remember|know|recogni[sz]e) me|do {_YOU} know (?:who i am|my name)|"
    r"what(?:'s| is) my name|who am i|"
    # Its limits asked outright: "what can't you do?".
    rf"what (?:can't|cannot|can not|can'?t) {_YOU} (?:do|answer)|"
    r"what are your (?:limits|limitations|weaknesses)|what don't you know|"
    # What happens to what is asked: "do you store my questions?".
    rf"do {_YOU} (?:store|save|keep|log|record|track) (?:my |our |the )?"
    r"(?:data|questions|messages|chats?|conversations?|history|info(?:rmation)?)"
    r")"
)
