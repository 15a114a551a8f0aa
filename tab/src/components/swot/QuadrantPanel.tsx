import { useId } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useBoard } from '../../swot/board-context';
import { sortItems } from '../../swot/board-sort';
import type { BoardQuadrant } from '../../swot/swot-schemas';
import { useDropTarget } from '../../swot/use-drop-target';
import { AddItemForm } from './AddItemForm';
import { GroupSection } from './GroupSection';
import { ItemList } from './ItemList';
import { NewGroupForm } from './NewGroupForm';
import { useSwotStyles } from './swot-styles';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderTop: `${tokens.strokeWidthThickest} solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow2,
    minWidth: 0,
  },
  ungrouped: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    minHeight: '2rem',
  },
});

/** One quadrant: its add form, its groups with their items, then its ungrouped items (a drop target too). */
export function QuadrantPanel({
  quadrant,
  label,
  prompt,
}: {
  quadrant: BoardQuadrant;
  label: string;
  prompt: string;
}) {
  const styles = useStyles();
  const swot = useSwotStyles();
  const board = useBoard();
  const headingId = useId();
  const drop = useDropTarget((itemId) => {
    const item = board.itemById(itemId);
    if (item && (item.groupId !== null || item.quadrant !== quadrant.quadrant))
      void board.run({ kind: 'move-item', item, to: { groupId: null, quadrant: quadrant.quadrant } });
  }, !board.readOnly);
  const count = quadrant.items.length + quadrant.groups.reduce((sum, group) => sum + group.items.length, 0);

  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <div>
        <h3 id={headingId} className={swot.heading3}>
          {label}
        </h3>
        <p className={swot.muted}>
          {prompt} {count === 1 ? '1 item.' : `${count} items.`}
        </p>
      </div>
      {!board.readOnly && <AddItemForm quadrant={quadrant.quadrant} label={label} />}
      {!board.readOnly && <NewGroupForm quadrant={quadrant.quadrant} label={label} />}
      {quadrant.groups.map((group) => (
        <GroupSection key={group.id} group={group} />
      ))}
      <div className={mergeClasses(styles.ungrouped, drop.over && swot.dropping)} {...drop.handlers}>
        {quadrant.items.length > 0 ? (
          <ItemList
            items={sortItems(quadrant.items, board.sort)}
            label={quadrant.groups.length > 0 ? `Ungrouped ${label.toLowerCase()}` : label}
          />
        ) : count === 0 ? (
          <p className={swot.muted}>
            {board.readOnly ? 'Nothing was added here.' : 'Nothing yet: add the first item above.'}
          </p>
        ) : (
          !board.readOnly && <p className={swot.muted}>Drop an item here to take it out of its group.</p>
        )}
      </div>
    </section>
  );
}
