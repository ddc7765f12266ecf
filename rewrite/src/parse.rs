//! Parsing with sqlparser's Postgres dialect, and Postgres-style syntax errors with positions.

use sqlparser::ast::Statement;
use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::keywords::Keyword;
use sqlparser::parser::{Parser, ParserError};
use sqlparser::tokenizer::{Token, TokenWithSpan, Tokenizer};

use crate::error::RewriteError;
use crate::syntax_gaps;

/// Statements nest at most this deep; deeper input is refused rather than risking the stack.
const RECURSION_LIMIT: usize = 200;

/// Function calls nest at most this deep. sqlparser 0.62 (the version datafusion pins) parses
/// nested call arguments speculatively and re-parses them on the way back, so its time doubles
/// with every level (a 336-byte statement found by fuzzing ran for hours); 16 levels stay under
/// a few hundred milliseconds and are far beyond what people and ORMs write.
const MAX_CALL_DEPTH: usize = 16;

/// A qualified name has at most this many parts (`database.schema.table.column`), as in
/// Postgres. Longer dotted chains are refused before parsing: sqlparser 0.62 backtracks through
/// every `.` of a chain behind an operator that ends badly (`-a.a.a….`), doubling its time with
/// each one (found by fuzzing: a 200-byte statement took a minute).
const MAX_NAME_PARTS: usize = 4;

/// Parses a query string into its statements (empty statements are dropped, as Postgres does).
pub fn parse(text: &str) -> Result<Vec<Statement>, RewriteError> {
    let dialect = PostgreSqlDialect {};
    let refine = |error| match syntax_error(text, error) {
        RewriteError::Syntax { position, .. } if starts_with_do(text, position) => RewriteError::NotAllowed {
            message: "permission denied to run DO blocks".into(),
            hint: Some("A package is a read interface: server-side code never runs.".into()),
        },
        other => other,
    };
    let mut tokens =
        Tokenizer::new(&dialect, text).with_unescape(true).tokenize_with_location().map_err(|e| refine(e.into()))?;
    check_name_chains(&tokens, text)?;
    check_call_depth(&tokens).map_err(refine)?;
    syntax_gaps::rewrite_tokens(&mut tokens, text)?;
    // Looked for before parsing (the parser consumes the tokens), reported only if it fails.
    let unparsable = syntax_gaps::unparsable_construct(&tokens, text);
    let mut statements = Parser::new(&dialect)
        .with_recursion_limit(RECURSION_LIMIT)
        .with_tokens_with_locations(tokens)
        .parse_statements()
        .map_err(|error| unparsable.unwrap_or_else(|| refine(error)))?;
    statements.iter_mut().for_each(sign_binds_tighter_than_exponent);
    Ok(statements)
}

/// Postgres binds a prefix `-`/`+` tighter than `^` (`-2 ^ 2` is 4, `-2 ^ 3 ^ 2` is 64);
/// sqlparser parses `-2 ^ 2` as `-(2 ^ 2)`. The sign moves onto the leftmost operand of the `^`
/// chain, so the tree means what Postgres computes (a parenthesized `-(2 ^ 2)` is kept).
fn sign_binds_tighter_than_exponent(statement: &mut Statement) {
    use sqlparser::ast::{BinaryOperator, Expr, UnaryOperator};
    let _ = sqlparser::ast::visit_expressions_mut(statement, |expr| {
        if let Expr::UnaryOp { op: op @ (UnaryOperator::Minus | UnaryOperator::Plus), expr: operand } = expr
            && matches!(operand.as_ref(), Expr::BinaryOp { op: BinaryOperator::PGExp, .. })
        {
            let sign = *op;
            let mut chain = (**operand).clone();
            let mut leftmost = &mut chain;
            while let Expr::BinaryOp { left, op: BinaryOperator::PGExp, .. } = leftmost {
                leftmost = left;
            }
            *leftmost = Expr::UnaryOp { op: sign, expr: Box::new(leftmost.clone()) };
            *expr = chain;
        }
        std::ops::ControlFlow::<()>::Continue(())
    });
}

/// Refuses a dotted name of more than [`MAX_NAME_PARTS`] parts with Postgres' error (42601).
fn check_name_chains(tokens: &[TokenWithSpan], text: &str) -> Result<(), RewriteError> {
    let mut parts = 0usize;
    let mut start = None;
    let mut after_period = false;
    for token in tokens.iter().filter(|t| !matches!(t.token, Token::Whitespace(_))) {
        match &token.token {
            Token::Word(_) | Token::Mul if parts == 0 || after_period => {
                if parts == 0 {
                    start = Some(token.span.start);
                }
                parts += 1;
                after_period = false;
            }
            Token::Period if parts > 0 && !after_period => {
                after_period = true;
                // A trailing `.` counts: the chain is as long as the parser will try.
                if parts >= MAX_NAME_PARTS {
                    let at = start.map(|s| char_offset(text, s.line, s.column)).unwrap_or(0);
                    let name: String = text.chars().skip(at.saturating_sub(1)).take(64).collect();
                    let name = name.split(|c: char| c.is_whitespace() || ",;()".contains(c)).next().unwrap_or_default();
                    return Err(RewriteError::Syntax {
                        message: format!("improper qualified name (too many dotted names): {name}"),
                        detail: None,
                        position: at,
                    });
                }
            }
            Token::Word(_) | Token::Mul => {
                (parts, after_period) = (1, false);
                start = Some(token.span.start);
            }
            _ => (parts, after_period) = (0, false),
        }
    }
    Ok(())
}

/// Refuses input whose function calls (a word followed by `(`) nest deeper than
/// [`MAX_CALL_DEPTH`], before the parser can spend exponential time on it. A `(` after a
/// structural keyword (`IN (`, `AND (`, `FROM (`, …) is a grouping, a list or a subquery, which
/// parse in linear time — but only where that keyword follows an operand; at the start of an
/// operand (`(any(`, `= any(`, `(not(`) sqlparser may read the keyword as a function name and
/// backtrack, so it counts as a call.
fn check_call_depth(tokens: &[TokenWithSpan]) -> Result<(), ParserError> {
    let mut open: Vec<bool> = Vec::new();
    let mut calls = 0usize;
    // The last two tokens that are not whitespace or comments.
    let (mut previous, mut before): (Option<&Token>, Option<&Token>) = (None, None);
    for token in tokens.iter().map(|t| &t.token) {
        match token {
            Token::Whitespace(_) => continue,
            Token::LParen => {
                let is_call = match previous {
                    Some(Token::Word(word)) => !is_structural(word.keyword) || !before.is_some_and(ends_operand),
                    _ => false,
                };
                open.push(is_call);
                if is_call {
                    calls += 1;
                    if calls > MAX_CALL_DEPTH {
                        return Err(ParserError::RecursionLimitExceeded);
                    }
                }
            }
            // Every `)` closes the innermost `(`; only a call lowers the call depth.
            Token::RParen if open.pop() == Some(true) => calls -= 1,
            _ => {}
        }
        (before, previous) = (previous, Some(token));
    }
    Ok(())
}

/// Whether a token can end an operand (so a keyword after it is an infix or clause keyword).
fn ends_operand(token: &Token) -> bool {
    matches!(
        token,
        Token::Word(_)
            | Token::RParen
            | Token::RBracket
            | Token::Number(..)
            | Token::SingleQuotedString(_)
            | Token::Mul
            | Token::Placeholder(_)
    )
}

/// Keywords after which `(` opens a grouping, a list or a subquery rather than a call.
fn is_structural(keyword: Keyword) -> bool {
    matches!(
        keyword,
        Keyword::AND
            | Keyword::OR
            | Keyword::NOT
            | Keyword::IN
            | Keyword::AS
            | Keyword::ON
            | Keyword::FROM
            | Keyword::WHERE
            | Keyword::SELECT
            | Keyword::JOIN
            | Keyword::USING
            | Keyword::VALUES
            | Keyword::EXISTS
            | Keyword::ANY
            | Keyword::ALL
            | Keyword::SOME
            | Keyword::WHEN
            | Keyword::THEN
            | Keyword::ELSE
            | Keyword::CASE
            | Keyword::BY
            | Keyword::WITH
            | Keyword::LATERAL
            | Keyword::UNION
            | Keyword::INTERSECT
            | Keyword::EXCEPT
            | Keyword::IS
            | Keyword::BETWEEN
            | Keyword::LIKE
            | Keyword::ILIKE
            | Keyword::HAVING
            | Keyword::RETURNING
    )
}

/// Whether the statement holding character `position` is a `DO` block (which sqlparser cannot
/// parse, but which must be refused as a privilege violation rather than a syntax error).
fn starts_with_do(text: &str, position: usize) -> bool {
    let before: String = text.chars().take(position.saturating_sub(1)).collect();
    let start = before.rfind(';').map(|i| i + 1).unwrap_or(0);
    let statement = &text[start..];
    let mut words = statement.split(|c: char| c.is_whitespace() || c == '$' || c == ';');
    words.find(|w| !w.is_empty()).is_some_and(|w| w.eq_ignore_ascii_case("do"))
}

/// Maps a sqlparser error to Postgres' wording: `syntax error at or near "x"` with a position.
fn syntax_error(text: &str, error: ParserError) -> RewriteError {
    let raw = match error {
        ParserError::TokenizerError(m) | ParserError::ParserError(m) => m,
        ParserError::RecursionLimitExceeded => {
            return RewriteError::TooComplex {
                message: format!(
                    "statement is too deeply nested (at most {RECURSION_LIMIT} levels, and {MAX_CALL_DEPTH} nested function calls)"
                ),
            };
        }
    };
    let (body, position) = match raw.rfind(" at Line: ") {
        Some(at) => (raw[..at].to_string(), location_in(&raw[at + " at Line: ".len()..], text)),
        None => (raw.clone(), 0),
    };
    let found = body.rsplit_once(", found: ").map(|(_, f)| f.trim().to_string());
    let message = match found.as_deref() {
        Some("EOF") => "syntax error at end of input".to_string(),
        Some(token) => format!("syntax error at or near \"{token}\""),
        None => format!("syntax error: {body}"),
    };
    let position = if found.as_deref() == Some("EOF") { text.chars().count().max(1) } else { position };
    RewriteError::Syntax { message, detail: Some(body), position }
}

/// Reads `L, Column: C` and turns it into a 1-based character offset into `text`.
fn location_in(location: &str, text: &str) -> usize {
    let mut numbers = location.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty());
    let line = numbers.next().and_then(|n| n.parse().ok()).unwrap_or(0);
    let column = numbers.next().and_then(|n| n.parse().ok()).unwrap_or(0);
    char_offset(text, line, column)
}

/// The 1-based character offset of a 1-based (line, column) location; 0 when unknown.
pub(crate) fn char_offset(text: &str, line: u64, column: u64) -> usize {
    if line == 0 || column == 0 {
        return 0;
    }
    let mut offset = 0usize;
    for (index, content) in text.split('\n').enumerate() {
        if index as u64 + 1 == line {
            return offset + column as usize;
        }
        offset += content.chars().count() + 1;
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_error_has_postgres_wording_and_position() {
        let err = parse("SELECT * FORM nation").unwrap_err();
        match err {
            RewriteError::Syntax { message, position, .. } => {
                assert_eq!(message, "syntax error at or near \"nation\"");
                assert_eq!(position, 15);
            }
            other => panic!("{other:?}"),
        }
        match parse("SELECT 1 +").unwrap_err() {
            RewriteError::Syntax { message, .. } => assert_eq!(message, "syntax error at end of input"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn dotted_names_of_more_than_four_parts_are_refused_before_parsing() {
        for ok in ["SELECT conf.public.nation.n_name, n.*, public.nation.* FROM nation n", "SELECT 1.5 * a.b * c"] {
            assert!(parse(ok).is_ok(), "{ok}");
        }
        match parse("SELECT 1, a.b.c.d.e FROM t").unwrap_err() {
            RewriteError::Syntax { message, position, .. } => {
                assert_eq!(message, "improper qualified name (too many dotted names): a.b.c.d.e");
                assert_eq!(position, 11);
            }
            other => panic!("{other:?}"),
        }
        // Found by fuzzing: each further `.e` doubled sqlparser's time.
        let chain = format!("SELECT #{}..", vec!["e"; 40].join("."));
        assert!(matches!(parse(&chain), Err(RewriteError::Syntax { .. })));
        assert!(matches!(parse("SELECT a.b.c.d.*"), Err(RewriteError::Syntax { .. })));
    }

    #[test]
    fn splits_statements() {
        assert_eq!(parse("select 1; select 2;").unwrap().len(), 2);
        assert_eq!(parse(";;").unwrap().len(), 0);
    }

    #[test]
    fn offsets_on_later_lines() {
        assert_eq!(char_offset("ab\ncd", 2, 2), 5);
        assert_eq!(char_offset("é\nx", 2, 1), 3);
    }
}
