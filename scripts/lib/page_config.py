"""The deployment's configuration in a page: the JSON of its <script id="txng-config"> block.

Shared by scripts/build-web.sh's steps (the page rewrite, the service worker's precache list and
the size summary each used to carry their own copy of the pattern).

    python3 scripts/lib/page_config.py PAGE first-module
prints the verify-first module a Vietnamese reader's page loads for the configured registry format.
"""
import json
import re
import sys

BLOCK = re.compile(r'(<script id="txng-config" type="application/json">)(.*?)(</script>)', re.S)


def find(html):
    """The block's match (group 2: its JSON text), or None."""
    return BLOCK.search(html)


def read(html):
    """The configuration as a dict; {} for a page without the block."""
    m = find(html)
    return json.loads(m.group(2)) if m else {}


def first_module(cfg):
    """The verify-first module (pkg/NAME*) a Vietnamese reader's page loads: index.html's preload
    script and assets/boot.js pick it by the same rule."""
    return "txng_first_sharded" if cfg.get("registry_format") == "sharded" else "txng_first"


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[2] != "first-module":
        sys.exit("usage: page_config.py PAGE first-module")
    print(first_module(read(open(sys.argv[1], encoding="utf-8").read())))
