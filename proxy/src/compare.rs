//! Comparing two result sets the way a person checking a migration would: row order only where
//! the query fixes it, decimals exact (at the scale both sides show), floats within 1e-9
//! relative. Used by `package verify` and the migration drill.

/// A result row as text (NULL = `None`).
pub type Row = Vec<Option<String>>;

/// How to compare one column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// Text must match exactly.
    Exact,
    /// Decimal numbers: equal when they agree at the smaller of the two scales.
    Decimal,
    /// Floating point: equal within 1e-9 relative.
    Float,
}

/// The first difference between two results, described for a person; `None` when they agree.
pub fn first_difference(left: &[Row], right: &[Row], kinds: &[ColumnKind], ordered: bool) -> Option<String> {
    if left.len() != right.len() {
        return Some(format!("{} rows vs {} rows", left.len(), right.len()));
    }
    let (mut left, mut right) = (left.to_vec(), right.to_vec());
    if !ordered {
        left.sort();
        right.sort();
    }
    for (index, (a, b)) in left.iter().zip(&right).enumerate() {
        if a.len() != b.len() {
            return Some(format!("row {index}: {} columns vs {}", a.len(), b.len()));
        }
        for (column, (x, y)) in a.iter().zip(b).enumerate() {
            let kind = kinds.get(column).copied().unwrap_or(ColumnKind::Exact);
            if !same_value(x.as_deref(), y.as_deref(), kind) {
                return Some(format!("row {index}, column {column}: {x:?} vs {y:?}"));
            }
        }
    }
    None
}

fn same_value(a: Option<&str>, b: Option<&str>, kind: ColumnKind) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) if a == b => true,
        (Some(a), Some(b)) => match kind {
            ColumnKind::Exact => false,
            ColumnKind::Decimal => same_decimal(a, b),
            ColumnKind::Float => match (a.parse::<f64>(), b.parse::<f64>()) {
                (Ok(x), Ok(y)) => x == y || (x - y).abs() <= 1e-9 * x.abs().max(y.abs()),
                _ => false,
            },
        },
        _ => false,
    }
}

/// `12.50` = `12.5000`; `25.506667` = `25.5066666666666667` (rounded half away from zero at
/// the smaller scale).
fn same_decimal(a: &str, b: &str) -> bool {
    let scale = |s: &str| s.split_once('.').map(|(_, f)| f.len()).unwrap_or(0);
    let target = scale(a).min(scale(b));
    match (round_to(a, target), round_to(b, target)) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

/// The decimal's value in units of 10^-scale, rounded half away from zero.
fn round_to(text: &str, scale: usize) -> Option<i128> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let kept: String = frac.chars().take(scale).collect::<String>() + &"0".repeat(scale.saturating_sub(frac.len()));
    let mut value: i128 = format!("{int}{kept}").parse().ok()?;
    if frac.chars().nth(scale).is_some_and(|c| c >= '5') {
        value += 1;
    }
    Some(if negative { -value } else { value })
}

/// Whether a statement fixes its row order (a top-level ORDER BY).
pub fn is_ordered(sql: &str) -> bool {
    match rewrite::parse(sql) {
        Ok(statements) => statements.iter().any(|s| match s {
            sqlparser::ast::Statement::Query(q) => q.order_by.is_some(),
            _ => false,
        }),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(values: &[&str]) -> Row {
        values.iter().map(|v| Some(v.to_string())).collect()
    }

    #[test]
    fn decimals_floats_and_order() {
        use ColumnKind::*;
        assert!(first_difference(&[row(&["25.506667"])], &[row(&["25.5066666666666667"])], &[Decimal], true).is_none());
        assert!(first_difference(&[row(&["25.506668"])], &[row(&["25.5066666666666667"])], &[Decimal], true).is_some());
        assert!(first_difference(&[row(&["12.50"])], &[row(&["12.5"])], &[Decimal], true).is_none());
        assert!(first_difference(&[row(&["0.30000000000000004"])], &[row(&["0.3"])], &[Float], true).is_none());
        assert!(first_difference(&[row(&["1.0001"])], &[row(&["1"])], &[Float], true).is_some());
        let (a, b) = (vec![row(&["1"]), row(&["2"])], vec![row(&["2"]), row(&["1"])]);
        assert!(first_difference(&a, &b, &[Exact], false).is_none());
        assert!(first_difference(&a, &b, &[Exact], true).is_some());
        assert!(first_difference(&[row(&["a"])], &[vec![None]], &[Exact], true).is_some());
    }
}
