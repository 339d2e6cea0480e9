//! Runs one extraction stage over the cleaned texts of a directory, for profiling:
//! `cargo run --release --example stage -- STAGE DIR [ROUNDS]` where STAGE is
//! `entities`, `aliases`, `dates`, `figures`, `tokens`, `gazetteer`, `extract`, `clean`, `draft`
//! (article by article) or `batches` (clean + extract as the reader runs them).
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let stage = args.next().expect("usage: stage STAGE DIR [ROUNDS]");
    let dir = std::path::PathBuf::from(args.next().expect("usage: stage STAGE DIR [ROUNDS]"));
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(3);
    let docs = vigie::corpus::load(&[dir]).documents;
    let texts: Vec<String> = docs.iter().map(|d| vigie::clean::clean(&d.text).paragraphs.join("\n\n")).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    // Load the embedded data before timing.
    std::hint::black_box(vigie::extract::gazetteer::gazetteer());
    std::hint::black_box(vigie::lexicon::lexicon());
    std::hint::black_box(vigie::extract::extract("MOSCOU (AFP) - Vladimir Poutine à Moscou."));
    let t = Instant::now();
    for _ in 0..rounds {
        if stage == "batches" {
            // As the reader and `vigie export` analyse: `vigie::BATCH` documents at a time.
            for batch in docs.chunks(vigie::BATCH) {
                drop(std::hint::black_box(vigie::draft_all(batch)));
            }
            continue;
        }
        for (d, x) in docs.iter().zip(&texts) {
            match stage.as_str() {
                "entities" => drop(std::hint::black_box(vigie::extract::entities::find(x))),
                "aliases" => {
                    let found = vigie::extract::entities::find(x);
                    drop(std::hint::black_box(vigie::extract::aliases::link(x, &found)));
                }
                "gazetteer" => drop(std::hint::black_box(vigie::extract::gazetteer::gazetteer().find(x))),
                "dates" => drop(std::hint::black_box(vigie::extract::dates::find(x))),
                "figures" => drop(std::hint::black_box(vigie::extract::figures::find(x, vigie::extract::figures::Decimal::Comma))),
                "tokens" => drop(std::hint::black_box(vigie::extract::tokens::tokenize(x))),
                "extract" => drop(std::hint::black_box(vigie::extract::extract(x))),
                "draft" => drop(std::hint::black_box(vigie::draft(d))),
                "clean" => drop(std::hint::black_box(vigie::clean::clean(&d.text))),
                other => panic!("unknown stage {other}"),
            }
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!("{stage}: {:.1} ms per round, {:.1} MB/s of cleaned text", secs * 1e3 / rounds as f64, (bytes * rounds) as f64 / secs / 1e6);
}
