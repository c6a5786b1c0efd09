import AutopilotCore
import Mustache

/// The values a template is rendered with, as swift-mustache reads them: objects look their fields up by name; null and
/// empty strings are missing (render empty, open inverted sections); numbers are formatted by `TemplateNumberFormat`.
struct TemplateContext: MustacheParent {
    var object: JSONObject
    var numbers: TemplateNumberFormat

    func child(named name: String) -> Any? {
        object[name].flatMap { Self.value($0, key: name, numbers: numbers) }
    }

    static func value(_ value: JSONValue, key: String?, numbers: TemplateNumberFormat) -> Any? {
        switch value {
        case .null: nil
        case .bool(let flag): flag
        case .int(let number): String(number)
        case .double(let number): numbers.format(number, money: key.map(TemplateNumberFormat.isMoney) ?? false)
        case .string(let text): text.isEmpty ? nil : text
        case .array(let elements): elements.compactMap { Self.value($0, key: nil, numbers: numbers) }
        case .object(let object): TemplateContext(object: object, numbers: numbers)
        }
    }
}

/// How numbers read in messages. Whole numbers have no decimals (`10`); amounts of money (fields named `price`,
/// `value`, `total`, `amount` or ending in `_price`, `_total`, `_amount`, `_spent`) have two (`49.90`); other numbers
/// at most two, without trailing zeros (a rating of `4.8`). Languages that write a decimal comma get one (`49,90`).
/// Non-finite numbers render empty.
struct TemplateNumberFormat: Sendable, Hashable {
    var decimalSeparator: Character

    /// Languages whose decimal separator is a comma.
    private static let commaLanguages: Set<String> = [
        "fr", "de", "es", "it", "pt", "nl", "ru", "pl", "sv", "da", "nb", "nn", "no", "fi", "cs", "sk", "tr", "el", "ro", "hu", "uk", "id",
    ]
    private static let moneyNames: Set<String> = ["price", "value", "total", "amount", "subtotal", "discount"]

    init(locale: String) {
        decimalSeparator = Self.commaLanguages.contains(TemplateLocale.language(of: locale)) ? "," : "."
    }

    static func isMoney(_ key: String) -> Bool {
        moneyNames.contains(key) || key.hasSuffix("_price") || key.hasSuffix("_total") || key.hasSuffix("_amount") || key.hasSuffix("_spent")
    }

    func format(_ number: Double, money: Bool = true) -> String {
        guard number.isFinite else { return "" }
        if number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
        let cents = (abs(number) * 100).rounded()
        guard cents < 1e17 else { return String(number) }
        let whole = Int64(cents / 100)
        let fraction = Int64(cents) % 100
        let sign = number < 0 && cents > 0 ? "-" : ""
        if !money {
            if fraction == 0 { return "\(sign)\(whole)" }
            if fraction % 10 == 0 { return "\(sign)\(whole)\(decimalSeparator)\(fraction / 10)" }
        }
        return "\(sign)\(whole)\(decimalSeparator)\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
