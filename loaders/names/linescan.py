"""Which lines of a document can hold a match of each line-bound pattern, found in one pass.

Most name patterns run over the whole document would spend their time on lines that cannot
match: each of them needs one of a few words (an inquiry word, "the <head>", a capitalised head
word) and none matches across a line break. One Aho-Corasick pass lists the lines holding each
group's words, and the pattern then runs on those lines only: same matches, a fraction of the
work on long documents.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from typing import Any

from loaders.names.bounded import Bounded
from loaders.names.heads import INQUIRY_HEADS, ORG_HEADS, PROGRAMME_HEADS

try:  # optional speed-up (pinned in pyproject.toml); without it every pattern scans the whole text
    import ahocorasick
except ImportError:  # pragma: no cover - the whole-text scans give the same matches
    ahocorasick = None

__all__ = ["LINE_KEYWORDS", "LineScan"]

# Words without which a pattern cannot match (by group: the patterns of loaders.names.discovery,
# .posts and .coref name theirs); none of these patterns can match across a line break,
# so each runs only on the lines holding one of its words (found in one pass over the document).
LINE_KEYWORDS: dict[str, tuple[str, ...]] = {
    "inquiry": ("inquiry", "enquiry", "review", "investigation", "operation", "audit", "inspection", "report"),
    # discovery.LOWER_INQUIRY: an adjective of its list right before an inquiry word
    "lower_inquiry": tuple(
        f"{adj} {head}"
        for adj in (
            "new", "national", "independent", "public", "statutory", "full", "joint", "london-wide",
            "pan-london", "government", "wider", "historic", "rapid", "local", "separate", "major",
            "criminal", "police", "official", "fresh", "nationwide", "uk-wide", "ongoing", "targeted",
        )
        for head in (
            "inquiry", "enquiry", "review", "investigation", "re-investigation", "reinvestigation", "operation",
            "audit", "inspection",
        )
    ),
    # coref.DEF_REF: a determiner, maybe one adjective of its list, then a head word (capitalised heads such
    # as "the Brigade", "the Authority" are British official style for a body named in full before)
    "defref": tuple(
        f"{det} {adj}{head}"
        for det in ("the", "this", "that", "its", "their", "these")
        for adj in (
            "", "new ", "same ", "additional ", "extra ", "fresh ", "whole ", "entire ", "independent ",
            "national ", "police ", "local ",
        )
        for head in (
            "money", "fund", "package", "investment", "cash", "grant", "force", "board", "inquiry",
            "enquiry", "review", "audit", "operation", "re-investigation", "reinvestigation", "partnership",
            "executive", "service", "helpline", "pilot", "programme", "scheme", "strategy", "plan", "trust",
            "council", "committee", "brigade", "authority", "agency", "unit", "foundation", "£",
        )
    ),
    "appositive": (", the ", ", a ", ", an "),
    "lower_head": (
        "scheme", "programme", "fund", "service", "strategy", "plan", "project", "initiative", "charter",
        "campaign", "pilot", "network", "partnership", "grant", "board", "hub", "taskforce", "helpline",
        "framework", "forum", "alliance", "panel", "unit", "team",
    ),
    "post": tuple(
        f"{title} {prep} " for title in ("mayor", "state", "minister", "commissioner", "secretary", "adviser")
        for prep in ("for", "to")
    )
    + ("mayor of ",),
}  # fmt: skip


def _keyword_automaton() -> Any:
    """One automaton over every group's words; each word maps to the groups it gates."""
    if ahocorasick is None:
        return None
    automaton = ahocorasick.Automaton()
    groups: dict[str, list[str]] = {}
    for group, words in LINE_KEYWORDS.items():
        for w in words:
            groups.setdefault(w, []).append(group)
    for w, gs in groups.items():
        automaton.add_word(w, tuple(gs))
    automaton.make_automaton()
    return automaton


_KEYWORDS = _keyword_automaton()


def _cap_head_automaton() -> Any:
    """discover_named keeps only capitalised phrases ending in one of these words, as written."""
    if ahocorasick is None:
        return None
    automaton = ahocorasick.Automaton()
    for w in {*ORG_HEADS, *PROGRAMME_HEADS, *INQUIRY_HEADS}:
        automaton.add_word(w, w)
    automaton.make_automaton()
    return automaton


_CAP_HEADS = _cap_head_automaton()


class LineScan:
    """Runs a pattern over the lines of a text that hold one of its keywords (see LINE_KEYWORDS),
    or over the whole text when that cannot be worked out (no pyahocorasick, case-folding that
    changes lengths). Same matches either way: the patterns cannot cross a line break."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: dict[str, list[tuple[int, int]]] | None = None
        lowered = text.lower()
        if _KEYWORDS is None or _CAP_HEADS is None or len(lowered) != len(text):
            return
        bounds = [0]
        i = text.find("\n")
        while i != -1:
            bounds.append(i + 1)
            i = text.find("\n", i + 1)
        bounds.append(len(text) + 1)
        seen: dict[str, set[int]] = {g: set() for g in (*LINE_KEYWORDS, "cap_head")}
        for end, groups in _KEYWORDS.iter(lowered):
            k = bisect_left(bounds, end + 1) - 1
            for g in groups:
                seen[g].add(k)
        heads = seen["cap_head"]
        for end, _word in _CAP_HEADS.iter(text):  # case as written: "Council", "Trust" ...
            heads.add(bisect_left(bounds, end + 1) - 1)
        n = len(text)
        self.lines = {g: [(bounds[k], min(n, bounds[k + 1])) for k in sorted(ks)] for g, ks in seen.items()}

    def finditer(self, rx: re.Pattern[str] | Bounded, group: str) -> Iterator[re.Match[str]]:
        """rx's matches on the lines holding one of `group`'s words ("cap_head": a capitalised head word)."""
        if self.lines is None:
            yield from rx.finditer(self.text)
            return
        for lo, hi in self.lines[group]:
            yield from rx.finditer(self.text, lo, hi)
