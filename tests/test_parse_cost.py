"""The language layer's cheaper paths find exactly what the full paths find (issue 9, parse13)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.facts import DocumentInfo
from loaders import chain as chain_module
from loaders.document import Doc
from loaders.extract import default_registry
from loaders.nlp.lexicon import patterns
from loaders.nlp.relations import _candidates, _trigger

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "bench/eval/real/docs").glob("*.txt"))[:8] + sorted(
    (ROOT / "examples/london").glob("*.txt")
)


def _parsed(path: Path) -> Doc:
    doc = Doc(
        info=DocumentInfo(name=path.name, sha256=path.name, text=path.read_text(encoding="utf-8")),
        registry=default_registry(),
    )
    upto = [c.name for c in chain_module.CHAIN].index("parse")
    for component in chain_module.CHAIN[: upto + 1]:
        component.run(doc)
    return doc


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_candidate_patterns_hold_every_trigger(path: Path) -> None:
    """`_candidates` skips only patterns `_trigger` refuses: on every token of every parsed
    sentence, the patterns that trigger are all among the candidates, in file order."""
    pats = patterns()
    doc = _parsed(path)
    assert doc.parsed
    for sdoc in doc.parsed.values():
        for tok in sdoc:
            cands = _candidates(tok, pats)
            want = [p for p in pats if _trigger(tok, p) is not None]
            got = [p for p in cands if _trigger(tok, p) is not None]
            assert got == want, (tok.text, tok.lemma_, tok.pos_)
            assert [pats.index(p) for p in cands] == sorted(pats.index(p) for p in cands)


def test_cheaper_pipeline_gives_the_stock_pipelines_tokens() -> None:
    """The attribute ruler put in spaCy's place (loaders.nlp.model.TagMapFirst) and numpy's
    matrix product in place of blis (loaders.nlp.model.numpy_gemm) leave every token of real
    sentences as the model as shipped does: part of speech, tag, morphology, lemma, dependency,
    head and entity."""
    import spacy

    from loaders.nlp.model import GEMM, MODEL, TagMapFirst, pipeline

    ours = pipeline()
    assert isinstance(ours.get_pipe("attribute_ruler"), TagMapFirst)
    if GEMM == "numpy":
        assert not ours.get_pipe("ner").model.ops.use_blis
    stock = spacy.load(MODEL, exclude=["senter"])
    texts = []
    for path in PAGES + sorted((ROOT / "bench/real/dev/docs").glob("*.txt")):
        doc = _parsed(path)
        texts += [doc.text[s:e] for s, e in doc.sentences if 3 < e - s < 1500]
    texts += ["Y'all gonna let's go, ain't it?", "There is a plan. I told you it was it.", "Gotta come  on"]

    def tokens(d):  # type: ignore[no-untyped-def]
        return [(t.i, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in d]

    for a, b in zip(ours.pipe(texts), stock.pipe(texts), strict=True):
        assert tokens(a) == tokens(b), a.text


@pytest.mark.parametrize("path", PAGES[:4], ids=lambda p: p.name)
def test_a_tokens_frame_is_the_same_each_time(path: Path) -> None:
    """parser_relations builds a token's frame once for all the patterns it triggers: that holds
    only while `frame` reads nothing but the parse (the same token and kind give an equal frame)."""
    from loaders.nlp.frames import frame

    doc = _parsed(path)
    for sdoc in doc.parsed.values():
        for tok in sdoc:
            for kind in ("verb", "modal", "noun", "adj"):
                assert frame(tok, kind) == frame(tok, kind)
