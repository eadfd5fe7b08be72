/**
 * The `behaviour` section of the scenario schema: the behavioural constants of
 * the submodels (traffic allocation, trait draws of new agents, merchants'
 * books and self-broadcast adoption, entry, users, the day-0 world), stated as
 * parameters so that each has a name, a unit, a reason and a place in the
 * parameter table. The defaults are the model's calibration; strategy
 * scenarios rarely change them, but a sensitivity analysis can (sweeps, --set).
 *
 * Part of the one schema (scenario/schema.ts imports it as `behaviour`), so it
 * gives types, validation, `sim schema` and the docs table like every other
 * section. The helpers below are those of schema.ts, repeated here because
 * schema.ts imports this file (importing them back would be an import cycle).
 */
import { z } from "zod";

const share = (d: number, what: string) => z.number().min(0).max(1).default(d).describe(what);
const nonneg = (d: number, what: string) => z.number().min(0).default(d).describe(what);
const num = (d: number, what: string) => z.number().default(d).describe(what);
const int = (d: number, min: number, max: number, what: string) =>
  z.number().int().min(min).max(max).default(d).describe(what);
const positive = (d: number, what: string) => z.number().positive().default(d).describe(what);
const section = <T extends z.ZodRawShape>(shape: T, what: string) =>
  z.strictObject(shape).prefault({} as never).describe(what);

/** The longest window of the entry decision: the platform's GMV ring (model/world.ts) holds twice this many days. */
export const MAX_ENTRY_WINDOW_DAYS = 28;

export const FeedBehaviourSchema = section(
  {
    qualityOffset: nonneg(0.3, "added to a seller's quality in the allocation, auction and search scores, so a seller of quality 0 still gets some traffic [0..1]"),
    credibilityOffset: nonneg(0.5, "added to a seller's credibility in the allocation, auction, search and selection scores, so a new seller's credibility matters but does not decide [0..1]"),
    generalistReachBonus: nonneg(0.5, "extra allocation of a pure generalist creator over a pure niche expert (broad content travels further): score x (1 + bonus - bonus x verticality) [x]"),
    reachFollowersUnit: positive(10_000, "platform followers that make one unit of public-domain reach: reach = (1 + followers / unit)^popularityExponent, so accounts below it get about the same reach [followers]"),
    livelinessFullFollowersPlatform: z.number().gt(1).default(10_000_000).describe("platform followers at which a creator's live room is fully lively: liveliness = min(1, log10(1 + followers) / log10(this)) [followers]"),
    creatorFitBase: nonneg(0.5, "audience fit every creator has; fit = base + verticality x (1 - matchWeight + matchWeight x match) + matchWeight x (1 - verticality) x generalistFit, the largest fit is base + 1 [1]"),
    fitMatchWeight: share(1, "how far a creator's fit is a match between its vertical and the viewer's interests (0: fit = base + verticality for every viewer; 1: a niche expert fits in proportion to the viewer's match, its category's interest weight over the viewer's strongest, and a generalist fits everyone at generalistFit) [share]"),
    generalistFit: share(0.25, "fit a pure generalist adds for any viewer when fit is a match (fitMatchWeight 1); a niche expert adds its viewer's match, up to 1 [0..1]"),
    merchantLiveSkillOffset: nonneg(0.3, "added to a merchant's live skill in the allocation of its live room, so a beginner's room still gets some traffic [0..1]"),
    merchantVideoWeight: nonneg(0.3, "allocation of a merchant's own product video, relative to a creator's video of the same score and a reach of 1 (store videos have no follower reach and travel little) [x]"),
    priceRankExponent: nonneg(2, "the allocation's tilt toward competitive prices: a merchant's weight in search, creators' product selection and the feed x (price / category reference)^-exponent (price competitiveness in ranking; creators expect cheaper goods to convert better) [1]"),
    complaintThreshold: share(0.08, "complaint rate above which governance starts to demote a seller (some complaints are normal) [share]"),
    demotionSteepness: nonneg(10, "demotion per unit of complaint rate above the threshold at governance strength 1: traffic x exp(-strength x steepness x excess) [1]"),
    auctionBidExponent: z.number().gt(0).max(1).default(0.5).describe("exponent of the bid in the paid auction: a merchant's share of a category's paid impressions is in proportion to bid^exponent (a Tullock contest; below 1, a larger budget buys less than its share, as more of the same ad reaches fewer new buyers) [1]"),
    auctionQualityExponent: nonneg(3, "exponent of the quality score in the paid auction at paidTraffic.qualityWeight 1: weight = bid x score^(exponent x qualityWeight), so quality can outweigh a bid [1]"),
    searchSharpnessBase: nonneg(1, "exponent of the store score in search ranking at mallSearch.rankingQuality 0 (random ranking still favours good stores a little) [1]"),
    searchSharpnessRange: nonneg(4, "extra exponent of the store score at rankingQuality 1: exponent = base + range x rankingQuality [1]"),
    searchServiceOffset: nonneg(0.5, "added to a store's service in its search score (search sees logistics and after-sales, the feed does not) [0..1]"),
    searchBrandTilt: nonneg(0.5, "extra search weight of a full-strength brand, as users search for brands: x (1 + tilt x brand) [x]"),
    selectionQualityOffset: nonneg(0.2, "added to a product's quality when creators pick products, so commission can outweigh quality [0..1]"),
  },
  "traffic allocation: the scores of the feed, the paid auction, search and creators' product selection",
);

export const MerchantTraitsSchema = section(
  {
    brandMin: share(0.5, "lowest brand strength of a brand; brands draw uniformly from min to min + range [0..1]"),
    brandRange: share(0.5, "width of the brand strengths of brands [0..1]"),
    nonBrandRange: share(0.35, "highest brand strength of a merchant that is not a brand (uniform from 0): small labels have some recognition [0..1]"),
    beltBrandRange: share(0.05, "highest brand strength of an industry-belt producer (uniform from 0): producers sell unbranded goods [0..1]"),
    qualityBase: num(0.35, "mean quality of a merchant with no brand strength [0..1]"),
    qualityBrand: num(0.35, "quality gained per unit of brand strength (brands sell better goods on average) [0..1]"),
    qualitySd: nonneg(0.15, "spread of merchants' quality around their mean (normal sd, clipped to 0..1) [0..1]"),
    beltQualityMean: share(0.55, "mean quality of an industry-belt producer: sound goods from the source [0..1]"),
    beltQualitySd: nonneg(0.1, "spread of belt producers' quality (normal sd, clipped to 0..1) [0..1]"),
    priceBrand: num(0.5, "log price level per unit of brand strength above the pivot (brand premium) [log units]"),
    priceBrandPivot: share(0.3, "brand strength at which the brand premium is zero (about the mean) [0..1]"),
    priceQuality: num(0.3, "log price level per unit of quality above the pivot (better goods cost more) [log units]"),
    priceQualityPivot: share(0.5, "quality at which the quality premium is zero [0..1]"),
    priceSpreadFactor: nonneg(0.6, "normal noise of the log price level, as a multiple of the category's priceSpread (the rest of the spread comes from brand and quality) [x]"),
    beltLogPrice: num(-0.35, "mean log price level of an industry-belt producer against the category's reference (direct from the source: cheaper) [log units]"),
    beltPriceSpreadFactor: nonneg(0.5, "normal noise of a belt producer's log price level, as a multiple of the category's priceSpread [x]"),
    serviceBase: num(0.4, "mean service quality (logistics, after-sales) of a merchant with no brand strength [0..1]"),
    serviceBrand: num(0.3, "service quality gained per unit of brand strength [0..1]"),
    serviceSd: nonneg(0.12, "spread of service quality (normal sd, clipped to 0..1) [0..1]"),
    claimMax: nonneg(0.3, "how far a merchant of quality 0 may overstate its product's quality in its listing and live claims: claims uniform from 0 to this x (1 - quality); buyers perceive quality + claims and are disappointed on delivery, so claims sell now and cost complaints later [0..1]"),
    credibilityBase: share(0.45, "credibility of a new merchant with no brand strength: buyers give an unknown store some benefit of the doubt [0..1]"),
    credibilityBrand: num(0.3, "credibility gained per unit of brand strength: a known brand is trusted before its first sale [0..1]"),
    complaintStart: share(0.05, "complaint rate of a new merchant before its first orders (below the governance threshold) [share]"),
    commissionSpread: nonneg(0.3, "log-normal spread of the commission offered around commissionMean (mean-preserving) [log units]"),
    commissionMin: share(0.02, "lowest commission a merchant offers [share of price]"),
    commissionMax: share(0.5, "highest commission a merchant offers [share of price]"),
    liveSkillStart: share(0.1, "lowest live-selling skill of a new merchant; skill draws uniformly from it to it + range [0..1]"),
    liveSkillStartRange: share(0.2, "width of new merchants' live-selling skill [0..1]"),
    startCashBrand: nonneg(3, "extra start cash per unit of brand strength: cash = startCashRmb x (1 + this x brand) (brands come with deeper pockets) [x]"),
  },
  "traits of a new merchant: brand, quality, price, service, credibility, commission, skill, cash",
);

export const MerchantBehaviourSchema = section(
  {
    returnCostShare: share(0.1, "cost of handling a return (shipping, repacking, write-offs) as a share of the returned value [share]"),
    roiCommissionShare: share(0.5, "share of the commission rate counted against paid-traffic sales in their return (part of paid sales go through creators) [share]"),
    roiMemoryDays: z.number().min(1).max(365).default(14).describe("days over which a merchant judges its paid traffic's return (running means of margin and spend) [days]"),
    brokeBudgetFactor: share(0.5, "factor on the paid-traffic budget on a day the merchant's cash is negative: a broke merchant cuts its ads [x]"),
    adoptionRatioMin: positive(0.25, "lowest observed ratio of live to plain sales that self-broadcast adoption responds to (adoption x sqrt(ratio)) [x]"),
    adoptionRatioMax: positive(4, "highest observed ratio of live to plain sales that adoption responds to [x]"),
    adoptionBrandOffset: nonneg(0.5, "added to brand strength in the self-broadcast adoption rate and the day-0 broadcasting chance: x (offset + brand), brands adopt more [1]"),
  },
  "merchants' books and self-broadcast adoption",
);

export const MerchantStrategySchema = section(
  {
    reviewDays: z.number().int().min(1).max(365).default(14).describe("days between a merchant's reviews of its price, quality and commission; merchants review on staggered days [days]"),
    priceStep: nonneg(0.02, "size of a merchant's trial step in its price, per review (hill climbing: kept while profit improves, reversed when it falls); 0 switches price learning off [log units]"),
    qualityStep: nonneg(0.01, "size of a merchant's trial step in product quality, per review; 0 switches quality learning off [0..1]"),
    commissionStep: nonneg(0.005, "size of a merchant's trial step in the commission it offers creators, per review; 0 switches commission learning off [share of price]"),
    imitationProb: share(0.2, "chance at a review that a merchant looks at a random peer of its category and, if the peer earns more per unit of capacity, imitates it; 0 switches imitation off [share]"),
    imitationWeight: share(0.3, "how far an imitating merchant moves its price, quality and commission toward the peer's [share]"),
    qualityCostElasticity: nonneg(1.2, "unit cost of goods rises by exp(elasticity x quality change): better goods cost more to make [1/quality]"),
    priceRangeLog: positive(1.5, "a merchant's price stays within exp(+-this) of the category's reference price [log units]"),
    reinvestShare: share(0.1, "share of a day's profit a merchant reinvests into capacity (assortment, stock, staff); 0 switches growth off [share]"),
    capacityCostRmb: positive(3000, "cost of one unit of capacity (a new merchant has 1), per merchant [RMB]"),
    capacityUpkeepPerDayRmb: nonneg(4, "daily upkeep of each unit of capacity beyond the first, per merchant [RMB/day]"),
    capacityDepreciationPerDay: share(0.01, "share of capacity beyond the first lost each day without reinvestment [1/day]"),
    capacityExponent: z.number().min(0).max(1.5).default(0.7).describe("a merchant's weight in search, in creators' product selection and in the feed rises as capacity^exponent (1: sales in proportion to size, Gibrat) [1]"),
    brandBuildPerDay: share(0.004, "daily gain of brand strength of a merchant that reinvests and sells goods above brandQualityPivot, times (quality - pivot) / (1 - pivot) x (1 - brand) [1/day]"),
    brandDecayPerDay: share(0.004, "daily loss of brand strength of a merchant whose goods are below brandQualityPivot, times (pivot - quality) / pivot x brand [1/day]"),
    brandQualityPivot: share(0.5, "product quality above which sustained investment builds a brand and below which a brand erodes [0..1]"),
    idleExitDays: z.number().int().min(1).max(3650).default(150).describe("a store whose sales run rate promises fewer than one order per merchant in this many days, for this many days in a row, closes (exit for no sales) [days]"),
    runRateMemoryDays: positive(60, "days over which a merchant's sales run rate (for the size bands and the top-1% share) is averaged [days]"),
  },
  "merchants' strategy and growth: learning price, quality and commission; reinvestment into capacity; brand; exit for no sales",
);

export const CreatorTraitsSchema = section(
  {
    nicheVerticalityMin: share(0.7, "lowest verticality of a niche expert; niche experts draw uniformly from min to min + range (clipped at 1) [0..1]"),
    nicheVerticalityRange: share(0.3, "width of niche experts' verticality [0..1]"),
    generalistVerticalityRange: share(0.4, "highest verticality of a generalist (uniform from 0) [0..1]"),
    qualityMean: share(0.5, "mean content quality of a new creator [0..1]"),
    qualitySd: nonneg(0.18, "spread of creators' content quality (normal sd, clipped to 0..1) [0..1]"),
    skillMean: share(0.4, "mean live-selling skill of a new creator [0..1]"),
    skillSd: nonneg(0.18, "spread of creators' live-selling skill (normal sd, clipped to 0..1) [0..1]"),
    credibilityBase: share(0.45, "credibility of a new creator of content quality 0 [0..1]"),
    credibilityQuality: share(0.2, "credibility gained per unit of content quality: good content earns trust before the first sale [0..1]"),
  },
  "traits of a new creator: verticality, quality, skill, credibility",
);

export const CreatorBehaviourSchema = section(
  {
    skillLearningPerLiveDay: share(0.003, "gain of a creator's live-selling skill per live day, as a share of the gap to 1 (practice) [share]"),
    liveFactorNew: nonneg(0.6, "chance of going live of a new creator, as a multiple of liveProbPerDay (small rooms go live less often) [x]"),
    liveFactorGrowing: nonneg(0.85, "chance of going live of a growing creator, as a multiple of liveProbPerDay [x]"),
    liveFactorEstablished: nonneg(1, "chance of going live of an established creator, as a multiple of liveProbPerDay [x]"),
    qualityPracticeGain: share(0.0005, "gain of a creator's content quality on a day it posts a video or goes live, as a share of the gap to 1 (practice) [share]"),
    qualityInvestmentShare: share(0.1, "share of its commission a creator spends on its content (equipment, editing, a team) [share]"),
    qualityInvestmentMaxGain: share(0.001, "largest daily gain of content quality from investment, as a share of the gap to 1: maxGain x spend / (spend + qualityInvestmentHalfRmb), diminishing returns [share]"),
    qualityInvestmentHalfRmb: positive(1, "daily spend on content, per creator, at which investment brings half its largest gain [RMB]"),
    qualityDecayPerDay: share(0.002, "loss of content quality on a day a creator neither posts nor goes live, as a share of its distance to qualityFloor [share]"),
    qualityFloor: share(0.2, "content quality toward which an idle creator's decays [0..1]"),
    earningsMemoryDays: z.number().min(1).max(365).default(30).describe("days over which a creator judges its earnings (running mean of commission per creator, for entry and exit) [days]"),
    followReplaceLeastValued: share(1, "chance that a new follow, when a user's follow slots are full, replaces the least valued followed account (a creator of the lowest content quality, a store of the lowest credibility) rather than a random one (0: random, as attention fades at random) [share]"),
    contentFollowPerUserDay: share(0.01, "chance that an active user follows a creator for its content on a day, over and above follows from exposures and purchases; which creator: fitness x attachment (attachmentExponent) among today's posting creators of an interest (0: off) [1/day]"),
    attachmentExponent: share(0.5, "exponent of a creator's followers in follows from content: weight = content quality x (1 + platform followers / feed.reachFollowersUnit)^exponent; below 1 the attachment is sublinear, the top grows slower than in proportion (Krapivsky, Redner and Leyvraz 2000) [1]"),
  },
  "creators' practice, content quality, follows from content, and live schedule by stage",
);

export const EntryBehaviourSchema = section(
  {
    gmvWindowDays: int(MAX_ENTRY_WINDOW_DAYS, 1, MAX_ENTRY_WINDOW_DAYS, `days of GMV that entrants look at: growth is the last window over the one before (at most ${MAX_ENTRY_WINDOW_DAYS}: the GMV ring holds twice that) [days]`),
    growthMin: positive(0.3, "lowest GMV growth ratio entry responds to (a collapse does not stop entry altogether) [x]"),
    growthMax: positive(4, "highest GMV growth ratio entry responds to (a boom does not flood the platform) [x]"),
    levelMin: positive(0.3, "lowest GMV per merchant against day 0 that entry responds to (entry x sqrt(level)) [x]"),
    levelMax: positive(3, "highest GMV per merchant against day 0 that entry responds to [x]"),
    creatorGrowthElasticity: nonneg(1, "how strongly creator entry follows the platform's recent GMV growth (merchants have their own: merchants.entryGrowthElasticity) [1]"),
    creatorEarningsWeight: share(0.5, "how far creator entry follows the recent earnings E of new creators (per creator) against creators.reservationEarningRmb R: entry x (1 - weight + weight x 2E / (E + R)), 1 when E = R (0: off) [share]"),
    supportBoostSaturation: positive(2, "traffic boost for newcomers at which it counts in full as support for entry: min(1, boost / this) [x]"),
  },
  "entry of creators and merchants: the platform's attractiveness",
);

export const UserBehaviourSchema = section(
  {
    interestAlphaFloor: positive(0.02, "smallest Dirichlet weight of an interest, so a rare category still gets a weight when drawn [alpha]"),
    activityBetaShape: positive(2, "first shape of the beta distribution of users' activity (the second follows from activityMean); larger is less spread [1]"),
    priceSensitivitySpread: nonneg(0.3, "log-normal spread of users' price sensitivity around their segment's mean (mean-preserving) [log units]"),
    priceSensitivityMaxMultiple: z.number().min(1).default(3).describe("highest price sensitivity of a user, as a multiple of the segment mean (the tail is clipped; the purchase bounds use it too) [x]"),
    trustStartSd: nonneg(0.1, "spread of a new user's trust around trustStart (normal sd, clipped to 0..1) [0..1]"),
    churnNeutralSatisfaction: share(0.6, "satisfaction at which a user churns at churnBasePerDay; below it churn rises, above it falls [0..1]"),
    churnMaxPerDay: share(0.5, "highest daily churn probability, however dissatisfied a user is [1/day]"),
  },
  "users' trait draws and churn",
);

export const InitBehaviourSchema = section(
  {
    followerInterestAffinity: share(0.75, "share of day-0 followers of an account drawn from the users whose main interest is its category (the rest at random) [share]"),
    storeFollowsPerBrand: nonneg(15, "day-0 follows of a full-strength brand's store per simulated merchant at merchant resolution 1 (x brand squared: stores of small labels have few followers) [follows]"),
    incumbentCashMultiple: nonneg(3, "cash of a day-0 merchant as a multiple of a new merchant's (profits of years on the platform) [x]"),
    incumbentBroadcastNormaliser: positive(0.75, "divides the brand-tilted chance selfBroadcastStartShare x (adoptionBrandOffset + brand) of a day-0 merchant to broadcast, so about that share does [1]"),
    incumbentLiveSkillMin: share(0.3, "lowest live-selling skill of a merchant already broadcasting at day 0 (uniform from min to min + range) [0..1]"),
    incumbentLiveSkillRange: share(0.4, "width of day-0 broadcasters' live-selling skill [0..1]"),
  },
  "the world at day 0: followers, incumbents' cash and practice (read once, at the start)",
);

export const BehaviourSchema = section(
  {
    feed: FeedBehaviourSchema,
    merchantTraits: MerchantTraitsSchema,
    merchants: MerchantBehaviourSchema,
    merchantStrategy: MerchantStrategySchema,
    creatorTraits: CreatorTraitsSchema,
    creators: CreatorBehaviourSchema,
    entry: EntryBehaviourSchema,
    users: UserBehaviourSchema,
    init: InitBehaviourSchema,
  },
  "behavioural constants of the submodels, with today's calibration as defaults (for sensitivity analysis; strategies change levers)",
);

export type Behaviour = z.infer<typeof BehaviourSchema>;

/**
 * Paths of `behaviour` read once, when the world is built (init.ts) or when
 * reporting starts: an intervention could not reach them (scenario/interventions.ts).
 */
export const BEHAVIOUR_FIXED_AT_START = [
  "behaviour.entry.gmvWindowDays",
  "behaviour.init.followerInterestAffinity",
  "behaviour.init.storeFollowsPerBrand",
  "behaviour.init.incumbentCashMultiple",
  "behaviour.init.incumbentBroadcastNormaliser",
  "behaviour.init.incumbentLiveSkillMin",
  "behaviour.init.incumbentLiveSkillRange",
] as const;
