import type { ReactNode } from 'react';
import { FluentProvider, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { fluentTheme, usePageBackground, type ThemeName } from '../theme';

const useStyles = makeStyles({
  provider: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  transparent: { backgroundColor: 'transparent' },
  page: {
    boxSizing: 'border-box',
    maxWidth: '960px',
    marginInline: 'auto',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    overflowWrap: 'anywhere',
    '@media (max-width: 480px)': {
      padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    },
  },
});

function PaintedBackground({ theme }: { theme: ThemeName }) {
  usePageBackground(theme);
  return null;
}

/**
 * Themed page frame shared by the tab and its configuration page. `theme: null` means "not known yet"
 * (inside Teams, before the context arrives): the page stays transparent so Teams' own background shows.
 */
export function Shell({ theme, children }: { theme: ThemeName | null; children: ReactNode }) {
  const styles = useStyles();
  return (
    <FluentProvider
      theme={fluentTheme(theme ?? 'default')}
      className={mergeClasses(styles.provider, theme === null && styles.transparent)}
    >
      {theme !== null && <PaintedBackground theme={theme} />}
      <div className={styles.page}>{children}</div>
    </FluentProvider>
  );
}
