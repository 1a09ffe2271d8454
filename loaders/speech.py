"""Statements introduced by a speaker line: "Name, Office, said:" and the quoted paragraphs below.

Press releases and committee statements print the speaker first and the words after, in their
own paragraphs::

    Chair of the London Assembly Environment Committee, Caroline Russell AM said:

    "While the measures in a broad sense are step in the right direction, ..."

    "The Mayor has stuck to his weaker proposals. ..."

Each such block becomes a zone of kind "quote" with its speaker (so "I" and "we" inside resolve
to the speaker and the body the speaker chairs or leads) and one SAID fact per speaker whose
text joins the quoted paragraphs (each paragraph is a piece of evidence). Quotes on one line
with the speaker ("X said: "...""), and quotes with the speaker after them, are left to the
quote rules of the rules layer. Layer "layout".

A round-up of reactions labels each speaker at the start of the paragraph, with a group or
office after a comma, and runs the words on after the colon (quoted or not) until the next
label::

    Len Duvall, Labour: “The big story is that it has taken two years ...

    Roger Evans, Conservative: “Personally, I am delighted ...

Each label gives the same SAID fact, and a party label MEMBER_OF that party.
"""

from __future__ import annotations

import re

from graph.facts import Entity
from loaders.document import Doc, Zone
from loaders.names.focus import person_in_focus, person_titled
from loaders.offices import party_entity

__all__ = ["speaker_blocks"]

_OPEN = "\"“‘'"
# the intro line ends in a speech verb and a colon or comma ("said:", "commented,", "said")
_INTRO_END = re.compile(
    r"\b(?:said|says|commented|comments|added|stated|explained|responded|remarked|continued|told\s+[^\n:,]{1,60})\s*[:,]?\s*$",
    re.I,
)
_ACTORS = ("Person", "Organization", "Post")
_PRONOUN_SPEAKER = re.compile(r"\s*(?:he|she)\s+(?:said|says|added|told|explained|continued)\b", re.I)
_PRONOUN_LAST = re.compile(r"\b(?:he|she)\s*$", re.I)  # "During a visit, he told ...:"
_SPEECH = re.compile(r"\b(?:said|says|added|told|explained|warned|insisted|argued)\b")


def late_speaker_blocks(doc: Doc) -> None:
    """speaker_blocks again once the parse has named the people the linker did not know ("Amy
    Lamé", found by the statistical recogniser): the blocks the first pass left without a speaker."""
    speaker_blocks(doc, late=True)


def speaker_blocks(doc: Doc, late: bool = False) -> None:
    text = doc.text
    paragraphs = _paragraphs(text)
    if not late:
        paragraphs = _labelled_statements(doc, paragraphs)
    claimed = {z.start for z in doc.zones if z.kind == "quote"} if late else set()
    i = 0
    while i < len(paragraphs):
        s, e = paragraphs[i]
        line = text[s:e]
        if late and (i + 1 >= len(paragraphs) or paragraphs[i + 1][0] in claimed or not _SPEECH.search(line)):
            i += 1
            continue
        intro = _INTRO_END.search(line) is not None and len(line) < 400
        if not intro and i + 1 < len(paragraphs) and _SPEECH.search(line) and len(line) < 600:
            # "The mayor said the programmes would be a game-changer." then a quoted paragraph with
            # no speaker of its own: the same speaker goes on
            ns, ne = paragraphs[i + 1]
            intro = text[ns] in _OPEN and not _SPEECH.search(text[ns:ne])
        if intro and not line.lstrip().startswith(tuple(_OPEN)):
            speaker = _speaker(doc, s, _before_words(line, s, e))
            block: list[tuple[int, int]] = []
            j = i + 1
            while j < len(paragraphs) and text[paragraphs[j][0]] in _OPEN:
                block.append(paragraphs[j])
                j += 1
            if not block and line.rstrip().endswith(":"):
                block = _unmarked_block(text, paragraphs, i + 1)
                j = i + 1 + len(block)
            if speaker is not None and block:
                _said(doc, speaker, (s, e), block)
                i = j
                continue
        opened = _OPEN_QUOTE_INTRO.search(line)
        if opened and i + 1 < len(paragraphs) and _left_open(line[opened.end() - 1 :]):
            # 'Lamé said: “For too long ...' with the quotation left open at the paragraph's end, and
            # the next paragraph opening “With the advent ...”: one quotation, the same speaker
            block = [(s + opened.end() - 1, e)]
            j = i + 1
            while j < len(paragraphs) and text[paragraphs[j][0]] in _OPEN[:2]:
                block.append(paragraphs[j])
                j += 1
                if not _left_open(text[block[-1][0] : block[-1][1]]):
                    break
            speaker = _speaker(doc, s, s + opened.start() + 1) if len(block) > 1 else None
            if speaker is not None:
                _said(doc, speaker, (s, e), block)
                i = j
                continue
        if 0 < i < len(paragraphs) - 1:  # (the first is the page's headline, over its topic tag)
            speaker = _signed_by(doc, line, paragraphs[i + 1])
            if speaker is not None:
                _said(doc, speaker, paragraphs[i + 1], [(s, e)])
                i += 2
                continue
        i += 1


_CLOSE = '”’"'
# "Len Duvall, Labour: ", "Caroline Pidgeon, Liberal Democrat transport spokesperson: ", "Jo Bloggs,
# a local campaigner: ": the group or office opens on a capital or an article and has no comma (not
# "Boris Johnson, who was Mayor from 2008, had three priorities: ...", nor "Sadiq Khan, Mayor of
# London, said: ...")
_LABEL = re.compile(
    r"(?P<who>[A-Z][\w’'.-]+(?:[ ][A-Z][\w’'.-]+){1,3}),[ ]+(?P<role>(?:[A-Z]|(?:a|an|the)[ ])[^:,\n“”\"]{1,60}?):[ ]+(?=\S)"
)
# unquoted words after the last label of a page run on at most this many paragraphs
_LAST_LABEL_PARAGRAPHS = 2


def _labelled_statements(doc: Doc, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Read the paragraphs that open on a speaker's label (a round-up of reactions), and return
    the others for the intro-line reading. Words not in quotation marks run on to the next label
    only where the page has two labels or more, and after the last label only a paragraph or two,
    not into notes or contacts."""
    text = doc.text
    labels = {}
    for k, (s, e) in enumerate(paragraphs):
        m = _LABEL.match(text, s, e)
        people = list(doc.mentions.between(s, m.end("who"))) if m else []
        if m and people and people[0].entity.label == "Person" and people[0].start == s:
            labels[k] = (m, people[0].entity)
    if not labels:
        return paragraphs
    used: set[int] = set()
    for k, (m, speaker) in labels.items():
        s, e = paragraphs[k]
        block = [(m.end(), e)]
        quoted = text[m.end()] in _OPEN
        j = k + 1
        last = k == max(labels)
        while j < len(paragraphs) and j not in labels and (len(labels) > 1 or quoted):
            if quoted and not _left_open(" ".join(text[a:b] for a, b in block)):
                break
            if not quoted and last and not _spoken_on(text, k, j, paragraphs):
                break
            block.append(paragraphs[j])
            j += 1
        _said(doc, speaker, (s, m.end()), block)
        used.update(range(k, j))
        _party(doc, speaker, m.group("role"), (s, m.end("role")))
    return [p for k, p in enumerate(paragraphs) if k not in used]


# a paragraph in someone's own voice
_FIRST_PERSON = re.compile(r"\b(?:I|I['’]m|I['’]ve|we|We|our|Our|my|My|us)\b")


def _spoken_on(text: str, k: int, j: int, paragraphs: list[tuple[int, int]]) -> bool:
    """Whether paragraph `j` still carries the words of the page's last label (at paragraph `k`)
    when they are not in quotation marks: a paragraph or two more, not the notes or contacts that
    end a page, that go on with a sentence the paragraph before left open or speak in the first
    person."""
    s, e = paragraphs[j]
    open_sentence = text[paragraphs[j - 1][1] - 1] not in '.?!:”’"'
    return (
        j - k <= _LAST_LABEL_PARAGRAPHS
        and not _NOT_WORDS.match(text, s, e)
        and (open_sentence or _FIRST_PERSON.search(text, s, e) is not None)
    )


def _party(doc: Doc, speaker: Entity, role: str, span: tuple[int, int]) -> None:
    """A label's group that is a party the registry knows ("Labour", "Conservative", "Green
    Party") gives MEMBER_OF it; a body that is no party ("Transport for London") gives nothing."""
    party = party_entity(doc.registry, role)
    if party is not None:
        doc.facts.add("MEMBER_OF", speaker, party, span, layer="layout")


_NOT_WORDS = re.compile(r"^(?:notes?\b|ends\b|-+$|for more information|contact\b|editors?\b)", re.I)


def _unmarked_block(text: str, paragraphs: list[tuple[int, int]], k: int) -> list[tuple[int, int]]:
    """The words after "X said:" printed without opening quotation marks (a page's block quote
    lost in copying): the first paragraph, and the ones after it up to the one that ends with the
    closing mark, when one of the next five does; nothing when the next paragraph is no speech (a
    heading, another speaker's line)."""
    if k >= len(paragraphs):
        return []
    first = text[paragraphs[k][0] : paragraphs[k][1]]
    if _NOT_WORDS.match(first) or _INTRO_END.search(first) or len(first.split()) < 5:
        return []
    if first.rstrip()[-1:] not in ".!?" + _CLOSE:
        return []  # a headline of the next item on a list page, not a sentence someone said
    for n in range(k, min(k + 5, len(paragraphs))):
        para = text[paragraphs[n][0] : paragraphs[n][1]]
        if n > k and (_INTRO_END.search(para) or _NOT_WORDS.match(para) or para[:1] in _OPEN):
            break
        if para.rstrip()[-1:] in _CLOSE:
            return paragraphs[k : n + 1]
    return paragraphs[k : k + 1]


# the rest of a signature line after the name: ", Tory London Assembly member" (no sentence)
_SIGNATURE_REST = re.compile(r"(?:,[ ][^.:;!?\n]{2,80})?")


def _signed_by(doc: Doc, line: str, signature: tuple[int, int]) -> Entity | None:
    """A pull quote: a paragraph of someone's words with their name on the next line::

        This is a slap in the face to all of those residents who ...
        Angie Bray, Tory London Assembly member

    The words are a paragraph of their own (no speech verb, no quotation marks inside, no colon
    at the end); the next line is a person's name, alone or with a description (not an office:
    "The Mayor" over an answer and "MAYOR OF LONDON" under a letter are layouts of their own)."""
    ns, ne = signature
    people = [m for m in doc.mentions.between(ns, ne) if m.entity.label == "Person" and m.kind != "office"]
    if not people or people[0].start != ns or not _SIGNATURE_REST.fullmatch(doc.text, people[0].end, ne):
        return None
    if _SPEECH.search(doc.text, ns, ne) or _INTRO_END.search(doc.text[ns:ne]):
        return None
    body = line.strip(_OPEN + "”’ ")
    if len(body.split()) < 8 or line.rstrip().endswith((":", "?")) or _SPEECH.search(line):
        return None
    if re.match(r"\s*(?:[-–—•·*]|\d+[.)])\s", line):
        return None  # an item of a list, not someone's words
    if any(c in body for c in _OPEN + "”’") and not body.endswith(tuple(".!?")):
        return None
    return people[0].entity


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines, trimmed (a paragraph of a web page is one line)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            s = pos + len(line) - len(line.lstrip())
            out.append((s, s + len(stripped)))
        pos += len(line) + 1
    return out


# a speaker's intro and the start of the words on one paragraph: 'Lamé said: “For too long ...'
_OPEN_QUOTE_INTRO = re.compile(r"\b(?:said|says|added|stated|commented|explained)\s*[:,]?\s*[“\"]")


def _left_open(words: str) -> bool:
    """Whether a paragraph's quotation is still open at its end (a quotation of several paragraphs
    opens each one and closes only the last)."""
    return words.count("“") > words.count("”") or words.count('"') % 2 == 1


def _before_words(line: str, start: int, end: int) -> int:
    """Where the intro line's own quoted words begin ('He said: "This is ...'), else its end:
    names inside the words are not the speaker."""
    at = min((i for i in (line.find(c) for c in _OPEN[:2]) if i >= 0), default=-1)
    return start + at if at > 0 else end


def _speaker(doc: Doc, start: int, end: int) -> Entity | None:
    """The person the intro line names (the last one before the speech verb), else its body;
    "He said:" is the person in focus."""
    # "he told the Press Association:": whom the words are told to is not who speaks
    verb = _SPEECH.search(doc.text, start, end)
    until = verb.start() if verb is not None else end
    mentions = [m for m in doc.mentions.between(start, until) if m.entity.label in _ACTORS]
    people = [m for m in mentions if m.entity.label == "Person"]
    if people:
        return people[-1].entity
    titled = person_titled(doc.mentions, start, until)  # "..., the Home Office minister added:"
    if titled is not None:
        return titled
    if mentions:
        return mentions[-1].entity
    pronoun = _PRONOUN_SPEAKER.match(doc.text, start, end) or _PRONOUN_LAST.search(doc.text, start, until)
    if pronoun:
        at = pronoun.start() + len(pronoun.group(0)) - len(pronoun.group(0).lstrip())
        return person_in_focus(doc.mentions, doc.sentences, at, starts=doc.sentence_starts)
    return None


def _said(doc: Doc, speaker: Entity, intro: tuple[int, int], block: list[tuple[int, int]]) -> None:
    text = doc.text
    words = " … ".join(" ".join(text[s:e].strip(_OPEN + "”’ ").split()) for s, e in block)
    fact = doc.facts.add("SAID", speaker, None, block[0], layer="layout", text=words, date=doc.date)
    for s, e in block:
        doc.zones.append(Zone("quote", s, e, speaker=speaker))
        if fact is not None and all(ev.start != s for ev in fact.evidence):
            doc.facts.add("SAID", speaker, None, (s, e), layer="layout", text=words, date=doc.date)
