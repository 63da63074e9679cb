#!/usr/bin/env python3
"""Every EPCIS document of the demo data, checked with GS1's and W3C's own tools, not txng's.

1. Schema: each trace JWS payload's `epcis` validates against GS1's EPCIS 2.0 JSON schema
   (crates/txng-cli/data/epcis/EPCIS-JSON-Schema.json, draft 7) with Python `jsonschema` and its
   format checker (`uri` via rfc3986-validator, `date-time` via rfc3339-validator), as GS1's own
   validate script does with ajv + ajv-formats.
2. JSON-LD: each event, expanded with `pyld` (JSON-LD 1.1) and GS1's context served from the local
   copy, keeps every member: no key expands to nothing, txng's keys (also the nested keys of
   `txng:inputs`) land in txng's https namespace, and nothing is left under `urn:txng:`.

3. Differential (with --txng): generated mutations of a demo document (members removed, values
   of the wrong form, unknown members) go through `txng trace sign`, whose schema check is the Rust
   `jsonschema` crate; it must refuse on schema grounds exactly the documents Python `jsonschema`
   refuses.

Files under the demo data that are not JWS (the HTML error page and the oversize file, which exist
to be unreadable) are listed by name; any other non-JWS trace file is a failure.

Usage: python3 tests/interop/epcis.py --demo-data DIR [--txng target/debug/txng]
Last line: "N passed, N failed" (one test per document and check).
"""

import argparse
import base64
import copy
import json
import pathlib
import random
import subprocess
import sys
import tempfile

from jsonschema import Draft7Validator
from pyld import jsonld

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "crates" / "txng-cli" / "data" / "epcis"
EPCIS_CONTEXT_URLS = {
    "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
    "https://ref.gs1.org/standards/epcis/epcis-context.jsonld",
}
TXNG_NS = "https://truyxuat.quangtri.gov.vn/ns/txng#"
# The demo's deliberately unreadable trace files (FORMAT.md §7 cases trace.malformed, trace.too_large).
NOT_JWS = {"CF2609G.jws", "CF2609L.jws"}

passed = 0
failed = 0


def ok(name):
    global passed
    passed += 1
    print(f"ok    {name}")


def fail(name, why):
    global failed
    failed += 1
    print(f"FAIL  {name}: {why}")


def b64url(s):
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


def loader(local_context):
    def load(url, options=None):
        if url in EPCIS_CONTEXT_URLS:
            return {"contextUrl": None, "documentUrl": url, "document": local_context}
        raise jsonld.JsonLdError(f"no network in tests: {url}", "loading document failed")

    return load


def expanded_keys(node):
    return {k for k in node if not k.startswith("@")}


def check_expansion(name, doc, load):
    """Each event alone, with the document's @context: members in, the same number of IRIs out."""
    ctx = doc.get("@context")
    for i, event in enumerate(doc["epcisBody"]["eventList"]):
        src = {"@context": ctx, **{k: v for k, v in event.items() if k != "@context"}}
        out = jsonld.expand(src, {"documentLoader": load, "processingMode": "json-ld-1.1"})
        if len(out) != 1:
            return f"event {i}: expands to {len(out)} nodes"
        node = out[0]
        want = {k for k in event if k not in ("type", "@context")}
        have = expanded_keys(node)
        if len(have) != len(want):
            return f"event {i}: {sorted(want)} expand to {sorted(have)}"
        for k in want:
            if k.startswith("txng:") and TXNG_NS + k[5:] not in have:
                return f"event {i}: {k} does not expand into {TXNG_NS}"
        for j, item in enumerate(event.get("txng:inputs", [])):
            inputs = node.get(TXNG_NS + "inputs", [])
            if j >= len(inputs):
                return f"event {i}: txng:inputs[{j}] lost"
            got = expanded_keys(inputs[j])
            if len(got) != len(item) or not all(g.startswith(TXNG_NS) for g in got):
                return f"event {i}: txng:inputs[{j}] keys {sorted(item)} expand to {sorted(got)}"
        text = json.dumps(out)
        if "urn:txng:" in text:
            return f"event {i}: urn:txng: left after expansion"
    return None


def mutations(doc, rng, n):
    """`n` mutated copies of an EPCIS document, each with a short description."""
    events = doc["epcisBody"]["eventList"]
    out = []
    for k in range(n):
        d = copy.deepcopy(doc)
        i = rng.randrange(len(events))
        e = d["epcisBody"]["eventList"][i]
        kind = k % 12
        if kind == 0:
            e.pop("quantityList", None)
            e.pop("outputQuantityList", None)
            what = f"event {i} without its quantity lists"
        elif kind == 1:
            e["eventTimeZoneOffset"] = rng.choice(["+7:00", "+07:00", "+14:30", "-13:59", "Z"])
            what = f"event {i} offset {e['eventTimeZoneOffset']}"
        elif kind == 2:
            q = (e.get("quantityList") or e.get("outputQuantityList") or [None])[0]
            if q is None:
                e["quantityList"] = [{"epcClass": "urn:epc:class:lgtin:89350123.00001.X"}]
                q = e["quantityList"][0]
            q["uom"] = rng.choice(["kg", "KGM", "H87", "K", "KGMS", "P1"])
            what = f"event {i} uom {q['uom']}"
        elif kind == 3:
            e["action"] = rng.choice(["OBSERVE", "ADD", "DELETE", "observe", "MOVE"])
            what = f"event {i} action {e['action']}"
        elif kind == 4:
            key = rng.choice(["notes", "txng:notes", "ghiChu", "https://example.vn/ns#x", "a:b"])
            e[key] = "x"
            what = f"event {i} member {key}"
        elif kind == 5:
            e["certificationInfo"] = rng.choice(
                ["https://example.vn/c.pdf", "not a uri", "urn:x:y", ["https://a.vn/1", "b c"]])
            what = f"event {i} certificationInfo {e['certificationInfo']}"
        elif kind == 6:
            key = rng.choice(["@context", "type", "schemaVersion", "creationDate", "epcisBody"])
            d.pop(key, None)
            what = f"document without {key}"
        elif kind == 7:
            d["schemaVersion"] = rng.choice(["2.0", "2", "2.0.1", "v2", "2.x"])
            what = f"schemaVersion {d['schemaVersion']}"
        elif kind == 8:
            e["disposition"] = rng.choice(["recalled", "in_transit", "Recalled", "urn:epcglobal:cbv:disp:x",
                                           "https://example.vn/disp/x"])
            what = f"event {i} disposition {e['disposition']}"
        elif kind == 9:
            e["bizStep"] = rng.choice(["shipping", "Shipping", "urn:epcglobal:cbv:bizstep:shipping",
                                       "https://truyxuat.quangtri.gov.vn/ns/txng#BizStep-drying", "thu hoach"])
            what = f"event {i} bizStep {e['bizStep']}"
        elif kind == 10:
            e["readPoint"] = rng.choice([{"id": "urn:epc:id:sgln:89350123.0001.0"}, {}, {"id": "khe sanh"}])
            what = f"event {i} readPoint {e['readPoint']}"
        else:
            q = (e.get("quantityList") or e.get("outputQuantityList") or [None])[0]
            if q is None:
                e["quantityList"] = [{"epcClass": "urn:epc:class:lgtin:89350123.00001.X"}]
                q = e["quantityList"][0]
            q["quantity"] = rng.choice([1, 2.5, "3", -1, None])
            what = f"event {i} quantity {q['quantity']!r}"
        out.append((what, d))
    return out


def differential(txng, payload, validator, rng, n):
    """txng trace sign (Rust jsonschema) and Python jsonschema agree on generated mutations."""
    schema_msg = "EPCIS 2.0 JSON schema"
    with tempfile.TemporaryDirectory() as work:
        work = pathlib.Path(work)
        key = work / "k.pem"
        subprocess.run([txng, "keygen", "--out", str(key)], check=True, capture_output=True, timeout=60)
        for what, doc in mutations(payload["epcis"], rng, n):
            p = dict(payload, epcis=doc)
            src = work / "in.json"
            src.write_text(json.dumps(p, ensure_ascii=False), encoding="utf-8")
            out = work / "out.jws"
            r = subprocess.run(
                [txng, "--lang", "en", "trace", "sign", "--key", str(key), "--producer", "p", "--number", "1",
                 "--json", str(src), "--out", str(out), "--now", "2026-12-31T00:00:00Z"],
                capture_output=True, text=True, timeout=60)
            py_valid = not any(True for _ in validator.iter_errors(doc))
            rust_refused = r.returncode == 2 and schema_msg in r.stderr
            name = f"differential: {what}"
            if py_valid == (not rust_refused):
                ok(f"{name} (schema {'valid' if py_valid else 'invalid'})")
            else:
                fail(name, f"Python says {'valid' if py_valid else 'invalid'}, txng exit {r.returncode}: "
                           f"{r.stderr.strip()[:300]}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--demo-data", required=True, type=pathlib.Path)
    ap.add_argument("--txng", help="txng binary: also run the differential test of trace sign")
    ap.add_argument("--mutations", type=int, default=48)
    args = ap.parse_args()

    schema = json.loads((DATA / "EPCIS-JSON-Schema.json").read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    validator = Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)
    # Fail closed: the format checker must really check URIs, or `uri` rules pass by default.
    if Draft7Validator.FORMAT_CHECKER.conforms("not a uri", "uri"):
        fail("format-checker", "no `uri` format checker (install rfc3986-validator)")
    local_context = json.loads((DATA / "epcis-context.jsonld").read_text(encoding="utf-8"))
    load = loader(local_context)

    files = sorted(args.demo_data.rglob("trace/**/*.jws"))
    documents = 0
    for f in files:
        name = str(f.relative_to(args.demo_data))
        parts = f.read_text(encoding="utf-8", errors="replace").strip().split(".")
        if len(parts) != 3:
            if f.name in NOT_JWS:
                print(f"skip  {name}: not a JWS (a fault case of the demo)")
            else:
                fail(name, "not a JWS")
            continue
        try:
            payload = json.loads(b64url(parts[1]))
            doc = payload["epcis"]
        except Exception as e:  # noqa: BLE001 - any failure to read is a test failure
            fail(name, f"payload: {e}")
            continue
        documents += 1
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        if errors:
            e = errors[0]
            where = "/" + "/".join(str(p) for p in e.absolute_path)
            fail(f"{name} schema", f"{len(errors)} errors, first at {where}: {e.message[:200]}")
        else:
            ok(f"{name} schema")
        try:
            why = check_expansion(name, doc, load)
        except Exception as e:  # noqa: BLE001
            why = f"expansion failed: {e}"
        if why:
            fail(f"{name} json-ld", why)
        else:
            ok(f"{name} json-ld")
    if args.txng:
        main_doc = args.demo_data / "trace" / "08935012300010" / "CF2609A.jws"
        payload = json.loads(b64url(main_doc.read_text(encoding="utf-8").split(".")[1]))
        differential(args.txng, payload, validator, random.Random(20261129), args.mutations)
    if documents < 20:
        fail("documents", f"only {documents} EPCIS documents found under {args.demo_data}")
    print(f"epcis: {documents} documents checked against GS1's schema and context")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
