"""Greetings, thanks and requests for help: messages that ask the sources nothing.

"hi there", "thanks, that's all for now" and "what can you do?" would otherwise be searched and
refused as questions the sources don't cover. The whole message must be such a phrase (with the
bot's name, "there", "again" or punctuation around it): "hi, where will amazon build factories?"
is a question, answered once its greeting is taken off (`without_greeting`), as a thanks or an
acknowledgement before one is ("thx! so where ...", "lol ok but who ..."). A thanks or goodbye
may go on in words of its own ("thanks for the quick reply") when, read against the index, what
follows asks nothing the sources could answer (`CLOSING_REMARK`). The replies are built from what
the index holds (its articles' titles and section headings), never from fixed facts; without an
index they say what the bot does and that its sources are unavailable (`reply_without_index`).
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Literal

from bot import about_bot, oaths, question_ideas, small_talk_forms
from bot.about_bot import LIMITS_REQUEST
from bot.answer import Answer, reply_answer
from bot.off_topic import names_nothing_known
from bot.question_ideas import IDEAS_REQUEST
from bot.small_talk_forms import (
    ABOUT_YOU_29,
    ACK_29,
    ACK_31,
    ADDRESSEE_30,
    ADDRESSEE_31,
    ADDRESSEE_MORE_28,
    ANNOUNCED_31,
    APPROVED_MORE_28,
    ASKING_SOON_31,
    AW_31,
    BOT_ASKED_31,
    BYE_MORE_28,
    CHATTED_31,
    DONE_FOR_NOW_28,
    EXCLAIMED_28,
    FREE_TO_TALK_31,
    GRATEFUL_30,
    GREETING_31,
    GREETING_MORE_28,
    HEDGE_28,
    HELP_MORE_28,
    HOLIDAY_29,
    HOW_ON_YOUR_END_28,
    HOWDY_30,
    KIND_30,
    KNEW_30,
    LANGUAGE_ASKED_31,
    LEAD_28,
    LEADING_NAME_31,
    LOGGED_31,
    NAME_AFTER_31,
    NAME_BEFORE_31,
    RELATED_QUESTION_30,
    SLANG_ACK_31,
    SLANG_BYE_31,
    SLIP_28,
    SLIP_BEFORE_28,
    SLIPPED_30,
    SPELLED_30,
    STATE_31,
    STOP_29,
    TASTE_ASKED_31,
    THANK_YA_30,
    THANKS_HOW_MUCH_29,
    THEN_AFTER_29,
    THEN_OPENING_29,
    TRAILING_NAME_31,
    UNDERSTOOD_NOW_28,
    UNSURE_29,
    WAIT_29,
    WAIT_OPENING_29,
    WAKE_29,
    WHATS_NEW_28,
    WRONG_PLACE_28,
    YOU_PRAISED_31,
    YOU_STAR_28,
)
from bot.stance import NO_STANCE

if TYPE_CHECKING:
    from bot.index import SearchIndex

# "unclear": the asker did not follow the answer before ("huh?", "wdym": bot/unclear.py);
# "limits": what the bot can't do asked ("can you browse the web?": bot/about_bot.py);
# "language": the language it reads asked ("what language do you speak?"); "stance": its own
# taste asked ("what's your favourite car?"), the reply bot.stance gives an opinion asked.
SmallTalk = Literal["greeting", "thanks", "help", "unclear", "limits", "language", "stance"]
# "thanks for the quick reply", "ok cool, bye then": a message opening with a thanks or a goodbye
# (after acknowledgements) that asks nothing else, no "?" and no content word the sources use, is
# a closing remark, replied to as a thanks. Session 15 refused it as off-topic
# (bot.off_topic.CLOSING_REMARK, docs/quality-log.md "Questions the sources do not answer (session
# 15)"); `benchmarks/quality.py --unsaid-15` still measures it ("closing").
CLOSING_REMARK = True

# A greeting that is never another word, as chat users type it: stretched ("hiii", "heyyy",
# "hellooo") or with a letter dropped ("helo").
# "ayy", "ayo": the hey of chat, its "y" stretched or an "o" after it ("ay" alone exclaims).
_INTERJECTION = r"(?:hi+|hel+o+|he+y+[ao]?|hiya|howdy|yo+|ayy+|ay+o+)"
# A time of day's "-ing" as speech drops its "g" ("mornin", "evenin'"), and "good" as "g'"
# ("g'morning", "g'day", "gday"); hello in the languages chat users mix in.
_GREETING = (
    rf"(?:{_INTERJECTION}|greetings|(?:good |g')?(?:mornin[g']?|afternoon|evenin[g']?)|"
    r"(?:good |g'?)day|hola|bonjour|salut|hallo)"
)
# Checking whether the bot is there at all: answered as a greeting is.
_PROBE = (
    r"(?:test(?:ing)?(?: \d+)*|ping|hello world|is (?:this|it) (?:thing )?(?:on|working)|"
    # "anyone there?", "u there?", "can you hear me": whether anybody answers.
    r"(?:is )?any(?:one|body)(?: (?:there|here|home|around))?|"
    r"(?:are )?you (?:still )?(?:there|around|awake|alive)|still (?:there|around|here)|"
    r"can you hear me)"
)
# Who the greeting or thanks is addressed to; chat markup (a mention) is already cleaned away.
_ADDRESSEE = (
    r"(?:there|again|all|everyone|everybody|anyone|anybody|anyone there|folks|(?:ev ?)?bot|"
    r"evbot|buddy|friend|mate|man|dude|pal|partner|bro|fam|guys|y'all|team)"
)
# A part of the day or week a how-are-you asks after ("how's your evening going").
_PERIOD = r"(?:day|morning|afternoon|evening|night|week|weekend)"
# Asking after the other: "how are you doing tonight", "how've you been", "how's your week been",
# "hope you're well"; what is asked after is the person, their time, or things in general.
_HOW_ARE_YOU = (
    r"(?:how are (?:you|ya)(?: doing| doin'?| keeping| holding up)?"
    rf"(?: today| tonight| this {_PERIOD})?|how(?:'ve| have) you been|"
    r"how (?:you|ya) (?:doing|doin'?|been)|"
    rf"how(?:'s| is| has| was) (?:it|everything|things|life|your {_PERIOD}|the {_PERIOD})"
    r"(?: (?:going|been|treating you))?(?: so far)?|how are things(?: going)?|how do you do|"
    r"what's up|what's new|what's good|what's happening|what's going on|sup|wassup|"
    # Chat's initials for "how are you", "what are you doing".
    r"hru|wyd|what are you (?:doing|up to)|(?:are )?you (?:good|ok|okay|alright|well)|"
    r"(?:i )?hope (?:you're|you are|you've been|all is|everything is|things are) "
    r"(?:well|good|fine|great|ok|doing well)|"
    rf"(?:(?:i )?hope you(?:'re| are) )?having a (?:good|great|nice) {_PERIOD}|"
    r"long time no see|(?:nice|good|great) to see you(?: again)?|welcome back)"
)
# A laugh as chat types it: "haha", "hehe", "heh", "hah" (never "he" or "ha" alone).
_LAUGH = r"(?:ha(?:ha)+h?|he(?:he)+h?|heh+|hah+)"
# Or as its initials: "lmao", "lmfao", "rofl", "roflmao".
_LAUGHED = r"(?:lmf?ao+|rofl(?:mao)?)"
# A word making what follows stronger: "really useful", "thank you so much".
_VERY = r"(?:(?:really|very|so|super|pretty|quite|truly|extremely) )?"
# The thanks words every thanks pattern below starts from: "thanks", "thank u", "thx", "ty".
_THANK_WORDS = r"tha?nks+|thank ?(?:you+|u)|thanx|thnx|thx+|ty+"
_THANKS = (
    rf"(?:(?:{_THANK_WORDS}|tyvm|cheers|(?:many|big|huge) thanks|tyty|kthx|ta|"
    # Thanks in the languages chat users mix in.
    r"gracias|merci|danke)"
    r"(?: (?:so|very) much| a lot| a bunch| a ton| loads| heaps| a million| kindly)?|tysm|"
    r"(?:much )?obliged|"
    rf"(?:{_VERY}much |{_VERY}greatly )?appreciated|"
    rf"(?:i )?{_VERY}appreciate (?:it|that|this|you|ya|the (?:help|answer|info|effort)))"
)
_BYE = (
    r"(?:(?:bye+(?: bye+)?|goodbye|good bye|(?:see|catch|talk to) (?:you|ya)|cya|laters?|take care|"
    # "night" alone only before the people it is said to or at the end: "night mode …" asks.
    # "nite" as chat spells it; "gtg", "brb": chat's initials for leaving.
    r"(?:good ?|g')(?:night|nite)|(?:night|nighty) night|"
    r"(?:night|nite)(?= (?:all|everyone|everybody|folks|guys|y'all|team)\b|[\s,.!~]*$)|"
    r"ttyl|ciao|adios|farewell|cheerio|peace(?: out)?|(?:gotta|got to|have to) (?:go|run)|"
    r"gtg|g2g|brb|i (?:have|need) to go|i'm off|take it easy|so long|(?:un)?til+ next time|"
    # "talk soon", "talk later": leaving, as "talk to you later" is.
    r"talk(?= (?:later|soon|tomorrow))|"
    r"have a (?:nice|good|great) (?:day|one|evening|weekend))"
    r"(?: later| soon| around| tomorrow| now| for now)?)"
)
# What a user may call the bot or its answer when pleased with it ("great answer", "you're smart").
_PRAISE = (
    r"(?:great|good|nice|perfect|helpful|useful|interesting|awesome|amazing|brilliant|excellent|"
    r"fantastic|smart|clever|cool|neat|sweet|lovely|wonderful|superb|noice|impressive|best|"
    r"informative|insightful|fascinating)"
)
# An acknowledgement: before a thanks or a goodbye, or the whole message ("ok", "got it").
_ACK = (
    r"(?:ok+|okay+|oki|okie|okey|(?:ok|okay|alright|all right) then|k|kk+|alright|all right|got it|"
    r"gotcha|gotchu|got (?:you|ya)|i see|right|wow|yes|yeah|yep|yup|yea|yeh|ya|sure|no|nope|"
    rf"nah|no way|true|ikr|fr|bet|oops|lol|{_LAUGHED}|omg|{_LAUGH}|hm+|ah+|oh+|"
    # "okey dokey" as it is spelled each way: the rhyme's two halves alike.
    r"ooh+|uh huh|mhm+|yay|wh?oa+h?|meh|ok(?:ey|ie|ay) dok(?:ey|ie|ay)|roger(?: that)?|will do|"
    r"idk|whatever|"
    # Agreement, and what a user says on finding the answer themselves.
    r"agreed|exactly|indeed|fair|(?:fair|good) point|well said|i guess|(?:i )?found it|all good|"
    r"(?:i )?love (?:it|this|that|you|ya)|you rock|(?:yes|yeah|yep|sure|ok|okay) (?:please|pls)|"
    r"(?:you're |you are )?(?:a )?legend|"
    r"sounds (?:good|great|fine|perfect)|(?:that |it )?makes (?:total |perfect )?sense|"
    r"fair enough|understood|noted|good to know|sure thing|right on|well played|word|"
    r"(?:true|same) that|(?:so |that's )?true|same(?: here)?|me too|yikes|dang|damn|huh|"
    # Credit given ("props", "kudos to you") and approval in slang ("sound", "dope", "legit").
    r"(?:props|kudos)(?: to (?:you|ya|the bot))?|sound|dope|legit|solid|"
    # Done asking: "that's all for now", "nothing else".
    r"that(?:'s| is) (?:all|it)(?: for (?:now|today))?|nothing else|all done|i'm done|"
    r"no more questions|"
    r"glad to hear(?: it)?|"
    r"(?:nice|pleased|good) to meet you|you too|same to you|sorry|my bad|never ?mind|nvm|"
    r"no worries|no problem|np|"
    rf"{_VERY}{_PRAISE}|{_VERY}{_PRAISE} (?:answer|one|job|stuff|work|bot)|well done|"
    r"cool beans|"
    rf"(?:that|this)(?:'s| is| was) (?:{_VERY}{_PRAISE}|what i needed)|"
    rf"you(?:'re| are|'ve been| have been) {_VERY}(?:{_PRAISE}|the best)|"
    rf"that helps|that helped|{_VERY}helpful)"
)
# What may follow a thanks and still ask nothing ("thanks, that helps", "thanks for the help").
_THANKS_TAIL = (
    r"(?:for (?:the|your|all the|all your) (?:help|answer|answers|info|information|quotes?)|"
    r"for (?:everything|that|this|helping)|"
    # "for asking", "for explaining that": what the other did, as a gerund.
    r"for \w+ing(?: (?:that|this|it|me|us))?|"
    r"that(?:'s| is| was) (?:all|it|helpful|great|perfect|useful|what i needed)"
    r"(?: for now| for today)?|"
    r"that helps|that helped|very helpful|so helpful|"
    r"(?:have a )?(?:nice|good|great) (?:day|one|evening|weekend)|"
    r"no more questions|nothing else|i'm done|i am done|all good|you too|same to you|"
    rf"{_VERY}{_PRAISE} (?:answer|one|job|stuff|work)|"
    rf"you(?:'re| are|'ve been) {_VERY}(?:{_PRAISE}|the best))"
)
# How a person is, said back to a how-are-you or a greeting ("i'm good", "not bad, you?").
_STATE = (
    rf"(?:(?:(?:i'm|i am) )?(?:doing |feeling )?{_VERY}(?:good|fine|great|well|ok|okay|alright|"
    r"all right)|(?:i'm |i am )?not (?:too |so |that )?bad|can't complain)"
)
# And the question asked back: "…, you?", "and yourself?", "hbu".
_ASKED_BACK = r"(?:(?:(?:and|how about|what about) )?(?:you|yourself)|hbu|wbu)"
# What a question said to be coming is called: at most two words, each read one way (a long run
# of them stays linear).
_QUESTION_COMING = (
    r"(?:a|one|another|one more|next|last|follow[- ]?up|quick|random|small|silly)"
    r"(?: (?:quick|random|small|silly|last|follow[- ]?up))?"
)
_HELP = (
    r"(?:help(?: me)?(?: (?:please|pls|plz))?|(?:please|pls|plz) help(?: me)?|usage|commands|"
    # Criticism of the bot is told what it does and doesn't ("All right!" would shrug it off).
    r"(?:bad|useless|dumb|stupid) bot|"
    r"what (?:can|should|may) i ask(?: you)?|"
    r"what (?:(?:can|do|could|will) you|are you able to) (?:do|help(?: me)?|answer)(?: with)?|"
    r"what do you know|what are you|who are you|what is this(?: bot)?|what's this(?: bot)?|"
    r"how do(?:es)? (?:this|it|you|this (?:bot|thing)) work|"
    r"how do i (?:use|ask)(?: (?:this|you|it|this bot))?|"
    r"who (?:made|built|created|wrote|trained|programmed) you|"
    r"what(?:'s| is) your name|what are you called|what model are you|are you (?:chat)?gpt|"
    r"tell me (?:more )?about (?:yourself|you)|introduce yourself|what do you do|"
    r"what(?:'s| is) your (?:purpose|job|function|deal)|"
    r"(?:i )?need (?:some )?help|help me out|what (?:can|could) you tell me(?: about)?|"
    r"what are you for|what is this for|what's this for|how can you help(?: me)?|"
    r"what questions can i ask(?: you)?|what can i ask about|"
    r"what (?:topics|subjects|things) (?:do|can) you (?:cover|answer(?: questions)? about)|"
    # A question announced and not yet asked ("quick question", "can i ask you something?").
    rf"(?:{_QUESTION_COMING} )?question|quick q|qq|"
    r"(?:i )?(?:have|got) (?:a|another|one more) (?:quick |small |random )?question(?: for you)?|"
    r"can i ask (?:you )?(?:something|a (?:quick )?question)|"
    r"what do you cover|what are your sources|what sources do you (?:have|use)|"
    r"which articles do you (?:have|know)|can you help(?: me)?|"
    r"(?:are you|is this|am i (?:talking|speaking|chatting) (?:to|with)) "
    r"(?:an? )?(?:real |actual )?(?:bot|ai|human|person|robot|chatbot)"
    r"(?: (?:typing|talking|answering|replying|here))?"
    r"(?: or (?:an? )?(?:real )?(?:bot|ai|human|person|robot|chatbot))?|are you real)"
    # "what are you exactly", "what can you do anyway": the question asked, an adverb after it.
    r"(?: (?:exactly|actually|really|anyway|then))?"
)
_SEP = r"[\s,.!?:;~\-–—]*"  # between and after the phrases: punctuation and space only


def _whole(*parts: str) -> re.Pattern[str]:
    return re.compile("^" + _SEP + _SEP.join(parts) + _SEP + "$")


def _optional(pattern: str) -> str:
    return f"(?:{pattern})?"


def _repeat(pattern: str) -> str:
    # Each phrase ends a word: with the separator optional, "hahahaha" or "hiiii" could otherwise
    # be split into phrases in exponentially many ways, and a long one would hang the match.
    return rf"(?:{pattern}\b{_SEP})*"


_ADDRESSED = _optional(_SEP + _ADDRESSEE)
_WHOLE: tuple[tuple[SmallTalk, re.Pattern[str]], ...] = (
    (
        "greeting",
        _whole(rf"(?:{_GREETING}{_ADDRESSED}\b{_SEP})+", _optional(_HOW_ARE_YOU + _ADDRESSED)),
    ),
    ("greeting", _whole(_HOW_ARE_YOU + _ADDRESSED)),
    ("greeting", _whole(_repeat(_ACK), _STATE, _optional(_THANKS + _ADDRESSED), _ASKED_BACK)),
    ("greeting", _whole(_optional(_GREETING + _ADDRESSED + _SEP), _PROBE + _ADDRESSED)),
    (
        "thanks",
        _whole(
            _repeat(f"(?:{_ACK}|{_GREETING}{_ADDRESSED})"),  # "hey, thanks!", "oh great, thanks"
            _THANKS + _ADDRESSED,
            _repeat(_THANKS + _ADDRESSED),  # said again: "ty ty", "thanks, thank you!"
            _repeat(_THANKS_TAIL),
            _optional(_BYE + _ADDRESSED),
            _optional(_THANKS_TAIL),
        ),
    ),
    ("thanks", _whole(_repeat(_ACK), _BYE + _ADDRESSED, _optional(_THANKS + _ADDRESSED))),
    ("thanks", _whole(_repeat(_ACK), _ACK + _ADDRESSED)),  # "ok", "got it", "good bot"
    ("thanks", _whole(_STATE, _optional(_THANKS + _ADDRESSED), _optional(_THANKS_TAIL))),
    ("help", _whole(_optional(_GREETING + _ADDRESSED + _SEP), _HELP + _ADDRESSED)),
)
# Session 23 (`benchmarks/quality.py --talk-23`): a thanks with how it is meant after it ("thank
# you, truly"), and "nuff" as chat spells "enough" ("fair nuff"). Off, neither is small talk.
SINCERE_THANKS = True
_SINCERELY = r"(?:truly|sincerely|genuinely|honestly|really|seriously)"
_WHOLE_SINCERE: tuple[tuple[SmallTalk, re.Pattern[str]], ...] = (
    ("thanks", _whole(_repeat(_ACK), _THANKS + _ADDRESSED, _SINCERELY)),
)
# Small talk in forms no set holds, probed by hand (session 23, `--talk-23` "forms"): done asking
# ("all set", "i'm good for now"), help acknowledged ("big help", "just what i needed"), approval
# in slang ("aight", "say less", "spot on", "good luck"), wishes ("happy friday") and the question
# asked back alone ("hbu", "and you?"). Off, searched (or a closing remark, by the index). Off:
# it reads no tuning text (so no tuning line can show it) and one held-out text, left unmeasured.
CHAT_FORMS_23 = False
_SETTLED = (
    r"(?:(?:i'm|i am|we're|we are) )?(?:all set|good for now|all good for now)|done(?: for now)?|"
    r"not (?:right )?now|maybe later|later then|(?:ok |okay )?that's enough(?: for (?:now|today))?|"
    r"enough for (?:now|today)"
)
_HELPED = (
    rf"(?:(?:that|this|it) )?helps(?: a lot| loads)?|(?:a )?(?:big|huge|real) help|"
    r"(?:you're |you are )?(?:a )?life ?saver|(?:exactly|just) what i (?:needed|wanted)|"
    rf"(?:that|this|it)(?:'s| is| was) {_VERY}(?:spot on|on point|top notch)"
)
_SLANG = (
    r"aight|ight|alr|yessir|say less|no cap|spot on|on point|nailed it|top notch|splendid|brill|"
    r"much love|respect|ggs?|likewise|good luck|congrats|congratulations"
)
_WISH = (
    r"happy (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|holidays|"
    r"new year|thanksgiving|easter)|merry christmas|tgif"
)
_WHOLE_FORMS: tuple[tuple[SmallTalk, re.Pattern[str]], ...] = (
    ("greeting", _whole(f"(?:{_WISH})" + _ADDRESSED)),
    ("greeting", _whole(_ASKED_BACK + _ADDRESSED)),
    (
        "thanks",
        _whole(
            _repeat(f"(?:{_ACK}|{_SETTLED}|{_HELPED}|{_SLANG})"),
            f"(?:{_SETTLED}|{_HELPED}|{_SLANG})" + _ADDRESSED,
            _repeat(_THANKS + _ADDRESSED),
            _optional(_BYE + _ADDRESSED),
        ),
    ),
)
# Session 24 (`benchmarks/quality.py --talk-24`): small talk in forms chat users type that no
# phrase above reads, whole or before a question. Off, searched (or a closing remark, by the
# index):
# greetings in words of their own ("salutations", "aloha", "ahoy") and the afternoon as
# Australians say it ("good arvo", "g'arvo"; not "arvo" alone: "good" is praise read alone, so
# "good arvo" would read two ways and a long run of it hang);
CHAT_FORMS_24 = True
_GREETING_24 = (
    r"(?:salutations|aloha|ahoy|namaste|shalom|top of the morning(?: to (?:you|ya|y'all))?|"
    r"(?:good |g')arvo)"
)
# asking after everyone at once ("how's everyone", "how is everybody doing", "how we doing"), and
# hoping others are well in words the older phrases lack: "ur" / "your" for "you're" ("hope ur
# having a good day"), "you're all", "everyone's", or a lovelier day. Each form read one way
# (none is an older phrase's), so a long run of them stays linear;
_HOW_ARE_YOU_24 = (
    r"(?:how(?:'s| is| are) (?:everyone|everybody|every1|y'all|the gang|we)"
    r"(?: (?:doing|doin'?|going|keeping))?(?: today| tonight)?|how (?:we|we're) (?:doing|doin'?)|"
    r"(?:i )?hope (?:your|ya|you're all|you are all|everyone's|everyone is) having a "
    rf"(?:good|great|nice|lovely|wonderful|fab|fantastic) {_PERIOD}|"
    rf"(?:(?:i )?hope (?:you're|you are) )?having a (?:lovely|wonderful|fab|fantastic) {_PERIOD}|"
    r"(?:i )?hope (?:your|ya) (?:well|good|ok|okay|doing well|doing good))"
)
# cheering and agreeing in interjections no other phrase holds ("alrighty", "wooo", "woohoo",
# "hooray", "yippee").
_ACK_24 = (
    r"(?:alrighty(?: then)?|ok(?:ey|ie|ay)?-dok(?:ey|ie|ay)|ok dok(?:ey|ie|ay)|wo+(?:t| ?hoo+)?|"
    r"w00t|hoo+ray|hurray|hurrah|yippee+|huzzah|yahoo+)"
)
_WHOLE_24: tuple[tuple[SmallTalk, re.Pattern[str]], ...] = (
    (
        "greeting",
        _whole(
            rf"(?:(?:{_GREETING}|{_GREETING_24}){_ADDRESSED}\b{_SEP})+",
            _optional(f"(?:{_HOW_ARE_YOU}|{_HOW_ARE_YOU_24})" + _ADDRESSED),
        ),
    ),
    ("greeting", _whole(_HOW_ARE_YOU_24 + _ADDRESSED)),
    ("thanks", _whole(_repeat(f"(?:{_ACK}|{_ACK_24})"), _ACK_24 + _ADDRESSED)),
    (
        "thanks",
        _whole(
            _repeat(f"(?:{_ACK}|{_ACK_24})"),
            _THANKS + _ADDRESSED,
            _repeat(_THANKS + _ADDRESSED),
            _optional(_BYE + _ADDRESSED),
        ),
    ),
)
# Session 25 (`benchmarks/quality.py --talk-25 … forms`): small talk in forms no phrase above
# reads, whole. Off, searched (or a closing remark, by the index):
CHAT_FORMS_25 = True
# a greeting said to someone or said twice over ("good evening to you", "hello to you too",
# "greetings and salutations"), after a word that leads it in ("oh hi", "well hello");
_GREETING_25 = (
    rf"(?:(?:oh|well|why) )?(?:a )?(?:very )?{_GREETING}(?: (?:and|&) {_GREETING}| you)?"
    r"(?: to (?:you|ya|y'all|you all|all|everyone|everybody|all of you|one and all))?"
    r"(?: too| as well)?"
)
# asking what is up in slang no older phrase holds ("what's cracking", "how goes it"), and coming
# back ("i'm back", "it's me again"), and hoping the other's day goes well ("hope ur day is going
# well", "hope all's well");
_HOWDY_25 = (
    rf"(?:(?:i )?hope (?:your|the) {_PERIOD}(?:'s| is| has been) (?:going |been )?"
    r"(?:well|good|great|ok|okay|fine|nicely|smoothly)(?: so far)?|"
    r"(?:i )?hope all's (?:well|good)(?: with you)?|"
    r"what's (?:cracking|crackin'?|poppin'?|popping|the word)|what up|wh?azz?up|wh?addup|"
    r"how goes it|how's tricks|what's up with (?:you|ya)|(?:i'm|i am) back|back again|"
    r"(?:it's )?me again)"
)
# Who small talk is said to, in words the older addressees lack ("wassup my dude", "thanks
# homie"): after a greeting, a how-are-you, a thanks, a goodbye or an acknowledgement.
_ADDRESSEE_25 = (
    r"(?:my (?:dude|man|guy|friend|bro|g|boy|girl|homie|pal|mate|buddy)|homie|homes|dawg|chief|"
    r"boss|fella|sir|ma'am|champ|comrade|amigo|boo|bestie)"
)
# done asking, in words of its own ("that's all i needed", "i think i'm good", "signing off");
_DONE_25 = (
    r"(?:that(?:'s| is| was) (?:all|everything|it) i (?:needed|need|wanted|was after|"
    r"was looking for)(?: to know)?|"
    r"i think (?:that(?:'s| is) (?:all|it)|(?:i'm|i am|we're) (?:good|done|all set))|"
    r"(?:(?:i'm|i am|we're) )?all set|(?:i'm |i am )?(?:all )?done (?:for (?:now|today)|here)|"
    r"all good here|signing off|logging off|(?:i'm|i am) out(?: of here)?|heading (?:out|off)|"
    r"(?:nite|night|nighty) nite|later,? (?:gator|alligator)|in a while,? crocodile|"
    r"(?:(?:i'm|i am) )?(?:off|going|heading|headed) to (?:bed|sleep)|time for bed|bedtime)"
)
# understood and helped, said whole ("that answers my question", "that clears it up", "i get it
# now", "this helped a lot", "you've been a great help", "exactly what i needed");
_UNDERSTOOD_25 = (
    r"(?:(?:that|this|it) (?:answers|answered) (?:my question|it|everything)|question answered|"
    r"(?:that|this|it) (?:clears|cleared) (?:it|things|that|everything) up|"
    r"that(?:'s| is) (?:crystal |very |perfectly |super )?clear(?: now)?|crystal clear|"
    r"(?:that |it )?makes (?:total |perfect )?sense now|i (?:get it|understand)(?: now)?|"
    r"i got it now|got it now|i see now|"
    # Not "that helps" alone, an older acknowledgement's: each form read one way.
    r"(?:this|it) (?:helped|has helped|really helped|helps)"
    r"(?: (?:a lot|loads|heaps|a ton|so much))?|"
    r"that (?:has helped|really helped)(?: (?:a lot|loads|heaps|a ton|so much))?|"
    r"that (?:helped|helps) (?:a lot|loads|heaps|a ton|so much)|"
    r"(?:(?:you've been|you have been|you were|that was|this was) )?(?:a |such a )?"
    r"(?:great|big|huge|real|massive) help|"
    r"(?:that's |this is |it's )?(?:exactly|just|precisely) what i (?:needed|wanted|was after|"
    r"was looking for))"
)
# praise and agreement in slang ("ur the goat fr", "aight bet", "say less"), "for real" after;
_SLANG_CORE_25 = (
    r"(?:(?:you're|you are|your) (?:the |a )?(?:goat|g\.o\.a\.t\.?|man|greatest|mvp|real mvp|hero|"
    r"king|queen|boss|champ)|your (?:the )?best|goated|aight|ight|a'ight|say less|no cap|facts|"
    r"valid)"
)
# ("fr" after it is an acknowledgement of its own)
_SLANG_25 = rf"{_SLANG_CORE_25}(?: (?:for real|tbh|ngl|no cap))?"
# said back to a thanks, put aside, or wondered at ("you're welcome", "forget it", "oh well",
# "that's wild"), none of them an older phrase's words whole.
_REACTION_25 = (
    r"(?:(?:you're|you are) welcome|my pleasure|any ?time|no probs?|don't mention it|"
    r"happy to help|forget it|ignore (?:that|me|this)|disregard(?: that)?|oh well|ah well|"
    r"ugh+|cool story|(?:that's |that is |so |how |pretty )?(?:crazy|wild|insane|nuts|"
    r"bonkers|unreal|mind-?blowing)|no kidding|who knew|go figure)"
)
# and asking for help in words of its own ("give me some example questions", "what else can i
# ask?", "where do i start", "how old are you": told what the bot does).
_HELP_25 = (
    r"(?:give me (?:some |an |a few )?(?:example|sample) questions?|"
    r"(?:some |any )?(?:example|sample) questions|"
    r"(?:what are )?some (?:good )?questions (?:to ask|i (?:can|could|should) ask)|"
    r"what else (?:can|could|should) i ask(?: you)?(?: about)?|"
    r"what else (?:can|could) you (?:do|answer|help(?: me)? with)|"
    r"what else do you (?:know|do|cover)|where (?:do|should|can) i (?:start|begin)|"
    r"how do i (?:start|begin)|how old are you|where are you from)"
)
# Session 25 (`--talk-25 … openers`): those forms before a question are taken off as the older
# phrases are ("good evening to you, who …", "wassup my dude, who …", "got it now. who …",
# "aight, who …"); not "forget it" or "ignore that", which take the question before back
# (bot.feedback), nor the done-asking forms. Off, searched with them. Each read one way: a greeting
# opens only with its "to you" (the bare greeting is an older unit), an addressee only after.
OPENERS_25 = True
# A greeting no acknowledgement opens ("good evening" is "good" and "evening" too).
_GREETING_UNSPLIT_25 = (
    rf"(?:{_INTERJECTION}|greetings|(?:good |g')(?:mornin[g']?|afternoon|evenin[g']?)|"
    r"(?:good |g'?)day|hola|bonjour|salut|hallo)"
)
_GREETING_TO_25 = (
    rf"{_GREETING_UNSPLIT_25} to (?:you|ya|y'all|you all|all|everyone|everybody|all of you)"
    r"(?: too| as well)?"
)
# ("oh well" is "oh" and a state said back already)
_REACTION_OPENING_25 = (
    r"(?:(?:you're|you are) welcome|my pleasure|no probs?|ugh+|"
    r"cool story|(?:that's |that is |so |how |pretty )?(?:crazy|wild|insane|nuts|"
    r"bonkers|unreal|mind-?blowing)|no kidding|who knew|go figure)"
)
_OPENING_25 = (
    rf"{_GREETING_TO_25}|{_HOWDY_25}|{_UNDERSTOOD_25}|{_REACTION_OPENING_25}|{_SLANG_CORE_25}|"
    rf"(?:{_GREETING_UNSPLIT_25}|{_HOW_ARE_YOU}|{_THANKS}|{_ACK}) {_ADDRESSEE_25}"
)
_WHOLE_25: tuple[tuple[SmallTalk, re.Pattern[str]], ...] = (
    ("help", _whole(_optional(_GREETING + _ADDRESSED + _SEP), _HELP_25 + _ADDRESSED)),
    (
        "greeting",
        _whole(
            _GREETING_25 + _ADDRESSED,
            _optional(f"(?:{_HOW_ARE_YOU}|{_HOWDY_25})" + _ADDRESSED),
        ),
    ),
    ("greeting", _whole(_optional(_GREETING + _ADDRESSED + _SEP), _HOWDY_25 + _ADDRESSED)),
    (
        "greeting",
        _whole(
            f"(?:{_GREETING}|{_HOW_ARE_YOU}|{_HOWDY_25})",
            _ADDRESSEE_25,
            _optional(f"(?:{_HOW_ARE_YOU}|{_HOWDY_25})" + _ADDRESSED),
        ),
    ),
    (
        "thanks",
        _whole(
            _repeat(_ACK),
            f"(?:{_THANKS}|{_BYE}|{_ACK}|{_SLANG_25})",
            _ADDRESSEE_25,
        ),
    ),
    (
        "thanks",
        _whole(
            _repeat(_ACK),
            f"(?:{_DONE_25}|{_UNDERSTOOD_25}|{_REACTION_25}|{_SLANG_25})" + _ADDRESSED,
            _repeat(_ACK),  # "aight bet", "that answers it, cool"
            _repeat(_THANKS + _ADDRESSED),
            _optional(_BYE + _ADDRESSED),
        ),
    ),
    (
        "thanks",
        _whole(
            _repeat(_ACK),
            _THANKS + _ADDRESSED,
            _repeat(_THANKS + _ADDRESSED),
            f"(?:{_DONE_25}|{_UNDERSTOOD_25})",
            _optional(_BYE + _ADDRESSED),
        ),
    ),
)
# Session 25 (`--talk-25 … more`), probed by hand, read whole: the bot called by name alone
# ("bot?", "evbot?"), thanks in more of the languages chat users mix in ("merci beaucoup",
# "grazie"), radio and slang agreement ("copy that", "affirmative", "sounds like a plan"), praise of
# its speed or a score ("that was quick", "10/10"), "much love". Off, searched (or a closing
# remark, by the index).
MORE_FORMS_25 = True
_CALLED_25 = r"(?:(?:ev ?)?bot|evbot)"
_THANKS_MORE_25 = (
    r"(?:merci(?: beaucoup| bien)?|grazie(?: mille)?|danke(?: sch(?:ö|oe?)n| sehr)?|"
    r"arigato(?: gozaimasu)?|obrigad[oa]|muchas gracias|gracias amigo|mahalo|dank je(?: wel)?|"
    r"tack(?: så mycket)?|spasibo)"
)
_AGREED_MORE_25 = (
    r"(?:copy(?: that)?|10-4|affirmative|sounds like a plan|much love|love it|"
    r"(?:wow )?(?:that was|you're|you are) (?:so |super |really )?(?:quick|fast|speedy)|"
    r"(?:10|5) ?/ ?(?:10|5)|5 stars|a\+)"
)
_WHOLE_MORE_25: tuple[tuple[SmallTalk, re.Pattern[str]], ...] = (
    ("greeting", _whole(_CALLED_25)),
    (
        "thanks",
        _whole(
            _repeat(_ACK),
            f"(?:{_THANKS_MORE_25}|{_AGREED_MORE_25})" + _ADDRESSED,
            _repeat(_THANKS + _ADDRESSED),
            _optional(_BYE + _ADDRESSED),
        ),
    ),
)
# Session 26 (`--talk-26 … forms`): small talk in forms no phrase above reads, whole. Off,
# searched (or a closing remark, by the index):
CHAT_FORMS_26 = True
# the bot called by a pet name ("hey botty", "thanks bottie");
_ADDRESSEE_26 = r"(?:bott(?:y|ie)|botto|botski|robot|robo|chatbot)"
_ADDRESSED_26 = _optional(_SEP + f"(?:{_ADDRESSEE}|{_ADDRESSEE_26})")
# praise with an adverb no older phrase holds ("you absolutely rock", "you're totally the best");
# none of _VERY's, nor a bare "you rock" (an acknowledgement's): each read one way, so a long run
# stays linear;
_ADVERB_26 = r"(?:absolutely|totally|literally|seriously|genuinely|honestly|just)"
_PRAISED_26 = (
    rf"(?:you (?:{_ADVERB_26}|really|so|truly) (?:rock|rule)|you rule|"
    rf"(?:you(?:'re| are)|that(?:'s| is| was)) {_ADVERB_26} {_VERY}(?:{_PRAISE}|the best))"
)
# acknowledgements in words of their own ("coolio", "righto", "sorted", "sweet as");
_ACK_26 = r"(?:coolio|kewl|right-?o|rightio|sorted|sweet as)"
# leaving for a while ("catch ya in a bit", "see you in a sec", "laters on");
_BYE_26 = (
    r"(?:(?:see|catch|talk to) (?:you|ya)|laters?|talk|back) "
    r"(?:in a (?:bit|while|sec|second|min|minute|few)|later on|on the flip side)"
)
_WHOLE_26: tuple[tuple[SmallTalk, re.Pattern[str]], ...] = (
    ("greeting", _whole(rf"(?:{_GREETING}{_ADDRESSED_26}\b{_SEP})+")),
    # a how-are-you said twice ("sup sup", "what's up what's up bot")
    ("greeting", _whole(_repeat(_HOW_ARE_YOU), _HOW_ARE_YOU + _ADDRESSED_26)),
    (
        "thanks",
        _whole(
            _repeat(f"(?:{_ACK}|{_ACK_26})"),
            f"(?:{_PRAISED_26}|{_ACK_26}|{_BYE_26}|{_THANKS}|{_BYE}|{_ACK})" + _ADDRESSED_26,
            _repeat(_THANKS + _ADDRESSED_26),
            _repeat(_ACK_26),  # "cheers, sorted"
            _optional(f"(?:{_BYE_26}|{_BYE})" + _ADDRESSED_26),
        ),
    ),
)
# Session 26 (`--talk-26 … more`), probed by hand, read whole: greetings no phrase above holds
# ("hai", "'ello", "oi", "good morrow", "hello stranger", "hey there friend"), whether the bot is
# up ("u up?", "testing testing"), praise and approval ("you're a star", "bravo", "ace", "top
# stuff", "awesome sauce", "this is fire", "lolol") and goodbyes ("toodles", "ttfn", "l8r", "over
# and out", "that'll be all"). Off, searched (or a closing remark, by the index).
MORE_FORMS_26 = True
_GREETING_MORE_26 = (
    r"(?:hai|'?ello+|oi|good morrow|konnichiwa|hej|moin|servus|ol[aá]|salam(?: alaikum)?|"
    r"knock knock|wakey wakey|rise and shine)"
)
# (the bot's pet names too: "hey there botty")
_ADDRESSED_MORE_26 = _optional(
    _SEP + rf"(?:there )?(?:{_ADDRESSEE}|{_ADDRESSEE_26}|stranger|human|earthlings?)"
)
_PROBE_MORE_26 = r"(?:(?:are )?you up|testing(?: testing)+|test(?: test)+|(?:mic|mike) check)"
# what the bot is for, in words _HELP lacks ("what's this bot for", "what is this bot about").
_HELP_MORE_26 = (
    r"(?:what(?:'s| is) (?:this|the) (?:bot|thing|app|chat) (?:for|about|used for)|"
    r"what(?:'s| is) (?:this|the) (?:bot|thing) supposed to do|what(?:'s| is) the point of "
    r"(?:this|you|this bot)|what are you (?:about|supposed to do|used for))"
)
_APPROVED_MORE_26 = (
    r"(?:(?:you're|you are|you|your) (?:a |such a |an absolute )?(?:star|gem|diamond|rockstar)|"
    r"bravo|thumbs up|magic|ace|top (?:stuff|notch stuff|job)|(?:that's |that is )?grand|"
    r"perfecto|nifty|awesome sauce|(?:this|that)(?:'s| is) fire|lit|sheesh|lol(?:ol)+|lulz|"
    # agreeing and learning in words no older phrase holds ("mkay", "aye", "til", "mind blown")
    r"aha|a-ha|m+k|mkay|'?kay|okey-doke|aye|gg|til|mind ?blown|nice to know|"
    r"(?:i )?learned something(?: new)?|10 out of 10|best bot ever)"
)
_BYE_MORE_26 = (
    r"(?:toodles|toodle-?oo|ttfn|ta-?ta(?: for now)?|laterz|l8r|cu(?: later| soon)?|"
    r"over and out|sweet dreams|that(?:'ll| will) be all|"
    r"that(?:'s| is) (?:all|it) from me|buh-?bye|smell (?:ya|you) later|gotta bounce|"
    r"that's me done|nighty-night|sleep well|enjoy your (?:day|evening|weekend)|stay safe|"
    r"be well)"
)
# thanks in words _THANKS lacks ("much thanks", "tnx", "domo arigato")
_THANKS_MORE_26 = r"(?:much thanks|many many thanks|tnx|thanq|domo arigato(?: gozaimasu)?)"
_WHOLE_MORE_26: tuple[tuple[SmallTalk, re.Pattern[str]], ...] = (
    ("greeting", _whole(_repeat(_GREETING_MORE_26), _GREETING_MORE_26 + _ADDRESSED_MORE_26)),
    ("greeting", _whole(rf"{_GREETING}(?: there)?" + _ADDRESSED_MORE_26)),
    ("greeting", _whole(_PROBE_MORE_26 + _ADDRESSED_MORE_26)),
    ("help", _whole(_optional(_GREETING + _ADDRESSED + _SEP), _HELP_MORE_26 + _ADDRESSED)),
    (
        "thanks",
        _whole(
            _repeat(f"(?:{_ACK}|{_APPROVED_MORE_26})"),  # "aye aye", "aha, mind blown"
            f"(?:{_APPROVED_MORE_26}|{_BYE_MORE_26}|{_THANKS_MORE_26})" + _ADDRESSED_MORE_26,
            _repeat(_THANKS + _ADDRESSED),
            _optional(_BYE + _ADDRESSED),
        ),
    ),
)
# Session 27 (`--talk-27 … forms`): small talk in forms no phrase above reads, whole (the kinds
# smalltalk-tuning-11 missed, each widened to its family). Off, searched (or a closing remark):
CHAT_FORMS_27 = True
# a greeting after "well" or "oh", to the bot by a pet name after "there" ("well howdy there,
# chatbot", "oh hello there botty"), and greetings spelled as said ("hullo", "wotcha"). Each read
# one way ("there" only as the word after the greeting), so a long run stays linear;
_GREETING_27 = r"(?:hullo+|hey ya|wotcha|watcha|howdy-do)"
# (before a mark not "hey ya": "hey" and "ya" open one each there, and a phrase read two ways
# splits a run every way; with no mark it is the last opener, read once)
_GREETING_OPENER_27 = r"(?:hullo+|wotcha|watcha|howdy-do)"
_GREETED_27 = (
    rf"(?:(?:well|oh|why) )?(?:{_GREETING}|{_GREETING_27})"
    rf"(?:(?: there)?{_SEP}(?!there\b)(?:{_ADDRESSEE}|{_ADDRESSEE_26})| there)?"
)
# the bot called a lifesaver, a legend or a hero, with how it is meant after it ("you're a
# lifesaver honestly", "absolute legend tbh", "what a hero");
_HERO_27 = (
    r"(?:(?:you're|you are|ur|u r|youre|what) )?(?:a |an |such a |an absolute |a total |a real "
    r"|absolute |total )?(?:life ?saver|legend|hero|champ|champion|genius|wizard|godsend|mvp)"
)
_MEANT_27 = r"(?:honestly|tbh|fr|ngl|seriously|truly|really|for real|mate|man)"
# agreement in words of its own ("fair dos", "fair play", "okie dokie artichokie", "righty-ho");
_ACK_27 = (
    r"(?:fair (?:dos|do's|doos|play(?: to (?:you|ya))?|shout|cop)|"
    r"ok(?:ie|ey|ay) dok(?:ie|ey|ay) artichok(?:ie|ey|e)|okily dokily|righty-? ?ho|right you are)"
)
# wishing the asker's time well in more words ("have a lovely evening", "enjoy the rest of your
# day", "have a good one mate").
_WISH_27 = (
    r"(?:have|enjoy) (?:a |the rest of (?:your|the) )?(?:(?:really|very|super) )?"
    r"(?:(?:lovely|nice|good|great|wonderful|fab|fantastic|brilliant|pleasant|relaxing|restful|"
    r"productive|awesome) )?(?:day|one|evening|night|weekend|week|afternoon|morning)"
    r"(?: ahead)?"
)
_WHOLE_27: tuple[tuple[SmallTalk, re.Pattern[str]], ...] = (
    ("greeting", _whole(_repeat(_GREETED_27), _GREETED_27)),
    (
        "thanks",
        _whole(
            _repeat(f"(?:{_ACK}|{_ACK_27})"),
            _repeat(_THANKS + _ADDRESSED),
            f"(?:{_HERO_27}|{_ACK_27}|{_WISH_27})" + _ADDRESSED,
            _optional(_MEANT_27),
            _repeat(_THANKS + _ADDRESSED),
            _optional(f"(?:{_WISH_27}|{_BYE})" + _ADDRESSED),
        ),
    ),
)
# Session 27 (`--talk-27 … more`), probed by hand, read whole: done asking in words no phrase
# above holds ("that's everything", "that'll do", "all sorted", "we're good", "good to go": "that'll
# do" after an answer was searched as a follow-up and quoted a passage), the answer praised by
# what it was ("well explained", "nicely done", "great explanation", "clear answer, thanks",
# "short and sweet"), thanks said again ("thanks once again", "thank you once more"), "bless you"
# and "ahoy matey". Off, searched (or a closing remark, by the index).
MORE_FORMS_27 = True
_DONE_MORE_27 = (
    r"(?:that(?:'s| is) everything|that(?:'ll| will) do(?: for (?:now|today))?|"
    r"(?:(?:i'm|i am|we're|we are) )?(?:all )?sorted(?: now)?|all good now|"
    r"(?:we're|we are|i'm|i am) good(?: now| here| for now)?|good to go)"
)
_PRAISED_MORE_27 = (
    r"(?:(?:nicely|well|beautifully|clearly) (?:done|explained|put|said)|short and sweet|"
    rf"{_VERY}(?:{_PRAISE}|clear|concise|thorough|detailed|solid|quick) "
    r"(?:explanation|summary|reply|response|breakdown|answer|overview))"
)
_THANKS_AGAIN_27 = rf"(?:(?:{_THANK_WORDS}) (?:once )?(?:again|more)|bless (?:you|ya))"
_WHOLE_MORE_27: tuple[tuple[SmallTalk, re.Pattern[str]], ...] = (
    ("greeting", _whole(rf"(?:{_GREETING_24}|{_GREETING}) matey")),
    (
        "thanks",
        _whole(
            _repeat(_ACK),
            f"(?:{_DONE_MORE_27}|{_PRAISED_MORE_27}|{_THANKS_AGAIN_27})" + _ADDRESSED,
            _repeat(_THANKS + _ADDRESSED),
            _optional(_BYE + _ADDRESSED),
        ),
    ),
)
_SPELLED_SINCERE = {"nuff": "enough", "'nuff": "enough", "enuff": "enough", "enuf": "enough"}
_SINCERE_WORD = re.compile(r"(?<![\w'])(?:'?nuff|enuff|enuf)\b")
# A letter typed three times or more ("sweeet", "coool", "yesss"), read as twice, then once,
# when the message is no small talk as typed. Off, as typed only.
STRETCHED_LETTERS = True
_STRETCHED = re.compile(r"([a-z])\1{2,}")
# A greeting opening a question: "hi, where will ...", "hello evbot: who ...". Not a thanks:
# "thanks to its factories, ..." opens a question with the same word.
_ASKING = (
    r"(?:who|what|what's|where|when|why|how|which|is|are|does|do|did|can|could|will|would|"
    r"should|tell)"
)
# Or an interjection, which no question opens with, before any word ("hey Tesla fans love it").
# A hyphen joined to a word makes one word of them ("hi-tech").
_OPENING = re.compile(
    rf"^(?:{_GREETING}{_ADDRESSED}(?!-\w)(?:\s*[,.!:;\-–—]+\s*|\s+(?={_ASKING}\b))|"
    rf"{_INTERJECTION}{_ADDRESSED}\s+(?!{_ADDRESSEE}\b)(?=\w))"
)
# A thanks or an acknowledgement before a question ("thx! so where ...", "lol ok but who ..."),
# taken off as a greeting is (`without_greeting`). Off, only a greeting is (sessions 1-16).
CHAT_OPENERS = True
# The connective after such an opener ("ok so", "thx! but") goes with it; off, it is kept.
OPENER_CONNECTIVES = True
# A "no" may answer or correct ("no, the batteries?"): never an opener, unlike "no worries".
_NEGATIVE = r"(?:no|nope|nah)\b(?! (?:worries|problem)\b)"
# A how-are-you that greets ("sup, who ...", "how's it going? what ...", "hope you're well! who
# ..."): asking after the person or their time, or whether anyone is there; not "what's new" or
# "what are you doing", which may open a question ("what's new, the factories?"), nor "how is it"
# or "is it working" ("is it working, the plan?").
# Off, only session 19's five forms (sup, wassup, what's up, how are you (doing), how's it going).
HOW_ARE_YOU_OPENERS = True
_HOWDY_19 = r"(?:sup|wassup|what's up|how are you(?: doing)?|how's it going)"
_HOWDY_22 = (
    r"(?:sup|wassup|what's up|how are (?:you|ya)(?: doing| doin'?| keeping| holding up)?"
    rf"(?: today| tonight| this {_PERIOD})?|how(?:'ve| have) you been|"
    r"how (?:you|ya) (?:doing|doin'?|been)|"
    rf"how(?:'s| is| has| was) (?:everything|things|life|your {_PERIOD}|the {_PERIOD})"
    r"(?: (?:going|been|treating you))?(?: so far)?|how(?:'s| is| has) it (?:going|been)|"
    r"how are things(?: going)?|how do you do|hru|(?:are )?you (?:good|ok|okay|alright|well)|"
    r"(?:i )?hope (?:you're|you are|you've been|all is|everything is|things are) "
    r"(?:well|good|fine|great|ok|doing well)|"
    rf"(?:(?:i )?hope you(?:'re| are) )?having a (?:good|great|nice) {_PERIOD}|"
    rf"long time no see|(?:nice|good|great) to see you(?: again)?|welcome back|"
    # Whether anyone is there, "there" left to the addressee: one reading, so a run stays linear.
    r"(?:is )?any(?:one|body)(?: (?:here|home|around))?|"
    r"(?:are )?you (?:still )?(?:there|around|up)|still (?:there|around|here)|can you hear me)"
)
# Saying a question is coming ("quick question:", "yo quick one - who ...", "one more thing,"),
# or a filler before it ("um,", "just curious,"): taken off as a greeting is. Off, searched.
QUESTION_ANNOUNCED = True
_ANNOUNCED = (
    rf"(?:{_QUESTION_COMING} (?:question|q|one|thing)|"
    r"(?:i )?(?:have|got) (?:a|another|one more) (?:quick |small |random )?question(?: for you)?|"
    r"can i ask (?:you )?(?:something|a (?:quick )?question)|"
    r"(?:just )?(?:curious|wondering)|out of curiosity|i was wondering|i'm curious|i wonder|"
    r"sorry to bother(?: you)?|excuse me|um+|uh+|erm+)"
)
# Alone ("question: who ...", "qq, who ..."), only before a mark: "question is who ..." asks.
_ANNOUNCED_MARKED = r"(?:question|qq)"
_CONNECTIVE = r"(?:so|but|and|then|anyway|anyways|btw)"


# Session 23 (`benchmarks/quality.py --talk-23`), each on, off to measure it:
# a state said back before a question ("not bad, who …", "i'm good thanks! where …", "great,
# you? who …"): taken off as an acknowledgement is. Off, searched.
STATE_OPENERS = True
# A goodbye before a question ("gotta run, but who …", "bye! where …"): taken off. Off, searched.
GOODBYE_OPENERS = True
# Chat spellings read in an opener as small talk reads them ("u up? who …", "im good, who …").
SPELLED_OPENERS = True
# "one more:", "another:" announcing the next question (only before a mark). Off, searched.
ANOTHER_ANNOUNCED = True
_ANOTHER = r"(?:one more|another|one last)"
# A filler before a mark ("btw, who …", "wait, who …", "tbh, …", "pls, …", "dumb question, but
# who …") and a greeting asked ("hello? who …"): taken off. Off, searched. Not "follow up:" or
# "next:", which say whether the question goes on from the one before.
FILLER_OPENERS = True
# Each read one way only ("ok wait" is "ok" and "wait", "a silly question" is announced, "yes
# please" an acknowledgement), so a long run of them stays linear.
_FILLER = (
    r"(?:btw|by the way|wait|hold on|honestly|tbh|real quick|(?<!yes )(?<!yeah )(?<!yep )"
    r"(?<!sure )(?<!ok )(?<!okay )(?:please|pls|plz)|"
    r"pardon me|question for you|(?:a )?(?:dumb|stupid|noob|basic|naive) (?:question|q)|"
    r"sorry if this is (?:a )?(?:dumb|stupid|silly)(?: question)?)"
)


# Session 24 (`--talk-24 … discourse`): a discourse word before a question ("anyway, when …",
# "actually how many …", "also, quick one: …", "lastly, …"), taken off before a mark or a
# question word as a filler is, so the kind asked is read from the question's own first words
# ("actually, how many cars did tesla sell?" was presented as answered). Off, searched with it.
# Not "next:" or "follow up:" (session 23), nor "now" ("right now, who leads?": currently).
DISCOURSE_OPENERS = True
_WH = r"(?:who|what|what's|whats|where|when|why|how|which)"
_DISCOURSE = r"(?:anyways?|anyhow|actually|also|lastly|finally|firstly|first|secondly|like|so like)"
# With no mark, not "like what?" (asking for examples).
_DISCOURSE_BARE = r"(?:anyways?|anyhow|actually|also|lastly|finally|firstly|first|secondly|so like)"


# A state said back before a question, without the words an acknowledgement reads alone.
_STATE_SAID_BACK = (
    r"(?:(?:i'm|i am) (?:doing |feeling )?"
    rf"{_VERY}(?:good|fine|great|well|ok|okay|alright|all right)|"
    rf"(?:doing|feeling) {_VERY}(?:good|fine|great|well|ok|okay|alright|all right)|"
    rf"{_VERY}(?:fine|well)|(?:i'm |i am )?not (?:too |so |that )?bad|can't complain)"
)


def _chat_opening(
    howdy: str,
    bare: str,
    *,
    states: bool = False,
    goodbyes: bool = False,
    greeting_asked: bool = False,
    before_wh: str | None = None,
    connective_marks: bool = False,
) -> re.Pattern[str]:
    """Chat openers before a question, `howdy` forms asking with their own "?" as well;
    `states` and `goodbyes` add a state said back and a goodbye as openers, `greeting_asked` a
    greeting with its own "?" ("hello? who …"), `before_wh` words that open one with no mark only
    before a question word ("actually how many …"; "now is the time?" keeps its "now");
    `connective_marks`, the marks after a bare opener's connective ("cool then. who …")."""
    # The thanks after a state is a unit of its own ("i'm good thanks, who …"), and a bare
    # "good" or "ok" an acknowledgement: each read one way, so a long run stays linear.
    said_back = rf"|{_STATE_SAID_BACK}{_ADDRESSED}" if states else ""
    # Atomic: "bye bye" or "later later" is one goodbye, never split into two (linear runs).
    leaving = rf"|(?>{_BYE}){_ADDRESSED}" if goodbyes else ""
    unit = (
        rf"(?:{_THANKS}{_ADDRESSED}(?:{_SEP}{_THANKS_TAIL})?|(?:{_GREETING}|{howdy}){_ADDRESSED}|"
        rf"(?!{_NEGATIVE}){_ACK}{_ADDRESSED}{said_back}{leaving})"
    )
    # A how-are-you asks, and ends with its own "?" ("hey, how are you? who runs ...");
    # so does the question asked back after a state ("good, you? who …").
    back = rf"|{_ASKED_BACK}" if states else ""
    back += rf"|{_GREETING}" if greeting_asked else ""
    asked = rf"(?:{howdy}{_ADDRESSED}{back})\s*\?+\s*"
    after_connective = r"[\s,.!:;]*" if connective_marks else r"[\s,]*"
    return re.compile(
        rf"^(?:{unit}(?:\s*[,.!:;\-–—]+\s*|\s+)|{asked})*"
        rf"(?:{unit}(?!-\w)\s*[,.!:;\-–—]+\s*(?P<after_mark>{_CONNECTIVE}\b[\s,]*)?|"
        rf"{asked}(?:{_CONNECTIVE}\b[\s,]*)?|"
        rf"{bare}\s+(?:(?P<connective>{_CONNECTIVE}\b{after_connective})|(?={_ASKING}\b))"
        + (rf"|{before_wh}\s+(?={_WH}\b))" if before_wh else ")")
    )


# Interjections and thanks that open a question with no comma ("ok what is ...", "lol ok but
# who ..."); an adjective ("good and bad sides?", "right where ...") needs punctuation after it.
_BARE_OPENER = (
    rf"(?:ok+|okay|okie|alright|kk+|k|lol|{_LAUGHED}|omg|{_LAUGH}|hm+|ah+|oh+|ooh+|"
    rf"wow|yeah|yep|cool|{_THANK_WORDS}|tysm)"
)


@functools.cache
def _chat_openings(
    forms: bool,
    announced: bool,
    states: bool,
    goodbyes: bool,
    another: bool,
    fillers: bool,
    forms_24: bool,
    discourse: bool,
    openers_25: bool = False,
    openers_26: bool = False,
    openers_27: bool = False,
    openers_28: bool = False,
    openers_29: bool = False,
    openers_30: bool = False,
) -> re.Pattern[str]:
    """The chat openers by (HOW_ARE_YOU_OPENERS, QUESTION_ANNOUNCED, STATE_OPENERS,
    GOODBYE_OPENERS, ANOTHER_ANNOUNCED, FILLER_OPENERS, CHAT_FORMS_24, DISCOURSE_OPENERS,
    OPENERS_25, OPENERS_26, OPENERS_27, OPENERS_28, OPENERS_29, OPENERS_30): the flags are read
    per message, each set compiled once."""
    marked = rf"{_ANNOUNCED_MARKED}|{_ANOTHER}" if another else _ANNOUNCED_MARKED
    marked += rf"|{_FILLER}" if fillers else ""
    # Session 24's greetings, how-are-yous and interjections open a question as the others do.
    howdy_24 = rf"|{_GREETING_24}|{_HOW_ARE_YOU_24}|{_ACK_24}" if forms_24 else ""
    howdy_24 += rf"|{_DISCOURSE}" if discourse else ""
    howdy_24 += rf"|{_OPENING_25}" if openers_25 else ""
    howdy_24 += rf"|{_OPENING_26}" if openers_26 else ""
    howdy_24 += rf"|{_GREETING_OPENER_27}|{_ACK_27}|{_APOLOGY_27}" if openers_27 else ""
    howdy_24 += rf"|{_OPENING_28}" if openers_28 else ""
    howdy_24 += rf"|{_OPENING_29}" if openers_29 else ""
    howdy_24 += rf"|{_OPENING_30}" if openers_30 else ""
    bare = rf"{_BARE_OPENER}|{_ANNOUNCED}" if announced else _BARE_OPENER
    bare += rf"|{_GREETING_TO_25}" if openers_26 else ""
    bare += rf"|{_GREETING_NAMED_27}|{_GREETING_27}|{_OKEY_DOKEY_27}" if openers_27 else ""
    return _chat_opening(
        rf"(?:{_HOWDY_22 if forms else _HOWDY_19}{howdy_24}"
        + (rf"|{_ANNOUNCED}|{marked})" if announced else ")"),
        f"(?:{bare})",
        before_wh=_DISCOURSE_BARE if discourse else None,
        states=states,
        goodbyes=goodbyes,
        greeting_asked=fillers,
        connective_marks=openers_29,
    )


# Session 26 (`--talk-26 … openers`): a greeting said to someone opens a question with no mark
# after it, as a bare greeting does ("hi to you who leads" was searched as "To you who leads").
# Session 26's forms open a question as the older ones do ("righto, who …", "hey botty, who …").
# Off, only before a mark, and session 26's forms searched with the question.
OPENERS_26 = True
_OPENING_26 = (
    rf"{_ACK_26}|{_PRAISED_26}|{_GREETING_MORE_26}|{_APPROVED_MORE_26}|"
    rf"(?:{_GREETING_UNSPLIT_25}|{_HOW_ARE_YOU}|{_THANKS}|{_ACK}) "
    rf"(?:{_ADDRESSEE_26}|stranger|human|earthlings?)"
)


# Session 27 (`--talk-27 … openers`): a greeting to the bot by a pet name opens a question with no
# mark after it, as "hey bot who …" does (the lead's probe: "hey botty who leads" was searched as
# "Botty who leads" and refused). Off, only before a mark.
# A greeting said twice, or before a connective, opens one with no mark too ("hello hello who
# leads", "yo yo who …", "hey so who …": searched as "Hello who leads"), and an apology before a
# mark ("pardon, who …", "apologies, who …").
OPENERS_27 = True
_GREETING_NAMED_27 = (
    rf"(?:{_GREETING_UNSPLIT_25}|{_GREETING_MORE_26})(?: there)? (?:{_ADDRESSEE_26}|stranger)|"
    rf"{_GREETING_UNSPLIT_25}"
)
_OKEY_DOKEY_27 = r"ok(?:ey|ie|ay) dok(?:ey|ie|ay)"
_APOLOGY_27 = r"(?:pardon|(?:my )?apologies|sorry to (?:interrupt|bug you))"


# Session 28 (`--talk-28 … openers`): session 28's forms before a question and a mark ("oh snap,
# who …", "you absolute star, who …", "oops, typo. who …", "how are things on your end? who …";
# "aha, got it now. who …" was taken off already, as "got it" and "now")
# are taken off as the older ones are (with them, "oh snap, who leads the ev market?" quoted the
# space-race sentence). Not the done-for-now, wrong-place or help forms, which end the talk or ask
# something of their own. Off, searched with the question.
OPENERS_28 = True
_OPENING_28 = (
    rf"{SLIP_28}|{SLIP_BEFORE_28}|{YOU_STAR_28}|{EXCLAIMED_28}|"
    rf"{APPROVED_MORE_28}|{HOW_ON_YOUR_END_28}|(?:{_GREETING_UNSPLIT_25}) {ADDRESSEE_MORE_28}"
)


# Session 29 (`--talk-29 … openers`): session 29's forms before a question and a mark
# ("coolness, ta v much. who …", "right then, who …", "hold on, who …", "merry christmas! who
# …") are taken off as the older ones are; and a mark after a bare opener's connective goes with
# it ("cool then. who leads?" was searched as ". who leads?"). Not the stop or unsure forms
# ("stop, who …" is rare; "maybe who …" may ask). Off, searched with the question.
OPENERS_29 = True
_OPENING_29 = (
    rf"{ACK_29}|(?:{_THANK_WORDS}|ta|cheers) {THANKS_HOW_MUCH_29}|{THEN_OPENING_29}|"
    rf"{WAIT_OPENING_29}|"
    rf"{HOLIDAY_29}"
)


# Session 30 (`--talk-30 … openers`): session 30's forms before a question and a mark ("oh wow i
# had no idea. who …", "yeah i know, but who …", "hiya robot pal, who …", "whoops sorry. who …",
# "thank ya, very kind. who …") are taken off as the older openers are (searched whole, "oh wow i
# had no idea. who leads?" was answered from another passage than "who leads?"). Off, searched
# with the question.
OPENERS_30 = True
_OPENING_30 = (
    rf"{KNEW_30}|{HOWDY_30}|{THANK_YA_30}|{KIND_30}|{SLIPPED_30}|"
    rf"(?:{_GREETING_UNSPLIT_25}|{_THANKS}) {ADDRESSEE_30}"
)


# A thanks, a "please" or a laugh after a question ("where will the hq be? thanks", "who is musk,
# ty!", "is tesla ahead lol") is taken off before searching, as an opener is. Off, it is searched.
CHAT_CLOSERS = True
# A closer with its own "?" after a question's ("where is it? thanks?") is taken off too; off,
# the message is searched whole.
CLOSER_OWN_MARK = True
# The closing chat is looked for in this many last characters: a bounded window keeps the
# end-anchored search linear however long the message.
CLOSER_CHARS = 120
# Words that close a question after a space alone: a thanks, a please, a laugh; never a word a
# question ends with ("has the stock appreciated", "is tesla ok", "cool cars").
_CLOSER_WORD = (
    rf"(?:(?:{_THANK_WORDS}|tyvm|tysm|many thanks)"
    r"(?: (?:so|very) much| a lot| a bunch| a ton| loads| in advance)?|"
    rf"ple+a+se+|pl[sz]+|lo+l+|{_LAUGHED}|{_LAUGH})"
)
# After a mark ("? ok thanks", ", cheers", "! much appreciated") any thanks or acknowledgement
# closes, but not a "no" ("tesla leads, no?" asks).
_CLOSER_UNIT = (
    # A goodbye may follow on with a connective ("…? then i'm off", "…, and bye").
    rf"(?:{_CLOSER_WORD}|{_THANKS}(?: in advance)?|(?!{_NEGATIVE}){_ACK}|"
    rf"(?:(?:and|then|so|anyway|anyways) )?{_BYE})"
    rf"{_ADDRESSED}(?:{_SEP}{_THANKS_TAIL})?"
)
_TRAILING_MARKS = " ,:;~-–—…"  # left dangling once the closer is off; "?", "!" and "." stay
# Between and after closing words, no "?": "who will they please?", "tesla leads, right?" ask.
_CLOSER_SEP = r"[\s,.!:;~\-–—…]*"
_MARKS = ",.!?:;~-–—…"
# One closing phrase ending where the text is read to (`endpos`), taken off one at a time: a run
# matched at once could be split into phrases in exponentially many ways ("thanks, thanks, …").
_LAST_CLOSER = re.compile(rf"(?<=[\s{_MARKS}])(?:{_CLOSER_UNIT})\b{_CLOSER_SEP}$")
_CLOSER_WORD_ONLY = re.compile(rf"(?:{_CLOSER_WORD})\b{_CLOSER_SEP}$")
# What follows a thanks and asks, with or without a "?": a question word, not an exclamation
# ("thanks, what a great answer").
_WH_QUESTION = re.compile(
    rf"{_SEP}(?:{_CONNECTIVE}\b{_SEP})?(?:who|what|what's|whats|where|when|why|how|which)\b"
    r"(?! an?\b)"
)
# Or a question word further on, before a word that is no subject pronoun or article ("thx! in the
# end what decides the winner", not "thanks, that's what i needed"); off, only right after it.
QUESTION_WORD_ANYWHERE = True
_QUESTION_WORD_LATER = re.compile(
    r"\b(?:who|what|what's|whats|where|when|why|how|which)\b"
    r"(?! (?:an?|the|i|i'm|i've|you|you're|we|they|he|she|it|it's|that|this)\b) \w"
)
# A thanks or a goodbye first (after acknowledgements), then anything but a question mark.
_CLOSING = re.compile(rf"^{_SEP}{_repeat(_ACK)}(?:{_THANKS}|{_BYE})\b(?P<rest>[^?]*)$")
# Quantifiers name nothing in what follows a thanks ("that's all for now", "thanks for
# everything"), as the question's grammar does not.
_QUANTIFIERS = frozenset({
    "all", "both", "each", "every", "everything", "nothing", "anything", "lot", "lots", "bunch",
    "ton", "tons",
})  # fmt: skip
# How many section headings a greeting or help reply suggests asking about (the first ones).
TOPICS = 3
# Headings are looked for in this many first passages: a large index is read no further.
TOPIC_PASSAGES = 500


# Session 28 (`--talk-28 … ideas`): asking what to ask ("suggest a question", "what questions
# should i ask?"), whole, gets the help reply (bot/question_ideas.py; off, searched).
_WHOLE_IDEAS_28: tuple[tuple[SmallTalk, re.Pattern[str]], ...] = (
    ("help", _whole(_optional(_GREETING + _ADDRESSED + _SEP), IDEAS_REQUEST + _ADDRESSED)),
)
# Session 28 (`--talk-28 … limits`): what the bot can't do asked ("can you browse the web?",
# "what's my name?"), whole, gets the "limits" reply (bot/about_bot.py; off, searched).
_WHOLE_LIMITS_28: tuple[tuple[SmallTalk, re.Pattern[str]], ...] = (
    ("limits", _whole(_optional(_GREETING + _ADDRESSED + _SEP), LIMITS_REQUEST + _ADDRESSED)),
)

# Session 28 (`--talk-28 … more`): hand-probed forms whole (bot/small_talk_forms.py; off, searched).
# (after "there" or "again": "hey there bot friend", "hello again, old friend")
_ADDRESSED_MORE_28 = _optional(
    _SEP
    + rf"(?:(?:there|again)\b{_SEP}(?={ADDRESSEE_MORE_28}))?"
    + f"(?:{_ADDRESSEE}|{ADDRESSEE_MORE_28})"
)
_WHOLE_MORE_28: tuple[tuple[SmallTalk, re.Pattern[str]], ...] = (
    (
        "greeting",
        _whole(
            _optional(_GREETING + _SEP), f"(?:{_GREETING}|{GREETING_MORE_28})" + _ADDRESSED_MORE_28
        ),
    ),
    ("help", _whole(_optional(_GREETING + _ADDRESSED + _SEP), HELP_MORE_28 + _ADDRESSED)),
    (
        "thanks",
        _whole(
            _repeat(_ACK),
            f"(?:{APPROVED_MORE_28}|{BYE_MORE_28}|{WRONG_PLACE_28})" + _ADDRESSED_MORE_28,
            _repeat(_THANKS + _ADDRESSED),
            _optional(f"(?:{_BYE}|{BYE_MORE_28})" + _ADDRESSED),
        ),
    ),
    ("thanks", _whole(_repeat(_ACK), r"(?:mucho|muchas) gracias" + _ADDRESSED_MORE_28)),
    # "ngl this is cool": a hedge, then an acknowledgement.
    ("thanks", _whole(HEDGE_28, _repeat(_ACK), f"(?:{_ACK}|{APPROVED_MORE_28})" + _ADDRESSED)),
    # The lead's probes: "anything new?" (greeting), "thanks, super helpful" (an acknowledgement
    # after the thanks; "thanks, great answer" was read, "thanks, super helpful" refused).
    ("greeting", _whole(_optional(_GREETING + _ADDRESSED + _SEP), WHATS_NEW_28 + _ADDRESSED)),
    (
        "thanks",
        _whole(
            _repeat(_ACK),
            _THANKS + _ADDRESSED,
            _repeat(_ACK),
            rf"{_VERY}{_PRAISE}",
            _optional(_BYE + _ADDRESSED),
        ),
    ),
)

# Session 28 (`--talk-28 … forms`): smalltalk-tuning-12's missed kinds, widened
# (bot/small_talk_forms.py).
_WHOLE_28: tuple[tuple[SmallTalk, re.Pattern[str]], ...] = (
    (
        "greeting",
        _whole(
            _optional(f"(?:{_GREETING}|{_GREETING_27})" + _ADDRESSED + _SEP), HOW_ON_YOUR_END_28
        ),
    ),
    (
        "thanks",
        _whole(
            _repeat(f"(?:{_ACK}|{SLIP_BEFORE_28}|aha|a-ha)"),
            f"(?:{SLIP_28}|{UNDERSTOOD_NOW_28}|{YOU_STAR_28}|{EXCLAIMED_28}|{DONE_FOR_NOW_28})"
            + _ADDRESSED,
            _optional(f"(?:{_ACK}|{SLIP_BEFORE_28})\\b" + _SEP),
            _repeat(_THANKS + _ADDRESSED),
            _optional(f"(?:{_BYE}|{BYE_MORE_28})" + _ADDRESSED),
        ),
    ),
)

# Session 29 (`--talk-29 … forms`): smalltalk-tuning-13's missed kinds, widened
# (bot/small_talk_forms.py): "coolness, ta v much" and, read without its "then" (`_readings`),
# "okie dokie then".
_THANKED_HOW_MUCH_29 = rf"(?:{_THANK_WORDS}|ta|cheers) {THANKS_HOW_MUCH_29}"
_WHOLE_29: tuple[tuple[SmallTalk, re.Pattern[str]], ...] = (
    (
        "thanks",
        _whole(
            _repeat(f"(?:{_ACK}|{ACK_29})"),
            f"(?:{ACK_29}|{_THANKED_HOW_MUCH_29})" + _ADDRESSED,
            _repeat(_THANKS + _ADDRESSED),
            _optional(_BYE + _ADDRESSED),
        ),
    ),
)
_THEN_AFTER_29 = re.compile(THEN_AFTER_29)

# Session 29 (`--talk-29 … more`): hand-probed forms whole (bot/small_talk_forms.py).
_WHOLE_MORE_29: tuple[tuple[SmallTalk, re.Pattern[str]], ...] = (
    ("greeting", _whole(_optional(_GREETING + _ADDRESSED + _SEP), WAKE_29 + _ADDRESSED)),
    ("greeting", _whole(_optional(_GREETING + _ADDRESSED + _SEP), HOLIDAY_29 + _ADDRESSED)),
    ("help", _whole(_optional(_GREETING + _ADDRESSED + _SEP), ABOUT_YOU_29 + _ADDRESSED)),
    (
        "thanks",
        _whole(
            _repeat(_ACK),
            f"(?:{WAIT_29}|{STOP_29}|{UNSURE_29})" + _ADDRESSED,
            _repeat(_THANKS + _ADDRESSED),
            _optional(_BYE + _ADDRESSED),
        ),
    ),
)


# Session 30 (`--talk-30 … ideas`): a question related to the answer or to ask next asked for
# ("give me a related question", "any follow-up questions?"), whole: the help reply
# (bot/small_talk_forms.py; off, searched).
_WHOLE_IDEAS_30: tuple[tuple[SmallTalk, re.Pattern[str]], ...] = (
    ("help", _whole(_optional(_GREETING + _ADDRESSED + _SEP), RELATED_QUESTION_30 + _ADDRESSED)),
)

# Session 30 (`--talk-30 … forms`): smalltalk-tuning-14's missed kinds, widened
# (bot/small_talk_forms.py): "hiya robot pal", "how ya doin today", "thank ya bot, very kind",
# "whoops sorry" and, read spelled out (`_readings`), "have a gr8 evening".
_ADDRESSED_30 = _optional(_SEP + f"(?:{_ADDRESSEE}|{ADDRESSEE_30})")
_WHOLE_30: tuple[tuple[SmallTalk, re.Pattern[str]], ...] = (
    (
        "greeting",
        _whole(
            _optional(_GREETING + _ADDRESSED + _SEP), f"(?:{_GREETING}|{HOWDY_30})" + _ADDRESSED_30
        ),
    ),
    (
        "thanks",
        _whole(
            _repeat(_ACK),
            f"(?:{_THANKS}|{THANK_YA_30}|{KIND_30})" + _ADDRESSED_30,
            _optional(f"(?:{KIND_30}|{_THANKS}|{THANK_YA_30})" + _ADDRESSED),
            _optional(_BYE + _ADDRESSED),
        ),
    ),
    ("thanks", _whole(_repeat(_ACK), SLIPPED_30 + _ADDRESSED, _repeat(_ACK))),
)
_SPELLED_WORD_30 = re.compile(rf"\b(?:{'|'.join(SPELLED_30)})\b")

# Session 30 (`--talk-30 … more`): told something new or known ("oh wow i had no idea", "i already
# knew that"), whole: an acknowledgement (bot/small_talk_forms.py; off, searched).
_WHOLE_MORE_30: tuple[tuple[SmallTalk, re.Pattern[str]], ...] = (
    (
        "thanks",
        _whole(
            _repeat(_ACK),
            _optional(_THANKS + _ADDRESSED),
            f"(?:{KNEW_30}|{GRATEFUL_30})" + _ADDRESSED,
            _repeat(_THANKS + _ADDRESSED),
            _optional(_BYE + _ADDRESSED),
        ),
    ),
)

# Session 30 (`--talk-30 … sources`): the sources asked for ("what sources do you use?", "what are
# your sources?", "which articles do you have?") are no request for help: the articles' front
# matter names them (bot/about_article.py, "I answer from one article: …", answered), as "what
# sources?" and "which sources do you have?" got. On, the help phrases holding them step aside;
# off, the help reply (labelled refused).
SOURCES_ASKED_30 = True
_SOURCES_ASKED_30 = _whole(
    _optional(_GREETING + _ADDRESSED + _SEP),
    r"(?:what are your sources|what sources do you (?:have|use)|"
    r"which articles do you (?:have|know))" + _ADDRESSED,
)

# Session 31 (`--talk-31 … about`, `… language`, `… taste`): the bot asked about in words no
# phrase holds ("which article do you use?", "who is your creator?", "are you ever wrong?", "i'm
# bored", "awesome, one more thing"), the language it reads ("what language do you speak?"), its
# own taste ("what's your favourite car?"), whole (bot/small_talk_forms.py; off, searched).
_WHOLE_ABOUT_31: tuple[tuple[SmallTalk, re.Pattern[str]], ...] = (
    ("help", _whole(_optional(_GREETING + _ADDRESSED + _SEP), BOT_ASKED_31 + _ADDRESSED)),
    ("help", _whole(_repeat(_ACK), ANNOUNCED_31 + _ADDRESSED)),
)
_WHOLE_LANGUAGE_31: tuple[tuple[SmallTalk, re.Pattern[str]], ...] = (
    ("language", _whole(_optional(_GREETING + _ADDRESSED + _SEP), LANGUAGE_ASKED_31 + _ADDRESSED)),
)
_WHOLE_TASTE_31: tuple[tuple[SmallTalk, re.Pattern[str]], ...] = (
    ("stance", _whole(_optional(_GREETING + _ADDRESSED + _SEP), TASTE_ASKED_31 + _ADDRESSED)),
)

# Session 31 (`--talk-31 … forms`): smalltalk-tuning-15's missed kinds, widened
# (bot/small_talk_forms.py): "mornin botface", "haha u funny", "nice chatting with ya".
_ADDRESSED_31 = _optional(_SEP + f"(?:{_ADDRESSEE}|{ADDRESSEE_31})")
_WHOLE_31: tuple[tuple[SmallTalk, re.Pattern[str]], ...] = (
    ("greeting", _whole(f"(?:{_GREETING}|{_HOW_ARE_YOU})" + _ADDRESSED_31)),
    (
        "thanks",
        _whole(
            _repeat(_ACK),
            f"(?:{_THANKS}|{_BYE}|{YOU_PRAISED_31}|{CHATTED_31})" + _ADDRESSED_31,
            _repeat(_THANKS + _ADDRESSED),
            _optional(_BYE + _ADDRESSED),
        ),
    ),
)
# Session 31 (`--talk-31 … more`): hand-probed forms (bot/small_talk_forms.py): a thanks with
# what it is for and the bot's name after it ("thanks for your help bot", "aww thanks"),
# acknowledgements ("okey doke", "how interesting", "that tracks"), a state said back ("same old
# same old", "long day"), a greeting again or by the day ("guess who's back", "happy friday"),
# "got a sec?", a question announced ("question for you"), and what becomes of what is asked
# ("are my questions logged?": the "limits" reply).
_WHOLE_MORE_31: tuple[tuple[SmallTalk, re.Pattern[str]], ...] = (
    (
        "thanks",
        _whole(
            _repeat(f"(?:{_ACK}|{AW_31})"),
            _THANKS + _ADDRESSED,
            _optional(_THANKS_TAIL + _ADDRESSED),
            _optional(_BYE + _ADDRESSED),
        ),
    ),
    (
        "thanks",
        _whole(
            _repeat(_ACK),
            f"(?:{AW_31}|{ACK_31}|{STATE_31})" + _ADDRESSED,
            _repeat(_ACK),
            _optional(_THANKS + _ADDRESSED),
            _optional(_BYE + _ADDRESSED),
        ),
    ),
    ("greeting", _whole(_optional(_GREETING + _ADDRESSED + _SEP), GREETING_31 + _ADDRESSED)),
    ("greeting", _whole(_optional(_GREETING + _ADDRESSED + _SEP), FREE_TO_TALK_31 + _ADDRESSED)),
    ("help", _whole(_optional(_GREETING + _ADDRESSED + _SEP), ASKING_SOON_31 + _ADDRESSED)),
    ("limits", _whole(_optional(_GREETING + _ADDRESSED + _SEP), LOGGED_31 + _ADDRESSED)),
)
# Session 31 (`--talk-31 … names`): a name for the bot taken off the start or the end of a
# message, at most two, and the rest read again (bot/small_talk_forms.py NAMES_31).
_LEADING_NAME_31 = re.compile("^" + LEADING_NAME_31)
_TRAILING_NAME_31 = re.compile(TRAILING_NAME_31)
_NAMES_TAKEN_31 = 2
# Session 31 (`--talk-31 … slang`): "brill", "splendid", "toodles", whole.
_WHOLE_SLANG_31: tuple[tuple[SmallTalk, re.Pattern[str]], ...] = (
    (
        "thanks",
        _whole(
            _repeat(_ACK),
            _optional(_THANKS + _ADDRESSED + _SEP),
            f"(?:{SLANG_ACK_31}|{SLANG_BYE_31})" + _ADDRESSED,
            _repeat(_ACK),
            _optional(_THANKS + _ADDRESSED),
            _optional(f"(?:{_BYE}|{SLANG_BYE_31})" + _ADDRESSED),
        ),
    ),
)
# Leaving, said by praising the talk ("nice chatting with ya"): the thanks reply says goodbye.
_CHATTED_31 = re.compile(rf"\b{CHATTED_31}\b")

# An emoticon standing alone (":)", ";-d", "<3"): like an emoji, it asks nothing.
# Symbols (emoji, "🙏", "👋"), their modifiers and joiners: what an emoji is made of.
_EMOJI_CATEGORIES = frozenset({"So", "Sk", "Cf", "Mn"})
_EMOTICON = re.compile(r"(?<!\S)(?:[:;=x][-o^']?[()\[\]dp3/\\|*]+|<3+)(?!\S)")


def _waves(message: str) -> bool:
    """Whether the message holds a waving hand ("👋", with or without a skin tone): alone, it
    says hello, as a greeting's words do, not "ok" as other emoji do."""
    return any("WAVING HAND" in unicodedata.name(ch, "") for ch in message)


# Chat spellings, read as the words the phrases are written in ("thank u", "r u a bot").
_SPELLED = {
    "u": "you", "r": "are", "ur": "your", "youre": "you're", "thats": "that's",
    "whats": "what's", "hows": "how's", "im": "i'm", "m8": "mate",
}  # fmt: skip
_CHAT_WORD = re.compile(rf"\b(?:{'|'.join(_SPELLED)})\b")
# Chat's "gm" / "gn" ("Gm" as a phone capitalises it), never in capitals: "GM" names a company.
_LOWER_CASE_ONLY = {"gm": "good morning", "gn": "good night"}
_LOWER_CASE_WORD = re.compile(r"\b[gG][mn]\b")


# A run of three or more marks and spaces ("!!! ", "... ... ..."), read as its first mark (a "?"
# when it holds one: a closing remark asks nothing only without one) with the spaces around it:
# the phrases read any marks between words alike, and a long run, tried every way by each phrase's
# separators, took seconds ("... " * 500: 11 s; a message may hold 2,000 characters).
_MARK_RUN = re.compile(r"[\s,.!?:;~\-–—]{3,}")


def _squeezed(run: re.Match[str]) -> str:
    marks = run[0].replace(" ", "")
    mark = "?" if "?" in marks else marks[:1]
    return (" " if run[0][0] == " " else "") + mark + (" " if run[0][-1] == " " else "")


def _normal(message: str) -> str:
    """Lower case, straight apostrophes, chat spellings spelled out, single spaces, emoji and
    emoticons taken out, a run of marks squeezed to one."""
    text = _LOWER_CASE_WORD.sub(lambda found: _LOWER_CASE_ONLY[found[0].lower()], message)
    text = text.lower().replace("’", "'")
    text = "".join(" " if unicodedata.category(ch) in _EMOJI_CATEGORIES else ch for ch in text)
    text = _CHAT_WORD.sub(lambda found: _SPELLED[found[0]], _EMOTICON.sub(" ", text))
    return _MARK_RUN.sub(_squeezed, " ".join(text.split())).strip()


# Session 26 (`benchmarks/quality.py --talk-26 … marks`): a message of marks alone ("?", "...",
# "??") asks what the bot can answer and is told ("help"), as "like what?" is; with an emoji
# ("👍!", "🔥🔥!!") it is the emoji's acknowledgement. Off, searched and refused as a question
# the sources don't cover.
MARKS_ALONE = True


def marks_alone(message: str) -> bool:
    """Whether the message is marks alone ("?", "..."): no letter, digit or emoji (MARKS_ALONE)."""
    return (
        MARKS_ALONE
        and not message.isspace()
        and not any(ch.isalnum() or unicodedata.category(ch) in _EMOJI_CATEGORIES for ch in message)
    )


def small_talk(message: str, holds_term: Callable[[str], bool] | None = None) -> SmallTalk | None:
    """What kind of small talk the whole message is, or None for anything else (a question).

    With `holds_term` (whether a passage holds a stemmed term: the index's), a closing remark
    counts too (`closing_remark`); without it, only the phrases whole."""
    text = _normal(message)
    if not text:  # nothing but emoji or emoticons ("👍", ":)"): an acknowledgement
        return "greeting" if _waves(message) else "thanks"
    if MARKS_ALONE and not any(ch.isalnum() for ch in text):  # "👍!": the emoji's, "?": help
        return "help" if marks_alone(message) else "greeting" if _waves(message) else "thanks"
    patterns = _WHOLE + (_WHOLE_SINCERE if SINCERE_THANKS else ())
    patterns += _WHOLE_FORMS if CHAT_FORMS_23 else ()
    patterns += _WHOLE_24 if CHAT_FORMS_24 else ()
    patterns += _WHOLE_25 if CHAT_FORMS_25 else ()
    patterns += _WHOLE_MORE_25 if MORE_FORMS_25 else ()
    patterns += _WHOLE_26 if CHAT_FORMS_26 else ()
    patterns += _WHOLE_MORE_26 if MORE_FORMS_26 else ()
    patterns += _WHOLE_27 if CHAT_FORMS_27 else ()
    patterns += _WHOLE_MORE_27 if MORE_FORMS_27 else ()
    patterns += _WHOLE_IDEAS_28 if question_ideas.IDEAS_28 else ()
    patterns += _WHOLE_LIMITS_28 if about_bot.LIMITS_28 else ()
    patterns += _WHOLE_MORE_28 if small_talk_forms.MORE_FORMS_28 else ()
    patterns += _WHOLE_28 if small_talk_forms.CHAT_FORMS_28 else ()
    patterns += _WHOLE_29 if small_talk_forms.CHAT_FORMS_29 else ()
    patterns += _WHOLE_MORE_29 if small_talk_forms.MORE_FORMS_29 else ()
    patterns += _WHOLE_IDEAS_30 if small_talk_forms.IDEAS_30 else ()
    patterns += _WHOLE_MORE_30 if small_talk_forms.MORE_FORMS_30 else ()
    patterns += _WHOLE_30 if small_talk_forms.CHAT_FORMS_30 else ()
    patterns += _WHOLE_ABOUT_31 if small_talk_forms.ABOUT_BOT_31 else ()
    patterns += _WHOLE_31 if small_talk_forms.CHAT_FORMS_31 else ()
    patterns += _WHOLE_MORE_31 if small_talk_forms.MORE_FORMS_31 else ()
    patterns += _WHOLE_SLANG_31 if small_talk_forms.SLANG_31 else ()
    patterns += _WHOLE_LANGUAGE_31 if small_talk_forms.LANGUAGE_31 else ()
    patterns += _WHOLE_TASTE_31 if small_talk_forms.TASTE_31 else ()
    for reading in _readings(text):
        if SOURCES_ASKED_30 and _SOURCES_ASKED_30.match(reading):
            return None  # "what are your sources?": the front matter's (bot/about_article.py)
        for kind, pattern in patterns:
            if pattern.match(reading):
                return kind
    return closing_thanks(text, holds_term) if holds_term is not None else None


# Session 25 (`--talk-25 … bare`): a bare "like what?", "now what?" or "any suggestions?" with
# nothing asked before it asks what the bot can answer, and is told ("help"); after a question
# it asks for examples of the answer or what comes next, and is left to the follow-up rules.
# Off, searched alone, and answered with whatever passage came first.
BARE_REQUESTS_FIRST = True
_BARE_REQUEST = re.compile(
    r"^(?:(?:ok|okay|so|and|um+) )*(?:like what|such as|now what|what now|what next|"
    r"(?:any )?suggestions|(?:any )?ideas|what else)(?: then)?[\s?!.]*$"
)


# Session 26 (`--talk-26 … more`): a bare "next", "go on" or "more" opening a conversation (the
# lead's probe: "next" quoted "the next generation of innovation"); after an answer or the
# headings they ask for more (bot.more).
_BARE_NEXT_26 = re.compile(
    r"^(?:(?:ok|okay|so|and) )*(?:next|go on|continue|more)(?: please)?[\s?!.]*$"
)


def help_asked_first(message: str, history: Sequence[str]) -> SmallTalk | None:
    """The "help" asked when `message` opens a conversation (no `history`) with a bare request for
    examples or for what comes next (BARE_REQUESTS_FIRST), else None."""
    if not BARE_REQUESTS_FIRST or history:
        return None
    text = _normal(message)
    if MORE_FORMS_26 and _BARE_NEXT_26.match(text):
        return "help"
    return "help" if _BARE_REQUEST.match(text) else None


def _readings(text: str, depth: int = 0) -> Iterator[str]:
    """`text` (`_normal`), then its other readings as small talk: "nuff" as "enough" with
    SINCERE_THANKS; with STRETCHED_LETTERS, a letter typed three times or more as twice, then
    once ("sweeet" -> "sweet", "yesss" -> "yes"); with CHAT_FORMS_29, all of those again without
    a "then" ending the message ("okie dokie then"); with CHAT_FORMS_30, the message with chat's
    number spellings spelled out ("gr8" -> "great"); with NAMES_31, all of those again with a
    name for the bot taken off its start or its end ("bot, thanks", "night bot"), at most
    `_NAMES_TAKEN_31` names (`depth`: how many were taken off already)."""
    said = text
    yield text
    if (unsworn := oaths.oaths_read_out(text)) != text:  # "wtf are you?" (bot/oaths.py)
        yield unsworn
    if SINCERE_THANKS and _SINCERE_WORD.search(text):
        text = _SINCERE_WORD.sub(lambda found: _SPELLED_SINCERE[found[0]], text)
        yield text
    if STRETCHED_LETTERS and _STRETCHED.search(text):
        yield _STRETCHED.sub(r"\1\1", text)
        yield _STRETCHED.sub(r"\1", text)
    if small_talk_forms.CHAT_FORMS_29 and (without := _THEN_AFTER_29.sub("", said)) != said:
        yield from _readings(without, depth) if without else ()
    if small_talk_forms.CHAT_FORMS_30 and _SPELLED_WORD_30.search(said):
        yield _SPELLED_WORD_30.sub(lambda found: SPELLED_30[found[0]], said)
    if small_talk_forms.NAMES_31 and depth < _NAMES_TAKEN_31:  # "bot, thanks", "night bot"
        for named in (_LEADING_NAME_31, _TRAILING_NAME_31):
            unnamed = named.sub("", said, count=1)
            if unnamed != said and any(ch.isalnum() for ch in unnamed):
                yield from _readings(unnamed.strip(), depth + 1)


def closing_thanks(message: str, holds_term: Callable[[str], bool]) -> SmallTalk | None:
    """A thanks when the message is a closing remark by the index's `holds_term` (`closing_remark`,
    with CLOSING_REMARK on), else None: what `small_talk` adds to the phrases whole once an index
    is read."""
    return "thanks" if CLOSING_REMARK and closing_remark(message, holds_term) else None


def closing_remark(message: str, holds_term: Callable[[str], bool]) -> bool:
    """Whether the message opens with a thanks or a goodbye and asks nothing after it: no "?" and
    no content word any passage uses ("thanks, and tell me more about musk" asks)."""
    found = _CLOSING.match(_normal(message))
    if found is None or (CHAT_OPENERS and _WH_QUESTION.match(found["rest"])):
        return False  # "thx! what will decide who wins": a question, its "?" left off
    if QUESTION_WORD_ANYWHERE and _QUESTION_WORD_LATER.search(found["rest"]):
        return False
    return names_nothing_known(found["rest"], holds_term, _QUANTIFIERS)


def without_greeting(question: str) -> str:
    """The question with a greeting before it taken off ("hi, who is ..." -> "who is ..."), and
    with CHAT_OPENERS a thanks or an acknowledgement ("thx! so where ..." -> "where ..."), with
    CHAT_CLOSERS one after it ("where ...? thanks" -> "where ...?"), and the oath of its question
    word (bot/oaths.py: "hey, wtf is ..." -> "what is ..."); the question as given when it has
    none, or is nothing but small talk. With VOCATIVE_31, a name calling the bot before or after
    it is taken off too ("bot, who is rivian?", "who is rivian, mate?" -> "who is rivian?")."""
    if not small_talk_forms.VOCATIVE_31:
        return oaths.without_oath(_without_chat(question))
    return oaths.without_oath(_without_name(_without_chat(_without_name(question))))


# Session 31 (`--talk-31 … vocative`): a name calling the bot, before or after a question.
_NAME_BEFORE_31 = re.compile(r"^\s*" + NAME_BEFORE_31, re.IGNORECASE)
_NAME_AFTER_31 = re.compile(NAME_AFTER_31, re.IGNORECASE)


def _without_name(question: str) -> str:
    """`question` without a name calling the bot before it ("bot, who …") or after it ("…, mate?"),
    its first letter upper case when one before was taken; as given when only a name would be
    left ("bot?"), or it is small talk ("thanks bot")."""
    text = question.replace("’", "'")
    after = _NAME_BEFORE_31.sub("", text, count=1)
    rest = _NAME_AFTER_31.sub("", after, count=1).strip()
    if rest == text.strip() or not any(ch.isalnum() for ch in rest) or small_talk(question):
        return question
    return rest[0].upper() + rest[1:] if after != text else rest


def _without_chat(question: str) -> str:
    """`without_greeting` but for the oath."""
    text = " ".join(question.replace("’", "'").split())
    # Lower case letter by letter ("İ" lowers to two): every offset below is the text's.
    lowered = "".join(ch if len(ch.lower()) > 1 else ch.lower() for ch in text)
    # Emoji and emoticons read as punctuation, one character each.
    marked = _masked(lowered)
    masked = marked.replace(_EMOJI_MARK, "!")
    if CHAT_OPENERS:  # "👋 who is ...", "thx 🙏 who is ...": an emoji opens nothing
        lead = len(marked) - len(marked.lstrip(" " + _EMOJI_MARK))
        start = lead + _opener_end(masked[lead:])
    else:
        start = _opener_end(lowered)
    end = _closer_start(masked, start, len(marked.rstrip(" " + _EMOJI_MARK)))
    if start == 0 and end == len(text):
        return question
    end = start + len(marked[start:end].rstrip(_TRAILING_MARKS + _EMOJI_MARK))
    rest = text[start:end]
    if not any(ch.isalnum() for ch in rest) or small_talk(rest):
        return question
    return rest[0].upper() + rest[1:]


# What `_masked` puts for each emoji character and emoticon: one character, so offsets stay.
_EMOJI_MARK = "\x1a"


def _masked(text: str) -> str:
    """`text` with each emoji character and emoticon character turned into _EMOJI_MARK."""
    text = "".join(
        _EMOJI_MARK if unicodedata.category(ch) in _EMOJI_CATEGORIES else ch for ch in text
    )
    return _EMOTICON.sub(lambda found: _EMOJI_MARK * len(found[0]), text)


def _closer_start(text: str, start: int, end: int) -> int:
    """Where the chat closing a question begins ("? thanks", ", ty!", " lol"), else `end` (the
    text's end before any emoji); with CHAT_CLOSERS off, the text's end. Only the last
    CLOSER_CHARS are read, so a long message costs no more. Emoji are "!" in `text`."""
    if not CHAT_CLOSERS:
        return len(text)
    cut = _closing_chat(text, start, len(text))
    if CLOSER_OWN_MARK and cut == len(text):
        # "where is it? thanks?": a "?" after the closer is the closer's own when the question
        # ended with one before it; "who will they please?", "tesla leads, right?" still ask.
        bare = len(text.rstrip(" ?!"))
        if "?" in text[bare:]:
            own = _closing_chat(text, start, bare)
            if own < bare and text[:own].rstrip().endswith("?"):
                cut = own
    return min(cut, end)


def _closing_chat(text: str, start: int, at: int) -> int:
    """Where the closing phrases ending at `at` begin (`at` when there are none)."""
    window = max(start, at - CLOSER_CHARS)
    cut = at
    words_only = True  # after a space alone, only a thanks, a please or a laugh closes
    while (found := _LAST_CLOSER.search(text, window, at)) is not None:
        at = found.start()
        words_only = words_only and _CLOSER_WORD_ONLY.match(text, at, found.end()) is not None
        after_mark = text[:at].rstrip().endswith(tuple(_MARKS))
        if after_mark or words_only:
            cut = at
    return cut


def _opener_end(text: str) -> int:
    """Where the question starts after its greeting or chat opener (0: it opens with none)."""
    found = _OPENING.match(text)
    if not CHAT_OPENERS:
        return found.end() if found else 0
    openings = _chat_openings(
        HOW_ARE_YOU_OPENERS,
        QUESTION_ANNOUNCED,
        STATE_OPENERS,
        GOODBYE_OPENERS,
        ANOTHER_ANNOUNCED,
        FILLER_OPENERS,
        CHAT_FORMS_24,
        DISCOURSE_OPENERS,
        OPENERS_25,
        OPENERS_26,
        OPENERS_27,
        OPENERS_28,
        OPENERS_29,
        OPENERS_30,
    )
    spelled, offsets = _spelled_out(text) if SPELLED_OPENERS else (text, None)
    # "dude, who …", "pls who …": said first, then a question or another opener (OPENERS_28)
    lead = _LEAD_28.match(spelled) if OPENERS_28 else None
    start = lead.end() if lead is not None else 0
    chat = openings.match(spelled[start:])
    if start and chat is None and not _ASKING_AT.match(spelled, start):
        start, chat = 0, openings.match(spelled)  # what followed is no question: read as before
    if chat is None:
        end = start if start and _ASKING_AT.match(spelled, start) else 0
    else:
        end = start + chat.end()
        if not OPENER_CONNECTIVES:  # the connective stays: "ok so where" -> "so where"
            kept = chat["after_mark"] or chat["connective"]
            cut = chat.start("after_mark" if chat["after_mark"] else "connective")
            end = start + cut if kept else end
    # "hey so, quick question: who …": openers again after a connective ended the first run
    for _ in range(AGAIN_28 if OPENERS_28 and end else 0):
        again = openings.match(spelled[end:])
        if again is None or not again.end():
            break
        end += again.end()
    end = offsets[end] if offsets is not None else end
    return max(end, found.end() if found else 0)


# How many more runs of openers are read after a connective (each one match: a long message
# costs no more than a few).
AGAIN_28 = 3
_LEAD_28 = re.compile(LEAD_28)
# A question word or a request where the question starts, after what was said first.
_ASKING_AT = re.compile(rf"{_ASKING}\b")


def _spelled_out(text: str) -> tuple[str, list[int]]:
    """`text` with its chat spellings spelled out ("u up?" -> "you up?"), and for each offset of
    that (and its end) the offset in `text`: an opener read spelled out is cut from `text`."""
    parts: list[str] = []
    offsets: list[int] = []
    at = 0
    for found in _CHAT_WORD.finditer(text):
        word = _SPELLED[found[0]]
        parts += [text[at : found.start()], word]
        offsets += [*range(at, found.start()), *[found.start()] * len(word)]
        at = found.end()
    parts.append(text[at:])
    offsets += range(at, len(text) + 1)
    return "".join(parts), offsets


def _thanked(text: str) -> bool:
    """Whether small talk (`_normal`) gives thanks: "no thanks" declines an offer instead."""
    thanks = rf"(?:{_THANKS}|{_THANKS_MORE_25})" if MORE_FORMS_25 else _THANKS
    thanks = rf"(?:{thanks}|{_THANKS_MORE_26})" if MORE_FORMS_26 else thanks
    thanks = rf"(?:{thanks}|{THANK_YA_30})" if small_talk_forms.CHAT_FORMS_30 else thanks
    return bool(re.search(rf"\b{thanks}\b", text)) and not re.match(r"(?:no|nope|nah)\b", text)


def thanks_given(message: str) -> bool:
    """Whether the whole message thanks ("thanks!", "ty, that helps"), by the phrases alone: not
    an acknowledgement ("ok", "lol"), a goodbye alone or "no thanks"."""
    return small_talk(message) == "thanks" and _thanked(_normal(message))


def _listed(items: Sequence[str]) -> str:
    quoted = [f"“{item}”" for item in items]
    if len(quoted) <= 2:
        return " and ".join(quoted)
    return ", ".join(quoted[:-1]) + f" and {quoted[-1]}"


def _about(titles: Sequence[str]) -> str:
    """What the sources are, in the reply's words: their titles, the first few of many."""
    if not titles:
        return "the articles I hold"
    shown = list(titles[:TOPICS])
    more = len(titles) - len(shown)
    named = ", ".join(f"“{t}”" for t in shown) + f" and {more} more" if more else _listed(shown)
    return f"the article {named}" if len(titles) == 1 else f"the articles {named}"


def _topics(sections: Sequence[str]) -> str:
    if not sections:
        return ""
    return f" For example, ask about {_listed(sections[:TOPICS])}."


# Said to "huh?" after an answer: the answer quotes, so another wording, its first sentence alone
# (bot.more's SIMPLER_26) or more of it is the way on.
UNCLEAR_REPLY = (
    "Sorry if that wasn't clear: I answer by quoting the sources. Ask it another way, say “in "
    "simpler words” for the quote's first sentence alone, or “tell me more” to read on from it."
)


# Said to "what language do you speak?" before the help reply: the model and sources are English.
READ_IN_ENGLISH = "I read and answer in English only: the sources are in English."


def reply(kind: SmallTalk, message: str, titles: Sequence[str], sections: Sequence[str]) -> str:
    """The short reply to small talk; `titles` and `sections` are the index's, in order (corpus
    text: the front ends escape it as they escape quotes)."""
    if kind == "greeting":
        return (
            f"Hello! I answer questions about {_about(titles)}, quoting the passages I answer "
            f"from.{_topics(sections)}"
        )
    if kind == "unclear":
        return UNCLEAR_REPLY
    if kind == "stance":
        return NO_STANCE
    if kind == "limits":
        return (
            f"I only answer from {_about(titles)}, quoting the passages I answer from: I can't "
            "browse the web or open links or files, and I don't add articles myself (the team "
            "running me does). I follow the conversation we're in but don't know who you are "
            "beyond it, and questions are "
            f"logged so the team can see what the sources lack.{_topics(sections)}"
        )
    if kind == "thanks":
        text = _normal(message)
        if small_talk_forms.CHAT_FORMS_30:  # "have a gr8 evening": leaving, as "great" is
            text = _SPELLED_WORD_30.sub(lambda found: SPELLED_30[found[0]], text)
        leaving = re.search(rf"\b(?:{_BYE}|{_BYE_26}|{_BYE_MORE_26})\b", text)
        if small_talk_forms.CHAT_FORMS_31 and not leaving:  # "nice chatting with ya"
            leaving = _CHATTED_31.search(text)
        opening = "You're welcome!" if _thanked(text) else "Goodbye!" if leaving else "All right!"
        return f"{opening} Ask me again any time about {_about(titles)}."
    help_text = (
        f"I answer questions about {_about(titles)}: each answer quotes the passages it comes "
        "from and cites them, and when the sources don't cover a question I say so rather "
        f"than guess.{_topics(sections)}"
    )
    if kind == "language":
        return f"{READ_IN_ENGLISH} {help_text}"
    return help_text


def _section_headings(index: SearchIndex) -> tuple[str, ...]:
    """The first TOPICS section headings, read afresh each time: the loop stops at the third
    (a few passages in), so a cache by build would only add state to keep in step with swaps."""
    seen: dict[str, None] = {}
    for passage in itertools.islice(index.passages, TOPIC_PASSAGES):
        if passage.section:
            seen.setdefault(passage.section, None)
        if len(seen) == TOPICS:
            break
    return tuple(seen)


def reply_to_small_talk(kind: SmallTalk, message: str, index: SearchIndex) -> Answer:
    """The answer to small talk: refused (it quotes nothing), with `reply` saying why."""
    articles = index.manifest["articles"].values()
    titles = [str(a.get("title") or a.get("path") or "") for a in articles]
    text = reply(kind, message, [t for t in titles if t], _section_headings(index))
    return reply_answer(message, text, kind, built_at=index.manifest.get("built_at"))


# Said after a greeting or help when the index cannot be read: what the bot does still holds.
SOURCES_LOADING = "My sources are still being loaded: ask your question again in a moment."
SOURCES_UNAVAILABLE = (
    "My sources are unavailable right now, so I can't answer questions yet; please try again later."
)


def reply_without_index(kind: SmallTalk, message: str, *, loading: bool) -> Answer:
    """The answer to small talk while no index can be read (not built, corrupt) or the first is
    being `loading`: the reply without titles or headings, saying so after a greeting or help."""
    text = reply(kind, message, [], [])
    if kind != "thanks":  # a thanks or goodbye ends the talk: no question is coming
        text += " " + (SOURCES_LOADING if loading else SOURCES_UNAVAILABLE)
    return reply_answer(message, text, kind)
