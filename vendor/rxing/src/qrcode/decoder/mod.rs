mod bit_matrix_parser;
mod data_block;
mod data_mask;
pub mod decoded_bit_stream_parser;
mod qr_code_decoder_meta_data;
pub mod qrcode_decoder;

#[cfg(test)]
mod DecodedBitStreamParserTestCase;
#[cfg(test)]
mod data_mask_testcase;

pub use bit_matrix_parser::*;
pub use data_block::*;
pub use data_mask::*;
pub use qr_code_decoder_meta_data::*;
