import type { Quadrant, Tag } from './swot-schemas';

/** The four quadrants as members read them, with a prompt for what belongs in each. */
export const QUADRANTS: readonly { name: Quadrant; label: string; prompt: string }[] = [
  { name: 'strengths', label: 'Strengths', prompt: 'What the team and school do well.' },
  { name: 'weaknesses', label: 'Weaknesses', prompt: 'What holds the team or students back.' },
  { name: 'opportunities', label: 'Opportunities', prompt: 'What the team could use or build on.' },
  { name: 'threats', label: 'Threats', prompt: 'What could get in the way from outside.' },
];

export function quadrantLabel(quadrant: Quadrant): string {
  return QUADRANTS.find((each) => each.name === quadrant)?.label ?? quadrant;
}

export const TAG_LABELS: Record<NonNullable<Tag>, string> = {
  symptom: 'Symptom',
  'root-cause': 'Root cause',
};
