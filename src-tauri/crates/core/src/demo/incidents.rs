//! The demo practice's incidents: about forty over ten years. Most are minor and closed by the IG
//! lead alone (near misses graded 1 × 1); six were reportable and reported through the DSPT tool,
//! one of them late; one reportable outage was not reported, on the DPO's advice; one was
//! withdrawn and one was a duplicate; and three are still open — one with its 72-hour clock
//! running, a lost laptop (marked lost in the device register) and a phishing email not yet graded.

use custodian_vault::rusqlite::Connection;
use rand_chacha::ChaCha20Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};
use time::{Date, Duration, OffsetDateTime, Time, Weekday};

use super::DemoEvent;
use super::policies::Signers;
use crate::device::{DeviceKind, DeviceStatus, Ownership, YesNoUnknown, store as devices};
use crate::error::Result;
use crate::incident::{IncidentReport, grading, store};
use crate::person::PersonRecord;
use crate::role::Role;

/// When the practice became aware of an incident.
#[derive(Clone, Copy)]
enum When {
    /// Among the routine incidents, spread evenly over the ten years.
    Spread,
    /// So many days before the demo's "now", at this hour.
    DaysAgo(i64, u8),
    /// So many hours before the demo's "now".
    HoursAgo(i64),
}

/// How an incident's story ends.
#[derive(Clone, Copy)]
enum Fate {
    /// Closed by the roles its closure review needs.
    Closed,
    /// Reportable, reported through the DSPT tool within the clock, then closed.
    Reported { hours: i64, dspt: u32, ico: &'static str },
    /// Reportable, reported after the deadline (the reason is in its log), then closed.
    ReportedLate { hours: i64, dspt: u32, why: &'static str },
    /// Graded reportable but not reported, for the reason recorded; closed.
    NotReported(&'static str),
    /// Withdrawn, for the reason given.
    Withdrawn(&'static str),
    /// A duplicate of the story with this description; "{original}" in the reason is its reference.
    Duplicate { of: &'static str, why: &'static str },
    /// Still open: graded and being worked on.
    Open,
    /// Still open, just recorded and not yet graded.
    Ungraded,
    /// Still open: a practice laptop lost, linked to a device held now and marked lost.
    LostDevice,
}

/// One invented incident.
#[derive(Clone, Copy)]
struct Story {
    when: When,
    /// Hours between the incident and the practice becoming aware of it.
    lag_hours: i64,
    /// A documented login who reported it; empty for whoever was working that day.
    reporter: &'static str,
    kind: &'static str,
    category: &'static str,
    breach: &'static [&'static str],
    special: bool,
    vulnerable: bool,
    grade: Option<(u8, u8)>,
    description: &'static str,
    data: &'static str,
    people: Option<u32>,
    consequences: &'static str,
    actions: &'static [&'static str],
    lessons: &'static str,
    /// The title of a policy it involved, or empty.
    policy: &'static str,
    /// The people affected were told, and how (or why not).
    told: (bool, &'static str),
    fate: Fate,
}

/// A minor incident, closed by the IG lead (and the Caldicott Guardian where patient
/// confidentiality was breached).
#[allow(clippy::too_many_arguments)]
fn routine(
    kind: &'static str,
    category: &'static str,
    breach: &'static [&'static str],
    special: bool,
    grade: (u8, u8),
    description: &'static str,
    actions: &'static [&'static str],
    lessons: &'static str,
    policy: &'static str,
) -> Story {
    Story {
        when: When::Spread,
        lag_hours: 1,
        reporter: "",
        kind,
        category,
        breach,
        special,
        vulnerable: false,
        grade: Some(grade),
        description,
        data: "",
        people: None,
        consequences: "",
        actions,
        lessons,
        policy,
        told: (false, ""),
        fate: Fate::Closed,
    }
}

const CONFIDENTIALITY: &[&str] = &["confidentiality"];
const AVAILABILITY: &[&str] = &["availability"];
const INTEGRITY: &[&str] = &["integrity"];
const NONE: &[&str] = &[];

const SAME_NAME_LETTER: &str = "Blood test results for one patient were posted to another patient with the same name; \
     the recipient phoned the practice as soon as they saw it was not theirs and brought the letter back";

fn stories() -> Vec<Story> {
    let mut all = vec![
        routine(
            "cyber",
            "malware_or_phishing",
            NONE,
            false,
            (1, 1),
            "Phishing email claiming to be from NHSmail support asked staff to \"revalidate\" their accounts; reported \
             by a receptionist without clicking the link",
            &[
                "Email reported to spamreports@nhs.net and deleted from every practice mailbox",
                "Reminder at the practice meeting: report suspicious email, never click",
            ],
            "Staff recognised the phishing email and reported it; the reminder stays in induction.",
            "Email and internet use policy",
        ),
        routine(
            "ig",
            "unauthorised_access",
            NONE,
            false,
            (1, 1),
            "Smartcard left in the reader in consulting room 3 overnight; found by the GP the next morning. The room \
             was locked and the session had timed out",
            &[
                "Registration authority checked the smartcard's use: no access overnight",
                "Card readers added to the end-of-day checklist",
            ],
            "Take your smartcard with you whenever you leave the room; the end-of-day check now covers readers.",
            "Access control and password policy",
        ),
        routine(
            "ig",
            "disclosure",
            CONFIDENTIALITY,
            false,
            (2, 1),
            "Appointment letter posted to a patient's previous address; the new occupant returned it unopened",
            &["Address corrected in the clinical system and on the Spine", "Patient told and apologised to"],
            "Confirm the patient's address and phone number at every contact.",
            "Confidentiality policy",
        ),
        routine(
            "ig",
            "other",
            CONFIDENTIALITY,
            true,
            (2, 1),
            "Paper day list (patients' names and reasons for their appointments) left on a desk in the unlocked admin \
             office overnight",
            &[
                "List shredded; the cleaners confirmed they had not entered the office",
                "Admin office now locked at 18:30 by the last member of staff to leave",
            ],
            "Clear desks at the end of each day; day lists go in the confidential waste console, not the desk.",
            "Clear desk and clear screen policy",
        ),
        routine(
            "cyber",
            "malware_or_phishing",
            NONE,
            false,
            (1, 1),
            "Ransomware attachment in an email to the practice inbox was blocked and quarantined by antivirus; no file \
             was opened",
            &[
                "GP IT service desk confirmed the quarantine and scanned the PC: clean",
                "Sender blocked at the NHSmail gateway",
            ],
            "Endpoint protection worked; it stays up to date on every PC through the GP IT service.",
            "Network security policy",
        ),
        routine(
            "ig",
            "disclosure",
            CONFIDENTIALITY,
            false,
            (2, 1),
            "NHSmail with the staff rota sent to the wrong recipient (a namesake at another practice in the PCN); no \
             patient data",
            &["Recipient confirmed in writing that they had deleted it"],
            "Check the recipient's organisation in the NHSmail address book before sending.",
            "Email and internet use policy",
        ),
        routine(
            "cyber",
            "loss_of_availability",
            AVAILABILITY,
            false,
            (2, 1),
            "HSCN connection down for four hours after a fault at the exchange; the clinical system was unavailable \
             and appointments ran from printed lists",
            &[
                "Business continuity plan invoked: printed day lists, paper notes entered afterwards",
                "Fault logged with the GP IT service desk; line restored at 13:10",
            ],
            "The business continuity plan worked; tomorrow's lists are now printed each evening.",
            "Business continuity and disaster recovery plan",
        ),
        routine(
            "ig",
            "disclosure",
            CONFIDENTIALITY,
            true,
            (2, 2),
            "Prescription handed to the wrong patient with the same surname at reception; the pharmacist noticed \
             before dispensing it",
            &[
                "Prescription retrieved and cancelled; the right one reissued",
                "Both patients told and apologised to",
                "Reception reminded to check date of birth and address before handing anything over",
            ],
            "Check two identifiers before handing over anything with a patient's name on it.",
            "Confidentiality policy",
        ),
        routine(
            "cyber",
            "malware_or_phishing",
            NONE,
            false,
            (2, 1),
            "A salaried GP clicked a link in a phishing email and reached a fake login page, but entered no password",
            &["Password changed as a precaution; sign-ins checked: none from elsewhere"],
            "Hovering over links before clicking is now part of the annual data security training.",
            "Email and internet use policy",
        ),
        routine(
            "ig",
            "unauthorised_access",
            NONE,
            false,
            (1, 1),
            "A visitor followed a member of staff through the keypad door into the staff corridor; challenged and taken \
             back to reception",
            &["Keypad code changed", "Staff reminded to challenge anyone without a badge"],
            "Challenge anyone in staff areas without a badge; never hold the keypad door open.",
            "Information security policy",
        ),
        routine(
            "cyber",
            "loss_of_availability",
            AVAILABILITY,
            false,
            (2, 1),
            "Telephone system down for three hours after a supplier's update; patients were texted to use the online \
             form",
            &["Supplier restored the previous version", "Supplier agreed to update only out of hours"],
            "Supplier updates happen out of hours, with the practice told in advance.",
            "Business continuity and disaster recovery plan",
        ),
        routine(
            "ig",
            "disclosure",
            CONFIDENTIALITY,
            true,
            (2, 1),
            "A conversation at reception about a patient's test results was overheard in the waiting room",
            &["Patient apologised to", "A side room is now offered for private conversations; sign at reception"],
            "Offer the side room for anything private; keep voices low at the desk.",
            "Confidentiality policy",
        ),
        routine(
            "ig",
            "lost_or_stolen_device",
            NONE,
            false,
            (1, 1),
            "Encrypted USB stick mislaid in the meeting room and found the next day; it held meeting minutes only",
            &["Stick checked: still encrypted, no patient data on it"],
            "Removable media go back to the admin office after each meeting.",
            "Bring your own device, mobile and remote working policy",
        ),
        routine(
            "ig",
            "other",
            CONFIDENTIALITY,
            false,
            (1, 1),
            "Confidential waste console left unlocked after the contractor's collection; noticed the same afternoon",
            &[
                "Console locked; contents checked undisturbed",
                "Contractor asked to lock consoles after each collection",
            ],
            "Reception checks the consoles are locked after every collection.",
            "Equipment, media and confidential waste disposal policy",
        ),
        routine(
            "ig",
            "degraded_integrity",
            INTEGRITY,
            true,
            (2, 1),
            "A hospital letter was scanned into the wrong patient's record (similar name); the GP found it the same day, \
             before anyone acted on it",
            &["Letter moved to the right record and the error noted in both"],
            "File by NHS number, never by name alone.",
            "Records management and retention policy",
        ),
        routine(
            "ig",
            "disclosure",
            CONFIDENTIALITY,
            false,
            (3, 1),
            "A caller claiming to be a patient's husband was told the time of her next appointment without the \
             practice checking she had agreed to it",
            &["Patient told and apologised to", "Reception refreshed on checking consent before sharing anything"],
            "Check the patient has agreed before telling anyone else anything, however harmless it seems.",
            "Telephone security policy",
        ),
        routine(
            "cyber",
            "malware_or_phishing",
            NONE,
            false,
            (1, 1),
            "Fake invoice email with a macro-enabled attachment sent to the practice manager; reported without opening \
             it",
            &["Email reported to spamreports@nhs.net and deleted"],
            "Invoices are checked against the supplier list before anything is opened.",
            "Email and internet use policy",
        ),
        routine(
            "ig",
            "unauthorised_access",
            NONE,
            false,
            (2, 1),
            "A locum's clinical system login was still active two weeks after their last session",
            &["Account disabled; an audit of its use found no access after the last session"],
            "Leavers' accounts are closed on their last day, from the leavers' checklist.",
            "Access control and password policy",
        ),
        routine(
            "ig",
            "disclosure",
            CONFIDENTIALITY,
            true,
            (2, 2),
            "A referral letter for one patient went in the same envelope as another patient's letter; the recipient \
             brought it back to the practice",
            &["Letter retrieved and sent to the right patient", "Both patients told and apologised to"],
            "One letter, one envelope: the window envelope must show the name on the letter inside.",
            "Confidentiality policy",
        ),
        routine(
            "ig",
            "other",
            NONE,
            false,
            (1, 1),
            "The screen in consulting room 1 could be read from the corridor with the door open; found on the IG \
             walk-round",
            &["Screen turned away from the door; privacy filter fitted"],
            "Screens face away from doors and windows; the walk-round checks every room.",
            "Clear desk and clear screen policy",
        ),
        routine(
            "cyber",
            "loss_of_availability",
            AVAILABILITY,
            false,
            (2, 1),
            "Power cut for ninety minutes; the clinical system was unavailable and the PCs restarted cleanly",
            &["Business continuity plan invoked; urgent appointments kept", "Quote obtained for a UPS at reception"],
            "The UPS on the communications cabinet held the network; reception's PCs now have one too.",
            "Business continuity and disaster recovery plan",
        ),
        routine(
            "ig",
            "disclosure",
            CONFIDENTIALITY,
            true,
            (2, 2),
            "Flu clinic invitation emailed to 14 patients with every address visible in the To field",
            &[
                "Recipients asked to delete the email; apology sent to each",
                "Group messages now sent from the clinical system",
            ],
            "Never put patients' addresses in To or Cc; group messages go from the clinical system.",
            "Email and internet use policy",
        ),
        routine(
            "cyber",
            "malware_or_phishing",
            NONE,
            false,
            (1, 1),
            "Text message to a practice mobile asking to \"confirm a delivery\" through a link; reported, not clicked",
            &["Number reported to 7726; staff warned"],
            "Smishing is reported like phishing email: forward to 7726 and tell the IG lead.",
            "Bring your own device, mobile and remote working policy",
        ),
        routine(
            "cyber",
            "unauthorised_access",
            NONE,
            false,
            (1, 1),
            "Repeated failed sign-ins to the online booking administration account from abroad; the account locked \
             itself",
            &["Password changed and two-factor authentication turned on"],
            "Every administration account has two-factor authentication.",
            "Access control and password policy",
        ),
        routine(
            "ig",
            "disclosure",
            CONFIDENTIALITY,
            false,
            (2, 1),
            "An appointment reminder text went to the wrong mobile number, recorded against the wrong patient",
            &["Mobile number corrected; the other patient's number checked too"],
            "Read the mobile number back to the patient when recording it.",
            "Confidentiality policy",
        ),
        routine(
            "cyber",
            "degraded_integrity",
            INTEGRITY,
            false,
            (1, 1),
            "The shared drive's backup failed for two nights after a change on the server; the daily backup check found \
             it and no data was lost",
            &["GP IT service desk fixed the backup job and ran it by hand", "Backup alerts now go to two people"],
            "The daily backup check works; alerts go to two people so holidays leave no gap.",
            "Backup policy",
        ),
        routine(
            "ig",
            "other",
            NONE,
            false,
            (1, 1),
            "The door to the notes store was found propped open during a delivery",
            &["Door closed; the store checked", "Deliveries now go to reception, not the back door"],
            "The notes store stays locked; deliveries come through reception.",
            "Information security policy",
        ),
        routine(
            "ig",
            "disclosure",
            CONFIDENTIALITY,
            true,
            (2, 1),
            "A repeat prescription request was left on the reception printer and seen by another patient",
            &["Patient told and apologised to", "Printer moved behind the reception screen"],
            "Collect printing at once; the printer is now out of patients' sight.",
            "Clear desk and clear screen policy",
        ),
    ];
    all.extend([
        Story {
            when: When::DaysAgo(2700, 11),
            data: "names, dates of birth and NHS numbers, with the screening due date",
            people: Some(212),
            consequences: "The list shows who is due cervical screening; it went to a private email address outside \
                           the NHS.",
            told: (false, "On the DPO's advice, not told: the recipient deleted the file within two hours and \
                           confirmed it in writing"),
            fate: Fate::Reported { hours: 30, dspt: 1862, ico: "" },
            ..routine(
                "ig",
                "disclosure",
                CONFIDENTIALITY,
                true,
                (3, 3),
                "A spreadsheet of 212 patients due cervical screening was sent by NHSmail to an outside email address \
                 that autocomplete chose instead of the PCN's screening coordinator",
                &[
                    "Recipient phoned and emailed; they confirmed deletion in writing",
                    "Autocomplete cache cleared on the sender's account",
                    "Patient lists now go only to checked NHSmail addresses, or with [secure] when outside",
                ],
                "Autocomplete picked the wrong address: check the recipient before sending any patient data.",
                "Email and internet use policy",
            )
        },
        Story {
            when: When::DaysAgo(2270, 17),
            lag_hours: 3,
            vulnerable: true,
            data: "names, addresses and reasons for home visits",
            people: Some(11),
            consequences: "Housebound patients' addresses and conditions could be read by whoever found the list.",
            told: (true, "All 11 told by phone by the visiting GP on the Monday, with an apology"),
            fate: Fate::ReportedLate {
                hours: 90,
                dspt: 2931,
                why: "Reported through the DSPT tool 18 hours after the 72-hour deadline: the IG lead was on leave over \
                      the bank holiday weekend and no one else could use the DSPT tool. A second DSPT user has been \
                      set up.",
            },
            ..routine(
                "ig",
                "other",
                CONFIDENTIALITY,
                true,
                (3, 2),
                "A GP's printed home-visit list (11 housebound patients: names, addresses and reasons for the visits) \
                 was lost during the afternoon's visits, probably dropped getting out of the car",
                &[
                    "Route of the visits retraced and the police lost-property office told; not found",
                    "Home-visit lists now held on the practice tablet, not on paper",
                ],
                "Paper visit lists no longer leave the building, and two people can now report through the DSPT tool.",
                "Homeworking policy",
            )
        },
        Story {
            when: When::DaysAgo(1900, 9),
            lag_hours: 50,
            data: "names, NHS numbers and clinical correspondence in forwarded emails",
            people: Some(37),
            consequences: "Emails about 37 patients were forwarded to an address controlled by the attacker.",
            told: (true, "Letters sent to the 37 patients within a week, naming the IG lead as contact"),
            fate: Fate::Reported { hours: 28, dspt: 4417, ico: "IC-118034-R7T2" },
            ..routine(
                "both",
                "unauthorised_access",
                CONFIDENTIALITY,
                true,
                (4, 3),
                "A member of staff entered their NHSmail password on a fake login page after a phishing email; for two \
                 days a mail rule forwarded their incoming email, some of it about patients, to an outside address",
                &[
                    "Password reset and every session signed out by the NHSmail helpdesk",
                    "Forwarding rule removed; the NHSmail team confirmed the outside address",
                    "Forwarded emails reviewed: 52 emails about 37 patients",
                    "Two-factor authentication turned on for every practice NHSmail account",
                ],
                "Two-factor authentication would have stopped this: it is now on for every account, and phishing is \
                 covered at induction and in the yearly refresher.",
                "Email and internet use policy",
            )
        },
        Story {
            when: When::DaysAgo(2050, 10),
            grade: None,
            fate: Fate::Withdrawn(
                "Checked with the ICB: the email was a genuine survey from the ICB's IG team, sent from its NHSmail \
                 account",
            ),
            ..routine(
                "cyber",
                "malware_or_phishing",
                NONE,
                false,
                (1, 1),
                "Email asking staff to complete an \"IG survey\" through an outside link, reported as phishing",
                &["Sender and link checked with the ICB's IG team"],
                "",
                "",
            )
        },
        Story {
            when: When::DaysAgo(1450, 8),
            lag_hours: 0,
            data: "scanned letters and the shared drive; no personal data lost",
            consequences: "Scanned letters could not be read for a day and a half; the clinical system stayed \
                           available.",
            fate: Fate::NotReported(
                "On the DPO's advice: the clinical system stayed available throughout, no data was lost (restored from \
                 the previous night's backup) and no patient's care was affected, so the outage did not meet the \
                 threshold for reporting despite its provisional grade",
            ),
            ..routine(
                "cyber",
                "loss_of_availability",
                AVAILABILITY,
                false,
                (3, 2),
                "The practice's file server failed (two disks in its array); scanned letters and the shared drive were \
                 unavailable for a day and a half until restored from backup",
                &[
                    "GP IT service desk replaced the disks and restored the previous night's backup",
                    "Letters received during the outage scanned again",
                    "File server replacement brought forward to this year",
                ],
                "The backup restored everything; the ageing server has been replaced and restores are tested yearly.",
                "Backup policy",
            )
        },
        Story {
            when: When::DaysAgo(1300, 9),
            ..routine(
                "ig",
                "disclosure",
                CONFIDENTIALITY,
                true,
                (2, 2),
                SAME_NAME_LETTER,
                &[
                    "Letter retrieved; results sent to the right patient",
                    "Both patients told and apologised to",
                    "Results letters now addressed from the NHS number, not the name",
                ],
                "Address results letters from the NHS number; check two identifiers before printing.",
                "Confidentiality policy",
            )
        },
        Story {
            when: When::DaysAgo(1300, 11),
            grade: None,
            fate: Fate::Duplicate {
                of: SAME_NAME_LETTER,
                why: "The same letter as {original}, reported by reception and by the secretaries the same morning",
            },
            ..routine(
                "ig",
                "disclosure",
                CONFIDENTIALITY,
                true,
                (2, 2),
                "Secretaries report a results letter sent to the wrong patient with the same name",
                &[],
                "",
                "",
            )
        },
        Story {
            when: When::DaysAgo(1050, 15),
            lag_hours: 400,
            reporter: "demo.iglead",
            data: "the patient's full record",
            people: Some(1),
            consequences: "A neighbour's record was read without a reason; distress to the patient.",
            told: (true, "Told in person by the Caldicott Guardian, with an apology and the outcome"),
            fate: Fate::Reported { hours: 50, dspt: 7310, ico: "IC-301577-K2M9" },
            ..routine(
                "ig",
                "unauthorised_access",
                CONFIDENTIALITY,
                true,
                (3, 3),
                "The monthly audit of record access showed a member of staff had opened a neighbour's record three \
                 times with no reason to",
                &[
                    "Staff member's access suspended while investigated",
                    "Investigated under the disciplinary policy",
                    "Reminder to all staff that every record opened is audited",
                ],
                "Monthly access audits find misuse: they stay monthly, and staff are reminded every year that access is \
                 audited.",
                "Confidentiality policy",
            )
        },
        Story {
            when: When::DaysAgo(680, 10),
            lag_hours: 30,
            data: "pathology results and a repeat prescription",
            people: Some(2),
            consequences: "A repeat prescription was issued from the wrong record; the patient did not take it.",
            told: (true, "Both patients told by their GP by phone"),
            fate: Fate::Reported { hours: 23, dspt: 9154, ico: "" },
            ..routine(
                "ig",
                "degraded_integrity",
                &["integrity", "confidentiality"],
                true,
                (3, 2),
                "Pathology results for one patient were filed in another patient's record with a similar name, and a \
                 repeat prescription was issued from the wrong record before it was found",
                &[
                    "Results moved to the right record; the prescription cancelled",
                    "Pharmacy told; the medicine had not been taken",
                    "Filing of results now matched on NHS number by the clinical system",
                ],
                "Results are matched on NHS number, never by name; the clinical system now enforces it.",
                "Records management and retention policy",
            )
        },
        Story {
            when: When::DaysAgo(300, 14),
            vulnerable: true,
            data: "a child's name, address and safeguarding concerns",
            people: Some(3),
            consequences: "Sensitive safeguarding information about a child reached a team with no part in the case.",
            told: (false, "On the safeguarding lead's advice, the family was not told: telling them could put the child \
                           at risk"),
            fate: Fate::Reported { hours: 26, dspt: 3386, ico: "" },
            ..routine(
                "ig",
                "disclosure",
                CONFIDENTIALITY,
                true,
                (3, 3),
                "A safeguarding report about a child was sent by NHSmail to the wrong health visitor team (a similarly \
                 named team in another area)",
                &[
                    "Recipient team confirmed deletion the same afternoon",
                    "Report sent to the right team",
                    "Safeguarding reports now go from the shared safeguarding mailbox with saved contacts",
                ],
                "Safeguarding reports go only to saved contacts from the shared mailbox.",
                "Data sharing and information sharing policy",
            )
        },
        Story {
            when: When::HoursAgo(30),
            data: "a discharge summary: diagnosis, medicines and follow-up",
            people: Some(1),
            consequences: "One patient's hospital discharge summary reached another patient.",
            fate: Fate::Open,
            ..routine(
                "ig",
                "disclosure",
                CONFIDENTIALITY,
                true,
                (3, 2),
                "A discharge summary for one patient was emailed to another patient's personal email address, taken \
                 from the wrong record",
                &[
                    "Recipient phoned and asked to delete the email; they agreed",
                    "Right email address recorded for both patients",
                ],
                "",
                "Email and internet use policy",
            )
        },
        Story {
            when: When::DaysAgo(9, 8),
            lag_hours: 14,
            fate: Fate::LostDevice,
            ..routine(
                "ig",
                "lost_or_stolen_device",
                NONE,
                false,
                (2, 1),
                "Practice laptop left on the train home; encrypted with BitLocker, no patient data stored on it",
                &[
                    "BitLocker confirmed on by the GP IT service desk; remote wipe requested",
                    "Smartcard cancelled and a new one issued",
                    "Train operator's lost property contacted",
                ],
                "",
                "Bring your own device, mobile and remote working policy",
            )
        },
        Story {
            when: When::HoursAgo(3),
            grade: None,
            fate: Fate::Ungraded,
            ..routine(
                "cyber",
                "malware_or_phishing",
                NONE,
                false,
                (1, 1),
                "Email \"from the ICB\" asking reception to confirm the practice's bank details; not replied to",
                &[],
                "",
                "",
            )
        },
    ]);
    all
}

fn at(day: Date, hour: u8, minute: u8) -> OffsetDateTime {
    day.with_time(Time::from_hms(hour, minute, 0).unwrap_or(Time::MIDNIGHT)).assume_utc()
}

/// Writes the incidents, returning their audit events.
pub(super) fn invent(
    tx: &Connection,
    people: &[PersonRecord],
    signers: &Signers<'_>,
    founded: Date,
    now: OffsetDateTime,
) -> Result<Vec<DemoEvent>> {
    let mut rng = ChaCha20Rng::seed_from_u64(0x494e_4349_4445_4e54);
    let stories = stories();
    let spread = stories.iter().filter(|s| matches!(s.when, When::Spread)).count().max(1) as i64;
    let span = ((now.date() - founded).whole_days() - 110).max(spread);
    let mut n = 0;
    let mut timed: Vec<(OffsetDateTime, Story)> = stories
        .into_iter()
        .map(|story| {
            let aware = match (story.when, story.fate) {
                (When::Spread, _) => {
                    n += 1;
                    let day = founded + Duration::days(30 + span * (n - 1) / spread + (rng.next_u32() % 20) as i64);
                    at(day, 8 + (rng.next_u32() % 9) as u8, (rng.next_u32() % 12 * 5) as u8)
                }
                (When::DaysAgo(days, hour), Fate::ReportedLate { .. }) => {
                    // Aware on a Friday evening, so the deadline falls on the Monday.
                    let mut day = (now - Duration::days(days)).date();
                    while day.weekday() != Weekday::Friday {
                        day = day.previous_day().unwrap_or(day);
                    }
                    at(day, hour, 40)
                }
                (When::DaysAgo(days, hour), _) => at((now - Duration::days(days)).date(), hour, 10),
                (When::HoursAgo(hours), _) => now - Duration::hours(hours),
            };
            (aware, story)
        })
        .collect();
    timed.sort_by_key(|(aware, _)| *aware);

    let policies = crate::policy::register::register(tx)?;
    let lost_laptop = devices::all(tx)?.into_iter().find(|d| {
        d.fields.kind == DeviceKind::Laptop
            && d.fields.ownership == Ownership::Practice
            && d.fields.status == DeviceStatus::InUse
            && d.fields.encryption == YesNoUnknown::Yes
            && d.holder.is_some()
    });
    let mut written: Vec<(&'static str, String)> = Vec::new();
    let mut events = Vec::new();
    let mut device_events = Vec::new();
    for (aware, story) in timed {
        let ig_lead = signers.ig_lead;
        let mut event = |when: OffsetDateTime, actor: &PersonRecord, action: &'static str, id: i64, summary: String| {
            if when <= now {
                events.push(DemoEvent {
                    at: when,
                    actor: actor.login.clone(),
                    action,
                    record_type: "incident",
                    record_id: id.to_string(),
                    summary,
                });
            }
        };
        let day = aware.date();
        let device = lost_laptop.as_ref().filter(|_| matches!(story.fate, Fate::LostDevice));
        let holder = device.and_then(|d| d.holder.as_ref()).and_then(|h| people.iter().find(|p| p.id == h.id));
        let reporter = match (holder, story.reporter) {
            (Some(holder), _) => holder,
            (None, "") => {
                let working: Vec<&PersonRecord> = people
                    .iter()
                    .filter(|p| p.start_date <= day && p.leaving_date.is_none_or(|last| last >= day))
                    .collect();
                working.get(rng.next_u32() as usize % working.len().max(1)).copied().unwrap_or(signers.manager)
            }
            (None, login) => people.iter().find(|p| p.login == login).unwrap_or(signers.manager),
        };
        let occurred = aware - Duration::hours(story.lag_hours);
        let recorded = aware + Duration::minutes(40);
        let reference = format!("INC-{}-{:03}", occurred.year(), store::count_in_year(tx, occurred.year())? + 1);
        let id = store::insert(
            tx,
            &store::NewIncident {
                reference: &reference,
                kind: story.kind,
                category: story.category,
                breach_types: &story.breach.join(","),
                occurred_at: &crate::time_text(occurred),
                aware_at: &crate::time_text(aware),
                aware_first_reason: "",
                description: story.description,
                special_category: story.special,
                vulnerable_people: story.vulnerable,
                data_categories: story.data,
                people_affected: story.people,
                records_affected: story.people,
                consequences: story.consequences,
                reported_by_id: reporter.id,
            },
            recorded,
        )?;
        written.push((story.description, reference.clone()));
        event(
            recorded,
            reporter,
            "incident.add",
            id,
            format!("recorded incident {reference}: {}", story.category.replace('_', " ")),
        );
        if let Some(policy) = policies.iter().find(|p| p.title == story.policy) {
            store::link_policy(tx, id, policy.id)?;
        }
        if let Some(d) = device {
            store::link_device(tx, id, d.id)?;
            devices::set_status(tx, d.id, DeviceStatus::Lost)?;
            device_events.push(DemoEvent {
                at: recorded,
                actor: reporter.login.clone(),
                action: "device.status",
                record_type: "device",
                record_id: d.id.to_string(),
                summary: format!("{}: status in use → lost: incident {reference}", d.fields.asset_tag),
            });
        }

        let graded = aware + Duration::hours(3);
        if let Some((likelihood, severity)) = story.grade.filter(|_| graded <= now) {
            store::set_grade(tx, id, likelihood, severity, ig_lead.id, graded)?;
            let outcome = grading::rules().outcome(likelihood, severity);
            event(
                graded,
                ig_lead,
                "incident.grade",
                id,
                format!(
                    "graded {reference}: likelihood {likelihood}, severity {severity}; {}",
                    match (outcome.reportable, outcome.notify_dhsc) {
                        (true, true) => "reportable to the ICO, and DHSC is told",
                        (true, false) => "reportable to the ICO through the DSPT tool",
                        _ => "not reportable",
                    }
                ),
            );
        }

        // The log: the story's actions, and for a late report why it was late.
        let mut log: Vec<(OffsetDateTime, String)> = story
            .actions
            .iter()
            .zip([2, 26, 96, 240, 380])
            .map(|(text, hours)| (aware + Duration::hours(hours), (*text).to_owned()))
            .collect();
        if let Fate::ReportedLate { hours, why, .. } = story.fate {
            log.push((aware + Duration::hours(hours), why.to_owned()));
        }
        if let Fate::Withdrawn(_) | Fate::Duplicate { .. } = story.fate {
            log.truncate(1);
        }
        log.sort_by_key(|(when, _)| *when);
        for (when, text) in log.into_iter().filter(|(when, _)| *when <= now) {
            store::add_action(tx, id, ig_lead.id, &text, when)?;
            event(when, ig_lead, "incident.action", id, format!("{reference}: {text}"));
        }

        let report = match story.fate {
            Fate::Reported { hours, dspt, ico } => Some((hours, dspt, ico, "")),
            Fate::ReportedLate { hours, dspt, .. } => Some((hours, dspt, "", "")),
            Fate::NotReported(reason) => Some((48, 0, "", reason)),
            _ => None,
        };
        if let Some((hours, dspt, ico, reason)) = report {
            let reported = aware + Duration::hours(hours);
            let dspt_reference = if dspt > 0 { format!("DSPT-{}-{dspt:05}", reported.year()) } else { String::new() };
            let reported_at = (dspt > 0).then(|| crate::time_text(reported));
            store::set_report(
                tx,
                id,
                &IncidentReport {
                    not_reported_reason: reason.to_owned(),
                    dspt_reference: dspt_reference.clone(),
                    dspt_reported_at: reported_at.clone(),
                    ico_reference: ico.to_owned(),
                    ico_reported_at: if ico.is_empty() { None } else { reported_at },
                    dpo_consulted: true,
                    individuals_told: story.told.0,
                    individuals_note: story.told.1.to_owned(),
                },
            )?;
            let summary = if dspt > 0 {
                format!("{reference}: reported through the DSPT tool, reference {dspt_reference}")
            } else {
                format!("{reference}: not reported: {reason}")
            };
            event(reported, ig_lead, "incident.report", id, summary);
        }

        match story.fate {
            Fate::Withdrawn(reason) => {
                let when = aware + Duration::hours(26);
                store::change_status(tx, id, "open", "withdrawn", reason, ig_lead.id, when)?;
                event(when, ig_lead, "incident.status", id, format!("{reference}: open → withdrawn: {reason}"));
            }
            Fate::Duplicate { of, why } => {
                let original = written.iter().find(|(d, _)| *d == of).map_or("an earlier incident", |(_, r)| r);
                let reason = why.replace("{original}", original);
                let when = aware + Duration::hours(3);
                store::change_status(tx, id, "open", "duplicate", &reason, ig_lead.id, when)?;
                event(when, ig_lead, "incident.status", id, format!("{reference}: open → duplicate: {reason}"));
            }
            Fate::Open => {
                let incident = store::by_id(tx, id)?;
                if let Some((_, deadline)) = incident.reporting() {
                    let message = format!(
                        "{reference} is reportable: report it through the DSPT incident reporting tool by {} UTC",
                        crate::time_text(deadline).replace('T', " ").trim_end_matches('Z')
                    );
                    let mut roles = vec![Role::Siro, Role::Dpo];
                    if incident.patient_confidentiality_breached() {
                        roles.push(Role::CaldicottGuardian);
                    }
                    for role in roles {
                        crate::notification::add(tx, role, "incident", id, &message, graded.min(now))?;
                    }
                }
            }
            Fate::Ungraded | Fate::LostDevice => {}
            Fate::Closed | Fate::Reported { .. } | Fate::ReportedLate { .. } | Fate::NotReported(_) => {
                let assessed = aware + Duration::days(18);
                store::set_assessment(
                    tx,
                    id,
                    &store::Assessment {
                        data_categories: story.data,
                        people_affected: story.people,
                        records_affected: story.people,
                        consequences: story.consequences,
                        lessons: story.lessons,
                    },
                )?;
                event(assessed, ig_lead, "incident.assess", id, format!("{reference}: assessment updated"));
                let incident = store::by_id(tx, id)?;
                let roles = incident.closure_roles();
                let mut last = (assessed, ig_lead);
                for (k, role) in roles.iter().enumerate() {
                    let signer = match role {
                        Role::Siro => signers.siro,
                        Role::CaldicottGuardian => signers.caldicott,
                        _ => ig_lead,
                    };
                    let when = at(day + Duration::days(21 + 2 * k as i64), 10 + k as u8, 15);
                    let statement = crate::incident::closure::closure_statement(&signer.full_name, *role, &incident);
                    store::add_sign_off(tx, id, *role, signer.id, &statement, when)?;
                    event(when, signer, "incident.sign", id, statement);
                    last = (when, signer);
                }
                let (when, signer) = last;
                store::change_status(tx, id, "open", "closed", "closure review signed", signer.id, when)?;
                event(
                    when,
                    signer,
                    "incident.status",
                    id,
                    format!("{reference}: open → closed: closure review signed"),
                );
            }
        }
    }
    events.extend(device_events);
    Ok(events)
}
