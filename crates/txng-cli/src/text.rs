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
    BatchDone = "Đã ký {} nhãn vào {}", "Signed {} labels into {}";
    SheetWritten = "Đã ghi {} trang nhãn để in ({})", "Wrote {} printable label page(s) ({})";
    CsvError = "Lỗi đọc CSV {}: {}", "CSV error in {}: {}";
    CsvEmpty = "{} không có dòng dữ liệu nào", "{} has no data rows";
    SheetLot = "Lô", "Lot";
    SheetSerial = "Sê-ri", "Serial";
    DiaryBadDate = "ngày không hợp lệ: {} (cần YYYY-MM-DD hoặc YYYY-MM-DD HH:MM)", "invalid date: {} (expected YYYY-MM-DD or YYYY-MM-DD HH:MM)";
    DiaryBadStep = "không biết công đoạn \"{}\" (ví dụ: Gieo trồng, Bón phân, Thu hoạch, Phơi sấy, Đóng gói, Xuất hàng)", "unknown step \"{}\" (e.g. planting, fertilising, harvesting, drying, packing, shipping)";
    DiaryBadNumber = "{} không phải số: {}", "{} is not a number: {}";
    TraceNeedsInput = "Cần --json, hoặc --diary cùng --product, --gtin và --lot", "Needs --json, or --diary with --product, --gtin and --lot";
    TraceWritten = "Đã ký nhật ký sản xuất: {} ({} byte)", "Trace document signed: {} ({} bytes)";
    EventCount = "{} sự kiện:", "{} events:";
    BadAnchor = "Khóa tin cậy không hợp lệ: {} (cần KID=khóa công khai base64url)", "Invalid trust anchor: {} (expected KID=base64url public key)";
    BadState = "Tệp trạng thái {} không hợp lệ: {}", "Invalid state file {}: {}";
    NoAnchors = "Cần ít nhất một khóa tin cậy: --anchors anchors.json hoặc --anchor KID=KHÓA", "At least one trust anchor is needed: --anchors anchors.json or --anchor KID=KEY";
    Hotline = "đường dây nóng", "hotline";
    ReportTo = "Báo hàng nghi giả", "Report a suspected fake";
    ProductSection = "Sản phẩm", "Product";
    ProductName = "Tên sản phẩm", "Product name";
    Brand = "Nhãn hiệu", "Brand";
    NetContent = "Khối lượng tịnh", "Net content";
    Ocop = "OCOP", "OCOP";
    OcopStars = "{} sao ({})", "{} stars ({})";
    Certifications = "Chứng nhận", "Certifications";
    Standards = "Tiêu chuẩn áp dụng", "Standards applied";
    Gtin = "Mã sản phẩm (GTIN)", "GTIN";
    Variant = "Biến thể", "Variant";
    Lot = "Số lô", "Lot";
    Serial = "Số sê-ri", "Serial";
    HarvestDate = "Ngày thu hoạch", "Harvest date";
    ProductionDate = "Ngày sản xuất", "Production date";
    PackagingDate = "Ngày đóng gói", "Packaging date";
    BestBefore = "Sử dụng tốt nhất trước", "Best before";
    Expiry = "Hạn sử dụng", "Expiry date";
    Origin = "Xuất xứ", "Origin";
    Storage = "Bảo quản", "Storage";
    ProducerSection = "Nhà sản xuất", "Producer";
    Name = "Tên", "Name";
    Address = "Địa chỉ", "Address";
    Phone = "Điện thoại", "Phone";
    EventsSection = "Nhật ký sản xuất", "Production record";
    PhiDays = "cách ly {} ngày", "pre-harvest interval {} days";
    Quantity = "Số lượng", "Quantity";
    ChecksSection = "Kết quả kiểm tra", "Checks";
    CannotListen = "Không mở được cổng {}: {}", "Cannot listen on {}: {}";
    DirMissing = "Lưu ý: không có thư mục {}", "Note: directory {} does not exist";
    Serving = "Đang phục vụ tại {} (Ctrl+C để dừng)", "Serving at {} (Ctrl+C to stop)";
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
}

/// Puts values into a string's `{}` places, in order.
pub fn fill(template: &str, args: &[&dyn Display]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    let mut args = args.iter();
    while let Some(i) = rest.find("{}") {
        out.push_str(&rest[..i]);
        match args.next() {
            Some(a) => out.push_str(&a.to_string()),
            None => out.push_str("{}"),
        }
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}
