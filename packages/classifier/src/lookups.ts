// The merchant knowledge decisions read besides a version: the brand gazetteer and the MCC table.
// Both ship as data files and never change while a process runs, so each process loads them once.
import { loadGazetteer, loadMccTable } from '@txcat/merchant';
import type { Lookups } from './decide.js';

let once: Promise<Required<Lookups>> | undefined;

/** The gazetteer and MCC table, loaded on first use and shared afterwards (a failed load is retried). */
export function loadLookups(): Promise<Required<Lookups>> {
  once ??= (async () => ({ gazetteer: await loadGazetteer(), mcc: await loadMccTable() }))().catch((error: unknown) => {
    once = undefined;
    throw error;
  });
  return once;
}
