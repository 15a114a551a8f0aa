import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  SpinButton,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { SessionSummary } from '../../swot/swot-schemas';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  spin: { width: '6rem' },
});

/** The facilitator's settings: dots per member, and closing the session (the board becomes read-only). */
export function FacilitatorControls({
  session,
  onSetDots,
  onClose,
}: {
  session: SessionSummary;
  onSetDots: (dotsPerMember: number) => void;
  onClose: () => void;
}) {
  const styles = useStyles();
  const [dots, setDots] = useState(session.dotsPerMember);
  return (
    <div className={styles.root} role="group" aria-label="Facilitator">
      <Field label="Dots per member">
        <SpinButton
          className={styles.spin}
          value={dots}
          min={1}
          max={20}
          onChange={(_, data) => {
            const next = data.value ?? Number.parseInt(data.displayValue ?? '', 10);
            if (Number.isInteger(next)) setDots(Math.min(20, Math.max(1, next)));
          }}
        />
      </Field>
      <Button disabled={dots === session.dotsPerMember} onClick={() => onSetDots(dots)}>
        Set dots
      </Button>
      <Dialog>
        <DialogTrigger disableButtonEnhancement>
          <Button>Close session</Button>
        </DialogTrigger>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Close this SWOT session?</DialogTitle>
            <DialogContent>
              The board becomes read-only and stays in the team’s history. Promote what matters to a candidate
              first.
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="primary" onClick={onClose}>
                  Close session
                </Button>
              </DialogTrigger>
              <DialogTrigger disableButtonEnhancement>
                <Button>Keep it open</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
