import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ICNS_ENTRIES,
  ICNS_FILE,
  ICO_FILE,
  ICO_SIZES,
  ICON_SIZES,
  ICON_SVG,
  ICONS_DIR,
  encodeIcns,
  encodeIco,
  icoBmp,
  pngFileName,
  renderPng,
  renderRgba,
} from '../../../scripts/make-icons.js';
import { decodeRgbaPng, isPng, maxByteDifference, premultiply, readIcns, readIco, readPngHeader } from './icon-formats.js';

const svg = readFileSync(ICON_SVG);

describe('scripts/make-icons.js rendering', () => {
  it('is deterministic: the same SVG gives byte-identical PNGs', () => {
    for (const size of [16, 256]) {
      const first = renderPng(svg, size);
      const second = renderPng(svg, size);
      expect(first.equals(second), `${size} px`).toBe(true);
      expect(readPngHeader(first)).toMatchObject({ width: size, height: size });
    }
  });

  it('draws something: the 16 px icon has an opaque tile and a white key on it', () => {
    const { rgba } = decodeRgbaPng(renderPng(svg, 16));
    const pixel = (x: number, y: number) => [...rgba.subarray((y * 16 + x) * 4, (y * 16 + x) * 4 + 4)];
    expect(pixel(0, 0)[3]).toBeLessThan(128); // rounded corner, outside the tile
    const opaque = Array.from({ length: 256 }, (_, i) => rgba[i * 4 + 3] ?? 0).filter((a) => a === 255).length;
    expect(opaque).toBeGreaterThan(150);
    const white = Array.from({ length: 256 }, (_, i) => pixel(i % 16, Math.floor(i / 16))).filter(
      ([r, g, b, a]) => a === 255 && (r ?? 0) > 230 && (g ?? 0) > 230 && (b ?? 0) > 230,
    ).length;
    expect(white).toBeGreaterThan(10);
  });

  it('rejects sizes that are not positive integers', () => {
    expect(() => renderPng(svg, 0)).toThrow(/positive integer/);
    expect(() => renderPng(svg, 12.5)).toThrow(/positive integer/);
  });
});

describe('ICO writer', () => {
  it('writes a 32-bit BMP image: bottom-up BGRA rows with straight alpha, and the AND mask', () => {
    // 2×2, rows from the top, premultiplied: [red opaque, transparent], [white at alpha 128, blue opaque]
    const rgba = Buffer.from([255, 0, 0, 255, 0, 0, 0, 0, 128, 128, 128, 128, 0, 0, 255, 255]);
    const bmp = icoBmp(rgba, 2);
    expect(bmp.readUInt32LE(0)).toBe(40);
    expect(bmp.readInt32LE(4)).toBe(2);
    expect(bmp.readInt32LE(8)).toBe(4); // colour rows + mask rows
    expect(bmp.readUInt16LE(12)).toBe(1);
    expect(bmp.readUInt16LE(14)).toBe(32);
    expect(bmp.length).toBe(40 + 2 * 2 * 4 + 2 * 4); // mask rows are padded to 4 bytes
    const pixels = [...bmp.subarray(40, 56)];
    // first stored row is the bottom one: white (straight alpha) then blue, as BGRA
    expect(pixels.slice(0, 8)).toEqual([255, 255, 255, 128, 255, 0, 0, 255]);
    expect(pixels.slice(8, 16)).toEqual([0, 0, 255, 255, 0, 0, 0, 0]);
    // mask: bottom row opaque, top row's second pixel transparent
    expect([...bmp.subarray(56, 64)]).toEqual([0, 0, 0, 0, 0b0100_0000, 0, 0, 0]);
  });

  it('rejects pixel data of the wrong length', () => {
    expect(() => icoBmp(Buffer.alloc(15), 2)).toThrow(/16 bytes/);
  });

  it('writes a directory whose entries point at each image, with 256 stored as 0', () => {
    const small = Buffer.from('small-image');
    const big = Buffer.from('the-256-image');
    const ico = encodeIco([
      { size: 16, data: small },
      { size: 256, data: big },
    ]);
    expect(ico.readUInt16LE(4)).toBe(2);
    expect(ico.readUInt8(6)).toBe(16);
    expect(ico.readUInt8(6 + 16)).toBe(0);
    expect(readIco(ico).map((image) => [image.size, image.data.toString()])).toEqual([
      [16, 'small-image'],
      [256, 'the-256-image'],
    ]);
    expect(() => encodeIco([{ size: 512, data: big }])).toThrow(/1 to 256/);
  });
});

describe('ICNS writer', () => {
  it('writes the header with the total length and one element per entry', () => {
    const icns = encodeIcns([
      { type: 'icp4', png: Buffer.from('sixteen') },
      { type: 'ic10', png: Buffer.from('one-thousand') },
    ]);
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(readIcns(icns).map((element) => [element.type, element.data.toString()])).toEqual([
      ['icp4', 'sixteen'],
      ['ic10', 'one-thousand'],
    ]);
    expect(() => encodeIcns([{ type: 'toolong', png: Buffer.alloc(1) }])).toThrow(/OSType/);
  });
});

describe('committed icon files (regenerate with `npm run icons`)', () => {
  it('build/icons/ holds exactly the PNG sizes, each named for and sized as its size', () => {
    for (const size of ICON_SIZES) {
      const header = readPngHeader(readFileSync(path.join(ICONS_DIR, pngFileName(size))));
      expect(header, pngFileName(size)).toMatchObject({ width: size, height: size });
    }
    expect([...ICON_SIZES]).toEqual([16, 32, 48, 64, 128, 256, 512, 1024]);
  });

  it('match build/icon.svg: a fresh render of 16 and 256 px gives the same pixels', () => {
    // compared as premultiplied pixels with a tolerance of 2/255, not as bytes, so a different
    // CPU's rounding in the rasteriser does not fail it; an edited shape or colour changes more
    for (const size of [16, 256]) {
      const committed = decodeRgbaPng(readFileSync(path.join(ICONS_DIR, pngFileName(size))));
      const fresh = decodeRgbaPng(renderPng(svg, size));
      expect(maxByteDifference(premultiply(committed.rgba), premultiply(fresh.rgba)), `${size} px`).toBeLessThanOrEqual(2);
    }
  });

  it('icon.ico has 16 to 256 px: BMP below 64 px, PNG from 64 px, all rendered from the SVG', () => {
    const images = readIco(readFileSync(ICO_FILE));
    expect(images.map((image) => image.size)).toEqual([...ICO_SIZES]);
    expect(images.map((image) => image.size)).toContain(256); // electron-builder requires 256 for Windows
    for (const image of images) {
      expect(image.bitCount).toBe(32);
      if (image.size >= 64) {
        expect(readPngHeader(image.data), `${image.size} px`).toMatchObject({ width: image.size, height: image.size });
      } else {
        expect(isPng(image.data)).toBe(false);
        expect(image.data.readInt32LE(4)).toBe(image.size);
        const fresh = icoBmp(renderRgba(svg, image.size), image.size);
        expect(image.data.length).toBe(fresh.length);
        const pixels = (bmp: Buffer) => premultiply(bmp.subarray(40, 40 + image.size * image.size * 4));
        expect(maxByteDifference(pixels(image.data), pixels(fresh)), `${image.size} px`).toBeLessThanOrEqual(2);
      }
    }
  });

  it('icon.icns has a PNG of the right size for every entry, up to 1024 px', () => {
    const elements = readIcns(readFileSync(ICNS_FILE));
    expect(elements.map((element) => element.type)).toEqual(ICNS_ENTRIES.map(([type]) => type));
    for (const [i, [type, size]] of ICNS_ENTRIES.entries()) {
      const data = elements[i]?.data ?? Buffer.alloc(0);
      expect(readPngHeader(data), type).toMatchObject({ width: size, height: size });
    }
    expect(Object.fromEntries(ICNS_ENTRIES)).toMatchObject({ icp4: 16, icp5: 32, ic07: 128, ic08: 256, ic09: 512, ic10: 1024 });
  });
});
