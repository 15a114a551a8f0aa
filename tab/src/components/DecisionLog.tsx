import { makeStyles, tokens } from '@fluentui/react-components';
import type { Decision } from '../api';
import { useSectionStyles } from './styles';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
  },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ':first-child': { borderTopStyle: 'none' },
  },
  title: {
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  date: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
});

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** The permanent decision log, newest first. */
export function DecisionLog({ decisions }: { decisions: Decision[] }) {
  const section = useSectionStyles();
  const styles = useStyles();
  return (
    <section className={section.section} aria-labelledby="decision-log-heading">
      <h2 id="decision-log-heading" className={section.heading}>
        Decision log
      </h2>
      {decisions.length === 0 ? (
        <p className={section.muted}>
          No decisions yet. Decisions are announced in the channel and kept here.
        </p>
      ) : (
        <ol className={styles.list} reversed>
          {decisions.map((decision, index) => (
            <li key={decision.id ?? `${decision.decidedAt}-${index}`} className={styles.item}>
              <span className={styles.title}>{decision.title}</span>
              <span className={styles.date}>
                Decided <time dateTime={decision.decidedAt}>{formatDate(decision.decidedAt)}</time>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
