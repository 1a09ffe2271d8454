// name: who-was-asked
// description: Who asked whom what and when, whether and when they replied, and how many days it took.
// param: actor actor example="London Assembly" -- the asker or the one asked
// param: since date example=2024-01-01 -- asked on or after this date
// param: until date example=2026-12-31 -- asked on or before this date
// param: about string example=motion -- a word or phrase in what was asked (its motion or question)
// returns: asker, asked, about, asked_on, replied_on, days_to_reply, ask_quote, ask_document, reply_quote, reply_document
//
// A reply pairs with an ask when the one asked REPLIED_TO the asker, about the same motion or
// question or about nothing in particular, on or after the day of the ask. The earliest such
// reply counts, a reply about the same motion before a general one. days_to_reply needs two
// full dates. A month-only date ("2025-01") passes `since`/`until` when it may fall in range.
// An `actor` is a name or alias (case-insensitive, leading "the" optional) or id:<node id>.
WITH CASE WHEN $actor STARTS WITH 'id:' THEN substring($actor, 3) END AS actor_id,
     toLower(trim($actor)) AS k0
WITH actor_id, CASE WHEN k0 STARTS WITH 'the ' THEN substring(k0, 4) ELSE k0 END AS k
WITH actor_id, [k, 'the ' + k, replace(k, '’', "'"), 'the ' + replace(k, '’', "'"),
                replace(k, "'", '’'), 'the ' + replace(k, "'", '’')] AS actor_keys
MATCH (a)-[q:ASKED]->(b)
WHERE ($actor IS NULL
       OR a.id = actor_id OR b.id = actor_id
       OR (actor_id IS NULL AND (toLower(a.name) IN actor_keys OR toLower(b.name) IN actor_keys
           OR any(al IN coalesce(a.aliases, []) + coalesce(b.aliases, []) WHERE toLower(al) IN actor_keys))))
  AND ($since IS NULL OR q.date >= substring($since, 0, coalesce(size(q.date), 10)))
  AND ($until IS NULL OR q.date <= $until)
  AND ($about IS NULL OR toLower(q.about) CONTAINS toLower($about))
OPTIONAL MATCH (b)-[r:REPLIED_TO]->(a)
WHERE (r.about IS NULL OR r.about = q.about)
  AND CASE
        WHEN r.day IS NOT NULL AND q.day IS NOT NULL THEN r.day >= q.day
        WHEN r.date IS NOT NULL AND q.date IS NOT NULL THEN r.date >= substring(q.date, 0, coalesce(size(r.date), 10))
        ELSE r.about IS NOT NULL
      END
WITH a, b, q, r
ORDER BY CASE WHEN r.about IS NULL THEN 1 ELSE 0 END, coalesce(r.day, 0), coalesce(r.date, '')
WITH a, b, q, collect(r) AS replies
WITH a, b, q, replies[0] AS r
RETURN a.name AS asker, b.name AS asked, q.about AS about, q.date AS asked_on, r.date AS replied_on,
       CASE WHEN r.day IS NOT NULL AND q.day IS NOT NULL THEN r.day - q.day END AS days_to_reply,
       q.evidence_quotes[0] AS ask_quote, q.evidence_docs[0] AS ask_document,
       r.evidence_quotes[0] AS reply_quote, r.evidence_docs[0] AS reply_document
ORDER BY coalesce(asked_on, '9999'), asker, asked, coalesce(about, '')
