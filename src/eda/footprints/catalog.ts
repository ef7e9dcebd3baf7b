import type { Footprint } from '../model/footprint.js';
import type { CatalogEntry } from './catalog-entry.js';
import { range } from './ipc7351.js';
import { boschLga8, crystal3225, esp32C3Mini1, esp32S3Wroom1, esp32Wroom32, usbC16p } from './modules.js';
import { qfn, qfp, son } from './quad.js';
import { nordicAqfn73 } from './nordic-aqfn73.js';
import { MCU_RF_PACKAGES } from './catalog-mcu-rf-packages.js';
import { POWER_CONNECTOR_PACKAGES } from './catalog-power-connector-packages.js';
import { SENSOR_PACKAGES } from './catalog-sensor-packages.js';
import { CONNECTOR_RF_PACKAGES } from './catalog-connector-rf-packages.js';
import { CHIP_SIZES, SO_FAMILIES, chipFootprint, dualLeads, dualRowFootprint, melfFootprint, moldedFootprint, soFootprint, type DualRowSpec } from './smd-two-row.js';
import { AXIAL_DISC, axialTwoLead } from './axial-disc.js';
import { barrelJackCuiPj102ah, coinHolderKeystone103, usbBOstB1hs, usbMicroBMolex105017 } from './power-connectors.js';
import { dip, hc49, trimmer3296w, jstPh, jstSh, jstXh, led5mm, mountingHole, pinHeader, radialCap, tact6x6, terminalBlock, testPoint, to92 } from './through-hole.js';

const entries: CatalogEntry[] = [];
const add = (e: CatalogEntry) => entries.push(e);

// Chips (IPC-7351B Tables 3-5/3-6). 3-digit aliases: YAML reads an unquoted 0402 as the number 402.
for (const [code, size] of Object.entries(CHIP_SIZES)) {
  const m = size.metric;
  add({
    name: code,
    family: 'chip',
    description: `Chip resistor/capacitor/inductor ${code} (${m} metric)`,
    aliases: [
      `R_${code}`, `C_${code}`, `L_${code}`, `R${code}`, `C${code}`, `L${code}`, `RES-${code}`, `CAP-${code}`, `IND-${code}`,
      `INDUCTOR-${code}`, `FB${code}`, `FB-${code}`, `${m}Metric`, `R_${code}_${m}Metric`, `C_${code}_${m}Metric`, `L_${code}_${m}Metric`,
      ...(code.startsWith('0') ? [code.slice(1)] : []),
    ],
    build: () => chipFootprint(code, code, `Chip ${code} (${m} metric), IPC-7351B nominal`),
    bodyMm: [size.lengthMm.min / 2 + size.lengthMm.max / 2, size.widthMm.min / 2 + size.widthMm.max / 2],
    // Not suffixOk: "ResistorNetwork4-0603" must not become a single 0603 chip.
  });
  if (['0402', '0603', '0805', '1206'].includes(code)) {
    add({
      name: `LED-${code}`,
      family: 'chip',
      description: `Chip LED ${code}; pad 1 = cathode (K), pad 2 = anode (A)`,
      aliases: [`LED_${code}`, `LED${code}`, `LED_${code}_${m}Metric`],
      build: () => ({ ...chipFootprint(code, `LED-${code}`, `Chip LED ${code} (${m} metric); pad 1 = cathode`), family: 'led_chip' }),
    });
  }
}

const so = (name: string, aliases: string[], build: () => Footprint, bodyMm: [number, number], pitchMm: number, family: string, description: string) =>
  add({ name, family, description, aliases, build, bodyMm, pitchMm, suffixOk: true });

for (const [pins, d] of [[8, 4.9], [14, 8.65], [16, 9.9]] as const) {
  so(`SOIC-${pins}`, [`SOIC${pins}`, `SO-${pins}`, `SO${pins}`, `SOP-${pins}`, `SOP${pins}`, `SOIC-${pins}N`],
    () => soFootprint(SO_FAMILIES.soic, pins, d, `SOIC-${pins}`, `SOIC-${pins}, 3.9 mm body, 1.27 mm pitch`), [3.9, d], 1.27, 'soic', `SOIC-${pins} 3.9x${d} mm, 1.27 mm pitch`);
}
for (const [pins, d] of [[16, 10.3], [20, 12.8], [24, 15.4], [28, 17.9]] as const) {
  so(`SOIC-${pins}W`, [`SOIC-${pins}-W`, `SOIC${pins}W`, ...(pins === 20 || pins === 24 || pins === 28 ? [`SOIC-${pins}`, `SOIC${pins}`] : [])],
    () => soFootprint(SO_FAMILIES.soicWide, pins, d, `SOIC-${pins}W`, `SOIC-${pins} wide, 7.5 mm body, 1.27 mm pitch`), [7.5, d], 1.27, 'soic', `SOIC-${pins} wide 7.5x${d} mm`);
}
for (const [pins, d] of [[8, 3.0], [14, 5.0], [16, 5.0], [20, 6.5], [24, 7.8], [28, 9.7]] as const) {
  so(`TSSOP-${pins}`, [`TSSOP${pins}`], () => soFootprint(SO_FAMILIES.tssop, pins, d, `TSSOP-${pins}`, `TSSOP-${pins}, 4.4 mm body, 0.65 mm pitch`), [4.4, d], 0.65, 'tssop', `TSSOP-${pins} 4.4x${d} mm, 0.65 mm pitch`);
}
so('MSOP-8', ['MSOP8', 'VSSOP-8', 'VSSOP8', 'MSOP-8-3X3', 'DGK'], () => soFootprint(SO_FAMILIES.msop8, 8, 3.0, 'MSOP-8', 'MSOP-8 / VSSOP-8, 3x3 mm, 0.65 mm pitch'), [3.0, 3.0], 0.65, 'msop', 'MSOP-8 / VSSOP-8 3x3 mm, 0.65 mm pitch');
so('MSOP-10', ['MSOP10', 'VSSOP-10', 'VSSOP10', 'DGS'], () => soFootprint(SO_FAMILIES.msop10, 10, 3.0, 'MSOP-10', 'MSOP-10 / VSSOP-10, 3x3 mm, 0.5 mm pitch'), [3.0, 3.0], 0.5, 'msop', 'MSOP-10 / VSSOP-10 3x3 mm, 0.5 mm pitch');
for (const [pins, d] of [[16, 6.2], [20, 7.2], [24, 8.2], [28, 10.2]] as const) {
  so(`SSOP-${pins}`, [`SSOP${pins}`], () => soFootprint(SO_FAMILIES.ssop, pins, d, `SSOP-${pins}`, `SSOP-${pins}, 5.3 mm body, 0.65 mm pitch`), [5.3, d], 0.65, 'ssop', `SSOP-${pins} 5.3x${d} mm, 0.65 mm pitch`);
}
for (const [pins, d] of [[16, 4.9], [20, 8.65], [24, 8.65]] as const) {
  so(`QSOP-${pins}`, [`QSOP${pins}`], () => soFootprint(SO_FAMILIES.qsop, pins, d, `QSOP-${pins}`, `QSOP-${pins}, 3.9 mm body, 0.635 mm pitch`), [3.9, d], 0.635, 'ssop', `QSOP-${pins} 3.9x${d} mm, 0.635 mm pitch`);
}

// SOT / SOD: JEDEC TO-236 (SOT-23), MO-178 (SOT-23-5/6), TO-261 (SOT-223), MO-203 (SC-70/SC-88), JEDEC/EIAJ SOD outlines.
const sot = (name: string, aliases: string[], spec: Omit<DualRowSpec, 'name' | 'family' | 'description'>, description: string, bodyMm: [number, number], family = 'sot') =>
  add({ name, family, description, aliases, build: () => dualRowFootprint({ ...spec, name, family, description }), bodyMm, pitchMm: spec.pitchMm, suffixOk: true });
const sot23Common = { spanMm: range(2.1, 2.64), footMm: range(0.3, 0.6), leadWidthMm: range(0.3, 0.5), bodyMm: [1.3, 2.9] as [number, number] };
sot('SOT-23-3', ['SOT-23', 'SOT23', 'SOT23-3', 'SOT-23-3L', 'TO-236', 'TO-236AB', 'SC-59'], {
  ...sot23Common, pitchMm: 0.95, outline: 'JEDEC TO-236AB (SOT-23-3): E 2.1–2.64, L 0.3–0.6, b 0.3–0.5 mm',
  leads: [{ number: '1', side: 'left', y: -0.95 }, { number: '2', side: 'left', y: 0.95 }, { number: '3', side: 'right', y: 0 }],
}, 'SOT-23 3-lead', [1.3, 2.9]);
const mo178 = { spanMm: range(2.6, 3.0), footMm: range(0.3, 0.6), leadWidthMm: range(0.3, 0.5), bodyMm: [1.6, 2.9] as [number, number] };
sot('SOT-23-5', ['SOT23-5', 'SOT-753', 'SC-74A', 'SOT-25', 'SOT-23-5L', 'TSOT-23-5', 'DBV'], {
  ...mo178, pitchMm: 0.95, outline: 'JEDEC MO-178 AA (SOT-23-5): E 2.6–3.0, L 0.3–0.6, b 0.3–0.5 mm',
  leads: [{ number: '1', side: 'left', y: -0.95 }, { number: '2', side: 'left', y: 0 }, { number: '3', side: 'left', y: 0.95 }, { number: '4', side: 'right', y: 0.95 }, { number: '5', side: 'right', y: -0.95 }],
}, 'SOT-23 5-lead', [1.6, 2.9]);
sot('SOT-23-6', ['SOT23-6', 'SOT-26', 'SC-74', 'SOT-23-6L', 'TSOT-23-6'], { ...mo178, pitchMm: 0.95, outline: 'JEDEC MO-178 AB (SOT-23-6): E 2.6–3.0, L 0.3–0.6, b 0.3–0.5 mm', leads: dualLeads(6, 0.95) }, 'SOT-23 6-lead', [1.6, 2.9]);
sot('SOT-23-8', ['SOT23-8', 'SOT-28'], { ...mo178, leadWidthMm: range(0.22, 0.38), pitchMm: 0.65, outline: 'JEDEC MO-178 BA (SOT-23-8): E 2.6–3.0, b 0.22–0.38 mm', leads: dualLeads(8, 0.65) }, 'SOT-23 8-lead, 0.65 mm pitch', [1.6, 2.9]);
sot('SOT-223', ['SOT223', 'SOT-223-3', 'SOT-223-4', 'TO-261', 'TO-261AA'], {
  spanMm: range(6.7, 7.3), footMm: range(0.75, 1.1), leadWidthMm: range(0.6, 0.84), bodyMm: [3.5, 6.5], pitchMm: 2.3,
  outline: 'JEDEC TO-261AA (SOT-223): E 6.7–7.3, L 0.75–1.1, b 0.6–0.84, tab b3 2.9–3.1 mm',
  leads: [{ number: '1', side: 'left', y: -2.3 }, { number: '2', side: 'left', y: 0 }, { number: '3', side: 'left', y: 2.3 }, { number: '4', side: 'right', y: 0, leadWidthMm: range(2.9, 3.1) }],
}, 'SOT-223, 3 leads + tab (pad 4)', [3.5, 6.5]);
const sc70 = { spanMm: range(2.0, 2.2), footMm: range(0.25, 0.45), leadWidthMm: range(0.15, 0.3), bodyMm: [1.25, 2.0] as [number, number] };
sot('SOT-363', ['SOT363', 'SC-88', 'SC-70-6', 'SOT-323-6', 'SC70-6'], { ...sc70, pitchMm: 0.65, outline: 'JEDEC MO-203 AB (SC-88 / SOT-363): HE 2.0–2.2, Lp 0.25–0.45, b 0.15–0.3 mm', leads: dualLeads(6, 0.65) }, 'SOT-363 / SC-88 6-lead', [1.25, 2.0]);
sot('SOT-323', ['SOT323', 'SC-70', 'SC-70-3', 'SOT-323-3', 'SC70-3'], {
  ...sc70, leadWidthMm: range(0.25, 0.4), pitchMm: 0.65, outline: 'JEDEC MO-203 (SC-70 / SOT-323): HE 2.0–2.2, Lp 0.25–0.45, b 0.25–0.4 mm',
  leads: [{ number: '1', side: 'left', y: -0.65 }, { number: '2', side: 'left', y: 0.65 }, { number: '3', side: 'right', y: 0 }],
}, 'SOT-323 / SC-70 3-lead', [1.25, 2.0]);
sot('SOD-123', ['SOD123', 'D_SOD-123'], {
  spanMm: range(3.55, 3.85), footMm: range(0.25, 0.55), leadWidthMm: range(0.5, 0.7), bodyMm: [2.7, 1.6], pitchMm: 0,
  outline: 'JEDEC SOD-123: HE 3.55–3.85, L 0.25–0.55, b 0.5–0.7 mm; pad 1 = cathode',
  leads: [{ number: '1', side: 'left', y: 0 }, { number: '2', side: 'right', y: 0 }],
}, 'SOD-123 diode; pad 1 = cathode', [2.7, 1.6], 'diode');
sot('SOD-323', ['SOD323', 'SC-76', 'SC-90', 'D_SOD-323'], {
  spanMm: range(2.3, 2.7), footMm: range(0.2, 0.4), leadWidthMm: range(0.25, 0.4), bodyMm: [1.7, 1.25], pitchMm: 0,
  outline: 'JEDEC SOD-323 (SC-76): HE 2.3–2.7, L 0.2–0.4, b 0.25–0.4 mm; pad 1 = cathode',
  leads: [{ number: '1', side: 'left', y: 0 }, { number: '2', side: 'right', y: 0 }],
}, 'SOD-323 diode; pad 1 = cathode', [1.7, 1.25], 'diode');

const molded = (name: string, aliases: string[], span: [number, number], w: [number, number], body: [number, number], outline: string) =>
  add({
    name, family: 'diode_molded', description: `${name} (${outline}) molded diode; pad 1 = cathode`, aliases, suffixOk: true, bodyMm: body,
    build: () => moldedFootprint({ name, description: `${name} molded diode; pad 1 = cathode`, spanMm: range(...span), terminalMm: range(0.76, 1.52), leadWidthMm: range(...w), bodyMm: body, outline: `JEDEC ${outline}: span ${span[0]}–${span[1]}, lead ${w[0]}–${w[1]}, foot 0.76–1.52 mm` }),
  });
molded('SMA', ['DO-214AC', 'D_SMA', 'SMA-DIODE'], [4.8, 5.28], [1.25, 1.65], [4.3, 2.6], 'DO-214AC');
molded('SMB', ['DO-214AA', 'D_SMB'], [5.21, 5.59], [1.96, 2.21], [4.3, 3.6], 'DO-214AA');
molded('SMC', ['DO-214AB', 'D_SMC'], [7.75, 8.13], [2.9, 3.2], [6.9, 5.9], 'DO-214AB');

add({ name: 'SOD-80C', family: 'diode', description: 'MiniMELF SOD-80C (LL-34); pad 1 = cathode', aliases: ['SOD80C', 'SOD-80', 'MINIMELF', 'MINI-MELF', 'LL-34', 'LL34', 'D_MiniMELF'], suffixOk: true, bodyMm: [3.5, 1.55],
  build: () => melfFootprint('SOD-80C', 'MiniMELF SOD-80C diode; pad 1 = cathode', range(3.3, 3.7), range(1.45, 1.65), range(0.25, 0.5), 'JEDEC/EIAJ SOD-80C (MiniMELF)') });
add({ name: 'MELF', family: 'diode', description: 'MELF DO-213AB (LL-41); pad 1 = cathode', aliases: ['DO-213AB', 'LL-41', 'D_MELF'], suffixOk: true, bodyMm: [5.0, 2.5],
  build: () => melfFootprint('MELF', 'MELF DO-213AB; pad 1 = cathode', range(4.8, 5.2), range(2.4, 2.6), range(0.4, 0.6), 'JEDEC DO-213AB (MELF)') });
// Molded tantalum capacitors, EIA-535-BAAC cases, IPC-7351B Table 3-13; pad 1 = + (anode).
for (const [kase, metric, len, w, t, body] of [
  ['A', '3216-18', [3.0, 3.4], [1.1, 1.3], [0.5, 1.1], [3.2, 1.6]],
  ['B', '3528-21', [3.3, 3.7], [2.1, 2.3], [0.5, 1.1], [3.5, 2.8]],
  ['C', '6032-28', [5.7, 6.3], [2.1, 2.3], [1.0, 1.6], [6.0, 3.2]],
  ['D', '7343-31', [7.0, 7.6], [2.3, 2.5], [1.0, 1.6], [7.3, 4.3]],
] as const) {
  const name = `TANT-${kase}`;
  add({
    name, family: 'capacitor_tantalum', description: `Tantalum capacitor case ${kase} (EIA ${metric}); pad 1 = +`, bodyMm: [body[0], body[1]],
    aliases: [`TANT${kase}`, `TANTALUM-${kase}`, `CP-TANT-${kase}`, metric, `CP_EIA-${metric}`, `CP_EIA-${metric}_Kemet-${kase}`, `EIA-${metric}`],
    build: () => moldedFootprint({ name, family: 'capacitor_tantalum', polarity: 'pad 1 = + (anode)', description: `Tantalum case ${kase} (EIA ${metric}); pad 1 = +`, spanMm: range(len[0], len[1]), terminalMm: range(t[0], t[1]), leadWidthMm: range(w[0], w[1]), bodyMm: [body[0], body[1]], outline: `EIA-535-BAAC case ${kase} (${metric})` }),
  });
}
for (const [pins, d] of [[44, 18.41], [54, 22.22]] as const) {
  so(`TSOP-${pins}`, [`TSOP${pins}`, `TSOP-II-${pins}`, `TSOPII-${pins}`], () => soFootprint(SO_FAMILIES.tsop2, pins, d, `TSOP-${pins}`, `TSOP-II ${pins}, 10.16 mm body, 0.8 mm pitch`), [10.16, d], 0.8, 'tsop', `TSOP-II ${pins} 10.16x${d} mm, 0.8 mm pitch`);
}

// QFN / DFN (JEDEC MO-220 / MO-229). Generic names resolve to the common variant stated in the description.
const qfnEntry = (name: string, aliases: string[], pins: number, body: number, pitch: number, ep: number, note = '') =>
  add({ name, family: 'qfn', description: `QFN-${pins} ${body}x${body} mm, ${pitch} mm pitch, EP ${ep} mm${note}`, aliases, bodyMm: [body, body], pitchMm: pitch, epMm: [ep, ep],
    build: () => qfn({ name, description: `QFN-${pins} ${body}x${body} mm, ${pitch} mm pitch, exposed pad ${ep} mm${note}`, pins, bodyMm: body, pitchMm: pitch, ep }) });
qfnEntry('QFN-16', ['QFN16', 'VQFN-16', 'WQFN-16'], 16, 3, 0.5, 1.7);
qfnEntry('QFN-20', ['QFN20', 'VQFN-20', 'WQFN-20'], 20, 4, 0.5, 2.6);
qfnEntry('QFN-24', ['QFN24', 'VQFN-24', 'WQFN-24'], 24, 4, 0.5, 2.6);
qfnEntry('QFN-28', ['QFN28', 'VQFN-28'], 28, 5, 0.5, 3.25);
qfnEntry('QFN-32', ['QFN32', 'VQFN-32', 'WQFN-32'], 32, 5, 0.5, 3.45);
qfnEntry('QFN-36', ['QFN36', 'VQFN-36'], 36, 6, 0.5, 4.1);
qfnEntry('QFN-40', ['QFN40', 'VQFN-40'], 40, 6, 0.5, 4.6);
qfnEntry('QFN-48', ['QFN48', 'VQFN-48'], 48, 7, 0.5, 5.15);
qfnEntry('UFQFPN-48', ['UFQFPN48'], 48, 7, 0.5, 5.6, ' (ST UFQFPN48)');
add({
  name: 'RP2040-QFN-56', family: 'qfn', description: 'Raspberry Pi RP2040, QFN-56 7x7 mm, 0.4 mm pitch, EP 3.2 mm (pad 57 = GND)',
  aliases: ['QFN-56', 'QFN56', 'RP2040', 'QFN-56-1EP-7X7MM-P0.4MM-EP3.2X3.2MM'], bodyMm: [7, 7], pitchMm: 0.4, epMm: [3.2, 3.2],
  build: () => qfn({ name: 'RP2040-QFN-56', description: 'RP2040 QFN-56 7x7 mm, 0.4 mm pitch, EP 3.2 mm', pins: 56, bodyMm: 7, pitchMm: 0.4, ep: 3.2, footMm: range(0.35, 0.45), leadWidthMm: range(0.15, 0.25), outline: 'RP2040 datasheet, "Package" (QFN-56 7x7, L 0.4±0.05, b 0.2±0.05)' }),
});
add({
  name: 'SX1276-QFN28', family: 'qfn', description: 'Semtech SX1276/77/79 LoRa transceiver, QFN-28 6x6 mm, 0.65 mm pitch, EP 4.8 mm (pad 29 = GND)',
  aliases: ['SX1276', 'SX1276IMLTRT', 'SX1277-QFN28', 'SX1279-QFN28', 'QFN-28-1EP_6X6MM_P0.65MM_EP4.8X4.8MM'], bodyMm: [6, 6], pitchMm: 0.65, epMm: [4.8, 4.8],
  build: () => qfn({ name: 'SX1276-QFN28', description: 'Semtech SX127x QFN-28 6x6 mm, 0.65 mm pitch, EP 4.8 mm', pins: 28, bodyMm: 6, pitchMm: 0.65, ep: 4.8, footMm: range(0.3, 0.5), leadWidthMm: range(0.25, 0.35), outline: 'Semtech SX127x package outline (QFN-28 6x6, L 0.3–0.5, b 0.25–0.35, EP 4.65–4.9 mm)' }),
});
add({ name: 'nRF52840-QIAA', family: 'aqfn', description: 'Nordic nRF52840-QIAA, aQFN-73 7x7 mm, 0.5 mm ring pitch, EP 4.85 mm', aliases: ['NRF52840', 'NRF52840-QIAA-R7', 'AQFN-73', 'NORDIC_AQFN-73-1EP_7X7MM_P0.5MM'], bodyMm: [7, 7], epMm: [4.85, 4.85], build: nordicAqfn73 });
add({ name: 'ESP32-C3-MINI-1', family: 'module', description: 'Espressif ESP32-C3-MINI-1 / -1U module, 13.2x16.6 mm LGA', aliases: ['ESP32-C3-MINI-1U', 'ESP32-C3-MINI-1-N4', 'ESP32-C3-MINI-1-H4'], build: esp32C3Mini1 });
const sonEntry = (name: string, aliases: string[], pins: number, body: [number, number], pitch: number, ep: [number, number], outline: string, foot?: [number, number], b?: [number, number]) =>
  add({ name, family: 'son', description: `${outline}, ${pitch} mm pitch, EP ${ep[0]}x${ep[1]} mm`, aliases, bodyMm: body, pitchMm: pitch, epMm: ep,
    build: () => son({ name, description: `${outline}, ${pitch} mm pitch`, pins, bodyMm: body, pitchMm: pitch, ep, outline, ...(foot ? { footMm: range(...foot) } : {}), ...(b ? { leadWidthMm: range(...b) } : {}) }) });
sonEntry('DFN-8', ['DFN8', 'VSON-8', 'SON-8', 'DFN-8-3X3'], 8, [3, 3], 0.65, [1.65, 2.4], 'DFN-8 3x3 mm (JEDEC MO-229, TI DRB)');
sonEntry('DFN-6', ['DFN6', 'WSON-6', 'WSON6', 'DFN-6-2X2', 'SON-6'], 6, [2, 2], 0.65, [1.0, 1.6], 'DFN-6 2x2 mm (JEDEC MO-229, TI DRV)');
sonEntry('SHT31-DIS-DFN8', ['SHT31-DFN8', 'SHT3X-DFN8', 'SHT30-DIS-DFN8', 'SHT35-DIS-DFN8', 'Sensirion_TDFN-8-1EP_2.5x2.5mm_P0.5mm_EP1.80x1.10mm'], 8, [2.5, 2.5], 0.5, [1.0, 1.7], 'Sensirion SHT3x DFN-8 2.5x2.5 mm', [0.3, 0.4], [0.2, 0.3]);

// Quad flat packs (JEDEC MS-026).
for (const [pins, body, pitch] of [[32, 7, 0.8], [44, 10, 0.8], [48, 7, 0.5], [64, 10, 0.5], [100, 14, 0.5], [144, 20, 0.5]] as const) {
  for (const kind of ['LQFP', 'TQFP'] as const) {
    const name = `${kind}-${pins}`;
    add({ name, family: 'qfp', description: `${kind}-${pins} ${body}x${body} mm, ${pitch} mm pitch`, aliases: [`${kind}${pins}`], bodyMm: [body, body], pitchMm: pitch, suffixOk: true,
      build: () => qfp({ name, description: `${kind}-${pins} ${body}x${body} mm, ${pitch} mm pitch`, pins, bodyMm: body, pitchMm: pitch, outline: `JEDEC MS-026 ${kind} ${body}x${body} mm, lead span ${body + 2} mm` }) });
  }
}

add({ name: 'Bosch_LGA-8_2.5x2.5mm_P0.65mm', family: 'lga', description: 'Bosch LGA-8 2.5x2.5 mm (BME280)', aliases: ['LGA-8', 'LGA8', 'BME280-LGA8', 'BME280', 'BOSCH-LGA-8-2.5X2.5MM-P0.65MM-CLOCKWISEPINNUMBERING'], bodyMm: [2.5, 2.5], pitchMm: 0.65, build: boschLga8 });

// Through-hole.
for (const pins of [4, 6, 8, 14, 16, 18, 20, 28]) add({ name: `DIP-${pins}`, family: 'dip', description: `DIP-${pins}, 7.62 mm rows`, aliases: [`DIP${pins}`, `PDIP-${pins}`, `DIP-${pins}-W7.62MM`], pitchMm: 2.54, suffixOk: true, build: () => dip(pins) });
for (const pitch of [2.54, 1.27] as const) {
  for (const rows of [1, 2] as const) {
    for (let cols = rows === 1 ? 1 : 2; cols <= 20; cols++) {
      const name = `PinHeader_${rows}x${String(cols).padStart(2, '0')}_P${pitch}mm`;
      const short = [`${rows}x${cols}`, `${rows}x${String(cols).padStart(2, '0')}`];
      const aliases = short.flatMap((s) => [`PinHeader-${s}-${pitch}mm`, `Header-${s}-${pitch}mm`, `PinHeader_${s}_P${pitch}mm_Vertical`]);
      if (pitch === 2.54) aliases.push(...short.flatMap((s) => [`PINHEAD-${s}`, `Header-${s}`, `PinHeader-${s}`]));
      if (pitch === 1.27 && rows === 2 && cols === 5) aliases.push('Header-2x5-1.27mm-SWD', 'SWD-2x5-1.27mm', 'JTAG-2x5-1.27mm');
      add({ name, family: 'header', description: `Pin header ${rows}x${cols}, ${pitch} mm pitch`, aliases, pitchMm: pitch, build: () => pinHeader(rows, cols, pitch) });
    }
  }
}
for (let pins = 2; pins <= 8; pins++) {
  add({ name: `JST_PH_B${pins}B-PH-K`, family: 'connector', description: `JST PH ${pins}-pin THT, 2.0 mm`, aliases: [`JST-PH-${pins}`, `PH-${pins}P`, `JST-PH-${pins}P`, `JST_PH_B${pins}B-PH-K_1x${String(pins).padStart(2, '0')}_P2.00mm_Vertical`], pitchMm: 2.0, build: () => jstPh(pins) });
  add({ name: `JST_XH_B${pins}B-XH-A`, family: 'connector', description: `JST XH ${pins}-pin THT, 2.5 mm`, aliases: [`JST-XH-${pins}`, `XH-${pins}P`, `JST-XH-${pins}P`, `JST_XH_B${pins}B-XH-A_1x${String(pins).padStart(2, '0')}_P2.50mm_Vertical`], pitchMm: 2.5, build: () => jstXh(pins) });
  add({ name: `JST_SH_SM${String(pins).padStart(2, '0')}B-SRSS-TB`, family: 'connector', description: `JST SH ${pins}-pin SMD, 1.0 mm, with mounting pads`, aliases: [`JST-SH-${pins}`, `SH-${pins}P`, `JST-SH-${pins}P`], pitchMm: 1.0, build: () => jstSh(pins) });
}
for (let pins = 2; pins <= 4; pins++) {
  add({ name: `TerminalBlock_1x${String(pins).padStart(2, '0')}_P5.00mm`, family: 'terminal', description: `Screw terminal ${pins}P, 5.0 mm`, aliases: [`TERMINAL-${pins}P-5MM`, `TB-${pins}P-5MM`, `TB-${pins}P-5.0MM`, `TERMINAL-${pins}P-5.0MM`], pitchMm: 5.0, build: () => terminalBlock(pins, 5.0) });
  add({ name: `TerminalBlock_1x${String(pins).padStart(2, '0')}_P3.50mm`, family: 'terminal', description: `Screw terminal ${pins}P, 3.5 mm`, aliases: [`TERMINAL-${pins}P-3.5MM`, `TB-${pins}P-3.5MM`], pitchMm: 3.5, build: () => terminalBlock(pins, 3.5) });
}
add({ name: 'SW_PUSH_6mm', family: 'switch', description: 'Tactile switch 6x6 mm THT', aliases: ['TACT-6x6', 'TACT-6X6MM', 'SW-TACT-6x6', 'SW_PUSH_6mm_H5mm', 'BUTTON-6x6'], build: tact6x6 });
for (const [d, p, drill, pad, extra] of [[5, 2.0, 0.8, 1.6, ['CAP-ELEC-5MM']], [6.3, 2.5, 0.8, 1.6, []], [8, 3.5, 1.0, 2.0, []], [10, 5.0, 1.0, 2.0, []]] as const) {
  const name = `CP_Radial_D${d.toFixed(1)}mm_P${p.toFixed(2)}mm`;
  // "ELEC-DxH" names (diameter x height) resolve by diameter; the land pattern does not depend on height.
  const heights = [5, 5.4, 7, 7.7, 10, 10.2, 10.5, 11, 11.5, 12, 12.5, 13, 14, 15, 16, 20];
  const elec = heights.map((h) => `ELEC-${d}X${h}`);
  add({ name, family: 'capacitor_radial', description: `Radial electrolytic D${d} mm, ${p} mm pitch`, aliases: [...extra, ...elec, `CAP-ELEC-D${d}`, `ELEC-${d}MM`, `Radial-D${d.toFixed(1)}`, `CP_Radial_D${d}mm_P${p}mm`], build: () => radialCap(d, p, drill, pad, name) });
}
add({ name: 'Potentiometer_Bourns_3296W_Vertical', family: 'trimmer', description: 'Bourns 3296W trimmer, 3 pins at 2.54 mm', aliases: ['3296W', 'Potentiometer_Trimmer_3296W-1', 'TRIMMER-3296W', 'BOURNS-3296W'], build: trimmer3296w });
for (const spec of AXIAL_DISC) add({ name: spec.name, family: spec.family, description: spec.description, aliases: spec.aliases, pitchMm: spec.pitchMm, build: () => axialTwoLead(spec) });
add({ name: 'LED_D5.0mm', family: 'led_tht', description: '5 mm THT LED; pad 1 = cathode', aliases: ['LED-5MM', 'LED5MM', 'LED-THT-5MM'], build: led5mm });
add({ name: 'TO-92_Inline', family: 'to92', description: 'TO-92 inline', aliases: ['TO-92', 'TO92', 'TO-92-3'], suffixOk: true, build: to92 });
add({ name: 'Crystal_HC49-4H', family: 'crystal', description: 'HC-49/US crystal THT', aliases: ['HC49', 'HC-49', 'HC49-US', 'HC-49-US', 'HC49S', 'CRYSTAL-HC49'], build: hc49 });
add({ name: 'Crystal_SMD_3225-4Pin_3.2x2.5mm', family: 'crystal', description: 'SMD crystal 3.2x2.5 mm 4 pads', aliases: ['SMD-3225-4P', 'XTAL-3225', 'CRYSTAL-3225', 'CRYSTAL-SMD-3225', 'X3225'], build: crystal3225 });
for (const d of [1.0, 1.5, 2.0] as const) {
  add({ name: `TestPoint_Pad_D${d.toFixed(1)}mm`, family: 'testpoint', description: `Test point pad ${d} mm`, aliases: [`TestPoint_Pad_${d.toFixed(1)}mm`, `TP-${d.toFixed(1)}MM`, `TESTPOINT-${d.toFixed(1)}MM`, `TestPoint_Pad_D${d.toFixed(1)}`, `TP_${d.toFixed(1)}`], build: () => testPoint(d) });
}
for (const size of ['M2', 'M2.5', 'M3'] as const) {
  const drill = { M2: 2.2, 'M2.5': 2.7, M3: 3.2 }[size];
  add({ name: `MountingHole_${drill}mm_${size}`, family: 'mounting_hole', description: `Mounting hole ${size}, non-plated`, aliases: [size, `MH-${size}`, `${size}-NPTH`, `HOLE-${size}`, `MountingHole-${size}`], build: () => mountingHole(size, false) });
  add({ name: `MountingHole_${drill}mm_${size}_Pad`, family: 'mounting_hole', description: `Mounting hole ${size}, plated`, aliases: [`${size}-PTH`, `${size}-PLATED`, `MH-${size}-PAD`, `MountingHole-${size}-Pad`], build: () => mountingHole(size, true) });
}
add({ name: 'USB-C-16P-SMD', family: 'connector', description: 'USB-C receptacle 16P (HRO TYPE-C-31-M-12)', aliases: ['USB-C-16P', 'TYPE-C-16P', 'USB_C_Receptacle_HRO_TYPE-C-31-M-12', 'TYPE-C-31-M-12', 'USB-TYPE-C-16P'], build: usbC16p });
add({ name: 'ESP32-WROOM-32', family: 'module', description: 'Espressif ESP32-WROOM-32 (also -32D/-32E)', aliases: ['ESP32-WROOM-32D', 'ESP32-WROOM-32E', 'ESP32-WROOM-32UE', 'ESP32-WROOM-32U', 'SMD-MODULE-38PIN'], build: esp32Wroom32 });
add({ name: 'ESP32-S3-WROOM-1', family: 'module', description: 'Espressif ESP32-S3-WROOM-1 / -1U', aliases: ['ESP32-S3-WROOM-1U', 'ESP32-S3-WROOM-1-N8R8', 'ESP32-S3-WROOM-1-N16R8'], build: esp32S3Wroom1 });
add({ name: 'USB_Micro-B_Molex-105017-0001', family: 'connector', description: 'USB micro-B receptacle (Molex 105017-0001)', aliases: ['USB-MICRO-B-SMD', 'USB-MICRO-B', 'MICRO-USB-B', 'MOLEX-105017-0001', '105017-0001'], build: usbMicroBMolex105017 });
add({ name: 'USB_B_OST_USB-B1HSxx_Horizontal', family: 'connector', description: 'USB type-B receptacle THT (On Shore USB-B1HSxx)', aliases: ['USB-B-THT', 'USB-B', 'USB-B1HSW6', 'USB-B1HSXX'], build: usbBOstB1hs });
add({ name: 'BarrelJack_CUI_PJ-102AH_Horizontal', family: 'connector', description: 'DC barrel jack 5.5/2.1 mm THT (CUI PJ-102AH)', aliases: ['BARREL-5.5-2.1', 'DC-JACK-2.1MM', 'BARREL-JACK-2.1MM', 'PJ-102AH'], build: barrelJackCuiPj102ah });
add({ name: 'BatteryHolder_Keystone_103_1x20mm', family: 'battery', description: 'CR2032 coin cell retainer THT (Keystone 103)', aliases: ['CR2032-HOLDER', 'KEYSTONE-103', 'BATTERY-HOLDER-20MM', 'COIN-CELL-HOLDER-20MM'], build: coinHolderKeystone103 });

for (const e of [...SENSOR_PACKAGES, ...MCU_RF_PACKAGES, ...POWER_CONNECTOR_PACKAGES, ...CONNECTOR_RF_PACKAGES]) add(e);

export type { CatalogEntry };
export const CATALOG: readonly CatalogEntry[] = entries;
