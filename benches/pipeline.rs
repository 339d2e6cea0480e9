//! Throughput of cleaning plus extraction on one core, over a corpus of about 20 MB
//! made by varying the bundled articles (names, numbers and paragraph order change so
//! that no two articles are the same text).
//!
//! `cargo bench --bench pipeline` prints the time per corpus and the throughput in MB/s.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use vigie::corpus::{Document, bundled};

/// Persons and places swapped in to vary the texts.
const SWAPS: &[(&str, &str)] = &[
    ("Poutine", "Macron"),
    ("Kim", "Lee"),
    ("Corée du Nord", "Allemagne"),
    ("Pyongyang", "Berlin"),
    ("Moscou", "Paris"),
    ("mardi", "jeudi"),
];

/// About `target` bytes of articles, each a variation of a bundled one.
pub fn varied_corpus(target: usize) -> Vec<Document> {
    let base = bundled().documents;
    let mut docs = Vec::new();
    let mut size = 0;
    let mut n = 0usize;
    while size < target {
        let src = &base[n % base.len()];
        let mut text = src.text.clone();
        for (k, (from, to)) in SWAPS.iter().enumerate() {
            if (n >> k) & 1 == 1 {
                text = text.replace(from, to);
            }
        }
        // Rotate the paragraphs so duplicates detection and dating see new orders.
        let mut paras: Vec<&str> = text.split("\n\n").collect();
        let len = paras.len();
        if len > 3 {
            paras[1..len - 1].rotate_left(n % (len - 2));
        }
        let text = paras.join("\n\n").replace("10 000", &format!("{} 000", 10 + n % 90));
        size += text.len();
        docs.push(Document { id: format!("{n:05}"), source: format!("gen/{n:05}.txt"), text, warnings: Vec::new() });
        n += 1;
    }
    docs
}

fn pipeline(c: &mut Criterion) {
    let docs = varied_corpus(20 * 1024 * 1024);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    // Load the embedded data before timing.
    black_box(vigie::draft(&docs[0]));
    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("clean+extract, one core, 20 MB", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(vigie::draft(d));
            }
        })
    });
    group.finish();

    let mut group = c.benchmark_group("startup");
    group.sample_size(10);
    group.bench_function("load gazetteers", |b| b.iter(|| black_box(vigie::extract::gazetteer::Gazetteer::load())));
    group.bench_function("load lexicon", |b| b.iter(|| black_box(vigie::lexicon::Lexicon::load())));
    group.bench_function("clean+extract one article", |b| b.iter(|| black_box(vigie::draft(&docs[1]))));
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
