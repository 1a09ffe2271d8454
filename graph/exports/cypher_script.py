"""A Cypher script of parameter-free MERGE statements that recreates a subgraph elsewhere.

`cypher-shell -a bolt://... < subgraph.cypher` loads it into any Neo4j 5; it also runs on
FalkorDB. One statement a line, each ending with ';': nodes first (MERGE by label and id),
then relationships (MATCH both ends by label and id, MERGE by type and key), so re-running
the script changes nothing. Labels and types come only from graph/schema.py's whitelist.

String literals use only the escapes both engines decode (\\\\ \\' \\n \\r \\t \\b \\f);
other characters, unicode and control characters included, are written as they are, since
FalkorDB does not decode \\uXXXX. A NUL character or a non-finite float cannot be written.
"""

from __future__ import annotations

import math
import re
from typing import IO, Any

from graph.exports.streams import text_stream
from graph.schema import SchemaError, check_label, check_rel_type, neo4j_schema_statements
from graph.subgraph import SubgraphSource, SubNode, SubRel

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_NEEDS_ESCAPE = re.compile("[\\\\'\n\r\t\b\f]")


class CypherExportError(ValueError):
    """A value that no Cypher literal can carry (NUL, NaN, infinity, nested collections)."""


def string_literal(text: str) -> str:
    if "\x00" in text:
        raise CypherExportError("a string with a NUL character cannot be written as a Cypher literal")
    return "'" + _NEEDS_ESCAPE.sub(lambda m: _ESCAPES[m.group(0)], text) + "'"


def literal(value: Any, *, nested: bool = False) -> str:
    """A Cypher literal for a property value: string, number, boolean or a list of those."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise CypherExportError(f"the number {value} cannot be written as a Cypher literal")
        return repr(value)
    if isinstance(value, str):
        return string_literal(value)
    if isinstance(value, list | tuple) and not nested:
        return "[" + ", ".join(literal(v, nested=True) for v in value) + "]"
    raise CypherExportError(f"a property value of type {type(value).__name__} cannot be a Cypher property")


def name(identifier: str) -> str:
    """A property key: bare when it is a plain identifier, else back-quoted."""
    if _IDENT.match(identifier):
        return identifier
    return "`" + identifier.replace("`", "``") + "`"


def _map(props: dict[str, Any]) -> str:
    items = [f"{name(k)}: {literal(v)}" for k, v in sorted(props.items()) if v is not None]
    return "{" + ", ".join(items) + "}"


def _label(label: str) -> str:
    try:
        return check_label(label)
    except SchemaError as exc:
        raise CypherExportError(f"cannot export node label {label!r}: {exc}") from exc


def node_statement(node: SubNode) -> str:
    labels = [_label(lab) for lab in node.labels] or [_label(node.label)]
    primary = node.label if node.label in labels else labels[0]
    extra = "".join(f":{lab}" for lab in labels if lab != primary)
    statement = f"MERGE (n:{primary} {{id: {string_literal(node.id)}}})"
    props = {k: v for k, v in node.props.items() if v is not None}
    if props:
        statement += f" SET n += {_map(props)}"
    if extra:
        statement += f" SET n{extra}"
    return statement + ";"


def rel_statement(rel: SubRel) -> str:
    rel_type = check_rel_type(rel.type)
    src = f"(a:{_label(rel.src_label)} {{id: {string_literal(rel.src)}}})"
    dst = f"(b:{_label(rel.dst_label)} {{id: {string_literal(rel.dst)}}})"
    statement = f"MATCH {src}, {dst} MERGE (a)-[r:{rel_type} {{key: {string_literal(rel.key)}}}]->(b)"
    props = {k: v for k, v in rel.props.items() if v is not None}
    if props:
        statement += f" SET r += {_map(props)}"
    return statement + ";"


HEADER = (
    "// civicgraph subgraph export: MERGE statements, one per line, nodes then relationships.\n"
    "// Load into Neo4j 5 with: cypher-shell -a bolt://localhost:7687 -u neo4j < FILE\n"
    "// Large scripts run much faster on Neo4j with the schema civicgraph's Neo4j backend creates\n"
    "// (the same constraints, so a later `civicgraph load` into this database still works):\n"
    + "".join(f"//   {statement};\n" for statement in neo4j_schema_statements())
)


def write_cypher(sub: SubgraphSource, out: IO[bytes]) -> None:
    with text_stream(out) as text:
        text.write(HEADER)
        for node in sub.nodes():
            text.write(node_statement(node) + "\n")
        for rel in sub.rels():
            text.write(rel_statement(rel) + "\n")


def statements(script: str) -> list[str]:
    """The statements of a script written by `write_cypher` (comments and blank lines left out)."""
    return [line for line in script.split("\n") if line.strip() and not line.startswith("//")]
