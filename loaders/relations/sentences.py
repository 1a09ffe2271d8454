"""Sentence spans of a folded document: the unit every relation rule reads and cites as evidence."""

from __future__ import annotations

import re

# (the full stop is part of the match rather than a look-behind, which would slow the scan; only the
# end of a match is used)
# (and a scraped page's sentences run together: "key transport requests.The mayor is ...")
SENT_END = re.compile(
    r"[.!?][\"')\]]*(?=[ ]+[\"'(\[]?[A-Z0-9£])|(?<=[a-z][a-z])[.!?](?=[A-Z](?:[a-z]|[ ]))|\n"
)
_NO_SPLIT_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Sir|Prof|Cllr|No|e\.g|i\.e|etc|vs|Rt|Hon|approx)\.|\b[A-Z]\.)$"
)


# a line of a hard-wrapped paragraph (a PDF's or a transcript's copy): long, and not ending a
# sentence or a label; the next line goes on with it
_WRAP_END = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ,-–")
_GOES_ON = re.compile(r"[a-z(£0-9]|[A-Z][a-z]*[ ][a-z]")


def sentences(folded: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end), trimmed of spaces. A line break ends a sentence, except inside a
    hard-wrapped paragraph ("... I have\nwritten to the Civil Aviation Authority"): a long line
    that does not end a sentence, followed by one that goes on with it."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in SENT_END.finditer(folded):
        end = m.end()
        if m.group(0) != "\n" and _NO_SPLIT_BEFORE.search(folded[max(0, end - 8) : end]):
            continue
        if m.group(0) == "\n" and _wrapped(folded, m.start()):
            continue
        _push(folded, start, end, out)
        start = end
    _push(folded, start, len(folded), out)
    return out


def _push(folded: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    while s < e and folded[s] in " \n":
        s += 1
    while e > s and folded[e - 1] in " \n":
        e -= 1
    if e > s:
        out.append((s, e))


def _wrapped(folded: str, nl: int) -> bool:
    """Whether the line break at `nl` only wraps a paragraph's line."""
    line_start = folded.rfind("\n", 0, nl) + 1
    # a line of 51 characters or more whose last is a letter, a comma or a dash; tested directly
    # (a regex search from the line's start was quadratic in the line's length)
    if nl - line_start < 51 or folded[nl - 1] not in _WRAP_END:
        return False
    return _GOES_ON.match(folded, nl + 1) is not None
