// name: timeline
// description: Dated facts about an actor (or about everyone), in date order.
// param: actor actor example="Sadiq Khan" -- facts where this actor is either side
// param: since date example=2024-01-01 -- dated on or after this date
// param: until date example=2026-12-31 -- dated on or before this date
// returns: date, subject, relation, object, about, amount_gbp, quote, document
//
// Dates keep their precision: "2023" and "2023-09" sort before the full dates in them.
WITH CASE WHEN $actor STARTS WITH 'id:' THEN substring($actor, 3) END AS actor_id,
     toLower(trim($actor)) AS k0
WITH actor_id, CASE WHEN k0 STARTS WITH 'the ' THEN substring(k0, 4) ELSE k0 END AS k
WITH actor_id, [k, 'the ' + k, replace(k, '’', "'"), 'the ' + replace(k, '’', "'"),
                replace(k, "'", '’'), 'the ' + replace(k, "'", '’')] AS actor_keys
MATCH (a)-[r]->(b)
WHERE r.date IS NOT NULL AND type(r) <> 'MENTIONS'
  AND ($actor IS NULL
       OR a.id = actor_id OR b.id = actor_id
       OR (actor_id IS NULL AND (toLower(a.name) IN actor_keys OR toLower(b.name) IN actor_keys
           OR any(al IN coalesce(a.aliases, []) + coalesce(b.aliases, []) WHERE toLower(al) IN actor_keys))))
  AND ($since IS NULL OR r.date >= substring($since, 0, coalesce(size(r.date), 10)))
  AND ($until IS NULL OR r.date <= $until)
RETURN r.date AS date, a.name AS subject, type(r) AS relation,
       CASE WHEN type(r) = 'SAID' THEN coalesce(b.text, b.name) ELSE b.name END AS object,
       r.about AS about,
       CASE WHEN r.amount_gbp = toInteger(r.amount_gbp) THEN toInteger(r.amount_gbp) ELSE r.amount_gbp END AS amount_gbp,
       r.evidence_quotes[0] AS quote, r.evidence_docs[0] AS document
ORDER BY date, subject, relation, object, coalesce(about, '')
