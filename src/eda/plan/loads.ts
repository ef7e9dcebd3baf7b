import type { NlComponent } from '../erc/netlist.js';

/**
 * Supply current a part draws at its peak, for budgeting rails. Only figures a datasheet states are
 * used; any other part is an unknown load and is listed as such rather than guessed. A design may
 * state a part's figure itself in the component property `current_ma`, which wins.
 */
export interface LoadFigure {
  amps: number;
  source: string;
}

const FIGURES: [RegExp, LoadFigure][] = [
  // Espressif "ESP32 Hardware Design Guidelines", power supply: the supply must deliver 500 mA or more (Wi-Fi TX peaks).
  [/esp32/, { amps: 0.5, source: 'Espressif ESP32 hardware design guidelines: supply ≥ 500 mA' }],
  // Semtech SX1276/77/78/79 datasheet, transmit supply current at +20 dBm on PA_BOOST: 120 mA.
  [/sx127\d/, { amps: 0.12, source: 'Semtech SX1276 datasheet: IDD 120 mA at +20 dBm' }],
];

function stated(c: NlComponent): LoadFigure | null {
  const raw = c.component.properties['current_ma'];
  const ma = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN;
  return Number.isFinite(ma) && ma >= 0 ? { amps: ma / 1000, source: 'design property current_ma' } : null;
}

/** The peak current figure of an IC or module, or null when no source gives one. */
export function loadFigure(c: NlComponent): LoadFigure | null {
  const own = stated(c);
  if (own) return own;
  const text = `${c.text} ${c.component.part_id ?? ''}`;
  for (const [re, fig] of FIGURES) if (re.test(text)) return fig;
  return null;
}
