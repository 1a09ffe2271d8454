"""The registry: who and what exists, post holders by date, and the user's own files."""

import json

import pytest

from loaders.names import Linker
from loaders.registry import DEFAULT_REGISTRY, PARTY_GROUP, Registry, RegistryError

AM = "member-of-the-london-assembly"
CONSTITUENCIES = {
    "Barnet and Camden",
    "Bexley and Bromley",
    "Brent and Harrow",
    "City and East",
    "Croydon and Sutton",
    "Ealing and Hillingdon",
    "Enfield and Haringey",
    "Greenwich and Lewisham",
    "Havering and Redbridge",
    "Lambeth and Southwark",
    "Merton and Wandsworth",
    "North East",
    "South West",
    "West Central",
    "London-wide",
}


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
    [
        ("2000-05-04", "Ken Livingstone"),
        ("2004", "Ken Livingstone"),
        ("2008-05-03", "Ken Livingstone"),
        ("2008-05-04", "Boris Johnson"),
        ("2010-03-01", "Boris Johnson"),
        ("2012-07-27", "Boris Johnson"),
        ("2016-05-08", "Boris Johnson"),
        ("2016-05-09", "Sadiq Khan"),
        ("2021-09-01", "Sadiq Khan"),
        ("2025-06-01", "Sadiq Khan"),
    ],
)
def test_mayor_by_date(reg, date, holder):
    assert reg.holder("mayor-of-london", date).name == holder


@pytest.mark.parametrize(
    ("date", "holder"),
    [("2003-11-12", "Ken Livingstone"), ("2010-03-01", "Boris Johnson"), ("2019-02-07", "Sadiq Khan")],
)
def test_the_mayor_in_a_dated_text_links_to_the_holder_of_that_day(reg, date, holder):
    doc = Linker(reg).link("The Mayor said the fares freeze would continue.", date)
    office = next(m for m in doc.mentions if m.kind == "office")
    assert office.entity.name == holder and office.post.name == "Mayor of London"


def test_the_mayor_is_unknown_before_the_office_existed(reg):
    assert reg.holder("mayor-of-london", "1999-06-01") is None


def test_commissioner_by_date_and_ambiguous_year_is_unknown(reg):
    post = reg.find("Met Police Commissioner").id
    assert reg.holder(post, "2019-05-01").name == "Cressida Dick"
    assert reg.holder(post, "2024-01-10").name == "Mark Rowley"
    assert reg.holder(post, "2022") is None  # three people held it in 2022
    assert reg.holder(post, None) is None
    assert reg.holder(post, "2022-06-01").name == "Stephen House"  # acting, between Dick and Rowley


@pytest.mark.parametrize(
    ("post", "date", "holder"),
    [
        ("Deputy Mayor, Policing and Crime", "2020-01-01", "Sophie Linden"),
        ("DMPC", "2014-01-01", "Stephen Greenhalgh"),
        ("DMPC", "2025-01-01", "Kaya Comer-Schwartz"),
        ("Deputy Mayor for Transport", "2019-06-01", "Heidi Alexander"),
        ("Deputy Mayor for Housing", "2021-06-01", "Tom Copley"),
        ("Statutory Deputy Mayor", "2010-06-01", "Richard Barnes"),
        ("London Fire Commissioner", "2019-06-01", "Dany Cotton"),
        ("LFB Commissioner", "2012-06-01", "Ron Dobson"),
        ("Chair of the London Assembly", "2010-10-01", "Dee Doocey"),
        ("Chair of the London Assembly", "2020-10-01", "Navin Shah"),
        ("Chair of LFEPA", "2009-06-01", "Brian Coleman"),
    ],
)
def test_offices_by_the_names_real_pages_use(reg, post, date, holder):
    assert reg.holder(reg.find(post).id, date).name == holder


def test_the_fire_commissioner_office_begins_in_2018_and_lfepa_ends_then(reg):
    assert reg.holder("london-fire-commissioner", "2017-06-01") is None
    assert reg.find("LFEPA").label == "Organization" and reg.find("MPA").label == "Organization"
    assert reg.find("London Fire Commissioner").label == "Post"  # the body is its own entry


@pytest.mark.parametrize(
    ("person", "date", "group", "constituency"),
    [
        ("len-duvall", "2010-06-01", "Labour Group", "Greenwich and Lewisham"),
        ("caroline-russell", "2019-01-01", "Green Group", "London-wide"),
        ("peter-whittle", "2018-06-01", "UKIP Group", "London-wide"),
        ("peter-whittle", "2019-06-01", "Brexit Alliance Group", "London-wide"),
        ("damian-hockney", "2006-06-01", "One London Group", "London-wide"),
        ("james-cleverly", "2013-01-01", "Conservative Group", "Bexley and Bromley"),
        ("gareth-roberts", "2025-01-01", "Liberal Democrat Group", "South West"),
    ],
)
def test_an_assembly_member_resolves_with_group_and_seat_at_a_date(reg, person, date, group, constituency):
    term = reg.term(AM, person, date)
    assert term.constituency == constituency
    assert reg.group_of(person, AM, date).name == group


def test_a_member_outside_their_terms_has_no_group(reg):
    assert reg.term(AM, "peter-whittle", "2022-01-01") is None
    assert reg.group_of("peter-whittle", AM, "2022-01-01") is None


@pytest.mark.parametrize("year", range(2000, 2026))
def test_never_more_than_25_assembly_members(reg, year):
    for date in (f"{year}-01-15", f"{year}-07-01", f"{year}-11-01"):
        terms = reg.terms_at(AM, date)
        if year == 2000 and date < "2000-05-04":
            assert all(not h.certainly_covers(date) for h in terms)
            continue
        assert sum(h.certainly_covers(date) for h in terms) <= 25 <= len(terms)


@pytest.mark.parametrize(
    "date", ["2001-01-15", "2006-01-15", "2009-01-15", "2014-01-15", "2018-01-15", "2020-06-01", "2023-06-01"]
)
def test_every_one_of_the_25_seats_is_filled_mid_term(reg, date):
    terms = [h for h in reg.terms_at(AM, date) if h.certainly_covers(date)]
    assert len(terms) == 25 and len({h.person for h in terms}) == 25
    assert sum(h.constituency != "London-wide" for h in terms) == 14


def test_every_entry_and_every_holder_has_a_source(reg):
    for entry in reg:
        assert entry.source, entry.name
        for h in entry.holders:
            assert h.source, (entry.name, h.person)
            assert all(u.startswith(("http://", "https://")) for u in h.source)


def test_one_seat_posts_have_no_overlapping_terms(reg):
    for entry in reg:
        if entry.label == "Post" and entry.seats == 1:
            hs = entry.holders
            assert not any(a.overlaps(b) for i, a in enumerate(hs) for b in hs[i + 1 :]), entry.name


def test_every_holder_is_a_registered_person_and_every_group_a_party_group(reg):
    for entry in reg:
        for h in entry.holders:
            assert reg.get(h.person) is not None and reg.get(h.person).label == "Person", h.person
            if h.group is not None:
                group = reg.get(h.group)
                assert group.label == "Organization" and group.kind == PARTY_GROUP
    for h in reg.get(AM).holders:
        assert h.constituency in CONSTITUENCIES
        assert h.group is not None or h.note  # a member in no group says why


def test_names_are_safe_for_the_linker(reg):
    """No bare first names, one-word person aliases or shared abbreviations: each would link
    ordinary words or the wrong body in every document."""
    abbreviations = {}
    for entry in reg:
        for a in entry.abbreviations:
            assert abbreviations.setdefault(a, entry.id) == entry.id, a
        if entry.label == "Person":
            assert all(" " in a for a in entry.aliases), entry.name
            # Mayors the press calls by first name alone ("Sadiq invests", "asked Boris about")
            assert not entry.first_name_alone or entry.id in ("sadiq-khan", "boris-johnson")


def test_registry_holds_no_relations_between_entities(reg):
    data = json.loads(DEFAULT_REGISTRY.read_text())
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
        "source",
        "note",
        "seats",
    }
    # a holder says who held an office when (and for an Assembly Member, in which group and seat):
    # it names no other entity than the person and the group they sat in
    holder_keys = {"person", "start", "end", "source", "note", "group", "constituency"}
    for entry in data["entities"]:
        assert set(entry) <= allowed
        for h in entry.get("holders", []):
            assert set(h) <= holder_keys


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


def _entries(*items):
    return json.dumps({"entities": list(items)})


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (_entries({"name": "X", "type": "Person", "source": "not a url"}), "'source' must be an http(s) URL"),
        (_entries({"name": "X", "type": "Person", "source": []}), "'source' must be an http(s) URL"),
        (_entries({"name": "X", "type": "Person", "source": ["https://a.org/x", 3]}), "'source' must be"),
        (
            _entries({"name": "P", "type": "Post", "holders": [{"person": "A", "source": "ftp://a.org/x"}]}),
            "holder 1: 'source' must be",
        ),
        (
            _entries({"name": "P", "type": "Post", "holders": [{"person": "A", "group": "Tea Party Group"}]}),
            "holder 1: group 'Tea Party Group' is not a known party group",
        ),
        (
            _entries({"name": "P", "type": "Post", "holders": [{"person": "A", "group": "Home Office"}]}),
            "group 'Home Office' is not a known party group",
        ),
        (
            _entries({"name": "P", "type": "Post", "holders": [{"person": "A", "constituency": ""}]}),
            "'constituency' must be a non-empty string",
        ),
        (
            _entries({"name": "P", "type": "Post", "holders": [{"person": "A", "party": "x"}]}),
            "unknown field(s) party",
        ),
        (_entries({"name": "X", "type": "Person", "seats": 3}), "only a Post can have 'seats'"),
        (_entries({"name": "P", "type": "Post", "seats": 0}), "'seats' must be a whole number"),
        (
            _entries(
                {"name": "P", "type": "Post", "holders": [{"person": "A", "start": "2010", "end": "2009-05"}]}
            ),
            "'end' (2009-05) is not after 'start' (2010)",
        ),
        (
            _entries(
                {
                    "name": "P",
                    "type": "Post",
                    "holders": [
                        {"person": "A", "start": "2010-01-01", "end": "2012-01-01"},
                        {"person": "B", "start": "2011-06-01", "end": None},
                    ],
                }
            ),
            "holders 1 and 2 (a, b) overlap but the post has one seat",
        ),
    ],
)
def test_bad_sources_groups_and_terms_fail_naming_the_file_and_entry(tmp_path, content, message):
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    with pytest.raises(RegistryError) as err:
        Registry.load([bad])
    assert str(bad) in str(err.value) and "entry 1" in str(err.value) and message in str(err.value)


def test_user_file_with_sources_groups_and_seats(tmp_path):
    """A group may be declared after the post that uses it, or come from the shipped registry."""
    mine = tmp_path / "council.json"
    mine.write_text(
        _entries(
            {
                "name": "Member of Camden Council",
                "type": "Post",
                "seats": 2,
                "source": "https://www.camden.gov.uk/councillors",
                "holders": [
                    {
                        "person": "Ann Example",
                        "start": "2022-05",
                        "group": "Camden Independents",
                        "constituency": "Highgate",
                        "source": ["https://www.camden.gov.uk/a"],
                    },
                    {"person": "Bo Example", "start": "2022-05", "group": "Labour Group", "note": "checked"},
                ],
            },
            {
                "name": "Camden Independents",
                "type": "Organization",
                "kind": "party_group",
                "source": "https://www.camden.gov.uk/groups",
            },
        )
    )
    reg = Registry.load([mine])
    post = reg.find("Member of Camden Council")
    assert post.seats == 2 and post.source == ["https://www.camden.gov.uk/councillors"]
    assert reg.group_of("ann-example", post.id, "2023").name == "Camden Independents"
    assert reg.term(post.id, "ann-example", "2023").constituency == "Highgate"
    assert reg.group_of("bo-example", post.id, "2023").name == "Labour Group"
    assert reg.holder(post.id, "2023") is None  # two seats: no single holder


def test_missing_user_file(tmp_path):
    with pytest.raises(RegistryError, match="cannot read"):
        Registry.load([tmp_path / "nope.json"])
