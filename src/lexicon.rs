//! Word knowledge shared by the cleaner and the extractor: how common a lowercase word
//! is in French and English (to tell ordinary words from names, and to find the seams
//! of glued words) and which words are given names.
//!
//! The lists are embedded in the binary (see `assets/SOURCES.md`) and parsed once, on
//! first use.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// Each word of the French and English frequency lists once, with the larger of its two
/// zipf values, grouped by value: generated from `fr_words.txt` and `en_words.txt` by
/// `tools/regenerate_lexicon.sh` (a test checks that it is up to date), so that loading
/// reads each value once rather than parsing 120,000 numbers and merging two lists.
static ZIPF_BY_VALUE: &str = include_str!("../assets/lexicon/zipf_by_value.txt");
static GIVEN_NAMES: &str = include_str!("../assets/lexicon/given_names.txt");

/// The header line of [`ZIPF_BY_VALUE`] that says how many words follow.
const WORD_COUNT_HEADER: &str = "#words ";
/// The header line of [`ZIPF_BY_VALUE`] that says whether a word has a capital.
const CAPITALS_HEADER: &str = "#capitals ";
/// The start of a line of [`ZIPF_BY_VALUE`] that gives the value of the words below it.
const VALUE_MARK: char = '=';

/// Word frequencies and given names.
pub struct Lexicon {
    /// Zipf frequency of each lowercase word: the larger of its French and English values.
    // Keys are slices of the embedded lists: no copy of the 120,000 words. They are
    // bytes, not `str`, so that a word lowered on the stack is looked up without being
    // checked again for UTF-8.
    zipf: HashMap<&'static [u8], f32>,
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

/// The lines of `text` as `str::lines` gives them (split at `\n`, a `\r` before it
/// dropped), found with `memchr`, which costs less on many short lines.
fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let line = match memchr::memchr(b'\n', rest.as_bytes()) {
            Some(i) => {
                let line = &rest[..i];
                rest = &rest[i + 1..];
                line.strip_suffix('\r').unwrap_or(line)
            }
            None => std::mem::take(&mut rest),
        };
        Some(line)
    })
}

/// `line.trim()`, with no search when the line starts and ends with an ASCII character
/// other than a space (a name of the list always does).
fn trim(line: &str) -> &str {
    match (line.as_bytes().first(), line.as_bytes().last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => line,
        _ => line.trim(),
    }
}

impl Lexicon {
    /// Reads the embedded lists (done once by [`lexicon`]).
    pub fn load() -> Lexicon {
        let (zipf, zipf_keys_have_capitals) = read_zipf_by_value(ZIPF_BY_VALUE);
        let mut given = HashSet::with_capacity_and_hasher(GIVEN_NAMES.len() / 8, Default::default());
        given.extend(lines(GIVEN_NAMES).map(trim).filter(|l| !l.is_empty() && !l.starts_with('#')));
        Lexicon { zipf, zipf_keys_have_capitals, given }
    }

    /// Zipf frequency (about 1 to 8) of a word, looked up in lower case; 0 when unknown.
    pub fn zipf(&self, word: &str) -> f32 {
        let lookup = |key: &[u8]| self.zipf.get(key).copied().unwrap_or(0.0);
        // An ASCII word, when no word of the lists has a capital (none has today): looked
        // up in lower case, which for a word with no capital is the word itself, so that
        // it need not be searched for capitals first. (Not so for every word: a titlecase
        // letter such as `ǅ` is no capital, but has a lower case.)
        if !self.zipf_keys_have_capitals && word.is_ascii() {
            return with_lowercase_bytes(word, lookup);
        }
        if !word.chars().any(char::is_uppercase) {
            return lookup(word.as_bytes());
        }
        // A word with a capital: looked up as written only if some word of the lists has one.
        if self.zipf_keys_have_capitals
            && let Some(z) = self.zipf.get(word.as_bytes())
        {
            return *z;
        }
        with_lowercase_bytes(word, lookup)
    }

    /// Whether the word is a known French or English word at least as common as `min`.
    pub fn is_word(&self, word: &str, min: f32) -> bool {
        self.zipf(word) >= min
    }

    /// Whether the capitalised word is a known given name.
    /// A compound of given names is one too (`Jean-Louis`, `Anne-Sophie`): the lists
    /// hold the common compounds only.
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given.contains(word)
            || word.split_once('-').is_some_and(|(first, second)| !second.contains('-') && self.given.contains(first) && self.given.contains(second))
    }
}

/// Reads [`ZIPF_BY_VALUE`]: the words and whether one has a capital.
fn read_zipf_by_value(text: &'static str) -> (HashMap<&'static [u8], f32>, bool) {
    let mut lines = lines(text);
    let mut header = |name: &str| -> &'static str {
        let line = lines.next().unwrap_or_default();
        line.strip_prefix(name).unwrap_or_else(|| panic!("zipf_by_value.txt: {name:?} expected, {line:?} found"))
    };
    let count: usize = header(WORD_COUNT_HEADER).parse().expect("zipf_by_value.txt: a word count");
    let capitals = header(CAPITALS_HEADER) == "true";
    let mut zipf: HashMap<&'static [u8], f32> = HashMap::with_capacity_and_hasher(count, Default::default());
    let mut value = f32::NAN;
    for line in lines {
        match line.strip_prefix(VALUE_MARK) {
            Some(z) => value = z.parse().expect("zipf_by_value.txt: a value"),
            None => {
                zipf.insert(line.as_bytes(), value);
            }
        }
    }
    (zipf, capitals)
}

/// Calls `f` with `word.to_lowercase()`, made on the stack for a short word.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    with_lowercase_bytes(word, |lower| f(std::str::from_utf8(lower).expect("a lower case is UTF-8")))
}

/// Calls `f` with the bytes of `word.to_lowercase()`, made on the stack for a short word
/// (for a lookup by bytes, which need not check them for UTF-8 again).
fn with_lowercase_bytes<R>(word: &str, f: impl FnOnce(&[u8]) -> R) -> R {
    const SHORT: usize = 32;
    if word.len() <= SHORT && word.is_ascii() {
        let mut buf = [0u8; SHORT];
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        // For ASCII text, `to_lowercase` is `to_ascii_lowercase`.
        lower.make_ascii_lowercase();
        f(lower)
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
        f(&buf[..len])
    } else {
        f(word.to_lowercase().as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static FR_WORDS: &str = include_str!("../assets/lexicon/fr_words.txt");
    static EN_WORDS: &str = include_str!("../assets/lexicon/en_words.txt");

    /// The zipf table as first loaded, from the two text lists (the reference that
    /// `zipf_by_value.txt` is made from and checked against).
    fn zipf_from_the_lists() -> HashMap<&'static str, f32> {
        let mut zipf: HashMap<&'static str, f32> = HashMap::default();
        for list in [FR_WORDS, EN_WORDS] {
            for line in list.lines() {
                let mut parts = line.split('\t');
                let (Some(word), Some(z)) = (parts.next(), parts.next()) else { continue };
                let Ok(z) = z.trim().parse::<f32>() else { continue };
                let entry = zipf.entry(word).or_insert(z);
                *entry = entry.max(z);
            }
        }
        zipf
    }

    /// `zipf_by_value.txt` made from the text lists: the header, then each value
    /// (largest first) followed by its words in byte order.
    fn zipf_by_value_from_the_lists() -> String {
        let zipf = zipf_from_the_lists();
        let mut words: Vec<(&str, f32)> = zipf.iter().map(|(w, z)| (*w, *z)).collect();
        words.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        let capitals = zipf.keys().any(|w| w.chars().any(char::is_uppercase));
        let mut out = format!("{WORD_COUNT_HEADER}{}\n{CAPITALS_HEADER}{capitals}\n", words.len());
        let mut last = None;
        for (word, z) in words {
            assert!(!word.starts_with(VALUE_MARK) && !word.contains(['\n', '\r']), "{word:?} cannot be written");
            if last != Some(z.to_bits()) {
                out.push_str(&format!("{VALUE_MARK}{z}\n"));
                last = Some(z.to_bits());
            }
            out.push_str(word);
            out.push('\n');
        }
        out
    }

    /// Fails when `assets/lexicon/zipf_by_value.txt` is not what the text lists give; with
    /// `VIGIE_REGENERATE_ASSETS=1` (see `tools/regenerate_lexicon.sh`), writes it instead.
    #[test]
    fn zipf_by_value_is_made_from_the_lists() {
        let expected = zipf_by_value_from_the_lists();
        if std::env::var_os("VIGIE_REGENERATE_ASSETS").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/lexicon/zipf_by_value.txt");
            std::fs::write(path, &expected).expect("write zipf_by_value.txt");
            return;
        }
        assert!(ZIPF_BY_VALUE == expected, "assets/lexicon/zipf_by_value.txt is out of date: run tools/regenerate_lexicon.sh");
    }

    #[test]
    fn the_loaded_lexicon_is_the_lists() {
        let lex = Lexicon::load();
        let reference = zipf_from_the_lists();
        assert_eq!(lex.zipf.len(), reference.len());
        for (word, z) in &reference {
            assert_eq!(lex.zipf.get(word.as_bytes()).map(|z| z.to_bits()), Some(z.to_bits()), "{word:?}");
        }
        assert_eq!(lex.zipf_keys_have_capitals, reference.keys().any(|w| w.chars().any(char::is_uppercase)));
        let given: HashSet<&str> = GIVEN_NAMES.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
        assert_eq!(lex.given, given);
    }

    #[test]
    fn lines_and_trim_are_those_of_str() {
        for text in ["", "a", "a\n", "a\n\n", "\n", "a\r\nb", "a\r", "a\rb\n", "\r\n", "a\n\r", " a \n\tb\u{a0}\n# c\n\u{2003}d\n"] {
            let text: &'static str = Box::leak(text.to_string().into_boxed_str());
            assert_eq!(lines(text).collect::<Vec<_>>(), text.lines().collect::<Vec<_>>(), "{text:?}");
            for line in text.lines() {
                assert_eq!(trim(line), line.trim(), "{line:?}");
            }
        }
    }

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
        let reference = |word: &str| match lex.zipf.get(word.as_bytes()) {
            Some(z) => *z,
            None if !word.chars().any(char::is_uppercase) => 0.0,
            None => lex.zipf.get(word.to_lowercase().as_bytes()).copied().unwrap_or(0.0),
        };
        let long = "A".repeat(40);
        let words = ["maison", "Maison", "MAISON", "État", "état", "Poutine", "the", "The", "zxqvw", "", "Ça", "ÇA", "ÉTÉ", "été", "l'État", "aujourd'hui", "Aujourd'Hui", "İstanbul", "ΟΔΟΣ", "Zürich", "\u{212A}elvin", "ǅemal", "ǆemal", "New-York", long.as_str()];
        for w in words {
            assert_eq!(lex.zipf(w), reference(w), "{w:?}");
        }
        // Every word of the lists, as written and capitalised.
        for &word in lex.zipf.keys().step_by(7) {
            let word = std::str::from_utf8(word).expect("the lists are UTF-8");
            assert_eq!(lex.zipf(word), reference(word), "{word:?}");
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                let capitalised: String = first.to_uppercase().chain(chars).collect();
                assert_eq!(lex.zipf(&capitalised), reference(&capitalised), "{capitalised:?}");
                let upper = word.to_uppercase();
                assert_eq!(lex.zipf(&upper), reference(&upper), "{upper:?}");
            }
        }
    }
}
