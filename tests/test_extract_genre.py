"""Genre detection and the metadata each genre's layout gives (snippets written for the tests)."""

from graph.facts import DocumentInfo
from loaders.genre import detect

LETTER = """MAYOR OF LONDON

Jane Example AM
Chair of the London Assembly
chair@example.org

Our ref: MGLA010101-0001

Date: 3 March 2025

Dear Jane,

London Assembly (Plenary) Meeting 6 February 2025 – Motions

Thank you for your letter. My reply to each motion is below.

Motion 2 – Cleaner Buses for Outer London

I have asked TfL to look at this.

Motion 4.1 – Safer Night Streets

We will respond in due course.

Yours sincerely,

[signature]

Sadiq Khan
Mayor of London
"""

QA = """Bus safety in Bexley
Question by: Jane Example
Meeting date: 14 November 2024
Question number: 2024/1234
Question
What are you doing about bus safety?
Answer
Answered by: The Mayor
Answer date: 20 November 2024
I have asked TfL to review every route.
"""

RELEASE = """Mayor unveils new youth fund
- £1m to support youth clubs in outer London
- Clubs can apply from spring
The Mayor of London, Sadiq Khan, today announced a new £1m fund for youth clubs.
Notes to editors
The fund is run by City Hall.
"""

NEWS = """Council criticised over potholes

By Sam Writer

- Published 3 days ago
Residents have complained about potholes. Share This Article
"""


def doc(text: str) -> DocumentInfo:
    return DocumentInfo(name="t.txt", sha256="0" * 64, text=text)


def test_letter_metadata():
    d = doc(LETTER)
    info = detect(d)
    assert d.genre == info.genre == "letter"
    assert d.reference == "MGLA010101-0001"
    assert d.date == "2025-03-03"
    assert info.addressee == "Jane Example AM" and info.addressee_office == "Chair of the London Assembly"
    assert info.author == "Sadiq Khan" and info.author_office == "Mayor of London"
    assert info.meeting == "London Assembly (Plenary)" and info.meeting_date == "2025-02-06"
    assert [(m.number, m.title) for m in info.motions] == [
        ("2", "Cleaner Buses for Outer London"),
        ("4.1", "Safer Night Streets"),
    ]
    for m in info.motions:
        assert d.text[m.start : m.end] == m.heading


def test_question_answer_metadata():
    d = doc(QA)
    info = detect(d)
    assert info.genre == "question_answer"
    assert info.question_title == "Bus safety in Bexley"
    assert info.asker == "Jane Example" and info.answerer == "The Mayor"
    assert info.meeting_date == "2024-11-14" and info.answer_date == "2024-11-20"
    assert info.question_text == "What are you doing about bus safety?"
    assert info.answer_text.endswith("review every route.")


def test_press_release_headline_bullets_and_notes():
    d = doc(RELEASE)
    info = detect(d)
    assert info.genre == "press_release"
    assert info.title == "Mayor unveils new youth fund"
    assert info.summary == ["£1m to support youth clubs in outer London", "Clubs can apply from spring"]
    assert d.text[info.notes_start :].startswith("Notes to editors")


def test_news_byline_and_generic():
    info = detect(doc(NEWS))
    assert (
        info.genre == "news"
        and info.byline == "Sam Writer"
        and info.title == "Council criticised over potholes"
    )
    assert detect(doc("Just some words about London.")).genre == "generic"


def test_weekday_and_day_pin_the_year_when_no_date_is_given():
    info = detect(
        doc("Report\nSince 2021 things changed. At a meeting on Thursday, 13th November the Chair spoke.")
    )
    assert info.ref_date == "2025-11-13"
