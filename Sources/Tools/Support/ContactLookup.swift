import AutopilotCore
import Engine
import Storage

/// Finds the tenant's contact a tool's input names: by `contact_id`, `email` or `phone` (exactly one of them).
struct ContactLookup {
    let context: ToolContext

    /// The contact's id; `invalid_input` when none or several ways are given or the value is not an address,
    /// `not_found` when the tenant has no such contact.
    func contactID(_ input: ToolInput, allowID: Bool = false) async throws -> String {
        let id = allowID ? try input.optionalString("contact_id") : nil
        let email = try input.optionalString("email")
        let phone = try input.optionalString("phone")
        let names = (allowID ? ["contact_id"] : []) + ["email", "phone"]
        let given = [id, email, phone].compactMap { $0 }.count
        guard given == 1 else {
            let list = names.joined(separator: ", ")
            throw ToolError.invalid("$", given == 0 ? "give one of \(list)" : "give only one of \(list), not several")
        }
        let store = context.dependencies.store
        if let id {
            guard try await store.contacts(ids: [id], tenantID: context.tenantID)[id] != nil else { throw NotFoundError(what: "contact \(id)") }
            return id
        }
        if let email {
            guard let normalized = ContactFields.normalizeEmail(email) else {
                throw ToolError.invalid("$.email", "\"\(email)\" is not an email address")
            }
            guard let found = try await store.contactID(email: normalized, tenantID: context.tenantID) else {
                throw NotFoundError(what: "a contact with the email \(normalized)")
            }
            return found
        }
        let raw = phone ?? ""
        guard let normalized = ContactFields.normalizePhone(raw) else { throw ToolError.invalid("$.phone", "\"\(raw)\" is not a phone number") }
        guard let found = try await store.contactID(phone: normalized, tenantID: context.tenantID) else {
            throw NotFoundError(what: "a contact with the phone number \(normalized)")
        }
        return found
    }
}
