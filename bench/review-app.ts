/**
 * The review app's scrubber on a 10,000-event session, measured in the browser (Debian's chromium via
 * playwright-core, as the end-to-end tests drive it): from the slider's input event to the board of
 * that position being in the page. A real `zaptrace serve` process in development mode serves the
 * built app; the session (a 400-part placed board, then board edits) is built through REST.
 * Figures: opening the session (first board; until the server keeps a state every 25 events, and a
 * scrub meanwhile), then positions never drawn before (kept state + at most 24 folded events + render
 * + transfer + React), keyboard steps, and the floors of the same run: a position drawn before (server
 * cache: transfer + React only) and a bare round trip. Target (docs/review-app.md): < 200 ms per scrub.
 */
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { startServer } from '../test/helpers/cli.js';
import { gridBoardJson } from '../test/helpers/generated-designs.js';
import { callRest, createSession, type Headers } from '../test/helpers/http-server.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumTool } from '../test/helpers/browser.js';

const EVENTS = 10_000;
const PARTS = 400;
const COLD_SAMPLES = 40;
const STEP_SAMPLES = 20;
const EARLY_SAMPLES = 5;
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
      head += 1; // BoardUpdated, carrying the call's audit record
    }
    const buildS = (performance.now() - t0) / 1000;

    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    const opened = performance.now();
    await page.goto(`${server.base}/app/#/s/${sid}?design=grid`);
    await page.locator(`svg[data-board-seq="${head}"]`).waitFor({ timeout: 60_000 });
    const firstBoardMs = performance.now() - opened;

    /** The board request's share of a scrub (server + transfer), from the page's resource timing. */
    const requestMs = async (seq: number): Promise<number> =>
      (await page.evaluate(`(() => { const e = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('&seq=${seq}')).at(-1); return e ? e.responseEnd - e.startTime : -1; })()`)) as number;
    await page.evaluate('performance.setResourceTimingBufferSize(10000)');

    // Spread positions, seeded, none drawn before.
    const seen = new Set<number>([head]);
    let x = 12345;
    const nextPosition = (): number => {
      for (;;) {
        x = (x * 1103515245 + 12345) % 2 ** 31;
        const seq = 10 + (x % (head - 20));
        if (!seen.has(seq)) {
          seen.add(seq);
          return seq;
        }
      }
    };
    // Right after opening, while the server still folds the log into kept states (review-states.ts).
    const early: number[] = [];
    for (let i = 0; i < EARLY_SAMPLES; i++) early.push((await page.evaluate(`(${SCRUB_IN_PAGE})(${nextPosition()})`)) as number);
    let indexed = 0;
    while (indexed < head - 25 && performance.now() - opened < 300_000) {
      const r = await fetch(`${server.base}/api/v1/review/sessions/${sid}/board?design=grid&seq=${head}`, { headers: OWNER });
      indexed = ((await r.json()) as { indexed_to?: number }).indexed_to ?? 0;
      if (indexed < head - 25) await new Promise((res) => setTimeout(res, 200));
    }
    const indexedMs = performance.now() - opened;

    const cold: number[] = [];
    const coldRequest: number[] = [];
    while (cold.length < COLD_SAMPLES) {
      const seq = nextPosition();
      cold.push((await page.evaluate(`(${SCRUB_IN_PAGE})(${seq})`)) as number);
      coldRequest.push(await requestMs(seq));
    }
    // Keyboard-sized steps from the middle of the log.
    const steps: number[] = [];
    const mid = Math.floor(head / 2) + 1;
    for (let i = 0; i < STEP_SAMPLES; i++) steps.push((await page.evaluate(`(${SCRUB_IN_PAGE})(${mid + i})`)) as number);
    // Floor: positions drawn before (the server answers from its cache).
    const warm: number[] = [];
    for (const seq of [...seen].slice(1, 1 + STEP_SAMPLES)) warm.push((await page.evaluate(`(${SCRUB_IN_PAGE})(${seq})`)) as number);

    // Floor: a round trip to this server from the page (GET /api/v1/health), no board work at all.
    const health: number[] = [];
    for (let i = 0; i < STEP_SAMPLES; i++) health.push((await page.evaluate(`(async () => { const t0 = performance.now(); await (await fetch('/api/v1/health')).json(); return performance.now() - t0; })()`)) as number);

    if ([...early, ...cold, ...steps, ...warm].some((v) => v < 0)) throw new Error('a board did not appear within 10 s');
    const h = [...health].sort((a, b) => a - b);
    const r = [...coldRequest].sort((a, b) => a - b);
    const c = [...cold].sort((a, b) => a - b);
    const s = [...steps].sort((a, b) => a - b);
    const w = [...warm].sort((a, b) => a - b);
    return {
      'session events (built through REST)': head,
      'session build time': `${buildS.toFixed(1)} s`,
      'parts on the board': PARTS,
      'open the session: first board drawn': ms(firstBoardMs),
      'open the session: every position kept (server)': ms(indexedMs),
      [`meanwhile, scrub past the kept positions, p50 (${EARLY_SAMPLES})`]: ms([...early].sort((a, b) => a - b)[Math.floor(EARLY_SAMPLES / 2)]!),
      [`scrub to a new position, p50 (${COLD_SAMPLES} positions)`]: ms(percentile(c, 50)),
      'scrub to a new position, p95': ms(percentile(c, 95)),
      'scrub to a new position, max': ms(c.at(-1)!),
      [`keyboard step, p50 (${STEP_SAMPLES} steps)`]: ms(percentile(s, 50)),
      'keyboard step, p95': ms(percentile(s, 95)),
      'of which the board request (server + transfer), p50': ms(percentile(r, 50)),
      'floor: position drawn before (server cache), p50': ms(percentile(w, 50)),
      'floor: GET /api/v1/health from the page, p50': ms(percentile(h, 50)),
      'target': `< ${TARGET_MS} ms`,
      'new-position p95 / target': (percentile(c, 95) / TARGET_MS).toFixed(2),
      'new-position p50 / drawn-before p50': (percentile(c, 50) / percentile(w, 50)).toFixed(1),
      'machine load average (1 min) during the run': loadavg()[0]!.toFixed(1),
    };
  } finally {
    await browser.close();
    server.stop();
  }
}
