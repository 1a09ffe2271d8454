// name: response-times
// description: For each actor asked: how often they were formally asked and replied, the median and longest days to reply, and the asks that could not be counted.
// param: actor actor example="Sadiq Khan" -- only this actor (the one asked)
// param: since date example=2024-01-01 -- count asks made on or after this date
// param: until date example=2026-12-31 -- count asks made on or before this date
// param: about string example=motion -- count only asks about this (a word or phrase)
// returns: actor, times_asked, times_replied, median_days_to_reply, longest_days_to_reply, undated_asks, mentions
// include: lookup $actor AS actors
// include: asks received
// include: replies
//
// times_asked counts the dated asks of kind 'ask' (queries/_replies.cypher: a motion, a question,
// a letter); times_replied those of them that a reply answers. The median and the longest count
// only replies where both dates are full dates. undated_asks are asks of kind 'ask' with no date
// (they cannot be placed in time, so they are not counted); mentions are asks that news stories
// and press releases only report (not counted either). With `since` or `until`, only dated asks
// in range are counted, so undated_asks is then 0.
WITH q, b, kind, replies[0] AS r
WITH b, q, r, kind, kind = 'ask' AND q.date IS NOT NULL AS counted,
     CASE WHEN r.day IS NOT NULL AND q.day IS NOT NULL THEN r.day - q.day END AS days
WITH b, count(CASE WHEN counted THEN 1 END) AS times_asked,
     count(CASE WHEN counted AND r IS NOT NULL THEN 1 END) AS times_replied,
     percentileCont(CASE WHEN counted THEN days END, 0.5) AS median_days,
     max(CASE WHEN counted THEN days END) AS longest_days,
     count(CASE WHEN kind = 'ask' AND q.date IS NULL THEN 1 END) AS undated_asks,
     count(CASE WHEN kind = 'mention' THEN 1 END) AS mentions
RETURN b.name AS actor, times_asked, times_replied,
       CASE WHEN median_days = toInteger(median_days) THEN toInteger(median_days) ELSE median_days END
         AS median_days_to_reply,
       longest_days AS longest_days_to_reply, undated_asks, mentions
ORDER BY times_asked DESC, actor
