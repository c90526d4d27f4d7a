//! Reading a password from standard input without keeping stray copies.

use std::io::BufRead;

use custodian_core::secrecy::SecretString;
use custodian_core::{CoreError, Field};
use zeroize::Zeroize;

/// Reads the first line of standard input as a password (the line ending is not part of it).
pub(crate) fn read_password() -> Result<SecretString, CoreError> {
    read_line_as(Field::Password, "password")
}

/// Reads the next line of standard input as the secret named `what`.
pub(crate) fn read_line_as(field: Field, what: &str) -> Result<SecretString, CoreError> {
    let mut line = String::new();
    let read = std::io::stdin().lock().read_line(&mut line);
    if read.is_err() {
        line.zeroize();
        return Err(CoreError::invalid(field, format!("could not read the {what} from standard input")));
    }
    let password = line.trim_end_matches(['\n', '\r']).to_owned();
    line.zeroize();
    if password.is_empty() {
        return Err(CoreError::invalid(field, format!("no {what} was given on standard input")));
    }
    Ok(SecretString::from(password))
}
