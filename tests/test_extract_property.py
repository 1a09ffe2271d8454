"""Any text: extract raises nothing but ExtractionError, offsets index the text, output is stable."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.facts import DocumentInfo
from loaders.extract import ExtractionError, extract
from loaders.registry import Registry

REG = Registry.load()
WORDS = st.sampled_from(
    [
        "the",
        "Mayor",
        "MOPAC",
        "Met",
        "MPS",
        "said",
        "“",
        "”",
        '"',
        "'",
        "£2.4m",
        "fund",
        "funded",
        "by",
        "led",
        "chaired",
        "set",
        "up",
        "in",
        "2023",
        "Sir",
        "Mark",
        "Hall",
        ",",
        ".",
        "\n",
        "Motion",
        "1",
        "–",
        "Our",
        "ref:",
        "Dear",
        "Yours",
        "sincerely",
        "Commissioner",
        "asked",
        "welcomed",
        "criticised",
        "hold",
        "to",
        "account",
        "which",
        "it",
        "Baroness",
        "Anne",
        "Longfield",
        "CBE",
        "awarded",
        "a",
        "grant",
        "to",
        "The",
        "Trust",
        "Council",
        "(",
        ")",
        "[1]",
        "-",
        "13th",
        "November",
        "Thursday",
    ]
)
TEXTS = st.one_of(st.text(max_size=400), st.lists(WORDS, max_size=120).map(" ".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_extract_never_fails_unexpectedly_and_evidence_is_exact(text):
    doc = DocumentInfo(name="h.txt", sha256="a" * 64, text=text)
    try:
        first = extract(doc, REG)
    except ExtractionError:
        return
    for f in first.facts:
        for ev in f.evidence:
            assert 0 <= ev.start <= ev.end <= len(text)
            assert text[ev.start : ev.end] == ev.quote
    again = extract(DocumentInfo(name="h.txt", sha256="a" * 64, text=text), REG)
    assert [f.as_json() for f in first.facts] == [f.as_json() for f in again.facts]


def test_huge_names_and_empty_text_are_fine():
    for text in ("", "Sir " + "Abcdef" * 2000, "“" * 3000, "A" * 10_000 + " said: “x”"):
        ex = extract(DocumentInfo(name="w.txt", sha256="b" * 64, text=text), REG)
        assert isinstance(ex.facts, list)
