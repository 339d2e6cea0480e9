//! Finding paragraphs that a page repeats: exact copies (after case, spacing and
//! punctuation are folded) and near copies (a block pasted twice with a few words
//! changed). The first occurrence is kept.

use std::collections::HashSet;

/// How many earlier paragraphs a paragraph is compared with for near copies:
/// pasted blocks sit close together, and the bound keeps huge files linear.
const NEAR_WINDOW: usize = 64;
/// Near copies need enough words for the overlap to mean something.
const NEAR_MIN_WORDS: usize = 10;
/// Share of word pairs two paragraphs must have in common to be near copies.
const NEAR_JACCARD: f64 = 0.6;

/// Tracks the paragraphs kept so far and tells whether a new one repeats them.
#[derive(Default)]
pub struct Dedup {
    exact: HashSet<String>,
    recent: Vec<HashSet<(String, String)>>,
}

impl Dedup {
    /// Returns true if `paragraph` repeats one seen before; otherwise records it.
    pub fn is_repeat(&mut self, paragraph: &str) -> bool {
        let words = words(paragraph);
        let key = words.join(" ");
        if key.is_empty() {
            return false;
        }
        if !self.exact.insert(key) {
            return true;
        }
        if words.len() >= NEAR_MIN_WORDS {
            let pairs: HashSet<(String, String)> =
                words.windows(2).map(|w| (w[0].clone(), w[1].clone())).collect();
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

/// Lowercase words, punctuation dropped.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn jaccard(a: &HashSet<(String, String)>, b: &HashSet<(String, String)>) -> f64 {
    let inter = a.intersection(b).count();
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
