//! The ways a code gets in besides a link: camera, photo and keyboard-wedge scanners. Camera and
//! photo use the QR decoder module, loaded lazily by [`loader`]; the wedge needs no decoder.

pub mod camera;
pub mod loader;
pub mod photo;
pub mod wedge;
