/** The runtime's API for handlers and surfaces; defined in `./tool-definition.ts` beside `ToolContext`, which carries it. */
export type { RuntimeApi } from './tool-definition.js';
