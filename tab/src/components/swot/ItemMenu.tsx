import {
  Button,
  Menu,
  MenuDivider,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
} from '@fluentui/react-components';
import { MoreHorizontal20Regular } from '@fluentui/react-icons';
import { useBoard } from '../../swot/board-context';
import { quote } from '../../swot/board-operations';
import type { Item } from '../../swot/swot-schemas';

/** Edit, Delete, "Move to group" (the keyboard's way to group items) and "Promote to candidate". */
export function ItemMenu({ item }: { item: Item }) {
  const board = useBoard();
  const groups = board.groupsIn(item.quadrant);
  const move = (groupId: string | null) =>
    void board.run({ kind: 'move-item', item, to: { groupId, quadrant: item.quadrant } });
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button
          size="small"
          appearance="subtle"
          icon={<MoreHorizontal20Regular />}
          aria-label={`Actions for ${quote(item.text)}`}
        />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {item.canChange && <MenuItem onClick={() => board.editItem(item)}>Edit</MenuItem>}
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <MenuItem>Move to group</MenuItem>
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                <MenuItem disabled={item.groupId === null} onClick={() => move(null)}>
                  No group
                </MenuItem>
                {groups.map((group) => (
                  <MenuItem
                    key={group.id}
                    disabled={group.id === item.groupId}
                    onClick={() => move(group.id)}
                  >
                    {group.name}
                  </MenuItem>
                ))}
              </MenuList>
            </MenuPopover>
          </Menu>
          <MenuItem
            disabled={item.promotion !== null}
            onClick={() => void board.run({ kind: 'promote-item', item })}
          >
            {item.promotion ? 'Promoted to candidate' : 'Promote to candidate'}
          </MenuItem>
          {item.canChange && (
            <>
              <MenuDivider />
              <MenuItem onClick={() => void board.run({ kind: 'delete-item', item })}>Delete</MenuItem>
            </>
          )}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
