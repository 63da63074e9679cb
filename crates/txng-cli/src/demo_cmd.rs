//! `txng demo`: writes the demo data set (the `demo` module builds it, deterministically) and
//! renders a QR code for every demo case into `DIR/qr/`, so the served widget can be tried with a
//! phone camera. With `--vectors DIR` it writes only txng-core's test vectors.

use crate::cli::{DemoArgs, EcArg};
use crate::error::{CliError, Result};
use crate::keys::io_error;
use crate::text::{fill, T};
use std::process::ExitCode;
use txng_core::link::MAX_INPUT_LEN;
use txng_core::Lang;

/// Runs `txng demo`.
pub fn run(a: &DemoArgs, lang: Lang) -> Result<ExitCode> {
    if let Some(v) = &a.vectors {
        crate::demo::write_vectors(v).map_err(|e| io_error(v, &e, lang))?;
        println!("{}", fill(T::VectorsWritten.get(lang), &[&v.display()]));
        return Ok(ExitCode::SUCCESS);
    }
    let summary = crate::demo::write_demo(&a.out).map_err(|e| io_error(&a.out, &e, lang))?;
    let qr_dir = a.out.join("qr");
    std::fs::create_dir_all(&qr_dir).map_err(|e| io_error(&qr_dir, &e, lang))?;
    let mut codes = 0;
    for c in &summary.cases {
        // A QR code holds at most 2,953 bytes; the too-long case is longer on purpose.
        if c.local.len() > MAX_INPUT_LEN.min(2953) {
            continue;
        }
        // Element strings become GS1 QR Codes (FNC1 in first position), links plain QR codes.
        let Ok(m) = crate::qr::encode_text(&c.local, EcArg::M) else {
            continue;
        };
        let svg = qr_dir.join(format!("{}.svg", c.id));
        std::fs::write(&svg, m.svg(4)).map_err(|e| io_error(&svg, &e, lang))?;
        let png = qr_dir.join(format!("{}.png", c.id));
        let bytes = m
            .png(4, 6)
            .map_err(|e| CliError::new(fill(T::QrError.get(lang), &[&e])))?;
        std::fs::write(&png, bytes).map_err(|e| io_error(&png, &e, lang))?;
        codes += 1;
    }
    println!(
        "{}",
        fill(
            T::DemoWritten.get(lang),
            &[
                &summary.files.len(),
                &a.out.display(),
                &codes,
                &qr_dir.display()
            ]
        )
    );
    for (kid, key) in &summary.anchors {
        println!("  {}: {kid} = {key}", T::TrustAnchor.get(lang));
    }
    for c in &summary.cases {
        let name = match lang {
            Lang::Vi => c.name_vi,
            Lang::En => c.name_en,
        };
        println!("  {:<40} {:<24} {name}", c.id, c.state);
    }
    println!("{}", fill(T::DemoServeHint.get(lang), &[&a.out.display()]));
    Ok(ExitCode::SUCCESS)
}
