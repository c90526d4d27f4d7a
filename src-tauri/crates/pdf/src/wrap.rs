//! Line breaking: text into lines no wider than a measure.
//!
//! Greedy, word by word: a line takes as many words as fit; a word wider than the whole measure is
//! broken between characters (never before a combining mark). Newlines in the text are kept as
//! line breaks; runs of spaces collapse to one; characters the face cannot draw become U+FFFD, so
//! what is measured is exactly what is drawn.

use crate::fonts::{FontFace, REPLACEMENT};

/// Slack for floating-point sums of advances.
const EPSILON: f32 = 0.001;

/// Breaks `text`, set in `face` at `size` points, into lines at most `width` points wide.
///
/// Text with no visible characters gives no lines. Blank lines inside the text are kept as empty
/// strings; blank lines at its start or end are dropped.
pub(crate) fn wrap(text: &str, face: &FontFace, size: f32, width: f32) -> Vec<String> {
    let text = drawable(text, face);
    let mut lines = Vec::new();
    for hard_line in text.split('\n') {
        let before = lines.len();
        wrap_line(hard_line, face, size, width, &mut lines);
        if lines.len() == before {
            lines.push(String::new());
        }
    }
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    let leading_blanks = lines.iter().take_while(|line| line.is_empty()).count();
    lines.drain(..leading_blanks);
    lines
}

/// `text` cut to fit on one line `width` points wide, ending in an ellipsis if anything was cut.
pub(crate) fn truncate(text: &str, face: &FontFace, size: f32, width: f32) -> String {
    let text = drawable(text, face).split_whitespace().collect::<Vec<_>>().join(" ");
    if face.width(&text, size) <= width + EPSILON {
        return text;
    }
    let room = width - face.char_width('…', size);
    let mut kept = String::new();
    let mut used = 0.0;
    for c in text.chars() {
        used += face.char_width(c, size);
        if used > room + EPSILON {
            break;
        }
        kept.push(c);
    }
    let mut kept = kept.trim_end().to_owned();
    kept.push('…');
    kept
}

/// `text` with line endings normalised to `\n`, tabs as spaces, other control characters removed,
/// and characters the face has no glyph for replaced by U+FFFD.
fn drawable(text: &str, face: &FontFace) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            c if face.has_glyph(c) || is_breaking_space(c) => Some(c),
            _ => Some(REPLACEMENT),
        })
        .collect()
}

/// Whitespace a line may break at (not the no-break spaces).
fn is_breaking_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{00A0}' | '\u{2007}' | '\u{202F}')
}

/// Combining marks, which stay with the character before them.
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Wraps one line of text with no newlines in it, appending to `lines`.
fn wrap_line(text: &str, face: &FontFace, size: f32, width: f32, lines: &mut Vec<String>) {
    let space = face.char_width(' ', size);
    let mut line = String::new();
    let mut line_width = 0.0;
    for word in text.split(is_breaking_space).filter(|word| !word.is_empty()) {
        let word_width = face.width(word, size);
        let separator = if line.is_empty() { 0.0 } else { space };
        if line_width + separator + word_width <= width + EPSILON {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            line_width += separator + word_width;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if word_width <= width + EPSILON {
            line.push_str(word);
            line_width = word_width;
        } else {
            let mut pieces = break_word(word, face, size, width);
            line = pieces.pop().unwrap_or_default();
            line_width = face.width(&line, size);
            lines.extend(pieces);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
}

/// Breaks a word wider than `width` into pieces that fit, each at least one character long.
fn break_word(word: &str, face: &FontFace, size: f32, width: f32) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    let mut piece_width = 0.0;
    for c in word.chars() {
        let advance = face.char_width(c, size);
        if !piece.is_empty() && !is_combining(c) && piece_width + advance > width + EPSILON {
            pieces.push(std::mem::take(&mut piece));
            piece_width = 0.0;
        }
        piece.push(c);
        piece_width += advance;
    }
    if !piece.is_empty() {
        pieces.push(piece);
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::{Face, embedded};

    fn regular() -> &'static FontFace {
        embedded().unwrap().face(Face::Regular)
    }

    /// Wraps `text` at 10 pt into `width` points and checks the lines, and that none is too wide.
    fn check(text: &str, width: f32, expected: &[&str]) {
        let lines = wrap(text, regular(), 10.0, width);
        assert_eq!(lines, expected, "wrapping {text:?} into {width} pt");
        for line in &lines {
            assert!(regular().width(line, 10.0) <= width + EPSILON, "{line:?} is wider than {width} pt");
        }
    }

    #[test]
    fn words_fill_lines_greedily_within_the_width() {
        // "aaaa" is 4 × 6.13 = 24.5 pt at 10 pt and a space 3.18 pt, so two words take 52.2 pt.
        check("aaaa aaaa aaaa aaaa aaaa", 55.0, &["aaaa aaaa", "aaaa aaaa", "aaaa"]);
        check("aaaa aaaa aaaa aaaa aaaa", 80.0, &["aaaa aaaa aaaa", "aaaa aaaa"]);
        check("aaaa aaaa", 1000.0, &["aaaa aaaa"]);
    }

    #[test]
    fn a_word_exactly_the_width_fits() {
        let width = regular().width("aaaa aaaa", 10.0);
        check("aaaa aaaa aaaa", width, &["aaaa aaaa", "aaaa"]);
    }

    #[test]
    fn spaces_collapse_and_newlines_break_lines() {
        check("  one   two\tthree  ", 1000.0, &["one two three"]);
        check("one\ntwo\r\n\nthree", 1000.0, &["one", "two", "", "three"]);
    }

    #[test]
    fn empty_and_blank_text_gives_no_lines() {
        check("", 100.0, &[]);
        check("   \n\t\n  ", 100.0, &[]);
        check("\n\nword\n\n", 100.0, &["word"]);
    }

    #[test]
    fn a_word_longer_than_the_width_is_broken_and_nothing_is_lost() {
        let word: String = "abcdefghij".repeat(30);
        let lines = wrap(&format!("start {word} end"), regular(), 10.0, 100.0);
        assert!(lines.len() > 15, "{lines:?}");
        assert_eq!(lines[0], "start");
        for line in &lines {
            assert!(regular().width(line, 10.0) <= 100.0 + EPSILON, "{line:?}");
        }
        assert_eq!(lines[1..].concat().replace(' ', ""), format!("{word}end"));
        // Every piece but the last is full: adding the next character would overflow.
        for pair in lines[1..].windows(2) {
            let next = pair[1].chars().next().unwrap();
            assert!(regular().width(&pair[0], 10.0) + regular().char_width(next, 10.0) > 100.0);
        }
    }

    #[test]
    fn the_rest_of_a_broken_word_shares_its_line_with_following_words() {
        // "x" is 5.92 pt wide at 10 pt: 16 fit in 100 pt, so 40 break 16 + 16 + 8.
        let lines = wrap(&format!("{} end", "x".repeat(40)), regular(), 10.0, 100.0);
        assert_eq!(lines, ["x".repeat(16), "x".repeat(16), format!("{} end", "x".repeat(8))]);
    }

    #[test]
    fn combining_marks_stay_with_their_letter() {
        // "e" + COMBINING ACUTE ACCENT repeated; a break never falls before the accent.
        let word = "e\u{301}".repeat(40);
        for line in wrap(&word, regular(), 10.0, 50.0) {
            assert!(line.starts_with('e'), "{line:?}");
        }
    }

    #[test]
    fn unicode_text_is_kept_and_missing_glyphs_are_replaced() {
        check("Siobhán O'Brien — Zoë £12", 1000.0, &["Siobhán O'Brien — Zoë £12"]);
        check("a\u{0007}b 漢字", 1000.0, &["ab \u{FFFD}\u{FFFD}"]);
        check("no\u{00A0}break here", 1000.0, &["no\u{00A0}break here"]);
    }

    #[test]
    fn truncation_adds_an_ellipsis_only_when_needed() {
        let face = regular();
        assert_eq!(truncate("short", face, 10.0, 100.0), "short");
        let cut = truncate(&"word ".repeat(50), face, 10.0, 100.0);
        assert!(cut.ends_with('…'), "{cut}");
        assert!(face.width(&cut, 10.0) <= 100.0 + EPSILON);
        assert!(cut.len() > 10);
    }
}
