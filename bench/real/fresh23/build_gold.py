#!/usr/bin/env python3
"""Build and check the fresh23 blind gold set (written by reading only; no extractor run).

Writes gold.jsonl and entities.json next to this file, then checks:
- every quote (and every SAID text) is a verbatim substring of its document;
- every ASKED / REPLIED_TO has an `about`, every SAID a `text` and no object;
- every doc has gold and every gold doc exists;
- every name used (subject, object, alternatives) is a canonical name in this entities.json
  or in one of the existing alias tables (shared/eval, shared/eval/real, every other
  bench/real/*/entities.json);
- every new entity is used by the gold.
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
    *sorted(p for p in glob.glob("/work/main/bench/real/*/entities.json") if "/fresh23/" not in p),
]

D = {p.name[:6]: p.name for p in DOCS.glob("f23_*.txt")}
G = []

P, O, PO, PR, I = "Person", "Organization", "Post", "Programme", "Inquiry"
ML = "Mayor of London"
KL, BJ, SK = "Ken Livingstone", "Boris Johnson", "Sadiq Khan"
MPS = "Metropolitan Police Service"
MPA = "Metropolitan Police Authority"
MOPAC = "Mayor's Office for Policing and Crime"
PCC = "London Assembly Police and Crime Committee"
TC = "London Assembly Transport Committee"
TFL = "Transport for London"
COMM = "Commissioner of the Metropolitan Police"
TCOMM = "Commissioner of Transport for London"


def F(doc, s, st, p, o, ot, quote, date=None, amount=None, about=None, text=None, alts=()):
    G.append({"doc": D[doc], "subject": s, "subject_type": st, "predicate": p, "object": o,
              "object_type": ot, "date": date, "amount_gbp": amount, "quote": quote,
              "about": about, "text": text, "alternatives": [dict(a) for a in alts]})


# ------------------------------------------------------------------ new entities
E = {}


def ent(name, typ, *aliases):
    E[name] = {"type": typ, "aliases": list(aliases)}


# f23_01
ent("GLA budget and precept increase (2003)", PR, "his budget", "the budget", "budget", "Mayor's budget",
    "precept increase of 22.6%", "22.6% increase", "initial 31% increase", "GLA budget", "GLA precept increase")
ent("Martin Pilgrim", P)
ent("Chief Executive of the Association of London Government", PO, "ALG chief executive", "Chief Executive, ALG",
    "chief executive of the ALG")
ent("Robin Wales", P, "Sir Robin Wales", "Sir Robin Wales (Lab)")
ent("Chair of the Association of London Government", PO, "ALG chair", "Chair of the ALG", "chair of the ALG")
ent("Mayoral Policy Adviser", PO, "Mayoral policy adviser", "mayor's policy adviser", "policy adviser to the Mayor")
# f23_02
ent("Government of Venezuela", O, "Venezuela", "Venezuelan government", "the Venezuelan government")
ent("Petróleos de Venezuela Europa", O, "PDVE", "Petroleos de Venezuela Europa", "Petróleos de Venezuela", "PDVSA")
ent("Hugo Chavez", P, "Hugo Chávez", "President Chavez", "President Hugo Chavez", "Venezuelan President Hugo Chavez", "Mr Chavez")
ent("President of Venezuela", PO, "Venezuelan President", "Venezuela's president")
ent("London-Venezuela oil agreement", PR, "oil deal with Venezuela", "Venezuelan oil deal", "oil deal", "the deal",
    "the agreement", "this agreement", "cheap oil deal", "agreement")
ent("half-price bus and tram travel for Londoners on income support", PR, "half-price bus and tram travel",
    "half price bus and tram travel", "cut price travel for those on benefits", "half-price fares for people on income support")
ent("Deputy Leader of the London Assembly Conservatives", PO, "deputy leader of the London Assembly Conservatives",
    "Deputy Leader of the GLA Conservatives")
# f23_03
ent("MPA Professional Standards Cases Sub-committee", O, "Professional Standards Cases Sub-committee",
    "Professional Standards Cases Sub-committee of the Metropolitan Police Authority", "Sub Committee", "the Sub Committee",
    "Sub-committee")
ent("Deputy Chair of the MPA Professional Standards Cases Sub-committee", PO, "Deputy Chair")
ent("Aneeta Prem", P)
ent("David Riddle", P)
ent("Claire Lister", P)
ent("Head of Professional Standards, Metropolitan Police Authority", PO, "Head of Professional Standards",
    "MPA Head of Professional Standards")
ent("Stockwell Two investigation", I, "Stockwell 2 investigation", "Stockwell Two report", "IPCC’s Stockwell Two report",
    "STOCKWELL TWO REPORT", "Stockwell Two", "Stockwell 2 investigation – IPCC report")
# f23_04
ent("Jacqui Smith", P, "Home Secretary Jacqui Smith", "Ms Smith")
ent("Gordon Brown", P, "Mr Brown")
# f23_05
ent("George Osborne", P, "Mr Osborne", "Chancellor George Osborne", "Tory Chancellor George Osborne")
ent("Peter Hendy", P, "Sir Peter Hendy", "Sir Peter Hendy CBE", "Sir Peter", "Peter Hendy CBE")
ent("Simon Milton", P, "Sir Simon Milton")
ent("Chief of Staff, Greater London Authority", PO, "City Hall chief of staff", "Mayor's chief of staff", "chief of staff",
    "GLA Chief of Staff")
# f23_06
ent("Helen King", P)
ent("Assistant Commissioner for Territorial Policing, Metropolitan Police Service", PO,
    "Assistant Commissioner for Territorial Policing, MPS", "Assistant Commissioner for Territorial Policing",
    "Assistant Commissioner", "AC Territorial Policing")
ent("Deputy Chair of the London Assembly Police and Crime Committee", PO, "Deputy Chair of the Police and Crime Committee",
    "Deputy Chair")
# f23_07
ent("Future Proof", I, "Future Proof report", "our report, Future Proof", "the report", "Future Proof: taxi and private hire services in London")
ent("taxi and private hire services in London", PR, "taxi and private hire services", "taxis and private hire",
    "taxi and private hire")
# f23_08
ent("Claire Kober", P, "Cllr Kober", "Cllr Claire Kober", "Kober")
ent("Chair of London Councils", PO, "chair of London Councils", "London Councils chair", "London Councils Chair")
ent("Leader of Haringey Council", PO, "Haringey LBC leader", "leader of Haringey Council", "Haringey Council leader")
ent("Jules Pipe", P, "Mayor Jules Pipe")
ent("Mayor of Hackney", PO, "Hackney LBC mayor", "Hackney Mayor", "mayor of Hackney")
ent("Peter John", P, "Cllr Peter John")
ent("Leader of Southwark Council", PO, "Southwark LBC leader", "leader of Southwark Council", "Southwark Council leader")
ent("London Borough of Southwark", O, "Southwark LBC", "Southwark Council", "Southwark")
ent("London Borough of Hackney", O, "Hackney LBC", "Hackney Council", "Hackney")
ent("London Councils Labour Group", O, "controlling Labour Group", "Labour Group")
# f23_09
ent("Tom Copley", P, "Tom Copely", "Copely", "Assembly member Tom Copely")  # alias addition: the doc misspells him
ent("Heathrow expansion", PR, "Heathrow third runway", "proposed expansion", "expansion of Heathrow", "Heathrow expansion plans")
ent("Network Rail", O, "Network Rail's")
ent("Gospel Oak to Barking electrification", PR, "Barking to Gospel Oak electrification",
    "Barking to Gospel Oak electrification blunder", "electrification works", "Gospel Oak-Barking electrification")
# f23_10
ent("third extraordinary funding deal for TfL", PR, "third extraordinary deal", "settlement letter for TfL",
    "draft settlement letter for TfL", "TfL funding settlement", "government emergency support provided to TfL",
    "emergency support", "funding deal")
ent("TfL financial sustainability plan", PR, "plan for how TfL would commit to managing its affairs to reach financial sustainability",
    "financial sustainability", "TfL financial sustainability")
# f23_11
ent("2015 independent review of Met Police funding", I, "independent expert review", "independent expert review conducted for the Home Office in 2015")
# f23_12
ent("Thomas Winsor", P, "Sir Thomas Winsor", "Sir Tom Winsor", "Sir Tom", "Tom Winsor")
ent("Winsor review", I, "Sir Thomas Winsor’s review", "Sir Tom’s review", "review of the resignation of Dame Cressida Dick",
    "Winsor review of the resignation of Cressida Dick", "Winsor Letters")


# ------------------------------------------------------------------ f23_01 LGC, 2003: the Mayor's office hits back over the budget
d = "f23_01"
BUD = "GLA budget and precept increase (2003)"
ALG = "Association of London Government"
F(d, KL, P, "HOLDS_OFFICE", ML, PO, "London mayor Ken Livingstone")
F(d, "Neale Coleman", P, "CRITICISED", ALG, O,
  "'The only reality gap has been with the ALG, who have put forward totally untenable and absurd figures from day one and as a result have lost all credibility with us,' he said.",
  date="2003",
  alts=[{"subject": KL, "predicate": "CRITICISED", "object": ALG}, {"subject": ML, "predicate": "CRITICISED", "object": ALG},
        {"subject": "Greater London Authority", "predicate": "CRITICISED", "object": ALG},
        {"predicate": "CRITICISED", "object": "Martin Pilgrim"}])
F(d, "Neale Coleman", P, "HOLDS_OFFICE", "Mayoral Policy Adviser", PO, "Mayoral policy adviser Neale Coleman",
  alts=[{"predicate": "MEMBER_OF", "object": "Greater London Authority"}])
F(d, "Neale Coleman", P, "SAID", None, None,
  "'The only reality gap has been with the ALG, who have put forward totally untenable and absurd figures from day one",
  date="2003", text="The only reality gap has been with the ALG")
F(d, "Martin Pilgrim", P, "HOLDS_OFFICE", "Chief Executive of the Association of London Government", PO,
  "ALG chief executive Martin Pilgrim",
  alts=[{"predicate": "MEMBER_OF", "object": ALG}, {"predicate": "LEADS", "object": ALG}])
F(d, "Martin Pilgrim", P, "CRITICISED", BUD, PR,
  "Martin Pilgrim's comment that the budget represented a 'reality gap' on the part of the mayor",
  date="2003",
  alts=[{"predicate": "CRITICISED", "object": KL}, {"predicate": "CRITICISED", "object": ML},
        {"subject": ALG, "predicate": "CRITICISED", "object": BUD}, {"subject": ALG, "predicate": "CRITICISED", "object": KL}])
F(d, "Robin Wales", P, "CHAIRS", ALG, O, "ALG chair Sir Robin Wales (Lab)",
  alts=[{"predicate": "HOLDS_OFFICE", "object": "Chair of the Association of London Government"},
        {"predicate": "MEMBER_OF", "object": ALG}])
F(d, "Robin Wales", P, "MEMBER_OF", "Labour Party", O, "ALG chair Sir Robin Wales (Lab)",
  alts=[{"predicate": "MEMBER_OF", "object": "Labour Group"}])
F(d, "Robin Wales", P, "CRITICISED", BUD, PR,
  "ALG chair Sir Robin Wales (Lab) said the initial 31% increase Mr Livingstone proposed was not entirely realistic",
  date="2003",
  alts=[{"predicate": "CRITICISED", "object": KL}, {"subject": ALG, "predicate": "CRITICISED", "object": BUD},
        {"subject": ALG, "predicate": "CRITICISED", "object": KL}])
F(d, "Robin Wales", P, "SAID", None, None,
  "'It is now up to our local government colleagues to judge whether a 22.6% increase is justifiable.",
  date="2003", text="It is now up to our local government colleagues to judge whether a 22.6% increase is justifiable")
F(d, "UK Government", O, "FUNDS", MPS, O,
  "The government itself increased police funding by 8%, thereby paying for 850 of the new 1,050 police officers.",
  date="2003",
  alts=[{"subject": "Home Office", "predicate": "FUNDS", "object": MPS},
        {"predicate": "FUNDS", "object": "Metropolitan Police Authority"}])
for grp, alts in (("Labour Group", [{"subject": "Labour Party", "predicate": "WELCOMED", "object": BUD}]),
                  ("Liberal Democrats", []),
                  ("Green Party Group", [{"subject": "City Hall Greens", "predicate": "WELCOMED", "object": BUD}])):
    F(d, grp, O, "WELCOMED", BUD, PR,
      "A precept increase of 22.6% was agreed after Labour, Liberal Democrats and Greens joined forces against the Tories to accept the reduced figure.",
      date="2003", alts=alts)

# ------------------------------------------------------------------ f23_02 BBC, 20 Feb 2007: the Venezuelan oil deal
d = "f23_02"
VEN = "Government of Venezuela"
DEAL = "London-Venezuela oil agreement"
HP = "half-price bus and tram travel for Londoners on income support"
F(d, KL, P, "PARTNERS_WITH", VEN, O,
  "Ken Livingstone has signed an oil deal with Venezuela - providing cheap fuel for London's buses and giving cut price travel for those on benefits.",
  date="2007-02-20",
  alts=[{"predicate": "PARTNERS_WITH", "object": "Petróleos de Venezuela Europa"},
        {"predicate": "PARTNERS_WITH", "object": "Hugo Chavez"}, {"predicate": "ESTABLISHED", "object": DEAL},
        {"predicate": "COMMITTED_TO", "object": DEAL},
        {"subject": ML, "predicate": "PARTNERS_WITH", "object": VEN},
        {"subject": "Greater London Authority", "predicate": "PARTNERS_WITH", "object": VEN},
        {"subject": VEN, "predicate": "PARTNERS_WITH", "object": KL}])
F(d, KL, P, "COMMITTED_TO", HP, PR,
  "The mayor of London said the agreement will help provide half-price bus and tram travel to some 250,000 Londoners on income support.",
  date="2007-02-20",
  alts=[{"predicate": "ESTABLISHED", "object": HP}, {"predicate": "FUNDS", "object": HP},
        {"subject": ML, "predicate": "COMMITTED_TO", "object": HP}])
F(d, KL, P, "SAID", None, None,
  "\"This agreement will benefit up to a quarter of a million of the lowest income Londoners,\" Mr Livingstone said.",
  date="2007-02-20", text="This agreement will benefit up to a quarter of a million of the lowest income Londoners")
F(d, "Hugo Chavez", P, "HOLDS_OFFICE", "President of Venezuela", PO, "Venezuelan President Hugo Chavez",
  alts=[{"predicate": "LEADS", "object": VEN}])
F(d, "Richard Barnes", P, "CRITICISED", DEAL, PR,
  "But Richard Barnes, deputy leader of the London Assembly Conservatives, attacked the deal.",
  date="2007-02-20",
  alts=[{"predicate": "CRITICISED", "object": KL}, {"predicate": "CRITICISED", "object": "Hugo Chavez"},
        {"predicate": "CRITICISED", "object": VEN}, {"subject": "GLA Conservatives", "predicate": "CRITICISED", "object": DEAL}])
F(d, "Richard Barnes", P, "SAID", None, None,
  "\"London should not be doing business with third-rate South American dictators with an appalling human rights and democratic record.\"",
  date="2007-02-20",
  text="London should not be doing business with third-rate South American dictators")
F(d, "Richard Barnes", P, "HOLDS_OFFICE", "Deputy Leader of the London Assembly Conservatives", PO,
  "Richard Barnes, deputy leader of the London Assembly Conservatives",
  alts=[{"predicate": "MEMBER_OF", "object": "GLA Conservatives"}])

# ------------------------------------------------------------------ f23_03 MPA Professional Standards Cases Sub-committee, 20 Sep 2007
d = "f23_03"
SUB = "MPA Professional Standards Cases Sub-committee"
S2 = "Stockwell Two investigation"
IPCC = "Independent Police Complaints Commission"
F(d, "Reshard Auladin", P, "CHAIRS", SUB, O, "Reshard Auladin (Chair)",
  alts=[{"predicate": "MEMBER_OF", "object": SUB}, {"predicate": "MEMBER_OF", "object": MPA}])
F(d, "Rachel Whittaker", P, "HOLDS_OFFICE", "Deputy Chair of the MPA Professional Standards Cases Sub-committee", PO,
  "Rachel Whittaker (Deputy Chair)",
  alts=[{"predicate": "MEMBER_OF", "object": SUB}, {"predicate": "MEMBER_OF", "object": MPA}])
for name in ("Elizabeth Howlett", "Aneeta Prem", "Richard Sumray"):
    F(d, name, P, "MEMBER_OF", SUB, O, "- " + name,
      alts=[{"predicate": "MEMBER_OF", "object": MPA}])
F(d, "David Riddle", P, "HOLDS_OFFICE", "Deputy Chief Executive of the Metropolitan Police Authority", PO,
  "David Riddle (Deputy Chief Executive, Deputy Clerk and Solicitor to the Authority)",
  alts=[{"predicate": "MEMBER_OF", "object": MPA}])
F(d, "Claire Lister", P, "HOLDS_OFFICE", "Head of Professional Standards, Metropolitan Police Authority", PO,
  "Claire Lister (Head of Professional Standards)",
  alts=[{"predicate": "MEMBER_OF", "object": MPA}])
F(d, IPCC, O, "LEADS", S2, I, "25. Stockwell 2 investigation – IPCC report",
  alts=[{"predicate": "REVIEWS", "object": MPS}, {"predicate": "REVIEWS", "object": "Stockwell shooting"},
        {"predicate": "REVIEWS", "object": S2}])
F(d, SUB, O, "REVIEWS", S2, I,
  "The Sub Committee considered the IPCC’s Stockwell Two report and reached a decision in principle as to the terms of the memorandum to be submitted to the IPCC",
  date="2007-09-20",
  alts=[{"subject": MPA, "predicate": "REVIEWS", "object": S2}, {"predicate": "OVERSEES", "object": MPS},
        {"predicate": "REVIEWS", "object": "Stockwell shooting"}])

# ------------------------------------------------------------------ f23_04 BBC, 2 Oct 2008: Sir Ian Blair resigns
d = "f23_04"
IB = "Ian Blair"
JS = "Jacqui Smith"
F(d, IB, P, "HOLDS_OFFICE", COMM, PO, "Metropolitan Police Commissioner Sir Ian Blair",
  alts=[{"predicate": "LEADS", "object": MPS}])
F(d, BJ, P, "HOLDS_OFFICE", ML, PO, "London mayor Boris Johnson")
F(d, IB, P, "CRITICISED", BJ, P,
  "Metropolitan Police Commissioner Sir Ian Blair has announced his resignation, blaming a lack of support from London mayor Boris Johnson.",
  date="2008-10-02", alts=[{"predicate": "CRITICISED", "object": ML}])
F(d, BJ, P, "CRITICISED", IB, P, "Mr Johnson said the Met needed \"new leadership\"",
  date="2008-10-02",
  alts=[{"predicate": "CRITICISED", "object": MPS}, {"predicate": "CRITICISED", "object": COMM}])
F(d, BJ, P, "SAID", None, None,
  "\"There comes a time in any organisation when it becomes clear it would benefit from new leadership and clarity of purpose. I believe that time is now.\"",
  date="2008-10-02", text="There comes a time in any organisation when it becomes clear it would benefit from new leadership")
F(d, BJ, P, "CHAIRS", MPA, O, "Mr Johnson, who took over as chairman of the police authority on Wednesday",
  alts=[{"predicate": "HOLDS_OFFICE", "object": "Chair of the Metropolitan Police Authority"},
        {"predicate": "OVERSEES", "object": MPS}])
F(d, BJ, P, "MEMBER_OF", "Conservatives", O, "since being elected Conservative Party mayor in May",
  alts=[{"predicate": "MEMBER_OF", "object": "Conservative Group"}])
F(d, JS, P, "HOLDS_OFFICE", "Home Secretary", PO, "Home Secretary Jacqui Smith")
F(d, JS, P, "CRITICISED", BJ, P,
  "But she accused Mr Johnson of ignoring protocol regarding the mayor's relationship with the police",
  date="2008-10-02",
  alts=[{"predicate": "CRITICISED", "object": ML},
        {"subject": "Home Secretary", "predicate": "CRITICISED", "object": BJ}])
F(d, JS, P, "WELCOMED", IB, P,
  "\"I pay tribute to Sir Ian for the massive reductions in crime that his leadership of the Met has overseen",
  date="2008-10-02", alts=[{"predicate": "WELCOMED", "object": COMM}])
F(d, "Gordon Brown", P, "WELCOMED", IB, P,
  "Gordon Brown said Sir Ian had made a \"huge\" contribution to the UK's safety.",
  date="2008-10-02",
  alts=[{"subject": "Prime Minister", "predicate": "WELCOMED", "object": IB}, {"predicate": "WELCOMED", "object": COMM}])

# ------------------------------------------------------------------ f23_05 Evening Standard, May 2010: Johnson warns Osborne on Crossrail
d = "f23_05"
GO = "George Osborne"
PH = "Philip Hammond"
F(d, BJ, P, "ASKED", GO, P,
  "Boris Johnson today warned Tory Chancellor George Osborne not to seek to \"gut\" Crossrail",
  date="2010-05", about="not to gut Crossrail",
  alts=[{"predicate": "CRITICISED", "object": GO}, {"predicate": "ASKED", "object": "Chancellor of the Exchequer"},
        {"predicate": "ASKED", "object": "HM Treasury"}, {"subject": ML, "predicate": "ASKED", "object": GO}])
F(d, GO, P, "HOLDS_OFFICE", "Chancellor of the Exchequer", PO, "Tory Chancellor George Osborne")
F(d, GO, P, "MEMBER_OF", "Conservatives", O, "Tory Chancellor George Osborne")
F(d, PH, P, "HOLDS_OFFICE", "Secretary of State for Transport", PO, "Transport Secretary Philip Hammond")
F(d, BJ, P, "COMMITTED_TO", "Crossrail", PR,
  "\"London needs Crossrail lock, stock and barrel. If there are sensible efficiency savings to be found, we will find them.\"",
  date="2010-05",
  alts=[{"predicate": "WELCOMED", "object": "Crossrail"}, {"subject": ML, "predicate": "COMMITTED_TO", "object": "Crossrail"}])
F(d, BJ, P, "SAID", None, None, "\"London needs Crossrail lock, stock and barrel.",
  date="2010-05", text="London needs Crossrail lock, stock and barrel")
F(d, PH, P, "SAID", None, None,
  "\"Clearly, our challenge is to deliver the Crossrail project at the lowest possible cost to the taxpayer.",
  date="2010-05", text="our challenge is to deliver the Crossrail project at the lowest possible cost to the taxpayer")
F(d, PH, P, "PARTNERS_WITH", BJ, P,
  "\"I look forward to working closely with the Mayor to ensure that we get maximum value for every pound of taxpayers' money spent on the project.\"",
  date="2010-05",
  alts=[{"predicate": "PARTNERS_WITH", "object": ML}, {"subject": BJ, "predicate": "PARTNERS_WITH", "object": PH},
        {"subject": "UK Government", "predicate": "PARTNERS_WITH", "object": BJ}])
F(d, "Peter Hendy", P, "HOLDS_OFFICE", TCOMM, PO, "Transport for London boss Peter Hendy",
  alts=[{"predicate": "LEADS", "object": TFL}, {"predicate": "MEMBER_OF", "object": TFL}])
F(d, "Simon Milton", P, "HOLDS_OFFICE", "Chief of Staff, Greater London Authority", PO,
  "City Hall chief of staff Sir Simon Milton",
  alts=[{"predicate": "MEMBER_OF", "object": "Greater London Authority"}])

# ------------------------------------------------------------------ f23_06 Police and Crime Committee minutes item, 2014 (Greenhalgh, Mackey, King)
d = "f23_06"
SG = "Stephen Greenhalgh"
AB6 = "Question and Answer Session with the Deputy Mayor for Policing and Crime and the Metropolitan Police Service"
F(d, PCC, O, "ASKED", SG, P,
  "(b)  Note the answers given by the Deputy Mayor for Policing and Crime and the MPS to the questions asked by Members.",
  date="2014", about=AB6,
  alts=[{"predicate": "ASKED", "object": "Deputy Mayor for Policing and Crime"}, {"predicate": "ASKED", "object": MOPAC},
        {"subject": "London Assembly", "predicate": "ASKED", "object": SG}, {"predicate": "OVERSEES", "object": MOPAC}])
F(d, PCC, O, "ASKED", MPS, O,
  "7.1  The Chair welcomed Craig Mackey, Deputy Commissioner, MPS, to the meeting who joined the panel with Stephen Greenhalgh, Deputy Mayor for Policing and Crime, and Helen King, Assistant Commissioner for Territorial Policing, MPS.",
  date="2014", about=AB6,
  alts=[{"predicate": "ASKED", "object": "Craig Mackey"}, {"predicate": "ASKED", "object": "Helen King"},
        {"subject": "London Assembly", "predicate": "ASKED", "object": MPS}, {"predicate": "OVERSEES", "object": MPS}])
F(d, SG, P, "REPLIED_TO", PCC, O,
  "(b)  Note the answers given by the Deputy Mayor for Policing and Crime and the MPS to the questions asked by Members.",
  date="2014", about=AB6,
  alts=[{"subject": "Deputy Mayor for Policing and Crime", "predicate": "REPLIED_TO", "object": PCC},
        {"subject": MOPAC, "predicate": "REPLIED_TO", "object": PCC}, {"predicate": "REPLIED_TO", "object": "London Assembly"}])
F(d, MPS, O, "REPLIED_TO", PCC, O,
  "(b)  Note the answers given by the Deputy Mayor for Policing and Crime and the MPS to the questions asked by Members.",
  date="2014", about=AB6,
  alts=[{"subject": "Craig Mackey", "predicate": "REPLIED_TO", "object": PCC},
        {"predicate": "REPLIED_TO", "object": "London Assembly"}])
F(d, "Craig Mackey", P, "HOLDS_OFFICE", "Deputy Commissioner of the Metropolitan Police", PO, "Craig Mackey, Deputy Commissioner, MPS",
  alts=[{"predicate": "MEMBER_OF", "object": MPS}])
F(d, SG, P, "HOLDS_OFFICE", "Deputy Mayor for Policing and Crime", PO, "Stephen Greenhalgh, Deputy Mayor for Policing and Crime",
  alts=[{"predicate": "LEADS", "object": MOPAC}])
F(d, "Helen King", P, "HOLDS_OFFICE", "Assistant Commissioner for Territorial Policing, Metropolitan Police Service", PO,
  "Helen King, Assistant Commissioner for Territorial Policing, MPS",
  alts=[{"predicate": "MEMBER_OF", "object": MPS}])
F(d, "Jenny Jones", P, "HOLDS_OFFICE", "Deputy Chair of the London Assembly Police and Crime Committee", PO,
  "Jenny Jones AM, Deputy Chair",
  alts=[{"predicate": "MEMBER_OF", "object": PCC}])
F(d, PCC, O, "CRITICISED", MPS, O,
  "a Member noted that the MPS was meeting its targets on capital receipts but expressed his concern regarding the MPS capital expenditure",
  date="2014",
  alts=[{"predicate": "OVERSEES", "object": MPS}, {"subject": "London Assembly", "predicate": "CRITICISED", "object": MPS}])

# ------------------------------------------------------------------ f23_07 Transport Committee transcript, 25 Feb 2015 (Hendy, taxis)
d = "f23_07"
CP = "Caroline Pidgeon"
AB7 = "Question and Answer Session with the Commissioner of Transport, Sir Peter Hendy CBE"
FP = "Future Proof"
F(d, CP, P, "CHAIRS", TC, O, "Caroline Pidgeon MBE AM (Chair)",
  alts=[{"predicate": "HOLDS_OFFICE", "object": "Chair of the London Assembly Transport Committee"},
        {"predicate": "MEMBER_OF", "object": TC}])
F(d, "Peter Hendy", P, "HOLDS_OFFICE", TCOMM, PO, "Sir Peter Hendy CBE (Commissioner of Transport, TfL)",
  alts=[{"predicate": "LEADS", "object": TFL}, {"predicate": "MEMBER_OF", "object": TFL}])
F(d, "Valerie Shawcross", P, "HOLDS_OFFICE", "Deputy Chair of the London Assembly Transport Committee", PO,
  "Val [Shawcross CBE AM, Deputy Chair]",
  alts=[{"predicate": "MEMBER_OF", "object": TC}])
F(d, TC, O, "ASKED", "Peter Hendy", P,
  "Transcript of Agenda Item 6 – Question and Answer Session with the",
  date="2015-02-25", about=AB7,
  alts=[{"predicate": "ASKED", "object": TFL}, {"predicate": "ASKED", "object": TCOMM},
        {"subject": "London Assembly", "predicate": "ASKED", "object": "Peter Hendy"},
        {"subject": CP, "predicate": "ASKED", "object": "Peter Hendy"}])
F(d, TC, O, "REVIEWS", "taxi and private hire services in London", PR,
  "our report, Future Proof, on taxi and private hire services in London? We felt it was very timely to do a review of this area.",
  alts=[{"predicate": "LEADS", "object": FP}, {"predicate": "ESTABLISHED", "object": FP},
        {"subject": CP, "predicate": "REVIEWS", "object": "taxi and private hire services in London"},
        {"predicate": "REVIEWS", "object": TFL}])
F(d, BJ, P, "WELCOMED", FP, I,
  "the Mayor, in answer to a recent question from me, did comment about the report and that it was the Transport Committee’s “excellent work”",
  date="2015",
  alts=[{"predicate": "WELCOMED", "object": TC}, {"subject": ML, "predicate": "WELCOMED", "object": FP},
        {"subject": ML, "predicate": "WELCOMED", "object": TC}])
F(d, CP, P, "ASKED", BJ, P, "the Mayor, in answer to a recent question from me, did comment about the report",
  date="2015", about="the Transport Committee's Future Proof report on taxi and private hire",
  alts=[{"predicate": "ASKED", "object": ML}])
F(d, BJ, P, "REPLIED_TO", CP, P, "the Mayor, in answer to a recent question from me, did comment about the report",
  date="2015", about="the Transport Committee's Future Proof report on taxi and private hire",
  alts=[{"subject": ML, "predicate": "REPLIED_TO", "object": CP}])

# ------------------------------------------------------------------ f23_08 The MJ, July 2016: Kober to chair London Councils
d = "f23_08"
CK = "Claire Kober"
LC = "London Councils"
F(d, CK, P, "CHAIRS", LC, O, "Haringey LBC leader Claire Kober has been elected as the new chair of London Councils.",
  alts=[{"predicate": "HOLDS_OFFICE", "object": "Chair of London Councils"}, {"predicate": "LEADS", "object": LC}])
F(d, CK, P, "HOLDS_OFFICE", "Leader of Haringey Council", PO, "Haringey LBC leader Claire Kober",
  alts=[{"predicate": "LEADS", "object": "London Borough of Haringey"},
        {"predicate": "MEMBER_OF", "object": "London Borough of Haringey"}])
F(d, "Jules Pipe", P, "CHAIRS", LC, O, "current chair and Hackney LBC mayor Jules Pipe",
  alts=[{"predicate": "HOLDS_OFFICE", "object": "Chair of London Councils"}, {"predicate": "LEADS", "object": LC}])
F(d, "Jules Pipe", P, "HOLDS_OFFICE", "Mayor of Hackney", PO, "Hackney LBC mayor Jules Pipe",
  alts=[{"predicate": "LEADS", "object": "London Borough of Hackney"},
        {"predicate": "MEMBER_OF", "object": "London Borough of Hackney"}])
F(d, "Jules Pipe", P, "MEMBER_OF", "Greater London Authority", O,
  "Jules Pipe will stand down after being appointed to London Mayor Sadiq Khan's top team",
  alts=[{"predicate": "MEMBER_OF", "object": SK}, {"predicate": "HOLDS_OFFICE", "object": "Deputy Mayor of London"}])
F(d, SK, P, "HOLDS_OFFICE", ML, PO, "London Mayor Sadiq Khan")
F(d, "Peter John", P, "HOLDS_OFFICE", "Leader of Southwark Council", PO, "Southwark LBC leader Cllr Peter John",
  alts=[{"predicate": "LEADS", "object": "London Borough of Southwark"},
        {"predicate": "MEMBER_OF", "object": "London Borough of Southwark"}])
F(d, CK, P, "MEMBER_OF", "London Councils Labour Group", O,
  "Cllr Kober and Southwark LBC leader Cllr Peter John both stood as potential successors as chair of the controlling Labour Group.",
  alts=[{"predicate": "MEMBER_OF", "object": "Labour Party"}, {"predicate": "CHAIRS", "object": "London Councils Labour Group"}])
F(d, "Peter John", P, "MEMBER_OF", "London Councils Labour Group", O,
  "Cllr Kober and Southwark LBC leader Cllr Peter John both stood as potential successors as chair of the controlling Labour Group.",
  alts=[{"predicate": "MEMBER_OF", "object": "Labour Party"}])
F(d, CK, P, "SAID", None, None,
  "'Bringing London together at this time is essential and London Councils is well placed to meet this challenge.'",
  date="2016-07", text="Bringing London together at this time is essential and London Councils is well placed to meet this challenge")

# ------------------------------------------------------------------ f23_09 New Civil Engineer, 2017: Mike Brown before the Transport Committee
d = "f23_09"
MB = "Mike Brown"
HX = "Heathrow expansion"
GOB = "Gospel Oak to Barking electrification"
AB9 = "Heathrow expansion, Barking to Gospel Oak electrification, Metropolitan line extension funding and TfL's savings plan"
F(d, MB, P, "HOLDS_OFFICE", TCOMM, PO, "Transport for London (TfL) commissioner Mike Brown",
  alts=[{"predicate": "LEADS", "object": TFL}])
F(d, TC, O, "ASKED", MB, P,
  "Transport for London (TfL) commissioner Mike Brown faced questions from the London Assembly Transport Committee yesterday",
  date="2017", about=AB9,
  alts=[{"predicate": "ASKED", "object": TFL}, {"predicate": "ASKED", "object": TCOMM},
        {"subject": "London Assembly", "predicate": "ASKED", "object": MB}, {"predicate": "OVERSEES", "object": TFL}])
F(d, "Tom Copley", P, "ASKED", MB, P,
  "Assembly member Tom Copely grilled Brown over claims that Heathrow expansion will result in an 80% increase in freight traffic",
  date="2017", about="Heathrow expansion and an 80% increase in freight traffic",
  alts=[{"predicate": "ASKED", "object": TFL}])
F(d, "Tom Copley", P, "MEMBER_OF", "London Assembly", O, "Assembly member Tom Copely",
  alts=[{"predicate": "MEMBER_OF", "object": TC}])
F(d, "Tom Copley", P, "CRITICISED", HX, PR,
  "Copely highlighted the strain it would put on an already congested road network, along with the negative impact on air quality.",
  date="2017")
F(d, MB, P, "CRITICISED", "UK Government", O,
  "“I think it’s worrying, unless there’s something going on that I don’t know about, that the government or the airport don’t seem to be taking urgent steps to have a firm look at this,” said Brown",
  date="2017",
  alts=[{"predicate": "CRITICISED", "object": HX}, {"subject": TFL, "predicate": "CRITICISED", "object": "UK Government"}])
F(d, MB, P, "CRITICISED", "Network Rail", O,
  "Brown also defended TfL’s involvement in the Barking to Gospel Oak electrification blunder, laying the blame firmly at Network Rail’s door.",
  date="2017",
  alts=[{"predicate": "CRITICISED", "object": GOB}, {"subject": TFL, "predicate": "CRITICISED", "object": "Network Rail"}])
F(d, MB, P, "SAID", None, None, "“It’s a Network Rail project, it’s their failing, they didn’t deliver.”",
  date="2017", text="it’s their failing, they didn’t deliver")
F(d, "Network Rail", O, "LEADS", GOB, PR, "“It’s a Network Rail project, it’s their failing, they didn’t deliver.”")
F(d, "Network Rail", O, "REVIEWS", GOB, PR,
  "Network Rail has already begun a review of what went wrong with the design for the electrification works.",
  date="2017")

# ------------------------------------------------------------------ f23_10 Shapps to Khan, 1 Jun 2021 (TfL funding settlement)
d = "f23_10"
GS = "Grant Shapps"
DEAL3 = "third extraordinary funding deal for TfL"
AB10 = "the draft settlement letter for TfL"
F(d, GS, P, "HOLDS_OFFICE", "Secretary of State for Transport", PO,
  "From the Secretary of State The Rt. Hon. Grant Shapps Department • Great Minster House for Transport",
  alts=[{"predicate": "LEADS", "object": "Department for Transport"}, {"predicate": "MEMBER_OF", "object": "Department for Transport"}])
F(d, SK, P, "HOLDS_OFFICE", ML, PO, "Sadiq Khan E-Mail: [email protected] Mayor of London")
F(d, GS, P, "REPLIED_TO", SK, P,
  "I am writing in response to your letters dated 27th and 29th May 2021 in which you set out your thinking around the then draft settlement letter for TfL.",
  date="2021-06-01", about=AB10,
  alts=[{"predicate": "REPLIED_TO", "object": ML}, {"subject": "Department for Transport", "predicate": "REPLIED_TO", "object": SK}])
F(d, SK, P, "ASKED", GS, P,
  "your letters dated 27th and 29th May 2021 in which you set out your thinking around the then draft settlement letter for TfL",
  date="2021-05", about=AB10,
  alts=[{"predicate": "ASKED", "object": "Secretary of State for Transport"}, {"predicate": "ASKED", "object": "Department for Transport"},
        {"subject": ML, "predicate": "ASKED", "object": GS}])
F(d, "UK Government", O, "FUNDS", TFL, O,
  "with what will now be over £4bn of government emergency support provided to TfL because of fare revenues lost as a result of the Covid-19 pandemic",
  date="2021", amount=4000000000,
  alts=[{"subject": "Department for Transport", "predicate": "FUNDS", "object": TFL},
        {"subject": GS, "predicate": "FUNDS", "object": TFL}, {"predicate": "FUNDS", "object": DEAL3}])
F(d, GS, P, "WELCOMED", DEAL3, PR,
  "I am pleased that we have now worked through the various issues and concluded this third extraordinary deal. This is good news for Londoners",
  date="2021-06-01",
  alts=[{"predicate": "PARTNERS_WITH", "object": SK}, {"predicate": "COMMITTED_TO", "object": DEAL3}])
F(d, GS, P, "CRITICISED", SK, P,
  "I would like to place on record my disappointment that details of the negotiation appeared in the Financial Times prior to the deal being concluded.",
  date="2021-06-01",
  alts=[{"predicate": "CRITICISED", "object": ML}, {"predicate": "CRITICISED", "object": "Greater London Authority"}])
F(d, SK, P, "COMMITTED_TO", "TfL financial sustainability plan", PR,
  "in the last agreement, on 31 October 2020, you committed to submit a plan for how TfL would \"commit to managing its affairs to reach financial sustainability\" with a target date of April 2023",
  date="2020-10-31",
  alts=[{"subject": ML, "predicate": "COMMITTED_TO", "object": "TfL financial sustainability plan"},
        {"subject": TFL, "predicate": "COMMITTED_TO", "object": "TfL financial sustainability plan"}])

# ------------------------------------------------------------------ f23_11 Evening Standard, Nov 2023: Khan's letter to Cleverly on Met funding
d = "f23_11"
JC = "James Cleverly"
AB11 = "more funding for the Met Police"
F(d, SK, P, "ASKED", JC, P,
  "In a letter to home secretary James Cleverly, the mayor said London “faces unique pressures as a capital city”",
  date="2023-11", about=AB11,
  alts=[{"predicate": "ASKED", "object": "Home Office"}, {"predicate": "ASKED", "object": "Home Secretary"},
        {"subject": ML, "predicate": "ASKED", "object": JC}])
F(d, JC, P, "HOLDS_OFFICE", "Home Secretary", PO, "home secretary James Cleverly")
F(d, SK, P, "CRITICISED", "Home Office", O,
  "Sadiq Khan has warned that the Met Police is “chronically underfunded”, as he urged the Home Office to boost the force’s finances.",
  date="2023-11",
  alts=[{"predicate": "CRITICISED", "object": "UK Government"}, {"predicate": "CRITICISED", "object": JC},
        {"predicate": "ASKED", "object": "Home Office"}])
F(d, SK, P, "SAID", None, None,
  "Mr Khan told the home secretary: “London’s communities directly suffer from the operational requirement on the Commissioner to prioritise under-funded capital city duties.",
  date="2023-11",
  text="London’s communities directly suffer from the operational requirement on the Commissioner to prioritise under-funded capital city duties")
F(d, "Home Office", O, "SAID", None, None,
  "A Home Office spokeswoman insisted that the Government is giving all police forces “the resources they need to tackle crime”.",
  date="2023-11", text="the resources they need to tackle crime",
  alts=[{"subject": "UK Government", "predicate": "SAID"}])
F(d, "UK Government", O, "FUNDS", MPS, O,
  "A Government source said the Met is still the highest funded force per capita in England and Wales “by a considerable margin”.",
  date="2023-11", alts=[{"subject": "Home Office", "predicate": "FUNDS", "object": MPS}])
F(d, "Home Office", O, "COMMISSIONED", "2015 independent review of Met Police funding", I,
  "an independent expert review conducted for the Home Office in 2015 identified a £159m annual gap in Met Police funding",
  date="2015",
  alts=[{"subject": "2015 independent review of Met Police funding", "predicate": "REVIEWS", "object": MPS}])
F(d, "Mark Rowley", P, "HOLDS_OFFICE", COMM, PO, "Met commissioner Sir Mark Rowley",
  alts=[{"predicate": "LEADS", "object": MPS}])
F(d, "Mark Rowley", P, "SAID", None, None,
  "Met commissioner Sir Mark Rowley told the London Policing Board on Wednesday that the force had become severely “bent out of shape” in recent weeks.",
  date="2023-11", text="bent out of shape")

# ------------------------------------------------------------------ f23_12 Police and Crime Committee publication, 2023: the Winsor letters
d = "f23_12"
TW = "Thomas Winsor"
WR = "Winsor review"
AB12 = "the Committee's investigation following Sir Thomas Winsor's review of the resignation of Dame Cressida Dick"
F(d, PCC, O, "ASKED", SK, P,
  "The London Assembly Police and Crime Committee has written to the Mayor and Home Secretary regarding the Committee’s investigation",
  date="2023", about=AB12,
  alts=[{"predicate": "ASKED", "object": ML}, {"subject": "London Assembly", "predicate": "ASKED", "object": SK},
        {"subject": "London Assembly", "predicate": "ASKED", "object": ML}])
F(d, PCC, O, "ASKED", "Home Secretary", PO,
  "The London Assembly Police and Crime Committee has written to the Mayor and Home Secretary regarding the Committee’s investigation",
  date="2023", about=AB12,
  alts=[{"predicate": "ASKED", "object": "Home Office"}, {"subject": "London Assembly", "predicate": "ASKED", "object": "Home Secretary"}])
F(d, TW, P, "LEADS", WR, I,
  "Sir Thomas Winsor’s review of the resignation of Dame Cressida Dick as Commissioner of Police of the Metropolis",
  alts=[{"predicate": "REVIEWS", "object": "Cressida Dick"}, {"predicate": "REVIEWS", "object": MOPAC},
        {"predicate": "REVIEWS", "object": COMM}])
F(d, PCC, O, "REVIEWS", WR, I,
  "The Committee’s investigation set out to consider the matters and actions in relation to Dame Cressida’s resignation and the findings of Sir Tom’s review.",
  date="2023",
  alts=[{"predicate": "REVIEWS", "object": "Cressida Dick"}, {"predicate": "OVERSEES", "object": MOPAC},
        {"predicate": "REVIEWS", "object": MOPAC}])
F(d, "Cressida Dick", P, "HOLDS_OFFICE", COMM, PO,
  "Dame Cressida Dick as Commissioner of Police of the Metropolis",
  alts=[{"predicate": "LEADS", "object": MPS}])

# ------------------------------------------------------------------ f23_13 Assembly press release, 6 Nov 2024: the Mayor and the Commissioner face the Assembly
d = "f23_13"
AB13 = "what steps are being taken to keep Londoners safe and to support the reform of the Metropolitan Police Service"
F(d, SK, P, "HOLDS_OFFICE", ML, PO, "- Sadiq Khan, Mayor of London")
F(d, "Mark Rowley", P, "HOLDS_OFFICE", COMM, PO, "- Sir Mark Rowley QPM, Commissioner of Police of the Metropolis",
  alts=[{"predicate": "LEADS", "object": MPS}])
F(d, "London Assembly", O, "ASKED", SK, P,
  "Tomorrow, London Assembly Members will question the Mayor and the Met Commissioner about what steps are being taken to keep Londoners safe",
  date="2024-11-07", about=AB13,
  alts=[{"predicate": "ASKED", "object": ML}, {"predicate": "OVERSEES", "object": SK}])
F(d, "London Assembly", O, "ASKED", "Mark Rowley", P,
  "Tomorrow, London Assembly Members will question the Mayor and the Met Commissioner about what steps are being taken to keep Londoners safe",
  date="2024-11-07", about=AB13,
  alts=[{"predicate": "ASKED", "object": COMM}, {"predicate": "ASKED", "object": MPS}])
F(d, MOPAC, O, "OVERSEES", MPS, O,
  "MOPAC must secure the maintenance of the Metropolitan Police Service (the Met) and ensure that it is efficient and effective.",
  alts=[{"subject": "Deputy Mayor for Policing and Crime", "predicate": "OVERSEES", "object": MPS},
        {"subject": ML, "predicate": "OVERSEES", "object": MPS}, {"subject": MOPAC, "predicate": "FUNDS", "object": MPS}])
F(d, "Deputy Mayor for Policing and Crime", PO, "LEADS", MOPAC, O,
  "Led by the Deputy Mayor for Policing and Crime (DPMC), MOPAC",
  alts=[{"subject": "Deputy Mayor for Policing and Crime", "predicate": "CHAIRS", "object": MOPAC}])
F(d, ML, PO, "LEADS", MOPAC, O,
  "In London, the elected Mayor is automatically the equivalent of the Police and Crime Commissioner; and is the occupant of the Mayor’s Office for Policing and Crime (MOPAC).",
  alts=[{"subject": SK, "predicate": "LEADS", "object": MOPAC}, {"subject": ML, "predicate": "MEMBER_OF", "object": MOPAC}])
F(d, "London Assembly", O, "OVERSEES", ML, PO,
  "As well as investigating issues that matter to Londoners, the London Assembly acts as a check and a balance on the Mayor.",
  alts=[{"predicate": "OVERSEES", "object": SK}])


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
