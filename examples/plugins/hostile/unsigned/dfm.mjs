// Fab-capability checks of a routed board against a fab profile: minimum track width, copper
// spacing between different nets (tracks and vias, same layer; vias span all layers), drill and
// annular ring ((via diameter - drill) / 2, IPC-2221B 9.1.1), layer count and board size, plus the
// design's own rules against what the fab can make.
const EPS = 1e-6;
const MAX_FINDINGS = 200;
const MAX_ITEMS = 50_000;

function pointSegment(p, a, b) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

function segmentsCross(a, b, c, d) {
  const cross = (o, p, q) => (p[0] - o[0]) * (q[1] - o[1]) - (p[1] - o[1]) * (q[0] - o[0]);
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return d1 * d2 < 0 && d3 * d4 < 0;
}

function segmentSegment(a, b, c, d) {
  if (segmentsCross(a, b, c, d)) return 0;
  return Math.min(pointSegment(a, c, d), pointSegment(b, c, d), pointSegment(c, a, b), pointSegment(d, a, b));
}

/** Copper items as capsules: a track is a segment with half its width, a via a point with half its diameter. */
function copperItems(routing) {
  const items = [];
  for (const t of routing.tracks ?? []) items.push({ kind: 'track', net: t.net, layer: t.layer, a: t.start, b: t.end, r: t.width_mm / 2 });
  for (const v of routing.vias ?? []) items.push({ kind: 'via', net: v.net, layer: '*', a: v.at, b: v.at, r: v.diameter_mm / 2 });
  return items;
}

function spacingFindings(items, minSpace, add) {
  const cell = 2;
  const grid = new Map();
  const cells = (it) => {
    const pad = it.r + minSpace;
    const out = [];
    const x0 = Math.floor((Math.min(it.a[0], it.b[0]) - pad) / cell);
    const x1 = Math.floor((Math.max(it.a[0], it.b[0]) + pad) / cell);
    const y0 = Math.floor((Math.min(it.a[1], it.b[1]) - pad) / cell);
    const y1 = Math.floor((Math.max(it.a[1], it.b[1]) + pad) / cell);
    for (let x = x0; x <= x1 && out.length < 4096; x++) for (let y = y0; y <= y1 && out.length < 4096; y++) out.push(`${x},${y}`);
    return out;
  };
  items.forEach((it, i) => {
    for (const key of cells(it)) {
      const list = grid.get(key);
      if (list) list.push(i);
      else grid.set(key, [i]);
    }
  });
  const seen = new Set();
  for (const list of grid.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = Math.min(list[x], list[y]);
        const j = Math.max(list[x], list[y]);
        const p = items[i];
        const q = items[j];
        if (p.net === q.net || (p.layer !== '*' && q.layer !== '*' && p.layer !== q.layer)) continue;
        const key = `${i}:${j}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const gap = segmentSegment(p.a, p.b, q.a, q.b) - p.r - q.r;
        if (gap + EPS < minSpace) {
          add('error', 'fab.min_space', `${p.kind} of ${p.net} and ${q.kind} of ${q.net} are ${Math.max(0, gap).toFixed(3)} mm apart; the fab needs ${minSpace} mm`, [p.net, q.net], Math.max(0, gap), minSpace);
        }
      }
    }
  }
}

export function checkDesign(design, profile) {
  const findings = [];
  let dropped = 0;
  const add = (severity, rule, message, refs, measured, required) => {
    if (findings.length >= MAX_FINDINGS) return void (dropped += 1);
    findings.push({ rule, severity, message, ...(refs ? { refs: refs.slice(0, 50) } : {}), ...(measured !== undefined ? { measured_mm: Number(measured.toFixed(4)) } : {}), ...(required !== undefined ? { required_mm: required } : {}) });
  };
  const board = design.board ?? {};
  const routing = design.routing ?? { tracks: [], vias: [] };
  if (board.layers > profile.max_layers) add('error', 'fab.layers', `${board.layers} copper layers; the fab makes at most ${profile.max_layers}`);
  const size = Math.max(board.width_mm ?? 0, board.height_mm ?? 0);
  if (size > profile.max_board_mm) add('error', 'fab.board_size', `the board is ${size} mm on its long side; the fab panel allows ${profile.max_board_mm} mm`, undefined, size, profile.max_board_mm);
  if (board.min_trace_width_mm + EPS < profile.min_track_mm) add('warning', 'fab.rule_track', `the design allows ${board.min_trace_width_mm} mm tracks, below the fab's ${profile.min_track_mm} mm`, undefined, board.min_trace_width_mm, profile.min_track_mm);
  if (board.min_clearance_mm + EPS < profile.min_space_mm) add('warning', 'fab.rule_space', `the design allows ${board.min_clearance_mm} mm clearance, below the fab's ${profile.min_space_mm} mm`, undefined, board.min_clearance_mm, profile.min_space_mm);
  if (board.min_via_drill_mm + EPS < profile.min_drill_mm) add('warning', 'fab.rule_drill', `the design allows ${board.min_via_drill_mm} mm via drills, below the fab's ${profile.min_drill_mm} mm`, undefined, board.min_via_drill_mm, profile.min_drill_mm);
  for (const t of routing.tracks ?? []) {
    if (t.width_mm + EPS < profile.min_track_mm) add('error', 'fab.min_track', `a ${t.width_mm} mm track of ${t.net} on ${t.layer}; the fab needs ${profile.min_track_mm} mm`, [t.net], t.width_mm, profile.min_track_mm);
  }
  for (const v of routing.vias ?? []) {
    if (v.drill_mm + EPS < profile.min_drill_mm) add('error', 'fab.min_drill', `a ${v.drill_mm} mm via drill on ${v.net}; the fab drills at least ${profile.min_drill_mm} mm`, [v.net], v.drill_mm, profile.min_drill_mm);
    const ring = (v.diameter_mm - v.drill_mm) / 2;
    if (ring + EPS < profile.min_annular_ring_mm) add('error', 'fab.annular_ring', `a via on ${v.net} has a ${ring.toFixed(3)} mm annular ring; the fab needs ${profile.min_annular_ring_mm} mm`, [v.net], ring, profile.min_annular_ring_mm);
  }
  const items = copperItems(routing);
  if (items.length > MAX_ITEMS) add('warning', 'fab.spacing_skipped', `${items.length} copper items: spacing not checked above ${MAX_ITEMS}`);
  else spacingFindings(items, profile.min_space_mm, add);
  if (dropped > 0) findings[findings.length - 1] = { rule: 'fab.more', severity: 'error', message: `${dropped + 1} more findings not listed` };
  return { passed: !findings.some((f) => f.severity === 'error'), findings, ruleset_version: `fab-dfm/1 ${profile.name}` };
}
