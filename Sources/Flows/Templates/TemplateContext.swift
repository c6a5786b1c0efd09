import AutopilotCore
import Mustache

/// The values a template is rendered with, as swift-mustache reads them: objects look their fields up by name; null and
/// empty strings are missing (render empty, open inverted sections); numbers and calendar dates (`2026-11-30`) are
/// written for the variant's language by `TemplateNumberFormat`.
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
        case .string(let text): text.isEmpty ? nil : numbers.date(text) ?? text
        case .array(let elements): elements.compactMap { Self.value($0, key: nil, numbers: numbers) }
        case .object(let object): TemplateContext(object: object, numbers: numbers)
        }
    }
}

/// How numbers read in messages. Whole numbers have no decimals (`10`); amounts of money (fields named `price`,
/// `value`, `total`, `amount` or ending in `_price`, `_total`, `_amount`, `_spent`) have two (`49.90`); other numbers
/// at most two, without trailing zeros (a rating of `4.8`). Languages that write a decimal comma get one (`49,90`).
/// Non-finite numbers render empty. A string that is exactly a calendar date (`2026-11-30`) reads in words in French and
/// English (`30 novembre 2026`, `30 November 2026`).
struct TemplateNumberFormat: Sendable, Hashable {
    var decimalSeparator: Character
    var monthNames: [String]?
    /// French writes the first day of a month `1er`.
    var ordinalFirstDay: Bool

    /// Languages whose decimal separator is a comma.
    private static let commaLanguages: Set<String> = [
        "fr", "de", "es", "it", "pt", "nl", "ru", "pl", "sv", "da", "nb", "nn", "no", "fi", "cs", "sk", "tr", "el", "ro", "hu", "uk", "id",
    ]
    private static let moneyNames: Set<String> = ["price", "value", "total", "amount", "subtotal", "discount"]

    private static let months: [String: [String]] = [
        "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
        "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    ]

    init(locale: String) {
        let language = TemplateLocale.language(of: locale)
        decimalSeparator = Self.commaLanguages.contains(language) ? "," : "."
        monthNames = Self.months[language]
        ordinalFirstDay = language == "fr"
    }

    /// The date in words when the text is exactly `YYYY-MM-DD` with a valid month and day, else nil.
    func date(_ text: String) -> String? {
        guard let monthNames, text.utf8.count == 10 else { return nil }
        let bytes = Array(text.utf8)
        guard bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard bytes[index] >= 0x30, bytes[index] <= 0x39 else { return nil }
                value = value * 10 + Int(bytes[index] - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return "\(day)\(day == 1 && ordinalFirstDay ? "er" : "") \(monthNames[month - 1]) \(year)"
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
