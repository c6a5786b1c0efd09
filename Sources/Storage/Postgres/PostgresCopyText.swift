import Foundation

/// Rows in the text format of `COPY … FROM STDIN`: one line a row, columns separated by a tab, `\N` for null, and in a
/// value the four bytes that would end it escaped — backslash as `\\`, tab as `\t`, newline as `\n`, carriage return as
/// `\r`. Every other byte (quotes, emoji, any UTF-8) goes as it is: the text format has no quoting, only these escapes.
///
/// Numbers go as their decimal text, which the column's type reads back (`Double`'s shortest form round-trips exactly).
/// The bytes gather in an array, each value appended in one call: a `ByteBuffer` call per byte or per value costs more
/// than the server's whole COPY in a debug build.
enum PostgresCopyText {
    /// Inserts of at least this many rows, with no `ON CONFLICT` clause, go through `COPY` rather than `unnest` arrays:
    /// COPY costs a round trip of its own, which only a large insert (a batch's events) pays back.
    static let minimumRows = 500

    /// Whether an insert goes through `COPY`: many rows, no `ON CONFLICT` (COPY has none), and the transaction's last
    /// write. Inserts gathered in one statement may name a parent written after its child (PostgreSQL checks foreign
    /// keys when the statement ends); a COPY is a statement of its own, so only the last write, with every other insert
    /// already made, can go that way without changing what a transaction may write in which order.
    static func fits(rows: Int, conflict: String, last: Bool) -> Bool {
        last && conflict.isEmpty && rows >= minimumRows
    }

    /// Bytes per `CopyData` message: the server inserts the first rows while the rest are still being written.
    static let chunkBytes = 32 * 1024

    /// Appends one row to `bytes`, ended by a newline.
    static func append(row: [SQLValue], to bytes: inout [UInt8]) {
        for (position, value) in row.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: "\t")) }
            append(value, to: &bytes)
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    static func append(_ value: SQLValue, to bytes: inout [UInt8]) {
        switch value {
        case .int(nil), .double(nil), .text(nil):
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(UInt8(ascii: "N"))
        case .int(let number?): bytes.append(contentsOf: String(number).utf8)
        case .double(let number?): bytes.append(contentsOf: number.description.utf8)
        case .text(var text?):
            text.withUTF8 { appendEscaped($0, to: &bytes) }
        }
    }

    /// The bytes of a text value: in one go when none needs escaping (most values), else run by run.
    static func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        guard let base = text.baseAddress, needsEscaping(base, text.count) else {
            bytes.append(contentsOf: text)
            return
        }
        var start = 0
        for index in text.indices {
            let escape: UInt8
            switch text[index] {
            case UInt8(ascii: "\\"): escape = UInt8(ascii: "\\")
            case UInt8(ascii: "\t"): escape = UInt8(ascii: "t")
            case UInt8(ascii: "\n"): escape = UInt8(ascii: "n")
            case UInt8(ascii: "\r"): escape = UInt8(ascii: "r")
            default: continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<index]))
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(escape)
            start = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...]))
    }

    /// Whether any of the four special bytes occurs (`memchr`, four passes: far quicker than a loop over every byte).
    private static func needsEscaping(_ base: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        memchr(base, 0x5C, count) != nil || memchr(base, 0x09, count) != nil || memchr(base, 0x0A, count) != nil
            || memchr(base, 0x0D, count) != nil
    }
}
