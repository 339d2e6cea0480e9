//! Colours and styles: one highlight per mention kind, readable on dark and on light
//! terminals, and a colourless variant for `NO_COLOR` (<https://no-color.org>).
//!
//! Highlights set both the background (a pale tint) and the foreground (black from the
//! 256-colour cube, which terminal themes do not remap): the pair reads the same on a
//! dark and on a light background, unlike a bare foreground colour.

use ratatui::style::{Color, Modifier, Style};

use crate::model::Kind;

/// Every style the reader draws with.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// Whether this is the colourless variant.
    pub no_color: bool,
    /// The highlight of each kind, in [`Kind::ALL`] order.
    pub kinds: [Style; 5],
    /// Laid over the current mention (or search match): reverse video.
    pub current: Style,
    /// Laid over search matches.
    pub search: Style,
    /// Article titles.
    pub title: Style,
    /// Secondary text: dates, sources, bylines, hints.
    pub dim: Style,
    /// The border of the focused pane.
    pub focused_border: Style,
    /// The border of the other panes.
    pub border: Style,
    /// The cursor row of the focused list.
    pub cursor: Style,
    /// The cursor row of a list that does not have the focus.
    pub cursor_unfocused: Style,
    /// The mark of the open article.
    pub marker: Style,
    /// Warnings in the status bar.
    pub warning: Style,
    /// Key names in hints and in the help.
    pub key: Style,
    /// A hidden kind in the legend.
    pub hidden: Style,
}

impl Theme {
    /// The colour theme.
    pub fn colour() -> Self {
        let tint = |bg: u8| Style::new().fg(Color::Indexed(16)).bg(Color::Indexed(bg));
        Theme {
            no_color: false,
            kinds: [
                tint(218), // person: pink
                tint(157), // place: green
                tint(153), // organisation: blue
                tint(229), // figure: yellow
                tint(183), // date: violet
            ],
            current: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            search: Style::new().fg(Color::Indexed(16)).bg(Color::Indexed(208)).add_modifier(Modifier::BOLD),
            title: Style::new().add_modifier(Modifier::BOLD),
            dim: Style::new().add_modifier(Modifier::DIM),
            focused_border: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            border: Style::new().add_modifier(Modifier::DIM),
            cursor: Style::new().add_modifier(Modifier::REVERSED),
            cursor_unfocused: Style::new().add_modifier(Modifier::UNDERLINED),
            marker: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            warning: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD), // yellow is unreadable on white
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            hidden: Style::new().add_modifier(Modifier::DIM | Modifier::CROSSED_OUT),
        }
    }

    /// The colourless theme: kinds told apart by bold, underline and italic; reverse
    /// video for the current mention and for search matches.
    pub fn monochrome() -> Self {
        let m = |modifier: Modifier| Style::new().add_modifier(modifier);
        Theme {
            no_color: true,
            kinds: [
                m(Modifier::BOLD),
                m(Modifier::UNDERLINED),
                m(Modifier::BOLD | Modifier::UNDERLINED),
                m(Modifier::ITALIC),
                m(Modifier::ITALIC | Modifier::UNDERLINED),
            ],
            current: m(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
            search: m(Modifier::REVERSED),
            title: m(Modifier::BOLD),
            dim: m(Modifier::DIM),
            focused_border: m(Modifier::BOLD),
            border: m(Modifier::DIM),
            cursor: m(Modifier::REVERSED),
            cursor_unfocused: m(Modifier::UNDERLINED),
            marker: m(Modifier::BOLD),
            warning: m(Modifier::BOLD),
            key: m(Modifier::BOLD),
            hidden: m(Modifier::DIM | Modifier::CROSSED_OUT),
        }
    }

    /// The theme the environment asks for: colourless when `NO_COLOR` is set and not empty.
    pub fn from_env() -> Self {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::monochrome(),
            _ => Theme::colour(),
        }
    }

    /// The highlight of one kind.
    pub fn kind(&self, kind: Kind) -> Style {
        self.kinds[kind_index(kind)]
    }
}

/// The position of a kind in [`Kind::ALL`] (and its key, minus one).
pub fn kind_index(kind: Kind) -> usize {
    match kind {
        Kind::Person => 0,
        Kind::Place => 1,
        Kind::Org => 2,
        Kind::Figure => 3,
        Kind::Date => 4,
    }
}

/// The word shown for a kind in the legend and the panels.
pub fn kind_label(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "person",
        Kind::Place => "place",
        Kind::Org => "org",
        Kind::Figure => "figure",
        Kind::Date => "date",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_distinct_in_both_themes() {
        for theme in [Theme::colour(), Theme::monochrome()] {
            for (i, a) in theme.kinds.iter().enumerate() {
                for b in &theme.kinds[i + 1..] {
                    assert_ne!(a, b);
                }
                assert_ne!(a.patch(theme.current), *a);
            }
        }
        assert!(Theme::monochrome().kinds.iter().all(|s| s.fg.is_none() && s.bg.is_none()));
    }
}
