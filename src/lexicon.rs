//! Word knowledge shared by the cleaner and the extractor: how common a lowercase word
//! is in French and English (to tell ordinary words from names, and to find the seams
//! of glued words) and which words are given names.
//!
//! The lists are embedded in the binary (see `assets/SOURCES.md`) and parsed once, on
//! first use.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

static FR_WORDS: &str = include_str!("../assets/lexicon/fr_words.txt");
static EN_WORDS: &str = include_str!("../assets/lexicon/en_words.txt");
static GIVEN_NAMES: &str = include_str!("../assets/lexicon/given_names.txt");

/// Word frequencies and given names.
pub struct Lexicon {
    /// Zipf frequency of each lowercase word: the larger of its French and English values.
    // Keys are slices of the embedded lists: no copy of the 165,000 words.
    zipf: HashMap<&'static str, f32>,
    /// Whether a word of the lists has a capital (none has today): if none has, a word
    /// with a capital is only looked up in lower case.
    zipf_keys_have_capitals: bool,
    given: HashSet<&'static str>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

/// The embedded lexicon.
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

impl Lexicon {
    /// Parses the embedded lists (done once by [`lexicon`]).
    pub fn load() -> Lexicon {
        let mut zipf: HashMap<&'static str, f32> = HashMap::with_capacity_and_hasher(120_000, Default::default());
        for list in [FR_WORDS, EN_WORDS] {
            for line in list.lines() {
                let mut parts = line.split('\t');
                let (Some(word), Some(z)) = (parts.next(), parts.next()) else { continue };
                let Ok(z) = z.trim().parse::<f32>() else { continue };
                let entry = zipf.entry(word).or_insert(z);
                *entry = entry.max(z);
            }
        }
        let given = GIVEN_NAMES
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        let zipf_keys_have_capitals = zipf.keys().any(|w| w.chars().any(char::is_uppercase));
        Lexicon { zipf, zipf_keys_have_capitals, given }
    }

    /// Zipf frequency (about 1 to 8) of a word, looked up in lower case; 0 when unknown.
    pub fn zipf(&self, word: &str) -> f32 {
        if !word.chars().any(char::is_uppercase) {
            return self.zipf.get(word).copied().unwrap_or(0.0);
        }
        // A word with a capital: looked up as written only if some word of the lists has one.
        if self.zipf_keys_have_capitals
            && let Some(z) = self.zipf.get(word)
        {
            return *z;
        }
        with_lowercase(word, |lower| self.zipf.get(lower).copied().unwrap_or(0.0))
    }

    /// Whether the word is a known French or English word at least as common as `min`.
    pub fn is_word(&self, word: &str, min: f32) -> bool {
        self.zipf(word) >= min
    }

    /// Whether the capitalised word is a known given name.
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given.contains(word)
    }
}

/// Calls `f` with `word.to_lowercase()`, made on the stack for a short word.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    const SHORT: usize = 32;
    if word.len() <= SHORT && word.is_ascii() {
        let mut buf = [0u8; SHORT];
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        // For ASCII text, `to_lowercase` is `to_ascii_lowercase`.
        lower.make_ascii_lowercase();
        f(std::str::from_utf8(lower).expect("ASCII is UTF-8"))
    } else if word.len() <= SHORT && !word.contains('Σ') {
        // Lowered character by character, as `to_lowercase` does for every character but
        // the capital sigma (whose lower case depends on its neighbours). A character's
        // lower case takes at most three times its bytes (`İ` gives `i̇`).
        let mut buf = [0u8; 3 * SHORT];
        let mut len = 0;
        for c in word.chars() {
            if c.is_ascii() {
                buf[len] = c.to_ascii_lowercase() as u8;
                len += 1;
            } else {
                for l in c.to_lowercase() {
                    len += l.encode_utf8(&mut buf[len..]).len();
                }
            }
        }
        f(std::str::from_utf8(&buf[..len]).expect("characters encode as UTF-8"))
    } else {
        f(&word.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::lexicon;

    #[test]
    fn common_words_are_known() {
        let lex = lexicon();
        assert!(lex.is_word("maison", 3.0));
        assert!(lex.is_word("house", 3.0));
        assert!(lex.is_word("Maison", 3.0));
        assert!(!lex.is_word("zxqvw", 1.0));
    }

    #[test]
    fn lowercase_on_the_stack_is_to_lowercase() {
        for w in ["", "Maison", "MAISON", "maison", "État", "İstanbul", "ΣΊΣΥΦΟΣ", "ΟΔΟΣ", "İİİİİİİİİİİİİİİİ", "ǅemal", "Ⱥ", "ÉTÉ", "\u{212A}elvin", "ẞ", "A".repeat(32).as_str(), "A".repeat(33).as_str(), "Ab1-'’"] {
            assert_eq!(super::with_lowercase(w, str::to_string), w.to_lowercase(), "{w:?}");
        }
    }

    #[test]
    fn zipf_is_the_lookup_as_written_then_in_lower_case() {
        let lex = lexicon();
        let reference = |word: &str| match lex.zipf.get(word) {
            Some(z) => *z,
            None if !word.chars().any(char::is_uppercase) => 0.0,
            None => lex.zipf.get(word.to_lowercase().as_str()).copied().unwrap_or(0.0),
        };
        for w in ["maison", "Maison", "MAISON", "État", "état", "Poutine", "the", "The", "zxqvw", "", "Ça", "ÇA"] {
            assert_eq!(lex.zipf(w), reference(w), "{w:?}");
        }
    }
}
