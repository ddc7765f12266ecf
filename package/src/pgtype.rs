//! The Postgres types a package column may declare, with their wire identity (OID, length,
//! type modifier) and canonical spelling (what `format_type` prints).
//!
//! Parsing accepts the spellings Postgres accepts for these types (`int4`, `integer`,
//! `character varying(25)`, `timestamp with time zone`, …) case-insensitively.

use std::fmt;

/// A column type a package can declare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PgType {
    Bool,
    Int2,
    Int4,
    Int8,
    Float4,
    Float8,
    /// `numeric(precision, scale)`; `None` means unconstrained `numeric`.
    Numeric(Option<(u8, i8)>),
    Text,
    /// `varchar(n)`; `None` means unbounded.
    Varchar(Option<u32>),
    /// `char(n)` (blank-padded; `bpchar` on the wire).
    Char(u32),
    Date,
    Time,
    Timestamp,
    Timestamptz,
    Interval,
    Uuid,
    Json,
    Jsonb,
    Bytea,
    /// `oid`: an unsigned 4-byte object identifier. The catalog's type; packages may declare it
    /// too (Postgres tables can hold OIDs).
    Oid,
    /// `name`: the catalog's identifier type (text on the wire, 63 bytes at most in Postgres).
    Name,
    /// `element[]`, one- or multi-dimensional. Appears in query results (the Postgres backend
    /// returns arrays as they are); a manifest column cannot declare one yet. The element is one
    /// of [`ARRAY_ELEMENTS`] (element type modifiers are not kept, as in a result description).
    Array(&'static PgType),
}

/// The element types an array may have, each without a type modifier.
pub const ARRAY_ELEMENTS: &[PgType] = &[
    PgType::Bool,
    PgType::Int2,
    PgType::Int4,
    PgType::Int8,
    PgType::Float4,
    PgType::Float8,
    PgType::Numeric(None),
    PgType::Text,
    PgType::Varchar(None),
    PgType::Char(1),
    PgType::Date,
    PgType::Time,
    PgType::Timestamp,
    PgType::Timestamptz,
    PgType::Interval,
    PgType::Uuid,
    PgType::Json,
    PgType::Jsonb,
    PgType::Bytea,
    // Catalog types (`$1::oid[]` in asyncpg's type introspection, `name[]` in catalog columns).
    PgType::Oid,
    PgType::Name,
];

impl PgType {
    /// The type's OID in `pg_type`, as in every Postgres release.
    pub fn oid(self) -> u32 {
        match self {
            PgType::Bool => 16,
            PgType::Bytea => 17,
            PgType::Int8 => 20,
            PgType::Int2 => 21,
            PgType::Int4 => 23,
            PgType::Text => 25,
            PgType::Oid => 26,
            PgType::Name => 19,
            PgType::Json => 114,
            PgType::Float4 => 700,
            PgType::Float8 => 701,
            PgType::Char(_) => 1042,
            PgType::Varchar(_) => 1043,
            PgType::Date => 1082,
            PgType::Time => 1083,
            PgType::Timestamp => 1114,
            PgType::Timestamptz => 1184,
            PgType::Interval => 1186,
            PgType::Numeric(_) => 1700,
            PgType::Uuid => 2950,
            PgType::Jsonb => 3802,
            PgType::Array(element) => element.array_oid(),
        }
    }

    /// The OID of the array type whose elements are of this (scalar) type.
    fn array_oid(self) -> u32 {
        match self {
            PgType::Bool => 1000,
            PgType::Bytea => 1001,
            PgType::Int2 => 1005,
            PgType::Int4 => 1007,
            PgType::Text => 1009,
            PgType::Oid => 1028,
            PgType::Name => 1003,
            PgType::Char(_) => 1014,
            PgType::Varchar(_) => 1015,
            PgType::Int8 => 1016,
            PgType::Float4 => 1021,
            PgType::Float8 => 1022,
            PgType::Timestamp => 1115,
            PgType::Date => 1182,
            PgType::Time => 1183,
            PgType::Timestamptz => 1185,
            PgType::Interval => 1187,
            PgType::Numeric(_) => 1231,
            PgType::Uuid => 2951,
            PgType::Json => 199,
            PgType::Jsonb => 3807,
            // Arrays of arrays are multi-dimensional arrays of the element type.
            PgType::Array(element) => element.array_oid(),
        }
    }

    /// The array type of `element`, when arrays of it are supported.
    pub fn array_of(element: PgType) -> Option<PgType> {
        ARRAY_ELEMENTS.iter().find(|e| e.oid() == element.oid()).map(PgType::Array)
    }

    /// The array type whose OID is `oid`, among the supported ones.
    pub fn array_from_oid(oid: u32) -> Option<PgType> {
        ARRAY_ELEMENTS.iter().find(|e| e.array_oid() == oid).map(PgType::Array)
    }

    /// The type with a given OID, for the types packwire knows; `name` and `unknown` read as text.
    pub fn from_oid(oid: u32) -> Option<PgType> {
        Some(match oid {
            16 => PgType::Bool,
            17 => PgType::Bytea,
            20 => PgType::Int8,
            21 => PgType::Int2,
            23 => PgType::Int4,
            26 => PgType::Oid,
            19 => PgType::Name,
            18 | 25 | 705 => PgType::Text,
            114 => PgType::Json,
            700 => PgType::Float4,
            701 => PgType::Float8,
            1042 => PgType::Char(1),
            1043 => PgType::Varchar(None),
            1082 => PgType::Date,
            1083 => PgType::Time,
            1114 => PgType::Timestamp,
            1184 => PgType::Timestamptz,
            1186 => PgType::Interval,
            1700 => PgType::Numeric(None),
            2950 => PgType::Uuid,
            3802 => PgType::Jsonb,
            _ => return PgType::array_from_oid(oid),
        })
    }

    /// `typlen`: the fixed size in bytes, or -1 for variable-length types.
    pub fn type_len(self) -> i16 {
        match self {
            PgType::Bool => 1,
            PgType::Int2 => 2,
            PgType::Int4 | PgType::Oid | PgType::Float4 | PgType::Date => 4,
            PgType::Int8 | PgType::Float8 | PgType::Time | PgType::Timestamp | PgType::Timestamptz => 8,
            PgType::Interval | PgType::Uuid => 16,
            PgType::Name => 64,
            _ => -1,
        }
    }

    /// `atttypmod`: -1 when the type carries no modifier.
    pub fn type_modifier(self) -> i32 {
        const VARHDRSZ: i32 = 4;
        match self {
            PgType::Numeric(Some((p, s))) => ((i32::from(p) << 16) | (i32::from(s) & 0xffff)) + VARHDRSZ,
            PgType::Varchar(Some(n)) | PgType::Char(n) => n as i32 + VARHDRSZ,
            _ => -1,
        }
    }

    /// The type name without modifiers, as in `pg_type.typname`.
    pub fn type_name(self) -> &'static str {
        match self {
            PgType::Bool => "bool",
            PgType::Int2 => "int2",
            PgType::Int4 => "int4",
            PgType::Int8 => "int8",
            PgType::Float4 => "float4",
            PgType::Float8 => "float8",
            PgType::Numeric(_) => "numeric",
            PgType::Text => "text",
            PgType::Varchar(_) => "varchar",
            PgType::Char(_) => "bpchar",
            PgType::Date => "date",
            PgType::Time => "time",
            PgType::Timestamp => "timestamp",
            PgType::Timestamptz => "timestamptz",
            PgType::Interval => "interval",
            PgType::Uuid => "uuid",
            PgType::Json => "json",
            PgType::Jsonb => "jsonb",
            PgType::Bytea => "bytea",
            PgType::Oid => "oid",
            PgType::Name => "name",
            PgType::Array(element) => match element {
                PgType::Bool => "_bool",
                PgType::Int2 => "_int2",
                PgType::Int4 => "_int4",
                PgType::Int8 => "_int8",
                PgType::Float4 => "_float4",
                PgType::Float8 => "_float8",
                PgType::Numeric(_) => "_numeric",
                PgType::Text => "_text",
                PgType::Varchar(_) => "_varchar",
                PgType::Char(_) => "_bpchar",
                PgType::Date => "_date",
                PgType::Time => "_time",
                PgType::Timestamp => "_timestamp",
                PgType::Timestamptz => "_timestamptz",
                PgType::Interval => "_interval",
                PgType::Uuid => "_uuid",
                PgType::Json => "_json",
                PgType::Jsonb => "_jsonb",
                PgType::Bytea => "_bytea",
                PgType::Oid => "_oid",
                PgType::Name => "_name",
                PgType::Array(_) => "_array",
            },
        }
    }

    /// Parses a type as written in a manifest or a cast (`numeric(15,2)`, `character varying`, …).
    /// `T[]` (any number of `[]`, as Postgres reads them) is an array of `T`.
    pub fn parse(text: &str) -> Result<PgType, String> {
        let trimmed = text.trim();
        if let Some(element) = trimmed.strip_suffix("[]") {
            let element = element.trim_end();
            let element = PgType::parse(element.trim_end_matches("[]"))?;
            return PgType::array_of(element).ok_or_else(|| format!("arrays of `{element}` are not supported"));
        }
        let lowered = trimmed.to_ascii_lowercase();
        let collapsed = lowered.split_whitespace().collect::<Vec<_>>().join(" ");
        let (base, modifiers) = match collapsed.find('(') {
            Some(open) => {
                let close = collapsed
                    .rfind(')')
                    .filter(|close| *close > open && collapsed[close + 1..].trim().is_empty())
                    .ok_or_else(|| format!("unbalanced parentheses in type `{text}`"))?;
                let args = collapsed[open + 1..close]
                    .split(',')
                    .map(|a| a.trim().parse::<i64>().map_err(|_| format!("bad type modifier in `{text}`")))
                    .collect::<Result<Vec<_>, _>>()?;
                (collapsed[..open].trim().to_string(), args)
            }
            None => (collapsed.clone(), Vec::new()),
        };
        let no_modifiers = |t: PgType| {
            if modifiers.is_empty() { Ok(t) } else { Err(format!("type `{base}` takes no modifiers")) }
        };
        let length = |default: Option<u32>| -> Result<Option<u32>, String> {
            match modifiers.as_slice() {
                [] => Ok(default),
                [n] if (1..=10_485_760).contains(n) => Ok(Some(*n as u32)),
                _ => Err(format!("length for type `{base}` must be between 1 and 10485760")),
            }
        };
        match base.as_str() {
            "bool" | "boolean" => no_modifiers(PgType::Bool),
            "int2" | "smallint" => no_modifiers(PgType::Int2),
            "int4" | "int" | "integer" => no_modifiers(PgType::Int4),
            "int8" | "bigint" => no_modifiers(PgType::Int8),
            "float4" | "real" => no_modifiers(PgType::Float4),
            "float8" | "double precision" => no_modifiers(PgType::Float8),
            "numeric" | "decimal" => match modifiers.as_slice() {
                [] => Ok(PgType::Numeric(None)),
                [p] if (1..=38).contains(p) => Ok(PgType::Numeric(Some((*p as u8, 0)))),
                [p, s] if (1..=38).contains(p) && (0..=*p).contains(s) => {
                    Ok(PgType::Numeric(Some((*p as u8, *s as i8))))
                }
                _ => Err(format!("numeric modifiers in `{text}` must be (precision 1..38[, scale 0..precision])")),
            },
            "text" => no_modifiers(PgType::Text),
            "varchar" | "character varying" => Ok(PgType::Varchar(length(None)?)),
            "char" | "character" | "bpchar" => Ok(PgType::Char(length(Some(1))?.unwrap_or(1))),
            "date" => no_modifiers(PgType::Date),
            "time" | "time without time zone" => no_modifiers(PgType::Time),
            "timestamp" | "timestamp without time zone" => no_modifiers(PgType::Timestamp),
            "timestamptz" | "timestamp with time zone" => no_modifiers(PgType::Timestamptz),
            "interval" => no_modifiers(PgType::Interval),
            "uuid" => no_modifiers(PgType::Uuid),
            "json" => no_modifiers(PgType::Json),
            "jsonb" => no_modifiers(PgType::Jsonb),
            "bytea" => no_modifiers(PgType::Bytea),
            "oid" => no_modifiers(PgType::Oid),
            "name" => no_modifiers(PgType::Name),
            other => Err(format!(
                "unsupported type `{other}` (supported: bool, int2, int4, int8, float4, float8, numeric(p,s), \
                 text, varchar(n), char(n), date, time, timestamp, timestamptz, interval, uuid, json, jsonb, bytea)"
            )),
        }
    }
}

impl fmt::Display for PgType {
    /// The canonical spelling, as `format_type(oid, typmod)` prints it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PgType::Bool => f.write_str("boolean"),
            PgType::Int2 => f.write_str("smallint"),
            PgType::Int4 => f.write_str("integer"),
            PgType::Int8 => f.write_str("bigint"),
            PgType::Float4 => f.write_str("real"),
            PgType::Float8 => f.write_str("double precision"),
            PgType::Numeric(None) => f.write_str("numeric"),
            PgType::Numeric(Some((p, s))) => write!(f, "numeric({p},{s})"),
            PgType::Text => f.write_str("text"),
            PgType::Varchar(None) => f.write_str("character varying"),
            PgType::Varchar(Some(n)) => write!(f, "character varying({n})"),
            PgType::Char(n) => write!(f, "character({n})"),
            PgType::Date => f.write_str("date"),
            PgType::Time => f.write_str("time without time zone"),
            PgType::Timestamp => f.write_str("timestamp without time zone"),
            PgType::Timestamptz => f.write_str("timestamp with time zone"),
            PgType::Interval => f.write_str("interval"),
            PgType::Uuid => f.write_str("uuid"),
            PgType::Json => f.write_str("json"),
            PgType::Jsonb => f.write_str("jsonb"),
            PgType::Bytea => f.write_str("bytea"),
            PgType::Oid => f.write_str("oid"),
            PgType::Name => f.write_str("name"),
            PgType::Array(PgType::Char(_)) => f.write_str("character[]"),
            PgType::Array(element) => write!(f, "{element}[]"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_common_spellings() {
        assert_eq!(PgType::parse("INTEGER").unwrap(), PgType::Int4);
        assert_eq!(PgType::parse("numeric(15, 2)").unwrap(), PgType::Numeric(Some((15, 2))));
        assert_eq!(PgType::parse("character  varying(25)").unwrap(), PgType::Varchar(Some(25)));
        assert_eq!(PgType::parse("timestamp with time zone").unwrap(), PgType::Timestamptz);
        assert_eq!(PgType::parse("char").unwrap(), PgType::Char(1));
    }

    #[test]
    fn rejects_bad_types() {
        assert!(PgType::parse("int4(3)").is_err());
        assert!(PgType::parse("numeric(2,5)").is_err());
        assert!(PgType::parse("geometry").is_err());
        assert!(PgType::parse("varchar(").is_err());
    }

    #[test]
    fn typmod_matches_postgres() {
        // numeric(15,2): ((15 << 16) | 2) + 4
        assert_eq!(PgType::Numeric(Some((15, 2))).type_modifier(), 983_046);
        assert_eq!(PgType::Varchar(Some(25)).type_modifier(), 29);
        assert_eq!(PgType::Text.type_modifier(), -1);
    }

    #[test]
    fn arrays() {
        let ints = PgType::parse("integer[]").unwrap();
        assert_eq!(ints, PgType::Array(&PgType::Int4));
        assert_eq!((ints.oid(), ints.type_name(), ints.to_string()), (1007, "_int4", "integer[]".to_string()));
        assert_eq!(PgType::parse("numeric(10,2)[][]").unwrap(), PgType::Array(&PgType::Numeric(None)));
        assert_eq!(PgType::from_oid(1231), Some(PgType::Array(&PgType::Numeric(None))));
        assert_eq!(PgType::parse(&PgType::Array(&PgType::Timestamptz).to_string()).unwrap().oid(), 1185);
        assert!(PgType::parse("geometry[]").is_err());
    }

    #[test]
    fn display_round_trips() {
        for t in ["numeric(15,2)", "character varying(10)", "character(1)", "timestamp with time zone", "bytea"] {
            let parsed = PgType::parse(t).unwrap();
            assert_eq!(PgType::parse(&parsed.to_string()).unwrap(), parsed);
        }
    }
}
