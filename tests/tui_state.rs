//! The reader's state under key sequences, mouse gestures and load events, without a
//! terminal: which article is open, which mention is current, where the text is scrolled.

mod common;

use common::{app, draw, has_colour, press};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::style::Modifier;
use vigie::tui::app::Overlay;
use vigie::tui::{Action, App, Pane, Scope, Theme, fixture};
use vigie::extract::Extraction;
use vigie::{Corpus, LoadEvent};

fn message(app: &App) -> String {
    app.message().map(|m| m.text.clone()).unwrap_or_default()
}

#[test]
fn opens_on_the_first_article_with_the_list_focused() {
    let app = app(120, 40);
    assert_eq!(app.open_article(), Some(0));
    assert_eq!(app.focus(), Pane::Articles);
    assert_eq!((app.list_cursor(), app.current_mention(), app.scroll()), (0, None, 0));
}

#[test]
fn the_list_moves_and_enter_opens() {
    let mut app = app(120, 40);
    press(&mut app, "jj");
    assert_eq!((app.list_cursor(), app.open_article()), (2, Some(0)));
    press(&mut app, "\n");
    assert_eq!((app.open_article(), app.focus()), (Some(2), Pane::Reader));
    press(&mut app, "<S-Tab>G");
    assert_eq!(app.list_cursor(), 3);
    press(&mut app, "jg");
    assert_eq!(app.list_cursor(), 0);
    press(&mut app, "k<Up>");
    assert_eq!(app.list_cursor(), 0);
    press(&mut app, "<Down><Enter>");
    assert_eq!(app.open_article(), Some(1));
}

#[test]
fn tab_cycles_the_panes() {
    let mut app = app(120, 40);
    let mut seen = Vec::new();
    for _ in 0..4 {
        press(&mut app, "<Tab>");
        seen.push(app.focus());
    }
    assert_eq!(seen, [Pane::Reader, Pane::Timeline, Pane::Articles, Pane::Reader]);
    press(&mut app, "<S-Tab><S-Tab>");
    assert_eq!(app.focus(), Pane::Timeline);
}

#[test]
fn n_and_shift_n_go_through_the_mentions() {
    let mut app = app(120, 40);
    press(&mut app, "<Tab>n");
    assert_eq!(app.current_mention(), Some(0));
    press(&mut app, "nn");
    assert_eq!(app.current_mention(), Some(2));
    press(&mut app, "N");
    assert_eq!(app.current_mention(), Some(1));
}

#[test]
fn hidden_kinds_are_skipped() {
    let mut app = app(120, 40);
    press(&mut app, "1n");
    assert!(app.is_hidden(vigie::model::Kind::Person));
    assert_eq!(app.current_mention(), Some(2), "Genève, the first mention that is not a person");
    press(&mut app, "2n");
    assert_eq!(app.current_mention(), Some(3), "the date, persons and places hidden");
    press(&mut app, "345n");
    assert_eq!(message(&app), "every kind of mention is hidden");
    press(&mut app, "1");
    assert!(!app.is_hidden(vigie::model::Kind::Person));
}

#[test]
fn the_last_mention_says_there_are_no_more() {
    let mut app = app(80, 24);
    press(&mut app, "<Tab>");
    press(&mut app, &"n".repeat(22));
    assert_eq!(app.current_mention(), Some(21));
    assert!(app.scroll() > 0, "the last mention was scrolled into view");
    press(&mut app, "n");
    assert_eq!(app.current_mention(), Some(21));
    assert_eq!(message(&app), "no more mentions");
}

#[test]
fn same_entity_crosses_articles_and_wraps() {
    let mut app = app(120, 40);
    press(&mut app, "<Tab>nn");
    assert_eq!(app.current_mention(), Some(1), "Olaf Scholz");
    press(&mut app, "]");
    assert_eq!((app.open_article(), app.current_mention()), (Some(0), Some(14)));
    press(&mut app, "]");
    assert_eq!((app.open_article(), app.current_mention()), (Some(1), Some(9)));
    assert!(message(&app).contains("in article 2/4"), "{}", message(&app));
    assert_eq!(app.list_cursor(), 1, "the list follows the open article");
    press(&mut app, "]");
    assert_eq!((app.open_article(), app.current_mention()), (Some(0), Some(1)));
    assert!(message(&app).contains("wrapped to the first"), "{}", message(&app));
    press(&mut app, "[");
    assert_eq!((app.open_article(), app.current_mention()), (Some(1), Some(9)));
    assert!(message(&app).contains("wrapped to the last"), "{}", message(&app));
}

#[test]
fn same_entity_follows_canonical_names() {
    // "Macron" (mention 10) is Emmanuel Macron; in the third article he is mention 6.
    let mut app = app(120, 40);
    press(&mut app, "<Tab>n]");
    assert_eq!(app.current_mention(), Some(10));
    press(&mut app, "]]");
    assert_eq!((app.open_article(), app.current_mention()), (Some(2), Some(6)));
}

#[test]
fn same_entity_without_a_current_mention_takes_the_first_in_view() {
    let mut app = app(120, 40);
    press(&mut app, "<Tab>]");
    assert_eq!(app.current_mention(), Some(0));
}

#[test]
fn figures_are_not_entities() {
    let mut app = app(120, 40);
    press(&mut app, "<Tab>nnnnn");
    assert_eq!(app.current_mention(), Some(4));
    press(&mut app, "]");
    assert_eq!(app.current_mention(), Some(4));
    assert!(message(&app).contains("not an entity"), "{}", message(&app));
}

#[test]
fn the_reader_scrolls_and_pages() {
    let mut app = app(80, 24);
    press(&mut app, "<Tab>");
    let rows = app.reader_rows();
    let total = app.wrapped().unwrap().rows();
    assert!(total > rows);
    press(&mut app, "j");
    assert_eq!(app.scroll(), 1);
    press(&mut app, "g ");
    assert_eq!(app.scroll(), (rows - 2).min(total - rows));
    press(&mut app, "b");
    assert_eq!(app.scroll(), 0);
    press(&mut app, "G");
    assert_eq!(app.scroll(), total - rows);
    press(&mut app, "jjj<PgDn>");
    assert_eq!(app.scroll(), total - rows, "never past the end");
    press(&mut app, "<Home>");
    assert_eq!(app.scroll(), 0);
}

#[test]
fn each_article_keeps_its_place() {
    let mut app = app(80, 24);
    press(&mut app, "<Tab>jjjnn");
    let (scroll, mention) = (app.scroll(), app.current_mention());
    press(&mut app, "<S-Tab>j\n");
    assert_eq!((app.open_article(), app.scroll(), app.current_mention()), (Some(1), 0, None));
    press(&mut app, "<S-Tab>k\n");
    assert_eq!((app.scroll(), app.current_mention()), (scroll, mention));
}

#[test]
fn search_goes_through_matches_across_articles() {
    let mut app = app(120, 40);
    press(&mut app, "/camions");
    assert_eq!(app.key_mode(), vigie::tui::keys::KeyMode::Search);
    press(&mut app, "\n");
    let current = |app: &App| app.search().and_then(|s| s.current);
    assert_eq!(current(&app), Some((0, 0)));
    press(&mut app, "n");
    assert_eq!((current(&app), app.open_article()), (Some((1, 0)), Some(1)));
    press(&mut app, "n");
    assert_eq!(current(&app), Some((3, 0)));
    press(&mut app, "n");
    assert_eq!(current(&app), Some((0, 0)));
    assert!(message(&app).contains("wrapped"), "{}", message(&app));
    press(&mut app, "N");
    assert_eq!((current(&app), app.open_article()), (Some((3, 0)), Some(3)));
    press(&mut app, "<Esc>");
    assert!(app.search().is_none());
    press(&mut app, "n");
    assert_eq!(app.current_mention(), Some(0), "n is back to mentions");
}

#[test]
fn search_is_case_insensitive_and_editable() {
    let mut app = app(120, 40);
    press(&mut app, "/GENX<BS>");
    assert_eq!(app.search().unwrap().query, "GEN");
    assert_eq!(app.search().unwrap().in_article(0).len(), 2, "both Genève of the open article, while typing");
    press(&mut app, "\n");
    assert_eq!(app.search().unwrap().total(), 4);
    press(&mut app, "/<BS>");
    assert!(app.search().is_none(), "backspace on an empty search cancels it");
}

#[test]
fn a_search_without_match_says_so() {
    let mut app = app(120, 40);
    press(&mut app, "/zzz\n");
    assert!(app.search().is_none());
    assert_eq!(message(&app), "pattern not found: zzz");
}

#[test]
fn enter_on_an_event_jumps_to_its_date() {
    let mut app = app(120, 40);
    press(&mut app, "<Tab><Tab>j\n");
    assert_eq!(app.focus(), Pane::Timeline);
    assert_eq!(app.timeline_cursor(), 1);
    assert_eq!((app.open_article(), app.current_mention()), (Some(0), Some(3)), "2024-06-18");
}

#[test]
fn the_corpus_timeline_opens_the_event_article() {
    let mut app = app(120, 40);
    press(&mut app, "t");
    assert_eq!((app.timeline_scope(), app.focus()), (Scope::Corpus, Pane::Timeline));
    assert_eq!(app.timeline_len(), 8);
    press(&mut app, "G\n");
    assert_eq!((app.open_article(), app.current_mention()), (Some(2), Some(8)), "2024-11, in Tokyo");
    press(&mut app, "t");
    assert_eq!(app.timeline_scope(), Scope::Article);
}

#[test]
fn the_entities_panel_jumps_to_first_mentions() {
    let mut app = app(120, 40);
    press(&mut app, "e");
    let Overlay::Entities(panel) = app.overlay() else { panic!("no panel") };
    assert_eq!(panel.items.len(), 10);
    assert_eq!(app.index().entity(panel.items[0].0).name, "Emmanuel Macron");
    press(&mut app, "jj\n");
    assert_eq!(app.overlay(), &Overlay::None);
    assert_eq!(app.current_mention(), Some(2), "Genève");
    press(&mut app, "E");
    let Overlay::Entities(panel) = app.overlay() else { panic!("no panel") };
    assert_eq!(panel.items.len(), 16);
    press(&mut app, "G\n");
    assert_eq!((app.open_article(), app.current_mention()), (Some(2), Some(5)), "Kyoto, the last");
    press(&mut app, "e<Esc>");
    assert_eq!(app.overlay(), &Overlay::None);
}

#[test]
fn help_opens_and_q_closes_it_before_quitting() {
    let mut app = app(120, 40);
    press(&mut app, "?");
    assert_eq!(app.overlay(), &Overlay::Help);
    press(&mut app, "jq");
    assert_eq!(app.overlay(), &Overlay::None);
    assert!(!app.should_quit());
    press(&mut app, "?<Esc>");
    assert_eq!(app.overlay(), &Overlay::None);
    press(&mut app, "q");
    assert!(app.should_quit());
}

#[test]
fn ctrl_c_quits_from_anywhere() {
    for keys in ["<C-c>", "/abc<C-c>", "?<C-c>", "E<C-c>"] {
        let mut app = app(120, 40);
        press(&mut app, keys);
        assert!(app.should_quit(), "{keys}");
    }
}

fn mouse(kind: MouseEventKind, column: u16, row: u16) -> MouseEvent {
    MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE }
}

#[test]
fn a_click_selects_an_article_an_event_or_a_mention() {
    let mut app = app(120, 40);
    let screen = app.screen().unwrap();
    let list = screen.articles_inner;
    app.on_mouse(mouse(MouseEventKind::Down(MouseButton::Left), list.x + 3, list.y + 4));
    assert_eq!((app.open_article(), app.focus()), (Some(2), Pane::Articles));
    app.on_mouse(mouse(MouseEventKind::Down(MouseButton::Left), list.x + 3, list.y + 1));
    assert_eq!(app.open_article(), Some(0));
    // The first body row reads "Emmanuel Macron a reçu Olaf Scholz à Genève": click on Olaf.
    let text = screen.reader_text;
    app.on_mouse(mouse(MouseEventKind::Down(MouseButton::Left), text.x + 24, text.y + 3));
    assert_eq!((app.focus(), app.current_mention()), (Pane::Reader, Some(1)));
    let timeline = screen.timeline_inner;
    app.on_mouse(mouse(MouseEventKind::Down(MouseButton::Left), timeline.x + 2, timeline.y + 3));
    assert_eq!((app.focus(), app.timeline_cursor(), app.current_mention()), (Pane::Timeline, 1, Some(3)));
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = app(80, 24);
    let screen = app.screen().unwrap();
    app.on_mouse(mouse(MouseEventKind::ScrollDown, screen.reader.x + 5, screen.reader.y + 5));
    assert_eq!(app.scroll(), 3);
    app.on_mouse(mouse(MouseEventKind::ScrollUp, screen.reader.x + 5, screen.reader.y + 5));
    assert_eq!(app.scroll(), 0);
    app.on_mouse(mouse(MouseEventKind::ScrollDown, screen.articles.x + 5, screen.articles.y + 5));
    assert_eq!(app.list_cursor(), 1);
}

#[test]
fn a_resize_keeps_the_same_text_at_the_top() {
    let mut app = app(80, 24);
    press(&mut app, "<Tab>jjjjj");
    let top = app.wrapped().unwrap().body_range(app.scroll()).unwrap().start;
    app.handle(Action::Resize { width: 90, height: 24 });
    let range = app.wrapped().unwrap().body_range(app.scroll()).unwrap();
    assert!(range.start <= top && top <= range.end, "{top} not in {range:?}");
}

#[test]
fn the_current_mention_stays_in_view_across_resizes() {
    let mut app = app(120, 40);
    press(&mut app, "<Tab>");
    press(&mut app, &"n".repeat(21));
    app.handle(Action::Resize { width: 60, height: 12 });
    let row = app.wrapped().unwrap().mention_row(20).unwrap();
    assert!((app.scroll()..app.scroll() + app.reader_rows()).contains(&row));
}

#[test]
fn tiny_terminals_never_panic() {
    for (w, h) in [(0, 0), (1, 1), (10, 5), (59, 11), (60, 12), (61, 13)] {
        let mut app = app(w, h);
        press(&mut app, "jj\nnn]][[ Gg<Tab>j\nt?<Esc>e\n<Esc>E<PgDn>\n/camions\nnN<Esc>12345");
        draw(&mut app, w, h);
        app.on_mouse(mouse(MouseEventKind::Down(MouseButton::Left), 0, 0));
        app.on_mouse(mouse(MouseEventKind::ScrollDown, w / 2, h / 2));
        draw(&mut app, w, h);
    }
}

#[test]
fn every_screen_draws_at_every_size() {
    for keys in ["", "<Tab>nn", "t", "?", "e", "E", "/gen\n", "/ge", "jj\n]"] {
        for w in (0..=130).step_by(13) {
            for h in (0..=45).step_by(5) {
                let mut app = app(120, 40);
                press(&mut app, keys);
                draw(&mut app, w, h);
            }
        }
    }
}

#[test]
fn hostile_articles_never_panic() {
    use vigie::model::{Article, Event, Kind, Mention};
    let text = "x\u{7}y\u{1b}[31m \u{301}\u{301} 🎉🎉🎉🎉 東京東京東京東京東京 a\u{200d}b ".repeat(20) + &"W".repeat(500);
    let mut article = Article { id: "bad".into(), title: "\u{1b}]0;t\u{7}".into(), text, ..Article::default() };
    let mention = |start, end| Mention::new(Kind::Person, start, end, None);
    // Offsets inside characters, reversed, past the end.
    article.mentions = vec![mention(1, 2), mention(12, 13), mention(20, 14), mention(30, 9999), mention(10_000, 10_010)];
    article.timeline = vec![Event { value: "2024".into(), mention: 99, sentence: 5..99_999 }];
    let corpus = Corpus { articles: vec![article], ..Corpus::default() };
    for (w, h) in [(60, 12), (80, 24), (200, 50)] {
        let mut app = App::new(corpus.clone(), Theme::colour());
        app.handle(Action::Resize { width: w, height: h });
        press(&mut app, "<Tab>nnnn]]NN[GgeE<Esc>t\n/w\nn");
        draw(&mut app, w, h);
        press(&mut app, "<Tab><Tab>\n");
        draw(&mut app, w, h);
    }
}

#[test]
fn loading_fills_the_reader_as_articles_arrive() {
    let mut app = App::loading(Theme::colour());
    app.handle(Action::Resize { width: 120, height: 40 });
    assert!(app.is_loading());
    draw(&mut app, 120, 40);
    let articles = fixture::articles();
    app.on_load(LoadEvent::Total(2));
    app.on_load(LoadEvent::Article(Box::new((articles[0].clone(), Extraction::default()))));
    assert_eq!((app.articles().len(), app.open_article()), (1, Some(0)));
    app.on_load(LoadEvent::Warning("broken.txt: not text".into()));
    assert_eq!(message(&app), "broken.txt: not text");
    app.on_load(LoadEvent::Article(Box::new((articles[1].clone(), Extraction::default()))));
    // Nothing has read the index yet, so nothing was spent on it.
    assert!(app.index().entities().is_empty());
    press(&mut app, "<Tab>nn");
    draw(&mut app, 120, 40);
    // A selected mention shows its place in the corpus: both articles are indexed.
    let indexed: Vec<usize> = app.index().entities().iter().flat_map(|e| e.occurrences.iter().map(|o| o.article())).collect();
    assert!(indexed.contains(&0) && indexed.contains(&1), "{indexed:?}");
    // The loader sent every article: the reader links and anchors them across the corpus.
    app.on_load(LoadEvent::Done { warnings: vec!["broken.txt: not text".into()], skipped: 3 });
    assert!(!app.is_loading());
    assert_eq!((app.articles().len(), app.open_article(), app.current_mention()), (2, Some(0), Some(1)));
    assert_eq!(app.load_report(), (&["broken.txt: not text".to_string()][..], 3));
    assert!(message(&app).contains("broken.txt"));
    assert!(!app.nothing_to_read());
}

#[test]
fn loading_nothing_is_reported() {
    let mut app = App::loading(Theme::colour());
    app.on_load(LoadEvent::Total(0));
    app.on_load(LoadEvent::Finished(Corpus::default()));
    assert!(app.nothing_to_read());
    draw(&mut app, 80, 24);
}

#[test]
fn no_color_uses_styles_only() {
    let mut app = App::new(fixture::corpus(), Theme::monochrome());
    app.handle(Action::Resize { width: 120, height: 40 });
    press(&mut app, "<Tab>nn");
    let buf = draw(&mut app, 120, 40);
    assert!(!has_colour(&buf));
    let screen = app.screen().unwrap();
    // "Olaf Scholz", the current mention, in reverse video; "Emmanuel Macron" in bold.
    let row = screen.reader_text.y + 3;
    let at = |x: u16| buf[(screen.reader_text.x + x, row)].modifier;
    assert!(at(0).contains(Modifier::BOLD) && !at(0).contains(Modifier::REVERSED));
    assert!(at(23).contains(Modifier::REVERSED));
    assert!(at(16).is_empty(), "plain text between mentions");
}

#[test]
fn key_releases_are_ignored() {
    let mut app = app(120, 40);
    let mut release = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
    release.kind = crossterm::event::KeyEventKind::Release;
    app.on_key(release);
    assert_eq!(app.list_cursor(), 0);
}

#[test]
fn a_finished_load_with_fewer_mentions_forgets_stale_places() {
    let mut app = App::loading(Theme::colour());
    app.handle(Action::Resize { width: 120, height: 40 });
    let articles = fixture::articles();
    for a in &articles[..2] {
        app.on_load(LoadEvent::Article(Box::new((a.clone(), Extraction::default()))));
    }
    press(&mut app, "<Tab>");
    press(&mut app, &"n".repeat(21));
    assert_eq!(app.current_mention(), Some(20));
    press(&mut app, "<S-Tab>j\n");
    assert_eq!(app.open_article(), Some(1));
    // The analysis ends with the first article's mentions cut to two.
    let mut first = articles[0].clone();
    first.mentions.truncate(2);
    first.timeline.clear();
    app.on_load(LoadEvent::Finished(Corpus { articles: vec![first, articles[1].clone()], ..Corpus::default() }));
    press(&mut app, "<S-Tab>k\n");
    assert_eq!((app.open_article(), app.current_mention()), (Some(0), None));
    press(&mut app, "1]]nn[e\n");
    draw(&mut app, 120, 40);
}
