import { useEffect, useRef, useState } from 'react';
import {
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { APP_NAME } from '../app-name';
import type { ConfigApi, TabConfig } from '../teams-config';
import { VIEWS, toViewName, type ViewName } from '../views';
import { PageHeader } from './PageHeader';
import { useSectionStyles } from './styles';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '480px' },
});

function tabConfig(name: string, view: ViewName): TabConfig {
  const url = `${window.location.origin}/tab/?view=${encodeURIComponent(view)}`;
  return {
    contentUrl: url,
    websiteUrl: url,
    suggestedDisplayName: name.trim() || APP_NAME,
    entityId: `leading-together-${view}`,
  };
}

/** Inside Teams, when a team adds the tab to a channel: name the tab and pick its start view. */
export function ConfigPage({ api }: { api: ConfigApi }) {
  const section = useSectionStyles();
  const styles = useStyles();
  const [name, setName] = useState(APP_NAME);
  const [view, setView] = useState<ViewName>('priority');
  const latest = useRef(tabConfig(name, view));
  const valid = name.trim() !== '';

  useEffect(() => {
    latest.current = tabConfig(name, view);
  }, [name, view]);

  useEffect(() => {
    api.onSave(() => latest.current);
  }, [api]);

  useEffect(() => {
    api.setValid(valid);
  }, [api, valid]);

  return (
    <>
      <PageHeader title="Set up the tab" />
      <main>
        <section className={section.section} aria-labelledby="config-heading">
          <h2 id="config-heading" className={section.heading}>
            Your team’s space for its SWOT, priority and decisions
          </h2>
          <p className={section.muted}>
            Choose a name for the tab and what it opens on, then select Save. You can rename the tab later.
          </p>
          <form className={styles.form} onSubmit={(event) => event.preventDefault()}>
            <Field label="Tab name" required validationMessage={valid ? undefined : 'Give the tab a name.'}>
              <Input value={name} maxLength={60} onChange={(_, data) => setName(data.value)} />
            </Field>
            <Field label="Start view">
              <RadioGroup value={view} onChange={(_, data) => setView(toViewName(data.value))}>
                {VIEWS.map((option) => (
                  <Radio
                    key={option.name}
                    value={option.name}
                    label={`${option.label} — ${option.description}`}
                  />
                ))}
              </RadioGroup>
            </Field>
          </form>
        </section>
      </main>
    </>
  );
}

/** The configuration page opened in a plain browser. */
export function ConfigOutsideTeams() {
  return (
    <>
      <PageHeader title="Set up the tab" />
      <main>
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>This page only works inside Microsoft Teams</MessageBarTitle> Teams opens it when
            a team adds {APP_NAME} as a tab to a channel. To try the tab in this browser, open{' '}
            <Link href="/tab/">the tab in local mode</Link>.
          </MessageBarBody>
        </MessageBar>
      </main>
    </>
  );
}
