/**
 * Rows of the layout corpus that do NOT meet issue 4's "Done when" figures, with the reason. The
 * tests assert that exactly these rows fail and that each fails for the stated kind of reason, so
 * a fix (a row starts passing) and a regression (another row fails) both show up as a test
 * failure. Kinds: `footprints` (design names none / library lacks it), `pins` (a pin maps onto no
 * pad), `router` (zt-route-1 leaves connections unrouted), `drc` (our DRC and kicad-cli find
 * clearance errors in the footprint copper itself).
 */
export type FailureKind = 'footprints' | 'pins' | 'router' | 'drc';

export const KNOWN_LAYOUT_FAILURES: Record<string, { kinds: FailureKind[]; why: string }> = {
  'analysis_fixture.yaml': { kinds: ['footprints'], why: 'U1 and J1 name no footprint' },
  'analysis_fixture.yaml+lib': {
    kinds: ['drc'],
    why: 'USB-C-16P-SMD stacks pads A1/B12 and B1/A12 (GND) at one spot; with no GND net on J1 they are two no-net pads at 0 mm — both checkers flag it',
  },
  'templates/esp32_lora_gateway.yaml': { kinds: ['footprints'], why: 'SX1276-QFN28 is not in the footprint library' },
  'templates/esp32_power_monitor.yaml': { kinds: ['footprints', 'router'], why: 'ESP32-C3-MINI-1 not in the library; router: U2 (MSOP-10, 0.5 mm pitch) pad unreachable' },
  'templates/esp32s3_camera.yaml': {
    kinds: ['pins', 'router'],
    why: 'GPIO19/GPIO20 share pads with USB_D-/USB_D+ (design puts them on other nets); router: USB-C 0.5 mm pitch D+/D- pads unreachable',
  },
  'templates/nrf52840_ble_sensor.yaml': { kinds: ['footprints', 'router'], why: 'nRF52840-QIAA not in the library; router: fine-pitch U2 pads unreachable' },
  'templates/rp2040_motor_driver.yaml': {
    kinds: ['router', 'drc'],
    why: 'RP2040-QFN-56 pads are 0.15 mm apart (< 0.2 mm default clearance, both checkers flag it); power-class 0.4 mm tracks cannot reach its 0.4 mm pitch IOVDD pads',
  },
  'templates/rp2040_usb_hid.yaml': { kinds: ['router', 'drc'], why: 'as rp2040_motor_driver, plus USB-C D+/D- pads unreachable' },
  'templates/stm32_rs485_node.yaml': { kinds: ['router'], why: 'power-class 0.4 mm tracks cannot reach the LQFP-48 0.5 mm pitch VDD/GND pads (no neck-down)' },
  'templates/switching_regulator_module.yaml': { kinds: ['pins'], why: 'MP2307 pin VOUT maps onto no SOIC-8 pad' },
  'correctness-placement-routing-corpus#edge-usb-connector': { kinds: ['footprints'], why: 'inline case names no footprints' },
  'correctness-placement-routing-corpus#edge-usb-connector+lib': { kinds: ['drc'], why: 'USB-C stacked no-net GND pads, as analysis_fixture+lib' },
  'correctness-placement-routing-corpus#decoupling-proximity': { kinds: ['footprints'], why: 'inline case names no footprints' },
  'correctness-placement-routing-corpus#decoupling-proximity+lib': { kinds: ['router'], why: 'U1.GND (QFN-32 pad 2, power class 0.4 mm) unreachable' },
  'correctness-placement-routing-corpus#obstacle-avoidance-route': { kinds: ['footprints'], why: 'inline case names no footprints' },
  'correctness-placement-routing-corpus#differential-length-match': { kinds: ['footprints'], why: 'inline case names no footprints' },
  'correctness-placement-routing-corpus#differential-length-match+lib': { kinds: ['router', 'drc'], why: 'USB-C D+/D- pads unreachable; stacked no-net GND pads' },
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
