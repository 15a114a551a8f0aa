import { Tab, TabList, makeStyles } from '@fluentui/react-components';
import { VIEWS, toViewName, type ViewName } from '../views';

const useStyles = makeStyles({
  // A third view must wrap rather than widen a phone-sized page.
  list: { flexWrap: 'wrap' },
});

/** Ids that tie each tab to the panel it controls. */
export function viewTabId(view: ViewName): string {
  return `view-tab-${view}`;
}
export const VIEW_PANEL_ID = 'view-panel';

/** Switches between the team's views (Priority & decisions, SWOT, …). */
export function ViewSwitcher({ view, onChange }: { view: ViewName; onChange: (view: ViewName) => void }) {
  const styles = useStyles();
  return (
    <TabList
      className={styles.list}
      aria-label="Views"
      selectedValue={view}
      onTabSelect={(_, data) => onChange(toViewName(String(data.value)))}
    >
      {VIEWS.map((option) => (
        <Tab key={option.name} id={viewTabId(option.name)} value={option.name} aria-controls={VIEW_PANEL_ID}>
          {option.label}
        </Tab>
      ))}
    </TabList>
  );
}
