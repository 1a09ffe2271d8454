"""Direct and reported statements and who made them, as UK press releases and reports write them."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.quotes import Quote, find_quotes


def statements(text: str) -> list[tuple[str, str | None, str]]:
    """(kind, speaker, words) for every statement, checking the spans on the way."""
    out = []
    for q in find_quotes(text):
        assert text[q.start : q.end] == q.text
        if q.speaker is not None:
            assert text[q.speaker_start : q.speaker_end] == q.speaker
        assert q.clause_start <= q.start and q.end <= q.clause_end
        out.append((q.kind, q.speaker, q.text))
    return out


# --- direct quotes: attribution before ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        (
            "The council leader said: “We will not accept these cuts.”",
            "The council leader",
            "We will not accept these cuts.",
        ),
        ('The council leader said "We will fight on."', "The council leader", "We will fight on."),
        (
            "Dr Amara Osei, the trust’s medical director, said: “Every patient deserves better.”",
            "Dr Amara Osei, the trust’s medical director",
            "Every patient deserves better.",
        ),
        (
            "The Deputy Mayor for Housing, Tom Reyes, added: “Rents are simply too high.”",
            "The Deputy Mayor for Housing, Tom Reyes",
            "Rents are simply too high.",
        ),
        (
            "According to the inspector, “the force has made real progress”.",
            "the inspector",
            "the force has made real progress",
        ),
        ("He told the committee: “Our officers are stretched.”", "He", "Our officers are stretched."),
        (
            "In a statement on Friday, the union warned: “Members will strike.”",
            "the union",
            "Members will strike.",
        ),
        (
            "Speaking at the launch, Ms Varga said: “This is a good day for tenants.”",
            "Ms Varga",
            "This is a good day for tenants.",
        ),
        (
            "The charities running the new helpline said: “Demand has never been higher.”",
            "The charities running the new helpline",
            "Demand has never been higher.",
        ),
    ],
)
def test_attribution_before_the_quote(text: str, speaker: str, words: str) -> None:
    assert statements(text) == [("direct", speaker, words)]


def test_quote_words_exclude_the_marks_and_the_clause_covers_the_attribution() -> None:
    text = "Intro line.\nThe chair said: “We need answers.” Then the meeting ended."
    [q] = find_quotes(text)
    assert q.text == "We need answers."
    assert text[q.clause_start : q.clause_end] == "The chair said: “We need answers.”"
    assert (q.kind, q.verb) == ("direct", "said")


# --- direct quotes: attribution after -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        ("“We are proud of this work,” Ms Patel said.", "Ms Patel", "We are proud of this work"),
        (
            "“We are proud of this work,” said Priya Patel, the trust’s chief executive.",
            "Priya Patel, the trust’s chief executive",
            "We are proud of this work",
        ),
        ("“Nobody should be left behind”, she said.", "she", "Nobody should be left behind"),
        ('"The numbers do not add up," he told reporters.', "he", "The numbers do not add up"),
        ("“Why was nobody told?” asked Cllr Webb.", "Cllr Webb", "Why was nobody told?"),
    ],
)
def test_attribution_after_the_quote(text: str, speaker: str, words: str) -> None:
    assert statements(text) == [("direct", speaker, words)]


def test_a_new_sentence_after_a_quote_is_not_its_attribution() -> None:
    text = "“It will be done.” The council said the plan was approved."
    kinds = statements(text)
    assert ("direct", "The council", "It will be done.") not in kinds
    assert kinds == [("reported", "The council", "the plan was approved")]


# --- fragments and characterising verbs ---------------------------------------------------------


def test_called_x_y_makes_the_subject_the_speaker() -> None:
    text = "Opposition members called the plan “a reckless gamble with public money”."
    assert statements(text) == [("direct", "Opposition members", "a reckless gamble with public money")]


def test_short_fragment_close_to_the_speech_verb_is_a_statement() -> None:
    text = "Dr Ahmed said the figures were “alarming” and called for action."
    assert statements(text) == [("direct", "Dr Ahmed", "alarming")]


def test_the_reporting_subject_wins_over_an_embedded_expectation() -> None:
    text = (
        "The Chief Constable explained that once checks were done, the force expected "
        "“perhaps 400 or 500 files” to go to prosecutors."
    )
    assert statements(text) == [("direct", "The Chief Constable", "perhaps 400 or 500 files")]


def test_an_expectation_verb_alone_links_its_own_subject() -> None:
    text = "The service expected “around 300 referrals in the first year”."
    assert statements(text) == [("direct", "The service", "around 300 referrals in the first year")]


def test_clauses_joined_by_while_keep_their_own_speakers() -> None:
    text = (
        "The minister had said there were “no plans” to close it, while the local MP Rosa Lind "
        "said the building had “no future” as a station."
    )
    assert statements(text) == [
        ("direct", "The minister", "no plans"),
        ("direct", "the local MP Rosa Lind", "no future"),
    ]


def test_a_second_verb_without_subject_keeps_the_first_subject() -> None:
    text = (
        "Mr Osei, leader of the Green group, said he was pleased with the vote, but said the "
        "sum looked “far too small for the job”."
    )
    assert statements(text) == [
        ("reported", "Mr Osei, leader of the Green group", "he was pleased with the vote"),
        ("direct", "Mr Osei, leader of the Green group", "far too small for the job"),
    ]


# --- paragraphs ---------------------------------------------------------------------------------


def test_a_quote_continued_over_paragraphs_is_one_statement() -> None:
    text = (
        "The Commissioner said: “First, we have hired more officers.\n\n"
        "“Second, we have opened two new stations.\n\n"
        "“Third, response times are falling.”\n\n"
        "The report follows."
    )
    [q] = find_quotes(text)
    assert q.speaker == "The Commissioner"
    assert q.text.startswith("First, we have hired") and q.text.endswith("response times are falling.")
    assert q.text.count("\n\n") == 2
    assert text[q.clause_end - 1] == "”"


def test_straight_quotes_continue_over_single_line_paragraphs() -> None:
    text = 'The leader said: "We tried.\n"We will try again next year."\nA new paragraph.'
    [q] = find_quotes(text)
    assert q.text == 'We tried.\n"We will try again next year.'
    assert q.speaker == "The leader"


def test_an_intro_line_ending_with_a_colon_attributes_the_next_paragraph() -> None:
    text = "The head teacher added:\n\n“Our pupils deserve a safe route to school.”"
    assert statements(text) == [("direct", "The head teacher", "Our pupils deserve a safe route to school.")]


def test_an_unclosed_final_paragraph_ends_at_the_paragraph_end() -> None:
    text = "Ms Lowe said: “The first point.\n“The last point, never closed.\nNotes to editors"
    [q] = find_quotes(text)
    assert q.text.endswith("never closed.")


def test_a_following_whole_sentence_quote_keeps_the_speaker() -> None:
    text = "“This is a turning point,” she added. “We have waited years for it.”"
    assert statements(text) == [
        ("direct", "she", "This is a turning point"),
        ("direct", "she", "We have waited years for it."),
    ]
    assert find_quotes(text)[1].inherited


def test_a_speaker_is_not_inherited_across_other_text() -> None:
    text = "“This is a turning point,” she added.\nThe council met later.\n“We have waited years for it.”"
    assert statements(text) == [("direct", "she", "This is a turning point")]


# --- single quotation marks ---------------------------------------------------------------------


def test_single_curly_quotes_with_a_speech_verb_are_quotes() -> None:
    text = "The councillor said: ‘We’re not giving up on the library.’"
    assert statements(text) == [("direct", "The councillor", "We’re not giving up on the library.")]


def test_apostrophes_do_not_open_or_close_quotes() -> None:
    text = "The Met’s chief said the victims’ families and London’s boroughs had been told."
    assert all(kind == "reported" for kind, _s, _w in statements(text))


# --- not statements -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The ‘Safer Streets’ scheme was launched in May.",
        "Residents criticised the so-called “garden bridge” project.",
        "The report, titled “Building a Fairer City”, was published on Monday.",
        "Read our guide to “Choosing a school” here.",
        "Police warned against using the term “gang crime” for every case.",
        "'Heinous failures'\nNext paragraph here.",
        "Council at 'breaking point' over budgets",
        "The Met's review of 'legacy cases' continues.",
        "A report called “Safe at Home” sets out the plan.",
        "The agency said the phrase “zero tolerance” was misleading.",
    ],
)
def test_titles_terms_and_scare_quotes_are_not_statements(text: str) -> None:
    assert [s for s in statements(text) if s[0] == "direct"] == []


def test_a_scare_quote_far_from_the_verb_is_not_a_statement() -> None:
    text = "The office says results, helped by a new ‘Team First’ plan with schools, have improved."
    assert [s for s in statements(text) if s[0] == "direct"] == []


# --- reported speech ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        (
            "The minister said the scheme would be expanded next year.",
            "The minister",
            "the scheme would be expanded next year",
        ),
        (
            "The head of the charity warned that waiting lists were growing.",
            "The head of the charity",
            "waiting lists were growing",
        ),
        (
            "The council has said the money would pay for 40 new homes.",
            "The council",
            "the money would pay for 40 new homes",
        ),
        (
            "Deputy Commissioner Ann Ford told the Police and Crime Committee that 300 officers had left.",
            "Deputy Commissioner Ann Ford",
            "300 officers had left",
        ),
        (
            "The funding would be doubled, the minister told MPs on Tuesday.",
            "the minister",
            "The funding would be doubled",
        ),
        (
            "But after checking 900 files only 120 were kept open, Chief Inspector Dale told the Assembly last month.",
            "Chief Inspector Dale",
            "after checking 900 files only 120 were kept open",
        ),
        (
            "Waiting lists were growing, according to the charity.",
            "the charity",
            "Waiting lists were growing",
        ),
        (
            "According to the charity, waiting lists had grown by a third.",
            "the charity",
            "waiting lists had grown by a third",
        ),
        ("Last week, she said she was confident of a deal.", "she", "she was confident of a deal"),
    ],
)
def test_reported_speech(text: str, speaker: str, words: str) -> None:
    assert statements(text) == [("reported", speaker, words)]


@pytest.mark.parametrize(
    "text",
    [
        "The board was told the project was late.",
        "He would say that the plan works.",
        "It is said that the plan works.",
        "The chief executive did not say whether jobs would go.",
        "The Mayor announced a new fund for youth clubs across the city.",
        "It follows claims the service was failing.",
        "Asked about the delay, officials declined to comment.",
        "The chair said.",
    ],
)
def test_not_reported_speech(text: str) -> None:
    assert statements(text) == []


def test_coordinated_speech_verbs_give_one_statement_each() -> None:
    text = "The watchdog said complaints had risen by a third and warned that staff could quit."
    assert statements(text) == [
        ("reported", "The watchdog", "complaints had risen by a third"),
        ("reported", "The watchdog", "staff could quit"),
    ]


def test_a_following_verb_phrase_keeps_the_speaker() -> None:
    text = "“We have listened,” the spokesman said, adding that the plan would be revised."
    assert statements(text) == [
        ("direct", "the spokesman", "We have listened"),
        ("reported", "the spokesman", "the plan would be revised"),
    ]


def test_a_reported_clause_holding_a_direct_quote_gives_only_the_quote() -> None:
    text = "The trust said it was “deeply sorry” for the failings."
    assert statements(text) == [("direct", "The trust", "deeply sorry")]


def test_pronoun_speakers_are_returned_as_written() -> None:
    text = "“We will look again,” they said."
    [q] = find_quotes(text)
    assert (q.speaker, q.speaker_start, q.speaker_end) == ("they", text.index("they"), text.index(" said"))


# --- properties ---------------------------------------------------------------------------------

_FRAGMENTS = st.sampled_from(
    [
        "“", "”", '"', "‘", "’", "'", "said", "said:", "told", "the Assembly", "according to",
        "Sir Sadiq", "she", "The Mayor", ",", ".", " ", "\n", "\n\n", ":", "called", "expected",
        "that", "We", "will", "was", "but", "while", ";", "—", "so-called", "Met’s", "asked",
    ]
)  # fmt: skip
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(_FRAGMENTS | st.text(max_size=5), max_size=60).map(" ".join),
    st.lists(_FRAGMENTS, max_size=60).map("".join),
)


def check(text: str, found: list[Quote]) -> None:
    keys = [(q.start, q.end) for q in found]
    assert keys == sorted(keys)
    for q in found:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.kind in ("direct", "reported")
        assert 0 <= q.clause_start <= q.start and q.end <= q.clause_end <= len(text)
        if q.speaker is not None:
            assert text[q.speaker_start : q.speaker_end] == q.speaker


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_any_text_gives_valid_sorted_spans_deterministically(text: str) -> None:
    found = find_quotes(text)
    check(text, found)
    assert find_quotes(text) == found


@pytest.mark.parametrize(
    "unit",
    ["“", "‘a’ ", "Hall said ", 'X said "a b ', "a, ", "said: “x\n", "According to X, "],
)
def test_long_pathological_single_lines_finish_in_linear_time(unit: str) -> None:
    small, large = unit * (20_000 // len(unit)), unit * (200_000 // len(unit))
    t0 = time.perf_counter()
    check(small, find_quotes(small))
    t_small = time.perf_counter() - t0
    t0 = time.perf_counter()
    check(large, find_quotes(large))
    t_large = time.perf_counter() - t0
    assert t_large < max(3.0, 30 * t_small)  # ten times the text: far from a hundred times the time


def test_a_quote_after_a_clause_and_saying_is_the_clauses_speakers():
    text = (
        "But City Hall Conservative leader Neil Garratt criticised the rise, saying: “Labour’s disastrous "
        "budget has put prices up, hit jobs, and cut public finances.”"
    )
    (quote,) = [q for q in find_quotes(text) if q.kind == "direct"]
    assert quote.verb == "saying"
    assert quote.speaker == "City Hall Conservative leader Neil Garratt"  # not "the rise" before the comma
