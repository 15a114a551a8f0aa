import { useState, type KeyboardEvent } from 'react';
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

/**
 * The item's actions button. A Fluent menu per card is most of a card's rendering, and a board shows a
 * hundred cards at first: the menu is built the first time the member opens it (it then takes the
 * focus, as it would have), and stays built after.
 */
export function ItemMenu({ item }: { item: Item }) {
  const [open, setOpen] = useState(false);
  const [built, setBuilt] = useState(false);
  const openFirstTime = () => {
    setBuilt(true);
    setOpen(true);
  };
  const trigger = (
    <Button
      size="small"
      appearance="subtle"
      icon={<MoreHorizontal20Regular />}
      aria-label={`Actions for ${quote(item.text)}`}
      aria-haspopup="menu"
      {...(built
        ? {}
        : {
            onClick: openFirstTime,
            onKeyDown: (event: KeyboardEvent) => {
              if (event.key !== 'ArrowDown') return;
              event.preventDefault();
              openFirstTime();
            },
          })}
    />
  );
  if (!built) return trigger;
  return (
    <Menu open={open} onOpenChange={(_, data) => setOpen(data.open)}>
      <MenuTrigger disableButtonEnhancement>{trigger}</MenuTrigger>
      <ItemMenuPopover item={item} />
    </Menu>
  );
}

/** Edit, Delete, "Move to group" (the keyboard's way to group items) and "Promote to candidate". */
function ItemMenuPopover({ item }: { item: Item }) {
  const board = useBoard();
  const groups = board.groupsIn(item.quadrant);
  const move = (groupId: string | null) =>
    void board.run({ kind: 'move-item', item, to: { groupId, quadrant: item.quadrant } });
  return (
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
                <MenuItem key={group.id} disabled={group.id === item.groupId} onClick={() => move(group.id)}>
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
  );
}
