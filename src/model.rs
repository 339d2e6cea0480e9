//! The data that the pipeline produces and every front end (reader, export) consumes.
//!
//! Offsets inside an [`Article`] are **byte** offsets into [`Article::text`], so that
//! front ends can slice the text directly; the JSON export converts them to code points.

use std::ops::Range;
use std::sync::Arc;

use chrono::NaiveDate;

/// What a mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A named person.
    Person,
    /// A named location: country, city, region, geographic feature, site.
    Place,
    /// A named organisation: government body, agency, company, media outlet.
    Org,
    /// A cardinal amount (digits or number words), with an optional unit.
    Figure,
    /// A calendar expression that can be placed on a timeline.
    Date,
}

impl Kind {
    /// Every kind, in the order the reader lists them (keys `1`–`5`).
    pub const ALL: [Kind; 5] = [Kind::Person, Kind::Place, Kind::Org, Kind::Figure, Kind::Date];

    /// The name used in the JSON export (`person`, `place`, `org`, `figure`, `date`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Place => "place",
            Kind::Org => "org",
            Kind::Figure => "figure",
            Kind::Date => "date",
        }
    }

    /// Whether mentions of this kind carry an `entity` linking them across the corpus.
    pub fn is_entity(self) -> bool {
        matches!(self, Kind::Person | Kind::Place | Kind::Org)
    }
}

/// The value of a figure or a date mention.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A figure's amount (`4,8 millions` is 4 800 000).
    Number(f64),
    /// A date's TIMEX3-style value: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `X` for unknown digits.
    Date(String),
}

/// One mention of an entity, a figure or a date in an article's cleaned text.
///
/// A corpus holds millions of mentions, so the value and unit that only figures and
/// dates have live in a separate box, and the mentions of one entity share its name:
/// 48 bytes a mention instead of 96 and a string each.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// What the mention names.
    pub kind: Kind,
    /// Byte offset of the first character in [`Article::text`].
    pub start: usize,
    /// Byte offset just past the last character in [`Article::text`].
    pub end: usize,
    /// Canonical name shared by every mention of one real entity (persons, places, orgs).
    pub entity: Option<Arc<str>>,
    /// The value and unit of a figure or a date ([`Mention::value`], [`Mention::unit`]).
    pub detail: Option<Box<Detail>>,
}

/// What a figure or a date mention says beyond its kind.
#[derive(Debug, Clone, PartialEq)]
pub struct Detail {
    /// Amount of a figure, calendar value of a date.
    pub value: Option<Value>,
    /// The noun a figure counts (`projectiles`, `ans`, `%`, `euros`).
    pub unit: Option<String>,
}

impl Mention {
    /// A mention without value or unit (a person, place or organisation).
    pub fn new(kind: Kind, start: usize, end: usize, entity: Option<Arc<str>>) -> Mention {
        Mention { kind, start, end, entity, detail: None }
    }

    /// A figure or date mention with its value and unit.
    pub fn with_value(kind: Kind, start: usize, end: usize, value: Option<Value>, unit: Option<String>) -> Mention {
        let detail = (value.is_some() || unit.is_some()).then(|| Box::new(Detail { value, unit }));
        Mention { kind, start, end, entity: None, detail }
    }

    /// The byte range of the mention in its article's text.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Amount of a figure, calendar value of a date.
    pub fn value(&self) -> Option<&Value> {
        self.detail.as_ref()?.value.as_ref()
    }

    /// The noun a figure counts (`projectiles`, `ans`, `%`, `euros`).
    pub fn unit(&self) -> Option<&str> {
        self.detail.as_ref()?.unit.as_deref()
    }

    /// The calendar value of a date mention, if resolved.
    pub fn date_value(&self) -> Option<&str> {
        match self.value() {
            Some(Value::Date(v)) => Some(v),
            _ => None,
        }
    }
}

/// Where an article's own date came from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum DateSource {
    /// No date could be determined.
    #[default]
    Unknown,
    /// An explicit date line of the article (`Publié le 18 juin 2024`).
    Line,
    /// Inferred from the text's own date evidence (a weekday beside a day and month, `demain (18 juin)`).
    Text,
    /// Taken from another article of the corpus that dates the same event.
    Anchored {
        /// The id of the article the anchor came from.
        from: String,
        /// Why: the shared event, in words.
        reason: String,
    },
}

impl DateSource {
    /// A short machine-readable label for the export (`line`, `text`, `anchored:<id>`).
    pub fn label(&self) -> Option<String> {
        match self {
            DateSource::Unknown => None,
            DateSource::Line => Some("line".into()),
            DateSource::Text => Some("text".into()),
            DateSource::Anchored { from, .. } => Some(format!("anchored:{from}")),
        }
    }
}

/// Metadata that the cleaner lifted out of the page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Meta {
    /// The byline (`Par Josephine Martin` gives `Josephine Martin`).
    pub author: Option<String>,
    /// A reading-time notice, as written (`2 minutes`).
    pub reading_time: Option<String>,
}

/// A dated event of an article's timeline: a resolved date mention and its sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// The calendar value (`2024-06-18`, `2024-06`, `XXXX-06-18`).
    pub value: String,
    /// Index of the date mention in [`Article::mentions`].
    pub mention: usize,
    /// Byte range of the sentence holding the mention in [`Article::text`].
    pub sentence: Range<usize>,
}

/// One analysed article: cleaned text, its date, mentions and timeline.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Article {
    /// The file name without its extension (`000_8ee8630cbb08bc4b`).
    pub id: String,
    /// Where the article came from: a path, `<stdin>`, or the bundled name.
    pub source: String,
    /// The headline.
    pub title: String,
    /// The article's own date.
    pub date: Option<NaiveDate>,
    /// How [`Article::date`] was found.
    pub date_source: DateSource,
    /// Byline and reading time.
    pub meta: Meta,
    /// The cleaned body: paragraphs separated by one blank line.
    pub text: String,
    /// Byte ranges of the paragraphs in [`Article::text`].
    pub paragraphs: Vec<Range<usize>>,
    /// Mentions sorted by start, never overlapping.
    pub mentions: Vec<Mention>,
    /// Dated events sorted by value.
    pub timeline: Vec<Event>,
    /// Problems met while loading or cleaning this article (lossy decoding, truncation).
    pub warnings: Vec<String>,
}

impl Article {
    /// The text of a mention.
    pub fn mention_text(&self, m: &Mention) -> &str {
        &self.text[m.range()]
    }

    /// How many mentions of `kind` the article has.
    pub fn count(&self, kind: Kind) -> usize {
        self.mentions.iter().filter(|m| m.kind == kind).count()
    }
}
