// Differential test of the label's URL handling (FORMAT.md §1.1, §1.6): the core's decision on
// thousands of generated variants of signed labels is compared with the WHATWG URL parser of Node
// (`new URL()`, what browsers use to open the link).
//
// For every input the core either refuses it (any code but payload.parsed: the label is never
// green) or accepts it; when it accepts, Node must parse it too, and
//   - Node's hostname (without one trailing dot) is the host the core reports,
//   - host.official / host.unofficial agree with the registry's resolvers applied to Node's hostname,
//   - the GS1 elements Node's pathname and searchParams give (from the first "01" segment; query
//     keys made only of digits) are exactly the core's elements.
// Any other outcome is a failure. The run also fails if too few inputs are accepted (a core that
// refused everything would otherwise pass).
//
// Usage: node tests/interop/url_diff.mjs [--decide PATH] [--count N] [--seed S] [--show N]
//   PATH: the core's decision program (default: cargo run -q -p txng-core --example url_decide).
// Last line: "N passed, M failed" (one per generated input), as scripts/test.sh counts it.

import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const COUNT = Number(opt("--count", "6000"));
const SHOW = Number(opt("--show", "10"));
let seed = Number(opt("--seed", "20261128")) >>> 0;

// mulberry32: a small deterministic PRNG, so that every run checks the same corpus.
function rand() {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (a) => a[Math.floor(rand() * a.length)];
const chance = (p) => rand() < p;

// Signed labels from the committed vectors: official host, local demo host, look-alike host.
function vectorText(name) {
  const raw = readFileSync(join(root, "crates/txng-core/tests/vectors/valid", name), "utf8");
  return raw.split("\n\n").slice(1).join("\n\n").replace(/\n$/, "");
}
const bases = ["001-ca-phe-hop-le.txt", "004-may-chu-demo-cuc-bo.txt", "009-ten-mien-gia.txt"]
  .map(vectorText)
  .map((t) => {
    const m = /^(https?):\/\/([^/]+)(\/[^?]*)\?(.*)$/.exec(t);
    if (!m) throw new Error(`not a URI vector: ${t}`);
    return { scheme: m[1], authority: m[2], path: m[3], query: m[4] };
  });

const hosts = [
  "truyxuat.quangtri.gov.vn", "TRUYXUAT.QuangTri.Gov.VN", "truyxuat.quangtri.gov.vn.",
  "truyxuat.quangtri.gov.vn..", "127.0.0.1", "127.0.0.1.", "localhost", "LOCALHOST.",
  "0x7f.1", "0x7F.0.0.1", "127.1", "2130706433", "0177.0.0.1", "127.000.0.1", "127.0.0.01",
  "1.2.3.4.5", "256.0.0.1", "[::1]", "[0:0::1]", "[::ffff:127.0.0.1]", "evil.example",
  "truyxuat-quangtri.vn.com", "xn--truyxut-v0a.vn", "truyxuất.vn", "TRUYXUẤT.vn",
  "truyxuat．quangtri.gov.vn", "truyxuat。quangtri.gov.vn", "truy\u00adxuat.quangtri.gov.vn",
  "truyxuat\u200b.quangtri.gov.vn", "%74ruyxuat.quangtri.gov.vn", "truyxuat%2equangtri.gov.vn",
  "a..b", "-a.vn", "a-.vn", "a_b.vn", "ａ.vn", "example.123", "example.0x1", "ex ample.vn",
  "truyxuat.quangtri.gov.vn\\evil.example", "",
];
const userinfos = [
  "", "", "", "", "user@", "evil.example@", "truyxuat.quangtri.gov.vn@", ":@", "a:b@", "@",
  "evil.example\\@", "evil.example%40", "u%40v@",
];
const ports = ["", "", "", ":443", ":8080", ":", ":0443", ":65535", ":65536", ":99999", ":-1", ":abc", ":80:80"];
const prefixes = [
  "", "", "", "/a", "/a/b", "/.", "/..", "/%2e", "/%2E%2e", "/.%2e", "/%2e.", "/./a", "//",
  "/a/..", "/%2F", "\\a", "/a\\..", "/..\\", "/ a", "/%00", "/é",
];
const queryEdits = [
  (q) => q,
  (q) => q,
  (q) => q.split("&").reverse().join("&"),
  (q) => `&&${q}&`,
  (q) => `${q}&linkType=all`,
  (q) => q.replace("17=", "%31%37="),
  (q) => q.replace("17=", "1%37="),
  (q) => q.replace("17=2", "17=%32"),
  (q) => q.replace("422=", "422+="),
  (q) => q.replace("11=", "11=+"),
  (q) => q.replace("&8030=", "&8030=%41").replace("=%41A", "=%41"),
  (q) => `${q}#frag`,
  (q) => q.replace("&8030=", "#&8030="),
  (q) => `${q}&3103=000500`,
  (q) => q.replace("8030=", "8030=B"),
];
const noise = ["\\", "\t", "\n", "\r", " ", "\u0000", "\u001d", "\u007f", "%09", "@", "/", "//", "#",
  "?", ".", "..", "%2e", ":", "[", "]", "%", "%zz", "é", "\u00a0", "\u3002", "^", "|", "`", "{", "\""];

function insertAt(s, piece) {
  const i = Math.floor(rand() * (s.length + 1));
  return s.slice(0, i) + piece + s.slice(i);
}

function variant() {
  const b = pick(bases);
  const v = { scheme: b.scheme, slashes: "://", authority: b.authority, prefix: "", path: b.path, query: b.query, pad: false };
  // Each variant changes one to three aspects of a genuine label, so that accepted, refused and
  // both host outcomes are all well represented.
  const alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  const word = (chars, max) => Array.from({ length: 1 + Math.floor(rand() * max) }, () => pick([...chars])).join("");
  const label = () => {
    const w = word(alnum + "-", 12);
    return /^[-]|[-]$/.test(w) ? `x${w}x` : w;
  };
  const randomHost = () =>
    [...Array.from({ length: 1 + Math.floor(rand() * 3) }, label), pick(["vn", "com", "gov.vn", "COM.VN", "org"])].join(".");
  const edits = [
    () => (v.authority = randomHost() + pick(["", "", `:${1 + Math.floor(rand() * 65535)}`, "."])),
    () => (v.prefix = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => `/${word(alnum + "-._~!$&'()*+,;=:@", 8)}`).join("")),
    () => (v.query = `${v.query}&${word("abcdefgh", 6)}=${word(alnum + "%20", 10).replace(/%(?![0-9A-F]{2})/g, "")}`),
    () => (v.scheme = pick([b.scheme.toUpperCase(), "HtTpS", "http", "https"])),
    () => (v.authority = pick(userinfos) + pick(hosts) + pick(ports)),
    () => (v.authority = pick(hosts.slice(0, 8)) + pick(ports.slice(0, 8))),
    () => (v.authority = insertAt(v.authority, pick(noise))),
    () => (v.prefix = pick(prefixes)),
    () => (v.prefix = insertAt(pick(prefixes), pick(noise))),
    () => (v.path = insertAt(v.path, pick(noise))),
    () => (v.query = pick(queryEdits)(v.query)),
    () => (v.query = insertAt(v.query, pick(noise))),
    () => (v.slashes = pick([":///", ":\\\\", ":/\\", "://\\", ":/"])),
    () => (v.pad = true),
  ];
  const n = pick([1, 1, 1, 2, 2, 3]);
  for (let i = 0; i < n; i++) pick(edits)();
  let text = `${v.scheme}${v.slashes}${v.authority}${v.prefix}${v.path}?${v.query}`;
  if (v.pad) text = pick([" ", "\t", "\r\n", "\n", ""]) + text + pick(["", "\r\n", " ", "\t"]);
  return text;
}

// The corpus: every combination's worth of random variants, plus the hand-written classics.
const corpus = new Set([
  `https://evil.example\\@truyxuat.quangtri.gov.vn${bases[0].path}?${bases[0].query}`,
  `https://truyxuat.quangtri.gov.vn@evil.example${bases[0].path}?${bases[0].query}`,
  `https://truyxuat.quangtri.gov.vn${bases[0].path}?${bases[0].query}`,
]);
while (corpus.size < COUNT) corpus.add(variant());
const inputs = [...corpus];

// The core's decisions.
const decideArgs = opt("--decide", null);
const run = decideArgs
  ? spawnSync(decideArgs, [], { input: inputs.map((t) => JSON.stringify(t)).join("\n") + "\n", maxBuffer: 1 << 28 })
  : spawnSync("cargo", ["run", "-q", "-p", "txng-core", "--example", "url_decide"], {
      cwd: root,
      input: inputs.map((t) => JSON.stringify(t)).join("\n") + "\n",
      maxBuffer: 1 << 28,
    });
if (run.status !== 0) {
  console.error(String(run.stderr));
  console.log("0 passed, 1 failed");
  process.exit(1);
}
const lines = String(run.stdout).trim().split("\n").map((l) => JSON.parse(l));
const { resolvers } = lines.shift();
if (lines.length !== inputs.length) throw new Error(`${lines.length} decisions for ${inputs.length} inputs`);

function nodeElements(u) {
  const segs = u.pathname.split("/").slice(1);
  const start = segs.indexOf("01");
  const out = [];
  if (start < 0) return null;
  for (let i = start; i + 1 < segs.length; i += 2) out.push([segs[i], decodeURIComponent(segs[i + 1])]);
  for (const [k, v] of u.searchParams) if (/^[0-9]+$/.test(k)) out.push([k, v]);
  return out.map(([k, v]) => `${k}=${v}`).sort();
}

const tally = { accepted: 0, official: 0, unofficial: 0, refusedNodeOk: 0, refusedBoth: 0, green: 0 };
const codes = {};
let passed = 0;
let failed = 0;
const failures = [];
inputs.forEach((text, i) => {
  const core = lines[i];
  let node = null;
  try {
    node = new URL(text);
  } catch {
    node = null;
  }
  const problems = [];
  const green = core.state === "verified" || core.state === "verified_with_warnings";
  if (green) tally.green++;
  if (core.elements === null) {
    if (green) problems.push("green without a parsed link");
    const code = core.codes.find((c) => c.startsWith("payload.")) ?? "?";
    codes[code] = (codes[code] ?? 0) + 1;
    if (node) tally.refusedNodeOk++;
    else tally.refusedBoth++;
  } else {
    tally.accepted++;
    if (!node) problems.push("core accepts, Node's URL parser refuses");
    else {
      const nodeHost = node.hostname.replace(/\.$/, "");
      if (!["http:", "https:"].includes(node.protocol)) problems.push(`Node scheme ${node.protocol}`);
      if (nodeHost !== core.host) problems.push(`host: core ${core.host}, Node ${node.hostname}`);
      const official = resolvers.includes(nodeHost);
      if (core.codes.includes("host.official")) {
        tally.official++;
        if (!official) problems.push(`host.official but Node opens ${node.hostname}`);
      }
      if (core.codes.includes("host.unofficial")) {
        tally.unofficial++;
        if (official) problems.push(`host.unofficial but Node opens official ${node.hostname}`);
      }
      let ne = null;
      try {
        ne = nodeElements(node);
      } catch (e) {
        problems.push(`Node path does not decode: ${e.message}`);
      }
      const ce = core.elements.map(([k, v]) => `${k}=${v}`).sort();
      if (ne && JSON.stringify(ne) !== JSON.stringify(ce)) {
        problems.push(`elements: core ${JSON.stringify(ce)}, Node ${JSON.stringify(ne)}`);
      }
    }
  }
  if (problems.length) {
    failed++;
    failures.push({ text, state: core.state, codes: core.codes, host: core.host, nodeHost: node?.hostname, problems });
  } else passed++;
});

// The corpus must exercise acceptance, both host outcomes and refusals; else the test proves nothing.
const floor = [
  ["accepted", tally.accepted >= COUNT * 0.1],
  ["host.official", tally.official >= COUNT * 0.02],
  ["host.unofficial", tally.unofficial >= COUNT * 0.02],
  ["refused", tally.refusedNodeOk + tally.refusedBoth >= COUNT * 0.1],
];
for (const [what, ok] of floor) {
  if (!ok) {
    failed++;
    failures.push({ problems: [`too few ${what} cases in the corpus (${JSON.stringify(tally)})`] });
  }
}

for (const f of failures.slice(0, SHOW)) console.log("FAIL", JSON.stringify(f));
console.log(`url-diff: ${inputs.length} inputs (seed ${opt("--seed", "20261128")}), resolvers ${JSON.stringify(resolvers)}`);
console.log(`  core accepts ${tally.accepted} (host.official ${tally.official}, host.unofficial ${tally.unofficial}, green ${tally.green}); disagreements with Node: ${failed}`);
console.log(`  core refuses ${tally.refusedNodeOk + tally.refusedBoth} (Node parses ${tally.refusedNodeOk} of them, refuses ${tally.refusedBoth})`);
console.log(`  refusals by code: ${Object.entries(codes).sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(", ")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
