"""The graph's vocabulary, declared once.

Loaders emit only these labels and relationship types, the store whitelists them before any
of them is written into a Cypher statement (labels and types cannot be parameters), queries'
tests and exports read them from here. See docs/ARCHITECTURE.md, "The graph".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = [
    "NODE_LABELS",
    "REL_TYPES",
    "NodeLabel",
    "RelType",
    "SchemaError",
    "check_label",
    "check_rel_type",
    "allows",
    "EVIDENCE_FIELDS",
    "ASK_GENRES",
    "MENTION_GENRES",
    "ACTOR_LABELS",
    "NODE_INDEXES",
    "neo4j_schema_statements",
    "SEARCH_KEYS",
    "SEARCHABLE_LABELS",
    "search_keys",
]


class SchemaError(ValueError):
    """A label, relationship type or property that the schema does not declare."""


@dataclass(frozen=True)
class NodeLabel:
    name: str
    description: str
    properties: tuple[str, ...] = ()


@dataclass(frozen=True)
class RelType:
    name: str
    description: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    properties: tuple[str, ...] = field(default_factory=tuple)


# Every node carries these.
COMMON_NODE_PROPERTIES = ("id", "name", "aliases")

_LABELS = (
    NodeLabel("Person", "a named person", ("title", "honorifics")),
    NodeLabel(
        "Organization", "a body: authority, police force, agency, charity, party group", ("abbreviation",)
    ),
    NodeLabel("Post", "an office someone holds", ()),
    NodeLabel("Inquiry", "inquiry, review, audit, inspection, investigation", ()),
    NodeLabel("Programme", "a fund, package, service, plan or project", ()),
    NodeLabel("Motion", "a motion the Assembly agreed", ("number", "title", "meeting_date")),
    NodeLabel("Question", "a question asked at a meeting or in writing", ("number", "title", "text")),
    NodeLabel("Meeting", "a dated meeting", ("date", "body")),
    NodeLabel("Statement", "a quoted or reported statement", ("text", "kind")),
    NodeLabel(
        "Document",
        "a source document (id is its content hash)",
        (
            "sha256",
            "path",
            "genre",
            "title",
            "date",
            "reference",
            "author",
            "addressee",
            "publisher",
            "chars",
        ),
    ),
)
NODE_LABELS: dict[str, NodeLabel] = {lab.name: lab for lab in _LABELS}

# Labels of the things that act: asked, funded, oversaw, said ...
ACTOR_LABELS = ("Person", "Organization", "Post")
_ANY = tuple(name for name in NODE_LABELS if name != "Document")
_ACTORS = ACTOR_LABELS

# Evidence lives on each relationship as parallel lists (Neo4j properties cannot hold maps):
# evidence_keys[i] identifies piece i (document hash + offsets) so that it is added once.
EVIDENCE_FIELDS = (
    "evidence_keys",
    "evidence_docs",
    "evidence_doc_ids",
    "evidence_quotes",
    "evidence_starts",
    "evidence_ends",
)
# Dated relationships also carry `day` (days since 1970-01-01) when the date is a full date, so
# that portable Cypher can subtract dates on both engines (FalkorDB has no duration functions).
_DATED = ("date", "day")

_TYPES = (
    RelType(
        "ASKED",
        "asker asked the one asked (a motion or question kept as `about`)",
        _ACTORS,
        _ACTORS,
        (*_DATED, "about"),
    ),
    RelType("REPLIED_TO", "replier answered the asker", _ACTORS, _ACTORS, (*_DATED, "about")),
    RelType(
        "FUNDS", "funder pays a recipient or programme", _ACTORS, _ANY, (*_DATED, "amount_gbp", "period")
    ),
    RelType("OVERSEES", "overseer holds the overseen to account", _ANY, _ANY, ()),
    RelType("HOLDS_OFFICE", "a person holds a post", ("Person",), ("Post", "Organization"), ("start", "end")),
    RelType(
        "MEMBER_OF",
        "member of a body",
        ("Person", "Organization"),
        ("Organization", "Inquiry", "Programme"),
        ("role",),
    ),
    RelType("CHAIRS", "chairs a body or inquiry", ("Person",), ("Organization", "Inquiry", "Meeting"), ()),
    RelType("COMMITTED_TO", "committed to something", _ACTORS, _ANY, ("text", "amount_gbp", "due", *_DATED)),
    RelType("SAID", "made a statement", _ACTORS, ("Statement",), _DATED),
    RelType("CRITICISED", "criticised an actor, programme or decision", _ACTORS, _ANY, _DATED),
    RelType("WELCOMED", "welcomed an actor, programme or decision", _ACTORS, _ANY, _DATED),
    RelType("COMMISSIONED", "commissioned an inquiry, inspection or service", _ACTORS, _ANY, _DATED),
    RelType("LEADS", "leads an operation, inquiry or programme", _ACTORS, _ANY, ()),
    RelType("REVIEWS", "inspects or reviews", _ACTORS, _ANY, _DATED),
    RelType("ESTABLISHED", "set up a body or programme", _ACTORS, _ANY, _DATED),
    RelType("PARTNERS_WITH", "works in partnership with", _ACTORS, _ACTORS, ()),
    RelType("MENTIONS", "a document mentions a node", ("Document",), _ANY, ()),
)
REL_TYPES: dict[str, RelType] = {t.name: t for t in _TYPES}

# Relationship types that are facts (everything but the document's MENTIONS).
FACT_TYPES = tuple(name for name in REL_TYPES if name != "MENTIONS")

# Document genres (`Document.genre`, decided by the loaders) and what an ASKED found in them is.
# In ASK_GENRES the ask is made to someone expected to reply (a motion or question put to the
# Mayor, a letter, a formal request), so without a reply it is waiting. In MENTION_GENRES an ask
# is reported, not made ("Hall asked the Mayor ...", in a news story): a mention, never counted
# as waiting. queries/_replies.cypher carries ASK_GENRES (tests/test_queries.py checks the two agree
# and that every genre the loaders set is in one of these).
ASK_GENRES = ("letter", "question_answer", "motion")
MENTION_GENRES = ("news", "press_release", "generic", "decision", "report")

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def check_label(label: str) -> str:
    """Return `label` when the schema declares it; raise SchemaError otherwise."""
    if label not in NODE_LABELS:
        raise SchemaError(f"unknown node label {label!r}; known: {', '.join(NODE_LABELS)}")
    return label


def check_rel_type(rel_type: str) -> str:
    """Return `rel_type` when the schema declares it; raise SchemaError otherwise."""
    if rel_type not in REL_TYPES:
        raise SchemaError(f"unknown relationship type {rel_type!r}; known: {', '.join(REL_TYPES)}")
    return rel_type


def allows(rel_type: str, source_label: str, target_label: str) -> bool:
    """Whether a relationship of this type may join these labels: the schema's source and
    target rules, applied in one place (every fact passes here before it is kept)."""
    spec = REL_TYPES.get(rel_type)
    return spec is not None and source_label in spec.sources and target_label in spec.targets


def check_property(name: str) -> str:
    """Property names go into SET clauses as map keys; keep them plain identifiers."""
    if not _IDENT.match(name):
        raise SchemaError(f"invalid property name {name!r}")
    return name


# --- lookups (indexes the store creates; derived properties it maintains) ----------------------------

# A node's names as people look them up: its name and every alias, lower case, single-spaced.
# The store writes this list on every upsert (graph/upsert.py) so that name resolution
# (queries/resolve.py) is an index lookup (`key IN n._search_keys`) instead of a scan of every
# node with toLower(). The leading underscore marks it as derived: exports leave such properties
# out (graph/subgraph.py), and it is never part of the fact export.
SEARCH_KEYS = "_search_keys"
# Labels whose nodes are looked up by name (documents and statements are named by their text).
SEARCHABLE_LABELS = tuple(name for name in NODE_LABELS if name not in ("Document", "Statement"))

# Exact-match node indexes ensure_schema() creates, as (label, property): `id` everywhere (the
# MERGE key and what `id:<node id>` parameters look up), the search keys where names are looked up.
NODE_INDEXES: tuple[tuple[str, str], ...] = tuple((label, "id") for label in NODE_LABELS) + tuple(
    (label, SEARCH_KEYS) for label in SEARCHABLE_LABELS
)


def neo4j_schema_statements() -> list[str]:
    """The schema civicgraph's Neo4j backend creates (and the Cypher export's header suggests, so
    that a later `load` into the same database finds exactly these): a unique constraint on every
    label's `id`, which brings its own index (a plain index on the same property would make the
    constraint fail), and an index on every relationship type's `key`. The `_search_keys` lists
    are not indexed on Neo4j: its indexes do not serve `x IN list` look-ups."""
    statements = [
        f"CREATE CONSTRAINT civicgraph_{label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
        for label in NODE_LABELS
    ]
    statements += [
        f"CREATE INDEX civicgraph_{rel.lower()}_key IF NOT EXISTS FOR ()-[r:{rel}]-() ON (r.key)"
        for rel in REL_TYPES
    ]
    return statements


def search_key(text: str) -> str:
    """The comparison form of a name for exact lookups: lower case, whitespace collapsed."""
    return " ".join(str(text).lower().split())


def search_keys(name: object, aliases: object = ()) -> list[str]:
    """The search keys of a node with this name and aliases (sorted, no duplicates, no blanks)."""
    forms = [name] if isinstance(name, str) else []
    if isinstance(aliases, str):
        forms.append(aliases)
    elif isinstance(aliases, list | tuple | set | frozenset):
        forms.extend(a for a in aliases if isinstance(a, str))
    return sorted({key for key in map(search_key, forms) if key})
