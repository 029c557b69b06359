// The default taxonomy: the 16 primary categories of Plaid's personal finance taxonomy (PFC).
// Categories are data: the fleet seeds these into Postgres and users can add their own.

export type CategoryName = string;

export interface CategoryDefinition {
  name: CategoryName;
  description: string;
}

export const DEFAULT_TAXONOMY: readonly CategoryDefinition[] = [
  { name: 'INCOME', description: 'Money earned: wages and salary, dividends, interest earned, retirement and pension income, tax refunds, benefits' },
  { name: 'TRANSFER_IN', description: 'Money moved into the account: deposits, transfers from own accounts or other people, cash advances, loan disbursements' },
  { name: 'TRANSFER_OUT', description: 'Money moved out of the account: transfers to own accounts or other people, investment and savings contributions, withdrawals' },
  { name: 'LOAN_PAYMENTS', description: 'Payments on debt: credit card payments, mortgage, car, student and personal loan repayments' },
  { name: 'BANK_FEES', description: 'Fees and charges from the bank: ATM fees, overdraft and insufficient funds fees, foreign transaction fees, interest charged, monthly service fees' },
  { name: 'ENTERTAINMENT', description: 'Leisure spending: casinos and gambling, music and audio, sporting events, concerts and theme parks, TV and movies, video games' },
  { name: 'FOOD_AND_DRINK', description: 'Food and drink: groceries, restaurants, fast food, coffee shops, bars, beer, wine and liquor, vending machines' },
  { name: 'GENERAL_MERCHANDISE', description: 'Retail goods: bookstores, clothing and accessories, convenience stores, department stores, discount stores, electronics, gifts, office supplies, online marketplaces, pet supplies, sporting goods, superstores, tobacco' },
  { name: 'HOME_IMPROVEMENT', description: 'The home: furniture, hardware, repair and maintenance, security' },
  { name: 'MEDICAL', description: 'Health: dental care, eye care, nursing care, pharmacies and supplements, primary care, veterinary services' },
  { name: 'PERSONAL_CARE', description: 'Personal services: gyms and fitness centers, hair and beauty, laundry and dry cleaning' },
  { name: 'GENERAL_SERVICES', description: 'Services: accounting and financial planning, automotive service, childcare, consulting and legal, education, insurance, postage and shipping, storage' },
  { name: 'GOVERNMENT_AND_NON_PROFIT', description: 'Government and charity: donations, government departments and agencies, tax payments' },
  { name: 'TRANSPORTATION', description: 'Getting around: bikes and scooters, gas and fuel, parking, public transit, taxis and ride shares, tolls' },
  { name: 'TRAVEL', description: 'Trips: flights, lodging and hotels, rental cars' },
  { name: 'RENT_AND_UTILITIES', description: 'Housing bills: rent, gas and electricity, internet and cable, telephone, sewage and waste management, water' },
];

const DEFAULT_NAMES = new Set(DEFAULT_TAXONOMY.map((c) => c.name));

export function isKnownCategory(name: string, categories: Iterable<CategoryName> = DEFAULT_NAMES): boolean {
  for (const c of categories) if (c === name) return true;
  return false;
}

/** A category name as users may write it: FOOD_AND_DRINK, food and drink, Food-And-Drink. */
export function canonicalCategoryName(name: string): CategoryName {
  return name.trim().toUpperCase().replace(/[\s-]+/g, '_');
}
