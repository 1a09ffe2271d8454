// name: statements
// description: Who said what: quoted and reported statements, by speaker and by a word in them.
// param: speaker actor example="Susan Hall" -- only this speaker
// param: word string example=late -- a word or phrase in the statement (case-insensitive)
// returns: speaker, statement, date, quote, document
WITH CASE WHEN $speaker STARTS WITH 'id:' THEN substring($speaker, 3) END AS speaker_id,
     toLower(trim($speaker)) AS k0
WITH speaker_id, CASE WHEN k0 STARTS WITH 'the ' THEN substring(k0, 4) ELSE k0 END AS k
WITH speaker_id, [k, 'the ' + k, replace(k, '’', "'"), 'the ' + replace(k, '’', "'"),
                  replace(k, "'", '’'), 'the ' + replace(k, "'", '’')] AS speaker_keys
MATCH (a)-[r:SAID]->(s:Statement)
WHERE ($speaker IS NULL
       OR a.id = speaker_id
       OR (speaker_id IS NULL AND (toLower(a.name) IN speaker_keys
           OR any(al IN coalesce(a.aliases, []) WHERE toLower(al) IN speaker_keys))))
  AND ($word IS NULL OR toLower(coalesce(s.text, s.name)) CONTAINS toLower($word))
RETURN a.name AS speaker, coalesce(s.text, s.name) AS statement, r.date AS date,
       r.evidence_quotes[0] AS quote, r.evidence_docs[0] AS document
ORDER BY speaker, coalesce(date, '9999'), statement
