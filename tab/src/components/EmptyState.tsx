import { makeStyles, tokens } from '@fluentui/react-components';
import { useSectionStyles } from './styles';

const useStyles = makeStyles({
  steps: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  step: {
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  stepTitle: { fontWeight: tokens.fontWeightSemibold },
});

/** Shown while the team has neither a priority nor a decision: what to do next, in the app's words. */
export function EmptyState({ botName }: { botName: string }) {
  const section = useSectionStyles();
  const styles = useStyles();
  const mention = `@${botName}`;
  return (
    <section className={section.section} aria-labelledby="empty-state-heading">
      <h2 id="empty-state-heading" className={section.heading}>
        Your team hasn’t chosen a priority yet
      </h2>
      <p className={section.text}>
        A priority is what comes before everything else — so the team chooses just one, together. Here is how
        to get there:
      </p>
      <ol className={styles.steps}>
        <li className={styles.step}>
          <span className={styles.stepTitle}>Co-create a vision.</span> Invite every member to draft vision
          statements, then adopt one together.
        </li>
        <li className={styles.step}>
          <span className={styles.stepTitle}>Run a SWOT.</span> List strengths, weaknesses, opportunities and
          threats to find the root cause, not just the symptom.
        </li>
        <li className={styles.step}>
          <span className={styles.stepTitle}>Propose candidates.</span> In the team’s channel, mention the
          bot: <code className={section.command}>{mention} propose &lt;text&gt;</code> — one candidate
          priority each.
        </li>
        <li className={styles.step}>
          <span className={styles.stepTitle}>Vote to choose one priority.</span> Start the vote with{' '}
          <code className={section.command}>{mention} vote</code>; every member has a voice. The other
          candidates go to the watch list.
        </li>
      </ol>
      <p className={section.muted}>
        Decisions are announced in the channel and kept here, in the team’s decision log.
      </p>
    </section>
  );
}
