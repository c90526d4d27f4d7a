//! Small PDFs made with lopdf, for tests of signing and verification (independent of the
//! layout engine). Also compiled into the `validators` integration test via `#[path]`.

use lopdf::content::{Content, Operation};
use lopdf::xref::XrefType;
use lopdf::{Document, Object, Stream, dictionary};

/// How the sample's cross-reference section is written.
#[derive(Clone, Copy, Debug)]
pub enum XrefKind {
    /// A classic `xref` table and `trailer`, as printpdf writes.
    Table,
    /// A cross-reference stream, with objects in object streams (PDF 1.5+).
    Stream,
}

/// A PDF of `pages` A4 pages, each saying "Sample page N" in Helvetica. If `with_annotation`,
/// page 1 already has a link annotation in an indirect `/Annots` array.
pub fn sample_pdf(pages: usize, xref: XrefKind, with_annotation: bool) -> Vec<u8> {
    let mut document = Document::with_version("1.7");
    let pages_id = document.new_object_id();
    let font_id = document.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
    });
    let resources_id = document.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font_id },
    });
    let mut kids = Vec::new();
    for number in 1..=pages {
        let content = Content {
            operations: vec![
                Operation::new("BT", vec![]),
                Operation::new("Tf", vec!["F1".into(), 24.into()]),
                Operation::new("Td", vec![72.into(), 760.into()]),
                Operation::new("Tj", vec![Object::string_literal(format!("Sample page {number}"))]),
                Operation::new("ET", vec![]),
            ],
        };
        let content_id = document.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
        let mut page = dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
        };
        if with_annotation && number == 1 {
            let link = document.add_object(dictionary! {
                "Type" => "Annot",
                "Subtype" => "Link",
                "Rect" => vec![72.into(), 700.into(), 200.into(), 720.into()],
                "Border" => vec![0.into(), 0.into(), 0.into()],
            });
            let annots = document.add_object(vec![Object::Reference(link)]);
            page.set("Annots", annots);
        }
        kids.push(document.add_object(page).into());
    }
    document.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => pages as i64,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = document.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
    });
    let info_id = document.add_object(dictionary! {
        "Title" => Object::string_literal("Sample"),
    });
    document.trailer.set("Root", catalog_id);
    document.trailer.set("Info", info_id);
    document.trailer.set(
        "ID",
        vec![
            Object::String(vec![0x11; 16], lopdf::StringFormat::Hexadecimal),
            Object::String(vec![0x22; 16], lopdf::StringFormat::Hexadecimal),
        ],
    );

    let mut bytes = Vec::new();
    match xref {
        XrefKind::Table => {
            document.reference_table.cross_reference_type = XrefType::CrossReferenceTable;
            document.save_to(&mut bytes).unwrap();
        }
        XrefKind::Stream => {
            document.version = "1.7".to_owned();
            document.save_modern(&mut bytes).unwrap();
        }
    }
    bytes
}
