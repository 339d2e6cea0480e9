//! The terminal reader (placeholder until the reader lands).

use crate::Corpus;

/// Options of a reader session.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Draw this many frames and quit.
    pub frames: Option<u32>,
}

/// Runs the reader until the user quits.
pub fn run(corpus: Corpus, _options: Options) -> anyhow::Result<()> {
    for a in &corpus.articles {
        println!("{}  {}", a.date.map(|d| d.to_string()).unwrap_or_else(|| "????-??-??".into()), a.title);
    }
    Ok(())
}
