//! Postgres syntax that sqlparser 0.62 (the version datafusion pins) does not parse, handled on
//! the token stream between tokenizing and parsing. Where a form has an exact spelling sqlparser
//! reads, the tokens are rewritten to it; where it has none, a statement that then fails to parse
//! is refused as unsupported (0A000) rather than reported as a syntax error Postgres would not
//! raise. Hand-written because no crate parses these forms; each piece is a few tokens long.

use sqlparser::keywords::Keyword;
use sqlparser::tokenizer::{Token, TokenWithSpan};

use crate::error::RewriteError;
use crate::parse::char_offset;

/// Rewrites the forms that have an exact spelling sqlparser reads:
/// - `U&'…' UESCAPE 'c'` → the decoded string (sqlparser decodes `U&'…'` with `\` only, so a
///   backslash in such a literal still fails in sqlparser's tokenizer);
/// - `trim(LEADING|TRAILING|BOTH FROM x)` and `trim(FROM x)` → the same with `' '`, the
///   characters Postgres trims when none are given;
/// - `EXCLUDE NO OTHERS` in a window frame → nothing (it is the default).
pub(crate) fn rewrite_tokens(tokens: &mut Vec<TokenWithSpan>, text: &str) -> Result<(), RewriteError> {
    let mut index = 0;
    while index < tokens.len() {
        if let Token::UnicodeStringLiteral(_) = tokens[index].token
            && let Some((end, escape)) = uescape_clause(tokens, index)
        {
            let decoded = decode_unicode_literal(text, offset_of(&tokens[index], text), &escape)?;
            tokens[index].token = Token::SingleQuotedString(decoded);
            tokens.drain(index + 1..=end);
        } else if is_word(&tokens[index].token, "trim")
            && let Some(open) = next_significant(tokens, index)
            && tokens[open].token == Token::LParen
            && let Some(first) = next_significant(tokens, open)
        {
            let side = [Keyword::LEADING, Keyword::TRAILING, Keyword::BOTH].contains(&keyword_of(&tokens[first].token));
            let from = if side { next_significant(tokens, first) } else { Some(first) };
            if let Some(from) = from
                && keyword_of(&tokens[from].token) == Keyword::FROM
            {
                let span = tokens[from].span;
                tokens.insert(from, TokenWithSpan::new(Token::SingleQuotedString(" ".into()), span));
                tokens.insert(
                    from + 1,
                    TokenWithSpan::new(Token::Whitespace(sqlparser::tokenizer::Whitespace::Space), span),
                );
            }
        } else if keyword_of(&tokens[index].token) == Keyword::EXCLUDE
            && let Some(no) = next_significant(tokens, index)
            && keyword_of(&tokens[no].token) == Keyword::NO
            && let Some(others) = next_significant(tokens, no)
            && is_word(&tokens[others].token, "others")
        {
            tokens.drain(index..=others);
            continue;
        }
        index += 1;
    }
    Ok(())
}

/// For a statement that failed to parse: the construct sqlparser cannot read and packwire cannot
/// spell another way, refused as unsupported (0A000) at its position. `None` when the statement
/// has none (the syntax error stands).
pub(crate) fn unparsable_construct(tokens: &[TokenWithSpan], text: &str) -> Option<RewriteError> {
    for (index, token) in tokens.iter().enumerate() {
        let next = next_significant(tokens, index).map(|n| &tokens[n].token);
        let what = match keyword_of(&token.token) {
            Keyword::BETWEEN
                if next.is_some_and(|n| [Keyword::SYMMETRIC, Keyword::ASYMMETRIC].contains(&keyword_of(n))) =>
            {
                "BETWEEN SYMMETRIC (write (x BETWEEN a AND b OR x BETWEEN b AND a))"
            }
            Keyword::EXCLUDE
                if next.is_some_and(|n| {
                    [Keyword::CURRENT, Keyword::GROUP].contains(&keyword_of(n)) || is_word(n, "ties")
                }) =>
            {
                "window frame EXCLUDE"
            }
            _ => continue,
        };
        return Some(RewriteError::Unsupported {
            message: format!("{what} is not supported"),
            position: offset_of(token, text),
        });
    }
    None
}

/// `UESCAPE 'c'` right after the token at `index`: the index of its last token and the string.
fn uescape_clause(tokens: &[TokenWithSpan], index: usize) -> Option<(usize, String)> {
    let keyword = next_significant(tokens, index)?;
    if !is_word(&tokens[keyword].token, "uescape") {
        return None;
    }
    let quote = next_significant(tokens, keyword)?;
    match &tokens[quote].token {
        Token::SingleQuotedString(escape) => Some((quote, escape.clone())),
        _ => None,
    }
}

/// Decodes the `U&'…'` literal that starts at 1-based character `position` of `text` with
/// `escape` as its escape character, by Postgres' rules: `EXXXX` and `E+XXXXXX` are code points
/// (a UTF-16 surrogate pair makes one), `EE` is the escape character itself.
fn decode_unicode_literal(text: &str, position: usize, escape: &str) -> Result<String, RewriteError> {
    let invalid = |message: &str, hint: Option<&str>| RewriteError::Syntax {
        message: message.to_string(),
        detail: hint.map(str::to_string),
        position,
    };
    let mut escape_chars = escape.chars();
    let escape = match (escape_chars.next(), escape_chars.next()) {
        (Some(c), None) if !c.is_ascii_hexdigit() && !"+'\" \t\n\r\x0c".contains(c) => c,
        _ => return Err(invalid("invalid Unicode escape character", None)),
    };
    // The raw literal: after `U&'`, up to the closing quote (a doubled quote is one quote).
    let mut chars = text.chars().skip(position.saturating_sub(1) + 3).peekable();
    let mut raw = String::new();
    loop {
        match chars.next() {
            Some('\'') if chars.peek() == Some(&'\'') => {
                chars.next();
                raw.push('\'');
            }
            Some('\'') | None => break,
            Some(c) => raw.push(c),
        }
    }
    let bad_escape = || invalid("invalid Unicode escape", Some("Unicode escapes must be \\XXXX or \\+XXXXXX."));
    let mut decoded = String::with_capacity(raw.len());
    let mut pending_high: Option<u32> = None;
    let mut rest = raw.chars().peekable();
    while let Some(c) = rest.next() {
        if c != escape {
            if pending_high.is_some() {
                return Err(invalid("invalid Unicode surrogate pair", None));
            }
            decoded.push(c);
            continue;
        }
        if rest.peek() == Some(&escape) {
            rest.next();
            decoded.push(escape);
            continue;
        }
        let digits = if rest.peek() == Some(&'+') {
            rest.next();
            6
        } else {
            4
        };
        let hex: String = (0..digits).filter_map(|_| rest.next_if(char::is_ascii_hexdigit)).collect();
        let code = match u32::from_str_radix(&hex, 16) {
            Ok(code) if hex.len() == digits => code,
            _ => return Err(bad_escape()),
        };
        match (pending_high.take(), code) {
            (None, 0xD800..=0xDBFF) => pending_high = Some(code),
            (Some(high), 0xDC00..=0xDFFF) => {
                let combined = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00);
                decoded.push(char::from_u32(combined).ok_or_else(bad_escape)?);
            }
            (Some(_), _) | (None, 0xDC00..=0xDFFF) => return Err(invalid("invalid Unicode surrogate pair", None)),
            (None, 0) => return Err(invalid("invalid Unicode escape value", None)),
            (None, code) => decoded.push(char::from_u32(code).ok_or_else(bad_escape)?),
        }
    }
    if pending_high.is_some() {
        return Err(invalid("invalid Unicode surrogate pair", None));
    }
    Ok(decoded)
}

/// The index of the next token after `index` that is not whitespace or a comment.
fn next_significant(tokens: &[TokenWithSpan], index: usize) -> Option<usize> {
    (index + 1..tokens.len()).find(|&i| !matches!(tokens[i].token, Token::Whitespace(_)))
}

/// The keyword of an unquoted word (`Keyword::NoKeyword` for anything else).
fn keyword_of(token: &Token) -> Keyword {
    match token {
        Token::Word(word) if word.quote_style.is_none() => word.keyword,
        _ => Keyword::NoKeyword,
    }
}

/// Whether a token is the unquoted word `name` (case-insensitive).
fn is_word(token: &Token, name: &str) -> bool {
    matches!(token, Token::Word(word) if word.quote_style.is_none() && word.value.eq_ignore_ascii_case(name))
}

/// The 1-based character offset of a token in `text`.
fn offset_of(token: &TokenWithSpan, text: &str) -> usize {
    char_offset(text, token.span.start.line, token.span.start.column)
}

#[cfg(test)]
mod tests {
    use crate::error::RewriteError;
    use crate::parse::parse;

    fn first_select_item(sql: &str) -> String {
        let statements = parse(sql).unwrap_or_else(|e| panic!("{sql}: {e:?}"));
        let sqlparser::ast::Statement::Query(query) = &statements[0] else { panic!("{sql}") };
        let sqlparser::ast::SetExpr::Select(select) = query.body.as_ref() else { panic!("{sql}") };
        select.projection[0].to_string()
    }

    #[test]
    fn unicode_literals_with_their_own_escape_character_are_decoded() {
        assert_eq!(first_select_item("SELECT U&'!00e9' UESCAPE '!'"), "'é'");
        assert_eq!(first_select_item("SELECT U&'d!0061t!+000061 !!' UESCAPE '!' AS x"), "'data !' AS x");
        assert_eq!(first_select_item("SELECT U&'#D83D#DE00' UESCAPE '#'"), "'😀'");
        assert_eq!(first_select_item("SELECT U&'it''s =0041' UESCAPE '='"), "'it''s A'");
        // Without UESCAPE, sqlparser's own decoding stands.
        assert_eq!(first_select_item("SELECT U&'\\0041'"), "U&'A'");
        for (bad, message) in [
            ("SELECT U&'x' UESCAPE 'a'", "invalid Unicode escape character"),
            ("SELECT U&'x' UESCAPE '!!'", "invalid Unicode escape character"),
            ("SELECT U&'!00g1' UESCAPE '!'", "invalid Unicode escape"),
            ("SELECT U&'!D83D' UESCAPE '!'", "invalid Unicode surrogate pair"),
            ("SELECT U&'!0000' UESCAPE '!'", "invalid Unicode escape value"),
        ] {
            match parse(bad) {
                Err(RewriteError::Syntax { message: m, position, .. }) => {
                    assert_eq!(m, message, "{bad}");
                    assert_eq!(position, 8, "{bad}");
                }
                other => panic!("{bad}: {other:?}"),
            }
        }
    }

    #[test]
    fn trim_without_characters_trims_spaces() {
        assert_eq!(first_select_item("SELECT trim(leading from '  a  ')"), "TRIM(LEADING ' ' FROM '  a  ')");
        assert_eq!(first_select_item("SELECT TRIM(Both FROM x) FROM t"), "TRIM(BOTH ' ' FROM x)");
        assert_eq!(first_select_item("SELECT trim(from x) FROM t"), "TRIM(' ' FROM x)");
        assert_eq!(first_select_item("SELECT trim(trailing 'x' from y) FROM t"), "TRIM(TRAILING 'x' FROM y)");
    }

    #[test]
    fn exclude_no_others_is_dropped_and_other_excludes_are_refused() {
        let sql = "SELECT sum(a) OVER (ORDER BY a ROWS BETWEEN 1 PRECEDING AND CURRENT ROW EXCLUDE NO OTHERS) FROM t";
        assert_eq!(first_select_item(sql), "sum(a) OVER (ORDER BY a ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)");
        for (sql, at) in [
            ("SELECT sum(a) OVER (ORDER BY a ROWS UNBOUNDED PRECEDING EXCLUDE CURRENT ROW) FROM t", 57),
            ("SELECT sum(a) OVER (ORDER BY a GROUPS UNBOUNDED PRECEDING EXCLUDE TIES) FROM t", 59),
        ] {
            match parse(sql) {
                Err(RewriteError::Unsupported { message, position }) => {
                    assert_eq!(message, "window frame EXCLUDE is not supported");
                    assert_eq!(position, at);
                }
                other => panic!("{sql}: {other:?}"),
            }
        }
    }

    #[test]
    fn between_symmetric_is_refused_with_the_spelling_to_use() {
        match parse("SELECT 5 BETWEEN SYMMETRIC 10 AND 1") {
            Err(RewriteError::Unsupported { message, position }) => {
                assert!(message.starts_with("BETWEEN SYMMETRIC"), "{message}");
                assert_eq!(position, 10);
            }
            other => panic!("{other:?}"),
        }
        // A column that happens to be called exclude, and a quoted "symmetric", still parse.
        assert!(parse("SELECT exclude FROM t WHERE x BETWEEN \"symmetric\" AND 2").is_ok());
    }
}
