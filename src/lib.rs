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
mod parallel;
pub mod sanitize;
pub mod spans;
pub(crate) mod swar;
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

/// How many documents [`draft_all`] takes through each step of the analysis before the
/// next step. The steps' tables stay in the core's cache across the batch (see
/// [`extract::extract_all`]); from 16 on the gain levels off, and a batch is analysed in
/// about 15 ms, so the reader's first article still shows at once.
pub const BATCH: usize = 32;

/// Cleans one document and extracts its mentions; dates stay unresolved.
pub fn draft(doc: &Document) -> Draft {
    draft_all(std::slice::from_ref(doc)).pop().expect("one draft per document")
}

/// [`draft`] of each of `docs`, in order, [`BATCH`] documents at a time: the batch is
/// cleaned, then extracted step by step ([`extract::extract_all`]).
pub fn draft_all(docs: &[Document]) -> Vec<Draft> {
    let mut drafts = Vec::with_capacity(docs.len());
    for batch in docs.chunks(BATCH) {
        let cleaned: Vec<clean::Cleaned> = batch.iter().map(|doc| clean::clean(&doc.text)).collect();
        let joined: Vec<(String, Vec<std::ops::Range<usize>>)> = cleaned.iter().map(|c| join_paragraphs(&c.paragraphs)).collect();
        let texts: Vec<&str> = joined.iter().map(|(text, _)| text.as_str()).collect();
        let extractions = extract::extract_all(&texts);
        for (((doc, cleaned), (text, paragraphs)), mut extraction) in batch.iter().zip(cleaned).zip(joined).zip(extractions) {
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
            drafts.push(Draft { article, extraction });
        }
    }
    drafts
}

/// The article's text, its paragraphs joined by blank lines, and each paragraph's range.
fn join_paragraphs(cleaned: &[String]) -> (String, Vec<std::ops::Range<usize>>) {
    // Exactly the room the text takes: the article keeps it, and a text grown by
    // doubling would be copied again when the spare room is given back.
    let joined_len = cleaned.iter().map(String::len).sum::<usize>() + 2 * cleaned.len().saturating_sub(1);
    let mut text = String::with_capacity(joined_len);
    let mut paragraphs = Vec::with_capacity(cleaned.len());
    for p in cleaned {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        paragraphs.push(text.len()..text.len() + p.len());
        text.push_str(p);
    }
    (text, paragraphs)
}

/// Cleans, extracts and finishes one document, keeping what extraction found for the
/// corpus-wide steps of [`settle`].
pub fn analyse_one(doc: &Document) -> (Article, Extraction) {
    analyse_all(std::slice::from_ref(doc)).pop().expect("one analysis per document")
}

/// [`analyse_one`] of each of `docs`, in order, in batches ([`draft_all`]). Each batch
/// is finished (its spare room given back) before the next is drafted.
pub fn analyse_all(docs: &[Document]) -> Vec<(Article, Extraction)> {
    docs.chunks(BATCH)
        .flat_map(draft_all)
        .map(|Draft { mut article, mut extraction }| {
            resolve_dates(&mut article, &extraction);
            // Kept until the whole corpus is in: only what settling reads, and no spare room.
            keep_dated_sentences(&mut extraction);
            extraction.temporals.shrink_to_fit();
            extraction.sentences.shrink_to_fit();
            (article, extraction)
        })
        .collect()
}

/// Drops the sentences that [`settle`] cannot ask about. It looks sentences up only
/// from temporal expressions ([`extract::sentences::around`] at their start,
/// [`extract::sentences::holding`] over their span), and those lookups give the same
/// answers on the sentences they reach as on all of them: the sentences are sorted and
/// disjoint, so any other one kept ends before the expression or starts after it. An
/// article has a few dated sentences among dozens.
fn keep_dated_sentences(extraction: &mut Extraction) {
    let sentences = &extraction.sentences;
    let mut keep = vec![false; sentences.len()];
    for t in &extraction.temporals {
        // The sentence `around` finds, and the last one `holding` reaches.
        let first = sentences.partition_point(|s| s.end <= t.start);
        let after_last = sentences.partition_point(|s| s.start < t.end);
        let (lo, hi) = if after_last == 0 { (first, first + 1) } else { (first.min(after_last - 1), (first + 1).max(after_last)) };
        for k in &mut keep[lo.min(sentences.len())..hi.min(sentences.len())] {
            *k = true;
        }
    }
    let mut flags = keep.into_iter();
    extraction.sentences.retain(|_| flags.next().unwrap_or(false));
}

/// (Re)makes an article's date mentions and timeline from its temporal expressions and
/// its date, and gives back the memory its growing vectors left spare (a large corpus
/// holds thousands of articles).
fn resolve_dates(article: &mut Article, extraction: &Extraction) {
    let anchor: Option<NaiveDate> = article.date;
    article.mentions.retain(|m| m.kind() != Kind::Date);
    let taken = spans::Disjoint::from_sorted(article.mentions.iter().map(|m| (m.start(), m.end())));
    for t in &extraction.temporals {
        // A date that overlaps an entity or figure loses: "2000" inside "G2000" is not a year.
        if taken.overlaps(t.start, t.end) {
            continue;
        }
        let value = extract::dates::resolve(t.temporal, t.tense, anchor);
        article.mentions.push(Mention::with_value(Kind::Date, t.start, t.end, value.map(|v| Value::Date(v.into())), None));
    }
    article.mentions.sort_by_key(|m| (m.start(), m.end()));
    article.timeline = timeline::article_events(article, &extraction.sentences);
    article.text.shrink_to_fit();
    article.mentions.shrink_to_fit();
    article.timeline.shrink_to_fit();
    article.paragraphs.shrink_to_fit();
}

/// Analyses loaded documents: cleaning and extraction in parallel, then the
/// corpus-wide steps.
pub fn analyse(docs: &[Document]) -> Vec<Article> {
    let (mut articles, extractions): (Vec<Article>, Vec<Extraction>) = docs.par_chunks(BATCH).flat_map_iter(analyse_all).unzip();
    settle(&mut articles, &extractions);
    let mut names = model::NamePool::default();
    for article in &mut articles {
        names.share(article);
    }
    articles
}

/// The corpus-wide steps, once every article is analysed: one canonical name per person
/// across articles, then dates anchored on other articles' events (the articles so
/// dated get their dates resolved again). `extractions[i]` belongs to `articles[i]`.
///
/// Equal entity names stay shared across articles when they were before: the names
/// settling gives persons are shared by every mention that takes them.
pub fn settle(articles: &mut [Article], extractions: &[Extraction]) {
    let mut persons = extract::persons::CorpusPersons::default();
    for article in articles.iter() {
        persons.add(article);
    }
    settle_gathered(articles, extractions, persons);
}

/// [`settle`], with the persons of `articles` already gathered, in order (a reader
/// gathers them while the corpus streams in, and then waits only for the renaming).
pub fn settle_gathered(articles: &mut [Article], extractions: &[Extraction], persons: extract::persons::CorpusPersons) {
    persons.link(articles);
    let undated: Vec<bool> = articles.iter().map(|a| a.date.is_none()).collect();
    anchor::anchor(articles, extractions);
    // Often half of a scraped corpus: on every core.
    articles.par_iter_mut().zip(extractions).zip(undated).for_each(|((article, extraction), undated)| {
        if undated && article.date.is_some() {
            resolve_dates(article, extraction);
        }
    });
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
    /// One more article is ready (its dates resolved against its own evidence only),
    /// with what extraction found, which [`settle`] needs once all have arrived.
    Article(Box<(Article, Extraction)>),
    /// A loading problem to show (unreadable, binary, empty, truncated file).
    Warning(String),
    /// Every article has been sent: the receiver, which holds the only copy of them,
    /// runs the corpus-wide steps ([`settle`]).
    Done {
        /// Every loading problem, in order.
        warnings: Vec<String>,
        /// Files skipped in directories because of their extension.
        skipped: usize,
    },
    /// Everything is analysed; these articles replace the ones sent so far.
    Finished(Corpus),
}

/// Builds what every analysis needs (the gazetteer, the word lists, the compiled
/// patterns) on the thread pool, each part on its own thread, while the caller lists
/// the files. Built on first use instead, they would keep one worker busy for a good
/// part of a second while the others wait for them.
fn warm_up() {
    rayon::spawn(|| {
        extract::gazetteer::gazetteer();
    });
    rayon::spawn(|| {
        lexicon::lexicon();
    });
    rayon::spawn(|| {
        let sample = "PARIS (AFP) – Le 18 juin 2024, 4 000 soldats et douze chars : « Nous partirons mardi », a déclaré M. Jean Dupont à l'AFP.\n\n\
                      On Tuesday, June 18, 2024, the U.S. sent 1.5 million dollars, President Joe Biden said.";
        drop(draft(&Document { id: String::new(), source: String::new(), text: sample.into(), warnings: Vec::new() }));
    });
}

/// Loads and analyses `paths` on the current thread, reporting progress on `tx`: each
/// article as soon as it and those before it are analysed, then [`LoadEvent::Done`].
/// The loader keeps no copy of what it sends, so a large corpus is held once, by the
/// receiver. The receiver may hang up at any time (the user quit): the work then stops.
pub fn open_streaming(paths: &[std::path::PathBuf], tx: std::sync::mpsc::Sender<LoadEvent>) {
    warm_up();
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
    let mut send = |result: Result<(Article, Extraction), String>| -> bool {
        match result {
            Ok((article, extraction)) => {
                for w in &article.warnings {
                    let line = format!("{}: {w}", article.source);
                    warnings.push(line.clone());
                    if tx.send(LoadEvent::Warning(line)).is_err() {
                        return false;
                    }
                }
                tx.send(LoadEvent::Article(Box::new((article, extraction)))).is_ok()
            }
            Err(w) => {
                warnings.push(w.clone());
                tx.send(LoadEvent::Warning(w)).is_ok()
            }
        }
    };
    for analysed in analyse_all(&bundled) {
        if !send(Ok(analysed)) {
            return;
        }
    }
    let batches: Vec<&[corpus::Source]> = sources.chunks(BATCH).collect();
    let all_sent = parallel::map_in_order(&batches, rayon::current_num_threads(), |batch| read_and_analyse(batch), |results| {
        results.into_iter().all(&mut send)
    });
    if !all_sent {
        return;
    }
    let _ = tx.send(LoadEvent::Done { warnings, skipped });
}

/// Reads `sources` and analyses the documents read ([`analyse_all`]): for each source
/// in order, its article or why it could not be read.
fn read_and_analyse(sources: &[corpus::Source]) -> Vec<Result<(Article, Extraction), String>> {
    let mut docs = Vec::with_capacity(sources.len());
    let read: Vec<Result<(), String>> = sources.iter().map(|source| corpus::read(source).map(|doc| docs.push(doc))).collect();
    let mut analysed = analyse_all(&docs).into_iter();
    read.into_iter().map(|r| r.map(|()| analysed.next().expect("one analysis per document read"))).collect()
}

/// Analyses `paths` in batches of [`BATCH`] files and hands each article to `emit` as
/// soon as it and those before it are done, in order; memory stays bounded by the few
/// batches in flight, so a corpus larger than memory can be exported. Articles are analysed on
/// their own: no person linking or date anchoring across the corpus. Returns the number of articles, the load
/// warnings and the count of skipped files; stops early when `emit` fails. `emit` is
/// called on the worker threads, one call at a time.
pub fn analyse_each<E: Send>(
    paths: &[std::path::PathBuf],
    mut emit: impl FnMut(&Article) -> Result<(), E> + Send,
) -> Result<(usize, Vec<String>, usize), E> {
    if paths.is_empty() {
        let mut n = 0;
        for (article, _) in analyse_all(&corpus::bundled().documents) {
            emit(&article)?;
            n += 1;
        }
        return Ok((n, Vec::new(), 0));
    }
    warm_up();
    let listing = corpus::list(paths);
    let mut warnings = listing.warnings;
    let mut n = 0;
    let mut failed = None;
    let batches: Vec<&[corpus::Source]> = listing.sources.chunks(BATCH).collect();
    parallel::map_in_order(&batches, rayon::current_num_threads(), |batch| read_and_analyse(batch), |results| {
        results.into_iter().all(|result| match result {
            Ok((article, _)) => {
                warnings.extend(article.warnings.iter().map(|w| format!("{}: {w}", article.source)));
                if let Err(e) = emit(&article) {
                    failed = Some(e);
                    return false;
                }
                n += 1;
                true
            }
            Err(w) => {
                warnings.push(w);
                true
            }
        })
    });
    match failed {
        Some(e) => Err(e),
        None => Ok((n, warnings, listing.skipped)),
    }
}

#[cfg(test)]
mod tests {
    use crate::corpus::{Document, Source};
    use crate::extract::sentences::{around, holding};

    #[test]
    fn a_batch_is_analysed_as_each_document_alone() {
        // More than two batches, the last one short, with an empty and an English text.
        let mut docs = crate::corpus::synthetic::varied_corpus(400_000);
        docs.truncate(2 * super::BATCH + 7);
        for (i, text) in ["", "WASHINGTON (AP) — President Joe Biden said on Tuesday that 1.5 million people left."].into_iter().enumerate() {
            docs.insert(3 * i + 1, Document { id: format!("x{i}"), source: String::new(), text: text.into(), warnings: Vec::new() });
        }
        let batched = super::draft_all(&docs);
        assert_eq!(batched.len(), docs.len());
        for (doc, draft) in docs.iter().zip(&batched) {
            assert_eq!(format!("{:?}", super::draft(doc)), format!("{draft:?}"), "{}", doc.id);
        }
    }

    #[test]
    fn a_batch_read_keeps_each_source_in_its_place() {
        let dir = tempfile::tempdir().unwrap();
        let bundled = crate::corpus::bundled().documents;
        let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
        std::fs::write(&a, &bundled[0].text).unwrap();
        std::fs::write(&b, &bundled[1].text).unwrap();
        let sources = [Source::File(a), Source::File(dir.path().join("gone.txt")), Source::File(b)];
        let results = super::read_and_analyse(&sources);
        assert_eq!(results.len(), 3);
        for (result, doc) in [(&results[0], &bundled[0]), (&results[2], &bundled[1])] {
            let (article, _) = result.as_ref().expect("read");
            assert_eq!(article.text, super::analyse_one(doc).0.text);
        }
        assert!(results[1].as_ref().is_err_and(|w| w.contains("gone.txt")), "{:?}", results[1].as_ref().err());
    }

    #[test]
    fn dated_sentences_answer_like_all_sentences() {
        let written = "Rien ici. Le 18 juin 2024 à Paris. Encore rien. Puis le 3 sept. 2023, fin. Dernière phrase. Mardi, rien.";
        let bundled = crate::corpus::bundled().documents.into_iter().map(|d| d.text);
        for text in std::iter::once(written.to_string()).chain(bundled) {
            let mut x = crate::extract::extract(&text);
            let all = x.sentences.clone();
            super::keep_dated_sentences(&mut x);
            assert!(x.sentences.len() < all.len() && !x.temporals.is_empty());
            for t in &x.temporals {
                assert_eq!(around(&x.sentences, t.start), around(&all, t.start));
                assert_eq!(holding(&x.sentences, t.start, t.end), holding(&all, t.start, t.end));
            }
        }
    }
}
