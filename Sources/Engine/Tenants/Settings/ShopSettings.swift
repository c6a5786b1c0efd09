import AutopilotCore
import Foundation
import Integrations
import Storage

/// What describes a tenant's shop, per tenant (`tenant_settings`), over the process-wide defaults from the environment:
/// its name, URL and signature, the review and booking links, and its Shopify or WooCommerce connection. Secrets (the
/// Shopify token, the WooCommerce consumer secret) are stored encrypted (`SettingsCipher`) and never shown back.
public struct ShopSettings: Sendable, Equatable {
    /// How a setting's value reads.
    public enum Kind: Sendable, Equatable {
        case text(maximum: Int)
        case url
        case secret
        /// A Shopify metafield's `namespace.key`.
        case metafield
        /// An IANA time zone; stored as the tenant's own time zone.
        case timeZone
        /// SKU prefixes and their suppliers (`AUTOPILOT_SUPPLIER_PREFIXES`'s format).
        case supplierPrefixes
    }

    /// Every setting a tenant may set, by name.
    public static let definitions: [(name: String, kind: Kind, meaning: String)] = [
        ("shop.name", .text(maximum: 200), "the shop's name in messages ({{shop.name}})"),
        ("shop.url", .url, "the shop's address ({{shop.url}})"),
        ("shop.signature", .text(maximum: 500), "who signs the messages ({{shop.signature}})"),
        ("links.review", .url, "where a customer leaves a review ({{links.review}}); default {shop.url}/reviews/new"),
        ("links.booking", .url, "a Cal.com or Calendly event to book a call ({{links.booking}}), name and email prefilled; default {shop.url}/booking"),
        ("shopify.shop_url", .url, "the Shopify store (https://SHOP.myshopify.com) discount codes are created in"),
        ("shopify.access_token", .secret, "its Admin API token (write_discounts)"),
        ("woocommerce.url", .url, "the WooCommerce site coupons are created in"),
        ("woocommerce.consumer_key", .text(maximum: 200), "its REST API consumer key (Read/Write)"),
        ("woocommerce.consumer_secret", .secret, "its REST API consumer secret"),
        ("shop.time_zone", .timeZone, "the shop's time zone (Europe/Paris): quiet hours, date triggers, reports; the same as `autopilot tenants`"),
        ("dropshipping.sku_prefixes", .supplierPrefixes, "which supplier ships which SKUs: PREFIX,PREFIX=cj; PREFIX=bigbuy (docs/dropshipping.md)"),
        ("cj.access_token", .secret, "the tenant's CJdropshipping access token"),
        ("bigbuy.api_key", .secret, "the tenant's BigBuy API key"),
        ("hubspot.access_token", .secret, "the tenant's own HubSpot private app token, used instead of HUBSPOT_ACCESS_TOKEN for its records"),
        ("pipedrive.api_token", .secret, "the tenant's own Pipedrive API token, used instead of PIPEDRIVE_API_TOKEN for its records"),
        ("shopify.birthdate_metafield", .metafield, "the customer metafield (namespace.key, type date) that holds the birthdate"),
        ("woocommerce.birthdate_meta_key", .text(maximum: 100), "the customer meta key that holds the birthdate (YYYY-MM-DD or DD/MM/YYYY)"),
    ] + MailboxSettings.definitions + ProspectingSettings.definitions + RetentionSettings.definitions

    public static func kind(of name: String) -> Kind? { definitions.first { $0.name == name }?.kind }

    public var values: [String: String]

    public init(values: [String: String] = [:]) {
        self.values = values
    }

    /// The tenant's settings, secrets opened with `cipher` (a secret that does not open is left out).
    public static func load(_ store: any TenantSettingsStore, tenantID: String, cipher: SettingsCipher?) async throws -> ShopSettings {
        var values: [String: String] = [:]
        for (name, value) in try await store.tenantSettings(tenantID: tenantID) {
            guard let kind = kind(of: name) else { continue }
            if kind == .secret {
                if let clear = cipher?.open(value, name: name, tenantID: tenantID) { values[name] = clear }
            } else {
                values[name] = value
            }
        }
        return ShopSettings(values: values)
    }

    /// Checks every change first (errors name `settings.<name>`), then stores them; nil removes a setting. Secrets need
    /// `cipher`. Nothing is stored when one change is refused.
    public static func update(
        _ changes: [String: String?], store: any TenantSettingsStore, tenantID: String, cipher: SettingsCipher?, now: Date
    ) async throws {
        var checked: [(String, String?)] = []
        for name in changes.keys.sorted() {
            let field = "settings.\(name)"
            guard let kind = kind(of: name) else {
                let known = definitions.map(\.name).joined(separator: ", ")
                throw ValidationError(code: "unknown_setting", field: field, message: "is not a setting (known: \(known))")
            }
            guard let value = changes[name] ?? nil else {
                checked.append((name, nil))
                continue
            }
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw ValidationError(code: "invalid_setting", field: field, message: "must not be empty (use null to remove it)") }
            switch kind {
            case .text(let maximum):
                guard trimmed.count <= maximum else { throw ValidationError(code: "invalid_setting", field: field, message: "is longer than \(maximum) characters") }
                try MailboxSettings.check(name, trimmed)
                try ProspectingSettings.check(name, trimmed)
                try RetentionSettings.check(name, trimmed)
                checked.append((name, trimmed))
            case .url:
                guard let url = URL(string: trimmed), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
                    throw ValidationError(code: "invalid_setting", field: field, message: "\"\(trimmed)\" is not an http(s) URL")
                }
                checked.append((name, trimmed.hasSuffix("/") ? String(trimmed.dropLast()) : trimmed))
            case .timeZone:
                guard trimmed == "UTC" || TimeZone.knownTimeZoneIdentifiers.contains(trimmed) else {
                    throw ValidationError(code: "invalid_setting", field: field, message: "\"\(trimmed)\" is not a time zone such as Europe/Paris or UTC")
                }
                checked.append((name, trimmed))
            case .supplierPrefixes:
                do {
                    _ = try SupplierRouting.parse(trimmed, variable: field)
                } catch let error as ConfigurationError {
                    throw ValidationError(code: "invalid_setting", field: field, message: error.reason)
                }
                checked.append((name, trimmed))
            case .metafield:
                let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
                guard parts.count == 2, parts.allSatisfy({ (2...64).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") } })
                else {
                    throw ValidationError(
                        code: "invalid_setting", field: field, message: "\"\(trimmed)\" is not a metafield namespace.key, e.g. facts.birth_date")
                }
                checked.append((name, trimmed))
            case .secret:
                guard let cipher else {
                    throw ValidationError(
                        code: "settings_key_missing", field: field,
                        message: "cannot be stored: set \(SettingsCipher.variable) (32 bytes, base64) so secrets are kept encrypted")
                }
                checked.append((name, try cipher.seal(trimmed, name: name, tenantID: tenantID)))
            }
        }
        for (name, value) in checked {
            try await store.setTenantSetting(name, to: value, tenantID: tenantID, now: now)
            if name == "shop.time_zone", let tenants = store as? any TenantStore {
                _ = try await tenants.setTenantTimeZone(tenantID: tenantID, identifier: value ?? "UTC")
            }
        }
    }

    /// What may be shown: every value set, secrets as `set`.
    public var shown: [String: String] {
        values.reduce(into: [:]) { shown, pair in shown[pair.key] = Self.kind(of: pair.key) == .secret ? "set" : pair.value }
    }

    /// The shop as messages name it, over `defaults`.
    public func identity(over defaults: ShopIdentity) -> ShopIdentity {
        var identity = defaults
        if let name = values["shop.name"] { identity.name = name }
        if let url = values["shop.url"] {
            identity.url = url
            if values["links.review"] == nil, defaults.reviewURL == ShopIdentity.defaultReviewURL(defaults.url) {
                identity.reviewURL = ShopIdentity.defaultReviewURL(url)
            }
            if values["links.booking"] == nil, defaults.bookingURL == ShopIdentity.defaultBookingURL(defaults.url) {
                identity.bookingURL = ShopIdentity.defaultBookingURL(url)
            }
        }
        if let signature = values["shop.signature"] { identity.signature = signature }
        if let review = values["links.review"] { identity.reviewURL = review }
        if let booking = values["links.booking"] { identity.bookingURL = booking }
        return identity
    }

    /// The tenant's own shop for coupons, when it set one.
    public func couponClient(http: SupplierHTTP = SupplierHTTP()) -> (any ShopCouponClient)? {
        if let shop = values["shopify.shop_url"], let token = values["shopify.access_token"] {
            return ShopifyDiscounts(shopURL: shop, accessToken: token, http: http)
        }
        if let site = values["woocommerce.url"], let key = values["woocommerce.consumer_key"], let secret = values["woocommerce.consumer_secret"] {
            return WooCommerceCoupons(siteURL: site, consumerKey: key, consumerSecret: secret, http: http)
        }
        return nil
    }
}
