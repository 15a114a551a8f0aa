import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardAction, channelMessage, testUser, type TeamContext } from '../support/activities';
import { startTestApp, type TestApp } from '../support/app-harness';
import { declaredRoutes, declaredVerbs, storedRows } from '../support/app-surface';
import { channelSteps } from '../support/ownership-flow';

/**
 * Property-based fuzzing (issue #6) of what a caller can send: tab API bodies and query strings, card
 * action payloads and channel messages. Nothing answers 5xx or crashes the server, and a refused API
 * request changes nothing stored.
 */

const alice = { ...testUser('Alice Principal'), userRole: 'owner' };
const bob = testUser('Bob Teacher');

/** JSON a caller might send: anything, or objects whose keys look like the real fields. */
const body = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(
    fc.constantFrom(
      'title',
      'text',
      'status',
      'role',
      'memberId',
      'ownerId',
      'due',
      'quadrant',
      'name',
      'url',
    ),
    fc.oneof(fc.string({ maxLength: 300 }), fc.integer(), fc.boolean(), fc.constant(null), fc.jsonValue()),
  ),
);
const pathPart = fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 40 }), fc.constant('..'));

/** An invoke answered with a plain message or a card whose first line is an error in red: a refusal. */
function isRefusal(body: unknown): boolean {
  const answer = body as { type?: string; value?: { body?: Array<{ color?: string }> } } | null;
  if (answer?.type === 'application/vnd.microsoft.activity.message') return true;
  return answer?.value?.body?.[0]?.color === 'Attention';
}

describe('hostile input, fuzzed', () => {
  let app: TestApp;
  let team: TeamContext;

  const send = async (method: string, path: string, payload?: unknown) => {
    const response = await fetch(`${app.baseUrl}/api${path}`, {
      method,
      headers: {
        'x-local-user-id': alice.id,
        'x-local-user-name': alice.name,
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
    });
    return { status: response.status, text: await response.text() };
  };
  /** A declared route with the team's id and fuzzed ids in its other parameters. */
  const concrete = (route: string, ids: string[]) => {
    let next = 0;
    return route.replace(/:(\w+)/g, (_, name: string) =>
      encodeURIComponent(name === 'teamId' ? team.teamId : (ids[next++ % ids.length] ?? 'x')),
    );
  };

  beforeAll(async () => {
    app = await startTestApp();
    app.connector.setRoster('*', [alice, bob]);
    team = await app.installInTeam({ teamId: '19:fuzz@thread.tacv2', teamName: 'Fuzz Team' });
    // A priority, so the ownership routes are past their "no priority" refusal.
    await channelSteps(app, team).choosePriority(alice, bob);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers every fuzzed tab API write with a 4xx naming the fault, or a success, never a 5xx; a refusal changes nothing', async () => {
    const writes = declaredRoutes()
      .filter((route) => /^(POST|PUT|PATCH|DELETE) \/teams\/:teamId/.test(route))
      .map((route) => route.split(' ') as [string, string]);
    expect(writes.length).toBeGreaterThan(15);
    let before = await storedRows(app.tablePrefix);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...writes),
        fc.array(pathPart, { minLength: 1, maxLength: 3 }),
        body,
        async ([method, route], ids, payload) => {
          const answer = await send(method, concrete(route, ids), payload);
          expect(answer.status, `${method} ${route} ${answer.text}`).toBeLessThan(500);
          expect(answer.text).not.toMatch(/at \w+ \(|node_modules/);
          // A success may still be posting its card and storing where it went.
          if (answer.status < 400) await app.settle();
          const after = await storedRows(app.tablePrefix);
          if (answer.status >= 400) {
            const refusal = JSON.parse(answer.text) as { error?: { code?: unknown } };
            expect(typeof refusal.error?.code, answer.text).toBe('string');
            expect(after, `${method} ${route} ${JSON.stringify(payload)}`).toEqual(before);
          }
          before = after;
        },
      ),
      { numRuns: 120 },
    );
  });

  it('answers every fuzzed query string on the tab API reads without a 5xx', async () => {
    const reads = declaredRoutes()
      .filter((route) => route.startsWith('GET /teams/:teamId'))
      .map((route) => route.slice(4));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...reads),
        fc.array(pathPart, { minLength: 1, maxLength: 3 }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ maxLength: 40 })),
        async (route, ids, query) => {
          const answer = await send(
            'GET',
            `${concrete(route, ids)}?${new URLSearchParams(query).toString()}`,
          );
          expect(answer.status, `${route} ${answer.text}`).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('answers every fuzzed card action and channel message without a 5xx, a refusal changing nothing, and stays healthy', async () => {
    const verbs = declaredVerbs();
    expect(verbs.length).toBeGreaterThan(20);
    let before = await storedRows(app.tablePrefix);
    let refusals = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({
            verb: fc.constantFrom(...verbs),
            data: fc.dictionary(fc.string({ maxLength: 20 }), fc.jsonValue()),
          }),
          fc.record({ text: fc.string({ maxLength: 400 }) }),
        ),
        async (input) => {
          const activity =
            'verb' in input
              ? cardAction(team, bob, input.verb, input.data)
              : channelMessage(team, bob, input.text);
          const answer = await app.post(activity);
          expect(answer.status, JSON.stringify(input)).toBeLessThan(500);
          const value = answer.body as { statusCode?: number } | null;
          if ('verb' in input) expect(value?.statusCode ?? 200, JSON.stringify(input)).toBeLessThan(500);
          await app.settle();
          const after = await storedRows(app.tablePrefix);
          if ('verb' in input && isRefusal(answer.body)) {
            refusals += 1;
            expect(after, JSON.stringify(input)).toEqual(before);
          }
          before = after;
        },
      ),
      { numRuns: 120 },
    );
    // Random payloads are mostly refused, so the check above ran.
    expect(refusals).toBeGreaterThan(20);
    const health = await fetch(`${app.baseUrl}/healthz`);
    expect(health.status).toBe(200);
  });
});
