import AutopilotCore
import Foundation

/// A saved segment: an id, a name and a condition over a contact's fields, scores, lead and history, checked against
/// `SegmentVocabulary.schema` when it is saved.
public struct SegmentDefinition: Sendable, Hashable {
    public let id: String
    public let name: String
    public let condition: Condition

    /// The largest condition accepted, in characters.
    public static let maximumConditionLength = 4_000

    /// Checks and compiles a segment. Every problem names its field (`id`, `name`, `condition`); a condition's problems
    /// are given with their columns, all of them in one message.
    public static func make(id: String, name: String, condition: String) throws(ValidationError) -> SegmentDefinition {
        try validateID(id)
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw invalid("name", "is required") }
        guard name.count <= 200 else { throw invalid("name", "is longer than 200 characters") }
        let source = condition.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !source.isEmpty else { throw invalid("condition", "is required") }
        guard source.count <= maximumConditionLength else {
            throw invalid("condition", "is longer than \(maximumConditionLength) characters")
        }
        switch Condition.compile(source, schema: SegmentVocabulary.schema) {
        case .success(let compiled):
            return SegmentDefinition(id: id, name: name, condition: compiled)
        case .failure(let problems):
            throw invalid("condition", problems.errors.map(\.description).joined(separator: "; "))
        }
    }

    /// Segment ids: 1 to 64 lower-case letters, digits, dashes and underscores, starting with a letter or digit.
    public static func validateID(_ id: String) throws(ValidationError) {
        guard !id.isEmpty else { throw invalid("id", "is required") }
        guard id.count <= 64 else { throw invalid("id", "is longer than 64 characters") }
        let allowed = id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
        guard allowed, let first = id.unicodeScalars.first, first != "-", first != "_" else {
            throw invalid("id", "\"\(id)\" may hold only lower-case letters, digits, - and _, and starts with a letter or digit")
        }
    }

    /// Whether the segment must also be swept on a timer: its condition reads `history.*` or `scores.*`.
    public var isTimeDependent: Bool {
        condition.expression.paths.contains { SegmentVocabulary.timeDependentRoots.contains($0.first ?? "") }
    }

    /// Whether a contact with these facts belongs to the segment at `now`.
    public func contains(_ facts: SegmentFacts, now: Date) -> Bool {
        condition.holds(in: facts.scope(now: now))
    }

    private static func invalid(_ field: String, _ message: String) -> ValidationError {
        ValidationError(code: "invalid_segment", field: field, message: message)
    }
}
