/** The configurable tab's configuration page, as Teams exposes it (`pages.config`). */
export interface TabConfig {
  contentUrl: string;
  websiteUrl: string;
  suggestedDisplayName: string;
  entityId: string;
}

export interface ConfigApi {
  setValid: (valid: boolean) => void;
  /** Teams calls this when the user selects Save; `read` gives the configuration at that moment. */
  onSave: (read: () => TabConfig) => void;
}

export async function loadConfigApi(): Promise<ConfigApi> {
  const { pages } = await import('@microsoft/teams-js');
  return {
    setValid: (valid) => pages.config.setValidityState(valid),
    onSave: (read) =>
      pages.config.registerOnSaveHandler((event) => {
        pages.config.setConfig(read()).then(
          () => event.notifySuccess(),
          () => event.notifyFailure('Leading Together could not save this tab. Try again.'),
        );
      }),
  };
}
