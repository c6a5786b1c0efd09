public import AutopilotCore
import Foundation

/// A refusal of the chat's input or access, with the field it is about: bad input is a 400 naming the field, an unknown
/// widget key a 401, a foreign origin a 403, an unknown conversation a 404.
public struct ChatInputError: AutopilotError, Equatable {
    public let category: ErrorCategory
    public let code: String
    public let message: String
    public let field: String?

    public init(category: ErrorCategory = .malformedRequest, code: String = "invalid_request", field: String?, message: String) {
        self.category = category
        self.code = code
        self.field = field
        self.message = message
    }

    static func invalid(_ field: String, _ message: String) -> ChatInputError {
        ChatInputError(field: field, message: message)
    }

    static let conversationNotFound = ChatInputError(
        category: .notFound, code: "conversation_not_found", field: nil, message: "no such conversation for this widget and visitor")
}

/// Checks of what a widget sends.
enum ChatInput {
    static let maximumTextLength = 2_000

    /// 1 to 100 letters, digits, `-`, `_`, `.` or `:`.
    static func identifier(_ value: String?, field: String, required: Bool) throws -> String? {
        guard let value else {
            if required { throw ChatInputError.invalid(field, "is required") }
            return nil
        }
        guard (1...100).contains(value.count), value.unicodeScalars.allSatisfy(isIdentifierScalar) else {
            throw ChatInputError.invalid(field, "must be 1 to 100 letters, digits, '-', '_', '.' or ':'")
        }
        return value
    }

    static func text(_ value: String?) throws -> String {
        guard let value else { throw ChatInputError.invalid("text", "is required") }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ChatInputError.invalid("text", "must not be empty") }
        guard trimmed.count <= maximumTextLength else { throw ChatInputError.invalid("text", "is longer than \(maximumTextLength) characters") }
        return trimmed
    }

    /// Who of the team answers: a name or an email, at most 100 characters, on one line; nil when absent or blank.
    static func author(_ value: String?) throws -> String? {
        guard let value else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        guard trimmed.count <= 100 else { throw ChatInputError.invalid("author", "is longer than 100 characters") }
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ChatInputError.invalid("author", "must be a name or an email on one line")
        }
        return trimmed
    }

    private static func isIdentifierScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.:".unicodeScalars.contains(scalar))
    }
}
