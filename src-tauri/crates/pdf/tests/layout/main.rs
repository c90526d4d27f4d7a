//! Rendered documents checked by tools nobody here wrote: poppler's `pdfinfo`, `pdffonts` and
//! `pdftotext`, and `qpdf --check`.
//!
//! Every rendered PDF must pass `qpdf --check`, embed every font it uses, and give its text back
//! through `pdftotext` — headings, values, accented names, page numbers — on the pages layout put
//! them on.
//!
//! Needs poppler-utils and qpdf; the project's set-up (`npm test`) installs them.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use custodian_pdf::{Block, Column, Document, Metadata, Table, render};
use tempfile::TempDir;
use time::macros::datetime;

const SET_UP: &str = "run the project's set-up (`npm test` installs poppler-utils and qpdf)";

/// A rendered PDF on disk, asked about through the external tools.
struct Rendered {
    _dir: TempDir,
    path: PathBuf,
}

impl Rendered {
    /// Renders `document`, writes it to a temporary file, and checks what every PDF must pass.
    fn of(document: &Document) -> Self {
        Self::from_bytes(&render(document).expect("render"))
    }

    /// Writes `bytes` to a temporary file and checks what every PDF must pass.
    fn from_bytes(bytes: &[u8]) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("document.pdf");
        std::fs::write(&path, bytes).unwrap();
        let rendered = Self { _dir: dir, path };
        rendered.assert_qpdf_finds_no_errors();
        rendered.assert_every_font_is_embedded();
        rendered
    }

    fn path(&self) -> &str {
        self.path.to_str().unwrap()
    }

    /// `pdfinfo`'s field `name`.
    fn info(&self, name: &str) -> String {
        let info = run("pdfinfo", &[self.path()]);
        info.lines()
            .find_map(|line| line.strip_prefix(&format!("{name}:")))
            .unwrap_or_else(|| panic!("pdfinfo has no {name}:\n{info}"))
            .trim()
            .to_owned()
    }

    fn page_count(&self) -> usize {
        self.info("Pages").parse().unwrap()
    }

    /// The text of page `page` (from 1), laid out as on the page.
    fn page_text(&self, page: usize) -> String {
        let page = page.to_string();
        run("pdftotext", &["-layout", "-f", &page, "-l", &page, self.path(), "-"])
    }

    /// The text of every page, in order.
    fn pages(&self) -> Vec<String> {
        let all = run("pdftotext", &["-layout", self.path(), "-"]);
        let pages: Vec<String> = all.split('\u{c}').map(str::to_owned).collect();
        // pdftotext ends every page with a form feed, so the last piece is empty.
        assert_eq!(pages.len(), self.page_count() + 1);
        pages[..pages.len() - 1].to_vec()
    }

    fn assert_qpdf_finds_no_errors(&self) {
        let output =
            Command::new("qpdf").args(["--check", self.path()]).output().unwrap_or_else(|e| missing("qpdf", e));
        let report = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "qpdf --check failed:\n{report}{}", String::from_utf8_lossy(&output.stderr));
        assert!(report.contains("No syntax or stream encoding errors found"), "{report}");
    }

    /// How many fonts `pdffonts` lists.
    fn font_count(&self) -> usize {
        run("pdffonts", &[self.path()]).lines().skip(2).count()
    }

    fn assert_every_font_is_embedded(&self) {
        let listing = run("pdffonts", &[self.path()]);
        // name type encoding emb sub uni object ID — after the two heading lines.
        let fonts: Vec<&str> = listing.lines().skip(2).collect();
        assert!((1..=2).contains(&fonts.len()), "the regular face, the bold one, or both:\n{listing}");
        for font in fonts {
            let columns: Vec<&str> = font.split_whitespace().collect();
            let n = columns.len();
            assert!(columns[0].contains("DejaVuSans"), "{font}");
            assert_eq!(columns[n - 5..n - 2], ["yes", "yes", "yes"], "embedded, subset, with a ToUnicode map: {font}");
        }
    }
}

/// Runs `tool` with `args` and returns its standard output, failing if it is missing or fails.
fn run(tool: &str, args: &[&str]) -> String {
    let output = Command::new(tool).args(args).output().unwrap_or_else(|e| missing(tool, e));
    assert!(output.status.success(), "{tool} {args:?} failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

fn missing(tool: &str, error: std::io::Error) -> ! {
    panic!("cannot run {tool} ({error}): {SET_UP}")
}

fn document(blocks: Vec<Block>) -> Document {
    Document {
        metadata: Metadata {
            title: "Information governance pack — Zoë's surgery".into(),
            author: "Siobhán O'Brien".into(),
            subject: "Layout test".into(),
            created: datetime!(2025-03-14 15:09:26 +01:00),
        },
        running_header: "Northfield Practice — evidence pack".into(),
        running_footer: "Generated 14 March 2025 · confidential".into(),
        blocks,
    }
}

fn heading(level: u8, text: &str) -> Block {
    Block::Heading { level, text: text.into() }
}

fn paragraph(text: &str) -> Block {
    Block::Paragraph(text.into())
}

/// A paragraph of `sentences` numbered sentences.
fn prose(label: &str, sentences: usize) -> Block {
    let text = (1..=sentences)
        .map(|i| format!("Sentence {i} of {label} explains what was checked, by whom, and where the evidence is kept."))
        .collect::<Vec<_>>()
        .join(" ");
    Block::Paragraph(text)
}

fn table(columns: &[(&str, f32)], rows: Vec<Vec<String>>) -> Block {
    Block::Table(Table {
        columns: columns.iter().map(|&(title, weight)| Column { title: title.into(), weight }).collect(),
        rows,
    })
}

/// A report with a cover, a contents page, chapters with sections, facts and a table.
fn report() -> Document {
    let mut blocks = vec![
        heading(1, "Annual governance report"),
        Block::KeyValues(vec![
            ("Organisation".into(), "Northfield Practice".into()),
            ("Caldicott guardian".into(), "Dr Siobhán O'Brien".into()),
            ("Data protection officer".into(), "Zoë Smith — external, retained until 2026".into()),
            ("Budget".into(), "£1,250 for training; £300 for shredding".into()),
        ]),
        paragraph("This report summarises the year's information governance work."),
        Block::Contents,
    ];
    for chapter in 1..=4 {
        blocks.push(heading(1, &format!("Chapter {chapter}: findings")));
        blocks.push(prose(&format!("chapter {chapter}"), 12));
        blocks.push(heading(2, &format!("Section {chapter}.1 staff training")));
        blocks.push(prose(&format!("section {chapter}.1"), 20 * chapter));
        blocks.push(heading(3, &format!("Detail {chapter}.1.1")));
        blocks.push(prose(&format!("detail {chapter}.1.1"), 4));
        blocks.push(heading(2, &format!("Section {chapter}.2 asset register")));
        let rows = (1..=15 * chapter)
            .map(|i| vec![format!("A{chapter}-{i:03}"), format!("Laptop issued to clinician {i}"), "Reviewed".into()])
            .collect();
        blocks.push(table(&[("Asset", 1.0), ("Description", 3.0), ("State", 1.0)], rows));
    }
    document(blocks)
}

#[test]
fn a_report_renders_with_its_headings_values_and_page_numbers() {
    let pdf = Rendered::of(&report());
    // Cover, one contents page, then chapters of 2, 3, 4 and 4 pages, each starting a page.
    assert_eq!(pdf.page_count(), 15);
    assert_eq!(pdf.font_count(), 2, "regular and bold");
    let pages = pdf.pages();
    let total = pages.len();
    for (i, text) in pages.iter().enumerate() {
        assert!(text.contains(&format!("Page {} of {total}", i + 1)), "page {}:\n{text}", i + 1);
        assert!(text.contains("Generated 14 March 2025 · confidential"), "footer on page {}", i + 1);
        let has_header = text.contains("Northfield Practice — evidence pack");
        assert_eq!(has_header, i > 0, "running header on page {} (never the first)", i + 1);
    }
    let cover = &pages[0];
    for expected in [
        "Annual governance report",
        "Caldicott guardian",
        "Dr Siobhán O'Brien",
        "Zoë Smith — external, retained until 2026",
        "£1,250 for training; £300 for shredding",
    ] {
        assert!(cover.contains(expected), "{expected:?} on the cover:\n{cover}");
    }
    assert!(pages[1].contains("Contents"));
    // Each chapter starts a page: its heading is the first thing under the running header.
    let mut chapter_pages = Vec::new();
    for (index, text) in pages.iter().enumerate().skip(2) {
        let first = text.lines().map(str::trim).filter(|line| !line.is_empty()).nth(1).unwrap();
        if first.starts_with("Chapter ") {
            chapter_pages.push((index + 1, first.to_owned()));
        }
    }
    let expected: Vec<(usize, String)> = [3, 5, 8, 12]
        .into_iter()
        .zip(1..=4)
        .map(|(page, chapter)| (page, format!("Chapter {chapter}: findings")))
        .collect();
    assert_eq!(chapter_pages, expected);
}

#[test]
fn the_contents_lists_headings_on_the_pages_pdftotext_finds_them() {
    let pdf = Rendered::of(&report());
    let contents = pdf.page_text(2);
    let entries: Vec<(String, usize)> = contents
        .lines()
        .filter_map(|line| {
            let (text, number) = line.trim().rsplit_once(' ')?;
            Some((text.trim().to_owned(), number.parse().ok()?))
        })
        .filter(|(text, _)| !text.starts_with("Generated"))
        .collect();
    let listed: Vec<&str> = entries.iter().map(|(text, _)| text.as_str()).collect();
    let mut expected = vec!["Annual governance report".to_owned()];
    for chapter in 1..=4 {
        expected.push(format!("Chapter {chapter}: findings"));
        expected.push(format!("Section {chapter}.1 staff training"));
        expected.push(format!("Section {chapter}.2 asset register"));
    }
    assert_eq!(listed, expected, "level-1 and level-2 headings in order:\n{contents}");
    let mut pages_seen = BTreeSet::new();
    for (text, page) in &entries {
        assert_ne!(*page, 2, "{text:?} listed on the contents page itself");
        assert!(pdf.page_text(*page).contains(text.as_str()), "{text:?} is listed on page {page} but is not there");
        pages_seen.insert(*page);
    }
    assert!(pages_seen.len() >= 8, "the headings are spread over many pages: {entries:?}");
    assert_eq!(entries[0].1, 1);
    assert_eq!(entries[1].1, 3, "chapter 1 follows the contents page");
}

#[test]
fn a_table_of_2000_rows_has_its_header_on_every_page_it_spans() {
    let rows = (1..=2000)
        .map(|i| {
            vec![format!("R{i:04}"), format!("Consent form scanned for patient record {i}"), format!("{}", i % 28 + 1)]
        })
        .collect();
    let document =
        document(vec![heading(1, "Register"), table(&[("Reference", 1.0), ("Particulars", 4.0), ("Day", 0.6)], rows)]);
    let started = Instant::now();
    let bytes = render(&document).expect("render");
    eprintln!("2,000-row table: rendered in {:?} ({} bytes)", started.elapsed(), bytes.len());
    let pdf = Rendered::from_bytes(&bytes);
    // 18 pt per row: 37 rows fit under the heading and the header on the first page, 39 under
    // the header on each after, so 2,000 rows take 1 + 51 pages.
    assert_eq!(pdf.page_count(), 52);
    let mut found = BTreeSet::new();
    for (index, text) in pdf.pages().iter().enumerate() {
        let header = text
            .lines()
            .find(|line| line.contains("Reference"))
            .unwrap_or_else(|| panic!("page {}:\n{text}", index + 1));
        assert!(header.contains("Particulars") && header.contains("Day"), "{header}");
        let header_at = text.find("Reference").unwrap();
        for line in text.lines() {
            if let Some(reference) =
                line.split_whitespace().next().filter(|word| word.starts_with('R') && word.len() == 5)
            {
                assert!(text.find(line).unwrap() > header_at, "row {reference} above the header on page {}", index + 1);
                assert!(found.insert(reference.to_owned()), "{reference} twice");
            }
        }
    }
    assert_eq!(found.len(), 2000, "every row once");
}

#[test]
fn a_thirty_page_text_renders_on_thirty_pages() {
    let mut blocks = vec![heading(1, "A long text")];
    for part in 1..=216 {
        if part % 10 == 1 {
            blocks.push(heading(2, &format!("Part {part}")));
        }
        blocks.push(prose(&format!("paragraph {part}"), 5));
    }
    let pdf = Rendered::of(&document(blocks));
    assert_eq!(pdf.page_count(), 30);
    let pages = pdf.pages();
    assert!(pages[29].contains("Page 30 of 30"));
    let all = pages.concat();
    for part in [1, 108, 216] {
        assert!(all.contains(&format!("Sentence 5 of paragraph {part} explains")), "paragraph {part}");
    }
}

#[test]
fn accented_names_symbols_and_a_300_character_word_come_back_out() {
    let word: String = ('a'..='z').cycle().take(300).collect();
    let pdf = Rendered::of(&document(vec![
        heading(1, "Names — and a long word"),
        paragraph("Siobhán O'Brien met Zoë Smith; the fee was £40 — paid. Ångström, Dvořák, Łódź."),
        paragraph(&format!("Before {word} after.")),
    ]));
    let text = pdf.page_text(1);
    for expected in
        ["Siobhán O'Brien met Zoë Smith; the fee was £40 — paid.", "Ångström, Dvořák, Łódź.", "Names — and a long word"]
    {
        assert!(text.contains(expected), "{expected:?} in:\n{text}");
    }
    // The word is broken over lines (it is wider than the page); joined up it is all there.
    let joined: String = text.split_whitespace().collect();
    assert!(joined.contains(&format!("Before{word}after.")), "{text}");
    let longest = text.lines().map(|line| line.trim().chars().count()).max().unwrap();
    assert!(longest < 150, "no line runs off the page: {longest} characters");
}

#[test]
fn the_metadata_is_in_the_document_information() {
    let pdf = Rendered::of(&document(vec![paragraph("Metadata")]));
    assert_eq!(pdf.info("Title"), "Information governance pack — Zoë's surgery");
    assert_eq!(pdf.info("Author"), "Siobhán O'Brien");
    assert_eq!(pdf.info("Subject"), "Layout test");
    let created = run("pdfinfo", &["-isodates", pdf.path()]);
    assert!(created.contains("2025-03-14T14:09:26"), "created 15:09:26 +01:00 is 14:09:26 UTC:\n{created}");
    assert_eq!(pdf.info("Page size"), "595.276 x 841.89 pts (A4)");
}

#[test]
fn an_empty_document_is_one_numbered_page() {
    let pdf = Rendered::of(&document(vec![]));
    assert_eq!(pdf.page_count(), 1);
    assert!(pdf.page_text(1).contains("Page 1 of 1"));
}
