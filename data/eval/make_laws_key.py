#!/usr/bin/env python3
"""Builds laws-key.jsonl from the reading decisions below.

Each row of NAMES is a way the corpus writes a law, as a regular expression, with what the
law is, its kind and the knowledge-base entry it should map to (None when no entry exists).
Every match in every article is a keyed mention, except the places listed in SKIP (article
id prefix and code-point start), which a reader judged to be no law (a book title, an agency's
name, a state constitution named generically ...). ARTICLE_ONLY limits a row to the articles it
was read in. The decisions were made by reading every candidate sentence that
laws_candidates.py lists (see reading-laws.md); this file only writes them down.

    python3 data/eval/make_laws_key.py ../shared/corpus/polnear-train.jsonl data/eval/laws-key.jsonl
"""
import json
import re
import sys

ACA = ("Affordable Care Act (US, 2010)", "law", "us/pl/111-148")
SECOND = ("Second Amendment to the US Constitution", "provision", "us/provision/second-amendment")
CONSTITUTION = ("Constitution of the United States", "law", "us/provision/constitution")
TPP = ("Trans-Pacific Partnership (trade agreement signed 2016, never in force for the US)", "treaty",
       "intl/treaty/tpp")
NAFTA = ("North American Free Trade Agreement (1994)", "treaty", "intl/treaty/nafta")
JCPOA = ("Joint Comprehensive Plan of Action, the Iran nuclear deal (2015)", "treaty", "intl/treaty/jcpoa")
FOIA = ("Freedom of Information Act (US, 1966)", "law", "us/pl/89-487")
FARA = ("Foreign Agents Registration Act (US, 1938)", "law", "us/law/foreign-agents-registration-act")
NCLB = ("No Child Left Behind Act of 2001 (US)", "law", "us/pl/107-110")
NDAA16 = ("National Defense Authorization Act for Fiscal Year 2016 (US)", "law", "us/pl/114-92")
NC_HB2 = ("North Carolina's Public Facilities Privacy and Security Act, House Bill 2 (2016)", "law",
          "us-nc/law/public-facilities-privacy-and-security-act")
MS_HB1523 = ("Mississippi's Protecting Freedom of Conscience from Government Discrimination Act, "
             "House Bill 1523 (2016)", "law", "us-ms/law/hb-1523-2016")

# (regex, (is, kind, entry), article-id prefix the row is limited to or None)
NAMES = [
    (r"Affordable Care Act", ACA, None),
    (r"\bACA\b", ACA, None),
    (r"\bObamacare\b", ACA, None),
    (r"\bGlass[- ]Steagall(?: Act)?", ("Glass-Steagall, the bank-separation provisions of the Banking Act of 1933 (US)",
                                    "provision", "us/provision/glass-steagall"), None),
    (r"\bGramm-Leach-Bliley Act", ("Gramm-Leach-Bliley Act (US, 1999)", "law", "us/pl/106-102"), None),
    (r"\bDodd-Frank(?: Act)?", ("Dodd-Frank Wall Street Reform and Consumer Protection Act (US, 2010)", "law",
                                "us/pl/111-203"), None),
    (r"Patriot Act", ("USA PATRIOT Act (US, 2001)", "law", "us/pl/107-56"), None),
    (r"\bEspionage Act", ("Espionage Act of 1917 (US)", "law", "us/law/espionage-act"), None),
    (r"(?:U\.S\. )?Foreign Agents Registration Act", FARA, None),
    (r"\bFARA\b", FARA, None),
    (r"\bFreedom of Information Act", FOIA, None),
    (r"\bFOIA\b", FOIA, None),
    (r"\bSection 2 of the Voting Rights Act", ("Section 2 of the Voting Rights Act (US)", "provision",
                                               "us/provision/voting-rights-act-section-2"), None),
    (r"(?<!Section 2 of the )\bVoting Rights Act", ("Voting Rights Act of 1965 (US)", "law", "us/pl/89-110"), None),
    (r"(?:1964 )?Civil Rights Act", ("Civil Rights Act of 1964 (US)", "law", "us/pl/88-352"), None),
    (r"\bNo Child Left Behind\b", NCLB, None),
    (r"\bNCLB\b", NCLB, None),
    (r"Every Student Succeeds Act", ("Every Student Succeeds Act (US, 2015)", "law", "us/pl/114-95"), None),
    (r"\bHyde Amendment", ("Hyde Amendment (US appropriations rider on abortion funding)", "provision",
                           "us/provision/hyde-amendment"), None),
    (r"\bHelms Amendment", ("Helms Amendment (US foreign-aid abortion provision, 1973)", "provision",
                            "us/provision/helms-amendment"), None),
    (r"\bGlobal Gag Rule", ("Mexico City policy, the 'global gag rule' (US executive policy)", "regulation",
                            "us/regulation/mexico-city-policy"), None),
    (r"\bPain-Capable Unborn Child Protection Act", ("Pain-Capable Unborn Child Protection Act (US bill, passed "
                                                     "the House 2015, never enacted)", "bill",
                                                     "us/bill/115/hr36"), None),
    (r"\bPaycheck Fairness Act", ("Paycheck Fairness Act (US bill, never enacted)", "bill",
                                  "us/bill/117/hr7"), None),
    (r"\bEmployee Free Choice Act", ("Employee Free Choice Act (US bill, 2009, never enacted)", "bill",
                                     "us/bill/110/hr800"), None),
    (r"\bDream Act", ("DREAM Act (US bill, introduced repeatedly since 2001, never enacted)", "bill",
                      "us/bill/115/s1615"), None),
    (r"\bIran Sanctions Act", ("Iran Sanctions Act of 1996 (US)", "law", "us/pl/104-172"), None),
    (r"\bISA\b", ("Iran Sanctions Act of 1996 (US)", "law", "us/pl/104-172"), "wash-post_2016-07-16"),
    (r"\bCongressional Accountability Act", ("Congressional Accountability Act of 1995 (US)", "law", "us/pl/104-1"),
     None),
    (r"\bFederal Records Act", ("Federal Records Act of 1950 (US)", "law", "us/law/federal-records-act"), None),
    (r"\bPresidential Transitions Improvement Act", ("Presidential Transitions Improvement Act of 2015 (US, "
                                                     "signed 2016)", "law",
                                                     "us/law/presidential-transitions-improvement-act"), None),
    (r"(?:U\.S\. )?Refugee Act of 1980", ("Refugee Act of 1980 (US)", "law", "us/pl/96-212"), None),
    (r"Child Citizenship Act of 2000", ("Child Citizenship Act of 2000 (US)", "law", "us/pl/106-395"),
     None),
    (r"\bAdoptee Citizenship Act", ("Adoptee Citizenship Act (US bill, never enacted)", "bill",
                                    "us/bill/114/adoptee-citizenship-act"), None),
    (r"American Health Security Act of 2009", ("American Health Security Act of 2009 (US bill, "
                                                        "Sanders, never enacted)", "bill",
                                                        "us/bill/111/american-health-security-act"), None),
    (r"\bCollege for All Act", ("College for All Act (US bill, 2015, never enacted)", "bill",
                                "us/bill/114/college-for-all-act"), None),
    (r"\bNational Defense Authorization Act|\bNDAA\b", ("National Defense Authorization Act, the yearly US "
                                                        "defense policy law (here the one for fiscal year 2016)",
                                                        "law", "us/law/national-defense-authorization-act"),
     "politico_2016-02-23"),
    (r"\bSection 1032\b", ("Section 1032 of the National Defense Authorization Act for Fiscal Year 2016 (US)",
                           "provision", "us/pl/114-92"), "politico_2016-02-23"),
    (r"U\.S\. Code 18, Section 1001|\bSection 1001\b", ("18 U.S.C. 1001, false statements to federal "
                                                        "officials (US)", "provision", "us/usc/18-1001"), None),
    (r"\bTitle I\b", ("Title I of the Elementary and Secondary Education Act (US)", "provision",
                      "us/provision/title-i-esea"), "politico_2016-05-23"),
    (r"\bTitle V(?= Civil Service)", ("Title 5 of the United States Code, government employees (civil service)",
                                      "provision", "us/usc/title-5"), "wash-post_2016-03-30"),
    (r"\b(?:First|1st) Amendment", ("First Amendment to the US Constitution", "provision",
                                    "us/provision/first-amendment"), None),
    (r"\b(?:Second|2nd|second) [Aa]mendment", SECOND, None),
    (r"\bFifth Amendment", ("Fifth Amendment to the US Constitution", "provision", "us/provision/fifth-amendment"),
     None),
    (r"\b(?:Fourteenth|14th) Amendment", ("Fourteenth Amendment to the US Constitution", "provision",
                                          "us/provision/fourteenth-amendment"), None),
    (r"\bEqual Rights Amendment", ("Equal Rights Amendment (proposed US constitutional amendment, 1972, "
                                   "not ratified in time)", "bill", "us/provision/equal-rights-amendment"), None),
    (r"\bEqual Protection Clause", ("Equal Protection Clause of the Fourteenth Amendment (US)", "provision",
                                    "us/provision/fourteenth-amendment"), None),
    (r"\bBill of Rights", ("Bill of Rights (first ten amendments to the US Constitution, 1791)", "provision",
                           "us/provision/bill-of-rights"), None),
    (r"\bArticle II of the Constitution", ("Article II of the US Constitution (the executive)", "provision",
                                           "us/provision/article-ii"), None),
    (r"(?<!Article II of the )(?<!state )(?<!Japan’s )(?<!Massachusetts )(?:U\.S\. )?\bConstitution\b",
     CONSTITUTION, None),
    (r"\bMassachusetts Constitution of 1780", ("Constitution of Massachusetts (1780)", "law",
                                               "us-ma/law/massachusetts-constitution"), None),
    (r"\bJapan’s Constitution|\bJapan’s 1947 constitution|\bJapanese constitution",
     ("Constitution of Japan (1947)", "law", "jp/law/constitution-of-japan"), None),
    (r"\bBurma's constitution", ("Constitution of Myanmar (2008)", "law", "mm/law/constitution-2008"), None),
    (r"(?<=the )First(?= and 14th amendments)", ("First Amendment to the US Constitution", "provision",
                                                 "us/provision/first-amendment"), None),
    (r"(?<=the First and )14th amendments", ("Fourteenth Amendment to the US Constitution", "provision",
                                             "us/provision/fourteenth-amendment"), None),
    (r"Trans-Pacific Partnership", TPP, None),
    (r"\bTrans-Pacific trade deal", TPP, None),
    (r"\bTPP\b", TPP, None),
    (r"\bTransatlantic Trade and Investment Partnership", ("Transatlantic Trade and Investment Partnership "
                                                           "(EU-US trade agreement, negotiated 2013-2016, "
                                                           "never concluded)", "treaty", "intl/treaty/ttip"), None),
    (r"\bTTIP\b", ("Transatlantic Trade and Investment Partnership (EU-US trade agreement, never concluded)",
                   "treaty", "intl/treaty/ttip"), None),
    (r"North American Free Trade Agreement", NAFTA, None),
    (r"\bNAFTA\b|\bNafta\b", NAFTA, None),
    (r"\bPanama free-trade agreement", ("United States-Panama Trade Promotion Agreement (in force 2012)", "treaty",
                                        "intl/treaty/us-panama-trade-promotion-agreement"), None),
    (r"\bIran(?:ian)? (?:nuclear )?deal|\bIran agreement|\bJCPOA\b", JCPOA, None),
    (r"\bParis [Aa]greement|\bParis Climate Agreement", ("Paris Agreement on climate change (2015)", "treaty",
                                                         "intl/treaty/paris-agreement"), None),
    (r"Clean Power Plan", ("Clean Power Plan (EPA rule, 2015; stayed 2016, repealed 2019)",
                                                  "regulation", "us/regulation/clean-power-plan"), None),
    (r"\bEU-Turkey deal", ("EU-Turkey Statement on migrants (March 2016)", "treaty",
                           "intl/treaty/eu-turkey-statement"), None),
    (r"\bSykes-Picot Agreement", ("Sykes-Picot Agreement (UK-France, 1916)", "treaty",
                                  "intl/treaty/sykes-picot-agreement"), None),
    (r"\bTreaty of Versailles", ("Treaty of Versailles (1919)", "treaty", "intl/treaty/treaty-of-versailles"), None),
    (r"\bGeneva Convention", ("Geneva Conventions (1949)", "treaty", "intl/treaty/geneva-conventions"), None),
    (r"\b1951 Convention Relating to the Status of Refugees", ("Convention Relating to the Status of Refugees "
                                                              "(1951)", "treaty",
                                                              "intl/treaty/refugee-convention"), None),
    (r"\bArticle 33\b", ("Article 33 of the 1951 Refugee Convention (non-refoulement)", "provision",
                         "intl/provision/refugee-convention-article-33"), "huff-post_2016-03-10_refoulement"),
    (r"\b1967 Protocol Relating to the Status", ("Protocol Relating to the Status of Refugees (1967)", "treaty",
                                                 "intl/treaty/refugee-protocol-1967"), None),
    (r"\bArticle 3(?= of the 1984 Convention)", ("Article 3 of the UN Convention against Torture "
                                                 "(non-refoulement)", "provision",
                                                 "intl/provision/convention-against-torture-article-3"), None),
    (r"\b1984 Convention against Torture", ("UN Convention against Torture (1984)", "treaty",
                                            "intl/treaty/convention-against-torture"), None),
    (r"\bSchengen\b(?! area)", ("Schengen Agreement (1985) and the Schengen rules", "treaty",
                                "eu/treaty/schengen-agreement"), "huff-post_2016-03-21"),
    (r"\bDeferred Action for Childhood Arrivals\b|\bDACA\b", ("Deferred Action for Childhood Arrivals (US "
                                                              "executive policy, 2012)", "regulation",
                                                              "us/regulation/daca"), None),
    (r"\bDeferred Action for Parents of Americans and Lawful Permanent Residents\b|\bDAPA\b",
     ("Deferred Action for Parents of Americans and Lawful Permanent Residents (US executive policy, 2014, "
      "blocked in court, rescinded 2017)", "regulation", "us/regulation/dapa"), None),
    (r"\bRenewable Fuel Standard|\brenewable fuel standard|\bRFS\b", ("Renewable Fuel Standard (US EPA program "
                                                                      "under the Energy Policy Act of 2005)",
                                                                      "regulation",
                                                                      "us/regulation/renewable-fuel-standard"),
     "politico_2015-11-24"),
    (r"\bHB2\b|\bBathroom Bill\b", NC_HB2, None),
    (r"\bHB-2\b", ("Texas House Bill 2 (2013), abortion clinic restrictions", "law", "us-tx/law/hb-2-2013"), None),
    (r"\bHouse Bill 1523\b|\bHB 1523\b|Protecting Freedom of Conscience from Government Discrimination Act",
     MS_HB1523, None),
    (r"\bProposition 226\b", ("California Proposition 226 (1998 ballot measure on union political spending, "
                              "defeated)", "bill", "us-ca/bill/proposition-226-1998"), None),
    (r"\bGang of Eight(?:\"| )? bill|\bGang of Eight bill", ("Border Security, Economic Opportunity, and "
                                                             "Immigration Modernization Act, the 'Gang of "
                                                             "Eight' bill (S. 744, 2013, never enacted)", "bill",
                                                             "us/bill/113/s744"), None),
    (r"\b1994 crime bill", ("Violent Crime Control and Law Enforcement Act of 1994 (US), the 1994 crime bill",
                             "law", "us/pl/103-322"), None),
    (r"\b2013 immigration bill", ("Border Security, Economic Opportunity, and Immigration Modernization Act "
                                  "(S. 744, 2013, passed the Senate, never enacted)", "bill", "us/bill/113/s744"),
     None),
    (r"\b2007 immigration bill", ("Comprehensive Immigration Reform Act of 2007 (S. 1348, failed in the Senate)",
                                  "bill", "us/bill/110/comprehensive-immigration-reform-act-of-2007"), None),
    (r"\bTARP\b", ("Troubled Asset Relief Program, created by the Emergency Economic Stabilization Act of 2008 "
                    "(US), the bank bailout law", "law", "us/pl/110-343"), None),
    (r"\bBush tax cuts", ("the Bush tax cuts: the Economic Growth and Tax Relief Reconciliation Act of 2001 and "
                          "its 2003 sequel (US)", "law", "us/pl/107-16"), None),
    (r"\bfiscal cliff” deal", ("American Taxpayer Relief Act of 2012 (US), the 'fiscal cliff' deal", "law",
                               "us/pl/112-240"), None),
    (r"\bCadillac [Tt]ax", ("the 'Cadillac tax', the Affordable Care Act's excise tax on high-cost employer health "
                           "plans (26 U.S.C. 4980I; repealed 2019 before taking effect)", "provision",
                           "us/provision/cadillac-tax"), None),
    (r"\bmedical device tax", ("the Affordable Care Act's 2.3 percent excise tax on medical devices (26 U.S.C. "
                               "4191)", "provision", "us/provision/medical-device-tax"), None),
    (r"\bearned[- ]income tax credit", ("earned income tax credit (26 U.S.C. 32)", "provision", "us/usc/26-32"),
     None),
    (r"\bBrady bill", ("Brady Handgun Violence Prevention Act (US, 1993)", "law", "us/pl/103-159"), None),
]

# (article id prefix, start): matches a reader judged to be no law mention.
SKIP = {
    # "the Constitution" inside an agency's name (Germany's Federal Office for the Protection of the Constitution)
    ("nyt_2015-11-24_world-war-ii", 612),
    # book titles
    ("nyt_2016-03-04_republicans-have", 4300), ("nyt_2016-03-05_polls-suggest", 4472),
    # a building
    ("politico_2016-05-24_ken-starr", 584),
}
# (article id prefix, start): the same match read as another law.
OVERRIDE = {
    ("nyt_2015-11-24_world-war-ii", 671): ("Basic Law for the Federal Republic of Germany (1949), its "
                                           "constitution", "law", "de/law/basic-law"),
}


def main():
    corpus, out = sys.argv[1], sys.argv[2]
    rows = []
    total = 0
    for line in open(corpus, encoding="utf-8"):
        art = json.loads(line)
        text, aid = art["text"], art["id"]
        short = aid.split("/", 1)[1]
        found = []
        for pattern, (what, kind, entry), only in NAMES:
            if only and not short.startswith(only):
                continue
            for m in re.finditer(pattern, text):
                s, e = m.start(), m.end()
                if any(short.startswith(p) and s == st for p, st in SKIP):
                    continue
                if any(s < fe and fs < e for fs, fe, *_ in found):
                    continue  # an earlier, more specific row has it
                w, k, en = what, kind, entry
                for (p, st), val in OVERRIDE.items():
                    if short.startswith(p) and s == st:
                        w, k, en = val
                found.append((s, e, text[s:e], w, k, en))
        if found:
            found.sort()
            total += len(found)
            rows.append({"id": aid, "laws": [{"start": s, "end": e, "text": t, "is": w, "kind": k, "entry": en}
                                             for s, e, t, w, k, en in found]})
    with open(out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} articles, {total} mentions")


if __name__ == "__main__":
    main()
