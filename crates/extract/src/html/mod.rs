//! placeholder
use chancery_model::RawDoc;
pub fn extract_page(_doc: &RawDoc, _config: &crate::ExtractConfig) -> crate::Extraction {
    crate::Extraction::default()
}
pub fn visible_text(html: &str) -> String {
    html.to_string()
}
