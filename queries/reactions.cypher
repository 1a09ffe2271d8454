// name: reactions
// description: Who criticised or welcomed whom or what, with the quote.
// param: actor actor example="Susan Hall" -- who reacted, or what they reacted to
// param: kind string choices=criticised|welcomed example=criticised -- only this kind of reaction
// returns: actor, reaction, target, target_type, date, quote, document
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
