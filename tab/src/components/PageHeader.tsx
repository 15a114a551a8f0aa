import type { ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { APP_NAME } from '../app-name';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  titleRow: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    gap: tokens.spacingVerticalS,
  },
  titles: { minWidth: 0 },
  eyebrow: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** The page's banner landmark: app name, the page title (the team's name), optional notice and tools. */
export function PageHeader({
  title,
  notice,
  tools,
}: {
  title: string;
  notice?: ReactNode;
  tools?: ReactNode;
}) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      {notice}
      <div className={styles.titleRow}>
        <div className={styles.titles}>
          <p className={styles.eyebrow}>{APP_NAME}</p>
          <h1 className={styles.title}>{title}</h1>
        </div>
        {tools}
      </div>
    </header>
  );
}
