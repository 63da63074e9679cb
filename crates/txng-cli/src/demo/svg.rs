//! Small product images for the served demo (`demo-img/*.svg`): a coloured card with a simple
//! drawing and the product's name, a few hundred bytes each, so the widget has a picture to show.

/// `(file name, SVG text)` for each demo product.
pub fn images() -> Vec<(&'static str, String)> {
    vec![
        (
            "ca-phe-khe-sanh.svg",
            card(
                "#6f4e37",
                "#f3e6d8",
                // A coffee bean.
                r##"<ellipse cx="120" cy="96" rx="42" ry="58" fill="#3b2418" transform="rotate(-20 120 96)"/><path d="M108 44 C132 80 108 112 132 148" stroke="#f3e6d8" stroke-width="6" fill="none"/>"##,
                "Cà phê Khe Sanh",
            ),
        ),
        (
            "ho-tieu-con-tien.svg",
            card(
                "#2f4f2f",
                "#e8f0e0",
                // A cluster of peppercorns.
                r##"<g fill="#1a1a1a"><circle cx="100" cy="80" r="16"/><circle cx="134" cy="80" r="16"/><circle cx="117" cy="108" r="16"/><circle cx="151" cy="108" r="16"/><circle cx="100" cy="136" r="16"/><circle cx="134" cy="136" r="16"/></g>"##,
                "Hồ tiêu Cồn Tiên",
            ),
        ),
        (
            "tinh-dau-tram.svg",
            card(
                "#2e7d6b",
                "#e6f4ef",
                // A dropper bottle.
                r##"<rect x="96" y="70" width="48" height="82" rx="10" fill="#8d5a2b"/><rect x="106" y="44" width="28" height="28" rx="4" fill="#222"/><rect x="104" y="96" width="32" height="30" fill="#e6f4ef"/>"##,
                "Tinh dầu tràm",
            ),
        ),
        (
            "mat-ong.svg",
            card(
                "#c98a12",
                "#fff4d6",
                // A honey jar.
                r##"<rect x="84" y="66" width="72" height="88" rx="14" fill="#e8a317"/><rect x="90" y="50" width="60" height="18" rx="4" fill="#7a4b00"/>"##,
                "Mật ong rừng",
            ),
        ),
    ]
}

fn card(bg: &str, fg: &str, drawing: &str, title: &str) -> String {
    format!(
        concat!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240" viewBox="0 0 240 240" role="img" aria-label="{t}">"##,
            r##"<rect width="240" height="240" rx="24" fill="{bg}"/>"##,
            r##"<circle cx="120" cy="98" r="78" fill="{fg}"/>{d}"##,
            r##"<text x="120" y="206" font-family="sans-serif" font-size="20" font-weight="bold" fill="{fg}" text-anchor="middle">{t}</text>"##,
            r##"<text x="120" y="228" font-family="sans-serif" font-size="11" fill="{fg}" text-anchor="middle">ẢNH MINH HỌA – DEMO</text>"##,
            "</svg>\n"
        ),
        bg = bg,
        fg = fg,
        d = drawing,
        t = title
    )
}
