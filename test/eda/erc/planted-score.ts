import { BOARDS, PLANTED, planted, type Board, type PlantedFault } from './planted-set.js';

/** The fields of an ERC finding the score reads (the erc_validate result and runErc give the same). */
export interface FindingLike {
  rule_id: string;
  severity: string;
  components: string[];
  nets: string[];
}

export interface PlantedScore {
  faults: number;
  caught: number;
  missed: { id: string; fault: string; rules: string[]; got: string[] }[];
  /** Error and warning findings on the clean boards: every one is a false alarm (the boards are correct). */
  falseAlarms: { board: string; rule: string; components: string[]; nets: string[] }[];
  /** Info findings on the clean boards (advice, not counted as alarms). */
  infos: number;
  perFault: { id: string; board: string; fault: string; caught: boolean; by: string[] }[];
}

const key = (f: FindingLike) => `${f.rule_id}|${f.components.join(',')}|${f.nets.join(',')}`;

/**
 * Runs ERC (through `run`) on every clean board and on every planted copy. A fault counts as caught
 * when one of its rules reports a finding the clean board does not have.
 */
export async function scorePlanted(run: (name: string, b: Board) => Promise<FindingLike[]>, faults: readonly PlantedFault[] = PLANTED): Promise<PlantedScore> {
  const clean = new Map<string, FindingLike[]>();
  const falseAlarms: PlantedScore['falseAlarms'] = [];
  let infos = 0;
  for (const [name, make] of Object.entries(BOARDS)) {
    const fs = await run(name, make());
    clean.set(name, fs);
    for (const f of fs) {
      if (f.severity === 'info') infos++;
      else falseAlarms.push({ board: name, rule: f.rule_id, components: f.components, nets: f.nets });
    }
  }
  const perFault: PlantedScore['perFault'] = [];
  const missed: PlantedScore['missed'] = [];
  for (const f of faults) {
    const before = new Set(clean.get(f.board)!.map(key));
    const fs = await run(`${f.board}+${f.id}`, planted(f));
    const fresh = fs.filter((x) => !before.has(key(x)));
    const by = [...new Set(fresh.filter((x) => f.rules.includes(x.rule_id)).map((x) => x.rule_id))];
    perFault.push({ id: f.id, board: f.board, fault: f.fault, caught: by.length > 0, by });
    if (by.length === 0) missed.push({ id: f.id, fault: f.fault, rules: f.rules, got: [...new Set(fresh.map((x) => x.rule_id))] });
  }
  return { faults: faults.length, caught: perFault.filter((p) => p.caught).length, missed, falseAlarms, infos, perFault };
}
