import { describe, expect, it } from 'vitest';
import { teamsMessageLink } from '../../bot/teams/message-link';

describe('teamsMessageLink', () => {
  it('links a reply in a channel thread to its parent post', () => {
    const reference = { conversation: { id: '19:abc@thread.tacv2;messageid=1700000000000' } };
    expect(teamsMessageLink(reference, '1700000000999')).toBe(
      'https://teams.microsoft.com/l/message/19%3Aabc%40thread.tacv2/1700000000999?parentMessageId=1700000000000',
    );
  });

  it('links a new post to itself', () => {
    expect(teamsMessageLink({ conversation: { id: '19:abc@thread.tacv2' } }, '42')).toBe(
      'https://teams.microsoft.com/l/message/19%3Aabc%40thread.tacv2/42?parentMessageId=42',
    );
  });

  it('has no link outside Teams conversations', () => {
    expect(teamsMessageLink({ conversation: { id: 'team-id;messageid=3' } }, '4')).toBeNull();
    expect(teamsMessageLink({}, '4')).toBeNull();
  });
});
