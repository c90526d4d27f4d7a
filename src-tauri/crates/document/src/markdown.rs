//! Markdown in and out: reading CommonMark into blocks, and writing the canonical text that is
//! hashed and stored, escaped so that reading it back gives the same blocks.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::clean::normalise_inline;
use crate::{Block, PolicyDocument};

/// Reads Markdown. Inline formatting is flattened to its text; code blocks and block quotes give
/// paragraphs; nested lists are flattened into their outermost list; HTML is dropped.
pub(crate) fn read(text: &str) -> PolicyDocument {
    let mut reader = Reader::default();
    for event in Parser::new_ext(text, Options::empty()) {
        reader.event(event);
    }
    PolicyDocument { blocks: reader.blocks }
}

/// The state of one pass over the parser's events.
#[derive(Default)]
struct Reader {
    blocks: Vec<Block>,
    /// Text of the block being read, not yet normalised.
    text: String,
    /// The heading being read, if any.
    heading: Option<u8>,
    /// How deeply lists are nested where we are (0: not in a list).
    list_depth: usize,
    /// Whether the outermost list is ordered, and the items read so far.
    list: Option<(bool, Vec<String>)>,
}

impl Reader {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(Tag::List(start)) => {
                if self.list_depth == 0 {
                    self.list = Some((start.is_some(), Vec::new()));
                } else {
                    self.finish_item();
                }
                self.list_depth += 1;
            }
            Event::End(TagEnd::List(_)) => {
                self.list_depth -= 1;
                if self.list_depth == 0 {
                    self.finish_item();
                    if let Some((ordered, items)) = self.list.take().filter(|(_, items)| !items.is_empty()) {
                        self.blocks.push(Block::List { ordered, items });
                    }
                }
            }
            Event::Start(Tag::Item) | Event::End(TagEnd::Item) => self.finish_item(),
            Event::Start(Tag::Heading { level, .. }) if self.list_depth == 0 => {
                self.heading = Some(heading_level(level));
            }
            Event::End(TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::CodeBlock) => {
                if self.list_depth == 0 {
                    self.finish_block();
                } else {
                    self.text.push(' ');
                }
            }
            Event::Text(text) | Event::Code(text) => self.text.push_str(&text),
            Event::SoftBreak | Event::HardBreak => self.text.push(' '),
            // HTML, rules and anything else carry no text of their own.
            _ => {}
        }
    }

    /// Ends the paragraph, heading or code block being read outside any list.
    fn finish_block(&mut self) {
        let text = normalise_inline(&std::mem::take(&mut self.text));
        let heading = self.heading.take();
        if text.is_empty() {
            return;
        }
        self.blocks.push(match heading {
            Some(level) => Block::Heading { level, text },
            None => Block::Paragraph(text),
        });
    }

    /// Ends the list item being read (or the part of it before a nested list).
    fn finish_item(&mut self) {
        let text = normalise_inline(&std::mem::take(&mut self.text));
        if let Some((_, items)) = self.list.as_mut().filter(|_| !text.is_empty()) {
            items.push(text);
        }
    }
}

/// Heading levels 1 to 3; deeper levels are clamped to 3.
fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        _ => 3,
    }
}

/// Writes the canonical Markdown: blocks separated by one blank line, ending with one newline.
pub(crate) fn write(document: &PolicyDocument) -> String {
    let size: usize = document.blocks.iter().map(|block| block_len(block) + 8).sum();
    let mut out = String::with_capacity(size + size / 16);
    // Two lists in a row need different markers, or a reader would merge them into one.
    let mut previous_list: Option<(bool, bool)> = None;
    for block in &document.blocks {
        if !out.is_empty() {
            out.push('\n');
        }
        let mut this_list = None;
        match block {
            Block::Heading { level, text } => {
                out.push_str(&"###"[..usize::from((*level).clamp(1, 3))]);
                out.push(' ');
                escape(text, Position::Heading, &mut out);
                out.push('\n');
            }
            Block::Paragraph(text) => {
                escape(text, Position::BlockStart, &mut out);
                out.push('\n');
            }
            Block::List { ordered, items } => {
                let alternate = previous_list.is_some_and(|(kind, alternate)| kind == *ordered && !alternate);
                for (number, item) in (1..).zip(items) {
                    match (*ordered, alternate) {
                        (true, false) => out.push_str(&format!("{number}. ")),
                        (true, true) => out.push_str(&format!("{number}) ")),
                        (false, false) => out.push_str("- "),
                        (false, true) => out.push_str("* "),
                    }
                    escape(item, Position::BlockStart, &mut out);
                    out.push('\n');
                }
                this_list = Some((*ordered, alternate));
            }
        }
        previous_list = this_list;
    }
    out
}

fn block_len(block: &Block) -> usize {
    match block {
        Block::Heading { text, .. } | Block::Paragraph(text) => text.len(),
        Block::List { items, .. } => items.iter().map(|item| item.len() + 6).sum(),
    }
}

/// Where escaped text is written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Position {
    /// After `# `: any `#` could close the heading.
    Heading,
    /// At the start of a line (a paragraph, or a list item after its marker): a leading marker
    /// could start a list, heading, quote or code fence.
    BlockStart,
}

/// Writes `text` with a backslash before every character that would otherwise be read as Markdown.
fn escape(text: &str, position: Position, out: &mut String) {
    let mut chars = text.char_indices();
    if position == Position::BlockStart {
        escape_line_start(text, out, &mut chars);
    }
    for (at, c) in chars {
        let escaped = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' => true,
            '#' => position == Position::Heading,
            '&' => starts_entity(&text[at + 1..]),
            _ => false,
        };
        if escaped {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Escapes a leading list marker (`- `, `+ `, `2. `, `1) `), heading `#`, quote `>`, code fence
/// `~~~` or thematic break `---`, consuming what it wrote from `chars`.
fn escape_line_start(text: &str, out: &mut String, chars: &mut std::str::CharIndices<'_>) {
    let second = text.chars().nth(1);
    let marker_then_space = second.is_none_or(|c| c == ' ');
    let escape_first = match text.chars().next() {
        Some('#' | '>') => true,
        Some('-' | '+') => marker_then_space || is_thematic_break(text),
        Some('~') => text.starts_with("~~~"),
        _ => false,
    };
    if escape_first {
        out.push('\\');
        return;
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let after = &text[digits..];
        if after.starts_with(". ") || after.starts_with(") ") || after == "." || after == ")" {
            out.push_str(&text[..digits]);
            out.push('\\');
            for _ in 0..digits {
                chars.next();
            }
        }
    }
}

/// Only `-` and spaces: three `-` make a horizontal rule, and after a list's `- ` marker even one
/// or two do.
fn is_thematic_break(text: &str) -> bool {
    text.chars().all(|c| c == '-' || c == ' ')
}

/// True when `rest` (what follows an `&`) would make it an HTML entity such as `&amp;` or `&#38;`.
fn starts_entity(rest: &str) -> bool {
    let name = rest.bytes().take(33).take_while(|b| b.is_ascii_alphanumeric() || *b == b'#').count();
    (1..=32).contains(&name) && rest.as_bytes().get(name) == Some(&b';')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(text: &str) -> Block {
        Block::Paragraph(text.to_owned())
    }

    fn round_trip(blocks: Vec<Block>) {
        let document = PolicyDocument { blocks };
        let written = write(&document);
        assert_eq!(read(&written), document, "written as:\n{written}");
    }

    #[test]
    fn headings_paragraphs_and_lists_are_read() {
        let document = read(
            "Title\n=====\n\nSub\n---\n\n#### Deep ####\n\nSome *emphasised*  and `coded`\ntext, [a link](http://x) \
             and <b>html</b>.\n\n- one\n- two\n  - nested\n\n3. first\n4. second\n",
        );
        assert_eq!(
            document.blocks,
            [
                Block::Heading { level: 1, text: "Title".into() },
                Block::Heading { level: 2, text: "Sub".into() },
                Block::Heading { level: 3, text: "Deep".into() },
                paragraph("Some emphasised and coded text, a link and html."),
                Block::List { ordered: false, items: vec!["one".into(), "two".into(), "nested".into()] },
                Block::List { ordered: true, items: vec!["first".into(), "second".into()] },
            ]
        );
    }

    #[test]
    fn code_blocks_and_quotes_become_paragraphs_and_html_blocks_are_dropped() {
        let document = read("```\nlet x = 1;\n  y\n```\n\n> quoted\n> text\n\n<div>\nhidden\n</div>\n\n---\n");
        assert_eq!(document.blocks, [paragraph("let x = 1; y"), paragraph("quoted text")]);
    }

    #[test]
    fn loose_list_items_with_several_paragraphs_are_one_item_each() {
        let document = read("1. first\n\n   more\n\n2. second\n");
        assert_eq!(document.blocks, [Block::List { ordered: true, items: vec!["first more".into(), "second".into()] }]);
    }

    #[test]
    fn canonical_text_is_blocks_separated_by_blank_lines() {
        let document = PolicyDocument {
            blocks: vec![
                Block::Heading { level: 1, text: "1. INTRODUCTION".into() },
                paragraph("Text."),
                Block::List { ordered: true, items: vec!["a".into(), "b".into()] },
                Block::List { ordered: true, items: vec!["c".into()] },
                Block::List { ordered: false, items: vec!["d".into()] },
            ],
        };
        assert_eq!(write(&document), "# 1. INTRODUCTION\n\nText.\n\n1. a\n2. b\n\n1) c\n\n- d\n");
        assert_eq!(write(&PolicyDocument::default()), "");
    }

    #[test]
    fn characters_that_mean_something_in_markdown_are_escaped() {
        assert_eq!(write(&PolicyDocument { blocks: vec![paragraph("2. not a list")] }), "2\\. not a list\n");
        assert_eq!(write(&PolicyDocument { blocks: vec![paragraph("a * b _ c [d]")] }), "a \\* b \\_ c \\[d\\]\n");
        assert_eq!(write(&PolicyDocument { blocks: vec![paragraph("IM&T &amp; -5")] }), "IM&T \\&amp; -5\n");
        assert_eq!(write(&PolicyDocument { blocks: vec![paragraph("+44 1234")] }), "+44 1234\n");
    }

    /// Whatever the readers make of any text, its canonical text reads back to the same document.
    #[test]
    fn documents_read_from_random_text_survive_a_round_trip() {
        const ALPHABET: [char; 34] = [
            'a', 'B', 'o', ' ', ' ', '\n', '\n', '\t', '#', '-', '*', '_', '[', ']', '(', ')', '\\', '`', '<', '>',
            '&', ';', '1', '2', '.', '!', '~', '=', '+', '|', ':', 'é', '\u{A0}', '·',
        ];
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = move |bound: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            usize::try_from(state % bound as u64).unwrap()
        };
        for _ in 0..3000 {
            let length = next(80);
            let text: String = (0..length).map(|_| ALPHABET[next(ALPHABET.len())]).collect();
            for document in [read(&text), crate::plain_text::read(&text)] {
                let written = write(&document);
                assert_eq!(read(&written), document, "from {text:?}, written as:\n{written}");
            }
        }
    }

    #[test]
    fn tricky_blocks_survive_a_round_trip() {
        for text in [
            "2. not a list",
            "- not a bullet",
            "# not a heading",
            "a * b _ c [d] \\ e",
            "1) x",
            "1.",
            "-",
            "+ plus",
            "---",
            "- - -",
            "--",
            "- -",
            "> quote",
            "~~~ fence",
            "``` fence",
            "<insert name of organisation>",
            "<http://example.org>",
            "&copy; &#169; &#xA9; & co",
            "[link](http://x) ![image](y.png)",
            "[label]: http://example.org",
            "trailing backslash \\",
            "Ticket #42 and C#",
            "***",
            "___",
            "=== not setext",
            "| a | b |",
            "10. ten",
            "1234567890. big",
            "*emphasis* and **strong** and __under__",
        ] {
            round_trip(vec![paragraph(text)]);
            round_trip(vec![Block::Heading { level: 2, text: text.into() }]);
            round_trip(vec![Block::List { ordered: false, items: vec![text.into(), text.into()] }]);
            round_trip(vec![Block::List { ordered: true, items: vec![text.into()] }, paragraph(text)]);
        }
        round_trip(vec![Block::Heading { level: 1, text: "Heading ending in #".into() }]);
        round_trip(vec![
            Block::List { ordered: false, items: vec!["a".into()] },
            Block::List { ordered: false, items: vec!["b".into()] },
            Block::List { ordered: false, items: vec!["c".into()] },
            Block::List { ordered: true, items: vec!["d".into()] },
            Block::List { ordered: true, items: vec!["e".into()] },
            Block::List { ordered: true, items: vec!["f".into()] },
        ]);
    }
}
