"""The statement found: its words, its speaker and the clause that proves the attribution."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Quote"]


@dataclass(frozen=True)
class Quote:
    """A statement: the quoted (or reported) words, their speaker and the clause stating it."""

    start: int
    end: int
    text: str  # the quoted words without the outer quotation marks; == source[start:end]
    kind: str  # "direct" or "reported"
    speaker: str | None  # the attribution phrase as written ("Sir Sadiq", "she", ...)
    speaker_start: int | None
    speaker_end: int | None
    clause_start: int  # the sentence(s) stating it, quote and attribution, for evidence
    clause_end: int
    verb: str | None = None  # the speech verb linking speaker and words ("said", "told" ...)
    inherited: bool = False  # speaker carried over from the quote just before
