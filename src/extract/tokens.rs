//! Tokens of French and English news text: words (with hyphenated names kept whole:
//! `Kim Jong-un`, `Saint-Pétersbourg`), elisions split off (`l’Ukraine` gives `l’` and
//! `Ukraine`), possessives split off (`Putin's`), numbers, punctuation.

use std::ops::Range;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with inner hyphens, apostrophes or digits).
    Word,
    /// Digits (possibly with inner separators handled by the figure rules).
    Number,
    /// Anything else, one character at a time.
    Punct,
}

/// One token with its byte span in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset past the last character.
    pub end: usize,
    /// What it is made of.
    pub kind: TokenKind,
    /// Whether it opens a sentence (a capital there is weak evidence of a name).
    pub sentence_start: bool,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// The byte range of the token.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Whether a word starts with a capital letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a word is all capitals (at least two letters): an acronym or shouting.
pub fn is_all_caps(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// A quick test that rules out most words before a hash lookup: which (first byte,
/// length) pairs a set of words has.
pub struct WordFilter([u64; 256]);

impl WordFilter {
    /// The filter of a set of words.
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        let mut bits = [0u64; 256];
        for w in words {
            if let Some(&b) = w.as_bytes().first() {
                bits[usize::from(b)] |= 1 << w.len().min(63);
            }
        }
        WordFilter(bits)
    }

    /// False when no word of the set has `w`'s first byte and length.
    pub fn may_contain(&self, w: &str) -> bool {
        w.as_bytes().first().is_some_and(|&b| self.0[usize::from(b)] & (1 << w.len().min(63)) != 0)
    }
}

/// `c.is_alphanumeric()`, answered at once for ASCII and for the accented Latin letters
/// of French and other European text (U+00C0 to U+024F: all letters but `×` and `÷`),
/// which the general Unicode lookup answers slowly.
pub fn is_alphanumeric(c: char) -> bool {
    match u32::from(c) {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0xC0..=0x24F => c != '×' && c != '÷',
        _ => c.is_alphanumeric(),
    }
}

/// `c.is_alphabetic()`, quick on the same ranges as [`is_alphanumeric`] (which hold no digit).
pub fn is_alphabetic(c: char) -> bool {
    match u32::from(c) {
        0..=0x7F => c.is_ascii_alphabetic(),
        0xC0..=0x24F => c != '×' && c != '÷',
        _ => c.is_alphabetic(),
    }
}

/// French elided words that an apostrophe ends (`l’`, `d’`, `qu’`, `jusqu’`).
const ELISIONS: &[&str] = &["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `text` into tokens and marks sentence starts.
pub fn tokenize(text: &str) -> Vec<Token> {
    // About one token per five bytes of news text.
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let char_at = |b: usize| text[b..].chars().next();
    let mut i = 0; // byte offset
    let mut sentence_start = true;
    let bytes = text.as_bytes();
    while let Some(c) = char_at(i) {
        let start = i;
        if c == ' ' {
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            if c == '\n' {
                sentence_start = true;
            }
            i += c.len_utf8();
            continue;
        }
        if is_alphanumeric(c) {
            let numeric = c.is_ascii_digit();
            let mut j = i + c.len_utf8();
            loop {
                // Fast path: plain ASCII letters and digits, the bulk of every word.
                while j < bytes.len() && bytes[j].is_ascii_alphanumeric() {
                    j += 1;
                }
                let Some(d) = char_at(j) else { break };
                if d.is_ascii() && d != '-' && d != '\'' {
                    break;
                }
                let after = j + d.len_utf8();
                let next_alnum = char_at(after).is_some_and(is_alphanumeric);
                // A letter or digit, an accent, or a hyphen inside a name (`Jong-un`).
                let hyphen = (d == '-' || d == '‑') && next_alnum && !numeric;
                if is_alphanumeric(d) || !d.is_ascii() && is_combining(d) || hyphen {
                    j = after;
                } else if is_apostrophe(d) && next_alnum && !numeric {
                    // Elision: the apostrophe ends the token (l’Ukraine), else it is inside (O'Brien).
                    // (The elisions are ASCII: no other word lowercases to one of them.)
                    let word = &text[start..j];
                    if ELISIONS.iter().any(|e| word.eq_ignore_ascii_case(e)) {
                        j = after;
                        break;
                    }
                    // English possessive or contraction: Putin's, don't.
                    let rest_len = text[after..].find(|c: char| !is_alphanumeric(c)).unwrap_or(text.len() - after);
                    if matches!(&text[after..after + rest_len], "s" | "t" | "ll" | "re" | "ve" | "d" | "m") {
                        break;
                    }
                    j = after;
                } else {
                    break;
                }
            }
            let all_digits = text[start..j].bytes().all(|b| b.is_ascii_digit());
            let kind = if all_digits { TokenKind::Number } else { TokenKind::Word };
            tokens.push(Token { start, end: j, kind, sentence_start });
            sentence_start = false;
            i = j;
            continue;
        }
        let end = start + c.len_utf8();
        tokens.push(Token { start, end, kind: TokenKind::Punct, sentence_start: false });
        if matches!(c, '.' | '!' | '?' | ':' | '•') {
            sentence_start = !is_abbreviation_dot(text, &tokens);
        } else if !matches!(c, '«' | '"' | '“' | '(' | '—' | '–' | '-' | '\'' | '‘') {
            sentence_start = false;
        }
        i = end;
    }
    tokens
}

fn is_combining(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// A dot after `M`, `Mme`, `Dr`, an initial: the sentence goes on.
fn is_abbreviation_dot(text: &str, tokens: &[Token]) -> bool {
    let n = tokens.len();
    if n < 2 || text[tokens[n - 1].range()] != *"." {
        return false;
    }
    let prev = &tokens[n - 2];
    if prev.end != tokens[n - 1].start || prev.kind != TokenKind::Word {
        return false;
    }
    let w = prev.text(text);
    let single_capital = w.chars().count() == 1 && is_capitalised(w);
    single_capital || matches!(w, "M" | "MM" | "Mme" | "Dr" | "Pr" | "Mr" | "Mrs" | "Ms" | "St" | "Gen" | "Sen" | "Rep" | "Jr" | "Sr" | "Mgr" | "Me" | "Prof")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_letter_tests_agree_with_unicode() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
        }
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn elisions_split_and_hyphenated_names_stay_whole() {
        assert_eq!(words("l’Ukraine et d'Extrême-Orient"), ["l’", "Ukraine", "et", "d'", "Extrême-Orient"]);
        assert_eq!(words("Kim Jong-un à Saint-Pétersbourg"), ["Kim", "Jong-un", "à", "Saint-Pétersbourg"]);
        assert_eq!(words("jusqu’à aujourd'hui"), ["jusqu’", "à", "aujourd'hui"]);
        assert_eq!(words("O'Brien said Putin's plan"), ["O'Brien", "said", "Putin", "'", "s", "plan"]);
    }

    #[test]
    fn sentence_starts_skip_abbreviations() {
        let text = "M. Kim est là. Le Dr. Roux aussi. « Oui », dit-il.";
        let starts: Vec<&str> = tokenize(text).into_iter().filter(|t| t.sentence_start).map(|t| t.text(text)).collect();
        assert_eq!(starts, ["M", "Le", "Oui"]);
    }

    #[test]
    fn numbers_are_their_own_tokens() {
        let toks = tokenize("4,8 millions et 10 000");
        assert_eq!(toks[0].kind, TokenKind::Number);
        assert_eq!(toks[1].kind, TokenKind::Punct);
    }
}
