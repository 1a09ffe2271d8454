// name: who-was-asked
// description: Who asked whom what and when, whether it was a formal ask or a mention, whether and when they replied, and how many days it took.
// param: actor actor example="London Assembly" -- the asker or the one asked
// param: since date example=2024-01-01 -- asked on or after this date
// param: until date example=2026-12-31 -- asked on or before this date
// param: about string example=motion -- a word or phrase in what was asked (its motion or question)
// returns: asker, asked, kind, about, asked_on, replied_on, days_to_reply, ask_quote, ask_document, reply_quote, reply_document
// include: lookup $actor AS actors
// include: asks
// include: replies
//
// kind is 'ask' for an ask made to someone expected to reply (a motion, a question, a letter)
// and 'mention' for one a news story or press release reports; the rules, and how a reply is
// paired with an ask, are in graph/pairing.py and the README. Every ask is listed, undated
// ones last; days_to_reply needs two full dates. A month-only date ("2025-01") passes
// `since`/`until` when it may fall in range.
WITH a, q, b, kind  // page by q.date: the rows, in the answer's order (by date first); the reply is looked up for a page of them
ORDER BY coalesce(q.date, '9999'), a.name, b.name, coalesce(q.about, ''), q.key
OPTIONAL MATCH ()-[r:REPLIED_TO {key: q._reply}]->()
RETURN a.name AS asker, b.name AS asked, kind, q.about AS about, q.date AS asked_on, q._replied_on AS replied_on,
       CASE WHEN q._reply_day IS NOT NULL AND q.day IS NOT NULL THEN q._reply_day - q.day END AS days_to_reply,
       q._quote AS ask_quote, q._doc AS ask_document, r._quote AS reply_quote, r._doc AS reply_document
ORDER BY coalesce(asked_on, '9999'), asker, asked, coalesce(about, '')
