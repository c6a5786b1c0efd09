import Engine
import Foundation
import Hummingbird

extension DashboardApp {
    func registerCustomers<Context: RemoteAddressRequestContext>(on router: Router<Context>) {
        router.get("/customers") { request, _ in
            await self.page(request) { viewer, _ in try await CustomersPage(app: self, viewer: viewer).view() }
        }
        router.get("/customers/{id}") { request, context in
            let id = context.parameters.get("id") ?? ""
            return await self.page(request) { viewer, _ in try await CustomerPage(app: self, viewer: viewer).view(contactID: id) }
        }
    }
}
