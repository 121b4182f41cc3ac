"""A question's words about the text or the conversation left out of its search
(bot.lexical.about_the_topic, bot.retrieval.TOPIC_VECTOR; docs/quality-log.md, "Words about the
text (session 22)")."""

from __future__ import annotations

import pytest

from bot.lexical import about_the_topic


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("what does it say about ford", "what about ford"),
        ("what's the story with the factories", "what's with the factories"),
        (
            "remind me what the article says about musk's personality",
            "what about musk's personality",
        ),
        ("why is rivian mentioned", "why is rivian"),  # a passive keeps its subject and "be"
        ("how is rivian connected to this", "how is rivian"),
        (
            "what temperament does bezos have according to the piece",
            "what temperament does bezos have",
        ),
        (
            "does the author think musk is working on better batteries",
            "musk is working on better batteries",
        ),
    ],
)
def test_words_about_the_text_are_left_out(question: str, topic: str) -> None:
    assert about_the_topic(question) == topic


@pytest.mark.parametrize(
    "question",
    [
        # Saying by someone the text reports, not by the text: the words are the topic.
        "what did musk say about amazon",
        "Who wrote the poem The Mark of Anarchy?",
        "Gandhi often referenced Shelley's poem in his efforts to do what?",
        "What was the source of the mistake?",
        "Which is the largest city not connected to an interstate highway?",
        "tesla's success story",
        # Nothing left but function words: searched as asked.
        "what does the article say",
        "tell me more",
        "what's it say",
    ],
)
def test_nothing_left_out(question: str) -> None:
    assert about_the_topic(question) is None
