// name: oversight
// description: The chain of oversight above and below an actor, to any depth: who holds it to account, and whom it holds to account.
// param: actor actor required example="the Met" -- the actor in the middle
// returns: direction, depth, other, other_type, chain, quote, document
// include: lookup $actor AS actors
//
// direction "above": `other` oversees the actor through `depth` OVERSEES steps; "below": the
// actor oversees `other`. chain names every step, top first. quote and document are the
// evidence for the step next to `other`.
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
