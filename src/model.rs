//! The data that the pipeline produces and every front end (reader, export) consumes.
//!
//! Offsets inside an [`Article`] are **byte** offsets into [`Article::text`], so that
//! front ends can slice the text directly; the JSON export converts them to code points.

use std::ops::Range;
use std::sync::Arc;

use chrono::NaiveDate;
use compact_str::CompactString;

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
    /// Kept inline (up to 24 bytes), without an allocation of its own: a corpus has
    /// hundreds of thousands of them.
    Date(CompactString),
}

/// One mention of an entity, a figure or a date in an article's cleaned text.
///
/// A corpus holds millions of mentions, so a mention is kept to 32 bytes: the value
/// and unit that only figures and dates have live in a separate box, the mentions of
/// one entity share its name, and the offsets are 32-bit with the kind packed into the
/// end's top bits (texts are far below the 512 MiB this allows: the loader truncates
/// files at 100 MB).
#[derive(Clone, PartialEq)]
pub struct Mention {
    start: u32,
    /// The end offset in the low [`Mention::OFFSET_BITS`] bits, the kind above them.
    end_and_kind: u32,
    /// Canonical name shared by every mention of one real entity (persons, places, orgs).
    pub entity: Option<Arc<str>>,
    /// The value and unit of a figure or a date ([`Mention::value`], [`Mention::unit`]).
    pub detail: Option<Box<Detail>>,
}

impl std::fmt::Debug for Mention {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mention")
            .field("kind", &self.kind())
            .field("start", &self.start())
            .field("end", &self.end())
            .field("entity", &self.entity)
            .field("detail", &self.detail)
            .finish()
    }
}

/// What a figure or a date mention says beyond its kind.
#[derive(Debug, Clone, PartialEq)]
pub struct Detail {
    /// Amount of a figure, calendar value of a date.
    pub value: Option<Value>,
    /// The noun a figure counts (`projectiles`, `ans`, `%`, `euros`), inline like dates.
    pub unit: Option<CompactString>,
}

impl Mention {
    /// How many low bits of the packed end hold the offset: offsets up to 512 MiB.
    pub const OFFSET_BITS: u32 = 29;
    const OFFSET_MASK: u32 = (1 << Self::OFFSET_BITS) - 1;

    /// A mention without value or unit (a person, place or organisation).
    pub fn new(kind: Kind, start: usize, end: usize, entity: Option<Arc<str>>) -> Mention {
        let offset = |n: usize| {
            debug_assert!(n <= Self::OFFSET_MASK as usize, "offset {n} beyond the 512 MiB a mention can address");
            (n as u32).min(Self::OFFSET_MASK)
        };
        Mention { start: offset(start), end_and_kind: offset(end) | (kind as u32) << Self::OFFSET_BITS, entity, detail: None }
    }

    /// A figure or date mention with its value and unit.
    pub fn with_value(kind: Kind, start: usize, end: usize, value: Option<Value>, unit: Option<String>) -> Mention {
        let detail = (value.is_some() || unit.is_some()).then(|| Box::new(Detail { value, unit: unit.map(CompactString::from) }));
        Mention { detail, ..Mention::new(kind, start, end, None) }
    }

    /// What the mention names.
    pub fn kind(&self) -> Kind {
        Kind::ALL[(self.end_and_kind >> Self::OFFSET_BITS) as usize]
    }

    /// Byte offset of the first character in [`Article::text`].
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Byte offset just past the last character in [`Article::text`].
    pub fn end(&self) -> usize {
        (self.end_and_kind & Self::OFFSET_MASK) as usize
    }

    /// The byte range of the mention in its article's text.
    pub fn range(&self) -> Range<usize> {
        self.start()..self.end()
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

/// One allocation for each distinct entity name across articles.
///
/// Extraction gives the mentions of one entity in one article a shared name; a story
/// followed through thousands of articles names the same people and places in each,
/// and sharing those names across articles saves one allocation per entity per article.
#[derive(Debug, Default)]
pub struct NamePool(rustc_hash::FxHashSet<Arc<str>>);

impl NamePool {
    /// Points the entity names of `article` at the pool's copies, adding the names the
    /// pool did not have.
    pub fn share(&mut self, article: &mut Article) {
        for name in article.mentions.iter_mut().filter_map(|m| m.entity.as_mut()) {
            match self.0.get(&**name) {
                Some(shared) if !Arc::ptr_eq(shared, name) => *name = Arc::clone(shared),
                Some(_) => {}
                None => {
                    self.0.insert(Arc::clone(name));
                }
            }
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
    pub value: CompactString,
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
        self.mentions.iter().filter(|m| m.kind() == kind).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_names_share_one_allocation_across_articles() {
        let article = |name: &str| Article {
            mentions: vec![Mention::new(Kind::Person, 0, 5, Some(name.into())), Mention::new(Kind::Place, 6, 9, None)],
            ..Article::default()
        };
        let (mut a, mut b) = (article("Kim Jong-un"), article("Kim Jong-un"));
        let mut pool = NamePool::default();
        pool.share(&mut a);
        pool.share(&mut b);
        let (x, y) = (a.mentions[0].entity.as_ref().unwrap(), b.mentions[0].entity.as_ref().unwrap());
        assert!(Arc::ptr_eq(x, y));
        assert_eq!(&**y, "Kim Jong-un");
        assert_eq!(b.mentions[1].entity, None);
    }

    #[test]
    fn a_mention_is_32_bytes() {
        assert_eq!(size_of::<Mention>(), 32);
    }

    #[test]
    fn kind_and_offsets_survive_the_packing() {
        let max = (1usize << Mention::OFFSET_BITS) - 1;
        for kind in Kind::ALL {
            for (start, end) in [(0, 0), (3, 17), (max - 1, max)] {
                let m = Mention::new(kind, start, end, None);
                assert_eq!((m.kind(), m.start(), m.end(), m.range()), (kind, start, end, start..end));
            }
            let m = Mention::with_value(kind, 5, 9, Some(Value::Number(2.0)), Some("ans".into()));
            assert_eq!((m.kind(), m.range(), m.unit()), (kind, 5..9, Some("ans")));
        }
    }
}
