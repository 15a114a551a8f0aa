import { adaptiveCard, textBlock, type AdaptiveCard } from './adaptive-card';

/** A short confirmation that replaces a form once it has done its job (the text is the app's own). */
export function noticeCard(title: string, detail?: string): AdaptiveCard {
  return adaptiveCard([
    textBlock(title, { weight: 'Bolder' }),
    ...(detail ? [textBlock(detail, { isSubtle: true })] : []),
  ]);
}
