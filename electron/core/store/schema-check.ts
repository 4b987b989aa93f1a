import Sqlite from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { RekeyError } from '../errors.js';
import { SCHEMA_VERSION, migrate } from './migrations.js';

interface SchemaObject {
  readonly type: string;
  readonly name: string;
  readonly tbl_name: string;
  readonly sql: string | null;
}

const READ_SCHEMA = 'SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name';

/** What the migrations create, by schema version: built once per process on an in-memory database. */
const expectedByVersion = new Map<number, Map<string, SchemaObject>>();

function expectedSchema(version: number): Map<string, SchemaObject> {
  let expected = expectedByVersion.get(version);
  if (expected === undefined) {
    const scratch = new Sqlite(':memory:');
    try {
      migrate(scratch, version);
      expected = byKey(scratch.prepare(READ_SCHEMA).all() as SchemaObject[]);
    } finally {
      scratch.close();
    }
    expectedByVersion.set(version, expected);
  }
  return expected;
}

const byKey = (objects: readonly SchemaObject[]) => new Map(objects.map((object) => [`${object.type} ${object.name}`, object]));

/**
 * Refuses a vault whose schema is not exactly what Rekey's migrations create for its version:
 * no unknown trigger, view, table or index, and none altered or missing. A trigger planted in
 * the file would otherwise run with our writes (rewriting a row after its MAC was computed, or
 * copying values elsewhere). A version newer than this Rekey is left for migrate() to refuse.
 */
export function checkSchema(db: Database, path: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION || version < 0) return;
  const expected = expectedSchema(version);
  const actual = byKey(db.prepare(READ_SCHEMA).all() as SchemaObject[]);
  const problems: string[] = [];
  for (const [key, object] of actual) {
    const wanted = expected.get(key);
    if (wanted === undefined) problems.push(`a ${object.type} "${object.name}" that Rekey did not create`);
    else if (wanted.tbl_name !== object.tbl_name || wanted.sql !== object.sql) problems.push(`an altered ${object.type} "${object.name}"`);
  }
  for (const [key, object] of expected) if (!actual.has(key)) problems.push(`no ${object.type} "${object.name}" (it was removed)`);
  if (problems.length > 0) {
    throw new RekeyError(
      'integrity',
      `The vault database at ${path} was changed outside Rekey: it has ${problems.join(', ')}. ` +
        'Rekey does not open it, so nothing in it runs; restore a backup (`rekey restore`), or remove what was added with the sqlite3 tool if you made the change yourself.',
    );
  }
}
