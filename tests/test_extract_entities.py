"""Mention linking: aliases, honorifics, back-references, offices by date, discovery."""

import pytest

from loaders.names import Linker
from loaders.names.folding import fold
from loaders.names.money_programmes import money_programme_name
from loaders.registry import Registry


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker(Registry.load())


def names(linker, text, date=None):
    doc = linker.link(text, date)
    return [(text[m.start : m.end], m.entity.name, m.entity.label) for m in doc.mentions]


def test_fold_keeps_offsets():
    text = "the Met’s “plan” – now"
    assert len(fold(text)) == len(text) and fold(text) == 'the Met\'s "plan" - now'


def test_abbreviations_are_case_sensitive_and_long_names_are_not(linker):
    found = names(linker, "The MPS and the metropolitan police service met the nca. NCA officers too.")
    assert ("MPS", "Metropolitan Police Service", "Organization") in found
    assert ("the metropolitan police service", "Metropolitan Police Service", "Organization") in found
    assert ("NCA", "National Crime Agency", "Organization") in found
    assert not any(s == "nca" for s, _, _ in found)


def test_possessive_and_overlapping_names(linker):
    found = names(linker, "It is the Mayor's Office for Policing and Crime's plan, and the Met's too.")
    assert (
        "Mayor's Office for Policing and Crime",
        "Mayor's Office for Policing and Crime",
        "Organization",
    ) in found
    assert ("the Met", "Metropolitan Police Service", "Organization") in found


@pytest.mark.parametrize(("date", "who"), [("2010-06-01", "Boris Johnson"), ("2025-02-01", "Sadiq Khan")])
def test_the_mayor_resolves_by_document_date(linker, date, who):
    found = names(linker, "Yesterday the Mayor opened a library.", date)
    assert ("the Mayor", who, "Person") in found


def test_office_without_a_date_stays_a_post_unless_the_text_names_the_holder(linker):
    assert ("the Commissioner", "Commissioner of Police of the Metropolis", "Post") in names(
        linker, "Later the Commissioner spoke."
    )
    found = names(linker, "Met Commissioner Jo Bloggs arrived. Later the Commissioner spoke.")
    assert ("the Commissioner", "Jo Bloggs", "Person") in found


def test_titles_post_nominals_and_back_references(linker):
    text = (
        "Detective Chief Superintendent Priya Nandakumar QPM opened the event. "
        "Later Nandakumar said more. Dame Olive Brightwater DBE attended and Dame Olive spoke."
    )
    found = names(linker, text)
    assert ("Detective Chief Superintendent Priya Nandakumar QPM", "Priya Nandakumar", "Person") in found
    assert ("Nandakumar", "Priya Nandakumar", "Person") in found
    assert ("Dame Olive", "Olive Brightwater", "Person") in found


def test_peer_titles_and_registry_back_references(linker):
    found = names(linker, "Lord Duvall of Woolwich OBE AM chaired. Sir Mark later replied.", "2025-06-01")
    assert ("Lord Duvall of Woolwich OBE AM", "Len Duvall", "Person") in found
    assert ("Sir Mark", "Mark Rowley", "Person") in found


def test_surname_inside_another_name_is_not_a_back_reference(linker):
    found = names(linker, "Susan Hall AM spoke at City Hall. Hall then left.")
    assert ("Hall", "Susan Hall", "Person") in found
    assert not any(s == "City Hall" and n == "Susan Hall" for s, n, _ in found)


def test_unknown_bodies_and_programmes_are_discovered(linker):
    text = "Funding went to the Brent Youth Partnership and the Riverside Housing Trust for a Knife Crime Prevention Programme."
    found = names(linker, text)
    assert ("Brent Youth Partnership", "Brent Youth Partnership", "Organization") in found
    assert ("Riverside Housing Trust", "Riverside Housing Trust", "Organization") in found
    assert ("Knife Crime Prevention Programme", "Knife Crime Prevention Programme", "Programme") in found


def test_inquiries_named_in_lower_case(linker):
    found = names(linker, "She welcomed the independent inquiry and a national re-investigation of cases.")
    assert ("independent inquiry", "independent inquiry", "Inquiry") in found
    assert ("national re-investigation", "national re-investigation", "Inquiry") in found


def test_money_named_programmes_converge(linker):
    assert (
        money_programme_name(2_400_000, "fund")
        == money_programme_name(2_400_000, "package")
        == "£2.4m package"
    )
    a = names(linker, "The Mayor announced a £3.1million funding package.")
    b = names(linker, "Critics called the £3.1m fund too small.")
    assert ("£3.1million funding package", "£3.1m package", "Programme") in a
    assert ("£3.1m fund", "£3.1m package", "Programme") in b


def test_definite_references_to_money_and_the_force(linker):
    text = "City Hall set up a £5m fund. Critics said the money was late. The Met said the force agreed."
    found = names(linker, text)
    assert ("the money", "£5m package", "Programme") in found
    assert ("the force", "Metropolitan Police Service", "Organization") in found


def test_a_flattened_tables_titles_name_no_person(linker):
    text = "Dr Fiona Twycross AM (Chair) AM Councillor Oonagh Moulton Councillor JP, AM Councillor Councillor AM AM AM"
    people = {name for _, name, label in names(linker, text) if label == "Person"}
    assert people == {"Fiona Twycross", "Oonagh Moulton"}
