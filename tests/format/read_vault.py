"""Reads a Custodian vault with nothing but FORMAT.md, libsodium (PyNaCl) and Argon2 (argon2-cffi).

This is the worked example that FORMAT.md points to; the test suite runs it against vaults made
by the `custodian` command line, so the format description cannot drift from the code.

    python3 read_vault.py VAULT LOGIN            (password on standard input)
    python3 read_vault.py VAULT --recovery-key   (recovery key on standard input)

Prints the practice name and ODS code read from the decrypted SQLite image.
"""

import base64
import hashlib
import sqlite3
import struct
import sys

from argon2.low_level import Type, hash_secret_raw
from nacl.bindings import crypto_aead_xchacha20poly1305_ietf_decrypt as aead_open
from nacl.bindings import crypto_box_seal_open, crypto_scalarmult_base


def parse_slots(f, count):
    at = 40
    for _ in range(count):
        kind, label_len = f[at], f[at + 1]
        label = f[at + 2 : at + 2 + label_len].decode("utf-8")
        p = at + 2 + label_len
        algorithm = f[p]
        memory_kib, iterations, parallelism = struct.unpack_from("<III", f, p + 1)
        salt = f[p + 13 : p + 29]
        public_key = f[p + 29 : p + 61]
        wrap_aad = f[at : p + 61]  # the slot from `kind` through the public key
        wrap_nonce = f[p + 61 : p + 85]
        wrapped_secret = f[p + 85 : p + 133]
        sealed_data_key = f[p + 133 : p + 213]
        at = p + 213
        assert algorithm == 1, "unknown KDF"
        yield kind, label, (memory_kib, iterations, parallelism), salt, public_key, wrap_aad, wrap_nonce, wrapped_secret, sealed_data_key


def recovery_secret(typed):
    compact = "".join(c for c in typed.upper() if c.isalnum())
    raw = base64.b32decode(compact)
    secret, check = raw[:20], raw[20:]
    assert hashlib.sha256(secret).digest()[:5] == check, "mistyped recovery key"
    return secret


def read_image(path, login, secret):
    f = open(path, "rb").read()
    assert f[:8] == b"CUSTVLT\0", "not a Custodian vault"
    version, header_len = struct.unpack_from("<HI", f, 8)
    assert hashlib.sha256(f[: header_len - 32]).digest() == f[header_len - 32 : header_len], "damaged header"
    assert version == 1, "written by a newer Custodian"
    body_nonce = f[14:38]
    (slot_count,) = struct.unpack_from("<H", f, 38)
    wanted_kind = 2 if login is None else 1
    for kind, label, (m, t, p), salt, public_key, aad, nonce, wrapped, sealed in parse_slots(f, slot_count):
        if kind == wanted_kind and (login is None or label == login):
            kek = hash_secret_raw(secret, salt, time_cost=t, memory_cost=m, parallelism=p, hash_len=32, type=Type.ID, version=19)
            slot_secret = aead_open(wrapped, aad, nonce, kek)
            assert crypto_scalarmult_base(slot_secret) == public_key, "slot keys do not match"
            data_key = crypto_box_seal_open(sealed, public_key, slot_secret)
            return aead_open(f[header_len:], f[:header_len], body_nonce, data_key)
    raise SystemExit(f"no key slot for {login or 'the recovery key'}")


def main():
    path, who = sys.argv[1], sys.argv[2]
    typed = sys.stdin.readline().rstrip("\r\n")
    if who == "--recovery-key":
        image = read_image(path, None, recovery_secret(typed))
    else:
        image = read_image(path, who, typed.encode("utf-8"))
    db = sqlite3.connect(":memory:")
    db.deserialize(image)
    (app_id,) = db.execute("PRAGMA application_id").fetchone()
    assert app_id == 0x43555354, "not a Custodian database"
    name, ods = db.execute("SELECT name, ods_code FROM practice").fetchone()
    print(f"{name} ({ods})")


if __name__ == "__main__":
    main()
