//! Money as whole cents with an ISO 4217 currency code, never as floats.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::json::{FromJson, Json, Reader};

/// An amount in the smallest unit of its currency (cents for AUD).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Money {
    pub amount_cents: i64,
    /// Three upper-case letters, e.g. `AUD`.
    pub currency: String,
}

impl Money {
    pub fn new(amount_cents: i64, currency: &str) -> Money {
        Money {
            amount_cents,
            currency: currency.to_owned(),
        }
    }

    pub fn is_free(&self) -> bool {
        self.amount_cents == 0
    }
}

/// `{"amountCents": 149500, "currency": "AUD"}`
impl FromJson for Money {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> Money {
        let o = r.object(json);
        Money {
            amount_cents: r.req(o, "amountCents"),
            currency: r.req(o, "currency"),
        }
    }
}

impl fmt::Display for Money {
    /// `A$1,250.00` for Australian dollars; other currencies put the code in
    /// front (`NZD 1,250.00`) so the reader is never left guessing.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.amount_cents < 0 { "−" } else { "" };
        let cents = self.amount_cents.unsigned_abs();
        let whole = cents / 100;
        let mut grouped = String::new();
        let digits = whole.to_string();
        for (i, d) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(d);
        }
        let prefix = match self.currency.as_str() {
            "AUD" => "A$".to_owned(),
            code => format!("{code} "),
        };
        write!(f, "{sign}{prefix}{grouped}.{:02}", cents % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_with_grouping_and_currency() {
        for (cents, currency, expected) in [
            (0, "AUD", "A$0.00"),
            (5, "AUD", "A$0.05"),
            (125_000, "AUD", "A$1,250.00"),
            (123_456_789, "AUD", "A$1,234,567.89"),
            (99_900, "NZD", "NZD 999.00"),
            (-1_050, "AUD", "−A$10.50"),
        ] {
            assert_eq!(Money::new(cents, currency).to_string(), expected);
        }
    }
}
