// Writes a zip with yazl (fixed timestamps keep it byte-identical for identical inputs) and reads one back for checks.
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { inflateRawSync } from 'node:zlib';
import { ZipFile } from 'yazl';

/** One file to put in a zip, by its path inside the archive. */
export interface ZipEntry {
  name: string;
  data: Buffer;
}

const fixedTime = new Date(Date.UTC(2020, 0, 1));

/** Writes the entries, in order, to a new zip file at `path`. */
export async function writeZip(path: string, entries: readonly ZipEntry[]): Promise<void> {
  const zip = new ZipFile();
  for (const entry of entries) zip.addBuffer(entry.data, entry.name, { mtime: fixedTime });
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path));
}

/** Reads every file of a zip held in memory (stored or deflated entries), for checking packages. */
export function readZipEntries(zip: Buffer): ZipEntry[] {
  const end = findEndOfCentralDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(offset) !== 0x02014b50)
      throw new Error(`zip: bad central directory entry at ${offset}`);
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    const local = zip.readUInt32LE(offset + 42);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataStart, dataStart + compressedSize);
    entries.push({ name, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return entries;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  for (let offset = zip.length - 22; offset >= Math.max(0, zip.length - 22 - 0xffff); offset -= 1) {
    if (zip.readUInt32LE(offset) === 0x06054b50) return offset;
  }
  throw new Error('zip: end of central directory not found');
}
