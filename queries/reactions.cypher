// name: reactions
// description: Who criticised or welcomed whom or what, with the quote.
// param: actor actor example="Susan Hall" -- who reacted, or what they reacted to
// param: kind string choices=criticised|welcomed example=criticised -- only this kind of reaction
// returns: actor, reaction, target, target_type, date, quote, document
// include: lookup $actor AS actors
UNWIND CASE WHEN $actor IS NULL THEN [null] ELSE actors END AS n
WITH n, toLower($kind) AS wanted
OPTIONAL MATCH (n)-[own:CRITICISED|WELCOMED]-()
  WHERE wanted IS NULL OR toLower(type(own)) = wanted
// The actors' reactions in one list, each once (a reaction between two of the nodes a name finds,
// or of a node to itself, is matched twice), so that no DISTINCT runs over every row (2 ms at
// 10,000 reactions, and 3 ms more to test the kind of each: BENCHMARKS.md).
WITH wanted, $actor IS NULL AS everyone, collect(DISTINCT own) AS owned
// With no actor: each type's relationships through its `key` index (a typed pattern without an
// index filter would scan every node, evidence pieces included), only the kind asked for; a
// pattern comprehension each (OPTIONAL MATCH ... collect() passed each of 10,000 rows through
// two more steps: 12 ms).
WITH owned,
     [(x)-[criticised:CRITICISED]->(y) WHERE everyone AND coalesce(wanted, 'criticised') = 'criticised'
        AND criticised.key >= '' | criticised]
   + [(x)-[welcomed:WELCOMED]->(y) WHERE everyone AND coalesce(wanted, 'welcomed') = 'welcomed'
        AND welcomed.key >= '' | welcomed] AS everyones
UNWIND owned + everyones AS r
WITH r  // page: the rows, in the answer's order
ORDER BY endNode(r).name, toLower(type(r)), startNode(r).name, coalesce(r.date, ''), r.key
RETURN startNode(r).name AS actor, toLower(type(r)) AS reaction, endNode(r).name AS target,
       labels(endNode(r))[0] AS target_type, r.date AS date, r._quote AS quote, r._doc AS document
ORDER BY target, reaction, actor, coalesce(date, '')
