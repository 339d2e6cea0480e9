//! The `vigie` command: open the reader on articles, or export their analysis as JSON.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// A terminal reader for folders of scraped news articles.
#[derive(Parser)]
#[command(name = "vigie", version, about, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Article files or directories (walked for .txt and .md files); `-` reads standard
    /// input. Without a path, the bundled sample articles open.
    paths: Vec<PathBuf>,
    /// Draw this many frames and quit (for timing start-up and for scripted checks).
    #[arg(long, hide = true)]
    frames: Option<u32>,
    /// Panic once the first frame is drawn (to test that the terminal is restored).
    #[arg(long, hide = true)]
    debug_panic: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Print the analysis (cleaned text, mentions, timeline) as JSON.
    Export {
        /// Article files or directories; `-` reads standard input; none: the bundled articles.
        paths: Vec<PathBuf>,
        /// Indent the JSON.
        #[arg(long, conflicts_with = "jsonl")]
        pretty: bool,
        /// One article per line, printed as each is ready.
        #[arg(long)]
        jsonl: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Export { paths, pretty, jsonl }) => export(&paths, pretty, jsonl),
        None => read(&cli.paths, cli.frames, cli.debug_panic),
    }
}

/// Prints the load warnings and says whether any article was loaded.
fn report(warnings: &[String], skipped: usize, articles: usize) -> bool {
    for w in warnings {
        eprintln!("vigie: {w}");
    }
    if skipped > 0 {
        eprintln!("vigie: {skipped} file(s) skipped (not .txt or .md)");
    }
    if articles == 0 {
        eprintln!("vigie: no article to read (give .txt or .md files, or directories holding them)");
        return false;
    }
    true
}

fn export(paths: &[PathBuf], pretty: bool, jsonl: bool) -> ExitCode {
    if jsonl {
        return export_lines(paths);
    }
    let corpus = vigie::open(paths);
    if !report(&corpus.warnings, corpus.skipped, corpus.articles.len()) {
        return ExitCode::from(2);
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = vigie::export::write_json(&mut out, &corpus.articles, pretty);
    written(result.and_then(|()| out.flush()))
}

/// `--jsonl`: each article printed as soon as it is analysed, memory bounded by a batch.
fn export_lines(paths: &[PathBuf]) -> ExitCode {
    // Not a locked stdout: the lines are written from the worker threads.
    let mut out = BufWriter::new(io::stdout());
    let result = vigie::analyse_each(paths, |a| {
        vigie::export::write_jsonl_line(&mut out, a)?;
        out.flush()
    });
    match result {
        Ok((n, warnings, skipped)) => {
            if report(&warnings, skipped, n) { ExitCode::SUCCESS } else { ExitCode::from(2) }
        }
        Err(e) => written(Err(e)),
    }
}

/// The exit status of writing the export.
fn written(result: io::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`vigie export | head`) is the reader's choice, not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("vigie: cannot write the export: {e}");
            ExitCode::FAILURE
        }
    }
}

fn read(paths: &[PathBuf], frames: Option<u32>, debug_panic: bool) -> ExitCode {
    match vigie::tui::run(paths, vigie::tui::Options { frames, panic_after_first_frame: debug_panic }) {
        Ok(vigie::tui::Outcome::Closed { warnings, skipped, signal }) => {
            // The reader showed these in its status bar; they stay visible after it closes.
            report(&warnings, skipped, usize::MAX);
            // Stopped by a signal: the shell convention, 128 + its number.
            signal.map_or(ExitCode::SUCCESS, |s| ExitCode::from(128 + s as u8))
        }
        Ok(vigie::tui::Outcome::NothingToRead(corpus)) => {
            report(&corpus.warnings, corpus.skipped, corpus.articles.len());
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("vigie: {e}");
            ExitCode::FAILURE
        }
    }
}
