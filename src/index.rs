//! The entity index: every mention of each person, place and organisation across the
//! corpus, in reading order, and the entities of each article with their counts.
//!
//! Mentions are linked by [`Mention::entity`], the canonical name the extractor gives to
//! every mention of one real entity. A person, place or organisation mention without a
//! canonical name is indexed under its own text, so that the reader can still follow it.
//! Figures and dates are not entities and are left out.
//!
//! The index is built once, in O(total mentions), and grows article by article while a
//! corpus streams in ([`EntityIndex::push`]).

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rayon::prelude::*;
use rustc_hash::{FxBuildHasher, FxHashMap as HashMap};

use crate::model::{Article, Kind, Mention};

/// The address of one mention in the corpus (two 32-bit numbers: a large corpus
/// has millions; files are capped well below 4 billion mentions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Occurrence {
    article: u32,
    mention: u32,
}

impl Occurrence {
    /// Mention number `mention` of article number `article`.
    pub fn new(article: usize, mention: usize) -> Occurrence {
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Occurrence { article: narrow(article), mention: narrow(mention) }
    }

    /// Index of the article in the corpus.
    pub fn article(self) -> usize {
        self.article as usize
    }

    /// Index of the mention in that article's [`Article::mentions`].
    pub fn mention(self) -> usize {
        self.mention as usize
    }
}

/// The number that identifies an entity in one [`EntityIndex`] (32 bits, like
/// [`Occurrence`]: a corpus has far fewer entities than mentions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntityId(u32);

impl EntityId {
    /// Entity number `n` of the index ([`EntityIndex::entities`]`[n]`).
    pub fn new(n: usize) -> EntityId {
        EntityId(u32::try_from(n).unwrap_or(u32::MAX))
    }

    /// Position of the entity in [`EntityIndex::entities`].
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// One entity of the corpus and where it is mentioned.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// The canonical name (or the mention's text when the extractor gave none).
    pub name: String,
    /// What the entity is.
    pub kind: Kind,
    /// Every mention of the entity, in reading order (article order, then text order).
    pub occurrences: Vec<Occurrence>,
}

/// An entity of one article and how many times the article mentions it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntityCount {
    /// The entity.
    pub entity: EntityId,
    /// Mentions of it in the article.
    pub count: u32,
}

/// Entities of a corpus, with their mentions, and the entities of each article.
#[derive(Debug, Clone, Default)]
pub struct EntityIndex {
    entities: Vec<Entity>,
    /// Entities by kind (`Kind as usize`), hashed by name: the table holds only ids, so
    /// each name is stored once (in [`Entity::name`]), and it is looked up by `&str`
    /// without making a key for each of the corpus's mentions.
    by_name: [HashTable<EntityId>; Kind::ALL.len()],
    /// For each article, its entities in order of first mention.
    per_article: Vec<Vec<EntityCount>>,
}

/// The fewest articles one core indexes on its own in [`EntityIndex::build`]: below
/// that, joining the runs would cost more than it saves.
const MIN_RUN: usize = 256;

/// The key under which a mention is indexed: its kind and its canonical name, or its own
/// text when it has none. `None` for figures, dates and mentions that do not fit the text.
pub fn entity_key<'a>(article: &'a Article, mention: &'a Mention) -> Option<(Kind, &'a str)> {
    if !mention.kind().is_entity() {
        return None;
    }
    match &mention.entity {
        Some(name) if !name.trim().is_empty() => Some((mention.kind(), &**name)),
        _ => {
            let text = article.text.get(mention.range())?.trim();
            (!text.is_empty()).then_some((mention.kind(), text))
        }
    }
}

/// The hash under which a name is filed in [`EntityIndex::by_name`].
fn name_hash(name: &str) -> u64 {
    FxBuildHasher.hash_one(name)
}

impl EntityIndex {
    /// Indexes every article of `articles`.
    pub fn build(articles: &[Article]) -> Self {
        // Each core indexes a run of articles, and the runs are then joined in order,
        // which numbers the entities and orders their mentions as one pass would.
        let run = articles.len().div_ceil(rayon::current_num_threads().max(1)).max(MIN_RUN);
        let runs: Vec<EntityIndex> = articles
            .par_chunks(run)
            .map(|run| {
                let mut index = EntityIndex::default();
                let mut by_address = HashMap::default();
                for article in run {
                    index.push_article(article, Some(&mut by_address));
                }
                index
            })
            .collect();
        let mut index = runs.into_iter().reduce(EntityIndex::append).unwrap_or_default();
        // Built whole, so nothing more will be pushed: no spare room (a large corpus
        // has hundreds of thousands of these lists).
        for entity in &mut index.entities {
            entity.occurrences.shrink_to_fit();
        }
        index.entities.shrink_to_fit();
        index.per_article.shrink_to_fit();
        index
    }

    /// The index of this index's articles followed by `next`'s: `next`'s entities keep
    /// their order after those already here, and its articles are renumbered after these.
    fn append(mut self, next: EntityIndex) -> EntityIndex {
        let first_article = self.per_article.len();
        let renumber = |o: Occurrence| Occurrence::new(o.article() + first_article, o.mention());
        let ids: Vec<EntityId> = next
            .entities
            .into_iter()
            .map(|mut entity| match self.find(entity.kind, &entity.name) {
                Some(id) => {
                    self.entities[id.index()].occurrences.extend(entity.occurrences.iter().map(|&o| renumber(o)));
                    id
                }
                None => {
                    let id = EntityId::new(self.entities.len());
                    for o in &mut entity.occurrences {
                        *o = renumber(*o);
                    }
                    let hash = name_hash(&entity.name);
                    let kind = entity.kind as usize;
                    self.entities.push(entity);
                    let entities = &self.entities;
                    self.by_name[kind].insert_unique(hash, id, |id| name_hash(&entities[id.index()].name));
                    id
                }
            })
            .collect();
        self.per_article.extend(next.per_article.into_iter().map(|mut counts| {
            for c in &mut counts {
                c.entity = ids[c.entity.index()];
            }
            counts
        }));
        self
    }

    /// Indexes one more article, which becomes article number [`EntityIndex::articles`].
    pub fn push(&mut self, article: &Article) {
        self.push_article(article, None);
    }

    /// [`EntityIndex::push`], with `by_address` when the caller keeps every article it
    /// pushes alive and unchanged meanwhile: the entity of each shared name (the
    /// address of its allocation, and the kind), so that the mentions of a name already
    /// seen are found without hashing the name and reading the entity's to compare.
    fn push_article(&mut self, article: &Article, mut by_address: Option<&mut HashMap<(usize, Kind), EntityId>>) {
        let article_index = self.per_article.len();
        let mut counts: Vec<EntityCount> = Vec::new();
        // Position of each entity in `counts`, so that counting stays linear.
        let mut slot: HashMap<EntityId, usize> = HashMap::default();
        for (mention_index, mention) in article.mentions.iter().enumerate() {
            let Some((kind, name)) = entity_key(article, mention) else { continue };
            // (Only a name that `entity_key` took from the mention's own entity.)
            let address = match (&by_address, &mention.entity) {
                (Some(_), Some(entity)) if std::ptr::eq(name.as_ptr(), entity.as_ptr()) => Some((entity.as_ptr() as usize, kind)),
                _ => None,
            };
            let known = address.and_then(|address| by_address.as_ref()?.get(&address).copied());
            let id = match known.or_else(|| self.find(kind, name)) {
                Some(id) => id,
                None => {
                    let id = EntityId::new(self.entities.len());
                    self.entities.push(Entity { name: name.to_string(), kind, occurrences: Vec::new() });
                    let entities = &self.entities;
                    self.by_name[kind as usize].insert_unique(name_hash(name), id, |id| name_hash(&entities[id.index()].name));
                    id
                }
            };
            if let (None, Some(address), Some(by_address)) = (known, address, by_address.as_deref_mut()) {
                by_address.insert(address, id);
            }
            self.entities[id.index()].occurrences.push(Occurrence::new(article_index, mention_index));
            match slot.get(&id) {
                Some(&i) => counts[i].count += 1,
                None => {
                    slot.insert(id, counts.len());
                    counts.push(EntityCount { entity: id, count: 1 });
                }
            }
        }
        counts.shrink_to_fit();
        self.per_article.push(counts);
    }

    /// How many articles are indexed.
    pub fn articles(&self) -> usize {
        self.per_article.len()
    }

    /// Every entity, in order of first mention in the corpus.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// One entity.
    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.entities[id.index()]
    }

    /// The entity of this kind and canonical name, if the corpus mentions it.
    pub fn find(&self, kind: Kind, name: &str) -> Option<EntityId> {
        let entities = &self.entities;
        self.by_name[kind as usize].find(name_hash(name), |id| entities[id.index()].name == name).copied()
    }

    /// The entity that a mention names, if it is an indexed entity mention.
    pub fn entity_of(&self, article: &Article, mention: &Mention) -> Option<EntityId> {
        let (kind, name) = entity_key(article, mention)?;
        self.find(kind, name)
    }

    /// The entities of one article, in order of first mention, with their counts
    /// (empty for an article that is not indexed).
    pub fn in_article(&self, article: usize) -> &[EntityCount] {
        self.per_article.get(article).map_or(&[], Vec::as_slice)
    }

    /// Where `at` stands among the mentions of `entity` (0-based), if it is one of them.
    pub fn position(&self, entity: EntityId, at: Occurrence) -> Option<usize> {
        self.entities.get(entity.index())?.occurrences.binary_search(&at).ok()
    }

    /// The mention of `entity` after (`forward`) or before `from` in reading order,
    /// wrapping around the ends of the corpus; the flag says whether it wrapped.
    /// `from` need not be a mention of the entity.
    pub fn step(&self, entity: EntityId, from: Occurrence, forward: bool) -> Option<(Occurrence, bool)> {
        let occurrences = &self.entities.get(entity.index())?.occurrences;
        let (first, last) = (*occurrences.first()?, *occurrences.last()?);
        if forward {
            let i = occurrences.partition_point(|o| *o <= from);
            Some(occurrences.get(i).map_or((first, true), |o| (*o, false)))
        } else {
            let i = occurrences.partition_point(|o| *o < from);
            Some(if i == 0 { (last, true) } else { (occurrences[i - 1], false) })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(kind: Kind, start: usize, end: usize, entity: Option<&str>) -> Mention {
        Mention::new(kind, start, end, entity.map(Into::into))
    }

    fn article(text: &str, mentions: Vec<Mention>) -> Article {
        Article { text: text.into(), mentions, ..Article::default() }
    }

    #[test]
    fn links_mentions_across_articles_in_reading_order() {
        let a = article(
            "Macron et Poutine. Macron.",
            vec![
                mention(Kind::Person, 0, 6, Some("Emmanuel Macron")),
                mention(Kind::Person, 10, 17, None),
                mention(Kind::Person, 19, 25, Some("Emmanuel Macron")),
            ],
        );
        let b = article("12 000 a Paris", vec![mention(Kind::Figure, 0, 6, None), mention(Kind::Place, 9, 14, None)]);
        let c = article("Emmanuel Macron", vec![mention(Kind::Person, 0, 15, Some("Emmanuel Macron"))]);
        let index = EntityIndex::build(&[a.clone(), b, c]);
        assert_eq!(index.entities().len(), 3);
        let macron = index.find(Kind::Person, "Emmanuel Macron").unwrap();
        let occ = Occurrence::new;
        assert_eq!(index.entity(macron).occurrences, [occ(0, 0), occ(0, 2), occ(2, 0)]);
        assert_eq!(index.find(Kind::Place, "Paris").map(|id| index.entity(id).occurrences.clone()), Some(vec![occ(1, 1)]));
        assert_eq!(index.entity_of(&a, &a.mentions[1]), index.find(Kind::Person, "Poutine"));
        assert_eq!(index.in_article(0), [EntityCount { entity: macron, count: 2 }, EntityCount { entity: EntityId(1), count: 1 }]);
        assert_eq!(index.position(macron, occ(0, 2)), Some(1));
        assert_eq!(index.step(macron, occ(0, 2), true), Some((occ(2, 0), false)));
        assert_eq!(index.step(macron, occ(2, 0), true), Some((occ(0, 0), true)));
        assert_eq!(index.step(macron, occ(0, 0), false), Some((occ(2, 0), true)));
        assert_eq!(index.step(macron, occ(1, 0), false), Some((occ(0, 2), false)));
        assert!(index.in_article(7).is_empty());
    }

    #[test]
    fn joined_runs_give_the_index_of_one_pass() {
        // Entities met first in a later run, met again, and met in several runs.
        let names = ["Emmanuel Macron", "Vladimir Poutine", "Paris", "Kim Jong-un", "Moscou"];
        let articles: Vec<Article> = (0..700)
            .map(|i| {
                let mentions = (0..(i % 4))
                    .map(|k| {
                        let name = match (i, k) {
                            (500.., 1) => "Kyiv",
                            _ if i % 97 == 0 => "Pyongyang",
                            _ => names[(i * 7 + k * 3) % names.len()],
                        };
                        let kind = if name.contains(' ') { Kind::Person } else { Kind::Place };
                        mention(kind, 0, 4, Some(name))
                    })
                    .collect();
                article("text of the article", mentions)
            })
            .collect();
        let one_pass = |articles: &[Article]| {
            let mut index = EntityIndex::default();
            for a in articles {
                index.push(a);
            }
            index
        };
        let whole = one_pass(&articles);
        let built = EntityIndex::build(&articles);
        assert_eq!(built.entities(), whole.entities());
        assert_eq!(built.per_article, whole.per_article);
        for e in built.entities() {
            assert_eq!(built.find(e.kind, &e.name), whole.find(e.kind, &e.name));
        }
        let two_runs = EntityIndex::append(one_pass(&articles[..300]), one_pass(&articles[300..]));
        assert_eq!(two_runs.entities(), whole.entities());
        assert_eq!(two_runs.per_article, whole.per_article);
    }

    #[test]
    fn shared_names_index_as_separate_copies_do() {
        // One allocation per name, shared by the mentions as the reader's articles share
        // them, one name in two kinds, and equal names in separate allocations.
        let shared: Vec<std::sync::Arc<str>> = ["Emmanuel Macron", "Paris", "Kim Jong-un", " "].into_iter().map(Into::into).collect();
        let articles: Vec<Article> = (0..600)
            .map(|i| {
                let mentions = (0..(i % 5))
                    .map(|k| {
                        let kind = if (i + k) % 3 == 0 { Kind::Place } else { Kind::Person };
                        let name = if (i * k) % 7 == 0 { shared[(i + k) % 4].to_string().into() } else { std::sync::Arc::clone(&shared[(i + k) % 4]) };
                        Mention::new(kind, 0, 4, Some(name))
                    })
                    .collect();
                article("text of the article", mentions)
            })
            .collect();
        let mut one_pass = EntityIndex::default();
        for a in &articles {
            one_pass.push(a);
        }
        let built = EntityIndex::build(&articles);
        assert_eq!(built.entities(), one_pass.entities());
        assert_eq!(built.per_article, one_pass.per_article);
        assert!(built.entities().iter().any(|e| e.name == "text" && e.kind == Kind::Person), "a blank name falls back to the text");
    }

    #[test]
    fn skips_mentions_outside_the_text() {
        let a = article("court", vec![mention(Kind::Person, 2, 40, None)]);
        assert!(EntityIndex::build(&[a]).entities().is_empty());
    }
}
