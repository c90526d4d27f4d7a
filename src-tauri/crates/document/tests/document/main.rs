use custodian_pdf::{Block, Document, Metadata, render};
use time::macros::datetime;

#[test]
fn dump() {
    let long = "The Practice will seek to ensure the confidentiality, integrity and availability of its information is maintained by implementing best practice to minimise risk. ".repeat(4);
    let doc = Document {
        metadata: Metadata {
            title: "T".into(),
            author: "A".into(),
            subject: "S".into(),
            created: datetime!(2025-03-14 15:09:26 +01:00),
        },
        running_header: "Northfield Practice — policies".into(),
        running_footer: "Generated 14 March 2025".into(),
        blocks: vec![
            Block::Heading { level: 1, text: "1. INTRODUCTION".into() },
            Block::Paragraph(long.clone()),
            Block::Heading { level: 2, text: "Caldicott Guardian".into() },
            Block::Paragraph("Zoë's naïve café – “quoted”.".into()),
            Block::Paragraph(long.clone()),
            Block::Heading { level: 1, text: "2. SECOND".into() },
            Block::Paragraph(long),
        ],
    };
    let bytes = render(&doc).unwrap();
    std::fs::write("/tmp/t.pdf", &bytes).unwrap();
    let pdf = lopdf::Document::load_mem(&bytes).unwrap();
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    println!("{:?}", pdf.extract_text(&pages));
}
