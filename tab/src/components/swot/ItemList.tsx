import { startTransition, useEffect, useState } from 'react';
import { Button } from '@fluentui/react-components';
import type { Item } from '../../swot/swot-schemas';
import { ItemCard } from './ItemCard';
import { useSwotStyles } from './swot-styles';

/** Items shown at first per list: big boards render a page at a time. */
export const PAGE_SIZE = 25;

/**
 * Cards in a list's first render: more than a quadrant shows above the fold. The rest of the first page
 * follows in a transition, so a big board takes input before all its cards are built.
 */
const FIRST_RENDER = 5;

/** A list of item cards, a page at a time ("Show more"), so a 1,000-item board stays quick. */
export function ItemList({ items, label }: { items: readonly Item[]; label: string }) {
  const styles = useSwotStyles();
  const [shown, setShown] = useState(PAGE_SIZE);
  const [firstRender, setFirstRender] = useState(true);
  useEffect(() => startTransition(() => setFirstRender(false)), []);
  if (items.length === 0) return null;
  const rest = items.length - shown;
  return (
    <>
      <ul className={styles.list} aria-label={label}>
        {items.slice(0, firstRender ? Math.min(shown, FIRST_RENDER) : shown).map((item) => (
          <ItemCard key={item.id} item={item} />
        ))}
      </ul>
      {rest > 0 && (
        <Button appearance="subtle" onClick={() => setShown((count) => count + PAGE_SIZE)}>
          Show {Math.min(rest, PAGE_SIZE)} more of {items.length} ({label})
        </Button>
      )}
    </>
  );
}
