import { useId } from 'react';
import { Badge, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useBoard } from '../../swot/board-context';
import { sortItems } from '../../swot/board-sort';
import type { BoardGroup } from '../../swot/swot-schemas';
import { useDropTarget } from '../../swot/use-drop-target';
import { GroupMenu } from './GroupMenu';
import { ItemList } from './ItemList';
import { useSwotStyles } from './swot-styles';

const useStyles = makeStyles({
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
});

/** A named theme in a quadrant with its items; items dropped on it join it. */
export function GroupSection({ group }: { group: BoardGroup }) {
  const styles = useStyles();
  const swot = useSwotStyles();
  const board = useBoard();
  const headingId = useId();
  const drop = useDropTarget((itemId) => {
    const item = board.itemById(itemId);
    if (item && item.groupId !== group.id)
      void board.run({ kind: 'move-item', item, to: { groupId: group.id, quadrant: group.quadrant } });
  }, !board.readOnly);

  return (
    <section
      className={mergeClasses(styles.group, drop.over && swot.dropping)}
      aria-labelledby={headingId}
      {...drop.handlers}
    >
      <div className={styles.header}>
        <h4 id={headingId} className={mergeClasses(swot.heading4, swot.grow)}>
          {group.name}
        </h4>
        <Badge appearance="outline" color="informative">
          {group.dots} dot{group.dots === 1 ? '' : 's'}
        </Badge>
        {group.promotion && (
          <Badge appearance="tint" color="success">
            Promoted
          </Badge>
        )}
        {!board.readOnly && <GroupMenu group={group} />}
      </div>
      {group.items.length === 0 ? (
        <p className={swot.muted}>
          {board.readOnly ? 'No items.' : 'Drag items here, or use an item’s “Move to group”.'}
        </p>
      ) : (
        <ItemList items={sortItems(group.items, board.sort)} label={`Items in ${group.name}`} />
      )}
    </section>
  );
}
