// pgJDBC through packwire: a PreparedStatement beyond its fifth execution (when pgJDBC switches
// to a named server-side statement), DatabaseMetaData.getTables/getColumns/getPrimaryKeys,
// every supported type, and setFetchSize(100) on a 10,000-row result inside a transaction.
// Each check runs on packwire (DATABASE_URL) and on Postgres (ORACLE_URL); the answers must be
// the same.

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

public class JdbcClient {
    interface Check {
        String run(Connection connection) throws Exception;
    }

    static final List<String> failures = new ArrayList<>();

    /** postgresql://user[:password]@host:port/database[?params] → a JDBC connection (the
     *  parameters, e.g. sslmode and sslrootcert, are pgJDBC's too). */
    static Connection connect(String url) throws Exception {
        URI uri = new URI(url);
        String database = uri.getRawPath().substring(1);
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + "/" + database;
        if (uri.getRawQuery() != null) jdbc += "?" + uri.getRawQuery();
        String[] credentials = uri.getUserInfo().split(":", 2);
        return DriverManager.getConnection(jdbc, credentials[0], credentials.length > 1 ? credentials[1] : "");
    }

    static String rows(ResultSet rs) throws Exception {
        StringBuilder out = new StringBuilder();
        ResultSetMetaData meta = rs.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            out.append(meta.getColumnLabel(i)).append(':').append(meta.getColumnTypeName(i)).append(' ');
        }
        out.append('\n');
        while (rs.next()) {
            for (int i = 1; i <= meta.getColumnCount(); i++) out.append(rs.getString(i)).append('|');
            out.append('\n');
        }
        return out.toString();
    }

    /** Whether the backend under test refuses a check (REFUSED_CHECKS: label prefixes, comma-separated). */
    static boolean refused(String label) {
        String list = System.getenv("REFUSED_CHECKS");
        if (list == null) return false;
        for (String prefix : list.split(",")) if (!prefix.isEmpty() && label.startsWith(prefix)) return true;
        return false;
    }

    static void same(String label, Check check) {
        String got;
        try (Connection connection = connect(System.getenv("DATABASE_URL"))) {
            got = check.run(connection);
        } catch (Exception e) {
            if (refused(label) && e instanceof java.sql.SQLException && "0A000".equals(((java.sql.SQLException) e).getSQLState())) {
                System.out.println("ok " + label + " (refused: " + e.getMessage() + ")");
                return;
            }
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(trace));
            failures.add(label + ": packwire raised " + trace);
            return;
        }
        if (refused(label)) {
            failures.add(label + ": packwire answered where 0A000 was expected");
            return;
        }
        String want;
        try (Connection connection = connect(System.getenv("ORACLE_URL"))) {
            want = check.run(connection);
        } catch (Exception e) {
            failures.add(label + ": postgres raised " + e);
            return;
        }
        if (!got.equals(want)) failures.add(label + ":\n  packwire: " + got + "\n  postgres: " + want);
        else System.out.println("ok " + label);
    }

    public static void main(String[] args) {
        same("PreparedStatement executed 8 times", c -> {
            StringBuilder out = new StringBuilder();
            try (PreparedStatement ps = c.prepareStatement("SELECT n_name, n_regionkey FROM nation WHERE n_nationkey = ?")) {
                for (int key = 0; key < 8; key++) {
                    ps.setLong(1, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        out.append(rows(rs));
                    }
                }
            }
            return out.toString();
        });
        same("aggregate with a join", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT r_name, count(*) AS nations, sum(n_nationkey) AS keys FROM nation "
                    + "JOIN region ON n_regionkey = r_regionkey GROUP BY r_name ORDER BY r_name")) {
                return rows(rs);
            }
        });
        same("every type", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM alltypes ORDER BY id")) {
                return rows(rs);
            }
        });
        same("DatabaseMetaData.getTables", c -> {
            StringBuilder out = new StringBuilder();
            try (ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
                while (rs.next()) out.append(rs.getString("TABLE_SCHEM")).append('.').append(rs.getString("TABLE_NAME"))
                        .append(' ').append(rs.getString("TABLE_TYPE")).append('\n');
            }
            return out.toString();
        });
        same("DatabaseMetaData.getColumns", c -> {
            StringBuilder out = new StringBuilder();
            try (ResultSet rs = c.getMetaData().getColumns(null, "public", "lineitem", "%")) {
                while (rs.next()) {
                    out.append(rs.getString("COLUMN_NAME")).append(' ').append(rs.getString("TYPE_NAME")).append(' ')
                            .append(rs.getInt("DATA_TYPE")).append(' ').append(rs.getInt("COLUMN_SIZE")).append(' ')
                            .append(rs.getInt("DECIMAL_DIGITS")).append(' ').append(rs.getInt("NULLABLE")).append(' ')
                            .append(rs.getInt("ORDINAL_POSITION")).append('\n');
                }
            }
            return out.toString();
        });
        same("DatabaseMetaData.getPrimaryKeys", c -> {
            StringBuilder out = new StringBuilder();
            try (ResultSet rs = c.getMetaData().getPrimaryKeys(null, "public", "lineitem")) {
                while (rs.next()) out.append(rs.getString("COLUMN_NAME")).append(' ').append(rs.getInt("KEY_SEQ"))
                        .append(' ').append(rs.getString("PK_NAME")).append('\n');
            }
            return out.toString();
        });
        same("setFetchSize(100) over 10,000 rows in a transaction", c -> {
            c.setAutoCommit(false);
            long count = 0;
            long sum = 0;
            try (Statement s = c.createStatement()) {
                s.setFetchSize(100);
                try (ResultSet rs = s.executeQuery(
                        "SELECT l_orderkey, l_linenumber FROM lineitem ORDER BY 1, 2 LIMIT 10000")) {
                    while (rs.next()) {
                        count++;
                        sum += rs.getLong(1) * 10 + rs.getLong(2);
                    }
                }
            }
            c.commit();
            return count + " rows, checksum " + sum;
        });
        for (String failure : failures) System.err.println("FAILED [pgJDBC] " + failure);
        System.exit(failures.isEmpty() ? 0 : 1);
    }
}
