/**
 * The POSIX portable name: every shell can `export` it and every dotenv parser reads it as a
 * key. dotenv for Node also accepts `.` and `-`, but a shell cannot source those.
 */
const ENV_VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isValidEnvVarName(name: string): boolean {
  return ENV_VAR_NAME.test(name);
}

export const ENV_VAR_NAME_RULE = 'letters, digits and underscores, not starting with a digit';
