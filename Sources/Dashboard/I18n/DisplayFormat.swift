import Content
import Foundation

/// Numbers, amounts and dates as a person reads them: in their language, in the shop's time zone.
public struct DisplayFormat: Sendable {
    public let language: ContentLanguage
    public let timeZone: TimeZone

    public init(language: ContentLanguage, timeZone: TimeZone) {
        self.language = language
        self.timeZone = timeZone
    }

    var locale: Locale { Locale(identifier: language == .french ? "fr_FR" : "en_GB") }

    public func number(_ value: Int) -> String {
        numberFormatter(fractionDigits: 0).string(from: NSNumber(value: value)) ?? String(value)
    }

    public func decimal(_ value: Double, fractionDigits: Int = 1) -> String {
        numberFormatter(fractionDigits: fractionDigits).string(from: NSNumber(value: value)) ?? String(value)
    }

    /// `1 234,50 €` in French, `€1,234.50` in English; whole amounts from 1,000 up lose their cents.
    public func money(_ amount: Double, currency: String) -> String {
        let formatter = NumberFormatter()
        formatter.locale = locale
        formatter.numberStyle = .currency
        formatter.currencyCode = currency
        let digits = abs(amount) >= 1_000 ? 0 : 2
        formatter.minimumFractionDigits = digits
        formatter.maximumFractionDigits = digits
        return formatter.string(from: NSNumber(value: amount)) ?? "\(amount) \(currency)"
    }

    public func percent(_ ratio: Double) -> String {
        let formatter = NumberFormatter()
        formatter.locale = locale
        formatter.numberStyle = .percent
        formatter.maximumFractionDigits = ratio != 0 && abs(ratio) < 0.1 ? 1 : 0
        return formatter.string(from: NSNumber(value: ratio)) ?? "\(Int(ratio * 100)) %"
    }

    /// `6 déc. 2026` / `6 Dec 2026`, in the shop's time zone.
    public func date(_ date: Date) -> String {
        dateFormatter(template: "dMMMy").string(from: date)
    }

    /// `6 déc., 14:05` / `6 Dec, 14:05`, in the shop's time zone.
    public func dateTime(_ date: Date) -> String {
        dateFormatter(template: "dMMMHHmm").string(from: date)
    }

    /// The ISO 8601 instant with the shop's offset, for `<time datetime>`.
    public func machineTime(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = timeZone
        return formatter.string(from: date)
    }

    private func numberFormatter(fractionDigits: Int) -> NumberFormatter {
        let formatter = NumberFormatter()
        formatter.locale = locale
        formatter.numberStyle = .decimal
        formatter.minimumFractionDigits = fractionDigits
        formatter.maximumFractionDigits = fractionDigits
        return formatter
    }

    private func dateFormatter(template: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = locale
        formatter.timeZone = timeZone
        formatter.setLocalizedDateFormatFromTemplate(template)
        return formatter
    }
}
