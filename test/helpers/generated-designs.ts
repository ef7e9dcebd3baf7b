/**
 * Generated boards for load tests and benches: JSON text (valid YAML too) within the parser's
 * 2 MiB input limit. Parts sit on a grid with explicit placement, so no placer run is needed.
 */

/** `n` 0402 resistors on a 2.5 mm grid; every 4th has its pins on one of 500 net pairs (airwires to draw). */
export function gridBoardJson(n: number, name = 'grid'): string {
  const cols = Math.ceil(Math.sqrt(n));
  const components: Record<string, unknown> = {};
  const placement: Record<string, [number, number]> = {};
  for (let i = 0; i < n; i++) {
    // Pins only on a quarter of the parts keeps 20,000 parts under the 2 MiB limit.
    components[`R${i}`] = i % 4 === 0 ? { type: 'RES', footprint: '0402', pins: { P1: { net: `a${i % 500}` }, P2: { net: `b${i % 500}` } } } : { type: 'RES', footprint: '0402' };
    placement[`R${i}`] = [5 + (i % cols) * 2.5, 5 + Math.floor(i / cols) * 2.5];
  }
  const side = cols * 2.5 + 10;
  return JSON.stringify({ meta: { name }, board: { width_mm: side, height_mm: side, layers: 2 }, components, placement });
}

/**
 * `n` placed resistors whose second pins share `shared` nets spread over the whole board: the router
 * needs well over a minute for n = 150, shared = 15, so a time limit decides how long it runs.
 */
export function routingBoardJson(n: number, shared: number, name = 'route'): string {
  const cols = Math.ceil(Math.sqrt(n));
  const components: Record<string, unknown> = {};
  const placement: Record<string, [number, number]> = {};
  for (let i = 0; i < n; i++) {
    const partner = (i * 7919) % n;
    components[`R${i}`] = { type: 'RES', footprint: '0402', pins: { P1: { net: `n${Math.min(i, partner)}` }, P2: { net: `m${i % shared}` } } };
    placement[`R${i}`] = [3 + (i % cols) * 3, 3 + Math.floor(i / cols) * 3];
  }
  const side = cols * 3 + 4;
  return JSON.stringify({ meta: { name }, board: { width_mm: side, height_mm: side, layers: 2 }, components, placement });
}

/** A few placed parts: a cheap design for "other sessions" to read. */
export function smallBoardJson(name = 'small'): string {
  return gridBoardJson(8, name);
}
