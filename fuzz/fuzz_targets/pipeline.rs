//! Fuzz target: arbitrary bytes through decoding, cleaning, extraction, the corpus
//! analysis and the JSON export, checking the pipeline's invariants on the way
//! (offsets on char boundaries, sorted disjoint mentions, valid timeline, exact
//! code-point export, no control or invisible character left).

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    invariants::check_bytes(data);
});
