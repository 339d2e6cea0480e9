//! The bundled articles against the gold annotations of `tests/fixtures/gold/`
//! (copied from the project's evaluation data): every cleaning check holds, every
//! title and article date the gold gives matches, and every offset is exact.

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

/// The comparison form of the scorer: accents, case, quotes, dashes and spacing folded.
fn norm(s: &str) -> String {
    let stripped: String = s.nfkd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).collect();
    let replaced = stripped
        .replace(['\u{2019}', '\u{2018}'], "'")
        .replace(['\u{ab}', '\u{bb}', '\u{201c}', '\u{201d}'], "\"")
        .replace(['\u{2013}', '\u{2014}'], "-");
    let folded = replaced.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
    folded.trim_matches(|c: char| " .,;:!?\"'()[]".contains(c)).to_string()
}

fn export() -> HashMap<String, Value> {
    let corpus = vigie::open(&[]);
    let mut out = Vec::new();
    vigie::export::write_json(&mut out, &corpus.articles, false).unwrap();
    let doc: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(doc["version"], 1);
    doc["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["id"].as_str().unwrap().to_string(), a.clone()))
        .collect()
}

fn golds() -> Vec<Value> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/gold");
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    paths.iter().map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()).collect()
}

const SLACK: usize = 40;

#[test]
fn every_cleaning_check_holds() {
    let export = export();
    let mut failures = Vec::new();
    for gold in golds() {
        let id = gold["id"].as_str().unwrap();
        let text = norm(export[id]["text"].as_str().unwrap());
        let chars: Vec<char> = text.chars().collect();
        let clean = &gold["clean"];
        if let Some(w) = clean["starts_with"].as_str() {
            let w = norm(w);
            let head: String = chars.iter().take(w.chars().count() + SLACK).collect();
            if !head.contains(&w) {
                failures.push(format!("{id}: does not start with {w:?}"));
            }
        }
        if let Some(w) = clean["ends_with"].as_str() {
            let w = norm(w);
            let n = w.chars().count() + SLACK;
            let tail: String = chars[chars.len().saturating_sub(n)..].iter().collect();
            if !tail.contains(&w) {
                failures.push(format!("{id}: does not end with {w:?}"));
            }
        }
        for s in clean["must_include"].as_array().into_iter().flatten() {
            if !text.contains(&norm(s.as_str().unwrap())) {
                failures.push(format!("{id}: lost {s}"));
            }
        }
        for s in clean["must_exclude"].as_array().into_iter().flatten() {
            if text.contains(&norm(s.as_str().unwrap())) {
                failures.push(format!("{id}: kept {s}"));
            }
        }
        for s in clean["must_occur_once"].as_array().into_iter().flatten() {
            let n = text.matches(&norm(s.as_str().unwrap())).count();
            if n != 1 {
                failures.push(format!("{id}: {n} copies of {s}"));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn every_title_and_date_matches() {
    let export = export();
    for gold in golds() {
        let id = gold["id"].as_str().unwrap();
        let article = &export[id];
        if let Some(title) = gold["title"].as_str() {
            assert_eq!(norm(article["title"].as_str().unwrap()), norm(title), "title of {id}");
        }
        if let Some(date) = gold.get("date") {
            let acceptable = gold.get("date_acceptable").and_then(Value::as_array).cloned().unwrap_or_else(|| vec![date.clone()]);
            assert!(acceptable.contains(&article["date"]), "date of {id}: {} not in {acceptable:?}", article["date"]);
        }
    }
}

#[test]
fn every_offset_is_exact() {
    for (id, article) in export() {
        let text: Vec<char> = article["text"].as_str().unwrap().chars().collect();
        for m in article["mentions"].as_array().unwrap() {
            let (s, e) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
            assert!(s <= e && e <= text.len(), "{id}: {m}");
            let slice: String = text[s..e].iter().collect();
            assert_eq!(slice, m["text"].as_str().unwrap(), "{id}: {m}");
        }
    }
}
