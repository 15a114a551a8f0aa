import { describe, expect, it } from 'vitest';
import { checkWebhookUrl } from '../../bot/app/webhook-url';
import { MAX_CARD_BYTES, portableCard } from '../../bot/app/webhook-events';
import { backoffMs } from '../../bot/app/webhook-service';

describe('webhook URLs', () => {
  const deployed = { localMode: false };
  const local = { localMode: true };

  it('should accept https URLs on the internet', () => {
    expect(
      checkWebhookUrl('https://prod-12.westeurope.logic.azure.com/workflows/abc?sig=x', deployed),
    ).toMatchObject({
      ok: true,
    });
  });

  it('should refuse plain http, other schemes and credentials when deployed', () => {
    for (const url of [
      'http://example.com/',
      'ftp://example.com/',
      'https://a:b@example.com/',
      'example.com',
    ])
      expect(checkWebhookUrl(url, deployed), url).toMatchObject({ ok: false, field: 'url' });
  });

  it('should refuse this machine and private networks when deployed, even over https', () => {
    for (const url of [
      'http://127.0.0.1:3000/hook',
      'https://localhost/hook',
      'https://127.0.0.1/hook',
      'https://10.1.2.3/hook',
      'https://172.16.0.1/hook',
      'https://192.168.1.1/hook',
      'https://169.254.169.254/metadata',
      'https://[::1]/hook',
      'https://[fd00::1]/hook',
    ])
      expect(checkWebhookUrl(url, deployed), url).toMatchObject({ ok: false, field: 'url' });
  });

  it('should allow plain http to loopback only in local mode', () => {
    expect(checkWebhookUrl('http://127.0.0.1:4000/hook', local)).toMatchObject({ ok: true });
    expect(checkWebhookUrl('http://localhost:4000/hook', local)).toMatchObject({ ok: true });
    expect(checkWebhookUrl('http://example.com/hook', local)).toMatchObject({ ok: false });
  });
});

describe('event cards', () => {
  const fallback = { title: 'Decision: Reading first', url: 'https://example.com/tab' };

  it('should take out the actions and refresh that only work through the bot', () => {
    const card = portableCard(
      {
        type: 'AdaptiveCard',
        refresh: { action: { type: 'Action.Execute', verb: 'x' } },
        body: [
          { type: 'ActionSet', actions: [{ type: 'Action.Submit' }, { type: 'Action.OpenUrl', url: 'u' }] },
        ],
        actions: [
          { type: 'Action.Execute', verb: 'decision.ack' },
          { type: 'Action.OpenUrl', url: 'u' },
        ],
      },
      fallback,
    );
    expect(card).toEqual({
      type: 'AdaptiveCard',
      body: [{ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', url: 'u' }] }],
      actions: [{ type: 'Action.OpenUrl', url: 'u' }],
    });
  });

  it('should replace a card of 28 KB or more by a short one with a link', () => {
    const big = { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'x'.repeat(MAX_CARD_BYTES) }] };
    const card = portableCard(big, fallback);
    expect(JSON.stringify(card)).toContain('Decision: Reading first');
    expect(JSON.stringify(card)).toContain('https://example.com/tab');
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(1024);
  });
});

describe('delivery backoff', () => {
  it('should double from 30 s up to 2 h', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(20)).toBe(2 * 60 * 60 * 1000);
  });
});
