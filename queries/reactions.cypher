// name: reactions
// description: Who criticised or welcomed whom or what, with the quote.
// param: actor actor example="Susan Hall" -- who reacted, or what they reacted to
// param: kind string choices=criticised|welcomed example=criticised -- only this kind of reaction
// returns: actor, reaction, target, target_type, date, quote, document
// include: lookup $actor AS actors
UNWIND CASE WHEN $actor IS NULL THEN [null] ELSE actors END AS n
WITH n, toLower($kind) AS wanted
OPTIONAL MATCH (n)-[own:CRITICISED|WELCOMED]-()
WITH n, wanted, collect(own) AS owned
// With no actor: each type's relationships through its `key` index (a typed pattern without an
// index filter would scan every node, evidence pieces included), only the kind asked for.
OPTIONAL MATCH ()-[criticised:CRITICISED]->()
  WHERE n IS NULL AND coalesce(wanted, 'criticised') = 'criticised' AND criticised.key >= ''
WITH n, wanted, owned, collect(criticised) AS all_criticised
OPTIONAL MATCH ()-[welcomed:WELCOMED]->()
  WHERE n IS NULL AND coalesce(wanted, 'welcomed') = 'welcomed' AND welcomed.key >= ''
WITH wanted, owned, all_criticised, collect(welcomed) AS all_welcomed
// (collected, then added: FalkorDB 4.16 cannot add a grouping key and an aggregate in one projection)
UNWIND owned + all_criticised + all_welcomed AS r
WITH DISTINCT r, wanted
WHERE wanted IS NULL OR toLower(type(r)) = wanted
WITH r  // page: the rows, in the answer's order
ORDER BY endNode(r).name, toLower(type(r)), startNode(r).name, coalesce(r.date, ''), r.key
RETURN startNode(r).name AS actor, toLower(type(r)) AS reaction, endNode(r).name AS target,
       labels(endNode(r))[0] AS target_type, r.date AS date, r._quote AS quote, r._doc AS document
ORDER BY target, reaction, actor, coalesce(date, '')
