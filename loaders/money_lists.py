"""Allocation lists: a lead line that says who gives money, then one line per sum and recipient.

Decisions and press releases list what each recipient gets under a lead that names the giver:

    The amounts to be granted to boroughs by MOPAC following receipt will be:
    -
    £502,992.00 to Lewisham (£272,664.00 in FY 2023/24 and £230,328 in FY 2024/25).

No sentence parse reads such an item (it has no verb), and the lead has no sum. Each item whose
line opens on a sum followed by "to" or "for" and a named actor gives a FUNDS fact from the
lead's giver: the actor after "by" in the lead, else the funder of a FUNDS fact stated in the
lead, else the one actor the lead names before its word for giving. The item is the evidence, the lead a second piece.
"""

from __future__ import annotations

import re

from graph.facts import Entity, slug
from loaders.document import Doc
from loaders.layouts.base import LIST_MARK, lines
from loaders.money import find_amounts

__all__ = ["find_money_lists"]

# a list item's bullet or number, or a line that holds only a bullet
# an item's list mark and the spaces after it
_MARK = re.compile(LIST_MARK.pattern + r"?[ \t]*")
_TO = re.compile(r"[ \t]*(?:\([^)\n]{0,80}\)[ \t]*)?(?:to|for)[ \t]+(?:the[ \t]+)?")
# a lead that is about giving money
_GIVING = re.compile(
    r"(?i)\b(?:grant|award|allocat|fund|financ|invest|distribut|provid|amounts?\b|sums?\b|paid|pay|spend|spent|receiv)"
)
_BY = re.compile(r"\bby[ \t]+(?:the[ \t]+)?", re.I)
# a lead that says whom the sums are given to: its items name recipients, not purposes
_TO_WHOM = re.compile(r"(?i)\b(?:paid|given|granted|awarded|allocated|distributed|transferred)[ \t]+to\b")
# what an item's sum pays for: "for <what>", "to <verb> <what>", or a verb straight after the sum
_PURPOSE = re.compile(r"[ \t]+(?:(?P<lead>for|to)[ \t]+)?(?P<what>[a-z][^\n]*)")
_ACTORS = ("Organization", "Person")  # who gives or gets money in a list (an office spends for its body)


def _body(text: str, start: int, end: int) -> int:
    """Where a line's words start, after its list mark."""
    return _MARK.match(text, start, end).end()


def _item(doc: Doc, start: int, end: int):
    """The sum and what it goes to of an item line: a named actor ("£502,992.00 to Lewisham"),
    else what it pays for ("£240,000 for road renewal works on Great George Street to repair
    ...", "£290,000 to improve cycling provision in the Cannon Street area"), or None."""
    text = doc.text
    body = _body(text, start, end)
    amounts = find_amounts(text[body:end])
    if not amounts or amounts[0].start != 0:
        return None
    to = _TO.match(text, body + amounts[0].end, end)
    mention = doc.mentions.at(to.end()) if to is not None else None
    if mention is not None and mention.label in _ACTORS:
        return amounts[0], mention.entity
    purpose = _PURPOSE.match(text, body + amounts[0].end, end)
    if purpose is None:
        return None
    name = re.split(r"\.(?:\s|$)|;", purpose.group("what"))[0]
    if purpose.group("lead") == "for":
        name = re.split(r"\s+to\s+(?=[a-z])", name)[0]  # "works on Great George Street to repair ..."
    name = " ".join(name.split()).rstrip(" ,")
    if not 2 <= len(name.split()) <= 16:
        return None
    return amounts[0], Entity(name=name, label="Programme", id=slug(name))


def _giver(doc: Doc, start: int, end: int):
    """Who gives the money a lead line announces: the actor after "by", else a FUNDS fact's
    funder, else the one actor named before the word for giving."""
    for by in _BY.finditer(doc.text, start, end):
        m = doc.mentions.at(by.end())
        if m is not None and m.end <= end and m.label in _ACTORS:
            return m.entity
    for fact in doc.facts:
        if fact.predicate == "FUNDS" and any(start <= ev.start < end for ev in fact.evidence):
            return fact.subject
    # "The £3.4m package will allow the borough to finance several schemes including:": whoever
    # the page says gives that sum
    for amount in find_amounts(doc.text[start:end]):
        for fact in doc.facts:
            if fact.predicate == "FUNDS" and fact.amount_gbp == amount.gbp and fact.evidence[0].start < start:
                return fact.subject
    giving = _GIVING.search(doc.text, start, end)
    # "The Mayor announced the following grants:"
    actors = {
        m.entity.id: m.entity for m in doc.mentions.between(start, giving.start()) if m.label in _ACTORS
    }
    return next(iter(actors.values())) if len(actors) == 1 else None


def find_money_lists(doc: Doc) -> None:
    text = doc.text
    rows = list(lines(text))  # non-blank lines, trimmed
    givers: dict[int, object] = {}
    lead = None  # the row before the current run of items and list marks
    for i, (start, end, line) in enumerate(rows):
        opens_on_sum = text.startswith("£", _body(text, start, end))
        if not opens_on_sum and not LIST_MARK.fullmatch(line):
            lead = i
            continue
        item = _item(doc, start, end) if opens_on_sum else None
        if item is None or lead is None:
            continue
        s, e, words = rows[lead]
        if not words.endswith(":") or not _GIVING.search(words):
            continue
        if lead not in givers:
            givers[lead] = _giver(doc, s, e)
        giver = givers[lead]
        if giver is None:
            continue
        amount, recipient = item
        if giver.id == recipient.id:
            continue
        if recipient.label == "Programme" and _TO_WHOM.search(words):
            continue  # "The grants to be paid to boroughs ...: £15,000 for new lighting": not a borough
        fact = doc.facts.add(
            "FUNDS",
            giver,
            recipient,
            (_body(text, start, end), end),
            layer="layout",
            amount_gbp=amount.gbp,
            date=doc.date,
        )
        if fact is not None:  # the lead names the giver: a second piece of evidence
            doc.facts.add("FUNDS", giver, recipient, (s, e), layer="layout", amount_gbp=amount.gbp)
