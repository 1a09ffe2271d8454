// fragment: asks
// description: The asks (ASKED) an actor made or received, in a date range and about a topic.
// needs: actors
// drops: actors
// gives: a, q, b
// options: received -- only the asks the actors received (they are the one asked)
//
// One row per ask q, from the asker a to the one asked b: the asks the nodes in `actors` made or
// received (with the option `received`, only those they received), or every ask when $actor is
// null; only those dated in [$since, $until] when either is given (a month-only date "2025-01"
// passes when it may fall in range; an undated ask does not) and whose `about` contains $about
// (ignoring case) when it is given. A question that includes it declares the parameters actor,
// since, until and about. Filtering here, before the replies are paired (queries/_replies.cypher),
// keeps the pairing to the asks asked about.
UNWIND CASE WHEN $actor IS NULL THEN [null] ELSE actors END AS n
OPTIONAL MATCH (n)-[own:ASKED]-()  // unless: received
OPTIONAL MATCH ()-[own:ASKED]->(n)  // if: received
OPTIONAL MATCH ()-[unfiltered:ASKED]->() WHERE n IS NULL
WITH DISTINCT coalesce(own, unfiltered) AS q
WHERE q IS NOT NULL
  AND ($since IS NULL OR q.date >= substring($since, 0, coalesce(size(q.date), 10)))
  AND ($until IS NULL OR q.date <= $until)
  AND ($about IS NULL OR toLower(q.about) CONTAINS toLower($about))
WITH startNode(q) AS a, q, endNode(q) AS b
