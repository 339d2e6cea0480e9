//! The entities panel: the entities of the open article (`e`) or of the corpus (`E`),
//! most mentioned first, with their kind and mention count.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Widget};

use super::action::Scope;
use super::app::{App, EntitiesPanel};
use super::help::clear_popup;
use super::layout::{entities_popup, inner};
use super::theme::kind_label;
use super::wrap::truncate;

/// Draws the entities panel over the panes.
pub fn render(app: &App, panel: &EntitiesPanel, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let popup = entities_popup(area, panel.items.len());
    if popup.width < 20 || popup.height < 4 {
        return;
    }
    let title = match panel.scope {
        Scope::Article => format!(" Entities of this article ({}) ", panel.items.len()),
        Scope::Corpus => format!(" Entities of the corpus ({}) ", panel.items.len()),
    };
    clear_popup(popup, buf);
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.focused_border)
        .title(Line::from(title))
        .title_bottom(Line::from(" Enter: first mention · Esc: close ").right_aligned())
        .render(popup, buf);
    let inside = inner(popup);
    let (x, width) = (inside.x + 1, usize::from(inside.width.saturating_sub(2)));
    let count_width = 8;
    let kind_width = 7;
    let name_width = width.saturating_sub(count_width + kind_width + 2);
    let header = format!("{:<name_width$} {:<kind_width$} {:>count_width$}", "entity", "kind", "mentions");
    buf.set_stringn(x, inside.y, &header, width, theme.dim);
    if panel.items.is_empty() {
        let note = match panel.scope {
            Scope::Article => "No person, place or organisation is mentioned in this article.",
            Scope::Corpus => "No person, place or organisation is mentioned in the corpus.",
        };
        buf.set_stringn(x, inside.y + 1, truncate(note, width), width, theme.dim);
        return;
    }
    let rows = usize::from(inside.height.saturating_sub(1));
    let end = (panel.view.offset + rows).min(panel.items.len());
    for (slot, i) in (panel.view.offset..end).enumerate() {
        let (id, count) = panel.items[i];
        let entity = app.index.entity(id);
        let y = inside.y + 1 + slot as u16;
        let row_style = if i == panel.view.cursor { theme.cursor } else { Style::new() };
        buf.set_style(Rect::new(inside.x, y, inside.width, 1), row_style);
        buf.set_stringn(x, y, truncate(&entity.name, name_width), name_width, row_style);
        let kx = x + (name_width + 1) as u16;
        buf.set_stringn(kx, y, kind_label(entity.kind), kind_width, theme.kind(entity.kind).patch(row_style));
        let count = format!("{count:>count_width$}");
        buf.set_stringn(kx + (kind_width + 1) as u16, y, &count, count_width, row_style);
    }
}
