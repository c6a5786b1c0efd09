import Foundation

/// An `application/x-www-form-urlencoded` body as ordered name/value pairs (names may repeat).
public struct FormBody: Sendable, Hashable {
    public let pairs: [FormField]

    public init(pairs: [FormField]) {
        self.pairs = pairs
    }

    /// Decodes `a=1&b=x+y&c=%C3%A9`; nil when a percent escape is broken or the text is not UTF-8.
    public init?(_ body: [UInt8]) {
        guard let text = String(validating: body, as: UTF8.self) else { return nil }
        var pairs: [FormField] = []
        for segment in text.split(separator: "&", omittingEmptySubsequences: true) {
            let equals = segment.firstIndex(of: "=")
            let rawName = equals.map { segment[..<$0] } ?? segment
            let rawValue = equals.map { segment[segment.index(after: $0)...] } ?? ""
            guard let name = Self.decode(rawName), let value = Self.decode(rawValue) else { return nil }
            pairs.append(FormField(name: name, value: value))
        }
        self.pairs = pairs
    }

    /// The first value given for a name.
    public subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Every name that appears, once.
    public var names: Set<String> { Set(pairs.map(\.name)) }

    /// Encodes the pairs in order (spaces as `+`), the way Twilio and browsers post forms.
    public var encoded: [UInt8] {
        Array(pairs.map { Self.encode($0.name) + "=" + Self.encode($0.value) }.joined(separator: "&").utf8)
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    private static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._*")
        let escaped = text.addingPercentEncoding(withAllowedCharacters: allowed.union(CharacterSet(charactersIn: " "))) ?? text
        return escaped.replacingOccurrences(of: " ", with: "+")
    }
}

/// One name/value pair of a form body.
public struct FormField: Sendable, Hashable {
    public let name: String
    public let value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
