//! Linking the mentions of one entity: within an article (a surname to the full name
//! seen before it, spelling variants, an acronym to its expansion, a short form of an
//! organisation to its full name) and across the corpus (one canonical name for every
//! spelling of a person: `Poutine`, `Vladimir Poutine`, `Putin`).

use rustc_hash::FxHashMap as HashMap;

use unicode_normalization::UnicodeNormalization;

use crate::model::Kind;

use super::entities::Found;

/// A spelling-insensitive key of a name: accents, case, hyphens and the usual French
/// and English transliteration differences folded (`Poutine`/`Putin`,
/// `Iouri`/`Iuri`/`Yuri`, `Beloussov`/`Belousov`, `Choïgou`/`Shoigu`, `Kim Jong-un`/`Kim Jong Un`).
pub fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut word: Vec<char> = Vec::with_capacity(name.len());
    // Letters and digits make words; spaces and hyphens part them; anything else is
    // dropped (`O'Brien` is one word).
    let take = |c: char, word: &mut Vec<char>, out: &mut String| {
        if c.is_alphanumeric() {
            word.push(c);
        } else if c == ' ' || c == '-' {
            word_key_into(word, out);
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
    word_key_into(&word, &mut out);
    out
}

/// Appends the key of one (accent-free, lowercase) word to `out`.
fn word_key_into(chars: &[char], out: &mut String) {
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
            push_folded(out, start, chars[i]);
            i += 1;
        } else {
            for c in piece.chars() {
                push_folded(out, start, c);
            }
            i += len;
        }
    }
    if out.len() - start > 3 && out.ends_with('e') {
        out.pop();
    }
}

/// Appends `c` unless it doubles the last letter of the word begun at `start` (`ss` → `s`).
fn push_folded(out: &mut String, start: usize, c: char) {
    if !(out.len() > start && out.ends_with(c)) {
        out.push(c);
    }
}

/// Words of a name, for matching a surname or a family name alone.
fn name_words(name: &str) -> Vec<String> {
    name.split([' ', '\u{a0}']).filter(|w| !w.is_empty()).map(word_key_of).collect()
}

fn word_key_of(w: &str) -> String {
    name_key(w)
}

/// One entity-bearing mention after linking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Linked {
    /// Byte offset of the start.
    pub start: usize,
    /// Byte offset past the end.
    pub end: usize,
    /// Person, place or org.
    pub kind: Kind,
    /// The canonical name shared by the entity's mentions.
    pub entity: String,
}

/// Links the entities of one article and drops weak candidates that link to nothing.
pub fn link(text: &str, found: &[Found]) -> Vec<Linked> {
    let surface = |f: &Found| text[f.start..f.end].to_string();
    // Full person names (two words or more), grouped by key; the first spelling names the group.
    let mut canonical_by_key: HashMap<String, String> = HashMap::default();
    // For the first and last word of each full name, the (start, canonical) of the names
    // that have it, in text order: a surname alone links to the one named last before it.
    let mut by_word: HashMap<String, Vec<(usize, String)>> = HashMap::default();
    for f in found.iter().filter(|f| f.kind == Kind::Person) {
        let s = surface(f);
        if s.split_whitespace().count() >= 2 {
            let key = name_key(&s);
            let canonical = canonical_by_key.entry(key).or_insert_with(|| s.clone()).clone();
            let words = name_words(&s);
            let mut ends: Vec<&String> = words.first().into_iter().chain(words.last()).collect();
            ends.dedup();
            for w in ends {
                by_word.entry(w.clone()).or_default().push((f.start, canonical.clone()));
            }
        }
    }
    let person_for = |word: &str, at: usize| -> Option<String> {
        let list = by_word.get(&name_key(word))?;
        let i = list.partition_point(|(start, _)| *start < at);
        if i > 0 { Some(list[i - 1].1.clone()) } else { list.get(i).map(|(_, c)| c.clone()) }
    };
    // Regions named by a cardinal point link to the country they shorten.
    let place_with = |suffix: &[&str]| {
        found
            .iter()
            .filter(|f| f.kind == Kind::Place)
            .filter_map(|f| f.canonical.clone().or_else(|| Some(surface(f))))
            .find(|c| suffix.iter().any(|s| c.ends_with(s)))
    };
    let orgs = OrgNames::new(found.iter().filter(|f| f.kind == Kind::Org).map(|f| (surface(f), f.canonical.clone().unwrap_or_else(|| surface(f)))));

    let mut out = Vec::new();
    for (index, f) in found.iter().enumerate() {
        let s = surface(f);
        // A single unknown word that is a person's surname elsewhere is that person
        // ("à Kim" is not a place when "Kim Jong Un" is in the article).
        let surname_of = |f: &Found| {
            if f.canonical.is_some() || s.split_whitespace().count() != 1 {
                return None;
            }
            person_for(&s, f.start)
        };
        let (kind, entity) = match (f.kind, surname_of(f)) {
            (_, Some(person)) if f.kind != Kind::Org || f.weak => (Kind::Person, Some(person)),
            _ => (f.kind, None),
        };
        let entity = entity.or_else(|| match kind {
            Kind::Person => {
                if s.split_whitespace().count() >= 2 {
                    canonical_by_key.get(&name_key(&s)).cloned()
                } else {
                    match person_for(&s, f.start) {
                        Some(canonical) => Some(canonical),
                        None if f.weak => None,
                        None => Some(s.clone()),
                    }
                }
            }
            Kind::Place if f.weak && !matches!(s.as_str(), "Nord" | "North" | "Sud" | "South") => None,
            Kind::Place if f.weak && matches!(s.as_str(), "Nord" | "North") => place_with(&["du Nord", "North"]),
            Kind::Place if f.weak && matches!(s.as_str(), "Sud" | "South") => place_with(&["du Sud", "South"]),
            Kind::Place => Some(f.canonical.clone().unwrap_or(s.clone())),
            Kind::Org => Some(org_entity(text, found, index, &s, f, &orgs)),
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
fn org_entity(text: &str, found: &[Found], index: usize, s: &str, f: &Found, orgs: &OrgNames) -> String {
    if let Some(c) = &f.canonical {
        return c.clone();
    }
    // An acronym in brackets right after an organisation.
    if index > 0 {
        let prev = &found[index - 1];
        let between = &text[prev.end..f.start];
        if prev.kind == Kind::Org && between.trim() == "(" && initials(&text[prev.start..prev.end]) == s {
            return prev.canonical.clone().unwrap_or_else(|| text[prev.start..prev.end].to_string());
        }
    }
    // An acronym of an organisation named in full elsewhere in the article.
    if s.len() >= 2
        && let Some(entity) = orgs.by_initials.get(s).and_then(|list| list.iter().find(|(full, _)| full != s)).map(|(_, e)| e)
    {
        return entity.clone();
    }
    // A short form that begins a longer organisation name (the longest of them).
    let prefix = format!("{s} ");
    let longer = orgs.by_surface.range(prefix.clone()..).take_while(|(full, _)| full.starts_with(&prefix)).max_by_key(|(full, _)| full.len());
    if let Some((_, entity)) = longer {
        return entity.clone();
    }
    s.to_string()
}

/// The organisations of an article, indexed by surface and by initials.
struct OrgNames {
    by_surface: std::collections::BTreeMap<String, String>,
    by_initials: HashMap<String, Vec<(String, String)>>,
}

impl OrgNames {
    fn new(orgs: impl Iterator<Item = (String, String)>) -> Self {
        let mut by_surface = std::collections::BTreeMap::new();
        let mut by_initials = HashMap::default();
        for (surface, entity) in orgs {
            let list: &mut Vec<(String, String)> = by_initials.entry(initials(&surface)).or_default();
            if list.len() < 4 && !list.iter().any(|(f, _)| *f == surface) {
                list.push((surface.clone(), entity.clone()));
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

/// Gives every person one canonical name across the corpus: full names with the same
/// key share the commonest spelling, and a surname used alone in an article that never
/// names the person in full links to the one corpus person it can be.
pub fn link_corpus(articles: &mut [&mut crate::model::Article]) {
    // Keys of the names met so far: a corpus names the same people again and again.
    let mut keys: HashMap<String, String> = HashMap::default();
    let mut key_of = |name: &str| -> String {
        if let Some(key) = keys.get(name) {
            return key.clone();
        }
        let key = name_key(name);
        keys.insert(name.to_string(), key.clone());
        key
    };
    // Spellings of each full name, counted.
    let mut spellings: HashMap<String, Vec<(String, usize)>> = HashMap::default();
    for a in articles.iter() {
        for m in a.mentions.iter().filter(|m| m.kind() == Kind::Person) {
            let s = &a.text[m.range()];
            if s.split_whitespace().count() >= 2 {
                let list = spellings.entry(key_of(s)).or_default();
                match list.iter_mut().find(|(spelling, _)| spelling == s) {
                    Some((_, n)) => *n += 1,
                    None => list.push((s.to_string(), 1)),
                }
            }
        }
    }
    // The name each key stands for, shared by every mention that takes it.
    let canonical: HashMap<&String, std::sync::Arc<str>> = spellings
        .iter()
        .map(|(key, list)| {
            let best = list.iter().enumerate().max_by_key(|(i, (_, n))| (*n, std::cmp::Reverse(*i))).map(|(_, (s, _))| s);
            (key, best.expect("at least one spelling").as_str().into())
        })
        .collect();
    // Which full names a single word can stand for.
    let mut by_word: HashMap<String, Vec<&String>> = HashMap::default();
    for key in spellings.keys() {
        let spelling = &spellings[key][0].0;
        let words = name_words(spelling);
        for w in [words.first(), words.last()].into_iter().flatten() {
            let list = by_word.entry(w.clone()).or_default();
            if !list.contains(&key) {
                list.push(key);
            }
        }
    }
    for a in articles.iter_mut() {
        for m in a.mentions.iter_mut().filter(|m| m.kind() == Kind::Person) {
            let Some(entity) = &m.entity else { continue };
            let key = key_of(entity);
            let target = if entity.split_whitespace().count() >= 2 {
                canonical.get(&key).cloned()
            } else {
                match by_word.get(&key).map(Vec::as_slice) {
                    Some([only]) => canonical.get(only).cloned(),
                    _ => None,
                }
            };
            if let Some(t) = target {
                m.entity = Some(t);
            }
        }
    }
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
    fn initials_of_names() {
        assert_eq!(initials("Agence France-Presse"), "AFP");
        assert_eq!(initials("Organisation des Nations unies"), "ON");
    }
}
