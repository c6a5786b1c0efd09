import Foundation

/// Normalisation of the identifiers people are known by.
public enum ContactFields {
    /// Lower-cased and trimmed, or nil when it is not a plausible address.
    public static func normalizeEmail(_ raw: String) -> String? {
        let email = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard email.count <= 254, !email.contains(where: { $0.isWhitespace }) else { return nil }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].count >= 3,
            let dot = parts[1].lastIndex(of: "."), dot != parts[1].startIndex, parts[1].index(after: dot) != parts[1].endIndex
        else { return nil }
        return email
    }

    /// E.164 (`+` and 8 to 15 digits) from international input: spaces, dots, dashes and brackets are ignored,
    /// a leading `00` stands for `+`. National numbers without a country code are refused: their country is unknown.
    public static func normalizePhone(_ raw: String) -> String? {
        var digits = ""
        var plus = false
        for (offset, character) in raw.trimmingCharacters(in: .whitespacesAndNewlines).enumerated() {
            switch character {
            case "+" where offset == 0: plus = true
            case "0"..."9": digits.append(character)
            case " ", ".", "-", "(", ")", "\u{00A0}": continue
            default: return nil
            }
        }
        if !plus, digits.hasPrefix("00") {
            digits.removeFirst(2)
            plus = true
        }
        guard plus, (8...15).contains(digits.count), !digits.hasPrefix("0") else { return nil }
        return "+" + digits
    }

    /// Whether an IANA time zone name is known to this machine.
    public static func isKnownTimeZone(_ identifier: String) -> Bool {
        TimeZone(identifier: identifier) != nil
    }
}
