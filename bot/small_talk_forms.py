"""Small talk in forms the phrases of bot/small_talk.py lack (session 28 on): the phrases alone, as
regular expressions over small talk's normal text (lower case, chat spellings spelled out);
bot/small_talk.py reads each message whole against them, a greeting or the bot's name around.

Each was searched before its session and refused as a question the sources don't cover (or
quoted a passage at random: "/help" quoted the partnerships). Each phrase is read one way, so a
long run of them stays linear.
"""

from __future__ import annotations

# Session 28 (`benchmarks/quality.py --talk-28 … more`): forms probed by hand, whole. Off, searched.
MORE_FORMS_28 = True

# Greetings: to the bot by a warm name ("good morning sunshine", "hello again, old friend"),
# in other words ("greetings and salutations", "how's it hanging", "what's cooking", "howzit"),
# or asking whether the bot is there with its name first ("bot, you there?", "anyone out there?").
ADDRESSEE_MORE_28 = (
    r"(?:sunshine|old (?:friend|pal|chap|bean|sport)|bot ?friend|botster|my old friend|"
    r"good (?:sir|friend)|dear)"
)
GREETING_MORE_28 = (
    r"(?:(?:greetings and )?salutations|how(?:'s| is) it hangin[g']?|how goes it|how goes|"
    r"what(?:'s| is) cookin[g']?|what(?:'s| is) the good word|what(?:'s| is) the craic|howzit|"
    r"how're (?:you|ya|things)|how do|(?:bot|evbot)[\s,]+(?:are )?you (?:there|around|awake)|"
    r"(?:is )?any(?:one|body) out there)"
)
# Approval in slang no phrase holds ("spot on", "nailed it", "chef's kiss", "wicked"), and what
# the answer was called when pleased ("solid stuff", "epic stuff").
APPROVED_MORE_28 = (
    r"(?:wicked|mint|class|rad|epic|sick|groovy|neat-?o|spot on|bang on|on point|nailed it|"
    r"chef's kiss|big brain|heard|ack|"
    r"(?:wicked|epic|dope|solid|neat|nice|cool|great|quality|top|interesting) stuff|"
    r"ok(?:ie|ey|i) ?dok(?:i|ie|ey))"
)
# Leaving in words no phrase holds ("gotta dash", "au revoir", "sleep tight"), done for now.
BYE_MORE_28 = (
    r"(?:(?:gotta|got to|have to|i must) (?:dash|fly|bolt|split|scoot|head off|head out|jet)|"
    r"time to (?:go|head off|log off)|adieu|au revoir|toodle[- ]pip|sleep tight|keep it real|"
    r"later days|(?:good|done) for now)"
)
# Sent to the wrong place, said so ("sorry wrong chat", "oops, wrong channel").
WRONG_PLACE_28 = (
    r"(?:(?:sorry|oops|whoops|my bad|nvm|never ?mind|ignore (?:that|me))[\s,.!]*)?"
    r"wrong (?:chat|channel|thread|window|tab|person|bot|convo|conversation|dm)"
)
# Asking what the bot does in words no phrase holds ("what are you good at", "/help", "topics?",
# "can you assist me"): the help reply.
HELP_MORE_28 = (
    r"(?:/?(?:help|start)|what are you good at|what do you know(?: about)?|"
    r"tell me what you know|show me what you(?:'ve)? got|"
    r"who (?:built|made|created|programmed) (?:this|this bot|this thing)|"
    r"do you have a name|instructions|(?:i )?need (?:some )?assistance|"
    r"(?:can|could) you assist(?: me)?|"
    r"(?:what |which )?topics(?: (?:do you|can you) (?:cover|do|know))?|"
    r"what(?:'s| is) covered(?: here)?)"
)
# A hesitation alone ("umm", "uhh", "erm"): the asker not yet saying what, read by bot/unclear.py
# (the help reply first, "unclear" after an answer).
HESITATION_28 = r"(?:(?:u+m+|u+h+|e+r+m*|e+h+m*)[\s,.!?]*)+"
