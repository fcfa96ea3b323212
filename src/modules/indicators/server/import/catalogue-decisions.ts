import type { AGGREGATIONS, POLARITIES } from '../../contract.js';

type Polarity = (typeof POLARITIES)[number];
type Aggregation = (typeof AGGREGATIONS)[number];

/**
 * Our decisions about each CBS KWB 2024 (85984NED) topic: the stable code (kept forever, whatever CBS
 * renames or renumbers), polarity, aggregation and small-number suppression. Names, themes, units,
 * definitions and decimals come from CBS's own metadata (scripts/build-indicator-catalogue.ts merges both
 * into data/demo/indicator-catalogue.json).
 *
 * Rules applied:
 * - polarity is `neutral` unless a higher value is plainly worse or better for a neighbourhood's
 *   liveability (low income, benefits, youth care, distances to amenities: lower_is_better; income,
 *   labour participation, schools nearby: higher_is_better). Baarn's `hoog_is_slecht` flags agree.
 * - counts are summed; averages, shares and rates are weighted by their denominator when the catalogue
 *   holds it (or a close stand-in, e.g. households for "% of households with an income"); averages per
 *   dwelling type, medians, classes and codes are `none`: they cannot be aggregated honestly.
 * - suppressBelow: a share is hidden when its denominator is small (CBS publishes no percentages for very
 *   small populations); counts are published by CBS already rounded and are not suppressed again.
 * - the key is CBS's key without its yearly suffix; a stem that occurs more than once in the table
 *   (Nederland_17 and Nederland_20, Appartement_54 and Appartement_62 …) is numbered by its occurrence in
 *   column order: `Nederland`, `Nederland#2`, … (kwb-csv.parser.ts matches the same way).
 */
export interface CatalogueDecision {
  code: string;
  polarity?: Polarity;
  aggregation: Aggregation;
  weight?: string;
  suppressBelow?: number;
}

const sum = (code: string, polarity: Polarity = 'neutral'): CatalogueDecision => ({ code, aggregation: 'sum', polarity });
const wm = (code: string, weight: string, polarity: Polarity = 'neutral', suppressBelow?: number): CatalogueDecision => ({
  code,
  aggregation: 'weighted_mean',
  weight,
  polarity,
  ...(suppressBelow === undefined ? {} : { suppressBelow }),
});
const none = (code: string, polarity: Polarity = 'neutral'): CatalogueDecision => ({ code, aggregation: 'none', polarity });

/** Region identification columns: how the importer finds the area, not indicators. */
export const KWB_REGION_KEYS = ['WijkenEnBuurten', 'Gemeentenaam', 'SoortRegio', 'Codering', 'IndelingswijzigingGemeenteWijkBuurt'] as const;

export const KWB_2024_DECISIONS: Record<string, CatalogueDecision> = {
  AantalInwoners: sum('inhabitants'),
  Mannen: sum('men'),
  Vrouwen: sum('women'),
  k_0Tot15Jaar: sum('age_0_14'),
  k_15Tot25Jaar: sum('age_15_24'),
  k_25Tot45Jaar: sum('age_25_44'),
  k_45Tot65Jaar: sum('age_45_64'),
  k_65JaarOfOuder: sum('age_65_plus'),
  Ongehuwd: sum('unmarried'),
  Gehuwd: sum('married'),
  Gescheiden: sum('divorced'),
  Verweduwd: sum('widowed'),
  Nederland: sum('origin_netherlands'),
  EuropaExclusiefNederland: sum('origin_europe_excl_nl'),
  BuitenEuropa: sum('origin_outside_europe'),
  'Nederland#2': sum('born_nl_origin_netherlands'),
  'EuropaExclusiefNederland#2': sum('born_nl_origin_europe_excl_nl'),
  'BuitenEuropa#2': sum('born_nl_origin_outside_europe'),
  'EuropaExclusiefNederland#3': sum('born_abroad_origin_europe_excl_nl'),
  'BuitenEuropa#3': sum('born_abroad_origin_outside_europe'),
  GeboorteTotaal: sum('births'),
  GeboorteRelatief: wm('births_per_1000_inhabitants', 'inhabitants', 'neutral', 50),
  SterfteTotaal: sum('deaths'),
  SterfteRelatief: wm('deaths_per_1000_inhabitants', 'inhabitants', 'neutral', 50),
  HuishoudensTotaal: sum('households'),
  Eenpersoonshuishoudens: sum('one_person_households'),
  HuishoudensZonderKinderen: sum('households_without_children'),
  HuishoudensMetKinderen: sum('households_with_children'),
  GemiddeldeHuishoudensgrootte: wm('average_household_size', 'households'),
  // Inhabitants per km² of land: the land area is the denominator.
  Bevolkingsdichtheid: wm('population_density', 'area_land_ha'),
  Woningvoorraad: sum('dwellings'),
  NieuwbouwWoningen: sum('new_dwellings'),
  NietWoningvoorraad: sum('non_residential_stock'),
  NieuwbouwNietWoningen: sum('new_non_residential'),
  GemiddeldeWOZWaardeVanWoningen: wm('average_woz_value', 'dwellings'),
  PercentageEengezinswoning: wm('share_single_family_dwellings', 'dwellings'),
  PercentageTussenwoningEengezins: wm('share_terraced_dwellings', 'dwellings'),
  PercentageHoekwoningEengezins: wm('share_corner_dwellings', 'dwellings'),
  PercentageTweeOnderEenKapWoningEe: wm('share_semi_detached_dwellings', 'dwellings'),
  PercentageVrijstaandeWoningEengezins: wm('share_detached_dwellings', 'dwellings'),
  PercentageMeergezinswoning: wm('share_multi_family_dwellings', 'dwellings'),
  // Long-term vacancy is a classic sign of a neighbourhood in decline.
  OnbewoondeWoningen: wm('share_vacant_dwellings', 'dwellings', 'lower_is_better'),
  Koopwoningen: wm('share_owner_occupied', 'dwellings'),
  HuurwoningenTotaal: wm('share_rented', 'dwellings'),
  InBezitWoningcorporatie: wm('share_social_housing', 'dwellings'),
  InBezitOverigeVerhuurders: wm('share_private_rented', 'dwellings'),
  BouwjaarMeerDanTienJaarGeleden: wm('share_built_over_10_years_ago', 'dwellings'),
  BouwjaarAfgelopenTienJaar: wm('share_built_last_10_years', 'dwellings'),
  GemiddeldeElektriciteitsleveringTotaal: wm('average_electricity_use', 'dwellings'),
  // Averages per dwelling type or tenure: the number of such dwellings is not in the catalogue.
  Appartement: none('average_electricity_use_apartment'),
  Tussenwoning: none('average_electricity_use_terraced'),
  Hoekwoning: none('average_electricity_use_corner'),
  TweeOnderEenKapWoning: none('average_electricity_use_semi_detached'),
  VrijstaandeWoning: none('average_electricity_use_detached'),
  Huurwoning: none('average_electricity_use_rented'),
  EigenWoning: none('average_electricity_use_owner_occupied'),
  GemiddeldAardgasverbruikTotaal: wm('average_gas_use', 'dwellings'),
  'Appartement#2': none('average_gas_use_apartment'),
  'Tussenwoning#2': none('average_gas_use_terraced'),
  'Hoekwoning#2': none('average_gas_use_corner'),
  'TweeOnderEenKapWoning#2': none('average_gas_use_semi_detached'),
  'VrijstaandeWoning#2': none('average_gas_use_detached'),
  'Huurwoning#2': none('average_gas_use_rented'),
  'EigenWoning#2': none('average_gas_use_owner_occupied'),
  PercentageWoningenMetStadsverwarming: wm('share_district_heating', 'dwellings'),
  LeerlingenPo: sum('pupils_primary'),
  LeerlingenVoInclVavo: sum('pupils_secondary'),
  StudentenMboExclExtranei: sum('students_mbo'),
  StudentenHbo: sum('students_hbo'),
  StudentenWo: sum('students_wo'),
  BasisonderwijsVmboMbo1: sum('education_low'),
  HavoVwoMbo24: sum('education_middle'),
  HboWo: sum('education_high'),
  // Shares of the labour force (15–75): that denominator is not in the catalogue.
  Nettoarbeidsparticipatie: none('net_labour_participation', 'higher_is_better'),
  PercentageWerknemers: none('share_employees'),
  PercentageZelfstandigen: none('share_self_employed'),
  AantalInkomensontvangers: sum('income_recipients'),
  GemiddeldInkomenPerInkomensontvanger: wm('average_income_per_recipient', 'income_recipients', 'higher_is_better', 100),
  GemiddeldInkomenPerInwoner: wm('average_income_per_inhabitant', 'inhabitants', 'higher_is_better', 100),
  // Persons in private households with an income; inhabitants is the closest denominator we hold.
  k_40PersonenMetLaagsteInkomen: wm('share_persons_lowest_40pct_income', 'inhabitants', 'lower_is_better', 100),
  k_20PersonenMetHoogsteInkomen: wm('share_persons_highest_20pct_income', 'inhabitants', 'neutral', 100),
  // Private households with an income; households is the closest denominator we hold.
  GemGestandaardiseerdInkomenVanHuish: wm('average_standardised_household_income', 'households', 'higher_is_better', 100),
  k_40HuishoudensMetLaagsteInkomen: wm('share_households_lowest_40pct_income', 'households', 'lower_is_better', 100),
  k_20HuishoudensMetHoogsteInkomen: wm('share_households_highest_20pct_income', 'households', 'neutral', 100),
  HuishoudensMetEenLaagInkomen: wm('share_households_low_income', 'households', 'lower_is_better', 100),
  HuishOnderOfRondSociaalMinimum: wm('share_households_social_minimum', 'households', 'lower_is_better', 100),
  HuishoudensTot110VanSociaalMinimum: wm('share_households_110pct_social_minimum', 'households', 'lower_is_better', 100),
  HuishoudensTot120VanSociaalMinimum: wm('share_households_120pct_social_minimum', 'households', 'lower_is_better', 100),
  // A median cannot be combined from the medians of parts.
  MediaanVermogenVanParticuliereHuish: none('median_household_wealth'),
  PersonenPerSoortUitkeringBijstand: sum('social_assistance_recipients', 'lower_is_better'),
  PersonenPerSoortUitkeringAO: sum('disability_benefit_recipients', 'lower_is_better'),
  PersonenPerSoortUitkeringWW: sum('unemployment_benefit_recipients', 'lower_is_better'),
  PersonenPerSoortUitkeringAOW: sum('state_pension_recipients'),
  JongerenMetJeugdzorgInNatura: sum('youth_care_clients', 'lower_is_better'),
  // Of young people aged 0–23, a denominator the catalogue does not hold.
  PercentageJongerenMetJeugdzorg: none('share_youth_care', 'lower_is_better'),
  WmoClienten: sum('wmo_clients'),
  WmoClientenRelatief: wm('wmo_clients_per_1000_inhabitants', 'inhabitants', 'neutral', 50),
  BedrijfsvestigingenTotaal: sum('business_locations'),
  ALandbouwBosbouwEnVisserij: sum('business_locations_agriculture'),
  BFNijverheidEnEnergie: sum('business_locations_industry_energy'),
  GIHandelEnHoreca: sum('business_locations_trade_hospitality'),
  HJVervoerInformatieEnCommunicatie: sum('business_locations_transport_ict'),
  KLFinancieleDienstenOnroerendGoed: sum('business_locations_finance_real_estate'),
  MNZakelijkeDienstverlening: sum('business_locations_business_services'),
  OQOverheidOnderwijsEnZorg: sum('business_locations_government_education_care'),
  RUCultuurRecreatieOverigeDiensten: sum('business_locations_culture_recreation_other'),
  PersonenautoSTotaal: sum('cars'),
  PersonenautoSBrandstofBenzine: sum('cars_petrol'),
  PersonenautoSOverigeBrandstof: sum('cars_other_fuel'),
  PersonenautoSPerHuishouden: wm('cars_per_household', 'households'),
  PersonenautoSNaarOppervlakte: wm('cars_per_km2', 'area_land_ha'),
  Motorfietsen: sum('motorcycles'),
  // CBS averages distances over the inhabitants of the area.
  AfstandTotHuisartsenpraktijk: wm('distance_gp_practice_km', 'inhabitants', 'lower_is_better'),
  AfstandTotGroteSupermarkt: wm('distance_large_supermarket_km', 'inhabitants', 'lower_is_better'),
  AfstandTotKinderdagverblijf: wm('distance_day_nursery_km', 'inhabitants', 'lower_is_better'),
  AfstandTotSchool: wm('distance_primary_school_km', 'inhabitants', 'lower_is_better'),
  ScholenBinnen3Km: wm('primary_schools_within_3km', 'inhabitants', 'higher_is_better'),
  OppervlakteTotaal: sum('area_total_ha'),
  OppervlakteLand: sum('area_land_ha'),
  OppervlakteWater: sum('area_water_ha'),
  // Codes and classes: never aggregated.
  MeestVoorkomendePostcode: none('most_common_postcode'),
  Dekkingspercentage: none('postcode_coverage_class'),
  MateVanStedelijkheid: none('urbanity_class'),
  Omgevingsadressendichtheid: none('address_density'),
};

export interface ExtraIndicator extends CatalogueDecision {
  name: string;
  theme: string;
  unit: string;
  decimals: number;
  definition: string;
  source: string;
}

const DORDRECHT_SOURCE = 'CBS Wijk- en buurtkaart 2020';
const PDOK_SOURCE = 'CBS/Kadaster wijkenbuurten (PDOK)';
const share = (code: string, name: string, theme: string, weight: string, definition: string, source = DORDRECHT_SOURCE, polarity: Polarity = 'neutral'): ExtraIndicator => ({
  ...wm(code, weight, polarity, 50),
  name,
  theme,
  unit: '%',
  decimals: 0,
  definition,
  source,
});

/**
 * Shares that the Wijk- en buurtkaart (Dordrecht 2020) and PDOK wijkenbuurten (Baarn 2024) publish but
 * KWB 2024 publishes as counts (or, for the old migration-background classification, no longer at all).
 */
export const EXTRA_INDICATORS: ExtraIndicator[] = [
  share('share_age_0_14', 'Percentage personen 0 tot 15 jaar', 'Bevolking > Leeftijdsgroepen', 'inhabitants', 'Aandeel inwoners van 0 tot 15 jaar.'),
  share('share_age_15_24', 'Percentage personen 15 tot 25 jaar', 'Bevolking > Leeftijdsgroepen', 'inhabitants', 'Aandeel inwoners van 15 tot 25 jaar.'),
  share('share_age_25_44', 'Percentage personen 25 tot 45 jaar', 'Bevolking > Leeftijdsgroepen', 'inhabitants', 'Aandeel inwoners van 25 tot 45 jaar.'),
  share('share_age_45_64', 'Percentage personen 45 tot 65 jaar', 'Bevolking > Leeftijdsgroepen', 'inhabitants', 'Aandeel inwoners van 45 tot 65 jaar.'),
  share('share_age_65_plus', 'Percentage personen 65 jaar en ouder', 'Bevolking > Leeftijdsgroepen', 'inhabitants', 'Aandeel inwoners van 65 jaar en ouder.'),
  share('share_unmarried', 'Percentage ongehuwd', 'Bevolking > Burgerlijke staat', 'inhabitants', 'Aandeel inwoners dat ongehuwd is.'),
  share('share_married', 'Percentage gehuwd', 'Bevolking > Burgerlijke staat', 'inhabitants', 'Aandeel inwoners dat gehuwd is.'),
  share('share_divorced', 'Percentage gescheiden', 'Bevolking > Burgerlijke staat', 'inhabitants', 'Aandeel inwoners dat gescheiden is.'),
  share('share_widowed', 'Percentage verweduwd', 'Bevolking > Burgerlijke staat', 'inhabitants', 'Aandeel inwoners dat verweduwd is.'),
  share('share_one_person_households', 'Percentage eenpersoonshuishoudens', 'Bevolking > Particuliere huishoudens', 'households', 'Aandeel eenpersoonshuishoudens in de particuliere huishoudens.'),
  share('share_households_without_children', 'Percentage huishoudens zonder kinderen', 'Bevolking > Particuliere huishoudens', 'households', 'Aandeel meerpersoonshuishoudens zonder kinderen.'),
  share('share_households_with_children', 'Percentage huishoudens met kinderen', 'Bevolking > Particuliere huishoudens', 'households', 'Aandeel meerpersoonshuishoudens met kinderen.'),
  share('share_western_migration_background', 'Percentage westerse migratieachtergrond', 'Bevolking > Migratieachtergrond (oude indeling)', 'inhabitants', 'Aandeel inwoners met een westerse migratieachtergrond (CBS-indeling tot 2022).'),
  share('share_non_western_migration_background', 'Percentage niet-westerse migratieachtergrond', 'Bevolking > Migratieachtergrond (oude indeling)', 'inhabitants', 'Aandeel inwoners met een niet-westerse migratieachtergrond (CBS-indeling tot 2022).'),
  share('share_moroccan_background', 'Percentage Marokkaanse achtergrond', 'Bevolking > Migratieachtergrond (oude indeling)', 'inhabitants', 'Aandeel inwoners met een Marokkaanse migratieachtergrond.'),
  share('share_antillean_aruban_background', 'Percentage Antilliaanse/Arubaanse achtergrond', 'Bevolking > Migratieachtergrond (oude indeling)', 'inhabitants', 'Aandeel inwoners met een (voormalig) Antilliaanse of Arubaanse migratieachtergrond.'),
  share('share_surinamese_background', 'Percentage Surinaamse achtergrond', 'Bevolking > Migratieachtergrond (oude indeling)', 'inhabitants', 'Aandeel inwoners met een Surinaamse migratieachtergrond.'),
  share('share_turkish_background', 'Percentage Turkse achtergrond', 'Bevolking > Migratieachtergrond (oude indeling)', 'inhabitants', 'Aandeel inwoners met een Turkse migratieachtergrond.'),
  share('share_other_non_western_background', 'Percentage overig niet-westerse achtergrond', 'Bevolking > Migratieachtergrond (oude indeling)', 'inhabitants', 'Aandeel inwoners met een overige niet-westerse migratieachtergrond.'),
  share('share_origin_netherlands', 'Percentage met herkomstland Nederland', 'Bevolking > Bevolking naar herkomst', 'inhabitants', 'Aandeel inwoners met herkomstland Nederland.', PDOK_SOURCE),
  share('share_origin_europe_excl_nl', 'Percentage met herkomstland in Europa (excl. Nederland)', 'Bevolking > Bevolking naar herkomst', 'inhabitants', 'Aandeel inwoners met een herkomstland in Europa buiten Nederland.', PDOK_SOURCE),
  share('share_origin_outside_europe', 'Percentage met herkomstland buiten Europa', 'Bevolking > Bevolking naar herkomst', 'inhabitants', 'Aandeel inwoners met een herkomstland buiten Europa.', PDOK_SOURCE),
  share('share_born_nl_origin_europe_excl_nl', 'Percentage geboren in Nederland, herkomstland in Europa (excl. Nederland)', 'Bevolking > Bevolking naar herkomst', 'inhabitants', 'Aandeel inwoners geboren in Nederland met een herkomstland in Europa buiten Nederland.', PDOK_SOURCE),
  share('share_born_nl_origin_outside_europe', 'Percentage geboren in Nederland, herkomstland buiten Europa', 'Bevolking > Bevolking naar herkomst', 'inhabitants', 'Aandeel inwoners geboren in Nederland met een herkomstland buiten Europa.', PDOK_SOURCE),
  share('share_born_abroad_origin_europe_excl_nl', 'Percentage geboren buiten Nederland, herkomstland in Europa (excl. Nederland)', 'Bevolking > Bevolking naar herkomst', 'inhabitants', 'Aandeel inwoners geboren buiten Nederland met een herkomstland in Europa buiten Nederland.', PDOK_SOURCE),
  share('share_born_abroad_origin_outside_europe', 'Percentage geboren buiten Nederland, herkomstland buiten Europa', 'Bevolking > Bevolking naar herkomst', 'inhabitants', 'Aandeel inwoners geboren buiten Nederland met een herkomstland buiten Europa.', PDOK_SOURCE),
];
