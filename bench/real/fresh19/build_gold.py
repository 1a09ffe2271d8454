#!/usr/bin/env python3
"""Build and check fresh19 gold (blind: written from reading the docs only, no extractor run).

Writes gold.jsonl next to this file and checks that every quote (and every SAID text) is a
verbatim substring of its document, that ASKED/REPLIED_TO carry `about`, SAID carries `text`,
every doc exists, and every name (alternatives included) is a canonical name in this folder's
entities.json or in an existing entity table.
"""
import glob
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"
TABLES = ["/work/shared/eval/entities.json", "/work/shared/eval/real/entities.json",
          *sorted(p for p in glob.glob("/work/main/bench/real/*/entities.json") if "/fresh19/" not in p),
          str(HERE / "entities.json")]

D = {p.name[:6]: p.name for p in DOCS.glob("f19_*.txt")}
G = []


def F(doc, s, st, p, o, ot, quote, date=None, amount=None, about=None, text=None, alts=()):
    G.append({"doc": D[doc], "subject": s, "subject_type": st, "predicate": p, "object": o,
              "object_type": ot, "date": date, "amount_gbp": amount, "quote": quote,
              "about": about, "text": text, "alternatives": [dict(a) for a in alts]})


P, O, PO, PR, I = "Person", "Organization", "Post", "Programme", "Inquiry"
ML = "Mayor of London"

# ---------------------------------------------------------------- f19_01 MPA inaugural minutes, 26 June 2000
d = "f19_01"
F(d, "Toby Harris", P, "CHAIRS", "Metropolitan Police Authority", O, "Toby Harris (Chair)",
  alts=[{"predicate": "HOLDS_OFFICE", "object": "Chair of the Metropolitan Police Authority"},
        {"predicate": "MEMBER_OF", "object": "Metropolitan Police Authority"}])
for name, q in (("Richard Barnes", "Richard Barnes (Deputy Chair)"), ("Peter Herbert", "Peter Herbert (Deputy Chair)")):
    F(d, name, P, "HOLDS_OFFICE", "Deputy Chair of the Metropolitan Police Authority", PO, q,
      alts=[{"predicate": "MEMBER_OF", "object": "Metropolitan Police Authority"}])
for name, q in (("Anthony Arbour", "Anthony Arbour"), ("Reshard Auladin", "Reshard Auladin"),
                ("John Biggs", "John Biggs"), ("Cindy Butts", "Cindy Butts"), ("Roger Evans", "Roger Evans"),
                ("Nicky Gavron", "Nicky Gavron"), ("Elizabeth Howlett", "Elizabeth Howlett"),
                ("Darren Johnson", "Darren Johnson"), ("Jenny Jones", "Jennifer Jones"),
                ("Nicholas Long", "Nicholas Long"), ("Cecile Lothian", "Cecile Lothian"),
                ("R David Muir", "R David Muir"), ("John Quinton", "Sir John Quinton"),
                ("Angela Slaven", "Angela Slaven"), ("Richard Sumray", "Richard Sumray"),
                ("Graham Tope", "Graham Tope"), ("Abdal Ullah", "Abdal Ullah"),
                ("Rachel Whittaker", "Rachel Whittaker")):
    F(d, name, P, "MEMBER_OF", "Metropolitan Police Authority", O, q)
F(d, "Peter Edwards", P, "HOLDS_OFFICE", "Clerk to the Metropolitan Police Authority", PO, "Peter Edwards (Clerk)",
  alts=[{"predicate": "MEMBER_OF", "object": "Metropolitan Police Authority"}])
F(d, "John Stevens", P, "HOLDS_OFFICE", "Commissioner of the Metropolitan Police", PO, "John Stevens (Commissioner of Police)",
  alts=[{"predicate": "LEADS", "object": "Metropolitan Police Service"}, {"predicate": "MEMBER_OF", "object": "Metropolitan Police Service"}])
F(d, "Ian Blair", P, "HOLDS_OFFICE", "Deputy Commissioner of the Metropolitan Police", PO, "Ian Blair (Deputy Commissioner of Police)",
  alts=[{"predicate": "MEMBER_OF", "object": "Metropolitan Police Service"}])
F(d, "Ken Livingstone", P, "HOLDS_OFFICE", ML, PO, "Ken Livingstone (Mayor of London)")

# ---------------------------------------------------------------- f19_02 Guardian, 13 Dec 2001
d = "f19_02"
F(d, "Ken Livingstone", P, "HOLDS_OFFICE", ML, PO, "Ken Livingstone, London's mayor")
F(d, "Bob Kiley", P, "HOLDS_OFFICE", "Commissioner of Transport for London", PO,
  "Bob Kiley, his £250,000 a year transport commissioner",
  alts=[{"predicate": "LEADS", "object": "Transport for London"}])
F(d, "Bob Kiley", P, "ASKED", "Ken Livingstone", P,
  "has been advised by Bob Kiley, his £250,000 a year transport commissioner, to abandon his controversial congestion charging plan",
  date="2001-12", about="delaying the congestion charging plan",
  alts=[{"predicate": "ASKED", "object": ML}])
F(d, "Ken Livingstone", P, "LEADS", "Congestion Charge", PR, "his controversial congestion charging plan",
  alts=[{"predicate": "COMMITTED_TO", "object": "Congestion Charge"}, {"predicate": "ESTABLISHED", "object": "Congestion Charge"}])
F(d, "Ken Livingstone", P, "FUNDS", "public transport improvements in London", PR,
  "The scheme has been calcu lated by the mayor to raise £200m a year from motorists, to be spent on public transport improvements in London.",
  amount=200000000,
  alts=[{"predicate": "COMMITTED_TO", "object": "public transport improvements in London"},
        {"subject": "Congestion Charge", "predicate": "FUNDS", "object": "public transport improvements in London"}])
F(d, "London boroughs", O, "CRITICISED", "Congestion Charge", PR,
  "The scheme is already unpopular with several inner London boroughs.")
F(d, "Stephen Byers", P, "HOLDS_OFFICE", "Secretary of State for Transport", PO, "Stephen Byers, the transport secretary")
F(d, "John Spellar", P, "CRITICISED", "Congestion Charge", PR,
  "John Spellar, Mr Byers' deputy, considers that the plan could be an electoral liability")

# ---------------------------------------------------------------- f19_03 Evening Standard, 2007 (Paddick)
d = "f19_03"
F(d, "Brian Paddick", P, "CRITICISED", "Ken Livingstone", P,
  "Ken Livingstone has been accused of being too supportive of the capital's police chief by the former senior Met officer",
  alts=[{"predicate": "CRITICISED", "object": ML}])
F(d, "Brian Paddick", P, "SAID", None, None,
  "I am a little bit concerned that the Mayor, rather than being an unequivocal supporter of the Commissioner and the Metropolitan Police, should actually be a critical friend.",
  text="the Mayor, rather than being an unequivocal supporter of the Commissioner and the Metropolitan Police, should actually be a critical friend")
F(d, "Brian Paddick", P, "SAID", None, None,
  "\"Ken Livingstone doesn't understand the culture of the police service; he wasn't in that meeting,\" he said.",
  text="Ken Livingstone doesn't understand the culture of the police service")
F(d, "Brian Paddick", P, "HOLDS_OFFICE", "Deputy Assistant Commissioner of the Metropolitan Police", PO,
  "The former deputy assistant commissioner",
  alts=[{"predicate": "MEMBER_OF", "object": "Metropolitan Police Service"}])
F(d, "Ian Blair", P, "HOLDS_OFFICE", "Commissioner of the Metropolitan Police", PO, "Commissioner Sir Ian Blair")
F(d, "Ken Livingstone", P, "WELCOMED", "Ian Blair", P,
  "Ken's complete support for the Met and for the Commissioner",
  alts=[{"predicate": "WELCOMED", "object": "Commissioner of the Metropolitan Police"},
        {"predicate": "WELCOMED", "object": "Metropolitan Police Service"}])
F(d, "Independent Police Complaints Commission", O, "REVIEWS", "Stockwell shooting", I,
  "The recent Independent Police Complaints Commission (IPCC) report into the death of Mr de Menezes")
F(d, "Independent Police Complaints Commission", O, "CRITICISED", "Ian Blair", P,
  "The Commissioner escaped serious criticism in the report but was accused of being \"almost totally uninformed\" of the mistake",
  alts=[{"predicate": "CRITICISED", "object": "Commissioner of the Metropolitan Police"}])
F(d, "Ken Livingstone", P, "CRITICISED", "Brian Paddick", P,
  "criticism levelled at him by Mr Livingstone for not informing the Commissioner himself")

# ---------------------------------------------------------------- f19_04 Transport Committee letter, 1 June 2009
d = "f19_04"
F(d, "London Assembly Transport Committee", O, "ASKED", "Ian Brown", P,
  "The Chair of the London Assembly Transport Committee wrote, 1 june 2009, to Ian Brown, Managing Director of London Rail at TfL, to request information about the withdrawal of plans for a Victoria to Bellingham train service from 2012.",
  date="2009-06-01", about="withdrawal of the Victoria to Bellingham train service",
  alts=[{"subject": "Chair of the London Assembly Transport Committee", "predicate": "ASKED", "object": "Ian Brown"},
        {"predicate": "ASKED", "object": "Transport for London"}])
F(d, "Ian Brown", P, "HOLDS_OFFICE", "Managing Director of London Rail", PO,
  "Ian Brown, Managing Director of London Rail at TfL",
  alts=[{"predicate": "MEMBER_OF", "object": "Transport for London"}])
F(d, "London Assembly Transport Committee", O, "WELCOMED", "East London Line extension", PR,
  "Members of the Transport Committee have expressed cross-party support for the extension to the East London Line.")
F(d, "Department for Transport", O, "FUNDS", "East London Line extension", PR,
  "your decision that it was a better use of DfT funding than the anticipated Victoria to Bellingham service",
  alts=[{"predicate": "FUNDS", "object": "Transport for London"}])

# ---------------------------------------------------------------- f19_05 MayorWatch, 2011
d = "f19_05"
Q5 = "Boris Johnson faced a co-ordinated attempt to portray him as the man who “misled Londoners” as Labour, Green and Liberal Democrat members of the London Assembly joined forces"
for grp, alt in (("Labour Group", None), ("Green Party Group", "City Hall Greens"), ("Liberal Democrats", None)):
    alts = [{"subject": "London Assembly", "predicate": "CRITICISED", "object": "Boris Johnson"}]
    if alt:
        alts.append({"subject": alt, "predicate": "CRITICISED", "object": "Boris Johnson"})
    F(d, grp, O, "CRITICISED", "Boris Johnson", P, Q5, date="2011", alts=alts)
F(d, "Mike Tuffrey", P, "CRITICISED", "Boris Johnson", P,
  "criticism from Liberal Democrat Mike Tuffrey that he would fail to build 50,000 new homes", date="2011",
  alts=[{"predicate": "ASKED", "object": "Boris Johnson"}, {"predicate": "CRITICISED", "object": ML}])
F(d, "Mike Tuffrey", P, "MEMBER_OF", "Liberal Democrats", O, "Liberal Democrat Mike Tuffrey")
F(d, "Boris Johnson", P, "REPLIED_TO", "Mike Tuffrey", P,
  "the Mayor insisted he’d conceded this issue “two years ago” and said the recession had made it impossible to meet the target",
  date="2011", about="50,000 new homes",
  alts=[{"subject": ML, "predicate": "REPLIED_TO", "object": "Mike Tuffrey"}])
F(d, "Boris Johnson", P, "COMMITTED_TO", "50,000 new homes", PR,
  "he would fail to build 50,000 new homes by 20111",
  alts=[{"subject": ML, "predicate": "COMMITTED_TO", "object": "50,000 new homes"}])
F(d, "Nicky Gavron", P, "CRITICISED", "Boris Johnson", P,
  "figures presented by Labour AM Nicky Gavron which she said proved the Mayor would complete less homes during his term than predecessor Ken Livingstone",
  date="2011", alts=[{"predicate": "CRITICISED", "object": ML}])
F(d, "Nicky Gavron", P, "MEMBER_OF", "Labour Group", O, "Labour AM Nicky Gavron")
F(d, "Boris Johnson", P, "REPLIED_TO", "Nicky Gavron", P,
  "The Mayor also questioned central Government figures presented by Labour AM Nicky Gavron",
  date="2011", about="homes completed during the Mayor's term",
  alts=[{"predicate": "CRITICISED", "object": "Nicky Gavron"}, {"subject": ML, "predicate": "REPLIED_TO", "object": "Nicky Gavron"}])
F(d, "David Brown", P, "MEMBER_OF", "Transport for London", O, "TfL’s David Brown")

# ---------------------------------------------------------------- f19_06 BBC, 11 Feb 2013
d = "f19_06"
F(d, "London Fire and Emergency Planning Authority", O, "CRITICISED", "Boris Johnson", P,
  "The London Fire Authority has voted not to comply with Boris Johnson's order for a public consultation on plans to close 12 fire stations.",
  date="2013-02-11",
  alts=[{"predicate": "CRITICISED", "object": "plans to close 12 fire stations"}])
F(d, "London Fire and Emergency Planning Authority", O, "CRITICISED", "plans to close 12 fire stations", PR,
  "the authority said it could not do this as it did not support the plans which are aimed at saving £45m with a loss of 520 jobs",
  date="2013-02-11", alts=[{"predicate": "CRITICISED", "object": "Boris Johnson"}])
F(d, "Boris Johnson", P, "ASKED", "London Fire and Emergency Planning Authority", O,
  "the mayor's unprecedented step of directing the authority to hold the consultation",
  date="2013", about="public consultation on plans to close 12 fire stations",
  alts=[{"subject": ML, "predicate": "ASKED", "object": "London Fire and Emergency Planning Authority"},
        {"predicate": "OVERSEES", "object": "London Fire and Emergency Planning Authority"}])
F(d, "Boris Johnson", P, "OVERSEES", "London Fire and Emergency Planning Authority", O,
  "Mr Johnson took the unprecedented step of directing it to move towards a consultation on cost-cutting measures",
  alts=[{"subject": ML, "predicate": "OVERSEES", "object": "London Fire and Emergency Planning Authority"}])
F(d, "Boris Johnson", P, "SAID", None, None,
  "He said London Fire Brigade crews attended half as many fires as a decade ago, while fire deaths were down by a third.",
  text="London Fire Brigade crews attended half as many fires as a decade ago")
F(d, "Navin Shah", P, "HOLDS_OFFICE", "Labour London Assembly fire spokesman", PO,
  "Labour's London Assembly fire spokesman Navin Shah",
  alts=[{"predicate": "MEMBER_OF", "object": "Labour Group"}])
F(d, "Navin Shah", P, "MEMBER_OF", "Labour Group", O, "Labour's London Assembly fire spokesman Navin Shah",
  alts=[{"predicate": "MEMBER_OF", "object": "London Assembly"}])
F(d, "Navin Shah", P, "ASKED", "Boris Johnson", P, "Navin Shah urged Mr Johnson to think again",
  date="2013-02-11", about="closure of 12 fire stations",
  alts=[{"predicate": "ASKED", "object": ML}])
F(d, "Navin Shah", P, "CRITICISED", "Boris Johnson", P,
  "By axing 12 fire stations and 18 fire engines Boris is jeopardising the safety and security of Londoners.",
  date="2013-02-11", alts=[{"predicate": "CRITICISED", "object": "plans to close 12 fire stations"}])
F(d, "Navin Shah", P, "SAID", None, None,
  "\"Boris has a clear choice - he can either cut council tax by 7p a week, or he can freeze it and use the money to keep our fire stations open,\" he said.",
  text="Boris has a clear choice - he can either cut council tax by 7p a week, or he can freeze it and use the money to keep our fire stations open")

# ---------------------------------------------------------------- f19_07 Darren Johnson AM letter, 25 Nov 2015
d = "f19_07"
F(d, "Darren Johnson", P, "MEMBER_OF", "Green Party Group", O,
  "Green Party Group City Hall The Queen’s Walk SE1 2AA Darren Johnson AM",
  alts=[{"predicate": "MEMBER_OF", "object": "City Hall Greens"}])
F(d, "Darren Johnson", P, "MEMBER_OF", "London Assembly", O, "As a member of the London Assembly")
F(d, "Darren Johnson", P, "REPLIED_TO", "Transport for London", O,
  "As a member of the London Assembly I am writing to formally respond to ’s (TfL) consultation on the proposed new road river crossing",
  date="2015-11-25", about="Silvertown Tunnel consultation")
F(d, "Darren Johnson", P, "CRITICISED", "Silvertown Tunnel", PR,
  "TfL’s entire case for the Silvertown Tunnel is based on flawed assumptions.", date="2015-11-25",
  alts=[{"predicate": "CRITICISED", "object": "Transport for London"}])
F(d, "Darren Johnson", P, "CRITICISED", "Transport for London", O,
  "TfL’s model assumes that people will idly sit in traffic jams", date="2015-11-25",
  alts=[{"predicate": "CRITICISED", "object": "Silvertown Tunnel"}])
F(d, "Transport for London", O, "LEADS", "Silvertown Tunnel", PR,
  "our intention to apply for consent to build and operate the Silvertown Tunnel scheme",
  alts=[{"predicate": "COMMITTED_TO", "object": "Silvertown Tunnel"}])

# ---------------------------------------------------------------- f19_08 TfL Board minutes, 22 Sep 2016
d = "f19_08"
F(d, "Sadiq Khan", P, "CHAIRS", "Transport for London", O, "Members Sadiq Khan (Chair)",
  alts=[{"predicate": "CHAIRS", "object": "Transport for London Board"},
        {"predicate": "HOLDS_OFFICE", "object": "Chair of Transport for London"}])
F(d, "Valerie Shawcross", P, "HOLDS_OFFICE", "Deputy Chair of Transport for London", PO, "Val Shawcross CBE (Deputy Chair)",
  alts=[{"predicate": "MEMBER_OF", "object": "Transport for London Board"}, {"predicate": "MEMBER_OF", "object": "Transport for London"}])
for name, q in (("Tanni Grey-Thompson", "Baroness Grey-Thompson DBE"), ("Michael Liebreich", "Michael Liebreich"),
                ("Alice Maynard", "Dr Alice Maynard CBE"), ("Mee Ling Ng", "Dr Mee Ling Ng OBE"),
                ("Nelson Ogunshakin", "Dr Nelson Ogunshakin OBE"), ("Nina Skorupska", "Dr Nina Skorupska CBE"),
                ("Lynn Sloman", "Dr Lynn Sloman"), ("Ben Story", "Ben Story")):
    F(d, name, P, "MEMBER_OF", "Transport for London Board", O, q,
      alts=[{"predicate": "MEMBER_OF", "object": "Transport for London"}])
F(d, "Mike Brown", P, "HOLDS_OFFICE", "Commissioner of Transport for London", PO, "Mike Brown MVO Commissioner",
  alts=[{"predicate": "LEADS", "object": "Transport for London"}])
F(d, "Terry Morgan", P, "HOLDS_OFFICE", "Chairman of Crossrail Limited", PO, "Sir Terry Morgan, Chairman of Crossrail Limited",
  alts=[{"predicate": "CHAIRS", "object": "Crossrail Limited"}])
F(d, "Bob Kiley", P, "HOLDS_OFFICE", "Commissioner of Transport for London", PO,
  "Robert Raymond “Bob” Kiley – Transport Commissioner 2000-2006")

# ---------------------------------------------------------------- f19_09 Evening Standard, 25 Jan 2017
d = "f19_09"
F(d, "Sadiq Khan", P, "HOLDS_OFFICE", ML, PO, "Mayor Sadiq Khan")
F(d, "Sadiq Khan", P, "ASKED", "London MPs", O,
  "In a letter to London MPs and council leaders, the Mayor asked for their support in making sure that the capital gets it fair share of police funding under a new formula.",
  date="2017-01-25", about="London's fair share of police funding",
  alts=[{"subject": ML, "predicate": "ASKED", "object": "London MPs"}])
F(d, "Sadiq Khan", P, "ASKED", "London boroughs", O,
  "In a letter to London MPs and council leaders, the Mayor asked for their support in making sure that the capital gets it fair share of police funding under a new formula.",
  date="2017-01-25", about="London's fair share of police funding",
  alts=[{"subject": ML, "predicate": "ASKED", "object": "London boroughs"}])
F(d, "Sadiq Khan", P, "CRITICISED", "UK Government", O,
  "Sadiq Khan today claimed that Londoners’ safety was being put at risk by £170 million Government underfunding of duties like royal protection and policing of major events.",
  date="2017-01-25", alts=[{"predicate": "CRITICISED", "object": "Home Office"}])
F(d, "Sadiq Khan", P, "CRITICISED", "Police Funding Formula", PR,
  "Mr Khan warned going ahead with the plans would have a “devastating” impact", date="2017-01-25",
  alts=[{"predicate": "CRITICISED", "object": "Home Office"}])
F(d, "Sadiq Khan", P, "SAID", None, None,
  "“I am deeply concerned that the combination of the Government’s refusal to fully fund the NICC, along with changes to the police funding formula, could undermine public safety in the capital,” he wrote.",
  text="I am deeply concerned that the combination of the Government’s refusal to fully fund the NICC, along with changes to the police funding formula, could undermine public safety in the capital")
F(d, "Sophie Linden", P, "HOLDS_OFFICE", "Deputy Mayor for Policing and Crime", PO, "his deputy mayor, Sophie Linden",
  alts=[{"predicate": "HOLDS_OFFICE", "object": "Deputy Mayor of London"}])
F(d, "Sophie Linden", P, "SAID", None, None,
  "She said: “The bottom line is how do we keep Londoners safe and we are extremely worried”.",
  text="The bottom line is how do we keep Londoners safe and we are extremely worried")
F(d, "Sophie Linden", P, "CRITICISED", "UK Government", O,
  "The Met is carrying out policing and not being paid for the policing they do as a capital city.",
  date="2017-01-25")
F(d, "UK Government", O, "FUNDS", "Metropolitan Police Service", O,
  "the Met receives just £174 million for its extra responsibilities", amount=174000000,
  alts=[{"subject": "Home Office", "predicate": "FUNDS", "object": "Metropolitan Police Service"}])
F(d, "Home Office", O, "REVIEWS", "Police Funding Formula", PR,
  "The Home Office is consulting on plans to change how the police budget is divided between forces across the country",
  alts=[{"predicate": "LEADS", "object": "Police Funding Formula"}])
F(d, "Bernard Hogan-Howe", P, "HOLDS_OFFICE", "Commissioner of the Metropolitan Police", PO, "Commissioner Sir Bernard Hogan-Howe")
F(d, "Bernard Hogan-Howe", P, "CRITICISED", "Police Funding Formula", PR,
  "as Commissioner Sir Bernard Hogan-Howe also claimed last week", date="2017-01",
  alts=[{"predicate": "CRITICISED", "object": "Home Office"}])

# ---------------------------------------------------------------- f19_10 Andrew Dismore AM press release, 21 June 2018
d = "f19_10"
F(d, "Andrew Dismore", P, "ASKED", "Sadiq Khan", P,
  "have you discussed the needs of the Met with him; and has he given you any assurances about extra funding for the Met?",
  date="2018-06-21", about="the Home Secretary and Police funding",
  alts=[{"predicate": "ASKED", "object": ML}])
F(d, "Andrew Dismore", P, "MEMBER_OF", "Labour Group", O, "Andrew Dismore AM, Labour London Assembly Member")
F(d, "Andrew Dismore", P, "HOLDS_OFFICE", "London Assembly Member for Barnet and Camden", PO,
  "Labour London Assembly Member for Barnet and Camden",
  alts=[{"predicate": "MEMBER_OF", "object": "London Assembly"}])
F(d, "Sajid Javid", P, "HOLDS_OFFICE", "Home Secretary", PO, "Home Secretary Sajid Javid MP")
F(d, "Sajid Javid", P, "COMMITTED_TO", "prioritise police funding in the Spending Review", PR,
  "So, my pledge to you is this: I will prioritise police funding in the Spending Review next year")
F(d, "Sajid Javid", P, "SAID", None, None,
  "I recognise that we need to prioritise public investment in policing",
  text="I recognise that we need to prioritise public investment in policing")
F(d, "Andrew Dismore", P, "WELCOMED", "Sajid Javid", P,
  "That is a welcome change from his predecessor Theresa May",
  alts=[{"predicate": "WELCOMED", "object": "prioritise police funding in the Spending Review"}])
F(d, "Theresa May", P, "CRITICISED", "Police Federation", O,
  "Theresa May, who told the Police Federation to ‘stop crying wolf over police cuts.’")
F(d, "Andrew Dismore", P, "CRITICISED", "UK Government", O,
  "We have seen the Government’s smoke and mirrors with this year’s police settlement", date="2018-06-21",
  alts=[{"predicate": "CRITICISED", "object": "Conservatives"}])
F(d, "UK Government", O, "REVIEWS", "Police Funding Formula", PR,
  "The Government has also announced that they will be looking at the Police Funding Formula in the 2019 Spending Review.",
  alts=[{"predicate": "COMMITTED_TO", "object": "Police Funding Formula"}])

# ---------------------------------------------------------------- f19_11 Traffex (trade press), June 2021
d = "f19_11"
F(d, "UK Government", O, "FUNDS", "Transport for London", O,
  "The Government and London mayor Sadiq Khan have agreed a new £1.08bn funding package to take Transport for London (TfL) through to December",
  date="2021-06", amount=1080000000,
  alts=[{"subject": "Department for Transport", "predicate": "FUNDS", "object": "Transport for London"}])
F(d, "Sadiq Khan", P, "HOLDS_OFFICE", ML, PO, "London mayor Sadiq Khan")
F(d, "UK Government", O, "FUNDS", "Transport for London", O,
  "the bailout deal takes total government support to TfL since March 2020 to over £4bn", amount=4000000000,
  alts=[{"subject": "Department for Transport", "predicate": "FUNDS", "object": "Transport for London"}])
F(d, "UK Government", O, "ASKED", "Sadiq Khan", P,
  "ministers have insisted on reforms and savings that Mr Khan has said are unlikely to be deliverable",
  date="2021-06", about="reforms and savings required by the TfL funding deal",
  alts=[{"predicate": "ASKED", "object": "Transport for London"}, {"predicate": "ASKED", "object": ML}])
F(d, "Sadiq Khan", P, "CRITICISED", "UK Government", O,
  "reforms and savings that Mr Khan has said are unlikely to be deliverable", date="2021-06",
  alts=[{"predicate": "CRITICISED", "object": "Department for Transport"}])
for obj, q, amt in (
        ("£300m of savings or new income sources", "deliver £300m of savings or new income sources in 2021 to 2022", 300000000),
        ("new sources of revenue for TfL", "identify new or increased sources of revenue for TfL of between £0.5bn to £1bn each year from 2023", [500000000, 1000000000]),
        ("accelerated TfL modernisation programme", "prepare a plan to accelerate TfL’s existing modernisation programme of £730m by April 2023", 730000000),
        ("review of TfL's pensions scheme", "review TfL’s pensions scheme", None),
        ("revised medium-term capital investment programme", "prepare a revised medium-term capital investment programme", None),
        ("joint review of demand on London's transport network", "carry out a joint review with government of demand on London’s transport network", None)):
    F(d, "Sadiq Khan", P, "COMMITTED_TO", obj, PR, q, date="2021-06", amount=amt,
      alts=[{"subject": ML, "predicate": "COMMITTED_TO", "object": obj},
            {"subject": "Transport for London", "predicate": "COMMITTED_TO", "object": obj}])
F(d, "Sadiq Khan", P, "COMMITTED_TO", "Healthy Streets", PR,
  "set aside at least £100m to continue the delivery of healthy streets and active travel programmes",
  date="2021-06", amount=100000000,
  alts=[{"predicate": "FUNDS", "object": "Healthy Streets"}, {"subject": "Transport for London", "predicate": "FUNDS", "object": "Healthy Streets"},
        {"subject": "Transport for London", "predicate": "COMMITTED_TO", "object": "Healthy Streets"}])
F(d, "Transport for London", O, "COMMITTED_TO", "automatic train operation on the London Underground", PR,
  "TfL will ‘work collaboratively with DfT on a joint programme for implementing higher levels of automatic train operation on the London Underground’",
  alts=[{"predicate": "PARTNERS_WITH", "object": "Department for Transport"}])
F(d, "Department for Transport", O, "COMMITTED_TO", "Hammersmith Bridge restoration", PR,
  "The DfT said it expects to draw up a memorandum of understanding with TfL and the London Borough of Hammersmith and Fulham to fund the re-opening of Hammersmith Bridge",
  alts=[{"predicate": "FUNDS", "object": "Hammersmith Bridge restoration"},
        {"subject": "UK Government", "predicate": "FUNDS", "object": "Hammersmith Bridge restoration"},
        {"predicate": "PARTNERS_WITH", "object": "London Borough of Hammersmith and Fulham"}])
F(d, "London Borough of Hammersmith and Fulham", O, "LEADS", "Hammersmith Bridge restoration", PR,
  "costs ‘are to be led by the London Borough of Hammersmith and Fulham and TfL",
  alts=[{"subject": "Transport for London", "predicate": "LEADS", "object": "Hammersmith Bridge restoration"}])

# ---------------------------------------------------------------- f19_12 Harrow Times (LDRS), Feb 2022
d = "f19_12"
F(d, "Stephen House", P, "HOLDS_OFFICE", "Deputy Commissioner of the Metropolitan Police", PO,
  "The Met’s Deputy Commissioner Sir Stephen House")
F(d, "Stephen House", P, "CRITICISED", "Sadiq Khan", P,
  "launched a scathing attack on Mayor of London Sadiq Khan over the way Cressida Dick’s resignation was handled",
  date="2022-02", alts=[{"predicate": "CRITICISED", "object": ML}])
F(d, "Sadiq Khan", P, "HOLDS_OFFICE", ML, PO, "Mayor of London Sadiq Khan")
F(d, "Cressida Dick", P, "HOLDS_OFFICE", "Commissioner of the Metropolitan Police", PO,
  "Cressida Dick’s resignation as Commissioner of the Metropolitan Police")
F(d, "Sadiq Khan", P, "CRITICISED", "Stephen House", P,
  "a spokesperson for the Mayor of London hit back, describing the Deputy Commissioner’s claim as “entirely incorrect”",
  date="2022-02",
  alts=[{"subject": ML, "predicate": "CRITICISED", "object": "Stephen House"},
        {"subject": "Greater London Authority", "predicate": "CRITICISED", "object": "Stephen House"}])
F(d, "Sadiq Khan", P, "SAID", None, None,
  "“The mayor is democratically elected by millions of Londoners and it is his job to hold the police to account – and he will continue to do so.”",
  text="it is his job to hold the police to account",
  alts=[{"subject": ML, "predicate": "SAID"}, {"subject": "Greater London Authority", "predicate": "SAID"}])
F(d, "Sadiq Khan", P, "OVERSEES", "Metropolitan Police Service", O,
  "it is his job to hold the police to account",
  alts=[{"subject": ML, "predicate": "OVERSEES", "object": "Metropolitan Police Service"}])
F(d, "Boris Johnson", P, "HOLDS_OFFICE", ML, PO, "then-mayor Boris Johnson")
F(d, "Ian Blair", P, "HOLDS_OFFICE", "Commissioner of the Metropolitan Police", PO, "Ian Blair resigned as Commissioner in 2008")
F(d, "Sophie Linden", P, "HOLDS_OFFICE", "Deputy Mayor for Policing and Crime", PO,
  "London’s Deputy Mayor for Policing Sophie Linden")
F(d, "Sophie Linden", P, "CRITICISED", "Cressida Dick", P,
  "the plan presented to the mayor by Cressida Dick outlining how she would restore confidence in the Met lacked “sufficient acceptance of the nature and severity of the problem”",
  date="2022-02")
F(d, "Stephen House", P, "CRITICISED", "Greater London Authority", O,
  "he and the Commissioner were met with a “stone wall of silence” by the mayor’s office",
  date="2022-02", alts=[{"predicate": "CRITICISED", "object": "Sadiq Khan"}, {"predicate": "CRITICISED", "object": ML}])

# ---------------------------------------------------------------- f19_13 OnLondon, June 2022 (Mayor's letter to Shapps)
d = "f19_13"
F(d, "Sadiq Khan", P, "ASKED", "Grant Shapps", P,
  "Sadiq Khan has told transport secretary Grant Shapps it is “absolutely imperative” that they and Transport for London representatives meet in person",
  date="2022-06-09", about="meeting on long-term TfL funding",
  alts=[{"predicate": "ASKED", "object": "Secretary of State for Transport"}])
F(d, "Grant Shapps", P, "HOLDS_OFFICE", "Secretary of State for Transport", PO, "transport secretary Grant Shapps")
F(d, "Sadiq Khan", P, "CRITICISED", "UK Government", O,
  "the Mayor blames government conditions attached to the current short-term funding support settlement for TfL",
  date="2022-06-09", alts=[{"subject": ML, "predicate": "CRITICISED", "object": "UK Government"}])
F(d, "Sadiq Khan", P, "CRITICISED", "Grant Shapps", P,
  "Khan complains to Shapps that “despite this looming deadline, I have yet to hear from you directly”",
  date="2022-06-09")
F(d, "Sadiq Khan", P, "SAID", None, None,
  "“despite this looming deadline, I have yet to hear from you directly”",
  text="despite this looming deadline, I have yet to hear from you directly")
F(d, "Sadiq Khan", P, "CRITICISED", "Department for Transport", O,
  "“you should be aware that 20 meetings with TfL have been cancelled by the DfT [Department for Transport] and/or Treasury since the last funding deal was agreed”",
  date="2022-06-09", alts=[{"predicate": "CRITICISED", "object": "HM Treasury"}])
F(d, "UK Government", O, "FUNDS", "Transport for London", O,
  "the current short-term funding support settlement for TfL",
  alts=[{"subject": "Department for Transport", "predicate": "FUNDS", "object": "Transport for London"}])
F(d, "Sadiq Khan", P, "CRITICISED", "Boris Johnson", P,
  "Khan accusing Boris Johnson of forcing TfL “to cut 21 routes”", date="2022-06")
F(d, "UK Government", O, "CRITICISED", "Sadiq Khan", P,
  "prompting government sources to accuse the Mayor of “artificially creating” this scenario",
  date="2022-06", alts=[{"predicate": "CRITICISED", "object": ML}])


# ---------------------------------------------------------------- checks
def main():
    tables = {}
    for t in TABLES:
        if Path(t).exists():
            tables.update(json.loads(Path(t).read_text()))
    texts = {p.name: p.read_text() for p in DOCS.iterdir()}
    errors = []
    for g in G:
        doc = texts[g["doc"]]
        if g["quote"] not in doc:
            errors.append(f"quote not verbatim: {g['doc']}: {g['quote'][:70]!r}")
        if g["predicate"] in ("ASKED", "REPLIED_TO") and not g["about"]:
            errors.append(f"no about: {g}")
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
    out = HERE / "gold.jsonl"
    out.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in G))
    from collections import Counter
    print(len(G), "facts;", dict(sorted(Counter(g["predicate"] for g in G).items())))
    print(dict(sorted(Counter(g["doc"][:6] for g in G).items())))
    for e in sorted(set(errors)):
        print("ERROR", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
