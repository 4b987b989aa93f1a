// Readers for the icon files, written from the format specs, so the tests check what
// scripts/make-icons.js writes without trusting its own code.
import { inflateSync } from 'node:zlib';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export const isPng = (bytes: Buffer): boolean => bytes.subarray(0, 8).equals(PNG_SIGNATURE);

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
}

/** The IHDR chunk, which the PNG spec puts first, right after the signature. */
export function readPngHeader(bytes: Buffer): PngHeader {
  if (!isPng(bytes)) throw new Error('not a PNG file');
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('PNG does not start with IHDR');
  return {
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
    bitDepth: bytes.readUInt8(24),
    colorType: bytes.readUInt8(25),
    interlace: bytes.readUInt8(28),
  };
}

/** Decodes an 8-bit RGBA, non-interlaced PNG (what resvg writes) to straight-alpha RGBA rows. */
export function decodeRgbaPng(bytes: Buffer): { width: number; height: number; rgba: Buffer } {
  const { width, height, bitDepth, colorType, interlace } = readPngHeader(bytes);
  if (bitDepth !== 8 || colorType !== 6 || interlace !== 0) {
    throw new Error(`unsupported PNG: depth ${bitDepth}, colour type ${colorType}, interlace ${interlace}`);
  }
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const rgba = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i] ?? 0;
      const a = i >= 4 ? (rgba[y * stride + i - 4] ?? 0) : 0;
      const b = y > 0 ? (rgba[(y - 1) * stride + i] ?? 0) : 0;
      const c = y > 0 && i >= 4 ? (rgba[(y - 1) * stride + i - 4] ?? 0) : 0;
      let predictor: number;
      switch (filter) {
        case 0:
          predictor = 0;
          break;
        case 1:
          predictor = a;
          break;
        case 2:
          predictor = b;
          break;
        case 3:
          predictor = (a + b) >> 1;
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a),
            pb = Math.abs(p - b),
            pc = Math.abs(p - c);
          predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default:
          throw new Error(`bad PNG filter type ${filter} in row ${y}`);
      }
      rgba[y * stride + i] = (x + predictor) & 0xff;
    }
  }
  return { width, height, rgba };
}

export interface IcoImage {
  /** pixel size from the directory entry (0 there means 256) */
  size: number;
  bitCount: number;
  data: Buffer;
}

/** The images of an ICO file, from its ICONDIR and ICONDIRENTRY records. */
export function readIco(bytes: Buffer): IcoImage[] {
  if (bytes.readUInt16LE(0) !== 0 || bytes.readUInt16LE(2) !== 1) throw new Error('not an ICO file');
  const count = bytes.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const entry = 6 + 16 * i;
    const width = bytes.readUInt8(entry) || 256;
    const height = bytes.readUInt8(entry + 1) || 256;
    if (width !== height) throw new Error(`ICO entry ${i} is not square`);
    const length = bytes.readUInt32LE(entry + 8);
    const offset = bytes.readUInt32LE(entry + 12);
    if (offset + length > bytes.length) throw new Error(`ICO entry ${i} runs past the end of the file`);
    return { size: width, bitCount: bytes.readUInt16LE(entry + 6), data: bytes.subarray(offset, offset + length) };
  });
}

export interface IcnsElement {
  type: string;
  data: Buffer;
}

/** The elements of an ICNS file: 'icns', total length, then (OSType, length, data) records. */
export function readIcns(bytes: Buffer): IcnsElement[] {
  if (bytes.toString('latin1', 0, 4) !== 'icns') throw new Error('not an ICNS file');
  if (bytes.readUInt32BE(4) !== bytes.length) throw new Error('ICNS length field does not match the file size');
  const elements: IcnsElement[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at + 4);
    if (length < 8 || at + length > bytes.length) throw new Error(`bad ICNS element length at ${at}`);
    elements.push({ type: bytes.toString('latin1', at, at + 4), data: bytes.subarray(at + 8, at + length) });
    at += length;
  }
  return elements;
}

/**
 * Multiplies the three colour channels of each 4-byte pixel by its alpha (the fourth byte), so
 * pixels can be compared without the huge swings straight alpha has at nearly transparent edges.
 */
export function premultiply(pixels: Buffer): Buffer {
  const out = Buffer.from(pixels);
  for (let i = 0; i + 3 < out.length; i += 4) {
    const alpha = out[i + 3] ?? 0;
    for (let c = i; c < i + 3; c++) out[c] = Math.round(((out[c] ?? 0) * alpha) / 255);
  }
  return out;
}

/** Largest difference between two equally long byte buffers, channel by channel. */
export function maxByteDifference(a: Buffer, b: Buffer): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return max;
}
