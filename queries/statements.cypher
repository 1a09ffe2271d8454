// name: statements
// description: Who said what: quoted and reported statements, by speaker and by a word in them.
// param: speaker actor example="Susan Hall" -- only this speaker
// param: word string example=late -- a word or phrase in the statement (case-insensitive)
// returns: speaker, statement, date, quote, document
// include: lookup $speaker AS speakers
UNWIND CASE WHEN $speaker IS NULL THEN [null] ELSE speakers END AS n
OPTIONAL MATCH (n)-[own:SAID]->(:Statement)
OPTIONAL MATCH ()-[unfiltered:SAID]->(:Statement) WHERE n IS NULL
WITH coalesce(own, unfiltered) AS r
WHERE r IS NOT NULL
WITH startNode(r) AS a, r, endNode(r) AS s
WHERE $word IS NULL OR toLower(coalesce(s.text, s.name)) CONTAINS toLower($word)
RETURN a.name AS speaker, coalesce(s.text, s.name) AS statement, r.date AS date,
       r.evidence_quotes[0] AS quote, r.evidence_docs[0] AS document
ORDER BY speaker, coalesce(date, '9999'), statement
