//! vigie: a reader for folders of scraped news articles.
//!
//! The library is the pipeline, with no knowledge of terminals:
//! [`corpus`] loads and decodes files, [`clean`] turns each page into an article,
//! [`extract`] finds the mentions, [`timeline`] and [`index`] link them across the
//! corpus, and [`export`] writes the analysis as JSON. The reader in [`tui`] and the
//! `vigie` binary are thin shells over [`analyse`].

pub mod anchor;
pub mod clean;
pub mod corpus;
pub mod export;
pub mod extract;
pub mod index;
pub mod lexicon;
pub mod model;
pub mod sanitize;
pub mod spans;
pub mod timeline;
pub mod tui;

use chrono::NaiveDate;
use rayon::prelude::*;

use corpus::Document;
use extract::Extraction;
use model::{Article, DateSource, Kind, Mention, Value};

/// An analysed corpus: the articles and what loading reported.
#[derive(Debug, Default, Clone)]
pub struct Corpus {
    /// The articles, in load order.
    pub articles: Vec<Article>,
    /// Problems met while loading (unreadable, binary, empty or truncated files).
    pub warnings: Vec<String>,
    /// Files skipped in directories because of their extension.
    pub skipped: usize,
}

/// An article cleaned and extracted, whose dates await the article's date.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The article, with entity and figure mentions but no date mentions yet.
    pub article: Article,
    /// What extraction found, temporal expressions included.
    pub extraction: Extraction,
}

/// Cleans one document and extracts its mentions; dates stay unresolved.
pub fn draft(doc: &Document) -> Draft {
    let cleaned = clean::clean(&doc.text);
    let mut text = String::new();
    let mut paragraphs = Vec::with_capacity(cleaned.paragraphs.len());
    for p in &cleaned.paragraphs {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        paragraphs.push(text.len()..text.len() + p.len());
        text.push_str(p);
    }
    let mut extraction = extract::extract(&text);
    let mentions = std::mem::take(&mut extraction.mentions);
    let (date, date_source) = match cleaned.date {
        Some(d) => (Some(d), DateSource::Line),
        None => match extract::article_date::infer(&text, &extraction.temporals) {
            Some(d) => (Some(d), DateSource::Text),
            None => (None, DateSource::Unknown),
        },
    };
    let article = Article {
        id: doc.id.clone(),
        source: doc.source.clone(),
        title: cleaned.title,
        date,
        date_source,
        meta: cleaned.meta,
        text,
        paragraphs,
        mentions,
        timeline: Vec::new(),
        warnings: doc.warnings.clone(),
    };
    Draft { article, extraction }
}

/// Resolves a draft's dates against its article date and builds its timeline.
pub fn finish(draft: Draft) -> Article {
    let Draft { mut article, extraction } = draft;
    let anchor: Option<NaiveDate> = article.date;
    let mut mentions = article.mentions;
    let taken = spans::Disjoint::from_sorted(mentions.iter().map(|m| (m.start, m.end)));
    for t in &extraction.temporals {
        // A date that overlaps an entity or figure loses: "2000" inside "G2000" is not a year.
        if taken.overlaps(t.start, t.end) {
            continue;
        }
        let value = extract::dates::resolve(t.temporal, t.tense, anchor);
        mentions.push(Mention {
            kind: Kind::Date,
            start: t.start,
            end: t.end,
            entity: None,
            value: value.map(Value::Date),
            unit: None,
        });
    }
    mentions.sort_by_key(|m| (m.start, m.end));
    article.mentions = mentions;
    article.timeline = timeline::article_events(&article, &extraction.sentences);
    article
}

/// Analyses loaded documents: cleaning and extraction in parallel, then the dates.
pub fn analyse(docs: &[Document]) -> Vec<Article> {
    let mut drafts: Vec<Draft> = docs.par_iter().map(draft).collect();
    link_and_anchor(&mut drafts);
    drafts.into_par_iter().map(finish).collect()
}

/// The corpus-wide steps between drafting and finishing: one canonical name per
/// person across articles, then dates anchored on other articles' events.
pub fn link_and_anchor(drafts: &mut [Draft]) {
    let mut articles: Vec<&mut Article> = drafts.iter_mut().map(|d| &mut d.article).collect();
    extract::aliases::link_corpus(&mut articles);
    anchor::anchor(drafts);
}

/// Loads and analyses `paths` (the bundled articles when empty).
///
/// ```
/// let corpus = vigie::open(&[]);
/// assert_eq!(corpus.articles.len(), 5);
/// assert!(corpus.articles.iter().all(|a| !a.text.is_empty()));
/// ```
pub fn open(paths: &[std::path::PathBuf]) -> Corpus {
    let loaded = if paths.is_empty() { corpus::bundled() } else { corpus::load(paths) };
    Corpus { articles: analyse(&loaded.documents), warnings: loaded.warnings, skipped: loaded.skipped }
}

/// What the analysis reports to a front end that shows the corpus while it loads.
#[derive(Debug)]
pub enum LoadEvent {
    /// How many documents will be analysed.
    Total(usize),
    /// One more article is ready (its dates resolved against its own evidence only).
    Article(Box<Article>),
    /// A loading problem to show (unreadable, binary, empty, truncated file).
    Warning(String),
    /// Everything is analysed; these articles (dates anchored across the corpus)
    /// replace the ones sent so far, in the same order.
    Finished(Corpus),
}

/// How many documents are read and analysed together: large enough to keep both
/// cores busy, small enough that the first articles show at once.
const BATCH: usize = 64;

/// Reads and analyses one batch of sources in parallel, keeping their order.
fn draft_batch(sources: &[corpus::Source]) -> Vec<Result<Draft, String>> {
    sources.par_iter().map(|s| corpus::read(s).map(|doc| draft(&doc))).collect()
}

/// Loads and analyses `paths` on the current thread, reporting progress on `tx`:
/// each article as soon as its batch is analysed (dates from its own evidence), then
/// the whole corpus with dates anchored across articles.
/// The receiver may hang up at any time (the user quit): the work then stops.
pub fn open_streaming(paths: &[std::path::PathBuf], tx: std::sync::mpsc::Sender<LoadEvent>) {
    let (sources, mut warnings, skipped, bundled) = if paths.is_empty() {
        (Vec::new(), Vec::new(), 0, corpus::bundled().documents)
    } else {
        let listing = corpus::list(paths);
        (listing.sources, listing.warnings, listing.skipped, Vec::new())
    };
    for w in &warnings {
        if tx.send(LoadEvent::Warning(w.clone())).is_err() {
            return;
        }
    }
    if tx.send(LoadEvent::Total(sources.len() + bundled.len())).is_err() {
        return;
    }
    let mut drafts: Vec<Draft> = Vec::new();
    let send = |result: Result<Draft, String>, drafts: &mut Vec<Draft>, warnings: &mut Vec<String>| -> bool {
        match result {
            Ok(d) => {
                for w in &d.article.warnings {
                    let line = format!("{}: {w}", d.article.source);
                    warnings.push(line.clone());
                    if tx.send(LoadEvent::Warning(line)).is_err() {
                        return false;
                    }
                }
                let ready = finish(d.clone());
                drafts.push(d);
                tx.send(LoadEvent::Article(Box::new(ready))).is_ok()
            }
            Err(w) => {
                warnings.push(w.clone());
                tx.send(LoadEvent::Warning(w)).is_ok()
            }
        }
    };
    for doc in &bundled {
        if !send(Ok(draft(doc)), &mut drafts, &mut warnings) {
            return;
        }
    }
    for batch in sources.chunks(BATCH) {
        for result in draft_batch(batch) {
            if !send(result, &mut drafts, &mut warnings) {
                return;
            }
        }
    }
    link_and_anchor(&mut drafts);
    let articles = drafts.into_par_iter().map(finish).collect();
    let _ = tx.send(LoadEvent::Finished(Corpus { articles, warnings, skipped }));
}

/// Analyses `paths` article by article and hands each one to `emit` as soon as its
/// batch is done, in order; memory stays bounded by the batch, so a corpus larger than
/// memory can be exported. Articles are analysed on their own: no person linking or
/// date anchoring across the corpus. Returns the number of articles, the load
/// warnings and the count of skipped files; stops early when `emit` fails.
pub fn analyse_each<E>(
    paths: &[std::path::PathBuf],
    mut emit: impl FnMut(&Article) -> Result<(), E>,
) -> Result<(usize, Vec<String>, usize), E> {
    if paths.is_empty() {
        let mut n = 0;
        for doc in corpus::bundled().documents {
            emit(&finish(draft(&doc)))?;
            n += 1;
        }
        return Ok((n, Vec::new(), 0));
    }
    let listing = corpus::list(paths);
    let mut warnings = listing.warnings;
    let mut n = 0;
    for batch in listing.sources.chunks(BATCH) {
        let ready: Vec<Result<Article, String>> =
            batch.par_iter().map(|s| corpus::read(s).map(|doc| finish(draft(&doc)))).collect();
        for result in ready {
            match result {
                Ok(article) => {
                    warnings.extend(article.warnings.iter().map(|w| format!("{}: {w}", article.source)));
                    emit(&article)?;
                    n += 1;
                }
                Err(w) => warnings.push(w),
            }
        }
    }
    Ok((n, warnings, listing.skipped))
}
