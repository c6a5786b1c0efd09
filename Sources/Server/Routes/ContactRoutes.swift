import AutopilotCore
import Engine
import Hummingbird

/// `GET /v1/contacts?email=…`, `GET /v1/contacts/{id}` and `GET /v1/orders/{id}`.
struct ContactRoutes {
    let dependencies: Dependencies

    struct ContactList: Encodable {
        var contacts: [ContactView]
    }

    func register(on group: RouterGroup<AppRequestContext>) {
        group.get("contacts") { request, context in
            let tenantID = try context.requireTenant()
            guard let raw = request.uri.queryParameters["email"].map(String.init), !raw.isEmpty else {
                throw APIError.badParameter("email", "is required: GET /v1/contacts?email=someone@example.com")
            }
            guard let email = ContactFields.normalizeEmail(raw) else { throw APIError.badParameter("email", "\"\(raw)\" is not an email address") }
            let queries = TenantQueries(dependencies: dependencies, tenantID: tenantID)
            var contacts: [ContactView] = []
            if let id = try await queries.contactID(email: email), let detail = try await queries.contact(id: id) {
                contacts.append(detail.contact)
            }
            return try JSONResponse.make(ContactList(contacts: contacts))
        }
        group.get("contacts/:id") { _, context in
            let tenantID = try context.requireTenant()
            let id = try context.parameters.require("id")
            guard let detail = try await TenantQueries(dependencies: dependencies, tenantID: tenantID).contact(id: id) else {
                throw APIError.notFound("contact \(id)")
            }
            return try JSONResponse.make(detail)
        }
        group.get("orders/:id") { _, context in
            let tenantID = try context.requireTenant()
            let id = try context.parameters.require("id")
            guard let order = try await TenantQueries(dependencies: dependencies, tenantID: tenantID).order(id: id) else {
                throw APIError.notFound("order \(id)")
            }
            return try JSONResponse.make(order)
        }
    }
}
