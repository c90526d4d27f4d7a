//! The cursor that content flows down: which page, how far down it, when to start another.

use crate::fonts::Fonts;
use crate::page::{BODY_BOTTOM, BODY_TOP, Ink, Item, Page, Style};

/// Slack for floating-point comparisons of heights.
pub(crate) const EPSILON: f32 = 0.01;

/// Pages laid out so far and the position on the last one.
pub(crate) struct Flow<'f> {
    /// The fonts text is measured in.
    pub(crate) fonts: &'f Fonts,
    pages: Vec<Page>,
    /// How far down the current page the next thing goes.
    y: f32,
}

impl<'f> Flow<'f> {
    /// An empty first page.
    pub(crate) fn new(fonts: &'f Fonts) -> Self {
        Self { fonts, pages: vec![Page::default()], y: BODY_TOP }
    }

    /// The laid-out pages.
    pub(crate) fn finish(self) -> Vec<Page> {
        self.pages
    }

    /// How far down the current page the next thing goes.
    pub(crate) fn y(&self) -> f32 {
        self.y
    }

    /// The current page's number, from 1.
    pub(crate) fn page_number(&self) -> usize {
        self.pages.len()
    }

    /// Whether nothing has been placed on the current page yet.
    pub(crate) fn at_top(&self) -> bool {
        self.y <= BODY_TOP + EPSILON
    }

    /// Height left on the current page.
    pub(crate) fn remaining(&self) -> f32 {
        BODY_BOTTOM - self.y
    }

    /// Moves down by `height`.
    pub(crate) fn advance(&mut self, height: f32) {
        self.y += height;
    }

    /// Moves down by `height` unless at the top of a page, where space before something is dropped.
    pub(crate) fn space(&mut self, height: f32) {
        if !self.at_top() {
            self.y += height;
        }
    }

    /// Starts a new page.
    pub(crate) fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = BODY_TOP;
    }

    /// Starts a new page unless `height` fits on this one or this one is still empty.
    pub(crate) fn ensure(&mut self, height: f32) {
        if height > self.remaining() + EPSILON && !self.at_top() {
            self.new_page();
        }
    }

    /// Ends the current page: whatever comes next starts a new one. Nothing is added if nothing
    /// comes next, and nothing happens on a page that is still empty.
    pub(crate) fn end_page(&mut self) {
        if !self.at_top() {
            self.y = BODY_BOTTOM;
        }
    }

    /// Places one line of `text` at `x`, in a line box of height `leading` whose top is `top`.
    pub(crate) fn text_at(&mut self, x: f32, top: f32, leading: f32, style: Style, text: &str) {
        if text.is_empty() {
            return;
        }
        let baseline = top + self.fonts.face(style.face).baseline(style.size, leading);
        self.push(Item::Text { x, baseline, style, text: text.to_owned() });
    }

    /// Places one line of `text` at `x` at the cursor and moves down by its leading.
    pub(crate) fn line(&mut self, x: f32, style: Style, text: &str) {
        self.text_at(x, self.y, style.leading, style, text);
        self.y += style.leading;
    }

    /// Draws a solid horizontal rule from `x0` to `x1` at height `y`.
    pub(crate) fn rule(&mut self, x0: f32, x1: f32, y: f32, thickness: f32, ink: Ink) {
        self.push(Item::Rule { x0, x1, y, thickness, ink, dotted: false });
    }

    /// Draws a dotted rule (a leader) from `x0` to `x1` at height `y`.
    pub(crate) fn dots(&mut self, x0: f32, x1: f32, y: f32) {
        self.push(Item::Rule { x0, x1, y, thickness: 0.9, ink: Ink::Muted, dotted: true });
    }

    fn push(&mut self, item: Item) {
        if let Some(page) = self.pages.last_mut() {
            page.items.push(item);
        }
    }
}
