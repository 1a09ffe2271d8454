"""The linker: every mention of one document, found by the passes of this package in order.

The passes run on the folded text (loaders.names.folding), so every offset is one into the
document's own text. Candidates of the first three steps compete in `DocMentions.finish`
(a longer mention wins over a shorter one, then the earlier); the later steps resolve posts to
their holders and add references back, which never overlap a mention already there.
"""

from __future__ import annotations

from bisect import bisect_right

from graph.facts import Entity
from loaders.names.coref import backrefs, defined_abbreviations, definite_refs
from loaders.names.discovery import named_by_context, named_mentions
from loaders.names.folding import fold
from loaders.names.linescan import LineScan
from loaders.names.mentions import DocMentions, Mention
from loaders.names.money_programmes import money_mentions
from loaders.names.people import PersonFinder
from loaders.names.posts import posts_by_remit, resolve_posts
from loaders.names.registry_names import RegistryNames
from loaders.registry import Registry

__all__ = ["Linker", "linker_for"]


class Linker:
    """Compiled matchers for one registry; `link` is called once per document."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.names = RegistryNames(registry)
        self.people = PersonFinder(registry)

    def link(self, text: str, ref_date: str | None = None) -> DocMentions:
        """The mentions of `text`; offices stand for their holders on `ref_date` (ISO) when known."""
        folded = fold(text)
        doc = DocMentions(text=text, folded=folded)
        reg = self.registry

        # 1. registry names
        found: list[Mention] = self.names.mentions(doc)
        # 2. people by pattern (a registry person named in full is one of the document's own:
        # "Fellow AM Darren Johnson said ... Mr Johnson claimed" is Darren, not Boris)
        people: dict[str, Entity] = {
            x.entity.id: x.entity
            for x in found
            if x.entity.label == "Person" and " " in text[x.start : x.end]
        }
        found.extend(_after_registry_titles(found, self.people.find(folded, people), folded))
        # 3. bodies, programmes, inquiries and offices by name pattern
        found.extend(money_mentions(folded))
        scan = LineScan(folded)
        doc.scan = scan
        found.extend(named_mentions(folded, scan, reg))
        known = {(x.start, x.end) for x in found if x.kind not in ("discovered", "person")}
        named = named_by_context(folded, known, scan, reg) + posts_by_remit(folded, scan, reg)
        # an apposition that says what a name is ("X, the housing company") outweighs the weaker
        # hints that made it a person ("built by X")
        typed = {(x.start, x.end) for x in named}
        found = [x for x in found if not (x.kind == "person" and (x.start, x.end) in typed)]
        found.extend(named)

        doc.mentions = found
        doc.finish()
        defined_abbreviations(doc, reg)

        # 4. posts: holders named beside the post in this document, then the registry by date
        resolve_posts(doc, reg, ref_date)
        # 5. back-references to people
        backrefs(doc, reg)
        # 6. definite references back
        definite_refs(doc, reg)
        return doc


def _after_registry_titles(known: list[Mention], people: list[Mention], folded: str) -> list[Mention]:
    """A person found with the title before the name ("Deputy Commissioner Stephen House") starts
    at the name where a registry office runs into that title ("Met Deputy Commissioner"), so
    that the longer person mention does not hide the office."""
    if not people:
        return people
    offices = sorted(
        (x.start, x.end)
        for x in known
        if x.kind in ("registry", "office") and x.entity.label != "Person" or x.kind == "office"
    )
    out = []
    for x in people:
        name = x.entity.name
        at = x.end - len(name)
        if at > x.start and folded[at : x.end] == name:
            i = bisect_right(offices, (x.start, len(folded)))
            if i and offices[i - 1][0] < x.start < offices[i - 1][1] <= at:
                x = Mention(at, x.end, x.entity, x.kind, x.post)
        out.append(x)
    return out


def linker_for(registry: Registry) -> Linker:
    """One compiled linker per registry object (compiling takes longer than linking a page)."""
    cached = getattr(registry, "_linker", None)
    if cached is None:
        cached = Linker(registry)
        registry._linker = cached  # type: ignore[attr-defined]
    return cached
