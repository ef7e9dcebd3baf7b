import { z } from 'zod';
import { own } from '../kernel/own.js';
import { inputTextCheck } from './text-check.js';
import { ZapTraceError } from '../kernel/errors.js';
import type { Level } from '../runtime/capability.js';
import type { DesignEntry, SessionState } from '../runtime/projections/session-state.js';
import type { ToolContext, ToolDefinition, ToolResult } from '../runtime/tool-definition.js';
import type { Services } from './services.js';

export type Ctx = ToolContext<Services>;

/** Every session-bound tool accepts an optional `session_id` (MCP); REST also takes it from the header. */
export const SessionIdField = z.string().min(1).max(200).optional().describe('Session id; defaults to the connection session (MCP) or X-ZapTrace-Session-Id (REST).');

/** How a design name that refers to an existing design is described (the MCP tool list recognises it). */
export const EXISTING_DESIGN_DESCRIPTION = 'Name of a design in the session.';

export const DesignName = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._+-]*$/u, 'letters, digits, space, dot, underscore, plus or hyphen; starting with a letter or digit')
  .describe(EXISTING_DESIGN_DESCRIPTION);

interface Spec<Shape extends z.ZodRawShape, O> {
  name: string;
  title: string;
  description: string;
  level: Level;
  input: Shape;
  output: z.ZodType<O>;
  handler(input: z.infer<z.ZodObject<Shape>>, ctx: Ctx): Promise<ToolResult<O>> | ToolResult<O>;
}

export function sessionTool<Shape extends z.ZodRawShape, O>(spec: Spec<Shape, O>): ToolDefinition<unknown, unknown, Services> {
  return {
    ...spec,
    session: 'required',
    input: (() => {
      const shape = { ...spec.input, session_id: SessionIdField };
      return z.object(shape).strict().superRefine(inputTextCheck(shape));
    })(),
  } as unknown as ToolDefinition<unknown, unknown, Services>;
}

export function globalTool<Shape extends z.ZodRawShape, O>(spec: Spec<Shape, O>): ToolDefinition<unknown, unknown, Services> {
  return { ...spec, session: 'none', input: z.object(spec.input).strict().superRefine(inputTextCheck(spec.input)) } as unknown as ToolDefinition<unknown, unknown, Services>;
}

export function requireDesign(state: SessionState, name: string): DesignEntry {
  const entry = own(state.designs, name);
  if (!entry) {
    throw new ZapTraceError('NOT_FOUND', `no design named "${name}" in this session`, {
      path: 'design_name',
      known: Object.keys(state.designs).sort().slice(0, 50),
    });
  }
  return entry;
}

/** Loose object output: the documented fields plus whatever the tool adds. */
export const looseObject = <S extends z.ZodRawShape>(shape: S) => z.looseObject(shape);
