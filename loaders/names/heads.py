"""Head words: the last word of a name that says what kind of thing it names.

"Lantern Youth Trust" is a body because it ends in "Trust", "Warm Homes Scheme" a programme
because it ends in "Scheme". The capitalised lists serve the name patterns (loaders.names.discovery,
the line gate of loaders.names.linescan); the lower-case lists serve descriptions in running text
("the new advocates service") read by the sentence rules (loaders.relations.clauses).
"""

from __future__ import annotations

__all__ = [
    "ORG_HEADS",
    "PROGRAMME_HEADS",
    "INQUIRY_HEADS",
    "LOWER_ORG_HEADS",
    "LOWER_PROGRAMME_HEADS",
    "LOWER_INQUIRY_HEADS",
    "HEAD_WORDS",
]

ORG_HEADS = frozenset(
    [
        "Images",  # "Getty Images", a photo caption's credit
        "Pictures",
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


# any capitalised head word: a capitalised phrase without one cannot be a discovered name
HEAD_WORDS = ORG_HEADS | PROGRAMME_HEADS | INQUIRY_HEADS
