/**
 * The review app's scrubber on a 10,000-event session, measured in the browser (Debian's chromium via
 * playwright-core, as the end-to-end tests drive it): from the slider's input event to the board of
 * that position being in the page. A real `zaptrace serve` process in development mode serves the
 * built app; the session (a 400-part placed board, then board edits) is built through REST.
 * Figures: cold positions (never drawn before: replay from the nearest snapshot + render + transfer +
 * React), keyboard steps, and — the floor of the same run — a position drawn before (server cache:
 * transfer + React only). Target (issue: the review app): < 200 ms per scrub.
 */
import { chromium } from 'playwright-core';
import { startServer } from '../test/helpers/cli.js';
import { gridBoardJson } from '../test/helpers/generated-designs.js';
import { callRest, createSession, type Headers } from '../test/helpers/http-server.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumTool } from '../test/helpers/browser.js';

const EVENTS = 10_000;
const PARTS = 400;
const COLD_SAMPLES = 40;
const STEP_SAMPLES = 20;
const TARGET_MS = 200;
// The development principal with no actor header (dev:loopback): the app shows its sessions with no sign-in.
const OWNER: Headers = { 'X-ZapTrace-Capabilities': 'sandbox-write', 'content-type': 'application/json' };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

/** Sets the slider (React listens to `input`) and resolves with the ms until that position's board is in the page. */
const SCRUB_IN_PAGE = `async (seq) => {
  const slider = document.querySelector('[data-testid="scrubber"]');
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const t0 = performance.now();
  const done = new Promise((resolve) => {
    const check = () => document.querySelector('svg[data-board-seq="' + seq + '"]') !== null;
    if (check()) return resolve(performance.now() - t0);
    const obs = new MutationObserver(() => { if (check()) { obs.disconnect(); resolve(performance.now() - t0); } });
    obs.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-board-seq'] });
    setTimeout(() => { obs.disconnect(); resolve(-1); }, 10000);
  });
  setter.call(slider, String(seq));
  slider.dispatchEvent(new Event('input', { bubbles: true }));
  return done;
}`;

export async function benchReviewApp(): Promise<Record<string, number | string>> {
  if (!chromiumTool.available()) return { note: `no ${CHROMIUM_PATH}: run .ci/install-chromium.sh` };
  const server = await startServer(['--dev-capability-headers', '--rate-limit', '100000/100000']);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const sid = await createSession(server.base, OWNER);
    await callRest(server.base, OWNER, sid, 'design_parse_str', { yaml_content: gridBoardJson(PARTS, 'grid'), design_name: 'grid' });
    const t0 = performance.now();
    let head = 3;
    for (let i = 0; head < EVENTS; i++) {
      const r = await callRest(server.base, OWNER, sid, 'board_update', { design_name: 'grid', width_mm: 60 + (i % 20), min_clearance_mm: 0.15 + (i % 7) / 100 });
      if (r.status !== 200) throw new Error(`board_update answered ${r.status}`);
      head += 2; // ToolAuthorized + BoardUpdated
    }
    const buildS = (performance.now() - t0) / 1000;

    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await page.goto(`${server.base}/app/#/s/${sid}?design=grid`);
    await page.locator(`svg[data-board-seq="${head}"]`).waitFor({ timeout: 60_000 });

    // Spread positions, seeded, none drawn before.
    const cold: number[] = [];
    const seen = new Set<number>([head]);
    let x = 12345;
    while (cold.length < COLD_SAMPLES) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      const seq = 10 + (x % (head - 20));
      if (seen.has(seq)) continue;
      seen.add(seq);
      cold.push((await page.evaluate(`(${SCRUB_IN_PAGE})(${seq})`)) as number);
    }
    // Keyboard-sized steps from the middle of the log.
    const steps: number[] = [];
    const mid = Math.floor(head / 2) + 1;
    for (let i = 0; i < STEP_SAMPLES; i++) steps.push((await page.evaluate(`(${SCRUB_IN_PAGE})(${mid + i})`)) as number);
    // Floor: positions drawn before (the server answers from its cache).
    const warm: number[] = [];
    for (const seq of [...seen].slice(1, 1 + STEP_SAMPLES)) warm.push((await page.evaluate(`(${SCRUB_IN_PAGE})(${seq})`)) as number);

    if ([...cold, ...steps, ...warm].some((v) => v < 0)) throw new Error('a board did not appear within 10 s');
    const c = [...cold].sort((a, b) => a - b);
    const s = [...steps].sort((a, b) => a - b);
    const w = [...warm].sort((a, b) => a - b);
    return {
      'session events (built through REST)': head,
      'session build time': `${buildS.toFixed(1)} s`,
      'parts on the board': PARTS,
      [`scrub to a new position, p50 (${COLD_SAMPLES} positions)`]: ms(percentile(c, 50)),
      'scrub to a new position, p95': ms(percentile(c, 95)),
      'scrub to a new position, max': ms(c.at(-1)!),
      [`keyboard step, p50 (${STEP_SAMPLES} steps)`]: ms(percentile(s, 50)),
      'keyboard step, p95': ms(percentile(s, 95)),
      'floor: position drawn before, p50': ms(percentile(w, 50)),
      'target': `< ${TARGET_MS} ms`,
      'new-position p95 / target': (percentile(c, 95) / TARGET_MS).toFixed(2),
      'new-position p50 / floor p50': (percentile(c, 50) / percentile(w, 50)).toFixed(1),
    };
  } finally {
    await browser.close();
    server.stop();
  }
}
