/** Board picture (SVG) and Markdown report renderers of export_svg / export_report (docs/render.md). */
export { renderBoardSvg, svgLayerNames, type RenderSvgOptions, type SvgDrcFinding } from './svg.js';
export { renderReportMarkdown, assessReadiness, MAX_FINDINGS_LISTED, type ReportInput, type CheckEvidence, type CheckState, type Readiness } from './report.js';
export { computeAirwires, pointInPad, type Airwire } from './airwires.js';
export { escapeXml, escapeMarkdown } from './escape.js';
