//! Every input that once crashed the `pipeline` fuzz target (`fuzz/`), run through the
//! same pipeline and invariant checks: each `.bin` file of `tests/fixtures/fuzz/` is
//! one input, named after the bug it found (see the README there).

#[path = "support/invariants.rs"]
mod invariants;

use std::fs;
use std::path::Path;

#[test]
fn every_fuzz_crash_input_now_passes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut paths: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "bin"))
        .collect();
    paths.sort();
    let mut failed = Vec::new();
    for path in &paths {
        let bytes = fs::read(path).unwrap();
        if std::panic::catch_unwind(|| invariants::check_bytes(&bytes)).is_err() {
            failed.push(path.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    assert!(failed.is_empty(), "inputs failing again: {failed:?}");
}

#[test]
fn the_seed_corpus_passes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        invariants::check_bytes(&fs::read(&path).unwrap());
    }
}
