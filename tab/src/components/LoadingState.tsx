import { Spinner, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { paddingBlock: tokens.spacingVerticalXXL },
});

export function LoadingState({ label }: { label: string }) {
  const styles = useStyles();
  return <Spinner className={styles.root} label={label} labelPosition="below" />;
}
