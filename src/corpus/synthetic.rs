//! Synthetic corpora for benchmarks and load tests: variations of the bundled articles
//! (names, numbers and paragraph order changed so that no two texts are the same).

use super::{Document, bundled};

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

