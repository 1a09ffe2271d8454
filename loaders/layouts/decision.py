"""Mayoral, Director and policing decisions (MD, DD, ADD, PCD, DMPC decision pages).

Layouts read::

    MD2129 Core Cultural Programme 2017-18         VRU Work Programme: Phase 1
    Type of decision: Mayoral decision             Reference code: PCD 634
    Date signed: 24 May 2017                       Date signed: 06 September 2019
    Decision by: Sadiq Khan, Mayor of London       Authorisation name: Sophie Linden, Deputy Mayor, Policing and Crime
    ...
    That the Mayor approves expenditure up to a maximum of £1.551m on ...

Facts (layer "layout"): the signatory HOLDS_OFFICE the office printed with the name, and the
signatory FUNDS the decision's programme (its title without the reference) for each sum the
decision approves ("approves expenditure of up to £X", "approve the award of £Y in 2019/20 ...").
A decision's other sums (grants accepted, budgets noted) are left to the language layers.
"""

from __future__ import annotations

import re

from graph.facts import Entity, slug
from loaders.actors import post_entity, resolve_name
from loaders.document import Doc, Zone
from loaders.layouts.base import first_date, lines, read_fields, title_line
from loaders.money import find_amounts
from loaders.names.heads import PROGRAMME_HEADS
from loaders.offices import post_fact, split_offices

_FULL_STOP = re.compile(r"\.(?=\s|$)")
NAME = "decision"

_LABELS = (
    "decision by",
    "authorisation name",
    "authorised by",
    "signed by",
    "approved by",
    "date signed",
    "date of decision",
    "decision date",
    "reference code",
    "reference",
    "type of decision",
    "decision type",
)
_DETECT = re.compile(
    r"^[ \t]*(?:[•·*-][ \t]*)?(?:Decision\s+by|Authorisation\s+name|Date\s+signed|Type\s+of\s+decision|Reference\s+code)\b",
    re.M | re.I,
)
_REF = re.compile(r"\b(?P<ref>(?:MD|DD|ADD|PCD|DMPCD|LFC|DCMD)\s*-?\s*\d{2,5}[a-z]?)\b")
# "approves expenditure up to a maximum of £1.551m", "approve the award of £7.2m", "agree a budget of £X",
# "This decision ... relate to expenditure of up to £40,000"
_APPROVE = re.compile(
    r"\b(?:approves?|approval\s+(?:of|for)|approval\s+from\s+[^.;\n]{2,90}?\s+to\s+(?:allocate|spend|provide|award|"
    r"invest|commit|fund)|agrees?|authoris(?:e|es)|authoriz(?:e|es)|(?:relates?\s+to\s+)?expenditure\s+of)\s+"
    r"(?:(?:the|a|an|of|up|to|maximum|total|additional|further|revenue|capital|sum|expenditure|spend|spending|"
    r"funding|budget|allocation|award|grant|contribution|payment|programme|for|further)\s+){0,8}£",
    re.I,
)


# "seeks approval from the Deputy Mayor for Policing and Crime (DMPC) to allocate up to £875,000"
_APPROVER = re.compile(
    r"\bapproval\s+(?:is\s+sought\s+)?from\s+(?P<who>(?:the\s+)?[A-Z][^.;()\n]{2,80}?)(?:\s*\(|\s+to\b)"
)
# "The Deputy Mayor for Policing and Crime is recommended to:", "The Mayor is asked to:"
_RECOMMENDED = re.compile(
    r"\b(?P<who>(?:The|the)\s+[A-Z][^.;()\n]{2,80}?)\s+(?:is|are)\s+(?:recommended|asked|invited)\s+to\b"
)
_SUMMARY = re.compile(r"(?im)^[ \t]*(?:Executive\s+summary|Decision\s+required|Recommendations?)\b")
_APPROVERS = ("Person", "Post", "Organization")
_BUDGET = re.compile(r"\s+budget\b", re.I)
_SOURCE = re.compile(
    r"\bfrom\s+(?:the\s+)?(?:Mayor['’]s\s+)?$", re.I
)  # "£750,000 from the Mayor's X Programme to ..."
# a programme the approval names after its sum: "... to deliver Call 6 of the Mayor's Shared Endeavour Fund"
_PROGRAMME = re.compile(
    r"\b(?:the\s+)?(?:Mayor['’]s\s+)?(?P<name>(?:[A-Z][\w&'’-]*\s+){1,5}(?:"
    + "|".join(sorted(PROGRAMME_HEADS))
    + r"))\b"
)
# "is asked to approve the:", "The Mayor approves:" followed by items
_APPROVE_LIST = re.compile(
    r"\b(?:(?:asked|invited|recommended)\s+to\s+approve|approves?)(?:\s+the)?\s*:", re.I
)
_ITEM = re.compile(r"\s*(?:[•·*-]|\(?[a-z0-9]{1,3}[.)])\s+(?P<words>[^\n;]+)[;.]?[ \t]*(?:\n|$)")
_FUNDING_ITEM = re.compile(
    r"(?i)(?:the\s+)?(?:funding|expenditure|spend|budget|grant|allocation|award)\s+(?:of\s+)?(?:up\s+to\s+)?£"
)


def _title(text: str, fields: list) -> tuple[int, int, str] | None:
    """The decision's title: its first line, unless that line heads the block of fields below it
    (london.gov.uk's "Key information" over "Reference code: PCD 1236") and the first line after
    the fields is the title, with the decision's reference ("PCD 1236 Ministry of Justice funding")."""
    first = title_line(text)
    if first is None or not fields or _REF.search(first[2]):
        return first
    below = next(lines(text, first[1]), None)
    if below is None or below[0] != fields[0].line_start:
        return first
    after = max(f.values[-1][1] if f.values else f.line_start for f in fields)
    line = next(lines(text, after), None)
    return line if line is not None and _REF.match(line[2]) else first


def detect(text: str) -> bool:
    head = text[:4000]
    if len(_DETECT.findall(head)) >= 2:
        return True
    # a decision form copied without its fields: "Executive summary ... The Deputy Mayor for
    # Policing and Crime is recommended to: ... Approve the allocation of £170,000 ..."
    return bool(_SUMMARY.search(head) and _RECOMMENDED.search(head) and _APPROVE.search(head))


def read(doc: Doc) -> None:
    text = doc.text
    fields = {f.label: f for f in reversed(read_fields(text, _LABELS, max_lines=1))}
    doc.genre = "decision"
    date_field = fields.get("date signed") or fields.get("date of decision") or fields.get("decision date")
    doc.date = first_date(date_field.value) if date_field and date_field.value else doc.date
    doc.ref_date = doc.date or doc.ref_date
    title = _title(text, sorted(fields.values(), key=lambda f: f.line_start))
    ref_field = fields.get("reference code") or fields.get("reference")
    reference = ref_field.value if ref_field and ref_field.value else None
    if reference is None and title:
        r = _REF.search(title[2])
        reference = r.group("ref") if r else None
    doc.reference = reference
    programme_name = None
    if title:
        name = _REF.sub("", title[2]).strip(" :-–")
        doc.title = title[2]
        programme_name = name or None
    signer_field = next(
        (
            fields[k]
            for k in ("decision by", "authorisation name", "authorised by", "signed by", "approved by")
            if k in fields and fields[k].value
        ),
        None,
    )
    named = resolve_name(doc.registry, signer_field.value, doc.ref_date) if signer_field else None
    if named is not None:
        signer = named.actor
        span = signer_field.span
        if named.post is not None and signer.label == "Person":
            offices = split_offices(named.post.name)
            if len(offices) == 1:
                doc.facts.add("HOLDS_OFFICE", signer, named.post, span, layer="layout")
            for office in offices if len(offices) > 1 else ():
                post = post_entity(doc.registry, office)  # "... Housing and Land and Interim CEO of OPDC"
                if post is not None:
                    post_fact(doc, signer, post, span, layer="layout")
    else:
        # a copy without its signature block: the office whose approval the decision seeks
        found = _APPROVER.search(text) or _RECOMMENDED.search(text)
        if found is None:
            return
        who = re.sub(r"^(?:the|The)\s+", "", found.group("who"))
        named = resolve_name(doc.registry, who, doc.ref_date)
        entry = doc.registry.find(who)
        signer = named.actor if named is not None else entry.entity if entry is not None else None
        if signer is None or signer.label not in _APPROVERS:
            return
        span = (found.start(), found.start())  # the approval itself is the decision's body
    doc.author = signer
    body_start = span[1]
    doc.zones.append(Zone("decision", body_start, len(text), speaker=signer))
    programme = (
        Entity(name=programme_name, label="Programme", id=slug(programme_name)) if programme_name else None
    )
    for m in _APPROVE.finditer(text, body_start):
        stop = _FULL_STOP.search(text, m.end())  # not the point of "£7.2m"
        sent_end = len(text) if stop is None else stop.end()
        sent_start = max(text.rfind("\n", 0, m.start()) + 1, text.rfind(". ", 0, m.start()) + 2)
        _approved_sums(doc, signer, programme, m.start(), (sent_start, sent_end))
    for m in _APPROVE_LIST.finditer(text, body_start):
        # "The DMPC is asked to approve the:" and the items below, each to its ";" or line end
        for item in _ITEM.finditer(text, m.end(), min(len(text), m.end() + 1500)):
            if _FUNDING_ITEM.match(item.group("words")):
                _approved_sums(doc, signer, programme, item.start("words"), item.span("words"))
            if item.end() < len(text) and not _ITEM.match(text, item.end()):
                break


# "the award of up to £200,000 additional funding in 2023/24 to Galop to provide ...": whom the sum
# is given to, named a few words after it (the parse may read an unknown name as a verb)
_TO_NAMED = re.compile(
    r"[^.;:£]{0,60}?\bto[ ]+(?:the[ ]+)?(?P<name>[A-Z][\w&'’-]*(?:[ ]+(?:[A-Z][\w&'’-]*|of|for|and|&)){0,5})"
)


def _recipient(doc: Doc, after: str) -> Entity | None:
    """The body or person a sum is given to, from the words after it, if they name one."""
    m = _TO_NAMED.match(after)
    if m is None:
        return None
    name = re.sub(r"(?:[ ]+(?:of|for|and|&))+$", "", m.group("name"))
    named = resolve_name(doc.registry, name, doc.ref_date)
    if named is not None:
        return named.actor if named.actor.label in ("Organization", "Person") else None
    if name.split()[-1] in PROGRAMME_HEADS or _PROGRAMME.fullmatch(name):
        return None  # "to the Mayor's Shared Endeavour Fund": a programme, read below
    return Entity(name=name, label="Organization", id=slug(name))


def _approved_sums(
    doc: Doc, signer: Entity, programme: Entity | None, at: int, sent: tuple[int, int]
) -> None:
    """FUNDS for each sum approved in `sent` from `at` on: to the programme the words name after
    the sum ("to deliver Call 6 of the Mayor's Shared Endeavour Fund"), else the decision's own."""
    text = doc.text
    sent_start, sent_end = sent
    sentence = text[sent_start:sent_end]
    for amount in find_amounts(sentence):
        if sent_start + amount.start < at:
            continue
        after = sentence[amount.end : amount.end + 20]
        year = (
            first_date(after, doc.ref_date, full=False) if re.match(r"\s+(?:in|for)\s+\d{4}", after) else None
        )
        recipient = _recipient(doc, sentence[amount.end :])
        if re.match(
            r"\s*(?:grant|award|contribution|payment|allocation)?\s*(?:to|for)\s+(?:the\s+)?[A-Z]",
            sentence[amount.end :],
        ):
            # a sum with its own recipient ("a £100k grant to British Transport Police", "£20,000 to
            # LB Enfield and £20,000 to LB Haringey"): that recipient's, each sum its own (one these
            # words do not name is the parser's)
            target = recipient
        else:
            # not the budget or programme the money comes from ("of the CT & CE Hub budget", "from the X Programme")
            own = next(
                (
                    p
                    for p in _PROGRAMME.finditer(sentence, amount.end)
                    if not _BUDGET.match(sentence, p.end())
                    and not _SOURCE.search(sentence, max(0, p.start() - 20), p.start())
                ),
                None,
            )
            named = (
                Entity(name=own.group("name"), label="Programme", id=slug(own.group("name"))) if own else None
            )
            target = recipient or named or programme
        if target is None:
            continue
        doc.facts.add(
            "FUNDS",
            signer,
            target,
            (sent_start, sent_end),
            layer="layout",
            amount_gbp=amount.gbp,
            date=year or doc.date,
            period=amount.period,
        )
