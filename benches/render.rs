//! Reader benchmarks on 10,000-article corpora, drawn into a 160×45 `TestBackend`:
//! one frame, a key press followed by its frame (the reader's latency), and the
//! corpus-wide features: the corpus timeline, the entities panel of the whole corpus,
//! `]`/`[` across articles.
//!
//! Two corpora: the bundled articles varied into 10,000 (ids and names changed) and
//! analysed by the real pipeline; and the fixture articles repeated into 10,000, whose
//! hand-made entity mentions link every article to the others.
//!
//! Run: `cargo bench --bench render -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use vigie::corpus::Document;
use vigie::model::Article;
use vigie::tui::{Action, App, Theme, fixture};

const ARTICLES: usize = 10_000;
const SIZE: (u16, u16) = (160, 45);

/// Names swapped in the bundled articles so that the copies differ.
const NAMES: [(&str, &str); 4] = [("Poutine", "Medvedev"), ("Kim", "Park"), ("Pyongyang", "Séoul"), ("Russie", "Chine")];

/// The bundled articles, varied into `n` documents and analysed.
fn bundled(n: usize) -> Vec<Article> {
    let base = vigie::corpus::bundled().documents;
    let docs: Vec<Document> = (0..n)
        .map(|i| {
            let doc = &base[i % base.len()];
            let mut text = doc.text.clone();
            for (k, (from, to)) in NAMES.iter().enumerate() {
                if (i / base.len()) >> k & 1 == 1 {
                    text = text.replace(from, to);
                }
            }
            text.push_str(&format!("\n\nCopie n° {i} de l'article {}.\n", doc.id));
            Document { id: format!("{i:04}_{}", doc.id), source: format!("bench/{i:04}.txt"), text, warnings: Vec::new() }
        })
        .collect();
    vigie::analyse(&docs)
}

/// The fixture articles repeated into `n`.
fn fixtures(n: usize) -> Vec<Article> {
    let base = fixture::articles();
    (0..n)
        .map(|i| {
            let mut a = base[i % base.len()].clone();
            a.id = format!("{i:04}_{}", a.id);
            a
        })
        .collect()
}

fn app(articles: Vec<Article>) -> App {
    let mut app = App::new(vigie::Corpus { articles, ..Default::default() }, Theme::colour());
    app.handle(Action::Resize { width: SIZE.0, height: SIZE.1 });
    app
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

fn bench_corpus(c: &mut Criterion, name: &str, articles: Vec<Article>) {
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).unwrap();
    let mut group = c.benchmark_group(name);

    // The cost of opening an article at a width for the first time (then it is cached).
    let longest = articles.iter().max_by_key(|a| a.text.len()).unwrap().clone();
    group.bench_function("wrap the longest article", |b| {
        b.iter(|| vigie::tui::wrap::WrappedArticle::new(black_box(&longest), 86));
    });

    let mut reader = app(articles.clone());
    // The reader focused on a mention, the corpus timeline shown: every pane has work.
    for k in ['t', '\t', 'n', 'n'] {
        reader.on_key(if k == '\t' { KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE) } else { key(k) });
    }
    group.bench_function("frame", |b| {
        b.iter(|| {
            terminal.draw(|f| vigie::tui::draw(f, black_box(&mut reader))).unwrap();
        })
    });

    // Each key, then its frame. `n` and `j` run out at the end of an article, so every
    // 20th press is `g` (back to the top), itself a key and a frame.
    for (label, first, every_20th) in [("key n + frame", 'n', 'g'), ("key j + frame", 'j', 'g'), ("key ] + frame", ']', ']')] {
        let mut app = app(articles.clone());
        app.on_key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
        let mut count = 0u32;
        group.bench_function(label, |b| {
            b.iter(|| {
                count += 1;
                app.on_key(key(if count.is_multiple_of(20) { every_20th } else { first }));
                terminal.draw(|f| vigie::tui::draw(f, &mut app)).unwrap();
            })
        });
    }

    // Corpus-wide features, each a key and its frame.
    let mut app = app(articles.clone());
    group.bench_function("corpus timeline built (all articles)", |b| {
        b.iter(|| vigie::timeline::corpus_events(black_box(&articles)));
    });
    group.bench_function("key t (article/corpus timeline) + frame", |b| {
        b.iter(|| {
            app.on_key(key('t'));
            terminal.draw(|f| vigie::tui::draw(f, &mut app)).unwrap();
        })
    });
    // `E` opens the entities panel of the whole corpus, the next `E` closes it: the
    // time is half an opening and half a closing, each with its frame.
    group.bench_function("key E (corpus entities panel, open/close) + frame", |b| {
        b.iter(|| {
            app.on_key(key('E'));
            terminal.draw(|f| vigie::tui::draw(f, &mut app)).unwrap();
        })
    });
    group.bench_function("key [ + frame", |b| {
        b.iter(|| {
            app.on_key(key('['));
            terminal.draw(|f| vigie::tui::draw(f, &mut app)).unwrap();
        })
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    bench_corpus(c, "bundled x10000", bundled(ARTICLES));
    bench_corpus(c, "fixture x10000", fixtures(ARTICLES));
}

criterion_group!(render, benches);
criterion_main!(render);
