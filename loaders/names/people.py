"""People by pattern: a title and capitalised names, or capitalised names in a context that
makes them a person.

"Commander Clair Kelland", "Baroness Anne Longfield CBE" and "Lord Duvall of Woolwich OBE AM"
are people by their title; "Jo Bloggs" is a person only where the text says so (followed by
"said" or ", leader of", post-nominals, a signature block, an office and a comma before). A name
found this way is the registry's person when the registry knows it, and a name written short
("Sir Mark", "Mr Khan") is the one person it can stand for, in the registry or the document.
"""

from __future__ import annotations

import re

from graph.facts import Entity, slug
from loaders.names.bounded import Bounded
from loaders.names.focus import is_first_name
from loaders.names.heads import ORG_HEADS, PROGRAMME_HEADS
from loaders.names.mentions import Mention
from loaders.names.stopwords import NOT_NAME
from loaders.registry import Registry, RegistryEntry

__all__ = ["HONORIFICS", "TITLES", "HONORIFIC_WORDS", "COURTESY_WORDS", "POST_NOMINALS", "PersonFinder"]

# courtesy titles and forms of address before a name ("Sir", "Cllr", "The Rt Hon")
HONORIFICS = (
    "The Rt Hon",
    "Rt Hon",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Baroness",
    "Baron",
    "Dr",
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Professor",
    "Prof",
    "Cllr",
    "Councillor",
    "Reverend",
    "Revd",
    "Rev",
)
# ranks and titles a person's name may follow: police ranks, then the honorifics
TITLES = (
    "Deputy Assistant Commissioner",
    "Assistant Commissioner",
    "Deputy Commissioner",
    "Detective Chief Superintendent",
    "Detective Superintendent",
    "Chief Superintendent",
    "Superintendent",
    "Detective Chief Inspector",
    "Detective Inspector",
    "Chief Inspector",
    "Chief Constable",
    "Commander",
    "Inspector",
    "Sergeant",
    "Constable",
    *HONORIFICS,
)
HONORIFIC_WORDS = frozenset(t.split()[-1] for t in TITLES) | {"The", "Rt", "Hon"}
# the words of the courtesy titles alone (no ranks): "Sir", "Cllr", "Rt", "Hon"
COURTESY_WORDS = frozenset(w for h in HONORIFICS for w in h.split())
POST_NOMINALS = (  # honours and offices written after a name (one list for the linker and the cleaners)
    "OBE",
    "CBE",
    "MBE",
    "KBE",
    "DBE",
    "KCB",
    "CB",
    "MVO",
    "LVO",
    "CVO",
    "KCVO",
    "BEM",
    "QPM",
    "KPM",
    "QFSM",
    "KC",
    "QC",
    "AM",
    "MP",
    "MEP",
    "JP",
    "DL",
    "PC",
    "FRS",
    "PhD",
)
# a possessive ends a name: "Boris Johnson's Annual Report" is not a person called "Johnson's Annual"
_NAME = r"[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]+(?:(?:-|'(?!s\b))[A-Z\u00c0-\u00de]?[a-z\u00df-\u00ff]+)*"
_MCNAME = r"(?:Mc|Mac|O')[A-Z][a-z]+"
_NAMEWORD = f"(?:{_MCNAME}|{_NAME})"
_POSTNOM = r"(?:,?[ ](?:" + "|".join(POST_NOMINALS) + r")\b)*"


_TITLE_RE = "(?:" + "|".join(re.escape(t) for t in TITLES) + r")\.?"
_TITLED_PERSON = Bounded(
    rf"(?P<title>{_TITLE_RE})[ ](?P<name>{_NAMEWORD}(?:[ ]{_NAMEWORD}){{0,2}}(?:[ ]of[ ]{_NAMEWORD})?)(?P<post>{_POSTNOM})",
    "w",
)
_PLAIN_NAME = Bounded(rf"(?P<name>{_NAMEWORD}(?:[ ]{_NAMEWORD}){{1,2}})(?P<post>{_POSTNOM})", "w")
# Context after a bare capitalised pair that makes it a person.
_PERSON_AFTER = re.compile(
    r"(?:,?[ ](?:said|says|told|added|warned|explained|stressed|claimed|revealed|argued|insisted|asked|"
    r"wrote|tweeted|replied|responded|commented|noted|urged|called)\b|,[ ](?:the[ ]|a[ ]|an[ ])?"
    # ", Senior Policy Officer", ", BreatheLife Ambassador and Founder of": a few capitalised words
    # of the title before its head word
    r"(?:[A-Z][\w-]*[ ]){0,3}"
    r"(?:(?i:(?:deputy[ ]|assistant[ ]|executive[ ]|managing[ ]|regional[ ]|general[ ]|acting[ ]|interim[ ])?"
    r"(?:leader|chair|chairman|chairwoman|member|head|chief[ ]executive|director|spokesperson|spokesman|"
    r"spokeswoman|founder|co-founder|commissioner|minister|secretary|mayor|president|councillor|"
    r"chief[ ]constable|chief[ ]officer|chief[ ]of[ ]staff|lead|manager|coordinator|organiser|ambassador|officer|adviser|"
    r"advisor|campaigner|researcher|professor|analyst|economist|trustee|patron|campaigns?[ ]officer))"
    r"|the[ ][A-Z][\w']*'s)\b"
    # "Richard Barnes (Deputy Chair)", "Catherine Crawford (Clerk)": a list of those present
    r"|[ ]\((?:[A-Z][\w-]*[ ]){0,3}(?i:(?:deputy|vice|assistant|acting)[ -])?"
    r"(?i:chair(?:man|woman|person)?|clerk|treasurer|commissioner|director|head|secretary|mayor|leader|"
    r"executive|officer|manager|adviser|advisor|solicitor|commander)\b)"
)
# An office and a comma right before a name: "the Director of Public Health, Jo Bloggs".
_OFFICE_BEFORE = re.compile(
    r"(?i:mayor|minister|secretary|commissioner|chair|chairman|chairwoman|director|leader|executive|officer|"
    r"adviser|advisor|lead|head|president|spokesperson|spokesman|spokeswoman)"
    r"(?:[ ](?:for|of|to)[ ][^,.;:\n]{1,60})?,[ ]$"
)
# Words right before a bare name that make it a person: "built by", "Commissioner", "said".
_NAME_AFTER_WORD = re.compile(
    r"(?:\b(?:by|said|according to)|[Cc]ommissioner|[Ll]eader|[Mm]ayor|[Cc]hair|[Cc]hairman|[Cc]hairwoman"
    # a title in lower case right before: "deputy chief of staff James McGrath", "transport secretary X"
    r"|\b(?:staff|secretary|minister|chancellor|spokesman|spokeswoman|spokesperson|councillor)"
    # an office with its remit: "former Minister for London Nick Raynsford"
    r"|\b(?:Minister|Secretary|Mayor|Commissioner|Director|Chair|Leader)[ ](?:of|for)[ ](?:the[ ])?"
    r"[A-Z][\w&’'-]*(?:[ ](?:and[ ])?[A-Z][\w&’'-]*){0,3})[ ,]*$"
)
# right before a capitalised run: what the run is the name of ("Chief Executive at Big Issue")
_OF_A_BODY = re.compile(r"\b(?:of|at)[ ](?:the[ ])?$")
_OFFICE_LINE = re.compile(
    r"(?:Mayor|Chair|Deputy|Commissioner|Chief|Director|Leader|Member|Head|Secretary|Minister|Executive|Assembly|London)\b"
)


def _signature_context(folded: str, start: int, end: int) -> bool:
    """A name alone on its line, followed by a line naming an office (signature or address blocks).

    Scans only the blanks around the name, never the whole line: a document of one 20 MB line
    has many candidate names, and looking at the full line for each was quadratic."""
    i = start - 1
    while i >= 0 and folded[i] != "\n" and folded[i].isspace():
        i -= 1
    if i >= 0 and folded[i] != "\n":
        return False  # something else before the name on its line
    line_end = end
    while line_end < len(folded) and folded[line_end] in " ,":
        line_end += 1
    if line_end < len(folded) and folded[line_end] != "\n":
        return False  # something else after it
    nxt = folded[line_end : line_end + 120].lstrip("\n ")
    return bool(_OFFICE_LINE.match(nxt))


# party words that may open a run of capitalised words before a name (not as a surname: "Green"
# only counts with two more words after it)
_PARTY_FIRST = frozenset(
    {"Labour", "Tory", "Tories", "Lib-Dem", "Lib-Dems", "LibDem", "Conservative", "Green", "UKIP", "Ukip"}
)


_TRAILING_TITLES = frozenset({"Councillor", "Cllr", "Councilor"})


class PersonFinder:
    """The registry's people indexed by honorific and first name and by surname, and the person
    patterns run against them: a name found in a text links to the registry's person when it can."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.by_first: dict[tuple[str, str], list[RegistryEntry]] = {}
        self.by_last: dict[str, list[RegistryEntry]] = {}
        self.by_given: dict[str, list[RegistryEntry]] = {}
        for entry in registry:
            if entry.label == "Person":
                parts = entry.name.split()
                if len(parts) >= 2:
                    for h in entry.honorifics:
                        self.by_first.setdefault((h, parts[0]), []).append(entry)
                    self.by_last.setdefault(parts[-1], []).append(entry)
                    self.by_given.setdefault(parts[0], []).append(entry)

    def find(self, folded: str, people: dict[str, Entity]) -> list[Mention]:
        """Titled names, then bare names in a context that makes them people; `people` collects
        the persons found (the document's own, for short names later on)."""
        reg = self.registry
        found: list[Mention] = []
        for m in _TITLED_PERSON.finditer(folded):
            name = m.group("name")
            words = name.split()
            if words[0] in NOT_NAME and words[0] not in ("Lord",):
                continue
            end = m.end()
            if len(words) > 2 and words[-1] in _TRAILING_TITLES:
                # "Councillor Oonagh Moulton Councillor JP": a flattened table's next title
                name = " ".join(words[:-1])
                end = m.start("name") + len(name)
            ent = self.resolve(name, m.group("title"), people)
            if ent is None:
                continue
            found.append(Mention(m.start(), end, ent, "person"))
        pos = 0
        while True:
            m = _PLAIN_NAME.search(folded, pos)
            if m is None:
                break
            pos = m.end()
            name = m.group("name")
            words = name.split()
            bad = [i for i, w in enumerate(words) if w in NOT_NAME or w in ORG_HEADS or w in PROGRAMME_HEADS]
            if not bad and len(words) > 2 and words[0] in _PARTY_FIRST:
                bad = [0]  # "Lib-Dem Lynne Featherstone": a party word, then the name
            if not bad and len(words) == 3 and (rest := reg.find(" ".join(words[1:]))) is not None:
                bad = (
                    [0] if rest.label == "Person" else []
                )  # "Chancellor George Osborne": a title, then a known person
            if bad:
                # retry just after the offending word ("Met Commissioner Jo Bloggs")
                pos = m.start() + len(" ".join(words[: bad[-1] + 1])) + 1
                continue
            if len(words) == 3 and words[-1] in _TRAILING_TITLES or words[0] in _TRAILING_TITLES:
                # "Fiona Colley Councillor (Vice-Chair)", "Councillor Councillor AM AM AM": a
                # flattened table's titles, no name (a titled name is read above)
                continue
            after = folded[m.end() : m.end() + 60]
            has_post = bool(m.group("post").strip(", "))
            before = folded[max(0, m.start() - 40) : m.start()]
            if not has_post and _OF_A_BODY.search(before) and not is_first_name(words[0]):
                continue  # "Chief Executive of Homeless Link, said": the body's name, not a person's
            if not (
                has_post
                or _PERSON_AFTER.match(after)
                or _signature_context(folded, m.start(), m.end())
                or _NAME_AFTER_WORD.search(before)
                or (
                    folded.startswith(", ", m.start() - 2)
                    and _OFFICE_BEFORE.search(folded, max(0, m.start() - 90), m.start())
                )
            ):
                continue
            known = reg.find(name)
            if known is not None and known.label != "Person":
                continue
            ent = self.resolve(name, None, people)
            if ent is None:
                continue
            found.append(Mention(m.start(), m.end(), ent, "person"))
        return found

    def resolve(self, name: str, title: str | None, people: dict[str, Entity]) -> Entity | None:
        """The person a name found by pattern stands for: the registry's, one already named in the
        document (for a single name or a peer's "X of Y"), else a new Person; None when the name is
        the registry's non-person or a lone word naming no one known."""
        reg = self.registry
        words = name.split()
        title = (title or "").rstrip(".")
        known = reg.find(name) or (reg.find(f"{title} {name}") if title else None)
        if known is not None and known.label == "Person":
            people[known.id] = known.entity
            return known.entity
        if known is not None:
            return None
        if len(words) == 1 or (len(words) >= 3 and words[1] == "of"):
            # "Sir Mark", "Lord Duvall of Woolwich": a back-reference or a peer's title; to someone
            # the document has named in full first
            own = [e for e in people.values() if e.name.split()[-1] == words[0]]
            if len(words) == 1 and len(own) == 1:
                return own[0]
            cands = self.by_first.get((title, words[0]), []) if title else []
            cands = cands or [e for e in self.by_last.get(words[0], []) if title in e.honorifics or not title]
            if len(cands) == 1:
                people[cands[0].id] = cands[0].entity
                return cands[0].entity
            for ent in people.values():
                parts = ent.name.split()
                if parts[0] == words[0] or parts[-1] == words[0]:
                    return ent
            if len(words) == 1:
                return None
            full = f"{title} {name}".strip()
            ent = Entity(name=full, label="Person", id=slug(full), props=(("title", title),))
            people[ent.id] = ent
            return ent
        misspelt = self._misspelt(words)
        if misspelt is not None:
            people[misspelt.id] = misspelt.entity
            return misspelt.entity
        ent = Entity(name=name, label="Person", id=slug(name), props=(("title", title),) if title else ())
        people.setdefault(ent.id, ent)
        return people[ent.id]

    def _misspelt(self, words: list[str]) -> RegistryEntry | None:
        """The registry's one person with this first name and a surname one letter off ("Ken
        Livinstone"), or this surname and a first name one letter off ("Jeanette Arnold" for
        Jennette Arnold), for names long enough that one letter does not make another name."""
        if len(words) != 2:
            return None
        near = []
        if len(words[1]) >= 7:
            near = [
                e
                for e in self.by_given.get(words[0], [])
                if len(e.name.split()) == 2 and _one_edit(e.name.split()[1], words[1])
            ]
        if not near and len(words[0]) >= 6:
            near = [
                e
                for e in self.by_last.get(words[1], [])
                if len(e.name.split()) == 2 and _one_edit(e.name.split()[0], words[0])
            ]
        return near[0] if len(near) == 1 else None


def _one_edit(a: str, b: str) -> bool:
    """Whether two words differ by one inserted, deleted or replaced letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]
