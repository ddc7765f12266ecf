//! Postgres' `jsonb` values for the embedded engine, which stores a `jsonb` as its canonical
//! text (what Postgres' output function writes): parsing, the canonical text, and the
//! comparison, containment and existence rules of `jsonb`.
//!
//! Written by hand, not on serde_json: `jsonb` numbers are exact `numeric`s that keep their
//! written scale (`1.50` stays `1.50`, `1e2` is `100`), object keys are kept in Postgres' order
//! (shorter keys first, then bytewise) with the last duplicate winning, and the text form has
//! Postgres' spacing. serde_json keeps a number's text only under a crate-wide feature that
//! would change serde_json for every other crate in the build (arrow, datafusion).

use std::cmp::Ordering;

/// Most digits before the decimal point and after it a Postgres `numeric` holds.
const MAX_INTEGER_DIGITS: usize = 131_072;
const MAX_SCALE: usize = 16_383;

/// One `jsonb` value.
#[derive(Debug, Clone, PartialEq)]
pub enum Jsonb {
    Null,
    Bool(bool),
    /// A number as Postgres' `numeric` output writes it (`-12.50`, `100`).
    Number(String),
    String(String),
    Array(Vec<Jsonb>),
    /// Pairs with unique keys, in Postgres' key order (see [`key_order`]).
    Object(Vec<(String, Jsonb)>),
}

/// Why a text is not a `jsonb` value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonError {
    /// Not JSON (22P02); the detail names the problem.
    Syntax(String),
    /// `\u0000`, which `jsonb` cannot hold (22P05).
    NulCharacter,
    /// A number beyond `numeric`'s range (22003).
    NumberOutOfRange,
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            JsonError::Syntax(detail) => write!(f, "invalid input syntax for type json ({detail})"),
            JsonError::NulCharacter => {
                write!(f, "unsupported Unicode escape sequence (\\u0000 cannot be converted to text)")
            }
            JsonError::NumberOutOfRange => write!(f, "value overflows numeric format"),
        }
    }
}

/// Postgres' order of object keys: shorter first, then bytewise.
pub fn key_order(a: &str, b: &str) -> Ordering {
    a.len().cmp(&b.len()).then_with(|| a.as_bytes().cmp(b.as_bytes()))
}

impl Jsonb {
    /// Parses JSON text as Postgres' `jsonb` input does.
    pub fn parse(text: &str) -> Result<Jsonb, JsonError> {
        let mut parser = Parser { bytes: text.as_bytes(), at: 0, depth: 0 };
        parser.skip_blanks();
        let value = parser.value()?;
        parser.skip_blanks();
        if parser.at != parser.bytes.len() {
            return Err(parser.unexpected());
        }
        Ok(value)
    }

    /// An object from pairs in any order, with Postgres' key order and the last duplicate kept.
    pub fn object(mut pairs: Vec<(String, Jsonb)>) -> Jsonb {
        // A stable sort keeps duplicates in input order: the last of each run wins.
        pairs.sort_by(|a, b| key_order(&a.0, &b.0));
        let mut unique: Vec<(String, Jsonb)> = Vec::with_capacity(pairs.len());
        for pair in pairs {
            match unique.last_mut() {
                Some(last) if last.0 == pair.0 => *last = pair,
                _ => unique.push(pair),
            }
        }
        Jsonb::Object(unique)
    }

    /// A number from text in JSON's number syntax, as Postgres' `numeric` writes it.
    pub fn number(text: &str) -> Result<Jsonb, JsonError> {
        normalize_number(text).map(Jsonb::Number)
    }

    /// The canonical text (Postgres' `jsonb` output).
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Jsonb::Null => out.push_str("null"),
            Jsonb::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Jsonb::Number(n) => out.push_str(n),
            Jsonb::String(s) => write_string(s, out),
            Jsonb::Array(items) => {
                out.push('[');
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        out.push_str(", ");
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Jsonb::Object(pairs) => {
                out.push('{');
                for (index, (key, value)) in pairs.iter().enumerate() {
                    if index > 0 {
                        out.push_str(", ");
                    }
                    write_string(key, out);
                    out.push_str(": ");
                    value.write(out);
                }
                out.push('}');
            }
        }
    }

    /// The text `->>` and `#>>` give: a string's own text, SQL NULL for a JSON null, else the
    /// canonical text.
    pub fn into_text(self) -> Option<String> {
        match self {
            Jsonb::Null => None,
            Jsonb::String(s) => Some(s),
            other => Some(other.to_text()),
        }
    }

    /// `jsonb_typeof`.
    pub fn type_name(&self) -> &'static str {
        match self {
            Jsonb::Null => "null",
            Jsonb::Bool(_) => "boolean",
            Jsonb::Number(_) => "number",
            Jsonb::String(_) => "string",
            Jsonb::Array(_) => "array",
            Jsonb::Object(_) => "object",
        }
    }

    /// `-> 'key'`: the value of an object's key.
    pub fn field(&self, key: &str) -> Option<&Jsonb> {
        match self {
            Jsonb::Object(pairs) => {
                pairs.binary_search_by(|(k, _)| key_order(k, key)).ok().map(|index| &pairs[index].1)
            }
            _ => None,
        }
    }

    /// `-> n`: an array's element, counted from the end when negative.
    pub fn element(&self, index: i64) -> Option<&Jsonb> {
        let Jsonb::Array(items) = self else { return None };
        let len = items.len() as i64;
        let index = if index < 0 { len + index } else { index };
        usize::try_from(index).ok().and_then(|i| items.get(i))
    }

    /// `#> path`: each step a key of an object or an integer index of an array.
    pub fn path<'a>(&'a self, steps: &[&str]) -> Option<&'a Jsonb> {
        steps.iter().try_fold(self, |value, step| match value {
            Jsonb::Object(_) => value.field(step),
            Jsonb::Array(_) => step.trim().parse::<i64>().ok().and_then(|index| value.element(index)),
            _ => None,
        })
    }

    /// `?`: `key` is a key of an object, a string element of an array, or the string itself.
    pub fn has_key(&self, key: &str) -> bool {
        match self {
            Jsonb::Object(_) => self.field(key).is_some(),
            Jsonb::Array(items) => items.iter().any(|item| matches!(item, Jsonb::String(s) if s == key)),
            Jsonb::String(s) => s == key,
            _ => false,
        }
    }

    /// `@>`: whether `self` contains `other` (Postgres' `JsonbDeepContains`, with a scalar at
    /// the top level standing for a one-element array that only scalars may be compared with).
    pub fn contains(&self, other: &Jsonb) -> bool {
        match (self, other) {
            (Jsonb::Object(_), Jsonb::Object(_)) | (Jsonb::Array(_), Jsonb::Array(_)) => self.contains_same_kind(other),
            (Jsonb::Array(items), scalar) if scalar.is_scalar() => items.iter().any(|item| item.equals(scalar)),
            (a, b) if a.is_scalar() && b.is_scalar() => a.equals(b),
            _ => false,
        }
    }

    fn contains_same_kind(&self, other: &Jsonb) -> bool {
        match (self, other) {
            (Jsonb::Object(_), Jsonb::Object(wanted)) => wanted.iter().all(|(key, want)| match self.field(key) {
                Some(have) if have.is_scalar() || want.is_scalar() => have.equals(want),
                Some(have) => have.same_kind(want) && have.contains_same_kind(want),
                None => false,
            }),
            (Jsonb::Array(have), Jsonb::Array(wanted)) => wanted.iter().all(|want| {
                if want.is_scalar() {
                    have.iter().any(|item| item.is_scalar() && item.equals(want))
                } else {
                    have.iter().any(|item| item.same_kind(want) && item.contains_same_kind(want))
                }
            }),
            _ => false,
        }
    }

    fn same_kind(&self, other: &Jsonb) -> bool {
        matches!((self, other), (Jsonb::Object(_), Jsonb::Object(_)) | (Jsonb::Array(_), Jsonb::Array(_)))
    }

    fn is_scalar(&self) -> bool {
        !matches!(self, Jsonb::Array(_) | Jsonb::Object(_))
    }

    /// `=` on `jsonb` (numbers by value: `1.0` equals `1`).
    pub fn equals(&self, other: &Jsonb) -> bool {
        self.compare(other) == Ordering::Equal
    }

    /// Postgres' `jsonb` order: null < string < number < boolean < array < object at the top;
    /// arrays and objects by their size first, then element by element (objects key, value,
    /// key, … taken in key order, each key compared as a string); strings bytewise (the
    /// embedded engine's text order); a scalar at the top level sorts below any array.
    pub fn compare(&self, other: &Jsonb) -> Ordering {
        let rank = |v: &Jsonb| match v {
            Jsonb::Null => 0,
            Jsonb::String(_) => 1,
            Jsonb::Number(_) => 2,
            Jsonb::Bool(_) => 3,
            Jsonb::Array(_) => 4,
            Jsonb::Object(_) => 5,
        };
        match (self, other) {
            (Jsonb::Null, Jsonb::Null) => Ordering::Equal,
            (Jsonb::String(a), Jsonb::String(b)) => a.as_bytes().cmp(b.as_bytes()),
            (Jsonb::Number(a), Jsonb::Number(b)) => compare_numbers(a, b),
            (Jsonb::Bool(a), Jsonb::Bool(b)) => a.cmp(b),
            (Jsonb::Array(a), Jsonb::Array(b)) => a.len().cmp(&b.len()).then_with(|| {
                a.iter().zip(b).map(|(x, y)| x.compare(y)).find(|o| o.is_ne()).unwrap_or(Ordering::Equal)
            }),
            (Jsonb::Object(a), Jsonb::Object(b)) => a.len().cmp(&b.len()).then_with(|| {
                a.iter()
                    .zip(b)
                    .map(|((ka, va), (kb, vb))| ka.as_bytes().cmp(kb.as_bytes()).then_with(|| va.compare(vb)))
                    .find(|o| o.is_ne())
                    .unwrap_or(Ordering::Equal)
            }),
            (a, b) => rank(a).cmp(&rank(b)),
        }
    }

    /// Bytes whose bytewise order is [`Jsonb::compare`]'s, for sorting by a `jsonb` value.
    /// Each part is self-delimiting, so a container's parts compare one after the other.
    pub fn sort_key(&self) -> Vec<u8> {
        let mut key = Vec::new();
        self.write_sort_key(&mut key);
        key
    }

    fn write_sort_key(&self, key: &mut Vec<u8>) {
        match self {
            Jsonb::Null => key.push(0),
            Jsonb::String(s) => {
                key.push(1);
                write_sort_string(s, key);
            }
            Jsonb::Number(n) => {
                key.push(2);
                write_sort_number(n, key);
            }
            Jsonb::Bool(b) => key.extend([3, u8::from(*b)]),
            Jsonb::Array(items) => {
                key.push(4);
                key.extend((items.len() as u64).to_be_bytes());
                items.iter().for_each(|item| item.write_sort_key(key));
            }
            Jsonb::Object(pairs) => {
                key.push(5);
                key.extend((pairs.len() as u64).to_be_bytes());
                for (k, v) in pairs {
                    write_sort_string(k, key);
                    v.write_sort_key(key);
                }
            }
        }
    }

    /// `jsonb_strip_nulls`: object fields whose value is null removed, at every depth.
    pub fn strip_nulls(self) -> Jsonb {
        match self {
            Jsonb::Object(pairs) => Jsonb::Object(
                pairs
                    .into_iter()
                    .filter(|(_, v)| !matches!(v, Jsonb::Null))
                    .map(|(k, v)| (k, v.strip_nulls()))
                    .collect(),
            ),
            Jsonb::Array(items) => Jsonb::Array(items.into_iter().map(Jsonb::strip_nulls).collect()),
            other => other,
        }
    }
}

/// A string's bytes with 0x00 written 0x00 0xFF and a 0x00 0x00 end: bytewise order kept, and
/// no key is a prefix of another's.
fn write_sort_string(text: &str, key: &mut Vec<u8>) {
    for &b in text.as_bytes() {
        key.push(b);
        if b == 0 {
            key.push(0xFF);
        }
    }
    key.extend([0, 0]);
}

/// A number as sign, then (for non-zero values) the position of its first significant digit
/// and its significant digits ended by 0x00, all complemented for negative numbers so that a
/// larger magnitude sorts lower.
fn write_sort_number(number: &str, key: &mut Vec<u8>) {
    let (negative, unsigned) = match number.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, number),
    };
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits = format!("{whole}{fraction}");
    let leading_zeros = digits.len() - digits.trim_start_matches('0').len();
    let significant = digits.trim_start_matches('0').trim_end_matches('0');
    if significant.is_empty() {
        key.push(1);
        return;
    }
    // The power of ten of the first significant digit, offset to stay positive.
    let exponent = whole.len() as i64 - leading_zeros as i64 + (1 << 40);
    let mut part: Vec<u8> = (exponent as u64).to_be_bytes().to_vec();
    part.extend(significant.bytes());
    part.push(0);
    if negative {
        key.push(0);
        key.extend(part.iter().map(|b| 0xFF - b));
    } else {
        key.push(2);
        key.extend(part);
    }
}

/// Writes a string as JSON, escaping as Postgres' `escape_json` does.
fn write_string(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A JSON number's text as Postgres' `numeric` writes it: the value with scale
/// `max(0, fraction digits − exponent)`, no exponent, no sign on zero.
fn normalize_number(text: &str) -> Result<String, JsonError> {
    let invalid = || JsonError::Syntax(format!("Token \"{text}\" is invalid."));
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(invalid());
            }
            // Beyond this no value fits a numeric either way.
            let exponent: i64 = if digits.len() > 9 { i64::MAX / 4 } else { digits.parse().map_err(|_| invalid())? };
            (m, if e.starts_with('-') { -exponent } else { exponent })
        }
        None => (unsigned, 0),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((w, f)) if !f.is_empty() => (w, f),
        Some(_) => return Err(invalid()),
        None => (mantissa, ""),
    };
    let digit_run = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digit_run(whole) || (whole.len() > 1 && whole.starts_with('0')) || !(fraction.is_empty() || digit_run(fraction))
    {
        return Err(invalid());
    }
    let scale = (fraction.len() as i64 - exponent).max(0);
    // value = digits × 10^shift
    let shift = exponent - fraction.len() as i64;
    let digits = format!("{whole}{fraction}");
    let significant = digits.trim_start_matches('0');
    if significant.is_empty() {
        // Zero keeps its scale and loses its sign.
        if scale as usize > MAX_SCALE {
            return Err(JsonError::NumberOutOfRange);
        }
        return Ok(if scale == 0 { "0".into() } else { format!("0.{}", "0".repeat(scale as usize)) });
    }
    let integer_digits = significant.len() as i64 + shift;
    if integer_digits > MAX_INTEGER_DIGITS as i64 || scale > MAX_SCALE as i64 {
        return Err(JsonError::NumberOutOfRange);
    }
    let sign = if negative { "-" } else { "" };
    if shift >= 0 {
        return Ok(format!("{sign}{significant}{}", "0".repeat(shift as usize)));
    }
    // The written digits hold at least `scale` decimals; pad on the left for a leading `0.`.
    let places = (-shift) as usize;
    let padded = format!("{significant:0>width$}", width = places + 1);
    let (int_part, frac_part) = padded.split_at(padded.len() - places);
    Ok(format!("{sign}{int_part}.{frac_part}"))
}

/// Compares two numbers written as [`normalize_number`] writes them, by value.
fn compare_numbers(a: &str, b: &str) -> Ordering {
    let split = |n: &str| {
        let (negative, unsigned) = match n.strip_prefix('-') {
            Some(rest) => (true, rest.to_string()),
            None => (false, n.to_string()),
        };
        let (whole, fraction) = match unsigned.split_once('.') {
            Some((w, f)) => (w.to_string(), f.trim_end_matches('0').to_string()),
            None => (unsigned.clone(), String::new()),
        };
        let whole = whole.trim_start_matches('0').to_string();
        let zero = whole.is_empty() && fraction.is_empty();
        (negative && !zero, whole, fraction)
    };
    let (neg_a, whole_a, frac_a) = split(a);
    let (neg_b, whole_b, frac_b) = split(b);
    let magnitude = whole_a
        .len()
        .cmp(&whole_b.len())
        .then_with(|| whole_a.cmp(&whole_b))
        .then_with(|| frac_a.as_str().cmp(frac_b.as_str()));
    match (neg_a, neg_b) {
        (false, true) => Ordering::Greater,
        (true, false) => Ordering::Less,
        (false, false) => magnitude,
        (true, true) => magnitude.reverse(),
    }
}

/// Deepest nesting accepted, so a hostile document cannot exhaust the stack.
const MAX_DEPTH: usize = 1000;

struct Parser<'t> {
    bytes: &'t [u8],
    at: usize,
    depth: usize,
}

impl Parser<'_> {
    fn skip_blanks(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn unexpected(&self) -> JsonError {
        match self.bytes.get(self.at) {
            None => JsonError::Syntax("The input string ended unexpectedly.".into()),
            Some(_) => {
                let rest = String::from_utf8_lossy(&self.bytes[self.at..]);
                let token: String = rest.chars().take_while(|c| !c.is_whitespace()).take(20).collect();
                JsonError::Syntax(format!("Token \"{token}\" is invalid."))
            }
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.skip_blanks();
        if self.bytes.get(self.at) == Some(&byte) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn value(&mut self) -> Result<Jsonb, JsonError> {
        self.skip_blanks();
        match self.bytes.get(self.at) {
            Some(b'{') => self.nested(|p| p.object()),
            Some(b'[') => self.nested(|p| p.array()),
            Some(b'"') => self.string().map(Jsonb::String),
            Some(b'-' | b'0'..=b'9') => {
                let start = self.at;
                while let Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') = self.bytes.get(self.at) {
                    self.at += 1;
                }
                let text = std::str::from_utf8(&self.bytes[start..self.at]).map_err(|_| self.unexpected())?;
                Jsonb::number(text)
            }
            _ => {
                for (word, value) in [("true", Jsonb::Bool(true)), ("false", Jsonb::Bool(false)), ("null", Jsonb::Null)]
                {
                    if self.bytes[self.at..].starts_with(word.as_bytes())
                        && !self.bytes.get(self.at + word.len()).is_some_and(|b| b.is_ascii_alphanumeric())
                    {
                        self.at += word.len();
                        return Ok(value);
                    }
                }
                Err(self.unexpected())
            }
        }
    }

    fn nested(&mut self, parse: impl FnOnce(&mut Self) -> Result<Jsonb, JsonError>) -> Result<Jsonb, JsonError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(JsonError::Syntax(format!("nesting deeper than {MAX_DEPTH} levels")));
        }
        self.at += 1;
        let value = parse(self);
        self.depth -= 1;
        value
    }

    fn array(&mut self) -> Result<Jsonb, JsonError> {
        let mut items = Vec::new();
        if self.eat(b']') {
            return Ok(Jsonb::Array(items));
        }
        loop {
            items.push(self.value()?);
            if self.eat(b']') {
                return Ok(Jsonb::Array(items));
            }
            if !self.eat(b',') {
                return Err(self.unexpected());
            }
        }
    }

    fn object(&mut self) -> Result<Jsonb, JsonError> {
        let mut pairs = Vec::new();
        if self.eat(b'}') {
            return Ok(Jsonb::Object(pairs));
        }
        loop {
            self.skip_blanks();
            if self.bytes.get(self.at) != Some(&b'"') {
                return Err(self.unexpected());
            }
            let key = self.string()?;
            if !self.eat(b':') {
                return Err(self.unexpected());
            }
            pairs.push((key, self.value()?));
            if self.eat(b'}') {
                return Ok(Jsonb::object(pairs));
            }
            if !self.eat(b',') {
                return Err(self.unexpected());
            }
        }
    }

    /// A string starting at the opening quote.
    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let start = self.at;
            while let Some(&b) = self.bytes.get(self.at) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // The input is a Rust string and the run stops only at ASCII bytes: valid UTF-8.
            out.push_str(std::str::from_utf8(&self.bytes[start..self.at]).map_err(|_| self.unexpected())?);
            match self.bytes.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escaped = self.bytes.get(self.at).copied();
                    self.at += 1;
                    match escaped {
                        Some(b'"') => out.push('"'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'/') => out.push('/'),
                        Some(b'b') => out.push('\u{8}'),
                        Some(b'f') => out.push('\u{c}'),
                        Some(b'n') => out.push('\n'),
                        Some(b'r') => out.push('\r'),
                        Some(b't') => out.push('\t'),
                        Some(b'u') => out.push(self.unicode_escape()?),
                        _ => return Err(JsonError::Syntax("Escape sequence is invalid.".into())),
                    }
                }
                Some(b) => {
                    return Err(JsonError::Syntax(format!("Character with value 0x{b:02x} must be escaped.")));
                }
                None => return Err(JsonError::Syntax("The input string ended unexpectedly.".into())),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let invalid = || JsonError::Syntax("\"\\u\" must be followed by four hexadecimal digits.".into());
        let digits = self.bytes.get(self.at..self.at + 4).ok_or_else(invalid)?;
        let text = std::str::from_utf8(digits).map_err(|_| invalid())?;
        if !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(invalid());
        }
        self.at += 4;
        u32::from_str_radix(text, 16).map_err(|_| invalid())
    }

    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let surrogate = |what: &str| JsonError::Syntax(format!("Unicode {what}."));
        let first = self.hex4()?;
        let code = match first {
            0 => return Err(JsonError::NulCharacter),
            0xD800..=0xDBFF => {
                if !self.bytes[self.at..].starts_with(b"\\u") {
                    return Err(surrogate("high surrogate must not follow a high surrogate"));
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(surrogate("low surrogate must follow a high surrogate"));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(surrogate("low surrogate must follow a high surrogate")),
            other => other,
        };
        char::from_u32(code).ok_or_else(|| JsonError::Syntax("invalid Unicode escape".into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canonical(text: &str) -> String {
        Jsonb::parse(text).map(|v| v.to_text()).unwrap_or_else(|e| format!("error: {e}"))
    }

    #[test]
    fn canonical_text_matches_postgres() {
        // select '<text>'::jsonb;
        assert_eq!(canonical(r#"{"b": 2, "a": 1}"#), r#"{"a": 1, "b": 2}"#);
        assert_eq!(canonical(r#"  {"a":1} "#), r#"{"a": 1}"#);
        assert_eq!(canonical(r#"{"aa":1,"b":2}"#), r#"{"b": 2, "aa": 1}"#);
        assert_eq!(canonical(r#"{"a":1,"a":2}"#), r#"{"a": 2}"#);
        assert_eq!(canonical(r#"[1,"x",null, true]"#), r#"[1, "x", null, true]"#);
        assert_eq!(canonical("3.50"), "3.50");
        assert_eq!(canonical("1e2"), "100");
        assert_eq!(canonical("1.50e1"), "15.0");
        assert_eq!(canonical("1E-2"), "0.01");
        assert_eq!(canonical("-0"), "0");
        assert_eq!(canonical("-0.0"), "0.0");
        assert_eq!(canonical("0.001e+1"), "0.01");
        assert_eq!(canonical(r#""tab\tq\"\u00e9\u0001""#), "\"tab\\tq\\\"é\\u0001\"");
        assert_eq!(canonical(r#""\ud83d\ude00""#), "\"😀\"");
        assert_eq!(canonical("{}"), "{}");
        assert_eq!(canonical("[ ]"), "[]");
    }

    #[test]
    fn invalid_text_is_refused_as_postgres_refuses_it() {
        for bad in ["", "{", "[1,]", "01", "1.", ".5", "+1", "tru", "{\"a\" 1}", "\"a\nb\"", "nul", "[1] x", "{1: 2}"] {
            assert!(matches!(Jsonb::parse(bad), Err(JsonError::Syntax(_))), "{bad:?}");
        }
        assert_eq!(Jsonb::parse(r#""\u0000""#), Err(JsonError::NulCharacter));
        assert!(matches!(Jsonb::parse(r#""\ude00""#), Err(JsonError::Syntax(_))));
        assert_eq!(Jsonb::parse("1e999999"), Err(JsonError::NumberOutOfRange));
        let deep = "[".repeat(MAX_DEPTH + 1);
        assert!(Jsonb::parse(&deep).is_err());
    }

    #[test]
    fn access_follows_postgres() {
        let doc = Jsonb::parse(r#"{"a": 1, "b": [1, 2, 3], "c": {"d": "x"}}"#).unwrap();
        assert_eq!(doc.field("a").map(Jsonb::to_text).as_deref(), Some("1"));
        assert_eq!(doc.field("b").and_then(|b| b.element(-1)).map(Jsonb::to_text).as_deref(), Some("3"));
        assert_eq!(doc.field("b").and_then(|b| b.element(3)), None);
        assert_eq!(doc.path(&["c", "d"]).cloned().and_then(Jsonb::into_text).as_deref(), Some("x"));
        assert_eq!(doc.path(&["b", "0"]).map(Jsonb::to_text).as_deref(), Some("1"));
        assert_eq!(doc.path(&["b", "x"]), None);
        assert_eq!(doc.path(&[]), Some(&doc));
        assert!(doc.has_key("b") && !doc.has_key("x"));
        assert!(Jsonb::parse(r#"["a", "b"]"#).unwrap().has_key("a"));
        assert!(!Jsonb::parse("[1, 2]").unwrap().has_key("1"));
        assert!(Jsonb::parse(r#""a""#).unwrap().has_key("a"));
    }

    #[test]
    fn containment_follows_postgres() {
        let contains = |a: &str, b: &str| Jsonb::parse(a).unwrap().contains(&Jsonb::parse(b).unwrap());
        assert!(contains(r#"{"a": 1, "b": [1, 2]}"#, r#"{"b": [2]}"#));
        assert!(contains(r#"{"a": 1.0}"#, r#"{"a": 1}"#));
        assert!(contains(r#"{"c": {"d": "x", "e": 1}}"#, r#"{"c": {"d": "x"}}"#));
        assert!(!contains(r#"{"a": 1}"#, r#"{"a": [1]}"#));
        assert!(contains(r#"["foo", "bar"]"#, r#""foo""#));
        assert!(!contains(r#""foo""#, r#"["foo"]"#));
        assert!(contains("[1, [2, 3]]", "[[3]]"));
        assert!(!contains("[1, 2]", "[[1]]"));
        assert!(!contains(r#"{"a": 1}"#, "[]"));
        assert!(contains("[]", "[]") && contains("{}", "{}"));
    }

    #[test]
    fn order_follows_postgres() {
        let cmp = |a: &str, b: &str| Jsonb::parse(a).unwrap().compare(&Jsonb::parse(b).unwrap());
        assert_eq!(cmp("1.0", "1"), Ordering::Equal);
        assert_eq!(cmp("-2", "1"), Ordering::Less);
        assert_eq!(cmp("-2", "-10.5"), Ordering::Greater);
        assert_eq!(cmp("0.5", "0.25"), Ordering::Greater);
        assert_eq!(cmp(r#"{"a": 1, "b": 2}"#, r#"{"b": 2, "a": 1}"#), Ordering::Equal);
        assert_eq!(cmp("[1, 2]", "[2, 1]"), Ordering::Less);
        assert_eq!(cmp("[9]", "[1, 1]"), Ordering::Less);
        assert_eq!(cmp("true", "1"), Ordering::Greater);
        assert_eq!(cmp(r#""z""#, "1"), Ordering::Less);
        assert_eq!(cmp("null", r#""""#), Ordering::Less);
        assert_eq!(cmp("{}", "[1, 2, 3]"), Ordering::Greater);
    }

    #[test]
    fn sort_keys_order_as_compare_does() {
        let values = [
            "null",
            r#""""#,
            r#""a""#,
            r#""a\u0001""#,
            r#""ab""#,
            "-100",
            "-10.5",
            "-10",
            "-1.55",
            "-1.5",
            "-0.001",
            "0",
            "0.0",
            "0.001",
            "0.01",
            "1",
            "1.0",
            "1.5",
            "1.55",
            "10",
            "100",
            "false",
            "true",
            "[]",
            "[1]",
            "[2]",
            "[1, 1]",
            "[[1]]",
            "{}",
            r#"{"a": 1}"#,
            r#"{"b": 0}"#,
            r#"{"a": 1, "b": 2}"#,
        ];
        for a in values {
            for b in values {
                let (x, y) = (Jsonb::parse(a).unwrap(), Jsonb::parse(b).unwrap());
                assert_eq!(x.sort_key().cmp(&y.sort_key()), x.compare(&y), "{a} vs {b}");
            }
        }
    }
}
