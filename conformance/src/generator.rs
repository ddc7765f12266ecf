//! The differential query generator: with a fixed seed, random but valid SELECTs over the TPC-H
//! schema — joins along foreign keys, filters, GROUP BY/HAVING, window functions, subqueries,
//! ORDER BY/LIMIT — whose results are deterministic (every LIMIT sits under an ORDER BY over all
//! output columns, every row-numbering window orders by a key).
//!
//! The random source is a hand-written SplitMix64: ten lines, stable across versions (a seed must
//! name the same queries forever), where `rand` changes its streams between releases.

/// The kind of a column, for choosing operators and literals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Int,
    Decimal,
    Text,
    Date,
}

struct TableInfo {
    name: &'static str,
    alias: &'static str,
    key: &'static [&'static str],
    columns: &'static [(&'static str, Kind)],
}

const TABLES: &[TableInfo] = &[
    TableInfo {
        name: "region",
        alias: "r",
        key: &["r_regionkey"],
        columns: &[("r_regionkey", Kind::Int), ("r_name", Kind::Text)],
    },
    TableInfo {
        name: "nation",
        alias: "n",
        key: &["n_nationkey"],
        columns: &[("n_nationkey", Kind::Int), ("n_name", Kind::Text), ("n_regionkey", Kind::Int)],
    },
    TableInfo {
        name: "supplier",
        alias: "s",
        key: &["s_suppkey"],
        columns: &[
            ("s_suppkey", Kind::Int),
            ("s_name", Kind::Text),
            ("s_nationkey", Kind::Int),
            ("s_acctbal", Kind::Decimal),
        ],
    },
    TableInfo {
        name: "customer",
        alias: "c",
        key: &["c_custkey"],
        columns: &[
            ("c_custkey", Kind::Int),
            ("c_name", Kind::Text),
            ("c_nationkey", Kind::Int),
            ("c_acctbal", Kind::Decimal),
            ("c_mktsegment", Kind::Text),
        ],
    },
    TableInfo {
        name: "part",
        alias: "p",
        key: &["p_partkey"],
        columns: &[
            ("p_partkey", Kind::Int),
            ("p_brand", Kind::Text),
            ("p_type", Kind::Text),
            ("p_size", Kind::Int),
            ("p_container", Kind::Text),
            ("p_retailprice", Kind::Decimal),
        ],
    },
    TableInfo {
        name: "partsupp",
        alias: "ps",
        key: &["ps_partkey", "ps_suppkey"],
        columns: &[
            ("ps_partkey", Kind::Int),
            ("ps_suppkey", Kind::Int),
            ("ps_availqty", Kind::Int),
            ("ps_supplycost", Kind::Decimal),
        ],
    },
    TableInfo {
        name: "orders",
        alias: "o",
        key: &["o_orderkey"],
        columns: &[
            ("o_orderkey", Kind::Int),
            ("o_custkey", Kind::Int),
            ("o_orderstatus", Kind::Text),
            ("o_totalprice", Kind::Decimal),
            ("o_orderdate", Kind::Date),
            ("o_orderpriority", Kind::Text),
            ("o_shippriority", Kind::Int),
        ],
    },
    TableInfo {
        name: "lineitem",
        alias: "l",
        key: &["l_orderkey", "l_linenumber"],
        columns: &[
            ("l_orderkey", Kind::Int),
            ("l_partkey", Kind::Int),
            ("l_suppkey", Kind::Int),
            ("l_linenumber", Kind::Int),
            ("l_quantity", Kind::Decimal),
            ("l_extendedprice", Kind::Decimal),
            ("l_discount", Kind::Decimal),
            ("l_tax", Kind::Decimal),
            ("l_returnflag", Kind::Text),
            ("l_linestatus", Kind::Text),
            ("l_shipdate", Kind::Date),
            ("l_shipmode", Kind::Text),
        ],
    },
];

/// Foreign keys: (table, column, referenced table, referenced column).
const JOINS: &[(&str, &str, &str, &str)] = &[
    ("nation", "n_regionkey", "region", "r_regionkey"),
    ("supplier", "s_nationkey", "nation", "n_nationkey"),
    ("customer", "c_nationkey", "nation", "n_nationkey"),
    ("partsupp", "ps_partkey", "part", "p_partkey"),
    ("partsupp", "ps_suppkey", "supplier", "s_suppkey"),
    ("orders", "o_custkey", "customer", "c_custkey"),
    ("lineitem", "l_orderkey", "orders", "o_orderkey"),
    ("lineitem", "l_partkey", "part", "p_partkey"),
    ("lineitem", "l_suppkey", "supplier", "s_suppkey"),
];

/// A seeded stream of queries.
pub struct Generator {
    state: u64,
}

impl Generator {
    pub fn new(seed: u64) -> Generator {
        Generator { state: seed }
    }

    fn next(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'t, T>(&mut self, items: &'t [T]) -> &'t T {
        &items[self.below(items.len())]
    }

    /// The next query.
    pub fn query(&mut self) -> String {
        let tables = self.joined_tables();
        let from = self.join_clause(&tables);
        let columns: Vec<(String, Kind)> =
            tables.iter().flat_map(|t| t.columns.iter().map(move |(c, k)| (format!("{}.{c}", t.alias), *k))).collect();
        let mut predicates = Vec::new();
        for _ in 0..self.below(3) {
            predicates.push(self.predicate(&columns));
        }
        if self.chance(25) {
            predicates.push(self.subquery_predicate(&tables));
        }
        let filter = if predicates.is_empty() { String::new() } else { format!(" WHERE {}", predicates.join(" AND ")) };
        match self.below(3) {
            0 => self.plain(&tables, &columns, &from, &filter),
            1 => self.grouped(&columns, &from, &filter),
            _ => self.windowed(&tables, &columns, &from, &filter),
        }
    }

    /// One to three tables connected by foreign keys.
    fn joined_tables(&mut self) -> Vec<&'static TableInfo> {
        let first = self.pick(TABLES);
        let mut tables = vec![first];
        for _ in 0..self.below(3) {
            let candidates: Vec<&'static TableInfo> = JOINS
                .iter()
                .filter_map(|(a, _, b, _)| {
                    let in_a = tables.iter().any(|t| t.name == *a);
                    let in_b = tables.iter().any(|t| t.name == *b);
                    match (in_a, in_b) {
                        (true, false) => TABLES.iter().find(|t| t.name == *b),
                        (false, true) => TABLES.iter().find(|t| t.name == *a),
                        _ => None,
                    }
                })
                .collect();
            if candidates.is_empty() {
                break;
            }
            tables.push(*self.pick(&candidates));
        }
        tables
    }

    fn join_clause(&mut self, tables: &[&'static TableInfo]) -> String {
        let mut from = format!("{} {}", tables[0].name, tables[0].alias);
        for (index, table) in tables.iter().enumerate().skip(1) {
            let earlier = &tables[..index];
            let condition = JOINS
                .iter()
                .find_map(|(a, ac, b, bc)| {
                    let alias = |name: &str| earlier.iter().find(|t| t.name == name).map(|t| t.alias);
                    if *a == table.name {
                        alias(b).map(|other| format!("{}.{ac} = {other}.{bc}", table.alias))
                    } else if *b == table.name {
                        alias(a).map(|other| format!("{other}.{ac} = {}.{bc}", table.alias))
                    } else {
                        None
                    }
                })
                .unwrap_or_else(|| "true".into());
            let join = if self.chance(20) { "LEFT JOIN" } else { "JOIN" };
            from.push_str(&format!(" {join} {} {} ON {condition}", table.name, table.alias));
        }
        from
    }

    fn literal(&mut self, column: &str, kind: Kind) -> String {
        match kind {
            Kind::Int if column.ends_with("nationkey") => self.below(25).to_string(),
            Kind::Int if column.ends_with("regionkey") => self.below(5).to_string(),
            Kind::Int if column.ends_with("linenumber") || column.ends_with("shippriority") => {
                self.below(7).to_string()
            }
            Kind::Int if column.ends_with("size") => (1 + self.below(50)).to_string(),
            Kind::Int if column.ends_with("availqty") => (self.below(10_000)).to_string(),
            Kind::Int => (1 + self.below(3_000)).to_string(),
            Kind::Decimal if column.ends_with("discount") || column.ends_with("tax") => {
                format!("0.{:02}", self.below(11))
            }
            Kind::Decimal if column.ends_with("quantity") => (1 + self.below(50)).to_string(),
            Kind::Decimal => format!("{}.{:02}", self.below(100_000), self.below(100)),
            Kind::Date => {
                format!("DATE '{}-{:02}-{:02}'", 1992 + self.below(7), 1 + self.below(12), 1 + self.below(28))
            }
            Kind::Text => {
                let value = match column {
                    c if c.ends_with("mktsegment") => {
                        *self.pick(&["BUILDING", "AUTOMOBILE", "MACHINERY", "HOUSEHOLD", "FURNITURE"])
                    }
                    c if c.ends_with("orderstatus") => *self.pick(&["F", "O", "P"]),
                    c if c.ends_with("returnflag") => *self.pick(&["A", "N", "R"]),
                    c if c.ends_with("linestatus") => *self.pick(&["F", "O"]),
                    c if c.ends_with("shipmode") => *self.pick(&["AIR", "MAIL", "SHIP", "TRUCK", "RAIL", "FOB"]),
                    c if c.ends_with("r_name") => *self.pick(&["AMERICA", "ASIA", "EUROPE", "AFRICA"]),
                    c if c.ends_with("orderpriority") => *self.pick(&["1-URGENT", "2-HIGH", "5-LOW"]),
                    _ => *self.pick(&["A", "B", "Brand#1", "ECONOMY", "STEEL", "MED BOX", "Customer#0000001"]),
                };
                format!("'{value}'")
            }
        }
    }

    fn predicate(&mut self, columns: &[(String, Kind)]) -> String {
        let (column, kind) = self.pick(columns).clone();
        let name = column.split('.').nth(1).unwrap_or(&column).to_string();
        match kind {
            Kind::Text if self.chance(40) => {
                let pattern = *self.pick(&["%A%", "B%", "%1", "%ECONOMY%", "%#2%", "%o%"]);
                format!("{column} LIKE '{pattern}'")
            }
            Kind::Text => format!("{column} {} {}", self.pick(&["=", "<>", "<", ">="]), self.literal(&name, kind)),
            _ if self.chance(15) => {
                let (low, high) = (self.literal(&name, kind), self.literal(&name, kind));
                format!("{column} BETWEEN {low} AND {high}")
            }
            _ if self.chance(10) => format!("{column} IS NOT NULL"),
            _ => format!("{column} {} {}", self.pick(&["=", "<>", "<", "<=", ">", ">="]), self.literal(&name, kind)),
        }
    }

    fn subquery_predicate(&mut self, tables: &[&'static TableInfo]) -> String {
        let (outer, column, other, other_column) = loop {
            let (a, ac, b, bc) = *self.pick(JOINS);
            if let Some(t) = tables.iter().find(|t| t.name == a) {
                break (t.alias, ac, b, bc);
            }
            if let Some(t) = tables.iter().find(|t| t.name == b) {
                break (t.alias, bc, a, ac);
            }
        };
        let inner = TABLES.iter().find(|t| t.name == other).map(|t| t.columns).unwrap_or(&[]);
        let (filter_column, kind) = *self.pick(inner);
        let literal = self.literal(filter_column, kind);
        let op = if kind == Kind::Text { "=" } else { *self.pick(&["<", ">", "="]) };
        if self.chance(50) {
            format!(
                "{outer}.{column} IN (SELECT x.{other_column} FROM {other} x WHERE x.{filter_column} {op} {literal})"
            )
        } else {
            format!(
                "{}EXISTS (SELECT 1 FROM {other} x WHERE x.{other_column} = {outer}.{column} AND x.{filter_column} {op} {literal})",
                if self.chance(30) { "NOT " } else { "" }
            )
        }
    }

    fn limit(&mut self) -> String {
        if self.chance(60) { format!(" LIMIT {}", 1 + self.below(20)) } else { String::new() }
    }

    fn plain(&mut self, tables: &[&'static TableInfo], columns: &[(String, Kind)], from: &str, filter: &str) -> String {
        let mut output: Vec<String> = tables[0].key.iter().map(|k| format!("{}.{k}", tables[0].alias)).collect();
        for _ in 0..1 + self.below(3) {
            let (column, kind) = self.pick(columns).clone();
            let expr = match kind {
                Kind::Decimal if self.chance(30) => format!("{column} * 2"),
                Kind::Int if self.chance(20) => format!("{column} + 1"),
                Kind::Text if self.chance(20) => format!("upper({column})"),
                _ => column,
            };
            if !output.contains(&expr) {
                output.push(expr);
            }
        }
        let distinct = if self.chance(10) { "DISTINCT " } else { "" };
        let order: Vec<String> = (1..=output.len()).map(|i| i.to_string()).collect();
        format!(
            "SELECT {distinct}{} FROM {from}{filter} ORDER BY {}{}",
            output.join(", "),
            order.join(", "),
            self.limit()
        )
    }

    fn grouped(&mut self, columns: &[(String, Kind)], from: &str, filter: &str) -> String {
        let groupable: Vec<&(String, Kind)> = columns
            .iter()
            .filter(|(c, k)| *k != Kind::Decimal && !c.ends_with("key") || c.ends_with("nationkey"))
            .collect();
        let mut groups: Vec<String> = Vec::new();
        for _ in 0..1 + self.below(2) {
            let (column, kind) = (*self.pick(&groupable)).clone();
            let expr =
                if kind == Kind::Date && self.chance(50) { format!("date_trunc('year', {column})") } else { column };
            if !groups.contains(&expr) {
                groups.push(expr);
            }
        }
        let numeric: Vec<&(String, Kind)> =
            columns.iter().filter(|(_, k)| matches!(k, Kind::Int | Kind::Decimal)).collect();
        let mut aggregates = vec!["count(*)".to_string()];
        for _ in 0..1 + self.below(3) {
            let (column, _) = (*self.pick(&numeric)).clone();
            let function = *self.pick(&["sum", "min", "max", "avg", "count"]);
            let aggregate = if function == "count" && self.chance(50) {
                format!("count(DISTINCT {column})")
            } else {
                format!("{function}({column})")
            };
            if !aggregates.contains(&aggregate) {
                aggregates.push(aggregate);
            }
        }
        let having = if self.chance(30) { format!(" HAVING count(*) > {}", self.below(5)) } else { String::new() };
        let output: Vec<String> = groups.iter().chain(aggregates.iter()).cloned().collect();
        let order: Vec<String> = (1..=output.len()).map(|i| i.to_string()).collect();
        format!(
            "SELECT {} FROM {from}{filter} GROUP BY {}{having} ORDER BY {}{}",
            output.join(", "),
            groups.join(", "),
            order.join(", "),
            self.limit()
        )
    }

    fn windowed(
        &mut self,
        tables: &[&'static TableInfo],
        columns: &[(String, Kind)],
        from: &str,
        filter: &str,
    ) -> String {
        let key: Vec<String> = tables[0].key.iter().map(|k| format!("{}.{k}", tables[0].alias)).collect();
        let partition = self.pick(columns).0.clone();
        let (order_column, _) = self.pick(columns).clone();
        let numeric: Vec<&(String, Kind)> =
            columns.iter().filter(|(_, k)| matches!(k, Kind::Int | Kind::Decimal)).collect();
        let (value, _) = (*self.pick(&numeric)).clone();
        let window = match self.below(5) {
            0 => format!("row_number() OVER (PARTITION BY {partition} ORDER BY {order_column}, {})", key.join(", ")),
            1 => format!("rank() OVER (PARTITION BY {partition} ORDER BY {order_column})"),
            2 => format!("dense_rank() OVER (ORDER BY {order_column})"),
            3 => format!("sum({value}) OVER (PARTITION BY {partition})"),
            _ => format!("count(*) OVER (PARTITION BY {partition} ORDER BY {order_column})"),
        };
        let mut output = key.clone();
        output.push(order_column);
        output.push(window);
        let order: Vec<String> = (1..=output.len()).map(|i| i.to_string()).collect();
        format!("SELECT {} FROM {from}{filter} ORDER BY {}{}", output.join(", "), order.join(", "), self.limit())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seed_always_names_the_same_queries() {
        let first: Vec<String> = {
            let mut g = Generator::new(7);
            (0..20).map(|_| g.query()).collect()
        };
        let again: Vec<String> = {
            let mut g = Generator::new(7);
            (0..20).map(|_| g.query()).collect()
        };
        assert_eq!(first, again);
        assert!(first.iter().all(|q| q.starts_with("SELECT ")));
        assert_ne!(first, {
            let mut g = Generator::new(8);
            (0..20).map(|_| g.query()).collect::<Vec<_>>()
        });
    }

    #[test]
    fn generated_queries_parse_and_resolve() {
        let mut g = Generator::new(1);
        for _ in 0..200 {
            let sql = g.query();
            rewrite::parse(&sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
        }
    }
}
