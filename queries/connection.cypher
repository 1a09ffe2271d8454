// name: connection
// description: The shortest chains of facts linking two actors (up to 4 steps, in either direction).
// param: actor actor required example="Claire Waxman" -- where the chain starts
// param: other actor required example="the Met" -- where it ends
// returns: hops, chain
//
// Every fact type counts as a link, whatever its direction; documents (MENTIONS) do not. Only
// the shortest chains are listed (at most 50), each step written "-TYPE->" or "<-TYPE-".
// Portable: FalkorDB has no undirected shortestPath, so each length is tried in turn and
// longer ones only when no shorter chain exists.
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
WITH a, b
WHERE b.id <> a.id
OPTIONAL MATCH p1 = (a)-[:ASKED|REPLIED_TO|FUNDS|OVERSEES|HOLDS_OFFICE|MEMBER_OF|CHAIRS|COMMITTED_TO|SAID|CRITICISED|WELCOMED|COMMISSIONED|LEADS|REVIEWS|ESTABLISHED|PARTNERS_WITH]-(b)
WITH a, b, collect(p1) AS paths
CALL {
  WITH a, b, paths
  WITH a, b, paths WHERE size(paths) = 0
  MATCH p2 = (a)-[:ASKED|REPLIED_TO|FUNDS|OVERSEES|HOLDS_OFFICE|MEMBER_OF|CHAIRS|COMMITTED_TO|SAID|CRITICISED|WELCOMED|COMMISSIONED|LEADS|REVIEWS|ESTABLISHED|PARTNERS_WITH*2..2]-(b)
  RETURN collect(p2) AS more2
}
WITH a, b, paths + more2 AS paths
CALL {
  WITH a, b, paths
  WITH a, b, paths WHERE size(paths) = 0
  MATCH p3 = (a)-[:ASKED|REPLIED_TO|FUNDS|OVERSEES|HOLDS_OFFICE|MEMBER_OF|CHAIRS|COMMITTED_TO|SAID|CRITICISED|WELCOMED|COMMISSIONED|LEADS|REVIEWS|ESTABLISHED|PARTNERS_WITH*3..3]-(b)
  RETURN collect(p3) AS more3
}
WITH a, b, paths + more3 AS paths
CALL {
  WITH a, b, paths
  WITH a, b, paths WHERE size(paths) = 0
  MATCH p4 = (a)-[:ASKED|REPLIED_TO|FUNDS|OVERSEES|HOLDS_OFFICE|MEMBER_OF|CHAIRS|COMMITTED_TO|SAID|CRITICISED|WELCOMED|COMMISSIONED|LEADS|REVIEWS|ESTABLISHED|PARTNERS_WITH*4..4]-(b)
  RETURN collect(p4) AS more4
}
WITH paths + more4 AS paths
UNWIND paths AS p
WITH DISTINCT length(p) AS hops,
     reduce(s = nodes(p)[0].name, i IN range(0, length(p) - 1) |
            s + CASE WHEN startNode(relationships(p)[i]).id = nodes(p)[i].id
                     THEN ' -' + type(relationships(p)[i]) + '-> '
                     ELSE ' <-' + type(relationships(p)[i]) + '- ' END
              + nodes(p)[i + 1].name) AS chain
RETURN hops, chain
ORDER BY hops, chain
LIMIT 50
