#!/usr/bin/env python3
"""Build and check the fresh21 blind gold set (written by reading only; no extractor run).

Writes gold.jsonl and entities.json next to this file, then checks:
- every quote (and every SAID text) is a verbatim substring of its document;
- every ASKED / REPLIED_TO has an `about`, every SAID a `text` and no object;
- every doc has gold and every gold doc exists;
- every name used (subject, object, alternatives) is a canonical name in this entities.json
  or in one of the existing alias tables.
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
    *sorted(p for p in glob.glob("/work/main/bench/real/*/entities.json") if "/fresh21/" not in p),
]

D = {p.name[:6]: p.name for p in DOCS.glob("f21_*.txt")}
G = []

P, O, PO, PR, I = "Person", "Organization", "Post", "Programme", "Inquiry"
ML = "Mayor of London"


def F(doc, s, st, p, o, ot, quote, date=None, amount=None, about=None, text=None, alts=()):
    G.append({"doc": D[doc], "subject": s, "subject_type": st, "predicate": p, "object": o,
              "object_type": ot, "date": date, "amount_gbp": amount, "quote": quote,
              "about": about, "text": text, "alternatives": [dict(a) for a in alts]})


# ------------------------------------------------------------------ new entities
E = {}


def ent(name, typ, *aliases):
    E[name] = {"type": typ, "aliases": list(aliases)}


ent("Secretary of State for Transport, Local Government and the Regions", PO,
    "Secretary of State for Transport, Local Government and the Regions", "Transport, Local Government and the Regions Secretary")
ent("London Regional Transport", O, "LRT", "London Transport", "LT")
ent("Malcolm Bates", P, "Sir Malcolm Bates")
ent("London Underground PPP", PR, "PPP", "Tube PPP", "public private partnership", "Public Private Partnership",
    "PPP contracts", "public-private partnership")
ent("Lower Lea Valley regeneration", PR, "wider regeneration of the Lower Lea Valley", "regeneration of the Lower Lea Valley",
    "strategic land holdings in the Lower Lea Valley", "land acquisition in the Lower Lea Valley")
ent("Lea Valley development framework", PR, "development framework for the whole of the Lea Valley",
    "development framework for the Lea Valley")
ent("Congestion Charge western extension", PR, "western extension", "western extension of the congestion charge",
    "western extension of the congestion charge area", "Western Extension Zone", "WEZ", "congestion charge extension")
ent("pay next day facility", PR, "pay next day")
ent("Olympic Park land assembly", PR, "assembly of all the land required for the Olympic Park", "2012 Land Assembly",
    "land assembly for the Olympic Park", "assembly of the Olympic Park land")
ent("New Routemaster", PR, "prototype routemaster buses", "New Routemaster buses", "new bus for London",
    "New Bus for London", "prototypes")
ent("Geoff Hoon", P, "Transport Secretary Geoff Hoon")
ent("Homes and Communities Agency", O, "HCA", "the Homes and Communities Agency")
ent("First Steps", PR, "First Steps initiative", "‘First Steps’ (low cost home ownership) initiative",
    "low cost home ownership initiative", "First Steps low cost home ownership")
ent("Priority Parks", PR, "top-ten winning parks", "Priority Parks programme", "park makeovers")
ent("freeze in the GLA council tax precept", PR, "Council Tax Freeze", "freeze in the GLA’s share of the council tax",
    "council tax freeze", "unprecedented freeze in the GLA’s share of the council tax")
ent("Jonathan Goolden", P)
ent("Goolden report", I, "report of Jonathan Goolden", "Jonathan Goolden’s report", "Goolden’s report")
ent("GLA Standards Committee", O, "Standards Committee", "the GLA Standards Committee")
ent("Kit Malthouse", P, "Kit Malthouse AM")
ent("Vice Chairman of the Metropolitan Police Authority", PO, "Vice Chairman of the MPA", "Vice Chair of the Metropolitan Police Authority",
    "Vice Chairman")
for n in ("Faith Boardman", "Victoria Borwick", "Valerie Brasse", "Dee Doocey", "Kirsten Hearn", "Neil Johnson",
          "Clive Lawton", "Amanda Sater", "Catherine Crawford", "Jane Harwood", "Bob Atkins", "Anne McMeel"):
    ent(n, P)
ent("Tim Godwin", P, "Tim Godwin QPM")
ent("Chief Executive of the Metropolitan Police Authority", PO, "Chief Executive, MPA", "MPA Chief Executive", "Chief Executive")
ent("Deputy Chief Executive of the Metropolitan Police Authority", PO, "Deputy Chief Executive, MPA", "Deputy Chief Executive")
ent("Treasurer of the Metropolitan Police Authority", PO, "Treasurer, MPA", "MPA Treasurer", "Treasurer")
ent("Acting Commissioner of the Metropolitan Police", PO, "Acting Commissioner", "Acting Commissioner of Police of the Metropolis",
    "Acting Metropolitan Police Commissioner")
ent("Director of Resources, Metropolitan Police Service", PO, "Director of Resources", "MPS Director of Resources")
ent("police front counter closures", PR, "plans to reduce the number of front counters", "closure of police front counters",
    "front counter closures", "closures to front desks", "decision to close five police front counters",
    "planned cuts to police front counters", "axing front counters", "closing police front counters")
ent("Tony King", P)
ent("David Gallie", P)
ent("Heidi Alexander", P)
ent("Group Finance Director, Transport for London", PO, "Group Finance Director at TfL", "Group Finance Director, TfL", "Group Finance Director")
ent("Chief Financial Officer, Transport for London", PO, "Chief Financial Officer (CFO), TfL", "Chief Financial Officer, TfL", "CFO, TfL",
    "Chief Financial Officer", "Chief Finance Officer, Transport for London", "TfL Chief Financial Officer")
ent("Executive Director of Resources, Greater London Authority", PO, "Executive Director of Resources", "GLA Executive Director of Resources")
ent("Imperial College London", O, "Imperial College", "Imperial College [London]")
ent("London Borough of Harrow", O, "Harrow Council", "Harrow", "LB Harrow", "Harrow London Borough Council")
ent("Leader of Harrow Council", PO, "the leader", "leader of Harrow Council", "Harrow Council leader")
ent("ULEZ expansion", PR, "proposed ULEZ expansion", "ULEZ expansion", "expansion of the ULEZ", "London-wide ULEZ",
    "expansion of the Ultra Low Emission Zone", "Ulez expansion")
ent("Riverlinx", O, "Riverlinx consortium")
ent("Sian Berry", P, "Siân Berry", "Sian Berry AM", "Siân Berry AM", "Ms Berry")
ent("Louise Casey", P, "Baroness Louise Casey", "Baroness Casey", "Baroness Casey of Blackstock", "Dame Louise Casey")
ent("Baroness Casey Review", I, "Baroness Louise Casey Review", "Casey Review", "Casey review", "independent review",
    "independent review of standards of behaviour and internal culture of the Met", "Baroness Casey review")
ent("24/7 police front counter in every borough", PR, "one 24-hour front counter in each borough",
    "24/7 front counter in every borough", "24-hour front counter in each borough", "24/7 police station front counter",
    "at least one 24/7 police station front counter open in every London borough", "Public Access Strategy pledge")
ent("Public Access Strategy", PR, "Public Access Strategy pledge", "MOPAC Public Access Strategy")
ent("BBC Panorama", O, "Panorama", "BBC", "BBC Panorama undercover documentary")
for n in ("David Spencer", "Andy George", "Mirren Gidda", "Collet Hunter", "Ian Weatherley"):
    ent(n, P)
ent("Gavin Stephens", P, "Chief Constable Gavin Stephens")
ent("Policy Exchange", O)
ent("National Black Police Association", O, "NBPA")
ent("Tower Hamlets Community Monitoring Group", O)
ent("Lewisham Safer Neighbourhood Board", O)
ent("Havering Community Monitoring Group", O)
ent("Head of Crime and Justice, Policy Exchange", PO, "Head of Crime and Justice")
ent("President of the National Black Police Association", PO, "President, National Black Police Association")
ent("Vice-Chair of Lewisham Safer Neighbourhood Board", PO, "Vice-Chair, Lewisham Safer Neighbourhood Board")
ent("Chair of the National Police Chiefs' Council", PO, "Chair, National Police Chiefs' Council", "NPCC Chair")
ent("Chair of Tower Hamlets Community Monitoring Group", PO, "Chair, Tower Hamlets Community Monitoring Group")
ent("Chair of Havering Community Monitoring Group", PO, "Chair, Havering Community Monitoring Group")

# ------------------------------------------------------------------ f21_01 Livingstone letter to Byers, 28 Feb 2002
d = "f21_01"
KL = "Ken Livingstone"
F(d, KL, P, "ASKED", "Stephen Byers", P,
  "It is with very great regret that I have to tell you that I have instructed my lawyers to write to London Regional Transport in connection with PPP.",
  date="2002-02-28", about="legal action against London Regional Transport over withheld PPP material",
  alts=[{"subject": ML, "predicate": "ASKED", "object": "Stephen Byers"},
        {"predicate": "ASKED", "object": "Secretary of State for Transport, Local Government and the Regions"}])
F(d, "Stephen Byers", P, "HOLDS_OFFICE", "Secretary of State for Transport, Local Government and the Regions", PO,
  "Rt Hon Stephen Byers MP Secretary of State for Transport, Local Government and the Regions",
  alts=[{"predicate": "HOLDS_OFFICE", "object": "Secretary of State for Transport"}])
F(d, KL, P, "ASKED", "London Regional Transport", O,
  "Despite numerous requests and a very strongly worded letter to Sir Malcolm Bates sent last Friday (which has been ignored)",
  date="2002-02", about="key PPP material on risk transfer and value for money",
  alts=[{"predicate": "ASKED", "object": "Malcolm Bates"}, {"subject": ML, "predicate": "ASKED", "object": "London Regional Transport"},
        {"subject": ML, "predicate": "ASKED", "object": "Malcolm Bates"},
        {"subject": "Bob Kiley", "predicate": "ASKED", "object": "London Regional Transport"}])
F(d, KL, P, "CRITICISED", "London Regional Transport", O,
  "We are forced to conclude that either the material is, for some reason, being deliberately concealed from us",
  date="2002-02-28",
  alts=[{"subject": ML, "predicate": "CRITICISED", "object": "London Regional Transport"},
        {"predicate": "CRITICISED", "object": "London Underground PPP"}])
F(d, KL, P, "CRITICISED", "London Underground PPP", PR,
  "how LT could recommend that you proceed with PPP when they did not know what would be in the contracts",
  date="2002-02-28",
  alts=[{"subject": ML, "predicate": "CRITICISED", "object": "London Underground PPP"},
        {"predicate": "CRITICISED", "object": "London Regional Transport"},
        {"predicate": "CRITICISED", "object": "Stephen Byers"}])

# ------------------------------------------------------------------ f21_02 MQT question, 17 Nov 2004 (Angie Bray)
d = "f21_02"
AB2 = "Land Development in the Lower Lea Valley"
LDA = "London Development Agency"
F(d, "Angie Bray", P, "ASKED", KL, P,
  "The London Development Agency is currently buying land in the Lower Lea Valley that would be required for wider redevelopment but not the Olympics.",
  date="2004-11-17", about=AB2, alts=[{"predicate": "ASKED", "object": ML}])
F(d, KL, P, "REPLIED_TO", "Angie Bray", P,
  "The LDA is acquiring strategic land holdings in the Lower Lea Valley, within London Boroughs of Hackney, Waltham Forest, Tower Hamlets and Newham.",
  date="2004-11-17", about=AB2, alts=[{"subject": ML, "predicate": "REPLIED_TO", "object": "Angie Bray"}])
F(d, "Angie Bray", P, "MEMBER_OF", "GLA Conservatives", O, "Angie Bray\nGLA Conservatives")
F(d, LDA, O, "LEADS", "Lower Lea Valley regeneration", PR,
  "The LDA is acquiring strategic land holdings in the Lower Lea Valley",
  alts=[{"predicate": "COMMITTED_TO", "object": "Lower Lea Valley regeneration"}])
F(d, LDA, O, "LEADS", "Lea Valley development framework", PR,
  "The LDA is preparing, with the GLA and the Boroughs, a development framework for the whole of the Lea Valley.",
  alts=[{"predicate": "ESTABLISHED", "object": "Lea Valley development framework"}])
F(d, LDA, O, "PARTNERS_WITH", "Greater London Authority", O,
  "The LDA is preparing, with the GLA and the Boroughs, a development framework for the whole of the Lea Valley.")
F(d, LDA, O, "PARTNERS_WITH", "London boroughs", O,
  "The LDA is preparing, with the GLA and the Boroughs, a development framework for the whole of the Lea Valley.")

# ------------------------------------------------------------------ f21_03 Daily Mail, 30 Sep 2005
d = "f21_03"
WEZ = "Congestion Charge western extension"
F(d, KL, P, "HOLDS_OFFICE", ML, PO, "London Mayor Ken Livingstone")
F(d, KL, P, "COMMITTED_TO", WEZ, PR,
  "London Mayor Ken Livingstone announced today he is going ahead with a western extension of the congestion charge area in the capital despite strong opposition.",
  date="2005-09-30",
  alts=[{"predicate": "LEADS", "object": WEZ}, {"predicate": "ESTABLISHED", "object": WEZ},
        {"predicate": "COMMITTED_TO", "object": "Congestion Charge"}])
F(d, KL, P, "SAID", None, None,
  "with Mr Livingstone admitting the move will be unpopular with \"large numbers of those most immediately affected\".",
  date="2005-09-30", text="large numbers of those most immediately affected")
F(d, KL, P, "SAID", None, None,
  "he was \"unpersuaded that the representations received (or any other matters) outweigh the arguments in favour of the extension\".",
  date="2005-09-30",
  text="unpersuaded that the representations received (or any other matters) outweigh the arguments in favour of the extension")
F(d, KL, P, "COMMITTED_TO", "pay next day facility", PR,
  "He added that he was also introducing a \"pay next day facility\" for those taking cars into the new zone.",
  date="2005-09-30", alts=[{"predicate": "ESTABLISHED", "object": "pay next day facility"}])

# ------------------------------------------------------------------ f21_04 MayorWatch, 24 Jul 2007
d = "f21_04"
F(d, KL, P, "HOLDS_OFFICE", ML, PO, "London Mayor Ken Livingstone")
F(d, KL, P, "WELCOMED", LDA, O,
  "London Mayor Ken Livingstone has today congratulated the London Development Agency for completing the assembly of all the land required for the Olympic Park",
  date="2007-07-24", alts=[{"predicate": "WELCOMED", "object": "Olympic Park land assembly"}])
F(d, LDA, O, "LEADS", "Olympic Park land assembly", PR,
  "completing the assembly of all the land required for the Olympic Park ready on time and budget",
  alts=[{"predicate": "COMMITTED_TO", "object": "Olympic Park land assembly"}])
F(d, KL, P, "SAID", None, None, "Mr Livingstone praised what he called “a truly fantastic achievement”",
  date="2007-07-24", text="a truly fantastic achievement")
F(d, KL, P, "SAID", None, None,
  "the London Development Agency worked professionally and steadily to assemble the land needed for the 2012 Games on time and budget.",
  date="2007-07-24",
  text="the London Development Agency worked professionally and steadily to assemble the land needed for the 2012 Games on time and budget")

# ------------------------------------------------------------------ f21_05 MQT question 0462/2009, 25 Feb 2009 (Shawcross)
d = "f21_05"
AB5 = "New Routemaster buses (1)"
BJ = "Boris Johnson"
F(d, "Valerie Shawcross", P, "ASKED", BJ, P,
  "What is your estimated financial outlay between 2008- 2012 to bring prototype routemaster buses into use?",
  date="2009-02-25", about=AB5, alts=[{"predicate": "ASKED", "object": ML}])
F(d, BJ, P, "REPLIED_TO", "Valerie Shawcross", P,
  "The estimated value of the contract to design, develop, trial and deliver the prototypes will be in the order of £3m as stated in the TfL Business Plan.",
  date="2009-02-25", about=AB5, alts=[{"subject": ML, "predicate": "REPLIED_TO", "object": "Valerie Shawcross"}])
F(d, "Transport for London", O, "FUNDS", "New Routemaster", PR,
  "The estimated value of the contract to design, develop, trial and deliver the prototypes will be in the order of £3m as stated in the TfL Business Plan.",
  amount=[3000000, 1500000],
  alts=[{"subject": BJ, "predicate": "FUNDS", "object": "New Routemaster"},
        {"subject": ML, "predicate": "FUNDS", "object": "New Routemaster"}])

# ------------------------------------------------------------------ f21_06 Ninth Mayor's Report, 25 Mar 2009 (Johnson, not named)
d = "f21_06"
F(d, "Geoff Hoon", P, "HOLDS_OFFICE", "Secretary of State for Transport", PO, "the Transport Secretary, Geoff Hoon")
F(d, "UK Government", O, "FUNDS", "East London Line extension", PR,
  "announce an agreement that will fund a new extension of the East London Line linking on the East London Line extension to Clapham Junction in the south",
  date="2009-02-12",
  alts=[{"subject": "Geoff Hoon", "predicate": "FUNDS", "object": "East London Line extension"},
        {"subject": "Department for Transport", "predicate": "FUNDS", "object": "East London Line extension"},
        {"subject": BJ, "predicate": "FUNDS", "object": "East London Line extension"},
        {"subject": BJ, "predicate": "PARTNERS_WITH", "object": "Geoff Hoon"}])
F(d, BJ, P, "COMMITTED_TO", "freeze in the GLA council tax precept", PR,
  "The budget will deliver an increase in frontline services and productivity, with an unprecedented freeze in the GLA’s share of the council tax.",
  date="2009-02-11",
  alts=[{"subject": ML, "predicate": "COMMITTED_TO", "object": "freeze in the GLA council tax precept"},
        {"subject": "Greater London Authority", "predicate": "COMMITTED_TO", "object": "freeze in the GLA council tax precept"}])
F(d, BJ, P, "FUNDS", "Priority Parks", PR,
  "I revealed the top-ten winning parks, which thousands of Londoners have voted to each receive a £400,000 makeover",
  date="2009-03-04", amount=[400000, 4000000, 2000000],
  alts=[{"subject": ML, "predicate": "FUNDS", "object": "Priority Parks"}])
F(d, BJ, P, "PARTNERS_WITH", "Homes and Communities Agency", O,
  "the Homes and Communities Agency (HCA) and I, unveiled a multi-million pound initiative which will deliver around 3,000 new affordable homes for Londoners",
  date="2009-03-03", alts=[{"subject": ML, "predicate": "PARTNERS_WITH", "object": "Homes and Communities Agency"}])
F(d, BJ, P, "ESTABLISHED", "First Steps", PR,
  "will also kick start my ‘First Steps’ (low cost home ownership) initiative",
  date="2009-03-03",
  alts=[{"predicate": "LEADS", "object": "First Steps"}, {"predicate": "COMMITTED_TO", "object": "First Steps"},
        {"subject": ML, "predicate": "ESTABLISHED", "object": "First Steps"},
        {"subject": "Homes and Communities Agency", "predicate": "FUNDS", "object": "First Steps"}])
F(d, BJ, P, "WELCOMED", "Goolden report", I, "I welcome the report of Jonathan Goolden.",
  alts=[{"predicate": "WELCOMED", "object": "Jonathan Goolden"}, {"subject": ML, "predicate": "WELCOMED", "object": "Goolden report"}])
F(d, "Jonathan Goolden", P, "REVIEWS", BJ, P,
  "He concludes that I did not fail to comply with the Code of Conduct of the MPA and GLA",
  alts=[{"predicate": "LEADS", "object": "Goolden report"}, {"predicate": "REVIEWS", "object": ML}])
F(d, "GLA Standards Committee", O, "WELCOMED", "Goolden report", I,
  "the GLA Standards Committee also agreed to accept Jonathan Goolden’s report and recommendations",
  date="2009-03-04")
F(d, "GLA Standards Committee", O, "ASKED", BJ, P,
  "The Standards Committee also recommended that appropriate training",
  date="2009-03-04", about="training on the GLA and MPA Code of Conduct for the Mayor and Mayor's Office",
  alts=[{"predicate": "ASKED", "object": ML}])

# ------------------------------------------------------------------ f21_07 MPA transcript, 24 Feb 2011
d = "f21_07"
MPA = "Metropolitan Police Authority"
F(d, "Kit Malthouse", P, "CHAIRS", MPA, O, "Kit Malthouse (Chairman)",
  alts=[{"predicate": "HOLDS_OFFICE", "object": "Chair of the Metropolitan Police Authority"},
        {"predicate": "MEMBER_OF", "object": MPA}])
F(d, "Reshard Auladin", P, "HOLDS_OFFICE", "Vice Chairman of the Metropolitan Police Authority", PO,
  "Reshard Auladin (Vice Chairman)",
  alts=[{"predicate": "MEMBER_OF", "object": MPA},
        {"predicate": "HOLDS_OFFICE", "object": "Deputy Chair of the Metropolitan Police Authority"}])
for name, q in (("John Biggs", "John Biggs"), ("Faith Boardman", "Faith Boardman"), ("Victoria Borwick", "Victoria Borwick"),
                ("Valerie Brasse", "Valerie Brasse"), ("James Cleverly", "James Cleverly"), ("Dee Doocey", "Dee Doocey"),
                ("Toby Harris", "Toby Harris"), ("Kirsten Hearn", "Kirsten Hearn"), ("Neil Johnson", "Neil Johnson"),
                ("Jenny Jones", "Jenny Jones"), ("Clive Lawton", "Clive Lawton"), ("Joanne McCartney", "Joanne McCartney"),
                ("Steve O'Connell", "Steve O’Connell"), ("Caroline Pidgeon", "Caroline Pidgeon"),
                ("Amanda Sater", "Amanda Sater"), ("Valerie Shawcross", "Valerie Shawcross")):
    F(d, name, P, "MEMBER_OF", MPA, O, q)
for name, post, q in (("Catherine Crawford", "Chief Executive of the Metropolitan Police Authority", "Catherine Crawford (Chief Executive)"),
                      ("Jane Harwood", "Deputy Chief Executive of the Metropolitan Police Authority", "Jane Harwood (Deputy Chief Executive)"),
                      ("Bob Atkins", "Treasurer of the Metropolitan Police Authority", "Bob Atkins (Treasurer)")):
    F(d, name, P, "HOLDS_OFFICE", post, PO, q, alts=[{"predicate": "MEMBER_OF", "object": MPA}])
F(d, "Tim Godwin", P, "HOLDS_OFFICE", "Acting Commissioner of the Metropolitan Police", PO, "Tim Godwin (Acting Commissioner)",
  alts=[{"predicate": "HOLDS_OFFICE", "object": "Deputy Commissioner of the Metropolitan Police"},
        {"predicate": "HOLDS_OFFICE", "object": "Commissioner of the Metropolitan Police"},
        {"predicate": "LEADS", "object": "Metropolitan Police Service"},
        {"predicate": "MEMBER_OF", "object": "Metropolitan Police Service"}])
F(d, "Anne McMeel", P, "HOLDS_OFFICE", "Director of Resources, Metropolitan Police Service", PO, "Anne McMeel (Director of Resources)",
  alts=[{"predicate": "MEMBER_OF", "object": "Metropolitan Police Service"}])

# ------------------------------------------------------------------ f21_08 MayorWatch, 13 Feb 2013
d = "f21_08"
JM = "Joanne McCartney"
MOPAC = "Mayor's Office for Policing and Crime"
AB8 = "costs and savings of closing police front counters"
F(d, JM, P, "CRITICISED", BJ, P,
  "Assembly Member McCartney has described the failure to calculate the costs and savings as “very worrying”.",
  date="2013-02-13",
  alts=[{"predicate": "CRITICISED", "object": ML}, {"predicate": "CRITICISED", "object": MOPAC}])
F(d, JM, P, "ASKED", BJ, P,
  "In response to questions from Joanne McCartney, Labour’s Police on the London Assembly, the Mayor says",
  date="2013-02", about=AB8, alts=[{"predicate": "ASKED", "object": ML}])
F(d, BJ, P, "REPLIED_TO", JM, P,
  "the Mayor says “Detailed calculations of the financial implications from individual sites have not yet been conducted”",
  date="2013-02", about=AB8, alts=[{"subject": ML, "predicate": "REPLIED_TO", "object": JM}])
F(d, JM, P, "MEMBER_OF", "Labour Group", O, "Joanne McCartney, Labour’s Police on the London Assembly",
  alts=[{"predicate": "MEMBER_OF", "object": "London Assembly"},
        {"predicate": "HOLDS_OFFICE", "object": "Labour City Hall Police & Crime spokesperson"}])
F(d, JM, P, "SAID", None, None,
  "“How can the Mayor make decisions about which counters to close down if he doesn’t know how much he will save and how much it will cost to put in a new local contact point?",
  date="2013-02-13",
  text="How can the Mayor make decisions about which counters to close down if he doesn’t know how much he will save")
F(d, JM, P, "CRITICISED", "UK Government", O,
  "It looks like he is scrabbling around in a desperate attempt to deal with 20% cut to the Met’s budget made by the government.",
  date="2013-02-13", alts=[{"predicate": "CRITICISED", "object": "Home Office"}])
F(d, MOPAC, O, "LEADS", "police front counter closures", PR,
  "The Mayor’s Office for Policing and Crime is currently consulting on plans to reduce the number of front counters",
  alts=[{"predicate": "COMMITTED_TO", "object": "police front counter closures"},
        {"subject": "Metropolitan Police Service", "predicate": "LEADS", "object": "police front counter closures"}])

# ------------------------------------------------------------------ f21_09 Budget and Performance Committee transcript, 1 Oct 2020
d = "f21_09"
BPC = "London Assembly Budget and Performance Committee"
AB9 = "2020-21 Budget Review – Transport for London"
TFL = "Transport for London"
F(d, "Susan Hall", P, "CHAIRS", BPC, O, "Susan Hall AM (Chairman)",
  alts=[{"predicate": "MEMBER_OF", "object": BPC}])
F(d, "Andy Byford", P, "HOLDS_OFFICE", "Commissioner of Transport for London", PO, "Andy Byford, who is the Commissioner of TfL",
  alts=[{"predicate": "LEADS", "object": TFL}, {"predicate": "MEMBER_OF", "object": TFL}])
F(d, "Tony King", P, "HOLDS_OFFICE", "Group Finance Director, Transport for London", PO, "Tony King, Group Finance Director at TfL",
  alts=[{"predicate": "MEMBER_OF", "object": TFL}])
F(d, "Simon Kilonback", P, "HOLDS_OFFICE", "Chief Financial Officer, Transport for London", PO,
  "Simon Kilonback [Chief Financial Officer (CFO), TfL]",
  alts=[{"predicate": "MEMBER_OF", "object": TFL},
        {"predicate": "HOLDS_OFFICE", "object": "Interim Chief Finance Officer, Transport for London"}])
F(d, "Heidi Alexander", P, "HOLDS_OFFICE", "Deputy Mayor for Transport", PO, "Heidi Alexander, the Deputy Mayor for Transport")
F(d, "David Gallie", P, "HOLDS_OFFICE", "Executive Director of Resources, Greater London Authority", PO,
  "David Gallie, Executive Director of Resources", alts=[{"predicate": "MEMBER_OF", "object": "Greater London Authority"}])
F(d, "Susan Hall", P, "ASKED", "Andy Byford", P,
  "Can I ask you: what steps has TfL taken to support an increase in passengers?",
  date="2020-10-01", about=AB9,
  alts=[{"predicate": "ASKED", "object": TFL}, {"predicate": "ASKED", "object": "Commissioner of Transport for London"},
        {"subject": BPC, "predicate": "ASKED", "object": "Andy Byford"}])
F(d, "Andy Byford", P, "REPLIED_TO", "Susan Hall", P,
  "We are doing a lot to increase passenger numbers",
  date="2020-10-01", about=AB9,
  alts=[{"subject": TFL, "predicate": "REPLIED_TO", "object": "Susan Hall"},
        {"predicate": "REPLIED_TO", "object": BPC}])
F(d, BPC, O, "REVIEWS", TFL, O,
  "Transcript of Item 4 - 2020-21 Budget Review – Transport for London",
  date="2020-10-01", alts=[{"predicate": "OVERSEES", "object": TFL}])
F(d, "Andy Byford", P, "SAID", None, None,
  "First of all, an all-out focus on cleanliness, absolutely making sure that the system is as clean as it can be.",
  date="2020-10-01", text="an all-out focus on cleanliness",
  alts=[{"subject": TFL, "predicate": "SAID"}])
F(d, TFL, O, "PARTNERS_WITH", "Imperial College London", O,
  "we are doing remote monitoring via an independent source at Imperial College [London] who are doing independent reviews to test if COVID is present",
  alts=[{"subject": "Imperial College London", "predicate": "REVIEWS", "object": TFL},
        {"subject": "Andy Byford", "predicate": "PARTNERS_WITH", "object": "Imperial College London"}])

# ------------------------------------------------------------------ f21_10 Harrow Council letter to the Mayor, Jul/Aug 2022
d = "f21_10"
SK = "Sadiq Khan"
HAR = "London Borough of Harrow"
F(d, HAR, O, "ASKED", SK, P,
  "I am writing to you to formally state Harrow Council’s opposition to your proposed ULEZ expansion",
  date="2022-07", about="proposed ULEZ expansion",
  alts=[{"predicate": "ASKED", "object": ML}, {"subject": "Leader of Harrow Council", "predicate": "ASKED", "object": SK},
        {"subject": "Leader of Harrow Council", "predicate": "ASKED", "object": ML}])
F(d, HAR, O, "CRITICISED", "ULEZ expansion", PR,
  "Harrow Council, at a Full Council meeting on Thursday 21 July, adopted a motion which officially set Harrow’s position to oppose the ULEZ expansion.",
  date="2022-07-21",
  alts=[{"predicate": "CRITICISED", "object": "Ultra Low Emission Zone"}, {"predicate": "CRITICISED", "object": SK}])
F(d, HAR, O, "CRITICISED", SK, P,
  "You should not be hitting people with extra charges during a cost-of-living crisis.",
  date="2022-07",
  alts=[{"predicate": "CRITICISED", "object": ML}, {"predicate": "CRITICISED", "object": "ULEZ expansion"},
        {"subject": "Leader of Harrow Council", "predicate": "CRITICISED", "object": SK}])
F(d, SK, P, "FUNDS", "ULEZ expansion", PR,
  "You have set aside almost £400 million to fund the ULEZ expansion.",
  amount=400000000,
  alts=[{"predicate": "COMMITTED_TO", "object": "ULEZ expansion"}, {"subject": ML, "predicate": "FUNDS", "object": "ULEZ expansion"},
        {"predicate": "FUNDS", "object": "Ultra Low Emission Zone"}])

# ------------------------------------------------------------------ f21_11 News Shopper (LDRS), 2022: Silvertown motion
d = "f21_11"
SB = "Sian Berry"
AB11 = "publish the details of the Silvertown Tunnel contract and the cost of cancelling it"
F(d, "London Assembly", O, "ASKED", SK, P,
  "members voted in favour of a motion that called on the Mayor of London to finally publish the details of the contract to inform further debate on the tunnel",
  date="2022", about=AB11, alts=[{"predicate": "ASKED", "object": ML}])
F(d, SB, P, "ASKED", SK, P, "Green Party Assembly Member Sian Berry, who proposed the motion",
  date="2022", about=AB11, alts=[{"predicate": "ASKED", "object": ML}])
F(d, SB, P, "MEMBER_OF", "Green Party Group", O, "Green Party Assembly Member Sian Berry",
  alts=[{"predicate": "MEMBER_OF", "object": "City Hall Greens"}, {"predicate": "MEMBER_OF", "object": "London Assembly"}])
F(d, SB, P, "SAID", None, None,
  "she will “look forward to getting the openness that Londoners deserve from their mayor”",
  date="2022", text="look forward to getting the openness that Londoners deserve from their mayor")
F(d, SB, P, "SAID", None, None,
  "“The Silvertown Road Tunnel is the biggest infrastructure project that the mayor has authorised.",
  date="2022", text="The Silvertown Road Tunnel is the biggest infrastructure project that the mayor has authorised")
F(d, SK, P, "COMMITTED_TO", "Silvertown Tunnel", PR,
  "Sadiq Khan has insisted it is going ahead and has said that scrapping the tunnel would “not be an option that is sensible”",
  date="2022", alts=[{"predicate": "LEADS", "object": "Silvertown Tunnel"}, {"subject": ML, "predicate": "COMMITTED_TO", "object": "Silvertown Tunnel"}])
F(d, "Transport for London", O, "FUNDS", "Riverlinx", O,
  "In 2019, TfL awarded a contract to the Riverlinx consortium to design, build, finance and maintain the Silvertown Tunnel at an estimated cost of £2.2 billion over its lifespan.",
  date="2019", amount=2200000000,
  alts=[{"predicate": "PARTNERS_WITH", "object": "Riverlinx"}, {"predicate": "FUNDS", "object": "Silvertown Tunnel"},
        {"subject": "Riverlinx", "predicate": "LEADS", "object": "Silvertown Tunnel"}])
F(d, "Labour Party", O, "CRITICISED", "Silvertown Tunnel", PR,
  "Despite calls from members of his own party to call off the project",
  date="2022", alts=[{"subject": "Labour Group", "predicate": "CRITICISED", "object": "Silvertown Tunnel"}])

# ------------------------------------------------------------------ f21_12 Mayor's press release (ukpol copy), 21 Mar 2023
d = "f21_12"
LC = "Louise Casey"
CR = "Baroness Casey Review"
MPS = "Metropolitan Police Service"
F(d, SK, P, "HOLDS_OFFICE", ML, PO, "The Mayor of London, Sadiq Khan")
F(d, SK, P, "COMMISSIONED", CR, I,
  "I asked for this independent review to be conducted by Baroness Louise Casey",
  date="2023-03-21", alts=[{"predicate": "ASKED", "object": LC}, {"subject": ML, "predicate": "COMMISSIONED", "object": CR}])
F(d, LC, P, "LEADS", CR, I,
  "I asked for this independent review to be conducted by Baroness Louise Casey",
  alts=[{"predicate": "REVIEWS", "object": MPS}])
F(d, LC, P, "CRITICISED", MPS, O,
  "She has described the Met as defensive, resistant to change and unwilling to engage with communities.",
  date="2023-03-21", alts=[{"subject": CR, "predicate": "CRITICISED", "object": MPS}])
F(d, SK, P, "WELCOMED", CR, I,
  "Baroness Casey has found institutional racism, misogyny and homophobia, which I accept.",
  date="2023-03-21", alts=[{"predicate": "CRITICISED", "object": MPS}, {"predicate": "WELCOMED", "object": LC}])
F(d, SK, P, "SAID", None, None, "“The evidence is damning.", date="2023-03-21", text="The evidence is damning")
F(d, SK, P, "SAID", None, None,
  "This review simply must be a turning point and I expect all the recommendations to be implemented quickly and in full.",
  date="2023-03-21", text="This review simply must be a turning point")
F(d, SK, P, "OVERSEES", "Commissioner of the Metropolitan Police", PO,
  "I’ll be unflinching in my resolve to support and hold the new Commissioner to account as he works to overhaul the force",
  alts=[{"predicate": "OVERSEES", "object": "Mark Rowley"}, {"predicate": "OVERSEES", "object": MPS},
        {"subject": ML, "predicate": "OVERSEES", "object": MPS}])
F(d, SK, P, "ASKED", MPS, O,
  "I expect all the recommendations to be implemented quickly and in full",
  date="2023-03-21", about="implementing the Casey Review recommendations quickly and in full",
  alts=[{"predicate": "ASKED", "object": "Commissioner of the Metropolitan Police"}, {"predicate": "ASKED", "object": "Mark Rowley"},
        {"predicate": "COMMITTED_TO", "object": CR}])

# ------------------------------------------------------------------ f21_13 Assembly press release with motion, 2025 (front counters)
d = "f21_13"
AB13 = "reverse the closure of police front counters"
F(d, "London Assembly", O, "ASKED", SK, P,
  "The London Assembly has today called on the Mayor to reverse the decision to close five police front counters",
  date="2025", about=AB13, alts=[{"predicate": "ASKED", "object": ML}])
F(d, "London Assembly", O, "ASKED", SK, P,
  "The Assembly also called for the Mayor to publish the severely delayed Estates Strategy",
  date="2025", about="publish the Estates Strategy", alts=[{"predicate": "ASKED", "object": ML}])
F(d, "Emma Best", P, "ASKED", SK, P, "Emma Best AM, who proposed the motion",
  date="2025", about=AB13, alts=[{"predicate": "ASKED", "object": ML}])
F(d, "Emma Best", P, "SAID", None, None,
  "I hope that the Mayor now will listen and take action.",
  date="2025", text="I hope that the Mayor now will listen and take action")
F(d, "London Assembly", O, "CRITICISED", "police front counter closures", PR,
  "reverse the decision to close five police front counters and the decision to remove a 24/7 police station front counter from every borough",
  date="2025",
  alts=[{"predicate": "CRITICISED", "object": "Metropolitan Police Service"}, {"predicate": "CRITICISED", "object": SK},
        {"subject": "Emma Best", "predicate": "CRITICISED", "object": "police front counter closures"}])
F(d, SK, P, "COMMITTED_TO", "24/7 police front counter in every borough", PR,
  "In 2017, the Mayor made a commitment to maintain one 24-hour front counter in each borough in the Public Access Strategy.",
  date="2017",
  alts=[{"predicate": "COMMITTED_TO", "object": "Public Access Strategy"},
        {"subject": ML, "predicate": "COMMITTED_TO", "object": "24/7 police front counter in every borough"}])
F(d, SK, P, "COMMITTED_TO", "Public Access Strategy", PR,
  "I am happy to continue to commit to our Public Access Strategy pledge to there being a 24/7 front counter in every borough in London.",
  date="2021",
  alts=[{"predicate": "COMMITTED_TO", "object": "24/7 police front counter in every borough"},
        {"subject": ML, "predicate": "COMMITTED_TO", "object": "Public Access Strategy"}])

# ------------------------------------------------------------------ f21_14 Assembly press release, 13 Jan 2026 (Met culture oversight)
d = "f21_14"
F(d, LC, P, "REVIEWS", MPS, O,
  "In her independent review of standards of behaviour and internal culture of the Met, Baroness Casey concluded",
  alts=[{"predicate": "LEADS", "object": CR}])
F(d, LC, P, "CRITICISED", MPS, O,
  "Baroness Casey concluded that the Met is institutionally racist, sexist, and homophobic",
  alts=[{"subject": CR, "predicate": "CRITICISED", "object": MPS}])
F(d, "BBC Panorama", O, "CRITICISED", MPS, O,
  "A recent BBC Panorama undercover documentary showed Met officers at Charing Cross police station making sexualised comments",
  alts=[{"predicate": "REVIEWS", "object": MPS}])
F(d, MOPAC, O, "OVERSEES", MPS, O,
  "The Mayor’s Office for Policing and Crime (MOPAC) is responsible for oversight of the Met")
F(d, "London Assembly Police and Crime Committee", O, "OVERSEES", MOPAC, O,
  "The London Assembly Police and Crime Committee will meet tomorrow to question guests on the effectiveness of MOPAC’s oversight of cultural change within the Met",
  date="2026-01-14",
  alts=[{"predicate": "REVIEWS", "object": MOPAC}, {"predicate": "OVERSEES", "object": MPS}])
for name, pred, obj, ot, q, alts in (
        ("David Spencer", "HOLDS_OFFICE", "Head of Crime and Justice, Policy Exchange", PO,
         "David Spencer, Head of Crime and Justice, Policy Exchange", [{"predicate": "MEMBER_OF", "object": "Policy Exchange"}]),
        ("Gavin Stephens", "CHAIRS", "National Police Chiefs' Council", O,
         "Chief Constable Gavin Stephens, Chair, National Police Chiefs' Council",
         [{"predicate": "HOLDS_OFFICE", "object": "Chair of the National Police Chiefs' Council"},
          {"predicate": "MEMBER_OF", "object": "National Police Chiefs' Council"}]),
        ("Andy George", "HOLDS_OFFICE", "President of the National Black Police Association", PO,
         "Andy George, President, National Black Police Association",
         [{"predicate": "LEADS", "object": "National Black Police Association"},
          {"predicate": "MEMBER_OF", "object": "National Black Police Association"}]),
        ("Mirren Gidda", "CHAIRS", "Tower Hamlets Community Monitoring Group", O,
         "Mirren Gidda, Chair, Tower Hamlets Community Monitoring Group",
         [{"predicate": "HOLDS_OFFICE", "object": "Chair of Tower Hamlets Community Monitoring Group"},
          {"predicate": "MEMBER_OF", "object": "Tower Hamlets Community Monitoring Group"}]),
        ("Collet Hunter", "HOLDS_OFFICE", "Vice-Chair of Lewisham Safer Neighbourhood Board", PO,
         "Collet Hunter, Vice-Chair, Lewisham Safer Neighbourhood Board",
         [{"predicate": "MEMBER_OF", "object": "Lewisham Safer Neighbourhood Board"}]),
        ("Ian Weatherley", "CHAIRS", "Havering Community Monitoring Group", O,
         "Ian Weatherley, Chair, Havering Community Monitoring Group",
         [{"predicate": "HOLDS_OFFICE", "object": "Chair of Havering Community Monitoring Group"},
          {"predicate": "MEMBER_OF", "object": "Havering Community Monitoring Group"}])):
    F(d, name, P, pred, obj, ot, q, alts=alts)


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
