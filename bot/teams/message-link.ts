/**
 * A Teams deep link to a posted message, for "each decision with a link to its card". Only channel and
 * chat messages in Teams have one; elsewhere (the local playground) there is nothing to link to.
 */
export function teamsMessageLink(reference: Record<string, unknown>, activityId: string): string | null {
  const conversation = reference.conversation;
  const conversationId =
    typeof conversation === 'object' &&
    conversation !== null &&
    'id' in conversation &&
    typeof conversation.id === 'string'
      ? conversation.id
      : '';
  const [threadId = '', ...rest] = conversationId.split(';');
  if (!threadId.startsWith('19:')) return null;
  const parent = /messageid=(\d+)/.exec(rest.join(';'))?.[1] ?? activityId;
  return `https://teams.microsoft.com/l/message/${encodeURIComponent(threadId)}/${encodeURIComponent(activityId)}?parentMessageId=${encodeURIComponent(parent)}`;
}
