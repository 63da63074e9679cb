//! A photo of a code (`<input type=file accept="image/*" capture="environment">`): decoded with
//! `createImageBitmap` → canvas → the decoder's full cascade. Large photos are scaled down in the
//! canvas first, so a 12-megapixel picture does not cost ~100 MB of RGBA copies on a cheap phone.

use crate::scan::loader;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Longest side drawn into the canvas (the decoder box-filters further to 1024).
pub const MAX_SIDE: u32 = 2048;

/// Why a photo gave no code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhotoError {
    /// The decoder module could not be loaded.
    Scanner,
    /// Not a readable image.
    Image,
    /// No QR code found.
    NoCode,
}

/// The size a `w × h` image is drawn at: scaled so the long side is at most [`MAX_SIDE`].
pub fn fit(w: u32, h: u32) -> (u32, u32) {
    let long = w.max(h);
    if long <= MAX_SIDE || long == 0 {
        return (w, h);
    }
    let s = f64::from(MAX_SIDE) / f64::from(long);
    (
        ((f64::from(w) * s).round() as u32).max(1),
        ((f64::from(h) * s).round() as u32).max(1),
    )
}

/// Decodes the QR code in an image file.
pub async fn decode_file(file: web_sys::File, pkg_base: &str) -> Result<String, PhotoError> {
    let scanner = loader::scanner(pkg_base)
        .await
        .map_err(|_| PhotoError::Scanner)?;
    let window = web_sys::window().ok_or(PhotoError::Image)?;
    let promise = window
        .create_image_bitmap_with_blob(&file)
        .map_err(|_| PhotoError::Image)?;
    let bitmap: web_sys::ImageBitmap = JsFuture::from(promise)
        .await
        .map_err(|_| PhotoError::Image)?
        .dyn_into()
        .map_err(|_| PhotoError::Image)?;
    let (w, h) = fit(bitmap.width(), bitmap.height());
    let result = (|| {
        let canvas: web_sys::HtmlCanvasElement = window
            .document()?
            .create_element("canvas")
            .ok()?
            .dyn_into()
            .ok()?;
        canvas.set_width(w);
        canvas.set_height(h);
        let ctx = crate::scan::camera::context_2d(&canvas)?;
        ctx.draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, w.into(), h.into())
            .ok()?;
        Some(
            loader::decode_canvas(&scanner, &ctx, w, h, true)
                .ok()
                .flatten(),
        )
    })();
    bitmap.close();
    match result {
        None => Err(PhotoError::Image),
        Some(None) => Err(PhotoError::NoCode),
        Some(Some(text)) => Ok(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits() {
        assert_eq!(fit(4000, 3000), (2048, 1536));
        assert_eq!(fit(800, 600), (800, 600));
        assert_eq!(fit(3000, 4000), (1536, 2048));
    }
}
