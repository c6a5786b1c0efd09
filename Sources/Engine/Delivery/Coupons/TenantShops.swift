import AutopilotCore
import Flows
import Foundation
import Integrations
import Storage

/// The shops of a dispatch batch's tenants, read once per batch: how each names itself in messages, and the shop its
/// coupons are created in when it set its own (`ShopSettings`), over the process defaults.
struct TenantShops {
    var identities: [String: ShopIdentity] = [:]
    var couponClients: [String: any ShopCouponClient] = [:]
    /// The tenants' bounce addresses (`email.bounce_address`), for the VERP envelope sender of their emails.
    var bounceAddresses: [String: String] = [:]
    /// The tenants' own prospecting rules (`prospecting.*`), over the default.
    var prospecting: [String: ProspectingRules] = [:]

    static func load(tenants: Set<String>, store: any AutopilotStore, cipher: SettingsCipher?, defaults: ShopIdentity) async throws -> TenantShops {
        var shops = TenantShops()
        for tenant in tenants {
            let settings = try await ShopSettings.load(store, tenantID: tenant, cipher: cipher)
            shops.identities[tenant] = settings.identity(over: defaults)
            if let client = settings.couponClient() { shops.couponClients[tenant] = client }
            if let bounce = settings.values["email.bounce_address"] { shops.bounceAddresses[tenant] = bounce }
            if let rules = ProspectingSettings.rules(settings.values) { shops.prospecting[tenant] = rules }
        }
        return shops
    }
}
