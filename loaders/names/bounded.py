"""Patterns whose leading look-behind is checked in Python rather than by the regex engine."""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["Bounded"]


class Bounded:
    r"""A pattern that must not start right after certain characters (a leading look-behind such
    as (?<![\w-])), checked in Python. A look-behind at the start of a pattern stops the regex
    engine from skipping ahead to where a match can begin, which made these scans 5-50 times
    slower; the matches are the same, since a match refused here is searched again one
    character later, as the look-behind would have the engine do."""

    def __init__(self, pattern: str, not_after: str, flags: int = 0) -> None:
        self.rx = re.compile(pattern, flags)
        self.pattern = pattern
        self.word = "w" in not_after
        self.extra = not_after.replace("w", "")

    def allowed_at(self, text: str, start: int) -> bool:
        """Whether a match may start at `start` (the look-behind's test)."""
        if start == 0:
            return True
        ch = text[start - 1]
        return not ((self.word and (ch.isalnum() or ch == "_")) or ch in self.extra)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """The first match in text[pos:endpos] that may start where it does."""
        end = len(text) if endpos is None else endpos
        while True:
            m = self.rx.search(text, pos, end)
            if m is None or self.allowed_at(text, m.start()):
                return m
            pos = m.start() + 1

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        """The matches re.finditer would give with the look-behind in the pattern."""
        end = len(text) if endpos is None else endpos
        while pos <= end:
            m = self.search(text, pos, end)
            if m is None:
                return
            yield m
            pos = m.end() if m.end() > m.start() else m.start() + 1
