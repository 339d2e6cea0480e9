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
    /// Whether it is a word that starts with a capital letter ([`is_capitalised`]).
    pub capitalised: bool,
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
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.chars().next().is_some_and(char::is_uppercase),
    }
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
/// length) and (last byte, length) pairs a set of words has.
pub struct WordFilter {
    first: [u64; 256],
    last: [u64; 256],
}

impl WordFilter {
    /// The filter of a set of words.
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        let mut first = [0u64; 256];
        let mut last = [0u64; 256];
        for w in words {
            if let (Some(&a), Some(&z)) = (w.as_bytes().first(), w.as_bytes().last()) {
                first[usize::from(a)] |= 1 << w.len().min(63);
                last[usize::from(z)] |= 1 << w.len().min(63);
            }
        }
        WordFilter { first, last }
    }

    /// False when no word of the set has `w`'s first byte, last byte and length.
    pub fn may_contain(&self, w: &str) -> bool {
        match (w.as_bytes().first(), w.as_bytes().last()) {
            (Some(&a), Some(&z)) => self.may_contain_ends(a, z, w.len()),
            _ => false,
        }
    }

    /// False when no word of the set starts with byte `first` and has `len` bytes.
    pub fn may_contain_start(&self, first: u8, len: usize) -> bool {
        self.first[usize::from(first)] & (1 << len.min(63)) != 0
    }

    /// False when no word of the set starts with byte `first`, ends with byte `last`
    /// and has `len` bytes.
    pub fn may_contain_ends(&self, first: u8, last: u8, len: usize) -> bool {
        let bit = 1 << len.min(63);
        self.first[usize::from(first)] & bit != 0 && self.last[usize::from(last)] & bit != 0
    }
}

/// `c.is_alphanumeric()`, answered at once for ASCII, for the accented Latin letters
/// of French and other European text (U+00C0 to U+024F: all letters but `×` and `÷`),
/// for the Latin-1 symbols (`«`, `»`, no-break space) and for the general punctuation
/// (`’`, `—`), which the general Unicode lookup answers slowly.
pub fn is_alphanumeric(c: char) -> bool {
    match u32::from(c) {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0x80..=0xBF => matches!(c, 'ª' | 'µ' | 'º' | '²' | '³' | '¹' | '¼' | '½' | '¾'),
        0xC0..=0x24F => c != '×' && c != '÷',
        // General punctuation (’ “ ” – — …): no letter nor digit.
        0x2000..=0x206F => false,
        _ => c.is_alphanumeric(),
    }
}

/// `c.is_alphabetic()`, quick on the same ranges as [`is_alphanumeric`].
pub fn is_alphabetic(c: char) -> bool {
    match u32::from(c) {
        0..=0x7F => c.is_ascii_alphabetic(),
        0x80..=0xBF => matches!(c, 'ª' | 'µ' | 'º'),
        0xC0..=0x24F => c != '×' && c != '÷',
        0x2000..=0x206F => false,
        _ => c.is_alphabetic(),
    }
}

/// French elided words that an apostrophe ends (`l’`, `d’`, `qu’`, `jusqu’`).
const ELISIONS: &[&str] = &["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The tokens of a text with two indexes, for the rules that look only at some tokens.
pub struct Tokens {
    /// The tokens, in text order.
    pub list: Vec<Token>,
    /// The indices of the capitalised words, in text order (most tokens are lowercase
    /// words or punctuation: the rules that look for names start from these).
    pub capitalised: Vec<u32>,
    /// The indices of the tokens that open a sentence, in text order.
    pub sentence_starts: Vec<u32>,
    /// The function words that tell the text's language, counted as it is split.
    pub cues: LanguageCues,
}

/// The function words of French and English in the first pieces of a text, as
/// [`language`](super::language) counts them: a piece is a run of letters between two
/// characters that are no letters (empty pieces included), and only the pieces that end
/// at one of the first 2,000 such characters, or at the end
/// of a text that has fewer, count. The tokenizer counts them on its way (every byte is
/// read there already), so that the language costs no second reading of the text.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct LanguageCues {
    /// French function words.
    pub french: usize,
    /// English function words.
    pub english: usize,
    /// The characters that are no letters read so far (each ends a piece).
    separators: usize,
}

impl LanguageCues {
    /// The language the cues tell (French unless English ones are more).
    pub fn language(&self) -> super::Language {
        if self.english > self.french { super::Language::English } else { super::Language::French }
    }

    /// Counts the piece `bytes[start..end]`, which the next character (no letter) or the
    /// end of the text ends. Every cue word has two to four letters: most pieces are ruled
    /// out by their length.
    #[inline(always)]
    fn piece(&mut self, bytes: &[u8], start: usize, end: usize) {
        let len = end - start;
        if (2..=4).contains(&len) && self.separators < super::MAX_PIECES {
            // The four bytes that end at `end`, less those before the piece: its `cue_key`.
            let key = match bytes.get(end.wrapping_sub(4)..end) {
                Some(four) => u32::from_le_bytes(four.try_into().expect("four bytes")) >> (8 * (4 - len)),
                None => super::cue_key(&bytes[start..end]),
            };
            match super::cue_language_by_key(key) {
                Some(super::Language::French) => self.french += 1,
                Some(super::Language::English) => self.english += 1,
                None => {}
            }
        }
    }

    /// Counts the pieces of the word token `text[start..end]`, which may hold characters
    /// that are no letters (digits, hyphens, apostrophes, accents apart): each ends a piece.
    fn mixed_word(&mut self, text: &str, start: usize, end: usize) {
        let bytes = text.as_bytes();
        let mut piece_start = start;
        let mut i = start;
        while i < end {
            // The accented letters of French (U+00C0 to U+00FF but `×` and `÷`) and the
            // apostrophe `’` of the elisions, the commonest characters beyond ASCII in
            // words, are told by their bytes; the others decoded.
            let (letter, len) = match bytes[i] {
                b if b.is_ascii() => (b.is_ascii_alphabetic(), 1),
                0xC3 => (!matches!(bytes[i + 1], 0x97 | 0xB7), 2),
                0xE2 if bytes[i + 1] == 0x80 && bytes[i + 2] == 0x99 => (false, 3),
                _ => {
                    let c = text[i..].chars().next().expect("a character starts here");
                    (is_alphabetic(c), c.len_utf8())
                }
            };
            if !letter {
                self.piece(bytes, piece_start, i);
                self.separators += 1;
                piece_start = i + len;
            }
            i += len;
        }
        // A word token is followed by no letter, but for an elision (`l’`), whose last
        // piece is empty: the piece after it opens the next token.
        self.piece(bytes, piece_start, end);
    }
}

/// [`tokenize`], with the capitalised words and the sentence starts indexed.
pub fn tokenize_indexed(text: &str) -> Tokens {
    let mut tokens = Tokens::with_capacity(text.len());
    split_into::<true>(text, &mut tokens);
    tokens
}

/// Splits `text` into tokens and marks sentence starts.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens =
        Tokens { list: Vec::with_capacity(text.len() / 5 + 1), capitalised: Vec::new(), sentence_starts: Vec::new(), cues: LanguageCues::default() };
    split_into::<false>(text, &mut tokens);
    tokens.list
}

impl Tokens {
    /// Room for the tokens of a text of `text_len` bytes.
    fn with_capacity(text_len: usize) -> Self {
        // About one token per five bytes of news text, one capitalised word in seven
        // tokens, one sentence in thirty.
        let tokens = text_len / 5 + 1;
        Tokens {
            list: Vec::with_capacity(tokens),
            capitalised: Vec::with_capacity(tokens / 6 + 1),
            sentence_starts: Vec::with_capacity(tokens / 24 + 1),
            cues: LanguageCues::default(),
        }
    }

    /// Adds a word or number token, and indexes it when `INDEX` is set.
    #[inline(always)]
    fn push_word<const INDEX: bool>(&mut self, token: Token) {
        // (Both flags are rare: one test for both first.)
        if INDEX && (token.capitalised | token.sentence_start) {
            let k = u32::try_from(self.list.len()).expect("fewer tokens than 2^32");
            if token.capitalised {
                self.capitalised.push(k);
            }
            if token.sentence_start {
                self.sentence_starts.push(k);
            }
        }
        self.list.push(token);
    }
}

/// The number of ASCII letters that open the eight bytes of `x` (the first byte in the
/// lowest lane): 8 when all are. (Digits, rarer in words, are passed one at a time.)
#[inline(always)]
fn ascii_letter_run(x: u64) -> usize {
    const LOWERCASE_BIT: u64 = 0x2020_2020_2020_2020;
    crate::swar::not(crate::swar::ascii_in(x | LOWERCASE_BIT, b'a', b'z' + 1)).trailing_zeros() as usize / 8
}

/// Splits `text` into tokens, appended to `out.list`; with `INDEX`, the capitalised
/// words and the sentence starts are indexed as they come, and the language cues
/// counted (one pass for all).
fn split_into<const INDEX: bool>(text: &str, out: &mut Tokens) {
    let bytes = text.as_bytes();
    let mut i = 0; // byte offset, at a character boundary
    let mut sentence_start = true;
    // Each ASCII byte is sorted by one table load; only the characters that are not
    // ASCII are decoded.
    while let Some(&b) = bytes.get(i) {
        let class = BYTE_CLASS[usize::from(b)];
        // (Each ASCII byte that is no letter is one character that ends a piece.)
        match class {
            ByteClass::Space => {
                if INDEX {
                    out.cues.separators += 1;
                }
                i += 1;
            }
            ByteClass::LineBreak => {
                if INDEX {
                    out.cues.separators += 1;
                }
                sentence_start = true;
                i += 1;
            }
            ByteClass::Letter | ByteClass::Digit => {
                let start = i;
                // Most words are ASCII letters ended by a space or a punctuation mark that
                // `word_end` would stop at at once: found here without the call, eight
                // bytes at a time. The accented letters of French (U+00C0 to U+00FF but
                // `×` and `÷`, two bytes from 0xC3) are passed over here too.
                let mut j = start + 1;
                // Whether the word holds a digit (no letter, for the language cues).
                let mut digit = class == ByteClass::Digit;
                loop {
                    let run = ascii_letter_run(crate::swar::load(bytes, j));
                    j += run;
                    if run == 8 {
                        continue;
                    }
                    match bytes.get(j) {
                        Some(b'0'..=b'9') => {
                            digit = true;
                            j += 1;
                        }
                        Some(0xC3) if !matches!(bytes.get(j + 1), Some(0x97 | 0xB7)) => j += 2,
                        _ => break,
                    }
                }
                let numeric = class == ByteClass::Digit;
                let plain_end = bytes.get(j).is_none_or(|&n| BYTE_CLASS[usize::from(n)].ends_plain_word());
                let j = if plain_end { j } else { word_end(text, start, j, numeric) };
                if INDEX {
                    // Letters only (ASCII ones and those of U+00C0 to U+00FF): one piece.
                    if plain_end && !digit {
                        out.cues.piece(bytes, start, j);
                    } else {
                        out.cues.mixed_word(text, start, j);
                    }
                }
                // Only a token that starts with a digit can be all digits.
                let all_digits = numeric && bytes[start..j].iter().all(u8::is_ascii_digit);
                let kind = if all_digits { TokenKind::Number } else { TokenKind::Word };
                out.push_word::<INDEX>(Token { start, end: j, kind, sentence_start, capitalised: b.is_ascii_uppercase() });
                sentence_start = false;
                // Most words are followed by one space: passed over here at once.
                i = if bytes.get(j) == Some(&b' ') {
                    if INDEX {
                        out.cues.separators += 1;
                    }
                    j + 1
                } else {
                    j
                };
            }
            ByteClass::Punct | ByteClass::Joiner => {
                if INDEX {
                    out.cues.separators += 1;
                }
                out.list.push(Token { start: i, end: i + 1, kind: TokenKind::Punct, sentence_start: false, capitalised: false });
                if matches!(b, b'.' | b'!' | b'?' | b':') {
                    sentence_start = !is_abbreviation_dot(text, &out.list);
                } else if !matches!(b, b'"' | b'(' | b'-' | b'\'') {
                    sentence_start = false;
                }
                i += 1;
            }
            ByteClass::NotAscii => {
                let c = text[i..].chars().next().expect("a character starts here");
                let start = i;
                if c.is_whitespace() {
                    if INDEX {
                        out.cues.separators += 1;
                    }
                    i += c.len_utf8();
                } else if is_alphanumeric(c) {
                    let j = word_end(text, start, start + c.len_utf8(), false);
                    if INDEX {
                        out.cues.mixed_word(text, start, j);
                    }
                    out.push_word::<INDEX>(Token { start, end: j, kind: TokenKind::Word, sentence_start, capitalised: c.is_uppercase() });
                    sentence_start = false;
                    i = j;
                } else {
                    if INDEX {
                        out.cues.separators += 1;
                    }
                    let end = start + c.len_utf8();
                    out.list.push(Token { start, end, kind: TokenKind::Punct, sentence_start: false, capitalised: false });
                    if c == '•' {
                        sentence_start = !is_abbreviation_dot(text, &out.list);
                    } else if !matches!(c, '«' | '“' | '—' | '–' | '‘') {
                        sentence_start = false;
                    }
                    i = end;
                }
            }
        }
    }
}

/// What a byte tells the tokenizer at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ByteClass {
    /// An ASCII space, tab, carriage return, vertical tab or form feed: skipped.
    Space,
    /// `\n`: skipped, and a sentence starts after it.
    LineBreak,
    /// An ASCII letter.
    Letter,
    /// An ASCII digit.
    Digit,
    /// `-` or `'`: a one-byte token, or inside a word (`Jong-un`, `O'Brien`).
    Joiner,
    /// Any other ASCII byte: a one-byte token that ends a word.
    Punct,
    /// A byte of a character that is not ASCII: decoded.
    NotAscii,
}

impl ByteClass {
    /// (The tokenizer tests the letters and digits eight at a time: this is for the tests.)
    #[cfg(test)]
    fn is_ascii_alphanumeric(self) -> bool {
        matches!(self, ByteClass::Letter | ByteClass::Digit)
    }

    /// Whether a run of ASCII letters and digits followed by this byte is a whole
    /// word, with no need of [`word_end`].
    fn ends_plain_word(self) -> bool {
        matches!(self, ByteClass::Space | ByteClass::LineBreak | ByteClass::Punct)
    }
}

/// The [`ByteClass`] of each byte value (`char::is_whitespace` for the ASCII ones:
/// tab to carriage return, and space).
static BYTE_CLASS: [ByteClass; 256] = {
    let mut table = [ByteClass::NotAscii; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = match byte {
            b'\n' => ByteClass::LineBreak,
            b' ' | b'\t' | 0x0b | 0x0c | b'\r' => ByteClass::Space,
            b'-' | b'\'' => ByteClass::Joiner,
            _ if byte.is_ascii_alphabetic() => ByteClass::Letter,
            _ if byte.is_ascii_digit() => ByteClass::Digit,
            _ => ByteClass::Punct,
        };
        b += 1;
    }
    table
};

/// For each byte value, whether it is an ASCII letter or digit: one load per byte in
/// [`word_end`]'s inner loop, where the three range tests cost twice as much.
static ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The end of the word or number that starts at byte `start` with a letter or digit
/// (`numeric` when it is an ASCII digit), read on from byte `from`: the token holds
/// `start..from`, which is letters, digits and accents only (the search would pass
/// over them the same way).
fn word_end(text: &str, start: usize, from: usize, numeric: bool) -> usize {
    let bytes = text.as_bytes();
    let char_at = |b: usize| match bytes.get(b) {
        Some(&a) if a.is_ascii() => Some(char::from(a)),
        Some(_) => text[b..].chars().next(),
        None => None,
    };
    let mut j = from;
    loop {
        // Fast path: plain ASCII letters and digits, the bulk of every word.
        while j < bytes.len() && ASCII_ALPHANUMERIC[usize::from(bytes[j])] {
            j += 1;
        }
        // Most words end at an ASCII space or punctuation: no decoding for those.
        match bytes.get(j) {
            None => break,
            Some(&b) if b.is_ascii() && b != b'-' && b != b'\'' => break,
            Some(_) => {}
        }
        let Some(d) = char_at(j) else { break };
        let after = j + d.len_utf8();
        // A letter or digit, or an accent.
        if is_alphanumeric(d) || !d.is_ascii() && is_combining(d) {
            j = after;
            continue;
        }
        let next_alnum = char_at(after).is_some_and(is_alphanumeric);
        // A hyphen inside a name (`Jong-un`).
        if (d == '-' || d == '‑') && next_alnum && !numeric {
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
    j
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
    // An initial is one character (four bytes at most), and every title of
    // [`is_title_abbreviation`] has four letters at most: most words before a dot are
    // longer.
    if w.len() > 4 {
        return false;
    }
    let single_capital = w.chars().count() == 1 && is_capitalised(w);
    single_capital || is_title_abbreviation(w)
}

/// Whether `w` is one of the abbreviated titles that a dot follows (`M.`, `Dr.`).
fn is_title_abbreviation(w: &str) -> bool {
    matches!(w, "M" | "MM" | "Mme" | "Dr" | "Pr" | "Mr" | "Mrs" | "Ms" | "St" | "Gen" | "Sen" | "Rep" | "Jr" | "Sr" | "Mgr" | "Me" | "Prof")
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
    fn the_abbreviation_dot_rules_out_long_words_as_before() {
        // (As first written, without the length test.)
        let reference = |w: &str| {
            w.chars().count() == 1 && is_capitalised(w) || is_title_abbreviation(w)
        };
        let pieces = ["M", "Mme", "Prof", "Mgr", "Ω", "\u{1d400}", "É", "é", "ǅ", "x", "Dr", "Mrs", "Sen"];
        for w in crate::clean::random_texts(3000, 4, &pieces, 1, &["a"]) {
            let text = format!("{w}.");
            let toks = [
                Token { start: 0, end: w.len(), kind: TokenKind::Word, sentence_start: false, capitalised: false },
                Token { start: w.len(), end: w.len() + 1, kind: TokenKind::Punct, sentence_start: false, capitalised: false },
            ];
            assert_eq!(is_abbreviation_dot(&text, &toks), !w.is_empty() && reference(&w), "{w:?}");
        }
    }

    #[test]
    fn numbers_are_their_own_tokens() {
        let toks = tokenize("4,8 millions et 10 000");
        assert_eq!(toks[0].kind, TokenKind::Number);
        assert_eq!(toks[1].kind, TokenKind::Punct);
    }

    /// The tokenizer as first written (one decoded character at a time), kept to check
    /// that the byte-level version splits every text the same way.
    fn tokenize_reference(text: &str) -> Vec<Token> {
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
                let capitalised = kind == TokenKind::Word && is_capitalised(&text[start..j]);
                tokens.push(Token { start, end: j, kind, sentence_start, capitalised });
                sentence_start = false;
                i = j;
                continue;
            }
            let end = start + c.len_utf8();
            tokens.push(Token { start, end, kind: TokenKind::Punct, sentence_start: false, capitalised: false });
            if matches!(c, '.' | '!' | '?' | ':' | '•') {
                sentence_start = !is_abbreviation_dot(text, &tokens);
            } else if !matches!(c, '«' | '"' | '“' | '(' | '—' | '–' | '-' | '\'' | '‘') {
                sentence_start = false;
            }
            i = end;
        }
        tokens
    }

    /// Texts that exercise every branch of the tokenizer.
    const TRICKY: &[&str] = &[
        "l’Ukraine et d'Extrême-Orient", "Kim Jong-un à Saint-Pétersbourg", "jusqu’à aujourd'hui",
        "O'Brien said Putin's plan, don't we'll they're I've he'd I'm", "M. Kim est là. Le Dr. Roux aussi. « Oui », dit-il.",
        "4,8 millions et 10 000; 12-3 2024-06-18 3'5 A1 1A x2-y", "Cafe\u{301} na\u{ef}ve e\u{301}te\u{301}\u{300}",
        "co\u{2011}opération -tiret fin- ' '' ’ l’ L’ QU’il Jusqu'", "\t\r\n\u{b}\u{c}\u{a0}\u{2009}mot\u{3000}fin",
        "Σ'VW", "é×é÷é ×2 Ŋŋ ȿ ɐ", "日本語のテキスト", "Ωmega×2÷3 ǅemal ﬁn", "•point ! ? : … « x » — – ( ) “ ” ‘", "a-", "a'", "l'", "9'", "x-1 x-é",
        "", " ", "é", "\u{301}abc", "a\u{b}b\u{c}c\rd\u{1f}e\u{85}f\u{a0}g\u{2028}h", "×a a× a÷ Ã×Ã÷Ö ÷ é×2 ÿÿ ŸÀ-ÿ'Ô l’À d’×", "x.\u{2022}Y \u{2022}•Z «A “B —C –D ‘E ’F", "ABC-DEF-ghi'jkl's", "L'AFP l’ONU d’Al-Qaïda s'en qu'à", "Mgr. X. Y. Jr. Sr.",
        "anticonstitutionnellement Constitutionnalité 1234567890123 abcdefgh abcdefghé abcdefgé× 12345678a zzzzzzz@ AbCdEfGhIjK-lmn",
        "abcdefg\u{301}h abcdefghijklmnopé’s abcdefghijklmnop’s abcdefgh’ijkl Ωabcdefghij \u{80}abcdefghijkl abcdefghi\u{80}",
    ];

    #[test]
    fn byte_classes_agree_with_char_tests() {
        for b in 0..=255u8 {
            let class = BYTE_CLASS[usize::from(b)];
            let c = char::from(b);
            if !b.is_ascii() {
                assert_eq!(class, ByteClass::NotAscii);
                continue;
            }
            assert_eq!(matches!(class, ByteClass::Space | ByteClass::LineBreak), c.is_whitespace(), "{b:#x}");
            assert_eq!(class == ByteClass::LineBreak, c == '\n', "{b:#x}");
            assert_eq!(class.is_ascii_alphanumeric(), c.is_ascii_alphanumeric(), "{b:#x}");
            assert_eq!(class == ByteClass::Digit, c.is_ascii_digit(), "{b:#x}");
            assert_eq!(class == ByteClass::Joiner, c == '-' || c == '\'', "{b:#x}");
        }
    }

    #[test]
    fn the_byte_level_tokenizer_matches_the_reference_on_tricky_texts() {
        for text in TRICKY {
            assert_eq!(tokenize(text), tokenize_reference(text), "{text:?}");
            check_index(text);
        }
    }

    /// Checks the index of [`tokenize_indexed`] against its tokens.
    fn check_index(text: &str) {
        let indexed = tokenize_indexed(text);
        let toks = &indexed.list;
        let capitalised: Vec<u32> = (0..toks.len()).filter(|&k| toks[k].capitalised).map(|k| k as u32).collect();
        assert_eq!(indexed.capitalised, capitalised, "{text:?}");
        let starts: Vec<u32> = (0..toks.len()).filter(|&k| toks[k].sentence_start).map(|k| k as u32).collect();
        assert_eq!(indexed.sentence_starts, starts, "{text:?}");
    }

    #[test]
    fn the_letter_run_counts_the_leading_ascii_letters() {
        // Every byte value, between runs of letters and digits of every length.
        let all_bytes: Vec<[u8; 1]> = (0..=255u8).map(|b| [b]).collect();
        let pieces: Vec<&[u8]> = all_bytes.iter().map(|b| &b[..]).collect();
        for bytes in crate::clean::random_bytes(500, 60, &pieces, 4, &[b"a", b"Zz", b"xYzQ", b"@", b"["]) {
            for at in 0..=bytes.len() {
                let expected = bytes[at..].iter().take(8).take_while(|b| b.is_ascii_alphabetic()).count();
                assert_eq!(ascii_letter_run(crate::swar::load(&bytes, at)), expected, "{bytes:?} {at}");
            }
        }
        for b in 0..=255u8 {
            let x = u64::from_le_bytes([b'a', b'Z', b'q', b'M', b, b'z', b'A', b'a']);
            assert_eq!(ascii_letter_run(x), if b.is_ascii_alphabetic() { 8 } else { 4 }, "{b:#x}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_tokenizer_matches_the_reference_on_long_words(text in "([a-zA-Z0-9]{0,20}[éÉ×÷ ’'\\-.\u{301}]?){0,8}") {
            proptest::prop_assert_eq!(tokenize(&text), tokenize_reference(&text));
            check_index(&text);
        }

        #[test]
        fn the_byte_level_tokenizer_matches_the_reference(text in "[a-zA-Z0-9éÉèàçœŒß×÷ÿÀ ,.!?:;'’‑\\-\u{301}\u{a0}\n\t«»“”()•—–ΣЖ日×]{0,40}") {
            proptest::prop_assert_eq!(tokenize(&text), tokenize_reference(&text));
            check_index(&text);
        }
    }
}
