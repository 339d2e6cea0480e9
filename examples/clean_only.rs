//! Times the cleaning stage alone: `clean_only DIR [ROUNDS]` runs `vigie::clean::clean`
//! over every document of DIR, ROUNDS times (3 by default).
//!
//! The lexicon and the regexes are loaded by an untimed first pass. To count the
//! instructions of one round, subtract a run with ROUNDS = 0 (loading and the untimed
//! pass) from a run with ROUNDS = 1, with `perf stat -e instructions:u` or, where the
//! machine has no hardware counters, `valgrind --tool=callgrind`.
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().expect("usage: clean_only DIR [ROUNDS]"));
    let rounds: usize = args.next().map_or(3, |r| r.parse().expect("ROUNDS is a number"));
    let docs = vigie::corpus::load(&[dir]).documents;
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    // First use builds the lexicon and compiles the patterns (some only on the first
    // line that needs them): one untimed pass keeps all of that out of the timing.
    for d in &docs {
        std::hint::black_box(vigie::clean::clean(&d.text));
    }
    let t = Instant::now();
    for _ in 0..rounds {
        for d in &docs {
            std::hint::black_box(vigie::clean::clean(&d.text));
        }
    }
    let elapsed = t.elapsed();
    println!("clean {} docs ({:.1} MB) x{rounds}: {elapsed:?}", docs.len(), bytes as f64 / 1e6);
}
