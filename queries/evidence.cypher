// name: evidence
// description: The documents and quotes behind every relationship between two actors.
// param: actor actor required example=MOPAC -- one actor
// param: other actor required example="the Met" -- the other actor
// returns: subject, relation, object, date, document, quote, quote_start, quote_end
//
// One row per piece of evidence, in either direction. quote is the document's own text between
// the character offsets quote_start and quote_end.
// An actor given as id:<node id> (what `civicgraph ask` passes) is looked up by id under each
// label, an index seek each; a name typed in the Neo4j Browser is compared with every node's
// name and aliases. Facts are then found from the actor's own relationships, not by scanning all.
WITH CASE WHEN $actor STARTS WITH 'id:' THEN substring($actor, 3) END AS actor_id,
     toLower(trim($actor)) AS actor0
WITH actor_id, CASE WHEN actor0 STARTS WITH 'the ' THEN substring(actor0, 4) ELSE actor0 END AS actor_k
WITH actor_id, [actor_k, 'the ' + actor_k, replace(actor_k, '’', "'"), 'the ' + replace(actor_k, '’', "'"),
     replace(actor_k, "'", '’'), 'the ' + replace(actor_k, "'", '’')] AS actor_keys
OPTIONAL MATCH (named) WHERE $actor IS NOT NULL AND actor_id IS NULL AND NOT named:Document
  AND (toLower(named.name) IN actor_keys OR any(al IN coalesce(named.aliases, []) WHERE toLower(al) IN actor_keys))
WITH actor_id, collect(named) AS by_name
OPTIONAL MATCH (n1:Person {id: actor_id})
OPTIONAL MATCH (n2:Organization {id: actor_id})
OPTIONAL MATCH (n3:Post {id: actor_id})
OPTIONAL MATCH (n4:Inquiry {id: actor_id})
OPTIONAL MATCH (n5:Programme {id: actor_id})
OPTIONAL MATCH (n6:Motion {id: actor_id})
OPTIONAL MATCH (n7:Question {id: actor_id})
OPTIONAL MATCH (n8:Meeting {id: actor_id})
OPTIONAL MATCH (n9:Statement {id: actor_id})
WITH by_name + [n IN [n1, n2, n3, n4, n5, n6, n7, n8, n9] WHERE n IS NOT NULL] AS actors
WITH CASE WHEN $other STARTS WITH 'id:' THEN substring($other, 3) END AS other_id,
     toLower(trim($other)) AS other0, actors
WITH other_id, CASE WHEN other0 STARTS WITH 'the ' THEN substring(other0, 4) ELSE other0 END AS other_k, actors
WITH other_id, [other_k, 'the ' + other_k, replace(other_k, '’', "'"), 'the ' + replace(other_k, '’', "'"),
     replace(other_k, "'", '’'), 'the ' + replace(other_k, "'", '’')] AS other_keys, actors
OPTIONAL MATCH (named) WHERE $other IS NOT NULL AND other_id IS NULL AND NOT named:Document
  AND (toLower(named.name) IN other_keys OR any(al IN coalesce(named.aliases, []) WHERE toLower(al) IN other_keys))
WITH other_id, collect(named) AS by_name, actors
OPTIONAL MATCH (n1:Person {id: other_id})
OPTIONAL MATCH (n2:Organization {id: other_id})
OPTIONAL MATCH (n3:Post {id: other_id})
OPTIONAL MATCH (n4:Inquiry {id: other_id})
OPTIONAL MATCH (n5:Programme {id: other_id})
OPTIONAL MATCH (n6:Motion {id: other_id})
OPTIONAL MATCH (n7:Question {id: other_id})
OPTIONAL MATCH (n8:Meeting {id: other_id})
OPTIONAL MATCH (n9:Statement {id: other_id})
WITH by_name + [n IN [n1, n2, n3, n4, n5, n6, n7, n8, n9] WHERE n IS NOT NULL] AS others, actors
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
