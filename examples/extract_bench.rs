//! Times date, figure and sentence extraction alone over the cleaned texts of a
//! directory: `extract_bench DIR [ROUNDS] [--dump FILE] [--only dates|figures|sentences]`.
//!
//! `--only` runs one stage, so that `perf stat -e instructions:u` counts that stage
//! (plus the loading and cleaning every run shares); see also [`run_stage`].
//!
//! With `--dump`, also writes every result in `Debug` form, so that two builds can be
//! compared line by line (a finer check than the JSON export, which hides what the
//! later stages drop).
use std::io::Write;
use std::time::{Duration, Instant};

use vigie::extract::{dates, figures, sentences};

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().expect("usage: extract_bench DIR [ROUNDS] [--dump FILE]"));
    let mut rounds = 3usize;
    let mut dump = None;
    let mut only = None;
    while let Some(a) = args.next() {
        if a == "--dump" {
            dump = Some(args.next().expect("--dump FILE"));
        } else if a == "--only" {
            only = Some(args.next().expect("--only STAGE"));
        } else {
            rounds = a.parse().expect("ROUNDS");
        }
    }
    let docs = vigie::corpus::load(&[dir]).documents;
    // The texts extraction sees: cleaned paragraphs joined as `draft` joins them, and
    // the raw lines, which cleaning also searches for dates.
    let texts: Vec<String> = docs.iter().map(|d| vigie::clean::clean(&d.text).paragraphs.join("\n\n")).collect();
    let lines: Vec<&str> = docs.iter().flat_map(|d| d.text.lines()).collect();

    if let Some(path) = dump {
        let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("dump file"));
        for x in texts.iter().map(String::as_str).chain(lines.iter().copied()) {
            writeln!(out, "{:?}", dates::find(x)).unwrap();
            writeln!(out, "{:?}", figures::find(x, figures::Decimal::Comma)).unwrap();
            writeln!(out, "{:?}", figures::find(x, figures::Decimal::Point)).unwrap();
            writeln!(out, "{:?}", sentences::split(x)).unwrap();
        }
    }

    // Regex compilation happens once per process, on first use: keep it out of the rounds.
    if let Some(x) = texts.first() {
        dates::find(x);
        figures::find(x, figures::Decimal::Comma);
        sentences::split(x);
    }
    let stages: [(&str, &Stage); 3] = [
        ("dates", &|x| {
            std::hint::black_box(dates::find(x));
        }),
        ("figures", &|x| {
            std::hint::black_box(figures::find(x, figures::Decimal::Comma));
        }),
        ("sentences", &|x| {
            std::hint::black_box(sentences::split(x));
        }),
    ];
    for (name, f) in stages {
        if only.as_deref().is_none_or(|o| o == name) {
            let per_round = run_stage(&texts, rounds, f);
            println!("{name:<10} {per_round:>10.1?} per round ({} texts)", texts.len());
        }
    }
}

/// One stage run on one text.
type Stage = dyn Fn(&str);

/// The mean time of one round of `f` over `texts`; a function of its own so that
/// `valgrind --tool=callgrind --toggle-collect='extract_bench::run_stage*'` counts the
/// rounds' instructions alone.
#[inline(never)]
fn run_stage(texts: &[String], rounds: usize, f: &Stage) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..rounds {
        let t = Instant::now();
        for x in texts {
            f(x);
        }
        total += t.elapsed();
    }
    total / rounds.max(1) as u32
}
