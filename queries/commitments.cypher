// name: commitments
// description: What an actor committed to, with amounts, due dates and the evidence.
// param: actor actor example="Sadiq Khan" -- who committed
// param: word string example=police -- a word or phrase in what was committed to
// returns: actor, committed_to, text, amount_gbp, due, date, quote, document
// include: lookup $actor AS actors
UNWIND CASE WHEN $actor IS NULL THEN [null] ELSE actors END AS n
OPTIONAL MATCH (n)-[own:COMMITTED_TO]->()
OPTIONAL MATCH ()-[unfiltered:COMMITTED_TO]->() WHERE n IS NULL
WITH coalesce(own, unfiltered) AS r
WHERE r IS NOT NULL
WITH startNode(r) AS a, r, endNode(r) AS x
WHERE $word IS NULL OR toLower(x.name) CONTAINS toLower($word)
      OR toLower(coalesce(r.text, '')) CONTAINS toLower($word)
RETURN a.name AS actor, x.name AS committed_to, r.text AS text,
       CASE WHEN r.amount_gbp = toInteger(r.amount_gbp) THEN toInteger(r.amount_gbp) ELSE r.amount_gbp END AS amount_gbp,
       r.due AS due, r.date AS date, r.evidence_quotes[0] AS quote, r.evidence_docs[0] AS document
ORDER BY actor, coalesce(date, '9999'), committed_to
