"""Facts from the parse: each relation family's triggers, their frames, their arguments.

For every parsed sentence and every token that triggers a pattern of loaders/data/lexicon.toml,
the frame gives the candidate fillers of each role; the pattern's role lists say which role names
the subject and which the object, first usable one first. A negated trigger ("did not fund",
"refused to commit") gives nothing. A pattern that needs money makes one fact per sum in the
trigger's clause ("£7.2m in 2019/20, £7.6m in 2020/21" is two), dated by a year written right
after the sum. Facts enter the document's fact set as layer "parser"; the evidence is the sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from graph.facts import Entity, slug
from loaders.dates import find_dates
from loaders.document import Doc
from loaders.money import FUNDING_NOUNS, WHERE_MONEY_IS_SET, find_amounts
from loaders.names.money_programmes import is_money_named
from loaders.nlp.frames import Frame, conjuncts, frame, means_phrases, reporter, subject_of
from loaders.nlp.lexicon import Pattern, patterns
from loaders.nlp.money_sources import budget_of, sums_from_givers
from loaders.nlp.reference import Ref, Resolver, inside_a_name
from loaders.offices import assembly_group, post_fact
from loaders.quotes.verbs import REPORTING_SET

__all__ = ["parser_relations"]

Token = Any
_YOU = {"you", "your", "yours", "yourself"}
_MONEY_WORDS = {"m", "bn", "k", "million", "billion", "thousand", "£", "pounds", "pound"}


# Modal auxiliaries that make a clause a wish, a possibility or a report, not a fact: only asks
# ("X should ...") and commitments ("will") are read from such clauses.
_UNREAL = {"should", "must", "could", "would", "might", "may", "ought", "can"}


_THEY_ARE = re.compile(r"^(?:They|These|Those)\s+(?:are|were|include|included)\b")


def parser_relations(doc: Doc) -> None:
    pats = patterns()
    generic: dict[int, list] = {}  # sentence -> facts whose subject is a plural description
    for i, sdoc in sorted(doc.parsed.items()):
        if doc.zone_at(doc.sentences[i][0], "title") is not None:
            continue  # a headline repeats the body in fewer words
        if i - 1 in generic and _THEY_ARE.match(sdoc.text):  # (Doc.text joins its tokens: asked last)
            _they_are(doc, sdoc, i, generic[i - 1])
            continue
        resolver = Resolver(doc, sdoc)
        sent = doc.sentences[i]
        amounts = None
        frames: dict[tuple[int, str], Frame] = {}  # a token's frame, built once for all its patterns
        for tok in sdoc:
            for pat in _candidates(tok, pats):
                trig = _trigger(tok, pat)
                if trig is None:
                    continue
                kind, used = trig
                built = frames.get((tok.i, kind))
                if built is None:
                    built = frames[tok.i, kind] = frame(tok, kind)
                f = replace(built)  # (its roles may be replaced below, for this pattern only)
                if f.negated and not (kind == "modal" and pat.family == "ASKED"):
                    continue
                if (
                    (f.modal in _UNREAL or f.asked_for)
                    and pat.family not in ("ASKED", *_OPINIONS)
                    and kind != "modal"
                ):
                    continue  # a wish or a request is not a fact of its family (a fear of harm is an opinion)
                if pat.family == "SAID" and tok.tag_ == "VBG":
                    continue  # "rather than insisting that ...": not a statement made
                if _hypothetical(tok):
                    continue  # "if he becomes Mayor again": not a fact of any family
                if kind == "verb" and (
                    tok.dep_ == "amod"
                    or any(
                        c.dep_ == "nsubj" and any(x.dep_ == "case" for x in c.children) for c in tok.children
                    )
                ):
                    continue  # "Sadiq Khan's proposed budget": a participle describing a thing, no act
                if used is not None:  # "pour scorn on": scorn is part of the trigger, not its object
                    f.roles = {r: [t for t in ts if t.i != used.i] for r, ts in f.roles.items()}
                if pat.money != "any" and amounts is None:
                    amounts = find_amounts(doc.text[sent[0] : sent[1]])
                for fact, how in _facts(doc, resolver, pat, f, sent, amounts or []):
                    if how == "phrase":
                        generic.setdefault(i, []).append(fact)
        _sums_with_purposes(doc, resolver, sdoc, sent)
        if amounts is None:
            amounts = find_amounts(doc.text[sent[0] : sent[1]])
        if amounts:
            sums_from_givers(doc, resolver, sdoc, sent, amounts)


_INDEX: dict[int, tuple[tuple, dict[str, tuple[int, ...]], tuple[int, ...]]] = {}


def _candidates(tok: Token, pats: tuple[Pattern, ...]) -> list[Pattern]:
    """The patterns `_trigger` may accept for `tok`, in file order: those listing its lemma as a
    verb, noun or adjective, and, for a verb, those triggered by any verb (perfect, modal,
    reported). `_trigger` is None for every other pattern, so skipping them changes nothing; it
    saves calling it for every token and every pattern (most of this component's time)."""
    index = _INDEX.get(id(pats))
    if index is None or index[0] is not pats:
        by_word: dict[str, list[int]] = {}
        for n, pat in enumerate(pats):
            for word in pat.words:
                by_word.setdefault(word, []).append(n)
        any_verb = tuple(n for n, pat in enumerate(pats) if pat.perfect or pat.modals or pat.reported)
        index = (pats, {w: tuple(ns) for w, ns in by_word.items()}, any_verb)
        _INDEX[id(pats)] = index
    _, by_word, any_verb = index
    found = by_word.get(tok.lemma_.lower(), ())
    if tok.pos_ == "VERB":
        found = sorted({*found, *any_verb}) if found else any_verb
    return [pats[n] for n in found]


# verbs whose subject holds the sums listed after them: "The Mayor's budget includes £25million to
# be spent on ..., and £4million to progress the West London Tram scheme"
_HOLDING = frozenset({"include", "contain", "provide", "earmark", "allocate", "commit", "pledge", "set"})


def _sums_with_purposes(doc: Doc, res: Resolver, sdoc, sent: tuple[int, int]) -> None:
    """Each sum a holding verb lists with its own "to"-clause funds what that clause names, from
    the verb's subject (or whose the subject is: "the Mayor's budget" is the Mayor's money)."""
    amounts = None
    for tok in sdoc:
        if not (tok.like_num or tok.pos_ == "NUM") or tok.dep_ not in ("dobj", "conj"):
            continue
        purpose = next(
            (
                c
                for c in tok.children
                if c.dep_ in ("relcl", "acl")
                and c.pos_ == "VERB"
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            ),
            None,
        )
        head = tok
        while head.dep_ == "conj":
            head = head.head
        verb = head.head
        if purpose is None or head.dep_ != "dobj" or verb.lemma_.lower() not in _HOLDING:
            continue
        subject = next(iter(subject_of(verb)), None)
        if subject is None:
            continue
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        funder = res.actor(owner) if owner is not None else res.actor(subject)
        # "to be spent on preparatory work to extend ...": what it is spent on
        on = [
            p for c in purpose.children if c.dep_ == "prep" and c.lower_ in ("on", "for") for p in c.children
        ]
        first = on[0].left_edge if on and on[0].dep_ == "pobj" else purpose.left_edge
        words = list(sdoc[first.i : purpose.right_edge.i + 1])
        while words and (words[0].dep_ in ("aux", "auxpass", "det") or words[0].lower_ == "to"):
            words = words[1:]
        if funder is None or len(words) < 2:
            continue
        name = doc.text[res.offset + words[0].idx : res.offset + words[-1].idx + len(words[-1].text)]
        what = Entity(name=name, label="Programme", id=slug(name))
        if amounts is None:
            amounts = find_amounts(doc.text[sent[0] : sent[1]])
        pos = res.offset + tok.idx - sent[0]
        amount = next((a for a in amounts if a.start <= pos < a.end), None)
        if amount is not None:
            doc.facts.add(
                "FUNDS", funder.entity, what, sent, layer="parser", amount_gbp=amount.gbp, date=doc.date
            )


def _they_are(doc: Doc, sdoc, i: int, facts: list) -> None:
    """'Four major employers have signed up ... They are Deloitte, Nomura, Prudential and
    Standard Chartered.': the facts of the description hold for each name listed."""
    res = Resolver(doc, sdoc)
    names = []
    for tok in sdoc:
        if (
            tok.pos_ == "PROPN"
            and tok.dep_ in ("attr", "conj", "dobj", "appos", "pobj")
            and (tok.i + 1 == len(sdoc) or sdoc[tok.i + 1].pos_ != "PROPN")
        ):
            ref = res.actor(tok)
            if ref is not None and ref.entity.label == "Organization":
                names.append(ref)
    span = (doc.sentences[i - 1][0], doc.sentences[i][1])
    for fact in facts:
        for ref in names:
            props = {k: getattr(fact, k) for k in ("date", "amount_gbp", "about", "period")}
            doc.facts.add(fact.predicate, ref.entity, fact.object, span, layer="parser", **props)


def _trigger(tok: Token, pat: Pattern) -> tuple[str, Token | None] | None:
    """(kind, the second word it used) when `tok` triggers `pat`."""
    lemma = tok.lemma_.lower()
    if lemma in pat.verbs and (tok.pos_ in ("VERB", "AUX") or _verb_read_as_noun(tok)):
        needs = pat.verbs[lemma]
        if None in needs:
            return "verb", None
        near = [c for c in tok.children if c.dep_ != "aux"]  # ("to hold the office": no "hold to")
        for c in tok.children:
            if c.dep_ in ("prt", "advmod", "dobj"):
                near.extend(c.children)
            if c.dep_ == "advcl":
                near.extend(x for x in c.children if x.dep_ == "mark")  # "called for the Mayor to act"
        for word in needs:
            for c in near:
                if c.lower_ == word:
                    return "verb", c
        return None
    if (
        pat.perfect
        and tok.pos_ == "VERB"
        and tok.tag_ == "VBN"
        and lemma not in pat.not_verbs
        and any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBP", "VBZ") for c in tok.children)
    ):
        return "modal", None  # "I have frozen TfL fares": done, in the speaker's words
    if (
        pat.modals
        and tok.pos_ == "VERB"
        and lemma not in pat.not_verbs
        and any(c.dep_ == "aux" and c.lower_ in pat.modals for c in tok.children)
        and not _putative(tok)
    ):
        return "modal", None
    if (
        pat.reported
        and tok.pos_ == "VERB"
        and tok.tag_ == "VBG"
        and (lemma not in pat.not_verbs or any(c.lower_ == "ahead" for c in tok.children))
        and any(c.dep_ == "aux" and c.lemma_ == "be" for c in tok.children)
    ):
        return "modal", None  # "announced he was going ahead with ...", "he is introducing ..."
    if (
        pat.modals
        and tok.pos_ == "VERB"
        and lemma not in pat.not_verbs
        and tok.dep_ == "xcomp"
        and tok.head.lemma_ == "go"
        and tok.head.tag_ == "VBG"
    ):
        return "modal", None  # "we are going to make"
    if (tok.pos_ == "NOUN" or pat.proper_nouns and tok.pos_ == "PROPN") and lemma in pat.nouns:
        return "noun", None
    if (
        tok.pos_ == "ADJ"
        and lemma in pat.adjectives
        and tok.dep_ in ("acomp", "amod", "oprd", "ROOT", "attr")
    ):
        return "adj", None
    return None


# verbs whose object is what a promise undoes, not what it gives
_UNDOING = frozenset(
    {"stop", "scrap", "end", "abolish", "halt", "block", "reverse", "axe", "oppose", "cut", "ban", "close",
     "prevent", "resist", "fight", "withdraw", "cancel", "overturn", "repeal"}
)  # fmt: skip
_QUESTION_AUX = frozenset(
    {"will", "would", "can", "could", "should", "shall", "do", "does", "did", "may", "must"}
)
_QUESTION_SUBJ = frozenset({"you", "we", "they", "he", "she", "i"})


# "I find it remarkable that UKIP should be suggesting ...": a "should" after a word of surprise or
# regret reports what someone does, it asks nothing of them ("It is essential that X should" asks)
_PUTATIVE = frozenset(
    {"remarkable", "surprising", "strange", "odd", "extraordinary", "astonishing", "amazing", "ironic",
     "curious", "bizarre", "sad", "regrettable", "unfortunate", "shocking", "disappointing", "interesting",
     "incredible", "unbelievable", "staggering", "striking", "telling", "natural", "understandable"}
)  # fmt: skip


def _putative(tok: Token) -> bool:
    """Whether a verb's "should" is the putative one: its clause is what an adjective of surprise or
    regret is about ("it is odd that TfL should ...", "I find it remarkable that ...")."""
    if tok.dep_ != "ccomp":
        return False
    head = tok.head
    words = [head] + [c for c in head.children if c.dep_ in ("acomp", "oprd", "ccomp", "attr")]
    return any(w.pos_ == "ADJ" and w.lower_ in _PUTATIVE for w in words)


def _opens_as_question(sent) -> bool:
    """A sentence that opens "Will you ...", "Do we ...": a question even where its "?" was lost."""
    words = [t for t in sent if not t.is_punct and not t.is_space][:2]
    return len(words) == 2 and words[0].lower_ in _QUESTION_AUX and words[1].lower_ in _QUESTION_SUBJ


def _hypothetical(tok: Token) -> bool:
    """Whether a trigger stands in an "if" or "unless" clause ("plans to reverse the rise if he
    becomes Mayor", "unless the Government funds it")."""
    t = tok
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in t.children):
            return True
        if t.head.i == t.i or t.dep_ not in (
            "attr",
            "acomp",
            "xcomp",
            "conj",
            "advcl",
            "dobj",
            "pobj",
            "prep",
        ):
            return False
        t = t.head
    return False


def _verb_read_as_noun(tok: Token) -> bool:
    """A list item that opens on its verb, with the subject in the line above ("That the Mayor:
    • Reallocates £200m from X to Y"), which the tagger reads as a plural noun."""
    return (
        tok.i == 0
        and tok.dep_ == "ROOT"
        and tok.tag_ == "NNS"
        and tok.text[:1].isupper()
        and tok.lower_.endswith("s")
        and not any(c.dep_ in ("det", "poss", "amod", "compound") for c in tok.children)
    )


def _facts(doc: Doc, res: Resolver, pat: Pattern, f: Frame, sent: tuple[int, int], amounts) -> list:
    """Add the facts of one trigger; returns (fact, how its subject was named) pairs."""
    made: list = []
    if pat.clause_verbs or pat.not_clause_verbs:
        clause = [t.lemma_.lower() for t in f.get("clause") + f.get("purpose")]
        if pat.clause_verbs and not any(v in pat.clause_verbs for v in clause):
            return made
        if any(v in pat.not_clause_verbs for v in clause):
            return made
    if pat.head_verbs and (
        f.trigger.head.lemma_.lower() not in pat.head_verbs
        or f.trigger.i > f.trigger.head.i
        or f.trigger.dep_ not in ("advcl", "ccomp")
    ):
        return made  # "Asked by Jo, Khan said ...", not "Khan said he was asked by the Government to ..."
    if pat.object_words and not any(t.lemma_.lower() in pat.object_words for t in f.get("obj")):
        return made
    if any(t.lemma_.lower() in pat.not_object_words for t in f.get("obj")):
        return made
    if pat.clause in ("required", "forbidden") and bool(f.get("clause")) != (pat.clause == "required"):
        return made  # "challenged the Mayor to publish" asks; "the Tories were challenged by X" criticises
    if pat.clause == "to" and not any(t.dep_ == "xcomp" for t in f.get("clause")):
        return made  # "agreed to meet the families", not "agreed that ..."
    if pat.reported and not _said_of_self(f):
        return made  # "Khan said the Met would ...": what someone else will do is no promise of his
    if pat.complement_words and not _called(f, pat.complement_words):
        return made  # "described the budget as ambitious": not every name one calls a thing is damning
    first = bool(f.get("subj")) and f.get("subj")[0].lower_ in ("i", "we")
    if (pat.first_person and not first) or (pat.third_person and first):
        return made
    if (
        f.kind == "modal"
        and pat.family == "ASKED"
        and any(t.lower_ in ("i", "we", "you", "it", "this", "that", "there") for t in f.get("subj"))
    ):
        return made  # "we must ...", "it should ...": no one else is asked
    if f.kind == "modal" and pat.family == "ASKED" and f.trigger.dep_ in ("relcl", "acl"):
        return made  # "the emphasis the Mayor should place on ...": describes a thing, asks no one
    if (
        f.kind == "modal"
        and pat.family == "ASKED"
        and any(t.tag_ in ("WDT", "WP", "WRB") for t in f.trigger.subtree if t.i < f.trigger.i)
    ):
        return made  # "what the Mayor should be doing": a question about an ask, not an ask
    if (
        f.kind in ("noun", "adj")
        and f.trigger.head.lemma_ == "be"
        and f.trigger.sent[0].tag_ in ("WP", "WDT", "WRB")
    ):
        return made  # "What is your biggest failing?" asks what it is; it does not say so
    if pat.family == "FUNDS" and f.kind == "noun" and f.trigger.head.lemma_.lower() in _TAKEN_AWAY:
        return made  # "Funding for the Night Tube will be cut by the Government": no one funds it
    if pat.family == "FUNDS" and f.kind == "noun" and not _moves_money(f):
        return made  # "the transfer of powers from the Home Office to the Mayor"
    if (
        pat.family == "COMMITTED_TO"
        and f.kind == "noun"
        and _governing_verb(f.trigger).lemma_.lower() in _UNDONE
    ):
        return made  # "MOPAC had abandoned the target of ...", "broke his promise": no promise stands
    if pat.family == "COMMITTED_TO" and (
        f.trigger.sent.text.rstrip(" ”\"'’").endswith("?") or _opens_as_question(f.trigger.sent)
    ):
        return made  # "Will you now at least promise to ...?" asks for a promise; it makes none
    subjects = _fill(res, f, pat.subject, pat.subject_kinds, pat.family)
    if not subjects:
        return made
    if "mayor_for_assembly" in pat.object:
        if f.trigger.dep_ not in ("ROOT", "conj", "ccomp"):
            return made  # "wrote to the Chancellor recommending ...": the ask has its addressee elsewhere
        if _fill(res, f, ("prep:for", "clause_subject"), ("actor",)):
            return made  # "calls for the government to ...": someone is named
        objects = _mayor_for_assembly(res, subjects[0])
    elif "motion_addressee" in pat.object:
        objects = _motion_addressee(res, sent, subjects[0])
    elif "named_in_sentence" in pat.object:
        objects = _named_in_sentence(res, sent, subjects, res.offset + f.trigger.idx)
    else:
        objects = _fill(res, f, pat.object, pat.kinds, pat.family)
        if pat.family == "COMMITTED_TO" and f.kind == "modal" and f.trigger.lemma_.lower() in _UNDOING:
            # "I will stop Boris Johnson's threat of cuts": the promise is the stopping, not the threat
            ref = res.predicate(f.trigger)
            objects = [ref] if ref is not None else []
    if not objects:
        return made
    if pat.family == "ASKED" and _ASSEMBLY_MOTION.search(doc.text, sent[0], sent[1]):
        subjects = [_in_assembly(res, s) for s in subjects]
    props: dict[str, Any] = {"date": _date_in_clause(res, f) if pat.family in _DATED else None}
    if pat.about == "clause":
        clause = f.get("clause")
        ref = res.clause(clause[0]) if clause else None
        props["about"] = ref.entity.name if ref else None
    elif pat.about == "predicate":
        ref = res.predicate(f.trigger)
        props["about"] = ref.entity.name if ref else None
    sums: list = [None]
    if pat.money in ("required", "sum_or_noun", "forbidden", "optional"):
        found = _sums_in(res, f, sent, amounts)
        if pat.money == "optional":
            sums = found or [None]
        elif pat.money == "forbidden":
            if [a for a in found if not _in_means(res, f, sent, a)]:
                return made
        elif found:
            sums = found
        elif pat.money == "required" or not _funding_noun(f):
            return made
    for subj in subjects:
        for obj in objects:
            if obj.entity.id == subj.entity.id:
                continue
            # (not REVIEWS: an investigation into the mayor's conduct reviews him)
            if pat.family in ("COMMITTED_TO", "ESTABLISHED", "COMMISSIONED") and obj.entity.label == "Person":
                continue  # "announced Amy Lamé as night czar": a person is not a commitment
            if (
                pat.family == "COMMITTED_TO"
                and obj.how == "phrase"
                and obj.entity.name.split()[-1].lower() in _PEOPLE
            ):
                continue  # "promised Londoners ...": whom a promise is made to is not what it is
            if obj.how == "phrase" and subj.entity.name.lower() in obj.entity.name.lower():
                continue  # "Government funding": the funder's own name is not what it funds
            if (
                pat.family == "COMMITTED_TO"
                and f.kind == "noun"
                and f.trigger.lemma_.lower() in _NAMED_AIMS
                and obj.how in ("clause", "phrase")
                and obj.start > res.offset + f.trigger.idx
            ):
                # "his target of creating 100,000 apprenticeships": the target, in its own words
                start = res.offset + f.trigger.idx
                name = " ".join(doc.text[start : obj.end].split()).strip(" ,.;:")
                obj = Ref(Entity(name=name, label="Programme", id=slug(name)), start, obj.end, obj.how)
            if pat.family == "COMMITTED_TO" and obj.entity.name.split()[-1].lower() in _MONEY_NOUNS:
                continue  # "announced the £100m funding": money announced is FUNDS
            if pat.family == "FUNDS" and (
                obj.entity.name.lower() in _MONEY_NOUNS
                or re.match(r"(?i)(?:\w+[ ])?(?P<noun>\w+)[ ]of[ ](?:up[ ]to[ ])?£", obj.entity.name)
                and obj.entity.name.lower().split(" of ")[0].split()[-1] in _MONEY_NOUNS
            ):
                continue  # "approves expenditure", "the award of £7.2m": money is not what money funds
            if (
                pat.family == "FUNDS"
                and obj.how == "phrase"
                and obj.entity.name.split()[-1].lower() in _MONEY_NOUNS
            ):
                # "the £100m 'Housing Covenant' funding": the Housing Covenant ("vital investment"
                # names nothing)
                name = " ".join(obj.entity.name.split()[:-1]).strip(" \"'“”‘’")
                name = re.sub(
                    r"^£?\d[\d,.]*\s?(?:m|bn|k|million|billion)?\s+", "", name
                )  # "£1bn TfL funding"
                known = doc.registry.find(name)
                if (
                    not re.search(r"\b[A-Z]", name)
                    or name.lower() in subj.entity.name.lower()
                    or known is not None
                    and known.id == subj.entity.id
                ):
                    continue  # "£2.9 million City Hall funding": City Hall is the funder, by another name
                obj = Ref(Entity(name=name, label="Programme", id=slug(name)), obj.start, obj.end, obj.how)
            if obj.how == "phrase" and (
                _vague(obj.entity.name)
                or pat.family in _NAMED_ONLY_WHEN_ONE_WORD
                and re.fullmatch(r"[a-z][a-z-]*", obj.entity.name) is not None
                # (a group asked is asked: "urged businesses to take on apprentices")
                and not (pat.family in ("ASKED", "REPLIED_TO") and obj.entity.name.endswith("s"))
            ):
                # "we will take questions", "welcomed the proposals": one common noun names
                # nothing in particular
                continue  # "a maximum of £1.551m", "the following work streams": no name of anything
            if pat.family in (
                "COMMITTED_TO",
                "ESTABLISHED",
                "LEADS",
                "COMMISSIONED",
            ) and is_money_named(obj.entity):
                continue  # "launched a £9m fund": a sum is funding, not what is founded or promised
            if obj.how == "phrase" and _is_time(obj.entity.name):
                continue  # "£15m in his budget for next year": a time is not a recipient
            if pat.family == "FUNDS" and _a_legislature(doc, obj.entity):
                continue  # "unveiled the budget of £9.35bn to the House of Commons": presented, not paid
            if (
                obj.how == "phrase"
                and " " not in obj.entity.name
                and re.match(r"[ ]+[A-Z]", doc.text[obj.end : obj.end + 3])
            ):
                continue  # "re-introduces the Pay As You Go caps": one word cut from a longer name
            for amount in sums:
                extra = dict(props)
                if amount is not None:
                    extra["amount_gbp"] = amount.gbp
                    extra["period"] = amount.period
                    extra["date"] = _date_after(doc, sent, amount.end) or extra.get("date")
                if pat.family == "HOLDS_OFFICE":
                    if _in_scare_quotes(doc.text, obj.start, obj.end):
                        continue  # "Sadiq being a ‘press release Mayor’": an epithet, not an office
                    if len(obj.entity.name.split()) == 1:
                        continue  # "He's supposed to be a leader": a word for a role, not an office
                    trigger_end = res.offset + f.trigger.idx + len(f.trigger.text)
                    if any(
                        x.entity.label == "Person" and x.entity.id != subj.entity.id
                        for x in doc.mentions.between(trigger_end, obj.start)
                    ):
                        continue  # "Jo on her appointment as X and Nick Long on his ... as Y": Y is Nick's
                    fact = post_fact(doc, subj.entity, obj.entity, sent, layer="parser")
                    if fact is not None:
                        made.append((fact, subj.how))
                    continue
                if pat.family == "SAID":
                    if subj.how == "pronoun" and res.doc.zone_at(subj.start, "letter") is not None:
                        continue  # "I have to tell you that ...": a letter is its writer's words whole
                    extra["text"] = obj.entity.name
                    fact = doc.facts.add(
                        "SAID", subj.entity, None, (obj.start, obj.end), layer="parser", **extra
                    )
                else:
                    fact = doc.facts.add(pat.family, subj.entity, obj.entity, sent, layer="parser", **extra)
                if fact is not None:
                    made.append((fact, subj.how))
    return made


def _said_of_self(f: Frame) -> bool:
    """Whether the trigger's clause is what its speaker said he or she would do: a "that"-clause
    of a speech verb before it, whose subject is "he", "she" or "they" ("Mr Livingstone said he
    would also address the cost of bus travel"), not in quotation marks (their "they" is someone
    else's), and no condition ("if he wins")."""
    t = f.trigger
    subj = f.get("subj")
    return (
        t.dep_ == "ccomp"
        and t.head.lower_ in REPORTING_SET
        and t.head.i < t.i
        and bool(subj)
        and subj[0].lower_ in ("he", "she", "they")
        and not any(w.text in (":", '"', "“", "‘", "`", "'") for w in t.doc[t.head.i : t.i])  # direct speech
        and not any(
            c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children) for c in t.children
        )
    )


def _called(f: Frame, words: frozenset[str]) -> bool:
    """Whether what the trigger's clause calls its object ("as 'half-baked'", "a failure") holds
    one of `words`: the words after the trigger in its own clause, the subject's left out."""
    subject = {t.i for s in f.get("subj") for t in s.subtree}
    toks = [t for t in f.trigger.subtree if t.i > f.trigger.i and t.i not in subject]
    said = {t.lemma_.lower() for t in toks} | {t.lower_ for t in toks}
    said |= {
        f"{a.lower_}-{c.lower_}" for a, b, c in zip(toks, toks[1:], toks[2:], strict=False) if b.text == "-"
    }
    return not said.isdisjoint(words)


def _fill(
    res: Resolver, f: Frame, roles: tuple[str, ...], kinds: tuple[str, ...], family: str = ""
) -> list[Ref]:
    """The references of the first role, in order, that names someone or something by name; only
    when no role does, the first that names a thing by a description ("for victims")."""
    if "thing" in kinds:
        first = tuple(dict.fromkeys([k for k in kinds if k != "thing"] + ["named"]))
        if "named_thing" in kinds:
            first = tuple(k for k in first if k != "named")
        named = _fill_once(res, f, roles, first, family)
        return named or _fill_once(res, f, roles, ("thing",), family)
    return _fill_once(res, f, roles, kinds, family)


# what is done to money that takes it away
_TAKEN_AWAY = frozenset(
    {"cut", "reduce", "withdraw", "scrap", "axe", "slash", "freeze", "end", "halve", "lose"}
)

# verbs by which someone makes their own decision known ("Khan announced that Waltham Forest will
# receive £1.35m"), not any speech ("said that schools will receive ..." may be someone else's money)
_ANNOUNCING = frozenset(
    {
        "announce",
        "announced",
        "announces",
        "confirm",
        "confirmed",
        "confirms",
        "unveil",
        "unveiled",
        "unveils",
    }
)

# what is done to a promise or a target that undoes it
_UNDONE = frozenset(
    {"abandon", "drop", "scrap", "ditch", "break", "breach", "miss", "shelve", "abolish", "axe", "renege"}
)


def _governing_verb(noun: Token) -> Token:
    """The verb a noun is the object of, also through a preposition the parse put between them
    ("had abandoned for 2023/24 the target of ...")."""
    return noun.head.head if noun.dep_ == "pobj" else noun.head


# Families a speaker's opinion gives even where the speaker is asking a question
_OPINIONS = {"CRITICISED", "WELCOMED"}


def _fill_once(
    res: Resolver, f: Frame, roles: tuple[str, ...], kinds: tuple[str, ...], family: str = ""
) -> list[Ref]:
    for role in roles:
        if role == "quote":
            ref = res.quotation(f.trigger)
            if ref is not None:
                return [ref]
            continue
        if (
            role == "speaker"
            and f.kind in ("verb", "modal")
            and ("subj" in roles or "agent" in roles)
            and (f.get("subj") or f.get("agent"))
        ):
            continue  # the clause names its own subject: the speaker is not it
        if (
            role == "speaker"
            and family not in _OPINIONS
            and res.doc.zone_at(res.offset + f.trigger.idx, "question")
        ):
            continue  # "How much have Barclays paid to TfL?": the one asking did not pay
        if role == "publisher":
            who = res.doc.publisher_actor
            if who is not None:
                pos = res.offset + f.trigger.idx
                return [Ref(who, pos, pos + len(f.trigger.text), "publisher")]
            continue
        if role in ("reporter", "announcer"):
            verbs = REPORTING_SET if role == "reporter" else _ANNOUNCING
            said = [r for tok in reporter(f.trigger, verbs)[:1] if (r := res.actor(tok)) is not None]
            if said and _kind_ok(said[0].entity, ("actor",), said[0].how, res.doc.registry):
                return said
            continue
        if role == "predicate":
            ref = res.predicate(f.trigger)
            if ref is not None:
                return [ref]
            continue
        if role == "speaker" and (said := _reported_by(res, f)):
            return said
        if role in ("speaker", "voice"):
            pos = res.offset + f.trigger.idx
            who = res.speaker(pos) if role == "speaker" else res.voice(pos)
            if who is not None and _kind_ok(who, kinds, "mention", res.doc.registry):
                return [Ref(who, pos, pos + len(f.trigger.text), "speaker")]
            continue
        found: list[Ref] = []
        for tok in f.get(role):
            if _is_money(tok):
                continue
            if role.startswith("prep:") and (tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in _WHEN_WORDS):
                continue  # "Sadiq Khan on Wednesday announced £50m for the Met": when, not for whom
            if 0 < tok.i < len(tok.doc) - 1 and tok.nbor(-1).text == "(" and tok.nbor(1).text == ")":
                continue  # "funding from Transport for London (TfL)": an abbreviation is its name again
            if role == "prep:in" and tok.lemma_.lower() in WHERE_MONEY_IS_SET:
                continue  # "£2.2bn of funding in the Spending Review": where it was set, not whom it pays
            if role.startswith("prep:") and inside_a_name(res, _preposition(tok)):
                continue  # "funding from Transport for London": the "for" of a name is no role
            listed = res.group(tok)
            if listed:
                found.extend(listed)  # "... Merton and Richmond also had proposals. TfL will work with them"
                continue
            members = [r for m in _members(tok) if (r := _resolve(res, m, role, kinds)) is not None]
            if members:
                found.extend(members)  # "organisations including Barclays Bank, KPMG and HSBC"
                continue
            ref = _resolve(res, tok, role, kinds, asking=family == "ASKED")
            if ref is not None:
                found.append(ref)
        if found:
            return found
    return []


def _preposition(tok: Token) -> Token:
    """The preposition whose object `tok` is, through a coordination ("calls on the Mayor and
    the MPS": the "on" of both, not the Mayor)."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.head


_WHEN_WORDS = frozenset(
    {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
        "morning",
        "afternoon",
        "evening",
        "weekend",
        "week",
        "month",
        "year",
    }
)


def _reported_by(res: Resolver, f: Frame) -> list[Ref]:
    """The speaker of a reported clause outside any quotation the rules found ("X - who ... -
    said Y had proved ineffective"); a quotation's own speaker is read by `res.speaker`."""
    ctx = res.doc.rules_context
    if ctx is not None and ctx.quote_at(res.offset + f.trigger.idx) is not None:
        return []
    for tok in reporter(f.trigger, REPORTING_SET)[:1]:
        ref = res.actor(tok, owner=False)
        if ref is not None and _kind_ok(ref.entity, ("actor",), ref.how, res.doc.registry):
            return [ref]
    return []


# families whose object must name something: a bare common noun ("questions") does not
_NAMED_ONLY_WHEN_ONE_WORD = frozenset(
    {
        "ASKED",
        "REPLIED_TO",
        "COMMITTED_TO",
        "ESTABLISHED",
        "LEADS",
        "REVIEWS",
        "WELCOMED",
        "CRITICISED",
        "COMMISSIONED",
        "PARTNERS_WITH",
        "FUNDS",
    }
)

# the public a promise is made to
_PEOPLE = frozenset(
    {
        "londoners",
        "residents",
        "people",
        "voters",
        "citizens",
        "taxpayers",
        "families",
        "communities",
        "public",
        "passengers",
        "commuters",
        "businesses",
        "members",
        "everyone",
        "staff",
        "workers",
    }
)

# aims that name a thing with their noun ("his target of 2,550 apprenticeships"); a pledge or a
# commitment is its content ("my commitment to make transport more affordable")
_NAMED_AIMS = frozenset({"target", "ambition", "goal"})


def _members(tok: Token, depth: int = 0) -> list[Token]:
    """The named members of a description: "organisations across London, including employers
    like Barclays Bank, KPMG and HSBC as well as boroughs such as LB Ealing"."""
    out: list[Token] = []
    if depth > 3:
        return out
    for c in tok.children:
        if c.dep_ == "prep" and (
            c.lower_ in ("including", "like")
            or (c.lower_ == "as" and any(x.lower_ == "such" for x in c.children))
        ):
            for p in c.children:
                if p.dep_ == "pobj":
                    for m in conjuncts(p):
                        inner = _members(m, depth + 1)
                        out.extend(inner or ([m] if m.pos_ == "PROPN" else []))
        elif c.dep_ in ("conj", "cc") and c.dep_ == "conj":
            out.extend(_members(c, depth + 1))
        elif c.dep_ == "appos" and tok.tag_ == "NNS" and c.pos_ == "PROPN":
            # "Three boroughs – Enfield, Kingston and Waltham Forest – have been selected"
            out.extend(m for m in conjuncts(c) if m.pos_ == "PROPN")
    return out


def _named_in_sentence(res: Resolver, sent: tuple[int, int], subjects: list[Ref], pos: int) -> list[Ref]:
    """The one actor the speaker's words name, besides the speakers (and the bodies they speak
    for): within the quotation or reported clause at `pos`, else the sentence."""
    doc = res.doc
    own = {s.entity.id for s in subjects}
    ctx = doc.rules_context
    span = sent
    if ctx is not None:
        for s in subjects:
            body = ctx.affiliation(s.entity)
            if body is not None:
                own.add(body.id)
        q = ctx.quote_at(pos)
        if q is not None:
            span = (q.start, q.end)
    assembly = doc.registry.find("London Assembly")
    for s in subjects:
        if assembly is not None and (
            doc.registry.term("member-of-the-london-assembly", s.entity.id, doc.ref_date) is not None
            or any(
                m.entity.id == s.entity.id and re.match(r"\s+AM\b", doc.text[m.end : m.end + 4])
                for m in doc.mentions.mentions
            )
        ):
            own.add(assembly.id)  # an Assembly Member's harsh words are not about the Assembly
    if re.search(r"(?i)\b(?:he|she|him|his|her)\b", doc.text[span[0] : span[1]]):
        return []  # "I hope he has the good sense to listen to the London Assembly": someone else too
    named = {
        m.entity.id: m
        for m in doc.mentions.between(*span)
        if m.entity.label in ("Person", "Organization") and m.entity.id not in own
    }
    if len(named) != 1:
        return []
    (m,) = named.values()
    return [Ref(m.entity, m.start, m.end, "mention")]


def _mayor_for_assembly(res: Resolver, subject: Ref) -> list[Ref]:
    entry = res.doc.registry.get(subject.entity.id)
    if entry is None or entry.kind not in ("assembly", "committee", "party_group"):
        return []
    mayor = res.doc.holder("mayor-of-london")
    return [Ref(mayor, subject.start, subject.end, "registry")] if mayor is not None else []


_ASSEMBLY_WORDS = re.compile(r"\bAssembly\b|\bAMs\b")
# a sentence about an Assembly motion ("A motion proposed by the Conservatives ... was voted down by AMs")
_ASSEMBLY_MOTION = re.compile(r"(?s)(?=.*\b(?:Assembly|AMs)\b).*\bmotion\b")


def _in_assembly(res: Resolver, ref: Ref) -> Ref:
    """A party that asks in the Assembly (proposes its motion, questions the Mayor there) does so
    as its Assembly group."""
    group = assembly_group(res.doc.registry, ref.entity)
    return Ref(group, ref.start, ref.end, ref.how) if group is not None else ref


def _in_scare_quotes(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] sits in short quotation marks of its own ("a ‘press release Mayor’")."""
    before = text[max(0, start - 30) : start]
    after = text[end : end + 30]
    opened = max(before.rfind("‘"), before.rfind("“"))
    if opened == -1 or any(c in before[opened + 1 :] for c in "’”"):
        return False
    return any(c in after[:25] for c in "’”")


def _motion_addressee(res: Resolver, sent: tuple[int, int], subject: Ref) -> list[Ref]:
    """Whom an Assembly motion asks, for the member or group who proposed it: the addressee of
    the page's motion, else whom the page's Assembly bodies ask, else (where the sentence says it
    is the Assembly's) the Mayor on the page's date."""
    doc = res.doc
    pos = subject.start
    zone = next((z for z in doc.zones if z.kind == "motion" and z.addressee is not None), None)
    if zone is not None:
        return [Ref(zone.addressee, pos, subject.end, "registry")]
    asked = {
        f.object.id: f.object
        for f in doc.facts
        if f.predicate == "ASKED"
        and f.object is not None
        and f.object.id != subject.entity.id
        and doc.registry.is_assembly_body(f.subject.id)
        and any(abs(e.start - sent[0]) < 1500 for e in f.evidence)  # the same motion, not any ask
    }
    if asked:
        return [Ref(e, pos, subject.end, "registry") for e in asked.values()]
    if not _ASSEMBLY_WORDS.search(doc.text, sent[0], sent[1]):
        return []
    mayor = doc.holder("mayor-of-london")
    return [Ref(mayor, pos, subject.end, "registry")] if mayor is not None else []


def _kind_ok(entity, kinds: tuple[str, ...], how: str, registry=None, date: str | None = None) -> bool:
    label = entity.label
    for kind in kinds:
        if kind == "assembly" and registry is not None and registry.is_assembly_body(entity.id):
            return True
        if (
            kind == "assembly_member"
            and registry is not None
            and entity.label == "Person"
            and registry.term("member-of-the-london-assembly", entity.id, date) is not None
        ):
            return True
        if kind == "actor" and label in ("Person", "Organization", "Post"):
            return True
        if kind == "body" and label == "Organization":
            return True
        if kind == "thing":
            return True
        if kind in ("person", "post") and label == ("Person" if kind == "person" else "Post"):
            return True
        if (
            kind == "named_thing"
            and label not in ("Person", "Organization", "Post")
            and (how in ("mention", "ner") or entity.name[:1].isupper())
        ):
            return True
        if kind == "named" and (
            how in ("mention", "ner", "speaker", "pronoun", "author") or entity.name[:1].isupper()
        ):
            return True
    return False


def _resolve(
    res: Resolver, tok: Token, role: str, kinds: tuple[str, ...], asking: bool = False
) -> Ref | None:
    if tok.lower_ in _YOU:
        pos = res.offset + tok.idx
        addressee = res.doc.addressee_at(pos)
        if addressee is not None:
            ref = Ref(addressee, pos, pos + len(tok.text), "pronoun")
            return ref if _kind_ok(ref.entity, kinds, ref.how) else None
        return None
    if role in ("clause", "purpose", "report"):
        return res.clause(tok) if "thing" in kinds else None
    if role == "self":
        # the trigger noun itself counts only when it is named ("£2.4m package", "Housing Covenant
        # funding"), not "the award of £7m"
        ref = res.thing(tok)
        if ref is not None and ref.entity.name.lower() == tok.lower_:
            return None  # "the Mayor of London's Fund for Young Musicians" cut to "Fund" names nothing
        if ref is not None and (
            ref.how in ("mention", "ner")
            or ref.entity.name[:1].isupper()
            or any(
                c.dep_ in ("compound", "amod", "nmod") and re.search(r"\b[A-Z]", c.text) for c in tok.children
            )
        ):
            return ref  # (a name may open in lower case: 'my £100 million "mini-Holland" funding')
        return None
    if kinds == ("post",):
        return res.post(tok)
    # (whom someone asks is named, not owned: "questioned central Government figures" asks no one)
    owned = role in ("subj", "agent", "governor") or role.startswith("prep:") or role == "obj" and not asking
    budget = budget_of(res, tok) if role.startswith("prep:") else None
    if budget is not None:  # "into the London Borough of Culture budget": that programme's budget
        return budget if any(k in kinds for k in ("thing", "named", "named_thing")) else None
    ref = res.actor(tok, owner=owned)
    if ref is None and role == "compound" and tok.is_lower:
        # "government funding": a body's one-word name, written in lower case before what it gives
        known = res.doc.registry.find(tok.text.capitalize())
        if known is not None and known.label == "Organization":
            pos = res.offset + tok.idx
            ref = Ref(known.entity, pos, pos + len(tok.text), "mention")
    if ref is not None and _kind_ok(ref.entity, kinds, ref.how, res.doc.registry, res.doc.ref_date):
        return ref
    if ref is None and asking and role != "subj" and "actor" in kinds and tok.pos_ in ("NOUN", "PROPN"):
        # "I have written to the Chief Executive of Thames Water": an office no one is named in
        office = res.post(tok)
        if office is not None and re.search(r"\b(?:of|for)\b|['’]s\b", office.entity.name):
            return office
    if any(k in kinds for k in ("thing", "named", "named_thing")):
        ref = res.thing(tok)
        if (
            ref is not None
            and _kind_ok(ref.entity, kinds, ref.how)
            and (
                "thing" in kinds
                or tok.pos_ == "PROPN"
                or ref.how != "phrase"
                or ref.entity.name[:1].isupper()
            )
        ):
            return ref
    return None


def _a_legislature(doc: Doc, entity: Entity) -> bool:
    """Parliament: a budget is laid before it, never paid to it."""
    entry = doc.registry.get(entity.id)
    return entry is not None and entry.kind == "legislature"


# what money is, never what it is paid to ("approves expenditure of £1.5m", "the award of £7.2m");
# a budget may be what money goes to ("£1m added to the VRU's budget")
_MONEY_NOUNS = (FUNDING_NOUNS - {"budget"}) | {
    "award",
    "assistance",
    "contribution",
    "payment",
    "value",
    "sum",
}


def _moves_money(f: Frame) -> bool:
    """A noun trigger is money ("funding", "a grant") or moves money ("transfers of funding")."""
    lemma = f.trigger.lemma_.lower()
    return lemma != "transfer" or any(t.lemma_.lower() in FUNDING_NOUNS for t in f.get("prep:of"))


def _funding_noun(f: Frame) -> bool:
    """A word for money among the trigger's object ("the new investment secured by the Mayor")."""
    return any(t.lemma_.lower() in FUNDING_NOUNS for role in ("obj", "subj") for t in f.get(role))


_TIME = re.compile(
    r"(?i)^(?:(?:next|last|this|the|coming|current|financial|each|every|per)\s+)*(?:year|years|month|months|week|weeks|day|days|decade|term|period|spring|summer|autumn|winter|\d{4}(?:[-/]\d{2,4})?)$"
)


_QUANTITY = {
    "maximum",
    "minimum",
    "total",
    "sum",
    "amount",
    "figure",
    "share",
    "part",
    "proportion",
    "rest",
    "remainder",
    "majority",
    "number",
    "range",
    "lot",
    "series",
    "variety",
    "host",
    "several",
    "various",
    "some",
    "many",
    "numerous",
}


def _vague(name: str) -> bool:
    """A phrase that names no one thing: a quantity, or a pointer to a list."""
    words = name.lower().split()
    return bool(words) and (
        words[0] in _QUANTITY or words[0] in ("following", "these", "those", "such", "other")
    )


def _is_time(name: str) -> bool:
    return bool(_TIME.match(name.strip()))


def _is_money(tok: Token) -> bool:
    """A sum written as words ("£10m" is "£", "10", "m"), not a thing that has a sum ("£2.4m package")."""
    return tok.text in _MONEY_WORDS or tok.like_num or tok.ent_type_ == "MONEY" and tok.pos_ in ("NUM", "SYM")


def _sums_in(res: Resolver, f: Frame, sent: tuple[int, int], amounts) -> list:
    """The sums of money standing in the trigger's clause (for a noun, in the clause of the verb
    that governs it, else in the noun's own phrase)."""
    scope = f.trigger
    up = scope
    while f.kind == "verb" and up.dep_ == "xcomp" and up.head.pos_ == "VERB":
        up = up.head  # "£47 million the Mayor is proposing | to invest in green projects"
    if f.kind == "verb" and up.dep_ in ("relcl", "acl") and up.head.pos_ in ("NOUN", "PROPN", "NUM"):
        scope = up.head  # "a new £49m pot of funding that will be made available to the Met"
    elif (
        f.kind == "noun"
        and scope.dep_ in ("dobj", "nsubjpass", "nsubj", "attr")
        and scope.head.pos_ in ("VERB", "AUX")
    ):
        scope = scope.head
    elif f.kind == "noun" and scope.dep_ == "pobj" and scope.head.head.pos_ in ("VERB", "AUX"):
        scope = scope.head.head
    toks = list(scope.subtree)
    lo = res.offset + toks[0].idx
    hi = res.offset + toks[-1].idx + len(toks[-1].text)
    return [a for a in amounts if lo <= sent[0] + a.start and sent[0] + a.end <= hi]


def _in_means(res: Resolver, f: Frame, sent: tuple[int, int], amount) -> bool:
    """Whether a sum stands in a "by ..."-phrase of how the trigger's clause is done: "committed to
    helping 500 people off the streets by pledging an extra £2m" (the promise is the helping)."""
    for by in means_phrases(f.trigger):
        lo = res.offset + by.left_edge.idx
        hi = res.offset + by.right_edge.idx + len(by.right_edge.text)
        if lo <= sent[0] + amount.start and sent[0] + amount.end <= hi:
            return True
    return False


_DATED = {
    "ASKED",
    "REPLIED_TO",
    "FUNDS",
    "COMMITTED_TO",
    "SAID",
    "CRITICISED",
    "WELCOMED",
    "COMMISSIONED",
    "REVIEWS",
    "ESTABLISHED",
}


def _date_in_clause(res: Resolver, f: Frame) -> str | None:
    """A date written in the trigger's own clause ("In March, Neil Garratt asked ..."); the
    clause of a noun is the verb's that governs it."""
    verb = (
        f.trigger
        if f.kind != "noun"
        else (f.trigger.head if f.trigger.head.pos_ in ("VERB", "AUX") else f.trigger)
    )
    words = [t for t in verb.subtree if t.dep_ not in ("ccomp",) or t.i == verb.i]
    lo = min(t.idx for t in words)
    hi = max(t.idx + len(t.text) for t in words)
    for d in find_dates(res.sdoc.text[lo:hi], res.doc.ref_date):
        if len(d.iso) >= 4:
            return d.iso
    return None


def _date_after(doc: Doc, sent: tuple[int, int], amount_end: int) -> str | None:
    """A year or date right after a sum ("£7.2m in 2019/20") dates that sum."""
    s0 = sent[0]
    window = doc.text[s0 + amount_end : min(sent[1], s0 + amount_end + 25)]
    found = find_dates(window, doc.ref_date)
    if found and found[0].start <= 6:
        return found[0].iso
    return None
