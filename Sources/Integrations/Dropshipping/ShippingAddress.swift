import AutopilotCore
import Foundation

/// Where a supplier ships an order, read from the `shipping_address` object of `order.placed` (Shopify's field names:
/// `first_name`, `last_name` or `name`, `address1`, `address2`, `city`, `province`, `province_code`, `country`,
/// `country_code`, `zip`, `phone`).
public struct ShippingAddress: Sendable, Equatable, Codable {
    public var firstName: String
    public var lastName: String
    public var address1: String
    public var address2: String?
    public var city: String
    public var province: String?
    public var zip: String?
    public var country: String?
    public var countryCode: String
    public var phone: String?

    /// The recipient's full name.
    public var name: String { [firstName, lastName].filter { !$0.isEmpty }.joined(separator: " ") }

    /// Reads the address; `fallbackPhone` (the contact's) when the address has none. Errors name the missing field.
    public static func read(_ object: JSONObject?, fallbackPhone: String?) throws(SupplierError) -> ShippingAddress {
        guard let object else { throw SupplierError(code: "missing_shipping_address", message: "order.placed has no shipping_address object") }
        func text(_ key: String) -> String? {
            let value = object[key]?.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines)
            return value?.isEmpty == false ? value : nil
        }
        func required(_ key: String) throws(SupplierError) -> String {
            guard let value = text(key) else {
                throw SupplierError(code: "missing_shipping_field", message: "shipping_address.\(key) is missing or empty")
            }
            return value
        }
        var first = text("first_name") ?? ""
        var last = text("last_name") ?? ""
        if first.isEmpty, last.isEmpty {
            let parts = (text("name") ?? "").split(separator: " ", maxSplits: 1).map(String.init)
            first = parts.first ?? ""
            last = parts.count > 1 ? parts[1] : ""
        }
        guard !first.isEmpty || !last.isEmpty else {
            throw SupplierError(code: "missing_shipping_field", message: "shipping_address.name (or first_name/last_name) is missing or empty")
        }
        let code = try required("country_code").uppercased()
        guard code.count == 2, code.allSatisfy(\.isLetter) else {
            throw SupplierError(code: "invalid_shipping_field", message: "shipping_address.country_code \"\(code)\" is not a two-letter ISO code")
        }
        return ShippingAddress(
            firstName: first, lastName: last, address1: try required("address1"), address2: text("address2"), city: try required("city"),
            province: text("province") ?? text("province_code"), zip: text("zip"), country: text("country"), countryCode: code,
            phone: text("phone") ?? fallbackPhone)
    }
}
