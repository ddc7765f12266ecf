//! Every supported column type, NULLs included, in text format (simple query) and binary format
//! (tokio-postgres' typed queries), checked byte for byte against Postgres' encodings.

mod common;

use std::sync::Arc;

use connectors::datafusion::arrow::array::{
    ArrayRef, BinaryArray, BooleanArray, Date32Array, Decimal128Array, Float32Array, Float64Array, Int16Array,
    Int32Array, Int64Array, StringArray, Time64MicrosecondArray, TimestampMicrosecondArray,
};
use connectors::datafusion::arrow::datatypes::{DataType, Field, Schema, TimeUnit};
use connectors::datafusion::arrow::record_batch::RecordBatch;
use connectors::datafusion::parquet::arrow::ArrowWriter;
use tokio_postgres::types::{FromSql, Type};

/// Raw binary wire bytes of any value.
#[derive(Debug, PartialEq)]
struct Raw(Vec<u8>);

impl<'a> FromSql<'a> for Raw {
    fn from_sql(_: &Type, raw: &'a [u8]) -> Result<Self, Box<dyn std::error::Error + Sync + Send>> {
        Ok(Raw(raw.to_vec()))
    }
    fn accepts(_: &Type) -> bool {
        true
    }
}

const MANIFEST: &str = r#"
[package]
name = "types"
version = "1.0.0"
[source]
kind = "files"
format = "parquet"
root = "ROOT"
[[tables]]
name = "alltypes"
primary_key = ["id"]
columns = [
  { name = "id", type = "int4" },
  { name = "c_bool", type = "bool" },
  { name = "c_int2", type = "int2" },
  { name = "c_int4", type = "int4" },
  { name = "c_int8", type = "int8" },
  { name = "c_float4", type = "float4" },
  { name = "c_float8", type = "float8" },
  { name = "c_numeric", type = "numeric(20,4)" },
  { name = "c_text", type = "text" },
  { name = "c_varchar", type = "varchar(10)" },
  { name = "c_date", type = "date" },
  { name = "c_timestamp", type = "timestamp" },
  { name = "c_timestamptz", type = "timestamptz" },
  { name = "c_time", type = "time" },
  { name = "c_uuid", type = "uuid" },
  { name = "c_jsonb", type = "jsonb" },
  { name = "c_bytea", type = "bytea" },
]
"#;

fn write_parquet(dir: &std::path::Path) {
    let fields = vec![
        Field::new("id", DataType::Int32, false),
        Field::new("c_bool", DataType::Boolean, true),
        Field::new("c_int2", DataType::Int16, true),
        Field::new("c_int4", DataType::Int32, true),
        Field::new("c_int8", DataType::Int64, true),
        Field::new("c_float4", DataType::Float32, true),
        Field::new("c_float8", DataType::Float64, true),
        Field::new("c_numeric", DataType::Decimal128(20, 4), true),
        Field::new("c_text", DataType::Utf8, true),
        Field::new("c_varchar", DataType::Utf8, true),
        Field::new("c_date", DataType::Date32, true),
        Field::new("c_timestamp", DataType::Timestamp(TimeUnit::Microsecond, None), true),
        Field::new("c_timestamptz", DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())), true),
        Field::new("c_time", DataType::Time64(TimeUnit::Microsecond), true),
        Field::new("c_uuid", DataType::Utf8, true),
        Field::new("c_jsonb", DataType::Utf8, true),
        Field::new("c_bytea", DataType::Binary, true),
    ];
    let schema = Arc::new(Schema::new(fields));
    let columns: Vec<ArrayRef> = vec![
        Arc::new(Int32Array::from(vec![1, 2, 3])),
        Arc::new(BooleanArray::from(vec![Some(true), Some(false), None])),
        Arc::new(Int16Array::from(vec![Some(12), Some(i16::MIN), None])),
        Arc::new(Int32Array::from(vec![Some(123_456), Some(i32::MAX), None])),
        Arc::new(Int64Array::from(vec![Some(9_007_199_254_740_993), Some(i64::MIN), None])),
        Arc::new(Float32Array::from(vec![Some(1.5), Some(-0.1), None])),
        Arc::new(Float64Array::from(vec![Some(0.1), Some(1e300), None])),
        Arc::new(
            Decimal128Array::from(vec![Some(123_456_789), Some(-1), None]).with_precision_and_scale(20, 4).unwrap(),
        ),
        Arc::new(StringArray::from(vec![Some("hello"), Some(""), None])),
        Arc::new(StringArray::from(vec![Some("ünï"), Some("日本語"), None])),
        Arc::new(Date32Array::from(vec![Some(19_782), Some(0), None])),
        Arc::new(TimestampMicrosecondArray::from(vec![Some(1_709_210_096_789_000), Some(946_684_799_000_000), None])),
        Arc::new(
            TimestampMicrosecondArray::from(vec![Some(1_709_210_096_000_000), Some(-1_000_000), None])
                .with_timezone("UTC"),
        ),
        Arc::new(Time64MicrosecondArray::from(vec![Some(45_296_500_000), Some(0), None])),
        Arc::new(StringArray::from(vec![
            Some("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
            Some("00000000-0000-0000-0000-000000000000"),
            None,
        ])),
        Arc::new(StringArray::from(vec![Some("{\"a\": 1}"), Some("[]"), None])),
        Arc::new(BinaryArray::from(vec![Some(&[0xde, 0xad, 0xbe, 0xef][..]), Some(&[][..]), None])),
    ];
    let batch = RecordBatch::try_new(schema.clone(), columns).unwrap();
    let file = std::fs::File::create(dir.join("alltypes.parquet")).unwrap();
    let mut writer = ArrowWriter::try_new(file, schema, None).unwrap();
    writer.write(&batch).unwrap();
    writer.close().unwrap();
}

async fn server() -> (common::TestServer, tempfile::TempDir) {
    let data = tempfile::tempdir().unwrap();
    write_parquet(data.path());
    let manifest = MANIFEST.replace("ROOT", &data.path().to_string_lossy());
    (common::start(&[("types.toml", manifest)]).await, data)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn text_format_of_every_type() {
    let (server, _data) = server().await;
    let client = server.connect("types@1.0.0").await;
    let rows = common::text_rows(&client, "select * from alltypes order by id").await;
    let s = |v: &str| Some(v.to_string());
    assert_eq!(
        rows[0],
        vec![
            s("1"),
            s("t"),
            s("12"),
            s("123456"),
            s("9007199254740993"),
            s("1.5"),
            s("0.1"),
            s("12345.6789"),
            s("hello"),
            s("ünï"),
            s("2024-02-29"),
            s("2024-02-29 12:34:56.789"),
            s("2024-02-29 12:34:56+00"),
            s("12:34:56.5"),
            s("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
            s("{\"a\": 1}"),
            s("\\xdeadbeef"),
        ]
    );
    assert_eq!(
        rows[1],
        vec![
            s("2"),
            s("f"),
            s("-32768"),
            s("2147483647"),
            s("-9223372036854775808"),
            s("-0.1"),
            s("1e+300"),
            s("-0.0001"),
            s(""),
            s("日本語"),
            s("1970-01-01"),
            s("1999-12-31 23:59:59"),
            s("1969-12-31 23:59:59+00"),
            s("00:00:00"),
            s("00000000-0000-0000-0000-000000000000"),
            s("[]"),
            s("\\x"),
        ]
    );
    let mut nulls = vec![None; 17];
    nulls[0] = s("3");
    assert_eq!(rows[2], nulls);

    // The session time zone changes timestamptz text.
    client.simple_query("set timezone = 'America/New_York'").await.unwrap();
    let rows = common::text_rows(&client, "select c_timestamptz from alltypes where id = 1").await;
    assert_eq!(rows, vec![vec![s("2024-02-29 07:34:56-05")]]);

    // date_trunc truncates a timestamptz (and a date, which becomes one) on the session's wall
    // clock, a timestamp as it reads; expected values as Postgres 15 prints them.
    let sql = "select date_trunc('day', c_timestamptz), date_trunc('Month', c_date), date_trunc('hour', c_timestamp), \
               date_trunc('week', c_timestamptz), date_trunc('milliseconds', c_timestamp) from alltypes where id = 1";
    let expected =
        ["2024-02-29 00:00:00-05", "2024-02-01 00:00:00-05", "2024-02-29 12:00:00", "2024-02-26 00:00:00-05"];
    let mut expected: Vec<Option<String>> = expected.iter().map(|v| s(v)).collect();
    expected.push(s("2024-02-29 12:34:56.789"));
    assert_eq!(common::text_rows(&client, sql).await, vec![expected]);
    client.simple_query("set timezone = 'Asia/Kolkata'").await.unwrap();
    let sql = "select date_trunc('hour', c_timestamptz), date_trunc('year', c_date) from alltypes where id = 1";
    let rows = common::text_rows(&client, sql).await;
    assert_eq!(rows, vec![vec![s("2024-02-29 18:00:00+05:30"), s("2024-01-01 00:00:00+05:30")]]);
    // In the extended protocol (binary): midnight in New York is 05:00 UTC.
    client.simple_query("set timezone = 'America/New_York'").await.unwrap();
    let row = client.query_one("select date_trunc('day', c_timestamptz) from alltypes where id = 1", &[]).await;
    let micros_since_2000: i64 = 762_498_000_000_000;
    assert_eq!(row.unwrap().get::<_, Raw>(0), Raw(micros_since_2000.to_be_bytes().to_vec()));
    // What the engine would compute on UTC's wall clock is refused outside UTC, not answered.
    for sql in [
        "select extract(hour from c_timestamptz) from alltypes",
        "select c_timestamptz::date from alltypes",
        "select c_timestamptz + interval '1 day' from alltypes",
        "select id from alltypes where c_timestamptz > '2024-02-29 10:00'",
    ] {
        let error = client.query(sql, &[]).await.unwrap_err();
        assert_eq!(error.code(), Some(&tokio_postgres::error::SqlState::FEATURE_NOT_SUPPORTED), "{sql}");
    }
    // age() of a timestamptz takes the fields of the session's wall clock (dates are its
    // midnight); of a timestamp, the fields as they read.
    let sql = "select age(c_timestamptz, c_date), age(c_timestamp, c_date), age(date '2024-03-11', date '2024-02-10') \
               from alltypes where id = 1";
    let expected = ["07:34:56", "12:34:56.789", "1 mon 1 day"];
    assert_eq!(common::text_rows(&client, sql).await, vec![expected.iter().map(|v| s(v)).collect::<Vec<_>>()]);
    client.simple_query("set timezone = 'UTC'").await.unwrap();
    let rows = common::text_rows(&client, "select extract(hour from c_timestamptz) from alltypes where id = 1").await;
    assert_eq!(rows, vec![vec![s("12")]]);
    // Casts to text write Postgres' forms, not Arrow's (`1e300`, `1999-12-31T23:59:59`).
    let sql = "select c_float8::text, c_timestamp::text, c_bool::text, c_numeric::text, c_bytea::text, \
               c_timestamptz::text from alltypes where id = 2";
    let expected = ["1e+300", "1999-12-31 23:59:59", "false", "-0.0001", "\\x", "1969-12-31 23:59:59+00"];
    assert_eq!(common::text_rows(&client, sql).await, vec![expected.iter().map(|v| s(v)).collect::<Vec<_>>()]);
    let unit = client.query("select date_trunc('decade', c_date) from alltypes", &[]).await.unwrap_err();
    assert_eq!(unit.code(), Some(&tokio_postgres::error::SqlState::FEATURE_NOT_SUPPORTED));
    let unit = client.query("select date_trunc('fortnight', c_date) from alltypes", &[]).await.unwrap_err();
    assert_eq!(unit.code(), Some(&tokio_postgres::error::SqlState::INVALID_PARAMETER_VALUE));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn binary_format_and_type_oids_of_every_type() {
    let (server, _data) = server().await;
    let client = server.connect("types@1").await;
    let statement = client.prepare("select * from alltypes order by id").await.unwrap();
    let types: Vec<Type> = statement.columns().iter().map(|c| c.type_().clone()).collect();
    assert_eq!(
        types,
        [
            Type::INT4,
            Type::BOOL,
            Type::INT2,
            Type::INT4,
            Type::INT8,
            Type::FLOAT4,
            Type::FLOAT8,
            Type::NUMERIC,
            Type::TEXT,
            Type::VARCHAR,
            Type::DATE,
            Type::TIMESTAMP,
            Type::TIMESTAMPTZ,
            Type::TIME,
            Type::UUID,
            Type::JSONB,
            Type::BYTEA,
        ]
    );
    let rows = client.query(&statement, &[]).await.unwrap();
    let row = &rows[0];
    let raw = |i: usize| row.get::<_, Option<Raw>>(i).map(|r| r.0);
    assert!(row.get::<_, bool>(1));
    assert_eq!(row.get::<_, i16>(2), 12);
    assert_eq!(row.get::<_, i32>(3), 123_456);
    assert_eq!(row.get::<_, i64>(4), 9_007_199_254_740_993);
    assert_eq!(row.get::<_, f32>(5), 1.5);
    assert_eq!(row.get::<_, f64>(6), 0.1);
    // numeric 12345.6789: ndigits 3, weight 1, sign +, dscale 4, digits 1 2345 6789
    assert_eq!(raw(7), Some(vec![0, 3, 0, 1, 0, 0, 0, 4, 0, 1, 0x09, 0x29, 0x1a, 0x85]));
    assert_eq!(row.get::<_, String>(8), "hello");
    assert_eq!(row.get::<_, String>(9), "ünï");
    assert_eq!(raw(10), Some(8825i32.to_be_bytes().to_vec()));
    assert_eq!(raw(11), Some(762_525_296_789_000i64.to_be_bytes().to_vec()));
    assert_eq!(raw(12), Some(762_525_296_000_000i64.to_be_bytes().to_vec()));
    assert_eq!(raw(13), Some(45_296_500_000i64.to_be_bytes().to_vec()));
    assert_eq!(
        raw(14),
        Some(vec![0xa0, 0xee, 0xbc, 0x99, 0x9c, 0x0b, 0x4e, 0xf8, 0xbb, 0x6d, 0x6b, 0xb9, 0xbd, 0x38, 0x0a, 0x11])
    );
    assert_eq!(raw(15), Some([&[1u8][..], b"{\"a\": 1}"].concat()));
    assert_eq!(row.get::<_, Vec<u8>>(16), vec![0xde, 0xad, 0xbe, 0xef]);

    let row = &rows[1];
    assert_eq!(row.get::<_, i16>(2), i16::MIN);
    assert_eq!(row.get::<_, i64>(4), i64::MIN);
    // numeric -0.0001: ndigits 1, weight -1, sign -, dscale 4, digit 1
    assert_eq!(row.get::<_, Option<Raw>>(7).map(|r| r.0), Some(vec![0, 1, 0xff, 0xff, 0x40, 0, 0, 4, 0, 1]));
    assert_eq!(row.get::<_, String>(8), "");
    assert_eq!(row.get::<_, Vec<u8>>(16), Vec::<u8>::new());

    let row = &rows[2];
    for i in 1..17 {
        assert_eq!(row.get::<_, Option<Raw>>(i), None, "column {i} of the NULL row");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn binary_parameters_of_several_types() {
    let (server, _data) = server().await;
    let client = server.connect("types@1.0.0").await;
    let row = client.query_one("select id from alltypes where c_int2 = $1", &[&12i16]).await.unwrap();
    assert_eq!(row.get::<_, i32>(0), 1);
    let row = client.query_one("select id from alltypes where c_float8 = $1", &[&1e300f64]).await.unwrap();
    assert_eq!(row.get::<_, i32>(0), 2);
    let row = client
        .query_one("select id from alltypes where c_bytea = $1", &[&vec![0xdeu8, 0xad, 0xbe, 0xef]])
        .await
        .unwrap();
    assert_eq!(row.get::<_, i32>(0), 1);
    let row =
        client.query_one("select id from alltypes where c_bool = $1 and c_text = $2", &[&false, &""]).await.unwrap();
    assert_eq!(row.get::<_, i32>(0), 2);
}
