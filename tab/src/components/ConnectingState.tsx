import { Spinner, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  // Fades in after a moment: Teams usually answers sooner, and the theme is not known yet.
  root: {
    paddingBlock: tokens.spacingVerticalXXL,
    animationName: { from: { opacity: 0 }, to: { opacity: 1 } },
    animationDuration: '200ms',
    animationDelay: '400ms',
    animationFillMode: 'both',
  },
});

export function ConnectingState() {
  const styles = useStyles();
  return <Spinner className={styles.root} label="Connecting to Microsoft Teams…" labelPosition="below" />;
}
