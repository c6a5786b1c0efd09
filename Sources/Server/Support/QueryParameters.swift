import Hummingbird

/// Query parameters read with a reason when they are wrong (400 naming the parameter).
enum QueryParameters {
    /// An optional integer within `range`.
    static func integer(_ request: Request, _ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let raw = request.uri.queryParameters[Substring(name)].map(String.init), !raw.isEmpty else { return nil }
        guard let value = Int(raw), range.contains(value) else {
            throw APIError.badParameter(name, "\"\(raw)\" is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// An optional value that must be one of `allowed`.
    static func choice(_ request: Request, _ name: String, _ allowed: [String]) throws -> String? {
        guard let raw = request.uri.queryParameters[Substring(name)].map(String.init), !raw.isEmpty else { return nil }
        guard allowed.contains(raw) else { throw APIError.badParameter(name, "\"\(raw)\" is not one of \(allowed.joined(separator: ", "))") }
        return raw
    }
}
