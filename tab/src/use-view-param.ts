import { useCallback, useState } from 'react';
import { readLocalParams, writeLocalParams } from './local-params';
import type { ViewName } from './views';

/** The view shown, from `?view=` (the configured tab's content URL carries it too), kept in the URL. */
export function useViewParam(): [ViewName, (view: ViewName) => void] {
  const [view, setView] = useState<ViewName>(() => readLocalParams().view);
  const change = useCallback((next: ViewName) => {
    writeLocalParams({ view: next });
    setView(next);
  }, []);
  return [view, change];
}
