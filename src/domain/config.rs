//! `config.json`: the deployment's settings, published beside the catalog.
//! Every member is optional; a missing or unreadable file means "none set".

use crate::domain::json::{FromJson, Json, Reader};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// The site's public address (`https://…/`), for links shared outside
    /// the browser. Without it, the address the page was opened at is used.
    pub site_url: Option<String>,
    /// LinkedIn's numeric id for the institution ("add to profile").
    pub linkedin_organization_id: Option<String>,
    /// Where enrolments are POSTed; none means demo mode.
    pub enrolment_endpoint: Option<String>,
    /// Where "register for updates" is POSTed; none means demo mode.
    pub interest_endpoint: Option<String>,
    /// How long a submission may take before the learner is offered a
    /// retry (1–120 seconds; 20 when unset).
    pub submit_timeout_seconds: Option<u32>,
}

impl Config {
    pub fn submit_timeout_ms(&self) -> u32 {
        self.submit_timeout_seconds.unwrap_or(20).clamp(1, 120) * 1000
    }
}

impl Config {
    pub fn from_json(text: &str) -> Result<Config, String> {
        let json = crate::domain::json::parse(text).map_err(|e| e.message)?;
        crate::domain::json::read(&json).map_err(|errors| {
            errors
                .first()
                .map_or_else(String::new, std::string::ToString::to_string)
        })
    }
}

impl FromJson for Config {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> Config {
        let o = r.object(json);
        let web = |u: Option<String>| {
            u.map(|u| u.trim().to_owned())
                .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
        };
        Config {
            site_url: web(r.opt(o, "site_url")),
            linkedin_organization_id: r.opt::<String>(o, "linkedin_organization_id").filter(|id| {
                !id.trim().is_empty() && id.trim().bytes().all(|b| b.is_ascii_digit())
            }),
            enrolment_endpoint: web(r.opt(o, "enrolment_endpoint")),
            interest_endpoint: web(r.opt(o, "interest_endpoint")),
            submit_timeout_seconds: o
                .get("submit_timeout_seconds")
                .filter(|j| j.value != crate::domain::json::Value::Null)
                .map(|j| r.integer(j, 1, 120) as u32),
        }
    }
}
