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
// since, until and about.
UNWIND CASE WHEN $actor IS NULL THEN [null] ELSE actors END AS n
WITH n, coalesce($since, '') AS since_from, coalesce($until, '~') AS hi, substring($since, 0, 4) AS since_year,
     substring($since, 0, 7) AS since_month, $since IS NULL AND $until IS NULL AS undated_too,
     toLower($about) AS about_key
// How the asks are read. With a date bound and no actor, or a hub (more than 5,000 asks, counted
// as the store writes), from the `date` index: the dates from $since to $until, and the month and
// the year $since falls in (a month-only "2024-01" may fall on or after "2024-01-10"); a hub's
// are then kept to its own. Reading a hub's 36,000 asks one by one to keep the 10,000 in range
// cost more (BENCHMARKS.md); at worst this costs what no actor costs. FalkorDB 4.16's string
// range reads may give more than asked above the upper bound ("2024-06-06" for dates <=
// "2024-06"; everything when the lower bound is ''), never less: $until is tested again below.
// With no bound and no actor, every ask through the `key` index (a typed pattern without an index
// filter would scan every node, evidence pieces included). Otherwise the actor's own asks.
// Each is a list built once per actor (a chained OPTIONAL MATCH is tried again for every row).
WITH n, since_from, hi, since_year, since_month, undated_too, about_key,
     NOT undated_too AND (n IS NULL OR coalesce(n._out_ASKED, 0) + coalesce(n._in_ASKED, 0) > 5000) AS indexed
WITH about_key,
     [(n)-[own:ASKED]-() WHERE n IS NOT NULL AND NOT indexed  // unless: received
     [()-[own:ASKED]->(n) WHERE n IS NOT NULL AND NOT indexed  // if: received
        AND ($since IS NULL OR own.date >= $since OR own.date = since_month OR own.date = since_year)
        AND ($until IS NULL OR own.date <= $until) | own]
   + [(x)-[d1:ASKED]->(y) WHERE indexed AND d1.date >= since_from AND d1.date <= hi
        AND (n IS NULL OR x = n OR y = n) | d1]  // unless: received
        AND (n IS NULL OR y = n) | d1]  // if: received
   + [(x)-[d2:ASKED]->(y) WHERE indexed AND since_month IS NOT NULL AND d2.date = since_month AND d2.date <= hi
        AND (n IS NULL OR x = n OR y = n) | d2]  // unless: received
        AND (n IS NULL OR y = n) | d2]  // if: received
   + [(x)-[d3:ASKED]->(y) WHERE indexed AND since_year IS NOT NULL AND d3.date = since_year AND d3.date <= hi
        AND (n IS NULL OR x = n OR y = n) | d3]  // unless: received
        AND (n IS NULL OR y = n) | d3]  // if: received
   + [()-[every:ASKED]->() WHERE n IS NULL AND undated_too AND every.key >= '' | every] AS asks
UNWIND asks AS q
WITH DISTINCT q, about_key
// `about` is kept in lower case on each ask (graph/schema.py ABOUT_KEY); an ask of a store written
// before has none and is lowered here (an OR: FalkorDB evaluates every argument of coalesce and CASE)
WHERE ($until IS NULL OR q.date <= $until)
  AND ($about IS NULL OR q._about_key CONTAINS about_key OR (q._about_key IS NULL AND toLower(q.about) CONTAINS about_key))
WITH startNode(q) AS a, q, endNode(q) AS b
