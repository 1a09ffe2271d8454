// name: oversight
// description: The chain of oversight above and below an actor, to any depth: who holds it to account, and whom it holds to account.
// param: actor actor required example="the Met" -- the actor in the middle
// returns: direction, depth, other, other_type, chain, quote, document
//
// direction "above": `other` oversees the actor through `depth` OVERSEES steps; "below": the
// actor oversees `other`. chain names every step, top first. quote and document are the
// evidence for the step next to `other`.
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
OPTIONAL MATCH up = ()-[:OVERSEES*1..]->(n)
WITH n, collect(up) AS ups
OPTIONAL MATCH down = (n)-[:OVERSEES*1..]->()
WITH n, ups, collect(down) AS downs
UNWIND [p IN ups | {direction: 'above', p: p, other: nodes(p)[0], step: relationships(p)[0]}]
     + [p IN downs | {direction: 'below', p: p, other: last(nodes(p)), step: last(relationships(p))}] AS item
WITH n, item
WHERE item.other.id <> n.id
RETURN DISTINCT item.direction AS direction, length(item.p) AS depth, item.other.name AS other,
       labels(item.other)[0] AS other_type,
       reduce(s = '', x IN nodes(item.p) | s + CASE WHEN s = '' THEN '' ELSE ' → ' END + x.name) AS chain,
       item.step.evidence_quotes[0] AS quote, item.step.evidence_docs[0] AS document
ORDER BY direction, depth, other, chain
