// The Teams store rules for app icons: color.png 192×192, outline.png 32×32 white on transparent.
import { hasTransparency, readPngHeader } from './png';

/** What an icon must be. */
export interface IconRule {
  name: string;
  width: number;
  height: number;
  transparent: boolean;
}

/** The rules for the two icons every Teams app package carries. */
export const iconRules = {
  color: { name: 'color icon', width: 192, height: 192, transparent: false },
  outline: { name: 'outline icon', width: 32, height: 32, transparent: true },
} as const satisfies Record<string, IconRule>;

/** The ways the bytes break the rule; empty when they follow it. */
export function checkIcon(bytes: Buffer, rule: IconRule): string[] {
  const header = readPngHeader(bytes);
  if (header === null) return [`${rule.name}: not a PNG file`];
  const problems: string[] = [];
  if (header.width !== rule.width || header.height !== rule.height) {
    problems.push(
      `${rule.name}: must be ${rule.width}×${rule.height} pixels, is ${header.width}×${header.height}`,
    );
  }
  if (rule.transparent && !hasTransparency(bytes))
    problems.push(`${rule.name}: must have a transparent background (alpha channel)`);
  return problems;
}
