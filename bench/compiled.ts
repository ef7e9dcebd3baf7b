/**
 * The runtime as it ships: the compiled modules in dist/ (what `zaptrace` runs; `npm run bench`
 * builds them first), with their types from src/. Rates measured through tsx would include its
 * transform's own costs (a `__name` call each time a closure is made, among others), which no
 * installed server pays.
 */
const dist = async <T>(path: string): Promise<T> => (await import(new URL(`../dist/${path}`, import.meta.url).href)) as T;

export const { composeRuntime } = await dist<typeof import('../src/compose.js')>('compose.js');
export const { replay } = await dist<typeof import('../src/runtime/projections/session-state.js')>('runtime/projections/session-state.js');
export const { replayLogFile } = await dist<typeof import('../src/runtime/replay-log.js')>('runtime/replay-log.js');
export const { parseLog, verifyParsedLog } = await dist<typeof import('../src/runtime/store/verify-log.js')>('runtime/store/verify-log.js');
export const { createMcpConnection } = await dist<typeof import('../src/surfaces/mcp/connection.js')>('surfaces/mcp/connection.js');
export const { createMcpServer } = await dist<typeof import('../src/surfaces/mcp/server.js')>('surfaces/mcp/server.js');
