// name: evidence
// description: The documents and quotes behind every relationship between two actors.
// param: actor actor required example=MOPAC -- one actor
// param: other actor required example="the Met" -- the other actor
// returns: subject, relation, object, date, document, quote, quote_start, quote_end
// include: lookup $actor AS actors
// include: lookup $other AS others
//
// One row per piece of evidence, in either direction. quote is the document's own text between
// the character offsets quote_start and quote_end.
UNWIND actors AS a
UNWIND others AS b
MATCH (a)-[r]-(b)
WHERE type(r) <> 'MENTIONS'
WITH DISTINCT r
UNWIND range(0, size(coalesce(r.evidence_quotes, [])) - 1) AS i
RETURN startNode(r).name AS subject, type(r) AS relation, endNode(r).name AS object, r.date AS date,
       r.evidence_docs[i] AS document, r.evidence_quotes[i] AS quote,
       r.evidence_starts[i] AS quote_start, r.evidence_ends[i] AS quote_end
ORDER BY relation, subject, object, document, quote_start
