import { createHash } from 'node:crypto';

/** SHA-256 of UTF-8 text as lowercase hex: the hash the domain's chain and receipts are given. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
