import Foundation

/// Who supplied a qualification field: the offline rules or a language model refinement.
public enum FieldSource: String, Sendable, Codable, Hashable {
    case rules
    case model
}
