"""What a person in a chat sees, on the tuning and the held-out question sets (docs/quality.md).

    .venv/bin/python benchmarks/quality.py [--misses] [--sentence-weight W [W ...]]
                                           [--lexical-weight W] [--ranking-sentences none]
                                           [--named-things] [--tuning-only]
                                           [--expansion-weight W] [--expansion-known-weight W]
                                           [--expansion-similarity C] [--expansion-neighbours N]
                                           [--unmatched-z Z|off [Z|off ...]] [--oracle]
                                           [--context content|whole [content|whole ...]]
                                           [--late-interaction on|off [on|off ...]]
                                           [--token-evidence WEAK:RESCUE [WEAK:RESCUE ...]]
                                           [--answer-sentence-weight W]
                                           [--late-follow-ups on|off [on|off ...]]
                                           [--asked-thing RULES [RULES ...]]
                                           [--late-window W [W ...]]
                                           [--passage-lift W [W ...]]
                                           [--late-weight W [W ...]]
                                           [--follow-up-ranking on|off [on|off ...]]
                                           [--follow-up-words on|off|RULES [...]]
                                           [--refused-alone off|RULES [...]]
                                           [--conversations-only]
                                           [--kind-without-lift on|off [on|off ...]]
                                           [--near-labels RULES [RULES ...]]
                                           [--near-11 RULES [RULES ...]]
                                           [--without SET [SET ...]]
                                           [--own-topic off|RULES [...]] [--own-words off|on ...]
                                           [--own-words-under-floor off|on ...]
                                           [--answer-before-evidence off|on ...]
                                           [--comparison-names off|on ...]
                                           [--off-topic off|RULES [off|RULES ...]]
                                           [--kind-of-referents off|on ...]
                                           [--answer-words-evidence off|on ...]
                                           [--near-13 RULES [RULES ...]]
                                           [--attribute-grammar off|RULES ...]
                                           [--short-late TERMS:WEIGHT|off [...]]
                                           [--how-to off|on [off|on ...]]
                                           [--follow-ups-14 off|RULES [off|RULES ...]]
                                           [--quote-choice all|SURFACE:MAXSIM [...]]
                                           [--agree-words off|on [off|on ...]]
                                           [--unsaid-15 off|RULES [off|RULES ...]]
                                           [--follow-ups-15 off|RULES [off|RULES ...]]
                                           [--quote-spread WEIGHT:FLOOR|off [...]]
                                           [--literal-phrase off|RULES [off|RULES ...]]
                                           [--unsaid-16 off|RULES [off|RULES ...]]
                                           [--follow-ups-16 off|RULES [off|RULES ...]]
                                           [--labels-16 off|RULES [off|RULES ...]]
                                           [--citation-diversity off|MU[:DEPTH] [...]]
                                           [--follow-ups-17 off|RULES [off|RULES ...]]
                                           [--unsaid-17 off|RULES [off|RULES ...]]
                                           [--unsaid-17b on|off [on|off ...]]
                                           [--off-topic-18 off|RULES [off|RULES ...]]
                                           [--unsaid-18 off|weak|zZ [off|weak|zZ ...]]
                                           [--follow-ups-18 off|own=W [...]]
                                           [--follow-ups-19 off|subject [...]]
                                           [--unsaid-18b on|off [on|off ...]]
                                           [--floor-18 off|every=N [...]]
                                           [--off-topic-19 off|RULES [off|RULES ...]]
                                           [--unsaid-19 off|on|RULES [...]]
                                           [--unsaid-20 off|on|RULES [...]]
                                           [--unsaid-21 off|on|RULES [...]]
                                           [--forms-19 off|RULES [off|RULES ...]]
                                           [--forms-20 off|RULES [off|RULES ...]]
                                           [--follow-ups-20 off|RULES [off|RULES ...]]
                                           [--follow-ups-21 off|RULES [off|RULES ...]]
                                           [--follow-ups-22 off|RULES [off|RULES ...]]
                                           [--follow-ups-23 off|RULES [off|RULES ...]]
                                           [--follow-ups-24 off|RULES [off|RULES ...]]
                                           [--follow-ups-25 off|RULES [off|RULES ...]]
                                           [--follow-ups-26 off|RULES [off|RULES ...]]
                                           [--follow-ups-27 off|RULES [off|RULES ...]]
                                           [--follow-ups-28 off|RULES [off|RULES ...]]
                                           [--follow-ups-29 off|RULES [off|RULES ...]]
                                           [--follow-ups-30 off|RULES [off|RULES ...]]
                                           [--follow-ups-31 off|RULES [off|RULES ...]]
                                           [--off-topic-21 off|RULES [off|RULES ...]]
                                           [--lead-21 off|RULES [off|RULES ...]]
                                           [--lead-in-21 off|SHARE [off|SHARE ...]]
                                           [--role-21 off|on [off|on ...]]
                                           [--topic-22 off|RULES [off|RULES ...]]
                                           [--unsaid-22 off|on|RULES [...]]
                                           [--off-topic-22 off|RULES [off|RULES ...]]
                                           [--rank-23 off|RULES [off|RULES ...]]
                                           [--rank-24 off|RULES [off|RULES ...]]
                                           [--rank-25 off|RULES [off|RULES ...]]
                                           [--rank-26 off|RULES [off|RULES ...]]
                                           [--rank-27 off|RULES [off|RULES ...]]
                                           [--rank-28 off|RULES [off|RULES ...]]
                                           [--rank-29 off|RULES [off|RULES ...]]
                                           [--rank-30 off|RULES [off|RULES ...]]
                                           [--rank-31 off|RULES [off|RULES ...]]
                                           [--off-topic-23 off|RULES [off|RULES ...]]
                                           [--unsaid-23 off|on|RULES [...]]
                                           [--off-topic-24 off|RULES [off|RULES ...]]
                                           [--unsaid-24 off|on|RULES [...]]
                                           [--unsaid-25 off|on|RULES [...]]
                                           [--unsaid-26 off|on|RULES [...]]
                                           [--unsaid-27 off|on|RULES [...]]
                                           [--unsaid-28 off|on|RULES [...]]
                                           [--unsaid-29 off|on|RULES [...]]
                                           [--unsaid-30 off|on|RULES [...]]
                                           [--unsaid-31 off|on|RULES [...]]
                                           [--off-topic-25 off|RULES [off|RULES ...]]
                                           [--off-topic-26 off|RULES [off|RULES ...]]
                                           [--off-topic-27 off|RULES [off|RULES ...]]
                                           [--off-topic-28 off|RULES [off|RULES ...]]
                                           [--off-topic-29 off|RULES [off|RULES ...]]
                                           [--off-topic-30 off|RULES [off|RULES ...]]
                                           [--off-topic-31 off|RULES [off|RULES ...]]

Asks every question as `evbot ask` does (AnswerService over a fresh index of corpus/) and prints,
per set: right passage first / in the top three, the quoted answer holding the expected words,
and the outcomes (answered / partial / refused) of in-domain, near-domain and off-topic
questions; for two-turn conversations, the second answer right and how many topic switches were
searched as follow-ups (as `ask` searched them, a greeting or topic label off: session 23); per
side, its near-domain and off-topic questions asked in a thread after every `THREAD_STRIDE`-th
first turn of its conversations (`threads:`, the outcomes, how many
were presented as answered and quoted at all: docs/quality-log.md, "Off-topic questions in threads
(session 11)"); for the small-talk sets (`smalltalk-*`, session 17), each message asked alone and
after `SMALL_TALK_THREADS` in-domain first turns: small talk given the small-talk reply
(`recognised`) and the real questions among them searched rather than replied to (`searched`;
docs/quality-log.md, "Small talk (session 17)"). `--misses` lists the tuning sets' misses
(off-topic questions not refused alone, and those quoted in a tuning thread, once each with how
many threads and the outcome; small talk searched, questions replied to as small talk); the
held-out sets print figures only, so no choice is made by looking at them (`--tuning-only` does
not measure them).
`--sentence-weight` and `--lexical-weight` rank with other fusion weights than the bot's; several
sentence weights are measured in turn over one index, side by side (0: the ranking without
sentence evidence). `--ranking-sentences none` builds the index without the ranking's sentence
vectors (docs/quality-log.md), `--named-things` switches on the partial label's rules for things
asked for by name (off in the bot), `--expansion-*` set a BM25 query expansion (off in the
bot; docs/quality-log.md), `--unmatched-z` measures the label for words no passage holds at other
thresholds, each in turn over one index ("off": without it). `--oracle` asks the second turn of
every tuning conversation three ways (alone, after the question before, after the names only the
answer before said) and sorts the misses (docs/quality-log.md, session 8). `--context whole`
searches follow-ups after the earlier questions whole (the bot's default), `content` after their
content words only (off: held out fell), each in turn over one index. `--late-interaction off on`
measures without and with MaxSim over the model's token vectors (on in the bot), each in turn
over one index, with each variant's median answer time. `--token-evidence 0.3:0.37 off:off`
measures the outcome from late interaction's per-token evidence (docs/quality-log.md, session 8):
the label for two content words matching under WEAK, and answering questions under the cosine
floor whose MaxSim reaches RESCUE, each in turn. `--answer-sentence-weight 0` ranks the answer's
search at that sentence weight and leaves `--sentence-weight` to the follow-up decisions
(`--ranking-sentences pooled+own --sentence-weight 0 0.75 --answer-sentence-weight 0`: the bot,
then sentence vectors in the decisions only; docs/quality-log.md, "Earlier levers on top of late
interaction"). `--late-follow-ups off on` measures follow-ups decided as before and with
session 8's rules (the re-ranked first passages' MaxSim, `bot.follow_up.FOLLOW_UP_LATE_EVIDENCE`,
and "compared to X?" as a fragment, `bot.conversation.COMPARISON_OPENERS`; docs/quality-log.md),
each in turn over one index. `--asked-thing off place+focus=0.26` measures session 9's near-domain
rules (docs/quality-log.md, "Near-domain questions (session 9)"), joined by "+", each variant in
turn: `place` (a city question wants a city), `focus=T` (the thing asked for by name matching no
cited token above T), `forms` ("whats", "who is heading / started"), `off` none.
`--late-window 0 0.5` measures the quote's sentence scores without and with the best MaxSim of
a two-sentence window holding each sentence at that weight (`bot.retrieval.LATE_WINDOW_WEIGHT`,
0.5 in the bot, 0 switches it off; docs/quality-log.md, sessions 9 and 10), each in turn over one
index; `0.5:lifted` lets a neighbour join the quote on its lifted score (the bot since session
11, `bot.answer.JOIN_WITHOUT_LIFT` off), `0.5` alone on its score without the lift (session 10).
`--passage-lift 0 0.75` measures the quote's sentence scores without and with each cited
passage's MaxSim less the best cited one's at that weight (`bot.retrieval.LATE_PASSAGE_LIFT`,
0.75 in the bot; docs/quality-log.md, "Ranking (session 11)"), each in turn over one index;
`--late-weight 0.5 1.0` the re-ranking with late interaction's z-score at each weight
(`bot.retrieval.LATE_WEIGHT`, 0.5 in the bot: the follow-up decisions' and the outcome's);
`--answer-late 10:0.5 20:6` the answer's own re-ranking at DEPTH:WEIGHT
(`bot.retrieval.ANSWER_LATE_DEPTH`, `ANSWER_LATE_WEIGHT`, 20:6 in the bot; 10:0.5 ranks as
session 11's bot), `--outcome-both off on` the outcome judged on the answer's hits alone or on
the re-ranking before's too (`bot.retrieval.OUTCOME_ON_BOTH_RANKINGS`, on; docs/quality-log.md,
"Ranking (session 12)"), each in turn over one index; `--first-margin 0 0.06` quotes the
first-ranked passage's best sentence when within that margin of the best sentence
(`bot.answer.FIRST_PASSAGE_MARGIN`, 0 in the bot: off; "Which passage is quoted first").
`--place-weight 0 0.02` lowers a question asked alone's cited sentences by the weight × their
passage's place − 1, and `--place-both off on` judges its outcome on the quote without it too
(`bot.answer.PLACE_WEIGHT`, 0.04 in the bot; `PLACE_OUTCOME_ON_BOTH`, on); `--place-lead 0
2.5` applies it only when the re-ranking's first passage leads its second by that fused score
(`PLACE_LEAD`, 2.5; 0: whatever the lead; docs/quality-log.md, "Which passage is quoted first
(session 13)"); `maxsim:0.03` counts the lead in MaxSim, `spread:1.2` in the cited passages'
standard deviations of fused score (`PLACE_LEAD_UNITS`, fused).
`--follow-up-ranking off on` measures follow-ups ranked as before
and with session 9's rules (the passage after the one the answer before quoted moved up, the
sentence right after a quoted one preferred: `bot.follow_up.FOLLOW_UP_NEXT_PRIOR`,
`FOLLOW_UP_SENTENCE_AFTER`; "that company" pointing at a name the answer before said:
`bot.conversation.DEMONSTRATIVE_REFERENTS`; docs/quality-log.md, "Follow-up ranking (session 9)"),
each in turn over one index. `--follow-up-words off on` measures follow-ups read with session
10's word rules (`bot.conversation.FOLLOW_UP_WORDS`; some of them joined by "+":
contractions, function-words, subject, definite, compare; docs/quality-log.md, "Conversations
(session 10)"), each in turn over one index. `--refused-alone off floor+agree` measures a
question that alone would be refused given its context (`bot.follow_up.REFUSED_ALONE`: under the
refusal floor, or where both searches agree on the first passage), each in turn.
`--conversations-only` measures the two-turn conversation sets only.
`--kind-without-lift off on` judges whether the quote holds the
kind asked for on the quote chosen with locality's lift only, or on it and the quote chosen
without the lift (`bot.answer.KIND_WITHOUT_LIFT`, on in the bot; docs/quality-log.md, session 10),
each in turn over one index.
`--near-labels off fixes+kinds+fragments+years+measures+currency+quote=0.24` measures session
10's near-domain labels (docs/quality-log.md, "Near-domain labels (session 10)"), joined by "+",
each variant in turn: `fixes` (the thing asked for by name read past "for" and "which is"),
`kinds` (a kind noun after a word or two: "which chip company"), `fragments` ("tesla's 2023
delivery numbers?"), `years` (a year is no count), `measures` ("how fast" wants a unit),
`currency` ("… in dollars" asks for an amount), `quote=T` (the thing asked for by name matching
the quote under T, `ceiling=C` the cited passages under C), `off` none. `--without` leaves sets
out (a blind set measured later, once). `--own-topic off bare+within+other+dash+those` measures
session 11's rules for a question that names its own topic (`bot.conversation.OWN_TOPIC`: a bare
noun phrase, a possessive pointing inside the question, "the other guy" and "those places"
pointing at the answer before's names, a name after a dash), `--own-words off on` a follow-up
whose context's first passage lacks its own words searched alone
(`bot.follow_up.FOLLOW_UP_OWN_WORDS`, off), `--own-words-under-floor off on` a follow-up refused
alone whose own first passage holds its words answered from it with the context's coverage
(`bot.follow_up.OWN_WORDS_UNDER_FLOOR`), `--agree-own-match 0 0.15` session 10's "agree" only for
a question matching its best passage that well alone (`bot.follow_up.AGREE_OWN_MATCH`, 0.15 in
the bot; 0: off), `--unknown-subject off on` a follow-up naming its own subject in words the
sources never use searched alone (`bot.follow_up.UNKNOWN_SUBJECT_ALONE`, on),
`--unknown-subject-refused off on` any question refused alone doing so searched alone before
"agree" or the margin (`bot.follow_up.UNKNOWN_SUBJECT_REFUSED`, on), each in turn over one index;
docs/quality-log.md, "Conversations (session 11)".
`--near-11 off
role+where+tell+feature+choice+attribute+cost+counts` measures session 11's near-domain rules (on in
the bot since session 12: where, where-is, attribute, cost and compare; docs/quality-log.md,
"Near-domain (session 11)" and "(session 12)"), each variant in turn: `role` ("which
engineer leads …" asks for a person), `where` (a bare "where" with a verb of place wants a place
on the map), `where-is` ("where is X" too), `tell` ("tell me about X" asks about X), `feature`
("does it come with X?"), `choice` ("A or B?"), `attribute` (an attribute the quote says in other
words is said), `cost` (only the verb "cost" asks for an amount), `counts` ("tesla q3
deliveries?" asks for a number); and session 12's (docs/quality-log.md, "Near-domain (session 12)"):
`compare` (a comparison whose compared thing no cited passage names), `kind-of` ("what kind of X"
asks about X). `--answer-words-evidence off on` measures session 13's follow-up candidate that
picks up a word of the answer before (its word family) keeping its context when the context's
first passage matches its own words at least as well (`bot.follow_up.ANSWER_WORDS_EVIDENCE`, off;
docs/quality-log.md, "Conversations (session 13)"), each in turn. `--follow-ups-14 off
lower+offctx+those` measures session 14's follow-up rules (docs/quality-log.md, "Conversations
(session 14)"), joined by "+", each variant in turn: `lower` (a word typed in lower case that the
sources write only as a name, in at most half their passages, and the turn before never said, names
its own topic: `bot.follow_up.LOWERCASE_NAMES`), `offctx` (a question only naming something whose
context's first passage matches it under 0.05, its own 0.1 better, is searched alone:
`bot.follow_up.OFF_CONTEXT_MATCH`), `those` ("those rivals" points at the answer before's names:
`bot.conversation.THOSE_ANY_PLURAL`), `off` none. `--off-topic off name+request`
measures session 12's rules refusing a question by its own words, alone and in a thread
(bot/off_topic.py; docs/quality-log.md, "Off-topic questions refused (session 12)"), joined by "+",
each variant in turn: `name` (a name of the sources modifying a word they never use: "the
amazon rainforest"), `request` (a request whose object is mostly words they never use:
"Recommend me a good sci-fi novel"), `off` none; and session 13's (docs/quality-log.md, "Off-topic
questions (session 13)"): `article` (a name after an article: "the amazons in greek
mythology"), `part` (a word of a two-word name used alone: "why is the sky blue"), `longer` (a
name after a capitalised word the sources never use: "Who was Nikola Tesla?"), `measure` ("how
long is", "where does X come from" read as grammar);
and, for `name` (docs/quality-log.md, "A name as a modifier, in-domain uses (session 13)"): `pull=D`
(the modified word must lower the question's best cosine by D, 0 or none: not read; "how big is
the amazon threat" is answered), `low=C` (with `pull`, a question whose best cosine is under C
refused whatever the pull), `indefinite` (with `pull`, a name after "a" / "an" refused whatever
the pull). The bot: `name+request+pull=0.08+low=0.33+indefinite`.
`--near-13 off dollar dollar+role+numbers` measures session 13's near-domain rules (docs/
quality-log.md, "Near-domain (session 13)"), joined by "+", each variant in turn: `dollar` (a "$"
alone asks for an amount), `role` (a who-question naming a role anywhere asks for a person),
`numbers` ("what battery range …": number nouns after a word or two; all three on in the bot),
`off` none.
`--attribute-grammar off like+evaluative` measures session 13's reading of the attribute asked
for by name (`bot.unsaid.ATTRIBUTE_GRAMMAR`, both on; docs/quality-log.md, "The asked thing in
\"what's X like?\""), joined by "+", each variant in turn: `like` ("what's X like?" asks for a
description, no attribute), `evaluative` ("the problem / worry with X" names no attribute).
`--short-late off 3:0.5` re-ranks a question of at most 3 BM25 terms with MaxSim's z-score at
0.5 in the answer's search (`bot.retrieval.SHORT_QUESTION_TERMS`, `SHORT_ANSWER_LATE_WEIGHT`;
off in the bot: docs/quality-log.md, "Ranking (session 13)"), each in turn.
`--how-to off on` measures session 14's label for a first-person how-to question whose verb the
quote never uses (`bot.unsaid.HOW_TO_VERB`, off in the bot; docs/quality-log.md, "Questions the
sources do not answer (session 14)"), each in turn.
`--quote-choice all 0:1 0.1:1.5` chooses a question asked alone's quoted sentence by its whole
score (`all`) or by MAXSIM x its MaxSim + locality's lift + SURFACE x its cosine and term overlap
(`bot.answer.QUOTE_MAXSIM_WEIGHT`, `QUOTE_SURFACE_WEIGHT`; docs/quality-log.md, "Which sentence is
quoted (session 14)"), each in turn.
`--agree-words off on` measures session 14's "agree" only when the shared first passage holds
every content word of the question (`bot.follow_up.AGREE_OWN_WORDS`, on in the bot;
docs/quality-log.md, "Off-topic questions lent a thread's context (session 14)"), each in turn.
`--unsaid-15 off person+closing+share+partitive+definition` measures session 15's rules for
questions the sources do not answer, joined by "+" (docs/quality-log.md, "Questions the sources do
not answer (session 15)"): `person` "who was <a first name the sources never use> <name>"
refused (`bot.off_topic.PERSON_NEVER_NAMED`), `closing` a thanks or goodbye asking nothing
replied to as small talk (`bot.small_talk.CLOSING_REMARK`; session 15 refused it as off-topic),
`share` a number noun after three narrowing words
(`bot.question_kind.NUMBER_NOUN_THREE_MODIFIERS`), `partitive` "one of the most …" no count
(`PARTITIVE_NOT_COUNT`), `definition` "what is a <name>" the sources never write after "a"
refused (`bot.off_topic.INDEFINITE_DEFINITION`), each variant in turn; all five on in the bot.
`--follow-ups-15 off shared+of` measures session 15's follow-up rules (docs/quality-log.md,
"Conversations (session 15)"), joined by "+", each variant in turn: `shared` (both searches'
first passage quoted only in context keeps the context: `bot.follow_up.SHARED_FIRST_QUOTED`), `of`
("the <noun> of ..." points at nothing said before: `bot.conversation.OWN_OF_PHRASE`), `gap` (a
fragment whose own first passage holds its word, 0.1 better by cosine, is searched alone:
`bot.follow_up.FRAGMENT_OWN_WORDS_GAP`), `off` none.
`--quote-spread off 0.1:0.1` adds to each cited sentence's MaxSim in the quote choice of a
question asked alone (`--quote-choice`) WEIGHT x its tokens' matches z-scored among every cited
sentence, a token's spread counted at least FLOOR
(`bot.answer.QUOTE_SPREAD_WEIGHT`, `QUOTE_SPREAD_FLOOR`; docs/quality-log.md, "The quote's tokens
among the cited sentences (session 15)"), each in turn.
`--literal-phrase off alone alone+context`: a question under the cosine floor is covered when a
passage writes a phrase of its content words word for word (`bot.follow_up.LITERAL_PHRASE`):
`alone` searched alone, `context` a follow-up's context query too (docs/quality-log.md,
"Conversations: ranking and the quote (session 15)").
`--unsaid-16 off rate+own+which+subject+tell` measures session 16's rules for questions the
sources do not answer, joined by "+" (docs/quality-log.md, "Questions the sources do not answer
(session 16)"):
`rate` "what <…> rate" asks for a number (`bot.question_kind.RATE_ASKS_NUMBER`), `own` a figure
the question writes is no answer (`OWN_FIGURES_NO_ANSWER`), `which` "which <nouns>" quoted as
"some <nouns>" (`bot.unsaid.WHICH_UNIDENTIFIED`), `subject` a person named in full after the
question's auxiliary, first name never used (`bot.off_topic.PERSON_AS_SUBJECT`), `tell` "tell me
about <thing>" / "does X come with <thing>" with no word of the thing in the sources
(`bot.unsaid.TELL_ME_UNKNOWN`), each in turn.
`--follow-ups-16 off same+why`: session 16's rules, joined by "+": `same`, "the same" or "similar"
points at what was said before (`bot.conversation.SAME_AS_BEFORE`); `why`, a why-question's
best sentence whose subject points back ("This makes …") quoted with the sentence before it
(`bot.answer.WHY_ANTECEDENT`; docs/quality-log.md, "Conversations (session 16)").
`--follow-ups-17 off ranks`: session 17's rules, joined by "+": `ranks`, a follow-up candidate
keeps its context when each search's first passage, placed in the other's answer ranking, favours
the context's (`bot.follow_up.RANK_AGREEMENT`); `borrowed`, a question with no content word of
its own asked after an answer is covered as well as the question before it
(`BORROWED_COVERAGE`); `how`, the word after "how" owns no possessive after it ("how loyal are
its fans" points back: `bot.conversation.HOW_DEGREE`; docs/quality-log.md, "Conversations (session
17)").
`--follow-ups-17b off label`: `label`, a chat label announcing a new topic before the question
("different question:", "ok, unrelated:", "switching topics,") makes it no follow-up, and it is
searched without the label (`bot.conversation.TOPIC_LABEL`; docs/quality-log.md, "Conversations,
continued (session 17)").
`--follow-ups-18 off own=0.5`: `own=W`, a follow-up searched in its context is re-ranked again by
the question's own tokens' MaxSim at weight W (`bot.follow_up.FOLLOW_UP_OWN_MAXSIM`; 0, off;
docs/quality-log.md, "Conversations (session 18)").
`--follow-ups-19 off subject`: `subject`, a follow-up candidate whose subject opens with "that" or
"this" ("what does that mean for …") keeps its context where the other rules would search it alone
(`bot.follow_up.DEMONSTRATIVE_SUBJECT`; docs/quality-log.md, "Conversations (session 19)").
`--follow-ups-20 off pointed=threads`: session 20's conversation rules, joined by "+":
`pointed=WHERE`, the sentence a quoted "these <word>" points at is quoted for `threads` (any
question in a conversation) or `all` questions (`bot.follow_up.POINTED_AT`; docs/quality-log.md,
"Conversations (session 20)").
`--follow-ups-21 off preposition+else+it`: session 21's conversation rules, joined by "+":
`preposition`, a preposition and a question word first ("in what kind of market") and `else`, a
question word and "else" ("besides the minerals, what else"), make a follow-up candidate
(`bot.conversation.ELLIPSIS`); `it`, "it" with no content word before it opens the subject as
"that" does ("would it work with my other amazon stuff"; `bot.conversation.SUBJECT_IT`;
docs/quality-log.md, "Conversations (session 21)").
`--follow-ups-22 off insitu+conj+that`: session 22's conversation rules, joined by "+": `insitu`,
a question word inside the clause after words with no verb ("a new bar for what tho") makes a
follow-up candidate (`bot.conversation.IN_SITU`); `conj`, the conjunction ending a chat opener is
kept in a conversation ("ok and what do they have in common";
`bot.conversation.OPENER_CONJUNCTION`); `that`, a demonstrative subject keeps its context under the
floor where its own words would search it alone ("where's that know-how coming from";
`bot.follow_up.DEMONSTRATIVE_OVER_OWN_WORDS`; docs/quality-log.md, "Conversations (session 22)").
`--follow-ups-23 off first+count+that`: session 23's conversation rules, joined by "+": `first`,
a topic named in a clause of its own before the question ("now about tesla's own problems, what
are they?") makes no follow-up (`bot.conversation.TOPIC_FIRST`); `count`, a count names no topic
("which two states?" has one word of its own; `bot.conversation.COUNT_WORDS`); `that` as session
22's.
`--follow-ups-24 off chat+example+said+he`: session 24's conversation rules, joined by "+":
`chat`, a chat word names nothing asked about ("any weaknesses tho?" has one content word;
`bot.conversation.CHAT_WORDS`); `example`, a request for an example ("gimme an example") names
nothing of its own and asks about what was said (`bot.conversation.EXAMPLE_REQUEST`); `said`, the
sentence the answer before quoted is scored for a question asking of a person ("what is he known
for?") alone, not for the names it was searched with (`bot.follow_up.SAID_FOR_THE_QUESTION`); `he`,
"he" or "she" as the subject keeps the context as "it" does ("so will he fight back?";
`bot.conversation.SUBJECT_PERSONAL`).
`--follow-ups-25 off how-much+first+asked+they`: session 25's conversation rules, joined by "+":
`how-much`, a bare "how much?" is labelled for the kind the question before asks with "how much"
("how much?" after "did amazon invest in rivian?" asks for an amount the sources never give;
`bot.follow_up_kind.HOW_MUCH_BEFORE`); `first`, a bare name in a thread ("blue origin?") is quoted
where the article first writes it (`bot.first_mention.FIRST_MENTION`); `asked`, the noun after
"what" or "which" names nothing "it" stands for ("what tech would it use?" keeps its context;
`bot.conversation.ASKED_NOUN`); `they`, "they" as the subject of a yes-or-no question keeps the
context as "it" does ("did they live up to it?"; `bot.conversation.SUBJECT_THEY_YES_NO`).
`--follow-ups-26 off anything+too+else+besides`: session 26's conversation rules, joined by "+":
`anything`, "anything on X?" opens a fragment as "what about X?" does
(`bot.conversation.ANYTHING_ON`); `too`, "cheaper too?" is read as "and cheaper?"
(`bot.conversation.ADDITIVE_TOO`); `else`, "anything else" asks for more as "what else" does
(`bot.conversation.SOMEONE_ELSE`); `besides`, what an exclusion clause names ("besides price") is
not read as asked by the label (`bot.follow_up_kind.EXCLUSION_UNASKED`).
`--follow-ups-27 off side+like+others`: session 27's conversation rules, joined by "+": `side`, a
framing noun ("the battery side") is not a word "agree" requires the shared passage to hold
(`bot.follow_up.FRAMING_NOUNS_UNHELD`); `like`, "like what, concretely?" asks for an example
(`bot.conversation.LIKE_WHAT`); `others`, "the others" points back (`bot.conversation.
OTHERS_POINT_BACK`).
`--follow-ups-28 off unfinished+shorthand`: session 28's conversation rules, joined by "+":
`unfinished`, a question that leaves its clause to the question before and has no verb of its own
("in what industry", "by how much?") keeps its context
(`bot.conversation.UNFINISHED_KEEPS_CONTEXT`); `shorthand`, a topic label in chat shorthand
("different q —", "unrelated but") is taken off as the others are
(`bot.conversation.LABEL_SHORTHAND`).
`--follow-ups-29 off lent+any`: session 29's conversation rules, joined by "+": `lent`, a fragment
singling out its first passage is searched in context when the context puts that passage first
too and lends the coverage it lacks alone ("and on the supply side?";
`bot.follow_up.LEAD_LENT_BY_AGREEMENT`, on); `any`, a question opening with "any" ("any weak
points?") is a follow-up candidate, not a bare noun phrase
(`bot.conversation.ANY_ASKS_OF_THE_TOPIC`, off: a held-out thread line fell).
`--follow-ups-30 off like+mean+floor`: session 30's conversation rules, joined by "+"
(`bot.conversation.FOLLOW_UPS_30`): `like`, "like is it early days still" rephrases the question
before; `mean`, "… i mean" amends it and keeps its context; `floor`, a question with no word of its
own after an answer ("so what?") is covered as that answer was.
`--follow-ups-31 off to+stays`: session 31's conversation rules, joined by "+"
(`bot.conversation.FOLLOW_UPS_31`): `to`, "to tesla?" (a phrase opening with a preposition, no verb)
is a follow-up candidate; `stays`, a follow-up whose answer alone would quote the passage the answer
before quoted, and in context another, is searched alone ("is it a big moment?").
`--labels-16 off head+when+text`: session 16's rules for in-domain answers, joined by "+":
`head`, a fragment's kind noun followed by another noun modifies it ("price cuts?" asks no amount;
`bot.question_kind.FRAGMENT_HEAD_ONLY`); `when`, a when-clause after the question's own terms
answers a when-question (`WHEN_CLAUSE_ANSWERS`); `text`, a question naming the text ("the
piece", "the writer") and a word of the sources is covered under the cosine floor
(`bot.source_terms.NAMES_THE_TEXT`; docs/quality-log.md, "In-domain answers labelled or
refused (session 16)").
`--citation-diversity off 2.5` chooses a question alone's citations after the first by maximal
marginal relevance among the ranking's first 12 (`bot.retrieval.CITATION_DIVERSITY`, its MU: the
z-scored score less MU x the highest cosine with a passage already cited; `MU:DEPTH` sets the
depth too; docs/quality-log.md, "Ranking and the quote (session 16)"), each in turn.
`--unsaid-17 off units+remark` measures session 17's rules for questions the sources do not answer,
joined by "+", for the label only: `units`, a clause ending "in <unit>" ("in billions", "in
miles") asks for a number (`bot.question_kind.UNITS_ASKED`); `remark`, a message going on after
its "?" is read as a fragment up to it (`QUESTION_BEFORE_REMARK`; docs/quality-log.md, "Questions
the sources do not answer (session 17)"), each in turn.
`--unsaid-17b off on` measures the nouns of a rare name's predicate no cited sentence naming it
uses (`bot.unsaid.RARE_NAME_PREDICATE`: "does lucid make an suv?"; docs/quality-log.md, "A rare
name's predicate (session 17)"), each in turn.
`--off-topic-18 off sense=0.04:2+form=0.6` measures session 18's off-topic rules, joined by "+":
`sense=GAP[:UNKNOWN]` refuses a question every name of the sources in which matches the sources'
own uses of it worse, by GAP at least, than asked about bare, with UNKNOWN (default 1) content
words the sources never use (`bot.off_topic.NAME_SENSE_GAP`, `NAME_SENSE_UNKNOWN`); `form=MATCH`,
a word whose best token match in the sources reaches MATCH is theirs in another form for
`NAME_AS_MODIFIER` (`OTHER_FORM_MATCH`; docs/quality-log.md, "Off-topic questions (session 18)"),
each in turn.
`--unsaid-18 off weak z-0.3` measures weak words the sources never use (`weak`: session 17's,
`bot.token_evidence.WEAK_UNKNOWN_ONLY` at two such words) and the same only when the quote does not
answer them in meaning either, their mean substitution z-score under Z (`zZ`,
`WEAK_UNANSWERED_Z`; docs/quality-log.md, "Questions the sources do not answer (session 18)"),
each in turn.
`--unsaid-18b on off` measures a "which <model/chip …>" or "the name of the person …" question
answered only by a quote naming one (`bot.unsaid.NAMED_PARTICULAR`; docs/quality-log.md, "A
particular the sources do not name (session 18)"), each in turn.
`--floor-18 off every=2`: `every=N`, a question of at most N content words, each one the sources
write as it is or in another form (its best token match reaching `OTHER_FORM_MATCH`), is covered
at the floor (`bot.source_terms.WRITES_EVERY_WORD`; docs/quality-log.md, "Short questions under
the floor (session 18)"), each in turn.
`--off-topic-19 off unit+surname` measures session 19's off-topic rules, joined by "+": `unit`, a
name of the sources that a units dictionary reads as a unit, after a number or converted
(`bot.off_topic.NAME_AS_UNIT`); `surname`, a first name of theirs before a surname that is no word
of theirs nor of the dictionary (`OTHER_SURNAME`); `sense=GAP[:UNKNOWN]`, session 18's sense rule
(`NAME_SENSE_GAP`, as `--off-topic-18`; docs/quality-log.md, "Off-topic questions (session 19)"),
each in turn.
`--unsaid-19 off on` measures session 19's label rules, or some joined by '+': `said` (what a
person said asked, and the quote reports nobody's words: `bot.unsaid.WORDS_ASKED`), `much` ("how
much <noun>" asks a number), `hedge` ("roughly how many …"), `statement` (the question after a
statement: "texas is big lol, which town …"), `town` (a town, village or county is a place),
`abbr` ("in kwh" asks a number) (`bot.question_kind`), `range` (the ends of "from X to Y" are
peers, `bot.unsaid.PEERS_IN_A_RANGE`); docs/quality-log.md, "Questions the sources do not answer
(session 19)", each in turn.
`--unsaid-20 off on` measures session 20's label rules, or some joined by '+': `acronym` (an
acronym mentioned as a word or by its place's code, not inside another word: "LA" is not in
"lab"; `bot.unsaid.ACRONYM_AS_WORD`), `percent` ("what %" or "what percent" anywhere asks a
number: `bot.question_kind.PERCENT_ASKED`), `designation` (a word of letters and digits no
passage writes, "q3", "4680s": `bot.unsaid.DESIGNATION_UNKNOWN`); docs/quality-log.md,
"Questions the sources do not answer (session 20)", each in turn.
`--unsaid-21 off on` measures session 21's mends, or some joined by '+': `formula` (a chemical
formula, "co2", is no designation: `bot.unsaid.FORMULAS_NOT_DESIGNATIONS`), `written` (session
19's `abbr` reads no US state's or continent's code, "in ca", nor a unit read only through a
prefix nobody writes: `bot.question_kind.UNIT_ABBREVIATIONS_WRITTEN`); docs/quality-log.md,
"Questions the sources do not answer (session 21)", each in turn.
`--lead-21 off stops+mention+overview` measures the lead's session 21 rules, joined by '+':
`stops`, the short questions under the floor (`--floor-18`) counted without the words of
scikit-learn's English stop list, as written or by a lemma ("anything", "got":
`bot.source_terms.EVERY_WORD_STOPS`); `mention`, a question asking whether the sources mention a
thing ("any mention of toyota?") labelled partial when no passage holds a word of it and covered
at the floor when they write every word of it (`bot.unsaid.MENTION_UNKNOWN`); `overview`, a
request for an overview ("tl;dr?", "how does it end?") answered by the article's opening and the
start of its last section, not searched (`bot.overview.OVERVIEW`); docs/quality-log.md, "The
lead's rules (session 21)", each in turn.
`--lead-22 off about+more+caps+several+frame` measures the lead's session 22 rules, joined by '+':
`about`, a question about the articles themselves ("who wrote this?", "when was it published?",
"source?") answered from their front matter, not searched (`bot.about_article.ABOUT_ARTICLE`);
`more`, a request for more ("tell me more", "anything else?") answered by the question before past
the passages already quoted (`bot.more.MORE`); `caps`, a question typed in capitals read in lower
case (`bot.service.UNSHOUTED`); `several`, a message of several questions ("who is rivian and where
are the factories?") answered for each (`bot.several_questions.SEVERAL_QUESTIONS`); `frame`, the
label judged on the question inside a frame ("do you know when …":
`bot.asked_clause.EMBEDDED_QUESTION`); docs/quality-log.md,
"The lead's rules (session 22)", each in turn.
`--lead-23 off list+sections+repeat+spell+pointed+feedback` measures the lead's session 23 rules,
joined by '+': `list`, a quoted sentence ending in a colon ("several key innovations:") followed by
the list it announces, to the end of its section (`bot.announced_list.ANNOUNCED_LIST`); `sections`,
a request naming a section by its heading's words ("summarise the section on partnerships") answered
by the section's first sentences, and "what are the sections?" by the headings
(`bot.sections.SECTIONS`); `repeat`, "repeat that", "what did you say?" after an answer showing it
again (`bot.more.REPEATS`); `spell`, a word neither the sources nor an English word list know read
as the only word of the sources one edit from it ("who is rivain": `bot.spelling.SPELLING`);
`pointed`, "what does source 2 say?" or, after a list, "the second one?" answered from the answer
before (`bot.pointed.POINTED`); `feedback`, "that's wrong" answered with an apology, "never mind, …"
asked alone, "no, i meant …" and "start over" (`bot.feedback.COMPLAINTS`, `RETRACTIONS`), each in
turn.
`--lead-24 off shorter+tour+votes+script+antecedent+apostrophes` measures the lead's session 24
rules, joined by '+': `shorter`, "in one sentence?", "shorter please" after an answer showing its
first quoted sentence (`bot.more.SHORTER`); `tour`, "tell me more" after an overview quoting the
next section it skipped, the conclusion's next sentences after the conclusion, and "repeat that" the
overview again (`bot.overview.TOUR`); `votes`, a complaint ("that's wrong") counted as a "Not
helpful" vote on the conversation's latest answer (`bot.feedback.COMPLAINT_VOTES`); `script`, a
question mostly in another script ("кто победит тесла или амазон") told the bot reads English, not
refused as one the sources don't cover (`bot.language.OTHER_SCRIPTS`); `antecedent`, a quote opening
with "This", "These", "That", "Those" or "Such" quoted after the sentence before it in its passage
("This makes the stakes incredibly high.": `bot.antecedent.ANTECEDENT`); `apostrophes`, a
contraction typed without its apostrophe read with it ("whos rivian": `bot.spelling.APOSTROPHES`),
each in turn.
`--lead-25 off phrasings+views+topics+origin+complaint+places+freshness+which` measures the lead's
session 25 rules, joined by '+': `phrasings`, "eli5", "catch me up", "the short version", "the
upshot", "key facts", "in 3 bullets" read as requests for an overview (`bot.overview.PHRASINGS_25`);
`views`, "what's the author's opinion?", "does the article take sides?" answered by the conclusion
(`bot.overview.VIEWS_25`); `topics`, "tell me about lucid", "what do you know about panasonic"
covered at the floor when the sources write the topic's one or two words
(`bot.asked_topic.TOPIC_REQUESTS`); `origin`, "who said that?", "what section is that from?" after
an answer shown its quotes cited by their passages alone (`bot.pointed.ORIGIN`); `complaint`, a
complaint before a question ("not what i asked. i meant …") putting the question right
(`bot.feedback.COMPLAINT_FIRST`), each in turn.
`--lead-26 off
simpler+stance+bias+facts+length+oneon+numbered+cite+next+intro+mentions+asides+briefly` measures
the lead's session 26 rules, joined by '+': `simpler`, "summarise that", "in simpler words", "i
don't get it" after an answer shown its first quoted sentence and "and then?" read as a request for
more (`bot.more.SIMPLER_26`); `stance`, "what's your opinion?", "which side are you on?" told the
bot takes no side (`bot.stance.STANCE_26`); `bias`, "is this article biased?" answered by the
conclusion (`bot.overview.BIAS_26`); `facts`, "the 3 most important facts" read as a request for an
overview (`bot.overview.PHRASINGS_26`); `length`, "how long is the article?" answered with its words
and sections and "who published it?" with its source (`bot.about_article.LENGTH_26`); `oneon`, "the
one on the environment" after the headings quoting that section (`bot.sections.ONE_ON_26`);
`numbered`, "1) … 2) …", "two questions: …" and one question per line answered as several questions
(`bot.several_questions.NUMBERED_26`); `cite`, "can you cite that?", "where in the article?" after
an answer shown its quotes cited and "show me the full passage" its first quoted passage whole
(`bot.pointed.ORIGIN_26`); `next`, "next" after a section quoting the section after it
(`bot.sections.NEXT_SECTION_26`) and after any other answer asking for more (`bot.more.NEXT_26`);
`intro`, "what does the intro say" read as asking how the text opens (`bot.overview.INTRO_26`);
`mentions`, "is ford mentioned in the article?" searched as "ford" (`bot.asked_topic.MENTIONS_26`);
`asides`, "thanks", "what's your opinion?", "how long is the article?", "are you sure?" after a
question left out of the history a follow-up is read in (`bot.feedback.ASIDES_26`); `briefly`,
"briefly, who is rivian?" asked without "briefly" and cut to its first quoted sentence
(`bot.more.BRIEFLY_26`); `typos`, "waht are the sections", "summarize teh article" read as the
requests typed right (`bot.spelling.REQUEST_TYPOS_26`), each in turn.
`--lead-27 off
briefly+tone+matters+trust+pointed+which+search+count+nth+acronym+reset+recall+intro+dates+navigate+sizes+write+phrasings+full+several+languages+corrections+origin+previous+complaints`
measures the lead's session 27 rules, joined by '+': `briefly`, "what's amazon's plan in one
sentence" (no comma) asked without it (`bot.more.BRIEFLY_27`); `tone`, "what is the tone of the
article", "is the article for or against amazon?" answered by the conclusion
(`bot.overview.TONE_27`); `matters`, "why does this matter?", "so what?" answered by the conclusion
and "give me the background" by the opening (`bot.overview.MATTERS_27`); `trust`, "how reliable are
your sources?", "can i trust this?" told where the article comes from and how to check an answer,
"where does your info come from?" its source (`bot.about_article.TRUST_27`); `pointed`, "summarize
the third one", "the 8th one" and a bare "5" after a list pointing at that item
(`bot.pointed.POINTED_27`); `which`, "which one is about the environment?" after the headings
quoting that section (`bot.sections.ONE_ON_27`); `search`, "search for nvidia", "quote the part
about rivian" searched as the thing alone, "search for toyota" told the sources don't mention it
(`bot.asked_topic.SEARCH_27`); `count`, "how many times is tesla mentioned?" counted in the text
(`bot.mention_count.MENTION_COUNT_27`); `nth`, "what's the second innovation?" answered by that item
of the list "what are the innovations?" quotes (`bot.pointed.NTH_LISTED_27`); `acronym`, "what does
EV stand for?" answered by the sentence spelling it out (`bot.acronym.ACRONYMS_27`); `reset`,
"clear", "forget that", "new question" starting over (`bot.feedback.RESET_27`); `recall`, "what was
my first question?" told from the conversation (`bot.recall.RECALL_27`); `intro`, "I'm a journalist.
what is amazon planning?" searched without the asker's introduction (`bot.preamble.PREAMBLE_27`);
`dates`, "what are the key dates?", "give me a timeline" answered by the sentences naming a year
(`bot.dates_named.DATES_27`); `navigate`, "skip to the conclusion", "take me to the environmental
part" read as requests about the structure (`bot.request_words.NAVIGATE_27`) and "what's in section
11?" told how many there are (`bot.sections.PAST_THE_LAST_27`); `sizes`, "which section is the
longest?" told from the sections' words (`bot.sections.SIZES_27`); `write`, "write me a haiku about
the rivalry" told the bot only quotes (`bot.stance.WRITING_27`); `phrasings`, "explain the article
to a 10 year old", "summarize in 50 words", "give me the story" read as requests for an overview
(`bot.overview.PHRASINGS_27`); `full`, "send me the article", "print the whole article" told the bot
quotes it part by part, where it comes from and how to read it by sections
(`bot.about_article.FULL_TEXT_27`); `several`, "the third and fourth ones", "the first two" after a
list or the headings quoting each (`bot.pointed.SEVERAL_ITEMS_27`); `languages`, "can you answer in
french?" and a refused question in another Latin-script language told the bot reads English
(`bot.language.LATIN_LANGUAGES_27`); `corrections`, "who is musk? → not him, bezos" asking "who is
bezos?" alone (`bot.feedback.CORRECTIONS_27`); `origin`, "where is that from?" after an answer shown
its quotes cited, not the front matter's source (`bot.pointed.ORIGIN_BEFORE_SOURCE_27`); `previous`,
"go back", "the previous answer" answered by the question before the last
(`bot.recall.PREVIOUS_27`); `complaints`, "you didn't answer my question", "try again" after an
answer read as complaints (`bot.feedback.COMPLAINTS_27`), each in turn.
`--lead-28 off
readon+returns+confidence+topics+listcount+phrasings+conversation+saidbefore+so+semicolon+shorthand+relative+steps+names+frontmatter+numbers+insults+datesmore+search+references+eachsection`
measures the lead's session 28 rules, joined by '+': `readon`, the first "tell me more" reading on
through the rest of the passage quoted last (`bot.more.READ_ON_28`); `returns`, a "go back" in the
conversation read as the question gone back to, so "what do they make?" after it reads that
question (`bot.recall.RETURNS_28`); `confidence`, "how sure are you?" after an answer shows it
again (`bot.more.CONFIDENCE_28`) and alone gets the trust reply
(`bot.about_article.CONFIDENCE_28`); `topics`, "what are the main themes?", "what topics does the
article cover?" answered by the headings (`bot.sections.TOPICS_28`); `listcount`, "how many
innovations are there?" told how many items the list of innovations holds and their names, "tell
me more" after it the list (`bot.pointed.COUNTED_LIST_28`); `phrasings`, "what does the article
say?", "what is this article?", "what's the purpose of the article?", "too long didn't read",
"tell me something interesting" read as requests for an overview, "is this news or opinion?" for
the conclusion and "how does the writer sign off, hype-wise?" for the ending
(`bot.overview.PHRASINGS_28`); `conversation`, "what have we talked about?", "summarize our
conversation" told the questions (`bot.recall.CONVERSATION_28`); `saidbefore`, "what did you say
about rivian earlier?" searched as "rivian" (`bot.asked_topic.SAID_BEFORE_28`); `so`, "so?" after
an answer a request for more (`bot.more.SO_28`); `semicolon`, "who is rivian; where are the
factories" split at the semicolon (`bot.several_questions.SEMICOLON_28`); `shorthand`, "hw many
times is tesla mentioned" read as the request typed out, and an English word no typo of a request
word (`bot.spelling.REQUEST_SHORTHAND_28`); `relative`, "what comes after the partnerships
section?", "what section comes before the conclusion?" quoting that section
(`bot.sections.RELATIVE_28`); `steps`, "previous section", "the one before?", "and the one after?"
after a section quoting the section before or after it (`bot.sections.STEPS_28`); `names`, "who is
mentioned in the article?", "what places are mentioned?" told the people or places the text names
(`bot.names_mentioned.NAMES_MENTIONED_28`); `frontmatter`, "where was it published?" the source, a
bare "when?" after "who wrote it?" the date, "how long would it take to read?" the minutes too
(`bot.about_article.FRONT_MATTER_28`); `numbers`, "what are the key numbers?", "any statistics?"
quoting the sentences naming a number and "what years are mentioned?" the dates
(`bot.dates_named.NUMBERS_28`); `insults`, "you're useless", "terrible answer", "waste of time",
"👎" after an answer complaints (`bot.feedback.COMPLAINTS_28`); `datesmore`, "tell me more" after
the dates or numbers quoting the next ones, "that's all" past the last
(`bot.dates_named.MORE_28`); `search`, "give me the exact words about prime", "does it say
anything about china?" searched as the thing (`bot.asked_topic.SEARCH_28`); `references`,
"references?" after an answer its quotes cited, "context?" its passage
(`bot.pointed.SOURCE_AFTER_ANSWER_28`); `eachsection`, "summarize each section", "one line per
section" quoting each section's first sentence (`bot.sections.EACH_SECTION_28`), each in turn.
`--lead-29 off
sectionlength+exact+around+numbers+topics+opens+names+countmore+frontmatter+more+returnto+takeaway+audience+separators+items+retry+nthsentence+doubts+sectionsnaming+severalsections+moreofparts+abouttext+year+countnames+likes+others`
measures the lead's session 29 rules, joined by '+': `sectionlength`, "how long is the
conclusion?", "how many words are in the intro?" told the section's words and sentences, and
"which is the longest?" after the headings which (`bot.section_parts.SECTION_LENGTH_29`,
`bot.sections.SIZES_29`); `exact`, "can you quote it exactly?", "word for word?" after an answer
showing its quotes again, cited (`bot.pointed.QUOTE_EXACT_29`); `around`, "show me the whole
section", "what comes next in the article?", "what's the sentence before that?", "then what?"
after an answer quoting its section whole or the sentences after or before its quotes
(`bot.pointed.AROUND_29`); `numbers`, "what numbers appear in the article?", "are there any
figures?" quoting the sentences naming a number (`bot.dates_named.NUMBERS_29`); `topics`, "what
else does the article cover?", "how is the article organized?" answered by the headings
(`bot.sections.TOPICS_29`); `opens`, "what does the article open with?", "what does it end on?"
quoting the opening or the ending (`bot.overview.OPENS_WITH_29`); `names`, "tell me about the
first one" after the names listed searching that name (`bot.names_mentioned.NAMES_POINTED_29`);
`countmore`, a second "tell me more" after "how many innovations are there?" asking more of the
list (`bot.pointed.COUNTED_MORE_29`); `frontmatter`, "is this article recent?", "is that still
true?" told how fresh the sources are, "are there other articles?" which articles the bot reads
(`bot.about_article.FRONT_MATTER_29`); `more`, "tell me even more", "is that all?", "what else
should i know?" after an answer asking for more (`bot.more.MORE_29`); `returnto`, "back to the
first question", "go back to rivian", "what did you say first?" answering that question again
(`bot.recall.RETURN_TO_29`); `takeaway`, "what's the takeaway for investors?" searched as
"investors" (`bot.asked_topic.TAKEAWAY_29`); `audience`, "who is the article for?", "who's the
target audience?" quoting the closing line, which names its readers (`bot.overview.AUDIENCE_29`);
`separators`, "who is rivian / where is the hq", "who is rivian. also, where are the factories"
split before the second question, and a later question pointing at none before it ("who is rivian
and who is lucid?") searched without them as its context (`bot.several_questions.SEPARATORS_29`);
`items`, "explain the third one simply", "compare the first two" after a list pointing at those
items (`bot.pointed.POINTED_29`); `retry`, "can you try again?", "give it another go" after an
answer complaints (`bot.feedback.COMPLAINTS_29`); `nthsentence`, "what's the third sentence of the
article?", "the first line of the conclusion?" quoting that sentence, and "and the fourth?" after
it the fourth (`bot.section_parts.NTH_SENTENCE_29`); `doubts`, "are you sure about that?" after an
answer showing it again (`bot.more.DOUBTS_29`); `sectionsnaming`, "which sections talk about
amazon?", "how many sections mention tesla?" told the sections naming it
(`bot.mention_count.SECTIONS_NAMING_29`); `severalsections`, "what are the first three sections?",
"summarize sections 1 and 2", "what are sections 2 to 4 about?" told those headings or quoting
each one's first sentence (`bot.section_parts.SEVERAL_SECTIONS_29`); `moreofparts`, "tell me more"
after a section's length quoting that section, after several sections each in turn, after a
sentence asked by its place the sentences after it (`bot.section_parts.MORE_OF_PARTS_29`);
`abouttext`, "tell me about the article", "fill me in on this piece" and a first "tell me
everything" read as requests for an overview (`bot.overview.ABOUT_TEXT_29`); `year`, "what happens
in 2040?", "anything about 2030?" quoting the sentences naming that year or saying none does
(`bot.dates_named.YEAR_ASKED_29`); `countnames`, "how many people are mentioned?" told the count
with the names (`bot.names_mentioned.COUNTED_29`); `likes`, "do you like elon?", "do you prefer
tesla or amazon?" told the bot takes no side (`bot.stance.LIKES_29`); `others`, "any others?",
"any other partners?" after an answer about partners asking for more of it (`bot.more.OTHERS_29`),
each in turn.
`--lead-30 off
shown+headings+paragraphs+another+points+whichparagraph+listasked+longer+attributions+partsummed+agree+showme+itemafteritem+typos+madeup+partends+embedded+simpler`
measures the lead's session 30 rules, joined by '+': `shown`, "tell me more", "show me", "where?",
"what do they say?" after "which sections talk about nvidia?", "how many times is tesla
mentioned?", "who is mentioned in the article?" or "how long is the intro?" quoting the sentences
behind that reply (`bot.reply_shown.SHOWN_30`); `headings`, "what's the first section called?",
"what is the title of section 2?" told that heading (`bot.section_parts.HEADING_NAMED_30`);
`paragraphs`, "what does the second paragraph say?", "read me the first paragraph of the
conclusion" quoting that paragraph, "tell me more" or "next paragraph" after it the next one, "the
paragraph before" the one before, "the first two paragraphs" those, and "how many paragraphs are
there?" told the count (`bot.paragraphs.PARAGRAPHS_30`, `bot.about_article.PARTS_COUNTED_30`);
`another`, "and the third?", "what about section 4?" after "what's section 2 about?" quoting that
section (`bot.section_parts.ANOTHER_SECTION_30`); `points`, "list the main points", "summarize the
key takeaways", "what's the main claim?", "the most important sentence?" read as requests for an
overview (`bot.overview.POINTS_30`); `whichparagraph`, "which paragraph mentions rivian?", "what
sentence talks about prime?" searched as the topic alone (`bot.sections.WHICH_PARAGRAPH_30`);
`listasked`, "how many are there?" after an answer quoting a list told how many it holds, "which
one is the most important?" the list labelled "The sources don't say which is the most important"
(`bot.pointed.LIST_ASKED_30`); `longer`, "longer", "details?", "dig deeper", "give me the full
answer" after an answer asking for more (`bot.more.LONGER_30`); `attributions`, "does the article
cite any sources?", "what evidence does it give?" quoting the sentences attributing a claim
("According to industry sources") (`bot.attributions.ATTRIBUTED_30`); `partsummed`, "tl;dr of the
conclusion", "a summary of the intro" quoting that part's overview
(`bot.overview.PART_SUMMED_30`); `agree`, "i think tesla will win, agree?", "you're biased" told
the bot takes no side (`bot.stance.AGREE_30`); `showme`, "show me", "let me see", "which article
is that from?" after an answer showing its quotes cited (`bot.pointed.SHOW_ME_30`);
`itemafteritem`, "and the fourth?" after "what's the third one?" (after a list) pointing into the
same list (`bot.pointed.ITEM_AFTER_ITEM_30`); `typos`, "how many paragrahs are there?", "waht's
the frist section called?" read as typed right (`bot.request_words.PARTS_TYPOS_30`); `madeup`,
"did you make that up?", "are you hallucinating?", "seriously?" after an answer doubts showing it
again (`bot.more.MADE_UP_30`); `partends`, "how does the conclusion open?", "how does section 3
end?", "the opening line of the conclusion" quoting that part's first or last sentence
(`bot.section_parts.PART_ENDS_30`); `embedded`, "do you know who rivian is?", "tell me how big the
team is" asked directly ("who is rivian?") (`bot.preamble.EMBEDDED_30`); `simpler`, a bare "eli5",
"dumb it down" after an answer its first sentence (`bot.more.SIMPLER_30`), each in turn.
`--lead-31 off
summed+previous+moreafteritem+passage+respelt+unwritten+capitals+very+title+remember+compared+prose+pointedback+countassumed+shown+shortnamed+names`
measures the lead's session 31 rules, joined by '+': `summed`, "summarize it" after "how long is
the conclusion?" or "what's the first section called?" quoting that part's first sentence
(`bot.section_parts.SUMMED_31`); `previous`, "previous", "the one before?" right after a section
quoting the section before (`bot.sections.PREVIOUS_SECTION_31`); `moreafteritem`, "tell me more"
after a list item ("what's the second one?"), a source ("what does source 1 say?") or the passage
reading on past it (`bot.pointed_requests.MORE_AFTER_ITEM_31`); `passage`, "show me the passage",
"what's the context?" after an answer its passage whole (`bot.pointed.PASSAGE_SHOWN_31`);
`respelt`, "where?" after "how many times is tesal mentioned?" quoting the sentences naming
"tesla" (`bot.article_requests.NAMES_RESPELT_31`); `unwritten`, "does the article mention china?",
when its search is refused, told "The sources don't mention “china”."
(`bot.asked_topic.UNWRITTEN_MENTION_31`); `capitals`, "nvida" respelt as the sources' NVIDIA
(`bot.service.NAMES_IN_CAPITALS_31`); `very`, "the very last sentence" read as "the last sentence"
(`bot.section_parts.VERY_31`); `title`, "what can you tell me about the ev rivalry?" and other
questions naming the title's topic in two words or more, and a first "what's the context?",
answered by the overview (`bot.overview.TITLE_ASKED_31`); `remember`, "do you remember what i
said?" told the questions (`bot.recall.REMEMBER_31`); `compared`, "who is mentioned more, bezos or
musk?", "which section mentions tesla the most?", "does the conclusion mention rivian?" counted in
the text (`bot.mention_count.COMPARED_31`); `prose`, a typo of a word of the sources' prose
("factoris", "inovations") read as the English word list's correction when the sources write it
and the keyword index reads the typo as the same terms or none (`bot.spelling.PROSE_TYPOS_31`);
`pointedback`, a quote naming the thing asked only as "these weaknesses" brought with the sentence
before it (`bot.antecedent.ASKED_POINTED_BACK_31`); `countassumed`, "what are the three
weaknesses?" asked without the asker's count (`bot.assumed_count.COUNT_ASSUMED_31`); `shown`,
"show me" after "which section mentions tesla the most?", "who is mentioned more, bezos or musk?"
or "does the conclusion mention musk?" quoting the sentences naming them
(`bot.reply_shown.SHOWN_31`); `shortnamed`, "what's rivian? also, what's nvidia?" answered as two
questions (`bot.several_questions.SHORT_NAMED_31`); `names`, "tell me about rivian, panasonic and
nvidia", "compare rivian and lucid" asking about each name in turn when few passages hold each
(`bot.several_questions.SEVERAL_NAMES_31`), each in turn.
`--forms-19 off match=0.7`: `match=M`, another form of a question's word ("partners" /
"partnerships", "hq" / "headquartered") matches the passage tokens of that word at least at M in
late interaction (`bot.retrieval.FORM_MATCH`), `+words=N` for a question of at most N counted words
(`FORM_MATCH_WORDS`, 3; `any`: every question; docs/quality-log.md, "Short questions and other word
forms (session 19)"), each in turn.
`--forms-20 off pos+short+match=0.8` (the second is shipped; `off` is session 19's bot): `pos`,
another form read only where the dictionary does not read one word as a noun and the other as a
verb ("investors" / "invested", `bot.retrieval.FORM_PARTS_OF_SPEECH`), `short`, a shortening
read as another form ("govt" / "government", `FORM_SHORTENINGS`), `match=M` sets `FORM_MATCH`
(else session 19's 0.7; it overrides `--forms-19`'s; docs/quality-log.md, "Short questions: parts
of speech and shortenings (session 20)"), each in turn.
`--lead-in-21 off 0.5`: a question after a lead-in clause of five words or more ("ok so i keep
hearing about this whole bezos vs musk thing, what does …") re-ranked with the MaxSim of the part
after the last comma at SHARE beside the whole question's (`bot.retrieval.LEAD_IN_SHARE`, 0.5;
docs/quality-log.md, "Ranking and lead-ins (session 21)"), each in turn.
`--role-21 off on`: a role asked of an owner ("who is the ceo of amazon's ev brand") not held by a
quote naming the role and no word of the owner ("CEO Elon Musk … Tesla":
`bot.question_kind.ROLE_OF_ANOTHER`; docs/quality-log.md, "The lead's rules (session 21)"), each
in turn.
`--topic-22 off vector+text+coverage`: a question asked as it is searched without its words about
the text or the conversation ("what does it *say* about ford", "why is rivian *mentioned*",
`bot.lexical.about_the_topic`): `vector` its vector (`bot.retrieval.TOPIC_VECTOR` 1), `text` its
BM25 and late interaction (`TOPIC_TEXT`), `coverage` the one- and two-word coverage rules
(`TOPIC_COVERAGE`), `rerank=S` that form's MaxSim at share S beside the whole's
(`TOPIC_RERANK_SHARE`; docs/quality-log.md, "Words about the text (session 22)"), each in turn.
`--unsaid-22 off on` measures session 22's kinds asked in other words, or some joined by '+':
`quantity` (a unit's full name or "top speed" asked for, "what horsepower will …":
`bot.question_kind.QUANTITY_NOUN_ASKS`), `money` (a credit, fee, rebate … is an amount:
`MONEY_NOUNS_22`), `trading` ("what's tsla trading at": `TRADING_AT_ASKS_AMOUNT`), `time` (a
time adverb after a fragment's kind noun, "price yesterday?": `FRAGMENT_TIME_ADVERBS`), `approx`
("roughly how many …": `APPROXIMATE_KIND`); off in the bot: `charge` ("who's in charge of":
`IN_CHARGE_ASKS_PERSON`), `paid` ("what did amazon pay for …": `PAID_FOR_ASKS_AMOUNT`), `role`
(session 11's `ROLE_NOUN_ASKS_PERSON`, "which engineer leads"); docs/quality-log.md, "Questions
the sources do not answer (session 22)"), each in turn.
`--off-topic-20 off surname+own=2` measures session 20's off-topic rules, joined by "+":
`surname`, `--off-topic-19`'s surname rule with a surname one letter away from a word of the
dictionary or of the sources read as a typo of it ("elon muks": `bot.off_topic.OTHER_SURNAME`,
`SURNAME_TYPOS`); `own=N`, the asker's own errand with a name of the sources, in the first person,
its only words of the sources names, with N words they never use and none pointing at something
said (`ASKERS_OWN_UNKNOWN`); `thing`, "i" asking about "my <a word the sources never use>" with no
word pointing at something said (`ASKERS_THING`); `prose`, a name modifying a word the sources
never use beside words of their prose, refused when the question is weak as a whole and the
word pulls it away (`MODIFIER_BESIDE_PROSE`); `unitword`, a name of the sources that is a unit,
called one ("the si unit tesla", "what unit is tesla": `UNIT_NAMED`; docs/quality-log.md,
"Off-topic questions (session 20)"); `weak=C`, the two asker rules only under a best cosine of C
(`ASKERS_LOW_COSINE`; else not gated), each in turn.
`--off-topic-21 off case` measures session 21's off-topic rules, joined by "+": `case`, the word
after a first name read by how the asker writes it: lower case after a capitalised first name is
no surname, both capitalised a surname unless a letter from a name of the sources ("Jeff Gordon"),
and in lower case a negation without its apostrophe or a word without a vowel is chat ("doesnt",
"tbh": `bot.off_topic.SURNAME_CASE`); `prose=M`, the asker's own errand with words of the
sources' prose too, each matching their tokens under M ("can i share my amazon prime membership":
`ASKERS_PROSE_MATCH`; else names only); `river=P`, a weak question with a name modifying a word
beside prose words refused at a pull of P ("how long is the amazon river": `MODIFIER_PROSE_PULL`;
else `MODIFIER_PULL`; docs/quality-log.md, "Off-topic questions (session 21)"), each in turn.
`--unsaid-23 off on` measures session 23's near-domain readings, or some joined by '+': `town`
("what town in texas …": `bot.question_kind.SETTLEMENT_ASKS`), `money` ("how much of his own money
…": `MONEY_AFTER_HOW_MUCH`), `running` ("who's running …": `ROLE_PROGRESSIVE`), `sprint` ("the 0
to 60": `SPRINT_ASKS_TIME`), `stake` ("what did amazon pay for its piece of rivian":
`PAID_FOR_A_STAKE`), `possessive` ("bezos' net worth": `S_APOSTROPHE_POSSESSIVE`), `price`
("what's it go for": `PRICE_IDIOMS`), `range` (a fragment naming a range: `RANGE_FRAGMENT`),
`occupation` ("which engineer leads …": `ROLE_PERSON_NOUN`), `compared` (a compared clause's
doer, "traditional carmakers" no name: `bot.unsaid.COMPARED_DOERS`);
docs/quality-log.md, "Questions the sources do not answer (session 23)", each in turn.
`--unsaid-24 off on` measures session 24's near-domain readings, or some joined by '+': `region`
(a continent, country or US state no passage writes, nor a place in it, "what about china":
`bot.unwritten_things.UNWRITTEN_REGION`), `into` ("how much cobalt goes into …" asks a number:
`bot.question_kind.HOW_MUCH_GOES_INTO`), `stated` ("i heard musk might cut prices" asks no
amount: `FRAGMENT_NOT_STATED`), `and` ("… called and what city is it in" asks a place:
`AND_CLAUSE_KIND`); off in the bot: `much` ("how much cargo space does … have", a word
the sources never write: `HOW_MUCH_UNWRITTEN`), `boss` ("who's the boss of …, the actual exec
name" asks a person: `CHAT_ROLE_ASKS_PERSON`), `has` ("does the amazon ev have a slogan":
`HAS_A_THING`); docs/quality-log.md, "Questions the sources do not answer (session 24)", each in
turn.
`--unsaid-25 off on` measures session 25's near-domain readings, or some joined by '+': `opener`
(a chat word before a wh-question, "wait so how much …": `bot.question_kind.CHAT_OPENERS_25`),
`judged` (an obstacle or effect noun, "what's the big hurdle", asks no attribute by name:
`bot.unsaid.JUDGING_NOUNS_25`), `size` ("how big is the team" asks a number: `TEAM_SIZE_25`),
`date` ("what's the deadline" asks a date: `DATE_NOUNS_25`), `number` (a fragment naming a number
or head count: `FRAGMENT_NUMBER_25`), `pls` (a chat word after a fragment's kind noun:
`FRAGMENT_CHAT_AFTER_25`), `share` ("how much of rivian does amazon own" asks a number:
`OWNED_SHARE_25`), `measure` ("is bezos richer than musk?" with no passage writing "richer":
`bot.unsaid.PERSON_MEASURE_25`), `view` ("what does musk think about bezos" quoted by no reported
view: `VIEW_ASKED_25`); off in the bot: `whats` ("whats" read as "what's" by every label rule:
`WHATS_25`); docs/quality-log.md, "Questions the sources do not answer (session 25)", each in turn.
`--unsaid-26 off on` measures session 26's near-domain readings, or some joined by '+': `earn`
("how much does bezos earn", "… sell for" asks an amount: `bot.question_kind.EARNED_AMOUNT_26`),
`weigh` ("how much does the amazon ev weigh" asks a number: `WEIGHED_NUMBER_26`), `leading` ("who
is leading the project" asks a person: `LEADING_A_BODY_26`), `plan` ("tell me about amazon's plan"
asks nothing by name: `bot.unsaid.INTENT_NOUNS_26`), `names` ("is amazon partnering with lg?",
"what about gm": a lower-case company no passage writes, `bot.lower_case_names`),
`counted` ("what three things …" names no thing by name: `bot.unsaid.FOCUS_COUNTED_26`), `judged`
("what edge does …" neither: `FOCUS_JUDGED_26`); docs/quality-log.md,
"Questions the sources do not answer (session 26)", each in turn.
`--unsaid-27 off on` measures session 27's near-domain readings, or some joined by '+': `place`
(a place quoted is judged on the quote as chosen, not also without locality's lift:
`bot.question_kind.LIFTED_KINDS_27`; `named` does so for people and companies too), `listed` ("how
many key innovations are listed" asks no figure: `LISTED_COUNT_27`), `other` ("will alexa be in
the car": a predicate's noun the quote says in other words, `bot.token_evidence.
PREDICATE_IN_OTHER_WORDS_27`), `roles` ("who is tesla's cfo": a lower-case role no passage writes,
`bot.lower_case_names.LOWER_CASE_ROLES_27`), `hedge` ("roughly how big is the headcount" read
after its hedge: `bot.question_kind.HEDGED_HOW_27`), `measures` ("top speed of the amazon car?"
asks a number: `FRAGMENT_MEASURES_27`), `people` ("which people are mentioned" names no thing:
`bot.unsaid.PEOPLE_NAME_NO_THING_27`), `quote` ("give me a quote from musk" asks his words:
`QUOTE_ASKED_27`), `headings` (an attribute a cited section's heading names is mentioned: "what is
the future of evs?", `HEADINGS_SAY_27`), `fragment` ("name of the exec in charge …?" asks a
person's name: `NAME_FRAGMENT_27`); docs/quality-log.md, "Questions the sources do not answer
(session 27)", each in turn.
`--unsaid-28 off on` measures session 28's near-domain readings, or some joined by '+':
`dealings` ("who's leading the panasonic negotiations" asks a person:
`bot.question_kind.LEADING_DEALINGS_28`), `percent` ("… market share, as a %?" asks a number:
`AS_A_PERCENT_28`), `range` ("how much range will it have?" asks a number: `HOW_MUCH_MEASURE_28`),
`quoted` ("who is quoted in the article?" asks whose words are reported:
`bot.unsaid.WHO_IS_QUOTED_28`), `claims` ("I heard Amazon is buying Tesla. Is that true?": a
claim's verb no passage writes, `UNWRITTEN_CLAIM_VERB_28`), `richer` ("which of them is
richer?": `MEASURE_CHOICE_28`); docs/quality-log.md, "Questions the sources do not answer (session
28)", each in turn.
`--unsaid-29 off on` measures session 29's near-domain readings, or some joined by '+':
`spending` ("how much is amazon investing?" asks an amount: `bot.question_kind.SPENDING_AMOUNT_29`),
`leader` ("who leads the ev market?" is answered by any name: `MARKET_LEADER_29`), `claims` ("is
amazon buying tesla?": a plain claim's verb no passage writes, acting on a name the sources write,
`bot.unsaid.PLAIN_CLAIM_ON_A_NAME_29`), `address` ("whats the exact address of the california
lab" asks a place no state or city answers: `ADDRESS_PLACE_29`), `stake` ("what stake in rivian
does amazon own" asks a number: `STAKE_NUMBER_29`), `hired` ("who did bezos hire to run the car
division" asks a person: `HIRED_PERSON_29`), `figurative` ("where's tesla's soft underbelly"
asks what it is, no place: `FIGURATIVE_WHERE_29`), `airports` ("which airports …" asks places on
the map: `AIRPORTS_29`), `choice` ("is the lab in the bay area or down in LA": two things offered
that no passage writes, `bot.unsaid.UNWRITTEN_CHOICE_29`), `made` ("what kind of battery cells does
panasonic make": a product no passage writes, `MADE_THING_UNWRITTEN_29`); docs/quality-log.md,
"Questions the sources do not answer (session 29)", each in turn.
`--unsaid-30 off on` measures session 30's near-domain readings, or some joined by '+':
`fraction` ("what fraction of new car sales …" asks a number:
`bot.question_kind.FRACTION_NUMBER_30`), `countries` ("what countries will be battlegrounds?" is
answered by "Countries in Europe and Asia": `COUNTRIES_BY_CONTINENT_30`), `plan` ("what is
amazon's ev plan": an intent noun narrowed by words the cited passages write,
`bot.unsaid.INTENT_NARROWED_WRITTEN_30`), `regions` ("is it available in canada": California is no
place inside Canada, `bot.lookups.REGIONS_BY_KIND_30`); `fraction` and `regions` ship on,
`countries` and `plan` off (docs/quality-log.md, "Questions the sources do not answer (session
30)"), each in turn.
`--unsaid-31 off on` measures session 31's near-domain readings, or some joined by '+':
`finer` ("where in texas will the factory be" wants a place inside Texas:
`bot.question_kind.FINER_PLACE_31`), `exact` ("exactly how many …" asks as "how many …":
`EXACTLY_HOW_31`), `putting` ("how much is jeff putting into …" asks an amount:
`PUT_INTO_AMOUNT_31`), `number` ("what is the number of …" asks a number: `NUMBER_OF_31`), `like`
("so like how many …": `CHAT_LIKE_31`), `degree` ("how big is the team": "big" is the question's
form, not a word the sources must write: `bot.source_terms.HOW_DEGREE_GRAMMAR_31`);
docs/quality-log.md, "Questions the sources do not answer (session 31)", each in turn.
`--off-topic-22 off chat+named+compound` measures session 22's off-topic rules, joined by "+":
`chat`, the word after a first name read as chat, no surname, when it is small talk alone ("elon
lmao"), before a bare verb with the first name its subject ("is jeff tryna beat elon") or before a
clause of its own ("jeff dunno what he's doing": `bot.off_topic.CHAT_AFTER_NAME`); `named`, "i"
asking about "my <names of the sources> <a word they never use>", refused whatever the cosine when
asked "how do / can i" ("how do i track my amazon package": `ASKERS_NAMED_THING`); `compound`, a
name before a word the sources never use that the dictionary knows only as a noun, read as its
modifier ("does musk cologne smell good": `NAME_COMPOUND`; docs/quality-log.md, "Off-topic
questions (session 22)"), each in turn.
`--talk-23 off states+goodbyes+spelled+another+fillers+sincere+stretched` measures session 23's
small-talk rules, joined by "+": before a question, `states`, a state said back ("not bad, who …",
"good, you? who …": `bot.small_talk.STATE_OPENERS`), `goodbyes`, a goodbye ("gotta run, but who
…": `GOODBYE_OPENERS`), `spelled`, chat spellings read in the opener ("u up? who …":
`SPELLED_OPENERS`), `another`, "one more:" announcing it (`ANOTHER_ANNOUNCED`), `fillers`, a
filler before a mark or a greeting asked ("btw, who …", "hello? who …": `FILLER_OPENERS`); the
whole message, `sincere`, a thanks with how it is meant after it and "nuff" for "enough" ("thank
you, truly", "fair nuff": `SINCERE_THANKS`), `stretched`, a letter typed three times or more
read as twice or once ("sweeet": `STRETCHED_LETTERS`); `forms` (off in the bot), hand-probed
small talk no set holds ("all set", "big help", "aight", "happy friday", "hbu":
`CHAT_FORMS_23`), each in turn.
`--talk-24 off forms+discourse` measures session 24's small-talk rules, joined by "+": `forms`,
small talk in forms no older phrase reads (greetings such as "salutations", "aloha", "good arvo";
"how's everyone", "hope ur having a good day"; "alrighty", "wooo", "hooray"), whole or before a
question (`bot.small_talk.CHAT_FORMS_24`); `discourse`, a discourse word before a question, with a
mark or before a question word ("anyway, when …", "actually how many …": `DISCOURSE_OPENERS`;
docs/quality-log.md, "Small talk and the chat adapters (session 24)"), each in turn.
`--talk-25 off forms+bare+openers+more` measures session 25's small-talk rules, joined by "+":
`forms`, small talk whole in forms no older phrase reads ("good evening to you", "that's all i
needed", "that answers my question", "you're welcome", "what else can i ask?":
`bot.small_talk.CHAT_FORMS_25`); `bare`, a bare "like what?" or "now what?" opening a
conversation told what the bot answers (`bot.small_talk.BARE_REQUESTS_FIRST`); `openers`, those
forms taken off before a question ("wassup my dude, who …", "got it now. who …":
`bot.small_talk.OPENERS_25`); `more`, hand-probed forms whole ("bot?", "grazie", "copy that",
"10/10": `bot.small_talk.MORE_FORMS_25`), each in turn.
`--talk-26 off forms+more+marks+openers+unclear` measures session 26's small-talk rules, joined
by "+": `forms`, small talk whole in forms no older phrase reads ("heyyo botty", "sup sup", "u
absolutely rock", "coolio", "catch ya in a bit": `bot.small_talk.CHAT_FORMS_26`); `more`,
hand-probed forms whole ("hai", "you're a star", "ttfn", "what's this bot for", a bare "next"
opening a conversation: `MORE_FORMS_26`); `marks`, a message of marks alone ("?", "...") told what
the bot answers (`MARKS_ALONE`); `openers`, those forms and a greeting said to someone before a
question with no mark ("hi to you who leads": `OPENERS_26`); `unclear`, "huh?", "wdym", "?" after
an answer told it was unclear, and a complaint with no answer before told what the bot answers
(`bot.unclear.UNCLEAR`), each in turn.
`--talk-27 off forms+more+what+openers` measures session 27's small-talk rules, joined by "+":
`forms`,
small talk whole in forms no older phrase reads ("well howdy there, chatbot", "hullo hullo", "fair
dos", "okie dokie artichokie", "have a lovely evening", "you're a lifesaver honestly":
`bot.small_talk.CHAT_FORMS_27`); `more`, hand-probed forms whole ("that'll do", "all sorted",
"well explained", "great explanation", "thanks once again", "bless you": `MORE_FORMS_27`); `what`,
a bare "what?" ("wait what?", "wtf") after an answer
told it was unclear, as "huh?" is (`bot.unclear.WHAT_27`); `openers`, a greeting to the bot by a
pet name or said twice before a question with no mark ("hey botty who leads", "hello hello who
…", "hey so who …"), session 27's forms and an apology before a mark ("hullo, who …", "pardon,
who …": `bot.small_talk.OPENERS_27`), each in turn.
`--talk-28 off ideas+oaths+more+forms+openers+limits` measures session 28's small-talk rules,
joined by "+": `ideas`, asking what to ask ("suggest a question", "what questions should i ask?",
"i don't know what to ask") given the help reply (`bot.question_ideas.IDEAS_28`); `oaths`, an oath
in a question's question word read out ("wtf is rivian", "what the hell is rivian" asked as "what
is rivian": `bot.oaths.OATHS_28`); `more`, hand-probed forms whole ("good morning sunshine", "spot
on", "gotta dash", "sorry wrong chat", "/help", a hesitation alone, "can you explain that?" after
an answer, "thanks, super helpful", "anything new?": `bot.small_talk_forms.MORE_FORMS_28`);
`forms`, smalltalk-tuning-12's missed kinds widened, whole ("how are things on your end?", "oops
sorry, typo", "you absolute star", "oh snap", "that's me done for today":
`bot.small_talk_forms.CHAT_FORMS_28`); `openers`, those forms before a question and a mark ("oh
snap, who …"), and what is said first before a question ("bruh who …", "dude, who …", "pls who …",
"sorry if this is dumb but who …": `bot.small_talk.OPENERS_28`), each in turn.
`--talk-29 off forms+more+openers+mention+files` measures session 29's small-talk and chat rules,
joined by "+": `forms`, smalltalk-tuning-13's missed kinds widened, whole ("coolness, ta v much",
"okie dokie then", "cheers muchly", "right then": `bot.small_talk_forms.CHAT_FORMS_29`); `more`,
hand-probed forms whole ("hold on", "one sec", "stop", "maybe", "wake up", "merry christmas", "are
you sentient?", "tell me a joke": `bot.small_talk_forms.MORE_FORMS_29`); `openers`, those forms
before a question and a mark, and a mark after a bare opener's connective ("cool then. who …":
`bot.small_talk.OPENERS_29`); `mention`, a chat message of mentions alone ("@evbot") greeted
(`bot.chat.clean.MENTION_ALONE_29`); `files`, one with no words (an image alone) told the bot
reads words (`bot.chat.runner.WORDLESS_NOTE_29`; these two are the adapters': no set moves), each
in turn.
`--talk-30 off forms+ideas+sources+closingasked+more+openers` measures session 30's small-talk
rules, joined by "+": `forms`, smalltalk-tuning-14's missed kinds widened, whole ("hiya robot pal",
"how ya doin today", "thank ya bot, very kind", "whoops sorry", "have a gr8 evening":
`bot.small_talk_forms.CHAT_FORMS_30`); `ideas`, a question related to the answer or to ask next
asked for ("give me a related question", "any follow-up questions?") given the help reply
(`bot.small_talk_forms.IDEAS_30`); `sources`, "what sources do you use?", "what are your sources?"
left to the front matter's reply, answered (`bot.small_talk.SOURCES_ASKED_30`); `closingasked`, a
closing said as a question after an answer ("that's it?", "nothing else?") asked as "is that all?"
(`bot.closing_asked.CLOSING_ASKED_30`); `more`, hand-probed forms ("oh wow i had no idea", "i
already knew that", "i owe you one" acknowledged; "can you rephrase that?" after an answer read as
"huh?": `bot.small_talk_forms.MORE_FORMS_30`); `openers`, the acknowledgements before a question and
a mark, and the forms' ("oh wow i had no idea. who …", "whoops sorry. who …":
`bot.small_talk.OPENERS_30`), each in turn.
`--talk-31 off about+language+taste+forms+more+names+slang+vocative` measures session 31's
small-talk rules, joined by "+": `about`, the bot asked about in words no phrase holds ("which
article do you use?", "who is your creator?", "are you ever wrong?", "i'm bored", "awesome, one more
thing") given the help reply (`bot.small_talk_forms.ABOUT_BOT_31`); `language`, the language it
reads asked ("what language do you speak?", "do you speak english?") told it reads English
(`bot.small_talk_forms.LANGUAGE_31`); `taste`, its own taste asked ("what's your favourite car?",
"would you buy a tesla?", "is that your opinion?") given the no-sides reply
(`bot.small_talk_forms.TASTE_31`); `forms`, smalltalk-tuning-15's missed kinds widened, whole
("mornin botface", "haha u funny", "nice chatting with ya": `bot.small_talk_forms.CHAT_FORMS_31`);
`more`, hand-probed forms ("thanks for your help bot", "aww thanks", "okey doke", "same old same
old", "happy friday", "got a sec?", "question for you"; "are my questions logged?" given the limits
reply: `bot.small_talk_forms.MORE_FORMS_31`); `names`, small talk read again with a name for the bot
taken off its start or end ("bot, thanks", "night bot", "ace my dude":
`bot.small_talk_forms.NAMES_31`); `slang`, "brill", "splendid", "toodles" whole
(`bot.small_talk_forms.SLANG_31`); `vocative`, a question asked without a name calling the bot
before or after it ("bot, where will the factories be?", "who is rivian, mate?":
`bot.small_talk_forms.VOCATIVE_31`), each in turn.
`--rank-23 off chat+define` measures session 23's ranking rules, joined by "+": `chat`, a
question asked alone searched without its chat words ("tbh", "rn", "or nah":
`bot.retrieval.CHAT_WORDS_OUT`); `define`, "who is jeff bezos" quoting a sentence saying what the
name is (`bot.answer.DEFINING_RATIO` 0.8; docs/quality-log.md, "Chat words and definitions
(session 23)"), each in turn.
`--rank-24 off define+counted` measures session 24's ranking rules, joined by "+": `define`, "who is
elon musk" asked alone citing the ranking's best passage saying what the name is when no cited
passage does (`bot.retrieval.DEFINING_PASSAGE`), and the defining sentence quoted from 0.7 of
the best (`bot.answer.DEFINING_RATIO`; off: session 23's 0.8; docs/quality-log.md, "Definitions
from the whole ranking (session 24)"); `names`, a first name the sources write before one surname
searched with it ("what happens if elon stays on top": `bot.retrieval.FULL_NAMES`;
docs/quality-log.md, "First names searched with their surnames (session 24)", off in the bot);
`counted`, "how many states …" quoting a sentence naming places (`bot.answer.PLACES_COUNTED`;
"Places counted (session 24)"), each in turn.
`--rank-25 off contrast` measures session 25's ranking rules, joined by "+": `contrast`, a question
asking how things differ or compare ("how's this different from the rivian investment") quoting
also the sentence after its quote when that one opens with a word of contrast ("However, …":
`bot.answer.CONTRAST_JOINS`; docs/quality-log.md, "The contrast asked for (session 25)"), each in
turn.
`--rank-26 off part+shorthand` measures session 26's ranking rules, joined by "+": `part`, a
question asked alone naming a part of the text beside its topic ("whats the opening line say about
rivalries in tech", "how does the conclusion frame the rivalry?") answered from that part's passages
only (`bot.retrieval.NAMED_PART`, `bot.named_part`); `shorthand`, a question asked alone searched
with its chat spellings of common words written out ("what raw materials are ppl worried about", "y
would bezos bother w cars": `bot.retrieval.CHAT_SHORTHAND`, `bot.lexical.spelled_out`;
docs/quality-log.md, "The part of the text named (session 26)"), each in turn.
`--rank-27 off line` measures session 27's ranking rules, joined by "+": `line`, a question asked
alone naming a line of the text ("at the very start", "the final line") citing first the passage
of that part holding it and quoting the line (`bot.retrieval.NAMED_LINE`,
`bot.answer.NAMED_LINE_RATIO`, `bot.named_part.named_line`; docs/quality-log.md, "Lines of the
text (session 27)"), each in turn.
`--rank-28 off sentences` measures session 28's ranking rules, joined by "+": `sentences`, a
question asked alone re-ranked with each passage's best cosine of one of its sentences encoded
alone beside MaxSim at 6 (`bot.retrieval.SENTENCE_ALONE_WEIGHT`, `bot.own_sentences`; off in the
bot); `follow`, the same for a follow-up searched with its context (`SENTENCE_ALONE_FOLLOW_UPS`;
docs/quality-log.md, "Sentences on their own (session 28)"), each in turn.
`--rank-29 off quote=1+sentences=2` measures session 29's ranking rules, joined by "+": `quote=W`,
a question asked alone choosing its quote (and so the passage cited first) with W times each cited
sentence's cosine with it, the sentence encoded on its own (`bot.answer.QUOTE_OWN_WEIGHT`,
`bot.retrieval.OWN_SENTENCE_COSINES`); `sentences=W`, session 28's re-ranking by the best such
sentence at W (`bot.retrieval.SENTENCE_ALONE_WEIGHT`; docs/quality-log.md, "Sentences on their own
in the quote (session 29)"), each in turn.
`--rank-30 off further=2` measures session 30's ranking rules, joined by "+": `further=W`, a
question asked alone citing last, after the passages it quotes, the best passage not cited yet of
the answer's re-ranking with each passage's best cosine of one of its sentences encoded alone at W
beside MaxSim; the quote, the first citation and the outcome as without it
(`bot.retrieval.FURTHER_CITATIONS_WEIGHT`, `bot.answer.FURTHER_CITATIONS`; docs/quality-log.md,
"Further citations by sentences on their own (session 30)"); `own=LEAD:RATIO`, a question asked
alone quoting the cited sentence nearest it encoded on its own when that cosine leads the best
sentence's by LEAD and it scores RATIO of it (`bot.answer.OWN_SENTENCE_LEAD`, `OWN_SENTENCE_RATIO`;
"The sentence nearest on its own (session 30)"), each in turn.
`--rank-31 off announcing` measures session 31's ranking rules, joined by "+": `announcing`, a
question asked alone whose quote opens with a short sentence announcing the next citing the
announcing sentence's passage first (`bot.answer.ANNOUNCING_PASSAGE_FIRST`; docs/quality-log.md,
"The announcing sentence's passage first (session 31)"), each in turn.
`--off-topic-23 off sense=0.05:0.33+anywhere+joined+typos+rival` measures session 23's off-topic
rules, joined by "+": `sense=G:C`, `--off-topic-18`'s name-sense reading at a gap of G, only of a
question whose best passage cosine is under C ("is musk oil safe to put on your skin":
`bot.off_topic.NAME_SENSE_GAP`, `NAME_SENSE_LOW_COSINE`); `anywhere`, a first name the sources
never use (no English word, no typo of theirs) before a name they write, wherever it stands ("how
many patents did nikola tesla end up with": `PERSON_ANYWHERE`); `joined`, a name of the sources
joined by "and" / "or" / "vs" to such a first name ("did tesla and edison really hate each other":
`PERSON_JOINED`); `typos`, a first name a letter from a word of the sources read as a typo of it,
no other person, by the person rules of sessions 15 and 16 ("did jef bezos start this":
`PERSON_TYPOS`); `rival`, no other surname after a first name of the sources in a question
naming another of the people they name in full ("jeff lowkey scared of elon?": `RIVAL_NAMED`;
docs/quality-log.md, "Off-topic questions (session 23)"), each in turn.
`--off-topic-24 off chat+case+pointing+names=0.33:3:0.4` measures session 24's off-topic rules,
joined by "+": `chat`, a chat word ("imo", "lowkey") after a first name read as chat, no surname,
however written ("elon imo will win", "Elon IMO will win": `bot.off_topic.CHAT_WORDS_NO_SURNAME`);
`case`, a capitalised word after a capitalised first name a surname whoever else the question
names ("Does Jeff Goldblum like Elon?": `RIVAL_AFTER_CASE`); `pointing`, a pointing word after a
word naming something no bar to the asker rules ("is prime video worth it if i ...":
`POINTING_AFTER_CONTENT`); `names=C:N:F`, the asker's-errand reading of anyone's question, its
only words of the sources names, at least N words they never use matching their tokens under F,
refused under a best cosine of C ("can alexa run two kitchen timers at once": `NAMES_ONLY_WEAK`,
`NAMES_ONLY_UNKNOWN`, `NAMES_ONLY_FOREIGN`), each in turn.
`--off-topic-25 off kind+measure+anywhere` measures session 25's off-topic rules, joined by "+":
`kind`, a name of the sources after a noun of a kind of thing they never write, after an article
("the band tesla's most famous song", "why is the sky blue":
`bot.off_topic.NAME_CALLED_OTHER_KIND`);
`measure`, session 13's `MEASURE_FORMS` ("where does musk fragrance come from"); `anywhere`,
session 23's `PERSON_ANYWHERE` ("how many patents did nikola tesla end up with"), each in turn.
`--off-topic-26 off plural+subject+nothing=4+versus` measures session 26's off-topic rules,
joined by "+": `plural`, a name read as a modifier only after a plural verb refusing only a weak
question ("how do tesla fans feel" answered: `bot.off_topic.PLURAL_SUBJECT_WEAK`); `subject`, a
first name after a "do" or modal auxiliary and before a word and a bare verb named in full
whoever else the question names ("does jeff goldblum like elon": `RIVAL_NOT_SUBJECT`);
`nothing=N`, a weak question using no word of the sources with N words matching their tokens
under `NAMES_ONLY_FOREIGN` ("is a kindle unlimited subscription worth it for kids":
`NAMES_NOTHING_FOREIGN`, `NAMES_NOTHING_UNKNOWN`); `versus`, two such words set side by side
("crocodile vs alligator whats the difference": `COMPARED_FOREIGN`), each in turn.
`--off-topic-27 off kind=0.4:0.05+pointing=0.22:3` measures session 27's off-topic rules, joined
by "+": `kind=C:P`, a name of the sources after "a" / "an" before a word they never use pulling
the question away by P, beside words of their prose, refused under a best cosine of C ("best way
to clean a tesla coil for a science fair": `bot.off_topic.INDEFINITE_KIND_WEAK`,
`INDEFINITE_KIND_PULL`); `pointing=C:N`, a question using no word of the
sources with N words matching their tokens under `NAMES_ONLY_FOREIGN`, whatever its pointing words,
refused under C ("is it bad to let my dog sleep in my bed" in a thread: `POINTING_FOREIGN_WEAK`,
`POINTING_FOREIGN_UNKNOWN`), each in turn.
`--off-topic-28 off own=0.22:2+unit` measures session 28's off-topic rules, joined by "+":
`own=C:N`, a question of its own (opening with a question word or an auxiliary, no word pointing
at something said) with N words matching the sources' tokens under `NAMES_ONLY_FOREIGN`, more
than its words of the sources, refused under C ("who wrote one hundred years of solitude" in a
thread: `bot.off_topic.OWN_QUESTION_FOREIGN_WEAK`, `OWN_QUESTION_FOREIGN_UNKNOWN`); `unit`, a name
a units dictionary reads as one before the noun "unit" ("the tesla unit": `UNIT_BEFORE_NOUN`),
each in turn.
`--off-topic-29 off compound=0.7+it` measures session 29's off-topic rules, joined by "+":
`compound=M`, the asker's own thing named with words of the sources' prose matching their tokens
under M before a head they never use ("how do i lower my electricity bill":
`bot.off_topic.ASKERS_COMPOUND_MATCH`); `it`, the "it" of "is it safe to swim" and "how cold does
it get" points at nothing said (`EXPLETIVE_IT`), each in turn.
`--off-topic-30 off it+sense=0.6:0.4+howto` measures session 30's off-topic rules, joined by "+":
`it`, the "it" of the weather, the time and a span ("is it going to rain tomorrow", "how long does
it take to boil an egg") and "this weekend" point at nothing said (`bot.off_topic.DUMMY_IT`);
`sense=M:C`, a name modifying a word that pulls the question away, beside words of the sources'
prose matching their tokens under M, and under C when read only after a plural verb ("how do
amazon parrots learn to talk": `MODIFIER_PROSE_MATCH`, `PLURAL_SUBJECT_LOW_COSINE`); `howto`, the
asker's "how do i …" naming only names of the sources and a word they never use ("how do i get a
job at amazon": `ASKERS_HOW_TO`), each in turn.
`--off-topic-31 off noun+now+howto=0.33+steps` measures session 31's off-topic rules, joined by "+":
`noun`, a name and a word the dictionary reads as a noun among other readings, after "is" / "does",
before a word of the predicate, are a compound subject ("what does musk oil smell like", "is prime
video worth it": `bot.off_topic.COMPOUND_OTHER_READINGS`); `now`, a question asking only the time
or the date now ("what day is it today": `ASKS_NOW`); `howto=C`, the asker's "how do i …" with a
word the sources never use, whatever their prose beside it, under cosine C ("how do i return
something i ordered on amazon": `ASKERS_HOW_TO_WEAK`); `steps`, the same of "how to …" and "best
way to …" ("best way to store aa batteries long term": `INSTRUCTIONS_ASKED`), each in turn.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import bot.about_article  # noqa: E402
import bot.about_bot  # noqa: E402
import bot.acronym  # noqa: E402
import bot.announced_list  # noqa: E402
import bot.answer  # noqa: E402
import bot.antecedent  # noqa: E402
import bot.article_requests  # noqa: E402
import bot.asked_clause  # noqa: E402
import bot.asked_topic  # noqa: E402
import bot.assumed_count  # noqa: E402
import bot.attributions  # noqa: E402
import bot.chat.clean  # noqa: E402
import bot.chat.runner  # noqa: E402
import bot.closing_asked  # noqa: E402
import bot.conversation  # noqa: E402
import bot.dates_named  # noqa: E402
import bot.feedback  # noqa: E402
import bot.first_mention  # noqa: E402
import bot.follow_up  # noqa: E402
import bot.follow_up_kind  # noqa: E402
import bot.language  # noqa: E402
import bot.lookups  # noqa: E402
import bot.lower_case_names  # noqa: E402
import bot.mention_count  # noqa: E402
import bot.more  # noqa: E402
import bot.names_mentioned  # noqa: E402
import bot.oaths  # noqa: E402
import bot.off_topic  # noqa: E402
import bot.overview  # noqa: E402
import bot.paragraphs  # noqa: E402
import bot.pointed  # noqa: E402
import bot.pointed_requests  # noqa: E402
import bot.preamble  # noqa: E402
import bot.question_ideas  # noqa: E402
import bot.question_kind  # noqa: E402
import bot.recall  # noqa: E402
import bot.reply_shown  # noqa: E402
import bot.request_words  # noqa: E402
import bot.retrieval  # noqa: E402
import bot.section_parts  # noqa: E402
import bot.sections  # noqa: E402
import bot.service  # noqa: E402
import bot.several_questions  # noqa: E402
import bot.small_talk  # noqa: E402
import bot.small_talk_forms  # noqa: E402
import bot.source_terms  # noqa: E402
import bot.spelling  # noqa: E402
import bot.stance  # noqa: E402
import bot.token_evidence  # noqa: E402
import bot.unclear  # noqa: E402
import bot.unsaid  # noqa: E402
import bot.unwritten_things  # noqa: E402
from bot.answer import Answer  # noqa: E402
from bot.conversation import names, search_query  # noqa: E402
from bot.embedding import get_embedder  # noqa: E402
from bot.index import RankingSentences, build_index  # noqa: E402
from bot.ranking import percentile  # noqa: E402
from bot.retrieval import LateInteraction, Retriever  # noqa: E402
from bot.service import AnswerService  # noqa: E402
from bot.settings import load_settings  # noqa: E402

DATA = ROOT / "tests" / "data"
SETS = {
    "tuning": [
        "shipped-questions.jsonl",
        "tuning-extra.jsonl",
        "tuning-extra-2.jsonl",
        "tuning-extra-3.jsonl",
        "tuning-extra-4.jsonl",
        # Written for the near-domain gate (session 7), committed before any measuring on it.
        "tuning-extra-5.jsonl",
        # Paraphrases in words the article does not use, for the BM25 query expansion (session 7),
        # written and committed before any measuring on them.
        "tuning-extra-6.jsonl",
        # Questions asking for a kind (session 7), written before the ranking signals were measured
        # on them.
        "tuning-extra-7.jsonl",
        # From the article alone by a helper who never ran the bot, before session 9 measured.
        "tuning-extra-8.jsonl",
        # From the article alone by a helper who never ran the bot, before session 10 measured.
        "tuning-extra-9.jsonl",
        # From the article alone by a helper who never ran the bot, before session 11 measured.
        "tuning-extra-10.jsonl",
        # From the article alone by a helper who never ran the bot, before session 12 measured.
        "tuning-extra-11.jsonl",
        # From the article alone by a helper who never ran the bot, before session 13 measured.
        "tuning-extra-12.jsonl",
        # From the article alone by a helper who never ran the bot, before session 14 measured.
        "tuning-extra-13.jsonl",
        # From the article alone by a helper who never ran the bot, before session 15 measured.
        "tuning-extra-14.jsonl",
        # From the article alone by a helper who never ran the bot, before session 16 measured.
        "tuning-extra-15.jsonl",
        # From the article alone by a helper who never ran the bot, before session 17 measured.
        "tuning-extra-16.jsonl",
        # From the article alone by a helper who never ran the bot, before session 18 measured.
        "tuning-extra-17.jsonl",
        # From the article alone by a helper who never ran the bot, before session 19 measured.
        "tuning-extra-18.jsonl",
        # From the article alone by a helper who never ran the bot, before session 20 measured.
        "tuning-extra-19.jsonl",
        # From the article alone by a helper who never ran the bot, before session 21 measured.
        "tuning-extra-20.jsonl",
        # From the article alone by a helper who never ran the bot, before session 22 measured.
        "tuning-extra-21.jsonl",
        # From the article alone by a helper who never ran the bot, before session 23 measured.
        "tuning-extra-22.jsonl",
        # From the article alone by a helper who never ran the bot, before session 24 measured.
        "tuning-extra-23.jsonl",
        # From the article alone by a helper who never ran the bot, before session 25 measured.
        "tuning-extra-24.jsonl",
        # From the article alone by a helper who never ran the bot, before session 26 measured.
        "tuning-extra-25.jsonl",
        # From the article alone by a helper who never ran the bot, before session 27 measured.
        "tuning-extra-26.jsonl",
        # From the article alone by a helper who never ran the bot, before session 28 measured.
        "tuning-extra-27.jsonl",
        # From the article alone by a helper who never ran the bot, before session 29 measured.
        "tuning-extra-28.jsonl",
        # From the article alone by a helper who never ran the bot, before session 30 measured.
        "tuning-extra-29.jsonl",
        # From the article alone by a helper who never ran the bot, before session 31 measured.
        "tuning-extra-30.jsonl",
        # Off-topic questions to ask in threads (session 12), written blind before any measuring.
        "offtopic-tuning.jsonl",
        # Off-topic questions written blind before session 13 measured.
        "offtopic-tuning-2.jsonl",
        # Off-topic questions written blind before session 14 measured.
        "offtopic-tuning-3.jsonl",
        # Off-topic questions written blind before session 15 measured.
        "offtopic-tuning-4.jsonl",
        # Off-topic questions written blind before session 16 measured.
        "offtopic-tuning-5.jsonl",
        # Off-topic questions written blind before session 17 measured.
        "offtopic-tuning-6.jsonl",
        # Off-topic questions written blind before session 18 measured.
        "offtopic-tuning-7.jsonl",
        # Off-topic questions written blind before session 19 measured.
        "offtopic-tuning-8.jsonl",
        # Off-topic questions written blind before session 20 measured.
        "offtopic-tuning-9.jsonl",
        # Off-topic questions written blind before session 21 measured.
        "offtopic-tuning-10.jsonl",
        # Off-topic questions written blind before session 22 measured.
        "offtopic-tuning-11.jsonl",
        # Off-topic questions written blind before session 23 measured.
        "offtopic-tuning-12.jsonl",
        # Off-topic questions written blind before session 24 measured.
        "offtopic-tuning-13.jsonl",
        # Off-topic questions written blind before session 25 measured.
        "offtopic-tuning-14.jsonl",
        # Off-topic questions written blind before session 26 measured.
        "offtopic-tuning-15.jsonl",
        # Off-topic questions written blind before session 27 measured.
        "offtopic-tuning-16.jsonl",
        # Off-topic questions written blind before session 28 measured.
        "offtopic-tuning-17.jsonl",
        # Off-topic questions written blind before session 29 measured.
        "offtopic-tuning-18.jsonl",
        # Off-topic questions written blind before session 30 measured.
        "offtopic-tuning-19.jsonl",
        # Off-topic questions written blind before session 31 measured.
        "offtopic-tuning-20.jsonl",
        # A name of the sources before another word, in-domain and off-topic (session 13), written
        # from the article before measuring `NAME_AS_MODIFIER` on it: a probe of that rule's form.
        "name-modifier-probes.jsonl",
        "conversations.jsonl",
        "conversations-tuning-2.jsonl",
        "conversations-tuning-3.jsonl",
        "conversations-tuning-4.jsonl",
        # Written for session 7's follow-up round before any measuring: the check that what
        # was chosen on the sets above holds on conversations it was not chosen on.
        "conversations-tuning-5.jsonl",
        # Written for session 8's conversation round before any measuring: its check set.
        "conversations-tuning-6.jsonl",
        # From the article alone by a helper who never ran the bot, before session 9 measured.
        "conversations-tuning-7.jsonl",
        # From the article alone by a helper who never ran the bot, before session 10 measured.
        "conversations-tuning-8.jsonl",
        # From the article alone by a helper who never ran the bot, before session 11 measured.
        "conversations-tuning-9.jsonl",
        # From the article alone by a helper who never ran the bot, before session 12 measured.
        "conversations-tuning-10.jsonl",
        # From the article alone by a helper who never ran the bot, before session 13 measured.
        "conversations-tuning-11.jsonl",
        # From the article alone by a helper who never ran the bot, before session 14 measured.
        "conversations-tuning-12.jsonl",
        # From the article alone by a helper who never ran the bot, before session 15 measured.
        "conversations-tuning-13.jsonl",
        # From the article alone by a helper who never ran the bot, before session 16 measured.
        "conversations-tuning-14.jsonl",
        # From the article alone by a helper who never ran the bot, before session 17 measured.
        "conversations-tuning-15.jsonl",
        # From the article alone by a helper who never ran the bot, before session 18 measured.
        "conversations-tuning-16.jsonl",
        # From the article alone by a helper who never ran the bot, before session 19 measured.
        "conversations-tuning-17.jsonl",
        # From the article alone by a helper who never ran the bot, before session 20 measured.
        "conversations-tuning-18.jsonl",
        # From the article alone by a helper who never ran the bot, before session 21 measured.
        "conversations-tuning-19.jsonl",
        # From the article alone by a helper who never ran the bot, before session 22 measured.
        "conversations-tuning-20.jsonl",
        # From the article alone by a helper who never ran the bot, before session 23 measured.
        "conversations-tuning-21.jsonl",
        # From the article alone by a helper who never ran the bot, before session 24 measured.
        "conversations-tuning-22.jsonl",
        # From the article alone by a helper who never ran the bot, before session 25 measured.
        "conversations-tuning-23.jsonl",
        # From the article alone by a helper who never ran the bot, before session 26 measured.
        "conversations-tuning-24.jsonl",
        # From the article alone by a helper who never ran the bot, before session 27 measured.
        "conversations-tuning-25.jsonl",
        # From the article alone by a helper who never ran the bot, before session 28 measured.
        "conversations-tuning-26.jsonl",
        # From the article alone by a helper who never ran the bot, before session 29 measured.
        "conversations-tuning-27.jsonl",
        # From the article alone by a helper who never ran the bot, before session 30 measured.
        "conversations-tuning-28.jsonl",
        # From the article alone by a helper who never ran the bot, before session 31 measured.
        "conversations-tuning-29.jsonl",
        # Small talk and questions opening or closing like it (session 17), written blind: last,
        # so no other set's figure can move with it (`small_talk_figures`).
        "smalltalk-tuning.jsonl",
        # More of the same written blind before session 18 measured: last too, for the same reason.
        "smalltalk-tuning-2.jsonl",
        # More of the same written blind before session 19 measured: last too, for the same reason.
        "smalltalk-tuning-3.jsonl",
        # More of the same written blind before session 20 measured: last too, for the same reason.
        "smalltalk-tuning-4.jsonl",
        # More of the same written blind before session 21 measured: last too, for the same reason.
        "smalltalk-tuning-5.jsonl",
        # More of the same written blind before session 22 measured: last too, for the same reason.
        "smalltalk-tuning-6.jsonl",
        # More of the same written blind before session 23 measured: last too, for the same reason.
        "smalltalk-tuning-7.jsonl",
        # More of the same written blind before session 24 measured: last too, for the same reason.
        "smalltalk-tuning-8.jsonl",
        # More of the same written blind before session 25 measured: last too, for the same reason.
        "smalltalk-tuning-9.jsonl",
        # More of the same written blind before session 26 measured: last too, for the same reason.
        "smalltalk-tuning-10.jsonl",
        # More of the same written blind before session 27 measured: last too, for the same reason.
        "smalltalk-tuning-11.jsonl",
        # More of the same written blind before session 28 measured: last too, for the same reason.
        "smalltalk-tuning-12.jsonl",
        # More of the same written blind before session 29 measured: last too, for the same reason.
        "smalltalk-tuning-13.jsonl",
        # More of the same written blind before session 30 measured: last too, for the same reason.
        "smalltalk-tuning-14.jsonl",
        # More of the same written blind before session 31 measured: last too, for the same reason.
        "smalltalk-tuning-15.jsonl",
    ],
    "held-out": [
        "shipped-questions-holdout.jsonl",
        "quality-holdout.jsonl",
        "conversations-holdout.jsonl",
    ],
    # Written for the follow-up and near-domain round, committed before any measuring.
    "held-out-2": ["quality-holdout-2.jsonl", "conversations-holdout-2.jsonl"],
    # Written from the article alone by a helper who does not tune, committed before any measuring.
    "held-out-3": ["quality-holdout-3.jsonl", "conversations-holdout-3.jsonl"],
    # Written from the article alone by a helper who tunes nothing, before session 7 measured.
    "held-out-4": ["quality-holdout-4.jsonl", "conversations-holdout-4.jsonl"],
    # Written from the article alone by a helper who never ran the bot, before session 8 measured.
    "held-out-5": ["quality-holdout-5.jsonl", "conversations-holdout-5.jsonl"],
    # Written from the article alone by a helper who never ran the bot, before session 9 measured.
    "held-out-6": ["quality-holdout-6.jsonl", "conversations-holdout-6.jsonl"],
    # Written from the article alone by a helper who never ran the bot, before session 10 measured.
    "held-out-7": ["quality-holdout-7.jsonl", "conversations-holdout-7.jsonl"],
    # offtopic-holdout: off-topic questions written blind in session 11, after the thread rules
    # were chosen: their check.
    # Written from the article alone by a helper who never ran the bot, before session 11 measured.
    "held-out-8": [
        "offtopic-holdout.jsonl",
        "quality-holdout-8.jsonl",
        "conversations-holdout-8.jsonl",
    ],
    # Written from the article alone by a helper who never ran the bot, before session 12 measured.
    "held-out-9": [
        "offtopic-holdout-2.jsonl",
        "quality-holdout-9.jsonl",
        "conversations-holdout-9.jsonl",
    ],
    # Written from the article alone by a helper who never ran the bot, before session 13 measured.
    "held-out-10": [
        "offtopic-holdout-3.jsonl",
        "quality-holdout-10.jsonl",
        "conversations-holdout-10.jsonl",
    ],
    # Written from the article alone by a helper who never ran the bot, before session 14 measured.
    "held-out-11": [
        "offtopic-holdout-4.jsonl",
        "quality-holdout-11.jsonl",
        "conversations-holdout-11.jsonl",
    ],
    # Written from the article alone by a helper who never ran the bot, before session 15 measured.
    "held-out-12": [
        "offtopic-holdout-5.jsonl",
        "quality-holdout-12.jsonl",
        "conversations-holdout-12.jsonl",
    ],
    # Written from the article alone by a helper who never ran the bot, before session 16 measured.
    "held-out-13": [
        "offtopic-holdout-6.jsonl",
        "quality-holdout-13.jsonl",
        "conversations-holdout-13.jsonl",
    ],
    # Written from the article alone by a helper who never ran the bot, before session 17 measured.
    "held-out-14": [
        "offtopic-holdout-7.jsonl",
        "quality-holdout-14.jsonl",
        "conversations-holdout-14.jsonl",
        "smalltalk-holdout.jsonl",
    ],
    # Written from the article alone by a helper who never ran the bot, before session 18 measured.
    "held-out-15": [
        "offtopic-holdout-8.jsonl",
        "quality-holdout-15.jsonl",
        "conversations-holdout-15.jsonl",
        "smalltalk-holdout-2.jsonl",
    ],
    # Written from the article alone by a helper who never ran the bot, before session 19 measured.
    "held-out-16": [
        "offtopic-holdout-9.jsonl",
        "quality-holdout-16.jsonl",
        "conversations-holdout-16.jsonl",
        "smalltalk-holdout-3.jsonl",
    ],
    # Written from the article alone by a helper who never ran the bot, before session 20 measured.
    "held-out-17": [
        "offtopic-holdout-10.jsonl",
        "quality-holdout-17.jsonl",
        "conversations-holdout-17.jsonl",
        "smalltalk-holdout-4.jsonl",
    ],
    # Written from the article alone by a helper who never ran the bot, before session 21 measured.
    "held-out-18": [
        "offtopic-holdout-11.jsonl",
        "quality-holdout-18.jsonl",
        "conversations-holdout-18.jsonl",
        "smalltalk-holdout-5.jsonl",
    ],
    # Written from the article alone by a helper who never ran the bot, before session 22 measured.
    "held-out-19": [
        "offtopic-holdout-12.jsonl",
        "quality-holdout-19.jsonl",
        "conversations-holdout-19.jsonl",
        "smalltalk-holdout-6.jsonl",
    ],
    # Written from the article alone by a helper who never ran the bot, before session 23 measured.
    "held-out-20": [
        "offtopic-holdout-13.jsonl",
        "quality-holdout-20.jsonl",
        "conversations-holdout-20.jsonl",
        "smalltalk-holdout-7.jsonl",
    ],
    # Written from the article alone by a helper who never ran the bot, before session 24 measured.
    "held-out-21": [
        "offtopic-holdout-14.jsonl",
        "quality-holdout-21.jsonl",
        "conversations-holdout-21.jsonl",
        "smalltalk-holdout-8.jsonl",
    ],
    # Written from the article alone by a helper who never ran the bot, before session 25 measured.
    "held-out-22": [
        "offtopic-holdout-15.jsonl",
        "quality-holdout-22.jsonl",
        "conversations-holdout-22.jsonl",
        "smalltalk-holdout-9.jsonl",
    ],
    # Written from the article alone by a helper who never ran the bot, before session 26 measured.
    "held-out-23": [
        "offtopic-holdout-16.jsonl",
        "quality-holdout-23.jsonl",
        "conversations-holdout-23.jsonl",
        "smalltalk-holdout-10.jsonl",
    ],
    # Written from the article alone by a helper who never ran the bot, before session 27 measured.
    "held-out-24": [
        "offtopic-holdout-17.jsonl",
        "quality-holdout-24.jsonl",
        "conversations-holdout-24.jsonl",
        "smalltalk-holdout-11.jsonl",
    ],
    # Written from the article alone by a helper who never ran the bot, before session 28 measured.
    "held-out-25": [
        "offtopic-holdout-18.jsonl",
        "quality-holdout-25.jsonl",
        "conversations-holdout-25.jsonl",
        "smalltalk-holdout-12.jsonl",
    ],
    # Written from the article alone by a helper who never ran the bot, before session 29 measured.
    "held-out-26": [
        "offtopic-holdout-19.jsonl",
        "quality-holdout-26.jsonl",
        "conversations-holdout-26.jsonl",
        "smalltalk-holdout-13.jsonl",
    ],
    # Written from the article alone by a helper who never ran the bot, before session 30 measured.
    "held-out-27": [
        "offtopic-holdout-20.jsonl",
        "quality-holdout-27.jsonl",
        "conversations-holdout-27.jsonl",
        "smalltalk-holdout-14.jsonl",
    ],
    # Written from the article alone by a helper who never ran the bot, before session 31 measured.
    "held-out-28": [
        "offtopic-holdout-21.jsonl",
        "quality-holdout-28.jsonl",
        "conversations-holdout-28.jsonl",
        "smalltalk-holdout-15.jsonl",
    ],
}


# Session 9's follow-up ranking rules as `--follow-up-ranking on` sets them.
SESSION_9_NEXT_PRIOR = 1.0
SESSION_9_SENTENCE_AFTER = 0.1
# Session 14's off-context cosine as `--follow-ups-14 offctx` sets it (OFF_CONTEXT_MATCH).
SESSION_14_OFF_CONTEXT = 0.05
# Session 15's fragment cosine gap as `--follow-ups-15 gap` sets it (FRAGMENT_OWN_WORDS_GAP).
SESSION_15_OWN_WORDS_GAP = 0.1
# Session 10's word rules as `--follow-up-words on` sets them (bot.conversation.FOLLOW_UP_RULES).
SESSION_10_WORDS = ("contractions", "function-words", "subject", "definite", "compare")


@dataclass(frozen=True)
class Bench:
    """What a switch sets besides the bot's module globals: the measured service's retriever, and
    the late interaction `--late-interaction on` gives it back."""

    retriever: Retriever
    late: LateInteraction


def set_short_late(short_late: str, bench: Bench) -> str:
    terms_text, _, weight_text = short_late.partition(":")
    off = short_late == "off"
    bot.retrieval.SHORT_QUESTION_TERMS = 0 if off else int(terms_text)
    if not off:
        bot.retrieval.SHORT_ANSWER_LATE_WEIGHT = float(weight_text)
    return f"=== a short question's re-ranking, terms:weight {short_late}"


def set_quote_choice(quote_choice: str, bench: Bench) -> str:
    surface, _, maxsim = quote_choice.partition(":")
    bot.answer.QUOTE_MAXSIM_WEIGHT = None if quote_choice == "all" else float(maxsim)
    bot.answer.QUOTE_SURFACE_WEIGHT = 0.0 if quote_choice == "all" else float(surface)
    return f"=== the quoted sentence chosen by {quote_choice} (surface:maxsim)"


def set_near_13(near_13: str, bench: Bench) -> str:
    rules = set(near_13.split("+"))
    bot.question_kind.DOLLAR_SIGN_ASKS = "dollar" in rules
    bot.question_kind.ROLE_ANYWHERE = "role" in rules
    bot.question_kind.NUMBER_NOUN_MODIFIERS = "numbers" in rules
    return f"=== near-domain rules (session 13): {near_13}"


def set_agree_words(agree_words: str, bench: Bench) -> str:
    bot.follow_up.AGREE_OWN_WORDS = agree_words == "on"
    return f"=== 'agree' only on a passage holding the question's words (session 14): {agree_words}"


def set_unsaid_15(unsaid_15: str, bench: Bench) -> str:
    rules = set(unsaid_15.split("+"))
    bot.off_topic.PERSON_NEVER_NAMED = "person" in rules
    bot.small_talk.CLOSING_REMARK = "closing" in rules
    bot.question_kind.NUMBER_NOUN_THREE_MODIFIERS = "share" in rules
    bot.question_kind.PARTITIVE_NOT_COUNT = "partitive" in rules
    bot.off_topic.INDEFINITE_DEFINITION = "definition" in rules
    return f"=== questions the sources do not answer (session 15): {unsaid_15}"


def set_unsaid_16(unsaid_16: str, bench: Bench) -> str:
    rules = set(unsaid_16.split("+"))
    bot.question_kind.RATE_ASKS_NUMBER = "rate" in rules
    bot.question_kind.OWN_FIGURES_NO_ANSWER = "own" in rules
    bot.unsaid.WHICH_UNIDENTIFIED = "which" in rules
    bot.off_topic.PERSON_AS_SUBJECT = "subject" in rules
    bot.unsaid.TELL_ME_UNKNOWN = "tell" in rules
    return f"=== questions the sources do not answer (session 16): {unsaid_16}"


def set_unsaid_17(unsaid_17: str, bench: Bench) -> str:
    rules = set(unsaid_17.split("+"))
    bot.question_kind.UNITS_ASKED = "units" in rules
    bot.question_kind.QUESTION_BEFORE_REMARK = "remark" in rules
    weak = {"weak": 2, "weak3": 3}
    if rules & set(weak):
        bot.token_evidence.WEAK_MATCH = bot.token_evidence.WEAK_UNKNOWN_MATCH
        bot.token_evidence.WEAK_UNKNOWN_AT_LEAST = max(weak[r] for r in rules & set(weak))
    bot.token_evidence.WEAK_UNKNOWN_ONLY = bool(rules & set(weak))
    return f"=== questions the sources do not answer (session 17): {unsaid_17}"


def set_unsaid_17b(unsaid_17b: str, bench: Bench) -> str:
    bot.unsaid.RARE_NAME_PREDICATE = unsaid_17b == "on"
    return f"=== a rare name's predicate (session 17): {unsaid_17b}"


def set_off_topic_18(off_topic_18: str, bench: Bench) -> str:
    rules = dict(r.partition("=")[::2] for r in off_topic_18.split("+"))
    gap, _, unknown = rules.get("sense", "").partition(":")
    bot.off_topic.NAME_SENSE_GAP = float(gap) if gap else None
    if unknown:
        bot.off_topic.NAME_SENSE_UNKNOWN = int(unknown)
    form = rules.get("form")
    bot.off_topic.OTHER_FORM_MATCH = float(form) if form else None
    return f"=== off-topic questions (session 18): {off_topic_18}"


def set_unsaid_18(unsaid_18: str, bench: Bench) -> str:
    on = unsaid_18 != "off"
    bot.token_evidence.WEAK_MATCH = bot.token_evidence.WEAK_UNKNOWN_MATCH if on else None
    bot.token_evidence.WEAK_UNKNOWN_AT_LEAST = 2
    bot.token_evidence.WEAK_UNKNOWN_ONLY = on
    z = unsaid_18.removeprefix("z")
    bot.token_evidence.WEAK_UNANSWERED_Z = float(z) if unsaid_18.startswith("z") else None
    return f"=== weak words the quote does not answer (session 18): {unsaid_18}"


def set_unsaid_18b(unsaid_18b: str, bench: Bench) -> str:
    bot.unsaid.NAMED_PARTICULAR = unsaid_18b == "on"
    return f"=== a particular the sources do not name (session 18): {unsaid_18b}"


def set_unsaid_19(unsaid_19: str, bench: Bench) -> str:
    rules = set(unsaid_19.split("+"))
    if "on" in rules:
        rules = {"said", "much", "hedge", "statement", "town", "abbr", "range"}
    bot.unsaid.WORDS_ASKED = "said" in rules
    bot.question_kind.HOW_MUCH_OF_A_THING = "much" in rules
    bot.question_kind.HEDGED_KIND = "hedge" in rules
    bot.question_kind.WH_AFTER_STATEMENT = "statement" in rules
    bot.question_kind.SETTLEMENT_ASKS = "town" in rules
    bot.question_kind.UNIT_ABBREVIATIONS = "abbr" in rules
    bot.unsaid.PEERS_IN_A_RANGE = "range" in rules
    return f"=== kinds and words the sources do not give (session 19): {unsaid_19}"


def set_unsaid_20(unsaid_20: str, bench: Bench) -> str:
    rules = set(unsaid_20.split("+"))
    if "on" in rules:
        rules = {"acronym", "percent", "designation"}
    bot.unsaid.ACRONYM_AS_WORD = "acronym" in rules
    bot.question_kind.PERCENT_ASKED = "percent" in rules
    bot.unsaid.DESIGNATION_UNKNOWN = "designation" in rules
    return f"=== session 20's near-domain labels: {unsaid_20}"


def set_unsaid_21(unsaid_21: str, bench: Bench) -> str:
    rules = set(unsaid_21.split("+"))
    if "on" in rules:
        rules = {"formula", "written"}
    bot.unsaid.FORMULAS_NOT_DESIGNATIONS = "formula" in rules
    bot.question_kind.UNIT_ABBREVIATIONS_WRITTEN = "written" in rules
    return f"=== session 21's near-domain mends: {unsaid_21}"


def set_unsaid_22(unsaid_22: str, bench: Bench) -> str:
    rules = set(unsaid_22.split("+"))
    if "on" in rules:
        rules = {"quantity", "money", "trading", "time", "approx"}
    bot.question_kind.QUANTITY_NOUN_ASKS = "quantity" in rules
    bot.question_kind.MONEY_NOUNS_22 = "money" in rules
    bot.question_kind.IN_CHARGE_ASKS_PERSON = "charge" in rules
    bot.question_kind.PAID_FOR_ASKS_AMOUNT = "paid" in rules
    bot.question_kind.TRADING_AT_ASKS_AMOUNT = "trading" in rules
    bot.question_kind.FRAGMENT_TIME_ADVERBS = "time" in rules
    bot.question_kind.APPROXIMATE_KIND = "approx" in rules
    bot.question_kind.ROLE_NOUN_ASKS_PERSON = "role" in rules
    return f"=== session 22's kinds asked in other words: {unsaid_22}"


def set_unsaid_23(unsaid_23: str, bench: Bench) -> str:
    rules = set(unsaid_23.split("+"))
    if "on" in rules:
        rules = {"town", "money", "running", "sprint", "stake", "possessive", "compared"}
        rules |= {"price", "range", "occupation"}
    bot.question_kind.SETTLEMENT_ASKS = "town" in rules
    bot.question_kind.MONEY_AFTER_HOW_MUCH = "money" in rules
    bot.question_kind.ROLE_PROGRESSIVE = "running" in rules
    bot.question_kind.SPRINT_ASKS_TIME = "sprint" in rules
    bot.question_kind.PAID_FOR_A_STAKE = "stake" in rules
    bot.question_kind.S_APOSTROPHE_POSSESSIVE = "possessive" in rules
    bot.question_kind.PRICE_IDIOMS = "price" in rules
    bot.question_kind.RANGE_FRAGMENT = "range" in rules
    bot.question_kind.ROLE_PERSON_NOUN = "occupation" in rules
    bot.unsaid.COMPARED_DOERS = "compared" in rules
    return f"=== session 23's near-domain readings: {unsaid_23}"


def set_unsaid_24(unsaid_24: str, bench: Bench) -> str:
    rules = set(unsaid_24.split("+"))
    if "on" in rules:
        rules = {"region", "into", "stated", "and"}
    bot.unwritten_things.UNWRITTEN_REGION = "region" in rules
    bot.unwritten_things.HOW_MUCH_UNWRITTEN = "much" in rules
    bot.unwritten_things.HAS_A_THING = "has" in rules
    bot.question_kind.HOW_MUCH_GOES_INTO = "into" in rules
    bot.question_kind.FRAGMENT_NOT_STATED = "stated" in rules
    bot.question_kind.CHAT_ROLE_ASKS_PERSON = "boss" in rules
    bot.question_kind.AND_CLAUSE_KIND = "and" in rules
    return f"=== session 24's near-domain readings: {unsaid_24}"


def set_unsaid_25(unsaid_25: str, bench: Bench) -> str:
    rules = set(unsaid_25.split("+"))
    if "on" in rules:
        rules = {"opener", "judged", "size", "date", "number", "pls", "share", "measure", "view"}
    bot.question_kind.CHAT_OPENERS_25 = "opener" in rules
    bot.unsaid.JUDGING_NOUNS_25 = "judged" in rules
    bot.question_kind.TEAM_SIZE_25 = "size" in rules
    bot.question_kind.DATE_NOUNS_25 = "date" in rules
    bot.question_kind.FRAGMENT_NUMBER_25 = "number" in rules
    bot.question_kind.FRAGMENT_CHAT_AFTER_25 = "pls" in rules
    bot.question_kind.OWNED_SHARE_25 = "share" in rules
    bot.unsaid.PERSON_MEASURE_25 = "measure" in rules
    bot.unsaid.VIEW_ASKED_25 = "view" in rules
    bot.question_kind.WHATS_25 = "whats" in rules
    return f"=== session 25's near-domain readings: {unsaid_25}"


def set_unsaid_26(unsaid_26: str, bench: Bench) -> str:
    rules = set(unsaid_26.split("+"))
    if "on" in rules:
        rules = {"earn", "weigh", "leading", "plan", "names", "counted", "judged"}
    bot.question_kind.EARNED_AMOUNT_26 = "earn" in rules
    bot.question_kind.WEIGHED_NUMBER_26 = "weigh" in rules
    bot.question_kind.LEADING_A_BODY_26 = "leading" in rules
    bot.unsaid.INTENT_NOUNS_26 = "plan" in rules
    bot.lower_case_names.LOWER_CASE_NAMES_26 = "names" in rules
    bot.unsaid.FOCUS_COUNTED_26 = "counted" in rules
    bot.unsaid.FOCUS_JUDGED_26 = "judged" in rules
    return f"=== session 26's near-domain readings: {unsaid_26}"


def set_unsaid_27(unsaid_27: str, bench: Bench) -> str:
    rules = set(unsaid_27.split("+"))
    if "on" in rules:
        rules = {"place", "listed", "other", "roles", "hedge", "measures", "people", "quote"}
        rules |= {"headings", "fragment"}
    lifted: set[bot.question_kind.Kind] = {"place"} if "place" in rules else set()
    if "named" in rules:
        lifted |= {"place", "person", "organisation"}
    bot.question_kind.LIFTED_KINDS_27 = frozenset(lifted)
    bot.question_kind.LISTED_COUNT_27 = "listed" in rules
    bot.token_evidence.PREDICATE_IN_OTHER_WORDS_27 = "other" in rules
    bot.lower_case_names.LOWER_CASE_ROLES_27 = "roles" in rules
    bot.question_kind.HEDGED_HOW_27 = "hedge" in rules
    bot.question_kind.FRAGMENT_MEASURES_27 = "measures" in rules
    bot.unsaid.PEOPLE_NAME_NO_THING_27 = "people" in rules
    bot.unsaid.QUOTE_ASKED_27 = "quote" in rules
    bot.unsaid.HEADINGS_SAY_27 = "headings" in rules
    bot.unsaid.NAME_FRAGMENT_27 = "fragment" in rules
    return f"=== session 27's near-domain readings: {unsaid_27}"


def set_unsaid_28(unsaid_28: str, bench: Bench) -> str:
    rules = set(unsaid_28.split("+"))
    if "on" in rules:
        rules = {"dealings", "percent", "range", "quoted", "claims", "richer"}
    bot.question_kind.LEADING_DEALINGS_28 = "dealings" in rules
    bot.question_kind.AS_A_PERCENT_28 = "percent" in rules
    bot.question_kind.HOW_MUCH_MEASURE_28 = "range" in rules
    bot.unsaid.WHO_IS_QUOTED_28 = "quoted" in rules
    bot.unsaid.UNWRITTEN_CLAIM_VERB_28 = "claims" in rules
    bot.unsaid.MEASURE_CHOICE_28 = "richer" in rules
    return f"=== session 28's near-domain readings: {unsaid_28}"


def set_unsaid_29(unsaid_29: str, bench: Bench) -> str:
    rules = set(unsaid_29.split("+"))
    if "on" in rules:
        rules = {"spending", "leader", "claims", "address", "stake", "hired", "figurative"}
        rules |= {"airports", "choice", "made"}
    bot.question_kind.SPENDING_AMOUNT_29 = "spending" in rules
    bot.question_kind.MARKET_LEADER_29 = "leader" in rules
    bot.question_kind.ADDRESS_PLACE_29 = "address" in rules
    bot.question_kind.STAKE_NUMBER_29 = "stake" in rules
    bot.question_kind.HIRED_PERSON_29 = "hired" in rules
    bot.question_kind.FIGURATIVE_WHERE_29 = "figurative" in rules
    bot.question_kind.AIRPORTS_29 = "airports" in rules
    bot.unsaid.UNWRITTEN_CHOICE_29 = "choice" in rules
    bot.unsaid.MADE_THING_UNWRITTEN_29 = "made" in rules
    bot.unsaid.PLAIN_CLAIM_ON_A_NAME_29 = "claims" in rules
    return f"=== session 29's near-domain readings: {unsaid_29}"


def set_unsaid_30(unsaid_30: str, bench: Bench) -> str:
    rules = set(unsaid_30.split("+"))
    if "on" in rules:
        rules = {"fraction", "countries", "plan", "regions"}
    bot.question_kind.FRACTION_NUMBER_30 = "fraction" in rules
    bot.question_kind.COUNTRIES_BY_CONTINENT_30 = "countries" in rules
    bot.unsaid.INTENT_NARROWED_WRITTEN_30 = "plan" in rules
    bot.lookups.REGIONS_BY_KIND_30 = "regions" in rules
    return f"=== session 30's near-domain readings: {unsaid_30}"


def set_unsaid_31(unsaid_31: str, bench: Bench) -> str:
    rules = set(unsaid_31.split("+"))
    if "on" in rules:
        rules = {"finer", "exact", "putting", "number", "like", "degree"}
    bot.question_kind.FINER_PLACE_31 = "finer" in rules
    bot.question_kind.EXACTLY_HOW_31 = "exact" in rules
    bot.question_kind.PUT_INTO_AMOUNT_31 = "putting" in rules
    bot.question_kind.NUMBER_OF_31 = "number" in rules
    bot.question_kind.CHAT_LIKE_31 = "like" in rules
    bot.source_terms.HOW_DEGREE_GRAMMAR_31 = "degree" in rules
    return f"=== session 31's near-domain readings: {unsaid_31}"


def set_quote_spread(quote_spread: str, bench: Bench) -> str:
    weight, _, floor = quote_spread.partition(":")
    bot.answer.QUOTE_SPREAD_WEIGHT = 0.0 if quote_spread == "off" else float(weight)
    if floor:
        bot.answer.QUOTE_SPREAD_FLOOR = float(floor)
    return f"=== the quote's tokens among the cited sentences (session 15): {quote_spread}"


def set_citation_diversity(citation_diversity: str, bench: Bench) -> str:
    mu, _, depth = citation_diversity.partition(":")
    bot.retrieval.CITATION_DIVERSITY = 0.0 if citation_diversity == "off" else float(mu)
    if depth:
        bot.retrieval.CITATION_DIVERSITY_DEPTH = int(depth)
    return f"=== citations chosen for diversity (session 16): {citation_diversity}"


def set_how_to(how_to: str, bench: Bench) -> str:
    bot.unsaid.HOW_TO_VERB = how_to == "on"
    return f"=== a how-to question's verb the quote never uses labels it (session 14): {how_to}"


def set_place_weight(place_weight: float, bench: Bench) -> str:
    bot.answer.PLACE_WEIGHT = place_weight
    return f"=== a question asked alone: place weight {place_weight}"


def set_place_lead(place_lead: str, bench: Bench) -> str:
    units, _, lead_text = place_lead.rpartition(":")
    bot.answer.PLACE_LEAD_UNITS = units or "fused"
    bot.answer.PLACE_LEAD = float(lead_text)
    return f"=== the place weight only from a first passage's lead of {place_lead}"


def set_place_both(place_both: str, bench: Bench) -> str:
    bot.answer.PLACE_OUTCOME_ON_BOTH = place_both == "on"
    return f"=== the outcome judged on the quote without the weight too: {place_both}"


def set_first_margin(first_margin: float, bench: Bench) -> str:
    bot.answer.FIRST_PASSAGE_MARGIN = first_margin
    return f"=== the first-ranked passage's sentence within a margin of {first_margin}"


def set_answer_late(answer_late: str, bench: Bench) -> str:
    depth_text, _, weight_text = answer_late.partition(":")
    bot.retrieval.ANSWER_LATE_DEPTH = int(depth_text)
    bot.retrieval.ANSWER_LATE_WEIGHT = float(weight_text)
    return f"=== the answer's re-ranking depth:weight {answer_late}"


def set_outcome_both(outcome_both: str, bench: Bench) -> str:
    bot.retrieval.OUTCOME_ON_BOTH_RANKINGS = outcome_both == "on"
    return f"=== the outcome judged on the re-ranking before too: {outcome_both}"


def set_kind_of_referents(kind_of_referents: str, bench: Bench) -> str:
    bot.conversation.KIND_OF_REFERENTS = kind_of_referents == "on"
    return f"=== 'what type of company?' points at the answer's names: {kind_of_referents}"


def set_answer_words_evidence(answer_words_evidence: str, bench: Bench) -> str:
    bot.follow_up.ANSWER_WORDS_EVIDENCE = answer_words_evidence == "on"
    return f"=== the answer before's words as evidence: {answer_words_evidence}"


def set_follow_ups_14(follow_ups_14: str, bench: Bench) -> str:
    rules = set(follow_ups_14.split("+"))
    bot.follow_up.LOWERCASE_NAMES = "lower" in rules
    bot.follow_up.OFF_CONTEXT_MATCH = SESSION_14_OFF_CONTEXT if "offctx" in rules else None
    bot.conversation.THOSE_ANY_PLURAL = "those" in rules
    return f"=== session 14's follow-up rules: {follow_ups_14}"


def set_follow_ups_15(follow_ups_15: str, bench: Bench) -> str:
    rules = set(follow_ups_15.split("+"))
    bot.follow_up.SHARED_FIRST_QUOTED = "shared" in rules
    bot.conversation.OWN_OF_PHRASE = "of" in rules
    bot.follow_up.FRAGMENT_OWN_WORDS_GAP = SESSION_15_OWN_WORDS_GAP if "gap" in rules else None
    return f"=== session 15's follow-up rules: {follow_ups_15}"


def set_literal_phrase(literal_phrase: str, bench: Bench) -> str:
    rules = () if literal_phrase == "off" else literal_phrase.split("+")
    bot.follow_up.LITERAL_PHRASE = frozenset(rules)
    return f"=== a phrase of the question written word for word passes the floor: {literal_phrase}"


def set_follow_ups_16(follow_ups_16: str, bench: Bench) -> str:
    rules = set(follow_ups_16.split("+"))
    bot.conversation.SAME_AS_BEFORE = "same" in rules
    bot.answer.WHY_ANTECEDENT = "why" in rules
    return f"=== session 16's follow-up rules: {follow_ups_16}"


def set_follow_ups_17(follow_ups_17: str, bench: Bench) -> str:
    rules = set(follow_ups_17.split("+"))
    bot.follow_up.RANK_AGREEMENT = "ranks" in rules
    bot.follow_up.BORROWED_COVERAGE = "borrowed" in rules
    bot.conversation.HOW_DEGREE = "how" in rules
    return f"=== session 17's follow-up rules: {follow_ups_17}"


def set_follow_ups_17b(follow_ups_17b: str, bench: Bench) -> str:
    rules = set(follow_ups_17b.split("+"))
    bot.conversation.TOPIC_LABEL = "label" in rules
    return f"=== session 17b's follow-up rules: {follow_ups_17b}"


def set_follow_ups_18(follow_ups_18: str, bench: Bench) -> str:
    rules = dict(r.partition("=")[::2] for r in follow_ups_18.split("+"))
    bot.follow_up.FOLLOW_UP_OWN_MAXSIM = float(rules.get("own") or 0.0)
    return f"=== session 18's follow-up rules: {follow_ups_18}"


def set_off_topic_19(off_topic_19: str, bench: Bench) -> str:
    rules = dict(r.partition("=")[::2] for r in off_topic_19.split("+"))
    bot.off_topic.NAME_AS_UNIT = "unit" in rules
    bot.off_topic.OTHER_SURNAME = "surname" in rules
    gap, _, unknown = rules.get("sense", "").partition(":")
    bot.off_topic.NAME_SENSE_GAP = float(gap) if gap else None
    if unknown:
        bot.off_topic.NAME_SENSE_UNKNOWN = int(unknown)
    return f"=== off-topic questions (session 19): {off_topic_19}"


def set_off_topic_20(off_topic_20: str, bench: Bench) -> str:
    rules = dict(r.partition("=")[::2] for r in off_topic_20.split("+"))
    bot.off_topic.OTHER_SURNAME = bot.off_topic.SURNAME_TYPOS = "surname" in rules
    bot.off_topic.ASKERS_OWN_UNKNOWN = int(rules.get("own") or 0)
    bot.off_topic.ASKERS_THING = "thing" in rules
    bot.off_topic.MODIFIER_BESIDE_PROSE = "prose" in rules
    bot.off_topic.UNIT_NAMED = "unitword" in rules
    bot.off_topic.ASKERS_LOW_COSINE = float(rules["weak"]) if rules.get("weak") else None
    return f"=== off-topic questions (session 20): {off_topic_20}"


def set_off_topic_21(off_topic_21: str, bench: Bench) -> str:
    rules = dict(r.partition("=")[::2] for r in off_topic_21.split("+"))
    bot.off_topic.SURNAME_CASE = "case" in rules
    bot.off_topic.ASKERS_PROSE_MATCH = float(rules["prose"]) if rules.get("prose") else None
    bot.off_topic.MODIFIER_PROSE_PULL = float(rules["river"]) if rules.get("river") else None
    return f"=== off-topic questions (session 21): {off_topic_21}"


def set_off_topic_22(off_topic_22: str, bench: Bench) -> str:
    rules = set(off_topic_22.split("+"))
    bot.off_topic.CHAT_AFTER_NAME = "chat" in rules
    bot.off_topic.ASKERS_NAMED_THING = "named" in rules
    bot.off_topic.NAME_COMPOUND = "compound" in rules
    return f"=== off-topic questions (session 22): {off_topic_22}"


def set_off_topic_23(off_topic_23: str, bench: Bench) -> str:
    rules = dict(r.partition("=")[::2] for r in off_topic_23.split("+"))
    gap, _, cosine = rules.get("sense", "").partition(":")
    bot.off_topic.NAME_SENSE_GAP = float(gap) if gap else None
    bot.off_topic.NAME_SENSE_LOW_COSINE = float(cosine) if cosine else None
    bot.off_topic.PERSON_ANYWHERE = "anywhere" in rules
    bot.off_topic.PERSON_JOINED = "joined" in rules
    bot.off_topic.PERSON_TYPOS = "typos" in rules
    bot.off_topic.RIVAL_NAMED = "rival" in rules
    return f"=== off-topic questions (session 23): {off_topic_23}"


def set_off_topic_24(off_topic_24: str, bench: Bench) -> str:
    rules = dict(r.partition("=")[::2] for r in off_topic_24.split("+"))
    bot.off_topic.CHAT_WORDS_NO_SURNAME = "chat" in rules
    bot.off_topic.POINTING_AFTER_CONTENT = "pointing" in rules
    bot.off_topic.RIVAL_AFTER_CASE = "case" in rules
    cosine, _, rest = rules.get("names", "").partition(":")
    unknown, _, foreign = rest.partition(":")
    bot.off_topic.NAMES_ONLY_WEAK = float(cosine) if cosine else None
    bot.off_topic.NAMES_ONLY_UNKNOWN = int(unknown) if unknown else 3
    bot.off_topic.NAMES_ONLY_FOREIGN = float(foreign) if foreign else None
    return f"=== off-topic questions (session 24): {off_topic_24}"


def set_off_topic_25(off_topic_25: str, bench: Bench) -> str:
    rules = set(off_topic_25.split("+"))
    bot.off_topic.NAME_CALLED_OTHER_KIND = "kind" in rules
    bot.off_topic.MEASURE_FORMS = "measure" in rules
    bot.off_topic.PERSON_ANYWHERE = "anywhere" in rules
    return f"=== off-topic questions (session 25): {off_topic_25}"


def set_off_topic_26(off_topic_26: str, bench: Bench) -> str:
    rules = dict(r.partition("=")[::2] for r in off_topic_26.split("+"))
    bot.off_topic.PLURAL_SUBJECT_WEAK = "plural" in rules
    bot.off_topic.RIVAL_NOT_SUBJECT = "subject" in rules
    bot.off_topic.NAMES_NOTHING_FOREIGN = "nothing" in rules
    bot.off_topic.NAMES_NOTHING_UNKNOWN = int(rules.get("nothing") or 4)
    bot.off_topic.COMPARED_FOREIGN = "versus" in rules
    return f"=== off-topic questions (session 26): {off_topic_26}"


def set_off_topic_27(off_topic_27: str, bench: Bench) -> str:
    rules = dict(r.partition("=")[::2] for r in off_topic_27.split("+"))
    weak, _, pull = rules.get("kind", "").partition(":")
    bot.off_topic.INDEFINITE_KIND_WEAK = float(weak or 0.4) if "kind" in rules else None
    bot.off_topic.INDEFINITE_KIND_PULL = float(pull or 0.05)
    weak, _, least = rules.get("pointing", "").partition(":")
    bot.off_topic.POINTING_FOREIGN_WEAK = float(weak or 0.22) if "pointing" in rules else None
    bot.off_topic.POINTING_FOREIGN_UNKNOWN = int(least or 3)
    return f"=== off-topic questions (session 27): {off_topic_27}"


def set_off_topic_28(off_topic_28: str, bench: Bench) -> str:
    rules = dict(r.partition("=")[::2] for r in off_topic_28.split("+"))
    weak, _, least = rules.get("own", "").partition(":")
    bot.off_topic.OWN_QUESTION_FOREIGN_WEAK = float(weak or 0.22) if "own" in rules else None
    bot.off_topic.OWN_QUESTION_FOREIGN_UNKNOWN = int(least or 2)
    bot.off_topic.UNIT_BEFORE_NOUN = "unit" in rules
    return f"=== off-topic questions (session 28): {off_topic_28}"


def set_off_topic_29(off_topic_29: str, bench: Bench) -> str:
    rules = dict(r.partition("=")[::2] for r in off_topic_29.split("+"))
    match = rules.get("compound")
    bot.off_topic.ASKERS_COMPOUND_MATCH = float(match or 0.7) if match is not None else None
    bot.off_topic.EXPLETIVE_IT = "it" in rules
    return f"=== off-topic questions (session 29): {off_topic_29}"


def set_off_topic_30(off_topic_30: str, bench: Bench) -> str:
    rules = dict(r.partition("=")[::2] for r in off_topic_30.split("+"))
    bot.off_topic.DUMMY_IT = "it" in rules
    match, _, cap = rules.get("sense", "").partition(":")
    bot.off_topic.MODIFIER_PROSE_MATCH = float(match or 0.6) if "sense" in rules else None
    bot.off_topic.PLURAL_SUBJECT_LOW_COSINE = float(cap or 0.4) if "sense" in rules else None
    bot.off_topic.ASKERS_HOW_TO = "howto" in rules
    return f"=== off-topic questions (session 30): {off_topic_30}"


def set_off_topic_31(off_topic_31: str, bench: Bench) -> str:
    rules = dict(r.partition("=")[::2] for r in off_topic_31.split("+"))
    bot.off_topic.COMPOUND_OTHER_READINGS = "noun" in rules
    bot.off_topic.ASKS_NOW = "now" in rules
    weak = rules.get("howto")
    bot.off_topic.ASKERS_HOW_TO_WEAK = float(weak or 0.33) if weak is not None else None
    bot.off_topic.INSTRUCTIONS_ASKED = "steps" in rules
    return f"=== off-topic questions (session 31): {off_topic_31}"


def set_follow_ups_19(follow_ups_19: str, bench: Bench) -> str:
    rules = set(follow_ups_19.split("+"))
    bot.follow_up.DEMONSTRATIVE_SUBJECT = "subject" in rules
    return f"=== session 19's follow-up rules: {follow_ups_19}"


def set_follow_ups_20(follow_ups_20: str, bench: Bench) -> str:
    rules = dict(r.partition("=")[::2] for r in follow_ups_20.split("+"))
    bot.follow_up.POINTED_AT = rules.get("pointed", "")
    return f"=== session 20's follow-up rules: {follow_ups_20}"


def set_follow_ups_21(follow_ups_21: str, bench: Bench) -> str:
    rules = set(follow_ups_21.split("+"))
    bot.conversation.ELLIPSIS = frozenset(rules & set(bot.conversation.ELLIPSIS_RULES))
    bot.conversation.SUBJECT_IT = "it" in rules
    return f"=== session 21's follow-up rules: {follow_ups_21}"


def set_follow_ups_22(follow_ups_22: str, bench: Bench) -> str:
    rules = set(follow_ups_22.split("+"))
    bot.conversation.IN_SITU = "insitu" in rules
    bot.conversation.OPENER_CONJUNCTION = "conj" in rules
    bot.follow_up.DEMONSTRATIVE_OVER_OWN_WORDS = "that" in rules
    return f"=== session 22's follow-up rules: {follow_ups_22}"


def set_follow_ups_23(follow_ups_23: str, bench: Bench) -> str:
    rules = set(follow_ups_23.split("+"))
    bot.conversation.TOPIC_FIRST = "first" in rules
    bot.conversation.COUNT_WORDS = "count" in rules
    bot.follow_up.DEMONSTRATIVE_OVER_OWN_WORDS = "that" in rules
    return f"=== session 23's follow-up rules: {follow_ups_23}"


def set_follow_ups_24(follow_ups_24: str, bench: Bench) -> str:
    rules = set(follow_ups_24.split("+"))
    bot.conversation.CHAT_WORDS = "chat" in rules
    bot.conversation.EXAMPLE_REQUEST = "example" in rules
    bot.follow_up.SAID_FOR_THE_QUESTION = "said" in rules
    bot.conversation.SUBJECT_PERSONAL = "he" in rules
    return f"=== session 24's follow-up rules: {follow_ups_24}"


def set_follow_ups_25(follow_ups_25: str, bench: Bench) -> str:
    rules = set(follow_ups_25.split("+"))
    bot.follow_up_kind.HOW_MUCH_BEFORE = "how-much" in rules
    bot.first_mention.FIRST_MENTION = "first" in rules
    bot.conversation.ASKED_NOUN = "asked" in rules
    bot.conversation.SUBJECT_THEY_YES_NO = "they" in rules
    return f"=== session 25's follow-up rules: {follow_ups_25}"


def set_follow_ups_26(follow_ups_26: str, bench: Bench) -> str:
    rules = set(follow_ups_26.split("+"))
    bot.conversation.ANYTHING_ON = "anything" in rules
    bot.conversation.ADDITIVE_TOO = "too" in rules
    bot.conversation.SOMEONE_ELSE = "else" in rules
    bot.follow_up_kind.EXCLUSION_UNASKED = "besides" in rules
    return f"=== session 26's follow-up rules: {follow_ups_26}"


def set_follow_ups_27(follow_ups_27: str, bench: Bench) -> str:
    rules = set(follow_ups_27.split("+"))
    bot.follow_up.FRAMING_NOUNS_UNHELD = "side" in rules
    bot.conversation.LIKE_WHAT = "like" in rules
    bot.conversation.OTHERS_POINT_BACK = "others" in rules
    return f"=== session 27's follow-up rules: {follow_ups_27}"


def set_follow_ups_28(follow_ups_28: str, bench: Bench) -> str:
    rules = set(follow_ups_28.split("+"))
    bot.conversation.UNFINISHED_KEEPS_CONTEXT = "unfinished" in rules
    bot.conversation.LABEL_SHORTHAND = "shorthand" in rules
    return f"=== session 28's follow-up rules: {follow_ups_28}"


def set_follow_ups_29(follow_ups_29: str, bench: Bench) -> str:
    rules = set(follow_ups_29.split("+"))
    bot.follow_up.LEAD_LENT_BY_AGREEMENT = "lent" in rules
    bot.conversation.ANY_ASKS_OF_THE_TOPIC = "any" in rules
    return f"=== session 29's follow-up rules: {follow_ups_29}"


def set_follow_ups_30(follow_ups_30: str, bench: Bench) -> str:
    rules = set(follow_ups_30.split("+"))
    bot.conversation.FOLLOW_UPS_30 = frozenset(bot.conversation.FOLLOW_UPS_30_RULES) & rules
    return f"=== session 30's follow-up rules: {follow_ups_30}"


def set_follow_ups_31(follow_ups_31: str, bench: Bench) -> str:
    rules = set(follow_ups_31.split("+"))
    bot.conversation.FOLLOW_UPS_31 = frozenset(bot.conversation.FOLLOW_UPS_31_RULES) & rules
    return f"=== session 31's follow-up rules: {follow_ups_31}"


def set_floor_18(floor_18: str, bench: Bench) -> str:
    rules = dict(r.partition("=")[::2] for r in floor_18.split("+"))
    most = rules.get("every")
    bot.source_terms.WRITES_EVERY_WORD = int(most) if most else None
    return f"=== session 18's short questions under the floor: {floor_18}"


def set_lead_21(lead_21: str, bench: Bench) -> str:
    rules = set(lead_21.split("+"))
    bot.source_terms.EVERY_WORD_STOPS = "stops" in rules
    bot.unsaid.MENTION_UNKNOWN = "mention" in rules
    bot.overview.OVERVIEW = "overview" in rules
    return f"=== session 21's lead rules: {lead_21}"


def set_lead_22(lead_22: str, bench: Bench) -> str:
    rules = set(lead_22.split("+"))
    bot.about_article.ABOUT_ARTICLE = "about" in rules
    bot.more.MORE = "more" in rules
    bot.service.UNSHOUTED = "caps" in rules
    bot.several_questions.SEVERAL_QUESTIONS = "several" in rules
    bot.asked_clause.EMBEDDED_QUESTION = "frame" in rules
    return f"=== session 22's lead rules: {lead_22}"


def set_talk_23(talk_23: str, bench: Bench) -> str:
    rules = set(talk_23.split("+"))
    bot.small_talk.STATE_OPENERS = "states" in rules
    bot.small_talk.GOODBYE_OPENERS = "goodbyes" in rules
    bot.small_talk.SPELLED_OPENERS = "spelled" in rules
    bot.small_talk.ANOTHER_ANNOUNCED = "another" in rules
    bot.small_talk.SINCERE_THANKS = "sincere" in rules
    bot.small_talk.STRETCHED_LETTERS = "stretched" in rules
    bot.small_talk.CHAT_FORMS_23 = "forms" in rules
    bot.small_talk.FILLER_OPENERS = "fillers" in rules
    return f"=== session 23's small-talk rules: {talk_23}"


def set_talk_24(talk_24: str, bench: Bench) -> str:
    rules = set(talk_24.split("+"))
    bot.small_talk.CHAT_FORMS_24 = "forms" in rules
    bot.small_talk.DISCOURSE_OPENERS = "discourse" in rules
    return f"=== session 24's small-talk rules: {talk_24}"


def set_talk_25(talk_25: str, bench: Bench) -> str:
    rules = set(talk_25.split("+"))
    bot.small_talk.CHAT_FORMS_25 = "forms" in rules
    bot.small_talk.BARE_REQUESTS_FIRST = "bare" in rules
    bot.small_talk.OPENERS_25 = "openers" in rules
    bot.small_talk.MORE_FORMS_25 = "more" in rules
    return f"=== session 25's small-talk rules: {talk_25}"


def set_talk_26(talk_26: str, bench: Bench) -> str:
    rules = set(talk_26.split("+"))
    bot.small_talk.CHAT_FORMS_26 = "forms" in rules
    bot.small_talk.MORE_FORMS_26 = "more" in rules
    bot.small_talk.MARKS_ALONE = "marks" in rules
    bot.small_talk.OPENERS_26 = "openers" in rules
    bot.unclear.UNCLEAR = "unclear" in rules
    return f"=== session 26's small-talk rules: {talk_26}"


def set_talk_27(talk_27: str, bench: Bench) -> str:
    rules = set(talk_27.split("+"))
    bot.small_talk.CHAT_FORMS_27 = "forms" in rules
    bot.small_talk.MORE_FORMS_27 = "more" in rules
    bot.unclear.WHAT_27 = "what" in rules
    bot.small_talk.OPENERS_27 = "openers" in rules
    return f"=== session 27's small-talk rules: {talk_27}"


def set_talk_28(talk_28: str, bench: Bench) -> str:
    rules = set(talk_28.split("+"))
    bot.question_ideas.IDEAS_28 = "ideas" in rules
    bot.oaths.OATHS_28 = "oaths" in rules
    bot.small_talk_forms.MORE_FORMS_28 = "more" in rules
    bot.small_talk_forms.CHAT_FORMS_28 = "forms" in rules
    bot.small_talk.OPENERS_28 = "openers" in rules
    bot.about_bot.LIMITS_28 = "limits" in rules
    return f"=== session 28's small-talk rules: {talk_28}"


def set_talk_29(talk_29: str, bench: Bench) -> str:
    rules = set(talk_29.split("+"))
    bot.small_talk_forms.CHAT_FORMS_29 = "forms" in rules
    bot.small_talk_forms.MORE_FORMS_29 = "more" in rules
    bot.small_talk.OPENERS_29 = "openers" in rules
    bot.chat.clean.MENTION_ALONE_29 = "mention" in rules
    bot.chat.runner.WORDLESS_NOTE_29 = "files" in rules
    return f"=== session 29's small-talk and chat rules: {talk_29}"


def set_talk_30(talk_30: str, bench: Bench) -> str:
    rules = set(talk_30.split("+"))
    bot.small_talk_forms.CHAT_FORMS_30 = "forms" in rules
    bot.small_talk_forms.IDEAS_30 = "ideas" in rules
    bot.small_talk.SOURCES_ASKED_30 = "sources" in rules
    bot.closing_asked.CLOSING_ASKED_30 = "closingasked" in rules
    bot.small_talk_forms.MORE_FORMS_30 = "more" in rules
    bot.small_talk.OPENERS_30 = "openers" in rules
    return f"=== session 30's small-talk rules: {talk_30}"


def set_talk_31(talk_31: str, bench: Bench) -> str:
    rules = set(talk_31.split("+"))
    bot.small_talk_forms.ABOUT_BOT_31 = "about" in rules
    bot.small_talk_forms.LANGUAGE_31 = "language" in rules
    bot.small_talk_forms.TASTE_31 = "taste" in rules
    bot.small_talk_forms.CHAT_FORMS_31 = "forms" in rules
    bot.small_talk_forms.MORE_FORMS_31 = "more" in rules
    bot.small_talk_forms.NAMES_31 = "names" in rules
    bot.small_talk_forms.SLANG_31 = "slang" in rules
    bot.small_talk_forms.VOCATIVE_31 = "vocative" in rules
    return f"=== session 31's small-talk rules: {talk_31}"


def set_lead_23(lead_23: str, bench: Bench) -> str:
    rules = set(lead_23.split("+"))
    bot.announced_list.ANNOUNCED_LIST = "list" in rules
    bot.sections.SECTIONS = "sections" in rules
    bot.more.REPEATS = "repeat" in rules
    bot.spelling.SPELLING = "spell" in rules
    bot.pointed.POINTED = "pointed" in rules
    bot.feedback.COMPLAINTS = bot.feedback.RETRACTIONS = "feedback" in rules
    return f"=== session 23's lead rules: {lead_23}"


def set_lead_24(lead_24: str, bench: Bench) -> str:
    rules = set(lead_24.split("+"))
    bot.more.SHORTER = "shorter" in rules
    bot.overview.TOUR = "tour" in rules
    bot.feedback.COMPLAINT_VOTES = "votes" in rules
    bot.language.OTHER_SCRIPTS = "script" in rules
    bot.antecedent.ANTECEDENT = "antecedent" in rules
    bot.spelling.APOSTROPHES = "apostrophes" in rules
    return f"=== session 24's lead rules: {lead_24}"


def set_lead_25(lead_25: str, bench: Bench) -> str:
    rules = set(lead_25.split("+"))
    bot.overview.PHRASINGS_25 = "phrasings" in rules
    bot.overview.VIEWS_25 = "views" in rules
    bot.asked_topic.TOPIC_REQUESTS = "topics" in rules
    bot.pointed.ORIGIN = "origin" in rules
    bot.feedback.COMPLAINT_FIRST = "complaint" in rules
    bot.sections.BY_PLACE = "places" in rules
    bot.about_article.FRESHNESS = "freshness" in rules
    bot.sections.WHICH_SECTION = "which" in rules
    return f"=== session 25's lead rules: {lead_25}"


def set_lead_26(lead_26: str, bench: Bench) -> str:
    rules = set(lead_26.split("+"))
    bot.more.SIMPLER_26 = "simpler" in rules
    bot.stance.STANCE_26 = "stance" in rules
    bot.overview.BIAS_26 = "bias" in rules
    bot.overview.PHRASINGS_26 = "facts" in rules
    bot.about_article.LENGTH_26 = "length" in rules
    bot.sections.ONE_ON_26 = "oneon" in rules
    bot.several_questions.NUMBERED_26 = "numbered" in rules
    bot.pointed.ORIGIN_26 = "cite" in rules
    bot.sections.NEXT_SECTION_26 = "next" in rules
    bot.more.NEXT_26 = "next" in rules
    bot.overview.INTRO_26 = "intro" in rules
    bot.asked_topic.MENTIONS_26 = "mentions" in rules
    bot.feedback.ASIDES_26 = "asides" in rules
    bot.more.BRIEFLY_26 = "briefly" in rules
    bot.spelling.REQUEST_TYPOS_26 = "typos" in rules
    return f"=== session 26's lead rules: {lead_26}"


def set_lead_27(lead_27: str, bench: Bench) -> str:
    rules = set(lead_27.split("+"))
    bot.more.BRIEFLY_27 = "briefly" in rules
    bot.overview.TONE_27 = "tone" in rules
    bot.overview.MATTERS_27 = "matters" in rules
    bot.about_article.TRUST_27 = "trust" in rules
    bot.pointed.POINTED_27 = "pointed" in rules
    bot.sections.ONE_ON_27 = "which" in rules
    bot.asked_topic.SEARCH_27 = "search" in rules
    bot.mention_count.MENTION_COUNT_27 = "count" in rules
    bot.pointed.NTH_LISTED_27 = "nth" in rules
    bot.acronym.ACRONYMS_27 = "acronym" in rules
    bot.feedback.RESET_27 = "reset" in rules
    bot.recall.RECALL_27 = "recall" in rules
    bot.preamble.PREAMBLE_27 = "intro" in rules
    bot.dates_named.DATES_27 = "dates" in rules
    bot.request_words.NAVIGATE_27 = "navigate" in rules
    bot.sections.PAST_THE_LAST_27 = "navigate" in rules
    bot.sections.SIZES_27 = "sizes" in rules
    bot.stance.WRITING_27 = "write" in rules
    bot.overview.PHRASINGS_27 = "phrasings" in rules
    bot.about_article.FULL_TEXT_27 = "full" in rules
    bot.pointed.SEVERAL_ITEMS_27 = "several" in rules
    bot.language.LATIN_LANGUAGES_27 = "languages" in rules
    bot.feedback.CORRECTIONS_27 = "corrections" in rules
    bot.pointed.ORIGIN_BEFORE_SOURCE_27 = "origin" in rules
    bot.recall.PREVIOUS_27 = "previous" in rules
    bot.feedback.COMPLAINTS_27 = "complaints" in rules
    return f"=== session 27's lead rules: {lead_27}"


def set_lead_28(lead_28: str, bench: Bench) -> str:
    rules = set(lead_28.split("+"))
    bot.more.READ_ON_28 = "readon" in rules
    bot.recall.RETURNS_28 = "returns" in rules
    bot.more.CONFIDENCE_28 = "confidence" in rules
    bot.about_article.CONFIDENCE_28 = "confidence" in rules
    bot.sections.TOPICS_28 = "topics" in rules
    bot.pointed.COUNTED_LIST_28 = "listcount" in rules
    bot.overview.PHRASINGS_28 = "phrasings" in rules
    bot.recall.CONVERSATION_28 = "conversation" in rules
    bot.asked_topic.SAID_BEFORE_28 = "saidbefore" in rules
    bot.more.SO_28 = "so" in rules
    bot.several_questions.SEMICOLON_28 = "semicolon" in rules
    bot.spelling.REQUEST_SHORTHAND_28 = "shorthand" in rules
    bot.sections.RELATIVE_28 = "relative" in rules
    bot.sections.STEPS_28 = "steps" in rules
    bot.names_mentioned.NAMES_MENTIONED_28 = "names" in rules
    bot.about_article.FRONT_MATTER_28 = "frontmatter" in rules
    bot.dates_named.NUMBERS_28 = "numbers" in rules
    bot.feedback.COMPLAINTS_28 = "insults" in rules
    bot.dates_named.MORE_28 = "datesmore" in rules
    bot.asked_topic.SEARCH_28 = "search" in rules
    bot.pointed.SOURCE_AFTER_ANSWER_28 = "references" in rules
    bot.sections.EACH_SECTION_28 = "eachsection" in rules
    return f"=== session 28's lead rules: {lead_28}"


def set_lead_29(lead_29: str, bench: Bench) -> str:
    rules = set(lead_29.split("+"))
    bot.section_parts.SECTION_LENGTH_29 = "sectionlength" in rules
    bot.sections.SIZES_29 = "sectionlength" in rules
    bot.pointed.QUOTE_EXACT_29 = "exact" in rules
    bot.pointed.AROUND_29 = "around" in rules
    bot.dates_named.NUMBERS_29 = "numbers" in rules
    bot.sections.TOPICS_29 = "topics" in rules
    bot.overview.OPENS_WITH_29 = "opens" in rules
    bot.names_mentioned.NAMES_POINTED_29 = "names" in rules
    bot.pointed.COUNTED_MORE_29 = "countmore" in rules
    bot.about_article.FRONT_MATTER_29 = "frontmatter" in rules
    bot.more.MORE_29 = "more" in rules
    bot.recall.RETURN_TO_29 = "returnto" in rules
    bot.asked_topic.TAKEAWAY_29 = "takeaway" in rules
    bot.overview.AUDIENCE_29 = "audience" in rules
    bot.several_questions.SEPARATORS_29 = "separators" in rules
    bot.pointed.POINTED_29 = "items" in rules
    bot.feedback.COMPLAINTS_29 = "retry" in rules
    bot.section_parts.NTH_SENTENCE_29 = "nthsentence" in rules
    bot.more.DOUBTS_29 = "doubts" in rules
    bot.mention_count.SECTIONS_NAMING_29 = "sectionsnaming" in rules
    bot.section_parts.SEVERAL_SECTIONS_29 = "severalsections" in rules
    bot.section_parts.MORE_OF_PARTS_29 = "moreofparts" in rules
    bot.overview.ABOUT_TEXT_29 = "abouttext" in rules
    bot.dates_named.YEAR_ASKED_29 = "year" in rules
    bot.names_mentioned.COUNTED_29 = "countnames" in rules
    bot.stance.LIKES_29 = "likes" in rules
    bot.more.OTHERS_29 = "others" in rules
    return f"=== session 29's lead rules: {lead_29}"


def set_lead_30(lead_30: str, bench: Bench) -> str:
    rules = set(lead_30.split("+"))
    bot.reply_shown.SHOWN_30 = "shown" in rules
    bot.section_parts.HEADING_NAMED_30 = "headings" in rules
    bot.paragraphs.PARAGRAPHS_30 = "paragraphs" in rules
    bot.about_article.PARTS_COUNTED_30 = "paragraphs" in rules
    bot.section_parts.ANOTHER_SECTION_30 = "another" in rules
    bot.overview.POINTS_30 = "points" in rules
    bot.sections.WHICH_PARAGRAPH_30 = "whichparagraph" in rules
    bot.pointed.LIST_ASKED_30 = "listasked" in rules
    bot.more.LONGER_30 = "longer" in rules
    bot.attributions.ATTRIBUTED_30 = "attributions" in rules
    bot.overview.PART_SUMMED_30 = "partsummed" in rules
    bot.stance.AGREE_30 = "agree" in rules
    bot.pointed.SHOW_ME_30 = "showme" in rules
    bot.pointed.ITEM_AFTER_ITEM_30 = "itemafteritem" in rules
    bot.request_words.PARTS_TYPOS_30 = "typos" in rules
    bot.more.MADE_UP_30 = "madeup" in rules
    bot.section_parts.PART_ENDS_30 = "partends" in rules
    bot.preamble.EMBEDDED_30 = "embedded" in rules
    bot.more.SIMPLER_30 = "simpler" in rules
    return f"=== session 30's lead rules: {lead_30}"


def set_lead_31(lead_31: str, bench: Bench) -> str:
    rules = set(lead_31.split("+"))
    bot.section_parts.SUMMED_31 = "summed" in rules
    bot.sections.PREVIOUS_SECTION_31 = "previous" in rules
    bot.pointed_requests.MORE_AFTER_ITEM_31 = "moreafteritem" in rules
    bot.pointed.PASSAGE_SHOWN_31 = "passage" in rules
    bot.article_requests.NAMES_RESPELT_31 = "respelt" in rules
    bot.asked_topic.UNWRITTEN_MENTION_31 = "unwritten" in rules
    bot.service.NAMES_IN_CAPITALS_31 = "capitals" in rules
    bot.section_parts.VERY_31 = "very" in rules
    bot.overview.TITLE_ASKED_31 = "title" in rules
    bot.recall.REMEMBER_31 = "remember" in rules
    bot.mention_count.COMPARED_31 = "compared" in rules
    bot.spelling.PROSE_TYPOS_31 = "prose" in rules
    bot.antecedent.ASKED_POINTED_BACK_31 = "pointedback" in rules
    bot.assumed_count.COUNT_ASSUMED_31 = "countassumed" in rules
    bot.reply_shown.SHOWN_31 = "shown" in rules
    bot.several_questions.SHORT_NAMED_31 = "shortnamed" in rules
    bot.several_questions.SEVERAL_NAMES_31 = "names" in rules
    return f"=== session 31's lead rules: {lead_31}"


def set_forms_19(forms_19: str, bench: Bench) -> str:
    rules = dict(r.partition("=")[::2] for r in forms_19.split("+"))
    bot.retrieval.FORM_MATCH = float(rules.get("match") or 0.0)
    words = rules.get("words", "3")
    bot.retrieval.FORM_MATCH_WORDS = None if words == "any" else int(words)
    return f"=== session 19's other word forms in late interaction: {forms_19}"


def set_forms_20(forms_20: str, bench: Bench) -> str:
    rules = dict(r.partition("=")[::2] for r in forms_20.split("+"))
    bot.retrieval.FORM_PARTS_OF_SPEECH = "pos" in rules
    bot.retrieval.FORM_SHORTENINGS = "short" in rules
    # Each value its own FORM_MATCH (it overrides --forms-19's): session 19's 0.7 unless named.
    bot.retrieval.FORM_MATCH = float(rules.get("match") or 0.7)
    return f"=== session 20's parts of speech and shortenings in other forms: {forms_20}"


def set_lead_in_21(lead_in_21: str, bench: Bench) -> str:
    bot.retrieval.LEAD_IN_SHARE = 0.0 if lead_in_21 == "off" else float(lead_in_21)
    return f"=== session 21's question after a lead-in re-ranked at its share: {lead_in_21}"


def set_topic_22(topic_22: str, bench: Bench) -> str:
    rules = dict(rule.partition("=")[::2] for rule in topic_22.split("+"))
    bot.retrieval.TOPIC_VECTOR = 1.0 if "vector" in rules else 0.0
    bot.retrieval.TOPIC_TEXT = "text" in rules
    bot.retrieval.TOPIC_COVERAGE = "coverage" in rules
    bot.retrieval.TOPIC_RERANK_SHARE = float(rules.get("rerank") or 0.0)
    return f"=== session 22's question searched without its words about the text: {topic_22}"


def set_rank_23(rank_23: str, bench: Bench) -> str:
    rules = set(rank_23.split("+"))
    bot.retrieval.CHAT_WORDS_OUT = "chat" in rules
    bot.answer.DEFINING_RATIO = 0.8 if "define" in rules else 0.0
    return f"=== session 23's chat words and definitions: {rank_23}"


def set_rank_24(rank_24: str, bench: Bench) -> str:
    rules = set(rank_24.split("+"))
    bot.retrieval.DEFINING_PASSAGE = "define" in rules
    bot.retrieval.FULL_NAMES = "names" in rules
    bot.answer.PLACES_COUNTED = "counted" in rules
    bot.answer.DEFINING_RATIO = 0.7 if "define" in rules else 0.8  # session 23's
    return f"=== session 24's ranking rules: {rank_24}"


def set_rank_25(rank_25: str, bench: Bench) -> str:
    rules = set(rank_25.split("+"))
    bot.answer.CONTRAST_JOINS = "contrast" in rules
    return f"=== session 25's ranking rules: {rank_25}"


def set_rank_26(rank_26: str, bench: Bench) -> str:
    rules = set(rank_26.split("+"))
    bot.retrieval.NAMED_PART = "part" in rules
    bot.retrieval.CHAT_SHORTHAND = "shorthand" in rules
    return f"=== session 26's ranking rules: {rank_26}"


def set_rank_27(rank_27: str, bench: Bench) -> str:
    rules = set(rank_27.split("+"))
    bot.retrieval.NAMED_LINE = "line" in rules
    bot.answer.NAMED_LINE_RATIO = 0.5 if "line" in rules else 0.0
    return f"=== session 27's ranking rules: {rank_27}"


def set_rank_28(rank_28: str, bench: Bench) -> str:
    rules = set(rank_28.split("+"))
    bot.retrieval.SENTENCE_ALONE_WEIGHT = 6.0 if "sentences" in rules else 0.0
    bot.retrieval.SENTENCE_ALONE_FOLLOW_UPS = "follow" in rules
    return f"=== session 28's ranking rules: {rank_28}"


def set_rank_29(rank_29: str, bench: Bench) -> str:
    rules = dict(rule.partition("=")[::2] for rule in rank_29.split("+"))
    bot.answer.QUOTE_OWN_WEIGHT = float(rules.get("quote") or 0.0)
    bot.retrieval.OWN_SENTENCE_COSINES = "quote" in rules
    bot.retrieval.SENTENCE_ALONE_WEIGHT = float(rules.get("sentences") or 0.0)
    return f"=== session 29's ranking rules: {rank_29}"


def set_rank_30(rank_30: str, bench: Bench) -> str:
    rules = dict(rule.partition("=")[::2] for rule in rank_30.split("+"))
    bot.retrieval.FURTHER_CITATIONS_WEIGHT = float(rules.get("further") or 0.0)
    lead, _, ratio = (rules.get("own") or "").partition(":")
    bot.answer.OWN_SENTENCE_LEAD = float(lead) if lead else None
    bot.answer.OWN_SENTENCE_RATIO = float(ratio or 0.0)
    bot.retrieval.OWN_SENTENCE_COSINES = "own" in rules
    return f"=== session 30's ranking rules: {rank_30}"


def set_rank_31(rank_31: str, bench: Bench) -> str:
    rules = set(rank_31.split("+"))
    bot.answer.ANNOUNCING_PASSAGE_FIRST = "announcing" in rules
    return f"=== session 31's ranking rules: {rank_31}"


def set_role_21(role_21: str, bench: Bench) -> str:
    bot.question_kind.ROLE_OF_ANOTHER = role_21 == "on"
    return f"=== session 21's role of another owner: {role_21}"


def set_labels_16(labels_16: str, bench: Bench) -> str:
    rules = set(labels_16.split("+"))
    bot.question_kind.FRAGMENT_HEAD_ONLY = "head" in rules
    bot.question_kind.WHEN_CLAUSE_ANSWERS = "when" in rules
    bot.source_terms.NAMES_THE_TEXT = "text" in rules
    return f"=== session 16's rules for in-domain answers labelled or refused: {labels_16}"


def set_attribute_grammar(attribute_grammar: str, bench: Bench) -> str:
    rules = () if attribute_grammar == "off" else attribute_grammar.split("+")
    bot.unsaid.ATTRIBUTE_GRAMMAR = frozenset(rules)
    return f"=== the attribute asked for read by its grammar: {attribute_grammar}"


def set_comparison_names(comparison_names: str, bench: Bench) -> str:
    bot.follow_up.COMPARISON_NAMES = comparison_names == "on"
    return f"=== a comparison naming a new name decided as a follow-up: {comparison_names}"


def set_answer_before_evidence(answer_before_evidence: str, bench: Bench) -> str:
    bot.follow_up.ANSWER_BEFORE_EVIDENCE = answer_before_evidence == "on"
    return f"=== the answer before's passage as evidence: {answer_before_evidence}"


def set_off_topic(off_topic: str, bench: Bench) -> str:
    rules = set(off_topic.split("+"))
    bot.off_topic.NAME_AS_MODIFIER = "name" in rules
    bot.off_topic.REQUEST_UNKNOWN_OBJECT = "request" in rules
    bot.off_topic.ARTICLE_BEFORE_NAME = "article" in rules
    bot.off_topic.PART_OF_A_NAME = "part" in rules
    bot.off_topic.LONGER_NAME = "longer" in rules
    bot.off_topic.MEASURE_FORMS = "measure" in rules
    pull = [r.removeprefix("pull=") for r in rules if r.startswith("pull=")]
    bot.off_topic.MODIFIER_PULL = float(pull[0]) if pull else 0.0
    low = [r.removeprefix("low=") for r in rules if r.startswith("low=")]
    bot.off_topic.MODIFIER_LOW_COSINE = float(low[0]) if low else 0.0
    bot.off_topic.MODIFIER_INDEFINITE = "indefinite" in rules
    return f"=== off-topic by the question's own words (session 12): {off_topic}"


def set_late_weight(late_weight: float, bench: Bench) -> str:
    bot.retrieval.LATE_WEIGHT = late_weight
    return f"=== late interaction re-ranking weight {late_weight}"


def set_passage_lift(passage_lift: float, bench: Bench) -> str:
    bot.retrieval.LATE_PASSAGE_LIFT = passage_lift
    return f"=== passage lift {passage_lift}"


def set_unknown_subject(unknown_subject: str, bench: Bench) -> str:
    bot.follow_up.UNKNOWN_SUBJECT_ALONE = unknown_subject == "on"
    return f"=== its own subject in unknown words searched alone: {unknown_subject}"


def set_unknown_subject_refused(unknown_subject_refused: str, bench: Bench) -> str:
    bot.follow_up.UNKNOWN_SUBJECT_REFUSED = unknown_subject_refused == "on"
    return f"=== refused alone, own subject in unknown words: {unknown_subject_refused}"


def set_agree_own_match(agree_own_match: float, bench: Bench) -> str:
    bot.follow_up.AGREE_OWN_MATCH = agree_own_match
    return f"=== 'agree' only from an own best match of {agree_own_match}"


def set_own_words_under_floor(own_words_under_floor: str, bench: Bench) -> str:
    bot.follow_up.OWN_WORDS_UNDER_FLOOR = own_words_under_floor == "on"
    return f"=== own words under the refusal floor: {own_words_under_floor}"


def set_own_topic(own_topic: str, bench: Bench) -> str:
    rules = () if own_topic == "off" else own_topic.split("+")
    bot.conversation.OWN_TOPIC = frozenset(rules)
    return f"=== a question names its own topic by session 11's rules: {own_topic}"


def set_own_words(own_words: str, bench: Bench) -> str:
    bot.follow_up.FOLLOW_UP_OWN_WORDS = own_words == "on"
    return f"=== a follow-up leaving its own words behind searched alone: {own_words}"


def set_near_11(near_11: str, bench: Bench) -> str:
    rules = set(near_11.split("+"))
    bot.unsaid.COMPARED_THINGS = "compare" in rules
    bot.unsaid.KIND_OF_FOCUS = "kind-of" in rules
    bot.question_kind.ROLE_NOUN_ASKS_PERSON = "role" in rules
    bot.question_kind.WHERE_ON_THE_MAP = "where" in rules
    bot.unsaid.TELL_ME_ABOUT_FOCUS = "tell" in rules
    bot.unsaid.FEATURE_FOCUS = "feature" in rules
    bot.unsaid.CHOICE_FOCUS = "choice" in rules
    bot.token_evidence.ATTRIBUTE_SAID_IN_OTHER_WORDS = "attribute" in rules
    bot.question_kind.COST_AS_VERB = "cost" in rules
    bot.question_kind.WHERE_IS_A_THING = "where-is" in rules
    bot.question_kind.FRAGMENT_COUNTS = "counts" in rules
    return f"=== near-domain rules (session 11): {near_11}"


def set_refused_alone(refused_alone: str, bench: Bench) -> str:
    rules = () if refused_alone == "off" else refused_alone.split("+")
    bot.follow_up.REFUSED_ALONE = frozenset(rules)
    return f"=== a question refused alone given its context: {refused_alone}"


def set_follow_up_words(follow_up_words: str, bench: Bench) -> str:
    bot.conversation.FOLLOW_UP_WORDS = frozenset(
        SESSION_10_WORDS
        if follow_up_words == "on"
        else ()
        if follow_up_words == "off"
        else follow_up_words.split("+")
    )
    return f"=== follow-ups read with session 10's word rules {follow_up_words}"


def set_near_labels(near_labels: str, bench: Bench) -> str:
    rules = dict(r.partition("=")[::2] for r in near_labels.split("+"))
    bot.unsaid.FOCUS_FIXES = "fixes" in rules
    bot.question_kind.KIND_NOUN_MODIFIERS = "kinds" in rules
    bot.question_kind.FRAGMENT_KINDS = "fragments" in rules
    bot.question_kind.YEARS_NOT_NUMBERS = "years" in rules
    bot.question_kind.MEASURE_UNITS = "measures" in rules
    bot.question_kind.CURRENCY_ASKS = "currency" in rules
    quote = rules.get("quote")
    bot.token_evidence.FOCUS_QUOTE_WEAK_MATCH = float(quote) if quote else None
    bot.token_evidence.FOCUS_CITED_CEILING = float(rules.get("ceiling") or 0.45)
    return f"=== near-domain labels (session 10): {near_labels}"


def set_asked_thing(asked_thing: str, bench: Bench) -> str:
    rules = dict(r.partition("=")[::2] for r in asked_thing.split("+"))
    bot.question_kind.PLACE_OF_THE_KIND_ASKED = "place" in rules
    bot.question_kind.ASKED_KIND_FORMS = "forms" in rules
    focus = rules.get("focus")
    bot.token_evidence.FOCUS_WEAK_MATCH = float(focus) if focus else None
    return f"=== asked thing: {asked_thing}"


def set_late_window(late_window: str, bench: Bench) -> str:
    weight_text, _, join = late_window.partition(":")
    bot.retrieval.LATE_WINDOW_WEIGHT = float(weight_text)
    bot.answer.JOIN_WITHOUT_LIFT = join != "lifted"
    return f"=== late interaction window weight {late_window}"


def set_kind_without_lift(kind_without_lift: str, bench: Bench) -> str:
    bot.answer.KIND_WITHOUT_LIFT = kind_without_lift == "on"
    return f"=== the asked kind judged without locality's lift too {kind_without_lift}"


def set_follow_up_ranking(follow_up_ranking: str, bench: Bench) -> str:
    on = follow_up_ranking == "on"
    bot.follow_up.FOLLOW_UP_NEXT_PRIOR = SESSION_9_NEXT_PRIOR if on else 0.0
    bot.follow_up.FOLLOW_UP_SENTENCE_AFTER = SESSION_9_SENTENCE_AFTER if on else 0.0
    bot.conversation.DEMONSTRATIVE_REFERENTS = on
    return f"=== follow-ups ranked with session 9's rules {follow_up_ranking}"


def set_late_follow_ups(late_follow_ups: str, bench: Bench) -> str:
    bot.follow_up.FOLLOW_UP_LATE_EVIDENCE = late_follow_ups == "on"
    bot.conversation.COMPARISON_OPENERS = late_follow_ups == "on"
    return f"=== follow-ups decided with late interaction {late_follow_ups}"


def set_context(context: str, bench: Bench) -> str:
    bot.conversation.CONTEXT_CONTENT_WORDS_ONLY = context == "content"
    return f"=== follow-ups after the earlier questions' {context} words"


def set_late_interaction(late_interaction: str, bench: Bench) -> str:
    bench.retriever.late = bench.late if late_interaction == "on" else None
    return f"=== late interaction {late_interaction}"


def set_sentence_weight(weight: float, bench: Bench) -> str:
    bench.retriever.sentence_weight = weight
    return f"=== sentence weight {weight}"


def set_unmatched_z(unmatched_z: str, bench: Bench) -> str:
    z = None if unmatched_z == "off" else float(unmatched_z)
    bot.unsaid.UNMATCHED_Z = z
    return f"=== unmatched words z {z}"


def set_token_evidence(token_evidence: str, bench: Bench) -> str:
    weak, _, rescue = token_evidence.partition(":")
    bot.token_evidence.WEAK_MATCH = None if weak in ("off", "") else float(weak)
    bot.token_evidence.RESCUE_MAXSIM = None if rescue in ("off", "") else float(rescue)
    return f"=== token evidence: weak match {weak}, rescue from MaxSim {rescue or 'off'}"


@dataclass(frozen=True)
class Switch:
    """A command-line switch whose values are measured each in turn: `dest` its argparse dest
    (default [None]: not set), `loop` its place in the variants' product (0 the outermost loop,
    the last the innermost), `apply` sets the bot to one value and returns the header printed."""

    dest: str
    loop: int
    apply: Callable[[Any, Bench], str]


# Listed in the order each variant applies them and prints their headers (where two set the same
# global, the later wins); adding a switch is one entry here and its argparse option.
SWITCHES = (
    Switch("quote_choice", 38, set_quote_choice),
    Switch("short_late", 35, set_short_late),
    Switch("near_13", 34, set_near_13),
    Switch("how_to", 36, set_how_to),
    Switch("place_weight", 31, set_place_weight),
    Switch("place_lead", 33, set_place_lead),
    Switch("place_both", 32, set_place_both),
    Switch("first_margin", 30, set_first_margin),
    Switch("answer_late", 28, set_answer_late),
    Switch("outcome_both", 29, set_outcome_both),
    Switch("kind_of_referents", 25, set_kind_of_referents),
    Switch("answer_words_evidence", 26, set_answer_words_evidence),
    Switch("attribute_grammar", 27, set_attribute_grammar),
    Switch("comparison_names", 23, set_comparison_names),
    Switch("answer_before_evidence", 22, set_answer_before_evidence),
    Switch("off_topic", 24, set_off_topic),
    Switch("late_weight", 18, set_late_weight),
    Switch("passage_lift", 17, set_passage_lift),
    Switch("unknown_subject", 20, set_unknown_subject),
    Switch("unknown_subject_refused", 21, set_unknown_subject_refused),
    Switch("agree_own_match", 19, set_agree_own_match),
    Switch("own_words_under_floor", 15, set_own_words_under_floor),
    Switch("own_topic", 13, set_own_topic),
    Switch("own_words", 14, set_own_words),
    Switch("near_11", 16, set_near_11),
    Switch("refused_alone", 11, set_refused_alone),
    Switch("follow_up_words", 9, set_follow_up_words),
    Switch("near_labels", 12, set_near_labels),
    Switch("asked_thing", 6, set_asked_thing),
    Switch("late_window", 7, set_late_window),
    Switch("kind_without_lift", 10, set_kind_without_lift),
    Switch("follow_up_ranking", 8, set_follow_up_ranking),
    Switch("late_follow_ups", 5, set_late_follow_ups),
    Switch("context", 0, set_context),
    Switch("late_interaction", 3, set_late_interaction),
    Switch("sentence_weight", 1, set_sentence_weight),
    Switch("unmatched_z", 2, set_unmatched_z),
    Switch("token_evidence", 4, set_token_evidence),
    Switch("follow_ups_14", 37, set_follow_ups_14),
    Switch("agree_words", 39, set_agree_words),
    Switch("unsaid_15", 40, set_unsaid_15),
    Switch("follow_ups_15", 41, set_follow_ups_15),
    Switch("quote_spread", 42, set_quote_spread),
    Switch("literal_phrase", 43, set_literal_phrase),
    Switch("unsaid_16", 44, set_unsaid_16),
    Switch("follow_ups_16", 45, set_follow_ups_16),
    Switch("labels_16", 46, set_labels_16),
    Switch("citation_diversity", 47, set_citation_diversity),
    Switch("follow_ups_17", 48, set_follow_ups_17),
    Switch("unsaid_17", 49, set_unsaid_17),
    Switch("unsaid_17b", 50, set_unsaid_17b),
    Switch("follow_ups_17b", 51, set_follow_ups_17b),
    Switch("off_topic_18", 52, set_off_topic_18),
    Switch("unsaid_18", 53, set_unsaid_18),
    Switch("follow_ups_18", 54, set_follow_ups_18),
    Switch("unsaid_18b", 55, set_unsaid_18b),
    Switch("floor_18", 56, set_floor_18),
    Switch("off_topic_19", 57, set_off_topic_19),
    Switch("unsaid_19", 58, set_unsaid_19),
    Switch("unsaid_20", 64, set_unsaid_20),
    Switch("unsaid_21", 67, set_unsaid_21),
    Switch("follow_ups_19", 59, set_follow_ups_19),
    Switch("forms_19", 60, set_forms_19),
    Switch("forms_20", 61, set_forms_20),
    Switch("off_topic_20", 62, set_off_topic_20),
    Switch("follow_ups_20", 63, set_follow_ups_20),
    Switch("follow_ups_21", 65, set_follow_ups_21),
    Switch("follow_ups_22", 75, set_follow_ups_22),
    Switch("follow_ups_23", 77, set_follow_ups_23),
    Switch("follow_ups_24", 83, set_follow_ups_24),
    Switch("follow_ups_25", 89, set_follow_ups_25),
    Switch("follow_ups_26", 95, set_follow_ups_26),
    Switch("follow_ups_27", 101, set_follow_ups_27),
    Switch("follow_ups_28", 107, set_follow_ups_28),
    Switch("follow_ups_29", 113, set_follow_ups_29),
    Switch("follow_ups_30", 119, set_follow_ups_30),
    Switch("follow_ups_31", 125, set_follow_ups_31),
    Switch("off_topic_21", 66, set_off_topic_21),
    Switch("lead_21", 68, set_lead_21),
    Switch("lead_in_21", 69, set_lead_in_21),
    Switch("role_21", 70, set_role_21),
    Switch("lead_22", 71, set_lead_22),
    Switch("lead_23", 76, set_lead_23),
    Switch("lead_24", 82, set_lead_24),
    Switch("lead_25", 88, set_lead_25),
    Switch("lead_26", 94, set_lead_26),
    Switch("lead_27", 100, set_lead_27),
    Switch("lead_28", 106, set_lead_28),
    Switch("lead_29", 112, set_lead_29),
    Switch("lead_30", 118, set_lead_30),
    Switch("lead_31", 124, set_lead_31),
    Switch("topic_22", 72, set_topic_22),
    Switch("unsaid_22", 73, set_unsaid_22),
    Switch("off_topic_22", 74, set_off_topic_22),
    Switch("talk_23", 81, set_talk_23),
    Switch("talk_24", 87, set_talk_24),
    Switch("talk_25", 93, set_talk_25),
    Switch("talk_26", 99, set_talk_26),
    Switch("talk_27", 105, set_talk_27),
    Switch("talk_28", 111, set_talk_28),
    Switch("talk_29", 117, set_talk_29),
    Switch("talk_30", 123, set_talk_30),
    Switch("talk_31", 129, set_talk_31),
    Switch("rank_23", 78, set_rank_23),
    Switch("rank_24", 84, set_rank_24),
    Switch("rank_25", 90, set_rank_25),
    Switch("rank_26", 96, set_rank_26),
    Switch("rank_27", 102, set_rank_27),
    Switch("rank_28", 108, set_rank_28),
    Switch("rank_29", 114, set_rank_29),
    Switch("rank_30", 120, set_rank_30),
    Switch("rank_31", 126, set_rank_31),
    Switch("off_topic_23", 80, set_off_topic_23),
    Switch("unsaid_23", 79, set_unsaid_23),
    Switch("off_topic_24", 86, set_off_topic_24),
    Switch("off_topic_25", 92, set_off_topic_25),
    Switch("off_topic_26", 98, set_off_topic_26),
    Switch("off_topic_27", 104, set_off_topic_27),
    Switch("off_topic_28", 110, set_off_topic_28),
    Switch("off_topic_29", 116, set_off_topic_29),
    Switch("off_topic_30", 122, set_off_topic_30),
    Switch("off_topic_31", 128, set_off_topic_31),
    Switch("unsaid_24", 85, set_unsaid_24),
    Switch("unsaid_25", 91, set_unsaid_25),
    Switch("unsaid_26", 97, set_unsaid_26),
    Switch("unsaid_27", 103, set_unsaid_27),
    Switch("unsaid_28", 109, set_unsaid_28),
    Switch("unsaid_29", 115, set_unsaid_29),
    Switch("unsaid_30", 121, set_unsaid_30),
    Switch("unsaid_31", 127, set_unsaid_31),
)


def variants(args: argparse.Namespace) -> Iterator[dict[str, Any]]:
    """Every combination of the switches' given values, a switch's value by its dest: the product
    with the lowest `loop` outermost, so each switch's values come each in turn within the
    variants of the switches before it."""
    nested = sorted(SWITCHES, key=lambda switch: switch.loop)
    dests = [switch.dest for switch in nested]
    for values in itertools.product(*(getattr(args, dest) for dest in dests)):
        yield dict(zip(dests, values, strict=True))


def rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text().splitlines() if line.strip()]


def conversation_right(q: dict, answer: Answer) -> bool:
    """The expected passage cited first, the expected words quoted, presented as answered."""
    return (
        bool(answer.citations)
        and q["expect"] in answer.citations[0].text
        and q["words"] in answer.answer
        and answer.outcome == "answered"
    )


def searched_as(
    service: AnswerService, question: str, before: str, query: str, conversation: str
) -> Answer:
    """`question` after `before` answered as the bot answers it, but searched for `query`,
    whatever the follow-up rules would choose: what the other choice would have quoted."""
    vector = service.embedder.encode_query(query)
    service.search_for = lambda *_, **__: (query, vector)  # type: ignore[method-assign]
    try:
        return service.ask(question, [before], conversation=conversation)
    finally:
        del service.search_for


def asked_with_its_searches(
    service: AnswerService, question: str, history: list[str], conversation: str
) -> tuple[Answer, list[tuple[str, str]]]:
    """`question` answered as the bot answers it, with the searches it made after the question
    before (`history`'s last; not one part of a message after another): for each, the text as
    searched (a greeting or topic label `ask` takes off) and what it was searched for."""
    searched: list[tuple[str, str]] = []
    search_for = service.search_for

    def recording(text: str, after: Sequence[str] = (), *args: Any, **kwargs: Any) -> Any:
        query, vector = search_for(text, after, *args, **kwargs)
        if after and history and after[-1] == history[-1]:
            searched.append((text, query))
        return query, vector

    service.search_for = recording  # type: ignore[method-assign]
    try:
        return service.ask(question, history, conversation=conversation), searched
    finally:
        del service.search_for


def oracle(
    service: AnswerService, q: dict, conversation: str, said: str | None
) -> dict[str, tuple[bool, bool]]:
    """The second turn searched alone, with the question before, and with the names the answer
    before added (the candidates the follow-up rules choose among): for each, whether the answer
    is right and whether the expected passage is cited first."""
    first, second = q["turns"]
    with_context = search_query(second, [first])
    candidates = {
        "alone": second,
        "context": with_context if with_context != second else f"{first} {second}",
    }
    added = [x for x in names(said or "") if x.lower() not in first.lower()]
    if added:
        candidates["names"] = " ".join([*added, second])
    ways = {}
    for label, query in candidates.items():
        # Asked in the first turn's conversation: the answer before is read from it.
        answer = searched_as(service, second, first, query, conversation)
        cited = [c.text for c in answer.citations[:1]]
        ways[label] = (conversation_right(q, answer), any(q["expect"] in t for t in cited))
    return ways


def miss_class(q: dict, answer: Answer, searched_alone: bool, ways: dict) -> str:
    """(a) the follow-up rules chose the wrong search: another was right (for a topic switch,
    only when it was searched with context and alone was right); (c) some search cites the
    expected passage first but quotes the wrong sentence or labels it; (b) none cites it first."""
    if q["kind"] == "topic-switch":
        if not searched_alone and ways["alone"][0]:
            return "a"
    elif any(right for right, _ in ways.values()):
        return "a"
    cited = [c.text for c in answer.citations[:1]]
    passage = any(p for _, p in ways.values()) or any(q["expect"] in t for t in cited)
    return "c" if passage else "b"


def measure(
    service: AnswerService, name: str, show: bool, sort_misses: bool = False
) -> dict[str, object]:
    figures: dict[str, object] = {}
    questions = rows(name)
    if "small_talk" in questions[0]:
        return small_talk_figures(service, questions, show)
    if "turns" in questions[0]:
        right = switched_as_follow_up = switches = 0
        sorted_misses: Counter[str] = Counter()
        for n, q in enumerate(questions):
            first, second = q["turns"]
            # Both turns in one conversation, as a chat thread asks them: the follow-up may
            # pick up what the first answer said.
            conversation = f"{name}:{n}"
            before = service.ask(first, conversation=conversation)
            answer, searches = asked_with_its_searches(service, second, [first], conversation)
            ok = conversation_right(q, answer)
            right += ok
            said = None if before.refused else before.answer
            if q["kind"] == "topic-switch":
                switches += 1
                # As `ask` searched it (a greeting or topic label off): any query with context.
                switched_as_follow_up += any(query != text for text, query in searches)
            if show and not ok:
                print(f"  miss {q['turns']} -> {answer.outcome}: {answer.answer[:100]}")
            if sort_misses:
                ways = oracle(service, q, conversation, said)
                sorted_misses["right alone"] += ways["alone"][0]
                sorted_misses["right in context"] += ways["context"][0]
                sorted_misses["right either way"] += ok or any(r for r, _ in ways.values())
                if not ok:
                    alone = service.search_for(second, [first], previous_answer=said)[0] == second
                    kind = miss_class(q, answer, alone, ways)
                    sorted_misses[f"miss ({kind})"] += 1
                    if show:
                        print(f"    ({kind}) searched alone: {alone}; {json.dumps(ways)}")
        figures = {
            "conversations": len(questions),
            "right": right,
            "topic switches": switches,
            "searched as follow-up": switched_as_follow_up,
        }
        if sort_misses:
            figures["oracle"] = dict(sorted_misses)
        return figures
    in_domain = [q for q in questions if not q.get("refuse")]
    near = [q for q in questions if q.get("refuse") and q.get("kind") == "near-domain"]
    off = [q for q in questions if q.get("refuse") and q.get("kind") != "near-domain"]
    top1 = top3 = words = 0
    outcomes: dict[str, Counter[str]] = {"in": Counter(), "near": Counter(), "off": Counter()}
    for q in in_domain:
        answer = service.ask(q["question"])
        texts = [c.text for c in answer.citations]
        top1 += bool(texts) and q["expect"] in texts[0]
        top3 += any(q["expect"] in t for t in texts[:3])
        hit = q.get("words", q["expect"]) in answer.answer
        words += hit
        outcomes["in"][answer.outcome] += 1
        if show and (answer.outcome != "answered" or not texts or q["expect"] not in texts[0]):
            print(f"  in   {answer.outcome:8} top1={q['expect'] in texts[0] if texts else False}"
                  f" words={hit} {q['question']} -> {answer.answer[:90]}")  # fmt: skip
    for group, asked in (("near", near), ("off", off)):
        for q in asked:
            answer = service.ask(q["question"])
            outcomes[group][answer.outcome] += 1
            if show and group == "near" and answer.outcome == "answered":
                print(f"  near answered: {q['question']} -> {answer.answer[:90]}")
            if show and group == "off" and answer.outcome != "refused":
                print(f"  off {answer.outcome}: {q['question']} -> {answer.answer[:90]}")
    if in_domain:
        figures.update(
            {"in-domain": len(in_domain), "top1": top1, "top3": top3, "words in quote": words}
        )
        figures["in-domain outcomes"] = dict(outcomes["in"])
    if near:
        figures["near-domain"] = len(near)
        figures["near-domain outcomes"] = dict(outcomes["near"])
    if off:
        figures["off-topic"] = len(off)
        figures["off-topic outcomes"] = dict(outcomes["off"])
    return figures


# The in-domain first turns a small-talk set's messages are asked after, each in a thread of its
# own: the first turns of the first conversations of the shipped tuning set.
SMALL_TALK_THREADS = 3


def small_talk_figures(
    service: AnswerService, messages: list[dict], show: bool
) -> dict[str, object]:
    """A small-talk set's messages asked as a chat user sends them (`AnswerService.ask`, as the
    terminal, Slack and Discord do), alone and as the second turn of a thread after an in-domain
    question: small talk given the small-talk reply (`Answer.reply`), and the real questions among
    them searched rather than replied to as small talk. `show` lists both kinds of miss."""
    threads = []
    for q in rows("conversations.jsonl")[:SMALL_TALK_THREADS]:
        conversation = uuid.uuid4().hex
        service.ask(q["turns"][0], conversation=conversation)
        threads.append((q["turns"][0], conversation))
    counts: Counter[str] = Counter()
    for m in messages:
        alone = service.ask(m["message"]).reply is not None
        replied = sum(
            service.ask(m["message"], [first], conversation=conversation).reply is not None
            for first, conversation in threads
        )
        if m["small_talk"]:
            counts["recognised"] += alone
            counts["recognised in threads"] += replied
        else:
            counts["searched"] += not alone
            counts["searched in threads"] += len(threads) - replied
        if show and m["small_talk"] and not (alone and replied == len(threads)):
            print(f"  talk searched (alone {not alone}, in {len(threads) - replied} threads): "
                  f"{m['message']}")  # fmt: skip
        if show and not m["small_talk"] and (alone or replied):
            print(f"  talk swallowed (alone {alone}, in {replied} threads): {m['message']}")
    talk = sum(bool(m["small_talk"]) for m in messages)
    return {
        "small talk": talk,
        "recognised": counts["recognised"],
        "questions": len(messages) - talk,
        "searched": counts["searched"],
        "small talk in threads": talk * len(threads),
        "recognised in threads": counts["recognised in threads"],
        "questions in threads": (len(messages) - talk) * len(threads),
        "searched in threads": counts["searched in threads"],
    }


# Every THREAD_STRIDE-th first turn of a side's conversations opens the threads its refused
# questions are asked in: 9 of tuning's 216, 1,386 asks in ~25 s at load 1 (every 8th: 3 times).
THREAD_STRIDE = 24


def threads(service: AnswerService, names: list[str], show: bool = False) -> dict[str, object]:
    """A side's near-domain and off-topic questions asked in a thread, after a sampled first
    turn of its conversations: the quality sets ask them alone, a chat thread does not. `show`
    lists the off-topic questions not refused, once each with how many threads quoted them."""
    firsts = [q["turns"][0] for n in names if n.startswith("conversations") for q in rows(n)]
    sample = firsts[::THREAD_STRIDE] or firsts[:1]
    refused = [
        (q.get("kind") == "near-domain", q["question"])
        for n in names
        if not n.startswith("conversations")
        for q in rows(n)
        if q.get("refuse")
    ]
    outcomes: dict[str, Counter[str]] = {"near": Counter(), "off": Counter()}
    quoted_off: Counter[tuple[str, str]] = Counter()
    for first in sample:
        # The answer before is read by its question (the store's answer_to), so every refused
        # question can follow the same first answer in one conversation.
        conversation = uuid.uuid4().hex
        service.ask(first, conversation=conversation)
        for near, question in refused:
            answer = service.ask(question, [first], conversation=conversation)
            outcomes["near" if near else "off"][answer.outcome] += 1
            if not near and answer.outcome != "refused":
                quoted_off[(answer.outcome, question)] += 1
    if show:
        for (outcome, question), count in quoted_off.most_common():
            print(f"  off {outcome} in {count} of {len(sample)} threads: {question}")
    figures: dict[str, object] = {"first turns": len(sample)}
    for group, label in (("off", "off-topic"), ("near", "near-domain")):
        if outcomes[group]:
            asked = sum(outcomes[group].values())
            figures[f"{label} in threads"] = asked
            # As the single-question figures count it: a partial answer says what is missing.
            figures[f"{label} presented as answered"] = outcomes[group]["answered"]
            figures[f"{label} quoted"] = asked - outcomes[group]["refused"]
            figures[f"{label} outcomes"] = dict(outcomes[group])
    return figures


def shipped_service(tmp: Path, ranking_sentences: RankingSentences | None = None) -> AnswerService:
    """The bot over the shipped corpus, its index and query log built fresh under `tmp`."""
    settings = load_settings(
        corpus_dir=ROOT / "corpus", index_dir=tmp / "index", db_path=tmp / "log.sqlite3"
    )
    embedder = get_embedder(settings.model)
    build_index(settings, embedder, ranking_sentences=ranking_sentences)
    return AnswerService(settings, embedder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="list the tuning sets' misses")
    parser.add_argument(
        "--baseline", action="store_true", help="without the asked-kind rules (no partial label)"
    )
    parser.add_argument(
        "--sentence-weight",
        type=float,
        nargs="+",
        default=[None],
        help="best sentence's share of the cosine (several: each in turn, one index)",
    )
    parser.add_argument("--lexical-weight", type=float, default=None, help="BM25's weight")
    parser.add_argument(
        "--named-things",
        action="store_true",
        help="with the partial label's rules for things asked for by name (off in the bot)",
    )
    parser.add_argument(
        "--ranking-sentences",
        choices=get_args(RankingSentences),
        default=None,
        help="the ranking's sentence vectors the build makes (default: EVBOT_RANKING_SENTENCES)",
    )
    parser.add_argument(
        "--expansion-weight", type=float, default=None, help="BM25 query expansion, unknown words"
    )
    parser.add_argument(
        "--expansion-known-weight", type=float, default=None, help="and words BM25 matches"
    )
    parser.add_argument(
        "--expansion-similarity", type=float, default=None, help="its least word cosine"
    )
    parser.add_argument(
        "--expansion-neighbours", type=int, default=None, help="terms each question word adds"
    )
    parser.add_argument(
        "--unmatched-z",
        nargs="+",
        default=[None],
        help="the label for words no passage holds: z thresholds ('off': none), each in turn",
    )
    parser.add_argument("--tuning-only", action="store_true", help="the tuning sets only")
    parser.add_argument(
        "--conversations-only", action="store_true", help="the two-turn conversation sets only"
    )
    parser.add_argument(
        "--without", nargs="+", default=[], help="leave these sets out (a blind set kept unread)"
    )
    parser.add_argument(
        "--near-labels",
        nargs="+",
        default=[None],
        help="session 10's near-domain rules joined by '+' (fixes, kinds, fragments, years, "
        "measures, currency, quote=T, ceiling=C; off), each variant in turn",
    )
    parser.add_argument(
        "--near-11",
        nargs="+",
        default=[None],
        help="session 11's near-domain rules joined by '+' (role, where, where-is, tell, feature, "
        "choice, attribute, cost, counts; session 12's compare, kind-of; off), each in turn",
    )
    parser.add_argument(
        "--short-late",
        nargs="+",
        default=[None],
        help="a question of at most TERMS BM25 terms re-ranked with MaxSim's z-score at WEIGHT "
        "in the answer's search (off: as any question, the bot), each in turn",
    )
    parser.add_argument(
        "--quote-choice",
        nargs="+",
        default=[None],
        help="a question asked alone's quote chosen by its whole score (all) or by MAXSIM x "
        "MaxSim + the lift + SURFACE x cosine and overlap (SURFACE:MAXSIM), each in turn",
    )
    parser.add_argument(
        "--unsaid-17",
        nargs="+",
        default=[None],
        help="session 17's rules for questions the sources do not answer joined by '+' (units, "
        "remark) or off, each in turn",
    )
    parser.add_argument(
        "--unsaid-17b",
        nargs="+",
        choices=["on", "off"],
        default=[None],
        help="a rare name's predicate nouns the sources never say of it (on) or off, each in turn",
    )
    parser.add_argument(
        "--unsaid-18",
        nargs="+",
        default=[None],
        help="weak words the sources never use (weak), only those the quote does not answer, "
        "their mean substitution z under Z (zZ), or off, each in turn",
    )
    parser.add_argument(
        "--unsaid-18b",
        nargs="+",
        choices=["on", "off"],
        default=[None],
        help="a 'which <model/chip …>' question answered only by a quote naming one (on) or off, "
        "each in turn",
    )
    parser.add_argument(
        "--unsaid-19",
        nargs="+",
        default=[None],
        help="session 19's label rules: off, on, or some of said, much, hedge, statement, town, "
        "abbr, range joined by '+', each in turn",
    )
    parser.add_argument(
        "--unsaid-20",
        nargs="+",
        default=[None],
        help="session 20's label rules: off, on, or some of acronym, percent, designation "
        "joined by '+', each in turn",
    )
    parser.add_argument(
        "--unsaid-21",
        nargs="+",
        default=[None],
        help="session 21's near-domain mends: off, on, or formula, written joined by '+', each "
        "in turn",
    )
    parser.add_argument(
        "--citation-diversity",
        nargs="+",
        default=[None],
        help="citations after the first by maximal marginal relevance, MU[:DEPTH] or off, each in "
        "turn (the bot: 2.5:12, questions asked alone)",
    )
    parser.add_argument(
        "--near-13",
        nargs="+",
        default=[None],
        help="session 13's near-domain rules joined by '+' (dollar, role, numbers; off), each "
        "in turn",
    )
    parser.add_argument(
        "--unsaid-15",
        nargs="+",
        default=[None],
        help="session 15's rules for unanswered questions joined by '+' (person, closing, share, "
        "partitive; 'off' none), each in turn",
    )
    parser.add_argument(
        "--quote-spread",
        nargs="+",
        default=[None],
        help="a question asked alone's quote chosen with WEIGHT x its tokens' matches z-scored "
        "among the cited sentences, spread at least FLOOR (WEIGHT:FLOOR; off), each in turn",
    )
    parser.add_argument(
        "--agree-words",
        nargs="+",
        choices=["off", "on"],
        default=[None],
        help="'agree' lends a question refused alone its context only when the shared first "
        "passage holds its content words (session 14), each in turn",
    )
    parser.add_argument(
        "--how-to",
        nargs="+",
        choices=["off", "on"],
        default=[None],
        help="a first-person how-to question whose verb the quote never uses labelled partial "
        "(off in the bot), each in turn",
    )
    parser.add_argument(
        "--context",
        nargs="+",
        choices=["content", "whole"],
        default=[None],
        help="follow-ups after the earlier questions' content words or whole, each in turn",
    )
    parser.add_argument(
        "--oracle",
        action="store_true",
        help="tuning conversations: each second turn searched every way, misses sorted",
    )
    parser.add_argument(
        "--late-interaction",
        nargs="+",
        choices=["on", "off"],
        default=[None],
        help="MaxSim re-ranking and sentence scores (on in the bot), each in turn, one index",
    )
    parser.add_argument(
        "--token-evidence",
        nargs="+",
        default=[None],
        help="outcomes from token evidence, WEAK:RESCUE ('off' for either), each in turn",
    )
    parser.add_argument(
        "--answer-sentence-weight",
        type=float,
        default=None,
        help="the sentence weight in the answer's search only (the decisions keep the other)",
    )
    parser.add_argument(
        "--late-follow-ups",
        nargs="+",
        choices=["on", "off"],
        default=[None],
        help="follow-ups decided with session 8's rules (MaxSim, comparisons), each in turn",
    )
    parser.add_argument(
        "--asked-thing",
        nargs="+",
        default=[None],
        help="session 9's near-domain rules joined by '+' (place, focus=T, forms; off), in turn",
    )
    parser.add_argument(
        "--late-window",
        nargs="+",
        default=[None],
        help="weight of a two-sentence window's MaxSim in the quote's scores, each in turn; "
        "W:lifted lets a neighbour join the quote on its lifted score, W alone on its score "
        "without the lift (the bot: 0.5:lifted; 0: off)",
    )
    parser.add_argument(
        "--late-weight",
        nargs="+",
        type=float,
        default=[None],
        help="weight of MaxSim's z-score in the answer's re-ranking of its top 10, each in turn "
        "(the bot: 0.5)",
    )
    parser.add_argument(
        "--answer-late",
        nargs="+",
        default=[None],
        help="the answer's own re-ranking, DEPTH:WEIGHT of MaxSim's z-score, each in turn (the "
        "bot: 20:6; 10:0.5 as the follow-up decisions and session 11's bot)",
    )
    parser.add_argument(
        "--outcome-both",
        nargs="+",
        choices=["on", "off"],
        default=[None],
        help="the outcome judged on the hits of the re-ranking before the answer's too, each in "
        "turn (the bot: on)",
    )
    parser.add_argument(
        "--first-margin",
        nargs="+",
        type=float,
        default=[None],
        help="the first-ranked passage's best sentence quoted when within this margin of the best "
        "sentence, each in turn (the bot: 0, off)",
    )
    parser.add_argument(
        "--place-weight",
        nargs="+",
        type=float,
        default=[None],
        help="a question asked alone: each cited passage's sentences lowered by this times its "
        "place - 1, each in turn (the bot: 0.04; 0: off)",
    )
    parser.add_argument(
        "--place-both",
        nargs="+",
        choices=["on", "off"],
        default=[None],
        help="with --place-weight, answered only when the quote without the weight is too, each "
        "in turn (the bot: on)",
    )
    parser.add_argument(
        "--place-lead",
        nargs="+",
        default=[None],
        help="the place weight only when the re-ranking's first passage leads its second by this "
        "(fused score; maxsim:L in MaxSim, spread:L over the cited passages' standard deviation), "
        "each in turn (the bot: 2.5; 0: always)",
    )
    parser.add_argument(
        "--passage-lift",
        nargs="+",
        type=float,
        default=[None],
        help="weight of the cited passage's MaxSim less the best cited one's in the quote's "
        "sentence scores, as part of the lift, each in turn (the bot: 0.75; 0: off)",
    )
    parser.add_argument(
        "--follow-up-ranking",
        nargs="+",
        choices=["on", "off"],
        default=[None],
        help="follow-ups ranked with session 9's rules (the answer before's next passage and "
        "sentence, 'that company'), each in turn",
    )
    parser.add_argument(
        "--follow-up-words",
        nargs="+",
        default=[None],
        help="follow-ups read with session 10's word rules (contractions, prepositions, a "
        "question's own subject), each in turn",
    )
    parser.add_argument(
        "--kind-without-lift",
        nargs="+",
        choices=["on", "off"],
        default=[None],
        help="the asked kind judged on the quote chosen without locality's lift too, each in turn",
    )
    parser.add_argument(
        "--refused-alone",
        nargs="+",
        default=[None],
        help="context for a question alone refused, session 10's rules joined by '+' (floor, "
        "agree; off), each in turn",
    )
    parser.add_argument(
        "--own-topic",
        nargs="+",
        default=[None],
        help="session 11's word rules joined by '+' (bare, within, other, dash; off), each in turn",
    )
    parser.add_argument(
        "--own-words",
        nargs="+",
        choices=["on", "off"],
        default=[None],
        help="a follow-up whose context's first passage lacks its own words searched alone "
        "(session 11), each in turn",
    )
    parser.add_argument(
        "--own-words-under-floor",
        nargs="+",
        choices=["on", "off"],
        default=[None],
        help="a follow-up refused alone whose own first passage holds its words searched alone "
        "with the context's coverage (session 11), each in turn",
    )
    parser.add_argument(
        "--agree-own-match",
        type=float,
        nargs="+",
        default=[None],
        help="session 10's 'agree' only for a question matching its best passage this well alone "
        "(session 11; 0: any), each in turn",
    )
    parser.add_argument(
        "--unknown-subject",
        nargs="+",
        choices=["on", "off"],
        default=[None],
        help="a follow-up naming its own subject in words the sources never use searched alone "
        "under the floor (session 11), each in turn",
    )
    parser.add_argument(
        "--unknown-subject-refused",
        nargs="+",
        choices=["on", "off"],
        default=[None],
        help="any question refused alone naming its own subject in words the sources never use "
        "searched alone, before 'agree' or the margin (session 11), each in turn",
    )
    parser.add_argument(
        "--answer-before-evidence",
        nargs="+",
        choices=["on", "off"],
        default=[None],
        help="a follow-up candidate whose own words match the answer before's passage as well as "
        "its own first keeps its context (session 12), each in turn",
    )
    parser.add_argument(
        "--comparison-names",
        nargs="+",
        choices=["on", "off"],
        default=[None],
        help="a comparison naming a new name decided as a follow-up, not searched alone "
        "(session 12), each in turn",
    )
    parser.add_argument(
        "--off-topic",
        nargs="+",
        default=[None],
        help="off-topic rules joined by '+' (name, request, article, part, longer, measure; off)",
    )
    parser.add_argument(
        "--kind-of-referents",
        nargs="+",
        choices=["on", "off"],
        default=[None],
        help="'what type of company?' points at the name the answer before said (session 12), "
        "each in turn",
    )
    parser.add_argument(
        "--answer-words-evidence",
        nargs="+",
        choices=["on", "off"],
        default=[None],
        help="a follow-up candidate picking up a word of the answer before keeps its context when "
        "the context's first passage matches its words as well (session 13), each in turn",
    )
    parser.add_argument(
        "--follow-ups-14",
        nargs="+",
        default=[None],
        help="session 14's follow-up rules joined by '+' (lower, offctx, those) or off, each in "
        "turn",
    )
    parser.add_argument(
        "--follow-ups-15",
        nargs="+",
        default=[None],
        help="session 15's follow-up rules joined by '+' (shared, of, gap) or off, each in turn",
    )
    parser.add_argument(
        "--unsaid-16",
        nargs="+",
        default=[None],
        help="session 16's rules for questions the sources do not answer joined by '+' (rate, "
        "own, which, subject, tell) or off, each in turn",
    )
    parser.add_argument(
        "--literal-phrase",
        nargs="+",
        default=[None],
        help="a question under the cosine floor covered when a passage writes a phrase of its "
        "content words word for word: off, alone, alone+context, each in turn",
    )
    parser.add_argument(
        "--follow-ups-16",
        nargs="+",
        default=[None],
        help="session 16's rules joined by '+' (same, why) or off, each in turn",
    )
    parser.add_argument(
        "--follow-ups-17",
        nargs="+",
        default=[None],
        help="session 17's rules joined by '+' (ranks, borrowed, how) or off, each in turn",
    )
    parser.add_argument(
        "--off-topic-18",
        nargs="+",
        default=[None],
        help="session 18's off-topic rules joined by '+' (sense=GAP[:UNKNOWN], form=MATCH) or off",
    )
    parser.add_argument(
        "--off-topic-19",
        nargs="+",
        default=[None],
        help="session 19's off-topic rules joined by '+' (unit, surname, sense=GAP[:UNKNOWN]) or "
        "off; origin: 'where is that from?' after an answer shows its quotes cited), each in turn",
    )
    parser.add_argument(
        "--off-topic-20",
        nargs="+",
        default=[None],
        help="session 20's off-topic rules joined by '+' (surname, own=N, thing, prose, "
        "unitword) or off, each in turn",
    )
    parser.add_argument(
        "--off-topic-21",
        nargs="+",
        default=[None],
        help="session 21's off-topic rules joined by '+' (case, prose=M, river=P) or off, each "
        "in turn",
    )
    parser.add_argument(
        "--off-topic-22",
        nargs="+",
        default=[None],
        help="session 22's off-topic rules joined by '+' (chat, named, compound) or off, "
        "each in turn",
    )
    parser.add_argument(
        "--rank-23",
        nargs="+",
        default=[None],
        help="session 23's ranking rules joined by '+' (chat, define) or off, each in turn",
    )
    parser.add_argument(
        "--rank-24",
        nargs="+",
        default=[None],
        help="session 24's ranking rules joined by '+' (define, names, counted) or off, each in "
        "turn",
    )
    parser.add_argument(
        "--rank-25",
        nargs="+",
        default=[None],
        help="session 25's ranking rules joined by '+' (contrast) or off, each in turn",
    )
    parser.add_argument(
        "--rank-26",
        nargs="+",
        default=[None],
        help="session 26's ranking rules joined by '+' (part, shorthand) or off, each in turn",
    )
    parser.add_argument(
        "--rank-27",
        nargs="+",
        default=[None],
        help="session 27's ranking rules joined by '+' (line) or off, each in turn",
    )
    parser.add_argument(
        "--rank-28",
        nargs="+",
        default=[None],
        help="session 28's ranking rules joined by '+' (off in the bot: sentences, follow) or "
        "off, each in turn",
    )
    parser.add_argument(
        "--rank-29",
        nargs="+",
        default=[None],
        help="session 29's ranking rules joined by '+' (quote=W, sentences=W) or off, each in turn",
    )
    parser.add_argument(
        "--rank-30",
        nargs="+",
        default=[None],
        help="session 30's ranking rules joined by '+' (further=W, own=LEAD:RATIO) or off, each "
        "in turn",
    )
    parser.add_argument(
        "--rank-31",
        nargs="+",
        default=[None],
        help="session 31's ranking rules joined by '+' (announcing) or off, each in turn",
    )
    parser.add_argument(
        "--off-topic-23",
        nargs="+",
        default=[None],
        help="session 23's off-topic rules joined by '+' (sense=GAP:COSINE, anywhere, joined, "
        "typos, rival) "
        "or off, each in turn",
    )
    parser.add_argument(
        "--off-topic-24",
        nargs="+",
        default=[None],
        help="session 24's off-topic rules joined by '+' (chat, case, pointing, "
        "names=COSINE:UNKNOWN:FOREIGN) or off, each in turn",
    )
    parser.add_argument(
        "--off-topic-25",
        nargs="+",
        default=[None],
        help="session 25's off-topic rules joined by '+' (kind, measure, anywhere) or off, each "
        "in turn",
    )
    parser.add_argument(
        "--off-topic-26",
        nargs="+",
        default=[None],
        help="session 26's off-topic rules joined by '+' (plural, subject, nothing=N, versus) or "
        "off; origin: 'where is that from?' after an answer shows its quotes cited), each in turn",
    )
    parser.add_argument(
        "--off-topic-27",
        nargs="+",
        default=[None],
        help="session 27's off-topic rules joined by '+' (kind=COSINE:PULL, pointing=COSINE:N) "
        "or off, each in turn",
    )
    parser.add_argument(
        "--off-topic-28",
        nargs="+",
        default=[None],
        help="session 28's off-topic rules joined by '+' (own=COSINE:N, unit) or off, each in turn",
    )
    parser.add_argument(
        "--off-topic-29",
        nargs="+",
        default=[None],
        help="session 29's off-topic rules joined by '+' (compound=MATCH, it) or off, each in turn",
    )
    parser.add_argument(
        "--off-topic-30",
        nargs="+",
        default=[None],
        help="session 30's off-topic rules joined by '+' (it, sense=MATCH:COSINE, howto) or off, "
        "each in turn",
    )
    parser.add_argument(
        "--off-topic-31",
        nargs="+",
        default=[None],
        help="session 31's off-topic rules joined by '+' (noun, now, howto=COSINE, steps) or "
        "off, each in turn",
    )
    parser.add_argument(
        "--follow-ups-20",
        nargs="+",
        default=[None],
        help="session 20's follow-up rules joined by '+' (pointed=threads|all) "
        "or off, each in turn",
    )
    parser.add_argument(
        "--follow-ups-21",
        nargs="+",
        default=[None],
        help="session 21's follow-up rules joined by '+' (preposition, else: ellipsis makes a "
        "follow-up candidate; it: 'it' opens the subject as 'that' does) or off, each in turn",
    )
    parser.add_argument(
        "--follow-ups-22",
        nargs="+",
        default=[None],
        help="session 22's follow-up rules joined by '+' (insitu: a question word inside the "
        "clause makes a follow-up candidate; conj: a chat opener's conjunction kept; that: a "
        "demonstrative subject keeps its context under the floor) or off, each in turn",
    )
    parser.add_argument(
        "--follow-ups-23",
        nargs="+",
        default=[None],
        help="session 23's follow-up rules joined by '+' (first: a topic named in a clause of "
        "its own before the question makes no follow-up; count: a count names no topic; that: as "
        "session 22's) or off, each in turn",
    )
    parser.add_argument(
        "--follow-ups-24",
        nargs="+",
        default=[None],
        help="session 24's follow-up rules joined by '+' (chat: a chat word names nothing asked "
        "about; example: a request for an example asks about what was said; said: the sentence the "
        "answer before quoted is scored for a question asking of a person alone; he: 'he' or 'she' "
        "as the subject keeps the context as 'it' does) or off, each in turn",
    )
    parser.add_argument(
        "--follow-ups-25",
        nargs="+",
        default=[None],
        help="session 25's follow-up rules joined by '+' (how-much: a bare 'how much?' is "
        "labelled for the kind the question before asks with 'how much'; first: a bare name in a "
        "thread is quoted where the article first writes it; asked: the noun after 'what' or "
        "'which' names nothing 'it' stands for; they: 'they' as the subject of a yes-or-no "
        "question keeps the context) or off, each in turn",
    )
    parser.add_argument(
        "--follow-ups-26",
        nargs="+",
        default=[None],
        help="session 26's follow-up rules joined by '+' (anything: 'anything on X?' opens a "
        "fragment; too: 'cheaper too?' is read as 'and cheaper?'; else: 'anything else' asks for "
        "more as 'what else' does; besides: an exclusion clause is not read as asked by the "
        "label) or off, each in turn",
    )
    parser.add_argument(
        "--follow-ups-27",
        nargs="+",
        default=[None],
        help="session 27's follow-up rules joined by '+' (side: a framing noun such as 'side' is "
        "not required of the shared passage; like: 'like what, concretely?' asks for an example; "
        "others: 'the others' points back) or off, each in turn",
    )
    parser.add_argument(
        "--follow-ups-28",
        nargs="+",
        default=[None],
        help="session 28's follow-up rules joined by '+' (unfinished: a question leaving its "
        "clause to the question before, with no verb of its own, keeps its context; shorthand: "
        "'different q —', 'unrelated but' are topic labels) or off, each in turn",
    )
    parser.add_argument(
        "--follow-ups-29",
        nargs="+",
        default=[None],
        help="session 29's follow-up rules joined by '+' (lent: a fragment's own lead gives way "
        "when the context finds its first passage too and lends it coverage; any: 'any weak "
        "points?' is a follow-up candidate) or off, each in turn",
    )
    parser.add_argument(
        "--follow-ups-30",
        nargs="+",
        default=[None],
        help="session 30's follow-up rules joined by '+' (like: 'like is it …' rephrases the "
        "question before; mean: '… i mean' amends it; floor: 'so what?' after an answer is "
        "covered as it was) or off, each in turn",
    )
    parser.add_argument(
        "--follow-ups-31",
        nargs="+",
        default=[None],
        help="session 31's follow-up rules joined by '+' (to: 'to tesla?' is a follow-up "
        "candidate; stays: a follow-up whose answer alone quotes the passage just quoted is "
        "searched alone) or off, each in turn",
    )
    parser.add_argument(
        "--follow-ups-17b",
        nargs="+",
        default=[None],
        help="session 17b's rules joined by '+' (label) or off, each in turn",
    )
    parser.add_argument(
        "--follow-ups-18",
        nargs="+",
        default=[None],
        help="session 18's follow-up rules joined by '+' (own=W: a follow-up in context re-ranked "
        "by its own tokens' MaxSim at weight W) or off, each in turn",
    )
    parser.add_argument(
        "--follow-ups-19",
        nargs="+",
        default=[None],
        help="session 19's follow-up rules joined by '+' (subject: a demonstrative subject keeps "
        "the context) or off, each in turn",
    )
    parser.add_argument(
        "--floor-18",
        nargs="+",
        default=[None],
        help="session 18's short questions under the floor (every=N: at most N content words, "
        "each the sources' in some form, covered at the floor) or off, each in turn",
    )
    parser.add_argument(
        "--lead-21",
        nargs="+",
        default=[None],
        help="the lead's session 21 rules joined by '+' (stops: stop words not counted under the "
        "floor; mention: 'any mention of X?' read by X; overview: 'tl;dr?' answered by the "
        "opening and the close) or off, each in turn",
    )
    parser.add_argument(
        "--talk-23",
        nargs="+",
        default=[None],
        help="session 23's small-talk rules joined by '+' (states, goodbyes, spelled, another, "
        "fillers: a state said back, a goodbye, chat spellings, 'one more:', 'btw,' before a "
        "question taken off; "
        "sincere: 'thank you, truly', 'fair nuff'; stretched: 'sweeet'; forms, off in the bot: "
        "'all set', 'aight', 'hbu') or off, each in turn",
    )
    parser.add_argument(
        "--talk-24",
        nargs="+",
        default=[None],
        help="session 24's small-talk rules joined by '+' (forms: 'salutations', 'good arvo', "
        "'how's everyone', 'alrighty', 'wooo', whole or before a question; discourse: 'anyway, ', "
        "'actually ' before a question) or off, each in turn",
    )
    parser.add_argument(
        "--talk-25",
        nargs="+",
        default=[None],
        help="session 25's small-talk rules joined by '+' (forms: 'good evening to you', "
        "'that's all i needed', 'you're welcome', whole; bare: 'like what?' opening a "
        "conversation told what the bot answers; openers: those forms before a question, "
        "'wassup my dude, who …'; more: 'bot?', 'grazie', 'copy that') or off, each in turn",
    )
    parser.add_argument(
        "--talk-26",
        nargs="+",
        default=[None],
        help="session 26's small-talk rules joined by '+' (forms: 'heyyo botty', 'sup sup', "
        "'coolio', whole; more: 'hai', 'ttfn', 'what's this bot for', a bare 'next' first; marks: "
        "'?' alone told what the bot answers; openers: those forms and 'hi to you' before a "
        "question; unclear: 'huh?' after an answer) or off, each in turn",
    )
    parser.add_argument(
        "--talk-27",
        nargs="+",
        default=[None],
        help="session 27's small-talk rules joined by '+' (forms: 'hullo hullo', 'fair dos', 'have "
        "a lovely evening', whole; more: 'that'll do', 'well explained', 'bless you'; what: a "
        "bare 'what?' after an answer told it was unclear; openers: 'hey botty who …' with no "
        "mark) or off, each in turn",
    )
    parser.add_argument(
        "--talk-28",
        nargs="+",
        default=[None],
        help="session 28's small-talk rules joined by '+' (ideas: 'suggest a question', 'what "
        "questions should i ask?' given the help reply; oaths: 'wtf is rivian' asked as 'what is "
        "rivian'; more: 'spot on', 'gotta dash', '/help', 'umm' whole; forms: 'oh snap', 'oops "
        "sorry, typo', 'you absolute star' whole; openers: those before a question and a mark, "
        "'bruh who …', 'dude, who …'; "
        "limits: 'can you browse the web?' told what the bot can't do) or off, each in turn",
    )
    parser.add_argument(
        "--talk-29",
        nargs="+",
        default=[None],
        help="session 29's small-talk and chat rules joined by '+' (forms: 'coolness, ta v much', "
        "'okie dokie then' whole; more: 'hold on', 'stop', 'maybe', 'merry christmas', 'are you "
        "sentient?' whole; openers: those before a question and a mark; mention: '@evbot' alone "
        "greeted; files: an image alone told the bot reads words) or off, each in turn",
    )
    parser.add_argument(
        "--talk-30",
        nargs="+",
        default=[None],
        help="session 30's small-talk rules joined by '+' (forms: 'hiya robot pal', 'how ya "
        "doin today', 'whoops sorry' whole; ideas: 'give me a related question', "
        "'any follow-up questions?' given the help reply; sources: 'what sources do you use?' "
        "told the front matter's sources; closingasked: 'that's it?', 'nothing else?' after an "
        "answer asked as 'is that all?'; more: 'i had no idea' acknowledged, 'can you rephrase "
        "that?' read as 'huh?'; openers: 'oh wow i had no idea. who …' read as 'who …') or "
        "off, each in turn",
    )
    parser.add_argument(
        "--talk-31",
        nargs="+",
        default=[None],
        help="session 31's small-talk rules joined by '+' (about: 'which article do you use?', "
        "'who is your creator?', 'are you ever wrong?' given the help reply; language: 'what "
        "language do you speak?' told it reads English; taste: 'what's your favourite car?', "
        "'would you buy a tesla?' given the no-sides reply; forms: 'mornin botface', 'haha u "
        "funny', 'nice chatting with ya' whole; more: 'thanks for your help bot', 'okey doke', "
        "'got a sec?' whole, 'are my questions logged?' the limits reply; names: 'bot, thanks', "
        "'night bot' read without the name; slang: 'brill', 'toodles' whole; vocative: 'bot, "
        "who is rivian?', 'who is rivian, mate?' asked without the name) or off, each in turn",
    )
    parser.add_argument(
        "--lead-22",
        nargs="+",
        default=[None],
        help="the lead's session 22 rules joined by '+' (about: 'who wrote this?' answered from "
        "the articles' front matter; more: 'tell me more' answered past what was quoted; caps: "
        "a question in capitals read in lower case; several: each of several questions in one "
        "message answered; frame: 'do you know when …' labelled as 'when …') or off, each in turn",
    )
    parser.add_argument(
        "--lead-23",
        nargs="+",
        default=[None],
        help="the lead's session 23 rules joined by '+' (list: a quoted sentence ending in a "
        "colon followed by the list it announces; sections: 'the section on partnerships' "
        "answered from its heading; repeat: 'repeat that' shows the answer before again; spell: "
        "'who is rivain' read as 'rivian'; pointed: 'source 2?', 'the second one?' answered from "
        "the answer before; feedback: 'that's wrong', 'never mind, …', 'start over') or off, "
        "each in turn",
    )
    parser.add_argument(
        "--lead-24",
        nargs="+",
        default=[None],
        help="the lead's session 24 rules joined by '+' (shorter: 'in one sentence?' shows the "
        "answer before's first quoted sentence; tour: 'tell me more' after an overview quotes the "
        "sections it skipped; votes: 'that's wrong' counted as a 'Not helpful' vote; script: a "
        "question in another script told the bot reads English; antecedent: a quote opening with "
        "'This …' after the sentence it points at; apostrophes: 'whos' read as 'who's') or off, "
        "each in turn",
    )
    parser.add_argument(
        "--lead-25",
        nargs="+",
        default=[None],
        help="the lead's session 25 rules joined by '+' (phrasings: 'eli5', 'catch me up', 'the "
        "short version', 'in 3 bullets' read as requests for an overview; views: 'what's the "
        "author's opinion?' answered by the conclusion; topics: 'tell me about "
        "lucid' covered when the sources write the topic; origin: 'who said that?' shows the "
        "answer before's quotes and their citations; complaint: 'not what i asked. i meant …' puts "
        "the question right; places: 'what's section 3 about' quotes that section; freshness: 'how "
        "up to date are you?' says when the index was built; which: 'which section mentions "
        "rivian?' asked as 'rivian') or off, each in turn",
    )
    parser.add_argument(
        "--lead-27",
        nargs="+",
        default=[None],
        help="the lead's session 27 rules joined by '+' (briefly: 'what's amazon's plan in one "
        "sentence' asked without it; tone: 'what is the tone of the article' "
        "answered by the conclusion; matters: 'why does this matter?' by the conclusion, 'give "
        "me the background' by the opening; trust: 'how reliable are your sources?' told where "
        "the article comes from; pointed: 'summarize the third one', a bare '5' after a list point "
        "at that item; which: 'which one is about the environment?' after the headings quotes "
        "that section; search: 'search for nvidia' searched as 'nvidia'; count: 'how many times "
        "is tesla mentioned?' counted in the text; nth: 'what's the second innovation?' that "
        "item of the innovations' list; acronym: 'what does EV stand for?' the sentence spelling "
        "it out; reset: 'clear', 'forget that' start over; recall: 'what was my first question?' "
        "told from the conversation; intro: 'I'm a journalist. what is amazon planning?' "
        "searched without the introduction; dates: 'what are the key dates?' the sentences "
        "naming a year; navigate: 'skip to the conclusion' read as the conclusion, 'section 11?' "
        "told how many there are; sizes: 'which section is the longest?'; write: 'write me a "
        "haiku' told the bot only quotes; phrasings: 'summarize in 50 words' read as an "
        "overview; full: 'send me the article' told how to read it here; several: 'the first "
        "two' after a list quotes each; languages: 'can you answer in french?' told the bot "
        "reads English; corrections: 'who is musk? → not him, bezos' asks 'who is bezos?'; "
        "origin: 'where is that from?' after an answer shows its quotes cited; previous: 'go "
        "back' answers the question before the last; complaints: 'try again' after an answer is "
        "a complaint) or off, each in turn",
    )
    parser.add_argument(
        "--lead-30",
        nargs="+",
        default=[None],
        help="the lead's session 30 rules joined by '+' (shown: 'tell me more', 'show me' after "
        "'which sections talk about nvidia?', a count of mentions, the names or the intro's "
        "length quote the sentences behind it; headings: 'what's the first section called?' "
        "told its heading; paragraphs: 'what does the second paragraph say?' that paragraph, "
        "'how many paragraphs are there?' counted; another: 'and the third?' after a section "
        "that section; points: 'list the main points' an overview; whichparagraph: 'which "
        "paragraph mentions rivian?' searched as 'rivian'; listasked: 'how many are there?' "
        "after a list counted, 'which one is the most important?' labelled; longer: 'longer', "
        "'details?' after an answer ask for more; attributions: 'does the article cite any "
        "sources?' the sentences attributing a claim; partsummed: 'tl;dr of the conclusion' "
        "that part's overview; agree: 'tesla will win, agree?', 'you're biased' told the bot "
        "takes no side; showme: 'show me', 'which article is that from?' after an answer its "
        "quotes cited; itemafteritem: 'and the fourth?' after 'what's the third one?' the same "
        "list's; typos: 'how many paragrahs are there?' read as typed right; madeup: 'did you "
        "make that up?' a doubt; partends: 'how does the conclusion open?' its first "
        "sentences; embedded: 'do you know who rivian is?' asked directly; simpler: 'eli5' after "
        "an answer its first sentence) or off, each in turn",
    )
    parser.add_argument(
        "--lead-31",
        nargs="+",
        default=[None],
        help="the lead's session 31 rules joined by '+' (summed: 'summarize it' after a section's "
        "length or heading its first sentence; previous: 'previous' right after a section the "
        "one before; moreafteritem: 'tell me more' after a list item, a source or the passage "
        "reads on past it; passage: 'show me the passage', 'what's the context?' after an answer "
        "its passage; respelt: 'where?' after a count of a misspelt name shows it; unwritten: "
        "'does the article mention china?' told no when refused; capitals: 'nvida' respelt "
        "NVIDIA; very: 'the very last sentence'; title: 'what can you tell me about the ev "
        "rivalry?' the overview; remember: 'do you remember what i said?' the questions; "
        "compared: 'who is mentioned more, bezos or musk?', 'which section mentions tesla the "
        "most?', 'does the conclusion mention rivian?' counted; prose: 'factoris' respelt "
        "'factories'; pointedback: 'what are the weaknesses?' quotes the sentence naming them "
        "before '… exploit these weaknesses'; countassumed: 'what are the three weaknesses?' "
        "asked without 'three'; shown: 'show me' after 'which section mentions tesla the "
        "most?' quotes those sentences; shortnamed: 'what's rivian? also, what's nvidia?' two "
        "questions; names: 'compare rivian and lucid' each name in turn) or off, each in turn",
    )
    parser.add_argument(
        "--lead-29",
        nargs="+",
        default=[None],
        help="the lead's session 29 rules joined by '+' (sectionlength: 'how long is the "
        "conclusion?' told its words; exact: 'can you quote it exactly?' after an answer shows "
        "its quotes cited; around: 'show me the whole section', 'what comes next in the "
        "article?' after an answer quote around it; numbers: 'are there any figures?' the "
        "sentences naming a number; topics: 'what else does the article cover?' the headings; "
        "opens: 'what does the article open with?' its opening; names: 'tell me about the first "
        "one' after the names listed searches it; countmore: a second 'tell me more' after a "
        "count asks more of the list; frontmatter: 'is this article recent?' the freshness, 'are "
        "there other articles?' the articles read; more: 'is that all?' after an answer asks "
        "for more; returnto: 'go back to rivian' answers that question again; takeaway: "
        "'what's the takeaway for investors?' searched as 'investors'; audience: 'who is the "
        "article for?' the closing line; separators: 'who is rivian / where is the hq' split, "
        "'... and who is lucid?' searched alone; items: 'compare the first two' after a list "
        "those items; retry: 'can you try again?' after an answer a complaint; nthsentence: "
        "'the third sentence of the article?' that sentence; doubts: 'are you sure about that?' "
        "after an answer shows it again; sectionsnaming: 'which sections talk about amazon?' "
        "the sections naming it; severalsections: 'summarize sections 1 and 2' those sections; "
        "moreofparts: 'tell me more' after a section's length, several sections or a sentence "
        "by place reads on there; abouttext: 'tell me about the article' an overview; year: "
        "'what happens in 2040?' the sentences naming it; countnames: 'how many people are "
        "mentioned?' counted; likes: 'do you like elon?' told the bot takes no side; others: "
        "'any other partners?' after partners asks for more) or off, each in turn",
    )
    parser.add_argument(
        "--lead-28",
        nargs="+",
        default=[None],
        help="the lead's session 28 rules joined by '+' (readon: the first 'tell me more' reads "
        "on through the passage quoted last; returns: 'go back' in the conversation read as the "
        "question gone back to; confidence: 'how sure are you?' a doubt after an answer, the "
        "trust reply alone; topics: 'what are the main themes?' the headings; listcount: 'how "
        "many innovations are there?' told from their list; phrasings: 'what does the article "
        "say?', 'is this news or opinion?' read as overviews; conversation: 'what have we talked "
        "about?' told the questions; saidbefore: 'what did you say about rivian earlier?' "
        "searched as 'rivian'; so: 'so?' after an answer asks for more; semicolon: 'who is "
        "rivian; who is lucid' split at the semicolon; shorthand: 'hw many times is tesla "
        "mentioned' read as the request typed out; relative: 'what comes after the partnerships "
        "section?' that section; steps: 'previous section' after a section the one before it; "
        "names: 'who is mentioned in the article?' the people the text names; frontmatter: 'who "
        "wrote it? → when?' the date; numbers: 'what are the key numbers?' the sentences naming "
        "one; insults: 'you're useless' after an answer a complaint; datesmore: 'tell me more' "
        "after the dates the next ones; search: 'does it say anything about china?' searched as "
        "'china'; references: 'references?' after an answer its quotes cited; eachsection: "
        "'summarize each section' each one's first sentence) or off, each in turn",
    )
    parser.add_argument(
        "--lead-26",
        nargs="+",
        default=[None],
        help="the lead's session 26 rules joined by '+' (simpler: 'summarise that', 'in simpler "
        "words' after an answer show its first quoted sentence, 'and then?' asks for more; stance: "
        "'what's your opinion?' told the bot takes no side; bias: 'is this article biased?' "
        "answered by the conclusion; facts: 'the 3 most important facts' read as an overview; "
        "length: 'how long is the article?' counted, 'who published it?' its source; oneon: 'the "
        "one on the environment' after the headings quotes that section; numbered: '1) … 2) …' "
        "and 'two questions: …' answered as several questions; cite: 'can you cite that?' shows "
        "the answer before's quotes cited, 'show me the full passage' its passage whole; next: "
        "'next' after a section quotes the one after it; intro: 'what does the intro say' quotes "
        "the opening; mentions: 'is ford mentioned in the article?' searched as 'ford'; asides: "
        "'thanks' between a question and its follow-up left out of the follow-up's history; "
        "briefly: 'briefly, who is rivian?' asked without 'briefly', its first sentence; typos: "
        "'waht are the sections' read as the request typed right) or off, each in turn",
    )
    parser.add_argument(
        "--forms-19",
        nargs="+",
        default=[None],
        help="session 19's other word forms in late interaction joined by '+' (match=M: a "
        "question word's other form matches at least M; words=N|any: questions of at most N "
        "counted words, 3) or off, each in turn",
    )
    parser.add_argument(
        "--forms-20",
        nargs="+",
        default=[None],
        help="session 20's other forms joined by '+' (pos: no noun against a verb; short: "
        "shortenings; match=M: FORM_MATCH) or off, each in turn",
    )
    parser.add_argument(
        "--lead-in-21",
        nargs="+",
        default=[None],
        help="session 21's question after a lead-in clause re-ranked with its MaxSim at this share "
        "beside the whole question's (0.5), or off, each in turn",
    )
    parser.add_argument(
        "--topic-22",
        nargs="+",
        default=[None],
        help="session 22's question searched without its words about the text, rules joined by "
        "'+' (vector, text, coverage, rerank=S) or off, each in turn",
    )
    parser.add_argument(
        "--role-21",
        nargs="+",
        default=[None],
        choices=["off", "on"],
        help="session 21's role asked of an owner not held by a quote naming the role and no word "
        "of the owner (on) or off, each in turn",
    )
    parser.add_argument(
        "--unsaid-22",
        nargs="+",
        default=[None],
        help="session 22's kinds asked in other words: on, off or rules joined by '+' (quantity, "
        "money, trading, time, approx; off in the bot: charge, paid, role), each in turn",
    )
    parser.add_argument(
        "--unsaid-23",
        nargs="+",
        default=[None],
        help="session 23's near-domain readings: on, off or rules joined by '+' (town, money, "
        "running, sprint, stake, possessive, price, range, occupation, compared), each in turn",
    )
    parser.add_argument(
        "--unsaid-24",
        nargs="+",
        default=[None],
        help="session 24's near-domain readings: on, off or rules joined by '+' (region, into, "
        "stated, and; off in the bot: much, boss, has), each in turn",
    )
    parser.add_argument(
        "--unsaid-25",
        nargs="+",
        default=[None],
        help="session 25's near-domain readings: on, off or rules joined by '+' (opener, judged, "
        "size, date, number, pls, share, measure, view; off in the bot: whats), each in turn",
    )
    parser.add_argument(
        "--unsaid-26",
        nargs="+",
        default=[None],
        help="session 26's near-domain readings: on, off or rules joined by '+' (earn, weigh, "
        "leading, plan, names, counted, judged), each in turn",
    )
    parser.add_argument(
        "--unsaid-27",
        nargs="+",
        default=[None],
        help="session 27's near-domain readings: on, off or rules joined by '+' (place, named, "
        "listed, other, roles, hedge, measures, people, quote, headings, fragment), each in turn",
    )
    parser.add_argument(
        "--unsaid-28",
        nargs="+",
        default=[None],
        help="session 28's near-domain readings: on, off or rules joined by '+' (dealings, "
        "percent, range, quoted, claims, richer), each in turn",
    )
    parser.add_argument(
        "--unsaid-29",
        nargs="+",
        default=[None],
        help="session 29's near-domain readings: on, off or rules joined by '+' (spending, "
        "leader, claims, address, stake, hired, figurative, airports, choice, made), each in turn",
    )
    parser.add_argument(
        "--unsaid-30",
        nargs="+",
        default=[None],
        help="session 30's near-domain readings: on, off or rules joined by '+' (fraction, "
        "countries, plan, regions), each in turn",
    )
    parser.add_argument(
        "--unsaid-31",
        nargs="+",
        default=[None],
        help="session 31's near-domain readings: on, off or rules joined by '+' (finer, exact, "
        "putting, number, like, degree), each in turn",
    )
    parser.add_argument(
        "--labels-16",
        nargs="+",
        default=[None],
        help="session 16's in-domain rules joined by '+' (head, when, text) or off, each in turn",
    )
    parser.add_argument(
        "--attribute-grammar",
        nargs="+",
        default=[None],
        help="the attribute asked for by name read by session 13's rules joined by '+' (like, "
        "evaluative; off), each in turn",
    )
    args = parser.parse_args()
    if args.baseline:
        bot.answer.asked_kind = lambda question: None  # type: ignore[assignment]
    if args.named_things:
        bot.question_kind.NAMED_THING_RULES = True
    with tempfile.TemporaryDirectory() as tmp:
        service = shipped_service(Path(tmp), args.ranking_sentences)
        if args.lexical_weight is not None:
            service.retriever.lexical_weight = args.lexical_weight
        if args.expansion_weight is not None:
            service.retriever.expansion_weight = args.expansion_weight
        if args.expansion_known_weight is not None:
            service.retriever.expansion_known_weight = args.expansion_known_weight
        if args.expansion_similarity is not None:
            service.retriever.expansion_similarity = args.expansion_similarity
        if args.expansion_neighbours is not None:
            service.retriever.expansion_neighbours = args.expansion_neighbours
        late = service.retriever.late or LateInteraction(service.retriever.index, service.embedder)
        answer_ms: list[float] = []
        ask = service.ask

        def timed_ask(*asked: Any, **options: Any) -> Answer:
            answer = ask(*asked, **options)
            if "total" in answer.timings_ms:  # small talk is answered without a search or timing
                answer_ms.append(answer.timings_ms["total"])
            return answer

        service.ask = timed_ask  # type: ignore[method-assign]
        if args.answer_sentence_weight is not None:
            retriever = service.retriever
            search_vector = retriever.search_vector

            def answer_search(query: str, vector: Any, k: int) -> Any:
                # Only the answer's search goes through search_vector; search_for ranks directly.
                decisions = retriever.sentence_weight
                retriever.sentence_weight = args.answer_sentence_weight
                try:
                    return search_vector(query, vector, k)
                finally:
                    retriever.sentence_weight = decisions

            retriever.search_vector = answer_search  # type: ignore[method-assign]
        bench = Bench(service.retriever, late)
        for variant in variants(args):
            for switch in SWITCHES:
                if variant[switch.dest] is not None:
                    print(switch.apply(variant[switch.dest], bench))
            for side, names in SETS.items():
                if args.tuning_only and side != "tuning":
                    continue
                print(f"== {side}")
                for name in names:
                    if args.conversations_only and not name.startswith("conversations"):
                        continue
                    if name in args.without:
                        continue
                    shown = args.misses and side == "tuning"
                    sort_misses = args.oracle and side == "tuning"
                    print(f"{name}: {json.dumps(measure(service, name, shown, sort_misses))}")
                if not args.conversations_only:
                    kept = [n for n in names if n not in args.without]
                    shown = args.misses and side == "tuning"
                    print(f"threads: {json.dumps(threads(service, kept, shown))}")
            print(f"median answer {percentile(answer_ms, 50)} ms over {len(answer_ms)} answers")
            answer_ms.clear()


if __name__ == "__main__":
    main()
