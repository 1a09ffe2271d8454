// name: response-times
// description: For each actor asked: how often they were asked and replied, and the median and longest days to reply.
// param: actor actor example="Sadiq Khan" -- only this actor (the one asked)
// param: since date example=2024-01-01 -- count asks made on or after this date
// param: until date example=2026-12-31 -- count asks made on or before this date
// returns: actor, times_asked, times_replied, median_days_to_reply, longest_days_to_reply
//
// Replies pair with asks as in who-was-asked. The median and the longest count only replies
// where both dates are full dates; times_replied counts every paired reply.
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
OPTIONAL MATCH ()-[own:ASKED]->(n)
OPTIONAL MATCH ()-[unfiltered:ASKED]->() WHERE n IS NULL
WITH coalesce(own, unfiltered) AS q
WHERE q IS NOT NULL
  AND ($since IS NULL OR q.date >= substring($since, 0, coalesce(size(q.date), 10)))
  AND ($until IS NULL OR q.date <= $until)
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
WITH b, q, collect(r) AS replies
WITH b, q, replies[0] AS r
WITH b, q, r, CASE WHEN r.day IS NOT NULL AND q.day IS NOT NULL THEN r.day - q.day END AS days
WITH b, count(q) AS times_asked, count(r) AS times_replied,
     percentileCont(days, 0.5) AS median_days, max(days) AS longest_days
RETURN b.name AS actor, times_asked, times_replied,
       CASE WHEN median_days = toInteger(median_days) THEN toInteger(median_days) ELSE median_days END
         AS median_days_to_reply,
       longest_days AS longest_days_to_reply
ORDER BY times_asked DESC, actor
