// name: funding
// description: Who funds whom or what: amounts, periods and dates, with the quote that says so.
// param: funder actor example="Sadiq Khan" -- only money from this actor
// param: recipient actor example="MOPAC" -- only money to this actor, programme or body
// param: min_amount float example=100000 -- only amounts of at least this many pounds
// returns: funder, recipient, recipient_type, amount_gbp, period, date, quote, document
//
// One row per FUNDS relationship (the same funding stated in several documents is one row;
// `evidence` lists every quote). Amounts are pounds as stated; no amount means none was stated.
WITH CASE WHEN $funder STARTS WITH 'id:' THEN substring($funder, 3) END AS funder_id,
     toLower(trim($funder)) AS f0,
     CASE WHEN $recipient STARTS WITH 'id:' THEN substring($recipient, 3) END AS recipient_id,
     toLower(trim($recipient)) AS r0
WITH funder_id, recipient_id,
     CASE WHEN f0 STARTS WITH 'the ' THEN substring(f0, 4) ELSE f0 END AS fk,
     CASE WHEN r0 STARTS WITH 'the ' THEN substring(r0, 4) ELSE r0 END AS rk
WITH funder_id, recipient_id,
     [fk, 'the ' + fk, replace(fk, '’', "'"), 'the ' + replace(fk, '’', "'"),
      replace(fk, "'", '’'), 'the ' + replace(fk, "'", '’')] AS funder_keys,
     [rk, 'the ' + rk, replace(rk, '’', "'"), 'the ' + replace(rk, '’', "'"),
      replace(rk, "'", '’'), 'the ' + replace(rk, "'", '’')] AS recipient_keys
MATCH (f)-[r:FUNDS]->(x)
WHERE ($funder IS NULL
       OR f.id = funder_id
       OR (funder_id IS NULL AND (toLower(f.name) IN funder_keys
           OR any(al IN coalesce(f.aliases, []) WHERE toLower(al) IN funder_keys))))
  AND ($recipient IS NULL
       OR x.id = recipient_id
       OR (recipient_id IS NULL AND (toLower(x.name) IN recipient_keys
           OR any(al IN coalesce(x.aliases, []) WHERE toLower(al) IN recipient_keys))))
  AND ($min_amount IS NULL OR r.amount_gbp >= $min_amount)
RETURN f.name AS funder, x.name AS recipient, labels(x)[0] AS recipient_type,
       CASE WHEN r.amount_gbp = toInteger(r.amount_gbp) THEN toInteger(r.amount_gbp) ELSE r.amount_gbp END AS amount_gbp,
       r.period AS period, r.date AS date, r.evidence_quotes[0] AS quote, r.evidence_docs[0] AS document
ORDER BY coalesce(amount_gbp, -1) DESC, funder, recipient, coalesce(date, '')
