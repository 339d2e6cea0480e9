//! Linking the mentions of one entity: within an article (a surname to the full name
//! seen before it, spelling variants, an acronym to its expansion, a short form of an
//! organisation to its full name) and across the corpus (one canonical name for every
//! spelling of a person: `Poutine`, `Vladimir Poutine`, `Putin`).

use rustc_hash::FxHashMap as HashMap;

use crate::model::Kind;

use super::entities::Found;

/// A spelling-insensitive key of a name: accents, case, hyphens and the usual French
/// and English transliteration differences folded (`Poutine`/`Putin`,
/// `Iouri`/`Iuri`/`Yuri`, `Beloussov`/`Belousov`, `Choïgou`/`Shoigu`, `Kim Jong-un`/`Kim Jong Un`).
pub fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    name_key_into(name, &mut out, &mut Vec::with_capacity(name.len()));
    out
}

/// Appends [`name_key`] of `name` to `out`; `word` is a buffer for the letters of one
/// word (lent by the caller, so that many keys make one allocation).
fn name_key_into(name: &str, out: &mut String, word: &mut Vec<char>) {
    word.clear();
    // Letters and digits make words; spaces and hyphens part them; anything else is
    // dropped (`O'Brien` is one word).
    let mut take = |c: char| {
        if c.is_alphanumeric() {
            word.push(c);
        } else if c == ' ' || c == '-' {
            word_key_into(word, out);
            word.clear();
        }
    };
    for c in name.chars() {
        if c.is_ascii() {
            // No accent to strip: the common case, without the decomposition.
            take(c.to_ascii_lowercase());
        } else {
            // The canonical decomposition without its combining marks (accents). This is
            // the NFD of the name, marks dropped, character by character: NFD's reordering
            // only moves characters of non-zero combining class, all of which are
            // combining marks (see the tests), so it cannot change what is kept.
            unicode_normalization::char::decompose_canonical(c, |d| {
                if !unicode_normalization::char::is_combining_mark(d) {
                    d.to_lowercase().for_each(&mut take);
                }
            });
        }
    }
    word_key_into(word, out);
}

/// Appends the key of one (accent-free, lowercase) word to `out`.
fn word_key_into(chars: &[char], out: &mut String) {
    // One pass over the word: the multi-letter spellings first, then single letters,
    // then doubled letters folded.
    let start = out.len();
    // The last letter appended for this word: a doubled letter is written once (`ss` → `s`).
    let mut last = None;
    let mut push_folded = |out: &mut String, c: char| {
        if last != Some(c) {
            out.push(c);
            last = Some(c);
        }
    };
    let mut i = 0;
    while i < chars.len() {
        // The first pattern that matches at `i` wins, in this order.
        let (piece, len) = match chars[i..] {
            ['s', 'c', 'h', ..] | ['t', 'c', 'h', ..] => ("sh", 3),
            ['c', 'h', ..] => ("sh", 2),
            ['k', 'h', ..] => ("h", 2),
            ['o', 'u', ..] => ("u", 2),
            ['c', 'k', ..] => ("k", 2),
            ['p', 'h', ..] => ("f", 2),
            ['g', 'u', 'e', ..] => ("ge", 3),
            ['g', 'u', 'i', ..] => ("gi", 3),
            ['y' | 'j', ..] => ("i", 1),
            ['w', ..] => ("v", 1),
            _ => ("", 0),
        };
        if len == 0 {
            push_folded(out, chars[i]);
            i += 1;
        } else {
            for c in piece.chars() {
                push_folded(out, c);
            }
            i += len;
        }
    }
    if out.len() - start > 3 && out.ends_with('e') {
        out.pop();
    }
}

/// Words of a name, for matching a surname or a family name alone.
pub(crate) fn name_words(name: &str) -> Vec<String> {
    name_word_strs(name).map(word_key_of).collect()
}

/// The words of a name as written: parted by spaces and no-break spaces.
fn name_word_strs(name: &str) -> impl Iterator<Item = &str> {
    name.split([' ', '\u{a0}']).filter(|w| !w.is_empty())
}

fn word_key_of(w: &str) -> String {
    name_key(w)
}

/// How many words a mention has, counted up to two: a surname alone has one, a full
/// name two or more.
fn words_up_to_two(s: &str) -> usize {
    // `s.split_whitespace().take(2).count()`, without the iterator's general machinery
    // and, for ASCII, without decoding characters.
    let bytes = s.as_bytes();
    // Most mentions are one ASCII word: no space, no byte of a longer character.
    if !bytes.iter().any(|&b| b <= b' ' || !b.is_ascii()) {
        return usize::from(!bytes.is_empty());
    }
    let (mut words, mut in_word) = (0, false);
    let mut i = 0;
    while i < bytes.len() {
        let (space, len) = match bytes[i] {
            b if b.is_ascii() => (matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r'), 1),
            _ => {
                let c = s[i..].chars().next().expect("a character boundary");
                (c.is_whitespace(), c.len_utf8())
            }
        };
        i += len;
        if space {
            in_word = false;
        } else if !in_word {
            in_word = true;
            words += 1;
            if words == 2 {
                break;
            }
        }
    }
    words
}

/// The [`name_key`] of the names and words of one article, each computed once (an
/// article names the same people again and again).
#[derive(Default)]
struct NameKeys<'a> {
    ids: HashMap<&'a str, usize>,
    /// The keys, one after the other.
    keys: String,
    /// Where each key ends in [`Self::keys`], by id.
    ends: Vec<usize>,
    /// A buffer for [`name_key_into`].
    word: Vec<char>,
}

impl<'a> NameKeys<'a> {
    /// The id of the key of `name`.
    fn id(&mut self, name: &'a str) -> usize {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        name_key_into(name, &mut self.keys, &mut self.word);
        self.ends.push(self.keys.len());
        let id = self.ends.len() - 1;
        self.ids.insert(name, id);
        id
    }

    /// The key with id `id`.
    fn key(&self, id: usize) -> &str {
        let start = if id == 0 { 0 } else { self.ends[id - 1] };
        &self.keys[start..self.ends[id]]
    }

    /// The key of `name`.
    fn of(&mut self, name: &'a str) -> &str {
        let id = self.id(name);
        self.key(id)
    }
}

/// One entity-bearing mention after linking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Linked<'t> {
    /// Byte offset of the start.
    pub start: usize,
    /// Byte offset past the end.
    pub end: usize,
    /// Person, place or org.
    pub kind: Kind,
    /// The canonical name shared by the entity's mentions, borrowed from the text or
    /// the gazetteer (the caller decides how to store it).
    pub entity: &'t str,
}

/// Links the entities of one article and drops weak candidates that link to nothing.
pub fn link<'t>(text: &'t str, found: &'t [Found]) -> Vec<Linked<'t>> {
    // Names are borrowed from the text and from `found` until the output is made.
    let surface = |f: &Found| &text[f.start..f.end];
    // Full person names (two words or more), grouped by key; the first spelling names the group.
    let mut canonical_by_key: HashMap<String, &str> = HashMap::default();
    // For the first and last word of each full name, the (start, canonical) of the names
    // that have it, in text order: a surname alone links to the one named last before it.
    let mut by_word: HashMap<String, Vec<(usize, &str)>> = HashMap::default();
    let mut keys = NameKeys::default();
    // How many words each mention has, up to two.
    let word_counts: Vec<usize> = found.iter().map(|f| words_up_to_two(surface(f))).collect();
    for (f, _) in found.iter().zip(&word_counts).filter(|(f, words)| f.kind == Kind::Person && **words >= 2) {
        let s = surface(f);
        {
            let key = keys.of(s);
            let canonical = match canonical_by_key.get(key) {
                Some(canonical) => *canonical,
                None => *canonical_by_key.entry(key.to_string()).or_insert(s),
            };
            // The first and last words (once when their keys are the same).
            let mut words = name_word_strs(s);
            let first = words.next().map(|w| keys.id(w));
            let last = words.last().map(|w| keys.id(w));
            let ends = match (first, last) {
                (Some(first), Some(last)) if keys.key(first) != keys.key(last) => [Some(first), Some(last)],
                (first, last) => [first.or(last), None],
            };
            for w in ends.into_iter().flatten().map(|id| keys.key(id)) {
                match by_word.get_mut(w) {
                    Some(list) => list.push((f.start, canonical)),
                    None => drop(by_word.insert(w.to_string(), vec![(f.start, canonical)])),
                }
            }
        }
    }
    let person_for = |keys: &mut NameKeys<'t>, word: &'t str, at: usize| -> Option<&'t str> {
        if by_word.is_empty() {
            return None;
        }
        let list = by_word.get(keys.of(word))?;
        let i = list.partition_point(|(start, _)| *start < at);
        if i > 0 { Some(list[i - 1].1) } else { list.get(i).map(|(_, c)| *c) }
    };
    // Regions named by a cardinal point link to the country they shorten.
    let place_with = |suffix: &[&str]| {
        found
            .iter()
            .filter(|f| f.kind == Kind::Place)
            .map(|f| f.canonical.as_deref().unwrap_or_else(|| surface(f)))
            .find(|c| suffix.iter().any(|s| c.ends_with(s)))
    };
    let orgs = OrgNames::new(found.iter().filter(|f| f.kind == Kind::Org).map(|f| (surface(f), f.canonical.as_deref().unwrap_or_else(|| surface(f)))));

    let mut out = Vec::with_capacity(found.len());
    for (index, f) in found.iter().enumerate() {
        let s = surface(f);
        let words = word_counts[index];
        // A single unknown word that is a person's surname elsewhere is that person
        // ("à Kim" is not a place when "Kim Jong Un" is in the article).
        let surname_candidate = f.canonical.is_none() && words == 1;
        let surname_of = if surname_candidate { person_for(&mut keys, s, f.start) } else { None };
        let (kind, entity) = match surname_of {
            Some(person) if f.kind != Kind::Org || f.weak => (Kind::Person, Some(person)),
            _ => (f.kind, None),
        };
        let entity = entity.or_else(|| match kind {
            Kind::Person => {
                if words >= 2 {
                    canonical_by_key.get(keys.of(s)).copied()
                } else {
                    // (Asked above already for a surname candidate.)
                    let person = if surname_candidate { surname_of } else { person_for(&mut keys, s, f.start) };
                    match person {
                        Some(canonical) => Some(canonical),
                        None if f.weak => None,
                        None => Some(s),
                    }
                }
            }
            Kind::Place if f.weak && !matches!(s, "Nord" | "North" | "Sud" | "South") => None,
            Kind::Place if f.weak && matches!(s, "Nord" | "North") => place_with(&["du Nord", "North"]),
            Kind::Place if f.weak && matches!(s, "Sud" | "South") => place_with(&["du Sud", "South"]),
            Kind::Place => Some(f.canonical.as_deref().unwrap_or(s)),
            Kind::Org => Some(org_entity(text, found, index, s, f, &orgs)),
            _ => None,
        });
        if let Some(entity) = entity {
            out.push(Linked { start: f.start, end: f.end, kind, entity });
        }
    }
    out
}

/// An organisation's entity: its gazetteer name; the full name it abbreviates
/// (`Agence France-Presse (AFP)`); or the longer name it begins (`Conseil de sécurité`
/// for `Conseil de sécurité des Nations unies`).
fn org_entity<'a>(text: &'a str, found: &'a [Found], index: usize, s: &'a str, f: &'a Found, orgs: &OrgNames<'a>) -> &'a str {
    if let Some(c) = &f.canonical {
        return c;
    }
    // An acronym in brackets right after an organisation.
    if index > 0 {
        let prev = &found[index - 1];
        let between = &text[prev.end..f.start];
        if prev.kind == Kind::Org && between.trim() == "(" && initials(&text[prev.start..prev.end]) == s {
            return prev.canonical.as_deref().unwrap_or(&text[prev.start..prev.end]);
        }
    }
    // An acronym of an organisation named in full elsewhere in the article.
    if s.len() >= 2
        && let Some(entity) = orgs.by_initials.get(s).and_then(|list| list.iter().find(|(full, _)| *full != s)).map(|(_, e)| e)
    {
        return entity;
    }
    // A short form that begins a longer organisation name (the longest of them).
    let prefix = format!("{s} ");
    let longer = orgs
        .by_surface
        .range::<str, _>((std::ops::Bound::Included(prefix.as_str()), std::ops::Bound::Unbounded))
        .take_while(|(full, _)| full.starts_with(&prefix))
        .max_by_key(|(full, _)| full.len());
    if let Some((_, entity)) = longer {
        return entity;
    }
    s
}

/// The organisations of an article, indexed by surface and by initials (names borrowed
/// from the article).
struct OrgNames<'a> {
    by_surface: std::collections::BTreeMap<&'a str, &'a str>,
    by_initials: HashMap<String, Vec<(&'a str, &'a str)>>,
}

impl<'a> OrgNames<'a> {
    fn new(orgs: impl Iterator<Item = (&'a str, &'a str)>) -> Self {
        let mut by_surface = std::collections::BTreeMap::new();
        let mut by_initials: HashMap<String, Vec<(&'a str, &'a str)>> = HashMap::default();
        for (surface, entity) in orgs {
            let list = by_initials.entry(initials(surface)).or_default();
            if list.len() < 4 && !list.iter().any(|(f, _)| *f == surface) {
                list.push((surface, entity));
            }
            by_surface.entry(surface).or_insert(entity);
        }
        OrgNames { by_surface, by_initials }
    }
}

/// The capitals of a name's significant words: `Agence France-Presse` gives `AFP`.
fn initials(name: &str) -> String {
    name.split([' ', '-', '\u{a0}'])
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_transliterations() {
        assert_eq!(name_key("Poutine"), name_key("Putin"));
        assert_eq!(name_key("Iouri Ouchakov"), name_key("Iuri Ouchakov"));
        assert_eq!(name_key("Yuri Ushakov"), name_key("Iouri Ouchakov"));
        assert_eq!(name_key("Kim Jong-un"), name_key("Kim Jong Un"));
        assert_eq!(name_key("Choïgou"), name_key("Shoigu"));
        assert_eq!(name_key("Beloussov"), name_key("Belousov"));
        assert_ne!(name_key("Kim Jong-il"), name_key("Kim Jong Un"));
    }

    #[test]
    fn words_are_counted_as_split_whitespace_does() {
        for s in ["", " ", "Kim", " Kim ", "Kim Jong", "Kim\u{a0}Jong", "Kim\u{2009}Jong Un", "a\tb\nc", "  a  ", "é ï", "a-b", "\u{85}a", "a\u{2028}b", "\u{b}x\u{c}y\rz", "\u{1680}é", "é\u{3000}", "\u{1c}a b"] {
            assert_eq!(words_up_to_two(s), s.split_whitespace().take(2).count(), "{s:?}");
        }
    }

    #[test]
    fn initials_of_names() {
        assert_eq!(initials("Agence France-Presse"), "AFP");
        assert_eq!(initials("Organisation des Nations unies"), "ON");
    }

    use unicode_normalization::UnicodeNormalization;

    /// [`name_key`] as first written (each spelling tested letter by letter), kept to
    /// check the pattern match against it.
    fn name_key_reference(name: &str) -> String {
        let mut out = String::with_capacity(name.len());
        let mut word: Vec<char> = Vec::with_capacity(name.len());
        // Letters and digits make words; spaces and hyphens part them; anything else is
        // dropped (`O'Brien` is one word).
        let take = |c: char, word: &mut Vec<char>, out: &mut String| {
            if c.is_alphanumeric() {
                word.push(c);
            } else if c == ' ' || c == '-' {
                word_key_into_reference(word, out);
                word.clear();
            }
        };
        if name.is_ascii() {
            // No accents to strip: the common case, without the decomposition.
            for b in name.bytes() {
                take(char::from(b.to_ascii_lowercase()), &mut word, &mut out);
            }
        } else {
            for c in name.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).flat_map(char::to_lowercase) {
                take(c, &mut word, &mut out);
            }
        }
        word_key_into_reference(&word, &mut out);
        out
    }

    /// Appends the key of one (accent-free, lowercase) word to `out`.
    fn word_key_into_reference(chars: &[char], out: &mut String) {
        // One pass over the word: the multi-letter spellings first, then single letters,
        // then doubled letters folded.
        let start = out.len();
        let mut i = 0;
        let at = |i: usize, s: &str| s.chars().enumerate().all(|(k, c)| chars.get(i + k) == Some(&c));
        while i < chars.len() {
            let (piece, len) = if at(i, "sch") {
                ("sh", 3)
            } else if at(i, "tch") || at(i, "ch") {
                ("sh", if at(i, "tch") { 3 } else { 2 })
            } else if at(i, "kh") {
                ("h", 2)
            } else if at(i, "ou") {
                ("u", 2)
            } else if at(i, "ck") {
                ("k", 2)
            } else if at(i, "ph") {
                ("f", 2)
            } else if at(i, "gue") || at(i, "gui") {
                (if chars[i + 2] == 'e' { "ge" } else { "gi" }, 3)
            } else {
                match chars[i] {
                    'y' | 'j' => ("i", 1),
                    'w' => ("v", 1),
                    _ => ("", 0),
                }
            };
            if len == 0 {
                push_folded_reference(out, start, chars[i]);
                i += 1;
            } else {
                for c in piece.chars() {
                    push_folded_reference(out, start, c);
                }
                i += len;
            }
        }
        if out.len() - start > 3 && out.ends_with('e') {
            out.pop();
        }
    }

    /// Appends `c` unless it doubles the last letter of the word begun at `start` (`ss` → `s`).
    fn push_folded_reference(out: &mut String, start: usize, c: char) {
        if !(out.len() > start && out.ends_with(c)) {
            out.push(c);
        }
    }


    #[test]
    fn only_combining_marks_have_a_combining_class() {
        // What makes `name_key`'s character-by-character decomposition equal to NFD.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if unicode_normalization::char::canonical_combining_class(c) != 0 {
                assert!(unicode_normalization::char::is_combining_mark(c), "{c:?}");
            }
        }
    }

    #[test]
    fn keys_match_the_reference() {
        for name in [
            "Poutine", "Vladimir Poutine", "Schoigu", "Tchaïkovski", "Khrouchtchev", "Mikhaïl", "Jackson", "Philippe", "Guerre",
            "Guillaume", "Gui", "gue", "Wyatt", "Yuri Jong-un", "O'Brien", "Ssss", "sch", "tch", "ch", "c", "kh", "ou", "ck", "ph",
            "Kim\u{a0}Jong Un", "Éloïse Bérénice", "İstanbul", "ẞtraße", "", " ", "-", "Dmitri  Peskov", "Jean-Yves Le Drian",
            "Agence France-Presse", "e", "ee", "Ouee", "aaaa", "Ouchakov", "Beloussov", "Sergueï Choïgou", "Al-Assad", "日本",
        ] {
            assert_eq!(name_key(name), name_key_reference(name), "{name:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn keys_match_the_reference_on_random_names(name in "(sch|tch|ch|kh|ou|ck|ph|gue|gui|[a-zA-ZéïôÉİǅẞŒ' -]|\u{301}|\u{a0}|e\u{301}\u{327}){0,12}") {
            proptest::prop_assert_eq!(name_key(&name), name_key_reference(&name));
        }
    }
}
