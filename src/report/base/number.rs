//! Numbers as clerks type them: full-width digits, a trailing unit, thousands separators, stray
//! spaces. Anything that is not a plain non-negative number is refused with a reason a clerk reads.

use std::fmt;

use crate::report::base::text::ascii_digit;

/// The largest count accepted; beyond it the entry is a typing accident, not a number of 件.
pub const MAX_COUNT: u64 = 999_999_999;
/// The largest 万元 amount accepted (a trillion 元).
pub const MAX_AMOUNT_WAN: u64 = 100_000_000;
/// Decimal places allowed in the 万元 amount: 0.0001 万元 is one 元.
pub const AMOUNT_PLACES: u32 = 4;

/// A non-negative amount in 万元 with at most four decimals, held exactly as ten-thousandths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Amount {
    ten_thousandths: u64,
}

impl Amount {
    pub fn from_ten_thousandths(ten_thousandths: u64) -> Self {
        Amount { ten_thousandths }
    }
    pub fn ten_thousandths(self) -> u64 {
        self.ten_thousandths
    }
    pub fn whole_wan(self) -> u64 {
        self.ten_thousandths / 10_000
    }
}

impl fmt::Display for Amount {
    /// The shortest exact decimal: `18651.06`, `0`, `3`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.ten_thousandths / 10_000;
        let fraction = self.ten_thousandths % 10_000;
        if fraction == 0 {
            return write!(f, "{whole}");
        }
        let digits = format!("{fraction:04}");
        write!(f, "{whole}.{}", digits.trim_end_matches('0'))
    }
}

/// Why an entry is not a number of the kind its cell wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumError {
    Negative,
    Fraction,
    TooManyPlaces,
    TooLarge,
    Separators,
    /// 元 typed where the cell is in 万元.
    WrongUnit,
    NotANumber,
}

impl NumError {
    /// What is wrong, said to the clerk.
    pub fn message(&self) -> &'static str {
        match self {
            NumError::Negative => "不能为负数",
            NumError::Fraction => "件数应为整数，不能有小数",
            NumError::TooManyPlaces => "金额最多保留4位小数（单位：万元）",
            NumError::TooLarge => "数值过大，请核对是否多输了数字",
            NumError::Separators => "千分位逗号的位置不对（应每三位一个）",
            NumError::WrongUnit => "单位应为万元，请把元换算成万元（除以10000）",
            NumError::NotANumber => "不是数字，请只填写阿拉伯数字",
        }
    }
}

/// Texts that stand for "nothing" in published tables; they mean the clerk left the cell blank.
const BLANK_MARKS: [&str; 10] = ["/", "／", "—", "——", "–", "-", "－", "无", "空", "\\"];

/// True for a text a published table prints in place of a value: nothing, or a blank mark.
pub fn is_blank_mark(text: &str) -> bool {
    text.is_empty() || BLANK_MARKS.contains(&text)
}

/// A count of 件, or `None` for a blank entry.
pub fn parse_count(text: &str) -> Result<Option<u64>, NumError> {
    // Most entries are plain ASCII digits: read those without allocating.
    if !text.is_empty() && text.len() <= 9 && text.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(Some(text.bytes().fold(0, |n, b| n * 10 + u64::from(b - b'0'))));
    }
    let Some(plain) = normalise(text, &["件", "个", "条", "次"])? else { return Ok(None) };
    if plain.contains('.') {
        return Err(NumError::Fraction);
    }
    let value = digits_value(&plain)?;
    if value > MAX_COUNT { Err(NumError::TooLarge) } else { Ok(Some(value)) }
}

/// A 万元 amount, or `None` for a blank entry.
pub fn parse_amount(text: &str) -> Result<Option<Amount>, NumError> {
    let Some(plain) = normalise(text, &["万元", "万"])? else { return Ok(None) };
    if plain.ends_with('元') {
        return Err(NumError::WrongUnit);
    }
    let (whole, fraction) = match plain.split_once('.') {
        Some((w, f)) => (w, f),
        None => (plain.as_str(), ""),
    };
    if fraction.len() > AMOUNT_PLACES as usize {
        return Err(if fraction.bytes().all(|b| b.is_ascii_digit()) {
            NumError::TooManyPlaces
        } else {
            NumError::NotANumber
        });
    }
    if !fraction.bytes().all(|b| b.is_ascii_digit()) || (whole.is_empty() && fraction.is_empty()) {
        return Err(NumError::NotANumber);
    }
    let whole = if whole.is_empty() { 0 } else { digits_value(whole)? };
    if whole > MAX_AMOUNT_WAN {
        return Err(NumError::TooLarge);
    }
    let mut fraction_value = 0u64;
    for (place, digit) in fraction.bytes().enumerate() {
        fraction_value += u64::from(digit - b'0') * 10u64.pow(AMOUNT_PLACES - 1 - place as u32);
    }
    Ok(Some(Amount::from_ten_thousandths(whole * 10_000 + fraction_value)))
}

/// Trims, maps full-width characters to ASCII and drops one trailing unit; `None` when blank.
fn normalise(text: &str, units: &[&str]) -> Result<Option<String>, NumError> {
    let trimmed = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
    if is_blank_mark(trimmed) {
        return Ok(None);
    }
    let mut plain: String = trimmed
        .chars()
        .map(|c| match ascii_digit(c) {
            '，' => ',',
            '．' | '。' => '.',
            '－' | '−' | '—' => '-',
            '＋' => '+',
            other => other,
        })
        .collect();
    for unit in units {
        if let Some(stripped) = plain.strip_suffix(unit) {
            plain = stripped.to_string();
            break;
        }
    }
    if plain.starts_with('-') && plain.len() > 1 {
        return Err(if plain[1..].chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
            NumError::Negative
        } else {
            NumError::NotANumber
        });
    }
    let plain = plain.strip_prefix('+').map(str::to_string).unwrap_or(plain);
    Ok(Some(plain))
}

/// The value of ASCII digits with optional, correctly placed thousands separators.
fn digits_value(text: &str) -> Result<u64, NumError> {
    if text.is_empty() {
        return Err(NumError::NotANumber);
    }
    if !text.bytes().all(|b| b.is_ascii_digit() || b == b',') {
        return Err(NumError::NotANumber);
    }
    if text.contains(',') {
        let mut groups = text.split(',');
        let first = groups.next().unwrap_or_default();
        if first.is_empty() || first.len() > 3 || groups.any(|g| g.len() != 3) {
            return Err(NumError::Separators);
        }
    }
    let digits: String = text.chars().filter(|c| *c != ',').collect();
    if digits.len() > 12 {
        return Err(NumError::TooLarge);
    }
    digits.parse().map_err(|_| NumError::NotANumber)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_as_clerks_type_them() {
        assert_eq!(parse_count("12"), Ok(Some(12)));
        assert_eq!(parse_count(" １２ "), Ok(Some(12)));
        assert_eq!(parse_count("3件"), Ok(Some(3)));
        assert_eq!(parse_count("1,234"), Ok(Some(1234)));
        assert_eq!(parse_count("１，２３４件"), Ok(Some(1234)));
        assert_eq!(parse_count("\u{3000}0\u{a0}"), Ok(Some(0)));
        assert_eq!(parse_count("007"), Ok(Some(7)));
    }

    #[test]
    fn blank_and_placeholders_are_blank_not_zero() {
        for text in ["", "   ", "/", "—", "无", "-", "\u{a0}"] {
            assert_eq!(parse_count(text), Ok(None), "{text:?}");
        }
    }

    #[test]
    fn bad_counts_say_what_is_wrong() {
        assert_eq!(parse_count("-3"), Err(NumError::Negative));
        assert_eq!(parse_count("－3"), Err(NumError::Negative));
        assert_eq!(parse_count("1.5"), Err(NumError::Fraction));
        assert_eq!(parse_count("12,34"), Err(NumError::Separators));
        assert_eq!(parse_count(",123"), Err(NumError::Separators));
        assert_eq!(parse_count("1000000000"), Err(NumError::TooLarge));
        assert_eq!(parse_count("99999999999999999999999"), Err(NumError::TooLarge));
        assert_eq!(parse_count("十二"), Err(NumError::NotANumber));
        assert_eq!(parse_count("1 2"), Err(NumError::NotANumber));
        assert_eq!(parse_count("12a"), Err(NumError::NotANumber));
        assert_eq!(parse_count("-"), Ok(None));
        assert_eq!(parse_count("--1"), Err(NumError::NotANumber));
    }

    #[test]
    fn amounts_in_wan_yuan_keep_four_places_exactly() {
        let amount = |t: &str| parse_amount(t).map(|a| a.map(|a| a.to_string()));
        assert_eq!(amount("18651.06"), Ok(Some("18651.06".into())));
        assert_eq!(amount("0"), Ok(Some("0".into())));
        assert_eq!(amount("0.0001万元"), Ok(Some("0.0001".into())));
        assert_eq!(amount("１．５"), Ok(Some("1.5".into())));
        assert_eq!(amount(".5"), Ok(Some("0.5".into())));
        assert_eq!(amount("1,234.5000"), Ok(Some("1234.5".into())));
        assert_eq!(amount(""), Ok(None));
        assert_eq!(parse_amount("0.00001"), Err(NumError::TooManyPlaces));
        assert_eq!(parse_amount("-1"), Err(NumError::Negative));
        assert_eq!(parse_amount("1200元"), Err(NumError::WrongUnit));
        assert_eq!(parse_amount("1.2.3"), Err(NumError::NotANumber));
        assert_eq!(parse_amount("."), Err(NumError::NotANumber));
        assert_eq!(parse_amount("200000000"), Err(NumError::TooLarge));
    }
}
