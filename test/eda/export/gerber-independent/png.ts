import { inflateSync } from 'node:zlib';

/**
 * A minimal PNG decoder for the gerbv renders (PNG specification, W3C 2nd ed.: §5 datastream,
 * §9 filtering, §11.2.2 IHDR). Handles 8-bit, non-interlaced greyscale, RGB, grey+alpha and RGBA,
 * which is what gerbv's cairo backend writes; anything else is refused rather than misread.
 */

export interface BinaryImage {
  width: number;
  height: number;
  /** 1 where the pixel is lit (luminance above the threshold), row-major. */
  bits: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/** The Paeth predictor of §9.4. */
function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes `png` and thresholds it: a pixel is lit when its mean colour channel exceeds `threshold`. */
export function decodePngBinary(png: Buffer, threshold = 127): BinaryImage {
  SIGNATURE.forEach((b, i) => {
    if (png[i] !== b) throw new Error('not a PNG file');
  });
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset + 8 <= png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const depth = data[8];
      const colour = data[9] ?? -1;
      const interlace = data[12];
      channels = CHANNELS[colour] ?? 0;
      if (depth !== 8 || channels === 0 || interlace !== 0) throw new Error(`unsupported PNG (depth ${depth}, colour ${colour}, interlace ${interlace})`);
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    offset += 12 + length; // length, type, data, CRC
  }
  if (width === 0 || height === 0) throw new Error('PNG without IHDR');
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length < height * (stride + 1)) throw new Error('PNG image data too short');
  const prev = new Uint8Array(stride);
  const cur = new Uint8Array(stride);
  const bits = new Uint8Array(width * height);
  const colourChannels = channels >= 3 ? 3 : 1;
  for (let y = 0; y < height; y++) {
    const base = y * (stride + 1);
    const filter = raw[base];
    for (let i = 0; i < stride; i++) {
      const x = raw[base + 1 + i] ?? 0;
      const a = i >= channels ? (cur[i - channels] ?? 0) : 0;
      const b = prev[i] ?? 0;
      const c = i >= channels ? (prev[i - channels] ?? 0) : 0;
      let v: number;
      switch (filter) {
        case 0: v = x; break;
        case 1: v = x + a; break;
        case 2: v = x + b; break;
        case 3: v = x + ((a + b) >> 1); break;
        case 4: v = x + paeth(a, b, c); break;
        default: throw new Error(`bad PNG filter ${filter} on row ${y}`);
      }
      cur[i] = v & 0xff;
    }
    for (let px = 0; px < width; px++) {
      let sum = 0;
      for (let ch = 0; ch < colourChannels; ch++) sum += cur[px * channels + ch] ?? 0;
      bits[y * width + px] = sum / colourChannels > threshold ? 1 : 0;
    }
    prev.set(cur);
  }
  return { width, height, bits };
}

/** Intersection over union of two same-sized binary images; 1 when both are empty. */
export function iou(a: BinaryImage, b: BinaryImage): { iou: number; inter: number; union: number } {
  if (a.width !== b.width || a.height !== b.height) throw new Error(`image sizes differ: ${a.width}x${a.height} vs ${b.width}x${b.height}`);
  let inter = 0;
  let union = 0;
  for (let i = 0; i < a.bits.length; i++) {
    const p = a.bits[i]!;
    const q = b.bits[i]!;
    inter += p & q;
    union += p | q;
  }
  return { iou: union === 0 ? 1 : inter / union, inter, union };
}
