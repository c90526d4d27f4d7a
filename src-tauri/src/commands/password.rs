//! Live password-strength feedback for forms.

use custodian_core::password;
use custodian_core::secrecy::SecretString;

use crate::dto::{CommandError, PasswordCheckRequest, PasswordStrength};

/// How strong a proposed password is, judged exactly as creating or resetting will judge it.
#[tauri::command(async)]
pub fn password_check(request: PasswordCheckRequest) -> Result<PasswordStrength, CommandError> {
    let context: Vec<&str> = request.context.iter().map(String::as_str).collect();
    let judged = password::strength(&SecretString::from(request.password), &context);
    Ok(PasswordStrength {
        acceptable: judged.acceptable,
        score: judged.score,
        warning: judged.warning,
        suggestions: judged.suggestions,
    })
}
