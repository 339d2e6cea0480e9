//! End to end: the real `vigie` binary in a tmux pane, driven by keys, checked on the
//! captured screen; then the shell's terminal settings, to see that the reader gave the
//! terminal back. Skipped, with a message, where tmux is not installed.
//!
//! The checks only rely on what does not depend on the extractor's output (pane titles,
//! the legend, overlays), since the bundled articles are analysed by the real pipeline.

use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

const BINARY: &str = env!("CARGO_BIN_EXE_vigie");
const TIMEOUT: Duration = Duration::from_secs(20);

/// A tmux server of our own (its own socket) running one shell.
struct Pane {
    socket: String,
    /// Where the server's socket file is, to remove it after the server.
    socket_path: Option<String>,
}

impl Pane {
    /// A shell in a `width`×`height` pane, or `None` (after saying so) without tmux.
    fn start(name: &str, width: u16, height: u16) -> Option<Pane> {
        if Command::new("tmux").arg("-V").output().map_or(true, |o| !o.status.success()) {
            eprintln!("skipped: tmux is not installed");
            return None;
        }
        let mut pane = Pane { socket: format!("vigie-e2e-{}-{name}", std::process::id()), socket_path: None };
        let shell = "env -u NO_COLOR TERM=xterm-256color PS1='$ ' sh";
        let (w, h) = (width.to_string(), height.to_string());
        let started = pane.tmux(&["new-session", "-d", "-s", "e2e", "-x", &w, "-y", &h, shell]);
        assert!(started.status.success(), "tmux: {}", String::from_utf8_lossy(&started.stderr));
        let path = pane.tmux(&["display-message", "-p", "#{socket_path}"]);
        pane.socket_path = Some(String::from_utf8_lossy(&path.stdout).trim().to_string()).filter(|p| !p.is_empty());
        pane.wait_for("$");
        Some(pane)
    }

    fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux").args(["-L", &self.socket]).args(args).output().expect("tmux runs")
    }

    /// Types `text` then Enter.
    fn type_line(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "e2e", "-l", text]);
        self.keys(&["Enter"]);
    }

    /// Sends keys by tmux name (`j`, `Enter`, `Escape`, `Tab`, `C-c`).
    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }

    /// Waits until the screen shows `text`, and returns the screen.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(start.elapsed() < TIMEOUT, "timed out waiting for {text:?}; the screen:\n{screen}");
            sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the screen no longer shows `text`.
    fn wait_for_no(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if !screen.contains(text) {
                return screen;
            }
            assert!(start.elapsed() < TIMEOUT, "timed out waiting for {text:?} to go; the screen:\n{screen}");
            sleep(Duration::from_millis(50));
        }
    }

    /// The pid of the process the shell is running.
    fn child_pid(&self) -> String {
        let out = self.tmux(&["display-message", "-p", "-t", "e2e", "#{pane_pid}"]);
        let shell = String::from_utf8_lossy(&out.stdout).trim().to_string();
        let start = Instant::now();
        loop {
            let children: String = std::fs::read_dir(format!("/proc/{shell}/task"))
                .into_iter()
                .flatten()
                .flatten()
                .filter_map(|task| std::fs::read_to_string(task.path().join("children")).ok())
                .collect();
            if let Some(pid) = children.split_whitespace().next() {
                return pid.to_string();
            }
            assert!(start.elapsed() < TIMEOUT, "the shell started no process");
            sleep(Duration::from_millis(50));
        }
    }

    /// Checks, from the shell, that the terminal is back in cooked mode with echo, and
    /// that the last command exited with `code`.
    fn assert_restored(&self, code: u8) {
        // Typing before the reader has gone would send the command to the reader.
        self.wait_for_no("Articles (");
        // The marker is split in the command so that only the output shows it whole.
        self.type_line("r=$?; clear; echo \"rc=$r\"; stty -a | tr ' ;' '\\n\\n' | grep -x -e '-*icanon' -e '-*echo' | tr '\\n' ' '; printf '%s\\n' DO\"NE\"");
        let screen = self.wait_for("DONE");
        assert!(screen.contains(&format!("rc={code}\n")), "exit code; the screen:\n{screen}");
        assert!(screen.contains("icanon echo") && !screen.contains("-icanon"), "terminal not restored:\n{screen}");
        assert!(!screen.contains("Articles ("), "the reader's screen is still shown:\n{screen}");
    }
}

impl Drop for Pane {
    fn drop(&mut self) {
        // Our own server only: its socket name is unique to this test.
        let _ = Command::new("tmux").args(["-L", &self.socket, "kill-server"]).output();
        if let Some(path) = &self.socket_path {
            let _ = std::fs::remove_file(path);
        }
    }
}

#[test]
fn the_reader_answers_keys_and_gives_the_terminal_back() {
    let Some(pane) = Pane::start("keys", 120, 40) else { return };
    pane.type_line(BINARY);
    pane.wait_for("Articles (5)");
    // The frame is written top to bottom: the key help on the last row says it is whole.
    let screen = pane.wait_for("? help");
    assert!(screen.contains("Article 1/5"), "{screen}");
    assert!(screen.contains("1 person  2 place  3 org  4 figure  5 date"), "{screen}");
    assert!(screen.contains("? help"), "{screen}");

    pane.keys(&["j", "Enter"]);
    pane.wait_for("Article 2/5");
    pane.keys(&["?"]);
    pane.wait_for("? or Esc closes");
    pane.keys(&["Escape"]);
    pane.wait_for_no("? or Esc closes");
    pane.keys(&["t"]);
    pane.wait_for("Corpus timeline");
    pane.keys(&["E"]);
    pane.wait_for("Entities of the corpus");
    // Escape alone: followed at once by a key, it would read as Alt and that key.
    pane.keys(&["Escape"]);
    pane.wait_for_no("Entities of the corpus");
    pane.keys(&["/", "x", "y", "z", "z", "y", "Enter"]);
    pane.wait_for("pattern not found: xyzzy");
    pane.keys(&["q"]);
    pane.assert_restored(0);
}

#[test]
fn a_resize_redraws_and_a_tiny_terminal_is_told_so() {
    let Some(pane) = Pane::start("resize", 120, 40) else { return };
    pane.type_line(BINARY);
    pane.wait_for("Articles (5)");
    pane.tmux(&["resize-window", "-t", "e2e", "-x", "50", "-y", "10"]);
    pane.wait_for("terminal too small");
    pane.tmux(&["resize-window", "-t", "e2e", "-x", "80", "-y", "24"]);
    pane.wait_for("Articles (5)");
    pane.keys(&["C-c"]);
    pane.assert_restored(0);
}

#[test]
fn a_panic_gives_the_terminal_back_then_prints_its_message() {
    let Some(pane) = Pane::start("panic", 100, 30) else { return };
    pane.type_line(&format!("{BINARY} --debug-panic"));
    let screen = pane.wait_for("deliberate panic");
    assert!(!screen.contains("Articles ("), "the message went into the reader's screen:\n{screen}");
    pane.assert_restored(101);
}

#[test]
fn sigterm_gives_the_terminal_back() {
    let Some(pane) = Pane::start("sigterm", 100, 30) else { return };
    pane.type_line(BINARY);
    pane.wait_for("Articles (5)");
    let pid = pane.child_pid();
    let killed = Command::new("kill").args(["-TERM", &pid]).status().expect("kill runs");
    assert!(killed.success());
    pane.assert_restored(143);
}

#[test]
fn nothing_to_read_exits_2_without_touching_the_terminal() {
    let Some(pane) = Pane::start("empty", 100, 30) else { return };
    pane.type_line(&format!("{BINARY} /nonexistent/vigie-e2e"));
    let screen = pane.wait_for("no article to read");
    assert!(screen.contains("/nonexistent/vigie-e2e: no such file or directory"), "{screen}");
    pane.assert_restored(2);
}

#[test]
fn a_terminal_that_hangs_up_ends_the_reader() {
    let Some(pane) = Pane::start("hangup", 100, 30) else { return };
    pane.type_line(BINARY);
    pane.wait_for("Articles (5)");
    let pid = pane.child_pid();
    // The whole terminal goes away: no key, maybe no SIGHUP.
    pane.tmux(&["kill-server"]);
    let start = Instant::now();
    loop {
        // Gone, or a zombie waiting for its new parent to reap it.
        let state = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        let state = state.rsplit(')').next().unwrap_or("").split_whitespace().next().unwrap_or("");
        if state.is_empty() || state == "Z" {
            break;
        }
        if start.elapsed() > TIMEOUT {
            // Leave no orphan spinning behind a failed test.
            let _ = Command::new("kill").args(["-KILL", &pid]).status();
            panic!("the reader {pid} still ran ({state}) after its terminal hung up");
        }
        sleep(Duration::from_millis(50));
    }
}
