import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../bot/config';

const storage = { AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' };

describe('configuration', () => {
  it('runs in local mode with defaults when only storage is set', () => {
    const config = loadConfig(storage);
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 3978,
      localMode: true,
      bot: null,
      sso: null,
      tablePrefix: 'lt',
    });
    expect(config.serviceUrlAllowlist).toContain('http://127.0.0.1');
  });

  it('stops with a message naming the missing storage setting', () => {
    expect(() => loadConfig({})).toThrow(ConfigError);
    expect(() => loadConfig({})).toThrow(
      /AZURE_STORAGE_CONNECTION_STRING: set AZURE_STORAGE_CONNECTION_STRING or AZURE_STORAGE_ACCOUNT_URL/,
    );
  });

  it('names each malformed value', () => {
    const attempt = () => loadConfig({ ...storage, PORT: 'eighty', TABLE_PREFIX: '9bad', LOG_LEVEL: 'loud' });
    expect(attempt).toThrow(/PORT:/);
    expect(attempt).toThrow(/TABLE_PREFIX: expected a letter/);
    expect(attempt).toThrow(/LOG_LEVEL:/);
  });

  it('turns Bot Framework authentication on with credentials and never allows local mode beside them', () => {
    expect(() => loadConfig({ ...storage, BOT_ID: 'app-id', BOT_PASSWORD: 'secret' })).toThrow(
      /AAD_APP_CLIENT_ID: required when BOT_ID is set/,
    );
    const config = loadConfig({
      ...storage,
      BOT_ID: 'app-id',
      BOT_PASSWORD: 'secret',
      AAD_APP_CLIENT_ID: 'client-id',
      TAB_DOMAIN: 'lt.example.org',
    });
    expect(config.localMode).toBe(false);
    expect(config.bot).toEqual({ appId: 'app-id', password: 'secret', tenantId: '', appType: 'MultiTenant' });
    expect(config.serviceUrlAllowlist).not.toContain('http://127.0.0.1');
  });

  it('requires the tenant for a single-tenant bot and the password unless it uses a managed identity', () => {
    expect(() =>
      loadConfig({
        ...storage,
        BOT_ID: 'a',
        BOT_TYPE: 'SingleTenant',
        BOT_PASSWORD: 'p',
        AAD_APP_CLIENT_ID: 'c',
        TAB_DOMAIN: 'd',
      }),
    ).toThrow(/BOT_TENANT_ID: required when BOT_TYPE is SingleTenant/);
    expect(() =>
      loadConfig({
        ...storage,
        BOT_ID: 'a',
        BOT_TYPE: 'UserAssignedMSI',
        BOT_TENANT_ID: 't',
        AAD_APP_CLIENT_ID: 'c',
        TAB_DOMAIN: 'd',
      }),
    ).not.toThrow();
  });

  it('refuses bot settings without BOT_ID', () => {
    expect(() => loadConfig({ ...storage, BOT_PASSWORD: 'stray' })).toThrow(
      /BOT_PASSWORD: set only together with BOT_ID/,
    );
  });
});
