import { McpError, ErrorCode } from '@modelcontextprotocol/sdk/types.js';

/**
 * Prompts an engineer picks from a client's menu (MCP spec, "Prompts"): each names the tools to call in
 * order, so an agent follows the runtime's own workflow (contract.md: evidence of this exact state,
 * independent approval, release gate) instead of guessing it.
 */
interface PromptArg {
  name: string;
  description: string;
  required: boolean;
}
interface PromptDef {
  name: string;
  title: string;
  description: string;
  arguments: PromptArg[];
  text(args: Record<string, string>): string;
}

const DESIGN: PromptArg = { name: 'design_name', description: 'A design of the session (completion lists them).', required: true };
const SESSION: PromptArg = { name: 'session_id', description: 'Session holding the design; default: this connection’s session.', required: false };
const inSession = (a: Record<string, string>) => (a['session_id'] ? ` (session_id "${a['session_id']}")` : '');

export const PROMPTS: readonly PromptDef[] = [
  {
    name: 'design_review',
    title: 'Review a design',
    description: 'Walk a design as a reviewer: parts, nets, ERC, DRC, picture; findings with refs and fixes.',
    arguments: [DESIGN, SESSION],
    text: (a) =>
      `Review the design "${a['design_name']}"${inSession(a)} as an independent PCB reviewer.\n` +
      '1. design_inspect and design_list_nets: check every IC has decoupling, power nets are named, no single-pin nets.\n' +
      '2. erc_validate, then drc_run: list each violation with its ref/net and a concrete fix.\n' +
      '3. render_svg: look at the picture for crowded areas, parts off the board, unrouted airwires.\n' +
      '4. export_bom_json: flag parts without MPN or with DNP.\n' +
      'Answer with: a verdict (ready / needs changes), findings ordered by severity, and the design_hash you reviewed. Do not edit the design.',
  },
  {
    name: 'release_checklist',
    title: 'Release checklist',
    description: 'What must hold before export_manufacturing succeeds: fresh ERC/DRC of this state, independent approval.',
    arguments: [DESIGN, SESSION],
    text: (a) =>
      `Prepare "${a['design_name']}"${inSession(a)} for release, step by step, stopping at the first failure:\n` +
      '1. design_inspect: note design_hash; the checks and the approval must be of this exact hash.\n' +
      '2. erc_validate and drc_run: both must pass on this hash (erc_get_result / drc_get_result show freshness).\n' +
      '3. An approval by a principal who authored no change of this state: design_commit with a statement (a reviewer named with session_add_reviewer). You cannot approve your own edits.\n' +
      '4. export_manufacturing with that approval_id (needs the release-export capability).\n' +
      'Report each step as done / blocked, with the error code when blocked.',
  },
  {
    name: 'fix_drc_violations',
    title: 'Fix DRC violations',
    description: 'Run DRC, then fix violations one edit at a time, re-checking after each.',
    arguments: [DESIGN, SESSION],
    text: (a) =>
      `Run drc_run on "${a['design_name']}"${inSession(a)}. For each violation, smallest fix first:\n` +
      '- clearance or short: place_components with more clearance_mm, then route_nets again;\n' +
      '- unrouted: route_nets with a finer grid_mm or a larger time_limit_ms;\n' +
      '- board-edge: board_update (width_mm/height_mm) or place_components with edge_clearance_mm.\n' +
      'Preview risky edits with design_transaction_preview. After each edit, run drc_run again; stop when it passes or no fix helps, and report what changed (design_diff).',
  },
  {
    name: 'start_from_intent',
    title: 'Start a board from an intent',
    description: 'From a sentence to a placed, routed, checked design in a new session.',
    arguments: [
      { name: 'intent', description: 'What to build, e.g. "ESP32 I2C sensor node with USB-C power and a BME280".', required: true },
      { name: 'design_name', description: 'Name for the new design.', required: false },
    ],
    text: (a) =>
      `Build a board for: ${a['intent']}\n` +
      `1. session_create, then synthesize_design with this intent${a['design_name'] ? ` and design_name "${a['design_name']}"` : ''}; read its choices and assumptions back to me.\n` +
      '2. place_components, route_nets, erc_validate, drc_run (or pipeline_run for all at once).\n' +
      '3. render_svg and show me the board; list what a reviewer must still check.',
  },
  {
    name: 'inspect_component',
    title: 'Inspect a component',
    description: 'What one part does on the board: its pins and nets, its neighbours, and what ERC/DRC say about it.',
    arguments: [DESIGN, { name: 'ref', description: 'Reference designator, e.g. U1 (completion lists the design’s refs).', required: true }, SESSION],
    text: (a) =>
      `Explain ${a['ref']} of "${a['design_name']}"${inSession(a)} to a reviewer:\n` +
      `1. design_inspect: its part, value, footprint, placement; design_list_nets: the net of every pin of ${a['ref']}.\n` +
      '2. Check what a datasheet would ask of it: decoupling on each supply pin, pull-ups, unconnected pins that must not float.\n' +
      `3. erc_get_result and drc_get_result: any finding that names ${a['ref']} or its nets.\n` +
      'Answer with its role, its connections as a table, and concrete concerns. Do not edit the design.',
  },
  {
    name: 'trace_net',
    title: 'Trace a net',
    description: 'Every pin on one net, how it is routed, and whether its class, width and clearance fit its job.',
    arguments: [DESIGN, { name: 'net', description: 'Net name, e.g. VBUS (completion lists the design’s nets).', required: true }, SESSION],
    text: (a) =>
      `Trace the net ${a['net']} of "${a['design_name']}"${inSession(a)}:\n` +
      `1. design_list_nets: every REF.PIN on ${a['net']}; design_inspect: its class and the tracks and vias carrying it.\n` +
      '2. Say whether each connection is routed (drc_run reports opens) and whether the width suits the current it carries.\n' +
      '3. render_svg and point at the net on the picture. Do not edit the design.',
  },
  {
    name: 'add_library_part',
    title: 'Add a library part',
    description: 'Add one part from the library to a design and wire it, previewed before it is applied.',
    arguments: [
      DESIGN,
      { name: 'part_id', description: 'Library part id (completion searches the library as you type).', required: true },
      { name: 'ref', description: 'Reference designator for the new part, e.g. U3.', required: true },
      { name: 'footprint', description: 'Footprint to use instead of the part’s own (completion lists packages).', required: false },
      SESSION,
    ],
    text: (a) =>
      `Add the library part ${a['part_id']} to "${a['design_name']}"${inSession(a)} as ${a['ref']}${a['footprint'] ? ` with footprint ${a['footprint']}` : ''}:\n` +
      '1. library_get: read its pins and what each needs (supply, decoupling, pull-ups).\n' +
      `2. design_transaction_preview with operation component_add (part_id, ref ${a['ref']}), then net_connect previews for its pins; show me the diff.\n` +
      '3. After I agree, apply the same edits, then erc_validate and report any new finding.',
  },
];

export function listPrompts() {
  return PROMPTS.map(({ name, title, description, arguments: args }) => ({ name, title, description, arguments: args }));
}

/** prompts/get: unknown prompt or missing required argument → InvalidParams (JSON-RPC -32602), as the spec asks. */
export function getPrompt(name: string, args: Record<string, string> | undefined) {
  const prompt = PROMPTS.find((p) => p.name === name);
  if (!prompt) throw new McpError(ErrorCode.InvalidParams, `unknown prompt: ${name.slice(0, 80)}`);
  const given = args ?? {};
  const missing = prompt.arguments.filter((a) => a.required && !given[a.name]?.trim()).map((a) => a.name);
  if (missing.length > 0) throw new McpError(ErrorCode.InvalidParams, `missing argument: ${missing.join(', ')}`);
  const clean = Object.fromEntries(Object.entries(given).map(([k, v]) => [k, v.slice(0, 2000)]));
  return { description: prompt.description, messages: [{ role: 'user' as const, content: { type: 'text' as const, text: prompt.text(clean) } }] };
}
