"""A trigger word's clause, read off the dependency parse: who does it, to what, by whom.

`frame(token)` collects the tokens that fill each role of loaders/nlp/lexicon.py (subj, agent,
obj, dative, prep:WORD, clause, poss, governor) for a verb, noun or adjective trigger. Roles are
inherited where English leaves them out: the subject of "pledged to agree" is the subject of
"pledged", of "announced ... and awarded" that of "announced", of a participle ("backing his
commitment") that of the clause it hangs on. Coordinated fillers ("Deloitte, Nomura and HSBC")
all fill the role.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from loaders.money import FUNDING_NOUNS

# Verbs whose subject reacts to the act a noun names ("welcomed the launch", "opposed the
# funding", "attended the opening"), so is not the one who did it (the noun's governor).
_REACTIONS = frozenset(
    {
        "welcome",
        "praise",
        "applaud",
        "celebrate",
        "hail",
        "congratulate",
        "support",
        "back",
        "endorse",
        "criticise",
        "criticize",
        "condemn",
        "oppose",
        "attack",
        "question",
        "challenge",
        "regret",
        "deplore",
        "reject",
        "note",
        "mark",
        "attend",
        "discuss",
        "scrutinise",
        "scrutinize",
        "review",
    }
)

__all__ = ["Frame", "frame", "conjuncts", "subject_of", "reporter", "means_phrases"]

Token = Any  # spacy.tokens.Token

_SUBJ = ("nsubj", "csubj")
# verbs whose object does what their "to"-clause says ("urged businesses to ...")
_CONTROL = {
    "urge",
    "ask",
    "tell",
    "encourage",
    "persuade",
    "force",
    "allow",
    "want",
    "expect",
    "invite",
    "call",
    "press",
    "instruct",
    "task",
    "require",
    "enable",
    "help",
    "challenge",
    "implore",
    "beg",
    "prompt",
    "lead",
    "cause",
    "compel",
    "oblige",
    "commission",
    "appoint",
}
_RELATIVE = {"which", "that", "who", "whom"}
# verbs whose "to"-clause is what their subject undertakes to do
_PROMISING = {"pledge", "promise", "vow", "commit", "plan", "intend", "propose", "agree", "undertake"}
# verbs whose object noun carries the meaning: "paid tribute to the firefighters", "expressed support for"
_LIGHT_VERBS = frozenset({"pay", "express", "voice", "show", "lend", "extend"})
# verbs that take back what their object noun gives: "withdrew his support for the Garden Bridge"
_WITHDRAWING = frozenset({"withdraw", "pull", "end", "drop", "remove", "retract", "revoke", "lose"})
# verbs by which someone gives or sets up what their object names
_GIVING = {
    "announce",
    "launch",
    "unveil",
    "provide",
    "give",
    "award",
    "allocate",
    "commit",
    "pledge",
    "deliver",
    "create",
    "establish",
    "set",
    "approve",
    "invest",
    "spend",
    "fund",
    "offer",
    "make",
    "agree",
    "confirm",
}


def _antecedent(tok: Token) -> Token:
    """A relative pronoun stands for the noun its clause hangs on ("the Council, which is ...")."""
    if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


_INHERIT = ("xcomp", "conj", "advcl", "acl", "pcomp")


@dataclass
class Frame:
    trigger: Token
    kind: str  # verb | noun | adj
    passive: bool = False
    negated: bool = False
    modal: str | None = None  # "should", "could", "would" ... on the trigger's clause
    asked_for: bool = False  # the clause is what someone is asked to do
    roles: dict[str, list[Token]] = field(default_factory=dict)

    def get(self, role: str) -> list[Token]:
        return self.roles.get(role, [])


def conjuncts(token: Token) -> list[Token]:
    """The token and every token coordinated with it ("A, B and C")."""
    out = [token]
    for c in token.children:
        if c.dep_ == "conj":
            out.extend(conjuncts(c))
    return out


def _pobj(prep: Token) -> list[Token]:
    for c in prep.children:
        if c.dep_ in ("pobj", "pcomp"):
            return conjuncts(c)
    return []


def _is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    # "the investment secured by the Mayor": a participle with an agent
    return (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl") and any(c.dep_ == "agent" for c in verb.children)
    )


_OPINING = {"think", "believe", "consider", "feel", "expect", "intend", "plan", "want", "propose"}


_NOT_ONLY = frozenset({"just", "only", "merely", "simply"})


# words that deny the verb they modify ("has rarely criticised")
_DENYING = frozenset({"never", "not", "n't", "rarely", "seldom", "hardly", "barely", "scarcely"})


def _negated(token: Token) -> bool:
    for c in token.children:
        if c.dep_ == "neg" or c.lower_ in _DENYING:
            after = token.doc[c.i + 1] if c.i + 1 < len(token.doc) else None
            if c.lower_ == "not" and after is not None and after.lower_ in _NOT_ONLY:
                continue  # "is not just absurd, it lacks self-awareness": more than that, not less
            return True
    clause = token.head if token.dep_ in ("acomp", "attr", "oprd") else token
    for subj in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
        # "neither I nor the Commissioner is complacent", "no one is complacent", "nobody was blamed"
        if subj.lower_ in ("nobody", "none", "neither") or any(
            c.lower_ in ("neither", "no") and c.dep_ in ("preconj", "det") for c in subj.children
        ):
            return True
    up = token
    for _ in range(3):
        # "I do not think it appropriate for the GLA to sign up": a denied view denies its clause
        if up.head.i == up.i:
            break
        up = up.head
        if up.lemma_ in _OPINING and any(c.dep_ == "neg" for c in up.children):
            return True
    head = token.head
    # "failed to fund", "refused to commit", "the mayor's failure to spend £111m"
    return (
        token.dep_ == "xcomp"
        and head.lemma_ in ("fail", "refuse", "decline", "reject")
        or token.dep_ in ("acl", "xcomp")
        and head.lemma_ in ("failure", "refusal", "inability", "reluctance", "unwillingness")
    )


def subject_of(verb: Token, depth: int = 0) -> list[Token]:
    """The subject of a verb, inherited along to-clauses, conjunctions and participles."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJ]
    if subjects:
        # a parse that gave the verb two subjects ("The first calls on X ..., secondly the
        # assembly called on Y"): the nearer one before the verb is its own
        before = [c for c in subjects if c.i < verb.i]
        return conjuncts(_antecedent(before[-1] if before else subjects[0]))
    for c in verb.children:  # a parse that hung the subject on the auxiliary ("has today (3 May) awarded")
        if c.dep_ in ("aux", "auxpass"):
            for cc in c.children:
                if cc.dep_ in _SUBJ:
                    return conjuncts(cc)
    if depth > 4 or verb.head.i == verb.i:
        return []
    if any(c.dep_ == "expl" for c in verb.children):
        return []  # "said there are some members who ...": the clause's subject is no one
    head = verb.head
    if verb.dep_ == "ccomp" and any(c.dep_ == "aux" for c in verb.children):
        # "revealed the Mayor of London, Sadiq Khan, is failing ...": a parse that made the clause's
        # subject the object of the verb it hangs on
        objs = [c for c in head.children if c.dep_ == "dobj" and head.i < c.i < verb.i]
        if objs:
            return conjuncts(objs[-1])
    if verb.dep_ == "relcl" and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return [head]
    if verb.dep_ == "acl" and head.lower_ in ("each", "both", "all"):
        # "Waltham Forest and Brent have been named ..., each receiving £1.35m": those named
        up = head
        while up.head.i != up.i and up.pos_ not in ("VERB", "AUX"):
            up = up.head
        if up.pos_ in ("VERB", "AUX"):
            named = [c for c in up.children if c.dep_ == "nsubjpass"]
            return conjuncts(_antecedent(named[0])) if named else subject_of(up, depth + 1)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ == "PROPN":
        return [head]  # "accompanied by Khan accusing Boris Johnson of ..."
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and before is not None and before.pos_ == "PROPN":
        return [before]  # the same, when the parse hung the participle on a noun further back
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ == "NOUN":
        # "spending much of the first term calling on you": the subject of the clause the time belongs to
        up = head
        while up.head.i != up.i and up.pos_ not in ("VERB", "AUX"):
            up = up.head
        if up.pos_ in ("VERB", "AUX") and up.i != verb.i:
            return subject_of(up, depth + 1)
    if verb.dep_ == "ccomp" and verb.tag_ in ("VBZ", "VBP") and head.tag_ in ("VBD", "VBN"):
        # a reduced relative read as the main verb: "An Assembly motion [unanimously agreed
        # today] urges the Mayor to ...": the finite verb without a subject has the head's
        return subject_of(head, depth + 1)
    if verb.dep_ == "acl" and head.dep_ == "ROOT" and head.pos_ == "NOUN":
        # a headline read as one noun phrase: "Sadiq renews pledge to work with ...", the name
        # that opens it is the subject
        first = head.doc[head.sent.start] if hasattr(head, "sent") else None
        if first is not None and first.pos_ == "PROPN" and first.ent_type_ in ("PERSON", "ORG"):
            return [first]
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        if _is_passive(head) and not _is_passive(verb):
            return []
        return subject_of(head, depth + 1)
    if (
        verb.dep_ in ("acl", "xcomp")
        and head.pos_ == "NOUN"
        and head.dep_ in ("dobj", "attr")
        and head.head.pos_ in ("VERB", "AUX")
    ):
        return subject_of(head.head, depth + 1)  # "Sadiq renews pledge to work with ..."
    if verb.dep_ in ("xcomp", "advcl", "pcomp") and head.pos_ in ("VERB", "AUX", "ADJ"):
        # object control: "urged businesses to take on apprentices" -> businesses take on
        if verb.dep_ in ("xcomp", "advcl") and head.lemma_ in _CONTROL:
            for c in head.children:
                if c.dep_ == "dobj":
                    return [c]
                if c.dep_ == "prep" and c.lower_ in ("on", "upon"):  # "calls on the Mayor to fund ..."
                    return _pobj(c)[:1]
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and _is_passive(head):
            # "Three boroughs have been selected, receiving up to £30m each": the passive's
            # subject does the participle
            for c in head.children:
                if c.dep_ == "nsubjpass":
                    return conjuncts(c)
        return subject_of(head, depth + 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        return subject_of(head.head, depth + 1)
    if verb.dep_ == "acomp":
        return subject_of(head, depth + 1)
    return []


def _owner(noun: Token) -> list[Token]:
    """Whose a noun is ("the Mayor's cuts"); a place's ("London's drowning figure") is no one's."""
    return [c for c in noun.children if c.dep_ == "poss" and c.ent_type_ not in ("GPE", "LOC")]


def means_phrases(token: Token) -> list[Token]:
    """The "by"-phrases of how something is done under `token`: "committed to helping 500 people
    off the streets | by pledging an extra £2m" (a "by" with a gerund, not an agent's "by")."""
    return [
        t
        for t in token.subtree
        if t.dep_ == "prep" and t.lower_ == "by" and any(c.dep_ == "pcomp" for c in t.children)
    ]


def reporter(token: Token, speech_words: frozenset[str]) -> list[Token]:
    """The subject of the speech verb whose reported clause holds `token`: in "Gareth Thomas -
    who obtained the letter - said Mr Johnson had proved ineffective", Gareth Thomas. A clause
    of its own speech verb ("X said Y claimed ...") stops at the nearer one."""
    t = token
    for _ in range(8):
        if t.head.i == t.i:
            return []
        if t.dep_ == "ccomp" and t.head.lower_ in speech_words:
            return subject_of(t.head)
        t = t.head
    return []


def _preps(token: Token, out: dict[str, list[Token]], depth: int = 0) -> None:
    seen_as = False
    for c in token.children:
        if c.dep_ in ("prep", "dative", "agent") and (
            c.pos_ == "ADP" or c.dep_ == "prep" and c.lower_ in ("to", "upon")
        ):
            # ("to" tagged a particle but attached as a preposition: "transferred £3m to TfL";
            # "upon" tagged a conjunction: "call upon the Government to act")
            key = "prep:" + c.lower_
            if key == "prep:as":
                if seen_as:
                    continue  # "elected as Chair and Sally Hamwee as Deputy Chair": hers, not his
                seen_as = True
            objs = _pobj(c)
            out.setdefault(key, []).extend(objs)
            if depth == 0 and token.pos_ in ("NOUN", "PROPN"):
                # "the findings of the report with the Commissioner": a phrase's own phrases
                for o in objs[:1]:
                    _preps(o, out, depth + 1)
        if c.dep_ in ("acl", "prep") and c.lower_ in ("regarding", "concerning"):
            # "concern regarding the outcome of ...": a participle that works as a preposition
            for cc in c.children:
                if cc.dep_ in ("dobj", "pobj"):
                    out.setdefault("prep:regarding", []).extend(conjuncts(cc))
        if (
            c.dep_ == "prt"
            or (c.dep_ == "advmod" and c.lower_ in ("out", "up", "together"))
            or (c.dep_ in ("acomp", "oprd") and c.pos_ == "ADJ")
        ):
            # "hit out at X": the preposition hangs on the particle; "made available to X": on
            # the adjective
            for cc in c.children:
                if cc.dep_ == "prep":
                    out.setdefault("prep:" + cc.lower_, []).extend(_pobj(cc))


def clause_object(clause: Token) -> list[Token]:
    """The object of a "that"-clause's verb ("announced that he is increasing the London Living
    Wage" -> the London Living Wage)."""
    for c in clause.children:
        if c.dep_ == "dobj":
            return conjuncts(c)
    return []


def _clause(token: Token) -> list[Token]:
    # a clause after the word first: "This is another example ..., I intend to raise it" intends
    # to raise it; a clause before serves only when none follows ("'...,' said Coleman")
    has_object = any(c.dep_ == "dobj" for c in token.children)
    for c in sorted(token.children, key=lambda c: c.i < token.i):
        if c.i < token.i and has_object:
            continue  # "The Mayor is letting us down, he promised us more homes": he promised homes
        if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX"):
            return [c]
        if c.dep_ == "acl" and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children):
            return [c]
        if c.dep_ == "prep" and c.lower_ in ("to", "of", "on"):
            for cc in c.children:
                if cc.dep_ == "pcomp" and cc.pos_ in ("VERB", "AUX"):
                    return [cc]
        if (
            c.dep_ == "advcl"
            and c.i > token.i
            and any(x.dep_ == "mark" and x.lower_ == "for" for x in c.children)
        ):
            return [c]  # "called for the Mayor to scrap the rise": who is to do what
    return []


def _purpose(token: Token) -> list[Token]:
    """A "to"-clause of purpose: "spent £6.8m to address gangs", "£10m to tackle rough sleeping"."""
    for c in token.children:
        if (
            c.dep_ in ("advcl", "xcomp", "acl", "relcl")
            and c.pos_ == "VERB"
            and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)
        ):
            return [c]
    return []


_ASKING = {
    "call",
    "urge",
    "ask",
    "request",
    "recommend",
    "encourage",
    "invite",
    "implore",
    "demand",
    "press",
    "want",
    "expect",
    "need",
}


_ASKING_NOUNS = {"call", "demand", "request", "plea", "appeal", "pressure", "urging"}


def _asked_for(token: Token) -> bool:
    """Whether the clause of `token` is what someone is asked or wanted to do ("calls on the
    Mayor to work with TfL"): a wish, not a fact."""
    t = token
    for _ in range(3):
        if t.dep_ in ("xcomp", "advcl", "ccomp", "acl") and t.head.lemma_ in _ASKING:
            return True
        if t.dep_ in ("xcomp", "advcl") and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _ASKING_NOUNS and c.i < t.i for c in t.head.children
        ):
            return True  # "he has faced repeated calls to sign up to the Code": a parse that hung
            # the called-for clause on the verb
        if t.head.i == t.i:
            break
        t = t.head
    return False


def _governing_modal(verb: Token) -> str | None:
    """The modal of the clause a gerund or infinitive hangs from: "The Government can go some way
    ... by guaranteeing X" guarantees nothing yet; and of the first of conjoined verbs ("The
    Mayor must reconsider ... and fully fund the Brigade" funds nothing yet)."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    t = verb
    for _ in range(6):
        if (
            t.dep_ not in ("pcomp", "pobj", "prep", "xcomp", "advcl", "conj", "acl", "dobj")
            or t.head.i == t.i
        ):
            return None
        if t.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return None  # "X must act and TfL funds Y": a conjunct with its own subject
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            modal = next((c.lower_ for c in t.children if c.dep_ == "aux" and c.tag_ == "MD"), None)
            if modal is not None or any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
                return modal  # a clause with its own subject decides
    return None


def _money_named_by(verb: Token) -> list[Token]:
    """The names before the money a verb handles: "received almost £5bn in government funding",
    "secured £4.82 billion of Home Office funding" (the source of the money)."""
    nouns = []
    for c in verb.children:
        if c.dep_ == "dobj":
            nouns.append(c)
            nouns.extend(
                p for prep in c.children if prep.dep_ == "prep" for p in prep.children if p.dep_ == "pobj"
            )
        elif c.dep_ == "prep" and c.lower_ in ("in", "of"):
            nouns.extend(p for p in c.children if p.dep_ == "pobj")
    return [
        c
        for n in nouns
        if n.lemma_.lower() in FUNDING_NOUNS
        for c in n.children
        if c.dep_ == "compound" and c.pos_ in ("PROPN", "NOUN")
    ]


# verbs of finding out: "pleased to see that ...", "glad to hear that ..."
_PERCEIVING = frozenset({"see", "hear", "learn", "note", "read", "discover"})


def _misread_name(tok: Token) -> bool:
    """A name the parse took for a time ("welcomes Living Wage Week", "Black History Month"):
    a proper noun after names, not a bare day or month."""
    return tok.pos_ == "PROPN" and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children)


def frame(token: Token, kind: str) -> Frame:
    """The roles of a trigger `token` of `kind` (verb, noun or adj)."""
    f = Frame(trigger=token, kind=kind, negated=_negated(token))
    f.asked_for = _asked_for(token)
    verb = (
        token if kind in ("verb", "modal") else (token.head if token.head.pos_ in ("VERB", "AUX") else token)
    )
    for c in verb.children:
        if c.dep_ == "aux" and c.tag_ == "MD":
            f.modal = c.lower_
    if f.modal is None:
        f.modal = _governing_modal(verb)
    roles: dict[str, list[Token]] = {}
    if kind in ("verb", "modal"):
        f.passive = _is_passive(token)
        subj = [] if f.passive else subject_of(token)
        if subj:
            roles["subj"] = subj
        for c in token.children:
            if c.dep_ == "agent":
                roles["agent"] = _pobj(c)
            elif c.dep_ == "dobj" and not f.passive or c.dep_ == "nsubjpass" and f.passive:
                roles["obj"] = conjuncts(_antecedent(c))
            elif c.dep_ == "dative" and c.pos_ != "ADP":
                roles["dative"] = conjuncts(c)
            elif c.dep_ == "attr":
                roles["attr"] = [c]
            elif c.dep_ == "oprd" and c.pos_ in ("NOUN", "PROPN"):
                roles["oprd"] = [c]  # "That Len Duvall be appointed Chair of the Authority"
            elif c.dep_ == "npadvmod" and c.i > token.i and _misread_name(c) and not f.passive:
                roles.setdefault("obj", [c])
        if f.passive and "obj" not in roles and token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX"):
            # "It has the backing of big businesses and will be run by Allan Jones": the shared subject
            shared = subject_of(token.head)
            if shared:
                roles["obj"] = shared
        participle = token.tag_ == "VBN" or (token.i == 0 and token.tag_ == "VB")  # "Set up in March, ..."
        if (
            participle
            and (token.dep_ == "advcl" or token.dep_ == "ccomp" and token.i < token.head.i)
            and "obj" not in roles
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
        ):
            # "Set up in March, the Mayor's Outer London Fund is ...": a past participle's clause is
            # about the main clause's subject, which was set up (not the one who set it up); "When
            # asked by Hall if ..., he said": he was asked, Hall asked
            main = [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if main:
                roles["obj"] = main[:1]
                roles.pop("subj", None)
        for o in roles.get("obj", [])[:1]:
            owner = [c for c in o.children if c.dep_ == "poss"]
            if owner:
                roles["owner"] = owner
            of = [p for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for p in _pobj(c)]
            if of:
                roles["object_of"] = of  # "questioned the independence of the panel"
        if (
            f.passive
            and "obj" not in roles
            and token.dep_ in ("acl", "relcl")
            and token.head.pos_ in ("NOUN", "PROPN")
        ):
            head = token.head
            # "Be First, the regeneration company set up by the Council": the name, not the description
            roles["obj"] = [head.head if head.dep_ == "appos" and head.head.pos_ == "PROPN" else head]
        _preps(token, roles)
        for obj in roles.get("obj", [])[:1]:
            _preps(obj, roles)
        purpose = _purpose(token)
        if purpose:
            roles["purpose"] = purpose
        clause = _clause(token)
        if (
            clause
            and token.dep_ == "relcl"
            and token.lemma_ in _PROMISING
            and "obj" not in roles
            and clause[0].dep_ == "xcomp"
            and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in clause[0].children)
            and token.head.pos_ in ("NOUN", "PROPN")
        ):
            # "the charity I pledged to set up": what the clause does is done to the noun it
            # describes, which is what was pledged
            roles["obj"] = [token.head]
            roles.pop("purpose", None)
            clause = []
        if clause:
            roles["clause"] = clause
            if clause[0].dep_ == "ccomp":
                roles["report"] = clause
            # "I will ensure that the Emirates Air Line continues": what the clause is about
            inner = subject_of(clause[0]) if clause[0].dep_ in ("ccomp", "advcl") else []
            if inner:
                roles["clause_subject"] = inner
            if clause[0].dep_ == "ccomp" and _is_passive(clause[0]):
                # "condemns the constraints being imposed on the Brigade by the Mayor": who does it
                agents = [p for c in clause[0].children if c.dep_ == "agent" for p in _pobj(c)]
                if agents:
                    roles["clause_agent"] = agents
            if clause_object(clause[0]):
                roles["clause_object"] = clause_object(clause[0])
        money = _money_named_by(token)
        if money:
            roles["compound"] = money
        if "obj" not in roles:
            # "I will undertake and publish a Strategic Housing Market assessment"; "will receive and
            # manage £200m of funding from DCLG": the shared object's phrases are the trigger's too
            for c in token.children:
                if c.dep_ == "conj" and c.pos_ == "VERB":
                    objs = [x for x in c.children if x.dep_ == "dobj"]
                    if objs:
                        roles["obj"] = conjuncts(objs[0])
                        shared: dict[str, list[Token]] = {}
                        _preps(c, shared)
                        _preps(objs[0], shared)
                        for o in shared.get("prep:of", [])[:1]:
                            _preps(o, shared)  # "£200m of funding from DCLG"
                        for key, found in shared.items():
                            roles.setdefault(key, found)
                        break
    elif kind == "noun":
        roles["self"] = [token]
        if (
            token.dep_ in ("pobj", "pcomp")
            and token.head.lower_ == "with"
            and token.head.head.pos_ in ("VERB", "AUX")
        ):
            # "notes with dismay Sadiq Khan's absence": what the feeling is about is what is noted
            # (the parse may hang it on the feeling itself); who notes it feels it
            noted = [c for c in (*token.head.head.children, *token.children) if c.dep_ == "dobj"]
            if noted:
                roles["prep:over"] = conjuncts(noted[0])
            who = subject_of(token.head.head)
            if who:
                roles["governor"] = who
        if token.dep_ == "pobj" and token.head.lower_ == "as":
            # "As a member of the London Assembly I am writing": who the clause says it of
            verb = token.head.head
            for _ in range(2):
                if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                    break
                verb = verb.head
            who = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else []
            if who:
                roles["as_subject"] = who
        for c in token.children:
            if c.dep_ == "conj" and c.pos_ == "NOUN":
                _preps(c, roles)  # "a check and a balance on the Mayor"
        for c in token.children:
            if c.dep_ == "poss":
                roles["poss"] = [c]
            elif c.dep_ == "compound" and c.pos_ in ("PROPN", "NOUN") and c.i < token.i:
                roles.setdefault("compound", []).append(c)
            elif c.dep_ == "acl" and c.tag_ == "VBN":
                # "funding announced by the Mayor"
                for cc in c.children:
                    if cc.dep_ == "agent":
                        roles.setdefault("governor", []).extend(_pobj(cc))
                        if c.lemma_ in _GIVING:
                            roles.setdefault("giver", []).extend(_pobj(cc))
        _preps(token, roles)
        if "prep:from" in roles and "prep:to" not in roles and token.head.pos_ in ("VERB", "AUX"):
            # "agree transfers of funding from MPS to MOPAC": a parse that hung "to" on the verb
            for c in token.head.children:
                if c.dep_ == "prep" and c.lower_ == "to" and c.i > token.i:
                    roles["prep:to"] = _pobj(c)
        nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if nxt is not None and nxt.lower_ == "for" and nxt.dep_ == "mark":
            # "his call for the government to follow his lead": a parse that made "for" open a
            # clause; its subject is whom the call is for
            for c in nxt.head.children:
                if c.dep_ == "nsubj":
                    roles.setdefault("prep:for", []).extend(conjuncts(c))
        clause = _clause(token)
        if not clause and token.dep_ == "dobj":
            # "keep his election promise to have 1,000 more police officers", "announced his
            # intention this week to ditch the extension": a parse that hung the noun's "to"-clause
            # on the verb (a few words on, after a time phrase)
            clause = [
                c
                for c in token.head.children
                if c.dep_ in ("xcomp", "advcl")
                and token.i < c.i <= token.i + 5
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            ][:1]
        if (
            not clause
            and nxt is not None
            and nxt.dep_ == "aux"
            and nxt.lower_ == "to"
            and nxt.head.pos_ == "VERB"
        ):
            # "part of Sadiq's manifesto commitment to help them cut costs": a parse that hung the
            # noun's "to"-clause on the sentence's verb
            clause = [nxt.head]
        if clause:
            roles["clause"] = clause
        purpose = _purpose(token)
        if purpose:
            roles["purpose"] = purpose
            # "£60m plans to boost the Metropolitan Police": whom the money is for
            objs = [c for c in purpose[0].children if c.dep_ == "dobj"]
            if objs:
                roles["purpose_object"] = conjuncts(objs[0])
        head = token.head
        if token.dep_ == "attr" and head.lemma_ == "be":
            # "the Mayor's Outer London Fund is a £50m initiative": the fund is what is meant
            subj = [c for c in head.children if c.dep_ == "nsubj"]
            if subj:
                roles["self"] = subj[:1]
                owner = [c for c in subj[0].children if c.dep_ == "poss"]
                if owner:
                    roles["poss"] = owner
        at = token  # where the noun stands in its clause
        if token.dep_ == "appos" and head.pos_ in ("NOUN", "PROPN") and head.head.pos_ in ("VERB", "AUX"):
            # "announced a three year, £77m project to ...": the parse's head noun stands between
            at, head = head, head.head
        if "governor" in roles or head.lemma_.lower() in _REACTIONS:
            pass  # "Blair welcomed the launch of the Agency": who reacts to an act did not do it
        elif at.dep_ in ("dobj", "nsubjpass", "attr", "appos") and head.pos_ in ("VERB", "AUX"):
            gov = subject_of(head) if not _is_passive(head) else []
            if not gov:
                for c in head.children:
                    if c.dep_ == "agent":
                        gov = _pobj(c)
            if gov:
                roles["governor"] = gov
                if head.lemma_ in _GIVING:
                    roles["giver"] = gov
            if at.dep_ == "dobj" and (head.lemma_ in _GIVING or head.lemma_ in _LIGHT_VERBS):
                # "made a payment of £50,000 to Galop", "provided a £70m loan for the conversion":
                # a parse that hung the noun's "to" or "for" on the verb that gives it
                for c in head.children:
                    if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for") and c.i > at.i:
                        roles.setdefault(f"prep:{c.lower_}", _pobj(c))
            # "withdrew his support for the Garden Bridge": support taken back is none
            f.negated = f.negated or _negated(head) or head.lemma_ in _WITHDRAWING
        elif at.dep_ == "pobj" and head.head.pos_ in ("VERB", "AUX"):
            gov = subject_of(head.head)
            if gov:
                roles["governor"] = gov
            f.negated = f.negated or _negated(head.head)
    else:  # adjective: "X is disappointed by Y", "the Committee is committed to ..."
        head = token.head if token.dep_ in ("acomp", "amod", "oprd") else token
        subj = subject_of(head) if head.pos_ in ("VERB", "AUX") else []
        if subj:
            roles["subj"] = subj
            # "the Government's lack of ambition is disappointing": whose the subject is
            owner = _owner(subj[0])
            if owner:
                roles["owner"] = owner
        elif token.dep_ == "amod":
            # "your irresponsible closure of fire stations": whose the described act is
            owner = _owner(token.head)
            if owner:
                roles["owner"] = owner
        _preps(token, roles)
        clause = _clause(token)
        if not clause and token.dep_ in ("acomp", "oprd", "ccomp"):
            # "It is sad that the Mayor has not accepted that", "I find it remarkable that UKIP
            # should ...": the that-clause the adjective judges hangs on its verb, or on itself
            clause = [
                c
                for c in (*token.children, *token.head.children)
                if c.dep_ == "ccomp"
                and c.i > token.i
                and any(x.dep_ == "mark" and x.lower_ == "that" for x in c.children)
            ][:1]
            inner = subject_of(clause[0]) if clause else []
            if inner:
                roles["clause_subject"] = inner
        if clause:
            roles["clause"] = clause
            seen = (
                [c for c in clause[0].children if c.dep_ == "ccomp"]
                if clause[0].lemma_ in _PERCEIVING
                else []
            )
            inner = subject_of(seen[0]) if seen else []
            if inner:
                roles["clause_subject"] = inner  # "pleased to see that Mayor Boris Johnson has signed ..."
        f.negated = f.negated or _negated(head)
    f.roles = roles
    return f
