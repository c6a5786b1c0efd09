import NIOCore
import PostgresNIO

/// Many rows in one statement with one parameter per column: each column goes as a typed array, and
/// `INSERT … SELECT … FROM unnest($1::int8[], $2::text[], …)` turns the arrays back into rows, in their order.
///
/// A multi-row `VALUES` list needs one parameter per cell (at most 65,535 in a statement, so 1,000 rows of a wide table)
/// and PostgreSQL plans every placeholder; the arrays are sent in PostgreSQL's binary array format, so a batch of 10,000
/// rows is one statement and one round trip.
enum PostgresBulkInsert {
    /// Rows per statement: bounds the size of one message, not a parameter count.
    static let rowsPerStatement = 10_000

    /// The statement and its parameters for `rows` (all the same width as `columns`), or nil when no column has a
    /// non-null value (there is then no array to send; the caller falls back to `VALUES`).
    static func query(table: String, columns: [String], rows: ArraySlice<[SQLValue]>, conflict: String) -> PostgresQuery? {
        var binds = PostgresBindings(capacity: columns.count)
        guard let sql = statement(table: table, columns: columns, rows: rows, conflict: conflict, binds: &binds) else { return nil }
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }

    /// The text of one such `INSERT`, its arrays appended to `binds` (its placeholders numbered on from those already
    /// there, so that several inserts can share one statement); nil when no column has a non-null value.
    static func statement(
        table: String, columns: [String], rows: ArraySlice<[SQLValue]>, conflict: String, binds: inout PostgresBindings
    ) -> String? {
        var selected: [String] = []
        var aliases: [String] = []
        var arrays: [String] = []
        for position in columns.indices {
            guard let array = PostgresColumnArray(rows: rows, position: position) else {
                // Every value is null: an untyped NULL takes the column's type, whatever the rows' case says.
                selected.append("NULL")
                continue
            }
            binds.append(array, context: .default)
            let alias = "c\(position)"
            aliases.append(alias)
            selected.append("u.\(alias)")
            arrays.append("$\(binds.count)::\(array.element.arrayName)")
        }
        guard !arrays.isEmpty else { return nil }
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) SELECT \(selected.joined(separator: ", ")) FROM unnest("
            + arrays.joined(separator: ", ") + ") AS u(\(aliases.joined(separator: ", "))) " + conflict
    }
}

/// Consecutive bulk inserts of a transaction gathered into one statement, one round trip instead of one each: every
/// insert but the last becomes a data-modifying `WITH` item, the last one the main statement.
///
/// PostgreSQL runs all parts of such a statement on one snapshot and checks foreign keys at its end, so a child table may
/// be written beside its parent. What it cannot do is let two parts touch the same row, so a batch holds each table
/// once: a second insert into a table already in the batch starts a new one.
struct PostgresInsertBatch {
    private(set) var tables: [String] = []
    private var statements: [String] = []
    private var binds = PostgresBindings()

    var isEmpty: Bool { statements.isEmpty }

    func holds(_ table: String) -> Bool { tables.contains(table) }

    /// Adds the insert of `rows` into `table`; false (and nothing added) when every column is null (no array to send).
    mutating func add(table: String, columns: [String], rows: ArraySlice<[SQLValue]>, conflict: String) -> Bool {
        guard let sql = PostgresBulkInsert.statement(table: table, columns: columns, rows: rows, conflict: conflict, binds: &binds) else {
            return false
        }
        tables.append(table)
        statements.append(sql)
        return true
    }

    /// The batch as one statement.
    var query: PostgresQuery {
        let items = statements.dropLast().enumerated().map { "w\($0.offset) AS (\($0.element))" }
        let sql = (items.isEmpty ? "" : "WITH " + items.joined(separator: ", ") + " ") + (statements.last ?? "")
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }
}

/// One column of a bulk insert as a PostgreSQL array in the binary format: dimensions, a null flag, the element type,
/// the length and lower bound, then each element as its length (-1 for null) and its bytes.
struct PostgresColumnArray: PostgresDynamicTypeEncodable {
    enum Element {
        case int8, float8, text

        var oid: PostgresDataType {
            switch self {
            case .int8: .int8
            case .float8: .float8
            case .text: .text
            }
        }

        var arrayName: String {
            switch self {
            case .int8: "int8[]"
            case .float8: "float8[]"
            case .text: "text[]"
            }
        }
    }

    let element: Element
    let values: [SQLValue]
    let hasNulls: Bool

    /// The column's element type comes from its non-null values: text if any is text, else a double if any is one, else
    /// a 64-bit integer. Nil when all values are null.
    init?(rows: ArraySlice<[SQLValue]>, position: Int) {
        self.init(values: rows.map { $0[position] })
    }

    init?(values: [SQLValue]) {
        var sawInt = false
        var sawDouble = false
        var sawText = false
        var sawNull = false
        for value in values {
            switch value {
            case .int(let number): if number == nil { sawNull = true } else { sawInt = true }
            case .double(let number): if number == nil { sawNull = true } else { sawDouble = true }
            case .text(let string): if string == nil { sawNull = true } else { sawText = true }
            }
        }
        guard sawInt || sawDouble || sawText else { return nil }
        element = sawText ? .text : sawDouble ? .float8 : .int8
        self.values = values
        hasNulls = sawNull
    }

    var psqlType: PostgresDataType {
        switch element {
        case .int8: .int8Array
        case .float8: .float8Array
        case .text: .textArray
        }
    }

    var psqlFormat: PostgresFormat { .binary }

    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        // The elements in the column's type, then their size, then one write of raw bytes: a ByteBuffer call per
        // integer costs more than the rest of a batch in a debug build.
        var numbers: [UInt64?] = []
        var strings: [String?] = []
        var size = 20
        switch element {
        case .int8:
            numbers = values.map { value in
                if case .int(let number?) = value { UInt64(bitPattern: number) } else { nil }
            }
            size += numbers.reduce(0) { $0 + ($1 == nil ? 4 : 12) }
        case .float8:
            numbers = values.map { value in
                switch value {
                case .int(let integer): integer.map { Double($0).bitPattern }
                case .double(let double): double?.bitPattern
                case .text: nil
                }
            }
            size += numbers.reduce(0) { $0 + ($1 == nil ? 4 : 12) }
        case .text:
            strings = values.map { value in
                switch value {
                case .int(let integer): integer.map(String.init)
                case .double(let double): double.map { "\($0)" }
                case .text(let text): text
                }
            }
            size += strings.reduce(0) { $0 + 4 + ($1?.utf8.count ?? 0) }
        }
        let header: [Int32] = [1, hasNulls ? 1 : 0, Int32(bitPattern: element.oid.rawValue), Int32(values.count), 1]
        _ = buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: size) { raw in
            var offset = 0
            func put(_ value: Int32) {
                raw.storeBytes(of: value.bigEndian, toByteOffset: offset, as: Int32.self)
                offset += 4
            }
            for value in header { put(value) }
            if element == .text {
                for string in strings {
                    guard var string else { put(-1); continue }
                    string.withUTF8 { bytes in
                        put(Int32(bytes.count))
                        if let base = bytes.baseAddress, let target = raw.baseAddress {
                            (target + offset).copyMemory(from: base, byteCount: bytes.count)
                        }
                        offset += bytes.count
                    }
                }
            } else {
                for number in numbers {
                    guard let number else { put(-1); continue }
                    put(8)
                    raw.storeBytes(of: number.bigEndian, toByteOffset: offset, as: UInt64.self)
                    offset += 8
                }
            }
            return offset
        }
    }
}
