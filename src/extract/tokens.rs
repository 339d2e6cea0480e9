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
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// French elided words that an apostrophe ends (`l’`, `d’`, `qu’`, `jusqu’`).
const ELISIONS: &[&str] = &["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `text` into tokens and marks sentence starts.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    let mut sentence_start = true;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            if c == '\n' {
                sentence_start = true;
            }
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let numeric = c.is_ascii_digit();
            let mut j = i + 1;
            while j < chars.len() {
                let (_, d) = chars[j];
                let next_alnum = chars.get(j + 1).is_some_and(|(_, n)| n.is_alphanumeric());
                if d.is_alphanumeric() || is_combining(d) {
                    j += 1;
                } else if (d == '-' || d == '‑') && next_alnum && !numeric {
                    j += 1;
                } else if is_apostrophe(d) && next_alnum && !numeric {
                    // Elision: the apostrophe ends the token (l’Ukraine), else it is inside (O'Brien).
                    let word = &text[start..chars[j].0];
                    if ELISIONS.contains(&word.to_lowercase().as_str()) {
                        j += 1;
                        break;
                    }
                    // English possessive or contraction: Putin's, don't.
                    let rest: String = chars[j + 1..].iter().map(|(_, c)| *c).take_while(|c| c.is_alphanumeric()).collect();
                    if matches!(rest.as_str(), "s" | "t" | "ll" | "re" | "ve" | "d" | "m") {
                        break;
                    }
                    j += 1;
                } else {
                    break;
                }
            }
            let end = chars.get(j).map_or(text.len(), |(b, _)| *b);
            let all_digits = text[start..end].chars().all(|c| c.is_ascii_digit());
            let kind = if all_digits { TokenKind::Number } else { TokenKind::Word };
            tokens.push(Token { start, end, kind, sentence_start });
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
        i += 1;
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
