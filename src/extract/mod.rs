//! Extraction: the mentions of persons, places, organisations, figures and dates in
//! an article's cleaned text.

pub mod article_date;
pub mod dates;
pub mod numbers;
pub mod sentences;

use crate::model::Mention;

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

/// Finds every mention of `text`.
pub fn extract(text: &str) -> Extraction {
    let temporals = dates::find(text);
    Extraction { mentions: Vec::new(), temporals, sentences: sentences::split(text) }
}
