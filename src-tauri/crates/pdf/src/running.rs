//! The running header (every page but the first) and footer (every page: the caller's text at the
//! left, "Page X of Y" at the right), added once the page count is known.

use crate::fonts::Fonts;
use crate::page::{
    CONTENT_WIDTH, FOOTER_BASELINE, FOOTER_RULE, HEADER_BASELINE, HEADER_RULE, Ink, Item, LEFT, Page, RIGHT, RUNNING,
};
use crate::wrap::truncate;

/// Gap between the footer text and the page number.
const GAP: f32 = 12.0;
/// Width of the rules under the header and over the footer.
const RULE: f32 = 0.4;

/// Adds the running header and footer to every page.
pub(crate) fn add(pages: &mut [Page], header: &str, footer: &str, fonts: &Fonts) {
    let face = fonts.face(RUNNING.face);
    let total = pages.len();
    let header = truncate(header, face, RUNNING.size, CONTENT_WIDTH);
    for (index, page) in pages.iter_mut().enumerate() {
        if index > 0 && !header.is_empty() {
            page.items.push(text(LEFT, HEADER_BASELINE, &header));
            page.items.push(rule(HEADER_RULE));
        }
        let number = format!("Page {} of {total}", index + 1);
        let number_width = face.width(&number, RUNNING.size);
        let footer = truncate(footer, face, RUNNING.size, CONTENT_WIDTH - number_width - GAP);
        page.items.push(rule(FOOTER_RULE));
        if !footer.is_empty() {
            page.items.push(text(LEFT, FOOTER_BASELINE, &footer));
        }
        page.items.push(text(RIGHT - number_width, FOOTER_BASELINE, &number));
    }
}

fn text(x: f32, baseline: f32, text: &str) -> Item {
    Item::Text { x, baseline, style: RUNNING, text: text.to_owned() }
}

fn rule(y: f32) -> Item {
    Item::Rule { x0: LEFT, x1: RIGHT, y, thickness: RULE, ink: Ink::Muted, dotted: false }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::embedded;

    #[test]
    fn the_header_skips_the_first_page_and_the_footer_numbers_every_page() {
        let mut pages = vec![Page::default(), Page::default(), Page::default()];
        add(&mut pages, "Running header", "Running footer", embedded().unwrap());
        assert_eq!(pages[0].texts(), ["Running footer", "Page 1 of 3"]);
        assert_eq!(pages[1].texts(), ["Running header", "Running footer", "Page 2 of 3"]);
        assert_eq!(pages[2].texts(), ["Running header", "Running footer", "Page 3 of 3"]);
    }

    #[test]
    fn long_running_text_is_cut_to_fit_beside_the_page_number() {
        let fonts = embedded().unwrap();
        let mut pages = vec![Page::default()];
        add(&mut pages, "", &"very long footer ".repeat(40), fonts);
        let Item::Text { text: footer, .. } = &pages[0].items[1] else { panic!("{:?}", pages[0].items) };
        assert!(footer.ends_with('…'));
        let Item::Text { x: number_x, .. } = &pages[0].items[2] else { panic!() };
        assert!(LEFT + fonts.face(RUNNING.face).width(footer, RUNNING.size) + GAP <= *number_x + 0.01);
    }
}
