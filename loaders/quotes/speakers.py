"""The speaker phrase of a speech verb, as written: before it ("Sir Mark Rowley, the
Commissioner, said") or after it ("..., said Sir Mark Rowley").

No parser: the words before the verb are stripped of what cannot belong to a subject (auxiliaries,
connectors, time phrases, introductory clauses, trailing participles) and what is left must look
like a noun phrase. Pronouns are kept as written; resolving them is the caller's job.
"""

from __future__ import annotations

import re

from loaders.quotes.marks import QUOTE_CHARS
from loaders.quotes.words import (
    AUX,
    BAD_LAST,
    BLOCKING,
    DETERMINERS,
    FINITE_AUX,
    LEAD_CONNECTORS,
    OPENERS,
    PASSIVE_AUX,
    PREPOSITION_LIKE,
    PRONOUNS,
    SUBORDINATORS,
)

__all__ = ["ELIDED", "subject_before", "valid_subject", "subject_after_verb"]

_P_WORD = re.compile(r"(?:[^\s,]|,(?=\d))+")  # ("£50,000" is one word: its comma is no clause break)
_P_LEADING_TIME = re.compile(
    r"(?:(?i:last|this|next|earlier|later)\s+(?i:week|month|year|night|weekend|[a-z]+day|spring|summer|autumn|winter)"
    r"|(?:In|On|At|By|During|Since)\s+(?:[A-Z][\w’'-]*|\d{1,4})(?:\s+(?:[A-Z][\w’'-]*|\d{1,4})){0,3})\s+(?=\S)"
)

ELIDED = (-1, -1)


def _words(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """(start, end, word) of the words in text[lo:hi], commas left out."""
    return [(*m.span(), m.group()) for m in _P_WORD.finditer(text, lo, hi)]


def _is_np_head(words: list[tuple[int, int, str]]) -> bool:
    """Whether words can open a noun phrase (not a clause, not an opener such as "In a statement")."""
    if not words:
        return False
    first = words[0][2].strip("([")
    low = first.lower()
    if not first or not (first[0].isalpha()):
        return False
    if any(w[2].lower() in FINITE_AUX for w in words) or words[-1][2].lower() in SUBORDINATORS:
        return False
    if first[0].isupper():
        participle = len(low) > 4 and low.endswith(("ing", "ed")) and len(words) > 1
        return low not in OPENERS and not participle
    return low in PRONOUNS or low in DETERMINERS


def subject_before(text: str, lo: int, verb_start: int, verb: str) -> tuple[int, int] | None:
    """The speaker phrase ending just before a speech verb; ELIDED when none is written."""
    words = _words(text, lo, verb_start)
    passive = False
    while words and words[-1][2].lower() in AUX:
        if words[-1][2].lower() in PASSIVE_AUX:
            passive = True
        words.pop()
    if passive and not verb.endswith("ing"):
        return None
    if words and words[-1][2].lower() in BLOCKING:
        return None
    if all(w[2].lower() in ("and", "but", "then", "so", "yet", "or") for w in words):
        return ELIDED  # "..., and said ...": the subject is the one before
    # strip what comes before the subject, until nothing changes:
    # connectors and time phrases ("But", "Last week", "In January"), comma-separated parts that
    # are not a noun phrase ("In a statement, X", "appearing before the GLA, X"), and a
    # subordinate clause ending in the subject ("It comes after the Met", "When Hall asked ...")
    for _ in range(12):
        before = len(words)
        while len(words) > 1 and words[0][2].lower().rstrip(",") in LEAD_CONNECTORS:
            words.pop(0)
        if words:
            m = _P_LEADING_TIME.match(text, words[0][0], verb_start)
            if m and m.end() < verb_start:
                words = [w for w in words if w[0] >= m.end()]
        comma_idx = next((i for i, w in enumerate(words) if text[w[1] : w[1] + 1] == ","), None)
        if comma_idx is not None and comma_idx < len(words) - 1 and not _is_np_head(words[: comma_idx + 1]):
            words = words[comma_idx + 1 :]
            continue
        head_end = comma_idx if comma_idx is not None else len(words) - 1
        for i in range(head_end, -1, -1):
            if words[i][2].lower() in SUBORDINATORS and i < len(words) - 1:
                words = words[i + 1 :]
                break
        if len(words) == before:
            break
    if not words:
        return None
    # a finite verb in the head means a clause, not a noun phrase: keep what follows "and"/"but"
    # (appositions after a comma may hold one: "The review, which will report in spring,")
    head_end = next((i for i, w in enumerate(words) if text[w[1] : w[1] + 1] == ","), len(words) - 1)
    for i in range(head_end, -1, -1):
        if words[i][2].lower() in FINITE_AUX:
            rest = words[i + 1 :]
            cut = next(
                (j for j in range(len(rest) - 1, -1, -1) if rest[j][2].lower() in ("and", "but", "then")),
                None,
            )
            if cut is None:
                return None
            words = rest[cut + 1 :]
            if not words:
                return ELIDED  # "X said A had doubled and warned ...": the same X
            break
    # trailing participle or time phrase in apposition ("The Mayor, speaking at City Hall,")
    while len(words) > 1 and "," in text[words[-1][1] - 1 : verb_start]:
        comma_positions = [i for i, w in enumerate(words[:-1]) if text[w[1] : w[1] + 1] == ","]
        if not comma_positions:
            break
        last_part = words[comma_positions[-1] + 1 :]
        lead = last_part[0][2].lower()
        if (
            lead.endswith("ing")
            or lead in AUX
            or lead in ("on", "in", "at", "during", "speaking")
            # a relative clause names no speaker: "The response, which is opposed by Conservatives
            # on the Assembly, warns ..." is the response's warning
            or lead in ("which", "who", "whose", "whom")
        ):
            words = words[: comma_positions[-1] + 1]
        else:
            break
    if not words:
        return None
    start, end = words[0][0], words[-1][1]
    while end > start and text[end - 1] in ",":
        end -= 1
    return (start, end) if valid_subject(text, start, end) else None


def valid_subject(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] can be a speaker: one line, no quotes, opening on a name, pronoun or
    determiner, not ending on a function word or a possessive."""
    phrase = text[start:end]
    if not phrase or len(phrase) > 200 or "\n" in phrase:
        return False
    if any(c in QUOTE_CHARS and c not in "'’" for c in phrase) or any(c in "!?;:" for c in phrase):
        return False
    tokens = phrase.replace(",", " ").split()
    if not tokens or len(tokens) > 25:
        return False
    first, last = tokens[0].strip("(["), tokens[-1].lower().strip(")]")
    if not first or not first[0].isalpha():
        return False
    if first[0].islower() and first.lower() not in PRONOUNS and first.lower() not in DETERMINERS:
        return False
    if first.lower() in PRONOUNS and len(tokens) > 1:
        return False  # "It follows claims ...": a pronoun is a whole subject on its own
    if last in BAD_LAST or last in PREPOSITION_LIKE or last.endswith(("'s", "’s")):
        return False
    return any(t.lower() not in DETERMINERS for t in tokens)


def subject_after_verb(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """The speaker written after the verb ("..., said Sir Mark Rowley, the Commissioner.")."""
    while pos < hi and text[pos] in " \t\u00a0":
        pos += 1
    end = pos
    while end < hi and text[end] not in '.;!?\n“”"‘':
        end += 1
    phrase_end = end
    # cut a continuation that is not apposition (", adding that ...", ", who ...")
    for m in re.finditer(r",\s*", text[pos:end]):
        nxt = text[pos + m.end() : pos + m.end() + 12].split(" ")[0].lower()
        if nxt and nxt[0].islower() and nxt not in DETERMINERS:
            phrase_end = pos + m.start()
            break
    while phrase_end > pos and text[phrase_end - 1] in " ,\t":
        phrase_end -= 1
    if phrase_end <= pos or not valid_subject(text, pos, phrase_end):
        return None
    return pos, phrase_end
