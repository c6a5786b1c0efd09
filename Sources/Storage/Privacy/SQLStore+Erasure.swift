import AutopilotCore
import Foundation

extension SQLStore {
    public func privacyHashKey(tenantID: String) async throws -> String? {
        try await database.read([SQLStatement("SELECT hash_key FROM privacy_keys WHERE tenant_id = ?", [.text(tenantID)])])[0].first?.text(0)
    }

    public func privacyHashKey(tenantID: String, now: Date, newKey: String) async throws -> String {
        try await database.transaction(
            lock: "privacy:" + tenantID, reads: [SQLStatement("SELECT hash_key FROM privacy_keys WHERE tenant_id = ?", [.text(tenantID)])]
        ) { rows in
            if let key = rows[0].first?.text(0) { return ([], key) }
            let insert = SQLWrite.insert(
                table: "privacy_keys", columns: ["tenant_id", "hash_key", "created_at"], rows: [[.text(tenantID), .text(newKey), .date(now)]],
                conflict: "")
            return ([insert], newKey)
        }
    }

    public func erasureReceipt(contactID: String, tenantID: String) async throws -> ErasureReceipt? {
        let rows = try await database.read([Self.receiptRead(contactID: contactID, tenantID: tenantID)])
        return rows[0].first.map(Self.receipt)
    }

    public func eraseContact(_ request: ErasureRequest) async throws -> ErasureReceipt? {
        let tenant = request.tenantID
        let contact = request.contactID
        let tables = ContactDataMap.tables
        let scrubbed = tables.filter { !$0.scrubbed.isEmpty }
        let counted = tables.filter { $0.erasure != .keep }
        return try await database.transaction(
            lock: "privacy:" + tenant,
            reads: [
                SQLStatement("SELECT email, phone FROM contacts WHERE tenant_id = ? AND id = ?", [.text(tenant), .text(contact)]),
                Self.receiptRead(contactID: contact, tenantID: tenant),
            ],
            followUps: [
                { rows in
                    // Nothing more to read for a contact that is not there or already erased.
                    guard !rows[0].isEmpty, rows[1].isEmpty else { return [] }
                    let counts = counted.map { table in
                        let condition = table.condition(tenantID: tenant, contactID: contact)
                        return SQLStatement("SELECT count(*) FROM \(table.name) WHERE \(condition.sql)", condition.binds)
                    }
                    let contents = scrubbed.map { table in
                        let condition = table.condition(tenantID: tenant, contactID: contact)
                        let columns = (table.order + table.scrubbed).joined(separator: ", ")
                        return SQLStatement("SELECT \(columns) FROM \(table.name) WHERE \(condition.sql)", condition.binds)
                    }
                    return counts + contents
                }
            ]
        ) { rows in
            guard let person = rows[0].first else { return ([], nil) }
            if let done = rows[1].first { return ([], Self.receipt(done)) }
            var counts: [String: Int] = [:]
            for (index, table) in counted.enumerated() {
                let count = Int(rows[2 + index].first?.int(0) ?? 0)
                if count > 0 { counts[table.section] = count }
            }
            var writes: [SQLWrite] = []
            var removedFields = 0
            for (index, table) in scrubbed.enumerated() {
                let keyCount = table.order.count
                for row in rows[2 + counted.count + index] {
                    for (offset, column) in table.scrubbed.enumerated() {
                        let stored = table.storedProperties.contains(column)
                        guard let text = row.text(keyCount + offset), let value = try? JSONParser.parse(stored ? StoredProperties.decode(text) : text)
                        else { continue }
                        let (clean, removed) = PersonalDataScrubber.scrub(value)
                        guard removed > 0 else { continue }
                        removedFields += removed
                        let keys = table.order.map { "\($0) = ?" }.joined(separator: " AND ")
                        let json = stored ? StoredProperties.encode(clean.jsonString) : clean.jsonString
                        writes.append(.statement(SQLStatement(
                            "UPDATE \(table.name) SET \(column) = ? WHERE \(table.tenantMatch) AND \(keys)",
                            [.text(json), .text(tenant)] + row.values.prefix(keyCount))))
                    }
                }
            }
            // Children first: their filters find them through the parents' contact column, which erasure keeps.
            for table in tables.reversed() {
                let condition = table.condition(tenantID: tenant, contactID: contact)
                switch table.erasure {
                case .keep:
                    continue
                case .delete:
                    writes.append(.statement(SQLStatement("DELETE FROM \(table.name) WHERE \(condition.sql)", condition.binds)))
                case .anonymise(let set):
                    guard !set.isEmpty else { continue }
                    writes.append(.statement(SQLStatement("UPDATE \(table.name) SET \(set) WHERE \(condition.sql)", condition.binds)))
                }
            }
            writes.append(.statement(SQLStatement(
                "UPDATE contacts SET erased_at = ?, updated_at = ? WHERE tenant_id = ? AND id = ?",
                [.date(request.now), .date(request.now), .text(tenant), .text(contact)])))
            var suppressed: [[SQLValue]] = []
            if let email = person.text(0) { suppressed.append([.text(tenant), .text(request.hash("email", email)), .text("email"), .date(request.now)]) }
            if let phone = person.text(1) { suppressed.append([.text(tenant), .text(request.hash("phone", phone)), .text("phone"), .date(request.now)]) }
            if !suppressed.isEmpty {
                writes.append(.insert(
                    table: "suppressions", columns: ["tenant_id", "address_hash", "kind", "created_at"], rows: suppressed,
                    conflict: "ON CONFLICT (tenant_id, address_hash) DO NOTHING"))
                counts["suppressed"] = suppressed.count
            }
            if removedFields > 0 { counts["fields_scrubbed"] = removedFields }
            let receipt = ErasureReceipt(contactID: contact, requestedBy: request.requestedBy, erasedAt: request.now, counts: counts)
            writes.append(.insert(
                table: "erasure_audit", columns: ["tenant_id", "contact_id", "requested_by", "erased_at", "counts"],
                rows: [[.text(tenant), .text(contact), .text(request.requestedBy), .date(request.now), .text(Self.countsJSON(counts))]],
                conflict: ""))
            return (writes, receipt)
        }
    }

    public func suppressedHashes(_ hashes: [String], tenantID: String) async throws -> Set<String> {
        guard !hashes.isEmpty else { return [] }
        let unique = Array(Set(hashes))
        let rows = try await database.read([
            SQLStatement(
                "SELECT address_hash FROM suppressions WHERE tenant_id = ? AND address_hash IN \(SQLStatement.placeholders(unique.count))",
                [.text(tenantID)] + unique.map { .text($0) })
        ])
        return Set(rows[0].compactMap { $0.text(0) })
    }

    static func receiptRead(contactID: String, tenantID: String) -> SQLStatement {
        SQLStatement(
            "SELECT contact_id, requested_by, erased_at, counts FROM erasure_audit WHERE tenant_id = ? AND contact_id = ?",
            [.text(tenantID), .text(contactID)])
    }

    static func receipt(_ row: SQLRow) -> ErasureReceipt {
        var counts: [String: Int] = [:]
        for (key, value) in row.json(3) {
            if case .int(let number) = value { counts[key] = Int(number) }
        }
        return ErasureReceipt(contactID: row.text(0) ?? "", requestedBy: row.text(1) ?? "", erasedAt: row.date(2) ?? .distantPast, counts: counts)
    }

    static func countsJSON(_ counts: [String: Int]) -> String {
        JSONValue.object(JSONObject(counts.keys.sorted().map { ($0, JSONValue.int(Int64(counts[$0] ?? 0))) })).jsonString
    }
}
