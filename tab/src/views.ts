/** The tab's views, in the order the view switcher shows them. A new view is one more entry here. */
export type ViewName = 'priority' | 'swot';

export interface ViewOption {
  name: ViewName;
  label: string;
  description: string;
}

export const VIEWS: readonly ViewOption[] = [
  {
    name: 'priority',
    label: 'Priority & decisions',
    description: "The team's one priority and its decision log.",
  },
  {
    name: 'swot',
    label: 'SWOT',
    description: 'Strengths, weaknesses, opportunities and threats, grouped and dot-voted by the team.',
  },
];

export function toViewName(value: string | null | undefined): ViewName {
  return VIEWS.find((view) => view.name === value)?.name ?? 'priority';
}
