//! Hostile input end to end: terminal escapes, controls, bidi and invisible characters
//! never reach the export; odd files (empty, huge, binary, mis-encoded, badly named,
//! looping links, FIFOs) are decoded or reported without blocking, and the good files
//! beside them still load.

#[path = "support/invariants.rs"]
mod invariants;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const TITLE: &str = "Le conseil municipal vote le budget des écoles";
const BODY: &str = "Le conseil municipal de Lyon a voté mardi 18 juin 2024 un budget de 12 millions d'euros pour rénover les écoles de la ville, a annoncé la mairie.";

/// Payloads that act on a terminal or hide text, each with a marker that must not
/// survive (the payload's own content, not the visible text around it).
const PAYLOADS: &[(&str, &str, Option<&str>)] = &[
    // NUL is left out: a file holding one is binary data and is skipped whole.
    ("C0 controls", "\u{1}\u{7}\u{8}\u{b}\u{c}\u{e}\u{1f}\u{7f}", None),
    ("C1 controls", "\u{80}\u{84}\u{85}\u{8d}\u{8e}\u{9c}\u{9f}", None),
    ("CSI colour", "\u{1b}[31;1m", Some("31;1m")),
    ("CSI clear screen", "\u{1b}[2J\u{1b}[H", Some("[2J")),
    ("8-bit CSI", "\u{9b}6n", Some("6n")),
    ("OSC title (BEL)", "\u{1b}]0;pwned-title\u{7}", Some("pwned-title")),
    ("OSC title (ST)", "\u{1b}]2;pwned-title\u{1b}\\", Some("pwned-title")),
    ("OSC 8 hyperlink", "\u{1b}]8;;https://evil.example/x\u{1b}\\cliquez\u{1b}]8;;\u{1b}\\", Some("evil.example")),
    ("OSC 52 clipboard", "\u{1b}]52;c;Y3VybCBldmlsIHwgc2g=\u{7}", Some("Y3VybCBldmlsIHwgc2g=")),
    ("8-bit OSC", "\u{9d}0;pwned-title\u{9c}", Some("pwned-title")),
    ("DCS", "\u{1b}P1$tpwned-dcs\u{1b}\\", Some("pwned-dcs")),
    ("8-bit DCS", "\u{90}pwned-dcs\u{9c}", Some("pwned-dcs")),
    ("APC/PM/SOS", "\u{1b}_pwned-apc\u{1b}\\\u{1b}^pwned-pm\u{1b}\\\u{1b}Xpwned-sos\u{1b}\\", Some("pwned-")),
    ("lone ESC", "\u{1b}", None),
    ("ESC at end of line", "\u{1b}]0;unterminated", Some("unterminated")),
    ("bidi overrides", "\u{202a}\u{202b}\u{202c}\u{202d}\u{202e}", None),
    ("bidi isolates", "\u{2066}\u{2067}\u{2068}\u{2069}", None),
    ("zero-width", "\u{200b}\u{200c}\u{200d}\u{200e}\u{200f}", None),
];

fn vigie(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vigie")).args(args).output().expect("vigie runs")
}

/// A page with the payload in the headline, inside a word and at the end of the body.
fn page_with(payload: &str) -> String {
    format!("{TITLE}{payload} !\n\n{BODY} Ré{payload}novation prévue.{payload}\n\nUne seconde phrase{payload} suit ici.")
}

fn analyse_paths(paths: &[PathBuf]) -> (vigie::corpus::Loaded, Vec<vigie::model::Article>) {
    let loaded = vigie::corpus::load(paths);
    let articles = vigie::analyse(&loaded.documents);
    for a in &articles {
        invariants::check_article(a);
    }
    invariants::check_export(&articles);
    (loaded, articles)
}

#[test]
fn escapes_controls_bidi_and_invisibles_never_reach_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for (i, (name, payload, _)) in PAYLOADS.iter().enumerate() {
        let path = dir.path().join(format!("p{i:02}.txt"));
        fs::write(&path, page_with(payload)).unwrap_or_else(|e| panic!("{name}: {e}"));
        paths.push(path);
    }
    let (loaded, articles) = analyse_paths(&paths);
    assert_eq!(articles.len(), PAYLOADS.len(), "every page loads: {:?}", loaded.warnings);
    for ((name, _, marker), a) in PAYLOADS.iter().zip(&articles) {
        assert!(a.title.starts_with("Le conseil municipal"), "{name}: title {:?}", a.title);
        assert!(a.text.contains("Lyon"), "{name}: body lost: {:?}", a.text);
        let mut json = Vec::new();
        vigie::export::write_jsonl_line(&mut json, a).unwrap();
        let json = String::from_utf8(json).unwrap();
        // serde_json escapes controls as \uXXXX: the escaped forms must not be there either.
        for bad in ["\\u001b", "\\u0007", "\\u0000", "\u{1b}", "\u{9b}", "\u{9d}", "\u{202e}", "\u{200b}"] {
            assert!(!json.contains(bad), "{name}: export holds {bad:?}");
        }
        if let Some(marker) = marker {
            // The source path is the temporary directory's random name, which may spell a
            // short marker (`.tmpba6nBI` holds `6n`): look only at what came from the page.
            let mut doc: serde_json::Value = serde_json::from_str(&json).unwrap();
            doc.as_object_mut().unwrap().remove("source");
            let from_page = doc.to_string();
            assert!(!from_page.contains(marker), "{name}: payload {marker:?} survived: {from_page}");
        }
    }
}

#[test]
fn the_binary_exports_hostile_pages_clean() {
    let dir = tempfile::tempdir().unwrap();
    for (i, (_, payload, _)) in PAYLOADS.iter().enumerate() {
        fs::write(dir.path().join(format!("p{i:02}.txt")), page_with(payload)).unwrap();
    }
    let out = vigie(&["export", dir.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 export");
    let doc: serde_json::Value = serde_json::from_str(&stdout).expect("JSON export");
    assert_eq!(doc["articles"].as_array().unwrap().len(), PAYLOADS.len());
    assert!(!stdout.chars().any(|c| c != '\n' && invariants::is_forbidden(c)));
    for bad in ["\\u001b", "\\u0007", "evil.example", "Y3VybCBldmlsIHwgc2g=", "pwned"] {
        assert!(!stdout.contains(bad), "export holds {bad:?}");
    }
    // Standard error is shown on a terminal too: nothing there may act on it.
    assert!(!String::from_utf8_lossy(&out.stderr).chars().any(|c| c != '\n' && invariants::is_forbidden(c)));
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian { vec![0xfe, 0xff] } else { vec![0xff, 0xfe] };
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
    }
    bytes
}

fn good_page() -> String {
    format!("{TITLE}\n\n{BODY}")
}

#[test]
fn utf16_with_bom_is_decoded_both_ways() {
    let dir = tempfile::tempdir().unwrap();
    let le = dir.path().join("le.txt");
    let be = dir.path().join("be.txt");
    fs::write(&le, utf16(&good_page(), false)).unwrap();
    fs::write(&be, utf16(&good_page(), true)).unwrap();
    let (loaded, articles) = analyse_paths(&[le, be]);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    for a in &articles {
        assert_eq!(a.title, TITLE);
        assert!(a.text.starts_with("Le conseil municipal de Lyon"), "{:?}", a.text);
    }
}

#[test]
fn empty_binary_and_invalid_utf8_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("empty.txt"), "").unwrap();
    fs::write(d.join("blank.txt"), " \n\n\t\n").unwrap();
    let binary: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    fs::write(d.join("binary.txt"), &binary).unwrap();
    let mut latin1 = good_page().into_bytes();
    latin1.extend_from_slice(b" \xe9t\xe9 \xff\xfe\xc3 \xed\xa0\x80 \xf4\x90\x80\x80.");
    fs::write(d.join("invalid.txt"), latin1).unwrap();
    let (loaded, articles) = analyse_paths(&[d.join("empty.txt"), d.join("blank.txt"), d.join("binary.txt"), d.join("invalid.txt")]);
    assert_eq!(articles.len(), 1);
    assert!(articles[0].warnings.iter().any(|w| w.contains("invalid UTF-8")));
    for expected in ["empty.txt: empty", "blank.txt: empty", "binary.txt: binary", "invalid.txt: invalid UTF-8"] {
        assert!(loaded.warnings.iter().any(|w| w.contains(expected)), "{expected}: {:?}", loaded.warnings);
    }
}

#[test]
fn a_two_megabyte_single_line_is_analysed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("line.txt");
    let mut line = String::with_capacity(2 * 1024 * 1024 + BODY.len());
    while line.len() < 2 * 1024 * 1024 {
        line.push_str(BODY);
        line.push(' ');
    }
    fs::write(&path, &line).unwrap();
    let started = Instant::now();
    let (loaded, articles) = analyse_paths(&[path]);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(articles.len(), 1);
    assert!(!articles[0].mentions.is_empty());
    assert!(started.elapsed() < Duration::from_secs(120), "took {:?}", started.elapsed());
}

#[test]
fn a_sparse_hundred_megabyte_file_is_truncated_not_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    // Prose past the 8 KiB that binary sniffing reads, distinct paragraphs so that none
    // is dropped as a repeat.
    let mut page = format!("{TITLE}\n\n");
    for i in 0..80 {
        page.push_str(&format!("Paragraphe {i}. {BODY}\n\n"));
    }
    fs::write(&path, page).unwrap();
    // The rest is a hole of NUL bytes: cheap to create, and past the binary sniffing window.
    fs::OpenOptions::new().write(true).open(&path).unwrap().set_len(100 * 1024 * 1024).unwrap();
    let (loaded, articles) = analyse_paths(&[path]);
    assert!(loaded.warnings.iter().any(|w| w.contains("truncated")), "{:?}", loaded.warnings);
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0].title, TITLE);
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(status.success());
}

/// Runs `f` on another thread and fails if it does not end in time (a FIFO opened for
/// reading blocks until a writer comes, which in a test never does).
fn within<T: Send + 'static>(limit: Duration, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(limit).expect("loading blocked")
}

#[cfg(unix)]
#[test]
fn a_fifo_is_reported_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    mkfifo(&fifo);
    let loaded = within(Duration::from_secs(20), move || vigie::corpus::load(&[fifo]));
    assert!(loaded.documents.is_empty());
    assert!(loaded.warnings.iter().any(|w| w.contains("pipe.txt: not a regular file")), "{:?}", loaded.warnings);
}

/// A file listed as regular and swapped for a FIFO before it is read: the read opens it
/// without waiting and reports it.
#[cfg(unix)]
#[test]
fn a_file_swapped_for_a_fifo_after_listing_does_not_block() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("swapped.txt");
    fs::write(&path, good_page()).unwrap();
    let listing = vigie::corpus::list(&[dir.path().to_path_buf()]);
    assert_eq!(listing.sources.len(), 1);
    fs::remove_file(&path).unwrap();
    mkfifo(&path);
    let source = listing.sources[0].clone();
    let read = within(Duration::from_secs(20), move || vigie::corpus::read(&source));
    assert!(read.is_err_and(|w| w.contains("swapped.txt: not a regular file")));
}

/// Builds a directory with two good files and every kind of bad one next to them.
#[cfg(unix)]
fn mixed_directory(d: &Path) {
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::symlink;

    fs::write(d.join("good.txt"), good_page()).unwrap();
    fs::create_dir(d.join("sub")).unwrap();
    fs::write(d.join("sub/also-good.md"), format!("# {TITLE}\n\n{BODY}")).unwrap();
    fs::write(d.join("empty.txt"), "").unwrap();
    fs::write(d.join("binary.txt"), [0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 0, 0]).unwrap();
    fs::write(d.join("invalid.txt"), [good_page().as_bytes(), b" \xff\xfe\xe9."].concat()).unwrap();
    fs::write(d.join("utf16le.txt"), utf16(&good_page(), false)).unwrap();
    fs::write(d.join("utf16be.txt"), utf16(&good_page(), true)).unwrap();
    fs::write(d.join("escapes.txt"), page_with("\u{1b}]8;;https://evil.example\u{7}\u{1b}[2J\u{202e}\u{200b}")).unwrap();
    // A name that is not UTF-8.
    let name = std::ffi::OsStr::from_bytes(b"bad-\xff\xfe-name.txt");
    fs::write(d.join(name), good_page()).unwrap();
    // Loops: a directory link to an ancestor, and a file link to itself.
    symlink(d, d.join("sub/loop")).unwrap();
    symlink(d.join("self.txt"), d.join("self.txt")).unwrap();
    symlink(d.join("nowhere.txt"), d.join("dangling.txt")).unwrap();
    mkfifo(&d.join("fifo.txt"));
    // Endless devices behind article names: reading them would never end.
    symlink("/dev/zero", d.join("zero.txt")).unwrap();
    symlink("/dev/urandom", d.join("random.md")).unwrap();
    // Names that would act on the terminal when a warning shows them.
    symlink(d.join("nowhere.txt"), d.join("\u{1b}]0;pwned-name\u{7}.txt")).unwrap();
    mkfifo(&d.join("\u{1b}[2J\u{202e}fifo2.txt"));
}

#[cfg(unix)]
#[test]
fn a_mixed_directory_loads_the_good_files_and_reports_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    mixed_directory(dir.path());
    let root = dir.path().to_path_buf();
    let (loaded, articles) = within(Duration::from_secs(60), move || analyse_paths(&[root]));
    let mut ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["also-good", "bad-\u{fffd}\u{fffd}-name", "escapes", "good", "invalid", "utf16be", "utf16le"]);
    for expected in [
        "empty.txt: empty",
        "binary.txt: binary",
        "invalid.txt: invalid UTF-8",
        "self.txt: broken link",
        "dangling.txt: broken link",
        "fifo.txt: not a regular file",
        "fifo2.txt: not a regular file",
        "zero.txt: not a regular file",
        "random.md: not a regular file",
        // The OSC went with its content: only ".txt" is left of that name.
        "/.txt: broken link",
    ] {
        assert!(loaded.warnings.iter().any(|w| w.contains(expected)), "{expected}: {:?}", loaded.warnings);
    }
    for w in &loaded.warnings {
        assert!(invariants::first_forbidden(w).is_none(), "warning {w:?}");
    }
}

#[cfg(unix)]
#[test]
fn the_binary_on_a_mixed_directory() {
    let dir = tempfile::tempdir().unwrap();
    mixed_directory(dir.path());
    let root = dir.path().to_str().unwrap().to_string();
    let out = within(Duration::from_secs(60), move || vigie(&["export", &root]));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 export");
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(doc["articles"].as_array().unwrap().len(), 7);
    assert!(!stdout.contains("evil.example") && !stdout.contains("\\u001b"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for expected in ["empty.txt: empty", "binary.txt: binary", "fifo.txt: not a regular file", "self.txt: broken link"] {
        assert!(stderr.contains(expected), "{expected}: {stderr}");
    }
    assert!(!stderr.chars().any(|c| c != '\n' && invariants::is_forbidden(c)), "{stderr:?}");
    assert!(!stderr.contains("[2J") && !stderr.contains("]0;"), "{stderr:?}");
}

#[test]
fn a_directory_of_nothing_but_bad_files_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("empty.txt"), "").unwrap();
    fs::write(dir.path().join("binary.txt"), [0u8; 64]).unwrap();
    let out = vigie(&["export", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
}

/// A page packed with distinct names, organisations and dates: linking once compared
/// every mention with every other (minutes for half a megabyte); it must stay linear.
#[test]
fn a_page_full_of_distinct_names_is_analysed_in_linear_time() {
    const FIRST: [&str; 6] = ["Jean", "Marie", "Pierre", "Anne", "Lucas", "Emma"];
    const SYLLABLES: [&str; 8] = ["ba", "ro", "ki", "tu", "mel", "dor", "san", "vi"];
    let mut state = 7u32;
    let mut next = |n: usize| {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        (state >> 16) as usize % n
    };
    let mut page = format!("{TITLE}\n\n");
    while page.len() < 384 * 1024 {
        let mut surname = || {
            let s: String = (0..3).map(|_| SYLLABLES[next(8)]).collect();
            let mut c = s.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect::<String>()).unwrap_or_default()
        };
        let (a, b, c) = (surname(), surname(), surname());
        page.push_str(&format!(
            "{} {a} a rencontré {} {b} à Paris le {} mars 2024 avec la Banque centrale de {c}. ",
            FIRST[next(6)],
            FIRST[next(6)],
            1 + next(28)
        ));
    }
    let started = Instant::now();
    let articles = invariants::check_texts(&[page]);
    assert!(articles[0].mentions.len() > 1000);
    assert!(started.elapsed() < Duration::from_secs(40), "took {:?}", started.elapsed());
}

/// Pages of nothing but dates or figures, without punctuation: the tense of each date
/// was read from its whole "sentence" (the page) and each figure was checked against
/// every earlier mention, both quadratic (minutes for 64 KB). They must stay linear.
#[test]
fn pages_of_bare_dates_and_figures_are_analysed_in_linear_time() {
    for (unit, size) in [("18 juin 2024 ", 48 * 1024), ("1 ", 128 * 1024)] {
        let page = format!("{TITLE}\n\n{}", unit.repeat(size / unit.len()));
        let started = Instant::now();
        let articles = invariants::check_texts(&[page]);
        assert!(articles[0].mentions.len() > 1000, "{unit:?}");
        assert!(started.elapsed() < Duration::from_secs(30), "{unit:?} took {:?}", started.elapsed());
    }
}
