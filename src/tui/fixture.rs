//! Hand-built articles with their mentions and timelines, for the reader's tests,
//! snapshots and benchmarks: unlike the bundled corpus, they do not change when the
//! extractor does.
//!
//! Mentions are written in the text as `{k:surface}` or `{k:surface|extra}`, where `k`
//! is `p` (person), `l` (place), `o` (organisation), `f` (figure) or `d` (date), and
//! `extra` is the canonical name of an entity, the value of a date, or `amount|unit`
//! of a figure.

use chrono::NaiveDate;

use crate::Corpus;
use crate::model::{Article, DateSource, Event, Kind, Mention, Value};
use crate::timeline::compare_values;

/// Builds an article from marked-up text (see the module's documentation).
pub fn article(id: &str, title: &str, date: Option<&str>, marked: &str) -> Article {
    let mut text = String::new();
    let mut mentions = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find('{') {
        text.push_str(&rest[..open]);
        let close = rest[open..].find('}').map_or(rest.len(), |c| open + c);
        let inside = &rest[open + 1..close];
        rest = rest.get(close + 1..).unwrap_or("");
        let (kind, body) = inside.split_once(':').unwrap_or(("", inside));
        let mut parts = body.split('|');
        let surface = parts.next().unwrap_or("");
        let extra: Vec<&str> = parts.collect();
        let kind = match kind {
            "p" => Kind::Person,
            "l" => Kind::Place,
            "o" => Kind::Org,
            "f" => Kind::Figure,
            "d" => Kind::Date,
            _ => {
                text.push_str(surface);
                continue;
            }
        };
        let start = text.len();
        text.push_str(surface);
        let (entity, value, unit) = match kind {
            Kind::Date => (None, extra.first().map(|v| Value::Date((*v).into())), None),
            Kind::Figure => (
                None,
                extra.first().and_then(|v| v.parse().ok()).map(Value::Number),
                extra.get(1).map(|u| u.to_string()),
            ),
            _ => (Some(extra.first().copied().unwrap_or(surface).to_string()), None, None),
        };
        let mut mention = Mention::with_value(kind, start, text.len(), value, unit);
        mention.entity = entity.map(Into::into);
        mentions.push(mention);
    }
    text.push_str(rest);
    let mut paragraphs = Vec::new();
    let mut offset = 0;
    for p in text.split("\n\n") {
        paragraphs.push(offset..offset + p.len());
        offset += p.len() + 2;
    }
    let mut article = Article {
        id: id.into(),
        source: format!("fixture/{id}.txt"),
        title: title.into(),
        date: date.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
        date_source: if date.is_some() { DateSource::Line } else { DateSource::Unknown },
        text,
        paragraphs,
        mentions,
        ..Article::default()
    };
    article.timeline = events(&article);
    article
}

/// The dated events of an article: each date with a value, in its sentence.
fn events(article: &Article) -> Vec<Event> {
    let mut events: Vec<Event> = article
        .mentions
        .iter()
        .enumerate()
        .filter_map(|(i, m)| Some(Event { value: m.date_value()?.into(), mention: i, sentence: sentence(&article.text, m.start()) }))
        .collect();
    events.sort_by(|a, b| compare_values(&a.value, &b.value).then(a.mention.cmp(&b.mention)));
    events
}

/// The sentence around byte `at`: from after the previous `. ` or line break to the next.
fn sentence(text: &str, at: usize) -> std::ops::Range<usize> {
    let before = &text[..at];
    let start = [before.rfind(". ").map(|i| i + 2), before.rfind('\n').map(|i| i + 1)].into_iter().flatten().max().unwrap_or(0);
    let after = &text[at..];
    let end = [after.find(". ").map(|i| i + 1), after.find('\n')].into_iter().flatten().min().map_or(text.len(), |i| at + i);
    start..end
}

/// Four articles about one fictional summit, with recurring entities, dated events,
/// figures, and text in Japanese, emoji and combining accents.
pub fn articles() -> Vec<Article> {
    vec![
        article(
            "summit",
            "Sommet de Genève : accord sur les corridors humanitaires",
            Some("2024-06-18"),
            "{p:Emmanuel Macron} a reçu {p:Olaf Scholz} à {l:Genève} le {d:18 juin 2024|2024-06-18} pour un sommet \
             consacré aux corridors humanitaires. Les deux dirigeants ont annoncé une aide de \
             {f:120 millions d'euros|120000000|euros} destinée à l'{o:Organisation des Nations unies|ONU}.\n\n\
             Selon le porte-parole de l'{o:ONU}, {p:Stéphane Dujarric}, {f:3 000 camions|3000|camions} devraient \
             franchir la frontière avant le {d:1er juillet|2024-07-01}. « C'est un premier pas », a déclaré \
             {p:Macron|Emmanuel Macron} devant la presse réunie au {l:Palais des Nations}.\n\n\
             Le précédent sommet, tenu à {l:Vienne} en {d:mars 2023|2023-03}, s'était achevé sans accord. Cette fois, \
             {p:Olaf Scholz} a insisté sur le rôle de l'{o:Union européenne}, qui financera {f:40 %|40|%} du programme.\n\n\
             Les négociateurs se retrouveront à {l:Genève} le {d:15 septembre|2024-09-15} pour un premier bilan. \
             D'ici là, {f:deux|2} missions d'observation partiront de {l:Lyon} et de {l:Marseille}.",
        ),
        article(
            "trucks",
            "Les premiers camions passent la frontière",
            Some("2024-06-25"),
            "Les {f:200|200|camions} premiers camions ont franchi le poste frontière {d:mardi|2024-06-25} au matin, \
             a indiqué {p:Stéphane Dujarric} depuis {l:New York}.\n\n\
             L'{o:ONU} prévoit d'en faire passer {f:3 000|3000|camions} d'ici le {d:1er juillet|2024-07-01}, \
             conformément à l'accord conclu à {l:Genève} entre {p:Emmanuel Macron} et {p:Olaf Scholz}.\n\n\
             Des {o:Médecins sans frontières|MSF} accompagnent les convois.",
        ),
        article(
            "tokyo",
            "東京からの反応 — Tokyo salue l'accord 🎉",
            None,
            "À {l:東京|Tokyo}, le Premier ministre {p:岸田文雄|Fumio Kishida} a salué « un accord historique » 🎉👏 \
             et promis {f:5 milliards de yens|5000000000|yens}.\n\n\
             Le journal {o:朝日新聞|Asahi Shimbun} titre : 「ジュネーブで合意」。 Les éditorialistes de {l:Gene\u{300}ve|Genève} \
             et de {l:Kyo\u{304}to|Kyoto} saluent un cafe\u{301} diplomatique réussi.\n\n\
             {p:Emmanuel Macron} est attendu à {l:東京|Tokyo} en {d:novembre 2024|2024-11}.",
        ),
        article(
            "long",
            "Un titre très long qui ne tiendra jamais sur une seule ligne de la liste des articles, même large",
            Some("2024-07-02"),
            "Anticonstitutionnellementextraordinairementlongmotsansespace au début. Le bilan du \
             {d:1er juillet|2024-07-01} : {f:2 950 camions|2950|camions}, soit {f:98 %|98|%} de l'objectif, selon \
             l'{o:Organisation des Nations unies|ONU}.",
        ),
    ]
}

/// [`articles`] as a loaded corpus.
pub fn corpus() -> Corpus {
    Corpus { articles: articles(), warnings: Vec::new(), skipped: 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_become_mentions() {
        let a = article("x", "t", Some("2024-06-18"), "{p:Macron|Emmanuel Macron} à {l:Genève} le {d:18 juin|2024-06-18}. {f:3 000|3000|camions} {x:plain}");
        assert_eq!(a.text, "Macron à Genève le 18 juin. 3 000 plain");
        assert_eq!(a.mention_text(&a.mentions[1]), "Genève");
        assert_eq!(a.mentions[0].entity.as_deref(), Some("Emmanuel Macron"));
        assert_eq!(a.mentions[2].date_value(), Some("2024-06-18"));
        assert_eq!(a.mentions[3].unit(), Some("camions"));
        assert_eq!(a.timeline.len(), 1);
        assert_eq!(&a.text[a.timeline[0].sentence.clone()], "Macron à Genève le 18 juin.");
    }

    #[test]
    fn fixture_mentions_fit_their_text() {
        for a in articles() {
            for w in a.mentions.windows(2) {
                assert!(w[0].end() <= w[1].start());
            }
            for m in &a.mentions {
                assert!(a.text.get(m.range()).is_some_and(|t| !t.is_empty()), "{}: {m:?}", a.id);
            }
        }
    }
}
