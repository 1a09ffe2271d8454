// fragment: replies
// description: For each ask, its kind (an ask awaiting a reply, or a mention) and the replies that may answer it.
// needs: a, q, b
// gives: kind, replies
//
// The rules, which the README sets out beside the questions:
// - kind is 'ask' when a piece of the ask's evidence comes from a document of a genre in which
//   asks are made to someone expected to reply (a motion, a question, a letter: graph/schema.py
//   ASK_GENRES, listed below; a test checks they agree), and 'mention' when the ask is only
//   reported (news, press releases, prose of unknown layout). Only an 'ask' can be waiting.
// - replies are the REPLIED_TO from b to a that may answer q, the most fitting first: about the
//   same thing (the same `about`, ignoring case) before a reply about nothing in particular,
//   then the earliest. A reply fits when it is dated on or after the ask (two full dates compare
//   by day; otherwise on the precision they share), or, when either date is missing, when it is
//   about the same thing. A reply about something else never answers.
// Its WITH clauses name only its own variables: the catalogue adds a, q, b and what came before.
UNWIND coalesce(q.evidence_doc_ids, []) + [null] AS doc_id
OPTIONAL MATCH (d:Document {id: doc_id})
WITH collect(d.genre) AS genres
WITH CASE WHEN any(g IN genres WHERE g IN ['letter', 'question_answer', 'motion']) THEN 'ask' ELSE 'mention' END AS kind
OPTIONAL MATCH (b)-[r:REPLIED_TO]->(a)
WHERE (r.about IS NULL OR toLower(trim(r.about)) = toLower(trim(q.about)))
  AND CASE
        WHEN r.day IS NOT NULL AND q.day IS NOT NULL THEN r.day >= q.day
        WHEN r.date IS NOT NULL AND q.date IS NOT NULL THEN r.date >= substring(q.date, 0, coalesce(size(r.date), 10))
        ELSE r.about IS NOT NULL
      END
WITH kind, r
ORDER BY CASE WHEN r.about IS NULL THEN 1 ELSE 0 END, coalesce(r.day, 0), coalesce(r.date, '')
WITH kind, collect(r) AS replies
