import AutopilotCore

/// Why an account operation was refused beyond bad input (which is a `ValidationError` naming the field): the user is not
/// the tenant's (`user_not_found`), the email is taken (`email_taken`), or the change would leave a tenant without an
/// owner (`last_owner`).
public struct AccountError: AutopilotError, Hashable, CustomStringConvertible {
    public var category: ErrorCategory
    public var code: String
    public var message: String
    public var field: String?

    public init(category: ErrorCategory, code: String, message: String, field: String? = nil) {
        self.category = category
        self.code = code
        self.message = message
        self.field = field
    }

    public var description: String { field.map { "\($0): \(message)" } ?? message }

    static func userNotFound(_ what: String) -> AccountError {
        AccountError(category: .notFound, code: "user_not_found", message: "no dashboard user \(what)")
    }

    static func emailTaken(_ email: String) -> AccountError {
        AccountError(category: .conflict, code: "email_taken", message: "\(email) already has a dashboard account", field: "email")
    }

    static let lastOwner = AccountError(
        category: .conflict, code: "last_owner", message: "a tenant keeps at least one owner: make another user owner first", field: "role")
}
