import AutopilotCore
import Yams

/// Reads flow text (YAML, or JSON) into a JSON value, keeping scalars as written: only plain YAML scalars that are
/// exactly `true`, `false`, `null`/`~` or a decimal number become non-strings, so `10:00` stays the string "10:00".
enum FlowDocument {
    /// Largest flow document accepted, in UTF-8 bytes.
    static let maximumSize = 1_000_000
    /// Deepest nesting of mappings and lists accepted.
    static let maximumDepth = 64

    static func read(_ text: String) -> Result<JSONValue, DocumentValidationError> {
        guard text.utf8.count <= maximumSize else {
            let issue = ValidationIssue(path: "", message: "the document is larger than \(maximumSize) bytes")
            return .failure(DocumentValidationError(code: "unreadable_flow", issues: [issue]))
        }
        let trimmed = text.drop { $0.isWhitespace }
        if trimmed.first == "{" {
            do {
                return .success(try JSONParser.parse(text))
            } catch {
                return .failure(unreadable("not valid JSON: \(error)"))
            }
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                return .failure(unreadable("the document is empty"))
            }
            var issues: [ValidationIssue] = []
            let value = convert(node, path: "", depth: 0, issues: &issues)
            return issues.isEmpty ? .success(value) : .failure(DocumentValidationError(code: "unreadable_flow", issues: issues))
        } catch {
            return .failure(unreadable("not valid YAML: \(error)"))
        }
    }

    private static func convert(_ node: Node, path: String, depth: Int, issues: inout [ValidationIssue]) -> JSONValue {
        guard depth < maximumDepth else {
            issues.append(ValidationIssue(path: path, message: "nests deeper than \(maximumDepth) levels"))
            return .null
        }
        switch node {
        case .scalar(let scalar):
            return scalar.style == .plain ? plainScalar(scalar.string) : .string(scalar.string)
        case .sequence(let sequence):
            return .array(sequence.enumerated().map { convert($0.element, path: "\(path)[\($0.offset)]", depth: depth + 1, issues: &issues) })
        case .mapping(let mapping):
            var object = JSONObject()
            for (keyNode, valueNode) in mapping {
                guard case .scalar(let key) = keyNode else {
                    issues.append(ValidationIssue(path: path, message: "keys must be plain names"))
                    continue
                }
                let childPath = path.isEmpty ? key.string : "\(path).\(key.string)"
                if object[key.string] != nil {
                    issues.append(ValidationIssue(path: childPath, message: "is written twice"))
                }
                object[key.string] = convert(valueNode, path: childPath, depth: depth + 1, issues: &issues)
            }
            return .object(object)
        case .alias:
            issues.append(ValidationIssue(path: path, message: "YAML aliases are not supported in flows"))
            return .null
        }
    }

    private static func plainScalar(_ text: String) -> JSONValue {
        switch text {
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case "null", "Null", "NULL", "~", "": return .null
        default: break
        }
        let isInteger =
            !text.isEmpty && text.enumerated().allSatisfy { $0.element.isASCII && ($0.element.isNumber || ($0.offset == 0 && $0.element == "-")) }
        if isInteger, text != "-", let value = Int64(text) { return .int(value) }
        let isDecimal = text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") } && text.contains(where: \.isNumber)
        if isDecimal, let value = Double(text), value.isFinite { return .double(value) }
        return .string(text)
    }

    private static func unreadable(_ message: String) -> DocumentValidationError {
        DocumentValidationError(code: "unreadable_flow", issues: [ValidationIssue(path: "", message: message)])
    }
}
