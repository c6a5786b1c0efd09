import AutopilotCore
import Foundation

/// The checks of account input, each error naming its field.
enum AccountValidation {
    /// The email, trimmed and lowercased.
    static func email(_ raw: String) throws -> String {
        let email = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        let valid =
            email.count <= 254 && parts.count == 2 && !parts[0].isEmpty && parts[0].count <= 64 && parts[1].contains(".")
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".") && !parts[1].contains("..")
            && email.unicodeScalars.allSatisfy { !CharacterSet.whitespacesAndNewlines.contains($0) && !CharacterSet.controlCharacters.contains($0) }
        guard valid else { throw ValidationError(code: "invalid_user", field: "email", message: "\"\(raw)\" is not an email address") }
        return email
    }

    static func password(_ password: String, policy: AccountPolicy) throws {
        guard password.count >= policy.minimumPasswordLength else {
            throw ValidationError(
                code: "invalid_user", field: "password", message: "must be at least \(policy.minimumPasswordLength) characters long")
        }
        guard password.utf8.count <= policy.maximumPasswordLength else {
            throw ValidationError(code: "invalid_user", field: "password", message: "must be at most \(policy.maximumPasswordLength) bytes long")
        }
    }

    /// A language tag such as `fr`, `en` or `fr-ca` (lowercased), or nil for none.
    static func language(_ raw: String?) throws -> String? {
        guard let raw, !raw.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        let tag = raw.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "_", with: "-")
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        let letters = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz")
        let alphanumerics = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz0123456789")
        let valid =
            (1...2).contains(parts.count) && (2...3).contains(parts[0].count) && parts[0].unicodeScalars.allSatisfy(letters.contains)
            && parts.dropFirst().allSatisfy { (2...8).contains($0.count) && $0.unicodeScalars.allSatisfy(alphanumerics.contains) }
        guard valid else {
            throw ValidationError(code: "invalid_user", field: "language", message: "\"\(raw)\" is not a language tag such as fr or en")
        }
        return tag
    }
}
