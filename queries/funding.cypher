// name: funding
// description: Who funds whom or what: amounts, periods and dates, with the quote that says so.
// param: funder actor example="Sadiq Khan" -- only money from this actor
// param: recipient actor example="MOPAC" -- only money to this actor, programme or body
// param: min_amount float example=100000 -- only amounts of at least this many pounds
// returns: funder, recipient, recipient_type, amount_gbp, period, date, quote, document
// include: lookup $funder AS funders
// include: lookup $recipient AS recipients
//
// One row per FUNDS relationship (the same funding stated in several documents is one row;
// `evidence` lists every quote). Amounts are pounds as stated; no amount means none was stated.
UNWIND CASE WHEN $funder IS NULL THEN [null] ELSE funders END AS f0
UNWIND CASE WHEN $recipient IS NULL THEN [null] ELSE recipients END AS x0
OPTIONAL MATCH (f0)-[by_funder:FUNDS]->()
OPTIONAL MATCH ()-[to_recipient:FUNDS]->(x0) WHERE f0 IS NULL
OPTIONAL MATCH ()-[unfiltered:FUNDS]->() WHERE f0 IS NULL AND x0 IS NULL
WITH x0, coalesce(by_funder, to_recipient, unfiltered) AS r
WHERE r IS NOT NULL AND ($min_amount IS NULL OR r.amount_gbp >= $min_amount)
WITH x0, startNode(r) AS f, r, endNode(r) AS x
WHERE x0 IS NULL OR x = x0
RETURN f.name AS funder, x.name AS recipient, labels(x)[0] AS recipient_type,
       CASE WHEN r.amount_gbp = toInteger(r.amount_gbp) THEN toInteger(r.amount_gbp) ELSE r.amount_gbp END AS amount_gbp,
       r.period AS period, r.date AS date, r.evidence_quotes[0] AS quote, r.evidence_docs[0] AS document
ORDER BY coalesce(amount_gbp, -1) DESC, funder, recipient, coalesce(date, '')
