import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardAction, channelMessage, testUser, type TeamContext, type TestUser } from '../support/activities';
import { startTestApp, type TestApp } from '../support/app-harness';

const alice = testUser('Alice Principal');
const bob = testUser('Bob Teacher');
const carol = testUser('Carol Coach');

describe('the consent round on the winner', () => {
  let app: TestApp;
  let team: TeamContext;

  beforeEach(async () => {
    app = await startTestApp();
    app.connector.setRoster('*', [alice, bob, carol]);
    team = await app.installInTeam({ teamId: '19:consent@thread.tacv2', teamName: 'Consent Team' });
  });
  afterEach(async () => {
    await app.close();
  });

  const press = async (user: TestUser, verb: string, data: Record<string, unknown>) => {
    const result = await app.post(cardAction(team, user, verb, data));
    expect(result.status).toBe(200);
    return JSON.stringify(result.body);
  };

  const voteWithConsent = async () => {
    await app.post(channelMessage(team, alice, 'propose Every student reads at grade level'));
    await app.post(channelMessage(team, bob, 'propose Cut chronic absence in half'));
    await press(alice, 'vote.open', { consentRound: 'true' });
    await app.settle();
    const ballot = app.connector.calls.find((call) => JSON.stringify(call.body).includes('ballot.view'));
    const voteId = /"voteId":"([^"]+)"/.exec(JSON.stringify(ballot?.body))?.[1] as string;
    const view = await press(bob, 'ballot.view', { voteId });
    const reads = /"title":"Every student reads at grade level","value":"([^"]+)"/.exec(view)?.[1] as string;
    for (const member of [alice, bob, carol]) await press(member, 'ballot.submit', { voteId, rank1: reads });
    return voteId;
  };

  it('adopts the winner only when nobody objects, after an amended re-run', async () => {
    const voteId = await voteWithConsent();
    const { messages: closed } = await app.connector.messagesDuring(() =>
      press(alice, 'vote.close', { voteId }),
    );
    expect(closed).toContain('Start consent round');
    expect(closed).not.toContain('Announce decision');
    expect(await press(alice, 'decision.announce', { voteId, rationale: 'Too early' })).toContain(
      'consent round',
    );

    expect(await press(alice, 'consent.start', { voteId })).toContain('Consent round started');
    expect(await press(bob, 'consent.respond', { voteId, answer: 'object' })).toContain(
      'an objection needs a reason',
    );
    await press(bob, 'consent.respond', {
      voteId,
      answer: 'object',
      reason: 'Not without a plan for grades 6 to 8',
    });
    await press(carol, 'consent.respond', { voteId, answer: 'stand-aside' });
    expect(await press(bob, 'consent.finish', { voteId })).toContain('only the facilitator');
    // The consent card shows the outcome; the facilitator's next step is posted as a message of its own.
    const { result: finished, messages: objected } = await app.connector.messagesDuring(() =>
      press(alice, 'consent.finish', { voteId }),
    );
    expect(finished).toContain('Not without a plan for grades 6 to 8');
    expect(finished).not.toContain('Finish consent round');
    expect(objected).toContain('Re-run with amendment');

    await press(alice, 'consent.start', {
      voteId,
      amendment: 'Every student in grades K to 8 reads at grade level',
    });
    for (const member of [alice, bob, carol])
      await press(member, 'consent.respond', { voteId, answer: 'consent' });
    const { result: consented, messages: adopted } = await app.connector.messagesDuring(() =>
      press(alice, 'consent.finish', { voteId }),
    );
    expect(consented).toContain('Adopted: nobody objects.');
    expect(adopted).toContain('Adopted by consent');
    expect(adopted).toContain('Announce decision');

    const before = app.connector.calls.length;
    await press(alice, 'decision.announce', { voteId, rationale: 'Reading first, for every grade.' });
    await app.connector.waitFor((calls) =>
      calls.slice(before).some((call) => JSON.stringify(call.body).includes('Decision: ')),
    );
    const announcement = JSON.stringify(
      app.connector.calls.slice(before).find((call) => JSON.stringify(call.body).includes('Decision: '))
        ?.body,
    );
    expect(announcement).toContain('Every student in grades K to 8 reads at grade level');
  });
});
