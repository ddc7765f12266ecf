// node-postgres through packwire: parameterized queries, named prepared statements, every
// supported type, reflection through information_schema, and a cursor that pages through a
// result larger than one fetch. Each check runs on packwire (DATABASE_URL) and on Postgres
// itself (ORACLE_URL); what the driver returns must be the same.
'use strict';
const { Client } = require('pg');
const Cursor = require('pg-cursor');

const failures = [];

async function connected(url, work) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// Results as comparable text: field names and type OIDs, then rows (Buffers as hex).
function shape(result) {
  const fields = result.fields.map((f) => [f.name, f.dataTypeID]);
  return JSON.stringify({ fields, rows: result.rows }, (key, value) =>
    value && value.type === 'Buffer' ? Buffer.from(value.data).toString('hex') : value);
}

// Checks the backend under test refuses (REFUSED_CHECKS: label prefixes, comma-separated):
// packwire must raise SQLSTATE 0A000 instead of answering.
const refusedChecks = (process.env.REFUSED_CHECKS || '').split(',').filter((p) => p);
const refused = (label) => refusedChecks.some((p) => label.startsWith(p));

async function same(label, work) {
  let got;
  try {
    got = await connected(process.env.DATABASE_URL, work);
  } catch (error) {
    if (refused(label) && error.code === '0A000') {
      console.log(`ok ${label} (refused: ${error.message})`);
      return;
    }
    failures.push(`${label}: packwire raised ${error.stack}`);
    return;
  }
  if (refused(label)) {
    failures.push(`${label}: packwire answered where 0A000 was expected`);
    return;
  }
  const want = await connected(process.env.ORACLE_URL, work);
  if (got !== want) failures.push(`${label}:\n  packwire: ${got}\n  postgres: ${want}`);
  else console.log(`ok ${label}`);
}

const NATION = 'SELECT n_name, n_regionkey FROM nation WHERE n_nationkey = $1';

async function main() {
  await same('parameterized query', async (c) => shape(await c.query(NATION, [3])));
  await same('named prepared statement, executed 6 times', async (c) => {
    let last;
    for (let key = 0; key < 6; key++) last = await c.query({ name: 'nation_by_key', text: NATION, values: [key] });
    return shape(last);
  });
  await same('aggregate with a join', async (c) => shape(await c.query(
    'SELECT r_name, count(*) AS nations, sum(n_nationkey) AS keys FROM nation ' +
    'JOIN region ON n_regionkey = r_regionkey GROUP BY r_name ORDER BY r_name')));
  // JavaScript arrays: node-postgres sends them as array text with no type (the server infers).
  await same('array parameters', async (c) => shape(await c.query(
    'SELECT n_nationkey, n_nationkey = ANY($1) AS hit FROM nation ' +
    'WHERE n_name <> ALL($2) AND n_regionkey = ANY($3) ORDER BY n_nationkey',
    [[1, 2, null], ['BRAZIL', 'PERU'], [1, 2]])));
  await same('every type', async (c) => shape(await c.query('SELECT * FROM alltypes ORDER BY id')));
  await same('reflection', async (c) => shape(await c.query(
    "SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns " +
    "WHERE table_schema = 'public' ORDER BY table_name, ordinal_position")));
  await same('cursor paging through lineitem', async (c) => {
    const cursor = c.query(new Cursor(
      'SELECT l_orderkey, l_linenumber, l_quantity FROM lineitem WHERE l_quantity > $1 ORDER BY 1, 2', [10]));
    let count = 0;
    let sum = 0;
    for (;;) {
      const rows = await cursor.read(1000);
      if (rows.length === 0) break;
      count += rows.length;
      for (const row of rows) sum += Number(row.l_quantity);
    }
    await cursor.close();
    return JSON.stringify({ count, sum });
  });
  for (const failure of failures) console.error(`FAILED [node-postgres] ${failure}`);
  process.exit(failures.length ? 1 : 0);
}

main().catch((error) => {
  console.error(`FAILED [node-postgres] ${error.stack}`);
  process.exit(1);
});
