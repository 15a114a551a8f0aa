// Minimal PNG reading and writing with node:zlib only: enough to check app icons and to draw them.
import { crc32, deflateSync, inflateSync } from 'node:zlib';

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The fields of a PNG's IHDR chunk. */
export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
}

/** One chunk of a PNG stream. */
export interface PngChunk {
  type: string;
  data: Buffer;
}

const channelsByColorType: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** True when the bytes start with the PNG signature. */
export function isPng(bytes: Buffer): boolean {
  return bytes.length >= signature.length && bytes.subarray(0, signature.length).equals(signature);
}

/** The chunks of a PNG, or null when the bytes are not a well-formed PNG. */
export function readPngChunks(bytes: Buffer): PngChunk[] | null {
  if (!isPng(bytes)) return null;
  const chunks: PngChunk[] = [];
  let offset = signature.length;
  while (offset + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const end = offset + 12 + length;
    if (end > bytes.length) return null;
    chunks.push({
      type: bytes.toString('latin1', offset + 4, offset + 8),
      data: bytes.subarray(offset + 8, offset + 8 + length),
    });
    offset = end;
  }
  return chunks;
}

/** The IHDR fields, or null when the bytes are not a PNG with an IHDR first. */
export function readPngHeader(bytes: Buffer): PngHeader | null {
  const first = readPngChunks(bytes)?.[0];
  if (!first || first.type !== 'IHDR' || first.data.length < 13) return null;
  const { data } = first;
  return {
    width: data.readUInt32BE(0),
    height: data.readUInt32BE(4),
    bitDepth: data[8] ?? 0,
    colorType: data[9] ?? 0,
    interlace: data[12] ?? 0,
  };
}

/** True when some pixel is not fully opaque (alpha below max, or a tRNS chunk); false for opaque or non-PNG bytes. */
export function hasTransparency(bytes: Buffer): boolean {
  const chunks = readPngChunks(bytes);
  const header = readPngHeader(bytes);
  if (!chunks || !header) return false;
  if (chunks.some((chunk) => chunk.type === 'tRNS')) return true;
  if (header.colorType !== 4 && header.colorType !== 6) return false;
  // Interlaced images are rare for icons; an alpha channel is then taken as transparency.
  if (header.interlace !== 0) return true;
  const pixels = unfilter(
    inflateSync(Buffer.concat(chunks.filter((chunk) => chunk.type === 'IDAT').map((chunk) => chunk.data))),
    header,
  );
  return someAlphaBelowMax(pixels, header);
}

function bytesPerPixel(header: PngHeader): number {
  return Math.max(1, ((channelsByColorType[header.colorType] ?? 1) * header.bitDepth) / 8);
}

// Reverses the per-row PNG filters (None, Sub, Up, Average, Paeth) into raw scanlines.
function unfilter(filtered: Buffer, header: PngHeader): Buffer {
  const bpp = bytesPerPixel(header);
  const stride = Math.ceil(
    ((channelsByColorType[header.colorType] ?? 1) * header.bitDepth * header.width) / 8,
  );
  const out = Buffer.alloc(stride * header.height);
  for (let y = 0; y < header.height; y += 1) {
    const filter = filtered[y * (stride + 1)] ?? 0;
    for (let x = 0; x < stride; x += 1) {
      const raw = filtered[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= bpp ? (out[y * stride + x - bpp] ?? 0) : 0;
      const up = y > 0 ? (out[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= bpp && y > 0 ? (out[(y - 1) * stride + x - bpp] ?? 0) : 0;
      out[y * stride + x] = (raw + predictor(filter, left, up, upLeft)) & 0xff;
    }
  }
  return out;
}

function predictor(filter: number, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return Math.floor((left + up) / 2);
    case 4:
      return paeth(left, up, upLeft);
    default:
      return 0;
  }
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const [dl, du, dul] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
  if (dl <= du && dl <= dul) return left;
  return du <= dul ? up : upLeft;
}

function someAlphaBelowMax(pixels: Buffer, header: PngHeader): boolean {
  const bpp = bytesPerPixel(header);
  const sampleBytes = header.bitDepth / 8;
  for (let offset = bpp - sampleBytes; offset < pixels.length; offset += bpp) {
    const alpha = sampleBytes === 2 ? pixels.readUInt16BE(offset) : (pixels[offset] ?? 0);
    if (alpha < (sampleBytes === 2 ? 0xffff : 0xff)) return true;
  }
  return false;
}

/** Encodes 8-bit RGBA pixels (row-major, 4 bytes a pixel) as a PNG. */
export function encodeRgbaPng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4)
    throw new RangeError(`expected ${width * height * 4} bytes of RGBA, got ${rgba.length}`);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const scanlines = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    // Filter byte 0 (None) before each row; deflate does the compressing.
    scanlines.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData) >>> 0, 0);
  return Buffer.concat([length, typeAndData, crc]);
}
