//! The `vigie` binary on bad input: each case gives a clear message, loads what can be
//! loaded, and exits non-zero only when nothing could be.

use std::fs;
use std::process::{Command, Output};

fn vigie(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vigie")).args(args).output().expect("vigie runs")
}

fn export_of(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

fn ids(out: &Output) -> Vec<String> {
    export_of(out)["articles"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap().to_string()).collect()
}

const GOOD: &str = "Un titre d'article pour le test\n\nLe conseil municipal a voté mardi un budget de 12 millions d'euros pour rénover les écoles de la ville, a annoncé la mairie.";

#[test]
fn export_without_path_gives_the_bundled_articles() {
    let out = vigie(&["export"]);
    assert!(out.status.success());
    assert_eq!(ids(&out).len(), 5);
}

#[test]
fn pretty_and_jsonl_exports() {
    let out = vigie(&["export", "--pretty"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("\n  \"articles\""));
    let out = vigie(&["export", "--jsonl"]);
    let lines: Vec<_> = String::from_utf8_lossy(&out.stdout).lines().map(String::from).collect();
    assert_eq!(lines.len(), 5);
    for line in lines {
        let a: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert!(a["id"].is_string() && a["mentions"].is_array());
    }
}

#[test]
fn bad_files_are_reported_and_good_ones_still_load() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("good.txt"), GOOD).unwrap();
    fs::write(d.join("empty.txt"), "").unwrap();
    fs::write(d.join("binary.txt"), [0x7f, b'E', b'L', b'F', 0, 0, 1, 2, 3, 0]).unwrap();
    let mut latin1 = GOOD.replace("article", "caf\u{e9}").into_bytes();
    latin1.extend_from_slice(b" \xe9t\xe9 \xff.");
    fs::write(d.join("latin1.txt"), latin1).unwrap();
    fs::write(d.join("escapes.txt"), format!("Titre \u{1b}]0;pwned\u{7}piégé pour le test\n\n{GOOD} \u{1b}[2J\u{1b}]52;c;SGk=\u{7}\u{202e}fin")).unwrap();
    fs::write(d.join("notes.pdf"), "not an article").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(d.join("missing-target.txt"), d.join("dangling.txt")).unwrap();

    let out = vigie(&["export", d.to_str().unwrap(), d.join("absent.txt").to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(ids(&out), ["escapes", "good", "latin1"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    for expected in ["empty.txt: empty", "binary.txt: binary", "latin1.txt: invalid UTF-8", "absent.txt: no such file", "1 file(s) skipped"] {
        assert!(stderr.contains(expected), "missing {expected:?} in {stderr}");
    }
    let json = String::from_utf8_lossy(&out.stdout);
    for bad in ['\u{1b}', '\u{7}', '\u{202e}'] {
        assert!(!json.contains(bad), "escape {bad:?} reached the export");
    }
    // serde escapes control characters; none may be there even escaped
    assert!(!json.contains("\\u001b") && !json.contains("\\u0007"));
}

#[cfg(unix)]
#[test]
fn permission_denied_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    let locked = dir.path().join("locked.txt");
    fs::write(&locked, GOOD).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&locked).is_ok() {
        eprintln!("skipped: running as a user who can read mode-000 files (root)");
        return;
    }
    let out = vigie(&["export", dir.path().to_str().unwrap()]);
    assert!(out.status.success());
    assert_eq!(ids(&out), ["good"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("locked.txt: permission denied"));
}

#[test]
fn no_article_at_all_exits_2_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("image.png"), [0u8, 1, 2]).unwrap();
    for args in [vec!["export", dir.path().to_str().unwrap()], vec![dir.path().to_str().unwrap()], vec!["export", "/nonexistent/path"]] {
        let out = vigie(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("no article"), "{args:?}");
    }
}

#[test]
fn bad_arguments_exit_non_zero() {
    let out = vigie(&["export", "--no-such-flag"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!out.stderr.is_empty());
}

#[test]
fn standard_input_is_read() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(["export", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(GOOD.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(ids(&out), ["stdin"]);
}

#[test]
fn windows_line_endings_and_bom() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crlf.txt");
    fs::write(&path, format!("\u{feff}{}", GOOD.replace('\n', "\r\n"))).unwrap();
    let out = vigie(&["export", path.to_str().unwrap()]);
    let doc = export_of(&out);
    let a = &doc["articles"][0];
    assert_eq!(a["title"], "Un titre d'article pour le test");
    assert!(!a["text"].as_str().unwrap().contains('\r'));
}
