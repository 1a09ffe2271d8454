// name: reactions
// description: Who criticised or welcomed whom or what, with the quote.
// param: actor actor example="Susan Hall" -- who reacted, or what they reacted to
// param: kind string choices=criticised|welcomed example=criticised -- only this kind of reaction
// returns: actor, reaction, target, target_type, date, quote, document
// include: lookup $actor AS actors
UNWIND CASE WHEN $actor IS NULL THEN [null] ELSE actors END AS n
OPTIONAL MATCH (n)-[own:CRITICISED|WELCOMED]-()
OPTIONAL MATCH ()-[unfiltered:CRITICISED|WELCOMED]->() WHERE n IS NULL
WITH coalesce(own, unfiltered) AS r
WHERE r IS NOT NULL AND ($kind IS NULL OR toLower(type(r)) = toLower($kind))
WITH DISTINCT r
WITH startNode(r) AS a, r, endNode(r) AS x
RETURN a.name AS actor, toLower(type(r)) AS reaction, x.name AS target, labels(x)[0] AS target_type,
       r.date AS date, r.evidence_quotes[0] AS quote, r.evidence_docs[0] AS document
ORDER BY target, reaction, actor, coalesce(date, '')
