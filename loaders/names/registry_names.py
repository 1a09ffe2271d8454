"""Registry names found in a text: long names and aliases case-insensitively ("the Met",
"Mayor's Office for Policing and Crime"), abbreviations and one-word aliases case-sensitively
("MPS", "Met").

Every name of every entry is looked for at once, with an Aho-Corasick automaton per case when
pyahocorasick is installed (one pass over the text) and an equivalent trie-shaped regex
otherwise; the longest name starting at each word start wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from loaders.names.folding import fold
from loaders.names.mentions import DocMentions, Mention
from loaders.names.posts import post_ok
from loaders.registry import Registry

try:  # optional speed-up for registry look-ups (pinned in pyproject.toml)
    import ahocorasick
except ImportError:  # pragma: no cover - the regex path gives the same mentions
    ahocorasick = None

__all__ = ["RegistryNames"]


def _trie_pattern(words: Iterable[str]) -> str:
    """One regex alternation of `words`, shaped as their trie (shared prefixes written once)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        end = "" in node
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        if len(alts) == 1 and not end:
            return alts[0]
        group = "(?:" + "|".join(alts) + ")"
        return group + "?" if end else group

    return build(trie)


def _automaton(names: dict[str, str]) -> Any:
    """An Aho-Corasick automaton over `names` (values: the name's length), or None without
    pyahocorasick (the regexes then do the same work, more slowly)."""
    if not names or ahocorasick is None:
        return None
    automaton = ahocorasick.Automaton()
    for name in names:
        automaton.add_word(name, len(name))
    automaton.make_automaton()
    return automaton


def _is_word_char(ch: str) -> bool:
    """A regex word character (\\w): a name must not start or end inside a word."""
    return ch.isalnum() or ch == "_"


_PLACE = "#place"  # the id of names that are places, not entities


def _case_sensitive(alias: str) -> bool:
    """One-word names ("Met") and names without lower case match only as written ("met" is a verb)."""
    return " " not in alias or not any(c.islower() for c in alias)


class RegistryNames:
    """The names of a registry's entries compiled for matching (built once per registry)."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        ci: dict[str, str] = {}
        cs: dict[str, str] = {}
        for entry in registry:
            names = [entry.name, *entry.aliases]
            if entry.kind == "committee":
                # "the London Assembly Housing Committee", "the Assembly's Housing Committee"
                names += [
                    f"{lead} {n}"
                    for n in names
                    for lead in ("London Assembly", "London Assembly's", "Assembly's")
                ]
            for name in names:
                f = fold(name)
                if _case_sensitive(f):
                    cs.setdefault(f, entry.id)
                else:
                    ci.setdefault(f.lower(), entry.id)
            for abbr in entry.abbreviations:
                cs.setdefault(fold(abbr), entry.id)
        # Assembly constituencies ("Enfield and Haringey") are places, not the boroughs they join:
        # matched as names of no entity, they hide the borough names inside them
        for entry in registry:
            for h in entry.holders:
                if h.constituency and " " in h.constituency:
                    ci.setdefault(fold(h.constituency).lower(), _PLACE)
        self.ids_ci = ci
        self.ids_cs = cs
        # a lookahead finds overlapping names too ("the Mayor's Office for Policing and Crime")
        self.ci_rx = (
            re.compile(r"(?<![\w])(?=(" + _trie_pattern(ci) + r")(?![\w]))", re.IGNORECASE) if ci else None
        )
        self.cs_rx = re.compile(r"(?<![\w])(?=(" + _trie_pattern(cs) + r")(?![\w]))") if cs else None
        # the same search with Aho-Corasick automata when pyahocorasick is installed: one pass over
        # the text for every name, many times faster than the regex on long documents
        self._ac_ci = _automaton(ci)
        self._ac_cs = _automaton(cs)

    def matches(self, folded: str) -> list[tuple[int, int, str, bool]]:
        """(start, end, key, case-insensitive?) of the longest registry name starting at each word
        start, case-insensitive names first, each list in text order (as the regexes give them)."""
        lowered = folded.lower()
        if self._ac_ci is None or len(lowered) != len(folded):
            out = []
            for rx, lower in ((self.ci_rx, True), (self.cs_rx, False)):
                if rx is not None:
                    for m in rx.finditer(folded):
                        out.append((m.start(1), m.end(1), m.group(1).lower() if lower else m.group(1), lower))
            return out
        out = []
        for automaton, text, lower in ((self._ac_ci, lowered, True), (self._ac_cs, folded, False)):
            if automaton is None:
                continue
            best: dict[int, int] = {}
            n = len(text)
            for end_incl, length in automaton.iter(text):
                start, end = end_incl + 1 - length, end_incl + 1
                if start > 0 and _is_word_char(text[start - 1]):
                    continue
                if end < n and _is_word_char(text[end]):
                    continue
                if best.get(start, 0) < length:
                    best[start] = length
            for start in sorted(best):
                end = start + best[start]
                out.append((start, end, text[start:end], lower))
        return out

    def mentions(self, doc: DocMentions) -> list[Mention]:
        """Registry mentions in the document's folded text (offices only where they stand alone,
        a person's single name only where the registry allows it); names of places are recorded
        in doc.places and hide the names inside them."""
        folded = doc.folded
        reg = self.registry
        found: list[Mention] = []
        places: list[tuple[int, int]] = []
        for s0, e0, key, lower in self.matches(folded):
            surface = folded[s0:e0]
            eid = (self.ids_ci if lower else self.ids_cs).get(key)
            if eid == _PLACE:
                places.append((s0, e0))
                continue
            entry = reg.get(eid) if eid else None
            if entry is None:
                continue
            if entry.label == "Post" and not post_ok(folded, s0, e0, surface):
                continue
            if entry.label == "Person" and " " not in surface and not entry.first_name_alone:
                continue
            found.append(Mention(s0, e0, entry.entity, "registry"))
        if places:
            doc.places = places
            found = [m for m in found if not doc.in_place(m.start, m.end)]
        return found
