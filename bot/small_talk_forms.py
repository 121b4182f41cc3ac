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
    r"(?:greetings and salutations|how(?:'s| is) it hangin[g']?|how goes it|how goes|"
    r"what(?:'s| is) cookin[g']?|what(?:'s| is) the good word|what(?:'s| is) the craic|howzit|"
    r"how're (?:you|ya|things)|how do|(?:bot|evbot)[\s,]+(?:are )?you (?:there|around|awake)|"
    r"(?:is )?any(?:one|body) out there)"
)
# Approval in slang no phrase holds ("spot on", "nailed it", "chef's kiss", "wicked"), and what
# the answer was called when pleased ("solid stuff", "epic stuff").
APPROVED_MORE_28 = (
    r"(?:wicked|mint|class|rad|epic|sick|groovy|neat-?o|spot on|bang on|on point|nailed it|"
    r"chef's kiss|big brain|heard|ack|"
    r"(?:wicked|epic|dope|solid|quality) stuff|oki ?doki|okie?dokie?|okey?dokey?|"
    # and agreement or praise in chat's words ("based", "big w", "this bot slaps", "close
    # enough", "you're funny", "you're really good at this"); not "nice try", "if you say so"
    # or "whatever you say", which doubt the answer (bot.feedback reads "nice try" a complaint).
    r"fab(?:ulous)?|marvell?ous|based|real|w|big w|respect|close enough|"
    r"that(?:'s| is) fine|this (?:bot |thing )?slaps|"
    r"(?:you're|you are|ur) (?:so |really |pretty )?(?:funny|hilarious|good at this)|"
    r"love (?:the|this) bot)"
)
# What chat says before its verdict ("ngl this is cool", "tbh that's great").
HEDGE_28 = r"(?:ngl|tbh|honestly|imo|lowkey|highkey)"
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

# Session 28 (`benchmarks/quality.py --talk-28 … forms`): the kinds smalltalk-tuning-12 missed,
# each widened to its family, whole. Off, searched.
CHAT_FORMS_28 = True

# Asking after the bot where it is ("how are things on your end?", "how's everything over
# there", "how are things with you", "all good on your side?"): a greeting.
HOW_ON_YOUR_END_28 = (
    r"(?:how(?:'s| is| are| have) (?:things|it|everything|life|you|stuff)"
    r"(?: (?:going|been|looking))?|(?:is )?(?:all|everything) (?:good|ok|okay|well|alright))"
    r" (?:(?:on|at|over|from) (?:your (?:end|side)(?: of things)?|there)|with (?:you|yours))"
)
# What went wrong in the message before, said ("oops sorry, typo", "excuse the typo", "sent too
# early", "damn autocorrect"), after any oops or sorry: nothing asked.
SLIP_BEFORE_28 = r"(?:whoops|oopsie|darn)"
SLIP_28 = (
    r"(?:(?:sorry|excuse|ignore|pardon|forgive) (?:(?:for|me for) )?(?:the|my|that) )?"
    r"(?:typos?|autocorrect|auto-correct|fat fingers?|butter ?fingers|"
    r"(?:sent|hit (?:enter|send)|pressed (?:enter|send)) (?:that |it )?too (?:early|soon|fast))"
)
# Understanding said to have come ("aha, got it now", "understood now", "ah ok now i get it").
UNDERSTOOD_NOW_28 = (
    r"(?:(?:got it|gotcha|understood|(?:all )?clear|(?:it's|that's|it is|that is) "
    r"(?:clear|clearer)) now|now i (?:get it|see|understand(?: it)?|got it))"
)
# The bot called a star by a bare "you", an intensifier or a name older phrases lack ("you
# absolute star", "you total legend", "you beauty"); "you star", "you're a legend" are older.
_STAR_NAMES_28 = (
    r"(?:legend|hero|champ|beauty|king|queen|angel|saint|beast|genius|treasure|wizard|lifesaver)"
)
YOU_STAR_28 = (
    r"you (?:(?:absolute|total|utter|complete|proper|real) "
    rf"(?:star|gem|diamond|rockstar|{_STAR_NAMES_28})|{_STAR_NAMES_28})"
)
# An exclamation alone ("oh snap", "holy cow", "good grief", "jeez"): a reaction, nothing asked.
# None of them an acknowledgement's words after "oh" ("oh wow" is "oh" and "wow" already), and
# each said once however long ("well well well"): a long run stays linear.
EXCLAIMED_28 = (
    r"(?>oh (?:snap|dear|boy|lord)|oh my(?! (?:god|gosh|goodness|days|word))|"
    r"holy (?:cow|moly|smokes|crap|guacamole|mackerel)|well(?: well)+|jee+z|gee+z|gosh|"
    r"golly(?: gosh)?|my (?:god|goodness|gosh|word|days)|good (?:grief|gracious|lord|heavens)|"
    r"dang it|darn it|whoa nelly|no way jose|wowza|wowzers|crikey|blimey|strewth)"
)
# Done for now, said in words of its own ("ok that's me done for today", "calling it a day",
# "i'll leave it there", "that's it for me").
DONE_FOR_NOW_28 = (
    r"(?:(?:that(?:'s| is) me |(?:i'm|i am|we're|we are|all) )?done(?: here)? for (?:today|now|"
    r"the day|tonight|the night|the moment)|that(?:'s| is) (?:me done|it for (?:me|today|now|"
    r"tonight)|enough for (?:today|now|the day|tonight))|"
    r"(?:(?:i'll|i will|let's|time to|i'm|i am) )?call(?:ing)? it a (?:day|night)|"
    r"(?:i'll|i will|let's|we'll|we can) leave it (?:there|at that))"
)

# The lead's session 28 probes (`--talk-28 … more`, as the hand-probed forms above):
# asked to explain the answer ("can you explain that?", "please explain", "clarify that"), read
# by bot/unclear.py as "huh?" is (after an answer "unclear", first "help"); "can you elaborate?"
# reads on (bot.more) and stays out;
EXPLAIN_THAT_28 = (
    r"(?:(?:can|could|would) (?:you|u) (?:please )?|please |pls )?(?:explain|clarify)"
    r"(?: (?:that|this|it|what you mean|yourself))?(?: (?:again|please|pls|more|better))?"
)
# (and praise after a thanks, "thanks, super helpful", composed in bot/small_talk.py);
# asking what is new ("anything new?", "any updates?", "what's in the news?"): the greeting
# reply, which names what the bot holds.
WHATS_NEW_28 = (
    r"(?:anything new(?: (?:today|lately|recently|for me|with you))?|any (?:news|updates?)"
    r"(?: (?:today|lately|recently|for me))?|what(?:'s| is) (?:in )?the (?:news|latest)"
    r"(?: today)?|what(?:'s| is) new today)"
)

# Said first, before a question or another opener (`--talk-28 … openers`, bot/small_talk.py
# `_opener_end`): the asker called by name ("bruh who is rivian", "dude, who …"), a please ("pls
# who …"), a hedge ("sorry if this is dumb but who …", "can i ask, who …", "welp, who …"). With
# them "who is rivian" was refused; only at the very start, so each is read once.
LEAD_28 = (
    r"(?:(?:bruh+|bro+|dude|man|mate|fam|homie|sis|buddy|pal|my (?:dude|guy|man)|welp|so uh+|"
    r"uh+ so|ngl|lowkey|real talk|serious question|honest question|"
    r"(?:can|may|could) i ask(?: you)?(?: (?:something|a question))?|"
    r"sorry if (?:this|that) sounds (?:a )?(?:dumb|stupid|silly|basic|obvious)(?: question)?|"
    r"(?:this|it) (?:might|may|could) be a (?:dumb|stupid|silly|basic|obvious) question|"
    r"not sure if (?:you know|you'd know|you can answer this))(?:\s*[,.!:;?\-–—]+\s*|\s+)|"
    # with no mark after them ("pls who …"): before a mark they are older fillers ("pls: who …")
    r"(?:pls|plz|please|sorry if (?:this|that) is (?:a )?(?:dumb|stupid|silly|basic|obvious)"
    r"(?: question)?)\s+)(?:but\b[\s,]*)?"
)

# Session 29 (`benchmarks/quality.py --talk-29 … forms`): the kinds smalltalk-tuning-13 missed,
# each widened to its family, whole. Off, searched.
CHAT_FORMS_29 = True

# An acknowledgement made a noun, or a fixed phrase of "cool" ("coolness", "sweetness", "cool
# bananas", "cool deal"); "cool beans", "cool cool" and "coolio" are older, so each is read once.
ACK_29 = r"(?:coolness|sweetness|awesomeness|niceness|cool (?:bananas|deal)|coolz|coolies)"
# How much a thanks is meant, in chat's shorthand ("ta v much", "thanks v v much", "ty ever so",
# "cheers muchly"), after the thanks words ("thanks very much" and
# "thanks so much" alone are older).
# Not "very much" or "so much" alone: each form is read one way, so a long run stays linear.
# ("indeed" after one is an acknowledgement of its own).
THANKS_HOW_MUCH_29 = (
    r"(?:v(?: v)? much(?:ly)?|(?:very|v) (?:very|v) much|so very much|ever so(?: much)?|"
    r"(?:very )?muchly)"
)
# A "then" ending small talk ("okie dokie then", "right then", "cool then", "thanks then", "bye
# then"): the message is read without it (or a run of them) as well. Not before a "?" ("and
# then?" asks).
THEN_AFTER_29 = r"(?:[\s,.!~]+then)+[\s.!~]*$"
# And said first with it, before a question and a mark ("right then, who …", "fine then. who …";
# "ok then" and "alright then" are older openers).
THEN_OPENING_29 = (
    r"(?:right|fine|cool|good|great|sure|well|righto|right-o|ok(?:ie|ey|ay) dok(?:ie|ey|ay)) then"
)

# Session 29 (`--talk-29 … more`): forms probed by hand, whole (each was searched and refused as
# a question the sources don't cover). Off, searched.
MORE_FORMS_29 = True

# Asking the bot to wait ("hold on", "one sec", "gimme a minute", "let me think"): an
# acknowledgement. Before a question (OPENERS_29) not "wait" or "hold on", older fillers there.
WAIT_OPENING_29 = (
    r"(?:wait (?:a (?:sec|second|moment|min|minute)|up)|hold up|hang on|"
    r"(?:one|1|just a|a|gimme a|give me a) (?:sec|second|moment|min|minute|mo)|"
    r"let me (?:think(?: about it)?|check|see)|be right back)"
)
WAIT_29 = rf"(?:wait|hold on|i'll (?:think about it|get back to you)|{WAIT_OPENING_29})"
# Telling it to stop ("stop", "cancel that", "shut up", "go away"): an acknowledgement.
STOP_29 = (
    r"(?:(?:please |pls )?stop(?: (?:it|that|talking|now|please|pls))?|cancel(?: (?:it|that))?|"
    r"shut up|be quiet|quiet|shush|shh+|enough already|leave me alone|go away)"
)
# Unsure, or learning something ("maybe", "not sure", "dunno", "i didn't know that"): an
# acknowledgement ("idk" is older).
UNSURE_29 = (
    r"(?:maybe|perhaps|possibly|probably|not sure|i'?m not sure|(?:i )?dunno|who knows|we'll see|"
    r"(?:i )?(?:didn't|did not|never) know that|today i learned)"
)
# Waking the bot ("wake up", "anyone awake?"; "you awake?" is older), or a holiday wished
# ("merry christmas", "happy thanksgiving", "season's greetings"): a greeting.
WAKE_29 = r"(?:wake up|any(?:one|body) awake)"
HOLIDAY_29 = (
    r"(?:merry (?:christmas|xmas)|happy (?:new year|holidays|thanksgiving|easter|hanukkah|"
    r"diwali|halloween|turkey day)|season's greetings|eid mubarak)"
    r"(?: (?:to you|to (?:you )?all|everyone|everybody|y'all))?"
)
# What the bot is, asked ("are you sentient?", "do you have feelings?", "how do you feel?"), or
# asked to entertain ("tell me a joke", "sing me a song"): told what it does (the help reply).
ABOUT_YOU_29 = (
    r"(?:are you (?:sentient|conscious|self-aware|smart|intelligent|clever|a person|a real person)|"
    r"do you have (?:feelings|emotions|a soul|a brain|a body|a family|friends|a life)|"
    r"do you (?:dream|sleep|eat|get tired|get bored|feel anything)|how do you feel|"
    r"can you (?:think|feel)|"
    r"tell me a (?:joke|story)|(?:can|do) you (?:tell|know) (?:any )?jokes?|"
    r"(?:tell|say) (?:me )?something funny|sing (?:me )?a song|make me laugh|entertain me)"
)

# Session 30 (`benchmarks/quality.py --talk-30 … ideas`): asking for a question related to the
# answer or to ask next ("give me a related question", "any follow-up questions?", "what's a good
# next question?"): the help reply, as "what should i ask next?" gets (the lead's probes: refused,
# or a passage quoted at random). Off, searched.
IDEAS_30 = True
_QUESTIONS_30 = r"(?:questions?|things? to ask|ideas? for (?:a )?questions?|topics?)"
_RELATED_30 = r"(?:related|follow[- ]?up|similar|next|further|other|more)"
RELATED_QUESTION_30 = (
    r"(?:"
    # The bot asked for one: "give me a related question", "suggest some follow-up questions".
    r"(?:(?:can|could|would|will) you |please |pls |plz )?"
    r"(?:give|suggest|recommend|propose|offer|show|throw|send)(?: me| us)? "
    r"(?:a |an |one |some |a few |a couple of |another |any )?(?:good |interesting |useful )?"
    rf"{_RELATED_30} {_QUESTIONS_30}|"
    r"suggest (?:a |some )?follow[- ]?ups?|"
    # Whether it has some: "any follow-up questions?", "got any other questions i could ask?".
    r"(?:any|got any|(?:do )?you have any|have you got any|are there any) (?:good |interesting )?"
    rf"{_RELATED_30} {_QUESTIONS_30}"
    r"(?: (?:to ask|i (?:can|could|should|might|may) ask)(?: you)?)?|"
    # What one would be: "what's a good follow-up question?", "what would be a good next question?".
    r"what(?:'s| is| would be| could be) (?:a |the |some )?(?:good |interesting |useful |logical )?"
    r"(?:related|follow[- ]?up|similar|next) questions?(?: to ask)?|"
    # Named alone: "related questions?", "follow-up questions?".
    r"(?:related|follow[- ]?up|similar) questions"
    r")"
    r"(?: (?:about|on) (?:this|that|it|the article|this article|the answer))?"
)

# Session 30 (`--talk-30 … more`): forms probed by hand (each refused after an answer). Off,
# searched.
MORE_FORMS_30 = True
# Told something new, or something known ("oh wow i had no idea", "that's news to me", "i
# already knew that", "yeah i know"): an acknowledgement. ("who knew", "til" and "i didn't know
# that" are older.)
KNEW_30 = (
    r"(?:i (?:had|have) no idea|(?:that(?:'s| is)|this is) (?:news|new) to me|"
    r"(?:you )?learn something new every day|"
    r"i (?:already )?knew (?:that|it|this)(?: already)?|i know(?: (?:that|right))?)"
)
# Gratitude in other words ("i owe you one", "this is gold", "bless", "you're a star" is older):
# a thanks without its words, so an acknowledgement.
GRATEFUL_30 = (
    r"(?:i owe (?:you|ya)(?: one| big time| a beer| a coffee)?|"
    r"(?:this|that)(?:'s| is) (?:pure )?gold|bless(?: up)?)"
)
# Asked to say the answer in other words ("can you rephrase that?", "reword it please", "say
# that another way"): bot/unclear.py reads it as "huh?" after an answer (the quote is the
# sources' own words: the reply says how to get it plainer), "help" as a first message. ("explain
# that simply", "simplify that" ask for the first sentence alone: bot.more's SIMPLER_26.)
REPHRASE_30 = (
    r"(?:(?:(?:can|could|would) (?:you|u) (?:please |pls )?|please |pls )?"
    r"(?:rephrase|reword|paraphrase|word differently)(?: (?:that|this|it|the answer))?"
    r"(?: (?:please|pls|plz|for me|again))?|"
    r"(?:(?:can|could|would) (?:you|u) (?:please |pls )?|please |pls )?"
    r"(?:say|put|word|phrase) (?:that|this|it|the answer) (?:another way|differently|"
    r"in (?:other|different|your own) words|a different way)(?: (?:please|pls|plz|for me))?)"
)

# Session 30 (`--talk-30 … forms`): the kinds smalltalk-tuning-14 missed, each widened to its
# family, whole. Off, searched.
CHAT_FORMS_30 = True
# The bot called by a two-word pet name ("hiya robot pal", "hey bot buddy", "thanks robo friend";
# "hi robot" alone is older).
ADDRESSEE_30 = (
    r"(?:my )?(?:robot|robo|bot|chatbot|ai|digital|virtual|little|lil) "
    r"(?:pal|buddy|friend|mate|amigo|chum|dude|bro|helper)"
)
# A how-are-you in chat's spelling, asked of a time ("how ya doin today", "how you been lately",
# "hows it goin today"); without the time most are older.
HOWDY_30 = (
    r"(?:how (?:ya|you|ye) (?:doin[g']?|been|keepin[g']?|holdin[g']? up)|"
    r"how(?:'s| is) it goin[g']?|how (?:ya|you) goin[g']?)"
    r"(?: (?:today|tonight|lately|these days|this (?:morning|afternoon|evening|week|weekend)))?"
)
# A thanks as speech says it ("thank ya", "thankya", "thank ye"), and the asker's kindness named
# after one or alone ("very kind", "how kind of you", "that's very kind of you").
THANK_YA_30 = r"(?:thank (?:ya+|ye|yah)|thankya+|thankyou)"
KIND_30 = (
    r"(?:(?:(?:that's|that is|that was|you're|you are)(?: (?:very|so|too|really|most))?|"
    r"very|so|too|how|most|really) kind(?: of you)?|kind of you)"
)
# A slip owned up to ("whoops sorry", "oopsie daisy", "my mistake", "silly me", "sorry about
# that"); none of them an acknowledgement's own word ("oops", "sorry", "my bad"), so a long run is
# read one way.
SLIPPED_30 = (
    r"(?:whoops(?:ie)?(?: daisy)?|oopsie(?: daisy)?|oops(?:ie)? daisy|my mistake|silly me|"
    r"my apologies|sorry (?:about|for) that)"
)
# Chat's number spellings ("have a gr8 evening", "cya l8r", "2nite"), read spelled out.
SPELLED_30 = {"gr8": "great", "gr8t": "great", "l8r": "later", "2day": "today", "2nite": "tonight"}

# Session 31 (`benchmarks/quality.py --talk-31 … about`): the bot asked about in words no phrase
# holds (hand-probed; each was refused, or quoted a passage at random): the help reply, which
# names the article and says how the bot answers. Off, searched.
ABOUT_BOT_31 = True
# What the article it answers from is called when asked for by a singular or another word
# ("which article do you use?", "what article is this?", "what's in your database?"). Not "which
# article is that from?" (an answer's origin) nor "what sources do you use?" (the front matter's),
# nor a plural ("what articles do you have?": the front matter lists them, bot/about_article.py).
_ARTICLE_31 = r"(?:article|text|story|piece|document|doc|data ?set|database|knowledge base)"
ARTICLE_USED_31 = (
    rf"(?:(?:which|what) {_ARTICLE_31} (?:do|did|can|will) you (?:use|have|read|know(?: about)?|"
    r"cover|answer (?:from|about)|draw (?:on|from)|rely on|quote(?: from)?|work (?:with|from|on)|"
    r"look at|talk about)|"
    rf"(?:which|what) {_ARTICLE_31} (?:is|are) (?:this|these)|"
    rf"(?:which|what) {_ARTICLE_31} (?:are|r) you (?:using|reading|quoting(?: from)?|based on|"
    r"working (?:with|from|on)|looking at|answering (?:from|about)|talking about)|"
    r"what(?:'s| is) in your (?:database|data|memory|knowledge(?: base)?|index|head)|"
    r"what (?:data|info(?:rmation)?|stuff) (?:were|was|are) you (?:trained|built|fed) on|"
    r"what (?:were|are) you trained on)"
)
# Who made it, when, its age ("who is your creator?", "when were you made?", "how long have
# you been around?"); "who made you?" and "how old are you?" are older.
MADE_31 = (
    r"(?:who(?:'s| is| are) your (?:creators?|makers?|developers?|owners?|authors?|programmers?|"
    r"boss|dad|father|mom|mum|mother|parents?)|"
    r"who (?:developed|designed|owns|runs|maintains|coded|invented) (?:you|this bot|this thing)|"
    r"when (?:were|was) (?:you|this bot) (?:made|built|created|born|launched|released|trained)|"
    r"how long have you (?:been (?:around|alive|running|here|online)|existed)|"
    r"what(?:'s| is) your (?:age|birthday)|(?:what|who)(?:'s| is) (?:an? )?ev ?bot)"
)
# Whether it is ever wrong ("are you ever wrong?", "do you make mistakes?", "can you lie?"): the
# help reply says it quotes and says when the sources don't cover a question.
WRONG_31 = (
    r"(?:(?:are|r) you (?:ever|always|sometimes|often|usually) (?:wrong|right|correct|accurate)|"
    r"(?:can|could|will|do|does) (?:you|this bot|the bot) (?:ever )?(?:be wrong|"
    r"make (?:a )?mistakes?|get (?:things|it|stuff|anything) wrong|lie|hallucinate|"
    r"make (?:things|stuff) up)|"
    r"how (?:often|much) are you (?:wrong|right))"
)
# Idle talk, nothing asked ("say something", "talk to me", "i'm bored", "let's chat"), and the
# bot called names ("you're dumb", "stupid robot"; "bad bot", "you suck" are older); after an
# answer bot.feedback reads a complaint first.
IDLE_31 = (
    r"(?:say something|talk to me|(?:i'm|i am) (?:so |really )?bored|(?:let's|lets) (?:chat|talk)|"
    r"(?:can|shall) we (?:chat|talk)|(?:wanna|want to) (?:chat|talk)|"
    r"(?:you're|you are|you) (?:so |really |pretty |kinda |such )?(?:an? )?(?:dumb|stupid|useless|"
    r"idiot|moron|terrible|trash|garbage|rubbish|hopeless|pointless|bad at this|"
    r"not (?:very )?(?:smart|helpful|useful|good))|"
    r"(?:dumb|stupid|useless) (?:robot|machine|ai|thing))"
)
# A question announced as a thing ("one more thing", "another thing", "i have one more"), after
# any acknowledgement ("awesome, one more thing"): the help reply, as "quick question" gets.
ANNOUNCED_31 = (
    r"(?:(?:(?:one|1) (?:more|last)|another|just one more) (?:thing|one)|"
    r"(?:i )?(?:have|got) (?:one more|another)(?: (?:thing|one))?)"
)
BOT_ASKED_31 = f"(?:{ARTICLE_USED_31}|{MADE_31}|{WRONG_31}|{IDLE_31})"

# Session 31 (`--talk-31 … language`): the language asked ("what language do you speak?", "do you
# speak english?", "are you multilingual?", "what language is the article in?"): told it reads and
# answers English (bot/small_talk.py `reply`, "language"). Off, searched and refused. Asking for
# another language ("do you speak french?") is bot.language's, read after small talk.
LANGUAGE_31 = True
_LANGUAGE_NAMES_31 = (
    r"(?:english|spanish|french|german|italian|portuguese|dutch|chinese|mandarin|japanese|korean|"
    r"russian|arabic|hindi|polish|turkish|swedish|other languages|another language|"
    r"(?:any |many |multiple |different )(?:other )?languages)"
)
LANGUAGE_ASKED_31 = (
    r"(?:(?:what|which) languages? (?:do|can|does|will) you (?:speak|know|understand|read|write|"
    r"use|support|talk|answer in|reply in|work in)|"
    r"how many languages (?:do|can) you (?:speak|know|understand|read)|"
    r"(?:do|can|could) you (?:understand|read|know) " + _LANGUAGE_NAMES_31 + "|"
    r"do you (?:speak|talk) (?:english|any other languages?|other languages|multiple languages|"
    r"many languages)|"
    r"(?:are|r) you (?:multilingual|bilingual|a polyglot)|"
    r"(?:what|which) language (?:is|are) (?:the |this |your )?(?:article|sources?|text|answers?)"
    r"(?: (?:written )?in)?|"
    r"(?:is|are) (?:the |this |your )?(?:article|sources?|text) (?:only |all )?in english)"
)

# Session 31 (`--talk-31 … taste`): the bot's own taste asked ("what's your favourite car?",
# "which one would you buy?", "would you buy a tesla?", "is that your opinion?"): the no-sides
# reply (bot.stance.NO_STANCE), as "do you have a favourite?" gets. Each quoted a passage (the
# Tesla one for a favourite car) or was refused. Off, searched.
TASTE_31 = True
_CHOICE_31 = r"(?:one|car|cars|ev|evs|company|brand|side|model|stock|of them|of the two|of these)"
TASTE_ASKED_31 = (
    r"(?:"
    # A favourite: "what's your favourite car?", "who's your fave, musk or bezos?"
    r"(?:what|who|which)(?:'s| is| are|s)? your (?:own |personal |all[- ]time )?"
    r"(?:favou?rites?|faves?|favs?|top pick)(?:[\s,]+[a-z0-9'-]+){0,5}|"
    # A choice: "which car would you buy?", "which do you prefer?", "would you buy a tesla?"
    rf"(?:which|what)(?: {_CHOICE_31})? (?:would|do|will) you (?:rather )?(?:buy|pick|choose|"
    r"prefer|drive|get|go with|bet on|invest in|back|recommend|have|own)|"
    r"(?:would|will) you (?:rather )?(?:buy|drive|pick|choose|invest in|bet on|own) "
    r"(?:a |an |the |some )?[a-z0-9'-]+(?: (?:stock|shares|car|ev))?"
    r"(?: or (?:a |an |the )?[a-z0-9'-]+(?: (?:stock|shares|car|ev))?)?|"
    # Its own view of what it said: "is that your opinion?", "is that what you think?"
    r"(?:is|was) (?:that|this|it) your (?:own |personal )?(?:opinion|view|take|belief)|"
    r"(?:is|was) (?:that|this) what you (?:think|believe))"
)

# Session 31 (`--talk-31 … forms`): the kinds smalltalk-tuning-15 missed, each widened to its
# family, whole. Off, searched.
CHAT_FORMS_31 = True
# The bot called by a playful name ("mornin botface", "hello mr bot", "hey botbot"; "botty" and
# "robo" are older).
ADDRESSEE_31 = (
    r"(?:bot ?face|robot ?face|bot-?bot|bot (?:boi|boy)|mr\.? (?:bot|robot|robo|roboto)|"
    r"botfriend|bot ?bro)"
)
# Praise with the verb dropped, as chat says it ("haha u funny", "you the best", "u da man"), or
# "your" for "you're" ("ur funny", read as "your funny").
YOU_PRAISED_31 = (
    r"(?:you|your) (?:so |really |pretty |kinda |such )?(?:funny|hilarious|cute|sweet|smart|"
    r"clever|witty|adorable|charming|a (?:sweetheart|gem|cutie|genius)|the (?:best|man|goat|bomb)|"
    r"da (?:best|man|bomb|goat))"
)
# The talk itself praised on leaving ("nice chatting with ya", "good talking to you", "great
# chat", "thanks for the chat", "it was a pleasure"): a goodbye.
CHATTED_31 = (
    r"(?:(?:(?:it was|it's been|it has been|was|been) )?(?:really |very |so )?"
    r"(?:nice|good|great|fun|lovely|cool|awesome|a pleasure|pleasure) "
    r"(?:chatting|talking|speaking|to chat|to talk)(?: (?:with|to) (?:you|ya))?|"
    r"(?:(?:it was|that was) )?(?:a )?(?:nice|good|great|fun|lovely|cool) (?:chat|talk)|"
    r"(?:thanks|thank you|thx|ty) for the (?:chat|talk|conversation|company)|"
    r"(?:it was|it's been|it has been) a pleasure)"
)

# Session 31 (`--talk-31 … more`): forms probed by hand, whole (each was refused, or quoted a
# passage at random). Off, searched.
MORE_FORMS_31 = True
# "aww thanks", "aw shucks": touched, before a thanks or alone.
AW_31 = r"(?:a+w+(?: shucks)?|shucks)"
# Acknowledgements no phrase holds ("okey doke", "likewise", "how interesting", "seriously cool",
# "that tracks", "you don't say", "gg wp", "10/10 would ask again", "god bless", "ily", "wrong chat
# sorry").
ACK_31 = (
    r"(?:ok(?:ey|ie) dokes?|likewise|"
    r"(?:how|seriously|totally|absolutely|super) (?:interesting|cool|neat|fascinating|useful)|"
    r"(?:ok |okay )?that(?:'s| is) fair|(?:that )?tracks|that figures|you don't say|"
    r"gg(?: wp)?|o7|(?:10/10|5 stars?) would (?:ask|use|recommend)(?: (?:again|it|this))?|"
    r"god bless|ily|love ya|"
    # the wrong place said first ("wrong chat sorry"; "sorry, wrong chat" is older)
    r"wrong (?:chat|channel|thread|window|tab|person|bot|convo|conversation|dm) "
    r"(?:sorry|oops|my bad|lol))"
)
# A state said back to a how-are-you in words no phrase holds ("same old same old", "could be
# better", "i'm tired", "long day", "hanging in there").
STATE_31 = (
    r"(?:same old(?: same old)?|could be (?:better|worse)|never better|hanging in there|"
    r"surviving|living the dream|"
    r"(?:i'm |i am |feeling |a bit |so )?(?:a bit |so |really |pretty |kinda |super )?"
    r"(?:tired|exhausted|sleepy|busy|stressed|hungry|meh)|"
    r"(?:it's been |it has been |been |such |what )?(?:a )?(?:long|rough|busy|tough|hard|hectic) "
    r"(?:day|week|morning|night))"
)
# Greeting again or by the day ("hello once more", "guess who's back", "happy friday", "tgif",
# "hope you're having a good one").
GREETING_31 = (
    r"(?:(?:hi|hello|hey) (?:once more|once again)|guess who(?:'s| is) back|"
    r"happy (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|hump day)|"
    r"tgif|friyay|"
    r"(?:i )?hope you(?:'re| are) (?:having|enjoying) (?:a |your )?(?:good|great|nice|lovely) "
    r"(?:one|day|time))"
)
# Whether the bot is free to talk ("got a sec?", "you busy?"): a greeting.
FREE_TO_TALK_31 = r"(?:(?:you |u )?got a (?:sec|second|minute|min|moment)|(?:are )?you busy)"
# A question announced in words no phrase holds ("question for you", "quick one", "i need some
# info", "i'm curious"), example questions asked for ("what are some example questions?"), or
# another subject asked for ("let's talk about something else", "what do you talk about?"): the
# help reply.
ASKING_SOON_31 = (
    r"(?:(?:a |one )?question for you|quick one|(?:i )?need (?:some )?info(?:rmation)?|"
    r"(?:i'm|i am) (?:just )?curious|"
    r"(?:what are |show me |any )?(?:some )?(?:example|sample) questions|"
    r"(?:let's|lets|can we|could we) (?:talk|chat) about something else|"
    r"what (?:do|can) you (?:talk|chat) about)"
)
# What becomes of what is asked ("are my questions logged?", "who can see my questions?", "is
# this private?", "delete my data"): the "limits" reply, which says questions are logged.
LOGGED_31 = (
    r"(?:(?:are|r) my (?:questions|messages|chats?) (?:logged|saved|stored|recorded|private)|"
    r"who can see (?:my (?:questions|messages|chats?)|this)|(?:can|do) others see this|"
    r"is this (?:chat |conversation )?(?:private|confidential|logged|recorded)|"
    r"do you (?:save|store|keep|log|record) (?:this|that|it)|"
    r"(?:can|could) you (?:forget|delete) (?:this|that|it|my (?:data|questions|messages))|"
    r"(?:please )?delete my (?:data|questions|messages|history))"
)

# Session 31 (`--talk-31 … names`): small talk read again with the name it calls the bot (or the
# people in the chat) taken off its start or its end ("bot, thanks", "night bot", "hey bot, bye",
# "cheers mate dude", "nice one bot buddy", "ace my dude"): each phrase family reads its own
# names, so a name one family lacks left the message searched and refused. Only the rest read
# whole as small talk counts. Off, only each family's own names.
NAMES_31 = True
_NAMES_31 = (
    r"(?:(?:my |dear |old |ol' )?(?:ev ?bot|bot(?:ty|tie)?|chatbot|robot|robo|ai|buddy|bud|mate|"
    r"pal|friend(?:o)?|dude|bro|bruv|bruh|fam|man|guys?|folks|boss|chief|champ|lads?|homie|"
    r"bestie|sir|madam|ma'am)|bot (?:buddy|friend|pal|mate)|mr\.? (?:bot|robot))"
)
# Said first, with a mark after it or not ("bot, thanks", "mate cheers").
LEADING_NAME_31 = _NAMES_31 + r"[\s,.!~:]+"
# Said last, after a space or a mark ("night bot", "ace my dude"), before any closing marks;
# "there", "again" and the people in the chat too ("night again", "later all").
TRAILING_NAME_31 = (
    rf"[\s,.!~]+(?:{_NAMES_31}|there|again|all|everyone|everybody|y'all|team)(?=[\s,.!?~]*$)"
)

# Session 31 (`--talk-31 … slang`): approval and leaving in chat words no phrase holds ("brill",
# "splendid", "fire", "ta-ra", "thanks, toodles"), whole. Off, searched.
SLANG_31 = True
SLANG_ACK_31 = r"(?:brill|splendid|fire|bussin)"
SLANG_BYE_31 = r"(?:toodles|toodle-?oo|ta-?ra|later skater)"

# Session 31 (`--talk-31 … vocative`): a question with the bot called by a name before it or after
# it ("bot, where will the factories be?", "who is rivian, mate?", "where will the factories be
# bot") is asked without the name: with it, "friend, who is rivian?" and "who is rivian buddy"
# were refused, and "bot, where will the factories be?" quoted the gold-standard sentence, not
# Texas and Michigan. Off, searched with the name.
VOCATIVE_31 = True
# Before the question: a name (or "@name") and a mark, or a name the bot goes by before a question
# word ("bot who is rivian").
_QUESTION_OPENING_31 = (
    r"(?:who|what|what's|whats|where|when|why|how|which|is|are|was|were|do|does|did|can|could|"
    r"will|would|should|has|have|tell|explain|list|give|show)\b"
)
_BOTS_NAMES_31 = r"(?:ev ?bot|bot|chatbot|botty|bottie)"
NAME_BEFORE_31 = (
    rf"@?(?:{_NAMES_31}[\s]*[,:;.!\-–—]+|{_BOTS_NAMES_31}\s+(?={_QUESTION_OPENING_31}))\s*"
)
# After it: a mark and a name, or a space and a name no determiner, possessive or preposition
# comes before ("who is the bot", "who is musk's buddy" keep theirs), then only marks.
NAME_AFTER_31 = (
    rf"(?:\s*[,;]\s*@?{_NAMES_31}|"
    r"(?<!\bthe)(?<!\ba)(?<!\ban)(?<!\bmy)(?<!\byour)(?<!\bhis)(?<!\bher)(?<!\btheir)(?<!\bits)"
    r"(?<!\bour)(?<!'s)(?<!\bof)(?<!\bto)(?<!\bfor)(?<!\bwith)(?<!\babout)(?<!\bis)(?<!\bare)"
    rf"\s+@?(?:{_BOTS_NAMES_31}|buddy|mate|dude|bro|fam|pal|my (?:dude|friend|man|guy)))"
    r"(?=[\s?!.~]*$)"
)
