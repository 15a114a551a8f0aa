import { useEffect } from 'react';
import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from '@fluentui/react-components';

/** The three Teams themes, named as Teams names them (`app.theme`). */
export type ThemeName = 'default' | 'dark' | 'contrast';

export const THEME_CHOICES: readonly { name: ThemeName; label: string }[] = [
  { name: 'default', label: 'Light' },
  { name: 'dark', label: 'Dark' },
  { name: 'contrast', label: 'High contrast' },
];

export function toThemeName(value: string | null | undefined): ThemeName {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

const FLUENT_THEMES: Record<ThemeName, Theme> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

export function fluentTheme(name: ThemeName): Theme {
  return FLUENT_THEMES[name];
}

/** The page behind the app follows the theme too (no white edges or flash in dark). */
export function usePageBackground(name: ThemeName): void {
  useEffect(() => {
    const root = document.documentElement;
    root.style.backgroundColor = FLUENT_THEMES[name].colorNeutralBackground2;
    root.style.colorScheme = name === 'default' ? 'light' : 'dark';
  }, [name]);
}
