/// SQL text with `?` placeholders and its parameters. The PostgreSQL driver numbers the placeholders.
public struct SQLStatement: Sendable {
    public var sql: String
    public var binds: [SQLValue]

    public init(_ sql: String, _ binds: [SQLValue] = []) {
        self.sql = sql
        self.binds = binds
    }

    /// `(?, ?, ?)` for an `IN` list of `count` values.
    public static func placeholders(_ count: Int) -> String {
        "(" + Array(repeating: "?", count: max(count, 1)).joined(separator: ", ") + ")"
    }
}

/// A write the store asks for. Each driver carries it out its own fastest way: SQLite row by row through a cached
/// prepared statement, PostgreSQL as multi-row statements.
public enum SQLWrite: Sendable {
    /// Rows into `table`; `conflict` is an optional `ON CONFLICT …` clause shared by both dialects.
    case insert(table: String, columns: [String], rows: [[SQLValue]], conflict: String)
    case statement(SQLStatement)

    /// Inserts rows, replacing every column but the key on a conflict with `key`.
    /// The rows go in the order of their keys: two transactions upserting overlapping rows then lock them in the same
    /// order, so PostgreSQL never finds them waiting on each other (a deadlock).
    public static func upsert(table: String, columns: [String], key: [String], rows: [[SQLValue]]) -> SQLWrite {
        let updates = columns.filter { !key.contains($0) }.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        let positions = key.compactMap { columns.firstIndex(of: $0) }
        let ordered = rows.count < 2 ? rows : rows.sorted { left, right in
            for position in positions where left[position] != right[position] { return left[position].sortsBefore(right[position]) }
            return false
        }
        return .insert(table: table, columns: columns, rows: ordered, conflict: "ON CONFLICT (\(key.joined(separator: ", "))) DO UPDATE SET \(updates)")
    }

    public var isEmpty: Bool {
        if case .insert(_, _, let rows, _) = self { return rows.isEmpty }
        return false
    }

    /// What a statement profile files the write under: an insert's table, a statement's text.
    var profiledSQL: String {
        switch self {
        case .insert(let table, _, _, _): "INSERT INTO \(table)"
        case .statement(let statement): statement.sql
        }
    }

    /// The single-row form of an insert.
    static func singleRowSQL(table: String, columns: [String], conflict: String) -> String {
        "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES \(SQLStatement.placeholders(columns.count)) \(conflict)"
    }
}
