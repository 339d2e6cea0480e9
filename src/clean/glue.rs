//! Repair of words that scraping glued together, where the evidence is clear:
//! `juillet 2000lorsqu’il`, `énergie.portant`, `BloombergActualités`, `ParisLe Président`.
//!
//! Each rule inserts a space (or a dateline dash) only when both sides are known
//! words or names and the token cannot be a unit, a domain name or a brand.

use std::sync::LazyLock;

use regex::{Captures, Regex};

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

static DIGIT_LETTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\d)(\p{Ll}+)").expect("digit-letter"));
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
    // One cheap byte scan first: most paragraphs have no seam at all.
    let (mut digit_letter, mut letter_digit, mut punct_letter, mut lower_upper) = (false, false, false, false);
    let bytes = paragraph.as_bytes();
    for i in 1..bytes.len() {
        let (a, b) = (bytes[i - 1], bytes[i]);
        digit_letter |= a.is_ascii_digit() && (b.is_ascii_lowercase() || b >= 0xc3);
        letter_digit |= (a.is_ascii_lowercase() || a >= 0x80) && b.is_ascii_digit();
        punct_letter |= matches!(a, b'.' | b'!' | b'?') && (b.is_ascii_alphabetic() || b >= 0xc3);
        // A lowercase letter (ASCII, or the second byte of a Latin-1 lowercase letter)
        // followed by a capital (ASCII, or the lead byte of a Latin-1 capital).
        let lower = a.is_ascii_lowercase() || (0xa0..=0xbf).contains(&a);
        let upper = b.is_ascii_uppercase() || b == 0xc3 && bytes.get(i + 1).is_some_and(|c| (0x80..=0x9e).contains(c));
        lower_upper |= lower && upper;
    }
    if !(digit_letter || letter_digit || punct_letter || lower_upper || first) {
        return paragraph.to_string();
    }
    let mut text = if digit_letter { split_digit_letter(paragraph) } else { paragraph.to_string() };
    if !(letter_digit || punct_letter || lower_upper || first) {
        return text;
    }
    text = LETTER_YEAR
        .replace_all(&text, |c: &Captures| {
            if lexicon().is_word(&c[1], 3.0) { format!("{} {}", &c[1], &c[2]) } else { c[0].to_string() }
        })
        .into_owned();
    text = split_sentences(&text);
    let before_camel = text.clone();
    text = CAMEL
        .replace_all(&before_camel, |c: &Captures| {
            let (left, right) = (&c[1], &c[2]);
            let m = c.get(0).expect("whole");
            if !whole_word(&before_camel, m.start(), m.end()) {
                return c[0].to_string();
            }
            let lex = lexicon();
            let brand = CAMEL_CASE.iter().any(|b| b.eq_ignore_ascii_case(&c[0]));
            // Two common words (PlayStation, WordPress) make a compound, not a seam.
            let compound = lex.is_word(left, 3.5) && lex.is_word(right, 3.5) && left.len() <= 6;
            if !brand && !compound && lex.is_word(right, 3.0) {
                format!("{left} {right}")
            } else {
                c[0].to_string()
            }
        })
        .into_owned();
    if first {
        text = repair_dateline(&text);
    }
    text
}

static CAPITALISED_WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\p{Lu}[\p{L}-]+").expect("capitalised word"));

/// Whether the match at `start..end` of `text` is a whole word (no letter touches it).
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    !text[..start].chars().next_back().is_some_and(char::is_alphanumeric)
        && !text[end..].chars().next().is_some_and(char::is_alphanumeric)
}

/// Short words that scraping glues to the name before them (`Poutinea félicité`).
const GLUED_TAILS: &[&str] = &["a", "à", "et", "est", "de", "le", "la", "les", "en", "du", "des", "au", "and", "is", "of", "the", "in", "was", "has"];

/// `ParisLe Président` → `Paris – Le Président`, at the start of the body only.
pub fn repair_dateline(paragraph: &str) -> String {
    DATELINE.replace(paragraph, "$1 – $2$3").into_owned()
}

/// `Vladimir Poutinea félicité` → `Vladimir Poutine a félicité`, when the article names
/// `Poutine` elsewhere on its own and `Poutinea` is no word.
pub fn repair_glued_names(paragraphs: &mut [String]) {
    let spans: Vec<Vec<(usize, usize)>> = paragraphs
        .iter()
        .map(|p| CAPITALISED_WORD.find_iter(p).filter(|m| whole_word(p, m.start(), m.end())).map(|m| (m.start(), m.end())).collect())
        .collect();
    let mut standalone: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (p, list) in paragraphs.iter().zip(&spans) {
        for &(s, e) in list {
            *standalone.entry(&p[s..e]).or_default() += 1;
        }
    }
    // Where to insert a space: (paragraph, byte offset).
    let lex = lexicon();
    let mut edits: Vec<(usize, usize)> = Vec::new();
    for (i, (p, list)) in paragraphs.iter().zip(&spans).enumerate() {
        for &(s, e) in list {
            let word = &p[s..e];
            if standalone.get(word).copied().unwrap_or(0) > 1 {
                continue;
            }
            let glued = GLUED_TAILS.iter().find(|tail| {
                word.strip_suffix(**tail)
                    .is_some_and(|name| name.chars().count() >= 3 && standalone.get(name).copied().unwrap_or(0) >= 2)
            });
            if let Some(tail) = glued
                && !lex.is_word(word, 2.0)
            {
                edits.push((i, e - tail.len()));
            }
        }
    }
    for (i, at) in edits.into_iter().rev() {
        paragraphs[i].insert(at, ' ');
    }
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
    for c in SENTENCE.captures_iter(text) {
        let (left, punct, right) = (c.get(1).expect("left"), c.get(2).expect("punct"), c.get(3).expect("right"));
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
    fn dateline_glued_to_first_word() {
        assert_eq!(repair("LyonLe maire a annoncé", true), "Lyon – Le maire a annoncé");
        assert_eq!(repair("LondonThe minister said", true), "London – The minister said");
        assert_eq!(repair("LyonLe maire a annoncé", false), "LyonLe maire a annoncé");
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
    fn repair_is_idempotent() {
        let once = repair("LyonLe maire.Il a dit en 2019lorsqu’il", true);
        assert_eq!(repair(&once, true), once);
    }
}
