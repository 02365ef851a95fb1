export type Cell = string | number | boolean | null;

// A spreadsheet reads a text cell starting with one of these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * RFC 4180: CRLF line ends, fields with commas, quotes or line breaks in double quotes, quotes doubled.
 * Text that a spreadsheet would run as a formula gets a leading `'`; numbers stay numbers (a score delta
 * of -3 is data, not a formula), so only text cells are guarded.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}

export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
