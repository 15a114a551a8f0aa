import { ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { ACTION_STATUS_OPTIONS, type ActionStatus } from '../../priority/priority-schemas';

const useStyles = makeStyles({
  group: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

/** The action's four statuses as one-tap buttons; the current one is pressed. */
export function StatusButtons({
  label,
  status,
  busy,
  onChange,
}: {
  /** Names the group for screen readers, e.g. "Status of Draft the family survey". */
  label: string;
  status: ActionStatus;
  busy: boolean;
  onChange: (status: ActionStatus) => void;
}) {
  const styles = useStyles();
  return (
    <div className={styles.group} role="group" aria-label={label}>
      {ACTION_STATUS_OPTIONS.map((option) => (
        <ToggleButton
          key={option.status}
          size="small"
          checked={option.status === status}
          appearance={option.status === status ? 'primary' : 'secondary'}
          disabled={busy}
          onClick={() => {
            if (option.status !== status) onChange(option.status);
          }}
        >
          {option.label}
        </ToggleButton>
      ))}
    </div>
  );
}
