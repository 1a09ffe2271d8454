// name: actor
// description: An actor's profile: name and aliases, offices, every relationship by type with counts, and the documents that mention them.
// param: actor actor required example=MOPAC -- the actor (a name, an alias or id:<node id>)
// returns: name, type, aliases, offices, holders, relationships, documents
// include: lookup $actor AS actors
//
// offices: the posts this person holds; holders: who holds this post. relationships counts each
// type of relationship going out of ("FUNDS out: 3") and into ("ASKED in: 2") the actor.
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
