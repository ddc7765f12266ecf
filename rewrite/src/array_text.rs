//! Postgres' text form of a one-dimensional array (`{a,"b c",NULL}`), read as Postgres'
//! `array_in` reads it. One reader for the two places that meet this form: array literals
//! written in a statement (the dialect rewrite) and arrays bound as text parameters (the
//! proxy's catalog functions). Pure; nested arrays are not read (`None`).

/// The elements of a one-dimensional array in text form: `None` for NULL, `None` overall when
/// the text is not such an array (nested braces, a stray quote, an empty element, a dangling
/// backslash).
///
/// As in Postgres: quoted elements keep everything between the quotes, unquoted ones lose
/// surrounding unescaped whitespace, a backslash escapes the next character in both, and only
/// an unquoted, unescaped `NULL` (any case) is NULL.
pub fn array_elements(text: &str) -> Option<Vec<Option<String>>> {
    let inner = text.trim().strip_prefix('{')?.strip_suffix('}')?;
    let mut elements = Vec::new();
    if inner.trim().is_empty() {
        return Some(elements);
    }
    let mut chars = inner.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let element = if chars.next_if_eq(&'"').is_some() {
            let mut value = String::new();
            loop {
                match chars.next()? {
                    '"' => break,
                    '\\' => value.push(chars.next()?),
                    c => value.push(c),
                }
            }
            while chars.next_if(|c| c.is_whitespace()).is_some() {}
            Some(value)
        } else {
            let mut value = String::new();
            // Bytes up to the last character that is not unescaped trailing whitespace.
            let mut kept = 0;
            let mut escaped = false;
            while let Some(c) = chars.next_if(|&c| c != ',') {
                match c {
                    '{' | '}' | '"' => return None,
                    '\\' => {
                        value.push(chars.next()?);
                        escaped = true;
                        kept = value.len();
                    }
                    c => {
                        value.push(c);
                        if !c.is_whitespace() {
                            kept = value.len();
                        }
                    }
                }
            }
            value.truncate(kept);
            if value.is_empty() && !escaped {
                return None;
            }
            (escaped || !value.eq_ignore_ascii_case("null")).then_some(value)
        };
        elements.push(element);
        match chars.next() {
            None => return Some(elements),
            Some(',') => {}
            Some(_) => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::array_elements;

    fn owned(items: &[Option<&str>]) -> Option<Vec<Option<String>>> {
        Some(items.iter().map(|i| i.map(str::to_string)).collect())
    }

    #[test]
    fn reads_arrays_as_postgres_reads_them() {
        assert_eq!(array_elements("{}"), owned(&[]));
        assert_eq!(array_elements(" { } "), owned(&[]));
        assert_eq!(array_elements("{4, 5 ,99}"), owned(&[Some("4"), Some("5"), Some("99")]));
        assert_eq!(array_elements("{r,p, f }"), owned(&[Some("r"), Some("p"), Some("f")]));
        assert_eq!(
            array_elements(r#"{a,"b c","NULL",NULL,nUlL,"x\"y"}"#),
            owned(&[Some("a"), Some("b c"), Some("NULL"), None, None, Some("x\"y")])
        );
        // Escapes outside quotes: the character is kept as written, escaped whitespace is not
        // trimmed, and an escaped NULL is the text.
        assert_eq!(
            array_elements(r#"{c\,d,a\ ,\NULL,\"q}"#),
            owned(&[Some("c,d"), Some("a "), Some("NULL"), Some("\"q")])
        );
        assert_eq!(array_elements(r#"{" a ", b c }"#), owned(&[Some(" a "), Some("b c")]));
    }

    #[test]
    fn refuses_what_postgres_calls_malformed_or_what_is_not_one_dimensional() {
        for text in ["1,2", "{{1,2},{3,4}}", "{a,,b}", "{a,}", r#"{"a"b}"#, r#"{"open}"#, r"{a\}", "{a}b}", "{a"] {
            assert_eq!(array_elements(text), None, "{text}");
        }
    }
}
