import { useState, type FormEvent } from 'react';
import { Badge, Button, Field, Input } from '@fluentui/react-components';
import { toApiError } from '../../api';
import type { PriorityClient } from '../../priority/priority-api';
import { checkRelease } from '../../priority/priority-input';
import { MAX_RELEASE_TEXT, type Release } from '../../priority/priority-schemas';
import { formatDay, plural } from '../../vision/format';
import { useLayoutStyles } from '../layout-styles';
import { useSectionStyles } from '../styles';

function ReleaseState({ release }: { release: Release }) {
  const ls = useLayoutStyles();
  if (release.status === 'decided')
    return (
      <p className={ls.muted}>
        <Badge appearance="tint" color="success">
          Released
        </Badge>{' '}
        on <time dateTime={release.decidedAt ?? ''}>{formatDay(release.decidedAt ?? '')}</time>
        {release.consent &&
          ` · ${plural(release.consent.consents, 'consent', 'consents')}, ${plural(release.consent.standAsides, 'stand aside', 'stand asides')}`}
      </p>
    );
  if (release.status === 'withdrawn')
    return (
      <p className={ls.muted}>
        <Badge appearance="outline">Withdrawn</Badge>
      </p>
    );
  return (
    <p className={ls.muted}>
      <Badge appearance="outline" color="warning">
        Consent round open
      </Badge>{' '}
      in the channel · proposed by {release.proposedByName}
    </p>
  );
}

/** What the team agrees to stop doing to make room for the priority, and the form to propose more. */
export function ReleasesSection({
  client,
  releases,
  onChanged,
}: {
  client: PriorityClient;
  releases: Release[];
  onChanged: () => void;
}) {
  const section = useSectionStyles();
  const ls = useLayoutStyles();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkRelease(text);
    if (!checked.ok) {
      setError(checked.message);
      return;
    }
    setSaving(true);
    try {
      await client.proposeRelease(checked.value);
      setText('');
      setError(null);
      onChanged();
    } catch (failure) {
      setError(toApiError(failure).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className={section.section} aria-labelledby="releases-heading">
      <h2 id="releases-heading" className={section.heading}>
        Release list
      </h2>
      {releases.length === 0 ? (
        <p className={section.muted}>
          Nothing released yet. What could the team stop doing to make room for the priority?
        </p>
      ) : (
        <ul className={ls.list} aria-label="Releases">
          {releases.map((release) => (
            <li key={release.id} className={ls.card}>
              <p className={ls.text}>{release.text}</p>
              <ReleaseState release={release} />
              {release.status === 'proposed' &&
                release.objections.map((objection) => (
                  <p key={objection.name} className={ls.muted}>
                    {objection.name} objects: {objection.reason}
                  </p>
                ))}
            </li>
          ))}
        </ul>
      )}
      <form
        className={ls.form}
        onSubmit={(event) => void submit(event)}
        noValidate
        aria-label="Propose a release"
      >
        <Field
          label="What to stop doing"
          required
          validationMessage={error ?? undefined}
          hint={`Decided by a consent round in the channel; at most ${MAX_RELEASE_TEXT} characters.`}
        >
          <Input
            value={text}
            onChange={(_, data) => {
              setText(data.value);
              setError(null);
            }}
          />
        </Field>
        <Button className={ls.submit} type="submit" appearance="primary" disabled={saving}>
          Propose release
        </Button>
      </form>
    </section>
  );
}
