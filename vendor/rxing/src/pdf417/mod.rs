#[cfg(feature = "decoders")]
pub mod decoder;
#[cfg(feature = "decoders")]
pub mod detector;
#[cfg(feature = "encoders")]
pub mod encoder;

pub mod pdf_417_common;

mod pdf_417_result_metadata;
pub use pdf_417_result_metadata::*;

#[cfg(feature = "decoders")]
mod pdf_417_reader;
#[cfg(feature = "decoders")]
pub use pdf_417_reader::*;

#[cfg(feature = "encoders")]
mod pdf_417_writer;
#[cfg(feature = "encoders")]
pub use pdf_417_writer::*;
