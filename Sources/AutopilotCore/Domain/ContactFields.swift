import Foundation

/// Normalisation of the identifiers people are known by.
public enum ContactFields {
    /// Lower-cased and trimmed, or nil when it is not a plausible address: one `@`, a non-empty local part, a domain
    /// with a dot that neither starts nor ends it, no whitespace, at most 254 characters.
    public static func normalizeEmail(_ raw: String) -> String? {
        var email = raw.trimmedWhitespace
        var hasUpper = false
        var atIndex = -1
        var lastDot = -1
        var count = 0
        for byte in email.utf8 {
            switch byte {
            case UInt8(ascii: "@"):
                if atIndex >= 0 { return nil }
                atIndex = count
            case UInt8(ascii: "."): lastDot = count
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): hasUpper = true
            case 0x00...0x20, 0x7F: return nil
            case 0x80...: hasUpper = true
            default: break
            }
            count += 1
        }
        guard count <= 254, atIndex > 0, lastDot > atIndex + 1, lastDot < count - 1 else { return nil }
        if hasUpper {
            email = email.lowercased()
            guard !email.contains(where: { $0.isWhitespace }) else { return nil }
        }
        return email
    }

    /// E.164 (`+` and 8 to 15 digits) from international input: spaces, dots, dashes and brackets are ignored,
    /// a leading `00` stands for `+`. National numbers without a country code are refused: their country is unknown.
    public static func normalizePhone(_ raw: String) -> String? {
        var digits = ""
        var plus = false
        for (offset, character) in raw.trimmedWhitespace.enumerated() {
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
