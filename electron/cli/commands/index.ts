import type { Command } from '../command.js';
import { backup, restore } from './backup-commands.js';
import { due, history, list, show } from './listing-commands.js';
import { add, edit, expose, get, remove, rotate, undoRotate, unexpose } from './secret-commands.js';
import { exportCommand, importCommand, run } from './transfer-commands.js';
import { scan } from './scan-command.js';
import { audit, init, password } from './vault-commands.js';

/** In the order `rekey help` lists them. */
export const COMMANDS: readonly Command[] = [
  init,
  add,
  list,
  show,
  get,
  rotate,
  history,
  undoRotate,
  edit,
  expose,
  unexpose,
  remove,
  due,
  exportCommand,
  importCommand,
  run,
  scan,
  audit,
  password,
  backup,
  restore,
];
