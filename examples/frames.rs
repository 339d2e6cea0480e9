//! Draws frames of the reader on 10,000 fixture articles, for profiling:
//! `cargo run --release --example frames -- [KEYS]`.
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use vigie::tui::{Action, App, Theme, fixture};

fn main() {
    let keys: String = std::env::args().nth(1).unwrap_or_default();
    let base = fixture::articles();
    let articles: Vec<_> = (0..10_000)
        .map(|i| {
            let mut a = base[i % base.len()].clone();
            a.id = format!("{i:05}_{}", a.id);
            a
        })
        .collect();
    let mut app = App::new(vigie::Corpus { articles, ..Default::default() }, Theme::colour());
    app.handle(Action::Resize { width: 160, height: 45 });
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).unwrap();
    let t = std::time::Instant::now();
    for i in 0..2000 {
        if let Some(c) = keys.chars().nth(i % keys.len().max(1)) {
            app.on_key(KeyEvent::new(if c == '\t' { KeyCode::Tab } else { KeyCode::Char(c) }, KeyModifiers::NONE));
        }
        terminal.draw(|f| vigie::tui::draw(f, &mut app)).unwrap();
    }
    println!("{:?} per frame", t.elapsed() / 2000);
}
