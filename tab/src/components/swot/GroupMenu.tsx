import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { MoreHorizontal20Regular } from '@fluentui/react-icons';
import { useBoard } from '../../swot/board-context';
import { quote } from '../../swot/board-operations';
import type { BoardGroup } from '../../swot/swot-schemas';

/** Rename and delete (its creator and the facilitator) and "Promote to candidate" (anyone). */
export function GroupMenu({ group }: { group: BoardGroup }) {
  const board = useBoard();
  const { items, ...row } = group;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button
          size="small"
          appearance="subtle"
          icon={<MoreHorizontal20Regular />}
          aria-label={`Actions for the group ${quote(group.name)}`}
        />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {group.canChange && <MenuItem onClick={() => board.renameGroup(row)}>Rename</MenuItem>}
          <MenuItem
            disabled={group.promotion !== null}
            onClick={() => void board.run({ kind: 'promote-group', group: row })}
          >
            {group.promotion ? 'Promoted to candidate' : 'Promote to candidate'}
          </MenuItem>
          {group.canChange && (
            <MenuItem
              onClick={() =>
                void board.run({ kind: 'delete-group', group: row, itemIds: items.map((item) => item.id) })
              }
            >
              Delete group
            </MenuItem>
          )}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
