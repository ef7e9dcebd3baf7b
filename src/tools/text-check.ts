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
export function checkInputText(value: unknown, ctx: z.RefinementCtx): void {
  const walk = (v: unknown, path: (string | number)[]): boolean => {
    if (typeof v === 'string') {
      const problem = v.length > MAX_TEXT ? null : textProblem(v);
      if (v.length > MAX_TEXT) ctx.addIssue({ code: 'custom', message: `longer than ${MAX_TEXT} characters`, path });
      else if (problem) ctx.addIssue({ code: 'custom', message: TEXT_PROBLEM_MESSAGE[problem], path, params: { reason: problem } });
      return v.length <= MAX_TEXT && problem === null;
    }
    if (v === null || typeof v !== 'object') return true;
    if (path.length >= MAX_DEPTH) {
      ctx.addIssue({ code: 'custom', message: `nested deeper than ${MAX_DEPTH} levels`, path });
      return false;
    }
    if (Array.isArray(v)) return v.every((item, i) => walk(item, [...path, i]));
    for (const [key, item] of Object.entries(v)) {
      const problem = textProblem(key);
      if (problem) {
        ctx.addIssue({ code: 'custom', message: `key ${TEXT_PROBLEM_MESSAGE[problem]}`, path: [...path, key] });
        return false;
      }
      if (!walk(item, [...path, key])) return false;
    }
    return true;
  };
  walk(value, []);
}
