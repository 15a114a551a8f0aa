import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cardAction,
  channelMessage,
  messageExtensionInvoke,
  testUser,
  type TeamContext,
} from '../support/activities';
import { startTestApp, type TestApp } from '../support/app-harness';

const alice = testUser('Alice Principal');

interface DialogAnswer {
  task: {
    type: string;
    value: { title?: string; card?: { content: { body: Array<Record<string, unknown>> } } } | string;
  };
}
interface QueryAnswer {
  composeExtension: {
    type: string;
    attachments: Array<{
      content: { body: Array<{ text?: string }> };
      preview: { content: { title: string } };
    }>;
  };
}

describe('the message extension: Propose as priority and Find decisions', () => {
  let app: TestApp;
  let team: TeamContext;

  beforeAll(async () => {
    app = await startTestApp();
    app.connector.setRoster('*', [alice]);
    team = await app.installInTeam({ teamId: '19:mx@thread.tacv2', teamName: 'Extension Team' });
  });
  afterAll(async () => {
    await app.close();
  });

  const candidatesText = async () => {
    const before = app.connector.calls.length;
    await app.post(channelMessage(team, alice, 'candidates'));
    const calls = await app.connector.waitFor((all) => all.length > before);
    return JSON.stringify(calls[before]?.body ?? null);
  };

  it('opens a dialog pre-filled with the message, and proposes what is submitted', async () => {
    const fetched = await app.post(
      messageExtensionInvoke(team, alice, 'composeExtension/fetchTask', {
        commandId: 'proposeAsPriority',
        commandContext: 'message',
        messagePayload: {
          body: {
            contentType: 'html',
            content: '<p>Attendance &amp; belonging</p><p>Data shows 18% absent</p>',
          },
        },
      }),
    );
    expect(fetched.status).toBe(200);
    const dialog = (fetched.body as DialogAnswer).task;
    expect(dialog.type).toBe('continue');
    const inputs = typeof dialog.value === 'string' ? [] : (dialog.value.card?.content.body ?? []);
    expect(inputs.find((element) => element.id === 'title')).toMatchObject({
      value: 'Attendance & belonging',
    });
    expect(inputs.find((element) => element.id === 'description')).toMatchObject({
      value: 'Attendance & belonging\nData shows 18% absent',
    });

    const blank = await app.post(
      messageExtensionInvoke(team, alice, 'composeExtension/submitAction', {
        commandId: 'proposeAsPriority',
        data: { title: '   ' },
      }),
    );
    expect(JSON.stringify(blank.body)).toContain('title: expected 1 to 140 characters');
    expect(await candidatesText()).not.toContain('Attendance');

    const submit = messageExtensionInvoke(team, alice, 'composeExtension/submitAction', {
      commandId: 'proposeAsPriority',
      data: { title: 'Attendance & belonging', description: 'Data shows 18% absent' },
    });
    const submitted = await app.post(submit);
    expect((submitted.body as DialogAnswer).task).toEqual({
      type: 'message',
      value: 'Proposed “Attendance & belonging”. It is a candidate for the team’s next vote.',
    });
    // Teams may deliver the same invoke twice: it proposes once.
    const again = await app.post(submit);
    expect((again.body as DialogAnswer).task).toEqual({ type: 'message', value: 'Already done.' });
    const listed = await candidatesText();
    expect(listed.match(/Attendance & belonging/g)).toHaveLength(1);
  });

  it('finds decisions by their words and offers them as cards to insert', async () => {
    const search = async (words: string) =>
      (
        (
          await app.post(
            messageExtensionInvoke(team, alice, 'composeExtension/query', {
              commandId: 'findDecisions',
              parameters: [{ name: 'query', value: words }],
            }),
          )
        ).body as QueryAnswer
      ).composeExtension;
    expect(await search('reading')).toMatchObject({ type: 'result', attachments: [] });

    // With the candidate proposed in the test above, two candidates make a vote.
    await app.post(channelMessage(team, alice, 'propose Every student reads at grade level'));
    await app.post(cardAction(team, alice, 'vote.open', { quorumPercent: '0' }));
    await app.settle();
    const ballot = app.connector.calls.find((call) => JSON.stringify(call.body).includes('ballot.view'));
    const voteId = /"voteId":"([^"]+)"/.exec(JSON.stringify(ballot?.body))?.[1] as string;
    const view = JSON.stringify((await app.post(cardAction(team, alice, 'ballot.view', { voteId }))).body);
    const reads = /"title":"Every student reads at grade level","value":"([^"]+)"/.exec(view)?.[1] as string;
    await app.post(cardAction(team, alice, 'ballot.submit', { voteId, rank1: reads }));
    await app.post(cardAction(team, alice, 'vote.close', { voteId }));
    await app.post(
      cardAction(team, alice, 'decision.announce', { voteId, rationale: 'Literacy unlocks everything.' }),
    );

    const found = await search('LITERACY unlocks');
    expect(found.attachments).toHaveLength(1);
    expect(found.attachments[0]?.preview.content.title).toBe('Every student reads at grade level');
    expect(JSON.stringify(found.attachments[0]?.content)).toContain('Literacy unlocks everything');
    expect((await search('budget')).attachments).toEqual([]);
  });
});
