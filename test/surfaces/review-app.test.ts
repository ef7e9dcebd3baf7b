import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { grantKeys, httpApp, newRuntime } from '../helpers/harness.js';
import { callRest, createSession, listenLoopback, type Headers, type Listening } from '../helpers/http-server.js';
import { rawRequest } from '../helpers/raw-http.js';
import { chromiumTool, collectPageProblems, launchChromium, screenshot } from '../helpers/browser.js';

/**
 * The review app (web/, served at /app/) end to end in Debian's chromium: a session of 50+ events is
 * built through the REST API in development mode (principal dev:loopback), then the page is driven
 * like an engineer would. Screenshots land in test-artifacts/review-app/.
 */
const TINY = readFileSync('fixtures/designs/tiny-led.yaml', 'utf8');
const HOSTILE_VALUE = '<img src=x onerror="window.__pwned=1">';
const OWNER: Headers = { 'X-ZapTrace-Capabilities': 'approved-commit', 'content-type': 'application/json' };
/** The page answers within a second on an idle machine; CI runs test files side by side on two cores. */
const POLL = { timeout: 20_000 };
const READ_ONLY: Headers = { 'X-ZapTrace-Capabilities': 'read', 'content-type': 'application/json' };

interface Built {
  sid: string;
  parsedAt: number;
  deniedAt: number;
  placedAt: number;
  widthChangedAt: number;
  head: number;
}

async function headSeq(base: string, sid: string): Promise<number> {
  const res = await fetch(`${base}/api/v1/sessions/${sid}/head`, { headers: OWNER });
  return ((await res.json()) as { head: { seq: number } }).head.seq;
}

async function buildSession(base: string): Promise<Built> {
  const sid = await createSession(base, OWNER);
  const call = async (tool: string, input: Record<string, unknown> = {}, headers = OWNER) => {
    const r = await callRest(base, headers, sid, tool, { design_name: 'led', ...input });
    if (headers === OWNER && !r.body.ok) throw new Error(`${tool}: ${JSON.stringify(r.body.error)}`);
    return r;
  };
  await call('design_parse_str', { yaml_content: TINY });
  const parsedAt = await headSeq(base, sid);
  await call('component_add', { ref: 'R9', type_name: 'RES', value: HOSTILE_VALUE, footprint: '0402' });
  expect((await call('board_update', { min_trace_width_mm: 0.2 }, READ_ONLY)).status).toBe(403);
  const deniedAt = await headSeq(base, sid);
  await call('place_components', { seed: 3 });
  const placedAt = await headSeq(base, sid);
  await call('route_nets');
  await call('erc_validate');
  await call('drc_run');
  for (let i = 0; i < 18; i++) await call('board_update', { min_clearance_mm: 0.2 + i / 1000 });
  await call('board_update', { min_trace_width_mm: 0.5 });
  const widthChangedAt = await headSeq(base, sid);
  await call('erc_validate');
  await call('drc_run');
  const r = await callRest(base, OWNER, sid, 'session_add_reviewer', { principal: 'token:alice' });
  expect(r.body.ok).toBe(true);
  return { sid, parsedAt, deniedAt, placedAt, widthChangedAt, head: await headSeq(base, sid) };
}

/** Board reference designators drawn at the page's current position. */
async function boardRefs(page: Page, seq: number): Promise<string[]> {
  const board = page.locator(`svg[data-board-seq="${seq}"]`);
  await board.waitFor({ timeout: 15_000 });
  return board.locator('text[data-ref]').allTextContents();
}

/** Moves the slider by keyboard only (Home, End, arrows), from wherever is nearest. */
async function scrubTo(page: Page, from: number, to: number, head: number): Promise<void> {
  const slider = page.getByTestId('scrubber');
  await slider.focus();
  let at = from;
  if (to - 1 < Math.abs(to - from) && to - 1 <= head - to) {
    await slider.press('Home');
    at = 1;
  } else if (head - to < Math.abs(to - from)) {
    await slider.press('End');
    at = head;
  }
  const key = to > at ? 'ArrowRight' : 'ArrowLeft';
  for (let i = 0; i < Math.abs(to - at); i++) await slider.press(key);
  await expect.poll(() => page.getByTestId('position').textContent(), POLL).toMatch(new RegExp(`^${to} /`));
}

describe.runIf(chromiumTool.requireOrSkip())('review app in Chromium', () => {
  let server: Listening;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let built: Built;
  const keys = grantKeys();

  beforeAll(async () => {
    const { runtime } = await newRuntime();
    const { app } = await httpApp(runtime, { dev: true, keys });
    server = await listenLoopback(app);
    built = await buildSession(server.base);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    problems = collectPageProblems(page);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('serves the built app with its security headers and lists the development principal\'s sessions with no sign-in', async () => {
    const res = await fetch(`${server.base}/app/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|https?:/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    // A rebinding page's Host is refused before the app is served.
    expect((await rawRequest(server.base, '/app/', { headers: { host: 'attacker.example' } })).status).toBe(403);

    await page.goto(`${server.base}/app/`);
    const link = page.locator(`a[href="#/s/${built.sid}"]`);
    await link.waitFor();
    expect(await page.locator('table.sessions').textContent()).toContain('not ready');
    expect(await page.locator('script:not([src])').count()).toBe(0);
    await screenshot(page, '1-sessions');
    await link.click();
    await page.locator(`svg[data-board-seq="${built.head}"]`).waitFor({ timeout: 15_000 });
  });

  it('scrubs the timeline by keyboard and draws each position\'s parts, with denied calls in the log', async () => {
    expect(built.head).toBeGreaterThanOrEqual(30); // a long session: one event per allowed call, one per denied call
    expect(await boardRefs(page, built.head)).toEqual(expect.arrayContaining(['J1', 'R1', 'D1', 'R9']));
    await scrubTo(page, built.head, built.placedAt - 1, built.head);
    expect((await boardRefs(page, built.placedAt - 1)).sort()).toEqual(['D1', 'J1', 'R1']); // R9 added, not yet placed
    await scrubTo(page, built.placedAt - 1, built.deniedAt, built.head);
    expect(await page.getByTestId('decision').textContent()).toBe('deny · OPERATION_NOT_AUTHORIZED');
    expect(await page.getByTestId('event-detail').textContent()).toContain('board_update');
    await page.getByTestId('scrubber').press('Home');
    await expect.poll(() => page.locator('.empty').textContent(), POLL).toContain('No design "led" at event 1');
    await scrubTo(page, 1, built.placedAt, built.head);
    expect(await boardRefs(page, built.placedAt)).toContain('R9');

    // The hostile component value is text on the page, never markup.
    await page.locator('details summary', { hasText: 'Parts at this position' }).click();
    expect(await page.getByTestId('parts').textContent()).toContain(HOSTILE_VALUE);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();

    // Hover names the part, its value and its net; a click highlights the net.
    const pad = page.locator(`svg[data-board-seq="${built.placedAt}"] [data-ref="R1"][data-net]`).first();
    await pad.hover();
    await expect.poll(() => page.getByTestId('hover-info').textContent(), POLL).toMatch(/^R1 · 330 · net \S+/);
    await pad.click();
    const net = await page.getByTestId('picked-net').textContent();
    expect(await page.locator('svg .hl-net').count()).toBeGreaterThan(0);
    expect(await page.locator(`svg .hl-net`).first().getAttribute('data-net')).toBe(net);
    await screenshot(page, '2-timeline');
  });

  it('diffs two positions, lists the changes and marks them on the board', async () => {
    await page.getByRole('tab', { name: 'Diff' }).click();
    await page.getByLabel('Diff from event').fill(String(built.parsedAt));
    await page.getByLabel('Diff to event').fill(String(built.placedAt));
    await page.getByRole('button', { name: 'Compare' }).click();
    const result = page.getByTestId('diff-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('+ R9');
    expect(await result.textContent()).toContain('placed R9');
    await page.locator(`svg[data-board-seq="${built.placedAt}"] .diff-added`).first().waitFor();
    await screenshot(page, '3-diff');
  });

  it('shows ERC/DRC evidence with the hash each checked, stale before the check, and marks a clicked violation', async () => {
    await page.getByRole('tab', { name: 'Evidence' }).click();
    await scrubTo(page, built.placedAt, built.widthChangedAt, built.head);
    await expect.poll(() => page.getByTestId('drc-freshness').textContent(), POLL).toBe('stale');
    await page.getByTestId('scrubber').press('End');
    await page.locator(`svg[data-board-seq="${built.head}"]`).waitFor();
    await expect.poll(() => page.getByTestId('drc-freshness').textContent(), POLL).toBe('fresh');
    const shownHash = await page.getByTestId('shown-hash').textContent();
    expect(await page.getByTestId('evidence-drc').textContent()).toContain(shownHash!);
    const violation = page.getByTestId('violation').filter({ hasText: 'DRC_TRACK_WIDTH' }).first();
    const text = (await violation.textContent()) ?? '';
    await violation.click();
    const marker = page.locator('[data-testid="violation-marker"] circle').first();
    await marker.waitFor();
    const x = Number(/@ \(([\d.]+),/.exec(text)?.[1]);
    expect(Number(await marker.getAttribute('cx'))).toBeCloseTo(x, 2);
    expect(await page.locator('svg .hl-net').count()).toBeGreaterThan(0);
    await screenshot(page, '4-evidence');
  });

  it('approves the exact state on screen with a second principal\'s token; stale and self-approvals are refused', async () => {
    await page.getByLabel('Grant token').fill(await keys.token('alice', 'approved-commit'));
    await page.getByRole('button', { name: 'Use token' }).click();
    await page.locator(`svg[data-board-seq="${built.head}"]`).waitFor({ timeout: 15_000 }); // read again as token:alice, a reviewer
    // The sessions listing names alice's role from the reviewer list; a principal named nowhere sees nothing.
    const listed = async (who: string) => {
      const res = await fetch(`${server.base}/api/v1/review/sessions`, { headers: { Authorization: `Bearer ${await keys.token(who, 'read')}` } });
      return ((await res.json()) as { sessions: { session_id: string; role: string }[] }).sessions;
    };
    expect((await listed('alice')).map((s) => [s.session_id, s.role])).toEqual([[built.sid, 'reviewer']]);
    expect(await listed('mallory')).toEqual([]);
    await page.getByRole('tab', { name: 'Approve' }).click();

    // An earlier position: its hash is not the design's current one, so the server refuses it.
    await scrubTo(page, built.head, built.placedAt, built.head);
    await page.getByLabel('Statement').fill('checked the placement');
    await page.getByRole('button', { name: 'Approve this state' }).click();
    await expect.poll(() => page.getByTestId('approve-outcome').getAttribute('data-code'), POLL).toBe('STALE_STATE');
    await screenshot(page, '5-stale-refused');

    // The refusal itself is in the log (an audited call with outcome STALE_STATE): the head moved on.
    const head = await headSeq(server.base, built.sid);
    expect(head).toBe(built.head + 1);
    await page.getByRole('button', { name: 'Follow live' }).click();
    await page.locator(`svg[data-board-seq="${head}"]`).waitFor();
    const hash = await page.getByTestId('approve-hash').textContent();
    await page.getByLabel('Statement').fill('Reviewed the board, ERC and the DRC findings in the review app');
    await page.getByRole('button', { name: 'Approve this state' }).click();
    await expect.poll(() => page.getByTestId('approve-outcome').getAttribute('data-code'), POLL).toBe('OK');
    // The new event arrives over the live stream, without a reload.
    await page.getByRole('tab', { name: 'Events' }).click();
    await page.locator('.events', { hasText: 'DesignCommitted' }).waitFor({ timeout: 10_000 });
    await screenshot(page, '6-approved');

    const log = await (await fetch(`${server.base}/api/v1/sessions/${built.sid}/events`, { headers: OWNER })).text();
    const committed = log.trim().split('\n').map((l) => JSON.parse(l)).filter((e) => e.type === 'DesignCommitted');
    expect(committed).toHaveLength(1);
    expect(committed[0]).toMatchObject({ actor: { principal: 'token:alice' }, data: { design_hash: hash, self_approval: false } });

    // Carol authors her own session's design and tries to approve it: refused, and the app says why.
    const carol = { Authorization: `Bearer ${await keys.token('carol', 'approved-commit')}`, 'content-type': 'application/json' };
    const own = await createSession(server.base, carol);
    expect((await callRest(server.base, carol, own, 'design_parse_str', { design_name: 'led', yaml_content: TINY })).body.ok).toBe(true);
    await page.getByLabel('Grant token').fill(carol.Authorization.slice(7));
    await page.getByRole('button', { name: 'Use token' }).click();
    await page.goto(`${server.base}/app/#/s/${own}?design=led`);
    await page.getByRole('tab', { name: 'Approve' }).click();
    await page.getByLabel('Statement').fill('my own work');
    await page.getByRole('button', { name: 'Approve this state' }).click();
    await expect.poll(() => page.getByTestId('approve-outcome').getAttribute('data-code'), POLL).toBe('SELF_APPROVAL');
    // The token lived in memory only: no cookie, no storage, and a reload forgets it.
    expect(await page.context().cookies()).toEqual([]);
    expect(await page.evaluate('localStorage.length + sessionStorage.length')).toBe(0);
    await page.reload();
    expect(await page.getByLabel('Grant token').getAttribute('placeholder')).toBe('paste a grant token');
  });

  it('filters the audit table and exports it as CSV and JSON lines', async () => {
    await page.goto(`${server.base}/app/#/s/${built.sid}?design=led`);
    await page.locator(`svg[data-board-seq]`).waitFor({ timeout: 15_000 });
    await page.getByRole('tab', { name: 'Audit' }).click();
    await page.getByLabel('Filter by decision').selectOption('deny');
    await expect.poll(() => page.getByTestId('audit-count').textContent(), POLL).toMatch(/^1 of \d+ calls$/);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    expect(csvText.split('\r\n')[0]).toBe('seq,at,principal,actor,tool,capability,decision,outcome,reason,hash');
    expect(csvText).toContain(',board_update,sandbox-write,deny,OPERATION_NOT_AUTHORIZED,');
    await page.getByLabel('Filter by decision').selectOption('');
    await page.getByLabel('Filter by tool').selectOption('design_commit');
    const [jsonl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSONL' }).click()]);
    const rows = readFileSync((await jsonl.path())!, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toEqual([
      expect.objectContaining({ tool: 'design_commit', principal: 'token:alice', decision: 'allow', outcome: 'STALE_STATE' }),
      expect.objectContaining({ tool: 'design_commit', principal: 'token:alice', decision: 'allow', outcome: 'ok' }),
    ]);
    const shot = await screenshot(page, '7-audit');
    expect(shot).toMatch(/\.png$/);
    // No script error and no Content-Security-Policy violation on any page of the run.
    expect(problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
  });
});

