import type { WatchListEntry } from '../api';
import { useLayoutStyles } from './layout-styles';
import { useSectionStyles } from './styles';

/** The candidates the vote did not choose: what the team comes back to when the priority ends. */
export function WatchList({ entries }: { entries: WatchListEntry[] }) {
  const section = useSectionStyles();
  const ls = useLayoutStyles();
  if (entries.length === 0) return null;
  return (
    <section className={section.section} aria-labelledby="watch-list-heading">
      <h2 id="watch-list-heading" className={section.heading}>
        Watch list
      </h2>
      <p className={section.muted}>Not now, not forgotten: the next vote can choose from these.</p>
      <ol className={ls.list}>
        {entries.map((entry) => (
          <li key={`${entry.place}-${entry.title}`} className={ls.text}>
            {entry.title}
          </li>
        ))}
      </ol>
    </section>
  );
}
