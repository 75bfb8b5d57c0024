"""Sentence templates and word pools the synthetic archive is written from.

Data only. Slots in braces are filled by `synth.Writer`: {place} and {place2} are region
names, {org} to {org3} tags, {cue} and {cue2} phrases from the topic's own cues in the
taxonomy, the rest from the pools below. The templates read like the wire copy that
digests carry, so that readers and classifiers do the work they do on real input.
"""

from __future__ import annotations

TITLES = (
    "{Place} unveils plan on {cue}",
    "{Org} faces scrutiny over {cue} in {place}",
    "Lawmakers in {place} back new rules on {cue}",
    "Regulators in {place} open inquiry into {org} over {cue}",
    "{Place} and {place2} agree to cooperate on {cue}",
    "{Org} launches {cue} programme for {audience} in {place}",
    "Report warns of gaps in {place}'s approach to {cue}",
    "{Place} sets {month} deadline for {cue} compliance",
    "{Org} and {org2} sign {cue} pact covering {place}",
    "Court in {place} rules on {cue} case brought against {org}",
    "{Place} consults on {cue} as {audience} raise concerns",
    "{Org} pledges {money} for {cue} in {place}",
    "Survey finds {audience} in {place} wary of {cue}",
    "{Place} names new office to oversee {cue}",
    "Ministers from {place} and {place2} meet on {cue} and {cue2}",
)

SENTENCES = (
    "Officials in {place} said on {weekday} that the new rules on {cue} would take effect in "
    "{month} {year}, after months of consultation with industry and civil society.",
    "{Org} said the proposal could reshape how companies handle {cue} across {place} and beyond.",
    "The plan, published by the {ministry} of {place}, sets out {num} measures, including "
    "stricter reporting duties and a public register of {noun}.",
    "Critics argue that the approach to {cue} leaves too much discretion to {official}, and "
    "that smaller firms will struggle to comply.",
    "According to figures released by {org}, spending on {cue} rose by {pct} per cent last "
    "year, with {place2} accounting for a growing share.",
    "Lawmakers in {place} are expected to vote on the measure before the end of {month}.",
    "{Org} and {org2} have both signalled support, while {org3} warned of unintended "
    "consequences for {noun}.",
    "The move follows similar steps in {place2}, where regulators opened an inquiry into "
    "{cue2} earlier this year.",
    "Analysts at {org} described the announcement as a test of whether {place} can balance "
    "innovation with {noun}.",
    "In a statement, the {ministry} said it would consult on the details and publish guidance "
    "for {audience} within {num} months.",
    "The debate over {cue} has intensified since {month}, when a series of incidents drew "
    "attention to gaps in existing {noun}.",
    "Industry groups in {place2} said they would watch closely, noting that many of their "
    "members operate in {place}.",
    "Researchers at {university} found that {pct} per cent of {audience} surveyed were unaware "
    "of their obligations under current {noun}.",
    "{Person}, a {role} at {org}, said the rules were 'a necessary first step' but called for "
    "clearer definitions of {cue}.",
    "Observers note that the timing matters: {place} chairs several international forums on "
    "{noun} this year.",
    "Funding of {money} has been set aside for the first {num} years of the programme.",
    "The initiative builds on a {year} agreement between {place} and {place2} on {cue2}.",
    "{Org} declined to comment on the specifics, but said it was reviewing its {noun} in {place}.",
    "Civil society groups welcomed the focus on {cue}, while asking for independent audits "
    "and a clear route for complaints by {audience}.",
    "The {ministry} estimates that about {num},000 organisations could fall within the scope "
    "of the new {noun}.",
    "Speaking at a conference in {city} on {weekday}, {person} urged governments to "
    "coordinate on {cue2} rather than act alone.",
    "A draft seen by reporters would require {audience} to disclose how they use {cue} and to "
    "keep records for {num} years.",
    "Previous attempts to regulate {cue} in {place} stalled in {year} amid disagreements over "
    "enforcement and penalties.",
    "Penalties could reach {pct} per cent of annual turnover for repeated breaches, the "
    "document says.",
    "{Org} has expanded its operations in {place} over the past {num} years and now employs "
    "thousands of engineers there.",
    "The announcement came a day after {org2} reported a sharp rise in demand for {cue2} "
    "services from {audience}.",
    "Diplomats from {place2} said the proposal would be discussed at the next round of talks "
    "in {city}.",
    "Some experts caution that the definitions of {cue} in the text remain vague and may be "
    "tested in court.",
    "Public consultation on the proposal runs until {day} {month}, after which the {ministry} "
    "will publish a revised version.",
    "The measure is part of a wider strategy that also covers {noun}, {noun2} and skills.",
)

# Most sentences are put together from these parts, so that two stories rarely share a
# run of words beyond short phrases, as in real copy: near-duplicate detection and
# related-briefing similarity see the spread of text they see in a real archive.
OPENERS = ("", "", "", "", "{when}, ", "{manner}, ")

WHEN = (
    "on {weekday}",
    "late on {weekday}",
    "earlier this month",
    "last week",
    "at the weekend",
    "in {month}",
    "by the end of {month}",
    "after {num} weeks of talks",
    "overnight",
    "early in {month}",
    "in mid-{month}",
    "this spring",
    "over the summer",
    "before the recess",
)

MANNER = (
    "in a statement",
    "in an interview",
    "speaking in {city}",
    "at a hearing in {city}",
    "in a briefing to journalists",
    "according to {org}",
    "in a blog post",
    "in written evidence",
    "on the sidelines of a summit in {city}",
    "in a speech at {university}",
    "separately",
    "in response",
)

SUBJECTS = (
    "{group} {located} {place}",
    "{group} {located} {place}",
    "{group} {located} {place}",
    "{group} {located} {place2}",
    "officials in {place}",
    "{org}",
    "the {ministry} of {place}",
    "{person}, a {role} at {org},",
    "lawmakers in {place}",
    "regulators in {place2}",
    "a coalition of {audience}",
    "analysts at {org}",
    "the government of {place}",
    "{person} of {university}",
    "a parliamentary committee in {place}",
    "groups representing {audience}",
    "{org2}",
    "the {ministry}",
    "campaigners in {place}",
    "diplomats from {place2}",
)

VERBS = (
    "said",
    "announced",
    "warned",
    "confirmed",
    "argued",
    "signalled",
    "acknowledged",
    "insisted",
    "told reporters",
    "suggested",
    "noted",
    "claimed",
    "reported",
    "pledged",
    "disclosed",
    "predicted",
    "conceded",
    "stressed",
)

OBJECTS = (
    "that {actor} {modal} {action} {det} {adj} {policy} {about} {cue}",
    "that {actor} {modal} {action} {det} {adj} {policy} {about} {cue}",
    "that {actor} {modal} {action} {det} {adj} {policy} {about} {cue}",
    "that {actor} {modal} {action} {det} {policy} {about} {cue2}",
    "that {actor} {modal} {action} {det} {policy} {about} {cue2}",
    "that {actor} {modal} {action} {det} {adj} {policy} {about} {noun}",
    "that {actor} {modal} {action} {det} {policy} with {place2} {about} {cue}",
    "that a {adj} {policy} on {cue} would be {done} by {month}",
    "that the {adj} {policy} for {audience} had been {done}",
    "that {org} had {done} its {policy} on {cue2}",
    "that {num} {adj} measures on {cue} were under discussion",
    "that spending on {cue} had risen by {pct} per cent",
    "that {org} would be asked to explain its {adj} {policy}",
    "that talks with {place2} on a {adj} {policy} had {stalled}",
    "that the budget for {noun} would reach {money}",
    "that {audience} had {objected} the {adj} {policy}",
    "that an inquiry into {cue2} would be {done} within {num} months",
    "that {adj} results on {cue} were expected in {year}",
    "that fines under the {adj} {policy} could reach {pct} per cent of turnover",
    "that a {adj} pilot on {cue} would start in {city}",
    "that work with {place2} on {cue2} would {grow}",
    "that {cue} had become a {adj} priority",
    "that the {adj} {policy} went too far",
    "that smaller firms needed more time to adapt to the {policy}",
    "that a {adj} register of {cue2} would be {done}",
    "that complaints about {cue} had {grown} since {year}",
    "that the {policy} would be {done} before {year}",
)

TAILS = ("", "", "", "", ", {tail}", " {tail}")

TAIL_PHRASES = (
    "citing {adj} concerns over {noun}",
    "after {num} months of consultation",
    "amid {adj} scrutiny of {org}",
    "according to {num} people familiar with the plans",
    "ahead of talks in {city}",
    "a step {audience} welcomed",
    "despite objections from {org2}",
    "reversing its position of {year}",
    "as pressure from {audience} mounted",
    "without giving further details",
    "in a letter to {org}",
    "adding that {noun} would not be affected",
    "while {org2} declined to comment",
    "as {place2} weighs a similar step",
    "weeks before an election in {place}",
)

GROUPS = (
    "officials",
    "lawmakers",
    "regulators",
    "ministers",
    "campaigners",
    "prosecutors",
    "judges",
    "trade unions",
    "researchers",
    "executives",
    "senators",
    "advisers",
    "economists",
    "watchdogs",
    "auditors",
    "consumer groups",
    "start-up founders",
    "teachers",
    "privacy advocates",
    "opposition politicians",
)
LOCATED = ("in", "from", "across", "based in", "working in", "representing")
ACTORS = (
    "the government",
    "{org}",
    "regulators",
    "the committee",
    "ministers",
    "the agency",
    "it",
    "the authorities",
    "{place}",
    "the coalition",
    "the industry",
    "the commission",
)
MODALS = (
    "would",
    "could",
    "might",
    "planned to",
    "was expected to",
    "had agreed to",
    "was likely to",
    "hoped to",
    "was preparing to",
    "had been asked to",
    "refused to",
    "was under pressure to",
)
ACTIONS = (
    "approve",
    "publish",
    "unveil",
    "delay",
    "expand",
    "scrap",
    "review",
    "table",
    "adopt",
    "extend",
    "fund",
    "examine",
    "revise",
    "challenge",
    "drop",
    "support",
    "pilot",
    "enforce",
    "simplify",
    "replace",
    "suspend",
    "finalise",
)
DETS = ("a", "the", "its", "another", "a second", "the first")
ABOUT = ("on", "covering", "for", "targeting", "addressing", "governing", "linked to")

ADJECTIVES = (
    "new",
    "stricter",
    "binding",
    "voluntary",
    "national",
    "regional",
    "long-awaited",
    "controversial",
    "draft",
    "revised",
    "interim",
    "independent",
    "mandatory",
    "joint",
    "sweeping",
    "narrow",
    "temporary",
    "permanent",
    "cross-border",
    "landmark",
    "modest",
    "ambitious",
    "delayed",
    "expanded",
    "targeted",
    "sector-wide",
    "risk-based",
    "simplified",
    "tougher",
    "lighter",
    "public",
    "confidential",
    "first",
    "second",
    "final",
    "preliminary",
    "bilateral",
    "multilateral",
    "emergency",
    "annual",
    "five-year",
    "pilot",
    "flagship",
    "contested",
    "cautious",
    "unexpected",
    "fresh",
    "overdue",
    "unprecedented",
    "phased",
)

POLICIES = (
    "framework",
    "code of conduct",
    "register",
    "audit",
    "review",
    "consultation",
    "taskforce",
    "roadmap",
    "licensing regime",
    "sandbox",
    "standard",
    "charter",
    "treaty",
    "directive",
    "guideline",
    "inquiry",
    "tender",
    "subsidy scheme",
    "levy",
    "fund",
    "hearing",
    "strategy",
    "white paper",
    "bill",
    "decree",
    "ordinance",
    "action plan",
    "memorandum",
    "procurement rule",
    "certification scheme",
    "reporting duty",
    "moratorium",
    "grant programme",
    "oversight board",
    "complaints procedure",
    "impact assessment",
    "disclosure rule",
    "age check",
    "labelling rule",
    "data-sharing deal",
)

DONE = (
    "approved",
    "published",
    "unveiled",
    "delayed",
    "expanded",
    "scrapped",
    "endorsed",
    "challenged",
    "postponed",
    "finalised",
    "revised",
    "launched",
    "suspended",
    "tabled",
    "adopted",
    "watered down",
    "strengthened",
    "blocked",
    "extended",
    "fast-tracked",
)

STALLED = ("stalled", "resumed", "broken down", "made progress", "been paused", "intensified")
OBJECTED = ("objected to", "welcomed", "questioned", "lobbied against", "backed", "criticised")
GROW = ("deepen", "expand", "slow", "continue", "be reviewed", "be paused")
GROWN = ("doubled", "tripled", "fallen", "risen sharply", "levelled off", "grown")

OFF_TOPIC_SENTENCES = (
    "The home side won {num}-{num2} in front of a crowd of {num},000 in {city} on {weekday}.",
    "Heavy rain is forecast across {place} until the end of {month}, the weather service said.",
    "Doctors at {university} reported that the new treatment reduced symptoms in {pct} per "
    "cent of patients.",
    "The festival in {city} drew record crowds, with organisers praising the new venue.",
    "{Person} scored twice in the second half as the club moved to the top of the league.",
    "Health officials in {place} urged residents to get vaccinated before the winter season.",
)

OFF_TOPIC_TITLES = (
    "{Place} side wins cup final in {city}",
    "Storms expected across {place} this week",
    "Hospital in {city} trials new cancer treatment",
)

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")

MINISTRIES = (
    "digital ministry",
    "ministry of science and technology",
    "data protection authority",
    "communications regulator",
    "competition authority",
    "ministry of education",
    "finance ministry",
    "cybersecurity agency",
    "ministry of justice",
    "trade ministry",
)

OFFICIALS = (
    "regulators",
    "ministers",
    "the courts",
    "national agencies",
    "local authorities",
    "platform operators",
)

NOUNS = (
    "data protection rules",
    "platform accountability",
    "consumer protection",
    "competition law",
    "public trust",
    "national security",
    "online safety",
    "digital infrastructure",
    "cross-border data flows",
    "procurement rules",
    "research funding",
    "export controls",
    "cloud contracts",
    "content moderation",
    "workers' rights",
    "intellectual property",
    "payment systems",
    "school curricula",
)

AUDIENCES = (
    "small businesses",
    "schools",
    "hospitals",
    "banks",
    "start-ups",
    "public bodies",
    "parents",
    "developers",
    "news publishers",
    "universities",
    "telecom operators",
    "consumers",
)

ROLES = (
    "policy director",
    "senior researcher",
    "chief executive",
    "legal adviser",
    "professor",
    "spokesperson",
    "former minister",
)

FIRST_NAMES = (
    "Amara",
    "Bjorn",
    "Chen",
    "Daniela",
    "Emeka",
    "Farah",
    "Giulia",
    "Hiroshi",
    "Ines",
    "Jonas",
    "Kavya",
    "Lucas",
    "Mei",
    "Nadia",
    "Omar",
    "Priya",
    "Rafael",
    "Sofia",
    "Tomasz",
    "Uma",
    "Viktor",
    "Wanjiru",
    "Yusuf",
    "Zara",
    "Aiko",
    "Mateo",
    "Leila",
    "Sven",
    "Ngozi",
)

LAST_NAMES = (
    "Okafor",
    "Lindqvist",
    "Wang",
    "Moreno",
    "Adeyemi",
    "Haddad",
    "Rossi",
    "Tanaka",
    "Silva",
    "Becker",
    "Iyer",
    "Martin",
    "Zhang",
    "Petrova",
    "Farouk",
    "Sharma",
    "Costa",
    "Nowak",
    "Mensah",
    "Kowalski",
    "Nakamura",
    "Fischer",
    "Alvarez",
    "Kim",
    "Dubois",
    "Khan",
    "Novak",
)

SYLLABLES = (
    "nor",
    "vex",
    "cal",
    "der",
    "tri",
    "lum",
    "zen",
    "qua",
    "bri",
    "sol",
    "mar",
    "tek",
    "ori",
    "pax",
    "vel",
    "dyn",
    "aur",
    "syn",
    "cor",
    "nex",
    "ion",
    "gra",
    "fal",
    "kin",
    "rho",
    "lyt",
)

COMPANY_SUFFIXES = (
    "AI",
    "Labs",
    "Systems",
    "Technologies",
    "Group",
    "Bank",
    "Telecom",
    "Cloud",
    "Robotics",
    "Analytics",
    "Data",
    "Networks",
    "Institute",
    "Foundation",
)

OUTLET_PATTERNS = (
    "The {city} Post",
    "{city} Daily",
    "{city} Tech Review",
    "{place} Digital News",
    "The {place} Observer",
    "{city} Business Times",
)

UNIVERSITY_PATTERNS = ("University of {city}", "{city} Institute of Technology")

CITIES = (
    "Geneva",
    "Brussels",
    "Nairobi",
    "Singapore",
    "Tokyo",
    "Seoul",
    "Toronto",
    "Lagos",
    "Berlin",
    "Paris",
    "Madrid",
    "Warsaw",
    "Mumbai",
    "Jakarta",
    "Sydney",
    "Sao Paulo",
    "Mexico City",
    "Cape Town",
    "Dubai",
    "Stockholm",
    "Vienna",
    "Lisbon",
    "Bangkok",
    "Manila",
    "Accra",
    "Buenos Aires",
    "Santiago",
    "Helsinki",
    "Dublin",
    "Tallinn",
    "Hanoi",
    "Cairo",
)
