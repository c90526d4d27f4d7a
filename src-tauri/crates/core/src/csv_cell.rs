//! Spreadsheet formula guarding for CSV cells (OWASP "CSV injection"): a cell a spreadsheet
//! would run as a formula is written with a leading apostrophe, and read back without it.

/// Characters that make a spreadsheet treat a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The cell as written to a CSV file: `=SUM(A1)` → `'=SUM(A1)`; anything else unchanged.
pub(crate) fn guard(field: String) -> String {
    if field.starts_with(FORMULA_STARTS) { format!("'{field}") } else { field }
}

/// The cell as it was before [`guard`]: `'=SUM(A1)` → `=SUM(A1)`; anything else unchanged.
pub(crate) fn unguard(value: &str) -> String {
    match value.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest.to_owned(),
        _ => value.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_guarded_and_read_back_as_they_were() {
        for cell in ["=HYPERLINK(\"x\")", "+44 1632", "-2", "@SUM(A1)", "\tindent", "\rreturn"] {
            let written = guard(cell.to_owned());
            assert_eq!(written, format!("'{cell}"));
            assert_eq!(unguard(&written), cell);
        }
        assert_eq!(guard("Dell Latitude".into()), "Dell Latitude");
        assert_eq!(unguard("'quoted"), "'quoted", "an apostrophe of the data's own stays");
    }
}
