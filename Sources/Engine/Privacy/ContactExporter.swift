import AutopilotCore
import Foundation
import Storage

/// Everything Autopilot holds about a person as one JSON document (docs/privacy.md): `GET /v1/contacts/{id}/export` and
/// `autopilot contacts export`. The document is written piece by piece, each table read in pages, so a contact with a
/// million events costs one page of memory.
///
/// ```
/// {"format": "autopilot.contact-export", "version": 1, "exported_at": "…", "tenant_id": "…", "contact_id": "…",
///  "profile": {contact's row}, "tables": {"events": [rows], "orders": [rows], …}, "consents": {"email": {…}, …, "history": [events]}}
/// ```
public struct ContactExporter: Sendable {
    public static let format = "autopilot.contact-export"
    public static let version = 1
    let dependencies: Dependencies
    let tenantID: String
    let pageSize: Int

    public init(dependencies: Dependencies, tenantID: String, pageSize: Int = 500) {
        self.dependencies = dependencies
        self.tenantID = tenantID
        self.pageSize = pageSize
    }

    /// Whether the tenant has this contact: the export answers 404 before it starts writing otherwise.
    public func exists(contactID: String) async throws -> Bool {
        try await dependencies.store.hasContact(id: contactID, tenantID: tenantID)
    }

    /// Writes the document to `sink`, in pieces of at most one page of rows.
    public func write(contactID: String, to sink: (String) async throws -> Void) async throws {
        let store = dependencies.store
        let head: JSONObject = [
            "format": .string(Self.format), "version": .int(Int64(Self.version)),
            "exported_at": .string(Timestamp.format(dependencies.clock.now())), "tenant_id": .string(tenantID), "contact_id": .string(contactID),
        ]
        var opening = JSONValue.object(head).jsonString
        opening.removeLast()
        var profile = JSONObject()
        if let profileTable = ContactDataMap.table("contacts") {
            profile = try await store.contactRows(profileTable, contactID: contactID, tenantID: tenantID, after: nil, limit: 1).rows.first ?? [:]
        }
        try await sink(opening + ",\"profile\":" + JSONValue.object(profile).jsonString + ",\"tables\":{")
        var history: [JSONValue] = []
        for (index, table) in ContactDataMap.tables.filter({ $0.name != "contacts" }).enumerated() {
            try await sink((index == 0 ? "" : ",") + JSONValue.string(table.section).jsonString + ":[")
            var cursor: ContactRowCursor?
            var first = true
            repeat {
                let page = try await store.contactRows(table, contactID: contactID, tenantID: tenantID, after: cursor, limit: pageSize)
                if !page.rows.isEmpty {
                    try await sink((first ? "" : ",") + page.rows.map { JSONValue.object($0).jsonString }.joined(separator: ","))
                    first = false
                }
                if table.name == "events" { history += page.rows.filter(Self.isConsentEvent).map(JSONValue.object) }
                cursor = page.next
            } while cursor != nil
            try await sink("]")
        }
        try await sink("},\"consents\":" + Self.consents(profile: profile, history: history).jsonString + "}")
    }

    /// The export as one value (tests, small contacts).
    public func document(contactID: String) async throws -> JSONValue {
        let collected = Collected()
        try await write(contactID: contactID) { collected.append($0) }
        return try JSONParser.parse(collected.text)
    }

    /// Each channel's consent as it stands, and the events that granted or withdrew one.
    static func consents(profile: JSONObject, history: [JSONValue]) -> JSONValue {
        var consents = JSONObject()
        for channel in ["email", "sms", "whatsapp"] {
            let granted: JSONValue = profile["consent_" + channel].map { value in
                if case .int(let number) = value { return .bool(number != 0) }
                return .null
            } ?? .null
            consents[channel] = .object([
                "granted": granted, "at": profile["consent_\(channel)_at"] ?? .null, "source": profile["consent_\(channel)_source"] ?? .null,
            ])
        }
        consents["history"] = .array(history)
        return .object(consents)
    }

    static func isConsentEvent(_ row: JSONObject) -> Bool {
        if case .string(let type)? = row["type"], type == EventType.contactUnsubscribed.rawValue { return true }
        guard case .object(let properties)? = row["properties"] else { return false }
        func mentionsConsent(_ object: JSONObject) -> Bool {
            object.contains { key, value in
                if key.lowercased().contains("consent") || key == "accepts_marketing" { return true }
                if case .object(let inner) = value { return mentionsConsent(inner) }
                return false
            }
        }
        return mentionsConsent(properties)
    }
}

/// Pieces gathered into one text.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var pieces: [String] = []

    func append(_ piece: String) {
        lock.lock()
        pieces.append(piece)
        lock.unlock()
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return pieces.joined()
    }
}
