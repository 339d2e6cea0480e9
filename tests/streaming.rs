//! The reader's loading path (articles streamed, then settled by the receiver) gives
//! the same analysis as the export's (`vigie::open`), corpus-wide steps included.

use std::path::PathBuf;
use std::sync::mpsc;

use vigie::LoadEvent;

#[test]
fn streamed_then_settled_equals_analysed_at_once() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/articles");
    let expected = vigie::open(std::slice::from_ref(&dir)).articles;

    let (tx, rx) = mpsc::channel();
    let paths = vec![dir];
    std::thread::spawn(move || vigie::open_streaming(&paths, tx));
    let (mut articles, mut extractions) = (Vec::new(), Vec::new());
    // The reader gathers the persons as articles arrive, and settles with them.
    let mut persons = vigie::extract::persons::CorpusPersons::default();
    let mut done = false;
    for event in rx {
        match event {
            LoadEvent::Article(analysed) => {
                let (article, extraction) = *analysed;
                persons.add(&article);
                articles.push(article);
                extractions.push(extraction);
            }
            LoadEvent::Done { .. } => done = true,
            _ => {}
        }
    }
    assert!(done, "the loader says when it has sent everything");
    vigie::settle_gathered(&mut articles, &extractions, persons);
    assert_eq!(articles.len(), expected.len());
    for (got, want) in articles.iter().zip(&expected) {
        assert_eq!(got, want, "article {}", want.id);
    }
    // The bundled corpus has an article dated only by another one: settling did work.
    assert!(articles.iter().any(|a| matches!(a.date_source, vigie::model::DateSource::Anchored { .. })));
}
