// How ISO 18245 merchant category codes map onto the taxonomy. The one definition:
// scripts/build-gazetteer.mjs loads this file too (transpiled, not built) to write data/mcc.json.
// Codes left out are business-to-business wholesale (5013, 5044-5051, 5085, 5099, 5169), dealers of
// boats, motorcycles and homes (a purchase, a service or a loan), card-network internals (9700-9950)
// or say nothing about what was bought (6012 "financial institutions").

/** [first code, last code, category]; the first range that holds a code wins, so exceptions come first. */
export const MCC_RANGES: ReadonlyArray<readonly [number, number, string]> = Object.freeze([
  // Exceptions inside broader ranges below.
  [5697, 5697, 'GENERAL_SERVICES'], // tailors, inside apparel
  [5962, 5962, 'TRAVEL'], // direct marketing of travel, inside direct marketing
  [5960, 5960, 'GENERAL_SERVICES'], // direct marketing of insurance
  [5975, 5976, 'MEDICAL'], // hearing aids, orthopaedic goods, inside specialty retail
  [5977, 5977, 'PERSONAL_CARE'], // cosmetic stores
  [5983, 5983, 'RENT_AND_UTILITIES'], // heating oil, wood, coal, bottled gas
  [5996, 5996, 'HOME_IMPROVEMENT'], // swimming pools
  [7623, 7623, 'HOME_IMPROVEMENT'], // air conditioning repair, inside repair shops
  [7641, 7641, 'HOME_IMPROVEMENT'], // furniture repair
  [7342, 7342, 'HOME_IMPROVEMENT'], // pest control, inside business services
  [7911, 7911, 'ENTERTAINMENT'], // dance halls and studios, inside personal services
  [7997, 7997, 'PERSONAL_CARE'], // membership clubs: gyms, inside recreation
  // Food and drink: groceries, specialty food, restaurants, bars, liquor.
  [5411, 5499, 'FOOD_AND_DRINK'], [5811, 5814, 'FOOD_AND_DRINK'], [5921, 5921, 'FOOD_AND_DRINK'],
  // Digital goods (media, games, apps) are entertainment purchases.
  [5815, 5818, 'ENTERTAINMENT'],
  // Retail of goods.
  [5094, 5094, 'GENERAL_MERCHANDISE'], [5111, 5111, 'GENERAL_MERCHANDISE'], [5131, 5139, 'GENERAL_MERCHANDISE'],
  [5192, 5193, 'GENERAL_MERCHANDISE'], [5199, 5199, 'GENERAL_MERCHANDISE'], [5300, 5399, 'GENERAL_MERCHANDISE'],
  [5611, 5699, 'GENERAL_MERCHANDISE'], [5732, 5735, 'GENERAL_MERCHANDISE'], [5832, 5832, 'GENERAL_MERCHANDISE'],
  [5931, 5999, 'GENERAL_MERCHANDISE'],
  // Home improvement: contractors, building supplies, furniture, appliances.
  [780, 780, 'HOME_IMPROVEMENT'], [1520, 1799, 'HOME_IMPROVEMENT'], [5021, 5021, 'HOME_IMPROVEMENT'],
  [5039, 5039, 'HOME_IMPROVEMENT'], [5065, 5074, 'HOME_IMPROVEMENT'], [5198, 5198, 'HOME_IMPROVEMENT'],
  [5200, 5261, 'HOME_IMPROVEMENT'], [5712, 5722, 'HOME_IMPROVEMENT'],
  // Medical: vets, ambulances, medical supplies, pharmacies, practitioners, hospitals.
  [742, 742, 'MEDICAL'], [4119, 4119, 'MEDICAL'], [5047, 5047, 'MEDICAL'], [5122, 5122, 'MEDICAL'],
  [5912, 5912, 'MEDICAL'], [8011, 8099, 'MEDICAL'],
  // Personal care: laundry, dry cleaning, hair, beauty, massage.
  [7210, 7216, 'PERSONAL_CARE'], [7230, 7230, 'PERSONAL_CARE'], [7297, 7298, 'PERSONAL_CARE'],
  // Transportation: transit, taxis, buses, tolls, fuel, parking.
  [4011, 4131, 'TRANSPORTATION'], [4784, 4789, 'TRANSPORTATION'], [5172, 5172, 'TRANSPORTATION'],
  [5541, 5542, 'TRANSPORTATION'], [7511, 7511, 'TRANSPORTATION'], [7523, 7523, 'TRANSPORTATION'],
  // Travel: airlines (3000-3299), car rental (3351-3441), hotels (3501-3999) and their generic codes.
  [3000, 3299, 'TRAVEL'], [3351, 3441, 'TRAVEL'], [3501, 3999, 'TRAVEL'], [4411, 4411, 'TRAVEL'],
  [4457, 4457, 'TRAVEL'], [4511, 4582, 'TRAVEL'], [4722, 4723, 'TRAVEL'], [7011, 7033, 'TRAVEL'], [7512, 7519, 'TRAVEL'],
  // Entertainment: lotteries, casinos, cinemas, shows, sports, attractions.
  [7800, 7802, 'ENTERTAINMENT'], [7829, 7841, 'ENTERTAINMENT'], [7922, 7999, 'ENTERTAINMENT'],
  // Services: automotive, shipping, storage, insurance, business and professional, repair, education.
  [2741, 2842, 'GENERAL_SERVICES'], [4214, 4225, 'GENERAL_SERVICES'], [4821, 4821, 'GENERAL_SERVICES'],
  [5511, 5521, 'GENERAL_SERVICES'], [5532, 5532, 'GENERAL_SERVICES'],
  // Auto and home supply stores and auto parts stores sell goods (Plaid: merchandise); tyre stores fit them (a service).
  [5531, 5531, 'GENERAL_MERCHANDISE'], [5533, 5533, 'GENERAL_MERCHANDISE'], [6300, 6399, 'GENERAL_SERVICES'],
  [7217, 7221, 'GENERAL_SERVICES'], [7251, 7299, 'GENERAL_SERVICES'], [7311, 7399, 'GENERAL_SERVICES'],
  [7531, 7549, 'GENERAL_SERVICES'], [7622, 7699, 'GENERAL_SERVICES'], [8111, 8111, 'GENERAL_SERVICES'],
  [8211, 8351, 'GENERAL_SERVICES'], [8675, 8675, 'GENERAL_SERVICES'], [8699, 8999, 'GENERAL_SERVICES'],
  // Government and non-profit: charities, civic and religious bodies, courts, fines, tax, government post.
  [8398, 8398, 'GOVERNMENT_AND_NON_PROFIT'], [8641, 8661, 'GOVERNMENT_AND_NON_PROFIT'],
  [9211, 9405, 'GOVERNMENT_AND_NON_PROFIT'],
  // Utilities and telecoms, and rent paid to letting agents.
  [4812, 4816, 'RENT_AND_UTILITIES'], [4899, 4900, 'RENT_AND_UTILITIES'], [6513, 6513, 'RENT_AND_UTILITIES'],
  // Money leaving the account as cash, wires, currency, brokerage or stored value.
  [4829, 4829, 'TRANSFER_OUT'], [6010, 6011, 'TRANSFER_OUT'], [6051, 6051, 'TRANSFER_OUT'],
  [6211, 6211, 'TRANSFER_OUT'], [6540, 6540, 'TRANSFER_OUT'],
]);

/** The taxonomy category of a merchant category code ('5411' or 5411), or null when it has none. */
export function categoryForMcc(code: string | number): string | null {
  const n = typeof code === 'number' ? code : /^\d{1,4}$/.test(code.trim()) ? Number(code) : NaN;
  if (!Number.isInteger(n)) return null;
  for (const [first, last, category] of MCC_RANGES) if (n >= first && n <= last) return category;
  return null;
}
