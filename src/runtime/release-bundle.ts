import { unzipSync } from 'fflate';
import { sha256Hex } from '../kernel/hash.js';
import { verifySignature, type LogSigner } from './store/log-key.js';

/**
 * A release bundle on disk (docs/exports.md, "Signed manifests"): the artifacts, `manifest.json`
 * listing each with SHA-256 and size, and `manifest.sig`, an Ed25519 signature by the server's
 * log key over the exact bytes of manifest.json (RFC 8032; the key is the one `zaptrace log-key`
 * prints and that signs log heads). A manufacturing bundle's manifest lists the files inside its
 * ZIP and, under `bundle`, the ZIP itself.
 */
export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.sig';

export interface ManifestSignature {
  signed_file: typeof MANIFEST_FILE;
  alg: 'Ed25519';
  public_key: string;
  signature: string;
}

export function signManifest(signer: LogSigner, manifestText: string): string {
  const sig: ManifestSignature = { signed_file: MANIFEST_FILE, alg: 'Ed25519', public_key: signer.publicKeyPem, signature: signer.sign(manifestText) };
  return `${JSON.stringify(sig, null, 2)}\n`;
}

export interface FileCheck {
  path: string;
  status: 'ok' | 'changed' | 'missing';
}

export interface BundleReport {
  ok: boolean;
  signature: 'valid' | 'invalid' | 'missing';
  /** `given`: checked against the key the caller trusts; `embedded`: only against the key in manifest.sig (integrity, not origin). */
  key: 'given' | 'embedded' | 'none';
  files: FileCheck[];
  problems: string[];
}

interface ListedFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** Only plain names: a manifest never sends the verifier outside the bundle directory. */
const PLAIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;

function listed(value: unknown): ListedFile[] | null {
  if (!Array.isArray(value)) return null;
  const out: ListedFile[] = [];
  for (const f of value) {
    const { path, bytes, sha256 } = (f ?? {}) as Record<string, unknown>;
    if (typeof path !== 'string' || !PLAIN_NAME.test(path) || typeof bytes !== 'number' || typeof sha256 !== 'string') return null;
    out.push({ path, bytes, sha256 });
  }
  return out;
}

const checkOne = (f: ListedFile, data: Uint8Array | null): FileCheck => ({
  path: f.path,
  status: data === null ? 'missing' : data.byteLength === f.bytes && sha256Hex(data) === f.sha256 ? 'ok' : 'changed',
});

/** Checks a bundle read through `readFile` (null when absent) against its manifest and signature. */
export function verifyBundle(readFile: (name: string) => Uint8Array | null, options: { publicKeyPem?: string } = {}): BundleReport {
  const problems: string[] = [];
  const manifestBytes = readFile(MANIFEST_FILE);
  const sigBytes = readFile(SIGNATURE_FILE);
  if (manifestBytes === null) return { ok: false, signature: sigBytes ? 'invalid' : 'missing', key: 'none', files: [], problems: [`${MANIFEST_FILE} is missing`] };
  const manifestText = Buffer.from(manifestBytes).toString('utf8');

  let signature: BundleReport['signature'] = 'missing';
  let key: BundleReport['key'] = 'none';
  if (sigBytes === null) problems.push(`${SIGNATURE_FILE} is missing`);
  else {
    let sig: Partial<ManifestSignature> = {};
    try {
      sig = JSON.parse(Buffer.from(sigBytes).toString('utf8')) as Partial<ManifestSignature>;
    } catch {
      problems.push(`${SIGNATURE_FILE} is not JSON`);
    }
    const pem = options.publicKeyPem ?? sig.public_key;
    key = options.publicKeyPem !== undefined ? 'given' : typeof sig.public_key === 'string' ? 'embedded' : 'none';
    const valid = typeof pem === 'string' && typeof sig.signature === 'string' && verifySignature(pem, manifestText, sig.signature);
    signature = valid ? 'valid' : 'invalid';
    if (!valid) problems.push(`the signature in ${SIGNATURE_FILE} does not verify over ${MANIFEST_FILE}${key === 'given' ? ' with the given key' : ''}`);
  }

  let manifest: { files?: unknown; bundle?: unknown } = {};
  try {
    manifest = JSON.parse(manifestText) as typeof manifest;
  } catch {
    problems.push(`${MANIFEST_FILE} is not JSON`);
  }
  const files = listed(manifest.files);
  const checks: FileCheck[] = [];
  if (files === null) problems.push(`${MANIFEST_FILE} has no usable file list`);
  else if (manifest.bundle !== undefined) {
    // A manufacturing bundle: the ZIP beside the manifest, then each listed file inside it.
    const [zip] = listed([manifest.bundle]) ?? [];
    if (!zip) problems.push(`${MANIFEST_FILE} names no usable bundle`);
    else {
      const zipData = readFile(zip.path);
      const zipCheck = checkOne(zip, zipData);
      checks.push(zipCheck);
      let entries: Record<string, Uint8Array> = {};
      if (zipCheck.status === 'ok' && zipData) {
        try {
          entries = unzipSync(zipData);
        } catch {
          problems.push(`${zip.path} is not a readable ZIP`);
        }
      }
      for (const f of files) checks.push({ ...checkOne(f, entries[f.path] ?? null), path: `${zip.path}!${f.path}` });
    }
  } else for (const f of files) checks.push(checkOne(f, readFile(f.path)));
  for (const c of checks) if (c.status !== 'ok') problems.push(`${c.path} is ${c.status}`);
  return { ok: problems.length === 0, signature, key, files: checks, problems };
}
