import AutopilotCore

/// One demo customer: who they are, how to reach them, what they agreed to, how they buy.
struct DemoPersona: Sendable {
    let number: Int
    let country: DemoCountry
    let segment: DemoSegment
    let firstName: String
    let lastName: String
    let locale: String
    let email: String
    let phone: String?
    let birthdate: String?
    let city: String
    let acquisition: String
    let consentsEmail: Bool
    let consentsSMS: Bool
    let consentsWhatsApp: Bool
    let signup: Int64
    /// Categories the person mostly buys from.
    let preferredCategories: [DemoProductCategory]
    /// The `contact` object of the person's events.
    let contact: JSONValue

    var externalID: String { "c-\(number)" }
    var language: DemoLanguage { locale == "ar-MA" || country.language == .french ? .french : .english }

    static func make(number: Int, timeline: DemoTimeline, _ random: inout DemoRandom) -> DemoPersona {
        let country = DemoCountry.allCases[random.weighted(DemoCountry.weights)]
        let segment = DemoSegment.allCases[random.weighted(DemoSegment.weights)]
        let names = DemoNames.forCountry(country)
        let female = random.chance(0.6)
        let first = random.pick(female ? names.female : names.male) ?? DemoNames.Name(display: "Alex", ascii: "alex")
        let last = random.pick(names.last) ?? DemoNames.Name(display: "Martin", ascii: "martin")
        let locale: String
        switch country {
        case .france: locale = "fr"
        case .unitedKingdom: locale = "en-GB"
        case .unitedStates: locale = "en-US"
        case .morocco: locale = random.chance(0.7) ? "fr-MA" : "ar-MA"
        }
        let email = makeEmail(first: first.ascii, last: last.ascii, number: number, country: country, &random)
        let phone = random.chance(0.7) ? makePhone(country, &random) : nil
        let birthdate = random.chance(0.6) ? makeBirthdate(timeline: timeline, &random) : nil
        let window = segment.signupWindow
        let signupDay = timeline.moment(at: random.double(window.lowerBound, window.upperBound))
        let signup = min(timeline.end, timeline.atWakingHour(signupDay, offsetHours: country.utcOffsetHours, &random))
        let whatsappShare = country == .morocco ? 0.55 : 0.2
        var categories = [DemoProductCategory.allCases[random.weighted([0.34, 0.2, 0.16, 0.18, 0.12])]]
        if random.chance(0.45), let second = random.pick(DemoProductCategory.allCases), second != categories[0] { categories.append(second) }
        var contact = JSONObject()
        contact["email"] = .string(email)
        contact["external_id"] = .string("c-\(number)")
        return DemoPersona(
            number: number, country: country, segment: segment, firstName: first.display, lastName: last.display, locale: locale,
            email: email, phone: phone, birthdate: birthdate, city: random.pick(country.cities) ?? "Paris",
            acquisition: random.pick(acquisitionSources) ?? "direct",
            consentsEmail: random.chance(0.85), consentsSMS: phone != nil && random.chance(0.45),
            consentsWhatsApp: phone != nil && random.chance(whatsappShare), signup: signup, preferredCategories: categories,
            contact: .object(contact))
    }

    private static let acquisitionSources = [
        "instagram", "google", "google", "facebook", "tiktok", "referral", "newsletter", "direct", "marketplace",
    ]

    private static func makeEmail(first: String, last: String, number: Int, country: DemoCountry, _ random: inout DemoRandom) -> String {
        let domain = random.pick(country.emailDomains) ?? "example.com"
        let local: String
        switch random.int(0...4) {
        case 0: local = first + "." + last
        case 1: local = first + last
        case 2: local = String(first.prefix(1)) + "." + last
        case 3: local = first + "_" + last
        default: local = last + "." + first
        }
        return local + String(number) + "@" + domain
    }

    private static func makePhone(_ country: DemoCountry, _ random: inout DemoRandom) -> String {
        switch country {
        case .france: "+33" + random.digits(9, first: "67")
        case .unitedKingdom: "+447" + random.digits(9, first: "4579")
        case .unitedStates: "+1" + (random.pick(["212", "646", "917", "718", "347", "617", "215"]) ?? "212") + random.digits(7, first: "23456789")
        case .morocco: "+212" + random.digits(9, first: "67")
        }
    }

    private static func makeBirthdate(timeline: DemoTimeline, _ random: inout DemoRandom) -> String {
        let (year, _, _) = Timestamp.civilFromDays(Int(timeline.end.floorDivided(by: DemoTimeline.day)))
        let birthYear = year - 18 - Int(Double(50) * random.unit() * random.unit() + Double(random.int(0...12)))
        let month = random.int(1...12)
        let day = random.int(1...28)
        return String(birthYear) + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
    }
}
