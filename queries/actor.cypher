// name: actor
// description: An actor's profile: name and aliases, offices, every relationship by type with counts, and the documents that mention them.
// param: actor actor required example=MOPAC -- the actor (a name, an alias or id:<node id>)
// returns: name, type, aliases, offices, holders, relationships, documents
//
// offices: the posts this person holds; holders: who holds this post. relationships counts each
// type of relationship going out of ("FUNDS out: 3") and into ("ASKED in: 2") the actor.
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
UNWIND actors AS n
OPTIONAL MATCH (n)-[o]->()
WHERE type(o) <> 'MENTIONS'
WITH n, type(o) AS t, count(o) AS c
ORDER BY t
WITH n, collect(CASE WHEN t IS NULL THEN null ELSE t + ' out: ' + toString(c) END) AS outs
OPTIONAL MATCH (n)<-[i]-()
WHERE type(i) <> 'MENTIONS'
WITH n, outs, type(i) AS t, count(i) AS c
ORDER BY t
WITH n, outs, collect(CASE WHEN t IS NULL THEN null ELSE t + ' in: ' + toString(c) END) AS ins
OPTIONAL MATCH (n)-[:HOLDS_OFFICE]->(post)
WITH n, outs, ins, post.name AS office
ORDER BY office
WITH n, outs, ins, collect(DISTINCT office) AS offices
OPTIONAL MATCH (holder)-[:HOLDS_OFFICE]->(n)
WITH n, outs, ins, offices, holder.name AS holder_name
ORDER BY holder_name
WITH n, outs, ins, offices, collect(DISTINCT holder_name) AS holders
OPTIONAL MATCH (d:Document)-[:MENTIONS]->(n)
WITH n, outs, ins, offices, holders, d.name AS doc
ORDER BY doc
WITH n, outs, ins, offices, holders, collect(DISTINCT doc) AS documents
RETURN n.name AS name, labels(n)[0] AS type, coalesce(n.aliases, []) AS aliases, offices, holders,
       outs + ins AS relationships, documents
ORDER BY name, type
