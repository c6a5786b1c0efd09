/// The reads of an ingest transaction in one statement, one round trip instead of one each: each read becomes a
/// `json_agg` of its rows, `SELECT (SELECT json_agg(t)::text FROM (read 1) AS t), (SELECT … (read 2) …), …`, and the
/// answer's single row is turned back into each read's rows.
///
/// JSON keeps what the rows need: a text stays a string (`"0123"` is not a number), numbers keep their digits, null is
/// null; a column name may repeat (`json`, unlike `jsonb`, keeps every key, in order). Whole numbers come back as
/// integers, others as doubles; `SQLRow`'s accessors read either as the other. All the reads see one snapshot.
enum PostgresReadBatch {
    /// Only plain `SELECT`s go together, and only several of them.
    static func canCombine(_ reads: [SQLStatement]) -> Bool {
        reads.count > 1 && reads.allSatisfy { $0.sql.utf8.prefix(7).elementsEqual("SELECT ".utf8) }
    }

    static func statement(_ reads: [SQLStatement]) -> SQLStatement {
        SQLStatement(
            "SELECT " + reads.map { "(SELECT json_agg(t)::text FROM (\($0.sql)) AS t)" }.joined(separator: ", "), reads.flatMap(\.binds))
    }

    /// Each read's rows, from the combined statement's one row (a null column: no rows).
    static func rows(from combined: [SQLRow], count: Int) throws -> [[SQLRow]] {
        guard let row = combined.first, row.values.count == count else { throw PostgresReadBatchError(reason: "expected one row of \(count) columns") }
        return try (0..<count).map { index in
            guard let text = row.text(index) else { return [] }
            var reader = JSONRowsReader(bytes: Array(text.utf8))
            return try reader.rows()
        }
    }
}

struct PostgresReadBatchError: Error, CustomStringConvertible {
    let reason: String
    var description: String { "PostgreSQL combined read: \(reason)" }
}

/// Reads `[{"a": 1, "b": "x"}, …]` as written by `json_agg`: the values of each object in their order, keys ignored.
struct JSONRowsReader {
    let bytes: [UInt8]
    var position = 0

    mutating func rows() throws -> [SQLRow] {
        var rows: [SQLRow] = []
        try expect(UInt8(ascii: "["))
        if peek() == UInt8(ascii: "]") { return rows }
        repeat {
            rows.append(try object())
        } while try separator(closing: UInt8(ascii: "]"))
        return rows
    }

    private mutating func object() throws -> SQLRow {
        var values: [SQLValue] = []
        try expect(UInt8(ascii: "{"))
        if peek() == UInt8(ascii: "}") {
            position += 1
            return SQLRow(values)
        }
        repeat {
            _ = try string()
            try expect(UInt8(ascii: ":"))
            values.append(try value())
        } while try separator(closing: UInt8(ascii: "}"))
        return SQLRow(values)
    }

    /// After an element: true on a comma, false on the closing bracket.
    private mutating func separator(closing: UInt8) throws -> Bool {
        switch peek() {
        case UInt8(ascii: ","):
            position += 1
            return true
        case closing:
            position += 1
            return false
        default: throw failure("expected , or \(Character(UnicodeScalar(closing)))")
        }
    }

    private mutating func value() throws -> SQLValue {
        switch peek() {
        case UInt8(ascii: "\""): return .text(try string())
        case UInt8(ascii: "n"):
            try literal("null")
            return .text(nil)
        case UInt8(ascii: "t"):
            try literal("true")
            return .int(1)
        case UInt8(ascii: "f"):
            try literal("false")
            return .int(0)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            // A json column: its text, as the column would read.
            let start = position
            try skipNested()
            return .text(String(decoding: bytes[start..<position], as: UTF8.self))
        default:
            let start = position
            var isWhole = true
            while position < bytes.count, !",}] \n".utf8.contains(bytes[position]) {
                if [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[position]) { isWhole = false }
                position += 1
            }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            if isWhole, let number = Int64(text) { return .int(number) }
            guard let number = Double(text) else { throw failure("not a number: \(text)") }
            return .double(number)
        }
    }

    private mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""))
        var output: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""): return String(decoding: output, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { break }
                let escaped = bytes[position]
                position += 1
                switch escaped {
                case UInt8(ascii: "b"): output.append(0x08)
                case UInt8(ascii: "f"): output.append(0x0C)
                case UInt8(ascii: "n"): output.append(0x0A)
                case UInt8(ascii: "r"): output.append(0x0D)
                case UInt8(ascii: "t"): output.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar), bytes[position...].starts(with: "\\u".utf8) {
                        position += 2
                        let low = try hex4()
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    output.append(contentsOf: String(Character(UnicodeScalar(scalar) ?? "\u{FFFD}")).utf8)
                default: output.append(escaped)
                }
            default: output.append(byte)
            }
        }
        throw failure("unterminated string")
    }

    private mutating func hex4() throws -> UInt32 {
        guard position + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16) else {
            throw failure("bad \\u escape")
        }
        position += 4
        return value
    }

    private mutating func skipNested() throws {
        var depth = 0
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\""):
                _ = try string()
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 {
                    position += 1
                    return
                }
            default: break
            }
            position += 1
        }
        throw failure("unterminated value")
    }

    private mutating func literal(_ word: String) throws {
        guard bytes[position...].starts(with: word.utf8) else { throw failure("expected \(word)") }
        position += word.utf8.count
    }

    private mutating func peek() -> UInt8? {
        while position < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) { position += 1 }
        return position < bytes.count ? bytes[position] : nil
    }

    private mutating func expect(_ byte: UInt8) throws {
        guard peek() == byte else { throw failure("expected \(Character(UnicodeScalar(byte)))") }
        position += 1
    }

    private func failure(_ reason: String) -> PostgresReadBatchError {
        PostgresReadBatchError(reason: "\(reason) at byte \(position)")
    }
}
