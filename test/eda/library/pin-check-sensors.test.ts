import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../../src/eda/library/index.js';
import { resolveFootprint } from '../../../src/eda/footprints/index.js';
import { checkPart } from './pin-check.js';
import { expectCheckedRecord, padsOf, readCheckedFile } from './checked-file.js';

/**
 * The sensor, security, optoelectronic and passive-network records of
 * data/library/checked-parts-sensors.json (docs/reports/library-checked-sensors.md): each passes the
 * pin check against its footprint, and the pad numbers asserted below are the pin tables each
 * record cites in properties.pinout_source (a KiCad 9.0 symbol, a Digi-Key or SparkFun KiCad library
 * symbol, a SparkFun Eagle library device, the device placed in a maker's published board files
 * (Adafruit, SparkFun), or the maker's data sheet).
 */
const library = loadLibrary();
const file = readCheckedFile('checked-parts-sensors.json');
const ids = file.parts.map((p) => p.id);


describe('checked sensor records', () => {
  it('the file counts its records, and the library serves each of them from it', () => {
    expect(file.count).toBe(ids.length);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(library.get(id)?.source, id).toBe('zaptrace-runtime:data/library/checked-parts-sensors.json');
  });

  it.each(ids)('%s passes the pin check and names its pinout source', (id) => {
    const part = library.get(id)!;
    expectCheckedRecord(library, id, 'checked-parts-sensors.json', /data sheet|KiCad symbol library 9\.0|Digi-Key KiCad symbol library|SparkFun (KiCad|Eagle) library|board files \(github\.com\//);
    expect(resolveFootprint(part.footprint)!.source).not.toBe('');
  });

  it('gives the two-pad 32.768 kHz crystal a land pattern with exactly its two pads', () => {
    const fp = resolveFootprint(library.get('crystal-32khz')!.footprint)!;
    expect(fp.pads.map((p) => p.number).sort()).toEqual(['1', '2']);
    expect(checkPart(library.get('crystal-32khz')!).problems).toEqual([]);
  });

  it('puts each function on its data-sheet pad', () => {
    // Sensor:APDS-9960: 1 SDA, 2 INT (open drain), 6 GND, 7 SCL, 8 VDD.
    expect(padsOf(library, 'apds-9960')).toMatchObject({ SDA: ['1'], INT: ['2'], GND: ['6'], SCL: ['7'], VDD: ['8'] });
    expect(library.get('apds-9960')!.pins.find((p) => p.name === 'INT')!.type).toBe('open_collector');
    // Power_Management:INA3221 (RGV VQFN-16): 6 SCL, 7 SDA, 8 WARNING, 9 CRITICAL, 16 VPU, 17 exposed pad.
    expect(padsOf(library, 'ina3221aidgsr')).toMatchObject({ SCL: ['6'], SDA: ['7'], WARNING: ['8'], CRITICAL: ['9'], VPU: ['16'], EP: ['17'] });
    // Sensor_Motion:LIS3DH (LGA-16): GND on 5, 10 and 12; INT1 11, INT2 9, VDD 14, VDD_IO (named VDDIO here) 1.
    expect(padsOf(library, 'lis3dh')).toMatchObject({ GND: ['5', '10', '12'], INT1: ['11'], INT2: ['9'], VDD: ['14'], VDDIO: ['1'] });
    // Sensor_Motion:ICM-20948 (QFN-24 3x3): 8 VDDIO, 12 INT1, 13 VDD, 22 nCS, 23 SCL, 24 SDA.
    expect(padsOf(library, 'icm-20948')).toMatchObject({ VDDIO: ['8'], INT1: ['12'], VDD: ['13'], CS: ['22'], SCL: ['23'], SDA: ['24'] });
    // Security:ATECC608A-MAHDA (UDFN-8): 4 GND, 5 SDA, 6 SCL, 8 VCC, exposed pad 9.
    expect(padsOf(library, 'atecc608a-mahda')).toMatchObject({ GND: ['4'], SDA: ['5'], SCL: ['6'], VCC: ['8'], EP: ['9'] });
    // MCU_ST_STM32WB:STM32WBA52CGUx on UFQFPN-48: VDD on 11, 22, 35 and 43; NRST 36; RF 37; VSS is the exposed pad 49.
    expect(padsOf(library, 'stm32wba52cgu6')).toMatchObject({ VDD: ['11', '22', '35', '43'], NRST: ['36'], RF: ['37'], VSS: ['49'] });
    // Sensor_Humidity:SHTC3 (DFN-4): 1 VDD, 2 SCL, 3 SDA, 4 VSS; centre pad 5 is the symbol's NC pin.
    expect(padsOf(library, 'shtc3')).toMatchObject({ VDD: ['1'], SCL: ['2'], SDA: ['3'], VSS: ['4'], EP: ['5'] });
    // Device:R_Pack04 on Resistor_SMD:R_Array_Convex_4x0603: resistor k joins pads k and 9-k.
    expect(padsOf(library, 'res-array-4x-0603')).toMatchObject({ R1_P1: ['1'], R1_P2: ['8'], R4_P1: ['4'], R4_P2: ['5'] });
    // Sensor_Distance:VL53L0CXV0DH1: GND on 3, 4, 6 and 12; XSHUT 5; GPIO1 7 (open drain); SDA 9; SCL 10; AVDD 11.
    expect(padsOf(library, 'vl53l0x')).toMatchObject({ GND: ['3', '4', '6', '12'], XSHUT: ['5'], GPIO1: ['7'], SDA: ['9'], SCL: ['10'], AVDD: ['11'] });
  });

  it('puts the parts sourced from the Digi-Key and SparkFun KiCad libraries on their pads', () => {
    // Digi-Key MLX90614ESF-BAA-000-TU on TO-39-4: 1 SCL, 2 SDA (SDO/PWM), 3 VDD, 4 VSS; lead 1 is the oval pad.
    expect(padsOf(library, 'mlx90614esf-baa')).toMatchObject({ SCL: ['1'], SDA: ['2'], VDD: ['3'], VSS: ['4'] });
    expect(resolveFootprint('TO-39-4')!.pads.find((p) => p.number === '1')!.shape).toBe('oval');
    // SparkFun MAX17048 (TDFN-8 2x2): 1 CTG, 2 CELL, 3 VDD, 4 and exposed pad 9 GND, 5 ALRT, 6 QSTRT, 7 SCL, 8 SDA.
    expect(padsOf(library, 'max17048g-t10')).toMatchObject({ CTG: ['1'], CELL: ['2'], VDD: ['3'], GND: ['4', '9'], ALRT: ['5'], QSTRT: ['6'], SCL: ['7'], SDA: ['8'] });
    // SparkFun VEML7700-TT: 1 SCL, 2 VDD, 3 GND, 4 SDA, four pads in one row.
    expect(padsOf(library, 'veml7700-tt')).toMatchObject({ SCL: ['1'], VDD: ['2'], GND: ['3'], SDA: ['4'] });
    expect(new Set(resolveFootprint('VEML7700-TT')!.pads.map((p) => p.at[1])).size).toBe(1);
    // SparkFun VCNL4040: 1 GND, 3 VDD, 6 INT, 7 SDA, 8 SCL.
    expect(padsOf(library, 'vcnl4040m3oae')).toMatchObject({ GND: ['1'], VDD: ['3'], INT: ['6'], SDA: ['7'], SCL: ['8'] });
  });

  it('puts the parts sourced from the SparkFun Eagle library on their pads', () => {
    // SGP40: 1 VDD, 2/4/die pad VSS, 3 SDA, 5 VDDH, 6 SCL.
    expect(padsOf(library, 'sgp40-d-r4')).toMatchObject({ VDD: ['1'], VSS: ['2', '4', '7'], SDA: ['3'], VDDH: ['5'], SCL: ['6'] });
    // BMP388 LGA-10 (Adafruit's board; SparkFun's device joins 1 and 10): VDDIO 1, SCK 2, GND 3/8/9, SDI 4, SDO 5, CSB 6, INT 7, VDD 10.
    expect(padsOf(library, 'bmp388')).toMatchObject({ VDDIO: ['1'], SCK: ['2'], GND: ['3', '8', '9'], SDI: ['4'], CSB: ['6'], INT: ['7'], VDD: ['10'] });
    // LSM6DSO LGA-14L: VDDIO 5, GND 6/7, VDD 8, CS 12, SCL 13, SDA 14.
    expect(padsOf(library, 'lsm6dso')).toMatchObject({ VDDIO: ['5'], GND: ['6', '7'], VDD: ['8'], CS: ['12'], SCL: ['13'], SDA: ['14'] });
    // HMC5883L LPCC-16: SCL 1, VDD 2, GND 9/11, VDDIO 13, DRDY 15, SDA 16.
    expect(padsOf(library, 'hmc5883l')).toMatchObject({ SCL: ['1'], VDD: ['2'], GND: ['9', '11'], VDDIO: ['13'], DRDY: ['15'], SDA: ['16'] });
    // ISL29125 ODFN-6: VDD 1, GND 3, SDA 4, INT 5, SCL 6; pad 2 not connected.
    expect(padsOf(library, 'isl29125iroz-t7a')).toMatchObject({ VDD: ['1'], NC: ['2'], GND: ['3'], SDA: ['4'], INT: ['5'], SCL: ['6'] });
    // VL53L5CX: ground on A2, A6, A7, B4 (centre land), C1, C6, C7; AVDD B1 and B7; SDA C3, SCL C4.
    expect(padsOf(library, 'vl53l5cx')).toMatchObject({ GND: ['A2', 'A6', 'A7', 'B4', 'C1', 'C6', 'C7'], AVDD: ['B1', 'B7'], SDA: ['C3'], SCL: ['C4'] });
  });

  it('puts the parts sourced from published board files and data sheet transcriptions on their pads', () => {
    // Adafruit AHT20 board: 1 NC, 2 VDD, 3 SCL, 4 SDA, 5 GND, 6 NC; six lands, none in the centre.
    expect(padsOf(library, 'aht20')).toMatchObject({ NC1: ['1'], VDD: ['2'], SCL: ['3'], SDA: ['4'], GND: ['5'], NC6: ['6'] });
    expect(resolveFootprint('Aosong_AHT20_DFN-6_3x3mm_P1.0mm')!.pads).toHaveLength(6);
    // SparkFun Qwiic BMI270 board: SDO 1, INT1 4, VDDIO 5, GND 6/7, VDD 8, INT2 9, CSB 12, SCX 13, SDX 14.
    expect(padsOf(library, 'bmi270')).toMatchObject({ SDO: ['1'], INT1: ['4'], VDDIO: ['5'], GND: ['6', '7'], VDD: ['8'], INT2: ['9'], CSB: ['12'], SCX: ['13'], SDX: ['14'] });
    // Adafruit BMP390 board: VDDIO 1, SCK 2, GND 3/8/9, SDI 4, SDO 5, CSB 6, INT 7, VDD 10.
    expect(padsOf(library, 'bmp390')).toMatchObject({ VDDIO: ['1'], SCK: ['2'], GND: ['3', '8', '9'], SDI: ['4'], SDO: ['5'], CSB: ['6'], INT: ['7'], VDD: ['10'] });
    // Adafruit LTR-329 board: 1 VDD, 2 GND, 3 SDA, 4 SCL, a four-land ChipLED (the import said OLGA-6).
    expect(padsOf(library, 'ltr-329als-01')).toMatchObject({ VDD: ['1'], GND: ['2'], SDA: ['3'], SCL: ['4'] });
    expect(resolveFootprint(library.get('ltr-329als-01')!.footprint)!.pads).toHaveLength(4);
    // ICM-42688-P LGA-14: AP_SDO 1, INT1 4, VDDIO 5, GND 6, RESV 7 (to GND), VDD 8, INT2 9, AP_CS 12, AP_SCL 13, AP_SDA 14.
    expect(padsOf(library, 'icm-42688-p')).toMatchObject({ AP_SDO: ['1'], INT1: ['4'], VDDIO: ['5'], GND: ['6'], RESV7: ['7'], VDD: ['8'], INT2: ['9'], AP_CS: ['12'], AP_SCL: ['13'], AP_SDA: ['14'] });
    // RV-3032-C7 (C7 SON-8): 1 VBACKUP, 2 SDA, 3 INT, 4 EVI, 5 VSS, 6 VDD, 7 CLKOUT, 8 SCL, not the RV-3028-C7 order.
    expect(padsOf(library, 'rv-3032-c7')).toMatchObject({ VBACKUP: ['1'], SDA: ['2'], INT: ['3'], EVI: ['4'], VSS: ['5'], VDD: ['6'], CLKOUT: ['7'], SCL: ['8'] });
    // TCS3472 FN: VDD 1, SCL 2, GND 3, NC 4, INT 5 (open drain), SDA 6.
    for (const id of ['tcs34725', 'tcs34725fnr']) expect(padsOf(library, id)).toMatchObject({ VDD: ['1'], SCL: ['2'], GND: ['3'], NC: ['4'], INT: ['5'], SDA: ['6'] });
    // LED:APA-106-F5 on LED_THT:LED_D5.0mm-4_RGB: 1 DO, 2 GND, 3 VDD, 4 DI, four through-hole leads in a row.
    expect(padsOf(library, 'apa106-f5')).toMatchObject({ DO: ['1'], GND: ['2'], VDD: ['3'], DI: ['4'] });
    expect(resolveFootprint('LED_D5.0mm-4_RGB')!.pads.every((p) => p.kind === 'thru_hole' && p.at[1] === 0)).toBe(true);
    // NXP SE050 (HX2QFN20) as the Nitrokey 3A NFC board wires it: SDA 9, SCL 10, ENA 11, VIN 12, VOUT 15, VCC 18, VSS 19 and the exposed pad 21.
    expect(padsOf(library, 'se050c2-t1a-1021')).toMatchObject({ SDA: ['9'], SCL: ['10'], ENA: ['11'], VIN: ['12'], VOUT: ['15'], VCC: ['18'], VSS: ['19', '21'] });
    // MLX90393 QFN-16 (Adafruit and SparkFun devices agree): INT 1, CS 2, SCL 3, SDA 5, MISO 6, INT/TRIG 7, VDDIO 8, A1 11, A0 12, VSS 13, VDD 15.
    expect(padsOf(library, 'mlx90393etq-aab-001-re')).toMatchObject({ INT: ['1'], CS: ['2'], SCL: ['3'], SDA: ['5'], MISO: ['6'], TRIG: ['7'], VDDIO: ['8'], A1: ['11'], A0: ['12'], VSS: ['13'], VDD: ['15'] });
    // SparkFun Qwiic BME688 board: GND 1 and 7, CSB 2, SDI 3, SCK 4, SDO 5, VDDIO 6, VDD 8, clockwise on the Bosch LGA-8 3x3.
    expect(padsOf(library, 'bme688')).toMatchObject({ GND: ['1', '7'], CSB: ['2'], SDI: ['3'], SCK: ['4'], SDO: ['5'], VDDIO: ['6'], VDD: ['8'] });
    // HTU21D(F) as Adafruit's and SparkFun's boards place it: 1 NC, 2 VDD, 3 SCK, 4 DATA, 5 GND, 6 NC, centre pad 7.
    expect(padsOf(library, 'htu21d-f')).toMatchObject({ NC1: ['1'], VDD: ['2'], SCK: ['3'], DATA: ['4'], GND: ['5'], NC6: ['6'], EP: ['7'] });
    // OPTIGA Trust M (PG-USON-10-2) as Adafruit's board wires it: SDA 3, SCL 8, RST 9, VCC 10, GND on 1, 2, 4-7 and the exposed pad 11.
    expect(padsOf(library, 'optiga-trust-m-sle95250')).toMatchObject({ GND: ['1', '2', '4', '5', '6', '7', '11'], SDA: ['3'], SCL: ['8'], RST: ['9'], VCC: ['10'] });
    // HC-SR04 module header: Vcc, Trig, Echo, GND in a 2.54 mm row.
    expect(padsOf(library, 'hcsr04')).toMatchObject({ VCC: ['1'], TRIG: ['2'], ECHO: ['3'], GND: ['4'] });
  });
});
