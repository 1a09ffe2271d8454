"""Written names to graph entities: people, bodies and offices as pages write them.

Pages name actors in labelled fields ("Question By: Darren Johnson", "Decision by: Sophie
Linden, Deputy Mayor, Policing and Crime", "Answer by Boris Johnson (1st Term)") and in
appositions ("The Mayor of London, Boris Johnson,"). This module turns such strings into
entities: a registry entry where one matches (offices resolve to their holder on the document's
date), else a new Person or Organization when the words have the shape of one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.facts import Entity, slug
from loaders.dates import CALENDAR_WORDS
from loaders.names.people import HONORIFICS, POST_NOMINALS
from loaders.names.posts import NO_LONGER, post_name
from loaders.names.stopwords import DOCUMENT_NAME_WORDS
from loaders.registry import Registry

__all__ = [
    "Named",
    "HONORIFICS",
    "POST_NOMINALS",
    "clean_person_name",
    "looks_like_person",
    "resolve_name",
    "post_entity",
    "office_parts",
]
_HON = re.compile(r"^(?:(?:The\s+)?Rt\.?\s+Hon\.?\s+|(?:" + "|".join(HONORIFICS) + r")\.?\s+)+")
_POSTNOM = re.compile(r"(?:[\s,]+(?:" + "|".join(POST_NOMINALS) + r")\b\.?)+\s*$")
_PAREN = re.compile(r"\s*\(([^()]*)\)\s*$")
# a word of a personal name: capitalised, may hold an apostrophe or hyphen (O'Connell, Comer-Schwartz)
_NAME_WORD = re.compile(
    r"^(?:[A-Z][a-zà-ÿ]+(?:[-'’][A-Z]?[a-zà-ÿ]+)*|[A-Z]\.?|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+|"
    r"O['’][A-Z][a-z]+|[A-Z][a-z]*[A-Z][a-z]+|de|van|von|der|da|di|du|la|le|bin|al)$"
)
# words that make a capitalised phrase a body or a thing, not a person
_NOT_PERSON = {
    # a ward, a firm: "Westminster City Councillor, St George’s Ward", "Alpha Strategic, Chief Executive"
    "Ward",
    "Strategic",
    "Consulting",
    "Consultants",
    "Partners",
    "Associates",
    "Holdings",
    "Ventures",
    "Advisory",
    "Mayor",
    "Assembly",
    "Council",
    "Committee",
    "Group",
    "Party",
    "Police",
    "Authority",
    "Office",
    "Service",
    "Services",
    "Department",
    "Government",
    "Board",
    "Trust",
    "Fund",
    "London",
    "City",
    "Hall",
    "Commissioner",
    "Chair",
    "Deputy",
    "Agency",
    "Union",
    "Brigade",
    "Transport",
    "The",
    "Answer",
    "Question",
    "Asked",
    "Main",
    "Officers",
    "Minister",
    "Secretary",
    "Labour",
    "Conservative",
    "Conservatives",
    "Liberal",
    "Democrats",
    "Green",
    "Greens",
    "Unit",
    "Team",
    "Limited",
    "Ltd",
    "Plc",
    "Corporation",
    "Partnership",
    "Network",
    "Association",
    "Society",
    "Foundation",
    "Institute",
    "University",
    "College",
    "School",
    "Hospital",
    "NHS",
    "Borough",
    "Inquiry",
    "Review",
    "Report",
    "Plan",
    "Strategy",
    "Programme",
    "Scheme",
    "Zone",
    "Street",
    "Road",
    "Week",
    "Day",
    *CALENDAR_WORDS,
    "Written",
    "Response",
    "Notes",
    "Editors",
    "Chief",
    "Executive",
    "Director",
    "Head",
    "Leader",
    "Member",
    "Members",
    "Spokesperson",
    "Statement",
    "Press",
    "Release",
    "Decision",
    "Motion",
    "Key",
    "Information",
    "Date",
    "Reference",
    "Type",
    "Crime",
    *DOCUMENT_NAME_WORDS,
}


@dataclass(frozen=True)
class Named:
    """What a written name stands for: the actor, and the office the text gives it, if any."""

    actor: Entity
    post: Entity | None = None  # the office named with it ("Sophie Linden, Deputy Mayor, ...")
    office_text: str | None = None  # that office as written


def clean_person_name(text: str) -> str:
    """'Sir Mark Rowley QPM' -> 'Mark Rowley'; 'Caroline Pidgeon MBE AM' -> 'Caroline Pidgeon'."""
    name = " ".join(text.replace("\u00a0", " ").split()).strip(" ,;:")
    name = re.sub(r"['’]s?$", "", name)  # "Danny Baker’s"
    name = _POSTNOM.sub("", name)
    name = _HON.sub("", name)
    name = re.sub(r"(?:\s+(?:Councillor|Cllr))+$", "", name)  # a flattened table: "Fiona Colley Councillor"
    return name.strip(" ,")


def looks_like_person(text: str) -> bool:
    """Two to four name-shaped words, none of which makes it a body or a thing."""
    words = clean_person_name(text).split()
    if not 2 <= len(words) <= 4:
        return False
    if any(w in _NOT_PERSON for w in words):
        return False
    return all(_NAME_WORD.match(w) for w in words) and words[0][0].isupper() and words[-1][0].isupper()


_OFFICE_WORD = re.compile(
    r"\b(?:mayor|chair|chairman|chairwoman|commissioner|director|secretary|minister|leader|officer|czar|tsar|"
    r"chancellor|president|governor|councillor|champion|adviser|advisor|spokesperson|spokesman|spokeswoman|"
    r"executive|chief[ ]of[ ]staff)\b",
    re.I,
)


def post_entity(registry: Registry, office: str) -> Entity | None:
    """The Post an office phrase names: a registry post when one matches (also with 'for'
    restored: 'Deputy Mayor, Policing and Crime'), else a new Post named as written."""
    text = " ".join(office.split()).strip(" ,.;:")
    text = re.sub(r"^(?:(?:the|my|our|his|her|their|its)\s+)?(?:so-called\s+)?", "", text, flags=re.I)
    if not text or len(text) > 150:
        return None
    # "Interim Chief Executive at Homeless Link" holds the office of Chief Executive of Homeless Link;
    # "Transport for London commissioner" is the Commissioner of Transport for London
    text = _INTERIM.sub("", text)
    text = _ROLE_AT_BODY.sub(r"\g<role> of \g<body>", text)
    sender = re.match(r"(?P<office>.+?)[ ]from[ ](?:the[ ])?[A-Z]", text)
    if sender and (known := registry.find(sender.group("office"))) is not None and known.label == "Post":
        return known.entity  # "Mayor of London from London Cycling Campaign": a heading's sender follows
    for form in _office_forms(text):
        entry = registry.find(form)
        if entry is not None and entry.label == "Post":
            return entry.entity
    tail = _ROLE_OF_BODY.match(text)
    body = registry.find(tail.group("body")) if tail else None
    if tail and body is not None and body.label == "Organization":
        # "Commissioner of TfL": the registry's office of that body under its full name
        entry = registry.find(f"{tail.group('role')} {tail.group('prep')} {body.name}")
        if entry is not None and entry.label == "Post":
            return entry.entity
    if not re.search(r"[A-Z]", text) and not _OFFICE_WORD.search(text) or _NOT_A_TITLE.search(text):
        return None
    trailing = _BODY_THEN_ROLE.match(text)
    if trailing:
        # "Transport for London commissioner": the registry's office of that body; "ALG chief
        # executive": the Chief Executive of the Association of London Government; "Homeless Link
        # chief executive": the Chief Executive of Homeless Link
        role = post_name(trailing.group("role"))
        known = registry.find(trailing.group("body"))
        entry = registry.find(f"{role} of {known.name}") if known is not None else None
        if entry is not None and entry.label == "Post":
            return entry.entity
        if known is None or known.label == "Organization":
            text = f"{role} of {known.name if known is not None else trailing.group('body')}"
    owned = _OWNED_OFFICE.match(text)
    if owned:  # "Thames Water’s Chief Executive" is the Chief Executive of Thames Water
        text = f"{owned.group('role')} of {owned.group('owner')}"
    return Entity(name=text[0].upper() + text[1:], label="Post", id=slug(text))


_INTERIM = re.compile(r"(?i)^(?:interim|acting)\s+(?=\S)")
_ROLE_AT_BODY = re.compile(r"^(?P<role>[A-Za-z][\w -]*?)[ ]at[ ](?P<body>(?:the[ ])?[A-Z][\w&.'’ -]*)$")
# a body named in capitalised words (its small words too), then an office in lower case
_BODY_THEN_ROLE = re.compile(
    r"^(?P<body>[A-Z][\w&.-]*(?:[ ](?:[A-Z][\w&.-]*|for|of|and|&))*?)[ ]"
    r"(?P<role>(?:(?:deputy|assistant|chief|executive|managing|general|finance)[ ])*"
    r"(?:commissioner|chief[ ]executive|director|chair|chairman|chairwoman|president))$"
)


# a body's office, the body named in two or more words or by its initials (not "Sadiq’s Deputy
# Mayor for Housing": a person's office keeps its words)
_OWNED_OFFICE = re.compile(
    r"^(?P<owner>[A-Z][\w&.-]*(?:[ ][A-Z][\w&.-]*){1,4}|[A-Z]{2,6})['’]s[ ]+(?P<role>[A-Za-z](?:(?![ ](?:of|for)[ ])[\w -])+)$"
)
_ROLE_OF_BODY = re.compile(r"^(?P<role>.+?)[ ](?P<prep>of|for)[ ](?:the[ ])?(?P<body>[A-Z].+)$")


# shapes no title has: a sentence break inside ("Mayor. In January"), a conjunction or a verb
# first ("But Lib-Dem member", "will chair the panel"), a time word ("Yesterday mayor X"), a bracket
# ("[High Level Champion"), a form of address ("New York, Mr Mayor, is ..."), an office no longer
# held ("former Chief Executive")
_NOT_A_TITLE = re.compile(
    r"[a-z]\.\s+[A-Z]|[\[\]]|['’]s$|^(?:great|good|fine|brilliant|excellent|fantastic|wonderful|terrible|bad|poor|useless|"
    r"hopeless|fellow|i|we|you|he|she|they|it|but|and|or|so|yet|however|also|will|would|shall|should|can|could|may|might|must|"
    r"is|was|has|had|have|says|said|mr|mrs|ms|madam|yesterday|today|tonight|tomorrow|meanwhile|earlier|later|now|"
    + "|".join(sorted(NO_LONGER))
    + r")(?![\w-])",
    re.I,
)


def _office_forms(text: str) -> list[str]:
    forms = [text, "the " + text]
    plain = re.sub(
        r"(?i)^(?:(?:first|new|next|directly|democratically|elected|current|incoming|long-serving"
        r"|(?:twice|newly|recently|re)[- ]?(?:elected|appointed))\s+)+",
        "",
        text,
    )
    if plain != text and plain:  # "the first elected mayor of London" is the Mayor of London
        forms += [plain, plain[0].upper() + plain[1:]]
    m = re.match(r"^(?P<owner>[\w&. ]+?)['’]s\s+(?P<role>.+)$", text)
    if m:  # "TfL's Commissioner" -> "TfL Commissioner", "Commissioner of TfL"
        forms += [f"{m.group('owner')} {m.group('role')}", f"{m.group('role')} of {m.group('owner')}"]
    m = re.match(r"^(Deputy Mayor|Mayor|Commissioner|Minister|Secretary of State),\s+(.+)$", text)
    if m:
        forms.append(f"{m.group(1)} for {m.group(2)}")
    m = re.match(r"^(?P<role>[A-Z][^,]+?),\s+(?P<body>[A-Z][\w&.' -]+)$", text)
    if m:  # "Commissioner of Transport, TfL", "Deputy Commissioner, MPS": the role in that body
        role, body = m.group("role"), m.group("body")
        forms += [f"{role} of {body}", f"{role} of the {body}", f"{body} {role}"]
        if re.search(r"\s(?:of|for)\s", role):
            forms.append(role)  # a role that names its remit ("Commissioner of Transport")
    return forms


# "Chair of the X Committee", "Chairman, Budget and Performance Committee": the body chaired
_CHAIR = re.compile(
    r"^(?:Chair|Chairman|Chairwoman|Chairperson|Chair\s+of\s+the\s+Board)\s*(?:of|,)\s+(?:the\s+)?(?P<body>.+)$"
)
# "Assistant Commissioner, London Fire Brigade", "Chief Executive of the Arts Council": role + body
_ROLE_OF = re.compile(r"^(?P<role>[A-Z][\w\s&'’-]*?)\s*(?:,|\bof\b|\bat\b)\s+(?:the\s+)?(?P<body>[A-Z].+)$")


def office_parts(office: str) -> tuple[str, str | None, str | None]:
    """(kind, role, body) of an office phrase: kind 'chair' when it chairs a body, 'role' for
    a role in a named body, 'post' otherwise."""
    text = " ".join(office.split()).strip(" ,.;:")
    m = _CHAIR.match(text)
    if m:
        return "chair", "Chair", m.group("body").strip(" ,")
    m = _ROLE_OF.match(text)
    if m:
        return "role", m.group("role").strip(), m.group("body").strip(" ,")
    return "post", text, None


def resolve_name(registry: Registry, text: str, date: str | None) -> Named | None:
    """The actor a written name or name-with-office stands for, on the document's date.

    Handles 'The Mayor' (the holder), 'Boris Johnson (1st Term)', 'Boris Johnson (Mayor of
    London)', 'Sophie Linden, Deputy Mayor, Policing and Crime', 'Sadiq Khan, Mayor of London',
    'Caroline Pidgeon MBE AM', 'Labour Group'."""
    raw = " ".join(text.replace("\u00a0", " ").split()).strip(" ,;:.")
    if not raw or len(raw) > 200:
        return None
    office = None
    # a note in brackets inside the name ("Boris Johnson MP (past staff), Mayor of London")
    raw = re.sub(r"\s*\((?:past|former|acting|interim)[^()]*\)", "", raw, flags=re.I)
    m = _PAREN.search(raw)
    if m:
        inner = m.group(1).strip()
        raw = raw[: m.start()].strip()
        if inner and not re.fullmatch(r"\d+(?:st|nd|rd|th)\s+Term|AM|MP", inner, flags=re.I):
            office = inner
    if office is None and "," in raw:
        head, rest = raw.split(",", 1)
        if looks_like_person(head) or registry.find(clean_person_name(head)) is not None:
            raw, office = head.strip(), rest.strip()
    post = post_entity(registry, office) if office else None
    entry = registry.find(raw) or registry.find(clean_person_name(raw))
    if entry is not None:
        if entry.label == "Post":
            holder = registry.holder(entry.id, date)
            if holder is not None:
                return Named(holder.entity, entry.entity, raw)
            return Named(entry.entity, None, None)
        return Named(entry.entity, post, office)
    name = clean_person_name(raw)
    if looks_like_person(name):
        return Named(Entity(name=name, label="Person", id=slug(name)), post, office)
    return None
