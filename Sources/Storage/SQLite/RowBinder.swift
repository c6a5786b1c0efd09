import GRDBSQLite

/// Binds and steps rows straight through SQLite's C API on a statement GRDB prepared and caches: the hot path of
/// ingestion, without building GRDB argument values for every row.
enum RowBinder {
    struct StepFailure: Error, CustomStringConvertible {
        let code: Int32
        let message: String
        var description: String { "SQLite error \(code): \(message)" }
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

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

    private static func bind(_ value: SQLValue, at index: Int32, to statement: OpaquePointer) {
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
