"""FORMAT.md, checked: vaults made by the `custodian` command line are read by read_vault.py,
an independent reader written only from FORMAT.md with libsodium and Argon2 bindings."""

import os
import re
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).parent
CLI = os.environ["CUSTODIAN_CLI"]
PASSWORD = "pebble violin harbour 7"


def run(args, stdin):
    return subprocess.run(args, input=stdin, capture_output=True, text=True)


class IndependentReader(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory()
        cls.vault = Path(cls.folder.name) / "riverside.custodian"
        made = run(
            [CLI, "vault", "create", "--vault", str(cls.vault), "--practice", "Riverside Surgery", "--ods", "B86001",
             "--name", "Anna Clerk", "--login", "anna.clerk", "--password-stdin"],
            PASSWORD + "\n",
        )
        assert made.returncode == 0, made.stderr
        cls.recovery_key = re.search(r"([A-Z2-7]{4}-){9}[A-Z2-7]{4}", made.stdout).group(0)

    @classmethod
    def tearDownClass(cls):
        cls.folder.cleanup()

    def read(self, who, secret, vault=None):
        return run([sys.executable, str(HERE / "read_vault.py"), str(vault or self.vault), who], secret + "\n")

    def test_the_password_slot_opens_the_vault_as_documented(self):
        out = self.read("anna.clerk", PASSWORD)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(out.stdout, "Riverside Surgery (B86001)\n")

    def test_the_recovery_slot_opens_the_vault_as_documented(self):
        out = self.read("--recovery-key", self.recovery_key.lower())
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(out.stdout, "Riverside Surgery (B86001)\n")

    def test_a_wrong_password_fails_authentication(self):
        out = self.read("anna.clerk", "not the password")
        self.assertNotEqual(out.returncode, 0)
        self.assertIn("CryptoError", out.stderr)

    def test_a_changed_body_byte_fails_authentication(self):
        damaged = Path(self.folder.name) / "damaged.custodian"
        data = bytearray(self.vault.read_bytes())
        data[-20] ^= 1
        damaged.write_bytes(bytes(data))
        out = self.read("anna.clerk", PASSWORD, vault=damaged)
        self.assertNotEqual(out.returncode, 0)
        self.assertIn("CryptoError", out.stderr)


if __name__ == "__main__":
    unittest.main()
