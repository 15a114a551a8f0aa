import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { describeConflict } from '../../swot/describe-conflict';
import type { Conflict } from '../../swot/use-board-actions';

const useStyles = makeStyles({
  sides: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 12rem), 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  side: {
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  lines: { margin: 0, paddingInlineStart: 0, listStyleType: 'none', whiteSpace: 'pre-wrap' },
});

/** Someone changed the row first: both versions side by side, and the member chooses. Nothing is overwritten silently. */
export function ConflictDialog({
  conflict,
  groupName,
  onChoose,
}: {
  conflict: Conflict;
  groupName: (groupId: string | null) => string;
  onChoose: (choice: 'mine' | 'theirs') => void;
}) {
  const styles = useStyles();
  const sides = describeConflict(conflict.operation, conflict.current, groupName);
  const deleted = sides.theirs === null;
  return (
    <Dialog open modalType="alert">
      <DialogSurface>
        <DialogBody>
          <DialogTitle>
            {deleted ? `Someone deleted this ${sides.noun}` : `Someone else changed this ${sides.noun} first`}
          </DialogTitle>
          <DialogContent>
            <div className={styles.sides}>
              <section className={styles.side} aria-labelledby="conflict-mine">
                <h3 id="conflict-mine" className={styles.heading}>
                  Your version
                </h3>
                <ul className={styles.lines}>
                  {sides.mine.map((line, index) => (
                    <li key={index}>{line}</li>
                  ))}
                </ul>
              </section>
              <section className={styles.side} aria-labelledby="conflict-theirs">
                <h3 id="conflict-theirs" className={styles.heading}>
                  Their version
                </h3>
                <ul className={styles.lines}>
                  {(sides.theirs ?? [`Someone deleted it.`]).map((line, index) => (
                    <li key={index}>{line}</li>
                  ))}
                </ul>
              </section>
            </div>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onChoose('mine')}>
              Keep mine
            </Button>
            <Button onClick={() => onChoose('theirs')}>Keep theirs</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
