mod cpp_new_detector;

use crate::common::cpp_essentials::bitmatrix_cursor_trait::*;

use crate::common::cpp_essentials::dm_regression_line::*;
use crate::common::cpp_essentials::edge_tracer::*;

use crate::common::cpp_essentials::util;

pub use cpp_new_detector::detect;
