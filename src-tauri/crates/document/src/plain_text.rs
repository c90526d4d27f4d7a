//! Structure from lines of text: which are headings, list items and paragraphs.
//!
//! Plain-text exports of Word documents (and the paragraphs of .docx files and PDFs that carry no
//! style) mark structure only by how lines look: `1.\tINTRODUCTION` is a heading, `·` starts a
//! bullet, `1.1\tPolicy Statement.  The Practice will…` is a numbered paragraph. The guesses here
//! are conservative: a normal sentence always stays a paragraph.

use std::sync::LazyLock;

use regex::Regex;

use crate::clean::{clean_line, lines};
use crate::{Block, PolicyDocument};

/// One line as a reader hands it over: either text whose role is to be guessed, or text whose
/// role the source marked (a Word heading style, a table cell, a larger font in a PDF).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Line {
    /// An empty line.
    Blank,
    /// Text whose role is to be guessed from how it looks.
    Text(String),
    /// A heading the source marked, level 1 to 3.
    Heading {
        /// 1 to 3.
        level: u8,
        /// Its text, not yet cleaned.
        text: String,
    },
    /// A list item the source marked.
    Item {
        /// Whether its list is numbered.
        ordered: bool,
        /// Its text, not yet cleaned.
        text: String,
    },
    /// A paragraph the source marked (a table cell): never guessed to be anything else.
    Paragraph(String),
}

/// Reads plain text: each line is a paragraph unless it looks like a heading or a list item, or
/// clearly continues the line before (which ends mid-sentence, and it starts in lower case).
pub(crate) fn read(text: &str) -> PolicyDocument {
    structure(lines(text).map(|line| Line::Text(line.to_owned())), true)
}

/// Builds a document from lines. With `join_wrapped`, a line that starts in lower case after
/// one that does not end a sentence is joined to it (text wrapped by hand, or by a PDF's layout).
pub(crate) fn structure(input: impl IntoIterator<Item = Line>, join_wrapped: bool) -> PolicyDocument {
    let kinds = classify(input, join_wrapped);
    let mut builder = Builder::default();
    for (at, kind) in kinds.iter().enumerate() {
        match kind {
            Kind::Blank => {}
            Kind::Bullet(text) => builder.item(Item::Plain { ordered: false, text: text.clone() }),
            Kind::Marked(text) => builder.item(Item::Plain { ordered: false, text: text.clone() }),
            Kind::Numbered(numbered) => {
                let in_sequence = has_sequence_neighbour(&kinds, at);
                if is_heading_text(&numbered.title) && (is_upper_case(&numbered.title) || !in_sequence) {
                    builder.block(Block::Heading { level: 1, text: numbered.whole.clone() });
                } else if in_sequence {
                    builder.item(Item::Numbered(numbered.clone()));
                } else {
                    builder.block(Block::Paragraph(numbered.whole.clone()));
                }
            }
            Kind::Section { depth, title, whole } => {
                if is_heading_text(title) {
                    builder.block(Block::Heading { level: (*depth).min(3), text: whole.clone() });
                } else {
                    builder.block(Block::Paragraph(whole.clone()));
                }
            }
            Kind::Text(text) => {
                if stands_as_heading(&kinds, at, text) {
                    builder.block(Block::Heading { level: 2, text: text.clone() });
                } else {
                    builder.block(Block::Paragraph(text.clone()));
                }
            }
            Kind::Fixed(Line::Heading { level, text }) => {
                builder.block(Block::Heading { level: (*level).clamp(1, 3), text: text.clone() });
            }
            Kind::Fixed(Line::Item { ordered, text }) => {
                builder.item(Item::Plain { ordered: *ordered, text: text.clone() });
            }
            Kind::Fixed(Line::Paragraph(text) | Line::Text(text)) => builder.block(Block::Paragraph(text.clone())),
            Kind::Fixed(Line::Blank) => {}
        }
    }
    builder.finish()
}

/// What a cleaned line looks like.
#[derive(Debug)]
enum Kind {
    Blank,
    /// A bulleted line; the text after the bullet.
    Bullet(String),
    /// A line marked `a)`, `(a)`, `i.` or `(iv)`, kept whole.
    Marked(String),
    /// A line numbered with one level: `1. INTRODUCTION`, `13) Title`, `2. A sentence.`
    Numbered(Numbered),
    /// A line numbered with several levels: `1.1 Policy Statement. The Practice will…`
    Section {
        /// How many levels the number has (2 for `1.1`).
        depth: u8,
        /// The text after the number.
        title: String,
        /// The whole line, number included.
        whole: String,
    },
    /// Any other text.
    Text(String),
    /// Marked by the source, cleaned; not guessed at.
    Fixed(Line),
}

/// A line numbered with one level.
#[derive(Clone, Debug)]
struct Numbered {
    number: u32,
    /// `.` or `)`.
    delimiter: char,
    /// The text after the number.
    title: String,
    /// The whole line, number included.
    whole: String,
}

static BULLET: LazyLock<Regex> = LazyLock::new(|| {
    // Bullet characters (including the Symbol-font ones Word leaves in the private use area),
    // then dashes and `o` as Word writes them, which need a space after them.
    Regex::new(r"^(?:[·•▪◦‣⁃●○■□►➢✓\u{F0A7}\u{F0B7}\u{F076}\u{F0D8}\u{F0FC}] ?|[-*+–—] |o )").expect("valid pattern")
});
static MARKED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\((?:[a-z]|[ivx]{1,4})\)|(?:[a-z]|[ivx]{1,4})[.)]) \S").expect("valid pattern"));
// The patterns match a line's marker only; what follows it is sliced off, which is much faster
// than capturing it.
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{1,3})([.)]) ").expect("valid pattern"));
static SECTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,3}(?:\.\d{1,3}){1,5})\.? ").expect("valid pattern"));

/// Cleans every line, joins wrapped lines if asked, and says what each looks like.
fn classify(input: impl IntoIterator<Item = Line>, join_wrapped: bool) -> Vec<Kind> {
    let mut kinds: Vec<Kind> = Vec::new();
    for line in input {
        let kind = match line {
            Line::Blank => Kind::Blank,
            Line::Text(text) => {
                let text = clean_line(&text);
                if text.is_empty() {
                    Kind::Blank
                } else if join_wrapped && continues(kinds.last(), &text) {
                    if let Some(previous) = kinds.pop() {
                        kinds.push(join(previous, &text));
                    }
                    continue;
                } else {
                    kind_of(text)
                }
            }
            Line::Heading { level, text } => fixed(Line::Heading { level, text: clean_line(&text) }),
            Line::Item { ordered, text } => fixed(Line::Item { ordered, text: clean_line(&text) }),
            Line::Paragraph(text) => fixed(Line::Paragraph(clean_line(&text))),
        };
        kinds.push(kind);
    }
    kinds
}

/// A marked line whose text is empty after cleaning is a blank line.
fn fixed(line: Line) -> Kind {
    match &line {
        Line::Heading { text, .. } | Line::Item { text, .. } | Line::Paragraph(text) | Line::Text(text)
            if text.is_empty() =>
        {
            Kind::Blank
        }
        _ => Kind::Fixed(line),
    }
}

fn kind_of(text: String) -> Kind {
    // Each pattern is tried only where the first character allows it: most lines are prose.
    let first = text.chars().next().unwrap_or(' ');
    if (!first.is_alphanumeric() || first == 'o')
        && let Some(marker) = BULLET.find(&text)
    {
        let item = text[marker.end()..].trim();
        return if item.is_empty() { Kind::Blank } else { Kind::Bullet(item.to_owned()) };
    }
    if (first == '(' || first.is_ascii_lowercase()) && MARKED.is_match(&text) {
        return Kind::Marked(text);
    }
    if !first.is_ascii_digit() {
        return Kind::Text(text);
    }
    if let Some(captures) = NUMBERED.captures(&text)
        && let Ok(number) = captures[1].parse()
    {
        let delimiter = if &captures[2] == "." { '.' } else { ')' };
        let title = text[captures[0].len()..].to_owned();
        return Kind::Numbered(Numbered { number, delimiter, title, whole: text });
    }
    if let Some(captures) = SECTION.captures(&text) {
        let depth = u8::try_from(captures[1].split('.').count()).unwrap_or(u8::MAX);
        let title = text[captures[0].len()..].to_owned();
        return Kind::Section { depth, title, whole: text };
    }
    Kind::Text(text)
}

/// True when a line starts a list item or a numbered paragraph (`•`, `a)`, `2.`, `1.1`): in a
/// PDF, such a line starts a new paragraph even without a gap above it.
pub(crate) fn starts_list_item(text: &str) -> bool {
    !matches!(kind_of(clean_line(text)), Kind::Text(_) | Kind::Blank)
}

/// True when `text` continues the line before: that line is running text that stops
/// mid-sentence, and `text` starts in lower case and is not itself a list item.
fn continues(previous: Option<&Kind>, text: &str) -> bool {
    let previous = match previous {
        Some(Kind::Text(previous) | Kind::Bullet(previous) | Kind::Marked(previous)) => previous,
        Some(Kind::Numbered(Numbered { whole, .. }) | Kind::Section { whole, .. }) => whole,
        _ => return false,
    };
    text.chars().next().is_some_and(char::is_lowercase)
        && !ends_sentence(previous)
        && !BULLET.is_match(text)
        && !MARKED.is_match(text)
}

/// `previous` with `text` appended after a space, looked at again.
fn join(previous: Kind, text: &str) -> Kind {
    let joined = |mut line: String| {
        line.push(' ');
        line.push_str(text);
        line
    };
    match previous {
        Kind::Bullet(item) => Kind::Bullet(joined(item)),
        Kind::Marked(item) => Kind::Marked(joined(item)),
        Kind::Text(line) => kind_of(joined(line)),
        Kind::Numbered(Numbered { whole: line, .. }) | Kind::Section { whole: line, .. } => kind_of(joined(line)),
        other => other,
    }
}

fn ends_sentence(text: &str) -> bool {
    text.ends_with(['.', '!', '?', ':', ';', '…'])
}

/// Could this be a heading's text? Short, starting with a capital letter or a digit, not ending
/// like a sentence or clause, and with no sentence or clause break inside.
fn is_heading_text(text: &str) -> bool {
    const CLAUSE_BREAKS: [&str; 5] = [". ", ": ", "; ", " - ", " – "];
    let starts_well = text.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    // Cheapest tests first: most lines are long paragraphs, and 80 characters are at most 320 bytes.
    starts_well
        && text.len() <= 320
        && !text.ends_with(['.', ':', ';', ','])
        && text.chars().count() <= 80
        && text.split(' ').count() <= 12
        && !CLAUSE_BREAKS.iter().any(|mark| {
            text.match_indices(mark).any(|(at, _)| {
                let after = text[at + mark.len()..].chars().next();
                // "e.g. this" and "Objective: to…" are sentences; "Governance – Roles" is a title.
                *mark == ". " || after.is_some_and(char::is_lowercase)
            })
        })
}

/// Written in capitals: at least two letters and none in lower case.
fn is_upper_case(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !text.chars().any(char::is_lowercase)
}

/// Words that end a lead-in to what follows, never a heading ("The main risks are").
const TRAILING_LINK_WORDS: [&str; 16] =
    ["a", "an", "and", "are", "as", "by", "for", "in", "include", "including", "is", "of", "or", "the", "to", "with"];

/// Heading-like text that does not end on a linking word.
fn looks_like_heading(text: &str) -> bool {
    let last_word = text.rsplit(' ').next().unwrap_or_default().to_lowercase();
    is_heading_text(text) && !TRAILING_LINK_WORDS.contains(&last_word.as_str())
}

/// Is the unnumbered line at `at` a heading? It must look like one ([`looks_like_heading`]), not
/// be one of three or more such lines in a row, and be followed by something: by a paragraph (or
/// another heading) when written in mixed case, by anything when written in capitals.
fn stands_as_heading(kinds: &[Kind], at: usize, text: &str) -> bool {
    if !looks_like_heading(text) {
        return false;
    }
    let candidate = |kind: &Kind| matches!(kind, Kind::Text(text) if looks_like_heading(text));
    // A heading may sit right under another ("Governance" then "All Staff"), but a run of three
    // or more short lines is a table, an address or a list without bullets.
    let before = kinds[..at].iter().rev().filter(|kind| !matches!(kind, Kind::Blank)).take(2);
    let after = kinds[at + 1..].iter().filter(|kind| !matches!(kind, Kind::Blank)).take(2);
    let run = 1 + before.take_while(|kind| candidate(kind)).count() + after.take_while(|kind| candidate(kind)).count();
    if run > 2 {
        return false;
    }
    let Some(next) = kinds[at + 1..].iter().find(|kind| !matches!(kind, Kind::Blank)) else {
        return false;
    };
    is_upper_case(text)
        || matches!(
            next,
            Kind::Text(_)
                | Kind::Section { .. }
                | Kind::Numbered(_)
                | Kind::Fixed(Line::Paragraph(_) | Line::Text(_) | Line::Heading { .. })
        )
}

/// Is the numbered line at `at` next to (blank lines aside) a line numbered one more or one less
/// in the same style? Then it is one of a numbered list's items.
fn has_sequence_neighbour(kinds: &[Kind], at: usize) -> bool {
    let Kind::Numbered(this) = &kinds[at] else { return false };
    let neighbour = |kind: Option<&Kind>, expected: Option<u32>| match (kind, expected) {
        (Some(Kind::Numbered(other)), Some(expected)) => other.delimiter == this.delimiter && other.number == expected,
        _ => false,
    };
    let before = kinds[..at].iter().rev().find(|kind| !matches!(kind, Kind::Blank));
    let after = kinds[at + 1..].iter().find(|kind| !matches!(kind, Kind::Blank));
    neighbour(before, this.number.checked_sub(1)) || neighbour(after, this.number.checked_add(1))
}

/// A list item waiting to be grouped into a list.
#[derive(Debug)]
enum Item {
    /// Marked by a bullet, a letter, or by its source.
    Plain { ordered: bool, text: String },
    /// One of a run of numbered lines.
    Numbered(Numbered),
}

/// Collects blocks, grouping consecutive list items into lists.
#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    items: Vec<Item>,
}

impl Builder {
    fn block(&mut self, block: Block) {
        self.flush_items();
        self.blocks.push(block);
    }

    fn item(&mut self, item: Item) {
        self.items.push(item);
    }

    fn finish(mut self) -> PolicyDocument {
        self.flush_items();
        PolicyDocument { blocks: self.blocks }
    }

    /// Turns the waiting items into lists. A run of numbered lines counting 1, 2, 3… becomes a
    /// numbered list (the reader supplies the numbers); any other run keeps its numbers as text
    /// in a bulleted list.
    fn flush_items(&mut self) {
        let mut items = std::mem::take(&mut self.items).into_iter().peekable();
        while let Some(first) = items.next() {
            let (ordered, texts) = match first {
                Item::Plain { ordered, text } => {
                    let mut texts = vec![text];
                    while let Some(Item::Plain { text, .. }) =
                        items.next_if(|item| matches!(item, Item::Plain { ordered: o, .. } if *o == ordered))
                    {
                        texts.push(text);
                    }
                    (ordered, texts)
                }
                Item::Numbered(first) => {
                    let mut run = vec![first];
                    while let Some(Item::Numbered(next)) =
                        items.next_if(|item| matches!(item, Item::Numbered(next) if next.delimiter == run[0].delimiter))
                    {
                        run.push(next);
                    }
                    let counts_from_one = (1..).zip(&run).all(|(expected, item)| item.number == expected);
                    if counts_from_one {
                        (true, run.into_iter().map(|item| item.title).collect())
                    } else {
                        (false, run.into_iter().map(|item| item.whole).collect())
                    }
                }
            };
            self.blocks.push(Block::List { ordered, items: texts });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(level: u8, text: &str) -> Block {
        Block::Heading { level, text: text.to_owned() }
    }

    fn paragraph(text: &str) -> Block {
        Block::Paragraph(text.to_owned())
    }

    fn list(ordered: bool, items: &[&str]) -> Block {
        Block::List { ordered, items: items.iter().map(|item| (*item).to_owned()).collect() }
    }

    fn check(text: &str, expected: &[Block]) {
        assert_eq!(read(text).blocks, expected, "reading {text:?}");
    }

    #[test]
    fn numbered_titles_are_level_one_headings_as_written() {
        check(" 1.\tINTRODUCTION\n\nText.", &[heading(1, "1. INTRODUCTION"), paragraph("Text.")]);
        check("2. SECURITY MANAGEMENT\n", &[heading(1, "2. SECURITY MANAGEMENT")]);
        check(
            "13) \tNATIONAL DATA OPT-OUT\nA system.",
            &[heading(1, "13) NATIONAL DATA OPT-OUT"), paragraph("A system.")],
        );
        check(
            "4. Review and monitoring\n\nThe policy…",
            &[heading(1, "4. Review and monitoring"), paragraph("The policy…")],
        );
    }

    #[test]
    fn sub_numbered_titles_are_level_two_headings_and_numbered_sentences_stay_paragraphs() {
        check("3.2 Access control\n\nText.", &[heading(2, "3.2 Access control"), paragraph("Text.")]);
        check("3.2.1 Passwords\n", &[heading(3, "3.2.1 Passwords")]);
        check(
            "1.1\tPolicy Statement.  The Practice will seek to ensure",
            &[paragraph("1.1 Policy Statement. The Practice will seek to ensure")],
        );
        check("9.3 \tControlled stationery.  e.g. payment", &[paragraph("9.3 Controlled stationery. e.g. payment")]);
        check("2. All staff must lock their screens.", &[paragraph("2. All staff must lock their screens.")]);
    }

    #[test]
    fn short_lines_standing_before_a_paragraph_are_level_two_headings() {
        check(
            "[bookmark: _Toc1][bookmark: _Toc2]Caldicott Guardian\nThe Caldicott Guardian is responsible.",
            &[heading(2, "Caldicott Guardian"), paragraph("The Caldicott Guardian is responsible.")],
        );
        check(
            "Governance – Roles and Responsibilities\nAll Staff\nEveryone is responsible.",
            &[
                heading(2, "Governance – Roles and Responsibilities"),
                heading(2, "All Staff"),
                paragraph("Everyone is responsible."),
            ],
        );
        check("KEY DEFINITIONS\n\n· One\n", &[heading(2, "KEY DEFINITIONS"), list(false, &["One"])]);
        check(
            "Practice Riverside Surgery\nODS code DEMO01\nScope Whole practice\nThe pack was made today.",
            &[
                paragraph("Practice Riverside Surgery"),
                paragraph("ODS code DEMO01"),
                paragraph("Scope Whole practice"),
                paragraph("The pack was made today."),
            ],
        );
    }

    #[test]
    fn sentences_lead_ins_and_lone_lines_stay_paragraphs() {
        for text in [
            "The Practice will review this policy every year.",
            "The main relevant legislation is:",
            "Objective: to maintain the integrity of information assets",
            "Confidentiality - data access is confined to those with authority",
            "Key issues addressed by the Security Policy are",
            "the practice manager will check",
        ] {
            check(&format!("{text}\nThe next paragraph."), &[paragraph(text), paragraph("The next paragraph.")]);
        }
        check("Caldicott Guardian", &[paragraph("Caldicott Guardian")]);
        check("Mixed Case Title\n· a bullet", &[paragraph("Mixed Case Title"), list(false, &["a bullet"])]);
    }

    #[test]
    fn bullets_of_every_kind_make_one_list_across_blank_lines() {
        check(
            "· one;\n\n•two\n▪ three\n◦ four\no\tfive\n- six\n* seven\n– eight\n\u{F0B7}\tnine\n",
            &[list(false, &["one;", "two", "three", "four", "five", "six", "seven", "eight", "nine"])],
        );
        check("-5 degrees is cold.", &[paragraph("-5 degrees is cold.")]);
        check("·\n· real", &[list(false, &["real"])]);
    }

    #[test]
    fn lettered_items_keep_their_marker_in_a_bulleted_list() {
        check(
            "a) first\n(b) second\ni. third\n(iv) fourth",
            &[list(false, &["a) first", "(b) second", "i. third", "(iv) fourth"])],
        );
    }

    #[test]
    fn a_run_of_numbered_lines_counting_from_one_is_a_numbered_list() {
        check(
            "1) [bookmark: _GoBack]Ensure that extracts are filtered\n2) Ensure that patients know.\n14) \tDATA BY DESIGN",
            &[
                list(true, &["Ensure that extracts are filtered", "Ensure that patients know."]),
                heading(1, "14) DATA BY DESIGN"),
            ],
        );
        check("3. Wash\n4. Dry\n", &[list(false, &["3. Wash", "4. Dry"])]);
        check("1. Wash hands\n\n2. Dry hands\n", &[list(true, &["Wash hands", "Dry hands"])]);
    }

    #[test]
    fn wrapped_lines_are_joined_but_lines_that_end_a_sentence_are_not() {
        check(
            "The Practice will ensure that all\nstaff are trained.\nlower case after a full stop.",
            &[
                paragraph("The Practice will ensure that all staff are trained."),
                paragraph("lower case after a full stop."),
            ],
        );
        check("· a bullet that\ncontinues here", &[list(false, &["a bullet that continues here"])]);
        check("the text\n\ncontinued after a blank", &[paragraph("the text"), paragraph("continued after a blank")]);
    }

    #[test]
    fn marked_lines_are_not_guessed_at() {
        let document = structure(
            [
                Line::Heading { level: 5, text: "Deep".into() },
                Line::Paragraph("Short Cell".into()),
                Line::Paragraph("Another".into()),
                Line::Item { ordered: true, text: "one".into() },
                Line::Blank,
                Line::Item { ordered: true, text: "two".into() },
                Line::Item { ordered: false, text: "bullet".into() },
                Line::Text("1. INTRODUCTION".into()),
                Line::Text("next line".into()),
            ],
            false,
        );
        assert_eq!(
            document.blocks,
            [
                heading(3, "Deep"),
                paragraph("Short Cell"),
                paragraph("Another"),
                list(true, &["one", "two"]),
                list(false, &["bullet"]),
                heading(1, "1. INTRODUCTION"),
                paragraph("next line"),
            ]
        );
    }
}
