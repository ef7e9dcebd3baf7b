import type { Design } from '../eda/model/design.js';
import type { OffloadOptions } from '../runtime/tool-definition.js';
import type { Ctx } from './define.js';
import type { DesignText, HeavyArgs, HeavyTaskName, HeavyValue } from './heavy-tasks.js';

/**
 * Runs a heavy task (tools/heavy-tasks.ts) in the worker pool with the call's deadline, cancellation
 * and progress; typed by the task table so a handler cannot send a task the wrong arguments.
 */
export function runHeavy<K extends HeavyTaskName>(ctx: Ctx, task: K, args: HeavyArgs<K>, options: OffloadOptions = {}): Promise<HeavyValue<K>> {
  return ctx.offload<HeavyValue<K>>(task, args, options);
}

/** Designs are immutable (immer), so one serialisation per design object serves every task on it. */
const texts = new WeakMap<Design, DesignText>();

export function designText(design: Design): DesignText {
  let text = texts.get(design);
  if (text === undefined) {
    text = JSON.stringify(design);
    texts.set(design, text);
  }
  return text;
}

/**
 * The router's own time budget: the tool's `time_limit_ms`, capped to nine tenths of what is left of
 * the call's deadline so the router stops searching and returns its partial result before the
 * deadline would stop the worker outright (DEADLINE_EXCEEDED, nothing recorded).
 */
export function routerBudgetMs(timeLimitMs: number, remainingMs: number): number {
  return Math.max(1, Math.min(timeLimitMs, Math.floor(remainingMs * 0.9)));
}
