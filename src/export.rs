//! The JSON export (schema version 1 of `shared/eval/FORMAT.md`): one document for the
//! corpus, or one line per article (`--jsonl`). Offsets count code points.

use std::io::{self, Write};

use serde::Serialize;

use crate::model::{Article, Value};

/// Schema version written in the document.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    articles: Vec<ArticleOut<'a>>,
}

/// One article as exported.
#[derive(Serialize)]
pub struct ArticleOut<'a> {
    id: &'a str,
    source: &'a str,
    title: &'a str,
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reading_time: Option<&'a str>,
    text: &'a str,
    mentions: Vec<MentionOut<'a>>,
    timeline: Vec<EventOut<'a>>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    warnings: &'a [String],
}

#[derive(Serialize)]
struct MentionOut<'a> {
    kind: &'static str,
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    entity: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'a str>,
}

#[derive(Serialize)]
struct EventOut<'a> {
    value: &'a str,
    text: &'a str,
    start: usize,
    end: usize,
    sentence: &'a str,
}

/// Converts byte offsets of one text to code-point offsets in a single pass.
struct CharOffsets {
    bytes: Vec<usize>,
    chars: Vec<usize>,
}

impl CharOffsets {
    fn new(text: &str, mut offsets: Vec<usize>) -> Self {
        offsets.sort_unstable();
        offsets.dedup();
        let mut chars = Vec::with_capacity(offsets.len());
        let (mut byte, mut count) = (0usize, 0usize);
        for &target in &offsets {
            count += text[byte..target].chars().count();
            byte = target;
            chars.push(count);
        }
        CharOffsets { bytes: offsets, chars }
    }

    fn get(&self, byte: usize) -> usize {
        self.bytes.binary_search(&byte).map(|i| self.chars[i]).unwrap_or(0)
    }
}

fn value_json(v: &Value) -> serde_json::Value {
    match v {
        // Whole amounts print as integers (10000, not 10000.0).
        Value::Number(n) if n.fract() == 0.0 && n.abs() < 9e15 => serde_json::Value::from(*n as i64),
        Value::Number(n) => serde_json::Number::from_f64(*n).map_or(serde_json::Value::Null, serde_json::Value::Number),
        Value::Date(s) => serde_json::Value::from(s.as_str()),
    }
}

/// The exported form of one article.
pub fn article_json(a: &Article) -> ArticleOut<'_> {
    let mut offsets: Vec<usize> = a.mentions.iter().flat_map(|m| [m.start(), m.end()]).collect();
    offsets.extend(a.timeline.iter().flat_map(|e| [e.sentence.start, e.sentence.end]));
    let chars = CharOffsets::new(&a.text, offsets);
    let mentions = a
        .mentions
        .iter()
        .map(|m| MentionOut {
            kind: m.kind().as_str(),
            start: chars.get(m.start()),
            end: chars.get(m.end()),
            text: &a.text[m.range()],
            entity: m.entity.as_deref(),
            value: m.value().map(value_json),
            unit: m.unit(),
        })
        .collect();
    let timeline = a
        .timeline
        .iter()
        .map(|e| {
            let m = &a.mentions[e.mention];
            EventOut {
                value: e.value.as_str(),
                text: &a.text[m.range()],
                start: chars.get(m.start()),
                end: chars.get(m.end()),
                sentence: &a.text[e.sentence.clone()],
            }
        })
        .collect();
    ArticleOut {
        id: &a.id,
        source: &a.source,
        title: &a.title,
        date: a.date.map(|d| d.format("%Y-%m-%d").to_string()),
        date_source: a.date_source.label(),
        author: a.meta.author.as_deref(),
        reading_time: a.meta.reading_time.as_deref(),
        text: &a.text,
        mentions,
        timeline,
        warnings: &a.warnings,
    }
}

/// Writes the whole corpus as one JSON document.
pub fn write_json(out: &mut impl Write, articles: &[Article], pretty: bool) -> io::Result<()> {
    let doc = Document { version: VERSION, articles: articles.iter().map(article_json).collect() };
    if pretty {
        serde_json::to_writer_pretty(&mut *out, &doc)?;
    } else {
        serde_json::to_writer(&mut *out, &doc)?;
    }
    writeln!(out)
}

/// Writes one article as one line of JSON.
pub fn write_jsonl_line(out: &mut impl Write, article: &Article) -> io::Result<()> {
    serde_json::to_writer(&mut *out, &article_json(article))?;
    writeln!(out)
}
