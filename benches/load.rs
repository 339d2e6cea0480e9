//! The reader's whole load of a large corpus, on every core: about 60 MB of articles
//! made by varying the bundled ones (12,521 files, 62.9 MB: more than the 10,000
//! articles of about 60 MB that the target names), written to a temporary directory,
//! then read, analysed, settled and indexed.
//!
//! Two measures: the process as a user runs it (`vigie --frames 1 DIR`, start-up, data
//! built, whole load, one frame drawn off screen and exit), and the same load in this
//! process (`vigie::tui::load`: from the second load on, the data the analysis builds
//! once is already built; the corpus is freed outside the timing, as the reader frees
//! it on a thread of its own when it closes).
//!
//! Run: `cargo bench --bench load` (about two minutes: each load takes a few seconds).

use std::hint::black_box;
use std::process::{Command, Stdio};
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use vigie::tui::{Theme, load};

/// The corpus's size, as `examples/gen_corpus` makes it for `/tmp/c10k`.
const CORPUS_BYTES: usize = 60 * 1024 * 1024;

fn whole_load(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let docs = vigie::corpus::synthetic::varied_corpus(CORPUS_BYTES);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    for d in &docs {
        std::fs::write(dir.path().join(format!("{}.txt", d.id)), &d.text).expect("write an article");
    }
    let paths = vec![dir.path().to_path_buf()];
    let corpus = format!("{} articles, {:.1} MB", docs.len(), bytes as f64 / 1e6);
    drop(docs);
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    // Ten loads of a few seconds each.
    group.measurement_time(Duration::from_secs(40));
    group.bench_function(format!("vigie --frames 1, {corpus}"), |b| {
        b.iter(|| {
            let status = Command::new(env!("CARGO_BIN_EXE_vigie"))
                .arg("--frames")
                .arg("1")
                .arg(dir.path())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .expect("the reader runs");
            assert!(status.success());
        })
    });
    group.bench_function(format!("in process, {corpus}, analysed, settled and indexed"), |b| {
        b.iter_with_large_drop(|| {
            let app = load(black_box(&paths), Theme::from_env()).expect("the corpus loads");
            assert!(!app.articles().is_empty());
            app
        })
    });
    group.finish();
}

criterion_group!(benches, whole_load);
criterion_main!(benches);
