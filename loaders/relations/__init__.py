"""Typed facts from sentences: who funds, oversees, leads, asked, said ... what, with evidence.

Patterns are the genres' conventions and plain English syntax, never one document's wording:
active verbs with the subject found left of the verb ("MOPAC awarded a grant to X"), passives
with the agent after "by" and the thing before ("the inquiry chaired by X", "which was set up by
the Mayor in 2018"), coordination ("led by A and B" gives two facts), apposition ("Met Police
Commissioner Sir Mark Rowley", "X, the Met's public protection lead") and pronouns ("I" in a
letter is its signatory; "I" in a quote is its speaker; "it" is the last thing mentioned).

Each rule returns facts whose evidence is the sentence that states them (offsets into the
document's own text). Dates are the first date in the clause, resolved against the document's
date; money comes from loaders.money.

The package's modules: sentences (sentence spans), context (per-document state), clauses (helpers
over a sentence), registry (the @rule decorator and pattern speed-ups), one module per family of
rules (money, commitments, oversight, agency, reactions, relatives, partners, membership, asking)
and driver (extract_relations, which runs the rules in the order of driver.RULES).
"""

from loaders.relations.clauses import objects_after, subject_of
from loaders.relations.context import ACTORS, Context, Quote
from loaders.relations.driver import RULES, extract_relations
from loaders.relations.membership import chairs_from_post
from loaders.relations.registry import GATES, NO_LOOKBEHIND, finditer_bounded, rule
from loaders.relations.sentences import SENT_END, sentences

__all__ = [
    "ACTORS",
    "RULES",
    "Context",
    "Quote",
    "GATES",
    "NO_LOOKBEHIND",
    "SENT_END",
    "chairs_from_post",
    "finditer_bounded",
    "extract_relations",
    "objects_after",
    "rule",
    "sentences",
    "subject_of",
]
