// name: timeline
// description: Dated facts about an actor (or about everyone), in date order.
// param: actor actor example="Sadiq Khan" -- facts where this actor is either side
// param: since date example=2024-01-01 -- dated on or after this date
// param: until date example=2026-12-31 -- dated on or before this date
// returns: date, subject, relation, object, about, amount_gbp, quote, document
// include: lookup $actor AS actors
//
// Dates keep their precision: "2023" and "2023-09" sort before the full dates in them.
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
