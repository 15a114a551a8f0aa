import { describe, expect, it } from 'vitest';
import { isAllowedServiceUrl } from '../../bot/teams/service-url';

const allowlist = ['https://smba.trafficmanager.net/', 'http://127.0.0.1'];

describe('serviceUrl allowlist', () => {
  it.each([
    ['https://smba.trafficmanager.net/amer/', true],
    ['http://127.0.0.1:51234/', true],
    ['https://smba.trafficmanager.net.attacker.example/', false],
    ['http://127.0.0.1.attacker.example/', false],
    ['https://user:pass@smba.trafficmanager.net/amer/', false],
    ['http://smba.trafficmanager.net/amer/', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedServiceUrl(url, allowlist)).toBe(allowed);
  });
});
