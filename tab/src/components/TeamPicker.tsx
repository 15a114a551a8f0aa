import { useCallback, useEffect, useState, type FormEvent } from 'react';
import {
  Button,
  Field,
  Input,
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
import { slugify, type LocalUser } from '../local-params';
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
  initialUserName: string | null;
  /** Kept when the URL names one; otherwise the id is the name slugified. */
  fixedUserId: string | null;
  onChoose: (choice: { teamId: string } & LocalUser) => void;
}

/** Local mode: choose one of the teams where the bot is installed, and who you are. */
export function TeamPicker({ initialTeamId, initialUserName, fixedUserId, onChoose }: TeamPickerProps) {
  const section = useSectionStyles();
  const styles = useStyles();
  const { state, retry } = useDirectory();
  const [teamId, setTeamId] = useState(initialTeamId ?? '');
  const [name, setName] = useState(initialUserName ?? '');
  const [submitted, setSubmitted] = useState(false);

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

  const { teams } = state.directory;
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

  const selectedTeamId = teams.some((team) => team.id === teamId) ? teamId : (teams[0]?.id ?? '');
  const trimmedName = name.trim();
  const nameError = submitted && trimmedName === '' ? 'Type your name to continue.' : undefined;
  const userId = fixedUserId ?? (trimmedName ? slugify(trimmedName) : null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!trimmedName || !selectedTeamId) return;
    onChoose({ teamId: selectedTeamId, userId: fixedUserId ?? slugify(trimmedName), userName: trimmedName });
  };

  return (
    <section className={section.section} aria-label="Team and name">
      <p className={section.text}>Pick one of the teams where the bot is installed, and say who you are.</p>
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
        <Field
          label="Your name"
          required
          validationMessage={nameError}
          hint={
            userId ? `You will act as user “${userId}”.` : 'Any name: members are identified by it locally.'
          }
        >
          <Input value={name} onChange={(_, data) => setName(data.value)} autoComplete="name" />
        </Field>
        <Button className={styles.submit} appearance="primary" type="submit">
          Open the team
        </Button>
      </form>
    </section>
  );
}
