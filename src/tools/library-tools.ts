import { z } from 'zod';
import { ZapTraceError } from '../kernel/errors.js';
import { listFootprintPackages } from '../eda/footprints/index.js';
import { globalTool, looseObject } from './define.js';

const Part = looseObject({ id: z.string(), name: z.string(), category: z.string() });

export const libraryTools = [
  globalTool({
    name: 'library_search',
    title: 'Search the component library',
    description: 'Ranked search over the part library: words, values in any notation (100n, 0.1uF, 4k7), packages, typos. Each hit says why it matched.',
    level: 'read',
    input: {
      query: z.string().min(1).max(200),
      category: z.string().max(60).optional(),
      package: z.string().max(60).optional(),
      max_results: z.number().int().min(1).max(100).default(10),
    },
    output: z.object({ query: z.string(), results: z.array(looseObject({ score: z.number(), why: z.array(z.string()), part: Part })) }),
    handler(input, ctx) {
      const hits = ctx.services.library.search(input.query, {
        maxResults: input.max_results,
        ...(input.category !== undefined ? { category: input.category } : {}),
        ...(input.package !== undefined ? { package: input.package } : {}),
      });
      return { result: { query: input.query, results: hits.map((h) => ({ score: h.score, why: h.why, part: h.part })) } };
    },
  }),
  globalTool({
    name: 'library_get',
    title: 'Get a library part',
    description: 'Returns one library part by id (ZapTrace ids are kept). A withdrawn part (pinout not verified, or not a solderable part) is NOT_FOUND with details.withdrawn and the reason.',
    level: 'read',
    input: { id: z.string().min(1).max(200) },
    output: z.object({ part: Part }),
    handler(input, ctx) {
      const part = ctx.services.library.get(input.id);
      if (!part) {
        // A withdrawn part (docs/library.md, "Withdrawn parts") is not offered, and says why.
        const w = ctx.services.library.withdrawn(input.id);
        if (w) throw new ZapTraceError('NOT_FOUND', `part "${w.id}" is withdrawn from the library: ${w.reason}`, { path: 'id', withdrawn: true, id: w.id, reason: w.reason });
        throw new ZapTraceError('NOT_FOUND', `no part "${input.id}" in the library`, { path: 'id' });
      }
      return { result: { part } };
    },
  }),
  globalTool({
    name: 'library_list_categories',
    title: 'Library categories',
    description: 'Categories of the part library with their part counts.',
    level: 'read',
    input: {},
    output: z.object({ categories: z.array(z.object({ category: z.string(), count: z.number() })), total: z.number() }),
    handler(_input, ctx) {
      return { result: { categories: ctx.services.library.categories(), total: ctx.services.library.size } };
    },
  }),
  globalTool({
    name: 'footprint_get',
    title: 'Get a footprint',
    description: 'Land pattern of a package (IPC-7351B nominal): pads, courtyard, silkscreen. Unknown names are NOT_FOUND, never a guessed box.',
    level: 'read',
    input: { name: z.string().min(1).max(200) },
    output: z.object({ footprint: looseObject({ name: z.string(), pads: z.array(z.unknown()) }) }),
    handler(input, ctx) {
      const fp = ctx.services.resolveFootprint(input.name);
      if (!fp) throw new ZapTraceError('NOT_FOUND', `footprint "${input.name}" is unavailable: no land pattern is known for it`, { path: 'name' });
      return { result: { footprint: fp } };
    },
  }),
  globalTool({
    name: 'footprint_list_packages',
    title: 'List footprint packages',
    description: 'Every package the footprint generator knows, with family and aliases.',
    level: 'read',
    input: {},
    output: z.object({ packages: z.array(looseObject({ name: z.string(), family: z.string() })) }),
    handler() {
      return { result: { packages: listFootprintPackages() } };
    },
  }),
];
