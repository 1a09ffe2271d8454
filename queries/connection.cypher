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
WITH CASE WHEN $actor STARTS WITH 'id:' THEN substring($actor, 3) END AS actor_id,
     toLower(trim($actor)) AS a0,
     CASE WHEN $other STARTS WITH 'id:' THEN substring($other, 3) END AS other_id,
     toLower(trim($other)) AS o0
WITH actor_id, other_id,
     CASE WHEN a0 STARTS WITH 'the ' THEN substring(a0, 4) ELSE a0 END AS ak,
     CASE WHEN o0 STARTS WITH 'the ' THEN substring(o0, 4) ELSE o0 END AS ok
WITH actor_id, other_id,
     [ak, 'the ' + ak, replace(ak, '’', "'"), 'the ' + replace(ak, '’', "'"),
      replace(ak, "'", '’'), 'the ' + replace(ak, "'", '’')] AS actor_keys,
     [ok, 'the ' + ok, replace(ok, '’', "'"), 'the ' + replace(ok, '’', "'"),
      replace(ok, "'", '’'), 'the ' + replace(ok, "'", '’')] AS other_keys
MATCH (a)
WHERE NOT a:Document
  AND (a.id = actor_id
       OR (actor_id IS NULL AND (toLower(a.name) IN actor_keys
           OR any(al IN coalesce(a.aliases, []) WHERE toLower(al) IN actor_keys))))
MATCH (b)
WHERE NOT b:Document AND b.id <> a.id
  AND (b.id = other_id
       OR (other_id IS NULL AND (toLower(b.name) IN other_keys
           OR any(al IN coalesce(b.aliases, []) WHERE toLower(al) IN other_keys))))
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
