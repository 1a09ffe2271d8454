// name: evidence
// description: The documents and quotes behind every relationship between two actors.
// param: actor actor required example=MOPAC -- one actor
// param: other actor required example="the Met" -- the other actor
// returns: subject, relation, object, date, document, quote, quote_start, quote_end
//
// One row per piece of evidence, in either direction. quote is the document's own text between
// the character offsets quote_start and quote_end.
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
MATCH (a)-[r]-(b)
WHERE type(r) <> 'MENTIONS'
  AND (a.id = actor_id
       OR (actor_id IS NULL AND (toLower(a.name) IN actor_keys
           OR any(al IN coalesce(a.aliases, []) WHERE toLower(al) IN actor_keys))))
  AND (b.id = other_id
       OR (other_id IS NULL AND (toLower(b.name) IN other_keys
           OR any(al IN coalesce(b.aliases, []) WHERE toLower(al) IN other_keys))))
WITH DISTINCT r
UNWIND range(0, size(coalesce(r.evidence_quotes, [])) - 1) AS i
RETURN startNode(r).name AS subject, type(r) AS relation, endNode(r).name AS object, r.date AS date,
       r.evidence_docs[i] AS document, r.evidence_quotes[i] AS quote,
       r.evidence_starts[i] AS quote_start, r.evidence_ends[i] AS quote_end
ORDER BY relation, subject, object, document, quote_start
