import AutopilotCore
import Foundation

/// A customer's birthdate kept in the shop: a Shopify customer metafield (`namespace.key`, type `date`) or a
/// WooCommerce customer meta key, named by the tenant (settings `shopify.birthdate_metafield`,
/// `woocommerce.birthdate_meta_key`). Read as `YYYY-MM-DD` (a date-time keeps its day), `YYYY/MM/DD` or the French
/// `DD/MM/YYYY`; anything else is left out, never an error.
public enum ShopBirthdate {
    /// The day as `YYYY-MM-DD`, or nil when the value is not a plausible birthdate.
    public static func normalize(_ raw: String?) -> String? {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), raw.count >= 8 else { return nil }
        var day: String?
        let head = String(raw.prefix(10))
        if head.count == 10, Timestamp.parseDay(head) != nil {
            day = head
        } else if head.count == 10, head.split(separator: "/").count == 3 {
            let parts = head.split(separator: "/").map(String.init)
            if parts[0].count == 4 {
                day = "\(parts[0])-\(parts[1])-\(parts[2])"
            } else if parts[2].count == 4 {
                day = "\(parts[2])-\(parts[1])-\(parts[0])"
            }
        }
        guard let day, let parsed = Timestamp.parseDay(day), (1900...2100).contains(parsed.year) else { return nil }
        return day
    }

    /// The value of the Shopify metafield `namespace.key` among a customer payload's `metafields` (included when the
    /// webhook subscription names the namespace).
    static func shopify(_ customer: JSONValue, field: String?) -> String? {
        guard let field, let dot = field.firstIndex(of: ".") else { return nil }
        let namespace = String(field[..<dot]), key = String(field[field.index(after: dot)...])
        let metafield = customer.array("metafields").first { $0.text("namespace") == namespace && $0.text("key") == key }
        return normalize(metafield?.text("value"))
    }

    /// The value of the WooCommerce meta key among a customer's `meta_data` (`[{id, key, value}]`).
    static func wooCommerce(_ customer: JSONValue, key: String?) -> String? {
        guard let key else { return nil }
        return normalize(customer.array("meta_data").first { $0.text("key") == key }?.text("value"))
    }
}
