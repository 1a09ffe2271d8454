"""Page structure: which layout a document has, its metadata, zones and structural facts.

Each layout module has `NAME`, `detect(text) -> bool` and `read(doc)`; the first whose detector
accepts the text reads it. Every document first gets the general reading (genre, title, date) of
loaders.genre, so a page of an unknown layout still has a date and the prose rules.
"""

from __future__ import annotations

import re

from graph.facts import Entity
from loaders.dates import name_date
from loaders.document import Doc, Zone
from loaders.genre import detect as general_reading
from loaders.layouts import decision, letter, motion, question_page, transcript, twfy, written_answers
from loaders.layouts.base import add_answer, lines, trim
from loaders.layouts.turns import Turn, read_turns
from loaders.offices import meeting_body

__all__ = ["LAYOUTS", "read_layout", "speaker_turns", "find_voice"]

# Most specific first.
LAYOUTS = (written_answers, question_page, twfy, transcript, decision, motion)
# Layouts the general reading recognises (it finds their blocks); they read the Doc, not the text.
READ_LAYOUTS = (letter,)


def read_layout(doc: Doc) -> None:
    info = general_reading(doc.info)
    doc.legacy = info
    doc.genre = info.genre
    doc.layout = info.genre
    doc.title = info.title
    doc.date = info.date
    doc.ref_date = info.ref_date
    doc.reference = info.reference
    doc.publisher = info.publisher
    # a layout resolves "the Prime Minister" and "Dear Mayor" by the page's date: one the text
    # does not give is, for now, the reader's or the file name's
    doc.ref_date = doc.ref_date or doc.info.date or name_date(doc.info.name)
    for layout in LAYOUTS:
        if layout.detect(doc.text):
            doc.layout = layout.NAME
            layout.read(doc)
            break
    else:
        for layout in READ_LAYOUTS:
            if layout.detect(doc):
                doc.layout = layout.NAME
                layout.read(doc)
                break
    # a page that gives no date of its own: the reader's (an HTML page's metadata), else the one
    # its file is named by ("2019-03-08-khan-letter.txt", "guardian-livingstone-2001.txt")
    named = None if doc.date or doc.info.date else name_date(doc.info.name)
    doc.date = doc.date or doc.info.date or named
    if not doc.ref_date:
        latest = _latest_date(doc.text)
        # the file's year, made precise by the latest full date the page gives in it
        doc.ref_date = latest if named and latest and latest.startswith(named) else doc.date or latest
    _title_zone(doc)
    _site_chrome(doc)
    # the Document node carries what the layout found
    doc.info.genre = doc.genre
    doc.info.title = doc.title or doc.info.title
    doc.info.date = doc.date or doc.info.date
    doc.info.reference = doc.reference or doc.info.reference
    if doc.author is not None:
        doc.info.author = doc.author.name
    if doc.addressee is not None:
        doc.info.addressee = doc.addressee.name


def _latest_date(text: str) -> str | None:
    """With no date of its own, a page is dated no earlier than the latest full date it gives
    (a motion that "notes the response to the motion passed on 13 March 2013"): good enough to
    tell which Mayor "the Mayor" is."""
    from loaders.dates import find_dates

    days = [d.iso for d in find_dates(text[:20000]) if len(d.iso) == 10]
    return max(days) if days else None


def _title_zone(doc: Doc) -> None:
    """The page's first line, when it is a headline (no full stop, not a labelled field), and
    the same line repeated below it (pages print the headline twice)."""
    title = None
    for s, e, line in lines(doc.text):
        if title is None:
            if len(line) < 200 and not line.endswith((".", ":", "?")) and ":" not in line[:30]:
                title = line
                doc.zones.append(Zone("title", s, e))
            else:
                return
        elif line == title:
            doc.zones.append(Zone("title", s, e))


# a news site's links to its other pages and its calls to act: "NOW READ: TfL 'must prepare' for
# lockdown easing", "READ MORE: ...", "Sign up to our newsletter" (another page's headline,
# not this page's words)
_CHROME = re.compile(
    r"^[ \t]*(?:(?:NOW|ALSO|MUST)[ ]READ|READ[ ](?:MORE|NEXT|ALSO)|Read[ ](?:more|next|also)|RELATED|"
    r"Related[ ](?:articles?|stories|content|news)|MORE[ ]ON[ ]THIS|Most[ ]read|Sign[ ]up[ ]to|"
    r"Subscribe[ ]to|Follow[ ]us[ ]on|Advertisement|Share[ ]this[ ](?:article|story|page))\b[^\n]*",
    re.M,
)


def _site_chrome(doc: Doc) -> None:
    """Lines of a site's links and calls to act as boilerplate zones: nothing is read from them."""
    for m in _CHROME.finditer(doc.text):
        doc.zones.append(Zone("boilerplate", m.start(), m.end()))


def speaker_turns(doc: Doc) -> None:
    """Speaker turns in any document (a question page may quote a whole exchange); a transcript
    has read its own."""
    if doc.layout != transcript.NAME:
        # "Kit Malthouse (Chairman):" at a meeting of the Metropolitan Police Authority chairs it
        turns = read_turns(doc, body=meeting_body(doc))
        mayor = transcript.mayor_in(doc, turns) if doc.layout == question_page.NAME else None
        if mayor is not None:
            # a question page that quotes the meeting: "Steve O'Connell (AM): ... does the Mayor
            # welcome that?" and the Mayor's answer are another member's question
            transcript.exchanges_with_the_mayor(doc, turns, mayor, doc.date)
            _mayor_answers_the_asker(doc, turns, mayor)


def _mayor_answers_the_asker(doc: Doc, turns: list[Turn], mayor: Entity) -> None:
    """A supplementary question page quotes the exchange: "Angie Bray: I am certain that the
    boroughs are. / The Mayor: We had a meeting ..." - the Mayor's turns answer the page's asker
    even where no turn of hers ends in a question mark."""
    asker = doc.author
    if asker is None or asker.id == mayor.id:
        return
    said = [t for t in turns if t.speaker.id == mayor.id and len(doc.text[t.text_start : t.end].split()) > 3]
    if said:
        add_answer(doc, mayor, asker, trim(doc.text, said[0].text_start, said[0].end), doc.title, doc.date)


# a title that says the Mayor wrote the document
_MAYORS_OWN = re.compile(
    r"\bMayor['’]s\s+(?:\w+\s+)?(?:Report|Statement|Foreword|Update)\b(?!\s+(?:on|into)\b)"
    r"|\bMayor\s+of\s+London['’]s\s+(?:[\w-]+\s+){0,3}(?:letter|submission|response)\b"
    r"|\b(?:briefing|message|letter|submission|statement|foreword|update)\s+from\s+the\s+Mayor\b",
    re.I,
)


def find_voice(doc: Doc) -> None:
    """Whose publication the document is, when the layout did not say: the first London Assembly
    body named near the top of the page (an Assembly press release, report or statement speaks
    for that committee). Recommendations with no speaker ("The Government should ...") are its."""
    if doc.mentions is None:
        return
    top = doc.mentions.between(0, min(len(doc.text), 600))
    mayor = next((m.entity for m in top if m.post is not None and m.post.id == "mayor-of-london"), None)
    if doc.genre == "press_release" or doc.genre == "generic" and _city_hall_release(doc.text):
        # a Mayoral press release: its first lines name the Mayor (and no Assembly body)
        if mayor is not None and not any(doc.registry.is_assembly_body(m.entity.id) for m in top):
            doc.publisher_actor = mayor
    if doc.author is not None:
        return
    head = doc.text[:300]
    if _MAYORS_OWN.search(head):
        # "2nd Mayor's Report to the Assembly": the Mayor writes it, though it names the Assembly;
        # undated, the Mayor named at the top ("Sadiq Khan, Mayor of London – Autumn Budget")
        holder = doc.registry.holder("mayor-of-london", doc.ref_date)
        author = holder.entity if holder is not None else mayor
        if author is not None:
            doc.author = author
            _letter_to(doc, author, head)
            return
    for m in doc.mentions.between(0, min(len(doc.text), 1500)):
        if doc.registry.is_assembly_body(m.entity.id):
            doc.author = m.entity
            return


# City Hall's own voice: the title names the Mayor by office or first name ("Mayor announces ...",
# "Sadiq invests ..."), or the release says the Mayor acted today; a news report says "Boris
# Johnson's fury at ..." or "it emerged today"
_RELEASE_TITLE = re.compile(r"\bMayor\b|\b(?:Sadiq|Boris|Ken)\b(?![ ](?:Khan|Johnson|Livingstone)\b)")
_RELEASE_TODAY = re.compile(
    r"\b(?:has|have)[ ]today\b|\btoday[ ](?:announced|unveiled|launched|confirmed|awarded)\b"
    r"|\b(?:announced|unveiled|launched|confirmed)[ ]today\b"
)


def _city_hall_release(text: str) -> bool:
    first = text.lstrip().split("\n", 1)[0]
    return bool(_RELEASE_TITLE.search(first) or _RELEASE_TODAY.search(text[:800]))


# a heading that says whom a letter is to: "Mayor of London's Autumn Statement letter to Jeremy Hunt"
_LETTER_TO = re.compile(r"(?im)^[^\n]{0,120}\bletter\s+to\s+(?P<to>[^\n]{2,80})$")


def _letter_to(doc: Doc, author, head: str) -> None:
    """A heading that names the letter's addressee ("... letter to Jeremy Hunt"): the author
    ASKED the addressee (about = the heading); the addressee is who "you" is."""
    m = _LETTER_TO.search(head)
    if m is None:
        return
    named = [
        x.entity
        for x in doc.mentions.between(m.start("to"), m.end("to"))
        if x.entity.label in ("Person", "Post", "Organization") and x.entity.id != author.id
    ]
    if not named:
        return
    doc.addressee = doc.addressee or named[0]
    about = " ".join(m.group(0).split())
    doc.facts.add("ASKED", author, named[0], (m.start(), m.end()), layer="layout", date=doc.date, about=about)
