import AutopilotCore
import Foundation

/// Flow documents as text: which format they are in, and the same document under another id (for copies), touching
/// nothing else so comments and layout survive.
enum FlowSourceText {
    /// JSON documents start with `{`; everything else is read as YAML (the rule the flow parser follows).
    static func isJSON(_ text: String) -> Bool {
        text.drop { $0.isWhitespace }.first == "{"
    }

    /// Lower-case letters, digits and dashes, not at either end; at most 100 characters (the parser's rule for ids).
    static func isFlowID(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 100 && text.first != "-" && text.last != "-"
            && text.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }

    /// The document with its top-level `id` replaced, or nil when it has none that can be replaced in place.
    /// `id` must already be a valid flow id (it is written verbatim).
    static func renamed(_ text: String, to id: String) -> String? {
        if isJSON(text) {
            guard case .object(var object) = try? JSONParser.parse(text) else { return nil }
            object["id"] = .string(id)
            return JSONValue.object(object).jsonString
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let index = lines.firstIndex(where: { $0.hasPrefix("id:") }) else { return nil }
        let comment = lines[index].range(of: " #").map { String(lines[index][$0.lowerBound...]) } ?? ""
        lines[index] = "id: \(id)\(comment)"
        return lines.joined(separator: "\n")
    }
}
