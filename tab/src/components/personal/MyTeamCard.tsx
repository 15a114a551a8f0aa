import { Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { MyTeam } from '../../personal/my-teams-api';
import { formatMoment, plural } from '../../vision/format';
import type { ViewName } from '../../views';
import { useSectionStyles } from '../styles';

const useStyles = makeStyles({
  facts: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'minmax(0, max-content) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    '@media (max-width: 420px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  term: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, minWidth: 0 },
  // One line: the whole vision is on the team's Vision view.
  oneLine: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  waitingHeading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  waiting: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  what: { margin: 0, minWidth: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  when: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  strong: { fontWeight: tokens.fontWeightSemibold },
});

/** Where a link to one of the team's views goes: in a browser the tab itself, in Teams a deep link. */
export type TeamLink = (teamId: string, view: ViewName) => { href: string; external: boolean };

function ViewLink({ link, label }: { link: { href: string; external: boolean }; label: string }) {
  return (
    <Link href={link.href} {...(link.external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
      {label}
    </Link>
  );
}

/** One of the member's teams: its vision and priority, and what waits for the member there. */
export function MyTeamCard({ team, linkTo }: { team: MyTeam; linkTo: TeamLink }) {
  const section = useSectionStyles();
  const styles = useStyles();
  const headingId = `team-${team.id}`;
  const newItems = team.board && team.board.newItems > 0 ? team.board : null;
  const waiting = team.ballots.length + (newItems ? 1 : 0);

  return (
    <section className={section.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={section.heading}>
        {team.name || 'A team without a name'}
      </h2>
      <dl className={styles.facts}>
        <dt className={styles.term}>Vision</dt>
        <dd className={styles.detail}>
          {team.vision ? (
            <p className={mergeClasses(styles.detail, styles.oneLine)} title={team.vision}>
              {team.vision}
            </p>
          ) : (
            <ViewLink link={linkTo(team.id, 'vision')} label="None yet — draft one" />
          )}
        </dd>
        <dt className={styles.term}>Priority</dt>
        <dd className={styles.detail}>{team.priority ?? 'Not chosen yet'}</dd>
      </dl>
      <h3 className={styles.waitingHeading}>Waiting for you</h3>
      {waiting === 0 ? (
        <p className={section.muted}>Nothing right now. You are up to date with this team.</p>
      ) : (
        <ul className={styles.list} aria-label={`Waiting for you in ${team.name}`}>
          {team.ballots.map((ballot) => (
            <li key={ballot.voteId} className={styles.waiting}>
              <p className={styles.what}>
                <span className={styles.strong}>Vote:</span> {ballot.title}
                <span className={styles.when}>Closes {formatMoment(ballot.closesAt)}</span>
              </p>
              <ViewLink link={linkTo(team.id, 'priority')} label={`Open the priority view of ${team.name}`} />
            </li>
          ))}
          {newItems && (
            <li className={styles.waiting}>
              <p className={styles.what}>
                <span className={styles.strong}>SWOT:</span>{' '}
                {plural(newItems.newItems, 'new item', 'new items')} in “{newItems.title}”
                <span className={styles.when}>Added by others since you last looked</span>
              </p>
              <ViewLink link={linkTo(team.id, 'swot')} label={`Open the SWOT board of ${team.name}`} />
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
