import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Add16Regular, Subtract16Regular } from '@fluentui/react-icons';
import { useBoard } from '../../swot/board-context';
import { quote } from '../../swot/board-operations';
import type { Item } from '../../swot/swot-schemas';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  count: { minWidth: '4.5rem', textAlign: 'center', fontVariantNumeric: 'tabular-nums' },
});

/** The item's dot total, and (on an open board) the member's own dots on it with Add / Remove. */
export function DotControls({ item }: { item: Item }) {
  const styles = useStyles();
  const board = useBoard();
  const mine = board.myDotsOn(item);
  const total = item.dots + (mine - item.myDots);
  const totalText = `${total} dot${total === 1 ? '' : 's'}`;
  if (board.readOnly) return <Text className={styles.count}>{totalText}</Text>;
  return (
    <div className={styles.root} role="group" aria-label={`Dots on ${quote(item.text)}`}>
      <Button
        size="small"
        appearance="subtle"
        icon={<Subtract16Regular />}
        aria-label={`Remove dot from ${quote(item.text)}`}
        disabled={mine === 0}
        onClick={() => board.changeDots(item, -1)}
      />
      <Text className={styles.count} aria-live="polite">
        {totalText}
        {mine > 0 ? ` (${mine} yours)` : ''}
      </Text>
      <Button
        size="small"
        appearance="subtle"
        icon={<Add16Regular />}
        aria-label={`Add dot to ${quote(item.text)}`}
        onClick={() => board.changeDots(item, 1)}
      />
    </div>
  );
}
