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
WITH n, CASE WHEN $since IS NULL THEN '' ELSE substring($since, 0, 4) END AS lo, coalesce($until, '~') AS hi
OPTIONAL MATCH (n)-[own:ASKED|REPLIED_TO|FUNDS|OVERSEES|HOLDS_OFFICE|MEMBER_OF|CHAIRS|COMMITTED_TO|SAID|CRITICISED|WELCOMED|COMMISSIONED|LEADS|REVIEWS|ESTABLISHED|PARTNERS_WITH]-()
WHERE own.date >= lo AND own.date <= hi
WITH n, lo, hi, collect(own) AS owned
// With no actor: each fact type's relationships dated within the years of $since and $until
// (the exact test follows), read from the type's `date` index. A pattern without an index filter
// would scan every node, evidence pieces included. The types are graph/schema.py's FACT_TYPES
// (a test checks); a pattern comprehension per type, because FalkorDB 4.16 copies the lists that
// chained OPTIONAL MATCH ... collect() steps carry.
WITH owned,
     [()-[t1:ASKED]->() WHERE n IS NULL AND t1.date >= lo AND t1.date <= hi | t1]
   + [()-[t2:REPLIED_TO]->() WHERE n IS NULL AND t2.date >= lo AND t2.date <= hi | t2]
   + [()-[t3:FUNDS]->() WHERE n IS NULL AND t3.date >= lo AND t3.date <= hi | t3]
   + [()-[t4:OVERSEES]->() WHERE n IS NULL AND t4.date >= lo AND t4.date <= hi | t4]
   + [()-[t5:HOLDS_OFFICE]->() WHERE n IS NULL AND t5.date >= lo AND t5.date <= hi | t5]
   + [()-[t6:MEMBER_OF]->() WHERE n IS NULL AND t6.date >= lo AND t6.date <= hi | t6]
   + [()-[t7:CHAIRS]->() WHERE n IS NULL AND t7.date >= lo AND t7.date <= hi | t7]
   + [()-[t8:COMMITTED_TO]->() WHERE n IS NULL AND t8.date >= lo AND t8.date <= hi | t8]
   + [()-[t9:SAID]->() WHERE n IS NULL AND t9.date >= lo AND t9.date <= hi | t9]
   + [()-[t10:CRITICISED]->() WHERE n IS NULL AND t10.date >= lo AND t10.date <= hi | t10]
   + [()-[t11:WELCOMED]->() WHERE n IS NULL AND t11.date >= lo AND t11.date <= hi | t11]
   + [()-[t12:COMMISSIONED]->() WHERE n IS NULL AND t12.date >= lo AND t12.date <= hi | t12]
   + [()-[t13:LEADS]->() WHERE n IS NULL AND t13.date >= lo AND t13.date <= hi | t13]
   + [()-[t14:REVIEWS]->() WHERE n IS NULL AND t14.date >= lo AND t14.date <= hi | t14]
   + [()-[t15:ESTABLISHED]->() WHERE n IS NULL AND t15.date >= lo AND t15.date <= hi | t15]
   + [()-[t16:PARTNERS_WITH]->() WHERE n IS NULL AND t16.date >= lo AND t16.date <= hi | t16] AS everyone
UNWIND owned + everyone AS r
WITH r
WHERE r.date IS NOT NULL
  AND ($since IS NULL OR r.date >= substring($since, 0, coalesce(size(r.date), 10)))
  AND ($until IS NULL OR r.date <= $until)
WITH DISTINCT r
WITH startNode(r) AS a, r, endNode(r) AS b
RETURN r.date AS date, a.name AS subject, type(r) AS relation,
       CASE WHEN type(r) = 'SAID' THEN coalesce(b.text, b.name) ELSE b.name END AS object,
       r.about AS about,
       CASE WHEN r.amount_gbp = toInteger(r.amount_gbp) THEN toInteger(r.amount_gbp) ELSE r.amount_gbp END AS amount_gbp,
       r._quote AS quote, r._doc AS document
ORDER BY date, subject, relation, object, coalesce(about, '')
