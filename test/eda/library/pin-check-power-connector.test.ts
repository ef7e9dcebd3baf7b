import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../../src/eda/library/index.js';
import { resolveFootprint } from '../../../src/eda/footprints/index.js';
import { expectCheckedRecord, padsOf, readCheckedFile } from './checked-file.js';

/**
 * The checked power, connector, timing, interface, memory and protection records
 * (data/library/checked-parts-power-connector.json): each replaces an imported record whose pins
 * were a family template, lands every pin on its own pad of a known footprint, and names its
 * source. The pad numbers asserted below are the ones the cited pin tables give (each record's
 * properties.pinout_source).
 */
const file = readCheckedFile('checked-parts-power-connector.json');
const library = loadLibrary();

describe('checked power/connector/timing/interface/memory/protection parts', () => {
  it('the file is a library parts file whose count matches', () => {
    expect(file.format).toBe('zaptrace-library-parts');
    expect(file.count).toBe(file.parts.length);
    expect(file.count).toBeGreaterThanOrEqual(32);
  });

  it('every record replaces the imported one, passes the pin check and names its source', () => {
    for (const { id } of file.parts) {
      const part = library.get(id)!;
      expectCheckedRecord(library, id, 'checked-parts-power-connector.json', /data sheet|KiCad symbol library|catalogue|drawing|SparkFun Eagle library|Seeed Studio OPL KiCad library|SparkFun KiCad library|Adafruit .* board \(github\.com\/adafruit|wagiminator Power-Boards|KiCad schematic/);
      for (const pin of part.pins) expect(pin.number, `${id} ${pin.name}`).toMatch(/^[A-Z0-9]+( [A-Z0-9]+)*$/i);
    }
  });

  it('USB bridges: CP2102N QFN28, CH343P QFN16, CH340N SOP8 and FT2232HL LQFP64 pads', () => {
    const cp = padsOf(library, 'cp2102n');
    expect(cp['D+']).toEqual(['4']);
    expect(cp['D-']).toEqual(['5']);
    expect(cp['VBUS']).toEqual(['8']);
    expect(cp['TXD']).toEqual(['26']);
    expect(cp['RXD']).toEqual(['25']);
    expect(cp['GND']).toEqual(['3', '29']);
    expect(padsOf(library, 'cp2102n-a02-gqfn28')['VREGIN']).toEqual(['7']);
    const ch = padsOf(library, 'ch343p');
    expect(ch['UD+']).toEqual(['7']);
    expect(ch['GND']).toEqual(['2', '17']);
    expect(ch['VDD5']).toEqual(['3']);
    expect(padsOf(library, 'ch340n')['V3']).toEqual(['8']);
    expect(padsOf(library, 'ch340n')['UD-']).toEqual(['2']);
    const ft = padsOf(library, 'ft2232hl-reel');
    expect(ft['GND']).toEqual(['1', '5', '11', '15', '25', '35', '47', '51']);
    expect(ft['VREGIN']).toEqual(['50']);
  });

  it('power parts: DRV8833C PowerPAD, MCP73871 QFN20, FUSB302B WQFN14', () => {
    const drv = padsOf(library, 'drv8833cpwp');
    expect(drv['VM']).toEqual(['12']);
    expect(drv['GND']).toEqual(['13', '17']);
    expect(drv['nSLEEP']).toEqual(['1']);
    expect(drv['NC']).toEqual(['11']);
    const mcp = padsOf(library, 'mcp73871-2cciml');
    expect(mcp['IN']).toEqual(['18', '19']);
    expect(mcp['VSS']).toEqual(['10', '11', '21']);
    const fusb = padsOf(library, 'usbpd-fusb302bmpx');
    expect(fusb['CC1']).toEqual(['10', '11']);
    expect(fusb['CC2']).toEqual(['1', '14']);
    expect(fusb['GND']).toEqual(['8', '9', '15']);
  });

  it('interface, memory and protection: W5500, SC16IS752, USB2514B, MT48LC16M16A2, PRTR5V0U2X', () => {
    expect(padsOf(library, 'w5500')['SCLK']).toEqual(['33']);
    expect(padsOf(library, 'w5500')['INT#']).toEqual(['36']);
    expect(padsOf(library, 'sc16is752ipwr')['VSS']).toEqual(['22']);
    expect(padsOf(library, 'usb2514bi-aezg')['VSS']).toEqual(['37']);
    expect(padsOf(library, 'sdram-mt48lc16m16a2p')['CLK']).toEqual(['38']);
    expect(padsOf(library, 'sdram-mt48lc16m16a2p')['VSS']).toEqual(['28', '41', '54']);
    const esd = padsOf(library, 'esd-prtr5v0u2x');
    expect(esd['GND']).toEqual(['1']);
    expect(esd['VCC']).toEqual(['4']);
  });

  it('regulators and chargers: TPS2116 DRL, TPS54360B DDA PowerPAD, TPS62130A RGT, LM5166 DRC, LM2575 TO-220-5, BQ24297 RGE', () => {
    expect(padsOf(library, 'tps2116dbvr')['VOUT']).toEqual(['2', '7']);
    expect(padsOf(library, 'tps2116dbvr')['ST']).toEqual(['8']);
    expect(padsOf(library, 'tps54360b-ddar')['GND']).toEqual(['7', '9']);
    expect(padsOf(library, 'tps54360b-ddar')['SW']).toEqual(['8']);
    expect(padsOf(library, 'tps62130argr')['VIN']).toEqual(['10', '11', '12']);
    expect(padsOf(library, 'tps62130argr')['GND']).toEqual(['6', '15', '16', '17']);
    expect(padsOf(library, 'lm5166xqdsxrq1')['GND']).toEqual(['10', '11']);
    expect(padsOf(library, 'lm2575hvt-5.0')['OUT']).toEqual(['2']);
    expect(padsOf(library, 'lm2575hvt-5.0')['ON_OFF#']).toEqual(['5']);
    const bq = padsOf(library, 'bq24297rget');
    expect(bq['VBUS']).toEqual(['1', '24']);
    expect(bq['D+']).toEqual(['2']);
    expect(bq['PGND']).toEqual(['17', '18', '25']);
    expect(bq['PMID']).toEqual(['23']);
    expect(padsOf(library, 'stusb4500jhr')['VBUS_VS_DISCH']).toEqual(['18']);
  });

  it('level shifter, isolator and timing parts: PCA9306 DCT, ADuM3151, SG-8002CA, FA-128, ECS-2520MV', () => {
    expect(padsOf(library, 'pca9306dctt')['EN']).toEqual(['8']);
    expect(padsOf(library, 'pca9306dctt')['VREF1']).toEqual(['2']);
    expect(padsOf(library, 'spi-iso-adum3151brsz')['GND1']).toEqual(['2', '10']);
    expect(padsOf(library, 'spi-iso-adum3151brsz')['VDD2']).toEqual(['20']);
    expect(padsOf(library, 'seikoepson-sg8002')['OUT']).toEqual(['3']);
    expect(padsOf(library, 'epson-fa-128-16mhz')['GND']).toEqual(['2', '4']);
    expect(padsOf(library, 'epson-fa-128-16mhz')['XI']).toEqual(['1']);
    expect(padsOf(library, 'ecs-2520mv-240-bn-tr')['VDD']).toEqual(['4']);
  });

  it('connectors: HR911105A magjack, JST PH SMD, Hirose FH12 FFC, HDMI A, USB A', () => {
    const rj = padsOf(library, 'ethernet-rj45-magjack');
    expect(rj['TD+']).toEqual(['1']);
    expect(rj['RD-']).toEqual(['6']);
    expect(rj['SH']).toEqual(['SH']);
    expect(padsOf(library, 'jst-ph-2')['P1']).toEqual(['1']);
    expect(padsOf(library, 'jst-ph-2')['MP']).toEqual(['MP']);
    expect(padsOf(library, 'ffc-fpc-10p-0.5mm')['P10']).toEqual(['10']);
    expect(padsOf(library, 'ffc-fpc-20p-0.5mm')['P20']).toEqual(['20']);
    const hdmi = padsOf(library, 'hdmi-type-a-19p');
    expect(hdmi['HPD']).toEqual(['19']);
    expect(hdmi['+5V']).toEqual(['18']);
    expect(hdmi['CK+']).toEqual(['10']);
    expect(padsOf(library, 'usb-a-2.0-thd')['D+']).toEqual(['3']);
    expect(padsOf(library, 'usb-a-2.0-thd')['SHIELD']).toEqual(['5']);
  });

  it('new footprints: exposed pads are numbered after the last lead and sit at the origin', () => {
    for (const [name, ep, count] of [['WQFN-14-1EP_2.5x2.5mm_P0.5mm_EP1.45mm', '15', 15], ['TI_HTSSOP-16-1EP_4.4x5mm_P0.65mm_EP2.46x2.31mm', '17', 17], ['WCH_QFN-16-1EP_3x3mm_P0.5mm_EP1.8mm', '17', 17]] as const) {
      const fp = resolveFootprint(name)!;
      expect(fp.pads.length, name).toBe(count);
      const pad = fp.pads.find((p) => p.number === ep)!;
      expect(pad.at, name).toEqual([0, 0]);
    }
    expect(resolveFootprint('SOT-143')!.pads.map((p) => p.number)).toEqual(['1', '2', '3', '4']);
  });

  it('A4988: the Digi-Key KiCad library pin table on the 5x5 mm QFN-28 with exposed pad 29', () => {
    const a = padsOf(library, 'a4988settr-t');
    expect(a).toMatchObject({ OUT2B: ['1'], ENABLE: ['2'], GND: ['3', '18', '29'], VREG: ['8'], RESET: ['12'], SLEEP: ['14'], VDD: ['15'], STEP: ['16'], DIR: ['19'], VBB1: ['22'], VBB2: ['28'] });
    const fp = resolveFootprint('VFQFN-28-1EP_5x5mm_P0.5mm_EP3.4mm')!;
    expect(fp.pads.map((p) => p.number)).toHaveLength(29);
    expect(fp.pads.find((p) => p.number === '29')!.at).toEqual([0, 0]);
  });

  it('RV-8803: the SparkFun Eagle library pin table on the Micro Crystal C7 lands', () => {
    expect(padsOf(library, 'rv8803-c7-ta-020')).toMatchObject({ SDA: ['1'], CLKOUT: ['2'], VDD: ['3'], CLKOE: ['4'], GND: ['5'], INT: ['6'], EVI: ['7'], SCL: ['8'] });
  });

  it('Grove 4P: the Seeed OPL connector, contacts 1-4 on its 2.0 mm through-hole lands', () => {
    expect(padsOf(library, 'grove-4p-2mm')).toMatchObject({ P1: ['1'], P2: ['2'], P3: ['3'], P4: ['4'] });
    const fp = resolveFootprint('Grove-2mm')!;
    expect(fp.pads.map((p) => p.at[0])).toEqual([-3, -1, 1, 3]);
    expect(fp.pads.every((p) => p.kind === 'thru_hole')).toBe(true);
  });

  it('RP-SMA edge jack: SparkFun centre pad 1 and ground legs 2 on both copper sides', () => {
    expect(padsOf(library, 'sma-edge')).toMatchObject({ SIGNAL: ['1'], GND: ['2'] });
    const fp = resolveFootprint('SMA-EDGE')!;
    expect(fp.pads.filter((p) => p.number === '2').map((p) => p.side).sort()).toEqual(['bottom', 'bottom', 'top', 'top']);
  });

  it('power ICs from open-hardware boards: TPS61023 on SOT-563, IP5306 on ESOP-8 with pad 9, CN3058E on SOIC-8, MAX17048 on TDFN-8, TPS63020 on VSON-14 DSJ, ISO7742 on SOIC-16W, MAX16054 on SOT-23-6, TPS7A4901 on DGN, TPS2553 on WSON-6 DRV, MAX890L on SO-8', () => {
    expect(padsOf(library, 'tps61023dsgr')).toMatchObject({ FB: ['1'], EN: ['2'], VIN: ['3'], GND: ['4'], SW: ['5'], VOUT: ['6'] });
    expect(padsOf(library, 'ip5306')).toMatchObject({ VIN: ['1'], KEY: ['5'], BAT: ['6'], SW: ['7'], VOUT: ['8'], GND: ['9'] });
    expect(padsOf(library, 'cn3058e')).toMatchObject({ TEMP: ['1'], ISET: ['2'], GND: ['3'], VIN: ['4'], BAT: ['5'], FB: ['8'] });
    expect(padsOf(library, 'max17048')).toMatchObject({ CTG: ['1'], CELL: ['2'], GND: ['4', '9'], SDA: ['8'] });
    expect(padsOf(library, 'tps63020')).toMatchObject({ VINA: ['1'], FB: ['3'], VOUT: ['4', '5'], L1: ['8', '9'], VIN: ['10', '11'], PG: ['14'], PGND: ['15'] });
    expect(padsOf(library, 'iso7742dwr')).toMatchObject({ VCC1: ['1'], GND1: ['2', '8'], OUTC: ['5'], EN1: ['7'], GND2: ['9', '15'], INC: ['12'], OUTA: ['14'], VCC2: ['16'] });
    expect(resolveFootprint(library.get('iso7742dwr')!.footprint)!.name).toBe('SOIC-16W');
    expect(padsOf(library, 'max16054ata')).toMatchObject({ IN: ['1'], GND: ['2'], CLEAR: ['3'], 'OUT#': ['4'], OUT: ['5'], VCC: ['6'] });
    expect(padsOf(library, 'tps7a4901dgnr')).toMatchObject({ OUT: ['1'], FB: ['2'], GND: ['4'], EN: ['5'], 'NR/SS': ['6'], IN: ['8'], PAD: ['9'] });
    expect(resolveFootprint('TI-DGN0008G')!.pads.find((p) => p.number === '9')!.at).toEqual([0, 0]);
    expect(padsOf(library, 'tps2553drvr')).toMatchObject({ OUT: ['1'], ILIM: ['2'], 'FAULT#': ['3'], EN: ['4'], GND: ['5', '7'], IN: ['6'] });
    expect(padsOf(library, 'max890leuk')).toMatchObject({ IN: ['1', '2'], 'ON#': ['3'], GND: ['4'], SET: ['5'], OUT: ['6', '7'], 'FAULT#': ['8'] });
    expect(padsOf(library, 'ts30042-m033qnit')).toMatchObject({ VSW: ['1', '12', '13', '16'], VCC: ['2', '3', '11'], GND: ['4'], FB: ['5'], PG: ['8'], EN_SYNC: ['9'], BST: ['10'], PGND: ['14', '15'], PAD: ['17'] });
    const esop = resolveFootprint('ESOP-8')!;
    expect(esop.pads.find((p) => p.number === '9')!.at).toEqual([0, 0]);
    expect(resolveFootprint('SOT-563')!.pads.map((p) => p.number)).toEqual(['1', '2', '3', '4', '5', '6']);
  });
});
