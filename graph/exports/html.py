"""One self-contained HTML file that draws the subgraph offline with Cytoscape.js.

The library (graph/vendor/cytoscape.min.js, MIT, its licence beside it) and the data are inlined:
the page loads nothing from the network. The data sits in a <script type="application/json">
element with every '<', '>' and '&' written as a JSON \\u escape, so no text from a document
can close the element or open a comment; the page shows names and quotes with textContent, never
as HTML.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from importlib import resources
from typing import IO, Any

from graph.exports.json_formats import cytoscape_elements
from graph.exports.values import LIST_SEPARATOR
from graph.schema import NODE_LABELS
from graph.subgraph import SubgraphSource

# Okabe-Ito's colour-blind-friendly palette, then Tableau's, in schema label order.
_PALETTE = (
    "#E69F00",  # Person: orange
    "#56B4E9",  # Organization: sky blue
    "#009E73",  # Post: green
    "#F0E442",  # Inquiry: yellow
    "#D55E00",  # Programme: vermillion
    "#0072B2",  # Motion: blue
    "#CC79A7",  # Question: pink
    "#999999",  # Meeting: grey
    "#8C564B",  # Statement: brown
    "#BCBD22",  # Document: olive
    "#17BECF",
    "#AEC7E8",
)
LABEL_COLOURS = {label: _PALETTE[i % len(_PALETTE)] for i, label in enumerate(NODE_LABELS)}
OTHER_COLOUR = "#666666"

# Force-directed layout up to this many nodes; a faster concentric layout beyond.
FORCE_LAYOUT_MAX_NODES = 1500
_PLACEHOLDER = re.compile(r"__(TITLE|DATA|LIBRARY)__")


def _library() -> str:
    js = resources.files("graph").joinpath("vendor/cytoscape.min.js").read_text(encoding="utf-8")
    return js.replace("</script", "<\\/script").replace("<!--", "<\\!--")


def _template() -> str:
    return resources.files("graph.exports").joinpath("view.html").read_text(encoding="utf-8")


def json_for_script(data: Any) -> str:
    """JSON that is safe inside <script>: no '<', '>' or '&' characters left in it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page_data(sub: SubgraphSource) -> dict[str, Any]:
    """Cytoscape elements plus what the page needs: colours, short labels, legend, layout."""
    elements = cytoscape_elements(sub)["elements"]
    counts: Counter[str] = Counter()
    for node in elements["nodes"]:
        data = node["data"]
        data["color"] = LABEL_COLOURS.get(data.get("type", ""), OTHER_COLOUR)
        name = " ".join(str(data.get("name") or data["id"]).split())
        data["short"] = name if len(name) <= 40 else name[:38] + "…"
        counts[data.get("type", "")] += 1
    order = [lab for lab in LABEL_COLOURS if lab in counts] + sorted(set(counts) - set(LABEL_COLOURS))
    legend = [
        {
            "label": label,
            "title": label or "(none)",
            "color": LABEL_COLOURS.get(label, OTHER_COLOUR),
            "count": counts[label],
        }
        for label in order
    ]
    if len(elements["nodes"]) <= FORCE_LAYOUT_MAX_NODES:
        layout = {
            "name": "cose",
            "animate": False,
            "randomize": True,
            "nodeRepulsion": 400000,
            "idealEdgeLength": 110,
            "edgeElasticity": 100,
            "nodeOverlap": 20,
            "gravity": 60,
            "numIter": 1000,
            "padding": 40,
        }
    else:
        layout = {"name": "concentric", "animate": False, "minNodeSpacing": 8, "padding": 30}
    return {"elements": elements, "legend": legend, "layout": layout, "separator": LIST_SEPARATOR}


def render_html(sub: SubgraphSource, title: str = "civicgraph") -> str:
    values = {"TITLE": html.escape(title), "DATA": json_for_script(page_data(sub)), "LIBRARY": _library()}
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], _template())


def write_html(sub: SubgraphSource, out: IO[bytes], title: str = "civicgraph") -> None:
    out.write(render_html(sub, title).encode("utf-8"))
