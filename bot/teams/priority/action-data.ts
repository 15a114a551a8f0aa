import { z } from 'zod';
import type { BallotChoice, VoteCandidate, VoteSettings } from '../../domain/voting';

// Card action data arrives from the client: every field is checked here, once, before a handler sees it.

const id = z.string().min(1).max(200);
const flag = z
  .enum(['true', 'false'])
  .or(z.boolean())
  .transform((value) => value === true || value === 'true');
const wholeNumber = (min: number, max: number) => {
  const message = `expected a whole number from ${min} to ${max}`;
  return z.preprocess(
    (value) => (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value),
    z.number({ invalid_type_error: message }).int(message).min(min, message).max(max, message),
  );
};
const optionalText = (max: number) =>
  z
    .string()
    .max(max, `expected at most ${max} characters`)
    .optional()
    .transform((value) => (value === undefined || value.trim() === '' ? null : value.trim()));

export const candidateIdData = z.object({ candidateId: id });
export const voteIdData = z.object({ voteId: id });
export const decisionIdData = z.object({ decisionId: id });

export const proposeData = z.object({ title: z.string().max(140, 'expected at most 140 characters') });

export const candidateEditData = z.object({
  candidateId: id,
  title: z.string().max(140, 'expected at most 140 characters'),
  description: optionalText(1000),
  evidence: optionalText(1000),
  obstacles: optionalText(1000),
  impact: optionalText(1000),
  outcomeWanted: optionalText(1000),
});

export const voteOpenData = z
  .object({
    method: z.enum(['ranked-choice', 'dot', 'approval', 'score']).default('ranked-choice'),
    closesInHours: wholeNumber(1, 336).default(48),
    closeWhenAllVoted: flag.default(false),
    resultsLive: flag.default(false),
    anonymous: flag.default(true),
    quorumPercent: wholeNumber(0, 100).default(50),
    consentRound: flag.default(false),
    dotsPerMember: wholeNumber(1, 20).default(3),
    maxDotsPerCandidate: wholeNumber(1, 20).default(3),
    disposition: z.enum(['completed', 'replaced']).optional(),
    dispositionReason: optionalText(1000),
  })
  .transform((data) => ({
    ...data,
    maxDotsPerCandidate: data.method === 'dot' ? data.maxDotsPerCandidate : data.dotsPerMember,
  }));

export const announceData = z
  .object({ voteId: id, rationale: z.string().max(1000, 'expected at most 1000 characters').default('') })
  .passthrough();

export const consentStartData = z.object({
  voteId: id,
  candidateId: id.optional(),
  amendment: optionalText(1000),
});
export const consentRespondData = z.object({
  voteId: id,
  answer: z.enum(['consent', 'stand-aside', 'object'], {
    errorMap: () => ({ message: 'choose Consent, Stand aside or Object' }),
  }),
  reason: optionalText(1000),
});

export const tieBreakData = z.object({
  voteId: id,
  chosenId: id,
  tieBreakReason: z.string().max(1000).default(''),
});
export const extendData = z.object({ voteId: id, hours: wholeNumber(1, 336).default(24) });

const concern = optionalText(1000);

/** Reads a ballot from the `ballot.submit` inputs of the vote's method. */
export function readBallotChoice(
  data: Record<string, unknown>,
  settings: VoteSettings,
  candidates: readonly VoteCandidate[],
): { ok: true; choice: BallotChoice; concern: string | null } | { ok: false; message: string } {
  const concernParsed = concern.safeParse(data.concern);
  if (!concernParsed.success)
    return { ok: false, message: `concern: ${concernParsed.error.issues[0]?.message ?? 'invalid'}` };
  const text = (key: string) =>
    typeof data[key] === 'string' ? data[key].trim() : typeof data[key] === 'number' ? String(data[key]) : '';
  switch (settings.method) {
    case 'ranked-choice': {
      const ranking: string[] = [];
      for (let place = 1; place <= candidates.length; place += 1) {
        const value = text(`rank${place}`);
        if (value !== '') ranking.push(value);
      }
      if (ranking.length === 0)
        return { ok: false, message: '1st choice: choose the candidate you want most' };
      return { ok: true, choice: { method: 'ranked-choice', ranking }, concern: concernParsed.data };
    }
    case 'dot':
    case 'score': {
      const prefix = settings.method === 'dot' ? 'dots_' : 'score_';
      const values: Record<string, number> = {};
      for (const candidate of candidates) {
        const raw = text(`${prefix}${candidate.id}`);
        if (raw === '') continue;
        if (!/^\d{1,3}$/.test(raw))
          return { ok: false, message: `${candidate.title}: expected a whole number` };
        values[candidate.id] = Number(raw);
      }
      return settings.method === 'dot'
        ? { ok: true, choice: { method: 'dot', dots: values }, concern: concernParsed.data }
        : { ok: true, choice: { method: 'score', scores: values }, concern: concernParsed.data };
    }
    case 'approval': {
      const approved = candidates
        .filter((candidate) => text(`approve_${candidate.id}`) === 'true')
        .map((candidate) => candidate.id);
      return { ok: true, choice: { method: 'approval', approved }, concern: concernParsed.data };
    }
  }
}

/** The concern responses of `decision.announce`: `response_<concernId>` inputs. */
export function readConcernResponses(
  data: Record<string, unknown>,
): Array<{ concernId: string; response: string }> {
  return Object.entries(data)
    .filter(([key, value]) => key.startsWith('response_') && typeof value === 'string')
    .map(([key, value]) => ({
      concernId: key.slice('response_'.length),
      response: String(value).slice(0, 1000),
    }));
}

/** The first problem of a failed parse, as "field: message". */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || 'data'}: ${issue?.message ?? 'invalid'}`;
}
