//! Password strength, judged by zxcvbn (a real estimator) rather than composition rules.

use custodian_vault::secrecy::{ExposeSecret, SecretString};

use crate::error::{CoreError, Field, Result};

/// The fewest characters a password may have.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// The lowest zxcvbn score accepted (3: "safely unguessable", about 10^10 guesses).
pub const MIN_SCORE: u8 = 3;

/// How strong a password is, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PasswordStrength {
    /// Whether Custodian accepts it.
    pub acceptable: bool,
    /// zxcvbn's score, 0 to 4.
    pub score: u8,
    /// The main reason it is weak, when it is.
    pub warning: Option<String>,
    /// How to make it stronger.
    pub suggestions: Vec<String>,
}

/// Estimates the strength of `password`, penalising words from `context` (names, login, practice).
pub fn strength(password: &SecretString, context: &[&str]) -> PasswordStrength {
    let password = password.expose_secret();
    let context: Vec<&str> = context.iter().flat_map(|c| c.split_whitespace()).filter(|w| !w.is_empty()).collect();
    let too_short = password.chars().count() < MIN_PASSWORD_CHARS;
    if password.is_empty() {
        return PasswordStrength {
            acceptable: false,
            score: 0,
            warning: Some("Enter a password".into()),
            suggestions: vec![],
        };
    }
    let estimate = zxcvbn::zxcvbn(password, &context);
    let score = u8::from(estimate.score());
    let feedback = estimate.feedback();
    let mut warning = feedback.and_then(|f| f.warning()).map(|w| w.to_string());
    let mut suggestions: Vec<String> =
        feedback.map(|f| f.suggestions().iter().map(ToString::to_string).collect()).unwrap_or_default();
    if too_short {
        warning = Some("This password is too short".into());
        suggestions.insert(0, format!("Use at least {MIN_PASSWORD_CHARS} characters; three random words work well"));
    } else if score < MIN_SCORE && warning.is_none() {
        warning = Some("This password would be too easy to guess".into());
    }
    PasswordStrength { acceptable: !too_short && score >= MIN_SCORE, score, warning, suggestions }
}

/// Refuses a weak password with the reason, as a problem with the password field.
pub fn require_strong(password: &SecretString, context: &[&str]) -> Result<()> {
    let judged = strength(password, context);
    if judged.acceptable {
        return Ok(());
    }
    let reason = judged.warning.unwrap_or_else(|| "This password would be too easy to guess".into());
    let advice = judged.suggestions.first().map(|s| format!(". {s}")).unwrap_or_default();
    Err(CoreError::invalid(Field::Password, format!("{}{advice}", reason.trim_end_matches('.'))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judge(text: &str, context: &[&str]) -> PasswordStrength {
        strength(&SecretString::from(text.to_owned()), context)
    }

    #[test]
    fn common_and_short_passwords_are_refused_with_a_reason() {
        let short = judge("Tr0ub4d!", &[]);
        assert!(!short.acceptable);
        assert_eq!(short.warning.as_deref(), Some("This password is too short"));
        assert!(short.suggestions[0].contains("at least 10"));
        let common = judge("password123", &[]);
        assert!(!common.acceptable);
        assert!(common.warning.is_some());
    }

    #[test]
    fn three_random_words_are_accepted() {
        let good = judge("correct staple orbit lantern", &[]);
        assert!(good.acceptable, "{good:?}");
        assert!(good.score >= MIN_SCORE);
    }

    #[test]
    fn a_password_built_on_the_persons_own_name_scores_lower() {
        let plain = judge("kowalczyk.anna", &[]);
        let in_context = judge("kowalczyk.anna", &["Anna Kowalczyk", "a.kowalczyk"]);
        assert!(plain.acceptable, "{plain:?}");
        assert!(in_context.score < plain.score);
        assert!(!in_context.acceptable);
    }

    #[test]
    fn require_strong_names_the_password_field() {
        let err = require_strong(&SecretString::from("qwerty".to_owned()), &[]).unwrap_err();
        match err {
            CoreError::Invalid(problems) => assert_eq!(problems[0].field, Field::Password),
            other => panic!("unexpected {other:?}"),
        }
    }
}
