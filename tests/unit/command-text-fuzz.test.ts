import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommandText } from '../../bot/teams/command-text';

describe('the command parser on any text', () => {
  it('never throws, and splits into a lower-case word without spaces and the trimmed rest', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constant(undefined)), (text) => {
        const command = parseCommandText(text);
        if (command === null) {
          expect((text ?? '').replace(/\u00a0/g, ' ').trim()).toBe('');
          return;
        }
        expect(command.name).not.toMatch(/\s/);
        expect(command.name).toBe(command.name.toLowerCase());
        expect(command.argument).toBe(command.argument.trim());
      }),
      { numRuns: 500 },
    );
  });
});
