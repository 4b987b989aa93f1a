/** The form fields a message from main can be about. */
export type FormField = 'value' | 'name' | 'envVar' | 'project' | 'provider' | 'rotateEvery' | 'rotatedOn' | 'notes';

export interface FormError {
  readonly field: FormField | null;
  readonly message: string;
}

const PATTERNS: ReadonlyArray<[RegExp, FormField]> = [
  [/^Invalid request: (patch\.)?name\b|^Invalid name\b|^A secret named /, 'name'],
  [/^Invalid request: (patch\.)?envVar\b|^Invalid env var name\b/, 'envVar'],
  [/^Invalid request: (patch\.)?project\b|^Invalid project\b/, 'project'],
  [/^Invalid request: (patch\.)?provider\b|^Unknown provider\b/, 'provider'],
  [/^Invalid request: (patch\.)?rotateEveryDays\b|^Invalid rotation interval\b/, 'rotateEvery'],
  [/^Invalid request: (patch\.)?rotatedAt\b|^Invalid rotation date\b/, 'rotatedOn'],
  [/^Invalid request: (patch\.)?notes\b|^Invalid notes\b/, 'notes'],
  [/^Invalid request: value\b|^(The )?value\b/i, 'value'],
];

/** Puts main's message (shown as is) under the field it is about, when that is clear. */
export function toFormError(message: string): FormError {
  const match = PATTERNS.find(([pattern]) => pattern.test(message));
  return { field: match ? match[1] : null, message };
}

export function errorFor(error: FormError | null, field: FormField): string | null {
  return error !== null && error.field === field ? error.message : null;
}
