import Foundation

/// How an event's JSON properties are kept in the `properties` column: the JSON text with its most common keys (and a few
/// key–value pairs) replaced by control bytes. JSON text never holds a raw byte below 0x20 other than tab, line feed and
/// carriage return (inside strings they are escaped), so those bytes are free to stand for the patterns, and decoding gives
/// back the exact bytes that were encoded. Text without any such byte (every row written before migration 42) decodes
/// to itself.
///
/// The table is part of the stored format: append only, never reorder or edit an entry.
public enum StoredProperties {
    /// Single-byte tokens: 0x02…0x08, 0x0B, 0x0C, 0x0E…0x1F (27 codes), for the most frequent patterns.
    static let singleCodes: [UInt8] = Array(0x02...0x08) + [0x0B, 0x0C] + Array(0x0E...0x1F)
    /// Two-byte tokens: 0x01 then one of these bytes (never `"`, so no pattern, which all start with `"`, can match across one).
    static let secondBytes: [UInt8] = Array(UInt8(ascii: "0")...UInt8(ascii: "9")) + Array(UInt8(ascii: "A")...UInt8(ascii: "Z"))
        + Array(UInt8(ascii: "a")...UInt8(ascii: "z"))

    static let single: [String] = [
        #""channel":"email""#, #""currency":"EUR""#, #""kind":"marketing""#, #""message_id":"#, #""order_id":"#, #""sku":"#,
        #""quantity":"#, #""price":"#, #""channel":"#, #""cart_id":"#, #""lines":"#, #""template":"#, #""provider":"#,
        #""subject":"#, #""value":"#, #""checkout_url":"#, #""total":"#, #""tracking_number":"#, #""carrier":"#,
        #""tracking_url":"#, #""currency":"#, #""kind":"#, #""source":"#, #""email":"#, #""attributes":"#, #""consents":"#,
        #""contact_id":"#,
    ]

    static let double: [String] = [
        #""channel":"sms""#, #""channel":"whatsapp""#, #""kind":"transactional""#, #""email":true"#, #""email":false"#,
        #""sms":true"#, #""sms":false"#, #""whatsapp":true"#, #""whatsapp":false"#, #""has_photo":true"#, #""has_photo":false"#,
        #""first_name":"#, #""last_name":"#, #""locale":"#, #""country":"#, #""timezone":"#, #""city":"#, #""phone":"#,
        #""external_id":"#, #""acquisition_source":"#, #""text":"#, #""rating":"#, #""birthdate":"#, #""company":"#,
        #""lead_id":"#, #""ticket_id":"#, #""amount":"#, #""message":"#, #""score":"#, #""tier":"#, #""reason":"#,
        #""title":"#, #""url":"#, #""in_stock":"#, #""category":"#, #""consumption_days":"#, #""old_price":"#,
        #""new_price":"#, #""status":"#, #""error":"#, #""link":"#, #""coupon":"#, #""discount":"#, #""segment_id":"#,
        #""flow_id":"#, #""run_id":"#, #""step":"#, #""name":"#, #""id":"#,
        #""outcome":"#, #""by":"#, #""period":"#, #""budget":"#, #""fit":"#, #""engagement":"#, #""timeline":"#,
        #""decision_maker":"#, #""favourite_category":"#, #""sms":"#, #""whatsapp":"#, #""has_photo":"#,
    ]

    /// Every pattern with its token, longest pattern first (the encoder takes the longest match).
    static let entries: [(pattern: [UInt8], token: [UInt8])] = {
        precondition(single.count <= singleCodes.count && double.count <= secondBytes.count)
        let ones = zip(single, singleCodes).map { (Array($0.utf8), [$1]) }
        let twos = zip(double, secondBytes).map { (Array($0.utf8), [0x01, $1]) }
        return (ones + twos).sorted { $0.0.count > $1.0.count }
    }()

    /// The patterns laid end to end for the encoder, grouped by their second byte (all start with `"`), longest first in a
    /// group; and the expansions of the tokens for the decoder. Flat arrays: no per-entry allocation to touch while scanning.
    private struct Tables: Sendable {
        var patterns: [UInt8] = []
        var start: [Int] = []
        var length: [Int] = []
        var token: [[UInt8]] = []
        var groupStart = [Int](repeating: 0, count: 257)
        var expansions: [UInt8] = []
        /// For a single-byte token at `code`, or a two-byte one at `256 + second byte`: where its pattern starts and ends.
        var expansionStart = [Int](repeating: 0, count: 512)
        var expansionEnd = [Int](repeating: 0, count: 512)

        init() {
            let ordered = StoredProperties.entries.sorted { ($0.pattern[1], $1.pattern.count) < ($1.pattern[1], $0.pattern.count) }
            var group = 0
            for (index, entry) in ordered.enumerated() {
                while group <= Int(entry.pattern[1]) {
                    groupStart[group] = index
                    group += 1
                }
                start.append(patterns.count)
                length.append(entry.pattern.count)
                token.append(entry.token)
                patterns += entry.pattern
                let slot = entry.token.count == 1 ? Int(entry.token[0]) : 256 + Int(entry.token[1])
                expansionStart[slot] = expansions.count
                expansions += entry.pattern
                expansionEnd[slot] = expansions.count
            }
            while group <= 256 {
                groupStart[group] = ordered.count
                group += 1
            }
        }
    }

    private static let tables = Tables()

    /// The stored form of serialised JSON (`JSONValue.jsonString`, which escapes every control character).
    public static func encode(_ json: String) -> String {
        var source = json
        return source.withUTF8 { encode(utf8: $0) }
    }

    /// The stored form of serialised JSON given as its UTF-8 bytes (`JSONValue.jsonBytes`).
    public static func encode(bytes json: [UInt8]) -> String {
        json.withUnsafeBufferPointer { encode(utf8: $0) }
    }

    private static func encode(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        let tables = tables
        return tables.patterns.withUnsafeBufferPointer { patterns in
            let count = bytes.count
            var output = [UInt8]()
            output.reserveCapacity(count)
            var index = 0
            var copied = 0
            scan: while index + 1 < count {
                guard bytes[index] == UInt8(ascii: "\"") else {
                    index += 1
                    continue
                }
                let second = Int(bytes[index + 1])
                for entry in tables.groupStart[second]..<tables.groupStart[second + 1] {
                    let length = tables.length[entry]
                    guard index + length <= count,
                        memcmp(bytes.baseAddress! + index + 2, patterns.baseAddress! + tables.start[entry] + 2, length - 2) == 0
                    else { continue }
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                    output.append(contentsOf: tables.token[entry])
                    index += length
                    copied = index
                    continue scan
                }
                index += 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<count]))
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// The JSON text of a stored value.
    public static func decode(_ stored: String) -> String {
        var source = stored
        let tables = tables
        return source.withUTF8 { bytes in
            guard bytes.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return stored }
            var output = [UInt8]()
            output.reserveCapacity(bytes.count * 2)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var slot = -1
                var width = 1
                if byte == 0x01, index + 1 < bytes.count {
                    slot = 256 + Int(bytes[index + 1])
                    width = 2
                } else if byte < 0x20 {
                    slot = Int(byte)
                }
                if slot >= 0, tables.expansionEnd[slot] > tables.expansionStart[slot] {
                    output.append(contentsOf: tables.expansions[tables.expansionStart[slot]..<tables.expansionEnd[slot]])
                    index += width
                } else {
                    output.append(byte)
                    index += 1
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// SQL expressions that, applied one after the other to `column`, encode its JSON text the way `encode` does (used by
    /// migration 42 to convert rows in place): nested `replace` calls, longest pattern first, a few per expression (SQLite's
    /// parser refuses deep nesting). The result decodes to the same text as `encode`'s.
    static func sqlEncodingSteps(of column: String, dialect: SQLDialect) -> [String] {
        stride(from: 0, to: entries.count, by: 12).map { start in
            var expression = column
            for entry in entries[start..<min(entries.count, start + 12)] {
                let pattern = String(decoding: entry.pattern, as: UTF8.self).replacingOccurrences(of: "'", with: "''")
                let token = entry.token.map { code in
                    code < 0x20 ? (dialect == .sqlite ? "char(\(code))" : "chr(\(code))") : "'\(String(UnicodeScalar(code)))'"
                }.joined(separator: " || ")
                expression = "replace(\(expression), '\(pattern)', \(token))"
            }
            return expression
        }
    }
}
