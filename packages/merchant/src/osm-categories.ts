// How OpenStreetMap brand categories (name-suggestion-index `osm_category`) map onto the taxonomy.
// The one definition: scripts/build-gazetteer.mjs loads this file too (transpiled, not built).
// Categories left out carry no spending meaning (benches, lockers of nothing, landuse) or map
// ambiguously (banks, car dealers, estate agents: the line alone does not say which way money
// went or what for); data/PROVENANCE.md lists them.

const group = (category: string, osm: readonly string[]): Array<[string, string]> => osm.map((o) => [o, category]);

export const OSM_CATEGORY_MAP: Readonly<Record<string, string>> = Object.freeze(Object.fromEntries([
  ...group('FOOD_AND_DRINK', [
    'amenity/fast_food', 'amenity/restaurant', 'amenity/cafe', 'amenity/pub', 'amenity/bar', 'amenity/ice_cream',
    'shop/supermarket', 'shop/bakery', 'shop/pastry', 'shop/alcohol', 'shop/wine', 'shop/beverages', 'shop/butcher',
    'shop/confectionery', 'shop/chocolate', 'shop/deli', 'shop/greengrocer', 'shop/tea', 'shop/coffee', 'shop/frozen_food',
    'shop/cheese', 'shop/dairy', 'shop/seafood', 'shop/nuts', 'shop/spices', 'shop/health_food',
  ]),
  ...group('GENERAL_MERCHANDISE', [
    'shop/clothes', 'shop/shoes', 'shop/bag', 'shop/leather', 'shop/fashion_accessories', 'shop/jewelry', 'shop/watches',
    'shop/department_store', 'shop/catalogue', 'shop/variety_store', 'shop/wholesale', 'shop/general', 'shop/country_store',
    'shop/convenience', 'shop/kiosk', 'shop/newsagent', 'shop/outpost', 'shop/tobacco', 'shop/e-cigarette', 'shop/cannabis',
    'shop/car_parts', 'shop/electronics', 'shop/computer', 'shop/hifi', 'shop/camera', 'shop/printer_ink', 'shop/mobile_phone_accessories',
    'shop/books', 'shop/stationery', 'shop/gift', 'shop/party', 'shop/candles', 'shop/florist', 'shop/toys', 'shop/games',
    'shop/model', 'shop/anime', 'shop/craft', 'shop/art', 'shop/fabric', 'shop/frame', 'shop/pottery', 'shop/pyrotechnics',
    'shop/musical_instrument', 'shop/sports', 'shop/outdoor', 'shop/fishing', 'shop/bicycle', 'shop/pet', 'shop/baby_goods',
    'shop/second_hand', 'shop/chemist', 'shop/erotic', 'shop/photo',
  ]),
  ...group('HOME_IMPROVEMENT', [
    'shop/doityourself', 'shop/hardware', 'shop/trade', 'shop/paint', 'shop/tiles', 'shop/flooring', 'shop/carpet',
    'shop/doors', 'shop/glaziery', 'shop/window_blind', 'shop/curtain', 'shop/electrical', 'shop/lighting',
    'shop/power_tools', 'shop/tool_hire', 'shop/locksmith', 'shop/pest_control', 'shop/swimming_pool',
    'shop/furniture', 'shop/bed', 'shop/kitchen', 'shop/bathroom_furnishing', 'shop/interior_decoration',
    'shop/household_linen', 'shop/houseware', 'shop/appliance', 'shop/vacuum_cleaner', 'shop/garden_centre',
    'craft/carpenter', 'craft/electrician', 'craft/glaziery', 'craft/painter', 'craft/plumber', 'craft/window_construction',
    'office/security',
  ]),
  ...group('MEDICAL', [
    'amenity/pharmacy', 'amenity/dentist', 'amenity/clinic', 'amenity/doctors', 'amenity/hospital', 'amenity/veterinary',
    'shop/optician', 'shop/hearing_aids', 'shop/medical_supply', 'shop/herbalist', 'shop/nutrition_supplements',
    'healthcare/laboratory', 'healthcare/sample_collection', 'healthcare/physiotherapist', 'healthcare/audiologist',
    'healthcare/alternative', 'healthcare/counselling', 'healthcare/dialysis', 'healthcare/rehabilitation',
  ]),
  ...group('PERSONAL_CARE', [
    'leisure/fitness_centre', 'leisure/sports_centre', 'leisure/sauna', 'shop/hairdresser', 'shop/beauty', 'shop/massage',
    'shop/tattoo', 'shop/cosmetics', 'shop/perfumery', 'shop/hairdresser_supply', 'shop/dry_cleaning', 'shop/laundry',
  ]),
  ...group('GENERAL_SERVICES', [
    'shop/car_repair', 'shop/tyres', 'amenity/car_wash', 'amenity/vehicle_inspection',
    'shop/motorcycle_repair', 'shop/truck_repair', 'craft/electronics_repair', 'shop/repair', 'shop/shoe_repair', 'shop/tailor',
    'office/insurance', 'office/insurance_adjuster', 'office/lawyer', 'office/tax_advisor', 'office/financial_advisor',
    'office/employment_agency', 'office/moving_company', 'office/logistics', 'office/coworking', 'craft/cleaning',
    'amenity/post_office', 'amenity/parcel_locker', 'shop/copyshop', 'shop/storage_rental', 'shop/funeral_directors',
    'amenity/mortuary', 'amenity/animal_boarding', 'amenity/kindergarten', 'amenity/childcare', 'amenity/prep_school',
    'amenity/language_school', 'amenity/driving_school', 'amenity/music_school', 'amenity/training',
  ]),
  ...group('GOVERNMENT_AND_NON_PROFIT', [
    'office/government', 'shop/charity', 'amenity/social_facility', 'office/union', 'office/association',
    'office/political_party', 'club/scout',
  ]),
  ...group('TRANSPORTATION', [
    'amenity/fuel', 'waterway/fuel', 'amenity/charging_station', 'man_made/charge_point', 'amenity/parking',
    'amenity/bicycle_rental', 'amenity/car_sharing',
  ]),
  ...group('TRAVEL', [
    'tourism/hotel', 'tourism/hostel', 'tourism/motel', 'tourism/caravan_site', 'amenity/car_rental',
    'amenity/motorcycle_rental', 'shop/travel_agency',
  ]),
  ...group('ENTERTAINMENT', [
    'amenity/cinema', 'amenity/casino', 'amenity/gambling', 'leisure/adult_gaming_centre', 'leisure/amusement_arcade',
    'leisure/bowling_alley', 'leisure/escape_game', 'leisure/trampoline_park', 'leisure/indoor_play',
    'leisure/miniature_golf', 'leisure/high_ropes_course', 'tourism/theme_park', 'amenity/karaoke_box', 'shop/lottery',
    'shop/bookmaker', 'shop/video_games', 'shop/video', 'shop/music', 'shop/ticket',
  ]),
  // Carriers' own shops dominate this OSM category; a carrier's name on a statement is the bill.
  ...group('RENT_AND_UTILITIES', ['shop/telecommunication', 'office/telecommunication', 'shop/mobile_phone', 'shop/gas']),
]));

/**
 * How likely a brand's OSM category is its core business, when one brand name appears under several
 * categories (default 1). Supermarket chains also run pharmacies and fuel stations, fuel brands run
 * shops and car washes, department stores run opticians and photo centres: a bare brand name on a
 * statement is most often the core business, so the build script ranks those facets first.
 */
export const OSM_PRIORITY: Readonly<Record<string, number>> = Object.freeze({
  'shop/department_store': 4, 'shop/supermarket': 3, 'shop/wholesale': 3, 'amenity/fuel': 2, 'amenity/pharmacy': 2,
  // Side businesses of brands known for something else (Shell's car wash, Amazon's lockers).
  'amenity/car_wash': 0, 'amenity/charging_station': 0, 'man_made/charge_point': 0, 'amenity/parcel_locker': 0,
  'amenity/parking': 0, 'shop/photo': 0, 'shop/car_repair': 0, 'shop/tyres': 0, 'shop/optician': 0,
  'shop/hearing_aids': 0, 'shop/garden_centre': 0, 'amenity/vehicle_inspection': 0, 'shop/mobile_phone_accessories': 0,
  'amenity/training': 0,
});

/** OSM_PRIORITY of a category. */
export function osmPriority(osm: string): number {
  return OSM_PRIORITY[osm] ?? 1;
}

/** The taxonomy category of an OSM brand category, or null when it is dropped. */
export function categoryForOsm(osm: string): string | null {
  return OSM_CATEGORY_MAP[osm] ?? null;
}
