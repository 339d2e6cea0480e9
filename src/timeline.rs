//! Timelines: the dated events of an article, and of a whole corpus.

use std::cmp::Ordering;
use std::ops::Range;


use crate::extract::sentences;
use crate::model::{Article, Event, Kind};

/// Orders calendar values so that a coarser value comes before the finer ones of the
/// same period (`2024` < `2024-06` < `2024-06-18` < `2024-07`), unknown digits last.
pub fn compare_values(a: &str, b: &str) -> Ordering {
    let key = |c: u8| if c == b'X' { b'~' } else { c }; // '~' sorts after digits
    let common = a.len().min(b.len());
    let (a_bytes, b_bytes) = (a.bytes().take(common).map(key), b.bytes().take(common).map(key));
    a_bytes.cmp(b_bytes).then(a.len().cmp(&b.len()))
}

/// A number that sorts like [`compare_values`] for values of up to 16 bytes (all that
/// the date rules make): the bytes, `X` as `~`, padded with zeros, which sort before
/// any character, as a shorter value sorts before a longer one of the same prefix.
fn value_key(v: &str) -> u128 {
    let mut key = [0u8; 16];
    for (k, b) in key.iter_mut().zip(v.bytes()) {
        *k = if b == b'X' { b'~' } else { b };
    }
    u128::from_be_bytes(key)
}

/// One event per resolved date mention, with its sentence, sorted by value; events
/// with the same value and sentence are folded into the first.
pub fn article_events(article: &Article, sentence_ranges: &[Range<usize>]) -> Vec<Event> {
    let mut events: Vec<Event> = article
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind() == Kind::Date)
        .filter_map(|(i, m)| {
            let value = m.date_value()?.into();
            Some(Event { value, mention: i, sentence: sentences::holding(sentence_ranges, m.start(), m.end()) })
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
    // A corpus of 10,000 articles has some 300,000 events but a few thousand distinct
    // values: the events are grouped by value, in article order, and only the values
    // are sorted.
    let value = |e: &CorpusEvent| articles[e.article].timeline[e.event].value.as_str();
    let mut groups: rustc_hash::FxHashMap<u128, Vec<CorpusEvent>> = Default::default();
    let mut total = 0;
    for (a, art) in articles.iter().enumerate() {
        for (e, ev) in art.timeline.iter().enumerate() {
            groups.entry(value_key(&ev.value)).or_default().push(CorpusEvent { article: a, event: e });
            total += 1;
        }
    }
    let mut keys: Vec<u128> = groups.keys().copied().collect();
    keys.sort_unstable();
    let mut events = Vec::with_capacity(total);
    for key in keys {
        let mut group = groups.remove(&key).unwrap_or_default();
        // Values longer than the key share it with others: a stable sort orders them
        // and keeps article order among equals.
        if group.iter().any(|e| value(e).len() > 16) {
            group.sort_by(|x, y| compare_values(value(x), value(y)));
        }
        events.extend(group);
    }
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

    #[test]
    fn corpus_events_are_ordered_by_value_then_article_then_event() {
        use crate::model::{Article, Event};
        let values = ["2024-06-18", "2024", "XXXX-06", "2024-06", "2023-W12", "2024-06-18", "2024-06-18T10:00:00+02:00", "2024-06-18T09:00"];
        let articles: Vec<Article> = (0..7)
            .map(|a| Article {
                timeline: (0..5).map(|e| Event { value: values[(a * 3 + e) % values.len()].into(), mention: e, sentence: 0..0 }).collect(),
                ..Article::default()
            })
            .collect();
        let mut expected: Vec<(usize, usize)> = (0..7).flat_map(|a| (0..5).map(move |e| (a, e))).collect();
        let value = |&(a, e): &(usize, usize)| articles[a].timeline[e].value.clone();
        expected.sort_by(|x, y| compare_values(&value(x), &value(y)).then(x.cmp(y)));
        let got: Vec<(usize, usize)> = super::corpus_events(&articles).into_iter().map(|c| (c.article, c.event)).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn the_sort_key_orders_like_the_comparison() {
        let values = ["2024-07", "2024-06-18", "2024", "2023", "2024-06", "XXXX-06-18", "2024-W25", "2024-XX", "202X"];
        for a in values {
            for b in values {
                assert_eq!(super::value_key(a).cmp(&super::value_key(b)), compare_values(a, b), "{a} / {b}");
            }
        }
    }
}
