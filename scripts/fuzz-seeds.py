#!/usr/bin/env python3
"""Seeds the fuzz corpora from the committed test vectors (crates/txng-core/tests/vectors).

Writes fuzz/corpus/<target>/<name> (build output, gitignored); existing files are kept, so a
corpus grown by earlier runs stays. Usage: python3 scripts/fuzz-seeds.py [--out DIR]
"""

import argparse
import base64
import hashlib
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
VECTORS = ROOT / "crates/txng-core/tests/vectors"
SEP = b"\xff"  # never in UTF-8: separates the parts of a pipeline input


def b64d(s: str) -> bytes:
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


def payload(jws: bytes) -> bytes:
    parts = jws.decode("utf-8").strip().split(".")
    return b64d(parts[1]) if len(parts) == 3 else b""


def read_vector(path: pathlib.Path):
    raw = path.read_bytes()
    head, _, text = raw.partition(b"\n\n")
    if text.endswith(b"\n"):
        text = text[:-1]
    meta = {}
    for line in head.decode("utf-8").splitlines():
        k, _, v = line.partition(": ")
        meta.setdefault(k, v)
    return meta, text


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", default=str(ROOT / "fuzz/corpus"))
    out = pathlib.Path(ap.parse_args().out)
    seeds: dict[str, list[bytes]] = {}

    def add(target: str, data: bytes) -> None:
        seeds.setdefault(target, []).append(data)

    data_dir = VECTORS / "data"
    jws_files = sorted(data_dir.glob("registry*.jws")) + sorted(data_dir.glob("trace/*/*.jws"))
    for f in jws_files:
        b = f.read_bytes()
        add("jws", b)
        add("registry", b)
        add("json", payload(b))
        if f.name.startswith("registry"):
            add("registry_payload", payload(b))
        else:
            add("trace_payload", payload(b))
            add("trace", payload(b))
            add("trace", b)
    genuine_registry = payload((data_dir / "registry.jws").read_bytes())
    for f in sorted(data_dir.glob("shards/*.json")):
        add("shard", f.read_bytes())
        add("json", f.read_bytes())
    for edge in (b"-0", b"[18446744073709551616, -9223372036854775809, 1.7976931348623158e308, 5e-324]",
                 b'"\\ud83d\\ude00\\u00e9\\/"', b'{"a": null, "\\u0061": [1e309]}', b"[[[[]]]] "):
        add("json", edge)

    vectors = sorted(VECTORS.glob("valid/*.txt")) + sorted(VECTORS.glob("invalid/*.txt"))
    for v in vectors:
        meta, text = read_vector(v)
        for t in ("parse_link", "uri", "element_string", "bracketed"):
            add(t, text)
        m = re.search(rb"8030[=)]?([A-Za-z0-9_-]{90})", text)
        if m:
            add("sig8030", b"\x00" + m.group(1))
            add("sig8030", b"\x01\x00\x02" + bytes([m.group(1)[0] % 90, 1]))
        reg = meta.get("registry", "registry.jws")
        reg_file = data_dir / reg
        reg_payload = payload(reg_file.read_bytes()) if reg_file.is_file() else genuine_registry
        trace = meta.get("trace", "none")
        trace_file = data_dir / trace
        parts = [text, reg_payload]
        if trace_file.is_file():
            parts.append(payload(trace_file.read_bytes()))
        add("pipeline", SEP.join(parts))
    add("sig8030", b"\x01\x00\x01")
    add("sig8030", b"\x01\x00\x03")

    total = 0
    for target, items in sorted(seeds.items()):
        d = out / target
        d.mkdir(parents=True, exist_ok=True)
        for item in items:
            (d / ("seed-" + hashlib.sha1(item).hexdigest())).write_bytes(item)
        total += len(items)
        print(f"fuzz-seeds: {target}: {len(set(items))} seeds")
    if total == 0:
        print("fuzz-seeds: no vectors found", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
