//! The messages between the page and the verifier worker, as core types
//! with one codec used on both sides (the page and the worker each only
//! move a [`Wire`] across `postMessage`).
//!
//! A [`Wire`] is a small JSON header and one byte buffer (the badge, or the
//! badge and the image to bake it into), so that bytes cross as a
//! `Uint8Array` and are never spelled out as JSON numbers. The header is
//! written and read with the core's small JSON reader, which the page
//! already carries (no serde code in the page).

use crate::domain::catalog::{Issuer, issuers_json};
use crate::domain::instant::UnixTime;
use crate::domain::json::{self, Json, Value};

/// What crosses `postMessage`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wire {
    pub header: String,
    pub bytes: Vec<u8>,
}

/// Page → worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Verify `input` (a badge's bytes, or a URL as text) as of `now`.
    Verify {
        id: u32,
        input: Vec<u8>,
        now: UnixTime,
        /// Check that the badge was issued to this identity.
        recipient: Option<String>,
        /// Requests of one run ("check all again") share their fetches.
        run: Option<u32>,
        /// The catalog's issuers, which the worker trusts from then on: sent
        /// with a worker's first request (and again if the catalog changes),
        /// so no worker downloads and parses `catalog.json` itself.
        issuers: Option<Vec<Issuer>>,
    },
    /// Bake `credential` into `image` (PNG or SVG).
    Bake {
        id: u32,
        credential: Vec<u8>,
        image: Vec<u8>,
    },
}

/// Worker → page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Sent once, when the worker is listening.
    Ready,
    /// The verification report as JSON (what `microcred verify --json` prints).
    Report {
        id: u32,
        report: String,
    },
    Baked {
        id: u32,
        bytes: Vec<u8>,
    },
    /// The request could not be carried out; `message` says why, for a person.
    Failed {
        id: u32,
        message: String,
    },
}

/// A message that is not one of ours.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the verifier's message could not be read: {0}")]
pub struct ProtocolError(pub String);

fn object(members: Vec<(&str, Json)>) -> String {
    Json::object(members).to_string()
}

/// The header's members, read.
struct Header(Json);

impl Header {
    fn parse(text: &str) -> Result<Header, ProtocolError> {
        let json = json::parse(text).map_err(|e| ProtocolError(e.message))?;
        match json.value {
            Value::Object(_) => Ok(Header(json)),
            _ => Err(ProtocolError("the header is not an object".into())),
        }
    }

    fn text(&self, key: &str) -> Option<String> {
        self.0.get(key).and_then(Json::as_str).map(str::to_owned)
    }

    fn integer(&self, key: &str) -> Option<i64> {
        match &self.0.get(key)?.value {
            Value::Number(raw) => raw.parse().ok(),
            _ => None,
        }
    }

    fn required(&self, key: &str) -> Result<i64, ProtocolError> {
        self.integer(key)
            .ok_or_else(|| ProtocolError(format!("“{key}” is missing or not a whole number")))
    }

    fn id(&self) -> Result<u32, ProtocolError> {
        u32::try_from(self.required("id")?)
            .map_err(|_| ProtocolError("“id” is out of range".into()))
    }
}

impl Request {
    pub fn encode(&self) -> Wire {
        match self {
            Request::Verify {
                id,
                input,
                now,
                recipient,
                run,
                issuers,
            } => {
                let mut members = vec![
                    ("kind", Json::string("verify")),
                    ("id", Json::number(id)),
                    ("now", Json::number(now.0)),
                ];
                if let Some(issuers) = issuers {
                    members.push(("issuers", issuers_json(issuers)));
                }
                if let Some(recipient) = recipient {
                    members.push(("recipient", Json::string(recipient)));
                }
                if let Some(run) = run {
                    members.push(("run", Json::number(run)));
                }
                Wire {
                    header: object(members),
                    bytes: input.clone(),
                }
            }
            Request::Bake {
                id,
                credential,
                image,
            } => {
                let mut bytes = credential.clone();
                bytes.extend_from_slice(image);
                Wire {
                    header: object(vec![
                        ("kind", Json::string("bake")),
                        ("id", Json::number(id)),
                        ("split", Json::number(credential.len())),
                    ]),
                    bytes,
                }
            }
        }
    }

    pub fn decode(wire: Wire) -> Result<Request, ProtocolError> {
        let header = Header::parse(&wire.header)?;
        let id = header.id()?;
        match header.text("kind").as_deref() {
            Some("verify") => Ok(Request::Verify {
                id,
                input: wire.bytes,
                now: UnixTime(header.required("now")?),
                recipient: header.text("recipient"),
                run: header.integer("run").and_then(|r| u32::try_from(r).ok()),
                issuers: header
                    .0
                    .get("issuers")
                    .map(|list| {
                        json::read(list).map_err(|errors| {
                            let first = errors.first().map(ToString::to_string);
                            ProtocolError(format!("the issuers: {}", first.unwrap_or_default()))
                        })
                    })
                    .transpose()?,
            }),
            Some("bake") => {
                let split = usize::try_from(header.required("split")?)
                    .ok()
                    .filter(|s| *s <= wire.bytes.len())
                    .ok_or_else(|| ProtocolError("“split” is outside the bytes".into()))?;
                let mut credential = wire.bytes;
                let image = credential.split_off(split);
                Ok(Request::Bake {
                    id,
                    credential,
                    image,
                })
            }
            other => Err(ProtocolError(format!(
                "unknown request kind {}",
                other.unwrap_or("(none)")
            ))),
        }
    }
}

impl Answer {
    pub fn encode(&self) -> Wire {
        let (header, bytes) = match self {
            Answer::Ready => (object(vec![("kind", Json::string("ready"))]), Vec::new()),
            Answer::Report { id, report } => (
                object(vec![
                    ("kind", Json::string("report")),
                    ("id", Json::number(id)),
                ]),
                report.as_bytes().to_vec(),
            ),
            Answer::Baked { id, bytes } => (
                object(vec![
                    ("kind", Json::string("baked")),
                    ("id", Json::number(id)),
                ]),
                bytes.clone(),
            ),
            Answer::Failed { id, message } => (
                object(vec![
                    ("kind", Json::string("failed")),
                    ("id", Json::number(id)),
                    ("message", Json::string(message)),
                ]),
                Vec::new(),
            ),
        };
        Wire { header, bytes }
    }

    pub fn decode(wire: Wire) -> Result<Answer, ProtocolError> {
        let header = Header::parse(&wire.header)?;
        match header.text("kind").as_deref() {
            Some("ready") => Ok(Answer::Ready),
            Some("report") => Ok(Answer::Report {
                id: header.id()?,
                report: String::from_utf8(wire.bytes)
                    .map_err(|_| ProtocolError("the report is not UTF-8".into()))?,
            }),
            Some("baked") => Ok(Answer::Baked {
                id: header.id()?,
                bytes: wire.bytes,
            }),
            Some("failed") => Ok(Answer::Failed {
                id: header.id()?,
                message: header.text("message").unwrap_or_default(),
            }),
            other => Err(ProtocolError(format!(
                "unknown answer kind {}",
                other.unwrap_or("(none)")
            ))),
        }
    }

    /// The request this answers (none for `Ready`).
    pub fn id(&self) -> Option<u32> {
        match self {
            Answer::Ready => None,
            Answer::Report { id, .. } | Answer::Baked { id, .. } | Answer::Failed { id, .. } => {
                Some(*id)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo_issuers() -> Vec<Issuer> {
        let text = include_str!("../../public/catalog.json");
        crate::domain::catalog::Catalog::from_json(text)
            .unwrap()
            .issuers
    }

    #[test]
    fn every_message_survives_the_wire() {
        let requests = [
            Request::Verify {
                id: 7,
                input: b"{\"a\":1}".to_vec(),
                now: UnixTime(1_780_000_000),
                recipient: Some("Learner@Example.com \"<quoted>\"".into()),
                run: Some(3),
                issuers: Some(demo_issuers()),
            },
            Request::Verify {
                id: 0,
                input: Vec::new(),
                now: UnixTime(-5),
                recipient: None,
                run: None,
                issuers: None,
            },
            Request::Bake {
                id: u32::MAX,
                credential: b"eyJ.eyJ.sig".to_vec(),
                image: vec![0x89, b'P', b'N', b'G', 0, 255],
            },
        ];
        for request in requests {
            assert_eq!(Request::decode(request.encode()), Ok(request.clone()));
        }
        let answers = [
            Answer::Ready,
            Answer::Report {
                id: 1,
                report: "{\"verdict\":\"verified\",\"x\":\"é\\n\"}".into(),
            },
            Answer::Baked {
                id: 2,
                bytes: vec![1, 2, 3],
            },
            Answer::Failed {
                id: 3,
                message: "the badge image is neither PNG nor SVG".into(),
            },
        ];
        for answer in answers {
            assert_eq!(Answer::decode(answer.encode()), Ok(answer.clone()));
        }
    }

    #[test]
    fn a_foreign_message_is_an_error_not_a_panic() {
        let wire = |header: &str, bytes: &[u8]| Wire {
            header: header.into(),
            bytes: bytes.to_vec(),
        };
        for (header, bytes) in [
            ("", &b""[..]),
            ("[]", b""),
            ("{\"kind\":\"verify\"}", b""),
            ("{\"kind\":\"verify\",\"id\":-1,\"now\":0}", b""),
            ("{\"kind\":\"verify\",\"id\":1,\"now\":1.5}", b""),
            (
                "{\"kind\":\"verify\",\"id\":1,\"now\":0,\"issuers\":[{\"id\":5}]}",
                b"",
            ),
            ("{\"kind\":\"bake\",\"id\":1,\"split\":9}", b"short"),
            ("{\"kind\":\"launch\",\"id\":1}", b""),
        ] {
            assert!(Request::decode(wire(header, bytes)).is_err(), "{header}");
        }
        assert!(Answer::decode(wire("{\"kind\":\"report\",\"id\":1}", &[0xff, 0xfe])).is_err());
        assert!(Answer::decode(wire("{\"kind\":\"nope\"}", b"")).is_err());
    }
}
