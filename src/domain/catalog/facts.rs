//! How catalog numbers read on the page: hours, CPD points, credit points.

/// "40 hours", "1 hour", "7.5 hours".
pub fn hours(h: f64) -> String {
    format!("{} {}", number(h), if h == 1.0 { "hour" } else { "hours" })
}

/// "40 CPD points".
pub fn cpd_points(p: f64) -> String {
    format!(
        "{} CPD {}",
        number(p),
        if p == 1.0 { "point" } else { "points" }
    )
}

/// "3.125 credit points", or "No credit" for zero.
pub fn credit_points(p: f64) -> String {
    if p == 0.0 {
        "No credit".to_owned()
    } else {
        format!("{} credit points", number(p))
    }
}

/// "four" for counts up to ten, digits beyond: how many units a series has.
pub fn count_word(n: usize) -> String {
    const WORDS: [&str; 11] = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_owned())
}

/// "Data analytics (DAAN)", or the name alone when there is no code.
pub fn with_code(name: &str, code: Option<&str>) -> String {
    match code {
        Some(code) => format!("{name} ({code})"),
        None => name.to_owned(),
    }
}

/// A number to three decimals without trailing zeros: 40 → "40",
/// 3.125 → "3.125", 12.50 → "12.5".
///
/// Integer arithmetic rather than `format!("{x:.3}")`: float formatting
/// pulls several kilobytes of `core::fmt` into the browser bundle.
pub fn number(x: f64) -> String {
    let thousandths = (x * 1000.0).round() as i64;
    let sign = if thousandths < 0 { "-" } else { "" };
    let (whole, fraction) = (
        thousandths.unsigned_abs() / 1000,
        thousandths.unsigned_abs() % 1000,
    );
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let digits = format!("{fraction:03}");
    format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(number(40.0), "40");
        assert_eq!(number(3.125), "3.125");
        assert_eq!(number(12.5), "12.5");
        assert_eq!(number(0.05), "0.05");
        assert_eq!(number(0.0), "0");
        assert_eq!(number(-1.5), "-1.5");
        assert_eq!(number(1234.0), "1234");
        assert_eq!(hours(1.0), "1 hour");
        assert_eq!(hours(7.5), "7.5 hours");
        assert_eq!(cpd_points(45.0), "45 CPD points");
        assert_eq!(credit_points(0.0), "No credit");
        assert_eq!(credit_points(4.0 * 3.125), "12.5 credit points");
        assert_eq!(count_word(4), "four");
        assert_eq!(count_word(0), "no");
        assert_eq!(count_word(12), "12");
        assert_eq!(
            with_code("Data analytics", Some("DAAN")),
            "Data analytics (DAAN)"
        );
        assert_eq!(
            with_code("Master of Education", None),
            "Master of Education"
        );
    }
}
