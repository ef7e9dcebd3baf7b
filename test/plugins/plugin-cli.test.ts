import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/harness.js';
import { FAB_DFM, TEST_PUB, copyPlugin } from './plugin-fixtures.js';

/** `zaptrace plugin keygen|sign|verify` as processes (docs/plugins.md, "Signing a plugin"). */
describe('zaptrace plugin keygen, sign and verify', () => {
  it('a publisher makes a key, signs a changed plugin, and verify admits it only with that key and the level asked', () => {
    const keys = join(tempDir('zt-keys-'), 'acme');
    const made = runCli(['plugin', 'keygen', '--out', keys]);
    expect(made.code).toBe(0);
    const keyId = JSON.parse(made.stdout).key_id as string;
    expect(keyId).toMatch(/^[0-9a-f]{64}$/);
    expect(runCli(['plugin', 'keygen', '--out', keys]).code).not.toBe(0); // never overwrites a key

    const dir = copyPlugin(FAB_DFM);
    const profile = join(dir, 'profiles', 'example-fab.json');
    writeFileSync(profile, readFileSync(profile, 'utf8').replace('"min_track_mm": 0.127', '"min_track_mm": 0.1'));
    // Before signing again, the changed profile no longer matches the test key's signature.
    const before = runCli(['plugin', 'verify', dir, '--plugin-trust', TEST_PUB, '--admit', 'sandbox-write']);
    expect(before.code).toBe(1);
    expect(JSON.parse(before.stdout)).toMatchObject({ ok: false, code: 'PLUGIN_FILE_CHANGED' });

    const signed = runCli(['plugin', 'sign', dir, '--key', `${keys}.key.pem`]);
    expect(signed.code).toBe(0);
    expect(JSON.parse(signed.stdout)).toMatchObject({ ok: true, files: 5, key_id: keyId });

    const ok = runCli(['plugin', 'verify', dir, '--plugin-trust', `${keys}.pub.pem`, '--admit', 'sandbox-write,evidence']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ ok: true, principal: 'plugin:fab-dfm@1.0.0', key_id: keyId, tools: ['plugin.fab-dfm.dfm_check [sandbox-write]'] });
    expect(JSON.parse(runCli(['plugin', 'verify', dir, '--plugin-trust', TEST_PUB, '--admit', 'sandbox-write']).stdout).code).toBe('PLUGIN_UNTRUSTED_KEY');
    expect(JSON.parse(runCli(['plugin', 'verify', dir, '--plugin-trust', `${keys}.pub.pem`]).stdout).code).toBe('PLUGIN_OVER_ADMITTED');
  }, 60_000);
});
