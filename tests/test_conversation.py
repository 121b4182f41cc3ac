"""Follow-up questions are searched with their context; new topics are not."""

import io
import json
import uuid
from pathlib import Path

import pytest

from bot.answer import Answer
from bot.conversation import (
    MAX_CONTEXT_CHARS,
    asks_the_kind_of_what_was_named,
    compares,
    demonstrative_subject,
    is_follow_up,
    is_fragment,
    looks_like_question,
    names,
    new_names,
    picks_up,
    points_back,
    referents,
    search_query,
    without_topic_label,
)
from bot.service import AnswerService
from bot.terminal import chat


def asked_in_a_thread(service: AnswerService, first: str, second: str) -> tuple[Answer, Answer]:
    """The answers to `first` and to `second` asked after it in a new conversation, as a chat
    thread asks them: the first answer is on record when the second is asked."""
    conversation = uuid.uuid4().hex
    before = service.ask(first, conversation=conversation)
    return before, service.ask(second, [first], conversation=conversation)


def second_says(service: AnswerService, first: str, second: str, words: str) -> str:
    """ "right" when the answer to `second`, asked after `first` in a thread, says `words`; else
    that answer, so a failing assertion shows what was quoted instead."""
    answer = asked_in_a_thread(service, first, second)[1].answer
    return "right" if words in answer else answer


def searched_after(service: AnswerService, first: str, second: str) -> str:
    """What `second` is searched as, asked after `first` (whose answer is on record) in a thread:
    `second` itself when searched alone."""
    before = asked_in_a_thread(service, first, second)[0]
    return service.search_for(second, [first], previous_answer=before.answer)[0]


def test_follow_up_detection() -> None:
    assert is_follow_up("and where will they build them?")
    assert is_follow_up("by when?")
    assert is_follow_up("What about its prices?")
    assert is_follow_up("what does Amazon have instead?")
    assert not is_follow_up("Which regions are the key battlegrounds for EV demand?")
    assert not is_follow_up("Who is Amazon partnering with on batteries?")


def test_fragments_and_what_an_answer_says() -> None:
    assert is_fragment("and the factories?")
    assert is_fragment("What about the batteries?")
    assert is_fragment("and Amazon?")
    assert not is_fragment("and where will they build them?")  # a question of its own
    assert not is_fragment("and what could those alliances do?")
    assert not is_fragment("the factories?")  # no opener: it may name a new topic
    said = "Production delays, and a growing number of competitors have chipped away at it."
    assert picks_up("which competitors?", said)
    assert picks_up("what about the batteries?", "battery production")  # stemmed alike
    assert not picks_up("where will the factories be?", said)
    assert not picks_up("why?", said)  # no content word to pick up


def test_search_query_chains_follow_ups_and_resets_on_a_new_topic() -> None:
    first = "What did Amazon pledge about carbon?"
    assert search_query("by when?", [first]) == f"{first} by when?"
    assert search_query("and why?", [first, "by when?"]) == f"{first} by when? and why?"
    new = "Which regions are the key battlegrounds for EV demand?"
    assert search_query(new, [first, "by when?"]) == new


def test_the_context_by_content_words_drops_the_question_words_before(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The measured switch (off in the bot): the chain is the same, the earlier questions' words
    that ask something are not in it, and a follow-up's own words all are."""
    import bot.conversation

    monkeypatch.setattr(bot.conversation, "CONTEXT_CONTENT_WORDS_ONLY", True)
    first = "What did Amazon pledge about carbon?"
    assert search_query("by when?", [first]) == "amazon pledge carbon by when?"
    assert search_query("and why?", [first, "by when?"]) == "amazon pledge carbon and why?"
    new = "Which regions are the key battlegrounds for EV demand?"
    assert search_query(new, [first, "by when?"]) == new
    assert search_query(
        "why would that help?", ["Which chip company might Amazon partner with?"]
    ) == ("chip company amazon partner why would that help?")  # "might" asks (session 10)


def test_elliptical_follow_up_is_answered_from_context(service: AnswerService) -> None:
    alone = service.ask("by when?")
    assert "2040" not in alone.answer
    followed = service.ask("by when?", ["What did Amazon pledge about carbon?"])
    assert not followed.refused
    assert "carbon-neutral by 2040" in followed.answer
    assert followed.question == "by when?"


def test_second_follow_up_example(service: AnswerService) -> None:
    alone = service.ask("what kind of vehicles does it make?")
    assert not alone.citations or "Rivian" not in alone.citations[0].text
    followed = service.ask(
        "what kind of vehicles does it make?", ["Which EV maker did Amazon invest in before?"]
    )
    assert "electric truck and SUV" in followed.citations[0].text


def test_new_topic_is_not_dragged_back(service: AnswerService) -> None:
    question = "Which regions are the key battlegrounds for EV demand?"
    alone = service.ask(question)
    after = service.ask(question, ["What did Amazon pledge about carbon?", "by when?"])
    assert [c.text for c in after.citations] == [c.text for c in alone.citations]
    assert "Europe and Asia" in after.answer


def test_a_new_topic_with_one_content_word_is_searched_alone(service: AnswerService) -> None:
    first = "Who is Amazon partnering with on batteries?"
    second = "where will the factories be?"
    assert is_follow_up(second)  # by its words it could be one; the evidence says it is not
    assert service.search_for(second, [first])[0] == second
    answer = service.ask(second, [first])
    assert "Texas and Michigan" in answer.answer
    # The passage quoted is cited first, though BM25 put "carbon-neutral factories" ahead.
    assert "Texas and Michigan" in answer.citations[0].text and answer.outcome == "answered"
    assert service.search_for("by when?", ["What did Amazon pledge about carbon?"])[0] != "by when?"


def test_instead_asks_about_what_the_question_before_named(service: AnswerService) -> None:
    first = "Who has the more devoted customers?"
    second = "what does Amazon have instead?"
    assert service.search_for(second, [first])[0] != second
    answer = service.ask(second, [first])
    assert "reach and influence" in answer.answer, answer.answer
    assert "data ecosystem" in service.ask(second).answer  # alone it finds another passage


def test_a_question_whose_passage_the_context_finds_too_is_searched_alone(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.conversation

    # conversations-tuning-2.jsonl: the context found the same first passage and pulled the quote
    # toward the earlier question (the headquarters sentence, not Panasonic's).
    first, second = "Where will the cars be made?", "Panasonic?"
    assert not is_follow_up(second)  # session 11: a bare noun phrase names its own topic
    monkeypatch.setattr(bot.conversation, "OWN_TOPIC", frozenset())
    assert is_follow_up(second)  # as a follow-up candidate the evidence searches it alone
    assert service.search_for(second, [first])[0] == second
    assert "Panasonic" in service.ask(second, [first]).answer
    # The context still serves a follow-up whose own passage differs: "by when?" finds 2040.
    assert service.search_for("by when?", ["What did Amazon pledge about carbon?"])[0] != "by when?"


def test_a_fragment_borrows_the_question_before(service: AnswerService) -> None:
    first, second = "Where is the research facility?", "and the factories?"
    # Alone it matches "carbon-neutral factories" 0.21, the production lines 0.17: a new topic
    # would be searched alone; a fragment keeps the context within FRAGMENT_MARGIN.
    assert "Texas and Michigan" not in service.ask(second).answer
    assert service.search_for(second, [first])[0] != second
    assert "Texas and Michigan" in service.ask(second, [first]).answer


def test_a_comparison_is_a_fragment_of_the_question_before(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "compared to Tesla?" asks the question before again about Tesla, as "and Tesla?" does."""
    import bot.conversation

    assert is_follow_up("compared to Tesla?") and is_fragment("compared to Tesla?")
    assert is_fragment("Compared with its competitors?")
    assert not is_fragment("compared to Tesla, what will Amazon's cars cost?")  # its own question
    first, second = "What will Amazon's cars cost?", "compared to Tesla?"
    assert "accessible price point" in service.ask(second, [first]).answer
    monkeypatch.setattr(bot.conversation, "COMPARISON_OPENERS", False)
    monkeypatch.setattr(bot.conversation, "FOLLOW_UP_WORDS", frozenset())  # "compared" points back
    assert not is_follow_up("compared to Tesla?")  # two content words, Tesla a name: a new topic
    assert service.search_for(second, [first])[0] == second


def test_a_context_whose_re_ranked_passage_answers_the_question_better_is_kept(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both searches put the same passage first; the answer's MaxSim re-ranking does not, and the
    context's re-ranked first passage matches the question's own tokens better: kept."""
    import bot.follow_up
    from bot.follow_up import context_answers_better

    first, second = (
        "what's the deal with Tesla's weaknesses?",
        "who's trying to take advantage of them?",
    )
    query = search_query(second, [first])
    retriever = service.retriever
    own = retriever.rank(second, service.embedder.encode_query(second))
    context = retriever.rank(query, service.embedder.encode_query(query))
    assert own.ids[0] == context.ids[0]  # the fused searches agree: before, searched alone
    assert context_answers_better(retriever, second, query, own, context)
    assert service.search_for(second, [first])[0] == query
    assert "exploit these weaknesses" in service.ask(second, [first]).answer
    monkeypatch.setattr(bot.follow_up, "FOLLOW_UP_LATE_EVIDENCE", False)
    assert service.search_for(second, [first])[0] == second
    monkeypatch.setattr(bot.follow_up, "FOLLOW_UP_LATE_EVIDENCE", True)
    monkeypatch.setattr(retriever, "late", None)  # late interaction off: answers as before
    assert not context_answers_better(retriever, second, query, own, context)
    assert service.search_for(second, [first])[0] == second


def test_a_switch_to_one_word_the_sources_use_is_searched_alone_and_answered(
    service: AnswerService,
) -> None:
    first, second = "Who are Amazon's rumored partners?", "cobalt?"
    # Its vector matches its passage 0.12, under FOLLOW_UP_OWN_MATCH; its word says otherwise.
    assert service.search_for(second, [first])[0] == second
    answer = service.ask(second, [first])
    assert answer.outcome == "answered" and "lithium and cobalt" in answer.answer
    assert service.ask("Rivian?").outcome == "answered"  # not refused for its weak vector
    assert service.ask("pizza?").refused  # a word the sources never use still is
    assert service.search_for("by when?", ["What did Amazon pledge about carbon?"])[0] != "by when?"


def test_contractions_prepositions_and_fillers_name_nothing() -> None:
    """Session 10's word rules: "what's" is "what is", not a content word; a preposition,
    "whose" and "exactly" name nothing; "compare" points back as "compared to" does."""
    from bot.conversation import asks_a_question_word, content_words

    assert content_words("what's rivian?") == ["rivian"]
    assert content_words("who’s trying to take advantage of them?")[0] == "trying"
    assert content_words("and where's their lab?") == ["lab"]
    assert content_words("under what conditions?") == ["conditions"]
    assert content_words("whose mistakes?") == ["mistakes"]
    assert content_words("which rivals exactly?") == ["rivals"]
    assert content_words("what is Amazon's pledge?") == ["amazon's", "pledge"]  # a possessive
    assert is_follow_up("how does amazon's compare?")  # compare with what was said before
    # A question word asks for a kind about the topic before, unless the question's own subject
    # follows its verb: "what is rivian?" asks about Rivian.
    assert asks_a_question_word("what year?") and asks_a_question_word("under what conditions?")
    assert asks_a_question_word("what year was it?")  # "it" points back
    assert asks_a_question_word("who are the rivals exactly?")  # "the rivals": said before
    assert not asks_a_question_word("what's rivian?")
    assert not asks_a_question_word("what did governments do?")


@pytest.mark.parametrize(
    ("first", "second", "searched", "words"),
    [
        # conversations-tuning-7.jsonl: each was searched alone and refused, or quoted the
        # question before's answer ("what's" a content word: two words, no follow-up).
        ("What could happen to Tesla's stock?", "what's rivian?", "alone",
         "electric truck and SUV"),
        ("Could Bezos' entry speed up charging networks?", "under what conditions?", "context",
         "government initiatives"),
        ("Why would Amazon team up with battery firms?", "whose mistakes?", "context",
         "Tesla in its early years"),
        ("What has eaten into Tesla's market share?", "which rivals exactly?", "context",
         "Lucid Motors"),
        ("Is Tesla's customer base loyal?", "how does amazon's compare?", "context",
         "nearly unmatched"),
        # conversations-tuning-5.jsonl: a switch searched in context (its own subject after "did").
        ("What is Musk preparing?", "what did governments do?", "alone", None),
    ],
)  # fmt: skip
def test_follow_ups_read_by_their_words(
    service: AnswerService,
    monkeypatch: pytest.MonkeyPatch,
    first: str,
    second: str,
    searched: str,
    words: str | None,
) -> None:
    import bot.conversation
    import bot.follow_up
    import bot.source_terms

    def asked() -> tuple[str, str]:
        before, answer = asked_in_a_thread(service, first, second)
        said = None if before.refused else before.answer
        query = service.search_for(second, [first], previous_answer=said)[0]
        right = answer.outcome == "answered" and (words is None or words in answer.answer)
        return ("alone" if query == second else "context"), ("right" if right else answer.answer)

    assert asked() == (searched, "right")
    monkeypatch.setattr(bot.conversation, "FOLLOW_UP_WORDS", frozenset())
    # Session 11's rule answers "what's rivian?" from its own word's passage either way.
    monkeypatch.setattr(bot.follow_up, "OWN_WORDS_UNDER_FLOOR", False)
    # Session 18's short questions under the floor answer it too ("what's", "rivian": theirs).
    monkeypatch.setattr(bot.source_terms, "WRITES_EVERY_WORD", None)
    # Session 21's ellipsis reads "under what conditions?" as a follow-up by its grammar too,
    # and so does session 22's question word inside the clause.
    monkeypatch.setattr(bot.conversation, "ELLIPSIS", frozenset())
    monkeypatch.setattr(bot.conversation, "IN_SITU", False)
    assert asked() != (searched, "right")  # read as before, each was wrong


@pytest.mark.parametrize(
    ("first", "second", "words"),
    [
        # conversations-tuning-8.jsonl: each was refused, alone matching nothing over the floor.
        ("r electric cars a luxury item still", "why not?", "fossil fuel bans"),
        ("what would a bezos win mean for cars", "who benefits either way?",
         "consumers and the planet"),
    ],
)  # fmt: skip
def test_a_question_refused_alone_takes_its_context_where_the_evidence_allows(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, first: str, second: str, words: str
) -> None:
    """ "why not?" asks for a reason about the topic before and alone would be refused: under
    the refusal floor it keeps its context. "who benefits either way?" (no follow-up by its
    words) finds the same first passage alone and in context: the context lends it coverage."""
    import bot.follow_up

    def asked() -> str:
        _, answer = asked_in_a_thread(service, first, second)
        return "right" if answer.outcome == "answered" and words in answer.answer else answer.answer

    # Session 15's literal phrase covers "who benefits either way?" alone ("Either way, …").
    monkeypatch.setattr(bot.follow_up, "LITERAL_PHRASE", frozenset())
    assert service.ask(second).refused  # alone
    assert asked() == "right"
    # A question off the topic finds its own first passage, not the context's: still refused.
    assert service.ask("what's the best pizza in town?", [first]).refused
    monkeypatch.setattr(bot.follow_up, "REFUSED_ALONE", frozenset())
    assert asked() != "right"


BATTERIES = "Who is Amazon partnering with on batteries?"


@pytest.mark.parametrize(
    ("first", "question", "rules_off"),
    [
        # Session 10's "agree": alone it lands on the context's first passage by chance (and
        # that passage holds none of its words: AGREE_OWN_WORDS, session 14).
        (
            BATTERIES,
            "Who painted the Mona Lisa?",
            {"AGREE_OWN_MATCH": 0.0, "AGREE_OWN_WORDS": False},
        ),
        # One content word the sources never use, naming its own subject: kept the context.
        (
            BATTERIES,
            "What is photosynthesis?",
            {"UNKNOWN_SUBJECT_ALONE": False, "UNKNOWN_SUBJECT_REFUSED": False},
        ),
        # The same, over AGREE_OWN_MATCH alone (0.153): the margin kept the carbon pledge's context.
        (
            "What did Amazon pledge about carbon?",
            "What is photosynthesis?",
            {"UNKNOWN_SUBJECT_REFUSED": False},
        ),
    ],
)
def test_an_off_topic_question_in_a_thread_is_refused(
    service: AnswerService,
    monkeypatch: pytest.MonkeyPatch,
    first: str,
    question: str,
    rules_off: dict[str, object],
) -> None:
    """Refused alone, and in a thread after an in-domain question (session 11's rules, on for
    trust): with the rules off, it is answered from the first question's passage."""
    import bot.follow_up

    def asked() -> str:
        return asked_in_a_thread(service, first, question)[1].outcome

    import bot.off_topic

    assert service.ask(question).refused
    assert asked() == "refused"  # the bot as it is
    # Session 27's and 28's readings of its own words refuse the Mona Lisa too: off, to see these
    # rules'.
    monkeypatch.setattr(bot.off_topic, "POINTING_FOREIGN_WEAK", None)
    monkeypatch.setattr(bot.off_topic, "OWN_QUESTION_FOREIGN_WEAK", None)
    for rule, off in rules_off.items():
        monkeypatch.setattr(bot.follow_up, rule, off)
    assert asked() != "refused"


def test_a_follow_up_picks_up_the_answer_before_from_the_conversation(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "which competitors?" after "What has chipped away at Tesla's market share?", at the
    shipped FORM_MATCH. Both fused searches put the same passage first, and the word the answer
    before used ("competitors") keeps the context. Without that answer (no conversation), two rules
    keep it each on its own: the shared passage is quoted only in context (SHARED_FIRST_QUOTED),
    and the answer's re-rankings disagree on the first passage (since FORM_MATCH 0.8 the opening
    passage's "competition" leads "which competitors?" alone), the context's being the one both
    support more (RANK_AGREEMENT). With both off, only the answer before's word keeps it."""
    import bot.follow_up
    from bot.follow_up import QuestionSearches

    first, second = "What has chipped away at Tesla's market share?", "which competitors?"
    conversation = uuid.uuid4().hex
    before = service.ask(first, conversation=conversation)
    assert "competitors" in before.answer
    assert service.query_log.answer_to(conversation, first) == before.answer
    searches = QuestionSearches(
        service.embedder, service.settings, service.retriever, second, [first], None
    )
    assert searches.own_ranking.ids[0] == searches.context_ranking.ids[0]  # the shared passage
    assert searches.context_agrees_more  # the answer's re-rankings disagree (FORM_MATCH 0.8)
    assert "Lucid Motors" not in service.ask(second).answer  # alone: another passage
    for rules_off in ((), ("SHARED_FIRST_QUOTED",), ("RANK_AGREEMENT",)):
        with monkeypatch.context() as patched:
            for rule in rules_off:
                patched.setattr(bot.follow_up, rule, False)
            assert service.search_for(second, [first])[0] != second, rules_off
            assert "Lucid Motors" in service.ask(second, [first]).answer, rules_off
    monkeypatch.setattr(bot.follow_up, "SHARED_FIRST_QUOTED", False)
    monkeypatch.setattr(bot.follow_up, "RANK_AGREEMENT", False)
    assert service.search_for(second, [first])[0] == second
    assert "Lucid Motors" not in service.ask(second, [first]).answer
    # The conversation's answer before: its word keeps the context with both rules off.
    assert service.search_for(second, [first], previous_answer=before.answer)[0] != second
    answer = service.ask(second, [first], conversation=conversation)
    assert "Lucid Motors" in answer.answer and answer.outcome == "answered", answer.answer


def test_a_pronoun_points_at_the_names_only_the_answer_before_said() -> None:
    ceo = "With its charismatic CEO Elon Musk at the helm, Tesla has built a cult-like following."
    assert referents("what is he known for?", "Who is Tesla's CEO?", ceo) == ["Elon", "Musk"]
    assert referents("what is he known for?", "Who is Tesla's CEO?", None) == []
    # The asker's own subject: after a yes/no question "they" is Amazon, not the answer's names.
    assert referents("where will they build them?", "Is Amazon making cars?", ceo) == []
    assert referents("what is Musk known for?", "Who is Tesla's CEO?", ceo) == []  # named itself
    assert referents("and the factories?", "Who is Tesla's CEO?", ceo) == []  # no pronoun
    said = "Where will the factories be built? In Texas and Michigan."
    assert new_names("and what about Rivian?", said) == ["Rivian"]
    assert new_names("and Michigan's?", said) == [] and new_names("Rivian?", said) == []


def test_a_name_straight_after_a_dash_is_a_name() -> None:
    said = (
        "While their personalities may differ—Bezos is often viewed as calculated and "
        "methodical, Musk is perceived as bold and unfiltered—they share an unrelenting drive."
    )
    assert names(said) == ["Bezos", "Musk"]
    assert names("competitors—from Ford’s electric F-150 to Lucid Motors—have") == [
        "Ford", "Lucid", "Motors",
    ]  # fmt: skip
    assert names("A new era begins. Tesla leads.") == []  # a sentence's first word is no name
    # "the other guy" is the name the answer said besides the one the question before asked for.
    asked = "who is perceived as bold and unfiltered?"
    assert referents("and how is the other guy seen?", asked, said) == ["Bezos", "Musk"]
    # "those places" after an answer naming them.
    places = "Countries in Europe and Asia—where demand for EVs is growing rapidly—are key."
    assert referents("why do those places matter?", "where is demand growing?", places) == [
        "Europe", "Asia",
    ]  # fmt: skip


def test_a_question_that_names_its_own_topic_is_no_follow_up() -> None:
    """Session 11: a bare noun phrase names what it asks about; a possessive after a word of the
    question points inside it. An opener, a question word of its own or a word pointing back
    still make a follow-up candidate."""
    for own in [
        "recycling",
        "chargers?",
        "musk's next move?",
        "bezos personality?",
        "nvidia",
        "whats amazon's pricing plan for its cars",
        "does Tesla sell its cars online?",
    ]:
        assert not is_follow_up(own), own
    for follow_up in [
        "and Amazon?",
        "what about its batteries?",
        "by when?",
        "why not?",
        "and if Musk retains his crown?",
        "what are its weak spots?",
        "price then?",
        "what is he known for?",
        "who's trying to take advantage of them?",
    ]:
        assert is_follow_up(follow_up), follow_up


@pytest.mark.parametrize(
    ("first", "second", "words"),
    [
        # conversations-tuning-8.jsonl: each was searched after the question before ("chargers",
        # a word the sources never use, kept its context under the own-match floor).
        ("what does tesla have to do to survive", "recycling", "recycling programs"),
        ("what's musk likely to do next", "chargers?", None),
        ("tell me about tesla's fan base", "whats amazon's pricing plan for its cars", None),
    ],
)  # fmt: skip
def test_a_topic_switch_naming_its_topic_is_searched_alone(
    service: AnswerService,
    monkeypatch: pytest.MonkeyPatch,
    first: str,
    second: str,
    words: str | None,
) -> None:
    import bot.conversation
    import bot.follow_up

    def searched() -> str:
        before, answer = asked_in_a_thread(service, first, second)
        said = None if before.refused else before.answer
        query = service.search_for(second, [first], previous_answer=said)[0]
        if words is not None:
            assert (words in answer.answer) == (query == second), answer.answer
        return "alone" if query == second else "context"

    assert searched() == "alone"
    monkeypatch.setattr(bot.conversation, "OWN_TOPIC", frozenset())
    # Session 14's rule for a context that does not match the question takes "chargers?" too.
    monkeypatch.setattr(bot.follow_up, "OFF_CONTEXT_MATCH", None)
    assert searched() == "context"  # as before session 11


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # conversations-tuning-9.jsonl and -8.jsonl: refused alone, so each kept its context
        # and quoted Tesla's reputation.
        ("what is tesla's reputation like", "what are its weak spots?"),
        ("is tesla still the top ev maker?", "what are its weak spots then"),
    ],
)
def test_a_question_refused_alone_whose_passage_holds_its_words_is_answered_from_it(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, first: str, second: str
) -> None:
    """Alone it matches every passage under the refusal floor, but BM25 finds "weaknesses" in
    the passage listing them, which the context does not put first: searched alone, answered
    with the context's coverage, quoting the sentence "these weaknesses" points at."""
    import bot.follow_up
    import bot.service

    def asked() -> tuple[str, str]:
        _, answer = asked_in_a_thread(service, first, second)
        cited = answer.citations[0].text if answer.citations else ""
        right = answer.outcome == "answered" and answer.answer.startswith("Production delays")
        return ("cited" if "Production delays" in cited else "not cited"), (
            "right" if right else answer.answer
        )

    off_topic = ["Translate 'good morning' into Spanish.", "How do I renew my passport?"]
    outcomes = [service.ask(question, [first]).outcome for question in off_topic]
    assert outcomes[1] == "refused"  # in a thread too
    assert service.ask(second).refused  # alone
    assert asked() == ("cited", "right")
    # Without the sentence "these weaknesses" points at, the passage is cited but not quoted.
    monkeypatch.setattr(bot.service, "pointed_at", lambda hit, question: hit)
    assert asked()[0] == "cited" and asked()[1] != "right"
    monkeypatch.setattr(bot.follow_up, "OWN_WORDS_UNDER_FLOOR", False)
    assert asked() != ("cited", "right")
    # It changes which passage answers, never whether one does (the first version, for every
    # question refused alone, answered off-topic questions whose words some passage holds).
    assert [service.ask(question, [first]).outcome for question in off_topic] == outcomes


def test_a_quoted_these_word_points_at_the_sentence_before_in_a_thread(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 20 (bot.follow_up.POINTED_AT). "weaknesses?" after "how is tesla doing these
    days" (conversations-tuning-18) is searched alone (a bare noun names its topic) and quoted
    "Jeff Bezos is now looking to exploit these weaknesses"; the sentence before lists them."""
    import bot.follow_up

    first, second = "how is tesla doing these days", "weaknesses?"
    assert bot.follow_up.POINTED_AT == "threads"  # as shipped
    assert second_says(service, first, second, "Production delays") == "right"
    monkeypatch.setattr(bot.follow_up, "POINTED_AT", "")
    assert "exploit these weaknesses" in asked_in_a_thread(service, first, second)[1].answer


def test_the_other_guy_is_searched_with_the_names_the_answer_before_said(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.conversation

    # conversations-tuning-6.jsonl: refused before ("Bezos" after an em dash was no name).
    first, second = "who is perceived as bold and unfiltered?", "and how is the other guy seen?"

    assert second_says(service, first, second, "calculated and methodical") == "right"
    monkeypatch.setattr(bot.conversation, "OWN_TOPIC", frozenset())
    assert second_says(service, first, second, "calculated and methodical") != "right"


def test_a_follow_up_about_the_passage_the_answer_before_quoted_keeps_its_context(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The measured switch (off in the bot: a held-out topic switch more searched as a
    follow-up). Alone, "who's competing with them?" finds the space-race passage; its own words
    match the passage the answer before quoted (Tesla's weaknesses, "a growing number of
    competitors") better, so it is searched in context and quotes the competitors."""
    import bot.follow_up

    monkeypatch.setattr(bot.follow_up, "ANSWER_BEFORE_EVIDENCE", True)
    # Session 17's rank agreement keeps this context too: off, this rule is checked alone.
    monkeypatch.setattr(bot.follow_up, "RANK_AGREEMENT", False)
    first, second = "what are tesla's weak spots", "who's competing with them?"

    def asked() -> str:
        _, answer = asked_in_a_thread(service, first, second)
        cited = answer.citations[0].text if answer.citations else ""
        return "right" if "Lucid Motors" in cited and "F-150" in answer.answer else answer.answer

    assert asked() == "right"
    monkeypatch.setattr(bot.follow_up, "ANSWER_BEFORE_EVIDENCE", False)
    assert asked() != "right"
    # Without the answer before on record there is nothing to weigh: searched alone.
    assert service.search_for(second, [first])[0] == second


def test_a_follow_up_picking_up_the_answer_before_keeps_a_context_that_matches_it(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 13's switch (bot.follow_up.ANSWER_WORDS_EVIDENCE). "who's competing with them?"
    picks up "competitors" of the answer before (Tesla's weaknesses) by its word family, and the
    context's first passage matches its own words at least as well as the space-race passage it
    finds alone: searched in context it quotes the competitors. "and where will they build
    them?" picks up "build" too, but its context's passage matches it worse: still alone."""
    import bot.follow_up

    assert picks_up(
        "who's competing with them?", "a growing number of competitors", word_family=True
    )
    assert not picks_up("who's competing with them?", "a growing number of competitors")
    assert not picks_up("what cars?", "cargo space", word_family=True)  # "car": too short a stem
    monkeypatch.setattr(bot.follow_up, "ANSWER_WORDS_EVIDENCE", True)
    # Session 17's rank agreement keeps this context too: off, this rule is checked alone.
    monkeypatch.setattr(bot.follow_up, "RANK_AGREEMENT", False)
    first, second = "what are tesla's weak spots", "who's competing with them?"

    def asked(first: str, second: str) -> tuple[str, str]:
        before, answer = asked_in_a_thread(service, first, second)
        query = service.search_for(second, [first], previous_answer=before.answer)[0]
        cited = answer.citations[0].text if answer.citations else ""
        right = "Lucid Motors" in cited and "F-150" in answer.answer
        return ("right" if right else answer.answer), query

    assert asked(first, second) == ("right", search_query(second, [first]))
    follow_up = "and where will they build them?"
    assert asked("Is Amazon making electric cars?", follow_up)[1] == follow_up
    monkeypatch.setattr(bot.follow_up, "ANSWER_WORDS_EVIDENCE", False)
    answered, query = asked(first, second)
    assert query == second and answered != "right"


def test_a_comparison_naming_a_new_name_asks_the_question_before_about_it(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "compared to Bezos?" names Bezos, whom neither "What is Musk known for?" nor its answer
    named; searched alone by the new-name rule it quoted "The battle between Bezos and Musk …"
    (conversations-tuning-3). A comparison asks the question before again: in context it quotes
    how Bezos is viewed."""
    import bot.follow_up

    first, second = "What is Musk known for?", "compared to Bezos?"

    assert second_says(service, first, second, "calculated and methodical") == "right"
    monkeypatch.setattr(bot.follow_up, "COMPARISON_NAMES", False)
    assert second_says(service, first, second, "calculated and methodical") != "right"
    assert compares("how does amazon's compare?") and compares("Tesla vs Rivian?")
    assert not compares("and what about Rivian?")
    # A fragment naming a new name without comparing still names its own topic.
    said = service.ask("Where will the factories be built?")
    question = "and what about Rivian?"
    assert (
        service.search_for(
            question, ["Where will the factories be built?"], previous_answer=said.answer
        )[0]
        == question
    )


def test_a_name_typed_in_lower_case_names_its_own_topic(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 14 (bot.follow_up.LOWERCASE_NAMES). "europe" and "asia" are words the sources write
    only as names, each in one passage, and "who are tesla's rivals" and its answer never said
    them: "what about europe and asia?" is a topic switch (conversations-tuning-12), searched
    alone, as "and what about Rivian?" typed capitalised is. "bezos" is in every passage, what the
    sources are about: "and bezos?" after "what's musk like as a person" is still a follow-up."""
    import bot.follow_up
    from bot.source_terms import lowercase_names

    first, second = "who are tesla's rivals", "what about europe and asia?"
    retriever = service.retriever
    assert lowercase_names(retriever, second, first) == ["europe", "asia"]
    assert lowercase_names(retriever, second, f"{first} growth in Europe and Asia") == []
    assert lowercase_names(retriever, "and bezos?", "what's musk like as a person") == []
    monkeypatch.setattr(bot.follow_up, "LOWERCASE_NAMES", True)
    assert searched_after(service, first, second) == second
    assert searched_after(service, "what's musk like as a person", "and bezos?") != "and bezos?"
    monkeypatch.setattr(bot.follow_up, "LOWERCASE_NAMES", False)
    # Session 15's fragment rule also searches it alone (its own passage says "Europe and Asia").
    assert searched_after(service, first, second) == second
    monkeypatch.setattr(bot.follow_up, "FRAGMENT_OWN_WORDS_GAP", None)
    assert searched_after(service, first, second) != second


def test_a_question_naming_a_topic_its_context_does_not_match_is_searched_alone(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 14 (bot.follow_up.OFF_CONTEXT_MATCH). "and the minerals?" after "what is the prime
    integration thing" (a topic switch in conversations-tuning-12): its context finds the Prime
    passage, which matches the question alone at 0.01, while alone it finds the lithium and
    cobalt passage (0.17). Searched alone, not quoting Prime again. "what year?" asks a question
    word about the topic before: it keeps its context whatever the cosines."""
    import bot.follow_up

    first, second = "what is the prime integration thing", "and the minerals?"
    monkeypatch.setattr(bot.follow_up, "OFF_CONTEXT_MATCH", 0.05)
    assert searched_after(service, first, second) == second
    assert (
        searched_after(service, "What did Amazon pledge about carbon?", "what year?")
        != "what year?"
    )
    monkeypatch.setattr(bot.follow_up, "OFF_CONTEXT_MATCH", None)
    assert searched_after(service, first, second) != second


def test_those_and_any_plural_points_at_the_names_the_answer_before_said(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 14 (bot.conversation.THOSE_ANY_PLURAL). "who are those rivals?" after "what are
    tesla's weak spots" (whose answer names Ford's F-150 and Lucid Motors) is searched with those
    names and quotes them (conversations-tuning-12); with the question before it did not."""
    import bot.conversation

    first, second = "what are tesla's weak spots", "who are those rivals?"
    monkeypatch.setattr(bot.conversation, "THOSE_ANY_PLURAL", True)
    assert second_says(service, first, second, "Lucid Motors") == "right"
    answer = "from Ford’s electric F-150 to Lucid Motors"
    assert referents("why do those rivals matter?", first, answer) == ["Ford", "Lucid", "Motors"]
    assert referents("why does this matter?", first, answer) == []
    monkeypatch.setattr(bot.conversation, "THOSE_ANY_PLURAL", False)
    assert second_says(service, first, second, "Lucid Motors") != "right"


def test_a_noun_its_own_of_phrase_specifies_points_at_nothing_said_before(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 15 (bot.conversation.OWN_OF_PHRASE). "and the brand name of amazon's car?" after
    "how might tesla respond with new models" (a topic switch in conversations-tuning-13) read
    "the brand" as "that brand", pointing at the answer before's names, and was searched as
    "Musk and the brand name …"; its own "of" phrase says which brand (a relative clause would
    too). "the company" alone and "that company of his" still point back."""
    import bot.conversation

    first, second = "how might tesla respond with new models", "and the brand name of amazon's car?"
    answer = "Known for his outspoken tweets, Musk is unlikely to take this lying down."
    monkeypatch.setattr(bot.conversation, "OWN_OF_PHRASE", True)
    assert referents(second, first, answer) == []
    backed = "Amazon previously invested in Rivian, a truck maker."
    assert referents("what does the company build?", "Which maker?", backed) == ["Rivian"]
    assert referents("what is that company of his worth?", "Which maker?", backed) == ["Rivian"]
    assert referents("what does the company that builds trucks sell?", "Which?", backed) == []
    assert searched_after(service, first, second) == second
    monkeypatch.setattr(bot.conversation, "OWN_OF_PHRASE", False)
    assert referents(second, first, answer) == ["Musk"]
    assert searched_after(service, first, second) != second


def test_a_shared_first_passage_quoted_only_in_context_keeps_the_context(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 15 (bot.follow_up.SHARED_FIRST_QUOTED). "and the batteries?" after "how might musk
    respond" (conversations-tuning-13): both searches put the passage on Musk's new battery
    technology first, but alone its one word ties every battery sentence and the quote went to
    the critics' "battery production"; in context the answer quotes the shared passage."""
    import bot.follow_up

    first, second = "how might musk respond", "and the batteries?"
    monkeypatch.setattr(bot.follow_up, "SHARED_FIRST_QUOTED", True)
    assert searched_after(service, first, second) != second
    assert second_says(service, first, second, "new battery technology") == "right"
    monkeypatch.setattr(bot.follow_up, "SHARED_FIRST_QUOTED", False)
    assert searched_after(service, first, second) == second
    assert second_says(service, first, second, "new battery technology") != "right"


def test_a_fragment_whose_own_passage_holds_its_word_clearly_better_is_searched_alone(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 15 (bot.follow_up.FRAGMENT_OWN_WORDS_GAP). "what about investors?" after "What do
    consumers get out of this rivalry?" (conversations-tuning-7) borrowed the consumers' frame
    and quoted Tesla's customer base; alone it finds "For investors, this presents …", which
    holds its word and matches it 0.12 better. "and the factories?" after "Where is the research
    facility?" keeps its context: its own passage says "factories" but matches only 0.04 better,
    and the production lines in its context are what it asks about."""
    import bot.follow_up

    first, second = "What do consumers get out of this rivalry?", "what about investors?"
    monkeypatch.setattr(bot.follow_up, "FRAGMENT_OWN_WORDS_GAP", 0.1)
    assert searched_after(service, first, second) == second
    assert second_says(service, first, second, "risk and an opportunity") == "right"
    assert searched_after(service, "Where is the research facility?", "and the factories?") != (
        "and the factories?"
    )
    monkeypatch.setattr(bot.follow_up, "FRAGMENT_OWN_WORDS_GAP", None)
    assert searched_after(service, first, second) != second


def test_a_phrase_the_sources_write_word_for_word_passes_the_cosine_floor(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 15 (bot.follow_up.LITERAL_PHRASE). "which regions are key battlegrounds"
    (conversations-tuning-13) matches every passage under the refusal floor (best 0.175), yet
    "… are likely to be key battlegrounds" writes its phrase word for word; "why there?" after it
    is searched with it. A name's phrase ("Blue Origin") or one with digits ("f-150") is no
    evidence that what is asked about it is covered."""
    import bot.follow_up
    from bot.source_terms import writes_phrase

    first, second = "which regions are key battlegrounds", "why there?"
    retriever = service.retriever
    assert writes_phrase(retriever, first)
    assert writes_phrase(retriever, "Who is described as calculated and methodical?")
    assert not writes_phrase(retriever, "Is Blue Origin planning a moon landing?")
    assert not writes_phrase(retriever, "what range does the f-150 lightning get on one charge")
    assert not writes_phrase(retriever, "What is photosynthesis?")
    monkeypatch.setattr(bot.follow_up, "LITERAL_PHRASE", frozenset({"alone", "context"}))
    assert "key battlegrounds" in service.ask(first).answer
    assert second_says(service, first, second, "growing rapidly") == "right"
    monkeypatch.setattr(bot.follow_up, "LITERAL_PHRASE", frozenset())
    assert service.ask(first).refused
    assert second_says(service, first, second, "growing rapidly") != "right"


def test_the_same_kind_compares_with_what_was_said_before(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 16 (bot.conversation.SAME_AS_BEFORE). "is amazon's new car thing the same kind of
    deal?" after "what is rivian" (conversations-tuning-14) compares the new venture with the
    Rivian investment the answer before named; read as no follow-up it was searched alone and
    quoted the introduction, not "this new venture appears to be far more direct"."""
    import bot.conversation

    first, second = "what is rivian", "is amazon's new car thing the same kind of deal?"
    monkeypatch.setattr(bot.conversation, "SAME_AS_BEFORE", True)
    assert is_follow_up(second) and not compares(second)
    assert is_follow_up("are the two cars similar?")
    # A name the turn before never said names its own topic: searched alone.
    assert searched_after(service, first, "is Lucid similar?") == "is Lucid similar?"
    assert second_says(service, first, second, "far more direct") == "right"
    monkeypatch.setattr(bot.conversation, "SAME_AS_BEFORE", False)
    assert not is_follow_up(second)
    assert searched_after(service, first, second) == second
    assert second_says(service, first, second, "far more direct") != "right"


def test_a_why_question_quotes_the_cause_before_a_sentence_pointing_back(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 16 (bot.answer.WHY_ANTECEDENT). "and why are the stakes so high?"
    (conversations-tuning-14) quoted "This makes the stakes incredibly high." alone: its "This"
    points at the sentence before, which gives the reason ("EVs are no longer a luxury"). A
    question without "why" quotes as before."""
    import bot.answer
    import bot.antecedent

    first = "does the writer think the ev revolution is early or late"
    second = "and why are the stakes so high?"
    monkeypatch.setattr(bot.answer, "WHY_ANTECEDENT", True)
    answer = asked_in_a_thread(service, first, second)[1]
    assert "no longer a luxury" in answer.answer and "stakes incredibly high" in answer.answer
    assert answer.outcome == "answered"
    monkeypatch.setattr(bot.answer, "WHY_ANTECEDENT", False)
    monkeypatch.setattr(bot.antecedent, "ANTECEDENT", False)  # session 24's, for every question
    assert second_says(service, first, second, "no longer a luxury") != "right"


def test_a_follow_up_keeps_its_context_when_both_rankings_favour_the_contexts_passage(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 17 (bot.follow_up.RANK_AGREEMENT). "what kind of vehicles do they make?" after
    "did amazon back any ev company before" (conversations-tuning-10) was searched alone by the
    margin and quoted the research facility; the question's own words rank the context's first
    passage (Rivian's) higher than the context ranks the question alone's, so the context is
    kept. A topic switch naming its own topic is still searched alone."""
    import bot.follow_up

    first, second = "did amazon back any ev company before", "what kind of vehicles do they make?"
    monkeypatch.setattr(bot.follow_up, "RANK_AGREEMENT", True)
    assert searched_after(service, first, second) != second
    assert second_says(service, first, second, "electric truck and SUV") == "right"
    switch = "what about lithium?"
    assert searched_after(service, "Where is the research facility?", switch) == switch
    monkeypatch.setattr(bot.follow_up, "RANK_AGREEMENT", False)
    assert searched_after(service, first, second) == second
    assert second_says(service, first, second, "electric truck and SUV") != "right"


def test_a_question_with_no_word_of_its_own_is_covered_as_the_question_before_was(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 17 (bot.follow_up.BORROWED_COVERAGE). "why those ones?" after "which countries
    matter most in this fight" (conversations-tuning-15) asks about the answer before (Europe
    and Asia) and scored under the cosine floor with its names and in context alike: refused. It
    is covered as the question before was; after a refused question it stays refused."""
    import bot.follow_up

    first, second = "which countries matter most in this fight", "why those ones?"
    monkeypatch.setattr(bot.follow_up, "BORROWED_COVERAGE", True)
    answer = asked_in_a_thread(service, first, second)[1]
    assert answer.outcome == "answered" and "growing rapidly" in answer.answer
    assert asked_in_a_thread(service, "What is photosynthesis?", "why?")[1].refused
    monkeypatch.setattr(bot.follow_up, "BORROWED_COVERAGE", False)
    assert asked_in_a_thread(service, first, second)[1].refused


def test_the_question_before_is_covered_from_the_vector_its_turn_kept(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 20. `coverage_before` reads the vector the turn before searched (kept per
    embedder), not a second pass of the model over it, and finds the same coverage as a pass
    would: "why those ones?" after "which countries matter most in this fight"."""
    import bot.follow_up
    from bot.follow_up import QuestionSearches

    first, second = "which countries matter most in this fight", "why those ones?"
    conversation = uuid.uuid4().hex
    said = service.ask(first, conversation=conversation).answer
    encoded: list[str] = []
    encode = service.embedder.encode_query
    monkeypatch.setattr(
        service.embedder, "encode_query", lambda text: encoded.append(text) or encode(text)
    )
    answer = service.ask(second, [first], conversation=conversation)
    assert answer.outcome == "answered" and first not in encoded

    def coverage() -> float | None:
        searches = QuestionSearches(
            service.embedder, service.settings, service.retriever, second, [first], said
        )
        return searches.coverage_before

    kept = coverage()
    assert first not in encoded
    monkeypatch.setattr(bot.follow_up, "_kept_vectors", type(bot.follow_up._kept_vectors)())
    fresh = coverage()
    assert first in encoded  # nothing kept: encoded again
    assert kept is not None and kept == fresh


def test_the_degree_after_how_owns_no_possessive(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 17 (bot.conversation.HOW_DEGREE). "how loyal are its fans" after "is tesla still
    on top?" (conversations-tuning-15): session 11's "within" read "its" as pointing at "loyal",
    a word of the question itself, so it was no follow-up and quoted the brand-loyalty passage.
    The word after "how" is the degree asked about: "its" points back. A possessive after a
    noun of the question's own still points inside it."""
    import bot.conversation

    first, second = "is tesla still on top?", "how loyal are its fans"
    monkeypatch.setattr(bot.conversation, "HOW_DEGREE", True)
    assert points_back(second) and is_follow_up(second)
    assert not points_back("whats amazon's pricing plan for its cars")
    assert second_says(service, first, second, "cult-like following") == "right"
    monkeypatch.setattr(bot.conversation, "HOW_DEGREE", False)
    assert not points_back(second) and not is_follow_up(second)
    assert second_says(service, first, second, "cult-like following") != "right"


def test_a_label_announcing_a_new_topic_makes_no_follow_up(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 17b (bot.conversation.TOPIC_LABEL, on since session 20). "ok unrelated to that,
    what does the writer say about fossil fuels" (conversations-tuning-15, a topic switch)
    pointed back by "that" and picked up the answer before ("unrelated" stems as its
    "unrelenting"): searched in context, it quoted the introduction. The label announces a new
    topic: searched alone, without it, it quotes the fossil-fuel sentence. Commas in a follow-up
    are no label."""
    import bot.conversation

    first = "what's the writer's take on jeff's temperament"
    second = "ok unrelated to that, what does the writer say about fossil fuels"
    assert bot.conversation.TOPIC_LABEL  # as shipped
    assert not is_follow_up(second)
    assert without_topic_label(second) == "what does the writer say about fossil fuels"
    assert without_topic_label("Different question: who is Musk?") == "who is Musk?"
    assert without_topic_label("switching topics, how is it?") == "how is it?"
    for follow_up in ("and tesla, what does it need to do?", "how, exactly?"):
        assert is_follow_up(follow_up) and without_topic_label(follow_up) == follow_up
    assert without_topic_label("other companies, like who?") == "other companies, like who?"
    assert searched_after(service, first, second) == second
    assert second_says(service, first, second, "fossil fuel bans loom") == "right"
    monkeypatch.setattr(bot.conversation, "TOPIC_LABEL", False)
    assert is_follow_up(second) and without_topic_label(second) == second
    assert searched_after(service, first, second) != second
    assert second_says(service, first, second, "fossil fuel bans loom") != "right"


def test_a_follow_up_in_context_reranked_by_its_own_tokens(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 18 (bot.follow_up.FOLLOW_UP_OWN_MAXSIM, off). "what about the shopping tie-in?"
    after "what features will bezos's cars have" (conversations-tuning-10) is searched in context,
    whose re-ranking puts another feature first; the question's own tokens put the Prime
    passage first. Off, it is ranked as before."""
    import bot.follow_up

    first = "what features will bezos's cars have"
    second = "what about the shopping tie-in?"
    monkeypatch.setattr(bot.follow_up, "FOLLOW_UP_OWN_MAXSIM", 0.5)
    assert searched_after(service, first, second) != second
    assert second_says(service, first, second, "Prime delivery") == "right"
    monkeypatch.setattr(bot.follow_up, "FOLLOW_UP_OWN_MAXSIM", 0.0)
    assert second_says(service, first, second, "Prime delivery") != "right"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what does that mean for getting cars to ppl", True),
        ("what's that built on?", True),
        ("why would that help?", True),
        ("how is this new venture different", True),
        ("so what could bezos do about that?", False),  # an object, not the subject
        ("is this just about selling cars?", False),  # an adverb after it
        ("how big a deal are these two guys in business", False),  # plural: things, not a statement
        ("that's it?", False),
    ],
)
def test_a_demonstrative_subject_is_read_by_its_place(question: str, expected: bool) -> None:
    assert demonstrative_subject(question) is expected


def test_a_follow_up_whose_subject_is_that_keeps_its_context(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 19 (bot.follow_up.DEMONSTRATIVE_SUBJECT). "what's that built on?" after "what smart
    features will the cars have" (conversations-tuning-12) asks about the features just named;
    searched alone it quoted Tesla's brand. With the rule it keeps its context and quotes
    Amazon's Alexa and AWS; without, it is searched alone. A question naming its own subject
    is searched alone either way."""
    import bot.follow_up

    first, second = "what smart features will the cars have", "what's that built on?"
    monkeypatch.setattr(bot.follow_up, "DEMONSTRATIVE_SUBJECT", True)
    assert searched_after(service, first, second) != second
    assert second_says(service, first, second, "cloud computing via AWS") == "right"
    switch = "what about lithium?"
    assert searched_after(service, "Where is the research facility?", switch) == switch
    monkeypatch.setattr(bot.follow_up, "DEMONSTRATIVE_SUBJECT", False)
    assert searched_after(service, first, second) == second
    assert second_says(service, first, second, "cloud computing via AWS") != "right"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("in what kind of market", True),
        ("through which companies?", True),
        ("and for whom?", True),
        ("besides the minerals, what else", True),
        ("what else would it hook into?", True),
        ("in 2040 what will amazon do", False),  # a preposition, but no question word after it
        ("what is elsewhere in the article", False),
        ("who is amazon partnering with on batteries?", False),
    ],
)
def test_ellipsis_is_read_by_its_grammar(
    monkeypatch: pytest.MonkeyPatch, question: str, expected: bool
) -> None:
    """Session 21 (bot.conversation.ELLIPSIS): a preposition and a question word first, or a
    question word and "else", leave the question unfinished without the one before."""
    import bot.conversation

    monkeypatch.setattr(bot.conversation, "ELLIPSIS", frozenset(bot.conversation.ELLIPSIS_RULES))
    monkeypatch.setattr(bot.conversation, "IN_SITU", False)  # session 22's reads some of these
    assert bot.conversation.leaves_its_clause_unsaid(question) is expected
    monkeypatch.setattr(bot.conversation, "ELLIPSIS", frozenset())
    assert not bot.conversation.leaves_its_clause_unsaid(question)


@pytest.mark.parametrize(
    ("first", "second", "words"),
    [
        # conversations-tuning-19: alone, two content words named a topic of their own.
        ("what does amazon need to prove", "in what kind of market", "specialized automotive"),
        ("what have critics said about ev makers", "besides the minerals, what else", "battery"),
    ],
)
def test_an_unfinished_question_is_a_follow_up(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, first: str, second: str, words: str
) -> None:
    """Session 21 (bot.conversation.ELLIPSIS): with the rules, the question is a follow-up
    candidate, keeps its context and quotes what it asks; without, it is searched alone and
    quotes another passage (or is refused)."""
    import bot.conversation

    monkeypatch.setattr(bot.conversation, "ELLIPSIS", frozenset(bot.conversation.ELLIPSIS_RULES))
    monkeypatch.setattr(bot.conversation, "IN_SITU", False)  # session 22's reads "in what …"
    assert is_follow_up(second)
    assert searched_after(service, first, second) != second
    assert second_says(service, first, second, words) == "right"
    monkeypatch.setattr(bot.conversation, "ELLIPSIS", frozenset())
    assert not is_follow_up(second)
    assert second_says(service, first, second, words) != "right"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("would it work with my other amazon stuff", True),
        ("is it tied to amazon's climate goal", True),
        ("and tesla, what does it need to do?", False),  # "it" is the tesla just named
        ("is it just about the environment?", False),  # an adverb after it
        ("what does it have to do then", False),
        ("so could musk beat it?", False),  # an object
        ("is it?", False),  # no verb or noun of its own after it
    ],
)
def test_it_opening_the_subject_is_read_by_its_place(
    monkeypatch: pytest.MonkeyPatch, question: str, expected: bool
) -> None:
    """Session 21 (bot.conversation.SUBJECT_IT): "it" opens the subject as "that" does, unless a
    content word before it may be what it stands for; off, only "that" and "this" do."""
    import bot.conversation

    monkeypatch.setattr(bot.conversation, "SUBJECT_IT", True)
    assert demonstrative_subject(question) is expected
    monkeypatch.setattr(bot.conversation, "SUBJECT_IT", False)
    assert not demonstrative_subject(question)


def test_a_follow_up_whose_subject_is_it_keeps_its_context(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 21 (bot.conversation.SUBJECT_IT). "would it work with my other amazon stuff" after
    "tell me about the prime integration" (conversations-tuning-19): alone its own words find
    another passage first; "it" is the Prime integration just asked about."""
    import bot.conversation

    first = "tell me about the prime integration"
    second = "would it work with my other amazon stuff"
    monkeypatch.setattr(bot.conversation, "SUBJECT_IT", True)
    assert searched_after(service, first, second) != second
    assert second_says(service, first, second, "existing Amazon services") == "right"
    monkeypatch.setattr(bot.conversation, "SUBJECT_IT", False)
    assert searched_after(service, first, second) == second
    assert second_says(service, first, second, "existing Amazon services") != "right"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("a new bar for what tho", True),
        ("meaning what for car buyers?", True),
        ("so a new bar for what", True),
        ("which regions matter most", False),  # the question word first
        ("is it tied to what", False),  # a verb before it
        ("in 2040 what will amazon do", False),  # a verb after it: its own clause
        ("totally different thing — who wins no matter what", False),
        ("unrelated but what's the article's closing line", False),  # its own clause
        ("bezos pricing strategy?", False),  # no question word
    ],
)
def test_a_question_word_inside_the_clause_is_read_by_its_place(
    monkeypatch: pytest.MonkeyPatch, question: str, expected: bool
) -> None:
    """Session 22 (bot.conversation.IN_SITU): a question word after words with no verb, in the
    question's last clause, leaves it unfinished without the question before."""
    import bot.conversation

    monkeypatch.setattr(bot.conversation, "IN_SITU", True)
    assert bot.conversation.asks_in_situ(question) is expected
    assert bot.conversation.leaves_its_clause_unsaid(question) is expected
    monkeypatch.setattr(bot.conversation, "IN_SITU", False)
    assert not bot.conversation.asks_in_situ(question)


def test_a_question_word_inside_the_clause_keeps_its_context(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 22 (bot.conversation.IN_SITU). "a new bar for what tho" after "can bezos set a
    new bar" (conversations-tuning-20): alone, three content words named no follow-up."""
    import bot.conversation

    first, second = "can bezos set a new bar", "a new bar for what tho"
    monkeypatch.setattr(bot.conversation, "IN_SITU", True)
    assert is_follow_up(second)
    assert searched_after(service, first, second) != second
    assert second_says(service, first, second, "green manufacturing") == "right"
    monkeypatch.setattr(bot.conversation, "IN_SITU", False)
    assert not is_follow_up(second)
    assert second_says(service, first, second, "green manufacturing") != "right"


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("ok and what do they have in common", "and what do they have in common"),
        ("ok so what's been going wrong for them", "so what's been going wrong for them"),
        ("thx! but where is it", "but where is it"),
        ("hi, who is musk", "Who is musk"),  # no conjunction: as without_greeting gives it
        ("alright, the pricing?", "The pricing?"),
        ("ok, unrelated: what did they do", "Unrelated: what did they do"),
        ("and what do they have in common", "and what do they have in common"),  # no opener
    ],
)
def test_a_chat_openers_conjunction_is_kept(
    monkeypatch: pytest.MonkeyPatch, asked: str, expected: str
) -> None:
    """Session 22 (bot.conversation.OPENER_CONJUNCTION): the conjunction ending a chat opener
    stays with the question; off, the question as without_greeting leaves it."""
    import bot.conversation
    from bot.small_talk import without_greeting

    stripped = without_greeting(asked)
    monkeypatch.setattr(bot.conversation, "OPENER_CONJUNCTION", True)
    assert bot.conversation.with_conjunction(asked, stripped) == expected
    monkeypatch.setattr(bot.conversation, "OPENER_CONJUNCTION", False)
    assert bot.conversation.with_conjunction(asked, stripped) == stripped


def test_a_chat_openers_conjunction_keeps_the_context(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 22 (bot.conversation.OPENER_CONJUNCTION). "ok and what do they have in common"
    after "how are bezos and musk different as people" (conversations-tuning-20): without the
    "and", "What do they have in common" was searched alone and quoted the space race."""
    import bot.conversation

    first = "how are bezos and musk different as people"
    second = "ok and what do they have in common"
    monkeypatch.setattr(bot.conversation, "OPENER_CONJUNCTION", True)
    assert second_says(service, first, second, "unrelenting drive") == "right"
    monkeypatch.setattr(bot.conversation, "OPENER_CONJUNCTION", False)
    # Session 30's "both" keeps it too ("they" after "bezos and musk"): off, to see this rule.
    monkeypatch.setattr(bot.conversation, "FOLLOW_UPS_30", frozenset())
    assert second_says(service, first, second, "unrelenting drive") != "right"


def test_a_demonstrative_subject_keeps_its_context_under_the_floor(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 22 (bot.follow_up.DEMONSTRATIVE_OVER_OWN_WORDS). "where's that know-how coming
    from" after "what's the ai angle with the amazon cars" (conversations-tuning-20): refused
    alone, its own words' passage lacked what the context's first passage holds, so it was
    searched alone; "that" points at the AI angle just asked about."""
    import bot.follow_up

    first = "what's the ai angle with the amazon cars"
    second = "where's that know-how coming from"
    monkeypatch.setattr(bot.follow_up, "DEMONSTRATIVE_OVER_OWN_WORDS", True)
    assert searched_after(service, first, second) != second
    assert second_says(service, first, second, "Alexa") == "right"
    monkeypatch.setattr(bot.follow_up, "DEMONSTRATIVE_OVER_OWN_WORDS", False)
    assert searched_after(service, first, second) == second
    assert second_says(service, first, second, "Alexa") != "right"


def test_what_type_of_company_points_at_the_maker_the_answer_before_named(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """conversations-tuning-4: "what type of company?" (two content words, no follow-up by its
    words) was searched alone and quoted the EV project's team; it asks about Rivian, which only
    the answer before named, as "that company" does."""
    import bot.conversation

    assert asks_the_kind_of_what_was_named("what type of company?")
    assert asks_the_kind_of_what_was_named("which kind of firm?")
    assert not asks_the_kind_of_what_was_named("what kind of company is rivian?")  # named
    assert not asks_the_kind_of_what_was_named("what kind of vehicles?")  # no maker or person
    first, second = "Which EV maker did Amazon invest in?", "what type of company?"

    assert second_says(service, first, second, "electric truck and SUV") == "right"
    monkeypatch.setattr(bot.conversation, "KIND_OF_REFERENTS", False)
    assert second_says(service, first, second, "electric truck and SUV") != "right"


def test_a_pronoun_is_searched_with_the_name_the_answer_before_said(
    service: AnswerService,
) -> None:
    # conversations-tuning-3.jsonl: "it" is Amazon, which only the first answer named; searched
    # with the question before or alone it quoted "What began as a personal rivalry ...".
    first, second = "Which company is Bezos' EV brand affiliated with?", "what has it pledged?"
    conversation = uuid.uuid4().hex
    before = service.ask(first, conversation=conversation)
    assert "Amazon" in before.answer
    assert service.search_for(second, [first], previous_answer=before.answer)[0].startswith(
        "Amazon"
    )
    answer = service.ask(second, [first], conversation=conversation)
    assert "carbon-neutral by 2040" in answer.answer, answer.answer
    # Without the answer before (no conversation, or a database that is down) as before.
    assert not service.search_for(second, [first])[0].startswith("Amazon")
    assert service.ask(second, [first]).outcome == "answered"


def test_a_name_the_turn_before_never_said_is_searched_alone(service: AnswerService) -> None:
    # conversations-tuning-4.jsonl: a fragment, so it kept the context of the factories.
    first, second = "Where will the factories be built?", "and what about Rivian?"
    conversation = uuid.uuid4().hex
    before = service.ask(first, conversation=conversation)
    assert "Rivian" not in before.answer
    assert service.search_for(second, [first], previous_answer=before.answer)[0] == second
    assert "Rivian" in service.ask(second, [first], conversation=conversation).answer


def test_that_company_points_at_the_name_the_answer_before_said(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """conversations-tuning-5.jsonl: "that company" is Rivian, which only the first answer
    named, after a question opening with "What" (so no who/which question asked for it)."""
    import bot.conversation
    import bot.follow_up

    # Session 17's rank agreement and session 19's demonstrative subject keep the context without
    # the names: off, this is checked alone.
    monkeypatch.setattr(bot.follow_up, "RANK_AGREEMENT", False)
    monkeypatch.setattr(bot.follow_up, "DEMONSTRATIVE_SUBJECT", False)

    first, second = (
        "What did Amazon invest in before this venture?",
        "what does that company build?",
    )
    said = "In fact, Amazon previously invested in Rivian, an electric truck and SUV manufacturer."
    assert referents(second, first, said) == ["Rivian", "SUV"]
    assert referents("what does it build?", first, said) == []  # a pronoun: who/which only
    assert referents("what does that company build?", first, None) == []
    conversation = uuid.uuid4().hex
    before = service.ask(first, conversation=conversation)
    assert "Rivian" in before.answer
    answer = service.ask(second, [first], conversation=conversation)
    assert "electric truck and SUV" in answer.citations[0].text, answer.answer
    monkeypatch.setattr(bot.conversation, "DEMONSTRATIVE_REFERENTS", False)
    assert referents(second, first, said) == []
    again = service.ask(second, [first], conversation=conversation)
    assert "electric truck and SUV" not in again.citations[0].text


def test_a_follow_up_is_ranked_toward_what_follows_the_answer_before(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The passage after the one the answer before quoted moves up FOLLOW_UP_NEXT_PRIOR, the
    sentence right after a quoted one gains FOLLOW_UP_SENTENCE_AFTER, the quoted one nothing."""
    import bot.follow_up
    from bot.follow_up import after_the_answer_before

    retriever = service.retriever
    query = "How could Bezos set a new green standard? why would that matter beyond amazon?"
    vector = service.embedder.encode_query(query)
    plain = {h.passage.id: h for h in retriever.search_vector(query, vector, 3)}
    first = next(iter(plain.values())).passage
    quoted, following = first.sentence_texts()[:2]
    moved = after_the_answer_before(retriever, query, vector, quoted, 3)
    by_id = {h.passage.id: h for h in moved}
    assert by_id[first.id].sentence_scores[0] == pytest.approx(plain[first.id].sentence_scores[0])
    after = bot.follow_up.FOLLOW_UP_SENTENCE_AFTER
    assert after > 0 and by_id[first.id].sentence_scores[1] == pytest.approx(
        plain[first.id].sentence_scores[1] + after
    )
    assert following not in quoted
    # The passage after the quoted one, moved far enough, is cited first.
    next_prior = bot.follow_up.FOLLOW_UP_NEXT_PRIOR
    monkeypatch.setattr(bot.follow_up, "FOLLOW_UP_NEXT_PRIOR", 100.0)
    passages = list(retriever.index.passages)
    row = next(i for i, p in enumerate(passages) if p.id == first.id)
    pushed = after_the_answer_before(retriever, query, vector, quoted, 3)
    assert pushed[0].passage.id == passages[row + 1].id != first.id
    monkeypatch.setattr(bot.follow_up, "FOLLOW_UP_NEXT_PRIOR", next_prior)
    # Searched as the bot searches it, in its conversation: the sentence after the one quoted.
    first_q, second_q = (
        "How could Bezos set a new green standard?",
        "why would that matter beyond amazon?",
    )
    conversation = uuid.uuid4().hex
    service.ask(first_q, conversation=conversation)
    answer = service.ask(second_q, [first_q], conversation=conversation)
    assert "ripple through the industry" in answer.answer, answer.answer
    monkeypatch.setattr(bot.follow_up, "FOLLOW_UP_NEXT_PRIOR", 0.0)
    monkeypatch.setattr(bot.follow_up, "FOLLOW_UP_SENTENCE_AFTER", 0.0)
    assert (
        "ripple through the industry"
        not in service.ask(second_q, [first_q], conversation=conversation).answer
    )


def test_the_terminal_carries_the_answer_before_to_a_follow_up(service: AnswerService) -> None:
    # `evbot chat` records each answer under its session's conversation, as the chat layer does
    # for a Slack or Discord thread: the follow-up finds the first answer there.
    stdin = io.StringIO("What has chipped away at Tesla's market share?\nwhich competitors?\n")
    stdout = io.StringIO()
    assert chat(service, as_json=True, stdin=stdin, stdout=stdout) == 0
    first, second = (json.loads(line) for line in stdout.getvalue().splitlines())
    assert "competitors" in first["answer"]
    assert "Lucid Motors" in second["answer"] and second["outcome"] == "answered"


def conversations(name: str) -> list[dict]:
    path = Path(__file__).parent / "data" / name
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


# Measured (docs/quality-log.md, session 7): tuning 14 of 14, 14 of 16, 26 of 30, 18 of 20 and 15
# of 22 conversations right, 0, 0, 0, 0 and 1 topic switch searched as a follow-up; held out
# (session 6) 8 of 15 and 2 of 9, 14 of 17 and 0 of 9, 12 of 20 and 0 of 10. Session 8:
# conversations-tuning-6 16 of 24, 0 of 12. With late interaction and its follow-up rules
# (session 8, docs/quality-log.md): 14, 15, 29, 17, 17 and 18 of 24. Ranked toward what follows the
# answer before, with "that company" (session 9): tuning-5 18, tuning-6 19, tuning-7 16 of 30
# (new), held out 2 17 of 17. Read by session 10's word rules: tuning-6 20, tuning-7 21, no
# switch of tuning-5 searched as a follow-up; a question refused alone given its context:
# tuning-8 19 of 30 (3 switches searched as follow-ups, as before). Session 11's own-topic rules:
# tuning-6 22, tuning-8 20 with no switch searched as a follow-up, tuning-9 25 of 30 (new); with
# a follow-up refused alone answered from its own words' passage: tuning-8 21, tuning-9 26.
# Session 12, a comparison naming a new name decided as a follow-up: tuning-3 29 of 30; "what
# type of company?" pointing at the answer before's names: tuning-4 18 of 20. Session 13: tuning-10
# 22 of 30 (session 12's blind set) and tuning-11 25 of 30 (blind, the clean check), no switch
# searched as a follow-up in either; "what's X like?" and "the worry with X" read as no attribute
# asked (bot.unsaid.ATTRIBUTE_GRAMMAR): tuning-7 24, tuning-11 27. Session 14: tuning-12 22
# of 30 (blind, the clean check) and 2 switches searched as follow-ups; with session 14's rules
# (lower-case names, a context off the question, "those rivals") 23 and none. Session 16:
# tuning-14 27 of 40 (blind, the clean check), no switch searched as a follow-up; with "the same"
# compared with what was said before and a why-question's cause quoted, 29. Session 17: tuning-15 30
# of 40 (blind, the clean check) and 2 switches searched as follow-ups; with a follow-up keeping
# its context when both rankings favour the context's passage, tuning-10 24 and tuning-15 32;
# with a question of no word of its own covered as the question before was, tuning-15 33; with
# the degree after "how" owning no possessive, 34. Session 18: tuning-16 31 of 40 (blind, the
# clean check) and 2 switches searched as follow-ups. Session 19: tuning-17 28 of 40 (blind, the
# clean check) and 1 switch searched as a follow-up; with a demonstrative subject keeping its
# context, tuning-12 24 and tuning-17 29. Session 20: tuning-18 33 of 40 (blind, the clean check),
# no switch searched as a follow-up; with a quoted "these <word>" pointing at the sentence before
# in threads, 34; with a label announcing a new topic read, 35, tuning-9 27, tuning-15 35 and one
# switch searched as a follow-up, tuning-16 one. Session 21: tuning-19 30 of 40 (blind, the clean
# check), no switch searched as a follow-up; with ellipsis read and "it" as the subject, 33.
# Session 22: tuning-20 30 of 40 (blind, the clean check), no switch searched as a follow-up;
# with a chat opener's conjunction kept, 31 (tuning-16 34). Session 23: tuning-21 29 of 40 (blind,
# the clean check), no switch searched as a follow-up; with a count naming no topic, 30; with a
# topic named first in a clause of its own, no switch of tuning-15 searched as a follow-up; with a
# demonstrative subject keeping its context under the floor, tuning-20 32.
@pytest.mark.parametrize(
    ("name", "right_floor", "switched_ceiling"),
    [
        ("conversations.jsonl", 13, 0),
        ("conversations-tuning-2.jsonl", 14, 0),
        ("conversations-tuning-3.jsonl", 28, 0),
        ("conversations-tuning-4.jsonl", 17, 0),
        ("conversations-tuning-5.jsonl", 17, 0),
        ("conversations-tuning-6.jsonl", 22, 0),
        ("conversations-tuning-7.jsonl", 24, 0),
        ("conversations-tuning-8.jsonl", 20, 0),
        ("conversations-tuning-9.jsonl", 26, 0),
        ("conversations-tuning-10.jsonl", 23, 0),
        ("conversations-tuning-11.jsonl", 26, 0),
        ("conversations-tuning-12.jsonl", 23, 0),
        ("conversations-tuning-13.jsonl", 40, 0),
        ("conversations-tuning-14.jsonl", 28, 0),
        ("conversations-tuning-15.jsonl", 34, 0),
        ("conversations-tuning-16.jsonl", 30, 1),
        ("conversations-tuning-17.jsonl", 28, 1),
        ("conversations-tuning-18.jsonl", 34, 0),
        ("conversations-tuning-19.jsonl", 32, 0),
        ("conversations-tuning-20.jsonl", 30, 0),
        ("conversations-tuning-21.jsonl", 30, 0),
        ("conversations-holdout.jsonl", 7, 2),
        ("conversations-holdout-2.jsonl", 16, 1),
        ("conversations-holdout-3.jsonl", 11, 1),
    ],
)
def test_two_turn_conversations(
    service: AnswerService, name: str, right_floor: int, switched_ceiling: int
) -> None:
    right = switched = 0
    for c in conversations(name):
        first, second = c["turns"]
        before, answer = asked_in_a_thread(service, first, second)
        right += (
            bool(answer.citations)
            and c["expect"] in answer.citations[0].text
            and c["words"] in answer.answer
            and answer.outcome == "answered"
        )
        if c["kind"] == "topic-switch":
            said = None if before.refused else before.answer
            switched += service.search_for(second, [first], previous_answer=said)[0] != second
    assert right >= right_floor and switched <= switched_ceiling


def test_the_oracle_answers_as_the_bot_does_for_the_search_it_chose(
    service: AnswerService,
) -> None:
    """benchmarks/quality.py --oracle sorts misses by what the other search would have quoted:
    forced to the search the follow-up rules chose, it must quote what the bot quoted, or its
    miss classes (docs/quality-log.md, session 8) say nothing about the bot."""
    from benchmarks.quality import searched_as

    chose = set()
    for first, second in [
        ("Who is Amazon partnering with on batteries?", "where will the factories be?"),
        ("What did Amazon pledge about carbon?", "by when?"),
        ("Who is Tesla's CEO?", "what is he known for?"),
    ]:
        conversation = uuid.uuid4().hex
        before = service.ask(first, conversation=conversation)
        answer = service.ask(second, [first], conversation=conversation)
        said = None if before.refused else before.answer
        query = service.search_for(second, [first], previous_answer=said)[0]
        forced = searched_as(service, second, first, query, conversation)
        assert (forced.answer, forced.outcome) == (answer.answer, answer.outcome), (first, second)
        assert [c.text for c in forced.citations] == [c.text for c in answer.citations]
        chose.add("alone" if query == second else "context" if first in query else "names")
    assert chose == {"alone", "context", "names"}  # each path the rules take, once


def test_long_context_is_cut_at_a_word() -> None:
    history = ["Is Amazon building electric cars?"] + ["and " + "partnership " * 20] * 5
    query = search_query("and what about them?", history)
    assert len(query) <= MAX_CONTEXT_CHARS and query.split()[0] in {"and", "partnership"}
    assert query.endswith("and what about them?")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Who is Amazon partnering with", True),
        ("tesla price?", True),
        ("Doesn’t Tesla lead the market", True),
        ("and where will they build them", True),
        ("ok so how fast is it", True),
        ("Thanks, that helped", False),
        ("and thanks!", False),
        ("will do, thanks", False),
        ("here it is https://example.com/page?id=3", False),
        ("see <https://example.com/p?id=3|the page>", False),
        ("do they build trucks?", True),
        ("<@U1> how are you", True),
        ("Here is the link I mentioned", False),
        ("", False),
    ],
)
def test_looks_like_question(text: str, expected: bool) -> None:
    assert looks_like_question(text) is expected


COST = "What will Amazon's cars cost?"


@pytest.mark.parametrize(
    "question",
    [
        "what makes a number prime",  # "prime" in the passage, "makes" and "number" not
        "what is lithium used for in medicine",  # "lithium" in it, "medicine" nowhere
        "what's the difference between a crocodile and an alligator",
    ],
)
def test_agree_needs_the_shared_passage_to_hold_the_question_words(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    """Refused alone, each finds the same first passage alone and after the cost question, so
    "agree" lends it the thread; AGREE_OWN_WORDS lends it only where that passage holds every
    content word of the question, and "who benefits either way?" (all three in it) keeps it."""
    import bot.follow_up

    def asked() -> str:
        return asked_in_a_thread(service, COST, question)[1].outcome

    import bot.off_topic

    assert service.ask(question).refused
    # Session 28's reading of its own words refuses the crocodile too: off, to see this rule's.
    monkeypatch.setattr(bot.off_topic, "OWN_QUESTION_FOREIGN_WEAK", None)
    monkeypatch.setattr(bot.follow_up, "AGREE_OWN_WORDS", False)
    assert asked() != "refused"
    monkeypatch.setattr(bot.follow_up, "AGREE_OWN_WORDS", True)
    assert asked() == "refused"
    benefits = ("what would a bezos win mean for cars", "who benefits either way?")
    assert second_says(service, *benefits, "consumers and the planet") == "right"


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("now about tesla's own problems, what are they?", "tesla's own problems"),
        ("as for the factories - where will they be?", "the factories"),
        ("ok so speaking of batteries, who makes them?", "batteries"),
        ("as for their factories, where are they", None),  # the topic itself points back
        ("about that, why?", None),
        ("what about amazon, what will it do?", None),  # an opener borrowing the question before
        ("and tesla, what does it need to do?", None),
        ("about what?", None),
    ],
)
def test_a_topic_named_first_is_read_by_its_clause(
    monkeypatch: pytest.MonkeyPatch, question: str, topic: str | None
) -> None:
    """Session 23 (bot.conversation.TOPIC_FIRST): "as for", "about", "regarding", "speaking of"
    and a noun phrase in a clause of its own name the topic the question's pronouns stand for;
    off, none is read."""
    import bot.conversation

    monkeypatch.setattr(bot.conversation, "TOPIC_FIRST", True)
    assert bot.conversation.topic_named_first(question) == topic
    monkeypatch.setattr(bot.conversation, "TOPIC_FIRST", False)
    assert bot.conversation.topic_named_first(question) is None


def test_a_topic_named_first_is_searched_alone(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 23 (bot.conversation.TOPIC_FIRST). "now about tesla's own problems, what are
    they?" after a question on Amazon's autonomy (conversations-tuning-15, a topic switch) was
    searched with the question before, "they" read as pointing back at it; "they" stands for
    the problems the question names first. Searched alone, it quotes them."""
    import bot.conversation

    first = "who is amazon partnering with on batteries"
    second = "as for tesla's weak spots, what are they?"
    monkeypatch.setattr(bot.conversation, "TOPIC_FIRST", True)
    assert not is_follow_up(second)
    assert searched_after(service, first, second) == second
    assert second_says(service, first, second, "quality control issues") == "right"
    monkeypatch.setattr(bot.conversation, "TOPIC_FIRST", False)
    assert is_follow_up(second)
    assert searched_after(service, first, second) != second


def test_a_count_names_no_topic(service: AnswerService, monkeypatch: pytest.MonkeyPatch) -> None:
    """Session 23 (bot.conversation.COUNT_WORDS). "which two states?" after "where's amazon
    gonna build the cars" (conversations-tuning-21) had two words of its own, "two" and
    "states", so it was no follow-up: searched alone, it was refused. A count names nothing
    asked about: with one word of its own it is a candidate, and its context finds Texas and
    Michigan. Only the follow-up decision reads it: `content_words` is unchanged."""
    import bot.conversation

    first = "where's amazon gonna build the cars"
    second = "which two states?"
    monkeypatch.setattr(bot.conversation, "COUNT_WORDS", True)
    assert bot.conversation.words_of_its_own(second) == ["states"] and is_follow_up(second)
    assert bot.conversation.content_words(second) == ["two", "states"]
    assert searched_after(service, first, second) != second
    assert second_says(service, first, second, "Texas and Michigan") == "right"
    monkeypatch.setattr(bot.conversation, "COUNT_WORDS", False)
    assert not is_follow_up(second)
    assert searched_after(service, first, second) == second
    assert second_says(service, first, second, "Texas and Michigan") != "right"


def test_the_benchmark_counts_a_switch_as_ask_searched_it(service: AnswerService) -> None:
    """benchmarks/quality.py counts a topic switch searched as a follow-up from the searches
    `ask` made (session 23): a label announcing a new topic is taken off and the question
    searched alone, though the question as typed ("different question: why does this matter
    for investors?", "this" pointing back) reads as a follow-up."""
    from benchmarks.quality import asked_with_its_searches

    first = "What did Amazon pledge about carbon?"
    conversation = uuid.uuid4().hex
    service.ask(first, conversation=conversation)
    switch = "different question: why does this matter for investors?"
    assert is_follow_up(switch.split(": ", 1)[1])
    answer, searches = asked_with_its_searches(service, switch, [first], conversation)
    assert searches == [] and not answer.refused
    answer, searches = asked_with_its_searches(service, "by when?", [first], conversation)
    assert [text for text, _ in searches] == ["by when?"]
    assert all(query != text for text, query in searches)
