import Foundation

/// HTTP request headers with case-insensitive lookup, as webhook senders spell names in many ways
/// (`X-Shopify-Hmac-Sha256`, `x-shopify-hmac-sha256`, …).
public struct WebhookHeaders: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    private var values: [String: String] = [:]

    /// When two names differ only by case, the one that sorts last wins; senders never send both.
    public init(_ headers: [String: String]) {
        for name in headers.keys.sorted() {
            values[name.lowercased()] = headers[name]
        }
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        for (name, value) in elements { values[name.lowercased()] = value }
    }

    /// The value of a header, whatever the case of its name; nil when absent.
    public subscript(name: String) -> String? {
        values[name.lowercased()]
    }

    /// The value trimmed of surrounding whitespace, or nil when absent or blank.
    public func value(_ name: String) -> String? {
        guard let raw = values[name.lowercased()] else { return nil }
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}
