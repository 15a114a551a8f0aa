import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ChevronDown20Regular, ChevronRight20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { formatDay, plural } from '../../vision/format';
import type { AdoptedVision } from '../../vision/vision-schemas';
import { useSectionStyles } from '../styles';
import { useVisionStyles } from './vision-styles';

const useStyles = makeStyles({
  featured: {
    borderInlineStartWidth: tokens.strokeWidthThicker,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorBrandStroke1,
  },
  history: { alignSelf: 'flex-start' },
});

function adoptionLine(vision: AdoptedVision): string {
  const standAsides =
    vision.standAsides > 0 ? `, ${plural(vision.standAsides, 'stood aside', 'stood aside')}` : '';
  return `Adopted ${formatDay(vision.adoptedAt)} by consent: ${plural(vision.consents, 'member consented', 'members consented')}${standAsides}.`;
}

/** The team's adopted vision, prominently, with its earlier versions (collapsed), or how to get one. */
export function AdoptedVisionSection({
  vision,
  history,
}: {
  vision: AdoptedVision | null;
  history: readonly AdoptedVision[];
}) {
  const section = useSectionStyles();
  const styles = useStyles();
  const vs = useVisionStyles();
  const [showHistory, setShowHistory] = useState(false);

  if (!vision) {
    return (
      <section className={section.section} aria-labelledby="vision-heading">
        <h2 id="vision-heading" className={section.heading}>
          No vision adopted yet
        </h2>
        <p className={section.text}>
          A vision is written together, not handed down. Everyone drafts a statement below and +1s the ones
          they like; then one member merges the best into a proposal and the team answers a consent check.
        </p>
        <p className={section.muted}>Start by adding a draft — a sentence or two is enough.</p>
      </section>
    );
  }

  return (
    <section className={mergeClasses(section.section, styles.featured)} aria-labelledby="vision-heading">
      <h2 id="vision-heading" className={section.heading}>
        Our vision
      </h2>
      <p className={vs.statement}>{vision.text}</p>
      <p className={vs.muted}>{adoptionLine(vision)}</p>
      {history.length > 0 && (
        <>
          <Button
            className={styles.history}
            appearance="subtle"
            icon={showHistory ? <ChevronDown20Regular /> : <ChevronRight20Regular />}
            aria-expanded={showHistory}
            aria-controls="vision-history"
            onClick={() => setShowHistory((shown) => !shown)}
          >
            Earlier versions ({history.length})
          </Button>
          {showHistory && (
            <ol id="vision-history" className={vs.list} aria-label="Earlier versions">
              {history.map((earlier) => (
                <li key={earlier.id} className={vs.card}>
                  <p className={vs.text}>{earlier.text}</p>
                  <p className={vs.muted}>{adoptionLine(earlier)}</p>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
