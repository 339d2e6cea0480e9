//! Extraction: the mentions of persons, places, organisations, figures and dates in
//! an article's cleaned text.

pub mod aliases;
pub mod article_date;
pub mod dates;
pub mod entities;
pub mod figures;
pub mod gazetteer;
pub mod numbers;
pub mod sentences;
pub mod tokens;

use crate::model::{Kind, Mention, Value};

/// What extraction finds in one text before the article's date is known.
#[derive(Debug, Default, Clone)]
pub struct Extraction {
    /// Entity and figure mentions, sorted, without overlaps.
    pub mentions: Vec<Mention>,
    /// Temporal expressions, to be resolved once the article's date is known.
    pub temporals: Vec<dates::TemporalExpr>,
    /// Byte ranges of the sentences.
    pub sentences: Vec<std::ops::Range<usize>>,
}

/// The language of a text, as far as its commonest words tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    /// French.
    French,
    /// English.
    English,
}

/// Guesses French or English from function words.
pub fn language(text: &str) -> Language {
    let (mut fr, mut en) = (0usize, 0usize);
    for w in text.split(|c: char| !c.is_alphabetic()).take(2000) {
        match w {
            "le" | "la" | "les" | "des" | "et" | "est" | "une" | "du" | "dans" => fr += 1,
            "the" | "and" | "of" | "is" | "to" | "was" | "that" | "with" => en += 1,
            _ => {}
        }
    }
    if en > fr { Language::English } else { Language::French }
}

/// Finds every mention of `text`: entities linked within the article, figures, and
/// temporal expressions (left for the caller to resolve). Dates win over figures
/// where they overlap ("18 juin": the 18 is a day, not an amount).
pub fn extract(text: &str) -> Extraction {
    let temporals = dates::find(text);
    let found = entities::find(text);
    let linked = aliases::link(text, &found);
    let decimal = match language(text) {
        Language::French => figures::Decimal::Comma,
        Language::English => figures::Decimal::Point,
    };
    let mut mentions: Vec<Mention> = linked
        .into_iter()
        .map(|l| Mention { kind: l.kind, start: l.start, end: l.end, entity: Some(l.entity), value: None, unit: None })
        .collect();
    for f in figures::find(text, decimal) {
        let overlaps = |s: usize, e: usize| f.start < e && s < f.end;
        if temporals.iter().any(|t| overlaps(t.start, t.end)) || mentions.iter().any(|m| overlaps(m.start, m.end)) {
            continue;
        }
        mentions.push(Mention { kind: Kind::Figure, start: f.start, end: f.end, entity: None, value: Some(Value::Number(f.value)), unit: f.unit });
    }
    mentions.sort_by_key(|m| m.start);
    // Temporal expressions that collide with an entity give way ("Mars" the planet aside,
    // an organisation such as "Groupe du 4 Septembre" keeps its name).
    let temporals = temporals
        .into_iter()
        .filter(|t| !mentions.iter().any(|m| m.start < t.end && t.start < m.end))
        .collect();
    Extraction { mentions, temporals, sentences: sentences::split(text) }
}
