import { ZapTraceError } from '../kernel/errors.js';
import { buildBoardGeometry } from '../eda/board/index.js';
import { runDrc } from '../eda/drc/index.js';
import { runErc } from '../eda/erc/index.js';
import type { Design } from '../eda/model/design.js';
import { placeComponents, type PlaceOptions } from '../eda/place/index.js';
import { renderBoardSvg, renderReportMarkdown, type ReportInput, type SvgDrcFinding } from '../eda/render/index.js';
import { routeNets, type RouteNetsOptions } from '../eda/route/index.js';
import type { SynthesisResult } from '../eda/synth/index.js';
import { PING_TASK } from '../runtime/heavy-work.js';
import { bundleArtifacts, drillArtifacts, gerberArtifacts, kicadArtifacts, pnpArtifacts, type ArtifactBuilder, type ArtifactFile } from './artifact-builders.js';
import { runPipelineStages, type PipelineArgs, type PipelineOutcome } from './pipeline-stages.js';
import { benchIntent, type BenchRow } from './synth-bench.js';
import { merkleHash, type DesignHashFormat } from '../kernel/merkle-hash.js';
import { proofCatalogue, type ProofCheck } from '../eda/plan/proof.js';
import { parseWithLibrary } from './part-footprints.js';
import { analysisResults, chooseChecks, type ProofReports } from './proof-checks.js';

export type { HeavyEnv } from './heavy-env.js';
import type { HeavyEnv } from './heavy-env.js';

/**
 * A design crosses the thread boundary as JSON text: serialising the immer-frozen tree with
 * JSON.stringify costs about a quarter of structuredClone on a 20,000-part board (measured
 * 55 ms vs 227 ms), and that cost is paid on the event loop.
 */
export type DesignText = string;

const designOf = (text: DesignText): Design => JSON.parse(text) as Design;

const ercOf = (design: Design, env: HeavyEnv) => runErc(design, { lookupPart: env.library.lookup, footprintExists: (n) => env.resolveFootprint(n) !== undefined });
const drcOf = (design: Design, env: HeavyEnv) => runDrc(design, buildBoardGeometry(design, env.resolveFootprint, env.mapPins));

/** Release artifacts by export kind (the `kind` recorded in ArtifactsExported). */
export const artifactBuilders = {
  kicad: kicadArtifacts,
  gerber: gerberArtifacts,
  excellon: drillArtifacts,
  'pick-and-place': pnpArtifacts,
  manufacturing: bundleArtifacts,
} satisfies Record<string, ArtifactBuilder>;
export type ArtifactKind = keyof typeof artifactBuilders;

type PlaceArgs = Omit<PlaceOptions, 'mapPins'>;
/** A workspace design file's text, read on the main thread and parsed here (tools/proof-tools.ts). */
/** A workspace design file to parse; `hash_format` is the session's design-hash format (docs/design-hash.md, "Formats"). */
type DesignFile = { text: string; format: 'json' | 'auto'; hash_format: DesignHashFormat };

/** The proof checks (tools/proof-checks.ts) on one design: ERC/DRC reports to record, and the advice checks. */
function proofChecks(design: Design, chosen: ProofCheck[], env: HeavyEnv) {
  const reports: ProofReports = {};
  if (chosen.includes('erc')) reports.erc = ercOf(design, env);
  if (chosen.includes('erc') && chosen.includes('drc')) env.progress(1, 2, 'ERC done, DRC running');
  if (chosen.includes('drc')) reports.drc = drcOf(design, env);
  return { reports, analysis: analysisResults(design, chosen, env.library.lookup) };
}

/** Parses a design file (lenient, as design_parse_file) with the library's footprints filled in. */
const parseFile = (a: DesignFile, env: HeavyEnv) => parseWithLibrary(a.text, { format: a.format, strict: false }, env.library);
type RouteArgs = Omit<RouteNetsOptions, 'mapPins' | 'onProgress'>;

/**
 * Every piece of heavy work, by name. Each task is a pure function of plain data, run in a worker
 * thread (tools/heavy-worker.ts); the main thread turns the result into events.
 */
export const heavyTasks = {
  [PING_TASK]: (): string => 'pong',
  render_svg: (a: { design: DesignText; drcFindings: SvgDrcFinding[]; layers?: string[] }, env: HeavyEnv): string => {
    const design = designOf(a.design);
    return renderBoardSvg(design, buildBoardGeometry(design, env.resolveFootprint, env.mapPins), { drcFindings: a.drcFindings, ...(a.layers ? { layers: a.layers } : {}) });
  },
  render_report: (a: Omit<ReportInput, 'design'> & { design: DesignText }): string => renderReportMarkdown({ ...a, design: designOf(a.design) }),
  place: (a: { design: DesignText; options: PlaceArgs }, env: HeavyEnv) => placeComponents(designOf(a.design), env.resolveFootprint, { ...a.options, mapPins: env.mapPins }),
  route: (a: { design: DesignText; options: RouteArgs }, env: HeavyEnv) =>
    routeNets(designOf(a.design), env.resolveFootprint, { ...a.options, mapPins: env.mapPins, onProgress: (done, total, message) => env.progress(done, total, message) }),
  erc: (a: { design: DesignText }, env: HeavyEnv) => ercOf(designOf(a.design), env),
  drc: (a: { design: DesignText }, env: HeavyEnv) => drcOf(designOf(a.design), env),
  checks: (a: { design: DesignText }, env: HeavyEnv) => {
    const design = designOf(a.design);
    const erc = ercOf(design, env);
    env.progress(1, 2, 'ERC done, DRC running');
    return { erc, drc: drcOf(design, env) };
  },
  synthesize: (a: { intent: string }, env: HeavyEnv): SynthesisResult => env.synthesize(a.intent),
  artifacts: (a: { kind: ArtifactKind; design: DesignText; stem: string }, env: HeavyEnv): ArtifactFile[] => {
    if (!Object.hasOwn(artifactBuilders, a.kind)) throw new ZapTraceError('INVALID_INPUT', `unknown artifact kind ${String(a.kind).slice(0, 40)}`, {});
    return artifactBuilders[a.kind](designOf(a.design), env, a.stem);
  },
  pipeline: (a: PipelineArgs, env: HeavyEnv): PipelineOutcome => runPipelineStages(a, env),
  /** proof_list_checks with a path: the parsed design's hash and which checks apply to it. */
  proof_file_checks: (a: DesignFile, env: HeavyEnv) => {
    const { design } = parseFile(a, env);
    return { design_hash: merkleHash(design, a.hash_format), checks: proofCatalogue(design) };
  },
  /** proof_run: parse the file, hash it, run the chosen checks; the main thread names it and builds the events. */
  proof_file: (a: DesignFile & { checks?: ProofCheck[] }, env: HeavyEnv) => {
    const { design, warnings } = parseFile(a, env);
    return { design, warnings, hash: merkleHash(design, a.hash_format), ...proofChecks(design, chooseChecks(design, a.checks), env) };
  },
  /** proof_run_design: the chosen checks on a session design. */
  proof_design: (a: { design: DesignText; checks: ProofCheck[] }, env: HeavyEnv) => proofChecks(designOf(a.design), a.checks, env),
  bench_intent: (a: { intent: string; layout: boolean }, env: HeavyEnv): BenchRow => benchIntent(a.intent, a.layout, env),
} as const;

export type HeavyTasks = typeof heavyTasks;
export type HeavyTaskName = keyof HeavyTasks;
export type HeavyArgs<K extends HeavyTaskName> = Parameters<HeavyTasks[K]>[0];
export type HeavyValue<K extends HeavyTaskName> = ReturnType<HeavyTasks[K]>;
