import {
  AuthenticationConstants,
  ClaimsIdentity,
  ConnectorFactory,
  type BotFrameworkAuthentication,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import { describe, expect, it } from 'vitest';
import { reuseConnectorClients } from '../../bot/teams/reused-clients';

const claimsOf = (appId: string) =>
  new ClaimsIdentity([{ type: AuthenticationConstants.AudienceClaim, value: appId }], true);

/** An authentication whose factories count what they build; `failNext` makes the next connector fail. */
function countingAuthentication() {
  const built = { connectors: [] as string[], userTokens: [] as string[] };
  let failNext = false;
  const factoryFor = (claims: ClaimsIdentity) =>
    new (class extends ConnectorFactory {
      create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        if (failNext) {
          failNext = false;
          return Promise.reject(new Error('credentials unavailable'));
        }
        const appId = claims.getClaimValue(AuthenticationConstants.AudienceClaim);
        built.connectors.push(`${appId} ${serviceUrl} ${audience ?? ''}`);
        return Promise.resolve({ built: built.connectors.length } as unknown as ConnectorClient);
      }
    })();
  const auth = {
    authenticateRequest: (activity: { recipient: { id: string } }) => {
      const claimsIdentity = claimsOf(activity.recipient.id);
      return Promise.resolve({ claimsIdentity, connectorFactory: factoryFor(claimsIdentity), audience: 'x' });
    },
    createConnectorFactory: factoryFor,
    createUserTokenClient: (claims: ClaimsIdentity) => {
      built.userTokens.push(claims.getClaimValue(AuthenticationConstants.AudienceClaim) ?? '');
      return Promise.resolve({ built: built.userTokens.length } as unknown as UserTokenClient);
    },
  } as unknown as BotFrameworkAuthentication;
  reuseConnectorClients(auth);
  return { auth, built, failNext: () => (failNext = true) };
}

const teams = 'https://smba.trafficmanager.net/amer/';

describe('reused Bot Framework clients', () => {
  it('should build one connector client per app, host and audience, however many activities arrive', async () => {
    const { auth, built } = countingAuthentication();
    const first = await auth.createConnectorFactory(claimsOf('bot')).create(teams, 'api://botframework');
    for (let activity = 0; activity < 5; activity += 1)
      expect(await auth.createConnectorFactory(claimsOf('bot')).create(teams, 'api://botframework')).toBe(
        first,
      );
    expect(built.connectors).toEqual(['bot https://smba.trafficmanager.net/amer/ api://botframework']);
  });

  it('should hand every authenticated activity of the app the same connector client', async () => {
    const { auth, built } = countingAuthentication();
    const activity = { recipient: { id: 'bot' } } as Parameters<typeof auth.authenticateRequest>[0];
    const clients = [];
    for (let turn = 0; turn < 3; turn += 1) {
      const { connectorFactory } = await auth.authenticateRequest(activity, 'Bearer token');
      clients.push(await connectorFactory?.create(teams, 'api://botframework'));
    }
    expect(new Set(clients).size).toBe(1);
    expect(built.connectors).toHaveLength(1);
  });

  it('should keep clients for other hosts, audiences and apps apart', async () => {
    const { auth, built } = countingAuthentication();
    await auth.createConnectorFactory(claimsOf('bot')).create(teams, 'api://botframework');
    await auth.createConnectorFactory(claimsOf('bot')).create('https://smba.trafficmanager.net/emea/');
    await auth.createConnectorFactory(claimsOf('bot')).create(teams, 'another-audience');
    await auth.createConnectorFactory(claimsOf('other-bot')).create(teams, 'api://botframework');
    expect(built.connectors).toHaveLength(4);
  });

  it('should try again after a client could not be built', async () => {
    const { auth, built, failNext } = countingAuthentication();
    failNext();
    await expect(auth.createConnectorFactory(claimsOf('bot')).create(teams)).rejects.toThrow(
      'credentials unavailable',
    );
    await expect(auth.createConnectorFactory(claimsOf('bot')).create(teams)).resolves.toBeDefined();
    expect(built.connectors).toHaveLength(1);
  });

  it('should build one user-token client per app', async () => {
    const { auth, built } = countingAuthentication();
    const first = await auth.createUserTokenClient(claimsOf('bot'));
    expect(await auth.createUserTokenClient(claimsOf('bot'))).toBe(first);
    await auth.createUserTokenClient(claimsOf('other-bot'));
    expect(built.userTokens).toEqual(['bot', 'other-bot']);
  });
});
