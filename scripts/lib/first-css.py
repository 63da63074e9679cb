#!/usr/bin/env python3
"""Writes the stylesheet a page needs before the interface has loaded (issue 10).

    first-css.py APP_CSS INDEX_HTML OUT_CSS

A label link's page shows the boot placeholder's header and then the verify-first module's verdict
banner; the interface, with its product card, timeline, scanner and kiosk screens, loads after that
verdict. app.css styles all of it (3.7 KB brotli); the page links OUT_CSS, the rules of app.css that
can match the placeholder or the banner, in app.css's order, and assets/boot.js adds app.css itself
before it mounts the interface. The cascade is unchanged: every rule of OUT_CSS is in app.css with
the same declarations, and app.css comes later, so once it has loaded each element is styled as by
app.css alone. (tests/e2e/perf.test.mjs compares every computed style of the banner and header
under OUT_CSS alone with those under both.)

A style rule is kept if one of its selectors names only classes of the first screen:
  - those of INDEX_HTML's placeholder (class="…" attributes),
  - `main`, `txng-first` (src/first.rs wraps the banner in `div.main.txng-first`), `txng-root`,
  - `btn--primary` (assets/boot.js's reload button, when the interface fails to load),
  - every class starting with `verdict` (src/verdict.rs, the banner the module and the interface
    share).
Selectors without a class (`:root`, `html`, `body`) are kept. @media and @container blocks keep the
rules of theirs that qualify; @keyframes are kept if a kept rule names them. Comments are dropped.
"""
import re
import sys

app_css, index_html, out_css = sys.argv[1:4]
css = open(app_css, encoding="utf-8").read()
page = open(index_html, encoding="utf-8").read()

first = {"main", "txng-first", "txng-root", "btn--primary"}
for attr in re.findall(r'class="([^"]*)"', page):
    first.update(attr.split())


def first_screen(cls):
    return cls in first or cls.startswith("verdict")


def strip_comments(text):
    out, i = [], 0
    while i < len(text):
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end < 0:
                sys.exit(f"first-css: unterminated comment in {app_css}")
            i = end + 2
        elif text[i] in "\"'":
            q, j = text[i], i + 1
            while j < len(text) and text[j] != q:
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def blocks(text):
    """Top-level (prelude, body) pairs; strings and nested braces respected."""
    items, i, n = [], 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        start = text.find("{", i)
        if start < 0:
            if text[i:].strip():
                sys.exit(f"first-css: text after the last rule of {app_css}: {text[i:].strip()[:40]!r}")
            break
        depth, j = 1, start + 1
        while depth:
            if j >= n:
                sys.exit(f"first-css: unbalanced braces in {app_css}")
            c = text[j]
            if c in "\"'":
                j += 1
                while text[j] != c:
                    j += 2 if text[j] == "\\" else 1
            elif c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
            j += 1
        items.append((text[i:start].strip(), text[start + 1:j - 1]))
        i = j
    return items


def keep_selector(selector):
    # Every class the selector names (those inside :not(…) too: `.txng a:not(.btn)` needs `btn`),
    # leaving out attribute selectors, whose values may hold dots.
    classes = re.findall(r"\.(-?[_a-zA-Z][-_a-zA-Z0-9]*)", re.sub(r"\[[^\]]*\]", "", selector))
    return all(first_screen(c) for c in classes)


def select(text):
    kept = []
    for prelude, body in blocks(text):
        if prelude.startswith("@keyframes"):
            kept.append(("keyframes", prelude, body))
        elif prelude.startswith("@media") or prelude.startswith("@container"):
            inner = select(body)
            if inner:
                kept.append(("block", prelude, inner))
        elif prelude.startswith("@"):
            sys.exit(f"first-css: at-rule {prelude.split()[0]} not handled")
        elif any(keep_selector(s) for s in prelude.split(",")):
            kept.append(("rule", prelude, body))
    return kept


def render(items, names_used):
    out = []
    for kind, prelude, body in items:
        if kind == "keyframes":
            if prelude.split()[1] in names_used:
                out.append(f"{prelude} {{{body.strip()}}}")
        elif kind == "block":
            inner = render(body, names_used)
            if inner:
                out.append(f"{prelude} {{\n{inner}\n}}")
        else:
            out.append(f"{prelude} {{{body.strip()}}}")
    return "\n".join(out)


def flat(items):
    for kind, prelude, body in items:
        if kind == "block":
            yield from flat(body)
        elif kind == "rule":
            yield body


items = select(strip_comments(css))
used = set(re.findall(r"[-_a-zA-Z0-9]+", " ".join(flat(items))))
result = render(items, used) + "\n"
for must in (".verdict", ".top__title", ".boot__msg"):
    if must not in result:
        sys.exit(f"first-css: no {must} rule kept (app.css or the class list changed?)")
open(out_css, "w", encoding="utf-8").write(result)
print(f"first-css: {len(result)} of {len(css)} characters of {app_css} kept in {out_css}")
