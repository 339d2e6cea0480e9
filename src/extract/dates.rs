//! Temporal expressions in French and English news text, and their calendar values.
//!
//! [`find`] locates the expressions and says what each one means (`18 juin 2024`, a
//! weekday, `l'année dernière`, `il y a deux ans`); [`resolve`] turns a meaning into a
//! TIMEX3-style value against the article's date, keeping only the precision the text
//! gives and writing `X` for digits that cannot be known.

use std::sync::LazyLock;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use aho_corasick::AhoCorasick;
use regex::{Captures, Regex};
use rustc_hash::FxHashMap;

use super::numbers::word_value;

/// What a temporal expression says, before it is placed on the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Temporal {
    /// A complete date: `18 juin 2024`, `2024-06-18`, `June 18, 2024`.
    Full { year: i32, month: u32, day: u32 },
    /// A day and month without a year: `18 juin`, `mardi 18 juin`, `June 18`.
    DayMonth { month: u32, day: u32 },
    /// A month of a given year: `juillet 2000`, `September 2023`.
    MonthYear { year: i32, month: u32 },
    /// A year: `en 2019`, `1950`.
    Year { year: i32 },
    /// A month without a year: `en septembre`; `shift` is -1 for `last March`, +1 for `next March`.
    Month { month: u32, shift: i8 },
    /// A weekday: `mardi`, `lundi soir`, `on Tuesday`; `shift` is -1 for `lundi dernier`, +1 for `next Monday`.
    Weekday { weekday: Weekday, shift: i8 },
    /// A day counted from the article's: `aujourd'hui` 0, `hier` -1, `après-demain` 2.
    Day(i32),
    /// A week counted from the article's: `la semaine prochaine` 1.
    Week(i32),
    /// A month counted from the article's: `le mois dernier` -1.
    MonthOffset(i32),
    /// A year counted from the article's: `l'année dernière` -1, `cette année` 0.
    YearOffset(i32),
}

/// The tense of the clause around an expression, which decides whether a bare
/// weekday or month points back or forward.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// Reported events: `a déclaré lundi`, `said on Monday`.
    Past,
    /// Announced events: `se rendra mardi`, `will meet on Tuesday`.
    Future,
    /// Nothing in the clause tells.
    Unknown,
}

/// One temporal expression found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TemporalExpr {
    /// Byte offset of the expression's start.
    pub start: usize,
    /// Byte offset just past its end.
    pub end: usize,
    /// What it says.
    pub temporal: Temporal,
    /// The tense of its clause, where what the expression means may depend on it (see
    /// [`reads_tense`]); [`Tense::Unknown`] for the others, whose clause is not read.
    pub tense: Tense,
}

const MONTHS_FR: &str = r"janvier|janv\.|février|fevrier|févr\.|fév\.|mars|avril|avr\.|mai|juin|juillet|juil\.|août|aout|septembre|sept\.|octobre|oct\.|novembre|nov\.|décembre|decembre|déc\.";
// Wire copy abbreviates with a point (AP: `Dec. 20`) or without (Reuters: `Dec 20`).
const MONTHS_EN: &str = r"January|Jan\.?|February|Feb\.?|March|Mar\.?|April|Apr\.?|May|June|Jun\.?|July|Jul\.?|August|Aug\.?|September|Sept\.?|Sep\.?|October|Oct\.?|November|Nov\.?|December|Dec\.?";
const WEEKDAYS_FR: &str = r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche";
const WEEKDAYS_EN: &str = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
const DAY: &str = r"(?:1er|1re|[12]\d|3[01]|0?[1-9])";
const DAY_EN: &str = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?";
const YEAR: &str = r"(?:1[5-9]\d\d|20\d\d|21\d\d)";
const NUMBER_WORD: &str = r"\d+|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|quarante|cinquante|cent|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a hundred|quelques|several|a few";

/// Which trigger words a rule needs nearby: rules run only in windows around them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    Digit = 0,
    Month = 1,
    Weekday = 2,
    RelativeDay = 3,
    Period = 4,
    Ago = 5,
}

const GROUPS: usize = 6;

/// One pattern, how to read its captures, what triggers it, and text that every match
/// of it holds.
struct Rule {
    re: Regex,
    read: fn(&Captures, &mut Vec<(usize, usize, Temporal)>),
    group: Group,
    /// Every match holds one of these strings, as written. A window without any cannot
    /// hold a match, and a look for a few strings costs much less than a regex search:
    /// the English month rules mostly look at French months.
    needs: Option<&'static [&'static str]>,
    /// A test that every window holding a match that the rule reads into an expression
    /// passes, given the window as written or in ASCII lower case: a few substring looks
    /// cost much less than a regex search, and most windows hold nothing for most rules.
    gate: Option<Gate>,
    /// The rule read by hand, which finds in a window what the pattern finds there, in
    /// order (where gates run: a text without `ſ` or the Kelvin sign).
    by_hand: Option<HandReader>,
}

/// See [`Rule::gate`]: `window -> may hold a match`, and which case of the window it
/// reads. The lower case is made only for the groups of rules whose gates read it:
/// those of digits and weekdays need none, and digit windows are many.
#[derive(Clone, Copy)]
enum Gate {
    /// Reads the window as written (the gates of case-sensitive patterns).
    AsWritten(fn(&str) -> bool),
    /// Reads the window in ASCII lower case.
    LowerCase(fn(&str) -> bool),
}

impl Rule {
    /// Declares that every match holds one of `needles`: this must follow from the
    /// pattern, or the rule stops finding what the windows without them hold.
    fn needing(self, needles: &'static [&'static str]) -> Rule {
        Rule { needs: Some(needles), ..self }
    }

    /// Declares that `gate` passes every window where the rule can find an expression:
    /// this must follow from the pattern and the reading, like [`Rule::needing`].
    ///
    /// A case-insensitive pattern may match a letter in another case, which the lower-case
    /// window allows for; beyond ASCII only `ſ` (an `s`) and the Kelvin sign (a `k`) match
    /// ASCII letters, and [`find`] runs no gate in a text holding either.
    fn gated(self, gate: Gate) -> Rule {
        Rule { gate: Some(gate), ..self }
    }

    /// Declares that `read` finds what the pattern finds, as [`Rule::by_hand`] says.
    fn read_by_hand(self, read: HandReader) -> Rule {
        Rule { by_hand: Some(read), ..self }
    }
}

/// The byte after the run of whitespace that starts at `at` in `s`, if the run is not
/// empty and something follows it. Every space of a pattern, `(?-i:[^\S\n])`, is
/// whitespace here.
fn after_spaces(s: &str, at: usize) -> Option<usize> {
    let rest = s.get(at..)?;
    let after = rest.trim_start();
    (after.len() < rest.len() && !after.is_empty()).then(|| s.len() - after.len())
}

/// Gate of `(le) (mardi) 18 (et 19) juin (2024)`: every match holds a day that ends with
/// an ASCII digit or with `1er`, `1re`, then spaces, then a French month name, which
/// starts with one of `jfmasond` (in lower case in `lower`).
fn day_before_month_fr(lower: &str) -> bool {
    let bytes = lower.as_bytes();
    let mut from = 0;
    while let Some(digit) = next_ascii_digit(bytes, from) {
        let mut day_end = digit + 1;
        if matches!(bytes.get(day_end..day_end + 2), Some(b"er" | b"re")) {
            day_end += 2;
        }
        if after_spaces(lower, day_end).is_some_and(|month| matches!(bytes[month], b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd')) {
            return true;
        }
        from = digit + 1;
    }
    false
}

/// Gate of `juillet 2000`: every match holds a French month name, then spaces, then a
/// year, which starts with `1` or `2`. Each name and abbreviation ends with `.` or with
/// one of `er`, `rs`, `il`, `ai`, `in`, `et`, `ut`, `re`, `ût` (in lower case in `lower`,
/// but for `Û`).
fn month_before_year_fr(lower: &str) -> bool {
    let bytes = lower.as_bytes();
    let mut from = 0;
    while let Some(digit) = next_ascii_digit(bytes, from) {
        from = digit + 1;
        if !matches!(bytes[digit], b'1' | b'2') {
            continue;
        }
        let before = lower[..digit].trim_end();
        if before.len() == digit {
            continue; // no space before the year
        }
        let month_end = match before.as_bytes() {
            [.., b'.'] => true,
            [.., x, y] => matches!([*x, *y], [b'e', b'r'] | [b'r', b's'] | [b'i', b'l'] | [b'a', b'i'] | [b'i', b'n'] | [b'e', b't'] | [b'u', b't'] | [b'r', b'e']) || before.ends_with("ût") || before.ends_with("Ût"),
            _ => false,
        };
        if month_end {
            return true;
        }
    }
    false
}

/// Gate of `dans deux semaines`: every match holds `dans`, then a word (a number), or
/// `a` and a word (`a hundred`, `a few`), then a unit that starts with `an`, `mois`, `sem`
/// or `jour`, all between spaces (in lower case in `lower`).
fn dans_before_unit(lower: &str) -> bool {
    let bytes = lower.as_bytes();
    let is_unit = |w: &str| ["an", "mois", "sem", "jour"].iter().any(|unit| w.starts_with(unit));
    memchr::memchr_iter(b'd', bytes).any(|at| {
        if bytes.get(at + 1..at + 4) != Some(b"ans") {
            return false;
        }
        let mut words = lower[at + 4..].split(char::is_whitespace).filter(|w| !w.is_empty());
        let number = words.next();
        words.next().is_some_and(|after| is_unit(after) || number == Some("a") && words.next().is_some_and(is_unit))
    })
}

/// What every English month name of [`MONTHS_EN`] starts with, in its case.
const MONTH_EN_STARTS: &[&str] = &["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// What [`Rule::by_hand`] reads: `(text, window_start, window_end, found)`.
type HandReader = fn(&str, usize, usize, &mut Vec<(usize, usize, Temporal)>);

/// The French weekday names, and the words that may follow one in the weekday rule,
/// in the pattern's order: [`french_weekdays`] reads them.
const FRENCH_WEEKDAYS: [(&str, Weekday); 7] = [
    ("lundi", Weekday::Mon), ("mardi", Weekday::Tue), ("mercredi", Weekday::Wed), ("jeudi", Weekday::Thu),
    ("vendredi", Weekday::Fri), ("samedi", Weekday::Sat), ("dimanche", Weekday::Sun),
];
const FRENCH_WEEKDAY_AFTER: [(&str, i8); 8] = [
    ("matin", 0), ("soir", 0), ("après-midi", 0), ("apres-midi", 0), ("midi", 0), ("soirée", 0), ("dernier", -1), ("prochain", 1),
];

/// Whether `b` is an ASCII word byte, as `(?-u:\b)` sees them.
fn is_ascii_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether `text[at..]` starts with `word` in any case, as a case-insensitive pattern
/// matches it in a text without `ſ` or the Kelvin sign (see [`Rule::gated`]): ASCII
/// letters in either case, and `è` or `È` for the `è` of `après`.
fn starts_with_any_case(text: &[u8], at: usize, word: &str) -> bool {
    let Some(here) = text.get(at..at + word.len()) else { return false };
    match word.split_once('è') {
        None => here.eq_ignore_ascii_case(word.as_bytes()),
        Some((before, after)) => {
            let (head, rest) = here.split_at(before.len());
            let (grave, tail) = rest.split_at(2);
            head.eq_ignore_ascii_case(before.as_bytes()) && (grave == "è".as_bytes() || grave == "È".as_bytes()) && tail.eq_ignore_ascii_case(after.as_bytes())
        }
    }
}

/// The weekday rule, `(?i)(?-u:\b)({WFR})(?-u:\b)(?:\s+(matin|soir|…|prochain))?`, read
/// by hand over `text[from..to]` (matches end by `to`): a weekday name between ASCII
/// word boundaries, then, after a run of spaces other than line breaks, the first of
/// the words that follows, where one does. A regex search with captures per name cost
/// more than all the rest of the rule's work.
///
/// Each name holds `di` once, at [`DI_IN_WEEKDAY`]: the names are looked for only
/// around a `d` followed by an `i`, which few bytes are.
fn french_weekdays(text: &str, from: usize, to: usize, out: &mut Vec<(usize, usize, Temporal)>) {
    let bytes = &text.as_bytes()[..to];
    // Where the search goes on: past the last match.
    let mut pos = from;
    for d in memchr::memchr2_iter(b'd', b'D', &bytes[from..]).map(|k| from + k) {
        if !matches!(bytes.get(d + 1), Some(b'i' | b'I')) {
            continue;
        }
        // At most one name matches around a `di`: each is a word of its own.
        let name = FRENCH_WEEKDAYS.iter().zip(DI_IN_WEEKDAY).find_map(|(&(name, weekday), di)| {
            let at = d.checked_sub(di).filter(|&at| at >= pos)?;
            let bounded = !(at > 0 && is_ascii_word_byte(bytes[at - 1])) && !bytes.get(at + name.len()).copied().is_some_and(is_ascii_word_byte);
            (bounded && starts_with_any_case(bytes, at, name)).then_some((at, name, weekday))
        });
        let Some((at, name, weekday)) = name else { continue };
        let mut end = at + name.len();
        let spaces_end = text[end..to].find(|c: char| c == '\n' || !c.is_whitespace()).map_or(to, |k| end + k);
        let mut shift = 0;
        if spaces_end > end
            && let Some(&(word, word_shift)) = FRENCH_WEEKDAY_AFTER.iter().find(|(word, _)| starts_with_any_case(bytes, spaces_end, word))
        {
            end = spaces_end + word.len();
            shift = word_shift;
        }
        out.push((at, end, Temporal::Weekday { weekday, shift }));
        pos = end;
    }
}

/// Where each name of [`FRENCH_WEEKDAYS`] holds `di`, in the same order.
const DI_IN_WEEKDAY: [usize; 7] = [3, 3, 6, 3, 6, 4, 0];

fn rule(pattern: &str, read: fn(&Captures, &mut Vec<(usize, usize, Temporal)>)) -> Rule {
    let group = if pattern.contains("{MFR}") || pattern.contains("{MEN}") {
        Group::Month
    } else if pattern.contains("{WFR}") || pattern.contains("{WEN}") {
        Group::Weekday
    } else if pattern.contains("il y a") || pattern.contains("ago") || pattern.contains("dans") {
        Group::Ago
    } else if pattern.contains("hier") {
        Group::RelativeDay
    } else if pattern.contains("mois") || pattern.contains("week") || pattern.contains("année") {
        Group::Period
    } else {
        Group::Digit
    };
    let pattern = pattern
        .replace("{MFR}", MONTHS_FR)
        .replace("{MEN}", MONTHS_EN)
        .replace("{WFR}", WEEKDAYS_FR)
        .replace("{WEN}", WEEKDAYS_EN)
        .replace("{DAY}", DAY)
        .replace("{DEN}", DAY_EN)
        .replace("{YEAR}", YEAR)
        .replace("{NUM}", NUMBER_WORD)
        // A date never runs across a line break: in "January\n\n1" the month ends one
        // paragraph and the day starts the next, and the mention would straddle both.
        // Case-insensitive patterns would case-fold the class of non-spaces it is made
        // from, nearly all of Unicode, at every start; spaces have no case to fold.
        .replace(r"\s", r"(?-i:[^\S\n])");
    Rule { re: Regex::new(&pattern).unwrap_or_else(|e| panic!("date pattern {pattern}: {e}")), read, group, needs: None, gate: None, by_hand: None }
}

static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    vec![
        // 2024-06-18
        rule(r"(?-u:\b)({YEAR})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?-u:\b)", |c, out| {
            push_full(c, out, c.get(0), num(c, 1), num(c, 2), num(c, 3));
        })
        // The month after the year: `-0` or `-1`.
        .gated(Gate::AsWritten(|w| w.contains("-0") || w.contains("-1"))),
        // 18/06/2024, 18.06.2024 (day first, unless the first number cannot be a month day pair that way)
        rule(r"(?-u:\b)(\d{1,2})[/.](\d{1,2})[/.]({YEAR})(?-u:\b)", |c, out| {
            let (a, b) = (num(c, 1), num(c, 2));
            let (d, m) = if b > 12 && a <= 12 { (b, a) } else { (a, b) };
            push_full(c, out, c.get(0), num(c, 3), m, d);
        })
        // The year after its separator starts with 1 or 2.
        .gated(Gate::AsWritten(|w| ["/1", "/2", ".1", ".2"].iter().any(|n| w.contains(n)))),
        // (le) (mardi) 18 (et 19) juin (2024)
        rule(
            r"(?i)(?-u:\b)(?:(?:{WFR})\s+)?({DAY})(?:\s*(?:et|,|-|–|au|à)\s*({DAY}))?\s+({MFR})(?:\s+({YEAR}))?(?-u:\b)",
            |c, out| {
                let month = month_number(&c[3]);
                read_day_list(c, out, month);
            },
        )
        .gated(Gate::LowerCase(day_before_month_fr)),
        // 18 (and 19) June (2024), 18th of June
        rule(
            r"(?-u:\b)(?:(?:{WEN}),?\s+)?({DEN})(?:\s*(?:and|,|-|–|to)\s*({DEN}))?\s+(?:of\s+)?({MEN})(?:,?\s+({YEAR}))?(?-u:\b)",
            |c, out| {
                let month = month_number(&c[3]);
                read_day_list(c, out, month);
            },
        )
        .needing(MONTH_EN_STARTS),
        // (Tuesday,) June 18(, 2024), June 18 and 19
        rule(
            r"(?-u:\b)(?:(?:{WEN}),?\s+)?({MEN})\s+({DEN})(?:\s*(?:and|-|–|to)\s*({DEN}))?(?:,?\s+({YEAR}))?(?-u:\b)",
            |c, out| {
                let month = month_number(&c[1]);
                let year = c.get(4).map(|y| y.as_str().parse::<i32>().unwrap_or(0));
                let first_end = if c.get(3).is_some() { c.get(2) } else { None };
                let d1 = day_number(&c[2]);
                match (first_end, c.get(3)) {
                    (Some(first), Some(second)) => {
                        let start = c.get(0).map_or(0, |m| m.start());
                        out.push((start, first.end(), day_month(year, month, d1)));
                        out.push((second.start(), c.get(0).map_or(0, |m| m.end()), day_month(year, month, day_number(&c[3]))));
                    }
                    _ => {
                        let m = c.get(0).expect("whole match");
                        out.push((m.start(), m.end(), day_month(year, month, d1)));
                    }
                }
            },
        )
        .needing(MONTH_EN_STARTS),
        // juillet 2000, September 2023
        rule(r"(?i)(?-u:\b)({MFR})\s+({YEAR})(?-u:\b)", month_year).gated(Gate::LowerCase(month_before_year_fr)),
        rule(r"(?-u:\b)({MEN})\s+(?:of\s+)?({YEAR})(?-u:\b)", month_year).needing(MONTH_EN_STARTS),
        // en septembre, début mars, last March
        rule(
            r"(?i)(?-u:\b)(?:en|début|debut|fin|mi-|courant|depuis|dès|des|jusqu['’]en|d['’]ici(?:\s+à)?|au mois d['’e]\s?|le mois d['’e]\s?|du mois d['’e]\s?|avant|après)\s*({MFR})(?-u:\b)(?:\s+(dernier|prochain))?",
            |c, out| {
                let m = c.get(1).expect("month");
                let shift = match c.get(2).map(|s| s.as_str().to_lowercase()) {
                    Some(s) if s == "dernier" => -1,
                    Some(s) if s == "prochain" => 1,
                    _ => 0,
                };
                let end = c.get(2).map_or(m.end(), |s| s.end());
                out.push((m.start(), end, Temporal::Month { month: month_number(m.as_str()), shift }));
            },
        ),
        rule(
            r"(?-u:\b)(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ee]arly|[Ll]ate|[Mm]id-|[Ll]ast|[Nn]ext|[Tt]his|[Dd]uring|[Tt]hroughout|[Bb]efore|[Aa]fter)\s*({MEN})(?-u:\b)",
            |c, out| {
                let m = c.get(1).expect("month");
                let lead = c[0].to_lowercase();
                let shift = if lead.starts_with("last") { -1 } else if lead.starts_with("next") { 1 } else { 0 };
                let start = if shift != 0 { c.get(0).map_or(0, |w| w.start()) } else { m.start() };
                out.push((start, m.end(), Temporal::Month { month: month_number(m.as_str()), shift }));
            },
        )
        .needing(MONTH_EN_STARTS),
        // weekdays: lundi (soir|dernier|prochain), (last|next|on) Monday (morning)
        rule(r"(?i)(?-u:\b)({WFR})(?-u:\b)(?:\s+(matin|soir|après-midi|apres-midi|midi|soirée|dernier|prochain))?", |c, out| {
            let m = c.get(0).expect("whole");
            let shift = match c.get(2).map(|s| s.as_str().to_lowercase()) {
                Some(s) if s == "dernier" => -1,
                Some(s) if s == "prochain" => 1,
                _ => 0,
            };
            out.push((m.start(), m.end(), Temporal::Weekday { weekday: weekday(&c[1]), shift }));
        })
        // (No gate: the reader looks only around each `di`, which every name holds.)
        .read_by_hand(french_weekdays),
        rule(r"(?-u:\b)(?:([Ll]ast|[Nn]ext|[Tt]his)\s+)?({WEN})(?-u:\b)(?:\s+(morning|afternoon|evening|night))?", |c, out| {
            let m = c.get(0).expect("whole");
            let shift = match c.get(1).map(|s| s.as_str().to_lowercase()) {
                Some(s) if s == "last" => -1,
                Some(s) if s == "next" => 1,
                _ => 0,
            };
            out.push((m.start(), m.end(), Temporal::Weekday { weekday: weekday(&c[2]), shift }));
        })
        // Every English weekday name ends with `day`, in this case.
        .gated(Gate::AsWritten(|w| w.contains("day"))),
        // days relative to the article's
        rule(
            r"(?i)(?-u:\b)(aujourd['’]hui|avant-hier|après-demain|apres-demain|hier|demain|today|tonight|yesterday|tomorrow|the day before yesterday|the day after tomorrow|ce matin|ce soir|cette nuit|this morning|this afternoon|this evening)(?-u:\b)(?:\s+(?:soir|matin|après-midi|morning|evening|night|afternoon))?",
            |c, out| {
                let m = c.get(0).expect("whole");
                let offset = match c[1].to_lowercase().replace('’', "'").as_str() {
                    "aujourd'hui" | "today" | "tonight" | "ce matin" | "ce soir" | "cette nuit" | "this morning"
                    | "this afternoon" | "this evening" => 0,
                    "hier" | "yesterday" => -1,
                    "avant-hier" | "the day before yesterday" => -2,
                    "demain" | "tomorrow" => 1,
                    _ => 2,
                };
                out.push((m.start(), m.end(), Temporal::Day(offset)));
            },
        ),
        // weeks, months and years relative to the article's
        rule(
            // (`passé` ends in a letter that an ASCII `\b` does not see: it goes without one.)
            r"(?i)(?-u:\b)(?:(la|cette)\s+)?(semaine|mois|année|an)(?:-ci)?(?:\s*(prochaine?|derni(?:er|ère)|passée|suivante?|précédente?|en cours)(?-u:\b)|\s*(passé)|(?-u:\b))",
            |c, out| {
                let unit = c[2].to_lowercase();
                let det = c.get(1).map(|d| d.as_str().to_lowercase());
                let offset = match c.get(3).or_else(|| c.get(4)).map(|s| s.as_str().to_lowercase()) {
                    Some(s) if s.starts_with("prochain") => 1,
                    Some(s) if s.starts_with("derni") || s.starts_with("pass") => -1,
                    Some(s) if s == "en cours" => 0,
                    None if det.as_deref() == Some("cette") => 0,
                    _ => return, // `la semaine suivante`, `le mois` alone: anchored elsewhere
                };
                // "l'année dernière" / "l'an dernier" / "le mois prochain" need their article.
                let m = c.get(0).expect("whole");
                out.push((m.start(), m.end(), relative(&unit, offset)));
            },
        )
        // Only a match with `cette` or an offset word gives an expression.
        .gated(Gate::LowerCase(|lower| ["prochain", "derni", "pass", "en cours", "cette"].iter().any(|n| lower.contains(n)))),
        rule(r"(?i)(?-u:\b)(?:ce|le)\s+mois(?:-ci)?(?:\s*(prochain|dernier|en cours)(?-u:\b)|\s*(passé)|(?-u:\b))", |c, out| {
            let offset = match c.get(1).or_else(|| c.get(2)).map(|s| s.as_str().to_lowercase()) {
                Some(s) if s == "prochain" => 1,
                Some(s) if s == "dernier" || s == "passé" => -1,
                Some(_) => 0,
                None if c[0].to_lowercase().starts_with("ce") => 0,
                None => return,
            };
            let m = c.get(0).expect("whole");
            out.push((m.start(), m.end(), Temporal::MonthOffset(offset)));
        })
        .gated(Gate::LowerCase(|lower| lower.contains("mois"))),
        rule(r"(?i)(?-u:\b)(l['’]an|l['’]année)\s+(?:(derni(?:er|ère)|prochaine?|passée)(?-u:\b)|(passé))", |c, out| {
            let word = c.get(2).or_else(|| c.get(3)).map_or("", |w| w.as_str());
            let offset = if word.to_lowercase().starts_with("prochain") { 1 } else { -1 };
            let m = c.get(0).expect("whole");
            out.push((m.start(), m.end(), Temporal::YearOffset(offset)));
        })
        .gated(Gate::LowerCase(|lower| lower.contains("l'an") || lower.contains("l’an"))),
        rule(r"(?-u:\b)([Ll]ast|[Nn]ext|[Tt]his)\s+(week|month|year)(?-u:\b)", |c, out| {
            let offset = match c[1].to_lowercase().as_str() {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            let m = c.get(0).expect("whole");
            out.push((m.start(), m.end(), relative(&c[2], offset)));
        })
        .gated(Gate::AsWritten(|w| ["ast", "ext", "his"].iter().any(|n| w.contains(n)))),
        // il y a deux ans, three years ago, dans deux semaines
        rule(r"(?i)(?-u:\b)(?:il y a)\s+({NUM})\s+(ans|années|an|mois|semaines?|jours?)(?-u:\b)", |c, out| ago(c, out, -1))
            .gated(Gate::LowerCase(|lower| lower.contains("il y a"))),
        rule(r"(?i)(?-u:\b)({NUM})\s+(years?|months?|weeks?|days?)\s+ago(?-u:\b)", |c, out| ago(c, out, -1))
            .gated(Gate::LowerCase(|lower| lower.contains("ago"))),
        rule(r"(?i)(?-u:\b)dans\s+({NUM})\s+(ans|années|mois|semaines?|jours)(?-u:\b)", |c, out| ago(c, out, 1))
            .gated(Gate::LowerCase(dans_before_unit)),
        // Bare years (`en 2019`) are read off the digit runs: see `bare_years`.
    ]
});

fn num(c: &Captures, i: usize) -> i64 {
    c.get(i).and_then(|m| m.as_str().parse().ok()).unwrap_or(0)
}

fn push_full(_c: &Captures, out: &mut Vec<(usize, usize, Temporal)>, m: Option<regex::Match>, y: i64, mo: i64, d: i64) {
    let Some(m) = m else { return };
    if NaiveDate::from_ymd_opt(y as i32, mo as u32, d as u32).is_some() {
        out.push((m.start(), m.end(), Temporal::Full { year: y as i32, month: mo as u32, day: d as u32 }));
    }
}

fn day_number(s: &str) -> u32 {
    s.trim_end_matches(|c: char| c.is_alphabetic()).parse().unwrap_or(1)
}

fn day_month(year: Option<i32>, month: u32, day: u32) -> Temporal {
    match year {
        Some(year) => Temporal::Full { year, month, day },
        None => Temporal::DayMonth { month, day },
    }
}

/// `18 juin 2024`, `18 et 19 juin`: one expression per day.
fn read_day_list(c: &Captures, out: &mut Vec<(usize, usize, Temporal)>, month: u32) {
    let whole = c.get(0).expect("whole");
    let year = c.get(4).and_then(|y| y.as_str().parse::<i32>().ok());
    let first = c.get(1).expect("day");
    let d1 = day_number(first.as_str());
    match c.get(2) {
        Some(second) => {
            out.push((whole.start(), first.end(), day_month(year, month, d1)));
            out.push((second.start(), whole.end(), day_month(year, month, day_number(second.as_str()))));
        }
        None => out.push((whole.start(), whole.end(), day_month(year, month, d1))),
    }
}

fn month_year(c: &Captures, out: &mut Vec<(usize, usize, Temporal)>) {
    let m = c.get(0).expect("whole");
    let year = c[2].parse().unwrap_or(0);
    out.push((m.start(), m.end(), Temporal::MonthYear { year, month: month_number(&c[1]) }));
}

fn relative(unit: &str, offset: i32) -> Temporal {
    match unit.to_lowercase().as_str() {
        "semaine" | "week" => Temporal::Week(offset),
        "mois" | "month" => Temporal::MonthOffset(offset),
        _ => Temporal::YearOffset(offset),
    }
}

fn ago(c: &Captures, out: &mut Vec<(usize, usize, Temporal)>, sign: i32) {
    let n = match c[1].to_lowercase().as_str() {
        "a" | "an" | "un" | "une" | "one" => 1.0,
        "quelques" | "several" | "a few" => return,
        w => w.parse::<f64>().ok().or_else(|| word_value(w)).unwrap_or(-1.0),
    };
    if !(0.0..=5000.0).contains(&n) {
        return;
    }
    let n = sign * n as i32;
    let m = c.get(0).expect("whole");
    let unit = c[2].to_lowercase();
    let t = if unit.starts_with("an") || unit.starts_with("ann") || unit.starts_with("year") {
        Temporal::YearOffset(n)
    } else if unit.starts_with("mois") || unit.starts_with("month") {
        Temporal::MonthOffset(n)
    } else if unit.starts_with("sem") || unit.starts_with("week") {
        Temporal::Week(n)
    } else {
        Temporal::Day(n)
    };
    out.push((m.start(), m.end(), t));
}

/// Whether a word is a French or English month name ("juin 2024": the number is a year).
pub fn is_month_name(word: &str) -> bool {
    with_lowercase(word, |w| {
        matches!(
            w,
        "janvier" | "février" | "fevrier" | "mars" | "avril" | "mai" | "juin" | "juillet" | "août" | "aout" | "septembre"
            | "octobre" | "novembre" | "décembre" | "decembre" | "january" | "february" | "march" | "april" | "may"
            | "june" | "july" | "august" | "september" | "october" | "november" | "december"
        )
    })
}

/// `f` of `word` in lower case (as `str::to_lowercase` gives it), lower-cased on the
/// stack when it fits: the entity finder asks about many capitalised words.
fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    match lowercase_into(word, &mut buf) {
        Some(lower) => f(lower),
        None => f(&word.to_lowercase()),
    }
}

/// Month number of a French or English month name or abbreviation.
pub fn month_number(name: &str) -> u32 {
    let n = name.to_lowercase();
    let n = n.trim_end_matches('.');
    const PREFIXES: [(&str, u32); 16] = [
        ("jan", 1), ("fé", 2), ("fe", 2), ("mar", 3), ("av", 4), ("ap", 4), ("mai", 5), ("may", 5),
        ("juil", 7), ("jul", 7), ("juin", 6), ("jun", 6), ("ao", 8), ("au", 8), ("se", 9), ("oc", 10),
    ];
    if n.starts_with("no") {
        return 11;
    }
    if n.starts_with("d") {
        return 12;
    }
    PREFIXES.iter().find(|(p, _)| n.starts_with(p)).map_or(1, |(_, m)| *m)
}

/// The weekday a French or English weekday name names, in any case.
pub fn weekday_of(name: &str) -> Option<Weekday> {
    with_lowercase(name, weekday_of_lowercase)
}

/// [`weekday_of`] a lower-case name.
fn weekday_of_lowercase(name: &str) -> Option<Weekday> {
    Some(match name {
        "lundi" | "monday" => Weekday::Mon,
        "mardi" | "tuesday" => Weekday::Tue,
        "mercredi" | "wednesday" => Weekday::Wed,
        "jeudi" | "thursday" => Weekday::Thu,
        "vendredi" | "friday" => Weekday::Fri,
        "samedi" | "saturday" => Weekday::Sat,
        "dimanche" | "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// A weekday name matched by a rule's pattern.
fn weekday(name: &str) -> Weekday {
    weekday_of(name).unwrap_or(Weekday::Sun)
}

/// Words before a bare year that make it a date (`en 2019`, `depuis 2006`, `in 2019`).
const YEAR_CUES: &[&str] = &[
    "en", "depuis", "de", "dès", "des", "jusqu'en", "jusqu’en", "avant", "après", "à", "et", "ou", "in", "since", "from",
    "until", "by", "before", "after", "to", "and", "or", "of", "année", "an", "fin", "début", "mi", "d'ici", "d’ici",
    "entre", "between", "during", "durant", "pendant", "vers", "around", "circa", "year", "l'an", "l’an", "l'année",
    "l’année", "the", "au", "du", "le", "(",
];

/// Words after a bare number that make it a quantity (`2000 soldats` is not a year).
fn looks_like_quantity(next_word: &str) -> bool {
    let w = next_word.to_lowercase();
    if w.is_empty() {
        return false;
    }
    const FUNCTION: &[&str] = &[
        "et", "ou", "à", "a", "en", "le", "la", "les", "lorsqu", "lorsque", "quand", "où", "il", "elle", "ils", "elles", "on",
        "avec", "pour", "par", "sur", "dans", "de", "des", "du", "au", "aux", "ce", "cette", "qui", "que", "encore",
        "déjà", "puis", "alors", "and", "or", "when", "the", "a", "in", "on", "at", "to", "with", "for", "by", "after",
        "before", "as", "that", "which", "it", "he", "she", "they", "was", "were", "had", "is", "are", "has", "have",
        "est", "était", "sont", "ont", "avait", "avaient", "fut", "s", "l", "d", "n", "c", "j", "qu",
    ];
    !FUNCTION.contains(&w.as_str()) && w.chars().next().is_some_and(char::is_lowercase)
}

/// Words that can start or anchor a temporal expression; the rules run only in
/// windows around them (and around digits), not over the whole text.
/// Words that can start or anchor a temporal expression, with the rules they wake.
const TRIGGERS: &[(&str, Group)] = &[
    ("janvier", Group::Month), ("février", Group::Month), ("fevrier", Group::Month), ("mars", Group::Month),
    ("avril", Group::Month), ("mai", Group::Month), ("juin", Group::Month), ("juillet", Group::Month),
    ("août", Group::Month), ("aout", Group::Month), ("septembre", Group::Month), ("octobre", Group::Month),
    ("novembre", Group::Month), ("décembre", Group::Month), ("decembre", Group::Month), ("janv", Group::Month),
    ("févr", Group::Month), ("fév", Group::Month), ("avr", Group::Month), ("juil", Group::Month), ("sept", Group::Month),
    ("oct", Group::Month), ("nov", Group::Month), ("déc", Group::Month), ("january", Group::Month),
    ("february", Group::Month), ("march", Group::Month), ("april", Group::Month), ("may", Group::Month),
    ("june", Group::Month), ("july", Group::Month), ("august", Group::Month), ("september", Group::Month),
    ("october", Group::Month), ("november", Group::Month), ("december", Group::Month), ("jan", Group::Month),
    ("feb", Group::Month), ("mar", Group::Month), ("apr", Group::Month), ("jun", Group::Month), ("jul", Group::Month),
    ("aug", Group::Month), ("sep", Group::Month), ("dec", Group::Month), ("lundi", Group::Weekday),
    ("mardi", Group::Weekday), ("mercredi", Group::Weekday), ("jeudi", Group::Weekday), ("vendredi", Group::Weekday),
    ("samedi", Group::Weekday), ("dimanche", Group::Weekday), ("monday", Group::Weekday), ("tuesday", Group::Weekday),
    ("wednesday", Group::Weekday), ("thursday", Group::Weekday), ("friday", Group::Weekday),
    ("saturday", Group::Weekday), ("sunday", Group::Weekday), ("hier", Group::RelativeDay),
    ("demain", Group::RelativeDay), ("aujourd", Group::RelativeDay), ("today", Group::RelativeDay),
    ("tonight", Group::RelativeDay), ("yesterday", Group::RelativeDay), ("tomorrow", Group::RelativeDay),
    ("ce matin", Group::RelativeDay), ("ce soir", Group::RelativeDay), ("cette nuit", Group::RelativeDay),
    ("this morning", Group::RelativeDay), ("this afternoon", Group::RelativeDay), ("this evening", Group::RelativeDay),
    ("semaine", Group::Period), ("mois", Group::Period), ("année", Group::Period), ("annee", Group::Period),
    ("an", Group::Period), ("week", Group::Period), ("month", Group::Period), ("year", Group::Period),
    ("ago", Group::Ago), ("il y a", Group::Ago), ("dans", Group::Ago),
];

/// The triggers as an automaton reports them: the longest at the leftmost start, then on
/// from its end. [`trigger_hits`] gives the same hits without running it over the whole
/// text; it runs only where a multi-word trigger may hide a word, and in the tests.
static TRIGGER_AUTOMATON: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(TRIGGERS.iter().map(|(w, _)| w))
        .expect("date triggers")
});

/// What [`trigger_hits`] needs to find the triggers at word starts.
struct TriggerTable {
    /// A bit per hashed [`prefix_key`]: set for the first three bytes of every trigger,
    /// and for `an` followed by anything but a letter or digit, so that a word start
    /// whose bit is clear starts no trigger that is a whole word.
    prefixes: Vec<u64>,
    /// The triggers of three bytes or more by their first three bytes (bit 5 set, see
    /// [`prefix_key`]), longest first.
    by_prefix: FxHashMap<u32, Vec<usize>>,
    /// The triggers of two bytes, which every word starting with them may be.
    two_byte: Vec<usize>,
    /// Whether a byte occurs in some trigger, in either case.
    in_trigger: [bool; 256],
    /// `(trigger, k)` for each space of a multi-word trigger, `k` bytes into it: a word
    /// after a space may sit inside that trigger, starting `k` bytes after its start.
    inner_word_starts: Vec<(usize, usize)>,
}

impl TriggerTable {
    /// Whether a trigger may start with the first three bytes of `first_four`.
    fn may_start(&self, first_four: u32) -> bool {
        let key = prefix_key(first_four);
        self.prefixes[key / 64] & (1 << (key % 64)) != 0
    }
}

/// Bits of the prefix set in [`TriggerTable::prefixes`].
const PREFIX_BITS: u32 = 13;

/// The first three bytes of `first_four` (read little-endian) with bit 5 set, which
/// puts ASCII letters in lower case, hashed to a bit of [`TriggerTable::prefixes`].
fn prefix_key(first_four: u32) -> usize {
    (first_three(first_four).wrapping_mul(0x9E37_79B1) >> (32 - PREFIX_BITS)) as usize
}

/// The first three bytes of `first_four` (read little-endian) with bit 5 set.
fn first_three(first_four: u32) -> u32 {
    (first_four | 0x0020_2020) & 0x00ff_ffff
}

/// The four bytes at `at`, read little-endian, zeros past the end.
fn four_bytes_at(bytes: &[u8], at: usize) -> u32 {
    match bytes.get(at..at + 4) {
        Some(four) => u32::from_le_bytes(four.try_into().expect("four bytes")),
        None => {
            let mut padded = [0u8; 4];
            let rest = &bytes[at.min(bytes.len())..];
            padded[..rest.len()].copy_from_slice(rest);
            u32::from_le_bytes(padded)
        }
    }
}

static TRIGGER_TABLE: LazyLock<TriggerTable> = LazyLock::new(|| {
    let mut prefixes = vec![0u64; 1 << (PREFIX_BITS - 6)];
    let mut set = |key: usize| prefixes[key / 64] |= 1 << (key % 64);
    let mut by_prefix: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    let mut two_byte = Vec::new();
    let mut in_trigger = [false; 256];
    let mut inner_word_starts = Vec::new();
    for (i, (word, _)) in TRIGGERS.iter().enumerate() {
        let bytes = word.as_bytes();
        assert!(bytes[0].is_ascii_alphabetic() && bytes.len() >= 2, "{word}: a trigger starts with an ASCII letter");
        match bytes {
            // A two-byte trigger: a whole word, so its third byte is no ASCII letter or
            // digit (or is past the end, a zero).
            [a, b] => {
                let ends = (0..=255u8).filter(|b| !b.is_ascii_alphanumeric());
                ends.for_each(|third| set(prefix_key(u32::from_le_bytes([*a, *b, third, 0]))));
                two_byte.push(i);
            }
            _ => {
                set(prefix_key(four_bytes_at(bytes, 0)));
                by_prefix.entry(first_three(four_bytes_at(bytes, 0))).or_default().push(i);
            }
        }
        for &b in bytes {
            in_trigger[usize::from(b.to_ascii_lowercase())] = true;
            in_trigger[usize::from(b.to_ascii_uppercase())] = true;
        }
        inner_word_starts.extend(bytes.iter().enumerate().filter(|&(_, &b)| b == b' ').map(|(k, _)| (i, k + 1)));
    }
    for triggers in by_prefix.values_mut() {
        // Longest first; at equal lengths the automaton prefers the first pattern.
        triggers.sort_by_key(|&i| (std::cmp::Reverse(TRIGGERS[i].0.len()), i));
    }
    TriggerTable { prefixes, by_prefix, two_byte, in_trigger, inner_word_starts }
});

/// What one walk over a text finds: where triggers may start, and the digit runs.
struct TextScan {
    /// The starts of the words (an ASCII letter after no ASCII letter or digit; after a
    /// character beyond ASCII, maybe) whose first three bytes may start a trigger, in order.
    word_starts: Vec<usize>,
    /// The maximal runs of ASCII digits, `(start, end)` in order.
    digit_runs: Vec<(usize, usize)>,
}

/// Walks `bytes` once, eight bytes at a time, for [`TextScan`]: most of a text is words,
/// and most words start no trigger, which a hash of their first bytes tells; the digits
/// fall out of the same byte tests, so the text is not walked again for them.
fn scan_text(table: &TriggerTable, bytes: &[u8]) -> TextScan {
    let mut word_starts = Vec::new();
    let (mut digit_starts, mut digit_ends) = (Vec::new(), Vec::new());
    // The top bit of the first byte of a chunk, set when the chunk before ends with an
    // ASCII letter or digit (`carry`), with an ASCII digit (`digit_carry`).
    let (mut carry, mut digit_carry) = (0u64, 0u64);
    let mut at = 0;
    while at < bytes.len() {
        // Past the end, zero bytes: no letter, no digit.
        let x = crate::swar::load(bytes, at);
        let letters = crate::swar::ascii_in(x | 0x2020_2020_2020_2020, b'a', b'z' + 1);
        let digits = crate::swar::ascii_in(x, b'0', b'9' + 1);
        let alphanumeric = letters | digits;
        let mut marks = letters & !(alphanumeric << 8 | carry);
        carry = alphanumeric >> 56;
        while marks != 0 {
            let start = at + marks.trailing_zeros() as usize / 8;
            marks &= marks - 1;
            if table.may_start(four_bytes_at(bytes, start)) {
                word_starts.push(start);
            }
        }
        // Most chunks hold no digit and follow none.
        if digits | digit_carry != 0 {
            let after_digit = digits << 8 | digit_carry;
            let mut starts = digits & !after_digit;
            // A run ends at the first byte after it that is no digit (a zero byte of the
            // padding past the end, too).
            let mut ends = crate::swar::not(digits) & after_digit;
            digit_carry = digits >> 56;
            while starts != 0 {
                digit_starts.push(at + starts.trailing_zeros() as usize / 8);
                starts &= starts - 1;
            }
            while ends != 0 {
                digit_ends.push(at + ends.trailing_zeros() as usize / 8);
                ends &= ends - 1;
            }
        }
        at += 8;
    }
    // A run that reaches the end of a text of whole chunks.
    if digit_ends.len() < digit_starts.len() {
        digit_ends.push(bytes.len());
    }
    let digit_runs = digit_starts.into_iter().zip(digit_ends).collect();
    TextScan { word_starts, digit_runs }
}

/// The longest trigger that matches at `at`, ignoring ASCII case, as the automaton's
/// leftmost-longest search chooses among the matches starting there.
fn longest_trigger_at(table: &TriggerTable, bytes: &[u8], at: usize) -> Option<usize> {
    let matches = |&i: &usize| {
        let word = TRIGGERS[i].0.as_bytes();
        bytes.get(at..at + word.len()).is_some_and(|here| here.eq_ignore_ascii_case(word))
    };
    let longer = table.by_prefix.get(&first_three(four_bytes_at(bytes, at)));
    longer.and_then(|triggers| triggers.iter().copied().find(matches)).or_else(|| table.two_byte.iter().copied().find(matches))
}

/// Whether a trigger match `start..end` is a whole word: no letter or digit touches it.
fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    !text[..start].chars().next_back().is_some_and(char::is_alphanumeric) && !text[end..].chars().next().is_some_and(char::is_alphanumeric)
}

/// Where the automaton's search over the whole text is known to stand, for the few
/// words that a multi-word trigger may hide (`il y avril`: `il y a` is matched, is not
/// a whole word, and the search goes on after its `a`).
struct AutomatonState {
    /// The automaton's search is known to resume here.
    resume: usize,
    /// The last match that the search was run to, if any.
    last: Option<(usize, usize)>,
}

impl AutomatonState {
    /// Whether the automaton reports the trigger match starting at `at` (which starts a
    /// word after a space) rather than hiding it inside an earlier match.
    fn reports(&mut self, text: &str, table: &TriggerTable, at: usize) -> bool {
        if let Some((start, end)) = self.last
            && at < end
        {
            return start == at;
        }
        // Back to where no match can straddle: after a byte no trigger holds, or where the
        // search is known to resume.
        let bytes = text.as_bytes();
        let mut from = at;
        while from > self.resume && table.in_trigger[usize::from(bytes[from - 1])] {
            from -= 1;
        }
        for m in TRIGGER_AUTOMATON.find_iter(aho_corasick::Input::new(text).span(from..text.len())) {
            self.resume = m.end();
            if m.end() > at {
                self.last = Some((m.start(), m.end()));
                return m.start() == at;
            }
        }
        // Not reached: the trigger at `at` is a match that the search cannot pass over.
        true
    }
}

/// Every trigger that is a whole word in `text`, `(start, end, trigger index)`, in
/// order: exactly the matches of [`TRIGGER_AUTOMATON`] that are whole words.
///
/// A whole-word match starts a word with the first bytes of a trigger, which
/// [`scan_text`] finds (`word_starts`). A match is then the longest trigger there, unless the
/// automaton's search, which goes on from the end of each match, whole word or not, has
/// passed over it: only a multi-word trigger can hold a word start, and where one does
/// the automaton is run from nearby.
fn trigger_hits(text: &str, word_starts: &[usize]) -> Vec<(usize, usize, usize)> {
    let table = &*TRIGGER_TABLE;
    let bytes = text.as_bytes();
    let mut state = AutomatonState { resume: 0, last: None };
    let mut hits = Vec::new();
    for &at in word_starts {
        let Some(i) = longest_trigger_at(table, bytes, at) else { continue };
        let end = at + TRIGGERS[i].0.len();
        if !is_whole_word(text, at, end) {
            continue;
        }
        // A match straddling `at` holds the byte before it, which is then a space
        // inside a multi-word trigger.
        let may_be_inside = at > 0
            && bytes[at - 1] == b' '
            && table.inner_word_starts.iter().any(|&(t, k)| {
                let word = TRIGGERS[t].0.as_bytes();
                at.checked_sub(k)
                    .and_then(|start| bytes.get(start..start + word.len()))
                    .is_some_and(|there| there.eq_ignore_ascii_case(word))
            });
        if !may_be_inside || state.reports(text, table, at) {
            hits.push((at, end, i));
        }
    }
    hits
}

/// Bytes of context around a trigger that a rule may need (`mardi 18 et 19 juin 2024`).
const WINDOW: usize = 64;

/// The bare years of `text`, `(start, end, year)` in order: the matches of
/// `(?-u:\b)(1[5-9]\d\d|20\d\d|21\d\d)(?-u:\b)`, which are the runs of four ASCII
/// digits (`digit_runs`, the maximal runs in order) of those values with no ASCII word
/// character (letter, digit, `_`) on either side.
///
/// The rule ran as a pattern in the windows of the digit runs; each run lies in its own
/// window and the windows are disjoint, so the pattern found each of these once, in order.
fn bare_years(bytes: &[u8], digit_runs: &[(usize, usize)]) -> impl Iterator<Item = (usize, usize, i32)> {
    let is_word_byte = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_';
    digit_runs.iter().filter_map(move |&(start, end)| {
        let year @ [century_1, century_2, _, _] = bytes.get(start..end)?.try_into().ok()?;
        let in_range = matches!((century_1, century_2), (b'1', b'5'..=b'9') | (b'2', b'0' | b'1'));
        let bounded = !start.checked_sub(1).is_some_and(|before| is_word_byte(&bytes[before])) && !bytes.get(end).is_some_and(is_word_byte);
        let value = year.iter().fold(0, |n, d| 10 * n + i32::from(d - b'0'));
        (in_range && bounded).then_some((start, end, value))
    })
}

/// For each group of rules, the disjoint byte ranges of `text` around its triggers; and
/// the maximal runs of ASCII digits, in order.
fn windows(text: &str) -> ([Vec<(usize, usize)>; GROUPS], Vec<(usize, usize)>) {
    let TextScan { word_starts, digit_runs } = scan_text(&TRIGGER_TABLE, text.as_bytes());
    let mut hits: [Vec<(usize, usize)>; GROUPS] = Default::default();
    for (start, end, i) in trigger_hits(text, &word_starts) {
        hits[TRIGGERS[i].1 as usize].push((start, end));
    }
    hits[Group::Digit as usize].clone_from(&digit_runs);
    (hits.map(|group| merge_windows(text, group)), digit_runs)
}

/// The first ASCII digit of `bytes` from `from` on: eight bytes at a time, as most of a
/// text has none.
fn next_ascii_digit(bytes: &[u8], from: usize) -> Option<usize> {
    crate::swar::find(bytes, from, |x| crate::swar::ascii_in(x, b'0', b'9' + 1), |_| true)
}

/// Widens each hit by [`WINDOW`] to whole words and merges the overlaps.
fn merge_windows(text: &str, mut hits: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    hits.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in hits {
        // Widen to whole words so that no rule sees half a word at an edge.
        let from = text[..floor_boundary(text, s.saturating_sub(WINDOW))].rfind(char::is_whitespace).map_or(0, |k| k);
        let to_guess = floor_boundary(text, (e + WINDOW).min(text.len()));
        let to = text[to_guess..].find(char::is_whitespace).map_or(text.len(), |k| to_guess + k);
        match out.last_mut() {
            Some(last) if from <= last.1 => last.1 = last.1.max(to),
            _ => out.push((from, to)),
        }
    }
    out
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Whether `window` holds one of `needles` (non-empty, as written): one pass over the
/// window, looking only where a byte is the first of some needle, instead of a search
/// per needle.
fn holds_any(window: &str, needles: &[&str]) -> bool {
    let bytes = window.as_bytes();
    let mut first_bytes = [false; 256];
    for needle in needles {
        first_bytes[usize::from(needle.as_bytes()[0])] = true;
    }
    (0..bytes.len()).any(|at| first_bytes[usize::from(bytes[at])] && needles.iter().any(|n| bytes[at..].starts_with(n.as_bytes())))
}

/// The `windows` of `text` in ASCII lower case, end to end.
fn lower_windows(text: &str, windows: &[(usize, usize)]) -> String {
    let mut lower = String::with_capacity(windows.iter().map(|(from, to)| to - from).sum());
    for &(from, to) in windows {
        lower.push_str(&text[from..to]);
    }
    lower.make_ascii_lowercase();
    lower
}

/// Finds every temporal expression of `text`, in order, without overlaps.
pub fn find(text: &str) -> Vec<TemporalExpr> {
    find_gated(text, true)
}

/// [`find`], with the rules' gates run or not (the tests compare both).
fn find_gated(text: &str, run_gates: bool) -> Vec<TemporalExpr> {
    let mut found: Vec<(usize, usize, Temporal)> = Vec::new();
    let (windows, digit_runs) = windows(text);
    // The windows of each group in ASCII lower case, end to end, for the gates: made
    // when a gate first needs them, as most of a text lies in no window.
    let mut lowered: [Option<String>; GROUPS] = Default::default();
    // The gates compare ASCII lower case; where a case-insensitive pattern could match
    // an `s` or a `k` written beyond ASCII, every window is searched.
    let gates_hold = run_gates && !super::scan::holds_case_folds_to_ascii(text);
    // For a group and the needles of some of its rules, whether each window holds one:
    // looked for once for all the rules that need the same.
    let mut holds: Vec<(Group, &[&str], Vec<bool>)> = Vec::new();
    for rule in RULES.iter() {
        let windows = &windows[rule.group as usize];
        let holds = rule.needs.map(|needles| {
            match holds.iter().position(|(g, n, _)| *g == rule.group && std::ptr::eq(*n, needles)) {
                Some(i) => &holds[i].2,
                None => {
                    let found = windows.iter().map(|&(from, to)| holds_any(&text[from..to], needles)).collect();
                    holds.push((rule.group, needles, found));
                    &holds[holds.len() - 1].2
                }
            }
        });
        let gate = rule.gate.filter(|_| gates_hold);
        let lower = match gate {
            Some(Gate::LowerCase(_)) => Some(&*lowered[rule.group as usize].get_or_insert_with(|| lower_windows(text, windows))),
            _ => None,
        };
        // Where the lower-case window starts in `lower`.
        let mut lower_at = 0;
        for (w, &(from, to)) in windows.iter().enumerate() {
            let lower_window = lower.map(|lower| &lower[lower_at..lower_at + (to - from)]);
            lower_at += to - from;
            let gate_shuts = match (gate, lower_window) {
                (Some(Gate::AsWritten(gate)), _) => !gate(&text[from..to]),
                (Some(Gate::LowerCase(gate)), Some(lower_window)) => !gate(lower_window),
                _ => false,
            };
            if holds.is_some_and(|holds| !holds[w]) || gate_shuts {
                continue;
            }
            if let Some(read) = rule.by_hand.filter(|_| gates_hold) {
                read(text, from, to, &mut found);
                continue;
            }
            let hay = &text[..to];
            let mut pos = from;
            while pos <= to {
                let Some(c) = rule.re.captures_at(hay, pos) else { break };
                let whole = c.get(0).expect("whole match");
                (rule.read)(&c, &mut found);
                pos = if whole.end() > whole.start() {
                    whole.end()
                } else {
                    whole.end() + text[whole.end()..].chars().next().map_or(1, char::len_utf8)
                };
            }
        }
    }
    // Bare years must be dated by their context, not merely be four digits.
    for (start, end, year) in bare_years(text.as_bytes(), &digit_runs) {
        if year_in_context(text, start, end) {
            found.push((start, end, Temporal::Year { year }));
        }
    }
    // Longest first at each start, then keep those that overlap nothing kept.
    found.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
    // In start order, an item overlaps a kept one exactly when it starts before the
    // furthest end kept so far.
    let mut kept: Vec<(usize, usize, Temporal)> = Vec::new();
    let mut reach = 0usize;
    for item in found {
        if item.0 < reach {
            continue;
        }
        reach = item.1;
        kept.push(item);
    }
    // The text's language, read once and only when an expression reads a tense.
    let english = std::cell::OnceCell::new();
    kept.into_iter()
        .map(|(start, end, temporal)| {
            let tense = if reads_tense(temporal) {
                expression_tense(text, start, end, temporal, *english.get_or_init(|| reads_as_english(text)))
            } else {
                Tense::Unknown
            };
            TemporalExpr { start, end, temporal, tense }
        })
        .collect()
}

/// The tense that places the expression `start..end` of `temporal`: the cues of the
/// stretches [`tense_levels`] names, but for two kinds of clause. A clause of its own
/// opened by a relative pronoun is not dated by its sentence's main verb (`Biden, who
/// faces Trump in November, has avoided ...`: the coming November). A date standing
/// alone before a comma at a sentence's start is dated by the sentence (`Le 7 octobre,
/// le Hamas a attaqué`: the October before). With no cue at all, a preposition that looks
/// ahead points forward ([`after_forward_preposition`]).
fn expression_tense(text: &str, start: usize, end: usize, temporal: Temporal, english: bool) -> Tense {
    let levels = tense_levels(temporal);
    if levels.is_empty() {
        return Tense::Unknown;
    }
    let tense = match tense_within(text, start, end, &levels[..1], english) {
        Tense::Unknown => {
            let clause = clause_around(text, start, end);
            if clause.opens_with_relative_pronoun {
                Tense::Unknown
            } else if clause.fronted {
                tense_within(text, start, end, &[Stop::Clause, Stop::Sentence], english)
            } else {
                tense_within(text, start, end, &levels[1..], english)
            }
        }
        tense => tense,
    };
    match tense {
        Tense::Unknown if after_forward_preposition(&text[..start]) => Tense::Future,
        tense => tense,
    }
}

/// What [`expression_tense`] reads of the clause around an expression.
struct ClauseShape {
    /// The clause's first word is a relative pronoun (`who`, `which`, `qui`, `dont`).
    opens_with_relative_pronoun: bool,
    /// The clause opens a sentence, ends with a comma right after the expression and
    /// holds at most two words before it (`Le 7 octobre,`, `On March 3,`).
    fronted: bool,
}

/// Relative pronouns that open a clause between commas.
const RELATIVE_PRONOUNS: &[&str] = &["who", "which", "whose", "qui", "dont", "lequel", "laquelle", "lesquels", "lesquelles"];

/// The [`ClauseShape`] of the clause holding `start..end`, looked for within
/// [`TENSE_REACH`] bytes.
fn clause_around(text: &str, start: usize, end: usize) -> ClauseShape {
    let lo = floor_boundary(text, start.saturating_sub(TENSE_REACH));
    let is_stop = |c: char| char_class(c) & (SENTENCE_STOP | CLAUSE_STOP) != 0;
    let (clause_start, opened_by) = match text[lo..start].char_indices().rev().find(|&(_, c)| is_stop(c)) {
        Some((i, c)) => (lo + i + c.len_utf8(), Some(c)),
        None => (lo, None),
    };
    let before = &text[clause_start..start];
    let mut words = before.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty());
    let first = words.next();
    let opens_with_relative_pronoun = first.is_some_and(|w| {
        opened_by == Some(',') && RELATIVE_PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(w))
    });
    let at_sentence_start = match opened_by {
        None => lo == 0,
        Some(c) => char_class(c) & SENTENCE_STOP != 0,
    };
    let fronted = at_sentence_start && first.iter().count() + words.count() <= 2 && text[end..].trim_start_matches(' ').starts_with(',');
    ClauseShape { opens_with_relative_pronoun, fronted }
}

/// Prepositions that look ahead to the expression after them: with no tense cue around,
/// `jusqu'à dimanche`, `until Sunday`, `d'ici juin`, `dès lundi` name the coming one.
/// (With a cue, the cue decides: `il est resté jusqu'à dimanche`.)
const FORWARD_PREPOSITIONS: &[&str] =
    &["jusqu'à", "jusqu’à", "jusqu'au", "jusqu’au", "jusqu'en", "jusqu’en", "d'ici", "d’ici", "dès", "until", "till", "through"];

/// Whether the word just before an expression (`text` ends where it starts) is one of
/// [`FORWARD_PREPOSITIONS`], after `le`/`the` or `à` if any (`jusqu'au lundi`, `d'ici à juin`).
fn after_forward_preposition(before: &str) -> bool {
    let mut words = before.rsplit(|c: char| c.is_whitespace()).filter(|w| !w.is_empty());
    let Some(mut word) = words.next() else { return false };
    if ["le", "la", "the", "à"].iter().any(|w| word.eq_ignore_ascii_case(w)) {
        word = words.next().unwrap_or("");
    }
    // Only a short word can be one: no lower-casing of the long ones.
    word.len() <= 10 && FORWARD_PREPOSITIONS.contains(&word.to_lowercase().as_str())
}

/// Whether the tense of an expression's clause may change what it means, and so is
/// worth finding: a bare month or weekday, a day and month ([`resolve`] points them
/// back or forward), a full date or a month of a year (the article's date weighs those
/// of the past). The others mean the same in any tense.
pub fn reads_tense(temporal: Temporal) -> bool {
    !tense_levels(temporal).is_empty()
}

/// Where the tense cues of an expression are looked for: its clause, then its sentence;
/// for a day and month, its clause only (it moves a whole year by its tense, and the
/// main verb of a sentence says little of a date in a relative clause: `Mbappé, dont le
/// contrat expire le 30 juin, n'a pas annoncé`); nowhere for the expressions that mean
/// the same in any tense ([`reads_tense`]).
fn tense_levels(temporal: Temporal) -> &'static [Stop] {
    match temporal {
        Temporal::DayMonth { .. } => &[Stop::Clause],
        Temporal::Month { shift: 0, .. } | Temporal::Weekday { shift: 0, .. } | Temporal::Full { .. } | Temporal::MonthYear { .. } => {
            &[Stop::Clause, Stop::Sentence]
        }
        _ => &[],
    }
}

fn year_in_context(text: &str, start: usize, end: usize) -> bool {
    let before = &text[..start];
    let after = &text[end..];
    // Part of a larger number: "10 2000", "2 000 000", "2024,5".
    if before.ends_with(|c: char| c.is_ascii_digit() || c == ',' || c == '.')
        || before.trim_end_matches([' ', '\u{a0}', '\u{202f}']).ends_with(|c: char| c.is_ascii_digit())
            && before.ends_with([' ', '\u{a0}', '\u{202f}'])
        || after.starts_with([',', '.']) && after[1..].starts_with(|c: char| c.is_ascii_digit())
        || after.starts_with(['%', '€', '$'])
    {
        return false;
    }
    let prev = before.split(|c: char| c.is_whitespace()).rev().find(|w| !w.is_empty()).unwrap_or("");
    let prev = prev.trim_start_matches(['(', '«', '"', '“']).to_lowercase();
    if YEAR_CUES.contains(&prev.as_str()) || before.trim_end().ends_with(['(', '–', '-', '—']) {
        return true;
    }
    let next: String = after
        .trim_start_matches([' ', '\u{a0}'])
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    // Sentence-initial or after punctuation, followed by a verb or punctuation.
    !looks_like_quantity(&next) && (1900..=2100).contains(&text[start..end].parse::<i32>().unwrap_or(0))
}

/// Bytes on each side of an expression where its tense cue may stand.
const TENSE_REACH: usize = 160;

/// The tense of the clause and sentence holding `start..end` (what expressions but days
/// and months read, see [`tense_levels`]), as the tests' reference finds it.
#[cfg(test)]
fn tense_at(text: &str, start: usize, end: usize) -> Tense {
    tense_within(text, start, end, &[Stop::Clause, Stop::Sentence], false)
}

/// The tense of `start..end`, read in the stretches of `levels` in turn (its clause,
/// between commas; then its sentence): the nearest tense cue of a stretch wins. Distances
/// run from the expression to the start of the cue's word; at equal distances the cue
/// before wins. [`Tense::Unknown`] when no stretch holds a cue, or no level is given.
/// In `english` text, `a` is the article, not the French auxiliary ([`text_tense`]).
fn tense_within(text: &str, start: usize, end: usize, levels: &[Stop], english: bool) -> Tense {
    // Look no further than a few words away: a cue far off says nothing, and a text with
    // no punctuation must not make each look scan the whole text.
    let lo = floor_boundary(text, start.saturating_sub(TENSE_REACH));
    let hi = floor_boundary(text, (end + TENSE_REACH).min(text.len()));
    // The sentence holds the clause, and the clause has no cue when the sentence is
    // searched: each pass walks on from where the pass before stopped. Words are cut at
    // the expression's edges: a word it starts or ends inside counts by its part outside.
    let (mut from, mut to) = (start, end);
    for &level in levels {
        let before = match walk_back(text, lo, from, level, english) {
            Walk::Cue(word, tense) => Some((word, tense)),
            Walk::Edge(edge) => {
                from = edge;
                None
            }
            Walk::Limit => None,
        };
        // A cue after the expression must be strictly nearer than the one before.
        let limit = before.map_or(usize::MAX, |(w, _)| end + (start - w));
        let after = match walk_fwd(text, to, hi, level, limit, english) {
            Walk::Cue(_, tense) => Some(tense),
            Walk::Edge(edge) => {
                to = edge;
                None
            }
            Walk::Limit => None,
        };
        if let Some(tense) = after.or(before.map(|(_, t)| t)) {
            return tense;
        }
    }
    Tense::Unknown
}

/// Where a walk through the words of a clause stopped.
enum Walk {
    /// At a tense cue, whose word starts here.
    Cue(usize, Tense),
    /// At the clause's edge (a stop, or the reach's limit), here, without a cue.
    Edge(usize),
    /// At a word starting at the limit given, without a cue.
    Limit,
}

/// [`CharClass`] bits: the character belongs to a word.
const WORD: u8 = 1;
/// [`CharClass`] bits: the character ends a sentence.
const SENTENCE_STOP: u8 = 2;
/// [`CharClass`] bits: the character ends a clause but not a sentence.
const CLAUSE_STOP: u8 = 4;

/// The [`WORD`], [`SENTENCE_STOP`] and [`CLAUSE_STOP`] bits of each ASCII character.
const ASCII_CLASSES: [u8; 128] = {
    let mut classes = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        classes[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' | b'-' | b'\'' => WORD,
            b'.' | b'!' | b'?' | b'\n' | b';' => SENTENCE_STOP,
            b',' | b':' | b'"' => CLAUSE_STOP,
            _ => 0,
        };
        b += 1;
    }
    classes
};

/// The class bits of a character: a word character as [`is_word_char`] says, the
/// stops as [`Stop`] lists them.
fn char_class(c: char) -> u8 {
    match c {
        c if c.is_ascii() => ASCII_CLASSES[c as usize],
        '«' | '»' | '“' | '”' => CLAUSE_STOP,
        c if is_word_char(c) => WORD,
        _ => 0,
    }
}

/// The class bits that end a stretch of `level`.
fn stop_bits(level: Stop) -> u8 {
    match level {
        Stop::Clause => SENTENCE_STOP | CLAUSE_STOP,
        Stop::Sentence => SENTENCE_STOP,
    }
}

/// Walks back from `upto` to the last stop of `level` (or `lo`) and stops at the first
/// word that is a tense cue: the words of a clause are many, the cue is usually close.
/// Words are cut at `upto` and `lo`.
fn walk_back(text: &str, lo: usize, upto: usize, level: Stop, english: bool) -> Walk {
    let bytes = text.as_bytes();
    let stops = stop_bits(level);
    let mut word_end = None;
    let mut end = upto;
    // Character by character; ASCII ones are read off their byte.
    while end > lo {
        let (start, class) = match bytes[end - 1] {
            b if b.is_ascii() => (end - 1, ASCII_CLASSES[usize::from(b)]),
            _ => {
                let c = text[..end].chars().next_back().expect("a character ends here");
                (end - c.len_utf8(), char_class(c))
            }
        };
        if class & WORD != 0 {
            word_end.get_or_insert(end);
        } else {
            if let Some(e) = word_end.take()
                && let tense @ (Tense::Past | Tense::Future) = text_tense(&text[end..e], english)
            {
                return Walk::Cue(end, tense);
            }
            if class & stops != 0 {
                return Walk::Edge(end);
            }
        }
        end = start;
    }
    match word_end.map(|e| text_tense(&text[lo..e], english)) {
        Some(tense @ (Tense::Past | Tense::Future)) => Walk::Cue(lo, tense),
        _ => Walk::Edge(lo),
    }
}

/// Walks on from `from` to the first stop of `level` (or `hi`) and stops at the first
/// word that is a tense cue, or at the first word starting at `limit` or past it.
/// Words are cut at `from` and `hi`.
fn walk_fwd(text: &str, from: usize, hi: usize, level: Stop, limit: usize, english: bool) -> Walk {
    let bytes = text.as_bytes();
    let stops = stop_bits(level);
    let mut begin = None;
    let mut at = from;
    // Character by character; ASCII ones are read off their byte.
    while at < hi {
        let (next, class) = match bytes[at] {
            b if b.is_ascii() => (at + 1, ASCII_CLASSES[usize::from(b)]),
            _ => {
                let c = text[at..].chars().next().expect("a character starts here");
                (at + c.len_utf8(), char_class(c))
            }
        };
        if class & WORD != 0 {
            if begin.is_none() {
                if at >= limit {
                    return Walk::Limit;
                }
                begin = Some(at);
            }
        } else {
            if let Some(b) = begin.take() {
                let word = &text[b..at];
                if let tense @ (Tense::Past | Tense::Future) = text_tense(word, english) {
                    return Walk::Cue(b, tense);
                }
                if level == Stop::Clause && opens_clause(word) {
                    return Walk::Edge(b);
                }
            }
            if class & stops != 0 {
                return Walk::Edge(at);
            }
        }
        at = next;
    }
    match begin.map(|b| (b, text_tense(&text[b..hi], english))) {
        Some((b, tense @ (Tense::Past | Tense::Future))) => Walk::Cue(b, tense),
        _ => Walk::Edge(hi),
    }
}

/// Whether `word` opens a clause of its own after an expression: `that`, `que`, `qu'…`.
/// The verbs after it tell what was said, not when the expression stands (`told analysts
/// on Wednesday that demand would stay strong`: a past Wednesday).
fn opens_clause(word: &str) -> bool {
    let b = word.as_bytes();
    b.eq_ignore_ascii_case(b"that")
        || b.eq_ignore_ascii_case(b"que")
        || b.len() > 3 && b[..2].eq_ignore_ascii_case(b"qu") && (b[2] == b'\'' || word[2..].starts_with('’'))
}

/// Which punctuation bounds the text where a tense cue counts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// `.`, `!`, `?`, a line break, `;`, and also `,`, `:` and quotes.
    Clause,
    /// `.`, `!`, `?`, a line break, `;`.
    Sentence,
}

#[cfg(test)]
/// Whether `text` has a stop of `level` at byte `i`, and its length. Compares bytes:
/// the non-ASCII stops (`«`, `»`, `“`, `”`) are recognised by their UTF-8 encodings.
fn stop_at(bytes: &[u8], i: usize, level: Stop) -> Option<usize> {
    match bytes[i] {
        b'.' | b'!' | b'?' | b'\n' | b';' => Some(1),
        _ if level == Stop::Sentence => None,
        b',' | b':' | b'"' => Some(1),
        0xC2 if matches!(bytes.get(i + 1), Some(0xAB | 0xBB)) => Some(2),
        0xE2 if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0x9C | 0x9D)) => Some(3),
        _ => None,
    }
}

#[cfg(test)]
/// The end of the last stop of `level` inside `text[lo..upto]`.
fn last_stop_end(text: &str, lo: usize, upto: usize, level: Stop) -> Option<usize> {
    let bytes = &text.as_bytes()[..upto];
    // Only the last byte of a character can end a stop: ASCII, or `«`, `»` (0xAB, 0xBB),
    // `“`, `”` (0x9C, 0x9D); their first byte is then checked from its start.
    // The stop found there must end at `i`: a stop of its own just before a character
    // whose inner byte is 0x9C (U+1C000 is F0 9C 80 80) is not the quote.
    let ending_at = |first: usize, i: usize| stop_at(bytes, first, level).filter(|len| first + len == i + 1).map(|_| i + 1);
    (lo..upto).rev().find_map(|i| match bytes[i] {
        b if b.is_ascii() => ending_at(i, i),
        0xAB | 0xBB if i > lo => ending_at(i - 1, i),
        0x9C | 0x9D if i >= lo + 2 => ending_at(i - 2, i),
        _ => None,
    })
}

#[cfg(test)]
/// The start of the first stop of `level` inside `text[from..hi]`.
fn first_stop(text: &str, from: usize, hi: usize, level: Stop) -> Option<usize> {
    let bytes = &text.as_bytes()[..hi];
    (from..hi).find(|&i| stop_at(bytes, i, level).is_some())
}

/// Whether `c` belongs to a word for tense cues (letters, hyphens, apostrophes).
fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || matches!(c, '-' | '\'' | '’')
}

#[cfg(test)]
/// The tense cue of `text[from..upto]` nearest its end, with the start of its word
/// (words cut at both ends). Walks back word by word and stops at the first cue: the
/// words of a clause are many, the cue is usually close.
fn nearest_cue_before(text: &str, from: usize, upto: usize) -> Option<(usize, Tense)> {
    let s = &text[from..upto];
    let mut word_end = None;
    // Character by character from the end; ASCII ones are read off their byte.
    let mut end = s.len();
    while end > 0 {
        let (start, is_word) = match s.as_bytes()[end - 1] {
            b if b.is_ascii() => (end - 1, is_word_char(char::from(b))),
            _ => {
                let c = s[..end].chars().next_back().expect("a character ends here");
                (end - c.len_utf8(), is_word_char(c))
            }
        };
        if is_word {
            word_end.get_or_insert(end);
        } else if let Some(e) = word_end.take() {
            match word_tense(&s[end..e]) {
                Tense::Unknown => {}
                t => return Some((from + end, t)),
            }
        }
        end = start;
    }
    match word_end.map(|e| word_tense(&s[..e])) {
        None | Some(Tense::Unknown) => None,
        Some(t) => Some((from, t)),
    }
}

#[cfg(test)]
/// The tense cue of `text[from..upto]` nearest its start, with the start of its word
/// (words cut at both ends), if that word starts before `limit`: a cue after the
/// expression must be strictly nearer than the one before to win.
fn nearest_cue_after(text: &str, from: usize, upto: usize, limit: usize) -> Option<(usize, Tense)> {
    let s = &text[from..upto];
    let mut begin = None;
    // Character by character; ASCII ones are read off their byte.
    let mut next = 0;
    while next < s.len() {
        let i = next;
        let is_word = match s.as_bytes()[i] {
            b if b.is_ascii() => {
                next += 1;
                is_word_char(char::from(b))
            }
            _ => {
                let c = s[i..].chars().next().expect("a character starts here");
                next += c.len_utf8();
                is_word_char(c)
            }
        };
        if is_word {
            if begin.is_none() {
                if from + i >= limit {
                    return None;
                }
                begin = Some(i);
            }
        } else if let Some(b) = begin.take() {
            match word_tense(&s[b..i]) {
                Tense::Unknown => {}
                t => return Some((from + b, t)),
            }
        }
    }
    match begin.map(|b| (from + b, word_tense(&s[b..]))) {
        None | Some((_, Tense::Unknown)) => None,
        found => found,
    }
}

/// [`word_tense`] in a text of one language: in English, `a` is the article, not the
/// French auxiliary (`they will sign a deal on Friday`: the coming Friday).
fn text_tense(word: &str, english: bool) -> Tense {
    if english && (word == "a" || word == "A") {
        return Tense::Unknown;
    }
    word_tense(word)
}

/// Whether `text` reads as English rather than French, by its commonest function words
/// in its first [`LANGUAGE_SAMPLE`] bytes: asked once per text, and only of a text
/// whose expressions read a tense. (Not [`super::language`], which tokenizes the text:
/// the dates of a batch are found before its tokens, see [`super::extract_all`].)
pub(crate) fn reads_as_english(text: &str) -> bool {
    let head = &text.as_bytes()[..LANGUAGE_SAMPLE.min(text.len())];
    // The two commonest words of each language, each found by a vector search: a pass
    // over the words, or a search for each of twenty cue words, cost a tenth of the
    // dates' time.
    static FINDERS: LazyLock<[memchr::memmem::Finder<'static>; 4]> =
        LazyLock::new(|| [&b" the "[..], b" of ", b" de ", b" la "].map(memchr::memmem::Finder::new));
    let [the, of, de, la] = &*FINDERS;
    let count = |finder: &memchr::memmem::Finder| finder.find_iter(head).count();
    count(the) + count(of) > count(de) + count(la)
}

/// How many bytes of a text [`reads_as_english`] reads: a few hundred words.
const LANGUAGE_SAMPLE: usize = 2048;

/// Tense cue of one word, French or English, in any case.
fn word_tense(word: &str) -> Tense {
    // Only the part after the last apostrophe counts (`l'`, `it'll`). Lower-casing maps
    // each character alone, but for the capital sigma, and never makes or removes an
    // apostrophe, so that part can be lower-cased alone; on the stack, as words are short.
    // Words are short: plain loops beat the set-up of `memchr` and of a `char` search.
    let last = if word.is_ascii() {
        &word[word.bytes().rposition(|b| b == b'\'').map_or(0, |i| i + 1)..]
    } else if word.as_bytes().windows(2).any(|pair| pair == "Σ".as_bytes()) {
        return lowercase_word_tense(&word.to_lowercase());
    } else {
        word.rsplit(['\'', '’']).next().unwrap_or(word)
    };
    if last.is_ascii() {
        return ascii_cue_tense(last.as_bytes());
    }
    let mut buf = [0u8; 64];
    match lowercase_into(last, &mut buf) {
        Some(lower) => cue_tense(lower.as_bytes()),
        None => cue_tense(last.to_lowercase().as_bytes()),
    }
}

/// [`cue_tense`] of an ASCII word without apostrophes, in any case. Most words: a word
/// longer than every cue word can only be a cue by its ending, which needs the last
/// bytes alone in lower case.
fn ascii_cue_tense(word: &[u8]) -> Tense {
    let mut buf = [0u8; LONGEST_CUE];
    let lower = match buf.get_mut(..word.len()) {
        Some(lower) => {
            lower.copy_from_slice(word);
            lower
        }
        None => {
            // Longer than any cue word, and than the words that end like a cue but
            // are none: only the last six bytes count.
            let tail = &mut buf[..6];
            tail.copy_from_slice(&word[word.len() - 6..]);
            tail
        }
    };
    lower.make_ascii_lowercase();
    if word.len() > LONGEST_CUE {
        return match lower {
            [.., b'r', b'a']
            | [.., b'r', b'o', b'n', b't' | b's']
            | [.., b'r', b'e', b'z']
            | [.., b'r', b'a', b'i']
            | [.., b'r', b'a', b'i', b't']
            | [.., b'r', b'a', b'i', b'e', b'n', b't'] => Tense::Future,
            [.., b'e', b'd'] => Tense::Past,
            _ => Tense::Unknown,
        };
    }
    cue_tense(lower)
}

/// For each length up to [`LONGEST_CUE`], a bit for the low five bits of the first byte
/// of each cue word of that length: most words have none, and need no look-up.
const CUE_FIRST_BYTES: [u32; LONGEST_CUE + 1] = {
    let mut bits = [0u32; LONGEST_CUE + 1];
    let lists: [&[&str]; 2] = [FUTURE_CUES, PAST_CUES];
    let mut l = 0;
    while l < lists.len() {
        let list = lists[l];
        let mut i = 0;
        while i < list.len() {
            let word = list[i].as_bytes();
            bits[word.len()] |= 1 << (word[0] & 31);
            i += 1;
        }
        l += 1;
    }
    bits
};

/// Whether a lower-case word of at most [`LONGEST_CUE`] bytes may be a cue word.
fn may_be_cue_word(w: &[u8]) -> bool {
    w.first().is_some_and(|&first| CUE_FIRST_BYTES[w.len()] & (1 << (first & 31)) != 0)
}

/// `word` in lower case, written into `buf` exactly as `str::to_lowercase` writes it;
/// `None` when it does not fit or holds a capital sigma, whose lower case depends on
/// the letters around it.
pub(crate) fn lowercase_into<'b>(word: &str, buf: &'b mut [u8]) -> Option<&'b str> {
    if word.is_ascii() {
        let lower = buf.get_mut(..word.len())?;
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        return std::str::from_utf8(lower).ok();
    }
    let mut n = 0;
    for c in word.chars() {
        // Most letters of a French word are ASCII: no case table for them.
        if c.is_ascii() {
            *buf.get_mut(n)? = c.to_ascii_lowercase() as u8;
            n += 1;
            continue;
        }
        if c == 'Σ' {
            return None;
        }
        // Latin-1 letters, most of those beyond ASCII in French: no case table either.
        let latin1 = match c {
            'à'..='ÿ' => Some(c),
            'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 0x20),
            _ => None,
        };
        if let Some(l) = latin1 {
            let len = l.len_utf8();
            if n + len > buf.len() {
                return None;
            }
            l.encode_utf8(&mut buf[n..n + len]);
            n += len;
            continue;
        }
        for l in c.to_lowercase() {
            let len = l.len_utf8();
            if n + len > buf.len() {
                return None;
            }
            l.encode_utf8(&mut buf[n..n + len]);
            n += len;
        }
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// Lower-case words that announce events.
const FUTURE_CUES: &[&str] = &[
    "sera", "seront", "serai", "serons", "aura", "auront", "ira", "iront", "fera", "feront", "devrait", "devraient", "doit",
    "doivent", "prévu", "prévue", "prévus", "prévoit", "prévoient", "compte", "va", "vont", "will", "shall", "ll",
    "tomorrow", "demain", "prochain", "prochaine", "expected", "plans", "scheduled", "due", "upcoming", "pourrait",
    "pourraient", "attendu", "attendue", "would", "could", "might", "planned", "slated", "must", "expect", "expects", "hopes", "aims", "intends",
];

/// Lower-case words that report events.
const PAST_CUES: &[&str] = &[
    "a", "ont", "avait", "avaient", "est", "sont", "était", "étaient", "fut", "furent", "eu", "été", "hier", "dernier",
    "dernière", "said", "was", "were", "had", "did", "met", "told", "went", "came", "announced", "yesterday", "last", "ago",
    "déclaré", "annoncé", "rapporté", "since", "depuis", "began", "took", "made", "gave", "left", "won", "lost", "fell", "rose",
    "became", "sent", "spoke", "wrote", "led", "paid", "struck", "saw",
];

/// [`FUTURE_CUES`] and [`PAST_CUES`] by word: one hash per word of a clause instead of
/// a comparison with each cue.
static CUE_WORDS: LazyLock<FxHashMap<&'static [u8], Tense>> = LazyLock::new(|| {
    let cues = |words: &'static [&'static str], tense| words.iter().map(move |w| (w.as_bytes(), tense));
    cues(PAST_CUES, Tense::Past).chain(cues(FUTURE_CUES, Tense::Future)).collect()
});

/// The longest cue word, in bytes: longer words need no look-up.
const LONGEST_CUE: usize = 10;

/// Tense cue of one lower-case word.
fn lowercase_word_tense(w: &str) -> Tense {
    cue_tense(w.rsplit(['\'', '’']).next().unwrap_or(w).as_bytes())
}

/// Tense cue of one lower-case word without apostrophes, as UTF-8 bytes.
fn cue_tense(w: &[u8]) -> Tense {
    if w.len() <= LONGEST_CUE
        && may_be_cue_word(w)
        && let Some(&tense) = CUE_WORDS.get(w)
    {
        return tense;
    }
    // French simple future and conditional endings: rendra, arriveront, poursuivra,
    // se tiendrait (but `aurait`, `serait`: the hearsay of past events).
    let chars = || w.iter().filter(|&&b| !is_utf8_continuation(b)).count();
    if [&b"ra"[..], b"ront", b"rons", b"rez", b"rai", b"rait", b"raient"].iter().any(|e| w.ends_with(e))
        && chars() >= 5
        && !NOT_FUTURE_ENDINGS.iter().any(|x| x.as_bytes() == w)
    {
        return Tense::Future;
    }
    // English past participles and preterites.
    if w.ends_with(b"ed") && w.is_ascii() && w.len() >= 5 {
        return Tense::Past;
    }
    Tense::Unknown
}

/// Words that end like a French future or conditional and are none.
const NOT_FUTURE_ENDINGS: &[&str] = &[
    "caméra", "opéra", "extra", "ultra", "contra", "sahara", "cobra", "tiara", "zebra", "mantra", "sutra", "vera", "aurait",
    "auraient", "serait", "seraient", "trait", "portrait", "retrait", "extrait", "attrait", "abstrait", "distrait",
    "parait", "apparait", "disparait", "connait",
];

/// Whether `b` continues a UTF-8 sequence rather than starting a character.
fn is_utf8_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// The calendar value of an expression against the article's date, or `None` when
/// the text cannot place it.
pub fn resolve(temporal: Temporal, tense: Tense, anchor: Option<NaiveDate>) -> Option<String> {
    match temporal {
        Temporal::Full { year, month, day } => Some(format!("{year:04}-{month:02}-{day:02}")),
        Temporal::MonthYear { year, month } => Some(format!("{year:04}-{month:02}")),
        Temporal::Year { year } => Some(format!("{year:04}")),
        Temporal::DayMonth { month, day } => match anchor {
            Some(_) => resolve_day(temporal, tense, anchor).map(|d| d.format("%Y-%m-%d").to_string()),
            None => Some(format!("XXXX-{month:02}-{day:02}")),
        },
        Temporal::Month { month, shift } => {
            let a = anchor?;
            let year = month_year_for(a, month, shift, tense);
            Some(format!("{year:04}-{month:02}"))
        }
        Temporal::Weekday { .. } | Temporal::Day(_) => resolve_day(temporal, tense, anchor).map(|d| d.format("%Y-%m-%d").to_string()),
        Temporal::Week(n) => {
            let a = anchor?;
            let d = if n >= 0 { a.checked_add_days(Days::new(7 * n as u64)) } else { a.checked_sub_days(Days::new(7 * n.unsigned_abs() as u64)) }?;
            let w = d.iso_week();
            Some(format!("{:04}-W{:02}", w.year(), w.week()))
        }
        Temporal::MonthOffset(n) => {
            let a = anchor?.with_day(1)?;
            let d = if n >= 0 { a.checked_add_months(Months::new(n as u32)) } else { a.checked_sub_months(Months::new(n.unsigned_abs())) }?;
            Some(d.format("%Y-%m").to_string())
        }
        Temporal::YearOffset(n) => {
            let a = anchor?;
            Some(format!("{:04}", a.year() + n))
        }
    }
}

/// The day that an expression of one day (a full date, a day and month, a weekday, a
/// day counted from the article's) stands for against `anchor`, as a date: what
/// [`resolve`] writes as `YYYY-MM-DD`. `None` for the other expressions, for a date
/// that does not exist (`31 février 2024`) and, but for a full date, without `anchor`.
pub fn resolve_day(temporal: Temporal, tense: Tense, anchor: Option<NaiveDate>) -> Option<NaiveDate> {
    match temporal {
        Temporal::Full { year, month, day } => NaiveDate::from_ymd_opt(year, month, day),
        Temporal::DayMonth { month, day } => day_month_date(anchor?, month, day, tense),
        Temporal::Weekday { weekday, shift } => Some(weekday_date(anchor?, weekday, shift, tense)),
        Temporal::Day(n) => {
            let a = anchor?;
            if n >= 0 { a.checked_add_days(Days::new(n as u64)) } else { a.checked_sub_days(Days::new(n.unsigned_abs() as u64)) }
        }
        _ => None,
    }
}

/// The `day month` of a reported event (the last one up to the anchor) or of an
/// announced one (the next one from it), when that one lies within
/// [`TENSE_DAY_MONTH_REACH`] of the anchor; otherwise the one closest to the anchor.
/// (`depuis le 7 octobre` in May is the October before; `le 18 juin` the day after the
/// anchor stays the coming one whatever a verb far off says.)
fn day_month_date(anchor: NaiveDate, month: u32, day: u32, tense: Tense) -> Option<NaiveDate> {
    let candidates = || (anchor.year() - 1..=anchor.year() + 1).filter_map(|y| NaiveDate::from_ymd_opt(y, month, day));
    let by_tense = match tense {
        Tense::Past => candidates().filter(|d| *d <= anchor).max(),
        Tense::Future => candidates().filter(|d| *d >= anchor).min(),
        Tense::Unknown => None,
    };
    by_tense
        .filter(|d| (*d - anchor).num_days().abs() <= TENSE_DAY_MONTH_REACH)
        .or_else(|| candidates().min_by_key(|d| (*d - anchor).num_days().abs()))
}

/// How far, in days, the tense may place a `day month` from the anchor: about ten months.
const TENSE_DAY_MONTH_REACH: i64 = 300;

/// The year of a bare month: the one before or after the anchor by tense and shift.
fn month_year_for(anchor: NaiveDate, month: u32, shift: i8, tense: Tense) -> i32 {
    let this = anchor.month();
    let forward = match (shift, tense) {
        (1, _) => true,
        (-1, _) => false,
        (_, Tense::Future) => true,
        (_, Tense::Past) => false,
        // No cue either way: the nearer one, the one before at equal distances.
        (_, Tense::Unknown) => (month + 12 - this) % 12 < (this + 12 - month) % 12,
    };
    if month == this && shift == 0 {
        anchor.year()
    } else if forward {
        if month > this { anchor.year() } else { anchor.year() + 1 }
    } else if month < this {
        anchor.year()
    } else {
        anchor.year() - 1
    }
}

/// The date of a bare weekday: the anchor itself when it is that day, otherwise the
/// previous one for reported events, the next one for announced events, and the nearer
/// one without a cue.
fn weekday_date(anchor: NaiveDate, weekday: Weekday, shift: i8, tense: Tense) -> NaiveDate {
    let from = anchor.weekday().num_days_from_monday() as i64;
    let to = weekday.num_days_from_monday() as i64;
    let back = (from - to).rem_euclid(7);
    let ahead = (to - from).rem_euclid(7);
    let offset = match (shift, tense) {
        (-1, _) => -(if back == 0 { 7 } else { back }),
        (1, _) => if ahead == 0 { 7 } else { ahead },
        _ if back == 0 => 0,
        (_, Tense::Future) => ahead,
        // No cue either way: the nearer one, the one before at equal distances (news
        // writes the coming days in the present: `le président se rend jeudi à Berlin`).
        (_, Tense::Unknown) if ahead < back => ahead,
        _ => -back,
    };
    anchor + chrono::Duration::days(offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_day_is_the_day_that_resolve_writes() {
        let anchor = NaiveDate::from_ymd_opt(2024, 6, 18);
        let one_day = [
            Temporal::Full { year: 2024, month: 2, day: 29 },
            Temporal::Full { year: 2023, month: 2, day: 29 },
            Temporal::DayMonth { month: 6, day: 20 },
            Temporal::DayMonth { month: 1, day: 2 },
            Temporal::DayMonth { month: 2, day: 30 },
            Temporal::Weekday { weekday: Weekday::Fri, shift: 0 },
            Temporal::Weekday { weekday: Weekday::Mon, shift: -1 },
            Temporal::Day(-1),
            Temporal::Day(2),
        ];
        for temporal in one_day {
            for tense in [Tense::Past, Tense::Future, Tense::Unknown] {
                let written = resolve(temporal, tense, anchor).and_then(|v| NaiveDate::parse_from_str(&v, "%Y-%m-%d").ok());
                assert_eq!(resolve_day(temporal, tense, anchor), written, "{temporal:?} {tense:?}");
            }
        }
        for other in [Temporal::Year { year: 2024 }, Temporal::Month { month: 6, shift: 0 }, Temporal::Week(1), Temporal::MonthYear { year: 2024, month: 6 }] {
            assert_eq!(resolve_day(other, Tense::Unknown, anchor), None);
        }
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// (surface, value) of every expression in `text`, resolved against `anchor`.
    fn values(text: &str, anchor: Option<NaiveDate>) -> Vec<(String, Option<String>)> {
        find(text)
            .into_iter()
            .map(|e| (text[e.start..e.end].to_string(), resolve(e.temporal, e.tense, anchor)))
            .collect()
    }

    fn v(s: &str, val: &str) -> (String, Option<String>) {
        (s.to_string(), Some(val.to_string()))
    }

    #[test]
    fn absolute_dates_french_and_english() {
        let a = Some(d(2024, 6, 20));
        assert_eq!(values("Le sommet du 18 juin 2024 a eu lieu.", a), [v("18 juin 2024", "2024-06-18")]);
        assert_eq!(values("Publié le 18/06/2024.", a), [v("18/06/2024", "2024-06-18")]);
        assert_eq!(values("Updated 2024-06-18.", a), [v("2024-06-18", "2024-06-18")]);
        assert_eq!(values("It was signed on June 18, 2024.", a), [v("June 18, 2024", "2024-06-18")]);
        // Abbreviated months, with or without a point.
        assert_eq!(values("TOKYO, Dec 20, 2023 (Reuters) -", a), [v("Dec 20, 2023", "2023-12-20")]);
        assert_eq!(values("signed on Sept. 12, 2023 and Oct 1, 2023", a), [v("Sept. 12, 2023", "2023-09-12"), v("Oct 1, 2023", "2023-10-01")]);
        assert_eq!(values("Tuesday, May 7, 2024", a), [v("Tuesday, May 7, 2024", "2024-05-07")]);
        assert_eq!(values("la crise de juillet 2000 et de septembre 2023", a), [v("juillet 2000", "2000-07"), v("septembre 2023", "2023-09")]);
    }

    #[test]
    fn years_need_a_dating_context() {
        let a = Some(d(2024, 6, 20));
        assert_eq!(values("Il est en poste depuis 2006 et en 2019 il a été réélu.", a), [v("2006", "2006"), v("2019", "2019")]);
        assert_eq!(values("la guerre de 1950 à 1953", a), [v("1950", "1950"), v("1953", "1953")]);
        assert_eq!(values("between 2019 and 2021, prices rose", a), [v("2019", "2019"), v("2021", "2021")]);
        assert!(values("Il y avait 2000 soldats et 10 2000 obus.", a).is_empty());
        assert!(values("un budget de 2 000 euros, soit 1 500 de plus", a).is_empty());
    }

    #[test]
    fn day_lists_give_one_mention_per_day() {
        let a = Some(d(2024, 6, 17));
        assert_eq!(values("demain et après-demain (18 et 19 juin)", a), [
            v("demain", "2024-06-18"),
            v("après-demain", "2024-06-19"),
            v("18", "2024-06-18"),
            v("19 juin", "2024-06-19")
        ]);
        assert_eq!(values("on June 18 and 19", a), [v("June 18", "2024-06-18"), v("19", "2024-06-19")]);
    }

    #[test]
    fn a_day_and_month_follow_the_tense_within_ten_months() {
        let may = Some(d(2024, 5, 14));
        assert_eq!(values("Il est en visite dans la région depuis le 7 octobre.", may), [v("7 octobre", "2023-10-07")]);
        assert_eq!(values("Les élections auront lieu le 7 octobre.", may), [v("7 octobre", "2024-10-07")]);
        assert_eq!(values("Le sommet du 7 octobre.", may), [v("7 octobre", "2024-10-07")]);
        assert_eq!(values("Il a annoncé que le sommet se tiendrait le 15 mai.", may), [v("15 mai", "2024-05-15")]);
        // Ten months back for a past event; the day after the article's, whatever a verb says: the coming one.
        assert_eq!(values("Les discussions ont commencé le 12 septembre.", Some(d(2024, 6, 20))), [v("12 septembre", "2023-09-12")]);
        assert_eq!(values("The talks began on Sept. 12.", Some(d(2024, 6, 20))), [v("Sept. 12", "2023-09-12")]);
        // A verb outside the date's clause does not move it.
        let feb = Some(d(2024, 2, 25));
        assert_eq!(values("Mbappé, dont le contrat expire le 30 juin, n'a pas annoncé son avenir.", feb), [v("30 juin", "2024-06-30")]);
        assert_eq!(values("Il a dit que le sommet aurait lieu le 15 mai.", may), [v("15 mai", "2024-05-15")]);
    }

    #[test]
    fn weekdays_follow_the_tense() {
        // Tuesday 18 June 2024
        let a = Some(d(2024, 6, 18));
        assert_eq!(values("La Maison Blanche a déclaré lundi que", a), [v("lundi", "2024-06-17")]);
        assert_eq!(values("Il arrivera jeudi soir.", a), [v("jeudi soir", "2024-06-20")]);
        assert_eq!(values("Il est arrivé mardi matin.", a), [v("mardi matin", "2024-06-18")]);
        assert_eq!(values("The minister said on Friday that", a), [v("Friday", "2024-06-14")]);
        assert_eq!(values("They will meet next Monday.", a), [v("next Monday", "2024-06-24")]);
        // Reported speech: what was said to come comes after the article's date.
        assert_eq!(values("A spokesman said talks would resume in December.", Some(d(2023, 11, 16))), [v("December", "2023-12")]);
        assert_eq!(values("He said they could meet on Friday.", a), [v("Friday", "2024-06-21")]);
        assert_eq!(values("The law could not take effect on Friday as planned.", a), [v("Friday", "2024-06-21")]);
        assert_eq!(values("The ministers must meet again on Monday.", a), [v("Monday", "2024-06-24")]);
        assert_eq!(values("Selon lui, la réunion se tiendrait vendredi.", a), [v("vendredi", "2024-06-21")]);
        assert_eq!(values("Le ministre aurait été reçu jeudi par le président.", a), [v("jeudi", "2024-06-13")]);
        // What comes after `that`/`que` was said then; it does not date the expression.
        assert_eq!(values("The chief told analysts on Wednesday that demand would stay strong.", a), [v("Wednesday", "2024-06-12")]);
        assert_eq!(values("Le ministre a indiqué lundi qu'il se rendra à Lyon.", a), [v("lundi", "2024-06-17")]);
        assert_eq!(values("The firm said that it would cut jobs on Friday.", a), [v("Friday", "2024-06-21")]);
        // "since", "depuis": what started before.
        assert_eq!(values("Rates are expected to fall, having stayed high since August.", a), [v("August", "2023-08")]);
        assert_eq!(values("Il devrait partir, après être resté à Paris depuis lundi.", a), [v("lundi", "2024-06-17")]);
        // "lundi" when the article date is a Sunday points back six days for a past event
        assert_eq!(values("Il a parlé lundi.", Some(d(2024, 6, 23))), [v("lundi", "2024-06-17")]);
    }

    #[test]
    fn prepositions_that_look_ahead_point_forward_without_a_cue() {
        // Wednesday 12 February 2025
        let a = Some(d(2025, 2, 12));
        assert_eq!(values("Les voyageurs peuvent échanger leur billet jusqu'à dimanche.", a), [v("dimanche", "2025-02-16")]);
        assert_eq!(values("The exhibition runs until Sunday.", a), [v("Sunday", "2025-02-16")]);
        assert_eq!(values("La mesure s'applique dès lundi.", a), [v("lundi", "2025-02-17")]);
        assert_eq!(values("Les inscriptions restent ouvertes d'ici à juin.", a), [v("juin", "2025-06")]);
        assert_eq!(values("Le musée reste ouvert jusqu’au 3 mars.", a), [v("3 mars", "2025-03-03")]);
        // A cue decides: what lasted until a day is over.
        assert_eq!(values("Il est resté jusqu'à dimanche.", a), [v("dimanche", "2025-02-09")]);
        assert_eq!(values("The talks lasted until Sunday.", a), [v("Sunday", "2025-02-09")]);
    }

    #[test]
    fn in_english_a_is_the_article_not_the_french_auxiliary() {
        let a = Some(d(2024, 6, 12));
        assert_eq!(values("They will sign a deal on Friday, the officials said.", a), [v("Friday", "2024-06-14")]);
        assert_eq!(values("The two sides expect a deal by mid-July, the minister said.", a), [v("July", "2024-07")]);
        assert_eq!(values("The company signed a deal on Friday.", a), [v("Friday", "2024-06-07")]);
        assert_eq!(values("Le ministre a signé un accord vendredi.", a), [v("vendredi", "2024-06-07")]);
        assert!(reads_as_english("The minister said the talks will resume and the deal is close."));
        assert!(!reads_as_english("Le ministre a dit que les discussions reprendront et que la signature est proche."));
    }

    #[test]
    fn a_weekday_without_a_cue_is_the_nearer_one() {
        // Tuesday 10 September 2024
        let a = Some(d(2024, 9, 10));
        assert_eq!(values("Prime Minister's Questions resumes on Wednesday.", a), [v("Wednesday", "2024-09-11")]);
        assert_eq!(values("Le président se rend jeudi à Berlin.", a), [v("jeudi", "2024-09-12")]);
        assert_eq!(values("Un bilan du dimanche.", a), [v("dimanche", "2024-09-08")]);
        // A cue decides.
        assert_eq!(values("Il a parlé mercredi.", a), [v("mercredi", "2024-09-04")]);
    }

    #[test]
    fn a_month_without_a_cue_is_the_nearer_one() {
        let june = Some(d(2024, 6, 12));
        assert_eq!(values("Elections are in November.", june), [v("November", "2024-11")]);
        assert_eq!(values("La rentrée en septembre.", june), [v("septembre", "2024-09")]);
        assert_eq!(values("Un bilan établi en février.", june), [v("février", "2024-02")]);
        // Six months either way: the one before.
        assert_eq!(values("Un bilan établi en décembre.", june), [v("décembre", "2023-12")]);
    }

    #[test]
    fn relative_and_fronted_clauses() {
        // A relative clause is not dated by the main verb of its sentence.
        let june = Some(d(2024, 6, 12));
        assert_eq!(values("Biden, who faces Trump in November, has avoided commenting.", june), [v("November", "2024-11")]);
        assert_eq!(values("Le maire, qui quittera ses fonctions en septembre, a présenté son bilan.", june), [v("septembre", "2024-09")]);
        assert_eq!(values("The minister, who resigned in March, will stand again.", june), [v("March", "2024-03")]);
        // A date alone before a comma at a sentence's start is dated by the sentence.
        let may = Some(d(2024, 5, 14));
        assert_eq!(values("Le 7 octobre, le Hamas a attaqué Israël.", may), [v("7 octobre", "2023-10-07")]);
        assert_eq!(values("On October 7, Hamas attacked Israel.", may), [v("October 7", "2023-10-07")]);
        assert_eq!(values("Le 3 juin, le ministre sera à Lyon.", may), [v("3 juin", "2024-06-03")]);
    }

    #[test]
    fn relative_periods_and_year_boundaries() {
        let a = Some(d(2024, 1, 2));
        assert_eq!(values("l'année dernière", a), [v("l'année dernière", "2023")]);
        assert_eq!(values("l’an dernier et le mois dernier", a), [v("l’an dernier", "2023"), v("le mois dernier", "2023-12")]);
        assert_eq!(values("le mois prochain", a), [v("le mois prochain", "2024-02")]);
        // `passé` ends in a non-ASCII letter.
        assert_eq!(values("l'an passé, le mois passé et la semaine passée", a), [v("l'an passé", "2023"), v("le mois passé", "2023-12"), v("la semaine passée", "2023-W52")]);
        assert_eq!(values("hier", a), [v("hier", "2024-01-01")]);
        assert_eq!(values("Il a parlé ce matin.", a), [v("ce matin", "2024-01-02")]);
        assert_eq!(values("She spoke this morning.", a), [v("this morning", "2024-01-02")]);
        assert_eq!(values("cette année", a), [v("cette année", "2024")]);
        assert_eq!(values("il y a deux ans", a), [v("il y a deux ans", "2022")]);
        assert_eq!(values("three years ago", a), [v("three years ago", "2021")]);
        assert_eq!(values("last year and next month", a), [v("last year", "2023"), v("next month", "2024-02")]);
        assert_eq!(values("la semaine prochaine", a), [v("la semaine prochaine", "2024-W02")]);
    }

    #[test]
    fn leap_day_and_months_alone() {
        let a = Some(d(2024, 2, 29));
        assert_eq!(values("demain", a), [v("demain", "2024-03-01")]);
        assert_eq!(values("le 29 février", Some(d(2024, 3, 5))), [v("29 février", "2024-02-29")]);
        let a = Some(d(2024, 6, 18));
        assert_eq!(values("Il a utilisé son veto en mars.", a), [v("mars", "2024-03")]);
        assert_eq!(values("Kim s'est rendu en Russie en septembre.", a), [v("septembre", "2023-09")]);
        assert_eq!(values("Les élections auront lieu en novembre.", a), [v("novembre", "2024-11")]);
    }

    #[test]
    fn no_article_date_gives_no_made_up_year() {
        assert_eq!(values("Il arrive mardi, le 18 juin, pas hier.", None), [
            ("mardi".to_string(), None),
            v("18 juin", "XXXX-06-18"),
            ("hier".to_string(), None)
        ]);
    }

    #[test]
    fn durations_and_times_are_not_dates() {
        let a = Some(d(2024, 6, 18));
        assert!(values("pour son premier voyage en 24 ans, durant 18 mois, à 10 h 30", a).is_empty());
        assert!(values("Au cours de ses douze années au pouvoir", a).is_empty());
    }

    /// The tense cue of a word as the original `match` over the cue words gave it.
    fn reference_word_tense(word: &str) -> Tense {
        let w = word.to_lowercase();
        let w = w.rsplit(['\'', '’']).next().unwrap_or(&w);
        match w {
            "sera" | "seront" | "serai" | "serons" | "aura" | "auront" | "ira" | "iront" | "fera" | "feront" | "devrait"
            | "devraient" | "doit" | "doivent" | "prévu" | "prévue" | "prévus" | "prévoit" | "prévoient" | "compte" | "va"
            | "vont" | "will" | "shall" | "ll" | "tomorrow" | "demain" | "prochain" | "prochaine" | "expected" | "plans"
            | "scheduled" | "due" | "upcoming" | "pourrait" | "pourraient" | "attendu" | "attendue" | "would" | "could" | "might" | "planned" | "slated" | "must" | "expect" | "expects" | "hopes" | "aims" | "intends" => {
                return Tense::Future;
            }
            "a" | "ont" | "avait" | "avaient" | "est" | "sont" | "était" | "étaient" | "fut" | "furent" | "eu" | "été"
            | "hier" | "dernier" | "dernière" | "said" | "was" | "were" | "had" | "did" | "met" | "told" | "went" | "came"
            | "announced" | "yesterday" | "last" | "ago" | "déclaré" | "annoncé" | "rapporté" | "since" | "depuis" | "began" | "took"
            | "made" | "gave" | "left" | "won" | "lost" | "fell" | "rose" | "became" | "sent" | "spoke" | "wrote" | "led" | "paid"
            | "struck" | "saw" => return Tense::Past,
            _ => {}
        }
        let chars = w.chars().count();
        if chars >= 5
            && ["ra", "ront", "rons", "rez", "rai", "rait", "raient"].iter().any(|e| w.ends_with(e))
            && ![
                "caméra", "opéra", "extra", "ultra", "contra", "sahara", "cobra", "tiara", "zebra", "mantra", "sutra", "vera",
                "aurait", "auraient", "serait", "seraient", "trait", "portrait", "retrait", "extrait", "attrait",
                "abstrait", "distrait", "parait", "apparait", "disparait", "connait",
            ]
            .contains(&w)
        {
            return Tense::Future;
        }
        if chars >= 5 && w.ends_with("ed") && w.is_ascii() {
            return Tense::Past;
        }
        Tense::Unknown
    }

    #[test]
    fn lowercase_into_writes_what_to_lowercase_gives() {
        for c in ('\u{0}'..='\u{2FF}').chain(['ẞ', 'İ', 'Ω', 'K', 'ſ', 'Ꭰ']) {
            let word = format!("a{c}Z{c}");
            let mut buf = [0u8; 64];
            match lowercase_into(&word, &mut buf) {
                Some(lower) => assert_eq!(lower, word.to_lowercase(), "{c:?}"),
                None => assert_eq!(c, 'Σ'),
            }
        }
        let mut small = [0u8; 3];
        assert_eq!(lowercase_into("éé", &mut small), None);
    }

    #[test]
    fn word_tense_matches_the_list_of_cues() {
        assert_eq!(LONGEST_CUE, FUTURE_CUES.iter().chain(PAST_CUES).map(|w| w.len()).max().unwrap());
        let mut words: Vec<String> = Vec::new();
        for w in FUTURE_CUES.iter().chain(PAST_CUES) {
            words.extend([w.to_string(), w.to_uppercase(), format!("l'{w}"), format!("qu’{}", w.to_uppercase()), format!("{w}s")]);
        }
        for w in [
            "rendra", "Arriveront", "POURSUIVRA", "irons", "ferez", "serai", "caméra", "CAMÉRA", "Opéra", "extra", "vera",
            "cobras", "zra", "éra", "étéra", "walked", "WALKED", "fed", "bed", "ébed", "naïved", "l'ed", "it'll", "IT’LL",
            "ΣΑΣ", "ΣEED", "ΣΑra", "POURSUIVRONT", "accompagnerez", "Accompagnerai", "Poursuivrons", "Accompagnera",
            "accompagneras", "Transformed", "transformeD", "extraordinaire", "d'accompagnera", "l'aaaaaaaaaaed", "İra", "KELVIN", "\u{212A}ed", "ſera", "prévuS", "PRÉVOIENT", "x'y'sera", "",
            "'", "’", "a'", "dernièrement", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaed",
            "ÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉra", "tiendrait", "rencontreraient", "RENCONTRERAIT", "Autoportrait",
            "aurait", "SERAIENT", "portrait", "présenteraient", "trait", "rait", "xraient", "disparaît", "connaît",
        ] {
            words.push(w.to_string());
        }
        for w in &words {
            assert_eq!(word_tense(w), reference_word_tense(w), "{w:?}");
        }
    }

    /// Texts where the date rules find much, little or nearly nothing.
    const TRICKY_TEXTS: &[&str] = &[
        "Le sommet du 18 juin 2024 a eu lieu. Publié le 18/06/2024. Updated 2024-06-18. It was signed on June 18, 2024.",
        "Tuesday, May 7, 2024 la crise de juillet 2000 et de septembre 2023, en 2019, depuis 2006, de 1950 à 1953",
        "demain et après-demain (18 et 19 juin) on June 18 and 19 the 18th of June, 3rd and 4th July 2021",
        "La Maison Blanche a déclaré lundi que. Il arrivera jeudi soir. The minister said on Friday that next Monday",
        "l'année dernière, l’an dernier et le mois dernier, le mois prochain, ce mois-ci, CETTE ANNÉE, la semaine passée",
        "il y a deux ans, IL Y A 3 MOIS, three years ago, a few weeks ago, dans deux semaines, DANS 10 JOURS, dans un an",
        "last year and next month, this week, Last Week, This Year, l’année prochaine, l'an passé, la semaine en cours",
        "Le 12.03.2021, 1/2/2020, 31.12.1999 à 10h30, COVID-19 en 2020-2021, 2024-13-01, 2024-02-30, 12/25/2023",
        "hier, aujourd’hui, demain matin, ce soir, cette nuit, this morning, tomorrow evening, the day after tomorrow",
        "Le mardi 18 et mercredi 19 juin, du 1er au 3 mars, le 1re juin, Mar. 5, Sept. 2020, déc. 2019, févr. 2022",
        "la semaine suivante, le mois précédent, en septembre dernier, fin mars, mi-avril, jusqu’en mai, début 2025",
        "dans deux mois il y a longtemps: Dans La Semaine. Il Y A Deux Jours, il y avril, il y août, IL Y ANNÉE",
        "danſ deux moiſ, il y a deux anſ, ceſte ſemaine, la ſemaine prochaine, le \u{212A} 2020, ſept 2021",
        "DERNIÈRE fois, L'ANNÉE DERNIÈRE, LE MOIS PASSÉ, La Semaine Prochaine, cette semaine-ci, l’an prochain",
        "18  \t juin\u{a0}2024, 18\njuin, June\n\n1, 2020\u{202f}000 euros, 10 2000 obus, 2 000 000, 2024,5 %",
        "Les 2000 soldats, en 2000 soldats, 1999 fut, 2100 à, 2101 et, 1499 ou 1500. (1914–1918) — 1789 : la",
        "un jour de la semaine, trois mois plus tard, en an 2000, an 1, mois 12, année 2023, years 2020 and 2021",
        "le 1er   mars, 18\u{a0}juin, 18\u{202f}Juin, 3 morts et 18 JUIN, 1re\tjanvier, 12 000 soldats, 1ER AVRIL, 2 Décembre",
        "MARS 2020, AOÛT 2021, aoÛt 1999, août\u{a0}2000, févr. 2022, en 2019, juin\n2020, Juillet  1789, JANV. 2001, mai 2100",
        "dans  deux   semaines, dans a hundred jours, dans a few weeks, DANS 10 JOURS, dansé deux jours, dans un an, dans la semaine",
        "dans\u{a0}trois\u{a0}mois, Dans Deux Ans, dans vingt années, dans 3 semaine, dans\ndeux jours, dans deux\njours, dans dix jours-là",
        "Lundi soir, MARDI  matin, mercredi\u{a0}après-midi, jeudi APRÈS-MIDI, vendredi apres-midi, samedi midi, dimanche soirée",
        "lundi dernier, mardi prochain, xlundi, lundix, élundi, lundi_, _mardi, 3jeudi, jeudi\nsoir, vendredi \n soir, lundi soir",
        "samedi\u{2003}Prochain, dimanche matinal, mardis, Mercredi-soir, jeudi\tDERNIER, vendredi ſoir, lundi\u{202f}midi. mardi",
    ];

    #[test]
    fn gates_skip_only_windows_without_expressions() {
        for text in TRICKY_TEXTS {
            assert_eq!(find_gated(text, true), find_gated(text, false), "{text}");
            // Each sentence alone: fewer windows, each near a text edge.
            for sentence in text.split(['.', ',']) {
                assert_eq!(find_gated(sentence, true), find_gated(sentence, false), "{sentence}");
            }
        }
    }

    #[test]
    fn the_weekday_reader_knows_the_words_of_the_pattern() {
        for ((name, _), di) in FRENCH_WEEKDAYS.iter().zip(DI_IN_WEEKDAY) {
            assert_eq!(name.match_indices("di").map(|(k, _)| k).collect::<Vec<_>>(), [di], "{name}");
        }
        let names: Vec<&str> = FRENCH_WEEKDAYS.iter().map(|(name, _)| *name).collect();
        assert_eq!(names.join("|"), WEEKDAYS_FR);
        for (name, weekday) in FRENCH_WEEKDAYS {
            assert_eq!(weekday_of(name), Some(weekday));
        }
        let after: Vec<&str> = FRENCH_WEEKDAY_AFTER.iter().map(|(word, _)| *word).collect();
        assert!(RULES.iter().any(|rule| rule.by_hand.is_some() && rule.re.as_str().contains(&format!("(?:(?-i:[^\\S\\n])+({}))?", after.join("|")))));
    }

    proptest::proptest! {
        #[test]
        fn the_weekday_reader_finds_what_the_pattern_finds_in_random_texts(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "lundi", "LUNDI", "Mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "soir", "SOIRÉE", "matin",
                "après-midi", "APRÈS-MIDI", "apres-midi", "midi", "dernier", "Prochain", "prochaine", "x", "é", "_", "3", " ", "  ",
                "\u{a0}", "\u{2003}", "\t", "\n", ",", ".", "-", "18 juin",
            ][..]), 0..24)
        ) {
            let text = pieces.concat();
            proptest::prop_assert_eq!(find_gated(&text, true), find_gated(&text, false), "{}", text);
        }
    }

    #[test]
    fn every_french_month_passes_the_month_gates() {
        // The gates list the month names' first letters and endings by hand: a name added
        // to MONTHS_FR must pass them too.
        for month in MONTHS_FR.split('|').map(|m| m.replace("\\.", ".")) {
            for month in [month.clone(), month.to_uppercase()] {
                let lower = |s: String| s.to_ascii_lowercase();
                assert!(day_before_month_fr(&lower(format!("le 18 {month}"))), "{month}");
                assert!(month_before_year_fr(&lower(format!("en {month} 2020"))), "{month}");
            }
        }
    }

    #[test]
    fn the_expressions_that_read_no_tense_resolve_alike_in_every_tense() {
        let temporals = [
            Temporal::Full { year: 2024, month: 6, day: 18 },
            Temporal::MonthYear { year: 2024, month: 6 },
            Temporal::Year { year: 2019 },
            Temporal::Day(-2),
            Temporal::Week(1),
            Temporal::MonthOffset(-1),
            Temporal::YearOffset(3),
        ]
        .into_iter()
        .chain((1..=12).flat_map(|month| [-1, 0, 1].map(|shift| Temporal::Month { month, shift })))
        .chain([Weekday::Mon, Weekday::Wed, Weekday::Sun].into_iter().flat_map(|weekday| [-1, 0, 1].map(|shift| Temporal::Weekday { weekday, shift })));
        let anchors = [None, Some(d(2024, 6, 18)), Some(d(2024, 1, 1)), Some(d(2023, 12, 31)), Some(d(2024, 2, 29))];
        for temporal in temporals.filter(|&t| !reads_tense(t)) {
            for anchor in anchors {
                let unknown = resolve(temporal, Tense::Unknown, anchor);
                for tense in [Tense::Past, Tense::Future] {
                    assert_eq!(resolve(temporal, tense, anchor), unknown, "{temporal:?} {anchor:?}");
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn gates_skip_only_windows_without_expressions_in_random_texts(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "dans", "DANS", "deux", "a hundred", "a few", "a", "un", "an", "ans", "années", "ANNÉES", "mois", "semaine", "jours",
                "1er", "1re", "18", "3", "2020", "1999", "12 000", "juin", "Juin", "AOÛT", "août", "aout", "févr.", "mars", "déc.",
                "janvier", "le", "en", "et", "au", "x", "é", " ", "  ", "\u{a0}", "\u{202f}", "\t", "\n", ",", ".", "-",
            ][..]), 0..24)
        ) {
            let text = pieces.concat();
            proptest::prop_assert_eq!(find_gated(&text, true), find_gated(&text, false), "{}", text);
        }
    }

    #[test]
    fn case_insensitive_letters_of_the_gates_match_nothing_beyond_ascii_but_s_and_k() {
        for letter in 'a'..='z' {
            let re = Regex::new(&format!("(?i)^{letter}$")).unwrap();
            let beyond: Vec<char> = ('\u{80}'..=char::MAX).filter(|c| re.is_match(c.encode_utf8(&mut [0; 4]))).collect();
            match letter {
                's' => assert_eq!(beyond, ['ſ']),
                'k' => assert_eq!(beyond, ['\u{212A}']),
                _ => assert!(beyond.is_empty(), "{letter}: {beyond:?}"),
            }
        }
    }

    /// The whole-word matches of the trigger automaton over the whole text, as
    /// [`trigger_hits`] was first written.
    fn reference_trigger_hits(text: &str) -> Vec<(usize, usize, usize)> {
        TRIGGER_AUTOMATON
            .find_iter(text)
            .filter(|m| is_whole_word(text, m.start(), m.end()))
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect()
    }

    /// [`trigger_hits`] of a whole text.
    fn hits_of(text: &str) -> Vec<(usize, usize, usize)> {
        trigger_hits(text, &scan_text(&TRIGGER_TABLE, text.as_bytes()).word_starts)
    }

    /// The maximal runs of ASCII digits, byte by byte.
    fn reference_digit_runs(bytes: &[u8]) -> Vec<(usize, usize)> {
        let mut runs = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i].is_ascii_digit() {
                let start = i;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                runs.push((start, i));
            } else {
                i += 1;
            }
        }
        runs
    }

    #[test]
    fn the_scan_finds_the_digit_runs_a_byte_loop_finds() {
        let extra = ["", "1", "12345678", "1234567", "123456789", "abcdefg1", "abcdefgh12345678", "1a2b3c4d5e6f7g8h9", "é٣4 2024\n2025"];
        for text in TRICKY_TEXTS.iter().chain(&extra) {
            for from in 0..=text.len() {
                let bytes = &text.as_bytes()[from..];
                assert_eq!(scan_text(&TRIGGER_TABLE, bytes).digit_runs, reference_digit_runs(bytes), "{text:?} {from}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_scan_finds_the_digit_runs_of_random_texts(text in "([0-9]{1,9}|[a-z]{1,3}| |é|\u{a0}){0,30}") {
            proptest::prop_assert_eq!(scan_text(&TRIGGER_TABLE, text.as_bytes()).digit_runs, reference_digit_runs(text.as_bytes()));
        }
    }

    /// Pieces that make triggers, near misses, and the multi-word triggers that may hide
    /// the word after them.
    const TRIGGER_PIECES: &[&str] = &[
        "il y a", "IL Y A", "Il y", "il", "y", "a", "an", "AN", "n", "vril", "avril", "août", "AOÛT", "ago", "année", "annee",
        "ce matin", "ce soir", "ce", "cette nuit", "this morning", "this", "This Evening", "mars", "mar", "March", "sept",
        "septembre", "dans", "d", "x", "fil", "juil", "juillet", "mai", "mais", "and", " ", "  ", "\n", ",", ".", "'", "’",
        "«", "»", "é", "û", "©", "\u{a0}", "1", "2024", "12345678901", "A320", "s", "ſ", "\u{212A}", "week", "weeks", "year", "today", "hier",
    ];

    #[test]
    fn trigger_hits_are_the_automatons_whole_words() {
        let extra = [
            "il y avril, il y août, xil y avril, avril y avril, juil y avril, Il Y Annee. il y an il y ago fil y a",
            "ce matinée ce matin, this mornings, cette nuit! ce ce matin an.an an-an an’an «an» an\u{a0}an ©an",
            "il y il y avril il y a il y août il y aout il y a il y apr il y aujourd il y a il y a an",
        ];
        for text in TRICKY_TEXTS.iter().chain(&extra) {
            assert_eq!(hits_of(text), reference_trigger_hits(text), "{text}");
            for from in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
                let tail = &text[from..];
                assert_eq!(hits_of(tail), reference_trigger_hits(tail), "{tail}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn trigger_hits_match_the_automaton_on_mixed_pieces(pieces in proptest::collection::vec(0..TRIGGER_PIECES.len(), 0..40)) {
            let text: String = pieces.iter().map(|&i| TRIGGER_PIECES[i]).collect();
            proptest::prop_assert_eq!(hits_of(&text), reference_trigger_hits(&text), "{}", text);
        }
    }

    #[test]
    fn digit_scan_finds_what_a_byte_loop_finds() {
        for text in TRICKY_TEXTS.iter().copied().chain(["", "1", "abcdefgh9", "é٣4", "\u{ff}\u{b9}0", "xxxxxxxxxxxxxxx/:"]) {
            let bytes = text.as_bytes();
            for from in 0..=bytes.len() {
                assert_eq!(next_ascii_digit(bytes, from), (from..bytes.len()).find(|&i| bytes[i].is_ascii_digit()), "{text:?} {from}");
            }
        }
    }

    #[test]
    fn month_and_weekday_names_in_any_case() {
        for w in ["Juin", "JUIN", "août", "AOÛT", "Décembre", "May", "MARS", "Marsa", "ΣΕΠ", "", "LUNDI", "Sunday", "sUnDaY"] {
            let lower = w.to_lowercase();
            let month = matches!(
                lower.as_str(),
                "janvier" | "février" | "fevrier" | "mars" | "avril" | "mai" | "juin" | "juillet" | "août" | "aout"
                    | "septembre" | "octobre" | "novembre" | "décembre" | "decembre" | "january" | "february" | "march"
                    | "april" | "may" | "june" | "july" | "august" | "september" | "october" | "november" | "december"
            );
            assert_eq!(is_month_name(w), month, "{w}");
            assert_eq!(weekday_of(w), weekday_of_lowercase(&lower), "{w}");
        }
        assert_eq!(weekday_of("LUNDI"), Some(Weekday::Mon));
        assert!(is_month_name("AOÛT"));
    }

    /// `tense_at` as first written: the stops found first, then the words between.
    fn reference_tense_at(text: &str, start: usize, end: usize) -> Tense {
        let lo = floor_boundary(text, start.saturating_sub(TENSE_REACH));
        let hi = floor_boundary(text, (end + TENSE_REACH).min(text.len()));
        let (mut from, mut to) = (start, end);
        for level in [Stop::Clause, Stop::Sentence] {
            let (searched_from, searched_to) = (from, to);
            from = last_stop_end(text, lo, searched_from, level).unwrap_or(lo);
            to = first_stop(text, searched_to, hi, level).unwrap_or(hi);
            if level == Stop::Clause {
                to = to.min(first_opener(text, searched_to, to));
            }
            let before = nearest_cue_before(text, from, searched_from);
            let after_limit = before.map_or(usize::MAX, |(w, _)| end + (start - w));
            let after = nearest_cue_after(text, searched_to, to, after_limit);
            if let Some((_, t)) = after.or(before) {
                return t;
            }
        }
        Tense::Unknown
    }

    /// The start of the first word of `text[from..upto]` (words cut at `from`) that
    /// opens a clause, or `upto`.
    fn first_opener(text: &str, from: usize, upto: usize) -> usize {
        let mut at = from;
        for word in text[from..upto].split(|c: char| !is_word_char(c)) {
            if !word.is_empty() && opens_clause(word) {
                return at;
            }
            at += word.len() + text[at + word.len()..].chars().next().map_or(0, char::len_utf8);
        }
        upto
    }

    #[test]
    fn tense_walks_find_what_the_stops_and_words_gave() {
        let extra = [
            "Il a dit qu’il sera là. Ils l'ont annoncé; « elle viendra », ΣΑΣ rendra-t-il? il était—déjà—arrivé",
            "« Nous viendrons » : “il partira” mardi, “lundi” «jeudi» hier; demain\nsera-t-il «prévu»?",
            "x\u{1C000}y sera, a\u{ab}b, c\u{bb}d était, e\u{201c}f\u{201d}g ira",
            "He told them on Wednesday that it would rain; qu'il viendrait mardi que sera THAT will qu’on ira that",
        ];
        for text in TRICKY_TEXTS.iter().chain(&extra) {
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            for (k, &start) in bounds.iter().enumerate() {
                for &end in bounds[k..].iter().take(12) {
                    assert_eq!(tense_at(text, start, end), reference_tense_at(text, start, end), "{text:?} {start} {end}");
                }
            }
        }
        let long = "mot ".repeat(100) + "sera " + &"mot ".repeat(100);
        for start in (0..long.len()).step_by(7) {
            assert_eq!(tense_at(&long, start, start), reference_tense_at(&long, start, start), "{start}");
        }
    }

    /// `nearest_cue_before` as first written, over `char_indices`.
    fn reference_cue_before(text: &str, from: usize, upto: usize) -> Option<(usize, Tense)> {
        let s = &text[from..upto];
        let mut word_end = None;
        for (i, c) in s.char_indices().rev() {
            if is_word_char(c) {
                word_end.get_or_insert(i + c.len_utf8());
            } else if let Some(e) = word_end.take() {
                let w = i + c.len_utf8();
                match word_tense(&s[w..e]) {
                    Tense::Unknown => {}
                    t => return Some((from + w, t)),
                }
            }
        }
        match word_end.map(|e| word_tense(&s[..e])) {
            None | Some(Tense::Unknown) => None,
            Some(t) => Some((from, t)),
        }
    }

    /// `nearest_cue_after` as first written, over `char_indices`.
    fn reference_cue_after(text: &str, from: usize, upto: usize, limit: usize) -> Option<(usize, Tense)> {
        let s = &text[from..upto];
        let mut begin = None;
        for (i, c) in s.char_indices() {
            if is_word_char(c) {
                if begin.is_none() {
                    if from + i >= limit {
                        return None;
                    }
                    begin = Some(i);
                }
            } else if let Some(b) = begin.take() {
                match word_tense(&s[b..i]) {
                    Tense::Unknown => {}
                    t => return Some((from + b, t)),
                }
            }
        }
        match begin.map(|b| (from + b, word_tense(&s[b..]))) {
            None | Some((_, Tense::Unknown)) => None,
            found => found,
        }
    }

    #[test]
    fn cue_walks_read_characters_as_char_indices_does() {
        let extra = ["Il a dit qu’il sera là. Ils l'ont annoncé; « elle viendra », ΣΑΣ rendra-t-il? il était—déjà—arrivé"];
        for text in TRICKY_TEXTS.iter().chain(&extra) {
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            for (k, &from) in bounds.iter().enumerate() {
                for &upto in bounds[k..].iter().step_by(3) {
                    assert_eq!(nearest_cue_before(text, from, upto), reference_cue_before(text, from, upto), "{text:?} {from} {upto}");
                    for limit in [from, (from + upto) / 2, upto, usize::MAX] {
                        assert_eq!(
                            nearest_cue_after(text, from, upto, limit),
                            reference_cue_after(text, from, upto, limit),
                            "{text:?} {from} {upto} {limit}"
                        );
                    }
                }
            }
        }
    }

    /// The bare years as the rule's pattern finds them over the whole text.
    fn reference_bare_years(text: &str) -> Vec<(usize, usize, i32)> {
        let year = Regex::new(&format!(r"(?-u:\b)({YEAR})(?-u:\b)")).unwrap();
        year.find_iter(text).map(|m| (m.start(), m.end(), m.as_str().parse().unwrap())).collect()
    }

    fn assert_bare_years_match_the_pattern(text: &str) {
        let (_, digit_runs) = windows(text);
        let found: Vec<_> = bare_years(text.as_bytes(), &digit_runs).collect();
        assert_eq!(found, reference_bare_years(text), "{text:?}");
    }

    #[test]
    fn bare_years_are_the_matches_of_the_year_pattern() {
        let extra = [
            "1499 1500 1999 2000 2099 2100 2199 2200 12024 2024a a2024 _2024 2024_ é2024 2024é 2024-06 (2024) 1914–1918",
            "2024", "x 2024", "2024 x", "20245", "202", "21\u{a0}2021\u{202f}1999", "٢٠٢٤ 2024", "1600s 1600",
        ];
        for text in TRICKY_TEXTS.iter().chain(&extra) {
            assert_bare_years_match_the_pattern(text);
        }
    }

    proptest::proptest! {
        #[test]
        fn bare_years_match_the_year_pattern_on_random_texts(text in "([0-9]|1[5-9][0-9][0-9]|20[0-9][0-9]|21[0-9][0-9]|[a-z_ é.,-]|\u{a0}){0,30}") {
            assert_bare_years_match_the_pattern(&text);
        }
    }

    #[test]
    fn holds_any_is_a_contains_of_each_needle() {
        for text in TRICKY_TEXTS.iter().copied().chain(["", "J", "Ja", "Jan", "xJanx", "jan", "MayDec", "Sept.", "é Nov"]) {
            for from in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let window = &text[from..];
                assert_eq!(holds_any(window, MONTH_EN_STARTS), MONTH_EN_STARTS.iter().any(|n| window.contains(n)), "{window:?}");
            }
        }
    }

    #[test]
    fn a_date_does_not_run_across_a_paragraph_break() {
        let text = "le millions Washington January\n\n1/01/1900 Union européenne";
        for e in find(text) {
            assert!(!text[e.start..e.end].contains('\n'), "{:?}", &text[e.start..e.end]);
        }
    }
}
