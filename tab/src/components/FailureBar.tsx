import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import type { ApiError } from '../api';

/** A write that failed, with the server's reason, until the member dismisses it. */
export function FailureBar({ failure, onDismiss }: { failure: ApiError; onDismiss: () => void }) {
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>That didn’t work</MessageBarTitle> {failure.message}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            icon={<Dismiss20Regular />}
            aria-label="Dismiss"
            onClick={onDismiss}
          />
        }
      />
    </MessageBar>
  );
}
