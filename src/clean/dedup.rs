//! Finding paragraphs that a page repeats: exact copies (after case, spacing and
//! punctuation are folded) and near copies (a block pasted twice with a few words
//! changed). The first occurrence is kept.

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};

/// How many earlier paragraphs a paragraph is compared with for near copies:
/// pasted blocks sit close together, and the bound keeps huge files linear.
const NEAR_WINDOW: usize = 16;
/// Near copies need enough words for the overlap to mean something.
const NEAR_MIN_WORDS: usize = 10;
/// Share of word pairs two paragraphs must have in common to be near copies.
const NEAR_JACCARD: f64 = 0.6;

/// Tracks the paragraphs kept so far and tells whether a new one repeats them.
#[derive(Default)]
pub struct Dedup {
    exact: HashSet<u64>,
    recent: Vec<Vec<u64>>,
}

impl Dedup {
    /// Returns true if `paragraph` repeats one seen before; otherwise records it.
    pub fn is_repeat(&mut self, paragraph: &str) -> bool {
        let words = word_hashes(paragraph);
        if words.is_empty() {
            return false;
        }
        let mut h = DefaultHasher::new();
        words.hash(&mut h);
        if !self.exact.insert(h.finish()) {
            return true;
        }
        if words.len() >= NEAR_MIN_WORDS {
            let mut pairs: Vec<u64> = words.windows(2).map(|w| w[0].rotate_left(17) ^ w[1]).collect();
            pairs.sort_unstable();
            pairs.dedup();
            if self.recent.iter().any(|seen| jaccard(seen, &pairs) >= NEAR_JACCARD) {
                return true;
            }
            if self.recent.len() == NEAR_WINDOW {
                self.recent.remove(0);
            }
            self.recent.push(pairs);
        }
        false
    }
}

/// A key that two texts share when they have the same words (case, spacing and
/// punctuation folded).
pub fn text_key(text: &str) -> u64 {
    let mut h = DefaultHasher::new();
    word_hashes(text).hash(&mut h);
    h.finish()
}

/// FNV-1a hashes of the lowercase words, punctuation dropped (a cheap hash: these
/// keys never leave the process).
fn word_hashes(text: &str) -> Vec<u64> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let fnv = |h: u64, c: char| (h ^ c as u64).wrapping_mul(0x100_0000_01b3);
            w.chars().fold(0xcbf2_9ce4_8422_2325u64, |h, c| {
                if c.is_ascii() { fnv(h, c.to_ascii_lowercase()) } else { c.to_lowercase().fold(h, fnv) }
            })
        })
        .collect()
}

/// Jaccard similarity of two sorted, deduplicated sets.
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    // Sets of very different sizes cannot reach the threshold: skip the intersection.
    let (small, large) = if a.len() < b.len() { (a.len(), b.len()) } else { (b.len(), a.len()) };
    if (small as f64) < NEAR_JACCARD * large as f64 {
        return 0.0;
    }
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - inter;
    if union == 0 { 0.0 } else { inter as f64 / union as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_copy_with_other_spacing_is_a_repeat() {
        let mut d = Dedup::default();
        assert!(!d.is_repeat("Le conseil municipal a voté le budget."));
        assert!(d.is_repeat("Le  conseil municipal a voté le budget"));
        assert!(!d.is_repeat("Un autre paragraphe."));
    }

    #[test]
    fn near_copy_is_a_repeat() {
        let mut d = Dedup::default();
        let first = "According to the analysts, the make-up of the delegation, which included senior officers of the army and of the arms industry, shows the focus is on cooperation in the field of defence.";
        let second = "According to the analysts, the make-up of the team, which included senior officers of the army and of the arms industry, shows the focus is on cooperation with the defence industry.";
        assert!(!d.is_repeat(first));
        assert!(d.is_repeat(second));
    }

    #[test]
    fn different_paragraphs_on_one_topic_are_kept() {
        let mut d = Dedup::default();
        assert!(!d.is_repeat("The minister said on Monday that the government would present its budget to parliament next week."));
        assert!(!d.is_repeat("The opposition said on Tuesday that it would vote against the budget when it comes to parliament."));
    }
}
