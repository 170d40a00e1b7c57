/**
 * Logs must never carry what identifies or authenticates a person: phone numbers (E.164
 * or French national form) and bearer tokens / JWTs are replaced wherever they appear.
 */
const patterns: [RegExp, string][] = [
  [/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[jwt]'],
  [/Bearer\s+\S+/gi, 'Bearer [token]'],
  [/\+\d{8,15}/g, '[phone]'],
  [/\b0[1-9](?:[ .-]?\d{2}){4}\b/g, '[phone]'],
];

export function redact(text: string): string {
  return patterns.reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), text);
}

/** A JSON.stringify replacer for the logger. */
export const redactingReplacer = (_key: string, value: unknown) =>
  typeof value === 'string' ? redact(value) : value;
