"""The extractor's fast paths give exactly what the plain regex scans they replace give.

Speed-ups (Aho-Corasick look-ups, look-behinds checked in Python, patterns run only on lines
holding their keywords) must not change a single match: each is compared here with the slow
form on generated text built from the words the patterns care about, and on real-looking text.
"""

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders import genre as G
from loaders import relations as R
from loaders.extract import default_registry
from loaders.names import coref, discovery, linker_for, posts
from loaders.names.bounded import Bounded
from loaders.names.folding import FOLD_TABLE, fold
from loaders.names.heads import HEAD_WORDS
from loaders.names.linescan import LineScan
from loaders.quotes import verbs

PROSE = (
    "The Mayor of London, Sadiq Khan, said the new £2.4m package of support would fund the "
    "Lantern Youth Trust. London TravelWatch, the independent watchdog for passengers, welcomed "
    "the national review. My Deputy Mayor for Transport, Ola Brandt, is working closely with the "
    "Met's Roads Policing Command and the pan-London Stalking Service. The umbrella group said "
    "this fund was overseen by the NCA (National Crime Agency). It was set up by the Mayor in "
    "2019; the Warm Homes for Elders scheme and the Casey audit followed.\nYours sincerely,\n"
)
WORDS = PROSE.replace("\n", " \n ").split(" ") + [
    "the", "The", "this", "its", "new", "national", "review", "inquiry", "re-investigation",
    "Council", "Trust", "Service", "pan-London", "London", "Mayor", "for", "to", "State",
    "Secretary", "of", ", the", ", a", "-", "'s", "£3m", "fund", "plan", "scheme", "X-", "_A",
]  # fmt: skip


def text_from(words: list[str]) -> str:
    return " ".join(words)


texts = st.lists(st.sampled_from(WORDS), max_size=60).map(text_from)


def spans(it):
    return [(m.start(), m.end()) for m in it]


LINE_PATTERNS = [
    (discovery.LOWER_INQUIRY, "lower_inquiry"),
    (discovery.NAMED_INQUIRY, "inquiry"),
    (coref.DEF_REF, "defref"),
    (discovery.APPOSITIVE_TYPE, "appositive"),
    (discovery.NAMED_LOWER_HEAD, "lower_head"),
    (posts.POST_CAP, "post"),
    (posts.POST_LOWER, "post"),
]


def with_lookbehind(bounded: Bounded) -> re.Pattern:
    cls = "\\w" + bounded.extra.replace("-", "\\-")
    return re.compile(f"(?<![{cls}])(?:{bounded.pattern})" if bounded.word else bounded.pattern)


def named_sequences(text, scan=None):
    """Capitalised runs that could name a body (the only ones discover_named keeps)."""
    return [
        (s, e)
        for s, e in discovery.cap_sequences(text, scan)
        if HEAD_WORDS.intersection(text[s:e].replace(".", " ").replace("'", " ").split())
    ]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_bounded_patterns_match_their_look_behind_forms(text):
    for bounded, _ in [*LINE_PATTERNS, (discovery.CAP_SEQ, "")]:
        assert spans(bounded.finditer(text)) == spans(with_lookbehind(bounded).finditer(text))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_line_gated_scans_match_whole_text_scans(text):
    folded = fold(text)
    scan = LineScan(folded)
    for bounded, group in LINE_PATTERNS:
        assert spans(scan.finditer(bounded, group)) == spans(bounded.finditer(folded)), group
    assert named_sequences(folded, scan) == named_sequences(folded)


def test_line_gating_on_prose():
    folded = fold(PROSE * 3)
    scan = LineScan(folded)
    assert scan.lines is not None  # the fast path is the one being compared
    for bounded, group in LINE_PATTERNS:
        assert spans(scan.finditer(bounded, group)) == spans(bounded.finditer(folded)), group
    assert named_sequences(folded, scan) == named_sequences(folded)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_registry_automaton_matches_registry_regexes(text):
    names = linker_for(default_registry()).names
    folded = fold(text)
    fast = names.matches(folded)
    slow = [
        (m.start(1), m.end(1), m.group(1).lower() if lower else m.group(1), lower)
        for rx, lower in ((names.ci_rx, True), (names.cs_rx, False))
        for m in rx.finditer(folded)
    ]
    assert fast == slow


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \u2019\u201c\u2013\t\u00a0x\u202f\u00e9'-", max_size=40))
def test_fold_is_the_translation_table(text):
    assert fold(text) == text.translate(FOLD_TABLE)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*verbs.ALL_VERBS, "un", "re", " ", ".", "_", "-", "x"]), max_size=15).map(
        "".join
    )
)
def test_speech_verbs_found_as_the_verb_regex_finds_them(text):
    assert verbs.verb_spans(text) == spans(verbs.P_VERB.finditer(text))


def test_sentence_ends_as_with_the_look_behind():
    old = re.compile(r"(?<=[.!?])[\"')\]]*(?=[ ]+[\"'(\[]?[A-Z0-9£])|\n")
    rng = random.Random(3)
    alphabet = [".", "!", "?", '"', "'", ")", "]", " ", "\n", "A", "a", "£", "(", "[", "1"]
    for _ in range(5000):
        t = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert [m.end() for m in old.finditer(t)] == [m.end() for m in R.SENT_END.finditer(t)], t


@pytest.mark.parametrize(
    "text",
    [
        "Thank you. My reply to Motion 3.6 is below. Our response to the rest follows",
        "Intro line\nI set out my replies to each motion in turn, with figures of 2.5 per cent.\nMore.",
        "No reply here.",
        "our response to",
    ],
)
def test_reply_sentence_as_the_old_regex_found_it(text):
    old = re.search(
        r"(?:[^.\n]|\.(?=\d))*\b(?:[Mm]y|[Oo]ur)[ ](?:reply|response|replies|responses)[ ]to\b(?:[^.\n]|\.(?=\d))*[.]?",
        text,
    )
    assert G._reply_sentence(text) == ((old.start(), old.end()) if old else None)


def test_relation_patterns_without_their_look_behind_find_the_same():
    folded = fold(PROSE * 2 + " funded by-the, co-funded by X, unfunded  fund  re-fund. Worked with TfL.")
    for rx, fast in R.NO_LOOKBEHIND.items():
        assert spans(R.finditer_bounded(fast, folded, 0, len(folded))) == spans(rx.finditer(folded)), (
            rx.pattern
        )


GATE_WORDS = sorted(
    {w.strip() for groups in R.GATES.values() for ws in groups for w in ws if w.strip()}
    | {"TfL", "the", "a", "Mayor", "X", "by", "to", "with", "£2m", "'s", "which", "that", "is", "was", "been"}
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(GATE_WORDS), max_size=12).map(" ".join))
def test_every_gate_is_needed_for_its_pattern_to_match(text):
    low = text.lower()
    for rx, groups in R.GATES.items():
        if rx.search(text):
            assert all(any(w in low for w in ws) for ws in groups), (rx.pattern, text)


def test_same_facts_without_pyahocorasick():
    """Every Aho-Corasick path has a regex fallback that gives the same facts."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    from loaders.extract import extract
    from loaders.readers import read_document

    folder = Path(__file__).resolve().parents[1] / "bench" / "heldout"
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        pytest.skip("bench/heldout not present")
    script = (
        "import sys, json; sys.modules['ahocorasick'] = None\n"
        "from loaders.extract import extract\nfrom loaders.readers import read_document\n"
        "for p in sys.argv[1:]:\n"
        "    for f in extract(read_document(p)).facts: print(json.dumps(f.as_json(), sort_keys=True))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, *map(str, paths)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    here = [json.dumps(f.as_json(), sort_keys=True) for p in paths for f in extract(read_document(p)).facts]
    assert out.stdout.splitlines() == here
