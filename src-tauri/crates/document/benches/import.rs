//! Cost of importing a 100-page policy (about 300 KB of text) as plain text, as a Word document
//! and as a PDF. `cargo bench -p custodian-document --bench import`.

use std::hint::black_box;
use std::io::Write;

use criterion::{Criterion, criterion_group, criterion_main};
use custodian_document::import;

/// Fixture 001 (about seven pages) fifteen times over: a 100-page policy.
fn hundred_page_text() -> String {
    let page = include_str!("../tests/fixtures/001_78cf39acda47f0ac.txt");
    page.repeat(15)
}

/// The same policy as a .docx: numbered titles in Heading 1 style, bullets as list paragraphs,
/// everything else as body paragraphs.
fn hundred_page_docx(text: &str) -> Vec<u8> {
    let mut body = String::with_capacity(text.len() * 2);
    for line in text.lines().map(str::trim).filter(|line| !line.is_empty()) {
        let escaped = line.replace('&', "&amp;").replace('<', "&lt;");
        let (properties, text) = if let Some(item) = escaped.strip_prefix('·') {
            (
                r#"<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>"#,
                item.trim().to_owned(),
            )
        } else if line.len() < 60 && line.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            (r#"<w:pStyle w:val="Heading1"/>"#, escaped)
        } else {
            ("", escaped)
        };
        body.push_str(&format!(
            r#"<w:p><w:pPr>{properties}</w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
            text.replace('\t', r#"</w:t><w:tab/><w:t xml:space="preserve">"#)
        ));
    }
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    writer.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).unwrap();
    writer.write_all(document.as_bytes()).unwrap();
    writer.finish().unwrap().into_inner()
}

/// The same policy laid out by custodian-pdf.
fn hundred_page_pdf(text: &str) -> Vec<u8> {
    use custodian_pdf::{Block, Document, Metadata, render};
    let blocks = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| {
            if line.len() < 60 && line.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                Block::Heading { level: 2, text: line.replace('\t', " ") }
            } else {
                Block::Paragraph(line.replace('\t', " "))
            }
        })
        .collect();
    render(&Document {
        metadata: Metadata {
            title: "Information security policy".into(),
            author: "bench".into(),
            subject: "bench".into(),
            created: time::macros::datetime!(2025-01-01 0:00 UTC),
        },
        running_header: "Information security policy".into(),
        running_footer: "Northfield Practice".into(),
        blocks,
    })
    .unwrap()
}

fn import_hundred_pages(c: &mut Criterion) {
    let text = hundred_page_text();
    let docx = hundred_page_docx(&text);
    let pdf = hundred_page_pdf(&text);
    let mut group = c.benchmark_group("import_100_pages");
    group.sample_size(20);
    group.bench_function("plain_text", |b| {
        b.iter(|| black_box(import("policy.txt", black_box(text.as_bytes())).unwrap()))
    });
    group.bench_function("docx", |b| b.iter(|| black_box(import("policy.docx", black_box(&docx)).unwrap())));
    group.bench_function("pdf", |b| b.iter(|| black_box(import("policy.pdf", black_box(&pdf)).unwrap())));
    group.bench_function("canonical_text_and_hash", |b| {
        let document = import("policy.txt", text.as_bytes()).unwrap().document;
        b.iter(|| black_box(document.sha256_hex()))
    });
    group.finish();
}

criterion_group!(benches, import_hundred_pages);
criterion_main!(benches);
