"""Off-topic questions the cosine floor lets through are refused by their own words, alone and in
a thread (bot/off_topic.py; docs/quality.md, "Off-topic questions refused (session 12)")."""

import uuid

import pytest

import bot.off_topic
from bot.lexical import terms
from bot.off_topic import name_as_modifier, request_unknown_object
from bot.service import AnswerService, written_as_name

# Questions from tests/data/offtopic-tuning.jsonl that the floor let through, each with its rule.
TRAPS = [
    ("how big is the amazon rainforest", "NAME_AS_MODIFIER"),
    ("what does a tesla coil do", "NAME_AS_MODIFIER"),
    ("where do musk oxen live", "NAME_AS_MODIFIER"),
    ("Recommend me a good sci-fi novel", "REQUEST_UNKNOWN_OBJECT"),
]
# In-domain questions of the tuning sets in the same forms: a name with a word the sources never
# use ("my Amazon account", "Musk respond", "amazon put money"), a request.
IN_DOMAIN = [
    "Will it connect to my Amazon account?",
    "How will Musk respond?",
    "did amazon put money into any other ev maker before this",
    "What do critics say about the carbon footprint of EVs?",
    "name some other brands eating into tesla's lead",
    "Tell me about the Amazon EV's self-driving plans.",
]
SOURCES = {
    "amazon", "tesla", "musk", "bezos", "ev", "car", "cars", "battery", "batteries", "say",
    "critics", "lead", "brands", "plans", "driving", "self", "simply", "explain", "share",
}  # fmt: skip
NAMES = {"amazon", "tesla", "musk", "bezos"}


def holds(term: str) -> bool:
    """A tiny index's vocabulary, stemmed as the lexical index stems it."""
    return term in {t for word in SOURCES for t in terms([word])[0]}


def named(word: str) -> bool:
    return word in NAMES


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how big is the amazon rainforest", True),  # after an article
        ("what does a tesla coil do", True),
        ("where do musk oxen live", True),  # alone after a plural verb
        ("Will it connect to my Amazon account?", False),  # the asker's own
        ("How will Musk respond?", False),  # who is asked about
        ("where do musk and bezos compete", False),  # a plural subject
        ("what does the tesla's coil do", False),  # possessive: Tesla's own
        ("how big is the amazon rainforest near the cars", False),  # a word of the sources
        ("where do critics live", False),  # "critics" is no name
    ],
)
def test_a_name_modifying_a_word_the_sources_never_use(question: str, expected: bool) -> None:
    assert name_as_modifier(question, holds, named) is expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Recommend me a good sci-fi novel", True),
        ("Explain quantum entanglement simply", True),  # mostly words the sources never use
        ("can you please write a limerick about a rocket", True),
        ("give me examples", False),  # one word: it may be a follow-up
        ("tell me about the self-driving plans", False),  # words the sources use
        ("write a poem about tesla's coil factory", False),  # names a name of the sources
        ("what is a good sci-fi novel", False),  # a question, not a request
    ],
)
def test_a_request_for_something_the_sources_never_mention(question: str, expected: bool) -> None:
    assert request_unknown_object(question, holds, named) is expected


def test_names_are_read_from_how_the_sources_write_them(service: AnswerService) -> None:
    retriever = service.retriever
    assert written_as_name(retriever, "amazon")
    assert written_as_name(retriever, "Musk")
    assert not written_as_name(retriever, "ev")  # an acronym
    assert not written_as_name(retriever, "critics")  # capitalised only opening a sentence
    assert not written_as_name(retriever, "batteries")
    assert not written_as_name(retriever, "rainforest")  # the sources never use it


@pytest.mark.parametrize(("question", "rule"), TRAPS)
def test_an_off_topic_question_the_floor_lets_through_is_refused(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, question: str, rule: str
) -> None:
    assert service.ask(question).outcome == "refused"
    monkeypatch.setattr(bot.off_topic, rule, False)
    assert service.ask(question).outcome != "refused"  # over the floor: the rule refuses it


@pytest.mark.parametrize("question", IN_DOMAIN)
def test_in_domain_questions_of_the_same_forms_are_answered(
    service: AnswerService, question: str
) -> None:
    answer = service.ask(question)
    assert answer.outcome == "answered", answer.answer


@pytest.mark.parametrize(
    ("first", "question", "rule"),
    [
        # Refused alone under the floor, answered in a thread from the context ("that's" points
        # back, and no word of it is the sources').
        (
            "Who is Amazon partnering with on batteries?",
            "Write a limerick about a rocket that's afraid of heights",
            "REQUEST_UNKNOWN_OBJECT",
        ),
        # Session 11's one left: both searches find the rivalry passage, so "agree" lent it.
        (
            "What do consumers get out of this rivalry?",
            "Explain quantum entanglement simply",
            "REQUEST_UNKNOWN_OBJECT",
        ),
        (
            "Who is Amazon partnering with on batteries?",
            "what does a tesla coil do",
            "NAME_AS_MODIFIER",
        ),
    ],
)
def test_an_off_topic_question_in_a_thread_is_refused_by_its_own_words(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, first: str, question: str, rule: str
) -> None:
    def asked() -> str:
        conversation = uuid.uuid4().hex
        service.ask(first, conversation=conversation)
        return service.ask(question, [first], conversation=conversation).outcome

    assert asked() == "refused"
    monkeypatch.setattr(bot.off_topic, rule, False)
    assert asked() != "refused"
