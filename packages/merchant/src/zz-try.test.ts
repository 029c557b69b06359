import { it } from 'vitest';
import { keywordCategory, matchKeywords, lexiconEntries } from './keywords.js';
import { normalizeLine } from './normalize.js';
it('x', () => {
  console.log(lexiconEntries().length);
  const t0 = performance.now();
  for (const s of ['SQ *JOES BARBER SHOP BROOKLYN NY', 'STADT-APOTHEKE MUENCHEN', 'ร้านตัดผมชาย', 'TAXI 1234', 'SPAR 1234', 'วัดพระแก้ว', 'จังหวัดเชียงใหม่', 'ROYAL HOTEL BAR', 'RENT A CAR', 'Bäckerei Müller', 'ค่าน้ำมัน ปตท']) {
    const t = normalizeLine(s).text;
    console.log(s, '|', t, JSON.stringify(matchKeywords(t)), JSON.stringify(keywordCategory(t)));
  }
  const t1 = performance.now();
  for (let i = 0; i < 2000; i++) matchKeywords('POS PURCHASE SMITH FAMILY DENTAL GROUP SPRINGFIELD IL ' + i);
  console.log('per call ms', (performance.now() - t1) / 2000, 'first', t1 - t0);
});
