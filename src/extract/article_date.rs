//! Inferring an article's own date from the date evidence of its text, when no date
//! line gives it: `demain et après-demain (18 et 19 juin)` fixes the day and month,
//! a weekday named with a day and month (`mardi 18 juin`) or the years the text
//! mentions fix the year. When the evidence is missing or conflicts, there is no date:
//! a wrong date misleads more than an unknown one.

use chrono::{Datelike, NaiveDate, Weekday};

use super::dates::{Temporal, TemporalExpr, Tense};

/// A day and month linked by the text to a relative word or a weekday.
#[derive(Debug)]
struct Link {
    month: u32,
    day: u32,
    year: Option<i32>,
    /// Days from the article's date to this day (`demain` is 1), when a relative word names it.
    offset: Option<i32>,
    weekday: Option<Weekday>,
}

/// The article's date, inferred from its temporal expressions, or `None`.
pub fn infer(text: &str, exprs: &[TemporalExpr]) -> Option<NaiveDate> {
    let links = links(text, exprs);
    let mut answer: Option<NaiveDate> = None;
    for link in links.iter().filter(|l| l.offset.is_some()) {
        let offset = link.offset.unwrap_or(0);
        let event = match link.year {
            Some(y) => NaiveDate::from_ymd_opt(y, link.month, link.day),
            None => year_for(exprs, link, offset),
        }?;
        if link.weekday.is_some_and(|w| w != event.weekday()) {
            return None; // the text contradicts itself
        }
        let date = event - chrono::Duration::days(offset as i64);
        match answer {
            Some(a) if a != date => return None,
            _ => answer = Some(date),
        }
    }
    answer
}

/// Pairs runs of relative words or weekdays with the run of day-month expressions
/// that follows them in apposition: `demain et après-demain (18 et 19 juin)`,
/// `mardi (18 juin)`, `mardi 18 juin`.
fn links(text: &str, exprs: &[TemporalExpr]) -> Vec<Link> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < exprs.len() {
        let day = |e: &TemporalExpr| match e.temporal {
            Temporal::DayMonth { month, day } => Some((month, day, None)),
            Temporal::Full { year, month, day } => Some((month, day, Some(year))),
            _ => None,
        };
        if day(&exprs[i]).is_none() {
            i += 1;
            continue;
        }
        // The run of day expressions starting at i.
        let mut j = i + 1;
        while j < exprs.len() && day(&exprs[j]).is_some() && is_list_gap(&text[exprs[j - 1].end..exprs[j].start]) {
            j += 1;
        }
        // The run of relative words or weekdays just before it.
        let mut k = i;
        while k > 0
            && matches!(exprs[k - 1].temporal, Temporal::Day(_) | Temporal::Weekday { shift: 0, .. })
            && is_list_gap(&text[exprs[k - 1].end..exprs[k].start])
        {
            k -= 1;
        }
        let days = &exprs[i..j];
        let cues = &exprs[k..i];
        for (n, e) in days.iter().enumerate() {
            let (month, dnum, year) = day(e).expect("day expression");
            let span = &text[e.start..e.end];
            let mut link = Link { month, day: dnum, year, offset: None, weekday: weekday_in(span) };
            let cue = if cues.len() == days.len() { cues.get(n) } else if n == 0 { cues.last() } else { None };
            match cue.map(|c| c.temporal) {
                Some(Temporal::Day(offset)) => link.offset = Some(offset),
                Some(Temporal::Weekday { weekday, .. }) => link.weekday = Some(weekday),
                _ => {}
            }
            out.push(link);
        }
        i = j;
    }
    out
}

/// Text between two items of one list or apposition: `et`, `,`, `(`, `and`.
fn is_list_gap(gap: &str) -> bool {
    let g = gap.trim_matches(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',' | '–' | '-' | '—' | ':'));
    g.is_empty() || matches!(g.to_lowercase().as_str(), "et" | "and" | "ou" | "or" | "le" | "the" | "au" | "to")
}

fn weekday_in(span: &str) -> Option<Weekday> {
    span.split(|c: char| !c.is_alphabetic()).find_map(super::dates::weekday_of)
}

/// The year of a linked day without one: among the years the text mentions and the
/// ones after them, the weekday (when named) must agree, and the article's date must
/// not precede the events that the text reports in the past.
fn year_for(exprs: &[TemporalExpr], link: &Link, offset: i32) -> Option<NaiveDate> {
    let mut mentioned: Vec<(i32, u32)> = Vec::new();
    for e in exprs {
        match e.temporal {
            Temporal::Year { year } => mentioned.push((year, 1)),
            Temporal::MonthYear { year, month } if e.tense != Tense::Future => mentioned.push((year, month)),
            Temporal::Full { year, month, .. } if e.tense != Tense::Future => mentioned.push((year, month)),
            _ => {}
        }
    }
    let latest = mentioned.iter().max()?;
    let mut candidates: Vec<NaiveDate> = mentioned
        .iter()
        .flat_map(|(y, _)| [*y, y + 1])
        .filter_map(|y| NaiveDate::from_ymd_opt(y, link.month, link.day))
        .collect();
    candidates.sort();
    candidates.dedup();
    if let Some(w) = link.weekday {
        let agreeing: Vec<_> = candidates.iter().filter(|d| d.weekday() == w).collect();
        return match agreeing.as_slice() {
            [one] => Some(**one),
            _ => None,
        };
    }
    // The one candidate whose article date is not before the latest reported event;
    // several possible years are a guess, not an inference.
    let possible: Vec<NaiveDate> = candidates
        .into_iter()
        .filter(|d| {
            let article = *d - chrono::Duration::days(offset as i64);
            (article.year(), article.month()) >= *latest
        })
        .collect();
    match possible.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::dates::find;

    fn infer_text(text: &str) -> Option<NaiveDate> {
        infer(text, &find(text))
    }

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn relative_words_beside_days_give_the_date() {
        let text = "Le ministre sera en visite demain et après-demain (12 et 13 mars) à Berlin. Il s'y était rendu en septembre 2025.";
        assert_eq!(infer_text(text), d(2026, 3, 11));
        let text = "The minister arrives tomorrow (March 12). She last visited in September 2025.";
        assert_eq!(infer_text(text), d(2026, 3, 11));
        // A bare year leaves two possible years: no guess.
        assert_eq!(infer_text("The minister arrives tomorrow (March 12). She last visited in 2025."), None);
    }

    #[test]
    fn weekday_picks_the_year() {
        // 12 March is a Thursday in 2026, a Wednesday in 2025.
        let text = "Le ministre arrive demain, jeudi 12 mars, après sa visite de 2025.";
        assert_eq!(infer_text(text), d(2026, 3, 11));
        let text = "Le ministre arrive demain, mercredi 12 mars, après sa visite de 2025.";
        assert_eq!(infer_text(text), d(2025, 3, 11));
    }

    #[test]
    fn no_year_evidence_means_no_date() {
        assert_eq!(infer_text("Le ministre arrive demain (12 mars)."), None);
        assert_eq!(infer_text("Le ministre est arrivé mardi à Berlin en 2025."), None);
    }

    #[test]
    fn conflicting_evidence_means_no_date() {
        let text = "Il arrive demain (12 mars) et repart demain (20 mars), comme en 2025.";
        assert_eq!(infer_text(text), None);
    }
}
