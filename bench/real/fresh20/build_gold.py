#!/usr/bin/env python3
"""Build and check the fresh20 blind gold set (written by reading only; no extractor run).

Writes gold.jsonl and entities.json next to this file, then checks:
- every quote (and every SAID text) is a verbatim substring of its document (whitespace folded);
- every ASKED / REPLIED_TO has an `about`, every SAID a `text` and no object;
- every doc has gold, and every name used (subject, object, alternatives) is a canonical name in
  this entities.json or in one of the existing alias tables.
"""
import glob
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"
EXISTING = ["/work/shared/eval/entities.json", "/work/shared/eval/real/entities.json",
            *sorted(p for p in glob.glob("/work/main/bench/real/*/entities.json") if "/fresh20/" not in p)]

D = {p.name[:6]: p.name for p in DOCS.glob("f20_*.txt")}
G = []


def F(doc, s, st, p, o, ot, quote, date=None, amount=None, about=None, text=None, alts=()):
    G.append({"doc": D[doc], "subject": s, "subject_type": st, "predicate": p, "object": o,
              "object_type": ot, "date": date, "amount_gbp": amount, "quote": quote,
              "about": about, "text": text, "alternatives": [dict(a) for a in alts]})


P, O, PO, PR, I, ST = "Person", "Organization", "Post", "Programme", "Inquiry", "Statement"
ML = "Mayor of London"

# New entities (canonical -> type, aliases). Extra aliases for existing canonical names are
# marked "alias-only" in the README; score.py merges them with the other tables.
E = {
    "Garden Bridge": (PR, ["Garden Bridge", "Garden Bridge project", "the Garden Bridge", "Thomas Heatherwick's Garden Bridge"]),
    "Garden Bridge Trust": (O, ["Garden Bridge Trust", "the Garden Bridge Trust"]),
    "Margaret Hodge": (P, ["Dame Margaret Hodge", "Margaret Hodge"]),
    "Margaret Hodge's review of the Garden Bridge": (I, ["Dame Margaret Hodge's review", "Margaret Hodge's review", "Hodge review"]),
    "Richard Rogers": (P, ["Baron Rogers of Riverside", "BaronĀ RogersĀ of Riverside", "Lord Rogers", "Richard Rogers"]),
    "no further public money for the Garden Bridge": (PR, ["no more of London taxpayers' money that I am responsible for will be committed to the Garden Bridge project", "no more London taxpayers' money for the Garden Bridge", "no further public money for the Garden Bridge"]),
    "bus services in London": (PR, ["bus services in London", "London Assembly Transport Committee report on bus services in London", "report on bus services in London"]),
    "Financial Conduct Authority": (O, ["Financial Conduct Authority", "FCA"]),
    "Department for Levelling Up, Housing and Communities": (O, ["Department for Levelling Up, Housing and Communities", "DLUHC", "Department for Levelling Up, Housing and Communities (DLUHC)"]),
    "Rough Sleeping Initiative": (PR, ["Rough Sleeping Initiative", "Rough Sleeping Initiative 2022-25", "Rough Sleeping Initiative 2022-25 – additional targeted funding"]),
    "Strategic Insights Tool": (PR, ["Strategic Insights Tool"]),
    "Crisis": (O, ["Crisis"]),
    "Crisis at Christmas": (PR, ["Crisis at Christmas", "Crisis at Christmas project", "Crisis at Christmas service extension"]),
    "Sub-Regional Immigration Advice Service": (PR, ["Sub-Regional Immigration Advice Service", "Subregional Immigration Advice Services", "SIAS", "SIAS Link Worker Service", "Subregional Immigration Advice Services (SIAS) Link Worker Service"]),
    "pan-London rough sleeping services": (PR, ["pan-London rough-sleeping services", "pan-London rough sleeping services", "GLA Rough Sleeping programme", "GLA Rough Sleeping programme budget", "rough sleeping services"]),
    "ending rough sleeping in London": (PR, ["end rough sleeping in London", "ending rough sleeping in London", "end rough sleeping", "end rough sleeping in the capital", "to end rough sleeping in London"]),
    "15% rise in the GLA precept": (PR, ["15% rise in the precept", "15% rise in the precept for the Greater London Assembly", "15% precept rise", "GLA precept rise"]),
    "Mayor's 2002/03 budget": (PR, ["2002/03 budget", "final budget", "the capital's 2002/03 budget", "GLA budget 2002/03", "the agreed budget"]),
    "Association of London Government": (O, ["Association of London Government", "ALG"]),
    "additional 1,240 police officers": (PR, ["additional 1,240 policemen", "1,240 policemen", "1,240 extra police officers", "additional 1,240 police officers"]),
    "bus services and a new transport policing unit": (PR, ["improve and expand bus services and introduce a new transport policing unit", "expand bus services", "new transport policing unit", "transport investment", "bus services and a new transport policing unit"]),
    "Adjudication Panel for England": (O, ["Adjudication Panel", "Adjudication Panel for England", "the Adjudication Panel"]),
    "Standards Board for England": (O, ["Standards Board for England", "the Standards Board for England"]),
    "Anthony Holland": (P, ["Sir Anthony Holland", "Anthony Holland"]),
    "Chair of the Standards Board for England": (PO, ["chair of the Standards Board for England"]),
    "Simon Hughes": (P, ["Simon Hughes"]),
    "fares rising no more than inflation": (PR, ["fares will not go up, other than in line with inflation", "fares in line with inflation", "fares rising no more than inflation", "fares not to rise above inflation"]),
    "Homeless Link": (O, ["Homeless Link"]),
    "Take a Step campaign": (PR, ["Take a Step to end rough sleeping campaign", "Take a Step", "Take a Step campaign"]),
    "nine steps to end rough sleeping": (PR, ["nine core steps to end rough sleeping in the capital", "nine steps", "all of the nine steps set out by Homeless Link", "nine core steps", "nine steps to end rough sleeping"]),
    "360,000 affordable homes in London over the next decade": (PR, ["360,000 affordable homes", "360,000 affordable homes in London over the next decade", "built 360,000 affordable homes in London over the next decade"]),
    "homelessness grants under the Mayor and Assembly's remit": (PR, ["protect frontline services and bring all homelessness grants under the Mayor and Assembly's remit", "bring all homelessness grants under the Mayor and Assembly's remit", "homelessness grants"]),
    "Matt Harrison": (P, ["Matt Harrison"]),
    "Chief Executive of Homeless Link": (PO, ["Interim Chief Executive at Homeless Link", "Interim Chief Executive, Homeless Link", "Chief Executive of Homeless Link"]),
    "Prime Minister": (PO, ["Prime Minister", "PM", "Prime Minister of the United Kingdom"]),
    "John Healey": (P, ["John Healey"]),
    "Minister of State for Communities and Local Government": (PO, ["minister of state for communities and local government", "Minister of State for Communities and Local Government", "housing minister", "Minister for Housing"]),
    "London Homes and Communities Agency": (O, ["London Homes and Communities Agency", "Homes and Communities Agency", "HCA", "London board of the Homes and Communities Agency"]),
    "filling the London housing funding gap": (PR, ["plug a funding gap", "ensuring this funding gap is filled", "filling the London housing funding gap", "make up for these broken promises"]),
    "London Housing Delivery Taskforce": (O, ["London Housing Delivery Taskforce", "Housing Delivery Taskforce"]),
    "Rishi Sunak": (P, ["Rishi Sunak", "Prime Minister Rishi Sunak"]),
    "review of the London Plan": (I, ["review of the London Plan", "London Plan review"]),
    "London Plan": (PR, ["London Plan", "the London Plan", "the city’s masterplan", "the city's masterplan"]),
    "Deputy Chairman of the London Assembly Economy Committee": (PO, ["Deputy Chairman of the Economy Committee", "Deputy Chairman", "Deputy Chair of the Economy Committee"]),
    "Chair of the London Assembly Economy Committee": (PO, ["Chair of the Economy Committee", "Chair of the London Assembly Economy Committee"]),
    "Martin Whelton": (P, ["Martin Whelton", "Councillor Martin Whelton"]),
    "Vice-Chair of the London Fire and Emergency Planning Authority": (PO, ["Vice-Chair of the Authority", "Vice-Chair of LFEPA", "Vice-Chair of the London Fire and Emergency Planning Authority", "Vice-Chair"]),
    "Chair of the London Fire and Emergency Planning Authority": (PO, ["Chair of the London Fire and Emergency Planning Authority", "Chair of LFEPA", "Chair of the London Fire Authority"]),
    # alias-only additions to existing canonical names
    "Secretary of State for Levelling Up": (PO, ["Housing Secretary", "housing secretary"]),
}

# ---------------------------------------------------------------- f20_01 MQT question, 19 Sep 2012
d, A = "f20_01", "Fire Station Closures"
F(d, "Andrew Dismore", P, "ASKED", "Boris Johnson", P,
  "Is it not the case that you are holding back the publication of the list of fire stations facing closure or the withdrawal of a fire engine?",
  date="2012-09-19", about=A, alts=[{"object": ML, "predicate": "ASKED"}])
F(d, "Boris Johnson", P, "REPLIED_TO", "Andrew Dismore", P,
  "I want to thank Andrew for his work on the London Fire and Emergency Planning Authority (LFEPA) on which he sits",
  date="2012-09-19", about=A, alts=[{"subject": ML, "predicate": "REPLIED_TO", "object": "Andrew Dismore"}])
F(d, "Andrew Dismore", P, "MEMBER_OF", "Labour Group", O, "Andrew Dismore\nLabour Group")
F(d, "Andrew Dismore", P, "MEMBER_OF", "London Fire and Emergency Planning Authority", O,
  "his work on the London Fire and Emergency Planning Authority (LFEPA) on which he sits")
F(d, "Andrew Dismore", P, "CRITICISED", "Boris Johnson", P,
  "That is a pretty silly answer, isn't it? You know that you are demanding cuts of £65 million over the next two years.",
  date="2012-09-19", alts=[{"predicate": "CRITICISED", "object": ML}])

# ---------------------------------------------------------------- f20_02 MQT written question, 13 Jul 2017
d, A = "f20_02", "Garden Bridge (3)"
F(d, "David Kurten", P, "ASKED", "Sadiq Khan", P, "Could you please confirm that this is indeed the case?",
  date="2017-07-13", about=A, alts=[{"predicate": "ASKED", "object": ML}])
F(d, "Sadiq Khan", P, "REPLIED_TO", "David Kurten", P,
  "The delivery of, and fundraising for, the Garden Bridge is the responsibility of the Garden Bridge Trust, which is an independent charity.",
  date="2017-07-13", about=A, alts=[{"subject": ML, "predicate": "REPLIED_TO", "object": "David Kurten"}])
F(d, "David Kurten", P, "CRITICISED", "Garden Bridge", PR, "this misconceived and incredibly expensive vanity project",
  date="2017-07-13")
F(d, "Richard Rogers", P, "WELCOMED", "Garden Bridge", PR,
  "the article in the Evening Standard on 22 June 2017 by BaronĀ RogersĀ of Riverside, extolling the virtues of the Garden Bridge",
  date="2017-06-22")
F(d, "Garden Bridge Trust", O, "LEADS", "Garden Bridge", PR,
  "The delivery of, and fundraising for, the Garden Bridge is the responsibility of the Garden Bridge Trust")
F(d, "Sadiq Khan", P, "COMMITTED_TO", "no further public money for the Garden Bridge", PR,
  "I have been clear that no more of London taxpayers' money that I am responsible for will be committed to the Garden Bridge project.",
  alts=[{"subject": ML, "predicate": "COMMITTED_TO", "object": "no further public money for the Garden Bridge"}])
F(d, "Margaret Hodge", P, "REVIEWS", "Garden Bridge", PR, "Since receiving Dame Margaret Hodge's review",
  alts=[{"predicate": "LEADS", "object": "Margaret Hodge's review of the Garden Bridge"}])

# ---------------------------------------------------------------- f20_03 motion, 6 Nov 2013
d, A = "f20_03", "Fare increases"
F(d, "London Assembly", O, "ASKED", "Boris Johnson", P,
  "This Assembly calls on the Mayor to keep fares down in 2014, at or below inflation.",
  date="2013-11-06", about=A, alts=[{"predicate": "ASKED", "object": ML}])
F(d, "London Assembly", O, "CRITICISED", "Boris Johnson", P,
  "The Assembly regrets the fact that the Mayor has increased fares by 33% during his time in office.",
  date="2013-11-06", alts=[{"predicate": "CRITICISED", "object": ML}])
F(d, "London Assembly Transport Committee", O, "REVIEWS", "bus services in London", PR,
  "the recent London Assembly Transport Committee report on bus services in London")

# ---------------------------------------------------------------- f20_04 Assembly press release, autumn 2018
d = "f20_04"
F(d, "London Assembly Transport Committee", O, "ASKED", "Sadiq Khan", P,
  "In a letter to the Mayor, the London Assembly Transport Committee calls for clarity on when he, Crossrail and TfL first knew that the launch would be delayed.",
  date="2018", about="when the Crossrail delay was first known",
  alts=[{"predicate": "ASKED", "object": ML}, {"subject": "Caroline Pidgeon", "predicate": "ASKED", "object": "Sadiq Khan"}])
F(d, "London Assembly Transport Committee", O, "CRITICISED", "Sadiq Khan", P,
  "The Committee has identified grave discrepancies in the evidence gathered from these meetings, which leads Members to conclude they have been misled.",
  date="2018", alts=[{"predicate": "CRITICISED", "object": ML}])
F(d, "London Assembly Transport Committee", O, "REVIEWS", "Crossrail", PR,
  "The London Assembly Transport Committee has been trying to get to the bottom of when Crossrail, Transport for London and the Mayor of London first knew the Crossrail opening was likely to be delayed.",
  alts=[{"predicate": "OVERSEES", "object": "Crossrail"}])
F(d, "London Assembly Transport Committee", O, "ASKED", "Financial Conduct Authority", O,
  "The Committee has written to the Financial Conduct Authority for clarification on this issue.",
  date="2018", about="TfL's statement to the London Stock Exchange on 24 July 2018")
F(d, "Sadiq Khan", P, "HOLDS_OFFICE", ML, PO, "the Mayor of London, Sadiq Khan")
F(d, "Sadiq Khan", P, "HOLDS_OFFICE", "Chair of Transport for London", PO, "the Mayor, as Chair of TfL",
  alts=[{"predicate": "CHAIRS", "object": "Transport for London"}, {"subject": ML, "predicate": "HOLDS_OFFICE", "object": "Chair of Transport for London"}])
F(d, "Caroline Pidgeon", P, "CHAIRS", "London Assembly Transport Committee", O,
  "Caroline Pidgeon MBE AM, Chair of the London Assembly Transport Committee",
  alts=[{"predicate": "HOLDS_OFFICE", "object": "Chair of the London Assembly Transport Committee"}])
F(d, "Caroline Pidgeon", P, "SAID", None, None,
  "However, it is arguable that maintaining that he was completely uninformed is misleading.",
  text="it is arguable that maintaining that he was completely uninformed is misleading")
F(d, "Caroline Pidgeon", P, "CRITICISED", "Sadiq Khan", P,
  "The evidence we have received shows it is highly likely that the Mayor was informed on or soon after 19 July that there was very likely to be a delay.",
  date="2018", alts=[{"predicate": "CRITICISED", "object": ML}])

# ---------------------------------------------------------------- f20_05 MD3161, 2023
d, Y = "f20_05", "2023"
GLA = "Greater London Authority"
F(d, "Sadiq Khan", P, "HOLDS_OFFICE", ML, PO, "Decision by: Sadiq Khan, Mayor of London")
F(d, "Department for Levelling Up, Housing and Communities", O, "FUNDS", GLA, O,
  "receipt of £1,159,311 from the Department for Levelling Up, Housing and Communities (DLUHC) (Rough Sleeping Initiative 2022-25 – additional targeted funding)",
  date=Y, amount=1159311,
  alts=[{"predicate": "FUNDS", "object": "Rough Sleeping Initiative"}, {"predicate": "FUNDS", "object": "pan-London rough sleeping services"}])
F(d, "London Councils", O, "FUNDS", GLA, O, "receipt of £144,535 from London Councils for the Strategic Insights Tool",
  date=Y, amount=144535, alts=[{"predicate": "FUNDS", "object": "Strategic Insights Tool"}])
F(d, GLA, O, "FUNDS", "pan-London rough sleeping services", PR,
  "expend £97,165 from the GLA Rough Sleeping programme budget.", date=Y, amount=97165,
  alts=[{"subject": "Sadiq Khan", "predicate": "FUNDS", "object": "pan-London rough sleeping services"}])
F(d, GLA, O, "FUNDS", "Crisis at Christmas", PR, "£442,530 for the Crisis at Christmas project",
  date=Y, amount=442530, alts=[{"subject": "Sadiq Khan", "predicate": "FUNDS", "object": "Crisis at Christmas"},
                                {"predicate": "FUNDS", "object": "Crisis"}])
F(d, GLA, O, "FUNDS", "Crisis", O, "£323,946 to Crisis by grant", date=Y, amount=323946,
  alts=[{"subject": "Sadiq Khan", "predicate": "FUNDS", "object": "Crisis"}, {"predicate": "FUNDS", "object": "Crisis at Christmas"}])
F(d, GLA, O, "FUNDS", "St Mungo's", O, "£118,584 to St Mungo’s by grant", date=Y, amount=118584,
  alts=[{"subject": "Sadiq Khan", "predicate": "FUNDS", "object": "St Mungo's"}])
F(d, GLA, O, "FUNDS", "London Councils", O,
  "£716,781 on-grant to London Councils for the Subregional Immigration Advice Services (SIAS) Link Worker Service",
  date=Y, amount=716781,
  alts=[{"subject": "Sadiq Khan", "predicate": "FUNDS", "object": "London Councils"},
        {"predicate": "FUNDS", "object": "Sub-Regional Immigration Advice Service"}])
F(d, "Sadiq Khan", P, "COMMITTED_TO", "ending rough sleeping in London", PR,
  "furthering the aim of the Mayor and government to end rough sleeping in London",
  alts=[{"subject": ML, "predicate": "COMMITTED_TO", "object": "ending rough sleeping in London"},
        {"subject": "UK Government", "predicate": "COMMITTED_TO", "object": "ending rough sleeping in London"}])

# ---------------------------------------------------------------- f20_06 Public Finance, 14 Feb 2002
d = "f20_06"
F(d, "Ken Livingstone", P, "COMMITTED_TO", "15% rise in the GLA precept", PR,
  "London's mayor agreed a 15% rise in the precept for the Greater London Assembly on February 13",
  date="2002-02-13", alts=[{"subject": ML, "predicate": "COMMITTED_TO", "object": "15% rise in the GLA precept"}])
F(d, "Labour Group", O, "WELCOMED", "Mayor's 2002/03 budget", PR,
  "The decision of the Labour and LibDem GLA groups to support the rise at the final budget meeting",
  date="2002-02-13", alts=[{"predicate": "WELCOMED", "object": "15% rise in the GLA precept"}])
F(d, "Liberal Democrats", O, "WELCOMED", "Mayor's 2002/03 budget", PR,
  "The decision of the Labour and LibDem GLA groups to support the rise at the final budget meeting",
  date="2002-02-13", alts=[{"predicate": "WELCOMED", "object": "15% rise in the GLA precept"}])
F(d, "Association of London Government", O, "ASKED", "Ken Livingstone", P,
  "the 12% precept rise suggested by a cross-party delegation of the Association of London Government at a meeting in January",
  date="2002-01", about="a 12% rise in the GLA precept", alts=[{"predicate": "ASKED", "object": ML}])
F(d, "Ken Livingstone", P, "COMMITTED_TO", "additional 1,240 police officers", PR,
  "Livingstone will be able to deliver an additional 1,240 policemen for the capital",
  alts=[{"predicate": "FUNDS", "object": "additional 1,240 police officers"},
        {"predicate": "FUNDS", "object": "Metropolitan Police Service"}])
F(d, "Ken Livingstone", P, "CRITICISED", "London Assembly", O,
  "I regret that the Assembly was unable to support the level of transport investment I proposed in my original budget.",
  date="2002-02")
F(d, "Ken Livingstone", P, "SAID", None, None,
  "A deflated Livingstone said: 'I regret that the Assembly was unable to support the level of transport investment I proposed in my original budget.",
  text="I regret that the Assembly was unable to support the level of transport investment I proposed in my original budget")
F(d, "Ken Livingstone", P, "FUNDS", "bus services and a new transport policing unit", PR,
  "the agreed budget will mean an increase of £350m over the next year, enabling us to improve and expand bus services and introduce a new transport policing unit",
  date="2002", amount=350000000,
  alts=[{"subject": "Greater London Authority", "predicate": "FUNDS", "object": "bus services and a new transport policing unit"},
        {"predicate": "FUNDS", "object": "Transport for London"},
        {"predicate": "COMMITTED_TO", "object": "bus services and a new transport policing unit"}])

# ---------------------------------------------------------------- f20_07 London SE1, Feb 2006
d, Y = "f20_07", "2006-02"
F(d, "Adjudication Panel for England", O, "CRITICISED", "Ken Livingstone", P,
  "The controversial decision to suspend Ken Livingstone from the office of Mayor of London for a month",
  date=Y, alts=[{"predicate": "OVERSEES", "object": "Ken Livingstone"}, {"predicate": "REVIEWS", "object": "Ken Livingstone"},
                {"subject": "Standards Board for England", "predicate": "CRITICISED", "object": "Ken Livingstone"}])
F(d, "Ken Livingstone", P, "HOLDS_OFFICE", ML, PO, "suspend Ken Livingstone from the office of Mayor of London")
F(d, "Anthony Holland", P, "CHAIRS", "Standards Board for England", O,
  "Sir Anthony Holland, chair of the Standards Board for England",
  alts=[{"predicate": "HOLDS_OFFICE", "object": "Chair of the Standards Board for England"}])
F(d, "Anthony Holland", P, "SAID", None, None,
  "\"The public expects all elected members to conduct themselves in a manner that is beyond reproach.",
  text="The public expects all elected members to conduct themselves in a manner that is beyond reproach")
F(d, "Nicky Gavron", P, "HOLDS_OFFICE", "Deputy Mayor of London", PO,
  "Livingstone's deputy, Labour London Assembly member Nicky Gavron, who will assume the Mayor's responsibility's during his suspension")
F(d, "Nicky Gavron", P, "MEMBER_OF", "Labour Group", O, "Labour London Assembly member Nicky Gavron",
  alts=[{"predicate": "MEMBER_OF", "object": "London Assembly"}, {"predicate": "MEMBER_OF", "object": "Labour Party"}])
F(d, "Nicky Gavron", P, "WELCOMED", "Ken Livingstone", P,
  "is standing by her boss, saying that he she doesn't believe that Livingstone \"has an anti-Semitic bone in his body\"",
  date=Y)
F(d, "Sally Hamwee", P, "HOLDS_OFFICE", "Chair of the London Assembly", PO, "Baroness Hamwee, Lib Dem chair of the London Assembly",
  alts=[{"predicate": "CHAIRS", "object": "London Assembly"}])
F(d, "Sally Hamwee", P, "MEMBER_OF", "Liberal Democrats", O, "Baroness Hamwee, Lib Dem chair")
F(d, "Sally Hamwee", P, "SAID", None, None,
  "\"It has done the reputation of the GLA no good that it had to come to this,\" said Baroness Hamwee",
  text="It has done the reputation of the GLA no good that it had to come to this")
F(d, "Sally Hamwee", P, "CRITICISED", "Ken Livingstone", P,
  "The Assembly called on Mr Livingstone at the time to apologise for his remarks, and had he done so the affair might have died down",
  date=Y)
F(d, "London Assembly", O, "ASKED", "Ken Livingstone", P,
  "The Assembly called on Mr Livingstone at the time to apologise for his remarks",
  date="2005", about="apologise for his remarks to an Evening Standard journalist",
  alts=[{"predicate": "ASKED", "object": ML}])
F(d, "Simon Hughes", P, "MEMBER_OF", "Liberal Democrats", O, "Lib Dem leadership candidate Simon Hughes")
F(d, "Simon Hughes", P, "SAID", None, None,
  "A large number of Londoners found the Mayor's remarks clearly offensive.",
  text="A large number of Londoners found the Mayor's remarks clearly offensive")
F(d, "Simon Hughes", P, "CRITICISED", "Ken Livingstone", P,
  "It is sad that the Mayor Livingstone has not accepted that, nor chosen to apologise for what he said.",
  date=Y)

# ---------------------------------------------------------------- f20_08 BBC News, 24 Apr 2008
d, Y = "f20_08", "2008-04-24"
F(d, "Ken Livingstone", P, "COMMITTED_TO", "fares rising no more than inflation", PR,
  "I have made an absolute commitment that fares will not go up, other than in line with inflation.",
  date=Y, alts=[{"subject": ML, "predicate": "COMMITTED_TO", "object": "fares rising no more than inflation"}])
F(d, "Ken Livingstone", P, "SAID", None, None,
  "\"I have made an absolute commitment that fares will not go up, other than in line with inflation.\"",
  text="I have made an absolute commitment that fares will not go up, other than in line with inflation", date=Y)
F(d, "Ken Livingstone", P, "SAID", None, None,
  "In October, Mr Livingstone said: \"The funding package for Crossrail does not require a fare increase.",
  text="The funding package for Crossrail does not require a fare increase", date="2007-10")
F(d, "Ken Livingstone", P, "OVERSEES", "Transport for London", O,
  "Transport for London's (TfL) business plan, which had been signed off by the mayor",
  alts=[{"subject": ML, "predicate": "OVERSEES", "object": "Transport for London"}])
F(d, "Transport for London Board", O, "OVERSEES", "Transport for London", O,
  "It is the responsibility of the TfL Board to approve TfL's annual budget and Business Plan.")
F(d, "Transport for London", O, "SAID", None, None,
  "A TfL spokesman said: \"Under the GLA Act, the Mayor, not TfL, sets the level of fares.",
  text="Under the GLA Act, the Mayor, not TfL, sets the level of fares", date=Y)
F(d, "Ken Livingstone", P, "MEMBER_OF", "Labour Party", O, "Labour's candidate Mr Livingstone")
F(d, "Boris Johnson", P, "MEMBER_OF", "Conservatives", O, "the Tory's Boris Johnson",
  alts=[{"predicate": "MEMBER_OF", "object": "Conservative Group"}])
F(d, "Brian Paddick", P, "MEMBER_OF", "Liberal Democrats", O, "the Liberal Democrat's Brian Paddick")

# ---------------------------------------------------------------- f20_09 PoliticsHome, spring 2012
d, Y = "f20_09", "2012"
F(d, "Homeless Link", O, "LEADS", "Take a Step campaign", PR,
  "the Take a Step to end rough sleeping campaign from Homeless Link",
  alts=[{"predicate": "ESTABLISHED", "object": "Take a Step campaign"}])
F(d, "Homeless Link", O, "ASKED", "Boris Johnson", P,
  "The campaign called on all Mayoral candidates to commit to delivering on\nnine core steps to end rough sleeping in the capital.",
  date=Y, about="nine core steps to end rough sleeping",
  alts=[{"predicate": "ASKED", "object": "Ken Livingstone"}, {"predicate": "ASKED", "object": "Brian Paddick"},
        {"predicate": "ASKED", "object": "Jenny Jones"}, {"predicate": "ASKED", "object": ML}])
F(d, "Ken Livingstone", P, "COMMITTED_TO", "nine steps to end rough sleeping", PR,
  "Labour candidate Ken Livingstone promised to endorse all of the nine steps set out by Homeless Link",
  date=Y, alts=[{"predicate": "COMMITTED_TO", "object": "ending rough sleeping in London"}])
F(d, "Ken Livingstone", P, "MEMBER_OF", "Labour Party", O, "Labour candidate Ken Livingstone")
F(d, "Boris Johnson", P, "HOLDS_OFFICE", ML, PO, "Incumbent Mayor and Conservative candidate Boris Johnson")
F(d, "Boris Johnson", P, "MEMBER_OF", "Conservatives", O, "Incumbent Mayor and Conservative candidate Boris Johnson",
  alts=[{"predicate": "MEMBER_OF", "object": "Conservative Group"}])
F(d, "Boris Johnson", P, "COMMITTED_TO", "No Second Night Out", PR,
  "expand No Second Night Out to ensure that no one new to the street spends a second night sleeping rough",
  date=Y, alts=[{"predicate": "COMMITTED_TO", "object": "ending rough sleeping in London"},
                {"subject": ML, "predicate": "COMMITTED_TO", "object": "No Second Night Out"}])
F(d, "Brian Paddick", P, "COMMITTED_TO", "360,000 affordable homes in London over the next decade", PR,
  "promising to see built 360,000 affordable homes in London over the next decade", date=Y,
  alts=[{"predicate": "COMMITTED_TO", "object": "ending rough sleeping in London"}])
F(d, "Brian Paddick", P, "MEMBER_OF", "Liberal Democrats", O, "Lib Dem candidate Brian Paddick")
F(d, "Jenny Jones", P, "COMMITTED_TO", "homelessness grants under the Mayor and Assembly's remit", PR,
  "protect frontline services and bring all homelessness grants under the Mayor and Assembly's remit", date=Y)
F(d, "Jenny Jones", P, "MEMBER_OF", "Green Party Group", O, "Green candidate Jenny Jones",
  alts=[{"predicate": "MEMBER_OF", "object": "City Hall Greens"}])
F(d, "Matt Harrison", P, "HOLDS_OFFICE", "Chief Executive of Homeless Link", PO, "Matt Harrison, Interim Chief Executive at Homeless Link",
  alts=[{"predicate": "LEADS", "object": "Homeless Link"}, {"predicate": "MEMBER_OF", "object": "Homeless Link"}])
F(d, "Matt Harrison", P, "SAID", None, None, "\"More than 400 people sleep on the streets of London every night.",
  text="More than 400 people sleep on the streets of London every night", date=Y)

# ---------------------------------------------------------------- f20_10 PA via AOL, 8 Mar 2019
d, Y = "f20_10", "2019-03-08"
F(d, "Sadiq Khan", P, "HOLDS_OFFICE", ML, PO, "London Mayor Sadiq Khan")
F(d, "Sadiq Khan", P, "CRITICISED", "Philip Hammond", P,
  "London Mayor Sadiq Khan has rebuked demands by Philip Hammond that police should shift existing resources into tackling knife crime rather than expect more funding.",
  date=Y, alts=[{"predicate": "CRITICISED", "object": "Chancellor of the Exchequer"}, {"subject": ML, "predicate": "CRITICISED", "object": "Philip Hammond"}])
F(d, "Philip Hammond", P, "HOLDS_OFFICE", "Chancellor of the Exchequer", PO,
  "The Chancellor has come under fire for telling forces to move officers away from “lower priority” crime and on to knife violence.")
F(d, "Theresa May", P, "HOLDS_OFFICE", "Prime Minister", PO, "Prime Minister Theresa May’s Brexit deal")
F(d, "Sadiq Khan", P, "SAID", None, None,
  "“In London we are prioritising our efforts towards tackling violent crime, tackling knife crime.",
  text="In London we are prioritising our efforts towards tackling violent crime, tackling knife crime", date=Y)
F(d, "Sadiq Khan", P, "OVERSEES", "Metropolitan Police Service", O,
  "I myself have directed officers to move from roads and transport to do the violent crime taskforce work",
  alts=[{"predicate": "ASKED", "object": "Metropolitan Police Service"}, {"predicate": "LEADS", "object": "Violent Crime Taskforce"},
        {"subject": ML, "predicate": "OVERSEES", "object": "Metropolitan Police Service"}])
F(d, "Sadiq Khan", P, "CRITICISED", "UK Government", O,
  "Re-prioritising, increasing council tax, diverting business rates money away doesn’t fill the massive hole left by central Government cuts.",
  date=Y, alts=[{"subject": ML, "predicate": "CRITICISED", "object": "UK Government"}])
F(d, "Sadiq Khan", P, "ASKED", "UK Government", O,
  "Mr Khan called on ministers to “reverse the cuts” and “give us the funding we need to make sure there is sufficient policing across London”.",
  date=Y, about="reverse the police funding cuts", alts=[{"subject": ML, "predicate": "ASKED", "object": "UK Government"}])

# ---------------------------------------------------------------- f20_11 Property Week, Johnson's letter to Healey, Jul 2009
d, Y = "f20_11", "2009-07"
F(d, "Boris Johnson", P, "HOLDS_OFFICE", ML, PO, "The mayor of London Boris Johnson")
F(d, "Boris Johnson", P, "ASKED", "John Healey", P,
  "In a letter to John Healey, minister of state for communities and local government, the mayor expressed concern that the funding being diverted to other regions is largely being paid for by ‘raiding budgets set aside to upgrade over 100,000 of London’s poorest quality social homes’.",
  date=Y, about="London's share of the affordable housing budget",
  alts=[{"predicate": "CRITICISED", "object": "John Healey"}, {"predicate": "ASKED", "object": "Minister of State for Communities and Local Government"},
        {"subject": ML, "predicate": "ASKED", "object": "John Healey"}])
F(d, "John Healey", P, "HOLDS_OFFICE", "Minister of State for Communities and Local Government", PO,
  "John Healey, minister of state for communities and local government")
F(d, "Boris Johnson", P, "CRITICISED", "UK Government", O,
  "He said he believed the government is ignoring London’s acute need for more new homes by cutting its share of the affordable housing budget",
  date=Y, alts=[{"predicate": "CRITICISED", "object": "John Healey"}])
F(d, "Boris Johnson", P, "COMMITTED_TO", "filling the London housing funding gap", PR,
  "I will make up for these broken promises by reversing the government's decision and ensuring this funding gap is filled.",
  date=Y, alts=[{"subject": "London Homes and Communities Agency", "predicate": "COMMITTED_TO", "object": "filling the London housing funding gap"}])
F(d, "Boris Johnson", P, "SAID", None, None,
  "‘As mayor, it is my job to defend the capital's budgets and the city's poorest.",
  text="As mayor, it is my job to defend the capital's budgets and the city's poorest", date=Y)
F(d, "Boris Johnson", P, "CHAIRS", "London Homes and Communities Agency", O,
  "he, as chair of the London Homes and Communities Agency")

# ---------------------------------------------------------------- f20_12 Khan's letter to Gove, 11 Aug 2023
d, Y = "f20_12", "2023-08-11"
F(d, "Sadiq Khan", P, "ASKED", "Michael Gove", P,
  "In a letter to Housing Secretary Michael Gove on Friday, Mr Khan called on the Government to stump up £2.2bn to deliver 35,000 affordable home starts by March 2026",
  date=Y, about="£2.2bn for 35,000 affordable home starts",
  alts=[{"predicate": "ASKED", "object": "UK Government"}, {"predicate": "ASKED", "object": "Secretary of State for Levelling Up"}])
F(d, "Michael Gove", P, "HOLDS_OFFICE", "Secretary of State for Levelling Up", PO, "Housing Secretary Michael Gove")
F(d, "Sadiq Khan", P, "SAID", None, None,
  "“The city has reached crisis point in relation to housing affordability and homelessness pressures,” states the Mayor’s letter.",
  text="The city has reached crisis point in relation to housing affordability and homelessness pressures", date=Y)
F(d, "Sadiq Khan", P, "CRITICISED", "UK Government", O,
  "“Without the necessary national action from the government, I fear there’s a real prospect of housebuilding grinding to a halt across the country",
  date=Y)
F(d, "Sadiq Khan", P, "ESTABLISHED", "London Housing Delivery Taskforce", O,
  "Mr Khan said he had this week reconvened a London Housing Delivery Taskforce",
  date="2023-08", alts=[{"predicate": "LEADS", "object": "London Housing Delivery Taskforce"}, {"predicate": "CHAIRS", "object": "London Housing Delivery Taskforce"}])
F(d, "Tom Copley", P, "HOLDS_OFFICE", "Deputy Mayor for Housing and Residential Development", PO, "Deputy mayor for housing, Tom Copley")
F(d, "Tom Copley", P, "SAID", None, None,
  "“Ministers need to wake up and realise that every light on the dashboard is flashing red.",
  text="Ministers need to wake up and realise that every light on the dashboard is flashing red", date=Y)
F(d, "Rishi Sunak", P, "HOLDS_OFFICE", "Prime Minister", PO, "Prime Minister Rishi Sunak")
F(d, "Rishi Sunak", P, "COMMISSIONED", "review of the London Plan", I,
  "Prime Minister Rishi Sunak last month announced a review of the London Plan",
  date="2023-07", alts=[{"predicate": "REVIEWS", "object": "London Plan"}])
F(d, "Rishi Sunak", P, "ASKED", "Sadiq Khan", P,
  "He also issued the Mayor an ultimatum of an autumn deadline to agree changes to the city’s masterplan",
  date="2023-07", about="changes to the London Plan", alts=[{"predicate": "ASKED", "object": ML}])
F(d, "Rishi Sunak", P, "CRITICISED", "Sadiq Khan", P, "He accused Mr Khan of failing to deliver the homes that London needs",
  date="2023-07", alts=[{"predicate": "CRITICISED", "object": ML}])

# ---------------------------------------------------------------- f20_13 LFEPA minutes, 5 Oct 2017
d = "f20_13"
LFEPA = "London Fire and Emergency Planning Authority"
F(d, "Martin Whelton", P, "HOLDS_OFFICE", "Vice-Chair of the London Fire and Emergency Planning Authority", PO,
  "Councillor Martin Whelton was duly appointed as Vice-Chair of the Authority for the period until 31 March 2018.",
  alts=[{"predicate": "MEMBER_OF", "object": LFEPA}, {"predicate": "CHAIRS", "object": LFEPA}])
F(d, "Fiona Twycross", P, "CHAIRS", LFEPA, O, "Dr Fiona Twycross  - Chair",
  alts=[{"predicate": "HOLDS_OFFICE", "object": "Chair of the London Fire and Emergency Planning Authority"},
        {"predicate": "MEMBER_OF", "object": LFEPA}])
F(d, "Anthony Arbour", P, "MEMBER_OF", LFEPA, O, "Tony Arbour, JP",
  alts=[{"predicate": "MEMBER_OF", "object": "London Assembly"}])

# ---------------------------------------------------------------- f20_14 Economy Committee minutes, 2 Mar 2021
d = "f20_14"
EC = "London Assembly Economy Committee"
F(d, "Léonie Cooper", P, "CHAIRS", EC, O, "Léonie Cooper AM (Chair)",
  alts=[{"predicate": "HOLDS_OFFICE", "object": "Chair of the London Assembly Economy Committee"}, {"predicate": "MEMBER_OF", "object": EC}])
F(d, "Shaun Bailey", P, "HOLDS_OFFICE", "Deputy Chairman of the London Assembly Economy Committee", PO,
  "Shaun Bailey AM (Deputy Chairman)", alts=[{"predicate": "MEMBER_OF", "object": EC}])
for name, q in (("Unmesh Desai", "Unmesh Desai AM"), ("Susan Hall", "Susan Hall AM Murad"),
                ("Murad Qureshi", "Murad Qureshi AM"), ("Caroline Russell", "Caroline Russell AM Observer")):
    F(d, name, P, "MEMBER_OF", EC, O, q)
for name in ("Susan Hall", "Caroline Russell"):
    F(d, name, P, "CHAIRS", EC, O,
      "Susan Hall AM and Caroline Russell AM who had also chaired the Economy Committee during the 2016-2021 term",
      alts=[{"predicate": "HOLDS_OFFICE", "object": "Chair of the London Assembly Economy Committee"}])
F(d, "Fiona Twycross", P, "HOLDS_OFFICE", "Deputy Mayor for Fire and Resilience", PO,
  "Fiona Twycross, Deputy Mayor for Fire and Resilience")
F(d, "Fiona Twycross", P, "CHAIRS", EC, O,
  "Fiona Twycross, Deputy Mayor for Fire and Resilience and former Assembly Member, was also thanked for chairing the Committee during the first year of the term.",
  alts=[{"predicate": "HOLDS_OFFICE", "object": "Chair of the London Assembly Economy Committee"}])


# ---------------------------------------------------------------- checks
def fold(t):
    for a, b in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-")):
        t = t.replace(a, b)
    return re.sub(r"\s+", " ", t).strip()


def main():
    tables = {}
    for t in EXISTING:
        tables.update(json.loads(Path(t).read_text()))
    ents = {k: {"type": v[0], "aliases": v[1]} for k, v in sorted(E.items())}
    texts = {p.name: fold(p.read_text()) for p in DOCS.glob("*.txt")}
    errors = []
    for g in G:
        doc = texts[g["doc"]]
        if fold(g["quote"]) not in doc:
            errors.append(f"quote not verbatim: {g['doc']}: {g['quote'][:70]!r}")
        if g["predicate"] in ("ASKED", "REPLIED_TO") and not g["about"]:
            errors.append(f"no about: {g['doc']} {g['subject']} {g['predicate']}")
        if g["predicate"] == "SAID":
            if not g["text"] or fold(g["text"]) not in doc:
                errors.append(f"SAID text missing/not verbatim: {g['text']!r}")
            if g["object"] is not None:
                errors.append("SAID with object")
        names = [g["subject"], g["object"]] + [a.get("subject") for a in g["alternatives"]] + \
                [a.get("object") for a in g["alternatives"]]
        for n in names:
            if n is not None and n not in tables and n not in ents:
                errors.append(f"unknown entity: {n!r} ({g['doc']})")
    for name in texts:
        if not any(g["doc"] == name for g in G):
            errors.append(f"no gold for {name}")
    used = {n for g in G for n in [g["subject"], g["object"]] + [a.get("subject") for a in g["alternatives"]] + [a.get("object") for a in g["alternatives"]]}
    for k in ents:
        if k not in used:
            errors.append(f"entity not used by the gold: {k}")
    (HERE / "gold.jsonl").write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in G))
    (HERE / "entities.json").write_text(json.dumps(ents, ensure_ascii=False, indent=1) + "\n")
    print(len(G), "facts;", dict(sorted(Counter(g["predicate"] for g in G).items(), key=lambda x: -x[1])))
    print(dict(sorted(Counter(g["doc"][:6] for g in G).items())))
    for e in sorted(set(errors)):
        print("ERROR", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
