#!/usr/bin/env python3
"""Interoperability of txng's formats with an independent implementation.

Uses the Python standard library, `cryptography` (Ed25519) and, for GS1 QR Codes, `zxingcpp`
(zxing-cpp), and follows docs/FORMAT.md (and crates/txng-core/src/{link,jws,registry,trace}.rs)
rather than any txng code:

  (a) an authority key, a producer key, a registry JWS, signed labels (GS1 Digital Link URIs and
      element strings with AI 8030, also as a GS1 QR Code made and read by zxing-cpp) and trace JWS
      documents are made here, with `alg` `Ed25519` and `EdDSA`, then `txng verify --json` must
      reach the expected state and codes; documents of the other kind (`typ`) or without `typ` are
      refused;
  (b) what txng makes (`txng demo`: the registry JWS, the labels, the trace documents; `txng sign
      --element-string --qr-png`) must verify here, with alg `Ed25519` and the explicit `typ`.

Usage: python3 tests/interop/interop.py [--txng PATH] [--demo-data DIR]
Prints one line per case and, last, "N passed, N failed"; exits 1 if any failed.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path
from urllib.parse import quote, urlsplit, parse_qsl, unquote

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

ROOT = Path(__file__).resolve().parents[2]

# FORMAT.md §1.4: the signed bytes of AI (8030).
SIGNING_DOMAIN = b"TXNG-GS1-8030-ED25519-V1"
PROFILE_ED25519_V1 = 0x01
GS = "\x1d"
# Key and key qualifiers (path, in this order), then data attributes (query), sorted by AI digits.
PATH_AIS = ["01", "22", "10", "21"]
FIXED_LENGTH = {"01": 14, "11": 6, "13": 6, "15": 6, "17": 6}


def b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64u_decode(text: str) -> bytes:
    if any(c in text for c in "=+/ \n"):
        raise ValueError("not unpadded base64url")
    raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    if b64u(raw) != text:  # one spelling per value (zero trailing bits)
        raise ValueError("non-canonical base64url")
    return raw


def raw_public(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def gtin_check_digit(body13: str) -> str:
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body13)))
    return str((10 - total % 10) % 10)


def canonical_elements(elements: dict[str, str]) -> list[tuple[str, str]]:
    """Elements except 8030: 01, 22, 10, 21, then data attributes sorted by AI digits."""
    head = [(ai, elements[ai]) for ai in PATH_AIS if ai in elements]
    attrs = sorted((ai, v) for ai, v in elements.items() if ai not in PATH_AIS and ai != "8030")
    return head + attrs


def signing_input(elements: dict[str, str], key_number: int) -> bytes:
    header = bytes([PROFILE_ED25519_V1]) + key_number.to_bytes(2, "big")
    m = SIGNING_DOMAIN + b"\x00" + header
    for ai, v in canonical_elements(elements):
        m += ai.encode() + v.encode() + b"\x1d"
    return m


def sign_8030(elements: dict[str, str], key_number: int, key: Ed25519PrivateKey) -> str:
    header = bytes([PROFILE_ED25519_V1]) + key_number.to_bytes(2, "big")
    sig = key.sign(signing_input(elements, key_number))
    value = b64u(header + sig)
    assert len(value) == 90
    return value


def to_uri(base: str, elements: dict[str, str], sig8030: str) -> str:
    unreserved = "-._~"
    uri = base.rstrip("/")
    for ai in PATH_AIS:
        if ai in elements:
            uri += f"/{ai}/{quote(elements[ai], safe=unreserved)}"
    query = [f"{ai}={quote(v, safe=unreserved)}" for ai, v in canonical_elements(elements) if ai not in PATH_AIS]
    query.append(f"8030={sig8030}")
    return uri + "?" + "&".join(query)


def to_element_string(elements: dict[str, str], sig8030: str) -> str:
    out, need_gs = "", False
    for ai, v in canonical_elements(elements):
        if need_gs:
            out += GS
        out += ai + v
        need_gs = ai not in FIXED_LENGTH
    if need_gs:
        out += GS
    return out + "8030" + sig8030


def parse_uri(uri: str) -> dict[str, str]:
    """The elements of a GS1 Digital Link URI (enough for txng's own output)."""
    parts = urlsplit(uri)
    segs = [s for s in parts.path.split("/") if s]
    start = next(i for i in range(len(segs)) if segs[i] == "01")
    segs = segs[start:]
    elements = {segs[i]: unquote(segs[i + 1]) for i in range(0, len(segs) - 1, 2)}
    for k, v in parse_qsl(parts.query, keep_blank_values=True):
        if k.isdigit():
            elements[k] = v
    return elements


# FORMAT.md §2.1: explicit typing; the short form of application/txng-…+jws (RFC 7515 §4.1.9).
REGISTRY_TYP = "txng-registry+jws"
TRACE_TYP = "txng-trace+jws"


def jws_sign(payload: dict | bytes, kid: str, typ: str | None, key: Ed25519PrivateKey, alg: str = "Ed25519") -> str:
    """A compact JWS; `alg` `Ed25519` (RFC 9864) or the deprecated `EdDSA` (RFC 8037); no `typ` if None."""
    body = payload if isinstance(payload, bytes) else json.dumps(payload, ensure_ascii=False).encode()
    header = {"alg": alg, "kid": kid}
    if typ is not None:
        header["typ"] = typ
    header = json.dumps(header).encode()
    signing = b64u(header) + "." + b64u(body)
    return signing + "." + b64u(key.sign(signing.encode()))


def jws_verify(token: str, public: bytes) -> tuple[dict, dict]:
    """Verifies a compact Ed25519 JWS with `cryptography`; returns (header, payload)."""
    h, p, s = token.strip().split(".")
    header = json.loads(b64u_decode(h))
    assert header["alg"] in ("EdDSA", "Ed25519"), header
    Ed25519PublicKey.from_public_bytes(public).verify(b64u_decode(s), f"{h}.{p}".encode())
    return header, json.loads(b64u_decode(p))


# --------------------------------------------------------------------------------------------------
# (a) documents made here, verified by txng

RESOLVER = "truyxuat.interop.example.vn"
NOW = "2026-06-01T09:00:00+07:00"
PREFIX = "893777001"  # GS1 Viet Nam (893), a company prefix of 9 digits
GTIN = "0" + PREFIX + "123"
GTIN += gtin_check_digit(GTIN)


def event(step: str, time: str, place: str, **extra) -> dict:
    e = {
        "type": "ObjectEvent",
        "eventTime": time,
        "eventTimeZoneOffset": "+07:00",
        "action": "OBSERVE",
        "epcList": [],
        "bizStep": step,
        "txng:placeName": place,
    }
    e.update(extra)
    return e


def trace_doc(lot: str, recalled: bool = False) -> dict:
    events = [
        event("planting", "2025-10-01T07:00:00+07:00", "Vườn thôn Tân Hòa"),
        event("harvesting", "2026-03-10T06:30:00+07:00", "Vườn thôn Tân Hòa", **{"txng:actor": "Tổ hợp tác Tân Hòa"}),
        event("packing", "2026-03-11T14:00:00+07:00", "Xưởng đóng gói Khe Sanh"),
        event("shipping", "2026-03-12T08:00:00+07:00", "Kho Khe Sanh"),
    ]
    if recalled:
        events.append(event("holding", "2026-05-20T10:00:00+07:00", "Kho Khe Sanh", disposition="recalled"))
    # Every event names the lot (txng's EPCIS profile, FORMAT.md §3.6): its LGTIN EPC class.
    for e in events:
        del e["epcList"]
        e["quantityList"] = [{"epcClass": f"urn:epc:class:lgtin:{PREFIX}.0{GTIN[10:13]}.{lot}"}]
    return {
        "format": "txng-trace/1",
        "gtin": GTIN,
        "lot": lot,
        "product": {
            "name": "Cà phê Arabica rang xay (interop)",
            "brand": "Thử nghiệm",
            "category": "Cà phê rang xay",
            "net_content": "500 g",
            "image_url": "https://example.vn/anh.jpg",
            "standards": [{"kind": "tcvn", "number": "TCVN 5251:2015", "name": "Cà phê bột"}],
            "has_expiry": True,
        },
        "epcis": {
            "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
                         {"txng": "https://truyxuat.quangtri.gov.vn/ns/txng#"}],
            "type": "EPCISDocument",
            "schemaVersion": "2.0",
            "creationDate": "2026-03-12T08:00:00+07:00",
            "epcisBody": {"eventList": events},
        },
    }


def registry_doc(producer_keys: list[dict]) -> dict:
    return {
        "format": "txng-registry/1",
        "authority": {
            "name": "Cơ quan thử nghiệm liên thông",
            "hotline": "0000 000 000",
            "report_url": "https://example.vn/bao-cao",
        },
        "issued_at": "2026-01-01T00:00:00Z",
        "next_update": "2027-01-01T00:00:00Z",
        "resolvers": [RESOLVER],
        "trace_url_templates": [f"https://{RESOLVER}/trace/{{gtin}}/{{lot}}.jws"],
        "producers": [
            {
                "id": "htx-interop",
                "name": "Hợp tác xã Thử nghiệm Liên thông",
                "tax_code": "3200000000",
                "address": {"street": "Thôn Tân Hòa", "commune": "Xã Khe Sanh", "province": "Quảng Trị"},
                "gs1_company_prefixes": [PREFIX],
                "certifications": [{"kind": "vietgap", "number": "VG-0001"}],
                "keys": producer_keys,
            }
        ],
        "demo": False,
    }


class Runner:
    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0

    def case(self, name: str, fn) -> None:
        try:
            fn()
        except Exception as e:  # noqa: BLE001 - every failure is reported, then counted
            self.failed += 1
            print(f"FAIL {name}: {e}")
            if os.environ.get("INTEROP_VERBOSE"):
                traceback.print_exc()
        else:
            self.passed += 1
            print(f"ok   {name}")


def anchors_json(kid: str, public: bytes) -> list:
    # The shape `txng verify --anchors` reads: a list of {kid, public_key (base64url)}.
    return [{"kid": kid, "public_key": b64u(public)}]


def run_verify(txng: str, text: str, work: Path, trace: Path | None) -> dict:
    cmd = [txng, "verify", text, "--registry", str(work / "registry.jws"), "--anchors", str(work / "anchors.json"),
           "--now", NOW, "--json"]
    if trace is not None:
        cmd += ["--trace", str(trace)]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    if p.returncode not in (0, 1):
        raise AssertionError(f"txng verify exit {p.returncode}: {p.stderr.strip()}")
    return json.loads(p.stdout)


def codes_of(verdict: dict) -> list[str]:
    return [c["code"] if isinstance(c, dict) else c for c in verdict.get("checks", [])]


def expect(verdict: dict, state: str, *codes: str) -> None:
    got = codes_of(verdict)
    if verdict.get("state") != state or any(c not in got for c in codes):
        raise AssertionError(f"wanted {state} with {list(codes)}, got {verdict.get('state')} with {got}")


def part_a(r: Runner, txng: str, work: Path) -> None:
    authority = Ed25519PrivateKey.generate()
    k1, k2, k3 = (Ed25519PrivateKey.generate() for _ in range(3))
    keys = [
        {"number": 1, "public_key": b64u(raw_public(k1)), "valid_from": "2025-01-01T00:00:00Z"},
        {"number": 2, "public_key": b64u(raw_public(k2)), "valid_from": "2024-01-01T00:00:00Z",
         "retired_at": "2025-01-01T00:00:00Z"},
        {"number": 3, "public_key": b64u(raw_public(k3)), "valid_from": "2024-01-01T00:00:00Z",
         "revoked_at": "2026-02-01T00:00:00Z", "revocation_reason": "lost"},
    ]
    kid = "interop-authority-2026"
    (work / "registry.jws").write_text(jws_sign(registry_doc(keys), kid, REGISTRY_TYP, authority))
    (work / "anchors.json").write_text(json.dumps(anchors_json(kid, raw_public(authority))))

    def label(lot: str, serial: str, key_number: int, key: Ed25519PrivateKey) -> tuple[dict, str]:
        el = {"01": GTIN, "10": lot, "21": serial, "17": "271231", "7007": "260310"}
        return el, sign_8030(el, key_number, key)

    def trace_file(lot: str, key_number: int, key: Ed25519PrivateKey, recalled: bool = False,
                   alg: str = "Ed25519", typ: str | None = TRACE_TYP, doc: dict | None = None) -> Path:
        path = work / f"trace-{lot}-{key_number}-{alg}-{str(typ).replace('/', '_')}.jws"
        path.write_text(jws_sign(doc or trace_doc(lot, recalled), f"htx-interop#{key_number}", typ, key, alg))
        return path

    el, sig = label("CF2603A", "000123", 1, k1)
    t_ok = trace_file("CF2603A", 1, k1)

    r.case("a1 URI signed here verifies in txng (verified, trace valid)",
           lambda: expect(run_verify(txng, to_uri(f"https://{RESOLVER}", el, sig), work, t_ok),
                          "verified", "registry.valid", "signature.valid", "host.official", "trace.valid"))
    r.case("a2 element string with GS verifies in txng",
           lambda: expect(run_verify(txng, to_element_string(el, sig), work, t_ok),
                          "verified", "signature.valid", "host.absent", "trace.valid"))

    def scanned_gs1_qr() -> None:
        # zxing-cpp writes the label as a GS1 QR Code from its bracketed form and reads it back;
        # what a scanner sends (]Q3 + data with GS) verifies in txng.
        import zxingcpp

        bracketed = "".join(f"({ai}){v}" for ai, v in canonical_elements(el)) + f"(8030){sig}"
        made = zxingcpp.create_barcode(bracketed, zxingcpp.BarcodeFormat.QRCode, gs1=True)
        (code,) = zxingcpp.read_barcodes(made.to_image(scale=4), text_mode=zxingcpp.TextMode.Plain)
        assert code.symbology_identifier == "]Q3", code.symbology_identifier
        assert code.bytes.decode() == to_element_string(el, sig), code.bytes
        expect(run_verify(txng, code.symbology_identifier + code.bytes.decode(), work, t_ok),
               "verified", "signature.valid", "host.absent", "trace.valid")

    r.case("a2b GS1 QR Code made and read by zxing-cpp (]Q3 + element string) verifies in txng", scanned_gs1_qr)
    r.case("a3 lot changed after signing -> signature.invalid",
           lambda: expect(run_verify(txng, to_uri(f"https://{RESOLVER}", {**el, "10": "CF2603B"}, sig), work, None),
                          "invalid", "signature.invalid"))
    el2, sig2 = label("CF2401R", "000007", 2, k2)
    # A retired key is a harmless fact: green, with the note (FORMAT.md §4.2).
    r.case("a4 retired key -> verified, key.retired as a note",
           lambda: expect(run_verify(txng, to_uri(f"https://{RESOLVER}", el2, sig2), work, trace_file("CF2401R", 2, k2)),
                          "verified", "signature.valid", "key.retired"))
    el3, sig3 = label("CF2401X", "000009", 3, k3)
    r.case("a5 revoked key -> invalid, key.revoked",
           lambda: expect(run_verify(txng, to_uri(f"https://{RESOLVER}", el3, sig3), work, None),
                          "invalid", "key.revoked"))
    el4, sig4 = label("CF2603Z", "000200", 1, k1)
    r.case("a6 recalled lot in trace signed here -> invalid, lot.recalled",
           lambda: expect(run_verify(txng, to_uri(f"https://{RESOLVER}", el4, sig4), work,
                                     trace_file("CF2603Z", 1, k1, recalled=True)),
                          "invalid", "signature.valid", "trace.valid", "lot.recalled"))
    r.case("a7 other host -> verified_with_warnings, host.unofficial",
           lambda: expect(run_verify(txng, to_uri("https://qr-check.example.com", el, sig), work, t_ok),
                          "verified_with_warnings", "signature.valid", "host.unofficial"))
    forged = Ed25519PrivateKey.generate()
    r.case("a8 registry signed by another key -> cannot_tell, registry.signature_invalid",
           lambda: forged_registry(txng, work, forged, kid, keys, el, sig))
    uri = to_uri(f"https://{RESOLVER}", el, sig)
    # Both alg values (RFC 9864 Ed25519, RFC 8037 EdDSA) in the registry and the trace document.
    for alg in ("Ed25519", "EdDSA"):
        r.case(f"a10 registry and trace signed here with alg {alg} -> verified",
               lambda alg=alg: expect(
                   run_verify(txng, uri, other_registry(work, f"alg-{alg}", jws_sign(registry_doc(keys), kid, REGISTRY_TYP, authority, alg)),
                              trace_file("CF2603A", 1, k1, alg=alg)),
                   "verified", "registry.valid", "trace.valid"))
    # Explicit typing (RFC 8725 §3.11): a validly signed document of the other kind is refused.
    r.case("a11 trace document (authority-signed, typ trace) presented as the registry -> registry.wrong_type",
           lambda: expect(run_verify(txng, uri, other_registry(work, "typ-trace", jws_sign(trace_doc("CF2603A"), kid, TRACE_TYP, authority)), None),
                          "cannot_tell", "registry.wrong_type"))
    r.case("a12 registry payload signed by the authority without typ -> registry.wrong_type",
           lambda: expect(run_verify(txng, uri, other_registry(work, "typ-none", jws_sign(registry_doc(keys), kid, None, authority)), None),
                          "cannot_tell", "registry.wrong_type"))
    r.case("a13 registry (producer-signed, typ registry) presented as the trace -> trace.wrong_type",
           lambda: expect(run_verify(txng, uri, work, trace_file("CF2603A", 1, k1, typ=REGISTRY_TYP, doc=registry_doc(keys))),
                          "verified_with_warnings", "signature.valid", "trace.wrong_type"))
    r.case("a14 the lot's trace document typed as a registry -> trace.wrong_type, not shown",
           lambda: expect(run_verify(txng, uri, work, trace_file("CF2603A", 1, k1, typ=REGISTRY_TYP)),
                          "verified_with_warnings", "trace.wrong_type"))
    r.case("a15 trace without typ -> trace.wrong_type; application/ long form and old +json typ accepted",
           lambda: (expect(run_verify(txng, uri, work, trace_file("CF2603A", 1, k1, typ=None)),
                           "verified_with_warnings", "trace.wrong_type"),
                    expect(run_verify(txng, uri, work, trace_file("CF2603A", 1, k1, typ="application/" + TRACE_TYP)),
                           "verified", "trace.valid"),
                    expect(run_verify(txng, uri, work, trace_file("CF2603A", 1, k1, typ="txng-trace+json")),
                           "verified", "trace.valid")))
    # Sharded registry (FORMAT.md §2.7), issued here from the spec alone: an index signed with
    # typ txng-registry-index+jws pinning the shard's length and SHA-256 (hashlib).
    def sharded(name: str, shard_edit=None, from_: str = PREFIX[:4]) -> Path:
        d = work / name
        (d / "shards").mkdir(parents=True, exist_ok=True)
        doc = registry_doc(keys)
        shard = json.dumps({"format": "txng-registry-shard/1", "from": from_, "version": 3,
                            "producers": doc["producers"]}, ensure_ascii=False).encode()
        index = {k: v for k, v in doc.items() if k not in ("format", "producers")}
        index.update({"format": "txng-registry-index/1", "version": 7,
                      "shard_url_template": "shards/{from}-v{version}.json",
                      "shards": [{"from": from_, "version": 3, "length": len(shard),
                                  "sha256": hashlib.sha256(shard).hexdigest()}]})
        (d / "registry-index.jws").write_text(jws_sign(index, kid, "txng-registry-index+jws", authority))
        (d / "shards" / f"{from_}-v3.json").write_bytes(shard_edit(shard) if shard_edit else shard)
        (d / "anchors.json").write_text((work / "anchors.json").read_text())
        return d

    def run_sharded(d: Path) -> dict:
        p = subprocess.run([txng, "verify", uri, "--registry", str(d / "registry-index.jws"), "--sharded",
                            "--anchors", str(d / "anchors.json"), "--trace", str(t_ok), "--now", NOW, "--json"],
                           capture_output=True, text=True, timeout=60)
        if p.returncode not in (0, 1):
            raise AssertionError(f"txng verify exit {p.returncode}: {p.stderr.strip()}")
        return json.loads(p.stdout)

    r.case("a16 sharded registry issued here (index + hash-pinned shard) -> verified",
           lambda: expect(run_sharded(sharded("sharded-ok")), "verified", "registry.valid", "signature.valid",
                          "trace.valid"))
    r.case("a17 sharded registry, one byte of the shard changed -> cannot_tell, registry.shard_hash_mismatch",
           lambda: expect(run_sharded(sharded("sharded-tampered", lambda b: b.replace(b"VG-0001", b"VG-0002"))),
                          "cannot_tell", "registry.shard_hash_mismatch"))
    # The shard's range starts inside the company prefix: some of its GTINs would look elsewhere.
    r.case("a18 sharded registry whose range starts inside the company prefix -> registry.shard_inconsistent",
           lambda: expect(run_sharded(sharded("sharded-range", from_=PREFIX + "12")), "cannot_tell",
                          "registry.shard_inconsistent"))
    r.case("a9 trace signed by an unlisted key -> trace.signer_unknown",
           lambda: expect(run_verify(txng, to_uri(f"https://{RESOLVER}", el, sig), work,
                                     trace_file("CF2603A", 9, forged)),
                          "invalid", "signature.valid", "trace.signer_unknown"))


def other_registry(work: Path, name: str, jws: str) -> Path:
    """A directory with another registry.jws and the same anchors, for run_verify."""
    d = work / name
    d.mkdir(exist_ok=True)
    (d / "registry.jws").write_text(jws)
    (d / "anchors.json").write_text((work / "anchors.json").read_text())
    return d


def forged_registry(txng: str, work: Path, forged: Ed25519PrivateKey, kid: str, keys: list, el: dict, sig: str) -> None:
    bad = work / "forged"
    bad.mkdir(exist_ok=True)
    (bad / "registry.jws").write_text(jws_sign(registry_doc(keys), kid, REGISTRY_TYP, forged))
    (bad / "anchors.json").write_text((work / "anchors.json").read_text())
    expect(run_verify(txng, to_uri(f"https://{RESOLVER}", el, sig), bad, None), "cannot_tell",
           "registry.signature_invalid")


# --------------------------------------------------------------------------------------------------
# (b) documents made by txng, verified here


def load_anchors(path: Path) -> dict[str, bytes]:
    doc = json.loads(path.read_text())
    items = doc.get("anchors", doc) if isinstance(doc, dict) else doc
    out = {}
    for a in items:
        key = a.get("public_key") or a.get("key") or a.get("x")
        out[a["kid"]] = b64u_decode(key)
    return out


def part_b(r: Runner, demo: Path) -> None:
    anchors = load_anchors(demo / "anchors.json")
    registry_text = (demo / "registry.jws").read_text()
    state: dict = {}

    def registry() -> None:
        kid = json.loads(b64u_decode(registry_text.split(".")[0]))["kid"]
        header, payload = jws_verify(registry_text, anchors[kid])
        assert payload["format"] == "txng-registry/1", payload.get("format")
        # txng writes RFC 9864's fully specified alg and the explicit type.
        assert (header["alg"], header.get("typ")) == ("Ed25519", REGISTRY_TYP), header
        state["registry"] = payload

    r.case("b1 txng's registry JWS (alg Ed25519, typ txng-registry+jws) verifies with cryptography", registry)

    def producer_key(gtin: str, number: int) -> tuple[dict, bytes]:
        reg = state["registry"]
        best = max(((p, pre) for p in reg["producers"] for pre in p["gs1_company_prefixes"] if gtin[1:].startswith(pre)),
                   key=lambda x: len(x[1]))
        producer = best[0]
        k = next(k for k in producer["keys"] if k["number"] == number)
        return producer, b64u_decode(k["public_key"])

    links = json.loads((demo / "links.json").read_text())
    cases = links.get("cases", links) if isinstance(links, dict) else links

    def uri_of(c: dict) -> str | None:
        for k in ("canonical", "uri"):
            if str(c.get(k, "")).startswith(("https://", "http://")):
                return c[k]
        return None

    def label_ok(c: dict) -> bool:
        el = parse_uri(uri_of(c))
        raw = b64u_decode(el["8030"])
        assert raw[0] == PROFILE_ED25519_V1 and len(raw) == 67
        number = int.from_bytes(raw[1:3], "big")
        _, pub = producer_key(el["01"], number)
        try:
            Ed25519PublicKey.from_public_bytes(pub).verify(raw[3:], signing_input(el, number))
        except InvalidSignature:
            return False
        return True

    good = [c for c in cases if "signature.valid" in c.get("codes", []) and uri_of(c)]

    def labels() -> None:
        assert good, "links.json has no case with signature.valid"
        bad = [c["id"] for c in good if not label_ok(c)]
        assert not bad, f"signatures do not verify: {bad}"

    r.case(f"b2 txng's signed labels (AI 8030) verify with cryptography ({len(good)} labels)", labels)

    tampered = [c for c in cases if c.get("code") == "signature.invalid" and uri_of(c)]

    def tampered_fail() -> None:
        assert tampered, "links.json has no signature.invalid case"
        ok = [c["id"] for c in tampered if label_ok(c)]
        assert not ok, f"tampered labels verify: {ok}"

    r.case("b3 txng's tampered demo labels fail with cryptography too", tampered_fail)

    traced = sorted({c["trace"] for c in cases if "trace.valid" in c.get("codes", []) and c.get("trace")})

    def traces() -> None:
        assert traced, "links.json has no case with trace.valid"
        reg = state["registry"]
        for name in traced:
            text = (demo / name).read_text()
            header = json.loads(b64u_decode(text.split(".")[0]))
            pid, num = header["kid"].rsplit("#", 1)
            producer = next(p for p in reg["producers"] if p["id"] == pid)
            key = next(k for k in producer["keys"] if k["number"] == int(num))
            header, payload = jws_verify(text, b64u_decode(key["public_key"]))
            assert payload["format"] == "txng-trace/1", name
            assert (header["alg"], header.get("typ")) == ("Ed25519", TRACE_TYP), (name, header)
            assert payload["epcis"]["type"] == "EPCISDocument", name

    r.case(f"b4 txng's trace JWS documents verify with cryptography ({len(traced)} documents)", traces)


def part_b_cli(r: Runner, txng: str, work: Path) -> None:
    """txng keygen -> txng registry sign -> txng sign: the issuer's tools, checked here."""

    def run(*args: str) -> str:
        p = subprocess.run([txng, *args], capture_output=True, text=True, timeout=60, cwd=work)
        if p.returncode != 0:
            raise AssertionError(f"txng {' '.join(args[:2])}: exit {p.returncode}: {p.stderr.strip()}")
        return p.stdout

    def flow() -> None:
        run("keygen", "--out", "authority.pem")
        run("keygen", "--out", "producer.pem", "--producer", "htx-interop", "--number", "4", "--now", "2026-01-01T00:00:00Z")
        auth_pub = b64u_decode((work / "authority.pem.pub").read_text().strip())
        prod_pub = b64u_decode((work / "producer.pem.pub").read_text().strip())
        # The PEM files are standard PKCS#8: cryptography reads them and finds the same public keys.
        for pem, pub in (("authority.pem", auth_pub), ("producer.pem", prod_pub)):
            key = serialization.load_pem_private_key((work / pem).read_bytes(), password=None)
            assert raw_public(key) == pub, f"{pem}: public key differs from {pem}.pub"
        doc = registry_doc([{"number": 4, "public_key": b64u(prod_pub), "valid_from": "2026-01-01T00:00:00Z"}])
        (work / "producers.json").write_text(json.dumps(doc, ensure_ascii=False))
        run("registry", "sign", "--producers", "producers.json", "--key", "authority.pem", "--kid", "cli-authority",
            "--out", "registry.jws", "--now", "2026-06-01T00:00:00Z")
        header, payload = jws_verify((work / "registry.jws").read_text(), auth_pub)
        assert header["kid"] == "cli-authority", header
        assert (header["alg"], header["typ"]) == ("Ed25519", REGISTRY_TYP), header
        assert payload["producers"][0]["keys"][0]["public_key"] == b64u(prod_pub)
        uri = run("sign", "--key", "producer.pem", "--producer-number", "4", "--gtin", GTIN, "--lot", "CLI-1",
                  "--serial", "77", "--expiry", "2027-12-31", "--harvest", "2026-03-01..2026-03-05",
                  "--base", f"https://{RESOLVER}").strip().splitlines()[0]
        el = parse_uri(uri)
        raw = b64u_decode(el["8030"])
        assert raw[:3] == bytes([1, 0, 4]), raw[:3]
        assert el["7007"] == "260301260305", el
        Ed25519PublicKey.from_public_bytes(prod_pub).verify(raw[3:], signing_input(el, 4))

    r.case("b5 txng keygen + registry sign + sign: keys, registry and label verify with cryptography", flow)

    def gs1_qr() -> None:
        # The element-string label as a GS1 QR Code, read by zxing-cpp (independent of txng).
        import zxingcpp
        from qr_decode import read_png_grey

        run("keygen", "--out", "p2.pem", "--producer", "htx-interop", "--number", "5", "--now", "2026-01-01T00:00:00Z")
        pub = b64u_decode((work / "p2.pem.pub").read_text().strip())
        printed = run("sign", "--key", "p2.pem", "--producer-number", "5", "--gtin", GTIN, "--lot", "ES%1",
                      "--serial", "9", "--expiry", "2027-12-31", "--origin", "704", "--element-string",
                      "--qr-png", "es.png").strip().splitlines()[0]
        pixels, w, h = read_png_grey(work / "es.png")
        (code,) = zxingcpp.read_barcodes(memoryview(pixels).cast("B", (h, w)), formats=zxingcpp.BarcodeFormat.QRCode,
                                         text_mode=zxingcpp.TextMode.Plain)
        assert code.symbology_identifier == "]Q3", code.symbology_identifier
        el = {"01": GTIN, "10": "ES%1", "21": "9", "17": "271231", "422": "704"}
        raw = b64u_decode(code.bytes.decode().rsplit("8030", 1)[1])
        assert code.bytes.decode() == to_element_string(el, b64u(raw)), code.bytes
        Ed25519PublicKey.from_public_bytes(pub).verify(raw[3:], signing_input(el, 5))
        assert printed.startswith(f"(01){GTIN}(10)ES%1(21)9(17)271231(422)704(8030)"), printed

    r.case("b6 txng sign --element-string --qr-png: a GS1 QR Code (]Q3) whose label verifies with cryptography", gs1_qr)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--txng", default=os.environ.get("TXNG_BIN", str(ROOT / "target/debug/txng")))
    ap.add_argument("--demo-data", default=os.environ.get("TXNG_DEMO_DATA", str(ROOT / "demo-data")))
    args = ap.parse_args()
    r = Runner()
    args.txng = str(Path(args.txng).resolve())
    if not Path(args.txng).exists():
        print(f"FAIL txng binary not found at {args.txng} (cargo build -p txng-cli)")
        r.failed += 1
    else:
        with tempfile.TemporaryDirectory(prefix="txng-interop-") as d:
            part_a(r, args.txng, Path(d))
        with tempfile.TemporaryDirectory(prefix="txng-interop-cli-") as d:
            part_b_cli(r, args.txng, Path(d))
    demo = Path(args.demo_data)
    if not (demo / "registry.jws").exists():
        print(f"FAIL demo data not found at {demo} (txng demo --out {demo})")
        r.failed += 1
    else:
        part_b(r, demo)
    print(f"{r.passed} passed, {r.failed} failed")
    return 1 if r.failed else 0


if __name__ == "__main__":
    sys.exit(main())
