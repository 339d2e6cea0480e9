//! Figures: cardinal amounts in digits (French and English separators: `10 000`,
//! `4,8 millions`, `1,000,000`, `4.8 million`) and in number words (`douze`,
//! `vingt-quatre`, `un million`, `twelve`), with their value and the unit that follows
//! (`projectiles`, `ans`, `%`, `euros`, `$`).

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashSet;

use super::numbers::{scale_value, word_value};

/// A figure found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Byte offset of the start.
    pub start: usize,
    /// Byte offset past the end.
    pub end: usize,
    /// The amount.
    pub value: f64,
    /// The unit or counted noun, if one follows.
    pub unit: Option<String>,
}

/// How the text writes decimals: `4,8` in French, `4.8` in English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decimal {
    /// `4,8` is four point eight; `1 000` and `1.000.000` group thousands.
    Comma,
    /// `4.8` is four point eight; `1,000` groups thousands.
    Point,
}

const SCALES: &str = r"millions?|milliards?|billions?|trillions?|mille|thousands?|Mds?|Mrds?|bn|M";
const NUMBER_WORDS: &str = r"(?:zéro|zero|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|cents|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen|douzaine)(?:[- ](?:et[- ])?(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|vingts|cent|cents|one|two|three|four|five|six|seven|eight|nine))*";

/// [`DIGITS`] anchored at the start of its haystack: tried only where a figure can
/// start (see [`digit_figures`]), instead of scanning the whole text.
static DIGITS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:(?:(?P<cur>[$€£¥])\s?)?(?P<num>\d{{1,3}}(?:[ \u{{a0}}\u{{202f}}]\d{{3}})+(?:,\d+)?|\d{{1,3}}(?:[.,]\d{{3}}){{2,}}(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?:\s?(?P<scale>{SCALES})(?-u:\b))?)"
    ))
    .expect("digit figures")
});
/// The scales after a number word ("un million", "vingt mille").
const WORD_SCALES: &str = r"millions?|milliards?|billions?|mille|thousand|hundred|cents?";

/// Number words, with the scale that follows them, and articles followed by a scale
/// ("un million", "a thousand"). An article alone ("un", "a"), the commonest match of
/// the first form of this pattern (`(?P<num>NUMBER_WORDS|une?|one|a)(?:\s(?P<scale>…))?`),
/// was never a figure, and nothing else can start inside it: without it the matches
/// are those others, and far fewer searches.
static WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:(?P<num>{NUMBER_WORDS})(?:\s(?P<scale>{WORD_SCALES}))?|(?P<article>une?|one|a)\s(?P<article_scale>{WORD_SCALES}))(?-u:\b)"
    ))
    .expect("word figures")
});

/// Words that follow a number without being what it counts.
const NOT_UNITS: &[&str] = &[
    "et", "ou", "à", "a", "en", "le", "la", "les", "l", "de", "des", "du", "d", "qui", "que", "dont", "sur", "pour", "par",
    "avec", "dans", "au", "aux", "ce", "cette", "ces", "se", "sont", "ont", "est", "and", "or", "the", "of", "in", "on",
    "to", "for", "with", "by", "at", "is", "are", "was", "were", "have", "has", "had", "that", "which", "who", "than",
    "que", "plus", "moins", "fois", "autres", "derniers", "dernières", "premiers", "premières", "prochains", "prochaines",
];

/// Nouns that a number after them names (`l'article 49.3`, `chapter 11`) rather than counts.
const REFERENCE_NOUNS: &[&str] = &[
    "article", "articles", "alinéa", "paragraphe", "chapitre", "page", "tome", "section", "ligne", "vol", "numéro",
    "épisode", "saison", "version", "chapter", "paragraph", "clause", "flight", "episode", "season", "number", "no",
];

/// Finds the figures of `text`.
pub fn find(text: &str, decimal: Decimal) -> Vec<Figure> {
    let mut out = Vec::new();
    for whole in digit_figures(text) {
        let parts = DigitParts::of(text, whole.start(), whole.end());
        let num = &text[parts.num.clone()];
        // Not inside a name or code: "G7", "F-16", "COVID-19", "3e".
        let before = text[..whole.start()].chars().next_back();
        let after = text[whole.end()..].chars().next();
        if before.is_some_and(|b| b.is_alphanumeric() || matches!(b, '-' | '/' | '.' | ',' | ':'))
            || after.is_some_and(|a| a.is_alphanumeric() || a == '/' || a == '-' && text[whole.end() + 1..].starts_with(|d: char| d.is_ascii_digit()))
            || is_time(text, parts.num.start, parts.num.end)
        {
            continue;
        }
        // "Ligue 1", "Article 5", "Windows 11": a number that ends a name. "1." at the
        // start of a line: a list marker.
        let prev_word: &str = text[..whole.start()].trim_end_matches([' ', '\u{a0}']).rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        let named = text[..whole.start()].ends_with(' ')
            && prev_word.chars().next().is_some_and(char::is_uppercase)
            && !prev_word.chars().all(char::is_uppercase)
            && !super::dates::is_month_name(prev_word)
            && !text[..whole.start()].trim_end().ends_with(['.', '!', '?', '»', ':'])
            && !is_sentence_start_word(text, whole.start(), prev_word);
        let line_start = text[..whole.start()].chars().next_back().is_none_or(|c| c == '\n');
        let list_marker = line_start && text[whole.end()..].starts_with(['.', ')']);
        // "l'article 49.3", "la ligne 14", "flight 370": a number that names, not an amount.
        let reference = text[..whole.start()].ends_with([' ', '\u{a0}']) && REFERENCE_NOUNS.iter().any(|n| prev_word.eq_ignore_ascii_case(n));
        if named || list_marker || reference {
            continue;
        }
        let Some(mut value) = parse_digits(num, decimal) else { continue };
        let mut end = whole.end();
        if let Some(scale) = parts.scale {
            value = scaled(value, scale_value(&text[scale]).unwrap_or(1.0));
        }
        let mut unit = parts.currency.map(|c| text[c].to_string());
        if unit.is_none()
            && let Some((u, e, symbol)) = unit_after(text, end)
        {
            if symbol {
                end = e;
            }
            unit = Some(u);
        }
        out.push(Figure { start: whole.start(), end, value, unit });
    }
    for whole in WORDS.find_iter(text) {
        // Most matches are one word: a match without a space is its number word alone,
        // and only the others need their captures.
        let (num, scale) = if whole.as_str().contains(char::is_whitespace) {
            let c = WORDS.captures_at(text, whole.start()).expect("the match just found");
            let num = c.name("num").or_else(|| c.name("article")).expect("number");
            (num.as_str(), c.name("scale").or_else(|| c.name("article_scale")).map(|s| s.as_str()))
        } else {
            (whole.as_str(), None)
        };
        let mut buf = [0u8; 64];
        let lower = match super::dates::lowercase_into(num, &mut buf) {
            Some(lower) => Cow::Borrowed(lower),
            None => Cow::Owned(num.to_lowercase()),
        };
        let scale = scale.map(str::to_lowercase);
        // "un", "une", "a", "one" are articles unless a scale follows: "un million".
        let is_article = matches!(&*lower, "un" | "une" | "a" | "one");
        if is_article && !scale.as_deref().is_some_and(|s| s.starts_with("mill") || s.starts_with("bill") || s == "thousand") {
            continue;
        }
        let base = if is_article { 1.0 } else { word_value(num).unwrap_or(f64::NAN) };
        if base.is_nan() {
            continue;
        }
        let value = scaled(base, scale.as_deref().and_then(scale_value).or_else(|| scale.as_deref().and_then(word_value)).unwrap_or(1.0));
        let unit = unit_after(text, whole.end()).map(|(u, _, _)| u);
        // A number word with nothing counted after it is rarely an amount ("sept" the
        // month abbreviation, "neuf" the adjective): require a noun, "de", or a pronoun use.
        if unit.is_none() && !counted_by_context(text, whole.start(), whole.end()) {
            continue;
        }
        if lower == "neuf" && followed_by_noun_article(text, whole.start()) {
            continue;
        }
        // A capital inside a sentence makes a number word a name: "les Vingt-Sept" (the
        // members of the Union), "the Group of Seven".
        if num.starts_with(char::is_uppercase) && !is_sentence_start_word(text, whole.start(), "") {
            continue;
        }
        out.push(Figure { start: whole.start(), end: whole.end(), value, unit });
    }
    out.sort_by_key(|f| f.start);
    out.dedup_by(|b, a| b.start < a.end);
    out
}

/// A match of the digit-figure pattern, by its byte range in the whole text.
struct DigitMatch(Range<usize>);

impl DigitMatch {
    fn start(&self) -> usize {
        self.0.start
    }
    fn end(&self) -> usize {
        self.0.end
    }
}

/// The matches `DIGITS.find_iter` would give without its anchor, leftmost first, not
/// overlapping: the pattern is tried, anchored, at each position where its first
/// character can be, a currency symbol or a decimal digit (`\d`, any script). The
/// first that matches is the leftmost match, and the next search starts at its end.
fn digit_figures(text: &str) -> impl Iterator<Item = DigitMatch> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(i) = next_digit_start(text, at) {
            if let Some(m) = DIGITS.find(&text[i..]) {
                let found = i..i + m.end();
                // No empty match: the pattern needs a digit.
                at = found.end;
                return Some(DigitMatch(found));
            }
            at = i + 1;
        }
        at = bytes.len();
        None
    })
}

/// The first position from `from` on where a digit figure can start: an ASCII digit,
/// `$`, `£`, `¥`, `€` or a numeric character beyond ASCII (`\d` in another script).
/// Eight bytes at a time, as most of a text is none of these: a cheap test passes the
/// ASCII bytes from `$` to `9` and the lead bytes from 0xC2 on, and each is then looked
/// at where it is found rather than by a new search from it.
fn next_digit_start(text: &str, from: usize) -> Option<usize> {
    use crate::swar::{ascii_in, at_least};
    let bytes = text.as_bytes();
    // `$` (0x24) to `9` (0x39): the digits and `$`, and punctuation that the test below
    // turns down; two tests on the eight bytes cost more than a look at a comma.
    let mask = |x: u64| ascii_in(x, b'$', b'9' + 1) | at_least(x, 0xc2);
    let confirm = |i: usize| match bytes[i] {
        b'0'..=b'9' | b'$' => true,
        0..=0x7f => false,
        // 0xC2 opens £ and ¥ (U+0080..U+00BF hold no digit).
        0xc2 => matches!(bytes.get(i + 1), Some(0xa3 | 0xa5)),
        // U+00C0..U+065F hold no digit: `\p{Nd}` starts again at U+0660 (lead byte 0xD9).
        0xc3..=0xd8 => false,
        // U+2000..U+2FFF (quotes, dashes, apostrophes) hold no decimal digit: only €.
        0xe2 => bytes.get(i + 1..i + 3) == Some(&[0x82, 0xac]),
        _ => text[i..].chars().next().is_some_and(|c| c == '€' || c.is_numeric()),
    };
    crate::swar::find(bytes, from, mask, confirm)
}

/// Byte ranges of the parts of a [`DIGITS`] match, read off its text: cheaper than
/// resolving its captures, and the pattern leaves one way to read them.
struct DigitParts {
    /// The currency symbol that opens the match.
    currency: Option<Range<usize>>,
    /// The number: digits and separators, first and last a digit.
    num: Range<usize>,
    /// The scale word that closes the match.
    scale: Option<Range<usize>>,
}

impl DigitParts {
    fn of(text: &str, start: usize, end: usize) -> DigitParts {
        let s = &text[start..end];
        let first = s.chars().next().unwrap_or('0');
        // The number cannot start with a space: the one after the symbol is its `\s?`.
        let (currency, num_start) = if matches!(first, '$' | '€' | '£' | '¥') {
            let symbol_end = start + first.len_utf8();
            let space = text[symbol_end..end].chars().next().filter(|c| c.is_whitespace()).map_or(0, char::len_utf8);
            (Some(start..symbol_end), symbol_end + space)
        } else {
            (None, start)
        };
        // The scale words are ASCII letters and the number holds none; the number ends
        // with a digit, so a space before the scale is its `\s?`.
        let scale_start = text.as_bytes()[num_start..end].iter().position(u8::is_ascii_alphabetic).map(|i| num_start + i);
        let num_end = scale_start.map_or(end, |k| {
            k - text[num_start..k].chars().next_back().filter(|c| c.is_whitespace()).map_or(0, char::len_utf8)
        });
        DigitParts { currency, num: num_start..num_end, scale: scale_start.map(|k| k..end) }
    }
}

/// Whether `word`, just before byte `at`, opens its sentence ("En 2019", "Selon 10 sources");
/// with an empty `word`, whether byte `at` does.
fn is_sentence_start_word(text: &str, at: usize, word: &str) -> bool {
    let before_word = text[..at].trim_end_matches([' ', '\u{a0}']);
    let before_word = &before_word[..before_word.len() - word.len().min(before_word.len())];
    let prev = before_word.trim_end().chars().next_back();
    prev.is_none_or(|c| matches!(c, '.' | '!' | '?' | '\n' | '«' | '"' | '“' | ':'))
}

/// `10h30`, `10 h 30`, `14:00`: a time of day, not an amount.
fn is_time(text: &str, _start: usize, end: usize) -> bool {
    let after = &text[end..];
    after.starts_with(':') && after[1..].starts_with(|c: char| c.is_ascii_digit())
        || after.starts_with('h') && after[1..].starts_with(|c: char| c.is_ascii_digit())
        || after.starts_with(" h ") && after[3..].starts_with(|c: char| c.is_ascii_digit())
}

/// "un avion neuf": the adjective, after a noun introduced by an article.
fn followed_by_noun_article(text: &str, start: usize) -> bool {
    let before: Vec<&str> = text[..start].split_whitespace().rev().take(2).collect();
    before.len() == 2 && matches!(before[1].to_lowercase().as_str(), "un" | "une" | "le" | "la" | "les" | "des")
}

/// "les deux", "Quatre de ces voyages", "l'un des deux": counted by what surrounds it.
fn counted_by_context(text: &str, start: usize, end: usize) -> bool {
    let after = text[end..].trim_start();
    let before = text[..start].trim_end();
    let prev: String = before.chars().rev().take_while(|c| c.is_alphabetic()).collect::<Vec<_>>().into_iter().rev().collect();
    after.starts_with("de ") || after.starts_with("d’") || after.starts_with("d'") || after.starts_with("of ")
        || matches!(prev.to_lowercase().as_str(), "les" | "des" | "nos" | "vos" | "leurs" | "ces" | "the" | "all" | "tous" | "toutes")
        || before_counted_noun(after)
}

/// Words that stand between a number and the noun it counts (`vingt-quatre autres
/// prévenus`, `three more people`, `les deux derniers jours`).
const BETWEEN_NUMBER_AND_NOUN: &[&str] = &[
    "autres", "derniers", "dernières", "premiers", "premières", "prochains", "prochaines", "nouveaux", "nouvelles", "other",
    "more", "new", "additional", "further", "last", "first", "next",
];

/// Whether `after` opens with one of [`BETWEEN_NUMBER_AND_NOUN`] and then a lowercase noun.
fn before_counted_noun(after: &str) -> bool {
    let mut words = after.split(' ');
    let (Some(between), Some(noun)) = (words.next(), words.next()) else { return false };
    is_between_number_and_noun(between) && noun.starts_with(char::is_lowercase) && noun_len(noun).is_some_and(|n| n >= 3)
}

/// Matches one letter (`\p{L}`): asked only of the rare letters outside Latin-1.
static LETTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\p{L}$").expect("letter"));

/// Whether `c` is a letter in the sense of `\p{L}` (general category L), not of
/// `char::is_alphabetic` (which also takes marks and letter numbers).
fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{7f}' => false,
        // Latin-1: letters from À on, but for × and ÷; before it only ª, µ and º.
        '\u{c0}'..='\u{ff}' => !matches!(c, '\u{d7}' | '\u{f7}'),
        '\u{80}'..='\u{bf}' => matches!(c, '\u{aa}' | '\u{b5}' | '\u{ba}'),
        // Latin Extended-A (œ, ł, ő...): letters only.
        '\u{100}'..='\u{17f}' => true,
        // Letters are alphabetic: punctuation (— “ …) needs no regex, nor its compiling.
        _ => c.is_alphabetic() && LETTER.is_match(c.encode_utf8(&mut [0; 4])),
    }
}

/// The byte length of the noun `[\p{L}][\p{L}'’-]*` at the start of `s`, if one is there.
fn noun_len(s: &str) -> Option<usize> {
    let mut chars = s.char_indices();
    let (_, first) = chars.next()?;
    if !is_letter(first) {
        return None;
    }
    let end = chars.find(|&(_, c)| !(matches!(c, '\'' | '’' | '-') || is_letter(c))).map_or(s.len(), |(i, _)| i);
    Some(end)
}

/// The unit after a number ending at `end`: a symbol or "pour cent" (part of the
/// figure's text), or the noun it counts (not part of it); with the unit's end.
///
/// Reads `^\s?(?:(?P<sym>%|‰|€|\$|£|¥)|(?P<pct>pour\s?cent|percent|per cent)\b|(?:(?:de|d['’]|of)\s?)?(?P<noun>[\p{L}][\p{L}'’-]*))`
/// by hand, in that pattern's order of preference (a regex per number cost more
/// than the rest of the search): the optional prefix is tried first, so "dettes"
/// reads as "de" + "ttes".
fn unit_after(text: &str, end: usize) -> Option<(String, usize, bool)> {
    match following(text, end)? {
        Following::Symbol(unit, unit_end) => Some((unit, unit_end, true)),
        // `trois autres prévenus`: the noun after the word between.
        Following::Noun(noun, noun_end) if is_between_number_and_noun(noun) => match following(text, noun_end)? {
            Following::Noun(noun, noun_end) => noun_unit(noun).map(|unit| (unit, noun_end, false)),
            Following::Symbol(..) => None,
        },
        Following::Noun(noun, noun_end) => noun_unit(noun).map(|unit| (unit, noun_end, false)),
    }
}

/// Whether `word` is one of [`BETWEEN_NUMBER_AND_NOUN`], in any case.
fn is_between_number_and_noun(word: &str) -> bool {
    BETWEEN_NUMBER_AND_NOUN.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// What stands after a number ending at `end`, before a noun is judged a unit.
enum Following<'a> {
    /// A symbol or "pour cent", part of the figure: the unit and where it ends.
    Symbol(String, usize),
    /// The word that may be the noun the number counts, and where it ends.
    Noun(&'a str, usize),
}

/// Reads what [`unit_after`] judges: the symbol or the candidate noun after `end`.
fn following(text: &str, end: usize) -> Option<Following<'_>> {
    let rest = &text[end..];
    // `\s?` takes a space when there is one; without it nothing could match at a
    // space, so the branch that skips it never succeeds there.
    let at = rest.chars().next().filter(|c| c.is_whitespace()).map_or(0, char::len_utf8);
    let s = &rest[at..];
    if let Some(sym) = s.chars().next().filter(|c| matches!(c, '%' | '‰' | '€' | '$' | '£' | '¥')) {
        return Some(Following::Symbol(sym.to_string(), end + at + sym.len_utf8()));
    }
    let pct_len = if let Some(after) = s.strip_prefix("pour") {
        let space = after.chars().next().filter(|c| c.is_whitespace()).map_or(0, char::len_utf8);
        after[space..].starts_with("cent").then_some(4 + space + 4)
    } else if s.starts_with("percent") {
        Some(7)
    } else if s.starts_with("per cent") {
        Some(8)
    } else {
        None
    };
    // `(?-u:\b)` after the "t": no ASCII word character follows.
    if let Some(n) = pct_len.filter(|&n| !s.as_bytes().get(n).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')) {
        return Some(Following::Symbol("%".to_string(), end + at + n));
    }
    let prefix = ["de", "d'", "d’", "of"].iter().find(|p| s.starts_with(**p)).map_or(0, |p| p.len());
    let with_prefix = (prefix > 0).then(|| {
        let after = &s[prefix..];
        let space = after.chars().next().filter(|c| c.is_whitespace()).map_or(0, char::len_utf8);
        // `de` and `of` are words of their own: "5 dettes" counts "dettes", not "ttes".
        let elided = s[..prefix].ends_with(['\'', '’']);
        if space == 0 && !elided {
            return None;
        }
        noun_len(&after[space..]).map(|n| (prefix + space, n))
    });
    let (noun_start, noun_len) = match with_prefix.flatten() {
        Some(found) => found,
        None => (0, noun_len(s)?),
    };
    Some(Following::Noun(&s[noun_start..noun_start + noun_len], end + at + noun_start + noun_len))
}

/// The unit a noun after a number names, if it names one.
fn noun_unit(noun: &str) -> Option<String> {
    // A capitalised noun is no unit: known before the noun is lowered.
    if noun.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    // Lowered on the stack: only a unit found is copied.
    crate::lexicon::with_lowercase(noun, |lower| {
        let lower = lower.trim_end_matches(['\'', '’']);
        if is_not_unit(lower) || is_french_verb_form(lower) {
            return None;
        }
        Some(unit_name(lower).to_string())
    })
}

/// Whether a lowercase word after a number is a French verb rather than the noun it
/// counts: `un TGV sur deux circulera`, `les deux étaient présents`. Read by the endings
/// of the future, the conditional and the imperfect's plural, which few nouns share.
fn is_french_verb_form(lower: &str) -> bool {
    const ENDINGS: &[&str] = &["aient", "eront", "iront", "erait", "irait", "rrait", "vrait", "urait"];
    const WORDS: &[&str] = &["était", "avait", "sera", "aura", "fera", "ira", "peut", "doit", "peuvent", "doivent", "font", "vont"];
    // English nouns with the future's ending.
    const NOUNS_IN_ERA: &[&str] = &["camera", "opera", "cholera", "riviera", "chimera"];
    ENDINGS.iter().any(|e| lower.ends_with(e))
        || WORDS.contains(&lower)
        || lower.len() >= 6 && lower.ends_with("era") && !NOUNS_IN_ERA.contains(&lower)
}

/// The name a unit noun is given, from its lower case: one name for the singular and
/// plural of a currency, the symbol for dollars.
fn unit_name(lower: &str) -> &str {
    match lower {
        "euro" | "euros" => "euros",
        "dollar" | "dollars" => "$",
        _ => lower,
    }
}

/// Whether a lowercase word is one of [`NOT_UNITS`], looked up in a set (a search of the
/// list compared most of its sixty words with each noun).
fn is_not_unit(lower: &str) -> bool {
    static SET: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| NOT_UNITS.iter().copied().collect());
    SET.contains(lower)
}

/// `value` times `scale`, as the text means it: `4,1 millions` is 4,100,000, not the
/// 4,099,999.9999999995 that binary fractions give. A product within a millionth of a
/// unit of a whole number is that number (no scaled amount in news text is finer).
fn scaled(value: f64, scale: f64) -> f64 {
    let product = value * scale;
    if scale > 1.0 && (product - product.round()).abs() < 1e-6 { product.round() } else { product }
}

/// The value of a number written in digits, by the text's decimal convention.
pub fn parse_digits(s: &str, decimal: Decimal) -> Option<f64> {
    // Most numbers are plain digits (years, counts): no separator to read, no copy.
    match plain_integer(s) {
        Some(value) => Some(value),
        None => parse_digits_with_separators(s, decimal),
    }
}

/// The value of `s` when it is one to fifteen ASCII digits and nothing else: below 2^53,
/// so that the integer is an `f64` exactly, as `str::parse` gives it.
fn plain_integer(s: &str) -> Option<f64> {
    const MOST_DIGITS: usize = 15;
    if s.is_empty() || s.len() > MOST_DIGITS || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value = s.bytes().fold(0u64, |value, digit| value * 10 + u64::from(digit - b'0'));
    Some(value as f64)
}

/// [`parse_digits`] for any number: spaces dropped, then the separators read.
fn parse_digits_with_separators(s: &str, decimal: Decimal) -> Option<f64> {
    let s: String = s.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}')).collect();
    let commas = s.matches(',').count();
    let points = s.matches('.').count();
    let normalized = match (commas, points) {
        (0, 0) => s,
        // 1,000,000 / 1.000.000: repeated groups of three are thousands.
        (c, 0) if c >= 2 => s.replace(',', ""),
        (0, p) if p >= 2 => s.replace('.', ""),
        // 1,000,000.5 / 1.000.000,5
        (c, 1) if c >= 1 && s.rfind('.') > s.rfind(',') => s.replace(',', ""),
        (1, p) if p >= 1 => s.replace('.', "").replace(',', "."),
        (1, 0) => {
            let frac = s.split(',').nth(1).unwrap_or("");
            if decimal == Decimal::Point && frac.len() == 3 { s.replace(',', "") } else { s.replace(',', ".") }
        }
        (0, 1) => {
            let frac = s.split('.').nth(1).unwrap_or("");
            if decimal == Decimal::Comma && frac.len() == 3 { s.replace('.', "") } else { s }
        }
        _ => return None,
    };
    normalized.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, decimal: Decimal) -> Vec<(String, f64, Option<String>)> {
        find(text, decimal).into_iter().map(|f| (text[f.start..f.end].to_string(), f.value, f.unit)).collect()
    }

    fn fig(s: &str, v: f64, u: Option<&str>) -> (String, f64, Option<String>) {
        (s.to_string(), v, u.map(String::from))
    }

    /// The digit figures, beside those of the pattern tried at every position in turn.
    fn assert_digit_figures_match_the_regex(text: &str) {
        let mut expected = Vec::new();
        let mut at = 0;
        while let Some(i) = (at..text.len()).find(|&i| text.is_char_boundary(i) && DIGITS.is_match(&text[i..])) {
            at = i + DIGITS.find(&text[i..]).unwrap().end();
            expected.push(i..at);
        }
        let found: Vec<Range<usize>> = digit_figures(text).map(|m| m.0).collect();
        assert_eq!(found, expected, "{text:?}");
    }

    /// The digit scan skips the lead bytes 0xC3..0xD8 and, but for €, 0xE2: no
    /// character they open is a decimal digit.
    #[test]
    fn the_skipped_lead_bytes_open_no_digit() {
        let digit = Regex::new(r"^\d$").unwrap();
        for c in ('\u{c0}'..='\u{65f}').chain('\u{2000}'..='\u{2fff}') {
            assert!(!digit.is_match(&c.to_string()), "{c:?}");
        }
    }

    #[test]
    fn the_digit_scan_finds_what_the_regex_finds() {
        for text in [
            "", "1", "12 €", "€12", "€ 3", "£", "¥ 1", "$ 2", "$$3", "l’an 2024 — 3 £ ¥4 $5", "٣ ans", "x²", "①", "a\u{2007}1",
            "1 2345", "1 234 5678", "12345678901234567", "1.234.5678", "3,5 millions", "4.8 bn9", "€€1", "a1b22c333",
            "12345678 1", "1234567 12", "0123456789012345", "ſ 12", "10 000 000,5 M$",
        ] {
            assert_digit_figures_match_the_regex(text);
        }
    }

    proptest::proptest! {
        #[test]
        fn the_digit_scan_matches_the_regex_on_random_texts(text in "([0-9]|[0-9]{3}| |,|\\.|€|\\$|£|M|million|[a-z]|é|’|٣|\u{a0}){0,40}") {
            assert_digit_figures_match_the_regex(&text);
        }
    }

    /// The number-word pattern as first written, articles alone included.
    static WORDS_WITH_ARTICLES: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?i)(?-u:\b)(?P<num>{NUMBER_WORDS}|une?|one|a)(?:\s(?P<scale>{WORD_SCALES}))?(?-u:\b)")).unwrap()
    });

    /// (match, number, scale) of every match of [`WORDS`], beside those of the first
    /// pattern but for its articles alone.
    fn assert_words_match_the_first_pattern(text: &str) {
        let parts = |c: regex::Captures| {
            let num = c.name("num").or_else(|| c.name("article")).unwrap();
            let scale = c.name("scale").or_else(|| c.name("article_scale"));
            (c.get(0).unwrap().range(), num.range(), scale.map(|s| s.range()))
        };
        let found: Vec<_> = WORDS.captures_iter(text).map(parts).collect();
        let expected: Vec<_> = WORDS_WITH_ARTICLES
            .captures_iter(text)
            .map(parts)
            .filter(|(_, num, scale)| scale.is_some() || !matches!(text[num.clone()].to_lowercase().as_str(), "un" | "une" | "one" | "a"))
            .collect();
        assert_eq!(found, expected, "{text:?}");
    }

    #[test]
    fn articles_alone_are_the_only_matches_left_out() {
        for text in [
            "", "a", "A", "un", "Une", "ONE", "a_", "un million", "un  million", "un\u{a0}milliard d’euros", "a hundred ships",
            "A Thousand", "un millionième", "un millions", "une cents", "a\ncent", "vingt-quatre", "vingt-et-un", "quatre-vingt-dix",
            "Quatre de ces", "zéro", "ZÉRO", "dix-sept", "cent cinq", "cents", "twenty-one", "nine hundred", "deux millions",
            "l’un des deux", "a-un", "one two three", "a a a", "un un", "a million", "a hundred-two", "ſix", "xſix", "un ſix",
            "a hundred thousand", "une vingtaine", "one-two", "a\u{2003}million", "un cent", "one hundred and one",
        ] {
            assert_words_match_the_first_pattern(text);
        }
    }

    proptest::proptest! {
        #[test]
        fn articles_alone_are_the_only_matches_left_out_of_random_texts(
            text in "(un|une|a|one|deux|cent|cents|million|mille|vingt|six|zéro|hundred|Trois|SEPT|et|[a-zé ſ_1-]|\u{a0}|-){0,30}"
        ) {
            assert_words_match_the_first_pattern(&text);
        }
    }

    /// [`noun_unit`] as first written: the noun lowered into a `String`, then searched
    /// for in [`NOT_UNITS`].
    fn noun_unit_as_first_written(noun: &str) -> Option<String> {
        let lower = noun.to_lowercase();
        let lower = lower.trim_end_matches(['\'', '’']);
        if NOT_UNITS.contains(&lower) || is_french_verb_form(lower) || noun.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        Some(unit_name(lower).to_string())
    }

    /// [`unit_after`] as first written.
    fn unit_after_as_first_written(text: &str, end: usize) -> Option<(String, usize, bool)> {
        match following(text, end)? {
            Following::Noun(noun, noun_end) if BETWEEN_NUMBER_AND_NOUN.contains(&noun.to_lowercase().as_str()) => match following(text, noun_end)? {
                Following::Noun(noun, noun_end) => noun_unit_as_first_written(noun).map(|unit| (unit, noun_end, false)),
                Following::Symbol(..) => None,
            },
            Following::Symbol(unit, unit_end) => Some((unit, unit_end, true)),
            Following::Noun(noun, noun_end) => noun_unit_as_first_written(noun).map(|unit| (unit, noun_end, false)),
        }
    }

    /// [`unit_after`] at every character boundary of `text`, beside the first version.
    fn assert_unit_after_is_the_first_version(text: &str) {
        for end in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            assert_eq!(unit_after(text, end), unit_after_as_first_written(text, end), "{text:?} at {end}");
        }
    }

    #[test]
    fn unit_after_is_the_first_version() {
        let mut text = String::from("5 dettes, 3 offers, 12 000 de soldats, 7 millions d’habitants, 3,5 %, 4 pour cent, 9 percent, 2 per cent, ");
        text.push_str("10 EUROS, 3 Euro's, 4 dollars, 5 Dollar, 6 que, 7 QUE, 8 Premières, 9 dernières', 1 l', 2 d'obus, 3 ǅemal, 4 ǆemal, ");
        text.push_str("5 ÉTATS-UNIS, 6 états, 7 İstanbul, 8 ΟΔΟΣ, 9 \u{212A}elvin, 1 ſix, 2 xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx, 3 ‰ 4 ¥");
        for &word in NOT_UNITS {
            text.push_str(&format!(" 1 {word} 2 {} 3 de {word}’ 4 d’{word}", word.to_uppercase()));
        }
        assert_unit_after_is_the_first_version(&text);
    }

    proptest::proptest! {
        #[test]
        fn unit_after_is_the_first_version_on_random_texts(
            text in "( |\u{a0}|de|d'|d’|of|pour|cent|per|percent|euros?|dollars?|que|les|the|[a-zA-Zéàſǅǆİ'’%€$-]|\u{212A}){0,12}"
        ) {
            assert_unit_after_is_the_first_version(&text);
        }
    }

    #[test]
    fn plain_integers_are_parsed_as_str_parse_does() {
        for s in ["0", "7", "007", "2019", "999999999999999", "123456789012345", "9007199254740993", "1234567890123456", "", "12a", "1 000", "٣", "+5", "-5"] {
            assert_eq!(parse_digits(s, Decimal::Comma), parse_digits_with_separators(s, Decimal::Comma), "{s:?}");
            assert_eq!(parse_digits(s, Decimal::Point), parse_digits_with_separators(s, Decimal::Point), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn plain_integers_are_parsed_as_str_parse_does_on_random_texts(s in "([0-9]{1,18}|[0-9 ,.]{0,20})") {
            for decimal in [Decimal::Comma, Decimal::Point] {
                let general = parse_digits_with_separators(&s, decimal);
                proptest::prop_assert_eq!(parse_digits(&s, decimal).map(f64::to_bits), general.map(f64::to_bits), "{:?}", s);
            }
        }
    }

    #[test]
    fn french_separators_and_scales() {
        assert_eq!(values("au moins 10 000 conteneurs", Decimal::Comma), [fig("10 000", 10000.0, Some("conteneurs"))]);
        assert_eq!(values("jusqu’à 4,8 millions de projectiles", Decimal::Comma), [fig("4,8 millions", 4_800_000.0, Some("projectiles"))]);
        assert_eq!(values("40 milliards d'euros", Decimal::Comma), [fig("40 milliards", 4e10, Some("euros"))]);
        assert_eq!(values("un budget de 1.000.000 euros", Decimal::Comma), [fig("1.000.000", 1e6, Some("euros"))]);
        assert_eq!(values("une hausse de 3,5 %", Decimal::Comma), [fig("3,5 %", 3.5, Some("%"))]);
        // Whole amounts, as written: 4.1 x 1e6 is 4099999.9999999995 in binary.
        assert_eq!(values("4,1 millions d'euros", Decimal::Comma), [fig("4,1 millions", 4_100_000.0, Some("euros"))]);
        assert_eq!(values("2,3 milliards", Decimal::Comma), [fig("2,3 milliards", 2_300_000_000.0, None)]);
        assert_eq!(values("$1.15 billion", Decimal::Point), [fig("$1.15 billion", 1_150_000_000.0, Some("$"))]);
    }

    #[test]
    fn a_unit_that_begins_like_de_or_of_is_whole() {
        assert_eq!(values("5 dettes", Decimal::Comma), [fig("5", 5.0, Some("dettes"))]);
        assert_eq!(values("3 offers", Decimal::Point), [fig("3", 3.0, Some("offers"))]);
        assert_eq!(values("12 000 de soldats", Decimal::Comma), [fig("12 000", 12000.0, Some("soldats"))]);
        assert_eq!(values("7 millions d’habitants", Decimal::Comma), [fig("7 millions", 7e6, Some("habitants"))]);
    }

    #[test]
    fn english_separators_and_currency() {
        assert_eq!(values("1,000,000 people", Decimal::Point), [fig("1,000,000", 1e6, Some("people"))]);
        assert_eq!(values("4.8 million shells", Decimal::Point), [fig("4.8 million", 4.8e6, Some("shells"))]);
        assert_eq!(values("a $5 million deal", Decimal::Point), [fig("$5 million", 5e6, Some("$"))]);
        assert_eq!(values("1,500 troops", Decimal::Point), [fig("1,500", 1500.0, Some("troops"))]);
        assert_eq!(values("up 12%", Decimal::Point), [fig("12%", 12.0, Some("%"))]);
    }

    #[test]
    fn number_words() {
        assert_eq!(values("Au cours de ses douze années au pouvoir", Decimal::Comma), [fig("douze", 12.0, Some("années"))]);
        assert_eq!(values("Quatre de ces voyages", Decimal::Comma), [fig("Quatre", 4.0, None)]);
        assert_eq!(values("vingt-quatre heures", Decimal::Comma), [fig("vingt-quatre", 24.0, Some("heures"))]);
        assert_eq!(values("fournir un million d’obus", Decimal::Comma), [fig("un million", 1e6, Some("obus"))]);
        assert_eq!(values("twelve ships", Decimal::Point), [fig("twelve", 12.0, Some("ships"))]);
        assert_eq!(values("les deux pays", Decimal::Comma), [fig("deux", 2.0, Some("pays"))]);
        // A capital makes a name of a number word inside a sentence, not at its start.
        assert!(values("Les ministres des Vingt-Sept doivent se réunir, et le Groupe des Sept aussi.", Decimal::Comma).is_empty());
        assert!(values("the leaders of the Group of Seven nations met", Decimal::Point).is_empty());
        assert_eq!(values("Il pleuvait. « Trois soldats sont morts »", Decimal::Comma), [fig("Trois", 3.0, Some("soldats"))]);
        // A word between the number and what it counts.
        assert_eq!(values("Vingt-quatre autres prévenus ont été condamnés.", Decimal::Comma), [fig("Vingt-quatre", 24.0, Some("prévenus"))]);
        assert_eq!(values("three more people died", Decimal::Point), [fig("three", 3.0, Some("people"))]);
        assert_eq!(values("les 12 derniers mois", Decimal::Comma), [fig("12", 12.0, Some("mois"))]);
        assert!(values("il en reste sept autres", Decimal::Comma).is_empty());
    }

    #[test]
    fn a_verb_after_a_number_is_no_unit() {
        assert_eq!(values("12 circuleront demain", Decimal::Comma), [fig("12", 12.0, None)]);
        assert_eq!(values("sur les 40 candidats, 3 seraient retenus", Decimal::Comma), [fig("40", 40.0, Some("candidats")), fig("3", 3.0, None)]);
        // A number word needs what it counts: a verb is not that.
        assert!(values("un TGV sur deux circulera", Decimal::Comma).is_empty());
        assert_eq!(values("les deux étaient présents", Decimal::Comma), [fig("deux", 2.0, None)]);
        // Nouns that end like a verb stay units.
        assert_eq!(values("3 opéras et 2 cameras", Decimal::Comma), [fig("3", 3.0, Some("opéras")), fig("2", 2.0, Some("cameras"))]);
        assert_eq!(values("1 camera", Decimal::Point), [fig("1", 1.0, Some("camera"))]);
    }

    #[test]
    fn articles_ordinals_codes_and_times_are_not_figures() {
        assert!(values("l’une des nations, un avion, la première fois, le G7, le F-16, COVID-19, à 10h30, à 14:00", Decimal::Comma).is_empty());
        assert!(values("un avion neuf", Decimal::Comma).is_empty());
        assert!(values("le titre de Ligue 1 et la Formula 1", Decimal::Comma).is_empty());
        assert!(values("1. Premier titre\n2. Second titre", Decimal::Comma).is_empty());
        assert!(values("recourir à l'article 49.3, la ligne 14 du métro", Decimal::Comma).is_empty());
        assert!(values("filed for chapter 11 protection; flight 370", Decimal::Point).is_empty());
        assert_eq!(values("un rapport de 40 pages", Decimal::Comma), [fig("40", 40.0, Some("pages"))]);
        assert_eq!(values("En 2019, 30 soldats", Decimal::Comma).len(), 2);
    }
}
