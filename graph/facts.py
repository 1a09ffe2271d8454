"""Facts as loaders produce them, and their two faces: the JSON-lines export and store rows.

A Fact is a typed relation between two entities with its evidence. The JSON form is the contract
of the fact export (docs/ARCHITECTURE.md); `to_batch` turns one document's facts into the node and
relationship rows the store upserts; `fact_from_rel` turns a stored relationship back into a
Fact, so `extract` (no store) and `export facts` (from the store) print the same shape.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from graph.schema import FACT_TYPES, check_label, check_rel_type

_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """A stable id from a name: lower case ASCII words joined by '-'."""
    folded = text.replace("£", "gbp").replace("'", "").replace("\u2019", "")
    folded = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode().lower()
    return _SLUG.sub("-", folded).strip("-")[:120] or hashlib.sha1(text.encode()).hexdigest()[:12]


def short_hash(*parts: object, length: int = 16) -> str:
    h = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:length]


_ISO_PREFIX = re.compile(r"^\d{4}(?:-(\d{2})(?:-(\d{2}))?)?$")


def is_iso_date(value: object, *, partial: bool = True) -> bool:
    """A real calendar date written YYYY-MM-DD, or with `partial` also YYYY or YYYY-MM (the
    precisions facts keep): "2025-13" and "2023-02-29" are not."""
    match = _ISO_PREFIX.match(value) if isinstance(value, str) else None
    if match is None or (not partial and match.group(2) is None):
        return False
    month, day = match.group(1), match.group(2)
    try:
        dt.date(int(value[:4]), int(month or 1), int(day or 1))
    except ValueError:
        return False
    return True


def epoch_day(iso: str | None) -> int | None:
    """Days since 1970-01-01 for a full ISO date, None for partial or missing dates."""
    if not iso or len(iso) != 10:
        return None
    try:
        return (dt.date.fromisoformat(iso) - dt.date(1970, 1, 1)).days
    except ValueError:
        return None


@dataclass(frozen=True)
class Entity:
    """A node: a canonical name, a schema label and a stable id."""

    name: str
    label: str
    id: str = ""
    aliases: tuple[str, ...] = ()
    props: tuple[tuple[str, Any], ...] = ()

    def __post_init__(self) -> None:
        check_label(self.label)
        if not self.id:
            object.__setattr__(self, "id", slug(self.name))

    def as_json(self) -> dict[str, str]:
        return {"name": self.name, "type": self.label}


@dataclass(frozen=True)
class Evidence:
    """Where a fact is stated: `quote == text[start:end]` of the document."""

    document: str  # file name
    document_id: str  # content hash (sha256 hex)
    quote: str
    start: int
    end: int

    @property
    def key(self) -> str:
        return f"{self.document_id}:{self.start}:{self.end}"

    def as_json(self) -> dict[str, Any]:
        return {"document": self.document, "quote": self.quote, "start": self.start, "end": self.end}


@dataclass
class Fact:
    subject: Entity
    predicate: str
    object: Entity | None
    evidence: list[Evidence] = field(default_factory=list)
    date: str | None = None
    amount_gbp: float | None = None
    about: str | None = None
    text: str | None = None
    period: str | None = None
    due: str | None = None
    role: str | None = None

    def __post_init__(self) -> None:
        check_rel_type(self.predicate)
        if self.predicate not in FACT_TYPES:
            raise ValueError(f"{self.predicate} is not a fact type")

    @property
    def statement(self) -> Entity | None:
        """SAID facts point at a Statement node made from their text."""
        if self.predicate != "SAID" or not self.text:
            return None
        text = " ".join(self.text.split())
        return Entity(
            name=text if len(text) <= 80 else text[:77] + "...",
            label="Statement",
            id="statement-" + short_hash(self.subject.id, text.lower()),
            props=(("text", text),),
        )

    @property
    def target(self) -> Entity | None:
        return self.statement if self.predicate == "SAID" else self.object

    @property
    def key(self) -> str:
        """What makes two facts the same relationship (then their evidence merges).

        The date is not part of it: several documents report the same fact with different
        precision. The amount, `about` and the statement are."""
        target = self.target
        amount = None if self.amount_gbp is None else round(float(self.amount_gbp), 2)
        return short_hash(
            self.predicate, self.subject.id, target.id if target else None, (self.about or "").lower(), amount
        )

    def as_json(self) -> dict[str, Any]:
        """The fact export (docs/ARCHITECTURE.md)."""
        amount = self.amount_gbp
        if amount is not None and float(amount).is_integer():
            amount = int(amount)
        return {
            "subject": self.subject.as_json(),
            "predicate": self.predicate,
            "object": None if self.predicate == "SAID" or self.object is None else self.object.as_json(),
            "date": self.date,
            "amount_gbp": amount,
            "about": self.about,
            "text": self.text,
            "evidence": [e.as_json() for e in self.evidence],
        }

    def rel_props(self) -> dict[str, Any]:
        props: dict[str, Any] = {
            "date": self.date,
            "day": epoch_day(self.date),
            "amount_gbp": self.amount_gbp,
            "about": self.about,
            "text": self.text,
            "period": self.period,
            "due": self.due,
            "role": self.role,
        }
        return {k: v for k, v in props.items() if v is not None}


@dataclass
class DocumentInfo:
    """A read document and what its genre reader found about it."""

    name: str
    sha256: str
    text: str
    path: str = ""
    genre: str = "generic"
    title: str | None = None
    date: str | None = None
    reference: str | None = None
    author: str | None = None
    addressee: str | None = None
    publisher: str | None = None

    @property
    def entity(self) -> Entity:
        props = {
            "sha256": self.sha256,
            "path": self.path,
            "genre": self.genre,
            "title": self.title,
            "date": self.date,
            "reference": self.reference,
            "author": self.author,
            "addressee": self.addressee,
            "publisher": self.publisher,
            "chars": len(self.text),
        }
        return Entity(
            name=self.name,
            label="Document",
            id=self.sha256,
            props=tuple((k, v) for k, v in props.items() if v is not None),
        )


@dataclass
class Batch:
    """Rows ready for `Store.upsert`: nodes by id, relationships by merge key."""

    nodes: list[dict[str, Any]] = field(default_factory=list)
    rels: list[dict[str, Any]] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)  # ids of the Document nodes, for the journal


def node_row(entity: Entity) -> dict[str, Any]:
    props: dict[str, Any] = {"name": entity.name, **dict(entity.props)}
    if entity.aliases:
        props["aliases"] = sorted(set(entity.aliases))
    return {"label": entity.label, "id": entity.id, "props": props}


def to_batch(doc: DocumentInfo, facts: list[Fact], mentioned: list[Entity] = ()) -> Batch:
    """One document's nodes and relationships; facts with the same key merge their evidence."""
    nodes: dict[str, dict[str, Any]] = {}
    rels: dict[tuple[str, str], dict[str, Any]] = {}

    def add_node(entity: Entity) -> None:
        row = node_row(entity)
        known = nodes.get(entity.id)
        if known is None:
            nodes[entity.id] = row
        elif "aliases" in row["props"]:
            merged = set(known["props"].get("aliases", [])) | set(row["props"]["aliases"])
            known["props"]["aliases"] = sorted(merged)

    doc_entity = doc.entity
    add_node(doc_entity)
    for fact in facts:
        target = fact.target
        if target is None:
            continue
        add_node(fact.subject)
        add_node(target)
        rkey = (fact.predicate, fact.key)
        row = rels.get(rkey)
        if row is None:
            row = rels[rkey] = {
                "type": fact.predicate,
                "key": fact.key,
                "src": fact.subject.id,
                "src_label": fact.subject.label,
                "dst": target.id,
                "dst_label": target.label,
                "props": fact.rel_props(),
                "evidence": [],
            }
        for ev in fact.evidence:
            if all(e["key"] != ev.key for e in row["evidence"]):
                row["evidence"].append(
                    {
                        "key": ev.key,
                        "doc": ev.document,
                        "doc_id": ev.document_id,
                        "quote": ev.quote,
                        "start": ev.start,
                        "end": ev.end,
                    }
                )
    for entity in list(mentioned):
        add_node(entity)
    for node in list(nodes.values()):
        if node["id"] == doc_entity.id:
            continue
        mkey = ("MENTIONS", short_hash(doc_entity.id, node["id"]))
        rels[mkey] = {
            "type": "MENTIONS",
            "key": mkey[1],
            "src": doc_entity.id,
            "src_label": "Document",
            "dst": node["id"],
            "dst_label": node["label"],
            "props": {},
            "evidence": [],
        }
    return Batch(nodes=list(nodes.values()), rels=list(rels.values()), documents=[doc_entity.id])


def fact_from_rel(row: dict[str, Any]) -> dict[str, Any]:
    """A stored relationship (as returned by the export query) in the fact-export JSON shape."""
    props = row["props"]
    predicate = row["type"]
    evidence = [
        {"document": d, "quote": q, "start": s, "end": e}
        for d, q, s, e in zip(
            props.get("evidence_docs") or [],
            props.get("evidence_quotes") or [],
            props.get("evidence_starts") or [],
            props.get("evidence_ends") or [],
            strict=False,
        )
    ]
    amount = props.get("amount_gbp")
    if isinstance(amount, float) and amount.is_integer():
        amount = int(amount)
    return {
        "subject": {"name": row["src_name"], "type": row["src_label"]},
        "predicate": predicate,
        "object": None if predicate == "SAID" else {"name": row["dst_name"], "type": row["dst_label"]},
        "date": props.get("date"),
        "amount_gbp": amount,
        "about": props.get("about"),
        "text": props.get("text") if predicate != "SAID" else (props.get("text") or row.get("dst_text")),
        "evidence": evidence,
    }
