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
// The total, counted by month (queries/paging.py), when there is no actor or one of the actors is
// a hub: from the facts by month the store keeps as it writes (graph/schema.py MONTHS and
// MONTH_FACTS: on every node for the facts it is either side of, and on the one Totals node for
// the whole store), a statement each joined by UNION ALL (the actors looked up in each,
// queries/catalog.py), so that no fact is read for the months wholly inside the range:
// 1. the kept counts of the months the range takes whole: a month (a date's first 7 characters)
//    is taken whole or not at all unless `$since` or `$until` is a date inside it, since every
//    date in a month starts with the month (a year-only date "2024" is a month of its own, the
//    one date in it); a `$since` to the day cuts its month, an `$until` to the month or the day
//    cuts its own;
// 2. the facts of the one or two months cut, read from each type's `date` index (from the month
//    to the month + '~', after every date in it; the range reads are not exact, so the month and
//    the dates are tested again), kept to the actors' own (a fact read once however many of the
//    actors it joins);
// 3. with several actors, the facts between two of them, counted on both in 1, taken off once
//    (a month summing to 0 is no month, queries/paging.py).
// Otherwise (the last statement) the actors' own facts, with DISTINCT, as the statement reads them.
WITH actors WHERE ($actor IS NULL OR any(n IN actors WHERE reduce(facts = 0, k IN keys(n) | facts + CASE WHEN (k STARTS WITH '_out_' OR k STARTS WITH '_in_')
                                                   AND NOT k ENDS WITH '_MENTIONS' THEN properties(n)[k] ELSE 0 END) > 5000))
OPTIONAL MATCH (totals:Totals {id: 'facts'}) WHERE $actor IS NULL
UNWIND CASE WHEN $actor IS NULL THEN [totals] ELSE actors END AS holder
UNWIND range(0, size(coalesce(holder._months, [])) - 1) AS i
WITH holder._months[i] AS grp, holder._month_facts[i] AS kept
WHERE kept <> 0
  AND NOT coalesce(grp = CASE WHEN size($since) > 7 THEN substring($since, 0, 7) END, false)
  AND NOT coalesce(grp = CASE WHEN size($until) >= 7 THEN substring($until, 0, 7) END, false)
  AND ($since IS NULL OR grp >= $since OR grp = substring($since, 0, 7) OR grp = substring($since, 0, 4))
  AND ($until IS NULL OR grp <= $until)
RETURN grp AS group, sum(kept) AS rows
UNION ALL
WITH actors WHERE ($actor IS NULL OR any(n IN actors WHERE reduce(facts = 0, k IN keys(n) | facts + CASE WHEN (k STARTS WITH '_out_' OR k STARTS WITH '_in_')
                                                   AND NOT k ENDS WITH '_MENTIONS' THEN properties(n)[k] ELSE 0 END) > 5000))
WITH actors, CASE WHEN size($since) > 7 THEN substring($since, 0, 7) END AS cut_since,
     CASE WHEN size($until) >= 7 THEN substring($until, 0, 7) END AS cut_until
UNWIND [c IN [cut_since, CASE WHEN cut_until = cut_since THEN null ELSE cut_until END] WHERE c IS NOT NULL] AS cut
WITH cut,
    [[(x)-[b1:ASKED]->(y) WHERE b1.date >= cut AND b1.date <= cut + '~' AND ($actor IS NULL OR x IN actors OR y IN actors) | b1.date]
   , [(x)-[b2:REPLIED_TO]->(y) WHERE b2.date >= cut AND b2.date <= cut + '~' AND ($actor IS NULL OR x IN actors OR y IN actors) | b2.date]
   , [(x)-[b3:FUNDS]->(y) WHERE b3.date >= cut AND b3.date <= cut + '~' AND ($actor IS NULL OR x IN actors OR y IN actors) | b3.date]
   , [(x)-[b4:OVERSEES]->(y) WHERE b4.date >= cut AND b4.date <= cut + '~' AND ($actor IS NULL OR x IN actors OR y IN actors) | b4.date]
   , [(x)-[b5:HOLDS_OFFICE]->(y) WHERE b5.date >= cut AND b5.date <= cut + '~' AND ($actor IS NULL OR x IN actors OR y IN actors) | b5.date]
   , [(x)-[b6:MEMBER_OF]->(y) WHERE b6.date >= cut AND b6.date <= cut + '~' AND ($actor IS NULL OR x IN actors OR y IN actors) | b6.date]
   , [(x)-[b7:CHAIRS]->(y) WHERE b7.date >= cut AND b7.date <= cut + '~' AND ($actor IS NULL OR x IN actors OR y IN actors) | b7.date]
   , [(x)-[b8:COMMITTED_TO]->(y) WHERE b8.date >= cut AND b8.date <= cut + '~' AND ($actor IS NULL OR x IN actors OR y IN actors) | b8.date]
   , [(x)-[b9:SAID]->(y) WHERE b9.date >= cut AND b9.date <= cut + '~' AND ($actor IS NULL OR x IN actors OR y IN actors) | b9.date]
   , [(x)-[b10:CRITICISED]->(y) WHERE b10.date >= cut AND b10.date <= cut + '~' AND ($actor IS NULL OR x IN actors OR y IN actors) | b10.date]
   , [(x)-[b11:WELCOMED]->(y) WHERE b11.date >= cut AND b11.date <= cut + '~' AND ($actor IS NULL OR x IN actors OR y IN actors) | b11.date]
   , [(x)-[b12:COMMISSIONED]->(y) WHERE b12.date >= cut AND b12.date <= cut + '~' AND ($actor IS NULL OR x IN actors OR y IN actors) | b12.date]
   , [(x)-[b13:LEADS]->(y) WHERE b13.date >= cut AND b13.date <= cut + '~' AND ($actor IS NULL OR x IN actors OR y IN actors) | b13.date]
   , [(x)-[b14:REVIEWS]->(y) WHERE b14.date >= cut AND b14.date <= cut + '~' AND ($actor IS NULL OR x IN actors OR y IN actors) | b14.date]
   , [(x)-[b15:ESTABLISHED]->(y) WHERE b15.date >= cut AND b15.date <= cut + '~' AND ($actor IS NULL OR x IN actors OR y IN actors) | b15.date]
   , [(x)-[b16:PARTNERS_WITH]->(y) WHERE b16.date >= cut AND b16.date <= cut + '~' AND ($actor IS NULL OR x IN actors OR y IN actors) | b16.date]] AS parts
UNWIND parts AS part
UNWIND part AS d
WITH cut, d WHERE substring(d, 0, 7) = cut
  AND ($since IS NULL OR d >= $since OR d = substring($since, 0, 7) OR d = substring($since, 0, 4))
  AND ($until IS NULL OR d <= $until)
RETURN cut AS group, count(*) AS rows
UNION ALL
WITH actors WHERE size(actors) > 1 AND ($actor IS NULL OR any(n IN actors WHERE reduce(facts = 0, k IN keys(n) | facts + CASE WHEN (k STARTS WITH '_out_' OR k STARTS WITH '_in_')
                                                   AND NOT k ENDS WITH '_MENTIONS' THEN properties(n)[k] ELSE 0 END) > 5000))
UNWIND actors AS a
UNWIND actors AS b
WITH a, b WHERE a <> b
MATCH (a)-[f:ASKED|REPLIED_TO|FUNDS|OVERSEES|HOLDS_OFFICE|MEMBER_OF|CHAIRS|COMMITTED_TO|SAID|CRITICISED|WELCOMED|COMMISSIONED|LEADS|REVIEWS|ESTABLISHED|PARTNERS_WITH]->(b)
WHERE f.date IS NOT NULL
WITH substring(f.date, 0, 7) AS grp
WHERE NOT coalesce(grp = CASE WHEN size($since) > 7 THEN substring($since, 0, 7) END, false)
  AND NOT coalesce(grp = CASE WHEN size($until) >= 7 THEN substring($until, 0, 7) END, false)
  AND ($since IS NULL OR grp >= $since OR grp = substring($since, 0, 7) OR grp = substring($since, 0, 4))
  AND ($until IS NULL OR grp <= $until)
RETURN grp AS group, 0 - count(*) AS rows
UNION ALL
WITH actors WHERE NOT (($actor IS NULL OR any(n IN actors WHERE reduce(facts = 0, k IN keys(n) | facts + CASE WHEN (k STARTS WITH '_out_' OR k STARTS WITH '_in_')
                                                   AND NOT k ENDS WITH '_MENTIONS' THEN properties(n)[k] ELSE 0 END) > 5000)))
UNWIND actors AS n
MATCH (n)-[mine:ASKED|REPLIED_TO|FUNDS|OVERSEES|HOLDS_OFFICE|MEMBER_OF|CHAIRS|COMMITTED_TO|SAID|CRITICISED|WELCOMED|COMMISSIONED|LEADS|REVIEWS|ESTABLISHED|PARTNERS_WITH]-()
WHERE ($since IS NULL OR mine.date >= $since OR mine.date = substring($since, 0, 7) OR mine.date = substring($since, 0, 4))
  AND mine.date <= coalesce($until, '~')
WITH DISTINCT mine
RETURN substring(mine.date, 0, 7) AS group, count(*) AS rows
