import AutopilotCore
import Foundation
import Integrations
import Storage

/// The shops of a dispatch batch's tenants, read once per batch: how each names itself in messages, and the shop its
/// coupons are created in when it set its own (`ShopSettings`), over the process defaults.
struct TenantShops {
    var identities: [String: ShopIdentity] = [:]
    var couponClients: [String: any ShopCouponClient] = [:]

    static func load(tenants: Set<String>, store: any AutopilotStore, cipher: SettingsCipher?, defaults: ShopIdentity) async throws -> TenantShops {
        var shops = TenantShops()
        for tenant in tenants {
            let settings = try await ShopSettings.load(store, tenantID: tenant, cipher: cipher)
            shops.identities[tenant] = settings.identity(over: defaults)
            if let client = settings.couponClient() { shops.couponClients[tenant] = client }
        }
        return shops
    }
}
