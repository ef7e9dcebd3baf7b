/**
 * Pin-name → pad-number tables for footprints and parts whose pad numbers are not in the design.
 * Each row is `"NAME|SYNONYM|…": pads`; a power name with several pads maps to all of them. `implied`
 * folds the pads of a pin the design does not declare into another pin (VDDIO into VDD on a
 * BME280), as the datasheets ask when only one supply is used. Sources: the datasheets' pin tables.
 */
export interface PinTable {
  id: string;
  source: string;
  /** Footprint catalog names this table applies to (any part). */
  footprints?: string[];
  /** Part type / MPN prefixes (normalised upper case); with `footprints` both must match. */
  types?: string[];
  pins: Record<string, string[]>;
  implied?: Record<string, string>;
}

/** Rows for GPIO sites: "P0.26|ALT" answers to P0.26, P0_26 and the alternates. */
const gpioRows = (bySite: Record<string, string>): Record<string, string[]> =>
  Object.fromEntries(
    Object.entries(bySite).map(([site, names]) => {
      const [port, ...alt] = names.split('|');
      return [[port!, port!.replace('.', '_'), ...alt].join('|'), [site]];
    }),
  );

const seq = (from: number, names: string[]): Record<string, string[]> =>
  Object.fromEntries(names.map((n, i) => [n, [String(from + i)]]).filter(([n]) => n !== '-'));

export const PIN_TABLES: PinTable[] = [
  {
    id: 'esp32-wroom-32',
    source: 'Espressif ESP32-WROOM-32 datasheet, Table "Pin Definitions"',
    footprints: ['ESP32-WROOM-32'],
    pins: {
      GND: ['1', '15', '38', '39'],
      '3V3|VCC|VDD|VDD3V3|3.3V': ['2'],
      'EN|CHIP_PU|RST|RESET': ['3'],
      'SENSOR_VP|GPIO36': ['4'],
      'SENSOR_VN|GPIO39': ['5'],
      ...seq(6, ['GPIO34', 'GPIO35', 'GPIO32', 'GPIO33', 'GPIO25', 'GPIO26', 'GPIO27', 'GPIO14', 'GPIO12']),
      GPIO13: ['16'],
      'SD2|GPIO9': ['17'],
      'SD3|GPIO10': ['18'],
      'CMD|GPIO11': ['19'],
      'CLK|GPIO6': ['20'],
      'SD0|GPIO7': ['21'],
      'SD1|GPIO8': ['22'],
      ...seq(23, ['GPIO15', 'GPIO2', 'GPIO0', 'GPIO4', 'GPIO16', 'GPIO17', 'GPIO5', 'GPIO18', 'GPIO19']),
      NC: ['32'],
      GPIO21: ['33'],
      'RXD0|U0RXD|GPIO3|RX': ['34'],
      'TXD0|U0TXD|GPIO1|TX': ['35'],
      GPIO22: ['36'],
      GPIO23: ['37'],
    },
  },
  {
    id: 'esp32-s3-wroom-1',
    source: 'Espressif ESP32-S3-WROOM-1 datasheet, Table "Pin Definitions"',
    footprints: ['ESP32-S3-WROOM-1'],
    pins: {
      GND: ['1', '40', '41'],
      '3V3|VCC|VDD|3.3V': ['2'],
      'EN|CHIP_PU|RST|RESET': ['3'],
      ...seq(4, ['GPIO4', 'GPIO5', 'GPIO6', 'GPIO7', 'GPIO15', 'GPIO16', 'GPIO17', 'GPIO18', 'GPIO8']),
      'GPIO19|USB_D-|USB_DM|D-': ['13'],
      'GPIO20|USB_D+|USB_DP|D+': ['14'],
      ...seq(15, ['GPIO3', 'GPIO46', 'GPIO9', 'GPIO10', 'GPIO11', 'GPIO12', 'GPIO13', 'GPIO14', 'GPIO21', 'GPIO47', 'GPIO48', 'GPIO45', 'GPIO0']),
      ...seq(28, ['GPIO35', 'GPIO36', 'GPIO37', 'GPIO38', 'GPIO39', 'GPIO40', 'GPIO41', 'GPIO42']),
      'RXD0|U0RXD|GPIO44|RX': ['36'],
      'TXD0|U0TXD|GPIO43|TX': ['37'],
      GPIO2: ['38'],
      GPIO1: ['39'],
    },
  },
  {
    id: 'rp2040',
    source: 'Raspberry Pi RP2040 datasheet, "Pinout" (QFN-56), EP 57 = GND',
    footprints: ['RP2040-QFN-56'],
    pins: {
      'IOVDD|VDD|3V3': ['1', '10', '22', '33', '42', '49'],
      ...seq(2, ['GPIO0', 'GPIO1', 'GPIO2', 'GPIO3', 'GPIO4', 'GPIO5', 'GPIO6', 'GPIO7']),
      ...seq(11, ['GPIO8', 'GPIO9', 'GPIO10', 'GPIO11', 'GPIO12', 'GPIO13', 'GPIO14', 'GPIO15', 'TESTEN', 'XIN', 'XOUT']),
      DVDD: ['23', '50'],
      ...seq(24, ['SWCLK', 'SWDIO|SWD', 'RUN', 'GPIO16', 'GPIO17', 'GPIO18', 'GPIO19', 'GPIO20', 'GPIO21']),
      ...seq(34, ['GPIO22', 'GPIO23', 'GPIO24', 'GPIO25', 'GPIO26|GPIO26_ADC0|ADC0', 'GPIO27|GPIO27_ADC1|ADC1', 'GPIO28|GPIO28_ADC2|ADC2', 'GPIO29|GPIO29_ADC3|ADC3']),
      ...seq(43, ['ADC_AVDD', 'VREG_VIN|VREG_IN', 'VREG_VOUT', 'USB_DM|USB_D-|D-', 'USB_DP|USB_D+|D+', 'USB_VDD']),
      ...seq(51, ['QSPI_SD3', 'QSPI_SCLK', 'QSPI_SD0', 'QSPI_SD2', 'QSPI_SD1', 'QSPI_SS|QSPI_SS_N']),
      'GND|VSS': ['57'],
    },
  },
  {
    id: 'sx1276',
    source: 'Semtech SX1276/77/78/79 datasheet, Table "Pin Description" (QFN-28; exposed pad = GND)',
    footprints: ['SX1276-QFN28'],
    pins: {
      RFI_LF: ['1'],
      VR_ANA: ['2'],
      'VDD|VBAT|VCC|VBAT_ANA|VBAT_DIG|VBAT_RF': ['3', '14', '24'],
      VR_DIG: ['4'],
      ...seq(5, ['XTA', 'XTB', 'RESET|NRESET|RST', 'DIO0', 'DIO1', 'DIO2', 'DIO3', 'DIO4', 'DIO5']),
      ...seq(16, ['SCK', 'MISO', 'MOSI', 'NSS|CS', 'RXTX|RF_MOD|RXTX/RF_MOD', 'RFI_HF', 'RFO_HF']),
      'GND|VSS': ['15', '23', '26', '29'],
      VR_PA: ['25'],
      PA_BOOST: ['27'],
      RFO_LF: ['28'],
    },
  },
  {
    id: 'esp32-c3-mini-1',
    source: 'Espressif ESP32-C3-MINI-1 datasheet, Table "Pin Definitions" (pads 49-53 = GND)',
    footprints: ['ESP32-C3-MINI-1'],
    pins: {
      GND: ['1', '2', '11', '14', ...Array.from({ length: 18 }, (_, i) => String(36 + i))],
      '3V3|VCC|VDD|3.3V': ['3'],
      'EN|CHIP_EN|CHIP_PU|RST|RESET': ['8'],
      'GPIO0|IO0': ['12'],
      'GPIO1|IO1': ['13'],
      'GPIO2|IO2': ['5'],
      'GPIO3|IO3': ['6'],
      'GPIO10|IO10': ['16'],
      ...seq(18, ['GPIO4|IO4', 'GPIO5|IO5', 'GPIO6|IO6', 'GPIO7|IO7', 'GPIO8|IO8', 'GPIO9|IO9']),
      'GPIO18|IO18|USB_DM|USB_D-|D-': ['26'],
      'GPIO19|IO19|USB_DP|USB_D+|D+': ['27'],
      'GPIO20|IO20|RXD0|RXD|RX': ['30'],
      'GPIO21|IO21|TXD0|TXD|TX': ['31'],
    },
  },
  {
    id: 'nrf52840-qiaa',
    source: 'Nordic nRF52840 product specification, "Pin assignments" (aQFN73); GPIOs answer to P0.26 and P0_26',
    footprints: ['nRF52840-QIAA'],
    pins: {
      ...gpioRows({
        D2: 'P0.00|XL1', F2: 'P0.01|XL2', A12: 'P0.02|AIN0', B13: 'P0.03|AIN1', J1: 'P0.04|AIN2', K2: 'P0.05|AIN3', L1: 'P0.06', M2: 'P0.07|TRACECLK',
        N1: 'P0.08', L24: 'P0.09|NFC1', J24: 'P0.10|NFC2', T2: 'P0.11|TRACEDATA2', U1: 'P0.12|TRACEDATA1', AD8: 'P0.13', AC9: 'P0.14', AD10: 'P0.15',
        AC11: 'P0.16', AD12: 'P0.17', AC13: 'P0.18|RESET|NRESET', AC15: 'P0.19', AD16: 'P0.20', AC17: 'P0.21', AD18: 'P0.22', AC19: 'P0.23',
        AD20: 'P0.24', AC21: 'P0.25', G1: 'P0.26', H2: 'P0.27', B11: 'P0.28|AIN4', A10: 'P0.29|AIN5', B9: 'P0.30|AIN6', A8: 'P0.31|AIN7',
        AD22: 'P1.00|TRACEDATA0', Y23: 'P1.01', W24: 'P1.02', V23: 'P1.03', U24: 'P1.04', T23: 'P1.05', R24: 'P1.06', P23: 'P1.07', P2: 'P1.08',
        R1: 'P1.09|TRACEDATA3', A20: 'P1.10', B19: 'P1.11', B17: 'P1.12', A16: 'P1.13', B15: 'P1.14', A14: 'P1.15',
      }),
      'VDD|VCC|3V3': ['B1', 'W1', 'A22', 'AD14', 'AD23'],
      'VSS|GND': ['B7', 'EP'],
      VSS_PA: ['F23'],
      VDDH: ['Y2'],
      DCC: ['B3'],
      DCCH: ['AB2'],
      ...Object.fromEntries(['C1', 'A18', 'D23', 'B5', 'N24', 'E24'].map((site, i) => [`DEC${i + 1}`, [site]])),
      DECUSB: ['AC5'],
      VBUS: ['AD2'],
      'D+|USB_DP|USB_D+': ['AD6'],
      'D-|USB_DM|USB_D-': ['AD4'],
      'SWDCLK|SWCLK': ['AA24'],
      SWDIO: ['AC24'],
      'XC1|XTAL1': ['B24'],
      'XC2|XTAL2': ['A23'],
      ANT: ['H23'],
    },
    // The PA ground is ground: a design that names only GND grounds it too.
    implied: { VSS_PA: 'VSS|GND' },
  },
  {
    id: 'bme280',
    source: 'Bosch BME280 datasheet, "Pin-out and connection diagram"',
    footprints: ['Bosch_LGA-8_2.5x2.5mm_P0.65mm'],
    pins: { 'GND|VSS': ['1', '7'], 'CSB|CS': ['2'], 'SDI|SDA|MOSI': ['3'], 'SCK|SCL': ['4'], 'SDO|MISO': ['5'], VDDIO: ['6'], VDD: ['8'] },
    implied: { VDDIO: 'VDD' },
  },
  {
    id: 'sht3x',
    source: 'Sensirion SHT3x-DIS datasheet, Table "Pin assignment" (pin 7 R: connect to VSS; die pad to VSS)',
    footprints: ['SHT31-DIS-DFN8'],
    pins: { SDA: ['1'], ADDR: ['2'], ALERT: ['3'], SCL: ['4'], VDD: ['5'], 'NRESET|RESET|RST': ['6'], R: ['7'], 'VSS|GND': ['8', '9'] },
    implied: { R: 'VSS|GND' },
  },
  {
    id: 'usb-c-16p',
    source: 'USB Type-C specification r2.x receptacle pin map (A1…A12, B1…B12), HRO TYPE-C-31-M-12 shell S1',
    footprints: ['USB-C-16P-SMD'],
    pins: {
      'VBUS|VCC|5V': ['A4', 'A9', 'B4', 'B9'],
      GND: ['A1', 'A12', 'B1', 'B12'],
      CC1: ['A5'],
      CC2: ['B5'],
      'D+|DP|USB_D+|USB_DP': ['A6', 'B6'],
      'D-|DM|DN|USB_D-|USB_DM': ['A7', 'B7'],
      SBU1: ['A8'],
      SBU2: ['B8'],
      'SHIELD|SHELL|S1': ['S1'],
    },
  },
  {
    id: 'usb-micro-b-molex-105017',
    source: 'Molex 105017-0001 drawing: 1 VBUS, 2 D-, 3 D+, 4 ID, 5 GND, shell pad 6',
    footprints: ['USB_Micro-B_Molex-105017-0001'],
    pins: { 'VBUS|VCC|5V': ['1'], 'D-|DM|DN|USB_D-|USB_DM': ['2'], 'D+|DP|USB_D+|USB_DP': ['3'], ID: ['4'], GND: ['5'], 'SHIELD|SHELL': ['6'] },
  },
  {
    id: 'usb-b-ost-b1hs',
    source: 'On Shore USB-B1HSxx data sheet: 1 VBUS, 2 D-, 3 D+, 4 GND, shell pad 5',
    footprints: ['USB_B_OST_USB-B1HSxx_Horizontal'],
    pins: { 'VBUS|VCC|5V': ['1'], 'D-|DM|DN|USB_D-|USB_DM': ['2'], 'D+|DP|USB_D+|USB_DP': ['3'], GND: ['4'], 'SHIELD|SHELL': ['5'] },
  },
  {
    id: 'barrel-jack-cui-pj-102ah',
    source: 'CUI Devices PJ-102AH data sheet: terminal 1 centre pin, 2 sleeve, 3 sleeve switch',
    footprints: ['BarrelJack_CUI_PJ-102AH_Horizontal'],
    pins: { 'P1|1|CENTER|CENTRE|TIP|PIN|+|VIN|V+': ['1'], 'P2|2|SLEEVE|GND|-|V-': ['2'], 'P3|3|SWITCH|SHUNT|SW': ['3'] },
  },
  {
    id: 'coin-holder-keystone-103',
    source: 'Keystone 103 drawing: pin 1 = + (retainer), pin 2 = - (contact)',
    footprints: ['BatteryHolder_Keystone_103_1x20mm'],
    pins: { 'P1|1|+|BAT+|VBAT|POS': ['1'], 'P2|2|-|BAT-|GND|NEG': ['2'] },
  },
  {
    id: 'crystal-3225',
    source: '4-pad 3225 crystal convention: 1 and 3 crystal, 2 and 4 case',
    footprints: ['Crystal_SMD_3225-4Pin_3.2x2.5mm'],
    pins: { 'X1|XIN|XTAL1|OSC_IN|1': ['1'], 'X2|XOUT|XTAL2|OSC_OUT|3': ['3'], 'GND|CASE': ['2', '4'] },
  },
  {
    id: 'ams1117',
    source: 'AMS1117 datasheet, SOT-223 pin-out: 1 GND/ADJ, 2 VOUT (and tab), 3 VIN',
    footprints: ['SOT-223'],
    types: ['AMS1117', 'LM1117', 'LD1117', 'AP1117', 'NCP1117', 'TLV1117'],
    pins: { 'GND|ADJ|ADJ/GND|GND/ADJ': ['1'], 'VOUT|OUTPUT|OUT': ['2', '4'], 'VIN|INPUT|IN': ['3'] },
  },
  {
    id: 'xc6206',
    source: 'Torex XC6206 datasheet, SOT-23 (MR): 1 VSS, 2 VOUT, 3 VIN',
    footprints: ['SOT-23-3'],
    types: ['XC6206'],
    pins: { 'VSS|GND': ['1'], 'VOUT|OUT|OUTPUT': ['2'], 'VIN|IN|INPUT': ['3'] },
  },
  {
    id: 'mcp73831',
    source: 'Microchip MCP73831 datasheet, SOT-23-5 pin table',
    footprints: ['SOT-23-5'],
    types: ['MCP73831', 'MCP73832'],
    pins: { STAT: ['1'], 'VSS|GND': ['2'], VBAT: ['3'], 'VDD|VIN': ['4'], PROG: ['5'] },
  },
  {
    id: 'mp2307',
    source: 'MPS MP2307 datasheet, SOIC-8 pin functions',
    footprints: ['SOIC-8'],
    types: ['MP2307'],
    pins: { BS: ['1'], 'IN|VIN': ['2'], SW: ['3'], GND: ['4'], FB: ['5'], COMP: ['6'], EN: ['7'], SS: ['8'] },
  },
  {
    id: 'attiny85',
    source: 'Microchip ATtiny25/45/85 datasheet, PDIP/SOIC pin-out',
    footprints: ['DIP-8', 'SOIC-8'],
    types: ['ATTINY25', 'ATTINY45', 'ATTINY85'],
    pins: { 'PB5|RESET|RST': ['1'], PB3: ['2'], PB4: ['3'], 'GND|VSS': ['4'], PB0: ['5'], PB1: ['6'], PB2: ['7'], 'VCC|VDD': ['8'] },
  },
  {
    id: 'ina226',
    source: 'TI INA226 datasheet, DGS (VSSOP-10) pin functions',
    footprints: ['MSOP-10'],
    types: ['INA226'],
    pins: { A1: ['1'], A0: ['2'], ALERT: ['3'], SDA: ['4'], SCL: ['5'], 'VS|VCC|VDD': ['6'], GND: ['7'], VBUS: ['8'], 'IN-|VIN-': ['9'], 'IN+|VIN+': ['10'] },
  },
  {
    id: 'stm32f103c',
    source: 'ST STM32F103x8/xB datasheet, Table "Pin definitions" (LQFP48)',
    footprints: ['LQFP-48'],
    types: ['STM32F103C'],
    pins: {
      VBAT: ['1'], PC13: ['2'], PC14: ['3'], PC15: ['4'], 'PD0|OSC_IN': ['5'], 'PD1|OSC_OUT': ['6'], NRST: ['7'], VSSA: ['8'], VDDA: ['9'],
      ...seq(10, ['PA0', 'PA1', 'PA2', 'PA3', 'PA4', 'PA5', 'PA6', 'PA7', 'PB0', 'PB1', 'PB2|BOOT1', 'PB10', 'PB11']),
      'VSS|GND': ['23', '35', '47'],
      'VDD|3V3': ['24', '36', '48'],
      ...seq(25, ['PB12', 'PB13', 'PB14', 'PB15', 'PA8', 'PA9', 'PA10', 'PA11', 'PA12', 'PA13|SWDIO']),
      ...seq(37, ['PA14|SWCLK', 'PA15', 'PB3', 'PB4', 'PB5', 'PB6', 'PB7', 'BOOT0', 'PB8', 'PB9']),
    },
    implied: { VSSA: 'VSS|GND', VDDA: 'VDD|3V3' },
  },
  {
    id: 'ds18b20',
    source: 'Maxim DS18B20 datasheet, TO-92: 1 GND, 2 DQ, 3 VDD',
    footprints: ['TO-92_Inline'],
    types: ['DS18B20'],
    pins: { GND: ['1'], DQ: ['2'], VDD: ['3'] },
  },
];
