/** The tab's start views. Vision and SWOT boards join this list when they exist. */
export type ViewName = 'priority';

export const VIEWS: readonly { name: ViewName; label: string; description: string }[] = [
  {
    name: 'priority',
    label: 'Priority & decisions',
    description: "The team's one priority and its decision log.",
  },
];

export function toViewName(value: string | null | undefined): ViewName {
  return VIEWS.find((view) => view.name === value)?.name ?? 'priority';
}
