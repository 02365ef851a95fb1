import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isPartialDate } from './dates/partial-date.js';

export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const SLUG_PATH = /^[a-z0-9]+(-[a-z0-9]+)*(\/[a-z0-9]+(-[a-z0-9]+)*)*$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MAX_ID_LENGTH = 200;

/** `2025-02-04`, `2025-02` or `2022`, and a real calendar date. */
export function IsPartialDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) => registerDecorator({
    name: 'isPartialDate',
    target: target.constructor,
    propertyName: String(propertyKey),
    options: { message: `${String(propertyKey)} must be a calendar date of day, month or year precision (2025-02-04, 2025-02 or 2022)`, ...options },
    validator: { validate: (value: unknown) => isPartialDate(value) },
  });
}

/** A statement or claim id chosen by the client: a slug or a UUID. */
export function IsRecordId(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) => registerDecorator({
    name: 'isRecordId',
    target: target.constructor,
    propertyName: String(propertyKey),
    options: { message: `${String(propertyKey)} must be a slug (lowercase letters, digits, hyphens) or a UUID`, ...options },
    validator: { validate: (value: unknown) => typeof value === 'string' && value.length <= MAX_ID_LENGTH && (SLUG.test(value) || UUID.test(value)) },
  });
}

/** Free text that must not smuggle in characters PostgreSQL or a reader cannot take (NUL, lone surrogates). */
export function IsCleanText(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) => registerDecorator({
    name: 'isCleanText',
    target: target.constructor,
    propertyName: String(propertyKey),
    options: { message: `${String(propertyKey)} must not contain NUL characters or unpaired surrogates`, ...options },
    validator: { validate: (value: unknown) => typeof value !== 'string' || isCleanText(value) },
  });
}

export function isCleanText(value: string): boolean {
  return !value.includes('\u0000') && value.isWellFormed();
}

/** The longest name a read accepts (`actor`, `topic`, `measure`, `q`): longer is a 400, not a lookup. */
export const MAX_NAME_LENGTH = 200;
// C0 and C1 controls (NUL, tabs, newlines, DEL...): no name or query holds them.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export function isName(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= MAX_NAME_LENGTH && !CONTROL.test(value) && value.isWellFormed();
}

/**
 * A name asked about in a read: any form (an unknown one is a 404 with suggestions, judged against the
 * registry), but 1 to 200 characters without control characters, else 400 before any lookup.
 */
export function IsName(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) => registerDecorator({
    name: 'isName',
    target: target.constructor,
    propertyName: String(propertyKey),
    options: { message: `${String(propertyKey)} must be 1 to ${MAX_NAME_LENGTH} characters without control characters`, ...options },
    validator: { validate: (value: unknown) => isName(value) },
  });
}
