"""The question inside a polite or indirect frame ("do you know when amazon's car launches?",
"does the article say how much the amazon ev costs?"): what the answer's label is judged on.

The kind of thing asked (a date, an amount, a person: bot.question_kind) is read from a
question's first words, so a frame hid it: "when does amazon's car launch?" was labelled partial
(the sources give no date) and "do you know when amazon's car launches?" presented as answered by
the same quote. The frame is read by grammar only (who is asked to tell, and a question word
after it); the search still reads the whole question.
"""

from __future__ import annotations

import re

# On: the label and the quote's kind are judged on the question inside a frame (session 22;
# docs/quality-log.md, "The lead's rules (session 22)"). `benchmarks/quality.py --lead-22`
# measures it.
EMBEDDED_QUESTION = True

_FRAME = re.compile(
    r"^(?:(?:so|ok|okay|hey|and|but|also|um|hmm)\W+)*"
    r"(?:(?:does|did|do) (?:the (?:article|piece|story|text|post|sources?)|it|they|you|u)"
    r" (?:say|mention|tell(?: (?:us|me))?|explain|state|note|cover|know)"
    r"|(?:can|could|would|will) (?:you|u) (?:tell|show|explain(?: to)?|remind)(?: (?:me|us))?"
    r"|(?:do|does) (?:you|u|anyone|anybody) (?:know|remember)"
    r"|(?:i|i'd|id) (?:want to|wanna|would like to|'d like to|like to) know"
    r"|i(?:'m| am)? wonder(?:ing)?|any idea|got any idea|tell (?:me|us))"
    r"\W+(?=(?:who|whom|whose|what|when|where|which|why|how)\b)",
    re.IGNORECASE,
)


def embedded_question(question: str) -> str:
    """`question` without a frame around the question it asks ("do you know when …" -> "when
    …"); the question itself when it has none."""
    if not EMBEDDED_QUESTION:
        return question
    found = _FRAME.match(question.strip())
    return question.strip()[found.end() :] if found else question
