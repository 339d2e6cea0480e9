//! The place and organisation gazetteers (`assets/gazetteer/`), matched with one
//! Aho-Corasick automaton over the text.
//!
//! Every name is matched as written and also without accents and with either
//! apostrophe, so `Etats-Unis` finds `États-Unis` and `Côte d'Ivoire` finds `Côte d’Ivoire`.
//! The automaton is built once, on first use.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::sync::LazyLock;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::contiguous;
use aho_corasick::{Anchored, MatchKind};

use crate::model::Kind;

use super::tokens::{Token, TokenKind, WordFilter};

static PLACES: &str = include_str!("../../assets/gazetteer/places.tsv");
static ORGS: &str = include_str!("../../assets/gazetteer/orgs.tsv");

/// What the gazetteer knows of one entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Place or organisation.
    pub kind: Kind,
    /// The canonical name (French when known).
    pub canonical: String,
    /// The entry's type column (`country`, `city`, `region`, `media`, `agency` ...).
    pub category: String,
    /// A place's population, 0 when unknown.
    pub population: u64,
}

impl Entry {
    /// A country, continent, region or city of a million people: a name that a capital
    /// at the start of a sentence does not make doubtful.
    pub fn is_major_place(&self) -> bool {
        self.kind == Kind::Place
            && (matches!(self.category.as_str(), "country" | "territory" | "continent" | "region") || self.population >= 1_000_000)
    }
}

/// A gazetteer name found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Byte offset of the start.
    pub start: usize,
    /// Byte offset past the end.
    pub end: usize,
    /// Index of the entry in [`Gazetteer::entry`].
    pub entry: usize,
    /// Index of the token the name starts at, in the tokens searched.
    pub token: usize,
}

/// The loaded gazetteers.
pub struct Gazetteer {
    entries: Vec<Entry>,
    /// For each automaton pattern, the entry it names.
    pattern_entry: Vec<usize>,
    /// The names, searched at one start at a time (a contiguous NFA called directly:
    /// each search is short, and the generic front's checks and indirect call weighed
    /// as much as the walk).
    automaton: contiguous::NFA,
    /// The automaton's start state for anchored searches.
    anchored_start: StateID,
    /// Names as the tables write them (borrowed from the embedded text) or with the
    /// other apostrophe (made at load).
    by_name: HashMap<Cow<'static, str>, usize>,
    /// Names that English copy reads as another entry than French copy does: a
    /// canonical (French) name that another entry lists among its own names (`Mexico`:
    /// the city in French, the country in English).
    english_readings: HashMap<Cow<'static, str>, usize>,
    /// Whether each entry has a name in [`Self::english_readings`]: most have none.
    has_english_reading: Vec<bool>,
    /// First words of the names written in lower case (`mer`, `golfe`): the only
    /// lowercase words where a search must start.
    /// (Kept for the tests, which check the search against it.)
    #[cfg(test)]
    lowercase_first_words: rustc_hash::FxHashSet<String>,
    /// Characters other than letters and digits that start a name (`'Ajlun`).
    other_first_chars: Vec<char>,
    /// The first bytes of [`Self::other_first_chars`], by byte value: a quick no.
    other_first_bytes: [bool; 256],
    /// [`Self::lowercase_first_words`] by their first byte: a few short words to compare,
    /// cheaper than hashing the many short lowercase words that pass the filter (`le`,
    /// `de`).
    lowercase_first_by_byte: Vec<Vec<&'static str>>,
    /// A prefilter for [`Self::lowercase_first_words`].
    lowercase_first_filter: WordFilter,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

/// The embedded gazetteer.
pub fn gazetteer() -> &'static Gazetteer {
    &GAZETTEER
}

impl Gazetteer {
    /// Parses the embedded tables and builds the automaton (done once by [`gazetteer`]).
    pub fn load() -> Gazetteer {
        let mut entries = Vec::new();
        // Each name with its entry, and whether the entry only names it as its canonical
        // name (its list of names does not hold it).
        let mut names: Vec<(Cow<'static, str>, usize, bool)> = Vec::new();
        // Organisations first: where a name is both (`Maison Blanche`, `Kremlin`), news
        // text means the body that sits there.
        for (source, kind) in [(ORGS, Kind::Org), (PLACES, Kind::Place)] {
            for line in source.lines().skip(1) {
                let cols: Vec<&str> = line.split('\t').collect();
                let (canonical, category, population, list) = match (kind, cols.as_slice()) {
                    (Kind::Place, [c, t, pop, n, ..]) => (*c, *t, pop.parse().unwrap_or(0), *n),
                    (Kind::Org, [c, t, n, ..]) => (*c, *t, 0, *n),
                    _ => continue,
                };
                let id = entries.len();
                entries.push(Entry { kind, canonical: canonical.to_string(), category: category.to_string(), population });
                let lowercase_ok = matches!(category, "sea" | "feature");
                let canonical_only = !list.split('|').any(|n| n.trim() == canonical.trim());
                for (name, is_canonical) in list.split('|').map(|n| (n, false)).chain(std::iter::once((canonical, true))) {
                    let name = name.trim();
                    // "armée russe", "pays occidentaux": descriptions, not names; only
                    // geographic features are named in lower case ("mer Noire").
                    let starts_upper = name.chars().next().is_some_and(|c| !c.is_lowercase());
                    if name.chars().count() >= 2 && (starts_upper || lowercase_ok) {
                        names.push((Cow::Borrowed(name), id, is_canonical && canonical_only));
                    }
                }
            }
        }
        // Variants with the other apostrophe (the tables already list each accented name
        // without its accents too, see assets/SOURCES.md).
        let mut variants = Vec::new();
        for (name, id, canonical_only) in &names {
            if name.contains('\'') {
                variants.push((Cow::Owned(name.replace('\'', "’")), *id, *canonical_only));
            } else if name.contains('’') {
                variants.push((Cow::Owned(name.replace('’', "'")), *id, *canonical_only));
            }
        }
        names.extend(variants);
        // The first entry to claim a name keeps it (organisations before places; the
        // build script lists the more populous place first).
        // A canonical name that another entry lists is that entry's in English copy.
        let mut by_name: HashMap<Cow<'static, str>, usize> = HashMap::with_capacity_and_hasher(names.len(), Default::default());
        let mut canonical_claims = rustc_hash::FxHashSet::default();
        let mut english_readings: HashMap<Cow<'static, str>, usize> = HashMap::default();
        for (name, id, canonical_only) in names {
            match by_name.get(&name) {
                None => {
                    if canonical_only {
                        canonical_claims.insert(name.clone());
                    }
                    by_name.insert(name, id);
                }
                Some(&owner) => {
                    if !canonical_only && owner != id && canonical_claims.contains(&name) {
                        english_readings.entry(name).or_insert(id);
                    }
                }
            }
        }
        let mut has_english_reading = vec![false; entries.len()];
        for name in english_readings.keys() {
            has_english_reading[by_name[name]] = true;
        }
        let mut patterns: Vec<(&Cow<'static, str>, &usize)> = by_name.iter().collect();
        patterns.sort();
        let pattern_entry = patterns.iter().map(|(_, id)| **id).collect();
        let mut lowercase_first_words = rustc_hash::FxHashSet::default();
        let mut other_first_chars = Vec::new();
        for (name, _) in &patterns {
            let first = name.chars().next().expect("names have two characters or more");
            if first.is_lowercase() {
                lowercase_first_words.insert(name.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_string());
            } else if !first.is_alphanumeric() && !other_first_chars.contains(&first) {
                other_first_chars.push(first);
            }
        }
        // Searches are anchored at the word starts that may open a name (see `find`).
        let automaton = contiguous::Builder::new()
            .match_kind(MatchKind::LeftmostLongest)
            // Every search is anchored: a prefilter would never be used.
            .prefilter(false)
            .build(patterns.iter().map(|(n, _)| -> &str { n }))
            .expect("gazetteer automaton");
        let anchored_start = automaton.start_state(Anchored::Yes).expect("an NFA searches anchored");

        let lowercase_first_filter = WordFilter::new(lowercase_first_words.iter().map(String::as_str));
        // (Leaked once: a few hundred bytes for the life of the program.)
        let mut lowercase_first_by_byte: Vec<Vec<&'static str>> = vec![Vec::new(); 256];
        for w in &lowercase_first_words {
            if let Some(&first) = w.as_bytes().first() {
                lowercase_first_by_byte[usize::from(first)].push(String::leak(w.clone()));
            }
        }
        let mut other_first_bytes = [false; 256];
        for c in &other_first_chars {
            other_first_bytes[usize::from(c.to_string().as_bytes()[0])] = true;
        }
        Gazetteer {
            entries,
            pattern_entry,
            automaton,
            anchored_start,
            by_name,
            english_readings,
            has_english_reading,
            #[cfg(test)]
            lowercase_first_words,
            lowercase_first_by_byte,
            other_first_chars,
            other_first_bytes,
            lowercase_first_filter,
        }
    }

    /// The entry at `index`.
    pub fn entry(&self, index: usize) -> &Entry {
        &self.entries[index]
    }

    /// The entry that `name`, found as `entry` by a search, denotes in English copy.
    pub fn english_reading(&self, entry: usize, name: &str) -> usize {
        if !self.has_english_reading[entry] {
            return entry;
        }
        self.english_readings.get(name).copied().unwrap_or(entry)
    }

    /// The entry that a name (as written) denotes.
    pub fn lookup(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }

    /// Every gazetteer name of `text` that stands as whole words, leftmost first and
    /// longest at each start, without overlaps.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        self.find_in(text, &super::tokens::tokenize(text))
    }

    /// [`find`](Self::find) for a text already split into `tokens`.
    ///
    /// Rather than running the automaton over every byte, the search is anchored at the
    /// token starts that may open a name: words with a capital (or a digit), the first
    /// words of the lowercase names (`mer Noire`), and the rare names that open with an
    /// apostrophe. Most of a text is lowercase prose, skipped at the cost of one test
    /// per token. (A filter on the first words of the names cost more, in hashing,
    /// than the searches it spared: most capitalised words open some name.)
    pub fn find_in(&self, text: &str, tokens: &[Token]) -> Vec<Hit> {
        // About one name per twenty tokens of news text.
        let mut hits = Vec::with_capacity(tokens.len() / 20);
        let mut resume = 0; // a hit's end: no overlapping hit may start before it
        for (token, t) in tokens.iter().enumerate() {
            if t.start < resume || !self.may_start(text, t) {
                continue;
            }
            let Some((end, pattern)) = self.longest_at(text.as_bytes(), t.start) else { continue };
            if is_word_boundary(text, t.start, end) {
                hits.push(Hit { start: t.start, end, entry: self.pattern_entry[pattern.as_usize()], token });
                resume = end;
            }
        }
        hits
    }

    /// The end and pattern of the longest name that starts at byte `start`: the
    /// automaton's anchored leftmost-longest search, walked here as
    /// `Automaton::try_find` walks it, without building an `Input` and checking it for
    /// each of the many short searches.
    fn longest_at(&self, bytes: &[u8], start: usize) -> Option<(usize, aho_corasick::PatternID)> {
        let aut = &self.automaton;
        let mut sid = self.anchored_start;
        let mut found = None;
        if aut.is_match(sid) {
            found = Some((start, aut.match_pattern(sid, 0)));
        }
        for (at, &byte) in bytes.iter().enumerate().skip(start) {
            sid = aut.next_state(Anchored::Yes, sid, byte);
            if aut.is_special(sid) {
                if aut.is_dead(sid) {
                    break;
                }
                if aut.is_match(sid) {
                    let pattern = aut.match_pattern(sid, 0);
                    // A state also holds the names that end there but start later (for
                    // unanchored searches): those are not found here.
                    if at + 1 <= start + aut.pattern_len(pattern) {
                        found = Some((at + 1, pattern));
                    }
                }
            }
        }
        found
    }

    /// Whether a gazetteer name may start at token `t`.
    fn may_start(&self, text: &str, t: &Token) -> bool {
        // Read as bytes where that is enough: this runs for every token of every text.
        let bytes = text.as_bytes();
        // A capitalised word may open a name unless it follows a hyphen (as below).
        if t.capitalised {
            return t.start == 0 || bytes[t.start - 1] != b'-';
        }
        let Some(&first) = bytes.get(t.start).filter(|_| t.start < t.end) else { return false };
        // Lowercase ASCII words, the bulk of the tokens, first and with the cheapest test
        // first: the same tests as below, in another order.
        if first.is_ascii_lowercase() {
            let len = t.end - t.start;
            return t.kind != TokenKind::Punct
                && self.lowercase_first_filter.may_contain_ends(first, bytes[t.end - 1], len)
                && (t.start == 0 || bytes[t.start - 1] != b'-')
                && self.is_lowercase_first_word(t.text(text));
        }
        let c = || text[t.start..].chars().next().expect("a token starts with a character");
        if t.kind == TokenKind::Punct {
            return self.other_first_bytes[usize::from(first)] && self.other_first_chars.contains(&c());
        }
        // Right after a hyphen, inside a hyphenated name: `is_word_boundary` would refuse it.
        // (No byte of a longer character is a `-`.)
        if t.start > 0 && bytes[t.start - 1] == b'-' {
            return false;
        }
        let lowercase = if first.is_ascii() { first.is_ascii_lowercase() } else { c().is_lowercase() };
        if !lowercase {
            return true;
        }
        let word = t.text(text);
        // Most tokens are lowercase prose: the filter spares most of them a lookup.
        self.lowercase_first_filter.may_contain(word) && self.is_lowercase_first_word(word)
    }

    /// Whether `word` is one of [`Self::lowercase_first_words`].
    fn is_lowercase_first_word(&self, word: &str) -> bool {
        word.as_bytes().first().is_some_and(|&b| self.lowercase_first_by_byte[usize::from(b)].contains(&word))
    }
}

/// Whether `start..end` starts and ends on word boundaries.
pub fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    // Answered from the bytes when the characters it looks at are ASCII (an ASCII byte is
    // a whole character), as the general test below answers.
    let ascii_or_none = |i: Option<usize>| i.is_none_or(|i| bytes.get(i).is_none_or(u8::is_ascii));
    let ascii = start < end
        && bytes[start].is_ascii()
        && bytes[end - 1].is_ascii()
        && ascii_or_none(start.checked_sub(1))
        && ascii_or_none(Some(end))
        && ascii_or_none(Some(end + 1));
    if ascii {
        let alnum = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphanumeric);
        let before = start.checked_sub(1).map(|i| bytes[i]);
        let glued_before = before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'-') && alnum(start);
        let glued_after = alnum(end) && alnum(end - 1) || bytes.get(end) == Some(&b'-') && alnum(end + 1);
        return !glued_before && !glued_after;
    }
    is_word_boundary_by_chars(text, start, end)
}

/// [`is_word_boundary`], character by character.
fn is_word_boundary_by_chars(text: &str, start: usize, end: usize) -> bool {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let first = text[start..end].chars().next();
    let last = text[start..end].chars().next_back();
    // Inside a longer word, or inside a hyphenated name ("Saint-Parisien").
    let glued_before = alnum(before) && alnum(first) || before == Some('-') && alnum(first);
    let glued_after = alnum(after) && alnum(last) || after == Some('-') && alnum(text[end..].chars().nth(1));
    !glued_before && !glued_after
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::Input;

    fn names(text: &str) -> Vec<(String, String)> {
        let g = gazetteer();
        g.find(text).into_iter().map(|h| (text[h.start..h.end].to_string(), g.entry(h.entry).canonical.clone())).collect()
    }

    #[test]
    fn countries_cities_and_orgs_in_both_languages() {
        let found = names("La Corée du Nord, la RPDC, North Korea, Moscou et Moscow; l'ONU et the United Nations.");
        let canon = |s: &str| found.iter().find(|(n, _)| n == s).map(|(_, c)| c.clone());
        assert_eq!(canon("Corée du Nord"), canon("RPDC"));
        assert_eq!(canon("Corée du Nord"), canon("North Korea"));
        assert_eq!(canon("Moscou"), canon("Moscow"));
        assert_eq!(canon("ONU"), canon("United Nations"));
    }

    #[test]
    fn french_departments_are_places_but_not_those_named_like_common_words() {
        let g = gazetteer();
        for name in ["Pas-de-Calais", "Seine-Saint-Denis", "Bouches-du-Rhône", "Finistère", "Val-d'Oise", "Val-d’Oise"] {
            let entry = g.lookup(name).map(|i| g.entry(i));
            assert!(entry.is_some_and(|e| e.kind == Kind::Place), "{name}");
        }
        for word in ["Cher", "Lot", "Somme"] {
            assert_eq!(g.lookup(word), None, "{word}");
        }
        // A city's full name is its canonical name, its short form an alias.
        let boulogne = g.lookup("Boulogne").expect("Boulogne");
        assert_eq!(g.entry(boulogne).canonical, "Boulogne-Billancourt");
    }

    #[test]
    fn a_french_canonical_listed_by_another_entry_reads_as_that_entry_in_english() {
        let g = gazetteer();
        let canonical = |i: usize| g.entry(i).canonical.as_str();
        let mexico = g.lookup("Mexico").expect("Mexico");
        assert_eq!((canonical(mexico), g.entry(mexico).category.as_str()), ("Mexico", "city"));
        assert_eq!(canonical(g.english_reading(mexico, "Mexico")), "Mexique");
        // The city's other names, and names that no canonical takes, read the same.
        assert_eq!(g.english_reading(mexico, "Mexico City"), mexico);
        let paris = g.lookup("Paris").expect("Paris");
        assert_eq!(g.english_reading(paris, "Paris"), paris);
    }

    /// [`Gazetteer::find_in`] as first written, one character test after another.
    fn find_reference(text: &str) -> Vec<Hit> {
        let g = gazetteer();
        let tokens = crate::extract::tokens::tokenize(text);
        let mut hits = Vec::new();
        let mut resume = 0;
        for (token, t) in tokens.iter().enumerate() {
            if t.start < resume {
                continue;
            }
            let first = text[t.start..].chars().next().unwrap();
            let may_start = if t.kind == TokenKind::Punct {
                g.other_first_chars.contains(&first)
            } else if t.start > 0 && text.as_bytes()[t.start - 1] == b'-' {
                false
            } else if first.is_lowercase() {
                g.lowercase_first_words.contains(t.text(text))
            } else {
                true
            };
            if !may_start {
                continue;
            }
            let input = Input::new(text).span(t.start..text.len()).anchored(Anchored::Yes);
            let Some(m) = g.automaton.try_find(&input).unwrap() else { continue };
            if is_word_boundary(text, m.start(), m.end()) {
                hits.push(Hit { start: m.start(), end: m.end(), entry: g.pattern_entry[m.pattern().as_usize()], token });
                resume = m.end();
            }
        }
        hits
    }

    #[test]
    fn the_walk_finds_what_the_library_search_finds() {
        let g = gazetteer();
        for text in [
            "La Corée du Nord, la RPDC, North Korea, Moscou et Moscow; l'ONU et the United Nations.",
            "Côte d'Ivoire Côte d’Ivoire la mer Noire the Alps 'Ajlun Σ'VW 38e parallèle New York New Yorker États-Unis",
            "Organisation des Nations unies Organisation des Nations Conseil de sécurité des Nations unies Nations",
        ] {
            for start in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let input = Input::new(text).span(start..text.len()).anchored(Anchored::Yes);
                let expected = g.automaton.try_find(&input).unwrap().map(|m| (m.end(), m.pattern()));
                assert_eq!(g.longest_at(text.as_bytes(), start), expected, "{text:?} at {start}");
            }
        }
    }

    #[test]
    fn the_token_filter_finds_what_every_start_finds() {
        for text in [
            "La Corée du Nord, la RPDC, North Korea, Moscou et Moscow; l'ONU et the United Nations.",
            "les Etats-Unis et les États-Unis, pas Parisien ni Saint-Parisien, Paris-Match, Parisé",
            "Côte d'Ivoire, Côte d’Ivoire, Côte-d'Ivoire, CôteX, la mer Noire, mer-Noire, the Alps, 'Ajlun, Σ'VW",
            "38e parallèle, 38th parallel, 38ee, Kim Jong-un à Saint-Pétersbourg, New York-based, New Yorker, NEW YORK",
            "Moscou\u{301} Moscou\u{a0}x Berlin2 2Berlin Berlin_ Londres’ l’Ukraine d’Ukraine Ukraine's Ukraine-Russie",
            "Washington D.C. U.S. États-Unis d'Amérique Royaume-Uni Nations unies Organisation des Nations unies",
        ] {
            assert_eq!(gazetteer().find(text), find_reference(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_token_filter_finds_what_every_start_finds_on_random_texts(
            text in "((Moscou|Paris|Corée|du|Nord|la|mer|Noire|the|Alps|Côte|d'|d’|Ivoire|New|York|Saint|États|Unis|ONU|38e|parallèle|'Ajlun)[ ,.'’\\-]?){0,30}"
        ) {
            proptest::prop_assert_eq!(gazetteer().find(&text), find_reference(&text));
        }
    }

    #[test]
    fn the_lowercase_first_words_by_byte_are_the_set() {
        let g = gazetteer();
        for w in g.lowercase_first_words.iter().map(String::as_str).chain(["", "l", "le", "lac", "lacs", "île", "îl", "the", "thé", "pôle", "pole", "x"]) {
            assert_eq!(g.is_lowercase_first_word(w), g.lowercase_first_words.contains(w), "{w:?}");
        }
        assert!(g.lowercase_first_words.len() > 10);
    }

    #[test]
    fn no_character_is_both_upper_and_lower_case() {
        // (So that a capitalised word is never taken for a lowercase one.)
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert!(!(c.is_uppercase() && c.is_lowercase()), "{c:?}");
        }
    }

    #[test]
    fn word_boundaries_from_the_bytes_are_the_boundaries_by_characters() {
        for text in ["Paris-Match, Parisé l’Ukraine d'Ukraine Ukraine-é -Paris- a-b é-a a-é Berlin2 2Berlin x", "é", "", "ab", "a-", "-a", "a-é", "日本-x", "New York-based", "Σ'VW"] {
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            for &start in &bounds {
                for &end in bounds.iter().filter(|&&end| end >= start) {
                    assert_eq!(is_word_boundary(text, start, end), is_word_boundary_by_chars(text, start, end), "{text:?} {start}..{end}");
                }
            }
        }
    }

    #[test]
    fn accents_are_optional_and_words_must_be_whole() {
        let found = names("les Etats-Unis et les États-Unis, pas Parisien ni Saint-Parisien");
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].1, found[1].1);
    }
}
