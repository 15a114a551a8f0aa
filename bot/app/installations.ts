/** Where the bot is installed, and the reference it needs to post there later. */
export type ConversationScope = 'team' | 'groupChat' | 'personal';

export interface Installation {
  tenantId: string;
  conversationId: string;
  scope: ConversationScope;
  teamId: string | null;
  channelId: string | null;
  channelName: string | null;
  serviceUrl: string;
  /** botbuilder's ConversationReference, kept opaque here so the Teams SDK stays behind its adapter. */
  reference: Record<string, unknown>;
  updatedAt: string;
}

/** A team the bot has been added to. */
export interface TeamRecord {
  tenantId: string;
  teamId: string;
  name: string;
  installedAt: string;
  installedBy: string | null;
  /** The channel where decisions are also announced, when the team set one. */
  announcementsChannelId?: string | null;
}

/** Conversation references, one per channel, group chat or personal chat. */
export interface ConversationStore {
  save(installation: Installation): Promise<void>;
  get(tenantId: string, conversationId: string): Promise<Installation | null>;
  listForTeam(tenantId: string, teamId: string): Promise<Installation[]>;
  /** The personal chat the bot has with this member (by channel account id), or null when it has none. */
  personalWith(tenantId: string, userId: string): Promise<Installation | null>;
}

/** Teams the bot is installed in. */
export interface TeamStore {
  /**
   * Inserts the team, or renames it, keeping the first install's time and installer. A null name
   * (most activities do not carry it) keeps the stored one.
   */
  recordInstall(
    team: Omit<TeamRecord, 'name' | 'announcementsChannelId'> & { name: string | null },
  ): Promise<TeamRecord>;
  get(tenantId: string, teamId: string): Promise<TeamRecord | null>;
  /** Every known team; only the local-mode picker uses this. */
  listAll(limit: number): Promise<TeamRecord[]>;
  setAnnouncementsChannel(tenantId: string, teamId: string, channelId: string | null): Promise<void>;
  /** The teams of one tenant, for choosing a team in personal chat. */
  listInTenant(tenantId: string, limit: number): Promise<TeamRecord[]>;
}
