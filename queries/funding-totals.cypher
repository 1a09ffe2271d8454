// name: funding-totals
// description: Money in and out: the total stated funding per funder and per recipient.
// param: actor actor example="Sadiq Khan" -- only this funder or recipient
// returns: role, actor, total_gbp, funding_facts, facts_with_amount
//
// role is "funder" or "recipient". total_gbp adds the amounts stated on FUNDS relationships
// (null when none states one); funding_facts counts them all, facts_with_amount those with an
// amount. Amounts are as stated: a yearly sum and a one-off sum add up alike.
// An actor given as id:<node id> (what `civicgraph ask` passes) is looked up by id under each
// label, an index seek each; a name typed in the Neo4j Browser is compared with every node's
// name and aliases. Facts are then found from the actor's own relationships, not by scanning all.
WITH CASE WHEN $actor STARTS WITH 'id:' THEN substring($actor, 3) END AS actor_id,
     toLower(trim($actor)) AS actor0
WITH actor_id, CASE WHEN actor0 STARTS WITH 'the ' THEN substring(actor0, 4) ELSE actor0 END AS actor_k
WITH actor_id, [actor_k, 'the ' + actor_k, replace(actor_k, '’', "'"), 'the ' + replace(actor_k, '’', "'"),
     replace(actor_k, "'", '’'), 'the ' + replace(actor_k, "'", '’')] AS actor_keys
OPTIONAL MATCH (named) WHERE $actor IS NOT NULL AND actor_id IS NULL AND NOT named:Document
  AND (toLower(named.name) IN actor_keys OR any(al IN coalesce(named.aliases, []) WHERE toLower(al) IN actor_keys))
WITH actor_id, collect(named) AS by_name
OPTIONAL MATCH (n1:Person {id: actor_id})
OPTIONAL MATCH (n2:Organization {id: actor_id})
OPTIONAL MATCH (n3:Post {id: actor_id})
OPTIONAL MATCH (n4:Inquiry {id: actor_id})
OPTIONAL MATCH (n5:Programme {id: actor_id})
OPTIONAL MATCH (n6:Motion {id: actor_id})
OPTIONAL MATCH (n7:Question {id: actor_id})
OPTIONAL MATCH (n8:Meeting {id: actor_id})
OPTIONAL MATCH (n9:Statement {id: actor_id})
WITH by_name + [n IN [n1, n2, n3, n4, n5, n6, n7, n8, n9] WHERE n IS NOT NULL] AS actors
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
