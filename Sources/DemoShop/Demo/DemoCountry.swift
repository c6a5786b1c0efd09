/// Where a demo customer lives: it decides language, time zone, names, phone numbers, e-mail domain and carriers.
enum DemoCountry: Int, Sendable, CaseIterable {
    case france, unitedKingdom, unitedStates, morocco

    /// Share of the shop's customers.
    static let weights: [Double] = [0.5, 0.17, 0.08, 0.25]

    /// Hours ahead of UTC (standard time), enough to put purchases in waking hours.
    var utcOffsetHours: Int {
        switch self {
        case .france, .morocco: 1
        case .unitedKingdom: 0
        case .unitedStates: -5
        }
    }

    var timezone: String {
        switch self {
        case .france: "Europe/Paris"
        case .unitedKingdom: "Europe/London"
        case .unitedStates: "America/New_York"
        case .morocco: "Africa/Casablanca"
        }
    }

    /// ISO 3166-1 alpha-2.
    var isoCode: String {
        switch self {
        case .france: "FR"
        case .unitedKingdom: "GB"
        case .unitedStates: "US"
        case .morocco: "MA"
        }
    }

    var language: DemoLanguage { self == .unitedKingdom || self == .unitedStates ? .english : .french }

    var emailDomains: [String] {
        switch self {
        case .france: ["example.fr", "example.fr", "example.com"]
        case .unitedKingdom, .unitedStates: ["example.com"]
        case .morocco: ["example.ma", "example.ma", "example.com"]
        }
    }

    var carriers: [DemoCarrier] {
        switch self {
        case .france: [.colissimo, .colissimo, .chronopost, .mondialRelay, .dhl]
        case .unitedKingdom: [.royalMail, .dhl, .ups]
        case .unitedStates: [.ups, .ups, .dhl]
        case .morocco: [.amana, .amana, .dhl]
        }
    }

    var cities: [String] {
        switch self {
        case .france: ["Paris", "Lyon", "Marseille", "Toulouse", "Bordeaux", "Lille", "Nantes", "Strasbourg", "Montpellier", "Rennes", "Nice"]
        case .unitedKingdom: ["London", "Manchester", "Bristol", "Leeds", "Edinburgh", "Brighton", "Birmingham"]
        case .unitedStates: ["New York", "Boston", "Philadelphia", "Brooklyn", "Jersey City"]
        case .morocco: ["Casablanca", "Rabat", "Marrakech", "Tanger", "Fès", "Agadir"]
        }
    }

    var countryCode: String {
        switch self {
        case .france: "FR"
        case .unitedKingdom: "GB"
        case .unitedStates: "US"
        case .morocco: "MA"
        }
    }
}

/// The language a demo customer writes in.
enum DemoLanguage: Sendable {
    case french, english
}
