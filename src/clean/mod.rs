//! Turning a scraped page into an article: title, date line, byline, and the body
//! paragraphs without site chrome, ads, teasers, forms, repeats and glued words.
//!
//! The page is read as a sequence of lines. A header zone (before the first real
//! paragraph) holds the title, the byline, the date line and captions; the body
//! follows; an end marker (comment form, newsletter blurb, legal notice, related
//! headlines) closes it.

mod boilerplate;
mod dedup;
mod glue;

use std::borrow::Cow;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use unicode_normalization::UnicodeNormalization;

#[cfg(test)]
use boilerplate::PieceFinder;
pub use boilerplate::{LineRole, classify};
pub use dedup::Dedup;
pub use glue::repair;

use crate::extract::dates::{self, Temporal};
use crate::model::Meta;
use crate::sanitize::sanitize_cow;

/// A paragraph with at least this many letters and digits starts the body:
/// headlines, captions and bylines are shorter.
const BODY_MIN_CHARS: usize = 80;
/// Lines after an end marker longer than this (in bytes) are article prose, not footer.
const FOOTER_MAX_LINE: usize = 240;
/// Headlines are at most this long.
const TITLE_MAX_CHARS: usize = 300;

/// A cleaned article, before extraction.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cleaned {
    /// The headline.
    pub title: String,
    /// The date of an explicit date line that belongs to the article.
    pub date: Option<NaiveDate>,
    /// Byline and reading time.
    pub meta: Meta,
    /// Body paragraphs, in order.
    pub paragraphs: Vec<String>,
}

/// One line of the page with what the cleaner knows of it.
#[derive(Debug)]
struct Line<'a> {
    /// The line as read: most lines are a slice of the page, untouched.
    text: Cow<'a, str>,
    /// Index of the blank-line-separated block the line sits in.
    block: usize,
    role: LineRole,
    date: Option<NaiveDate>,
    /// Length in bytes of the last physical line joined into this one (its length in
    /// characters is counted only for the few lines that may go on in the next one).
    last_bytes: usize,
}

/// Cleans one scraped page.
pub fn clean(raw: &str) -> Cleaned {
    // Most pages need neither sanitizing nor normalizing, and are read where they are.
    let sanitized = sanitize_cow(raw);
    let text: Cow<str> = if surely_nfc(&sanitized) { sanitized } else { Cow::Owned(sanitized.nfc().collect()) };
    let mut lines = read_lines(&text);
    let mut out = Cleaned::default();

    // The body starts at the first long prose line; everything above is the header zone.
    let long_start = lines
        .iter()
        .position(|l| l.role == LineRole::Text && l.date.is_none() && is_body_paragraph(&l.text));
    let mut body_start = long_start.unwrap_or(lines.len());
    let title_index = find_title(&lines[..body_start]);
    // A short article with no long paragraph: the body is what follows the headline.
    if long_start.is_none() {
        body_start = title_index.map_or(0, |t| t + 1);
    }
    out.title = match title_index {
        Some(i) => lines[i].text.to_string(),
        None => lines
            .get(body_start)
            .map(|l| first_sentence(&l.text))
            .unwrap_or_default(),
    };

    // Header zone: keep only metadata and the article's own date line.
    for (i, line) in lines[..body_start].iter().enumerate() {
        match &line.role {
            LineRole::Byline(name) if out.meta.author.is_none() => out.meta.author = Some(name.clone()),
            LineRole::ReadingTime(t) if out.meta.reading_time.is_none() => out.meta.reading_time = Some(t.clone()),
            _ => {}
        }
        if let Some(date) = line.date
            && out.date.is_none()
            && date_belongs_to_article(&lines[..body_start], i, title_index)
        {
            out.date = Some(date);
        }
    }

    // Body zone.
    let title_key = (!out.title.trim().is_empty()).then(|| dedup::text_key(&out.title));
    let mut dedup = Dedup::default();
    let mut kept_chars = 0usize;
    // The date of an update stamp in the body, for want of a publication date.
    let mut update_date = None;
    let rest = suffix_sums(&lines[body_start..]);
    let mut skip_teasers = 0usize;
    out.paragraphs.reserve(lines.len() - body_start);
    for (k, line) in lines[body_start..].iter_mut().enumerate() {
        // The headlines listed under a teaser header: short lines without a final stop.
        if skip_teasers > 0 {
            let headline = line.role == LineRole::Text && line.text.chars().count() < 200 && !line.text.ends_with(['.', '!', '?', '»', '"', '”']);
            if headline {
                skip_teasers -= 1;
                continue;
            }
            skip_teasers = 0;
        }
        match &line.role {
            LineRole::TeaserHeader => {
                skip_teasers = 5;
                continue;
            }
            LineRole::End => {
                // What follows an end marker is not the article, unless the marker stands
                // early with most of the prose still to come.
                // A footer holds short lines (headlines, blurbs); a long prose paragraph
                // after the marker means the marker was a sentence of the article.
                let (rest_chars, longest) = rest[k];
                if kept_chars > 0 && rest_chars < kept_chars && longest < FOOTER_MAX_LINE {
                    break;
                }
                continue;
            }
            LineRole::Chrome | LineRole::ReadingTime(_) => continue,
            LineRole::Byline(name) => {
                if out.meta.author.is_none() {
                    out.meta.author = Some(name.clone());
                }
                continue;
            }
            LineRole::Text => {}
        }
        if line.date.is_some() {
            if out.date.is_none() && is_publication_stamp(&line.text) {
                out.date = line.date;
            } else if UPDATE_STAMP.is_match(&line.text) {
                // An update stamp in the body: the article's latest date, when no other says.
                update_date = update_date.or(line.date);
            }
            continue;
        }
        let key = dedup.read(&line.text);
        if title_index.is_some() && title_key.is_some() && line.text.len() < 2 * out.title.len() + 8 && Some(key) == title_key {
            continue; // the headline repeated inside the page
        }
        if dedup.last_read_is_repeat() {
            continue;
        }
        // Lines were repaired as they were read; only the opening dateline is left.
        let dateline = if out.paragraphs.is_empty() { glue::dateline_repaired(&line.text) } else { None };
        let repaired = dateline.unwrap_or_else(|| std::mem::take(&mut line.text).into_owned());
        if out.paragraphs.is_empty() && out.date.is_none() {
            out.date = opening_dateline_date(&repaired);
        }
        kept_chars += repaired.len();
        out.paragraphs.push(repaired);
    }
    glue::repair_glued_names(&mut out.paragraphs);
    out.date = out.date.or(update_date);
    out.title = clean_title(&out.title);
    out
}

/// Whether `text` is surely in NFC: the Unicode quick check says Yes.
///
/// The same test as `is_nfc_quick(text.chars()) == Yes`, with a shortcut: every
/// character below U+0300 (ASCII, Latin-1, Latin Extended, IPA; lead bytes below 0xCC)
/// is a starter (combining class 0) allowed in NFC, so the check treats it as it treats
/// ASCII, without the table lookups, and only the other characters are decoded.
fn surely_nfc(text: &str) -> bool {
    use unicode_normalization::{IsNormalized, char::canonical_combining_class, is_nfc_quick};
    let bytes = text.as_bytes();
    let punctuation = &*PUNCTUATION_IN_NFC;
    // Combining class of the character before, and where that character ends.
    let (mut last_class, mut last_end) = (0u8, 0usize);
    while let Some(found) = find_lead_from_cc(&bytes[last_end..]) {
        let at = last_end + found;
        if at != last_end {
            last_class = 0; // a starter below U+0300 stands between
        }
        // U+2000 to U+207F, told from their bytes: E2, then 80 or 81, then the rest.
        if let [0xe2, second @ (0x80 | 0x81), third, ..] = bytes[at..]
            && punctuation[usize::from(second & 1) << 6 | usize::from(third & 0x3f)]
        {
            (last_class, last_end) = (0, at + 3);
            continue;
        }
        let Some(c) = text[at..].chars().next() else { break };
        let class = canonical_combining_class(c);
        if last_class > class && class != 0 {
            return false;
        }
        // The quick-check value of one character (its combining order is checked above).
        if is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes {
            return false;
        }
        (last_class, last_end) = (class, at + c.len_utf8());
    }
    true
}

/// For each character from U+2000 to U+207F (general punctuation: `’`, dashes, quotes),
/// whether it is a starter (combining class 0) that the NFC quick check passes: such a
/// character is to [`surely_nfc`] what ASCII is, and French text has one every few
/// words (the apostrophe), which is then not decoded nor looked up in the tables.
static PUNCTUATION_IN_NFC: LazyLock<[bool; 128]> = LazyLock::new(|| {
    use unicode_normalization::{IsNormalized, char::canonical_combining_class, is_nfc_quick};
    std::array::from_fn(|i| {
        let c = char::from_u32(0x2000 + i as u32).expect("no surrogates here");
        canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
    })
});

/// The index of the first byte from 0xCC up (the lead bytes of U+0300 and above).
/// Reads eight bytes at a time.
fn find_lead_from_cc(bytes: &[u8]) -> Option<usize> {
    crate::swar::find(bytes, 0, |x| crate::swar::at_least(x, 0xcc), |_| true)
}

/// Sum of the lengths of the prose lines from each index to the end.
/// From each line to the end: the length of the prose lines and the longest of them.
fn suffix_sums(lines: &[Line<'_>]) -> Vec<(usize, usize)> {
    let mut sums = vec![(0, 0); lines.len() + 1];
    for i in (0..lines.len()).rev() {
        let own = if lines[i].role == LineRole::Text { lines[i].text.len() } else { 0 };
        sums[i] = (sums[i + 1].0 + own, sums[i + 1].1.max(own));
    }
    sums
}

/// Splits the page into trimmed, classified lines, joining hard-wrapped prose.
fn read_lines(text: &str) -> Vec<Line<'_>> {
    // Room for the lines of most pages at once (a line of prose runs to hundreds of bytes).
    let mut lines = Vec::with_capacity(text.len() / 128 + 8);
    let mut block = 0usize;
    let mut previous_blank = true;
    for raw in text.split('\n') {
        // Spaces fold after the markdown goes: "le ** le" must not leave "le  le".
        // Glued words are repaired first, so that a line is judged (date stamp, length)
        // as it will read, and cleaning its own output changes nothing.
        let raw = raw.trim();
        // Most lines hold no markdown and no double space: one search tells.
        let plain = if has_markup(raw.as_bytes()) {
            // Markup gone, a combining mark can meet the letter before it ("l**\u{301}"):
            // compose them now, as a second cleaning would.
            let stripped = collapse_spaces(&strip_markdown(raw)).into_owned();
            Cow::Owned(if surely_nfc(&stripped) { stripped } else { stripped.nfc().collect() })
        } else {
            Cow::Borrowed(strip_markers(raw))
        };
        let trimmed = match plain {
            Cow::Borrowed(plain) => glue::repair_cow(plain, false),
            Cow::Owned(plain) => Cow::Owned(glue::repair_cow(&plain, false).into_owned()),
        };
        if trimmed.is_empty() {
            if !previous_blank {
                block += 1;
            }
            previous_blank = true;
            continue;
        }
        previous_blank = false;
        // A hard-wrapped paragraph: this line continues the previous one of its block.
        if let Some(prev) = lines.last_mut().filter(|p: &&mut Line| p.block == block)
            && continues(&prev.text, prev.last_bytes, &trimmed)
        {
            prev.last_bytes = trimmed.len();
            let joined = prev.text.to_mut();
            joined.push(' ');
            joined.push_str(&trimmed);
            // A markdown link cut by the wrap (`[un\nlien](x)`) is whole again: stripped
            // now, as a second cleaning, which reads the joined line, would strip it. Its
            // `](` is in the new line (the line's own links are gone), and only the end
            // of the paragraph is read again, so that a long wrapped paragraph stays linear.
            if trimmed.contains("](") {
                let wrap = joined.len() - trimmed.len();
                let tail = joined.floor_char_boundary(wrap.saturating_sub(LINK_REACH));
                if let Cow::Owned(stripped) = MD_LINK.replace_all(&joined[tail..], |c: &regex::Captures| link_text(c).to_string()) {
                    let stripped = collapse_spaces(&stripped).into_owned();
                    let stripped = if surely_nfc(&stripped) { stripped } else { stripped.nfc().collect() };
                    joined.replace_range(tail.., stripped.trim_end());
                    // The link's address is gone from the last line: it is shorter now.
                    prev.last_bytes = prev.last_bytes.min(joined.len());
                }
            }
            prev.role = classify(&prev.text);
            continue;
        }
        let role = classify(&trimmed);
        let date = match role {
            LineRole::Text => date_line(&trimmed),
            // "Par Julie Martin, le 02/08/2023": the byline dates the article.
            LineRole::Byline(_) if has_ascii_digit(trimmed.as_bytes()) => first_full_date(&trimmed).map(|(date, _)| date),
            _ => None,
        };
        let last_bytes = trimmed.len();
        lines.push(Line { text: trimmed, block, role, date, last_bytes });
    }
    lines
}

/// A line continues the previous one when the previous one was cut mid-sentence at a
/// typical wrap width and this one goes on in lower case. `prev_bytes` is the length in
/// bytes of the last physical line of `prev`.
fn continues(prev: &str, prev_bytes: usize, next: &str) -> bool {
    // The cheap tests first: most lines start with a capital, and the length in
    // characters of the line before is then not needed.
    let open = !prev.ends_with(['.', '!', '?', ':', '»', '"', '”', ')', ';']);
    let lower = next.chars().next().is_some_and(|c| c.is_lowercase());
    let bullet = next.starts_with(['•', '-', '*', '–', '—', '·']);
    if !(open && lower && !bullet) {
        return false;
    }
    // (`prev_bytes` is the last line's length as it was read: stripping a link can have
    // shortened it, and moved where its characters start.)
    let prev_len = prev[prev.ceil_char_boundary(prev.len().saturating_sub(prev_bytes))..].chars().count();
    let wrapped = (55..=100).contains(&prev_len) || prev.ends_with([',', '-']) && prev_len > 20;
    wrapped && prev != next
}

fn collapse_spaces(s: &str) -> Cow<'_, str> {
    if !s.contains("  ") {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut prev_space = false;
    for c in s.chars() {
        // Keep no-break spaces (typography), fold runs of ordinary ones.
        if c == ' ' {
            if !prev_space {
                out.push(' ');
            }
            prev_space = true;
        } else {
            out.push(c);
            prev_space = false;
        }
    }
    Cow::Owned(out)
}

/// What [`strip_markdown`] and [`collapse_spaces`] act on: a line without any of these
/// is only stripped of its heading and quote markers.
#[cfg(test)]
const MARKUP_PIECES: &[&str] = &["](", "**", "__", "  "];
#[cfg(test)]
static MARKUP: LazyLock<PieceFinder> = LazyLock::new(|| PieceFinder::new(MARKUP_PIECES));

/// Finds the double space of the markup pieces.
static DOUBLE_SPACE: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new("  "));

/// Whether `line` holds one of the markup pieces: `](`, `**`, `__` and a double space
/// (the search for the pieces is kept in the tests as the reference). The first three start with a byte
/// that prose seldom has (`]`, `*`, `_`): a search for those bytes and one for the
/// double space run far faster than the multi-piece search.
fn has_markup(line: &[u8]) -> bool {
    let opens_piece = |at: usize| matches!((line[at], line.get(at + 1)), (b']', Some(b'(')) | (b'*', Some(b'*')) | (b'_', Some(b'_')));
    memchr::memchr3_iter(b']', b'*', b'_', line).any(opens_piece) || DOUBLE_SPACE.find(line).is_some()
}

static MD_LINK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"!?\[([^\]]*)\]\([^)]*\)").expect("md link"));
static MD_EMPHASIS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\*\*|__").expect("md emphasis"));

/// How far before a hard wrap a markdown link cut by it may open: link texts are short.
const LINK_REACH: usize = 1000;

/// What a markdown link leaves: its text, or nothing for an image.
fn link_text<'a>(c: &regex::Captures<'a>) -> &'a str {
    if c[0].starts_with('!') { "" } else { c.get(1).map_or("", |m| m.as_str()) }
}

/// Markdown headings, links and emphasis become plain text.
fn strip_markdown(line: &str) -> Cow<'_, str> {
    let mut s = Cow::Borrowed(line);
    if s.contains("](") {
        s = Cow::Owned(
            MD_LINK.replace_all(&s, |c: &regex::Captures| link_text(c).to_string()).into_owned(),
        );
    }
    if s.contains("**") || s.contains("__") {
        s = Cow::Owned(MD_EMPHASIS.replace_all(&s, "").into_owned());
    }
    // Heading and quote markers, however many and however nested ("# # titre", "> > cité"),
    // once emphasis is gone ("** # titre").
    match s {
        Cow::Borrowed(t) => Cow::Borrowed(strip_markers(t)),
        Cow::Owned(t) => Cow::Owned(strip_markers(&t).to_string()),
    }
}

fn strip_markers(t: &str) -> &str {
    t.trim_start_matches(|c: char| c == '#' || c == '>' || c.is_whitespace()).trim_end()
}

fn is_body_paragraph(text: &str) -> bool {
    // Letters and digits only: the glue repairs add spaces and dashes, and a paragraph
    // must not cross the threshold when it is cleaned again.
    // Counting stops at the threshold: body paragraphs run far past it.
    has_alphanumerics(text, BODY_MIN_CHARS) && !is_title_case(text)
}

/// Whether `text` holds at least `wanted` alphanumeric characters. ASCII bytes are
/// judged by their byte alone; only the other characters are decoded.
fn has_alphanumerics(text: &str, wanted: usize) -> bool {
    let mut found = 0;
    let mut chars = text.chars();
    loop {
        let rest = chars.as_str().as_bytes();
        let Some(&b) = rest.first() else { return false };
        let alphanumeric = if b.is_ascii() {
            chars.next();
            b.is_ascii_alphanumeric()
        } else {
            chars.next().is_some_and(char::is_alphanumeric)
        };
        if alphanumeric {
            found += 1;
            if found == wanted {
                return true;
            }
        }
    }
}

/// A line whose longer words nearly all start with a capital: a headline in title case
/// ("Le Dirigeant Nord-Coréen En Visite En Russie"), however long.
///
/// The words are read one by one, and the reading stops as soon as the words left
/// (each takes five bytes or more: four letters and a space) could not make up for the
/// lowercase ones already seen: prose is told from a headline in its first words.
fn is_title_case(text: &str) -> bool {
    let (mut capitalised, mut lowercase) = (0usize, 0usize);
    let mut rest = text;
    loop {
        let start = rest.len() - rest.trim_start().len();
        rest = &rest[start..];
        if rest.is_empty() {
            break;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = &rest[..end];
        rest = &rest[end..];
        if !has_letters(word, 4) {
            continue;
        }
        if word.chars().next().is_some_and(char::is_uppercase) {
            capitalised += 1;
        } else {
            lowercase += 1;
        }
        // Nearly all: at least nine capitalised words for each lowercase one.
        if capitalised + rest.len() / 5 < 9 * lowercase {
            return false;
        }
    }
    capitalised + lowercase >= 4 && capitalised * 10 >= (capitalised + lowercase) * 9
}

/// Whether `word` holds at least `wanted` alphabetic characters.
fn has_letters(word: &str, wanted: usize) -> bool {
    let mut found = 0;
    for (i, &b) in word.as_bytes().iter().enumerate() {
        let alphabetic = if b.is_ascii() {
            b.is_ascii_alphabetic()
        } else if b >= 0xc0 {
            word[i..].chars().next().is_some_and(char::is_alphabetic)
        } else {
            false // the inside of a character
        };
        if alphabetic {
            found += 1;
            if found == wanted {
                return true;
            }
        }
    }
    false
}

/// The headline: the first line of the header zone that reads like one; a short line
/// standing alone ("Visite attendue") only when no longer one follows (a site name such
/// as "Le Monde" often stands alone above the real headline).
fn find_title(header: &[Line<'_>]) -> Option<usize> {
    let candidate = |l: &Line| {
        let chars = l.text.chars().count();
        l.role == LineRole::Text
            && l.date.is_none()
            && chars <= TITLE_MAX_CHARS
            && !l.text.ends_with(':')
            && !l.text.starts_with(['•', '-', '*', '–', '—', '·', '©'])
    };
    // A line of two sentences or more is body text, not a headline above a short one.
    let regular = |l: &Line| (l.text.split_whitespace().count() >= 4 || l.text.chars().count() >= 25) && !holds_two_sentences(&l.text);
    let short = |l: &Line| {
        let alone = header.iter().filter(|o| o.block == l.block).count() == 1;
        l.text.split_whitespace().count() >= 2 && alone && l.text.chars().next().is_some_and(char::is_uppercase)
    };
    header
        .iter()
        .position(|l| candidate(l) && regular(l))
        .or_else(|| header.iter().position(|l| candidate(l) && short(l)))
}

/// Whether a sentence ends inside `text` and another starts after it: `. ` (or `!`,
/// `?`) then a capital, after a word of two letters or more that is no abbreviation
/// (`M. Dupont`, `Dr. Smith`, `Washington D.C. Mardi` are one).
fn holds_two_sentences(text: &str) -> bool {
    const ABBREVIATIONS: &[&str] = &[
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "inc", "co", "ltd", "corp", "me", "mme", "mgr", "pr", "no", "vol", "gen",
        "gov", "sen", "rep", "lt", "col", "capt", "prof", "vs", "etc",
    ];
    text.match_indices(['.', '!', '?']).any(|(i, _)| {
        let before = text[..i].rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        let after = &text[i + 1..];
        before.chars().count() >= 2
            && !ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(before))
            && after.starts_with(' ')
            && after[1..].starts_with(char::is_uppercase)
    })
}

/// The first sentence of a paragraph, for articles without a headline line.
fn first_sentence(text: &str) -> String {
    let end = text
        .char_indices()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?') && i > 20 && text[i + 1..].starts_with(' '))
        .map_or(text.len(), |(i, c)| i + c.len_utf8());
    let sentence = &text[..end];
    if sentence.chars().count() <= 160 {
        return sentence.to_string();
    }
    let cut: String = sentence.chars().take(150).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut}…")
}

fn clean_title(title: &str) -> String {
    title.trim().trim_end_matches(['|', '-', '–', '—']).trim().to_string()
}

static PUBLICATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:publié|publiée|published|posted|mis en ligne|paru|date)\b").expect("publication stamp")
});
static UPDATE_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:mis à jour|mise à jour|màj|maj|updated|last updated|modifié|dernière mise à jour)\b").expect("update stamp")
});
static STAMP_NOISE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:publié|publiée|published|posted|mis en ligne|paru|date|mis à jour|mise à jour|updated|last updated|modifié|dernière|le|on|at|à|a|par|by|gmt|utc|cet|cest|edt|est|pst|bst|am|pm|h|heure|heures|min|(?:[01]?\d|2[0-3])[:h.]\d\d(?::\d\d)?|[+-]\d{1,2}(?::?\d\d)?|\d{1,2}h\d{0,2}|\d{1,3} ?(?:min|mins|minutes?|hours?|hrs?|days?) ago|il y a \d{1,3} ?(?:min|minutes?|h|heures?|jours?))\b|[,.:|–—()-]",
    )
    .expect("stamp noise")
});

/// The date of a line that is nothing but a date stamp (`Tuesday, May 7, 2024`,
/// `Publié le 18/06/2024 à 10h32`, `Mis à jour le 18 juin 2024`).
fn date_line(line: &str) -> Option<NaiveDate> {
    // Every full date has digits; most lines have none.
    // Counting characters is cheaper than looking for a digit: it goes first.
    if line.len() > 480 || line.len() > 120 && line.chars().count() > 120 || !has_ascii_digit(line.as_bytes()) {
        return None;
    }
    let (date, span) = first_full_date(line)?;
    // What is left once the date, its prefix and a time are taken out must be next to nothing.
    let mut rest = String::new();
    rest.push_str(&line[..span.start]);
    rest.push(' ');
    rest.push_str(&line[span.end..]);
    let rest = STAMP_NOISE.replace_all(&rest, " ");
    let weekday_free = rest
        .split_whitespace()
        .filter(|w| !is_weekday_name(w) && !is_weekday_abbreviation(w))
        .count();
    // "Publié le 12 décembre 2023, modifié le 13 décembre 2023": the first date is the stamp.
    (weekday_free <= 1 || PUBLICATION.is_match(line) && span.start < 40 || is_labelled_stamp(line, &span)).then_some(date)
}

/// Whether the date at `span` ends a short label and a dash or bar before it: `From our
/// science desk — Aug. 21, 2024`, `Économie | 02/12/2024 08:15`. A sentence that ends
/// with a date has no such separator.
fn is_labelled_stamp(line: &str, span: &std::ops::Range<usize>) -> bool {
    let label = line[..span.start].trim_end();
    let separated = label.ends_with(['—', '–', '|', '·']) || label.ends_with(" -");
    separated
        && label.split_whitespace().count() <= 7
        && STAMP_NOISE.replace_all(&line[span.end..], " ").trim().is_empty()
}

/// The date of a dateline that opens the body: a place in capitals or capitalised
/// words, a comma, a full date, then a dash or a bracket (`LONDON, July 14 2024 — ...`,
/// `PARIS, 3 juin 2024 (AFP) - ...`).
fn opening_dateline_date(paragraph: &str) -> Option<NaiveDate> {
    let head = &paragraph[..paragraph.floor_char_boundary(DATELINE_REACH)];
    if !has_ascii_digit(head.as_bytes()) || !head.starts_with(char::is_uppercase) {
        return None;
    }
    let (date, span) = first_full_date(head)?;
    let place = head[..span.start].trim_end().strip_suffix(',')?;
    let place_words = place.split_whitespace().count();
    let placelike = (1..=4).contains(&place_words)
        && place.split_whitespace().all(|w| w.starts_with(char::is_uppercase))
        && place.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\'' | '’'));
    let closed = head[span.end..].trim_start().starts_with(['—', '–', '-', '(']);
    (placelike && closed).then_some(date)
}

/// Bytes at the start of the body where a dateline's date can stand.
const DATELINE_REACH: usize = 100;

/// The first full date (day, month and year) of `line`, and where it stands.
fn first_full_date(line: &str) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    dates::find(line).iter().find_map(|e| match e.temporal {
        Temporal::Full { year, month, day } => NaiveDate::from_ymd_opt(year, month, day).map(|d| (d, e.start..e.end)),
        _ => None,
    })
}

/// Whether `bytes` holds an ASCII digit. Reads eight bytes at a time: most lines have
/// no digit, and all their bytes are read.
fn has_ascii_digit(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // On the low seven bits of each byte (no carry crosses into the next byte),
        // adding 0x50 sets the top bit from 0x30 ('0') up, adding 0x46 from 0x3A (after '9').
        let low = x & !HIGH;
        if (low + 0x50 * ONES) & !(low + 0x46 * ONES) & !x & HIGH != 0 {
            return true;
        }
    }
    chunks.remainder().iter().any(u8::is_ascii_digit)
}

fn is_weekday_name(w: &str) -> bool {
    dates::weekday_of(w).is_some()
}

/// `Wed`, `Thu`, `lun`, `mer`: the short weekdays of date stamps.
fn is_weekday_abbreviation(w: &str) -> bool {
    const SHORT: &[&str] = &["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "lun", "mar", "mer", "jeu", "ven", "sam", "dim"];
    let w = w.trim_end_matches('.');
    SHORT.iter().any(|s| w.eq_ignore_ascii_case(s))
}

fn is_publication_stamp(line: &str) -> bool {
    PUBLICATION.is_match(line)
}

/// Whether the date line at `i` of the header is the article's: not a site header
/// stamp (beside the weather or above app banners) nor an update stamp above the title.
fn date_belongs_to_article(header: &[Line<'_>], i: usize, title: Option<usize>) -> bool {
    let line = &header[i];
    if PUBLICATION.is_match(&line.text) {
        return true;
    }
    let in_site_block = header
        .iter()
        .filter(|l| l.block == line.block)
        .any(|l| l.role == LineRole::Chrome && l.text.chars().any(|c| c.is_ascii_digit()));
    if in_site_block {
        return false;
    }
    match title {
        // Below the headline: the article's.
        Some(t) if i > t => !UPDATE_STAMP.is_match(&line.text) || !header[t + 1..i].iter().any(|l| l.role == LineRole::End),
        // Above the headline: only when nothing but metadata separates them.
        Some(t) => header[i + 1..t].iter().all(|l| matches!(l.role, LineRole::Byline(_) | LineRole::ReadingTime(_))),
        None => !UPDATE_STAMP.is_match(&line.text),
    }
}

/// Pseudo-random texts for the tests that compare a fast scan with a plain one, the same
/// on every run: `count` texts of fewer than `max_pieces` pieces, each piece taken from
/// `pieces` one time in `every` (on average) and from `filler` otherwise, so that runs
/// of filler occur between the pieces under test.
#[cfg(test)]
pub(crate) fn random_bytes<'a>(count: usize, max_pieces: u64, pieces: &'a [&'a [u8]], every: usize, filler: &'a [&'a [u8]]) -> impl Iterator<Item = Vec<u8>> + 'a {
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    (0..count).map(move |_| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut r = seed;
        let mut text = Vec::new();
        for _ in 0..seed % max_pieces {
            r = r.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let pick = (r >> 33) as usize;
            let piece = if pick.is_multiple_of(every) { pieces[pick / every % pieces.len()] } else { filler[pick % filler.len()] };
            text.extend_from_slice(piece);
        }
        text
    })
}

/// [`random_bytes`] of string pieces.
#[cfg(test)]
pub(crate) fn random_texts(count: usize, max_pieces: u64, pieces: &[&str], every: usize, filler: &[&str]) -> Vec<String> {
    fn bytes<'a>(list: &[&'a str]) -> Vec<&'a [u8]> {
        list.iter().map(|p| p.as_bytes()).collect()
    }
    random_bytes(count, max_pieces, &bytes(pieces), every, &bytes(filler)).map(|b| String::from_utf8(b).expect("pieces of text")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_chrome_title_and_body() {
        let page = "18.5 C\nLyon\nMonday, March 4, 2024\n\nDownload The App:\nspot_img\n\nLe maire de Lyon présente un nouveau plan de transport\n\nDoit Lire\n\nLe maire a présenté lundi un plan de transport qui prévoit trois nouvelles lignes de tramway d'ici à 2030, a-t-il annoncé.\n\nLes travaux commenceront l'an prochain dans le quartier de la gare, selon la métropole.\n\n- Advertisement -spot_img\n\nPlus D'Articles\n\nUn autre titre sans rapport avec l'article\n";
        let c = clean(page);
        assert_eq!(c.title, "Le maire de Lyon présente un nouveau plan de transport");
        assert_eq!(c.date, None, "the site header date is not the article's");
        assert_eq!(c.paragraphs.len(), 2, "{:?}", c.paragraphs);
        assert!(c.paragraphs[0].starts_with("Le maire a présenté lundi"));
    }

    #[test]
    fn english_prose_full_of_names_is_body_text() {
        let page = "Zelensky meets Biden in Washington\n\nUkrainian President Volodymyr Zelensky met US President Joe Biden at the White House on Tuesday, as Republicans in Congress continued to block an aid package.";
        assert_eq!(clean(page).paragraphs.len(), 1);
    }

    #[test]
    fn a_site_name_above_the_headline_is_not_the_title() {
        let page = "Le Monde\n\nLe Parlement adopte la réforme de l'assurance chômage\n\nLe Parlement a définitivement adopté jeudi la réforme de l'assurance chômage, après un dernier vote au Sénat qui a réuni une large majorité.";
        assert_eq!(clean(page).title, "Le Parlement adopte la réforme de l'assurance chômage");
        let short = "Visite attendue\n\nLa ministre arrive jeudi à Berlin pour deux jours de rencontres avec ses homologues européens, a indiqué son entourage.";
        assert_eq!(clean(short).title, "Visite attendue");
        // A short paragraph of two sentences is body text, not the headline.
        let two = "Floods in Germany\n\nRivers burst their banks on Monday. Thousands were evacuated.";
        assert_eq!(clean(two).title, "Floods in Germany");
        assert_eq!(clean(two).paragraphs, ["Rivers burst their banks on Monday. Thousands were evacuated."]);
        assert!(holds_two_sentences("Il pleut. Les rues sont inondées."));
        assert!(!holds_two_sentences("M. Dupont répond à Mme Martin"));
        assert!(!holds_two_sentences("Le G7 réuni à Washington D.C. Mardi"));
        assert!(!holds_two_sentences("Dr. Smith and Mr. Jones meet St. Peter"));
        assert!(holds_two_sentences("Rivers rose on Monday. Thousands fled."));
    }

    #[test]
    fn byline_reading_time_and_caption_leave_the_body() {
        let page = "The council approves the new budget for schools\n\nReading time: 3 minutes\nBy Jane Smith\nChildren in a classroom of the city.\n\nThe city council on Monday approved a budget that raises spending on schools by a tenth, the mayor's office said in a statement.\n\nThe vote was close.\n\nShare this article\n\nComments (0)\n\nLeave a comment";
        let c = clean(page);
        assert_eq!(c.title, "The council approves the new budget for schools");
        assert_eq!(c.meta.author.as_deref(), Some("Jane Smith"));
        assert_eq!(c.meta.reading_time.as_deref(), Some("3 minutes"));
        assert_eq!(c.paragraphs, [
            "The city council on Monday approved a budget that raises spending on schools by a tenth, the mayor's office said in a statement.",
            "The vote was close."
        ]);
    }

    #[test]
    fn explicit_date_line_below_title() {
        let page = "Les députés adoptent la loi sur l'eau\nPublié le 12/03/2025 à 18h04\n\nLes députés ont adopté mardi en première lecture la loi sur l'eau, après une semaine de débats parfois vifs à l'Assemblée.";
        let c = clean(page);
        assert_eq!(c.date, NaiveDate::from_ymd_opt(2025, 3, 12));
        assert_eq!(c.paragraphs.len(), 1);
    }

    #[test]
    fn date_lines_with_evening_times_and_ages() {
        let body = "\n\nLes députés ont adopté mardi en première lecture la loi sur l'eau, après une semaine de débats parfois vifs à l'Assemblée.";
        for (stamp, date) in [
            ("Mis à jour le 25/02/2024 à 23:41", (2024, 2, 25)),
            ("Mis à jour le 25 février 2024 à 20h05", (2024, 2, 25)),
            ("March 5, 2024 4:12 PM EST Updated 2 hours ago", (2024, 3, 5)),
            ("Publié le 3 mars 2024 à 21:10, mis à jour il y a 3 heures", (2024, 3, 3)),
            ("Wed 22 May 2024 07.00 BST", (2024, 5, 22)),
            ("Par Julie Martin, le 02/08/2023", (2023, 8, 2)),
            ("From our science desk — Aug. 21, 2024", (2024, 8, 21)),
            ("Économie | 02/12/2024 - 08:15", (2024, 12, 2)),
        ] {
            let c = clean(&format!("Les députés adoptent la loi sur l'eau\n{stamp}{body}"));
            assert_eq!(c.date, NaiveDate::from_ymd_opt(date.0, date.1, date.2), "{stamp}");
            assert_eq!(c.paragraphs.len(), 1, "{stamp}");
        }
    }

    #[test]
    fn a_link_stripped_from_a_wrapped_line_leaves_the_next_line_readable() {
        // The second line closes a link the wrap cut, with a long address: stripped, the
        // paragraph is shorter than that line was, and the third line's wrap test must
        // still read it.
        let url = "x".repeat(200);
        let page = format!(
            "Un titre assez long pour la page de test\n\nle conseil municipal a voté mardi soir un budget pour les écoles [voir le\ndocument](https://example.org/{url}) de la ville et\ndes quartiers."
        );
        let c = clean(&page);
        assert!(c.paragraphs.iter().any(|p| p.contains("voir le document")), "{:?}", c.paragraphs);
        assert!(!c.paragraphs.iter().any(|p| p.contains("example.org")));
    }

    #[test]
    fn an_update_stamp_below_the_lead_dates_the_article_for_want_of_another() {
        let lead = "ÉCONOMIE - Les prix à la consommation ont progressé de 2,3 % sur un an en mai, a annoncé vendredi l'Insee.";
        let page = format!("Les prix ont augmenté de 2,3 % sur un an\n\n{lead}\n\nMis à jour le 14/06/2024 à 09:10\n\nSur un mois, les prix ont augmenté de 0,1 %.");
        let c = clean(&page);
        assert_eq!(c.date, NaiveDate::from_ymd_opt(2024, 6, 14));
        assert_eq!(c.paragraphs.len(), 2);
        // A publication stamp says more.
        let page = format!("Les prix ont augmenté de 2,3 % sur un an\n\n{lead}\n\nMis à jour le 14/06/2024 à 09:10\n\nPublié le 13/06/2024\n\nSur un mois.");
        assert_eq!(clean(&page).date, NaiveDate::from_ymd_opt(2024, 6, 13));
    }

    #[test]
    fn an_opening_dateline_dates_the_article() {
        let title = "Alcaraz retains his title at Wimbledon\n\n";
        for (opening, date) in [
            ("LONDON, July 14 2024 — Carlos Alcaraz retained his title on Sunday.", Some((2024, 7, 14))),
            ("PARIS, 3 juin 2024 (AFP) - Le gouvernement a présenté mardi son plan.", Some((2024, 6, 3))),
            ("New York, March 5, 2024 – Stocks rose on Tuesday.", Some((2024, 3, 5))),
            // No year: the date of the dateline cannot be known.
            ("BERLIN, June 3 (Reuters) - Thousands were evacuated.", None),
            // A sentence that opens with a date is no dateline.
            ("On July 14, 2024, the city celebrated.", None),
            ("Le 14 juillet 2024 - jour de fête - la ville a célébré.", None),
        ] {
            let c = clean(&format!("{title}{opening}\n\nA second paragraph follows here."));
            assert_eq!(c.date, date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)), "{opening}");
            assert_eq!(c.paragraphs[0], opening);
        }
        // A date line wins over the dateline.
        let c = clean("Un titre assez long pour la page\nPublié le 02/06/2024\n\nPARIS, 3 juin 2024 (AFP) - Le plan.");
        assert_eq!(c.date, NaiveDate::from_ymd_opt(2024, 6, 2));
        // A sentence ending with a date after a dash stays text.
        let c = clean("Un titre assez long pour la page\n\nLe vote aura lieu à l'Assemblée nationale, selon le calendrier publié par le gouvernement - 12 juin 2024");
        assert_eq!(c.paragraphs.len(), 1);
    }

    #[test]
    fn repeated_title_and_paragraphs_are_dropped() {
        let para = "Le gouvernement a annoncé une aide de deux milliards d'euros pour les agriculteurs touchés par la sécheresse de cet été.";
        let page = format!("Une aide pour les agriculteurs\n\nUne aide pour les agriculteurs\n-\n\n{para}\n\nUne seconde phrase, assez différente de la première.\n\n{para}\n");
        let c = clean(&page);
        assert_eq!(c.title, "Une aide pour les agriculteurs");
        assert_eq!(c.paragraphs.len(), 2, "{:?}", c.paragraphs);
    }

    #[test]
    fn newsletter_and_comment_form_end_the_article() {
        let page = "Un titre assez long pour un article\n\nPremier paragraphe de l'article, qui raconte ce qui s'est passé et qui est assez long pour être du corps de texte.\n\nDeuxième paragraphe de l'article, qui conclut le récit des événements de la journée.\n\nLa lettre d'information quotidienne\n\nRecevez chaque matin l'essentiel de l'actualité dans votre boîte aux lettres, gratuitement et sans engagement de votre part.\n\nLaisser un commentaire\n\n    Une célébrité se lâche sur une autre célébrité";
        let c = clean(page);
        assert_eq!(c.paragraphs.len(), 2, "{:?}", c.paragraphs);
    }

    #[test]
    fn a_sentence_that_looks_like_an_end_marker_does_not_cut_the_article() {
        let long = "Les électeurs ont jusqu'au 3 mai pour s'inscrire, a rappelé la préfecture, qui prévoit des permanences dans chaque mairie du département pendant tout le mois d'avril, y compris le samedi matin pour les personnes qui travaillent en semaine.";
        let page = format!("Élections : les inscriptions sont ouvertes\n\n{long}\n\nUn deuxième paragraphe assez long du corps de l'article, qui explique les démarches à suivre en ligne et au guichet.\n\nInscrivez-vous sur les listes électorales avant le 3 mai.\n\n{}", "La préfecture rappelle aussi que les jeunes qui atteignent dix-huit ans avant le scrutin sont inscrits d'office, à condition d'avoir été recensés à seize ans, et qu'une carte électorale leur sera envoyée par la poste quelques jours avant le vote.");
        let c = clean(&page);
        assert_eq!(c.paragraphs.len(), 3, "{:?}", c.paragraphs);
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let page = "A headline that is long enough to be one\n\nThe committee met on Tuesday to discuss the proposal, which would\nchange the way the city pays for its roads and bridges over the\nnext ten years.\n\nA second paragraph follows here and is long enough to count as body text for sure.";
        let c = clean(page);
        assert_eq!(c.paragraphs.len(), 2);
        assert!(c.paragraphs[0].ends_with("over the next ten years."));
    }

    #[test]
    fn glued_dateline_is_repaired_in_first_paragraph() {
        let page = "Un titre de test pour la dépêche\n\nLyonLe maire a annoncé mardi un plan pour les transports en commun de la ville et de sa banlieue proche, qui sera voté en juin.";
        let c = clean(page);
        assert!(c.paragraphs[0].starts_with("Lyon – Le maire"));
    }

    #[test]
    fn escape_sequences_never_survive() {
        let page = "Titre \u{1b}]0;pwned\u{7}propre et assez long\n\nUn paragraphe \u{1b}[31mrouge\u{1b}[0m qui est assez long pour compter comme du corps de texte dans un article.";
        let c = clean(page);
        assert!(!c.title.contains('\u{1b}') && !c.paragraphs[0].contains('\u{1b}'));
    }

    #[test]
    fn markdown_is_read_as_text() {
        let page = "# Le **titre** de l'article en Markdown\n\nUn paragraphe avec [un lien](https://example.org) et ![image](x.png) qui est assez long pour être le corps.";
        let c = clean(page);
        assert_eq!(c.title, "Le titre de l'article en Markdown");
        assert!(c.paragraphs[0].contains("avec un lien et"));
    }

    #[test]
    fn cleaning_is_idempotent() {
        let page = "Un titre pour vérifier l'idempotence\n\nLyonLe maire a dit.Il est parti en 2019lorsqu’il a fini, ce qui est assez long pour un paragraphe de corps.";
        let once = clean(page);
        let again = clean(&format!("{}\n\n{}", once.title, once.paragraphs.join("\n\n")));
        assert_eq!(once.paragraphs, again.paragraphs);
    }

    #[test]
    fn the_nfc_shortcut_agrees_with_the_quick_check() {
        use unicode_normalization::{IsNormalized, is_nfc_quick};
        for c in (0..0x300).filter_map(char::from_u32) {
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
            assert_eq!(unicode_normalization::char::canonical_combining_class(c), 0, "{c:?}");
        }
        for text in ["", "abc", "Été", "e\u{301}", "a\u{301}\u{316}", "a\u{316}\u{301}", "é\u{316}\u{301}x\u{301}", "\u{2000}", "’« »", "\u{301}", "\u{1100}\u{1161}"] {
            assert_eq!(surely_nfc(text), is_nfc_quick(text.chars()) == IsNormalized::Yes, "{text:?}");
        }
        // Every character of the punctuation block, alone, after a combining mark, and
        // before one (the table must agree with the full check in every position).
        for c in (0x1ff0..0x2090).filter_map(char::from_u32) {
            for text in [format!("{c}"), format!("a\u{316}{c}\u{301}"), format!("{c}\u{301}\u{316}"), format!("’{c}\u{316}’")] {
                assert_eq!(surely_nfc(&text), is_nfc_quick(text.chars()) == IsNormalized::Yes, "{text:?}");
            }
        }
    }

    #[test]
    fn lines_without_markup_pieces_are_only_stripped_of_markers() {
        for line in ["", "# Titre", "> > cité  deux", "a ** b", "[lien](x)", "__x__", "a  b", "## ** # t", "plain text, here", "a_b*c]d(e) f"] {
            let full = collapse_spaces(&strip_markdown(line)).into_owned();
            if !MARKUP.is_in(line.as_bytes()) {
                assert_eq!(strip_markers(line), full, "{line:?}");
            }
        }
    }

    #[test]
    fn markup_is_found_as_by_the_piece_search() {
        let pieces = ["]", "(", "*", "_", " ", "a", "é", "](", "**", "__", "  ", "] (", "*_", "\u{a0}"];
        for line in random_texts(50_000, 24, &pieces, 3, &["b"]) {
            let line = line.as_str();
            assert_eq!(has_markup(line.as_bytes()), MARKUP.is_in(line.as_bytes()), "{line:?}");
        }
    }

    #[test]
    fn leads_from_cc_are_found_eight_bytes_at_a_time_as_one_by_one() {
        for len in 0..20 {
            for b in 0..=255u8 {
                for at in 0..len {
                    let mut bytes = vec![0xcb; len];
                    bytes[at] = b;
                    let one_by_one = |bytes: &[u8]| bytes.iter().position(|&b| b >= 0xcc);
                    assert_eq!(find_lead_from_cc(&bytes), one_by_one(&bytes), "{b:#x} at {at} of {len}");
                    bytes.fill(b);
                    assert_eq!(find_lead_from_cc(&bytes), one_by_one(&bytes), "{b:#x} all {len}");
                }
            }
        }
    }

    #[test]
    fn digits_are_found_eight_bytes_at_a_time_as_one_by_one() {
        for len in 0..20 {
            for b in 0..=255u8 {
                for at in 0..len {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = b;
                    assert_eq!(has_ascii_digit(&bytes), b.is_ascii_digit(), "{b:#x} at {at} of {len}");
                    bytes.fill(b);
                    assert_eq!(has_ascii_digit(&bytes), b.is_ascii_digit(), "{b:#x} all {len}");
                }
            }
        }
    }

    #[test]
    fn removed_markdown_leaves_text_in_nfc() {
        let once = clean("Titre de la page pour le test\n\nqu’il**\u{301} est venu");
        assert_eq!(once.paragraphs, ["qu’iĺ est venu"]);
    }

    #[test]
    fn title_case_and_body_tests_agree_with_their_plain_forms() {
        let title_case = |text: &str| {
            let words: Vec<&str> = text.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 3).collect();
            words.len() >= 4 && words.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count() * 10 >= words.len() * 9
        };
        let body = |text: &str| text.chars().filter(|c| c.is_alphanumeric()).nth(BODY_MIN_CHARS - 1).is_some();
        let mut texts = vec![
            String::new(),
            "Le Dirigeant Nord-Coréen En Visite En Russie".to_string(),
            "Le Dirigeant Nord-Coréen en Visite En Russie Avec Ses Ministres Et Ses Généraux Pour Deux Jours".to_string(),
            "Les Dirigeants Nord-Coréens En Visite En Russie Avec Leurs Ministres Et Leurs Généraux Pour Deux Jours de Visite".to_string(),
            "Élu Été Œuvre Ärger\u{a0}Ünter Ωmega".to_string(),
            "le président a déclaré mardi que les négociations allaient reprendre la semaine prochaine".to_string(),
            "A B C D E F G H".to_string(),
            "Aaaa Bbbb Cccc dddd".to_string(),
            "Aaaa Bbbb Cccc Dddd".to_string(),
            "Aaa1 Bbbb Cccc Dddd".to_string(),
            "1234 ١٢٣٤ Ⅻ éèêë".to_string(),
        ];
        // Mixes of capitalised and lowercase words at every proportion.
        for n in 1..30 {
            for lower in 0..=n {
                let words: Vec<&str> = (0..n).map(|i| if i * 7 % n < lower { "mots" } else { "Mots" }).collect();
                texts.push(words.join(" "));
                texts.push(words.join("\u{2003}"));
            }
        }
        for text in &texts {
            assert_eq!(is_title_case(text), title_case(text), "{text:?}");
            assert_eq!(has_alphanumerics(text, BODY_MIN_CHARS), body(text), "{text:?}");
            assert_eq!(has_alphanumerics(text, 3), text.chars().filter(|c| c.is_alphanumeric()).nth(2).is_some(), "{text:?}");
        }
    }

    #[test]
    fn removed_markdown_leaves_no_double_space() {
        let c = clean("Un titre clair pour un article de test\n\nle ** le __ fin");
        assert_eq!(c.paragraphs, ["le le fin"]);
    }
}
