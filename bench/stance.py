"""An experiment, measured and not in the extraction chain: WELCOMED / CRITICISED by a learned
model, who speaks for or against whom, sentence by sentence. `bench/train_stance.py` trains it
on the real gold sets and measures it set by set (EXTRACTION.md, "A learned stance model").

The rules (`loaders/relations/reactions.py`) and the parser's lexicon read stances that a cue
verb states ("X criticised Y", "welcomed the report"). Most stances on real pages have no such
verb: "That is a pretty silly answer", "the Government has failed to do anywhere near enough",
"paid tribute to the work of the firefighters". Those need judgement from the whole sentence, so
this scores every (holder, target, sentence) with a linear model trained on the gold of
the real development sets (`bench/train_stance.py`, which also measures it set by set).

A candidate's holder is who speaks there (a quote's speaker, an answer's or a turn's, a letter's
writer) or an actor the sentence names; its target is another actor, programme or decision the
sentence names, or the one "you" addresses. The features are words, not names: the holder's and
the target's mentions become placeholders, so the model learns how a stance is worded, not who
holds it. Weights would live in `loaders/data/stance.json` (reading them needs no learning
library); none are written while the model measures worse than the rules (held out, it was right
about half the time where the rules are right three times in four).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from graph.facts import Entity
from loaders.document import Doc

__all__ = ["Candidate", "candidates", "features", "StanceModel", "load_model", "scored"]

MODEL_PATH = Path(__file__).resolve().parents[1] / "loaders" / "data" / "stance.json"
FAMILIES = ("CRITICISED", "WELCOMED")

_HOLDERS = ("Person", "Organization")
_TARGETS = ("Person", "Organization", "Programme", "Inquiry", "Event", "Policy", "Report")
_WORD = re.compile(r"£?\d[\d,.]*(?:bn|m|k)?|[A-Za-z][A-Za-z'’-]*")
_YOU = frozenset({"you", "your", "yours", "yourself"})
_LONGEST = 600  # characters: a longer "sentence" is a list or a table, not one stance


@dataclass(frozen=True)
class Candidate:
    """One holder and one target in one sentence, with how the holder was found."""

    start: int
    end: int
    holder: Entity
    target: Entity
    how: str  # "named" (the sentence names the holder) or the zone kind / "quote" / "author"
    tokens: tuple[str, ...]  # the sentence's words, mentions as placeholders H, T, A


def _speaker(doc: Doc, pos: int) -> tuple[Entity | None, str]:
    """Who 'I' or 'we' is at `pos`, and how that is known (the rules' quote, a zone, the writer)."""
    ctx = doc.rules_context
    if ctx is not None:
        q = ctx.quote_at(pos)
        if q is not None and q.speaker is not None:
            return q.speaker, "quote"
    zone = doc.zone_at(pos, "answer", "question", "turn", "quote", "letter", "motion")
    if zone is not None and zone.speaker is not None:
        return zone.speaker, zone.kind
    if doc.genre == "letter" and ctx is not None and ctx.signatory is not None:
        return ctx.signatory, "letter"
    if doc.author is not None and doc.genre in ("letter", "report", "statement"):
        return doc.author, "author"
    return None, ""


def _tokens(text: str, start: int, end: int, spans: list[tuple[int, int, str]]) -> tuple[str, ...]:
    """The words of text[start:end], each mention span one placeholder token."""
    out: list[str] = []
    pos = start
    for s, e, mark in sorted(spans):
        out.extend(_words(text[pos:s]))
        out.append(mark)
        pos = max(pos, e)
    out.extend(_words(text[pos:end]))
    return tuple(out)


def _words(chunk: str) -> list[str]:
    out = []
    for w in _WORD.findall(chunk):
        low = w.lower().replace("’", "'")
        out.append("<num>" if low[0].isdigit() or low[0] == "£" else low)
    return out


def candidates(doc: Doc) -> Iterator[Candidate]:
    """Every (holder, target) pair each sentence offers."""
    text = doc.text
    for start, end in doc.sentences:
        if end - start > _LONGEST:
            continue
        mentions = [
            m for m in doc.mentions.between(start, end) if m.kind != "money" and m.entity.label != "Post"
        ]
        speaker, how = _speaker(doc, start)
        holders: dict[str, tuple[Entity, str]] = {}
        if speaker is not None and speaker.label in _HOLDERS:
            holders[speaker.id] = (speaker, how)
        for m in mentions:
            if m.entity.label in _HOLDERS:
                holders.setdefault(m.entity.id, (m.entity, "named"))
        targets = {m.entity.id: m.entity for m in mentions if m.entity.label in _TARGETS}
        you = [
            (mm.start() + start, mm.end() + start)
            for mm in re.finditer(r"\b(?:you|your|yours|yourself)\b", text[start:end], re.I)
        ]
        addressee = doc.addressee_at(start) if you else None
        if addressee is not None:
            targets.setdefault(addressee.id, addressee)
        for h, h_how in holders.values():
            for t in targets.values():
                if t.id == h.id:
                    continue
                spans = [
                    (m.start, m.end, "T" if m.entity.id == t.id else "H" if m.entity.id == h.id else "A")
                    for m in mentions
                ]
                if addressee is not None and t.id == addressee.id:
                    spans.extend((s, e, "T") for s, e in you)
                how_h = "named" if any(mark == "H" for *_, mark in spans) else h_how
                yield Candidate(start, end, h, t, how_h, _tokens(text, start, end, spans))


def features(c: Candidate, genre: str) -> list[str]:
    """Word features of a candidate: what the sentence says, around the target and between the
    holder and the target; never a name."""
    toks = c.tokens
    out = [f"how:{c.how}", f"tl:{c.target.label}", f"hl:{c.holder.label}", f"g:{genre}"]
    words = [w for w in toks if w not in ("H", "T", "A")]
    out.extend(f"w:{w}" for w in set(words))
    out.extend(f"p:{w[:5]}" for w in set(words) if len(w) > 5)
    out.extend(f"b:{a}_{b}" for a, b in set(zip(toks, toks[1:], strict=False)))
    ti = [i for i, w in enumerate(toks) if w == "T"]
    hi = [i for i, w in enumerate(toks) if w == "H"]
    for i in ti[:2]:
        out.extend(f"tb:{w}" for w in toks[max(0, i - 3) : i])
        out.extend(f"ta:{w}" for w in toks[i + 1 : i + 4])
    if ti and hi:
        a, b = sorted((hi[0], ti[0]))
        out.append("ord:HT" if hi[0] < ti[0] else "ord:TH")
        out.extend(f"m:{w}" for w in toks[a + 1 : b][:8])
        out.append(f"gap:{min(b - a, 12) // 4}")
    if any(w in _YOU for w in toks):
        out.append("you")
    out.extend(_polarity(toks, ti, c.how))
    return out


_NEGATORS = frozenset({"not", "no", "never", "nothing", "neither", "nor", "without", "n't", "cannot"})


def _polarity(toks: tuple[str, ...], ti: list[int], how: str) -> list[str]:
    """How many words of a general sentiment lexicon (VADER's) lean each way, in the sentence and
    near the target: one feature shared by every evaluative word, so a word the gold never used
    still counts."""
    lex = _lexicon()
    neg = pos = near_neg = near_pos = 0
    for i, w in enumerate(toks):
        v = lex.get(w, 0.0)
        if not v:
            continue
        if any(t in _NEGATORS for t in toks[max(0, i - 3) : i]):
            v = -v
        near = any(abs(i - j) <= 4 for j in ti)
        if v <= -1.0:
            neg += 1
            near_neg += near
        elif v >= 1.0:
            pos += 1
            near_pos += near
    out = [f"neg:{min(neg, 3)}", f"pos:{min(pos, 3)}"]
    if near_neg:
        out.append("near:neg")
    if near_pos:
        out.append("near:pos")
    out.append(f"{how}:neg{min(neg, 2)}:pos{min(pos, 2)}")
    return out


@cache
def _lexicon() -> dict[str, float]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return dict(SentimentIntensityAnalyzer().lexicon)


@dataclass(frozen=True)
class StanceModel:
    """A multinomial logistic model: per class, a bias and weights over feature strings."""

    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    threshold: dict[str, float]

    def probabilities(self, feats: list[str]) -> dict[str, float]:
        scores = list(self.bias)
        for f in set(feats):
            w = self.weights.get(f)
            if w is not None:
                for k, x in enumerate(w):
                    scores[k] += x
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}


@cache
def load_model(path: Path = MODEL_PATH) -> StanceModel | None:
    """The trained weights, or None where none have been trained (the component then adds nothing)."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return StanceModel(
        classes=tuple(data["classes"]),
        bias=tuple(data["bias"]),
        weights={k: tuple(v) for k, v in data["weights"].items()},
        threshold=dict(data["threshold"]),
    )


def scored(doc: Doc, model: StanceModel) -> dict[tuple[str, str, str], tuple[float, Candidate]]:
    """The best-scoring sentence of each (holder, target, family) above the family's threshold."""
    best: dict[tuple[str, str, str], tuple[float, Candidate]] = {}
    for c in candidates(doc):
        probs = model.probabilities(features(c, doc.genre))
        for fam in FAMILIES:
            p = probs.get(fam, 0.0)
            key = (c.holder.id, c.target.id, fam)
            if p >= model.threshold.get(fam, 1.0) and p > best.get(key, (0.0, None))[0]:
                best[key] = (p, c)
    return best
