"""ASKED / REPLIED_TO in running text ("asked by X", "X asked the Mayor whether ...")."""

from __future__ import annotations

import re

from loaders.offices import meeting_body_of
from loaders.relations.agency import ASK_TO_REVIEW
from loaders.relations.clauses import date_in, end_of, objects_after, subject_of
from loaders.relations.context import ACTORS, Context
from loaders.relations.registry import declare_fast_patterns, declare_gates, finditer, rule

_ASKED_OBJ = re.compile(
    r"(?<![\w-])(?:asked|asks|questioned|quizzed|pressed|challenged|grilled|urged)[ ](?=(?:the[ ])?[A-Z])"
)
# (not "challenged by": a challenge with nothing asked is criticism, read by the language layer)
_ASKED_BY = re.compile(
    r"(?<![\w-])(?:asked|questioned|quizzed|pressed|grilled)[ ](?:directly[ ]|again[ ]|repeatedly[ ]|specifically[ ])?by[ ]"
)
_ASKED_WH = re.compile(r"(?<![\w-])asked[ ](?=why|whether|if|how|what|when|about)")


@rule("ask", "question", "quiz", "press", "challeng", "grill", "urge")
def asked(ctx: Context, sent: tuple[int, int], s: str) -> None:
    folded = ctx.folded
    skip = getattr(ctx, "asked_spans", set())
    for m in finditer(_ASKED_OBJ, ctx, sent):
        if m.start() in skip:
            continue
        objs = objects_after(ctx, m.end(), sent[1], labels=ACTORS, coordinate=False)
        if not objs:
            continue
        if ASK_TO_REVIEW.match(folded, m.start(), sent[1]):
            continue
        after_obj = end_of(ctx, objs[0], m.end())
        if re.match(r"[ ](?:to[ ](?!account)|not[ ]to[ ])", folded[after_obj : after_obj + 8]):
            continue  # "asked the Met to leave no stone unturned" is a request, not a question
        if _REQUEST_AFTER.match(folded, after_obj, sent[1]):
            continue  # "asked TfL's Commissioner, Andy Lord, to set out ..." likewise
        who = subject_of(ctx, sent, m.start(), exclude={o.id for o in objs})
        date = (date_in(ctx, sent[0], sent[1]) or None) if who is not None else None
        for o in objs:
            ctx.add("ASKED", who, o, sent, date=date, about=_about(ctx, m.end(), sent[1]))
    for m in finditer(_ASKED_BY, ctx, sent):
        agents = objects_after(ctx, m.end(), sent[1], labels=("Person", "Organization"), coordinate=False)
        if not agents:
            continue
        # the one asked: the speaker or subject of the main clause before "when asked by"
        asked_one = None
        for x in reversed(ctx.ments.between(sent[0], m.start())):
            if x.entity.label == "Person" and re.match(
                r"[ ,]*(?:said|says|told|insisted|claimed|denied|admitted|did|had|was|has)\b",
                folded[x.end : x.end + 12],
            ):
                asked_one = x.entity
                break
        if asked_one is None:
            asked_one = subject_of(ctx, sent, m.start(), exclude={a.id for a in agents})
        for a in agents:
            ctx.add("ASKED", a, asked_one, sent, date=date_in(ctx, sent[0], sent[1]))
    for m in finditer(_ASKED_WH, ctx, sent):
        who = subject_of(ctx, sent, m.start())
        if who is None:
            continue
        # "When X asked why ..., Y said ...": Y was asked
        comma = folded.find(",", m.end(), sent[1])
        target = None
        if comma != -1 and re.search(r"(?:^|\b)[Ww]hen[ ][^,]*$", folded[sent[0] : m.start()]):
            for x in ctx.ments.between(comma, sent[1]):
                if x.entity.label == "Person" and x.entity.id != who.id:
                    target = x.entity
                    break
        if target is not None:
            ctx.add(
                "ASKED",
                who,
                target,
                sent,
                date=date_in(ctx, sent[0], sent[1]),
                about=_about(ctx, m.end(), comma),
            )


# A committee's session with its guests: "Question and Answer Session with the Deputy Mayor for
# Policing and Crime and the MPS", "as background to putting questions to the following invited
# guests:", "Note the answers given by the Deputy Mayor ... to the questions asked by Members"
_SESSION_WITH = re.compile(r"(?i)(?<![\w-])question[ ]and[ ]answer[ ]session[ ]with[ ]")
_QUESTIONS_TO = re.compile(
    r"(?<![\w-])(?:putting|put|to[ ]put)[ ](?:its[ ]|their[ ])?questions[ ]to[ ]"
    r"(?P<list>the[ ]following[ ](?:invited[ ])?guests?[ ]?:[ ]*)?"
    # "The following guests attended the meeting to answer the Committee's questions ...:"
    r"|(?<![\w-])[Tt]he[ ]following[ ](?:invited[ ])?guests[ ](?=[^:\n]{0,200}\bquestions\b)[^:\n]{0,200}"
    r"(?P<guests>:)"
)
# a page of the Greater London Authority's committees, which names no committee
_COMMITTEE = re.compile(r"\b(?:Committee|Assembly|Panel|Working Group)$")
_GLA_PAGE = re.compile(
    r"\bExecutive[ ]Director[ ]of[ ]Secretariat\b|\bLondon[ ]Assembly\b|\bAssembly[ ]Members?\b"
)
_ANSWERS_BY = re.compile(r"(?<![\w-])answers[ ](?:given|provided)[ ]by[ ]")
_LINE = re.compile(r"[^\n]*")
_BULLET = re.compile(r"[ \t\u00a0]*[·•*\u2022-][ \t\u00a0]*")


@rule(
    "question and answer session",
    "questions to",
    "answers given by",
    "answers provided by",
    "following guests",
    "following invited guests",
)
def question_sessions(ctx: Context, sent: tuple[int, int], s: str) -> None:
    """The body meeting (a committee, else the Assembly) asks its guests; those whose answers the
    minutes note replied to it."""
    body = meeting_body_of(ctx.text, ctx.ments, ctx.registry)
    if body is None and _GLA_PAGE.search(ctx.text, 0, 3000):
        assembly = ctx.registry.find("London Assembly")
        body = assembly.entity if assembly is not None else None
    if body is None:
        return
    date = ctx.info.date
    for pattern in (_SESSION_WITH, _QUESTIONS_TO, _ANSWERS_BY):
        for m in finditer(pattern, ctx, sent):
            if pattern is _QUESTIONS_TO and (m.group("list") or m.group("guests")):
                guests, evidence = _listed_guests(ctx, m.end())
            else:
                guests, evidence = objects_after(ctx, m.end(), sent[1], labels=ACTORS), sent
            for guest in guests:
                if (
                    guest.id == body.id
                    or ctx.registry.is_assembly_body(guest.id)
                    or _COMMITTEE.search(guest.name)
                ):
                    continue  # "took the opportunity of a question and answer session with the Committee"
                ctx.add("ASKED", body, guest, evidence, date=date)
                if pattern is _ANSWERS_BY:
                    ctx.add("REPLIED_TO", guest, body, evidence, date=date)


def _listed_guests(ctx: Context, pos: int) -> tuple[list, tuple[int, int]]:
    """The first actor named on each bulleted line after `pos` ("· Mike Brown MVO, Commissioner of
    Transport; and"), blank lines between them, and the span from `pos` to the last of them."""
    found, end = [], pos
    for line in _LINE.finditer(ctx.text, pos, min(len(ctx.text), pos + 2000)):
        if not line.group().strip():
            continue
        bullet = _BULLET.match(line.group())
        if bullet is None:
            break  # the list is over
        first = next(
            (
                x
                for x in ctx.ments.between(line.start() + bullet.end(), line.end())
                if x.entity.label in ACTORS
            ),
            None,
        )
        if first is None:
            break
        found.append(first.entity)
        end = line.end()
    return found, (pos, end)


_REQUEST_AFTER = re.compile(
    r"(?:'s?[ ][^.;:?]{0,60}?|,[ ][^.;:?]{0,60}?,)[ ](?:to|not[ ]to)[ ](?!account)[a-z]+"
)


def _about(ctx: Context, start: int, end: int) -> str | None:
    text = " ".join(ctx.text[start:end].split()).strip(" ,.")
    return text[:200] or None


declare_gates(
    {
        _ASKED_BY: ((" by ",),),
        _ASKED_WH: (("asked ",),),
        _QUESTIONS_TO: (("questions",),),
        _ANSWERS_BY: (("answers ",),),
    }  # fmt: skip
)
declare_fast_patterns(_ASKED_OBJ, _ASKED_BY, _ASKED_WH, _SESSION_WITH, _QUESTIONS_TO, _ANSWERS_BY)
