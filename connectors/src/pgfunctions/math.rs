//! Postgres' numeric functions whose types or rounding DataFusion's differ from, on the embedded
//! engine: `pg_sign` (`sign`: `double precision` for integers and floats, a whole `numeric` for
//! numerics), `pg_integer_div` (`div`: the quotient of two exact numbers truncated toward zero,
//! a whole `numeric`), `pg_width_bucket` (`width_bucket`, exact over numerics, Postgres' float
//! formula over floats), `pg_gcd`/`pg_lcm` (`integer` unless an argument is `bigint`) and
//! `pg_factorial` (a `numeric`). Float arguments to `div` are refused (Postgres converts them to
//! `numeric` first, with a value-dependent scale).

use std::sync::Arc;

use datafusion::arrow::array::{Array, ArrayRef, AsArray, Decimal128Array, Float64Array, Int32Array, Int64Array};
use datafusion::arrow::datatypes::{DataType, Decimal128Type, Float64Type, Int64Type, i256};
use datafusion::common::{Result, exec_err};
use datafusion::error::DataFusionError;
use datafusion::logical_expr::{ColumnarValue, ScalarFunctionArgs, ScalarUDFImpl, Signature, Volatility};

use crate::error::ErrorKind;

/// Which function.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum MathFunction {
    Sign,
    IntegerDiv,
    WidthBucket,
    Gcd,
    Lcm,
    Factorial,
}

/// One of the functions above (see the module header).
#[derive(Debug, PartialEq, Eq, Hash)]
pub(super) struct PgMath {
    signature: Signature,
    function: MathFunction,
}

impl PgMath {
    pub(super) fn new(function: MathFunction) -> Self {
        PgMath { signature: Signature::user_defined(Volatility::Immutable), function }
    }
}

fn error(code: &str, message: impl Into<String>) -> DataFusionError {
    super::sql_error(ErrorKind::Backend(code.into()), message)
}

fn refused(what: String) -> DataFusionError {
    DataFusionError::NotImplemented(format!("{what} is not supported on the embedded engine"))
}

fn is_exact(data_type: &DataType) -> bool {
    data_type.is_integer() || matches!(data_type, DataType::Decimal128(..))
}

/// An exact number column as unscaled values and their scale (integers: scale 0).
fn exact(array: &ArrayRef) -> Result<(Vec<Option<i128>>, i8)> {
    let (array, scale) = match array.data_type() {
        DataType::Decimal128(_, scale) => (array.clone(), *scale),
        t if t.is_integer() || t.is_null() => {
            (datafusion::arrow::compute::cast(array, &DataType::Decimal128(38, 0))?, 0)
        }
        other => return Err(refused(format!("this function of a {other} value"))),
    };
    Ok((array.as_primitive::<Decimal128Type>().iter().collect(), scale))
}

fn pow10(exponent: i8) -> Option<i256> {
    i256::from_i128(10).checked_pow(u32::try_from(exponent).ok()?)
}

/// `a` and `b` (unscaled at `scale_a`, `scale_b`) brought to one scale.
fn common_scale(a: i128, scale_a: i8, b: i128, scale_b: i8) -> Option<(i256, i256)> {
    let scale = scale_a.max(scale_b);
    Some((
        i256::from_i128(a).checked_mul(pow10(scale - scale_a)?)?,
        i256::from_i128(b).checked_mul(pow10(scale - scale_b)?)?,
    ))
}

impl ScalarUDFImpl for PgMath {
    fn name(&self) -> &str {
        match self.function {
            MathFunction::Sign => "pg_sign",
            MathFunction::IntegerDiv => "pg_integer_div",
            MathFunction::WidthBucket => "pg_width_bucket",
            MathFunction::Gcd => "pg_gcd",
            MathFunction::Lcm => "pg_lcm",
            MathFunction::Factorial => "pg_factorial",
        }
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        let float = |t: &DataType| t.is_floating();
        let null_as = |t: &DataType, as_type: DataType| if t.is_null() { as_type } else { t.clone() };
        match (self.function, arg_types) {
            (MathFunction::Sign, [t]) if is_exact(t) || float(t) || t.is_null() => {
                Ok(vec![if float(t) || t.is_integer() || t.is_null() { DataType::Float64 } else { t.clone() }])
            }
            (MathFunction::IntegerDiv, [a, b]) if [a, b].iter().all(|t| is_exact(t) || t.is_null()) => {
                Ok(vec![null_as(a, DataType::Int32), null_as(b, DataType::Int32)])
            }
            (MathFunction::WidthBucket, [operand, low, high, count]) if count.is_integer() || count.is_null() => {
                let bounds = [operand, low, high];
                if bounds.iter().any(|t| float(t)) {
                    Ok(vec![DataType::Float64, DataType::Float64, DataType::Float64, DataType::Int32])
                } else if bounds.iter().all(|t| is_exact(t) || t.is_null()) {
                    let exact = |t: &DataType| null_as(t, DataType::Int32);
                    Ok(vec![exact(operand), exact(low), exact(high), DataType::Int32])
                } else {
                    exec_err!("function width_bucket({arg_types:?}) does not exist")
                }
            }
            (MathFunction::Gcd | MathFunction::Lcm, [a, b]) if [a, b].iter().all(|t| t.is_integer() || t.is_null()) => {
                let wide = [a, b].iter().any(|t| matches!(t, DataType::Int64 | DataType::UInt32 | DataType::UInt64));
                let target = if wide { DataType::Int64 } else { DataType::Int32 };
                Ok(vec![target.clone(), target])
            }
            (MathFunction::Gcd | MathFunction::Lcm, [_, _]) => {
                Err(refused(format!("{}() of numeric values", &self.name()[3..])))
            }
            (MathFunction::Factorial, [t]) if t.is_integer() || t.is_null() => Ok(vec![DataType::Int64]),
            (MathFunction::IntegerDiv, [_, _]) => Err(refused("div() of a double precision value".into())),
            _ => exec_err!("function {}({arg_types:?}) does not exist", &self.name()[3..]),
        }
    }

    fn return_type(&self, arg_types: &[DataType]) -> Result<DataType> {
        Ok(match (self.function, arg_types.first()) {
            (MathFunction::Sign, Some(DataType::Decimal128(..))) => DataType::Decimal128(1, 0),
            (MathFunction::Sign, _) => DataType::Float64,
            (MathFunction::IntegerDiv | MathFunction::Factorial, _) => DataType::Decimal128(38, 0),
            (MathFunction::WidthBucket, _) => DataType::Int32,
            (MathFunction::Gcd | MathFunction::Lcm, Some(t)) => t.clone(),
            (MathFunction::Gcd | MathFunction::Lcm, None) => DataType::Int32,
        })
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let rows = args.number_rows;
        let scalar = args.args.iter().all(|a| matches!(a, ColumnarValue::Scalar(_)));
        let arrays: Vec<ArrayRef> = args.args.iter().map(|a| a.to_array(rows)).collect::<Result<_>>()?;
        let out: ArrayRef = match (self.function, arrays.as_slice()) {
            (MathFunction::Sign, [x]) => sign(x)?,
            (MathFunction::IntegerDiv, [a, b]) => integer_div(a, b)?,
            (MathFunction::WidthBucket, [operand, low, high, count]) => width_bucket(operand, low, high, count)?,
            (MathFunction::Gcd | MathFunction::Lcm, [a, b]) => gcd_lcm(a, b, self.function == MathFunction::Gcd)?,
            (MathFunction::Factorial, [n]) => factorial(n)?,
            _ => return exec_err!("{}: wrong number of arguments", self.name()),
        };
        super::columnar(out, scalar)
    }
}

fn sign(x: &ArrayRef) -> Result<ArrayRef> {
    Ok(match x.data_type() {
        DataType::Decimal128(..) => {
            let signs: Decimal128Array =
                x.as_primitive::<Decimal128Type>().iter().map(|v| v.map(i128::signum)).collect();
            Arc::new(signs.with_precision_and_scale(1, 0)?)
        }
        _ => {
            let floats = datafusion::arrow::compute::cast(x, &DataType::Float64)?;
            let signs: Float64Array = floats
                .as_primitive::<Float64Type>()
                .iter()
                .map(|v| {
                    v.map(|v| {
                        if v > 0.0 {
                            1.0
                        } else if v < 0.0 {
                            -1.0
                        } else {
                            v
                        }
                    })
                })
                .collect();
            Arc::new(signs)
        }
    })
}

fn integer_div(a: &ArrayRef, b: &ArrayRef) -> Result<ArrayRef> {
    let ((a, scale_a), (b, scale_b)) = (exact(a)?, exact(b)?);
    let quotients = a
        .iter()
        .zip(&b)
        .map(|pair| match pair {
            (Some(a), Some(b)) => {
                let (a, b) =
                    common_scale(*a, scale_a, *b, scale_b).ok_or_else(|| error("22003", "numeric field overflow"))?;
                if b == i256::ZERO {
                    return Err(error("22012", "division by zero"));
                }
                (a / b).to_i128().map(Some).ok_or_else(|| error("22003", "numeric field overflow"))
            }
            _ => Ok(None),
        })
        .collect::<Result<Decimal128Array>>()?;
    Ok(Arc::new(quotients.with_precision_and_scale(38, 0)?))
}

fn width_bucket(operand: &ArrayRef, low: &ArrayRef, high: &ArrayRef, count: &ArrayRef) -> Result<ArrayRef> {
    let counts = datafusion::arrow::compute::cast(count, &DataType::Int64)?;
    let counts: Vec<Option<i64>> = counts.as_primitive::<Int64Type>().iter().collect();
    let checked = |count: i64, equal_bounds: bool| -> Result<()> {
        if count <= 0 {
            return Err(error("2201G", "count must be greater than zero"));
        }
        if equal_bounds {
            return Err(error("2201G", "lower bound cannot equal upper bound"));
        }
        Ok(())
    };
    let buckets: Int32Array = if operand.data_type().is_floating() {
        let floats = |a: &ArrayRef| -> Result<Vec<Option<f64>>> {
            Ok(datafusion::arrow::compute::cast(a, &DataType::Float64)?.as_primitive::<Float64Type>().iter().collect())
        };
        let (operand, low, high) = (floats(operand)?, floats(low)?, floats(high)?);
        (0..operand.len())
            .map(|row| {
                let (Some(x), Some(b1), Some(b2), Some(n)) = (operand[row], low[row], high[row], counts[row]) else {
                    return Ok(None);
                };
                checked(n, b1 == b2)?;
                let n = n as f64;
                // Postgres 15's width_bucket_float8.
                let bucket = if b1 < b2 {
                    if x < b1 {
                        0.0
                    } else if x >= b2 {
                        n + 1.0
                    } else {
                        (n * (x - b1) / (b2 - b1)).trunc() + 1.0
                    }
                } else if x > b1 {
                    0.0
                } else if x <= b2 {
                    n + 1.0
                } else {
                    (n * (b1 - x) / (b1 - b2)).trunc() + 1.0
                };
                i32::try_from(bucket as i64).map(Some).map_err(|_| error("22003", "integer out of range"))
            })
            .collect::<Result<_>>()?
    } else {
        let ((operand, scale_x), (low, scale_1), (high, scale_2)) = (exact(operand)?, exact(low)?, exact(high)?);
        let scale = scale_x.max(scale_1).max(scale_2);
        let at = |v: i128, s: i8| pow10(scale - s).and_then(|f| i256::from_i128(v).checked_mul(f));
        (0..operand.len())
            .map(|row| {
                let (Some(x), Some(b1), Some(b2), Some(n)) = (operand[row], low[row], high[row], counts[row]) else {
                    return Ok(None);
                };
                let overflow = || error("22003", "numeric field overflow");
                let (x, b1, b2) = (
                    at(x, scale_x).ok_or_else(overflow)?,
                    at(b1, scale_1).ok_or_else(overflow)?,
                    at(b2, scale_2).ok_or_else(overflow)?,
                );
                checked(n, b1 == b2)?;
                let count = i256::from_i128(i128::from(n));
                // Postgres' compute_bucket, exactly: the quotients are of non-negative numbers.
                // (from - to) × count / (span_from - span_to) + 1, checked.
                let scaled = |from: i256, to: i256, span_from: i256, span_to: i256| {
                    let distance = from.checked_sub(to)?.checked_mul(count)?;
                    Some(distance / span_from.checked_sub(span_to)? + i256::ONE)
                };
                let bucket = if b1 < b2 {
                    if x < b1 {
                        i256::ZERO
                    } else if x >= b2 {
                        count + i256::ONE
                    } else {
                        scaled(x, b1, b2, b1).ok_or_else(overflow)?
                    }
                } else if x > b1 {
                    i256::ZERO
                } else if x <= b2 {
                    count + i256::ONE
                } else {
                    scaled(b1, x, b1, b2).ok_or_else(overflow)?
                };
                bucket
                    .to_i128()
                    .and_then(|b| i32::try_from(b).ok())
                    .map(Some)
                    .ok_or_else(|| error("22003", "integer out of range"))
            })
            .collect::<Result<_>>()?
    };
    Ok(Arc::new(buckets))
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.abs()
}

fn gcd_lcm(a: &ArrayRef, b: &ArrayRef, is_gcd: bool) -> Result<ArrayRef> {
    let wide = matches!(a.data_type(), DataType::Int64);
    let values = |x: &ArrayRef| -> Result<Vec<Option<i64>>> {
        Ok(datafusion::arrow::compute::cast(x, &DataType::Int64)?.as_primitive::<Int64Type>().iter().collect())
    };
    let (a, b) = (values(a)?, values(b)?);
    let (min, max) =
        if wide { (i128::from(i64::MIN), i128::from(i64::MAX)) } else { (i128::from(i32::MIN), i128::from(i32::MAX)) };
    let results: Vec<Option<i64>> = a
        .iter()
        .zip(&b)
        .map(|pair| {
            let (Some(a), Some(b)) = pair else { return Ok(None) };
            let (a, b) = (i128::from(*a), i128::from(*b));
            let value = if is_gcd {
                gcd(a, b)
            } else if a == 0 || b == 0 {
                0
            } else {
                (a / gcd(a, b) * b).abs()
            };
            if value < min || value > max {
                return Err(error("22003", if wide { "bigint out of range" } else { "integer out of range" }));
            }
            Ok(Some(value as i64))
        })
        .collect::<Result<_>>()?;
    Ok(if wide {
        Arc::new(Int64Array::from(results))
    } else {
        Arc::new(results.into_iter().map(|v| v.map(|v| v as i32)).collect::<Int32Array>())
    })
}

fn factorial(n: &ArrayRef) -> Result<ArrayRef> {
    let values = datafusion::arrow::compute::cast(n, &DataType::Int64)?;
    let results = values
        .as_primitive::<Int64Type>()
        .iter()
        .map(|n| {
            let Some(n) = n else { return Ok(None) };
            if n < 0 {
                return Err(error("2201E", "factorial of a negative number is undefined"));
            }
            let mut product: i128 = 1;
            for k in 2..=i128::from(n) {
                product = product
                    .checked_mul(k)
                    .filter(|p| *p < 10i128.pow(38))
                    .ok_or_else(|| refused("factorial() beyond 38 digits".into()))?;
            }
            Ok(Some(product))
        })
        .collect::<Result<Decimal128Array>>()?;
    Ok(Arc::new(results.with_precision_and_scale(38, 0)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decimals(values: &[i128], scale: i8) -> ArrayRef {
        Arc::new(Decimal128Array::from(values.to_vec()).with_precision_and_scale(38, scale).unwrap())
    }

    #[test]
    fn exact_functions_as_postgres() {
        // div(-17.5, 5) = -3; div(17, 5) = 3 (Postgres 15)
        let q = integer_div(&decimals(&[-175, 170], 1), &decimals(&[5, 5], 0)).unwrap();
        assert_eq!(q.as_primitive::<Decimal128Type>().values().to_vec(), vec![-3, 3]);
        assert!(integer_div(&decimals(&[1], 0), &decimals(&[0], 0)).is_err());
        // width_bucket(5.35, 0.024, 10.06, 5) = 3; (-1, 0, 10, 5) = 0; (10, 0, 10, 5) = 6
        let bucket = |x: i128, sx: i8, lo: i128, sl: i8, hi: i128, sh: i8| {
            let count: ArrayRef = Arc::new(Int32Array::from(vec![5]));
            let out = width_bucket(&decimals(&[x], sx), &decimals(&[lo], sl), &decimals(&[hi], sh), &count).unwrap();
            out.as_primitive::<datafusion::arrow::datatypes::Int32Type>().value(0)
        };
        assert_eq!(bucket(535, 2, 24, 3, 1006, 2), 3);
        assert_eq!(bucket(-1, 0, 0, 0, 10, 0), 0);
        assert_eq!(bucket(10, 0, 0, 0, 10, 0), 6);
        // gcd(12, 18) = 6, gcd(0, 5) = 5, lcm(4, 6) = 12; factorial(10) = 3628800
        assert_eq!(gcd(12, 18), 6);
        assert_eq!(gcd(0, 5), 5);
        let four: ArrayRef = Arc::new(Int32Array::from(vec![4]));
        let six: ArrayRef = Arc::new(Int32Array::from(vec![6]));
        let lcm = gcd_lcm(&four, &six, false).unwrap();
        assert_eq!(lcm.as_primitive::<datafusion::arrow::datatypes::Int32Type>().value(0), 12);
        let ten: ArrayRef = Arc::new(Int64Array::from(vec![10]));
        assert_eq!(factorial(&ten).unwrap().as_primitive::<Decimal128Type>().value(0), 3_628_800);
        // sign(-2.50) = -1 (a whole numeric)
        let signs = sign(&decimals(&[-250, 0], 2)).unwrap();
        assert_eq!(signs.as_primitive::<Decimal128Type>().values().to_vec(), vec![-1, 0]);
    }
}
