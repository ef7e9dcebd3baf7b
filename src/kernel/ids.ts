import { randomBytes, randomUUID } from 'node:crypto';

/** Injected id source so tests and replays can be deterministic where they need to be. */
export interface Ids {
  /** Event ids and request ids. */
  uuid(): string;
  /** Opaque session ids: 160 bits from the CSPRNG, base64url (contract.md, "Sessions"). */
  sessionId(): string;
}

export const cryptoIds: Ids = {
  uuid: () => randomUUID(),
  sessionId: () => `zs_${randomBytes(20).toString('base64url')}`,
};
