/** class-transformer transforms for query parameters, which arrive as strings (or arrays when repeated). */

/** A repeated parameter arrives as an array, a single one as a string: both mean a list. */
export const asList = ({ value }: { value: unknown }) => (value === undefined || Array.isArray(value) ? value : [value]);

/** Only plain digits become a number; anything else stays as sent and fails IsInt, naming the parameter. */
export const asInteger = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value);
