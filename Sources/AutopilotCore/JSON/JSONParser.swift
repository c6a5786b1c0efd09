/// A strict JSON parser over UTF-8 bytes (RFC 8259) that reports where a document is malformed.
///
/// Faster than `JSONDecoder` into an enum, and its errors name the line and column.
public struct JSONParser {
    public struct SyntaxError: AutopilotError, Equatable, CustomStringConvertible {
        public let message: String
        public let line: Int
        public let column: Int
        public var description: String { "\(message) at line \(line), column \(column)" }
        public var code: String { "malformed_json" }
        /// Text that is not JSON cannot be read at all: 400 over HTTP.
        public var category: ErrorCategory { .malformedRequest }
    }

    /// Nesting deeper than this is refused instead of exhausting the stack.
    public static let maximumDepth = 64

    /// The document's bytes, valid while the parse runs (inside `withUnsafeBufferPointer`). A raw pointer's subscript is
    /// inlined even in a debug build, where an array's is a call: the parser reads every byte through it.
    private let bytes: UnsafePointer<UInt8>
    private let count: Int
    private var index = 0
    private var depth = 0
    /// Request bodies are read strictly: a key twice in one object and bytes that are not UTF-8 are errors, not the last
    /// value and U+FFFD.
    private let strict: Bool
    /// Whether a string (key or value) held U+0000 (only a `\u0000` escape can put it there).
    private var sawNUL = false

    /// `bytes` must have a base address (`over` gives one even to an empty document).
    private init(bytes: UnsafeBufferPointer<UInt8>, strict: Bool = false) {
        self.bytes = bytes.baseAddress!
        count = bytes.count
        self.strict = strict
    }

    /// Runs `parse` over the bytes of `array`, its typed error kept.
    private static func over<Failure: Error>(
        _ array: [UInt8], _ parse: (UnsafeBufferPointer<UInt8>) throws(Failure) -> JSONValue
    ) throws(Failure) -> JSONValue {
        // An empty array may have no storage: a byte of padding gives it an address, the count stays 0.
        let stored = array.isEmpty ? [0] : array
        let result: Result<JSONValue, Failure> = stored.withUnsafeBufferPointer { buffer in
            let document = UnsafeBufferPointer(start: buffer.baseAddress, count: array.count)
            do throws(Failure) { return .success(try parse(document)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// The bytes from `start` up to the current index.
    private func token(from start: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes + start, count: index - start)
    }

    /// A request body: as `parse`, but a key repeated in an object and text that is not UTF-8 are syntax errors (I-JSON,
    /// RFC 7493), and a string holding U+0000 (which PostgreSQL cannot store and SQLite would cut) is refused with the
    /// path of the field (`events[2].properties.note`).
    public static func parseRequest(_ bytes: [UInt8]) throws(RequestBodyError) -> JSONValue {
        try over(bytes) { buffer throws(RequestBodyError) in try parseRequest(buffer) }
    }

    private static func parseRequest(_ bytes: UnsafeBufferPointer<UInt8>) throws(RequestBodyError) -> JSONValue {
        var parser = JSONParser(bytes: bytes, strict: true)
        let value: JSONValue
        do throws(SyntaxError) {
            parser.skipWhitespace()
            value = try parser.parseValue()
            parser.skipWhitespace()
            guard parser.index == parser.count else { throw parser.error("unexpected content after the JSON value") }
        } catch {
            throw .syntax(error)
        }
        if parser.sawNUL, let path = value.firstPath(where: { $0.unicodeScalars.contains("\u{0}") }) { throw .nulCharacter(path: path) }
        return value
    }

    public static func parse(_ text: String) throws(SyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONValue {
        try over(bytes) { buffer throws(SyntaxError) in try parse(buffer) }
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.index == parser.count else { throw parser.error("unexpected content after the JSON value") }
        return value
    }

    private func error(_ message: String) -> SyntaxError {
        var line = 1
        var column = 1
        for offset in 0..<min(index, count) {
            if bytes[offset] == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
        }
        return SyntaxError(message: message, line: line, column: column)
    }

    private mutating func skipWhitespace() {
        while index < count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private mutating func parseValue() throws(SyntaxError) -> JSONValue {
        guard index < count else { throw error("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected character '\(Character(Unicode.Scalar(bytes[index])))'")
        }
    }

    private mutating func expectLiteral(_ literal: String) throws(SyntaxError) {
        let expected = Array(literal.utf8)
        guard index + expected.count <= count, expected.indices.allSatisfy({ bytes[index + $0] == expected[$0] }) else {
            throw error("invalid literal")
        }
        index += expected.count
    }

    private mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > Self.maximumDepth { throw error("nesting deeper than \(Self.maximumDepth) levels") }
    }

    private mutating func parseObject() throws(SyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var object = JSONObject()
        skipWhitespace()
        if index < count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(object)
        }
        while true {
            skipWhitespace()
            guard index < count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a string key") }
            let keyStart = index
            let key = try parseString()
            skipWhitespace()
            guard index < count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after an object key") }
            index += 1
            skipWhitespace()
            let value = try parseValue()
            if strict {
                // One scan of the keys read so far, then an append.
                guard object.appendIfAbsent(key, value) else {
                    index = keyStart
                    throw error("the key \"\(key)\" appears twice in one object")
                }
            } else {
                object[key] = value
            }
            skipWhitespace()
            guard index < count else { throw error("unexpected end of input in an object") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(object) }
            throw error("expected ',' or '}' in an object")
        }
    }

    private mutating func parseArray() throws(SyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var array: [JSONValue] = []
        skipWhitespace()
        if index < count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(array)
        }
        while true {
            skipWhitespace()
            array.append(try parseValue())
            skipWhitespace()
            guard index < count else { throw error("unexpected end of input in an array") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(array) }
            throw error("expected ',' or ']' in an array")
        }
    }

    private mutating func parseString() throws(SyntaxError) -> String {
        index += 1
        let start = index
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let string = try decode(token(from: start))
                index += 1
                return string
            }
            if byte == UInt8(ascii: "\\") { return try parseEscapedString(from: start) }
            if byte < 0x20 { throw error("control character in a string") }
            index += 1
        }
        throw error("unterminated string")
    }

    private mutating func parseEscapedString(from start: Int) throws(SyntaxError) -> String {
        var scalars = Array(token(from: start))
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let string = try decode(scalars)
                index += 1
                return string
            }
            if byte < 0x20 { throw error("control character in a string") }
            guard byte == UInt8(ascii: "\\") else {
                scalars.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < count else { break }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""): scalars.append(0x22)
            case UInt8(ascii: "\\"): scalars.append(0x5C)
            case UInt8(ascii: "/"): scalars.append(0x2F)
            case UInt8(ascii: "b"): scalars.append(0x08)
            case UInt8(ascii: "f"): scalars.append(0x0C)
            case UInt8(ascii: "n"): scalars.append(0x0A)
            case UInt8(ascii: "r"): scalars.append(0x0D)
            case UInt8(ascii: "t"): scalars.append(0x09)
            case UInt8(ascii: "u"):
                var code = try parseHex4()
                if (0xD800...0xDBFF).contains(code) {
                    guard index + 1 < count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                        throw error("unpaired surrogate in a string")
                    }
                    index += 2
                    let low = try parseHex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid surrogate pair in a string") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(code) {
                    throw error("unpaired surrogate in a string")
                }
                guard let scalar = Unicode.Scalar(code) else { throw error("invalid unicode escape") }
                if code == 0 { sawNUL = true }
                scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                throw error("invalid escape sequence in a string")
            }
        }
        throw error("unterminated string")
    }

    /// The string of a token's bytes; strictly, bytes that are not UTF-8 are an error instead of U+FFFD.
    private func decode(_ unescaped: [UInt8]) throws(SyntaxError) -> String {
        guard strict else { return String(decoding: unescaped, as: UTF8.self) }
        guard let string = String(validating: unescaped, as: UTF8.self) else { throw error("text that is not UTF-8 in a string") }
        return string
    }

    private func decode(_ slice: UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> String {
        guard strict else { return String(decoding: slice, as: UTF8.self) }
        guard let string = String(validating: slice, as: UTF8.self) else { throw error("text that is not UTF-8 in a string") }
        return string
    }

    private mutating func parseHex4() throws(SyntaxError) -> UInt32 {
        guard index + 4 <= count else { throw error("invalid unicode escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("invalid unicode escape")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    private mutating func parseNumber() throws(SyntaxError) -> JSONValue {
        let start = index
        var isInteger = true
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < count, isDigit(bytes[index]) else { throw error("invalid number") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while index < count, isDigit(bytes[index]) { index += 1 }
        }
        if index < count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < count, isDigit(bytes[index]) else { throw error("invalid number") }
            while index < count, isDigit(bytes[index]) { index += 1 }
        }
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < count, isDigit(bytes[index]) else { throw error("invalid number") }
            while index < count, isDigit(bytes[index]) { index += 1 }
        }
        // Most numbers are short integers: read from the bytes, without making a string (18 digits cannot overflow).
        let negative = bytes[start] == UInt8(ascii: "-")
        let digits = index - start - (negative ? 1 : 0)
        if isInteger, digits <= 18 {
            var value: Int64 = 0
            for offset in (index - digits)..<index { value = value * 10 + Int64(bytes[offset] - UInt8(ascii: "0")) }
            return .int(negative ? -value : value)
        }
        let text = String(decoding: token(from: start), as: UTF8.self)
        if isInteger, let value = Int64(text) { return .int(value) }
        guard let value = Double(text), value.isFinite else { throw error("number out of range") }
        return .double(value)
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
