"""OVERSEES: holding to account, oversight and scrutiny ("the Police and Crime Committee holds
MOPAC to account", "overseen by the NCA", "X's oversight").
"""

from __future__ import annotations

import re

from graph.facts import Entity
from loaders.relations.clauses import antecedent, is_actor_mention, objects_after, possessor, subject_of
from loaders.relations.context import ACTORS, Context
from loaders.relations.registry import declare_fast_patterns, declare_gates, finditer, rule

_HOLD_TO_ACCOUNT = re.compile(r"(?<![\w-])hold(?:s|ing)?[ ](?P<obj>[^.;]{1,80}?)[ ]to[ ]account")
_HELD_TO_ACCOUNT = re.compile(r"(?<![\w-])(?:held|be[ ]held|being[ ]held)[ ]to[ ]account(?P<by>[ ]by[ ])?")
_OVERSEE = re.compile(
    r"(?<![\w-])(?:oversee|oversees|overseeing|oversaw|scrutinise|scrutinises|scrutinised|scrutinising|scrutinize|scrutinizes)[ ]"
    # a committee (only) that "monitors" or "examines" something oversees it; elsewhere the verbs are too loose
    r"|(?<=Committee[ ])(?:(?:will[ ]|continues?[ ]to[ ]|will[ ]continue[ ]to[ ])?(?:monitor|monitors|examine|examines))[ ]"
)
_OVERSEEN_BY = re.compile(r"(?<![\w-])(?:overseen|scrutinised|scrutinized|supervised)[ ]by[ ]")
_OVERSIGHT_OF = re.compile(r"(?<![\w-])(?:oversight|scrutiny)[ ]of[ ]")
_POSS_OVERSIGHT = re.compile(r"'s?[ ](?:[\w-]+[ ]){0,2}?(?:oversight|scrutiny)(?![ ]of)\b")


@rule("account", "overs", "scrutin", "supervis", "monitor", "examine")
def oversees(ctx: Context, sent: tuple[int, int], s: str) -> None:
    for m in finditer(_HOLD_TO_ACCOUNT, ctx, sent):
        objs = [x.entity for x in ctx.ments.between(m.start("obj"), m.end("obj")) if is_actor_mention(x)]
        if not objs:
            continue
        who = subject_of(ctx, sent, m.start(), exclude={o.id for o in objs})
        for o in objs:
            ctx.add("OVERSEES", who, o, sent)
    for m in finditer(_HELD_TO_ACCOUNT, ctx, sent):
        before = [x for x in ctx.ments.between(sent[0], m.start()) if is_actor_mention(x)]
        if not before:
            continue
        overseen = before[-1].entity
        if m.group("by"):
            agents = objects_after(ctx, m.end(), sent[1], labels=ACTORS)
        else:
            est = re.search(
                r"(?<![\w-])(?:established|set[ ]up|created|founded|launched)[ ]",
                ctx.folded[sent[0] : m.start()],
            )
            agents = []
            if est:
                agents = [e for e in objects_after(ctx, sent[0] + est.end(), m.start(), labels=ACTORS)]
        for a in agents:
            ctx.add("OVERSEES", a, overseen, sent)
    for m in finditer(_OVERSEE, ctx, sent):
        at = _WORK_OF.match(ctx.folded, m.end(), sent[1])
        objs = objects_after(ctx, at.end() if at else m.end(), sent[1], discover="Programme")
        who = subject_of(ctx, sent, m.start(), exclude={o.id for o in objs})
        for o in objs:
            ctx.add("OVERSEES", who, o, sent)
    for m in finditer(_OVERSEEN_BY, ctx, sent):
        agents = objects_after(ctx, m.end(), sent[1], labels=ACTORS)
        thing = antecedent(ctx, sent, m.start(), labels=("Organization", "Programme", "Inquiry", "Person"))
        for a in agents:
            ctx.add("OVERSEES", a, thing, sent)
    for m in finditer(_OVERSIGHT_OF, ctx, sent):
        objs = objects_after(ctx, m.end(), sent[1])
        who = possessor(ctx, m.start()) or subject_of(ctx, sent, m.start(), exclude={o.id for o in objs})
        for o in objs:
            ctx.add("OVERSEES", who, o, sent)
    for m in finditer(_POSS_OVERSIGHT, ctx, sent):
        # "... sits within X's oversight framework": X's oversight has no object of its own; it
        # covers what the paragraph has just said is overseen ("... see the police held to account")
        who = possessor(ctx, m.start() + 2 if ctx.folded[m.start() + 1] == "s" else m.start() + 1)
        overseen = _overseen_in_paragraph(ctx, sent)
        if who is not None and overseen is not None:
            ctx.add("OVERSEES", who, overseen, sent)


# "scrutinises the work of X": the body is overseen, not its work
_WORK_OF = re.compile(
    r"(?:the[ ])?(?:work|performance|activities|running|conduct|finances|spending|budget|operations?|"
    r"handling|response|decisions|plans|delivery|impact|progress)[ ]of[ ]"
)


def _overseen_in_paragraph(ctx: Context, sent: tuple[int, int]) -> Entity | None:
    """What an OVERSEES fact stated earlier in the same paragraph holds to account."""
    para_start = ctx.folded.rfind("\n", 0, sent[0]) + 1
    for key in reversed(ctx.order):
        f = ctx.facts[key]
        if (
            f.predicate == "OVERSEES"
            and f.object is not None
            and para_start <= f.evidence[-1].start < sent[0]
        ):
            return f.object
    return None


declare_gates(
    {
        _HOLD_TO_ACCOUNT: (("to account",),),
        _HELD_TO_ACCOUNT: (("to account",),),
        _OVERSEEN_BY: ((" by ",),),
        _OVERSIGHT_OF: (("oversight of", "scrutiny of"),),
        _POSS_OVERSIGHT: (("oversight", "scrutiny"),),
    }  # fmt: skip
)
declare_fast_patterns(_HOLD_TO_ACCOUNT, _HELD_TO_ACCOUNT, _OVERSEE, _OVERSEEN_BY, _OVERSIGHT_OF)
