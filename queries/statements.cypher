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
// _text_key: the text in lower case, kept as the store writes (graph/schema.py TEXT_KEY); a node
// written before it existed is lowered here. Not coalesce() or CASE: FalkorDB 4.16 evaluates
// every argument of both, and toLower() on every statement was most of the question's time.
WHERE $word IS NULL OR s._text_key CONTAINS toLower($word)
   OR (s._text_key IS NULL AND toLower(coalesce(s.text, s.name)) CONTAINS toLower($word))
RETURN a.name AS speaker, coalesce(s.text, s.name) AS statement, r.date AS date,
       r._quote AS quote, r._doc AS document
ORDER BY speaker, coalesce(date, '9999'), statement
