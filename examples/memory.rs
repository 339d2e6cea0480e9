//! Where the memory of an analysed corpus goes: `cargo run --release --example memory -- DIR`.
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        LIVE.fetch_add(l.size(), Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Relaxed);
        unsafe { System.dealloc(p, l) }
    }
}
#[global_allocator]
static A: Counting = Counting;

fn mb(n: usize) -> String {
    format!("{:.1} MB", n as f64 / 1e6)
}

fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).expect("usage: memory DIR"));
    let docs = vigie::corpus::load(&[dir]).documents;
    let raw: usize = docs.iter().map(|d| d.text.len()).sum();
    vigie::draft(&docs[0]);
    let base = LIVE.load(Relaxed);
    let drafts: Vec<_> = docs.iter().map(vigie::draft).collect();
    drop(docs);
    let with_drafts = LIVE.load(Relaxed);
    let ext: usize = drafts
        .iter()
        .map(|d| {
            d.extraction.temporals.capacity() * size_of::<vigie::extract::dates::TemporalExpr>()
                + d.extraction.sentences.capacity() * 16
        })
        .sum();
    let articles: Vec<_> = drafts.into_iter().map(vigie::finish).collect();
    let finished = LIVE.load(Relaxed);
    let text: usize = articles.iter().map(|a| a.text.capacity()).sum();
    let mentions: usize = articles.iter().map(|a| a.mentions.capacity() * size_of::<vigie::model::Mention>()).sum();
    let n_mentions: usize = articles.iter().map(|a| a.mentions.len()).sum();
    let strings: usize = articles
        .iter()
        .flat_map(|a| &a.mentions)
        .map(|m| {
            m.entity.as_ref().map_or(0, |e| e.capacity())
                + m.unit.as_ref().map_or(0, |u| u.capacity())
                + match &m.value {
                    Some(vigie::model::Value::Date(s)) => s.capacity(),
                    _ => 0,
                }
        })
        .sum();
    let timeline: usize = articles
        .iter()
        .map(|a| a.timeline.capacity() * size_of::<vigie::model::Event>() + a.timeline.iter().map(|e| e.value.capacity()).sum::<usize>())
        .sum();
    println!("{} articles, raw text {}", articles.len(), mb(raw));
    println!("drafts live: {} (extraction part {})", mb(with_drafts - base), mb(ext));
    println!("articles live: {}", mb(finished - base));
    println!("  text {}  mentions {} ({} of them, {} bytes each)  mention strings {}  timeline {}", mb(text), mb(mentions), n_mentions, size_of::<vigie::model::Mention>(), mb(strings), mb(timeline));
}
