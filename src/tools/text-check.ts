import type { z } from 'zod';
import { TEXT_PROBLEM_MESSAGE, textProblem } from '../kernel/text-rules.js';

/** No string anywhere in a tool's input is longer than the largest field (a 4 MiB design text). */
const MAX_TEXT = 4 * 1024 * 1024;
const MAX_DEPTH = 64;

/**
 * One check of every string (values and keys) of a tool's validated input, with the parser's rule
 * (kernel/text-rules.ts). Attached to every tool's input schema by sessionTool/globalTool, so no
 * edit tool can put text into a design that the parser would refuse, and the refusal names the
 * field (`pins.0.name`, `params.value`).
 */
export function checkInputText(value: unknown, ctx: z.RefinementCtx, ownKeys?: ReadonlySet<string>): void {
  // One path stack for the whole walk, copied only into an issue: a valid input (every call that
  // goes on to its handler) allocates no path per string.
  const path: (string | number)[] = [];
  const walk = (v: unknown): boolean => {
    if (typeof v === 'string') {
      if (v.length > MAX_TEXT) {
        ctx.addIssue({ code: 'custom', message: `longer than ${MAX_TEXT} characters`, path: path.slice() });
        return false;
      }
      const problem = textProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: TEXT_PROBLEM_MESSAGE[problem], path: path.slice(), params: { reason: problem } });
      return problem === null;
    }
    if (v === null || typeof v !== 'object') return true;
    if (path.length >= MAX_DEPTH) {
      ctx.addIssue({ code: 'custom', message: `nested deeper than ${MAX_DEPTH} levels`, path: path.slice() });
      return false;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        const ok = walk(v[i]);
        path.pop();
        if (!ok) return false;
      }
      return true;
    }
    for (const key of Object.keys(v)) {
      // The top-level keys a strict schema let through are its own field names, written in this code.
      const problem = path.length === 0 && ownKeys?.has(key) ? null : textProblem(key);
      if (problem) {
        ctx.addIssue({ code: 'custom', message: `key ${TEXT_PROBLEM_MESSAGE[problem]}`, path: [...path, key] });
        return false;
      }
      path.push(key);
      const ok = walk((v as Record<string, unknown>)[key]);
      path.pop();
      if (!ok) return false;
    }
    return true;
  };
  walk(value);
}

/** checkInputText for a strict object schema whose field names (`shape`) need no check of their own. */
export function inputTextCheck(shape: object): (value: unknown, ctx: z.RefinementCtx) => void {
  const own = new Set(Object.keys(shape));
  return (value, ctx) => checkInputText(value, ctx, own);
}
