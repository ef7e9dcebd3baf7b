/**
 * Descriptions of tool parameters whose zod schema carries none, keyed `tool.param` (or `*.param` for
 * every tool), for the model reading the tool list (MCP spec, "Tools": inputSchema). A description set
 * with `.describe()` on the schema wins. test/surfaces/tool-metadata.test.ts fails on any parameter that
 * has neither, so a new parameter cannot ship undescribed.
 */
const SEQ = 'Log position (event seq, 1-based).';
const TX = 'Transaction id (tx_ + 16 hex) returned by design_transaction_preview.';
const STATEMENT = 'What you reviewed and why you approve, in your words (recorded in the log).';
const SEED = 'Random seed; the same seed and design give the same result.';
const LAYERS = 'Layers to draw (e.g. F.Cu, B.Cu, Edge.Cuts); default all.';

export const PARAM_DOCS: Readonly<Record<string, string>> = {
  'session_add_reviewer.principal': 'Principal id to name as reviewer, e.g. token:alice.',
  'design_parse_str.format': 'Text format: yaml or json (auto: guess).',
  'design_parse_file.strict': 'Require kind + schema_version and reject unknown keys.',
  'design_at.seq': SEQ,
  'design_diff.from_seq': 'Compare the design as it was at this seq…',
  'design_diff.to_seq': '…with this seq (default: now).',
  'component_add.ref': 'Reference designator, e.g. R1, U2.',
  'component_add.type_name': 'Component type, e.g. resistor, capacitor, MCU.',
  'component_add.value': 'Value, e.g. 10k, 100nF.',
  'component_add.footprint': 'Footprint name (see footprint_list_packages), e.g. R_0603_1608Metric.',
  'component_add.part_id': 'Library part id (see library_search); fills pins and footprint.',
  'component_add.pins': 'Pins when no part_id is given.',
  'component_add.pins.name': 'Pin name, e.g. VCC, 1.',
  'component_add.pins.type': 'Electrical pin type, used by ERC.',
  'component_add.pins.number': 'Pad number on the footprint.',
  'component_add.connections': 'Pin name → net id or name to connect at once.',
  'component_remove.component_id': 'Component id (map key); or give ref.',
  'component_remove.ref': 'Reference designator; or give component_id.',
  'board_update.width_mm': 'Board outline width in mm.',
  'board_update.height_mm': 'Board outline height in mm.',
  'board_update.layers': 'Copper layer count.',
  'board_update.min_trace_width_mm': 'Fab minimum trace width in mm.',
  'board_update.min_clearance_mm': 'Fab minimum copper clearance in mm.',
  'board_update.min_via_diameter_mm': 'Fab minimum via pad diameter in mm.',
  'board_update.min_via_drill_mm': 'Fab minimum via drill in mm.',
  'board_update.thickness_mm': 'Board thickness in mm.',
  'design_commit.approval_id': 'Your id for this approval; exports cite it.',
  'design_commit.statement': STATEMENT,
  'design_commit.note': 'Optional note.',
  'net_add.name': 'Net name, no spaces, e.g. I2C_SDA.',
  'net_add.type': 'Net class; power and ground nets get wider traces.',
  'net_connect.net': 'Net id or name.',
  'net_connect.connect': 'Pins to connect, as REF.PIN (e.g. U1.SDA).',
  'net_connect.disconnect': 'Pins to disconnect from this net, as REF.PIN.',
  'audit_list_events.tool': 'Only events of this tool name.',
  'audit_list_events.decision': 'Only allowed or denied calls.',
  'audit_list_events.limit': 'Maximum events returned.',
  'session_events.from_seq': 'First seq to return.',
  'session_events.limit': 'Maximum events returned.',
  'library_search.query': 'Words to match in part name, description, MPN, e.g. "temperature sensor i2c".',
  'library_search.category': 'Only this category (library_list_categories).',
  'library_search.package': 'Only this package, e.g. SOT-23.',
  'library_search.max_results': 'Maximum parts returned.',
  'library_get.id': 'Part id from library_search.',
  'footprint_get.name': 'Footprint name from footprint_list_packages.',
  'place_components.seed': SEED,
  'place_components.clearance_mm': 'Minimum gap between courtyards in mm.',
  'place_components.edge_clearance_mm': 'Minimum gap to the board edge in mm.',
  'place_components.channel_mm': 'Routing channel kept between parts in mm.',
  'place_components.allow_bottom': 'Allow parts on the bottom side.',
  'place_components.iterations': 'Annealing iterations (default: sized to the design).',
  'route_nets.seed': SEED,
  'route_nets.grid_mm': 'Routing grid pitch in mm (default: from fab rules).',
  'route_nets.time_limit_ms': 'Routing time budget in milliseconds.',
  'design_transaction_preview.operation': 'Edit tool to preview.',
  'design_transaction_preview.params': 'Arguments of that edit tool (without design_name).',
  'design_transaction_preview.reason': 'Why this change (recorded).',
  'design_transaction_validate.tx_id': TX,
  'design_transaction_commit.tx_id': TX,
  'design_transaction_commit.approval_id': 'Your id for this approval.',
  'design_transaction_commit.statement': STATEMENT,
  'design_transaction_rollback.tx_id': TX,
  'design_transaction_rollback.reason': 'Why it is dropped (recorded).',
  'pipeline_run.source': 'Design text (YAML/JSON); or give path or intent.',
  'pipeline_run.path': 'Workspace-relative design file; or give source or intent.',
  'pipeline_run.intent': 'Plain-language intent to synthesize from; or give source or path.',
  'pipeline_run.seed': SEED,
  'synthesize_design.intent': 'What to build, e.g. "ESP32 I2C sensor node with USB-C power".',
  'render_svg.layers': LAYERS,
  'export_svg.layers': LAYERS,
};

/** Fills missing `description`s of a tool's input JSON Schema from PARAM_DOCS (nested: `tool.a.b`, arrays see through). */
export function describeParams(tool: string, schema: Record<string, unknown>): Record<string, unknown> {
  return fill(schema, tool) as Record<string, unknown>;
}

function fill(node: unknown, path: string): unknown {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return node;
  const s = node as Record<string, unknown>;
  const out: Record<string, unknown> = { ...s };
  if (s['items'] !== undefined) out['items'] = fill(s['items'], path);
  const props = s['properties'];
  if (props !== null && typeof props === 'object') {
    out['properties'] = Object.fromEntries(
      Object.entries(props as Record<string, unknown>).map(([name, child]) => {
        const filled = fill(child, `${path}.${name}`) as Record<string, unknown>;
        const doc = PARAM_DOCS[`${path}.${name}`];
        return [name, filled['description'] === undefined && doc !== undefined ? { description: doc, ...filled } : filled];
      }),
    );
  }
  return out;
}
