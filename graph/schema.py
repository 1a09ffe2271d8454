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
    "EVIDENCE_LABEL",
    "EVIDENCE_PROPERTIES",
    "RECORD_LABELS",
    "THING_LABELS",
    "REL_INDEXES",
    "FALKORDB_UNINDEXED",
    "DERIVED",
    "ASK_GENRES",
    "MENTION_GENRES",
    "ACTOR_LABELS",
    "NODE_INDEXES",
    "neo4j_schema_statements",
    "SEARCH_KEYS",
    "SEARCHABLE_LABELS",
    "search_keys",
    "STATEMENT_LABEL",
    "TEXT_KEY",
    "ABOUT_KEY",
    "FIRST_DOCUMENTS",
    "FIRST_DOCUMENTS_KEPT",
    "MONTHS",
    "MONTH_FACTS",
    "TOTALS_LABEL",
    "TOTALS_ID",
    "month_group",
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
        "Evidence",
        "one piece of a fact's evidence: a quote of one document (see EVIDENCE_PROPERTIES)",
        ("fact", "type", "doc", "doc_id", "quote", "start", "end"),
    ),
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
# Records about the text rather than things in the world: documents and their evidence pieces.
# They are never a fact's end, never looked up by name, and exports show evidence on its facts.
EVIDENCE_LABEL = "Evidence"
RECORD_LABELS = ("Document", EVIDENCE_LABEL)
# Labels of the things facts link (everything but the records).
THING_LABELS = tuple(name for name in NODE_LABELS if name not in RECORD_LABELS)
_ANY = THING_LABELS
_ACTORS = ACTOR_LABELS
# a promise is to do or keep something, never a person or an office ("pledged to work with the new
# Prime Minister" promises the work); what is led is a body, an operation or a programme, not a
# person or an office either
_NOT_PEOPLE = tuple(name for name in THING_LABELS if name not in ("Person", "Post"))

# Where evidence is stored. Each piece (one quote of one document, with its offsets) is its own
# Evidence node, written once: its `id` is a hash of the fact's key and the piece, `fact` is the
# relationship's key, `type` its type, `doc`/`doc_id` the document's file name and content hash,
# `quote`, `start`, `end` the text and its offsets. Appending a piece therefore costs the same
# at the 10,000th document that repeats a fact as at the first (a relationship whose properties
# held every piece grew without bound, and every append copied them). The relationship keeps a
# bounded summary, derived and left out of exports (DERIVED): how many pieces it has, and one
# sample quote and document for the questions' `quote` columns (the piece whose document name,
# then start and end offsets, then document hash come first: no two pieces tie, so the sample
# does not depend on load order; graph/upsert.py sample_order).
EVIDENCE_PROPERTIES = ("fact", "type", "doc", "doc_id", "quote", "start", "end")
EVIDENCE_COUNT = "_evidence"
SAMPLE_QUOTE = "_quote"
SAMPLE_DOCUMENT = "_doc"
SAMPLE_ORDER = "_first"  # the sample's sort key: document name, start and end offsets, document hash

# How exports, the fact export and dumps of old stores show evidence: parallel lists on each
# relationship (Neo4j properties cannot hold maps); evidence_keys[i] identifies piece i
# (document hash + offsets). graph/evidence.py turns Evidence nodes into these lists.
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
    RelType(
        "COMMITTED_TO", "committed to something", _ACTORS, _NOT_PEOPLE, ("text", "amount_gbp", "due", *_DATED)
    ),
    RelType("SAID", "made a statement", _ACTORS, ("Statement",), _DATED),
    RelType("CRITICISED", "criticised an actor, programme or decision", _ACTORS, _ANY, _DATED),
    RelType("WELCOMED", "welcomed an actor, programme or decision", _ACTORS, _ANY, _DATED),
    RelType("COMMISSIONED", "commissioned an inquiry, inspection or service", _ACTORS, _ANY, _DATED),
    RelType("LEADS", "leads a body, an operation, inquiry or programme", _ACTORS, _NOT_PEOPLE, ()),
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
# as waiting. graph/pairing.py reads ASK_GENRES as it pairs (tests/test_queries.py checks that
# every genre the loaders set is in one of these).
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
# Labels whose nodes are looked up by name (documents, evidence and statements are named by their text).
STATEMENT_LABEL = "Statement"
SEARCHABLE_LABELS = tuple(name for name in THING_LABELS if name != STATEMENT_LABEL)
# A statement's text (its name when it has none) in lower case, written with the node, so that
# the `statements` question's word search is a plain CONTAINS: toLower() on every statement at
# ask time was 30 of the 39 ms of that question at 10,000 documents (BENCHMARKS.md).
TEXT_KEY = "_text_key"
# An ask's `about` in lower case, written with the ask (graph/upsert.py; it follows the `about`
# the merge keeps, as `day` follows `date`), so that the asks' word filter is a plain CONTAINS:
# toLower() on every ask at ask time was 5 to 8 ms of 10,000 asks (BENCHMARKS.md). Stores
# written before it get it at their next write (ensure_schema runs graph/upsert.py
# DERIVE_ABOUT_KEYS); until then the questions lower an ask's `about` without it as before.
ABOUT_KEY = "_about_key"
# On every mentioned node, the names of the first FIRST_DOCUMENTS_KEPT documents that mention it,
# in name order, without repeats (what the actor profile shows): kept as MENTIONS are written (a
# name put in its place in the list, which stays this long), and chosen again from the documents
# left when a replaced document's name was in it (graph/upsert.py). A hub is mentioned by tens of
# thousands of documents: reading, sorting and collecting 54,933 names to keep 20 was 50 of the
# profile's 57 ms at 1M relationships (BENCHMARKS.md). Stores written before it get it at their
# next write (ensure_schema runs graph/upsert.py DERIVE_FIRST_DOCUMENTS); until then the profile
# reads a node's mentions as before.
FIRST_DOCUMENTS = "_first_documents"
FIRST_DOCUMENTS_KEPT = 20
# The dated facts counted by month as the store writes, so that the timeline's total needs no read
# of the facts (queries/timeline.cypher's count; reading 20,000 facts at ask time cost about 40 ms
# at 1M relationships, BENCHMARKS.md): on every node, the facts (FACT_TYPES) it is either side of
# (a fact between a node and itself counted once), and once for the whole store on the one node
# labelled TOTALS_LABEL (id TOTALS_ID), as two lists of one length: MONTHS, the months (a date's
# first 7 characters, `month_group`: "2024-03"; a year-only date "2024" is a month of its own) and
# MONTH_FACTS, how many facts are dated in each (a month whose facts all went is taken out, and the
# lists when none is left, so that the same facts give the same lists in any order). Kept by
# graph/upsert.py as facts are created, as a merge moves a fact's date to another month ("2024" ->
# "2024-03-15") and as a replaced document deletes facts; a store written before gets them at its
# next write (ensure_schema runs graph/upsert.py DERIVE_MONTHS when there is no TOTALS_LABEL node
# but there are dated facts); dumps leave them and the TOTALS_LABEL node out, and a restore counts
# them again as it writes. The TOTALS_LABEL node is not one of NODE_LABELS: no batch can write it,
# and every reader of all nodes leaves it out (dump, fingerprint, stats, exports, name lookups).
MONTHS = "_months"
MONTH_FACTS = "_month_facts"
TOTALS_LABEL = "Totals"
TOTALS_ID = "facts"


def month_group(date: str) -> str:
    """The month a date is counted in (MONTHS): its first 7 characters ("2024-03-15" -> "2024-03")."""
    return date[:7]


# Exact-match node indexes ensure_schema() creates, as (label, property): `id` everywhere (the
# MERGE key and what `id:<node id>` parameters look up), the search keys where names are looked up,
# and an evidence piece's fact and document (the questions read a fact's pieces; a replaced
# document's pieces are removed).
NODE_INDEXES: tuple[tuple[str, str], ...] = (
    tuple((label, "id") for label in NODE_LABELS)
    + tuple((label, SEARCH_KEYS) for label in SEARCHABLE_LABELS)
    + ((EVIDENCE_LABEL, "fact"), (EVIDENCE_LABEL, "doc_id"))
)

# Ask-reply pairing, recorded as asks and replies are written (graph/pairing.py): an ask's and a
# reply's thread is "asker id|asked id|about" (about in lower case, trimmed; empty when none), so
# the replies that may answer an ask are two index look-ups (its own thread, and the thread of
# replies about nothing in particular) instead of every reply between the two actors.
THREAD = "_thread"
# Relationship indexes, as (type, property): the merge key of every type (the questions with no
# actor also read a type's relationships through it: `r.key >= ''`, where a bare typed pattern
# would scan every node, evidence pieces included), the threads, and every fact type's `date`
# (the timeline with no actor reads a date range of each type).
REL_INDEXES: tuple[tuple[str, str], ...] = (
    tuple((name, "key") for name in REL_TYPES)
    + (("ASKED", THREAD), ("ASKED", "_pair"), ("REPLIED_TO", THREAD))
    + tuple((name, "date") for name in FACT_TYPES)
)
# REL_INDEXES the FalkorDB stores leave out, and drop from a store written before (ensure_schema):
# MENTIONS' `key`, the largest index (one entry per mention: 152 of the 300 MB of indexes at 55,000
# documents, BENCHMARKS.md "Server memory"), which no FalkorDB statement needs. Mentions are
# MERGEd between their two ends (a document and a node share one: the plan is an `Expand Into`
# from the document, not the index), a replaced document's are read from the document, the
# fingerprint pages relationships from their source nodes by internal id, and the whole-graph
# export reads them from the documents (graph/subgraph.py): a key range read through the index
# read every entry past the page's start anyway (28.8 s without the index, 40.1 s with it, for
# the 167,026 mentions of 10,000 documents). Neo4j keeps it: its fingerprint and exports page
# every type by `key`, and its range reads are seeks. The index also made its type known to a new
# graph before anything was written, which a statement planned while another writes needs
# (FalkorDB plans before a write waits its turn): ensure_schema now makes every type known
# without it (graph/falkor.py _register_rel_types).
FALKORDB_UNINDEXED: tuple[tuple[str, str], ...] = (("MENTIONS", "key"),)

# Properties the store derives and keeps up to date as it writes; exports leave them out (their
# names start with "_"), questions read them instead of recounting at ask time:
# - on every node, `_out_TYPE` / `_in_TYPE`: how many relationships of TYPE start / end there
#   (the actor profile's counts; `_in_MENTIONS` is how many documents mention the node);
# - on relationships, the evidence summary above, and on asks and replies the pairing.
DERIVED = "_"


def degree_property(rel_type: str, direction: str) -> str:
    """The node property counting its relationships of one type in one direction ("out"/"in")."""
    if direction not in ("out", "in"):
        raise SchemaError(f"direction must be 'out' or 'in', not {direction!r}")
    return f"_{direction}_{check_rel_type(rel_type)}"


def neo4j_schema_statements() -> list[str]:
    """The schema civicgraph's Neo4j backend creates (and the Cypher export's header suggests, so
    that a later `load` into the same database finds exactly these): a unique constraint on every
    label's `id`, which brings its own index (a plain index on the same property would make the
    constraint fail), an index for every (type, property) of REL_INDEXES (every type's `key`, the
    ask-reply threads), and the Evidence look-ups of NODE_INDEXES (a fact's pieces, a document's
    pieces). The `_search_keys` lists are not indexed on Neo4j: its indexes do not serve
    `x IN list` look-ups."""
    statements = [
        f"CREATE CONSTRAINT civicgraph_{label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
        for label in NODE_LABELS
    ]
    statements += [
        f"CREATE INDEX civicgraph_{rel.lower()}_{prop.strip('_')} IF NOT EXISTS FOR ()-[r:{rel}]-() ON (r.{prop})"
        for rel, prop in REL_INDEXES
    ]
    statements += [
        f"CREATE INDEX civicgraph_{label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"
        for label, prop in NODE_INDEXES
        if label == EVIDENCE_LABEL and prop != "id"
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
