import { z } from 'zod';

/** Everything the server reads from its environment, validated once at start-up. */
export interface AppConfig {
  host: string;
  port: number;
  publicUrl: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  storage:
    { kind: 'connection-string'; connectionString: string } | { kind: 'account-url'; accountUrl: string };
  tablePrefix: string;
  /** Bot Framework credentials; absent in local mode, where botbuilder accepts unauthenticated requests. */
  bot: {
    appId: string;
    password: string;
    tenantId: string;
    appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  } | null;
  /** Entra app behind Teams SSO for the tab; absent in local mode. */
  sso: { clientId: string; tabDomain: string; allowedTenants: string[] } | null;
  /** Hosts the bot may send to; a conversation whose serviceUrl is elsewhere is refused. */
  serviceUrlAllowlist: string[];
  localMode: boolean;
}

/** Raised for a missing or malformed setting; the message names every bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const envSchema = z
  .object({
    HOST: optionalText,
    PORT: optionalText.pipe(z.coerce.number().int().min(0).max(65535).optional()),
    PUBLIC_URL: optionalText.pipe(z.string().url().optional()),
    LOG_LEVEL: optionalText.pipe(z.enum(['debug', 'info', 'warn', 'error']).optional()),
    AZURE_STORAGE_CONNECTION_STRING: optionalText,
    AZURE_STORAGE_ACCOUNT_URL: optionalText.pipe(z.string().url().optional()),
    TABLE_PREFIX: optionalText.pipe(
      z
        .string()
        .regex(/^[A-Za-z][A-Za-z0-9]{0,19}$/, 'expected a letter then up to 19 letters or digits')
        .optional(),
    ),
    BOT_ID: optionalText,
    BOT_PASSWORD: optionalText,
    BOT_TENANT_ID: optionalText,
    BOT_TYPE: optionalText.pipe(z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional()),
    AAD_APP_CLIENT_ID: optionalText,
    TAB_DOMAIN: optionalText,
    ALLOWED_TENANTS: optionalText,
    SERVICE_URL_ALLOWLIST: optionalText,
  })
  .superRefine((env, ctx) => {
    if (!env.AZURE_STORAGE_CONNECTION_STRING && !env.AZURE_STORAGE_ACCOUNT_URL) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['AZURE_STORAGE_CONNECTION_STRING'],
        message:
          'set AZURE_STORAGE_CONNECTION_STRING or AZURE_STORAGE_ACCOUNT_URL (npm start sets it for the local emulator)',
      });
    }
    if (env.BOT_ID) {
      const appType = env.BOT_TYPE ?? 'MultiTenant';
      if (appType !== 'UserAssignedMSI' && !env.BOT_PASSWORD) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['BOT_PASSWORD'],
          message: `required when BOT_ID is set and BOT_TYPE is ${appType}`,
        });
      }
      if (appType !== 'MultiTenant' && !env.BOT_TENANT_ID) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['BOT_TENANT_ID'],
          message: `required when BOT_TYPE is ${appType}`,
        });
      }
    } else {
      for (const key of ['BOT_PASSWORD', 'BOT_TENANT_ID', 'BOT_TYPE'] as const) {
        if (env[key])
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: [key],
            message: 'set only together with BOT_ID',
          });
      }
    }
    if (env.AAD_APP_CLIENT_ID && !env.TAB_DOMAIN) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['TAB_DOMAIN'],
        message: 'required when AAD_APP_CLIENT_ID is set',
      });
    }
    // Local mode trusts the caller's word for who they are: it must never run beside real bot credentials.
    if (env.BOT_ID && !env.AAD_APP_CLIENT_ID) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['AAD_APP_CLIENT_ID'],
        message:
          'required when BOT_ID is set: the tab API cannot run in local mode beside real bot credentials',
      });
    }
  });

/** Teams' Bot Connector hosts; local mode adds loopback for the Agents Playground and tests. */
const productionServiceUrls = [
  'https://smba.trafficmanager.net/',
  'https://smba.infra.gcc.teams.microsoft.com/',
  'https://smba.infra.gov.teams.microsoft.us/',
];
const loopbackServiceUrls = ['http://localhost', 'http://127.0.0.1'];

/** Reads and validates the configuration; throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.') || 'environment'}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const host = e.HOST ?? '127.0.0.1';
  const port = e.PORT ?? 3978;
  const bot = e.BOT_ID
    ? {
        appId: e.BOT_ID,
        password: e.BOT_PASSWORD ?? '',
        tenantId: e.BOT_TENANT_ID ?? '',
        appType: e.BOT_TYPE ?? ('MultiTenant' as const),
      }
    : null;
  const sso = e.AAD_APP_CLIENT_ID
    ? {
        clientId: e.AAD_APP_CLIENT_ID,
        tabDomain: e.TAB_DOMAIN ?? '',
        allowedTenants: splitList(e.ALLOWED_TENANTS),
      }
    : null;
  const localMode = bot === null && sso === null;
  return {
    host,
    port,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${port}`,
    logLevel: e.LOG_LEVEL ?? 'info',
    storage: e.AZURE_STORAGE_CONNECTION_STRING
      ? { kind: 'connection-string', connectionString: e.AZURE_STORAGE_CONNECTION_STRING }
      : { kind: 'account-url', accountUrl: e.AZURE_STORAGE_ACCOUNT_URL ?? '' },
    tablePrefix: e.TABLE_PREFIX ?? 'lt',
    bot,
    sso,
    serviceUrlAllowlist: [
      ...productionServiceUrls,
      ...splitList(e.SERVICE_URL_ALLOWLIST),
      ...(localMode ? loopbackServiceUrls : []),
    ],
    localMode,
  };
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
