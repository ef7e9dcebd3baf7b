/**
 * Behaviour hints of each tool for MCP clients (MCP spec 2025-06-18, "Tool annotations"):
 * - readOnly: the call changes nothing (no event appended, no file written, no session created);
 *   the capability level is not the criterion — `session_create` needs only `read` yet creates a session.
 * - destructive: the call may remove or overwrite something (a component, a placement, a file on disk).
 * - idempotent: a second identical call has no further effect (deterministic exports rewrite the same bytes).
 * No tool reaches outside the workspace and the session log, so openWorldHint is false throughout.
 */
export interface ToolHints {
  readOnly: boolean;
  destructive: boolean;
  idempotent: boolean;
}

const READ: ToolHints = { readOnly: true, destructive: false, idempotent: true };
const ADDS: ToolHints = { readOnly: false, destructive: false, idempotent: false };
const OVERWRITES: ToolHints = { readOnly: false, destructive: true, idempotent: false };
/** Writes files deterministically: a repeat call rewrites the same bytes over the previous ones. */
const WRITES_FILES: ToolHints = { readOnly: false, destructive: true, idempotent: true };

export const TOOL_HINTS: Readonly<Record<string, ToolHints>> = {
  session_create: ADDS,
  session_list: READ,
  session_add_reviewer: { readOnly: false, destructive: false, idempotent: true },
  audit_list_events: READ,
  session_events: READ,
  design_parse_str: ADDS,
  design_parse_file: ADDS,
  design_list: READ,
  design_inspect: READ,
  design_list_nets: READ,
  design_at: READ,
  design_diff: READ,
  component_add: ADDS,
  component_remove: OVERWRITES,
  board_update: { readOnly: false, destructive: true, idempotent: true },
  design_commit: ADDS,
  net_add: ADDS,
  net_connect: OVERWRITES, // `disconnect` removes pins from a net
  place_components: { readOnly: false, destructive: true, idempotent: true }, // same seed, same placement
  route_nets: OVERWRITES, // replaces earlier routes; a time limit may change the result
  erc_list_rules: READ,
  erc_validate: ADDS,
  erc_get_result: READ,
  drc_list_rules: READ,
  drc_run: ADDS,
  drc_get_result: READ,
  library_search: READ,
  library_get: READ,
  library_list_categories: READ,
  footprint_get: READ,
  footprint_list_packages: READ,
  pipeline_run: ADDS,
  list_synthesis_templates: READ,
  synthesize_design: ADDS,
  render_svg: READ,
  render_report: READ,
  export_svg: WRITES_FILES,
  export_report: WRITES_FILES,
  export_kicad: WRITES_FILES,
  export_gerber: WRITES_FILES,
  export_excellon: WRITES_FILES,
  export_pick_and_place: WRITES_FILES,
  export_manufacturing: WRITES_FILES,
  export_bom_csv: READ,
  export_bom_json: READ,
  design_transaction_preview: ADDS,
  design_transaction_validate: ADDS,
  design_transaction_commit: OVERWRITES, // applies a previewed edit, which may remove or overwrite
  design_transaction_rollback: ADDS,
  design_transaction_list: READ,
  // Pure calculators (src/tools/calc-tools.ts).
  calc_e_series: READ,
  calc_led_resistor: READ,
  calc_voltage_divider: READ,
  calc_rc_filter: READ,
  calc_i2c_pullup: READ,
  calc_usb_c_cc: READ,
  calc_decoupling: READ,
  calc_lipo_charge: READ,
  calc_buck_lc: READ,
  calc_trace_width: READ,
  calc_impedance: READ,
  design_snapshot: ADDS,
  design_list_snapshots: READ,
  design_rollback: OVERWRITES, // replaces the design's current state (the log keeps it)
  export_spice: READ,
  simulation_gate: ADDS,
  schematic_render: READ,
  mechanical_review: READ,
  testability_report: READ,
  security_review: READ,
  compliance_checklist: READ,
  pipeline_status: READ,
  requirements_parse: READ,
  requirements_review: READ,
  board_plan: READ,
  power_tree_plan: READ,
  synthesize_power_tree: ADDS,
  dc_bias_check: READ,
  electrical_analysis: READ,
  patch_suggest: READ,
  proof_list_checks: READ,
  proof_run: ADDS,
  proof_run_design: ADDS,
  // Parity variants (synth-variant-tools.ts, footprint-tools.ts, net-class-tools.ts, board-export-tool.ts).
  pipeline_run_stage: ADDS,
  synthesize_board: ADDS,
  synthesize_and_check: ADDS,
  synthesize_board_and_check: ADDS,
  synthesize_board_repair: ADDS,
  synthesize_board_score: ADDS,
  synthesis_benchmark: READ,
  footprint_search: READ,
  footprint_generate: READ,
  resolve_footprints: { readOnly: false, destructive: false, idempotent: true }, // fills only empty footprints
  kicad_3d_model_coverage: READ,
  board_summarize_nets: READ,
  board_classify_nets: { readOnly: false, destructive: true, idempotent: true }, // `overwrite` replaces classes
  design_classify_nets: { readOnly: false, destructive: true, idempotent: true },
  design_route_smart: OVERWRITES,
  board_export: READ,
  kicad_step_export: OVERWRITES, // STEP headers carry a timestamp: a repeat call writes other bytes
  kicad_import_project: ADDS, // always a new design
  easyeda_std_roundtrip: READ,
  altium_import_fidelity: READ,
  kicad_to_easyeda_pro: WRITES_FILES, // the same design gives the same bytes (fixed ids and zip mtime); replaces the file
};

/**
 * Plugin tools (`plugin.<name>.<tool>`) are design checks that at most append their result (docs/plugins.md);
 * any other unknown tool is assumed to do anything: the conservative hints.
 */
export function hintsOf(tool: string): ToolHints {
  return TOOL_HINTS[tool] ?? (tool.startsWith('plugin.') ? ADDS : { readOnly: false, destructive: true, idempotent: false });
}

/**
 * The MCP `annotations` object of a tool. Hints equal to the spec's defaults are left out to keep the list
 * small (destructiveHint and idempotentHint only mean something when readOnlyHint is false; idempotentHint
 * defaults to false); openWorldHint defaults to true, so it is always sent.
 */
export function mcpAnnotations(tool: string) {
  const h = hintsOf(tool);
  if (h.readOnly) return { readOnlyHint: true, openWorldHint: false };
  return { destructiveHint: h.destructive, ...(h.idempotent ? { idempotentHint: true } : {}), openWorldHint: false };
}
