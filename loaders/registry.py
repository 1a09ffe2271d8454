"""The registry: London actors, bodies and offices that the linker knows by name.

It says who and what exists (names, aliases, abbreviations, schema labels) and, for posts, who
held them when, so "the Mayor" in a 2010 letter and in a 2025 letter resolve to different people.
It never holds relations between entities: every relation comes from a document.

The shipped file is `loaders/data/registry.json`; users extend it with their own files of the
same format (`civicgraph load --registry FILE`). Format::

    {"entities": [
      {"name": "Metropolitan Police Service", "type": "Organization",
       "aliases": ["the Met", "Met Police"],          # matched case-insensitively
       "abbreviations": ["MPS", "Met"],               # matched case-sensitively
       "kind": "police"},                              # optional free word (police, inspectorate ...)
      {"name": "Mayor of London", "type": "Post", "aliases": ["the Mayor"],
       "holders": [{"person": "Sadiq Khan", "start": "2016-05-09", "end": null}]},
      {"name": "Sadiq Khan", "type": "Person", "honorifics": ["Sir"]}
    ]}

An entry whose name (or id) is already known merges into it: aliases add up, holders replace.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.facts import Entity, slug
from graph.schema import NODE_LABELS

__all__ = ["Registry", "RegistryEntry", "RegistryError", "Holder", "DEFAULT_REGISTRY"]

DEFAULT_REGISTRY = Path(__file__).parent / "data" / "registry.json"

# Labels a registry entry may carry: things that exist independently of one document.
ENTRY_LABELS = ("Person", "Organization", "Post", "Inquiry", "Programme")
_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_KNOWN_KEYS = {
    "name",
    "type",
    "id",
    "aliases",
    "abbreviations",
    "kind",
    "honorifics",
    "holders",
    "first_name_alone",
}


class RegistryError(ValueError):
    """A registry file that cannot be used; the message names the file and what is wrong."""


@dataclass(frozen=True)
class Holder:
    person: str  # entity id of the person
    start: str | None
    end: str | None

    def covers(self, date: str) -> bool:
        """True when the (possibly partial) ISO `date` may fall within the term (end exclusive)."""
        if self.start and _cmp(date, self.start) < 0:
            return False
        if self.end is None:
            return True
        c = _cmp(date, self.end)
        return c < 0 or (c == 0 and len(date) < len(self.end))


def _cmp(a: str, b: str) -> int:
    """Compare ISO dates on their common precision."""
    n = min(len(a), len(b))
    return (a[:n] > b[:n]) - (a[:n] < b[:n])


@dataclass
class RegistryEntry:
    id: str
    name: str
    label: str
    aliases: list[str] = field(default_factory=list)
    abbreviations: list[str] = field(default_factory=list)
    kind: str | None = None
    honorifics: list[str] = field(default_factory=list)
    holders: list[Holder] = field(default_factory=list)
    first_name_alone: bool = False
    _entity: Entity | None = field(default=None, repr=False, compare=False)

    @property
    def entity(self) -> Entity:
        """The node for this entry (built once: the linker asks for it at every mention)."""
        if self._entity is None:
            self._entity = Entity(
                name=self.name, label=self.label, id=self.id, aliases=tuple(self.aliases + self.abbreviations)
            )
        return self._entity


class Registry:
    """Entries by id, with lookup by any name and post holders by date."""

    def __init__(self, entries: Iterable[RegistryEntry] = ()) -> None:
        self.entries: dict[str, RegistryEntry] = {}
        self._by_name: dict[str, str] = {}
        self._by_abbr: dict[str, str] = {}
        for entry in entries:
            self._add(entry, source="<code>")

    # --- loading -------------------------------------------------------------------------
    @classmethod
    def load(cls, extra: Sequence[str | Path] = (), *, builtin: bool = True) -> Registry:
        """The shipped registry (unless `builtin` is False) merged with the user's files in order."""
        reg = cls()
        paths = ([DEFAULT_REGISTRY] if builtin else []) + [Path(p) for p in extra]
        for path in paths:
            reg.merge_file(path)
        return reg

    def merge_file(self, path: Path) -> None:
        try:
            raw = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise RegistryError(f"{path}: cannot read registry file ({exc.strerror or exc})") from None
        except UnicodeDecodeError:
            raise RegistryError(f"{path}: registry file is not UTF-8 text") from None
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise RegistryError(
                f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
            ) from None
        except RecursionError:
            raise RegistryError(f"{path}: nested too deeply to be a registry file") from None
        items = data.get("entities") if isinstance(data, dict) else data
        if not isinstance(items, list):
            raise RegistryError(f"{path}: expected an object with an 'entities' list (or a list of entries)")
        for i, item in enumerate(items):
            self._add(_parse_entry(item, f"{path}: entry {i + 1}"), source=str(path))

    def _add(self, entry: RegistryEntry, source: str) -> None:
        known_id = self._by_name.get(_norm(entry.name)) or (entry.id if entry.id in self.entries else None)
        if known_id:
            known = self.entries[known_id]
            if known.label != entry.label:
                raise RegistryError(
                    f"{source}: {entry.name!r} is a {entry.label} but already registered as {known.label}"
                )
            for a in entry.aliases:
                if a not in known.aliases:
                    known.aliases.append(a)
            for a in entry.abbreviations:
                if a not in known.abbreviations:
                    known.abbreviations.append(a)
            known.honorifics = list(dict.fromkeys(known.honorifics + entry.honorifics))
            known.kind = entry.kind or known.kind
            known.first_name_alone = known.first_name_alone or entry.first_name_alone
            if entry.holders:
                known.holders = entry.holders
            known._entity = None  # its aliases changed
            entry = known
        else:
            self.entries[entry.id] = entry
        for name in (entry.name, *entry.aliases):
            self._by_name.setdefault(_norm(name), entry.id)
        for abbr in entry.abbreviations:
            self._by_abbr.setdefault(abbr, entry.id)

    # --- lookup --------------------------------------------------------------------------
    def get(self, entity_id: str) -> RegistryEntry | None:
        return self.entries.get(entity_id)

    def find(self, name: str) -> RegistryEntry | None:
        """The entry with this name or long alias (case-insensitive), or abbreviation (exact)."""
        eid = self._by_name.get(_norm(name))
        if eid:
            return self.entries[eid]
        eid = self._by_abbr.get(name)
        return self.entries[eid] if eid else None

    def holder(self, post_id: str, date: str | None) -> RegistryEntry | None:
        """Who held the post at `date` (ISO, possibly partial); None when unknown or ambiguous."""
        post = self.entries.get(post_id)
        if post is None or not date or not post.holders:
            return None
        found = {h.person for h in post.holders if h.covers(date)}
        if len(found) != 1:
            return None
        pid = found.pop()
        return self.entries.get(pid)

    def posts_of(self, person_id: str) -> list[RegistryEntry]:
        return [e for e in self.entries.values() if any(h.person == person_id for h in e.holders)]

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self):
        return iter(self.entries.values())


def _norm(name: str) -> str:
    folded = name.replace("\u2019", "'").replace("\u2018", "'").lower()
    return " ".join(folded.split())


def _strings(value: Any, where: str, key: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RegistryError(f"{where}: '{key}' must be a list of non-empty strings")
    if any(len(v) > 300 for v in value):
        raise RegistryError(f"{where}: '{key}' holds a name longer than 300 characters")
    return [" ".join(v.split()) for v in value]


def _parse_entry(item: Any, where: str) -> RegistryEntry:
    if not isinstance(item, dict):
        raise RegistryError(f"{where}: expected an object, got {type(item).__name__}")
    unknown = set(item) - _KNOWN_KEYS
    if unknown:
        raise RegistryError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        raise RegistryError(f"{where}: 'name' must be a non-empty string")
    if len(name) > 300:
        raise RegistryError(f"{where}: 'name' is longer than 300 characters")
    name = " ".join(name.split())
    where = f"{where} ({name!r})"
    label = item.get("type")
    if label not in ENTRY_LABELS or label not in NODE_LABELS:
        raise RegistryError(f"{where}: 'type' must be one of {', '.join(ENTRY_LABELS)}, got {label!r}")
    eid = item.get("id") or slug(name)
    if not isinstance(eid, str) or not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,119}", eid):
        raise RegistryError(f"{where}: 'id' must be a lower-case slug (letters, digits, '-')")
    kind = item.get("kind")
    if kind is not None and not isinstance(kind, str):
        raise RegistryError(f"{where}: 'kind' must be a string")
    holders: list[Holder] = []
    raw_holders = item.get("holders") or []
    if raw_holders and label != "Post":
        raise RegistryError(f"{where}: only a Post can have 'holders'")
    if not isinstance(raw_holders, list):
        raise RegistryError(f"{where}: 'holders' must be a list")
    for j, h in enumerate(raw_holders):
        hw = f"{where}: holder {j + 1}"
        if not isinstance(h, dict) or not isinstance(h.get("person"), str) or not h["person"].strip():
            raise RegistryError(f"{hw}: expected {{'person': name, 'start': date, 'end': date|null}}")
        for k in ("start", "end"):
            v = h.get(k)
            if v is not None and (not isinstance(v, str) or not _ISO.match(v)):
                raise RegistryError(f"{hw}: '{k}' must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) or null")
        holders.append(Holder(person=slug(h["person"]), start=h.get("start"), end=h.get("end")))
    return RegistryEntry(
        id=eid,
        name=name,
        label=label,
        aliases=_strings(item.get("aliases"), where, "aliases"),
        abbreviations=_strings(item.get("abbreviations"), where, "abbreviations"),
        kind=kind,
        honorifics=_strings(item.get("honorifics"), where, "honorifics"),
        holders=holders,
        first_name_alone=bool(item.get("first_name_alone", False)),
    )
