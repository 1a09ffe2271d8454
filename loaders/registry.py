"""The registry: London actors, bodies and offices that the linker knows by name.

It says who and what exists (names, aliases, abbreviations, schema labels) and, for posts, who
held them when, so "the Mayor" in a 2010 letter and in a 2025 letter resolve to different people.
It never holds relations between entities: every relation comes from a document. A holder's
party group and constituency are part of the dated office (who sat for whom, when), not facts
the graph stores: the linker may use them, relations still need a document and a quote.

The shipped file is `loaders/data/registry.json`; users extend it with their own files of the
same format (`civicgraph load --registry FILE`). Format::

    {"entities": [
      {"name": "Metropolitan Police Service", "type": "Organization",
       "aliases": ["the Met", "Met Police"],          # matched case-insensitively
       "abbreviations": ["MPS", "Met"],               # matched case-sensitively
       "kind": "police",                               # optional free word (police, party_group ...)
       "source": "https://en.wikipedia.org/wiki/Metropolitan_Police"},
      {"name": "Mayor of London", "type": "Post", "aliases": ["the Mayor"],
       "source": ["https://...", "https://..."],       # a URL or a list of URLs
       "holders": [{"person": "Sadiq Khan", "start": "2016-05-09", "end": null,
                    "source": "https://..."}]},
      {"name": "Member of the London Assembly", "type": "Post", "seats": 25,
       "holders": [{"person": "Caroline Russell", "start": "2016-05-05", "end": "2021-05-06",
                    "group": "Green Group", "constituency": "London-wide",
                    "source": "https://...", "note": "..."}]},
      {"name": "Sadiq Khan", "type": "Person", "honorifics": ["Sir"]}
    ]}

- `source` (entry and holder): the public page(s) the fact comes from, http(s) URLs only.
- `note` (entry and holder): free text, e.g. what could not be checked ("end year only").
- `seats` (Post only, default 1): how many people hold the post at once. Holders of a one-seat
  post may not overlap: a term that certainly overlaps another is an error.
- `group` (holder): the name or alias of an Organization entry of kind `party_group` (checked
  once the whole file is read, so the group may come later in the file or from the shipped
  registry); null for a member in no group. `constituency` (holder): a non-empty string.
- Dates are ISO, possibly partial (YYYY or YYYY-MM); `end` is exclusive and null means still
  in office (or unknown). A partial date stands for the precision the source gives.

An entry whose name (or id) is already known merges into it: aliases and sources add up,
holders replace.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.facts import Entity, slug
from graph.schema import NODE_LABELS

__all__ = ["Registry", "RegistryEntry", "RegistryError", "Holder", "DEFAULT_REGISTRY", "PARTY_GROUP"]

DEFAULT_REGISTRY = Path(__file__).parent / "data" / "registry.json"

# Labels a registry entry may carry: things that exist independently of one document.
ENTRY_LABELS = ("Person", "Organization", "Post", "Inquiry", "Programme")
PARTY_GROUP = "party_group"  # the kind of an Organization that a holder's `group` names
_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_URL = re.compile(r"^https?://[^\s/]+\.[^\s/]+(/\S*)?$")
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
    "source",
    "note",
    "seats",
}
_HOLDER_KEYS = {"person", "start", "end", "source", "note", "group", "constituency"}


class RegistryError(ValueError):
    """A registry file that cannot be used; the message names the file and what is wrong."""


@dataclass(frozen=True)
class Holder:
    person: str  # entity id of the person
    start: str | None
    end: str | None
    group: str | None = None  # entity id of the party group (resolved from the name in the file)
    constituency: str | None = None
    source: tuple[str, ...] = ()
    note: str | None = None

    def covers(self, date: str) -> bool:
        """True when the (possibly partial) ISO `date` may fall within the term (end exclusive)."""
        if self.start and _cmp(date, self.start) < 0:
            return False
        if self.end is None:
            return True
        c = _cmp(date, self.end)
        return c < 0 or (c == 0 and len(date) < len(self.end))

    def certainly_covers(self, date: str) -> bool:
        """True when the term surely covers `date` (a boundary known only to the year does not)."""
        start_ok = self.start is None or self.start == date or _cmp(self.start, date) < 0
        return start_ok and (self.end is None or _cmp(date, self.end) < 0)

    def overlaps(self, other: Holder) -> bool:
        """True when the two terms certainly share a day (partial dates give the benefit of doubt)."""
        return _before(other.start, self.end) and _before(self.start, other.end)


def _cmp(a: str, b: str) -> int:
    """Compare ISO dates on their common precision."""
    n = min(len(a), len(b))
    return (a[:n] > b[:n]) - (a[:n] < b[:n])


def _before(start: str | None, end: str | None) -> bool:
    """True when `start` is certainly before `end` (None: open-ended on that side)."""
    if start is None or end is None:
        return True
    return _cmp(start, end) < 0


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
    source: list[str] = field(default_factory=list)
    note: str | None = None
    seats: int = 1
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
        parsed = []
        for i, item in enumerate(items):
            where = f"{path}: entry {i + 1}"
            entry = _parse_entry(item, where)
            parsed.append((f"{where} ({entry.name!r})", entry))
        # all of the file first, so a holder's group may be declared after the post that uses it
        for where, entry in parsed:
            self._add(entry, source=where)
        for where, entry in parsed:
            if entry.holders:
                self._resolve_holders(entry, where)

    def _resolve_holders(self, entry: RegistryEntry, where: str) -> None:
        """Group names to party-group ids, then the one-seat rule (terms may not overlap)."""
        stored = self.find(entry.name) or self.entries[entry.id]
        resolved = []
        for j, h in enumerate(entry.holders):
            if h.group is not None:
                group = self.find(h.group)
                if group is None or group.label != "Organization" or group.kind != PARTY_GROUP:
                    raise RegistryError(
                        f"{where}: holder {j + 1}: group {h.group!r} is not a known party group "
                        f"(an Organization entry with kind '{PARTY_GROUP}')"
                    )
                h = dataclasses.replace(h, group=group.id)
            resolved.append(h)
        if stored.seats == 1:
            for a in range(len(resolved)):
                for b in range(a + 1, len(resolved)):
                    if resolved[a].overlaps(resolved[b]):
                        raise RegistryError(
                            f"{where}: holders {a + 1} and {b + 1} ({resolved[a].person}, {resolved[b].person}) "
                            f"overlap but the post has one seat (give 'seats' if it has more)"
                        )
        stored.holders = resolved

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
            known.source = list(dict.fromkeys(known.source + entry.source))
            known.kind = entry.kind or known.kind
            known.note = entry.note or known.note
            known.first_name_alone = known.first_name_alone or entry.first_name_alone
            if entry.seats != 1:
                known.seats = entry.seats
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

    def is_assembly_body(self, entity_id: str) -> bool:
        """Whether the entity is the London Assembly or one of its committees."""
        entry = self.entries.get(entity_id)
        return entry is not None and entry.kind in ("assembly", "committee")

    def find(self, name: str) -> RegistryEntry | None:
        """The entry with this name or long alias (case-insensitive), or abbreviation (exact)."""
        eid = self._by_name.get(_norm(name))
        if eid:
            return self.entries[eid]
        eid = self._by_abbr.get(name)
        return self.entries[eid] if eid else None

    def holder(self, post_id: str, date: str | None) -> RegistryEntry | None:
        """Who held the post at `date` (ISO, possibly partial); None when unknown or ambiguous."""
        found = {h.person for h in self.terms_at(post_id, date)}
        if len(found) != 1:
            return None
        return self.entries.get(found.pop())

    def terms_at(self, post_id: str, date: str | None) -> list[Holder]:
        """Every term of the post that may cover `date` (several for a post with many seats)."""
        post = self.entries.get(post_id)
        if post is None or not date:
            return []
        return [h for h in post.holders if h.covers(date)]

    def term(self, post_id: str, person_id: str, date: str | None) -> Holder | None:
        """The person's term of the post covering `date` (with its group and constituency)."""
        terms = [h for h in self.terms_at(post_id, date) if h.person == person_id]
        return terms[0] if len(terms) == 1 else None

    def group_of(self, person_id: str, post_id: str, date: str | None) -> RegistryEntry | None:
        """The party group the person sat in, as holder of the post, at `date`."""
        t = self.term(post_id, person_id, date)
        return self.entries.get(t.group) if t and t.group else None

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


def _sources(value: Any, where: str) -> list[str]:
    """A URL or a non-empty list of URLs (http or https), as given."""
    urls = [value] if isinstance(value, str) else value
    if value is None:
        return []
    if not isinstance(urls, list) or not urls or not all(isinstance(u, str) and _URL.match(u) for u in urls):
        raise RegistryError(
            f"{where}: 'source' must be an http(s) URL or a non-empty list of them, got {value!r}"
        )
    return list(urls)


def _text(value: Any, where: str, key: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise RegistryError(f"{where}: '{key}' must be a non-empty string")
    return " ".join(value.split())


def _holder(h: Any, where: str) -> Holder:
    if not isinstance(h, dict) or not isinstance(h.get("person"), str) or not h["person"].strip():
        raise RegistryError(f"{where}: expected {{'person': name, 'start': date, 'end': date|null}}")
    unknown = set(h) - _HOLDER_KEYS
    if unknown:
        raise RegistryError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    for k in ("start", "end"):
        v = h.get(k)
        if v is not None and (not isinstance(v, str) or not _ISO.match(v)):
            raise RegistryError(f"{where}: '{k}' must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) or null")
    if h.get("start") and h.get("end") and (h["start"] == h["end"] or _cmp(h["end"], h["start"]) < 0):
        raise RegistryError(f"{where}: 'end' ({h['end']}) is not after 'start' ({h['start']})")
    return Holder(
        person=slug(h["person"]),
        start=h.get("start"),
        end=h.get("end"),
        group=_text(h.get("group"), where, "group"),
        constituency=_text(h.get("constituency"), where, "constituency"),
        source=tuple(_sources(h.get("source"), where)),
        note=_text(h.get("note"), where, "note"),
    )


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
    seats = item.get("seats", 1)
    if "seats" in item and label != "Post":
        raise RegistryError(f"{where}: only a Post can have 'seats'")
    if not isinstance(seats, int) or isinstance(seats, bool) or seats < 1:
        raise RegistryError(f"{where}: 'seats' must be a whole number of at least 1")
    raw_holders = item.get("holders") or []
    if raw_holders and label != "Post":
        raise RegistryError(f"{where}: only a Post can have 'holders'")
    if not isinstance(raw_holders, list):
        raise RegistryError(f"{where}: 'holders' must be a list")
    holders = [_holder(h, f"{where}: holder {j + 1}") for j, h in enumerate(raw_holders)]
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
        source=_sources(item.get("source"), where),
        note=_text(item.get("note"), where, "note"),
        seats=seats,
    )
