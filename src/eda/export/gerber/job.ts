import type { Design } from '../../model/design.js';
import { boardOutline, copperLayers } from '../../model/design.js';
import { boundsOf } from '../../board/index.js';
import { sha256Hex } from '../../../kernel/hash.js';
import { GENERATOR } from './fab-common.js';
import type { GerberFile } from './layers.js';

/**
 * The Gerber job file (.gbrjob, Gerber Layer Format Specification rev. 2023.08, chapter 6 "Job
 * file"; Ucamco "Gerber Job Format" notes): JSON describing the board and listing every layer file
 * with its FileFunction and FilePolarity. `Header.CreationDate` is left out on purpose so the
 * output is byte-for-byte reproducible; the ProjectId GUID is derived from the design name.
 */

/** Reads one `%TF.<name>,<value>*%` attribute back out of a Gerber file. */
function fileAttribute(content: string, name: string): string | undefined {
  const re = new RegExp(`^%TF\\.${name},(.*)\\*%$`, 'm');
  return re.exec(content)?.[1];
}

function guidOf(text: string): string {
  const h = sha256Hex(text);
  // RFC 4122 layout, version nibble 5 (name-based), variant 10xx.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const round = (v: number): number => Math.round(v * 1e6) / 1e6;

export function writeGerberJob(design: Design, files: readonly GerberFile[]): string {
  const [minX, minY, maxX, maxY] = boundsOf(boardOutline(design.board));
  const b = design.board;
  const job = {
    Header: {
      GenerationSoftware: { Vendor: GENERATOR.vendor, Application: GENERATOR.application, Version: GENERATOR.version },
    },
    GeneralSpecs: {
      ProjectId: { Name: design.meta.name, GUID: guidOf(`zaptrace-project:${design.meta.name}`), Revision: design.meta.version },
      Size: { X: round(maxX - minX), Y: round(maxY - minY) },
      LayerNumber: copperLayers(b.layers).length,
      BoardThickness: b.thickness_mm,
    },
    // One rule set per layer class the board has ("Outer", plus "Inner" from 4 layers up).
    DesignRules: (b.layers > 2 ? ['Outer', 'Inner'] : ['Outer']).map((Layers) => ({
      Layers,
      PadToPad: b.min_clearance_mm,
      PadToTrack: b.min_clearance_mm,
      TrackToTrack: b.min_clearance_mm,
      MinLineWidth: b.min_trace_width_mm,
    })),
    FilesAttributes: files
      .filter((f) => f.name.endsWith('.gbr'))
      .map((f) => ({
        Path: f.name,
        FileFunction: fileAttribute(f.content, 'FileFunction') ?? 'Other,Unknown',
        FilePolarity: fileAttribute(f.content, 'FilePolarity') ?? 'Positive',
      })),
  };
  return JSON.stringify(job, null, 2) + '\n';
}
