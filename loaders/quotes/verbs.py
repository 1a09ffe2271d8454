"""Speech verbs: the words that link a speaker to what was said, by what they allow.

Reporting verbs ("said", "told", "warned") introduce direct quotes and reported clauses; some
only direct quotes ("asked", "replied"); characterising verbs ("called", "branded") quote a few
words about something; expectation verbs ("believes", "expects") report a view and rank after
speech. A few need "that" before a reported clause ("announced that"), "told" takes an object
first, and naming verbs before a bare quote name a thing ('a report called "..."').
"""

from __future__ import annotations

import re
from typing import Any

__all__ = [
    "CHARACTERISING",
    "EXPECTING",
    "NEEDS_THAT",
    "ANNOUNCING",
    "TELL",
    "NAMING",
    "ALL_VERBS",
    "P_VERB",
    "REPORTING_SET",
    "P_ACCORDING",
    "verb_spans",
]

_REPORTING = [
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "telling",
    "warned",
    "warns",
    "warning",
    "explained",
    "explains",
    "explaining",
    "stressed",
    "stresses",
    "stressing",
    "claimed",
    "claims",
    "claiming",
    "revealed",
    "reveals",
    "insisted",
    "insists",
    "insisting",
    "argued",
    "argues",
    "arguing",
    "admitted",
    "admits",
    "acknowledged",
    "acknowledges",
    "confirmed",
    "confirms",
    "added",
    "adds",
    "adding",
    "noted",
    "notes",
    "noting",
    "stated",
    "states",
    "suggested",
    "suggests",
    "conceded",
    "concedes",
    "maintained",
    "maintains",
    "announced",
    "announces",
    "emphasised",
    "emphasized",
    "emphasising",
    "emphasizing",
    "cautioned",
    "predicted",
    "wrote",
    "writes",
    "denied",
    "denies",
]
_DIRECT_ONLY = [
    "asked",
    "asks",
    "replied",
    "replies",
    "responded",
    "responds",
    "commented",
    "comments",
    "remarked",
    "declared",
    "declares",
    "continued",
    "answered",
    "recalled",
    "urged",
    "urges",
    "pledged",
    "promised",
    "vowed",
    "announcing",
]
CHARACTERISING = [
    "called",
    "calls",
    "described",
    "describes",
    "branded",
    "brands",
    "labelled",
    "labeled",
    "dubbed",
    "accused",
    "accuses",
    "criticised",
    "criticized",
    "slammed",
    "condemned",
]
EXPECTING = [
    "expected",
    "expects",
    "believes",
    "believed",
    "thinks",
    "thought",
    "hopes",
    "hoped",
    "feels",
    "felt",
    "fears",
    "feared",
    "estimated",
]
NEEDS_THAT = {
    "announced",
    "announces",
    "denied",
    "denies",
    "wrote",
    "writes",
    "notes",
    "states",
    "predicted",
}
TELL = {"told", "tells", "telling"}
# "The Mayor today announced that £11.6m will be available": news of an act, which the families
# of the act (FUNDS, COMMITTED_TO ...) read; as a clause it is no statement (a quote still is)
ANNOUNCING = {"announced", "announces"}
NAMING = {"called", "calls", "dubbed", "labelled", "labeled", "branded", "brands"}

ALL_VERBS = _REPORTING + _DIRECT_ONLY + CHARACTERISING + EXPECTING
# Literal alternations first: the regex engine then skips ahead fast (the word boundary before
# is checked in Python, see loaders.quotes.context).
P_VERB = re.compile("(?:" + "|".join(sorted(set(ALL_VERBS), key=len, reverse=True)) + r")\b")
REPORTING_SET = frozenset(_REPORTING)
P_ACCORDING = re.compile(r"(?:According|according) to\s+")


def _verb_automaton() -> Any:
    """One Aho-Corasick automaton over every speech verb, or None without pyahocorasick."""
    try:
        import ahocorasick
    except ImportError:  # pragma: no cover - the regex gives the same spans
        return None
    automaton = ahocorasick.Automaton()
    for verb in set(ALL_VERBS):
        automaton.add_word(verb, len(verb))
    automaton.make_automaton()
    return automaton


_VERBS_AC = _verb_automaton()


def verb_spans(text: str) -> list[tuple[int, int]]:
    """The spans P_VERB.finditer gives (the longest verb at each start that ends a word, left to
    right without overlaps), found with one Aho-Corasick pass: the 100-word alternation was
    the slowest scan of the extractor."""
    if _VERBS_AC is None:
        return [(m.start(), m.end()) for m in P_VERB.finditer(text)]
    n = len(text)
    best: dict[int, int] = {}
    for end_incl, length in _VERBS_AC.iter(text):
        end = end_incl + 1
        if end < n and (text[end].isalnum() or text[end] == "_"):
            continue  # \b after the verb
        start = end - length
        if best.get(start, 0) < length:
            best[start] = length
    out: list[tuple[int, int]] = []
    last_end = 0
    for start in sorted(best):
        if start >= last_end:
            out.append((start, start + best[start]))
            last_end = start + best[start]
    return out
