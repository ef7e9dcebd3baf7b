import type { Library } from '../eda/library/index.js';
import type { FootprintResolver, PinPadMapper } from '../eda/board/index.js';
import type { Workspace } from '../runtime/workspace/index.js';

/** What tools may use besides the runtime: injected by compose.ts (the composition root). */
export interface Services {
  workspace: Workspace;
  library: Library;
  resolveFootprint: FootprintResolver;
  mapPins: PinPadMapper;
}
