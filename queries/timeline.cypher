// name: timeline
// description: Dated facts about an actor (or about everyone), in date order.
// param: actor actor example="Sadiq Khan" -- facts where this actor is either side
// param: since date example=2024-01-01 -- dated on or after this date
// param: until date example=2026-12-31 -- dated on or before this date
// returns: date, subject, relation, object, about, amount_gbp, quote, document
//
// Dates keep their precision: "2023" and "2023-09" sort before the full dates in them.
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
OPTIONAL MATCH (n)-[own]-()
OPTIONAL MATCH ()-[unfiltered]->() WHERE n IS NULL
WITH coalesce(own, unfiltered) AS r
WHERE r IS NOT NULL AND r.date IS NOT NULL AND type(r) <> 'MENTIONS'
  AND ($since IS NULL OR r.date >= substring($since, 0, coalesce(size(r.date), 10)))
  AND ($until IS NULL OR r.date <= $until)
WITH DISTINCT r
WITH startNode(r) AS a, r, endNode(r) AS b
RETURN r.date AS date, a.name AS subject, type(r) AS relation,
       CASE WHEN type(r) = 'SAID' THEN coalesce(b.text, b.name) ELSE b.name END AS object,
       r.about AS about,
       CASE WHEN r.amount_gbp = toInteger(r.amount_gbp) THEN toInteger(r.amount_gbp) ELSE r.amount_gbp END AS amount_gbp,
       r.evidence_quotes[0] AS quote, r.evidence_docs[0] AS document
ORDER BY date, subject, relation, object, coalesce(about, '')
