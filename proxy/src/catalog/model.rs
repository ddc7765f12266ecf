//! The catalog of one package version as rows: what `pg_catalog` and `information_schema` hold
//! for it. Deterministic: the same manifest always gives the same OIDs (`pg_catalog` = 11,
//! `public` = 2200, built-in types as in Postgres, the package's tables from 16400 on in
//! manifest order), whichever backend serves the version.

use package::{PackageVersion, PgType, Table};

use super::columns::{BUILTIN_TYPES, BuiltinType, RELATIONS, Relation};
use super::tables::{Cell, Row, Ty};

pub const PG_CATALOG: i64 = 11;
pub const PG_TOAST: i64 = 99;
pub const PUBLIC: i64 = 2200;
pub const INFORMATION_SCHEMA: i64 = 13000;
/// The one role: the connected user, owner of everything (like a database the user created).
pub const OWNER: i64 = 10;
pub const DATABASE: i64 = 16384;
/// `pg_class`'s own OID: the `classoid` of relation descriptions.
const PG_CLASS: i64 = 1259;
const HEAP: i64 = 2;
const BTREE: i64 = 403;
const DEFAULT_COLLATION: i64 = 100;
/// The first package table's OID; each table takes [`OIDS_PER_TABLE`] (table, primary key index,
/// primary key constraint).
const FIRST_TABLE: i64 = 16400;
const OIDS_PER_TABLE: i64 = 4;
/// Catalog relations' own OIDs start here (they are listed in `pg_class` as well).
const FIRST_CATALOG_RELATION: i64 = 12000;

/// Views among the catalog relations (the rest are tables).
const CATALOG_VIEWS: &[&str] = &[
    "pg_roles",
    "pg_user",
    "pg_settings",
    "pg_tables",
    "pg_views",
    "pg_matviews",
    "pg_indexes",
    "pg_sequences",
    "pg_stat_activity",
];

/// One relation `pg_class` lists: a package table, its primary key index, or a catalog relation.
pub struct RelationEntry {
    pub oid: i64,
    pub namespace: i64,
    pub name: String,
    /// `r` table, `v` view, `i` index.
    pub kind: char,
    /// (name, type, type modifier, not null) per column.
    pub columns: Vec<(String, i64, i32, bool)>,
    pub description: Option<String>,
}

/// The catalog model of one package version, as seen by one user.
pub struct Model {
    pub database: String,
    pub description: String,
    pub user: String,
    pub relations: Vec<RelationEntry>,
    /// (constraint OID, table OID, index OID, name, key column numbers) per primary key.
    pub primary_keys: Vec<(i64, i64, i64, String, Vec<i64>)>,
    /// (table OID, column number, description).
    pub column_descriptions: Vec<(i64, i64, String)>,
}

impl Model {
    pub fn new(package: &PackageVersion, user: &str) -> Model {
        let mut relations = Vec::new();
        let mut primary_keys = Vec::new();
        let mut column_descriptions = Vec::new();
        for (index, table) in package.tables.iter().enumerate() {
            let oid = FIRST_TABLE + OIDS_PER_TABLE * index as i64;
            relations.push(table_entry(oid, table));
            for (number, column) in table.columns.iter().enumerate() {
                if let Some(description) = &column.description {
                    column_descriptions.push((oid, number as i64 + 1, description.clone()));
                }
            }
            if table.primary_key.is_empty() {
                continue;
            }
            let keys: Vec<i64> = table
                .primary_key
                .iter()
                .filter_map(|key| table.columns.iter().position(|c| &c.name == key).map(|p| p as i64 + 1))
                .collect();
            let name = format!("{}_pkey", table.name);
            let columns = keys
                .iter()
                .filter_map(|k| table.columns.get(*k as usize - 1))
                .map(|c| (c.name.clone(), i64::from(c.ty.oid()), c.ty.type_modifier(), true))
                .collect();
            relations.push(RelationEntry {
                oid: oid + 1,
                namespace: PUBLIC,
                name: name.clone(),
                kind: 'i',
                columns,
                description: None,
            });
            primary_keys.push((oid + 2, oid, oid + 1, name, keys));
        }
        for (index, relation) in RELATIONS.iter().enumerate() {
            relations.push(catalog_entry(FIRST_CATALOG_RELATION + index as i64, relation));
        }
        Model {
            database: package.id(),
            description: package.description.clone(),
            user: user.to_string(),
            relations,
            primary_keys,
            column_descriptions,
        }
    }

    /// The relation with OID `oid`.
    pub fn relation(&self, oid: i64) -> Option<&RelationEntry> {
        self.relations.iter().find(|r| r.oid == oid)
    }

    /// The schema name of a namespace OID.
    pub fn namespace_name(oid: i64) -> Option<&'static str> {
        match oid {
            PG_CATALOG => Some("pg_catalog"),
            PUBLIC => Some("public"),
            INFORMATION_SCHEMA => Some("information_schema"),
            PG_TOAST => Some("pg_toast"),
            _ => None,
        }
    }

    /// The namespace OID of a schema name.
    pub fn namespace_oid(name: &str) -> Option<i64> {
        [PG_CATALOG, PUBLIC, INFORMATION_SCHEMA, PG_TOAST]
            .into_iter()
            .find(|oid| Model::namespace_name(*oid) == Some(name))
    }

    /// The rows of catalog relation `schema.name`.
    pub fn rows(&self, schema: &str, name: &str) -> Vec<Row> {
        match (schema, name) {
            ("pg_catalog", "pg_namespace") => self.namespaces(),
            ("pg_catalog", "pg_class") => self.classes(),
            ("pg_catalog", "pg_attribute") => self.attributes(),
            ("pg_catalog", "pg_type") => types(),
            ("pg_catalog", "pg_index") => self.indexes(),
            ("pg_catalog", "pg_constraint") => self.constraints(),
            ("pg_catalog", "pg_description") => self.descriptions(),
            ("pg_catalog", "pg_shdescription") => self.database_description(),
            ("pg_catalog", "pg_database") => self.databases(),
            ("pg_catalog", "pg_roles") => self.roles(),
            ("pg_catalog", "pg_user") => self.users(),
            ("pg_catalog", "pg_am") => access_methods(),
            ("pg_catalog", "pg_tables") => self.pg_tables(),
            ("pg_catalog", "pg_indexes") => self.pg_indexes(),
            ("pg_catalog", "pg_collation") => collations(),
            ("pg_catalog", "pg_tablespace") => tablespaces(),
            ("pg_catalog", "pg_language") => languages(),
            ("information_schema", "schemata") => self.schemata(),
            ("information_schema", "tables") => self.information_tables(),
            ("information_schema", "columns") => self.information_columns(),
            ("information_schema", "table_constraints") => self.table_constraints(),
            ("information_schema", "key_column_usage") => self.key_column_usage(),
            _ => Vec::new(),
        }
    }

    fn table_owner_rows(&self) -> impl Iterator<Item = &RelationEntry> {
        self.relations.iter().filter(|r| r.kind != 'i')
    }

    fn namespaces(&self) -> Vec<Row> {
        [
            (PG_CATALOG, "pg_catalog"),
            (PG_TOAST, "pg_toast"),
            (PUBLIC, "public"),
            (INFORMATION_SCHEMA, "information_schema"),
        ]
        .into_iter()
        .map(|(oid, name)| vec![("oid", oid.into()), ("nspname", name.into()), ("nspowner", OWNER.into())])
        .collect()
    }

    fn classes(&self) -> Vec<Row> {
        self.relations
            .iter()
            .map(|r| {
                let has_index = self.primary_keys.iter().any(|(_, table, ..)| *table == r.oid);
                vec![
                    ("oid", r.oid.into()),
                    ("relname", r.name.as_str().into()),
                    ("relnamespace", r.namespace.into()),
                    ("reltype", 0.into()),
                    ("reloftype", 0.into()),
                    ("relowner", OWNER.into()),
                    (
                        "relam",
                        (if r.kind == 'i' {
                            BTREE
                        } else if r.kind == 'r' {
                            HEAP
                        } else {
                            0
                        })
                        .into(),
                    ),
                    ("relfilenode", (if r.kind == 'v' { 0 } else { r.oid }).into()),
                    ("reltablespace", 0.into()),
                    ("relpages", 0.into()),
                    ("reltuples", Cell::Float(-1.0)),
                    ("relallvisible", 0.into()),
                    ("reltoastrelid", 0.into()),
                    ("relhasindex", has_index.into()),
                    ("relisshared", false.into()),
                    ("relpersistence", 'p'.into()),
                    ("relkind", r.kind.into()),
                    ("relnatts", (r.columns.len() as i64).into()),
                    ("relchecks", 0.into()),
                    ("relhasrules", false.into()),
                    ("relhastriggers", false.into()),
                    ("relhassubclass", false.into()),
                    ("relrowsecurity", false.into()),
                    ("relforcerowsecurity", false.into()),
                    ("relispopulated", true.into()),
                    ("relreplident", (if r.kind == 'r' { 'd' } else { 'n' }).into()),
                    ("relispartition", false.into()),
                    ("relrewrite", 0.into()),
                    ("relfrozenxid", 0.into()),
                    ("relminmxid", 0.into()),
                ]
            })
            .collect()
    }

    fn attributes(&self) -> Vec<Row> {
        let mut rows = Vec::new();
        for relation in &self.relations {
            for (index, (name, type_oid, modifier, not_null)) in relation.columns.iter().enumerate() {
                let ty = builtin(*type_oid);
                rows.push(vec![
                    ("attrelid", relation.oid.into()),
                    ("attname", name.as_str().into()),
                    ("atttypid", (*type_oid).into()),
                    ("attstattarget", (-1).into()),
                    ("attlen", ty.map_or(-1, |t| i64::from(t.len)).into()),
                    ("attnum", (index as i64 + 1).into()),
                    ("attndims", 0.into()),
                    ("attcacheoff", (-1).into()),
                    ("atttypmod", i64::from(*modifier).into()),
                    ("attbyval", ty.is_some_and(|t| t.by_value).into()),
                    ("attalign", ty.map_or('i', |t| t.align).into()),
                    ("attstorage", ty.map_or('x', |t| t.storage).into()),
                    ("attcompression", "".into()),
                    ("attnotnull", (*not_null).into()),
                    ("atthasdef", false.into()),
                    ("atthasmissing", false.into()),
                    ("attidentity", "".into()),
                    ("attgenerated", "".into()),
                    ("attisdropped", false.into()),
                    ("attislocal", true.into()),
                    ("attinhcount", 0.into()),
                    ("attcollation", ty.map_or(0, |t| t.collation).into()),
                ]);
            }
        }
        rows
    }

    fn indexes(&self) -> Vec<Row> {
        self.primary_keys
            .iter()
            .map(|(_, table, index, _, keys)| {
                let collations = self.relation(*index).map_or_else(Vec::new, |r| {
                    r.columns.iter().map(|(_, ty, ..)| builtin(*ty).map_or(0, |t| t.collation)).collect()
                });
                vec![
                    ("indexrelid", (*index).into()),
                    ("indrelid", (*table).into()),
                    ("indnatts", (keys.len() as i64).into()),
                    ("indnkeyatts", (keys.len() as i64).into()),
                    ("indisunique", true.into()),
                    ("indnullsnotdistinct", false.into()),
                    ("indisprimary", true.into()),
                    ("indisexclusion", false.into()),
                    ("indimmediate", true.into()),
                    ("indisclustered", false.into()),
                    ("indisvalid", true.into()),
                    ("indcheckxmin", false.into()),
                    ("indisready", true.into()),
                    ("indislive", true.into()),
                    ("indisreplident", false.into()),
                    ("indkey", Cell::Ints(keys.clone())),
                    ("indcollation", Cell::Ints(collations)),
                    ("indclass", Cell::Ints(vec![0; keys.len()])),
                    ("indoption", Cell::Ints(vec![0; keys.len()])),
                ]
            })
            .collect()
    }

    fn constraints(&self) -> Vec<Row> {
        self.primary_keys
            .iter()
            .map(|(oid, table, index, name, keys)| {
                vec![
                    ("oid", (*oid).into()),
                    ("conname", name.as_str().into()),
                    ("connamespace", PUBLIC.into()),
                    ("contype", 'p'.into()),
                    ("condeferrable", false.into()),
                    ("condeferred", false.into()),
                    ("convalidated", true.into()),
                    ("conrelid", (*table).into()),
                    ("contypid", 0.into()),
                    ("conindid", (*index).into()),
                    ("conparentid", 0.into()),
                    ("confrelid", 0.into()),
                    ("confupdtype", ' '.into()),
                    ("confdeltype", ' '.into()),
                    ("confmatchtype", ' '.into()),
                    ("conislocal", true.into()),
                    ("coninhcount", 0.into()),
                    ("connoinherit", true.into()),
                    ("conkey", Cell::Ints(keys.clone())),
                ]
            })
            .collect()
    }

    fn descriptions(&self) -> Vec<Row> {
        let tables = self.relations.iter().filter_map(|r| Some((r.oid, 0, r.description.clone()?)));
        let columns = self.column_descriptions.iter().cloned();
        tables
            .chain(columns)
            .map(|(oid, sub, text)| {
                vec![
                    ("objoid", oid.into()),
                    ("classoid", PG_CLASS.into()),
                    ("objsubid", sub.into()),
                    ("description", text.into()),
                ]
            })
            .collect()
    }

    fn database_description(&self) -> Vec<Row> {
        if self.description.is_empty() {
            return Vec::new();
        }
        vec![vec![
            ("objoid", DATABASE.into()),
            ("classoid", 1262.into()),
            ("description", self.description.as_str().into()),
        ]]
    }

    fn databases(&self) -> Vec<Row> {
        vec![vec![
            ("oid", DATABASE.into()),
            ("datname", self.database.as_str().into()),
            ("datdba", OWNER.into()),
            ("encoding", 6.into()),
            ("datlocprovider", 'c'.into()),
            ("datistemplate", false.into()),
            ("datallowconn", true.into()),
            ("datconnlimit", (-1).into()),
            ("datfrozenxid", 0.into()),
            ("datminmxid", 1.into()),
            ("dattablespace", 1663.into()),
            ("datcollate", "C.UTF-8".into()),
            ("datctype", "C.UTF-8".into()),
        ]]
    }

    fn roles(&self) -> Vec<Row> {
        vec![vec![
            ("rolname", self.user.as_str().into()),
            ("rolsuper", false.into()),
            ("rolinherit", true.into()),
            ("rolcreaterole", false.into()),
            ("rolcreatedb", false.into()),
            ("rolcanlogin", true.into()),
            ("rolreplication", false.into()),
            ("rolconnlimit", (-1).into()),
            ("rolpassword", "********".into()),
            ("rolbypassrls", false.into()),
            ("oid", OWNER.into()),
        ]]
    }

    fn users(&self) -> Vec<Row> {
        vec![vec![
            ("usename", self.user.as_str().into()),
            ("usesysid", OWNER.into()),
            ("usecreatedb", false.into()),
            ("usesuper", false.into()),
            ("userepl", false.into()),
            ("usebypassrls", false.into()),
            ("passwd", "********".into()),
        ]]
    }

    fn pg_tables(&self) -> Vec<Row> {
        self.table_owner_rows()
            .filter(|r| r.kind == 'r')
            .map(|r| {
                vec![
                    ("schemaname", Model::namespace_name(r.namespace).unwrap_or_default().into()),
                    ("tablename", r.name.as_str().into()),
                    ("tableowner", self.user.as_str().into()),
                    ("hasindexes", self.primary_keys.iter().any(|(_, t, ..)| *t == r.oid).into()),
                    ("hasrules", false.into()),
                    ("hastriggers", false.into()),
                    ("rowsecurity", false.into()),
                ]
            })
            .collect()
    }

    fn pg_indexes(&self) -> Vec<Row> {
        self.primary_keys
            .iter()
            .filter_map(|(_, table, index, name, _)| {
                Some(vec![
                    ("schemaname", "public".into()),
                    ("tablename", self.relation(*table)?.name.as_str().into()),
                    ("indexname", name.as_str().into()),
                    ("indexdef", self.index_definition(*index)?.into()),
                ])
            })
            .collect()
    }

    /// `CREATE UNIQUE INDEX … USING btree (…)`, as `pg_get_indexdef` prints it.
    pub fn index_definition(&self, index: i64) -> Option<String> {
        let (_, table, _, name, _) = self.primary_keys.iter().find(|(_, _, i, ..)| *i == index)?;
        let table = self.relation(*table)?;
        let columns = self.relation(index)?.columns.iter().map(|c| quote_ident(&c.0)).collect::<Vec<_>>();
        Some(format!(
            "CREATE UNIQUE INDEX {} ON public.{} USING btree ({})",
            quote_ident(name),
            quote_ident(&table.name),
            columns.join(", ")
        ))
    }

    /// `PRIMARY KEY (…)`, as `pg_get_constraintdef` prints it.
    pub fn constraint_definition(&self, constraint: i64) -> Option<String> {
        let (_, _, index, ..) = self.primary_keys.iter().find(|(c, ..)| *c == constraint)?;
        let columns = self.relation(*index)?.columns.iter().map(|c| quote_ident(&c.0)).collect::<Vec<_>>();
        Some(format!("PRIMARY KEY ({})", columns.join(", ")))
    }

    fn schemata(&self) -> Vec<Row> {
        ["pg_catalog", "public", "information_schema", "pg_toast"]
            .into_iter()
            .map(|schema| {
                vec![
                    ("catalog_name", self.database.as_str().into()),
                    ("schema_name", schema.into()),
                    ("schema_owner", self.user.as_str().into()),
                ]
            })
            .collect()
    }

    fn information_tables(&self) -> Vec<Row> {
        self.table_owner_rows()
            .map(|r| {
                vec![
                    ("table_catalog", self.database.as_str().into()),
                    ("table_schema", Model::namespace_name(r.namespace).unwrap_or_default().into()),
                    ("table_name", r.name.as_str().into()),
                    ("table_type", (if r.kind == 'v' { "VIEW" } else { "BASE TABLE" }).into()),
                    ("is_insertable_into", "NO".into()),
                    ("is_typed", "NO".into()),
                ]
            })
            .collect()
    }

    fn information_columns(&self) -> Vec<Row> {
        let mut rows = Vec::new();
        for relation in self.table_owner_rows() {
            for (index, (name, type_oid, modifier, not_null)) in relation.columns.iter().enumerate() {
                let ty = PgType::from_oid(*type_oid as u32).filter(|t| i64::from(t.oid()) == *type_oid);
                let ty = ty.map(|t| with_modifier(t, *modifier));
                let type_name = builtin(*type_oid).map_or("text", |t| t.name);
                let mut row: Row = vec![
                    ("table_catalog", self.database.as_str().into()),
                    ("table_schema", Model::namespace_name(relation.namespace).unwrap_or_default().into()),
                    ("table_name", relation.name.as_str().into()),
                    ("column_name", name.as_str().into()),
                    ("ordinal_position", (index as i64 + 1).into()),
                    ("is_nullable", (if *not_null { "NO" } else { "YES" }).into()),
                    ("data_type", ty.map_or_else(|| type_name.to_string(), sql_data_type).into()),
                    ("udt_catalog", self.database.as_str().into()),
                    ("udt_schema", "pg_catalog".into()),
                    ("udt_name", type_name.into()),
                    ("dtd_identifier", (index as i64 + 1).to_string().into()),
                    ("is_self_referencing", "NO".into()),
                    ("is_identity", "NO".into()),
                    ("identity_cycle", "NO".into()),
                    ("is_generated", "NEVER".into()),
                    ("is_updatable", "NO".into()),
                ];
                if let Some(ty) = ty {
                    row.extend(numeric_facets(ty));
                }
                rows.push(row);
            }
        }
        rows
    }

    fn table_constraints(&self) -> Vec<Row> {
        self.primary_keys
            .iter()
            .filter_map(|(_, table, _, name, _)| {
                Some(vec![
                    ("constraint_catalog", self.database.as_str().into()),
                    ("constraint_schema", "public".into()),
                    ("constraint_name", name.as_str().into()),
                    ("table_catalog", self.database.as_str().into()),
                    ("table_schema", "public".into()),
                    ("table_name", self.relation(*table)?.name.as_str().into()),
                    ("constraint_type", "PRIMARY KEY".into()),
                    ("is_deferrable", "NO".into()),
                    ("initially_deferred", "NO".into()),
                    ("enforced", "YES".into()),
                ])
            })
            .collect()
    }

    fn key_column_usage(&self) -> Vec<Row> {
        let mut rows = Vec::new();
        for (_, table, index, name, _) in &self.primary_keys {
            let (Some(table), Some(index)) = (self.relation(*table), self.relation(*index)) else { continue };
            for (position, column) in index.columns.iter().enumerate() {
                rows.push(vec![
                    ("constraint_catalog", self.database.as_str().into()),
                    ("constraint_schema", "public".into()),
                    ("constraint_name", name.as_str().into()),
                    ("table_catalog", self.database.as_str().into()),
                    ("table_schema", "public".into()),
                    ("table_name", table.name.as_str().into()),
                    ("column_name", column.0.as_str().into()),
                    ("ordinal_position", (position as i64 + 1).into()),
                ]);
            }
        }
        rows
    }
}

fn table_entry(oid: i64, table: &Table) -> RelationEntry {
    RelationEntry {
        oid,
        namespace: PUBLIC,
        name: table.name.clone(),
        kind: 'r',
        columns: table
            .columns
            .iter()
            .map(|c| (c.name.clone(), i64::from(c.ty.oid()), c.ty.type_modifier(), !c.nullable))
            .collect(),
        description: table.description.clone(),
    }
}

fn catalog_entry(oid: i64, relation: &Relation) -> RelationEntry {
    let namespace = if relation.schema == "pg_catalog" { PG_CATALOG } else { INFORMATION_SCHEMA };
    let kind = if namespace == INFORMATION_SCHEMA || CATALOG_VIEWS.contains(&relation.name) { 'v' } else { 'r' };
    RelationEntry {
        oid,
        namespace,
        name: relation.name.to_string(),
        kind,
        columns: relation
            .columns
            .iter()
            .map(|(name, ty)| (name.to_string(), catalog_type_oid(*ty), -1, false))
            .collect(),
        description: None,
    }
}

/// The Postgres type OID catalog columns of a [`Ty`] are described with.
fn catalog_type_oid(ty: Ty) -> i64 {
    match ty {
        Ty::Bool => 16,
        Ty::Int2 => 21,
        Ty::Int4 => 23,
        Ty::Int8 => 20,
        Ty::Float4 => 700,
        Ty::Oid => 26,
        Ty::Text => 25,
        Ty::Name => 19,
        Ty::Varchar => 1043,
        Ty::TextArray => 1009,
        Ty::OidArray => 1028,
        Ty::Int2Array => 1005,
    }
}

/// A built-in type by OID.
pub fn builtin(oid: i64) -> Option<&'static BuiltinType> {
    BUILTIN_TYPES.iter().find(|t| t.oid == oid)
}

/// A type with the modifier a column declared (`atttypmod`) put back.
pub fn with_modifier(ty: PgType, modifier: i32) -> PgType {
    const VARHDRSZ: i32 = 4;
    match ty {
        PgType::Numeric(_) if modifier >= VARHDRSZ => {
            let packed = modifier - VARHDRSZ;
            PgType::Numeric(Some(((packed >> 16) as u8, (packed & 0xffff) as i8)))
        }
        PgType::Varchar(_) if modifier >= VARHDRSZ => PgType::Varchar(Some((modifier - VARHDRSZ) as u32)),
        PgType::Char(_) if modifier >= VARHDRSZ => PgType::Char((modifier - VARHDRSZ) as u32),
        PgType::Char(_) => PgType::Char(1),
        other => other,
    }
}

/// `information_schema.columns.data_type`: the SQL name without modifiers (`ARRAY` for arrays).
fn sql_data_type(ty: PgType) -> String {
    match ty {
        PgType::Array(_) => "ARRAY".into(),
        PgType::Numeric(_) => "numeric".into(),
        PgType::Varchar(_) => "character varying".into(),
        PgType::Char(_) => "character".into(),
        other => other.to_string(),
    }
}

/// Length, precision and scale columns of `information_schema.columns`.
fn numeric_facets(ty: PgType) -> Vec<(&'static str, Cell)> {
    let binary = |bits: i64| vec![("numeric_precision", bits.into()), ("numeric_precision_radix", 2.into())];
    match ty {
        PgType::Int2 => [binary(16), vec![("numeric_scale", 0.into())]].concat(),
        PgType::Int4 => [binary(32), vec![("numeric_scale", 0.into())]].concat(),
        PgType::Int8 => [binary(64), vec![("numeric_scale", 0.into())]].concat(),
        PgType::Float4 => binary(24),
        PgType::Float8 => binary(53),
        PgType::Numeric(Some((p, s))) => vec![
            ("numeric_precision", i64::from(p).into()),
            ("numeric_precision_radix", 10.into()),
            ("numeric_scale", i64::from(s).into()),
        ],
        PgType::Numeric(None) => vec![("numeric_precision_radix", 10.into())],
        PgType::Varchar(Some(n)) | PgType::Char(n) => vec![
            ("character_maximum_length", i64::from(n).into()),
            ("character_octet_length", (i64::from(n) * 4).into()),
        ],
        PgType::Varchar(None) | PgType::Text => vec![("character_octet_length", 1_073_741_824.into())],
        PgType::Date => vec![("datetime_precision", 0.into())],
        PgType::Time | PgType::Timestamp | PgType::Timestamptz | PgType::Interval => {
            vec![("datetime_precision", 6.into())]
        }
        _ => Vec::new(),
    }
}

fn types() -> Vec<Row> {
    BUILTIN_TYPES
        .iter()
        .map(|t| {
            vec![
                ("oid", t.oid.into()),
                ("typname", t.name.into()),
                ("typnamespace", PG_CATALOG.into()),
                ("typowner", OWNER.into()),
                ("typlen", i64::from(t.len).into()),
                ("typbyval", t.by_value.into()),
                ("typtype", 'b'.into()),
                ("typcategory", t.category.into()),
                ("typispreferred", t.preferred.into()),
                ("typisdefined", true.into()),
                ("typdelim", ','.into()),
                ("typrelid", 0.into()),
                ("typsubscript", 0.into()),
                ("typelem", t.element.into()),
                ("typarray", t.array.into()),
                ("typinput", 0.into()),
                ("typoutput", 0.into()),
                ("typreceive", 0.into()),
                ("typsend", 0.into()),
                ("typmodin", 0.into()),
                ("typmodout", 0.into()),
                ("typanalyze", 0.into()),
                ("typalign", t.align.into()),
                ("typstorage", t.storage.into()),
                ("typnotnull", false.into()),
                ("typbasetype", 0.into()),
                ("typtypmod", (-1).into()),
                ("typndims", 0.into()),
                ("typcollation", t.collation.into()),
            ]
        })
        .collect()
}

fn access_methods() -> Vec<Row> {
    [(HEAP, "heap", 't'), (BTREE, "btree", 'i'), (405, "hash", 'i'), (783, "gist", 'i'), (2742, "gin", 'i')]
        .into_iter()
        .map(|(oid, name, kind)| {
            vec![("oid", oid.into()), ("amname", name.into()), ("amhandler", 0.into()), ("amtype", kind.into())]
        })
        .collect()
}

fn collations() -> Vec<Row> {
    [(DEFAULT_COLLATION, "default", 'd', ""), (950, "C", 'c', "C"), (951, "POSIX", 'c', "POSIX")]
        .into_iter()
        .map(|(oid, name, provider, locale)| {
            let mut row: Row = vec![
                ("oid", oid.into()),
                ("collname", name.into()),
                ("collnamespace", PG_CATALOG.into()),
                ("collowner", OWNER.into()),
                ("collprovider", provider.into()),
                ("collisdeterministic", true.into()),
                ("collencoding", (-1).into()),
            ];
            if !locale.is_empty() {
                row.push(("collcollate", locale.into()));
                row.push(("collctype", locale.into()));
            }
            row
        })
        .collect()
}

fn tablespaces() -> Vec<Row> {
    [(1663, "pg_default"), (1664, "pg_global")]
        .into_iter()
        .map(|(oid, name)| vec![("oid", oid.into()), ("spcname", name.into()), ("spcowner", OWNER.into())])
        .collect()
}

fn languages() -> Vec<Row> {
    [(12, "internal"), (13, "c"), (14, "sql")]
        .into_iter()
        .map(|(oid, name)| {
            vec![
                ("oid", oid.into()),
                ("lanname", name.into()),
                ("lanowner", OWNER.into()),
                ("lanispl", false.into()),
                ("lanpltrusted", (name == "sql").into()),
            ]
        })
        .collect()
}

/// An identifier as Postgres' `quote_ident` writes it.
pub fn quote_ident(name: &str) -> String {
    connectors::pgfunctions::keywords::quote_ident(name)
}
