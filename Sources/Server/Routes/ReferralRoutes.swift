import AutopilotCore
import Engine
import Hummingbird

/// `GET /v1/referrals`: every referral code issued, with the friends it brought and their first orders.
struct ReferralRoutes {
    let dependencies: Dependencies

    func register(on group: RouterGroup<AppRequestContext>) {
        group.get("referrals") { _, context in
            try JSONResponse.make(try await ReferralReport.load(store: dependencies.store, tenantID: try context.requireTenant()))
        }
    }
}
