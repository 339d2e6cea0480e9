//! The terminal reader: articles on the left, the text in the centre with its mentions
//! highlighted, the timeline on the right, a status bar below.
//!
//! The code follows ratatui's component template: [`app::App`] holds the state and
//! [`app::App::handle`]s [`action::Action`]s without touching a terminal; [`keys`] maps
//! keys and mouse gestures to actions; each pane draws itself from the state
//! ([`articles`], [`reader`], [`timeline`], [`status`], [`help`], [`entities`]);
//! [`terminal`] takes the terminal over and gives it back; [`run`] ties them together
//! with the loader.

pub mod action;
pub mod app;
pub mod articles;
pub mod entities;
#[doc(hidden)]
pub mod fixture;
pub mod help;
pub mod keys;
pub mod layout;
pub mod reader;
pub mod status;
pub mod terminal;
pub mod theme;
pub mod timeline;
pub mod wrap;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::Duration;

use crossterm::event::{self, Event, KeyEventKind};
use ratatui::backend::TestBackend;
use ratatui::{Frame, Terminal};

pub use action::{Action, Scope};
pub use app::{App, Pane};
pub use theme::Theme;

use crate::{Corpus, LoadEvent};

/// Options of a reader session.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Draw this many frames and quit (for timing start-up and for scripted checks).
    /// When standard output is not a terminal, the frames are drawn off screen and the
    /// last one is printed as text.
    pub frames: Option<u32>,
    /// Panic on purpose once the first frame is on screen: lets a test check that the
    /// terminal comes back and the message is printed after it (hidden `--debug-panic`).
    pub panic_after_first_frame: bool,
}

/// How a reader session ended.
#[derive(Debug)]
pub enum Outcome {
    /// The user quit, or the frames asked for were drawn. Carries what loading
    /// reported, to print once the terminal is back.
    Closed {
        /// Problems met while loading.
        warnings: Vec<String>,
        /// Files skipped in directories because of their extension.
        skipped: usize,
        /// The signal (SIGTERM, SIGHUP, SIGINT) that stopped the reader, if one did.
        signal: Option<i32>,
    },
    /// Loading finished without a single article; the terminal was given back (or
    /// never taken). Carries the load report.
    NothingToRead(Corpus),
}

/// Corpora up to this many documents load before the first frame; larger ones open
/// the reader at once and fill it as the articles arrive.
pub const SMALL_CORPUS: usize = 64;

/// How often the reader without a terminal looks for analysed articles.
const LOAD_POLL: Duration = Duration::from_millis(5);

/// The size of the off-screen terminal when standard output is not a terminal
/// (overridden by `COLUMNS` and `LINES`).
const OFF_SCREEN_SIZE: (u16, u16) = (120, 40);

/// Draws the whole screen for `app`.
pub fn draw(frame: &mut Frame, app: &mut App) {
    let area = frame.area();
    app.prepare_for(area);
    let buf = frame.buffer_mut();
    let Some(screen) = app.screen() else {
        status::render_too_small(area, buf);
        return;
    };
    articles::render(app, &screen, buf);
    reader::render(app, &screen, buf);
    timeline::render(app, &screen, buf);
    status::render(app, &screen, buf);
    match app.overlay() {
        app::Overlay::None => {}
        app::Overlay::Help => help::render(app, area, buf),
        app::Overlay::Entities(panel) => entities::render(app, panel, area, buf),
    }
}

/// Opens the reader on `paths` (the bundled articles when empty) and runs it until the
/// user quits. Loading runs on a background thread; small corpora are loaded before the
/// first frame, large ones fill the reader as they arrive.
pub fn run(paths: &[PathBuf], options: Options) -> anyhow::Result<Outcome> {
    let rx = start_loading(paths)?;
    let mut app = App::loading(Theme::from_env());
    let headless = !std::io::stdout().is_terminal();
    // Off screen, there is no one to watch the progress: wait for all of it.
    let limit = if headless && options.frames.is_some() { usize::MAX } else { SMALL_CORPUS };
    if !load_before_first_frame(&rx, &mut app, limit)? {
        anyhow::bail!("the analysis stopped unexpectedly");
    }
    // An empty corpus is reported first, whatever the output: it is the likelier mistake.
    if app.nothing_to_read() {
        return Ok(nothing_to_read(&app));
    }
    match (headless, options.frames) {
        (true, Some(frames)) => draw_off_screen(app, frames),
        (true, None) => anyhow::bail!("the reader needs a terminal (to print the analysis, use `vigie export`)"),
        (false, _) => run_on_terminal(app, rx, options),
    }
}

/// Starts the analysis of `paths` on a thread of its own ([`crate::open_streaming`]),
/// whose events come on the receiver returned.
fn start_loading(paths: &[PathBuf]) -> anyhow::Result<Receiver<LoadEvent>> {
    let (tx, rx) = mpsc::channel();
    let owned = paths.to_vec();
    std::thread::Builder::new().name("vigie-load".into()).spawn(move || crate::open_streaming(&owned, tx))?;
    Ok(rx)
}

/// Loads and analyses `paths` (the bundled articles when empty) as the reader does, and
/// returns the reader's state once the whole corpus is in, settled and indexed: what
/// `vigie --frames 1` does before it draws its frame (the `load` benchmark times it).
pub fn load(paths: &[PathBuf], theme: Theme) -> anyhow::Result<App> {
    let rx = start_loading(paths)?;
    let mut app = App::loading(theme);
    if !load_before_first_frame(&rx, &mut app, usize::MAX)? {
        anyhow::bail!("the analysis stopped unexpectedly");
    }
    Ok(app)
}

/// Takes load events until the corpus is loaded, or until it turns out to have more than
/// `limit` documents. Returns false when the loader died without finishing.
fn load_before_first_frame(rx: &Receiver<LoadEvent>, app: &mut App, limit: usize) -> anyhow::Result<bool> {
    // Waiting for the whole corpus, with nobody to show the progress to: look for what
    // arrived every few milliseconds, as the terminal's loop does, rather than wake for
    // each article (10,000 wake-ups on 10,000 articles, each taking a core from the
    // analysis).
    let poll = limit == usize::MAX;
    loop {
        let received = match rx.try_recv() {
            Err(TryRecvError::Empty) if poll => {
                std::thread::sleep(LOAD_POLL);
                continue;
            }
            Err(TryRecvError::Empty) => rx.recv().map_err(|_| TryRecvError::Disconnected),
            other => other,
        };
        match received {
            Ok(LoadEvent::Total(total)) if total > limit => {
                app.on_load(LoadEvent::Total(total));
                return Ok(true);
            }
            Ok(event) => {
                let finished = matches!(event, LoadEvent::Finished(_) | LoadEvent::Done { .. });
                app.on_load(event);
                if finished {
                    return Ok(true);
                }
            }
            Err(_) => return Ok(false),
        }
    }
}

fn nothing_to_read(app: &App) -> Outcome {
    let (warnings, skipped) = app.load_report();
    Outcome::NothingToRead(Corpus { articles: Vec::new(), warnings: warnings.to_vec(), skipped })
}

/// The outcome of a closed reader. The app, with every article of the corpus, is freed
/// on a thread of its own: the process can end as soon as its caller is done, instead
/// of after the tens of milliseconds that freeing a large corpus takes (70–90 ms on
/// 12,521 articles), which nobody waits for.
fn closed(app: App, signal: Option<i32>) -> Outcome {
    let (warnings, skipped) = app.load_report();
    let outcome = Outcome::Closed { warnings: warnings.to_vec(), skipped, signal };
    // (Should no thread start, the closure and the app with it are freed here.)
    let _ = std::thread::Builder::new().name("vigie-free".into()).spawn(move || drop(app));
    outcome
}

/// Draws `frames` frames on an off-screen terminal and prints the last one as text.
fn draw_off_screen(mut app: App, frames: u32) -> anyhow::Result<Outcome> {
    let size = |var: &str, default: u16| std::env::var(var).ok().and_then(|v| v.parse().ok()).unwrap_or(default);
    let (width, height) = (size("COLUMNS", OFF_SCREEN_SIZE.0), size("LINES", OFF_SCREEN_SIZE.1));
    let mut terminal = Terminal::new(TestBackend::new(width, height))?;
    for _ in 0..frames.max(1) {
        terminal.draw(|frame| draw(frame, &mut app))?;
    }
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        for x in 0..buffer.area.width {
            line.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    print!("{out}");
    Ok(closed(app, None))
}

/// The event loop on the real terminal.
fn run_on_terminal(mut app: App, rx: Receiver<LoadEvent>, options: Options) -> anyhow::Result<Outcome> {
    let mut session = terminal::Session::start()?;
    let size = session.terminal.size()?;
    app.handle(Action::Resize { width: size.width, height: size.height });
    let mut drawn = 0u32;
    let mut dirty = true;
    let mut loader_alive = true;
    loop {
        if dirty {
            session.terminal.draw(|frame| draw(frame, &mut app))?;
            drawn += 1;
            dirty = false;
            if options.panic_after_first_frame {
                panic!("vigie: deliberate panic (--debug-panic)");
            }
        }
        if options.frames.is_some_and(|n| drawn >= n) {
            break;
        }
        // Wake often while loading, to show the progress; otherwise only to check signals.
        let timeout = match (options.frames, loader_alive && app.is_loading()) {
            (Some(_), _) => Duration::ZERO,
            (None, true) => Duration::from_millis(30),
            (None, false) => Duration::from_millis(200),
        };
        let mut next = event::poll(timeout)?.then(event::read).transpose()?;
        // Take every pending event before drawing again: fast typing and resizes coalesce.
        while let Some(event) = next {
            dirty |= match event {
                Event::Key(key) if key.kind != KeyEventKind::Release => {
                    app.on_key(key);
                    true
                }
                Event::Mouse(mouse) => {
                    app.on_mouse(mouse);
                    true
                }
                Event::Resize(width, height) => {
                    app.handle(Action::Resize { width, height });
                    true
                }
                _ => false,
            };
            next = event::poll(Duration::ZERO)?.then(event::read).transpose()?;
        }
        // A resize signalled before the event reader was listening is never reported:
        // compare the size at each wake (one ioctl).
        if let Ok(size) = session.terminal.size()
            && (size.width, size.height) != (app.size.width, app.size.height)
        {
            app.handle(Action::Resize { width: size.width, height: size.height });
            dirty = true;
        }
        while loader_alive {
            match rx.try_recv() {
                Ok(event) => {
                    app.on_load(event);
                    dirty = true;
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    loader_alive = false;
                    if app.is_loading() {
                        drop(session);
                        anyhow::bail!("the analysis stopped unexpectedly");
                    }
                }
            }
        }
        if app.nothing_to_read() {
            drop(session);
            return Ok(nothing_to_read(&app));
        }
        if let Some(signal) = session.stopped_by() {
            drop(session);
            return Ok(closed(app, Some(signal)));
        }
        if app.should_quit() {
            break;
        }
        if options.frames.is_some() {
            dirty = true;
        }
    }
    drop(session);
    Ok(closed(app, None))
}
