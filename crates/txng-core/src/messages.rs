//! The one table of what each status code means to a person, in Vietnamese and English
//! (FORMAT.md §5): a title, an explanation and the next step. The match is exhaustive with no
//! catch-all, so a new code cannot ship without its words.

use crate::status::{Code, State};
use serde::Serialize;

/// Display language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Tiếng Việt (default).
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// `vi` or `en`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// Parses `vi` / `en`.
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// What a status code means to a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Message {
    /// Short title.
    pub title: &'static str,
    /// What was found, in plain words.
    pub explanation: &'static str,
    /// What to do next.
    pub next_step: &'static str,
}

/// The words of one code in both languages: named fields, so a Vietnamese text cannot slip into
/// the English slot (or a title into the next step) unnoticed.
struct Both {
    vi: Message,
    en: Message,
}

const fn m(title: &'static str, explanation: &'static str, next_step: &'static str) -> Message {
    Message {
        title,
        explanation,
        next_step,
    }
}

fn both(code: Code) -> Both {
    use Code::*;
    match code {
        PayloadParsed => Both {
            vi: m("Đã đọc được mã", "Mã chứa thông tin sản phẩm và chữ ký số theo chuẩn GS1.", "Không cần làm gì."),
            en: m("Code read", "The code holds product data and a digital signature in GS1 format.", "Nothing to do."),
        },
        PayloadTooLong => Both {
            vi: m("Mã quá dài", "Nội dung mã dài bất thường, không phải mã truy xuất nguồn gốc của tỉnh.", "Không tin vào mã này. Hỏi người bán hoặc báo cho cơ quan quản lý."),
            en: m("Code too long", "The code's content is unusually long; it is not a provincial traceability code.", "Do not trust this code. Ask the seller or report it."),
        },
        PayloadNotGs1 => Both {
            vi: m("Không phải mã truy xuất", "Mã này không phải là mã truy xuất nguồn gốc có chữ ký số của tỉnh (ví dụ: mã Wi-Fi, số điện thoại, mã vạch sản phẩm thông thường, đường link thông thường).", "Hãy quét mã QR truy xuất nguồn gốc in trên nhãn sản phẩm."),
            en: m("Not a traceability code", "This is not a signed traceability code of this province (for example a Wi-Fi code, a phone number, an ordinary product barcode or link).", "Scan the traceability QR code printed on the product label."),
        },
        PayloadUnsigned => Both {
            vi: m("Mã không có chữ ký số", "Mã có thông tin sản phẩm nhưng không có chữ ký số, nên không thể kiểm tra ai đã phát hành nhãn.", "Mã chưa được xác thực. Nếu nghi ngờ, hỏi người bán hoặc báo cho cơ quan quản lý."),
            en: m("Code has no digital signature", "The code has product data but no digital signature, so who issued the label cannot be checked.", "The code is not verified. If in doubt, ask the seller or report it."),
        },
        PayloadPathInvalid => Both {
            vi: m("Đường link sai cấu trúc", "Phần đường dẫn của mã không đúng chuẩn GS1 Digital Link (thứ tự hoặc ký tự không hợp lệ).", "Không tin vào mã này. Có thể mã đã bị sửa."),
            en: m("Malformed link", "The link's path does not follow GS1 Digital Link (wrong order or invalid characters).", "Do not trust this code; it may have been altered."),
        },
        PayloadGtinMissing => Both {
            vi: m("Thiếu mã sản phẩm (GTIN)", "Mã không có mã số sản phẩm GTIN.", "Không tin vào mã này."),
            en: m("Product number (GTIN) missing", "The code has no GTIN product number.", "Do not trust this code."),
        },
        PayloadGtinCheckDigit => Both {
            vi: m("Mã sản phẩm sai số kiểm tra", "Số kiểm tra cuối của mã GTIN không đúng: mã bị in sai, đọc sai hoặc bị sửa.", "Quét lại. Nếu vẫn sai, không tin vào mã này và báo cho cơ quan quản lý."),
            en: m("Wrong GTIN check digit", "The GTIN's last (check) digit is wrong: misprinted, misread or altered.", "Scan again. If it stays wrong, do not trust the code and report it."),
        },
        PayloadLotMissing => Both {
            vi: m("Thiếu số lô", "Mã không có số lô sản xuất (AI 10), bắt buộc với mã truy xuất của tỉnh.", "Không tin vào mã này."),
            en: m("Lot number missing", "The code has no lot number (AI 10), which provincial codes require.", "Do not trust this code."),
        },
        PayloadSerialMissing => Both {
            vi: m("Thiếu số sê-ri", "Mã không có số sê-ri (AI 21), bắt buộc khi mã có chữ ký số.", "Không tin vào mã này."),
            en: m("Serial number missing", "The code has no serial number (AI 21), required with a digital signature.", "Do not trust this code."),
        },
        PayloadAiUnknown => Both {
            vi: m("Mã chứa trường lạ", "Mã chứa một trường dữ liệu không có trong chuẩn GS1.", "Không tin vào mã này. Có thể mã đã bị sửa."),
            en: m("Unknown field in code", "The code contains a field that does not exist in the GS1 standard.", "Do not trust this code; it may have been altered."),
        },
        PayloadAiDuplicate => Both {
            vi: m("Trường dữ liệu bị lặp", "Một trường dữ liệu xuất hiện hai lần trong mã.", "Không tin vào mã này. Có thể mã đã bị sửa."),
            en: m("Duplicated field", "A data field appears twice in the code.", "Do not trust this code; it may have been altered."),
        },
        PayloadValueEmpty => Both {
            vi: m("Trường dữ liệu bị trống", "Một trường dữ liệu trong mã không có giá trị.", "Không tin vào mã này."),
            en: m("Empty field", "A data field in the code has no value.", "Do not trust this code."),
        },
        PayloadValueInvalid => Both {
            vi: m("Giá trị không hợp lệ", "Một giá trị trong mã sai định dạng (ký tự hoặc độ dài không cho phép).", "Không tin vào mã này. Có thể mã đã bị sửa."),
            en: m("Invalid value", "A value in the code has the wrong format (characters or length).", "Do not trust this code; it may have been altered."),
        },
        PayloadDateInvalid => Both {
            vi: m("Ngày không hợp lệ", "Một ngày trong mã (ngày sản xuất, hạn dùng, ngày thu hoạch…) không có thật.", "Không tin vào mã này."),
            en: m("Invalid date", "A date in the code (production, expiry, harvest…) does not exist.", "Do not trust this code."),
        },
        PayloadSignatureEncoding => Both {
            vi: m("Chữ ký số sai định dạng", "Phần chữ ký số (AI 8030) không đúng độ dài hoặc cách viết quy định.", "Không tin vào mã này. Có thể mã đã bị sửa."),
            en: m("Malformed signature", "The signature field (AI 8030) has the wrong length or spelling.", "Do not trust this code; it may have been altered."),
        },
        PayloadProfileUnknown => Both {
            vi: m("Chữ ký kiểu mới", "Mã dùng một kiểu chữ ký số mà phiên bản này chưa hỗ trợ.", "Cập nhật ứng dụng kiểm tra rồi quét lại."),
            en: m("Newer signature type", "The code uses a signature type this version does not support yet.", "Update the verifier and scan again."),
        },
        PayloadAiNotAllowed => Both {
            vi: m("Mã chứa trường không được phép", "Mã chứa một trường dữ liệu GS1 có thật (ví dụ: khối lượng tịnh) nhưng mã truy xuất có chữ ký của tỉnh không được phép chứa trường này.", "Không tin vào mã này. Có thể mã đã bị sửa hoặc in sai."),
            en: m("Field not allowed here", "The code holds a real GS1 field (for example net weight) that the province's signed codes may not contain.", "Do not trust this code; it may have been altered or misprinted."),
        },
        PayloadSignatureForeign => Both {
            vi: m("Không phải mã có chữ ký của tỉnh", "Mã có chữ ký số của một hệ thống khác (không theo định dạng của tỉnh Quảng Trị), nên ứng dụng này không kiểm tra được. Điều đó không có nghĩa là hàng giả.", "Dùng ứng dụng của đơn vị đã phát hành mã để kiểm tra, hoặc hỏi người bán."),
            en: m("Not a signed code of this province", "The code carries a digital signature of another system (not in Quảng Trị's format), so this verifier cannot check it. That does not make the product fake.", "Check it with the issuer's own app, or ask the seller."),
        },
        RegistryValid => Both {
            vi: m("Danh sách nhà sản xuất hợp lệ", "Danh sách nhà sản xuất có chữ ký của cơ quan quản lý tỉnh.", "Không cần làm gì."),
            en: m("Producer list valid", "The producer list is signed by the provincial authority.", "Nothing to do."),
        },
        RegistryUnavailable => Both {
            vi: m("Chưa tải được danh sách nhà sản xuất", "Không tải được danh sách nhà sản xuất từ cơ quan quản lý (mất mạng hoặc máy chủ lỗi), nên chưa kiểm tra được mã.", "Kiểm tra kết nối mạng rồi thử lại."),
            en: m("Producer list not available", "The authority's producer list could not be loaded (offline or server error), so the code could not be checked.", "Check your connection and try again."),
        },
        RegistryTooLarge => Both {
            vi: m("Danh sách nhà sản xuất quá lớn", "Tệp danh sách nhà sản xuất lớn bất thường nên không được dùng.", "Thử lại sau hoặc báo cho cơ quan quản lý."),
            en: m("Producer list too large", "The producer list file is unusually large and was not used.", "Try again later or tell the authority."),
        },
        RegistryMalformed => Both {
            vi: m("Danh sách nhà sản xuất bị lỗi", "Tệp danh sách nhà sản xuất bị hỏng hoặc sai cấu trúc.", "Thử lại sau. Nếu lỗi lặp lại, báo cho cơ quan quản lý."),
            en: m("Producer list damaged", "The producer list file is damaged or malformed.", "Try again later. If it persists, tell the authority."),
        },
        RegistryWrongType => Both {
            vi: m("Tệp không phải danh sách nhà sản xuất", "Tệp nhận được là một loại tài liệu ký số khác (ví dụ nhật ký sản xuất), không phải danh sách nhà sản xuất, nên không được dùng.", "Không dùng tệp này. Thử lại sau hoặc báo cho cơ quan quản lý."),
            en: m("Not a producer list", "The file received is another kind of signed document (for example a production record), not the producer list, so it was not used.", "Do not use this file. Try again later or tell the authority."),
        },
        RegistryVersionUnsupported => Both {
            vi: m("Danh sách nhà sản xuất phiên bản mới", "Danh sách nhà sản xuất dùng định dạng mà phiên bản này chưa đọc được.", "Cập nhật ứng dụng kiểm tra."),
            en: m("Newer producer list format", "The producer list uses a format this version cannot read.", "Update the verifier."),
        },
        RegistryUntrustedKey => Both {
            vi: m("Danh sách không do cơ quan quản lý ký", "Danh sách nhà sản xuất được ký bằng một khóa không thuộc cơ quan quản lý của tỉnh.", "Không dùng danh sách này. Báo cho cơ quan quản lý."),
            en: m("List not signed by the authority", "The producer list is signed with a key that is not the provincial authority's.", "Do not use this list. Tell the authority."),
        },
        RegistrySignatureInvalid => Both {
            vi: m("Chữ ký của danh sách không đúng", "Danh sách nhà sản xuất đã bị thay đổi sau khi cơ quan quản lý ký.", "Không dùng danh sách này. Thử lại sau hoặc báo cho cơ quan quản lý."),
            en: m("Producer list signature invalid", "The producer list was changed after the authority signed it.", "Do not use this list. Try again later or tell the authority."),
        },
        RegistryDuplicateId => Both {
            vi: m("Danh sách có nhà sản xuất trùng", "Hai nhà sản xuất trong danh sách có cùng mã định danh.", "Báo cho cơ quan quản lý."),
            en: m("Duplicate producer in list", "Two producers in the list share an id.", "Tell the authority."),
        },
        RegistryPrefixConflict => Both {
            vi: m("Danh sách có mã doanh nghiệp trùng", "Một mã doanh nghiệp GS1 được gán cho hai nhà sản xuất.", "Báo cho cơ quan quản lý."),
            en: m("Company prefix listed twice", "One GS1 company prefix is assigned to two producers.", "Tell the authority."),
        },
        RegistryKeyInvalid => Both {
            vi: m("Danh sách có khóa không hợp lệ", "Một khóa công khai trong danh sách bị lỗi, yếu hoặc trùng số.", "Báo cho cơ quan quản lý."),
            en: m("Invalid key in list", "A public key in the list is malformed, weak or numbered twice.", "Tell the authority."),
        },
        RegistryStale => Both {
            vi: m("Danh sách nhà sản xuất đã cũ", "Đang dùng danh sách nhà sản xuất đã quá hạn cập nhật; có thể đã có danh sách mới hơn.", "Kết nối mạng và quét lại để dùng danh sách mới nhất."),
            en: m("Producer list out of date", "The producer list is past its update date; a newer one may exist.", "Go online and scan again to use the latest list."),
        },
        RegistryExpired => Both {
            vi: m("Danh sách nhà sản xuất quá cũ", "Danh sách nhà sản xuất đã quá hạn cập nhật hơn 90 ngày, không đủ tin cậy để kết luận.", "Kết nối mạng và quét lại. Mã không bị coi là giả chỉ vì danh sách cũ."),
            en: m("Producer list too old", "The producer list is more than 90 days past its update date, too old to rely on.", "Go online and scan again. An old list does not make the code fake."),
        },
        RegistryRollback => Both {
            vi: m("Danh sách nhà sản xuất cũ hơn bản đã có", "Danh sách vừa nhận được cũ hơn danh sách máy này đã kiểm tra trước đây, nên có thể thiếu các khóa đã bị thu hồi. Không dùng danh sách này.", "Tải lại trang khi có mạng ổn định rồi quét lại. Nếu vẫn thấy thông báo này, báo cho cơ quan quản lý."),
            en: m("Producer list older than one already seen", "The list just received is older than one this device checked before, so it may lack revoked keys. It is not used.", "Reload the page on a good connection and scan again. If this persists, tell the authority."),
        },
        RegistryCached => Both {
            vi: m("Đang dùng danh sách đã lưu", "Không có mạng nên đang dùng danh sách nhà sản xuất đã lưu trên máy (chữ ký vẫn được kiểm tra lại).", "Khi có mạng, quét lại để dùng danh sách mới nhất."),
            en: m("Using saved list", "Offline: using the producer list saved on this device (its signature was checked again).", "When online, scan again to use the latest list."),
        },
        RegistryDemo => Both {
            vi: m("Dữ liệu thử nghiệm", "Đây là dữ liệu trình diễn, khóa ký là khóa thử nghiệm (TEST), không dùng cho hàng thật.", "Chỉ dùng để thử ứng dụng."),
            en: m("Demo data", "This is demonstration data signed with TEST keys, not for real products.", "Use only to try the verifier."),
        },
        ClockBehind => Both {
            vi: m("Ngày giờ của máy có vẻ bị sai", "Ngày giờ trên máy này sớm hơn ngày cơ quan quản lý ký danh sách nhà sản xuất. Kết quả được tính theo ngày ký danh sách.", "Kiểm tra lại ngày giờ của điện thoại rồi quét lại."),
            en: m("Device clock looks wrong", "This device's date is earlier than the date the authority signed the producer list. The result was worked out at the list's date instead.", "Check the phone's date and time, then scan again."),
        },
        ProducerUnknown => Both {
            vi: m("Không phải tem có chữ ký số của tỉnh", "Mã sản phẩm không thuộc nhà sản xuất nào trong danh sách của cơ quan quản lý, nên không kiểm tra được nguồn gốc bằng ứng dụng này.", "Mã có thể do hệ thống khác phát hành. Nếu người bán nói sản phẩm có tem truy xuất của tỉnh, hãy hỏi lại hoặc báo cho cơ quan quản lý."),
            en: m("Not a signed code of this province", "The product number belongs to no producer on the authority's list, so this verifier cannot check its origin.", "It may come from another system. If the seller says it carries the province's traceability label, ask again or tell the authority."),
        },
        KeyUnknown => Both {
            vi: m("Khóa ký không được công bố", "Nhà sản xuất không có khóa ký nào như mã này ghi.", "Không tin vào mã này. Báo hàng nghi giả cho cơ quan quản lý."),
            en: m("Signing key not published", "The producer has no signing key like the one this code names.", "Do not trust this code. Report a suspected fake."),
        },
        KeyNotYetListed => Both {
            vi: m("Khóa ký chưa có trong danh sách đã lưu", "Danh sách nhà sản xuất trên máy đã cũ hoặc là bản lưu, chưa có khóa mà mã này dùng; khóa có thể mới được công bố.", "Kết nối mạng, tải lại trang rồi quét lại để dùng danh sách mới nhất."),
            en: m("Signing key not in the saved list", "The producer list on this device is saved or out of date and lacks the key this code uses; it may have been published since.", "Go online, reload the page and scan again to use the latest list."),
        },
        KeyRevoked => Both {
            vi: m("Khóa ký đã bị thu hồi", "Khóa ký của nhà sản xuất đã bị thu hồi (bị lộ hoặc mất), nên mọi nhãn ký bằng khóa này đều không còn giá trị.", "Không tin vào mã này. Báo cho cơ quan quản lý hoặc nhà sản xuất."),
            en: m("Signing key revoked", "The producer's signing key was revoked (lost or compromised), so every label it signed is void.", "Do not trust this code. Tell the authority or the producer."),
        },
        KeyNotYetValid => Both {
            vi: m("Khóa ký chưa có hiệu lực", "Nhãn được ký bằng khóa chưa đến ngày có hiệu lực.", "Không tin vào mã này. Kiểm tra ngày giờ trên máy rồi quét lại."),
            en: m("Signing key not yet valid", "The label is signed with a key that is not valid yet.", "Do not trust this code. Check the device's date and scan again."),
        },
        KeyRetired => Both {
            vi: m("Nhãn ký bằng khóa cũ", "Nhãn được ký bằng khóa cũ mà nhà sản xuất đã thay; nhãn in trước đó vẫn có giá trị.", "Không cần làm gì; đây chỉ là lưu ý."),
            en: m("Signed with a retired key", "The label is signed with a key the producer has since replaced; labels printed before remain valid.", "Nothing to do; this is a note."),
        },
        SignatureValid => Both {
            vi: m("Chữ ký số hợp lệ", "Nhãn do đúng nhà sản xuất đã đăng ký phát hành, thông tin trên mã không bị sửa.", "Đối chiếu thông tin bên dưới với sản phẩm trên tay."),
            en: m("Signature valid", "The label was issued by the registered producer and its data is unchanged.", "Compare the details below with the product in your hand."),
        },
        SignatureInvalid => Both {
            vi: m("Chữ ký số không đúng", "Thông tin trên mã đã bị thay đổi hoặc chữ ký bị làm giả.", "Không tin vào mã này. Báo hàng nghi giả cho cơ quan quản lý."),
            en: m("Signature invalid", "The code's data was changed or its signature forged.", "Do not trust this code. Report a suspected fake."),
        },
        HostOfficial => Both {
            vi: m("Địa chỉ trang chính thức", "Mã trỏ tới trang truy xuất chính thức của tỉnh.", "Không cần làm gì."),
            en: m("Official address", "The code points to the province's official traceability site.", "Nothing to do."),
        },
        HostUnofficial => Both {
            vi: m("Địa chỉ trang không chính thức", "Chữ ký hợp lệ nhưng mã trỏ tới một trang web không phải của cơ quan quản lý; có thể tem đã bị dán đè.", "Đừng nhập thông tin cá nhân hay thanh toán trên trang đó. Kiểm tra tem có bị dán đè không."),
            en: m("Unofficial address", "The signature is valid but the code points to a website that is not the authority's; the sticker may have been covered.", "Do not enter personal or payment details there. Check whether the sticker was covered."),
        },
        HostAbsent => Both {
            vi: m("Mã dạng chuỗi GS1", "Mã được đọc dưới dạng chuỗi dữ liệu GS1, không có địa chỉ trang web.", "Không cần làm gì."),
            en: m("GS1 element string", "The code was read as a GS1 element string, with no web address.", "Nothing to do."),
        },
        TraceValid => Both {
            vi: m("Nhật ký sản xuất hợp lệ", "Nhật ký sản xuất của lô hàng có chữ ký của nhà sản xuất và khớp với nhãn.", "Xem các công đoạn bên dưới."),
            en: m("Production record valid", "The lot's production record is signed by the producer and matches the label.", "See the steps below."),
        },
        TraceUnavailable => Both {
            vi: m("Chưa tải được nhật ký sản xuất", "Không tải được nhật ký sản xuất của lô hàng; thông tin bên dưới chỉ lấy từ nhãn đã ký.", "Kiểm tra kết nối mạng rồi thử lại để xem nhật ký."),
            en: m("Production record not available", "The lot's production record could not be loaded; the details below come from the signed label only.", "Check your connection and try again to see the record."),
        },
        TraceTooLarge => Both {
            vi: m("Nhật ký sản xuất quá lớn", "Tệp nhật ký sản xuất lớn bất thường nên không được dùng.", "Báo cho nhà sản xuất."),
            en: m("Production record too large", "The production record file is unusually large and was not used.", "Tell the producer."),
        },
        TraceMalformed => Both {
            vi: m("Nhật ký sản xuất bị lỗi", "Tệp nhật ký sản xuất bị hỏng hoặc sai cấu trúc nên không hiển thị được.", "Thử lại sau. Nếu lỗi lặp lại, báo cho nhà sản xuất."),
            en: m("Production record damaged", "The production record file is damaged or malformed and cannot be shown.", "Try again later. If it persists, tell the producer."),
        },
        TraceWrongType => Both {
            vi: m("Tệp không phải nhật ký sản xuất", "Tệp nhận được là một loại tài liệu ký số khác (ví dụ danh sách nhà sản xuất), không phải nhật ký sản xuất của lô hàng, nên không được hiển thị; thông tin bên dưới chỉ lấy từ nhãn đã ký.", "Báo cho nhà sản xuất."),
            en: m("Not a production record", "The file received is another kind of signed document (for example a producer list), not the lot's production record, so it is not shown; the details below come from the signed label only.", "Tell the producer."),
        },
        TraceVersionUnsupported => Both {
            vi: m("Nhật ký phiên bản mới", "Nhật ký sản xuất dùng định dạng mà phiên bản này chưa đọc được.", "Cập nhật ứng dụng kiểm tra."),
            en: m("Newer record format", "The production record uses a format this version cannot read.", "Update the verifier."),
        },
        TraceTooManyEvents => Both {
            vi: m("Nhật ký có quá nhiều sự kiện", "Nhật ký sản xuất có nhiều sự kiện hơn mức cho phép nên không được hiển thị.", "Báo cho nhà sản xuất."),
            en: m("Too many events in record", "The production record has more events than allowed and is not shown.", "Tell the producer."),
        },
        TraceSignerUnknown => Both {
            vi: m("Nhật ký không do nhà sản xuất ký", "Nhật ký sản xuất được ký bằng khóa không thuộc nhà sản xuất của nhãn này.", "Không tin vào nhật ký này. Báo cho cơ quan quản lý."),
            en: m("Record not signed by the producer", "The production record is signed with a key that is not this label's producer's.", "Do not trust this record. Tell the authority."),
        },
        TraceKeyRevoked => Both {
            vi: m("Nhật ký ký bằng khóa đã thu hồi", "Nhật ký sản xuất được ký bằng khóa đã bị thu hồi.", "Không tin vào nhật ký này. Báo cho cơ quan quản lý."),
            en: m("Record signed with a revoked key", "The production record is signed with a revoked key.", "Do not trust this record. Tell the authority."),
        },
        TraceKeyNotYetValid => Both {
            vi: m("Nhật ký ký bằng khóa chưa có hiệu lực", "Nhật ký sản xuất được ký bằng khóa chưa đến ngày có hiệu lực.", "Không tin vào nhật ký này. Báo cho cơ quan quản lý hoặc nhà sản xuất."),
            en: m("Record signed with a key not yet valid", "The production record is signed with a key that is not valid yet.", "Do not trust this record. Tell the authority or the producer."),
        },
        TraceSignatureInvalid => Both {
            vi: m("Nhật ký đã bị sửa", "Nhật ký sản xuất đã bị thay đổi sau khi nhà sản xuất ký.", "Không tin vào nhật ký này. Báo cho cơ quan quản lý."),
            en: m("Record was altered", "The production record was changed after the producer signed it.", "Do not trust this record. Tell the authority."),
        },
        TraceMismatch => Both {
            vi: m("Nhật ký không khớp với nhãn", "Nhật ký sản xuất là của sản phẩm hoặc lô hàng khác với nhãn này.", "Không tin vào thông tin này. Báo cho cơ quan quản lý."),
            en: m("Record does not match label", "The production record is for another product or lot than this label.", "Do not trust this information. Tell the authority."),
        },
        LotRecalled => Both {
            vi: m("LÔ HÀNG ĐÃ BỊ THU HỒI", "Nhà sản xuất đã thu hồi lô hàng này.", "Không sử dụng sản phẩm. Liên hệ nơi bán hoặc nhà sản xuất để được đổi trả."),
            en: m("LOT RECALLED", "The producer has recalled this lot.", "Do not use the product. Contact the shop or the producer for a return."),
        },
        ProductExpired => Both {
            vi: m("Sản phẩm đã hết hạn", "Hạn sử dụng ghi trên mã đã qua.", "Không nên sử dụng sản phẩm."),
            en: m("Product expired", "The expiry date in the code has passed.", "Do not use the product."),
        },
        InfoMissingName => Both {
            vi: m("Thiếu tên sản phẩm", "Nhật ký sản xuất không có tên sản phẩm như Thông tư 02/2024/TT-BKHCN yêu cầu.", "Nhà sản xuất cần bổ sung."),
            en: m("Product name missing", "The record lacks the product name that Circular 02/2024/TT-BKHCN requires.", "The producer should add it."),
        },
        InfoMissingImage => Both {
            vi: m("Thiếu ảnh sản phẩm", "Nhật ký sản xuất không có ảnh sản phẩm như Thông tư 02/2024/TT-BKHCN yêu cầu.", "Nhà sản xuất cần bổ sung."),
            en: m("Product image missing", "The record lacks the product image that Circular 02/2024/TT-BKHCN requires.", "The producer should add it."),
        },
        InfoMissingProducer => Both {
            vi: m("Thiếu tên hoặc địa chỉ nhà sản xuất", "Thiếu tên hoặc địa chỉ của cơ sở sản xuất, kinh doanh như Thông tư 02/2024/TT-BKHCN yêu cầu.", "Cơ quan quản lý cần bổ sung."),
            en: m("Producer name or address missing", "The name or address of the production/business unit, required by Circular 02/2024/TT-BKHCN, is missing.", "The authority should add it."),
        },
        InfoMissingExpiry => Both {
            vi: m("Thiếu hạn sử dụng", "Sản phẩm có hạn sử dụng nhưng nhãn và nhật ký đều không ghi.", "Hỏi người bán về hạn sử dụng."),
            en: m("Expiry date missing", "The product has an expiry date but neither label nor record gives it.", "Ask the seller for the expiry date."),
        },
        InfoMissingStandards => Both {
            vi: m("Thiếu tiêu chuẩn áp dụng", "Nhật ký sản xuất không ghi sản phẩm được làm theo tiêu chuẩn nào (TCVN, QCVN hoặc tiêu chuẩn cơ sở) như Thông tư 02/2024/TT-BKHCN yêu cầu.", "Nhà sản xuất cần bổ sung. Nếu cần biết, hãy hỏi người bán."),
            en: m("Standards applied missing", "The record does not say which standards the product is made to (TCVN, QCVN or a company standard), as Circular 02/2024/TT-BKHCN requires.", "The producer should add them. If it matters to you, ask the seller."),
        },
        InfoMissingStages => Both {
            vi: m("Thiếu các công đoạn sản xuất", "Nhật ký có ghi sự kiện nhưng không ghi đó là công đoạn nào (trồng, thu hoạch, chế biến, đóng gói…) như Thông tư 02/2024/TT-BKHCN yêu cầu.", "Nhà sản xuất cần bổ sung."),
            en: m("Production stages missing", "The record lists events but not which stage each one is (growing, harvesting, processing, packing…), as Circular 02/2024/TT-BKHCN requires.", "The producer should add them."),
        },
        TraceNoEvents => Both {
            vi: m("Nhật ký chưa có sự kiện nào", "Nhật ký sản xuất được ký hợp lệ nhưng không ghi công đoạn, thời gian hay nơi làm nào, nên không xem được hành trình của sản phẩm.", "Nhà sản xuất cần bổ sung. Thông tin trên nhãn vẫn hợp lệ."),
            en: m("Record has no events", "The production record is validly signed but lists no stages, times or places, so the product's history cannot be shown.", "The producer should add them. The label itself is valid."),
        },
        TraceEventWithoutGoods => Both {
            vi: m("Có bước không ghi hàng hóa", "Có bước trong nhật ký không ghi rõ làm với lô hàng hay sản phẩm nào, nên không chắc bước đó thuộc về sản phẩm này.", "Xem các bước còn lại. Nhà sản xuất cần ghi rõ lô hàng ở mọi bước."),
            en: m("Step without goods", "A step in the record does not say which lot or product it concerns, so it is not certain that it belongs to this product.", "Look at the other steps. The producer should name the lot in every step."),
        },
        LabelCopyPossible => Both {
            vi: m("Lưu ý", "Mã hợp lệ cho biết ai đã phát hành nhãn, nhưng không chứng minh món hàng này không phải hàng sao chép: một mã thật có thể bị in lại.", "Mua ở nơi tin cậy; nếu cùng một mã xuất hiện trên nhiều sản phẩm, hãy báo cho cơ quan quản lý."),
            en: m("Note", "A valid code shows who issued the label, not that this item is not a copy: a real code can be reprinted.", "Buy from trusted shops; if the same code appears on many items, report it."),
        },
    }
}

/// The message for a code in a language.
pub fn message(code: Code, lang: Lang) -> Message {
    let b = both(code);
    match lang {
        Lang::Vi => b.vi,
        Lang::En => b.en,
    }
}

/// The banner title of a state.
pub const fn state_title(state: State, lang: Lang) -> &'static str {
    match (state, lang) {
        (State::Verified, Lang::Vi) => "Đã xác thực",
        (State::VerifiedWithWarnings, Lang::Vi) => "Đã xác thực, cần lưu ý",
        (State::Invalid, Lang::Vi) => "Không hợp lệ",
        (State::CannotTell, Lang::Vi) => "Chưa kiểm tra được",
        (State::Verified, Lang::En) => "Verified",
        (State::VerifiedWithWarnings, Lang::En) => "Verified, with warnings",
        (State::Invalid, Lang::En) => "Not valid",
        (State::CannotTell, Lang::En) => "Could not check",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_both_languages() {
        for &c in Code::ALL {
            for lang in [Lang::Vi, Lang::En] {
                let m = message(c, lang);
                assert!(
                    !m.title.is_empty() && !m.explanation.is_empty() && !m.next_step.is_empty(),
                    "{c}"
                );
            }
            assert_ne!(
                message(c, Lang::Vi).title,
                message(c, Lang::En).title,
                "{c} untranslated"
            );
        }
    }
}
