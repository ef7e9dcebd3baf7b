import type { ErcRule } from '../types.js';
import { CONNECTIVITY_RULES } from './connectivity.js';
import { HOOKUP_RULES } from './hookup.js';
import { INTERFACE_RULES } from './interfaces.js';
import { LEVEL_RULES } from './levels.js';
import { LOAD_RULES } from './loads.js';
import { OPEN_DRAIN_RULES } from './open-drain.js';
import { PART_RULES } from './parts.js';
import { PIN_CONFLICT_RULES, UNDRIVEN_INPUT_RULE } from './pin-conflicts.js';
import { POWER_RULES } from './power-rules.js';
import { SUPPORT_PART_RULES } from './support-parts.js';

/** The rule set, sorted by id. Ids are stable: renaming one is a breaking change (docs/erc.md). */
export const ERC_RULES: readonly ErcRule[] = [
  ...CONNECTIVITY_RULES,
  ...PIN_CONFLICT_RULES,
  UNDRIVEN_INPUT_RULE,
  ...POWER_RULES,
  ...SUPPORT_PART_RULES,
  ...INTERFACE_RULES,
  ...PART_RULES,
  ...OPEN_DRAIN_RULES,
  ...LEVEL_RULES,
  ...HOOKUP_RULES,
  ...LOAD_RULES,
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
