"""The registry: who and what exists, post holders by date, and the user's own files."""

import json

import pytest

from loaders.registry import Registry, RegistryError


@pytest.fixture(scope="module")
def reg() -> Registry:
    return Registry.load()


def test_shipped_registry_knows_london_bodies_by_alias_and_abbreviation(reg):
    assert reg.find("the Met").name == "Metropolitan Police Service"
    assert reg.find("MPS").name == "Metropolitan Police Service"
    assert reg.find("MOPAC").name == "Mayor's Office for Policing and Crime"
    assert reg.find("mps") is None  # abbreviations are case-sensitive


@pytest.mark.parametrize(
    ("date", "holder"),
    [("2010-03-01", "Boris Johnson"), ("2025-06-01", "Sadiq Khan"), ("2004", "Ken Livingstone")],
)
def test_mayor_by_date(reg, date, holder):
    assert reg.holder("mayor-of-london", date).name == holder


def test_commissioner_by_date_and_ambiguous_year_is_unknown(reg):
    post = reg.find("Met Police Commissioner").id
    assert reg.holder(post, "2019-05-01").name == "Cressida Dick"
    assert reg.holder(post, "2024-01-10").name == "Mark Rowley"
    assert reg.holder(post, "2022") is None  # three people held it in 2022
    assert reg.holder(post, None) is None


def test_registry_holds_no_relations_between_entities(reg):
    data = json.loads((__import__("loaders.registry").registry.DEFAULT_REGISTRY).read_text())
    allowed = {
        "name",
        "type",
        "id",
        "aliases",
        "abbreviations",
        "kind",
        "honorifics",
        "holders",
        "first_name_alone",
    }
    for entry in data["entities"]:
        assert set(entry) <= allowed


def test_user_file_extends_and_merges(tmp_path):
    extra = tmp_path / "mine.json"
    extra.write_text(
        json.dumps(
            {
                "entities": [
                    {"name": "Camden Youth Trust", "type": "Organization", "abbreviations": ["CYT"]},
                    {"name": "Metropolitan Police Service", "type": "Organization", "aliases": ["the Yard"]},
                ]
            }
        )
    )
    reg = Registry.load([extra])
    assert reg.find("CYT").name == "Camden Youth Trust"
    assert reg.find("the yard").name == "Metropolitan Police Service"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"entities": [{"name": "X", "type": "Spaceship"}]}', "'type' must be one of"),
        ('{"entities": [{"type": "Person"}]}', "'name' must be a non-empty string"),
        ('{"entities": [{"name": "X", "type": "Person", "holders": []}], "x": 1}', None),
        ('{"entities": [{"name": "X", "type": "Person", "colour": "red"}]}', "unknown field"),
        (
            '{"entities": [{"name": "P", "type": "Post", "holders": [{"person": "A", "start": "last year"}]}]}',
            "ISO date",
        ),
        (
            '{"entities": [{"name": "Mayor\u0027s Office for Policing and Crime", "type": "Person"}]}',
            "already registered as Organization",
        ),
        ('{"people": []}', "'entities' list"),
    ],
)
def test_bad_user_files_fail_with_the_file_and_the_reason(tmp_path, content, message):
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    if message is None:
        Registry.load([bad])
        return
    with pytest.raises(RegistryError) as err:
        Registry.load([bad])
    assert str(bad) in str(err.value) and message in str(err.value)


def test_missing_user_file(tmp_path):
    with pytest.raises(RegistryError, match="cannot read"):
        Registry.load([tmp_path / "nope.json"])
