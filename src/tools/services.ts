import type { Workspace } from '../runtime/workspace/index.js';

/** What tools may use besides the runtime: injected by main.ts (the composition root). */
export interface Services {
  workspace: Workspace;
}
