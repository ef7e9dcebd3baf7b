import { sha256Hex } from '../../../kernel/hash.js';

/**
 * Deterministic UUIDs for schematic items. KiCad needs every item's `(uuid ...)` to be unique
 * within the file and stable between exports (annotation and ERC exclusions are keyed by them),
 * and our exports must be byte-identical for the same design, so nothing is random: the id is a
 * SHA-256 of the item's identity, shaped as an RFC 9562 version-8 ("custom") UUID.
 */
export function stableUuid(...parts: string[]): string {
  // JSON keeps part boundaries unambiguous ("a","bc" differs from "ab","c").
  const h = sha256Hex(JSON.stringify(parts));
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
