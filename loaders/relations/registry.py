"""The rule registry: the `@rule` decorator with each rule's trigger words (and the Aho-Corasick
automaton over them), and the two declared speed-ups for patterns, literal-word gates and
look-behinds checked in Python, behind `finditer`. Rule modules declare their own patterns'
gates and fast forms explicitly, so nothing here depends on module globals or import order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

try:  # optional speed-up (pinned in pyproject.toml); the regex path gives the same result
    import ahocorasick
except ImportError:  # pragma: no cover
    ahocorasick = None

from loaders.relations.context import Context

Rule = Callable[[Context, tuple[int, int], str], None]
DECLARED_RULES: list[Rule] = []


TRIGGERS: dict[str, re.Pattern[str] | None] = {}
TRIGGER_WORDS: dict[str, tuple[str, ...]] = {}
_TRIGGER_AUTOMATON: list = []  # [automaton] once built, [None] without pyahocorasick


def trigger_automaton():
    """One Aho-Corasick automaton for every rule's trigger words (value: the rules' names)."""
    if not _TRIGGER_AUTOMATON:
        if ahocorasick is None:
            _TRIGGER_AUTOMATON.append(None)
        else:
            words: dict[str, list[str]] = {}
            for name, ks in TRIGGER_WORDS.items():
                for k in ks:
                    words.setdefault(k, []).append(name)
            automaton = ahocorasick.Automaton()
            for k, names in words.items():
                automaton.add_word(k, (len(k), tuple(names)))
            automaton.make_automaton()
            _TRIGGER_AUTOMATON.append(automaton)
    return _TRIGGER_AUTOMATON[0]


def rule(*keywords: str) -> Callable[[Rule], Rule]:
    """Register a sentence rule; it runs only on sentences holding one of `keywords` (lower case)."""

    def deco(fn: Rule) -> Rule:
        DECLARED_RULES.append(fn)
        TRIGGERS[fn.__name__] = (
            re.compile("|".join(re.escape(k) for k in keywords)) if any(keywords) else None
        )
        TRIGGER_WORDS[fn.__name__] = tuple(k for k in keywords if k)
        return fn

    return deco


def finditer(pattern: re.Pattern[str], ctx: Context, sent: tuple[int, int]) -> Iterator[re.Match[str]]:
    gate = GATES.get(pattern)
    if gate is not None:
        low = ctx._low_sent if ctx._low_span == sent else ctx.folded[sent[0] : sent[1]].lower()
        for words in gate:
            for g in words:
                if g in low:
                    break
            else:
                return iter(())  # the pattern cannot match without one of these words: skip the scan
    fast = NO_LOOKBEHIND.get(pattern)
    if fast is not None:
        return finditer_bounded(fast, ctx.folded, sent[0], sent[1])
    return pattern.finditer(ctx.folded, sent[0], sent[1])


# Patterns that open with (?<![\w-]) (not inside a word or after a hyphen), compiled without it: a
# leading look-behind keeps the regex engine from skipping ahead to where a match can begin. The
# look-behind is checked in finditer_bounded instead; a refused match is searched for again one
# character later, so the matches are the same.
_LEADING_LOOKBEHIND = "(?<![\\w-])"
NO_LOOKBEHIND: dict[re.Pattern[str], re.Pattern[str]] = {}


def finditer_bounded(rx: re.Pattern[str], text: str, pos: int, end: int) -> Iterator[re.Match[str]]:
    while pos <= end:
        m = rx.search(text, pos, end)
        if m is None:
            return
        s = m.start()
        if s and (text[s - 1].isalnum() or text[s - 1] in "_-"):
            pos = s + 1
            continue
        yield m
        pos = m.end() if m.end() > s else s + 1


def _one_top_level_branch(pattern: str) -> bool:
    """Whether a pattern has no '|' outside groups and character classes."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return False
        i += 1
    return True


def declare_fast_patterns(*patterns: re.Pattern[str]) -> None:
    """Give `finditer` a look-behind-free form of each pattern that opens with (?<![\\w-]) and has
    one top-level branch (others are left to the plain scan)."""
    for value in patterns:
        if value.pattern.startswith(_LEADING_LOOKBEHIND):
            rest = value.pattern[len(_LEADING_LOOKBEHIND) :]
            if "(?<!" not in rest[:1] and _one_top_level_branch(rest):
                NO_LOOKBEHIND[value] = re.compile(rest, value.flags)


# Literal words (lower case) each pattern needs: a sentence must hold one word of each group, or
# the pattern is not run on it.
GATES: dict[re.Pattern[str], tuple[tuple[str, ...], ...]] = {}


def declare_gates(table: dict[re.Pattern[str], tuple[tuple[str, ...], ...]]) -> None:
    """Gate each pattern in `table` on its literal words (checked before the pattern is run)."""
    for rx, groups in table.items():
        if not all(isinstance(ws, tuple) and ws and all(isinstance(w, str) for w in ws) for ws in groups):
            raise TypeError(f"gate of {rx.pattern[:40]!r} must be a tuple of tuples of words")
    GATES.update(table)
