//! PDF files.

use crate::{ImportError, PolicyDocument};

pub(crate) fn read(_bytes: &[u8]) -> Result<PolicyDocument, ImportError> {
    Err(ImportError::NotPdf)
}
