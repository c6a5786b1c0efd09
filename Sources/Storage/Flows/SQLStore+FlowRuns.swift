import AutopilotCore
import Foundation

extension SQLStore {
    /// Claims up to `limit` runs whose timer is due at `now` (any tenant), lets `advance` step them, and writes the changes in
    /// the same transaction. On PostgreSQL the claim skips rows other workers hold (`FOR UPDATE SKIP LOCKED`), so several
    /// workers share the due runs; SQLite has one writer. Returns how many runs were claimed.
    public func advanceDueRuns(
        now: Date, limit: Int, advance: @escaping @Sendable ([FlowRunRecord]) throws -> FlowChanges
    ) async throws -> Int {
        let skipLocked = database.dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        let claim = SQLStatement(
            "SELECT \(FlowRunRecord.columns.joined(separator: ", ")) FROM flow_runs WHERE wake_at <= ? ORDER BY wake_at LIMIT ?\(skipLocked)",
            [.date(now), .integer(limit)])
        return try await database.transaction(lock: nil, reads: [claim]) { rows in
            let runs = rows[0].map(FlowRunRecord.init(row:))
            guard !runs.isEmpty else { return ([], 0) }
            return (try advance(runs).writes, runs.count)
        }
    }

    /// Reads some contacts of a tenant with all their runs (locked on PostgreSQL), lets `decide` produce run changes (starts,
    /// approvals, manual starts), and writes them in the same transaction.
    public func changeRuns<Result: Sendable>(
        tenantID: String, contactIDs: Set<String>,
        decide: @escaping @Sendable (_ contacts: [String: ContactRecord], _ runs: [FlowRunRecord]) throws -> (FlowChanges, Result)
    ) async throws -> Result {
        let tenant = SQLValue.text(tenantID)
        let forUpdate = database.dialect == .postgres ? " FOR UPDATE" : ""
        let reads = [
            Self.inList("SELECT \(RecordColumns.contact.joined(separator: ", ")) FROM contacts WHERE tenant_id = ? AND id", tenant, contactIDs),
            Self.inList(
                "SELECT \(FlowRunRecord.columns.joined(separator: ", ")) FROM flow_runs WHERE tenant_id = ? AND contact_id", tenant, contactIDs,
                closing: forUpdate),
        ]
        return try await database.transaction(lock: nil, reads: reads) { rows in
            var contacts: [String: ContactRecord] = [:]
            for row in rows[0] { let contact = RecordColumns.contact(row); contacts[contact.id] = contact }
            let (changes, result) = try decide(contacts, rows[1].map(FlowRunRecord.init(row:)))
            return (changes.writes, result)
        }
    }

    /// Contacts of a tenant by id (a plain read: no lock, no write transaction).
    public func contacts(ids: Set<String>, tenantID: String) async throws -> [String: ContactRecord] {
        let rows = try await database.read([
            Self.inList("SELECT \(RecordColumns.contact.joined(separator: ", ")) FROM contacts WHERE tenant_id = ? AND id", .text(tenantID), ids)
        ])
        var contacts: [String: ContactRecord] = [:]
        for row in rows[0] { let contact = RecordColumns.contact(row); contacts[contact.id] = contact }
        return contacts
    }

    /// One run with its state, by id.
    public func flowRun(id: String, tenantID: String) async throws -> FlowRunRecord? {
        let rows = try await database.read([
            SQLStatement(
                "SELECT \(FlowRunRecord.columns.joined(separator: ", ")) FROM flow_runs WHERE tenant_id = ? AND id = ?", [.text(tenantID), .text(id)])
        ])
        return rows[0].first.map(FlowRunRecord.init(row:))
    }

    /// The earliest pending timer (any tenant), for the simulator's clock.
    public func nextRunWake() async throws -> Date? {
        try await database.read([SQLStatement("SELECT MIN(wake_at) FROM flow_runs WHERE wake_at IS NOT NULL")])[0].first?.date(0)
    }

    /// `nextRunWake`, `nextMessageDue`, `nextActionDue` and `oldestOpenCartUpdate` in one read.
    public func nextDueMoments() async throws -> DueMoments {
        Self.dueMoments(try await database.read(Self.dueMomentStatements))
    }

    static let dueMomentStatements = [
        SQLStatement("SELECT MIN(wake_at) FROM flow_runs WHERE wake_at IS NOT NULL"),
        SQLStatement("SELECT MIN(next_attempt_at) FROM outbox WHERE next_attempt_at IS NOT NULL"),
        SQLStatement("SELECT MIN(next_attempt_at) FROM flow_actions WHERE next_attempt_at IS NOT NULL"),
        SQLStatement("SELECT MIN(updated_at) FROM carts WHERE status = 'open' AND contact_id IS NOT NULL"),
    ]

    static func dueMoments(_ rows: [[SQLRow]]) -> DueMoments {
        DueMoments(
            runWake: rows[0].first?.date(0), messageDue: rows[1].first?.date(0), actionDue: rows[2].first?.date(0),
            oldestOpenCartUpdate: rows[3].first?.date(0))
    }

    /// Runs of a tenant's flow by status (for stats and listing).
    public func flowRunCounts(tenantID: String) async throws -> [(flowID: String, status: FlowRunPhase, reason: String?, count: Int)] {
        let rows = try await database.read([
            SQLStatement(
                "SELECT flow_id, status, reason, COUNT(*) FROM flow_runs WHERE tenant_id = ? GROUP BY flow_id, status, reason ORDER BY flow_id, status, reason",
                [.text(tenantID)])
        ])
        return rows[0].map { ($0.text(0) ?? "", FlowRunPhase(stored: $0.text(1)), $0.text(2), Int($0.int(3) ?? 0)) }
    }

    /// Open carts with no update since `idleSince` (candidates for abandonment), oldest first.
    public func idleCarts(tenantID: String, idleSince: Date, limit: Int) async throws -> [CartRecord] {
        let rows = try await database.read([
            SQLStatement(
                "SELECT \(RecordColumns.cart.joined(separator: ", ")) FROM carts WHERE tenant_id = ? AND status = 'open' AND updated_at <= ? AND contact_id IS NOT NULL ORDER BY updated_at LIMIT ?",
                [.text(tenantID), .date(idleSince), .integer(limit)])
        ])
        return rows[0].map(RecordColumns.cart)
    }

    /// The earliest `updated_at` of an open cart of any tenant, for the simulator's clock.
    public func oldestOpenCartUpdate() async throws -> Date? {
        try await database.read([SQLStatement("SELECT MIN(updated_at) FROM carts WHERE status = 'open' AND contact_id IS NOT NULL")])[0].first?.date(
            0)
    }

    /// A page of a tenant's contacts (by id, after `afterID`) for date and schedule triggers.
    public func contactsPage(tenantID: String, afterID: String, limit: Int) async throws -> [ContactRecord] {
        let rows = try await database.read([
            SQLStatement(
                "SELECT \(RecordColumns.contact.joined(separator: ", ")) FROM contacts WHERE tenant_id = ? AND id > ? ORDER BY id LIMIT ?",
                [.text(tenantID), .text(afterID), .integer(limit)])
        ])
        return rows[0].map(RecordColumns.contact)
    }

    /// A named position of the tenant's engine (last date sweep, router position).
    public func flowCursor(tenantID: String, name: String) async throws -> Int64? {
        try await database.read([
            SQLStatement("SELECT position FROM flow_cursors WHERE tenant_id = ? AND name = ?", [.text(tenantID), .text(name)])
        ])[0].first?.int(0)
    }

    public func setFlowCursor(tenantID: String, name: String, position: Int64) async throws {
        try await database.transaction(lock: nil, reads: []) { _ in
            (
                [
                    .upsert(
                        table: "flow_cursors", columns: ["tenant_id", "name", "position"], key: ["tenant_id", "name"],
                        rows: [[.text(tenantID), .text(name), .int(position)]])
                ], ()
            )
        }
    }
}
