//! Word documents (.docx): a zip whose `word/document.xml` holds the paragraphs (ECMA-376,
//! WordprocessingML). Heading and list styles say what a paragraph is; paragraphs without them
//! go through the same guesses as plain text.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use zip::ZipArchive;
use zip::result::ZipError;

use crate::plain_text::{self, Line};
use crate::{ImportError, PolicyDocument};

/// The largest XML part read: a guard against zip bombs. Real policies' document.xml is a few MB.
const MAX_PART_BYTES: u64 = 100 * 1024 * 1024;

/// Reads a Word document from the bytes of a zip archive.
pub(crate) fn read(bytes: &[u8]) -> Result<PolicyDocument, ImportError> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|_| damaged(INCOMPLETE))?;
    let document = part(&mut archive, "word/document.xml")?.ok_or(ImportError::NotDocx)?;
    // Styles and numbering only refine the guesses: a damaged one is as good as none.
    let styles = part(&mut archive, "word/styles.xml").ok().flatten().map(|xml| styles(&xml)).unwrap_or_default();
    let numbering =
        part(&mut archive, "word/numbering.xml").ok().flatten().map(|xml| numbering(&xml)).unwrap_or_default();
    let paragraphs = paragraphs(&document).map_err(|_| damaged("its text is damaged"))?;
    let lines = paragraphs.into_iter().filter_map(|paragraph| line(paragraph, &styles, &numbering));
    Ok(plain_text::structure(lines, false))
}

const INCOMPLETE: &str = "the file is incomplete or damaged";
const TOO_LARGE: &str = "its text is larger than 100 MB";

fn damaged(detail: &str) -> ImportError {
    ImportError::DamagedDocx(detail.to_owned())
}

/// The text of one part of the package, or `None` when there is no such part.
fn part(archive: &mut ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>, ImportError> {
    part_within(archive, name, MAX_PART_BYTES)
}

/// [`part`], refusing a part that inflates to more than `limit` bytes, whatever size it claims.
fn part_within(archive: &mut ZipArchive<Cursor<&[u8]>>, name: &str, limit: u64) -> Result<Option<String>, ImportError> {
    let file = match archive.by_name(name) {
        Ok(file) => file,
        Err(ZipError::FileNotFound) => return Ok(None),
        Err(ZipError::UnsupportedArchive(ZipError::PASSWORD_REQUIRED) | ZipError::InvalidPassword) => {
            return Err(damaged("it is protected by a password"));
        }
        Err(_) => return Err(damaged(INCOMPLETE)),
    };
    if file.size() > limit {
        return Err(damaged(TOO_LARGE));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(file.size()).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes).map_err(|_| damaged(INCOMPLETE))?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > limit {
        return Err(damaged(TOO_LARGE));
    }
    String::from_utf8(bytes).map(Some).map_err(|_| damaged("its text is damaged"))
}

/// One `w:p` as read from document.xml.
#[derive(Debug, Default)]
struct Paragraph {
    /// The `w:pStyle` id, if any.
    style: Option<String>,
    /// A direct `w:outlineLvl` (0 is the top level).
    outline: Option<u8>,
    /// The `w:numPr`'s list (`w:numId`); list 0 means "not numbered".
    list: Option<u32>,
    /// The `w:numPr`'s level in its list (`w:ilvl`).
    level: u8,
    /// Whether the paragraph is in a table cell.
    in_table: bool,
    text: String,
}

/// Reads every paragraph of document.xml in order, tables' cells included.
fn paragraphs(xml: &str) -> Result<Vec<Paragraph>, quick_xml::Error> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut done = Vec::new();
    // Text boxes nest paragraphs inside paragraphs.
    let mut open: Vec<Paragraph> = Vec::new();
    let mut tables = 0_usize;
    let mut in_properties = false;
    // Inside `mc:Fallback`, which repeats what `mc:Choice` already said.
    let mut skipping = 0_usize;
    let mut run_text: Option<(String, bool)> = None;
    loop {
        let event = reader.read_event()?;
        let is_start = matches!(event, Event::Start(_));
        match event {
            Event::Start(element) | Event::Empty(element) => {
                let name = element.name();
                let name = name.as_ref();
                if name == "mc:Fallback" {
                    skipping += usize::from(is_start);
                    continue;
                }
                if skipping > 0 {
                    continue;
                }
                match name {
                    "w:p" if is_start => open.push(Paragraph { in_table: tables > 0, ..Paragraph::default() }),
                    "w:p" => done.push(Paragraph { in_table: tables > 0, ..Paragraph::default() }),
                    "w:tbl" if is_start => tables += 1,
                    "w:pPr" if is_start => in_properties = true,
                    "w:t" if is_start => {
                        run_text = Some((String::new(), attribute(&element, "xml:space") == Some("preserve".into())))
                    }
                    _ => {}
                }
                let Some(paragraph) = open.last_mut() else { continue };
                match name {
                    "w:pStyle" if in_properties => paragraph.style = attribute(&element, "w:val"),
                    "w:outlineLvl" if in_properties => paragraph.outline = number(&element),
                    "w:numId" if in_properties => paragraph.list = number(&element),
                    "w:ilvl" if in_properties => paragraph.level = number(&element).unwrap_or(0),
                    "w:tab" | "w:ptab" if !in_properties => paragraph.text.push('\t'),
                    "w:br" | "w:cr" if !in_properties => paragraph.text.push(' '),
                    "w:noBreakHyphen" => paragraph.text.push('-'),
                    _ => {}
                }
            }
            Event::End(element) => {
                let name = element.name();
                match name.as_ref() {
                    "mc:Fallback" => skipping = skipping.saturating_sub(1),
                    _ if skipping > 0 => {}
                    "w:p" => done.extend(open.pop()),
                    "w:tbl" => tables = tables.saturating_sub(1),
                    "w:pPr" => in_properties = false,
                    "w:t" => {
                        if let (Some((text, preserve)), Some(paragraph)) = (run_text.take(), open.last_mut()) {
                            paragraph.text.push_str(if preserve { &text } else { text.trim() });
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(text) if skipping == 0 => {
                if let Some((run, _)) = run_text.as_mut() {
                    run.push_str(&text.xml10_content());
                }
            }
            Event::CData(text) if skipping == 0 => {
                if let Some((run, _)) = run_text.as_mut() {
                    run.push_str(&text);
                }
            }
            Event::GeneralRef(reference) if skipping == 0 => {
                if let Some((run, _)) = run_text.as_mut() {
                    match reference.resolve_char_ref() {
                        Ok(Some(c)) => run.push(c),
                        _ => run.push_str(match &*reference {
                            "amp" => "&",
                            "lt" => "<",
                            "gt" => ">",
                            "quot" => "\"",
                            "apos" => "'",
                            _ => "",
                        }),
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(done)
}

fn attribute(element: &BytesStart<'_>, name: &str) -> Option<String> {
    element.try_get_attribute(name).ok().flatten().map(|attribute| attribute.value.into_owned())
}

fn number<T: std::str::FromStr>(element: &BytesStart<'_>) -> Option<T> {
    attribute(element, "w:val")?.trim().parse().ok()
}

/// What styles.xml says of a paragraph style.
#[derive(Debug, Default)]
struct Style {
    /// The style's name in lower case ("heading 1", "list paragraph", "toc 2").
    name: String,
    /// Its outline level (0 is the top).
    outline: Option<u8>,
    /// The list its paragraphs are numbered in, if it numbers them.
    numbering: Option<u32>,
}

/// Paragraph styles by id.
fn styles(xml: &str) -> HashMap<String, Style> {
    let mut styles = HashMap::new();
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut current: Option<(String, Style)> = None;
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(element) | Event::Empty(element) => match element.name().as_ref() {
                "w:style" => current = attribute(&element, "w:styleId").map(|id| (id, Style::default())),
                "w:name" => {
                    if let Some((_, style)) = current.as_mut() {
                        style.name = attribute(&element, "w:val").unwrap_or_default().to_lowercase();
                    }
                }
                "w:outlineLvl" => {
                    if let Some((_, style)) = current.as_mut() {
                        style.outline = number(&element);
                    }
                }
                "w:numId" => {
                    if let Some((_, style)) = current.as_mut() {
                        style.numbering = number(&element);
                    }
                }
                _ => {}
            },
            Event::End(element) if element.name().as_ref() == "w:style" => {
                if let Some((id, style)) = current.take() {
                    styles.insert(id, style);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    styles
}

/// For each list (`w:numId`) and level, whether it is numbered (true) or bulleted.
fn numbering(xml: &str) -> HashMap<(u32, u8), bool> {
    let mut abstract_formats: HashMap<u32, HashMap<u8, bool>> = HashMap::new();
    let mut lists: Vec<(u32, u32)> = Vec::new();
    let mut reader = quick_xml::Reader::from_str(xml);
    let (mut abstract_id, mut level, mut list) = (None, None, None);
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(element) | Event::Empty(element) => match element.name().as_ref() {
                "w:abstractNum" => abstract_id = attribute(&element, "w:abstractNumId").and_then(|id| id.parse().ok()),
                "w:lvl" => level = attribute(&element, "w:ilvl").and_then(|id| id.parse().ok()),
                "w:numFmt" => {
                    if let (Some(id), Some(level)) = (abstract_id, level) {
                        let format = attribute(&element, "w:val").unwrap_or_default();
                        let ordered = format != "bullet" && format != "none";
                        abstract_formats.entry(id).or_default().insert(level, ordered);
                    }
                }
                "w:num" => list = attribute(&element, "w:numId").and_then(|id| id.parse().ok()),
                "w:abstractNumId" => {
                    if let (Some(list), Some(id)) = (list, number(&element)) {
                        lists.push((list, id));
                    }
                }
                _ => {}
            },
            Event::End(element) => match element.name().as_ref() {
                "w:abstractNum" => abstract_id = None,
                "w:lvl" => level = None,
                "w:num" => list = None,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    let mut numbering = HashMap::new();
    for (list, id) in lists {
        for (level, ordered) in abstract_formats.get(&id).into_iter().flatten() {
            numbering.insert((list, *level), *ordered);
        }
    }
    numbering
}

/// What a paragraph is, from its style and numbering; `None` for a table of contents' entries,
/// which repeat the headings.
fn line(paragraph: Paragraph, styles: &HashMap<String, Style>, numbering: &HashMap<(u32, u8), bool>) -> Option<Line> {
    let style = paragraph.style.as_ref().and_then(|id| styles.get(id));
    let name = style.map_or_else(|| paragraph.style.clone().unwrap_or_default().to_lowercase(), |s| s.name.clone());
    let compact: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.starts_with("toc") {
        return None;
    }
    let text = paragraph.text;
    if text.trim().is_empty() {
        return Some(Line::Blank);
    }
    let outline = paragraph.outline.or(style.and_then(|s| s.outline)).filter(|level| *level < 9);
    let heading = match compact.strip_prefix("heading").and_then(|level| level.parse::<u8>().ok()) {
        Some(level) => Some(level),
        None if compact == "title" => Some(1),
        None => outline.map(|level| level + 1),
    };
    if let Some(level) = heading {
        return Some(Line::Heading { level: level.clamp(1, 3), text });
    }
    let list = paragraph.list.or(style.and_then(|s| s.numbering)).filter(|list| *list != 0);
    if list.is_some() || compact.contains("list") {
        let ordered = list
            .and_then(|list| numbering.get(&(list, paragraph.level)).copied())
            .unwrap_or(compact.contains("number"));
        return Some(Line::Item { ordered, text });
    }
    Some(if paragraph.in_table { Line::Paragraph(text) } else { Line::Text(text) })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(paragraphs: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{paragraphs}</w:body></w:document>"#
        )
    }

    #[test]
    fn runs_tabs_breaks_and_entities_make_a_paragraph_s_text() {
        let xml = body(
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>1.</w:t><w:tab/><w:t xml:space="preserve">A &amp; B </w:t></w:r><w:r><w:t> C&#233; </w:t><w:br/><w:t>D</w:t></w:r></w:p>"#,
        );
        let paragraphs = paragraphs(&xml).unwrap();
        assert_eq!(paragraphs.len(), 1);
        assert_eq!(paragraphs[0].text, "1.\tA & B Cé D");
    }

    #[test]
    fn fallback_content_and_deleted_text_are_skipped_and_text_boxes_kept() {
        let xml = body(
            r#"<w:p><w:r><w:t>Kept</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>Box</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent><w:p><w:r><w:t>Box</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:p>"#,
        );
        let texts: Vec<String> = paragraphs(&xml).unwrap().into_iter().map(|p| p.text).collect();
        assert_eq!(texts, ["Box", "Kept"]);
    }

    #[test]
    fn a_part_that_inflates_beyond_the_limit_is_refused() {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        writer.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).unwrap();
        std::io::Write::write_all(&mut writer, &[b' '; 4096]).unwrap();
        let bytes = writer.finish().unwrap().into_inner();
        let mut archive = ZipArchive::new(Cursor::new(bytes.as_slice())).unwrap();
        assert!(bytes.len() < 1024, "{} bytes compressed", bytes.len());
        assert_eq!(part_within(&mut archive, "word/document.xml", 1024), Err(damaged(TOO_LARGE)));
        assert_eq!(part_within(&mut archive, "word/document.xml", 4096).unwrap().unwrap().len(), 4096);
        assert_eq!(part_within(&mut archive, "word/styles.xml", 4096), Ok(None));
    }

    #[test]
    fn styles_and_numbering_decide_headings_and_lists() {
        let styles = styles(
            r#"<w:styles><w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Bullets"><w:name w:val="My Bullets"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style><w:style w:styleId="TOC1"><w:name w:val="toc 1"/></w:style></w:styles>"#,
        );
        let numbering = numbering(
            r#"<w:numbering><w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="8"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="8"/></w:num></w:numbering>"#,
        );
        let paragraph = |style: Option<&str>, numbering: Option<(u32, u8)>| Paragraph {
            style: style.map(str::to_owned),
            list: numbering.map(|(list, _)| list),
            level: numbering.map_or(0, |(_, level)| level),
            text: "x".into(),
            ..Paragraph::default()
        };
        let check = |p: Paragraph| line(p, &styles, &numbering);
        assert_eq!(check(paragraph(Some("Kop1"), None)), Some(Line::Heading { level: 1, text: "x".into() }));
        assert_eq!(check(paragraph(Some("Heading5"), None)), Some(Line::Heading { level: 3, text: "x".into() }));
        assert_eq!(check(paragraph(Some("Title"), None)), Some(Line::Heading { level: 1, text: "x".into() }));
        assert_eq!(check(paragraph(None, Some((1, 0)))), Some(Line::Item { ordered: true, text: "x".into() }));
        assert_eq!(check(paragraph(None, Some((1, 1)))), Some(Line::Item { ordered: false, text: "x".into() }));
        assert_eq!(check(paragraph(None, Some((0, 0)))), Some(Line::Text("x".into())));
        assert_eq!(check(paragraph(Some("Bullets"), None)), Some(Line::Item { ordered: false, text: "x".into() }));
        assert_eq!(check(paragraph(Some("ListNumber"), None)), Some(Line::Item { ordered: true, text: "x".into() }));
        assert_eq!(
            check(paragraph(Some("ListParagraph"), None)),
            Some(Line::Item { ordered: false, text: "x".into() })
        );
        assert_eq!(check(paragraph(Some("TOC1"), None)), None);
        assert_eq!(
            check(Paragraph { in_table: true, text: "Role".into(), ..Paragraph::default() }),
            Some(Line::Paragraph("Role".into()))
        );
    }
}
