import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Radio,
  RadioGroup,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import type { SortOrder } from '../../swot/board-sort';
import type { SwotClient } from '../../swot/swot-api';
import type { SessionSummary } from '../../swot/swot-schemas';
import { OpenSessionForm } from './OpenSessionForm';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    minWidth: 0,
  },
  session: { minWidth: 0, maxWidth: '100%', flexBasis: '16rem', flexGrow: 1 },
  select: { minWidth: 0, width: '100%' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

function sessionLabel(session: SessionSummary): string {
  const opened = new Date(session.openedAt);
  const when = Number.isNaN(opened.getTime()) ? '' : ` (${opened.toLocaleDateString()})`;
  return `${session.title}${when} — ${session.status === 'open' ? 'open' : 'closed'}`;
}

interface BoardToolbarProps {
  client: SwotClient;
  sessions: readonly SessionSummary[];
  sessionId: string;
  onChooseSession: (sessionId: string) => void;
  sort: SortOrder;
  onSort: (sort: SortOrder) => void;
  onExport: (format: 'markdown' | 'csv') => void;
}

/** The session picker (history), sort order, exports, and opening a new session when none is open. */
export function BoardToolbar({
  client,
  sessions,
  sessionId,
  onChooseSession,
  sort,
  onSort,
  onExport,
}: BoardToolbarProps) {
  const styles = useStyles();
  const [opening, setOpening] = useState(false);
  const noneOpen = sessions.every((session) => session.status !== 'open');
  return (
    <div className={styles.root}>
      <Field className={styles.session} label="Session">
        <Select
          className={styles.select}
          value={sessionId}
          onChange={(_, data) => onChooseSession(data.value)}
        >
          {sessions.map((session) => (
            <option key={session.id} value={session.id}>
              {sessionLabel(session)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Sort items">
        <RadioGroup
          layout="horizontal"
          value={sort}
          onChange={(_, data) => onSort(data.value === 'newest' ? 'newest' : 'dots')}
        >
          <Radio value="dots" label="Sort by dots" />
          <Radio value="newest" label="Newest" />
        </RadioGroup>
      </Field>
      <div className={styles.buttons}>
        <Button icon={<ArrowDownload20Regular />} onClick={() => onExport('markdown')}>
          Export Markdown
        </Button>
        <Button icon={<ArrowDownload20Regular />} onClick={() => onExport('csv')}>
          Export CSV
        </Button>
        {noneOpen && (
          <Dialog open={opening} onOpenChange={(_, data) => setOpening(data.open)}>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary">Open a new session</Button>
            </DialogTrigger>
            <DialogSurface>
              <DialogBody>
                <DialogTitle>Open a SWOT session</DialogTitle>
                <DialogContent>
                  <OpenSessionForm
                    client={client}
                    onOpened={(session) => {
                      setOpening(false);
                      onChooseSession(session.id);
                    }}
                  />
                </DialogContent>
              </DialogBody>
            </DialogSurface>
          </Dialog>
        )}
      </div>
    </div>
  );
}
