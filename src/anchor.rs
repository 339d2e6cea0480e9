//! Corpus anchoring: an article with no date of its own takes one from another article
//! of the corpus that dates the same event.
//!
//! A dated article gives events: a day (`demain (18 juin)`, `mardi 18 juin`, `hier`)
//! and the persons and places of its sentence. An undated article that names the same
//! weekday in a sentence with the same persons and places (`Poutine arrivera mardi en
//! Corée du Nord`) is anchored on that day, and its relative dates resolve against it.
//! When the candidates disagree, the article stays undated.

use std::collections::BTreeSet;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use chrono::{Datelike, NaiveDate, Weekday};

use crate::extract::dates::{self, Temporal};
use crate::extract::sentences;
use crate::extract::Extraction;
use crate::model::{Article, DateSource, Kind};

/// A dated event of one article: its day and the entities of its sentence (their names,
/// borrowed from the articles: no reference count is touched, by cores that would
/// otherwise fight over the counts of the corpus's most frequent names).
struct DatedEvent<'a> {
    day: NaiveDate,
    entities: BTreeSet<&'a str>,
    persons: usize,
    article: usize,
}

/// Rounds of anchoring: an article anchored in one round can anchor others in the next.
const ROUNDS: usize = 3;

/// Gives undated articles the date of an event that a dated article of the corpus dates
/// (`extractions[i]` belongs to `articles[i]`).
pub fn anchor(articles: &mut [Article], extractions: &[Extraction]) {
    let found = anchors(articles, extractions);
    for (i, day, from, reason) in found {
        let from_id = articles[from].id.clone();
        articles[i].date = Some(day);
        articles[i].date_source = DateSource::Anchored { from: from_id, reason };
    }
}

/// The anchors of [`anchor`] (article, day, article it comes from, reason), found with
/// the articles left as they are: the days given in one round are kept aside, and read
/// from there by the next rounds.
fn anchors(articles: &[Article], extractions: &[Extraction]) -> Vec<(usize, NaiveDate, usize, String)> {
    let mut dates: Vec<Option<NaiveDate>> = articles.iter().map(|a| a.date).collect();
    let mut found = Vec::new();
    // Each article's events, worked out once, when it has a date: they depend on
    // nothing else, and an article gains a date at most once.
    let mut by_article: Vec<Option<Vec<DatedEvent>>> = (0..articles.len()).map(|_| None).collect();
    // What each undated article asks, worked out once too, when there are events to ask
    // about: its mentions do not change from round to round.
    let mut queries: Option<Vec<Vec<WeekdayQuery>>> = None;
    for _ in 0..ROUNDS {
        // (On every core: in the first round, that is every dated article of the corpus.)
        let fresh: Vec<(usize, Vec<DatedEvent>)> = (0..articles.len())
            .into_par_iter()
            .filter_map(|i| match (&by_article[i], dates[i]) {
                (None, Some(date)) => Some((i, dated_events(i, date, &articles[i], &extractions[i]))),
                _ => None,
            })
            .collect();
        for (i, events) in fresh {
            by_article[i] = Some(events);
        }
        // One event per day and set of entities: many articles telling one story give
        // the same events, and the first article that dates one stands for all.
        let mut seen = FxHashSet::default();
        let events: Vec<&DatedEvent> = by_article
            .iter()
            .flatten()
            .flatten()
            .filter(|e| e.persons > 0 && seen.insert((e.day, &e.entities)))
            .collect();
        if events.is_empty() {
            break;
        }
        // Events by weekday and entity, so that each mention looks only at events that
        // share something with it (the corpus may hold thousands).
        let mut index: FxHashMap<(Weekday, &str), Vec<usize>> = FxHashMap::default();
        for (n, e) in events.iter().enumerate() {
            for &entity in &e.entities {
                index.entry((e.day.weekday(), entity)).or_default().push(n);
            }
        }
        // The undated articles look for their anchors on every core: within a round,
        // each looks only at itself and at the round's events.
        let queries = queries.get_or_insert_with(|| {
            articles.par_iter().zip(extractions).zip(&dates).map(|((article, extraction), date)| if date.is_none() { weekday_queries(article, extraction) } else { Vec::new() }).collect()
        });
        let round: Vec<(usize, NaiveDate, usize, String)> = (0..articles.len())
            .into_par_iter()
            .filter(|&i| dates[i].is_none() && !queries[i].is_empty())
            .filter_map(|i| find_anchor(&queries[i], i, &events, &index).map(|(day, from, reason)| (i, day, from, reason)))
            .collect();
        if round.is_empty() {
            break;
        }
        for &(i, day, _, _) in &round {
            dates[i] = Some(day);
        }
        found.extend(round);
    }
    found
}

/// The entities (persons and places) of the sentence holding byte `at`, and how many are persons.
fn sentence_entities<'a>(article: &'a Article, extraction: &Extraction, at: usize) -> (BTreeSet<&'a str>, usize) {
    let sentence = sentences::around(&extraction.sentences, at);
    let mut set = BTreeSet::new();
    let mut persons = 0;
    let mentions = &article.mentions;
    let first = mentions.partition_point(|m| m.start() < sentence.start);
    for m in mentions[first..].iter().take_while(|m| m.start() < sentence.end) {
        if m.end() <= sentence.end && matches!(m.kind(), Kind::Person | Kind::Place)
            && let Some(e) = &m.entity
                && set.insert(&**e)
                && m.kind() == Kind::Person
            {
                persons += 1;
            }
    }
    (set, persons)
}

/// The events of a dated article that name a person: the others never anchor anything.
/// (`date` is the article's, or the one an earlier round of anchoring gave it.)
fn dated_events<'a>(index: usize, date: NaiveDate, article: &'a Article, extraction: &Extraction) -> Vec<DatedEvent<'a>> {
    extraction
        .temporals
        .iter()
        .filter(|t| matches!(t.temporal, Temporal::Full { .. } | Temporal::DayMonth { .. } | Temporal::Day(_) | Temporal::Weekday { .. }))
        .filter_map(|t| {
            let (entities, persons) = sentence_entities(article, extraction, t.start);
            if persons == 0 {
                return None;
            }
            let day = dates::resolve_day(t.temporal, t.tense, Some(date))?;
            Some(DatedEvent { day, entities, persons, article: index })
        })
        .collect()
}

/// A weekday an undated article names (`mardi`, no shift) in a sentence with a person
/// and at least one other entity: what the article looks for among the dated events.
struct WeekdayQuery<'a> {
    weekday: Weekday,
    entities: BTreeSet<&'a str>,
}

/// The [`WeekdayQuery`]s of an undated article, in text order.
fn weekday_queries<'a>(article: &'a Article, extraction: &Extraction) -> Vec<WeekdayQuery<'a>> {
    extraction
        .temporals
        .iter()
        .filter_map(|t| {
            let Temporal::Weekday { weekday, shift: 0 } = t.temporal else { return None };
            let (entities, persons) = sentence_entities(article, extraction, t.start);
            (persons > 0 && entities.len() >= 2).then_some(WeekdayQuery { weekday, entities })
        })
        .collect()
}

/// The anchor of an undated article (the `own`-th), from its `queries`: the single day
/// that its weekday mentions share with dated events about the same persons and places.
fn find_anchor(queries: &[WeekdayQuery], own: usize, events: &[&DatedEvent], index: &FxHashMap<(Weekday, &str), Vec<usize>>) -> Option<(NaiveDate, usize, String)> {
    let mut found: Option<(NaiveDate, usize, String)> = None;
    for WeekdayQuery { weekday, entities } in queries {
        let weekday = *weekday;
        let mut candidates: Vec<usize> = entities
            .iter()
            .filter_map(|&entity| index.get(&(weekday, entity)))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        for e in candidates.into_iter().map(|n| &events[n]).filter(|e| e.article != own) {
            if entities.intersection(&e.entities).take(2).count() < 2 {
                continue;
            }
            match &found {
                Some((day, _, _)) if *day != e.day => return None, // conflicting evidence
                Some(_) => {}
                None => {
                    let shared: Vec<&str> = entities.intersection(&e.entities).copied().collect();
                    let reason = format!("{} = {} ({})", weekday_name(weekday), e.day, shared.join(", "));
                    found = Some((e.day, e.article, reason));
                }
            }
        }
    }
    found
}

fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "lundi",
        Weekday::Tue => "mardi",
        Weekday::Wed => "mercredi",
        Weekday::Thu => "jeudi",
        Weekday::Fri => "vendredi",
        Weekday::Sat => "samedi",
        Weekday::Sun => "dimanche",
    }
}

#[cfg(test)]
mod tests {
    use crate::corpus::Document;

    fn doc(id: &str, text: &str) -> Document {
        Document { id: id.into(), source: id.into(), text: text.into(), warnings: Vec::new() }
    }

    #[test]
    fn undated_article_takes_the_date_of_the_same_event() {
        let dated = doc(
            "dated",
            "La ministre à Berlin\n\nLa ministre Anna Keller sera à Berlin demain et après-demain (12 et 13 mars), a annoncé son cabinet, après sa visite de septembre 2025.",
        );
        let undated = doc(
            "undated",
            "Visite attendue\n\nLa ministre Anna Keller arrive jeudi à Berlin pour deux jours de rencontres avec ses homologues européens, a indiqué son entourage.",
        );
        let articles = crate::analyse(&[dated, undated]);
        assert_eq!(articles[0].date.map(|d| d.to_string()).as_deref(), Some("2026-03-11"));
        assert_eq!(articles[1].date.map(|d| d.to_string()).as_deref(), Some("2026-03-12"));
        assert!(matches!(&articles[1].date_source, crate::model::DateSource::Anchored { from, .. } if from == "dated"));
    }

    #[test]
    fn conflicting_events_leave_the_article_undated() {
        let a = doc("a", "Un titre assez long ici\n\nLa ministre Anna Keller sera à Berlin demain (12 mars), a annoncé son cabinet, après sa visite de 2025.");
        let b = doc("b", "Un autre titre assez long\n\nLa ministre Anna Keller sera à Berlin demain (19 mars), a annoncé son cabinet, après sa visite de 2025.");
        let c = doc("c", "Un troisième titre assez long\n\nLa ministre Anna Keller arrive jeudi à Berlin pour deux jours, a indiqué son entourage.");
        let articles = crate::analyse(&[a, b, c]);
        assert_eq!(articles[2].date, None);
    }
}
