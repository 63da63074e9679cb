//! The CLI's own words, in Vietnamese and English, in one table. Status codes are worded by the
//! core's `messages` table; this one holds only what belongs to the command line (file errors,
//! summaries, section headings). `{}` marks where `fill` puts values, in order.

use std::fmt::Display;
use txng_core::Lang;

macro_rules! texts {
    ($( $variant:ident = $vi:literal, $en:literal; )*) => {
        /// A CLI string.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum T { $( #[doc = $en] $variant, )* }

        impl T {
            /// The string in a language.
            pub const fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $( (T::$variant, Lang::Vi) => $vi, (T::$variant, Lang::En) => $en, )*
                }
            }
        }
    };
}

texts! {
    Error = "Lỗi", "Error";
    IoError = "Không đọc/ghi được tệp {}: {}", "Cannot read or write {}: {}";
    BadTime = "Thời điểm không hợp lệ: {} (cần dạng RFC 3339, ví dụ 2026-03-14T08:30:00+07:00)", "Invalid time: {} (expected RFC 3339, e.g. 2026-03-14T08:30:00+07:00)";
    NoRandomness = "Không lấy được số ngẫu nhiên từ hệ điều hành: {}", "Cannot get randomness from the operating system: {}";
    BadKey = "{} không phải khóa bí mật Ed25519 dạng PKCS#8 PEM", "{} is not an Ed25519 PKCS#8 PEM private key";
    KeyTooOpen = "Khóa bí mật {} có quyền {}: nhóm hoặc người khác đọc được. Khóa ký chỉ được để chủ sở hữu đọc; hãy chạy: chmod 600 {}", "Private key {} has mode {}: readable by group or others. A signing key must be readable by its owner only; run: chmod 600 {}";
    PubWriteFailed = "Không ghi được khóa công khai; đã xóa khóa bí mật vừa tạo ({}) để không để lại khóa không dùng được: {}", "Cannot write the public key; removed the new private key ({}) so no orphan key is left: {}";
    WontOverwrite = "Tệp {} đã tồn tại; không ghi đè khóa. Chọn tên tệp khác.", "{} already exists; keys are never overwritten. Choose another file name.";
    KeyWritten = "Đã tạo khóa bí mật: {} (chỉ chủ sở hữu được đọc; hãy sao lưu an toàn, không gửi cho ai)", "Private key created: {} (owner-only; back it up safely, never send it)";
    PubWritten = "Đã ghi khóa công khai: {}", "Public key written: {}";
    PublicKey = "Khóa công khai (base64url)", "Public key (base64url)";
    RegistryEntryHint = "Thêm vào danh sách nhà sản xuất, trong mục của nhà sản xuất {}:", "Add to the producer list, under producer {}:";
    NotAnObject = "{}: cần một đối tượng JSON/TOML", "{}: expected a JSON/TOML object";
    SyntaxError = "Tệp {} sai cú pháp: {}", "Syntax error in {}: {}";
    TomlOrJson = "{}: chỉ nhận tệp .toml hoặc .json", "{}: only .toml or .json files are accepted";
    Refused = "Không ký: dữ liệu sẽ bị ứng dụng kiểm tra từ chối.", "Not signed: verifiers would refuse this data.";
    RegistryWritten = "Đã ký danh sách nhà sản xuất: {} ({} byte)", "Producer list signed: {} ({} bytes)";
    Authority = "Cơ quan quản lý", "Authority";
    IssuedAt = "Ban hành", "Issued";
    NextUpdate = "Cập nhật tiếp theo", "Next update";
    ProducerCount = "{} nhà sản xuất, {} khóa ({} khóa thử nghiệm)", "{} producers, {} keys ({} test keys)";
    TaxCode = "Mã số thuế", "Tax code";
    Prefixes = "tiền tố GS1", "GS1 prefixes";
    Keys = "khóa", "keys";
    Resolvers = "Trang chính thức", "Official resolvers";
    TraceTemplates = "Mẫu địa chỉ nhật ký", "Trace URL templates";
    BadDate = "Ngày {} không hợp lệ: {} (cần YYMMDD hoặc YYYY-MM-DD)", "Invalid {} date: {} (expected YYMMDD or YYYY-MM-DD)";
    QrError = "Không tạo được mã QR: {}", "Cannot make the QR code: {}";
    QrWritten = "Đã ghi mã QR: {}", "QR code written: {}";
    Row = "Dòng", "Line";
    BadRows = "{} dòng lỗi trong {}; chưa ghi tệp nào:", "{} bad lines in {}; nothing was written:";
    BatchNeedsOutDir = "--batch cần --out-dir", "--batch needs --out-dir";
    DuplicateLabel = "trùng nhãn (GTIN {}, lô {}, sê-ri {}) với dòng {}: hai nhãn cùng mã sẽ bị coi là một sản phẩm", "duplicate label (GTIN {}, lot {}, serial {}) of line {}: two labels with one code would verify as the same item";
    OutDirNotBatch = "{} đã có tệp khác và không phải thư mục kết quả của lần ký trước (không có uris.csv); không thay thế. Hãy chọn thư mục mới hoặc thư mục trống.", "{} has other files and is not an earlier batch output (no uris.csv); not replaced. Choose a new or empty directory.";
    BatchDone = "Đã ký {} nhãn vào {}", "Signed {} labels into {}";
    SheetWritten = "Đã ghi {} trang nhãn để in ({})", "Wrote {} printable label page(s) ({})";
    CsvError = "Lỗi đọc CSV {}: {}", "CSV error in {}: {}";
    CsvEmpty = "{} không có dòng dữ liệu nào", "{} has no data rows";
    SheetLot = "Lô", "Lot";
    SheetSerial = "Sê-ri", "Serial";
    DiaryBadDate = "ngày không hợp lệ: {} (cần YYYY-MM-DD hoặc YYYY-MM-DD HH:MM)", "invalid date: {} (expected YYYY-MM-DD or YYYY-MM-DD HH:MM)";
    DiaryBadStep = "không biết công đoạn \"{}\" (ví dụ: Gieo trồng, Bón phân, Thu hoạch, Phơi sấy, Đóng gói, Xuất hàng)", "unknown step \"{}\" (e.g. planting, fertilising, harvesting, drying, packing, shipping)";
    Column = "cột", "column";
    RegistryBadTime = "{}: {} không hợp lệ: \"{}\" (cần RFC 3339, ví dụ 2026-03-14T08:30:00+07:00)", "{}: invalid {}: \"{}\" (expected RFC 3339, e.g. 2026-03-14T08:30:00+07:00)";
    NextUpdateBeforeIssued = "Không ký: next_update ({}) phải sau issued_at ({})", "Not signed: next_update ({}) must be after issued_at ({})";
    RegistryAlreadyExpired = "Không ký: danh sách đã quá hạn cập nhật (next_update {}, bây giờ {}); ứng dụng kiểm tra sẽ báo danh sách cũ ngay khi công bố. Hãy đặt next_update mới.", "Not signed: the list is already past its next update (next_update {}, now {}); verifiers would show it as out of date from the start. Set a new next_update.";
    RegistryNoProducers = "{}: thiếu danh sách producers", "{}: no producers list";
    ProducerNumber = "nhà sản xuất thứ {}", "producer #{}";
    FieldMissing = "thiếu hoặc rỗng trường {}", "field {} missing or empty";
    BadPrefix = "mã doanh nghiệp GS1 {} không hợp lệ (4–12 chữ số)", "invalid GS1 company prefix {} (4–12 digits)";
    BadKeyEntry = "khóa thứ {}: {} thiếu hoặc không hợp lệ", "key #{}: {} missing or invalid";
    BadProducers = "Không ký: {} nhà sản xuất có lỗi trong {}:", "Not signed: {} producers with errors in {}:";
    NumAmbiguous = "\"{}\" không rõ nghĩa: theo cách viết Việt Nam dấu chấm ngăn cách hàng nghìn (3.200 = ba nghìn hai trăm) và dấu phẩy là dấu thập phân (3,5 = ba phẩy năm); nếu là số thập phân hãy viết {}", "\"{}\" is ambiguous: in Vietnamese notation a dot separates thousands (3.200 = three thousand two hundred) and a comma is the decimal mark (3,5 = three and a half); for a decimal write {}";
    NumEnglish = "\"{}\" viết theo kiểu tiếng Anh (dấu phẩy ngăn cách hàng nghìn); theo cách viết Việt Nam hãy viết {}", "\"{}\" is in English notation (comma as thousands separator); in Vietnamese notation write {}";
    NumNotNumber = "\"{}\" không phải số (chỉ nhận chữ số, dấu chấm ngăn cách hàng nghìn và một dấu phẩy thập phân, ví dụ 1.200 hoặc 3,5)", "\"{}\" is not a number (only digits, dots between thousands and one decimal comma, e.g. 1.200 or 3,5)";
    NumNegative = "\"{}\": số lượng không được âm", "\"{}\": a quantity cannot be negative";
    NumTooLong = "\"{}\": quá nhiều chữ số (tối đa {} chữ số có nghĩa, để không làm tròn âm thầm)", "\"{}\": too many digits (at most {} significant digits, so nothing is silently rounded)";
    NumNotWhole = "\"{}\" không phải số ngày nguyên từ 0 đến {}", "\"{}\" is not a whole number of days from 0 to {}";
    DiaryBadInputKind = "không biết loại vật tư \"{}\" (nhận: phân bón, thuốc BVTV, khác / fertiliser, pesticide, other)", "unknown input kind \"{}\" (accepted: fertiliser, pesticide, other / phân bón, thuốc BVTV, khác)";
    DiaryKindWithoutName = "có loại vật tư \"{}\" nhưng thiếu tên vật tư (cột input_name)", "input kind \"{}\" given without an input name (column input_name)";
    TraceNeedsInput = "Cần --json, hoặc --diary cùng --product, --gtin và --lot", "Needs --json, or --diary with --product, --gtin and --lot";
    TraceWritten = "Đã ký nhật ký sản xuất: {} ({} byte)", "Trace document signed: {} ({} bytes)";
    EventCount = "{} sự kiện:", "{} events:";
    BadAnchor = "Khóa tin cậy không hợp lệ: {} (cần KID=khóa công khai base64url)", "Invalid trust anchor: {} (expected KID=base64url public key)";
    BadState = "Tệp trạng thái {} không hợp lệ: {}", "Invalid state file {}: {}";
    NoAnchors = "Cần ít nhất một khóa tin cậy: --anchors anchors.json hoặc --anchor KID=KHÓA", "At least one trust anchor is needed: --anchors anchors.json or --anchor KID=KEY";
    Hotline = "đường dây nóng", "hotline";
    ProductName = "Tên sản phẩm", "Product name";
    Lot = "Số lô", "Lot";
    ListDate = "Danh sách nhà sản xuất đang dùng được ban hành ngày {}.", "The producer list in use was issued on {}.";
    CannotListen = "Không mở được cổng {}: {}", "Cannot listen on {}: {}";
    DirMissing = "Lưu ý: không có thư mục {}", "Note: directory {} does not exist";
    Serving = "Đang phục vụ tại {} (Ctrl+C để dừng)", "Serving at {} (Ctrl+C to stop)";
    BadFrameAncestors = "--frame-ancestors không hợp lệ: {} (ví dụ: 'self' hoặc 'self' https://example.gov.vn)", "Invalid --frame-ancestors: {} (e.g. 'self' or 'self' https://example.gov.vn)";
    BadCorsOrigin = "--cors-origin không hợp lệ: {} (cần dạng https://ten-mien, không có đường dẫn, hoặc *)", "Invalid --cors-origin: {} (expected https://host, no path, or *)";
    BadTimeout = "{} không hợp lệ: {} (cần số giây lớn hơn 0)", "Invalid {}: {} (expected seconds, more than 0)";
    ServeLimits = "Giới hạn: {} kết nối; đọc tiêu đề {} s, chờ rảnh {} s, ghi {} s", "Limits: {} connections; header read {} s, idle {} s, write {} s";
    Precompressed = "Đã nén sẵn {} tệp (brotli, gzip) trong {} ms", "Precompressed {} files (brotli, gzip) in {} ms";
    DemoLinks = "Liên kết trình diễn:", "Demo links:";
    QrImagesAt = "Ảnh mã QR trình diễn: {}", "Demo QR images: {}";
    VectorsWritten = "Đã ghi bộ dữ liệu kiểm thử vào {}", "Test vectors written to {}";
    DemoWritten = "Đã ghi {} tệp trình diễn vào {} và {} mã QR vào {}", "Wrote {} demo files into {} and {} QR codes into {}";
    TrustAnchor = "Khóa tin cậy", "Trust anchor";
    DemoServeHint = "Chạy thử: txng serve --data {}", "Try it: txng serve --data {}";
    TraceSchemaInvalid = "Không ký: tài liệu EPCIS không đúng lược đồ JSON EPCIS 2.0 chính thức của GS1 ({}), {} lỗi:", "Not signed: the EPCIS document does not match GS1's official EPCIS 2.0 JSON schema ({}), {} errors:";
    TraceSchemaAt = "tại {} (quy tắc {}): {}. {}", "at {} (rule {}): {}. {}";
    SchemaHintGoods = "sự kiện không ghi hàng hóa: cần epcList, hoặc quantityList có epcClass của lô (urn:epc:class:lgtin:…), hoặc dữ liệu cảm biến kèm readPoint", "the event names no goods: it needs an epcList, or a quantityList with the lot's epcClass (urn:epc:class:lgtin:…), or sensor data with a readPoint";
    SchemaHintRequired = "thiếu trường bắt buộc", "a required member is missing";
    SchemaHintPattern = "giá trị sai định dạng", "the value has the wrong form";
    SchemaHintFormat = "giá trị không phải URI hoặc thời điểm hợp lệ", "the value is not a valid URI or date-time";
    SchemaHintPropertyNames = "tên trường không có trong EPCIS: trường mở rộng phải có tiền tố, ví dụ txng:…", "a member EPCIS does not define: extension members need a prefix, e.g. txng:…";
    SchemaHintType = "sai kiểu dữ liệu", "the value has the wrong type";
    SchemaHintOther = "không đúng lược đồ", "does not match the schema";
    TraceSchemaMore = "… và {} lỗi khác", "… and {} more";
    TraceBadCreationDate = "Không ký: thời điểm lập tài liệu (epcis.creationDate) không hợp lệ: {}", "Not signed: invalid document creation time (epcis.creationDate): {}";
    TraceEventAfterCreation = "Không ký: sự kiện #{} ({}) ghi thời điểm sau thời điểm lập tài liệu ({}). Sự kiện chưa xảy ra thì không ghi vào nhật ký; hãy sửa ngày của sự kiện hoặc ký lại sau.", "Not signed: event #{} ({}) is dated after the document's creation time ({}). An event cannot be recorded before it happens; fix its date or sign later.";
    TraceEventsOutOfOrder = "Không ký: sự kiện #{} ({}) sớm hơn sự kiện #{} đứng trước nó ({}). Hãy xếp các sự kiện theo thời gian, cũ trước.", "Not signed: event #{} ({}) is earlier than event #{} before it ({}). List the events oldest first.";
    TraceNamespace = "Không ký: tài liệu dùng khóa mở rộng \"txng:…\" nhưng @context không khai báo đúng tiền tố txng = {} và các khóa con của txng:inputs, nên khi mở rộng JSON-LD dữ liệu sẽ mất nghĩa. Dùng @context này (FORMAT.md §3.3): {}", "Not signed: the document uses \"txng:…\" extension keys but its @context does not declare the prefix txng = {} and the nested keys of txng:inputs, so the data loses its meaning under JSON-LD expansion. Use this @context (FORMAT.md §3.3): {}";
    TraceLegacyVocab = "Không ký: tài liệu còn dùng từ vựng cũ \"{}\" (không đăng ký); thay bằng {} (FORMAT.md §3.4).", "Not signed: the document still uses the old, unregistered vocabulary \"{}\"; use {} instead (FORMAT.md §3.4).";
    TraceRegistryNeedsAnchors = "--registry cần khóa tin cậy để kiểm tra danh sách: --anchors anchors.json hoặc --anchor KID=KHÓA", "--registry needs a trust anchor to check the list: --anchors anchors.json or --anchor KID=KEY";
    TraceRecallWithoutGoods = "Không ký: sự kiện thu hồi lúc {} không ghi hàng hóa bị thu hồi. Hãy ghi lô hàng (quantityList với epcClass của lô, kèm số lượng nếu biết) để người mua và cơ quan quản lý biết hàng nào bị thu hồi.", "Not signed: the recall event at {} does not name the recalled goods. Name the lot (a quantityList with the lot's epcClass, and the quantity if known) so that buyers and the authority know what is recalled.";
    TraceWillWarn = "Lưu ý: ứng dụng kiểm tra sẽ cảnh báo (màu vàng):", "Note: verifiers will warn (amber):";
    TraceRegistryUnusable = "Không ký: không dùng được danh sách nhà sản xuất {}", "Not signed: the producer list {} cannot be used";
    ShardsWritten = "Đã ghi danh sách phân mảnh (FORMAT.md §2.7): {} phần, lớn nhất {} byte, phiên bản mục lục {} ({} phần mới hoặc đã đổi)", "Sharded list written (FORMAT.md §2.7): {} shards, largest {} bytes, index version {} ({} new or changed)";
    ShardsPrevious = "Không ký: không đọc được mục lục trước {} (cần để phiên bản chỉ tăng): {}", "Not signed: cannot read the previous index {} (needed to keep versions increasing): {}";
    ShardsIssuedBefore = "Không ký: issued_at {} sớm hơn mục lục đã công bố ({}); ứng dụng kiểm tra sẽ coi là danh sách cũ (registry.rollback).", "Not signed: issued_at {} is before the published index's ({}); verifiers would take it for an old list (registry.rollback).";
    ShardsTemplate = "Không ký: shard_url_template {} phải là đường dẫn tương đối trong thư mục --shards (không có /, .. ở đầu).", "Not signed: shard_url_template {} must be a relative path inside the --shards directory (no leading /, no ..).";
}

/// Puts values into a string's `{}` places, in order. Values are often untrusted (file names, CSV
/// cells, document text), so each one goes through [`clean`]: a message cannot carry a terminal
/// escape or a line break that was not in the template.
pub fn fill(template: &str, args: &[&dyn Display]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    let mut args = args.iter();
    while let Some(i) = rest.find("{}") {
        out.push_str(&rest[..i]);
        match args.next() {
            Some(a) => out.push_str(&clean(&a.to_string())),
            None => out.push_str("{}"),
        }
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

/// Whether a character must not reach a terminal as itself: C0 and C1 controls and DEL (escape
/// sequences: ESC, CSI U+009B, OSC U+009D, …; line breaks), Unicode line/paragraph separators, the
/// bidirectional controls that reorder what is shown (Trojan Source, CVE-2021-42574: U+202A–U+202E,
/// U+2066–U+2069, U+200E/U+200F, U+061C), and invisible characters that hide text (U+200B,
/// U+2060–U+2064, U+FEFF, U+FFF9–U+FFFB). ZWJ/ZWNJ stay: scripts and emoji need them.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200B}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}

/// Untrusted text (from a document, a CSV, a file name) made safe to print on a terminal: every
/// character of [`is_unsafe_char`] is shown as a visible escape `\u{1b}`, so nothing is executed,
/// reordered, hidden, or starts a new line; everything else (Vietnamese included) is unchanged.
/// The one function the CLI uses wherever it prints text it did not write itself.
pub fn clean(s: &str) -> std::borrow::Cow<'_, str> {
    clean_with(s, false)
}

/// [`clean`] for a multi-line message the CLI put together itself: keeps `\n`, escapes the rest.
pub fn clean_lines(s: &str) -> std::borrow::Cow<'_, str> {
    clean_with(s, true)
}

fn clean_with(s: &str, keep_newline: bool) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| is_unsafe_char(c) && !(keep_newline && c == '\n');
    if !s.chars().any(bad) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if bad(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// JSON text (from `serde_json`, which escapes only C0 controls) with every other
/// [`is_unsafe_char`] written as a `\uXXXX` escape: the same JSON value, safe on a terminal. Such
/// characters can only occur inside JSON strings, where `\uXXXX` means the same character.
pub fn clean_json(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(|c| is_unsafe_char(c) && c != '\n') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_unsafe_char(c) && c != '\n' {
            // All of them are in the Basic Multilingual Plane: one \uXXXX each.
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_escapes_and_controls_are_neutralised() {
        let cases = [
            (
                "\u{1b}[2J\u{1b}[31mĐÃ XÁC THỰC",
                "\\u{1b}[2J\\u{1b}[31mĐÃ XÁC THỰC",
            ),
            (
                "\u{1b}]8;;https://evil\u{7}link\u{1b}]8;;\u{7}",
                "\\u{1b}]8;;https://evil\\u{7}link\\u{1b}]8;;\\u{7}",
            ),
            ("a\u{9b}31mb", "a\\u{9b}31mb"),
            ("a\u{9d}0;title\u{9c}", "a\\u{9d}0;title\\u{9c}"),
            ("\u{202e}lanigiro\u{202c}", "\\u{202e}lanigiro\\u{202c}"),
            (
                "x\u{2066}y\u{2069}\u{200f}",
                "x\\u{2066}y\\u{2069}\\u{200f}",
            ),
            ("dòng 1\r\n✓ Đã xác thực", "dòng 1\\u{d}\\u{a}✓ Đã xác thực"),
            ("tab\tdel\u{7f}nul\u{0}", "tab\\u{9}del\\u{7f}nul\\u{0}"),
            ("zero\u{200b}width\u{feff}", "zero\\u{200b}width\\u{feff}"),
            (
                "Cà phê Khe Sanh — 100% Arabica 👨\u{200d}🌾",
                "Cà phê Khe Sanh — 100% Arabica 👨\u{200d}🌾",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(clean(input), want, "{input:?}");
        }
        assert!(matches!(clean("Thu hoạch"), std::borrow::Cow::Borrowed(_)));
        assert_eq!(clean_lines("a\nb\u{1b}c"), "a\nb\\u{1b}c");
        assert_eq!(fill("kid {}", &[&"k\u{1b}[0m\n"]), "kid k\\u{1b}[0m\\u{a}");
    }

    #[test]
    fn every_char_is_either_kept_or_escaped_and_output_is_safe() {
        // Every code point: kept as itself if safe, else a visible escape with no unsafe character.
        let mut buf = [0u8; 4];
        for c in (0u32..=0x10FFFF).filter_map(char::from_u32) {
            let s: &str = c.encode_utf8(&mut buf);
            let out = clean(s);
            if is_unsafe_char(c) {
                assert_eq!(out, format!("\\u{{{:x}}}", u32::from(c)));
            } else {
                assert_eq!(out, s);
            }
            assert!(!out.chars().any(is_unsafe_char));
        }
        for c in [
            '\u{80}', '\u{9f}', '\u{85}', '\u{1b}', '\u{202a}', '\u{2029}',
        ] {
            assert!(is_unsafe_char(c), "{c:?}");
        }
    }

    #[test]
    fn json_stays_the_same_value() {
        let v = serde_json::json!({"kid": "k\u{1b}[31m\u{9b}\u{202e}x\u{2028}", "n": "Nguyễn"});
        let text = serde_json::to_string_pretty(&v).expect("json");
        let safe = clean_json(&text);
        assert!(!safe.chars().any(|c| is_unsafe_char(c) && c != '\n'));
        let back: serde_json::Value = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back, v);
    }
}
