import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';

/** The member's last change in words, with "Undo" when it can be taken back. */
export function LastActionBar({
  message,
  onUndo,
  onDismiss,
}: {
  message: string;
  /** Absent when the change cannot be undone. */
  onUndo?: () => void;
  onDismiss: () => void;
}) {
  return (
    <MessageBar intent="success" politeness="polite">
      <MessageBarBody>{message}</MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            icon={<Dismiss20Regular />}
            aria-label="Dismiss"
            onClick={onDismiss}
          />
        }
      >
        {onUndo && <Button onClick={onUndo}>Undo</Button>}
      </MessageBarActions>
    </MessageBar>
  );
}
