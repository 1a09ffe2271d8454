"""What a token of a parsed sentence stands for: an actor, a thing, or a clause's words.

An argument's head token is looked up, in order, among the linker's mentions (registry names,
offices resolved to their holder on the document's date, people and bodies found by pattern),
the statistical recogniser's entities (PERSON, ORG ...), pronouns ("I" and "we" are whoever speaks
in that part of the page; "he" and "she" the person in focus) and, last, the noun phrase itself
(a body when its head word names one, "boroughs", "housing providers"; otherwise a thing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from graph.facts import Entity, slug
from loaders.actors import clean_person_name, looks_like_person
from loaders.document import Doc
from loaders.names.focus import agrees, person_in_focus, person_titled
from loaders.names.posts import NO_ONE_IN_PARTICULAR
from loaders.nlp.frames import means_phrases, subject_of
from loaders.quotes.marks import in_quotation_marks
from loaders.quotes.verbs import REPORTING_SET

__all__ = ["Ref", "Resolver", "ACTOR_LABELS", "inside_a_name"]

Token = Any
ACTOR_LABELS = ("Person", "Organization", "Post")
# Nouns for acts: "regrets his failure", "welcomes the Government's announcement".
ACT_NOUNS = {
    "failure",
    "decision",
    "refusal",
    "handling",
    "approach",
    "record",
    "proposal",
    "plan",
    "policy",
    "response",
    "action",
    "announcement",
    "inaction",
    "choice",
    "attack",
    "attempt",
    "u-turn",
    "mismanagement",
    "leadership",
    "cut",
    "delay",
    "legacy",
    # what someone shows or does not do: "concern at the Mayor's unwillingness", "Khan's absence"
    "unwillingness",
    "reluctance",
    "inability",
    "absence",
    "use",
    "performance",
    "conduct",
    "execution",
    "management",
    "culture",
    "governance",
    "stewardship",
    "running",
    "behaviour",
    "lack",
    "treatment",
    "failing",
    "mishandling",
    "assessment",
    "inspection",
    # what someone said stands for them: "condemned Livingstone's comments"
    "comment",
    "remark",
    "statement",
    "claim",
    "allegation",
    "accusation",
    "assertion",
    "tweet",
    "outburst",
    "rhetoric",
    "stance",
    "promise",
    "pledge",
    "demand",
    "request",
    "suggestion",
    "appointment",
    # what someone spends stands for them: "welcomed the mayor's extra resources"
    "resource",
    "investment",
}
# acts that stand for the one "by" whom they were made ("demands by Philip Hammond"; not
# "announcements by the Government", which someone may respond to without replying to anyone)
_MADE_BY = frozenset(
    {"demand", "request", "proposal", "suggestion", "comment", "remark", "decision", "attack"}
)
# Acts of appointing: "the appointment of Neale Coleman" is his
_OF_WHOM = frozenset({"appointment"})
# What is announced or stated: "the announcement that the Government would proceed" is the
# Government's, "the fact that the Mayor has failed" is about the Mayor
_ANNOUNCED = frozenset({"announcement", "news", "confirmation", "decision", "fact", "revelation"})
# What someone asks or sends: a reply to it answers them
_SENT_NOUNS = {
    "question",
    "query",
    "letter",
    "request",
    "petition",
    "representation",
    "criticism",  # "Responding to criticism from Mike Tuffrey, the Mayor insisted ..."
    "accusation",
    "claim",
    "challenge",
    "complaint",
}
# Nouns for someone's staff: "my officers have worked closely with ..." is the speaker's work.
STAFF_NOUNS = {"officer", "official", "team", "staff", "administration", "adviser", "advisor"}
# Nouns that stand for what they are "of": "the findings of the report" is the report, and "the
# outcome of the Met's assessment" is about the Met (for an owner).
GENERIC_OF = {
    "finding",
    "result",
    "outcome",
    "work",
    "detail",
    "publication",
    "continuation",
    "expansion",
    "phase",
    "extension",
    "delivery",
    "implementation",
    "launch",
    "introduction",
    "progress",
    "development",
    "future",
    "idea",
    "success",
    "roll-out",
    "rollout",
    "terms",
    "impact",
}
# Last words of a name that make it a body.
ORG_HEADS = {
    "agency",
    "authority",
    "council",
    "board",
    "commission",
    "trust",
    "union",
    "federation",
    "association",
    "institute",
    "foundation",
    "society",
    "company",
    "corporation",
    "department",
    "service",
    "partnership",
    "group",
    "network",
    "forum",
    "alliance",
    "coalition",
    "charity",
    "office",
}
# Nouns for the parts of a body: "all parties on the Assembly" act as the Assembly.
PART_NOUNS = {"party", "member", "group", "representative"}
# Nouns for documents: "the report calls on ...", "an Assembly motion urges ..." speak for their author.
DOCUMENT_NOUNS = {
    "report",
    "motion",
    "letter",
    "recommendation",
    "paper",
    "submission",
    "response",
    "study",
    "statement",
    "survey",
    "poll",
    "analysis",
}

# Head nouns of noun phrases that name bodies of people, not things.
BODY_NOUNS = {
    "borough",
    "council",
    "business",
    "employer",
    "provider",
    "government",
    "charity",
    "organisation",
    "organization",
    "developer",
    "authority",
    "landlord",
    "firm",
    "company",
    "operator",
    "agency",
    "school",
    "hospital",
    "trust",
    "force",
    "sector",
    "industry",
    "department",
    "ministry",
    "committee",
    "board",
    "group",
    "union",
    "commission",
    "association",
    "partner",
    "partnership",
    "body",
    "bank",
    "insurer",
    "university",
    "college",
    "club",
    "federation",
    "consortium",
    "taskforce",
    "forum",
    "regulator",
    "watchdog",
    "police",
    "brigade",
    "service",
    "office",
    "team",
    "unit",
    "panel",
    "housebuilder",
    "chancellor",
    "minister",
    "secretary",
    "treasury",
}
_FIRST_PERSON = {"i", "me", "my", "myself", "we", "us", "our", "ours", "ourselves"}


_THIRD_PERSON = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
_DROP_LEFT = {"det", "poss", "predet", "punct", "nummod", "quantmod", "case", "advmod", "preconj", "cc"}
# heads that name nothing without their "for" phrase: "proposals for more free public toilets"
_OPEN_HEADS = frozenset({"proposal", "plan", "call", "idea", "bid", "request", "demand", "case", "campaign"})
_STOP_RIGHT = {"relcl", "acl", "appos", "punct", "advcl", "cc", "conj", "prep", "parataxis"}
_QUOTATION = re.compile(r"[“\"]([^“”\"]{8,}?)[”\"]|‘([^‘’]{8,}?)’(?!\w)")
_QUOTES = "'\"‘’“”"
_MONEY_TOKENS = {"£", "m", "bn", "k", "million", "billion", "thousand", "a", "an"}
_COUNTING = {
    "first",
    "second",
    "third",
    "new",
    "additional",
    "extra",
    "further",
    "latest",
    "original",
    "record",
    "biggest",
    "largest",
    "total",
    "initial",
    "overall",
    "almost",
    "nearly",
    "around",
    "about",
    "over",
    "up",
    "to",
    "more",
    "than",
    "single",
    "ever",
}


def inside_a_name(res: Resolver, prep: Token) -> bool:
    """Whether a preposition is a word of a name that starts before it ("Transport for London",
    "Department for Transport"): it starts no phrase of its own."""
    pos = res.offset + prep.idx
    m = res.doc.mentions.covering(pos)
    return m is not None and m.kind != "money" and m.start < pos


@dataclass(frozen=True)
class Ref:
    entity: Entity
    start: int  # document offsets of the words that name it
    end: int
    how: str  # mention | ner | pronoun | phrase | clause


class Resolver:
    """Reference resolution for one parsed sentence of a document."""

    def __init__(self, doc: Doc, sdoc: Any) -> None:
        self.doc = doc
        self.sdoc = sdoc
        self.offset = sdoc.user_data["offset"]

    # ----- spans
    def char_span(self, first: Token, last: Token) -> tuple[int, int]:
        return self.offset + first.idx, self.offset + last.idx + len(last.text)

    def core(self, tok: Token) -> tuple[Token, Token]:
        """The words of the noun phrase headed by `tok`, without its determiners, relative
        clauses, appositions and trailing punctuation ("the £4.2m boost" -> "£4.2m boost")."""
        left = tok.left_edge
        right = tok
        for c in tok.rights:
            if c.dep_ in _STOP_RIGHT and not (
                c.dep_ == "prep"
                and (c.lower_ == "of" or (c.lower_ == "for" and tok.lemma_.lower() in _OPEN_HEADS))
            ):
                break
            right = max(right, c.right_edge, key=lambda t: t.i)
        while left.i < right.i and (
            left.dep_ in _DROP_LEFT - {"nummod", "quantmod", "poss"} or left.text in _QUOTES
        ):
            left = self.sdoc[left.i + 1]
        while right.i > left.i and (right.is_punct or right.text in _QUOTES):
            right = self.sdoc[right.i - 1]
        return left, right

    # ----- actors
    def actor(self, tok: Token, owner: bool = False) -> Ref | None:
        """The person, body or office a token names (None when it names none). With `owner`,
        an act named by a noun stands for whoever owns it: "regrets his failure" is about him,
        "welcomes the Government's announcement" about the Government."""
        if tok.pos_ == "PRON" or tok.lower_ in _FIRST_PERSON:
            return self.pronoun(tok)
        if any(c.dep_ == "det" and c.lower_ in NO_ONE_IN_PARTICULAR for c in tok.children):
            return None  # "any Prime Minister who is committed to ...": no one in particular
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in DOCUMENT_NOUNS:
            return self._author_of(tok)
        if tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            # "the Home Office minister added": the person the page gave that title
            pos = self.offset + tok.idx
            titled = person_titled(self.doc.mentions, self.offset + tok.left_edge.idx, pos + len(tok.text))
            if titled is not None:
                return Ref(titled, pos, pos + len(tok.text), "pronoun")
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in PART_NOUNS:
            # "all parties on the Assembly", "members of the Committee": the body they make up
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("on", "of", "in", "from"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            inner = self._mention(p, head_only=True)
                            if inner is not None and inner.entity.label == "Organization":
                                return inner
        if owner and tok.pos_ == "NOUN" and tok.lemma_.lower() in _SENT_NOUNS:
            # "responding to questions from John Biggs": to whoever asked them
            for c in tok.children:
                if c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "from":
                    who = c if c.dep_ == "poss" else next((p for p in c.children if p.dep_ == "pobj"), None)
                    if who is not None:
                        return self.actor(who)
        if owner and tok.pos_ == "NOUN" and tok.lemma_.lower() in GENERIC_OF:
            # "concern regarding the outcome of the Met's PEEL assessment": about what it is of
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            return self.actor(p, owner=True)
        if tok.pos_ == "NOUN" and (
            owner and tok.lemma_.lower() in ACT_NOUNS or tok.lemma_.lower() in STAFF_NOUNS
        ):
            for c in tok.children:
                # (a curly "’s" may parse as a noun modifier with its case mark: "the brigade’s culture")
                if c.dep_ == "poss" or c.dep_ == "nmod" and any(x.dep_ == "case" for x in c.children):
                    return self.actor(c)
            if owner and tok.lemma_.lower() in _MADE_BY | _OF_WHOM:
                # "rebuked demands by Philip Hammond", "welcomes the decision of the Metropolitan
                # Police": the act is whoever made it; "the appointment of Neale Coleman" is his
                for c in tok.children:
                    if c.dep_ in ("prep", "agent") and (
                        c.lower_ == "by" or c.lower_ == "of" and c.i == tok.i + 1
                    ):
                        for p in c.children:
                            if p.dep_ == "pobj" and (who := self.actor(p)) is not None:
                                return who
        if owner and tok.pos_ == "NOUN" and tok.lemma_.lower() in _ANNOUNCED:
            # "welcomed the announcement that the Government would proceed": who will act;
            # "regrets the fact that the Mayor has failed to ...": whom the fact is about
            for c in tok.children:
                if c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children):
                    for s in subject_of(c)[:1]:
                        if (who := self.actor(s, owner=True)) is not None:
                            return who
        ref = self._mention(tok, head_only=True)
        if owner and tok.pos_ == "PROPN" and (ref is None or ref.entity.label not in ACTOR_LABELS):
            # "My London Plan includes a commitment to ...": a named plan stands for its owner
            # (only "my", "our", "his" ...: "the Mayor's Music Fund" is a charity of its own)
            for c in tok.children:
                if c.dep_ == "poss" and c.pos_ == "PRON":
                    return self.actor(c)
        if ref is None or ref.entity.label == "Post":
            # "the Chief Executive of the Arts Council, Darren Henley": the person named beside
            for c in tok.children:
                if c.dep_ == "appos":
                    named = self._mention(c, head_only=True) or self._ner(c)
                    if named is not None and named.entity.label == "Person":
                        return named
        if ref is None and tok.pos_ == "NOUN" and owner:
            # "urgent Government action": the actor named before an act
            for c in tok.children:
                if c.dep_ == "compound" and c.i < tok.i:
                    inner = self._mention(c, head_only=True)
                    if inner is None:  # "government conditions": a common noun the registry knows
                        body = self._body_phrase(c)
                        inner = body if body is not None and self.doc.registry.get(body.entity.id) else None
                    if inner is not None and inner.entity.label in ACTOR_LABELS:
                        return inner
        if (
            ref is not None
            and ref.entity.label in ("Programme", "Inquiry")
            and self.doc.registry.get(ref.entity.id) is None
        ):
            # a name the linker found by pattern and took for a programme, whose head word names a
            # body ("the National Apprenticeship Service"), acts as that body
            last = ref.entity.name.split()[-1].lower().rstrip("s")
            if last in ORG_HEADS:
                ref = Ref(
                    Entity(name=ref.entity.name, label="Organization", id=ref.entity.id),
                    ref.start,
                    ref.end,
                    ref.how,
                )
        if ref is not None:
            if ref.entity.label == "Post":
                entry = self.doc.registry.get(ref.entity.id)
                if entry is not None and getattr(entry, "seats", 1) > 1:
                    return None  # "Assembly Member": one of many, not an actor
            return ref if ref.entity.label in ACTOR_LABELS else None
        ref = self._ner(tok)
        if ref is not None:
            return ref
        return self._body_phrase(tok)

    def _author_of(self, tok: Token) -> Ref | None:
        """'The report calls on ...', 'An Assembly motion urges ...': whose document it is."""
        for c in tok.children:
            if c.dep_ in ("poss", "compound") and c.i < tok.i:
                ref = self._mention(c)
                if ref is not None and ref.entity.label in ACTOR_LABELS:
                    return ref
        who = self.doc.author
        if who is None:
            return None
        pos = self.offset + tok.idx
        return Ref(who, pos, pos + len(tok.text), "author")

    def thing(self, tok: Token) -> Ref | None:
        """A programme, fund, plan, decision or body named by the phrase headed by `tok`."""
        if tok.pos_ == "PRON":
            return None
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in GENERIC_OF:
            # "the findings of the report", "the continuation of the Outer London Fund",
            # "the first phase the Hopper fare"
            for c in tok.children:
                if c.dep_ == "appos":
                    inner = self.thing(c)
                    if inner is not None:
                        return inner
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            inner = self.thing(p)
                            if inner is not None:
                                return inner
        ref = self._mention(tok, head_only=tok.pos_ == "NOUN")
        if ref is not None:
            return ref
        ref = self._ner(tok)
        if ref is not None:
            return ref
        body = self._body_phrase(tok)
        if body is not None:
            return body
        left, right = self.core(tok)
        if right.i - left.i > 14 or tok.pos_ not in ("NOUN", "PROPN"):
            return None
        # "the first £100m 'Housing Covenant' funding": the sum, the owner and the counting words
        # are not its name ("Khan's scheme" is a scheme)
        while left.i < tok.i and (
            left.dep_ in ("poss", "case")
            or left.head.dep_ == "poss"
            or left.like_num
            or left.text in _MONEY_TOKENS
            or left.lower_ in _COUNTING
            or left.is_punct
        ):
            left = self.sdoc[left.i + 1]
        s, e = self.char_span(left, right)
        name = _clean_phrase(self.doc.text[s:e])
        if not name or len(name.split()) < 1 or _only_money(name):
            return None
        return Ref(Entity(name=name, label="Programme", id=slug(name)), s, e, "phrase")

    def post(self, tok: Token) -> Ref | None:
        """An office named by the phrase headed by `tok` ("London's first night czar" -> the
        post "Night czar"): its head must be an office word."""
        from loaders.actors import post_entity
        from loaders.offices import OFFICE_HEAD

        two = f"{tok.doc[tok.i - 1].text} {tok.text}" if tok.i > 0 else tok.text  # "Chief Executive"
        if (
            tok.pos_ not in ("NOUN", "PROPN")
            or not OFFICE_HEAD.fullmatch(tok.lemma_)
            and not OFFICE_HEAD.fullmatch(tok.text)
            and not OFFICE_HEAD.fullmatch(two)
        ):
            return None
        ts = self.offset + tok.idx
        for m in self.doc.mentions.between(ts - 200, ts + len(tok.text) + 200):
            # the linker's office over the head: "the first Deputy Mayor for Fire and Resilience"
            if m.start <= ts < m.end:
                office = m.entity if m.entity.label == "Post" else m.post
                if office is not None:
                    return Ref(office, m.start, m.end, "mention")
        left, right = self.core(tok)
        while left.i < tok.i and (
            left.dep_ in ("poss", "case", "det", "amod", "advmod")
            and left.lower_
            in _COUNTING | {"first", "first-ever", "new", "newly", "appointed", "current", "very", "ever"}
            or left.dep_ in ("poss", "case", "det")
            or left.lower_ in ("first-ever",)
        ):
            left = self.sdoc[left.i + 1]
        s, e = self.char_span(left, right)
        phrase = " ".join(self.doc.text[s:e].split())
        post = post_entity(self.doc.registry, phrase)
        return Ref(post, s, e, "phrase") if post is not None else None

    def clause(self, tok: Token) -> Ref | None:
        """A clause named by its own words ("agree with each council the number of ...")."""
        words = [t for t in tok.subtree]
        first, last = words[0], words[-1]
        # a second verb with its own auxiliary is a clause of its own: "ensure that it never
        # happens again | and am supporting the new Commissioner"
        for c in words:
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and any(x.dep_ == "aux" for x in c.children):
                cut = min([c.left_edge.i, *(x.i for x in c.head.children if x.dep_ == "cc" and x.i < c.i)])
                if first.i < cut <= last.i:
                    last = self.sdoc[cut - 1]
                break
        while first.i < last.i and (
            first.dep_ in ("aux", "mark", "punct", "neg") or first.lower_ in ("to", "that", "n't", "not")
        ):
            first = self.sdoc[first.i + 1]
        # "helping 500 people off the streets | by pledging an extra £2m": money that is how it
        # is done is a fact of its own (FUNDS), not part of what is done
        means = next(
            (
                by
                for by in means_phrases(tok)
                if by.head.i == tok.i
                and any(x.text in ("£", "$", "€") or x.ent_type_ == "MONEY" for x in by.subtree)
            ),
            None,
        )
        if means is not None and first.i < means.i <= last.i:
            return self._words(first, self._unpunctuated(first, self.sdoc[means.i - 1]))
        return self._words(first, self._clause_end(first, self._unpunctuated(first, last)))

    def _unpunctuated(self, first: Token, last: Token) -> Token:
        while last.i > first.i and (last.is_punct or last.text in _QUOTES):
            last = self.sdoc[last.i - 1]
        return last

    def _words(self, first: Token, last: Token) -> Ref | None:
        """The words from `first` to `last` (at most 31) as a thing named by them."""
        if last.i - first.i > 30:
            last = self.sdoc[first.i + 30]
        s, e = self.char_span(first, last)
        name = _clean_phrase(self.doc.text[s:e])
        if len(name.split()) < 2:
            return None
        return Ref(Entity(name=name, label="Programme", id=slug(name)), s, e, "clause")

    def _clause_end(self, first: Token, last: Token) -> Token:
        """The clause's last word as written: a parse that hung a clause's last words elsewhere
        ("to make transport in London | more affordable:") is followed on to the punctuation,
        over words that start no clause of their own."""
        i = last.i + 1
        end = last
        while i < len(self.sdoc) and i - first.i <= 30:
            t = self.sdoc[i]
            if t.is_punct or t.text in _QUOTES or t.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "CCONJ"):
                break
            if t.dep_ in ("nsubj", "nsubjpass", "mark") or t.head.i < first.i:
                break
            end = t
            i += 1
        while end.i > last.i and end.pos_ in ("ADP", "DET", "PART"):
            end = self.sdoc[end.i - 1]
        return end

    def voice(self, pos: int) -> Entity | None:
        """Who speaks at `pos`, else the body whose report, statement or letter this is."""
        who = self.speaker(pos)
        if who is None and in_quotation_marks(self.doc.text, pos):
            return None  # (speaker() gave no one for the quoted words: not the author either)
        return who or self.doc.author

    def quotation(self, tok: Token) -> Ref | None:
        """The words inside quotation marks in the trigger's sentence (the nearest quotation to
        the speech verb), at least three words long."""
        text = self.sdoc.text
        best = None
        for m in _QUOTATION.finditer(text):
            words = (m.group(1) or m.group(2)).split()
            if len(words) < 3:
                continue
            dist = abs(m.start() - tok.idx)
            if best is None or dist < best[0]:
                best = (dist, m)
        if best is None:
            return None
        m = best[1]
        g = 1 if m.group(1) else 2
        s, e = self.offset + m.start(g), self.offset + m.end(g)
        words = " ".join(self.doc.text[s:e].split()).strip(" ,")
        return Ref(Entity(name=words, label="Statement", id=slug(words)[:60]), s, e, "quote")

    def predicate(self, tok: Token) -> Ref | None:
        """A verb's own words from the verb on, without its subject and auxiliaries ("should
        commission a survey" -> "commission a survey")."""
        return self._words(tok, self._unpunctuated(tok, max(tok.subtree, key=lambda t: t.i)))

    def speaker(self, pos: int) -> Entity | None:
        """Who 'I' or 'we' is at document offset `pos`: a quote's speaker, the speaker of the
        zone (an answer, a speech turn), else the document's author when a person wrote it (a
        body's report says "we" through its `voice`)."""
        ctx = self.doc.rules_context
        if ctx is not None:
            q = ctx.quote_at(pos)
            if q is not None:
                return q.speaker
        zone = self.doc.zone_at(pos, "answer", "question", "turn", "quote", "letter", "motion", "decision")
        if zone is not None:
            if zone.kind in ("letter", "motion", "decision") and in_quotation_marks(self.doc.text, pos):
                return None  # a letter quoting someone's "we will ...": not the writer's words
            return zone.speaker
        if self.doc.genre == "letter" and ctx is not None:
            return ctx.signatory
        if in_quotation_marks(self.doc.text, pos):
            return None  # words the document quotes ("the manifesto commitment that “we will ...”")
        author = self.doc.author  # "my Great Outdoors programme" in the Mayor's own report
        return author if author is not None and author.label == "Person" else None

    def pronoun(self, tok: Token) -> Ref | None:
        pos = self.offset + tok.idx
        span = (pos, pos + len(tok.text))
        low = tok.lower_
        if low in ("which", "who", "whom", "that") and tok.tag_ in ("WDT", "WP"):
            # "the LFEPA on which he sits", "Jo Bloggs, who chairs ...": what the clause is about
            verb = tok.head.head if tok.dep_ == "pobj" else tok.head
            if verb.dep_ == "relcl" and verb.head.i != tok.i:
                return self.actor(verb.head)
            return None
        if low in _FIRST_PERSON:
            who = self.speaker(pos)
            if who is not None and low in ("we", "us", "our", "ours", "ourselves") and self.doc.rules_context:
                who = self.doc.rules_context.affiliation(who) or who
            return Ref(who, *span, "pronoun") if who is not None else None
        if low in ("its", "their", "it", "they", "them"):
            # "The Committee has expressed its support": the body the clause is about
            verb = tok.head.head if tok.dep_ == "poss" else tok.head
            while verb is not None and verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            if verb is not None and verb.pos_ in ("VERB", "AUX"):
                # ("The ALG said it was concerned": the body that says what "it" is)
                reported = verb.head if verb.dep_ == "ccomp" and verb.head.lower_ in REPORTING_SET else None
                for c in (*verb.children, *(reported.children if reported is not None else ())):
                    if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i and c.pos_ != "PRON":
                        ref = self._mention(c, head_only=True)
                        if ref is not None and ref.entity.label == "Organization":
                            return Ref(ref.entity, *span, "pronoun")
            if (
                low == "it"
                and tok.dep_ == "nsubj"
                and tok.i == tok.sent.start
                and tok.head.lemma_ != "be"
                and self._quote_at(pos) is None
            ):
                # "The London Assembly has ... . It is calling on the Mayor to ...": a sentence
                # opening with "it" goes on about the body the sentence before opened with (not in
                # someone's words, nor "It is time ...")
                body = self._body_opening_sentence_before(pos)
                if body is not None:
                    return Ref(body, *span, "pronoun")
            return None
        if low in _THIRD_PERSON:
            named = self._named_just_before(tok, pos)
            if named is not None:
                return Ref(named, *span, "pronoun")
            attributed = self._attribution_speaker(tok, pos)
            if attributed is not None:
                return Ref(attributed, *span, "pronoun")
            governing = self._governing_subject(tok)
            if governing is False:
                return None  # reported by someone we cannot name: better no fact than a guess
            who = governing or self._person_in_focus(pos)
            return Ref(who, *span, "pronoun") if who is not None else None
        return None

    def group(self, tok: Token) -> list[Ref]:
        """'Bexley, Ealing, Merton and Richmond also had exceptional proposals. TfL will work
        with them': "they"/"them" is a list of two or more named bodies that opens the sentence
        before (nothing when that sentence opens otherwise)."""
        if tok.lower_ not in ("they", "them"):
            return []
        idx = self.sdoc.user_data.get("index")
        if not idx:
            return []
        s, e = self.doc.sentences[idx - 1]
        listed: list = []
        at = s
        for m in self.doc.mentions.between(s, e):
            gap = self.doc.text[at : m.start]
            if listed and not re.fullmatch(r",?\s*(?:and\s+)?", gap) or not listed and gap.strip():
                break
            if m.entity.label != "Organization":
                break
            listed.append(m)
            at = m.end
        if len(listed) < 2:
            return []
        pos = self.offset + tok.idx
        return [Ref(m.entity, pos, pos + len(tok.text), "pronoun") for m in listed]

    def _named_just_before(self, tok: Token, pos: int) -> Entity | None:
        """'congratulated Jo Bloggs on her appointment and Nick Long OBE on his appointment': the
        person named right before "on his/her" is the one it means."""
        if tok.dep_ != "poss" or not re.search(r"\b(?:on|upon)\s+$", self.doc.text[max(0, pos - 8) : pos]):
            return None
        before = self.doc.mentions.before(pos, max(0, pos - 80))
        last = before[-1] if before else None
        if last is None or last.entity.label != "Person":
            return None
        gap = self.doc.text[last.end : pos]
        return last.entity if re.fullmatch(r"(?:\s+[A-Z]{2,5})*\s+(?:on|upon)\s+", gap) else None

    def _attribution_speaker(self, tok: Token, pos: int) -> Entity | None:
        """'"... under Boris Johnson ...," he added': the "he" of a speech verb just after a
        closing quotation mark is whoever the quoted paragraph is by, not someone it names."""
        if tok.dep_ != "nsubj" or tok.head.lower_ not in REPORTING_SET:
            return None
        ctx = self.doc.rules_context
        if ctx is not None and ctx.quote_at(pos) is not None:
            return None
        if not re.search(r"[”\"’'][ \t]*,?[ \t]*$", self.doc.text[max(0, pos - 4) : pos]):
            return None
        zone = self.doc.zone_at(pos, "quote")
        if zone is None or zone.speaker is None or zone.speaker.label != "Person":
            return None
        return zone.speaker if agrees(self.doc.mentions, pos, zone.speaker.id) else None

    def _governing_subject(self, tok: Token) -> Entity | None | bool:
        """'The Chairman advised that he had asked ...': he is the subject of the clause that
        reports it (False when that subject names no one we know)."""
        verb = tok.head
        if tok.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "ccomp":
            return None
        lo, hi = sorted((verb.head.idx, tok.idx))
        if any(q in self.sdoc.text[lo:hi] for q in ("“", '"', "‘")):
            return (
                None  # 'Berry said: "The Mayor ..., he promised us ..."': a quote's "he" is not its speaker
            )
        for c in verb.head.children:
            if c.dep_ == "nsubj" and c.pos_ != "PRON":
                ref = self._mention(c)
                if ref is not None and ref.entity.label == "Person":
                    return ref.entity
                return False
        return None

    def _quote_at(self, pos: int):
        """The quotation `pos` is in (the rules layer's, else a quoted block's zone), if any."""
        ctx = self.doc.rules_context
        return (ctx.quote_at(pos) if ctx is not None else None) or self.doc.zone_at(pos, "quote")

    def _body_opening_sentence_before(self, pos: int) -> Entity | None:
        """The body named first in the sentence before `pos`, when nothing but a few words
        ("The", "Today the") comes before it."""
        i = self.doc.sentence_index(pos)
        if i < 1:
            return None
        s0, s1 = self.doc.sentences[i - 1]
        first = next(iter(self.doc.mentions.between(s0, s1)), None)
        if first is None or first.entity.label != "Organization":
            return None
        if len(self.doc.text[s0 : first.start].split()) > 3:
            return None
        return first.entity

    def _person_in_focus(self, pos: int) -> Entity | None:
        """The person 'he'/'she'/'him' is (loaders.names.focus), else an office named shortly
        before whose holder is unknown (it stands for its holder). Never whoever says "I" there:
        "... my submission to the Chancellor. I am calling on him" calls on the Chancellor."""
        # whoever says "I" in this very sentence is not "him" (in reported speech, "he said he
        # might not keep his promise", he is the speaker)
        me = self.speaker(pos) if any(t.lower_ in _FIRST_PERSON for t in self.sdoc) else None
        skip = {me.id} if me is not None else set()
        quote = self._quote_at(pos)
        qs = quote.start if quote is not None else None
        # "He has also asked ..." inside someone's quote: a person the quote itself named
        who = person_in_focus(
            self.doc.mentions,
            self.doc.sentences,
            pos,
            (lambda _s, p: p < qs) if qs is not None else None,
            skip=skip,
            starts=self.doc.sentence_starts,
        )
        if who is not None:
            return who
        mentions = self.doc.mentions.before(pos)
        lo = pos - 600
        for m in reversed(mentions):
            if m.start < lo:
                break
            if m.entity.id in skip or not agrees(self.doc.mentions, pos, m.entity.id):
                continue
            if m.entity.label == "Person" or (m.entity.label == "Post" and m.start > lo + 300):
                return m.entity  # an office whose holder is unknown stands for its holder
        return None

    # ----- lookups
    def _mention(self, tok: Token, head_only: bool = False) -> Ref | None:
        """The linker's mention of the head word, else (unless `head_only`) the first one inside
        its phrase (not a possessor's: "the Mayor's Outer London Fund" is the fund)."""
        ts = self.offset + tok.idx
        te = ts + len(tok.text)
        left, right = self.core(tok)
        s, e = self.char_span(left, right)
        inside = None
        for m in self.doc.mentions.between(s - 200, e + 200):
            if m.end <= m.start:
                continue
            if m.start < te and ts < m.end:
                return Ref(m.entity, m.start, m.end, "mention")
            if (
                inside is None
                and s <= m.start
                and m.end <= e
                and m.start >= ts - 200
                and self.doc.text[m.end : m.end + 2] not in ("'s", "’s")
            ):
                inside = m
        if inside is not None and not head_only:
            return Ref(inside.entity, inside.start, inside.end, "mention")
        if head_only:
            # a name before the head ("the London Assembly Transport Committee report")
            for c in tok.children:
                if c.dep_ == "compound" and c.i < tok.i:
                    for m in self.doc.mentions.between(s - 200, e):
                        cs = self.offset + c.idx
                        if m.start <= cs < m.end and tok.pos_ == "PROPN":
                            return Ref(m.entity, m.start, m.end, "mention")
        return None

    def _ner(self, tok: Token) -> Ref | None:
        ent = None
        for span in self.sdoc.ents:
            if span.start <= tok.i < span.end:
                ent = span
                break
        if ent is None or ent.kb_id_:
            return None
        s, e = self.char_span(ent[0], ent[-1])
        text = self.doc.text[s:e]
        if ent.label_ == "PERSON":
            name = clean_person_name(text)
            if looks_like_person(name):
                return Ref(Entity(name=name, label="Person", id=slug(name)), s, e, "ner")
            if re.search(r"\b[A-Z]{2,}\b", name) and tok.pos_ == "PROPN":
                # "LB Lewisham": an abbreviation makes it a body, not a person
                return Ref(Entity(name=name, label="Organization", id=slug(name)), s, e, "ner")
            return None
        if ent.label_ == "ORG":
            name = _clean_phrase(text)
            if len(name.split()) == 1 and name.lower() in BODY_NOUNS:
                return None  # "the Union": a common word, not a name
            if not name or not re.search(r"[A-Za-z]{2}", name):
                return None
            return Ref(Entity(name=name, label="Organization", id=slug(name)), s, e, "ner")
        return None

    def _body_phrase(self, tok: Token) -> Ref | None:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in BODY_NOUNS:
            return None
        left, right = self.core(tok)
        # keep the modifiers of the head only: "affordable housing providers", not "... in London"
        right = tok
        while left.i < tok.i and (
            left.pos_ in ("NUM", "DET", "SYM") or left.dep_ in ("nummod", "quantmod", "poss", "case")
        ):
            left = self.sdoc[left.i + 1]
        s, e = self.char_span(left, right)
        name = _clean_phrase(self.doc.text[s:e])
        if not name:
            return None
        if tok.lemma_.lower() == "borough" and "london" not in name.lower():
            name = "London boroughs" if name.lower() in ("boroughs", "borough") else name
        if name.lower() in ("government", "central government", "national government"):
            # "government cuts", "their failure to back the Met": in London's documents, the UK's
            # ("local government", "London government" keep their own words)
            uk = self.doc.registry.find("UK Government")
            if uk is not None:
                return Ref(uk.entity, s, e, "phrase")
        return Ref(Entity(name=name, label="Organization", id=slug(name)), s, e, "phrase")


def _clean_phrase(text: str) -> str:
    text = " ".join(text.split())
    # "... tailpipe emissions”[4": a footnote mark is not part of the phrase; nor is what follows
    # ", as well as" (a second thing, added on)
    text = re.sub(r"[”\"]?\[\d{1,3}\]?$", "", text)
    text = re.split(r",?\s+as well as\s+", text, maxsplit=1)[0]
    text = text.strip(" ,.;:" + _QUOTES)
    text = re.sub(r"['’]s$|\s+Credit$", "", text)  # "the Union Credit: ITN": a caption's credit
    text = re.sub(r"^(?:the|a|an|his|her|its|their|our|my|this|that|these|those)\s+", "", text, flags=re.I)
    text = text.replace("‘", "").replace("’ ", " ").replace("“", "").replace("”", "")
    return text.strip(" ,.;:" + _QUOTES)


def _only_money(name: str) -> bool:
    return bool(
        re.fullmatch(
            r"(?:almost|about|around|up to|over|more than|nearly)?\s*£[\d.,]+\s*(?:m|bn|k|million|billion)?",
            name,
            re.I,
        )
    )
