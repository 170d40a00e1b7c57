/**
 * CSV answers (RFC 4180) for routes that declare `csv` in their contract: the same rows
 * as the JSON `items`, one column per field, suppressed figures as empty cells with
 * their names in the `suppressed` column. Text that a spreadsheet would run as a
 * formula (= + - @ at the start) is prefixed with an apostrophe.
 */
export const csvMediaType = 'text/csv';

export const wantsCsv = (accept: string | undefined) => /(^|,)\s*text\/csv\s*(;|,|$)/i.test(accept ?? '');

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = Array.isArray(value)
    ? value.join(' ')
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: Record<string, unknown>[]): string {
  const columns: string[] = [];
  for (const row of rows)
    for (const name of Object.keys(row)) if (!columns.includes(name)) columns.push(name);
  const lines = [
    columns.map(cell).join(','),
    ...rows.map((row) => columns.map((name) => cell(row[name])).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
