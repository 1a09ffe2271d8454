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

from loaders.document import Doc
from loaders.money import find_amounts

__all__ = ["find_money_lists"]

# a list item's bullet or number, or a line that holds only a bullet
_BULLET = re.compile(r"[ \t]*(?:[-•·▪◦‣*–]|\(?\d{1,2}[.)]|\(?[a-z][.)])?[ \t]*")
_TO = re.compile(r"[ \t]*(?:\([^)\n]{0,80}\)[ \t]*)?(?:to|for)[ \t]+(?:the[ \t]+)?")
# a lead that is about giving money
_GIVING = re.compile(
    r"(?i)\b(?:grant|award|allocat|fund|invest|distribut|provid|amounts?\b|sums?\b|paid|pay|spend|spent|receiv)"
)
_BY = re.compile(r"\bby[ \t]+(?:the[ \t]+)?", re.I)
_ACTORS = ("Organization", "Person")


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _item(doc: Doc, start: int, end: int):
    """The sum and the recipient's mention of an item line, or None."""
    text = doc.text
    body = _BULLET.match(text, start, end).end()
    amounts = find_amounts(text[body:end])
    if not amounts or amounts[0].start != 0:
        return None
    amount = amounts[0]
    to = _TO.match(text, body + amount.end, end)
    if to is None:
        return None
    mention = next((m for m in doc.mentions.mentions if m.start == to.end()), None)
    if mention is None or mention.label not in _ACTORS:
        return None
    return amount, mention


def _giver(doc: Doc, start: int, end: int):
    """Who gives the money a lead line announces: the actor after "by", else a FUNDS fact's funder."""
    for by in _BY.finditer(doc.text, start, end):
        m = next((m for m in doc.mentions.mentions if m.start == by.end() and m.end <= end), None)
        if m is not None and m.label in _ACTORS:
            return m.entity
    for fact in doc.facts:
        if fact.predicate == "FUNDS" and any(start <= ev.start < end for ev in fact.evidence):
            return fact.subject
    giving = _GIVING.search(doc.text, start, end)
    before = [m for m in doc.mentions.mentions if start <= m.start and m.end <= giving.start()]
    # "The Mayor announced the following grants:": the one actor named before the giving word
    actors = {m.entity.id: m.entity for m in before if m.label in _ACTORS}
    return next(iter(actors.values())) if len(actors) == 1 else None


def _opens_on_sum(doc: Doc, start: int, end: int) -> bool:
    body = _BULLET.match(doc.text, start, end).end()
    return doc.text.startswith("£", body)


def _lead(doc: Doc, lines: list[tuple[int, int]], i: int) -> int | None:
    """The line before item `i`, past blank lines, bullets and other items."""
    for j in range(i - 1, -1, -1):
        s, e = lines[j]
        if _BULLET.fullmatch(doc.text, s, e) is None and not _opens_on_sum(doc, s, e):
            return j
    return None


def find_money_lists(doc: Doc) -> None:
    text = doc.text
    lines = _lines(text)
    givers: dict[int, object] = {}
    for i, (start, end) in enumerate(lines):
        if not _opens_on_sum(doc, start, end):
            continue
        item = _item(doc, start, end)
        j = _lead(doc, lines, i) if item is not None else None
        if j is None:
            continue
        s, e = lines[j]
        lead = text[s:e].rstrip()
        if not lead.endswith(":") or not _GIVING.search(lead):
            continue
        if j not in givers:
            givers[j] = _giver(doc, s, e)
        giver = givers[j]
        if giver is None:
            continue
        amount, recipient = item
        body = _BULLET.match(text, start, end).end()
        fact = doc.facts.add(
            "FUNDS",
            giver,
            recipient.entity,
            (body, end),
            layer="layout",
            amount_gbp=amount.gbp,
            date=doc.date,
        )
        if fact is not None:  # the lead names the giver: a second piece of evidence
            doc.facts.add(
                "FUNDS", giver, recipient.entity, (s, s + len(lead)), layer="layout", amount_gbp=amount.gbp
            )
