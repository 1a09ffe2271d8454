// name: response-times
// description: For each actor asked: how often they were asked and replied, and the median and longest days to reply.
// param: actor actor example="Sadiq Khan" -- only this actor (the one asked)
// param: since date example=2024-01-01 -- count asks made on or after this date
// param: until date example=2026-12-31 -- count asks made on or before this date
// returns: actor, times_asked, times_replied, median_days_to_reply, longest_days_to_reply
//
// Replies pair with asks as in who-was-asked. The median and the longest count only replies
// where both dates are full dates; times_replied counts every paired reply.
WITH CASE WHEN $actor STARTS WITH 'id:' THEN substring($actor, 3) END AS actor_id,
     toLower(trim($actor)) AS k0
WITH actor_id, CASE WHEN k0 STARTS WITH 'the ' THEN substring(k0, 4) ELSE k0 END AS k
WITH actor_id, [k, 'the ' + k, replace(k, '’', "'"), 'the ' + replace(k, '’', "'"),
                replace(k, "'", '’'), 'the ' + replace(k, "'", '’')] AS actor_keys
MATCH (a)-[q:ASKED]->(b)
WHERE ($actor IS NULL
       OR b.id = actor_id
       OR (actor_id IS NULL AND (toLower(b.name) IN actor_keys
           OR any(al IN coalesce(b.aliases, []) WHERE toLower(al) IN actor_keys))))
  AND ($since IS NULL OR q.date >= substring($since, 0, coalesce(size(q.date), 10)))
  AND ($until IS NULL OR q.date <= $until)
OPTIONAL MATCH (b)-[r:REPLIED_TO]->(a)
WHERE (r.about IS NULL OR r.about = q.about)
  AND CASE
        WHEN r.day IS NOT NULL AND q.day IS NOT NULL THEN r.day >= q.day
        WHEN r.date IS NOT NULL AND q.date IS NOT NULL THEN r.date >= substring(q.date, 0, coalesce(size(r.date), 10))
        ELSE r.about IS NOT NULL
      END
WITH a, b, q, r
ORDER BY CASE WHEN r.about IS NULL THEN 1 ELSE 0 END, coalesce(r.day, 0), coalesce(r.date, '')
WITH b, q, collect(r) AS replies
WITH b, q, replies[0] AS r
WITH b, q, r, CASE WHEN r.day IS NOT NULL AND q.day IS NOT NULL THEN r.day - q.day END AS days
WITH b, count(q) AS times_asked, count(r) AS times_replied,
     percentileCont(days, 0.5) AS median_days, max(days) AS longest_days
RETURN b.name AS actor, times_asked, times_replied,
       CASE WHEN median_days = toInteger(median_days) THEN toInteger(median_days) ELSE median_days END
         AS median_days_to_reply,
       longest_days AS longest_days_to_reply
ORDER BY times_asked DESC, actor
