"""Programmes named by their money: "a new £2.4m package of support", "the £500k grant".

News copy names a fund by its sum more often than by its title, and then refers back to it as
"the money" or "the £2.4m". Such mentions are keyed on amount and kind, so "£2.4m package",
"£2.4million funding package" and "£2.4m fund" are one node named "£2.4m package" (fund,
funding, package and pot are one kind; grant, programme, scheme and inquiry keep their own word).
"""

from __future__ import annotations

import re

from graph.facts import Entity, slug
from loaders.names.mentions import Mention

__all__ = [
    "money_amount",
    "money_programme_name",
    "parse_short_money",
    "money_mentions",
    "MONEY_HEADS",
    "is_money_named",
]

_MONEY = re.compile(
    r"£\s?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(?P<unit>bn|billion|m|million|k|thousand)?\b"
    # up to three modifiers between the sum and its head ("£4.2m of new investment", "£8m winter plan"),
    # never a function word or a verb, so "£2m would fund ..." and "£5m a year for ..." are not names
    r"(?P<mid>(?:[ ](?:of|in|worth))?(?:[ ](?!(?:to|for|a|an|the|per|and|or|from|by|on|at|with|over|into|"
    r"towards|this|that|which|each|every|next|last|this|would|will|could|should|may|might|must|can|is|was|"
    r"are|were|be|been|has|have|had|directly|also|not|more|than|year|years|month|months|week|day)\b)"
    r"[a-z][a-z-]*){0,3})"
    r"[ ](?P<head>package|fund|funding|pot|grant|grants|programme|scheme|investment|boost|plan|project|inquiry|enquiry|review)s?\b"
)
_MONEY_KIND = {
    "package": "package",
    "fund": "package",
    "funding": "package",
    "pot": "package",
    "boost": "package",
    "investment": "package",
    "grant": "grant",
    "grants": "grant",
    "programme": "programme",
    "scheme": "scheme",
    "plan": "plan",
    "project": "project",
    "inquiry": "inquiry",
    "enquiry": "inquiry",
    "review": "review",
}
# the nouns a sum names a programme by ("£2.4m package", "a £500k grant")
MONEY_HEADS = frozenset(_MONEY_KIND)
_UNIT = {"bn": 1e9, "billion": 1e9, "m": 1e6, "million": 1e6, "k": 1e3, "thousand": 1e3, None: 1.0}


def money_amount(num: str, unit: str | None) -> float:
    """Pounds in a sum as written: "2.4" and "m" -> 2_400_000.0."""
    value = float(num.replace(",", ""))
    return value * _UNIT.get(unit.lower() if unit else None, 1.0)


def _short_amount(value: float) -> str:
    """The sum as a headline writes it ("£2.4m"), so that one programme has one name."""
    for size, suffix in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if value >= size and (value / size) * 100 == int((value / size) * 100):
            text = f"{value / size:.2f}".rstrip("0").rstrip(".")
            return f"£{text}{suffix}"
    return f"£{value:,.0f}" if float(value).is_integer() else f"£{value:,.2f}"


def money_programme_name(amount: float, head: str) -> str:
    """Canonical name of a money-named programme: '£2.4m package', '£500k grant'."""
    kind = _MONEY_KIND.get(head.lower(), head.lower())
    return f"{_short_amount(amount)} {kind}"


def is_money_named(entity: Entity) -> bool:
    """Whether a programme is one named only by its sum ("£2.4m package": its id is "gbp...")."""
    return entity.id.startswith("gbp")


def parse_short_money(text: str) -> float | None:
    """The amount of a short sum as a reference writes it ("£2.4m", "£500k"), else None."""
    m = re.fullmatch(r"£(\d[\d,]*(?:\.\d+)?)(bn|m|k|million|billion)?", text)
    if not m:
        return None
    return money_amount(m.group(1), m.group(2))


def money_mentions(folded: str) -> list[Mention]:
    """A mention of a programme (or inquiry: "a £1m review") for each sum followed by its head word."""
    found: list[Mention] = []
    for m in _MONEY.finditer(folded):
        amount = money_amount(m.group("num"), m.group("unit"))
        name = money_programme_name(amount, m.group("head"))
        head = _MONEY_KIND.get(m.group("head").lower(), "package")
        label = "Inquiry" if head in ("inquiry", "review") else "Programme"
        ent = Entity(name=name, label=label, id=slug(name))
        end = m.end()
        found.append(Mention(m.start(), end, ent, "money", amount=amount))
    return found
