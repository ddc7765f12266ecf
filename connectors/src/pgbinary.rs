//! Postgres binary formats that have no Arrow equivalent, as pure functions shared by the
//! Postgres connector (decoding backend rows) and the wire encoder (binary output):
//! `numeric` to and from its exact decimal text, and `uuid` to text.
//!
//! Hand-written because numerics must stay exact at any precision (no crate maps Postgres'
//! base-10000 format to arbitrary-precision text without going through a bounded decimal type).

/// Decodes a binary `numeric` into Postgres' text form (exact, any size; `NaN`, `Infinity`).
pub fn numeric_to_text(bytes: &[u8]) -> Option<String> {
    let word = |i: usize| -> Option<u16> { Some(u16::from_be_bytes(bytes.get(i * 2..i * 2 + 2)?.try_into().ok()?)) };
    let ndigits = usize::from(word(0)?);
    let weight = i32::from(word(1)? as i16);
    let sign = word(2)?;
    let dscale = usize::from(word(3)?);
    match sign {
        0xC000 => return Some("NaN".into()),
        0xD000 => return Some("Infinity".into()),
        0xF000 => return Some("-Infinity".into()),
        0x0000 | 0x4000 => {}
        _ => return None,
    }
    if bytes.len() != 8 + ndigits * 2 {
        return None;
    }
    let digits: Vec<u16> = (0..ndigits).map(|i| word(4 + i)).collect::<Option<_>>()?;
    if digits.iter().any(|d| *d >= 10_000) {
        return None;
    }
    let mut out = String::new();
    if sign == 0x4000 {
        out.push('-');
    }
    // Integer part: groups with weight >= 0.
    if weight < 0 {
        out.push('0');
    } else {
        for i in 0..=weight {
            let group = digits.get(i as usize).copied().unwrap_or(0);
            if i == 0 {
                out.push_str(&group.to_string());
            } else {
                out.push_str(&format!("{group:04}"));
            }
        }
    }
    if dscale > 0 {
        out.push('.');
        let mut fraction = String::new();
        let mut group_index = weight + 1;
        while fraction.len() < dscale {
            let group = if group_index < 0 { 0 } else { digits.get(group_index as usize).copied().unwrap_or(0) };
            fraction.push_str(&format!("{group:04}"));
            group_index += 1;
        }
        fraction.truncate(dscale);
        out.push_str(&fraction);
    }
    Some(out)
}

/// Encodes a decimal text (`-123.4500`, `1e5` not accepted) as binary `numeric`, keeping its
/// display scale. `NaN` and `±Infinity` are accepted.
pub fn numeric_from_text(text: &str) -> Option<Vec<u8>> {
    let text = text.trim();
    let special = match text.to_ascii_lowercase().as_str() {
        "nan" => Some(0xC000u16),
        "infinity" | "+infinity" | "inf" => Some(0xD000),
        "-infinity" | "-inf" => Some(0xF000),
        _ => None,
    };
    if let Some(sign) = special {
        return Some([0u16, 0, sign, 0].iter().flat_map(|w| w.to_be_bytes()).collect());
    }
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (int_part, frac_part) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    if (int_part.is_empty() && frac_part.is_empty())
        || !int_part.bytes().all(|b| b.is_ascii_digit())
        || !frac_part.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let dscale = frac_part.len();
    let int_part = int_part.trim_start_matches('0');
    // Pad the integer part on the left and the fraction on the right to whole base-10000 groups.
    let int_pad = (4 - int_part.len() % 4) % 4;
    let frac_pad = (4 - frac_part.len() % 4) % 4;
    let int_digits = format!("{}{int_part}", "0".repeat(int_pad));
    let frac_digits = format!("{frac_part}{}", "0".repeat(frac_pad));
    let group = |s: &str| -> Vec<u16> {
        s.as_bytes().chunks(4).map(|c| std::str::from_utf8(c).ok().and_then(|g| g.parse().ok()).unwrap_or(0)).collect()
    };
    let int_groups = group(&int_digits);
    let frac_groups = group(&frac_digits);
    let mut weight = int_groups.len() as i32 - 1;
    let mut digits: Vec<u16> = int_groups.into_iter().chain(frac_groups).collect();
    while digits.first() == Some(&0) {
        digits.remove(0);
        weight -= 1;
    }
    while digits.last() == Some(&0) {
        digits.pop();
    }
    if digits.is_empty() {
        weight = 0;
    }
    let sign: u16 = if negative && !digits.is_empty() { 0x4000 } else { 0 };
    let header = [digits.len() as u16, weight as i16 as u16, sign, u16::try_from(dscale).ok()?];
    Some(header.iter().chain(digits.iter()).flat_map(|w| w.to_be_bytes()).collect())
}

/// A binary `uuid` as its canonical text.
pub fn uuid_to_text(bytes: &[u8]) -> Option<String> {
    if bytes.len() != 16 {
        return None;
    }
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    Some(format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerics_round_trip_through_binary() {
        for text in [
            "0",
            "0.00",
            "123.45",
            "-0.0001",
            "10000",
            "12345.6789",
            "99999999999999999999999999999999999999999999.5",
            "-1",
            "0.5",
            "NaN",
            "Infinity",
            "-Infinity",
        ] {
            let binary = numeric_from_text(text).unwrap();
            assert_eq!(numeric_to_text(&binary).as_deref(), Some(text), "{text}");
        }
        // 123.45 as Postgres sends it: ndigits 2, weight 0, sign +, dscale 2, digits 123 4500.
        assert_eq!(numeric_from_text("123.45").unwrap(), vec![0, 2, 0, 0, 0, 0, 0, 2, 0, 123, 0x11, 0x94]);
        assert!(numeric_from_text("1e5").is_none());
        assert!(numeric_from_text("").is_none());
        assert!(numeric_to_text(&[0, 1]).is_none());
    }

    #[test]
    fn uuids() {
        let bytes = [0xa0, 0xee, 0xbc, 0x99, 0x9c, 0x0b, 0x4e, 0xf8, 0xbb, 0x6d, 0x6b, 0xb9, 0xbd, 0x38, 0x0a, 0x11];
        assert_eq!(uuid_to_text(&bytes).as_deref(), Some("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
    }
}
