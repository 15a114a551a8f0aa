import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ThemeName } from '../theme';
import { ThemeSwitcher } from './ThemeSwitcher';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  who: { color: tokens.colorNeutralForeground2 },
});

interface LocalToolbarProps {
  theme: ThemeName;
  onThemeChange: (theme: ThemeName) => void;
  userName?: string;
  onSwitch?: () => void;
}

export function LocalToolbar({ theme, onThemeChange, userName, onSwitch }: LocalToolbarProps) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="group" aria-label="Local mode settings">
      {userName && <Text className={styles.who}>Signed in locally as {userName}</Text>}
      {onSwitch && (
        <Button appearance="secondary" onClick={onSwitch}>
          Switch team or user
        </Button>
      )}
      <ThemeSwitcher theme={theme} onChange={onThemeChange} />
    </div>
  );
}
