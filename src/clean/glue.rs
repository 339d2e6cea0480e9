//! Repair of words that scraping glued together, where the evidence is clear:
//! `juillet 2000lorsqu’il`, `énergie.portant`, `BloombergActualités`, `ParisLe Président`.
//!
//! Each rule inserts a space (or a dateline dash) only when both sides are known
//! words or names and the token cannot be a unit, a domain name or a brand.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::{Captures, Regex};
use rustc_hash::FxHashMap;

use crate::lexicon::lexicon;

/// Unit and ordinal suffixes that legitimately follow digits (`10km`, `3e`, `21st`).
const UNIT_SUFFIXES: &[&str] = &[
    "er", "ère", "re", "e", "è", "ème", "eme", "nd", "nde", "rd", "st", "th", "h", "min", "mn", "s", "ms", "km", "kg",
    "mg", "g", "mm", "cm", "m", "ml", "cl", "dl", "l", "px", "pt", "kb", "mb", "gb", "tb", "ko", "mo", "go", "to", "hz",
    "khz", "mhz", "ghz", "kw", "mw", "gw", "kwh", "mwh", "gwh", "twh", "v", "kv", "mah", "x", "bis", "ter", "ans", "an",
    "mois", "jours", "ha", "km²", "m²", "m³", "bn", "mn", "md", "mds", "mrd", "mrds", "k", "pc", "am", "pm",
];

/// Top-level domains: `site.com` is not two sentences.
const DOMAINS: &[&str] = &[
    "com", "org", "net", "fr", "be", "ch", "ca", "uk", "de", "io", "gov", "edu", "info", "eu", "ru", "cn", "tv", "co",
    "html", "htm", "php", "asp", "aspx", "jpg", "png", "pdf", "gif", "js", "fm", "me", "news", "int", "it", "es", "us",
];

/// Brands and names written in camel case on purpose.
const CAMEL_CASE: &[&str] = &[
    "PowerPoint", "PlayStation", "WordPress", "BlackRock", "BlackBerry", "SoundCloud", "DreamWorks", "SoftBank",
    "JavaScript", "YouTube", "LinkedIn", "WhatsApp", "PayPal", "FedEx", "GitHub", "HarperCollins", "ByteDance",
    "AstraZeneca", "GlaxoSmithKline", "ExxonMobil", "ArcelorMittal", "TotalEnergies", "DeepMind", "MasterCard",
    "MacBook", "McDonald", "McKinsey", "MacArthur", "DiCaprio", "LaGuardia", "DeSantis", "McCarthy", "McConnell",
    "SpaceX", "OpenAI", "TikTok", "BioNTech", "CrowdStrike", "SmartPhone", "AirBnb", "SeaWorld", "StarLink",
    "EasyJet", "RyanAir", "PepsiCo", "ConocoPhillips", "SolarWinds", "NordStream", "BlueSky", "FreeBSD", "iPhone",
];

// ASCII digits only: the line gate sees only those (`DIGIT_LETTER_SEAM`), and a digit
// of another script split off on some lines only would make cleaning twice differ.
static DIGIT_LETTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"([0-9])(\p{Ll}+)").expect("digit-letter"));
// Word boundaries are checked by hand: Unicode `\b` would keep the regex engine off
// its fast path on accented text.
static LETTER_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\p{Ll}{3,})((?:1[5-9]|20)\d\d)(?-u:\b)").expect("letter-year"));
static SENTENCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\p{Ll}{2,})([.!?])(\p{L}\p{Ll}+)").expect("sentence glue"));
static CAMEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\p{Lu}\p{Ll}{2,})(\p{Lu}\p{Ll}{3,})").expect("camel glue"));
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\p{Lu}[\p{Ll}-]{2,}|\p{Lu}{3,})(Le|La|Les|L['’]|Un|Une|Des|Du|Au|Aux|En|Ce|Cette|Selon|The|A|An|In|On|At|According)(\s|\p{Lu})")
        .expect("dateline glue")
});

/// Repairs every glue pattern in one paragraph. `first` says whether it opens the
/// body, where a glued dateline can stand.
pub fn repair(paragraph: &str, first: bool) -> String {
    repair_cow(paragraph, first).into_owned()
}

/// [`repair`], without a copy of the paragraph when nothing changes (most lines).
pub(crate) fn repair_cow(paragraph: &str, first: bool) -> Cow<'_, str> {
    let mut text = repair_once(paragraph, first);
    // One repair can bring out another (`SeptembreMars!les`: `Mars`, once parted from
    // `Septembre`, is a word glued to the next sentence), so a changed paragraph is
    // repaired again until nothing changes: cleaning a cleaned page then changes
    // nothing. Each round only adds spaces, and few paragraphs need a second.
    for _ in 0..MAX_REPAIR_ROUNDS {
        let again = match &text {
            Cow::Owned(t) if t != paragraph => match repair_once(t, first) {
                Cow::Owned(again) if again != *t => again,
                _ => break,
            },
            _ => break,
        };
        text = Cow::Owned(again);
    }
    text
}

/// Rounds of [`repair_once`] after the first, at most: a bound, never reached on real text.
const MAX_REPAIR_ROUNDS: usize = 8;

/// One pass of every glue pattern over a paragraph.
fn repair_once(paragraph: &str, first: bool) -> Cow<'_, str> {
    // One cheap byte scan first: most paragraphs have no seam at all.
    if !first && !has_gate_seam(paragraph.as_bytes()) {
        return Cow::Borrowed(paragraph);
    }
    let seams = Seams::scan(paragraph.as_bytes());
    // The gates below decide which lines are repaired at all, and must stay as they
    // are; the `*_any` seams only skip a pattern where it cannot match.
    let (digit_letter, letter_digit, punct_letter, lower_upper) =
        (seams.has(DIGIT_LETTER_SEAM), seams.has(LETTER_DIGIT_SEAM), seams.has(PUNCT_LETTER_SEAM), seams.has(LOWER_UPPER_SEAM));
    if !(digit_letter || letter_digit || punct_letter || lower_upper || first) {
        return Cow::Borrowed(paragraph);
    }
    let mut text = if digit_letter { Cow::Owned(split_digit_letter(paragraph)) } else { Cow::Borrowed(paragraph) };
    if !(letter_digit || punct_letter || lower_upper || first) {
        return text;
    }
    // The repairs below only insert spaces after a digit, a letter or a stop, which
    // makes no new seam of another kind: the seams found in the paragraph still tell
    // which patterns can match.
    if letter_digit {
        let repaired = LETTER_YEAR.replace_all(&text, |c: &Captures| {
            if lexicon().is_word(&c[1], 3.0) { format!("{} {}", &c[1], &c[2]) } else { c[0].to_string() }
        });
        if let Cow::Owned(repaired) = repaired {
            text = Cow::Owned(repaired);
        }
    }
    if seams.has(PUNCT_ANY_SEAM) {
        text = Cow::Owned(split_sentences(&text));
    }
    if seams.has(LOWER_UPPER_ANY_SEAM) {
        let repaired = split_camel_case(&text);
        if let Cow::Owned(repaired) = repaired {
            text = Cow::Owned(repaired);
        }
    }
    if first && let Some(repaired) = dateline_repaired(&text) {
        text = Cow::Owned(repaired);
    }
    text
}

/// `ReutersInformations` → `Reuters Informations`, but not brands (`PlayStation`) nor
/// compounds of two common words.
fn split_camel_case(text: &str) -> Cow<'_, str> {
    CAMEL.replace_all(text, |c: &Captures| {
        let (left, right) = (&c[1], &c[2]);
        let m = c.get(0).expect("whole");
        // Only a seam the line gate sees is split (`LOWER_UPPER_SEAM`): another one
        // (Cyrillic, Greek) would be split on some lines only, and cleaning twice would
        // differ from cleaning once.
        if !whole_word(text, m.start(), m.end()) || !is_gate_camel_seam(left, right) {
            return c[0].to_string();
        }
        let lex = lexicon();
        let brand = CAMEL_CASE.iter().any(|b| b.eq_ignore_ascii_case(&c[0]));
        // Two common words (PlayStation, WordPress) make a compound, not a seam.
        let compound = lex.is_word(left, 3.5) && lex.is_word(right, 3.5) && left.len() <= 6;
        if !brand && !compound && lex.is_word(right, 3.0) { format!("{left} {right}") } else { c[0].to_string() }
    })
}

/// Whether the seam between a lowercase letter ending `left` and the capital opening
/// `right` is a [`LOWER_UPPER_SEAM`], one that opens the line gate.
fn is_gate_camel_seam(left: &str, right: &str) -> bool {
    let (Some(&last), Some(&first)) = (left.as_bytes().last(), right.as_bytes().first()) else { return false };
    let capital = match first {
        0xc3 => right.as_bytes().get(1).is_some_and(|b| (0x80..=0x9e).contains(b)),
        _ => first.is_ascii_uppercase(),
    };
    SEAM_LEFT[usize::from(last)] & LOWER_UPPER_SEAM != 0 && capital
}

/// The kinds of byte pairs found in a paragraph, one bit each.
struct Seams(u8);

/// An ASCII digit, then an ASCII lowercase letter or a byte from 0xC3 (gate).
const DIGIT_LETTER_SEAM: u8 = 1;
/// An ASCII lowercase letter or a non-ASCII byte, then an ASCII digit (gate, and the
/// only way `LETTER_YEAR` can match).
const LETTER_DIGIT_SEAM: u8 = 2;
/// `.`, `!` or `?`, then an ASCII letter or a byte from 0xC3 (gate).
const PUNCT_LETTER_SEAM: u8 = 4;
/// An ASCII lowercase letter or a byte A0–BF, then an ASCII capital or a Latin-1
/// capital (C3 80–9E) (gate).
const LOWER_UPPER_SEAM: u8 = 8;
/// `.`, `!` or `?`, then an ASCII letter or any non-ASCII byte: the only way
/// `SENTENCE` can match (a letter after the stop).
const PUNCT_ANY_SEAM: u8 = 16;
/// An ASCII lowercase letter or a non-ASCII byte, then an ASCII capital, a Latin-1
/// capital (C3 80–9E) or a lead byte from C4: the only way `CAMEL` can match (a
/// lowercase letter, then a capital; the other characters of C2 and C3, `é`, `à`, `«`,
/// are no capitals, and the lowercase letters of French prose do not open the search).
const LOWER_UPPER_ANY_SEAM: u8 = 32;
/// Not a seam: `LOWER_UPPER_SEAM` on a C3 lead byte, which depends on the byte after it.
const LOWER_C3: u8 = 64;
/// Not a seam: `LOWER_UPPER_ANY_SEAM` on a C3 lead byte, which depends on the byte after it.
const ANY_C3: u8 = 128;

/// For each byte, the seams it can open (as the first byte of a pair).
static SEAM_LEFT: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let x = b as u8;
        let lower = x.is_ascii_lowercase();
        let mut bits = 0;
        if x.is_ascii_digit() {
            bits |= DIGIT_LETTER_SEAM;
        }
        if lower || x >= 0x80 {
            bits |= LETTER_DIGIT_SEAM | LOWER_UPPER_ANY_SEAM | ANY_C3;
        }
        if matches!(x, b'.' | b'!' | b'?') {
            bits |= PUNCT_LETTER_SEAM | PUNCT_ANY_SEAM;
        }
        if lower || (0xa0 <= x && x <= 0xbf) {
            bits |= LOWER_UPPER_SEAM | LOWER_C3;
        }
        t[b] = bits;
        b += 1;
    }
    t
};

/// For each byte, the seams it can close (as the second byte of a pair).
static SEAM_RIGHT: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let x = b as u8;
        let mut bits = 0;
        if x.is_ascii_lowercase() || x >= 0xc3 {
            bits |= DIGIT_LETTER_SEAM;
        }
        if x.is_ascii_digit() {
            bits |= LETTER_DIGIT_SEAM;
        }
        if x.is_ascii_alphabetic() || x >= 0xc3 {
            bits |= PUNCT_LETTER_SEAM;
        }
        if x.is_ascii_uppercase() {
            bits |= LOWER_UPPER_SEAM;
        }
        if x.is_ascii_alphabetic() || x >= 0x80 {
            bits |= PUNCT_ANY_SEAM;
        }
        if x.is_ascii_uppercase() || x >= 0xc4 {
            bits |= LOWER_UPPER_ANY_SEAM;
        }
        if x == 0xc3 {
            bits |= LOWER_C3 | ANY_C3;
        }
        t[b] = bits;
        b += 1;
    }
    t
};

impl Seams {
    fn scan(bytes: &[u8]) -> Seams {
        let Some((&head, rest)) = bytes.split_first() else { return Seams(0) };
        let (mut found, mut left) = (0u8, SEAM_LEFT[head as usize]);
        let mut i = 0;
        while i < rest.len() {
            // Eight lowercase ASCII letters and spaces make no seam among themselves
            // (and none is C3): only the pair they start with counts. Most of a
            // paragraph is read eight bytes at a time.
            if let Some(chunk) = rest.get(i..i + 8)
                && lowercase_or_spaces(u64::from_le_bytes(chunk.try_into().expect("eight bytes")))
            {
                found |= left & SEAM_RIGHT[chunk[0] as usize];
                left = SEAM_LEFT[chunk[7] as usize];
                i += 8;
                continue;
            }
            let b = rest[i];
            let pair = left & SEAM_RIGHT[b as usize];
            left = SEAM_LEFT[b as usize];
            // A C3 lead after a lowercase letter: a seam if it opens a Latin-1 capital.
            if pair & ANY_C3 != 0 && rest.get(i + 1).is_some_and(|c| (0x80..=0x9e).contains(c)) {
                found |= LOWER_UPPER_ANY_SEAM | if pair & LOWER_C3 != 0 { LOWER_UPPER_SEAM } else { 0 };
            }
            found |= pair;
            i += 1;
        }
        Seams(found & !(LOWER_C3 | ANY_C3))
    }

    fn has(&self, seam: u8) -> bool {
        self.0 & seam != 0
    }
}

/// Whether `bytes` holds one of the seams that decide whether a paragraph is repaired
/// at all ([`DIGIT_LETTER_SEAM`], [`LETTER_DIGIT_SEAM`], [`PUNCT_LETTER_SEAM`],
/// [`LOWER_UPPER_SEAM`]): what [`Seams::scan`] finds, eight bytes at a time.
///
/// Each of these seams has a rarer side: a digit (on either side), a stop on the left,
/// an ASCII capital or a C3 lead on the right. All of them are ASCII bytes from `!` to
/// `Z` or C3: a chunk of eight bytes without any (most of lowercase prose) holds no such
/// side, and only the pairs around the bytes that are there are read, one by one.
fn has_gate_seam(bytes: &[u8]) -> bool {
    use crate::swar::ascii_in;
    const GATES: u8 = DIGIT_LETTER_SEAM | LETTER_DIGIT_SEAM | PUNCT_LETTER_SEAM | LOWER_UPPER_SEAM;
    // The seams of the pair of bytes at `at` and `at + 1`.
    let pair = |at: usize| {
        let (Some(&left), Some(&right)) = (bytes.get(at), bytes.get(at + 1)) else { return 0 };
        let pair = SEAM_LEFT[usize::from(left)] & SEAM_RIGHT[usize::from(right)];
        let latin_capital = pair & LOWER_C3 != 0 && bytes.get(at + 2).is_some_and(|c| (0x80..=0x9e).contains(c));
        (pair & GATES) | if latin_capital { LOWER_UPPER_SEAM } else { 0 }
    };
    let mut at = 0;
    while at < bytes.len() {
        let x = crate::swar::load(bytes, at);
        let mut sides = ascii_in(x, b'!', b'Z' + 1) | crate::swar::equal(x, 0xc3);
        while sides != 0 {
            let side = at + sides.trailing_zeros() as usize / 8;
            sides &= sides - 1;
            // The pair the byte closes and the pair it opens.
            if side.checked_sub(1).is_some_and(|before| pair(before) != 0) || pair(side) != 0 {
                return true;
            }
        }
        at += 8;
    }
    false
}

/// Whether each of the eight bytes of `x` is an ASCII lowercase letter or a space.
fn lowercase_or_spaces(x: u64) -> bool {
    use crate::swar::{all, ascii_in, equal};
    all(ascii_in(x, b'a', b'z' + 1) | equal(x, b' '))
}

/// A letter (`\p{L}`), as a bit of [`letter_class`].
const LETTER: u8 = 1;
/// A capital letter (`\p{Lu}`), as a bit of [`letter_class`].
const CAPITAL: u8 = 2;
/// The hyphen-minus, as a bit of [`letter_class`].
const HYPHEN: u8 = 4;
/// Characters below this have their class in [`LETTER_CLASSES`]: all the scripts and
/// punctuation of European text.
const CLASS_TABLE_END: u32 = 0x3000;

/// The letter class of each character below [`CLASS_TABLE_END`], from the ranges that
/// the regex engine's own parser gives `\p{L}` and `\p{Lu}`, so that it agrees with
/// them to the last character (and costs nothing like running a regex over them).
static LETTER_CLASSES: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let mut classes = vec![0u8; CLASS_TABLE_END as usize];
    for (pattern, bit) in [(r"\p{L}", LETTER), (r"\p{Lu}", CAPITAL)] {
        let hir = regex_syntax::Parser::new().parse(pattern).expect("a Unicode class");
        let regex_syntax::hir::HirKind::Class(regex_syntax::hir::Class::Unicode(class)) = hir.kind() else {
            unreachable!("{pattern} is a Unicode class")
        };
        for range in class.iter() {
            let (start, end) = (u32::from(range.start()), u32::from(range.end()).min(CLASS_TABLE_END - 1));
            for c in start..=end {
                classes[c as usize] |= bit;
            }
        }
    }
    classes[usize::from(b'-')] |= HYPHEN;
    classes
});
static ANY_LETTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\p{L}").expect("letter"));
static ANY_CAPITAL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\p{Lu}").expect("capital"));

/// Whether `c` is a letter ([`LETTER`]), a capital ([`CAPITAL`]) or the hyphen
/// ([`HYPHEN`]); letters as `\p{L}` and capitals as `\p{Lu}` in a regex.
fn letter_class(c: char) -> u8 {
    if let Some(&class) = LETTER_CLASSES.get(c as usize) {
        return class;
    }
    let mut buf = [0; 4];
    let s = c.encode_utf8(&mut buf);
    (if ANY_LETTER.is_match(s) { LETTER } else { 0 }) | (if ANY_CAPITAL.is_match(s) { CAPITAL } else { 0 })
}

/// The spans of the capitalised words of `text`: what `\p{Lu}[\p{L}-]+` finds, one
/// match after the other (a capital, then at least one letter or hyphen, as many as
/// follow). A hand-written scan: the regex spends most of its time in a prefilter for
/// the thousand capitals of Unicode.
fn capitalised_words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let classes = &**LETTER_CLASSES;
    let mut next = 0;
    std::iter::from_fn(move || {
        // A capital is an ASCII capital or starts with a lead byte: the other bytes
        // (lowercase, spaces, the inside of a character) are skipped unread.
        while let Some(found) = find_capital_start(&bytes[next..]) {
            let start = next + found;
            let (class, after) = class_at(text, classes, start);
            next = after;
            if class & CAPITAL != 0 && class_at(text, classes, after).0 & (LETTER | HYPHEN) != 0 {
                loop {
                    // ASCII letters inline: most of the word.
                    while bytes.get(next).is_some_and(|&b| b.is_ascii_alphabetic() || b == b'-') {
                        next += 1;
                    }
                    let (class, after) = class_at(text, classes, next);
                    if class & (LETTER | HYPHEN) == 0 {
                        return Some((start, next));
                    }
                    next = after;
                }
            }
        }
        None
    })
}

/// The index of the first byte that can start a capital: an ASCII capital or a lead
/// byte (0xC0 and up), but for the leads of the most common characters that are no
/// capital (see [`surely_no_capital`]). Reads eight bytes at a time: text is mostly
/// lowercase.
fn find_capital_start(bytes: &[u8]) -> Option<usize> {
    use crate::swar::{ascii_in, at_least};
    // Lead bytes are those from 0xC0 up.
    crate::swar::find(bytes, 0, |x| ascii_in(x, b'A', b'Z' + 1) | at_least(x, 0xc0), |at| !surely_no_capital(bytes, at))
}

/// Whether the character at byte `at` (a lead byte) is surely no capital, from its
/// first two bytes: U+0080 to U+00BF (`«`, `»`, no-break space), U+00DF to U+00FF (`é`,
/// `à`, `ç`...) and U+2000 to U+207F (`’`, dashes, quotes) hold none. The characters of
/// French text that are not ASCII are nearly all there.
#[inline]
fn surely_no_capital(bytes: &[u8], at: usize) -> bool {
    match (bytes[at], bytes.get(at + 1)) {
        (0xc2, _) => true,
        (0xc3, Some(&next)) => next >= 0x9f,
        (0xe2, Some(&next)) => next <= 0x81,
        _ => false,
    }
}

/// The class of the character at byte `i` of `text` (0 at the end), and where that
/// character ends.
#[inline]
fn class_at(text: &str, classes: &[u8], i: usize) -> (u8, usize) {
    match text.as_bytes().get(i) {
        None => (0, i),
        Some(&b) if b.is_ascii() => (classes[usize::from(b)], i + 1),
        Some(_) => {
            let c = text[i..].chars().next().expect("a character starts here");
            (letter_class(c), i + c.len_utf8())
        }
    }
}

/// Whether the match at `start..end` of `text` is a whole word (no letter touches it).
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    // An ASCII neighbour (a space, most often) is judged by its byte alone.
    let before = match start.checked_sub(1).map(|i| text.as_bytes()[i]) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text[..start].chars().next_back().is_some_and(char::is_alphanumeric),
    };
    let after = match text.as_bytes().get(end) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text[end..].chars().next().is_some_and(char::is_alphanumeric),
    };
    !before && !after
}

/// Short words that scraping glues to the name before them (`Poutinea félicité`).
const GLUED_TAILS: &[&str] = &["a", "à", "et", "est", "de", "le", "la", "les", "en", "du", "des", "au", "and", "is", "of", "the", "in", "was", "has"];

/// For each byte, the [`GLUED_TAILS`] that end with it, one bit each (bit `i` for the
/// tail at index `i`): a word is compared only with the tails that end as it does.
static TAILS_BY_LAST_BYTE: [u32; 256] = {
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < GLUED_TAILS.len() {
        let tail = GLUED_TAILS[i].as_bytes();
        t[tail[tail.len() - 1] as usize] |= 1 << i;
        i += 1;
    }
    t
};

/// `ParisLe Président` → `Paris – Le Président`, at the start of the body only; `None`
/// when the paragraph opens with no glued dateline (most do): the caller keeps its own
/// copy.
///
/// Only the paragraph's first word is searched: the regex is anchored at the start, and
/// all it matches (letters, hyphens, apostrophes, then one character) lies in the
/// first run of those and the character after it ([`dateline_reach`]). On the whole
/// paragraph, its literal inner words would send the engine through all of it.
pub(crate) fn dateline_repaired(paragraph: &str) -> Option<String> {
    // The pattern opens with a capital.
    let first = paragraph.chars().next()?;
    if letter_class(first) & CAPITAL == 0 {
        return None;
    }
    let head = &paragraph[..dateline_reach(paragraph)];
    match dateline_in(head) {
        Cow::Borrowed(_) => None,
        Cow::Owned(mut repaired) => {
            repaired.push_str(&paragraph[head.len()..]);
            Some(repaired)
        }
    }
}

/// Where the part of `paragraph` that [`DATELINE`] can match ends: after the first
/// character that is neither a letter, a hyphen nor an apostrophe.
fn dateline_reach(paragraph: &str) -> usize {
    paragraph
        .char_indices()
        .find(|&(_, c)| letter_class(c) & (LETTER | HYPHEN) == 0 && c != '\'' && c != '’')
        .map_or(paragraph.len(), |(i, c)| i + c.len_utf8())
}

/// The [`DATELINE`] repair of `text`.
fn dateline_in(text: &str) -> Cow<'_, str> {
    DATELINE
        .replace(text, |c: &Captures| {
            // A capital right after the first word is `L’Élysée`'s; after any other
            // (`AFPOTANOT`), no word starts there, and splitting would go on splitting
            // the capitals left at each cleaning.
            // A capitals-only first word before `A` is most often an acronym of its own
            // (`NASA researchers`, `USA Today`, `FIFA`): no seam can be told there.
            let acronym = &c[2] == "A" && !c[1].chars().any(char::is_lowercase);
            if acronym {
                c[0].to_string()
            } else if c[3].starts_with(char::is_whitespace) || c[2].ends_with(['\'', '’']) {
                format!("{} – {}{}", &c[1], &c[2], &c[3])
            } else {
                c[0].to_string()
            }
        })
}

/// `Vladimir Poutinea félicité` → `Vladimir Poutine a félicité`, when the article names
/// `Poutine` elsewhere on its own and `Poutinea` is no word.
pub fn repair_glued_names(paragraphs: &mut [String]) {
    // The capitalised words (paragraph, start, end), and among them the candidates: the
    // whole words that end with a glued tail after a name of three characters or more.
    // Most articles have few candidates, and only the words they need are counted, from
    // the spans found here (no second reading of the text).
    // Room for one capitalised word every 16 bytes at once: more than prose has.
    let mut spans: Vec<(usize, usize, usize)> = Vec::with_capacity(paragraphs.iter().map(|p| p.len() / 16).sum::<usize>() + 8);
    let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        for (s, e) in capitalised_words(p) {
            if glued_tails(&p[s..e]).next().is_some() && whole_word(p, s, e) {
                candidates.push((i, s, e));
            }
            spans.push((i, s, e));
        }
    }
    if candidates.is_empty() {
        return;
    }
    let edits = glued_name_edits(paragraphs, &spans, &candidates);
    for (i, at) in edits.into_iter().rev() {
        paragraphs[i].insert(at, ' ');
    }
}

/// Where [`repair_glued_names`] inserts a space (paragraph, byte offset), in the order of
/// the candidates: after the name in a candidate that is no word and stands alone at
/// most once, when the name stands alone at least twice. `spans` are all the
/// capitalised words of the paragraphs, in order.
fn glued_name_edits<'a>(paragraphs: &'a [String], spans: &[(usize, usize, usize)], candidates: &[(usize, usize, usize)]) -> Vec<(usize, usize)> {
    // How often each word stands alone, counted up to two: only whether it is more than
    // one matters. Counted once for each word asked about.
    let mut counts: FxHashMap<&'a str, usize> = FxHashMap::default();
    let mut standalone = |word: &'a str| -> usize { *counts.entry(word).or_insert_with(|| standalone_count(paragraphs, spans, word, 2)) };
    let lex = lexicon();
    let mut edits = Vec::new();
    for &(i, s, e) in candidates {
        let word = &paragraphs[i][s..e];
        // A known word is never split: asked first, it spares the counting.
        if lex.is_word(word, 2.0) || standalone(word) > 1 {
            continue;
        }
        if let Some((_, tail)) = glued_tails(word).find(|&(name, _)| standalone(name) >= 2) {
            edits.push((i, e - tail.len()));
        }
    }
    edits
}

/// How many times `word` stands alone in `paragraphs`: as one of their capitalised
/// words (`spans`, as [`capitalised_words`] finds them) and a whole word, counted up to
/// `limit`.
fn standalone_count(paragraphs: &[String], spans: &[(usize, usize, usize)], word: &str, limit: usize) -> usize {
    let mut count = 0;
    for &(i, s, e) in spans {
        // The length first: most spans differ from the word there.
        if e - s == word.len() && paragraphs[i].as_bytes()[s..e] == *word.as_bytes() && whole_word(&paragraphs[i], s, e) {
            count += 1;
            if count == limit {
                break;
            }
        }
    }
    count
}

/// The reference for [`repair_glued_names`]: every capitalised whole word counted.
#[cfg(test)]
fn repair_glued_names_by_counting_all(paragraphs: &mut [String]) {
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    let mut candidates: Vec<usize> = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        for (s, e) in capitalised_words(p).filter(|&(s, e)| whole_word(p, s, e)) {
            if glued_tails(&p[s..e]).next().is_some() {
                candidates.push(spans.len());
            }
            spans.push((i, s, e));
        }
    }
    let word_of = |&(i, s, e): &(usize, usize, usize)| paragraphs[i][s..e].to_string();
    let mut standalone: FxHashMap<String, usize> = FxHashMap::default();
    for span in &spans {
        *standalone.entry(word_of(span)).or_default() += 1;
    }
    let count = |w: &str| standalone.get(w).copied().unwrap_or(0);
    let mut edits: Vec<(usize, usize)> = Vec::new();
    for &c in &candidates {
        let (i, _, e) = spans[c];
        let word = word_of(&spans[c]);
        if count(&word) > 1 {
            continue;
        }
        if let Some((_, tail)) = glued_tails(&word).find(|(name, _)| count(name) >= 2)
            && !lexicon().is_word(&word, 2.0)
        {
            edits.push((i, e - tail.len()));
        }
    }
    for (i, at) in edits.into_iter().rev() {
        paragraphs[i].insert(at, ' ');
    }
}

/// The ways `word` splits into a name of three characters or more and one of the
/// [`GLUED_TAILS`], in the order of the tails.
fn glued_tails(word: &str) -> impl Iterator<Item = (&str, &'static str)> + '_ {
    let bytes = word.as_bytes();
    let mut tails = bytes.last().map_or(0, |&b| TAILS_BY_LAST_BYTE[usize::from(b)]);
    std::iter::from_fn(move || {
        while tails != 0 {
            let tail = GLUED_TAILS[tails.trailing_zeros() as usize];
            tails &= tails - 1;
            // Compared byte by byte: the tails are one to three bytes long. A tail opens
            // with a whole character, so the name ends on a character boundary.
            let Some(split) = word.len().checked_sub(tail.len()) else { continue };
            if !bytes[split..].iter().eq(tail.as_bytes()) {
                continue;
            }
            let name = &word[..split];
            if name.chars().count() >= 3 {
                return Some((name, tail));
            }
        }
        None
    })
}

/// `2000lorsqu’il` → `2000 lorsqu’il`, but `10km`, `3e`, `21st`, `4x4` stay.
fn split_digit_letter(text: &str) -> String {
    DIGIT_LETTER
        .replace_all(text, |c: &Captures| {
            let suffix = &c[2];
            let end = c.get(2).map_or(0, |m| m.end());
            let elided = text[end..].starts_with(['\'', '’']);
            let known = lexicon().is_word(suffix, 3.0) || (elided && suffix.chars().count() >= 3);
            if suffix.chars().count() >= 3 && known && !UNIT_SUFFIXES.contains(&suffix) {
                format!("{} {}", &c[1], suffix)
            } else {
                c[0].to_string()
            }
        })
        .into_owned()
}

/// `énergie.portant` → `énergie. portant`, but not inside URLs, e-mail addresses,
/// domain names or abbreviations.
fn split_sentences(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut last = 0;
    let lex = lexicon();
    let mut from = 0;
    while let Some(c) = SENTENCE.captures_at(text, from) {
        let (left, punct, right) = (c.get(1).expect("left"), c.get(2).expect("punct"), c.get(3).expect("right"));
        // The right word can open the next seam (`etc.janvier!the`): had the search gone
        // on after it, a second cleaning would find that seam where the first did not.
        from = right.start();
        // The whole whitespace-delimited token around the seam.
        let token_start = text[..left.start()]
            .char_indices()
            .rev()
            .find(|(_, ch)| ch.is_whitespace())
            .map_or(0, |(i, ch)| i + ch.len_utf8());
        let token_end = text[right.end()..].find(char::is_whitespace).map_or(text.len(), |i| right.end() + i);
        let token = &text[token_start..token_end];
        let after = &text[right.end()..token_end];
        let url_like = token.contains("www") || token.contains('@') || token.contains('/') || token.contains("http");
        let right_lower = right.as_str().to_lowercase();
        let is_domain = DOMAINS.contains(&right_lower.as_str()) || after.starts_with('.');
        let left_start = text[..left.end()]
            .char_indices()
            .rev()
            .find(|(_, ch)| !ch.is_alphabetic())
            .map_or(0, |(i, ch)| i + ch.len_utf8());
        let left_word = &text[left_start..left.end()];
        let words = lex.is_word(left_word, 2.5) && lex.is_word(right.as_str(), 2.5) && right.as_str().chars().count() >= 3;
        if !url_like && !is_domain && words {
            out.push_str(&text[last..punct.end()]);
            out.push(' ');
            last = punct.end();
        }
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_then_word() {
        assert_eq!(repair("en mars 1999lorsqu’elle est partie", false), "en mars 1999 lorsqu’elle est partie");
        assert_eq!(repair("born in 1999when the war", false), "born in 1999 when the war");
        assert_eq!(repair("une route de 10km et le 3e jour, 21st century, 4x4", false), "une route de 10km et le 3e jour, 21st century, 4x4");
    }

    #[test]
    fn word_then_year() {
        assert_eq!(repair("depuis2019 il travaille", false), "depuis 2019 il travaille");
        assert_eq!(repair("le format mp3 et covid19", false), "le format mp3 et covid19");
    }

    #[test]
    fn sentence_end_glued_to_next_sentence() {
        assert_eq!(repair("une hausse de la production.Portant ce chiffre", false), "une hausse de la production. Portant ce chiffre");
        assert_eq!(repair("the talks failed.Officials said", false), "the talks failed. Officials said");
        assert_eq!(repair("voir lemonde.fr et www.site.com ou contact@journal.org", false), "voir lemonde.fr et www.site.com ou contact@journal.org");
    }

    #[test]
    fn capitalised_word_glued_to_next() {
        assert_eq!(repair("selon ReutersInformations publiées", false), "selon Reuters Informations publiées");
        assert_eq!(repair("sur YouTube et la PlayStation, avec PowerPoint", false), "sur YouTube et la PlayStation, avec PowerPoint");
    }

    #[test]
    fn a_repair_that_brings_out_another_is_followed_by_it() {
        let once = repair("du 4 SeptembreMars!les", false);
        assert_eq!(repair(&once, false), once);
    }

    #[test]
    fn a_word_between_two_stops_is_parted_from_both() {
        assert_eq!(repair("voir etc.janvier!the end", false), repair(&repair("voir etc.janvier!the end", false), false));
        assert_eq!(repair("la guerre.portant sur.les faits", false), "la guerre. portant sur. les faits");
    }

    #[test]
    fn seams_the_line_gate_cannot_see_are_left_on_every_line() {
        // With and without another seam (`0h`) that opens the gate for the line.
        for tail in ["", " à 10h30"] {
            let line = format!("le ٣septembre et МосковскийКремль ici{tail}");
            let repaired = repair(&line, false);
            assert!(repaired.contains("٣septembre") && repaired.contains("МосковскийКремль"), "{repaired}");
        }
        assert!(is_gate_camel_seam("Reuters", "Informations") && is_gate_camel_seam("Médée", "Élysée"));
        assert!(!is_gate_camel_seam("Московский", "Кремль"));
    }

    #[test]
    fn dateline_glued_to_first_word() {
        assert_eq!(repair("LyonLe maire a annoncé", true), "Lyon – Le maire a annoncé");
        assert_eq!(repair("LondonThe minister said", true), "London – The minister said");
        assert_eq!(repair("LyonLe maire a annoncé", false), "LyonLe maire a annoncé");
        assert_eq!(repair("ParisL’Élysée a dit", true), "Paris – L’Élysée a dit");
        assert_eq!(repair("AFPOTANOTAN Emmanuel Macron", true), "AFPOTANOTAN Emmanuel Macron");
        assert_eq!(repair("PARISLe président a dit", true), "PARIS – Le président a dit");
        // An acronym ending in A is no dateline glued to the article `A`.
        assert_eq!(repair("NASA researchers said", true), "NASA researchers said");
        assert_eq!(repair("USA Today reported", true), "USA Today reported");
        assert_eq!(repair("LondonA man was arrested", true), "London – A man was arrested");
    }

    #[test]
    fn capitalised_words_are_those_of_the_regex() {
        let regex = Regex::new(r"\p{Lu}[\p{L}-]+").unwrap();
        for text in [
            "Le ministre Jean-Pierre Dupont a vu Éric et ÉMILE à Paris-Nord, puis A. B et C-D.",
            "Ωmega ΣΩ Москва Ǆemal Ǆ ǅ ῼα ＡＢ 𝐀𝐁 Ⓐb ⅫX Aé É- X1 -A- ab|Cd|EF",
            "",
            "A",
            "Ab",
            "tout en minuscules, sans capitale aucune, mais assez long pour les blocs de huit",
        ] {
            let expected: Vec<(usize, usize)> = regex.find_iter(text).map(|m| (m.start(), m.end())).collect();
            assert_eq!(capitalised_words(text).collect::<Vec<_>>(), expected, "{text}");
        }
    }

    #[test]
    fn whole_words_are_those_no_alphanumeric_character_touches() {
        let reference = |text: &str, start: usize, end: usize| {
            !text[..start].chars().next_back().is_some_and(char::is_alphanumeric) && !text[end..].chars().next().is_some_and(char::is_alphanumeric)
        };
        for text in ["Paris", " Paris ", "aParis", "Parisa", "éParisé", "’Paris’", "1Paris2", "-Paris-", "ΣParisΣ", "\u{a0}Paris\u{a0}"] {
            let start = text.find('P').unwrap();
            let end = start + "Paris".len();
            assert_eq!(whole_word(text, start, end), reference(text, start, end), "{text}");
        }
    }

    #[test]
    fn the_characters_passed_over_are_no_capitals() {
        let capital = Regex::new(r"\p{Lu}").unwrap();
        let mut buf = [0; 4];
        for c in (0x80..=0x10_ffff).filter_map(char::from_u32) {
            let s = c.encode_utf8(&mut buf);
            assert!(!(surely_no_capital(s.as_bytes(), 0) && capital.is_match(s)), "{c:?}");
        }
    }

    #[test]
    fn capital_starts_are_found_in_every_position() {
        for len in 0..20 {
            for at in 0..len {
                for b in [b'A', b'M', b'Z', 0xc3, 0xf0] {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = b;
                    assert_eq!(find_capital_start(&bytes), Some(at));
                }
            }
            for b in [b'a', b'@', b'[', b'0', 0x80, 0xbf, b' '] {
                assert_eq!(find_capital_start(&vec![b; len]), None);
            }
        }
    }

    #[test]
    fn capital_starts_are_those_of_a_byte_by_byte_search() {
        let one_by_one = |bytes: &[u8]| (0..bytes.len()).find(|&i| bytes[i].is_ascii_uppercase() || bytes[i] >= 0xc0 && !surely_no_capital(bytes, i));
        let alphabet = ["a", "É", "é", "’", "—", "«", "Ж", "ж", "A", " ", "ß", "ÿ", "\u{2000}", "€", "ℂ", "ⅰ", "Ā", "\u{a0}", "𝐀"];
        for text in crate::clean::random_texts(20_000, 24, &alphabet, 3, &["a"]) {
            let bytes = text.as_bytes();
            for from in (0..=bytes.len()).filter(|&i| text.is_char_boundary(i)) {
                assert_eq!(find_capital_start(&bytes[from..]), one_by_one(&bytes[from..]), "{text:?} from {from}");
            }
        }
    }

    /// `count` pseudo-random lines of up to 39 bytes, the same on every run: mostly
    /// lowercase letters and spaces, and one byte in `every` (on average) from `alphabet`.
    fn random_lines(count: usize, alphabet: &[u8], every: usize) -> Vec<Vec<u8>> {
        let pieces: Vec<&[u8]> = alphabet.chunks(1).collect();
        let filler: Vec<&[u8]> = b"etaoin s".chunks(1).collect();
        crate::clean::random_bytes(count, 40, &pieces, every, &filler).collect()
    }

    #[test]
    fn seams_read_eight_bytes_at_a_time_are_those_read_one_by_one() {
        let bytewise = |bytes: &[u8]| {
            let Some((&head, rest)) = bytes.split_first() else { return 0 };
            let (mut found, mut left) = (0u8, SEAM_LEFT[head as usize]);
            for (i, &b) in rest.iter().enumerate() {
                let pair = left & SEAM_RIGHT[b as usize];
                left = SEAM_LEFT[b as usize];
                if pair & ANY_C3 != 0 && rest.get(i + 1).is_some_and(|c| (0x80..=0x9e).contains(c)) {
                    found |= LOWER_UPPER_ANY_SEAM | if pair & LOWER_C3 != 0 { LOWER_UPPER_SEAM } else { 0 };
                }
                found |= pair;
            }
            found & !(LOWER_C3 | ANY_C3)
        };
        for b in 0..=255u8 {
            let x = u64::from_le_bytes([b, b'a', b'z', b' ', b'q', b'm', b' ', b'x']);
            assert_eq!(lowercase_or_spaces(x), b.is_ascii_lowercase() || b == b' ', "{b:#x}");
            for at in 0..8 {
                let mut bytes = *b"abcdefgh";
                bytes[at] = b;
                assert_eq!(lowercase_or_spaces(u64::from_le_bytes(bytes)), b.is_ascii_lowercase() || b == b' ', "{b:#x} at {at}");
            }
        }
        for bytes in random_lines(20_000, b"az AZ09.!?-\xc3\xa9\x80\x9e\x9f\xa0\xbf\xc0\xc4", 3) {
            assert_eq!(Seams::scan(&bytes).0, bytewise(&bytes), "{bytes:?}");
        }
    }

    #[test]
    fn camel_case_and_sentence_glue_match_only_where_their_seams_are() {
        let pieces = ["a", "Z", "é", "É", "À", "Þ", "×", "ß", "ÿ", "Ā", "ā", "Ж", "ж", "Ω", "ω", "ǅ", "ǆ", "ﬀ", "𝐀", "𝐚", ".", "!", "?", "0", "9", "’", "«", "\u{a0}"];
        for line in crate::clean::random_texts(50_000, 30, &pieces, 2, &["e", "t", "a", "o", " "]) {
            let seams = Seams::scan(line.as_bytes());
            assert!(!CAMEL.is_match(&line) || seams.has(LOWER_UPPER_ANY_SEAM), "{line:?}");
            assert!(!SENTENCE.is_match(&line) || seams.has(PUNCT_ANY_SEAM), "{line:?}");
            assert!(!DIGIT_LETTER.is_match(&line) || seams.has(DIGIT_LETTER_SEAM), "{line:?}");
            assert!(!LETTER_YEAR.is_match(&line) || seams.has(LETTER_DIGIT_SEAM), "{line:?}");
        }
        // Every capital of the first planes after a lowercase letter of each width.
        for c in (0x80..0x3_0000).filter_map(char::from_u32) {
            for lower in ["abc", "abé", "abж", "ab𝐚"] {
                let line = format!("A{lower}{c}defg");
                assert!(!CAMEL.is_match(&line) || Seams::scan(line.as_bytes()).has(LOWER_UPPER_ANY_SEAM), "{line:?}");
            }
        }
    }

    #[test]
    fn the_gate_seams_read_eight_pairs_at_a_time_are_those_of_the_full_scan() {
        let gates = DIGIT_LETTER_SEAM | LETTER_DIGIT_SEAM | PUNCT_LETTER_SEAM | LOWER_UPPER_SEAM;
        for bytes in random_lines(50_000, b"az AZ09.!?-,\xc3\xa9\x80\x9e\x9f\xa0\xbf\xc0\xc2\xc4\xe2\xff\x00", 4) {
            assert_eq!(has_gate_seam(&bytes), Seams::scan(&bytes).0 & gates != 0, "{bytes:?}");
        }
        for b in 0..=255u8 {
            for c in 0..=255u8 {
                for d in [0x80, 0x9e, 0x9f, b'a'] {
                    for at in 0..10 {
                        let mut bytes = vec![b' '; 12];
                        (bytes[at], bytes[at + 1], bytes[at + 2]) = (b, c, d);
                        assert_eq!(has_gate_seam(&bytes), Seams::scan(&bytes).0 & gates != 0, "{bytes:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn name_glued_to_a_short_word() {
        let mut paras = vec![
            "Le ministre Jean Dupontest arrivé.".to_string(),
            "Dupont a parlé. Puis Dupont est reparti.".to_string(),
        ];
        repair_glued_names(&mut paras);
        assert_eq!(paras[0], "Le ministre Jean Dupont est arrivé.");
        let mut unknown = vec!["Le ministre Jean Dupontest arrivé.".to_string()];
        repair_glued_names(&mut unknown);
        assert_eq!(unknown[0], "Le ministre Jean Dupontest arrivé.");
    }

    #[test]
    fn glued_names_are_repaired_as_when_every_capitalised_word_is_counted() {
        let pieces = [
            " Poutine", " Poutine", " Poutinea", " Poutinede", "-Poutine", " Poutine-a", " Kremlin", " Kremlin", " Kremlinin",
            " Kremlinest", " Parisà", " Paris", " Canada", " Obamathe", " Obama", " Élysée", " Élyséeet", " x-Poutine",
            " A-Poutine", " é-Poutine", " Ж-Poutine", " 1Poutine", " Poutine1", "é", "’", ", ", ". ", " de", " Ab", " Aba",
            "\u{a0}Poutine", " Poutineé", "Poutine",
        ];
        let (mut seed, mut changed) = (0x2545_f491_4f6c_dd1du64, 0);
        for _ in 0..30_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let mut r = seed;
            let mut paragraphs: Vec<String> = (0..1 + seed % 3)
                .map(|_| {
                    (0..r % 14)
                        .map(|_| {
                            r = r.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                            pieces[(r >> 33) as usize % pieces.len()]
                        })
                        .collect()
                })
                .collect();
            let mut expected = paragraphs.clone();
            repair_glued_names_by_counting_all(&mut expected);
            changed += usize::from(expected != paragraphs);
            repair_glued_names(&mut paragraphs);
            assert_eq!(paragraphs, expected);
        }
        assert!(changed > 1000, "{changed} repaired: the pieces must make glued names");
    }

    #[test]
    fn glued_tails_are_found_in_the_order_of_the_list() {
        for word in ["Poutinea", "Dupontest", "Parisà", "Berlinand", "Les", "Lees", "Kremlinin", "Obamathe", "", "a", "Éta", "Moscoudu"] {
            let expected: Vec<(&str, &str)> = GLUED_TAILS
                .iter()
                .filter_map(|tail| word.strip_suffix(tail).filter(|name| name.chars().count() >= 3).map(|name| (name, *tail)))
                .collect();
            assert_eq!(glued_tails(word).collect::<Vec<_>>(), expected, "{word}");
        }
    }

    #[test]
    fn datelines_are_repaired_from_the_first_word_as_from_the_whole_paragraph() {
        let pieces = ["Paris", "Lyon", "AFP", "Le", "La", "L’", "L'", "The", "A", "An", "According", "Selon", "É", "Élysée", "x", "-", " ", "\u{a0}", "\u{2003}", ".", "’", "'", "Ж", "1"];
        let mut repaired = 0;
        for text in crate::clean::random_texts(30_000, 8, &pieces, 1, &["e"]) {
            let expected = dateline_in(&text).into_owned();
            repaired += usize::from(expected != text);
            assert_eq!(dateline_repaired(&text).unwrap_or_else(|| text.clone()), expected, "{text:?}");
            assert_eq!(dateline_repaired(&text).is_some(), DATELINE.is_match(&text), "{text:?}");
        }
        assert!(repaired > 100, "{repaired} repaired: the pieces must make datelines");
    }

    #[test]
    fn repair_is_idempotent() {
        let once = repair("LyonLe maire.Il a dit en 2019lorsqu’il", true);
        assert_eq!(repair(&once, true), once);
    }
}
