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

    /// The language texts are given in: `self`, or Vietnamese in a build without English texts
    /// (feature `en` off: the verify-first module for Vietnamese readers, issue 10). Every choice
    /// of a text by language matches on this, so such a build holds no English text at all.
    #[inline(always)]
    pub const fn texts(self) -> Lang {
        if cfg!(feature = "en") {
            self
        } else {
            Lang::Vi
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

fn both(code: Code) -> Both {
    use Code::*;
    match code {
        PayloadParsed => Both {
            vi: Message {
                title: "Đã đọc được mã",
                explanation: "Mã chứa thông tin sản phẩm và chữ ký số.",
                next_step: "Không cần làm gì.",
            },
            en: Message {
                title: "Code read",
                explanation: "The code holds product data and a digital signature.",
                next_step: "Nothing to do.",
            },
        },
        PayloadTooLong => Both {
            vi: Message {
                title: "Mã quá dài",
                explanation: "Nội dung mã dài bất thường, không phải mã truy xuất nguồn gốc của tỉnh.",
                next_step: "Không tin vào mã này. Hỏi người bán hoặc báo cho cơ quan quản lý.",
            },
            en: Message {
                title: "Code too long",
                explanation: "The code's content is unusually long; it is not a provincial traceability code.",
                next_step: "Do not trust this code. Ask the seller or report it.",
            },
        },
        PayloadNotGs1 => Both {
            vi: Message {
                title: "Mã của hệ thống khác",
                explanation: "Đây là một loại mã khác (ví dụ mã Wi-Fi, số điện thoại, mã vạch thông thường, đường link thông thường), không phải tem truy xuất nguồn gốc có chữ ký số của tỉnh.",
                next_step: "Hãy quét mã QR truy xuất nguồn gốc in trên nhãn sản phẩm.",
            },
            en: Message {
                title: "A code from another system",
                explanation: "This is another kind of code (for example a Wi-Fi code, a phone number, an ordinary barcode or link), not a signed traceability label of this province.",
                next_step: "Scan the traceability QR code printed on the product label.",
            },
        },
        PayloadUnsigned => Both {
            vi: Message {
                title: "Mã không có chữ ký số",
                explanation: "Mã có thông tin sản phẩm nhưng không có chữ ký số, nên không thể kiểm tra ai đã phát hành nhãn.",
                next_step: "Mã chưa được xác thực. Nếu nghi ngờ, hỏi người bán hoặc báo cho cơ quan quản lý.",
            },
            en: Message {
                title: "Code has no digital signature",
                explanation: "The code has product data but no digital signature, so who issued the label cannot be checked.",
                next_step: "The code is not verified. If in doubt, ask the seller or report it.",
            },
        },
        PayloadPathInvalid => Both {
            vi: Message {
                title: "Đường link sai cấu trúc",
                explanation: "Đường link trong mã không đúng cấu trúc của tem truy xuất (thứ tự hoặc ký tự không hợp lệ).",
                next_step: "Không tin vào mã này. Có thể mã đã bị sửa.",
            },
            en: Message {
                title: "Malformed link",
                explanation: "The link in the code does not have the structure of a traceability label (wrong order or invalid characters).",
                next_step: "Do not trust this code; it may have been altered.",
            },
        },
        PayloadGtinMissing => Both {
            vi: Message {
                title: "Thiếu mã số sản phẩm",
                explanation: "Mã không có mã số sản phẩm.",
                next_step: "Không tin vào mã này.",
            },
            en: Message {
                title: "Product number missing",
                explanation: "The code has no product number.",
                next_step: "Do not trust this code.",
            },
        },
        PayloadGtinCheckDigit => Both {
            vi: Message {
                title: "Mã số sản phẩm bị sai",
                explanation: "Mã số sản phẩm bị sai (số kiểm tra không khớp): mã bị in sai, đọc sai hoặc bị sửa.",
                next_step: "Quét lại. Nếu vẫn sai, đừng tin vào mã này và báo cho cơ quan quản lý.",
            },
            en: Message {
                title: "Product number is wrong",
                explanation: "The product number is wrong (its check digit does not match): misprinted, misread or altered.",
                next_step: "Scan again. If it stays wrong, do not trust the code and report it.",
            },
        },
        PayloadLotMissing => Both {
            vi: Message {
                title: "Thiếu số lô",
                explanation: "Mã không có số lô sản xuất, điều bắt buộc với tem truy xuất của tỉnh.",
                next_step: "Không tin vào mã này.",
            },
            en: Message {
                title: "Lot number missing",
                explanation: "The code has no lot number, which the province's labels must carry.",
                next_step: "Do not trust this code.",
            },
        },
        PayloadSerialMissing => Both {
            vi: Message {
                title: "Thiếu số sê-ri",
                explanation: "Mã không có số sê-ri, điều bắt buộc với tem có chữ ký số.",
                next_step: "Không tin vào mã này.",
            },
            en: Message {
                title: "Serial number missing",
                explanation: "The code has no serial number, which a signed label must carry.",
                next_step: "Do not trust this code.",
            },
        },
        PayloadAiUnknown => Both {
            vi: Message {
                title: "Mã chứa trường lạ",
                explanation: "Mã chứa một trường dữ liệu không có trong chuẩn mã số mã vạch.",
                next_step: "Không tin vào mã này. Có thể mã đã bị sửa.",
            },
            en: Message {
                title: "Unknown field in code",
                explanation: "The code contains a field that the barcode standard does not have.",
                next_step: "Do not trust this code; it may have been altered.",
            },
        },
        PayloadAiDuplicate => Both {
            vi: Message {
                title: "Trường dữ liệu bị lặp",
                explanation: "Một trường dữ liệu xuất hiện hai lần trong mã.",
                next_step: "Không tin vào mã này. Có thể mã đã bị sửa.",
            },
            en: Message {
                title: "Duplicated field",
                explanation: "A data field appears twice in the code.",
                next_step: "Do not trust this code; it may have been altered.",
            },
        },
        PayloadValueEmpty => Both {
            vi: Message {
                title: "Trường dữ liệu bị trống",
                explanation: "Một trường dữ liệu trong mã không có giá trị.",
                next_step: "Không tin vào mã này.",
            },
            en: Message {
                title: "Empty field",
                explanation: "A data field in the code has no value.",
                next_step: "Do not trust this code.",
            },
        },
        PayloadValueInvalid => Both {
            vi: Message {
                title: "Giá trị không hợp lệ",
                explanation: "Một giá trị trong mã sai định dạng (ký tự hoặc độ dài không cho phép).",
                next_step: "Không tin vào mã này. Có thể mã đã bị sửa.",
            },
            en: Message {
                title: "Invalid value",
                explanation: "A value in the code has the wrong format (characters or length).",
                next_step: "Do not trust this code; it may have been altered.",
            },
        },
        PayloadDateInvalid => Both {
            vi: Message {
                title: "Ngày không hợp lệ",
                explanation: "Một ngày trong mã (ngày sản xuất, hạn dùng, ngày thu hoạch…) không có thật.",
                next_step: "Không tin vào mã này.",
            },
            en: Message {
                title: "Invalid date",
                explanation: "A date in the code (production, expiry, harvest…) does not exist.",
                next_step: "Do not trust this code.",
            },
        },
        PayloadSignatureEncoding => Both {
            vi: Message {
                title: "Chữ ký số sai định dạng",
                explanation: "Phần chữ ký số trong mã không đúng độ dài hoặc cách viết quy định.",
                next_step: "Không tin vào mã này. Có thể mã đã bị sửa.",
            },
            en: Message {
                title: "Malformed digital signature",
                explanation: "The code's digital signature has the wrong length or spelling.",
                next_step: "Do not trust this code; it may have been altered.",
            },
        },
        PayloadProfileUnknown => Both {
            vi: Message {
                title: "Chữ ký kiểu mới",
                explanation: "Mã dùng một kiểu chữ ký số mà trang kiểm tra này chưa đọc được.",
                next_step: "Tải lại trang rồi quét lại. Nếu vẫn vậy, hỏi người bán.",
            },
            en: Message {
                title: "Newer kind of signature",
                explanation: "The code uses a kind of digital signature this page cannot read yet.",
                next_step: "Reload the page and scan again. If nothing changes, ask the seller.",
            },
        },
        PayloadAiNotAllowed => Both {
            vi: Message {
                title: "Mã chứa trường không được phép",
                explanation: "Mã chứa một trường dữ liệu có thật (ví dụ khối lượng tịnh) nhưng tem có chữ ký số của tỉnh không được chứa trường này.",
                next_step: "Không tin vào mã này. Có thể mã đã bị sửa hoặc in sai.",
            },
            en: Message {
                title: "Field not allowed in code",
                explanation: "The code carries a real data field (for example net weight) that the province's signed labels may not carry.",
                next_step: "Do not trust this code; it may have been altered or misprinted.",
            },
        },
        PayloadSignatureForeign => Both {
            vi: Message {
                title: "Mã có chữ ký của hệ thống khác",
                explanation: "Mã có chữ ký số của một hệ thống khác (không theo định dạng của tỉnh Quảng Trị), nên trang này không kiểm tra được. Điều đó không có nghĩa là hàng giả.",
                next_step: "Dùng ứng dụng của đơn vị đã phát hành mã để kiểm tra, hoặc hỏi người bán.",
            },
            en: Message {
                title: "Signed by another system",
                explanation: "The code carries another system's digital signature (not Quảng Trị's format), so this page cannot check it. That does not make it a fake.",
                next_step: "Check it with the app of whoever issued it, or ask the seller.",
            },
        },
        RegistryValid => Both {
            vi: Message {
                title: "Danh sách nhà sản xuất hợp lệ",
                explanation: "Danh sách nhà sản xuất có chữ ký của cơ quan quản lý tỉnh.",
                next_step: "Không cần làm gì.",
            },
            en: Message {
                title: "Producer list valid",
                explanation: "The producer list is signed by the provincial authority.",
                next_step: "Nothing to do.",
            },
        },
        RegistryUnavailable => Both {
            vi: Message {
                title: "Chưa tải được danh sách nhà sản xuất",
                explanation: "Không tải được danh sách nhà sản xuất từ cơ quan quản lý (mất mạng hoặc máy chủ lỗi), nên chưa kiểm tra được mã.",
                next_step: "Kiểm tra kết nối mạng rồi thử lại.",
            },
            en: Message {
                title: "Producer list not available",
                explanation: "The authority's producer list could not be loaded (offline or server error), so the code could not be checked.",
                next_step: "Check your connection and try again.",
            },
        },
        RegistryTooLarge => Both {
            vi: Message {
                title: "Danh sách nhà sản xuất quá lớn",
                explanation: "Tệp danh sách nhà sản xuất lớn bất thường nên không được dùng.",
                next_step: "Thử lại sau hoặc báo cho cơ quan quản lý.",
            },
            en: Message {
                title: "Producer list too large",
                explanation: "The producer list file is unusually large and was not used.",
                next_step: "Try again later or tell the authority.",
            },
        },
        RegistryMalformed => Both {
            vi: Message {
                title: "Danh sách nhà sản xuất bị lỗi",
                explanation: "Tệp danh sách nhà sản xuất bị hỏng hoặc sai cấu trúc.",
                next_step: "Thử lại sau. Nếu lỗi lặp lại, báo cho cơ quan quản lý.",
            },
            en: Message {
                title: "Producer list damaged",
                explanation: "The producer list file is damaged or malformed.",
                next_step: "Try again later. If it persists, tell the authority.",
            },
        },
        RegistryWrongType => Both {
            vi: Message {
                title: "Tệp không phải danh sách nhà sản xuất",
                explanation: "Tệp nhận được là một loại tài liệu ký số khác (ví dụ nhật ký sản xuất), không phải danh sách nhà sản xuất, nên không được dùng.",
                next_step: "Không dùng tệp này. Thử lại sau hoặc báo cho cơ quan quản lý.",
            },
            en: Message {
                title: "Not a producer list",
                explanation: "The file received is another kind of signed document (for example a production record), not the producer list, so it was not used.",
                next_step: "Do not use this file. Try again later or tell the authority.",
            },
        },
        RegistryVersionUnsupported => Both {
            vi: Message {
                title: "Danh sách nhà sản xuất phiên bản mới",
                explanation: "Danh sách nhà sản xuất dùng định dạng mà trang này chưa đọc được.",
                next_step: "Tải lại trang rồi quét lại.",
            },
            en: Message {
                title: "Newer producer list format",
                explanation: "The producer list uses a format this page cannot read yet.",
                next_step: "Reload the page and scan again.",
            },
        },
        RegistryUntrustedKey => Both {
            vi: Message {
                title: "Danh sách không do cơ quan quản lý ký",
                explanation: "Danh sách nhà sản xuất được ký bằng một khóa không thuộc cơ quan quản lý của tỉnh.",
                next_step: "Không dùng danh sách này. Báo cho cơ quan quản lý.",
            },
            en: Message {
                title: "List not signed by the authority",
                explanation: "The producer list is signed with a key that is not the provincial authority's.",
                next_step: "Do not use this list. Tell the authority.",
            },
        },
        RegistrySignatureInvalid => Both {
            vi: Message {
                title: "Chữ ký của danh sách không đúng",
                explanation: "Danh sách nhà sản xuất đã bị thay đổi sau khi cơ quan quản lý ký.",
                next_step: "Không dùng danh sách này. Thử lại sau hoặc báo cho cơ quan quản lý.",
            },
            en: Message {
                title: "Producer list signature invalid",
                explanation: "The producer list was changed after the authority signed it.",
                next_step: "Do not use this list. Try again later or tell the authority.",
            },
        },
        RegistryDuplicateId => Both {
            vi: Message {
                title: "Danh sách có nhà sản xuất trùng",
                explanation: "Hai nhà sản xuất trong danh sách có cùng mã định danh.",
                next_step: "Báo cho cơ quan quản lý.",
            },
            en: Message {
                title: "Duplicate producer in list",
                explanation: "Two producers in the list share an id.",
                next_step: "Tell the authority.",
            },
        },
        RegistryPrefixConflict => Both {
            vi: Message {
                title: "Danh sách có mã doanh nghiệp trùng",
                explanation: "Một mã doanh nghiệp được gán cho hai nhà sản xuất.",
                next_step: "Báo cho cơ quan quản lý.",
            },
            en: Message {
                title: "Company number listed twice",
                explanation: "One company number is assigned to two producers.",
                next_step: "Tell the authority.",
            },
        },
        RegistryKeyInvalid => Both {
            vi: Message {
                title: "Danh sách có khóa bị lỗi",
                explanation: "Khóa chữ ký số cần dùng để kiểm tra bị ghi lỗi hoặc không an toàn trong danh sách nhà sản xuất, nên không kiểm tra được.",
                next_step: "Báo cho cơ quan quản lý.",
            },
            en: Message {
                title: "Faulty key in the list",
                explanation: "The signature key needed for this check is faulty or unsafe in the producer list, so it cannot be checked.",
                next_step: "Tell the authority.",
            },
        },
        RegistryStale => Both {
            vi: Message {
                title: "Danh sách nhà sản xuất đã cũ",
                explanation: "Đang dùng danh sách nhà sản xuất đã quá hạn cập nhật; có thể đã có danh sách mới hơn.",
                next_step: "Kết nối mạng và quét lại để dùng danh sách mới nhất.",
            },
            en: Message {
                title: "Producer list out of date",
                explanation: "The producer list is past its update date; a newer one may exist.",
                next_step: "Go online and scan again to use the latest list.",
            },
        },
        RegistryExpired => Both {
            vi: Message {
                title: "Danh sách nhà sản xuất quá cũ",
                explanation: "Danh sách nhà sản xuất đã quá hạn cập nhật hơn 90 ngày, không đủ tin cậy để kết luận.",
                next_step: "Kết nối mạng và quét lại. Mã không bị coi là giả chỉ vì danh sách cũ.",
            },
            en: Message {
                title: "Producer list too old",
                explanation: "The producer list is more than 90 days past its update date, too old to rely on.",
                next_step: "Go online and scan again. An old list does not make the code fake.",
            },
        },
        RegistryRollback => Both {
            vi: Message {
                title: "Danh sách nhà sản xuất cũ hơn bản đã có",
                explanation: "Danh sách vừa nhận được cũ hơn danh sách máy này đã kiểm tra trước đây, nên có thể thiếu các khóa đã bị thu hồi. Không dùng danh sách này.",
                next_step: "Tải lại trang khi có mạng ổn định rồi quét lại. Nếu vẫn thấy thông báo này, báo cho cơ quan quản lý.",
            },
            en: Message {
                title: "Producer list older than one already seen",
                explanation: "The list just received is older than one this device checked before, so it may lack revoked keys. It is not used.",
                next_step: "Reload the page on a good connection and scan again. If this persists, tell the authority.",
            },
        },
        RegistryCached => Both {
            vi: Message {
                title: "Đang dùng danh sách đã lưu",
                explanation: "Không có mạng nên đang dùng danh sách nhà sản xuất đã lưu trên máy (chữ ký vẫn được kiểm tra lại).",
                next_step: "Khi có mạng, quét lại để dùng danh sách mới nhất.",
            },
            en: Message {
                title: "Using saved list",
                explanation: "Offline: using the producer list saved on this device (its signature was checked again).",
                next_step: "When online, scan again to use the latest list.",
            },
        },
        RegistryDemo => Both {
            vi: Message {
                title: "Dữ liệu thử nghiệm",
                explanation: "Đây là dữ liệu trình diễn, ký bằng khóa thử nghiệm (TEST), không dùng cho hàng thật.",
                next_step: "Chỉ dùng để thử trang kiểm tra.",
            },
            en: Message {
                title: "Demo data",
                explanation: "This is demonstration data signed with TEST keys, not for real products.",
                next_step: "Use only to try the verifier.",
            },
        },
        ClockBehind => Both {
            vi: Message {
                title: "Ngày giờ của máy có vẻ bị sai",
                explanation: "Ngày giờ trên máy này sớm hơn ngày cơ quan quản lý ký danh sách nhà sản xuất. Kết quả được tính theo ngày ký danh sách.",
                next_step: "Kiểm tra lại ngày giờ của điện thoại rồi quét lại.",
            },
            en: Message {
                title: "Device clock looks wrong",
                explanation: "This device's date is earlier than the date the authority signed the producer list. The result was worked out at the list's date instead.",
                next_step: "Check the phone's date and time, then scan again.",
            },
        },
        RegistryShardUnavailable => Both {
            vi: Message {
                title: "Chưa tải được phần danh sách của nhà sản xuất",
                explanation: "Đã có danh sách của cơ quan quản lý, nhưng không tải được phần danh sách chứa nhà sản xuất của mã này (mất mạng hoặc máy chủ lỗi), nên chưa kiểm tra được mã.",
                next_step: "Kiểm tra kết nối mạng rồi thử lại.",
            },
            en: Message {
                title: "Part of the producer list not available",
                explanation: "The authority's list index was loaded, but not the part of the list that holds this code's producer (offline or server error), so the code could not be checked.",
                next_step: "Check the connection and try again.",
            },
        },
        RegistryShardHashMismatch => Both {
            vi: Message {
                title: "Phần danh sách nhà sản xuất bị thay đổi",
                explanation: "Phần danh sách nhà sản xuất nhận được không trùng với bản mà cơ quan quản lý đã ký xác nhận (mã băm SHA-256 hoặc độ dài khác), nên không được dùng.",
                next_step: "Thử lại sau. Nếu lỗi lặp lại, báo cho cơ quan quản lý.",
            },
            en: Message {
                title: "Part of the producer list altered",
                explanation: "The part of the producer list received is not the one the authority's signed index pins (its SHA-256 hash or length differs), so it is not used.",
                next_step: "Try again later. If this persists, tell the authority.",
            },
        },
        RegistryShardRollback => Both {
            vi: Message {
                title: "Phần danh sách nhà sản xuất cũ hơn bản đã có",
                explanation: "Danh sách của cơ quan quản lý trỏ tới một phần danh sách cũ hơn phần máy này đã kiểm tra trước đây, nên có thể thiếu các khóa đã bị thu hồi. Không dùng danh sách này.",
                next_step: "Tải lại trang khi có mạng ổn định rồi quét lại. Nếu vẫn thấy thông báo này, báo cho cơ quan quản lý.",
            },
            en: Message {
                title: "Part of the producer list older than one already seen",
                explanation: "The authority's list index points to an older part of the list than one this device checked before, so it may lack revoked keys. It is not used.",
                next_step: "Reload the page on a good connection and scan again. If this persists, tell the authority.",
            },
        },
        RegistryShardInconsistent => Both {
            vi: Message {
                title: "Phần danh sách nhà sản xuất không khớp",
                explanation: "Phần danh sách nhà sản xuất không khớp với mục lục do cơ quan quản lý ký (sai phạm vi mã doanh nghiệp hoặc sai phiên bản).",
                next_step: "Báo cho cơ quan quản lý.",
            },
            en: Message {
                title: "Part of the producer list inconsistent",
                explanation: "The part of the producer list does not match the authority's signed index (wrong company prefix range or version).",
                next_step: "Tell the authority.",
            },
        },
        ProducerUnknown => Both {
            vi: Message {
                title: "Nhà sản xuất không có trong danh sách của tỉnh",
                explanation: "Mã số sản phẩm không thuộc nhà sản xuất nào trong danh sách của cơ quan quản lý, nên không kiểm tra được nguồn gốc ở đây.",
                next_step: "Mã có thể do hệ thống khác phát hành. Nếu người bán nói sản phẩm có tem truy xuất của tỉnh, hãy hỏi lại hoặc báo cho cơ quan quản lý.",
            },
            en: Message {
                title: "Producer not on the province's list",
                explanation: "The product number belongs to no producer on the authority's list, so its origin cannot be checked here.",
                next_step: "It may come from another system. If the seller says it carries the province's traceability label, ask again or tell the authority.",
            },
        },
        KeyUnknown => Both {
            vi: Message {
                title: "Chữ ký không phải của nhà sản xuất",
                explanation: "Mã được ký bằng một khóa mà nhà sản xuất chưa từng đăng ký. Đây có thể là tem giả.",
                next_step: "Đừng mua sản phẩm này. Báo hàng nghi giả cho cơ quan quản lý.",
            },
            en: Message {
                title: "Not the producer's signature",
                explanation: "The code is signed with a key the producer never registered. This may be a fake label.",
                next_step: "Do not buy this product. Report a suspected fake.",
            },
        },
        KeyNotYetListed => Both {
            vi: Message {
                title: "Danh sách trên máy chưa có khóa của mã này",
                explanation: "Danh sách nhà sản xuất trên máy đã cũ hoặc là bản lưu, chưa có khóa mà mã này dùng; khóa có thể mới được đăng ký.",
                next_step: "Kết nối mạng, tải lại trang rồi quét lại để dùng danh sách mới nhất.",
            },
            en: Message {
                title: "The saved list lacks this code's key",
                explanation: "The producer list on this device is saved or out of date and lacks the key this code uses; it may have been registered since.",
                next_step: "Go online, reload the page and scan again to use the latest list.",
            },
        },
        KeyRevoked => Both {
            vi: Message {
                title: "Chữ ký đã bị vô hiệu",
                explanation: "Nhà sản xuất đã báo mất hoặc lộ khóa dùng để ký tem này, nên mọi tem ký bằng khóa đó đều không còn giá trị.",
                next_step: "Đừng mua sản phẩm này. Báo cho cơ quan quản lý hoặc nhà sản xuất.",
            },
            en: Message {
                title: "Signature revoked",
                explanation: "The producer reported the key that signed this label lost or stolen, so every label it signed is void.",
                next_step: "Do not buy this product. Tell the authority or the producer.",
            },
        },
        KeyNotYetValid => Both {
            vi: Message {
                title: "Chữ ký chưa có hiệu lực",
                explanation: "Tem được ký bằng một khóa chưa đến ngày có hiệu lực.",
                next_step: "Kiểm tra lại ngày giờ của điện thoại rồi quét lại. Nếu vẫn vậy, đừng mua sản phẩm này.",
            },
            en: Message {
                title: "Signature not valid yet",
                explanation: "The label is signed with a key that is not valid yet.",
                next_step: "Check the phone's date and time, then scan again. If nothing changes, do not buy this product.",
            },
        },
        KeyRetired => Both {
            vi: Message {
                title: "Tem ký bằng khóa cũ",
                explanation: "Tem được ký bằng khóa cũ mà nhà sản xuất đã thay; tem in trước đó vẫn có giá trị.",
                next_step: "Không cần làm gì.",
            },
            en: Message {
                title: "Signed with an older key",
                explanation: "The label is signed with a key the producer has since replaced; labels printed before remain valid.",
                next_step: "Nothing to do.",
            },
        },
        SignatureValid => Both {
            vi: Message {
                title: "Chữ ký số hợp lệ",
                explanation: "Tem này do chính nhà sản xuất đã đăng ký phát hành; thông tin trong mã không bị sửa.",
                next_step: "Hãy so tên, số lô, hạn dùng bên dưới với sản phẩm bạn đang cầm.",
            },
            en: Message {
                title: "Signature valid",
                explanation: "This label was issued by the registered producer; the code's data was not changed.",
                next_step: "Compare the name, lot and expiry date below with the product in your hand.",
            },
        },
        SignatureInvalid => Both {
            vi: Message {
                title: "Chữ ký số không khớp",
                explanation: "Chữ ký số không khớp với thông tin trong mã: thông tin đã bị sửa hoặc chữ ký bị làm giả. Đây có thể là tem giả.",
                next_step: "Đừng mua sản phẩm này. Báo hàng nghi giả cho cơ quan quản lý.",
            },
            en: Message {
                title: "Digital signature does not match",
                explanation: "The digital signature does not match the code's data: the data was changed or the signature forged. This may be a fake label.",
                next_step: "Do not buy this product. Report a suspected fake.",
            },
        },
        HostOfficial => Both {
            vi: Message {
                title: "Địa chỉ trang chính thức",
                explanation: "Mã trỏ tới trang truy xuất chính thức của tỉnh.",
                next_step: "Không cần làm gì.",
            },
            en: Message {
                title: "Official address",
                explanation: "The code points to the province's official traceability site.",
                next_step: "Nothing to do.",
            },
        },
        HostUnofficial => Both {
            vi: Message {
                title: "Địa chỉ trang không chính thức",
                explanation: "Chữ ký hợp lệ nhưng mã trỏ tới một trang web không phải của cơ quan quản lý; có thể tem đã bị dán đè.",
                next_step: "Đừng nhập thông tin cá nhân hay thanh toán trên trang đó. Kiểm tra tem có bị dán đè không.",
            },
            en: Message {
                title: "Unofficial address",
                explanation: "The signature is valid but the code points to a website that is not the authority's; the sticker may have been covered.",
                next_step: "Do not enter personal or payment details there. Check whether the sticker was covered.",
            },
        },
        HostAbsent => Both {
            vi: Message {
                title: "Mã dạng chuỗi dữ liệu",
                explanation: "Mã được đọc dưới dạng chuỗi dữ liệu, không có địa chỉ trang web.",
                next_step: "Không cần làm gì.",
            },
            en: Message {
                title: "Data string",
                explanation: "The code was read as a data string, with no web address.",
                next_step: "Nothing to do.",
            },
        },
        TraceValid => Both {
            vi: Message {
                title: "Nhật ký sản xuất hợp lệ",
                explanation: "Nhật ký sản xuất của lô hàng có chữ ký của nhà sản xuất và khớp với nhãn.",
                next_step: "Xem các công đoạn bên dưới.",
            },
            en: Message {
                title: "Production record valid",
                explanation: "The lot's production record is signed by the producer and matches the label.",
                next_step: "See the steps below.",
            },
        },
        TraceUnavailable => Both {
            vi: Message {
                title: "Chưa tải được nhật ký sản xuất",
                explanation: "Không tải được nhật ký sản xuất của lô hàng; thông tin bên dưới chỉ lấy từ nhãn đã ký.",
                next_step: "Kiểm tra kết nối mạng rồi thử lại để xem nhật ký.",
            },
            en: Message {
                title: "Production record not available",
                explanation: "The lot's production record could not be loaded; the details below come from the signed label only.",
                next_step: "Check your connection and try again to see the record.",
            },
        },
        TraceTooLarge => Both {
            vi: Message {
                title: "Nhật ký sản xuất quá lớn",
                explanation: "Tệp nhật ký sản xuất lớn bất thường nên không được dùng.",
                next_step: "Báo cho nhà sản xuất.",
            },
            en: Message {
                title: "Production record too large",
                explanation: "The production record file is unusually large and was not used.",
                next_step: "Tell the producer.",
            },
        },
        TraceMalformed => Both {
            vi: Message {
                title: "Nhật ký sản xuất bị lỗi",
                explanation: "Tệp nhật ký sản xuất bị hỏng hoặc sai cấu trúc nên không hiển thị được.",
                next_step: "Thử lại sau. Nếu lỗi lặp lại, báo cho nhà sản xuất.",
            },
            en: Message {
                title: "Production record damaged",
                explanation: "The production record file is damaged or malformed and cannot be shown.",
                next_step: "Try again later. If it persists, tell the producer.",
            },
        },
        TraceWrongType => Both {
            vi: Message {
                title: "Tệp không phải nhật ký sản xuất",
                explanation: "Tệp nhận được là một loại tài liệu ký số khác (ví dụ danh sách nhà sản xuất), không phải nhật ký sản xuất của lô hàng, nên không được hiển thị; thông tin bên dưới chỉ lấy từ nhãn đã ký.",
                next_step: "Báo cho nhà sản xuất.",
            },
            en: Message {
                title: "Not a production record",
                explanation: "The file received is another kind of signed document (for example a producer list), not the lot's production record, so it is not shown; the details below come from the signed label only.",
                next_step: "Tell the producer.",
            },
        },
        TraceVersionUnsupported => Both {
            vi: Message {
                title: "Nhật ký phiên bản mới",
                explanation: "Nhật ký sản xuất dùng định dạng mà trang này chưa đọc được.",
                next_step: "Tải lại trang để xem nhật ký.",
            },
            en: Message {
                title: "Newer record format",
                explanation: "The production record uses a format this page cannot read yet.",
                next_step: "Reload the page to see the record.",
            },
        },
        TraceTooManyEvents => Both {
            vi: Message {
                title: "Nhật ký có quá nhiều sự kiện",
                explanation: "Nhật ký sản xuất có nhiều sự kiện hơn mức cho phép nên không được hiển thị.",
                next_step: "Báo cho nhà sản xuất.",
            },
            en: Message {
                title: "Too many events in record",
                explanation: "The production record has more events than allowed and is not shown.",
                next_step: "Tell the producer.",
            },
        },
        TraceSignerUnknown => Both {
            vi: Message {
                title: "Nhật ký không do nhà sản xuất ký",
                explanation: "Nhật ký sản xuất được ký bằng khóa không thuộc nhà sản xuất của nhãn này.",
                next_step: "Không tin vào nhật ký này. Báo cho cơ quan quản lý.",
            },
            en: Message {
                title: "Record not signed by the producer",
                explanation: "The production record is signed with a key that is not this label's producer's.",
                next_step: "Do not trust this record. Tell the authority.",
            },
        },
        TraceKeyRevoked => Both {
            vi: Message {
                title: "Nhật ký ký bằng khóa đã thu hồi",
                explanation: "Nhật ký sản xuất được ký bằng khóa đã bị thu hồi.",
                next_step: "Không tin vào nhật ký này. Báo cho cơ quan quản lý.",
            },
            en: Message {
                title: "Record signed with a revoked key",
                explanation: "The production record is signed with a revoked key.",
                next_step: "Do not trust this record. Tell the authority.",
            },
        },
        TraceKeyNotYetValid => Both {
            vi: Message {
                title: "Nhật ký ký bằng khóa chưa có hiệu lực",
                explanation: "Nhật ký sản xuất được ký bằng khóa chưa đến ngày có hiệu lực.",
                next_step: "Không tin vào nhật ký này. Báo cho cơ quan quản lý hoặc nhà sản xuất.",
            },
            en: Message {
                title: "Record signed with a key not yet valid",
                explanation: "The production record is signed with a key that is not valid yet.",
                next_step: "Do not trust this record. Tell the authority or the producer.",
            },
        },
        TraceSignatureInvalid => Both {
            vi: Message {
                title: "Nhật ký đã bị sửa",
                explanation: "Nhật ký sản xuất đã bị thay đổi sau khi nhà sản xuất ký.",
                next_step: "Không tin vào nhật ký này. Báo cho cơ quan quản lý.",
            },
            en: Message {
                title: "Record was altered",
                explanation: "The production record was changed after the producer signed it.",
                next_step: "Do not trust this record. Tell the authority.",
            },
        },
        TraceMismatch => Both {
            vi: Message {
                title: "Nhật ký không khớp với nhãn",
                explanation: "Nhật ký sản xuất là của sản phẩm hoặc lô hàng khác với nhãn này.",
                next_step: "Không tin vào thông tin này. Báo cho cơ quan quản lý.",
            },
            en: Message {
                title: "Record does not match label",
                explanation: "The production record is for another product or lot than this label.",
                next_step: "Do not trust this information. Tell the authority.",
            },
        },
        LotRecalled => Both {
            vi: Message {
                title: "Nhà sản xuất đã thu hồi lô hàng này",
                explanation: "Nhà sản xuất đã thu hồi lô hàng này; tem vẫn là tem thật.",
                next_step: "Đừng ăn hoặc dùng sản phẩm. Mang trả lại nơi bán hoặc liên hệ nhà sản xuất.",
            },
            en: Message {
                title: "The producer has recalled this lot",
                explanation: "The producer has recalled this lot; the label itself is genuine.",
                next_step: "Do not eat or use it. Take it back to the shop or contact the producer.",
            },
        },
        ProductExpired => Both {
            vi: Message {
                title: "Sản phẩm đã quá hạn sử dụng",
                explanation: "Hạn sử dụng ghi trong mã đã qua.",
                next_step: "Không nên mua hoặc dùng sản phẩm này.",
            },
            en: Message {
                title: "Product past its expiry date",
                explanation: "The expiry date in the code has passed.",
                next_step: "Do not buy or use this product.",
            },
        },
        InfoMissingName => Both {
            vi: Message {
                title: "Thiếu tên sản phẩm",
                explanation: "Nhật ký sản xuất không có tên sản phẩm như quy định về truy xuất nguồn gốc yêu cầu.",
                next_step: "Hãy xem tên trên bao bì. Nhà sản xuất cần bổ sung.",
            },
            en: Message {
                title: "Product name missing",
                explanation: "The record lacks the product name that the traceability rules require.",
                next_step: "Read the name on the package. The producer should add it.",
            },
        },
        InfoMissingImage => Both {
            vi: Message {
                title: "Thiếu ảnh sản phẩm",
                explanation: "Nhật ký sản xuất không có ảnh sản phẩm; các thông tin khác vẫn hợp lệ.",
                next_step: "Không cần làm gì.",
            },
            en: Message {
                title: "Product photo missing",
                explanation: "The record has no product photo; everything else is valid.",
                next_step: "Nothing to do.",
            },
        },
        InfoMissingProducer => Both {
            vi: Message {
                title: "Thiếu tên hoặc địa chỉ nhà sản xuất",
                explanation: "Thiếu tên hoặc địa chỉ của cơ sở sản xuất, kinh doanh như quy định về truy xuất nguồn gốc yêu cầu.",
                next_step: "Hãy xem địa chỉ trên bao bì. Cơ quan quản lý cần bổ sung.",
            },
            en: Message {
                title: "Producer name or address missing",
                explanation: "The name or address of the producer, which the traceability rules require, is missing.",
                next_step: "Read the address on the package. The authority should add it.",
            },
        },
        InfoMissingExpiry => Both {
            vi: Message {
                title: "Thiếu hạn sử dụng",
                explanation: "Sản phẩm có hạn sử dụng nhưng nhãn và nhật ký đều không ghi.",
                next_step: "Hỏi người bán về hạn sử dụng.",
            },
            en: Message {
                title: "Expiry date missing",
                explanation: "The product has an expiry date but neither label nor record gives it.",
                next_step: "Ask the seller for the expiry date.",
            },
        },
        InfoMissingStandards => Both {
            vi: Message {
                title: "Thiếu tiêu chuẩn áp dụng",
                explanation: "Nhật ký sản xuất không ghi sản phẩm được làm theo tiêu chuẩn nào (TCVN, QCVN hoặc tiêu chuẩn cơ sở) như quy định yêu cầu.",
                next_step: "Nếu cần biết, hãy hỏi người bán. Nhà sản xuất cần bổ sung.",
            },
            en: Message {
                title: "Standards applied missing",
                explanation: "The record does not say which standards the product is made to (TCVN, QCVN or a company standard), as the rules require.",
                next_step: "If it matters to you, ask the seller. The producer should add them.",
            },
        },
        InfoMissingStages => Both {
            vi: Message {
                title: "Thiếu các công đoạn sản xuất",
                explanation: "Nhật ký có ghi sự kiện nhưng không ghi đó là công đoạn nào (trồng, thu hoạch, chế biến, đóng gói…) như quy định yêu cầu.",
                next_step: "Xem thông tin trên nhãn. Nhà sản xuất cần bổ sung.",
            },
            en: Message {
                title: "Production stages missing",
                explanation: "The record lists events but not which stage each one is (growing, harvesting, processing, packing…), as the rules require.",
                next_step: "Read the label's details. The producer should add them.",
            },
        },
        TraceNoEvents => Both {
            vi: Message {
                title: "Nhật ký chưa có sự kiện nào",
                explanation: "Nhật ký sản xuất được ký hợp lệ nhưng không ghi công đoạn, thời gian hay nơi làm nào, nên không xem được hành trình của sản phẩm.",
                next_step: "Nhà sản xuất cần bổ sung. Thông tin trên nhãn vẫn hợp lệ.",
            },
            en: Message {
                title: "Record has no events",
                explanation: "The production record is validly signed but lists no stages, times or places, so the product's history cannot be shown.",
                next_step: "The producer should add them. The label itself is valid.",
            },
        },
        TraceEventWithoutGoods => Both {
            vi: Message {
                title: "Có bước không ghi hàng hóa",
                explanation: "Có bước trong nhật ký không ghi rõ làm với lô hàng hay sản phẩm nào, nên không chắc bước đó thuộc về sản phẩm này.",
                next_step: "Xem các bước còn lại. Nhà sản xuất cần ghi rõ lô hàng ở mọi bước.",
            },
            en: Message {
                title: "Step without goods",
                explanation: "A step in the record does not say which lot or product it concerns, so it is not certain that it belongs to this product.",
                next_step: "Look at the other steps. The producer should name the lot in every step.",
            },
        },
        LabelCopyPossible => Both {
            vi: Message {
                title: "Lưu ý",
                explanation: "Mã hợp lệ cho biết ai đã phát hành tem. Một mã thật vẫn có thể bị in lại, nên nó không chứng minh được món hàng bạn cầm là hàng thật.",
                next_step: "Mua ở nơi tin cậy; nếu thấy cùng một mã trên nhiều sản phẩm, hãy báo cho cơ quan quản lý.",
            },
            en: Message {
                title: "Note",
                explanation: "A valid code shows who issued the label. A real code can still be reprinted, so it cannot prove that the item in your hand is genuine.",
                next_step: "Buy from trusted shops; if you see the same code on many items, report it.",
            },
        },
    }
}

/// The message for a code in a language.
pub fn message(code: Code, lang: Lang) -> Message {
    let b = both(code);
    match lang.texts() {
        Lang::Vi => b.vi,
        Lang::En => b.en,
    }
}

/// The banner title of a state.
pub const fn state_title(state: State, lang: Lang) -> &'static str {
    match (state, lang.texts()) {
        (State::Verified, Lang::Vi) => "Đã xác thực",
        (State::VerifiedWithWarnings, Lang::Vi) => "Mã hợp lệ – cần lưu ý",
        (State::Invalid, Lang::Vi) => "Không hợp lệ",
        (State::CannotTell, Lang::Vi) => "Chưa kiểm tra được",
        (State::Verified, Lang::En) => "Verified",
        (State::VerifiedWithWarnings, Lang::En) => "Valid – take note",
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
