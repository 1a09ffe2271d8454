// name: statements
// description: Who said what: quoted and reported statements, by speaker and by a word in them.
// param: speaker actor example="Susan Hall" -- only this speaker
// param: word string example=late -- a word or phrase in the statement (case-insensitive)
// returns: speaker, statement, date, quote, document
// An actor given as id:<node id> (what `civicgraph ask` passes) is looked up by id under each
// label, an index seek each; a name typed in the Neo4j Browser is compared with every node's
// name and aliases. Facts are then found from the actor's own relationships, not by scanning all.
WITH CASE WHEN $speaker STARTS WITH 'id:' THEN substring($speaker, 3) END AS speaker_id,
     toLower(trim($speaker)) AS speaker0
WITH speaker_id, CASE WHEN speaker0 STARTS WITH 'the ' THEN substring(speaker0, 4) ELSE speaker0 END AS speaker_k
WITH speaker_id, [speaker_k, 'the ' + speaker_k, replace(speaker_k, '’', "'"), 'the ' + replace(speaker_k, '’', "'"),
     replace(speaker_k, "'", '’'), 'the ' + replace(speaker_k, "'", '’')] AS speaker_keys
OPTIONAL MATCH (named) WHERE $speaker IS NOT NULL AND speaker_id IS NULL AND NOT named:Document
  AND (toLower(named.name) IN speaker_keys OR any(al IN coalesce(named.aliases, []) WHERE toLower(al) IN speaker_keys))
WITH speaker_id, collect(named) AS by_name
OPTIONAL MATCH (n1:Person {id: speaker_id})
OPTIONAL MATCH (n2:Organization {id: speaker_id})
OPTIONAL MATCH (n3:Post {id: speaker_id})
OPTIONAL MATCH (n4:Inquiry {id: speaker_id})
OPTIONAL MATCH (n5:Programme {id: speaker_id})
OPTIONAL MATCH (n6:Motion {id: speaker_id})
OPTIONAL MATCH (n7:Question {id: speaker_id})
OPTIONAL MATCH (n8:Meeting {id: speaker_id})
OPTIONAL MATCH (n9:Statement {id: speaker_id})
WITH by_name + [n IN [n1, n2, n3, n4, n5, n6, n7, n8, n9] WHERE n IS NOT NULL] AS speakers
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
