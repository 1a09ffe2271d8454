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
// An actor given as id:<node id> (what `civicgraph ask` passes) is looked up by id under each
// label, an index seek each; a name typed in the Neo4j Browser is compared with every node's
// name and aliases. Facts are then found from the actor's own relationships, not by scanning all.
WITH CASE WHEN $actor STARTS WITH 'id:' THEN substring($actor, 3) END AS actor_id,
     toLower(trim($actor)) AS actor0
WITH actor_id, CASE WHEN actor0 STARTS WITH 'the ' THEN substring(actor0, 4) ELSE actor0 END AS actor_k
WITH actor_id, [actor_k, 'the ' + actor_k, replace(actor_k, '’', "'"), 'the ' + replace(actor_k, '’', "'"),
     replace(actor_k, "'", '’'), 'the ' + replace(actor_k, "'", '’')] AS actor_keys
OPTIONAL MATCH (named) WHERE $actor IS NOT NULL AND actor_id IS NULL AND NOT named:Document
  AND (toLower(named.name) IN actor_keys OR any(al IN coalesce(named.aliases, []) WHERE toLower(al) IN actor_keys))
WITH actor_id, collect(named) AS by_name
OPTIONAL MATCH (n1:Person {id: actor_id})
OPTIONAL MATCH (n2:Organization {id: actor_id})
OPTIONAL MATCH (n3:Post {id: actor_id})
OPTIONAL MATCH (n4:Inquiry {id: actor_id})
OPTIONAL MATCH (n5:Programme {id: actor_id})
OPTIONAL MATCH (n6:Motion {id: actor_id})
OPTIONAL MATCH (n7:Question {id: actor_id})
OPTIONAL MATCH (n8:Meeting {id: actor_id})
OPTIONAL MATCH (n9:Statement {id: actor_id})
WITH by_name + [n IN [n1, n2, n3, n4, n5, n6, n7, n8, n9] WHERE n IS NOT NULL] AS actors
UNWIND CASE WHEN $actor IS NULL THEN [null] ELSE actors END AS n
OPTIONAL MATCH (n)-[own:ASKED]-()
OPTIONAL MATCH ()-[unfiltered:ASKED]->() WHERE n IS NULL
WITH coalesce(own, unfiltered) AS q
WHERE q IS NOT NULL
  AND ($since IS NULL OR q.date >= substring($since, 0, coalesce(size(q.date), 10)))
  AND ($until IS NULL OR q.date <= $until)
  AND ($about IS NULL OR toLower(q.about) CONTAINS toLower($about))
WITH DISTINCT q
WITH startNode(q) AS a, q, endNode(q) AS b
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
