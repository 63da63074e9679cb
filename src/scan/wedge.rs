//! Keyboard-wedge 2D scanners (USB or Bluetooth scanners that "type" what they read), as used at
//! unattended OCOP kiosks.
//!
//! A scan is told apart from a person typing by speed: at least [`MIN_LEN`] characters, each
//! arriving less than [`MAX_GAP_MS`] after the previous one, ended by Enter, while no text field
//! has focus (the caller checks focus). Keys are fed to [`WedgeBuffer::key`], a pure function of
//! the key and its time, so the logic is tested without a browser.
//!
//! # Scanner setting for GS1 codes
//!
//! GS1 element strings separate variable-length fields with the ASCII group separator GS (0x1D),
//! which a keyboard cannot type. Set the scanner to one of:
//!
//! * **GS as Ctrl+]** (the default "FNC1/GS → Ctrl+]" of most Honeywell, Zebra, Datalogic and
//!   Newland scanners in USB-HID keyboard mode): handled;
//! * **GS as the character 0x1D** (some Bluetooth scanners in "ASCII / HID-POS" mode send the key
//!   value `"\u{1d}"`): handled;
//! * **GS replaced by a text placeholder**: `<GS>` or `{GS}` (any case) are handled;
//! * **Transmit AIM symbology identifier** (`]Q1`, `]Q3`) on or off: both work (the core reads it);
//! * **Suffix**: Enter (CR). Disable any prefix other than the AIM identifier.
//!
//! A QR code holding a GS1 Digital Link (an `https://…` URL, the usual case here) needs none of this.

/// Longest gap between two keys of one scan, in milliseconds.
pub const MAX_GAP_MS: f64 = 50.0;

/// Fewest characters a scan has (our shortest code is far longer; a person rarely types 8 keys
/// that fast).
pub const MIN_LEN: usize = 8;

/// Longest text kept (the core refuses more than 4096 bytes anyway).
pub const MAX_LEN: usize = 4200;

const GS: char = '\u{1d}';

/// What a key did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WedgeEvent {
    /// Nothing to do.
    None,
    /// A key that is part of a fast sequence: the caller should stop the browser's default action
    /// only for Enter ending a scan, so this is informational.
    Buffering,
    /// A complete scan; the caller should prevent the Enter's default action (e.g. a focused
    /// button being clicked) and verify the text.
    Scan(String),
}

/// The buffer of keys of a possible scan.
#[derive(Clone, Debug, Default)]
pub struct WedgeBuffer {
    text: String,
    chars: usize,
    last_ms: Option<f64>,
}

impl WedgeBuffer {
    /// An empty buffer.
    pub fn new() -> Self {
        Self::default()
    }

    /// Feeds one `keydown`: its `key` value, whether Ctrl was held, and its time in milliseconds
    /// (`Event.timeStamp` or `performance.now()`).
    pub fn key(&mut self, key: &str, ctrl: bool, time_ms: f64) -> WedgeEvent {
        // Modifier presses (Shift for capitals, Ctrl before `]`) are part of a scan but not text.
        if matches!(
            key,
            "Shift" | "Control" | "Alt" | "AltGraph" | "CapsLock" | "Meta"
        ) {
            return WedgeEvent::None;
        }
        let fast = self
            .last_ms
            .is_some_and(|last| time_ms - last >= 0.0 && time_ms - last < MAX_GAP_MS);
        if !fast {
            self.clear();
        }
        self.last_ms = Some(time_ms);
        let ch = match key {
            "Enter" => {
                let done = fast && self.chars >= MIN_LEN;
                let text = std::mem::take(&mut self.text);
                self.clear();
                return if done {
                    WedgeEvent::Scan(normalise(&text))
                } else {
                    WedgeEvent::None
                };
            }
            "]" | "5" if ctrl => GS, // Ctrl+] (some layouts report the digit of the same key)
            k => {
                let mut it = k.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) if !ctrl => c,
                    _ => {
                        // Named keys (Tab, arrows, F-keys) break a scan.
                        self.clear();
                        return WedgeEvent::None;
                    }
                }
            }
        };
        if self.text.len() < MAX_LEN {
            self.text.push(ch);
            self.chars += 1;
        }
        WedgeEvent::Buffering
    }

    fn clear(&mut self) {
        self.text.clear();
        self.chars = 0;
        self.last_ms = None;
    }
}

/// Replaces the GS placeholders some scanners are set to send (`<GS>`, `{GS}`, any case) with the
/// GS character. Also used for pasted text, where people copy such placeholders from manuals.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(['<', '{']) {
        out.push_str(&rest[..i]);
        let cand = rest.get(i..i + 4).unwrap_or("");
        if cand.eq_ignore_ascii_case("<GS>") || cand.eq_ignore_ascii_case("{GS}") {
            out.push(GS);
            rest = &rest[i + 4..];
        } else {
            out.push_str(&rest[i..i + 1]);
            rest = &rest[i + 1..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(b: &mut WedgeBuffer, keys: &[(&str, bool)], start: f64, gap: f64) -> Vec<WedgeEvent> {
        keys.iter()
            .enumerate()
            .map(|(i, (k, c))| b.key(k, *c, start + gap * i as f64))
            .collect()
    }

    fn keys(s: &str) -> Vec<(String, bool)> {
        s.chars().map(|c| (c.to_string(), false)).collect()
    }

    #[test]
    fn fast_sequence_is_a_scan() {
        let mut b = WedgeBuffer::new();
        let ks = keys("0108930000000015");
        let mut all: Vec<(&str, bool)> = ks.iter().map(|(k, c)| (k.as_str(), *c)).collect();
        all.push(("Enter", false));
        let ev = feed(&mut b, &all, 1000.0, 8.0);
        assert_eq!(
            ev.last(),
            Some(&WedgeEvent::Scan("0108930000000015".into()))
        );
    }

    #[test]
    fn slow_typing_is_not() {
        let mut b = WedgeBuffer::new();
        let ks = keys("0108930000000015");
        let mut all: Vec<(&str, bool)> = ks.iter().map(|(k, c)| (k.as_str(), *c)).collect();
        all.push(("Enter", false));
        let ev = feed(&mut b, &all, 0.0, 120.0);
        assert_eq!(ev.last(), Some(&WedgeEvent::None));
    }

    #[test]
    fn short_is_not() {
        let mut b = WedgeBuffer::new();
        let ev = feed(
            &mut b,
            &[("1", false), ("2", false), ("3", false), ("Enter", false)],
            0.0,
            5.0,
        );
        assert_eq!(ev.last(), Some(&WedgeEvent::None));
    }

    #[test]
    fn gs_in_every_spelling() {
        for sep in [
            vec![("Control", true), ("]", true)],
            vec![("\u{1d}", false)],
        ] {
            let mut b = WedgeBuffer::new();
            let mut all: Vec<(&str, bool)> = Vec::new();
            let a = keys("10LOT1");
            let z = keys("21SER99");
            all.extend(a.iter().map(|(k, c)| (k.as_str(), *c)));
            all.extend(sep.iter().copied());
            all.extend(z.iter().map(|(k, c)| (k.as_str(), *c)));
            all.push(("Enter", false));
            let ev = feed(&mut b, &all, 0.0, 3.0);
            assert_eq!(
                ev.last(),
                Some(&WedgeEvent::Scan("10LOT1\u{1d}21SER99".into()))
            );
        }
        let mut b = WedgeBuffer::new();
        let ks = keys("10LOT1{gs}21SER99<GS>");
        let mut all: Vec<(&str, bool)> = ks.iter().map(|(k, c)| (k.as_str(), *c)).collect();
        all.push(("Enter", false));
        let ev = feed(&mut b, &all, 0.0, 3.0);
        assert_eq!(
            ev.last(),
            Some(&WedgeEvent::Scan("10LOT1\u{1d}21SER99\u{1d}".into()))
        );
    }

    #[test]
    fn pause_restarts_and_named_keys_break() {
        let mut b = WedgeBuffer::new();
        // Someone typed "ab" slowly, then a scan arrives.
        b.key("a", false, 0.0);
        b.key("b", false, 500.0);
        let ks = keys("https://x.vn/01/1");
        let mut all: Vec<(&str, bool)> = ks.iter().map(|(k, c)| (k.as_str(), *c)).collect();
        all.push(("Enter", false));
        let ev = feed(&mut b, &all, 2000.0, 10.0);
        assert_eq!(
            ev.last(),
            Some(&WedgeEvent::Scan("https://x.vn/01/1".into()))
        );
        let mut b = WedgeBuffer::new();
        let ks = keys("12345678");
        let mut all: Vec<(&str, bool)> = ks.iter().map(|(k, c)| (k.as_str(), *c)).collect();
        all.push(("Tab", false));
        all.push(("Enter", false));
        assert_eq!(feed(&mut b, &all, 0.0, 5.0).last(), Some(&WedgeEvent::None));
    }

    #[test]
    fn placeholders() {
        assert_eq!(normalise("a<gs>b{GS}c<x>{"), "a\u{1d}b\u{1d}c<x>{");
        assert_eq!(normalise("ốc<GS>"), "ốc\u{1d}");
    }
}
