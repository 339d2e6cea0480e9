//! Quality floors on the bundled articles, scored by the project's evaluation script
//! (`tests/fixtures/score.py`, a copy of `shared/eval/score.py`). The floors sit just
//! under the measured figures so that a regression fails CI; raise them as the
//! extractor improves.

use std::process::Command;

/// (kind, metric, floor)
/// Measured on 2026-11-22: entities 0.993, person 1.0, place 0.992, org 0.985,
/// figure 1.0, date 0.906 (002 has no date anchor the text can give).
const FLOORS: &[(&str, &str, f64)] = &[
    ("entities", "f1", 0.97),
    ("person", "f1", 0.97),
    ("place", "f1", 0.97),
    ("org", "f1", 0.95),
    ("figure", "f1", 0.97),
    ("date", "f1", 0.88),
];

/// Scores that must stay at their maximum.
const EXACT: &[(&str, f64)] = &[
    ("title_accuracy", 1.0),
    ("date_accuracy", 1.0),
    ("clean_checks", 1.0),
    ("alias_merge_recall", 0.97),
    ("alias_split_precision", 0.98),
];

#[test]
fn bundled_articles_score_above_the_floors() {
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("skipped: python3 is not installed");
        return;
    }
    let corpus = vigie::open(&[]);
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("export.json");
    let mut out = Vec::new();
    vigie::export::write_json(&mut out, &corpus.articles, false).unwrap();
    std::fs::write(&export, out).unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    let result = Command::new("python3")
        .arg(format!("{root}/tests/fixtures/score.py"))
        .arg(format!("{root}/tests/fixtures/gold"))
        .arg(&export)
        .arg("--json")
        .output()
        .unwrap();
    assert!(result.status.success(), "{}", String::from_utf8_lossy(&result.stderr));
    let scores: serde_json::Value = serde_json::from_slice(&result.stdout).unwrap();
    eprintln!("{scores:#}");
    let mut failures = Vec::new();
    for (kind, metric, floor) in FLOORS {
        let v = scores[kind][metric].as_f64().unwrap();
        if v < *floor {
            failures.push(format!("{kind} {metric} = {v} < {floor}"));
        }
    }
    for (metric, want) in EXACT {
        let v = scores[metric].as_f64().unwrap();
        if v < *want {
            failures.push(format!("{metric} = {v} < {want}"));
        }
    }
    assert_eq!(scores["bad_offsets"], 0);
    assert!(failures.is_empty(), "{failures:#?}");
}
