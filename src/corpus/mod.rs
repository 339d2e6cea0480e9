//! Loading articles: files, directories (walked recursively), standard input, and the
//! articles bundled in the binary.
//!
//! Loading never stops at a bad file: each problem becomes a warning and the other
//! files still load.

mod decode;
pub mod synthetic;

use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

pub use decode::{Decoded, decode, decode_owned};

/// The largest part of a file that is read; the rest is dropped with a warning.
pub const MAX_FILE_BYTES: u64 = 5 * 1024 * 1024;

/// File name extensions read when walking a directory.
pub const ARTICLE_EXTENSIONS: [&str; 2] = ["txt", "md"];

/// One loaded, decoded article file, before cleaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The file name without its extension.
    pub id: String,
    /// Where it came from (a path as given, `<stdin>`, or `assets/articles/NAME`).
    pub source: String,
    /// The decoded text (newlines normalised to `\n`).
    pub text: String,
    /// Problems met while reading or decoding this file.
    pub warnings: Vec<String>,
}

/// Everything a load produced: the documents and a report of what was left out.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Readable text documents, in path order.
    pub documents: Vec<Document>,
    /// One line per file that was not loaded, or loaded with a problem.
    pub warnings: Vec<String>,
    /// Files skipped in directories because of their extension.
    pub skipped: usize,
}

/// The sample articles compiled into the binary, so that `vigie` with no path works
/// from any directory.
pub const BUNDLED: [(&str, &str); 5] = [
    ("000_8ee8630cbb08bc4b", include_str!("../../assets/articles/000_8ee8630cbb08bc4b.txt")),
    ("001_6d342fe71a67ec1b", include_str!("../../assets/articles/001_6d342fe71a67ec1b.txt")),
    ("002_d7ebae5b66885eeb", include_str!("../../assets/articles/002_d7ebae5b66885eeb.txt")),
    ("003_93d6684eea28a751", include_str!("../../assets/articles/003_93d6684eea28a751.txt")),
    ("004_9094e598d010c395", include_str!("../../assets/articles/004_9094e598d010c395.txt")),
];

/// The bundled sample articles.
pub fn bundled() -> Loaded {
    let documents = BUNDLED
        .iter()
        .map(|(id, text)| Document {
            id: id.to_string(),
            source: format!("assets/articles/{id}.txt"),
            text: text.to_string(),
            warnings: Vec::new(),
        })
        .collect();
    Loaded { documents, ..Loaded::default() }
}

/// Where one article comes from, before it is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Standard input.
    Stdin,
    /// A file on disk.
    File(PathBuf),
}

/// The article files that paths name, listed without reading them (a corpus may be
/// larger than memory).
#[derive(Debug, Default)]
pub struct Listing {
    /// The sources to read, in path order.
    pub sources: Vec<Source>,
    /// Paths that cannot be listed (missing, unreadable directories, broken links).
    pub warnings: Vec<String>,
    /// Files skipped in directories because of their extension.
    pub skipped: usize,
}

/// Lists every path: a file, a directory (walked recursively for `.txt` and `.md`
/// files), or `-` for standard input.
pub fn list(paths: &[PathBuf]) -> Listing {
    let mut listing = Listing::default();
    for path in paths {
        if path.as_os_str() == "-" {
            listing.sources.push(Source::Stdin);
            continue;
        }
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let mut seen = HashSet::new();
                let mut files = Vec::new();
                walk(path, &mut seen, &mut files, &mut listing);
                files.sort();
                listing.sources.extend(files.into_iter().map(Source::File));
            }
            Ok(_) => listing.sources.push(Source::File(path.clone())),
            Err(e) => listing.warnings.push(format!("{}: {}", shown(path), io_reason(&e))),
        }
    }
    listing
}

/// Reads and decodes one source. On failure, the message says which file and why.
/// A document's own problems (lossy decoding, truncation) are in its `warnings`.
pub fn read(source: &Source) -> Result<Document, String> {
    match source {
        Source::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .take(MAX_FILE_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| format!("<stdin>: cannot read: {e}"))?;
            document("stdin", "<stdin>".into(), bytes)
        }
        Source::File(path) => read_file(path),
    }
}

/// Loads every path (see [`list`] and [`read`]) into memory.
pub fn load(paths: &[PathBuf]) -> Loaded {
    let listing = list(paths);
    let mut loaded = Loaded { warnings: listing.warnings, skipped: listing.skipped, ..Loaded::default() };
    for source in &listing.sources {
        match read(source) {
            Ok(doc) => {
                loaded.warnings.extend(doc.warnings.iter().map(|w| format!("{}: {w}", doc.source)));
                loaded.documents.push(doc);
            }
            Err(w) => loaded.warnings.push(w),
        }
    }
    loaded
}

/// Collects article files under `dir`, guarding against symlink loops.
fn walk(dir: &Path, seen: &mut HashSet<PathBuf>, files: &mut Vec<PathBuf>, loaded: &mut Listing) {
    let canonical = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if !seen.insert(canonical) {
        return; // already walked: a symlink loop or a second link to the same place
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            loaded.warnings.push(format!("{}: {}", shown(dir), io_reason(&e)));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        // Follow symlinks, but only to directories and regular files.
        let Ok(meta) = fs::metadata(&path) else {
            loaded.warnings.push(format!("{}: broken link or unreadable entry", shown(&path)));
            continue;
        };
        if meta.is_dir() {
            walk(&path, seen, files, loaded);
        } else if meta.is_file() && has_article_extension(&path) {
            files.push(path);
        } else if has_article_extension(&path) {
            // A FIFO, socket or device named like an article: say why it is not read.
            loaded.warnings.push(format!("{}: not a regular file, skipped", shown(&path)));
        } else {
            loaded.skipped += 1;
        }
    }
}

/// A path as warnings show it: a file name can hold escape sequences, and warnings
/// reach the terminal.
fn shown(path: &Path) -> String {
    crate::sanitize::sanitize(&path.display().to_string())
}

fn has_article_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| a.eq_ignore_ascii_case(e)))
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Reads one file: only regular files (a FIFO or a device would block or never end),
/// at most [`MAX_FILE_BYTES`].
fn read_file(path: &Path) -> Result<Document, String> {
    let shown = shown(path);
    let file = open_without_blocking(path).map_err(|e| format!("{shown}: {}", io_reason(&e)))?;
    // What counts is what was opened: the path may have been swapped for a FIFO or a
    // device since it was listed.
    let size = match file.metadata() {
        Ok(m) if m.is_file() => m.len(),
        _ => return Err(format!("{shown}: not a regular file, skipped")),
    };
    // Room for the whole file and one byte more, so that the read ends in two calls
    // (the data, then end of file) instead of growing the buffer from 32 bytes. The size
    // is only a hint: the file may grow or shrink while it is read.
    let mut bytes = Vec::with_capacity(size.min(MAX_FILE_BYTES) as usize + 1);
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(|e| format!("{shown}: {}", io_reason(&e)))?;
    let id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| shown.clone());
    document(&id, shown, bytes)
}

/// Opens a file for reading without waiting: opening a FIFO that nobody writes to
/// would otherwise block the loader for ever.
fn open_without_blocking(path: &Path) -> std::io::Result<fs::File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path)
    }
    #[cfg(not(unix))]
    {
        fs::File::open(path)
    }
}

/// Decodes a file's bytes into a document, truncating what is over the limit.
fn document(id: &str, source: String, mut bytes: Vec<u8>) -> Result<Document, String> {
    let mut warnings = Vec::new();
    if bytes.len() as u64 > MAX_FILE_BYTES {
        bytes.truncate(MAX_FILE_BYTES as usize);
        // Cut before a character split by the limit rather than leave half of it.
        let keep = bytes.iter().rposition(|&b| b & 0xc0 != 0x80).unwrap_or(0);
        if bytes.get(keep).is_some_and(|&b| b >= 0xc0) {
            bytes.truncate(keep);
        }
        warnings.push(format!("larger than {} MB: truncated", MAX_FILE_BYTES / (1024 * 1024)));
    }
    let source = crate::sanitize::sanitize(&source);
    match decode_owned(bytes) {
        Decoded::Binary => Err(format!("{source}: binary data, skipped")),
        Decoded::Text(text, more) => {
            warnings.extend(more);
            if text.trim().is_empty() {
                return Err(format!("{source}: empty, skipped"));
            }
            Ok(Document { id: crate::sanitize::sanitize(id), source, text, warnings })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_articles_are_all_there() {
        let loaded = bundled();
        assert_eq!(loaded.documents.len(), 5);
        assert!(loaded.documents.iter().all(|d| !d.text.is_empty()));
    }

    #[test]
    fn directory_walk_filters_by_extension_and_survives_bad_files() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.txt"), "Titre\n\nCorps du texte.").unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        fs::write(dir.path().join("sub/b.md"), "# Titre\n\nCorps.").unwrap();
        fs::write(dir.path().join("image.png"), [0u8, 1, 2]).unwrap();
        fs::write(dir.path().join("empty.txt"), "").unwrap();
        fs::write(dir.path().join("bin.txt"), [0u8, 159, 146, 150, 0, 0]).unwrap();
        let loaded = load(&[dir.path().to_path_buf(), dir.path().join("missing.txt")]);
        let ids: Vec<_> = loaded.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(loaded.skipped, 1);
        assert_eq!(loaded.warnings.len(), 3, "{:?}", loaded.warnings);
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loop_terminates() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.txt"), "Titre\n\nCorps.").unwrap();
        std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
        let loaded = load(&[dir.path().to_path_buf()]);
        assert_eq!(loaded.documents.len(), 1);
    }

    #[test]
    fn oversized_file_is_truncated() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        let line = "Une phrase assez longue pour remplir le fichier rapidement.\n";
        fs::write(&path, line.repeat((MAX_FILE_BYTES as usize / line.len()) + 100)).unwrap();
        let loaded = load(&[path]);
        assert_eq!(loaded.documents[0].text.len() as u64, MAX_FILE_BYTES);
        assert!(loaded.warnings[0].contains("truncated"));
    }
}
