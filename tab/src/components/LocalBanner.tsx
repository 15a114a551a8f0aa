import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** Always visible in a plain browser, so nobody mistakes local data for their real team. */
export function LocalBanner() {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Local mode — not connected to Microsoft Teams</MessageBarTitle> The team and user
        come from this page’s address, for local use and tests.
      </MessageBarBody>
    </MessageBar>
  );
}
