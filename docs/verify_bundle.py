#!/usr/bin/env python3
"""Check a Fenhong bundle with nothing but Python's standard library and the openssl command.

Usage: python3 verify_bundle.py BUNDLE_DIR
Checks: every line is a body whose seq and prev link the chain; the RFC 9162 root of the entry
hashes equals every checkpoint's root; the accountant's Ed25519 signature on every checkpoint
(via `openssl pkeyutl`). Exit 0 when all hold, 1 otherwise.
"""
import base64, hashlib, json, os, subprocess, sys, tempfile

def leaf(body): return hashlib.sha256(b"\x00" + body).digest()
def node(l, r): return hashlib.sha256(b"\x01" + l + r).digest()

def root(hashes):  # RFC 9162 §2.1.1, split at the largest power of two below n
    if not hashes: return hashlib.sha256(b"").digest()
    if len(hashes) == 1: return hashes[0]
    k = 1
    while k * 2 < len(hashes): k *= 2
    return node(root(hashes[:k]), root(hashes[k:]))

def openssl_verify(pub, message, signature):
    der = bytes.fromhex("302a300506032b6570032100") + pub
    with tempfile.TemporaryDirectory() as d:
        paths = {n: os.path.join(d, n) for n in ("key.der", "msg", "sig")}
        for n, data in (("key.der", der), ("msg", message), ("sig", signature)):
            open(paths[n], "wb").write(data)
        r = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-keyform", "DER", "-inkey", paths["key.der"],
                            "-rawin", "-in", paths["msg"], "-sigfile", paths["sig"]], capture_output=True)
        return r.returncode == 0

def main(folder):
    problems, hashes, prev = [], [], "0" * 64
    with open(os.path.join(folder, "entries.jsonl"), "rb") as f:
        for n, line in enumerate(f):
            body = line[:-1] if line.endswith(b"\n") else line
            entry = json.loads(body)
            canonical = json.dumps(entry, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()
            if canonical != body: problems.append(f"entry {n}: not canonical")
            if entry.get("seq") != n: problems.append(f"entry {n}: seq is {entry.get('seq')}")
            if entry.get("prev") != prev: problems.append(f"entry {n}: prev mismatch")
            hashes.append(leaf(body))
            prev = hashes[-1].hex()
    keys = {}
    for line in open(os.path.join(folder, "keys.txt")):
        name, key_id, key = line.strip().split("+", 2)
        raw = base64.b64decode(key)
        keys[(name, key_id)] = raw[1:]
    checkpoints = sorted(int(p[:-4]) for p in os.listdir(os.path.join(folder, "checkpoints")))
    for size in checkpoints:
        note = open(os.path.join(folder, "checkpoints", f"{size}.txt"), encoding="utf-8").read()
        text, signatures = note.split("\n\n", 1)
        origin, size_line, root_b64 = text.split("\n")
        if base64.b64decode(root_b64) != root(hashes[:int(size_line)]):
            problems.append(f"checkpoint {size}: root mismatch")
        signed = False
        for line in signatures.strip().split("\n"):
            name, sig_b64 = line[2:].split(" ")
            sig = base64.b64decode(sig_b64)
            pub = keys.get((name, sig[:4].hex()))
            if pub is not None and len(sig) == 68 and openssl_verify(pub, (text + "\n").encode(), sig[4:]):
                signed = True
        if not signed: problems.append(f"checkpoint {size}: no valid accountant signature")
    for p in problems: print(p)
    print(f"{len(hashes)} entries, {len(checkpoints)} checkpoints, root {root(hashes).hex()}: "
          + ("intact" if not problems else f"{len(problems)} problems"))
    return 0 if not problems else 1

if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
