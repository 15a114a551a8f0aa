import { useId } from 'react';
import { Label, Select, makeStyles, tokens } from '@fluentui/react-components';
import { THEME_CHOICES, toThemeName, type ThemeName } from '../theme';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** Local mode only: inside Teams the theme follows Teams. */
export function ThemeSwitcher({
  theme,
  onChange,
}: {
  theme: ThemeName;
  onChange: (theme: ThemeName) => void;
}) {
  const styles = useStyles();
  const id = useId();
  return (
    <div className={styles.root}>
      <Label htmlFor={id}>Theme</Label>
      <Select id={id} value={theme} onChange={(_, data) => onChange(toThemeName(data.value))}>
        {THEME_CHOICES.map((choice) => (
          <option key={choice.name} value={choice.name}>
            {choice.label}
          </option>
        ))}
      </Select>
    </div>
  );
}
