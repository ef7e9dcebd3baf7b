import type { ToolDefinition } from '../runtime/tool-definition.js';
import { auditTools } from './audit-tools.js';
import { designTools } from './design-tools.js';
import { editTools } from './edit-tools.js';
import type { Services } from './services.js';
import { reviewerTool, sessionTools } from './session-tools.js';
import { libraryTools } from './library-tools.js';
import { checkTools } from './check-tools.js';
import { layoutTools, routeTool } from './layout-tools.js';
import { exportTools } from './export-tools.js';
import { transactionTools } from './transaction-tools.js';
import { pipelineTools } from './pipeline-tools.js';
import { synthTools } from './synth-tools.js';
import { renderTools } from './render-tools.js';
import { netTools } from './net-tools.js';
import { calcTools } from './calc-tools.js';
import { snapshotTools } from './snapshot-tools.js';
import { simTools } from './sim-tools.js';
import { viewTools } from './view-tools.js';
import { reviewTools } from './review-tools.js';
import { pipelineStatusTool } from './pipeline-status.js';
import { importTools } from './import-tools.js';
import { easyedaProTools } from './easyeda-pro-tools.js';
import { altiumTools } from './altium-tools.js';
import { netClassTools } from './net-class-tools.js';
import { footprintTools } from './footprint-tools.js';
import { synthesisBenchmarkTool, synthVariantTools } from './synth-variant-tools.js';
import { boardExportTool } from './board-export-tool.js';
import { planTools } from './plan-tools.js';
import { analysisTools } from './analysis-tools.js';
import { proofTools } from './proof-tools.js';

/** The one tool registry: MCP and REST are generated from this list. */
export function allTools(): ToolDefinition<unknown, unknown, Services>[] {
  return [...sessionTools, reviewerTool, ...designTools, ...editTools, ...netTools, ...auditTools, ...libraryTools, ...checkTools, ...layoutTools, routeTool, ...exportTools, ...transactionTools, ...pipelineTools, ...synthTools, ...renderTools, ...calcTools, ...snapshotTools, ...simTools, ...viewTools, ...reviewTools, pipelineStatusTool, ...importTools, ...netClassTools, ...footprintTools, ...synthVariantTools, synthesisBenchmarkTool, boardExportTool, ...planTools, ...analysisTools, ...proofTools, ...easyedaProTools, ...altiumTools];
}
