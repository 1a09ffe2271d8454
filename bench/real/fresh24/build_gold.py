#!/usr/bin/env python3
"""Build and check the fresh24 blind gold set (written by reading only; no extractor run).

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
    *sorted(p for p in glob.glob("/work/main/bench/real/*/entities.json") if "/fresh24/" not in p),
]

D = {p.name[:6]: p.name for p in DOCS.glob("f24_*.txt")}
G = []

P, O, PO, PR, I = "Person", "Organization", "Post", "Programme", "Inquiry"
ML = "Mayor of London"
KL, BJ, SK = "Ken Livingstone", "Boris Johnson", "Sadiq Khan"
MPS = "Metropolitan Police Service"
LFB = "London Fire Brigade"
LFEPA = "London Fire and Emergency Planning Authority"
FBU = "Fire Brigades Union"
LA = "London Assembly"
GLA = "Greater London Authority"
LB = "London boroughs"
UKG = "UK Government"


def F(doc, s, st, p, o, ot, quote, date=None, amount=None, about=None, text=None, alts=()):
    G.append({"doc": D[doc], "subject": s, "subject_type": st, "predicate": p, "object": o,
              "object_type": ot, "date": date, "amount_gbp": amount, "quote": quote,
              "about": about, "text": text, "alternatives": [dict(a) for a in alts]})


# ------------------------------------------------------------------ new entities
E = {}


def ent(name, typ, *aliases):
    E[name] = {"type": typ, "aliases": list(aliases)}


# f24_01
ent("London Borough of Wandsworth", O, "Wandsworth", "Wandsworth Council")
ent("Royal Borough of Kensington and Chelsea", O, "Kensington and Chelsea", "Kensington and Chelsea Council", "RBKC")
# f24_02
ent("Ken Clark", P)
ent("Regional Director of the Greater London Labour Party", PO, "Regional Director", "Regional Director, Greater London Labour Party")
ent("Greater London Labour Party", O, "London Labour", "London Labour Party", "Greater London Labour")
ent("Labour nomination for London Mayor 2012", PR, "the Labour nomination for London Mayor", "Labour nomination",
    "Labour's candidate for Mayor", "Labour nomination for Mayor")
ent("protecting Londoners from the recession and government cuts", PR,
    "protect Londoners from the recession", "protect Londoners from the recession and the effects of the new government's policies",
    "protect public services in London")
# f24_03
ent("2013 London fire station closures", PR, "fire station closure plans", "fire station closures", "the planned cuts",
    "proposed cuts to London's fire service", "fire service cuts", "the cuts", "the plans", "London Safety Plan",
    "Fifth London Safety Plan", "closure of 12 fire stations", "the proposals")
ent("Ian Leahair", P, "Mr Leahair")
# f24_04
ent("Mayor's Air Quality Fund", PR, "Air Quality Fund", "£20m Air Quality Fund", "my £20m Air Quality Fund", "MAQF")
# f24_05
ent("Gavin Barwell", P, "Mr Barwell", "Mr Gavin Barwell MP", "Gavin Barwell MP", "Mr Barwell MP")
ent("Minister of State for Housing and Planning", PO, "Minister of State for Housing & Planning", "Minister for Housing",
    "Housing Minister", "Minister of State for Housing and Planning")
ent("Minister for London", PO, "the new Minister for London", "Minister for our great city")
ent("Department for Communities and Local Government", O, "DCLG", "Department of Communities and Local Government",
    "Department for Communities & Local Government")
ent("London borough Cabinet Members for housing", O, "Cabinet Members from across London", "Cabinet Members",
    "London Cabinet Members for housing", "London borough housing cabinet members")
ent("Housing and Planning Act 2016", PR, "Housing and Planning Act", "the Act", "Housing and Planning Bill")
# f24_06
ent("Sarah Hayward", P, "Councillor Sarah Hayward")
# f24_07
ent("Creative Enterprise Zones", PR, "Creative Enterprise Zone", "Creative Enterprise Zones programme", "CEZ", "CEZs",
    "Creative Enterprise Zones across the capital")
ent("Creative Enterprise Zone development grants", PR, "ten £50,000 grants", "Ten £50,000 grants", "£50,000 grants",
    "one of ten £50,000 grants")
# f24_08
ent("VRU community-based programme", PR, "community-based programme of work", "community-based programmes",
    "the 15 projects", "15 projects", "VRU Work Programme: Community", "community-based projects",
    "direct grants and uplifts of existing arrangements", "competitive grant process for delivery of community-based programmes")
# f24_09
ent("Robert Jenrick", P, "Jenrick", "Mr Jenrick")
ent("Secretary of State for Housing, Communities and Local Government", PO, "Housing secretary", "housing secretary",
    "Housing Secretary", "secretary of state for housing", "Secretary of State for Housing")
ent("mandatory estate ballots", PR, "estate ballots", "mandatory estate ballots", "residents' ballots", "ballots")
# f24_10
ent("Lisa Elliott", P)
ent("London Regional Director of the Royal College of Nursing", PO, "London Regional Director of the Royal College of Nursing (RCN)",
    "London Regional Director, RCN", "Regional Director of the RCN")
ent("Royal College of Nursing", O, "RCN")
ent("Martin Machray", P)
ent("Joint Regional Chief Nurse for London (NHS)", PO, "Joint Chief Nurse in the National Health Service (NHS)",
    "Joint Regional Chief Nurse - London, National Health Service", "Joint Chief Nurse", "Joint Regional Chief Nurse - London")
ent("National Health Service", O, "NHS", "the NHS", "National Health Service (NHS)")
ent("Tom Coffey", P, "Dr Coffey", "Dr Coffey [OBE]", "Dr Tom Coffey", "Coffey")
ent("London Living Wage Commission", O, "the London Living Wage Commission")
ent("Citizens UK", O)
# f24_12
ent("GLA council tax precept increase 2025-26", PR, "the hike", "the rise", "precept increase", "four per cent precept increase",
    "increase his average precept", "council tax hike", "planned rise", "the mayor's council tax precept increase",
    "Mayor's share of council tax", "draft City Hall Budget for the 2025-26 financial year")
ent("Neil Garratt", P, "Mr Garratt")
ent("Leader of the GLA Conservatives", PO, "City Hall Conservative leader", "leader of the GLA Conservatives",
    "Leader of the City Hall Conservatives", "Conservative leader")
ent("Jennette Arnold", P, "Jeanette Arnold")  # alias only: the BBC's spelling (f24_03)

# ------------------------------------------------------------------ f24_01 Evening Standard, 2002: Livingstone authorises the congestion charge
d = "f24_01"
CC = "Congestion Charge"
F(d, KL, P, "ESTABLISHED", CC, PR,
  "Ken Livingstone signed away his political future today when he authorised the congestion charging scheme to go ahead.",
  date="2002", alts=[{"predicate": "COMMITTED_TO", "object": CC}, {"predicate": "LEADS", "object": CC},
                     {"subject": ML, "predicate": "ESTABLISHED", "object": CC}])
F(d, "Darren Johnson", P, "SAID", None, None,
  "Their leader, Darren Johnson, said: \"The congestion charge has to be tough enough to work, otherwise it simply won't be worthwhile doing.\"",
  date="2002", text="The congestion charge has to be tough enough to work, otherwise it simply won't be worthwhile doing.")
F(d, "Darren Johnson", P, "MEMBER_OF", "Green Party Group", O,
  "The only complaint activists in the Green Party have is that the mayor should have been even tougher, with a £15-a-day charge on lorries rather than the flat rate of £5. Their leader, Darren Johnson",
  alts=[{"predicate": "LEADS", "object": "Green Party Group"}, {"predicate": "MEMBER_OF", "object": "City Hall Greens"},
        {"predicate": "LEADS", "object": "City Hall Greens"}])
F(d, "Green Party Group", O, "CRITICISED", CC, PR,
  "The only complaint activists in the Green Party have is that the mayor should have been even tougher, with a £15-a-day charge on lorries rather than the flat rate of £5.",
  date="2002", alts=[{"predicate": "CRITICISED", "object": KL}, {"subject": "Darren Johnson", "predicate": "CRITICISED", "object": CC}])
for boro in ("Westminster City Council", "London Borough of Wandsworth", "Royal Borough of Kensington and Chelsea"):
    F(d, boro, O, "CRITICISED", CC, PR,
      "Boroughs such as Westminster, Wandsworth and Kensington and Chelsea plan to focus on whatever justification the mayor gives for his decision and his explanation about the way it was reached to use any opportunity to challenge the scheme in the courts.",
      date="2002", alts=[{"predicate": "CRITICISED", "object": KL}])

# ------------------------------------------------------------------ f24_02 Livingstone's self-nomination letter to Ken Clark, 2010
d = "f24_02"
KC = "Ken Clark"
NOM = "Labour nomination for London Mayor 2012"
PROT = "protecting Londoners from the recession and government cuts"
F(d, KL, P, "ASKED", KC, P, "I am writing to seek the Labour nomination for London Mayor for the 2012 London elections.",
  date="2010", about="the Labour nomination for London Mayor for the 2012 London elections",
  alts=[{"predicate": "ASKED", "object": "Greater London Labour Party"}, {"predicate": "ASKED", "object": "Labour Party"}])
F(d, KC, P, "HOLDS_OFFICE", "Regional Director of the Greater London Labour Party", PO,
  "to Ken Clark\nRegional Director\nGreater London Labour Party",
  alts=[{"predicate": "MEMBER_OF", "object": "Greater London Labour Party"}, {"predicate": "LEADS", "object": "Greater London Labour Party"}])
F(d, KL, P, "MEMBER_OF", "Labour Party", O,
  "representing Labour’s values, from local ward councillor to Mayor",
  alts=[{"predicate": "MEMBER_OF", "object": "Greater London Labour Party"}])
F(d, KL, P, "COMMITTED_TO", PROT, PR,
  "If I am elected my focus will be to do everything I can to protect Londoners from the recession and the effects of the new government’s policies.",
  date="2010", text="to do everything I can to protect Londoners from the recession and the effects of the new government’s policies")
F(d, KL, P, "CRITICISED", UKG, O,
  "because we have a government removing billions from our economy and planning cuts on a scale that we have not seen for decades",
  date="2010")
F(d, KL, P, "COMMITTED_TO", NOM, PR,
  "Ken Livingstone has published his self-nomination letter, which you can read below, so that we can all see whyhe is seeking to be Labour’s candidate",
  date="2010", alts=[{"predicate": "ASKED", "object": "Labour Party"}])

# ------------------------------------------------------------------ f24_03 BBC News, 2013: Johnson stands by fire station closures
d = "f24_03"
FSC = "2013 London fire station closures"
JA = "Jennette Arnold"
ABA = "fire response times under the fire station closure plans"
F(d, BJ, P, "COMMITTED_TO", FSC, PR,
  "Proposed cuts to London's fire service will go ahead, as long as they do not compromise safety, the mayor has said.",
  date="2013", alts=[{"subject": ML, "predicate": "COMMITTED_TO", "object": FSC}, {"predicate": "WELCOMED", "object": FSC}])
F(d, BJ, P, "SAID", None, None,
  "Mr Johnson told the audience that as long as fire deaths continued to fall in the capital the planned cuts would go ahead.",
  date="2013", text="as long as fire deaths continued to fall in the capital the planned cuts would go ahead")
F(d, LFB, O, "LEADS", FSC, PR,
  "London Fire Brigade (LFB) wants to close 12 stations, cut 18 fire engines and 520 jobs to save £29m in two years.",
  alts=[{"predicate": "COMMITTED_TO", "object": FSC}, {"predicate": "ESTABLISHED", "object": FSC}])
F(d, FBU, O, "CRITICISED", FSC, PR,
  "which the Fire Brigades Union (FBU) described as \"reckless and wrong\"", date="2013",
  alts=[{"predicate": "CRITICISED", "object": BJ}])
F(d, FBU, O, "SAID", None, None,
  "The FBU, which protested outside City Hall before the meeting, said the changes would \"jeopardise public safety\".",
  date="2013", text="jeopardise public safety")
F(d, JA, P, "ASKED", BJ, P,
  "She said: \"Why are you a winner but the rest of my constituents losers?\"",
  date="2013", about=ABA, alts=[{"predicate": "ASKED", "object": ML}])
F(d, JA, P, "CRITICISED", BJ, P,
  "Jeanette Arnold, Labour Assembly member, claimed fire response times would improve close to Mr Johnson's home, but worsen in poorer parts of Islington.",
  date="2013", alts=[{"predicate": "CRITICISED", "object": FSC}])
F(d, JA, P, "MEMBER_OF", "Labour Group", O, "Jeanette Arnold, Labour Assembly member",
  alts=[{"predicate": "MEMBER_OF", "object": "Labour Party"}, {"predicate": "MEMBER_OF", "object": LA}])
F(d, JA, P, "SAID", None, None, "She said: \"Why are you a winner but the rest of my constituents losers?\"",
  date="2013", text="Why are you a winner but the rest of my constituents losers?")
F(d, BJ, P, "REPLIED_TO", JA, P,
  "The mayor replied it was \"disgraceful\" and \"below the belt\" to suggest he was biased.",
  date="2013", about=ABA, alts=[{"subject": ML, "predicate": "REPLIED_TO", "object": JA}])
F(d, BJ, P, "CRITICISED", JA, P,
  "The mayor replied it was \"disgraceful\" and \"below the belt\" to suggest he was biased.",
  date="2013", alts=[{"subject": ML, "predicate": "CRITICISED", "object": JA}])
F(d, "Ian Leahair", P, "MEMBER_OF", FBU, O, "Ian Leahair, from the union")
F(d, "Ian Leahair", P, "SAID", None, None,
  "Ian Leahair, from the union, said: \"They [the cuts] would lead to an increase in response times for millions of Londoners...and would inevitably cost lives.",
  date="2013", text="would inevitably cost lives", alts=[{"subject": FBU, "predicate": "SAID"}])
F(d, "Ian Leahair", P, "CRITICISED", BJ, P,
  "\"The mayor should abandon his plans immediately, and let London's firefighters get on with the business of providing the world-class fire service that the capital deserves.\"",
  date="2013", alts=[{"predicate": "CRITICISED", "object": FSC}, {"subject": FBU, "predicate": "CRITICISED", "object": BJ},
                     {"subject": FBU, "predicate": "CRITICISED", "object": FSC}, {"predicate": "CRITICISED", "object": ML}])

# ------------------------------------------------------------------ f24_04 MQT question page, 19 Mar 2014: Jenny Jones on boroughs and the ULEZ
d = "f24_04"
JJ = "Jenny Jones"
ULEZ = "Ultra Low Emission Zone"
AB4 = "Boroughs and Ultra Low Emission Zones"
F(d, JJ, P, "ASKED", BJ, P,
  "Why are you putting up barriers to local authorities opting into the Ultra Low Emission Zone by saying that they should create separate zones?",
  date="2014-03-19", about=AB4, alts=[{"predicate": "ASKED", "object": ML}])
F(d, BJ, P, "REPLIED_TO", JJ, P, "Answered By: \nThe Mayor", date="2014-03-19", about=AB4,
  alts=[{"subject": ML, "predicate": "REPLIED_TO", "object": JJ}])
F(d, JJ, P, "MEMBER_OF", "City Hall Greens", O, "Jenny Jones\nCity Hall Greens",
  alts=[{"predicate": "MEMBER_OF", "object": "Green Party Group"}])
F(d, JJ, P, "CRITICISED", BJ, P,
  "Why are you putting up barriers to local authorities opting into the Ultra Low Emission Zone by saying that they should create separate zones?",
  date="2014-03-19", alts=[{"predicate": "CRITICISED", "object": ML}, {"predicate": "CRITICISED", "object": ULEZ}])
F(d, BJ, P, "COMMITTED_TO", ULEZ, PR,
  "I believe that the congestion charging area is the best location for the initial ULEZ.",
  date="2014-03-19", alts=[{"predicate": "LEADS", "object": ULEZ}, {"subject": ML, "predicate": "COMMITTED_TO", "object": ULEZ},
                           {"predicate": "ESTABLISHED", "object": ULEZ}])
F(d, BJ, P, "PARTNERS_WITH", LB, O,
  "I am happy to work with any borough interested on how to develop or extend the zone in the future.",
  alts=[{"predicate": "COMMITTED_TO", "object": ULEZ}, {"subject": ML, "predicate": "PARTNERS_WITH", "object": LB}])
F(d, BJ, P, "FUNDS", "Mayor's Air Quality Fund", PR,
  "my £20m Air Quality Fund will help boroughs take action locally across the whole of London",
  date="2014", amount=20000000,
  alts=[{"predicate": "FUNDS", "object": LB}, {"subject": ML, "predicate": "FUNDS", "object": "Mayor's Air Quality Fund"},
        {"subject": "Mayor's Air Quality Fund", "predicate": "FUNDS", "object": LB}])

# ------------------------------------------------------------------ f24_05 London Cabinet Members to Gavin Barwell, 3 Aug 2016
d = "f24_05"
GB = "Gavin Barwell"
CM = "London borough Cabinet Members for housing"
HPA = "Housing and Planning Act 2016"
F(d, GB, P, "HOLDS_OFFICE", "Minister of State for Housing and Planning", PO,
  "your recent appointment as the new Minister of State for Housing and Planning", date="2016",
  alts=[{"predicate": "MEMBER_OF", "object": "Department for Communities and Local Government"}])
F(d, GB, P, "HOLDS_OFFICE", "Minister for London", PO,
  "your appointment as the new Minister for London at the Department of Communities and Local Government", date="2016",
  alts=[{"predicate": "MEMBER_OF", "object": "Department for Communities and Local Government"}])
F(d, CM, O, "ASKED", GB, P,
  "you must use your position as Minister for Housing to urgently pause the implementation of the Housing and Planning Act.",
  date="2016-08-03", about="urgently pause the implementation of the Housing and Planning Act",
  alts=[{"predicate": "ASKED", "object": "Minister of State for Housing and Planning"},
        {"predicate": "ASKED", "object": "Department for Communities and Local Government"}, {"subject": LB, "predicate": "ASKED", "object": GB}])
F(d, CM, O, "WELCOMED", GB, P,
  "we welcome the appointment of a London MP to these two key roles", date="2016-08-03",
  alts=[{"subject": LB, "predicate": "WELCOMED", "object": GB}])
F(d, CM, O, "CRITICISED", HPA, PR,
  "The Act will force many councils to sell up to a third of their already desperately over-subscribed housing stock",
  date="2016-08-03", alts=[{"subject": LB, "predicate": "CRITICISED", "object": HPA}, {"predicate": "CRITICISED", "object": UKG}])
F(d, CM, O, "ASKED", GB, P,
  "We hope that you will work with us and the Mayor of London to tackle these and many other issues.",
  date="2016-08-03", about="work with London boroughs and the Mayor of London to tackle the housing crisis",
  alts=[{"predicate": "PARTNERS_WITH", "object": GB}, {"subject": LB, "predicate": "ASKED", "object": GB}])

# ------------------------------------------------------------------ f24_06 LFEPA annual meeting minutes, 20 Apr 2017
d = "f24_06"
FT = "Fiona Twycross"
MW = "Martin Whelton"
VC = "Vice-Chair of the London Fire and Emergency Planning Authority"
F(d, FT, P, "CHAIRS", LFEPA, O, "Dr Fiona Twycross AM (Chair)", date="2017-04-20",
  alts=[{"predicate": "HOLDS_OFFICE", "object": "Chair of the London Fire and Emergency Planning Authority"}])
F(d, "Sarah Hayward", P, "HOLDS_OFFICE", VC, PO, "Councillor Sarah Hayward (Vice-Chair)",
  alts=[{"predicate": "MEMBER_OF", "object": LFEPA}])
F(d, MW, P, "HOLDS_OFFICE", VC, PO,
  "Councillor Martin Whelton was duly appointed as Vice- Chair of the Authority for the period until 30 September 2017.",
  date="2017-04-20", alts=[{"predicate": "MEMBER_OF", "object": LFEPA}])
F(d, "Unmesh Desai", P, "MEMBER_OF", LFEPA, O,
  "the Chair welcomed to the meeting Unmesh Desai AM who was new to the Authority", date="2017-04-20")
F(d, "Léonie Cooper", P, "MEMBER_OF", LFEPA, O,
  "Councillor Martin Whelton was nominated by Léonie Cooper AM")
F(d, SK, P, "OVERSEES", LFEPA, O,
  "Resolved –That the appointments by the Mayor of London of the Members of the Authority be noted.",
  alts=[{"subject": ML, "predicate": "OVERSEES", "object": LFEPA}])
F(d, "Chair of the London Fire and Emergency Planning Authority", PO, "WELCOMED", LFB, O,
  "The Chair thanked the Brigade’s officers for all their hard work over the Easter period.", date="2017-04-20",
  alts=[{"subject": FT, "predicate": "WELCOMED", "object": LFB}])

# ------------------------------------------------------------------ f24_07 Mayoral press release, 13 Dec 2017: Creative Enterprise Zones
d = "f24_07"
CEZ = "Creative Enterprise Zones"
F(d, SK, P, "HOLDS_OFFICE", ML, PO, "The Mayor of London, Sadiq Khan")
F(d, SK, P, "ESTABLISHED", CEZ, PR,
  "The Mayor of London, Sadiq Khan, has today launched bold plans to establish Creative Enterprise Zones across the capital",
  date="2017-12-13", alts=[{"predicate": "COMMITTED_TO", "object": CEZ}, {"predicate": "LEADS", "object": CEZ},
                           {"subject": ML, "predicate": "ESTABLISHED", "object": CEZ}])
F(d, SK, P, "COMMITTED_TO", CEZ, PR,
  "Creative Enterprise Zones are one of Sadiq’s key manifesto priorities", date="2017-12-13",
  alts=[{"subject": ML, "predicate": "COMMITTED_TO", "object": CEZ}])
F(d, SK, P, "FUNDS", LB, O,
  "Ten £50,000 grants available for boroughs to develop plans for their own zones", date="2017-12-13", amount=50000,
  alts=[{"predicate": "FUNDS", "object": "Creative Enterprise Zone development grants"}, {"predicate": "FUNDS", "object": CEZ},
        {"subject": GLA, "predicate": "FUNDS", "object": LB}, {"subject": ML, "predicate": "FUNDS", "object": LB}])
F(d, SK, P, "ASKED", LB, O,
  "Sadiq Khan calls on boroughs to identify potential sites across London", date="2017-12-13",
  about="identify potential sites and bid for grants to develop Creative Enterprise Zones",
  alts=[{"subject": ML, "predicate": "ASKED", "object": LB}])
F(d, GLA, O, "PARTNERS_WITH", "London Borough of Haringey", O,
  "City Hall has worked with Haringey Council to shape the concept in Tottenham",
  alts=[{"subject": SK, "predicate": "PARTNERS_WITH", "object": "London Borough of Haringey"},
        {"subject": ML, "predicate": "PARTNERS_WITH", "object": "London Borough of Haringey"}])
F(d, ML, PO, "PARTNERS_WITH", LB, O,
  "The Mayor will work with boroughs to offer incentives such as permanent affordable workspace and relief from business rates.",
  alts=[{"subject": SK, "predicate": "PARTNERS_WITH", "object": LB}, {"subject": SK, "predicate": "COMMITTED_TO", "object": CEZ}])

# ------------------------------------------------------------------ f24_08 PCD 673, 2019: VRU Work Programme: Community
d = "f24_08"
SL = "Sophie Linden"
VRU = "Violence Reduction Unit"
VCP = "VRU community-based programme"
DMPC = "Deputy Mayor for Policing and Crime"
F(d, SL, P, "HOLDS_OFFICE", DMPC, PO, "Sophie Linden, Deputy Mayor, Policing and Crime")
F(d, "Home Office", O, "FUNDS", VRU, O,
  "The Violence Reduction Unit (VRU) has a budget of £14.8 million which includes £7 million awarded by the Home Office for 2019/20.",
  date="2019", amount=7000000)
F(d, VRU, O, "FUNDS", VCP, PR,
  "The 15 projects described below will be allocated £2.4m of the overall budget in line with VRU objectives.",
  date="2019", amount=2400000,
  alts=[{"subject": SL, "predicate": "FUNDS", "object": VCP}, {"subject": DMPC, "predicate": "FUNDS", "object": VCP},
        {"subject": "Mayor's Office for Policing and Crime", "predicate": "FUNDS", "object": VCP}])
F(d, SL, P, "FUNDS", VCP, PR,
  "approve the award of £1.8m in 2019/20 and £0.6m in 2020/21 of direct grants and uplifts of existing arrangements to selected organisations for the delivery of a community-based programme of work",
  date="2019", amount=[1800000, 600000],
  alts=[{"subject": DMPC, "predicate": "FUNDS", "object": VCP}, {"subject": VRU, "predicate": "FUNDS", "object": VCP},
        {"subject": "Mayor's Office for Policing and Crime", "predicate": "FUNDS", "object": VCP}])
F(d, SL, P, "FUNDS", VCP, PR,
  "Approve allocation of £0.6m in 2019/20 and £0.7m in 2020/21 towards a competitive grant process for delivery of community-based programmes",
  date="2019", amount=[600000, 700000],
  alts=[{"subject": DMPC, "predicate": "FUNDS", "object": VCP}, {"subject": VRU, "predicate": "FUNDS", "object": VCP},
        {"subject": "Mayor's Office for Policing and Crime", "predicate": "FUNDS", "object": VCP}])
F(d, SK, P, "ESTABLISHED", VRU, O,
  "The Violence Reduction Unit (VRU) was created in September 2018 by the Mayor of London.",
  date="2018-09", alts=[{"subject": ML, "predicate": "ESTABLISHED", "object": VRU}])
F(d, VRU, O, "LEADS", VCP, PR,
  "delegate to the Director of the Violence Reduction Unit finalisation of grants and contracts",
  alts=[{"subject": VRU, "predicate": "COMMITTED_TO", "object": VCP}])

# ------------------------------------------------------------------ f24_09 Architects' Journal, 13 Mar 2020: Jenrick blocks the London Plan
d = "f24_09"
RJ = "Robert Jenrick"
LP = "London Plan"
HS = "Secretary of State for Housing, Communities and Local Government"
F(d, RJ, P, "HOLDS_OFFICE", HS, PO, "Housing secretary Robert Jenrick")
F(d, SK, P, "HOLDS_OFFICE", ML, PO, "mayor Sadiq Khan’s housing record")
F(d, RJ, P, "CRITICISED", SK, P,
  "launched a fierce attack on mayor Sadiq Khan’s housing record", date="2020-03",
  alts=[{"predicate": "CRITICISED", "object": ML}, {"predicate": "CRITICISED", "object": LP}])
F(d, RJ, P, "CRITICISED", LP, PR,
  "Housing secretary Robert Jenrick has barred the London Plan from being published in its current state",
  date="2020-03", alts=[{"predicate": "CRITICISED", "object": SK}, {"predicate": "REVIEWS", "object": LP},
                        {"predicate": "OVERSEES", "object": SK}])
F(d, SK, P, "CRITICISED", RJ, P,
  "Khan immediately hit back, accusing the Conservative minister of ‘riding roughshod’ over City Hall’s attempts to finalise the blueprint and criticising his ‘heavy-handed’ tactics.",
  date="2020-03", alts=[{"predicate": "CRITICISED", "object": UKG}, {"predicate": "CRITICISED", "object": HS}])
F(d, RJ, P, "MEMBER_OF", "Conservatives", O, "the Conservative minister",
  alts=[{"predicate": "MEMBER_OF", "object": "Conservative Group"}])
F(d, SK, P, "ESTABLISHED", "mandatory estate ballots", PR, "Khan’s introduction of mandatory estate ballots",
  alts=[{"predicate": "COMMITTED_TO", "object": "mandatory estate ballots"}])
F(d, RJ, P, "CRITICISED", "mandatory estate ballots", PR,
  "Khan’s introduction of mandatory estate ballots had introduced ‘onerous’ conditions for regeneration projects which were jeopardising housing delivery, Jenrick said.",
  date="2020-03", alts=[{"predicate": "CRITICISED", "object": SK}])
F(d, RJ, P, "SAID", None, None,
  "‘You should also be looking to deliver homes which people of different ages, backgrounds and situations in life can live in,’ he said.",
  date="2020-03",
  text="You should also be looking to deliver homes which people of different ages, backgrounds and situations in life can live in")

# ------------------------------------------------------------------ f24_10 Health Committee transcript, 16 Mar 2021
d = "f24_10"
OS = "Onkar Sahota"
HC = "London Assembly Health Committee"
MM = "Martin Machray"
AB10 = "how London-wide initiatives should support the health and care workforce during the pandemic and in the aftermath"
F(d, OS, P, "CHAIRS", HC, O, "Dr Onkar Sahota AM (Chair)", date="2021-03-16")
F(d, "Lisa Elliott", P, "HOLDS_OFFICE", "London Regional Director of the Royal College of Nursing", PO,
  "Lisa Elliott, London Regional Director of the Royal College of Nursing (RCN)",
  alts=[{"predicate": "MEMBER_OF", "object": "Royal College of Nursing"}, {"predicate": "LEADS", "object": "Royal College of Nursing"}])
F(d, MM, P, "HOLDS_OFFICE", "Joint Regional Chief Nurse for London (NHS)", PO,
  "Martin Machray, Joint Chief Nurse in the National Health Service (NHS)",
  alts=[{"predicate": "MEMBER_OF", "object": "National Health Service"}])
F(d, OS, P, "ASKED", MM, P,
  "My first question is to Dr Coffey [OBE] and to Martin Machray. How should London-wide initiatives continue to support the workforce during the pandemic and in the aftermath?",
  date="2021-03-16", about=AB10, alts=[{"subject": HC, "predicate": "ASKED", "object": MM}])
F(d, OS, P, "ASKED", "Tom Coffey", P,
  "My first question is to Dr Coffey [OBE] and to Martin Machray. How should London-wide initiatives continue to support the workforce during the pandemic and in the aftermath?",
  date="2021-03-16", about=AB10, alts=[{"subject": HC, "predicate": "ASKED", "object": "Tom Coffey"}])
F(d, MM, P, "REPLIED_TO", OS, P,
  "Thank you, Chair, and thank you all for inviting me along today. I will start by trying to directly answer that question.",
  date="2021-03-16", about=AB10, alts=[{"predicate": "REPLIED_TO", "object": HC}])
F(d, "Joanne McCartney", P, "MEMBER_OF", "London Living Wage Commission", O,
  "I am the Mayor’s representative on the London Living Wage Commission", date="2021-03-16")
F(d, "Joanne McCartney", P, "MEMBER_OF", HC, O, "Joanne McCartney AM:",
  alts=[{"predicate": "MEMBER_OF", "object": LA}])
F(d, "Citizens UK", O, "ESTABLISHED", "London Living Wage", PR,
  "the living wage was brought into being by an amalgam of civil society, Citizens UK",
  alts=[{"predicate": "LEADS", "object": "London Living Wage"}])

# ------------------------------------------------------------------ f24_11 Assembly press release (Green Party mirror), 22 Jul 2009: 'Where's the beef Boris?'
d = "f24_11"
AB11 = "show greater ambition and leadership for London"
F(d, LA, O, "ASKED", BJ, P,
  "The London Assembly has called on Mayor Boris Johnson to show greater ambition and leadership for London after more than a year in charge at City Hall.",
  date="2009-07-22", about=AB11, alts=[{"predicate": "ASKED", "object": ML}])
F(d, LA, O, "CRITICISED", BJ, P,
  "expresses concern that, after more than a year in charge, the Mayor has failed to develop a coherent vision for London",
  date="2009-07-22", alts=[{"predicate": "CRITICISED", "object": ML}])
F(d, BJ, P, "HOLDS_OFFICE", ML, PO, "Mayor Boris Johnson")
F(d, "Darren Johnson", P, "HOLDS_OFFICE", "Chair of the London Assembly", PO, "London Assembly Chair Darren Johnson AM",
  alts=[{"predicate": "CHAIRS", "object": LA}])
F(d, "Darren Johnson", P, "SAID", None, None,
  "there are legitimate questions about whether they add up to a consistent coherent vision for London",
  date="2009-07-22", text="there are legitimate questions about whether they add up to a consistent coherent vision for London")
F(d, "John Biggs", P, "ASKED", BJ, P,
  "John Biggs AM, who proposed a successful amendment to the motion told the Assembly",
  date="2009-07-22", about=AB11, alts=[{"predicate": "ASKED", "object": ML}])
F(d, "John Biggs", P, "CRITICISED", BJ, P,
  "There is a danger that a Mayor who is a media figure and likes to be admired won’t risk upsetting some people by picking the fights that need a heavyweight champion in the ring for London.",
  date="2009-07-22", alts=[{"predicate": "CRITICISED", "object": ML}])
F(d, "John Biggs", P, "SAID", None, None,
  "There is a danger that a Mayor who is a media figure and likes to be admired won’t risk upsetting some people",
  date="2009-07-22", text="a Mayor who is a media figure and likes to be admired")
F(d, "Mike Tuffrey", P, "CRITICISED", BJ, P,
  "But they fail to spell out all the big strategic steps that London needs to take if our City is to remain a world beater.",
  date="2009-07-22", alts=[{"predicate": "CRITICISED", "object": ML}, {"predicate": "ASKED", "object": BJ}])
F(d, "Mike Tuffrey", P, "SAID", None, None,
  "The Mayor’s strategies are full of admirable intentions and examples of good practice.",
  date="2009-07-22", text="The Mayor’s strategies are full of admirable intentions and examples of good practice.")
F(d, LA, O, "OVERSEES", ML, PO,
  "As well as investigating issues that matter to Londoners, the London Assembly acts as a check and a balance on the Mayor.",
  alts=[{"predicate": "OVERSEES", "object": BJ}])

# ------------------------------------------------------------------ f24_12 City AM, 2025: Khan's 2025-26 council tax precept
d = "f24_12"
PREC = "GLA council tax precept increase 2025-26"
NG = "Neil Garratt"
F(d, SK, P, "COMMITTED_TO", PREC, PR,
  "The London mayor is planning to increase his average ‘precept’ – or the amount he adds onto residents’ bills from their local councils – by four per cent from April 2025.",
  date="2025-04", alts=[{"subject": ML, "predicate": "COMMITTED_TO", "object": PREC}])
F(d, SK, P, "FUNDS", MPS, O,
  "“That’s why I’m stepping in to provide an additional £54m, which will help to keep neighbourhood police officers on the streets and bear down on violent crime and robbery.”",
  date="2025", amount=54000000,
  alts=[{"subject": GLA, "predicate": "FUNDS", "object": MPS}, {"subject": ML, "predicate": "FUNDS", "object": MPS}])
F(d, SK, P, "FUNDS", LFB, O,
  "£14 from an average Band D council tax bill will go directly to London’s police force, raising a total of £54m, with £4.98 to go to the fire service.",
  date="2025", alts=[{"subject": GLA, "predicate": "FUNDS", "object": LFB}, {"subject": ML, "predicate": "FUNDS", "object": LFB}])
F(d, SK, P, "CRITICISED", UKG, O,
  "City Hall says the hike is required to fund the Met Police and the London Fire Brigade after what Khan called a “decade of damaging real terms cuts” by the previous government.",
  alts=[{"subject": GLA, "predicate": "CRITICISED", "object": UKG}, {"predicate": "CRITICISED", "object": "Conservatives"}])
F(d, SK, P, "SAID", None, None,
  "But he added: “Keeping Londoners safe is my top priority as mayor and I’ll always do everything I can to ensure the Met and the London Fire Brigade have the funding they need.",
  text="Keeping Londoners safe is my top priority as mayor")
F(d, NG, P, "HOLDS_OFFICE", "Leader of the GLA Conservatives", PO, "City Hall Conservative leader Neil Garratt",
  alts=[{"predicate": "MEMBER_OF", "object": "GLA Conservatives"}, {"predicate": "LEADS", "object": "GLA Conservatives"}])
F(d, NG, P, "CRITICISED", PREC, PR, "City Hall Conservative leader Neil Garratt criticised the rise",
  alts=[{"predicate": "CRITICISED", "object": SK}, {"predicate": "CRITICISED", "object": ML}])
F(d, NG, P, "CRITICISED", UKG, O,
  "“Labour’s disastrous budget has put prices up, hit jobs, and cut public finances, so now the mayor is asking Londoners to foot the bill for their failure.”",
  alts=[{"predicate": "CRITICISED", "object": "Labour Party"}, {"predicate": "CRITICISED", "object": SK}])
F(d, NG, P, "SAID", None, None,
  "“Labour’s disastrous budget has put prices up, hit jobs, and cut public finances, so now the mayor is asking Londoners to foot the bill for their failure.”",
  text="Labour’s disastrous budget has put prices up, hit jobs, and cut public finances")


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
