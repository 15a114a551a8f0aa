import { makeStyles, tokens } from '@fluentui/react-components';
import type { Identity } from '../../api';
import { APP_NAME } from '../../app-name';
import { useMyTeams } from '../../personal/use-my-teams';
import { ErrorState } from '../ErrorState';
import { LoadingState } from '../LoadingState';
import { useSectionStyles } from '../styles';
import { MyTeamCard, type TeamLink } from './MyTeamCard';

const useStyles = makeStyles({
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
});

/** The personal tab: the member's teams, each with its vision, priority and what waits for them. */
export function PersonalView({ identity, linkTo }: { identity: Identity; linkTo: TeamLink }) {
  const section = useSectionStyles();
  const styles = useStyles();
  const { state, reload } = useMyTeams(identity);

  let content;
  if (state.status === 'loading') content = <LoadingState label="Loading your teams…" />;
  else if (state.status === 'error') content = <ErrorState error={state.error} onRetry={reload} />;
  else if (state.mine.teams.length === 0) {
    content = (
      <section className={section.section} aria-labelledby="no-teams-heading">
        <h2 id="no-teams-heading" className={section.heading}>
          You are not in a team with {APP_NAME} yet
        </h2>
        <p className={section.text}>
          {APP_NAME} works with a leadership team. Ask one of your team’s owners to add it to the team, or add
          it yourself: in the team, choose <strong>Apps</strong>, find {APP_NAME} and add it to a channel.
        </p>
        <p className={section.muted}>Once it is there, your team’s vision, priority and votes show here.</p>
      </section>
    );
  } else {
    content = state.mine.teams.map((team) => <MyTeamCard key={team.id} team={team} linkTo={linkTo} />);
  }

  return (
    <main className={styles.main} aria-busy={state.status === 'loading'}>
      {content}
    </main>
  );
}
