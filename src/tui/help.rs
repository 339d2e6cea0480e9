//! The help overlay: every key, from [`HELP`], in one column or two.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use super::app::App;
use super::keys::{HELP, HelpSection};
use super::layout::{centred, inner};
use super::wrap::{display_width, truncate};

/// Columns of the keys column.
const KEY_COLUMN: usize = 11;

/// Blanks the area of a popup. A wide character just left of it would cover the popup's
/// left border (its second half lies under the border), so it is blanked too.
pub(super) fn clear_popup(popup: Rect, buf: &mut Buffer) {
    let popup = popup.intersection(buf.area);
    Clear.render(popup, buf);
    if popup.x > buf.area.x {
        for y in popup.top()..popup.bottom() {
            let cell = &mut buf[(popup.x - 1, y)];
            if display_width(cell.symbol()) > 1 {
                cell.set_symbol(" ");
            }
        }
    }
}

/// Draws the help over the panes.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let text_width = HELP.iter().flat_map(|(_, rows)| rows.iter()).map(|(_, what)| display_width(what)).max().unwrap_or(0);
    let column = KEY_COLUMN + text_width + 2;
    let section_rows = |s: &HelpSection| s.1.len() + 1;
    let single: usize = HELP.iter().map(section_rows).sum();
    // Two columns when they fit: the first section on the left, the others on the right.
    let two = area.width as usize >= 2 * column + 6;
    let (columns, height) = if two {
        let right: usize = HELP[1..].iter().map(section_rows).sum::<usize>() + HELP.len() - 2;
        (vec![&HELP[..1], &HELP[1..]], section_rows(&HELP[0]).max(right))
    } else {
        (vec![HELP], single)
    };
    let width = if two { 2 * column + 3 } else { column + 2 };
    let popup = centred(area, width as u16 + 2, height as u16 + 2);
    clear_popup(popup, buf);
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.focused_border)
        .title(Line::from(" Keys "))
        .title_bottom(Line::from(" ? or Esc closes ").right_aligned())
        .render(popup, buf);
    let inside = inner(popup);
    for (c, sections) in columns.iter().enumerate() {
        let x = inside.x + 1 + (c * (column + 1)) as u16;
        let mut y = inside.y;
        for (s, (title, rows)) in sections.iter().enumerate() {
            // Sections after the first of a column get a blank row when there is room.
            if s > 0 && two {
                y += 1;
            }
            if y >= inside.bottom() {
                return;
            }
            buf.set_stringn(x, y, title, column, theme.title);
            y += 1;
            for (keys, what) in rows.iter() {
                if y >= inside.bottom() {
                    return;
                }
                let room = usize::from(inside.right().saturating_sub(x));
                buf.set_stringn(x, y, truncate(keys, KEY_COLUMN - 1), room, theme.key);
                let room = room.saturating_sub(KEY_COLUMN);
                buf.set_stringn(x + KEY_COLUMN as u16, y, truncate(what, room), room, ratatui::style::Style::new());
                y += 1;
            }
        }
    }
}
