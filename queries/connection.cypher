// name: connection
// description: The shortest chains of facts linking two actors (up to 4 steps, in either direction).
// param: actor actor required example="Claire Waxman" -- where the chain starts
// param: other actor required example="the Met" -- where it ends
// returns: hops, chain
// include: lookup $actor AS actors
// include: lookup $other AS others
//
// Every fact type counts as a link, whatever its direction; documents (MENTIONS) do not. Only
// the shortest chains are listed (at most 50), each step written "-TYPE->" or "<-TYPE-".
// Portable: FalkorDB has no undirected shortestPath, so each length is tried in turn and
// longer ones only when no shorter chain exists (an OPTIONAL MATCH guarded by WHERE, not a CALL
// subquery: Neo4j deprecates one without a scope clause, which FalkorDB does not read).
UNWIND actors AS a
UNWIND others AS b
WITH a, b
WHERE b.id <> a.id
OPTIONAL MATCH p1 = (a)-[:ASKED|REPLIED_TO|FUNDS|OVERSEES|HOLDS_OFFICE|MEMBER_OF|CHAIRS|COMMITTED_TO|SAID|CRITICISED|WELCOMED|COMMISSIONED|LEADS|REVIEWS|ESTABLISHED|PARTNERS_WITH]-(b)
WITH a, b, collect(p1) AS paths
OPTIONAL MATCH p2 = (a)-[:ASKED|REPLIED_TO|FUNDS|OVERSEES|HOLDS_OFFICE|MEMBER_OF|CHAIRS|COMMITTED_TO|SAID|CRITICISED|WELCOMED|COMMISSIONED|LEADS|REVIEWS|ESTABLISHED|PARTNERS_WITH*2..2]-(b) WHERE size(paths) = 0
WITH a, b, paths, collect(p2) AS more2
WITH a, b, paths + more2 AS paths
OPTIONAL MATCH p3 = (a)-[:ASKED|REPLIED_TO|FUNDS|OVERSEES|HOLDS_OFFICE|MEMBER_OF|CHAIRS|COMMITTED_TO|SAID|CRITICISED|WELCOMED|COMMISSIONED|LEADS|REVIEWS|ESTABLISHED|PARTNERS_WITH*3..3]-(b) WHERE size(paths) = 0
WITH a, b, paths, collect(p3) AS more3
WITH a, b, paths + more3 AS paths
OPTIONAL MATCH p4 = (a)-[:ASKED|REPLIED_TO|FUNDS|OVERSEES|HOLDS_OFFICE|MEMBER_OF|CHAIRS|COMMITTED_TO|SAID|CRITICISED|WELCOMED|COMMISSIONED|LEADS|REVIEWS|ESTABLISHED|PARTNERS_WITH*4..4]-(b) WHERE size(paths) = 0
WITH a, b, paths, collect(p4) AS more4
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
