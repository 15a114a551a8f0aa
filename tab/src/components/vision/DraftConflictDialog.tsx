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
import type { DraftConflict } from '../../vision/use-vision-actions';

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
  text: { margin: 0, whiteSpace: 'pre-wrap' },
});

function theirLines(conflict: DraftConflict): string {
  const current = conflict.current;
  if (!current) return 'Someone removed it.';
  if (current.status === 'withdrawn') return `Withdrawn. ${current.text}`;
  if (current.status === 'merged') return `Merged into the adopted vision. ${current.text}`;
  return current.text;
}

/**
 * Someone changed the draft first (its author in another window, or a team owner): both versions side
 * by side, and the member chooses. Nothing is overwritten silently.
 */
export function DraftConflictDialog({
  conflict,
  onChoose,
}: {
  conflict: DraftConflict;
  onChoose: (choice: 'mine' | 'theirs') => void;
}) {
  const styles = useStyles();
  const { operation, current } = conflict;
  const canKeepMine = current?.status === 'draft';
  return (
    <Dialog open modalType="alert">
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Someone else changed this draft first</DialogTitle>
          <DialogContent>
            <div className={styles.sides}>
              <section className={styles.side} aria-labelledby="draft-conflict-mine">
                <h3 id="draft-conflict-mine" className={styles.heading}>
                  Your version
                </h3>
                <p className={styles.text}>
                  {operation.kind === 'edit-draft' ? operation.text : `Withdrawn. ${operation.draft.text}`}
                </p>
              </section>
              <section className={styles.side} aria-labelledby="draft-conflict-theirs">
                <h3 id="draft-conflict-theirs" className={styles.heading}>
                  Their version
                </h3>
                <p className={styles.text}>{theirLines(conflict)}</p>
              </section>
            </div>
          </DialogContent>
          <DialogActions>
            {canKeepMine && (
              <Button appearance="primary" onClick={() => onChoose('mine')}>
                Keep mine
              </Button>
            )}
            <Button appearance={canKeepMine ? 'secondary' : 'primary'} onClick={() => onChoose('theirs')}>
              Keep theirs
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
