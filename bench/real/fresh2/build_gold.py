"""Regenerate gold.jsonl for fresh2-gold and check that every quote / SAID text is a verbatim
substring of its document. Written blind (no extractor run). Run from this folder:
    python3 build_gold.py
"""
import json, os, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
F = {
 'fr01': 'fr01_mayors-report-spending-review-crossrail-2004.txt',
 'fr02': 'fr02_written-answers-policing-budget-jones-2006.txt',
 'fr03': 'fr03_police-crime-committee-mopac-qa-minutes-2012.txt',
 'fr04': 'fr04_md1327-london-partners-budget-2014.txt',
 'fr05': 'fr05_mayors-oral-update-johnson-last-mqt-2016.txt',
 'fr06': 'fr06_burkinis-kurten-transcript-2016.txt',
 'fr07': 'fr07_borough-streets-funding-11m-2018.txt',
 'fr08': 'fr08_transport-committee-new-tfl-commissioner-2020.txt',
 'fr09': 'fr09_mqt-supplementaries-may-2022.txt',
 'fr10': 'fr10_housing-committee-resident-voice-letter-2023.txt',
}
facts = []


def add(d, s, st, p, o, ot, quote, date=None, amount=None, about=None, text=None, alts=()):
    facts.append(dict(doc=F[d], subject=s, subject_type=st, predicate=p, object=o, object_type=ot,
                      date=date, amount_gbp=amount, quote=quote, about=about, text=text,
                      alternatives=list(alts)))


def mayor_obj(p):
    return {"predicate": p, "object": "Mayor of London"}


def mayor_subj(p, o):
    return {"subject": "Mayor of London", "predicate": p, "object": o}


KL, BJ, SK = 'Ken Livingstone', 'Boris Johnson', 'Sadiq Khan'
P, O, G, PR, POST, INQ = 'Person', 'Organization', 'Programme', 'Programme', 'Post', 'Inquiry'

# fr01 -- 44th Mayor's Report to the Assembly, 15 Sept 2004 (Livingstone writes "I")
SOS = 'Secretary of State for Transport'
add('fr01', SOS, POST, 'FUNDS', 'Transport for London', O,
    "the Secretary of State for Transport granting permission for TfL to borrow nearly £3 billion over the next five years",
    '2004-07-20', 3000000000,
    alts=[{"subject": "Alistair Darling", "predicate": "FUNDS", "object": "Transport for London"},
          {"subject": "UK Government", "predicate": "FUNDS", "object": "Transport for London"},
          {"predicate": "COMMITTED_TO", "object": "Transport for London"}])
add('fr01', 'Alistair Darling', P, 'HOLDS_OFFICE', SOS, POST,
    "Alistair Darling MP, the Secretary of State for Transport")
add('fr01', 'Alistair Darling', P, 'COMMITTED_TO', 'Crossrail', PR,
    "Alistair Darling MP, the Secretary of State for Transport will proceed with a Hybrid Bill for the construction of Crossrail",
    '2004',
    alts=[{"subject": SOS, "predicate": "COMMITTED_TO", "object": "Crossrail"},
          {"subject": "UK Government", "predicate": "COMMITTED_TO", "object": "Crossrail"}])
add('fr01', KL, P, 'WELCOMED', 'Crossrail', PR,
    "I also welcomed the announcement that Alistair Darling MP, the Secretary of State for Transport will proceed with a Hybrid Bill for the construction of Crossrail",
    '2004',
    alts=[{"predicate": "WELCOMED", "object": "Alistair Darling"}, mayor_subj('WELCOMED', 'Crossrail')])
add('fr01', KL, P, 'WELCOMED', 'UK Government', O,
    "the Government is to be congratulated in the strongest terms for having the courage to take this vital step for London",
    '2004-09-15', alts=[mayor_subj('WELCOMED', 'UK Government')])
add('fr01', SOS, POST, 'COMMITTED_TO', 'East London Line extension', PR,
    "the rebuilt and extended East London Line, which was also given the go-ahead in the Transport Secretary’s statement",
    '2004',
    alts=[{"subject": "Alistair Darling", "predicate": "COMMITTED_TO", "object": "East London Line extension"},
          {"subject": "UK Government", "predicate": "COMMITTED_TO", "object": "East London Line extension"}])

# fr02 -- Questions to the Mayor, written answers report, 25 Jan 2006 (Livingstone answers "my")
D = '2006-01-25'
add('fr02', 'Jenny Jones', P, 'ASKED', KL, P,
    "From next year’s MPA budget, can you provide the approximate allocations", D,
    about="Breakdown of Policing Budget", alts=[mayor_obj('ASKED')])
add('fr02', KL, P, 'REPLIED_TO', 'Jenny Jones', P,
    "A detailed service analysis of the MPS Budget for 2006/07 was included within my Consultation Budget", D,
    about="Breakdown of Policing Budget", alts=[mayor_subj('REPLIED_TO', 'Jenny Jones')])
add('fr02', 'Jenny Jones', P, 'ASKED', KL, P,
    "How much extra will be spent next year by the GLA Group on counter terrorism and security?", D,
    about="Spending on Counter Terrorism", alts=[mayor_obj('ASKED')])
add('fr02', KL, P, 'REPLIED_TO', 'Jenny Jones', P,
    "As at 23 January, unfortunately the Home Office have not yet confirmed the level of Counter Terrorism grant that the MPA/MPS will receive for 2006/07.", D,
    about="Spending on Counter Terrorism", alts=[mayor_subj('REPLIED_TO', 'Jenny Jones')])
add('fr02', 'Home Office', O, 'FUNDS', 'Metropolitan Police Authority', O,
    "the Home Office have not yet confirmed the level of Counter Terrorism grant that the MPA/MPS will receive for 2006/07",
    '2006', alts=[{"predicate": "FUNDS", "object": "Metropolitan Police Service"}])

# fr03 -- Police and Crime Committee minutes, Q&A with MOPAC and the Deputy Commissioner, 25 Oct 2012 (Johnson)
D = '2012-10-25'
PCC = 'London Assembly Police and Crime Committee'
MOPAC = "Mayor's Office for Policing and Crime"
QA = "Question and Answer session with the Mayor's Office for Policing and Crime and the Deputy Commissioner of Police of the Metropolis"
add('fr03', PCC, O, 'ASKED', 'Andrew Morley', P,
    "Note the answers given by the Interim Chief Executive of MOPAC and the Deputy Commissioner of Police of the Metropolis to the questions asked by Members.",
    D, about=QA,
    alts=[{"predicate": "ASKED", "object": MOPAC},
          {"predicate": "ASKED", "object": "Interim Chief Executive of MOPAC"},
          {"subject": "London Assembly", "predicate": "ASKED", "object": "Andrew Morley"}])
add('fr03', PCC, O, 'ASKED', 'Craig Mackey', P,
    "Note the answers given by the Interim Chief Executive of MOPAC and the Deputy Commissioner of Police of the Metropolis to the questions asked by Members.",
    D, about=QA,
    alts=[{"predicate": "ASKED", "object": "Metropolitan Police Service"},
          {"predicate": "ASKED", "object": "Deputy Commissioner of the Metropolitan Police"},
          {"subject": "London Assembly", "predicate": "ASKED", "object": "Craig Mackey"}])
add('fr03', 'Andrew Morley', P, 'HOLDS_OFFICE', 'Interim Chief Executive of MOPAC', POST,
    "Andrew Morley, Interim Chief Executive, Mayor’s Office for Policing and Crime",
    alts=[{"predicate": "MEMBER_OF", "object": MOPAC}, {"predicate": "LEADS", "object": MOPAC}])
add('fr03', 'Craig Mackey', P, 'HOLDS_OFFICE', 'Deputy Commissioner of the Metropolitan Police', POST,
    "Craig Mackay, Deputy Commissioner for the Metropolitan Police",
    alts=[{"predicate": "MEMBER_OF", "object": "Metropolitan Police Service"}])
add('fr03', 'Andrew Morley', P, 'COMMITTED_TO', 'write to the Police and Crime Committee', PR,
    "the Interim Chief Executive of the Mayor’s Office for Policing and Crime committed to write to the Committee",
    D,
    alts=[{"predicate": "COMMITTED_TO", "object": PCC},
          {"subject": "Interim Chief Executive of MOPAC", "predicate": "COMMITTED_TO", "object": "write to the Police and Crime Committee"},
          {"subject": "Interim Chief Executive of MOPAC", "predicate": "COMMITTED_TO", "object": PCC}])
add('fr03', PCC, O, 'ASKED', MOPAC, O,
    "the Committee were of the view that MOPAC should publicise all crime type data received from the MPS",
    D, about="publication of all crime type data received from the MPS",
    alts=[{"predicate": "CRITICISED", "object": MOPAC}])
add('fr03', MOPAC, O, 'LEADS', '20-20-20 Change Programme', PR,
    "the 7 ‘key targets’ they had set in their 20-20-20 Change Programme",
    alts=[{"predicate": "ESTABLISHED", "object": "20-20-20 Change Programme"}])
add('fr03', MOPAC, O, 'COMMITTED_TO', 'improving sanction detection rates from 2 in 10 to 3 in 10', PR,
    "MOPAC’s commitment to improving sanction detection rates from 2 in 10 to 3 in 10")
add('fr03', 'Refugee and Migrant Forum of East London', O, 'ASKED', BJ, P,
    "recent representations from the Refugee and Migrant Forum of East London relating to Operation Terminus",
    None, about="Operation Terminus", alts=[mayor_obj('ASKED')])
add('fr03', BJ, P, 'REPLIED_TO', 'Refugee and Migrant Forum of East London', O,
    "the Mayor’s response to recent representations from the Refugee and Migrant Forum of East London",
    None, about="Operation Terminus",
    alts=[mayor_subj('REPLIED_TO', 'Refugee and Migrant Forum of East London')])

# fr04 -- MD1327 London & Partners 2014/15 Business Plan and Budget, signed 27 March 2014 (Johnson)
LP = 'London & Partners'
add('fr04', BJ, P, 'HOLDS_OFFICE', 'Mayor of London', POST,
    "Boris Johnson MP (past staff), Mayor of London")
add('fr04', BJ, P, 'FUNDS', LP, O,
    "The Mayor has approved and signed a funding agreement (MD807) to provide grant funding to London & Partners over 4 years",
    None, None,
    alts=[mayor_subj('FUNDS', LP), {"subject": "Greater London Authority", "predicate": "FUNDS", "object": LP}])
add('fr04', 'Greater London Authority', O, 'OVERSEES', LP, O,
    "Each year’s grant funding is contingent on GLA approval of London & Partners’ annual business plan",
    alts=[{"subject": BJ, "predicate": "OVERSEES", "object": LP}, mayor_subj('OVERSEES', LP)])
add('fr04', 'Investment and Performance Board', O, 'REVIEWS', 'London & Partners 2014/15 Business Plan and Budget', PR,
    "The Investment and Performance Board meeting on 20 February 2014 approved in principle the London & Partners’ 2014/15 Business Plan and Budget of £18.8m",
    '2014-02-20',
    alts=[{"predicate": "REVIEWS", "object": LP}, {"predicate": "OVERSEES", "object": LP}])

# fr05 -- MQT 16 March 2016, Oral Update on the Report of the Mayor (Johnson's last MQT)
D = '2016-03-16'
OU = "Oral Update on the Report of the Mayor"
add('fr05', 'Jennette Arnold', P, 'ASKED', BJ, P,
    "The Mayor will now provide an oral update of up to five minutes in length", D, about=OU,
    alts=[mayor_obj('ASKED')])
add('fr05', 'Jennette Arnold', P, 'MEMBER_OF', 'Labour Group', O,
    "Jennette Arnold OBE\nLabour Group")
add('fr05', 'Jennette Arnold', P, 'CHAIRS', 'London Assembly', O,
    "Jennette Arnold OBE AM (Chair)",
    alts=[{"predicate": "HOLDS_OFFICE", "object": "Chair of the London Assembly"}])
add('fr05', BJ, P, 'REPLIED_TO', 'Jennette Arnold', P,
    "Since we last met, we have launched 11 new Housing Zones in 10 boroughs.", D, about=OU,
    alts=[mayor_subj('REPLIED_TO', 'Jennette Arnold')])
add('fr05', BJ, P, 'HOLDS_OFFICE', 'Mayor of London', POST, "Boris Johnson MP (Mayor of London)")
add('fr05', BJ, P, 'ESTABLISHED', 'Housing Zones', PR,
    "we have launched 11 new Housing Zones in 10 boroughs", D,
    alts=[{"predicate": "LEADS", "object": "Housing Zones"}, mayor_subj('ESTABLISHED', 'Housing Zones')])
add('fr05', BJ, P, 'COMMITTED_TO', '100,000 affordable homes', PR,
    "We are on target, as you know, to deliver 100,000 affordable homes.", D,
    alts=[mayor_subj('COMMITTED_TO', '100,000 affordable homes')])
add('fr05', BJ, P, 'FUNDS', 'tackling gang crime and domestic violence', PR,
    "We have invested another £345,000 into tackling gang crime and domestic violence", '2016', 345000,
    alts=[mayor_subj('FUNDS', 'tackling gang crime and domestic violence'),
          {"subject": "Greater London Authority", "predicate": "FUNDS", "object": "tackling gang crime and domestic violence"}])
add('fr05', BJ, P, 'FUNDS', 'grassroots sports and artificial pitches', PR,
    "We are also investing another £1.5 million in grassroots sports", '2016', 1500000,
    alts=[mayor_subj('FUNDS', 'grassroots sports and artificial pitches'),
          {"subject": "Greater London Authority", "predicate": "FUNDS", "object": "grassroots sports and artificial pitches"}])
add('fr05', 'Kate Hoey', P, 'HOLDS_OFFICE', "Mayor's Commissioner for Sport", POST,
    "Kate Hoey [Mayor’s Commissioner for Sport]")

# fr06 -- MQT 14 September 2016, Burkinis (oral question, transcript) (Khan)
D = '2016-09-14'
add('fr06', 'David Kurten', P, 'ASKED', SK, P,
    "Why did the Mayor of London get involved in a political row concerning permitted clothing on beaches in the south of France?",
    D, about="Burkinis", alts=[mayor_obj('ASKED')])
add('fr06', SK, P, 'REPLIED_TO', 'David Kurten', P,
    "The decision of some French towns to ban burkinis was an international news story", D, about="Burkinis",
    alts=[mayor_subj('REPLIED_TO', 'David Kurten')])
add('fr06', SK, P, 'HOLDS_OFFICE', 'Mayor of London', POST, "Sadiq Khan (Mayor of London)")
add('fr06', 'Anne Hidalgo', P, 'HOLDS_OFFICE', 'Mayor of Paris', POST, "the Mayor of Paris, Anne Hidalgo")
add('fr06', 'Laurence Rossignol', P, 'HOLDS_OFFICE', "Minister for Families, Children and Women's Rights (France)", POST,
    "Laurence Rossignol, the Socialist Minister for Families, Children and Women’s Rights in France")
add('fr06', 'Laurence Rossignol', P, 'SAID', None, None,
    "“The burkini is not some new line of swimwear; it is the beach version of the burqa and it has the same logic: hide women’s bodies in order to better control them.”",
    None, text="The burkini is not some new line of swimwear")
add('fr06', SK, P, 'CRITICISED', 'UK Independence Party', O,
    "I find it remarkable that the UK Independence Party (UKIP) should be suggesting following French policy on a variety of issues.",
    D, alts=[{"predicate": "CRITICISED", "object": "David Kurten"},
             mayor_subj('CRITICISED', 'UK Independence Party')])

# fr07 -- Mayoral press release, 14 Feb 2018 (Khan; only "the Mayor" in the kept text)
D = '2018-02-14'
TFL = 'Transport for London'
B = 'London boroughs'


def fund_alts(o):
    return [mayor_subj('FUNDS', o), {"subject": TFL, "predicate": "FUNDS", "object": o}]


add('fr07', SK, P, 'FUNDS', B, O,
    "an additional £11.6m will be available in this year’s budget to give to councils to fund improvements to their streets and local neighbourhoods",
    '2018', 11600000, alts=fund_alts(B))
add('fr07', SK, P, 'FUNDS', B, O,
    "In total an unprecedented £237m will now be given to London boroughs to spend on local projects this year overall.",
    '2018', 237000000, alts=fund_alts(B))
add('fr07', SK, P, 'FUNDS', B, O,
    "the Mayor has committed more than £1bn TfL funding for the boroughs up until 2022/23",
    None, 1000000000,
    alts=fund_alts(B) + [{"predicate": "COMMITTED_TO", "object": B}])
add('fr07', TFL, O, 'FUNDS', 'Liveable Neighbourhoods programme', PR,
    "the multi-million pound Liveable Neighbourhoods scheme specifically designed to enable more walking and cycling in every London borough. This will provide £114m",
    None, 114000000,
    alts=[{"subject": SK, "predicate": "FUNDS", "object": "Liveable Neighbourhoods programme"},
          mayor_subj('FUNDS', 'Liveable Neighbourhoods programme'),
          {"predicate": "FUNDS", "object": B}])
add('fr07', SK, P, 'LEADS', 'Healthy Streets', PR,
    "the Mayor's Healthy Streets vision",
    alts=[{"predicate": "ESTABLISHED", "object": "Healthy Streets"},
          {"predicate": "COMMITTED_TO", "object": "Healthy Streets"}, mayor_subj('LEADS', 'Healthy Streets')])

# fr08 -- Assembly press release (Transport Committee statement), 27 May 2020
D = '2020-05-27'
TC = 'London Assembly Transport Committee'
add('fr08', 'Alison Moore', P, 'CHAIRS', TC, O,
    "Dr Alison Moore AM, Chair of the London Assembly Transport Committee",
    alts=[{"predicate": "MEMBER_OF", "object": TC}])
add('fr08', 'Alison Moore', P, 'SAID', None, None,
    "“The Transport Committee warmly welcomes Andy Byford, as London’s new Transport Commissioner.",
    D, text="The Transport Committee warmly welcomes Andy Byford")
add('fr08', TC, O, 'WELCOMED', 'Andy Byford', P,
    "The Transport Committee warmly welcomes Andy Byford, as London’s new Transport Commissioner.",
    D, alts=[{"subject": "Alison Moore", "predicate": "WELCOMED", "object": "Andy Byford"}])
add('fr08', 'Andy Byford', P, 'HOLDS_OFFICE', 'Commissioner of Transport for London', POST,
    "Andy Byford as the new Transport Commissioner",
    alts=[{"predicate": "LEADS", "object": TFL}])
add('fr08', 'Mike Brown', P, 'OVERSEES', 'renovation of the Houses of Parliament', PR,
    "his new role overseeing the renovation of the Houses of Parliament",
    alts=[{"predicate": "LEADS", "object": "renovation of the Houses of Parliament"}])

# fr09 -- MQT 19 May 2022, supplementary question list (Khan)
D = '2022-05-19'
add('fr09', 'Emma Best', P, 'ASKED', SK, P,
    "will you look into that on‑the‑go junk food that is brought outside of the house", D,
    about="Assessing Mayoral Policies (Supplementary) [2]", alts=[mayor_obj('ASKED')])
add('fr09', 'Krupesh Hirani', P, 'ASKED', SK, P,
    "What are your views on the Government’s delay and what impact will it have on childhood obesity in London and across the country?",
    D, about="Assessing Mayoral Policies (Supplementary) [1]", alts=[mayor_obj('ASKED')])
add('fr09', 'Krupesh Hirani', P, 'CRITICISED', 'UK Government', O,
    "they have introduced delays into the junk food ban on television and also on buy one get one free deals in supermarkets",
    D)
add('fr09', 'Susan Hall', P, 'ASKED', SK, P,
    "Can you tell us whether you are going to be doing that on our recommendation or not", D,
    about="Action on the Building Safety Crisis (Supplementary) [2]", alts=[mayor_obj('ASKED')])
add('fr09', 'Susan Hall', P, 'CRITICISED', SK, P,
    "Nothing has happened with that and that would really assist here.", D,
    alts=[mayor_obj('CRITICISED')])
add('fr09', 'London Assembly', O, 'ASKED', SK, P,
    "the Assembly agreed that it thought it was a good idea that you brought in a London Safety Hub",
    None, about="London Safety Hub", alts=[mayor_obj('ASKED')])

# fr10 -- Housing Committee letter page (Resident Voice Letter), 2023 (Khan)
HC = 'London Assembly Housing Committee'
SHC = 'Social Housing Commissioner for London'
add('fr10', HC, O, 'ASKED', SK, P,
    "The Committee has today written to the Mayor urging him to seriously consider appointing a Social Housing Commissioner for London",
    '2023', about="appointing a Social Housing Commissioner for London", alts=[mayor_obj('ASKED')])
add('fr10', HC, O, 'ASKED', 'Greater London Authority', O,
    "The London Assembly Housing Committee is once again urging the Greater London Authority (GLA) to establish a Social Housing Commissioner for London",
    '2023', about="appointing a Social Housing Commissioner for London")
add('fr10', HC, O, 'REVIEWS', 'Housing Committee investigation into issues faced by housing tenants', INQ,
    "The Committee carried out an investigation in February 2023 into the issues faced by housing tenants",
    '2023-02', alts=[{"predicate": "LEADS", "object": "Housing Committee investigation into issues faced by housing tenants"}])
add('fr10', 'Tom Copley', P, 'HOLDS_OFFICE', 'Deputy Mayor for Housing and Residential Development', POST,
    "The Deputy Mayor for Housing, Tom Copley")
add('fr10', 'Tom Copley', P, 'CRITICISED', SHC, PR,
    "Tom Copley, provided evidence that a London Commissioner would not have the same impact as a national Commissioner",
    '2023')
add('fr10', 'Greater London Authority', O, 'LEADS', 'Affordable Homes Programme 2021-26', PR,
    "the GLA’s Affordable Homes Programme 2021-26",
    alts=[{"predicate": "FUNDS", "object": "Affordable Homes Programme 2021-26"}])

# ---- checks and output
bad = 0
for f in facts:
    t = open(os.path.join(HERE, 'docs', f['doc']), encoding='utf-8').read()
    for fld in ('quote', 'text'):
        if f[fld] and f[fld] not in t:
            print('NOT VERBATIM', f['doc'], fld, repr(f[fld][:70])); bad += 1
    if f['predicate'] == 'SAID' and not f['text']:
        print('SAID without text', f['doc']); bad += 1
    if f['predicate'] in ('ASKED', 'REPLIED_TO') and not f['about']:
        print('ASK without about', f['doc'], f['subject']); bad += 1
ents = json.load(open(os.path.join(HERE, 'entities.json'), encoding='utf-8'))
shared = {}
for p in ('/work/shared/eval/entities.json', '/work/shared/eval/real/entities.json',
          '/work/main/bench/real/blind/entities.json', '/work/main/bench/real/fresh/entities.json'):
    if os.path.exists(p):
        shared.update(json.load(open(p, encoding='utf-8')))
names = set()
for f in facts:
    names.add(f['subject']); names.add(f['object'])
    for a in f['alternatives']:
        names.add(a.get('subject')); names.add(a.get('object'))
missing = sorted(n for n in names if n and n not in ents and n not in shared)
if missing:
    print('NOT IN ANY entities.json:', missing); bad += len(missing)
with open(os.path.join(HERE, 'gold.jsonl'), 'w', encoding='utf-8') as out:
    for f in facts:
        out.write(json.dumps(f, ensure_ascii=False) + '\n')
print(len(facts), 'facts; problems', bad)
print(sorted(Counter(f['doc'][:4] for f in facts).items()))
print(sorted(Counter(f['predicate'] for f in facts).items()))
sys.exit(1 if bad else 0)
