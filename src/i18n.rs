//! Every string of the widget's own user interface, in Vietnamese and English, in one table.
//!
//! Status texts (what a check means, the verdict titles) are NOT here: they come from
//! `txng_core::messages`, the one table shared with the CLI. Labels of steps, units, certifications
//! and countries come from `txng_core::vocab`. Strings are NFC with full diacritics; the match is
//! exhaustive so a new key cannot ship without both languages.

use txng_core::Lang;

macro_rules! texts {
    ($( $key:ident => $vi:literal, $en:literal; )*) => {
        /// A UI string key.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum T { $( #[doc = $en] $key, )* }

        impl T {
            /// Every key (for completeness tests).
            pub const ALL: &'static [T] = &[ $( T::$key, )* ];
        }

        #[cfg(feature = "en")]
        const TABLE: &[[&str; 2]] = &[ $( [$vi, $en], )* ];
        /// Without the feature `en`: the Vietnamese column only (`Lang::texts` is always `Vi`).
        #[cfg(not(feature = "en"))]
        const TABLE: &[[&str; 1]] = &[ $( [$vi], )* ];

        /// The text of a key in a language (a table lookup: small code for many strings).
        ///
        /// Inlined so that a call with a constant key reads one string and the rest of the table
        /// can be left out: the verify-first module uses five of its keys, and with this (and
        /// src/first.rs naming its keys as constants) it is 4.9 KB smaller, 1.1 KB brotli
        /// (measured 2026-11-30; a call with a key known only at run time keeps the whole table).
        #[inline(always)]
        pub fn t(key: T, lang: Lang) -> &'static str {
            let row = TABLE[key as usize];
            match lang.texts() {
                Lang::Vi => row[0],
                #[cfg(feature = "en")]
                Lang::En => row[1],
                #[cfg(not(feature = "en"))]
                Lang::En => unreachable!("Lang::texts is Vi without the feature en"),
            }
        }
    };
}

texts! {
    AppTitle => "Kiểm tra nguồn gốc sản phẩm", "Check a product's origin";
    AppSubtitle => "Mã QR truy xuất nguồn gốc có chữ ký số — tỉnh Quảng Trị", "Signed traceability QR codes — Quảng Trị province";
    Intro => "Quét mã QR trên nhãn sản phẩm, chọn ảnh chụp mã, hoặc dán đường link để kiểm tra.", "Scan the QR code on the product label, pick a photo of it, or paste its link to check it.";
    KioskHint => "Có máy quét mã? Cứ quét, kết quả hiện ngay.", "Have a barcode scanner? Just scan; the result shows at once.";
    LangSwitch => "English", "Tiếng Việt";
    LangSwitchLabel => "Switch to English", "Chuyển sang tiếng Việt";
    Verifying => "Đang kiểm tra…", "Checking…";
    Retry => "Thử lại", "Try again";
    TimelineExpand => "Xem chi tiết từng bước", "Show every step";
    VerifyingDetail => "Đang tải danh sách nhà sản xuất và kiểm tra chữ ký số.", "Loading the producer list and checking the digital signature.";
    NextStep => "Nên làm gì:", "What to do:";
    ConfigTitle => "Trang chưa được cấu hình để kiểm tra", "This page is not set up to check codes";
    ConfigMissing => "Trang này thiếu cấu hình (địa chỉ danh sách nhà sản xuất và khóa tin cậy của cơ quan quản lý), nên không thể kiểm tra mã.", "This page lacks its configuration (the producer list address and the authority's trust keys), so codes cannot be checked.";
    ConfigInvalid => "Cấu hình của trang bị lỗi, nên không thể kiểm tra mã.", "This page's configuration is malformed, so codes cannot be checked.";
    ConfigNoAnchors => "Trang chưa có khóa tin cậy hợp lệ của cơ quan quản lý, nên không thể kiểm tra mã.", "This page has no valid trust key of the authority, so codes cannot be checked.";
    ConfigNext => "Báo cho đơn vị quản lý trang web này.", "Tell whoever runs this website.";
    InputLabel => "Dán đường link hoặc chuỗi mã", "Paste a link or the code's text";
    InputHelp => "Ví dụ: https://…/01/…/10/…/21/…?8030=…", "For example: https://…/01/…/10/…/21/…?8030=…";
    InputSubmit => "Kiểm tra", "Check";
    InputEmpty => "Hãy dán hoặc nhập nội dung mã trước khi bấm Kiểm tra.", "Paste or type the code's content first.";
    OpenCamera => "Quét bằng camera", "Scan with camera";
    CloseCamera => "Đóng camera", "Close camera";
    TorchOn => "Bật đèn", "Light on";
    TorchOff => "Tắt đèn", "Light off";
    CameraHint => "Đưa mã QR vào giữa khung.", "Hold the QR code inside the frame.";
    CameraStarting => "Đang mở camera…", "Opening the camera…";
    CameraLoadingScanner => "Đang tải bộ đọc mã…", "Loading the code reader…";
    CameraVideoLabel => "Hình ảnh từ camera", "Camera picture";
    CameraDenied => "Bạn chưa cho phép dùng camera. Hãy cho phép quyền camera trong cài đặt trình duyệt rồi thử lại, hoặc chọn ảnh chụp mã QR.", "Camera access was not allowed. Allow the camera in your browser settings and try again, or use a photo of the QR code.";
    CameraNone => "Không tìm thấy camera trên thiết bị này. Hãy chọn ảnh chụp mã QR hoặc dán đường link.", "No camera was found on this device. Use a photo of the QR code or paste the link.";
    CameraInsecure => "Trình duyệt chỉ cho dùng camera trên trang bảo mật (https). Hãy mở trang bằng https, hoặc chọn ảnh chụp mã QR.", "Browsers allow the camera only on secure (https) pages. Open this page over https, or use a photo of the QR code.";
    CameraInUse => "Camera đang được ứng dụng khác sử dụng. Hãy đóng ứng dụng đó rồi thử lại.", "Another app is using the camera. Close it and try again.";
    CameraFailed => "Không mở được camera. Hãy thử lại hoặc chọn ảnh chụp mã QR.", "The camera could not be opened. Try again or use a photo of the QR code.";
    ScannerFailed => "Không tải được bộ đọc mã QR (mạng yếu?). Hãy thử lại, hoặc dán đường link.", "The QR code reader could not be loaded (weak connection?). Try again, or paste the link.";
    PhotoLabel => "Chọn ảnh có mã QR", "Choose a photo with the QR code";
    PhotoReading => "Đang đọc ảnh…", "Reading the photo…";
    PhotoNoCode => "Không tìm thấy mã QR trong ảnh. Hãy chụp lại gần hơn, đủ sáng và rõ nét.", "No QR code was found in the photo. Take it again closer, with good light and in focus.";
    PhotoFailed => "Không mở được tệp ảnh này.", "This image file could not be opened.";
    ScanAgain => "Quét mã khác", "Check another code";
    ProductHeading => "Thông tin sản phẩm", "Product details";
    ProductFromLabel => "Thông tin dưới đây lấy từ nhãn đã ký và danh sách nhà sản xuất.", "The details below come from the signed label and the producer list.";
    ImageAlt => "Ảnh sản phẩm: {}", "Product photo: {}";
    Producer => "Nhà sản xuất", "Producer";
    TimelineHeading => "Hành trình của lô hàng", "Journey of this lot";
    TimelineNewestFirst => "Xem mới nhất trước", "Show newest first";
    TimelineOldestFirst => "Xem cũ nhất trước", "Show oldest first";
    TimelineEmpty => "Nhật ký sản xuất chưa có công đoạn nào.", "The production record has no steps yet.";
    Place => "Địa điểm", "Place";
    Actor => "Người thực hiện", "Done by";
    Notes => "Ghi chú", "Notes";
    Inputs => "Vật tư sử dụng", "Inputs used";
    Quantities => "Số lượng", "Quantity";
    Sensors => "Đo đạc", "Measurements";
    Certificate => "Xem giấy chứng nhận", "View certificate";
    Disposition => "Tình trạng", "Status";
    ReportHeading => "Báo hàng nghi giả", "Report a suspected fake";
    ReportText => "Nếu nghi ngờ sản phẩm là hàng giả, hãy báo cho {}.", "If you suspect a fake, tell {}.";
    ReportHotline => "Gọi đường dây nóng {}", "Call the hotline {}";
    ReportForm => "Gửi báo cáo trực tuyến", "Send a report online";
    ReportEmail => "Thư điện tử: {}", "E-mail: {}";
    ReportNoAuthority => "Chưa tải được thông tin liên hệ của cơ quan quản lý. Hãy báo cho cơ quan quản lý thị trường nơi bạn mua hàng.", "The authority's contact details could not be loaded. Tell the market surveillance office where you bought the product.";
    ReportSmall => "Nghi hàng giả? Báo cho cơ quan quản lý", "Suspect a fake? Tell the authority";
    NetRegistryLoading => "Đang tải danh sách nhà sản xuất…", "Loading the producer list…";
    RegistryListDate => "Danh sách nhà sản xuất đang dùng được ban hành ngày {}.", "The producer list in use was issued on {}.";
    NetRegistryFresh => "Đã dùng danh sách nhà sản xuất mới nhất.", "Using the latest producer list.";
    NetRegistryCached => "Đang dùng danh sách đã lưu ngày {} (không dùng được danh sách mới: {}).", "Using the saved list of {} (the latest could not be used: {}).";
    NetRegistryRefused => "Không dùng được danh sách nhà sản xuất vừa tải: {}.", "The producer list just loaded could not be used: {}.";
    NetRegistryFailed => "Không tải được danh sách nhà sản xuất: {}.", "The producer list could not be loaded: {}.";
    NetRegistryTooLarge => "Danh sách nhà sản xuất quá lớn, không được dùng.", "The producer list is too large and was not used.";
    NetTraceLoading => "Đang tải nhật ký sản xuất…", "Loading the production record…";
    NetTraceLoaded => "Đã tải nhật ký sản xuất.", "Production record loaded.";
    NetTraceSaved => "Không có mạng: đang xem nhật ký sản xuất đã lưu trên máy (chữ ký vẫn được kiểm tra lại).", "Offline: showing the production record saved on this device (its signature was checked again).";
    NetTraceFailed => "Không tải được nhật ký sản xuất: {}.", "The production record could not be loaded: {}.";
    NetTraceTooLarge => "Nhật ký sản xuất quá lớn, không được dùng.", "The production record is too large and was not used.";
    WhyOffline => "không có mạng", "you are offline";
    WhyTimeout => "mạng quá chậm, hết thời gian chờ", "the connection is too slow (timed out)";
    WhyNotFound => "máy chủ không có tệp này (lỗi 404)", "the server does not have it (error 404)";
    WhyServer => "máy chủ đang lỗi (lỗi {})", "server error ({})";
    WhyHttp => "máy chủ trả lỗi {}", "the server answered with error {}";
    WhyNetwork => "lỗi kết nối", "connection error";
    WhyTooLarge => "dữ liệu nhận được quá lớn", "the answer was too large";
    WhyRefused => "trang trả về không phải danh sách hợp lệ", "the answer was not a valid list";
    WhyOlder => "danh sách nhận được cũ hơn bản máy đã có", "the list received is older than the one this device already has";
    Footer => "Kết quả được kiểm tra ngay trên thiết bị của bạn bằng chữ ký số.", "The result is checked on your device using digital signatures.";
    // Kiosk mode (src/kiosk.rs, src/components/idle_screen.rs).
    KioskInvite => "Đưa mã QR trên sản phẩm vào máy quét", "Hold the product's QR code to the scanner";
    KioskInviteSub => "Kết quả hiện ngay trên màn hình này.", "The result shows on this screen at once.";
    KioskCamera => "hoặc đưa mã trước camera", "or hold the code in front of the camera";
    KioskBackIn => "Tự động quay lại sau {} giây", "Back to the start in {} seconds";
    KioskListDate => "Danh sách nhà sản xuất cập nhật lúc {}", "Producer list last updated {}";
    KioskListNone => "Chưa tải được danh sách nhà sản xuất", "The producer list has not been loaded yet";
    KioskBundle => "Xem được khi mất mạng: {}/{} sản phẩm trưng bày", "Viewable offline: {} of {} products on display";
    KioskLinkTitle => "Mở bằng điện thoại của bạn", "Open it on your own phone";
    KioskLinkHint => "Quét mã QR này bằng camera điện thoại.", "Scan this QR code with your phone's camera.";
    KioskLinkClose => "Đóng", "Close";
}

/// Fills the `{}` placeholders of a template in order.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    let mut args = args.iter();
    while let Some(i) = rest.find("{}") {
        out.push_str(&rest[..i]);
        out.push_str(args.next().copied().unwrap_or(""));
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

/// [`t`] then [`fill`].
pub fn tf(key: T, lang: Lang, args: &[&str]) -> String {
    fill(t(key, lang), args)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_in_order() {
        assert_eq!(
            fill("{} sao OCOP ({})", &["4", "2024"]),
            "4 sao OCOP (2024)"
        );
        assert_eq!(fill("no args", &["x"]), "no args");
        assert_eq!(fill("{} and {}", &["a"]), "a and ");
    }

    #[test]
    fn every_key_translated() {
        for &k in T::ALL {
            assert!(
                !t(k, Lang::Vi).is_empty() && !t(k, Lang::En).is_empty(),
                "{k:?}"
            );
        }
    }
}
