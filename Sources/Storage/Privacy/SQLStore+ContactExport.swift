import AutopilotCore
import Foundation

extension SQLStore {
    public func hasContact(id: String, tenantID: String) async throws -> Bool {
        let rows = try await database.read([SQLStatement("SELECT 1 FROM contacts WHERE tenant_id = ? AND id = ?", [.text(tenantID), .text(id)])])
        return !rows[0].isEmpty
    }

    /// The table's columns, in their order.
    public func columnNames(of table: String) async throws -> [String] {
        let statement =
            database.dialect == .sqlite
            ? SQLStatement("SELECT name FROM pragma_table_info(?) ORDER BY cid", [.text(table)])
            : SQLStatement(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND table_schema = current_schema() ORDER BY ordinal_position",
                [.text(table)])
        return try await database.read([statement])[0].compactMap { $0.text(0) }
    }

    public func contactRows(
        _ table: ContactDataMap.Table, contactID: String, tenantID: String, after cursor: ContactRowCursor?, limit: Int
    ) async throws -> ContactRowPage {
        let columns = try await columnNames(of: table.name).filter { !table.internalColumns.contains($0) }
        guard !columns.isEmpty else { return ContactRowPage(rows: [], next: nil) }
        var condition = table.condition(tenantID: tenantID, contactID: contactID)
        var suffix = " ORDER BY \(table.order.joined(separator: ", ")) LIMIT \(max(limit, 1))"
        switch cursor {
        case .after(let last)?:
            condition.sql += " AND \(table.order[0]) > ?"
            condition.binds.append(.int(last))
        case .offset(let offset)?:
            suffix += " OFFSET \(offset)"
        case nil:
            break
        }
        let rows = try await database.read([
            SQLStatement("SELECT \(columns.joined(separator: ", ")) FROM \(table.name) WHERE \(condition.sql)\(suffix)", condition.binds)
        ])[0]
        let objects = rows.map { row in
            JSONObject(
                zip(columns, row.values).map { column, value in
                    guard table.storedProperties.contains(column), case .text(let text?) = value else { return (column, Self.exported(value, column: column)) }
                    return (column, Self.exported(.text(StoredProperties.decode(text)), column: column))
                })
        }
        guard rows.count >= max(limit, 1) else { return ContactRowPage(rows: objects, next: nil) }
        if table.keyset, let position = columns.firstIndex(of: table.order[0]), let last = rows.last?.int(position) {
            return ContactRowPage(rows: objects, next: .after(last))
        }
        if case .offset(let offset)? = cursor { return ContactRowPage(rows: objects, next: .offset(offset + rows.count)) }
        return ContactRowPage(rows: objects, next: .offset(rows.count))
    }

    /// A column's value as the export shows it: times (`*_at`, stored as milliseconds) in ISO 8601, JSON columns as JSON.
    static func exported(_ value: SQLValue, column: String) -> JSONValue {
        switch value {
        case .int(nil), .double(nil), .text(nil):
            return .null
        case .int(let number?):
            if column.hasSuffix("_at") { return .string(Timestamp.format(Date(timeIntervalSince1970: Double(number) / 1000))) }
            return .int(number)
        case .double(let number?):
            return number.isFinite ? .double(number) : .null
        case .text(let text?):
            if let first = text.first, first == "{" || first == "[", let parsed = try? JSONParser.parse(text) { return parsed }
            return .string(text)
        }
    }
}
