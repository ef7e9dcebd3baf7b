/**
 * Resource limits of the design parser (contract.md, "Bad input": oversized or hostile YAML gets a
 * clear error). The YAML figures come from probing yaml 2.9 on Node 20: about 2,000 levels of flow
 * nesting (`[[[[…`) or 100,000 compact block indicators on one line (`- - - …`) exhaust the heap
 * inside the library and abort the process, so those shapes are refused before the library sees them.
 */
export const LIMITS = {
  /** Default input size, bytes of UTF-8. */
  maxBytes: 2 * 1024 * 1024,
  /** Nesting of arrays/objects in the parsed value, and of flow collections in YAML text. */
  maxDepth: 64,
  /** Block indicators (`- `, `? `, `: `) stacked on one YAML line. */
  maxCompactIndicators: 64,
  /** Leading indentation of one YAML line, in columns. */
  maxIndentColumns: 1024,
  /** YAML lexer tokens; a real design averages about 2.4 bytes per token, so 2 MiB fits. */
  maxYamlTokens: 1_200_000,
  /** Alias uses (`*name`) in one YAML document; designs rarely need any. */
  maxAliases: 32,
  /** Aliased nodes yaml may expand in toJS (its `maxAliasCount`). */
  maxAliasExpansion: 100,
  /** Size of the aliased value once expanded, as JSON bytes (estimated): twice the text limit. */
  maxExpandedBytes: 4 * 1024 * 1024,
  /** Elements of one array and keys of one object in the parsed value. */
  maxCollection: 200_000,
  /** String length anywhere in the parsed value. */
  maxString: 100_000,
  maxComponents: 20_000,
  maxNets: 20_000,
  maxPinsPerComponent: 4_096,
  maxTracks: 200_000,
  maxVias: 100_000,
  maxKeepouts: 10_000,
} as const;
