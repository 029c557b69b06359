import { describe, expect, it } from 'vitest';
import { ContractError } from '@txcat/contracts';
import { createClient } from './client.js';

describe('createClient', () => {
  it('refuses a payload the contract refuses before touching Redis (nothing listens on port 1)', async () => {
    const client = createClient({ connection: 'redis://127.0.0.1:1' });
    try {
      const error = await client.classify({ transactions: [] }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ContractError);
      expect((error as ContractError).message).toMatch(/transactions: give at least one transaction/);
      await expect(client.feedback({ description: 'X', category: 'food' })).rejects.toThrow(/category: must be an upper-case category name/);
    } finally {
      await client.close();
    }
  });
});
