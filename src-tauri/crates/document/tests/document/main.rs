//! Importing real practice policies and files made by the tools practices use: the two plain-text
//! exports in `tests/fixtures`, Word documents built here as a zip of WordprocessingML, PDFs laid
//! out by `custodian-pdf`, and files that must be refused with a helpful message.

use std::io::Write;

use custodian_document::{Block, ImportError, PolicyDocument, SourceKind, import};
use zip::write::SimpleFileOptions;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn imported(name: &str) -> PolicyDocument {
    let imported = import(name, &fixture(name)).unwrap();
    assert_eq!(imported.kind, SourceKind::PlainText);
    imported.document
}

fn heading(level: u8, text: &str) -> Block {
    Block::Heading { level, text: text.to_owned() }
}

fn paragraph(text: &str) -> Block {
    Block::Paragraph(text.to_owned())
}

fn list(ordered: bool, items: &[&str]) -> Block {
    Block::List { ordered, items: items.iter().map(|item| (*item).to_owned()).collect() }
}

/// Every piece of text in a document.
fn texts(document: &PolicyDocument) -> Vec<&str> {
    document
        .blocks
        .iter()
        .flat_map(|block| match block {
            Block::Heading { text, .. } | Block::Paragraph(text) => vec![text.as_str()],
            Block::List { items, .. } => items.iter().map(String::as_str).collect(),
        })
        .collect()
}

fn assert_round_trips(document: &PolicyDocument) {
    let markdown = document.to_markdown();
    assert_eq!(&PolicyDocument::from_markdown(&markdown), document, "canonical text:\n{markdown}");
}

// --- Plain-text exports of real policies -------------------------------------------------------

#[test]
fn policy_001_yields_numbered_headings_numbered_sections_and_bulleted_lists() {
    let document = imported("001_78cf39acda47f0ac.txt");
    assert_eq!(document.blocks[0], heading(1, "1. INTRODUCTION"));
    assert_eq!(document.first_heading(), Some("1. INTRODUCTION"));
    assert!(document.blocks.contains(&heading(1, "2. SECURITY MANAGEMENT")));
    assert!(document.blocks.contains(&heading(1, "13) NATIONAL DATA OPT-OUT FOR HEALTH AND CARE DATA")));
    assert!(document.blocks.iter().any(|block| matches!(
        block,
        Block::Paragraph(text) if text.starts_with("1.1 Policy Statement. The Practice will seek")
    )));
    let legislation = document
        .blocks
        .iter()
        .find(|block| matches!(block, Block::List { items, .. } if items.iter().any(|i| i == "The Data Protection Act 1998;")))
        .expect("a list of legislation");
    assert_eq!(
        legislation,
        &list(
            false,
            &[
                "The Data Protection Act 1998;",
                "Access to Health Records Act, 1990 (where not superseded by the Data Protection Act, 1998);",
                "The Freedom of Information Act 2000;",
                "Computer Misuse Act, 1990;",
                "GDPR, May 2018",
            ]
        )
    );
    // "1) [bookmark: _GoBack]Ensure…", "2) …", "3) …" count from one: a numbered list.
    assert!(document.blocks.iter().any(|block| matches!(
        block,
        Block::List { ordered: true, items } if items.len() == 3 && items[0].starts_with("Ensure that all data extracts")
    )));
    assert!(document.word_count() > 3000, "{} words", document.word_count());
}

#[test]
fn policy_001_keeps_sentences_as_paragraphs() {
    let document = imported("001_78cf39acda47f0ac.txt");
    for text in [
        "Objective: to maintain the integrity and availability of information assets",
        "Confidentiality - data access is confined to those with specified authority to view the data;",
        "8.1 Security incidents. A security incident is an event that may result in:",
    ] {
        assert!(document.blocks.contains(&paragraph(text)), "{text} should be a paragraph");
    }
}

#[test]
fn policy_002_has_no_bookmark_debris_and_finds_its_unnumbered_headings() {
    let document = imported("002_aa34f8e3e6069275.txt");
    assert!(!document.to_markdown().contains("bookmark"));
    assert!(texts(&document).iter().all(|text| !text.contains("[bookmark")));
    assert!(document.blocks.contains(&heading(2, "Information Security Principles")));
    assert!(document.blocks.contains(&heading(2, "Caldicott Guardian")));
    let caldicott = document.blocks.iter().position(|block| block == &heading(2, "Caldicott Guardian")).unwrap();
    assert!(matches!(
        &document.blocks[caldicott + 1],
        Block::Paragraph(text) if text.starts_with("The Caldicott Guardian is responsible for ensuring")
    ));
    // A template's note in square brackets is text, not debris.
    assert!(texts(&document).iter().any(|text| text.starts_with("[This section describes the main information")));
}

#[test]
fn both_policies_survive_a_round_trip_through_their_canonical_text() {
    for name in ["001_78cf39acda47f0ac.txt", "002_aa34f8e3e6069275.txt"] {
        assert_round_trips(&imported(name));
    }
}

#[test]
fn tricky_paragraphs_survive_a_round_trip() {
    let tricky = ["2. not a list", "- not a bullet", "# not a heading", "a * b _ c [d] \\ e", "1) x"];
    let document = PolicyDocument { blocks: tricky.iter().map(|text| paragraph(text)).collect() };
    assert_round_trips(&document);
    assert_eq!(
        document.to_markdown(),
        "2\\. not a list\n\n\\- not a bullet\n\n\\# not a heading\n\na \\* b \\_ c \\[d\\] \\\\ e\n\n1\\) x\n"
    );
    for text in tricky {
        assert_round_trips(&PolicyDocument { blocks: vec![list(false, &[text, text]), list(true, &[text])] });
    }
}

#[test]
fn the_hash_is_stable_and_changes_when_one_character_changes() {
    let document = imported("001_78cf39acda47f0ac.txt");
    let hash = document.sha256_hex();
    assert_eq!(hash.len(), 64);
    assert!(hash.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    assert_eq!(imported("001_78cf39acda47f0ac.txt").sha256_hex(), hash);
    assert_eq!(PolicyDocument::from_markdown(&document.to_markdown()).sha256_hex(), hash);

    let mut changed = document.clone();
    let Block::Heading { text, .. } = &mut changed.blocks[0] else { panic!("starts with a heading") };
    *text = text.replacen('I', "l", 1);
    assert_ne!(changed.sha256_hex(), hash);
}

#[test]
fn the_same_text_in_other_line_endings_and_encodings_imports_the_same() {
    let original = fixture("002_aa34f8e3e6069275.txt");
    let text = String::from_utf8(original.clone()).unwrap();
    let crlf = text.replace('\n', "\r\n");
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(crlf.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let with_bom: Vec<u8> = b"\xEF\xBB\xBF".iter().copied().chain(crlf.bytes()).collect();
    let expected = import("a.txt", &original).unwrap();
    assert_eq!(import("b.txt", crlf.as_bytes()).unwrap(), expected);
    assert_eq!(import("c.txt", &utf16).unwrap(), expected);
    assert_eq!(import("d", &with_bom).unwrap(), expected);
}

// --- Markdown ----------------------------------------------------------------------------------

#[test]
fn a_markdown_file_is_read_as_markdown() {
    let imported =
        import("Policy.md", "# Data protection\n\nWe **protect** data.\n\n1. One\n2. Two\n".as_bytes()).unwrap();
    assert_eq!(imported.kind, SourceKind::Markdown);
    assert_eq!(
        imported.document.blocks,
        [heading(1, "Data protection"), paragraph("We protect data."), list(true, &["One", "Two"])]
    );
    assert_eq!(import("only-html.md", b"<div>\n</div>\n"), Err(ImportError::NoText));
}

// --- Word documents ----------------------------------------------------------------------------

const WORD_NAMESPACE: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A .docx with the given body, and the styles and numbering parts Word writes for lists.
fn docx(body: &str) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{WORD_NAMESPACE}"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let numbering = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{WORD_NAMESPACE}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    );
    zip_of(&[
        ("[Content_Types].xml", r#"<?xml version="1.0"?><Types/>"#),
        ("word/document.xml", &document),
        ("word/numbering.xml", &numbering),
    ])
}

fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, content) in parts {
        writer.start_file(*name, SimpleFileOptions::default()).unwrap();
        writer.write_all(content.as_bytes()).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

fn styled(style: &str, text: &str) -> String {
    format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#)
}

fn numbered(text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
    )
}

fn cell(text: &str) -> String {
    format!("<w:tc><w:tcPr/><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
}

#[test]
fn a_word_document_s_styles_numbering_debris_tabs_and_tables_become_blocks() {
    let body = [
        styled("Heading1", "Information Security Policy"),
        // Debris as Word's converters leave it, in a run of its own; a tab inside a paragraph.
        r#"<w:p><w:bookmarkStart w:id="0" w:name="_Toc1"/><w:r><w:t>[bookmark: _Toc488748194]</w:t></w:r><w:r><w:t xml:space="preserve">The Practice </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>will</w:t></w:r><w:r><w:tab/><w:t>protect information.</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>"#.to_owned(),
        numbered("Lock your screen;"),
        numbered("Report incidents &amp; near misses."),
        "<w:p/>".to_owned(),
        // A bold numbered line with no heading style, as many practice documents have.
        r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>2.</w:t></w:r><w:r><w:tab/><w:t>ROLES</w:t></w:r></w:p>"#.to_owned(),
        format!(
            "<w:tbl><w:tblPr/><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
            cell("Role"),
            cell("Name"),
            cell("Caldicott Guardian"),
            cell("Dr Tom Okafor")
        ),
        styled("Heading2", "Review"),
        styled("Normal", "Reviewed every year."),
    ]
    .concat();
    let imported = import("Security policy.docx", &docx(&body)).unwrap();
    assert_eq!(imported.kind, SourceKind::Docx);
    assert_eq!(
        imported.document.blocks,
        [
            heading(1, "Information Security Policy"),
            paragraph("The Practice will protect information."),
            list(true, &["Lock your screen;", "Report incidents & near misses."]),
            heading(1, "2. ROLES"),
            paragraph("Role"),
            paragraph("Name"),
            paragraph("Caldicott Guardian"),
            paragraph("Dr Tom Okafor"),
            heading(2, "Review"),
            paragraph("Reviewed every year."),
        ]
    );
    assert_round_trips(&imported.document);
}

#[test]
fn a_word_document_with_no_text_has_nothing_to_import() {
    assert_eq!(import("blank.docx", &docx("<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>")), Err(ImportError::NoText));
}

#[test]
fn a_docx_that_is_really_a_text_file_is_not_a_word_document() {
    assert_eq!(import("policy.docx", b"1. INTRODUCTION\n\nSome text."), Err(ImportError::NotDocx));
}

#[test]
fn a_zip_without_a_document_part_is_not_a_word_document() {
    let other = zip_of(&[("content.xml", "<office:document/>")]);
    assert_eq!(import("renamed.docx", &other), Err(ImportError::NotDocx));
    // Under a text name, such a zip is simply not a document.
    assert_eq!(import("renamed.txt", &other), Err(ImportError::Binary));
}

#[test]
fn a_truncated_word_document_is_refused_as_damaged() {
    let whole = docx(&styled("Heading1", "Policy"));
    for length in [whole.len() / 2, whole.len() - 10, 30] {
        let result = import("cut.docx", &whole[..length]);
        assert!(
            matches!(result, Err(ImportError::NotDocx | ImportError::DamagedDocx(_))),
            "{length} bytes: {result:?}"
        );
    }
}

#[test]
fn a_word_document_whose_xml_is_broken_is_damaged() {
    let broken = zip_of(&[("word/document.xml", "<w:document><w:body><w:p><w:r><w:t>Text</w:p></w:document>")]);
    assert_eq!(import("broken.docx", &broken), Err(ImportError::DamagedDocx("its text is damaged".into())));
}

#[test]
fn a_word_document_disguised_as_text_is_read_as_a_word_document() {
    let imported = import("policy.txt", &docx(&styled("Title", "Acceptable Use"))).unwrap();
    assert_eq!(imported.kind, SourceKind::Docx);
    assert_eq!(imported.document.blocks, [heading(1, "Acceptable Use")]);
}

// --- PDF ---------------------------------------------------------------------------------------

fn rendered_pdf(blocks: Vec<custodian_pdf::Block>) -> Vec<u8> {
    custodian_pdf::render(&custodian_pdf::Document {
        metadata: custodian_pdf::Metadata {
            title: "Information security policy".into(),
            author: "Northfield Practice".into(),
            subject: "Policy".into(),
            created: time::macros::datetime!(2025-03-14 15:09:26 +00:00),
        },
        running_header: "Northfield Practice — information security policy".into(),
        running_footer: "Approved 14 March 2025".into(),
        blocks,
    })
    .unwrap()
}

#[test]
fn a_pdf_laid_out_by_custodian_pdf_imports_with_its_headings_and_paragraphs() {
    use custodian_pdf::Block as Pdf;
    let long = "The Practice will seek to ensure the confidentiality, integrity and availability of its \
                information is maintained by implementing best practice to minimise risk. "
        .repeat(3);
    let long = long.trim_end();
    let bytes = rendered_pdf(vec![
        Pdf::Heading { level: 1, text: "1. INTRODUCTION".into() },
        Pdf::Paragraph(long.to_owned()),
        Pdf::Heading { level: 2, text: "Caldicott Guardian".into() },
        Pdf::Paragraph("Dr Zoë O'Brien is the practice's Caldicott Guardian.".into()),
        Pdf::Heading { level: 1, text: "2. REVIEW".into() },
        Pdf::Paragraph("This policy is reviewed every year.".into()),
    ]);
    let imported = import("policy.pdf", &bytes).unwrap();
    assert_eq!(imported.kind, SourceKind::Pdf);
    assert_eq!(
        imported.document.blocks,
        [
            heading(1, "1. INTRODUCTION"),
            paragraph(long),
            heading(2, "Caldicott Guardian"),
            paragraph("Dr Zoë O'Brien is the practice's Caldicott Guardian."),
            heading(1, "2. REVIEW"),
            paragraph("This policy is reviewed every year."),
        ]
    );
    // The same PDF under a text file's name is still read as a PDF.
    assert_eq!(import("policy.txt", &bytes).unwrap(), imported);
}

#[test]
fn a_pdf_locked_only_against_editing_imports_and_a_password_protected_one_is_refused() {
    let error = import("locked.pdf", &fixture("password-protected.pdf")).unwrap_err();
    assert_eq!(error, ImportError::DamagedPdf("it is protected by a password".into()));
    assert!(error.to_string().contains("password"), "{error}");

    let restricted = import("restricted.pdf", &fixture("editing-restricted.pdf")).unwrap();
    assert_eq!(restricted.document.blocks, [paragraph("Editing restricted policy")]);
}

#[test]
fn a_pdf_with_no_text_is_refused_with_advice_about_scans() {
    use lopdf::{Object, Stream, dictionary};
    let mut pdf = lopdf::Document::with_version("1.5");
    let pages_id = pdf.new_object_id();
    let content_id = pdf.add_object(Stream::new(dictionary! {}, b"0 0 m 100 100 l S".to_vec()));
    let page_id = pdf.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    pdf.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 }),
    );
    let catalog_id = pdf.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    pdf.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    pdf.save_to(&mut bytes).unwrap();

    let error = import("scan.pdf", &bytes).unwrap_err();
    assert_eq!(error, ImportError::NoTextInPdf);
    assert!(error.to_string().contains("scanned"), "{error}");
}

#[test]
fn a_pdf_header_followed_by_garbage_is_a_damaged_pdf() {
    let result = import("policy.pdf", b"%PDF-1.7\n\x00\x01garbage that is no PDF at all\n");
    assert!(matches!(result, Err(ImportError::DamagedPdf(_))), "{result:?}");
}

#[test]
fn a_file_named_pdf_that_is_not_one_is_refused() {
    assert_eq!(import("policy.pdf", b"Just some text."), Err(ImportError::NotPdf));
}

// --- Files that are refused -------------------------------------------------------------------

/// Bytes from a fixed-seed generator: the same "random" file every run.
fn random_bytes(count: usize) -> Vec<u8> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..count)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state.to_le_bytes()[0]
        })
        .collect()
}

#[test]
fn random_bytes_and_pictures_are_binary() {
    assert_eq!(import("noise.txt", &random_bytes(4096)), Err(ImportError::Binary));
    assert_eq!(import("noise", &random_bytes(100)), Err(ImportError::Binary));
    assert_eq!(import("notes.md", &random_bytes(4096)), Err(ImportError::Binary));
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00";
    assert_eq!(import("logo.txt", png), Err(ImportError::Binary));
    let old_word = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00";
    assert_eq!(import("policy.txt", old_word), Err(ImportError::Binary));
}

#[test]
fn text_in_another_encoding_is_reported_at_its_first_bad_line() {
    assert_eq!(import("menu.txt", b"caf\xe9"), Err(ImportError::NotUtf8 { line: 1 }));
    assert_eq!(
        import("policy.txt", b"1. INTRODUCTION\r\n\r\nThe practice\x92s policy."),
        Err(ImportError::NotUtf8 { line: 3 })
    );
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded() {
    let bytes: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("1.\tINTRODUCTION\r\n\r\nCafé policy.\r\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let imported = import("policy.txt", &bytes).unwrap();
    assert_eq!(imported.document.blocks, [heading(1, "1. INTRODUCTION"), paragraph("Café policy.")]);
}

#[test]
fn empty_and_whitespace_only_files_are_empty() {
    for (name, bytes) in [
        ("empty.txt", &b""[..]),
        ("spaces.txt", b" \t\r\n \n"),
        ("empty.md", b"\n\n"),
        ("empty.docx", b""),
        ("empty.pdf", b""),
        ("bom.txt", b"\xEF\xBB\xBF  \n"),
    ] {
        assert_eq!(import(name, bytes), Err(ImportError::Empty), "{name}");
    }
}

#[test]
fn only_debris_is_no_text() {
    assert_eq!(import("debris.txt", b"[bookmark: _GoBack]\n\xC2\xB7\n\xE2\x80\x8B\n"), Err(ImportError::NoText));
}

#[test]
fn other_kinds_of_file_are_unsupported_and_the_message_says_what_to_do() {
    for (name, extension) in [("policy.doc", "doc"), ("Policy.ODT", "odt"), ("policy.rtf", "rtf"), ("scan.png", "png")]
    {
        let error = import(name, b"whatever").unwrap_err();
        assert_eq!(error, ImportError::UnsupportedType { extension: extension.into() });
        let message = error.to_string();
        assert!(message.contains(&format!(".{extension}")), "{message}");
        assert!(message.contains(".docx") && message.contains(".txt") && message.contains(".md"), "{message}");
    }
}

#[test]
fn every_message_is_a_full_sentence_that_says_what_to_do() {
    let errors = [
        ImportError::Empty,
        ImportError::Binary,
        ImportError::NotUtf8 { line: 12 },
        ImportError::NotDocx,
        ImportError::DamagedDocx("the file is incomplete or damaged".into()),
        ImportError::NotPdf,
        ImportError::NoTextInPdf,
        ImportError::DamagedPdf("it is protected by a password".into()),
        ImportError::UnsupportedType { extension: "doc".into() },
        ImportError::NoText,
        ImportError::TooLarge { bytes: 60 * 1024 * 1024 },
    ];
    for error in errors {
        let message = error.to_string();
        assert!(message.starts_with(char::is_uppercase) && message.ends_with('.'), "{message}");
        assert!(message.split(". ").count() >= 2, "says what is wrong and what to do: {message}");
    }
    assert_eq!(
        ImportError::NotUtf8 { line: 12 }.to_string(),
        "This text file uses a character encoding Custodian cannot read (the first problem is on line 12). \
         Open it in Notepad or Word, save it as \"UTF-8\" text and try again."
    );
    assert!(ImportError::TooLarge { bytes: 60 * 1024 * 1024 }.to_string().contains("60 MB"));
}

#[test]
fn a_hundred_page_policy_imports_whole() {
    // Its speed is measured by `benches/import` and `custodian bench`, not here.
    let page = String::from_utf8(fixture("001_78cf39acda47f0ac.txt")).unwrap();
    let policy = page.repeat(15);
    let once = import("page.txt", page.as_bytes()).unwrap().document;
    let imported = import("long.txt", policy.as_bytes()).unwrap();
    assert!(imported.document.word_count() > 15 * 3000);
    assert_eq!(imported.document.word_count(), 15 * once.word_count());
}
