import Foundation

/// Removes what identifies a person from a JSON value (event properties, a run's state, an action's payload), keeping
/// what the aggregates need: amounts, quantities, currencies, SKUs, ids, statuses, dates. Pure.
///
/// A field goes when its key names personal data (emails, phones, names, addresses, free text: `email`, `phone`,
/// `first_name`, `address1`, `city`, `zip`, `text`, `body`, `message`, `note`, …, at any depth, also with a prefix such as
/// `billing_` or `customer_`), or when its value is a string that reads as an email address or a phone number.
public enum PersonalDataScrubber {
    /// Keys (lowercased) that hold personal data wherever they appear.
    public static let personalKeys: Set<String> = [
        "email", "email_address", "phone", "phone_number", "mobile", "name", "first_name", "last_name", "full_name", "firstname", "lastname",
        "display_name", "username", "address", "address1", "address2", "address_1", "address_2", "street", "city", "zip", "zipcode",
        "postal_code", "postcode", "province", "state_name", "company", "birthdate", "birthday", "ip", "ip_address", "browser_ip",
        "user_agent", "text", "body", "message", "comment", "comments", "note", "notes", "subject", "content", "transcript", "summary",
        "reply", "recipient", "to", "from", "checkout_url", "line1", "line2", "address_line1", "address_line2", "house_number", "landing_site", "referring_site", "latitude", "longitude",
    ]

    /// The value with personal fields removed, and how many were removed.
    public static func scrub(_ value: JSONValue) -> (value: JSONValue, removed: Int) {
        var removed = 0
        let scrubbed = scrub(value, removed: &removed)
        return (scrubbed, removed)
    }

    /// Whether a key names personal data (`email`, `billing_city`, `customerEmail`…).
    public static func isPersonal(key: String) -> Bool {
        let lowered = key.lowercased()
        if personalKeys.contains(lowered) { return true }
        let snake = lowered.replacingOccurrences(of: "-", with: "_")
        for prefix in ["billing_", "shipping_", "customer_", "contact_", "visitor_", "buyer_", "recipient_", "sender_", "from_", "to_"]
        where snake.hasPrefix(prefix) && personalKeys.contains(String(snake.dropFirst(prefix.count))) {
            return true
        }
        return ["email", "phone", "firstname", "lastname"].contains { snake.replacingOccurrences(of: "_", with: "").hasSuffix($0) }
    }

    /// Whether a string reads as an email address or a phone number.
    public static func isPersonal(string: String) -> Bool {
        if string.contains("@"), let at = string.firstIndex(of: "@"), string[string.index(after: at)...].contains(".") { return true }
        let digits = string.filter(\.isNumber).count
        let phoneCharacters = string.allSatisfy { $0.isNumber || " +-().".contains($0) }
        return phoneCharacters && digits >= 8 && (string.hasPrefix("+") || string.hasPrefix("0"))
    }

    private static func scrub(_ value: JSONValue, removed: inout Int) -> JSONValue {
        switch value {
        case .object(let object):
            var kept = JSONObject()
            for (key, field) in object {
                if isPersonal(key: key) {
                    switch field {
                    case .object, .array:
                        // An address or a customer: its personal fields go, its country or id stays.
                        kept[key] = scrub(field, removed: &removed)
                    default:
                        removed += 1
                    }
                    continue
                }
                if case .string(let text) = field, isPersonal(string: text) {
                    removed += 1
                    continue
                }
                kept[key] = scrub(field, removed: &removed)
            }
            return .object(kept)
        case .array(let items):
            var kept: [JSONValue] = []
            for item in items {
                if case .string(let text) = item, isPersonal(string: text) {
                    removed += 1
                    continue
                }
                kept.append(scrub(item, removed: &removed))
            }
            return .array(kept)
        default:
            return value
        }
    }
}
