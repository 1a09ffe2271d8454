#!/usr/bin/env python3
"""Build and check the fresh22 blind gold set (written by reading only; no extractor run).

Writes gold.jsonl and entities.json next to this file, then checks:
- every quote (and every SAID text) is a verbatim substring of its document;
- every ASKED / REPLIED_TO has an `about`, every SAID a `text` and no object;
- every doc has gold and every gold doc exists;
- every name used (subject, object, alternatives) is a canonical name in this entities.json
  or in one of the existing alias tables; every new entity is used.
Run: python3 build_gold.py
"""
import glob
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"
EXISTING = [
    "/work/shared/eval/entities.json",
    "/work/shared/eval/real/entities.json",
    *sorted(p for p in glob.glob("/work/main/bench/real/*/entities.json") if "/fresh22/" not in p),
]

D = {p.name[:6]: p.name for p in DOCS.glob("f22_*.txt")}
G = []

P, O, PO, PR, I = "Person", "Organization", "Post", "Programme", "Inquiry"
ML = "Mayor of London"
SK, BJ = "Sadiq Khan", "Boris Johnson"
LA = "London Assembly"


def F(doc, s, st, p, o, ot, quote, date=None, amount=None, about=None, text=None, alts=()):
    G.append({"doc": D[doc], "subject": s, "subject_type": st, "predicate": p, "object": o,
              "object_type": ot, "date": date, "amount_gbp": amount, "quote": quote,
              "about": about, "text": text, "alternatives": [dict(a) for a in alts]})


def SAID(doc, s, st, text, quote=None, date=None, alts=()):
    F(doc, s, st, "SAID", None, None, quote or text, date=date, text=text, alts=alts)


# ------------------------------------------------------------------ new entities
E = {}


def ent(name, typ, *aliases):
    E[name] = {"type": typ, "aliases": list(aliases)}


# f22_01
ent("Mayor's use of the planning call-in power", PR, "planning call-in power", "call-in power",
    "power to call-in planning applications", "power to call-in planning applications to City Hall",
    "use of the call-in power", "frequent use of the call-in power", "Mayor's planning call-in power",
    "planning call-ins", "call-in of planning applications", "taking over planning decisions from boroughs")
ent("end to City Hall diktats", PR, "an end to City Hall diktats", "end to City Hall diktats and a more cooperative approach to relations with London boroughs",
    "more cooperative approach to relations with London boroughs", "end City Hall diktats")
# f22_02
ent("Adult Education Budget", PR, "AEB", "£311m Adult Education Budget", "delegation of the £311m Adult Education Budget",
    "devolution of the Adult Education Budget", "delegation of the Adult Education Budget", "London's Adult Education Budget")
ent("Department for Education", O, "DfE", "the Department for Education")
ent("further devolution of skills powers to London", PR, "devolve further powers to London", "delegation of 16-18 funding",
    "bespoke devolution deal", "16-18 provision", "devolution of 16-18 funding", "further devolution")
ent("digital technology pipeline", PR, "£7 million digital technology pipeline", "digital technology pipeline helping young Londoners")
# f22_03
ent("Old Oak and Park Royal Development Corporation", O, "OPDC", "the OPDC", "Old Oak and Park Royal Development Corporation (OPDC)",
    "Old Oak & Park Royal Development Corporation")
ent("Old Oak and Park Royal regeneration", PR, "regeneration within its area", "regeneration of Old Oak and Park Royal",
    "Old Oak Common regeneration", "regeneration benefit of the new HS2 station at Old Oak Common", "OPDC delivery plans")
# f22_04
ent("Environment Agency", O, "EA", "the Environment Agency")
ent("Thames Estuary 2100 Plan", PR, "TE2100", "TE2100 Plan", "Thames Estuary 2100", "Thames Estuary 2100 (TE2100) Plan",
    "TE2100 programme", "the Plan", "strategy for managing tidal flood risk in the Thames estuary")
ent("Thames Barrier", PR, "the Barrier", "existing Thames Barrier", "operation of the Barrier")
ent("TE2100 Plan 10-year review", I, "10-year review", "10-year review in 2020", "review of the TE2100 Plan", "this review")
ent("Thurrock Council", O, "Thurrock", "Thurrock Borough Council")
# f22_05
ent("regular meetings between the London Ambulance Service and the Health Committee", PR,
    "meet the Health Committee on a regular basis", "agreement to meet the committee", "regular meetings with the Health Committee",
    "Service’s agreement to meet the committee", "meet the committee to discuss any issues and concerns regularly")
# f22_06
ent("Life Off The Streets", PR, "‘Life Off The Streets’ programme", "Life Off The Streets programme",
    "Mayor’s ‘Life Off The Streets’ programme", "Mayor's Life Off The Streets programme")
ent("Routes Home", PR, "‘Routes Home’ programme", "Routes Home programme", "Mayor’s ‘Routes Home’ programme")
ent("Rapid Response Team", PR, "‘Rapid Response Team’ outreach service", "Rapid Response Team outreach service",
    "Sadiq’s ‘Rapid Response Team’ outreach service")
# f22_07
ent("Heathrow third runway", PR, "third runway at Heathrow", "third runway at Heathrow airport", "planned third runway at Heathrow airport",
    "Heathrow expansion", "expansion of Heathrow", "third runway", "the third runway", "£14 billion expansion", "airport expansion",
    "Heathrow airport expansion", "expanding Heathrow")
ent("legal action against Heathrow expansion", PR, "support legal action against it", "legal action against the third runway",
    "legal challenge to Heathrow expansion")
ent("Gatwick second runway", PR, "second runway at Gatwick airport", "second runway at Gatwick", "Gatwick expansion", "expanded Gatwick")
# f22_08
ent("Amy Lamé", P, "Amy Lame", "Lamé", "Amy")
ent("Night Czar", PO, "night czar", "London's Night Czar", "London's first night czar", "Night Czar for London",
    "first Night Czar", "London’s first ‘Night Czar’", "city’s first ‘Night Czar’")
ent("Mayor of Camden", PO, "mayoress of Camden", "former mayoress of Camden", "Mayor of Camden")
ent("protecting London's iconic venues", PR, "protect iconic venues across the city", "mayor’s commitment to protect iconic venues",
    "commitment to protect iconic venues across the city", "protect iconic venues")
ent("Kate Nicholls", P)
ent("Association of Licensed Multiple Retailers", O, "ALMR", "the ALMR")
ent("Chief Executive of the Association of Licensed Multiple Retailers", PO, "chief executive of the ALMR",
    "chief executive of the Association of Licensed Multiple Retailers (ALMR)", "ALMR chief executive")
# f22_09
ent("Mayor's 2016-17 budget", PR, "final City Hall budget", "his final City Hall budget", "2016-17 budget", "Mayor's final budget 2016-17",
    "Boris Johnson's final budget")
ent("step-free Tube stations", PR, "increase the number of step-free Tube stations", "step-free Tube station programme", "step-free access")
ent("bus priority schemes", PR, "£200m for bus priority schemes", "bus priority")
ent("10% cut in the Mayor's council tax precept", PR, "cut his share of council tax by 10%", "cut his share of council tax by 10% over his mayoralty",
    "ten per cent cut", "manifesto commitment to cut his share of council tax", "trimming council tax",
    "further reduction in City Hall’s share of the council tax", "reduction in City Hall's share of the council tax")
ent("police officer numbers at around 32,000", PR, "maintain police officer numbers", "funding to maintain police officer numbers",
    "maintain police officer numbers “at around 32,000”")
# f22_10
ent("Living Wage Foundation", O, "LWF", "the Living Wage Foundation")
ent("real Living Wage", PR, "UK Living Wage", "real living wage", "voluntary living wage", "Living Wage rates", "the new rates")
ent("Katherine Chapman", P)
ent("Director of the Living Wage Foundation", PO, "LWF director", "Living Wage Foundation director", "director of the LWF")
ent("Heathrow Airport", O, "Heathrow", "Heathrow airport")
# f22_11
ent("Baroness Vere of Norbiton", P, "Baroness Vere", "Charlotte Vere", "Vere")
ent("Minister for Roads, Buses and Places", PO, "Minister for Roads, Buses and Places", "roads minister", "Roads Minister")
ent("Stephen Cowan", P, "Cllr Stephen Cowan", "Councillor Stephen Cowan")
ent("Leader of the London Borough of Hammersmith and Fulham", PO, "Leader of Hammersmith & Fulham Council",
    "Leader of the London Borough of Hammersmith & Fulham", "Leader of Hammersmith and Fulham Council", "H&F Council leader")
ent("Hammersmith Bridge stabilisation", PR, "preferred approach to stabilisation", "stabilisation of Hammersmith Bridge",
    "stabilisation works", "stabilisation")
ent("Hammersmith Bridge Memorandum of Understanding", PR, "Memorandum of Understanding (MoU)", "Memorandum of Understanding", "MoU",
    "the MoU")
ent("TfL extraordinary funding and finance deal", PR, "Transport for London (TfL) extraordinary funding and finance deal",
    "extraordinary funding and finance deal", "TfL funding deal", "TfL extraordinary funding agreement", "funding announcement")
# f22_12
ent("London Assembly Member for City and East", PO, "Assembly Member for City and East", "AM for City and East",
    "London Assembly Member for City & East")
ent("2009 fare increases", PR, "hike in public transport fares", "his hike in public transport fares", "fare rises", "fares hike",
    "fare increases")
# f22_13
ent("London Assembly Stop and Search Working Group", O, "Stop and Search Working Group", "working group on stop and search",
    "Assembly’s working group on stop and search", "Stop and Search Working Group (London Assembly)")
ent("Andy Morgan", P, "Andrew Morgan", "Mr Morgan", "Superintendent Andy Morgan", "Supt Andy Morgan")
ent("Lead Officer on Stop and Search, Metropolitan Police Service", PO, "Lead Officer on Stop and Search",
    "Superintendent, MPS, Lead Officer on Stop and Search", "MPS Lead Officer on Stop and Search")
ent("MPS Stop and Search team", O, "Metropolitan Police Service Stop and Search team", "Stop and Search team",
    "Met's Stop and Search team")
ent("Duwayne Brooks", P, "Councillor Duwayne Brooks", "Cllr Duwayne Brooks")
ent("Independent Advisor to MOPAC on Stop and Search", PO, "Independent Advisor to MOPAC on Stop and Search",
    "critical friend on stop and search", "Deputy Mayor for Policing’s critical friend on stop and search",
    "Councillor, Independent Advisor to MOPAC on Stop and Search")
ent("Matthew Gardner", P, "Chief Superintendent Matthew Gardner", "Chief Supt Matthew Gardner")
ent("Borough Commander, Brent", PO, "Borough Commander for Brent", "Chief Superintendent, MPS, Borough Commander, Brent",
    "Brent Borough Commander")
ent("STOP IT Strategy", PR, "STOP IT", "StopIt", "StopIt programme", "STOP IT strategy", "Stop It strategy")
ent("stop and search", PR, "Stop and Search", "stop and search powers", "use of stop and search", "stop and search tactic",
    "Met's use of stop and search")
# f22_14
ent("London Borough of Hammersmith and Fulham", O, "LBHF", "London Borough of Hammersmith and Fulham (LBHF)", "H&F Council",
    "London Borough of Hammersmith & Fulham")  # alias addition (dev canonical)

# ------------------------------------------------------------------ f22_01 Assembly press release with motion, 5 Mar 2014 (planning call-ins)
d = "f22_01"
DJ, SKN, NG = "Darren Johnson", "Stephen Knight", "Nicky Gavron"
CALLIN = "Mayor's use of the planning call-in power"
ABOUT01 = "Criteria to define Mayor’s use of planning call-in power"
F(d, LA, O, "ASKED", BJ, P,
  "The London Assembly has called on Mayor Boris Johnson to set out clear criteria to define under what circumstances he will use his power to call-in planning applications to City Hall.",
  date="2014-03-05", about=ABOUT01, alts=[{"predicate": "ASKED", "object": ML}])
F(d, DJ, P, "ASKED", BJ, P, "Darren Johnson AM, who proposed the amended motion, said:",
  date="2014-03-05", about=ABOUT01, alts=[{"predicate": "ASKED", "object": ML}])
F(d, LA, O, "CRITICISED", CALLIN, PR,
  "A motion agreed [1] today says that local democracy is being threatened by the frequent use of the call-in power, ignoring local concerns about large scale developments.",
  date="2014-03-05", alts=[{"predicate": "CRITICISED", "object": BJ}, {"predicate": "CRITICISED", "object": ML}])
F(d, DJ, P, "CRITICISED", BJ, P,
  "The recent acceleration in the number and speed with which the Mayor is taking over planning decisions from boroughs totally undermines those pledges and puts developers and investors before local democracy.",
  date="2014-03-05", alts=[{"predicate": "CRITICISED", "object": CALLIN}, {"predicate": "CRITICISED", "object": ML}])
F(d, SKN, P, "CRITICISED", BJ, P,
  "his recent eagerness to stick his oar in before local councils have had a chance to consider projects is undermining local democracy",
  date="2014-03-05", alts=[{"predicate": "CRITICISED", "object": CALLIN}, {"predicate": "CRITICISED", "object": ML}])
F(d, NG, P, "CRITICISED", BJ, P,
  "this Mayor is using it in a way that was not intended", date="2014-03-05",
  alts=[{"predicate": "CRITICISED", "object": CALLIN}, {"predicate": "CRITICISED", "object": ML},
        {"predicate": "ASKED", "object": BJ}])
SAID(d, DJ, P, "totally undermines those pledges and puts developers and investors before local democracy", date="2014-03-05")
SAID(d, SKN, P, "stick his oar in before local councils have had a chance to consider projects", date="2014-03-05")
SAID(d, NG, P, "The Mayor must issue clear guidance defining when and why he will intervene in planning decisions on strategic grounds.",
     date="2014-03-05")
F(d, BJ, P, "COMMITTED_TO", "end to City Hall diktats", PR,
  "In his election manifestos in 2008 and 2012 Boris promised an end to City Hall diktats and a more cooperative approach to relations with London boroughs.",
  date="2008")

# ------------------------------------------------------------------ f22_02 MQT question, 21 Mar 2019 (Jennette Arnold, Adult Education Budget)
d = "f22_02"
JA = "Jennette Arnold"
ABOUT02 = "Adult Education Budget"
F(d, JA, P, "ASKED", SK, P, "Will you be continuing to lobby for the delegation of 16-18 funding?",
  date="2019-03-21", about=ABOUT02, alts=[{"predicate": "ASKED", "object": ML}])
F(d, SK, P, "REPLIED_TO", JA, P,
  "The Skills for Londoners Strategy sets out our ambition to create a single integrated skills and adult education offer for London",
  date="2019-03-21", about=ABOUT02, alts=[{"subject": ML, "predicate": "REPLIED_TO", "object": JA}])
F(d, JA, P, "MEMBER_OF", "Labour Group", O, "Jennette Arnold OBE\nLabour Group")
F(d, "Department for Education", O, "FUNDS", "Adult Education Budget", PR,
  "The delegation of the £311m Adult Education Budget to London this summer is in its final stretch",
  date="2019", amount=311000000,
  alts=[{"subject": "UK Government", "predicate": "FUNDS", "object": "Adult Education Budget"},
        {"predicate": "FUNDS", "object": "Greater London Authority"},
        {"subject": "UK Government", "predicate": "FUNDS", "object": "Greater London Authority"}])
F(d, "Greater London Authority", O, "PARTNERS_WITH", "Department for Education", O,
  "has proved to be a successful collaboration between the Greater London Authority and Government, particularly the Department for Education",
  alts=[{"predicate": "PARTNERS_WITH", "object": "UK Government"},
        {"subject": "Department for Education", "predicate": "PARTNERS_WITH", "object": "Greater London Authority"}])
F(d, SK, P, "ASKED", "UK Government", O,
  "I am going to carry on lobbying the Government to devolve further powers to London including 16‑18 provision, career services, Apprenticeship Levy funds and the UK Shared Prosperity Fund",
  date="2019-03-21", about="devolution of further skills powers to London (16-18 provision, careers services, Apprenticeship Levy, UK Shared Prosperity Fund)",
  alts=[{"predicate": "COMMITTED_TO", "object": "further devolution of skills powers to London"},
        {"subject": ML, "predicate": "ASKED", "object": "UK Government"}])
F(d, SK, P, "WELCOMED", "Adult Education Budget", PR,
  "While devolution of the Adult Education Budget is an important and welcome first step, the Government must go further.",
  date="2019-03-21", alts=[{"predicate": "CRITICISED", "object": "UK Government"}])
F(d, SK, P, "FUNDS", "digital technology pipeline", PR,
  "a £7 million digital technology pipeline helping young Londoners with talent without the opportunity",
  date="2019-03", amount=7000000, alts=[{"subject": ML, "predicate": "FUNDS", "object": "digital technology pipeline"}])

# ------------------------------------------------------------------ f22_03 MD2971, OPDC grants to TfL and the GLA (undated copy; 2021-22)
d = "f22_03"
OPDC = "Old Oak and Park Royal Development Corporation"
F(d, SK, P, "HOLDS_OFFICE", ML, PO, "Decision by: Sadiq Khan, Mayor of London")
F(d, OPDC, O, "FUNDS", "Transport for London", O, "£300,000 from the OPDC to TfL", amount=300000,
  alts=[{"subject": SK, "predicate": "FUNDS", "object": "Transport for London"},
        {"subject": ML, "predicate": "FUNDS", "object": "Transport for London"}])
F(d, OPDC, O, "FUNDS", "Greater London Authority", O, "£60,000 from the OPDC to the GLA.", amount=60000,
  alts=[{"subject": SK, "predicate": "FUNDS", "object": "Greater London Authority"},
        {"subject": ML, "predicate": "FUNDS", "object": "Greater London Authority"}])
F(d, OPDC, O, "LEADS", "Old Oak and Park Royal regeneration", PR,
  "a Mayoral Development Corporation created in 2015 under the Localism Act 2011 to oversee, control and drive regeneration within its area",
  alts=[{"predicate": "OVERSEES", "object": "Old Oak and Park Royal regeneration"}])

# ------------------------------------------------------------------ f22_04 MQT written question 2019/19645, 17 Oct 2019 (Caroline Pidgeon, flood risk)
d = "f22_04"
CP, EA = "Caroline Pidgeon", "Environment Agency"
ABOUT04 = "Flood risks in London"
F(d, CP, P, "ASKED", SK, P,
  "Please set out what steps are currently being undertaken to assess the need of a replacement or a new Thames Barrier to prevent flooding in London.",
  date="2019-10-17", about=ABOUT04, alts=[{"predicate": "ASKED", "object": ML}])
F(d, SK, P, "REPLIED_TO", CP, P,
  "The Thames Estuary 2100 (TE2100) Plan puts in place the strategy for managing tidal flood risk in the Thames estuary out to 2100.",
  date="2019-10-17", about=ABOUT04, alts=[{"subject": ML, "predicate": "REPLIED_TO", "object": CP}])
F(d, CP, P, "MEMBER_OF", "Liberal Democrats", O, "Caroline Pidgeon\nOrganisation: \nLiberal Democrats")
F(d, "London Assembly Environment Committee", O, "REVIEWS", "Thames Barrier", PR,
  "The London Assembly Environment Committee in April 2014 published a report which contained the recommendation: “The operation of the Barrier and expectations for future upgrades should be reviewed",
  date="2014-04", alts=[{"subject": LA, "predicate": "REVIEWS", "object": "Thames Barrier"}])
F(d, EA, O, "LEADS", "Thames Estuary 2100 Plan", PR,
  "The Environment Agency developed the Plan and is responsible for managing flooding in London and the rest of England.",
  alts=[{"predicate": "ESTABLISHED", "object": "Thames Estuary 2100 Plan"}])
F(d, EA, O, "LEADS", "Thames Barrier", PR, "the Environment Agency, who own and operate the existing Thames Barrier")
F(d, SK, P, "PARTNERS_WITH", EA, O, "I have also been working closely with the Environment Agency",
  alts=[{"subject": ML, "predicate": "PARTNERS_WITH", "object": EA}])
F(d, SK, P, "COMMITTED_TO", "TE2100 Plan 10-year review", I,
  "My officers will work with the Environment Agency to support this review.", date="2019-10",
  alts=[{"subject": ML, "predicate": "COMMITTED_TO", "object": "TE2100 Plan 10-year review"},
        {"predicate": "PARTNERS_WITH", "object": EA}])
F(d, SK, P, "ASKED", "Thurrock Council", O,
  "Together with the Environment Agency and Port of London Authority I have successfully called on Thurrock Council to safeguard land for the barrier",
  date="2019", about="safeguarding land for a future Thames Barrier",
  alts=[{"subject": ML, "predicate": "ASKED", "object": "Thurrock Council"},
        {"subject": EA, "predicate": "ASKED", "object": "Thurrock Council"},
        {"subject": "Port of London Authority", "predicate": "ASKED", "object": "Thurrock Council"}])
F(d, SK, P, "PARTNERS_WITH", "Port of London Authority", O,
  "Together with the Environment Agency and Port of London Authority I have successfully called on Thurrock Council",
  alts=[{"subject": ML, "predicate": "PARTNERS_WITH", "object": "Port of London Authority"}])

# ------------------------------------------------------------------ f22_05 Assembly press release, 11 Oct 2018 (London Ambulance Service)
d = "f22_05"
HC, LAS, OS = "London Assembly Health Committee", "London Ambulance Service", "Onkar Sahota"
REG = "regular meetings between the London Ambulance Service and the Health Committee"
Q05 = "After a meeting at City Hall today the LAS has agreed to meet the Health Committee on a regular basis so that elected Assembly Members can both support the work of the LAS and raise any concerns."
F(d, HC, O, "OVERSEES", LAS, O, Q05, date="2018-10-11",
  alts=[{"predicate": "REVIEWS", "object": LAS}, {"subject": LA, "predicate": "OVERSEES", "object": LAS}])
F(d, LAS, O, "COMMITTED_TO", REG, PR, Q05, date="2018-10-11",
  alts=[{"predicate": "PARTNERS_WITH", "object": HC}])
F(d, OS, P, "CHAIRS", HC, O, "Dr Onkar Sahota AM, Chair of the Health Committee, said:",
  alts=[{"predicate": "MEMBER_OF", "object": HC}])
SAID(d, OS, P, "We very much welcome the Service’s agreement to meet the committee to discuss any issues and concerns regularly in the future.",
     date="2018-10-11")
F(d, OS, P, "WELCOMED", REG, PR,
  "We very much welcome the Service’s agreement to meet the committee to discuss any issues and concerns regularly in the future.",
  date="2018-10-11",
  alts=[{"predicate": "WELCOMED", "object": LAS}, {"subject": HC, "predicate": "WELCOMED", "object": REG},
        {"subject": HC, "predicate": "WELCOMED", "object": LAS}])
Q05b = "the Mayor should oversee the ambulance service in the same way he oversees the Met and the London Fire Brigade"
F(d, SK, P, "OVERSEES", "Metropolitan Police Service", O, Q05b,
  alts=[{"subject": ML, "predicate": "OVERSEES", "object": "Metropolitan Police Service"}])
F(d, SK, P, "OVERSEES", "London Fire Brigade", O, Q05b,
  alts=[{"subject": ML, "predicate": "OVERSEES", "object": "London Fire Brigade"}])

# ------------------------------------------------------------------ f22_06 Mayoral press release, 21 Oct 2019 (rough sleeping budget)
d = "f22_06"
F(d, SK, P, "HOLDS_OFFICE", ML, PO, "The Mayor of London, Sadiq Khan, has more than doubled his rough sleeping budget to £19.2m")
F(d, SK, P, "FUNDS", "Life Off The Streets", PR,
  "The £19.2m funding will be used to support and expand the Mayor’s ‘Life Off The Streets’ programme",
  date="2019-10-21", amount=19200000,
  alts=[{"predicate": "FUNDS", "object": "Mayor's rough sleeping budget"},
        {"subject": ML, "predicate": "FUNDS", "object": "Life Off The Streets"}])
F(d, SK, P, "LEADS", "Life Off The Streets", PR,
  "the Mayor’s ‘Life Off The Streets’ programme – made up of shelters, outreach teams and support services working across London to help rough sleepers",
  alts=[{"predicate": "ESTABLISHED", "object": "Life Off The Streets"},
        {"subject": ML, "predicate": "LEADS", "object": "Life Off The Streets"}])
F(d, SK, P, "CRITICISED", "UK Government", O, "the Government failing to tackle the root causes of homelessness",
  date="2019-10-21", alts=[{"subject": ML, "predicate": "CRITICISED", "object": "UK Government"}])
F(d, SK, P, "FUNDS", "Routes Home", PR, "Increased funding for the Mayor’s ‘Routes Home’ programme", date="2019-10-21",
  alts=[{"subject": ML, "predicate": "FUNDS", "object": "Routes Home"}])
F(d, SK, P, "FUNDS", "Rapid Response Team", PR, "Further support for Sadiq’s ‘Rapid Response Team’ outreach service",
  date="2019-10-21", alts=[{"subject": ML, "predicate": "FUNDS", "object": "Rapid Response Team"},
                            {"predicate": "LEADS", "object": "Rapid Response Team"}])

# ------------------------------------------------------------------ f22_07 Guardian series (Newsquest), MQT 21 Jun 2018 (Heathrow)
d = "f22_07"
TA, KP, CR, SB = "Anthony Arbour", "Keith Prince", "Caroline Russell", "Sian Berry"
H3 = "Heathrow third runway"
ABOUT07 = "preventing the planned third runway at Heathrow"
F(d, TA, P, "ASKED", SK, P,
  "Conservative London Assembly member Tony Arbour questioned Mayor Sadiq Khan on what he would be doing to prevent the planned third runway at Heathrow airport",
  date="2018-06", about=ABOUT07, alts=[{"predicate": "ASKED", "object": ML}])
F(d, SK, P, "REPLIED_TO", TA, P,
  "Mr Khan said that airport expansion was needed in the capital but the government progressing with the third runway was the “wrong decision”.",
  date="2018-06", about=ABOUT07)
F(d, TA, P, "MEMBER_OF", "GLA Conservatives", O, "Conservative London Assembly member Tony Arbour",
  alts=[{"predicate": "MEMBER_OF", "object": "Conservatives"}, {"predicate": "MEMBER_OF", "object": LA}])
F(d, SK, P, "CRITICISED", H3, PR,
  "the government progressing with the third runway was the “wrong decision”", date="2018-06",
  alts=[{"predicate": "CRITICISED", "object": "UK Government"}])
SAID(d, SK, P, "I remain committed to opposing the decision because of the impact it will have on public health as well as noise and air pollution.",
     date="2018-06")
F(d, SK, P, "COMMITTED_TO", "legal action against Heathrow expansion", PR,
  "The mayor said that if the expansion was approved by Parliament he intends to support legal action against it.",
  date="2018-06")
F(d, LA, O, "CRITICISED", H3, PR,
  "The plans were officially opposed by the assembly at the beginning of the month", date="2018-06")
F(d, "UK Government", O, "COMMITTED_TO", H3, PR,
  "following a vote from the Cabinet in favour of the £14 billion expansion", date="2018-06",
  alts=[{"predicate": "WELCOMED", "object": H3}])
F(d, KP, P, "ASKED", SK, P,
  "Conservative assembly member Keith Prince also asked: “Will you commit to lying down in front on the bulldozers at the airport as your predecessor Boris Johnson said he would do?”",
  date="2018-06", about="lying down in front of the bulldozers at Heathrow", alts=[{"predicate": "ASKED", "object": ML}])
F(d, KP, P, "MEMBER_OF", "GLA Conservatives", O, "Conservative assembly member Keith Prince",
  alts=[{"predicate": "MEMBER_OF", "object": "Conservatives"}, {"predicate": "MEMBER_OF", "object": LA}])
F(d, SK, P, "WELCOMED", "Gatwick second runway", PR,
  "Mr Khan also suggested that a better option to the Heathrow expansion would be a second runway at Gatwick airport",
  date="2018-06", alts=[{"predicate": "COMMITTED_TO", "object": "Gatwick second runway"}])
F(d, CR, P, "CRITICISED", SK, P,
  "he is supporting Gatwick expansion and worsening lives of people in Crawley, East Grinstead and Reigate", date="2018-06",
  alts=[{"predicate": "CRITICISED", "object": "Gatwick second runway"}, {"predicate": "CRITICISED", "object": ML}])
SAID(d, CR, P, "The Mayor opposes Heathrow expansion but while protecting residents in Harmondsworth, Hillingdon and Richmond",
     date="2018-06")
F(d, SB, P, "CRITICISED", SK, P, "Whilst Sian Berry called his decision “fudge and nimbyism”.", date="2018-06",
  alts=[{"predicate": "CRITICISED", "object": ML}, {"predicate": "CRITICISED", "object": "Gatwick second runway"}])
SAID(d, SB, P, "fudge and nimbyism", quote="Whilst Sian Berry called his decision “fudge and nimbyism”.", date="2018-06")

# ------------------------------------------------------------------ f22_08 Morning Advertiser, 4 Nov 2016 (Night Czar)
d = "f22_08"
AL, KN, ALMR = "Amy Lamé", "Kate Nicholls", "Association of Licensed Multiple Retailers"
F(d, AL, P, "HOLDS_OFFICE", "Night Czar", PO,
  "The London mayor this morning (4 November) announced the appointment of Amy Lamé")
F(d, SK, P, "ESTABLISHED", "Night Czar", PO,
  "Sadiq Khan has revealed the identity of London's first night czar to champion the capital’s night-time industry.",
  date="2016-11-04", alts=[{"subject": ML, "predicate": "ESTABLISHED", "object": "Night Czar"}])
F(d, AL, P, "HOLDS_OFFICE", "Mayor of Camden", PO, "a writer, broadcaster, DJ and former mayoress of Camden")
SAID(d, AL, P, "I’m confident that I can inspire a positive change in the way people think about the night-time economy",
     date="2016-11-04")
F(d, SK, P, "COMMITTED_TO", "protecting London's iconic venues", PR,
  "the mayor’s commitment to protect iconic venues across the city",
  alts=[{"subject": ML, "predicate": "COMMITTED_TO", "object": "protecting London's iconic venues"}])
F(d, KN, P, "HOLDS_OFFICE", "Chief Executive of the Association of Licensed Multiple Retailers", PO,
  "Kate Nicholls, chief executive of the Association of Licensed Multiple Retailers (ALMR)",
  alts=[{"predicate": "LEADS", "object": ALMR}, {"predicate": "MEMBER_OF", "object": ALMR}])
SAID(d, KN, P, "it is important that its night-time economy is at the cutting edge", date="2016-11-04")
F(d, ALMR, O, "WELCOMED", AL, P,
  "Response from the hospitality industry to Lamé's appointment has been wholly positive.", date="2016-11-04",
  alts=[{"subject": KN, "predicate": "WELCOMED", "object": AL}, {"predicate": "WELCOMED", "object": "Night Czar"},
        {"subject": KN, "predicate": "WELCOMED", "object": "Night Czar"}])

# ------------------------------------------------------------------ f22_09 MayorWatch, Feb 2016 (Boris Johnson's final budget approved)
d = "f22_09"
B16 = "Mayor's 2016-17 budget"
F(d, BJ, P, "WELCOMED", B16, PR,
  "Boris Johnson has welcomed the London Assembly’s approval of his final City Hall budget.", date="2016-02",
  alts=[{"predicate": "WELCOMED", "object": LA}])
F(d, BJ, P, "FUNDS", "step-free Tube stations", PR,
  "Transport for London will get an additional £250m to increase the number of step-free Tube stations",
  date="2016-02", amount=250000000, alts=[{"predicate": "FUNDS", "object": "Transport for London"}])
F(d, BJ, P, "FUNDS", "bus priority schemes", PR, "£200m for bus priority schemes", date="2016-02", amount=200000000,
  alts=[{"predicate": "FUNDS", "object": "Transport for London"}])
F(d, BJ, P, "FUNDS", "Metropolitan Police Service", O,
  "funding to maintain police officer numbers “at around 32,000”", date="2016-02",
  alts=[{"predicate": "FUNDS", "object": "police officer numbers at around 32,000"}])
F(d, BJ, P, "COMMITTED_TO", "10% cut in the Mayor's council tax precept", PR,
  "The mayor says the budget delivers on a manifesto commitment to cut his share of council tax by 10% over his mayoralty.")
F(d, SKN, P, "CRITICISED", BJ, P,
  "Liberal Democrat Assembly Member Stephen Knight has attacked the mayor for waiting until his final weeks in office before delivering on the commitment.",
  date="2016-02", alts=[{"predicate": "CRITICISED", "object": "10% cut in the Mayor's council tax precept"}])
F(d, SKN, P, "MEMBER_OF", "Liberal Democrats", O, "Liberal Democrat Assembly Member Stephen Knight",
  alts=[{"predicate": "MEMBER_OF", "object": LA}])
SAID(d, BJ, P, "This budget delivers the growth and investment London needs to meet its surging population", date="2016-02")

# ------------------------------------------------------------------ f22_10 ITV News London, 6 Nov 2017 (London Living Wage)
d = "f22_10"
LWF = "Living Wage Foundation"
F(d, LWF, O, "LEADS", "real Living Wage", PR,
  "the Living Wage Foundation (LWF) hiked the UK Living Wage by 30p an hour to £8.75",
  alts=[{"predicate": "LEADS", "object": "London Living Wage"}, {"predicate": "COMMITTED_TO", "object": "real Living Wage"}])
F(d, "Katherine Chapman", P, "HOLDS_OFFICE", "Director of the Living Wage Foundation", PO, "LWF director Katherine Chapman",
  alts=[{"predicate": "LEADS", "object": LWF}, {"predicate": "MEMBER_OF", "object": LWF}])
SAID(d, "Katherine Chapman", P,
     "The new rates will bring relief for thousands of UK workers being squeezed by stagnant wages and rising inflation.", date="2017-11-06")
F(d, "Heathrow Airport", O, "COMMITTED_TO", "London Living Wage", PR,
  "Heathrow, which is among over 150 employers to agree recently to pay the higher rate, said 3,200 airport workers will be paid the voluntary living wage by 2020.",
  date="2017", alts=[{"predicate": "COMMITTED_TO", "object": "real Living Wage"}])
F(d, SK, P, "WELCOMED", "London Living Wage", PR, 'Sadiq Khan said he was "pleased" with the development.', date="2017-11-06",
  alts=[{"predicate": "WELCOMED", "object": "real Living Wage"}, {"predicate": "WELCOMED", "object": LWF}])
SAID(d, SK, P, "I am determined to make London a fairer and more equal city", date="2017-11-06")

# ------------------------------------------------------------------ f22_11 DfT letter, Baroness Vere to Cllr Stephen Cowan, 20 Aug 2021 (Hammersmith Bridge)
d = "f22_11"
VR, SC, LBHF = "Baroness Vere of Norbiton", "Stephen Cowan", "London Borough of Hammersmith and Fulham"
F(d, VR, P, "HOLDS_OFFICE", "Minister for Roads, Buses and Places", PO, "Baroness Vere of Norbiton Minister for Roads, Buses and Places")
F(d, SC, P, "HOLDS_OFFICE", "Leader of the London Borough of Hammersmith and Fulham", PO,
  "Leader of the London Borough of Web site: www.gov.uk/dft Hammersmith & Fulham",
  alts=[{"predicate": "LEADS", "object": LBHF}, {"predicate": "MEMBER_OF", "object": LBHF}])
F(d, VR, P, "REPLIED_TO", SC, P, "I am responding to three letters you have written in the last month on Hammersmith Bridge",
  date="2021-08-20", about="Hammersmith Bridge",
  alts=[{"subject": "Department for Transport", "predicate": "REPLIED_TO", "object": SC},
        {"predicate": "REPLIED_TO", "object": LBHF}])
F(d, SC, P, "ASKED", VR, P, "your letters to me on 23 July and 13 August", date="2021-07-23", about="Hammersmith Bridge",
  alts=[{"subject": LBHF, "predicate": "ASKED", "object": VR}])
F(d, VR, P, "ASKED", LBHF, O, "as requested in my letter of 1 June", date="2021-06-01",
  about="a decision on LBHF's preferred approach to stabilising Hammersmith Bridge",
  alts=[{"predicate": "ASKED", "object": SC}])
F(d, VR, P, "WELCOMED", LBHF, O,
  "It is welcome news that the London Borough of Hammersmith and Fulham (LBHF) has made a decision on its preferred approach to stabilisation",
  date="2021-08-20", alts=[{"predicate": "WELCOMED", "object": "Hammersmith Bridge stabilisation"}])
F(d, "UK Government", O, "FUNDS", "Hammersmith Bridge restoration", PR,
  "the conditions which the Government has attached to the offer of funding for the repair of the bridge, through the Transport for London (TfL) extraordinary funding and finance deal",
  date="2021-06",
  alts=[{"predicate": "COMMITTED_TO", "object": "Hammersmith Bridge restoration"},
        {"subject": "Department for Transport", "predicate": "FUNDS", "object": "Hammersmith Bridge restoration"},
        {"predicate": "FUNDS", "object": "TfL extraordinary funding and finance deal"},
        {"predicate": "FUNDS", "object": "Transport for London"}])
F(d, "Department for Transport", O, "PARTNERS_WITH", LBHF, O,
  "DfT officials met with LBHF and TfL officials to discuss the spirit and content of the MoU", date="2021-06-07",
  alts=[{"predicate": "PARTNERS_WITH", "object": "Transport for London"},
        {"predicate": "PARTNERS_WITH", "object": "Hammersmith Bridge Memorandum of Understanding"}])

# ------------------------------------------------------------------ f22_12 John Biggs AM, letter to the East London Advertiser, 2009
d = "f22_12"
JB = "John Biggs"
F(d, JB, P, "CRITICISED", BJ, P, "But it is wrong that this has been done without squeezing Londoners, particularly the poorest.",
  date="2009", alts=[{"predicate": "CRITICISED", "object": "freeze in the GLA council tax precept"}])
F(d, JB, P, "CRITICISED", "2009 fare increases", PR,
  "his hike in public transport fares has increased bus and tube travel between �160 and �300 a year", date="2009",
  alts=[{"predicate": "CRITICISED", "object": BJ}])
F(d, BJ, P, "COMMITTED_TO", "freeze in the GLA council tax precept", PR,
  "The Mayor’s GLA council tax freeze will save the average London household about 11p a week", date="2009",
  alts=[{"subject": ML, "predicate": "COMMITTED_TO", "object": "freeze in the GLA council tax precept"}])
F(d, JB, P, "HOLDS_OFFICE", "London Assembly Member for City and East", PO, "London Assembly Member for City and East",
  alts=[{"predicate": "MEMBER_OF", "object": LA}])
F(d, JB, P, "MEMBER_OF", "Labour Group", O, "John Biggs (Lab)", alts=[{"predicate": "MEMBER_OF", "object": "Labour Party"}])

# ------------------------------------------------------------------ f22_13 Stop and Search Working Group transcript, 11 Jul 2013
d = "f22_13"
JJ, AM_, WG = "Jenny Jones", "Andy Morgan", "London Assembly Stop and Search Working Group"
MPS = "Metropolitan Police Service"
F(d, JJ, P, "CHAIRS", WG, O, "Stop and Search Working Group 11 July 2013 Transcript of Item 5: Stop and Search Jenny Jones (Chair)",
  alts=[{"predicate": "MEMBER_OF", "object": WG}])
F(d, WG, O, "REVIEWS", "stop and search", PR, "Stop and Search Working Group 11 July 2013 Transcript of Item 5: Stop and Search",
  date="2013-07-11", alts=[{"predicate": "REVIEWS", "object": MPS}, {"predicate": "OVERSEES", "object": MPS}])
F(d, AM_, P, "HOLDS_OFFICE", "Lead Officer on Stop and Search, Metropolitan Police Service", PO,
  "Andy Morgan (Superintendent, MPS, Lead Officer on Stop and Search)", alts=[{"predicate": "MEMBER_OF", "object": MPS}])
F(d, AM_, P, "LEADS", "MPS Stop and Search team", O,
  "I am Andrew Morgan, Superintendent in charge of the Metropolitan Police Service Stop and Search team",
  alts=[{"predicate": "CHAIRS", "object": "MPS Stop and Search team"}])
F(d, "Duwayne Brooks", P, "HOLDS_OFFICE", "Independent Advisor to MOPAC on Stop and Search", PO,
  "Duwayne Brooks (Councillor, Independent Advisor to MOPAC on Stop and Search)",
  alts=[{"predicate": "MEMBER_OF", "object": "Mayor's Office for Policing and Crime"},
        {"predicate": "PARTNERS_WITH", "object": "Mayor's Office for Policing and Crime"}])
F(d, "Matthew Gardner", P, "HOLDS_OFFICE", "Borough Commander, Brent", PO,
  "Matthew Gardner (Chief Superintendent, MPS, Borough Commander, Brent)", alts=[{"predicate": "MEMBER_OF", "object": MPS}])
F(d, JJ, P, "ASKED", AM_, P, "Mr Morgan, would you like to tell us how you think stop and search has changed?",
  date="2013-07-11", about="Stop and Search")
F(d, AM_, P, "REPLIED_TO", JJ, P,
  "When the current Commissioner came into the service, and Mr [Craig] Mackey his deputy, they were aware that there was quite significant concern in the communities about how stop and search was taking place in London",
  date="2013-07-11", about="Stop and Search")
F(d, "Bernard Hogan-Howe", P, "ESTABLISHED", "STOP IT Strategy", PR,
  "they came up with this strategy, the STOP IT Strategy",
  alts=[{"predicate": "LEADS", "object": "STOP IT Strategy"},
        {"subject": "Commissioner of the Metropolitan Police", "predicate": "ESTABLISHED", "object": "STOP IT Strategy"},
        {"subject": MPS, "predicate": "ESTABLISHED", "object": "STOP IT Strategy"},
        {"subject": MPS, "predicate": "LEADS", "object": "STOP IT Strategy"},
        {"subject": "Craig Mackey", "predicate": "ESTABLISHED", "object": "STOP IT Strategy"}])
F(d, "Craig Mackey", P, "HOLDS_OFFICE", "Deputy Commissioner of the Metropolitan Police", PO, "Mr [Craig] Mackey his deputy")

# ------------------------------------------------------------------ f22_14 Police and Crime Committee transcript, 4 Sep 2019 (Notting Hill Carnival)
d = "f22_14"
UD, SH, PCC = "Unmesh Desai", "Stephen House", "London Assembly Police and Crime Committee"
MOPAC = "Mayor's Office for Policing and Crime"
ABOUT14 = "Question and Answer Session with the Mayor’s Office for Policing and Crime and the Service"
F(d, UD, P, "CHAIRS", PCC, O, "Unmesh Desai AM (Chair)", alts=[{"predicate": "MEMBER_OF", "object": PCC}])
F(d, PCC, O, "OVERSEES", MOPAC, O,
  "our monthly question and answer session with the Mayor’s Office for Policing and Crime (MOPAC) and the Metropolitan Police Service (MPS)",
  date="2019-09-04",
  alts=[{"predicate": "OVERSEES", "object": MPS}, {"predicate": "REVIEWS", "object": MOPAC}, {"predicate": "REVIEWS", "object": MPS}])
F(d, "Sophie Linden", P, "HOLDS_OFFICE", "Deputy Mayor for Policing and Crime", PO, "Sophie Linden, Deputy Mayor for Policing and Crime")
F(d, SH, P, "HOLDS_OFFICE", "Deputy Commissioner of the Metropolitan Police", PO, "Sir Stephen House, Deputy Commissioner of the MPS")
F(d, "Claire Waxman", P, "HOLDS_OFFICE", "London Victims' Commissioner", PO, "Claire Waxman, Victims’ Commissioner for London")
F(d, UD, P, "ASKED", SH, P,
  "Deputy Commissioner, could you give me your assessment of the success of Carnival this year from a policing perspective",
  date="2019-09-04", about=ABOUT14,
  alts=[{"predicate": "ASKED", "object": "Deputy Commissioner of the Metropolitan Police"},
        {"predicate": "ASKED", "object": MPS}])
F(d, SH, P, "REPLIED_TO", UD, P, "There were 478 offences recorded with a Carnival flag on them, which is down significantly on 2018.",
  date="2019-09-04", about=ABOUT14)


# ------------------------------------------------------------------ checks
def main():
    tables = {}
    for t in EXISTING:
        tables.update(json.loads(Path(t).read_text()))
    clash = sorted(set(E) & set(tables))
    tables.update(E)
    texts = {p.name: p.read_text() for p in DOCS.glob("*.txt")}
    errors = []
    for g in G:
        doc = texts[g["doc"]]
        if g["quote"] not in doc:
            errors.append(f"quote not verbatim: {g['doc']}: {g['quote'][:70]!r}")
        if g["predicate"] in ("ASKED", "REPLIED_TO") and not g["about"]:
            errors.append(f"no about: {g['doc']} {g['subject']} {g['predicate']}")
        if g["predicate"] == "SAID":
            if not g["text"] or g["text"] not in doc:
                errors.append(f"SAID text missing/not verbatim: {g['text']!r}")
            if g["object"] is not None:
                errors.append("SAID with object")
        names = [g["subject"], g["object"]] + [a.get("subject") for a in g["alternatives"]] + \
                [a.get("object") for a in g["alternatives"]]
        for n in names:
            if n is not None and n not in tables:
                errors.append(f"unknown entity: {n!r} ({g['doc']})")
    for name in texts:
        if name not in {g["doc"] for g in G}:
            errors.append(f"doc without gold: {name}")
    used = {n for g in G for n in [g["subject"], g["object"]] + [a.get("subject") for a in g["alternatives"]]
            + [a.get("object") for a in g["alternatives"]] if n}
    for n in E:
        if n not in used:
            errors.append(f"entity not used by the gold: {n!r}")
    (HERE / "gold.jsonl").write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in G))
    (HERE / "entities.json").write_text(json.dumps(E, ensure_ascii=False, indent=1) + "\n")
    print(len(G), "facts;", len(E), "entities; shared canonical names (alias additions):", clash)
    print(dict(sorted(Counter(g["predicate"] for g in G).items(), key=lambda kv: -kv[1])))
    print(dict(sorted(Counter(g["doc"][:6] for g in G).items())))
    for e in sorted(set(errors)):
        print("ERROR", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
