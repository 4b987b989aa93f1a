// Whitespace, line breaks, control, format (zero-width, bidi) and unassigned code points:
// anything that could make a displayed fragment of a value invisible or misleading.
const UNSAFE_CHARACTER = /[\s\p{C}\p{Z}]/u;
const UNSAFE_AT_EDGE = /^[\s\p{C}\p{Z}]|[\s\p{C}\p{Z}]$/u;

export function hasUnsafeCharacter(value: string): boolean {
  return UNSAFE_CHARACTER.test(value);
}

export function hasUnsafeCharacterAtEdge(value: string): boolean {
  return UNSAFE_AT_EDGE.test(value);
}
