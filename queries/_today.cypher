// fragment: today
// description: The day number of $today (days since 1970-01-01), or of the server's clock when it is null.
// gives: today_day
//
// By the civil-calendar formula (no temporal functions, which one of the engines lacks), worked
// out once, before any row is read: a question that includes it before its other fragments has
// the day carried on every row (the fragments' WITH lines carry it), where working it out after
// them meant collecting every row and unwinding them again (9 ms at a hub's 10,000 asks,
// BENCHMARKS.md). With `today` null (Neo4j Browser: `:param today => null`) the server's clock
// is used.
WITH [d IN [$today] |
       [toInteger(substring(d, 0, 4)) - CASE WHEN toInteger(substring(d, 5, 2)) <= 2 THEN 1 ELSE 0 END,
        toInteger(substring(d, 5, 2)), toInteger(substring(d, 8, 2))]] AS today_ymd
WITH coalesce([x IN today_ymd | (x[0] / 400) * 146097 + (x[0] % 400) * 365 + (x[0] % 400) / 4
       - (x[0] % 400) / 100 + (153 * ((x[1] + 9) % 12) + 2) / 5 + x[2] - 1 - 719468][0],
       timestamp() / 86400000) AS today_day
