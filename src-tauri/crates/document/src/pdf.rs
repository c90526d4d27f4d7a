//! PDF files: the text of every page, with where it stands, read through lopdf.
//!
//! A PDF has no paragraphs, only pieces of text placed on a page. Pieces on one baseline make a
//! line; a larger vertical gap or a change of type size ends a paragraph; type clearly larger than
//! the body text makes a heading; lines that repeat at the top or bottom of the pages (running
//! headers, footers, "Page 2 of 9") are dropped. What is left goes through the plain-text guesses.

use std::collections::{BTreeMap, HashMap};

use lopdf::content::{Content, Operation};
use lopdf::{Document, Encoding, Object, ObjectId};

use crate::plain_text::{self, Line};
use crate::{ImportError, PolicyDocument};

/// The most a page's content (or a font's Unicode map) may inflate to: a guard against
/// decompression bombs.
const MAX_STREAM_BYTES: usize = 64 * 1024 * 1024;

/// Reads a PDF.
///
/// lopdf parses whatever a practice picks, however malformed; should it panic on something it
/// did not foresee, the file is reported as damaged rather than taking the app down.
pub(crate) fn read(bytes: &[u8]) -> Result<PolicyDocument, ImportError> {
    std::panic::catch_unwind(|| read_unguarded(bytes))
        .unwrap_or_else(|_| Err(ImportError::DamagedPdf("the file is damaged".into())))
}

fn read_unguarded(bytes: &[u8]) -> Result<PolicyDocument, ImportError> {
    let document = Document::load_mem(bytes).map_err(|error| match error {
        lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_) => password_protected(),
        _ => ImportError::DamagedPdf("the file is incomplete or damaged".into()),
    })?;
    if document.is_encrypted() && document.encryption_state.is_none() {
        return Err(password_protected());
    }
    let mut pages = Vec::new();
    for page_id in document.get_pages().into_values() {
        pages.push(page_lines(&document, page_id)?);
    }
    remove_running_lines(&mut pages);
    if pages.iter().flatten().all(|line| line.text.trim().is_empty()) {
        return Err(ImportError::NoTextInPdf);
    }
    Ok(plain_text::structure(paragraphs(&pages), true))
}

fn password_protected() -> ImportError {
    ImportError::DamagedPdf("it is protected by a password".into())
}

/// A line of text as placed on a page.
#[derive(Clone, Debug, PartialEq)]
struct PlacedLine {
    /// The baseline's height on the page (larger is higher when the page is not flipped).
    y: f32,
    /// The largest type size on the line, in points.
    size: f32,
    text: String,
}

/// A 2-D affine transformation `[a b c d e f]`, as in PDF's `cm` and `Tm` operators.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Matrix([f32; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    fn translation(x: f32, y: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    /// `self × other`: first `self`, then `other`.
    fn then(self, other: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn of(operands: &[Object]) -> Option<Matrix> {
        let values: Vec<f32> = operands.iter().filter_map(|operand| operand.as_float().ok()).collect();
        <[f32; 6]>::try_from(values).ok().map(Matrix)
    }
}

/// The text state while walking a page's content stream.
struct TextState<'a> {
    encodings: &'a BTreeMap<Vec<u8>, Encoding<'a>>,
    graphics: Vec<Matrix>,
    ctm: Matrix,
    text_matrix: Matrix,
    line_matrix: Matrix,
    font: Option<&'a Encoding<'a>>,
    font_size: f32,
    leading: f32,
    lines: Vec<PlacedLine>,
    /// Where the last piece of text started (x), to tell a gap between pieces on one line.
    last_x: f32,
}

/// Every line of one page, in the order the page draws them.
fn page_lines(document: &Document, page_id: ObjectId) -> Result<Vec<PlacedLine>, ImportError> {
    let damaged = || ImportError::DamagedPdf("a page of it is damaged".into());
    let fonts = document.get_page_fonts(page_id).map_err(|_| damaged())?;
    let encodings: BTreeMap<Vec<u8>, Encoding<'_>> = fonts
        .into_iter()
        .filter_map(|(name, font)| Some((name, font.get_font_encoding_with_limit(document, MAX_STREAM_BYTES).ok()?)))
        .collect();
    let content = document.get_page_content_with_limit(page_id, MAX_STREAM_BYTES).map_err(|_| damaged())?;
    let content = Content::decode(&content).map_err(|_| damaged())?;
    let mut state = TextState {
        encodings: &encodings,
        graphics: Vec::new(),
        ctm: Matrix::IDENTITY,
        text_matrix: Matrix::IDENTITY,
        line_matrix: Matrix::IDENTITY,
        font: None,
        font_size: 0.0,
        leading: 0.0,
        lines: Vec::new(),
        last_x: 0.0,
    };
    for operation in &content.operations {
        state.apply(operation);
    }
    Ok(state.lines)
}

impl TextState<'_> {
    fn apply(&mut self, operation: &Operation) {
        let operands = operation.operands.as_slice();
        let float = |at: usize| operands.get(at).and_then(|operand| operand.as_float().ok()).unwrap_or(0.0);
        match operation.operator.as_str() {
            "q" => self.graphics.push(self.ctm),
            "Q" => self.ctm = self.graphics.pop().unwrap_or(Matrix::IDENTITY),
            "cm" => {
                if let Some(matrix) = Matrix::of(operands) {
                    self.ctm = matrix.then(self.ctm);
                }
            }
            "BT" => {
                self.text_matrix = Matrix::IDENTITY;
                self.line_matrix = Matrix::IDENTITY;
            }
            "Tf" => {
                self.font =
                    operands.first().and_then(|name| name.as_name().ok()).and_then(|name| self.encodings.get(name));
                self.font_size = float(1);
            }
            "TL" => self.leading = float(0),
            "Td" => self.move_line(float(0), float(1)),
            "TD" => {
                self.leading = -float(1);
                self.move_line(float(0), float(1));
            }
            "Tm" => {
                if let Some(matrix) = Matrix::of(operands) {
                    self.text_matrix = matrix;
                    self.line_matrix = matrix;
                }
            }
            "T*" => self.move_line(0.0, -self.leading),
            "Tj" | "TJ" => self.show(operands),
            "'" => {
                self.move_line(0.0, -self.leading);
                self.show(operands);
            }
            "\"" => {
                self.move_line(0.0, -self.leading);
                self.show(operands.get(2..).unwrap_or_default());
            }
            _ => {}
        }
    }

    fn move_line(&mut self, x: f32, y: f32) {
        self.line_matrix = Matrix::translation(x, y).then(self.line_matrix);
        self.text_matrix = self.line_matrix;
    }

    /// Adds the text of a `Tj`/`TJ` to the line at the current position, or starts a new line.
    fn show(&mut self, operands: &[Object]) {
        let Some(encoding) = self.font else { return };
        let mut text = String::new();
        collect_text(encoding, operands, &mut text);
        if text.is_empty() {
            return;
        }
        let placed = self.text_matrix.then(self.ctm);
        let [_, b, _, d, x, y] = placed.0;
        let size = (self.font_size * (b * b + d * d).sqrt()).abs();
        match self.lines.last_mut() {
            Some(line) if (line.y - y).abs() <= 0.5 * size.max(line.size).max(1.0) => {
                // A clear jump to the right (beyond a generous guess at the last piece's width)
                // separates words, as between a table's cells.
                let jump = x - self.last_x;
                let previous_width = line.text.chars().rev().take_while(|c| !c.is_whitespace()).count() as f32;
                let gap = jump > 0.6 * size * previous_width.max(1.0) + 0.3 * size;
                if gap && !line.text.ends_with(char::is_whitespace) && !text.starts_with(char::is_whitespace) {
                    line.text.push(' ');
                }
                line.text.push_str(&text);
                line.size = line.size.max(size);
            }
            _ => self.lines.push(PlacedLine { y, size, text }),
        }
        self.last_x = x;
    }
}

/// The text of a `Tj` string or a `TJ` array; a large negative adjustment in a `TJ` array is a
/// space between words.
fn collect_text(encoding: &Encoding<'_>, operands: &[Object], text: &mut String) {
    for operand in operands {
        match operand {
            Object::String(bytes, _) => {
                if let Ok(decoded) = Document::decode_text(encoding, bytes) {
                    text.push_str(&decoded);
                }
            }
            Object::Array(items) => collect_text(encoding, items, text),
            Object::Integer(_) | Object::Real(_)
                if operand.as_float().is_ok_and(|adjustment| adjustment < -200.0) && !text.ends_with(' ') =>
            {
                text.push(' ');
            }
            _ => {}
        }
    }
}

/// Removes running headers and footers. From the top and from the bottom of each page, up to two
/// lines in a row are dropped when set apart from the text beside them by a gap, and either
/// recurring at the edges of other pages (numbers aside), or a page number, or (in a document of
/// several pages) in type smaller than the body text's.
fn remove_running_lines(pages: &mut [Vec<PlacedLine>]) {
    let body = body_size(pages);
    let several_pages = pages.len() > 1;
    let mut seen: HashMap<String, usize> = HashMap::new();
    for lines in pages.iter() {
        let mut keys: Vec<String> = edge_lines(lines).into_iter().map(|at| running_key(&lines[at].text)).collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            *seen.entry(key).or_default() += 1;
        }
    }
    for lines in pages.iter_mut() {
        let order = top_to_bottom(lines);
        let running = |at: usize| {
            let line = &lines[at];
            seen.get(&running_key(&line.text)).is_some_and(|&pages| pages >= 2)
                || is_page_number(&line.text)
                || (several_pages && line.size < body * 0.95)
        };
        let mut remove = Vec::new();
        for from_edge in [order.clone(), order.iter().rev().copied().collect()] {
            for pair in from_edge.windows(2).take(2) {
                if set_apart(&lines[pair[0]], &lines[pair[1]]) && running(pair[0]) {
                    remove.push(pair[0]);
                } else {
                    break;
                }
            }
        }
        remove.sort_unstable();
        remove.dedup();
        for at in remove.into_iter().rev() {
            lines.remove(at);
        }
    }
}

/// A page's lines' indices, from the highest on the page to the lowest.
fn top_to_bottom(lines: &[PlacedLine]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..lines.len()).collect();
    order.sort_by(|&a, &b| lines[b].y.total_cmp(&lines[a].y));
    order
}

/// The lines that could be running headers or footers: the two highest and two lowest that are
/// set apart from the next line inwards.
fn edge_lines(lines: &[PlacedLine]) -> Vec<usize> {
    let order = top_to_bottom(lines);
    let reversed: Vec<usize> = order.iter().rev().copied().collect();
    [order, reversed]
        .iter()
        .flat_map(|from_edge| {
            from_edge.windows(2).take(2).filter(|pair| set_apart(&lines[pair[0]], &lines[pair[1]])).map(|pair| pair[0])
        })
        .collect()
}

/// More space between two lines than between the lines of a paragraph.
fn set_apart(edge: &PlacedLine, inner: &PlacedLine) -> bool {
    (edge.y - inner.y).abs() > 1.6 * edge.size.max(inner.size)
}

/// A line's text with whitespace removed and each number standing alone made `#`, so that
/// "Page 2 of 9" and "Page 3 of 9" are the same running line.
fn running_key(text: &str) -> String {
    text.split_whitespace()
        .map(|word| if word.chars().all(|c| c.is_ascii_digit()) { "#" } else { word })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "7", "Page 7", "Page 7 of 9", "7 of 9", "- 7 -".
fn is_page_number(text: &str) -> bool {
    let words: Vec<String> =
        text.split_whitespace().map(str::to_lowercase).filter(|word| word != "-" && word != "–").collect();
    let number = |word: &String| !word.is_empty() && word.chars().all(|c| c.is_ascii_digit());
    match words.as_slice() {
        [n] => number(n),
        [page, n] => page == "page" && number(n),
        [n, of, m] => number(n) && of == "of" && number(m),
        [page, n, of, m] => page == "page" && number(n) && of == "of" && number(m),
        _ => false,
    }
}

/// Groups lines into paragraphs and headings. A paragraph ends at a vertical gap larger than
/// ordinary line spacing, at a change of type size, at a new page, or before a line that starts
/// a list item. Type clearly larger than the body text's makes a heading, the largest level 1.
fn paragraphs(pages: &[Vec<PlacedLine>]) -> Vec<Line> {
    let body = body_size(pages);
    let mut heading_sizes: Vec<f32> =
        pages.iter().flatten().map(|line| rounded(line.size)).filter(|size| *size > body * 1.12).collect();
    heading_sizes.sort_by(|a, b| b.total_cmp(a));
    heading_sizes.dedup();
    let level_of = |size: f32| {
        let rank = heading_sizes.iter().position(|s| *s == rounded(size)).unwrap_or(2);
        u8::try_from(rank + 1).unwrap_or(3).min(3)
    };

    let mut out = Vec::new();
    for lines in pages {
        let mut current: Option<(String, f32)> = None;
        let mut previous: Option<&PlacedLine> = None;
        for line in lines {
            let text = line.text.trim();
            if text.is_empty() {
                continue;
            }
            let same_paragraph = previous.is_some_and(|previous| {
                let gap = (previous.y - line.y).abs();
                (previous.size - line.size).abs() < 0.5
                    && gap <= 1.45 * previous.size.max(line.size)
                    && !plain_text::starts_list_item(text)
            });
            match current.as_mut() {
                Some((paragraph, _)) if same_paragraph => {
                    if !paragraph.ends_with('-') {
                        paragraph.push(' ');
                    }
                    paragraph.push_str(text);
                }
                _ => {
                    if let Some((paragraph, size)) = current.take() {
                        out.push(finish(paragraph, size, body, &level_of));
                    }
                    current = Some((text.to_owned(), line.size));
                }
            }
            previous = Some(line);
        }
        if let Some((paragraph, size)) = current {
            out.push(finish(paragraph, size, body, &level_of));
        }
    }
    out
}

/// A paragraph in heading-size type is a heading, unless it is far too long for one.
fn finish(text: String, size: f32, body: f32, level_of: &impl Fn(f32) -> u8) -> Line {
    if rounded(size) > body * 1.12 && text.chars().count() <= 200 {
        Line::Heading { level: level_of(size), text }
    } else {
        Line::Text(text)
    }
}

/// The type size that most of the text is set in.
fn body_size(pages: &[Vec<PlacedLine>]) -> f32 {
    let mut characters: HashMap<u32, usize> = HashMap::new();
    for line in pages.iter().flatten() {
        *characters.entry(rounded(line.size).to_bits()).or_default() += line.text.chars().count();
    }
    characters.into_iter().max_by_key(|&(size, count)| (count, size)).map_or(0.0, |(size, _)| f32::from_bits(size))
}

/// A size rounded to the nearest half point, so that 9.96 and 10.0 are the same size.
fn rounded(size: f32) -> f32 {
    (size * 2.0).round() / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(y: f32, size: f32, text: &str) -> PlacedLine {
        PlacedLine { y, size, text: text.to_owned() }
    }

    #[test]
    fn matrices_compose_first_then_second() {
        let scaled = Matrix([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        let moved = Matrix::translation(10.0, 20.0).then(scaled);
        assert_eq!(moved, Matrix([2.0, 0.0, 0.0, 2.0, 20.0, 40.0]));
        assert_eq!(Matrix::IDENTITY.then(moved), moved);
    }

    #[test]
    fn page_numbers_are_recognised_in_their_usual_forms() {
        for text in ["7", "Page 7", "page 7 of 9", "7 of 9", "- 7 -"] {
            assert!(is_page_number(text), "{text}");
        }
        for text in ["7 days", "Page seven", "Appendix 7"] {
            assert!(!is_page_number(text), "{text}");
        }
    }

    #[test]
    fn lines_repeated_at_the_edges_of_pages_are_dropped() {
        let page = |n: u32| {
            vec![
                line(800.0, 8.0, "Northfield Practice"),
                line(700.0, 10.0, &format!("Body text on page {n}.")),
                line(690.0, 10.0, "Northfield Practice is mentioned in the body."),
                line(680.0, 10.0, "The body repeats."),
                line(670.0, 10.0, "The body repeats."),
                line(660.0, 10.0, &format!("Last line of page {n}.")),
                line(30.0, 8.0, &format!("Generated 14 March 2025 Page {n} of 2")),
            ]
        };
        let mut pages = vec![
            page(1),
            page(2),
            vec![line(800.0, 7.0, "Small print"), line(500.0, 10.0, "A short last page."), line(30.0, 10.0, "3")],
        ];
        remove_running_lines(&mut pages);
        let texts: Vec<&str> = pages.iter().flatten().map(|line| line.text.as_str()).collect();
        let body = |n: u32| {
            [
                format!("Body text on page {n}."),
                "Northfield Practice is mentioned in the body.".to_owned(),
                "The body repeats.".to_owned(),
                "The body repeats.".to_owned(),
                format!("Last line of page {n}."),
            ]
        };
        let expected: Vec<String> =
            body(1).into_iter().chain(body(2)).chain(["A short last page.".to_owned()]).collect();
        assert_eq!(texts, expected);
    }

    #[test]
    fn gaps_sizes_and_list_markers_separate_paragraphs() {
        let pages = vec![vec![
            line(800.0, 18.0, "1. INTRODUCTION"),
            line(770.0, 10.0, "The Practice will seek to"),
            line(756.0, 10.0, "Ensure things. It will"),
            line(742.0, 10.0, "continue."),
            line(720.0, 10.0, "A new paragraph."),
            line(706.0, 10.0, "• a bullet"),
            line(692.0, 14.0, "Caldicott Guardian"),
            line(670.0, 10.0, "Self-"),
            line(656.0, 10.0, "assessment."),
        ]];
        assert_eq!(
            paragraphs(&pages),
            [
                Line::Heading { level: 1, text: "1. INTRODUCTION".into() },
                Line::Text("The Practice will seek to Ensure things. It will continue.".into()),
                Line::Text("A new paragraph.".into()),
                Line::Text("• a bullet".into()),
                Line::Heading { level: 2, text: "Caldicott Guardian".into() },
                Line::Text("Self-assessment.".into()),
            ]
        );
    }
}
