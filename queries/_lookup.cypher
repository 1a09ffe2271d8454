// fragment: lookup
// description: The nodes an actor parameter names, as a list (empty when the parameter is null).
// takes: $actor
// gives: actors
//
// A question includes it once per actor parameter: `// include: lookup $funder AS funders` puts
// this Cypher first, with `$actor` renamed `$funder` and `actors` renamed `funders`.
// `id:<node id>`, what `civicgraph ask` and `export --query` pass once queries/resolve.py has
// settled a name on one node, is looked up by id under every label but Document: an index seek
// each, because neither engine uses an index for a node whose label is not given (the list of
// labels is graph/schema.py's; a test checks they agree). Anything else is a name as typed in the
// Neo4j Browser: compared with every node's name and aliases, ignoring case, a leading "the" and
// the kind of apostrophe; where a name is shared it finds several nodes.
WITH CASE WHEN $actor STARTS WITH 'id:' THEN substring($actor, 3) END AS lookup_id,
     toLower(trim($actor)) AS lookup_typed
WITH lookup_id,
     CASE WHEN lookup_typed STARTS WITH 'the ' THEN substring(lookup_typed, 4) ELSE lookup_typed END AS lookup_name
WITH lookup_id, [lookup_name, 'the ' + lookup_name,
                 replace(lookup_name, '’', "'"), 'the ' + replace(lookup_name, '’', "'"),
                 replace(lookup_name, "'", '’'), 'the ' + replace(lookup_name, "'", '’')] AS lookup_keys
OPTIONAL MATCH (named) WHERE $actor IS NOT NULL AND lookup_id IS NULL AND NOT named:Document
  AND (toLower(named.name) IN lookup_keys
       OR any(other_name IN coalesce(named.aliases, []) WHERE toLower(other_name) IN lookup_keys))
WITH lookup_id, collect(named) AS by_name
OPTIONAL MATCH (n1:Person {id: lookup_id})
OPTIONAL MATCH (n2:Organization {id: lookup_id})
OPTIONAL MATCH (n3:Post {id: lookup_id})
OPTIONAL MATCH (n4:Inquiry {id: lookup_id})
OPTIONAL MATCH (n5:Programme {id: lookup_id})
OPTIONAL MATCH (n6:Motion {id: lookup_id})
OPTIONAL MATCH (n7:Question {id: lookup_id})
OPTIONAL MATCH (n8:Meeting {id: lookup_id})
OPTIONAL MATCH (n9:Statement {id: lookup_id})
WITH by_name + [n IN [n1, n2, n3, n4, n5, n6, n7, n8, n9] WHERE n IS NOT NULL] AS actors
