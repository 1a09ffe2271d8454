"""Ask-reply pairing, recorded as asks and replies are written (the rules live here, once).

The rules (the README sets them out beside the questions):
- an ask (ASKED, asker -> asked) is of kind 'ask' when a piece of its evidence comes from a
  document of a genre in which asks are made to someone expected to reply (graph/schema.py
  ASK_GENRES: a motion, a question, a letter), and 'mention' when it is only reported (news,
  press releases, prose of unknown layout). Only an 'ask' can be waiting. The store keeps this as
  the ask's `_formal` flag (true once any such document states it).
- the replies that may answer an ask are the REPLIED_TO from the one asked to the asker about the
  same thing (the same `about`, ignoring case and surrounding blanks) or about nothing in
  particular. One fits when it is dated on or after the ask (two full dates compare by day;
  otherwise on the precision they share), or, when either date is missing, when it is about the
  same thing. A reply about something else never answers.
- the best reply is the most fitting: about the same thing before about nothing in particular,
  then the earliest (undated first, as day 0), then by date text, then by key (so the choice does
  not depend on the order documents were loaded in).

What the store keeps on each ask, so questions read it instead of pairing at ask time (pairing
thousands of asks with thousands of replies between two busy actors is quadratic):
    _reply         key of the best reply (null: none fits)
    _reply_rank    its rank (a string that sorts like the order above)
    _replied_on    its date        _reply_day   its day number (full dates only)
    _answered_day  the earliest day any fitting reply was made, -1 when one is undated: the ask
                   counts as answered on a date D when _answered_day <= D's day number

Threads (graph/schema.py THREAD) make the candidates index look-ups: an ask's thread is
"asker id|asked id|about", a reply's "asker id|asked id|about" with the asker at its end, so an
ask's candidates are its own thread and the thread with an empty about.

When they are computed (graph/upsert.py puts these statements after a batch's writes):
- every ask the batch writes is paired again from its threads (exact);
- every ask in the thread of a reply the batch writes with an `about` is paired again (exact);
- a reply without an `about` may answer every ask between the two: those asks are improved by
  comparing it with what they hold (one comparison each, not a new pairing), which is exact for
  new replies; when such a reply already stored gets a more precise date from a later document,
  asks that held it keep it with its new date even if it no longer fits (re-load to refresh);
- a reply deleted with a replaced document pairs its two actors' asks again (graph/upsert.py).
"""

from __future__ import annotations

from graph.schema import ASK_GENRES, EVIDENCE_COUNT, THREAD

__all__ = ["thread", "FORMAL", "PAIR", "recompute", "improve_with_reply", "ASK_GENRES"]

FORMAL = "_formal"
# An ask's "asker id|asked id": the asks a reply about nothing in particular may answer, found by
# an index look-up when a replaced document takes such a reply away.
PAIR = "_pair"
PAIRING_PROPERTIES = ("_reply", "_reply_rank", "_replied_on", "_reply_day", "_answered_day")


def thread(asker: str, asked: str, about: object) -> str:
    """The thread of an ask from `asker` to `asked` (of a reply, its end and start) about `about`."""
    text = about.strip().lower() if isinstance(about, str) else ""
    return f"{asker}|{asked}|{text}"


# Does reply r fit ask q (dates), given that they share a thread (the about rule).
_FITS = """CASE
        WHEN r.day IS NOT NULL AND q.day IS NOT NULL THEN r.day >= q.day
        WHEN r.date IS NOT NULL AND q.date IS NOT NULL THEN r.date >= substring(q.date, 0, coalesce(size(r.date), 10))
        ELSE r.about IS NOT NULL
      END"""
# A string that sorts replies from the most to the least fitting (see the module docstring).
_RANK = (
    "(CASE WHEN r.about IS NULL THEN '1' ELSE '0' END) + toString(coalesce(r.day, 0) + 1000000000) "
    "+ substring(coalesce(r.date, '') + '          ', 0, 10) + r.key"
)


def recompute() -> list[str]:
    """Lines pairing every ask bound to `q` (one row each, duplicates allowed) from scratch."""
    return [
        "WITH DISTINCT q",
        "WITH q, startNode(q).id + '|' + endNode(q).id + '|' AS plain",
        f"UNWIND CASE WHEN q.{THREAD} IS NULL OR q.{THREAD} = plain THEN [plain] ELSE [q.{THREAD}, plain] END AS t",
        f"OPTIONAL MATCH ()-[r:REPLIED_TO {{{THREAD}: t}}]->()",
        f"WHERE coalesce(r.{EVIDENCE_COUNT}, 1) > 0 AND {_FITS}",  # not a reply about to be deleted
        f"WITH q, collect(CASE WHEN r IS NULL THEN null ELSE {{rk: {_RANK}, key: r.key, date: r.date, day: r.day}} END) AS fit",
        "WITH q, reduce(b = null, c IN fit | CASE WHEN b IS NULL OR c.rk < b.rk THEN c ELSE b END) AS best,",
        "     reduce(m = null, c IN fit | CASE WHEN m IS NULL OR coalesce(c.day, -1) < m THEN coalesce(c.day, -1) ELSE m END) AS answered",
        "SET q._reply = best.key, q._reply_rank = best.rk, q._replied_on = best.date, q._reply_day = best.day,",
        "    q._answered_day = answered",
    ]


def recompute_asks(param: str) -> str:
    """Pair again the asks whose keys are in `$param`."""
    return "\n".join([f"UNWIND ${param} AS k", "MATCH ()-[q:ASKED {key: k}]->()", *recompute()])


def recompute_threads_of_replies(param: str) -> str:
    """Pair again every ask in the threads of the replies (with an about) whose keys are in `$param`."""
    return "\n".join(
        [
            f"UNWIND ${param} AS k",
            "MATCH ()-[reply:REPLIED_TO {key: k}]->()",
            f"WITH DISTINCT reply.{THREAD} AS t",
            f"MATCH ()-[q:ASKED {{{THREAD}: t}}]->()",
            *recompute(),
        ]
    )


def improve_with_reply(param: str) -> str:
    """Asks a reply about nothing in particular (keys in `$param`) may answer: each compares it
    with what it holds (see the module docstring)."""
    return "\n".join(
        [
            f"UNWIND ${param} AS k",
            "MATCH (b)-[r:REPLIED_TO {key: k}]->(a)",
            "MATCH (a)-[q:ASKED]->(b)",
            f"WITH q, r, {_RANK} AS rank",
            f"WHERE {_FITS}",
            "SET q._answered_day = CASE WHEN q._answered_day IS NULL OR coalesce(r.day, -1) < q._answered_day "
            "THEN coalesce(r.day, -1) ELSE q._answered_day END",
            "WITH q, r, rank, (q._reply_rank IS NULL OR rank < q._reply_rank OR q._reply = r.key) AS better",
            "SET q._reply = CASE WHEN better THEN r.key ELSE q._reply END,",
            "    q._replied_on = CASE WHEN better THEN r.date ELSE q._replied_on END,",
            "    q._reply_day = CASE WHEN better THEN r.day ELSE q._reply_day END,",
            "    q._reply_rank = CASE WHEN better THEN rank ELSE q._reply_rank END",
        ]
    )


def formal_genres_literal() -> str:
    """ASK_GENRES as a Cypher list literal (they are fixed words of the schema, not user values)."""
    return "[" + ", ".join(f"'{g}'" for g in ASK_GENRES) + "]"
