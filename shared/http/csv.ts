/**
 * CSV answers for routes that declare `csv` in their contract: the same rows as the JSON
 * `items`, one column per field, suppressed figures as empty cells with their names in the
 * `suppressed` column. Two dialects:
 *  - `Accept: text/csv` — for programs (RFC 4180): comma, field names, `.` decimals, true/false;
 *  - `Accept: text/csv; profile=spreadsheet-fr` — for French spreadsheets (Excel, LibreOffice):
 *    a UTF-8 byte order mark, `;` between cells, French headers, decimal commas, oui/non.
 * Text that a spreadsheet would run as a formula (= + - @ at the start) gets an apostrophe.
 */
import { columnWords, yesNo } from '../messages/csv-columns';

export const csvMediaType = 'text/csv';
export const spreadsheetProfile = 'spreadsheet-fr';
export type CsvDialect = 'machine' | 'spreadsheet-fr';

/** The dialect an Accept header asks for, or undefined when it does not ask for CSV. */
export function wantsCsv(accept: string | undefined): CsvDialect | undefined {
  for (const range of (accept ?? '').split(',')) {
    const [type, ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    if (type !== csvMediaType) continue;
    return parameters.some((p) => p.replace(/\s+/g, '').replace(/"/g, '') === `profile=${spreadsheetProfile}`)
      ? 'spreadsheet-fr'
      : 'machine';
  }
  return undefined;
}

const dialects = {
  machine: {
    separator: ',',
    bom: '',
    header: (name: string) => name,
    value: (value: unknown): string =>
      Array.isArray(value)
        ? value.join(' ')
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value),
  },
  'spreadsheet-fr': {
    separator: ';',
    bom: '\uFEFF',
    header: (name: string) => columnWords[name] ?? name,
    value: (value: unknown): string => {
      if (typeof value === 'boolean') return yesNo(value);
      // No thousands separator: spreadsheets read "1234,5" as a number.
      if (typeof value === 'number') return String(value).replace('.', ',');
      if (Array.isArray(value))
        return value.map((item) => columnWords[String(item)] ?? String(item)).join(', ');
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
    },
  },
} as const;

export function toCsv(rows: Record<string, unknown>[], dialect: CsvDialect = 'machine'): string {
  const { separator, bom, header, value } = dialects[dialect];
  const cell = (raw: unknown, isText = typeof raw === 'string'): string => {
    if (raw === null || raw === undefined) return '';
    let text = value(raw);
    if (isText && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const columns: string[] = [];
  for (const row of rows)
    for (const name of Object.keys(row)) if (!columns.includes(name)) columns.push(name);
  const lines = [
    columns.map((name) => cell(header(name), true)).join(separator),
    ...rows.map((row) => columns.map((name) => cell(row[name])).join(separator)),
  ];
  return `${bom}${lines.join('\r\n')}\r\n`;
}
