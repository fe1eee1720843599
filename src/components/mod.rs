//! Shared presentational pieces, each with its own CSS module beside it.

mod error_panel;
mod file_drop;
mod form;
pub mod later;
mod missing_item;
mod offering_card;
mod page_title;
pub mod report;
mod site_footer;
mod site_header;
mod spinner;
mod with_catalog;

pub use error_panel::ErrorPanel;
pub use file_drop::{BADGE_FILES, FileDrop, OnFiles, PickedFile};
pub use form::style as form_style;
pub use form::{
    DemoBanner, SUMMARY_ID, TextSpec, check_field, error_summary, focus_soon, text_field,
};
pub use later::{Later, in_steps};
// The module too: the take-over drives it (`app::start`).
pub use missing_item::MissingItem;
pub use offering_card::OfferingCard;
pub use page_title::use_page_title;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use spinner::Spinner;
pub use with_catalog::{catalog_item_page, loaded_view, with_catalog};

// Looks several pages share (`shared::eyebrow`, `shared::button`, …).
stylance::import_style!(pub shared, "shared.module.css");
