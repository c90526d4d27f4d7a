//! Turning a [`Document`] into PDF bytes: lay it out, add the running header and footer, and emit
//! each page's lines and rules as printpdf operations with the two fonts embedded and subset.

use printpdf::date::DateTime;
use printpdf::{
    Color, FontId, Greyscale, Line, LineCapStyle, LineDashPattern, LinePoint, Mm, Op, PdfDocument, PdfFontHandle,
    PdfPage, PdfParseErrorSeverity, PdfSaveOptions, Point, Pt, Rgb, TextItem,
};

use crate::document::{Document, Metadata};
use crate::error::PdfError;
use crate::fonts::{self, Face};
use crate::layout;
use crate::page::{Ink, Item, PAGE_HEIGHT, Page};
use crate::running;

/// What the PDF says produced it.
const PRODUCER: &str = concat!("custodian-pdf ", env!("CARGO_PKG_VERSION"), " (printpdf)");

/// Lays out `document` on A4 pages and returns the PDF.
///
/// Text is set in DejaVu Sans (embedded, subset) and can be selected and searched. Every page
/// but the first carries the running header; every page carries the running footer and
/// "Page X of Y". A [`Block::Contents`](crate::Block::Contents) lists level-1 and level-2 headings
/// with the pages they are on.
///
/// # Errors
/// [`PdfError::HeadingLevel`], [`PdfError::NoColumns`], [`PdfError::ColumnWeight`] and
/// [`PdfError::RowLength`] for a document that cannot be laid out; the other variants only for
/// faults inside this crate or printpdf.
///
/// # Example
/// ```
/// use custodian_pdf::{Block, Document, Metadata, render};
/// use time::macros::datetime;
///
/// let document = Document {
///     metadata: Metadata {
///         title: "Report".into(),
///         author: "Custodian".into(),
///         subject: "An example".into(),
///         created: datetime!(2025-03-01 9:00 UTC),
///     },
///     running_header: "Report".into(),
///     running_footer: "Printed 1 March 2025".into(),
///     blocks: vec![
///         Block::Heading { level: 1, text: "Report".into() },
///         Block::Paragraph("Hello.".into()),
///     ],
/// };
/// let pdf = render(&document)?;
/// assert!(pdf.starts_with(b"%PDF-"));
/// # Ok::<(), custodian_pdf::PdfError>(())
/// ```
pub fn render(document: &Document) -> Result<Vec<u8>, PdfError> {
    let fonts = fonts::embedded()?;
    layout::check(document)?;
    let mut pages = layout::paginate(document, fonts)?;
    running::add(&mut pages, &document.running_header, &document.running_footer, fonts);

    let mut pdf = PdfDocument::new(&document.metadata.title);
    set_metadata(&mut pdf, &document.metadata)?;
    let regular = pdf.add_font(&fonts.face(Face::Regular).parsed);
    let bold = pdf.add_font(&fonts.face(Face::Bold).parsed);
    let pdf_pages = pages.iter().map(|page| pdf_page(page, &regular, &bold)).collect();
    pdf.with_pages(pdf_pages);

    let mut warnings = Vec::new();
    let bytes = pdf.save(&PdfSaveOptions::default(), &mut warnings);
    if let Some(error) = warnings.iter().find(|warning| warning.severity == PdfParseErrorSeverity::Error) {
        return Err(PdfError::Write { detail: error.msg.clone() });
    }
    Ok(bytes)
}

/// Title, author, subject and dates into the document information dictionary.
///
/// printpdf writes XMP metadata only for PDF/X conformance levels, and without escaping the title
/// for XML, so the information dictionary is where these live.
fn set_metadata(pdf: &mut PdfDocument, metadata: &Metadata) -> Result<(), PdfError> {
    // printpdf writes dates as UTC ("+00'00'"), so hand it the instant in UTC.
    let created = DateTime::from_unix_timestamp(metadata.created.unix_timestamp())
        .map_err(|detail| PdfError::DateOutOfRange { detail: format!("{}: {detail}", metadata.created) })?;
    let info = &mut pdf.metadata.info;
    info.document_title = metadata.title.clone();
    info.author = metadata.author.clone();
    info.subject = metadata.subject.clone();
    info.creator = PRODUCER.to_owned();
    info.producer = PRODUCER.to_owned();
    info.creation_date = created;
    info.modification_date = created;
    info.metadata_date = created;
    Ok(())
}

/// One page's items as printpdf operations; each line of text is its own text section.
fn pdf_page(page: &Page, regular: &FontId, bold: &FontId) -> PdfPage {
    let mut ops = Vec::with_capacity(page.items.len() * 6);
    let mut fill: Option<Ink> = None;
    for item in &page.items {
        match item {
            Item::Text { x, baseline, style, text } => {
                if fill != Some(style.ink) {
                    ops.push(Op::SetFillColor { col: colour(style.ink) });
                    fill = Some(style.ink);
                }
                let font = match style.face {
                    Face::Regular => regular,
                    Face::Bold => bold,
                };
                ops.extend([
                    Op::StartTextSection,
                    Op::SetFont { font: PdfFontHandle::External(font.clone()), size: Pt(style.size) },
                    Op::SetTextCursor { pos: Point { x: Pt(*x), y: Pt(PAGE_HEIGHT - baseline) } },
                    Op::ShowText { items: vec![TextItem::Text(text.clone())] },
                    Op::EndTextSection,
                ]);
            }
            Item::Rule { x0, x1, y, thickness, ink, dotted } => {
                let y = Pt(PAGE_HEIGHT - y);
                let (dash, cap) = if *dotted {
                    (LineDashPattern::new(0.0, &[0.0, 3.0]), LineCapStyle::Round)
                } else {
                    (LineDashPattern::solid(), LineCapStyle::Butt)
                };
                ops.extend([
                    Op::SaveGraphicsState,
                    Op::SetOutlineColor { col: colour(*ink) },
                    Op::SetOutlineThickness { pt: Pt(*thickness) },
                    Op::SetLineDashPattern { dash },
                    Op::SetLineCapStyle { cap },
                    Op::DrawLine {
                        line: Line {
                            points: vec![
                                LinePoint { p: Point { x: Pt(*x0), y }, bezier: false },
                                LinePoint { p: Point { x: Pt(*x1), y }, bezier: false },
                            ],
                            is_closed: false,
                        },
                    },
                    Op::RestoreGraphicsState,
                ]);
            }
        }
    }
    PdfPage::new(Mm(210.0), Mm(297.0), ops)
}

fn colour(ink: Ink) -> Color {
    match ink {
        Ink::Text => Color::Greyscale(Greyscale::new(0.1, None)),
        Ink::Heading => Color::Rgb(Rgb { r: 0.09, g: 0.2, b: 0.36, icc_profile: None }),
        Ink::Muted => Color::Greyscale(Greyscale::new(0.4, None)),
        Ink::Faint => Color::Greyscale(Greyscale::new(0.8, None)),
    }
}
