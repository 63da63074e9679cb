//! Differential test of this crate against an independent implementation of the WHATWG
//! Encoding Standard: the `TextDecoder` of Node.js (ICU), which `scripts/setup.sh` requires.
//! ISO-8859-16, which Node's ICU lacks, and windows-1252, which Node 20 decodes as ISO-8859-1,
//! are checked against Python's `iso8859_16` and `cp1252` codecs. The references' known
//! departures from the WHATWG standard are undone explicitly ([`sjis_differs`], [`icu_874`],
//! the cp1252 holes), nothing else is excused.
//!
//! Inputs, for every implemented encoding: every single byte; for Shift_JIS every two-byte
//! sequence with a byte ≥ 0x80 first (32,768); and 3,000 pseudo-random byte strings (length
//! 0–24, biased to bytes ≥ 0x80, fixed seed). For each input both the text and whether the
//! input was malformed (`TextDecoder` with `fatal: true` throws) must agree (for Shift_JIS with
//! the known ICU differences of [`sjis_differs`]).

use std::io::Write;
use std::process::{Command, Stdio};

use encoding_rs::{Encoding, ALL};

/// xorshift64*: a fixed, dependency-free pseudo-random sequence.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

fn inputs(e: &'static Encoding, rng: &mut Rng) -> Vec<Vec<u8>> {
    let mut v: Vec<Vec<u8>> = (0..=255u8).map(|b| vec![b]).collect();
    if e == encoding_rs::SHIFT_JIS {
        for lead in 0x80..=0xFFu8 {
            v.extend((0..=255u8).map(|trail| vec![lead, trail]));
        }
    }
    for _ in 0..3000 {
        let len = (rng.next() % 25) as usize;
        v.push(
            (0..len)
                .map(|_| {
                    let r = rng.next();
                    if r % 4 == 0 {
                        (r >> 8) as u8 & 0x7F
                    } else {
                        0x80 | (r >> 8) as u8
                    }
                })
                .collect(),
        );
    }
    v
}

/// One line per input: the code points in hex, then `|` and 1 when malformed.
fn line(text: &str, had_errors: bool) -> String {
    let cps: Vec<String> = text
        .chars()
        .map(|c| format!("{:x}", u32::from(c)))
        .collect();
    format!("{}|{}", cps.join(" "), u8::from(had_errors))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Runs `program args` with `stdin`, returns stdout lines; panics (fails closed) if the
/// program is missing or fails.
fn run(program: &str, args: &[&str], stdin: &str) -> Vec<String> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("{program} is needed for this test (scripts/setup.sh): {e}"));
    child
        .stdin
        .take()
        .expect("stdin piped")
        .write_all(stdin.as_bytes())
        .expect("write to the reference decoder");
    let out = child.wait_with_output().expect("reference decoder runs");
    assert!(out.status.success(), "{program} failed: {:?}", out.status);
    String::from_utf8(out.stdout)
        .expect("UTF-8 output")
        .lines()
        .map(str::to_owned)
        .collect()
}

const NODE: &str = r#"
const lines = require('fs').readFileSync(0, 'utf8').split('\n').filter(Boolean);
const out = [];
for (const l of lines) {
  const [label, hex] = l.split(' ');
  const bytes = Uint8Array.from((hex || '').match(/../g) || [], (h) => parseInt(h, 16));
  const text = new TextDecoder(label, { ignoreBOM: true }).decode(bytes);
  let bad = 0;
  try { new TextDecoder(label, { ignoreBOM: true, fatal: true }).decode(bytes); } catch { bad = 1; }
  out.push([...text].map((c) => c.codePointAt(0).toString(16)).join(' ') + '|' + bad);
}
process.stdout.write(out.join('\n') + '\n');
"#;

/// argv[1]: the Python codec. WHATWG's windows-1252 is Python's cp1252 with its five holes
/// (0x81, 0x8D, 0x8F, 0x90, 0x9D) decoded as the C1 controls of the same value.
const PYTHON: &str = r#"
import codecs, sys
codec = sys.argv[1]
def holes(e):
    b = e.object[e.start:e.end]
    if codec == 'cp1252' and len(b) == 1 and b[0] in (0x81, 0x8D, 0x8F, 0x90, 0x9D):
        return (chr(b[0]), e.end)
    raise e
codecs.register_error('whatwg1252', holes)
for l in sys.stdin.read().split('\n'):
    if not l: continue
    label, _, h = l.partition(' ')
    b = bytes.fromhex(h)
    try:
        t, bad = b.decode(codec, 'whatwg1252'), 0
    except UnicodeDecodeError:
        t, bad = b.decode(codec, 'replace'), 1
    print(' '.join('%x' % ord(c) for c in t) + '|' + str(bad))
"#;

/// Node's Shift_JIS is ICU's converter, which is not the WHATWG decoder in three known ways:
/// byte 0x80 is an error (WHATWG: U+0080); it swaps 0x1A, 0x1C and 0x7F (IBM convention); and
/// after an error it skips bytes differently (WHATWG gives an ASCII trail byte back). So for
/// Shift_JIS: inputs with 0x80 are left out, whether the input is malformed must agree, and
/// the text must agree (swap undone) when it is well formed.
fn sjis_differs(input: &[u8], ours: &str, want: &str) -> bool {
    if input.contains(&0x80) {
        return false;
    }
    let unswap = |l: &str| -> String {
        let (cps, flag) = l.split_once('|').unwrap_or((l, ""));
        let cps: Vec<&str> = cps
            .split(' ')
            .map(|c| match c {
                "1c" => "1a",
                "7f" => "1c",
                "1a" => "7f",
                c => c,
            })
            .collect();
        format!("{}|{flag}", cps.join(" "))
    };
    let (our_flag, their_flag) = (ours.ends_with("|1"), want.ends_with("|1"));
    our_flag != their_flag || (!our_flag && ours != unswap(want))
}

/// ICU's windows-874 decodes the eight bytes WHATWG leaves unmapped (0xDB–0xDE, 0xFC–0xFF)
/// to the Private Use Area U+F8C1–U+F8C8: read those as errors.
fn icu_874(want: &str) -> String {
    let (cps, flag) = want.split_once('|').unwrap_or((want, "1"));
    let mut bad = flag == "1";
    let cps: Vec<&str> = cps
        .split(' ')
        .map(|c| match c {
            "f8c1" | "f8c2" | "f8c3" | "f8c4" | "f8c5" | "f8c6" | "f8c7" | "f8c8" => {
                bad = true;
                "fffd"
            }
            c => c,
        })
        .collect();
    format!("{}|{}", cps.join(" "), u8::from(bad))
}

#[test]
fn agrees_with_independent_whatwg_decoders() {
    let mut rng = Rng(0x7478_6e67_7363_616e);
    let mut checked = 0usize;
    let mut failures = Vec::new();
    for &e in ALL.iter().filter(|e| e.is_implemented()) {
        let cases = inputs(e, &mut rng);
        let stdin: String = cases
            .iter()
            .map(|b| format!("{} {}\n", e.name(), hex(b)))
            .collect();
        let theirs = if e == encoding_rs::ISO_8859_16 {
            run("python3", &["-c", PYTHON, "iso8859_16"], &stdin)
        } else if e == encoding_rs::WINDOWS_1252 {
            // Node 20's TextDecoder decodes windows-1252 as ISO-8859-1.
            run("python3", &["-c", PYTHON, "cp1252"], &stdin)
        } else {
            run("node", &["-e", NODE], &stdin)
        };
        assert_eq!(
            theirs.len(),
            cases.len(),
            "{}: reference output length",
            e.name()
        );
        let mut bad = Vec::new();
        for (input, want) in cases.iter().zip(&theirs) {
            let (text, had_errors) = e.decode_without_bom_handling(input);
            let ours = line(&text, had_errors);
            let differs = if e == encoding_rs::SHIFT_JIS {
                sjis_differs(input, &ours, want)
            } else if e == encoding_rs::WINDOWS_874 {
                ours != icu_874(want)
            } else {
                &ours != want
            };
            if differs {
                bad.push(format!(
                    "{} {}: ours {ours}, reference {want}",
                    e.name(),
                    hex(input)
                ));
            }
        }
        if !bad.is_empty() {
            failures.push(format!(
                "{}: {} of {} differ, e.g.:\n{}",
                e.name(),
                bad.len(),
                cases.len(),
                bad[..bad.len().min(10)].join("\n")
            ));
        }
        checked += cases.len();
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    println!("encoding-min: {checked} inputs agree with Node's TextDecoder / Python");
    assert!(checked > 32_768 + 22 * 3000);
}
