"""Letters: the Mayor's replies to London Assembly motions, and letters generally.

Layout read (loaders.genre's general reading finds the blocks)::

    MAYOR OF LONDON
    Lord Duvall of Woolwich OBE AM              <- addressee and office
    Chair of the London Assembly
    Our ref: MGLA270226-5105
    Date: 20 April 2026
    Dear Len,
    London Assembly (Mayor's Question Time) Meeting, 26 February 2026 – ...   <- subject line
    ... my reply to each of the budget-related motions is below.
    Motion 1 – Supporting London's Grooming Victims
    ...
    Yours sincerely,
    Sadiq Khan                                   <- signatory and office
    Mayor of London

Facts (layer "layout"): for each motion heading, the body that agreed it (the meeting's body in
the subject line, else the addressee's) ASKED the signatory (about = the heading, date = the
meeting), and the signatory REPLIED_TO that body (date = the letter's); without motion headings,
a reply sentence ("my reply to ...") gives REPLIED_TO alone. The signature and address blocks
give HOLDS_OFFICE, or CHAIRS for a chair's office. The body of the letter is a zone whose speaker
is the signatory, so "I" and "we" in it are the signatory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.facts import Entity, slug
from loaders.actors import resolve_name
from loaders.document import Doc, Zone
from loaders.genre import POSTCODE, flat_salutation
from loaders.layouts.base import add_statement, first_date, lines, trim
from loaders.names.focus import is_first_name
from loaders.names.heads import ORG_HEADS
from loaders.names.people import HONORIFIC_WORDS
from loaders.quotes.marks import in_quotation_marks

NAME = "letter"

_CHAIR = re.compile(r"^(?:Chair|Chairman|Chairwoman)\s+(?:of\s+)?(?:the\s+)?(?P<body>.+)$", re.I)
_LETTERHEAD_MAYOR = re.compile(r"^\s*MAYOR\s+OF\s+LONDON\s*$", re.M)
_MAYOR_REF = re.compile(r"^[ ]*Our[ ]ref(?:erence)?[ ]*:?[ ]*MGLA", re.M | re.I)  # the Mayor's office
# "Dear Paul,"; to several, the first: "Dear Sadiq, Cressida,", "Dear Councillor Campbell, dear Elizabeth,
# dear Leadership Team," (names after the commas, not a first sentence: "Dear Sadiq, I am writing ...")
_DEAR_NAME = re.compile(
    r"^[ ]*Dear[ ](?P<name>[^\n,]{2,80}?)(?:,[ ]*(?:[Dd]ear[ ])?[A-Z][\w’'-]*(?:[ ][A-Z][\w’'-]*){0,3})*,?[ ]*$",
    re.M,
)
_THANKS = re.compile(
    r"\b(?:(?:[Tt]hank[ ]you[ ]for|[Ii]n[ ](?:response|reply)[ ]to|[Ff]urther[ ]to|[Ii][ ]am[ ]writing[ ]in[ ]"
    r"(?:response|reply)[ ]to)[ ]your[ ](?:recent[ ])?|[Ii][ ]am[ ](?:responding|replying)[ ]to[ ](?:your[ ]|the[ ]|"
    r"two[ ]|three[ ]|several[ ])?)(?:letters?|e-?mails?|messages?|questions?|motions?|petition|"
    r"correspondence)\b[^\n.]*\.?"
)
_YOUR_QUESTIONS = re.compile(r"\byour[ ]questions?\b")


def detect(doc: Doc) -> bool:
    return doc.legacy is not None and doc.legacy.genre == "letter"


def read(doc: Doc) -> None:
    info = doc.legacy
    text = doc.text
    doc.genre = "letter"
    doc.date = info.date or doc.date
    doc.ref_date = info.ref_date or doc.date or doc.ref_date
    heading = _heading(doc)  # first: a heading's "dated ..." is the date offices are read on
    signatory = _block_person(doc, info.author, info.author_office, info.author_span)
    if signatory is None and info.author and info.author.count(",") >= 2:
        # "David Lammy MP, Sadiq Khan MP, Jon Cruddas MP, ...": a joint letter, its first signatory
        signatory = _block_person(doc, info.author.split(",")[0], None, None)
    if signatory is None and info.sender:
        # "Green Party Group Darren Johnson AM": the last three words if the registry knows them,
        # else the last two
        words = info.sender.split()
        for n in (3, 2):
            candidate = " ".join(words[-n:])
            if len(words) >= n and (n == 2 or doc.registry.find(candidate) is not None):
                signatory = _block_person(doc, candidate, None, info.sender_span)
                break
    if signatory is None and (_LETTERHEAD_MAYOR.search(text[:300]) or _MAYOR_REF.search(text[:3000])):
        holder = doc.registry.holder("mayor-of-london", doc.ref_date)
        signatory = holder.entity if holder else None
    if heading is not None:  # "Letter from Boris Johnson", "Letter from the Home Secretary to ..."
        signatory = signatory or heading.writer
    addressee = heading.to if heading is not None else None
    if addressee is None:
        addressee = _block_person(doc, info.addressee, info.addressee_office, info.addressee_span)
    if addressee is None:
        addressee = _dear(doc)
    if signatory is None:
        signatory = _flat_sender(doc, addressee)
    if signatory is None and addressee is not None:
        signatory = _writing_for(doc) or _introduced_writer(doc)
    doc.author = signatory
    doc.addressee = addressee
    asker = _body(doc, info.meeting) or _body_of_office(doc, info.addressee_office) or addressee
    body_start = info.subject_span[1] if info.subject_span else 0
    if info.subject_span and info.subject_span[1] - info.subject_span[0] > 120:
        body_start = info.subject_span[0]  # a "subject line" that runs on into the letter's words
    body_end = info.author_span[0] if info.author_span else len(text)
    if signatory is not None and body_end > body_start:
        doc.zones.append(Zone("letter", body_start, body_end, speaker=signatory, addressee=addressee))
        if not info.motions:  # a reply to motions answers them: what it states, not the whole
            _letter_said(doc, signatory, body_start, body_end)
    if signatory is None or asker is None:
        return
    for motion in info.motions:
        span = (motion.start, motion.end)
        doc.facts.add(
            "ASKED", asker, signatory, span, layer="layout", date=info.meeting_date, about=motion.heading
        )
        reply = info.reply_span or span
        doc.facts.add(
            "REPLIED_TO", signatory, asker, reply, layer="layout", date=info.date, about=motion.heading
        )
    if not info.motions and info.reply_span:
        doc.facts.add(
            "REPLIED_TO", signatory, asker, info.reply_span, layer="layout", date=info.date, about=info.title
        )
    thanks = _THANKS.search(text, 0, body_end) if not info.motions and not info.reply_span else None
    if thanks:
        # "Thank you for your email of 2 March ...": the letter answers whoever wrote
        doc.facts.add("REPLIED_TO", signatory, asker, thanks.span(), layer="layout", date=info.date)
        asked = _YOUR_QUESTIONS.search(text, thanks.start(), body_end)
        if asked:  # "... you taking the time to put your questions to me"
            doc.facts.add("ASKED", asker, signatory, _sentence(text, *asked.span()), layer="layout")
    requests = _REQUEST.finditer(text, body_start, body_end) if not info.motions and not thanks else ()
    # (a request the letter quotes is someone else's: 'Residents told us: “Will you stop ...?”')
    request = next((r for r in requests if not in_quotation_marks(text, r.start())), None)
    if request and addressee is not None and addressee.id != signatory.id:
        # a letter that asks something of its addressee: "I urge you to ...", "I suggest that you
        # withdraw it", "Could you tell me ...?"
        span = _sentence(text, *request.span())
        doc.facts.add("ASKED", signatory, addressee, span, layer="layout", date=info.date, about=info.title)


# the closing words of a letter, before its signature
_CLOSING_WORDS = re.compile(
    r"^(?:Yours[ ](?:sincerely|faithfully|truly|ever)|(?:With[ ])?(?:best|kind)[ ](?:wishes|regards)|Regards)[ ,.]*$",
    re.I,
)


def _letter_said(doc: Doc, signatory: Entity, start: int, end: int) -> None:
    """A letter is its writer's statement: one SAID whose text joins its prose paragraphs between
    the salutation and the closing, each a piece of evidence (as a quoted block is). Letterhead,
    address, date and signature lines are short and unpunctuated: not prose."""
    dear = _salutation(doc)
    if dear is not None and start <= dear.start() < end:
        start = dear.end()
    paragraphs = [
        (s, e)
        for s, e, line in lines(doc.text, start, end)
        if not _CLOSING_WORDS.match(line) and (len(line) > 60 or line[-1:] in '.?!”’"')
    ]
    add_statement(doc, signatory, paragraphs, doc.date)


# a writer's request of the one the letter is to
_REQUEST = re.compile(
    r"\b(?:I|[Ww]e)[ ](?:would[ ]|therefore[ ]|again[ ]|strongly[ ]|now[ ])?(?:urge|ask|request|implore|call[ ]on"
    r"|invite|expect|encourage)[ ]you\b"
    r"|\b(?:I|[Ww]e)[ ](?:would[ ])?(?:suggest|recommend|propose)[ ]that[ ]you\b"
    r"|(?<!\b[Aa]s[ ])\b[Yy]ou[ ]must[ ](?!know|have|be[ ]aware)\w"
    r"|\b(?:I|[Ww]e)[ ]would[ ]be[ ](?:grateful|pleased)[ ]if[ ]you\b"
    r"|\b(?:I|[Ww]e)[ ]would[ ]welcome[ ](?:the[ ]opportunity|a[ ]meeting)\b"
    r"|\b(?:[Cc]an|[Cc]ould|[Ww]ill|[Ww]ould)[ ]you[ ][^.?!\n]{0,200}\?"
)


# a page's heading that names the writer, and whom it is to: "Letter from Boris Johnson", "Open letter
# from the Mayor", "Letter from the Home Secretary to the Metropolitan Police Commissioner and the Mayor
# of London, dated 22 March 2022"
_FROM_TO = re.compile(
    r"(?:(?:[Aa]n?|AN?)[ ]+)?(?:(?:[Oo]pen|OPEN)[ ]+)?(?:[Ll]etter|LETTER)[ ]+(?:from|From|FROM)[ ]+(?P<writer>[^\n]{2,80}?)"
    r"(?:[ ]+(?:to|TO)[ ]+(?P<to>[^\n]{2,120}?))?"
    r"(?:,?[ ]+(?:dated|on|re|regarding|about|concerning)\b[^\n]*|[ ]*[(:][^\n]*)?"
)


# the same the other way round: "Open Letter to Sadiq Khan, Mayor of London from London Cycling Campaign"
_TO_FROM = re.compile(
    r"(?:(?:[Aa]n?|AN?)[ ]+)?(?:(?:[Oo]pen|OPEN)[ ]+)?(?:[Ll]etter|LETTER)[ ]+(?:to|To|TO)[ ]+(?P<to>[^\n]{2,120}?)[ ]+(?:from|From|FROM)[ ]+"
    r"(?P<writer>(?:the[ ]+)?[A-Z][^\n]{1,80}?)"
)


@dataclass(frozen=True)
class Heading:
    writer: Entity | None
    to: Entity | None  # the first addressee


def _heading(doc: Doc) -> Heading | None:
    """Writer and (first) addressee, if it says, a heading in the page's first lines names, each as the
    registry resolves it on the letter's date. The heading's own date ("..., dated 22 March
    2022") is the letter's: it is set on the document first."""
    m = None
    for start, _end, line in lines(doc.text, 0, min(len(doc.text), 2000)):
        if start >= 400:
            break
        m = _FROM_TO.fullmatch(line) or _TO_FROM.fullmatch(line)
        if m is not None:
            break
    if m is None:
        return None
    dated = first_date(line)
    if dated:
        doc.ref_date = dated
        doc.date = doc.date or dated

    def actor(name: str) -> Entity | None:
        named = resolve_name(doc.registry, name, doc.ref_date)
        if named is not None:
            return named.actor if named.actor.label in ("Person", "Organization") else None
        words = name.split()  # a body the registry does not know: "London Cycling Campaign"
        if len(words) >= 2 and words[-1] in _BODY_WORDS:
            return Entity(name=name.strip(), label="Organization", id=slug(name))
        return None

    to = m.group("to") or ""
    addressees = [a for a in (actor(n) for n in re.split(r",[ \t]*|[ \t]+and[ \t]+", to)) if a]
    return Heading(actor(m.group("writer")), addressees[0] if addressees else None)


def _dear(doc: Doc) -> Entity | None:
    """Whom "Dear ..." names, when the address block did not say: a person or body the registry
    knows, or a body named as such ("Dear Churchfields School Council")."""
    m = _salutation(doc)
    if m is None:
        return None
    name = m.group("name").strip()
    named = resolve_name(doc.registry, name, doc.ref_date)
    if named is not None and named.actor.label in ("Person", "Organization"):
        return named.actor
    if " " not in name:  # "Dear Sadiq," to the Sadiq Khan the letter's head names: the last full name
        # with that first name before the salutation, the address block's ("Rt Hon Stephen Byers MP
        # Secretary of State ... Dear Stephen,"; "to Ken Clark ... Dear Ken," after "Ken Livingstone")
        full = [
            f"{name} {x.group('surname')}"
            for x in re.finditer(
                rf"\b{re.escape(name)}[ ](?P<surname>[A-Z][a-z’'-]+)\b", doc.text[: m.start()]
            )
            if x.group("surname") not in _NOT_FIRST
        ]
        if full:
            return _person(doc, full[-1])
        own = [p for p in _people_before(doc, m.start()) if p.name.split()[0] == name]
        if len(own) == 1:
            return own[0]
        mayor = doc.registry.holder("mayor-of-london", doc.ref_date)
        if mayor is not None and mayor.name.split()[0] == name:
            return mayor.entity  # "Dear Boris," in 2012: the Mayor, whom London's letters write to most
    titled = _TITLE_SURNAME.fullmatch(name)
    if titled is not None:  # "Dear Mayor Khan,", "Dear Mr Barwell MP,"
        return _by_surname(doc, titled.group("title"), titled.group("surname"), m.start())
    if len(name.split()) >= 2 and name.split()[-1] in ORG_HEADS:
        return Entity(name=name, label="Organization", id=slug(name))
    return None


_TITLE_SURNAME = re.compile(
    r"(?P<title>Mayor|Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Sir|Dame|Commissioner|Minister|Chancellor)\.?"
    r"[ ](?P<surname>[A-Z][\w’'-]+)(?:[ ](?:MP|AM|MEP|OBE|CBE|MBE|QPM))*"
)


def _by_surname(doc: Doc, title: str, surname: str, before: int) -> Entity | None:
    """Whom a title and a surname address: the holder of that office on the letter's date when the
    surname is theirs ("Mayor Khan"), else the one person of that surname the letter's head names
    ("Mr Gavin Barwell MP ... Dear Mr Barwell MP"), else the registry's one person of that surname."""
    office = resolve_name(doc.registry, title, doc.ref_date) if title in ("Mayor", "Commissioner") else None
    if office is not None and office.actor.label == "Person" and office.actor.name.split()[-1] == surname:
        return office.actor
    head = {p.id: p for p in _people_before(doc, before) if p.name.split()[-1] == surname}
    if len(head) == 1:
        return next(iter(head.values()))
    written = {
        f"{first} {surname}"
        for first in re.findall(rf"\b([A-Z][a-z’'-]+)[ ]{re.escape(surname)}\b", doc.text[:before])
        if first not in _NOT_FIRST
    }
    if len(written) == 1:
        return _person(doc, written.pop())
    known = {e.id: e.entity for e in doc.registry if e.label == "Person" and e.name.split()[-1] == surname}
    return next(iter(known.values())) if len(known) == 1 else None


# capitalised words before a surname that are not a first name ("Dear Mr Barwell", "Mayor Khan")
_NOT_FIRST = HONORIFIC_WORDS | {"Dear", "Mayor", "Minister", "Chancellor"}


def _person(doc: Doc, name: str) -> Entity:
    """The registry's entry of a full name the letter writes, else a person of that name."""
    entry = doc.registry.find(name)
    return entry.entity if entry is not None else Entity(name=name, label="Person", id=slug(name))


def _salutation(doc: Doc) -> re.Match | None:
    """The letter's "Dear ...," (on its own line, or in a copy run onto one line)."""
    return _DEAR_NAME.search(doc.text, 0, 3000) or flat_salutation(doc.text[:3000])


# a letter that names no writer but whom it writes for: "I am writing as the Chief Executive Officer
# of the Heart of London Business Alliance (HOLBA) to ...", "I am writing to you to formally state
# Harrow Council’s opposition to ..."
_WRITING_FOR = re.compile(
    r"\bI[ ]am[ ]writing[ ](?:to[ ]you[ ])?(?:(?P<as>as|on[ ]behalf[ ]of)[ ](?:the[ ])?"
    r"(?:[A-Z][\w ]{0,60}?[ ]of[ ](?:the[ ])?)?|[^.\n]{0,60}?[ ])"
    r"(?P<body>[A-Z][\w&-]*(?:[ ](?:of[ ]|and[ ]|&[ ])?[A-Z][\w&-]*){0,6})"
    r"(?P<poss>['’]s[ ](?:opposition|objection|support|position|views?|concerns?|response))?"
)
_BODY_WORDS = ORG_HEADS | {
    "Alliance",
    "Council",
    "Group",
    "Association",
    "Campaign",
    "Trust",
    "Forum",
    "Federation",
}


# a report that introduces the letter it prints: "This morning Ken Livingstone has written to Boris
# Johnson, calling on him to ... You can read the letter below: Dear Boris,"
_INTRODUCED = re.compile(
    r"(?P<writer>[A-Z][a-z’'-]+(?:[ ][A-Z][a-z’'-]+){1,2})[ ](?:has[ ]|have[ ])?(?:written|wrote|writes)[ ]to\b"
)


def _introduced_writer(doc: Doc) -> Entity | None:
    """The writer a report names before the letter it prints (the text before its salutation)."""
    dear = _salutation(doc)
    if dear is None:
        return None
    writers = list(_INTRODUCED.finditer(doc.text, 0, dear.start()))
    if not writers:
        return None
    name = writers[-1].group("writer")
    named = resolve_name(doc.registry, name, doc.ref_date)
    if named is not None and named.actor.label in ("Person", "Organization"):
        return named.actor
    if is_first_name(name.split()[0]):
        return Entity(name=name, label="Person", id=slug(name))
    return None


def _writing_for(doc: Doc) -> Entity | None:
    """The body a letter's first person writes for, from its opening words."""
    m = _WRITING_FOR.search(doc.text, 0, 3000)
    if m is None or not (m.group("as") or m.group("poss")):
        return None
    name = m.group("body")
    named = resolve_name(doc.registry, name, doc.ref_date)
    if named is not None and named.actor.label == "Organization":
        return named.actor
    if len(name.split()) >= 2 and name.split()[-1] in _BODY_WORDS:
        return Entity(name=name, label="Organization", id=slug(name))
    return None


def _flat_sender(doc: Doc, addressee: Entity | None) -> Entity | None:
    """Who wrote a letter copied onto one line ("From the Secretary of State The Rt. Hon. Grant
    Shapps ... Sadiq Khan ... Mayor of London ... Dear Sadiq, ..."): the person the letterhead names
    before the salutation who is not its addressee, when there is one such person."""
    dear = flat_salutation(doc.text[:3000])
    if dear is None:
        return None
    people = [
        p
        for p in _people_before(doc, dear.start())
        if (addressee is None or p.id != addressee.id) and p.name.split()[0] != dear.group("name").split()[0]
    ]
    return people[0] if len(people) == 1 else None


def _people_before(doc: Doc, end: int) -> list[Entity]:
    """The registry's people a letter's head names before `end` (before any mention is linked)."""
    people: dict[str, Entity] = {}
    for m in _HONOURED_NAME.finditer(doc.text, 0, end):  # "Cllr Stephen Cowan", "Baroness Vere of Norbiton"
        if " of " in m.group(0):  # a peer's title is the name the page knows them by (as the linker does)
            people[slug(m.group(0))] = Entity(name=m.group(0), label="Person", id=slug(m.group(0)))
            continue
        named = resolve_name(doc.registry, m.group(0), doc.ref_date)
        if named is not None and named.actor.label == "Person":
            people[named.actor.id] = named.actor
    for m in _NAME_WORDS.finditer(doc.text, 0, end):
        words = m.group(1).split(" ")
        for name in (" ".join(words), " ".join(words[:2])):  # "Grant Shapps Department": the first two
            entry = doc.registry.find(name)
            if entry is not None and entry.label == "Person":
                people[entry.id] = entry.entity
                break
    return list(people.values())


_HONOURED_NAME = re.compile(
    r"\b(?:Cllr|Councillor|Baroness|Lord|Lady|Sir|Dame)[ ][A-Z][a-z’']+(?:[ ]of[ ][A-Z][a-z’']+|[ ][A-Z][a-z’']+(?:-[A-Z][a-z’']+)?)\b(?!-)"
)
_NAME_WORDS = re.compile(r"(?<![\w’'-])(?=([A-Z][a-z’'-]+(?:[ ][A-Z][a-z’'-]+){1,2}))")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    s = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [k for k in (text.find(".", end), text.find("\n", end)) if k != -1]
    e = min(stops) + 1 if stops else len(text)
    return trim(text, s, e)


_ADDRESS_LINE = re.compile(
    r"^\s*(?:City\s+Hall|London|The\s+Queen['’]s\s+Walk)\s*$|\b(?:Road|Street|House|Walk|Square|Lane|Town\s+Hall)\b"
)


def _block_person(
    doc: Doc, name: str | None, office: str | None, span: tuple[int, int] | None
) -> Entity | None:
    """The person of a signature or address block, and the office printed under the name."""
    if not name:
        return None
    named = resolve_name(doc.registry, name, doc.ref_date)
    if named is None or named.actor.label != "Person":
        return None
    person = named.actor
    if office and span is not None:
        ev = trim(doc.text, *span)
        for line in office.splitlines():  # a signature may print several offices, one a line
            if _ADDRESS_LINE.search(line) or POSTCODE.search(line):
                continue  # "City Hall", "The Queen's Walk", "London SE1 2AA": where, not what
            chair = _CHAIR.match(line.strip())
            if chair:
                body = _body(doc, chair.group("body"))
                if body is not None:
                    doc.facts.add("CHAIRS", person, body, ev, layer="layout")
                continue
            post = resolve_name(doc.registry, f"{name}, {line}", doc.ref_date)
            if post is not None and post.post is not None:
                doc.facts.add("HOLDS_OFFICE", person, post.post, ev, layer="layout")
    return person


def _body(doc: Doc, name: str | None) -> Entity | None:
    if not name:
        return None
    entry = doc.registry.find(name.strip(" ,")) or doc.registry.find(re.sub(r"\s*\(.*\)$", "", name).strip())
    return entry.entity if entry is not None and entry.label == "Organization" else None


def _body_of_office(doc: Doc, office: str | None) -> Entity | None:
    """ "Chair of the London Assembly" writes for the London Assembly."""
    if not office:
        return None
    m = re.match(
        r"^(?:Chair|Chairman|Clerk|Member|Deputy\s+Chair)\s*(?:of|,)\s*(?:the\s+)?(?P<body>.+)$",
        office.strip(),
        re.I,
    )
    return _body(doc, m.group("body")) if m else None
