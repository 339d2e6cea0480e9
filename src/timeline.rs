//! Timelines: the dated events of an article, and of a whole corpus.

use std::cmp::Ordering;
use std::ops::Range;

use crate::extract::sentences;
use crate::model::{Article, Event, Kind};

/// Orders calendar values so that a coarser value comes before the finer ones of the
/// same period (`2024` < `2024-06` < `2024-06-18` < `2024-07`), unknown digits last.
pub fn compare_values(a: &str, b: &str) -> Ordering {
    let key = |v: &str| v.replace('X', "~"); // '~' sorts after digits
    let (ka, kb) = (key(a), key(b));
    let common = ka.len().min(kb.len());
    ka[..common].cmp(&kb[..common]).then(ka.len().cmp(&kb.len()))
}

/// One event per resolved date mention, with its sentence, sorted by value; events
/// with the same value and sentence are folded into the first.
pub fn article_events(article: &Article, sentence_ranges: &[Range<usize>]) -> Vec<Event> {
    let mut events: Vec<Event> = article
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == Kind::Date)
        .filter_map(|(i, m)| {
            let value = m.date_value()?.to_string();
            Some(Event { value, mention: i, sentence: sentences::holding(sentence_ranges, m.start, m.end) })
        })
        .collect();
    events.sort_by(|a, b| compare_values(&a.value, &b.value).then(a.mention.cmp(&b.mention)));
    events.dedup_by(|later, first| later.value == first.value && later.sentence == first.sentence);
    events
}

/// An event of the corpus timeline: an article's event and the article it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CorpusEvent {
    /// Index of the article in the corpus.
    pub article: usize,
    /// Index of the event in that article's timeline.
    pub event: usize,
}

/// All articles' events merged and sorted by value (then by article order).
pub fn corpus_events(articles: &[Article]) -> Vec<CorpusEvent> {
    let mut events: Vec<CorpusEvent> = articles
        .iter()
        .enumerate()
        .flat_map(|(a, art)| (0..art.timeline.len()).map(move |e| CorpusEvent { article: a, event: e }))
        .collect();
    events.sort_by(|x, y| {
        let vx = &articles[x.article].timeline[x.event].value;
        let vy = &articles[y.article].timeline[y.event].value;
        compare_values(vx, vy).then(x.article.cmp(&y.article)).then(x.event.cmp(&y.event))
    });
    events
}

#[cfg(test)]
mod tests {
    use super::compare_values;
    use std::cmp::Ordering::*;

    #[test]
    fn coarse_values_sort_before_fine_ones() {
        let mut v = vec!["2024-07", "2024-06-18", "2024", "2023", "2024-06", "XXXX-06-18", "2024-W25"];
        v.sort_by(|a, b| compare_values(a, b));
        assert_eq!(v, ["2023", "2024", "2024-06", "2024-06-18", "2024-07", "2024-W25", "XXXX-06-18"]);
        assert_eq!(compare_values("2024", "2024"), Equal);
    }
}
