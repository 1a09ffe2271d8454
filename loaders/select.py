"""The last step of the chain: which facts are kept, and the dates they carry.

Per relation family, only facts found by a kept layer survive (loaders/data/families.toml, chosen
by measurement: EXTRACTION.md). A fact of a dated type that found no date of its own takes the
document's date: a press release's announcement happened on the day it was published.
"""

from __future__ import annotations

import os
import re
import tomllib
from functools import cache
from pathlib import Path

from graph.facts import Entity, Fact
from graph.schema import ACTOR_LABELS, FACT_TYPES, REL_TYPES, allows
from loaders.document import LAYERS, Doc, facts_overlap
from loaders.names.money_programmes import is_money_named

__all__ = ["select_facts", "kept_layers", "FAMILIES_FILE"]

FAMILIES_FILE = Path(__file__).parent / "data" / "families.toml"
# Types whose facts carry a date (the schema declares the property).
_DATED = tuple(t for t in FACT_TYPES if "date" in REL_TYPES[t].properties)


@cache
def _families(path: str) -> dict[str, frozenset[str]]:
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))["keep"]
    out: dict[str, frozenset[str]] = {}
    for family, layers in data.items():
        if family not in FACT_TYPES:
            raise ValueError(f"{path}: {family!r} is not a fact type of graph/schema.py")
        unknown = set(layers) - set(LAYERS)
        if unknown:
            raise ValueError(f"{path}: {family}: unknown layer(s) {', '.join(sorted(unknown))}")
        out[family] = frozenset(layers)
    return out


def kept_layers(family: str) -> frozenset[str]:
    """The layers kept for a family; CIVICGRAPH_LAYERS=rules,layout (a measurement switch, used by
    bench/score_real.py) overrides the file for every family."""
    override = os.environ.get("CIVICGRAPH_LAYERS")
    if override:
        return frozenset(x.strip() for x in override.split(",") if x.strip())
    return _families(str(FAMILIES_FILE)).get(family, frozenset(LAYERS))


# Which layer's version of a fact is kept when two layers state it from the same words.
_RANK = {"layout": 0, "apposition": 1, "parser": 2, "rules": 3}


def select_facts(doc: Doc) -> None:
    facts = doc.facts
    _one_statement_per_speaker(doc)
    _one_fact_per_statement(doc)
    _sum_over_no_sum(doc)
    _named_recipient_over_sum(doc)
    _full_office_over_its_head(doc)
    _known_holders_only(doc)
    _innermost_promise(doc)
    _member_over_their_body(doc)
    _critic_of_the_actor_not_the_act(doc)
    for key in list(facts.facts):
        fact = facts.facts[key]
        if not (facts.layers[key] & kept_layers(fact.predicate)):
            facts.drop(key)
            continue
        if (
            fact.predicate == "COMMITTED_TO"
            and fact.object is not None
            and doc.registry.get(fact.object.id) is not None
            and fact.object.label == "Organization"
        ):
            # "... to reset relations between the capital and the government": a promise is to do
            # something, not to a body named in it (the schema already refuses people and offices)
            facts.drop(key)
            continue
        if (
            fact.predicate == "FUNDS"
            and fact.object is not None
            and (fact.object.label == "Post" or _OFFICE_NAMED.match(fact.object.name))
        ):
            # "delegated authority for expenditure of funds to the Executive Director": an office
            # spends for its body; it is not who money is given to
            facts.drop(key)
            continue
        if fact.predicate == "FUNDS" and fact.object is not None and _NOT_A_NAME.match(fact.object.name):
            facts.drop(key)  # "£300,000 from the OPDC to TfL" read as whom it is for: a phrase, no one
            continue
        if fact.predicate == "FUNDS" and fact.object is not None and _A_RESERVE.search(fact.object.name):
            facts.drop(key)  # "the transfer of £1.7m to the budget resilience reserve": a body's own money
            continue
        if (
            fact.predicate == "FUNDS"
            and fact.object is not None
            and _THE_MONEY_ITSELF.match(fact.object.name)
        ):
            # "the award of a grant of £177,375", "the value of £30,000 each": the sum, not whom it is for
            facts.drop(key)
            continue
        if all(doc.zone_at(ev.start, "boilerplate") is not None for ev in fact.evidence):
            facts.drop(key)  # "NOW READ: TfL 'must prepare' ...": another page's headline
            continue
        motion = doc.zone_at(fact.evidence[0].start, "motion") if fact.predicate == "SAID" else None
        if motion is not None and (
            motion.speaker is None or fact.subject.id == motion.speaker.id or fact.subject.label != "Person"
        ):
            # "This Assembly notes that ...": a motion asks, it is not a statement (but the words it
            # quotes are their speaker's: "the Mayor stated: 'It is the policy to ...'")
            facts.drop(key)
            continue
        if fact.subject.name[:1].islower() and doc.registry.get(fact.subject.id) is None:
            # "businesses say ...", "an independent charity which ...": a description names no one
            facts.drop(key)
            continue
        if (
            fact.predicate == "SAID"
            and fact.subject.label == "Organization"
            and not _through_a_spokesperson(doc, fact)
            and not _its_own_letter(doc, fact)
        ):
            # "City Hall says ...", a committee report's own words, a motion's: a body's voice is
            # its documents (the document is the evidence of what it holds); a statement is a
            # person's, or a body's through its spokesperson ("a spokesman for the GLA said")
            facts.drop(key)
            continue
        if fact.date is None and fact.predicate in _DATED and doc.date:
            fact.date = doc.date
    _one_label_per_entity(doc)


# When layers disagree on what a name is, an actor reading wins over a thing.
_LABEL_RANK = {"Person": 0, "Organization": 1, "Post": 2}


def _one_label_per_entity(doc: Doc) -> None:
    """One entity per id in a document: the registry's reading of a name when it has one, else
    the most actor-like reading among the mentions and the facts. A layer that read "Hugo Ives"
    as the thing criticised must not make a second node beside the person; a fact the schema does
    not allow with the agreed label is dropped."""
    fixed: dict[str, Entity] = {}
    readings: dict[str, Entity] = {}

    def read(ent: Entity | None) -> None:
        if ent is None or ent.id in fixed:
            return
        known = readings.get(ent.id)
        if known is None or _LABEL_RANK.get(ent.label, 9) < _LABEL_RANK.get(known.label, 9):
            readings[ent.id] = ent

    for m in doc.mentions.mentions if doc.mentions is not None else ():
        if m.kind == "registry":
            fixed.setdefault(m.entity.id, m.entity)
        else:
            read(m.entity)
    for fact in doc.facts:
        read(fact.subject)
        read(fact.object)
    chosen = {**readings, **fixed}
    for key in list(doc.facts.facts):
        fact = doc.facts.facts[key]
        subject = chosen.get(fact.subject.id, fact.subject)
        obj = fact.object if fact.object is None else chosen.get(fact.object.id, fact.object)
        if subject is fact.subject and obj is fact.object:
            continue
        if not allows(fact.predicate, subject.label, obj.label if obj is not None else "Statement"):
            doc.facts.drop(key)
            continue
        fact.subject, fact.object = subject, obj


_A_RESERVE = re.compile(r"\breserves?$", re.IGNORECASE)
# a recipient's "name" that opens on a preposition is the phrase around it, not a name
_NOT_A_NAME = re.compile(r"(?i)(?:from|to|into|towards|for|in|on|by|with)\s")
_THE_MONEY_ITSELF = re.compile(
    r"(?i)(?:the\s+)?(?:(?:first|second|third|next|final|last)\s+)?"
    r"(?:award|value|grant|allocation|sum|total|amount|payment|contribution|tranche|investment|funding|provision)s?\s+of\s+"
    r"(?:(?:a|an|the|up\s+to|over|more\s+than|almost|nearly|around|about)\s+)*(?:(?:grant|award|sum|total)s?\s+of\s+)?£"
)
_SPOKESPERSON = re.compile(r"\bspokes(?:man|woman|person|people)\b|\bstatement\b", re.IGNORECASE)


def _through_a_spokesperson(doc: Doc, fact: Fact) -> bool:
    """Whether a sentence a statement is quoted from says it came through a spokesperson."""
    for ev in fact.evidence:
        i = doc.sentence_index(ev.start)
        start, end = doc.sentences[i] if i >= 0 else (ev.start, ev.end)
        if _SPOKESPERSON.search(doc.text, min(start, ev.start), max(end, ev.end)):
            return True
    return False


def _its_own_letter(doc: Doc, fact: Fact) -> bool:
    """Whether the statement is a letter the body itself wrote (an open letter signed by a
    campaign or an authority speaks for it as a spokesperson would)."""
    zone = doc.zone_at(fact.evidence[0].start, "letter")
    return zone is not None and zone.speaker is not None and zone.speaker.id == fact.subject.id


def _one_statement_per_speaker(doc: Doc) -> None:
    """One SAID fact per speaker and document, as the rules layer makes them: the speaker's
    words from every layer joined in document order, each quote a piece of evidence. A document
    is one occasion of speech for a speaker (a press release, an article, a transcript)."""
    facts = doc.facts
    by_speaker: dict[str, list[str]] = {}
    for key, fact in facts.facts.items():
        if fact.predicate == "SAID":
            by_speaker.setdefault(fact.subject.id, []).append(key)
    for keys in by_speaker.values():
        if len(keys) < 2:
            continue
        group = sorted((facts.facts[k] for k in keys), key=lambda f: f.evidence[0].start)
        parts: list[str] = []
        for f in group:
            for part in (f.text or "").split(" … "):
                if part and not any(part in p or p in part for p in parts):
                    parts.append(part)
        evidence = sorted({e.key: e for f in group for e in f.evidence}.values(), key=lambda e: e.start)
        layers = set().union(*(facts.layers[k] for k in keys))
        first = group[0]
        merged = Fact(
            subject=first.subject,
            predicate="SAID",
            object=None,
            evidence=evidence,
            date=next((f.date for f in group if f.date), None),
            text=" … ".join(parts),
        )
        for k in keys:
            facts.drop(k)
        facts.facts[merged.key] = merged
        facts.layers[merged.key] = layers


def _one_fact_per_statement(doc: Doc) -> None:
    """Two facts of one predicate between the same two entities, from overlapping words, are one
    fact read twice (a motion's ask found by its layout and by the parse, with different `about`):
    the version of the most structural layer is kept, with both pieces of evidence."""
    facts = doc.facts
    groups: dict[tuple, list[str]] = {}
    for key, f in facts.facts.items():
        if f.predicate != "SAID" and f.object is not None:
            groups.setdefault((f.predicate, f.subject.id, f.object.id), []).append(key)
    for keys in groups.values():
        if len(keys) < 2:
            continue
        keys.sort(key=lambda k: (min(_RANK[x] for x in facts.layers[k]), facts.facts[k].evidence[0].start))
        kept = facts.facts[keys[0]]
        for k in keys[1:]:
            other = facts.facts.get(k)
            if other is None or other.amount_gbp != kept.amount_gbp or not facts_overlap(kept, other):
                continue
            if facts.layers[k] & facts.layers[keys[0]]:
                continue  # one layer's two facts (two motions answered by one sentence) stay two
            have = {e.key for e in kept.evidence}
            for ev in other.evidence:
                if ev.key not in have:
                    have.add(ev.key)
                    kept.evidence.append(ev)
            kept.date = kept.date or other.date
            facts.layers[keys[0]] |= facts.layers[k]
            facts.drop(k)


def _sum_over_no_sum(doc: Doc) -> None:
    """ "Sadiq Khan paid £5m to the London Fire Brigade" read once with its sum and once without
    (a frame that needs none): one payment, the one with the sum, with both pieces of evidence."""
    facts = doc.facts
    with_sum: dict[tuple[str, str], list[Fact]] = {}
    for f in facts:
        if f.predicate == "FUNDS" and f.object is not None and f.amount_gbp is not None:
            with_sum.setdefault((f.subject.id, f.object.id), []).append(f)
    for key, f in list(facts.facts.items()):
        if f.predicate != "FUNDS" or f.object is None or f.amount_gbp is not None:
            continue
        same = [x for x in with_sum.get((f.subject.id, f.object.id), []) if facts_overlap(x, f)]
        if same:
            have = {e.key for e in same[0].evidence}
            same[0].evidence.extend(e for e in f.evidence if e.key not in have)
            facts.drop(key)


# The registry's holders of a post are every holder since this date or earlier (the GLA's first
# day): such a post is held by no one else in the pages this tool reads.
_GLA_START = "2000-05-04"


def _known_holders_only(doc: Doc) -> None:
    """'In a letter to Chancellor Rishi Sunak, the Mayor ...' misread as Sunak's office: a post whose
    every holder the registry lists since the GLA began (the Mayor, the Met's Commissioner, the
    Chancellor) is not held by anyone else, on a page of that era."""
    facts = doc.facts
    if doc.ref_date and doc.ref_date < _GLA_START:
        return
    for key in list(facts.facts):
        f = facts.facts[key]
        if f.predicate != "HOLDS_OFFICE" or f.object is None or f.subject.label != "Person":
            continue
        post = doc.registry.get(f.object.id)
        if post is None or not post.holders or min(h.start or "9999" for h in post.holders) > _GLA_START:
            continue
        if all(h.person != f.subject.id for h in post.holders):
            facts.drop(key)


# words that make an office another one below or beside it: a shadow minister is no minister
_UNDER = frozenset({"deputy", "shadow", "vice", "assistant", "acting", "interim", "junior"})


def _full_office_over_its_head(doc: Doc) -> None:
    """'appointed Kit Malthouse as Deputy Mayor for Business and Growth': the bare "Deputy Mayor"
    read from the same words is not a second office of his; nor is "Minister for London" read
    inside "deputy shadow minister for London"."""
    facts = doc.facts
    held: dict[str, list[str]] = {}
    for f in facts:
        if f.predicate == "HOLDS_OFFICE" and f.object is not None:
            held.setdefault(f.subject.id, []).append(f.object.name)
    for key in list(facts.facts):
        f = facts.facts[key]
        if f.predicate != "HOLDS_OFFICE" or f.object is None:
            continue
        name = f.object.name.lower()
        if any(
            other.lower() != name
            and (
                other.lower().startswith(name + " ")
                or other.lower().endswith(" " + name)
                and set(other.lower()[: -len(name)].split()) <= _UNDER  # "shadow minister for London"
            )
            for other in held.get(f.subject.id, [])
        ):
            facts.drop(key)


def _member_over_their_body(doc: Doc) -> None:
    """'London Assembly Member Brian Coleman accused the Mayor ...': one layer reads the body in
    his title as the one who accuses. Where the same words give the same relation from a person
    and from a body the document makes that person a member of, the person's is the fact."""
    facts = doc.facts
    member_of = {
        (f.subject.id, f.object.id) for f in facts if f.predicate == "MEMBER_OF" and f.object is not None
    }
    by_person = [f for f in facts if f.subject.label == "Person" and f.predicate != "MEMBER_OF"]
    for key in list(facts.facts):
        f = facts.facts[key]
        if f.subject.label != "Organization" or f.predicate == "MEMBER_OF":
            continue
        if any(
            g.predicate == f.predicate
            and (g.target.id if g.target else None) == (f.target.id if f.target else None)
            and (g.subject.id, f.subject.id) in member_of
            and facts_overlap(f, g)
            for g in by_person
        ):
            facts.drop(key)


# a phrase that names an office ("Executive Director of Communities and Intelligence")
_OFFICE_NAMED = re.compile(
    r"(?:(?:Executive|Deputy|Assistant|Interim|Acting|Chief|Senior)\s+)*"
    r"(?:Director|Head|Officer|Manager|Secretary|Commissioner|Chair|Chairman|Mayor)\b(?![’'])"
)


def _critic_of_the_actor_not_the_act(doc: Doc) -> None:
    """'attacking Labour's promise of a fares cut as "a swindle"': read once as criticism of
    Labour and once of "promise of a fares cut as a swindle"; the actor is the fact."""
    facts = doc.facts
    crit = [f for f in facts if f.predicate == "CRITICISED" and f.object is not None]
    for key in list(facts.facts):
        f = facts.facts[key]
        if f.predicate != "CRITICISED" or f.object is None or f.object.label in ACTOR_LABELS:
            continue
        if any(
            g.subject.id == f.subject.id and g.object.label in ACTOR_LABELS and facts_overlap(f, g)
            for g in crit
        ):
            facts.drop(key)


def _innermost_promise(doc: Doc) -> None:
    """'said he will agree to host the conference': one promise, read at two depths of its
    clause ("agree to host the conference", "host the conference"); the inner words name it."""
    facts = doc.facts
    promises = [
        (k, f) for k, f in facts.facts.items() if f.predicate == "COMMITTED_TO" and f.object is not None
    ]
    for key, f in promises:
        name = f.object.name.lower()
        if any(
            other.subject.id == f.subject.id
            and len(other.object.name) < len(name)
            and name.endswith(" " + other.object.name.lower())
            and facts_overlap(f, other)
            for k, other in promises
            if k != key and k in facts.facts
        ):
            facts.drop(key)


def _named_recipient_over_sum(doc: Doc) -> None:
    """'£1.2m of funding for grassroots music venues': when a sum's recipient is named, the
    programme named only by the sum ("£1.2m package") is not a second recipient."""
    facts = doc.facts
    funds = [(k, f) for k, f in facts.facts.items() if f.predicate == "FUNDS" and f.object is not None]
    for k, f in funds:
        if not is_money_named(f.object):
            continue
        if any(
            other is not f
            and other.subject.id == f.subject.id
            and other.amount_gbp == f.amount_gbp
            and not is_money_named(other.object)
            and facts_overlap(f, other)
            for _, other in funds
        ):
            facts.drop(k)
