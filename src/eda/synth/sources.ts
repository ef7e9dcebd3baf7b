import { resolveFootprint } from '../footprints/index.js';
import { addPart, capacitor, connect, twoPins, type Build } from './builder.js';
import { terminalInput, usbCSink } from './blocks.js';

/**
 * Power-source blocks: where a board's energy comes from, the rail it lands on and that rail's
 * voltage range. The regulator block then decides whether the load needs one (docs/synthesis.md,
 * "Power sources").
 */
export type PowerSource = 'usb-c' | 'battery' | 'terminal' | 'coin' | '9v' | 'barrel';

export interface SourceRail {
  rail: string;
  /** Nominal and lowest voltage in use (a battery's end of discharge). */
  volts: number;
  minVolts: number;
  /** Continuous current the source can give, A (a CR2032 gives a few mA). */
  maxA: number;
}

/** The first of `names` the footprint set resolves, or null. */
function firstFootprint(names: readonly string[]): string | null {
  return names.find((n) => resolveFootprint(n) !== undefined) ?? null;
}

/** KiCad names of the on-board holders and jacks we would use, best first. */
const COIN_HOLDER_FOOTPRINTS = ['BatteryHolder_Keystone_103_1x20mm', 'BatteryHolder_Keystone_3034_1x20mm', 'BatteryHolder_Keystone_3002_1x2032', 'BatteryHolder_LINX_BAT-HLD-012-SMT', 'CR2032-HOLDER'];
const BARREL_FOOTPRINTS = ['BarrelJack_CUI_PJ-102AH_Horizontal', 'BarrelJack_Horizontal', 'BarrelJack_CUI_PJ-002A_Horizontal', 'BARREL-5.5-2.1'];

/**
 * CR2032 coin cell: 3.0 V nominal, ≈ 2.0 V at end of life, a few mA continuous (Energizer CR2032
 * datasheet: 0.2 mA standard drain, pulses of a few tens of mA shorten its life), so only loads whose
 * peaks stay within ~30 mA with a reservoir capacitor may run from it. On an on-board
 * holder when the footprint set has one, else on a 2-pin JST-PH for a holder with leads (said so).
 */
function coinCell(b: Build, notes: Record<string, string>): SourceRail {
  const fp = firstFootprint(COIN_HOLDER_FOOTPRINTS);
  const holder = fp
    ? addPart(b, {
        prefix: 'BT',
        // The Keystone 103 retainer is a library part (20 mm coin cells; + on the retainer leg, pad 1).
        partId: fp === 'BatteryHolder_Keystone_103_1x20mm' && b.lib.get('keystone-103') ? 'keystone-103' : null,
        type: 'CR2032 coin cell holder',
        value: 'CR2032',
        footprint: fp,
        pins: [{ name: '+', type: 'passive', number: '1' }, { name: '-', type: 'passive', number: '2' }],
        block: 'battery',
        why: 'CR2032 holder on the board: 3 V lithium coin cell, ~225 mAh.',
      })
    : addPart(b, {
        prefix: 'BT',
        partId: 'jst-ph-2',
        type: 'CR2032 coin cell holder (leaded, JST-PH)',
        value: 'CR2032',
        footprint: 'JST_PH_B2B-PH-K',
        pins: twoPins(),
        block: 'battery',
        why: 'CR2032 3 V lithium coin cell in a leaded holder plugged into a JST-PH 2-pin socket (no on-board CR2032 holder footprint in our set).',
      });
  if (!fp) notes['source:coin-cell'] = 'CR2032 in a leaded holder on a JST-PH socket: the footprint set has no on-board CR2032 holder';
  const [plus, minus] = fp ? ['+', '-'] : ['P1', 'P2'];
  connect(b, 'VBAT', [[holder, plus]], 'power');
  connect(b, 'GND', [[holder, minus]]);
  capacitor(b, 47e-6, 'VBAT', 'GND', 'battery', 'Reservoir 47 µF across the coin cell: radio TX bursts come from the capacitor, not the cell (Nordic nWP-020, coin-cell powered designs).', '1206');
  b.assumptions.push('CR2032 runs the board directly (3.0 V new, ≈ 2.0 V at end of life): every part on VBAT must work down to 2 V.');
  // Peaks up to ~30 mA come from the reservoir capacitor (coin cells sustain only a few mA themselves).
  return { rail: 'VBAT', volts: 3.0, minVolts: 2.0, maxA: 0.03 };
}

/** PP3 9 V battery: snap leads into a 2-pin JST-PH socket (9 V alkaline: ≈ 6 V at end of life, IEC 60086). */
function nineVolt(b: Build): SourceRail {
  const j = addPart(b, {
    prefix: 'BT',
    partId: 'jst-ph-2',
    type: '9V battery snap (PP3) on JST-PH',
    value: '9V',
    footprint: 'JST_PH_B2B-PH-K',
    pins: twoPins(),
    block: 'battery',
    why: '9 V PP3 battery: its snap leads end in a JST-PH plug (red to pin 1).',
  });
  connect(b, '+9V', [[j, 'P1']], 'power');
  connect(b, 'GND', [[j, 'P2']]);
  b.assumptions.push('9 V alkaline battery: 9 V new, ≈ 6 V at end of life, a few hundred mA at most.');
  return { rail: '+9V', volts: 9, minVolts: 6, maxA: 0.3 };
}

/** 5.5/2.1 mm DC barrel jack (centre positive) for a wall adapter of `volts`. */
function barrelJack(b: Build, volts: number, notes: Record<string, string>): SourceRail {
  const rail = `+${volts}V`.replace('.', 'V');
  const fp = firstFootprint(BARREL_FOOTPRINTS);
  if (fp) {
    const j = addPart(b, {
      prefix: 'J',
      partId: 'barrel-jack-5.5-2.1',
      footprint: fp,
      // CUI PJ-102AH: terminal 1 centre pin (+), 2 sleeve (GND), 3 the switch contact, unused here.
      pins: [{ name: 'P1', type: 'passive', number: '1' }, { name: 'P2', type: 'passive', number: '2' }],
      block: 'power-input',
      why: `5.5/2.1 mm DC barrel jack (CUI PJ-102AH), centre positive, for a ${volts} V wall adapter.`,
    });
    connect(b, rail, [[j, 'P1']], 'power');
    connect(b, 'GND', [[j, 'P2']]);
  } else {
    terminalInput(b, rail, volts, 'adapter input (stands in for the barrel jack)');
    notes['source:barrel-jack'] = 'the footprint set has no DC barrel jack (BarrelJack_Horizontal); a 2-pin 5 mm terminal takes the adapter input instead';
  }
  return { rail, volts, minVolts: volts * 0.95, maxA: 2 };
}

/** Places the source the requirements name; returns its rail. `notes` collects what was substituted. */
export function powerSource(b: Build, source: PowerSource, inputV: number, notes: Record<string, string>): SourceRail {
  switch (source) {
    case 'coin':
      return coinCell(b, notes);
    case '9v':
      return nineVolt(b);
    case 'barrel':
      return barrelJack(b, inputV, notes);
    case 'terminal': {
      const rail = `+${inputV}V`.replace('.', 'V');
      terminalInput(b, rail, inputV, 'supply input');
      return { rail, volts: inputV, minVolts: inputV * 0.9, maxA: 5 };
    }
    case 'battery': {
      const j = addPart(b, { prefix: 'J', partId: 'jst-ph-2', footprint: 'JST_PH_B2B-PH-K', pins: twoPins(), block: 'battery', why: 'JST-PH 2-pin connector: the usual plug of 1S Li-Po cells.' });
      connect(b, 'VBAT', [[j, 'P1']], 'power');
      connect(b, 'GND', [[j, 'P2']]);
      b.assumptions.push('Battery is a 1S Li-Po/Li-ion cell, 3.6–4.2 V in use.');
      return { rail: 'VBAT', volts: 4.2, minVolts: 3.6, maxA: 1 };
    }
    default:
      usbCSink(b, { rail: '+5V' });
      return { rail: '+5V', volts: 5, minVolts: 4.75, maxA: 0.5 };
  }
}
