import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCoalescingSender, type SendLimits } from '../../bot/teams/outbound/coalescing-sender';

const limits: SendLimits = { minIntervalMs: 1_000, windowMs: 30_000, maxPerWindow: 5, itemIntervalMs: 5_000 };

describe('the coalescing sender', () => {
  let sent: Array<{ item: string; state: number; at: number }>;
  let errors: string[];
  let start: number;

  beforeEach(() => {
    vi.useFakeTimers();
    start = Date.now();
    sent = [];
    errors = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const sender = () => createCoalescingSender({ limits, onError: (_error, itemKey) => errors.push(itemKey) });
  /** A send that renders the item's state when it runs, as the card publishers do. */
  const render = (item: string, state: () => number) => () => {
    sent.push({ item, state: state(), at: Date.now() - start });
    return Promise.resolve();
  };

  it('sends the first update at once and merges the ones asked meanwhile into one with the latest state', async () => {
    const queue = sender();
    let state = 1;
    queue.request(
      'team',
      'ballot|1',
      render('ballot|1', () => state),
    );
    for (let next = 2; next <= 9; next += 1) {
      state = next;
      queue.request(
        'team',
        'ballot|1',
        render('ballot|1', () => state),
      );
    }
    await vi.runAllTimersAsync();
    await queue.idle();
    expect(sent.map((each) => each.state)).toEqual([1, 9]);
    expect(sent.map((each) => each.at)).toEqual([0, 5_000]);
  });

  it('holds an item back for its interval, but lets another item of the conversation go after a second', async () => {
    const queue = sender();
    queue.request(
      'team',
      'ballot|1',
      render('ballot|1', () => 1),
    );
    await vi.advanceTimersByTimeAsync(0);
    queue.request(
      'team',
      'ballot|1',
      render('ballot|1', () => 2),
    );
    await vi.advanceTimersByTimeAsync(200);
    queue.request(
      'team',
      'ack|1',
      render('ack|1', () => 1),
    );
    await vi.runAllTimersAsync();
    expect(sent.map((each) => [each.item, each.at])).toEqual([
      ['ballot|1', 0],
      ['ack|1', 1_000],
      ['ballot|1', 5_000],
    ]);
  });

  it('keeps every conversation within one send a second and the most a window allows', async () => {
    const queue = sender();
    for (let item = 0; item < 12; item += 1)
      queue.request(
        'team',
        `card|${item}`,
        render(`${item}`, () => 0),
      );
    queue.request(
      'other team',
      'card|0',
      render('other', () => 0),
    );
    await vi.runAllTimersAsync();
    const team = sent.filter((each) => each.item !== 'other').map((each) => each.at);
    expect(team).toHaveLength(12);
    for (let index = 1; index < team.length; index += 1)
      expect((team[index] as number) - (team[index - 1] as number)).toBeGreaterThanOrEqual(1_000);
    for (const at of team)
      expect(team.filter((other) => other >= at && other < at + limits.windowMs).length).toBeLessThanOrEqual(
        limits.maxPerWindow,
      );
    expect(sent.find((each) => each.item === 'other')?.at).toBe(0);
  });

  it('reports a failed send and goes on with the next', async () => {
    const queue = sender();
    queue.request('team', 'broken', () => Promise.reject(new Error('connector down')));
    queue.request(
      'team',
      'fine',
      render('fine', () => 1),
    );
    await vi.runAllTimersAsync();
    await queue.idle();
    expect(errors).toEqual(['broken']);
    expect(sent.map((each) => each.item)).toEqual(['fine']);
  });
});
