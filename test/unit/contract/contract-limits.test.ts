import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as contract from '../../../electron/contract/schemas.js';
import { EXPORT_FORMATS } from '../../../electron/core/dotenv/formats.js';
import { MAX_LEAD_DAYS, MIN_LEAD_DAYS, SNOOZE_CHOICES } from '../../../electron/core/reminders/reminder-choices.js';
import { ROTATION_STATUSES } from '../../../electron/core/rotation/statuses.js';
import { SettingsPatchSchema } from '../../../electron/core/settings/settings.js';
import { MASTER_PASSWORD_CHANGES } from '../../../electron/core/vault/master-password.js';
import {
  MAX_ENV_VAR_LENGTH,
  MAX_NAME_LENGTH,
  MAX_NOTES_LENGTH,
  MAX_PROJECT_LENGTH,
  MAX_ROTATE_EVERY_DAYS,
  MAX_VALUE_BYTES,
  MIN_ROTATE_EVERY_DAYS,
  envVarSchema,
  notesSchema,
  projectSchema,
  rotateEveryDaysSchema,
  secretNameSchema,
} from '../../../electron/core/vault/secret-fields.js';
import { checkSecretValue } from '../../../electron/core/vault/secret-value.js';

/**
 * The contract restates no limit: it imports the core's. These tests hold the two together at
 * each edge, so a limit changed on one side only (or restated as a literal again) fails here.
 * Each row: the core's verdict and the contract's verdict on the same value, at the limit and
 * one past it, with the limit read from the core's constant.
 */
const accepts = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;
const coreAccepts = (check: (value: string) => unknown) => (value: string) => {
  try {
    check(value);
    return true;
  } catch {
    return false;
  }
};

interface Edge {
  readonly field: string;
  readonly limit: number;
  readonly beyond: number;
  readonly make: (size: number) => string | number;
  readonly core: (value: never) => boolean;
  readonly contract: ReadonlyArray<(value: never) => boolean>;
}

const letters = (size: number) => 'a'.repeat(size);
const metadata = (field: string) => (value: unknown) => accepts(contract.addInput, { name: 'k', value: 'v', [field]: value });
const edit = (field: string) => (value: unknown) => accepts(contract.editInput, { name: 'k', patch: { [field]: value } });

const edges: Edge[] = [
  {
    field: 'name (max)',
    limit: MAX_NAME_LENGTH,
    beyond: MAX_NAME_LENGTH + 1,
    make: letters,
    core: (value: string) => accepts(secretNameSchema, value),
    contract: [
      (value: string) => accepts(contract.addInput, { name: value, value: 'v' }),
      (value: string) => accepts(contract.nameInput, { name: value }),
      (value: string) => accepts(contract.rotateInput, { name: value, value: 'v' }),
      edit('name'),
      (value: string) => accepts(contract.setKeyRemindersInput, { name: value }),
      (value: string) => accepts(contract.scanAddInput, { jobId: 'j', findingId: 'f', name: value }),
    ],
  },
  {
    field: 'project (max)',
    limit: MAX_PROJECT_LENGTH,
    beyond: MAX_PROJECT_LENGTH + 1,
    make: letters,
    core: (value: string) => accepts(projectSchema, value),
    contract: [
      metadata('project'),
      edit('project'),
      (value: string) => accepts(contract.listInput, { project: value }),
      (value: string) => accepts(contract.selectionInput, { project: value, format: 'dotenv' }),
      (value: string) => accepts(contract.importChooseInput, { project: value }),
    ],
  },
  {
    field: 'env var (max)',
    limit: MAX_ENV_VAR_LENGTH,
    beyond: MAX_ENV_VAR_LENGTH + 1,
    make: (size) => 'A'.repeat(size),
    core: (value: string) => accepts(envVarSchema, value),
    contract: [metadata('envVar'), edit('envVar')],
  },
  {
    field: 'notes (max)',
    limit: MAX_NOTES_LENGTH,
    beyond: MAX_NOTES_LENGTH + 1,
    make: letters,
    core: (value: string) => accepts(notesSchema, value),
    contract: [metadata('notes'), edit('notes')],
  },
  {
    field: 'value (max)',
    limit: MAX_VALUE_BYTES,
    beyond: MAX_VALUE_BYTES + 1,
    make: letters,
    core: coreAccepts((value) => checkSecretValue(value, 'k')),
    contract: [
      (value: string) => accepts(contract.addInput, { name: 'k', value }),
      (value: string) => accepts(contract.rotateInput, { name: 'k', value }),
      (value: string) => accepts(contract.detectInput, { value }),
    ],
  },
  {
    field: 'rotation interval (max)',
    limit: MAX_ROTATE_EVERY_DAYS,
    beyond: MAX_ROTATE_EVERY_DAYS + 1,
    make: (days) => days,
    core: (value: number) => accepts(rotateEveryDaysSchema, value),
    contract: [
      metadata('rotateEveryDays'),
      edit('rotateEveryDays'),
      (value: number) => accepts(contract.settingsPatch, { defaultRotateEveryDays: value }),
    ],
  },
  {
    field: 'rotation interval (min)',
    limit: MIN_ROTATE_EVERY_DAYS,
    beyond: MIN_ROTATE_EVERY_DAYS - 1,
    make: (days) => days,
    core: (value: number) => accepts(rotateEveryDaysSchema, value),
    contract: [
      metadata('rotateEveryDays'),
      edit('rotateEveryDays'),
      (value: number) => accepts(contract.settingsPatch, { defaultRotateEveryDays: value }),
    ],
  },
  {
    field: 'lead days (max)',
    limit: MAX_LEAD_DAYS,
    beyond: MAX_LEAD_DAYS + 1,
    make: (days) => days,
    core: (value: number) => accepts(SettingsPatchSchema, { leadDays: value }),
    contract: [(value: number) => accepts(contract.setKeyRemindersInput, { name: 'k', leadDays: value })],
  },
  {
    field: 'lead days (min)',
    limit: MIN_LEAD_DAYS,
    beyond: MIN_LEAD_DAYS - 1,
    make: (days) => days,
    core: (value: number) => accepts(SettingsPatchSchema, { leadDays: value }),
    contract: [(value: number) => accepts(contract.setKeyRemindersInput, { name: 'k', leadDays: value })],
  },
];

describe('the contract takes its limits from the core', () => {
  it.each(edges)('$field: core and contract accept the limit and refuse one past it', (edge) => {
    const atLimit = edge.make(edge.limit) as never;
    const beyond = edge.make(edge.beyond) as never;
    expect(edge.core(atLimit), 'core at the limit').toBe(true);
    expect(edge.core(beyond), 'core past the limit').toBe(false);
    edge.contract.forEach((check, index) => {
      expect(check(atLimit), `contract check ${index} at the limit`).toBe(true);
      expect(check(beyond), `contract check ${index} past the limit`).toBe(false);
    });
  });

  it('lists the same rotation statuses, export formats, snooze choices and password changes as the core', () => {
    expect(contract.rotationStatus.options).toEqual([...ROTATION_STATUSES]);
    expect(contract.exportFormat.options).toEqual([...EXPORT_FORMATS]);
    expect(contract.setKeyRemindersInput.shape.snooze.unwrap().options).toEqual(['none', ...SNOOZE_CHOICES]);
    expect(contract.passwordResult.shape.change.options).toEqual([...MASTER_PASSWORD_CHANGES]);
  });
});
