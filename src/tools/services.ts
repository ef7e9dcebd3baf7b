import type { Library } from '../eda/library/index.js';
import type { ReleasedFiles } from '../runtime/released-files.js';
import type { ApprovalPolicy } from '../runtime/approval-policy.js';
import type { FootprintResolver, PinPadMapper } from '../eda/board/index.js';
import type { Workspace } from '../runtime/workspace/index.js';
import type { Design } from '../eda/model/design.js';
import type { LogSigner } from '../runtime/store/log-key.js';

/** What tools may use besides the runtime: injected by compose.ts (the composition root). */
export interface Services {
  workspace: Workspace;
  library: Library;
  resolveFootprint: FootprintResolver;
  mapPins: PinPadMapper;
  /** The server's log-signing key: signs batch heads and release manifests. */
  logSigner: LogSigner;
  /** Whether an author may approve its own state (`--allow-self-approval`; off by default). */
  approvalPolicy: ApprovalPolicy;
  /**
   * `workspace` refuses to overwrite a file a release wrote (PATH_RELEASED); release exports write
   * through `releaseWriter` (the unguarded workspace) and record what they wrote in `released`.
   */
  releaseWriter: Pick<Workspace, 'writeFiles'>;
  released: ReleasedFiles;
  /** Plugin checks admitted as release evidence (`plugin.<name>.<tool>`): the release gate needs each to pass on the current state (docs/plugins.md). */
  releaseChecks?: readonly string[];
  /** Synthesis from intent (docs/synthesis.md); absent in builds without it. */
  synthesize?: (intent: string) => { design: Design; template: string; choices: unknown[]; assumptions: string[] };
}
