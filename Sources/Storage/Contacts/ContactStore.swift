import AutopilotCore
import Foundation

/// Contacts and orders as the event log projected them.
public protocol ContactStore: Sendable {
    func contacts(ids: Set<String>, tenantID: String) async throws -> [String: ContactRecord]
    func contactsPage(tenantID: String, afterID: String, limit: Int) async throws -> [ContactRecord]
    func contactDates(tenantID: String, property: String, within: ContactDateWindow?, afterID: String, limit: Int) async throws -> [ContactDate]?
    func contactTimeZones(tenantID: String) async throws -> [String?]
    func contactDetail(id: String, tenantID: String) async throws -> ContactDetail?
    func contactID(email: String, tenantID: String) async throws -> String?
    func order(externalOrID id: String, tenantID: String) async throws -> OrderView?
}
