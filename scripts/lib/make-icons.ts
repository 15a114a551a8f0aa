// Draws appPackage/color.png (192×192) and appPackage/outline.png (32×32) with node:zlib only: `npx tsx scripts/lib/make-icons.ts`.
// The mark: one priority (the centre dot) held by a team (the dots around it on a shared ring).
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { encodeRgbaPng } from './png';

type Shape = (x: number, y: number) => boolean;

/** The accent colour of the manifest, as RGB. */
export const accent = [0x1f, 0x6f, 0x8b] as const;

const samplesPerAxis = 4;

function circle(cx: number, cy: number, r: number): Shape {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function ring(cx: number, cy: number, r: number, width: number): Shape {
  return (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) <= width / 2;
}

function roundedSquare(size: number, radius: number): Shape {
  return (x, y) => {
    const dx = Math.max(radius - x, 0, x - (size - radius));
    const dy = Math.max(radius - y, 0, y - (size - radius));
    return dx * dx + dy * dy <= radius * radius;
  };
}

function union(...shapes: Shape[]): Shape {
  return (x, y) => shapes.some((shape) => shape(x, y));
}

/** The team-around-a-priority mark, scaled to a square canvas of `size` pixels. */
export function teamMark(size: number, options: { ringWidth: number }): Shape {
  const c = size / 2;
  const unit = size / 192;
  const members = Array.from({ length: 5 }, (_, i) => {
    const angle = -Math.PI / 2 + (i * 2 * Math.PI) / 5;
    return circle(c + Math.cos(angle) * 54 * unit, c + Math.sin(angle) * 54 * unit, 13 * unit);
  });
  return union(circle(c, c, 24 * unit), ring(c, c, 54 * unit, options.ringWidth), ...members);
}

// Fraction of a pixel's sub-samples inside the shape: cheap anti-aliasing.
function coverage(shape: Shape, px: number, py: number): number {
  let inside = 0;
  for (let sy = 0; sy < samplesPerAxis; sy += 1) {
    for (let sx = 0; sx < samplesPerAxis; sx += 1) {
      if (shape(px + (sx + 0.5) / samplesPerAxis, py + (sy + 0.5) / samplesPerAxis)) inside += 1;
    }
  }
  return inside / samplesPerAxis ** 2;
}

/** The full-colour icon: a white mark on a rounded square in the accent colour. */
export function drawColorIcon(size = 192): Buffer {
  const background = roundedSquare(size, size * 0.22);
  const mark = teamMark(size, { ringWidth: 6 * (size / 192) });
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const back = coverage(background, x, y);
      const front = Math.min(coverage(mark, x, y), back);
      const offset = (y * size + x) * 4;
      accent.forEach((channel, i) => {
        pixels[offset + i] = back === 0 ? 0 : Math.round((front * 255 + (back - front) * channel) / back);
      });
      pixels[offset + 3] = Math.round(back * 255);
    }
  }
  return encodeRgbaPng(size, size, pixels);
}

/** The outline icon: the same mark in white on a transparent background. */
export function drawOutlineIcon(size = 32): Buffer {
  const mark = teamMark(size, { ringWidth: 1.5 });
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const offset = (y * size + x) * 4;
      pixels.set([255, 255, 255, Math.round(coverage(mark, x, y) * 255)], offset);
    }
  }
  return encodeRgbaPng(size, size, pixels);
}

function main(): void {
  const appDir = resolve(process.argv[2] ?? 'appPackage');
  writeFileSync(join(appDir, 'color.png'), drawColorIcon());
  writeFileSync(join(appDir, 'outline.png'), drawOutlineIcon());
  console.log(`Wrote ${join(appDir, 'color.png')} and ${join(appDir, 'outline.png')}`);
}

main();
