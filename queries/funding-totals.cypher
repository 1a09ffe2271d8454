// name: funding-totals
// description: Money in and out: the total stated funding per funder and per recipient.
// param: actor actor example="Sadiq Khan" -- only this funder or recipient
// returns: role, actor, total_gbp, funding_facts, facts_with_amount
//
// role is "funder" or "recipient". total_gbp adds the amounts stated on FUNDS relationships
// (null when none states one); funding_facts counts them all, facts_with_amount those with an
// amount. Amounts are as stated: a yearly sum and a one-off sum add up alike.
WITH CASE WHEN $actor STARTS WITH 'id:' THEN substring($actor, 3) END AS actor_id,
     toLower(trim($actor)) AS k0
WITH actor_id, CASE WHEN k0 STARTS WITH 'the ' THEN substring(k0, 4) ELSE k0 END AS k
WITH actor_id, [k, 'the ' + k, replace(k, '’', "'"), 'the ' + replace(k, '’', "'"),
                replace(k, "'", '’'), 'the ' + replace(k, "'", '’')] AS actor_keys
MATCH (f)-[r:FUNDS]->(x)
UNWIND [{role: 'funder', node: f}, {role: 'recipient', node: x}] AS side
WITH actor_id, actor_keys, side.role AS role, side.node AS n, r
WHERE $actor IS NULL
      OR n.id = actor_id
      OR (actor_id IS NULL AND (toLower(n.name) IN actor_keys
          OR any(al IN coalesce(n.aliases, []) WHERE toLower(al) IN actor_keys)))
WITH role, n, sum(coalesce(r.amount_gbp, 0)) AS total, count(r) AS funding_facts,
     count(r.amount_gbp) AS facts_with_amount
RETURN role, n.name AS actor,
       CASE WHEN facts_with_amount = 0 THEN null WHEN total = toInteger(total) THEN toInteger(total) ELSE total END AS total_gbp,
       funding_facts, facts_with_amount
ORDER BY role, coalesce(total_gbp, -1) DESC, actor
