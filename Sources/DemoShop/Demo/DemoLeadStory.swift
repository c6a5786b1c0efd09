import AutopilotCore
import Foundation

/// Writes one inbound B2B lead: who, from which company and channel, and the free-text request they sent.
struct DemoLeadStory {
    /// How promising the lead is meant to read; the phrases follow from it, the scoring is left to the scorer.
    enum Intent: CaseIterable {
        case hot, warm, cool, cold

        static let weights: [Double] = [0.13, 0.35, 0.27, 0.25]
    }

    let number: Int
    let context: DemoShopContext
    var random: DemoRandom

    init(number: Int, context: DemoShopContext) {
        self.number = number
        self.context = context
        random = DemoRandom(seed: context.seed, stream: UInt64(number), salt: 0x1EAD)
    }

    private static let sources = ["website_form", "website_form", "website_form", "linkedin", "linkedin", "salon", "referral", "webinar", "chat"]
    private static let frenchCompanyHeads = ["Maison", "Atelier", "Comptoir", "Les Jardins de", "Studio", "La Fabrique", "Bazar", "Épicerie"]
    private static let frenchCompanyTails = ["Lila", "Safran", "Argane", "Nomade", "Céleste", "Olive", "Cèdre", "Indigo", "Jasmin", "Sésame"]
    private static let englishCompanyHeads = ["Brew", "Leaf", "Pawsome", "Glow", "Bloom", "Nordic", "Urban", "Wild", "Harbour", "Copper"]
    private static let englishCompanyTails = ["& Co", "Labs", "Supply", "Collective", "Studio", "Goods", "Consulting"]

    mutating func tell(into output: inout [JSONValue]) {
        var log = DemoEventLog(timeline: context.timeline)
        let country = DemoCountry.allCases[random.weighted([0.45, 0.25, 0.1, 0.2])]
        let language = country.language
        let names = DemoNames.forCountry(country)
        let masculine = random.chance(0.5)
        let first = random.pick(masculine ? names.male : names.female) ?? DemoNames.Name(display: "Alex", ascii: "alex")
        let last = random.pick(names.last) ?? DemoNames.Name(display: "Martin", ascii: "martin")
        let company =
            language == .french
            ? (random.pick(Self.frenchCompanyHeads) ?? "Maison") + " " + (random.pick(Self.frenchCompanyTails) ?? "Lila")
            : (random.pick(Self.englishCompanyHeads) ?? "Brew") + " " + (random.pick(Self.englishCompanyTails) ?? "& Co")
        let domain = DemoCatalog.slug(company) + ".example"
        var contact = JSONObject()
        contact["email"] = .string(first.ascii + "." + last.ascii + "." + String(number) + "@" + domain)
        let phone = random.chance(0.4) ? phoneNumber(country) : nil
        if let phone { contact["phone"] = .string(phone.replacingOccurrences(of: " ", with: "")) }
        var message = compose(language: language, masculine: masculine, phone: random.chance(0.3) ? phone : nil)
        message += (random.chance(0.5) ? "\n" : " ") + (random.chance(0.5) ? first.display : first.display + ", " + company)
        let recent = 1 - random.unit() * random.unit()
        let moment = context.timeline.atWakingHour(context.timeline.moment(at: recent), offsetHours: country.utcOffsetHours, &random)
        let leadID = "L\(10_000 + number)"
        var properties = JSONObject()
        properties["lead_id"] = .string(leadID)
        properties["company"] = .string(company)
        properties["message"] = .string(message)
        let source = random.pick(Self.sources) ?? "website_form"
        properties["source"] = .string(source)
        // Their name, language and country. A lead who wrote through the website's form or the chat ticked the consent box
        // (its words are kept); one met on LinkedIn, at a fair, a webinar or through a referral did not, and is prospected on
        // legitimate interest where the shop's rules allow it (France by default; docs/smart-sending.md).
        var profile = JSONObject()
        profile["first_name"] = .string(first.display)
        profile["last_name"] = .string(last.display)
        profile["locale"] = .string(language == .french ? "fr" : "en")
        profile["attributes"] = ["country": .string(country.isoCode), "company": .string(company)]
        if source == "website_form" || source == "chat" {
            let checkbox =
                language == .french
                ? "J'accepte d'être recontacté(e) par email au sujet de ma demande et des offres de la boutique."
                : "I agree to be contacted by email about my request and the shop's offers."
            profile["consents"] = ["email": true, "source": .string(source), "text": .string(checkbox)]
        }
        let at = min(moment, context.timeline.end)
        log.record(.contactUpdated, at: at, key: "demo-lead-contact-" + leadID, contact: .object(contact), profile)
        log.record(.leadCreated, at: at, key: "demo-lead-" + leadID, contact: .object(contact), properties)
        // Someone of the team calls back some of the leads who left a number, a few hours later, and logs the call.
        if phone != nil, random.chance(0.35) {
            let outcome = random.chance(0.7) ? "reached" : "voicemail"
            log.record(
                .callLogged, at: at + Int64(random.int(1_800...21_600)), key: "demo-call-" + leadID, contact: .object(contact),
                ["by": "equipe@boutique.example", "outcome": .string(outcome)])
        }
        log.drain(into: &output)
    }

    private mutating func compose(language: DemoLanguage, masculine: Bool, phone: String?) -> String {
        typealias Phrases = DemoLeadPhrases
        var parts: [String] = []
        let greeting = Phrases.greeting.pick(language, &random)
        func intro(_ pair: DemoLeadPhrases.Pair, _ random: inout DemoRandom) -> String {
            pair.pick(language, masculine: masculine, &random).replacingOccurrences(of: "{b}", with: Phrases.businesses.pick(language, &random))
                .replacingOccurrences(of: " de une ", with: " d'une ").replacingOccurrences(of: " de un ", with: " d'un ")
        }
        switch Intent.allCases[random.weighted(Intent.weights)] {
        case .hot:
            parts = [intro(Phrases.decidingIntro, &random), Phrases.bigBudget.pick(language, &random), Phrases.soon.pick(language, &random)]
            parts.append(phone.map { (language == .french ? "Mon numéro : " : "Call me at ") + $0 } ?? Phrases.callToAction.pick(language, &random))
        case .warm:
            let deciding = random.chance(0.4)
            parts = [intro(deciding ? Phrases.decidingIntro : Phrases.neutralIntro, &random)]
            if random.chance(0.85) { parts.append((random.chance(0.65) ? Phrases.bigBudget : Phrases.smallBudget).pick(language, &random)) }
            parts.append((random.chance(0.5) ? Phrases.soon : Phrases.later).pick(language, &random))
            if !deciding, random.chance(0.7) { parts.append(Phrases.someoneElseDecides.pick(language, &random)) }
            if random.chance(0.5) { parts.append(Phrases.callToAction.pick(language, &random)) }
        case .cool:
            parts = [intro(random.chance(0.5) ? Phrases.decidingIntro : Phrases.neutralIntro, &random)]
            if random.chance(0.35) { parts.append(Phrases.smallBudget.pick(language, &random)) }
            if random.chance(0.7) { parts.append(Phrases.later.pick(language, &random)) }
            if random.chance(0.5) { parts.append(Phrases.question.pick(language, &random)) }
        case .cold:
            if random.chance(0.5) {
                parts = [Phrases.browsing.pick(language, &random)]
            } else {
                parts = [Self.capitalized(Phrases.offTarget.pick(language, masculine: masculine, &random))]
                if random.chance(0.5) { parts.append(Phrases.question.pick(language, &random)) }
            }
            return parts.joined(separator: " ")
        }
        if greeting.isEmpty { parts[0] = Self.capitalized(parts[0]) }
        return (greeting.isEmpty ? [] : [greeting]).joined() + (greeting.isEmpty ? "" : " ") + parts.joined(separator: " ")
    }

    private static func capitalized(_ sentence: String) -> String {
        guard let first = sentence.first else { return sentence }
        return first.uppercased() + sentence.dropFirst()
    }

    private mutating func phoneNumber(_ country: DemoCountry) -> String {
        switch country {
        case .france: "+33 " + random.digits(1, first: "67") + " " + pairs(4)
        case .unitedKingdom: "+44 7" + random.digits(3) + " " + random.digits(6)
        case .unitedStates: "+1 " + random.digits(3, first: "2345678") + " " + random.digits(3) + " " + random.digits(4)
        case .morocco: "+212 " + random.digits(1, first: "67") + " " + pairs(4)
        }
    }

    private mutating func pairs(_ count: Int) -> String {
        (0..<count).map { _ in random.digits(2) }.joined(separator: " ")
    }
}
