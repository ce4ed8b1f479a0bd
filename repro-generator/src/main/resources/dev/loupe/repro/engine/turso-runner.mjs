// Loupe's Turso runner: runs SQL statements on Turso (@tursodatabase/database) and prints typed results as JSON
// lines, one per statement, for dev.loupe.repro.engine.TursoEngine. It lives next to node_modules in the folder
// `loupe engines install turso` fills, so that the import below resolves there.
//
// Each statement is prepared with its terminating semicolon, as the sqlite3 shell receives it.
// Input (stdin): {"database": "/path.db" or null for in-memory, "statements": ["SELECT 1", ...]}
// Output (stdout), JSON lines:
//   {"engine": "turso", "version": "<package version>", "sqliteVersion": "<sqlite_version()>"}
//   per statement: {"columns": [...], "rows": [[value, ...], ...]} or {"error": {"code": "...", "message": "..."}}
//   {"done": true}
// Values: null | {"i": "<integer, decimal>"} | {"r": <number> or "Inf" / "-Inf" / "NaN" / "-0"} | {"t": "<text>"}
//         | {"b": "<blob, lowercase hex>"}
// With --version it prints the first line only.
import { connect } from '@tursodatabase/database';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

function packageVersion() {
  try {
    const p = join(here, 'node_modules', '@tursodatabase', 'database', 'package.json');
    return JSON.parse(readFileSync(p, 'utf8')).version;
  } catch (e) {
    return 'unknown';
  }
}

async function emit(obj) {
  if (!process.stdout.write(JSON.stringify(obj) + '\n')) {
    await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}

function value(v) {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return { i: v.toString() };
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return { r: 'NaN' };
    if (v === Infinity) return { r: 'Inf' };
    if (v === -Infinity) return { r: '-Inf' };
    if (Object.is(v, -0)) return { r: '-0' };
    return { r: v };
  }
  if (typeof v === 'string') return { t: v };
  if (v instanceof Uint8Array) return { b: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex') };
  return { t: String(v) };
}

function error(e) {
  return { error: { code: String(e && e.code !== undefined ? e.code : ''), message: String(e && e.message !== undefined ? e.message : e) } };
}

async function readStdin() {
  const chunks = [];
  for await (const c of process.stdin) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

async function main() {
  const db = await connect(':memory:');
  let sqliteVersion = 'unknown';
  try {
    const st = await db.prepare('SELECT sqlite_version()');
    st.raw(true);
    sqliteVersion = String((await st.all())[0][0]);
  } catch (e) {
    // an engine without sqlite_version() still runs scripts
  }
  await emit({ engine: 'turso', version: packageVersion(), sqliteVersion });
  await db.close();
  if (process.argv.includes('--version')) return;

  const input = JSON.parse(await readStdin());
  const target = await connect(input.database ?? ':memory:');
  for (const sql of input.statements) {
    let st;
    try {
      st = await target.prepare(sql + ';');
    } catch (e) {
      await emit(error(e));
      continue;
    }
    try {
      const columns = st.columns().map((c) => c.name);
      st.raw(true);
      st.safeIntegers(true);
      const rows = await st.all();
      await emit({ columns, rows: rows.map((r) => r.map(value)) });
    } catch (e) {
      await emit(error(e));
    }
  }
  await target.close();
  await emit({ done: true });
}

main().catch((e) => {
  process.stderr.write('loupe turso runner: ' + (e && e.stack ? e.stack : String(e)) + '\n');
  process.exitCode = 70;
});
