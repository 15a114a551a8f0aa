import { makeStyles, tokens } from '@fluentui/react-components';
import type { Priority } from '../api';
import { useSectionStyles } from './styles';

const useStyles = makeStyles({
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForeground1,
  },
});

export function PrioritySection({ priority, botName }: { priority: Priority | null; botName: string }) {
  const section = useSectionStyles();
  const styles = useStyles();
  return (
    <section className={section.section} aria-labelledby="priority-heading">
      <h2 id="priority-heading" className={section.heading}>
        Our priority
      </h2>
      {priority ? (
        <p className={styles.title}>{priority.title}</p>
      ) : (
        <p className={section.muted}>
          No priority yet. Propose candidates in the channel with{' '}
          <code className={section.command}>@{botName} propose &lt;text&gt;</code>, then{' '}
          <code className={section.command}>@{botName} vote</code> to choose one.
        </p>
      )}
    </section>
  );
}
