//! Persons across a corpus: every mention of one person gets one canonical name.
//!
//! Full names with the same key ([`aliases::name_key`]: `Kim Jong Un`, `Kim Jong-un`)
//! share the commonest spelling, and a surname used alone in an article that never names
//! the person in full links to the one corpus person it can be.
//!
//! The work comes in two parts so that a reader can do the first while the corpus
//! streams in: [`CorpusPersons::add`] gathers the full names of each article as it
//! arrives, in corpus order, and [`CorpusPersons::link`] renames once all are in, on
//! every core.

use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use super::aliases::{name_key, name_words};
use crate::model::{Article, Kind};

/// The full names of the persons of the articles gathered so far.
#[derive(Debug, Default)]
pub struct CorpusPersons {
    /// The key of each name met so far: a corpus names the same people again and again.
    keys: HashMap<String, String>,
    /// The spellings of each full name, by key, counted, in order of first use.
    spellings: HashMap<String, Vec<(String, usize)>>,
}

impl CorpusPersons {
    /// Gathers the full names of the next article of the corpus (articles are added in
    /// corpus order: among equally common spellings, the first met wins).
    pub fn add(&mut self, article: &Article) {
        for m in article.mentions.iter().filter(|m| m.kind() == Kind::Person) {
            let Some(s) = article.text.get(m.range()) else { continue };
            if s.split_whitespace().count() >= 2 {
                let key = self.key_of(s).to_owned();
                let list = self.spellings.entry(key).or_default();
                match list.iter_mut().find(|(spelling, _)| spelling == s) {
                    Some((_, n)) => *n += 1,
                    None => list.push((s.to_string(), 1)),
                }
            }
            // The key [`CorpusPersons::link`] asks for, made now rather than then.
            if let Some(entity) = &m.entity {
                self.key_of(entity);
            }
        }
    }

    /// The key of `name`, kept for the next time.
    fn key_of(&mut self, name: &str) -> &str {
        if !self.keys.contains_key(name) {
            self.keys.insert(name.to_string(), name_key(name));
        }
        &self.keys[name]
    }

    /// Gives the person mentions of `articles` (those added, in the same order and
    /// unchanged since) their canonical names.
    pub fn link(self, articles: &mut [Article]) {
        let CorpusPersons { keys, spellings } = self;
        // The name each key stands for, shared by every mention that takes it.
        let canonical: HashMap<&str, Arc<str>> = spellings
            .iter()
            .map(|(key, list)| {
                let best = list.iter().enumerate().max_by_key(|(i, (_, n))| (*n, std::cmp::Reverse(*i))).map(|(_, (s, _))| s);
                (key.as_str(), best.expect("at least one spelling").as_str().into())
            })
            .collect();
        // Which full names a single word can stand for.
        let mut by_word: HashMap<String, Vec<&str>> = HashMap::default();
        for (key, list) in &spellings {
            let words = name_words(&list[0].0);
            for w in [words.first(), words.last()].into_iter().flatten() {
                let keys = by_word.entry(w.clone()).or_default();
                if !keys.contains(&key.as_str()) {
                    keys.push(key);
                }
            }
        }
        articles.par_iter_mut().for_each(|a| {
            for m in a.mentions.iter_mut().filter(|m| m.kind() == Kind::Person) {
                let Some(entity) = &m.entity else { continue };
                let made;
                let key = match keys.get(&**entity) {
                    Some(key) => key.as_str(),
                    None => {
                        made = name_key(entity);
                        &made
                    }
                };
                let target = if entity.split_whitespace().count() >= 2 {
                    canonical.get(key)
                } else {
                    match by_word.get(key).map(Vec::as_slice) {
                        Some([only]) => canonical.get(only),
                        _ => None,
                    }
                };
                // An equal name is left as it is, and stays shared with its equals.
                if let Some(t) = target
                    && **t != **entity
                {
                    m.entity = Some(Arc::clone(t));
                }
            }
        });
    }
}

/// Gives every person of `articles` one canonical name across the corpus
/// ([`CorpusPersons`], both parts at once).
pub fn link_corpus(articles: &mut [Article]) {
    let mut persons = CorpusPersons::default();
    for a in articles.iter() {
        persons.add(a);
    }
    persons.link(articles);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Mention;

    fn article(text: &str, persons: &[(&str, &str)]) -> Article {
        let mentions = persons
            .iter()
            .map(|&(surface, entity)| {
                let start = text.find(surface).expect("surface in text");
                Mention::new(Kind::Person, start, start + surface.len(), Some(entity.into()))
            })
            .collect();
        Article { text: text.into(), mentions, ..Article::default() }
    }

    fn entities(a: &Article) -> Vec<&str> {
        a.mentions.iter().filter_map(|m| m.entity.as_deref()).collect()
    }

    #[test]
    fn full_names_take_the_commonest_spelling_and_surnames_follow() {
        let mut articles = vec![
            article("Kim Jong-un est arrivé.", &[("Kim Jong-un", "Kim Jong-un")]),
            article("Kim Jong Un et Kim Jong Un.", &[("Kim Jong Un", "Kim Jong Un")]),
            article("Kim Jong Un, encore.", &[("Kim Jong Un", "Kim Jong Un")]),
            article("Poutine et Kim.", &[("Poutine", "Poutine"), ("Kim", "Kim")]),
            article("Vladimir Poutine parle.", &[("Vladimir Poutine", "Vladimir Poutine")]),
            article("Dupont et Dupont.", &[("Dupont", "Dupont")]),
            article("Jean Dupont et Marie Dupont.", &[("Jean Dupont", "Jean Dupont"), ("Marie Dupont", "Marie Dupont")]),
        ];
        link_corpus(&mut articles);
        assert_eq!(entities(&articles[0]), ["Kim Jong Un"]);
        assert_eq!(entities(&articles[3]), ["Vladimir Poutine", "Kim Jong Un"]);
        // Two persons share the surname: it stays alone.
        assert_eq!(entities(&articles[5]), ["Dupont"]);
    }

    #[test]
    fn gathered_while_streaming_links_as_at_once() {
        let text = |i: usize| ["Kim Jong-un", "Kim Jong Un", "Poutine", "Vladimir Poutine", "Putin"][i % 5];
        let make = || -> Vec<Article> {
            (0..40).map(|i| article(&format!("{} a dit.", text(i)), &[(text(i), text(i))])).collect()
        };
        let mut at_once = make();
        link_corpus(&mut at_once);
        let mut streamed = make();
        let mut persons = CorpusPersons::default();
        for a in &streamed {
            persons.add(a);
        }
        persons.link(&mut streamed);
        assert_eq!(at_once, streamed);
    }
}
