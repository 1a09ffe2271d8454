// name: commitments
// description: What an actor committed to, with amounts, due dates and the evidence.
// param: actor actor example="Sadiq Khan" -- who committed
// param: word string example=police -- a word or phrase in what was committed to
// returns: actor, committed_to, text, amount_gbp, due, date, quote, document
WITH CASE WHEN $actor STARTS WITH 'id:' THEN substring($actor, 3) END AS actor_id,
     toLower(trim($actor)) AS k0
WITH actor_id, CASE WHEN k0 STARTS WITH 'the ' THEN substring(k0, 4) ELSE k0 END AS k
WITH actor_id, [k, 'the ' + k, replace(k, '’', "'"), 'the ' + replace(k, '’', "'"),
                replace(k, "'", '’'), 'the ' + replace(k, "'", '’')] AS actor_keys
MATCH (a)-[r:COMMITTED_TO]->(x)
WHERE ($actor IS NULL
       OR a.id = actor_id
       OR (actor_id IS NULL AND (toLower(a.name) IN actor_keys
           OR any(al IN coalesce(a.aliases, []) WHERE toLower(al) IN actor_keys))))
  AND ($word IS NULL OR toLower(x.name) CONTAINS toLower($word)
       OR toLower(coalesce(r.text, '')) CONTAINS toLower($word))
RETURN a.name AS actor, x.name AS committed_to, r.text AS text,
       CASE WHEN r.amount_gbp = toInteger(r.amount_gbp) THEN toInteger(r.amount_gbp) ELSE r.amount_gbp END AS amount_gbp,
       r.due AS due, r.date AS date, r.evidence_quotes[0] AS quote, r.evidence_docs[0] AS document
ORDER BY actor, coalesce(date, '9999'), committed_to
