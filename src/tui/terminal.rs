//! Taking over the terminal and giving it back on every exit: a normal quit, an error,
//! a panic (the hook restores the screen first, so the message stays readable), and
//! SIGTERM, SIGHUP or SIGINT (raised as a flag that the event loop checks).
//!
//! Ctrl-C does not raise SIGINT in raw mode: it arrives as a key and quits normally.
//!
//! A terminal that hangs up (its window closed, its tmux server killed) does not always
//! send SIGHUP, and crossterm then reads end-of-file in a busy loop without returning.
//! A watchdog thread waits for the hang-up on the terminal itself and ends the process.

use std::io::{self, Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::cursor::{Hide, Show};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

/// Whether the terminal is in the reader's hands (raw mode, alternate screen).
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// The terminal the reader draws on; it is restored when this is dropped.
pub struct Session {
    /// The ratatui terminal.
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
    /// One flag per signal that stops the reader, set when the signal arrives.
    stops: Vec<(i32, Arc<AtomicBool>)>,
}

/// The signals that stop the reader.
const STOP_SIGNALS: [i32; 3] = [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP, signal_hook::consts::SIGINT];

impl Session {
    /// Takes over the terminal: signal flags, panic hook, raw mode, alternate screen,
    /// mouse capture.
    pub fn start() -> io::Result<Session> {
        let mut stops = Vec::new();
        for signal in STOP_SIGNALS {
            let flag = Arc::new(AtomicBool::new(false));
            // A second signal while the first is being handled ends the process at once,
            // should the reader be stuck.
            signal_hook::flag::register_conditional_shutdown(signal, 1, Arc::clone(&flag))?;
            signal_hook::flag::register(signal, Arc::clone(&flag))?;
            stops.push((signal, flag));
        }
        install_panic_hook();
        watch_for_hang_up();
        enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        let mut stdout = io::stdout();
        if let Err(e) = execute!(stdout, EnterAlternateScreen, EnableMouseCapture, Hide) {
            restore();
            return Err(e);
        }
        let terminal = match Terminal::new(CrosstermBackend::new(stdout)) {
            Ok(t) => t,
            Err(e) => {
                restore();
                return Err(e);
            }
        };
        Ok(Session { terminal, stops })
    }

    /// The signal that asked the reader to stop, if one did.
    pub fn stopped_by(&self) -> Option<i32> {
        self.stops.iter().find(|(_, flag)| flag.load(Ordering::Relaxed)).map(|(signal, _)| *signal)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// Gives the terminal back: mouse, alternate screen, cursor, raw mode. Does nothing when
/// the reader does not hold the terminal, so it can run from several exits.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut stdout = io::stdout();
    // Errors are ignored: after SIGHUP the terminal may be gone, and there is nothing
    // better to do than to go on restoring the rest.
    let _ = execute!(stdout, DisableMouseCapture, LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
    let _ = stdout.flush();
}

/// Starts a thread that ends the process (status 128 + SIGHUP) when the terminal hangs
/// up; there is nothing left to restore then. It waits in `poll(2)` for nothing but the
/// hang-up, so it costs nothing until then.
fn watch_for_hang_up() {
    use std::io::IsTerminal;
    use std::os::fd::{AsRawFd, IntoRawFd};
    // The terminal crossterm reads: standard input when it is one, else /dev/tty.
    let fd = if io::stdin().is_terminal() {
        io::stdin().as_raw_fd()
    } else {
        match std::fs::File::open("/dev/tty") {
            // Kept open for the life of the process, like crossterm's own.
            Ok(tty) => tty.into_raw_fd(),
            Err(_) => return,
        }
    };
    let watcher = move || {
        loop {
            let mut watched = libc::pollfd { fd, events: 0, revents: 0 };
            // SAFETY: one valid pollfd, for the duration of the call.
            let ready = unsafe { libc::poll(&mut watched, 1, -1) };
            if ready < 0 {
                if io::Error::last_os_error().kind() == io::ErrorKind::Interrupted {
                    continue;
                }
                return;
            }
            if watched.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
                ACTIVE.store(false, Ordering::SeqCst);
                std::process::exit(128 + libc::SIGHUP);
            }
        }
    };
    let _ = std::thread::Builder::new().name("vigie-hang-up".into()).spawn(watcher);
}

/// Restores the terminal before the default panic message is printed, once.
fn install_panic_hook() {
    static INSTALLED: AtomicBool = AtomicBool::new(false);
    if INSTALLED.swap(true, Ordering::SeqCst) {
        return;
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}
