/**
 * Rows of the layout corpus that do not meet every figure of docs/reports/layout-corpus.md
 * (placed, 0 overlaps, 100 % routed, 0 errors from our DRC and kicad-cli, 0 unconnected), with the reason. The
 * tests assert that exactly these rows fail and that each fails for the stated kind of reason, so
 * a fix (a row starts passing) and a regression (another row fails) both show up as a test
 * failure. Kinds: `footprints` (design names none / library lacks it), `pins` (a pin maps onto no
 * pad), `router` (zt-route-1 leaves connections unrouted), `drc` (our DRC and kicad-cli find
 * clearance errors in the footprint copper itself).
 */
export type FailureKind = 'footprints' | 'pins' | 'router' | 'drc';

export const KNOWN_LAYOUT_FAILURES: Record<string, { kinds: FailureKind[]; why: string }> = {
  'analysis_fixture.yaml': { kinds: ['footprints'], why: 'U1 and J1 name no footprint' },
  'templates/esp32s3_camera.yaml': {
    kinds: ['pins'],
    why: 'GPIO19/GPIO20 are the pads of USB_D-/USB_D+ on the ESP32-S3 module; the design puts them on other nets as well',
  },
  'templates/nrf52840_ble_sensor.yaml': {
    kinds: ['router'],
    why: 'U1.P0_27 is the inner-ring aQFN-73 land H2: 0.25 mm between its outer neighbours leaves no escape at the 0.2 mm default clearance (needs finer fab rules or via-in-pad)',
  },
  'templates/switching_regulator_module.yaml': { kinds: ['pins'], why: 'MP2307 pin VOUT maps onto no SOIC-8 pad' },
  'correctness-placement-routing-corpus#edge-usb-connector': { kinds: ['footprints'], why: 'inline case names no footprints' },
  'correctness-placement-routing-corpus#decoupling-proximity': { kinds: ['footprints'], why: 'inline case names no footprints' },
  'correctness-placement-routing-corpus#obstacle-avoidance-route': { kinds: ['footprints'], why: 'inline case names no footprints' },
  'correctness-placement-routing-corpus#differential-length-match': { kinds: ['footprints'], why: 'inline case names no footprints' },
};

/** The kinds a row's findings (from `missesOf`) fall into. */
export function failureKinds(misses: string[]): FailureKind[] {
  const kinds = new Set<FailureKind>();
  for (const m of misses) {
    if (m.startsWith('footprints:')) kinds.add('footprints');
    else if (m.startsWith('pins with no pad')) kinds.add('pins');
    else if (m.startsWith('router:')) kinds.add('router');
    else kinds.add('drc');
  }
  return [...kinds].sort();
}
