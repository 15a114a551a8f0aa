// The decisions domain: the one active priority, the watch list and the append-only decision log.
export * from './decision-types';
export { decidePriority } from './decide-priority';
export type { DecidePriorityInput, PriorityDecided } from './decide-priority';
export { supersede, supersededBy, standingDecisions } from './decision-log';
