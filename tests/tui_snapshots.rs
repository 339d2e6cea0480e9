//! Snapshots of every screen of the reader, at 120×40 and 80×24, on the fixture corpus
//! (hand-built mentions, so that the snapshots do not change with the extractor).
//! The screens with highlights also picture which cell has which highlight.

mod common;

use common::{app, draw, picture, press, text};

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];

/// Snapshots the screen after `keys`, at both sizes.
fn check(name: &str, keys: &str, with_highlights: bool) {
    for (w, h) in SIZES {
        let mut app = app(w, h);
        press(&mut app, keys);
        let shot = if with_highlights { picture(&mut app, w, h) } else { text(&draw(&mut app, w, h)) };
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), shot);
    }
}

#[test]
fn list() {
    check("list", "j", false);
}

#[test]
fn reader_with_highlights() {
    // The reader focused, the second mention current.
    check("reader", "<Tab>nn", true);
}

#[test]
fn reader_with_wide_and_combining_characters() {
    // The third article: Japanese, emoji, combining accents.
    check("reader_wide", "jj\nn", true);
}

#[test]
fn reader_scrolled_with_a_kind_hidden() {
    check("reader_scrolled", "<Tab>4 ", true);
}

#[test]
fn timeline() {
    check("timeline", "<Tab><Tab>j\n", true);
}

#[test]
fn corpus_timeline() {
    check("corpus_timeline", "tjj", false);
}

#[test]
fn help() {
    check("help", "?", false);
}

#[test]
fn entities_of_the_article() {
    check("entities", "ej", false);
}

#[test]
fn entities_of_the_corpus() {
    check("entities_corpus", "E", false);
}

#[test]
fn search() {
    check("search", "/camions\n", true);
}

#[test]
fn search_prompt() {
    check("search_prompt", "/Gen", true);
}

#[test]
fn terminal_too_small() {
    for (w, h) in [(50, 20), (100, 10)] {
        let mut app = app(w, h);
        insta::assert_snapshot!(format!("too_small_{w}x{h}"), text(&draw(&mut app, w, h)));
    }
}

#[test]
fn loading_a_large_corpus() {
    use vigie::LoadEvent;
    use vigie::tui::{App, Theme, fixture};
    for (w, h) in SIZES {
        let mut app = App::loading(Theme::colour());
        insta::assert_snapshot!(format!("loading_start_{w}x{h}"), text(&draw(&mut app, w, h)));
        app.on_load(LoadEvent::Total(250));
        for article in fixture::articles().into_iter().take(2) {
            app.on_load(LoadEvent::Article(Box::new((article, vigie::extract::Extraction::default()))));
        }
        insta::assert_snapshot!(format!("loading_{w}x{h}"), text(&draw(&mut app, w, h)));
    }
}
