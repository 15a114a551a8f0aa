import type { Vote } from './vote-types';

/** Tells the scheduler whether an open vote should close now: its time is up, or everyone voted and it closes then (V-2, V-3). */
export function isDue(vote: Vote, now: string, counts: { ballotsCount: number; teamSize: number }): boolean {
  if (vote.status !== 'open') return false;
  if (Date.parse(now) >= Date.parse(vote.closesAt)) return true;
  return vote.settings.closeWhenAllVoted && counts.teamSize > 0 && counts.ballotsCount >= counts.teamSize;
}
