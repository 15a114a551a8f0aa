import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../bot/domain/decisions';
import { ballotReceipt, type Ballot } from '../../../bot/domain/voting';
import { NOW } from '../factories';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('canonical JSON', () => {
  it('L-2: sorts object keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('L-2: drops undefined properties and nulls what JSON nulls, as a JSON round trip would', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, Number.NaN], c: 1 })).toBe('{"b":[null,null],"c":1}');
  });

  it('L-2: a value and its JSON round trip serialise identically', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(JSON.parse(JSON.stringify(value)))).toBe(canonicalJson(value));
      }),
    );
  });

  it('L-2: the same content built in another key order serialises identically, and parses back to it', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
        expect(JSON.parse(canonicalJson(record))).toEqual(JSON.parse(JSON.stringify(record)));
      }),
    );
  });

  it('L-2: refuses circular values', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => canonicalJson(loop)).toThrow(/circular/);
  });
});

describe('ballot receipts', () => {
  const ballot: Ballot = {
    method: 'ranked-choice',
    ranking: ['A', 'B'],
    voteId: 'vote-1',
    memberId: 'm1',
    castAt: NOW,
    concern: null,
  };

  it('L-7: a receipt is the first 12 hex digits of the SHA-256 of the ballot’s canonical JSON', () => {
    expect(ballotReceipt(ballot, sha256)).toBe(sha256(canonicalJson(ballot)).slice(0, 12));
    expect(ballotReceipt(ballot, sha256)).toMatch(/^[0-9a-f]{12}$/);
  });

  it('L-7: the same ballot read back from storage in another key order has the same receipt', () => {
    const readBack = JSON.parse(
      JSON.stringify({
        concern: null,
        castAt: NOW,
        memberId: 'm1',
        voteId: 'vote-1',
        ranking: ['A', 'B'],
        method: 'ranked-choice',
      }),
    ) as Ballot;
    expect(ballotReceipt(readBack, sha256)).toBe(ballotReceipt(ballot, sha256));
  });

  it('L-7: any change to the ballot changes its receipt', () => {
    const receipt = ballotReceipt(ballot, sha256);
    expect(ballotReceipt({ ...ballot, ranking: ['B', 'A'] }, sha256)).not.toBe(receipt);
    expect(ballotReceipt({ ...ballot, castAt: '2025-03-03T09:00:00.001Z' }, sha256)).not.toBe(receipt);
    expect(ballotReceipt({ ...ballot, memberId: 'm2' }, sha256)).not.toBe(receipt);
  });
});
