//! Helpers shared by the reader's tests: an app on the fixture corpus, key sequences,
//! and text pictures of the screen and of its highlights for snapshots.
#![allow(dead_code)] // each test file uses its own part of the helpers

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use vigie::tui::{Action, App, Theme, fixture};

/// A reader on the fixture corpus, in colour, sized `width`×`height`.
pub fn app(width: u16, height: u16) -> App {
    let mut app = App::new(fixture::corpus(), Theme::colour());
    app.handle(Action::Resize { width, height });
    app
}

/// Presses keys: each character is a key, except `<name>` groups: `<Tab>`, `<S-Tab>`,
/// `<Enter>`, `<Esc>`, `<BS>`, `<Up>`, `<Down>`, `<Left>`, `<Right>`, `<PgUp>`,
/// `<PgDn>`, `<Home>`, `<End>`, `<C-c>`, `<C-f>`, `<C-b>`. A newline is Enter.
pub fn press(app: &mut App, keys: &str) {
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let (key, len) = if c == '<' && let Some(end) = rest.find('>') {
            (named(&rest[1..end]), end + 1)
        } else if c == '\n' {
            (KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE), 1)
        } else {
            let modifiers = if c.is_uppercase() { KeyModifiers::SHIFT } else { KeyModifiers::NONE };
            (KeyEvent::new(KeyCode::Char(c), modifiers), c.len_utf8())
        };
        app.on_key(key);
        rest = &rest[len..];
    }
}

fn named(name: &str) -> KeyEvent {
    let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
    match name {
        "Tab" => plain(KeyCode::Tab),
        "S-Tab" => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
        "Enter" => plain(KeyCode::Enter),
        "Esc" => plain(KeyCode::Esc),
        "BS" => plain(KeyCode::Backspace),
        "Up" => plain(KeyCode::Up),
        "Down" => plain(KeyCode::Down),
        "Left" => plain(KeyCode::Left),
        "Right" => plain(KeyCode::Right),
        "PgUp" => plain(KeyCode::PageUp),
        "PgDn" => plain(KeyCode::PageDown),
        "Home" => plain(KeyCode::Home),
        "End" => plain(KeyCode::End),
        "C-c" => KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
        "C-f" => KeyEvent::new(KeyCode::Char('f'), KeyModifiers::CONTROL),
        "C-b" => KeyEvent::new(KeyCode::Char('b'), KeyModifiers::CONTROL),
        other => panic!("unknown key <{other}>"),
    }
}

/// Draws `app` on a test terminal of its size and returns the buffer.
pub fn draw(app: &mut App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| vigie::tui::draw(frame, app)).unwrap();
    terminal.backend().buffer().clone()
}

/// The screen as text, one line per row, trailing spaces kept so that columns line up.
pub fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            // The cell after a wide character is hidden by it.
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buf[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            out.push_str(symbol);
        }
        out.push('\n');
    }
    out
}

/// The highlights of the screen as a picture, one character per cell: `p l o f d` for
/// the five kinds, `s` for a search match, upper case when in reverse video (`#` for
/// reverse video without a highlight), a space otherwise. Rows with nothing are blank.
pub fn highlights(buf: &Buffer) -> String {
    let theme = Theme::colour();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut row = String::new();
        let mut hidden = 0;
        for x in 0..buf.area.width {
            // The cell after a wide character is drawn by it: it shows the same highlight.
            if hidden > 0 {
                hidden -= 1;
                let last = row.chars().last().unwrap_or(' ');
                row.push(last);
                continue;
            }
            let cell = &buf[(x, y)];
            hidden = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
            let mut code = ' ';
            for (i, style) in theme.kinds.iter().enumerate() {
                if style.bg == Some(cell.bg) {
                    code = ['p', 'l', 'o', 'f', 'd'][i];
                }
            }
            if theme.search.bg == Some(cell.bg) {
                code = 's';
            }
            if cell.modifier.contains(Modifier::REVERSED) {
                code = if code == ' ' { '#' } else { code.to_ascii_uppercase() };
            }
            row.push(code);
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

/// The screen and its highlights, for one snapshot.
pub fn picture(app: &mut App, width: u16, height: u16) -> String {
    let buf = draw(app, width, height);
    format!("{}\n--- highlights ---\n{}", text(&buf), highlights(&buf))
}

/// Whether any cell of the buffer has a colour.
pub fn has_colour(buf: &Buffer) -> bool {
    buf.content.iter().any(|c| c.fg != Color::Reset || c.bg != Color::Reset)
}
