//! Text clean-up shared by every reader: line breaks, Word debris, invisible characters and
//! whitespace.

use std::sync::LazyLock;

use regex::Regex;

/// Markers that Word's plain-text export leaves in the text: `[bookmark: _Toc488748194]`
/// (often several in a row) and `[footnoteRef:1]`.
static DEBRIS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\[(?:bookmark:[^\]\n]*|footnoteRef:\s*\d+)\]").expect("valid pattern"));

/// Splits text into lines at any line break: `\n`, `\r\n`, `\r`, vertical tab and form feed
/// (Word's manual line and page breaks), and the Unicode line and paragraph separators.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match current.find(['\n', '\r', '\u{0B}', '\u{0C}', '\u{85}', '\u{2028}', '\u{2029}']) {
            Some(at) => {
                let break_char = current[at..].chars().next().unwrap_or('\n');
                let mut next = at + break_char.len_utf8();
                if break_char == '\r' && current[next..].starts_with('\n') {
                    next += 1;
                }
                rest = Some(&current[next..]);
                Some(&current[..at])
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

/// One line (or paragraph) made clean: Word debris removed, then [`normalise_inline`].
pub(crate) fn clean_line(line: &str) -> String {
    if line.contains('[') { normalise_inline(&DEBRIS.replace_all(line, "")) } else { normalise_inline(line) }
}

/// Removes control and zero-width characters, spells out ligatures (`ﬁ` → `fi`), turns every kind of whitespace (tabs,
/// non-breaking spaces, line breaks) into one space between words, and trims both ends.
pub(crate) fn normalise_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        let before = out.len();
        if !out.is_empty() {
            out.push(' ');
        }
        let separated = out.len();
        if word.bytes().all(|b| (0x21..0x7F).contains(&b)) {
            // Printable ASCII, as most words are: nothing to remove or spell out.
            out.push_str(word);
        } else {
            for c in word.chars().filter(|c| !is_invisible(*c)) {
                match ligature(c) {
                    Some(letters) => out.push_str(letters),
                    None => out.push(c),
                }
            }
        }
        if out.len() == separated {
            // The word was all invisible characters.
            out.truncate(before);
        }
    }
    out
}

/// The letters of a typographic ligature, which PDFs often give instead of the letters.
fn ligature(c: char) -> Option<&'static str> {
    Some(match c {
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        _ => return None,
    })
}

/// Characters with no visible form that only get in the way of comparing and searching text.
fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}' // soft hyphen
                | '\u{200B}'
                ..='\u{200F}' // zero-width space, joiners, direction marks
                | '\u{2060}' // word joiner
                | '\u{FEFF}' // zero-width no-break space (a stray byte-order mark)
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_of_every_platform_split_lines_once() {
        let split: Vec<&str> = lines("a\r\nb\rc\nd\u{0C}e\r\n\r\nf").collect();
        assert_eq!(split, ["a", "b", "c", "d", "e", "", "f"]);
        assert_eq!(lines("").collect::<Vec<_>>(), [""]);
        assert_eq!(lines("a\n").collect::<Vec<_>>(), ["a", ""]);
    }

    #[test]
    fn bookmarks_are_removed_wherever_they_are() {
        assert_eq!(
            clean_line("[bookmark: _Toc488748194][bookmark: _Toc474481830]Information Security Principles"),
            "Information Security Principles"
        );
        assert_eq!(clean_line("1) [bookmark: _GoBack]Ensure that"), "1) Ensure that");
        assert_eq!(clean_line("as required[footnoteRef:1]."), "as required.");
        assert_eq!(clean_line("[This section describes]"), "[This section describes]");
    }

    #[test]
    fn whitespace_is_collapsed_and_invisible_characters_removed() {
        assert_eq!(clean_line(" 1.\tINTRODUCTION "), "1. INTRODUCTION");
        assert_eq!(clean_line("Policy\u{A0}\u{A0}Statement.  The"), "Policy Statement. The");
        assert_eq!(clean_line("zero\u{200B}width\u{7} bell\u{AD}"), "zerowidth bell");
        assert_eq!(clean_line("speciﬁcation ﬂow"), "specification flow");
        assert_eq!(clean_line("\t \u{2003} "), "");
        assert_eq!(clean_line("a \u{200B} b\u{FEFF}"), "a b");
    }
}
