// name: unanswered
// description: The formal asks still waiting for a reply, oldest first, with the days each has waited.
// param: today date default=today example=2026-11-23 -- count the waiting up to this date (later asks and replies do not count)
// param: actor actor example="Sadiq Khan" -- the asker or the one asked
// param: since date example=2024-01-01 -- asked on or after this date
// param: until date example=2026-12-31 -- asked on or before this date
// param: about string example=motion -- a word or phrase in what was asked
// returns: asker, asked, about, asked_on, days_waiting, ask_quote, ask_document
// include: lookup $actor AS actors
// include: asks
// include: replies
//
// An ask is waiting when it is of kind 'ask' (a motion, a question, a letter: not a mention in a
// news story), has a date on or before `today`, and no reply dated on or before `today` answers it
// (queries/_replies.cypher pairs replies with asks). days_waiting counts from the ask's date, a
// month- or year-only date from its first day; it is always filled. Undated asks cannot wait a
// number of days: who-was-asked lists them, response-times counts them.
// With `today` null (Neo4j Browser: `:param today => null`) the server's clock is used.
WITH a, q, b, kind, replies
WHERE kind = 'ask' AND size(q.date) IN [4, 7, 10]
// days since 1970-01-01 of `today` and of the ask's date (a month or a year from its first day),
// by the civil-calendar formula: no temporal functions, which one of the engines lacks
WITH a, q, b, replies, [d IN [$today, q.date + substring('-01-01', size(q.date) - 4)] |
       [toInteger(substring(d, 0, 4)) - CASE WHEN toInteger(substring(d, 5, 2)) <= 2 THEN 1 ELSE 0 END,
        toInteger(substring(d, 5, 2)), toInteger(substring(d, 8, 2))]] AS ymd
WITH a, q, b, replies, [x IN ymd | (x[0] / 400) * 146097 + (x[0] % 400) * 365 + (x[0] % 400) / 4
       - (x[0] % 400) / 100 + (153 * ((x[1] + 9) % 12) + 2) / 5 + x[2] - 1 - 719468] AS days
WITH a, q, b, replies, coalesce(days[0], timestamp() / 86400000) AS today_day, coalesce(q.day, days[1]) AS asked_day
WHERE asked_day <= today_day
  AND size([r IN replies WHERE r.day IS NULL OR r.day <= today_day]) = 0
RETURN a.name AS asker, b.name AS asked, q.about AS about, q.date AS asked_on,
       today_day - asked_day AS days_waiting,
       q.evidence_quotes[0] AS ask_quote, q.evidence_docs[0] AS ask_document
ORDER BY days_waiting DESC, asked_on, asker, asked, coalesce(about, '')
