#!/usr/bin/env python3
"""Every demo QR code, read by an independent decoder that reports the symbology (zxing-cpp).

`txng demo --out DIR` renders the cases of DIR/links.json into DIR/qr/{id}.png. Each PNG is decoded
here with zxing-cpp (Python module `zxingcpp`), which reports the AIM symbology identifier, and
checked against docs/FORMAT.md §1.1:

  * a GS1 Digital Link URI (or other plain text) is an ordinary QR Code: `]Q1`, exactly the text;
  * an element string is a GS1 QR Code: `]Q3` (FNC1 in first position), content type GS1, the
    element string with GS (0x1D) only as the separator after values of variable length; no `]Q3`,
    no leading GS in the data. zxing-cpp's own GS1 QR writer, given the code's human-readable form,
    must produce the same data (an independent encoder agreeing on where separators go).

Every case that fits in a QR code (2,953 bytes) must have a PNG, so nothing is skipped silently.
The PNG reader is the standard library's zlib (txng writes 1-bit greyscale PNGs).

Usage: python3 tests/interop/qr_decode.py [--demo-data DIR]
Prints one line per check and, last, "N passed, N failed"; exits 1 if any failed.
"""

from __future__ import annotations

import argparse
import json
import os
import struct
import sys
import zlib
from pathlib import Path

import zxingcpp

ROOT = Path(__file__).resolve().parents[2]
GS = b"\x1d"
QR_MAX_BYTES = 2953
# FORMAT.md §1.2: AIs of the profile and their predefined lengths (None = variable, ends at GS).
AI_LENGTH = {"01": 14, "22": None, "10": None, "21": None, "11": 6, "13": 6, "15": 6, "17": 6,
             "422": None, "7007": None, "8030": None}


def read_png_grey(path: Path) -> tuple[bytes, int, int]:
    """Decodes a non-interlaced greyscale PNG (bit depth 1 or 8) into 8-bit grey pixels."""
    data = path.read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, ihdr = 8, b"", None
    while pos < len(data):
        (n,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + n]
        pos += 12 + n
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
    if ihdr is None:
        raise ValueError("no IHDR")
    w, h, depth, colour, _, _, interlace = ihdr
    if colour != 0 or depth not in (1, 8) or interlace != 0:
        raise ValueError(f"unsupported PNG: colour type {colour}, depth {depth}, interlace {interlace}")
    raw = zlib.decompress(idat)
    stride = (w * depth + 7) // 8
    bpp = 1  # filter byte distance: one byte for grey <= 8 bits
    out = bytearray()
    prev = bytearray(stride)
    i = 0
    for _ in range(h):
        f = raw[i]
        line = bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            elif f != 0:
                raise ValueError(f"bad filter {f}")
        prev = line
        if depth == 8:
            out += line
        else:
            out += bytes(255 if line[x // 8] & (0x80 >> (x % 8)) else 0 for x in range(w))
    return bytes(out), w, h


def expected_symbol(text: str) -> tuple[str, bytes]:
    """(symbology identifier, data) a conformant QR code of this scanned text has (FORMAT.md §1.1)."""
    t = text.strip(" \t\r\n")
    if t.startswith("]Q3"):
        return "]Q3", t[3:].lstrip("\x1d").encode()
    lower = t[:8].lower()
    if t.startswith(("]", "(")) or lower.startswith(("https://", "http://")):
        return "]Q1", text.encode()
    es = t.lstrip("\x1d")
    if len(es) >= 2 and es[:2].isdigit():
        return "]Q3", es.encode()
    return "]Q1", text.encode()


def separators(data: bytes) -> tuple[bool, str | None]:
    """Checks GS placement in an element string: (all AIs are the profile's, problem or None)."""
    if data.startswith(GS) or data.endswith(GS) or GS + GS in data or b"]Q3" in data:
        return True, "leading/trailing/double GS or ]Q3 in the data"
    s, i = data.decode("ascii"), 0
    while i < len(s):
        ai = next((a for a in AI_LENGTH if s.startswith(a, i)), None)
        if ai is None:
            return False, None  # an AI outside the profile (a fault case): only the checks above
        i += len(ai)
        n = AI_LENGTH[ai]
        if n is not None:
            i += n
            if s[i:i + 1] == "\x1d":
                return True, f"GS after the predefined-length value of AI {ai}"
        else:
            end = s.find("\x1d", i)
            if end < 0:
                i = len(s)
            else:
                i = end + 1
    return True, None


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--demo-data", default=os.environ.get("TXNG_DEMO_DATA", str(ROOT / "demo-data")))
    args = ap.parse_args()
    demo = Path(args.demo_data)
    passed = failed = 0

    def result(ok: bool, name: str, why: str = "") -> None:
        nonlocal passed, failed
        if ok:
            passed += 1
            print(f"ok   {name}")
        else:
            failed += 1
            print(f"FAIL {name}: {why}")

    links_file = demo / "links.json"
    if not links_file.exists():
        result(False, "demo data", f"{links_file} not found (txng demo --out {demo})")
        print(f"{passed} passed, {failed} failed")
        return 1
    links = json.loads(links_file.read_text())
    cases = {c["id"]: c for key in ("cases", "vector_only") for c in links.get(key, [])}
    pngs = sorted((demo / "qr").glob("*.png"))
    by_symbology = {"]Q1": 0, "]Q3": 0}

    fits = {i for i, c in cases.items() if len(c["uri"].encode()) <= QR_MAX_BYTES}
    missing = sorted(fits - {p.stem for p in pngs})
    result(bool(pngs) and not missing, f"every case that fits in a QR code has a PNG ({len(pngs)} PNGs)",
           f"no PNG for {missing}" if missing else "no PNG at all")

    for png in pngs:
        name = f"qr/{png.name}"
        case = cases.get(png.stem)
        if case is None:
            result(False, name, "no case with this id in links.json")
            continue
        try:
            pixels, w, h = read_png_grey(png)
            found = zxingcpp.read_barcodes(memoryview(pixels).cast("B", (h, w)),
                                           formats=zxingcpp.BarcodeFormat.QRCode,
                                           text_mode=zxingcpp.TextMode.Plain)
        except Exception as e:  # noqa: BLE001 - reported and counted
            result(False, name, f"{type(e).__name__}: {e}")
            continue
        if len(found) != 1:
            result(False, name, f"{len(found)} QR codes decoded, expected 1")
            continue
        code = found[0]
        sym, data = expected_symbol(case["uri"])
        problems = []
        if code.symbology_identifier != sym:
            problems.append(f"symbology {code.symbology_identifier}, expected {sym}")
        if code.bytes != data:
            problems.append(f"data {code.bytes!r}, expected {data!r}")
        if sym == "]Q3":
            if code.content_type != zxingcpp.ContentType.GS1:
                problems.append(f"content type {code.content_type}, expected GS1")
            known, why = separators(code.bytes)
            if why:
                problems.append(why)
            # zxing-cpp's own GS1 QR encoder, from the human-readable form, agrees on the data.
            hri = zxingcpp.read_barcodes(memoryview(pixels).cast("B", (h, w)),
                                         formats=zxingcpp.BarcodeFormat.QRCode,
                                         text_mode=zxingcpp.TextMode.HRI)[0].text
            try:
                theirs = zxingcpp.create_barcode(hri, zxingcpp.BarcodeFormat.QRCode, gs1=True)
                if theirs.bytes != code.bytes or theirs.symbology_identifier != "]Q3":
                    problems.append(f"zxing-cpp encodes {hri!r} as {theirs.symbology_identifier} "
                                    f"{theirs.bytes!r}")
            except Exception as e:  # noqa: BLE001 - a fault case may break GS1 rules on purpose
                if known:
                    problems.append(f"zxing-cpp cannot encode {hri!r}: {e}")
        elif code.content_type == zxingcpp.ContentType.GS1:
            problems.append("a plain code reads as GS1")
        by_symbology[sym] = by_symbology.get(sym, 0) + 1
        result(not problems, f"{name} {sym}", "; ".join(problems))

    result(by_symbology["]Q1"] > 0 and by_symbology["]Q3"] > 0,
           f"both kinds present: {by_symbology[']Q1']} plain (]Q1), {by_symbology[']Q3']} GS1 (]Q3)",
           f"{by_symbology}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
