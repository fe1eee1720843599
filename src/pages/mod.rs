//! One folder per route. A page loads what it needs and lays out components;
//! the rules it shows come from `crate::domain`.

mod catalog;
pub(crate) mod enrol;
mod faq;
mod home;
mod not_found;
mod offering;
pub(crate) mod register;
mod series;
pub(crate) mod verify;
pub mod wallet;

pub use catalog::CatalogPage;
pub use enrol::{EnrolCompletePage, EnrolPage};
pub use faq::FaqPage;
pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use offering::OfferingPage;
pub use register::RegisterPage;
pub use series::SeriesPage;
pub use verify::VerifyPage;
pub use wallet::{WalletBadgePage, WalletPage};
