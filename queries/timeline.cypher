// name: timeline
// description: Dated facts about an actor (or about everyone), in date order.
// param: actor actor example="Sadiq Khan" -- facts where this actor is either side
// param: since date example=2024-01-01 -- dated on or after this date
// param: until date example=2026-12-31 -- dated on or before this date
// returns: date, subject, relation, object, about, amount_gbp, quote, document
// include: lookup $actor AS actors
//
// Dates keep their precision: "2023" and "2023-09" sort before the full dates in them.
UNWIND CASE WHEN $actor IS NULL THEN [null] ELSE actors END AS n
WITH n, coalesce($since, '') AS since_from, coalesce($until, '~') AS hi, substring($since, 0, 4) AS since_year,
     substring($since, 0, 7) AS since_month
// How the facts are read. With no actor, or for a hub (more than 5,000 facts, counted as the
// store writes), each fact type's relationships dated from $since to $until, and those dated the
// year or the month $since falls in (a month-only "2024-01" may fall on or after "2024-01-10"; one
// read of both, `IN` a list of the parameter's parts: a list of variables is not read from the
// index but by scanning every node), from the type's `date` index; a hub's are then kept to its own. Every
// comprehension costs each run whether it reads or not (48 cost 5.7 ms, 32 cost 2.9 ms: FalkorDB
// 4.16, BENCHMARKS.md); an OR of the range and the `IN` in one comprehension is read from the
// index but took 146 ms for 10,000 asks. FalkorDB 4.16's string
// range reads may give more than asked above the upper bound ("2024-06-06" for dates <=
// "2024-06"; everything below it when the lower bound is ''), never less, so $until is tested
// again on every fact (one by one, a hub's 70,000 dated facts cost more
// than the 20,000 in range: BENCHMARKS.md). A pattern without an index filter would scan every
// node, evidence pieces included. The types are graph/schema.py's FACT_TYPES (a test checks); a
// pattern comprehension per type, because FalkorDB 4.16 copies the lists that chained OPTIONAL
// MATCH ... collect() steps carry. Otherwise the actor's own facts, with the same test.
WITH n, since_from, hi, since_year, since_month,
     n IS NULL OR reduce(facts = 0, k IN keys(n) | facts + CASE WHEN (k STARTS WITH '_out_' OR k STARTS WITH '_in_')
                                                             AND NOT k ENDS WITH '_MENTIONS' THEN properties(n)[k] ELSE 0 END) > 5000
       AS indexed
OPTIONAL MATCH (n)-[own:ASKED|REPLIED_TO|FUNDS|OVERSEES|HOLDS_OFFICE|MEMBER_OF|CHAIRS|COMMITTED_TO|SAID|CRITICISED|WELCOMED|COMMISSIONED|LEADS|REVIEWS|ESTABLISHED|PARTNERS_WITH]-()
WHERE NOT indexed AND ($since IS NULL OR own.date >= $since OR own.date = since_month OR own.date = since_year)
  AND own.date <= hi
WITH n, since_from, hi, since_year, since_month, indexed, collect(own) AS owned
WITH [owned,
     [(x)-[t1:ASKED]->(y) WHERE indexed AND t1.date >= since_from AND t1.date <= hi AND (n IS NULL OR x = n OR y = n) | t1]
   , [(x)-[y1:ASKED]->(y) WHERE indexed AND since_year IS NOT NULL AND y1.date IN [substring($since, 0, 4), substring($since, 0, 7)] AND (n IS NULL OR x = n OR y = n) | y1]
   , [(x)-[t2:REPLIED_TO]->(y) WHERE indexed AND t2.date >= since_from AND t2.date <= hi AND (n IS NULL OR x = n OR y = n) | t2]
   , [(x)-[y2:REPLIED_TO]->(y) WHERE indexed AND since_year IS NOT NULL AND y2.date IN [substring($since, 0, 4), substring($since, 0, 7)] AND (n IS NULL OR x = n OR y = n) | y2]
   , [(x)-[t3:FUNDS]->(y) WHERE indexed AND t3.date >= since_from AND t3.date <= hi AND (n IS NULL OR x = n OR y = n) | t3]
   , [(x)-[y3:FUNDS]->(y) WHERE indexed AND since_year IS NOT NULL AND y3.date IN [substring($since, 0, 4), substring($since, 0, 7)] AND (n IS NULL OR x = n OR y = n) | y3]
   , [(x)-[t4:OVERSEES]->(y) WHERE indexed AND t4.date >= since_from AND t4.date <= hi AND (n IS NULL OR x = n OR y = n) | t4]
   , [(x)-[y4:OVERSEES]->(y) WHERE indexed AND since_year IS NOT NULL AND y4.date IN [substring($since, 0, 4), substring($since, 0, 7)] AND (n IS NULL OR x = n OR y = n) | y4]
   , [(x)-[t5:HOLDS_OFFICE]->(y) WHERE indexed AND t5.date >= since_from AND t5.date <= hi AND (n IS NULL OR x = n OR y = n) | t5]
   , [(x)-[y5:HOLDS_OFFICE]->(y) WHERE indexed AND since_year IS NOT NULL AND y5.date IN [substring($since, 0, 4), substring($since, 0, 7)] AND (n IS NULL OR x = n OR y = n) | y5]
   , [(x)-[t6:MEMBER_OF]->(y) WHERE indexed AND t6.date >= since_from AND t6.date <= hi AND (n IS NULL OR x = n OR y = n) | t6]
   , [(x)-[y6:MEMBER_OF]->(y) WHERE indexed AND since_year IS NOT NULL AND y6.date IN [substring($since, 0, 4), substring($since, 0, 7)] AND (n IS NULL OR x = n OR y = n) | y6]
   , [(x)-[t7:CHAIRS]->(y) WHERE indexed AND t7.date >= since_from AND t7.date <= hi AND (n IS NULL OR x = n OR y = n) | t7]
   , [(x)-[y7:CHAIRS]->(y) WHERE indexed AND since_year IS NOT NULL AND y7.date IN [substring($since, 0, 4), substring($since, 0, 7)] AND (n IS NULL OR x = n OR y = n) | y7]
   , [(x)-[t8:COMMITTED_TO]->(y) WHERE indexed AND t8.date >= since_from AND t8.date <= hi AND (n IS NULL OR x = n OR y = n) | t8]
   , [(x)-[y8:COMMITTED_TO]->(y) WHERE indexed AND since_year IS NOT NULL AND y8.date IN [substring($since, 0, 4), substring($since, 0, 7)] AND (n IS NULL OR x = n OR y = n) | y8]
   , [(x)-[t9:SAID]->(y) WHERE indexed AND t9.date >= since_from AND t9.date <= hi AND (n IS NULL OR x = n OR y = n) | t9]
   , [(x)-[y9:SAID]->(y) WHERE indexed AND since_year IS NOT NULL AND y9.date IN [substring($since, 0, 4), substring($since, 0, 7)] AND (n IS NULL OR x = n OR y = n) | y9]
   , [(x)-[t10:CRITICISED]->(y) WHERE indexed AND t10.date >= since_from AND t10.date <= hi AND (n IS NULL OR x = n OR y = n) | t10]
   , [(x)-[y10:CRITICISED]->(y) WHERE indexed AND since_year IS NOT NULL AND y10.date IN [substring($since, 0, 4), substring($since, 0, 7)] AND (n IS NULL OR x = n OR y = n) | y10]
   , [(x)-[t11:WELCOMED]->(y) WHERE indexed AND t11.date >= since_from AND t11.date <= hi AND (n IS NULL OR x = n OR y = n) | t11]
   , [(x)-[y11:WELCOMED]->(y) WHERE indexed AND since_year IS NOT NULL AND y11.date IN [substring($since, 0, 4), substring($since, 0, 7)] AND (n IS NULL OR x = n OR y = n) | y11]
   , [(x)-[t12:COMMISSIONED]->(y) WHERE indexed AND t12.date >= since_from AND t12.date <= hi AND (n IS NULL OR x = n OR y = n) | t12]
   , [(x)-[y12:COMMISSIONED]->(y) WHERE indexed AND since_year IS NOT NULL AND y12.date IN [substring($since, 0, 4), substring($since, 0, 7)] AND (n IS NULL OR x = n OR y = n) | y12]
   , [(x)-[t13:LEADS]->(y) WHERE indexed AND t13.date >= since_from AND t13.date <= hi AND (n IS NULL OR x = n OR y = n) | t13]
   , [(x)-[y13:LEADS]->(y) WHERE indexed AND since_year IS NOT NULL AND y13.date IN [substring($since, 0, 4), substring($since, 0, 7)] AND (n IS NULL OR x = n OR y = n) | y13]
   , [(x)-[t14:REVIEWS]->(y) WHERE indexed AND t14.date >= since_from AND t14.date <= hi AND (n IS NULL OR x = n OR y = n) | t14]
   , [(x)-[y14:REVIEWS]->(y) WHERE indexed AND since_year IS NOT NULL AND y14.date IN [substring($since, 0, 4), substring($since, 0, 7)] AND (n IS NULL OR x = n OR y = n) | y14]
   , [(x)-[t15:ESTABLISHED]->(y) WHERE indexed AND t15.date >= since_from AND t15.date <= hi AND (n IS NULL OR x = n OR y = n) | t15]
   , [(x)-[y15:ESTABLISHED]->(y) WHERE indexed AND since_year IS NOT NULL AND y15.date IN [substring($since, 0, 4), substring($since, 0, 7)] AND (n IS NULL OR x = n OR y = n) | y15]
   , [(x)-[t16:PARTNERS_WITH]->(y) WHERE indexed AND t16.date >= since_from AND t16.date <= hi AND (n IS NULL OR x = n OR y = n) | t16]
   , [(x)-[y16:PARTNERS_WITH]->(y) WHERE indexed AND since_year IS NOT NULL AND y16.date IN [substring($since, 0, 4), substring($since, 0, 7)] AND (n IS NULL OR x = n OR y = n) | y16]] AS facts
UNWIND facts AS part
UNWIND part AS r
WITH DISTINCT r
WHERE $until IS NULL OR r.date <= $until
WITH r  // page by r.date: the rows, in the answer's order (by date first)
ORDER BY r.date, startNode(r).name, type(r),
         CASE WHEN type(r) = 'SAID' THEN coalesce(endNode(r).text, endNode(r).name) ELSE endNode(r).name END,
         coalesce(r.about, ''), r.key
RETURN r.date AS date, startNode(r).name AS subject, type(r) AS relation,
       CASE WHEN type(r) = 'SAID' THEN coalesce(endNode(r).text, endNode(r).name) ELSE endNode(r).name END AS object,
       r.about AS about,
       CASE WHEN r.amount_gbp = toInteger(r.amount_gbp) THEN toInteger(r.amount_gbp) ELSE r.amount_gbp END AS amount_gbp,
       r._quote AS quote, r._doc AS document
ORDER BY date, subject, relation, object, coalesce(about, '')
// count
// The total, counted by month (queries/paging.py): the same facts as above, with no list, unwind
// or DISTINCT. A statement per fact type, joined by UNION ALL (the actors looked up in each,
// queries/catalog.py: a `CALL {}` would look them up once, but Neo4j 5 deprecates it and FalkorDB
// 4.16 does not parse the `CALL (actors) {}` Neo4j wants), when there is no actor or one of the
// actors is a hub: the type's facts dated from the year $since falls in to $until, read from its
// `date` index, kept to the actors' own (a fact is read once however many of the actors it joins,
// so none is counted twice), then those before $since that are not its year or its month left out
// and $until tested again (the range reads are not exact, above). One read from the year and not
// a second read of the year and the month: 16 more statements cost 10 ms on every run, the facts
// read from the year's start to $since (none for a $since on 1 January) fewer. Otherwise (the
// last statement) the actors' own facts, as above.
WITH actors WHERE ($actor IS NULL OR any(n IN actors WHERE reduce(facts = 0, k IN keys(n) | facts + CASE WHEN (k STARTS WITH '_out_' OR k STARTS WITH '_in_')
                                                   AND NOT k ENDS WITH '_MENTIONS' THEN properties(n)[k] ELSE 0 END) > 5000))
MATCH (x)-[c1:ASKED]->(y) WHERE c1.date >= coalesce(substring($since, 0, 4), '') AND c1.date <= coalesce($until, '~')
  AND ($actor IS NULL OR x IN actors OR y IN actors)
WITH c1 WHERE ($since IS NULL OR c1.date >= $since OR c1.date IN [substring($since, 0, 4), substring($since, 0, 7)])
  AND ($until IS NULL OR c1.date <= $until)
RETURN substring(c1.date, 0, 7) AS group, count(*) AS rows
UNION ALL
WITH actors WHERE ($actor IS NULL OR any(n IN actors WHERE reduce(facts = 0, k IN keys(n) | facts + CASE WHEN (k STARTS WITH '_out_' OR k STARTS WITH '_in_')
                                                   AND NOT k ENDS WITH '_MENTIONS' THEN properties(n)[k] ELSE 0 END) > 5000))
MATCH (x)-[c2:REPLIED_TO]->(y) WHERE c2.date >= coalesce(substring($since, 0, 4), '') AND c2.date <= coalesce($until, '~')
  AND ($actor IS NULL OR x IN actors OR y IN actors)
WITH c2 WHERE ($since IS NULL OR c2.date >= $since OR c2.date IN [substring($since, 0, 4), substring($since, 0, 7)])
  AND ($until IS NULL OR c2.date <= $until)
RETURN substring(c2.date, 0, 7) AS group, count(*) AS rows
UNION ALL
WITH actors WHERE ($actor IS NULL OR any(n IN actors WHERE reduce(facts = 0, k IN keys(n) | facts + CASE WHEN (k STARTS WITH '_out_' OR k STARTS WITH '_in_')
                                                   AND NOT k ENDS WITH '_MENTIONS' THEN properties(n)[k] ELSE 0 END) > 5000))
MATCH (x)-[c3:FUNDS]->(y) WHERE c3.date >= coalesce(substring($since, 0, 4), '') AND c3.date <= coalesce($until, '~')
  AND ($actor IS NULL OR x IN actors OR y IN actors)
WITH c3 WHERE ($since IS NULL OR c3.date >= $since OR c3.date IN [substring($since, 0, 4), substring($since, 0, 7)])
  AND ($until IS NULL OR c3.date <= $until)
RETURN substring(c3.date, 0, 7) AS group, count(*) AS rows
UNION ALL
WITH actors WHERE ($actor IS NULL OR any(n IN actors WHERE reduce(facts = 0, k IN keys(n) | facts + CASE WHEN (k STARTS WITH '_out_' OR k STARTS WITH '_in_')
                                                   AND NOT k ENDS WITH '_MENTIONS' THEN properties(n)[k] ELSE 0 END) > 5000))
MATCH (x)-[c4:OVERSEES]->(y) WHERE c4.date >= coalesce(substring($since, 0, 4), '') AND c4.date <= coalesce($until, '~')
  AND ($actor IS NULL OR x IN actors OR y IN actors)
WITH c4 WHERE ($since IS NULL OR c4.date >= $since OR c4.date IN [substring($since, 0, 4), substring($since, 0, 7)])
  AND ($until IS NULL OR c4.date <= $until)
RETURN substring(c4.date, 0, 7) AS group, count(*) AS rows
UNION ALL
WITH actors WHERE ($actor IS NULL OR any(n IN actors WHERE reduce(facts = 0, k IN keys(n) | facts + CASE WHEN (k STARTS WITH '_out_' OR k STARTS WITH '_in_')
                                                   AND NOT k ENDS WITH '_MENTIONS' THEN properties(n)[k] ELSE 0 END) > 5000))
MATCH (x)-[c5:HOLDS_OFFICE]->(y) WHERE c5.date >= coalesce(substring($since, 0, 4), '') AND c5.date <= coalesce($until, '~')
  AND ($actor IS NULL OR x IN actors OR y IN actors)
WITH c5 WHERE ($since IS NULL OR c5.date >= $since OR c5.date IN [substring($since, 0, 4), substring($since, 0, 7)])
  AND ($until IS NULL OR c5.date <= $until)
RETURN substring(c5.date, 0, 7) AS group, count(*) AS rows
UNION ALL
WITH actors WHERE ($actor IS NULL OR any(n IN actors WHERE reduce(facts = 0, k IN keys(n) | facts + CASE WHEN (k STARTS WITH '_out_' OR k STARTS WITH '_in_')
                                                   AND NOT k ENDS WITH '_MENTIONS' THEN properties(n)[k] ELSE 0 END) > 5000))
MATCH (x)-[c6:MEMBER_OF]->(y) WHERE c6.date >= coalesce(substring($since, 0, 4), '') AND c6.date <= coalesce($until, '~')
  AND ($actor IS NULL OR x IN actors OR y IN actors)
WITH c6 WHERE ($since IS NULL OR c6.date >= $since OR c6.date IN [substring($since, 0, 4), substring($since, 0, 7)])
  AND ($until IS NULL OR c6.date <= $until)
RETURN substring(c6.date, 0, 7) AS group, count(*) AS rows
UNION ALL
WITH actors WHERE ($actor IS NULL OR any(n IN actors WHERE reduce(facts = 0, k IN keys(n) | facts + CASE WHEN (k STARTS WITH '_out_' OR k STARTS WITH '_in_')
                                                   AND NOT k ENDS WITH '_MENTIONS' THEN properties(n)[k] ELSE 0 END) > 5000))
MATCH (x)-[c7:CHAIRS]->(y) WHERE c7.date >= coalesce(substring($since, 0, 4), '') AND c7.date <= coalesce($until, '~')
  AND ($actor IS NULL OR x IN actors OR y IN actors)
WITH c7 WHERE ($since IS NULL OR c7.date >= $since OR c7.date IN [substring($since, 0, 4), substring($since, 0, 7)])
  AND ($until IS NULL OR c7.date <= $until)
RETURN substring(c7.date, 0, 7) AS group, count(*) AS rows
UNION ALL
WITH actors WHERE ($actor IS NULL OR any(n IN actors WHERE reduce(facts = 0, k IN keys(n) | facts + CASE WHEN (k STARTS WITH '_out_' OR k STARTS WITH '_in_')
                                                   AND NOT k ENDS WITH '_MENTIONS' THEN properties(n)[k] ELSE 0 END) > 5000))
MATCH (x)-[c8:COMMITTED_TO]->(y) WHERE c8.date >= coalesce(substring($since, 0, 4), '') AND c8.date <= coalesce($until, '~')
  AND ($actor IS NULL OR x IN actors OR y IN actors)
WITH c8 WHERE ($since IS NULL OR c8.date >= $since OR c8.date IN [substring($since, 0, 4), substring($since, 0, 7)])
  AND ($until IS NULL OR c8.date <= $until)
RETURN substring(c8.date, 0, 7) AS group, count(*) AS rows
UNION ALL
WITH actors WHERE ($actor IS NULL OR any(n IN actors WHERE reduce(facts = 0, k IN keys(n) | facts + CASE WHEN (k STARTS WITH '_out_' OR k STARTS WITH '_in_')
                                                   AND NOT k ENDS WITH '_MENTIONS' THEN properties(n)[k] ELSE 0 END) > 5000))
MATCH (x)-[c9:SAID]->(y) WHERE c9.date >= coalesce(substring($since, 0, 4), '') AND c9.date <= coalesce($until, '~')
  AND ($actor IS NULL OR x IN actors OR y IN actors)
WITH c9 WHERE ($since IS NULL OR c9.date >= $since OR c9.date IN [substring($since, 0, 4), substring($since, 0, 7)])
  AND ($until IS NULL OR c9.date <= $until)
RETURN substring(c9.date, 0, 7) AS group, count(*) AS rows
UNION ALL
WITH actors WHERE ($actor IS NULL OR any(n IN actors WHERE reduce(facts = 0, k IN keys(n) | facts + CASE WHEN (k STARTS WITH '_out_' OR k STARTS WITH '_in_')
                                                   AND NOT k ENDS WITH '_MENTIONS' THEN properties(n)[k] ELSE 0 END) > 5000))
MATCH (x)-[c10:CRITICISED]->(y) WHERE c10.date >= coalesce(substring($since, 0, 4), '') AND c10.date <= coalesce($until, '~')
  AND ($actor IS NULL OR x IN actors OR y IN actors)
WITH c10 WHERE ($since IS NULL OR c10.date >= $since OR c10.date IN [substring($since, 0, 4), substring($since, 0, 7)])
  AND ($until IS NULL OR c10.date <= $until)
RETURN substring(c10.date, 0, 7) AS group, count(*) AS rows
UNION ALL
WITH actors WHERE ($actor IS NULL OR any(n IN actors WHERE reduce(facts = 0, k IN keys(n) | facts + CASE WHEN (k STARTS WITH '_out_' OR k STARTS WITH '_in_')
                                                   AND NOT k ENDS WITH '_MENTIONS' THEN properties(n)[k] ELSE 0 END) > 5000))
MATCH (x)-[c11:WELCOMED]->(y) WHERE c11.date >= coalesce(substring($since, 0, 4), '') AND c11.date <= coalesce($until, '~')
  AND ($actor IS NULL OR x IN actors OR y IN actors)
WITH c11 WHERE ($since IS NULL OR c11.date >= $since OR c11.date IN [substring($since, 0, 4), substring($since, 0, 7)])
  AND ($until IS NULL OR c11.date <= $until)
RETURN substring(c11.date, 0, 7) AS group, count(*) AS rows
UNION ALL
WITH actors WHERE ($actor IS NULL OR any(n IN actors WHERE reduce(facts = 0, k IN keys(n) | facts + CASE WHEN (k STARTS WITH '_out_' OR k STARTS WITH '_in_')
                                                   AND NOT k ENDS WITH '_MENTIONS' THEN properties(n)[k] ELSE 0 END) > 5000))
MATCH (x)-[c12:COMMISSIONED]->(y) WHERE c12.date >= coalesce(substring($since, 0, 4), '') AND c12.date <= coalesce($until, '~')
  AND ($actor IS NULL OR x IN actors OR y IN actors)
WITH c12 WHERE ($since IS NULL OR c12.date >= $since OR c12.date IN [substring($since, 0, 4), substring($since, 0, 7)])
  AND ($until IS NULL OR c12.date <= $until)
RETURN substring(c12.date, 0, 7) AS group, count(*) AS rows
UNION ALL
WITH actors WHERE ($actor IS NULL OR any(n IN actors WHERE reduce(facts = 0, k IN keys(n) | facts + CASE WHEN (k STARTS WITH '_out_' OR k STARTS WITH '_in_')
                                                   AND NOT k ENDS WITH '_MENTIONS' THEN properties(n)[k] ELSE 0 END) > 5000))
MATCH (x)-[c13:LEADS]->(y) WHERE c13.date >= coalesce(substring($since, 0, 4), '') AND c13.date <= coalesce($until, '~')
  AND ($actor IS NULL OR x IN actors OR y IN actors)
WITH c13 WHERE ($since IS NULL OR c13.date >= $since OR c13.date IN [substring($since, 0, 4), substring($since, 0, 7)])
  AND ($until IS NULL OR c13.date <= $until)
RETURN substring(c13.date, 0, 7) AS group, count(*) AS rows
UNION ALL
WITH actors WHERE ($actor IS NULL OR any(n IN actors WHERE reduce(facts = 0, k IN keys(n) | facts + CASE WHEN (k STARTS WITH '_out_' OR k STARTS WITH '_in_')
                                                   AND NOT k ENDS WITH '_MENTIONS' THEN properties(n)[k] ELSE 0 END) > 5000))
MATCH (x)-[c14:REVIEWS]->(y) WHERE c14.date >= coalesce(substring($since, 0, 4), '') AND c14.date <= coalesce($until, '~')
  AND ($actor IS NULL OR x IN actors OR y IN actors)
WITH c14 WHERE ($since IS NULL OR c14.date >= $since OR c14.date IN [substring($since, 0, 4), substring($since, 0, 7)])
  AND ($until IS NULL OR c14.date <= $until)
RETURN substring(c14.date, 0, 7) AS group, count(*) AS rows
UNION ALL
WITH actors WHERE ($actor IS NULL OR any(n IN actors WHERE reduce(facts = 0, k IN keys(n) | facts + CASE WHEN (k STARTS WITH '_out_' OR k STARTS WITH '_in_')
                                                   AND NOT k ENDS WITH '_MENTIONS' THEN properties(n)[k] ELSE 0 END) > 5000))
MATCH (x)-[c15:ESTABLISHED]->(y) WHERE c15.date >= coalesce(substring($since, 0, 4), '') AND c15.date <= coalesce($until, '~')
  AND ($actor IS NULL OR x IN actors OR y IN actors)
WITH c15 WHERE ($since IS NULL OR c15.date >= $since OR c15.date IN [substring($since, 0, 4), substring($since, 0, 7)])
  AND ($until IS NULL OR c15.date <= $until)
RETURN substring(c15.date, 0, 7) AS group, count(*) AS rows
UNION ALL
WITH actors WHERE ($actor IS NULL OR any(n IN actors WHERE reduce(facts = 0, k IN keys(n) | facts + CASE WHEN (k STARTS WITH '_out_' OR k STARTS WITH '_in_')
                                                   AND NOT k ENDS WITH '_MENTIONS' THEN properties(n)[k] ELSE 0 END) > 5000))
MATCH (x)-[c16:PARTNERS_WITH]->(y) WHERE c16.date >= coalesce(substring($since, 0, 4), '') AND c16.date <= coalesce($until, '~')
  AND ($actor IS NULL OR x IN actors OR y IN actors)
WITH c16 WHERE ($since IS NULL OR c16.date >= $since OR c16.date IN [substring($since, 0, 4), substring($since, 0, 7)])
  AND ($until IS NULL OR c16.date <= $until)
RETURN substring(c16.date, 0, 7) AS group, count(*) AS rows
UNION ALL
WITH actors WHERE NOT (($actor IS NULL OR any(n IN actors WHERE reduce(facts = 0, k IN keys(n) | facts + CASE WHEN (k STARTS WITH '_out_' OR k STARTS WITH '_in_')
                                                   AND NOT k ENDS WITH '_MENTIONS' THEN properties(n)[k] ELSE 0 END) > 5000)))
UNWIND actors AS n
MATCH (n)-[mine:ASKED|REPLIED_TO|FUNDS|OVERSEES|HOLDS_OFFICE|MEMBER_OF|CHAIRS|COMMITTED_TO|SAID|CRITICISED|WELCOMED|COMMISSIONED|LEADS|REVIEWS|ESTABLISHED|PARTNERS_WITH]-()
WHERE ($since IS NULL OR mine.date >= $since OR mine.date = substring($since, 0, 7) OR mine.date = substring($since, 0, 4))
  AND mine.date <= coalesce($until, '~')
WITH DISTINCT mine
RETURN substring(mine.date, 0, 7) AS group, count(*) AS rows
