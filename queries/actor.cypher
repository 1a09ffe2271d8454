// name: actor
// description: An actor's profile: name and aliases, offices, every relationship by type with counts, and the documents that mention them.
// param: actor actor required example=MOPAC -- the actor (a name, an alias or id:<node id>)
// returns: name, type, aliases, offices, holders, relationships, documents, documents_total
// include: lookup $actor AS actors
//
// offices: the posts this person holds; holders: who holds this post. relationships counts each
// type of relationship going out of ("FUNDS out: 3") and into ("ASKED in: 2") the actor: the
// store keeps these counts on the node as it writes (`_out_TYPE`, `_in_TYPE`), so a profile
// costs the same for an actor in ten facts as in a hundred thousand. documents: the first 20
// documents that mention the actor, by name; documents_total: how many do. The store keeps both
// as it writes (`_first_documents`, graph/schema.py FIRST_DOCUMENTS: reading, sorting and
// collecting a hub's 54,933 mentions to keep 20 was 50 ms at 1M relationships); a node without
// them (a store written before they were kept, or a node no named document mentions) has its
// mentions read, sorted and counted here, which gives the same answer.
UNWIND actors AS n
// the documents first, while a row carries only the actor: FalkorDB 4.16 copies the lists a row
// carries at each step, so with the lists below on every mention row a hub's 10,000 mentions
// cost 90 ms, and 10 ms without them
OPTIONAL MATCH (d:Document)-[:MENTIONS]->(n) WHERE n._first_documents IS NULL OR n._in_MENTIONS IS NULL
WITH n, d.name AS doc
ORDER BY doc
WITH n, collect(DISTINCT doc) AS documents
WITH n, coalesce(n._first_documents, documents[0..20]) AS documents,
     coalesce(n._in_MENTIONS, size(documents)) AS documents_total
UNWIND [k IN keys(n) WHERE (k STARTS WITH '_out_' OR k STARTS WITH '_in_') AND k <> '_out_MENTIONS'
          AND k <> '_in_MENTIONS' AND properties(n)[k] > 0] + [null] AS k
WITH n, documents, documents_total, k, CASE WHEN k STARTS WITH '_out_' THEN 0 ELSE 1 END AS dir,
     CASE WHEN k STARTS WITH '_out_' THEN substring(k, 5) ELSE substring(k, 4) END AS t
ORDER BY dir, t
WITH n, documents, documents_total,
     collect(CASE WHEN k IS NULL THEN null ELSE t + CASE dir WHEN 0 THEN ' out: ' ELSE ' in: ' END
                  + toString(properties(n)[k]) END) AS relationships
OPTIONAL MATCH (n)-[:HOLDS_OFFICE]->(post)
WITH n, documents, documents_total, relationships, post.name AS office
ORDER BY office
WITH n, documents, documents_total, relationships, collect(DISTINCT office) AS offices
OPTIONAL MATCH (holder)-[:HOLDS_OFFICE]->(n)
WITH n, documents, documents_total, relationships, offices, holder.name AS holder_name
ORDER BY holder_name
WITH n, documents, documents_total, relationships, offices, collect(DISTINCT holder_name) AS holders
RETURN n.name AS name, labels(n)[0] AS type, coalesce(n.aliases, []) AS aliases, offices, holders,
       relationships, documents, documents_total
ORDER BY name, type
