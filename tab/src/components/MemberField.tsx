import { Button, Field, Select, Spinner, makeStyles } from '@fluentui/react-components';
import type { MembersState } from '../use-local-members';

const useStyles = makeStyles({
  select: { minWidth: 0, maxWidth: '100%' },
  selectControl: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
});

interface MemberFieldProps {
  state: MembersState;
  /** The chosen member id ('' while there is none). */
  value: string;
  validationMessage: string | undefined;
  onChange: (memberId: string) => void;
  onRetry: () => void;
}

/** Local mode's "Act as": the team's Teams roster, since the server lets only its members in. */
export function MemberField({ state, value, validationMessage, onChange, onRetry }: MemberFieldProps) {
  const styles = useStyles();
  if (state.status === 'loading') return <Spinner size="tiny" label="Loading the team’s members…" />;
  if (state.status === 'error') {
    return (
      <Field label="Act as" validationMessage={state.error.message}>
        <Button onClick={onRetry}>Load the members again</Button>
      </Field>
    );
  }
  const empty = state.members.length === 0;
  return (
    <Field
      label="Act as"
      required
      validationMessage={
        empty
          ? 'Teams gave no members for this team: add members to it, then load the page again.'
          : validationMessage
      }
      hint={empty ? undefined : 'A member of the team’s Teams roster; the server only lets members in.'}
    >
      <Select
        className={styles.select}
        select={{ className: styles.selectControl }}
        value={value}
        disabled={empty}
        onChange={(_, data) => onChange(data.value)}
      >
        {state.members.map((member) => (
          <option key={member.id} value={member.id}>
            {member.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
