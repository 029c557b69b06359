export { normalizeLine, merchantKey, type Channel, type NormalizedLine } from './normalize.js';
export { RULES, matchRule, isRefund, wordingFlow, type Flow, type Rule, type RuleMatch } from './rules.js';
export { createGazetteer, loadGazetteer, loadMccTable, MIN_SCORE, type Brand, type Gazetteer, type GazetteerMatch, type GazetteerOptions } from './gazetteer.js';
export { categoryForOsm, OSM_CATEGORY_MAP } from './osm-categories.js';
export { categoryForMcc, MCC_RANGES } from './mcc-categories.js';
export { keywordCategory, matchKeywords, type KeywordCategory, type KeywordHit } from './keywords.js';
