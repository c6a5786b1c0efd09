import Foundation
import Hummingbird
import NIOCore

/// An `application/x-www-form-urlencoded` body: every value of every name, in order.
struct FormBody: Sendable {
    private(set) var values: [String: [String]] = [:]

    init(_ text: String) {
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            guard !name.isEmpty else { continue }
            values[name, default: []].append(parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    /// The first value of `name`.
    subscript(name: String) -> String? { values[name]?.first }

    /// Every value of `name` (checkboxes, multi-select).
    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// The trimmed value, nil when missing or blank.
    func text(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    static func read(_ request: Request, limit: Int) async throws -> FormBody {
        var request = request
        let buffer = try await request.collectBody(upTo: limit)
        return FormBody(String(buffer: buffer))
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
