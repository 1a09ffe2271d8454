"""Money-named programmes named by what they are for, where the sentence says.

News copy names a fund by its sum ("a £136 million package for London transport"); the names
layer keys such mentions on the sum ("£136m package") so that "the £136m" later is the same
fund. A FUNDS fact is more use with the words that say what the money is for: its object
becomes "package for London transport", or the actor it is for ("£5m funding for Transport for
London" funds TfL). Facts of either layer are renamed, so this runs after both, on the parse.
"""

from __future__ import annotations

from graph.facts import Entity, Fact, slug
from loaders.document import Doc, facts_overlap
from loaders.names.money_programmes import MONEY_HEADS, is_money_named
from loaders.nlp.reference import Ref, Resolver, inside_a_name

__all__ = ["name_money_programmes", "what_money_is_for"]


_SUM_WORDS = frozenset({"m", "bn", "k", "million", "billion", "thousand", "£", "pounds"})
_TIMES = frozenset({"year", "years", "month", "week", "period", "term", "decade", "day", "winter", "summer"})


def name_money_programmes(doc: Doc) -> None:
    """Rename the money-named object of each FUNDS fact whose sentence says what it is for, unless
    another fact already names the same sum from the same funder (select's
    `_named_recipient_over_sum` drops the money-named one). A fund that other facts name by its
    sum keeps that name, so that they stay about one node."""
    funds = [f for f in doc.facts if f.predicate == "FUNDS" and f.object is not None]
    for key, fact in list(doc.facts.facts.items()):
        if fact.predicate != "FUNDS" or fact.object is None or not is_money_named(fact.object):
            continue
        if any(
            other.subject.id == fact.subject.id
            and other.amount_gbp == fact.amount_gbp
            and not is_money_named(other.object)
            and facts_overlap(fact, other)
            for other in funds
        ):
            continue  # another fact names the same sum from the same funder: select drops this one
        ev = fact.evidence[0]
        sdoc = doc.parsed.get(doc.sentence_index(ev.start))
        mention = next(
            (m for m in doc.mentions.between(ev.start, ev.end) if m.entity.id == fact.object.id), None
        )
        if sdoc is None or mention is None:
            continue
        if any(
            other is not fact and fact.object.id in (other.subject.id, other.object and other.object.id)
            for other in doc.facts
        ):
            continue  # "The money was welcomed by Refuge": other facts name the fund by its sum
        ref = what_money_is_for(Resolver(doc, sdoc), mention.start, mention.end)
        if ref is None or ref.entity.id == fact.subject.id:
            continue
        layers = doc.facts.layers[key]
        doc.facts.drop(key)
        props = {
            k: getattr(fact, k) for k in ("date", "amount_gbp", "about", "text", "period", "due", "role")
        }
        renamed = Fact(
            subject=fact.subject, predicate="FUNDS", object=ref.entity, evidence=fact.evidence, **props
        )
        for layer in sorted(layers):
            doc.facts.merge(renamed, layer)


def what_money_is_for(res: Resolver, start: int, end: int) -> Ref | None:
    """The programme a sum names (text[start:end], "£136 million package") by its own words and
    what it is for ("package for London transport", "regeneration fund for London"), or the one
    it is for when that is an actor; None when no "for" follows its head noun."""
    heads = [
        t
        for t in res.sdoc
        if start <= res.offset + t.idx <= end and t.pos_ == "NOUN" and t.lemma_.lower() in MONEY_HEADS
    ]
    for head in heads[-1:]:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ != "for" or inside_a_name(res, prep):
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                if pobj.lemma_.lower() in _TIMES or pobj.ent_type_ == "DATE":
                    return None  # "the £130m scheme for the 2023-24 academic year": when, not what
                who = res.actor(pobj)
                if who is not None:
                    return who
                return _phrase(res, head, pobj)
    return None


def _phrase(res: Resolver, head, pobj) -> Ref:
    """From the head's own modifiers ("regeneration fund") to the end of what it is for, cut
    before a verb, a pronoun or punctuation ("for London transport | designed to ...")."""
    sdoc = res.sdoc
    first = head
    while (
        first.i > 0
        and sdoc[first.i - 1].pos_ in ("NOUN", "ADJ", "PROPN")
        and not sdoc[first.i - 1].like_num
        and sdoc[first.i - 1].lower_ not in _SUM_WORDS
    ):
        first = sdoc[first.i - 1]
    last = pobj
    in_to_clause = False  # "a scheme to tackle adult reoffending" is what it is; "| designed to ..." is not
    for t in pobj.subtree:
        if t.i <= pobj.i:
            continue
        if t.lower_ == "to" and t.dep_ == "aux" and t.head.tag_ == "VB":
            in_to_clause = True
        verb = t.pos_ in ("VERB", "AUX") and not (in_to_clause and t.tag_ in ("VB", "VBG"))
        if t.is_punct or verb or t.pos_ in ("PRON", "SCONJ") or t.tag_ in ("WDT", "WP"):
            break
        last = t
    while last.i > pobj.i and last.pos_ in ("ADP", "DET", "CCONJ", "PART"):
        last = sdoc[last.i - 1]
    s, e = res.char_span(first, last)
    name = " ".join(res.doc.text[s:e].split())
    return Ref(Entity(name=name, label="Programme", id=slug(name)), s, e, "phrase")
