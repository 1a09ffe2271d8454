"""Latency of the canned questions (queries/*.cypher) on the embedded store, at two sizes.

    .venv/bin/python bench/bench_queries.py                        # samples + 1M relationships
    .venv/bin/python bench/bench_queries.py --rels 200000 --reps 20
    .venv/bin/python bench/bench_queries.py --keep /tmp/cg-1m      # build once, reuse the store
    .venv/bin/python bench/bench_queries.py --skip-samples --out bench/results/queries.json

Two graphs, each in a fresh embedded FalkorDB (a temp folder unless --keep):

- samples: examples/london loaded by the real pipeline (loaders.pipeline.load_paths); every
  question runs with the example parameters of its header.
- generated: --rels relationships (default 1,000,000) with the shape of a big corpus, written
  with Store.upsert in big batches (graph.facts.Batch rows): a few thousand actors (people,
  organisations, posts) whose degrees follow a power law, programmes and inquiries, asks and
  replies with dates and `day`, funding with amounts, an oversight hierarchy (a DAG with a few
  mutual-oversight cycles), statements, reactions, commitments, and documents that mention what
  they talk about; every fact carries 1-3 pieces of evidence. Each question then runs twice: with
  a mid-degree actor and with a hub (the highest-degree actor), other parameters as in its
  header's examples.

Every measured call is what `civicgraph ask` does: Question.bind (types), resolve_params (names
to ids, queries/resolve.py) and the office-holder note of cli/ask.py, then Store.run of the
question's Cypher. The report gives p50/p95 of the whole call and of the store query alone, the
rows returned, and whether p95 meets the target (50 ms). Each case gets --warmup unmeasured runs
first, then --reps measured runs, or fewer when it exhausts --budget seconds (at least
--min-reps). The machine may be shared: p95 over few runs picks up other processes' bursts.

Comparisons, in the same run and on the same store (rows checked equal): name resolution as a
scan of every node with toLower() on names and aliases (what resolve.py did first) against the
index lookup on the `_search_keys` the store now writes; who-was-asked written as a scan of every
ASKED relationship (as it was first written) against the file that starts from the actor.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import os
import platform
import random
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.facts import Batch  # noqa: E402
from graph.store import Store, open_store  # noqa: E402
from queries.catalog import Question, load_catalog  # noqa: E402
from queries.resolve import prepare  # noqa: E402

TARGET_MS = 50.0
GRAPH_VERSION = 2  # 2: nodes carry the search keys graph/upsert.py writes
EXAMPLES = ROOT / "examples" / "london"

# --- the generated graph --------------------------------------------------------------------------

FIRST = (
    "Amara Ben Chloe Daniel Elif Farah George Hannah Imran Jade Kwame Leila Marcus Nadia Oliver Priya "
    "Quentin Rosa Samir Tara Umar Vera William Xena Yusuf Zoe Aaron Bella Caleb Dora Ethan Fiona Gareth "
    "Helen Isaac Julia Karim Lucy Mohammed Nina Owen Paula Rhys Sophie Tomas Una Victor Wendy Yasmin Zak"
).split()
LAST = (
    "Abbott Bailey Carter Dawson Ellis Fletcher Grant Hughes Ingram Jones Khan Lewis Morgan Nash Okafor "
    "Patel Quinn Reid Shah Turner Underwood Vaughan Walsh Young Zaman Ahmed Brooks Clarke Doyle Evans "
    "Foster Gill Hall Iqbal James Kelly Lowe Mills Norris Owens Price Rahman Singh Taylor Usman Vance "
    "Ward Yates Zielinski Archer Bishop Chowdhury Dixon Edwards Field Green Harris Islam Jenkins Knight "
    "Lane Marsh Newman Osei Parker Roberts Scott Thomas Upton Vincent Watson Adams Barnes Cooper Davies "
    "Eastwood Francis Gordon Holmes Irving Jordan Kemp Lloyd Murphy Nolan Oakley Palmer Russell Stone "
    "Todd Usher Varga Wilson Ayoub Boateng"
).split()
PLACES = (
    "Barking Barnet Bexley Brent Bromley Camden Croydon Ealing Enfield Greenwich Hackney Hammersmith "
    "Haringey Harrow Havering Hillingdon Hounslow Islington Kensington Kingston Lambeth Lewisham Merton "
    "Newham Redbridge Richmond Southwark Sutton Tower-Hamlets Waltham-Forest Wandsworth Westminster City"
).split()
TOPICS = (
    "Policing Housing Transport Health Education Youth Violence Air-Quality Planning Fire Safety Culture "
    "Skills Employment Homelessness Childcare Climate Energy Water Flooding Digital Cyber Victims Stalking "
    "Knife-Crime Drugs Mental-Health Social-Care Licensing Night-Time Tourism Budget Audit Procurement "
    "Equalities Sport Libraries Parks Roads Buses Cycling Rail Airports"
).split()
KINDS = (
    "Board Committee Partnership Trust Authority Commission Council Service Unit Panel Forum Agency Office "
    "Directorate Network Alliance"
).split()
WORDS = (
    "the mayor said police funding inquiry london housing transport review budget motion letter "
    "assembly victims support plan service failure delay report crisis confidence officers boroughs "
    "safety community welcome criticise commitment increase decrease pounds million package programme "
    "scrutiny oversight answer question reply late urgent vital unacceptable progress promise target"
).split()


def _hex(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()


class Generator:
    """A synthetic corpus graph of about `rels` relationships (deterministic for a seed).

    Actors get power-law weights (rank r has weight 1/(r+1)^alpha), so a few hubs take part in a
    large share of the facts and most actors in a handful, like the Mayor, the Met and the
    Assembly against a borough councillor. Only the shape is real: names are made up."""

    def __init__(self, rels: int, *, actors: int = 5000, seed: int = 7, alpha: float = 1.0) -> None:
        self.rng = random.Random(seed)
        self.total = rels
        scale = rels / 1_000_000
        self.n_actors = actors
        self.n_programmes = max(50, int(2000 * min(1.0, scale * 4)))
        self.n_inquiries = max(20, int(500 * min(1.0, scale * 4)))
        self.n_docs = max(100, int(25_000 * scale))
        self.alpha = alpha
        self.actors: list[dict[str, Any]] = []
        self.programmes: list[dict[str, Any]] = []
        self.inquiries: list[dict[str, Any]] = []
        self.degree: Counter[str] = Counter()
        self.partner: dict[tuple[str, str], str] = {}  # (actor id, type) -> a node it relates to
        self.counts: Counter[str] = Counter()
        self._key = 0
        self._make_nodes()
        weights = [1.0 / (i + 1) ** alpha for i in range(self.n_actors)]
        self.cum = list(_accumulate(weights))
        pweights = [1.0 / (i + 1) ** 0.8 for i in range(self.n_programmes)]
        self.pcum = list(_accumulate(pweights))

    # nodes -----------------------------------------------------------------------------------------

    def _make_nodes(self) -> None:
        rng = self.rng
        people = [f"{f} {s}" for s in LAST for f in FIRST]
        rng.shuffle(people)
        orgs = [f"{p} {t} {k}" for p in PLACES for t in TOPICS for k in KINDS]
        rng.shuffle(orgs)
        posts = [f"{k} {t}" for k in ("Deputy Mayor for", "Commissioner for", "Director of", "Chair of")
                 for t in TOPICS] + [f"Leader of {p} Council" for p in PLACES]  # fmt: skip
        rng.shuffle(posts)
        pi = oi = si = 0
        used_aliases: set[str] = set()
        for rank in range(self.n_actors):
            roll = rng.random()
            if rank < 3 or (roll < 0.30 and oi < len(orgs)):
                label, name = "Organization", orgs[oi]
                oi += 1
                initials = "".join(w[0] for w in name.replace("-", " ").split()).upper()
                aliases = ["the " + name]
                if initials not in used_aliases:  # keep abbreviations unique: an ambiguous one fails
                    used_aliases.add(initials)
                    aliases.append(initials)
            elif roll < 0.36 and si < len(posts):
                label, name = "Post", posts[si]
                si += 1
                aliases = ["the " + name]
            else:
                label, name = "Person", people[pi]
                pi += 1
                aliases = [name + " AM"] if rng.random() < 0.2 else []
            self.actors.append(
                {"label": label, "id": "actor-" + _slugish(name), "name": name, "aliases": aliases}
            )
        for i in range(self.n_programmes):
            name = f"{rng.choice(PLACES)} {rng.choice(TOPICS)} Programme {i}"
            self.programmes.append(
                {"label": "Programme", "id": f"programme-{i}", "name": name, "aliases": []}
            )
        for i in range(self.n_inquiries):
            name = f"Inquiry into {rng.choice(TOPICS)} in {rng.choice(PLACES)} ({2010 + i % 16})"
            self.inquiries.append({"label": "Inquiry", "id": f"inquiry-{i}", "name": name, "aliases": []})

    def node_rows(self) -> list[dict[str, Any]]:
        rows = []
        for node in self.actors + self.programmes + self.inquiries:
            props: dict[str, Any] = {"name": node["name"]}
            if node["aliases"]:
                props["aliases"] = node["aliases"]
            rows.append({"label": node["label"], "id": node["id"], "props": props})
        for i in range(self.n_docs):
            year = 2016 + i % 11
            rows.append({
                "label": "Document", "id": _hex("doc", i),
                "props": {"name": f"doc-{i:06d}.txt", "genre": ("letter", "news", "press_release", "question_answer")[i % 4],
                          "title": f"Document {i}", "date": f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                          "loaded": True, "chars": 5000 + i % 20000},
            })  # fmt: skip
        return rows

    # sampling ---------------------------------------------------------------------------------------

    def actor(self) -> dict[str, Any]:
        return self.actors[_pick(self.rng, self.cum)]

    def programme(self) -> dict[str, Any]:
        return self.programmes[_pick(self.rng, self.pcum)]

    def date(self, lo: int = 16_800, hi: int = 20_630) -> tuple[str, int]:
        day = self.rng.randrange(lo, hi)
        return (dt.date(1970, 1, 1) + dt.timedelta(days=day)).isoformat(), day

    def evidence(self, n: int | None = None) -> list[dict[str, Any]]:
        rng = self.rng
        out = []
        for _ in range(n or rng.choice((1, 1, 1, 2, 2, 3))):
            doc = rng.randrange(self.n_docs)
            start = rng.randrange(0, 20_000)
            quote = " ".join(rng.choices(WORDS, k=rng.randrange(8, 24)))
            doc_id = _hex("doc", doc)
            out.append({"key": f"{doc_id}:{start}:{start + len(quote)}", "doc": f"doc-{doc:06d}.txt",
                        "doc_id": doc_id, "quote": quote, "start": start, "end": start + len(quote)})  # fmt: skip
        return out

    def rel(self, rtype: str, src: dict[str, Any], dst: dict[str, Any], props: dict[str, Any],
            evidence: bool = True) -> dict[str, Any]:  # fmt: skip
        self._key += 1
        self.counts[rtype] += 1
        if rtype != "MENTIONS":
            self.degree[src["id"]] += 1
            self.degree[dst["id"]] += 1
            self.partner[(src["id"], rtype)] = dst["name"]
            self.partner[(dst["id"], "~" + rtype)] = src["name"]
        return {
            "type": rtype, "key": f"k{self._key:08d}", "src": src["id"], "src_label": src["label"],
            "dst": dst["id"], "dst_label": dst["label"], "props": props,
            "evidence": self.evidence() if evidence else [],
        }  # fmt: skip

    # relationships -----------------------------------------------------------------------------------

    def batches(self, size: int) -> Iterator[Batch]:
        """Node rows first, then relationships in batches of `size` (with their Statement nodes)."""
        nodes = self.node_rows()
        for start in range(0, len(nodes), size):
            yield Batch(nodes=nodes[start : start + size])
        rels: list[dict[str, Any]] = []
        extra: list[dict[str, Any]] = []
        for rel, node in self._rels():
            rels.append(rel)
            if node is not None:
                extra.append(node)
            if len(rels) >= size:
                yield Batch(nodes=extra, rels=rels)
                rels, extra = [], []
        if rels:
            yield Batch(nodes=extra, rels=rels)

    def _rels(self) -> Iterator[tuple[dict[str, Any], dict[str, Any] | None]]:
        rng = self.rng
        n = self.total
        share = {"ASKED": 0.18, "FUNDS": 0.10, "SAID": 0.10, "REACTIONS": 0.05, "COMMITTED_TO": 0.03,
                 "MEMBER_OF": 0.02, "OTHER": 0.02}  # fmt: skip
        # the oversight hierarchy: levels by rank, each actor overseen by one or two of the level above
        bounds = [0, 8, 60, 400, 1500, self.n_actors]
        level_of = [next(lv for lv in range(5) if r < bounds[lv + 1]) for r in range(self.n_actors)]
        for r in range(bounds[1], self.n_actors):
            up_lo, up_hi = bounds[level_of[r] - 1], bounds[level_of[r]]
            for parent in {rng.randrange(up_lo, up_hi) for _ in range(1 if rng.random() < 0.7 else 2)}:
                yield self.rel("OVERSEES", self.actors[parent], self.actors[r], {}), None
        for _ in range(max(3, self.n_actors // 250)):  # mutual oversight between siblings: cycles
            lv = rng.randrange(2, 5)
            a, b = rng.sample(range(bounds[lv], bounds[lv + 1]), 2)
            yield self.rel("OVERSEES", self.actors[a], self.actors[b], {}), None
            yield self.rel("OVERSEES", self.actors[b], self.actors[a], {}), None
        people = [a for a in self.actors if a["label"] == "Person"]
        posts = [a for a in self.actors if a["label"] == "Post"]
        for post in posts:
            holder = people[_pick(rng, self.cum) % len(people)]
            yield self.rel("HOLDS_OFFICE", holder, post, {"start": self.date()[0]}), None
        # asks and replies
        for i in range(int(n * share["ASKED"])):
            asker, asked = self.actor(), self.actor()
            if asker is asked:
                continue
            about = (f"Motion {i % 40 + 1}.{i % 7} – {rng.choice(TOPICS)} in {rng.choice(PLACES)}" if i % 3 == 0
                     else f"Question {2016 + i % 11}/{i:06d} – {rng.choice(TOPICS)}")  # fmt: skip
            date, day = self.date()
            props: dict[str, Any] = {"about": about}
            if rng.random() < 0.9:
                props.update(date=date, day=day)
            elif rng.random() < 0.8:
                props["date"] = date[:7]
            yield self.rel("ASKED", asker, asked, props), None
            if rng.random() < 0.7:
                wait = int(rng.lognormvariate(3.4, 0.9)) + 1  # median ~30 days, a long tail
                rdate, rday = (dt.date(1970, 1, 1) + dt.timedelta(days=day + wait)).isoformat(), day + wait
                rprops: dict[str, Any] = {"date": rdate, "day": rday}
                if rng.random() < 0.8:
                    rprops["about"] = about
                yield self.rel("REPLIED_TO", asked, asker, rprops), None
        # money
        for _ in range(int(n * share["FUNDS"])):
            funder = self.actor()
            recipient = self.programme() if rng.random() < 0.6 else self.actor()
            if recipient is funder:
                continue
            props = {"amount_gbp": float(round(math.exp(rng.uniform(9, 18)), -3))}
            if rng.random() < 0.3:
                props["period"] = "per year"
            if rng.random() < 0.8:
                props["date"], props["day"] = self.date()
            yield self.rel("FUNDS", funder, recipient, props), None
        for _ in range(int(n * share["COMMITTED_TO"])):
            actor, target = self.actor(), self.programme()
            props = {"text": "commit to " + " ".join(rng.choices(WORDS, k=6))}
            if rng.random() < 0.5:
                props["amount_gbp"] = float(round(math.exp(rng.uniform(10, 17)), -3))
            if rng.random() < 0.5:
                props["due"] = f"{rng.randrange(2024, 2030)}-{rng.randrange(1, 13):02d}"
            if rng.random() < 0.5:
                props["date"], props["day"] = self.date()
            yield self.rel("COMMITTED_TO", actor, target, props), None
        # statements, one Statement node each
        for i in range(int(n * share["SAID"])):
            speaker = self.actor()
            text = " ".join(rng.choices(WORDS, k=rng.randrange(5, 30)))
            statement = {"label": "Statement", "id": f"statement-{i:07d}", "name": text[:80], "aliases": []}
            props = {}
            if rng.random() < 0.8:
                props["date"], props["day"] = self.date()
            node = {"label": "Statement", "id": statement["id"], "props": {"name": text[:80], "text": text}}
            yield self.rel("SAID", speaker, statement, props), node
        for _ in range(int(n * share["REACTIONS"])):
            actor = self.actor()
            target = self.programme() if rng.random() < 0.5 else self.actor()
            if target is actor:
                continue
            props = {}
            if rng.random() < 0.7:
                props["date"], props["day"] = self.date()
            yield self.rel(rng.choice(("CRITICISED", "WELCOMED")), actor, target, props), None
        for _ in range(int(n * share["MEMBER_OF"])):
            member = people[_pick(rng, self.cum) % len(people)]
            body = self.actor()
            if body["label"] != "Organization":
                continue
            yield self.rel("MEMBER_OF", member, body, {"role": "member"}), None
        for _ in range(int(n * share["OTHER"])):
            rtype = rng.choice(("COMMISSIONED", "REVIEWS", "LEADS", "ESTABLISHED", "PARTNERS_WITH", "CHAIRS"))
            actor = self.actor()
            if rtype == "CHAIRS":
                actor = people[_pick(rng, self.cum) % len(people)]
            target = (
                self.inquiries[rng.randrange(self.n_inquiries)] if rtype != "PARTNERS_WITH" else self.actor()
            )
            if target is actor:
                continue
            props = {}
            if rtype in ("COMMISSIONED", "REVIEWS", "ESTABLISHED") and rng.random() < 0.6:
                props["date"], props["day"] = self.date()
            yield self.rel(rtype, actor, target, props), None
        # documents mention what they talk about, until the total is reached
        written = sum(self.counts.values())
        mentions = max(0, n - written)
        for i in range(mentions):
            doc = {"label": "Document", "id": _hex("doc", i % self.n_docs)}
            roll = rng.random()
            if roll < 0.75:
                target = self.actor()
            elif roll < 0.95:
                target = self.programme()
            else:
                target = self.inquiries[rng.randrange(self.n_inquiries)]
            yield self.rel("MENTIONS", doc, target, {}, evidence=False), None

    def pick_actors(self) -> dict[str, dict[str, Any]]:
        """The hub (highest degree) and a mid-degree actor (the median degree of the actors that
        take part in any fact)."""
        ranked = sorted(
            (a for a in self.actors if self.degree[a["id"]] > 0),
            key=lambda a: (-self.degree[a["id"]], a["id"]),
        )
        hub = ranked[0]
        mid = ranked[len(ranked) // 2]  # the median degree
        return {
            "hub": hub | {"degree": self.degree[hub["id"]]},
            "mid": mid | {"degree": self.degree[mid["id"]]},
        }


def _accumulate(weights: list[float]) -> Iterator[float]:
    total = 0.0
    for w in weights:
        total += w
        yield total


def _pick(rng: random.Random, cum: list[float]) -> int:
    import bisect

    return min(len(cum) - 1, bisect.bisect_right(cum, rng.random() * cum[-1]))


def _slugish(name: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")


def build(store: Store, gen: Generator, batch_size: int, log: Callable[[str], None]) -> dict[str, Any]:
    """Write the generated graph through Store.upsert; returns counts and timings."""
    started = time.perf_counter()
    store.ensure_schema()
    written = 0
    for batch in gen.batches(batch_size):
        store.upsert(batch)
        written += len(batch.rels)
        if batch.rels and written % (batch_size * 10) < batch_size:
            log(f"  {written:,} relationships in {time.perf_counter() - started:.0f} s")
    seconds = time.perf_counter() - started
    return {
        "relationships": written,
        "seconds": round(seconds, 1),
        "by_type": dict(sorted(gen.counts.items())),
    }


# --- measuring ------------------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def ask_once(store: Store, question: Question, raw: dict[str, str]) -> tuple[float, float, int]:
    """One `civicgraph ask`: prepare (types, names to ids, offices to holders), run.
    Returns (total ms, query ms, rows)."""
    t0 = time.perf_counter()
    bound = prepare(store, question, raw).params
    t1 = time.perf_counter()
    rows = store.run(question.cypher, bound)
    t2 = time.perf_counter()
    return (t2 - t0) * 1000, (t2 - t1) * 1000, len(rows)


def measure(
    store: Store, question: Question, raw: dict[str, str], args: argparse.Namespace
) -> dict[str, Any]:
    """p50/p95 of the whole call and of the store query alone over repeated runs."""
    result: dict[str, Any] = {"params": raw}
    totals: list[float] = []
    queries: list[float] = []
    rows = 0
    try:
        for _ in range(args.warmup):
            ask_once(store, question, raw)
        started = time.perf_counter()
        while len(totals) < args.reps:
            total, query, rows = ask_once(store, question, raw)
            totals.append(total)
            queries.append(query)
            if len(totals) >= args.min_reps and time.perf_counter() - started > args.budget:
                break
    except Exception as exc:  # noqa: BLE001 - a failing question is a result too
        result["error"] = f"{type(exc).__name__}: {str(exc)[:200]}"
        if not totals:
            return result
    result.update(
        runs=len(totals),
        rows=rows,
        p50_ms=round(percentile(totals, 50), 1),
        p95_ms=round(percentile(totals, 95), 1),
        query_p50_ms=round(percentile(queries, 50), 1),
        query_p95_ms=round(percentile(queries, 95), 1),
        resolve_p50_ms=round(percentile([t - q for t, q in zip(totals, queries, strict=True)], 50), 1),
    )
    result["meets_target"] = result["p95_ms"] < TARGET_MS
    return result


def generated_params(
    question: Question, gen: Generator, who: dict[str, Any], other: dict[str, Any]
) -> dict[str, str]:
    """The header's examples, with every actor parameter pointed at the generated graph: the
    first at `who` (by name, so resolution is part of the call), the second at a node `who`
    really relates to (funding: a recipient it funds; evidence: a partner; connection: `other`)."""
    raw = dict(question.example_params())
    actor_params = question.actor_params
    if not actor_params:
        return raw
    raw[actor_params[0]] = who["name"]
    if len(actor_params) > 1:
        second = actor_params[1]
        if question.name == "funding":
            raw[second] = gen.partner.get((who["id"], "FUNDS"), other["name"])
        elif question.name == "evidence":
            raw[second] = next(
                (gen.partner[(who["id"], t)] for t in ("ASKED", "~ASKED", "FUNDS", "~FUNDS", "OVERSEES", "~OVERSEES")
                 if (who["id"], t) in gen.partner),
                other["name"],
            )  # fmt: skip
        else:
            raw[second] = other["name"]
    return raw


def run_questions(
    store: Store, cases: list[tuple[str, str, Question, dict[str, str]]], args: argparse.Namespace,
    log: Callable[[str], None],
) -> list[dict[str, Any]]:  # fmt: skip
    out = []
    for graph, case, question, raw in cases:
        result = {"graph": graph, "question": question.name, "case": case} | measure(
            store, question, raw, args
        )
        out.append(result)
        if "p95_ms" in result:
            log(f"  {graph:<9} {question.name:<15} {case:<8} p50 {result['p50_ms']:>9.1f}  p95 {result['p95_ms']:>9.1f} "
                f"(query {result['query_p95_ms']:>9.1f})  rows {result['rows']:>6}  runs {result['runs']}"
                + (f"  ERROR {result['error']}" if "error" in result else ""))  # fmt: skip
        else:
            log(f"  {graph:<9} {question.name:<15} {case:<8} ERROR {result.get('error')}")
    return out


# --- the obvious alternatives, for comparison ------------------------------------------------------

# Name resolution as resolve.py first did it: every node scanned, names and aliases lower-cased.
SCAN_RESOLVE = """
MATCH (n)
WHERE NOT n:Document AND NOT n:Statement
  AND (toLower(n.name) IN $keys OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) IN $keys))
RETURN n.id AS id, n.name AS name, n.aliases AS aliases, labels(n)[0] AS label
LIMIT 500
"""

# who-was-asked as first written: every ASKED relationship scanned and its two ends compared
# with the actor, instead of starting from the actor's own relationships (the anchor of
# queries/_asks.cypher); the rest of the question is the catalogue's own, so the rows must agree.
_ASKS_ANCHOR = re.compile(
    r"UNWIND CASE WHEN \$actor IS NULL THEN \[null\] ELSE actors END AS n\n.*?"
    r"WITH DISTINCT actors, coalesce\(own, unfiltered\) AS q\n",
    re.S,
)


def scan_variant(cypher: str) -> str:
    """A question built on the asks fragment, rewritten to scan every ASKED relationship."""
    scan = (
        "MATCH ()-[q:ASKED]->()\nWHERE $actor IS NULL OR startNode(q) IN actors OR endNode(q) IN actors\n"
        "WITH DISTINCT actors, q\n"
    )
    rewritten, found = _ASKS_ANCHOR.subn(scan, cypher)
    assert found == 1, "the asks fragment changed: update scan_variant"
    return rewritten


def timed(fn: Callable[[], Any], reps: int) -> dict[str, float]:
    fn()
    samples = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return {"p50_ms": round(percentile(samples, 50), 2), "p95_ms": round(percentile(samples, 95), 2)}


def _pair(
    what: str, slow_name: str, slow: Callable[[], Any], fast_name: str, fast: Callable[[], Any], reps: int
) -> dict[str, Any]:
    """Time two ways of getting the same answer (checked equal first) and give the ratio of p50s."""
    key = lambda row: json.dumps(row, sort_keys=True, default=str)  # noqa: E731
    slow_rows, fast_rows = slow(), fast()
    same = sorted(map(key, slow_rows)) == sorted(map(key, fast_rows))
    a, b = timed(slow, reps), timed(fast, reps)
    ratio = round(a["p50_ms"] / b["p50_ms"], 1) if b["p50_ms"] else None
    return {"what": what, "slow_name": slow_name, "slow": a, "fast_name": fast_name, "fast": b,
            "ratio": ratio, "same_rows": same, "rows": len(fast_rows)}  # fmt: skip


def compare(
    store: Store, gen: Generator | None, args: argparse.Namespace, log: Callable[[str], None]
) -> list[dict[str, Any]]:
    """The obvious alternative next to what civicgraph does, on the same store and the same names."""
    from queries import resolve as resolving
    from queries.catalog import get_question

    reps = max(5, min(args.reps, 20))
    if gen is None:
        targets = {"example": {"name": "Metropolitan Police Service", "id": None}}
    else:
        targets = {case: {"name": a["name"], "id": a["id"]} for case, a in gen.pick_actors().items()}
    out = []
    who = get_question("who-was-asked")
    for case, target in targets.items():
        keys = resolving._keys(target["name"])
        ids = store.run(resolving._BY_SEARCH_KEYS, {"keys": keys})
        node_id = target["id"] or (ids[0]["id"] if ids else None)
        out.append(_pair(
            f"name resolution of {target['name']!r} ({case})",
            "scan every node, toLower(name/aliases)", lambda k=keys: store.run(SCAN_RESOLVE, {"keys": k}),
            "index on _search_keys, a branch per label", lambda k=keys: store.run(resolving._BY_SEARCH_KEYS, {"keys": k}),
            reps,
        ))  # fmt: skip
        if node_id is None:
            continue
        params = who.bind(who.example_params() | {"actor": "id:" + node_id})
        out.append(_pair(
            f"who-was-asked for id:{node_id} ({case})",
            "scan every ASKED relationship", lambda p=params: store.run(scan_variant(who.cypher), p),
            "start from the actor (id index per label)", lambda p=params: store.run(who.cypher, p),
            reps,
        ))  # fmt: skip
    for c in out:
        log(f"  compare {c['what']}: {c['slow_name']} {c['slow']['p50_ms']} ms vs {c['fast_name']} "
            f"{c['fast']['p50_ms']} ms = {c['ratio']}x (same rows: {c['same_rows']})")  # fmt: skip
    return out


# --- the run --------------------------------------------------------------------------------------


def sample_cases(catalog: dict[str, Question]) -> list[tuple[str, str, Question, dict[str, str]]]:
    return [("samples", "example", q, q.example_params()) for q in catalog.values()]


def generated_cases(
    catalog: dict[str, Question], gen: Generator
) -> list[tuple[str, str, Question, dict[str, str]]]:
    picked = gen.pick_actors()
    cases = []
    for q in catalog.values():
        if not q.actor_params:
            cases.append(("generated", "example", q, q.example_params()))
            continue
        cases.append(("generated", "mid", q, generated_params(q, gen, picked["mid"], picked["hub"])))
        cases.append(("generated", "hub", q, generated_params(q, gen, picked["hub"], picked["mid"])))
    return cases


def open_generated(
    args: argparse.Namespace, log: Callable[[str], None]
) -> tuple[Store, Generator, dict[str, Any]]:
    """The generated graph's store: built now, or reused from --keep when it holds the same graph."""
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="cg-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    meta_path = folder / "bench-meta.json"
    # bump GRAPH_VERSION when the generator or the write path changes what a reused store holds
    wanted = {"rels": args.rels, "seed": args.seed, "actors": args.actors, "version": GRAPH_VERSION}
    gen = Generator(args.rels, actors=args.actors, seed=args.seed)
    store = open_store(f"embedded:{folder}", timeout_ms=args.timeout * 1000)
    try:
        meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
        if meta.get("graph") == wanted:
            for _ in gen.batches(args.batch):  # the same draws again, for degrees and partners
                pass
            store.ensure_schema()
            build_info = meta["build"] | {"reused": str(folder)}
            log(f"generated graph reused from {folder}")
        else:
            log(f"generating {args.rels:,} relationships into {folder} ...")
            build_info = build(store, gen, args.batch, log)
            meta_path.write_text(json.dumps({"graph": wanted, "build": build_info}))
        counts = (
            store.run("MATCH (n) RETURN count(n) AS nodes")[0]
            | store.run("MATCH ()-[r]->() RETURN count(r) AS rels")[0]
        )
        build_info = build_info | counts | {"actors": gen.pick_actors()}
    except BaseException:
        store.close()
        raise
    return store, gen, build_info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rels", type=int, default=1_000_000, help="relationships in the generated graph")
    parser.add_argument("--actors", type=int, default=5000, help="actors (people, organisations, posts)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--batch", type=int, default=20_000, help="relationships per upsert")
    parser.add_argument("--reps", type=int, default=50, help="measured runs per question and case")
    parser.add_argument("--warmup", type=int, default=2, help="unmeasured runs first")
    parser.add_argument("--budget", type=float, default=10.0, help="seconds per case before stopping early")
    parser.add_argument("--min-reps", type=int, default=5, help="runs per case even past the budget")
    parser.add_argument("--timeout", type=int, default=120, help="query timeout in seconds")
    parser.add_argument(
        "--keep", help="store folder for the generated graph (reused when it holds the same graph)"
    )
    parser.add_argument("--skip-samples", action="store_true")
    parser.add_argument("--skip-generated", action="store_true")
    parser.add_argument("--only", help="comma-separated question names")
    parser.add_argument("--out", type=Path, help="write the JSON report here")
    args = parser.parse_args(argv)

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    catalog = load_catalog()
    if args.only:
        catalog = {k: v for k, v in catalog.items() if k in set(args.only.split(","))}
    report: dict[str, Any] = {
        "command": "python bench/bench_queries.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "target_p95_ms": TARGET_MS,
        "settings": {k: getattr(args, k) for k in ("reps", "warmup", "budget", "min_reps")},
        "results": [],
    }
    if not args.skip_samples:
        from loaders.pipeline import load_paths

        with (
            tempfile.TemporaryDirectory(prefix="cg-bench-samples-") as folder,
            open_store(f"embedded:{folder}", timeout_ms=args.timeout * 1000) as store,
        ):
            summary = load_paths(store, [EXAMPLES])
            report["samples"] = (
                store.run("MATCH (n) RETURN count(n) AS nodes")[0]
                | store.run("MATCH ()-[r]->() RETURN count(r) AS rels")[0]
                | {"documents": summary.loaded}
            )
            log(f"samples: {report['samples']}")
            report["results"] += run_questions(store, sample_cases(catalog), args, log)
            report["comparisons_samples"] = compare(store, None, args, log)
    if not args.skip_generated:
        store, gen, info = open_generated(args, log)
        try:
            report["generated"] = info
            log(f"generated: {json.dumps({k: v for k, v in info.items() if k != 'by_type'})}")
            report["results"] += run_questions(store, generated_cases(catalog, gen), args, log)
            report["comparisons_generated"] = compare(store, gen, args, log)
        finally:
            store.close()  # stops the embedded server: the last lease is gone
            if not args.keep:
                shutil.rmtree(store.location, ignore_errors=True)
    text = json.dumps(report, indent=2)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n")
        args.out.with_suffix(".md").write_text(markdown(report))
    print(markdown(report))
    return 0


def markdown(report: dict[str, Any]) -> str:
    lines = [f"Command: `{report['command']}`", ""]
    lines += ["| graph | question | case | p50 ms | p95 ms | query p50 ms | query p95 ms | resolve p50 ms | rows | runs | p95 < 50 ms |",
              "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|"]  # fmt: skip
    for r in report["results"]:
        if "p95_ms" not in r:
            lines.append(
                f"| {r['graph']} | {r['question']} | {r['case']} | | | | | | | | error: {r.get('error')} |"
            )
            continue
        ok = "yes" if r["meets_target"] else "**no**"
        lines.append(f"| {r['graph']} | {r['question']} | {r['case']} | {r['p50_ms']} | {r['p95_ms']} | "
                     f"{r['query_p50_ms']} | {r['query_p95_ms']} | {r['resolve_p50_ms']} | {r['rows']} | {r['runs']} | {ok} |")  # fmt: skip
    for key in ("comparisons_samples", "comparisons_generated"):
        for c in report.get(key) or []:
            lines.append("")
            lines.append(f"- {key.split('_')[1]}: {c['what']}: {c['slow_name']} p50 {c['slow']['p50_ms']} ms vs "
                         f"{c['fast_name']} p50 {c['fast']['p50_ms']} ms: {c['ratio']}x")  # fmt: skip
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
