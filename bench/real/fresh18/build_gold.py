#!/usr/bin/env python3
"""Build and check the fresh18 blind gold set (written by reading only; no extractor run).

Writes gold.jsonl and entities.json next to this file, then checks:
- every quote (and every SAID text) is a verbatim substring of its document (whitespace folded);
- every ASKED / REPLIED_TO has an `about`, every SAID a `text`;
- every name used (subject, object, alternatives) is a canonical name in this entities.json
  or in one of the existing alias tables.
"""
import glob
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"
EXISTING = [
    "/work/shared/eval/entities.json",
    "/work/shared/eval/real/entities.json",
    *sorted(p for p in glob.glob("/work/main/bench/real/*/entities.json") if "/fresh18/" not in p),
]

D = {
    1: "f18_01_spending-priorities-tuffrey-2004.txt",
    2: "f18_02_borough-transport-funding-159m-2005.txt",
    3: "f18_03_housing-supplementary-boff-2008.txt",
    4: "f18_04_social-housing-copley-2014.txt",
    5: "f18_05_md1658-museum-of-london-2016.txt",
    6: "f18_06_where-is-the-mayor-motion-2017.txt",
    7: "f18_07_mayors-report-fire-skills-2018.txt",
    8: "f18_08_transport-commissioner-qa-minutes-2018.txt",
    9: "f18_09_pcd872-home-office-surge-grant-2020.txt",
    10: "f18_10_antisemitism-motion-2021.txt",
    11: "f18_11_mqt-supplementaries-jan-2021.txt",
    12: "f18_12_assembly-annual-report-2024.txt",
    13: "f18_13_letter-to-met-new-phase-2025.txt",
}

GOLD = []


def F(doc, subject, stype, predicate, obj, otype, quote, date=None, amount=None, about=None, text=None, alts=()):
    GOLD.append({"doc": D[doc], "subject": subject, "subject_type": stype, "predicate": predicate,
                 "object": obj, "object_type": otype, "date": date, "amount_gbp": amount,
                 "quote": quote, "about": about, "text": text, "alternatives": list(alts)})


MoL = "Mayor of London"

# --- f18_01: MQT/plenary question page, Livingstone, 14 January 2004 -----------------------
A1 = "Spending Priorities"
F(1, "Mike Tuffrey", "Person", "ASKED", "Ken Livingstone", "Person",
  'will you provide a copy of your full "wish list" in priority order?', "2004-01-14", about=A1,
  alts=[{"predicate": "ASKED", "object": MoL}])
F(1, "Ken Livingstone", "Person", "REPLIED_TO", "Mike Tuffrey", "Person",
  "If the Government does not provide the full amount of money London needs, TfL will have to make hard choices.",
  "2004-01-14", about=A1, alts=[{"subject": MoL, "predicate": "REPLIED_TO", "object": "Mike Tuffrey"}])
F(1, "Mike Tuffrey", "Person", "MEMBER_OF", "Liberal Democrats", "Organization", "Mike Tuffrey\nLiberal Democrats")
F(1, "UK Government", "Organization", "FUNDS", "Transport for London", "Organization",
  "More detailed prioritisation will not be possible until the amount of government grant is known and what requirements for how it is spent, if any, are placed on TfL",
  "2004")
F(1, "Ken Livingstone", "Person", "COMMITTED_TO", "maintain the current transport network", "Programme",
  "Our first priority would be to maintain the current transport network (including current bus service levels)",
  "2004-01-14", alts=[{"subject": "Transport for London", "predicate": "COMMITTED_TO", "object": "maintain the current transport network"},
                      {"subject": MoL, "predicate": "COMMITTED_TO", "object": "maintain the current transport network"}])

# --- f18_02: Mayoral press release (TfL copy), Livingstone, December 2005 ------------------
F(2, "Ken Livingstone", "Person", "HOLDS_OFFICE", MoL, "Post", "Ken Livingstone, Mayor of London")
F(2, "Ken Livingstone", "Person", "FUNDS", "London boroughs", "Organization",
  "Ken Livingstone, Mayor of London, today announced a record £159m of funding for London boroughs to spend on local transport improvements",
  "2005-12", 159000000,
  alts=[{"subject": "Transport for London", "predicate": "FUNDS", "object": "London boroughs"},
        {"subject": MoL, "predicate": "FUNDS", "object": "London boroughs"}])
F(2, "Transport for London", "Organization", "FUNDS", "TfL five-year £758m local transport programme", "Programme",
  "the record-breaking five-year £758m programme for local transport schemes", "2004", 758000000,
  alts=[{"predicate": "FUNDS", "object": "London boroughs"},
        {"subject": "Ken Livingstone", "predicate": "FUNDS", "object": "TfL five-year £758m local transport programme"}])
F(2, "Transport for London", "Organization", "FUNDS", "TfL 5-Year Investment Programme", "Programme",
  "Transport for London's £10bn 5-Year Investment Programme", None, 10000000000,
  alts=[{"predicate": "LEADS", "object": "TfL 5-Year Investment Programme"}])
F(2, "Ken Livingstone", "Person", "SAID", None, None,
  "Boroughs across London, outer and inner, are benefiting from the record levels of funding from Transport for London",
  "2005-12", text="Boroughs across London, outer and inner, are benefiting from the record levels of funding from Transport for London")

# --- f18_03: MQT supplementary page, Johnson, 15 October 2008 -------------------------------
A3 = "Housing (Supplementary) [2]"
F(3, "Andrew Boff", "Person", "ASKED", "Boris Johnson", "Person",
  "Would you also agree with me that this is not only an opportunity for us to build good quality houses",
  "2008-10-15", about=A3, alts=[{"predicate": "ASKED", "object": MoL}])
F(3, "Boris Johnson", "Person", "REPLIED_TO", "Andrew Boff", "Person",
  "Boris Johnson (Mayor of London): Bang on. Absolutely right.", "2008-10-15", about=A3,
  alts=[{"subject": MoL, "predicate": "REPLIED_TO", "object": "Andrew Boff"}])
F(3, "Andrew Boff", "Person", "MEMBER_OF", "GLA Conservatives", "Organization", "Andrew Boff\nGLA Conservatives",
  alts=[{"predicate": "MEMBER_OF", "object": "Conservative Group"}])
F(3, "Steve O'Connell", "Person", "ASKED", "Boris Johnson", "Person",
  "On the subject of building council houses, does the Mayor welcome the fact", "2008-10-15", about=A3,
  alts=[{"predicate": "ASKED", "object": MoL}])
F(3, "Boris Johnson", "Person", "REPLIED_TO", "Steve O'Connell", "Person",
  "Of course, Steve, I welcome that", "2008-10-15", about=A3,
  alts=[{"subject": MoL, "predicate": "REPLIED_TO", "object": "Steve O'Connell"}])
F(3, "Boris Johnson", "Person", "WELCOMED", "London Borough of Croydon", "Organization",
  "I welcome that and, once again, I take this opportunity to salute Croydon and its pioneering work",
  "2008-10-15", alts=[{"subject": MoL, "predicate": "WELCOMED", "object": "London Borough of Croydon"}])
F(3, "Steve O'Connell", "Person", "CRITICISED", "Labour Party", "Organization",
  "the previous 12 years of Labour misadministration in Croydon", "2008-10-15",
  alts=[{"predicate": "CRITICISED", "object": "Labour Group"},
        {"predicate": "CRITICISED", "object": "London Borough of Croydon"}])
F(3, "Boris Johnson", "Person", "COMMITTED_TO", "family accommodation in the Olympic Village", "Programme",
  "One of the things I want to make sure we get right there is that we have enough family accommodation in that Village.",
  "2008-10-15", alts=[{"subject": MoL, "predicate": "COMMITTED_TO", "object": "family accommodation in the Olympic Village"}])

# --- f18_04: MQT question page, Johnson, 19 March 2014 --------------------------------------
A4 = "Social Housing"
F(4, "Tom Copley", "Person", "ASKED", "Boris Johnson", "Person",
  "What are you doing to ensure all London boroughs are working to deliver social housing?", "2014-03-19", about=A4,
  alts=[{"predicate": "ASKED", "object": MoL}])
F(4, "Boris Johnson", "Person", "REPLIED_TO", "Tom Copley", "Person",
  "The housing revenue counts, Tom, have been devolved to boroughs who have more freedom to build social housing themselves.",
  "2014-03-19", about=A4, alts=[{"subject": MoL, "predicate": "REPLIED_TO", "object": "Tom Copley"}])
F(4, "Tom Copley", "Person", "MEMBER_OF", "Labour Group", "Organization", "Tom Copley\nLabour Group")
F(4, "Boris Johnson", "Person", "FUNDS", "45,000 affordable homes", "Programme",
  "In the next spending round we are going to be putting in an additional £1.25 billion to deliver 45,000 affordable homes",
  "2014", 1250000000,
  alts=[{"predicate": "COMMITTED_TO", "object": "45,000 affordable homes"},
        {"subject": MoL, "predicate": "FUNDS", "object": "45,000 affordable homes"},
        {"subject": "Greater London Authority", "predicate": "FUNDS", "object": "45,000 affordable homes"}])
F(4, "Boris Johnson", "Person", "COMMITTED_TO", "100,000 affordable homes", "Programme",
  "We are on target to deliver 100,000 over these two terms, an eight-year period.", "2014-03-19",
  alts=[{"subject": MoL, "predicate": "COMMITTED_TO", "object": "100,000 affordable homes"}])
F(4, "Boris Johnson", "Person", "CRITICISED", "Ken Livingstone", "Person",
  "Over two terms of my predecessor, Mr Livingstone, the stock of social rented housing in London declined, under their watch, by 15,246 homes.",
  "2014-03-19")
F(4, "Boris Johnson", "Person", "CRITICISED", "Labour Party", "Organization",
  "What party do you support?  The Labour Party.  What were you doing?  Nothing.", "2014-03-19",
  alts=[{"predicate": "CRITICISED", "object": "Labour Government (1997-2010)"},
        {"predicate": "CRITICISED", "object": "Tom Copley"}])

# --- f18_05: Mayoral decision MD1658, Johnson, 30 April 2016 -------------------------------
F(5, "Boris Johnson", "Person", "HOLDS_OFFICE", MoL, "Post", "Boris Johnson MP (past staff), Mayor of London")
F(5, "Greater London Authority", "Organization", "FUNDS", "Museum of London", "Organization",
  "The Museum of London (MoL) is requesting a capital amount of for up to £755,000 to cover essential repairs",
  "2016-04-30", 755000,
  alts=[{"subject": "Boris Johnson", "predicate": "FUNDS", "object": "Museum of London"},
        {"subject": MoL, "predicate": "FUNDS", "object": "Museum of London"}])
F(5, "Greater London Authority", "Organization", "FUNDS", "New Museum Project", "Programme",
  "In April 2015, the GLA approved the provision of £0.2m to fund an architectural competition as part of the New Museum Project",
  "2015-04", 200000, alts=[{"predicate": "FUNDS", "object": "Museum of London"}])
F(5, "Greater London Authority", "Organization", "FUNDS", "New Museum Project", "Programme",
  "The GLA share would be £229,500.", "2016", 229500,
  alts=[{"predicate": "FUNDS", "object": "Museum of London"},
        {"subject": "Boris Johnson", "predicate": "FUNDS", "object": "New Museum Project"}])
F(5, "City of London Corporation", "Organization", "FUNDS", "New Museum Project", "Programme",
  "the GLA jointly fund with the City of London Corporation costs relating to the next steps through to June 2016 for the New Museum at West Smithfield project",
  "2016", alts=[{"predicate": "FUNDS", "object": "Museum of London"},
                {"subject": "Greater London Authority", "predicate": "PARTNERS_WITH", "object": "City of London Corporation"}])
F(5, "Museum of London", "Organization", "ASKED", "Greater London Authority", "Organization",
  "The MoL is now also requesting that the GLA jointly fund with the City of London Corporation", "2016",
  about="MD1658 Additional financial support for the Museum of London",
  alts=[{"predicate": "ASKED", "object": "Boris Johnson"}, {"predicate": "ASKED", "object": MoL}])

# --- f18_06: Assembly press release with the motion, Khan, 28 June 2017 --------------------
A6 = "Where is the Mayor? Assembly puts Sadiq on notice"
F(6, "London Assembly", "Organization", "CRITICISED", "Sadiq Khan", "Person",
  "The London Assembly has unanimously chastised the Mayor of London today", "2017-06-28",
  alts=[{"predicate": "CRITICISED", "object": MoL}])
F(6, "London Assembly", "Organization", "ASKED", "Sadiq Khan", "Person",
  "A unanimous motion agreed today by all four parties on the London Assembly requested that in future, Sadiq Khan attend all Assembly meetings to which he is invited.",
  "2017-06-28", about=A6, alts=[{"predicate": "ASKED", "object": MoL}])
F(6, "Gareth Bacon", "Person", "ASKED", "Sadiq Khan", "Person",
  "Gareth Bacon AM, who proposed the motion said", "2017-06-28", about=A6,
  alts=[{"predicate": "ASKED", "object": MoL}])
F(6, "Gareth Bacon", "Person", "SAID", None, None,
  "By failing to attend these meetings the Mayor has displayed a worrying level of contempt for the body that holds him to account.",
  "2017-06-28", text="By failing to attend these meetings the Mayor has displayed a worrying level of contempt")
F(6, "Gareth Bacon", "Person", "CRITICISED", "Sadiq Khan", "Person",
  "Sadiq Khan needs to realise it is not optional to answer questions about the decisions he has taken",
  "2017-06-28", alts=[{"predicate": "CRITICISED", "object": MoL}])
F(6, "Valerie Shawcross", "Person", "HOLDS_OFFICE", "Deputy Mayor for Transport", "Post",
  "Deputy Mayor for Transport, Val Shawcross CBE")
F(6, "London Assembly", "Organization", "OVERSEES", "Sadiq Khan", "Person",
  "the body that holds him to account", alts=[{"predicate": "OVERSEES", "object": MoL}])

# --- f18_07: Mayor's Report to the Assembly, Khan, MQT 22 February 2018 --------------------
F(7, "Fiona Twycross", "Person", "HOLDS_OFFICE", "Deputy Mayor for Fire and Resilience", "Post",
  "I announced my intention to appoint Dr Fiona Twycross as London’s first ever Deputy Mayor for Fire and Resilience",
  "2018-02-08")
F(7, "Dany Cotton", "Person", "HOLDS_OFFICE", "London Fire Commissioner", "Post",
  "I also confirmed my intention to appoint current Commissioner Dany Cotton as the first London Fire Commissioner",
  "2018-02")
F(7, "Sadiq Khan", "Person", "OVERSEES", "London Fire Brigade", "Organization",
  "I will be taking direct responsibility for the capital’s fire and rescue services this Spring", "2018",
  alts=[{"predicate": "OVERSEES", "object": "London Fire Commissioner"},
        {"subject": MoL, "predicate": "OVERSEES", "object": "London Fire Brigade"},
        {"subject": MoL, "predicate": "OVERSEES", "object": "London Fire Commissioner"}])
F(7, "Sadiq Khan", "Person", "FUNDS", "Skills for Londoners Capital Fund", "Programme",
  "On 7 February, I announced investments of over £25 million to help transform skills provision", "2018-02-07", 25000000,
  alts=[{"subject": MoL, "predicate": "FUNDS", "object": "Skills for Londoners Capital Fund"},
        {"subject": "London Economic Action Partnership", "predicate": "FUNDS", "object": "Skills for Londoners Capital Fund"}])
F(7, "London Economic Action Partnership", "Organization", "FUNDS", "Skills for Londoners Capital Fund", "Programme",
  "a total of £114 million made available by the London Economic Action Partnership (LEAP) through the Skills for Londoners Capital Fund",
  "2018", 114000000,
  alts=[{"subject": "Sadiq Khan", "predicate": "FUNDS", "object": "Skills for Londoners Capital Fund"}])
F(7, "Sadiq Khan", "Person", "COMMITTED_TO", "help build the workforce needed for London’s future", "Programme",
  "Following on my commitment to help build the workforce needed for London’s future", "2018",
  alts=[{"subject": MoL, "predicate": "COMMITTED_TO", "object": "help build the workforce needed for London’s future"}])

# --- f18_08: committee minutes, Q&A with the Commissioner of Transport (c. 2018) -----------
A8 = "Commissioner of Transport"
CMTE = [("London Assembly Transport Committee"), ("London Assembly Budget and Performance Committee")]
F(8, "Mike Brown", "Person", "HOLDS_OFFICE", "Commissioner of Transport for London", "Post",
  "Mike Brown MVO, Commissioner of Transport")
F(8, "Simon Kilonback", "Person", "HOLDS_OFFICE", "Interim Chief Finance Officer, Transport for London", "Post",
  "Simon Kilonback, Interim Chief Finance Officer, Transport for London (TfL)",
  alts=[{"predicate": "MEMBER_OF", "object": "Transport for London"}])
F(8, "London Assembly", "Organization", "ASKED", "Mike Brown", "Person",
  "putting questions to the Commissioner of Transport", about=A8,
  alts=[*({"subject": c, "predicate": "ASKED", "object": "Mike Brown"} for c in CMTE),
        {"predicate": "ASKED", "object": "Commissioner of Transport for London"},
        {"predicate": "ASKED", "object": "Transport for London"}])
F(8, "London Assembly", "Organization", "ASKED", "Transport for London", "Organization",
  "the Committee requested the following in writing", about=A8,
  alts=[*({"subject": c, "predicate": "ASKED", "object": "Transport for London"} for c in CMTE),
        {"predicate": "ASKED", "object": "Mike Brown"}])
F(8, "Mike Brown", "Person", "COMMITTED_TO", "briefings on bus services and Night Tube noise", "Programme",
  "The Transport Commissioner also agreed to arrange two briefings",
  alts=[{"subject": "Commissioner of Transport for London", "predicate": "COMMITTED_TO", "object": "briefings on bus services and Night Tube noise"}])
F(8, "Gareth Powell", "Person", "HOLDS_OFFICE", "Managing Director for Surface Transport, TfL", "Post",
  "Gareth Powell, Managing Director for Surface Transport, TfL",
  alts=[{"predicate": "MEMBER_OF", "object": "Transport for London"}])
F(8, "Mark Wild", "Person", "HOLDS_OFFICE", "Managing Director of London Underground", "Post",
  "Mark Wild, Managing Director of London Underground",
  alts=[{"predicate": "MEMBER_OF", "object": "London Underground"}])

# --- f18_09: policing and crime decision PCD 872, 2020 ---------------------------------------
MOPAC = "Mayor's Office for Policing and Crime"
PAY = [{"subject": "Sophie Linden"}, {"subject": "Deputy Mayor for Policing and Crime"}, {"subject": "Home Office"}]


def mopac_funds(obj, otype, quote, amount, extra=()):
    F(9, MOPAC, "Organization", "FUNDS", obj, otype, quote, "2020", amount,
      alts=[*({**a, "predicate": "FUNDS", "object": obj} for a in PAY), *extra])


F(9, "Sophie Linden", "Person", "HOLDS_OFFICE", "Deputy Mayor for Policing and Crime", "Post",
  "Sophie Linden, Deputy Mayor, Policing and Crime")
F(9, "Home Office", "Organization", "FUNDS", MOPAC, "Organization",
  "MOPAC/VRU/MPS submitted a bid for Home Office Surge funding to tackle violent crime in March 2020, and were awarded £13.6m",
  "2020", 13600000,
  alts=[{"predicate": "FUNDS", "object": "Violence Reduction Unit"},
        {"predicate": "FUNDS", "object": "Metropolitan Police Service"}])
F(9, MOPAC, "Organization", "ASKED", "Home Office", "Organization",
  "A joint MOPAC/VRU/MPS bid was submitted to Home Office in March 2020 to access Violence Reduction Unit and Police Surge funding",
  "2020-03", about="Home Office Surge funding",
  alts=[{"subject": "Violence Reduction Unit", "predicate": "ASKED", "object": "Home Office"},
        {"subject": "Metropolitan Police Service", "predicate": "ASKED", "object": "Home Office"}])
mopac_funds("British Transport Police", "Organization",
            "Approve the allocation of £250,000 from the Home Office Surge to British Transport Police", 250000)
mopac_funds("City of London Police", "Organization",
            "£250,000 to CoLP to cover their contribution to joint operations tackling violent crime", 250000)
mopac_funds("Safer Business Network", "Organization",
            "Approve the awarding of 3 grants to the value of £30,000 each to the Safer Business Network", [30000, 90000])
mopac_funds("Bounce Back", "Organization", "Approve the award of a grant of £177,375 to Bounce Back", 177375)
mopac_funds("London Borough of Enfield", "Organization", "Approve a grant of £20,000 to LB Enfield", 20000)
mopac_funds("London Borough of Haringey", "Organization",
            "£20,000 to LB Haringey to enable the delivery of activity in support of the North Area Violence Reduction Group (NAVRG)", 20000)
F(9, "Bounce Back", "Organization", "ESTABLISHED", "Divert Programme", "Programme",
  "to enable the establishment of an enhanced Divert Programme across all London Boroughs", "2020",
  alts=[{"predicate": "LEADS", "object": "Divert Programme"}])
F(9, "Safer Business Network", "Organization", "ESTABLISHED", "Business Crime Reduction Partnerships", "Programme",
  "for the establishment of Business Crime Reduction Partnerships (BCRPs) in an additional three violent crime hot spots",
  "2020", alts=[{"predicate": "LEADS", "object": "Business Crime Reduction Partnerships"}])

# --- f18_10: motion (plenary report), 10 June 2021; proposer and seconder blanked ------------
A10 = "tackling antisemitism in London"
F(10, "London Assembly", "Organization", "ASKED", "Sadiq Khan", "Person",
  "This Assembly calls on the Mayor and the Metropolitan Police Service (MPS) to:", "2021-06-10", about=A10,
  alts=[{"predicate": "ASKED", "object": MoL}])
F(10, "London Assembly", "Organization", "ASKED", "Metropolitan Police Service", "Organization",
  "This Assembly calls on the Mayor and the Metropolitan Police Service (MPS) to:", "2021-06-10", about=A10)
F(10, "London Assembly", "Organization", "CRITICISED", "antisemitism in London", "Statement",
  "This Assembly places on record its disgust and condemnation at the incidents of antisemitism seen across London in recent weeks.",
  "2021-06-10")

# --- f18_11: MQT supplementaries (transcript appendix), Khan, 21 January 2021 ---------------
F(11, "Sadiq Khan", "Person", "ASKED", "British Gas", "Organization",
  "I have also written to British Gas", "2021-01-21", about="Oral Update to the Mayor’s Report (Supplementary) [2]",
  alts=[{"predicate": "CRITICISED", "object": "British Gas"},
        {"subject": MoL, "predicate": "ASKED", "object": "British Gas"}])
F(11, "Warren Kenny", "Person", "HOLDS_OFFICE", "General Secretary of GMB", "Post",
  "the interim General Secretary for the fantastic trade union GMB, Warren Kenny",
  alts=[{"predicate": "MEMBER_OF", "object": "GMB"}])
A11b = "Cost of Living (Supplementary) [1]"
F(11, "Keith Prince", "Person", "ASKED", "Sadiq Khan", "Person",
  "Mr Mayor, as you know, there is cross-party support for that argument around the VED.", "2021-01-21", about=A11b,
  alts=[{"predicate": "ASKED", "object": MoL}])
F(11, "Sadiq Khan", "Person", "REPLIED_TO", "Keith Prince", "Person",
  "Chair, can I thank the Member.", "2021-01-21", about=A11b,
  alts=[{"subject": MoL, "predicate": "REPLIED_TO", "object": "Keith Prince"}])
F(11, "Keith Prince", "Person", "COMMITTED_TO", "joint letter to the Secretary of State for Transport on VED", "Programme",
  "I will, jointly with you - and I suspect the other Group leaders - write to the Secretary of State [for Transport] asking for the VED to be given to Londoners.",
  "2021-01-21", alts=[{"predicate": "ASKED", "object": "Secretary of State for Transport"}])
F(11, "Sadiq Khan", "Person", "WELCOMED", "Keith Prince", "Person",
  "this is a really good example of joint working on a cross-party basis", "2021-01-21",
  alts=[{"predicate": "WELCOMED", "object": "joint letter to the Secretary of State for Transport on VED"},
        {"predicate": "COMMITTED_TO", "object": "joint letter to the Secretary of State for Transport on VED"}])
F(11, "Keith Prince", "Person", "MEMBER_OF", "Conservative Group", "Organization",
  "Keith Prince, I hope, will speak for the Conservatives")
A11c = "New Years’ Fireworks Display"
F(11, "Peter Whittle", "Person", "ASKED", "Sadiq Khan", "Person",
  "Can you confirm that the amount of taxpayers’ money used on the fireworks was, as has been reported, £1.5 million?",
  "2021-01-21", about=A11c, alts=[{"predicate": "ASKED", "object": MoL}])
F(11, "Sadiq Khan", "Person", "REPLIED_TO", "Peter Whittle", "Person",
  "I do not have the exact figure, but that sounds about right.", "2021-01-21", about=A11c,
  alts=[{"subject": MoL, "predicate": "REPLIED_TO", "object": "Peter Whittle"}])
F(11, "Greater London Authority", "Organization", "FUNDS", "New Year's Eve fireworks display", "Programme",
  "the amount of taxpayers’ money used on the fireworks was, as has been reported, £1.5 million", None, 1500000,
  alts=[{"subject": "Sadiq Khan", "predicate": "FUNDS", "object": "New Year's Eve fireworks display"},
        {"subject": MoL, "predicate": "FUNDS", "object": "New Year's Eve fireworks display"}])

# --- f18_12: Assembly press release on its Annual Report 2023-24 (2024) ---------------------
A12 = "London Assembly Annual Report 2023-24"
COL = "London Assembly Cost of Living Working Group"
F(12, "London Assembly", "Organization", "ASKED", "Sadiq Khan", "Person",
  "put forward 399 recommendations to the Mayor, Government and others", "2024", about=A12,
  alts=[{"predicate": "ASKED", "object": MoL}])
F(12, "London Assembly", "Organization", "ASKED", "UK Government", "Organization",
  "put forward 399 recommendations to the Mayor, Government and others", "2024", about=A12)
F(12, COL, "Organization", "ASKED", "Sadiq Khan", "Person",
  "The resulting report called on the Mayor to take steps to ensure that Londoners have the same access to mental health support across different boroughs",
  "2024", about="cost of living",
  alts=[{"predicate": "ASKED", "object": MoL}, {"subject": "London Assembly", "predicate": "ASKED", "object": "Sadiq Khan"}])
F(12, COL, "Organization", "ASKED", "UK Government", "Organization",
  "It also called for the Government to end section 21 evictions.", "2024", about="cost of living",
  alts=[{"subject": "London Assembly", "predicate": "ASKED", "object": "UK Government"}])
F(12, "London Assembly Housing Committee", "Organization", "REVIEWS", "young Londoners’ access to homeownership", "Inquiry",
  "the Housing Committee investigation into young Londoners’ access to homeownership", "2024",
  alts=[{"predicate": "LEADS", "object": "young Londoners’ access to homeownership"}])
F(12, "London Assembly Housing Committee", "Organization", "ASKED", "Sadiq Khan", "Person",
  "recommendations urging the Mayor to lobby Government to either increase the house price threshold for the Lifetime ISA (LISA) in London",
  "2024", about="young Londoners’ access to homeownership",
  alts=[{"predicate": "ASKED", "object": MoL}, {"subject": "London Assembly", "predicate": "ASKED", "object": "Sadiq Khan"}])
F(12, "London Assembly Health Committee", "Organization", "REVIEWS", "health implications of gambling related harms", "Inquiry",
  "The Health Committee investigated the health implications of gambling related harms.", "2024",
  alts=[{"predicate": "LEADS", "object": "health implications of gambling related harms"}])
F(12, "London Assembly Health Committee", "Organization", "ASKED", "Sadiq Khan", "Person",
  "recommended the Mayor ban all gambling adverts across the TfL network", "2024", about="gambling related harms",
  alts=[{"predicate": "ASKED", "object": MoL}, {"subject": "London Assembly", "predicate": "ASKED", "object": "Sadiq Khan"}])

# --- f18_13: committee letter publication page, 2025 ----------------------------------------
A13 = "Letter to the Met: A New Phase for London"
F(13, "London Assembly Police and Crime Committee", "Organization", "ASKED", "Commissioner of the Metropolitan Police", "Post",
  "The London Assembly Police and Crime Committee has written to the Met Commissioner", "2025", about=A13,
  alts=[{"predicate": "ASKED", "object": "Mark Rowley"}, {"predicate": "ASKED", "object": "Metropolitan Police Service"}])
F(13, "Metropolitan Police Service", "Organization", "LEADS", "New Met for London", "Programme",
  "the Met's A New Met for London Phase 2 (2025-28) consultation", "2025",
  alts=[{"predicate": "ESTABLISHED", "object": "New Met for London"}])
F(13, "London Assembly Police and Crime Committee", "Organization", "REVIEWS", "New Met for London", "Programme",
  "calling for the plan to include a list of commitments made from the first phase of the plan", "2025",
  alts=[{"predicate": "CRITICISED", "object": "New Met for London"}])

# ------------------------------------------------------------------------------------------------
E = lambda t, *a: {"type": t, "aliases": list(a)}
ENTITIES = {
    # new entities
    "Keith Prince": E("Person", "Keith Prince AM"),
    "Peter Whittle": E("Person", "Peter Whittle AM"),
    "Museum of London": E("Organization", "MoL", "MOL", "the Museum", "Museum of London (MoL)"),
    "New Museum Project": E("Programme", "New Museum at West Smithfield project", "New Museum at West Smithfield",
                            "New Museum", "architectural competition"),
    "Deputy Mayor for Transport": E("Post"),
    "Skills for Londoners Capital Fund": E("Programme", "Skills for Londoners Capital Funding", "Skills for Londoners"),
    "London Economic Action Partnership": E("Organization", "LEAP"),
    "Simon Kilonback": E("Person"),
    "Interim Chief Finance Officer, Transport for London": E("Post", "Interim Chief Finance Officer",
                                                              "Chief Finance Officer, Transport for London"),
    "Gareth Powell": E("Person"),
    "Managing Director for Surface Transport, TfL": E("Post", "Managing Director for Surface Transport",
                                                      "Managing Director, Surface Transport"),
    "Mark Wild": E("Person"),
    "Managing Director of London Underground": E("Post", "Managing Director, London Underground"),
    "London Underground": E("Organization", "LU"),
    "briefings on bus services and Night Tube noise": E("Programme", "two briefings", "arrange two briefings", "briefings"),
    "Safer Business Network": E("Organization", "the Safer Business Network"),
    "Bounce Back": E("Organization"),
    "London Borough of Haringey": E("Organization", "LB Haringey", "Haringey", "Haringey Council"),
    "Divert Programme": E("Programme", "enhanced Divert Programme"),
    "Business Crime Reduction Partnerships": E("Programme", "BCRPs", "Business Crime Reduction Partnerships (BCRPs)"),
    "British Gas": E("Organization"),
    "GMB": E("Organization", "trade union GMB"),
    "Warren Kenny": E("Person"),
    "General Secretary of GMB": E("Post", "interim General Secretary", "General Secretary for the fantastic trade union GMB",
                                  "interim General Secretary of GMB"),
    "joint letter to the Secretary of State for Transport on VED": E("Programme", "joint letter",
                                                                     "VED to be given to Londoners",
                                                                     "write to the Secretary of State"),
    "New Year's Eve fireworks display": E("Programme", "New Years’ Fireworks Display", "New Year’s Eve fireworks",
                                          "fireworks", "fireworks display"),
    "Labour Party": E("Organization", "The Labour Party", "Labour"),
    "45,000 affordable homes": E("Programme", "deliver 45,000 affordable homes", "£1.25 billion to deliver 45,000 affordable homes"),
    "family accommodation in the Olympic Village": E("Programme", "family accommodation", "enough family accommodation in that Village"),
    "maintain the current transport network": E("Programme", "current transport network",
                                                 "maintain the current transport network (including current bus service levels)"),
    "TfL five-year £758m local transport programme": E("Programme", "five-year £758m programme for local transport schemes",
                                                        "£758m programme for local transport schemes", "£758m programme"),
    "TfL 5-Year Investment Programme": E("Programme", "£10bn 5-Year Investment Programme",
                                         "Transport for London's £10bn 5-Year Investment Programme", "5-Year Investment Programme"),
    "antisemitism in London": E("Statement", "incidents of antisemitism", "antisemitism",
                                "incidents of antisemitism seen across London"),
    "London Assembly Cost of Living Working Group": E("Organization", "Cost of Living Working Group",
                                                      "The London Assembly Cost of Living Working Group"),
    "young Londoners’ access to homeownership": E("Inquiry", "Housing Committee investigation into young Londoners’ access to homeownership",
                                                  "young Londoners' access to homeownership"),
    "health implications of gambling related harms": E("Inquiry", "gambling related harms"),
    "help build the workforce needed for London’s future": E("Programme", "build the workforce needed for London’s future"),
    # extra aliases for canonical names that already exist elsewhere (merged by score.py)
    "City of London Police": E("Organization", "CoLP"),
    "London Borough of Enfield": E("Organization", "LB Enfield"),
}


def fold(t):
    for a, b in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-")):
        t = t.replace(a, b)
    return re.sub(r"\s+", " ", t).strip()


def main():
    (HERE / "gold.jsonl").write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in GOLD))
    (HERE / "entities.json").write_text(json.dumps(ENTITIES, ensure_ascii=False, indent=1) + "\n")
    known = set(ENTITIES)
    for p in EXISTING:
        known |= set(json.loads(Path(p).read_text()))
    errors = []
    for i, g in enumerate(GOLD):
        text = fold((DOCS / g["doc"]).read_text())
        if fold(g["quote"]) not in text:
            errors.append(f"{i}: quote not in {g['doc']}: {g['quote']!r}")
        if g["predicate"] in ("ASKED", "REPLIED_TO") and not g["about"]:
            errors.append(f"{i}: {g['predicate']} without about")
        if g["predicate"] == "SAID":
            if not g["text"] or fold(g["text"]) not in text:
                errors.append(f"{i}: SAID text missing or not verbatim")
        names = [g["subject"], g["object"]] + [a.get(k) for a in g["alternatives"] for k in ("subject", "object")]
        for n in names:
            if n is not None and n not in known:
                errors.append(f"{i}: unknown name {n!r}")
    docs = {p.name for p in DOCS.iterdir()}
    missing = docs - {g["doc"] for g in GOLD}
    if missing:
        errors.append(f"docs without gold: {missing}")
    from collections import Counter
    print(len(GOLD), "facts,", len({g['doc'] for g in GOLD}), "docs")
    print("by predicate:", dict(Counter(g["predicate"] for g in GOLD).most_common()))
    print("by doc:", dict(sorted(Counter(g["doc"][:6] for g in GOLD).items())))
    for e in errors:
        print("ERROR", e)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
