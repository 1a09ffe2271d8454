"""Finding and linking mentions of people, bodies, posts, programmes and inquiries in a text.

Linking is done on a *folded* copy of the text (curly quotes, dashes and no-break spaces made
plain, one character for one) so that every offset is an offset into the document's own text.

What it recognises, in order of precedence (a longer mention wins over a shorter one):

1. Registry names: long names and aliases case-insensitively ("the Met", "Mayor's Office for
   Policing and Crime"), abbreviations and one-word aliases case-sensitively ("MPS", "Met").
2. People by pattern: a title and capitalised names ("Commander Clair Kelland", "Baroness Anne
   Longfield CBE", "Lord Duvall of Woolwich OBE AM"), or capitalised names in a context that
   makes them a person (followed by "said", ", leader of", post-nominals ...).
3. Back-references once a person is known in the document (or unique in the registry):
   surname alone ("Hall"), honorific and first name ("Sir Mark"), title and surname ("Mr Khan").
4. Bodies and programmes by name pattern: capitalised phrases ending in a body or programme word
   ("... Council", "... Trust", "... Partnership Executive", "... Support Service"),
   lower-case inquiries ("the national inquiry", "a national re-investigation"), named audits
   ("the Casey audit") and money-named programmes ("a new £2.4m package of support").
5. Posts ("the Mayor", "the Commissioner", "the Chair") resolved to who holds them: a holder
   named beside the post in this document first, then the registry's holder at the document's
   date, otherwise the Post itself.
6. Definite references back to something already mentioned: "the money", "the funds" -> the
   last money-named programme; "the force" -> the last police force; "the board" -> the last
   body named "... Board".

Canonical names of discovered things follow one rule: the noun phrase without leading articles,
"new" and similar, with "reinvestigation" spelled "re-investigation". Money-named programmes are
keyed on amount and kind so that "£2.4m package", "£2.4million funding package" and "£2.4m fund"
are one node named "£2.4m package" (fund, funding, package and pot are one kind; grant,
programme, scheme and inquiry keep their own word).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from graph.facts import Entity, slug

try:  # optional speed-up for registry look-ups (pinned in pyproject.toml)
    import ahocorasick
except ImportError:  # pragma: no cover - the regex path gives the same mentions
    ahocorasick = None
from loaders.registry import Registry, RegistryEntry

__all__ = [
    "fold",
    "Mention",
    "DocMentions",
    "Linker",
    "linker_for",
    "money_programme_name",
    "ORG_HEADS",
    "PROGRAMME_HEADS",
    "INQUIRY_HEADS",
]

_FOLD = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2011": "-",
        "\u2010": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\t": " ",
    }
)


_FOLD_PAIRS = tuple((chr(k), v) for k, v in _FOLD.items())
_FOLD_ANY = re.compile("[" + "".join(re.escape(chr(k)) for k in _FOLD) + "]")
_last_fold: tuple[str, str] = ("", "")


def fold(text: str) -> str:
    """Plain quotes, dashes and spaces; same length as `text`, so offsets carry over.

    The genre detector and the linker fold the same text in turn: the last result is kept.
    str.replace per character present is several times faster than str.translate here."""
    global _last_fold
    if _last_fold[0] is text:
        return _last_fold[1]
    out = text
    if _FOLD_ANY.search(text) is not None:
        for a, b in _FOLD_PAIRS:
            if a in out:
                out = out.replace(a, b)
    _last_fold = (text, out)
    return out


ORG_HEADS = frozenset(
    [
        "Council",
        "Councils",
        "Trust",
        "Trusts",
        "Agency",
        "Partnership",
        "Executive",
        "Board",
        "Boards",
        "Commission",
        "Authority",
        "Helpline",
        "Foundation",
        "Charity",
        "Office",
        "Department",
        "Committee",
        "Group",
        "Society",
        "Association",
        "Unit",
        "Centre",
        "Center",
        "Network",
        "Alliance",
        "Institute",
        "University",
        "College",
        "Hospital",
        "Hospitals",
        "Police",
        "Inspectorate",
        "Panel",
        "Forum",
        "Ministry",
        "Federation",
        "Union",
        "Company",
        "Ltd",
        "Limited",
        "Bank",
        "Court",
        "Tribunal",
        "Party",
        "Coalition",
        "Consortium",
        "Secretariat",
        "Directorate",
        "Constabulary",
        "Force",
        "Brigade",
        "Agency",
        "Watchdog",
        "Organisation",
        "Organization",
        "Charity",
        "Cabinet",
        "Parliament",
        "Assembly",
        "Executive",
        "Services",
        "Command",
        "Directorate",
    ]
)
PROGRAMME_HEADS = frozenset(
    [
        "Service",
        "Programme",
        "Program",
        "Scheme",
        "Fund",
        "Strategy",
        "Plan",
        "Project",
        "Initiative",
        "Campaign",
        "Package",
        "Pilot",
        "Framework",
        "Charter",
        "Pledge",
        "Taskforce",
        "Hub",
        "Grant",
        "Grants",
        "Standard",
        "Standards",
    ]
)
INQUIRY_HEADS = frozenset(
    [
        "Inquiry",
        "Enquiry",
        "Review",
        "Audit",
        "Inspection",
        "Investigation",
        "Reinvestigation",
        "Re-investigation",
    ]
)

LOWER_ORG_HEADS = frozenset(
    [
        "board",
        "boards",
        "council",
        "councils",
        "trust",
        "trusts",
        "partnership",
        "partnerships",
        "agency",
        "agencies",
        "charity",
        "charities",
        "authority",
        "authorities",
        "executive",
        "committee",
        "helpline",
        "organisations",
        "organizations",
        "groups",
    ]
)
LOWER_PROGRAMME_HEADS = frozenset(
    [
        "service",
        "services",
        "programme",
        "programmes",
        "scheme",
        "schemes",
        "fund",
        "package",
        "project",
        "projects",
        "pilot",
        "plan",
        "strategy",
        "advocates",
        "initiative",
        "initiatives",
        "provision",
    ]
)
LOWER_INQUIRY_HEADS = frozenset(
    [
        "inquiry",
        "enquiry",
        "review",
        "re-investigation",
        "reinvestigation",
        "investigation",
        "operation",
        "audit",
        "inspection",
    ]
)

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
    "Rev",
)
_HONORIFIC_WORDS = frozenset(t.split()[-1] for t in TITLES) | {"The", "Rt", "Hon"}
POST_NOMINALS = (
    "OBE",
    "CBE",
    "MBE",
    "KBE",
    "DBE",
    "CB",
    "QPM",
    "KPM",
    "KC",
    "QC",
    "AM",
    "MP",
    "MEP",
    "JP",
    "PC",
)
_NAME = r"[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]+(?:['-][A-Z\u00c0-\u00de]?[a-z\u00df-\u00ff]+)*"
_MCNAME = r"(?:Mc|Mac|O')[A-Z][a-z]+"
_NAMEWORD = f"(?:{_MCNAME}|{_NAME})"
_POSTNOM = r"(?:,?[ ](?:" + "|".join(POST_NOMINALS) + r")\b)*"


class Bounded:
    r"""A pattern that must not start right after certain characters (a leading look-behind such
    as (?<![\w-])), checked in Python. A look-behind at the start of a pattern stops the regex
    engine from skipping ahead to where a match can begin, which made these scans 5-50 times
    slower; the matches are the same, since a match refused here is searched again one
    character later, as the look-behind would have the engine do."""

    def __init__(self, pattern: str, not_after: str, flags: int = 0) -> None:
        self.rx = re.compile(pattern, flags)
        self.pattern = pattern
        self.word = "w" in not_after
        self.extra = not_after.replace("w", "")

    def _ok(self, text: str, start: int) -> bool:
        if start == 0:
            return True
        ch = text[start - 1]
        return not ((self.word and (ch.isalnum() or ch == "_")) or ch in self.extra)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(text) if endpos is None else endpos
        while True:
            m = self.rx.search(text, pos, end)
            if m is None or self._ok(text, m.start()):
                return m
            pos = m.start() + 1

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else endpos
        while pos <= end:
            m = self.search(text, pos, end)
            if m is None:
                return
            yield m
            pos = m.end() if m.end() > m.start() else m.start() + 1


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
    r"chief[ ]constable|chief[ ]officer|lead|manager|coordinator|organiser|ambassador|officer|adviser|"
    r"advisor|campaigner|researcher|professor|analyst|economist|trustee|patron|campaigns?[ ]officer))"
    r"|the[ ][A-Z][\w']*'s)\b)"
)
# Capitalised words that do not start or make a person's name.
_OFFICE_BEFORE = re.compile(
    r"(?i:mayor|minister|secretary|commissioner|chair|chairman|chairwoman|director|leader|executive|officer|"
    r"adviser|advisor|lead|head|president|spokesperson|spokesman|spokeswoman)"
    r"(?:[ ](?:for|of|to)[ ][^,.;:\n]{1,60})?,[ ]$"
)
_NOT_NAME = frozenset(
    [
        "The",
        "This",
        "That",
        "These",
        "Those",
        "A",
        "An",
        "In",
        "On",
        "At",
        "For",
        "From",
        "With",
        "By",
        "Of",
        "And",
        "But",
        "Or",
        "If",
        "When",
        "While",
        "As",
        "After",
        "Before",
        "Since",
        "During",
        "Our",
        "Their",
        "His",
        "Her",
        "Its",
        "My",
        "We",
        "They",
        "He",
        "She",
        "It",
        "I",
        "You",
        "Dear",
        "Yours",
        "Motion",
        "Question",
        "Answer",
        "London",
        "Londoners",
        "British",
        "English",
        "Mayor",
        "Assembly",
        "Police",
        "Met",
        "City",
        "Hall",
        "Government",
        "Home",
        "Office",
        "National",
        "Greater",
        "Metropolitan",
        "Chair",
        "Commissioner",
        "Deputy",
        "Secretary",
        "Minister",
        "Committee",
        "Council",
        "Service",
        "Services",
        "Notes",
        "Date",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Child",
        "Children",
        "Sexual",
        "Violence",
        "Independent",
        "Labour",
        "Conservative",
        "Conservatives",
        "Green",
        "Greens",
        "Reform",
        "Liberal",
        "Democrat",
        "Democrats",
        "Dem",
        "Dems",
        "Sign",
        "Share",
        "Leave",
        "Further",
        "Listen",
        "Send",
        "Published",
        "Updated",
        "Read",
        "More",
        "Related",
        "Any",
        "Every",
        "All",
        "Some",
        "Since",
        "Following",
        "Specifically",
        "Across",
        "Against",
        "Details",
        "Please",
        "Alternatively",
        "Also",
        "However",
        "Last",
        "Next",
        "Today",
        "Yesterday",
        "Tomorrow",
        "Street",
        "Road",
        "Lane",
        "Square",
        "Bridge",
        "Park",
        "Crown",
        "Royal",
        "Borough",
        "Court",
        "Prime",
        "General",
        "Inspector",
        "Inspectorate",
        "Chief",
        "Superintendent",
        "Commander",
        "Sir",
        "Lord",
        "Lady",
        "Dame",
        "Baroness",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Bank",
        "Express",
        "Standard",
        "Times",
        "Guardian",
        "Mail",
        "Mirror",
        "Sun",
        "Telegraph",
        "Evening",
        "News",
        "BBC",
        "Radio",
        "Facebook",
        "Instagram",
        "Twitter",
        "External",
        "Plenary",
        "Meeting",
        "Budget",
        "Strategy",
        "Plan",
        "Report",
        "Review",
        "Fund",
        "Trust",
        "Partnership",
        "Board",
    ]
)

_NOT_NAME = _NOT_NAME | frozenset(
    [
        "Later",
        "Earlier",
        "Then",
        "Meanwhile",
        "Now",
        "Speaking",
        "Asked",
        "Responding",
        "According",
        "Separately",
        "Elsewhere",
        "Instead",
        "Indeed",
        "Still",
        "Yet",
        "Finally",
        "First",
        "Second",
        "Third",
        "Overall",
        "Writing",
        "Both",
        "Neither",
        "Either",
        "Each",
        "Many",
        "Most",
    ]
)

_MONEY = re.compile(
    r"£\s?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(?P<unit>bn|billion|m|million|k|thousand)?\b"
    # up to three modifiers between the sum and its head ("£4.2m of new investment", "£8m winter plan"),
    # never a function word or a verb, so "£2m would fund ..." and "£5m a year for ..." are not names
    r"(?P<mid>(?:[ ](?:of|in|worth))?(?:[ ](?!(?:to|for|a|an|the|per|and|or|from|by|on|at|with|over|into|"
    r"towards|this|that|which|each|every|next|last|this|would|will|could|should|may|might|must|can|is|was|"
    r"are|were|be|been|has|have|had|directly|also|not|more|than|year|years|month|months|week|day)\b)"
    r"[a-z][a-z-]*){0,3})"
    r"[ ](?P<head>package|fund|funding|pot|grant|grants|programme|scheme|investment|boost|plan|inquiry|enquiry|review)s?\b"
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
    "inquiry": "inquiry",
    "enquiry": "inquiry",
    "review": "review",
}
_UNIT = {"bn": 1e9, "billion": 1e9, "m": 1e6, "million": 1e6, "k": 1e3, "thousand": 1e3, None: 1.0}

_LOWER_INQUIRY = Bounded(
    r"(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|its|their|[Hh]is|[Hh]er)[ ](?P<np>(?:(?:new|national|independent|public|"
    r"statutory|full|joint|London-wide|pan-London|government|wider|historic|rapid|local|separate|major|"
    r"criminal|police|official|fresh|nationwide|UK-wide|ongoing|targeted)[ ]){1,3}"
    r"(?:inquiry|enquiry|review|re-investigation|reinvestigation|investigation|operation|audit|inspection))\b",
    "w-",
)
_NAMED_INQUIRY = Bounded(
    r"(?P<np>(?:[A-Z][a-z]+[ ])(?:[Aa]udit|[Rr]eview|[Ii]nquiry|[Ee]nquiry|[Rr]eport|[Ii]nspection))\b", "w-"
)
_OPERATION = Bounded(r"(?P<np>Operation[ ][A-Z][a-z]+)\b", "w-")
_CAP_WORD = r"(?:[A-Z][\w'&.-]*|pan-London|&)"
_CAP_SEQ = Bounded(
    r"(?P<np>[A-Z][\w'&-]*(?:[ ](?:(?:of|and|for|on|in|the|&)[ ]){0,2}[A-Z][\w'&-]*){0,9})", "w'-"
)
_PAN = "pan-London "


def _cap_sequences(text: str, scan=None):
    """(start, end) of each run of capitalised words ("Violence and Exploitation Support Service"),
    with a "pan-London " prefix kept ("pan-London Stalking Service"); with a _LineScan, only on the
    lines holding a body, programme or inquiry word."""
    for m in scan.finditer(_CAP_SEQ, "cap_head") if scan is not None else _CAP_SEQ.finditer(text):
        s = m.start()
        if s >= len(_PAN) and text.startswith(_PAN, s - len(_PAN)) and _CAP_SEQ._ok(text, s - len(_PAN)):
            s -= len(_PAN)
        yield s, m.end()


_DEF_REF = Bounded(
    r"(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|[Tt]hese)[ ](?:(?:new|same|additional|extra|fresh|whole|"
    r"entire|independent|national|police|local)[ ])?(?P<head>money|funds|funding|fund|package|investment|cash|grant|force|board|"
    r"inquiry|enquiry|review|audit|operation|re-investigation|reinvestigation|partnership|executive|Executive|"
    r"Board|service|Service|helpline|pilot|programme|scheme|strategy|plan|trust|Trust|council|Council|committee|"
    r"Committee|Brigade|Authority|Agency|Unit|Foundation|£\d[\d,.]*(?:m|bn|k|million|billion)?)(?![\w-])",
    "w-",
)
# "London TravelWatch, the independent watchdog for ...": the apposition says what the name is
_APPOSITIVE_TYPE = Bounded(
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
_NAMED_LOWER_HEAD = Bounded(
    r"(?:the|a|an|its|his|her|their|our|my|new)[ ]"
    r"(?P<np>(?P<cap>[A-Z][\w'&-]*(?:[ ](?:(?:of|and|for|the|on|&)[ ])?[A-Z][\w'&-]*){0,5})[ ]"
    r"(?P<head>scheme|programme|fund|service|strategy|plan|project|initiative|charter|campaign|pilot|network|"
    r"partnership|grant|board|hub|taskforce|helpline|framework|forum|alliance|panel|unit|team))\b",
    "w-",
)
_LOWER_HEAD_ORGS = frozenset(
    ["network", "partnership", "board", "helpline", "forum", "alliance", "panel", "unit", "team"]
)
# offices named by their remit: "Deputy Mayor for Transport", "the deputy mayor for housing",
# "Secretary of State for Transport", "Minister for London"
_POST_TITLE = (
    r"(?:[Dd]eputy[ ][Mm]ayor|[Ss]ecretary[ ]of[ ][Ss]tate|[Mm]inister(?:[ ]of[ ][Ss]tate)?|[Cc]ommissioner|"
    r"[Cc]hief[ ][Ss]ecretary|[Cc]hief[ ][Aa]dviser|[Ss]pecial[ ][Aa]dviser)[ ](?:for|to)[ ]"
)
_POST_CAP = Bounded(
    r"(?P<post>" + _POST_TITLE + r"(?:the[ ])?[A-Z][\w'-]*"
    r"(?:[ ](?:and|&)[ ][A-Z][\w'-]*|[ ][A-Z][\w'-]*|(?:,[ ][A-Z][\w'-]*)+[ ](?:and|&)[ ][A-Z][\w'-]*)*)",
    "w-",
)
# "Mayor of Newham", "Mayor of Greater Manchester": another place's mayor (London's is in the registry)
_MAYOR_OF = Bounded(
    r"(?P<post>(?:Deputy[ ])?Mayor[ ]of[ ](?!London\b)(?:the[ ])?[A-Z][\w'-]*(?:[ ](?:and[ ])?[A-Z][\w'-]*){0,3})",
    "w-",
)
_POST_LOWER = Bounded(  # a remit in lower case follows "for" ("to invest" is the post doing something)
    r"(?P<post>" + _POST_TITLE.replace("(?:for|to)", "for") + r"(?!the\b)[a-z][\w'-]*"
    r"(?:[ ](?:and|&)[ ][a-z][\w'-]*(?:[ ](?!(?:said|says|told|has|had|is|was|were|will|would|who|which|"
    r"that|and|on|in|at|to|for|of|the)\b)[a-z][\w'-]*)?)?)",
    "w-",
)
_SMALL_WORDS = frozenset(["for", "of", "and", "the", "to", "on", "in", "&"])


def post_name(text: str) -> str:
    """Canonical name of an office found by its remit: words capitalised, small words not."""
    words = " ".join(text.split()).split(" ")
    return " ".join(
        w if (i and w.lower() in _SMALL_WORDS) else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


_ABBR_DEF = re.compile(r"\((?P<abbr>[A-Z][A-Za-z&]{1,9})\)")
# (it must open a sentence: checked in _sentence_opening, a look-behind here would slow the scan)
_SUBJECT_BODY_REF = re.compile(
    r"The[ ](?:[a-z][\w-]*[ ]){0,2}?(?:group|body|organisation|organization|charity|"
    r"union|watchdog|agency|think[ ]tank|campaign[ ]group|umbrella[ ]body|umbrella[ ]group)(?=[ ,])"
)


def _sentence_opening(text: str, pos: int) -> bool:
    return pos == 0 or text[pos - 1] == "\n" or (pos >= 2 and text[pos - 1] == " " and text[pos - 2] in ".!?")


_MONEY_REF_HEADS = frozenset(["money", "funds", "funding", "fund", "package", "investment", "cash", "grant"])


def money_amount(num: str, unit: str | None) -> float:
    value = float(num.replace(",", ""))
    return value * _UNIT.get(unit.lower() if unit else None, 1.0)


def _short_amount(value: float) -> str:
    for size, suffix in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if value >= size and (value / size) * 100 == int((value / size) * 100):
            text = f"{value / size:.2f}".rstrip("0").rstrip(".")
            return f"£{text}{suffix}"
    return f"£{value:,.0f}" if float(value).is_integer() else f"£{value:,.2f}"


def money_programme_name(amount: float, head: str) -> str:
    """Canonical name of a money-named programme: '£2.4m package', '£500k grant'."""
    kind = _MONEY_KIND.get(head.lower(), head.lower())
    return f"{_short_amount(amount)} {kind}"


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    entity: Entity
    kind: str  # registry | person | backref | office | discovered | coref | money | pronoun
    post: Entity | None = None  # for office mentions: the post named
    amount: float | None = None  # for money-named programmes

    @property
    def label(self) -> str:
        return self.entity.label


@dataclass
class DocMentions:
    """All mentions in one document, sorted by start; non-overlapping."""

    text: str
    folded: str
    mentions: list[Mention] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    starts: list[int] = field(default_factory=list)
    places: list[tuple[int, int]] = field(default_factory=list)  # names of places, not of entities

    def in_place(self, start: int, end: int) -> bool:
        """Whether [start, end) lies inside a place's name ("Haringey" in "Enfield and Haringey")."""
        return any(a <= start and end <= b for a, b in self.places)

    def finish(self) -> None:
        # longer mentions win; then the earlier one. A map of the characters taken (2 where a
        # kept mention starts, 1 inside it) keeps this linear: inserting into a sorted list was
        # quadratic in the number of mentions of a long document.
        chosen: list[Mention] = []
        taken = bytearray(max((m.end for m in self.mentions), default=0) + 1)
        for m in sorted(self.mentions, key=lambda m: (-(m.end - m.start), m.start)):
            if m.end > m.start:
                if taken.find(b"\x01", m.start, m.end) != -1 or taken.find(b"\x02", m.start, m.end) != -1:
                    continue
                taken[m.start] = 2
                taken[m.start + 1 : m.end] = b"\x01" * (m.end - m.start - 1)
            elif taken[m.start] == 1:
                continue  # empty, and inside a kept mention
            chosen.append(m)
        kept = sorted(chosen, key=lambda m: m.start)
        self.mentions = kept
        self.starts = [m.start for m in kept]
        for m in kept:
            self.entities.setdefault(m.entity.id, m.entity)

    def between(self, start: int, end: int) -> list[Mention]:
        i = bisect_left(self.starts, start)
        out: list[Mention] = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def at(self, pos: int) -> Mention | None:
        i = bisect_left(self.starts, pos)
        if i < len(self.mentions) and self.mentions[i].start == pos:
            return self.mentions[i]
        return None

    def before(self, pos: int, limit: int = 0) -> list[Mention]:
        """Mentions ending at or before `pos` (nearest last), not starting before `limit`."""
        i = bisect_left(self.starts, pos)
        out = [m for m in self.mentions[max(0, i - 60) : i] if m.end <= pos and m.start >= limit]
        return out

    def add(self, mention: Mention) -> Mention:
        """Add a mention found later (by a relation pattern); overlapping ones are refused."""
        i = bisect_left(self.starts, mention.start)
        if i > 0 and self.mentions[i - 1].end > mention.start:
            return self.mentions[i - 1]
        if i < len(self.mentions) and self.mentions[i].start < mention.end:
            return self.mentions[i]
        self.mentions.insert(i, mention)
        self.starts.insert(i, mention.start)
        self.entities.setdefault(mention.entity.id, mention.entity)
        return mention


def _trie_pattern(words: Iterable[str]) -> str:
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        end = "" in node
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        if len(alts) == 1 and not end:
            return alts[0]
        group = "(?:" + "|".join(alts) + ")"
        return group + "?" if end else group

    return build(trie)


# Words without which a pattern cannot match; none of these patterns can match across a line break,
# so each runs only on the lines holding one of its words (found in one pass over the document).
_LINE_KEYWORDS: dict[str, tuple[str, ...]] = {
    "inquiry": ("inquiry", "enquiry", "review", "investigation", "operation", "audit", "inspection", "report"),
    # _LOWER_INQUIRY: an adjective of its list right before an inquiry word
    "lower_inquiry": tuple(
        f"{adj} {head}"
        for adj in (
            "new", "national", "independent", "public", "statutory", "full", "joint", "london-wide",
            "pan-london", "government", "wider", "historic", "rapid", "local", "separate", "major",
            "criminal", "police", "official", "fresh", "nationwide", "uk-wide", "ongoing", "targeted",
        )
        for head in (
            "inquiry", "enquiry", "review", "investigation", "re-investigation", "reinvestigation", "operation",
            "audit", "inspection",
        )
    ),
    # _DEF_REF: a determiner, maybe one adjective of its list, then a head word (capitalised heads such
    # as "the Brigade", "the Authority" are British official style for a body named in full before)
    "defref": tuple(
        f"{det} {adj}{head}"
        for det in ("the", "this", "that", "its", "their", "these")
        for adj in (
            "", "new ", "same ", "additional ", "extra ", "fresh ", "whole ", "entire ", "independent ",
            "national ", "police ", "local ",
        )
        for head in (
            "money", "fund", "package", "investment", "cash", "grant", "force", "board", "inquiry",
            "enquiry", "review", "audit", "operation", "re-investigation", "reinvestigation", "partnership",
            "executive", "service", "helpline", "pilot", "programme", "scheme", "strategy", "plan", "trust",
            "council", "committee", "brigade", "authority", "agency", "unit", "foundation", "£",
        )
    ),
    "appositive": (", the ", ", a ", ", an "),
    "lower_head": (
        "scheme", "programme", "fund", "service", "strategy", "plan", "project", "initiative", "charter",
        "campaign", "pilot", "network", "partnership", "grant", "board", "hub", "taskforce", "helpline",
        "framework", "forum", "alliance", "panel", "unit", "team",
    ),
    "post": tuple(
        f"{title} {prep} " for title in ("mayor", "state", "minister", "commissioner", "secretary", "adviser")
        for prep in ("for", "to")
    )
    + ("mayor of ",),
}  # fmt: skip


def _keyword_automaton():
    if ahocorasick is None:
        return None
    automaton = ahocorasick.Automaton()
    groups: dict[str, list[str]] = {}
    for group, words in _LINE_KEYWORDS.items():
        for w in words:
            groups.setdefault(w, []).append(group)
    for w, gs in groups.items():
        automaton.add_word(w, tuple(gs))
    automaton.make_automaton()
    return automaton


_KEYWORDS = _keyword_automaton()


def _cap_head_automaton():
    """discover_named keeps only capitalised phrases ending in one of these words, as written."""
    if ahocorasick is None:
        return None
    automaton = ahocorasick.Automaton()
    for w in {*ORG_HEADS, *PROGRAMME_HEADS, *INQUIRY_HEADS}:
        automaton.add_word(w, w)
    automaton.make_automaton()
    return automaton


_CAP_HEADS = _cap_head_automaton()


class _LineScan:
    """Runs a pattern over the lines of a text that hold one of its keywords (see _LINE_KEYWORDS),
    or over the whole text when that cannot be worked out (no pyahocorasick, case-folding that
    changes lengths). Same matches either way: the patterns cannot cross a line break."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: dict[str, list[tuple[int, int]]] | None = None
        lowered = text.lower()
        if _KEYWORDS is None or _CAP_HEADS is None or len(lowered) != len(text):
            return
        bounds = [0]
        i = text.find("\n")
        while i != -1:
            bounds.append(i + 1)
            i = text.find("\n", i + 1)
        bounds.append(len(text) + 1)
        seen: dict[str, set[int]] = {g: set() for g in (*_LINE_KEYWORDS, "cap_head")}
        for end, groups in _KEYWORDS.iter(lowered):
            k = bisect_left(bounds, end + 1) - 1
            for g in groups:
                seen[g].add(k)
        heads = seen["cap_head"]
        for end, _word in _CAP_HEADS.iter(text):  # case as written: "Council", "Trust" ...
            heads.add(bisect_left(bounds, end + 1) - 1)
        n = len(text)
        self.lines = {g: [(bounds[k], min(n, bounds[k + 1])) for k in sorted(ks)] for g, ks in seen.items()}

    def finditer(self, rx, group: str):
        if self.lines is None:
            yield from rx.finditer(self.text)
            return
        for lo, hi in self.lines[group]:
            yield from rx.finditer(self.text, lo, hi)


def _automaton(names: dict[str, str]):
    """An Aho-Corasick automaton over `names` (values: the name's length), or None without
    pyahocorasick (the regexes then do the same work, more slowly)."""
    if not names or ahocorasick is None:
        return None
    automaton = ahocorasick.Automaton()
    for name in names:
        automaton.add_word(name, len(name))
    automaton.make_automaton()
    return automaton


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


_PLACE = "#place"  # the id of names that are places, not entities


def _case_sensitive(alias: str) -> bool:
    return " " not in alias or not any(c.islower() for c in alias)


# A capitalised word (not a verb or a sentence start) right after a post's name on the same line
# makes the post part of a longer name.
_LONGER_NAME = re.compile(
    r"[ ](?!(?:And|Said|Says|Has|Is|The|This|For|To|In|On|At|I|We)\b)[A-Z][a-z]+(?:,?[ ](?:and[ ]|&[ ])?[A-Z][a-z]+)*[ ](?:Committee|Board|Panel|Group|Meeting|meeting|Sub-Committee|Commission|Council)\b"
)


class Linker:
    """Compiled matchers for one registry; `link` is called once per document."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        ci: dict[str, str] = {}
        cs: dict[str, str] = {}
        self.people_by_first: dict[tuple[str, str], list[RegistryEntry]] = {}
        self.people_by_last: dict[str, list[RegistryEntry]] = {}
        for entry in registry:
            names = [entry.name, *entry.aliases]
            if entry.kind == "committee":
                # "the London Assembly Housing Committee", "the Assembly's Housing Committee"
                names += [
                    f"{lead} {n}"
                    for n in names
                    for lead in ("London Assembly", "London Assembly's", "Assembly's")
                ]
            for name in names:
                f = fold(name)
                if _case_sensitive(f):
                    cs.setdefault(f, entry.id)
                else:
                    ci.setdefault(f.lower(), entry.id)
            for abbr in entry.abbreviations:
                cs.setdefault(fold(abbr), entry.id)
            if entry.label == "Person":
                parts = entry.name.split()
                if len(parts) >= 2:
                    for h in entry.honorifics:
                        self.people_by_first.setdefault((h, parts[0]), []).append(entry)
                    self.people_by_last.setdefault(parts[-1], []).append(entry)
        # Assembly constituencies ("Enfield and Haringey") are places, not the boroughs they join:
        # matched as names of no entity, they hide the borough names inside them
        for entry in registry:
            for h in entry.holders:
                if h.constituency and " " in h.constituency:
                    ci.setdefault(fold(h.constituency).lower(), _PLACE)
        self._ci_ids = ci
        self._cs_ids = cs
        # a lookahead finds overlapping names too ("the Mayor's Office for Policing and Crime")
        self._ci = (
            re.compile(r"(?<![\w])(?=(" + _trie_pattern(ci) + r")(?![\w]))", re.IGNORECASE) if ci else None
        )
        self._cs = re.compile(r"(?<![\w])(?=(" + _trie_pattern(cs) + r")(?![\w]))") if cs else None
        # the same search with Aho-Corasick automata when pyahocorasick is installed: one pass over
        # the text for every name, many times faster than the regex on long documents
        self._ac_ci = _automaton(ci)
        self._ac_cs = _automaton(cs)

    def _registry_matches(self, folded: str) -> list[tuple[int, int, str, bool]]:
        """(start, end, key, case-insensitive?) of the longest registry name starting at each word
        start, case-insensitive names first, each list in text order (as the regexes give them)."""
        lowered = folded.lower()
        if self._ac_ci is None or len(lowered) != len(folded):
            out = []
            for rx, lower in ((self._ci, True), (self._cs, False)):
                if rx is not None:
                    for m in rx.finditer(folded):
                        out.append((m.start(1), m.end(1), m.group(1).lower() if lower else m.group(1), lower))
            return out
        out = []
        for automaton, text, lower in ((self._ac_ci, lowered, True), (self._ac_cs, folded, False)):
            if automaton is None:
                continue
            best: dict[int, int] = {}
            n = len(text)
            for end_incl, length in automaton.iter(text):
                start, end = end_incl + 1 - length, end_incl + 1
                if start > 0 and _is_word_char(text[start - 1]):
                    continue
                if end < n and _is_word_char(text[end]):
                    continue
                if best.get(start, 0) < length:
                    best[start] = length
            for start in sorted(best):
                end = start + best[start]
                out.append((start, end, text[start:end], lower))
        return out

    # ------------------------------------------------------------------------------------
    def link(self, text: str, ref_date: str | None = None) -> DocMentions:
        folded = fold(text)
        doc = DocMentions(text=text, folded=folded)
        found: list[Mention] = []
        reg = self.registry

        # 1. registry names
        places: list[tuple[int, int]] = []
        for s0, e0, key, lower in self._registry_matches(folded):
            surface = folded[s0:e0]
            eid = (self._ci_ids if lower else self._cs_ids).get(key)
            if eid == _PLACE:
                places.append((s0, e0))
                continue
            entry = reg.get(eid) if eid else None
            if entry is None:
                continue
            if entry.label == "Post" and not self._post_ok(folded, s0, e0, surface):
                continue
            if entry.label == "Person" and " " not in surface and not entry.first_name_alone:
                continue
            found.append(Mention(s0, e0, entry.entity, "registry"))
        if places:
            doc.places = places
            found = [m for m in found if not doc.in_place(m.start, m.end)]

        # 2. people by pattern
        people: dict[str, Entity] = {}
        for m in _TITLED_PERSON.finditer(folded):
            name = m.group("name")
            words = name.split()
            if words[0] in _NOT_NAME and words[0] not in ("Lord",):
                continue
            ent = self._person(name, m.group("title"), people)
            if ent is None:
                continue
            found.append(Mention(m.start(), m.end(), ent, "person"))
        pos = 0
        while True:
            m = _PLAIN_NAME.search(folded, pos)
            if m is None:
                break
            pos = m.end()
            name = m.group("name")
            words = name.split()
            bad = [i for i, w in enumerate(words) if w in _NOT_NAME or w in ORG_HEADS or w in PROGRAMME_HEADS]
            if bad:
                # retry just after the offending word ("Met Commissioner Jo Bloggs")
                pos = m.start() + len(" ".join(words[: bad[-1] + 1])) + 1
                continue
            after = folded[m.end() : m.end() + 60]
            has_post = bool(m.group("post").strip(", "))
            before = folded[max(0, m.start() - 40) : m.start()]
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
            ent = self._person(name, None, people)
            if ent is None:
                continue
            found.append(Mention(m.start(), m.end(), ent, "person"))

        # 3. bodies, programmes and inquiries by name pattern
        for m in _MONEY.finditer(folded):
            amount = money_amount(m.group("num"), m.group("unit"))
            name = money_programme_name(amount, m.group("head"))
            head = _MONEY_KIND.get(m.group("head").lower(), "package")
            label = "Inquiry" if head in ("inquiry", "review") else "Programme"
            ent = Entity(name=name, label=label, id=slug(name))
            end = m.end()
            found.append(Mention(m.start(), end, ent, "money", amount=amount))
        scan = _LineScan(folded)
        doc.scan = scan  # type: ignore[attr-defined]
        for rx, label in (
            (_LOWER_INQUIRY, "Inquiry"),
            (_NAMED_INQUIRY, "Inquiry"),
            (_OPERATION, "Programme"),
        ):
            group = "lower_inquiry" if rx is _LOWER_INQUIRY else "inquiry"
            for m in scan.finditer(rx, group) if rx is not _OPERATION else rx.finditer(folded):
                np = canonical_np(m.group("np"))
                if not np:
                    continue
                first = np.split()[0]
                if rx is _NAMED_INQUIRY and (first in _NOT_NAME or reg.find(first) is not None):
                    continue
                ent = Entity(name=np, label=label, id=slug(np))
                found.append(Mention(m.start("np"), m.end("np"), ent, "discovered"))
        for start, end in _cap_sequences(folded, scan):
            if not _HEAD_WORDS.intersection(folded[start:end].replace(".", " ").replace("'", " ").split()):
                continue  # discover_named keeps only phrases ending in a body, programme or inquiry word
            _EXTRA.clear()
            ent_span = discover_named(folded, start, end, reg)
            for s, e, ent in [*_EXTRA, *([ent_span] if ent_span else [])]:
                found.append(Mention(s, e, ent, "discovered"))
        named = self._named_by_context(
            folded, {(x.start, x.end) for x in found if x.kind not in ("discovered", "person")}, scan
        )
        # an apposition that says what a name is ("X, the housing company") outweighs the weaker
        # hints that made it a person ("built by X")
        typed = {(x.start, x.end) for x in named}
        found = [x for x in found if not (x.kind == "person" and (x.start, x.end) in typed)]
        found.extend(named)

        doc.mentions = found
        doc.finish()
        self._defined_abbreviations(doc)

        # 4. posts: holders named beside the post in this document, then the registry by date
        self._resolve_posts(doc, ref_date)
        # 5. back-references to people
        self._backrefs(doc, people)
        # 6. definite references back
        self._definite_refs(doc)
        return doc

    # ------------------------------------------------------------------------------------
    def _defined_abbreviations(self, doc: DocMentions) -> None:
        """'Long Name (ABBR)' makes ABBR a name of the same thing for the rest of the document."""
        folded = doc.folded
        defined: dict[str, Entity] = {}
        first_at: dict[str, int] = {}
        for m in _ABBR_DEF.finditer(folded):
            abbr = m.group("abbr")
            if abbr in defined or self.registry.find(abbr) is not None:
                continue
            start = m.start() - 1 if m.start() > 0 and folded[m.start() - 1] == " " else m.start()
            before = doc.before(start + 1)
            if (
                not before
                or before[-1].end != start
                or before[-1].label not in ("Organization", "Programme", "Inquiry")
            ):
                continue
            defined[abbr] = before[-1].entity
            first_at[abbr] = m.end()
        if not defined:
            return
        rx = re.compile(r"(?<![\w'-])(?:" + "|".join(re.escape(a) for a in defined) + r")(?![\w-])")
        for m in rx.finditer(folded):
            if m.start() < first_at[m.group(0)] or doc.at(m.start()) is not None:
                continue
            doc.add(Mention(m.start(), m.end(), defined[m.group(0)], "alias"))

    def _named_by_context(self, folded: str, known: set[tuple[int, int]], scan: _LineScan) -> list[Mention]:
        """Names whose kind the sentence states: an apposition ("X, the independent watchdog for
        ..."), a lower-case head ("the X Families scheme"), an office by its remit ("Deputy Mayor
        for Transport")."""
        reg = self.registry
        out: list[Mention] = []
        for m in scan.finditer(_APPOSITIVE_TYPE, "appositive"):
            s, e = m.start("name"), m.end("name")
            words = m.group("name").split(" ")
            while words and words[0] in _LEADING_WORDS:
                s += len(words[0]) + 1
                words = words[1:]
            name = " ".join(words)
            if not words or (s, e) in known or reg.find(name) is not None:
                continue
            if len(words) == 1 and (words[0] in _NOT_NAME or len(words[0]) < 3):
                continue
            label = "Programme" if m.group("head") in _APPOSITIVE_PROGRAMME else "Organization"
            out.append(Mention(s, e, Entity(name=name, label=label, id=slug(name)), "discovered"))
        for m in scan.finditer(_NAMED_LOWER_HEAD, "lower_head"):
            cap = m.group("cap")
            if reg.find(cap) is not None or cap in _NOT_NAME or cap.endswith("'s"):
                continue
            name = m.group("np")
            label = "Organization" if m.group("head") in _LOWER_HEAD_ORGS else "Programme"
            out.append(
                Mention(
                    m.start("np"), m.end("np"), Entity(name=name, label=label, id=slug(name)), "discovered"
                )
            )
        for rx in (_POST_CAP, _POST_LOWER, _MAYOR_OF):
            for m in scan.finditer(rx, "post"):
                name = post_name(m.group("post"))
                entry = reg.find(name)
                ent = entry.entity if entry is not None else Entity(name=name, label="Post", id=slug(name))
                if ent.label != "Post":
                    continue
                out.append(Mention(m.start("post"), m.end("post"), ent, "discovered"))
        return out

    def _post_ok(self, folded: str, start: int, end: int, surface: str) -> bool:
        """One-word post names ("Chair", "Commissioner") only on their own, not inside a longer title."""
        # "the Mayor of Greater Manchester" is another title; "the Mayor for allowing ..." is not
        longer_title = _LONGER_TITLE.match(folded, end, end + 20)
        if _LONGER_NAME.match(folded, end, end + 40):
            return False  # "Chair of the London Assembly Economy Committee" is another office
        if " " in surface.strip():
            return not longer_title or surface.lower().endswith("london")
        if _ANOTHER_TITLE.match(folded, end, end + 20):
            return False  # "Chair of London Councils" is another body's office
        prev = folded[max(0, start - 30) : start]
        if _CAPITAL_BEFORE.search(prev) and not _THE_OR_AS_BEFORE.search(prev):
            return False
        return not longer_title

    def _person(self, name: str, title: str | None, people: dict[str, Entity]) -> Entity | None:
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
            # "Sir Mark", "Lord Duvall of Woolwich": a back-reference or a peer's title
            cands = self.people_by_first.get((title, words[0]), []) if title else []
            cands = cands or [
                e for e in self.people_by_last.get(words[0], []) if title in e.honorifics or not title
            ]
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
        ent = Entity(name=name, label="Person", id=slug(name), props=(("title", title),) if title else ())
        people.setdefault(ent.id, ent)
        return people[ent.id]

    def _resolve_posts(self, doc: DocMentions, ref_date: str | None) -> None:
        folded = doc.folded
        holders: dict[str, Entity] = {}
        ms = doc.mentions
        for i, m in enumerate(ms):
            if m.label != "Post":
                continue
            for j in (i - 1, i + 1):
                if 0 <= j < len(ms) and ms[j].label == "Person":
                    a, b = (ms[j], m) if j < i else (m, ms[j])
                    gap = folded[a.end : b.start]
                    if re.fullmatch(r"[ ]?,?[ ]?(?:the[ ])?", gap) or (
                        j < i and re.fullmatch(r"[ ]*\n[ \n]*", gap)
                    ):
                        holders.setdefault(m.entity.id, ms[j].entity)
        out: list[Mention] = []
        named_people = {x.entity.id for x in ms if x.label == "Person"}  # once: linear in mentions
        named_count = Counter(x.entity.id for x in ms if x.label == "Person")
        named_first: dict[str, int] = {}
        for x in ms:
            if x.label == "Person":
                named_first.setdefault(x.entity.id, x.start)
        for m in ms:
            if m.label != "Post":
                out.append(m)
                continue
            person = holders.get(m.entity.id)
            if person is None:
                entry = self.registry.holder(m.entity.id, ref_date)
                person = entry.entity if entry else None
                # an office stands for its holder on the document's date when the document names
                # that holder, or when it is the Mayor's (pages say "the Mayor" for the holder);
                # "the London Fire Commissioner" alone stays the office
                if person is not None and m.entity.id != "mayor-of-london" and person.id not in named_people:
                    person = None
            if person is None and not ref_date:
                # no date to go by: the holder of this post that the document names most (first,
                # on a tie): "Sadiq Khan has told ... the Mayor blames ... Khan accusing Boris
                # Johnson"
                post = self.registry.get(m.entity.id)
                named = [h.person for h in (post.holders if post else []) if h.person in named_people]
                if named:
                    best = min(named, key=lambda p: (-named_count[p], named_first[p]))
                    person = self.registry.get(best).entity
            if person is None:
                out.append(m)
            else:
                out.append(Mention(m.start, m.end, person, "office", post=m.entity))
        doc.mentions = out
        doc.entities = {}
        doc.finish()
        doc.holders = holders  # type: ignore[attr-defined]

    def _backrefs(self, doc: DocMentions, people: dict[str, Entity]) -> None:
        folded = doc.folded
        persons: dict[str, Entity] = {}
        for m in doc.mentions:
            if m.label == "Person":
                persons[m.entity.id] = m.entity
        by_token: dict[str, set[str]] = {}
        for ent in persons.values():
            parts = [p for p in ent.name.split() if p not in _HONORIFIC_WORDS]
            if len(parts) >= 2:
                by_token.setdefault(parts[-1], set()).add(ent.id)
            entry = self.registry.get(ent.id)
            if entry is not None and entry.first_name_alone and parts:
                by_token.setdefault(parts[0], set()).add(ent.id)
        if not by_token:
            return
        first_mention = {}
        for m in doc.mentions:
            first_mention.setdefault(m.entity.id, m.start)
        rx = re.compile(
            r"(?<![\w'-])(?:"
            + "|".join(re.escape(t) for t in sorted(by_token, key=len, reverse=True))
            + r")(?![\w-])"
        )
        for m in rx.finditer(folded):
            ids = by_token[m.group(0)]
            if len(ids) != 1:
                continue
            eid = next(iter(ids))
            if first_mention.get(eid, 1 << 60) > m.start() and self.registry.get(eid) is None:
                continue
            prev = folded[max(0, m.start() - 25) : m.start()]
            nxt = folded[m.end() : m.end() + 3]
            if _BACKREF_CAPITAL_BEFORE.search(prev) and not _BACKREF_FINE_BEFORE.search(prev):
                continue
            if _SPACE_CAPITAL.match(nxt):
                continue
            start = m.start()
            hon = _HONORIFIC_BEFORE.search(prev)
            if hon:
                start -= len(hon.group(0))
            doc.add(Mention(start, m.end(), persons[eid], "backref"))

    def _definite_refs(self, doc: DocMentions) -> None:
        folded = doc.folded
        scan = getattr(doc, "scan", None) or _LineScan(folded)
        for m in scan.finditer(_DEF_REF, "defref"):
            if doc.at(m.start()) is not None or doc.between(m.start(), m.end()):
                continue
            head = m.group("head")
            target: Entity | None = None
            for prev in reversed(doc.before(m.start())):
                e = prev.entity
                if head.startswith("£"):
                    amount = _parse_short_money(head)
                    if prev.kind == "money" and amount is not None and prev.amount == amount:
                        target = e
                        break
                    continue
                if head in _MONEY_REF_HEADS:
                    if prev.kind == "money" and e.label == "Programme":
                        target = e
                        break
                    continue
                if head == "force":
                    entry = self.registry.get(e.id)
                    if entry is not None and entry.kind == "police":
                        target = e
                        break
                    continue
                last = e.name.split()[-1].lower() if e.name.split() else ""
                if e.label in ("Organization", "Programme", "Inquiry") and last.rstrip(
                    "s"
                ) == head.lower().rstrip("s"):
                    target = e
                    break
            if target is not None:
                doc.add(Mention(m.start(), m.end(), target, "coref"))
        # "The cross-party group, which ..., said": a sentence opening on a description of a body
        # continues the body the sentence before was about (its first body named)
        for m in _SUBJECT_BODY_REF.finditer(folded):
            if not _sentence_opening(folded, m.start()) or doc.between(m.start(), m.end()):
                continue
            prev_end = m.start() - 1
            while prev_end > 0 and folded[prev_end - 1] in " \n":
                prev_end -= 1
            prev_start = max(folded.rfind(". ", 0, prev_end - 1), folded.rfind("\n", 0, prev_end - 1)) + 1
            orgs = [x for x in doc.between(prev_start, prev_end) if x.label == "Organization"]
            if orgs:
                doc.add(Mention(m.start(), m.end(), orgs[0].entity, "coref"))


def _parse_short_money(text: str) -> float | None:
    m = re.fullmatch(r"£(\d[\d,]*(?:\.\d+)?)(bn|m|k|million|billion)?", text)
    if not m:
        return None
    return money_amount(m.group(1), m.group(2))


# small patterns of the linker's hot paths, compiled once
_NAME_AFTER_WORD = re.compile(
    r"(?:\b(?:by|said|according to)|[Cc]ommissioner|[Ll]eader|[Mm]ayor|[Cc]hair)[ ,]*$"
)
_LONGER_TITLE = re.compile(r"[ ](?:of|for)[ ](?:the[ ])?(?!London\b)[A-Z]")
_ANOTHER_TITLE = re.compile(r"[ ](?:of|for)[ ](?:the[ ])?[A-Z]")
_CAPITAL_BEFORE = re.compile(r"(?:[A-Z][\w']*|'s|')[ ]?$")
_THE_OR_AS_BEFORE = re.compile(r"(?:^|[.\n]|\b)(?:The|As)[ ]$")
_BACKREF_CAPITAL_BEFORE = re.compile(r"[A-Z][\w'.]*[ ]$")
_BACKREF_FINE_BEFORE = re.compile(
    r"(?:^|[.!?\n:\"]\s*)(?:The|When|While|As|But|And|Later|Earlier|Then|Meanwhile|Now|Separately|Finally|However|Instead|Still|Yet|Asked|Speaking|Responding)?[ ]?$|\b(?:"
    + "|".join(sorted(_HONORIFIC_WORDS))
    + r")[ ]$"
)
_SPACE_CAPITAL = re.compile(r"[ ][A-Z]")
_HONORIFIC_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(_HONORIFIC_WORDS)) + r")\.?[ ]$")
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


# Words that open a phrase but never a name: the function words of _NOT_NAME, plus a few more.
_LEADING_WORDS = frozenset(
    [
        "A",
        "Across",
        "After",
        "Against",
        "All",
        "Also",
        "An",
        "And",
        "Any",
        "As",
        "At",
        "Before",
        "But",
        "By",
        "During",
        "Every",
        "Following",
        "For",
        "From",
        "Further",
        "Her",
        "His",
        "However",
        "If",
        "In",
        "Its",
        "My",
        "Of",
        "On",
        "Or",
        "Our",
        "Since",
        "Some",
        "That",
        "The",
        "Their",
        "These",
        "This",
        "Those",
        "When",
        "While",
        "With",
    ]
) | frozenset(["Funding", "Thanks", "Under", "Through", "Via"])
_EXTRA: list[tuple[int, int, Entity]] = []
_HEAD_WORDS = ORG_HEADS | PROGRAMME_HEADS | INQUIRY_HEADS
_ROLE_PREFIX = re.compile(
    r"(?:(?:Deputy|Assistant|Executive|Managing|Acting|Interim|Vice)[ ])?(?:Chief[ ]Executive(?:[ ]Officer)?|CEO|"
    r"Director|Chair|Chairman|Chairwoman|Vice-Chair|Head|Leader|President|Founder|Co-founder|Spokesperson|"
    r"Member|Trustee|Patron)[ ](?:of|at|for)[ ](?:the[ ])?"
)


def discover_named(folded: str, start: int, end: int, reg: Registry) -> tuple[int, int, Entity] | None:
    """A capitalised phrase ending in a body, programme or inquiry word becomes an entity."""
    np = folded[start:end]
    cut = np.rfind(" and the ")
    if cut >= 0:
        first = discover_named(folded, start, start + cut, reg)
        start += cut + len(" and the ")
        np = folded[start:end]
        if first is not None:
            _EXTRA.append(first)
    words = np.split(" ")
    # drop sentence-initial function words that do not belong to a name
    while words and words[0] in _LEADING_WORDS:
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
    while words and words[-1] in ("of", "and", "for", "on", "in", "the", "&"):
        words = words[:-1]
    if len(words) < 2:
        return None
    head = words[-1].rstrip(".'")
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


def linker_for(registry: Registry) -> Linker:
    """One compiled linker per registry object."""
    cached = getattr(registry, "_linker", None)
    if cached is None:
        cached = Linker(registry)
        registry._linker = cached  # type: ignore[attr-defined]
    return cached
