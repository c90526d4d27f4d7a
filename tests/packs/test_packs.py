"""Evidence packs, judged by tools nobody here wrote: a pack made by the `custodian` command line
from the demo practice is checked with poppler (pdfsig, pdffonts, pdftotext, pdfinfo), qpdf and
pyHanko, and any change to a signed byte must make the validators say so."""

import base64
import os
import re
import subprocess
import tempfile
import unittest
from pathlib import Path

CLI = os.environ["CUSTODIAN_CLI"]
PYHANKO = os.environ.get("CUSTODIAN_PYHANKO", "/var/tmp/custodian-venv/bin/pyhanko")
DEMO_LOGIN = "demo.manager"
DEMO_PASSWORD = "heron lantern quarry 42"


def run(args, stdin=""):
    return subprocess.run(args, input=stdin, capture_output=True, text=True)


class DemoPack(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory()
        folder = Path(cls.folder.name)
        cls.vault = folder / "demo.custodian"
        made = run([CLI, "demo", "--vault", str(cls.vault)])
        assert made.returncode == 0, made.stderr
        cls.pack = folder / "pack.pdf"
        created = run(
            [CLI, "pack", "create", "--vault", str(cls.vault), "--login", DEMO_LOGIN, "--password-stdin",
             "--scope", "all", "--from", "2016-01-01", "--to", "2030-12-31", "--out", str(cls.pack)],
            DEMO_PASSWORD + "\n",
        )
        assert created.returncode == 0, created.stderr
        cls.created_output = created.stdout
        cls.bytes = cls.pack.read_bytes()
        # The practice's certificate, as an inspector would be given it, is pyHanko's only trust root.
        cer = folder / "practice.cer"
        exported = run(
            [CLI, "certificate", "export", "--vault", str(cls.vault), "--login", DEMO_LOGIN, "--password-stdin", "--out", str(cer)],
            DEMO_PASSWORD + "\n",
        )
        assert exported.returncode == 0, exported.stderr
        cls.certificate_output = exported.stdout
        body = base64.encodebytes(cer.read_bytes()).decode()
        cls.trust = folder / "practice.pem"
        cls.trust.write_text(f"-----BEGIN CERTIFICATE-----\n{body}-----END CERTIFICATE-----\n")

    @classmethod
    def tearDownClass(cls):
        cls.folder.cleanup()

    def tampered(self, offset):
        """A copy of the pack with one byte changed at `offset` (inside the signed range)."""
        data = bytearray(self.bytes)
        data[offset] = data[offset] ^ 0x01 if data[offset] not in (0x0A, 0x0D) else data[offset]
        if data[offset] == self.bytes[offset]:
            data[offset + 1] ^= 0x01
        path = Path(self.folder.name) / f"tampered-{offset}.pdf"
        path.write_bytes(bytes(data))
        return path

    def signed_offsets(self):
        """A few offsets inside the signed byte ranges: early, middle, and just before the signature."""
        match = re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", self.bytes)
        self.assertIsNotNone(match, "the pack has a /ByteRange")
        a, b, c, d = (int(x) for x in match.groups())
        self.assertEqual(a, 0)
        self.assertEqual(c + d, len(self.bytes), "the signature covers the file to its end")
        return [200, b // 2, b - 10, c + 5]

    def pyhanko(self, path):
        """pyHanko's validation, trusting only the practice's certificate, at the signing time."""
        self.assertTrue(Path(PYHANKO).exists(), f"pyHanko is missing at {PYHANKO}: run the project's set-up (npm test installs it)")
        return run([
            PYHANKO, "sign", "validate", "--pretty-print", "--no-revocation-check", "--validation-time", "claimed",
            "--trust", str(self.trust), "--trust-replace", str(path),
        ])

    def test_the_exported_certificate_fingerprint_is_the_one_on_the_cover(self):
        fingerprint = re.search(r"SHA-256 fingerprint: ([0-9A-F:]{95})", self.certificate_output).group(1)
        text = run(["pdftotext", "-raw", str(self.pack), "-"]).stdout
        self.assertIn(fingerprint, text.replace("\n", ""))
        self.assertIn(fingerprint, run([CLI, "pack", "verify", str(self.pack)]).stdout)

    def test_the_cli_reports_where_it_wrote_the_pack(self):
        self.assertIn(str(self.pack), self.created_output)
        self.assertTrue(self.bytes.startswith(b"%PDF-"))

    def test_pdfsig_reports_the_signature_valid(self):
        out = run(["pdfsig", str(self.pack)])
        self.assertIn("Signature is Valid", out.stdout, out.stdout + out.stderr)
        self.assertIn("Riverside Surgery (demo)", out.stdout)

    def test_pyhanko_reports_it_intact_and_covering_the_whole_file(self):
        self.assertTrue(Path(PYHANKO).exists(), f"pyHanko is missing at {PYHANKO}: run the project's set-up (npm test installs it)")
        out = self.pyhanko(self.pack)
        text = out.stdout + out.stderr
        self.assertEqual(out.returncode, 0, text)
        self.assertIn("The signature is cryptographically sound.", text)
        self.assertIn("The signature covers the entire file.", text)
        self.assertIn("The signature is judged VALID.", text)

    def test_qpdf_finds_no_errors(self):
        out = run(["qpdf", "--check", str(self.pack)])
        self.assertEqual(out.returncode, 0, out.stdout + out.stderr)
        self.assertIn("No syntax or stream encoding errors found", out.stdout)

    def test_every_font_is_embedded(self):
        out = run(["pdffonts", str(self.pack)])
        rows = out.stdout.splitlines()[2:]
        self.assertTrue(rows, out.stdout)
        for row in rows:
            columns = row.split()
            self.assertIn("yes", columns[-5:-3], f"not embedded: {row}")

    def test_the_text_holds_the_cover_the_sections_and_the_people(self):
        out = run(["pdftotext", "-layout", str(self.pack), "-"])
        text = out.stdout
        for expected in [
            "Riverside Surgery (demo) — evidence pack",
            "DEMO01",
            "Whole practice",
            "2016-01-01 to 2030-12-31",
            "Alex Morgan (demo.manager)",
            "Certificate SHA-256",
            "Contents",
            "People and roles",
            "Audit trail",
            "Attachments",
            "Integrity",
            "Dr Helen Marsh",
            "demo.caldicott",
            "person.remove_access",
            "intact: every entry links to the one before it",
            "Policy register",
            "Information security policy",
            "Approvals and reviews",
            "Staff acknowledgements",
            "Practice figure",
            "Outstanding acknowledgements",
            "Recorded on someone's behalf",
            "1.3.1",
            "3.2.1",
            "Device register",
            "7.1.1",
            "Disposal log",
            "BYOD checks",
            "Incidents",
            "Closure reviews",
            "6.1.1",
        ]:
            self.assertIn(expected, text)
        pages = int(re.search(r"Pages:\s+(\d+)", run(["pdfinfo", str(self.pack)]).stdout).group(1))
        self.assertGreater(pages, 3)
        self.assertIn(f"Page 1 of {pages}", text)

    def test_the_policy_and_acknowledgement_packs_are_signed_and_hold_only_their_sections(self):
        for scope, present, absent in [
            ("policies", ["Policy register", "Versions", "Approvals and reviews", "1.3.1", "Dr Helen Marsh", "Superseded", "Version "],
             ["Staff acknowledgements", "People and roles"]),
            ("devices", ["Device register", "Who held what", "7.1.1", "LT-0", "Disposal log", "1.7.2", "COD-0", "certificate of destruction"], ["Staff acknowledgements", "Approvals and reviews"]),
            ("byod", ["BYOD checks", "Accepted risks", "Two-factor"], ["Staff acknowledgements", "Device register"]),
            ("incidents", ["Incidents", "Closure reviews", "6.1.1", "INC-20", "DSPT-20", "within 72 hours", "IG lead: Priya Raman"],
             ["Staff acknowledgements", "Device register", "BYOD checks"]),
            ("acknowledgements", ["Staff acknowledgements", "Compliance by policy", "Compliance by person",
                                  "Outstanding acknowledgements", "3.2.1", "2.1.1"],
             ["Approvals and reviews", "People and roles"]),
        ]:
            with self.subTest(scope=scope):
                pack = Path(self.folder.name) / f"{scope}.pdf"
                created = run(
                    [CLI, "pack", "create", "--vault", str(self.vault), "--login", DEMO_LOGIN, "--password-stdin",
                     "--scope", scope, "--from", "2025-04-01", "--to", "2026-03-31", "--out", str(pack)],
                    DEMO_PASSWORD + "\n",
                )
                self.assertEqual(created.returncode, 0, created.stderr)
                self.assertIn("Signature is Valid", run(["pdfsig", str(pack)]).stdout)
                validated = self.pyhanko(pack)
                self.assertIn("The signature is judged VALID.", validated.stdout + validated.stderr)
                text = run(["pdftotext", "-layout", str(pack), "-"]).stdout
                for expected in present:
                    self.assertIn(expected, text)
                for unexpected in absent:
                    self.assertNotIn(unexpected, text)

    def test_the_annual_dspt_pack_is_signed_off_by_the_siro_and_validates(self):
        pack = Path(self.folder.name) / "dspt-year.pdf"
        args = [CLI, "pack", "create", "--vault", str(self.vault), "--login", "demo.siro", "--password-stdin",
                "--scope", "dspt-year", "--from", "2025-07-01", "--to", "2026-06-30", "--out", str(pack)]
        unsigned = run(args, DEMO_PASSWORD + "\n")
        self.assertNotEqual(unsigned.returncode, 0)
        self.assertIn("run this again with --sign-off", unsigned.stderr)
        self.assertIn("I, Dr Helen Marsh, as SIRO of Riverside Surgery (demo)", unsigned.stderr)
        self.assertFalse(pack.exists(), "nothing is made before the SIRO signs")
        refused = run([a if a != "demo.siro" else DEMO_LOGIN for a in args] + ["--sign-off"], DEMO_PASSWORD + "\n")
        self.assertNotEqual(refused.returncode, 0)
        self.assertIn("SIRO", refused.stderr)
        signed = run(args + ["--sign-off"], DEMO_PASSWORD + "\n")
        self.assertEqual(signed.returncode, 0, signed.stderr)
        self.assertIn("Signature is Valid", run(["pdfsig", str(pack)]).stdout)
        validated = self.pyhanko(pack)
        self.assertIn("The signature is judged VALID.", validated.stdout + validated.stderr)
        self.assertIn("No syntax or stream encoding errors found", run(["qpdf", "--check", str(pack)]).stdout)
        text = " ".join(run(["pdftotext", str(pack), "-"]).stdout.split())
        for expected in ["Whole practice, DSPT year", "SIRO sign-off", "Dr Helen Marsh (demo.siro), SIRO",
                         "DSPT evidence map", "1.1.5", "6.1.1", "9.5.2", "Policy register", "Staff acknowledgements",
                         "Device register", "Disposal log", "BYOD checks", "Incidents", "People and roles",
                         "Audit trail", "Attachments"]:
            self.assertIn(expected, text)

    def test_a_pack_of_one_byod_check_holds_its_items_and_is_signed(self):
        listed = run([CLI, "byod", "list", "--vault", str(self.vault), "--login", DEMO_LOGIN, "--password-stdin"],
                     DEMO_PASSWORD + "\n")
        self.assertEqual(listed.returncode, 0, listed.stderr)
        risky = next(line for line in listed.stdout.splitlines() if "risk accepted by" in line)
        check_id, _, person = risky.split("\t")[:3]
        pack = Path(self.folder.name) / "one-check.pdf"
        created = run(
            [CLI, "pack", "create", "--vault", str(self.vault), "--login", DEMO_LOGIN, "--password-stdin",
             "--scope", "byod-check", "--check", check_id, "--from", "2016-01-01", "--to", "2030-12-31", "--out", str(pack)],
            DEMO_PASSWORD + "\n",
        )
        self.assertEqual(created.returncode, 0, created.stderr)
        self.assertIn("Signature is Valid", run(["pdfsig", str(pack)]).stdout)
        text = run(["pdftotext", "-layout", str(pack), "-"]).stdout
        for expected in [f"BYOD check: {person}", "Items", "FAIL", "SIRO's acceptance", "Dr Helen Marsh"]:
            self.assertIn(expected, text)
        self.assertNotIn("Accepted risks", text, "only this one check")

    def test_the_disposal_log_lists_certificates_from_the_command_line(self):
        listed = run([CLI, "disposals", "list", "--vault", str(self.vault), "--login", DEMO_LOGIN, "--password-stdin"],
                     DEMO_PASSWORD + "\n")
        self.assertEqual(listed.returncode, 0, listed.stderr)
        lines = listed.stdout.splitlines()
        self.assertGreaterEqual(len(lines), 10)
        self.assertTrue(any("Physically destroyed" in l and "certificate COD-" in l and "checked by Dr Helen Marsh" in l for l in lines), listed.stdout)
        self.assertTrue(any("confidential waste" in l for l in lines), listed.stdout)

    def test_the_incident_log_shows_a_running_clock_from_the_command_line(self):
        listed = run([CLI, "incidents", "list", "--vault", str(self.vault), "--login", DEMO_LOGIN, "--password-stdin"],
                     DEMO_PASSWORD + "\n")
        self.assertEqual(listed.returncode, 0, listed.stderr)
        lines = listed.stdout.splitlines()
        self.assertGreaterEqual(len(lines), 35)
        self.assertTrue(all(re.match(r"INC-\d{4}-\d{3}\t\d{4}-\d{2}-\d{2}\t", l) for l in lines), listed.stdout)
        self.assertTrue(any("open, reportable, report by" in l for l in lines), listed.stdout)
        self.assertTrue(any(l.endswith("\twithdrawn") for l in lines), listed.stdout)

    def test_custodian_pack_verify_agrees(self):
        out = run([CLI, "pack", "verify", str(self.pack)])
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertIn("Signature: valid", out.stdout)
        self.assertIn("CN=Riverside Surgery (demo)", out.stdout)

    def test_any_changed_byte_makes_every_validator_say_invalid(self):
        for offset in self.signed_offsets():
            with self.subTest(offset=offset):
                path = self.tampered(offset)
                pdfsig = run(["pdfsig", str(path)])
                self.assertNotIn("Signature is Valid", pdfsig.stdout, f"pdfsig accepted a change at {offset}")
                ours = run([CLI, "pack", "verify", str(path)])
                self.assertNotEqual(ours.returncode, 0, f"custodian accepted a change at {offset}")
                hanko = self.pyhanko(path)
                hanko_text = hanko.stdout + hanko.stderr
                self.assertNotEqual(hanko.returncode, 0, f"pyHanko accepted a change at {offset}: {hanko_text}")
                self.assertNotIn("judged VALID", hanko_text)


if __name__ == "__main__":
    unittest.main()


class ImportedCertificate(unittest.TestCase):
    """A certificate made by OpenSSL, imported from PKCS#12, signs the packs made afterwards."""

    def test_a_pack_after_an_import_is_signed_by_the_imported_certificate(self):
        self.check_import(["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"])

    def test_a_pack_after_an_rsa_import_is_signed_by_the_imported_certificate(self):
        self.check_import(["-newkey", "rsa:2048"])

    def check_import(self, new_key):
        """Imports a key made by `openssl req -x509 <new_key>`, then checks a pack made afterwards."""
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            key, cert, p12 = folder / "key.pem", folder / "cert.pem", folder / "practice.p12"
            made = run([
                "openssl", "req", "-x509", *new_key, "-nodes",
                "-keyout", str(key), "-out", str(cert), "-days", "365",
                "-subj", "/CN=Greenfield Medical Centre/O=Example ICB/OU=ODS Y01234",
            ])
            self.assertEqual(made.returncode, 0, made.stderr)
            bundled = run(["openssl", "pkcs12", "-export", "-inkey", str(key), "-in", str(cert), "-out", str(p12),
                           "-passout", "pass:file secret"])
            self.assertEqual(bundled.returncode, 0, bundled.stderr)

            vault = folder / "greenfield.custodian"
            created = run(
                [CLI, "vault", "create", "--vault", str(vault), "--practice", "Greenfield Medical Centre", "--ods", "Y01234",
                 "--name", "Anna Kowalczyk", "--login", "akowalczyk", "--password-stdin"],
                "pebble violin harbour 7\n",
            )
            self.assertEqual(created.returncode, 0, created.stderr)
            wrong = run([CLI, "certificate", "import", "--vault", str(vault), "--login", "akowalczyk", "--file", str(p12),
                         "--password-stdin"], "pebble violin harbour 7\nnot the file password\n")
            self.assertNotEqual(wrong.returncode, 0)
            self.assertIn("could not be opened with that password", wrong.stderr)
            imported = run([CLI, "certificate", "import", "--vault", str(vault), "--login", "akowalczyk", "--file", str(p12),
                            "--password-stdin"], "pebble violin harbour 7\nfile secret\n")
            self.assertEqual(imported.returncode, 0, imported.stderr)

            pack = folder / "pack.pdf"
            made_pack = run([CLI, "pack", "create", "--vault", str(vault), "--login", "akowalczyk", "--password-stdin",
                             "--scope", "people", "--from", "2026-01-01", "--to", "2026-12-31", "--out", str(pack)],
                            "pebble violin harbour 7\n")
            self.assertEqual(made_pack.returncode, 0, made_pack.stderr)
            pdfsig = run(["pdfsig", str(pack)]).stdout
            self.assertIn("Signature is Valid", pdfsig)
            self.assertIn("Example ICB", pdfsig)
            fingerprint = run(["openssl", "x509", "-in", str(cert), "-noout", "-fingerprint", "-sha256"]).stdout
            expected = fingerprint.strip().split("=", 1)[1]
            self.assertIn(f"Certificate SHA-256: {expected}", run([CLI, "pack", "verify", str(pack)]).stdout)
