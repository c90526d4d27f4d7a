//! Grading an incident as the national guide to notifying data security and protection incidents
//! does — likelihood that harm has occurred × severity — and what the grade means: whether it is
//! reportable to the ICO through the DSPT incident reporting tool, whether DHSC is told as well,
//! and the 72-hour deadline from when the practice became aware. The rules are data
//! (`assets/rules/incident-grading.json`), with their source, so they can be updated.

use serde::Deserialize;
use time::{Duration, OffsetDateTime};

const RULES_JSON: &str = include_str!("../../../../../assets/rules/incident-grading.json");

/// One step of a grading scale.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct ScaleStep {
    /// 1 to 5.
    pub score: u8,
    /// Its name ("Likely", "Serious").
    pub label: String,
    /// What it means, from the guide.
    pub meaning: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
struct Threshold {
    min_likelihood: u8,
    min_severity: u8,
}

/// The grading rules and where they come from.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct GradingRules {
    /// Where the rules come from.
    pub source: String,
    /// Version of the rules file.
    pub version: u32,
    /// Likelihood that harm has occurred, 1 to 5.
    pub likelihood: Vec<ScaleStep>,
    /// Severity of the harm, 1 to 5.
    pub severity: Vec<ScaleStep>,
    report_to_ico: Threshold,
    notify_dhsc: Threshold,
    /// Hours from awareness to report a reportable incident.
    pub deadline_hours: i64,
}

/// What a grade means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GradeOutcome {
    /// Reportable to the ICO through the DSPT incident reporting tool.
    pub reportable: bool,
    /// DHSC is told as well.
    pub notify_dhsc: bool,
}

/// The rules built into this version of Custodian.
pub fn rules() -> GradingRules {
    // The file is part of the build and checked by the tests below.
    serde_json::from_str(RULES_JSON).unwrap_or_else(|_| GradingRules {
        source: String::new(),
        version: 0,
        likelihood: Vec::new(),
        severity: Vec::new(),
        report_to_ico: Threshold { min_likelihood: 1, min_severity: 1 },
        notify_dhsc: Threshold { min_likelihood: 1, min_severity: 1 },
        deadline_hours: 72,
    })
}

impl GradingRules {
    /// Whether a score is on the scale (1 to 5).
    pub fn in_range(&self, score: u8) -> bool {
        self.likelihood.iter().any(|s| s.score == score)
    }

    /// What a likelihood × severity grade means.
    pub fn outcome(&self, likelihood: u8, severity: u8) -> GradeOutcome {
        let meets = |t: &Threshold| likelihood >= t.min_likelihood && severity >= t.min_severity;
        GradeOutcome { reportable: meets(&self.report_to_ico), notify_dhsc: meets(&self.notify_dhsc) }
    }

    /// The reporting deadline: so many calendar hours (weekends included) after awareness.
    pub fn deadline(&self, became_aware: OffsetDateTime) -> OffsetDateTime {
        became_aware + Duration::hours(self.deadline_hours)
    }
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    #[test]
    fn the_rules_file_names_its_source_and_both_five_point_scales() {
        let r = rules();
        assert!(r.source.contains("Guide to the notification of data security and protection incidents"));
        assert_eq!(r.likelihood.iter().map(|s| s.score).collect::<Vec<_>>(), [1, 2, 3, 4, 5]);
        assert_eq!(r.severity.iter().map(|s| s.score).collect::<Vec<_>>(), [1, 2, 3, 4, 5]);
        assert_eq!(r.severity[4].label, "Catastrophic");
        assert!(r.in_range(5) && !r.in_range(0) && !r.in_range(6));
    }

    #[test]
    fn likelihood_three_and_severity_two_is_reportable_and_serious_harm_tells_dhsc_too() {
        let r = rules();
        let check = |l, s, reportable, dhsc| {
            assert_eq!(r.outcome(l, s), GradeOutcome { reportable, notify_dhsc: dhsc }, "likelihood {l}, severity {s}");
        };
        check(2, 5, false, false);
        check(3, 1, false, false);
        check(3, 2, true, false);
        check(5, 3, true, false);
        check(3, 4, true, true);
        check(4, 5, true, true);
    }

    #[test]
    fn the_deadline_is_72_calendar_hours_after_awareness_weekends_included() {
        let friday_evening = datetime!(2026-11-27 18:30 UTC);
        assert_eq!(rules().deadline(friday_evening), datetime!(2026-11-30 18:30 UTC));
    }
}
