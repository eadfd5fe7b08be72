/**
 * The scenario schema: the one source of truth for every parameter.
 *
 * It gives the TypeScript types (`Scenario`, via z.infer), validation of
 * scenario files (scenario/load.ts maps zod issues to YAML positions), the JSON
 * Schema for editors (`sim schema`), and the parameter table of docs/MODEL.md.
 * Every field has a default: the defaults are the baseline, so a scenario file
 * states only what differs. Descriptions carry the unit in brackets.
 */
import { z } from "zod";
import { BehaviourSchema } from "./behaviour-schema.js";

const share = (d: number, what: string) => z.number().min(0).max(1).default(d).describe(what);
const nonneg = (d: number, what: string) => z.number().min(0).default(d).describe(what);
const positive = (d: number, what: string) => z.number().positive().default(d).describe(what);
const num = (d: number, what: string) => z.number().default(d).describe(what);
const int = (d: number, min: number, max: number, what: string) =>
  z.number().int().min(min).max(max).default(d).describe(what);
const section = <T extends z.ZodRawShape>(shape: T, what: string) =>
  z.strictObject(shape).prefault({} as never).describe(what);

export const CategorySchema = z
  .strictObject({
    name: z.string().min(1).describe("category name"),
    share: z.number().positive().describe("weight of the category in interests and in new merchants [relative]"),
    refPriceRmb: z.number().positive().describe("reference price of an order [RMB]"),
    priceSpread: z.number().min(0).max(2).describe("log-normal spread of merchants' price levels [log units]"),
    replenishDays: z.number().positive().describe("days until a buyer needs the category again [days]"),
    returnRate: z.number().min(0).max(1).describe("base share of orders returned [share]"),
    grossMargin: z.number().min(0).max(1).describe("merchants' gross margin on sales [share]"),
    liveDemo: z.number().min(0).max(1).describe("how much a live demonstration helps the sale [0..1]"),
  })
  .describe("one row of the category table");

const DEFAULT_CATEGORIES: z.input<typeof CategorySchema>[] = [
  { name: "apparel", share: 0.2, refPriceRmb: 120, priceSpread: 0.5, replenishDays: 60, returnRate: 0.25, grossMargin: 0.45, liveDemo: 0.8 },
  { name: "beauty", share: 0.15, refPriceRmb: 150, priceSpread: 0.5, replenishDays: 45, returnRate: 0.08, grossMargin: 0.6, liveDemo: 1.0 },
  { name: "fresh-food", share: 0.12, refPriceRmb: 60, priceSpread: 0.35, replenishDays: 10, returnRate: 0.05, grossMargin: 0.25, liveDemo: 0.9 },
  { name: "snacks", share: 0.12, refPriceRmb: 45, priceSpread: 0.35, replenishDays: 20, returnRate: 0.03, grossMargin: 0.35, liveDemo: 0.6 },
  { name: "personal-care", share: 0.1, refPriceRmb: 70, priceSpread: 0.4, replenishDays: 30, returnRate: 0.04, grossMargin: 0.45, liveDemo: 0.5 },
  { name: "home", share: 0.1, refPriceRmb: 110, priceSpread: 0.5, replenishDays: 120, returnRate: 0.07, grossMargin: 0.35, liveDemo: 0.5 },
  { name: "mother-baby", share: 0.08, refPriceRmb: 130, priceSpread: 0.45, replenishDays: 30, returnRate: 0.05, grossMargin: 0.35, liveDemo: 0.5 },
  { name: "electronics", share: 0.06, refPriceRmb: 600, priceSpread: 0.6, replenishDays: 365, returnRate: 0.09, grossMargin: 0.15, liveDemo: 0.4 },
  { name: "jewellery", share: 0.04, refPriceRmb: 400, priceSpread: 0.7, replenishDays: 180, returnRate: 0.12, grossMargin: 0.5, liveDemo: 0.9 },
  { name: "books", share: 0.03, refPriceRmb: 50, priceSpread: 0.3, replenishDays: 60, returnRate: 0.02, grossMargin: 0.3, liveDemo: 0.1 },
];

const SegmentNumbers = (fan: number, value: number, casual: number, what: string) =>
  z
    .strictObject({ fan: z.number().default(fan), value: z.number().default(value), casual: z.number().default(casual) })
    .prefault({})
    .describe(what);

export const PopulationSchema = section(
  {
    platformUsers: z.number().int().min(100).max(5_000_000_000).default(300_000_000).describe("users of the platform at day 0, platform scale: the size of the platform simulated [users]"),
    platformCreators: z.number().int().min(1).default(6_000_000).describe("selling creators at day 0, platform scale [creators]"),
    platformMerchants: z.number().int().min(1).default(750_000).describe("merchants at day 0, platform scale [merchants]"),
    users: int(100_000, 100, 50_000_000, "simulated users at day 0: the sample size, which sets the precision and not the platform (one simulated user stands for platformUsers / users users) [users]"),
    merchantResolution: z.number().min(1).max(100).default(4).describe("how many times finer merchants are sampled than users: a simulated merchant stands for (platformUsers / users) / merchantResolution merchants, so merchant-level outcomes are resolved at modest sample sizes [x]"),
    creatorResolution: z.number().min(1).max(100).default(1).describe("how many times finer creators are sampled than users (a simulated creator stands for (platformUsers / users) / creatorResolution creators) [x]"),
    followerScale: z.number().positive().default(3000).describe("platform followers one simulated follow stands for: the follow graph keeps the same number of follows per simulated user at any sample size [followers]"),
    userSaturation: z.number().min(1).max(20).default(2.5).describe("the potential market: users the platform could reach, as a multiple of the day-0 users [x]"),
    capacityFactor: z.number().min(1).max(50).default(12).describe("room for creators and merchants as a multiple of day 0 (entries stop when full) [x]"),
  },
  "the platform's size (platform scale) and the sample that simulates it",
);

export const UsersSchema = section(
  {
    segmentShares: SegmentNumbers(0.3, 0.35, 0.35, "shares of fans, value seekers and casual buyers [share]"),
    activityMean: share(0.45, "mean probability that a user opens the app on a day [1/day]"),
    impressionsPerSession: nonneg(40, "feed items seen in a day's session [items]"),
    interestConcentration: z.number().positive().default(1).describe("Dirichlet concentration of the weights over a user's three interest categories (times categories x share); smaller is more concentrated [alpha]"),
    interestDriftPerDay: share(0.002, "probability a day that a user's weakest interest is replaced by a new one [1/day]"),
    propensitySd: nonneg(1.549, "spread of users' own purchase propensity: sd of a normal utility shift (heavy and light shoppers) [utils]"),
    priceSensitivity: SegmentNumbers(0.8, 2.2, 1.2, "mean price sensitivity per segment (coefficient on log relative price) [1]"),
    trustStart: share(0.5, "mean trust in the platform of a new user [0..1]"),
    satisfactionStart: share(0.6, "satisfaction of a new user [0..1]"),
    churnBasePerDay: share(0.00139, "daily churn probability of a user at neutral satisfaction (about 40% a year) [1/day]"),
    churnSatisfactionWeight: nonneg(4, "how strongly low satisfaction raises churn (exponent per unit of satisfaction below 0.6) [1]"),
    offInterestRelevance: share(0.3, "what a commerce item outside a user's interests is worth to them, relative to one inside [share]"),
    entertainmentValue: share(0.66, "how much a user values a non-commerce feed item (what commerce items are weighed against) [0..1]"),
    satisfactionLearning: share(0.25, "weight of one purchase in the running satisfaction [share]"),
    feedSatisfactionLearning: share(0.01, "weight of one day's feed experience in the running satisfaction [share]"),
    campaignActivityResponse: nonneg(0.3, "extra chance of opening the app per unit of a campaign's traffic push (activity x (1 + response x push)) [1]"),
    festivalStockUp: nonneg(1.5, "a festival buyer's stock lasts this many times the category's restock cycle (pull-forward) [x]"),
    restockJitter: share(0.3, "half-width of the spread of a restock cycle around the category's (uniform, relative) [share]"),
    returnHassle: share(0.15, "satisfaction a return costs the buyer (packing, shipping, waiting) unless a guarantee covers it [0..1]"),
    npsPromoterSatisfaction: share(0.72, "satisfaction at which a user is as likely as not to answer as a promoter (9-10) [0..1]"),
    npsDetractorSatisfaction: share(0.5, "satisfaction at which a user is as likely as not to answer as a detractor (0-6) [0..1]"),
    npsAnswerSd: z.number().positive().default(0.13).describe("spread of a user's answer around their satisfaction (normal sd), the noise of a survey answer [0..1]"),
  },
  "users: segments, activity, interests, trust, satisfaction, churn",
);

export const ChoiceSchema = section(
  {
    intercept: SegmentNumbers(-12.11, -12.52, -12.87, "base utility of buying an offer met in the feed, per segment [utils]"),
    interest: nonneg(2.0, "utility per unit of the user's interest in the category [utils]"),
    quality: nonneg(1.5, "utility per unit of perceived quality (0..1) [utils]"),
    qualityNoise: nonneg(0.15, "noise of perceived quality (sd) [0..1]"),
    credibilityTrust: nonneg(1.6, "utility of seller credibility x user trust [utils]"),
    brand: nonneg(0.6, "utility per unit of brand strength [utils]"),
    following: nonneg(1.4, "bonus when the user follows the account (private domain) [utils]"),
    fanFollowing: nonneg(1.0, "extra following bonus for fans [utils]"),
    liveliness: nonneg(0.9, "bonus of a lively live room for casual users [utils]"),
    needDue: nonneg(1.6, "bonus when the user's need in the category is due [utils]"),
    notDue: nonneg(1.2, "penalty when the user bought the category recently [utils]"),
    liveDemo: nonneg(0.8, "utility of a live demonstration x the category's demo value [utils]"),
    skill: nonneg(0.7, "utility per unit of the seller's live selling skill [utils]"),
    loyalty: nonneg(1.8, "bonus for the merchant the user bought from before and was satisfied with [utils]"),
    searchIntent: nonneg(3.2, "bonus of a user who searched for the category (shelf intent) [utils]"),
  },
  "the logit of a purchase decision (section 3.3)",
);

export const PricesSchema = section(
  {
    referenceWeight: nonneg(1, "utility of the share of the list price an offer costs against the share the user has paid before in the category, per log unit: a deeper discount than the reference is a gain, a shallower one (full price after a subsidy) a loss (0: no reference-price effect) [utils per log unit]"),
    lossAversion: nonneg(2, "how many times a loss (a share of the list price above the reference) weighs more than a gain of the same size (Hardie, Johnson and Fader 1993: about 2) [x]"),
    smoothing: share(0.3, "weight of a purchase's share of the list price paid in the user's reference share in the category (exponential smoothing per purchase; 0: the reference stays at full price) [share per purchase]"),
  },
  "reference prices: users compare the share of the list price they are asked to pay with the share they have paid before in the category; without discounts both are 1 and nothing changes (section 3.3, Reference prices)",
);

export const CreatorsSchema = section(
  {
    followerMedianPlatform: z.number().positive().default(40_000).describe("median followers of a creator at day 0, platform scale [followers]"),
    followerLogSd: nonneg(1.7, "log-normal spread of day-0 followers [log units]"),
    nicheShare: share(0.45, "share of creators who are niche experts (verticality high) [share]"),
    liveProbPerDay: share(0.35, "probability that an established creator goes live on a day [1/day]"),
    productsPerLive: int(4, 1, 8, "products carried per live session [products]"),
    videoProbPerDay: share(0.6, "probability a creator posts a product short video on a day [1/day]"),
    commissionWeight: nonneg(1.0, "how strongly creators pick products by commission (vs. fit and quality) [1]"),
    followProbAfterGoodPurchase: share(0.35, "probability of following the creator after a satisfying purchase [share]"),
    followProbPerExposure: share(0.0012, "probability of following a creator met in the feed, at full interest match [share]"),
    unfollowProbAfterBadPurchase: share(0.5, "probability of unfollowing after a bad purchase [share]"),
    privateVisitProb: share(0.12, "probability that a follower visits a live room of a followed account on an active day [share]"),
    growingFollowersPlatform: nonneg(100_000, "platform-scale followers at which a new creator becomes growing [followers]"),
    establishedFollowersPlatform: nonneg(1_000_000, "platform-scale followers at which a creator becomes established [followers]"),
    newStageDays: int(60, 0, 3650, "days a creator counts as new after entry [days]"),
    entryPerDayPerThousand: nonneg(1, "daily creator entries per thousand creators at neutral attractiveness [creators/day]"),
    entrySupportWeight: nonneg(0.3, "how strongly cold-start support raises creator entry: entry x (1 + weight x min(1, new-creator boost / 2)) [1]"),
    exitAfterIdleDays: int(120, 1, 3650, "days without commission after which a creator leaves [days]"),
    minDailyEarningRmb: nonneg(2, "commission below which a day counts as idle, per creator [RMB]"),
    reservationEarningRmb: positive(2, "daily earning, per creator, that creating must pay to be worth it: entry falls when new creators' recent earnings are below it, and a creator whose recent earnings stay below it leaves (exitBelowReservationDays) [RMB/day]"),
    exitBelowReservationDays: int(180, 0, 3650, "days in a row with recent earnings below the reservation earning after which a creator leaves (0: never; the idle rule still applies) [days]"),
  },
  "creators: followers, verticality, stages, product selection, entry and exit",
);

export const MerchantsSchema = section(
  {
    brandShare: share(0.25, "share of merchants that are brands [share]"),
    commissionMean: share(0.2, "mean commission offered to creators [share of price]"),
    selfBroadcastStartShare: share(0.15, "share of merchants self-broadcasting at day 0 [share]"),
    selfBroadcastAdoptionPerDay: share(0.002, "daily adoption probability of self-broadcast at neutral returns [1/day]"),
    selfBroadcastCostPerDayRmb: nonneg(40, "running cost of a self-broadcast day, per merchant [RMB]"),
    selfBroadcastLearningPerDay: share(0.02, "gain of self-broadcast skill per live day, as a share of the gap to 1 [share]"),
    selfBroadcastLiveProb: share(0.6, "probability that a self-broadcasting merchant is live on a day [1/day]"),
    selfBroadcastAbandonAfterDays: int(60, 1, 3650, "days of self-broadcast losses after which a merchant stops [days]"),
    storeFollowRelativeToCreator: share(0.3, "chance of following a store met in the feed, relative to following a creator of the largest fit [share]"),
    storeFollowProbAfterGoodPurchase: share(0.2, "probability of following the store after a satisfying purchase [share]"),
    paidTrafficBudgetShare: share(0.08, "share of yesterday's sales a merchant starts spending on paid traffic [share]"),
    paidTrafficAdaptation: share(0.1, "daily adjustment of the paid budget toward its return [share]"),
    costPerThousandImpressionsRmb: nonneg(30, "reserve price of a thousand paid impressions, platform scale: the clearing price (bidders' budgets over the paid impressions) is never lower [RMB]"),
    fixedCostPerDayRmb: nonneg(6, "fixed running cost of a merchant, per merchant [RMB/day]"),
    startCashRmb: nonneg(600, "cash of a merchant at entry, per merchant [RMB]"),
    cashFloorRmb: num(-300, "cash below which a merchant is in distress, per merchant [RMB]"),
    exitAfterDistressDays: int(45, 1, 3650, "days in distress after which a merchant exits [days]"),
    entryPerDayPerThousand: nonneg(1.447, "daily merchant entries per thousand merchants at neutral platform growth [merchants/day]"),
    entrySupportWeight: nonneg(0.3, "how strongly support for new merchants raises entry: entry x (1 + weight x (fee-relief share of the take + min(1, new-merchant boost / 2))) [1]"),
    entryGrowthElasticity: nonneg(1.266, "how strongly entry follows the platform's recent GMV growth [1]"),
    salesMarkRmbPlatform: nonneg(1_000_000, "annual sales at which a merchant counts past the mark (merchants_over_mark: its sales run rate x 365), per merchant [RMB/year]"),
  },
  "merchants: prices, brands, self-broadcast, paid traffic, cash, entry and exit",
);

export const TrustSchema = section(
  {
    priorEvidence: nonneg(2, "purchases' worth of evidence a new user's starting trust stands for: trust = (good + 1) / (good + bad + 2), with good + bad = this at the start [purchases]"),
    evidenceHalfLifeDays: positive(365, "half-life of a user's evidence about the platform: old purchases count less (forgetting) [days]"),
    badPurchaseEvidence: nonneg(2, "negative evidence of a bad purchase without guarantee, in good purchases' worth (bad experiences weigh more) [purchases]"),
    refusedReturnEvidence: nonneg(1, "extra negative evidence when a merchant refuses the return of a bad purchase [purchases]"),
    credibilityLearning: share(0.02, "weight of one buyer's experience in a seller's credibility [share]"),
    badThreshold: share(0.35, "satisfaction below which a purchase counts as bad [0..1]"),
    refusedReturnProb: share(0.3, "probability that a merchant refuses a return without a guarantee [share]"),
    experienceQuality: nonneg(0.55, "weight of true product quality in a delivered experience [1]"),
    experienceService: nonneg(0.35, "weight of the seller's service (logistics, after-sales) in a delivered experience [1]"),
    experienceBase: num(0.1, "delivered experience of a product of quality 0 with service 0 [0..1]"),
    experienceSurprise: nonneg(0.8, "weight of true quality minus the quality the buyer perceived: disappointment or pleasant surprise [1]"),
    experienceNoise: nonneg(0.15, "width of the uniform noise of a delivered experience [0..1]"),
    coveredLossShare: share(0.25, "share of a bad purchase's negative evidence that it still counts when the guarantee covers it [share]"),
    coveredFeltExperience: share(0.4, "felt outcome of a covered bad purchase: refund and compensation lift it to at least this [0..1]"),
    badReturnMultiplier: nonneg(3, "returns after a bad purchase, as a multiple of the category's base return rate [x]"),
    goodReturnMultiplier: nonneg(0.7, "returns after a good purchase, as a multiple of the category's base return rate [x]"),
    coveredReturnProb: share(0.8, "probability that a covered bad purchase is returned (returns without argument) [share]"),
  },
  "satisfaction, returns, trust and credibility",
);


export const DemandSchema = section(
  {
    marketArrivalPerDay: share(0.001183, "Bass innovation rate: daily chance that a potential user not yet on the platform joins from the market (advertising, media, the platform's own growth), the exogenous part of growth [1/day]"),
    wordOfMouthPerDay: nonneg(0.05, "Bass imitation rate: daily joins per potential user, per promoter share of the potential market (promoters / potential users): the word-of-mouth part of growth [1/day]"),
    detractorDeterrence: nonneg(1, "how far detractors keep potential users away: market arrivals x max(0, 1 - this x detractor share of users) [1]"),
    discoveryPerItem: nonneg(0.005, "chance that one content item of a category outside a user's interests, at full pull, creates a new interest (discovery) [1/item]"),
    exploreShare: share(0.3, "share of the day's content (non-commerce) items that come from outside the user's interests [share]"),
    discoveryWeight: share(0.3, "interest weight a discovered category takes; the user's other interests give way in proportion [share]"),
    startInterestsMean: z.number().min(1).max(3).default(2).describe("mean number of interest categories a user has on joining (1 + binomial(2, (mean - 1) / 2)); more come from discovery [categories]"),
    interestLossPerDay: share(0.003, "daily chance that a user with more than one interest loses the weakest (an interest fades when content and purchases do not keep it up) [1/day]"),
    purchaseReinforcement: share(0.1, "share of the gap to 1 that an interest's weight gains when the user buys in it (interests fade when others grow) [share]"),
    contentHalfSaturation: positive(1500, "selling creators and merchants in a category per million users at which its content pull is half its quality: pull = quality x s / (s + this) [accounts per 1M users]"),
    merchantContentWeight: nonneg(0.3, "content of a merchant (product videos, its room) as a share of a creator's [x]"),
    activityContentElasticity: nonneg(0.5, "elasticity of the chance of opening the app to the platform's content pull, against contentPullReference [1]"),
    sessionContentElasticity: nonneg(0.5, "elasticity of session length (items seen) to the platform's content pull, against contentPullReference [1]"),
    contentPullReference: positive(0.28, "content pull at which users' activity and session length are as stated in users.activityMean and impressionsPerSession [0..1]"),
  },
  "demand that content creates: users joining (market and word of mouth), interests discovered from content, activity that follows the supply of content",
);

export const AdsSchema = section(
  {
    fatigueHalfLifeDays: positive(90, "half-life, in a user's days on the app, of the memory of unwanted paid items (ad blindness and annoyance build and fade over months) [days]"),
    blindnessPerFatigue: nonneg(0.5, "ad blindness: a paid item's purchase probability is divided by 1 + this x the unwanted paid items a day remembered [1/item]"),
    activityPerFatigue: nonneg(0.08, "relative fall of a user's chance of opening the app per unwanted paid item a day remembered [1/item]"),
    churnPerFatigue: nonneg(0.25, "relative rise of a user's churn per unwanted paid item a day remembered [1/item]"),
    badPaidPurchase: nonneg(3, "unwanted paid items' worth that a bad purchase through a paid item adds to the memory [items]"),
  },
  "paid traffic's history with users: unwanted paid items seen and bad purchases from them wear activity and retention down over months",
);

const Window = {
  startDay: int(0, -10000, 100000, "first day the lever applies [day]"),
  endDay: int(100000, -10000, 100000, "last day the lever applies [day]"),
};

export const LeversSchema = section(
  {
    takeRate: share(0.05, "platform commission on sales [share]"),
    commercialLoad: share(0.2, "share of feed items that are commerce [share]"),
    channelWeights: z
      .strictObject({
        creatorLive: nonneg(1.0, "traffic weight of creator live rooms [relative]"),
        selfBroadcast: nonneg(0.7, "traffic weight of merchant live rooms [relative]"),
        shortVideo: nonneg(0.8, "traffic weight of product short videos [relative]"),
      })
      .prefault({})
      .describe("how the feed weighs the three content-field channels"),
    popularityExponent: share(0.35, "diminishing returns of public-domain reach to followers (0: none, 1: proportional) [1]"),
    consumerSubsidy: section(
      {
        rate: share(0, "discount paid by the platform on eligible orders [share of price]"),
        minBrand: share(0.5, "brand strength an order's merchant needs to be eligible (branded goods) [0..1]"),
        dailyBudgetRmb: nonneg(0, "daily budget, platform scale (0: no daily cap) [RMB]"),
        totalBudgetRmb: nonneg(0, "total budget over the run, platform scale [RMB]"),
        ...Window,
      },
      "consumer subsidy: a platform-funded discount on eligible orders",
    ),
    coupons: section(
      {
        valueRmb: nonneg(0, "coupon value per order, platform scale price [RMB]"),
        newUserDays: int(30, 0, 3650, "users who joined within this many days are eligible [days]"),
        lapsedDays: int(60, 0, 3650, "users with no order for this many days are eligible [days]"),
        totalBudgetRmb: nonneg(0, "total coupon budget, platform scale [RMB]"),
        ...Window,
      },
      "coupons for new or lapsed users",
    ),
    trafficSubsidy: section(
      {
        newMerchantBoost: nonneg(0, "extra traffic weight for new merchants [x]"),
        newCreatorBoost: nonneg(0, "extra traffic weight for new creators (cold start) [x]"),
        selfBroadcastBoost: nonneg(0, "extra traffic weight for merchant live rooms [x]"),
        beltBoost: nonneg(0, "extra traffic weight for the industry-belt cohort [x]"),
        growingMerchantBoost: nonneg(0, "extra traffic weight for growing merchants (incubation): those whose annual sales run rate is at least growingMinAnnualSalesRmb and below the sales mark (merchants.salesMarkRmbPlatform) [x]"),
        growingMinAnnualSalesRmb: nonneg(100_000, "annual sales run rate from which a merchant counts as growing for incubation traffic, per merchant [RMB/year]"),
        newDays: int(60, 0, 3650, "days after entry that count as new [days]"),
        budgetImpressions: nonneg(0, "total subsidised impressions, platform scale [impressions]"),
        cpmRmb: nonneg(56, "price of a thousand subsidised impressions, platform scale, at which the subsidy is counted in RMB (subsidy_traffic_rmb): what the platform forgoes by giving the impressions instead of selling them, so programmes of different kinds compare at equal cost; a measurement that changes nothing simulated, and not subtracted from platform_net (revenue forgone, not paid out) [RMB per 1,000 impressions]"),
        ...Window,
      },
      "traffic subsidy: extra exposure with a budget in impressions",
    ),
    feeRelief: section(
      {
        takeRate: share(0.05, "take rate for supported merchants [share]"),
        newMerchantDays: int(0, 0, 3650, "merchants within this many days of entry get the relief [days]"),
        ...Window,
      },
      "fee relief: a lower take rate for new merchants",
    ),
    trustGuarantee: section(
      {
        coverage: share(0, "share of bad purchases covered (returns without argument, shipping paid, compensation) [share]"),
        costPerClaimRmb: nonneg(15, "platform cost of a covered claim, per claim [RMB]"),
        merchantShare: share(0, "share of a covered claim's cost charged back to the merchant who sold the product: poor quality costs the seller [share]"),
      },
      "trust guarantee",
    ),
    governance: section(
      {
        strength: nonneg(0.5, "how hard sellers with many complaints are demoted in traffic [1]"),
        entryQualityFloor: share(0, "quality below which new merchants are refused entry [0..1]"),
        removalComplaintRate: share(0, "complaint rate (share of bad purchases, running average) above which a seller is removed after removalAfterDays; 0: nobody is removed [share]"),
        removalAfterDays: int(30, 1, 3650, "days a seller's complaint rate must stay above removalComplaintRate before removal [days]"),
      },
      "governance of sellers",
    ),
    paidTraffic: section(
      {
        share: z.number().min(0).max(0.9).default(0.12).describe("share of the commerce items users see that are paid (sold by auction); paid items come on top of the organic commerce load, so a larger share is a heavier ad load [share]"),
        qualityWeight: share(0.6, "weight of quality against the bid in the auction (1: quality only) [share]"),
        targeting: share(0.6, "share of paid impressions that reach users interested in the advertised category (the ad system's targeting); the rest go where the bids are, to users who rarely want them [share]"),
      },
      "paid traffic",
    ),
    selfBroadcast: section(
      {
        support: nonneg(0, "platform push for merchants to self-broadcast (multiplies adoption) [x]"),
      },
      "support for merchant self-broadcast",
    ),
    mallSearch: section(
      {
        searchProb: share(0.12, "probability that a user with a due need searches the mall on an active day [share]"),
        rankingQuality: share(0.5, "how well search ranks by quality and fit (0: random, 1: best) [share]"),
        storeRevisitProb: share(0.18, "probability that a user with a due need revisits a satisfying store on an active day [share]"),
      },
      "mall and search (the shelf)",
    ),
    serviceProviders: section(
      {
        providers: int(0, 0, 100_000_000, "service providers (agencies) on the platform, platform scale [providers]"),
        clientsPerProvider: positive(20, "merchants one provider serves at once: the platform's client slots are providers x this [merchants]"),
        contractDays: int(90, 1, 10_000, "length of a service contract; a merchant who still wants a provider then queues again [day]"),
        feePerDayRmb: nonneg(5, "provider fee per served merchant per day [RMB]"),
        maxFeeShare: nonneg(0.05, "a merchant paying its own provider hires one while the fee is at most this share of its recent daily sales (per real merchant) [share]"),
        platformFunded: z.boolean().default(false).describe("whether the platform pays the fee; its programme then enrols merchants not yet past merchants.salesMarkRmbPlatform"),
        learningBoost: nonneg(1, "extra self-broadcast learning of served merchants [x]"),
        serviceBoost: share(0.1, "service quality gain of served merchants [0..1]"),
        adoptionBoost: nonneg(1, "extra self-broadcast adoption of served merchants (providers incubate hosts): adoption x (1 + this) [x]"),
        capacityGrowthPerDay: nonneg(0, "growth of the number of providers on a day merchants wait for one (0 = fixed) [share/day]"),
      },
      "service providers (agencies, 服务商): limited client slots, paid by merchants or by the platform",
    ),
    fulfilment: section(
      {
        share: share(0, "share of merchants using the cloud warehouse [share]"),
        serviceBoost: share(0.15, "service quality gain [0..1]"),
        returnReduction: share(0.3, "relative reduction of returns [share]"),
        costPerOrderRmb: nonneg(2, "fulfilment cost per order [RMB]"),
      },
      "fulfilment (cloud warehouse)",
    ),
    industryBelt: section(
      {
        merchants: int(0, 0, 100_000_000, "producers brought in as a cohort, platform scale [merchants]"),
        category: z.string().default("fresh-food").describe("category of the cohort"),
        day: int(30, 0, 100000, "day the cohort arrives [day]"),
        takeRate: share(0.01, "take rate of the cohort [share]"),
      },
      "industry-belt programme: a cohort of low-price, sound-quality, weak-brand producers",
    ),
    campaigns: z
      .array(
        z.strictObject({
          name: z.string().default("campaign"),
          startDay: z.number().int().min(0).describe("first day [day]"),
          days: z.number().int().min(1).max(60).describe("length [days]"),
          discount: share(0.1, "platform-funded discount [share of price]"),
          trafficPush: nonneg(0.5, "extra activity and commerce attention during the campaign [x]"),
          budgetRmb: nonneg(0, "campaign budget, platform scale (0: no cap) [RMB]"),
        }),
      )
      .default([])
      .describe("dated shopping festivals"),
  },
  "platform levers (MODEL.md section 3.4), all schedulable",
);

export const DeliverySchema = section(
  {
    baseDays: z.number().positive().default(3).describe("mean delivery time of an order shipped by the merchant itself [days]"),
    spreadDays: nonneg(1, "half-width of the uniform spread of an order's delivery time around its mean [days]"),
    warehouseDaysSaved: nonneg(1.5, "days the cloud warehouse (levers.fulfilment) takes off the delivery of a merchant using it: stock near the buyer [days]"),
    minDays: z.number().positive().default(0.5).describe("shortest delivery time, before any delay of a shock [days]"),
    expectedDays: z.number().positive().default(3).describe("the delivery time buyers expect: the platform's usual delivery time, against which a delivery is confirmed or disconfirmed [days]"),
    weight: nonneg(0.15, "change of a purchase's experience per unit of relative disconfirmation, (expected - actual) / expected (0: delivery time does not matter) [0..1]"),
    worstRelativeDelay: z.number().positive().default(1).describe("relative delay, (actual - expected) / expected, beyond which a later delivery disappoints no further [x]"),
  },
  "delivery time of orders, and how it confirms or disconfirms buyers' expectation (expectation-confirmation)",
);

export const ShockSchema = z
  .strictObject({
    startDay: z.number().int().min(0).max(100000).describe("first day of the shock [day]"),
    days: z.number().int().min(1).max(3650).describe("length of the shock [days]"),
    regionShare: share(1, "share of users whose region the shock hits (users are placed uniformly; 1: everyone) [share]"),
    deliveryDelayDays: nonneg(0, "extra delivery time of orders to users in the region during the shock [days]"),
    merchantClosureShare: share(0, "share of active merchants that close for good on the shock's first day [share]"),
    demandDrop: share(0, "relative drop of the chance that a user in the region opens the app during the shock [share]"),
    note: z.string().optional().describe("what the shock stands for"),
  })
  .describe("a dated shock: a region's deliveries delayed, merchants closed, demand down");

export const InterventionSchema = z
  .strictObject({
    at: z.number().int().min(0).describe("day the change applies [day]"),
    until: z.number().int().min(0).optional().describe("day the previous values come back (exclusive) [day]"),
    set: z.record(z.string(), z.unknown()).describe("parameter paths (levers.consumerSubsidy.rate) and their values"),
    note: z.string().optional(),
  })
  .describe("a scheduled change of parameters");

export const ScenarioSchema = z
  .strictObject({
    name: z.string().regex(/^[A-Za-z0-9._-]+$/, "letters, digits, '.', '_' or '-'").default("scenario").describe("name of the scenario and of its report folder"),
    description: z.string().default("").describe("what the scenario represents"),
    extends: z.string().optional().describe("scenario file this one starts from (a path relative to this file)"),
    horizonDays: int(365, 1, 3650, "days simulated and reported [days]"),
    warmupDays: int(30, 0, 365, "days simulated before day 0 and not reported [days]"),
    population: PopulationSchema,
    categories: z.array(CategorySchema).min(2).max(16).default(DEFAULT_CATEGORIES as never).describe("the category table"),
    users: UsersSchema,
    choice: ChoiceSchema,
    prices: PricesSchema,
    creators: CreatorsSchema,
    merchants: MerchantsSchema,
    trust: TrustSchema,
    demand: DemandSchema,
    ads: AdsSchema,
    behaviour: BehaviourSchema,
    levers: LeversSchema,
    delivery: DeliverySchema,
    shocks: z.array(ShockSchema).default([]).describe("dated shocks (a lockdown, a logistics breakdown): delivery delays, merchant closures and lower demand in a region"),
    interventions: z.array(InterventionSchema).default([]).describe("the schedule of interventions"),
  })
  .describe("a scenario of the live-commerce simulator");

export type Scenario = z.infer<typeof ScenarioSchema>;
export type Category = z.infer<typeof CategorySchema>;
export type Levers = Scenario["levers"];
export type Intervention = z.infer<typeof InterventionSchema>;
export type Shock = z.infer<typeof ShockSchema>;

/** The JSON Schema of scenario files, for editors (`sim schema`). */
export function scenarioJsonSchema(): object {
  return z.toJSONSchema(ScenarioSchema, { io: "input", unrepresentable: "any" });
}
