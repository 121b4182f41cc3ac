"""A question naming a part of the text beside its topic is answered from that part (session 26)."""

import pytest

import bot.retrieval
from bot.chunking import Passage
from bot.named_part import named_part, part_rows
from bot.service import AnswerService

OPENING = "few rivalries have captured the public imagination"


def test_the_opening_line_named_quotes_the_opening(service: AnswerService) -> None:
    # tuning-extra-25.jsonl: the conclusion's "tech enthusiast" sentence was quoted.
    answer = service.ask("whats the opening line say about rivalries in tech")
    assert OPENING in answer.answer, answer.answer
    assert [c.section for c in answer.citations] == [None]
    for quote in answer.quotes:
        assert quote.text in answer.citations[quote.citation - 1].text


def test_without_the_rule_another_part_was_quoted(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.retrieval, "NAMED_PART", False)
    answer = service.ask("whats the opening line say about rivalries in tech")
    assert OPENING not in answer.answer, answer.answer


def test_the_conclusion_named_cites_its_passages_only(service: AnswerService) -> None:
    answer = service.ask("what does the conclusion say about musk")
    assert answer.citations
    assert {c.section for c in answer.citations} == {
        "Conclusion: A Rivalry That Could Transform the World"
    }


def test_a_question_naming_no_part_is_searched_as_before(service: AnswerService) -> None:
    # "in the end" is said of the rivalry, not of the text.
    answer = service.ask("so what decides the winner in the end")
    assert "who can build a better product" in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("question", "part"),
    [
        ("whats the opening line say about rivalries in tech", "opening"),
        ("why is the world even wanting more evs according to the intro", "opening"),
        ("what does the first paragraph say about spacex", "opening"),
        ("How does the conclusion frame the rivalry?", "close"),
        ("what's the article's closing line about consumers", "close"),
        ("what's said about tesla at the end of the article", "close"),
        # Said of the rivalry, or of a conclusion someone draws: no part of the text.
        ("so what decides the winner in the end", None),
        ("is the rocket stuff the end of their feud or is there more to it", None),
        ("what conclusion did the analysts reach", None),
        ("has tesla led from the beginning", None),
        # Both parts named: neither alone.
        ("do the intro and the conclusion agree", None),
    ],
)
def test_the_part_named(question: str, part: str | None) -> None:
    assert named_part(question) == part


def _passage(n: int, doc: str, section: str | None) -> Passage:
    return Passage(f"{doc}{n}", doc, section, n * 10, n * 10 + 5, "Text.", ((0, 5),))


def test_part_rows_are_each_documents_opening_or_last_section() -> None:
    passages = [
        _passage(0, "a", None),
        _passage(1, "a", None),
        _passage(2, "a", "One"),
        _passage(3, "a", "Two"),
        _passage(4, "a", "Two"),
        _passage(0, "b", "Heading first"),
        _passage(1, "b", "Heading first"),
        _passage(0, "c", None),
        _passage(1, "c", None),
    ]
    assert part_rows(passages, "opening") == {0, 1, 5, 7}
    # No heading in "c": its first passage opens it, its last closes it.
    assert part_rows(passages, "close") == {3, 4, 5, 6, 8}
