//! The two embedded DejaVu Sans faces, and how wide text set in them is.
//!
//! Widths come from each glyph's advance in the font's `hmtx` table — the same numbers the PDF's
//! `/W` array is built from — so a line measured here is the line a viewer draws. There is no
//! shaping and no kerning: every character is one glyph, which is also what keeps the text
//! extractable character for character.

use std::sync::OnceLock;

use printpdf::{ParsedFont, PdfFontParseWarning};

use crate::error::PdfError;

const REGULAR_TTF: &[u8] = include_bytes!("../../../../assets/fonts/DejaVuSans.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../../../../assets/fonts/DejaVuSans-Bold.ttf");

/// Characters below this are measured from a table built once; the rest are looked up each time.
const TABULATED: usize = 0x3000;
/// What a character the font has no glyph for is drawn as.
pub(crate) const REPLACEMENT: char = '\u{FFFD}';

/// Which of the two faces a piece of text is set in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Face {
    /// DejaVu Sans.
    Regular,
    /// DejaVu Sans Bold.
    Bold,
}

/// One parsed face with its advances tabulated.
pub(crate) struct FontFace {
    /// The parsed font, handed to printpdf for embedding.
    pub(crate) parsed: ParsedFont,
    units_per_em: f32,
    /// Ascender and descender as fractions of the em (descender positive).
    ascent: f32,
    descent: f32,
    /// Advance in font units of each character below [`TABULATED`]; `None` where there is no glyph.
    advances: Vec<Option<u16>>,
}

/// The regular and bold faces.
pub(crate) struct Fonts {
    regular: FontFace,
    bold: FontFace,
}

impl Fonts {
    /// The face for `face`.
    pub(crate) fn face(&self, face: Face) -> &FontFace {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
        }
    }
}

/// The embedded fonts, parsed on first use.
pub(crate) fn embedded() -> Result<&'static Fonts, PdfError> {
    static FONTS: OnceLock<Result<Fonts, &'static str>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            Ok(Fonts {
                regular: FontFace::parse(REGULAR_TTF).ok_or("DejaVuSans.ttf")?,
                bold: FontFace::parse(BOLD_TTF).ok_or("DejaVuSans-Bold.ttf")?,
            })
        })
        .as_ref()
        .map_err(|font| PdfError::FontUnreadable { font })
}

impl FontFace {
    fn parse(bytes: &[u8]) -> Option<Self> {
        let mut warnings: Vec<PdfFontParseWarning> = Vec::new();
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut warnings)?;
        let metrics = &parsed.font_metrics;
        let units_per_em = f32::from(metrics.units_per_em);
        if units_per_em <= 0.0 {
            return None;
        }
        let ascent = metrics.ascent / units_per_em;
        let descent = metrics.descent.abs() / units_per_em;
        let advances = (0..TABULATED as u32)
            .map(|code| {
                let glyph = parsed.lookup_glyph_index(code).filter(|&glyph| glyph != 0)?;
                Some(parsed.get_horizontal_advance(glyph))
            })
            .collect();
        Some(Self { parsed, units_per_em, ascent, descent, advances })
    }

    /// The advance of `c` in font units, or `None` if the face has no glyph for it.
    fn advance(&self, c: char) -> Option<u16> {
        match self.advances.get(c as usize) {
            Some(advance) => *advance,
            None => {
                let glyph = self.parsed.lookup_glyph_index(c as u32).filter(|&glyph| glyph != 0)?;
                Some(self.parsed.get_horizontal_advance(glyph))
            }
        }
    }

    /// Whether the face can draw `c`.
    pub(crate) fn has_glyph(&self, c: char) -> bool {
        self.advance(c).is_some()
    }

    /// The width in points of `c` at `size` points.
    pub(crate) fn char_width(&self, c: char, size: f32) -> f32 {
        let units = self.advance(c).or_else(|| self.advance(REPLACEMENT)).unwrap_or(0);
        f32::from(units) * size / self.units_per_em
    }

    /// The width in points of `text` at `size` points.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        let units: u64 =
            text.chars().map(|c| u64::from(self.advance(c).or_else(|| self.advance(REPLACEMENT)).unwrap_or(0))).sum();
        units as f32 * size / self.units_per_em
    }

    /// How far below the top of a line box of height `leading` the baseline of `size`-point text
    /// sits, with the extra leading shared equally above and below the glyphs.
    pub(crate) fn baseline(&self, size: f32, leading: f32) -> f32 {
        let glyphs = size * (self.ascent + self.descent);
        (leading - glyphs) / 2.0 + size * self.ascent
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_are_the_fonts_advances_scaled_to_the_size() {
        let fonts = embedded().unwrap();
        let regular = fonts.face(Face::Regular);
        // DejaVu Sans: 2048 units per em; "i" advances 569 units, "W" 2025, space 651.
        assert!((regular.width("i", 2048.0) - 569.0).abs() < 0.01);
        assert!((regular.width("W", 2048.0) - 2025.0).abs() < 0.01);
        assert!((regular.width(" ", 10.0) - 651.0 * 10.0 / 2048.0).abs() < 0.001);
        assert!((regular.width("iW", 10.0) - (569.0 + 2025.0) * 10.0 / 2048.0).abs() < 0.001);
        // Bold is wider.
        assert!(fonts.face(Face::Bold).width("Heading", 10.0) > regular.width("Heading", 10.0));
    }

    #[test]
    fn characters_beyond_the_table_and_missing_glyphs_are_handled() {
        let regular = embedded().unwrap().face(Face::Regular);
        assert!(regular.has_glyph('£') && regular.has_glyph('ë') && regular.has_glyph('—'));
        assert!(regular.has_glyph(REPLACEMENT));
        // A CJK ideograph is not in DejaVu Sans: measured as the replacement character.
        assert!(!regular.has_glyph('漢'));
        assert_eq!(regular.width("漢", 10.0), regular.width("\u{FFFD}", 10.0));
    }

    #[test]
    fn the_baseline_sits_inside_the_line_box() {
        let regular = embedded().unwrap().face(Face::Regular);
        let baseline = regular.baseline(10.0, 14.0);
        assert!(baseline > 9.0 && baseline < 11.0, "{baseline}");
    }
}
