/**
 * Driver for the Microsoft 365 Agents Playground (`@microsoft/m365agentsplayground`), the offline Teams-like web
 * client used by the browser tests and by `npm start`.
 *
 * Two halves:
 *  - process control (`startPlayground`, `playgroundCommand`, `playgroundConfig`): plain Node, no vitest and no
 *    playwright at runtime, so `scripts/start.ts` can import it;
 *  - page helpers (`openPlayground`, `openChannel`, `sendMessage`, `waitForBotText`, `clickCardAction`, ...) that
 *    drive the playground UI through a playwright-core `Page`.
 *
 * What the playground is (0.2.28), learned by reading its bundle and driving it:
 *  - One Node process serves the React UI at `/`, its own API at `/_internal` and `/_conversation`, and plays the
 *    Bot Connector at `/_connector` (the activities' `serviceUrl`): POST/PUT `/v3/conversations/:id/activities[/:id]`
 *    (send, reply, update), POST `/v3/conversations` (create), GET `/members`, `/pagedmembers`, `/members/:id`,
 *    `/v3/teams/:teamId`, `/v3/teams/:teamId/conversations`. Delete is not implemented. No auth header is sent to the
 *    bot unless client id/secret are configured.
 *  - It posts activities to the bot endpoint with header `x-ms-agents-playground: true`. Before the UI loads it probes
 *    the endpoint with HEAD (any HTTP status counts as "up"; it waits up to 15 s otherwise).
 *  - Every page load sends `installationUpdate` (action add) + `conversationUpdate` (membersAdded = me + bot) to the
 *    personal chat; opening a channel or group chat for the first time in a page load sends `installationUpdate` +
 *    `conversationUpdate` with membersAdded = [bot] (`channelData.eventType: teamMemberAdded` in a channel). So the
 *    bot's install handling must be idempotent.
 *  - In group chats and channels a message only reaches the bot when it @mentions the bot (as in Teams);
 *    `sendMessage` inserts the mention through the UI's mention picker.
 *  - There is no "switch user" control: the acting user is `currentUser` of the config file. To act as several users,
 *    run one playground per user with the same team/chat ids (see `playgroundConfig({ currentUserId })`).
 *  - `refresh.userIds` (user-specific views) is not supported: the card is shown as sent and the UI prints
 *    "User specific view is not supported yet"; no refresh invoke is sent. `updateActivity` works.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
// ---------------------------------------------------------------------------------------------------------------------
// Configuration (the playground's `.m365agentsplayground.yml`, schema version 0.1.1)
// ---------------------------------------------------------------------------------------------------------------------

export interface PlaygroundUser {
  id: string;
  name: string;
  aadObjectId: string;
  userPrincipleName: string; // sic: the playground's schema spells it this way
  givenName: string;
  surname: string;
  email: string;
}

export interface PlaygroundConfig {
  version: '0.1.1';
  tenantId: string;
  bot: { id: string; name: string };
  /** The acting user: the one whose messages and card clicks the UI sends. Must not also be in `users`. */
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  personalChat: { id: string };
  groupChat: { id: string; name: string };
  /** The General channel's id is the team id; `channels` lists the others. */
  team: { id: string; name: string; aadGroupId: string; channels: { id: string; name: string }[] };
}

function user(n: number, given: string, surname: string): PlaygroundUser {
  const handle = `${given}${surname.charAt(0)}`.toLowerCase();
  return {
    id: `user-id-${n}`,
    name: `${given} ${surname}`,
    aadObjectId: `00000000-0000-0000-0000-00000000002${n}`,
    userPrincipleName: `${handle}@example.com`,
    givenName: given,
    surname,
    email: `${handle}@example.com`,
  };
}

/** The people in the default config (same ids and names as the playground's built-in default). */
export const PLAYGROUND_USERS: readonly PlaygroundUser[] = [
  user(0, 'Alex', 'Wilber'),
  user(1, 'Megan', 'Bowen'),
  user(2, 'Adele', 'Vance'),
  user(3, 'Isaiah', 'Langer'),
  user(4, 'Patti', 'Fernandez'),
  user(5, 'Lynne', 'Robbins'),
];

/**
 * A deterministic config: the built-in default's tenant, bot, users and team ("My Team": General = `team-id`,
 * Announcements = `channel-announcements-id`), with fixed chat ids. `currentUserId` picks the acting user.
 */
export function playgroundConfig(
  options: { currentUserId?: string; botName?: string } = {},
): PlaygroundConfig {
  const currentUserId = options.currentUserId ?? 'user-id-0';
  const currentUser = PLAYGROUND_USERS.find((u) => u.id === currentUserId);
  if (!currentUser) throw new Error(`Unknown playground user id ${currentUserId}`);
  return {
    version: '0.1.1',
    tenantId: '00000000-0000-0000-0000-0000000000001',
    bot: { id: '00000000-0000-0000-0000-00000000000011', name: options.botName ?? 'Test Bot' },
    currentUser,
    users: PLAYGROUND_USERS.filter((u) => u.id !== currentUserId),
    personalChat: { id: `personal-chat-${currentUserId}` },
    groupChat: { id: 'group-chat-id', name: 'Group Chat' },
    team: {
      id: 'team-id',
      name: 'My Team',
      aadGroupId: '00000000-0000-0000-0000-000000000031',
      channels: [{ id: 'channel-announcements-id', name: 'Announcements' }],
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// Process control
// ---------------------------------------------------------------------------------------------------------------------

export interface StartPlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  botEndpoint: string;
  /** Port for the UI + mocked connector; default: a free loopback port. */
  port?: number;
  /** Mock data (users, team, channels); default `playgroundConfig()`. */
  config?: PlaygroundConfig;
  /** Directory for the config file and the playground's log; default: a fresh temp dir, removed on stop. */
  workDir?: string;
  /** How long to wait for the UI to answer; default 30 s. */
  timeoutMs?: number;
}

export interface RunningPlayground {
  /** The UI, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  /** The `serviceUrl` the bot sees in every activity (the mocked Bot Connector). */
  serviceUrl: string;
  config: PlaygroundConfig;
  /** The playground's own log (console output of its server). */
  logFile: string;
  stop(): Promise<void>;
}

export interface PlaygroundCommand {
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
}

/** Absolute path of the playground's CLI entry point (`agentsplayground`). */
export function playgroundCliPath(): string {
  return createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
}

/**
 * The exact command line `startPlayground` runs. `env` holds only the variables it adds to `process.env`:
 * no browser auto-open, telemetry events off (`--disable-telemetry`) and Application Insights statsbeat off, log and
 * config file inside `workDir` (the playground otherwise writes `./devTools/` and reads `./.m365agentsplayground.yml`).
 */
export function playgroundCommand(options: {
  botEndpoint: string;
  port: number;
  workDir: string;
}): PlaygroundCommand {
  const serviceUrl = `http://127.0.0.1:${options.port}/_connector`;
  return {
    command: process.execPath,
    args: [
      playgroundCliPath(),
      '--app-endpoint',
      options.botEndpoint,
      '--channel-id',
      'msteams',
      '--port',
      String(options.port),
      '--service-url',
      serviceUrl,
      '--disable-telemetry',
    ],
    env: {
      TEAMSAPPTESTER_BROWSER: 'none', // otherwise it opens the system browser
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: join(options.workDir, '.m365agentsplayground.yml'),
      M365_AGENTS_PLAYGROUND_LOGFILE: join(options.workDir, 'playground.log'),
      APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
      APPLICATION_INSIGHTS_NO_DIAGNOSTIC_CHANNEL: 'true',
      DEFAULT_CHANNEL_ID: 'msteams',
    },
    cwd: options.workDir,
  };
}

function killTree(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (process.platform === 'win32') child.kill(signal);
    else process.kill(-child.pid, signal); // the child leads its own process group (detached)
  } catch (error: unknown) {
    if (!(error instanceof Error && 'code' in error && error.code === 'ESRCH')) throw error;
  }
}

async function waitForHttp(
  url: string,
  deadline: number,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `Agents Playground exited (${child.exitCode ?? child.signalCode}) before answering:\n${output()}`,
      );
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`Agents Playground did not answer at ${url} in time:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/**
 * Start the playground as a child process (own process group) pointed at `botEndpoint`, wait until its UI answers.
 * `stop()` kills the whole process group and removes the temp work dir.
 */
export async function startPlayground(options: StartPlaygroundOptions): Promise<RunningPlayground> {
  const port = options.port ?? (await freePort());
  const ownWorkDir = options.workDir === undefined;
  const workDir = options.workDir ?? mkdtempSync(join(tmpdir(), 'agents-playground-'));
  const config = options.config ?? playgroundConfig();
  const command = playgroundCommand({ botEndpoint: options.botEndpoint, port, workDir });
  // JSON is valid YAML, and the playground parses the file with a YAML 1.2 parser.
  writeFileSync(command.env.M365_AGENTS_PLAYGROUND_CONFIG_PATH ?? '', JSON.stringify(config, null, 2));

  const child = spawn(command.command, command.args, {
    cwd: command.cwd,
    env: { ...process.env, ...command.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
  });
  let output = '';
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const onParentExit = (): void => killTree(child, 'SIGKILL');
  process.once('exit', onParentExit);

  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return exited;
    stopped = true;
    process.removeListener('exit', onParentExit);
    killTree(child, 'SIGTERM');
    const timer = setTimeout(() => killTree(child, 'SIGKILL'), 3_000);
    await exited;
    clearTimeout(timer);
    if (ownWorkDir) rmSync(workDir, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/`, Date.now() + (options.timeoutMs ?? 30_000), child, () => output);
    // The playground silently falls back to a random port when ours is taken; its URL would then not match.
    const listening = /Listening on (\d+)/.exec(output);
    if (listening && Number(listening[1]) !== port) {
      throw new Error(`Port ${port} was taken; the playground moved to ${listening[1]}`);
    }
  } catch (error: unknown) {
    await stop();
    throw error;
  }
  return {
    url,
    port,
    serviceUrl: `${url}/_connector`,
    config,
    logFile: command.env.M365_AGENTS_PLAYGROUND_LOGFILE ?? '',
    stop,
  };
}
