import Foundation

/// Locale names of template variants and the choice of a variant for a contact.
enum TemplateLocale {
    /// A language of 2 or 3 lower-case letters, optionally followed by `-` and a region or script (`fr-CA`, `zh-Hant`).
    static func isValid(_ locale: String) -> Bool {
        let parts = locale.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = parts.first, (2...3).contains(language.count), language.allSatisfy({ $0.isASCII && $0.isLowercase }) else {
            return false
        }
        return parts.dropFirst().allSatisfy { (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// The language part of a locale: `fr` for `fr-CA` and `fr_CA`, lower-cased.
    static func language(of locale: String) -> String {
        String(locale.prefix { $0 != "-" && $0 != "_" }).lowercased()
    }

    /// The variant for a locale: exact (ignoring case and `_`/`-`), then its language, then `en`, then the first.
    static func choose(_ variants: [TemplateVariant], for locale: String?) -> TemplateVariant? {
        if let locale, !locale.isEmpty {
            let wanted = locale.replacingOccurrences(of: "_", with: "-").lowercased()
            if let exact = variants.first(where: { $0.locale.lowercased() == wanted }) { return exact }
            let language = language(of: wanted)
            if let sameLanguage = variants.first(where: { $0.locale.lowercased() == language }) { return sameLanguage }
            if let regional = variants.first(where: { Self.language(of: $0.locale) == language }) { return regional }
        }
        return variants.first { $0.locale == "en" } ?? variants.first
    }
}
