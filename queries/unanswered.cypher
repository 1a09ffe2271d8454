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
WITH toInteger(substring($today, 0, 4)) AS ty0, toInteger(substring($today, 5, 2)) AS tm,
     toInteger(substring($today, 8, 2)) AS td
WITH CASE WHEN tm <= 2 THEN ty0 - 1 ELSE ty0 END AS ty, tm, td
WITH ty, tm, td, ty / 400 AS tera
WITH tera * 146097 + (ty - tera * 400) * 365 + (ty - tera * 400) / 4 - (ty - tera * 400) / 100
     + (153 * ((tm + 9) % 12) + 2) / 5 + td - 1 - 719468 AS today_day
WITH coalesce(today_day, timestamp() / 86400000) AS today_day
WITH today_day, CASE WHEN $actor STARTS WITH 'id:' THEN substring($actor, 3) END AS actor_id,
     toLower(trim($actor)) AS k0
WITH today_day, actor_id, CASE WHEN k0 STARTS WITH 'the ' THEN substring(k0, 4) ELSE k0 END AS k
WITH today_day, actor_id, [k, 'the ' + k, replace(k, '’', "'"), 'the ' + replace(k, '’', "'"),
                           replace(k, "'", '’'), 'the ' + replace(k, "'", '’')] AS actor_keys
MATCH (a)-[q:ASKED]->(b)
WHERE ($actor IS NULL
       OR a.id = actor_id OR b.id = actor_id
       OR (actor_id IS NULL AND (toLower(a.name) IN actor_keys OR toLower(b.name) IN actor_keys
           OR any(al IN coalesce(a.aliases, []) + coalesce(b.aliases, []) WHERE toLower(al) IN actor_keys))))
  AND ($about IS NULL OR toLower(q.about) CONTAINS toLower($about))
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
