// name: reactions
// description: Who criticised or welcomed whom or what, with the quote.
// param: actor actor example="Susan Hall" -- who reacted, or what they reacted to
// param: kind string choices=criticised|welcomed example=criticised -- only this kind of reaction
// returns: actor, reaction, target, target_type, date, quote, document
WITH CASE WHEN $actor STARTS WITH 'id:' THEN substring($actor, 3) END AS actor_id,
     toLower(trim($actor)) AS k0
WITH actor_id, CASE WHEN k0 STARTS WITH 'the ' THEN substring(k0, 4) ELSE k0 END AS k
WITH actor_id, [k, 'the ' + k, replace(k, '’', "'"), 'the ' + replace(k, '’', "'"),
                replace(k, "'", '’'), 'the ' + replace(k, "'", '’')] AS actor_keys
MATCH (a)-[r:CRITICISED|WELCOMED]->(x)
WHERE ($actor IS NULL
       OR a.id = actor_id OR x.id = actor_id
       OR (actor_id IS NULL AND (toLower(a.name) IN actor_keys OR toLower(x.name) IN actor_keys
           OR any(al IN coalesce(a.aliases, []) + coalesce(x.aliases, []) WHERE toLower(al) IN actor_keys))))
  AND ($kind IS NULL OR toLower(type(r)) = toLower($kind))
RETURN a.name AS actor, toLower(type(r)) AS reaction, x.name AS target, labels(x)[0] AS target_type,
       r.date AS date, r.evidence_quotes[0] AS quote, r.evidence_docs[0] AS document
ORDER BY target, reaction, actor, coalesce(date, '')
