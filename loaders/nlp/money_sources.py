"""FUNDS from where a sum comes: "receipt of £144,535 from London Councils for the Strategic
Insights Tool", "£7 million awarded by the Home Office", "It has been given £535,000 from the LDA",
"£29,666 grant funding (from Arts Council England and London Councils) into the London Borough of
Culture budget".

The lexicon's frames start from a verb or noun of giving; here the sum itself is the start, so a
source named beside a sum gives it whatever the sentence's verb is. The giver is the "from X" or
"by X" (of a participle of giving: "awarded by", "issued by") hung on the sum, on the noun it
counts ("£70m loan") or on the verb that moves it. Whom it goes to: the "to", "for", "into" or
"towards" there, else whoever receives, gets or is given it, else whose budget holds it ("The VRU
has a budget of £14.8 million which includes £7 million ..."). Both must name someone or
something named; the sum is the fact's amount.
"""

from __future__ import annotations

from typing import Any

from graph.facts import Entity, slug
from loaders.document import Doc
from loaders.money import Amount
from loaders.nlp.frames import conjuncts, subject_of
from loaders.nlp.reference import Ref, Resolver

__all__ = ["budget_of", "sums_from_givers"]

Token = Any

_GIVING = frozenset(
    {"award", "provide", "promise", "issue", "give", "grant", "allocate", "pledge", "offer", "make"}
)
_RECEIVING = frozenset({"receive", "get", "secure", "win", "obtain", "attract", "expect"})
_PASSIVE_GIVING = frozenset({"give", "award", "grant", "allocate", "hand", "offer"})
_HOLDING = frozenset({"include", "comprise"})
_TO = ("to", "for", "into", "towards")
_ACTORS = ("Person", "Organization")


def sums_from_givers(doc: Doc, res: Resolver, sdoc, sent: tuple[int, int], amounts: list[Amount]) -> None:
    for amount in amounts:
        money = _money_token(res, sdoc, sent, amount)
        if money is None:
            continue
        places = _places(money)
        givers = [g for g in _givers(res, places) if g.entity.label in _ACTORS or _a_fund(g)]
        if not givers:
            continue
        for whom in _recipients(res, places):
            for giver in givers:
                if giver.entity.id != whom.entity.id:
                    doc.facts.add(
                        "FUNDS",
                        giver.entity,
                        whom.entity,
                        sent,
                        layer="parser",
                        amount_gbp=amount.gbp,
                        date=doc.date,
                    )


def _money_token(res: Resolver, sdoc, sent: tuple[int, int], amount: Amount) -> Token | None:
    """The token that stands for the sum in the parse: its last word ("£7 million" -> million)."""
    start, end = sent[0] + amount.start - res.offset, sent[0] + amount.end - res.offset
    inside = [t for t in sdoc if start <= t.idx < end]
    return inside[-1] if inside else None


def _places(money: Token) -> list[Token]:
    """The sum, the noun it counts ("£70m loan", "£29,666 grant funding") and the verb that moves
    either ("given £535,000 from the LDA")."""
    out = [money]
    noun = money
    if money.dep_ in ("nummod", "compound", "quantmod", "nmod") and money.head.pos_ in ("NOUN", "PROPN"):
        noun = money.head
        out.append(noun)
    if noun.dep_ in ("dobj", "pobj", "attr", "conj") and noun.head.pos_ in ("VERB", "AUX", "NOUN"):
        head = noun.head if noun.dep_ != "pobj" else noun.head.head
        if head.pos_ in ("VERB", "AUX") or head.lemma_.lower() == "receipt":
            out.append(head)
    return out


def _givers(res: Resolver, places: list[Token]) -> list[Ref]:
    found: list[Ref] = []
    for place in places:
        for c in place.children:
            if c.dep_ == "prep" and c.lower_ == "from":
                found += _named(res, c)
            elif c.dep_ == "acl" and c.lemma_.lower() in _GIVING:  # "£7 million awarded by the Home Office"
                found += [r for a in c.children if a.dep_ == "agent" for r in _named(res, a)]
    return found


def _named(res: Resolver, prep: Token) -> list[Ref]:
    out: list[Ref] = []
    for p in prep.children:
        if p.dep_ != "pobj":
            continue
        for tok in conjuncts(p):
            # "£50,000 from the Core Growth Hub Grant issued by the Department for ...": who issued it
            issued = [
                r
                for c in tok.children
                if c.dep_ == "acl" and c.lemma_.lower() in _GIVING
                for a in c.children
                if a.dep_ == "agent"
                for r in _named(res, a)
            ]
            if issued:
                out += issued
                continue
            ref = res.actor(tok, owner=True)
            if ref is None:
                ref = res.thing(tok)
            if ref is not None:
                out.append(ref)
    return out


def budget_of(res: Resolver, tok: Token) -> Ref | None:
    """ "into the London Borough of Culture budget": the programme whose budget it is, named in
    capitalised words before "budget"."""
    words = [t for t in tok.subtree if not (t.dep_ == "det" and t.i == tok.left_edge.i)]
    if len(words) < 3 or words[-1].lemma_.lower() != "budget" or not words[0].text[:1].isupper():
        return None
    name_words = words[:-1]
    if not all(
        t.text[:1].isupper() or t.lower_ in ("of", "for", "and", "&", "the", "in", "on", "at")
        for t in name_words
    ):
        return None
    start = res.offset + name_words[0].idx
    end = res.offset + name_words[-1].idx + len(name_words[-1].text)
    name = res.doc.text[start:end]
    return Ref(Entity(name=name, label="Programme", id=slug(name)), start, end, "phrase")


def _a_fund(ref: Ref) -> bool:
    """A named fund gives what it pays out ("£3 million from the Mayor's Green New Deal Fund")."""
    return ref.entity.label == "Programme" and ref.entity.name.split()[-1] == "Fund"


def _named_enough(ref: Ref | None) -> bool:
    """A recipient is a person or a body, or a thing with a capitalised name."""
    return ref is not None and (ref.entity.label in _ACTORS or ref.entity.name[:1].isupper())


def _recipients(res: Resolver, places: list[Token]) -> list[Ref]:
    for place in places:
        for c in place.children:
            if c.dep_ in ("prep", "dative") and c.lower_ in _TO:
                for p in c.children:
                    if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "CARDINAL") and not p.like_num:
                        ref = budget_of(res, p) or res.actor(p) or res.thing(p)
                        if _named_enough(ref):
                            return [ref]
    verb = places[-1]
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    lemma = verb.lemma_.lower()
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if lemma in _RECEIVING or passive and lemma in _PASSIVE_GIVING:
        # "TfL received £3m from Barclays", "It has been given £535,000 from the LDA"
        subjects = [c for c in verb.children if c.dep_ == "nsubjpass"] if passive else subject_of(verb)
        for s in subjects[:1]:
            ref = res.actor(s) or res.thing(s)
            if _named_enough(ref):
                return [ref]
        return []
    if lemma in _HOLDING:
        # "The VRU has a budget of £14.8 million which includes £7 million ...": whose budget it is
        budget = verb.head if verb.dep_ == "relcl" else None
        while budget is not None and budget.dep_ == "pobj":
            budget = budget.head.head
        if budget is not None and budget.dep_ == "dobj" and budget.head.lemma_ == "have":
            return [r for o in subject_of(budget.head)[:1] if (r := res.actor(o)) is not None]
    return []
