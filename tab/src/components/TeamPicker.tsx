import { useCallback, useEffect, useState, type FormEvent } from 'react';
import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ApiError, getLocalDirectory, type Directory } from '../api';
import { APP_NAME } from '../app-name';
import type { LocalUser } from '../local-params';
import { useLocalMembers } from '../use-local-members';
import { MemberField } from './MemberField';
import { ErrorState } from './ErrorState';
import { LoadingState } from './LoadingState';
import { useSectionStyles } from './styles';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '480px',
    // Long team names must not widen the page past a phone's width.
    '& > *': { minWidth: 0 },
  },
  select: { minWidth: 0, maxWidth: '100%' },
  selectControl: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
  submit: { alignSelf: 'flex-start' },
});

type DirectoryState =
  { status: 'loading' } | { status: 'ready'; directory: Directory } | { status: 'error'; error: ApiError };

function useDirectory(): { state: DirectoryState; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<(DirectoryState & { attempt: number }) | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    getLocalDirectory(controller.signal).then(
      (directory) => setSettled({ attempt, status: 'ready', directory }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError =
          error instanceof ApiError ? error : new ApiError(0, 'unexpected', 'Something went wrong.');
        setSettled({ attempt, status: 'error', error: apiError });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state: settled?.attempt === attempt ? settled : { status: 'loading' }, retry };
}

interface TeamPickerProps {
  initialTeamId: string | null;
  /** The member id the URL names, chosen when it is on the team's roster. */
  initialUserId: string | null;
  onChoose: (choice: { teamId: string } & LocalUser) => void;
  /** What the form is for; by default, opening the chosen team. */
  purpose?: { intro: string; submit: string };
}

/** Local mode: choose one of the teams where the bot is installed, and which of its members to act as. */
export function TeamPicker({ initialTeamId, initialUserId, onChoose, purpose }: TeamPickerProps) {
  const section = useSectionStyles();
  const styles = useStyles();
  const { state, retry } = useDirectory();
  const [teamId, setTeamId] = useState(initialTeamId ?? '');
  const [memberId, setMemberId] = useState(initialUserId ?? '');
  const [submitted, setSubmitted] = useState(false);
  const teams = state.status === 'ready' ? state.directory.teams : [];
  const selectedTeamId = teams.some((team) => team.id === teamId) ? teamId : (teams[0]?.id ?? '');
  const roster = useLocalMembers(selectedTeamId);
  const members = roster.state.status === 'ready' ? roster.state.members : [];
  // The URL's member when the roster has them, else the roster's first member.
  const member = members.find((each) => each.id === memberId) ?? members[0] ?? null;

  if (state.status === 'loading')
    return <LoadingState label="Loading the teams where the bot is installed…" />;
  if (state.status === 'error') {
    if (state.error.status === 404) {
      return (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Local mode is off on this server</MessageBarTitle> Open {APP_NAME} from a team in
            Microsoft Teams instead.
          </MessageBarBody>
        </MessageBar>
      );
    }
    return <ErrorState error={state.error} onRetry={retry} />;
  }

  if (teams.length === 0) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>No team has the bot yet</MessageBarTitle> Install the bot in a team (for example
          from the Agents Playground), then look again.
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={retry}>Look again</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }

  const memberError = submitted && !member ? 'Choose a member of the team to continue.' : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!member || !selectedTeamId) return;
    onChoose({ teamId: selectedTeamId, userId: member.id, userName: member.name });
  };

  return (
    <section className={section.section} aria-label="Team and member">
      <p className={section.text}>
        {purpose?.intro ??
          'Pick one of the teams where the bot is installed, and the member of its Teams roster to act as.'}
      </p>
      <form className={styles.form} onSubmit={submit} noValidate>
        <Field label="Team">
          <Select
            className={styles.select}
            select={{ className: styles.selectControl }}
            value={selectedTeamId}
            onChange={(_, data) => setTeamId(data.value)}
          >
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name || team.id}
              </option>
            ))}
          </Select>
        </Field>
        <MemberField
          state={roster.state}
          value={member?.id ?? ''}
          validationMessage={memberError}
          onChange={setMemberId}
          onRetry={roster.retry}
        />
        <Button className={styles.submit} appearance="primary" type="submit">
          {purpose?.submit ?? 'Open the team'}
        </Button>
      </form>
    </section>
  );
}
