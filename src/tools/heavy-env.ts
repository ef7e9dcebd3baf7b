import type { SynthesisResult } from '../eda/synth/index.js';
import type { ProgressSink } from '../runtime/heavy-work.js';
import type { Services } from './services.js';

/**
 * What a heavy task may use in its worker thread: the pure EDA services (no workspace, no log key,
 * no session state). Its own file, so the task table (`./heavy-tasks.ts`) and the stages it runs
 * (`./pipeline-stages.ts`) both name it without importing each other.
 */
export type HeavyEnv = Pick<Services, 'library' | 'resolveFootprint' | 'mapPins'> & {
  synthesize: (intent: string) => SynthesisResult;
  progress: ProgressSink;
};
