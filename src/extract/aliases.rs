//! Linking the mentions of one entity: within an article (a surname to the full name
//! seen before it, spelling variants, an acronym to its expansion, a short form of an
//! organisation to its full name) and across the corpus (one canonical name for every
//! spelling of a person: `Poutine`, `Vladimir Poutine`, `Putin`).

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use crate::model::Kind;

use super::entities::Found;

/// A spelling-insensitive key of a name: accents, case, hyphens and the usual French
/// and English transliteration differences folded (`Poutine`/`Putin`,
/// `Iouri`/`Iuri`/`Yuri`, `Beloussov`/`Belousov`, `Choïgou`/`Shoigu`, `Kim Jong-un`/`Kim Jong Un`).
pub fn name_key(name: &str) -> String {
    let plain: String = name
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-')
        .collect();
    plain
        .split([' ', '-'])
        .filter(|w| !w.is_empty())
        .map(word_key)
        .collect::<Vec<_>>()
        .join("")
}

fn word_key(w: &str) -> String {
    let mut s = w.to_string();
    for (from, to) in [("sch", "sh"), ("tch", "ch"), ("ch", "sh"), ("kh", "h"), ("ou", "u"), ("y", "i"), ("ck", "k"), ("ph", "f"), ("w", "v"), ("gue", "ge"), ("gui", "gi"), ("j", "i"), ("ei", "ei")] {
        s = s.replace(from, to);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if out.chars().next_back() != Some(c) {
            out.push(c);
        }
    }
    if out.len() > 3 && out.ends_with('e') {
        out.pop();
    }
    out
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
    let mut full_names: Vec<(usize, String, Vec<String>)> = Vec::new(); // (start, canonical, word keys)
    let mut canonical_by_key: HashMap<String, String> = HashMap::new();
    for f in found.iter().filter(|f| f.kind == Kind::Person) {
        let s = surface(f);
        if s.split_whitespace().count() >= 2 {
            let key = name_key(&s);
            let canonical = canonical_by_key.entry(key).or_insert_with(|| s.clone()).clone();
            full_names.push((f.start, canonical, name_words(&s)));
        }
    }
    // The full names each first or last word can stand for, in text order: looked up
    // by key rather than by scanning every full name for every mention, which made a
    // large page of names quadratic.
    let mut full_names_by_word: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, (_, _, words)) in full_names.iter().enumerate() {
        for w in [words.first(), words.last()].into_iter().flatten() {
            let list = full_names_by_word.entry(w.as_str()).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    // The canonical full name a single word at `start` stands for: the nearest one
    // named before it, else the first one named after it.
    let full_name_for = |key: &str, start: usize| -> Option<&String> {
        let list = full_names_by_word.get(key)?;
        let split = list.partition_point(|&i| full_names[i].0 < start);
        let before = split.checked_sub(1).map(|k| list[k]);
        let after = list[split..].iter().copied().find(|&i| full_names[i].0 > start);
        before.or(after).map(|i| &full_names[i].1)
    };
    // Regions named by a cardinal point link to the country they shorten (found once,
    // not once per mention).
    let place_with = |suffix: &[&str]| {
        found
            .iter()
            .filter(|f| f.kind == Kind::Place)
            .filter_map(|f| f.canonical.clone().or_else(|| Some(surface(f))))
            .find(|c| suffix.iter().any(|s| c.ends_with(s)))
    };
    let north = std::cell::OnceCell::new();
    let south = std::cell::OnceCell::new();
    let orgs = Orgs::new(text, found);
    let mut org_entities: HashMap<String, String> = HashMap::new();

    let mut out = Vec::new();
    for (index, f) in found.iter().enumerate() {
        let s = surface(f);
        // A single unknown word that is a person's surname elsewhere is that person
        // ("à Kim" is not a place when "Kim Jong Un" is in the article).
        let surname_of = |f: &Found| {
            if f.canonical.is_some() || s.split_whitespace().count() != 1 {
                return None;
            }
            full_name_for(&name_key(&s), f.start).cloned()
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
                    match full_name_for(&name_key(&s), f.start) {
                        Some(canonical) => Some(canonical.clone()),
                        None if f.weak => None,
                        None => Some(s.clone()),
                    }
                }
            }
            Kind::Place if f.weak && !matches!(s.as_str(), "Nord" | "North" | "Sud" | "South") => None,
            Kind::Place if f.weak && matches!(s.as_str(), "Nord" | "North") => {
                north.get_or_init(|| place_with(&["du Nord", "North"])).clone()
            }
            Kind::Place if f.weak && matches!(s.as_str(), "Sud" | "South") => {
                south.get_or_init(|| place_with(&["du Sud", "South"])).clone()
            }
            Kind::Place => Some(f.canonical.clone().unwrap_or(s.clone())),
            Kind::Org => Some(org_entity(text, found, index, &s, f, &orgs, &mut org_entities)),
            _ => None,
        });
        if let Some(entity) = entity {
            out.push(Linked { start: f.start, end: f.end, kind, entity });
        }
    }
    out
}

/// The organisations of an article, indexed for [`org_entity`].
struct Orgs<'a> {
    /// Distinct surfaces by their initials, in order of first appearance, with the
    /// entity of that first appearance.
    by_initials: HashMap<String, Vec<(&'a str, String)>>,
    /// Distinct surfaces in sorted order (so that the names a short form begins are
    /// one range), with the position and entity of their last appearance.
    sorted: std::collections::BTreeMap<&'a str, (usize, String)>,
}

impl<'a> Orgs<'a> {
    fn new(text: &'a str, found: &[Found]) -> Self {
        let mut orgs = Orgs { by_initials: HashMap::new(), sorted: std::collections::BTreeMap::new() };
        for (i, f) in found.iter().filter(|f| f.kind == Kind::Org).enumerate() {
            let surface = &text[f.start..f.end];
            let entity = f.canonical.clone().unwrap_or_else(|| surface.to_string());
            // A surface's first appearance is the one not yet in `sorted`.
            if !orgs.sorted.contains_key(surface) {
                orgs.by_initials.entry(initials(surface)).or_default().push((surface, entity.clone()));
            }
            orgs.sorted.insert(surface, (i, entity));
        }
        orgs
    }
}

/// An organisation's entity: its gazetteer name; the full name it abbreviates
/// (`Agence France-Presse (AFP)`); or the longer name it begins (`Conseil de sécurité`
/// for `Conseil de sécurité des Nations unies`). The last two depend on the surface
/// alone, and are remembered in `known` for the surface's next mentions.
fn org_entity(
    text: &str,
    found: &[Found],
    index: usize,
    s: &str,
    f: &Found,
    orgs: &Orgs,
    known: &mut HashMap<String, String>,
) -> String {
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
    if let Some(entity) = known.get(s) {
        return entity.clone();
    }
    // An acronym of an organisation named in full elsewhere in the article.
    let acronym_of = (s.len() >= 2)
        .then(|| orgs.by_initials.get(s))
        .flatten()
        .and_then(|list| list.iter().find(|(full, _)| *full != s))
        .map(|(_, entity)| entity.clone());
    // A short form that begins a longer organisation name: the longest, the last
    // named of equally long ones.
    let prefix = format!("{s} ");
    let entity = acronym_of.unwrap_or_else(|| {
        orgs.sorted
            .range(prefix.as_str()..)
            .take_while(|(full, _)| full.starts_with(&prefix))
            .max_by_key(|(full, (last, _))| (full.len(), *last))
            .map_or_else(|| s.to_string(), |(_, (_, entity))| entity.clone())
    });
    known.insert(s.to_string(), entity.clone());
    entity
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
    fn initials_of_names() {
        assert_eq!(initials("Agence France-Presse"), "AFP");
        assert_eq!(initials("Organisation des Nations unies"), "ON");
    }
}

/// Gives every person one canonical name across the corpus: full names with the same
/// key share the commonest spelling, and a surname used alone in an article that never
/// names the person in full links to the one corpus person it can be.
pub fn link_corpus(articles: &mut [&mut crate::model::Article]) {
    // Spellings of each full name, counted.
    let mut spellings: HashMap<String, Vec<(String, usize)>> = HashMap::new();
    for a in articles.iter() {
        for m in a.mentions.iter().filter(|m| m.kind == Kind::Person) {
            let s = &a.text[m.range()];
            if s.split_whitespace().count() >= 2 {
                let list = spellings.entry(name_key(s)).or_default();
                match list.iter_mut().find(|(spelling, _)| spelling == s) {
                    Some((_, n)) => *n += 1,
                    None => list.push((s.to_string(), 1)),
                }
            }
        }
    }
    let canonical: HashMap<&String, &String> = spellings
        .iter()
        .map(|(key, list)| {
            let best = list.iter().enumerate().max_by_key(|(i, (_, n))| (*n, std::cmp::Reverse(*i))).map(|(_, (s, _))| s);
            (key, best.expect("at least one spelling"))
        })
        .collect();
    // Which full names a single word can stand for.
    let mut by_word: HashMap<String, Vec<&String>> = HashMap::new();
    for key in spellings.keys() {
        let spelling = &spellings[key][0].0;
        let words = name_words(spelling);
        for w in [words.first(), words.last()].into_iter().flatten() {
            let list = by_word.entry(w.clone()).or_default();
            // Keys are distinct: only a name whose first and last words are one repeats.
            if list.last() != Some(&key) {
                list.push(key);
            }
        }
    }
    for a in articles.iter_mut() {
        for m in a.mentions.iter_mut().filter(|m| m.kind == Kind::Person) {
            let Some(entity) = &m.entity else { continue };
            let key = name_key(entity);
            let target = if entity.split_whitespace().count() >= 2 {
                canonical.get(&key).copied()
            } else {
                match by_word.get(&key).map(Vec::as_slice) {
                    Some([only]) => canonical.get(only).copied(),
                    _ => None,
                }
            };
            if let Some(t) = target {
                m.entity = Some(t.clone());
            }
        }
    }
}
