import { adaptiveCard, executeAction, textBlock, type AdaptiveCard } from './adaptive-card';
import { escapeCardText } from './escape';

/** The form behind `Propose a priority`: the same as typing `propose <text>`. */
export function proposeCard(error?: string): AdaptiveCard {
  return adaptiveCard(
    [
      ...(error ? [textBlock(escapeCardText(error), { color: 'Attention' })] : []),
      textBlock('Propose a candidate priority', { weight: 'Bolder' }),
      textBlock(
        'What should come before all other things? Details, evidence and the coaching questions can be added with Edit.',
        {
          isSubtle: true,
        },
      ),
      {
        type: 'Input.Text',
        id: 'title',
        label: 'Candidate priority',
        maxLength: 140,
        isRequired: true,
        errorMessage: 'Candidate priority is required',
      },
    ],
    [executeAction('Propose', 'candidate.propose')],
  );
}
