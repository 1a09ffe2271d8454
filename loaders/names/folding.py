"""Text folding: curly quotes, dashes and odd spaces made plain, one character for one.

Every matcher of names runs on the folded text so that it needs only the plain forms ("'" and
"-"), and since folding keeps the length, each offset found is an offset into the document's
own text (evidence quotes are slices of the original).
"""

from __future__ import annotations

import re

__all__ = ["FOLD_TABLE", "fold"]

FOLD_TABLE = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2011": "-",
        "\u2010": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\t": " ",
    }
)


_FOLD_PAIRS = tuple((chr(k), v) for k, v in FOLD_TABLE.items())
_FOLD_ANY = re.compile("[" + "".join(re.escape(chr(k)) for k in FOLD_TABLE) + "]")
_last_fold: tuple[str, str] = ("", "")


def fold(text: str) -> str:
    """Plain quotes, dashes and spaces; same length as `text`, so offsets carry over.

    The genre detector and the linker fold the same text in turn: the last result is kept.
    str.replace per character present is several times faster than str.translate here."""
    global _last_fold
    if _last_fold[0] is text:
        return _last_fold[1]
    out = text
    if _FOLD_ANY.search(text) is not None:
        for a, b in _FOLD_PAIRS:
            if a in out:
                out = out.replace(a, b)
    _last_fold = (text, out)
    return out
