//! The key map: which key or mouse gesture asks for which [`Action`]. It follows less,
//! vim and the usual terminal readers. The help overlay is generated from [`HELP`],
//! which lives here so that the map and its documentation change together.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

use super::action::{Action, Scope};
use crate::model::Kind;

/// How keys are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyMode {
    /// Keys are commands.
    Normal,
    /// Keys type into the search prompt.
    Search,
}

/// Lines the mouse wheel scrolls per notch.
pub const WHEEL_LINES: i16 = 3;

/// The action of a key, if it has one.
pub fn action_for_key(key: KeyEvent, mode: KeyMode) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && matches!(key.code, KeyCode::Char('c' | 'C')) {
        return Some(Action::Interrupt);
    }
    if mode == KeyMode::Search {
        return match key.code {
            KeyCode::Enter => Some(Action::SearchSubmit),
            KeyCode::Esc => Some(Action::Escape),
            KeyCode::Backspace => Some(Action::SearchBackspace),
            KeyCode::Char(c) if !ctrl && !key.modifiers.contains(KeyModifiers::ALT) => Some(Action::SearchInput(c)),
            _ => None,
        };
    }
    if ctrl {
        return match key.code {
            KeyCode::Char('f' | 'd') => Some(Action::PageDown),
            KeyCode::Char('b' | 'u') => Some(Action::PageUp),
            KeyCode::Char('n') => Some(Action::Down),
            KeyCode::Char('p') => Some(Action::Up),
            _ => None,
        };
    }
    Some(match key.code {
        KeyCode::Char('j') | KeyCode::Down => Action::Down,
        KeyCode::Char('k') | KeyCode::Up => Action::Up,
        KeyCode::Char(' ' | 'f') | KeyCode::PageDown => Action::PageDown,
        KeyCode::Char('b') | KeyCode::PageUp => Action::PageUp,
        KeyCode::Char('g') | KeyCode::Home => Action::Top,
        KeyCode::Char('G') | KeyCode::End => Action::Bottom,
        KeyCode::Tab | KeyCode::Char('l') | KeyCode::Right => Action::NextPane,
        KeyCode::BackTab | KeyCode::Char('h') | KeyCode::Left => Action::PrevPane,
        KeyCode::Enter => Action::Open,
        KeyCode::Char('n') => Action::NextMention,
        KeyCode::Char('N') => Action::PrevMention,
        KeyCode::Char(']') => Action::NextSameEntity,
        KeyCode::Char('[') => Action::PrevSameEntity,
        KeyCode::Char(c @ '1'..='5') => Action::ToggleKind(Kind::ALL[usize::from(c as u8 - b'1')]),
        KeyCode::Char('t') => Action::ToggleTimeline,
        KeyCode::Char('/') => Action::StartSearch,
        KeyCode::Esc => Action::Escape,
        KeyCode::Char('?') => Action::Help,
        KeyCode::Char('e') => Action::Entities(Scope::Article),
        KeyCode::Char('E') => Action::Entities(Scope::Corpus),
        KeyCode::Char('q') => Action::Quit,
        _ => return None,
    })
}

/// The action of a mouse event, if it has one: a left click selects, the wheel scrolls.
pub fn action_for_mouse(event: MouseEvent) -> Option<Action> {
    let (column, row) = (event.column, event.row);
    match event.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
        MouseEventKind::ScrollDown => Some(Action::Scroll { column, row, lines: WHEEL_LINES }),
        MouseEventKind::ScrollUp => Some(Action::Scroll { column, row, lines: -WHEEL_LINES }),
        _ => None,
    }
}

/// One group of the help: a title and (keys, what they do) rows.
pub type HelpSection = (&'static str, &'static [(&'static str, &'static str)]);

/// Every key, as the help overlay lists them.
pub const HELP: &[HelpSection] = &[
    (
        "Move",
        &[
            ("j k ↓ ↑", "move the cursor, scroll the text (^N ^P)"),
            ("Space b", "page down, page up"),
            ("PgDn PgUp", "page down, page up (^F ^B ^D ^U)"),
            ("g G", "first, last; top, end (Home End)"),
            ("Tab S-Tab", "next, previous pane (also l h → ←)"),
            ("Enter", "open the article or event; in the text, a line"),
            ("mouse", "click selects, wheel scrolls"),
        ],
    ),
    (
        "Mentions",
        &[
            ("n N", "next, previous mention"),
            ("] [", "next, previous of the same entity"),
            ("1 … 5", "show, hide persons places orgs"),
            ("", "figures dates (hidden: n skips)"),
        ],
    ),
    (
        "Panels",
        &[
            ("/", "search; then n N go through matches"),
            ("t", "article timeline, corpus timeline"),
            ("e E", "entities of the article, of the corpus"),
            ("?", "this help"),
            ("Esc", "close the panel, clear the search"),
            ("q Ctrl-C", "quit"),
        ],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn maps_the_usual_keys() {
        let normal = |code| action_for_key(key(code), KeyMode::Normal);
        assert_eq!(normal(KeyCode::Char('j')), Some(Action::Down));
        assert_eq!(normal(KeyCode::Char(' ')), Some(Action::PageDown));
        assert_eq!(normal(KeyCode::BackTab), Some(Action::PrevPane));
        assert_eq!(normal(KeyCode::Char('3')), Some(Action::ToggleKind(Kind::Org)));
        assert_eq!(normal(KeyCode::Char('E')), Some(Action::Entities(Scope::Corpus)));
        assert_eq!(normal(KeyCode::Char('x')), None);
        assert_eq!(action_for_key(key(KeyCode::Char('q')), KeyMode::Search), Some(Action::SearchInput('q')));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for_key(ctrl_c, KeyMode::Search), Some(Action::Interrupt));
        let shift_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(action_for_key(shift_g, KeyMode::Normal), Some(Action::Bottom));
    }
}
