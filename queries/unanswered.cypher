// name: unanswered
// description: The formal asks still waiting for a reply, oldest first, with the days each has waited.
// param: today date default=today example=2026-11-23 -- count the waiting up to this date (later asks and replies do not count)
// param: actor actor example="Sadiq Khan" -- the asker or the one asked
// param: since date example=2024-01-01 -- asked on or after this date
// param: until date example=2026-12-31 -- asked on or before this date
// param: about string example=motion -- a word or phrase in what was asked
// returns: asker, asked, about, asked_on, days_waiting, ask_quote, ask_document
// include: lookup $actor AS actors
// include: today
// include: asks
// include: replies
//
// An ask is waiting when it is of kind 'ask' (a motion, a question, a letter: not a mention in a
// news story), has a date on or before `today`, and no reply dated on or before `today` answers it
// (graph/pairing.py pairs replies with asks as they are written). days_waiting counts from the ask's date, a
// month- or year-only date from its first day; it is always filled. Undated asks cannot wait a
// number of days: who-was-asked lists them, response-times counts them.
// With `today` null (Neo4j Browser: `:param today => null`) the server's clock is used (the `today` fragment).
// Days since 1970-01-01, by the civil-calendar formula (no temporal functions, which one of the
// engines lacks): of `today`, worked out once before the asks are read (the `today` fragment);
// of an ask's date, kept as the store writes for a full date (`day`), and worked out here for a
// month or a year (from its first day) only: the asks waiting are found by `day` and
// `_answered_day` (a month or a year is worked out when the OR reaches it), and days_waiting is
// worked out for the page's rows alone. Worked out on every row, the day numbers cost 40 ms for
// a hub's 10,000 asks (BENCHMARKS.md).
WITH a, q, b, kind, today_day
WHERE kind = 'ask' AND size(q.date) IN [4, 7, 10]
// (a WITH of its own: FalkorDB does not stop at the first false term of an AND, and an undated
// ask's day below would be an error)
WITH a, q, b, today_day
WHERE NOT coalesce(q._answered_day <= today_day, false)
  AND (q.day <= today_day OR q.day IS NULL AND [d IN [q.date + substring('-01-01', size(q.date) - 4)] |
           (toInteger(substring(d, 0, 4)) - CASE WHEN toInteger(substring(d, 5, 2)) <= 2 THEN 1 ELSE 0 END) / 400 * 146097
         + (toInteger(substring(d, 0, 4)) - CASE WHEN toInteger(substring(d, 5, 2)) <= 2 THEN 1 ELSE 0 END) % 400 * 365
         + (toInteger(substring(d, 0, 4)) - CASE WHEN toInteger(substring(d, 5, 2)) <= 2 THEN 1 ELSE 0 END) % 400 / 4
         - (toInteger(substring(d, 0, 4)) - CASE WHEN toInteger(substring(d, 5, 2)) <= 2 THEN 1 ELSE 0 END) % 400 / 100
         + (153 * CASE WHEN toInteger(substring(d, 5, 2)) <= 2 THEN toInteger(substring(d, 5, 2)) + 9
                    ELSE toInteger(substring(d, 5, 2)) - 3 END + 2) / 5 + toInteger(substring(d, 8, 2)) - 1 - 719468][0] <= today_day)
// The longest waiting first is the earliest date first: a month- or year-only date waits from its
// first day and sorts before the full dates of that day ("2024" < "2024-01" < "2024-01-01"), so
// the answer's order (days_waiting DESC, asked_on) is the order of the dates.
WITH a, q, b, today_day  // page by q.date: the rows, in the answer's order (by date first)
ORDER BY q.date, a.name, b.name, coalesce(q.about, ''), q.key
RETURN a.name AS asker, b.name AS asked, q.about AS about, q.date AS asked_on,
       today_day - CASE WHEN q.day IS NULL THEN [d IN [q.date + substring('-01-01', size(q.date) - 4)] |
           (toInteger(substring(d, 0, 4)) - CASE WHEN toInteger(substring(d, 5, 2)) <= 2 THEN 1 ELSE 0 END) / 400 * 146097
         + (toInteger(substring(d, 0, 4)) - CASE WHEN toInteger(substring(d, 5, 2)) <= 2 THEN 1 ELSE 0 END) % 400 * 365
         + (toInteger(substring(d, 0, 4)) - CASE WHEN toInteger(substring(d, 5, 2)) <= 2 THEN 1 ELSE 0 END) % 400 / 4
         - (toInteger(substring(d, 0, 4)) - CASE WHEN toInteger(substring(d, 5, 2)) <= 2 THEN 1 ELSE 0 END) % 400 / 100
         + (153 * CASE WHEN toInteger(substring(d, 5, 2)) <= 2 THEN toInteger(substring(d, 5, 2)) + 9
                    ELSE toInteger(substring(d, 5, 2)) - 3 END + 2) / 5 + toInteger(substring(d, 8, 2)) - 1 - 719468][0] ELSE q.day END AS days_waiting,
       q._quote AS ask_quote, q._doc AS ask_document
ORDER BY days_waiting DESC, asked_on, asker, asked, coalesce(about, '')
