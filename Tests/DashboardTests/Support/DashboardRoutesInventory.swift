import Foundation

/// Every page and action of the dashboard, for the tests that walk them all (tenant isolation, CSRF, roles). A page
/// group adds its routes here. `{id}` stands for an id of the tenant under test.
enum DashboardRoutesInventory {
    /// Pages without an id.
    static let listPages = [
        "/", "/settings", "/reports", "/automations", "/templates", "/messages", "/leads", "/customers", "/assistant", "/conversations",
    ]

    /// Pages of one record: the path with `{id}` and the kind of record it shows.
    static let detailPages: [(path: String, kind: RecordKind)] = [
        ("/automations/{id}", .flow), ("/templates/{id}", .template), ("/leads/{id}", .lead), ("/customers/{id}", .customer),
        ("/conversations/{id}", .conversation),
    ]

    /// Actions an editor or owner may take (viewers are refused), with `{id}` where a record is named in the path.
    static let editorActionPaths: [(path: String, kind: RecordKind?)] = [
        ("/recommendations/decide", nil),
        ("/settings/time-zone", nil),
        ("/settings/api-keys", nil),
        ("/settings/api-keys/{id}/revoke", nil),
        ("/settings/webhooks", nil),
        ("/settings/users", nil),
        ("/settings/users/{id}/role", nil),
        ("/settings/users/{id}/delete", nil),
        ("/automations/{id}/enable", .flow), ("/automations/{id}/disable", .flow), ("/automations/{id}/resume", .flow),
        ("/templates/{id}/save", .template), ("/templates/{id}/activate", .template), ("/templates/{id}/archive", .template),
        ("/templates/{id}/test-send", .template), ("/templates/{id}/preview", .template),
        ("/leads/{id}/requalify", .lead), ("/leads/{id}/status", .lead), ("/leads/{id}/notes", .lead),
        ("/assistant/{id}/drafts/offline_1/confirm", nil), ("/assistant/{id}/drafts/offline_1/decline", nil),
        ("/conversations/{id}/replies", .conversation), ("/conversations/{id}/close", .conversation), ("/conversations/{id}/reopen", .conversation),
    ]

    /// Actions every signed-in person may take.
    static let viewerActionPaths = ["/language", "/logout", "/assistant/messages"]

    enum RecordKind {
        case lead, customer, flow, template, conversation
    }

    static func editorActions(tenantIDs ids: [String]) -> [String] {
        editorActionPaths.map { $0.path.replacingOccurrences(of: "{id}", with: ids.first ?? "x") }
    }

    static func actions(tenantIDs ids: [String]) -> [String] {
        editorActions(tenantIDs: ids) + viewerActionPaths
    }
}
