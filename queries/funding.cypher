// name: funding
// description: Who funds whom or what: amounts, periods and dates, with the quote that says so.
// param: funder actor example="Sadiq Khan" -- only money from this actor
// param: recipient actor example="MOPAC" -- only money to this actor, programme or body
// param: min_amount float example=100000 -- only amounts of at least this many pounds
// returns: funder, recipient, recipient_type, amount_gbp, period, date, quote, document
//
// One row per FUNDS relationship (the same funding stated in several documents is one row;
// `evidence` lists every quote). Amounts are pounds as stated; no amount means none was stated.
// An actor given as id:<node id> (what `civicgraph ask` passes) is looked up by id under each
// label, an index seek each; a name typed in the Neo4j Browser is compared with every node's
// name and aliases. Facts are then found from the actor's own relationships, not by scanning all.
WITH CASE WHEN $funder STARTS WITH 'id:' THEN substring($funder, 3) END AS funder_id,
     toLower(trim($funder)) AS funder0
WITH funder_id, CASE WHEN funder0 STARTS WITH 'the ' THEN substring(funder0, 4) ELSE funder0 END AS funder_k
WITH funder_id, [funder_k, 'the ' + funder_k, replace(funder_k, '’', "'"), 'the ' + replace(funder_k, '’', "'"),
     replace(funder_k, "'", '’'), 'the ' + replace(funder_k, "'", '’')] AS funder_keys
OPTIONAL MATCH (named) WHERE $funder IS NOT NULL AND funder_id IS NULL AND NOT named:Document
  AND (toLower(named.name) IN funder_keys OR any(al IN coalesce(named.aliases, []) WHERE toLower(al) IN funder_keys))
WITH funder_id, collect(named) AS by_name
OPTIONAL MATCH (n1:Person {id: funder_id})
OPTIONAL MATCH (n2:Organization {id: funder_id})
OPTIONAL MATCH (n3:Post {id: funder_id})
OPTIONAL MATCH (n4:Inquiry {id: funder_id})
OPTIONAL MATCH (n5:Programme {id: funder_id})
OPTIONAL MATCH (n6:Motion {id: funder_id})
OPTIONAL MATCH (n7:Question {id: funder_id})
OPTIONAL MATCH (n8:Meeting {id: funder_id})
OPTIONAL MATCH (n9:Statement {id: funder_id})
WITH by_name + [n IN [n1, n2, n3, n4, n5, n6, n7, n8, n9] WHERE n IS NOT NULL] AS funders
WITH CASE WHEN $recipient STARTS WITH 'id:' THEN substring($recipient, 3) END AS recipient_id,
     toLower(trim($recipient)) AS recipient0, funders
WITH recipient_id, CASE WHEN recipient0 STARTS WITH 'the ' THEN substring(recipient0, 4) ELSE recipient0 END AS recipient_k, funders
WITH recipient_id, [recipient_k, 'the ' + recipient_k, replace(recipient_k, '’', "'"), 'the ' + replace(recipient_k, '’', "'"),
     replace(recipient_k, "'", '’'), 'the ' + replace(recipient_k, "'", '’')] AS recipient_keys, funders
OPTIONAL MATCH (named) WHERE $recipient IS NOT NULL AND recipient_id IS NULL AND NOT named:Document
  AND (toLower(named.name) IN recipient_keys OR any(al IN coalesce(named.aliases, []) WHERE toLower(al) IN recipient_keys))
WITH recipient_id, collect(named) AS by_name, funders
OPTIONAL MATCH (n1:Person {id: recipient_id})
OPTIONAL MATCH (n2:Organization {id: recipient_id})
OPTIONAL MATCH (n3:Post {id: recipient_id})
OPTIONAL MATCH (n4:Inquiry {id: recipient_id})
OPTIONAL MATCH (n5:Programme {id: recipient_id})
OPTIONAL MATCH (n6:Motion {id: recipient_id})
OPTIONAL MATCH (n7:Question {id: recipient_id})
OPTIONAL MATCH (n8:Meeting {id: recipient_id})
OPTIONAL MATCH (n9:Statement {id: recipient_id})
WITH by_name + [n IN [n1, n2, n3, n4, n5, n6, n7, n8, n9] WHERE n IS NOT NULL] AS recipients, funders
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
