/**
 * Demo content for the seed: fictional brands, hand-written "classic" service
 * stories, and templates/replies the seed generator combines into ~300 posts.
 *
 * Data only, no logic. Every brand, person, phone number and address here is
 * invented: domains live under the reserved .example TLD, phone numbers use
 * the +00 / 555 ranges and emails end in .example.
 */
import type { Category, Channel, Sector } from '../../src/domain/vocabulary.ts';

export interface DemoBrand {
  slug: string;
  name: string;
  /** Always under the reserved .example TLD. */
  domain: string;
  sector: Sector;
  /** ISO 3166 alpha-2 or null. */
  country: string | null;
  /** 1-2 sentences. */
  description: string;
  contact: {
    phone: string | null;
    email: string | null;
    chatUrl: string | null;
    social: Record<string, string>;
    openingHours: string | null;
  };
  verified: boolean;
  /** 0..1: how good the brand's service is; drives how the seeded threads go (reply rate, promises kept, resolutions). */
  quality: number;
  /** 0..1: how much the brand uses copy-paste scripted replies. */
  cannedness: number;
}

export interface ClassicThreadStep {
  by: 'author' | 'brand';
  /** brand steps may use {name} (customer's first name) and {agent} (replying agent's first name) */
  body: string;
  /** brand steps only: after this many hours from the post */
  afterHours: number;
  /** brand promises a date this many days after the step */
  promiseInDays?: number;
  /** brand proposes a resolution with this step */
  proposeResolution?: boolean;
}

export interface ClassicStory {
  brandSlug: string;
  kind: 'like' | 'fail';
  title: string;
  story: string;
  category: Category;
  channel: Channel;
  waitMinutes: number | null;
  country: string | null;
  /** how many days ago the experience happened (between 2 and 400) */
  daysAgo: number;
  thread: ClassicThreadStep[];
  /** fails only; null = no verdict yet */
  verdict: { resolved: boolean; wouldBuyAgain: boolean } | null;
  /** if the thread has a promise: was it kept */
  promiseKept?: boolean;
}

export interface StoryTemplate {
  kind: 'like' | 'fail';
  sectors: Sector[] | 'any';
  category: Category;
  channel: Channel;
  /** ≤ 120 chars; may contain {brand}, {product}, {days}, {minutes} */
  title: string;
  /** may contain the same placeholders; paragraphs separated by "\n\n" */
  story: string;
  /** range for the generator, or null */
  waitMinutes: [number, number] | null;
}

// ---------------------------------------------------------------------------
// Brands
// ---------------------------------------------------------------------------

export const DEMO_BRANDS: DemoBrand[] = [
  {
    slug: 'northwind-telecom',
    name: 'Northwind Telecom',
    domain: 'northwind-telecom.example',
    sector: 'telecom',
    country: 'BE',
    description:
      'Broadband, TV and mobile provider serving around two million homes. Known for its fast fibre roll-out and a support line that gets very busy on match days.',
    contact: {
      phone: '+00 32 555 0100',
      email: 'care@northwind-telecom.example',
      chatUrl: 'https://northwind-telecom.example/help/chat',
      social: {
        x: 'https://x.example/NorthwindCare',
        facebook: 'https://facebook.example/northwindtelecom',
      },
      openingHours: 'Mon-Sat 08:00-22:00, Sun 10:00-18:00',
    },
    verified: true,
    quality: 0.6,
    cannedness: 0.45,
  },
  {
    slug: 'vantrel-mobile',
    name: 'Vantrel Mobile',
    domain: 'vantrel-mobile.example',
    sector: 'telecom',
    country: 'FR',
    description:
      'Low-cost mobile and home internet provider with bundle deals advertised everywhere. Customer support runs mostly through a chat assistant and letters.',
    contact: {
      phone: '+00 33 555 0199',
      email: null,
      chatUrl: 'https://vantrel-mobile.example/assistance',
      social: { x: 'https://x.example/VantrelMobile' },
      openingHours: 'Mon-Fri 09:00-17:00',
    },
    verified: false,
    quality: 0.2,
    cannedness: 0.85,
  },
  {
    slug: 'bluefjord-air',
    name: 'Bluefjord Air',
    domain: 'bluefjord-air.example',
    sector: 'airlines',
    country: 'NO',
    description:
      'Nordic airline flying to about sixty European destinations from Bergen and Oslo. Its app rebooks passengers and issues vouchers automatically during disruptions.',
    contact: {
      phone: '+00 47 555 0123',
      email: 'help@bluefjord-air.example',
      chatUrl: 'https://bluefjord-air.example/chat',
      social: {
        instagram: 'https://instagram.example/bluefjordair',
        x: 'https://x.example/BluefjordAir',
      },
      openingHours: 'Every day, 24 hours',
    },
    verified: true,
    quality: 0.88,
    cannedness: 0.2,
  },
  {
    slug: 'heathglow-energy',
    name: 'Heathglow Energy',
    domain: 'heathglow-energy.example',
    sector: 'energy',
    country: 'IE',
    description:
      'Electricity and gas supplier for homes and small businesses, with smart meters and a renewable tariff.',
    contact: {
      phone: '+00 353 555 0142',
      email: 'hello@heathglow-energy.example',
      chatUrl: null,
      social: { facebook: 'https://facebook.example/heathglowenergy' },
      openingHours: 'Mon-Fri 08:00-20:00, Sat 09:00-13:00',
    },
    verified: true,
    quality: 0.45,
    cannedness: 0.6,
  },
  {
    slug: 'larkspire-bank',
    name: 'Larkspire Bank',
    domain: 'larkspire-bank.example',
    sector: 'banking',
    country: 'DE',
    description:
      'Retail bank with a large branch network and a mobile app, offering current accounts, cards, loans and mortgages.',
    contact: {
      phone: '+00 49 555 0177',
      email: null,
      chatUrl: 'https://larkspire-bank.example/app/chat',
      social: { x: 'https://x.example/LarkspireHelp' },
      openingHours: 'Mon-Fri 08:00-18:00; card blocking 24/7',
    },
    verified: true,
    quality: 0.35,
    cannedness: 0.7,
  },
  {
    slug: 'quillfeather-mutual',
    name: 'Quillfeather Mutual',
    domain: 'quillfeather-mutual.example',
    sector: 'banking',
    country: 'NL',
    description:
      'Member-owned insurer for home, car and travel. Each claim gets one named handler from start to finish.',
    contact: {
      phone: '+00 31 555 0150',
      email: 'claims@quillfeather-mutual.example',
      chatUrl: null,
      social: { mastodon: 'https://social.example/@quillfeather' },
      openingHours: 'Mon-Fri 08:30-19:00; emergency claims line 24/7',
    },
    verified: true,
    quality: 0.92,
    cannedness: 0.1,
  },
  {
    slug: 'cratewise',
    name: 'Cratewise Marketplace',
    domain: 'cratewise.example',
    sector: 'ecommerce',
    country: null,
    description:
      'Online marketplace where thousands of independent sellers list everything from fridges to phone cases, backed by a buyer guarantee.',
    contact: {
      phone: null,
      email: 'buyers@cratewise.example',
      chatUrl: 'https://cratewise.example/help',
      social: {
        x: 'https://x.example/CratewiseHelp',
        instagram: 'https://instagram.example/cratewise',
      },
      openingHours: 'Mon-Sun 08:00-22:00',
    },
    verified: false,
    quality: 0.5,
    cannedness: 0.55,
  },
  {
    slug: 'glintwell-electronics',
    name: 'Glintwell Electronics',
    domain: 'glintwell-electronics.example',
    sector: 'electronics',
    country: null,
    description:
      'Maker of budget laptops, tablets and smart home gadgets sold online and in large stores. Warranty repairs are handled by partner workshops.',
    contact: {
      phone: '+00 555 0161 000',
      email: 'warranty@glintwell-electronics.example',
      chatUrl: null,
      social: { facebook: 'https://facebook.example/glintwell' },
      openingHours: 'Mon-Fri 09:00-17:30',
    },
    verified: false,
    quality: 0.3,
    cannedness: 0.6,
  },
  {
    slug: 'aldermoor-audio',
    name: 'Aldermoor Audio',
    domain: 'aldermoor-audio.example',
    sector: 'electronics',
    country: 'DK',
    description: 'Danish maker of headphones and speakers with a small, hands-on support team.',
    contact: {
      phone: '+00 45 555 0108',
      email: 'support@aldermoor-audio.example',
      chatUrl: 'https://aldermoor-audio.example/support',
      social: {
        instagram: 'https://instagram.example/aldermooraudio',
        x: 'https://x.example/AldermoorAudio',
      },
      openingHours: 'Mon-Fri 08:00-21:00, Sat-Sun 10:00-18:00',
    },
    verified: true,
    quality: 0.9,
    cannedness: 0.1,
  },
  {
    slug: 'pinebyte-hosting',
    name: 'Pinebyte Hosting',
    domain: 'pinebyte-hosting.example',
    sector: 'hosting',
    country: 'FR',
    description:
      'Cheap shared hosting and domain registrar popular with small online shops. Support is by email only.',
    contact: {
      phone: null,
      email: 'support@pinebyte-hosting.example',
      chatUrl: null,
      social: {},
      openingHours: null,
    },
    verified: false,
    quality: 0.2,
    cannedness: 0.5,
  },
  {
    slug: 'brightwren-cloud',
    name: 'Brightwren Cloud',
    domain: 'brightwren-cloud.example',
    sector: 'hosting',
    country: 'PT',
    description:
      'Managed databases and servers for small teams, with engineers staffing the support chat around the clock.',
    contact: {
      phone: '+00 351 555 0137',
      email: 'support@brightwren-cloud.example',
      chatUrl: 'https://brightwren-cloud.example/console/support',
      social: { mastodon: 'https://social.example/@brightwren' },
      openingHours: 'Every day, 24 hours',
    },
    verified: true,
    quality: 0.9,
    cannedness: 0.05,
  },
  {
    slug: 'ferrovale-rail',
    name: 'Ferrovale Rail',
    domain: 'ferrovale-rail.example',
    sector: 'transport',
    country: 'IT',
    description:
      'Intercity and regional train operator running about 900 services a day. Delay refunds can be claimed online or by post.',
    contact: {
      phone: '+00 39 555 0190',
      email: 'customer.relations@ferrovale-rail.example',
      chatUrl: null,
      social: { x: 'https://x.example/FerrovaleInfo' },
      openingHours: 'Mon-Sun 07:00-21:00',
    },
    verified: true,
    quality: 0.55,
    cannedness: 0.65,
  },
  {
    slug: 'oakhollow-home',
    name: 'Oakhollow Home',
    domain: 'oakhollow-home.example',
    sector: 'retail',
    country: 'GB',
    description:
      'Furniture and homeware retailer with forty stores and an online shop. Store service desks can settle most problems on the spot.',
    contact: {
      phone: '+00 44 555 0115',
      email: 'service@oakhollow-home.example',
      chatUrl: 'https://oakhollow-home.example/chat',
      social: {
        instagram: 'https://instagram.example/oakhollowhome',
        facebook: 'https://facebook.example/oakhollowhome',
      },
      openingHours: 'Mon-Sat 09:00-20:00, Sun 11:00-17:00',
    },
    verified: true,
    quality: 0.87,
    cannedness: 0.2,
  },
  {
    slug: 'brackwater-civic',
    name: 'Brackwater Civic Services',
    domain: 'brackwater-civic.example',
    sector: 'public',
    country: 'GB',
    description:
      'Contact centre of the Borough of Brackwater for waste collection, parking permits, council tax and housing.',
    contact: {
      phone: '+00 44 555 0180',
      email: 'contact@brackwater-civic.example',
      chatUrl: null,
      social: { facebook: 'https://facebook.example/brackwatercivic' },
      openingHours: 'Mon-Fri 09:00-16:30',
    },
    verified: false,
    quality: 0.35,
    cannedness: 0.75,
  },
  {
    slug: 'puddlestone-fitness',
    name: 'Puddlestone Fitness',
    domain: 'puddlestone-fitness.example',
    sector: 'other',
    country: 'ES',
    description:
      'Chain of 24-hour gyms with low monthly fees. Memberships are managed in the app; cancellations are handled by phone or by post.',
    contact: {
      phone: '+00 34 555 0166',
      email: 'members@puddlestone-fitness.example',
      chatUrl: null,
      social: { instagram: 'https://instagram.example/puddlestonefit' },
      openingHours: 'Mon-Fri 10:00-14:00',
    },
    verified: false,
    quality: 0.3,
    cannedness: 0.8,
  },
  {
    slug: 'parcelwick',
    name: 'Parcelwick Delivery',
    domain: 'parcelwick.example',
    sector: 'other',
    country: 'DE',
    description:
      'Parcel carrier delivering for online shops. Private customers are supported through a chat assistant.',
    contact: {
      phone: null,
      email: null,
      chatUrl: 'https://parcelwick.example/help',
      social: { x: 'https://x.example/Parcelwick' },
      openingHours: null,
    },
    verified: false,
    quality: 0.2,
    cannedness: 0.9,
  },
];

// ---------------------------------------------------------------------------
// Classic stories (hand-written, replayed as-is by the seed)
// ---------------------------------------------------------------------------

export const CLASSIC_STORIES: ClassicStory[] = [
  // 1. TV-and-internet box down on the day of the final, fixed after going public.
  {
    brandSlug: 'northwind-telecom',
    kind: 'fail',
    title: 'TV box dead on the night of the cup final, and the first free technician slot was nine days away',
    story:
      'Sunday, 18:40, an hour and twenty minutes before the cup final kicked off, my Northwind TV box went black and the internet light turned red. I restarted it three times, swapped the cable and did the factory reset the help page suggests. Nothing.\n\nI called the support line and waited 52 minutes on hold with the same eleven seconds of music. The agent was polite, ran the same reset I had already done, then booked a technician for Tuesday. Not this Tuesday: the one after, nine days away. I pay €64.90 a month for the TV-and-internet bundle, and I watched the second half on my phone over mobile data, which ate my whole monthly allowance.\n\nI am posting this because I keep reading that things only move once they are public. I would love to be proven wrong. Customer number and box serial are ready for whoever picks this up.',
    category: 'defect',
    channel: 'phone',
    waitMinutes: 52,
    country: 'BE',
    daysAgo: 38,
    thread: [
      {
        by: 'brand',
        body: "Hello {name}, I'm {agent} from the Northwind care team. I'm sorry you missed the final, that is exactly the evening nobody wants a dead box. I found your line: the fault is in the street cabinet, not in your box, and a technician will be with you tomorrow between 08:00 and 12:00. I'll check back here once he has been.",
        afterHours: 3,
        promiseInDays: 1,
      },
      {
        by: 'author',
        body: 'The technician came at 09:15 this morning, replaced a card in the street cabinet and everything works again. Good result, but it took a public post to get a slot tomorrow instead of in nine days.',
        afterHours: 28,
      },
      {
        by: 'brand',
        body: 'Thank you for confirming, {name}. I have added a credit of €21.60 to your next bill for the days without service and the mobile data you had to use. Can you confirm the case is resolved for you?',
        afterHours: 31,
        proposeResolution: true,
      },
    ],
    verdict: { resolved: true, wouldBuyAgain: false },
    promiseKept: true,
  },
  // 2. Modem fee demanded from tornado victims; waived after the outcry.
  {
    brandSlug: 'vantrel-mobile',
    kind: 'fail',
    title:
      'Our house was flattened by the tornado and Vantrel sent a €149 bill for the modem that was inside it',
    story:
      "On 14 June a tornado went through our village. Our house is gone: the roof, the upstairs, the living room where the Vantrel modem sat on a shelf. We are staying with my sister while the insurers argue.\n\nThree weeks later a letter arrived, forwarded by the post office, saying that since our line had been cut we had to return the rented modem within 14 days or pay €149 for 'unreturned equipment'. I called and explained that the modem is somewhere under what is left of our roof. The agent said the system has no option for that and that I could 'send a photo of the damaged device'.\n\nAt least nine other families on our street got the same letter. Most of us have no idea where our modems ended up, and frankly it is the last thing on our minds. We are not asking for a gift, just for someone at Vantrel to look at a map of the storm and use some common sense.",
    category: 'billing',
    channel: 'mail',
    waitMinutes: null,
    country: 'FR',
    daysAgo: 120,
    thread: [
      {
        by: 'author',
        body: 'Update: my neighbour got a reminder letter today, with a €15 late fee added. Still no answer here.',
        afterHours: 20,
      },
      {
        by: 'brand',
        body: 'Hello {name}. We have read your post and the comments from your neighbours. You are right, and we are sorry for these letters. We have waived the equipment fee and any late fees for every customer in the affected postcodes, and closed the lines without early-termination charges. You will receive written confirmation within 10 days.',
        afterHours: 52,
        promiseInDays: 10,
        proposeResolution: true,
      },
      {
        by: 'author',
        body: 'The letter arrived yesterday: €0 balance, contract closed, no fees. Thank you to everyone who shared this post. It should not have needed it.',
        afterHours: 240,
      },
    ],
    verdict: { resolved: true, wouldBuyAgain: false },
    promiseKept: true,
  },
  // 3. Cancellation call drowned in retention pitches.
  {
    brandSlug: 'puddlestone-fitness',
    kind: 'fail',
    title:
      'It took 34 minutes on hold and four retention offers to cancel a gym membership I had already cancelled by post',
    story:
      "I moved to another city in March, so I wanted to cancel my Puddlestone Fitness membership (€39.99 a month). The app has no cancel button, only a line saying that cancellations are handled 'personally, by phone'. Fine.\n\nI waited 34 minutes to get through. Then it started. Would I like to freeze instead, for €9 a month? No. A partner gym in my new city? There isn't one within 40 km, I checked. Three months at half price? No. A free session with a personal trainer? I said 'I want to cancel' seven times, I counted. Each time the agent answered with another offer, read in the same voice, before finally saying the cancellation was 'registered'.\n\nIn April I was charged again. When I called back, nobody could find a record of that call. I had also sent a registered letter in March, exactly as the contract requires, and I have the receipt.",
    category: 'cancellation',
    channel: 'phone',
    waitMinutes: 34,
    country: 'ES',
    daysAgo: 75,
    thread: [
      {
        by: 'brand',
        body: 'We are sorry for the inconvenience. Please send us your membership number and details by private message so that our team can look into this.',
        afterHours: 70,
      },
      {
        by: 'author',
        body: 'I sent my membership number, the registered-mail receipt and my bank statement by private message four days ago. Charged again on 1 May. No reply.',
        afterHours: 140,
      },
    ],
    verdict: { resolved: false, wouldBuyAgain: false },
  },
  // 4. Phishing victim misunderstood by a scripted agent at a bank.
  {
    brandSlug: 'larkspire-bank',
    kind: 'fail',
    title: "Phished out of €2,340, and the bank's chat agent kept sending me the password-reset guide",
    story:
      "On a Tuesday evening I got a text that looked exactly like Larkspire's, about a 'blocked payment'. I clicked, logged in and confirmed a code. Within twenty minutes two transfers left my current account, €1,490 and €850, to an account abroad. I realised what had happened straight away, and that is when the second problem began.\n\nThe emergency number on the back of my card led to a menu that sent me to the chat. I waited 25 minutes and wrote, as clearly as I could: 'I am a fraud victim, two transfers were made without my consent, please block my account and recall them.' The reply was a link to 'How to reset your password'. I repeated myself. Same link, plus 'I understand your frustration'. Third attempt, same thing, and then the chat closed itself with a satisfaction survey.\n\nI drove to my branch the next morning. The person there blocked the account in two minutes, but by then the money was long gone.",
    category: 'responsiveness',
    channel: 'chat',
    waitMinutes: 25,
    country: 'DE',
    daysAgo: 62,
    thread: [
      {
        by: 'brand',
        body: 'Dear customer, we are sorry for the inconvenience. For your security, never share your login details with anyone. Please contact us through the secure chat in our app.',
        afterHours: 18,
      },
      {
        by: 'author',
        body: 'This is exactly the reply I got three times in the chat. I need someone to open a fraud case, not a security tip.',
        afterHours: 20,
      },
      {
        by: 'brand',
        body: 'Hello {name}, my name is {agent} and I work in the fraud team. I apologise, both for the chat and for the reply above: your message should have come straight to us. I have opened a fraud case and sent recall requests for both transfers. You will have our decision on a refund within 10 working days, and I will call you myself either way.',
        afterHours: 44,
        promiseInDays: 14,
      },
      {
        by: 'author',
        body: 'The fraud team called on day 9, as promised. The €850 transfer was recalled and the bank refunded the other €1,490 as a goodwill gesture. Relieved, but still angry about that chat.',
        afterHours: 300,
      },
      {
        by: 'brand',
        body: 'Thank you for letting us know. Both amounts are back on your account, and your feedback about the chat has gone to the team that builds it. May we mark this case as resolved?',
        afterHours: 310,
        proposeResolution: true,
      },
    ],
    verdict: { resolved: true, wouldBuyAgain: false },
    promiseKept: true,
  },
  // 5. Outsourced repair shop taking weeks to fix a laptop.
  {
    brandSlug: 'glintwell-electronics',
    kind: 'fail',
    title: "Laptop under warranty sent to Glintwell's repair partner: five weeks, three statuses, no laptop",
    story:
      "My Glintwell laptop (€1,129, eleven months old) started shutting down whenever the battery dropped below 40%. I filed a warranty request through the web form and a courier picked it up two days later. So far, so good.\n\nThen the laptop disappeared into a repair centre run by a subcontractor. For the first week the tracking page said 'Received'. Week two: 'Awaiting parts'. Week three: 'Received' again. When I called Glintwell, they said they cannot see inside the partner's system and gave me the partner's email address. The partner replied once, to say I should contact Glintwell because I am 'their customer'.\n\nI am a freelance translator. I bought a €300 stopgap laptop to keep working and lost two days reinstalling everything. Five weeks after pickup I still don't know whether anyone has even opened the case.",
    category: 'defect',
    channel: 'webform',
    waitMinutes: null,
    country: 'NL',
    daysAgo: 95,
    thread: [
      {
        by: 'brand',
        body: "Hi {name}, I'm {agent} and I'm sorry about this: five weeks is far beyond our 10-day repair target. I have escalated your case with the repair partner and asked for the laptop to be repaired or returned within 7 days. I'll update you here.",
        afterHours: 26,
        promiseInDays: 7,
      },
      {
        by: 'author',
        body: "Seven days have passed since the promise. Tracking still says 'Awaiting parts'.",
        afterHours: 216,
      },
      {
        by: 'brand',
        body: 'The partner has now confirmed the motherboard is back-ordered with no date. That is not acceptable, so we are shipping you a new laptop of the same model tomorrow by express courier and cancelling the repair. Would that resolve this for you?',
        afterHours: 230,
        proposeResolution: true,
      },
      {
        by: 'author',
        body: 'The new laptop arrived this morning. Thank you. But the repair partner is the weak link, please fix that.',
        afterHours: 260,
      },
    ],
    verdict: { resolved: true, wouldBuyAgain: false },
    promiseKept: false,
  },
  // 6. Letter lost after the company moved; ticket forwarded internally, never answered.
  {
    brandSlug: 'ferrovale-rail',
    kind: 'fail',
    title:
      "Posted a delay-refund claim to the address on Ferrovale's website. They had moved. Four months of silence.",
    story:
      "In January my 07:12 train was cancelled and the next one arrived 2 hours 10 minutes late, which entitles me to a 50% refund on my €96 ticket. The refund page said paper claims go to the Customer Relations office, with a street address, so I posted my form with the original ticket attached.\n\nSix weeks later, nothing. I called and learnt that Customer Relations had moved to another city in December and that mail to the old address 'may not be forwarded'. The website still showed the old address. The agent opened a ticket, said it would be 'forwarded internally to the refunds team' and gave me a reference number.\n\nThat was four months ago. I have called three more times. Each time the ticket is there, marked 'forwarded', and nobody can tell me who it was forwarded to. My original ticket is probably lying in an empty office.",
    category: 'billing',
    channel: 'mail',
    waitMinutes: null,
    country: 'IT',
    daysAgo: 150,
    thread: [
      {
        by: 'brand',
        body: 'Hello, we are sorry for the inconvenience. Your request has been forwarded to the competent department, which will contact you as soon as possible.',
        afterHours: 96,
      },
      {
        by: 'author',
        body: 'A month after that reply: nothing. The website still lists the old address, by the way.',
        afterHours: 820,
      },
    ],
    verdict: null,
  },
  // 7. Ten-day domain change at a web host with no ticket system.
  {
    brandSlug: 'pinebyte-hosting',
    kind: 'fail',
    title: "Ten days to point a domain at my site, because Pinebyte's only support channel is a shared inbox",
    story:
      "I run a small online pottery shop. On a Monday I asked Pinebyte to change the primary domain on my hosting plan, a five-minute job that the control panel doesn't let customers do themselves. There is no ticket system and no phone, only a support address and a promise of 'replies within 24 business hours'.\n\nDay 3: an automatic reply saying my message had been received. Day 5: an answer asking which domain, although both were in the subject line. Day 6: I answered within four minutes. Day 8: a different person asked me to prove I owned the account by writing from the account email, which I had done every single time. Day 10: the change was made, at 23:40, and it broke my SSL certificate until the next morning.\n\nMeanwhile the shop showed my old test site to every visitor. I estimate I lost about €600 of orders in the busiest fortnight before Christmas.",
    category: 'responsiveness',
    channel: 'email',
    waitMinutes: null,
    country: 'FR',
    daysAgo: 200,
    thread: [
      {
        by: 'brand',
        body: 'Hi, sorry for the delay, we had a high volume of requests. Your domain is configured now. Regards, Pinebyte Support.',
        afterHours: 200,
      },
      {
        by: 'author',
        body: 'Yes, I know, it has been configured for four days. Is there any plan for a ticket system, so the next person does not have to start over with every email?',
        afterHours: 210,
      },
    ],
    verdict: { resolved: true, wouldBuyAgain: false },
  },
  // 8. Replacement shipped free overnight after one public message (like).
  {
    brandSlug: 'aldermoor-audio',
    kind: 'like',
    title:
      'One message on social media on Thursday night, replacement headphones on my doorstep Friday morning',
    story:
      "My Aldermoor wireless headphones, bought four months ago for €249, started crackling in the left ear and then went silent. I was flying to a conference on Saturday and had been looking forward to the noise cancelling, so on Thursday around 21:00 I sent Aldermoor a short message on social media, half expecting a link to a form.\n\nTwenty minutes later someone called Signe answered. She asked for the serial number and a photo of the receipt, said it sounded like a known fault in an early batch, and told me not to bother sending the old pair first. A new pair went out by overnight courier at no charge, with a prepaid bag to return the faulty ones whenever it suited me.\n\nThe courier rang at 09:30 on Friday. No form, no troubleshooting script, no 'have you tried turning it off and on again'. This is how you keep a customer for life.",
    category: 'defect',
    channel: 'social',
    waitMinutes: null,
    country: 'DK',
    daysAgo: 20,
    thread: [
      {
        by: 'brand',
        body: 'Thank you for sharing this! Signe was very happy to read it. Enjoy the conference, and the quiet flight.',
        afterHours: 30,
      },
    ],
    verdict: null,
  },
  // 9. The one agent who knew the case went on holiday; everything restarted from zero.
  {
    brandSlug: 'cratewise',
    kind: 'fail',
    title:
      'The one Cratewise agent who understood my refund went on holiday, and my case went back to square one',
    story:
      "I returned a €489 fridge-freezer bought through Cratewise from a third-party seller: it arrived with a dented door. The seller confirmed receipt of the return, but the refund never came, and then the seller stopped answering.\n\nAfter two weeks of generic replies an agent named Declan took over. He actually read the history, asked the seller for proof and told me he would have it sorted 'by the end of next week'. Then silence. When I wrote again, an auto-reply told me Declan was out of office for three weeks.\n\nThe next agent asked me to start by sending photos of the damage, as if the return had never happened. The one after that asked for the order number, which is in the subject line of every email. I have now told the same story to five different people, and each one starts from the first line.",
    category: 'billing',
    channel: 'email',
    waitMinutes: null,
    country: 'IE',
    daysAgo: 110,
    thread: [
      {
        by: 'brand',
        body: "Hi {name}, I'm {agent} and I'm sorry you have had to repeat yourself. I have read the whole case, including Declan's notes. The seller's return confirmation is enough for us: we will refund the €489 under our buyer guarantee within 5 working days, whatever the seller says.",
        afterHours: 48,
        promiseInDays: 7,
      },
      {
        by: 'author',
        body: 'The refund arrived today. Thank you for finally reading the file.',
        afterHours: 200,
      },
      {
        by: 'brand',
        body: "Glad it's arrived. Can you confirm this is resolved? We have also changed how cases are assigned, so they no longer wait for one agent's return.",
        afterHours: 205,
        proposeResolution: true,
      },
    ],
    verdict: { resolved: true, wouldBuyAgain: true },
    promiseKept: true,
  },
  // 10. Escalation to "competent services" that never call back.
  {
    brandSlug: 'brackwater-civic',
    kind: 'fail',
    title:
      "Bins missed five weeks in a row. Every call ends with 'passed to the competent service, they will call you back'.",
    story:
      "Our street's general waste bins have not been collected for five weeks. Not the recycling, which comes every fortnight like clockwork, only general waste. The bags are now piling up next to the bins and the foxes have found them.\n\nI have called the Brackwater Civic Services line four times, with waits between 12 and 18 minutes. The script is always the same: the call handler logs a 'missed collection report', apologises, and says that because it has happened repeatedly the report will be 'escalated to the competent service', who will call me back within two working days.\n\nNobody has ever called back. On the last call I asked for the name of the competent service, or a direct number, or an email. The handler didn't have one, and said the escalation team does not take incoming calls. I pay €1,870 a year in council tax and I cannot find out who is responsible for my bin.",
    category: 'responsiveness',
    channel: 'phone',
    waitMinutes: 18,
    country: 'GB',
    daysAgo: 45,
    thread: [
      {
        by: 'brand',
        body: 'Hello {name}, thank you for your patience. Your report has been escalated to the Waste Operations team, who will contact you within two working days.',
        afterHours: 50,
        promiseInDays: 2,
      },
      {
        by: 'author',
        body: 'Five working days later: no call. The bins were not collected this week either.',
        afterHours: 170,
      },
    ],
    verdict: null,
    promiseKept: false,
  },
  // 11. Hidden support phone number / only a chatbot.
  {
    brandSlug: 'parcelwick',
    kind: 'fail',
    title:
      "Parcel marked as delivered, never arrived, and Parcelwick's only support is a chatbot that shows me the tracking page",
    story:
      "On Wednesday my tracking said 'Delivered, handed to resident' at 14:02. I was at home all day. Nobody rang and nobody handed anything to anyone. The parcel was a €180 pair of hiking boots.\n\nI looked for a phone number. The Parcelwick website has a contact page with four FAQ tiles and a chat bubble. The chatbot, 'Wicky', asks for a tracking number, then shows the tracking page. Typing 'agent', 'human', 'complaint' or 'not delivered' gets me an article about leaving parcels with neighbours. I asked all six of my neighbours anyway. No boots.\n\nAfter an hour of searching I found a phone number in a forum post, buried in their terms for business customers. It plays a message saying private customers should use the chat. The shop tells me to open a claim with Parcelwick; Parcelwick, through the bot, tells me to contact the shop.",
    category: 'delivery',
    channel: 'chat',
    waitMinutes: null,
    country: 'DE',
    daysAgo: 30,
    thread: [
      {
        by: 'brand',
        body: 'We are sorry for the inconvenience. Please send your tracking number to our chat assistant, who will be happy to help you.',
        afterHours: 72,
      },
      {
        by: 'author',
        body: 'That chat assistant is exactly what I am writing about.',
        afterHours: 80,
      },
    ],
    verdict: { resolved: false, wouldBuyAgain: false },
  },
  // 12. A genuinely great agent who called back exactly when promised (like).
  {
    brandSlug: 'quillfeather-mutual',
    kind: 'like',
    title: "'I will call you Thursday at 10:00.' At 10:00 on Thursday, my phone rang.",
    story:
      "A pipe burst behind our kitchen wall on a Sunday night. On Monday morning I called Quillfeather about our home insurance, expecting the usual. I waited four minutes. An agent called Marisol took the claim, asked for photos by email and explained exactly what would happen: a plumber from their network that afternoon, a damage assessor on Wednesday, and a call from her on Thursday at 10:00 to go through the assessor's report.\n\nThe plumber came at 15:30. The assessor came on Wednesday. And on Thursday, at exactly 10:00, my phone rang. Marisol had read the report and told me what was covered (almost everything, minus the €250 excess), what was not (the old tiles I had wanted to replace anyway), and when the money would arrive. It arrived two days later.\n\nI have never been called back at the promised time by any company. It is a small thing, and it changed how the whole week felt.",
    category: 'responsiveness',
    channel: 'phone',
    waitMinutes: 4,
    country: 'NL',
    daysAgo: 14,
    thread: [
      {
        by: 'brand',
        body: 'Thank you so much for taking the time to write this. We have passed it on to Marisol and her team lead, and it made their week too. We hope your kitchen is back to normal soon.',
        afterHours: 20,
      },
    ],
    verdict: null,
  },
  // 13. Double charge refunded quickly (like).
  {
    brandSlug: 'oakhollow-home',
    kind: 'like',
    title: 'Charged twice for a €749 sofa, and one person at the service desk fixed it in ten minutes',
    story:
      "I ordered a sofa at the Oakhollow store on Saturday. The card terminal froze on the first attempt, the salesperson ran the payment again, and that evening my banking app showed two payments of €749. My stomach dropped: that is most of my rent.\n\nOn Sunday morning I went back with screenshots and waited six minutes at the service desk. Femi, who was on duty, looked at the screenshots, checked the till log, saw the duplicate straight away and voided it while I was standing there. He printed a refund receipt, wrote his name and a direct extension on it, and told me the bank usually releases the money within a day or two, and to call him if it didn't.\n\nThe money was back on Monday morning. No argument, no 'please allow 14 working days', no form. Thank you, Femi.",
    category: 'billing',
    channel: 'store',
    waitMinutes: 6,
    country: 'GB',
    daysAgo: 9,
    thread: [
      {
        by: 'brand',
        body: "Thank you for the kind words, we've shared them with Femi and the whole Riverside store team. Enjoy the new sofa!",
        afterHours: 26,
      },
    ],
    verdict: null,
  },
  // 14. Delayed flight rebooked proactively (like).
  {
    brandSlug: 'bluefjord-air',
    kind: 'like',
    title: 'Bluefjord Air rebooked my missed connection before we had even taken off',
    story:
      'I was flying Bergen to Lisbon via Amsterdam in February. The first leg left 1 hour 45 minutes late because of de-icing, which meant my 55-minute connection was lost before we had even pushed back.\n\nBefore take-off, the Bluefjord app sent a notification: I had been rebooked onto the 16:20 to Lisbon, with an aisle seat like on my original booking, and my bag would follow automatically. When I landed there was another message: a €15 meal voucher in the app and a link to accept or change the new flight. No queue at a transfer desk, no call centre, nothing to do.\n\nArriving four hours late is still annoying, and I did claim the compensation I was entitled to; that took about three weeks, which is fair. But the way they handled the disruption itself was calm, quick and human, and nobody had to ask.',
    category: 'other',
    channel: 'other',
    waitMinutes: null,
    country: 'NO',
    daysAgo: 180,
    thread: [
      {
        by: 'brand',
        body: 'Thanks for flying with us, and for taking the time to share this. We are glad the rebooking worked smoothly. See you on board again soon!',
        afterHours: 40,
      },
    ],
    verdict: null,
  },
  // 15. Energy meter misread.
  {
    brandSlug: 'heathglow-energy',
    kind: 'fail',
    title:
      'Heathglow Energy swapped two digits of my meter reading and billed me €1,284 for a two-bedroom flat',
    story:
      "My electricity bill is usually about €85 a month. In October, Heathglow sent me a 'catch-up' bill of €1,284. The reading on it was 48,912. My meter says 41,892. Someone swapped two digits, and the system billed me for 7,000 kWh I never used.\n\nI sent a photo of the meter, with that day's newspaper next to it, through their web form. No answer after a week. Then I called: 38 minutes on hold. The agent agreed that the photo showed a different number, but said only the 'metering team' could correct a reading, and that in the meantime the direct debit would go ahead 'to avoid arrears'. He offered to spread it over three months.\n\nI didn't want it spread. I wanted it corrected. I have cancelled the direct debit at my bank, which I hate doing, because I cannot have €1,284 leave my account on the 1st.",
    category: 'billing',
    channel: 'phone',
    waitMinutes: 38,
    country: 'IE',
    daysAgo: 60,
    thread: [
      {
        by: 'brand',
        body: "Hi {name}, I'm {agent} from Heathglow. I can see the reading was typed in by hand and two digits were swapped, I'm sorry. I've asked the metering team to correct it and reissue the bill, and the direct debit is on hold. You'll have the corrected bill within 5 working days.",
        afterHours: 22,
        promiseInDays: 7,
      },
      {
        by: 'author',
        body: 'The corrected bill came: €91.40. Promise kept. I still had to cancel my direct debit to protect my rent money, which should not have been necessary.',
        afterHours: 190,
      },
      {
        by: 'brand',
        body: "Thank you for confirming, {name}. We've added a €30 credit to your account for the trouble, and you can restart the direct debit whenever you like. Can we consider this resolved?",
        afterHours: 196,
        proposeResolution: true,
      },
    ],
    verdict: { resolved: true, wouldBuyAgain: true },
    promiseKept: true,
  },
  // 16. Night-time outage handled by a real engineer (like).
  {
    brandSlug: 'brightwren-cloud',
    kind: 'like',
    title: 'Database down at 02:10, a real engineer in the support chat at 02:13, back up by 02:40',
    story:
      "I run the booking system for a small chain of climbing gyms on a Brightwren managed database. At 02:10 on a Saturday the monitoring woke me up: connections refused. I opened the support chat expecting a bot and a next-business-day promise.\n\nThree minutes later an engineer named Ines answered. No script: she had already looked at the cluster, said a storage node had failed and the replica had not been promoted cleanly, and asked whether I wanted her to promote it manually, which would lose the last 40 seconds of writes. I said yes. By 02:40 we were back up, and she stayed in the chat while I checked the bookings.\n\nOn Monday I received a short incident report explaining what went wrong and a €62 credit under the SLA, which I hadn't even asked for. I pay them €120 a month. Worth every cent.",
    category: 'responsiveness',
    channel: 'chat',
    waitMinutes: 3,
    country: null,
    daysAgo: 130,
    thread: [
      {
        by: 'brand',
        body: 'Thank you for this. Ines says hi. The fix for the failover bug shipped on Wednesday, so this particular problem should not happen again.',
        afterHours: 10,
      },
    ],
    verdict: null,
  },
];

// ---------------------------------------------------------------------------
// Story templates for the generator
// ---------------------------------------------------------------------------

export const STORY_TEMPLATES: StoryTemplate[] = [
  // ----- likes -----
  {
    kind: 'like',
    sectors: 'any',
    category: 'responsiveness',
    channel: 'phone',
    title: '{brand} picked up in {minutes} minutes and sorted out my {product} in one call',
    story:
      "I had been putting off calling {brand} about my {product} because I expected an afternoon on hold. I got through in {minutes} minutes.\n\nThe agent listened to the whole story without interrupting, asked two sensible questions and fixed it while I was still on the line. She then read back exactly what she had changed and emailed me a summary before we hung up.\n\nNo transfers, no 'another department', no call-back that never comes. That is all I ever want from customer service.",
    waitMinutes: [2, 8],
  },
  {
    kind: 'like',
    sectors: 'any',
    category: 'responsiveness',
    channel: 'chat',
    title:
      'A real person in the {brand} chat after {minutes} minutes, problem solved before my coffee went cold',
    story:
      "I opened the chat on the {brand} website about my {product}, fully prepared to fight a bot. After {minutes} minutes a real person joined, introduced himself by name and had already read what I had typed in the pre-chat form.\n\nHe didn't paste a help article. He checked my account, found the cause, fixed it and told me what to look out for if it happened again. Fifteen minutes from start to finish. Very well done.",
    waitMinutes: [1, 5],
  },
  {
    kind: 'like',
    sectors: 'any',
    category: 'responsiveness',
    channel: 'email',
    title: 'Emailed {brand} on a Sunday night, had a complete answer by 9:00 on Monday',
    story:
      "I sent {brand} a long, slightly grumpy email on Sunday night about my {product}, with three separate questions in it.\n\nOn Monday morning, before nine, I had a reply that answered all three, in order, in plain language, signed by a person with a name. Where the answer was 'no', it explained why and what I could do instead. Where it was 'yes', it was already done.\n\nIt sounds basic. It is rare enough that I wanted to post it.",
    waitMinutes: null,
  },
  {
    kind: 'like',
    sectors: ['retail', 'electronics', 'telecom', 'banking'],
    category: 'attitude',
    channel: 'store',
    title: 'The {brand} store assistant who stayed calm with a very frustrated customer (me)',
    story:
      "I walked into the {brand} store after {minutes} minutes in the queue, already annoyed about my {product}, and I was not at my politest. I'm not proud of it.\n\nThe assistant at the desk let me finish, apologised for the trouble without getting defensive, and simply started working on it. When her system would not let her do what was needed, she called a colleague at head office from the counter instead of sending me home with a phone number.\n\nI left with the problem solved and a bit embarrassed about my tone. Thank you for your patience.",
    waitMinutes: [3, 15],
  },
  {
    kind: 'like',
    sectors: 'any',
    category: 'attitude',
    channel: 'phone',
    title: 'The {brand} agent who treated me like a person, not a ticket number',
    story:
      "After {minutes} minutes on hold I was ready for a script. Instead, the agent at {brand} asked how my day was going and actually listened to the answer, which was that it had been a bad week and the problem with my {product} was the last straw.\n\nShe explained everything without jargon, didn't rush me while I looked for a document, and at the end gave me her name and a reference so I would never have to repeat myself. She even laughed at my bad joke. Small things, but they make a big difference.",
    waitMinutes: [5, 25],
  },
  {
    kind: 'like',
    sectors: ['ecommerce', 'retail', 'electronics'],
    category: 'delivery',
    channel: 'email',
    title: 'Ordered on Tuesday evening, delivered on Wednesday morning, with a clear email at every step',
    story:
      "I ordered my {product} from {brand} late on a Tuesday, expecting the usual 'three to five working days'. An email at 22:10 said it had been packed; another at 07:40 gave a one-hour delivery window; the courier arrived right in the middle of it.\n\nThe box was the right size, nothing rattled and the invoice was inside. When I replied to the dispatch email with a question about the warranty, a person answered the same afternoon. Flawless.",
    waitMinutes: null,
  },
  {
    kind: 'like',
    sectors: ['ecommerce', 'retail', 'electronics'],
    category: 'delivery',
    channel: 'social',
    title: 'Parcel lost by the courier, and {brand} sent a new one the same day after a single message',
    story:
      "My {product} from {brand} had been stuck at a courier depot for {days} days, with tracking that just said 'in transit'. I sent {brand} a short message on social media, mostly to vent.\n\nThey replied within the hour, asked for my order number privately, and told me they would not make me wait for the courier's investigation: a new one was leaving the warehouse that afternoon. It arrived the next day. When the original finally turned up a week later, they sent a prepaid return label without my asking.\n\nThat is how you handle a lost parcel.",
    waitMinutes: null,
  },
  {
    kind: 'like',
    sectors: ['electronics', 'ecommerce', 'retail'],
    category: 'defect',
    channel: 'store',
    title: "Faulty {product} swapped on the spot at {brand}: no questions, no 'send it to the manufacturer'",
    story:
      "My {product} developed a fault after {days} days. I took it back to the {brand} store with the receipt, expecting to be told it would be sent away for four weeks of 'diagnosis'.\n\nAfter {minutes} minutes in the queue, the assistant tested it in front of me, agreed it was faulty and swapped it for a new one from the shelf. She even checked the new one worked before I left. The whole thing took less than a quarter of an hour. This is why I keep shopping there.",
    waitMinutes: [2, 12],
  },
  {
    kind: 'like',
    sectors: ['electronics', 'telecom'],
    category: 'defect',
    channel: 'phone',
    title: '{brand} support fixed my {product} remotely instead of sending a technician next week',
    story:
      "My {product} stopped working properly on a Friday evening. I called {brand}, waited {minutes} minutes and expected to hear about a technician slot some time the following week.\n\nInstead, the agent ran a remote diagnostic while we talked, spotted a setting left in a bad state by an old update, and reset it from his side. He stayed on the line until I had confirmed everything worked, then called back the next morning to check it was still fine. I didn't even know they could do that.",
    waitMinutes: [3, 15],
  },
  {
    kind: 'like',
    sectors: ['electronics', 'hosting', 'telecom'],
    category: 'compatibility',
    channel: 'chat',
    title: '{brand} talked me out of buying the wrong {product}',
    story:
      "Before ordering the {product} from {brand}, I asked in the chat whether it would work with my existing setup. I got a person after {minutes} minutes, and instead of a generic 'yes, it's compatible', she asked for the exact model numbers, looked them up and told me it would only half work.\n\nShe pointed me to a cheaper option that did everything I needed. {brand} made less money on that sale and earned a customer for years. Honest advice is rarer than it should be.",
    waitMinutes: [1, 6],
  },
  {
    kind: 'like',
    sectors: ['electronics', 'ecommerce', 'retail'],
    category: 'compatibility',
    channel: 'email',
    title: 'Bought the wrong {product} for my setup, and {brand} took it back without any fuss',
    story:
      "Entirely my mistake: I ordered my {product} from {brand} without checking it would fit with what I already had. It didn't.\n\nThe box was opened and the returns page said 'unused items only', so I wrote an honest email explaining what had happened. I had a reply the next morning: no problem, here is a prepaid label, and here are the two models that would actually work for you. The refund came {days} days after they received the parcel. Much appreciated.",
    waitMinutes: null,
  },
  {
    kind: 'like',
    sectors: 'any',
    category: 'billing',
    channel: 'webform',
    title: 'Wrong charge on my {product} bill: reported through the web form, refunded {days} days later',
    story:
      "My latest bill from {brand} for my {product} had a charge I didn't recognise. I filled in the billing form on their website, expecting to have to chase it for weeks.\n\nThe next day a person replied: the charge was their mistake, it had been reversed, and they told me exactly when the money would reach my account. It arrived {days} days later, on the date they gave. They also explained what had caused it, so I know it won't happen again. Simple, fast and honest.",
    waitMinutes: null,
  },
  {
    kind: 'like',
    sectors: ['banking', 'energy', 'telecom', 'hosting', 'other'],
    category: 'billing',
    channel: 'phone',
    title: 'I called {brand} to complain about my bill, and the agent found me a cheaper plan',
    story:
      "My {product} had quietly got more expensive over the years, and I called {brand} ready to leave. After {minutes} minutes I was talking to an agent who, without my asking, went through my last twelve months of usage.\n\nShe told me plainly that I was on an old plan they no longer sell, and moved me to one that saves me about €14 a month, with no new commitment period. No upselling, no 'let me transfer you to our retention team'. I stayed, because of her.",
    waitMinutes: [2, 10],
  },
  {
    kind: 'like',
    sectors: ['telecom', 'hosting', 'energy', 'banking', 'other'],
    category: 'cancellation',
    channel: 'webform',
    title: 'Cancelled my {product} with {brand} online in two minutes, confirmation the same day',
    story:
      'I was moving abroad and needed to cancel my {product}. I braced myself for a retention call, a registered letter, or both.\n\n{brand} has a cancellation form in the account area: three fields and a date picker. Within the hour I had a confirmation email with the end date, the amount of the final bill and what to do with any equipment. The final bill matched to the cent. I would happily come back one day, precisely because leaving was so easy.',
    waitMinutes: null,
  },
  {
    kind: 'like',
    sectors: ['telecom', 'energy', 'other', 'hosting'],
    category: 'cancellation',
    channel: 'phone',
    title: "'I won't try to change your mind': the most refreshing cancellation call I've ever had",
    story:
      "I called {brand} to cancel my {product} and got through after {minutes} minutes on hold. The agent's first words after I explained were: 'Understood, I won't try to change your mind. Let me just process that for you.'\n\nShe checked whether I owed any early-termination fee (I didn't), told me the exact last day of service and emailed the confirmation while we were still talking. The whole call took six minutes. Every company that makes leaving painful should listen to that recording.",
    waitMinutes: [2, 12],
  },
  {
    kind: 'like',
    sectors: 'any',
    category: 'suggestion',
    channel: 'webform',
    title: 'I suggested a small change to {brand} through their feedback form. They actually made it.',
    story:
      'A few months ago I used the feedback form on the {brand} website to suggest something small about my {product}: that the confirmation email should have the reference number in the subject line, so it is easy to find later.\n\nI got a personal reply thanking me, which I assumed was the end of it. Last week I noticed the change had been made, and a few days later an email arrived telling me my suggestion had gone live. A tiny thing, but it made me feel listened to.',
    waitMinutes: null,
  },
  {
    kind: 'like',
    sectors: 'any',
    category: 'suggestion',
    channel: 'social',
    title:
      "Pointed out a confusing step on {brand}'s website on social media; it was fixed within {days} days",
    story:
      "I posted a slightly sarcastic comment on social media about how hard it was to manage my {product} on the {brand} website: the button you need is hidden under a menu called 'More'.\n\nInstead of a canned reply, someone from their team asked me to walk them through where I had got stuck, and passed it on to their web team. {days} days later they replied again with a screenshot: the button had been moved to the main page. I'll be less sarcastic next time.",
    waitMinutes: null,
  },
  {
    kind: 'like',
    sectors: 'any',
    category: 'other',
    channel: 'mail',
    title: 'A handwritten card from {brand} after a rough month',
    story:
      "After a long back-and-forth with {brand} about my {product}, which they did eventually fix, an envelope arrived by post. Inside was a handwritten card from the agent who had handled my case, apologising for how long it had taken and thanking me for my patience.\n\nNo voucher, no marketing leaflet, just a few kind sentences. It is on my fridge now. It doesn't erase the trouble, but it showed there was a real person on the other side who cared how it ended.",
    waitMinutes: null,
  },
  {
    kind: 'like',
    sectors: ['airlines', 'transport'],
    category: 'other',
    channel: 'other',
    title: 'My connection was cancelled, and {brand} had rebooked me before I even found a departures screen',
    story:
      'I was travelling with {brand} on my {product} last month when my connection was cancelled because of a technical problem. Before I had even found a departures screen, the {brand} app sent a notification: I had been rebooked on the next departure, with a seat reserved and a meal voucher for the wait.\n\nA second message explained how to claim compensation, with a link that pre-filled my booking details. The claim was paid {days} days later. Disruptions happen; this is what handling them well looks like.',
    waitMinutes: null,
  },
  {
    kind: 'like',
    sectors: ['airlines', 'transport'],
    category: 'attitude',
    channel: 'other',
    title: 'The {brand} staff member who made a four-hour delay almost bearable',
    story:
      "Our {brand} departure was delayed by four hours and the mood among the passengers was grim. One staff member, whose name I never caught, made all the difference. She walked along the queue with an update every thirty minutes, even when the update was 'no news yet', found somewhere quiet for a family with a newborn, and organised water and snacks before anyone asked.\n\nWhen we finally boarded, she thanked every single passenger at the door. You cannot script that.",
    waitMinutes: null,
  },
  {
    kind: 'like',
    sectors: ['public'],
    category: 'responsiveness',
    channel: 'mail',
    title: 'Wrote to {brand} by post about my {product} and got a clear, signed answer in {days} days',
    story:
      'I am not comfortable with online forms, so I wrote a letter to {brand} about my {product}, with copies of my documents. I expected to wait for months.\n\n{days} days later a reply came by post. It was signed by a named officer with a direct phone line, and it explained in plain words what had gone wrong, what they had already corrected and what I still needed to send. The one missing document was listed, with the exact address to send it to. Public services can work well, and it is worth saying so.',
    waitMinutes: null,
  },
  {
    kind: 'like',
    sectors: ['banking'],
    category: 'responsiveness',
    channel: 'phone',
    title: '{brand} blocked a fraudulent payment and called me within minutes',
    story:
      "On a Saturday afternoon my phone rang: it was the fraud team at {brand}, asking whether I had just tried to pay €640 to an online electronics shop. I hadn't. They had already blocked the payment and my card, and the agent stayed calm and clear while I panicked a little.\n\nShe ordered a new card, went through the last month of transactions on my {product} with me, and told me exactly how they would and would not contact me in future, so I could recognise scams. The new card arrived on Tuesday. I felt genuinely protected.",
    waitMinutes: null,
  },
  {
    kind: 'like',
    sectors: 'any',
    category: 'responsiveness',
    channel: 'social',
    title: 'Sunday evening message to {brand} on social media, answered and fixed in under an hour',
    story:
      "It was Sunday evening and my {product} had a problem I needed sorted before Monday morning. I didn't expect much, but I sent {brand} a message on social media anyway.\n\nA real person answered in about twenty minutes, asked me to move to private messages for the account details, and fixed it there and then. No 'our offices are closed', no form to fill in. Whoever was on that shift: thank you, you saved my Monday.",
    waitMinutes: null,
  },
  {
    kind: 'like',
    sectors: ['energy', 'telecom'],
    category: 'defect',
    channel: 'other',
    title: '{brand} technician arrived early, fixed the fault and explained exactly what had gone wrong',
    story:
      'After repeated outages at home, {brand} booked a technician for a four-hour window. He rang the bell at the very start of it, having called ahead to check someone was in.\n\nHe found the problem quickly (a corroded connector outside the building, nothing I could ever have found myself), replaced it, and then spent ten minutes explaining what had happened and how to spot it next time. He left everything clean and tidy. This is what a home visit should look like.',
    waitMinutes: null,
  },
  {
    kind: 'like',
    sectors: 'any',
    category: 'attitude',
    channel: 'email',
    title: 'The {brand} agent who remembered my case from two months ago',
    story:
      'I wrote to {brand} about my {product} two months after an earlier problem, and the same agent answered. She remembered the first case, referred to it without my having to explain, and had clearly read the notes.\n\nHer reply was warm and direct, and signed with her name and a direct email address. The problem was solved in two messages. It is amazing how much difference it makes not to be a stranger every single time.',
    waitMinutes: null,
  },
  {
    kind: 'like',
    sectors: ['ecommerce', 'retail'],
    category: 'delivery',
    channel: 'store',
    title: 'Click and collect at {brand}: ready in two hours, handed over in {minutes} minutes',
    story:
      'I ordered my {product} online from {brand} in the morning and chose to collect it in store. By lunchtime I had a message saying it was ready.\n\nAt the store there was a dedicated counter. I waited {minutes} minutes, and the assistant checked the item with me before I left because the box had a small dent. She offered to swap it, but everything inside was fine. Efficient, friendly and exactly as promised.',
    waitMinutes: [1, 5],
  },
  {
    kind: 'like',
    sectors: ['hosting', 'electronics', 'telecom'],
    category: 'other',
    channel: 'chat',
    title: "{brand} support helped me with a problem that wasn't even theirs",
    story:
      'I contacted {brand} through the chat, convinced my {product} was causing a problem. After {minutes} minutes the agent showed me, quite gently, that the culprit was actually a setting in a third-party tool I use.\n\nShe could have stopped there and closed the chat. Instead she walked me through the fix in the other tool, step by step, and sent me a link to the relevant documentation. Not their product, not their problem, but they made it their job anyway.',
    waitMinutes: [1, 8],
  },
  {
    kind: 'like',
    sectors: 'any',
    category: 'billing',
    channel: 'email',
    title: '{brand} refunded me the difference without being asked after a price drop',
    story:
      'A week after I renewed my {product}, {brand} lowered the price. I shrugged it off: bad timing, my problem.\n\nThen an email arrived explaining that everyone who had renewed in the previous thirty days would be refunded the difference automatically, with the amount and the date it would reach my account. It arrived on that date. Nobody asked them to do it. That is the kind of thing that makes me recommend a company to friends.',
    waitMinutes: null,
  },

  {
    kind: 'like',
    sectors: 'any',
    category: 'responsiveness',
    channel: 'webform',
    title: 'Ticket answered in under two hours by {brand}',
    story:
      'I filed a ticket about my {product} with {brand} on a Tuesday morning. A named person replied before lunch, with the actual answer rather than a link to the FAQ, and the problem was gone by the afternoon.\n\nNothing dramatic to report, which is exactly the point.',
    waitMinutes: null,
  },
  {
    kind: 'like',
    sectors: ['retail', 'ecommerce'],
    category: 'delivery',
    channel: 'other',
    title: 'The {brand} delivery driver who carried my order up four floors',
    story:
      "No lift in our building, and the delivery note said 'kerbside only'. The {brand} driver took one look at me, then at the stairs, and carried my order up all four floors anyway. Then he took the packaging away with him.\n\nThank you, whoever you are. You made my week.",
    waitMinutes: null,
  },
  {
    kind: 'like',
    sectors: ['retail', 'telecom', 'banking', 'public'],
    category: 'attitude',
    channel: 'store',
    title: 'Small thing: the {brand} staff member who noticed I was struggling',
    story:
      'I am partially sighted and the queue screen at {brand} is tiny. A staff member noticed me squinting, came over, asked for my ticket number and came to fetch me when it was my turn, {minutes} minutes later.\n\nShe also read the form about my {product} out to me without making a fuss. Small things like this matter a lot.',
    waitMinutes: [5, 20],
  },
  {
    kind: 'like',
    sectors: ['banking', 'telecom'],
    category: 'cancellation',
    channel: 'store',
    title: "Closing my late father's {product} at {brand} was the one easy thing that week",
    story:
      "My father died in the spring, and in the weeks after, I spent hours on the phone closing his accounts. Most companies asked for documents I had already sent, passed me between departments, or sent letters addressed to him demanding payment.\n\n{brand} was different. I went in person with the death certificate, waited {minutes} minutes, and sat down with an adviser who started by saying she was sorry for my loss, and meant it. She closed his {product} while I was there, explained what would happen to the last payment, and wrote down her direct number in case anything else arrived in his name.\n\nA week later something did: an automated reminder. I called her, and she stopped it within the hour and phoned me back to say so.\n\nIt feels strange to write a thank-you about something so sad. But when everything else was hard, {brand} made this one thing easy, and I won't forget that.",
    waitMinutes: [5, 20],
  },

  // ----- fails -----
  {
    kind: 'fail',
    sectors: 'any',
    category: 'responsiveness',
    channel: 'phone',
    title: 'Hold music for {minutes} minutes. That is the whole story.',
    story:
      'I called {brand} about my {product}. I listened to hold music for {minutes} minutes. Then a recorded message told me the lines were now closed and I should call back tomorrow.\n\nTomorrow I will do it again, I suppose. That is the whole story, and that is the problem.',
    waitMinutes: [60, 150],
  },
  {
    kind: 'fail',
    sectors: ['telecom', 'hosting', 'other', 'energy'],
    category: 'billing',
    channel: 'email',
    title: 'My {product} price doubled when the promotion ended, and {brand} never told me',
    story:
      "When I signed up for my {product} with {brand}, the salesperson was very clear about the introductory price and very vague about what came after. I should have asked more questions, I accept that.\n\nWhat I don't accept is how I found out. No email, no letter, no notice in the app. I only noticed because my bank flagged an unusual payment: the monthly amount had gone from €24.99 to €52.00, {days} days after the promotion ended.\n\nI wrote to {brand} asking for a warning next time and a move to a cheaper plan. The reply said the price change was 'in line with the terms and conditions, section 7.3', and offered me a plan that cost more than the one I had. When I asked to cancel, I was told a twelve-month commitment had restarted when the promotion ended. Nobody had mentioned that either.\n\nI am not asking for a gift. I am asking to be told before my bill doubles.",
    waitMinutes: null,
  },
  {
    kind: 'fail',
    sectors: ['electronics', 'ecommerce'],
    category: 'defect',
    channel: 'chat',
    title: 'Third repair for the same fault on my {product}, and {brand} still refuses a replacement',
    story:
      "My {product} from {brand} has now been sent for repair three times for the same problem. The first time, after {days} days, it went away for two weeks and came back with a note saying 'no fault found'. It failed again the same evening.\n\nThe second time they replaced a part and it worked for a month. The third time I opened a chat and asked whether, given the history, they could simply replace it. The agent said replacements are only possible 'after three unsuccessful repairs', and that the first one didn't count because no fault was found.\n\nSo I am now on repair number three, which by their logic is number two. I have spent more time packing, posting and chasing this {product} than using it, and every time I have to explain the whole history again because the chat keeps no record of earlier conversations.\n\nI have all the repair reports. I would happily send them to anyone at {brand} who can count to three.",
    waitMinutes: null,
  },
  {
    kind: 'fail',
    sectors: ['public'],
    category: 'attitude',
    channel: 'phone',
    title: "Told by the {brand} helpline that my {product} was 'not a priority'",
    story:
      "I have been waiting for a decision on my {product} for {days} days. The letter I received at the start said eight weeks at most. I called the {brand} helpline to ask where things stood and waited {minutes} minutes.\n\nThe adviser pulled up my file and told me it was 'in the queue'. I asked whether anything was missing, anything I could send to speed it up. He said no, the file was complete. Then I asked roughly how long it might take, because I have to plan my finances around it, and he said, in these words: 'Honestly, yours is not a priority, there are more urgent cases.'\n\nMaybe there are more urgent cases. But I did not need to hear that my situation doesn't matter, from the person whose job it is to help me, with my rent due in nine days. A date, even a rough one, would have been enough.",
    waitMinutes: [20, 60],
  },
  {
    kind: 'fail',
    sectors: 'any',
    category: 'responsiveness',
    channel: 'phone',
    title: '{minutes} minutes on hold with {brand}, then the line went dead',
    story:
      "I called {brand} about my {product} at 9:02, right when the lines opened. The recorded voice said my call was important. After {minutes} minutes of the same loop of music, someone picked up, said 'Hello, can I have your...' and the line went dead.\n\nNobody called back, although they obviously had my number. I called again and was told the wait was 'over 60 minutes'. I have lost most of a working morning and I am no closer to an answer than I was at breakfast.",
    waitMinutes: [35, 120],
  },
  {
    kind: 'fail',
    sectors: 'any',
    category: 'responsiveness',
    channel: 'email',
    title: '{days} days since I emailed {brand}, and the only reply is the automatic one',
    story:
      "I emailed {brand} {days} days ago about my {product}. I received an instant automatic reply saying they answer 'within 48 hours', with a case number.\n\nSince then, nothing. I have replied to the automatic email twice, quoting the case number. I tried the contact form too, which produced a second case number and a second automatic reply. I would settle for a human writing 'we're looking into it'.",
    waitMinutes: null,
  },
  {
    kind: 'fail',
    sectors: 'any',
    category: 'responsiveness',
    channel: 'chat',
    title: 'Stuck in a loop with the {brand} chatbot: every question leads back to the same FAQ',
    story:
      "{brand} no longer lists a phone number on its website, only a chat. I explained my problem with my {product} to the chatbot. It suggested three FAQ articles, none of which matched.\n\nI typed 'talk to a person'. It asked me to rephrase. I typed 'agent'. It offered the same three articles. I tried 'complaint', 'human' and finally just 'help'. After twenty minutes the chat asked me to rate my experience. I gave it one star, which was generous. There must be someone at {brand} who can actually read.",
    waitMinutes: null,
  },
  {
    kind: 'fail',
    sectors: 'any',
    category: 'responsiveness',
    channel: 'webform',
    title: "{brand} closed my ticket as 'resolved' without ever answering it",
    story:
      "I filed a ticket through the {brand} support form about my {product}, with screenshots and every reference number I had.\n\n{days} days later I got an email: 'Your ticket has been resolved. How did we do?' There was no answer in the ticket, no message, no call. I reopened it and wrote that nothing had been resolved. It was closed again the next day, with the same survey. I am now on my third ticket for the same problem.",
    waitMinutes: null,
  },
  {
    kind: 'fail',
    sectors: ['ecommerce', 'retail', 'electronics'],
    category: 'delivery',
    channel: 'email',
    title: "My {product} is {days} days late and {brand} keeps sending the same 'on its way' email",
    story:
      "I ordered my {product} from {brand} with delivery promised within three working days. That was {days} days ago.\n\nThe tracking link hasn't changed since the first day: 'label created'. Every time I email, I get a polite reply saying the parcel is 'on its way' and that I should allow a few more days. When I asked for a refund instead, they said they cannot cancel an order that has shipped. They can't tell me where it is, but they know it has shipped.",
    waitMinutes: null,
  },
  {
    kind: 'fail',
    sectors: ['ecommerce', 'retail', 'electronics'],
    category: 'delivery',
    channel: 'phone',
    title: "Tracking says 'delivered', my {product} is nowhere, and {brand} says it's the courier's problem",
    story:
      "The tracking for my {product} says it was delivered on Thursday at 13:47. I was working from home all day and nobody rang. No parcel at the door, with the neighbours or in the bin store.\n\nI called {brand} and waited {minutes} minutes. The agent said that once the courier marks a parcel as delivered it is out of their hands, and I should contact the courier. The courier's website says claims must be opened by the sender. I am a customer of {brand}, not of the courier, and I paid for something I haven't received.",
    waitMinutes: [15, 50],
  },
  {
    kind: 'fail',
    sectors: ['ecommerce', 'retail', 'electronics'],
    category: 'delivery',
    channel: 'chat',
    title: 'Took a day off for the {brand} delivery slot. Nobody came, nobody called.',
    story:
      "{brand} gave me an all-day delivery slot for my {product}, 8:00 to 18:00, because it needed two people to carry. I took a day off work.\n\nAt 18:30 the tracking changed to 'delivery rescheduled: customer not available'. I was available; I had been sitting by the window for ten hours. In the chat I waited {minutes} minutes to be told the next slot was in a week and that 'these things happen'. No apology for the lost day, no explanation, and no guarantee it won't happen again.",
    waitMinutes: [5, 30],
  },
  {
    kind: 'fail',
    sectors: ['electronics', 'ecommerce', 'retail'],
    category: 'defect',
    channel: 'webform',
    title: "My {product} broke after {days} days and {brand} calls it 'wear and tear'",
    story:
      "My {product} from {brand} stopped working after {days} days of completely normal use. I filed a warranty claim through their online form, with photos, the receipt and a video of the fault.\n\nThe reply came a week later: claim refused, because the damage was 'consistent with wear and tear'. I asked what wear and tear means for something this new, and whether anyone had actually watched the video. The answer was a copy of the warranty terms. I am now taking it to the consumer protection office.",
    waitMinutes: null,
  },
  {
    kind: 'fail',
    sectors: ['electronics'],
    category: 'defect',
    channel: 'store',
    title: "The {brand} store won't touch my faulty {product}: 'send it to the manufacturer yourself'",
    story:
      "I bought my {product} at the {brand} store. When it developed a fault within the warranty period, I brought it back to the same counter. After {minutes} minutes in the queue I was told the store 'doesn't do repairs' and that I should contact the manufacturer myself.\n\nThe manufacturer says the seller is responsible during the legal guarantee period. When I said so at the counter, the assistant shrugged and said that's not how it works at {brand}. I'm not asking for a favour, I'm asking the shop that sold it to me to deal with it.",
    waitMinutes: [10, 40],
  },
  {
    kind: 'fail',
    sectors: ['telecom', 'energy'],
    category: 'defect',
    channel: 'phone',
    title: 'Third missed technician appointment for my {product}, and {brand} says nobody was ever scheduled',
    story:
      "The service on my {product} has been cutting out on and off for {days} days. {brand} has now given me three technician appointments. Each time I stayed home, and each time nobody came.\n\nToday I called again ({minutes} minutes on hold) and the agent said there was no appointment in the system at all, and that the previous agents had probably 'only requested' one. She requested another. I asked how that was different from the last three times, and she had no answer. Meanwhile I pay full price for a service that works half the time.",
    waitMinutes: [20, 70],
  },
  {
    kind: 'fail',
    sectors: ['electronics', 'hosting', 'telecom'],
    category: 'compatibility',
    channel: 'phone',
    title:
      "{brand} told me on the phone the {product} was compatible. It isn't, and they won't take it back.",
    story:
      "Before buying, I called {brand} and asked directly whether the {product} would work with my existing setup. I gave the exact model and version. After {minutes} minutes of waiting, the agent said yes without hesitation.\n\nIt doesn't work. The small print on their own website lists my setup as 'not supported'. When I called back, another agent said advice given on the phone is 'not binding' and that I should have checked the documentation. So what is the phone line for, exactly?",
    waitMinutes: [10, 45],
  },
  {
    kind: 'fail',
    sectors: ['hosting', 'telecom', 'electronics'],
    category: 'compatibility',
    channel: 'email',
    title: "An automatic {brand} update broke my {product}, and support says it's working as intended",
    story:
      "Last week {brand} pushed an automatic update, and since then my {product} no longer works with equipment I have used for years without a problem. Nothing changed on my side.\n\nI emailed support with the exact date it started, logs and screenshots. The answer came {days} days later: my setup 'is no longer supported' and this is expected behaviour. Nobody warned customers before the update, and there is no way to roll it back. I am paying the same price for less.",
    waitMinutes: null,
  },
  {
    kind: 'fail',
    sectors: 'any',
    category: 'billing',
    channel: 'phone',
    title: 'Charged twice by {brand} and told to wait 30 days for my own money',
    story:
      "My bank statement shows two identical payments to {brand} for my {product}, a minute apart. I called and waited {minutes} minutes.\n\nThe agent agreed straight away that it was a duplicate, which I appreciated. Then she told me the refund would take 'up to 30 working days' because it has to go through the finance department. It took them one second to take the money twice. Meanwhile my account is overdrawn and my bank is charging me fees.",
    waitMinutes: [15, 60],
  },
  {
    kind: 'fail',
    sectors: ['telecom', 'energy', 'banking', 'hosting', 'other'],
    category: 'billing',
    channel: 'mail',
    title: '{brand} is still billing me for the {product} I cancelled {days} days ago',
    story:
      'I cancelled my {product} with {brand} in writing and received a confirmation. {days} days later a paper bill arrived for the following month, followed by a reminder letter with a €12 late fee.\n\nI sent a letter back with a copy of the cancellation confirmation. The next letter I received was from a debt collection agency. Nobody at {brand} has answered a single one of my letters, but their systems are very good at sending them.',
    waitMinutes: null,
  },
  {
    kind: 'fail',
    sectors: 'any',
    category: 'billing',
    channel: 'email',
    title: '{brand} promised me a refund {days} days ago. Still nothing.',
    story:
      "{brand} admitted they had overcharged me for my {product} and promised a refund by email, with the amount and 'within 5 working days'. That was {days} days ago.\n\nEvery time I follow up, a new agent tells me the refund 'has been requested' and is 'with the relevant team'. Nobody can tell me whether it has actually been sent, or when. I have their promise in writing. I would just like back the money that was never theirs in the first place.",
    waitMinutes: null,
  },
  {
    kind: 'fail',
    sectors: ['telecom', 'energy', 'hosting', 'other', 'banking'],
    category: 'cancellation',
    channel: 'phone',
    title: 'Called {brand} to cancel. Got five retention offers and no cancellation.',
    story:
      "I called {brand} to cancel my {product}, waited {minutes} minutes, and said in my first sentence that I wanted to cancel.\n\nWhat followed: a discount for three months, a 'loyalty' upgrade, a free extra, a transfer to a 'specialist' who repeated the discount, and finally an offer to 'pause' instead. Each time I said: no, thank you, I want to cancel. At the end I was told the cancellation was noted, but no confirmation ever came. I'll believe it when the charges stop.",
    waitMinutes: [10, 50],
  },
  {
    kind: 'fail',
    sectors: ['telecom', 'energy', 'other', 'banking'],
    category: 'cancellation',
    channel: 'mail',
    title: 'Signing up with {brand} took two minutes online. Cancelling requires a registered letter.',
    story:
      'Joining {brand} took two minutes on their website. Leaving, it turns out, requires a signed registered letter to a postal address, with a copy of my ID, sent at least 30 days before the end of the month.\n\nI sent it. {days} days later I still had no confirmation, so I called: they had no record of the letter. I have the postal receipt showing it was delivered and signed for. I have now been charged for another month of my {product}, which is exactly what the registered letter was supposed to prevent.',
    waitMinutes: null,
  },
  {
    kind: 'fail',
    sectors: ['telecom', 'hosting', 'other'],
    category: 'cancellation',
    channel: 'chat',
    title: "The {brand} chat can sell me anything, but it can't cancel my {product}",
    story:
      "In the {brand} chat I can upgrade my {product}, add options and change my payment details in a few clicks. When I asked to cancel, after {minutes} minutes of waiting for an agent, I was told that cancellations 'can only be handled by phone'.\n\nThe phone line is open during office hours, when I am at work. The chat agent could see my account, confirm my identity and read my contract, but apparently could not press the one button I needed. It is hard not to think that is deliberate.",
    waitMinutes: [5, 25],
  },
  {
    kind: 'fail',
    sectors: ['retail', 'electronics', 'telecom', 'banking', 'public'],
    category: 'attitude',
    channel: 'store',
    title: 'Treated like a nuisance at the {brand} counter',
    story:
      "I went to the {brand} counter about my {product} after {minutes} minutes in the queue. The staff member didn't look up from the screen while I was explaining, sighed when I took out my paperwork, and said 'that's not my department' before I had finished my first sentence.\n\nWhen I asked whose department it was, she said 'the website'. When I asked for a manager, she said there wasn't one today. I wasn't rude and I wasn't asking for anything unusual. I left feeling I had wasted everyone's time, mostly my own.",
    waitMinutes: [10, 45],
  },
  {
    kind: 'fail',
    sectors: 'any',
    category: 'attitude',
    channel: 'phone',
    title: "The {brand} agent laughed and told me 'that's just how it is'",
    story:
      "After {minutes} minutes on hold I explained my problem with my {product} to a {brand} agent. When I mentioned I had already called about it twice, he laughed and said: 'Well, that's just how it is, I can't do miracles.'\n\nI asked what he could do. He said to wait and call again. I asked to speak to a supervisor, and he put me back on hold for ten minutes until the call dropped. I don't expect miracles. I expect not to be laughed at.",
    waitMinutes: [10, 60],
  },
  {
    kind: 'fail',
    sectors: 'any',
    category: 'attitude',
    channel: 'social',
    title:
      "I complained publicly about my {product}; {brand}'s account told me to 'read the terms next time'",
    story:
      "I posted a short, polite complaint about my {product} on social media and tagged {brand}. Within the hour their official account replied, publicly: 'Maybe read the terms next time before complaining.'\n\nThe reply got a lot of attention from people who recognised the tone. The next day it was deleted and replaced with 'Sorry for the inconvenience, please send us a private message.' I did. Nobody has answered that private message, {days} days later.",
    waitMinutes: null,
  },
  {
    kind: 'fail',
    sectors: 'any',
    category: 'suggestion',
    channel: 'email',
    title: 'Suggestion to {brand}: keep one reference number per case, so customers stop starting from zero',
    story:
      "Every time I email {brand} about my {product}, the reply comes from a different address, with a new reference number and no copy of what I wrote before. The next agent then asks me to explain everything again.\n\nI suggested by email that they keep one reference per case and quote the history in their replies, like most companies do. The answer was a form letter thanking me for my 'valuable feedback'. {days} days later, nothing has changed. This would cost them almost nothing.",
    waitMinutes: null,
  },
  {
    kind: 'fail',
    sectors: 'any',
    category: 'suggestion',
    channel: 'other',
    title: "{brand}, your app says 'we will reply shortly'. Please show the real waiting time.",
    story:
      "Through the {brand} app I sent a question about my {product}. The app said 'we will reply shortly'. The reply came {days} days later.\n\nMy suggestion is simple: show the real average response time, as some companies do. If it is three days, say three days; I can plan around that. What I can't plan around is 'shortly', which at {brand} apparently means anything between an hour and a week. I sent this suggestion through the in-app feedback button and got no acknowledgement at all.",
    waitMinutes: null,
  },
  {
    kind: 'fail',
    sectors: ['public'],
    category: 'responsiveness',
    channel: 'mail',
    title: 'Wrote to {brand} about my {product} {days} days ago. No acknowledgement, no answer.',
    story:
      "The {brand} website says complaints about my {product} must be sent by post, with copies of supporting documents. I did exactly that, by registered mail, with a cover letter listing every enclosure.\n\n{days} days later I have received nothing: no acknowledgement, no reference number, no answer. When I phoned, they told me post is 'scanned centrally' and can take time to reach the right team. They could not confirm whether my letter had been scanned at all. Meanwhile the deadline on my file is getting closer.",
    waitMinutes: null,
  },
  {
    kind: 'fail',
    sectors: ['public'],
    category: 'other',
    channel: 'store',
    title: 'Waited {minutes} minutes at the {brand} office, then was told I needed an online appointment',
    story:
      "I went to the {brand} office about my {product} because I couldn't get an answer by phone. There was a ticket machine, so I took a number and waited {minutes} minutes.\n\nWhen my number was finally called, the clerk told me this service now works only by online appointment, and that the next free slot was in three weeks. There was no sign saying so anywhere in the waiting room, and the machine happily gave me a ticket. Nobody walked round to tell the people who were waiting.",
    waitMinutes: [45, 180],
  },
  {
    kind: 'fail',
    sectors: ['airlines'],
    category: 'other',
    channel: 'phone',
    title: 'Bag lost on my {brand} flight {days} days ago, and every call starts the search from scratch',
    story:
      "My checked bag didn't arrive after my {product} with {brand}. I filed a report at the airport desk and received a reference. That was {days} days ago.\n\nThe online tracker still says 'tracing in progress'. I have called four times, waiting up to {minutes} minutes, and each agent asks me to describe the bag again, the colour, the contents, as if the report didn't exist. I have spent over €300 on clothes and essentials, and nobody can tell me whether to keep waiting or file a claim.",
    waitMinutes: [30, 90],
  },
  {
    kind: 'fail',
    sectors: ['airlines', 'transport'],
    category: 'billing',
    channel: 'webform',
    title: 'My compensation claim to {brand} was rejected by an automatic reply four minutes after I sent it',
    story:
      "My journey with {brand} arrived more than three hours late, which under the rules entitles me to compensation. I filled in their online claim form with every detail and document they asked for.\n\nFour minutes later I received a rejection citing 'extraordinary circumstances', without saying what they were. On the day, the staff had told us it was a crew scheduling problem. I replied asking for the reason in writing and received the same automatic rejection again. It is hard to believe anyone read it.",
    waitMinutes: null,
  },
  {
    kind: 'fail',
    sectors: ['transport', 'airlines'],
    category: 'other',
    channel: 'other',
    title: '{brand} cancelled my departure without any notice; it simply vanished from the screens',
    story:
      "I arrived in good time for my {brand} departure. Fifteen minutes before it was due, it simply disappeared from the information screens. No announcement, no app notification, no staff in sight.\n\nIt took me forty minutes to find someone in uniform, who told me it had been cancelled 'since this morning' and that I should have checked the app. The app still showed it as on time an hour later. I missed a family event I had looked forward to for months. Cancellations happen; leaving people to find out on their own shouldn't.",
    waitMinutes: null,
  },
  {
    kind: 'fail',
    sectors: ['banking'],
    category: 'other',
    channel: 'chat',
    title: "{brand} froze my account for a 'security check', and the chat can't tell me why",
    story:
      "On Monday my card was declined at the supermarket. My {product} with {brand} had been frozen for a 'routine security check', without any warning by email or in the app.\n\nIn the chat I waited {minutes} minutes to be told that the agent 'has no visibility' on security checks, and that the team handling them does not take contact from customers. I asked how long it would take: 'it can take up to {days} days'. My rent is due on Friday and I have no access to my own money.",
    waitMinutes: [10, 40],
  },
  {
    kind: 'fail',
    sectors: 'any',
    category: 'responsiveness',
    channel: 'social',
    title:
      'Bounced between {brand} departments for {days} days, and now they ask me to send a private message',
    story:
      "My problem with my {product} apparently sits between two {brand} departments. The first says it is for the second. The second says it is for the first. Each gives me a different phone number and a new case number.\n\nAfter {days} days I posted about it on social media. {brand} replied within an hour, which was a first, asking me to send my details by private message. I did, with both case numbers and a summary. The reply: 'I have forwarded this to the relevant department.' Which one?",
    waitMinutes: null,
  },
  {
    kind: 'fail',
    sectors: 'any',
    category: 'other',
    channel: 'webform',
    title: 'Asked {brand} for a copy of my personal data {days} days ago. Nothing but automatic emails.',
    story:
      "I used the {brand} privacy form to request a copy of the personal data they hold about me, including the notes on my {product} account, because I am in a dispute with them and want to see what has been recorded.\n\nThe law gives them a fixed deadline to answer. It has been {days} days. I got an automatic acknowledgement and, two weeks later, another automatic email asking me to 'confirm my request', which I did within minutes. Since then, silence. I am now preparing a complaint to the data protection authority.",
    waitMinutes: null,
  },
  {
    kind: 'fail',
    sectors: ['ecommerce', 'retail'],
    category: 'delivery',
    channel: 'social',
    title: '{brand} sent me the wrong item twice, and wants me to pay for the second return',
    story:
      "I ordered my {product} from {brand}. What arrived was a different model in the wrong size. I returned it and they sent a replacement: the same wrong item again.\n\nWhen I asked for a free return label, they said free returns only apply once per order and that I would have to pay €8.95 this time. I posted about it on their social media page. Their reply asked me to check that I hadn't ordered the wrong item myself. I attached a screenshot of my order confirmation. Still waiting.",
    waitMinutes: null,
  },
  {
    kind: 'fail',
    sectors: ['energy'],
    category: 'billing',
    channel: 'phone',
    title: '{brand} keeps billing me on estimated readings although I send the real one every month',
    story:
      "Every month I submit the meter reading for my {product} through the {brand} app, and every month the bill is based on an 'estimated reading' that is far higher. I am now more than €400 in credit that I never chose to lend them.\n\nI called and waited {minutes} minutes. The agent confirmed my readings had been received but were 'not validated', and could not tell me why. She suggested I send a photo. I have sent four. I would like my readings used and my money back, and I would like to stop doing their job for them.",
    waitMinutes: [20, 70],
  },
  {
    kind: 'fail',
    sectors: 'any',
    category: 'attitude',
    channel: 'chat',
    title: 'Every answer from the {brand} chat agent was copy-pasted, including the apology',
    story:
      "I spent forty minutes in the {brand} chat about my {product}, after waiting {minutes} minutes to be connected. I explained the problem three different ways.\n\nEvery reply was a pasted paragraph. 'I understand your frustration.' 'Thank you for your patience.' 'I have escalated your request to the relevant team.' When I asked a yes-or-no question, I got the paragraph about escalation again. When I asked whether I was talking to a person, the agent said yes, and then pasted the same apology. I would have preferred an honest bot.",
    waitMinutes: [5, 30],
  },
];

// ---------------------------------------------------------------------------
// Products to fill {product}: noun phrases that read well after "my" / "the"
// ---------------------------------------------------------------------------

export const PRODUCTS_BY_SECTOR: Record<Sector, string[]> = {
  telecom: [
    'fibre broadband subscription',
    'TV and internet bundle',
    'mobile contract',
    'prepaid SIM card',
    'home router',
    'TV box',
    'landline',
  ],
  ecommerce: [
    'marketplace order',
    'coffee machine',
    'air fryer',
    'robot vacuum',
    'desk chair',
    'phone case',
    'standing desk',
  ],
  retail: ['sofa', 'winter coat', 'mattress', 'kitchen table', 'bookcase', 'gift card', 'loyalty card'],
  banking: [
    'current account',
    'credit card',
    'home insurance policy',
    'car insurance policy',
    'mortgage',
    'savings account',
    'personal loan',
  ],
  energy: [
    'electricity contract',
    'gas contract',
    'smart meter',
    'solar panel installation',
    'heat pump',
    'prepayment meter',
  ],
  transport: [
    'season ticket',
    'intercity ticket',
    'rail pass',
    'night train booking',
    'seat reservation',
    'regional day ticket',
  ],
  airlines: [
    'return flight',
    'connecting flight',
    'long-haul flight',
    'weekend city break',
    'flight and hotel package',
    'business class ticket',
  ],
  hosting: [
    'web hosting plan',
    'domain name',
    'managed database',
    'email hosting',
    'SSL certificate',
    'virtual server',
    'website builder subscription',
  ],
  electronics: [
    'laptop',
    'smartphone',
    'wireless headphones',
    'smart TV',
    'tablet',
    'smartwatch',
    'washing machine',
    'bluetooth speaker',
  ],
  public: [
    'parking permit',
    'passport renewal',
    'council tax account',
    'bin collection',
    'building permit application',
    'housing benefit claim',
  ],
  other: [
    'gym membership',
    'parcel delivery',
    'streaming subscription',
    'car repair',
    'hotel booking',
    'driving lessons',
  ],
};

// ---------------------------------------------------------------------------
// Replies and follow-ups ({name} = customer's first name, {agent} = agent's first name, {brand})
// ---------------------------------------------------------------------------

export const PERSONAL_BRAND_REPLIES: string[] = [
  'Hi {name}, {agent} here from the {brand} care team. I have read your whole post and I can see where it went wrong: the first ticket was closed without anyone calling you. I have reopened it and I am keeping it myself.',
  'Hello {name}, I am {agent}. I am sorry you had to tell this story three times before anyone listened. I have your account open in front of me and I have sent you a private message with a number that reaches me directly.',
  "{name}, this is not the experience we want anyone to have with {brand}. I have checked your file: the refund was approved but never passed to payments. I pushed it through this morning and I'll confirm here once it has left.",
  'Hi {name}, {agent} from {brand}. Thanks for the detail in your post, it saved us a lot of back-and-forth. The technician visit was booked in the wrong region, which explains the no-show. I have rebooked it and asked the local team to call you first.',
  'Hello {name}. You are right that our hold times were unacceptable last week: we had a system outage and not enough people on the lines. That is our problem, not yours, and I have taken over your case personally.',
  'Dear {name}, I am {agent}, team lead in customer relations at {brand}. I have listened to the recording of your call and I understand why you are upset. I would like to call you tomorrow morning to put this right, if that suits you.',
  "Hi {name}, sorry for the wait on this one. I've been through the order history and your parcel was sent back to our warehouse by mistake. A new one is being packed today and I'll post the tracking number here.",
  '{name}, thank you for not giving up on us. The billing team confirms the second charge was a duplicate on our side. It has been cancelled, and you will see the money back on your account within three working days.',
  "Hello {name}, {agent} here. I can't give you back the hours you spent on hold, but I can make sure you don't need to call again. I've noted on your account that all contact about this case now comes straight to me.",
  "Hi {name}, I've read your post twice. The agent should never have told you that cancelling was only possible by post, because it isn't. I have processed the cancellation with effect from the date of your first call.",
  "Hi {name}, I'm {agent} and I've worked at {brand} for nine years, so I know how frustrating our old ticket system can be. Your case was sitting in a queue nobody was monitoring. It's with me now and it won't go back there.",
  'Dear {name}, thank you for raising this publicly and calmly. I have escalated it to the manager at our repair partner with a firm deadline, and I will share their answer here by the end of the week, whatever it is.',
  "Hello {name}, I'm sorry. The replacement part you were promised went to your old address, which was still on our delivery system. I've corrected the address and booked a courier for Thursday morning.",
  '{name}, {agent} from {brand} here. I have spoken with the store manager about what happened at the counter. That is not how we want anyone to be spoken to, and it has been addressed with the team directly.',
  "Hi {name}, before anything else: you won't be charged the late fee, I've removed it. Now let's sort out the reading itself. Could you send me a photo of the current meter reading by private message?",
  "Hello {name}, thanks for your patience. I checked, and your complaint from last month was logged but never assigned to anyone, which I apologise for. I've assigned it to myself and will call you before Friday.",
  "Hi {name}, it's {agent}. Good news and less good news: the refund is approved, but it goes back to the original card, which can take up to five days. I'll check on Monday that it has landed and confirm here.",
  "{name}, I'm really sorry about the chatbot loop. You can always reach a person on our phone line; I've sent you the number privately, and I've passed your post on to the team that designs the chat.",
  "Dear {name}, {agent} here from the complaints team. Your case touches two departments, which is exactly where things get lost. I'll be your single point of contact from now on, so you won't have to explain it again.",
  'Hi {name}, thank you for flagging this. The price increase letter should have mentioned your right to leave without a fee. You can still use it: reply here or in private and I will close the contract without any charges.',
  "Hello {name}, I've checked the installation notes: the technician marked the job complete although the line was never activated. I've booked a senior technician for the earliest slot and waived this month's fee.",
  'Hi {name}, I have read the whole chat transcript. My colleague misunderstood your request and treated it as a password question. I have opened the right case now, and someone from our specialist team will call you today.',
  "{name}, that's far too long to wait for such a simple change, and I'm sorry. I've just done it myself. Could you check on your side that everything looks right, and tell me here if anything is still off?",
  "Hello {name}, {agent} from {brand}. I won't send you a form. I have everything I need from your post and your account, and I've started the claim for you. A confirmation email should reach you within the hour.",
  "Hi {name}, our courier partner confirms the parcel was scanned as delivered at the wrong house number. We're not going to make you chase them: a replacement goes out today and we will deal with the courier ourselves.",
  "Dear {name}, I'm sorry you were transferred six times. I've put a note on your account with a direct reference and my extension, so your next call comes straight to me instead of the general queue.",
  "Hi {name}, this should have been fixed the first time. I've reviewed the three repair reports: the same fault was noted each time without the part being replaced. We'll replace the whole unit instead, at no cost to you.",
  "Hello {name}, I've asked our accounts team to stop all reminders and collection letters while we look into this, so nothing more will arrive in the meantime. I'll come back to you with a full answer within five working days.",
];

export const CANNED_BRAND_REPLIES: string[] = [
  'We are sorry for the inconvenience. Please send your customer number and details by private message so that our team can look into this.',
  'Thank you for contacting {brand}. Your request has been forwarded to the competent department, who will get back to you as soon as possible.',
  'We understand your frustration and take all feedback seriously. For data protection reasons, please contact our customer service through the official channels listed on our website.',
];

export const THANK_YOU_REPLIES: string[] = [
  'Hi {name}, thank you so much for sharing this! We have passed your words on to the whole team.',
  'Hi {name}, this made our morning. Thank you for taking the time to write it down.',
  "Hello {name}, it's great to hear everything arrived in time. Enjoy it!",
  "Hi {name}, we're really glad it worked out. I'll make sure my colleagues see this. {agent}",
  "Thank you for the kind words. We'll read them out at Monday's team meeting, where they'll be much appreciated.",
  'Hi {name}, lovely to read. Feedback like this tells us what to keep doing.',
  "Thanks for the shout-out! We've forwarded this to the team lead so it goes on record.",
  "Hello {name}, we work hard to get these things right, and it's good to hear when we do.",
  'We appreciate you taking a moment to post this. See you next time! {agent} from {brand}',
  "Thanks a lot! It was a pleasure helping you, and it's a pleasure to read this. {agent}",
  "Hi {name}, thank you for trusting {brand}. We're glad our team could help so quickly.",
  'Such a nice message to read. Thank you, and thank you for your patience at the start.',
];

export const AUTHOR_FOLLOW_UPS: string[] = [
  'Still no call back after the promised date.',
  'Technician came today, all works.',
  'Update: the refund has arrived on my account. Thank you.',
  'Two weeks later and I am still waiting for the promised email.',
  'I received a survey asking how satisfied I am with the resolution. There has been no resolution.',
  'Someone called me this morning and fixed it in ten minutes. Why did this take a public post?',
  'The replacement arrived, but it has exactly the same fault as the first one.',
  'I sent my details by private message as asked. No reply so far.',
  'Update: the charge has been reversed. Happy with the outcome, not with how long it took.',
  'Another agent called today and asked me to explain everything again from the start.',
  'The promised date came and went. Nobody has been in touch.',
  'Good news: the part arrived and the repair was done properly this time.',
  "I was told my case is 'in progress'. It has been in progress for three weeks.",
  'Credit note received. Closing this from my side.',
  'They called back exactly when they said they would. Much better this time.',
  "Got a letter confirming the cancellation, dated two weeks after my request, but at least it's done.",
  'Charged again this month. I have opened a dispute with my bank.',
  'The chatbot now says my case is closed. I never received an answer.',
  'Quick update: it has worked since yesterday evening. Fingers crossed it stays that way.',
  'A manager phoned me to apologise and offered a voucher. Appreciated.',
];

export const RESOLUTION_PROPOSALS: string[] = [
  'Hi {name}, the refund of the full amount was issued today. Could you confirm that this resolves your case?',
  '{name}, the technician has closed the job on our side and the line tests fine from here. Is everything working for you now?',
  'We have credited your account with one month of fees as an apology, and the fault is fixed. Can we consider this resolved?',
  'Hi {name}, the courier shows the replacement as delivered. If everything is in order, would you mark the case as resolved?',
  'The corrected bill is now in your account area, and the overpayment will be returned within five days. Does this settle things for you?',
  'Your contract has been closed without fees, effective from the date of your original request. Please let us know if anything is still open.',
  '{name}, the repair is complete and the device is on its way back to you with a 12-month warranty extension. Does that resolve it?',
  'We have waived the disputed charge entirely and removed the late fees. Is there anything else we need to fix before we close this?',
  "Hi {name}, {agent} here again. The new booking is confirmed and the voucher is in your account. Can you confirm we've put this right?",
  'The duplicate payment has been reversed and your bank should show it within 48 hours. Let us know whether this resolves your complaint.',
  "We've changed the setting on your account and tested it with our technical team. Could you check and confirm it now works as expected?",
  'As a resolution we propose a full refund plus free return shipping. Let us know if you accept, and we will process it immediately.',
];

export const FIRST_NAMES: string[] = [
  'Lotte',
  'Camille',
  'Anneke',
  'Tomasz',
  'Giulia',
  'Mikkel',
  'Aoife',
  'Priya',
  'Siobhan',
  'Yusuf',
  'Henrik',
  'Femi',
  'Marisol',
  'Jonas',
  'Declan',
  'Signe',
  'Ines',
  'Conor',
  'Ravi',
  'Amara',
  'Mateo',
  'Sofia',
  'Kenji',
  'Leila',
  'Oskar',
  'Nadia',
  'Thabo',
  'Elif',
  'Bogdan',
  'Aisha',
  'Lucas',
  'Mei',
  'Rafael',
  'Zainab',
  'Pieter',
  'Hana',
  'Emeka',
  'Freya',
  'Diego',
  'Ana',
  'Sami',
  'Ingrid',
  'Kwame',
  'Chiara',
  'Dmitri',
  'Noor',
  'Tariq',
  'Mirela',
  'Joon',
  'Valentina',
];

export const LAST_INITIALS: string[] = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'J',
  'K',
  'L',
  'M',
  'N',
  'O',
  'P',
  'R',
  'S',
  'T',
  'V',
  'W',
  'Y',
  'Z',
];
