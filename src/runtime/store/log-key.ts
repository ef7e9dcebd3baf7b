import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * The server's Ed25519 log-signing key (contract.md, "The log can be trusted"). It signs the head of
 * every flushed batch and release manifests; its public half is published as PEM so auditors can
 * verify offline with `zaptrace audit verify --log-pubkey`.
 */
export interface LogSigner {
  readonly publicKeyPem: string;
  /** Base64 Ed25519 signature over the UTF-8 bytes of `text`. */
  sign(text: string): string;
  verify(text: string, signature: string): boolean;
}

function signerOf(privateKey: KeyObject): LogSigner {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the log key must be an Ed25519 private key');
  const publicKey = createPublicKey(privateKey);
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sign: (text) => sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64'),
    verify: (text, signature) => verifySignature(publicKey, text, signature),
  };
}

export function verifySignature(publicKey: KeyObject | string, text: string, signature: string): boolean {
  try {
    const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
    return verify(null, Buffer.from(text, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** A fresh key kept only in memory (the embedded in-memory store, tests). */
export function ephemeralLogSigner(): LogSigner {
  return signerOf(generateKeyPairSync('ed25519').privateKey);
}

/** Loads a PKCS#8 PEM private key, or creates one (mode 0600) when the file is absent. */
export function loadOrCreateLogSigner(file: string): LogSigner {
  if (!existsSync(file)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  }
  return signerOf(createPrivateKey(readFileSync(file, 'utf8')));
}

/** A signer from PKCS#8 PEM text (a key kept outside a file, e.g. shared by nodes through their database). */
export function logSignerFromPem(pem: string): LogSigner {
  return signerOf(createPrivateKey(pem));
}

/** A new key as PKCS#8 PEM text. */
export function newLogKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}
