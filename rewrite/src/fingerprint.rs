//! Statement fingerprints: reusing one planned statement for every text that differs from it
//! only in the literals compared with columns (`WHERE aid = 17`, `WHERE aid = 18`, …).
//!
//! Clients that inline values into simple-protocol statements send a new text every time, so the
//! exact-text statement cache never hits and each statement pays parse, validation and rewrite.
//! A fingerprint is the statement's token sequence with every number and string literal masked
//! (whitespace and comments dropped: they never change the AST). The first statement of a
//! fingerprint is planned normally; if its target keeps literals verbatim (Postgres) the
//! rewritten SQL becomes a [`Template`] with a hole for each *opaque* literal — one that is
//! only compared with a column (`col = lit`, `col < lit`, `col BETWEEN lit AND lit`, `col IN
//! (lit, …)`), so validation and rewriting never looked at its value. Every other literal is
//! fixed: a later text matches the template only if those are the same. A template is checked
//! when built: filled with the literals it was built from, it must give the rewritten SQL
//! exactly, or it is not used.
//!
//! Pure, like the rest of the crate: tokenizing and string work only.

use std::collections::HashMap;
use std::ops::ControlFlow;

use sqlparser::ast::{BinaryOperator, Expr, Statement, Value, visit_expressions, visit_expressions_mut};
use sqlparser::tokenizer::Location;

use crate::{OutputColumn, Rewritten, Target};

/// Marks a hole while the template is rendered; a statement containing it is never templated.
const HOLE_MARKER: &str = "$__packwire_hole_";

/// A statement's literal-masked token sequence and its literals in order.
#[derive(Debug, Clone)]
pub struct Fingerprint {
    /// The token sequence with literals masked: equal keys mean equal statements up to literals.
    pub key: String,
    literals: Vec<Literal>,
}

/// One number or string literal of the text: its SQL form and where it starts.
#[derive(Debug, Clone)]
struct Literal {
    sql: String,
    start: Location,
}

/// The fingerprint of a statement text; `None` when the text holds something the scan does not
/// take apart with certainty (then the text is planned itself, as any text without a template).
///
/// A hand-written scan rather than sqlparser's tokenizer, which allocates a token per word and
/// made fingerprinting the largest cost of a cached simple query. It follows Postgres' lexical
/// rules for what it accepts — whitespace and `--`/nested `/* */` comments (a separator in the
/// key), `'…'` strings with `''` (standard_conforming_strings, as the backend reads them),
/// unsigned numbers, `"…"` identifiers, `$n` parameters — copies every other byte into the key,
/// and gives up on what could be lexed otherwise: prefixed strings (`E'…'`, `U&'…'`, `B'…'`,
/// …), dollar quotes, numbers running into names or dots, control characters. Literal
/// positions are sqlparser's (line, column in characters), so a template matches them with the
/// parsed statement's; a literal the parser sees otherwise never becomes a hole
/// ([`Template::build`] checks every hole's text against the parsed value).
pub fn fingerprint(text: &str) -> Option<Fingerprint> {
    let bytes = text.as_bytes();
    let mut key = String::with_capacity(text.len());
    let mut literals = Vec::new();
    let (mut line, mut column) = (1u64, 1u64);
    let mut at = 0;
    // Moves the position over `bytes[from..to]`, counting characters as sqlparser does.
    let advance = |from: usize, to: usize, line: &mut u64, column: &mut u64| {
        for &byte in &bytes[from..to] {
            if byte == b'\n' {
                *line += 1;
                *column = 1;
            } else if byte & 0xC0 != 0x80 {
                *column += 1;
            }
        }
    };
    let separate = |key: &mut String| {
        if !key.is_empty() && !key.ends_with(' ') {
            key.push(' ');
        }
    };
    while at < bytes.len() {
        let byte = bytes[at];
        let previous = at.checked_sub(1).map(|p| bytes[p]);
        let next = bytes.get(at + 1).copied();
        let end = match byte {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0C => {
                separate(&mut key);
                at + 1
            }
            b'-' if next == Some(b'-') => {
                separate(&mut key);
                bytes[at..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |n| at + n)
            }
            b'/' if next == Some(b'*') => {
                separate(&mut key);
                block_comment_end(bytes, at)?
            }
            b'\'' => {
                if previous.is_some_and(|p| is_identifier_byte(p) || p == b'&') {
                    return None;
                }
                let end = quoted_end(bytes, at, b'\'')?;
                key.push_str("\u{1}s\0");
                literals.push(Literal { sql: text[at..end].to_string(), start: Location::new(line, column) });
                end
            }
            b'"' => {
                let end = quoted_end(bytes, at, b'"')?;
                key.push_str(&text[at..end]);
                end
            }
            b'$' => {
                // `$n` is a parameter; any other `$` may open a dollar quote.
                let digits = bytes[at + 1..].iter().take_while(|b| b.is_ascii_digit()).count();
                if digits == 0 || previous.is_some_and(is_identifier_byte) {
                    return None;
                }
                key.push_str(&text[at..at + 1 + digits]);
                at + 1 + digits
            }
            b'0'..=b'9' if previous.is_some_and(|p| is_identifier_byte(p) || p == b'.') => {
                // Inside a name (`t1`): the name's bytes up to here were copied already.
                key.push(byte as char);
                at + 1
            }
            b'0'..=b'9' => {
                let end = number_end(bytes, at);
                if bytes.get(end).is_some_and(|&b| is_identifier_byte(b) || b == b'.') {
                    return None;
                }
                key.push_str("\u{1}n\0");
                literals.push(Literal { sql: text[at..end].to_string(), start: Location::new(line, column) });
                end
            }
            0x00..=0x1F | 0x7F => return None,
            _ => {
                // Names and operators belong to the key as they are: copied a run at a time, up
                // to the next byte that starts something else (runs end on ASCII bytes only).
                let end = at
                    + 1
                    + bytes[at + 1..]
                        .iter()
                        .zip(&bytes[at..])
                        .take_while(|&(&b, &before)| !starts_token(b, before))
                        .count();
                key.push_str(&text[at..end]);
                end
            }
        };
        advance(at, end, &mut line, &mut column);
        at = end;
    }
    if key.ends_with(' ') {
        key.pop();
    }
    Some(Fingerprint { key, literals })
}

/// Whether `byte` (after `before`) starts something the scan looks at, rather than continuing a
/// name or an operator.
fn starts_token(byte: u8, before: u8) -> bool {
    match byte {
        b' ' | b'\t' | b'\n' | b'\r' | b'-' | b'/' | b'\'' | b'"' | b'$' | 0x00..=0x1F | 0x7F => true,
        b'0'..=b'9' => !(is_identifier_byte(before) || before == b'.'),
        _ => false,
    }
}

/// Bytes that continue a Postgres name (ASCII letters, digits, `_`, `$`, and any non-ASCII).
fn is_identifier_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'$' || byte >= 0x80
}

/// The end of a `quote`-delimited token starting at `start`, a doubled quote standing for one;
/// `None` when it is not closed.
fn quoted_end(bytes: &[u8], start: usize, quote: u8) -> Option<usize> {
    let mut at = start + 1;
    loop {
        at += bytes.get(at..)?.iter().position(|&b| b == quote)?;
        if bytes.get(at + 1) == Some(&quote) {
            at += 2;
        } else {
            return Some(at + 1);
        }
    }
}

/// The end of a (nested) block comment starting at `start`; `None` when it is not closed.
fn block_comment_end(bytes: &[u8], start: usize) -> Option<usize> {
    let (mut depth, mut at) = (0usize, start);
    while at + 1 < bytes.len() {
        match (bytes[at], bytes[at + 1]) {
            (b'/', b'*') => {
                depth += 1;
                at += 2;
            }
            (b'*', b'/') => {
                depth -= 1;
                at += 2;
                if depth == 0 {
                    return Some(at);
                }
            }
            _ => at += 1,
        }
    }
    None
}

/// The end of an unsigned number starting at `start`: digits, an optional fraction and an
/// optional exponent.
fn number_end(bytes: &[u8], start: usize) -> usize {
    let digits = |from: usize| from + bytes[from..].iter().take_while(|b| b.is_ascii_digit()).count();
    let mut end = digits(start);
    if bytes.get(end) == Some(&b'.') && bytes.get(end + 1) != Some(&b'.') {
        end = digits(end + 1);
    }
    if matches!(bytes.get(end), Some(b'e' | b'E')) {
        let sign = usize::from(matches!(bytes.get(end + 1), Some(b'+' | b'-')));
        let exponent = digits(end + 1 + sign);
        if exponent > end + 1 + sign {
            end = exponent;
        }
    }
    end
}

/// A rewritten statement with holes for its opaque literals.
#[derive(Debug, Clone)]
pub struct Template {
    /// Rewritten SQL between the holes (one more piece than holes).
    pieces: Vec<String>,
    /// For each hole, the index of the literal that fills it.
    holes: Vec<usize>,
    /// Literals that are not holes: (index, SQL form) a text must repeat to match.
    fixed: Vec<(usize, String)>,
    /// The result columns of every statement the template fills.
    pub columns: Vec<OutputColumn>,
    /// The package columns those statements read ([`Rewritten::columns_read`]).
    pub columns_read: std::sync::Arc<[(String, String)]>,
}

impl Template {
    /// The template of `rewritten`, planned from the text fingerprinted as `fingerprint` whose
    /// parsed statement had the `opaque` literals; `None` when the target may change literals or
    /// the template would not reproduce `rewritten` exactly.
    pub fn build(
        opaque: &OpaqueLiterals,
        rewritten: &Rewritten,
        fingerprint: &Fingerprint,
        target: Target,
    ) -> Option<Template> {
        // Only Postgres' dialect pass is the identity on literals.
        if target != Target::Postgres || rewritten.sql.contains(HOLE_MARKER) {
            return None;
        }
        let by_start: HashMap<Location, usize> =
            fingerprint.literals.iter().enumerate().map(|(index, literal)| (literal.start, index)).collect();
        let opaque: Vec<usize> = opaque.0.iter().filter_map(|start| by_start.get(start).copied()).collect();
        let mut statement = rewritten.statement.clone();
        let mut holes = Vec::new();
        let _ = visit_expressions_mut(&mut statement, |expr: &mut Expr| {
            if let Expr::Value(value) = expr
                && let Some(&index) = by_start.get(&value.span.start)
                && opaque.contains(&index)
                && value.value.to_string() == fingerprint.literals[index].sql
            {
                value.value = Value::Placeholder(format!("{HOLE_MARKER}{}", holes.len()));
                holes.push(index);
            }
            ControlFlow::<()>::Continue(())
        });
        let rendered = statement.to_string();
        let mut pieces = Vec::with_capacity(holes.len() + 1);
        let mut rest = rendered.as_str();
        for hole in 0..holes.len() {
            let marker = format!("{HOLE_MARKER}{hole}");
            let (before, after) = rest.split_once(&marker)?;
            pieces.push(before.to_string());
            rest = after;
        }
        pieces.push(rest.to_string());
        let fixed = (0..fingerprint.literals.len())
            .filter(|index| !holes.contains(index))
            .map(|index| (index, fingerprint.literals[index].sql.clone()))
            .collect();
        let template = Template {
            pieces,
            holes,
            fixed,
            columns: rewritten.columns.clone(),
            columns_read: rewritten.columns_read.clone(),
        };
        (template.fill(fingerprint).as_deref() == Some(rewritten.sql.as_str())).then_some(template)
    }

    /// The rewritten SQL for a text with this template's fingerprint; `None` when a fixed
    /// literal differs (the text must be planned itself).
    pub fn fill(&self, fingerprint: &Fingerprint) -> Option<String> {
        let literals = &fingerprint.literals;
        if self.fixed.iter().any(|(index, sql)| literals.get(*index).map(|l| &l.sql) != Some(sql)) {
            return None;
        }
        let mut sql = String::with_capacity(self.pieces.iter().map(String::len).sum::<usize>() + 16 * self.holes.len());
        for (piece, hole) in self.pieces.iter().zip(&self.holes) {
            sql.push_str(piece);
            sql.push_str(&literals.get(*hole)?.sql);
        }
        sql.push_str(self.pieces.last()?);
        Some(sql)
    }
}

/// Where a parsed statement's opaque literals start (taken before planning consumes it).
#[derive(Debug, Default)]
pub struct OpaqueLiterals(Vec<Location>);

/// The literals of `statement` that are only compared with a column reference.
pub fn opaque_literals(statement: &Statement) -> OpaqueLiterals {
    let mut starts = Vec::new();
    let _ = visit_expressions(statement, |expr: &Expr| {
        match expr {
            Expr::BinaryOp { left, op, right } if is_comparison(op) => {
                if is_column(left) {
                    starts.extend(literal_start(right));
                }
                if is_column(right) {
                    starts.extend(literal_start(left));
                }
            }
            Expr::Between { expr, low, high, .. } if is_column(expr) => {
                starts.extend(literal_start(low));
                starts.extend(literal_start(high));
            }
            Expr::InList { expr, list, .. } if is_column(expr) => {
                starts.extend(list.iter().filter_map(literal_start));
            }
            _ => {}
        }
        ControlFlow::<()>::Continue(())
    });
    OpaqueLiterals(starts)
}

fn is_comparison(op: &BinaryOperator) -> bool {
    use BinaryOperator::*;
    matches!(op, Eq | NotEq | Lt | LtEq | Gt | GtEq)
}

fn is_column(expr: &Expr) -> bool {
    matches!(expr, Expr::Identifier(_) | Expr::CompoundIdentifier(_))
}

fn literal_start(expr: &Expr) -> Option<Location> {
    match expr {
        Expr::Value(value) if matches!(value.value, Value::Number(..) | Value::SingleQuotedString(_)) => {
            Some(value.span.start)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::{package as shop, session};

    fn template_of(text: &str) -> Option<Template> {
        let package = shop();
        let statement = crate::parse(text).unwrap().remove(0);
        let planned = crate::plan(statement.clone(), text, &package, Target::Postgres, &session()).unwrap();
        let crate::Planned::Query(rewritten) = planned else { panic!("not a query") };
        Template::build(&opaque_literals(&statement), &rewritten, &fingerprint(text).unwrap(), Target::Postgres)
    }

    /// What planning `text` itself gives.
    fn planned_sql(text: &str) -> String {
        let statement = crate::parse(text).unwrap().remove(0);
        match crate::plan(statement, text, &shop(), Target::Postgres, &session()).unwrap() {
            crate::Planned::Query(rewritten) => rewritten.sql,
            _ => panic!("not a query"),
        }
    }

    #[test]
    fn texts_differing_in_literals_share_a_key() {
        let a = fingerprint("SELECT name FROM customers WHERE id = 17").unwrap();
        let b = fingerprint("select  name from customers -- look up\n where id = 4711").unwrap();
        let c = fingerprint("SELECT name FROM customers WHERE id = '17'").unwrap();
        let d = fingerprint("SELECT name FROM customers WHERE id > 17").unwrap();
        assert_ne!(a.key, c.key, "a string is not a number");
        assert_ne!(a.key, d.key);
        // Keywords keep their spelling in the key: case differences are different keys.
        assert_ne!(a.key, b.key);
        let e = fingerprint("SELECT name FROM customers  WHERE id = 4711 -- x").unwrap();
        assert_eq!(a.key, e.key);
    }

    #[test]
    fn a_template_filled_with_new_literals_is_what_planning_them_gives() {
        let template = template_of("SELECT name FROM customers WHERE id = 17 AND name <> 'x''y'").unwrap();
        for text in [
            "SELECT name FROM customers WHERE id = 4711 AND name <> 'it''s'",
            "SELECT name FROM customers WHERE id = 1.5 AND name <> ''",
        ] {
            let filled = template.fill(&fingerprint(text).unwrap()).unwrap();
            assert_eq!(filled, planned_sql(text));
        }
    }

    #[test]
    fn literals_not_compared_with_a_column_are_fixed() {
        let template = template_of("SELECT id + 1 FROM customers WHERE id BETWEEN 2 AND 3 LIMIT 10").unwrap();
        let same = "SELECT id + 1 FROM customers WHERE id BETWEEN 5 AND 9 LIMIT 10";
        assert_eq!(template.fill(&fingerprint(same).unwrap()).unwrap(), planned_sql(same));
        assert!(
            template
                .fill(&fingerprint("SELECT id + 2 FROM customers WHERE id BETWEEN 5 AND 9 LIMIT 10").unwrap())
                .is_none()
        );
        assert!(
            template
                .fill(&fingerprint("SELECT id + 1 FROM customers WHERE id BETWEEN 5 AND 9 LIMIT 11").unwrap())
                .is_none()
        );
    }

    #[test]
    fn in_lists_and_reversed_comparisons_are_holes() {
        let template = template_of("SELECT name FROM customers WHERE 3 < id AND id IN (1, 2)").unwrap();
        let other = "SELECT name FROM customers WHERE 8 < id AND id IN (5, 6)";
        assert_eq!(template.fill(&fingerprint(other).unwrap()).unwrap(), planned_sql(other));
    }

    #[test]
    fn only_targets_that_keep_literals_get_templates() {
        let text = "SELECT name FROM customers WHERE id = 17";
        let statement = crate::parse(text).unwrap().remove(0);
        let planned = crate::plan(statement.clone(), text, &shop(), Target::DataFusion, &session()).unwrap();
        let crate::Planned::Query(rewritten) = planned else { panic!("not a query") };
        let opaque = opaque_literals(&statement);
        assert!(Template::build(&opaque, &rewritten, &fingerprint(text).unwrap(), Target::DataFusion).is_none());
    }

    /// The scan finds the literals sqlparser's tokenizer finds, at the same positions.
    #[test]
    fn literals_are_where_the_parser_sees_them() {
        use sqlparser::dialect::PostgreSqlDialect;
        use sqlparser::tokenizer::{Token, Tokenizer};
        for text in [
            "SELECT abalance FROM pgbench_accounts WHERE aid = 4711;",
            "select \"naïve col\", 'it''s' , 1.5e-3\n  from t1 /* a /* nested */ comment */ where x >= -17 -- done\n and y = 'multi\nline'",
            "SELECT ümlaut FROM t WHERE a IN (1, 2.5, 3e2) AND b = $1 AND c = 'back\\slash'",
        ] {
            let scanned: Vec<(String, Location)> =
                fingerprint(text).unwrap().literals.into_iter().map(|l| (l.sql, l.start)).collect();
            let tokens = Tokenizer::new(&PostgreSqlDialect {}, text).tokenize_with_location().unwrap();
            let parsed: Vec<(String, Location)> = tokens
                .into_iter()
                .filter_map(|token| match token.token {
                    Token::Number(number, long) => Some((Value::Number(number, long).to_string(), token.span.start)),
                    Token::SingleQuotedString(string) => {
                        Some((Value::SingleQuotedString(string).to_string(), token.span.start))
                    }
                    _ => None,
                })
                .collect();
            assert_eq!(scanned, parsed, "{text}");
        }
    }

    /// What could be lexed more than one way is not fingerprinted: such texts are planned
    /// themselves.
    #[test]
    fn doubtful_texts_have_no_fingerprint() {
        for text in [
            "SELECT E'a\\'' FROM t",
            "SELECT U&'d\\0061t' FROM t",
            "SELECT $$quoted$$ FROM t",
            "SELECT $tag$x$tag$ FROM t",
            "SELECT 1abc FROM t",
            "SELECT 1..2 FROM t",
            "SELECT 'unclosed FROM t",
            "SELECT \"unclosed FROM t",
            "SELECT 1 /* unclosed",
            "SELECT a$b FROM t",
            "SELECT 1\u{1}n",
        ] {
            assert!(fingerprint(text).is_none(), "{text}");
        }
    }

    /// A backslash does not escape a quote (standard_conforming_strings): the string ends where
    /// Postgres ends it, and what follows is part of the key.
    #[test]
    fn strings_end_where_postgres_ends_them() {
        let fingerprint = fingerprint("SELECT 1 FROM t WHERE a = 'x\\' OR 1 = 1 --'").unwrap();
        let literals: Vec<&str> = fingerprint.literals.iter().map(|l| l.sql.as_str()).collect();
        assert_eq!(literals, ["1", "'x\\'", "1", "1"]);
        assert!(fingerprint.key.contains(" OR "));
    }

    #[test]
    fn a_text_holding_the_marker_is_not_templated() {
        assert!(template_of("SELECT name FROM customers WHERE id = 1 AND name = '$__packwire_hole_0'").is_none());
    }
}
