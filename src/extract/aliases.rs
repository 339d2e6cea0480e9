//! Linking the mentions of one entity: within an article (a surname to the full name
//! seen before it, spelling variants, an acronym to its expansion, a short form of an
//! organisation to its full name) and across the corpus (one canonical name for every
//! spelling of a person: `Poutine`, `Vladimir Poutine`, `Putin`).

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::{FxBuildHasher, FxHashMap as HashMap};

use crate::model::Kind;

use super::entities::{Found, NAME_PARTICLES_LIST};

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
    if name.is_ascii() {
        // No accent to strip, and a byte is a character: the common case, byte by byte.
        for &b in name.as_bytes() {
            if b.is_ascii_alphanumeric() {
                word.push(char::from(b.to_ascii_lowercase()));
            } else if b == b' ' || b == b'-' {
                word_key_into(word, out);
                word.clear();
            }
        }
        word_key_into(word, out);
        return;
    }
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
/// article names the same people again and again), and each distinct key given one id:
/// two names with the same key (`Poutine`, `Putin`) get the same id, so that the
/// groups built on keys are indexed by id rather than by a copy of the key.
struct NameKeys<'a> {
    /// The key id of each name already keyed.
    by_name: HashMap<&'a str, u32>,
    /// The distinct keys, one after the other.
    keys: String,
    /// Where each key ends in [`Self::keys`], by id.
    ends: Vec<usize>,
    /// The ids of the keys, found by the key's text.
    by_key: HashTable<u32>,
    /// A buffer for [`name_key_into`].
    word: Vec<char>,
}

/// The key with id `id` in [`NameKeys::keys`], whose ends are `ends`.
fn key_in<'k>(keys: &'k str, ends: &[usize], id: u32) -> &'k str {
    let id = id as usize;
    &keys[if id == 0 { 0 } else { ends[id - 1] }..ends[id]]
}

/// The hash of a key in [`NameKeys::by_key`].
fn key_hash(key: &str) -> u64 {
    FxBuildHasher.hash_one(key)
}

impl<'a> NameKeys<'a> {
    /// Room for the keys of about `names` names.
    fn with_capacity(names: usize) -> Self {
        NameKeys {
            by_name: HashMap::with_capacity_and_hasher(names, Default::default()),
            keys: String::with_capacity(names * 8),
            ends: Vec::with_capacity(names),
            by_key: HashTable::with_capacity(names),
            word: Vec::new(),
        }
    }

    /// The id of the key of `name`.
    fn id(&mut self, name: &'a str) -> u32 {
        if let Some(&id) = self.by_name.get(name) {
            return id;
        }
        let NameKeys { keys, ends, by_key, word, .. } = self;
        // The key is written at the end of the keys, and kept there only if it is new.
        let start = keys.len();
        name_key_into(name, keys, word);
        let hash = key_hash(&keys[start..]);
        let id = match by_key.find(hash, |&id| key_in(keys, ends, id) == &keys[start..]) {
            Some(&id) => {
                keys.truncate(start);
                id
            }
            None => {
                let id = u32::try_from(ends.len()).expect("fewer keys than bytes of text");
                ends.push(keys.len());
                by_key.insert_unique(hash, id, |&id| key_hash(key_in(keys, ends, id)));
                id
            }
        };
        self.by_name.insert(name, id);
        id
    }

    /// How many distinct keys have ids.
    fn len(&self) -> usize {
        self.ends.len()
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
    // Each person mention asks for about two keys.
    let mut keys = NameKeys::with_capacity(2 * found.len());
    // By key id, the first spelling of the full person names (two words or more) with
    // that key: it names the group.
    let mut canonical_by_key: Vec<Option<&str>> = Vec::new();
    // The (key id of the first or last word, start, canonical) of each full name, in
    // text order: a surname alone links to the one named last before it.
    let mut word_uses: Vec<(u32, usize, &str)> = Vec::new();
    // How many words each mention has, up to two.
    let word_counts: Vec<usize> = found.iter().map(|f| words_up_to_two(surface(f))).collect();
    for (f, _) in found.iter().zip(&word_counts).filter(|(f, words)| f.kind == Kind::Person && **words >= 2) {
        let s = surface(f);
        let key = keys.id(s);
        // The first and last words (once when their keys are the same).
        let mut words = name_word_strs(s);
        let first = words.next().map(|w| keys.id(w));
        let last = words.last().map(|w| keys.id(w));
        canonical_by_key.resize(keys.len(), None);
        let canonical = *canonical_by_key[key as usize].get_or_insert(s);
        let ends = match (first, last) {
            (Some(first), Some(last)) if first != last => [Some(first), Some(last)],
            (first, last) => [first.or(last), None],
        };
        word_uses.extend(ends.into_iter().flatten().map(|id| (id, f.start, canonical)));
    }
    // Grouped by word, each group in text order (a stable sort).
    word_uses.sort_by_key(|&(id, _, _)| id);
    let person_for = |keys: &mut NameKeys<'t>, word: &'t str, at: usize| -> Option<&'t str> {
        if word_uses.is_empty() {
            return None;
        }
        let id = keys.id(word);
        let group = &word_uses[word_uses.partition_point(|u| u.0 < id)..word_uses.partition_point(|u| u.0 <= id)];
        let i = group.partition_point(|&(_, start, _)| start < at);
        if i > 0 { Some(group[i - 1].2) } else { group.get(i).map(|u| u.2) }
    };
    // Regions named by a cardinal point link to the country they shorten.
    let place_with = |suffix: &[&str]| {
        found
            .iter()
            .filter(|f| f.kind == Kind::Place)
            .map(|f| f.canonical.as_deref().unwrap_or_else(|| surface(f)))
            .find(|c| suffix.iter().any(|s| c.ends_with(s)))
    };
    // Built on first need: only an organisation without a gazetteer name asks (many
    // articles name none).
    let orgs = std::cell::OnceCell::new();
    let orgs = || {
        orgs.get_or_init(|| {
            OrgNames::new(found.iter().filter(|f| f.kind == Kind::Org).map(|f| (surface(f), f.canonical.as_deref().unwrap_or_else(|| surface(f)))))
        })
    };

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
                    let own = canonical_by_key.get(keys.id(s) as usize).copied().flatten();
                    // A surname that opens with a particle, after a title (`Mme Le Pen`), is
                    // the full name it ends (`Marine Le Pen`).
                    let particle_led = s.split(' ').next().is_some_and(|w| NAME_PARTICLES_LIST.contains(&w.to_lowercase().as_str()));
                    let full = match s.rsplit(' ').next() {
                        Some(last) if particle_led => person_for(&mut keys, last, f.start),
                        _ => None,
                    };
                    full.filter(|c| c.len() > s.len() && c.ends_with(s) && c.as_bytes()[c.len() - s.len() - 1] == b' ').or(own)
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
            Kind::Org => Some(org_entity(text, found, index, s, f, orgs)),
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
fn org_entity<'a, 'o>(text: &'a str, found: &'a [Found], index: usize, s: &'a str, f: &'a Found, orgs: impl FnOnce() -> &'o OrgNames<'a>) -> &'a str
where
    'a: 'o,
{
    if let Some(c) = &f.canonical {
        return c;
    }
    // An acronym in brackets right after an organisation.
    if index > 0 {
        let prev = &found[index - 1];
        let between = &text[prev.end..f.start];
        if prev.kind == Kind::Org && between.trim() == "(" && initials_of(&text[prev.start..prev.end]).eq(s.chars()) {
            return prev.canonical.as_deref().unwrap_or(&text[prev.start..prev.end]);
        }
    }
    // (The organisations of the article, asked for only past the gazetteer name.)
    let orgs = orgs();
    // An acronym of an organisation named in full elsewhere in the article.
    if s.len() >= 2
        && let Some(entity) = orgs.expansion(s).or_else(|| orgs.expansion_by_words(s))
    {
        return entity;
    }
    // A short form that begins a longer organisation name (the longest of them).
    orgs.longest_beginning_with(s).unwrap_or(s)
}

/// The organisations of an article, indexed by surface and by initials (names borrowed
/// from the article).
struct OrgNames<'a> {
    /// The distinct surfaces, sorted, each with the entity of its first mention.
    by_surface: Vec<(&'a str, &'a str)>,
    /// The initials of every mention, one after the other.
    initials: String,
    /// The (initials, surface, entity) of every mention, the initials as a range of
    /// [`Self::initials`]; sorted by initials, mentions with the same initials in text order.
    by_initials: Vec<(std::ops::Range<usize>, &'a str, &'a str)>,
}

impl<'a> OrgNames<'a> {
    /// The index of the (surface, entity) of the organisations mentioned, in text order.
    fn new(orgs: impl Iterator<Item = (&'a str, &'a str)>) -> Self {
        let mut initials = String::new();
        let mut by_initials: Vec<(std::ops::Range<usize>, &'a str, &'a str)> = orgs
            .map(|(surface, entity)| {
                let start = initials.len();
                initials.extend(initials_of(surface));
                (start..initials.len(), surface, entity)
            })
            .collect();
        let mut by_surface: Vec<(&'a str, &'a str)> = by_initials.iter().map(|&(_, surface, entity)| (surface, entity)).collect();
        // Stable sorts: the first mention of a surface comes first among its equals.
        by_surface.sort_by_key(|&(surface, _)| surface);
        by_surface.dedup_by_key(|&mut (surface, _)| surface);
        by_initials.sort_by(|a, b| initials[a.0.clone()].cmp(&initials[b.0.clone()]));
        OrgNames { by_surface, initials, by_initials }
    }

    /// The entity of the first organisation whose initials are `acronym` and whose name is
    /// not `acronym` itself: `AFP` for `Agence France-Presse`.
    fn expansion(&self, acronym: &str) -> Option<&'a str> {
        let initials = |range: &std::ops::Range<usize>| &self.initials[range.clone()];
        let first = self.by_initials.partition_point(|(range, _, _)| initials(range) < acronym);
        self.by_initials[first..]
            .iter()
            .take_while(|(range, _, _)| initials(range) == acronym)
            .find(|(_, surface, _)| *surface != acronym)
            .map(|&(_, _, entity)| entity)
    }

    /// The entity of an organisation whose significant words, capitalised or not, give
    /// `acronym`: French names capitalise their first word only (`ARS` for `Agence
    /// régionale de santé`, `CNB` for `Conseil national des barreaux`).
    fn expansion_by_words(&self, acronym: &str) -> Option<&'a str> {
        if acronym.chars().count() < 2 || !acronym.chars().all(|c| c.is_uppercase()) {
            return None;
        }
        self.by_surface
            .iter()
            .find(|(surface, _)| *surface != acronym && significant_initials(surface).eq(acronym.chars()))
            .map(|&(_, entity)| entity)
    }

    /// The entity of the longest organisation name that begins with the words of `short`
    /// (`Conseil de sécurité des Nations unies` for `Conseil de sécurité`), the last in
    /// sorted order among the longest.
    fn longest_beginning_with(&self, short: &str) -> Option<&'a str> {
        // The names that begin with `short` and a space sort together, from the first
        // that does not sort before `short` and a space.
        let first = self.by_surface.partition_point(|(full, _)| sorts_before_words_after(full, short));
        self.by_surface[first..]
            .iter()
            .take_while(|(full, _)| full.starts_with(short) && full.as_bytes().get(short.len()) == Some(&b' '))
            .max_by_key(|(full, _)| full.len())
            .map(|&(_, entity)| entity)
    }
}

/// Whether `full` sorts before `short` followed by a space (`full < format!("{short} ")`),
/// without making that string.
fn sorts_before_words_after(full: &str, short: &str) -> bool {
    match full.as_bytes().get(..short.len()) {
        Some(head) if head == short.as_bytes() => full.as_bytes().get(short.len()).is_none_or(|&b| b < b' '),
        Some(head) => head < short.as_bytes(),
        None => full < short,
    }
}

/// The first letters, in capitals, of a name's words but its articles, prepositions and
/// conjunctions: `Agence régionale de santé` gives `ARS`.
fn significant_initials(name: &str) -> impl Iterator<Item = char> + '_ {
    const MINOR: &[&str] = &["de", "des", "du", "d", "la", "le", "les", "l", "et", "en", "pour", "sur", "à", "au", "aux", "of", "the", "and", "for", "on"];
    name.split([' ', '-', '\u{a0}', '\'', '’'])
        .filter(|w| !w.is_empty() && !MINOR.iter().any(|m| w.eq_ignore_ascii_case(m)))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
}

/// The capitals of a name's significant words: `Agence France-Presse` gives `AFP`.
#[cfg(test)]
fn initials(name: &str) -> String {
    initials_of(name).collect()
}

/// The capitals of a name's significant words, one by one (see [`initials`]).
fn initials_of(name: &str) -> impl Iterator<Item = char> + '_ {
    // The first character of each word, words parted by spaces, hyphens and no-break
    // spaces (`name.split([' ', '-', '\u{a0}'])`, empty words skipped), if a capital.
    let mut after_separator = true;
    name.chars().filter(move |&c| {
        let separator = matches!(c, ' ' | '-' | '\u{a0}');
        let opens_word = after_separator && !separator;
        after_separator = separator;
        opens_word && c.is_uppercase()
    })
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
        for s in ["", " ", "Kim", " Kim ", "Kim Jong", "Kim  Jong Un ", "\t\r\n", "a\x0bb", "a\x1fb", "Kim\u{a0}Jong", "Kim\u{2009}Jong Un", "a\tb\nc", "  a  ", "é ï", "a-b", "\u{85}a", "a\u{2028}b", "\u{b}x\u{c}y\rz", "\u{1680}é", "é\u{3000}", "\u{1c}a b"] {
            assert_eq!(words_up_to_two(s), s.split_whitespace().take(2).count(), "{s:?}");
        }
    }

    #[test]
    fn sorting_before_words_after_is_comparing_with_the_prefix() {
        let words = ["", "a", "ab", "a b", "a\tb", "a  b", "Conseil", "Conseil de", "Conseil de sécurité", "Conseil d", "Conseilx", "Conseil!", "é", "é b", "b"];
        for full in words {
            for short in words {
                assert_eq!(sorts_before_words_after(full, short), full < format!("{short} ").as_str(), "{full:?} {short:?}");
            }
        }
    }

    /// The organisation lookups as first written (a map by initials, a sorted map by surface).
    fn org_lookups_reference<'a>(orgs: &[(&'a str, &'a str)], s: &str) -> (Option<&'a str>, Option<&'a str>) {
        let mut by_surface = std::collections::BTreeMap::new();
        let mut by_initials: HashMap<String, Vec<(&'a str, &'a str)>> = HashMap::default();
        for &(surface, entity) in orgs {
            let list = by_initials.entry(initials(surface)).or_default();
            if list.len() < 4 && !list.iter().any(|(f, _)| *f == surface) {
                list.push((surface, entity));
            }
            by_surface.entry(surface).or_insert(entity);
        }
        let expansion = by_initials.get(s).and_then(|list| list.iter().find(|(full, _)| *full != s)).map(|(_, e)| *e);
        let prefix = format!("{s} ");
        let longer = by_surface
            .range::<str, _>((std::ops::Bound::Included(prefix.as_str()), std::ops::Bound::Unbounded))
            .take_while(|(full, _)| full.starts_with(&prefix))
            .max_by_key(|(full, _)| full.len())
            .map(|(_, e)| *e);
        (expansion, longer)
    }

    proptest::proptest! {
        #[test]
        fn org_lookups_match_the_reference(orgs in proptest::collection::vec(("(A|B|AB|A B|A-B|B A|A B C|a|É)", 0usize..3), 0..12), s in "(A|B|AB|BA|ABC|A B|a|É)") {
            let orgs: Vec<(&str, &str)> = orgs.iter().map(|(surface, e)| (surface.as_str(), ["x", "y", "z"][*e])).collect();
            let names = OrgNames::new(orgs.iter().copied());
            let (expansion, longer) = org_lookups_reference(&orgs, &s);
            proptest::prop_assert_eq!(names.expansion(&s), expansion);
            proptest::prop_assert_eq!(names.longest_beginning_with(&s), longer);
        }
    }

    #[test]
    fn significant_initials_skip_the_small_words() {
        let initials = |s: &str| significant_initials(s).collect::<String>();
        assert_eq!(initials("Agence régionale de santé"), "ARS");
        assert_eq!(initials("Conseil national des barreaux"), "CNB");
        assert_eq!(initials("l'Office for National Statistics"), "ONS");
    }

    #[test]
    fn initials_of_names() {
        assert_eq!(initials("Agence France-Presse"), "AFP");
        assert_eq!(initials("Organisation des Nations unies"), "ON");
        for name in ["", " ", "-", "A", "AB", "A B", "A  B", "A--B", " A", "A -B", "a B", "É\u{a0}Ü-ç", "Agence France-Presse", "X- Y", "-A-", "ǅemal Ⅻ"] {
            let split: String = name.split([' ', '-', '\u{a0}']).filter_map(|w| w.chars().next()).filter(|c| c.is_uppercase()).collect();
            assert_eq!(initials(name), split, "{name:?}");
        }
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
