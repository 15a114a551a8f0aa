/** The tab's views, in the order the view switcher shows them. A new view is one more entry here. */
export type ViewName = 'vision' | 'priority' | 'swot' | 'workflows';

export interface ViewOption {
  name: ViewName;
  label: string;
  description: string;
}

export const VIEWS: readonly ViewOption[] = [
  {
    name: 'vision',
    label: 'Vision',
    description: "The team's vision: drafts, +1s and comments, and the consent check that adopts one.",
  },
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
  {
    name: 'workflows',
    label: 'Workflows',
    description:
      'Webhooks and API keys that connect the team to Teams Workflows and Power Automate (team owners).',
  },
];

/** The personal tab's `?view=`: not one of a team's views, but the member's own page across teams. */
export const PERSONAL_VIEW = 'personal';

export function toViewName(value: string | null | undefined): ViewName {
  return VIEWS.find((view) => view.name === value)?.name ?? 'priority';
}
