"""The rules layer: the sentence rules of loaders.relations and the quotes of loaders.quotes.

These are the first extractor's regular-expression rules, kept as one layer of the chain
(loaders/chain.py) so that, per relation family, the chain keeps whichever of this layer and the
dependency-parse layer measures better on real documents (EXTRACTION.md). `run_rules` reads the
general reading of the page (loaders.genre), the mentions and the sentences, and adds its facts to
the document's fact set as layer "rules".
"""

from __future__ import annotations

import re

from graph.facts import Entity, Evidence, slug
from loaders.document import Doc
from loaders.names.focus import agrees, inside_quotation, person_in_focus, person_titled
from loaders.names.mentions import DocMentions, Mention
from loaders.quotes import find_quotes
from loaders.relations import ACTORS, Context, Quote, extract_relations

__all__ = ["run_rules"]


def run_rules(doc: Doc) -> None:
    """Run the rules on `doc` and add their facts (layer "rules")."""
    info = doc.legacy
    ctx = Context(doc=doc.info, info=info, ments=doc.mentions, registry=doc.registry)
    ctx.sentences = doc.sentences  # type: ignore[attr-defined]
    ctx.sentence_starts = doc.sentence_starts  # type: ignore[attr-defined]
    ctx.signatory = _person_in(ctx, info.author_span, info.author)
    if info.genre == "question_answer":
        ctx.answerer = _actor_in(ctx, info.answerer_span, info.answerer)
    ctx.quotes = _quotes(ctx)
    if doc.layout == info.genre == "question_answer":  # no layout reader of its own took it
        _structure(ctx)
    extract_relations(ctx)
    _said(ctx)
    doc.rules_context = ctx
    for key in ctx.order:
        doc.facts.merge(ctx.facts[key], layer="rules")


# --- people named by the layout -------------------------------------------------------------------


def _person_in(ctx: Context, span: tuple[int, int] | None, name: str | None) -> Entity | None:
    if span is None:
        return None
    for m in ctx.ments.between(span[0], span[1]):
        if m.entity.label == "Person":
            return m.entity
    if name:
        # "Tom Copley, Deputy Mayor for Housing" / "Deputy Mayor for Housing (Tom Copley)"
        paren = re.search(r"\(([^()]{3,60})\)\s*$", name)
        if paren and _looks_like_name(paren.group(1)):
            name = paren.group(1)
        elif "," in name and _looks_like_name(name.split(",")[0]):
            name = name.split(",")[0].strip()
        entry = ctx.registry.find(name)
        if entry is not None and entry.label == "Person":
            return entry.entity
        clean = re.sub(r"\b(?:Sir|Dame|Lord|Lady|Baroness|Dr|Mr|Mrs|Ms|OBE|CBE|MBE|AM|MP|KC)\b\.?", "", name)
        clean = " ".join(clean.replace(",", " ").split())
        if 1 < len(clean.split()) <= 4 and all(w[:1].isupper() for w in clean.split()):
            ent = Entity(name=clean, label="Person", id=slug(clean))
            s = (
                span[0] + ctx.text[span[0] : span[1]].find(name)
                if name in ctx.text[span[0] : span[1]]
                else None
            )
            if s is not None and s >= span[0]:
                ctx.ments.add(Mention(s, s + len(name), ent, "person"))
            return ent
    return None


def _looks_like_name(text: str) -> bool:
    words = re.sub(
        r"\b(?:Sir|Dame|Lord|Lady|Baroness|Dr|Mr|Mrs|Ms|Cllr|OBE|CBE|MBE|AM|MP|KC)\b\.?", "", text
    ).split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


def _actor_in(ctx: Context, span: tuple[int, int] | None, name: str | None) -> Entity | None:
    if span is None:
        return None
    for m in ctx.ments.between(span[0], span[1]):
        if m.entity.label in ACTORS:
            return m.entity
    return _person_in(ctx, span, name)


# --- structural facts -------------------------------------------------------------------------------


def _structure(ctx: Context) -> None:
    info = ctx.info
    if info.genre == "letter":
        _letter_facts(ctx)
    elif info.genre == "question_answer":
        _qa_facts(ctx)


def _body_of(ctx: Context, span: tuple[int, int] | None) -> Entity | None:
    if span is None:
        return None
    for m in ctx.ments.between(span[0], span[1]):
        if m.entity.label == "Organization":
            return m.entity
        if m.post is not None:
            mm = re.match(
                r"(?:Chair|Chairman|Chairwoman|Clerk|Member)[ ](?:of|,)[ ](?:the[ ])?(?P<body>.+)$",
                m.post.name,
            )
            if mm:
                body = ctx.registry.find(mm.group("body"))
                if body is not None:
                    return body.entity
    return None


def _letter_facts(ctx: Context) -> None:
    info = ctx.info
    me = ctx.signatory
    asker = _body_of(ctx, info.subject_span) or _body_of(ctx, info.addressee_span)
    if asker is None and info.addressee_span:
        asker = _person_in(ctx, info.addressee_span, info.addressee)
    # the signature and address blocks: "Name\nOffice"
    for span in (info.author_span, info.addressee_span):
        if span is None:
            continue
        ms = ctx.ments.between(span[0], span[1])
        person = next((m.entity for m in ms if m.entity.label == "Person" and m.kind != "office"), None)
        office = next((m for m in ms if m.kind == "office" and m.post is not None), None)
        if person is not None and office is not None:
            ctx.add("HOLDS_OFFICE", person, office.post, span)
            from loaders.relations import chairs_from_post

            chairs_from_post(ctx, person, office.post, span)
    if me is None or asker is None:
        return
    for motion in info.motions:
        span = (motion.start, motion.end)
        ctx.add("ASKED", asker, me, span, date=info.meeting_date, about=motion.heading)
        reply_span = info.reply_span if info.reply_span and len(info.motions) >= 1 else span
        ctx.add("REPLIED_TO", me, asker, reply_span, date=info.date, about=motion.heading)
    if not info.motions and info.reply_span:
        ctx.add("REPLIED_TO", me, asker, info.reply_span, date=info.date, about=info.title)


def _qa_facts(ctx: Context) -> None:
    info = ctx.info
    asker = _actor_in(ctx, info.asker_span, info.asker)
    answerer = ctx.answerer
    if answerer is None and info.answer_span:
        answerer = (
            ctx.registry.holder("mayor-of-london", info.ref_date)
            and ctx.registry.holder("mayor-of-london", info.ref_date).entity
        )
    about = info.question_title or info.question_number
    if asker is not None and answerer is not None:
        qspan = info.question_span or info.asker_span
        ctx.add("ASKED", asker, answerer, qspan, date=info.meeting_date, about=about)
        aspan = info.answer_span or info.answerer_span
        if info.answer_span:
            aspan = (info.answer_span[0], min(info.answer_span[1], info.answer_span[0] + 400))
            aspan = (aspan[0], aspan[0] + len(ctx.text[aspan[0] : aspan[1]].rstrip()))
        ctx.add("REPLIED_TO", answerer, asker, aspan, date=info.answer_date or info.meeting_date, about=about)


# --- quotes -------------------------------------------------------------------------------------------


def _quotes(ctx: Context) -> list[Quote]:
    """Quotes with their speaker resolved to an entity (pronouns to the person in focus)."""
    out: list[Quote] = []
    raw = find_quotes(ctx.text)
    ctx.raw_quotes = raw  # type: ignore[attr-defined]
    # a speaker "he" or "she" is not someone named inside quoted words, whichever kind of quote
    # (a quoted paragraph under "she came across as even-handed:" names whom she talks about)
    direct = [(q.start, q.end) for q in raw]
    resolved: list[Entity | None] = []
    last_speaker: Entity | None = None  # of the quotes so far (they come in document order)
    for q in raw:
        who: Entity | None = None
        if q.speaker_start is not None and q.speaker_end is not None:
            word = (q.speaker or "").strip().lower()
            last = word.split()[-1] if word.split() else ""
            at = q.speaker_start
            if last in ("he", "she", "they") and word != last:
                # "Referring to a talk with Lord Heseltine, ..., he wrote": he, not those named
                word = last
                at = max(q.speaker_start, ctx.text.rfind(" ", q.speaker_start, q.speaker_end) + 1)
            else:
                who = _speaker_entity(ctx, q.speaker_start, q.speaker_end)
            if who is None:
                if word in ("he", "she", "they"):
                    who = (
                        person_in_focus(
                            ctx.ments,
                            ctx.sentences,  # type: ignore[attr-defined]
                            at,
                            _within(direct, ctx.text),
                            starts=ctx.sentence_starts,  # type: ignore[attr-defined]
                        )
                        # "“...,” he said" goes on with the last quote's speaker before any
                        # other person named in passing
                        or (
                            last_speaker
                            if last_speaker is not None and agrees(ctx.ments, at, last_speaker.id)
                            else None
                        )
                        or _last_person_before(ctx.ments, at)
                    )
                elif word in ("i", "we"):
                    who = ctx.signatory
        resolved.append(who)
        last_speaker = who or last_speaker
        out.append(Quote(start=q.start, end=q.end, speaker=who, attribution=(q.clause_start, q.clause_end)))
    ctx.resolved_speakers = resolved  # type: ignore[attr-defined]
    return out


def _speaker_entity(ctx: Context, start: int, end: int) -> Entity | None:
    """The actor a speaker phrase names: its person when it has one ("Green Party assembly member
    Jo Bloggs", "the FBU's secretary, Jo Bloggs"), else its first body or office ("a City Hall
    spokesperson")."""
    # ("according to a letter obtained by the Standard": who obtained the words did not say them)
    ments = [
        m
        for m in ctx.ments.between(start, end)
        if m.entity.label in ACTORS and not _OBTAINED_BY.search(ctx.text, max(start, m.start - 30), m.start)
    ]
    actors = [m.entity for m in ments]
    # "Khan's deputy mayor for culture, Justine Simons": the owner of the speaker's office is not
    # the speaker
    people = [
        m.entity for m in ments if m.entity.label == "Person" and not _POSSESSIVE.match(ctx.text, m.end)
    ]
    people = people or [e for e in actors if e.label == "Person"]
    if not people:
        # "the Home Office minister added:" after "Policing Minister Kit Malthouse": the person the
        # page gave that title, not the body named before it
        titled = person_titled(ctx.ments, start, end)
        if titled is not None:
            return titled
    if not actors and _THE_SPOKESPERSON.fullmatch(ctx.text, start, end):
        return _spokesperson_for(ctx, start)
    return people[0] if people else actors[0] if actors else None


_THE_SPOKESPERSON = re.compile(r"(?i)(?:the|a|his|her|its|their)\s+spokes(?:person|man|woman)")
_SPOKESPERSON_FOR = re.compile(r"(?i)\bspokes(?:person|man|woman)\s+(?:for|of)\s+")


def _spokesperson_for(ctx: Context, pos: int) -> Entity | None:
    """Whom "the spokesperson" speaks for: the actor of the last "a spokesperson for X" before it."""
    last = None
    for m in _SPOKESPERSON_FOR.finditer(ctx.text, max(0, pos - 2000), pos):
        last = m
    if last is None:
        return None
    after = [x for x in ctx.ments.between(last.end(), last.end() + 80) if x.entity.label in ACTORS]
    return after[0].entity if after and after[0].start <= last.end() + 4 else None


_POSSESSIVE = re.compile(r"['’]s?\b")
_OBTAINED_BY = re.compile(r"\b(?:obtained|seen|leaked|passed|released|sent|shown)[ ](?:by|to)[ ](?:the[ ])?$")


def _within(spans: list[tuple[int, int]], text: str):
    """The test "is this offset inside one of these quote spans, or inside quotation marks of its
    sentence" (a quoted paragraph no one is said to speak is still quoted words)."""
    return lambda start, pos: any(a <= pos < b for a, b in spans) or inside_quotation(text, start, pos)


def _last_person_before(ments: DocMentions, pos: int) -> Entity | None:
    for m in reversed(ments.before(pos)):
        if m.entity.label == "Person" and agrees(ments, pos, m.entity.id):
            return m.entity
    return None


def _said(ctx: Context) -> None:
    """One SAID fact per speaker and document: the speaker's statements in it.

    Each quote (direct or reported) is a piece of evidence of that fact and its words are part of
    the statement text, in document order. A document is one occasion of speech for a speaker
    (a press release, an article, a letter), so its quotes make one statement; the evidence keeps
    every quote's own span, so nothing is lost for queries that want single quotes."""
    raw = ctx.raw_quotes  # type: ignore[attr-defined]
    speakers = ctx.resolved_speakers  # type: ignore[attr-defined]
    groups: dict[str, tuple[Entity, list]] = {}
    for q, who in zip(raw, speakers, strict=True):
        if who is None:
            continue
        groups.setdefault(who.id, (who, []))[1].append(q)
    for who, qs in groups.values():
        text = " … ".join(" ".join(q.text.split()) for q in qs)
        date = _said_date(ctx, qs[0].clause_start, qs[0].clause_end)
        fact = ctx.add("SAID", who, None, (qs[0].clause_start, qs[0].clause_end), text=text, date=date)
        if fact is None:
            continue
        seen = {(e.start, e.end) for e in fact.evidence}
        for q in qs[1:]:
            if (q.clause_start, q.clause_end) not in seen:
                seen.add((q.clause_start, q.clause_end))
                quote = ctx.text[q.clause_start : q.clause_end]
                fact.evidence.append(
                    Evidence(ctx.doc.name, ctx.doc.sha256, quote, q.clause_start, q.clause_end)
                )


def _said_date(ctx: Context, start: int, end: int) -> str | None:
    from loaders.dates import find_dates

    para_start = ctx.text.rfind("\n", 0, start) + 1
    found = find_dates(ctx.text[para_start:end], ctx.info.ref_date)
    full = [d for d in found if len(d.iso) >= 7]
    if full:
        return full[0].iso
    return ctx.info.date
