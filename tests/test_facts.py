"""The fact model: the export contract, merge keys and the rows a document becomes."""

import pytest

from graph.facts import DocumentInfo, Entity, Evidence, Fact, epoch_day, slug, to_batch
from graph.schema import SchemaError, allows

TEXT = "The Borough Council will fund the Riverside Youth Hub with £50,000. Ann Lee said: “It matters.”"
DOC = DocumentInfo(name="note.txt", sha256="ab" * 32, text=TEXT, path="/tmp/note.txt", genre="generic")
COUNCIL = Entity("Borough Council", "Organization")
HUB = Entity("Riverside Youth Hub", "Programme")
ANN = Entity("Ann Lee", "Person", aliases=("Ms Lee",))


def evidence(quote: str) -> Evidence:
    start = TEXT.index(quote)
    return Evidence(DOC.name, DOC.sha256, quote, start, start + len(quote))


def funds(quote: str = "will fund the Riverside Youth Hub with £50,000", amount: float = 50000) -> Fact:
    return Fact(COUNCIL, "FUNDS", HUB, [evidence(quote)], amount_gbp=amount, date="2026-04")


def test_ids_are_slugs_of_names():
    assert COUNCIL.id == "borough-council"
    assert slug("Mayor’s Office for Policing and Crime") == "mayors-office-for-policing-and-crime"
    assert slug("£2.4m package") == "gbp2-4m-package"


def test_unknown_labels_and_types_are_refused():
    with pytest.raises(SchemaError):
        Entity("x", "Villain")
    with pytest.raises(SchemaError):
        Fact(COUNCIL, "BRIBES", HUB)


def test_export_shape_follows_the_design_contract():
    data = funds().as_json()
    assert data == {
        "subject": {"name": "Borough Council", "type": "Organization"},
        "predicate": "FUNDS",
        "object": {"name": "Riverside Youth Hub", "type": "Programme"},
        "date": "2026-04",
        "amount_gbp": 50000,
        "about": None,
        "text": None,
        "evidence": [
            {
                "document": "note.txt",
                "quote": "will fund the Riverside Youth Hub with £50,000",
                "start": TEXT.index("will fund"),
                "end": TEXT.index("will fund") + 46,
            }
        ],
    }
    ev = data["evidence"][0]
    assert TEXT[ev["start"] : ev["end"]] == ev["quote"]


def test_said_exports_no_object_and_points_at_a_statement_node():
    fact = Fact(ANN, "SAID", None, [evidence("It matters.")], text="It matters.")
    assert fact.as_json()["object"] is None
    assert fact.target.label == "Statement"
    assert dict(fact.target.props)["text"] == "It matters."


def test_same_fact_in_other_words_has_the_same_key_but_another_amount_does_not():
    assert funds().key == funds(quote="The Borough Council will fund").key
    assert funds().key != funds(amount=60000).key


def test_a_document_becomes_nodes_relationships_and_mentions():
    batch = to_batch(DOC, [funds(), funds(quote="The Borough Council will fund")], [ANN])
    by_type = {}
    for rel in batch.rels:
        by_type.setdefault(rel["type"], []).append(rel)
    assert len(by_type["FUNDS"]) == 1, "two statements of one fact merge into one relationship"
    assert len(by_type["FUNDS"][0]["evidence"]) == 2
    assert {r["dst"] for r in by_type["MENTIONS"]} == {COUNCIL.id, HUB.id, ANN.id}
    assert batch.documents == [DOC.sha256]
    ann = next(n for n in batch.nodes if n["id"] == ANN.id)
    assert ann["props"]["aliases"] == ["Ms Lee"]


def test_full_dates_get_a_day_number_partial_ones_do_not():
    assert epoch_day("1970-01-02") == 1
    assert epoch_day("2026-04-20") - epoch_day("2026-02-26") == 53
    assert epoch_day("2026-04") is None
    assert epoch_day("not a date") is None


def test_what_is_led_or_promised_is_a_thing_never_a_person_or_an_office():
    for rel in ("LEADS", "COMMITTED_TO"):
        assert not allows(rel, "Person", "Person")
        assert not allows(rel, "Organization", "Post")
        assert allows(rel, "Person", "Programme")
    assert allows("LEADS", "Person", "Organization")  # "Stephen Greenhalgh, who heads MOPAC"
