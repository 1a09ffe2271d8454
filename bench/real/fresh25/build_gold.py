#!/usr/bin/env python3
"""Build and check the fresh25 blind gold set (written by reading only; no extractor run).

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
    *sorted(p for p in glob.glob("/work/main/bench/real/*/entities.json") if "/fresh25/" not in p),
]

D = {p.name[:6]: p.name for p in DOCS.glob("f25_*.txt")}
G = []

P, O, PO, PR, I = "Person", "Organization", "Post", "Programme", "Inquiry"
ML = "Mayor of London"
KL, BJ, SK = "Ken Livingstone", "Boris Johnson", "Sadiq Khan"
MPS = "Metropolitan Police Service"
TFL = "Transport for London"
COMM = "Commissioner of the Metropolitan Police"
GLA = "Greater London Authority"
LA = "London Assembly"


def F(doc, s, st, p, o, ot, quote, date=None, amount=None, about=None, text=None, alts=()):
    G.append({"doc": D[doc], "subject": s, "subject_type": st, "predicate": p, "object": o,
              "object_type": ot, "date": date, "amount_gbp": amount, "quote": quote,
              "about": about, "text": text, "alternatives": [dict(a) for a in alts]})


# ------------------------------------------------------------------ new entities
E = {}


def ent(name, typ, *aliases):
    E[name] = {"type": typ, "aliases": list(aliases)}


# f25_01
ent("Metronet", O, "Metronet Rail", "the consortium", "Disgraced Tube maintenance firm Metronet", "Tube maintenance firm Metronet")
ent("Tim O'Toole", P, "Tim O’Toole")
ent("Steve Allen", P)
ent("Group Finance Director, Transport for London", PO, "TfL finance director", "Finance Director, TfL",
    "Finance Director, Transport for London")  # alias addition to an existing canonical name
ent("Chair of the London Assembly Transport Committee", PO, "chairman of the Assembly's transport committee",
    "Chairman of the Assembly's Transport Committee")  # alias addition
# f25_02
ent("Ray Lewis", P, "Mr Lewis", "Ray")
ent("David Cameron", P, "Mr Cameron")
ent("reinstatement of Ray Lewis", PR, "reinstate Mr Lewis", "reinstate Ray Lewis", "reinstate Mr Lewis if he cleared his name")
# f25_04
ent("cut of 455 police officers", PR, "plans to cut 455 police officers", "cut 455 police officers", "cutting 455 police officers")
ent("cuts to police numbers in London", PR, "police cuts", "deep cuts to policing in London", "cuts to policing in London",
    "These cuts", "police cuts that he implemented", "cut 1800 police officers")
# f25_05
ent("Eric Pickles", P, "Mr Pickles", "Communities secretary Eric Pickles")
ent("Secretary of State for Communities and Local Government", PO, "Communities secretary", "communities secretary",
    "secretary of state", "Communities Secretary", "Local Government Secretary")
ent("Lutfur Rahman", P, "Mayor Rahman", "Tower Hamlets LBC mayor Lutfur Rahman")
ent("Mayor of Tower Hamlets", PO, "Tower Hamlets LBC mayor", "Tower Hamlets mayor", "mayor of Tower Hamlets")
ent("Tower Hamlets commissioners", O, "commissioners", "the commissioners", "commissioners to Tower Hamlets",
    "Tower Hamlets commissioner team")
ent("Ken Knight", P, "Sir Ken Knight", "Sir Ken")
ent("Max Caller", P)
ent("Secretary of State's directions to Tower Hamlets", PR, "the directions", "directions", "directions to Tower Hamlets")
# f25_06
ent("Metropolitan Police water cannon", PR, "water cannon", "three anti-riot devices", "the machines", "water cannon on the streets of London",
    "Boris Johnson’s bid to deploy water cannon", "bid to deploy water cannon", "cannon", "German-built machines")
ent("Yvette Cooper", P, "Ms Cooper")
ent("Shadow Home Secretary", PO, "Shadow home secretary", "shadow home secretary")
ent("decision not to licence water cannon", PR, "the decision", "Home Secretary's decision", "refusal to licence water cannon",
    "ruling", "historic ruling")
# f25_07
ent("Mervyn Davies", P, "Lord Mervyn Davies", "Lord Davies")
# f25_08
ent("Paul Embery", P)
ent("LFEPA Grenfell working group", PR, "working group", "a working group", "working group to consider issues that could be fed into the Mayor’s forthcoming London Plan consultation")
# f25_09
ent("Uber", O, "Uber London Limited", "Uber London", "the minicab app")
ent("Wes Streeting", P, "Labour MP Wes Streeting")
ent("All Party Parliamentary Group on Taxis", O, "APPG on Taxis", "All-Party Parliamentary Group on Taxis")
ent("TfL decision not to renew Uber's licence", PR, "TfL's decision", "TfL’s decision", "decision", "courageous decision",
    "refusal of Uber's licence", "decision not to renew Uber’s licence")
# f25_10
ent("Nickie Aiken", P, "Cllr Nickie Aiken")
ent("Leader of Westminster City Council", PO, "leader of Westminster council", "Westminster council leader", "Leader of Westminster Council")
ent("pedestrianisation of Oxford Street", PR, "Oxford Street pedestrianisation", "the abandoned project", "this project",
    "Oxford Street", "proposals to make Oxford Street traffic-free", "Oxford Street scheme", "new scheme")
# f25_11
ent("Metropolitan Police investigation into Downing Street parties", I, "investigation into parties at Downing Street",
    "Downing Street parties investigation", "Operation Hillman")
ent("London Assembly GLA Oversight Committee", O, "GLA Oversight Committee", "Oversight Committee")
ent("Jennifer Arcuri", P)
ent("relocation of City Hall", PR, "City Hall relocation", "investigation into the relocation of City Hall", "move from City Hall")
# f25_12
ent("Seb Dance", P)
ent("Howard Dawber", P)
ent("Deputy Mayor for Business and Growth", PO)
ent("Justine Simons", P)
ent("Deputy Mayor for Culture and the Creative Industries", PO, "Deputy Mayor for Culture")
ent("Deputy Mayor for Planning, Regeneration and the Fire Service", PO, "Deputy Mayor for Planning, Regeneration and Skills",
    "Deputy Mayor for Planning")
ent("Shirley Rodrigues", P)
ent("Deputy Mayor for Environment and Energy", PO)
ent("C40 Cities", O, "C40", "environmental network C40 Cities", "C40 Cities Climate Leadership Group")
ent("make London the best city in the world to grow up in", PR, "best city in the world to grow up in")


# ------------------------------------------------------------------ f25_01 Evening Standard, 18 Jul 2007: Metronet collapses
d = "f25_01"
MET = "Metronet"
F(d, TFL, O, "OVERSEES", MET, O,
  "TfL will take over as \"caretaker\" governor of the lines.", date="2007-07-18",
  alts=[{"predicate": "LEADS", "object": MET}, {"predicate": "LEADS", "object": "London Underground PPP"},
        {"predicate": "OVERSEES", "object": "London Underground PPP"}])
F(d, TFL, O, "FUNDS", MET, O,
  "at least £70 million, the sum it paid Metronet every four weeks to maintain and improve the network",
  date="2007", amount=70000000,
  alts=[{"subject": "London Underground", "predicate": "FUNDS", "object": MET}])
F(d, "Tim O'Toole", P, "HOLDS_OFFICE", "Managing Director of London Underground", PO,
  "Tim O'Toole, London Underground's managing director",
  alts=[{"predicate": "LEADS", "object": "London Underground"}, {"predicate": "MEMBER_OF", "object": "London Underground"}])
F(d, "Tim O'Toole", P, "SAID", None, None,
  "Tim O'Toole, London Underground's managing director, said passengers should not see any disruption.",
  date="2007-07-18", text="passengers should not see any disruption")
F(d, KL, P, "HOLDS_OFFICE", ML, PO, "Mayor Ken Livingstone")
F(d, KL, P, "SAID", None, None,
  "Mayor Ken Livingstone told the London Assembly today that Metronet was now \"akin to Monty Python's parrot. It is dead ... it has ceased to exist\".",
  date="2007-07-18", text="akin to Monty Python's parrot",
  alts=[{"subject": ML, "predicate": "SAID"}])
F(d, KL, P, "CRITICISED", MET, O,
  "The Mayor said that whereas Metronet had concentrated on \"slapping paint\" on stations the new holding company would concentrate on new track, signals and trains.",
  date="2007-07-18",
  alts=[{"subject": ML, "predicate": "CRITICISED", "object": MET}])
F(d, KL, P, "ASKED", "Prime Minister", PO,
  "Mr Livingstone said he had talked to the Prime Minister and was confident of financial help from the Government.",
  date="2007-07", about="financial help from the Government after Metronet's collapse",
  alts=[{"predicate": "ASKED", "object": "Gordon Brown"}, {"predicate": "ASKED", "object": "UK Government"},
        {"predicate": "PARTNERS_WITH", "object": "Prime Minister"}, {"predicate": "PARTNERS_WITH", "object": "Gordon Brown"}])
F(d, "Steve Allen", P, "HOLDS_OFFICE", "Group Finance Director, Transport for London", PO, "TfL finance director Steve Allen",
  alts=[{"predicate": "MEMBER_OF", "object": TFL}])
F(d, "Steve Allen", P, "SAID", None, None,
  "TfL finance director Steve Allen said funds would come from \"existing Tfl reserves\" for now",
  date="2007-07-18", text="existing Tfl reserves",
  alts=[{"subject": TFL, "predicate": "SAID"}])
F(d, "Roger Evans", P, "HOLDS_OFFICE", "Chair of the London Assembly Transport Committee", PO,
  "Roger Evans, chairman of the Assembly's transport committee",
  alts=[{"predicate": "CHAIRS", "object": "London Assembly Transport Committee"}])
F(d, "Roger Evans", P, "SAID", None, None,
  "Roger Evans, chairman of the Assembly's transport committee, said questions remained unanswered over \"who is going to pick up Metronet's debts which run into many billions of pounds\".",
  date="2007-07-18", text="who is going to pick up Metronet's debts")

# ------------------------------------------------------------------ f25_02 The Independent, 5 Jul 2008: Ray Lewis resigns
d = "f25_02"
RL = "Ray Lewis"
F(d, RL, P, "HOLDS_OFFICE", "Deputy Mayor of London", PO, "Boris Johnson's deputy Ray Lewis",
  alts=[{"predicate": "MEMBER_OF", "object": GLA}])
F(d, BJ, P, "SAID", None, None,
  "Mr Johnson said: \"It is with extreme reluctance and sadness that I have accepted the resignation of Ray Lewis.",
  date="2008-07-04", text="It is with extreme reluctance and sadness that I have accepted the resignation of Ray Lewis",
  alts=[{"subject": ML, "predicate": "SAID"}])
F(d, BJ, P, "COMMITTED_TO", "reinstatement of Ray Lewis", PR,
  "The Mayor last night promised to reinstate Mr Lewis if he cleared his name.", date="2008-07-04",
  alts=[{"subject": ML, "predicate": "COMMITTED_TO", "object": "reinstatement of Ray Lewis"}])
F(d, BJ, P, "WELCOMED", RL, P,
  "He has a God-given power and ability to inspire young people and divert them from catastrophic mistakes with guns and knives.",
  date="2008-07-04")
F(d, BJ, P, "CRITICISED", RL, P,
  "my confidence in Ray was shaken by the discovery that he is not a fully fledged justice of the peace",
  date="2008-07-04")
F(d, RL, P, "SAID", None, None,
  "He said: \"The effects on my family are beginning to tell and to show and that must stop.\"",
  date="2008-07-04", text="The effects on my family are beginning to tell and to show and that must stop")
F(d, RL, P, "WELCOMED", BJ, P,
  "He said Mr Johnson was a \"great mayor and a mayor of courage\".", date="2008-07-04",
  alts=[{"predicate": "WELCOMED", "object": ML}])
F(d, "David Cameron", P, "WELCOMED", RL, P,
  "David Cameron who held up Mr Lewis, 45, as a shining example of a black youth leader who tackled youth problems in the East End with \"tough love\"")

# ------------------------------------------------------------------ f25_03 Mayor's Question Time transcript, 17 Nov 2010
d = "f25_03"
LD = "Len Duvall"
AB3 = "Tax: which presents more of a threat to London, tax evasion and avoidance or benefit theft"
F(d, "Dee Doocey", P, "HOLDS_OFFICE", "Chair of the London Assembly", PO, "Dee Doocey (Chair)",
  alts=[{"predicate": "CHAIRS", "object": LA}])
F(d, LD, P, "ASKED", BJ, P,
  "Which presents more of a threat to London, tax evasion & avoidance or ‘benefit theft’?",
  date="2010-11-17", about=AB3,
  alts=[{"predicate": "ASKED", "object": ML}])
F(d, BJ, P, "REPLIED_TO", LD, P,
  "Boris Johnson (): Thank you, Len. You have asked a question about which presents more of a threat to London: tax evasion and avoidance or benefit theft.",
  date="2010-11-17", about=AB3,
  alts=[{"subject": ML, "predicate": "REPLIED_TO", "object": LD}])
F(d, BJ, P, "HOLDS_OFFICE", ML, PO, "Boris Johnson (Mayor of London)")
F(d, LD, P, "MEMBER_OF", LA, O, "Len Duvall (AM)")
F(d, BJ, P, "SAID", None, None,
  "Tax evasion and benefit theft are both illegal and should face the full force of the law, and tax avoidance, as far as I understand the matter, is legal.",
  date="2010-11-17", text="Tax evasion and benefit theft are both illegal and should face the full force of the law")
F(d, LD, P, "SAID", None, None,
  "We need to claw back money from people taking it and using it wrongly.",
  date="2010-11-17", text="We need to claw back money from people taking it and using it wrongly")

# ------------------------------------------------------------------ f25_04 Livingstone's letter to Johnson on police cuts (LabourList, Aug 2011)
d = "f25_04"
CUTS = "cuts to police numbers in London"
F(d, KL, P, "ASKED", BJ, P,
  "This morning Ken Livingstone has written to Boris Johnson, calling on him to “take responsibility” for police cuts that he implemented.",
  date="2011-08", about="reversing the cuts to police numbers in London",
  alts=[{"predicate": "ASKED", "object": ML}])
F(d, KL, P, "CRITICISED", CUTS, PR, "These cuts are unnecessary and wrong.", date="2011-08",
  alts=[{"predicate": "CRITICISED", "object": BJ}, {"predicate": "CRITICISED", "object": ML}])
F(d, KL, P, "SAID", None, None, "Londoners want more police on the streets, not cuts.", date="2011-08",
  text="Londoners want more police on the streets, not cuts")
F(d, ML, PO, "OVERSEES", MPS, O, "The Mayor of London is responsible for the police in London.",
  alts=[{"subject": BJ, "predicate": "OVERSEES", "object": MPS}])
F(d, BJ, P, "FUNDS", MPS, O, "You set the Metropolitan Police’s budget.",
  alts=[{"subject": ML, "predicate": "FUNDS", "object": MPS}, {"predicate": "OVERSEES", "object": MPS}])
F(d, BJ, P, "COMMITTED_TO", "cut of 455 police officers", PR,
  "Even before the Conservative-led government was formed you announced plans to cut 455 police officers in February 2010.",
  date="2010-02",
  alts=[{"predicate": "COMMITTED_TO", "object": CUTS}])

# ------------------------------------------------------------------ f25_05 LocalGov, 17 Dec 2014: Pickles sends commissioners into Tower Hamlets
d = "f25_05"
EP = "Eric Pickles"
LR = "Lutfur Rahman"
THC = "Tower Hamlets commissioners"
TH = "London Borough of Tower Hamlets"
F(d, EP, P, "HOLDS_OFFICE", "Secretary of State for Communities and Local Government", PO, "Communities secretary Eric Pickles",
  alts=[{"predicate": "MEMBER_OF", "object": "UK Government"}])
F(d, LR, P, "HOLDS_OFFICE", "Mayor of Tower Hamlets", PO, "Tower Hamlets LBC mayor Lutfur Rahman",
  alts=[{"predicate": "LEADS", "object": TH}])
F(d, EP, P, "COMMISSIONED", THC, O,
  "Communities secretary Eric Pickles risked reigniting a row with Tower Hamlets LBC mayor Lutfur Rahman today as he sent commissioners into the town hall.",
  date="2014-12-17",
  alts=[{"predicate": "ESTABLISHED", "object": THC}, {"predicate": "OVERSEES", "object": TH},
        {"subject": "UK Government", "predicate": "COMMISSIONED", "object": THC}])
F(d, THC, O, "OVERSEES", TH, O,
  "instructing the commissioners to take control of grant making, approval of any sale or disposal of property and the drawing up of a plan for publicity",
  alts=[{"predicate": "LEADS", "object": TH}, {"subject": EP, "predicate": "OVERSEES", "object": TH}])
F(d, EP, P, "CRITICISED", LR, P,
  "Mr Pickles rejected Mayor Rahman’s claims that he could put his own house in order", date="2014-12-17",
  alts=[{"predicate": "CRITICISED", "object": TH}, {"predicate": "CRITICISED", "object": "Mayor of Tower Hamlets"}])
F(d, EP, P, "SAID", None, None, "Mr Pickles said: ‘Intervention was not a decision taken lightly.", date="2014-12-17",
  text="Intervention was not a decision taken lightly")
F(d, "Ken Knight", P, "LEADS", THC, O, "Sir Ken Knight, will lead fellow commissioner Max Caller",
  alts=[{"predicate": "CHAIRS", "object": THC}, {"predicate": "MEMBER_OF", "object": THC}])
F(d, "Max Caller", P, "MEMBER_OF", THC, O, "fellow commissioner Max Caller")
F(d, "Ken Knight", P, "SAID", None, None, "Sir Ken said: ‘We are determined to restore faith in how Tower Hamlets operates.",
  date="2014-12-17", text="We are determined to restore faith in how Tower Hamlets operates")
F(d, TH, O, "SAID", None, None,
  "A Tower Hamlets spokeswoman said: 'The council looks forward to working with the commissioners who have met with senior officers this morning.",
  date="2014-12-17", text="The council looks forward to working with the commissioners",
  alts=[{"predicate": "PARTNERS_WITH", "object": THC}])
F(d, TH, O, "CRITICISED", "Secretary of State's directions to Tower Hamlets", PR,
  "'It is noteworthy that the directions do not seem to take account of detailed representations made to the secretary of state",
  date="2014-12-17",
  alts=[{"predicate": "CRITICISED", "object": EP}, {"predicate": "CRITICISED", "object": "Secretary of State for Communities and Local Government"}])

# ------------------------------------------------------------------ f25_06 Evening Standard, 15 Jul 2015: Theresa May blocks the water cannon
d = "f25_06"
TM = "Theresa May"
WC = "Metropolitan Police water cannon"
YC = "Yvette Cooper"
F(d, TM, P, "CRITICISED", WC, PR,
  "Boris Johnson’s bid to deploy water cannon on the streets of London was today blocked by Theresa May.",
  date="2015-07-15",
  alts=[{"predicate": "CRITICISED", "object": BJ}, {"predicate": "REVIEWS", "object": WC},
        {"subject": "Home Secretary", "predicate": "CRITICISED", "object": WC}])
F(d, TM, P, "SAID", None, None,
  "she told MPs she was  \"unconvinced\" about the \"operability\" of the ageing devices", date="2015-07-15",
  text="unconvinced", alts=[{"subject": "Home Secretary", "predicate": "SAID"}])
F(d, "Bernard Hogan-Howe", P, "HOLDS_OFFICE", COMM, PO, "Metropolitan Police Commissioner Sir Bernard Hogan-Howe",
  alts=[{"predicate": "LEADS", "object": MPS}])
F(d, BJ, P, "FUNDS", WC, PR,
  "They were bought second hand for £218,000 last June", date="2014-06", amount=218000,
  alts=[{"subject": ML, "predicate": "FUNDS", "object": WC}, {"subject": MPS, "predicate": "FUNDS", "object": WC},
        {"subject": "Bernard Hogan-Howe", "predicate": "FUNDS", "object": WC}])
F(d, BJ, P, "SAID", None, None,
  "A crestfallen Mr Johnson responded that in the “vanishingly small” likelihood of disorder, any police force could request to use the machines.",
  date="2015-07-15", text="vanishingly small", alts=[{"subject": ML, "predicate": "SAID"}])
F(d, YC, P, "HOLDS_OFFICE", "Shadow Home Secretary", PO, "Shadow home secretary Yvette Cooper",
  alts=[{"predicate": "MEMBER_OF", "object": "Labour Party"}])
F(d, YC, P, "WELCOMED", "decision not to licence water cannon", PR,
  "Shadow home secretary Yvette Cooper backed the decision", date="2015-07-15",
  alts=[{"predicate": "WELCOMED", "object": TM}, {"predicate": "CRITICISED", "object": WC}])
F(d, YC, P, "CRITICISED", WC, PR, "said cannon would have “weaponised policing”", date="2015-07-15")
F(d, YC, P, "SAID", None, None,
  "She said: \"Today, I could not agree with the Home Secretary more.", date="2015-07-15",
  text="I could not agree with the Home Secretary more")

# ------------------------------------------------------------------ f25_07 Evening Standard, 28 Apr 2017: Khan's letter to the Garden Bridge Trust
d = "f25_07"
GB = "Garden Bridge"
GBT = "Garden Bridge Trust"
MH = "Margaret Hodge"
HR = "Margaret Hodge's review of the Garden Bridge"
F(d, SK, P, "CRITICISED", GB, PR,
  "The chances of the Garden Bridge being built suffered a major blow on Friday after the Mayor withdrew his support for the controversial project.",
  date="2017-04-28",
  alts=[{"subject": ML, "predicate": "CRITICISED", "object": GB}])
F(d, SK, P, "SAID", None, None,
  "Sadiq Khan said he was “simply not prepared” to put taxpayers’ money further at risk over the proposed pedestrian Thames crossing.",
  date="2017-04-28", text="simply not prepared")
F(d, SK, P, "ASKED", "Mervyn Davies", P,
  "Mr Khan today wrote to the chairman of the bridge trust, Lord Mervyn Davies, to tell him City Hall will not be providing operations and maintenance guarantees.",
  date="2017-04-28", about="City Hall will not be providing operations and maintenance guarantees for the Garden Bridge",
  alts=[{"predicate": "ASKED", "object": GBT}, {"subject": ML, "predicate": "ASKED", "object": "Mervyn Davies"}])
F(d, "Mervyn Davies", P, "CHAIRS", GBT, O, "the chairman of the bridge trust, Lord Mervyn Davies",
  alts=[{"predicate": "LEADS", "object": GBT}])
F(d, MH, P, "LEADS", HR, I, "The report by senior Labour MP Dame Margaret Hodge",
  alts=[{"predicate": "REVIEWS", "object": GB}])
F(d, HR, I, "REVIEWS", GB, PR,
  "It comes after a review into the bridge’s financial viability recommended scrapping the scheme", date="2017",
  alts=[{"predicate": "CRITICISED", "object": GB}, {"subject": MH, "predicate": "REVIEWS", "object": GB}])
F(d, MH, P, "CRITICISED", GBT, O,
  "said it would be “difficult to justify” giving any more cash while the finances of the Garden Bridge Trust were in such a “precarious” state",
  date="2017",
  alts=[{"subject": HR, "predicate": "CRITICISED", "object": GBT}, {"predicate": "CRITICISED", "object": GB}])
F(d, MH, P, "MEMBER_OF", "Labour Party", O, "senior Labour MP Dame Margaret Hodge")
F(d, BJ, P, "WELCOMED", GB, PR, "backed by then-mayor Boris Johnson",
  alts=[{"predicate": "COMMITTED_TO", "object": GB}])
F(d, BJ, P, "HOLDS_OFFICE", ML, PO, "then-mayor Boris Johnson")

# ------------------------------------------------------------------ f25_08 LFEPA minutes, 22 Jun 2017: the Grenfell Tower fire
d = "f25_08"
LFEPA = "London Fire and Emergency Planning Authority"
CHL = "Chair of the London Fire and Emergency Planning Authority"
LFC = "London Fire Commissioner"
LFB = "London Fire Brigade"
F(d, LFC, PO, "WELCOMED", LFB, O,
  "She expressed her sympathy for the victims of the fire and paid tribute to the bravery and professionalism of the firefighters.",
  date="2017-06-22",
  alts=[{"subject": "Dany Cotton", "predicate": "WELCOMED", "object": LFB}])
F(d, CHL, PO, "WELCOMED", LFC, PO,
  "She paid tribute to the leadership of the Commissioner and her senior team and how the Authority could be proud of all the firefighters and LFB staff involved.",
  date="2017-06-22",
  alts=[{"subject": "Fiona Twycross", "predicate": "WELCOMED", "object": LFC}, {"predicate": "WELCOMED", "object": LFB},
        {"subject": "Fiona Twycross", "predicate": "WELCOMED", "object": LFB}, {"predicate": "WELCOMED", "object": "Dany Cotton"}])
F(d, CHL, PO, "COMMITTED_TO", "LFEPA Grenfell working group", PR,
  "However, she felt it would be useful for the Authority to establish a working group to consider issues that could be fed into the Mayor’s forthcoming  London Plan consultation.",
  date="2017-06-22",
  alts=[{"subject": LFEPA, "predicate": "ESTABLISHED", "object": "LFEPA Grenfell working group"},
        {"subject": "Fiona Twycross", "predicate": "COMMITTED_TO", "object": "LFEPA Grenfell working group"},
        {"subject": LFEPA, "predicate": "COMMITTED_TO", "object": "LFEPA Grenfell working group"}])
F(d, "Gareth Bacon", P, "WELCOMED", LFB, O,
  "Gareth Bacon AM spoke and also paid tribute to the work of the firefighters, the leadership of the Commissioner and her team.",
  date="2017-06-22", alts=[{"predicate": "WELCOMED", "object": LFC}])
F(d, "Gareth Bacon", P, "MEMBER_OF", LA, O, "Gareth Bacon AM",
  alts=[{"predicate": "MEMBER_OF", "object": LFEPA}])
F(d, "Paul Embery", P, "MEMBER_OF", "Fire Brigades Union", O, "Paul Embery, FBU")
F(d, "Paul Embery", P, "SAID", None, None,
  "He also stated he was glad that the work of the Control Room staff had been acknowledged.",
  date="2017-06-22", text="glad that the work of the Control Room staff had been acknowledged",
  alts=[{"subject": "Fire Brigades Union", "predicate": "SAID"}])

# ------------------------------------------------------------------ f25_09 breakingnews.ie (PA), 22 Sep 2017: TfL refuses Uber a licence
d = "f25_09"
UB = "Uber"
DEC = "TfL decision not to renew Uber's licence"
WS = "Wes Streeting"
F(d, TFL, O, "CRITICISED", UB, O,
  "TfL concluded that the minicab app is \"not fit and proper\" to operate in the English capital due to concerns which have \"public safety and security implications\".",
  date="2017-09-22",
  alts=[{"predicate": "REVIEWS", "object": UB}, {"predicate": "OVERSEES", "object": UB}])
F(d, SK, P, "HOLDS_OFFICE", ML, PO, "Mayor of London Sadiq Khan")
F(d, SK, P, "WELCOMED", DEC, PR, "\"I fully support TfL's decision", date="2017-09-22",
  alts=[{"predicate": "WELCOMED", "object": TFL}, {"predicate": "CRITICISED", "object": UB}])
F(d, SK, P, "SAID", None, None,
  "\"However, all companies in London must play by the rules and adhere to the high standards we expect",
  date="2017-09-22", text="all companies in London must play by the rules")
F(d, WS, P, "CHAIRS", "All Party Parliamentary Group on Taxis", O,
  "Labour MP Wes Streeting, chairman of the All Party Parliamentary Group on Taxis",
  alts=[{"predicate": "MEMBER_OF", "object": "All Party Parliamentary Group on Taxis"}])
F(d, WS, P, "MEMBER_OF", "Labour Party", O, "Labour MP Wes Streeting")
F(d, WS, P, "WELCOMED", DEC, PR,
  "\"This is a courageous decision by the Mayor and Transport for London", date="2017-09-22",
  alts=[{"predicate": "WELCOMED", "object": TFL}, {"predicate": "WELCOMED", "object": SK}])
F(d, WS, P, "CRITICISED", UB, O, "\"Uber has not shown itself to be a fit and proper operator.", date="2017-09-22")

# ------------------------------------------------------------------ f25_10 City AM, 4 Jul 2018: Khan's letter to Westminster's leader on Oxford Street
d = "f25_10"
NA = "Nickie Aiken"
WCC = "Westminster City Council"
OXS = "pedestrianisation of Oxford Street"
F(d, SK, P, "HOLDS_OFFICE", ML, PO, "London mayor Sadiq Khan")
F(d, SK, P, "ASKED", NA, P,
  "In a strongly worded letter sent to leader of Westminster council Nickie Aiken yesterday, Khan said:",
  date="2018-07-03", about="alternatives to the pedestrianisation of Oxford Street and future investment in Westminster",
  alts=[{"predicate": "ASKED", "object": WCC}, {"predicate": "ASKED", "object": "Leader of Westminster City Council"}])
F(d, NA, P, "HOLDS_OFFICE", "Leader of Westminster City Council", PO, "leader of Westminster council Nickie Aiken",
  alts=[{"predicate": "LEADS", "object": WCC}])
F(d, WCC, O, "CRITICISED", OXS, PR,
  "after stepping in to block the pedestrianisation of Oxford Street", date="2018",
  alts=[{"subject": NA, "predicate": "CRITICISED", "object": OXS}])
F(d, SK, P, "FUNDS", OXS, PR,
  "I have already invested more than £8m in good faith in this project", date="2018", amount=8000000,
  alts=[{"subject": ML, "predicate": "FUNDS", "object": OXS}, {"subject": TFL, "predicate": "FUNDS", "object": OXS}])
F(d, TFL, O, "FUNDS", OXS, PR,
  "Transport for London (TfL) had set aside funds to to proposals that meet the challenges outlined above", date="2018",
  alts=[{"subject": SK, "predicate": "FUNDS", "object": OXS}])
F(d, SK, P, "CRITICISED", WCC, O,
  "he said the council had made the decision unilaterally, \"with no attempt to compromise\"", date="2018-07-03",
  alts=[{"predicate": "CRITICISED", "object": NA}])
F(d, SK, P, "SAID", None, None,
  "I have made it clear that Oxford Street and the West End are too important for me to walk away, but delivering meaningful change does require a partnership approach.",
  date="2018-07-03", text="Oxford Street and the West End are too important for me to walk away")

# ------------------------------------------------------------------ f25_11 London Assembly press release, 27 Jul 2022: Annual Report 2021/22
d = "f25_11"
PCC = "London Assembly Police and Crime Committee"
OC = "London Assembly GLA Oversight Committee"
JA = "Jennifer Arcuri"
LP = "London & Partners"
F(d, LA, O, "OVERSEES", ML, PO,
  "a 25-member cross party body tasked with holding the Mayor to account",
  alts=[{"predicate": "OVERSEES", "object": SK}])
F(d, PCC, O, "OVERSEES", MPS, O,
  "the Police and Crime Committee has consistently raised policing issues that matter to Londoners",
  alts=[{"subject": LA, "predicate": "OVERSEES", "object": MPS}])
F(d, "Cressida Dick", P, "HOLDS_OFFICE", COMM, PO, "Dame Cressida Dick (now former) Commissioner of the MPS",
  alts=[{"predicate": "LEADS", "object": MPS}])
F(d, "Cressida Dick", P, "COMMISSIONED", "Metropolitan Police investigation into Downing Street parties", I,
  "Dame Cressida Dick (now former) Commissioner of the MPS took the opportunity of a question and answer session with the Committee to announce that an investigation would be launched into parties at Downing Street.",
  date="2022",
  alts=[{"subject": MPS, "predicate": "LEADS", "object": "Metropolitan Police investigation into Downing Street parties"},
        {"subject": MPS, "predicate": "COMMISSIONED", "object": "Metropolitan Police investigation into Downing Street parties"},
        {"subject": "Cressida Dick", "predicate": "LEADS", "object": "Metropolitan Police investigation into Downing Street parties"}])
F(d, OC, O, "ASKED", JA, P,
  "The GLA Oversight Committee questioned Jennifer Arcuri, other beneficiaries of London & Partners (L&P) activities and senior L&P officers on the governance procedures at the GLA and L&P",
  date="2022", about="the governance procedures at the GLA and London & Partners",
  alts=[{"subject": LA, "predicate": "ASKED", "object": JA}])
F(d, OC, O, "ASKED", LP, O,
  "The GLA Oversight Committee questioned Jennifer Arcuri, other beneficiaries of London & Partners (L&P) activities and senior L&P officers on the governance procedures at the GLA and L&P",
  date="2022", about="the governance procedures at the GLA and London & Partners",
  alts=[{"subject": LA, "predicate": "ASKED", "object": LP}, {"predicate": "REVIEWS", "object": LP},
        {"predicate": "OVERSEES", "object": LP}])
F(d, BJ, P, "HOLDS_OFFICE", ML, PO, "while he was Mayor of London")
F(d, OC, O, "REVIEWS", "relocation of City Hall", PR,
  "The GLA Oversight Committee established that staying at old City Hall on a new lease would have saved £24 million compared to the original lease terms.",
  date="2022",
  alts=[{"subject": LA, "predicate": "REVIEWS", "object": "relocation of City Hall"}])
F(d, OC, O, "CRITICISED", SK, P,
  "An investigation into the relocation of City Hall concluded that the Mayor had overstated the level of savings.",
  date="2022",
  alts=[{"predicate": "CRITICISED", "object": ML}, {"subject": LA, "predicate": "CRITICISED", "object": SK},
        {"subject": LA, "predicate": "CRITICISED", "object": ML}, {"predicate": "CRITICISED", "object": "relocation of City Hall"}])

# ------------------------------------------------------------------ f25_12 Mayoral press release, 10 May 2024: key senior appointments
d = "f25_12"
F(d, SK, P, "HOLDS_OFFICE", ML, PO, "The Mayor of London, Sadiq Khan")
F(d, SK, P, "COMMITTED_TO", "make London the best city in the world to grow up in", PR,
  "Sadiq has pledged to make London the best city in the world to grow up in", date="2024-05",
  alts=[{"subject": ML, "predicate": "COMMITTED_TO", "object": "make London the best city in the world to grow up in"}])
F(d, "Fiona Twycross", P, "HOLDS_OFFICE", "Deputy Mayor for Fire and Resilience", PO,
  "Baroness Fiona Twycross will be stepping down from her role as Deputy Mayor for Fire and Resilience")
F(d, "Shirley Rodrigues", P, "HOLDS_OFFICE", "Deputy Mayor for Environment and Energy", PO,
  "Shirley Rodrigues will be stepping down from her position as Deputy Mayor for Environment and Energy")
F(d, "Shirley Rodrigues", P, "MEMBER_OF", "C40 Cities", O,
  "will remain a Board Member of the environmental network C40 Cities on his behalf")
for who, post, q in [
    ("Seb Dance", "Deputy Mayor for Transport", "Deputy Mayor for Transport – Seb Dance"),
    ("Howard Dawber", "Deputy Mayor for Business and Growth", "Deputy Mayor for Business and Growth – Howard Dawber"),
    ("Sophie Linden", "Deputy Mayor for Policing and Crime", "Deputy Mayor for Policing and Crime - Sophie Linden"),
    ("Tom Copley", "Deputy Mayor for Housing and Residential Development", "Deputy Mayor for Housing and Residential Development - Tom Copley"),
    ("Justine Simons", "Deputy Mayor for Culture and the Creative Industries", "Deputy Mayor for Culture and the Creative Industries – Justine Simons"),
    ("Jules Pipe", "Deputy Mayor for Planning, Regeneration and the Fire Service", "Deputy Mayor for Planning, Regeneration and the Fire Service – Jules Pipe"),
]:
    F(d, who, P, "HOLDS_OFFICE", post, PO, q, alts=[{"predicate": "MEMBER_OF", "object": GLA}])


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
        if g["text"] and g["text"] not in doc:
            errors.append(f"text not verbatim: {g['text']!r}")
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
