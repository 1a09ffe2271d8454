// name: unanswered
// description: What was asked and has had no reply, oldest first, with the days it has been waiting.
// param: today date default=today example=2026-11-23 -- count the waiting up to this date (replies after it do not count)
// param: actor actor example="Sadiq Khan" -- the asker or the one asked
// param: about string example=motion -- a word or phrase in what was asked
// returns: asker, asked, about, asked_on, days_waiting, ask_quote, ask_document
//
// Replies pair with asks as in who-was-asked. days_waiting counts from the ask's date; a
// month- or year-only date counts from its first day. Asks dated after `today` are left out.
// With `today` null (Neo4j Browser: `:param today => null`) the server's clock is used.
// An actor given as id:<node id> (what `civicgraph ask` passes) is looked up by id under each
// label, an index seek each; a name typed in the Neo4j Browser is compared with every node's
// name and aliases. Facts are then found from the actor's own relationships, not by scanning all.
WITH toInteger(substring($today, 0, 4)) AS ty0, toInteger(substring($today, 5, 2)) AS tm,
     toInteger(substring($today, 8, 2)) AS td
WITH CASE WHEN tm <= 2 THEN ty0 - 1 ELSE ty0 END AS ty, tm, td
WITH ty, tm, td, ty / 400 AS tera
WITH tera * 146097 + (ty - tera * 400) * 365 + (ty - tera * 400) / 4 - (ty - tera * 400) / 100
     + (153 * ((tm + 9) % 12) + 2) / 5 + td - 1 - 719468 AS today_day
WITH coalesce(today_day, timestamp() / 86400000) AS today_day
WITH CASE WHEN $actor STARTS WITH 'id:' THEN substring($actor, 3) END AS actor_id,
     toLower(trim($actor)) AS actor0, today_day
WITH actor_id, CASE WHEN actor0 STARTS WITH 'the ' THEN substring(actor0, 4) ELSE actor0 END AS actor_k, today_day
WITH actor_id, [actor_k, 'the ' + actor_k, replace(actor_k, '’', "'"), 'the ' + replace(actor_k, '’', "'"),
     replace(actor_k, "'", '’'), 'the ' + replace(actor_k, "'", '’')] AS actor_keys, today_day
OPTIONAL MATCH (named) WHERE $actor IS NOT NULL AND actor_id IS NULL AND NOT named:Document
  AND (toLower(named.name) IN actor_keys OR any(al IN coalesce(named.aliases, []) WHERE toLower(al) IN actor_keys))
WITH actor_id, collect(named) AS by_name, today_day
OPTIONAL MATCH (n1:Person {id: actor_id})
OPTIONAL MATCH (n2:Organization {id: actor_id})
OPTIONAL MATCH (n3:Post {id: actor_id})
OPTIONAL MATCH (n4:Inquiry {id: actor_id})
OPTIONAL MATCH (n5:Programme {id: actor_id})
OPTIONAL MATCH (n6:Motion {id: actor_id})
OPTIONAL MATCH (n7:Question {id: actor_id})
OPTIONAL MATCH (n8:Meeting {id: actor_id})
OPTIONAL MATCH (n9:Statement {id: actor_id})
WITH by_name + [n IN [n1, n2, n3, n4, n5, n6, n7, n8, n9] WHERE n IS NOT NULL] AS actors, today_day
UNWIND CASE WHEN $actor IS NULL THEN [null] ELSE actors END AS n
OPTIONAL MATCH (n)-[own:ASKED]-()
OPTIONAL MATCH ()-[unfiltered:ASKED]->() WHERE n IS NULL
WITH today_day, coalesce(own, unfiltered) AS q
WHERE q IS NOT NULL AND ($about IS NULL OR toLower(q.about) CONTAINS toLower($about))
WITH DISTINCT today_day, q
WITH today_day, startNode(q) AS a, q, endNode(q) AS b
// the ask's day; a partial date ("2025-01", "2025") from its first day
WITH today_day, a, b, q,
     CASE WHEN size(q.date) IN [4, 7, 10]
          THEN q.date + substring('-01-01', CASE size(q.date) WHEN 4 THEN 0 WHEN 7 THEN 3 ELSE 6 END) END AS qd
WITH today_day, a, b, q, toInteger(substring(qd, 0, 4)) AS qy0, toInteger(substring(qd, 5, 2)) AS qm,
     toInteger(substring(qd, 8, 2)) AS qdd
WITH today_day, a, b, q, CASE WHEN qm <= 2 THEN qy0 - 1 ELSE qy0 END AS qy, qm, qdd
WITH today_day, a, b, q, qy, qm, qdd, qy / 400 AS qera
WITH today_day, a, b, q,
     coalesce(q.day, qera * 146097 + (qy - qera * 400) * 365 + (qy - qera * 400) / 4 - (qy - qera * 400) / 100
              + (153 * ((qm + 9) % 12) + 2) / 5 + qdd - 1 - 719468) AS asked_day
WHERE asked_day IS NULL OR asked_day <= today_day
OPTIONAL MATCH (b)-[r:REPLIED_TO]->(a)
WHERE (r.about IS NULL OR r.about = q.about)
  AND CASE
        WHEN r.day IS NOT NULL AND q.day IS NOT NULL THEN r.day >= q.day
        WHEN r.date IS NOT NULL AND q.date IS NOT NULL THEN r.date >= substring(q.date, 0, coalesce(size(r.date), 10))
        ELSE r.about IS NOT NULL
      END
  AND (r.day IS NULL OR r.day <= today_day)
WITH today_day, a, b, q, asked_day, count(r) AS replies
WHERE replies = 0
RETURN a.name AS asker, b.name AS asked, q.about AS about, q.date AS asked_on,
       today_day - asked_day AS days_waiting,
       q.evidence_quotes[0] AS ask_quote, q.evidence_docs[0] AS ask_document
ORDER BY coalesce(days_waiting, -1) DESC, coalesce(asked_on, '9999'), asker, asked, coalesce(about, '')
