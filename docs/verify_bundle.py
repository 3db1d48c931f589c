#!/usr/bin/env python3
"""Check a Fenhong bundle with nothing but Python's standard library and the openssl command.

Usage: python3 verify_bundle.py BUNDLE_DIR
Checks: every line is a canonical body whose seq and prev link the chain; the RFC 9162 root of
the entry hashes equals every checkpoint's root; every checkpoint carries a valid Ed25519
signature (via `openssl pkeyutl`) by an accountant key; and every entry is covered by the first
checkpoint after it, signed by the key named in its "by". Exit 0 when all hold, 1 otherwise.
The keys come from the entries, never from keys.txt: the accountant keys are entry 0's (ledger.open)
and those of the key.add entries of role accountant, each key ID recomputed from its key (C2SP
signed-note). A key serves only the checkpoints that include its key.add (size > its seq) and, once
a key.retire at seq r names it, none of size > r (as in `fenhong verify`). A key.add or key.retire
counts only if its "by" is an accountant key in service before it; otherwise it is a problem.
keys.txt is only cross-checked: a line that is not a key the entries add is a problem.
A bundle rewritten from entry 0 on, keys and all, still passes here: compare the printed accountant
keys and root with the keys the accountants gave you or a checkpoint you kept.
It does not replay the business rules (amounts, shares, dates): `fenhong verify` does.
"""
import base64, bisect, hashlib, json, os, re, subprocess, sys, tempfile

def leaf(body): return hashlib.sha256(b"\x00" + body).digest()
def node(l, r): return hashlib.sha256(b"\x01" + l + r).digest()

def root(hashes):  # RFC 9162 §2.1.1, split at the largest power of two below n
    if not hashes: return hashlib.sha256(b"").digest()
    if len(hashes) == 1: return hashes[0]
    k = 1
    while k * 2 < len(hashes): k *= 2
    return node(root(hashes[:k]), root(hashes[k:]))

def number(text):  # integers within ±(2^53−1) only (FORMAT §2): a float, NaN or a larger one reads as null: not canonical
    return int(text) if text.lstrip("-").isdigit() and abs(int(text)) < 2**53 else None
def too_deep(v, depth=0):  # a value inside more than 32 lists and objects (FORMAT §2); it looks no deeper than 33
    return depth > 32 or isinstance(v, (dict, list)) and any(too_deep(c, depth + 1) for c in (v.values() if isinstance(v, dict) else v))

def vkey(text):  # "name+id+base64(type ‖ 32-byte key)" -> (name, id, type ‖ key); the id must be the key's
    try:
        name, key_id, key = text.split("+", 2)
        key = base64.b64decode(key, validate=True)
        assert name and len(key) == 33
    except (AttributeError, ValueError, AssertionError):
        raise ValueError(f"{text!r} is not name+id+base64(type ‖ 32-byte key)") from None
    real = hashlib.sha256(name.encode() + b"\n" + key).digest()[:4].hex()
    if real != key_id: raise ValueError(f"key {name}+{key_id}: the ID of its key is {real}, not {key_id}")
    return name, key_id, key

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
    problems, hashes, bys, prev = [], [], [], "0" * 64
    added = {}  # (name, id) -> type ‖ key, for every key the entries add
    accountants = {}  # (name, id) -> its periods of service: [32-byte key, seq of its key.add, seq of its key.retire or None], …
    def serving(size):  # the accountant keys that may sign a checkpoint of this size (that may record entry size - 1)
        return {k: pub for k, periods in accountants.items() for pub, since, retired in periods if since < size and (retired is None or size <= retired)}
    with open(os.path.join(folder, "entries.jsonl"), "rb") as f:
        for n, line in enumerate(f):
            body = line[:-1] if line.endswith(b"\n") else line
            body = body[:-1] if body.endswith(b"\r") else body  # CRLF: the file passed through Windows
            body = body[3:] if n == 0 and body.startswith(b"\xef\xbb\xbf") else body  # a byte-order mark an editor added
            try:
                entry = json.loads(body, parse_int=number, parse_float=number, parse_constant=number)
                assert isinstance(entry, dict)
            except (ValueError, AssertionError, RecursionError):
                problems.append(f"entry {n}: not a JSON object")
                entry = {}
            canonical = json.dumps(entry, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode(errors="surrogatepass")
            if entry and (canonical != body or len(body) > 65536 or too_deep(entry)):
                problems.append(f"entry {n}: not canonical")  # so is one over §2's limits, or with a lone surrogate ("\ud800")
            if entry.get("seq") != n: problems.append(f"entry {n}: seq is {entry.get('seq')}")
            if entry.get("prev") != prev:
                problems.append(f"entry {n}: prev mismatch" + (f": entry {n - 1} was changed, or this entry's link" if n else ""))
            kind = entry.get("kind")
            if (n == 0 and kind == "ledger.open") or kind in ("key.add", "key.retire"):
                try:
                    name, key_id, key = vkey(entry.get("key"))
                    if n > 0 and entry.get("by") not in [i for _, i in serving(n + 1)]:  # only an accountant in service changes keys
                        raise ValueError(f"{kind} recorded by key {entry.get('by')}, "
                                         "which is no accountant key of the ledger before it")
                    if kind == "key.retire":
                        if (name, key_id) in accountants: accountants[(name, key_id)][-1][2] = n  # its latest period ends
                    else:
                        added[(name, key_id)] = key
                        if n == 0 or entry.get("role") == "accountant":
                            if key[0] != 1: raise ValueError(f"accountant key {name}+{key_id} is not of type 0x01 (Ed25519)")
                            accountants.setdefault((name, key_id), []).append([key[1:], n, None])  # added again: a new period
                except ValueError as e:
                    problems.append(f"entry {n}: {e}")
            hashes.append(leaf(body))
            bys.append(entry.get("by"))
            prev = hashes[-1].hex()
    for line in open(os.path.join(folder, "keys.txt"), encoding="utf-8-sig", errors="replace"):  # a copy: checked, never trusted
        try:
            name, key_id, key = vkey(line.strip())
            if added.get((name, key_id)) != key:
                same_name = ", ".join(f"{k_name}+{k_id}" for k_name, k_id in added if k_name == name)
                problems.append(f"keys.txt: {name}+{key_id} is not a key the entries add"
                                + (f" (under that name they add {same_name})" if same_name else ""))
        except ValueError as e:
            if line.strip(): problems.append(f"keys.txt: {e}")
    signers = {}  # checkpoint size -> ids of the keys whose signature on it verifies
    names = os.listdir(os.path.join(folder, "checkpoints"))  # each named by its size as fenhong writes it: 241.txt, never 0241.txt
    checkpoints = sorted(int(p[:-4]) for p in names if re.fullmatch(r"(0|[1-9][0-9]*)\.txt", p))
    problems += [f"checkpoints/{p} is not named <size>.txt" for p in sorted(set(names) - {f"{size}.txt" for size in checkpoints})]
    for size in checkpoints:
        path = os.path.join(folder, "checkpoints", f"{size}.txt")
        try:  # a folder, a pipe (never waited on) or a link to nothing is no note; nor is text not UTF-8, nor a root not base64
            note = open(path, encoding="utf-8").read() if os.path.isfile(path) else ""
            text, signatures = note.split("\n\n", 1)
            origin, size_line, root_b64 = text.split("\n")
            stated, stated_root = int(size_line), base64.b64decode(root_b64, validate=True)
        except (OSError, ValueError):
            problems.append(f"checkpoint {size}: not a signed note")
            continue
        if stated != size or stated > len(hashes) or stated_root != root(hashes[:stated]):
            problems.append(f"checkpoint {size}: root mismatch (size {stated}, {len(hashes)} entries)")
        signers[size] = []
        for line in signatures.strip().split("\n"):
            try:
                name, sig_b64 = line[2:].split(" ")
                sig = base64.b64decode(sig_b64)
            except ValueError:
                problems.append(f"checkpoint {size}: signature line {line!r} is malformed")
                continue
            pub = serving(size).get((name, sig[:4].hex()))
            if pub is not None and len(sig) == 68 and openssl_verify(pub, (text + "\n").encode(), sig[4:]):
                signers[size].append(sig[:4].hex())
        if not signers[size]: problems.append(f"checkpoint {size}: no valid accountant signature")
    # Every entry is covered by the first checkpoint after it, signed by the entry's own key.
    for n, by in enumerate(bys):
        covering = bisect.bisect_right(checkpoints, n)
        if covering == len(checkpoints):
            problems.append(f"entries {n}…{len(bys) - 1}: covered by no checkpoint")
            break
        if by not in signers.get(checkpoints[covering], []):  # a list: a "by" that is no string is never in it
            problems.append(f"entry {n}: checkpoint {checkpoints[covering]} is not signed by its key {by}")
    for p in problems: print(p)
    print("accountant keys, from the entries: " + (", ".join(f"{n}+{i}" for n, i in accountants) or "none"))
    print(f"{len(hashes)} entries, {len(checkpoints)} checkpoints, root {root(hashes).hex()}: "
          + ("intact" if not problems else f"{len(problems)} problems"))
    return 0 if not problems else 1

if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python3 verify_bundle.py BUNDLE_FOLDER")
    folder = sys.argv[1]
    sys.stdout.reconfigure(errors="backslashreplace")  # a lone surrogate from a body or a file name is printed, not a traceback
    kinds = {"entries.jsonl": os.path.isfile, "keys.txt": os.path.isfile, "checkpoints": os.path.isdir}  # a pipe is never waited on
    missing = [name for name, is_kind in kinds.items() if not is_kind(os.path.join(folder, name))]
    if not os.path.isdir(folder) or missing:
        print(f"{folder} is not a Fenhong bundle folder" + (f" (it has no {', '.join(missing)})" if os.path.isdir(folder) else "")
              + ": export one with `fenhong export --out FOLDER`; a .fenhong file is checked with `fenhong verify`", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(folder))
