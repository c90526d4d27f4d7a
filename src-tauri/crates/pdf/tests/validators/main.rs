//! Signed PDFs checked by tools nobody here wrote: poppler's `pdfsig`, pyHanko's validator and
//! `qpdf --check`.
//!
//! The signing certificate is self-signed. pdfsig is asked only about the signature ("Signature
//! is Valid", not the certificate, whose issuer it cannot know). pyHanko is given the signer's
//! own certificate as its only trust root and the signer's claimed signing time as the
//! validation time, so its verdict turns on integrity, coverage and the certificate's fitness
//! for signing rather than on trust.
//!
//! The RSA case imports a 2048-bit key and self-signed certificate made by the `openssl` tool,
//! as a practice would import a certificate issued elsewhere.
//!
//! Needs `pdfsig` (poppler-utils), `qpdf`, `openssl`, and pyHanko at `$CUSTODIAN_PYHANKO` (default
//! `/var/tmp/custodian-venv/bin/pyhanko`).

#[path = "../../src/sample_pdf.rs"]
mod sample_pdf;

use std::path::{Path, PathBuf};
use std::process::Command;

use custodian_pdf::{SignatureDetails, SigningIdentity, Verification, sign_pdf, verify_pdf};
use rand_core::SeedableRng;
use sample_pdf::{XrefKind, sample_pdf};
use tempfile::TempDir;
use time::macros::datetime;

const DEFAULT_PYHANKO: &str = "/var/tmp/custodian-venv/bin/pyhanko";
const SET_UP: &str = "python3 -m venv /var/tmp/custodian-venv && \
                      /var/tmp/custodian-venv/bin/pip install pyhanko-cli";

fn identity() -> SigningIdentity {
    SigningIdentity::generate(
        "Dr Grace Hopper",
        "Compiler Surgery",
        Some("Partners"),
        datetime!(2025-01-01 0:00 UTC),
        3,
        &mut rand_chacha::ChaCha20Rng::seed_from_u64(1),
    )
    .unwrap()
}

fn details() -> SignatureDetails {
    SignatureDetails {
        signer_name: "Dr Grace Hopper".to_owned(),
        reason: "Approved for publication".to_owned(),
        location: "Leeds".to_owned(),
        signing_time: datetime!(2025-06-01 10:30 +01:00),
    }
}

/// A PDF made by printpdf (the library the layout engine uses), with built-in fonts.
fn printpdf_pdf() -> Vec<u8> {
    use printpdf::{BuiltinFont, Mm, Op, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, TextItem};
    let page = |text: &str| {
        PdfPage::new(
            Mm(210.0),
            Mm(297.0),
            vec![
                Op::StartTextSection,
                Op::SetTextCursor { pos: Point::new(Mm(20.0), Mm(270.0)) },
                Op::SetFont { font: PdfFontHandle::Builtin(BuiltinFont::Helvetica), size: Pt(14.0) },
                Op::ShowText { items: vec![TextItem::Text(text.to_owned())] },
                Op::EndTextSection,
            ],
        )
    };
    PdfDocument::new("Evidence pack")
        .with_pages(vec![page("First page"), page("Second page")])
        .save(&PdfSaveOptions::default(), &mut Vec::new())
}

/// The inputs every check runs over: (label, unsigned PDF).
fn inputs() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("lopdf-xref-table", sample_pdf(2, XrefKind::Table, false)),
        ("lopdf-xref-stream", sample_pdf(2, XrefKind::Stream, true)),
        ("printpdf", printpdf_pdf()),
    ]
}

/// A working directory holding the signer's certificate and the files under test.
struct Workspace {
    dir: TempDir,
    certificate: PathBuf,
}

impl Workspace {
    fn new() -> Self {
        Self::trusting(&identity())
    }

    /// A workspace whose pyHanko trust root is `signer`'s certificate.
    fn trusting(signer: &SigningIdentity) -> Self {
        let dir = TempDir::new().unwrap();
        let certificate = dir.path().join("signer.pem");
        std::fs::write(&certificate, signer.certificate_pem()).unwrap();
        Self { dir, certificate }
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.path().join(format!("{name}.pdf"));
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

fn sign(pdf: &[u8]) -> Vec<u8> {
    sign_pdf(pdf, &identity(), &details()).unwrap()
}

/// `pdf` with one byte flipped at the first occurrence of `marker` (inside the signed ranges).
fn flipped(pdf: &[u8], marker: &[u8]) -> Vec<u8> {
    let at = pdf
        .windows(marker.len())
        .position(|window| window == marker)
        .unwrap_or_else(|| panic!("{} not in the PDF", String::from_utf8_lossy(marker)));
    let mut tampered = pdf.to_vec();
    tampered[at + marker.len() / 2] ^= 0x01;
    tampered
}

/// Runs a tool; returns whether it exited 0 and its stdout and stderr together.
fn run(program: &Path, args: &[&str], file: &Path, missing: &str) -> (bool, String) {
    let output = Command::new(program)
        .args(args)
        .arg(file)
        .output()
        .unwrap_or_else(|error| panic!("cannot run {}: {error}. {missing}", program.display()));
    let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    (output.status.success(), text)
}

/// pdfsig's report. (It exits 0 even when a digest does not match, so callers read the text.)
fn pdfsig(file: &Path) -> String {
    run(Path::new("pdfsig"), &[], file, "Install poppler-utils.").1
}

fn qpdf_check(file: &Path) -> (bool, String) {
    run(Path::new("qpdf"), &["--check"], file, "Install qpdf.")
}

/// pyHanko's pretty-printed validation, trusting only the signer's own certificate at the
/// signer's claimed signing time, without revocation checks (there is nothing to check).
fn pyhanko(workspace: &Workspace, file: &Path) -> (bool, String) {
    let program =
        std::env::var_os("CUSTODIAN_PYHANKO").map(PathBuf::from).unwrap_or_else(|| PathBuf::from(DEFAULT_PYHANKO));
    assert!(
        program.exists(),
        "pyHanko not found at {}: run the project's set-up ({SET_UP}) or set CUSTODIAN_PYHANKO",
        program.display()
    );
    let trust = workspace.certificate.to_str().unwrap();
    run(
        &program,
        &[
            "sign",
            "validate",
            "--pretty-print",
            "--no-revocation-check",
            "--validation-time",
            "claimed",
            "--trust",
            trust,
            "--trust-replace",
        ],
        file,
        SET_UP,
    )
}

fn assert_contains(report: &str, expected: &str, context: &str) {
    assert!(report.contains(expected), "{context}: expected {expected:?} in:\n{report}");
}

fn assert_lacks(report: &str, unexpected: &str, context: &str) {
    assert!(!report.contains(unexpected), "{context}: did not expect {unexpected:?} in:\n{report}");
}

#[test]
fn pdfsig_reports_the_signature_valid_and_names_the_signer() {
    let workspace = Workspace::new();
    for (label, pdf) in inputs() {
        let report = pdfsig(&workspace.write(label, &sign(&pdf)));
        assert_contains(&report, "Signature Validation: Signature is Valid.", label);
        assert_contains(&report, "Signer Certificate Common Name: Dr Grace Hopper", label);
        assert_contains(
            &report,
            "Signer full Distinguished Name: CN=Dr Grace Hopper,OU=Partners,O=Compiler Surgery",
            label,
        );
        assert_contains(&report, "Signature Type: adbe.pkcs7.detached", label);
        assert_contains(&report, "Signing Hash Algorithm: SHA-256", label);
        assert_contains(&report, "Signing Time: Jun 01 2025 09:30:00", label);
        assert_contains(&report, "Total document signed", label);
    }
}

#[test]
fn pyhanko_reports_the_signature_intact_and_covering_the_entire_file() {
    let workspace = Workspace::new();
    for (label, pdf) in inputs() {
        let (success, report) = pyhanko(&workspace, &workspace.write(label, &sign(&pdf)));
        assert_contains(&report, "The signature is cryptographically sound.", label);
        assert_contains(&report, "The signature covers the entire file.", label);
        assert_contains(&report, "The signature is judged VALID.", label);
        assert_contains(&report, "Signing time as reported by signer: 2025-06-01T09:30:00", label);
        assert!(success, "{label}: pyHanko failed:\n{report}");
    }
}

#[test]
fn qpdf_finds_no_errors_in_the_signed_file() {
    let workspace = Workspace::new();
    for (label, pdf) in inputs() {
        let (success, report) = qpdf_check(&workspace.write(label, &sign(&pdf)));
        assert!(success, "{label}: qpdf --check failed:\n{report}");
        assert_contains(&report, "No syntax or stream encoding errors found", label);
        assert_lacks(&report, "WARNING", label);
    }
}

/// The tampered variants: (label, signed-then-flipped PDF).
fn tampered_inputs() -> Vec<(String, Vec<u8>)> {
    let mut tampered = Vec::new();
    for (label, pdf) in inputs() {
        let signed = sign(&pdf);
        tampered.push((format!("{label}-reason"), flipped(&signed, b"Approved for publication")));
        if label == "lopdf-xref-table" {
            tampered.push((format!("{label}-page-text"), flipped(&signed, b"Sample page 2")));
        }
    }
    tampered
}

#[test]
fn a_flipped_byte_makes_pdfsig_report_a_digest_mismatch() {
    let workspace = Workspace::new();
    for (label, pdf) in tampered_inputs() {
        let report = pdfsig(&workspace.write(&label, &pdf));
        assert_contains(&report, "Signature Validation: Digest Mismatch.", &label);
        assert_lacks(&report, "Signature is Valid", &label);
    }
}

#[test]
fn a_flipped_byte_makes_pyhanko_report_the_signature_unsound() {
    let workspace = Workspace::new();
    for (label, pdf) in tampered_inputs() {
        let (success, report) = pyhanko(&workspace, &workspace.write(&label, &pdf));
        assert_contains(&report, "The signature is cryptographically unsound.", &label);
        assert_contains(&report, "The signature is judged INVALID.", &label);
        assert!(!success, "{label}: pyHanko exited 0 on a tampered file:\n{report}");
    }
}

#[test]
fn our_verifier_agrees_with_the_external_tools() {
    let expected = Verification {
        intact: true,
        covers_whole_file: true,
        signer_subject: "CN=Dr Grace Hopper, OU=Partners, O=Compiler Surgery".to_owned(),
        signing_time: Some(datetime!(2025-06-01 09:30 UTC)),
        certificate_fingerprint: identity().fingerprint_sha256(),
    };
    for (label, pdf) in inputs() {
        assert_eq!(verify_pdf(&sign(&pdf)).unwrap(), expected, "{label}");
    }
    for (label, pdf) in tampered_inputs() {
        assert!(!verify_pdf(&pdf).unwrap().intact, "{label}");
    }
}

#[test]
fn a_second_signature_keeps_the_first_valid_and_covers_the_entire_file() {
    let workspace = Workspace::new();
    for (label, pdf) in inputs() {
        let twice = sign(&sign(&pdf));
        let file = workspace.write(label, &twice);

        let report = pdfsig(&file);
        assert_eq!(report.matches("Signature Validation: Signature is Valid.").count(), 2, "{label}:\n{report}");
        assert_contains(&report, "Signature Field Name: Signature2", label);

        let (success, report) = pyhanko(&workspace, &file);
        assert_eq!(report.matches("The signature is judged VALID.").count(), 2, "{label}:\n{report}");
        assert_contains(&report, "All modifications relate to signing and form filling operations", label);
        assert!(success, "{label}: pyHanko failed:\n{report}");

        let (success, report) = qpdf_check(&file);
        assert!(success, "{label}: qpdf --check failed:\n{report}");
    }
}

/// An identity imported from a 2048-bit RSA key and self-signed certificate made by `openssl`.
fn rsa_identity(workspace: &Workspace) -> SigningIdentity {
    let path = |name: &str| workspace.dir.path().join(name).to_str().unwrap().to_owned();
    let openssl = |args: &[&str]| {
        let output = Command::new("openssl").args(args).output().expect("cannot run openssl: install it");
        assert!(output.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    };
    openssl(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        &path("rsa-key.pem"),
        "-outform",
        "DER",
        "-out",
        &path("rsa-cert.der"),
        "-days",
        "3650",
        "-sha256",
        "-subj",
        "/O=Imported Surgery/CN=Dr Rosa Parks",
        "-addext",
        "basicConstraints=critical,CA:FALSE",
        "-addext",
        "keyUsage=critical,digitalSignature,nonRepudiation",
    ]);
    openssl(&[
        "pkcs8",
        "-topk8",
        "-nocrypt",
        "-in",
        &path("rsa-key.pem"),
        "-outform",
        "DER",
        "-out",
        &path("rsa-key.der"),
    ]);
    let key = std::fs::read(path("rsa-key.der")).unwrap();
    let certificate = std::fs::read(path("rsa-cert.der")).unwrap();
    SigningIdentity::from_der(&key, &certificate).unwrap()
}

#[test]
fn an_rsa_signature_is_valid_to_pdfsig_and_pyhanko_and_a_tampered_copy_is_not() {
    let scratch = TempDir::new().unwrap();
    let scratch = Workspace { certificate: scratch.path().join("unused.pem"), dir: scratch };
    let signer = rsa_identity(&scratch);
    // pyHanko validates at the claimed signing time, which must fall in the certificate's validity.
    let details = SignatureDetails { signing_time: time::OffsetDateTime::now_utc(), ..details() };
    let workspace = Workspace::trusting(&signer);
    for (label, pdf) in inputs() {
        let signed = sign_pdf(&pdf, &signer, &details).unwrap();
        let file = workspace.write(&format!("rsa-{label}"), &signed);

        let report = pdfsig(&file);
        assert_contains(&report, "Signature Validation: Signature is Valid.", label);
        assert_contains(&report, "Signer Certificate Common Name: Dr Rosa Parks", label);
        assert_contains(&report, "Signing Hash Algorithm: SHA-256", label);
        assert_contains(&report, "Total document signed", label);

        let (success, report) = pyhanko(&workspace, &file);
        assert_contains(&report, "The signature is cryptographically sound.", label);
        assert_contains(&report, "The signature covers the entire file.", label);
        assert_contains(&report, "The signature is judged VALID.", label);
        assert!(success, "{label}: pyHanko failed:\n{report}");

        let verification = verify_pdf(&signed).unwrap();
        assert!(verification.intact && verification.covers_whole_file, "{label}: {verification:?}");

        let tampered = workspace.write(&format!("rsa-{label}-reason"), &flipped(&signed, b"Approved for publication"));
        let report = pdfsig(&tampered);
        assert_contains(&report, "Signature Validation: Digest Mismatch.", label);
        assert_lacks(&report, "Signature is Valid", label);
        let (success, report) = pyhanko(&workspace, &tampered);
        assert_contains(&report, "The signature is cryptographically unsound.", label);
        assert_contains(&report, "The signature is judged INVALID.", label);
        assert!(!success, "{label}: pyHanko exited 0 on a tampered file:\n{report}");
        assert!(!verify_pdf(&flipped(&signed, b"Approved for publication")).unwrap().intact, "{label}");
    }
}
