/**
 * A place in the primary's write-ahead log (a PostgreSQL LSN such as `16/B374D848`) as a 64-bit number,
 * so that positions compare exactly. Everything a server has replayed up to a position includes every
 * transaction that committed before it.
 */
export type WalPosition = bigint;

const LSN = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/;

export function parseLsn(text: string): WalPosition {
  const match = LSN.exec(text);
  if (!match) throw new Error(`not an LSN: ${text}`);
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

export function formatLsn(position: WalPosition): string {
  return `${(position >> 32n).toString(16).toUpperCase()}/${(position & 0xffffffffn).toString(16).toUpperCase()}`;
}

/** Positions travel in tokens and cursors as 16 hex digits: fixed width, no punctuation to escape. */
export function positionToText(position: WalPosition): string {
  return position.toString(16).padStart(16, '0');
}

const TEXT = /^[0-9a-f]{16}$/;

export function positionFromText(text: unknown): WalPosition | undefined {
  return typeof text === 'string' && TEXT.test(text) ? BigInt(`0x${text}`) : undefined;
}

const TOKEN = /^1\.([0-9a-f]{16})$/;

/**
 * The consistency token of the `Stanceline-Token` header: the primary's WAL position after a write,
 * versioned so its form can change. Opaque to clients; a forged one can only send a read to the primary
 * (a position beyond any the primary was seen at is answered there at once, see ReplicaSet).
 */
export const ConsistencyToken = {
  encode: (position: WalPosition): string => `1.${positionToText(position)}`,
  decode: (token: string): WalPosition | undefined => {
    const match = TOKEN.exec(token.trim());
    return match ? BigInt(`0x${match[1]}`) : undefined;
  },
};
