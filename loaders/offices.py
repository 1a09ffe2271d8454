"""Offices named beside people: "Name, Office", "Office, Name", "Name (Office)", "Title Name".

Real pages and news name a person's office in apposition: "Andy Bell, Assistant Commissioner,
London Fire Brigade", "London Fire Commissioner, Dany Cotton", "The London mayor, Ken
Livingstone,", "Boris Johnson (Mayor of London)", "transport secretary Grant Shapps", "Geoff
Pope, Liberal Democrat chairman of the London assembly's transport committee", "Angie Bray, Tory
London Assembly member". An office phrase holds a head word (Mayor, Chair, Commissioner,
Secretary, Director ...). What it says becomes facts (layer "apposition"):

- a chair of a body ("Chair of the X Committee", "chairman of the assembly's transport
  committee") gives CHAIRS of that body;
- "Assembly Member", "London Assembly member", or "AM" after the name beside an office, gives
  MEMBER_OF the London Assembly; a party word with it ("Labour", "Tory", "Liberal Democrat")
  gives MEMBER_OF that party's group;
- any other office gives HOLDS_OFFICE of the post (a registry post when it matches, e.g.
  "Deputy Mayor, Policing and Crime", else the post as written).

A post named by its full title whose holder on the document's date is named in the document too
("The mayor of London has ... Ken Livingstone has ...") gives that holder HOLDS_OFFICE, with both
mentions as evidence.
"""

from __future__ import annotations

import re

from graph.facts import Entity, slug
from loaders.actors import post_entity
from loaders.document import Doc
from loaders.names.focus import is_first_name
from loaders.names.mentions import DocMentions
from loaders.names.people import HONORIFICS, POST_NOMINALS
from loaders.names.posts import NO_LONGER, no_longer_held, opens_main_clause, said_of_another
from loaders.registry import Registry

__all__ = [
    "find_offices",
    "post_fact",
    "OFFICE_HEAD",
    "assembly_group",
    "party_entity",
    "split_offices",
    "meeting_body",
]

_HEADS = (
    "mayor|chair|chairman|chairwoman|chairperson|commissioner|chief executive|director|secretary|leader|"
    "head|president|minister|officer|spokesperson|spokesman|spokeswoman|founder|co-founder|manager|adviser|"
    "advisor|councillor|constable|commander|superintendent|editor|governor|treasurer|clerk|coordinator|"
    "chancellor|ombudsman|inspector|champion|convenor|czar|tsar|correspondent|member|deputy|lead|"
    "chief fire officer|cabinet member|portfolio holder|principal|rapporteur|ambassador|trustee|patron"
)
_HEAD = re.compile(rf"\b(?:{_HEADS})\b", re.I)
OFFICE_HEAD = _HEAD
_WORD = r"[\w’'&.-]+"
# an office phrase: up to ten words, no clause punctuation, not running into a verb
_PHRASE = re.compile(rf"(?:{_WORD}(?:,\s+(?=[A-Z]))?\s*){{1,12}}")
_STOP_WORDS = re.compile(
    r"\s+(?:said|says|told|has|have|had|is|was|were|will|would|who|which|that|and\s+(?:said|is|has)|"
    r"added|warned|announced|called|urged|wrote|explained|insisted|claimed|argued|today|yesterday|"
    r"on|in\s+(?!charge)|at\s+(?=the\s+time)|during|after|before|when|while|but)\b.*$",
    re.I,
)
# (a vice or deputy chair holds that office; only the chair chairs)
_CHAIR = re.compile(r"^(?:chair|chairman|chairwoman|chairperson)(?:\s+of\s+|,\s+)(?P<body>.+)$", re.I)
_MEMBER = re.compile(
    r"^(?:(?:the\s+)?(?:london\s+)?assembly\s+member|AM|member\s+of\s+the\s+(?:london\s+)?assembly|london\s+assembly\s+member)$",
    re.I,
)
# the parties an office may name, as the tables below key them
_PARTIES = r"Labour|Conservative|Tory|Liberal\s+Democrat|Lib\s*Dem|Green|UKIP|Reform(?:\s+UK)?"
_PARTY = re.compile(
    rf"^(?P<party>{_PARTIES}|Brexit\s+Alliance)(?:['’]s)?\s+"
    r"(?!(?:group|party)['’]s\b)(?P<rest>.+)$",  # ("the Conservative group's spokesman" keeps its group)
    re.I,
)
_SPOKES = ("spokesman", "spokeswoman", "spokesperson")
_PARTY_MEMBERSHIP = re.compile(r"(?i)(?:party[ ])?(?:member|activist|supporter|campaigner)")
_SPOKES_FOR = re.compile(
    r"(?i)^(?:a\s+)?spokes(?:man|woman|person)\s+(?:for|of)\s+(?:the\s+)?"
    r"(?:(?:pressure|campaign|lobby|action|residents['’]?|community)\s+group\s+|charity\s+|union\s+|think[- ]tank\s+)?"
    r"(?P<body>[A-Z].+)$"
)
_PARTY_INSIDE = re.compile(rf"\b(?P<party>{_PARTIES})\b")
_FOUNDER = re.compile(r"(?i)^(?:co-)?founder\s+of\s+(?:the\s+)?(?P<body>.+)$")
# two offices joined: "X Ambassador and Founder of Y", "Chair of the X Committee and Chief Fire
# Officer, Y", "Executive Director Housing and Land and Interim CEO of OPDC" (the first holds an
# office word; the second starts with one, perhaps after "interim", "acting" ...)
_TWO_OFFICES = re.compile(
    rf"(?P<first>[^,]*?\b(?:{_HEADS})\b[^,]*?)[ ]and[ ]"
    rf"(?P<second>(?:(?:interim|acting|joint|senior|executive)[ ])?(?:(?i:{_HEADS})\b|CEO\b).*)",
    re.I | re.S,
)
_PARTY_BEFORE = re.compile(rf"(?<![\w-])(?:{_PARTIES})\s+$")
_PARTY_GROUP = {
    "labour": "Labour Group",
    "conservative": "Conservative Group",
    "tory": "Conservative Group",
    "liberal democrat": "Liberal Democrat Group",
    "lib dem": "Liberal Democrat Group",
    "libdem": "Liberal Democrat Group",
    "green": "Green Group",
    "ukip": "UKIP Group",
    "reform": "Reform UK Group",
    "reform uk": "Reform UK Group",
    "brexit alliance": "Brexit Alliance",
    "one london": "One London Group",
    "veritas": "Veritas Group",
}
_PARTY_NAME = {
    "labour": "Labour Party",
    "conservative": "Conservative Party",
    "tory": "Conservative Party",
    "liberal democrat": "Liberal Democrats",
    "lib dem": "Liberal Democrats",
    "libdem": "Liberal Democrats",
    "green": "Green Party",
    "ukip": "UKIP",
    "reform": "Reform UK",
    "reform uk": "Reform UK",
}


def party_entity(registry: Registry, word: str, group: bool = False) -> Entity | None:
    """The party a party word names ("Labour", "Tories", "Lib-Dems", "Green Party", "(Con)"), or
    its group in the London Assembly when `group` (a member of the Assembly); None for a word
    that is no party ("Transport for London")."""
    key = " ".join(word.lower().replace("-", " ").split())
    key = re.sub(r"[ ]party$", "", key).rstrip("s")
    key = "tory" if key == "torie" else _PARTY_ABBREV.get(key, key)
    name = (_PARTY_GROUP if group else _PARTY_NAME).get(key)
    entry = registry.find(name) if name else None
    return entry.entity if entry is not None else None


def assembly_group(registry: Registry, party: Entity) -> Entity | None:
    """A party's group in the London Assembly ("the Conservatives" who propose an Assembly motion
    are its Conservative Group), or None."""
    for key, name in _PARTY_NAME.items():
        if name == party.name and key in _PARTY_GROUP:
            entry = registry.find(_PARTY_GROUP[key])
            return entry.entity if entry is not None else None
    return None


_DEPUTY_CHAIR = re.compile(r"(?i)(?:deputy|vice)[ -]chair(?:man|woman|person)?")
_LEAD_IN = re.compile(
    r"^(?:the|The|a|an|my|My|his|His|her|Her|our|Our|their|Their|its|London’s|London's|Britain's|Britain’s)\s+"
)
_NOT_OFFICE = re.compile(
    r"^(?:member\s+of\s+the\s+public|members\b|officers\b|(?:" + "|".join(sorted(NO_LONGER)) + r")(?:-|\b))",
    re.I,
)
# "as", "in her role as": the office someone acts in
_AS = (
    r"(?:in\s+(?:his|her|their)\s+(?:role|capacity)\s+"
    r"|on\s+(?:his|her|their)\s+(?:appointment|election|re-?election|re-?appointment)\s+)?as\s+"
)
_AS_OFFICE = re.compile(
    rf",?\s+{_AS}(?:the\s+|a\s+|London['’]s\s+|my\s+|his\s+|her\s+|our\s+|their\s+)?(?:(?:new|first|first-ever|ever)\s+){{0,2}}"
)
_BARE = re.compile(rf"^(?:{_HEADS})$", re.I)


def find_offices(doc: Doc) -> None:
    """Add HOLDS_OFFICE, CHAIRS and MEMBER_OF facts for offices named beside people."""
    text = doc.text
    mentions = doc.mentions.mentions
    named_people = {m.entity.id for m in mentions if m.entity.label == "Person" and m.kind != "office"}
    for i, m in enumerate(mentions):
        if m.entity.label != "Person":
            continue
        if m.kind == "office":
            if not _someone_elses(doc, i, m.start, m.entity.id):
                _full_title(doc, m, named_people)
            span = _as_office(doc, m, i)
            if span is None and (q := _AS_OFFICE.match(text, m.end)) is not None:
                # "The Mayor, as Chair of TfL, will appear": an office the registry has no name for
                stop = text.find("\n", q.end())
                span = _phrase_after(text, q.end(), min(len(text) if stop == -1 else stop, q.end() + 200))
            if span:
                _office_facts(doc, m, span)
            continue
        surface = text[m.start : m.end]
        k = surface.find(m.entity.name.split()[0]) if m.entity.name else -1
        honoured = (
            _TITLE_HONORIFIC.search(text, max(0, m.start - 80), m.start)
            or _THEN_TITLE.search(text, max(0, m.start - 60), m.start)
            if k == 0
            else None
        )
        if honoured is not None and honoured.re is _THEN_TITLE and _BARE.match(honoured.group("title")):
            # "then-mayor Boris Johnson": a bare title made an office by "then"
            post = post_entity(doc.registry, honoured.group("title").capitalize())
            if post is not None and doc.registry.find(post.name) is not None:
                post_fact(doc, m.entity, post, (honoured.start("title"), m.end))
        elif honoured is not None or k > 0 and _HEAD.search(surface[:k]):
            # "Mayor Sadiq Khan", "Commissioner Cressida Dick": the title is part of the mention;
            # "Deputy Commissioner Sir Stephen House": the title before the honorific
            title = honoured.group("title") if honoured is not None else surface[:k].rstrip()
            start = honoured.start("title") if honoured is not None else m.start
            title_end = start + len(title)
            lead = _NOT_TITLE_LEAD.match(title)
            if lead:  # "that mayor Ken Livingstone", "Dear Mayor Khan": the office is the title's own words
                title, start = title[lead.end() :], start + lead.end()
            word = re.search(r"(?<![\w’'-])[A-Z][\w’'&.-]*\s+$", text[max(0, start - 30) : start])
            if title.islower() and word and doc.registry.find(f"{word.group(0).strip()} {title}") is not None:
                start -= len(word.group(0))  # "London mayor Sadiq Khan": the office the two words name
            owner = _OWNER_BEFORE.search(text, max(0, start - 60), start)
            if owner and any(
                x.entity.label == "Organization" and x.end == owner.end("org")
                for x in doc.mentions.between(owner.start("org"), owner.end("org"))
            ):
                start = owner.start("org")  # "The Met’s Deputy Commissioner Stephen House": the Met's office
            _office_facts(doc, m, (start, title_end))
        # the line around the mention, at most a few hundred characters each side (a document
        # of one long line must not cost a scan of the line per mention)
        line_start = max(text.rfind("\n", max(0, m.start - _WINDOW), m.start) + 1, m.start - _WINDOW, 0)
        line_end = text.find("\n", m.end, m.end + _WINDOW)
        line_end = min(len(text), m.end + _WINDOW) if line_end == -1 else line_end
        for span in _offices_beside(doc, m, i, line_start, line_end):
            _office_facts(doc, m, span)
        _party_possessive(doc, m)
        _of_a_body(doc, m, i)
        _a_mayors_deputy(doc, m, i)
    bracketed_members(doc)


# "his deputy mayor, Sophie Linden", "Boris Johnson's deputy Ray Lewis", "Livingstone's deputy,
# Labour London Assembly member Nicky Gavron", "Johnson's deputy mayor and chief of staff, Sir Simon
# Milton": the Mayor's deputy, right before the name (a few words of title between)
_DEPUTY_BEFORE = re.compile(
    r"(?P<owner>\b[A-Z][\w-]+|\bhis|\bher|\bthe[ ]Mayor)(?:['’]s?)?[ ]deputy(?:[ ]mayor)?"
    r"(?:[ ]and[ ][a-z][\w ]{2,30}?)?,?[ ](?:(?:[A-Z][\w-]*[ ]){0,4}(?:member|AM)[ ])?$"
)


def _a_mayors_deputy(doc: Doc, m, i: int) -> None:
    """A Mayor's deputy holds a deputy mayoralty: the one the registry has them in on the
    document's date, else the Deputy Mayor of London's."""
    found = _DEPUTY_BEFORE.search(doc.text, max(0, m.start - 90), m.start)
    mayor = doc.registry.holder("mayor-of-london", doc.ref_date) if found is not None else None
    if mayor is None:
        return
    owner = found.group("owner")
    if owner in ("his", "her"):
        prev = next((x for x in reversed(doc.mentions.mentions[:i]) if x.entity.label == "Person"), None)
        if prev is None or prev.entity.id != mayor.entity.id:
            return  # whose deputy "his" is must be the Mayor named just before
    elif owner != "the Mayor" and owner not in mayor.entity.name.split():
        return  # "Boris Johnson's deputy" while Johnson is the Mayor
    if m.entity.id == mayor.entity.id:
        return
    posts = [
        e
        for e in doc.registry.posts_of(m.entity.id)
        if e.name.startswith("Deputy Mayor")
        and doc.registry.term(e.id, m.entity.id, doc.ref_date) is not None
    ]
    post = posts[0] if len(posts) == 1 else doc.registry.get("deputy-mayor-of-london")
    if post is not None:
        post_fact(doc, m.entity, post.entity, (found.start("owner"), m.end))


_OF_THE = re.compile(r"[ ]of[ ](?:the[ ])?")


def _of_a_body(doc: Doc, m, i: int) -> None:
    """'David Edmonds of the London Legacy Development Corporation', 'TfL’s David Brown': one of
    that body."""
    prev = doc.mentions.mentions[i - 1] if i > 0 else None
    if (
        prev is not None
        and prev.entity.label == "Organization"
        and doc.text[prev.end : m.start] in ("’s ", "'s ")
        and doc.registry.get(prev.entity.id) is not None  # (a body the registry knows, not "Across London")
        and not _PLACE_NAME.match(prev.entity.name)
    ):
        doc.facts.add("MEMBER_OF", m.entity, prev.entity, (prev.start, m.end), layer="apposition")
    of = _OF_THE.match(doc.text, m.end)
    if of is None or i + 1 >= len(doc.mentions.mentions):
        return
    body = doc.mentions.mentions[i + 1]
    if (
        body.start == of.end()
        and body.entity.label == "Organization"
        and not _PLACE_NAME.match(body.entity.name)
    ):
        doc.facts.add("MEMBER_OF", m.entity, body.entity, (m.start, body.end), layer="apposition")


_PLACE_NAME = re.compile(r"^(?:London|England|Britain|Great Britain|the United Kingdom|UK)$")


_ONE_WORD_HONORIFICS = "|".join(h for h in HONORIFICS if " " not in h)
# a title, then an honorific, right before a name: "Deputy Commissioner Sir Stephen House"
_TITLE_HONORIFIC = re.compile(
    rf"(?<![\w’'-])(?P<title>(?:[A-Z][\w-]*[ ]){{0,3}}(?i:{_HEADS}))[ ]+(?:{_ONE_WORD_HONORIFICS})\.?[ ]+$"
)
# a past holder's title right before the name: "then-mayor Boris Johnson", "ex-commissioner X"
_THEN_TITLE = re.compile(rf"(?<![\w’'-])(?:then|former|ex)[- ](?P<title>(?i:{_HEADS}))[ ]+$")
# words that open a title without being part of it
_NOT_TITLE_LEAD = re.compile(r"(?i)(?:that|this|the|a|an|our|their|his|her|its|dear)\s+")
# a list's next names, not an office: "Graham Speed and the Commissioner"
_NAME_AND = re.compile(r"(?P<first>[A-Z][a-z]+)[ ][A-Z][\w’'-]+(?:[ ][A-Z][\w’'-]+)?[ ]and[ ]")
# a body's possessive right before a title: "The Met’s Deputy Commissioner Stephen House"
_OWNER_BEFORE = re.compile(r"(?P<org>(?<![\w’'-])[A-Z][\w&.-]*(?:[ ][A-Z][\w&.-]*){0,5})['’]s[ ]+$")
# the comma after a name and its post-nominals: "Susan Hall AM, Chairman of ..."
_NAME_END_COMMA = re.compile(r"(?:\s+(?:" + "|".join(POST_NOMINALS) + r"))*\s*,\s+")
# "Labour's Onkar Sahota", "the Conservatives' Susan Hall", "Tory Victoria Borwick", "Lib-Dem member X"
_PARTY_WORD = (
    r"(?P<party>Labour|Conservatives?|Tor(?:y|ies)|Liberal[ ]Democrats?|Lib(?:[ ]|-)Dems?|Greens?|UKIP)"
)
_PARTY_POSS = re.compile(
    rf"(?<![\w-]){_PARTY_WORD}(?:[ ]Party)?(?:['’]s?(?:(?:[ ](?!(?:to|of|and|or|the|a|an|for|in|on|with|by|at|from|that|who|which|was|is|has|had|will)\b)[a-z][\w-]*){{1,3}})?|[ ]member|[ ]AM|(?:[ ](?!(?:and|or|but|of|the|to|with|from|by|for|in|on|at|than|as|under|over|says?|said|leader|spokes\w+|group|believes?|thinks?|claims?|wants?|argues?|insists?|warns?|fears?|hopes?|expects?|urges?|accuse[sd]?|welcomes?|criticise[sd]?|backs?|oppose[sd]?)\b)[a-z][\w-]*){{1,3}}|[ ]MP)?[ ]+$"
)  # ("Lib Dem leadership candidate Simon Hughes", "Labour councillor X": the party's)
# the party's possessive on the office around the name: "Labour's deputy shadow minister for London,
# Gareth Thomas", "Ken Livingstone, Labour's mayoral candidate"
_PARTY_OFFICE_BEFORE = re.compile(rf"(?<![\w-]){_PARTY_WORD}(?:[ ]Party)?['’]s?[ ][a-z][\w -]{{2,60}}?,[ ]+$")
_PARTY_OFFICE_AFTER = re.compile(
    rf",[ ]+(?:the[ ])?{_PARTY_WORD}(?:[ ]Party)?(?:['’]s?)?[ ]"
    r"(?!(?:said|says|claimed|claims|argued|argues|added|warned|told|believes?|thinks?)\b)[a-z][\w-]*"
)  # ("Ken Livingstone, Labour's mayoral candidate", "Jo Bloggs, the Labour candidate"; not "X, Labour said,")
# "Assembly member Sian Berry of the Green Party"
_PARTY_OF_AFTER = re.compile(rf"[ ]+of[ ]+the[ ]+{_PARTY_WORD}[ ]Party\b")
# a list of members or questioners: "From Cllr Martin Whelton (Labour Group)", "Len Duvall AM (Labour)"
_PARTY_BRACKET_AFTER = re.compile(
    rf"[ ]*\([ ]*(?:{_PARTY_WORD}(?:[ ](?:Party|Group))?|(?P<abbrev>Lab|Con|LD|Lab[ /]Co-op))[ ]*\)"
)  # ("Sir Robin Wales (Lab)", "Andrew Boff (Con)": a report's or minutes' party tags)
_PARTY_ABBREV = {
    "lab": "labour",
    "con": "conservative",
    "ld": "liberal democrat",
    "lab co op": "labour",
    "lab/co op": "labour",
}


def _party_possessive(doc: Doc, m) -> None:
    """A party's possessive before a person's name: the person is in the party; in its Assembly
    group when the registry has them as an Assembly Member on the document's date."""
    found = (
        _PARTY_POSS.search(doc.text, max(0, m.start - 50), m.start)
        or _PARTY_OFFICE_BEFORE.search(doc.text, max(0, m.start - 90), m.start)
        or _PARTY_OFFICE_AFTER.match(doc.text, _after_post_nominals(doc.text, m.end))
        or _PARTY_OF_AFTER.match(doc.text, _after_post_nominals(doc.text, m.end))
        or _PARTY_BRACKET_AFTER.match(doc.text, _after_post_nominals(doc.text, m.end))
    )
    if found is None:
        return
    member = doc.registry.term("member-of-the-london-assembly", m.entity.id, doc.ref_date) is not None
    party = party_entity(doc.registry, found.group("party") or found.group("abbrev"), group=member)
    if party is not None:
        span = (min(found.start(), m.start), max(found.end(), m.end))
        doc.facts.add("MEMBER_OF", m.entity, party, span, layer="apposition")


def _after_post_nominals(text: str, end: int) -> int:
    """Where a name's post-nominals ("AM", "MP") end."""
    m = re.match(r"(?:\s+(?:" + "|".join(POST_NOMINALS) + r")\b)*", text[end : end + 40])
    return end + (m.end() if m else 0)


# "(RNLI, PLA, Marine Police, Fire Brigade, LAS & Coastguard)": a list of short names
_BRACKETED_LIST = re.compile(r"\s*\((?P<items>[^()\n]{3,300}?)\)")
_LIST_ITEM = re.compile(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4}")


def bracketed_members(doc: Doc) -> None:
    """A body named with a list of bodies in brackets after it is made up of them: "the Thames
    River Safety Forum (RNLI, PLA, Marine Police, Fire Brigade, LAS & Coastguard)"."""
    text = doc.text
    for m in doc.mentions.mentions:
        if m.entity.label != "Organization":
            continue
        b = _BRACKETED_LIST.match(text, m.end)
        if not b:
            continue
        items = [x.strip() for x in re.split(r",|\s&\s|\sand\s", b.group("items"))]
        if len(items) < 2 or not all(_LIST_ITEM.fullmatch(x) for x in items):
            continue
        members = [
            x.entity
            for x in doc.mentions.between(b.start("items"), b.end("items"))
            if x.entity.label == "Organization" and x.entity.id != m.entity.id
        ]
        if len(members) < 2:
            continue
        for member in members:
            doc.facts.add("MEMBER_OF", member, m.entity, (m.start, b.end()), layer="apposition")


def _offices_beside(doc: Doc, m, i: int, line_start: int, line_end: int) -> list[tuple[int, int]]:
    text = doc.text
    after = text[m.end : line_end]
    found: list[tuple[int, int]] = []
    # "Name, Office" and "Name AM, Office"
    a = _NAME_END_COMMA.match(after)
    if a:
        people = {p.start for p in doc.mentions.between(m.end, line_end) if p.entity.label == "Person"}
        span = _phrase_after(text, m.end + a.end(), line_end, people)
        if (
            span
            and not opens_main_clause(text, max(line_start, m.start - 60), m.start, span[1])
            and not (text[span[0]].islower() and _holds_a_verb(doc, span))
            and not text.startswith(("and ", "or "), span[0])  # "X, and mayor of London, Y": the next one's
        ):
            found.append(span)  # (not "Cllr Peter John, wrote to the Prime Minister": a clause)
    # "Name (Office)", not a transcript's "Name (Role):"; a transcript's editor writes
    # "Rosie Boycott [Chair, London Food Board]"
    p = re.match(r"\s*\(\s*([^()\n]{2,120})\)(?!\s*:)", after) or re.match(
        r"\s*\[\s*([^\[\]\n]{2,120})\](?!\s*:)", after
    )
    surname = m.entity.name.split()[-1] if m.entity.name else ""
    if (
        p
        and _HEAD.search(p.group(1))
        and not (surname and re.search(rf"\b{re.escape(surname)}\b", p.group(1)))
    ):
        # (not "Patrick McLoughlin [The Rt Hon Patrick McLoughlin, Secretary of State for
        # Transport]": an editor's full name and title, whose office the name in it gives)
        s = m.end + p.start(1)
        inner = _ITEMS_ATTENDED.sub("", p.group(1).rstrip())  # "(Chairman items 1-3 and 5)"
        found.append((s, s + len(inner)))
    span = _as_office(doc, m, i) or _role_as_office(doc, m, i)
    if span:
        found.append(span)
    before = text[line_start : m.start]
    # "Office, Name"
    b = re.search(r",\s*$", before)
    if b and not found:
        span = _phrase_before(text, line_start, line_start + b.start()) or _lowercase_chair(
            doc, line_start, line_start + b.start()
        )
        if span and not said_of_another(text, span[0]) and not _someone_elses(doc, i, span[0]):
            found.append(span)
    # "Title Name": "transport secretary Grant Shapps", "Mayor of London Boris Johnson"
    if not found and re.search(r"\S\s+$", before) and not re.search(r",\s*$", before):
        prev = doc.mentions.mentions[i - 1] if i > 0 else None
        gap = text[prev.end : m.start] if prev is not None else None
        if prev is not None and prev.post is not None and gap is not None and not gap.strip():
            if prev.entity.id == m.entity.id:
                # "Labour Assembly Member Unmesh Desai": the party before the title goes with it
                party = _PARTY_BEFORE.search(text, max(line_start, prev.start - 40), prev.start)
                found.append((party.start() if party else prev.start, prev.end))
        else:
            # never back over another person: "Tory Victoria Borwick and Lib-Dem member X"
            lo = (
                prev.end
                if prev is not None and prev.entity.label == "Person" and prev.end > line_start
                else line_start
            )
            span = _phrase_before(text, lo, m.start, title=True, registry=doc.registry)
            lead = _NOT_TITLE_LEAD.match(text, span[0], span[1]) if span else None
            if lead:
                span = (lead.end(), span[1])  # "said that mayor Ken Livingstone ...": "that" is no title
            if span and not said_of_another(text, span[0]):
                found.append(span)
    return found


# the items of a meeting someone attended in a role, after the role in a list of those present:
# "(Chairman items 1-3 and 5)", "(Vice Chairman, in the Chair items 4, 6-11)"
_ITEMS_ATTENDED = re.compile(r"(?:,\s*in\s+the\s+Chair)?\s+(?:for\s+)?items?\s+[\d\s,–\-&and]+$", re.I)

# "Fiona Twycross will be stepping down from her role as Deputy Mayor for Fire and Resilience",
# "X, who combines it with her post as Chair of Y": an office the clause says is the subject's own
_ROLE_AS = re.compile(
    r"[^.;:\n\"“”]{0,80}?\b(?:in|from|of|with|to)\s+(?:his|her|their)\s+(?:current\s+)?"
    r"(?:role|position|post|job|capacity)\s+as\s+(?:the\s+|a\s+|an\s+)?$"
)
# ... unless it is an office left ("has stepped down from her role as ...", "resigned from")
_LEFT = re.compile(r"(?i)\b(?:stepped|stood|resigned|quit|left|retired|sacked|removed|ousted)\b|\bformer\b")


def _role_as_office(doc: Doc, m, i: int) -> tuple[int, int] | None:
    nxt = doc.mentions.mentions[i + 1] if i + 1 < len(doc.mentions.mentions) else None
    if nxt is None or not (nxt.post is not None or nxt.entity.label == "Post"):
        return None
    gap = doc.text[m.end : nxt.start]
    if not _ROLE_AS.fullmatch(gap) or _LEFT.search(gap):
        return None
    return nxt.start, nxt.end


def _someone_elses(doc: Doc, i: int, office_start: int, holder: str | None = None) -> bool:
    """Whether an office read before mention `i` ("Office, Name") belongs to the person just before
    it: "Seb Dance, Deputy Mayor for Transport, Phil Graham, ..." is Seb Dance's office, and in
    "Ben Lucas (Founding Director, Metro Dynamics)" the name after the office is where he works."""
    prev = next((p for p in reversed(doc.mentions.mentions[:i]) if p.entity.label == "Person"), None)
    if prev is None or prev.end > office_start or prev.entity.id == holder:
        return False
    gap = doc.text[_after_post_nominals(doc.text, prev.end) : office_start]
    return bool(re.fullmatch(r"\s*[,(]\s*", gap))


def _as_office(doc: Doc, m, i: int) -> tuple[int, int] | None:
    """ "the Mayor as London's Police and Crime Commissioner", "X in her role as Chair of Y": an
    office the registry knows, named right after "as"."""
    q = _AS_OFFICE.match(doc.text, m.end)
    nxt = doc.mentions.mentions[i + 1] if i + 1 < len(doc.mentions.mentions) else None
    post = (nxt.post or (nxt.entity if nxt.label == "Post" else None)) if nxt is not None else None
    entry = doc.registry.get(post.id) if post is not None else None
    if (
        entry is not None
        and doc.ref_date
        and doc.registry.term(entry.id, m.entity.id, doc.ref_date) is None
        and doc.registry.terms_at(entry.id, doc.ref_date)
    ):
        return None  # "did not want Susan Hall as Mayor of London" while Khan held it
    if q and nxt is not None and post is not None and m.end < nxt.start <= q.end():
        return nxt.start, nxt.end
    return None


def _phrase_after(
    text: str, start: int, line_end: int, people: set[int] | frozenset[int] = frozenset()
) -> tuple[int, int] | None:
    # a hard-wrapped line that breaks an office off after a joining word ("GLA member for Croydon
    # and\n\nSutton"): the office goes on on the next line
    wrap_end = start
    wrapped = re.match(r"[ \t]*\n(?:[ \t]*\n)?[ \t]*(?=[A-Z])", text[line_end : line_end + 12])
    if wrapped and re.search(r"\b(?:and|of|for|the|&)[ \t]*$", text[start:line_end]):
        wrap_end = line_end + wrapped.end()
        nxt = text.find("\n", wrap_end)
        line_end = len(text) if nxt == -1 else nxt
    dash = re.compile(r"\s[–—-]\s").search(text, start, line_end)  # "Mayor of London – Autumn Budget"
    line_end = dash.start() if dash else line_end
    # the phrase ends at the first stop (the wrap's own line break is none), except that a body
    # after a comma belongs to it: "Assistant Commissioner, London Fire Brigade"
    stop, pos = line_end, start
    while True:
        hits = [
            k
            for ch in ",.;:(\n"
            if (k := text.find(ch, pos, line_end)) != -1 and not (ch == "\n" and k < wrap_end)
        ]
        if not hits:
            break
        k = min(hits)
        body = text[k] == "," and re.match(
            r",\s+(?:[A-Z][\w’'&.-]*(?:\s+(?:and|of|for|the|&)\s+|\s+)?)+(?=[,.;\n]|$)", text[k:line_end]
        )
        if (
            body
            and k + body.end() - start < 160
            and k + len(body.group(0)) - len(body.group(0)[1:].lstrip()) not in people
        ):
            # (not a person named next in a list: "Seb Dance, Deputy Mayor for Transport, Phil Graham")
            pos = k + body.end()
            stop = pos
            continue
        stop = k
        break
    if stop <= start:
        stop = line_end
    phrase = text[start:stop]
    phrase = _STOP_WORDS.sub("", phrase).rstrip(" ,")
    # "Sadiq Khan, as Chair of Transport for London (TfL), will appear ...": the office he acts in
    phrase = re.sub("^" + _AS, "", phrase)
    lead = _LEAD_IN.match(phrase)
    if lead is None or not (lead.group(0).startswith("London") and _BARE.match(phrase[lead.end() :])):
        phrase = _LEAD_IN.sub("", phrase)  # ("Ken Livingstone, London's mayor": the city's own office stays)
    if re.match(
        r"(?i)(?:who|which|that|whose|where|when|said|says|commented|added|told|explained)\b|\w+ed\s+by\b",
        phrase,
    ):
        return None  # "Hina Bokhari, who asked the Mayor", "Dick, commissioned by ...": a clause
    if not phrase or _too_long(phrase, 16) or not _HEAD.search(phrase) or _NOT_OFFICE.match(phrase):
        return None
    s = text.find(phrase, start)
    return (s, s + len(phrase)) if s != -1 else None


_CONNECTOR = {"of", "for", "and", "the", "&", "on", "to"}
_WINDOW = 300
_BOUNDARY = {"the", "a", "an", "my", "his", "her", "our", "their", "its"}


# "the chairman of the housing committee, Sian Berry": a news report's committee in any case (the
# capitalised ones are read by _phrase_before first)
_LOWER_CHAIR = re.compile(
    r"(?i)\b(?P<office>(?:chair|chairman|chairwoman|chairperson)\s+of\s+the\s+"
    r"(?P<body>[a-z][\w ,&'’-]{2,60}?\bcommittee))\s*$"
)


def _lowercase_chair(doc: Doc, line_start: int, end: int) -> tuple[int, int] | None:
    m = _LOWER_CHAIR.search(doc.text, max(line_start, end - 100), end)
    if m is None or doc.registry.find(m.group("body")) is None:
        return None
    return m.start("office"), m.end("office")


def _phrase_before(
    text: str, line_start: int, end: int, title: bool = False, registry: Registry | None = None
) -> tuple[int, int] | None:
    """The office phrase that ends at `end`, read backwards: capitalised words, connectors
    ("of", "for") and office words ("mayor", "secretary" and one word before them: "transport
    secretary"), stopping at anything else; it must hold an office word, and (for a title before
    a name) end with one."""
    chunk = text[line_start:end].rstrip()
    words = list(re.finditer(r"[\w’'&.-]+|[^\w\s]", chunk))
    k = len(words)
    unit = _LOWER_TITLE_END.search(chunk)
    if unit is not None:
        # "ALG chief executive Martin Pilgrim", "BOA chief Simon Clegg": a lower-case title of
        # several words is one office word, with one word (or a capitalised name) before it
        k = next(j for j, w in enumerate(words) if w.start() >= unit.start())
        if (
            k > 0
            and re.fullmatch(r"[\w’'&.-]+", words[k - 1].group(0))
            and words[k - 1].group(0).lower() not in _NOT_A_TITLE_WORD
        ):
            k -= 1  # ("made by deputy chief of staff James McGrath": "by" is no part of it)
        while k > 0 and words[k - 1].group(0)[:1].isupper() and words[k].group(0)[:1].isupper():
            k -= 1
    while unit is None and k > 0:
        w = words[k - 1].group(0)
        if re.fullmatch(r"[^\w\s]", w) and w not in ("&",):
            break
        low = w.lower()
        if w in ("the", "a", "an") and k < len(words) and _HEAD.fullmatch(words[k].group(0)):
            break  # "Mayor Sadiq Khan and the chair of London Councils": the article opens the office
        if w[:1].isupper() or _HEAD.fullmatch(low) or (low in _CONNECTOR and k < len(words)):
            k -= 1
            continue
        if (
            k < len(words)
            and _HEAD.fullmatch(words[k].group(0).lower())
            and not words[k].group(0)[:1].isupper()
        ):
            # "transport secretary", "shadow chancellor": one word before a lowercase office word,
            # and no more ("Ministers criticise mayor Boris Johnson" is a headline) but the body
            # or party whose spokesman it is ("Labour's London Assembly fire spokesman Navin Shah")
            spokes = words[k].group(0).lower().startswith("spokes")
            k -= 1
            while spokes and k > 0 and words[k - 1].group(0)[:1].isupper():
                k -= 1
        break
    while k < len(words) and (words[k].group(0).lower() in _CONNECTOR | _BOUNDARY | {"as"}):
        # ("As the twice-elected mayor, Ken Livingstone ...": the office he speaks in)
        k += 1
    if k >= len(words):
        return None
    start = line_start + words[k].start()
    phrase = text[start : line_start + len(chunk)]
    if (unit is None and not _HEAD.search(phrase)) or _NOT_OFFICE.match(phrase) or _too_long(phrase):
        return None
    if (
        title
        and unit is None
        and not _HEAD.search(words[-1].group(0))
        and not re.search(r"\bof\s+London$", phrase)
    ):
        return None
    if title and _BARE.match(phrase) and not phrase[:1].isupper():
        return None
    before = re.search(r"(\S+)\s+$", text[line_start:start])
    if no_longer_held(text, start):
        return None  # "the former Mayor of London, Boris Johnson": not an office he holds
    if (
        title
        and unit is None
        and registry is not None
        and phrase.islower()
        and before is not None
        and before.group(1)[:1].isupper()
        and registry.find(phrase) is None
    ):
        # after a capitalised word, a lower-case "office" may be a headline's verb and noun
        # ("Ministers criticise mayor Boris Johnson"); "and housing minister Mark Prisk" is an office
        return None
    return start, line_start + len(chunk)


# words a title never opens on, before a lower-case title ("made by deputy chief of staff X")
_NOT_A_TITLE_WORD = frozenset(
    {
        "by",
        "of",
        "to",
        "from",
        "with",
        "and",
        "or",
        "the",
        "a",
        "an",
        "as",
        "for",
        "in",
        "on",
        "at",
        "said",
        "says",
    }
)
# lower-case titles of news reports that end right before a name: "chief executive", "chief of
# staff", "cabinet member for transport", "policy adviser", "chief" ("Met chief Mark Rowley")
_LOWER_TITLE_END = re.compile(
    r"(?<![\w’'-])(?:(?:deputy|assistant|acting|interim)\s+)?(?:chief\s+executive|chief\s+of\s+staff|"
    r"cabinet\s+member(?:\s+for\s+[a-z][a-z ,&]{2,60}?)?|policy\s+adviser|policy\s+advisor|"
    r"chief\s+constable|chief\s+fire\s+officer|chief)$"
)


def split_offices(phrase: str) -> list[str]:
    """'Executive Director Housing and Land and Interim CEO of OPDC': each office of a phrase
    that joins two with " and " (one phrase when it names one)."""
    both = _TWO_OFFICES.fullmatch(phrase)
    return [both.group("first"), both.group("second")] if both else [phrase]


def _too_long(phrase: str, limit: int = 12) -> bool:
    """An office is at most `limit` words; two joined by " and " at most `limit` each."""
    return any(len(part.split()) > limit for part in split_offices(phrase))


def _office_facts(doc: Doc, m, span: tuple[int, int]) -> None:
    text = doc.text
    both = _TWO_OFFICES.fullmatch(text, span[0], span[1])
    if both:  # "BreatheLife Ambassador and Founder of the Ella Roberta Family Foundation": two offices
        _office_facts(doc, m, (span[0], both.end("first")))
        _office_facts(doc, m, (both.start("second"), span[1]))
        return
    former = _AND_FORMER.search(text, span[0], span[1])
    if former:
        _office_facts(doc, m, (span[0], former.start()))
        _office_facts(doc, m, (former.end(), span[1]))
        return
    phrase = " ".join(text[span[0] : span[1]].split())
    evidence = (min(m.start, span[0]), max(m.end, span[1]))
    person: Entity = m.entity
    if any(
        x.entity.label == "Person"
        and x.entity.id != person.id
        and x.kind not in ("office", "ner")  # (the statistical tagger's "Standard Life" is a firm)
        and text[x.end : x.end + 2] not in ("'s", "’s")  # "Sadiq’s Deputy Mayor for Housing"
        and not (text[x.start - 2 : x.start] == ", " and x.end >= span[1])  # "Director, Metro Dynamics"
        for x in doc.mentions.between(*span)
    ):
        return  # "(Vice- Andrew Dismore AM Councillor Stephen Knight AM Chair": a flattened table's row
    if any(
        x.entity.label == "Person"
        and x.entity.id != person.id
        and x.kind == "ner"
        and is_first_name(x.entity.name.split()[0])
        for x in doc.mentions.between(*span)
    ) or ((listed := _NAME_AND.match(phrase)) is not None and is_first_name(listed.group("first"))):
        return  # "Housing Secretary Michael Gove on Friday, Mr Khan", "apologies from Chris Boothman,
        # Graham Speed and the Commissioner": another person's name, not the office's words
    party = _PARTY.match(phrase)
    if party is None and phrase.lower().endswith(_SPOKES):
        # "London Assembly Liberal Democrat environment spokesperson": the party inside the title
        party = _PARTY_INSIDE.search(phrase)
    if party and not phrase.lower().endswith(_SPOKES):
        phrase = party.group(
            "rest"
        )  # (a party's spokesman is the party's post: "Conservative budget spokesman")
    member = bool(_MEMBER.match(phrase)) or bool(re.search(r"\bAM\b", text[m.start : m.end + 4]))
    # "Conservative Group leader": the party's group in the Assembly, as the words say
    # ("Labour's City Hall Police & Crime spokesperson", an Assembly Member on the page's date)
    assembly_word = (
        bool(re.search(r"(?i)\bassembly\b|^group\b|\bcity hall\b", phrase))
        or member
        or doc.registry.term("member-of-the-london-assembly", person.id, doc.ref_date) is not None
    )
    stated = False
    chair = _CHAIR.match(phrase)
    if _MEMBER.match(phrase) or party and _PARTY_MEMBERSHIP.fullmatch(phrase):
        stated = True  # ("Green Party member Jenny Jones": one of the party, no office)
    elif re.fullmatch(r"(?i)chair|chairman|chairwoman|chairperson", phrase) and (
        text[span[0] - 1 : span[0]] == "("
        or doc.genre == "question_answer"
        and re.search(r"\bthe\s+$", text[max(0, span[0] - 5) : span[0]])
    ):
        # a list of those present: "Brian Coleman (Chairman)" chairs the meeting's body; so does
        # "the Chairman, Roger Evans" at the meeting's questions
        body = meeting_body(doc)
        if body is not None:
            stated = doc.facts.add("CHAIRS", person, body, evidence, layer="apposition") is not None
    elif (
        _DEPUTY_CHAIR.fullmatch(phrase)
        and text[span[0] - 1 : span[0]] == "("
        and (body := meeting_body(doc)) is not None
    ):
        # "Léonie Cooper AM (Deputy Chair)" in a list of those present: deputy of the meeting's body
        post = post_entity(doc.registry, f"{phrase} of the {body.name}")
        stated = post is not None and post_fact(doc, person, post, evidence) is not None
    elif (
        text[span[0] - 1 : span[0]] == "("
        and _bare_title(doc, phrase)
        and (
            body := _officers_of(doc, m.start)
            or (meeting_body(doc) if not _POLICE_RANK.search(phrase) else None)
        )
        is not None
    ):
        # "Catherine Crawford (Chief Executive)" in a list of those present: an officer of the
        # body the list's heading names ("MPS officers"), else of the meeting's body
        joint = "to" if phrase.lower() == "clerk" else "of"
        post = post_entity(doc.registry, f"{phrase} {joint} the {body.name}")
        stated = post is not None and post_fact(doc, person, post, evidence) is not None
    elif spokes := _SPOKES_FOR.match(phrase):
        # "Andrew Butler, a spokesman for the pressure group People for the Ethical Treatment of
        # Animals": he speaks as one of the body
        at = doc.mentions.at(span[0] + spokes.start("body"))
        body = (
            at.entity
            if at is not None and at.entity.label == "Organization"
            else _body(doc, spokes.group("body"))
        )
        if body is not None:
            stated = doc.facts.add("MEMBER_OF", person, body, evidence, layer="apposition") is not None
    elif chair:
        body = _body(doc, chair.group("body"))
        if body is None:  # a body the registry does not know, named as such in the text
            at = doc.mentions.at(span[0] + phrase.find(chair.group("body"))) if chair.group("body") else None
            body = at.entity if at is not None and at.entity.label == "Organization" else None
        if body is not None:
            stated = doc.facts.add("CHAIRS", person, body, evidence, layer="apposition") is not None
    elif (not _BARE.match(phrase) or phrase[:1].isupper()) and not _holds_a_verb(doc, span):
        post = post_entity(doc.registry, phrase)
        if post is not None and not _BARE.match(post.name):
            stated = post_fact(doc, person, post, evidence) is not None
    elif (
        (post := post_entity(doc.registry, phrase)) is not None
        and doc.registry.get(post.id) is not None
        and doc.registry.term(post.id, person.id, doc.ref_date) is not None
    ):
        # "George Osborne, the chancellor": a bare title, where the registry says he held it then
        stated = post_fact(doc, person, post, evidence) is not None
    if stated and member:
        assembly = doc.registry.find("London Assembly")
        if assembly is not None:
            doc.facts.add("MEMBER_OF", person, assembly.entity, evidence, layer="apposition")
    if stated and party:
        named = party_entity(doc.registry, party.group("party"), group=bool(assembly_word))
        if named is not None:
            doc.facts.add("MEMBER_OF", person, named, evidence, layer="apposition")


_MEETING_OF = re.compile(
    r"(?i)\b(?:meeting|minutes)\s+of\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:meeting\s+of\s+(?:the\s+)?)?"
)


def _bare_title(doc: Doc, phrase: str) -> bool:
    """A title that names no body and no registry office ("Treasurer", "Deputy Chief Executive";
    not "Commissioner", which the registry knows, nor "Head of Secretariat")."""
    if not re.fullmatch(rf"(?i)(?:(?:deputy|assistant|acting|interim)\s+)?(?:chief\s+)?(?:{_HEADS})", phrase):
        return False
    post = post_entity(doc.registry, phrase)
    return post is None or doc.registry.find(post.name) is None


# a rank in a police or fire service, never an office of the authority that oversees it
_POLICE_RANK = re.compile(r"(?i)\b(?:commissioner|constable|commander|superintendent|inspector)\b")
# the heading of a list of officers: "MPS officers", "TfL staff"
_OFFICERS_HEADING = re.compile(r"(?P<org>[A-Z][\w&’'. -]{1,60}?)\s+(?i:officers|officials|staff)\s*:?")


def _officers_of(doc: Doc, at: int) -> Entity | None:
    """The body a list's heading names as the officers' own: the nearest line above that is not a
    list item."""
    end = doc.text.rfind("\n", 0, at)
    for _ in range(40):
        if end <= 0:
            return None
        start = doc.text.rfind("\n", 0, end) + 1
        line = doc.text[start:end].strip()
        end = start - 1
        if (
            not line
            or line[:1] in "•-*·–"
            or "(" in line
            or len(line.split()) <= 4
            and _NAMEISH.fullmatch(line)
        ):
            continue
        heading = _OFFICERS_HEADING.fullmatch(line)
        if heading is None:
            return None
        return _body(doc, heading.group("org"))
    return None


_NAMEISH = re.compile(r"(?:[A-Z][\w’'-]+\s*){1,4}")


def meeting_body(doc: Doc) -> Entity | None:
    """The body whose meeting a document records (see `meeting_body_of`)."""
    return meeting_body_of(doc.text, doc.mentions, doc.registry)


def meeting_body_of(text: str, mentions: DocMentions, registry: Registry) -> Entity | None:
    """The body whose meeting a document records: the one its head names ("Minutes of the
    inaugural meeting of the Metropolitan Police Authority", "Meeting: Transport Committee"),
    else the London Assembly on a page that names it; None on a page that names neither (a TfL
    Board's minutes are not the Assembly's)."""
    head = mentions.between(0, 400)
    for found in _MEETING_OF.finditer(text, 0, 400):
        at = next((m for m in head if found.end() - 4 <= m.start <= found.end()), None)  # ("the ...")
        if at is not None and at.entity.label == "Organization":
            return at.entity
    for m in head:
        if m.entity.label == "Organization" and m.entity.name.endswith(
            ("Committee", "Working Group", "Panel")
        ):
            return m.entity
    assembly = registry.find("London Assembly")
    if assembly is None or not (
        re.search(r"\bAssembly\b", text[:2000])  # "Minutes: Assembly"
        or any(m.entity.id == assembly.id for m in mentions.between(0, 2000))
    ):
        return None
    return assembly.entity


def _full_title(doc: Doc, m, named_people: set[str]) -> None:
    """'The mayor of London has ...' with the holder named in the document too."""
    surface = doc.text[m.start : m.end]
    words = [w for w in surface.split() if w.lower() != "the"]
    if m.post is None or len(words) < 2 or m.entity.id not in named_people:
        return
    if no_longer_held(doc.text, m.start):
        return
    if said_of_another(doc.text, m.start):
        # "Val Shawcross would take over as the chair of ...": the office is the clause subject's
        lo = max(doc.sentences[doc.sentence_index(m.start)][0] if doc.sentences else 0, m.start - 80)
        people = [
            x for x in doc.mentions.between(lo, m.start) if x.entity.label == "Person" and x.kind != "office"
        ]
        if people:
            post_fact(doc, people[-1].entity, m.post, (people[-1].start, m.end))
        return
    post_fact(doc, m.entity, m.post, (m.start, m.end))


# what opens a phrase about a time or a manner, never an office: "Boris Johnson, during a visit to
# City Hall by ...", "as mayor, Sadiq ..."
_NOT_AN_OFFICE_OPENING = re.compile(
    r"(?i)^(?:during|as|after|before|in|at|on|with|while|when|since|following|from|by|speaking|"
    r"visiting|pictured|seen|standing|left|right|centre)\b"
)
# "Deputy Mayor for Fire and Resilience and former Assembly Member": two offices, the second past
_AND_FORMER = re.compile(r"\s+and\s+(?=(?:a\s+)?former\b)", re.I)


def _holds_a_verb(doc: Doc, span: tuple[int, int]) -> bool:
    """Whether the parse reads a finite verb inside the phrase ("Mike Barton, Durham's chief
    constable attributed the force's success to ..."): a clause, not an office."""
    sdoc = doc.parsed.get(doc.sentence_index(span[0]))
    if sdoc is None:
        return False
    offset = sdoc.user_data["offset"]
    return any(
        t.pos_ in ("VERB", "AUX")  # ("Cllr Peter John, has written to the prime minister")
        and t.tag_ in ("VBD", "VBZ", "VBP", "MD")
        and span[0] <= offset + t.idx < span[1]
        and doc.mentions.at(offset + t.idx) is None  # ("Surface Transport, TfL": a name read as a verb)
        for t in sdoc
    )


def post_fact(doc: Doc, person: Entity, post: Entity, evidence: tuple[int, int], layer: str = "apposition"):
    """HOLDS_OFFICE of a post; a chair's post is CHAIRS of its body, a member's MEMBER_OF."""
    if _NOT_AN_OFFICE_OPENING.match(post.name) or re.search(r"(?i)\s(?:of|for|and|the|to|in)$", post.name):
        return None  # ("Chairman of", a name the text broke off)
    post = _the_holders_post(doc, person, post, doc.text[evidence[0] : evidence[1]])
    chair = _CHAIR.match(post.name)
    if chair:
        body = _body(doc, chair.group("body"))
        return doc.facts.add("CHAIRS", person, body, evidence, layer=layer) if body is not None else None
    founder = _FOUNDER.match(post.name)
    if founder:
        body = _body(doc, founder.group("body")) or _named(doc, founder.group("body"))
        return doc.facts.add("ESTABLISHED", person, body, evidence, layer=layer) if body is not None else None
    member = re.match(r"(?i)^member\s+of\s+(?:the\s+)?(?P<body>.+)$", post.name)
    if member:
        body = _body(doc, member.group("body"))
        return doc.facts.add("MEMBER_OF", person, body, evidence, layer=layer) if body is not None else None
    generic = _OF_THE_BODY.search(post.name)
    if generic:
        # "appointed as Vice-Chair of the Authority" in the Authority's minutes: its office
        body = _meeting_body_called(doc, generic.group("word"))
        if body is None:
            return None
        post = post_entity(doc.registry, f"{post.name[: generic.start()]} of the {body.name}") or post
    return doc.facts.add("HOLDS_OFFICE", person, post, evidence, layer=layer)


def _the_holders_post(doc: Doc, person: Entity, post: Entity, words: str) -> Entity:
    """A bare title the registry reads as another post ("Mike Brown MVO Commissioner" in TfL's
    minutes is not the Met's Commissioner): the post of the same title the registry has the
    person hold, when it has one and not the post read."""
    reg = doc.registry
    entry = reg.get(post.id)
    if entry is None or not entry.holders or any(h.person == person.id for h in entry.holders):
        return post
    if any(name.lower() in words.lower() for name in (entry.name, *entry.aliases) if " " in name):
        return post  # the words name that post in full ("Deputy Mayor for Government Relations")
    head = _HEAD.findall(words.lower())
    for own in reg.posts_of(person.id):
        if own.id != entry.id and head and any(h in own.name.lower() for h in head):
            if not doc.ref_date or reg.term(own.id, person.id, doc.ref_date) is not None:
                return own.entity
    return post


# a body named only by its kind: "Chair of the Authority", "Vice-Chair of the Committee"
_GENERIC_BODY = r"(?P<word>Authority|Committee|Board|Panel|Commission|Forum)"
_OF_THE_BODY = re.compile(rf"\s+of\s+the\s+{_GENERIC_BODY}$")


def _meeting_body_called(doc: Doc, word: str) -> Entity | None:
    """The meeting's body when "the Authority" (or Committee, Board ...) can only mean it."""
    body = meeting_body(doc)
    return body if body is not None and word.lower() in body.name.lower() else None


def _named(doc: Doc, words: str) -> Entity | None:
    """A body or programme the document names with these words (found by the linker)."""
    name = re.sub(r"^the\s+", "", " ".join(words.split()).strip(" ,.;:"), flags=re.I)
    for m in doc.mentions.mentions:
        if m.entity.name == name and m.entity.label in ("Organization", "Programme"):
            return m.entity
    return None


def _body(doc: Doc, words: str) -> Entity | None:
    name = " ".join(words.split()).strip(" ,.;:")
    name = re.sub(r"^the\s+", "", name, flags=re.I)
    name = re.sub(r"\s*\([A-Za-z]{2,8}\)$", "", name)  # "Transport for London (TfL)": its name again
    if not name:
        return None
    if re.fullmatch(_GENERIC_BODY, name):
        return _meeting_body_called(doc, name)  # "Chair of the Authority": no body called "Authority"
    forms = [name, re.sub(r"^(?:London\s+)?Assembly(?:'s|’s)?\s+", "", name, flags=re.I)]
    for form in forms:
        entry = doc.registry.find(form)
        if entry is not None and entry.label == "Organization":
            return entry.entity
    short = forms[-1]
    if short != name and short:
        cap = " ".join(w[:1].upper() + w[1:] for w in short.split())
        entry = doc.registry.find(cap)
        if entry is not None and entry.label == "Organization":
            return entry.entity
    return Entity(name=name, label="Organization", id=slug(name))
