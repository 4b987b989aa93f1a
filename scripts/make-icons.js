// @ts-check
// `npm run icons`: renders build/icon.svg into every icon file packaging needs.
//
//   build/icons/<N>x<N>.png   N = 16 … 1024; electron-builder's Linux icon set reads the sizes
//                             from these file names
//   build/icon.icns           macOS: PNG entries from 16 to 1024 px (ic10 = 512@2x)
//   build/icon.ico            Windows: 16, 24, 32, 48 px as 32-bit BMP, 64, 128, 256 px as PNG
//
// Every size is rendered from the vector by resvg, never scaled down from a big bitmap. That is
// why the .icns and .ico containers are written here and not by png2icons: png2icons makes all
// of its sizes by resampling one 1024 px PNG, and its 16, 32 and 64 px results came out jagged
// (no anti-aliasing at those ratios). The two container formats are small and fully specified;
// the unit tests parse what this writes.
//
// The outputs are committed, so packaging needs no extra step. Rendering is deterministic (no
// fonts, no timestamps): running this twice gives identical bytes, and the unit tests check it.
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ICON_SVG = path.join(ROOT, 'build', 'icon.svg');
export const ICONS_DIR = path.join(ROOT, 'build', 'icons');
export const ICNS_FILE = path.join(ROOT, 'build', 'icon.icns');
export const ICO_FILE = path.join(ROOT, 'build', 'icon.ico');

/** Every PNG size that build/icons/ holds. */
export const ICON_SIZES = Object.freeze([16, 32, 48, 64, 128, 256, 512, 1024]);

/** The sizes in icon.ico. Below 64 px they are BMPs, which every Windows version displays. */
export const ICO_SIZES = Object.freeze([16, 24, 32, 48, 64, 128, 256]);
const ICO_PNG_FROM = 64;

/**
 * The entries of icon.icns: OSType and pixel size. All hold PNG data (macOS 10.7 and later).
 * @type {ReadonlyArray<readonly [string, number]>}
 */
export const ICNS_ENTRIES = Object.freeze([
  ['icp4', 16],
  ['ic11', 32], // 16@2x
  ['icp5', 32],
  ['ic12', 64], // 32@2x
  ['ic07', 128],
  ['ic13', 256], // 128@2x
  ['ic08', 256],
  ['ic14', 512], // 256@2x
  ['ic09', 512],
  ['ic10', 1024], // 512@2x
]);

/** @param {number} size */
export const pngFileName = (size) => `${size}x${size}.png`;

/**
 * Renders the SVG to a square image of `size` pixels.
 * @param {string | Buffer} svg
 * @param {number} size
 */
function render(svg, size) {
  if (!Number.isInteger(size) || size < 1) throw new Error(`icon size must be a positive integer, got ${size}`);
  const image = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    // the icon has no text: skipping the system font scan keeps rendering fast and independent
    // of the machine it runs on
    font: { loadSystemFonts: false },
  }).render();
  if (image.width !== size || image.height !== size) {
    throw new Error(`build/icon.svg must be square: rendered ${image.width}x${image.height} for size ${size}`);
  }
  return image;
}

/**
 * @param {string | Buffer} svg
 * @param {number} size
 * @returns {Buffer} a PNG file
 */
export function renderPng(svg, size) {
  return render(svg, size).asPng();
}

/**
 * @param {string | Buffer} svg
 * @param {number} size
 * @returns {Buffer} size × size pixels, RGBA with premultiplied alpha (resvg's native layout)
 */
export function renderRgba(svg, size) {
  return render(svg, size).pixels;
}

/**
 * One ICO image in BMP form: a BITMAPINFOHEADER, the pixels as BGRA rows from the bottom up
 * (straight alpha), then the 1-bit AND mask (1 = transparent), each row padded to 4 bytes.
 * @param {Buffer} rgba premultiplied RGBA, size × size pixels, rows from the top
 * @param {number} size
 * @returns {Buffer}
 */
export function icoBmp(rgba, size) {
  if (rgba.length !== size * size * 4) throw new Error(`expected ${size * size * 4} bytes of RGBA, got ${rgba.length}`);
  const maskRow = Math.ceil(size / 32) * 4;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0); // biSize
  header.writeInt32LE(size, 4); // biWidth
  header.writeInt32LE(size * 2, 8); // biHeight: the colour rows plus the mask rows
  header.writeUInt16LE(1, 12); // biPlanes
  header.writeUInt16LE(32, 14); // biBitCount
  header.writeUInt32LE(size * size * 4 + maskRow * size, 20); // biSizeImage; compression etc. stay 0
  const pixels = Buffer.alloc(size * size * 4);
  const mask = Buffer.alloc(maskRow * size);
  for (let y = 0; y < size; y++) {
    const row = size - 1 - y; // BMP rows run from the bottom up
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = (row * size + x) * 4;
      const a = rgba[from + 3] ?? 0;
      /** @param {number} c a premultiplied channel */
      const straight = (c) => (a === 0 ? 0 : Math.min(255, Math.round((c * 255) / a)));
      pixels[to] = straight(rgba[from + 2] ?? 0);
      pixels[to + 1] = straight(rgba[from + 1] ?? 0);
      pixels[to + 2] = straight(rgba[from] ?? 0);
      pixels[to + 3] = a;
      if (a === 0) {
        const at = row * maskRow + (x >> 3);
        mask[at] = (mask[at] ?? 0) | (0x80 >> (x & 7));
      }
    }
  }
  return Buffer.concat([header, pixels, mask]);
}

/**
 * An ICO file: ICONDIR, one ICONDIRENTRY per image, then the images (PNG or BMP).
 * @param {ReadonlyArray<{ size: number, data: Buffer }>} images
 * @returns {Buffer}
 */
export function encodeIco(images) {
  const dir = Buffer.alloc(6 + 16 * images.length);
  dir.writeUInt16LE(0, 0); // reserved
  dir.writeUInt16LE(1, 2); // type: icon
  dir.writeUInt16LE(images.length, 4);
  let offset = dir.length;
  images.forEach(({ size, data }, i) => {
    if (size < 1 || size > 256) throw new Error(`ICO images are 1 to 256 px, got ${size}`);
    const entry = 6 + 16 * i;
    dir.writeUInt8(size === 256 ? 0 : size, entry); // width; 0 means 256
    dir.writeUInt8(size === 256 ? 0 : size, entry + 1); // height
    dir.writeUInt16LE(1, entry + 4); // colour planes
    dir.writeUInt16LE(32, entry + 6); // bits per pixel
    dir.writeUInt32LE(data.length, entry + 8);
    dir.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([dir, ...images.map((image) => image.data)]);
}

/**
 * An ICNS file: the 'icns' header and one (OSType, length, PNG) element per entry.
 * @param {ReadonlyArray<{ type: string, png: Buffer }>} entries
 * @returns {Buffer}
 */
export function encodeIcns(entries) {
  const parts = entries.map(({ type, png }) => {
    if (!/^[a-z0-9]{4}$/.test(type)) throw new Error(`not an ICNS OSType: ${JSON.stringify(type)}`);
    const header = Buffer.alloc(8);
    header.write(type, 0, 'latin1');
    header.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([header, png]);
  });
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'latin1');
  header.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4);
  return Buffer.concat([header, ...parts]);
}

/**
 * Everything `npm run icons` writes, as bytes, keyed by path relative to build/.
 * @param {string | Buffer} svg
 * @returns {Map<string, Buffer>}
 */
export function buildIconFiles(svg) {
  /** @type {Map<number, Buffer>} */
  const pngs = new Map();
  const png = (/** @type {number} */ size) => {
    let bytes = pngs.get(size);
    if (bytes === undefined) pngs.set(size, (bytes = renderPng(svg, size)));
    return bytes;
  };
  /** @type {Map<string, Buffer>} */
  const files = new Map();
  for (const size of ICON_SIZES) files.set(`icons/${pngFileName(size)}`, png(size));
  files.set('icon.icns', encodeIcns(ICNS_ENTRIES.map(([type, size]) => ({ type, png: png(size) }))));
  files.set(
    'icon.ico',
    encodeIco(ICO_SIZES.map((size) => ({ size, data: size >= ICO_PNG_FROM ? png(size) : icoBmp(renderRgba(svg, size), size) }))),
  );
  return files;
}

/**
 * Renders build/icon.svg and writes every output under build/. Returns the paths written.
 * @param {{ svgFile?: string, buildDir?: string }} [options]
 * @returns {string[]}
 */
export function makeIcons(options = {}) {
  const { svgFile = ICON_SVG, buildDir = path.dirname(ICON_SVG) } = options;
  const written = [];
  for (const [name, bytes] of buildIconFiles(readFileSync(svgFile))) {
    const file = path.join(buildDir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    written.push(file);
  }
  return written;
}

const invokedDirectly = process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
if (invokedDirectly) {
  for (const file of makeIcons()) console.log(`wrote ${path.relative(ROOT, file)}`);
}
