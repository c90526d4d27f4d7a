//! Collects every field problem of a form at once, so a person sees them all together.

use crate::error::{CoreError, Field, FieldProblem};

/// Accumulates field problems while a form is checked.
#[derive(Default)]
pub(crate) struct Problems(Vec<FieldProblem>);

impl Problems {
    /// Keeps the value if `check` accepts it, records the problem otherwise.
    pub(crate) fn check<T>(&mut self, field: Field, checked: Result<T, String>) -> Option<T> {
        checked.map_err(|message| self.0.push(FieldProblem { field, item: None, message })).ok()
    }

    /// As `check`, for the field of one entry of a list (a checklist item), named by its key.
    pub(crate) fn check_item<T>(&mut self, field: Field, item: &str, checked: Result<T, String>) -> Option<T> {
        checked.map_err(|message| self.0.push(FieldProblem { field, item: Some(item.to_owned()), message })).ok()
    }

    /// `Ok(())` when nothing was recorded, else every problem.
    pub(crate) fn finish(self) -> Result<(), CoreError> {
        if self.0.is_empty() { Ok(()) } else { Err(CoreError::Invalid(self.0)) }
    }
}

/// Text as typed, trimmed, with every run of whitespace made a single space.
pub(crate) fn single_spaced(typed: &str) -> String {
    typed.split_whitespace().collect::<Vec<_>>().join(" ")
}
