import { registerDecorator, type ValidationOptions } from 'class-validator';

// RFC 3339 / ISO 8601 extended format with an explicit offset: a point in time, never a local wall-clock reading.
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):(\d{2}))$/i;

/** A full timestamp (`2025-02-05T10:00:00Z`, `2025-02-05T11:00:00.123+01:00`) as an instant; undefined if it is not one. */
export function parseTimestamp(text: string): Date | undefined {
  const m = TIMESTAMP.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '00', fraction = '', zone, zh = '00', zm = '00'] = m;
  const [year, month, day] = [Number(y), Number(mo), Number(d)];
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59 || Number(zh) > 23 || Number(zm) > 59) return undefined;
  // Date keeps milliseconds; finer digits cannot matter against recorded times, which are kept to the millisecond.
  const ms = fraction.padEnd(3, '0').slice(0, 3);
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone[0]}${zh}:${zm}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}${offset}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function IsTimestamp(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) => registerDecorator({
    name: 'isTimestamp',
    target: target.constructor,
    propertyName: String(propertyKey),
    options: { message: `${String(propertyKey)} must be a full ISO 8601 timestamp with an offset, e.g. 2025-02-05T10:00:00Z`, ...options },
    validator: { validate: (value: unknown) => typeof value === 'string' && parseTimestamp(value) !== undefined },
  });
}
