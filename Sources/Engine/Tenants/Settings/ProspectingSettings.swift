import AutopilotCore
import Flows
import Foundation

/// Where the tenant prospects B2B leads by email without prior consent, on legitimate interest (`ProspectingRules`):
/// tenant settings beside the shop's. Unset, France only, and a lead of unknown country counts as French.
public enum ProspectingSettings {
    public static let definitions: [(name: String, kind: ShopSettings.Kind, meaning: String)] = [
        (
            "prospecting.email_countries", .text(maximum: 300),
            "countries (ISO codes, comma-separated, or none) where leads' professional emails are prospected on legitimate interest; default FR"
        ),
        ("prospecting.default_country", .text(maximum: 4), "the country of a lead whose country is unknown (ISO code, or none); default FR"),
    ]

    static func check(_ name: String, _ value: String) throws(ValidationError) {
        let field = "settings.\(name)"
        switch name {
        case "prospecting.email_countries":
            guard value.lowercased() == "none" || codes(value) != nil else {
                throw ValidationError(code: "invalid_setting", field: field, message: "\"\(value)\" is not a list of two-letter country codes such as FR,BE (or none)")
            }
        case "prospecting.default_country":
            guard value.lowercased() == "none" || codes(value)?.count == 1 else {
                throw ValidationError(code: "invalid_setting", field: field, message: "\"\(value)\" is not a two-letter country code such as FR (or none)")
            }
        default:
            break
        }
    }

    /// The tenant's rules; nil when it set neither (the default applies).
    public static func rules(_ values: [String: String], over defaults: ProspectingRules = ProspectingRules()) -> ProspectingRules? {
        let countries = values["prospecting.email_countries"]
        let home = values["prospecting.default_country"]
        guard countries != nil || home != nil else { return nil }
        var rules = defaults
        if let countries { rules.emailCountries = countries.lowercased() == "none" ? [] : Set(codes(countries) ?? []) }
        if let home { rules.defaultCountry = home.lowercased() == "none" ? nil : home.uppercased() }
        return rules
    }

    static func codes(_ text: String) -> [String]? {
        let codes = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
        guard !codes.isEmpty, codes.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isLetter } }) else { return nil }
        return codes
    }
}
