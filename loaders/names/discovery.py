"""Bodies, programmes and inquiries found by the shape of their names.

A name the registry does not hold is still a name when its shape says what it names: a
capitalised phrase ending in a head word ("... Council", "... Partnership Executive", "... Support
Service"), a lower-case inquiry ("the national inquiry", "a national re-investigation"), a named
audit ("the Casey audit"), an apposition that says what a name is ("London TravelWatch, the
independent watchdog"), or a capitalised name before a lower-case head ("the Homes for London
Families scheme"). Canonical names of discovered things follow one rule (`canonical_np`): the
noun phrase without leading articles, "new" and similar, with "reinvestigation" spelled
"re-investigation".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from graph.facts import Entity, slug
from loaders.names.bounded import Bounded
from loaders.names.heads import HEAD_WORDS, INQUIRY_HEADS, ORG_HEADS, PROGRAMME_HEADS
from loaders.names.linescan import LineScan
from loaders.names.mentions import Mention
from loaders.names.stopwords import LEADING_WORDS, NOT_NAME
from loaders.registry import Registry

__all__ = [
    "LOWER_INQUIRY",
    "NAMED_INQUIRY",
    "CAP_SEQ",
    "APPOSITIVE_TYPE",
    "NAMED_LOWER_HEAD",
    "canonical_np",
    "cap_sequences",
    "discover_named",
    "named_mentions",
    "named_by_context",
]

LOWER_INQUIRY = Bounded(
    r"(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|its|their|[Hh]is|[Hh]er)[ ](?P<np>(?:(?:new|national|independent|public|"
    r"statutory|full|joint|London-wide|pan-London|government|wider|historic|rapid|local|separate|major|"
    r"criminal|police|official|fresh|nationwide|UK-wide|ongoing|targeted)[ ]){1,3}"
    r"(?:inquiry|enquiry|review|re-investigation|reinvestigation|investigation|operation|audit|inspection))\b",
    "w-",
)
NAMED_INQUIRY = Bounded(
    r"(?P<np>(?:[A-Z][a-z]+[ ])(?:[Aa]udit|[Rr]eview|[Ii]nquiry|[Ee]nquiry|[Rr]eport|[Ii]nspection))\b", "w-"
)
_OPERATION = Bounded(r"(?P<np>Operation[ ][A-Z][a-z]+)\b", "w-")
CAP_SEQ = Bounded(
    r"(?P<np>[A-Z][\w'&-]*(?:[ ](?:(?:of|and|for|on|in|the|&)[ ]){0,2}[A-Z][\w'&-]*){0,9})", "w'-"
)
_PAN = "pan-London "


def cap_sequences(text: str, scan: LineScan | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of capitalised words ("Violence and Exploitation Support Service"),
    with a "pan-London " prefix kept ("pan-London Stalking Service"); with a LineScan, only on the
    lines holding a body, programme or inquiry word."""
    for m in scan.finditer(CAP_SEQ, "cap_head") if scan is not None else CAP_SEQ.finditer(text):
        s = m.start()
        if (
            s >= len(_PAN)
            and text.startswith(_PAN, s - len(_PAN))
            and CAP_SEQ.allowed_at(text, s - len(_PAN))
        ):
            s -= len(_PAN)
        yield s, m.end()


# "London TravelWatch, the independent watchdog for ...": the apposition says what the name is
APPOSITIVE_TYPE = Bounded(
    r"(?P<name>(?:St[ ])?[A-Z][\w'&-]*(?:[ ](?:(?:of|and|for|the|on|&)[ ])?[A-Z][\w'&.-]*){0,5}),[ ]"
    r"(?:the|a|an)[ ](?:(?!(?:of|at|for|to|in|with|by|on|from|and|who|which|that)\b)[\w'-]+[ ]){0,4}?"
    r"(?P<head>watchdog|charity|service|body|organisation|organization|union|group|agency|trust|network|programme|"
    r"scheme|fund|helpline|company|firm|provider|regulator|partnership|board|committee|unit|council|"
    r"think[ ]tank|initiative|project|database|hub|centre|coalition|alliance|forum|association|federation|"
    r"society|foundation|institute|campaign|collective|consortium|social[ ]enterprise)\b"
    # the head word ends the apposition's noun phrase ("a charity worker" is a person)
    r"(?=[ ]?[,.;:)]|$|[ ](?:for|in|of|on|at|to|from|by|with|and|that|which|who|whose|where|based|set|run|"
    r"founded|funded|led|created|established|launched|working|representing|supporting)\b)",
    "w'-",
)
_APPOSITIVE_PROGRAMME = frozenset(
    ["service", "programme", "scheme", "fund", "initiative", "project", "database", "hub", "campaign"]
)
# "the Homes for London Families scheme": a capitalised name with a lower-case head word
NAMED_LOWER_HEAD = Bounded(
    r"(?:the|a|an|its|his|her|their|our|my|new)[ ]"
    r"(?P<np>(?P<cap>[A-Z][\w'&-]*(?:[ ](?:(?:of|and|for|the|on|&)[ ])?[A-Z][\w'&-]*){0,5})[ ]"
    r"(?P<head>scheme|programme|fund|service|strategy|plan|project|initiative|charter|campaign|pilot|network|"
    r"partnership|grant|board|hub|taskforce|helpline|framework|forum|alliance|panel|unit|team))\b",
    "w-",
)
# "a new service, Energy Advice London,", "announces new service Energy Advice London", "a scheme
# called Safer Streets": the kind of thing first, then its name
TYPE_THEN_NAME = Bounded(
    r"(?:(?:the|a|an|its|his|her|their|our|my)[ ](?:new[ ]|free[ ]|dedicated[ ]|pan-London[ ])?|new[ ])"
    r"(?P<head>service|scheme|programme|fund|initiative|project|campaign|helpline|network|partnership|"
    r"taskforce|hub|app|website|charity|body|unit)(?:,[ ]|[ ](?:called|named|known[ ]as)[ ]|[ ])"
    r"(?P<name>[A-Z][\w'&-]*(?:[ ](?:(?:of|and|for|the|on|&)[ ])?[A-Z][\w'&-]*){1,5})(?=[ ]?[,.;:)\n]|$|[ ][a-z])",
    "w-",
)
_HONORIFICS = frozenset(
    ["Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady", "Baroness", "Cllr", "Councillor"]
)
_TYPE_ORGS = frozenset(["network", "partnership", "taskforce", "charity", "body", "unit"])
_LOWER_HEAD_ORGS = frozenset(
    ["network", "partnership", "board", "helpline", "forum", "alliance", "panel", "unit", "team"]
)

_LEAD_WORDS = re.compile(
    r"^(?:(?:the|a|an|this|that|these|those|its|their|his|her|our|my|new|existing|current|proposed|recently|"
    r"launched|announced|so-called|brand|newly|established|dedicated|specialist)\s+)+",
    re.IGNORECASE,
)


def canonical_np(np: str) -> str:
    """The name of a discovered thing: the phrase without leading articles and 'new'."""
    np = " ".join(np.split())
    np = _LEAD_WORDS.sub("", np)
    np = re.sub(r"\breinvestigation", "re-investigation", np)
    np = np.strip(" ,.;:-'\"")
    return np


_ROLE_PREFIX = re.compile(
    r"(?:(?:Deputy|Assistant|Executive|Managing|Acting|Interim|Vice)[ ])?(?:Chief[ ]Executive(?:[ ]Officer)?|CEO|"
    r"Director|Chair|Chairman|Chairwoman|Vice-Chair|Head|Leader|President|Founder|Co-founder|Spokesperson|"
    r"Members?|Membership|Trustee|Patron)[ ](?:of|at|for)[ ](?:the[ ])?"
)


_TITLE_AFTER_AND = frozenset(
    "Chief Chair Chairman Chairwoman Director Head Leader President Founder Co-founder Commissioner "
    "Ambassador Trustee Patron".split()
)


def discover_named(folded: str, start: int, end: int, reg: Registry) -> list[tuple[int, int, Entity]]:
    """A capitalised phrase ending in a body, programme or inquiry word becomes an entity; one
    joining names with " and the " gives each of them, in text order."""
    extra: list[tuple[int, int, Entity]] = []
    last = _discover(folded, start, end, reg, extra)
    return [*extra, *([last] if last else [])]


def _discover(
    folded: str, start: int, end: int, reg: Registry, extra: list[tuple[int, int, Entity]]
) -> tuple[int, int, Entity] | None:
    """The name ending text[start:end]; names before a " and the " in it are added to `extra`."""
    np = folded[start:end]
    cut = np.rfind(" and the ")
    if cut >= 0:
        first = _discover(folded, start, start + cut, reg, extra)
        start += cut + len(" and the ")
        np = folded[start:end]
        if first is not None:
            extra.append(first)
    words = np.split(" ")
    # drop sentence-initial function words that do not belong to a name
    while words and words[0] in LEADING_WORDS:
        start += len(words[0]) + 1
        words = words[1:]
    # "the Met's Roads Command": the possessor is another mention; the name follows it
    for k in range(len(words) - 2, -1, -1):
        if words[k].endswith(("'s", "s'")):
            start += len(" ".join(words[: k + 1])) + 1
            words = words[k + 1 :]
            break
    # "TfL in the Spending Review": a known body, a preposition, then the name
    for k in range(1, len(words) - 1):
        if (
            words[k] in ("in", "on", "at", "and", "to", "from", "with")
            and reg.find(" ".join(words[:k])) is not None
        ):
            skip = k + 1 + (words[k + 1 : k + 2] == ["the"])
            start += len(" ".join(words[:skip])) + 1
            words = words[skip:]
            break
    # "Chief Executive of the X Trust" names a role in X, not a body: X is the name (also after
    # other titles: "BreatheLife Ambassador and Founder of the Ella Roberta Family Foundation")
    role = next(reversed(list(_ROLE_PREFIX.finditer(" ".join(words)))), None)
    if role and (role.start() == 0 or " ".join(words)[role.start() - 1] == " "):
        start += role.end()
        words = " ".join(words)[role.end() :].split(" ")
    # "Liberal Democrat London Assembly", "London's Violence Reduction Unit": a known body with
    # modifiers in front; the registry name is the mention
    for k in range(1, len(words) - 1):
        if reg.find(" ".join(words[k:])) is not None:
            return None
    # "the NFCC X Committee and Chief Fire Officer": an office after " and " is not in the name
    for k in range(1, len(words) - 1):
        if words[k] == "and" and words[k + 1] in _TITLE_AFTER_AND:
            words = words[:k]
            break
    while words and words[-1] in ("of", "and", "for", "on", "in", "the", "&"):
        words = words[:-1]
    if len(words) < 2:
        return None
    head = words[-1].rstrip(".'")
    if _head_first(words):
        # "the Association of London Government", "the Department for Communities and Local
        # Government's (DCLG) fund": a body's head word may open its name
        if words[-1].endswith("'s"):
            words[-1] = words[-1][:-2]
        head = words[0]
    if head.endswith("'s"):
        return None
    if head in ORG_HEADS:
        label = "Organization"
    elif head in PROGRAMME_HEADS:
        label = "Programme"
    elif head in INQUIRY_HEADS:
        label = "Inquiry"
    else:
        return None
    name = " ".join(words)
    if reg.find(name) is not None:
        return None
    if (
        any(w.isupper() and len(w) > 1 for w in words[:1])
        and len(words) == 2
        and words[0] in ("MPS", "NHS", "GLA")
    ):
        return None
    name = canonical_np(name)
    if not name or len(name.split()) < 2:
        return None
    return start, start + len(" ".join(words)), Entity(name=name, label=label, id=slug(name))


# head words that may open a body's name, before "of" or "for" and its capitalised remit
_HEAD_FIRST = frozenset(
    {"Department", "Ministry", "Office", "Association", "Institute", "Federation", "Confederation", "Society",
     "Commission", "Agency", "Authority", "Academy", "College", "University", "Union", "Chamber", "Council"}
)  # fmt: skip
# what follows "Board of", "Council of" without naming a body ("the Council of Members")
_NOT_A_REMIT = frozenset({"Trustees", "Directors", "Members", "Governors", "Management", "Members'"})


def _head_first(words: list[str]) -> bool:
    return (
        len(words) >= 3
        and words[0] in _HEAD_FIRST
        and words[1] in ("of", "for")
        and words[-1].removesuffix("'s") not in _NOT_A_REMIT
        and words[-1][:1].isupper()
    )


def named_mentions(folded: str, scan: LineScan, reg: Registry) -> list[Mention]:
    """Inquiries by their words ("the national inquiry", "the Casey audit", "Operation Sceptre"),
    then capitalised names ending in a head word, as `discover_named` reads them."""
    found: list[Mention] = []
    for rx, label in (
        (LOWER_INQUIRY, "Inquiry"),
        (NAMED_INQUIRY, "Inquiry"),
        (_OPERATION, "Programme"),
    ):
        group = "lower_inquiry" if rx is LOWER_INQUIRY else "inquiry"
        for m in scan.finditer(rx, group) if rx is not _OPERATION else rx.finditer(folded):
            np = canonical_np(m.group("np"))
            if not np:
                continue
            first = np.split()[0]
            if rx is NAMED_INQUIRY and (first in NOT_NAME or reg.find(first) is not None):
                continue
            ent = Entity(name=np, label=label, id=slug(np))
            found.append(Mention(m.start("np"), m.end("np"), ent, "discovered"))
    for start, end in cap_sequences(folded, scan):
        if not HEAD_WORDS.intersection(folded[start:end].replace(".", " ").replace("'", " ").split()):
            continue  # discover_named keeps only phrases ending in a body, programme or inquiry word
        for s, e, ent in discover_named(folded, start, end, reg):
            if _A_TITLE.fullmatch(ent.name):
                continue  # "Chief Executive", "Executive Director": an office, not a body
            found.append(Mention(s, e, ent, "discovered"))
    return found


# titles that end in a body word ("executive"): "Chief Executive", "Deputy Chief Executive Officer"
_A_TITLE = re.compile(
    r"(?i)(?:(?:deputy|assistant|acting|interim|joint|group)\s+)*(?:chief|executive)\s+"
    r"(?:executive|director|officer)(?:\s+officer)?"
)


def named_by_context(
    folded: str, known: set[tuple[int, int]], scan: LineScan, reg: Registry
) -> list[Mention]:
    """Names whose kind the sentence states: an apposition ("X, the independent watchdog for
    ..."), a lower-case head ("the X Families scheme"). `known`: spans already taken by a
    stronger reading (registry names, money-named programmes)."""
    out: list[Mention] = []
    for m in scan.finditer(APPOSITIVE_TYPE, "appositive"):
        s, e = m.start("name"), m.end("name")
        words = m.group("name").split(" ")
        while words and words[0] in LEADING_WORDS:
            s += len(words[0]) + 1
            words = words[1:]
        name = " ".join(words)
        if not words or (s, e) in known or reg.find(name) is not None:
            continue
        if len(words) == 1 and (words[0] in NOT_NAME or len(words[0]) < 3):
            continue
        label = "Programme" if m.group("head") in _APPOSITIVE_PROGRAMME else "Organization"
        out.append(Mention(s, e, Entity(name=name, label=label, id=slug(name)), "discovered"))
    for m in TYPE_THEN_NAME.finditer(folded):
        s, e = m.start("name"), m.end("name")
        name = m.group("name")
        words = name.split()
        if (
            (s, e) in known
            or reg.find(name) is not None
            or words[0] in NOT_NAME
            or words[0] in LEADING_WORDS
            or words[0].rstrip(".") in _HONORIFICS
        ):
            continue
        label = "Organization" if m.group("head") in _TYPE_ORGS else "Programme"
        out.append(Mention(s, e, Entity(name=name, label=label, id=slug(name)), "discovered"))
    for m in scan.finditer(NAMED_LOWER_HEAD, "lower_head"):
        cap = m.group("cap")
        if reg.find(cap) is not None or cap in NOT_NAME or cap.endswith("'s"):
            continue
        name = m.group("np")
        label = "Organization" if m.group("head") in _LOWER_HEAD_ORGS else "Programme"
        out.append(
            Mention(m.start("np"), m.end("np"), Entity(name=name, label=label, id=slug(name)), "discovered")
        )
    return out
