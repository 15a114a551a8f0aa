import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Board } from '../../swot/swot-schemas';
import { useSwotStyles } from './swot-styles';

const useStyles = makeStyles({
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    minWidth: 0,
  },
  dots: { fontWeight: tokens.fontWeightSemibold },
});

function day(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/** The board's title, state, facilitator and (once for the board) the member's dots left. */
export function BoardSummary({ board, dotsLeft }: { board: Board; dotsLeft: number }) {
  const styles = useStyles();
  const swot = useSwotStyles();
  const { session } = board;
  const open = session.status === 'open';
  return (
    <div className={swot.stack}>
      <div className={swot.row}>
        <h2 className={styles.title}>{session.title}</h2>
        <Badge appearance="filled" color={open ? 'success' : 'subtle'}>
          {open ? 'Open' : 'Closed'}
        </Badge>
      </div>
      <p className={swot.muted}>
        Facilitated by {session.facilitator.name}
        {board.me.isFacilitator ? ' (you)' : ''} · opened {day(session.openedAt)}
        {session.closedAt ? ` · closed ${day(session.closedAt)}` : ''} · {board.itemCount}{' '}
        {board.itemCount === 1 ? 'item' : 'items'}
      </p>
      {open && (
        <Text className={styles.dots} role="status">
          {dotsLeft} of {session.dotsPerMember} dots left
        </Text>
      )}
    </div>
  );
}
