// Neo4j's Cypher front end over statements: reads [{"name", "cypher", "parameters"}] as JSON on
// stdin and prints [{"name", "diagnostics": [{"severity", "message", "line", "column"}]}].
// 2.0.0-next.20 is the last release that runs on Node 18 and 20 (later ones need Node 22 or 24).
const { lintCypherQuery } = require('@neo4j-cypher/language-support');

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  input += chunk;
});
process.stdin.on('end', () => {
  const results = JSON.parse(input).map(({ name, cypher, parameters }) => ({
    name,
    diagnostics: lintCypherQuery(cypher, { parameters: parameters || {} }).map((d) => ({
      severity: SEVERITY[d.severity] || String(d.severity),
      message: d.message,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
    })),
  }));
  process.stdout.write(JSON.stringify(results));
});
