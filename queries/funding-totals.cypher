// name: funding-totals
// description: Money in and out: the total stated funding per funder and per recipient.
// param: actor actor example="Sadiq Khan" -- only this funder or recipient
// returns: role, actor, total_gbp, funding_facts, facts_with_amount
// include: lookup $actor AS actors
//
// role is "funder" or "recipient". total_gbp adds the amounts stated on FUNDS relationships
// (null when none states one); funding_facts counts them all, facts_with_amount those with an
// amount. Amounts are as stated: a yearly sum and a one-off sum add up alike.
UNWIND CASE WHEN $actor IS NULL THEN [null] ELSE actors END AS n0
UNWIND ['funder', 'recipient'] AS role
OPTIONAL MATCH (n0)-[paid:FUNDS]->() WHERE role = 'funder'
OPTIONAL MATCH ()-[received:FUNDS]->(n0) WHERE role = 'recipient'
OPTIONAL MATCH ()-[unfiltered:FUNDS]->() WHERE n0 IS NULL
WITH role, coalesce(paid, received, unfiltered) AS r
WHERE r IS NOT NULL
WITH role, CASE WHEN role = 'funder' THEN startNode(r) ELSE endNode(r) END AS n, r
WITH role, n, sum(coalesce(r.amount_gbp, 0)) AS total, count(r) AS funding_facts,
     count(r.amount_gbp) AS facts_with_amount
RETURN role, n.name AS actor,
       CASE WHEN facts_with_amount = 0 THEN null WHEN total = toInteger(total) THEN toInteger(total) ELSE total END AS total_gbp,
       funding_facts, facts_with_amount
ORDER BY role, coalesce(total_gbp, -1) DESC, actor
