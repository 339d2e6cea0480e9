//! Throughput of cleaning plus extraction on one core, over a corpus of about 20 MB
//! made by varying the bundled articles (names, numbers and paragraph order change so
//! that no two articles are the same text).
//!
//! `cargo bench --bench pipeline` prints the time per corpus and the throughput in MB/s.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use vigie::corpus::synthetic::varied_corpus;

fn pipeline(c: &mut Criterion) {
    let docs = varied_corpus(20 * 1024 * 1024);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    // Load the embedded data before timing.
    black_box(vigie::draft(&docs[0]));
    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10);
    // In decimal megabytes per second, the unit of the target (20 MB/s).
    group.throughput(Throughput::BytesDecimal(bytes as u64));
    // As the reader and `vigie export` analyse a corpus: a batch of documents at a time,
    // each step of the analysis over the whole batch (`vigie::draft_all`).
    group.bench_function("clean+extract, one core, 20 MB", |b| {
        b.iter(|| {
            for batch in docs.chunks(vigie::BATCH) {
                black_box(vigie::draft_all(batch));
            }
        })
    });
    // The same work one document at a time, for comparison: the steps' tables push each
    // other out of the cache at every article.
    group.bench_function("clean+extract, one core, 20 MB, article by article", |b| {
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

    // One paragraph hard-wrapped over 30,000 lines, each closing a markdown link: the
    // lines are joined one by one, and each join must cost the line, not the paragraph.
    let line = "le président a déclaré que la situation était grave et que les mesures prises ](x";
    let wrapped = format!("Titre de la page\n\n{}.\n", vec![line; 30_000].join("\n"));
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    group.throughput(Throughput::BytesDecimal(wrapped.len() as u64));
    group.bench_function("clean, 2.6 MB paragraph of wrapped lines", |b| b.iter(|| black_box(vigie::clean::clean(&wrapped))));
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
