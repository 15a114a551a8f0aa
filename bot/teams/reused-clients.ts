import {
  AuthenticationConstants,
  ConnectorFactory,
  type BotFrameworkAuthentication,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';

/** Keys are the bot's app id, a Bot Connector host and an audience: a handful per deployment. */
const maxClients = 100;

/** The bot's app id in an activity's claims, as botbuilder reads it (audience for channels, appid otherwise). */
const appIdOf = (claims: ClaimsIdentity): string =>
  claims.getClaimValue(AuthenticationConstants.AudienceClaim) ??
  claims.getClaimValue(AuthenticationConstants.AppIdClaim) ??
  '';

/** Remembers what a key made; a failed make is forgotten, so the next activity tries again. */
function createMemo<T>() {
  const made = new Map<string, Promise<T>>();
  return (key: string, make: () => Promise<T>): Promise<T> => {
    const known = made.get(key);
    if (known) return known;
    if (made.size >= maxClients) made.clear();
    const making = make();
    made.set(key, making);
    making.catch(() => made.delete(key));
    return making;
  };
}

/** A connector factory that hands out the client made earlier for the same app, host and audience. */
class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly memo: (key: string, make: () => Promise<ConnectorClient>) => Promise<ConnectorClient>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.memo(`${this.appId}|${serviceUrl}|${audience ?? ''}`, () =>
      this.inner.create(serviceUrl, audience),
    );
  }
}

/**
 * botbuilder builds a new connector client and user-token client, each with its own HTTP pipeline, for
 * every activity: most of the CPU a card action costs. They depend only on the app id, the host and the
 * audience (tokens are cached by the credentials), and are meant to live long, so each is built once.
 */
export function reuseConnectorClients(auth: BotFrameworkAuthentication): void {
  const authenticateRequest = auth.authenticateRequest.bind(auth);
  const createConnectorFactory = auth.createConnectorFactory.bind(auth);
  const createUserTokenClient = auth.createUserTokenClient.bind(auth);
  const connectors = createMemo<ConnectorClient>();
  const userTokens = createMemo<UserTokenClient>();
  const reusing = (factory: ConnectorFactory, claims: ClaimsIdentity) =>
    new ReusingConnectorFactory(factory, appIdOf(claims), connectors);
  // An incoming activity's factory comes with its authentication; a proactive one's is asked for.
  auth.authenticateRequest = async (activity, authHeader) => {
    const authenticated = await authenticateRequest(activity, authHeader);
    const { connectorFactory, claimsIdentity } = authenticated;
    return connectorFactory
      ? { ...authenticated, connectorFactory: reusing(connectorFactory, claimsIdentity) }
      : authenticated;
  };
  auth.createConnectorFactory = (claims) => reusing(createConnectorFactory(claims), claims);
  auth.createUserTokenClient = (claims) => userTokens(appIdOf(claims), () => createUserTokenClient(claims));
}
