import GRDBSQLite

/// Binds, steps and reads rows straight through SQLite's C API on a statement GRDB prepared and caches: every query and
/// write of the store, without building GRDB's argument and row values for every value.
enum RowBinder {
    struct StepFailure: Error, CustomStringConvertible {
        let code: Int32
        let message: String
        var description: String { "SQLite error \(code): \(message)" }
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Steps a query with `binds` and reads its rows, SQLite's values as they are (a blob reads as text).
    static func query(_ binds: [SQLValue], with statement: OpaquePointer, connection: OpaquePointer?, keepingRows: Bool = true) throws
        -> [SQLRow]
    {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (offset, value) in binds.enumerated() {
            bind(value, at: Int32(offset + 1), to: statement)
        }
        let columns = sqlite3_column_count(statement)
        var rows: [SQLRow] = []
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return rows }
            guard code == SQLITE_ROW else {
                throw StepFailure(code: code, message: connection.map { String(cString: sqlite3_errmsg($0)) } ?? "unknown")
            }
            guard keepingRows else { continue }
            var values: [SQLValue] = []
            values.reserveCapacity(Int(columns))
            for column in 0..<columns {
                values.append(value(of: statement, at: column))
            }
            rows.append(SQLRow(values))
        }
    }

    /// Runs a statement with `binds` to its end.
    static func execute(_ binds: [SQLValue], with statement: OpaquePointer, connection: OpaquePointer?) throws {
        _ = try query(binds, with: statement, connection: connection, keepingRows: false)
    }

    private static func value(of statement: OpaquePointer, at column: Int32) -> SQLValue {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .int(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT: return .double(sqlite3_column_double(statement, column))
        case SQLITE_TEXT, SQLITE_BLOB:
            // Asked for as text, a blob's bytes are read as they are.
            guard let bytes = sqlite3_column_text(statement, column) else { return .text("") }
            let count = Int(sqlite3_column_bytes(statement, column))
            return .text(String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self))
        default: return .text(nil)
        }
    }

    static func insert(_ rows: [[SQLValue]], with statement: OpaquePointer, connection: OpaquePointer?) throws {
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for row in rows {
            sqlite3_reset(statement)
            for (offset, value) in row.enumerated() {
                bind(value, at: Int32(offset + 1), to: statement)
            }
            let code = sqlite3_step(statement)
            guard code == SQLITE_DONE || code == SQLITE_ROW else {
                throw StepFailure(code: code, message: connection.map { String(cString: sqlite3_errmsg($0)) } ?? "unknown")
            }
        }
    }

    static func bind(_ value: SQLValue, at index: Int32, to statement: OpaquePointer) {
        switch value {
        case .int(let number):
            if let number { sqlite3_bind_int64(statement, index, number) } else { sqlite3_bind_null(statement, index) }
        case .double(let number):
            if let number { sqlite3_bind_double(statement, index, number) } else { sqlite3_bind_null(statement, index) }
        case .text(let optional):
            guard var text = optional else {
                sqlite3_bind_null(statement, index)
                return
            }
            text.withUTF8 { buffer in
                _ = buffer.withMemoryRebound(to: CChar.self) { chars in
                    sqlite3_bind_text(statement, index, chars.baseAddress, Int32(buffer.count), transient)
                }
            }
        }
    }
}
