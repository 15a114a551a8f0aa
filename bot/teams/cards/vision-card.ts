import type { AdoptedVision } from '../../domain/boards';
import {
  adaptiveCard,
  dateOnly,
  heading,
  plural,
  safe,
  subtle,
  textBlock,
  type AdaptiveCard,
} from './card-parts';

/** The announcement of an adopted vision: the statement, how the team consented, and `Open in tab`. */
export function visionCard(
  vision: AdoptedVision,
  options: { closedBy: string; tabUrl: string | null },
): AdaptiveCard {
  const how = [
    `${plural(vision.consents, 'consent')}`,
    `${plural(vision.standAsides, 'stand-aside')}`,
    'no objection',
  ].join(' · ');
  return adaptiveCard(
    [
      heading('Decision: our vision', 'Large'),
      subtle(
        `Adopted by consent ${dateOnly(vision.adoptedAt)}; the check was closed by ${safe(options.closedBy, 100)}${
          vision.supersedes ? '; it replaces our earlier vision, which stays in the history' : ''
        }`,
      ),
      textBlock(safe(vision.text, 1000), { size: 'Medium', spacing: 'Medium' }),
      subtle(how, { spacing: 'Small' }),
    ],
    options.tabUrl ? [{ type: 'Action.OpenUrl', title: 'Open in tab', url: options.tabUrl }] : [],
  );
}
