import AutopilotCore
import Foundation

/// Where a tenant prospects B2B leads by email on legitimate interest, without prior consent: only a lead's professional
/// address (not a webmail such as gmail.com or orange.fr), only in the countries listed (France by default: the CNIL
/// allows it when the message concerns the person's job and offers an opt-out). SMS and WhatsApp always need consent.
/// Pure.
public struct ProspectingRules: Sendable, Hashable {
    /// ISO 3166-1 alpha-2 codes (upper case) where email prospecting of professionals on legitimate interest is allowed.
    public var emailCountries: Set<String>
    /// The country of a lead whose country cannot be told (no `country` attribute, phone prefix or country domain); nil:
    /// such leads need consent.
    public var defaultCountry: String?

    public init(emailCountries: Set<String> = ["FR"], defaultCountry: String? = "FR") {
        self.emailCountries = Set(emailCountries.map { $0.uppercased() })
        self.defaultCountry = defaultCountry?.uppercased()
    }

    /// No prospecting without consent anywhere.
    public static let consentOnly = ProspectingRules(emailCountries: [], defaultCountry: nil)

    /// True when a marketing email may go to `contact` on legitimate interest: a lead, with a professional address, in a
    /// country listed.
    public func allowsEmail(to contact: ContactRecord, isLead: Bool) -> Bool {
        guard isLead, !emailCountries.isEmpty, let email = contact.email, ProfessionalAddress.isProfessional(email),
            let country = Self.country(of: contact) ?? defaultCountry
        else { return false }
        return emailCountries.contains(country)
    }

    /// The contact's country: the `country` attribute (ISO alpha-2), else the phone's country code, else the email's
    /// country domain (`.fr`, `.be`…).
    public static func country(of contact: ContactRecord) -> String? {
        if let code = contact.attributes["country"]?.stringValue?.trimmingCharacters(in: .whitespaces).uppercased(), code.count == 2,
            code.allSatisfy(\.isLetter)
        {
            return code
        }
        if let phone = contact.phone?.replacingOccurrences(of: " ", with: ""), phone.hasPrefix("+") {
            for (prefix, code) in phonePrefixes where phone.hasPrefix(prefix) { return code }
        }
        if let email = contact.email, let dot = email.lastIndex(of: ".") {
            return countryDomains[email[email.index(after: dot)...].lowercased()]
        }
        return nil
    }

    /// Longest prefixes first.
    static let phonePrefixes: [(String, String)] = [
        ("+352", "LU"), ("+377", "MC"), ("+212", "MA"), ("+213", "DZ"), ("+216", "TN"), ("+221", "SN"), ("+225", "CI"), ("+33", "FR"),
        ("+32", "BE"), ("+41", "CH"), ("+44", "GB"), ("+49", "DE"), ("+34", "ES"), ("+39", "IT"), ("+31", "NL"), ("+1", "US"),
    ]

    static let countryDomains: [String: String] = [
        "fr": "FR", "be": "BE", "ch": "CH", "lu": "LU", "mc": "MC", "uk": "GB", "de": "DE", "es": "ES", "it": "IT", "nl": "NL", "ma": "MA",
        "dz": "DZ", "tn": "TN", "sn": "SN", "ca": "CA",
    ]
}

/// Whether an address is a person's work address or a personal webmail.
public enum ProfessionalAddress {
    /// Webmail and consumer-ISP domains: an address there is a person's own, not their company's.
    static let personalDomains: Set<String> = [
        "gmail.com", "googlemail.com", "yahoo.com", "yahoo.fr", "ymail.com", "hotmail.com", "hotmail.fr", "outlook.com", "outlook.fr", "live.com",
        "live.fr", "msn.com", "icloud.com", "me.com", "mac.com", "aol.com", "aol.fr", "gmx.com", "gmx.fr", "gmx.de", "web.de", "t-online.de",
        "proton.me", "protonmail.com", "pm.me", "orange.fr", "wanadoo.fr", "free.fr", "sfr.fr", "neuf.fr", "laposte.net", "bbox.fr",
        "numericable.fr", "club-internet.fr", "aliceadsl.fr", "skynet.be", "bluewin.ch", "yandex.com", "yandex.ru", "mail.ru", "mail.com",
        "zoho.com", "tutanota.com", "menara.ma",
    ]

    public static func isProfessional(_ email: String) -> Bool {
        guard let at = email.lastIndex(of: "@") else { return false }
        let domain = email[email.index(after: at)...].lowercased()
        return !domain.isEmpty && !personalDomains.contains(domain)
    }
}
